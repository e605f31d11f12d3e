"""Hand-written articles of the fourteenth session's probes: each test fails on the code before its fix."""

from __future__ import annotations

from pathlib import Path

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document
from tests.conftest import claim_rows

_rows = claim_rows


def test_capitalised_function_director_is_a_person_not_a_company() -> None:
    # "Finance Director Hermann Vogt" introduces a person: "Vogt said ..." later does not make Vogt a company
    text = ("ZURICH, March 13 - Tiefenthal Metall AG said its net loss narrowed to 120 mln Swiss francs in 1986.\n"
            "    Chief executive Hans Brunner and Finance Director Hermann Vogt told a news conference the company's "
            "liquidity was strong.\n"
            "    Vogt said bank debt had been cut to 2.56 billion francs from 3.85 billion.\n")
    rows = _rows(text, "1987-03-13", "TIEFENTHAL METALL CUTS LOSS")
    assert not any(r[0] in ("Vogt", "Hermann Vogt") for r in rows), rows
    assert ("Tiefenthal Metall", "net_income", "reported", -120e6, "1986") in rows, rows


def test_shareholders_equity_after_losses_is_no_net_loss() -> None:
    text = ("ZURICH, March 13 - Tiefenthal Metall AG made a net loss of 120 mln Swiss francs in 1986.\n"
            "    After the 1986 losses, shareholders' equity stood at only 895 mln francs.\n")
    rows = _rows(text, "1987-03-13", "TIEFENTHAL METALL LOSS")
    assert ("Tiefenthal Metall", "net_income", "reported", -120e6, "1986") in rows, rows
    assert not any(r[3] in (895e6, -895e6) and r[1] == "net_income" for r in rows), rows


def test_a_list_of_years_each_leading_its_own_figure() -> None:
    # the year after a comma leads the next figure: the figure before the comma keeps the year before it
    text = ("Brandvik Corp said its 1985 net loss was 756 mln dlrs, its 1984 net profit 68 mln dlrs and its 1983 "
            "net loss 217 mln dlrs.\n")
    rows = _rows(text, "1987-03-13", "Brandvik restates")
    assert ("Brandvik", "net_income", "reported", -756e6, "1985") in rows, rows
    # (the earlier years after the latest one are its comparatives since the sixteenth session's issue12w18: the
    # periods are what this test is about)
    assert {(r[3], r[4]) for r in rows if r[1] == "net_income"} == {(-756e6, "1985"), (68e6, "1984"),
                                                                   (-217e6, "1983")}, rows
    text = ("ZURICH - Brandvik AG said the restatement left the 1985 account with a 756 mln franc loss instead of 692 "
            "mln, 1984 with a 68 mln profit instead of 169 mln and 1983 with a 217 mln loss instead of 82 mln.\n")
    rows = _rows(text, "1987-03-13", "Brandvik restates")
    years = {r[3]: r[4] for r in rows if r[1] == "net_income"}
    assert years == {-756e6: "1985", -692e6: "1985", 68e6: "1984", 169e6: "1984", -217e6: "1983", -82e6: "1983"}, rows


def test_results_go_on_from_the_paragraph_before_in_a_story_without_a_period() -> None:
    # the story's period is not known (its title names the year ahead, its end a shareholders' meeting after
    # publication): a paragraph of results naming no period goes on with the latest period the paragraph before
    # reported, not the quarter before publication
    text = ("ZURICH, March 13 - Tiefenthal Metall AG may be able to break even this year after cleansing its balance "
            "sheet for 1986, chief executive Hans Brunner said.\n"
            "    Tiefenthal made a net loss of 688 mln Swiss francs in 1986 after a restated 756 mln loss in 1985.\n"
            "    Gross sales were 5.93 billion francs after 8.51 billion.\n"
            "    Tiefenthal had originally reported a 692 mln francs loss for 1985.\n"
            "    The new management installed a year ago had decided to restate the previous five years' accounts.\n"
            "    It also had 106 mln extraordinary income in 1986 from the sale of a subsidiary. There were no "
            "extraordinary gains in 1985.\n"
            "    Brunner said the losses, plus those carried forward from 1985, had wiped out the reserves, forcing a "
            "50 pct capital cut, to be approved by shareholders on April 22.\n")
    rows = _rows(text, "1987-03-13", "TIEFENTHAL SEES POSSIBLE BREAK-EVEN IN 1987")
    sales = {r[3]: r[4] for r in rows if r[1] == "revenue"}
    assert sales == {5.93e9: "1986", 8.51e9: "1985"}, rows


def test_gross_sales_line_of_a_results_table() -> None:
    text = ("ZURICH, March 13 - Net Loss 688 mln Swiss francs vs. Loss\n756 mln\n"
            "    Gross sales 5.93 billion vs. 8.51 billion\n"
            "    Operating income 198 mln francs vs 256 mln\n")
    rows = _rows(text, "1987-03-13", "TIEFENTHAL METALL AG <TIEF.Z> YEAR 1986")
    assert ("Tiefenthal Metall", "revenue", "reported", 5.93e9, "1986") in rows, rows
    assert ("Tiefenthal Metall", "revenue", "prior_period", 8.51e9, "1985") in rows, rows


def test_danish_results_table_crowns_income_after_tax_and_nominal_share() -> None:
    # bare "crowns" under a Copenhagen dateline are Danish; "Income after tax" is the net income; "Earnings per
    # 20-crown share" is the EPS of a share named by its nominal value
    text = ("COPENHAGEN, March 11 -\n"
            "    Pre-tax income 788 mln Danish crowns vs 872 mln\n"
            "    Sales 4.21 billion crowns vs 4.11 billion\n"
            "    Income after tax 521 mln crowns vs 604 mln\n"
            "    Earnings per 20-crown share 20.45 crowns vs 23.79\n")
    doc = text_document(text, "x.txt", Metadata(published="1987-03-11", title="HAVSTEN INDUSTRI A/S YEAR 1986"))
    rows = {(c.metric, c.modality, c.value.low, c.value.unit, c.period.label if c.period else None)
            for c in extract(doc).claims}
    assert ("revenue", "reported", 4.21e9, "DKK", "1986") in rows, rows
    assert ("net_income", "reported", 521e6, "DKK", "1986") in rows, rows
    assert ("eps", "reported", 20.45, "DKK", "1986") in rows, rows
    assert ("eps", "prior_period", 23.79, "DKK", "1985") in rows, rows


def test_consolidated_banking_group_profit_is_the_whole_group() -> None:
    text = ("VIENNA, March 11 - Zentralbank AG said it had a 1986 consolidated banking group net profit of 496.7 mln "
            "schillings, against 354.5 mln in 1985.\n")
    rows = _rows(text, "1987-03-11", "ZENTRALBANK PROFIT RISES")
    assert ("Zentralbank", "net_income", "reported", 496.7e6, "1986") in rows, rows


def test_a_year_up_from_the_year_before_is_a_year_on_year_change() -> None:
    from claimgraph.sources.model import Measure

    text = "Brightline Foods Inc. said full-year net sales were $1.77 billion, up 6% from 2023.\n"
    doc = text_document(text, "x.txt", Metadata(published="2025-02-14", title="Brightline Foods results"))
    moves = [(c.measure, c.period.label if c.period else None) for c in extract(doc).claims
             if c.value.unit == "percent"]
    assert moves == [(Measure.CHANGE_YOY, "2024")], moves
    text = "Brightline Foods Inc. said full-year net sales were $1.77 billion, up 40% since 2019.\n"
    doc = text_document(text, "x.txt", Metadata(published="2025-02-14", title="Brightline Foods results"))
    moves = [c.measure for c in extract(doc).claims if c.value.unit == "percent"]
    assert Measure.CHANGE_YOY not in moves, moves


def test_a_figure_in_a_year_then_a_quarter_reported_after_the_comma() -> None:
    text = ("Osterley Foods Inc agreed on Wednesday to buy snack maker Brantwood Inc for about $36 billion.\n\n"
            "Brantwood, which had net sales of $13.1 billion in 2023, reported second-quarter net income of $344 "
            "million.\n")
    rows = _rows(text, "2024-08-14", "Osterley Foods to buy Brantwood")
    assert ("Brantwood", "revenue", "reported", 13.1e9, "2023") in rows, rows
    assert ("Brantwood", "net_income", "reported", 344e6, "2024-Q2") in rows, rows


def test_the_day_a_result_was_said_is_no_period_of_it() -> None:
    text = ("Coastal Cola Co reported third-quarter revenue of $11.9 billion on Tuesday, while rival Harbor Drinks "
            "Inc earlier this month posted revenue of $23.32 billion.\n\n"
            "Harbor Drinks' net income rose 5% to $2.93 billion, the company said on Oct. 8.\n")
    rows = _rows(text, "2024-10-22", "Coastal Cola beats, Harbor Drinks stumbles")
    assert ("Harbor Drinks", "net_income", "reported", 2.93e9, "2024-Q3") in rows, rows


def test_a_valued_company_at_a_multiple_of_its_expected_figure_per_a_data_provider() -> None:
    text = ("Osterley Foods Inc agreed on Wednesday to buy snack maker Brantwood Inc for about $36 billion.\n\n"
            "The deal values Brantwood at about 16 times its expected 2024 adjusted EBITDA of $2.2 billion, "
            "according to LSEG data.\n")
    rows = _rows(text, "2024-08-14", "Osterley Foods to buy Brantwood")
    assert ("Brantwood", "adjusted_ebitda", "analyst_estimate", 2.2e9, "2024") in rows, rows


def test_a_script_drawn_page_is_read_from_its_json_ld_article_body(tmp_path: Path) -> None:
    # the page shows no text (a script draws it); its JSON-LD carries the article
    from claimgraph.sources.readers import read_inputs

    page = tmp_path / "p.html"
    page.write_text(
        '<!DOCTYPE html><html><head><title>Loading</title><script type="application/ld+json">{"@context": '
        '"https://schema.org", "@type": "NewsArticle", "headline": "Halvard Shipping swings to profit", '
        '"datePublished": "2023-05-04T07:00:00+02:00", "author": [{"@type": "Person", "name": "Ingrid Dahl"}], '
        '"articleBody": "OSLO - Halvard Shipping ASA reported a first-quarter net profit of 412 million crowns, '
        'against a loss of 88 million crowns a year earlier."}</script></head>'
        '<body><div id="app"></div><script>window.__APP__={}</script></body></html>', encoding="utf-8")
    doc = next(iter(read_inputs([str(page)]))).document
    assert doc.title == "Halvard Shipping swings to profit"
    rows = {(c.company, c.metric, c.modality, c.value.low, c.value.unit, c.period.label if c.period else None)
            for c in extract(doc).claims}
    assert ("Halvard Shipping", "net_income", "reported", 412e6, "NOK", "2023-Q1") in rows, rows


def test_markdown_with_an_html_table_is_read_as_a_table() -> None:
    text = ("---\ntitle: \"Q2 2024: Lumen Dynamics beats on revenue\"\ndate: 2024-08-07\n---\n"
            "Lumen Dynamics (NASDAQ:LUMD) reported Q2 revenue of $88.4M, +14.2% Y/Y.\n\n"
            "<table>\n<tr><th>$ in millions</th><th>Q2 2024</th><th>Q2 2023</th></tr>\n"
            "<tr><td>Revenue</td><td>88.4</td><td>77.4</td></tr>\n"
            "<tr><td>Non-GAAP EPS</td><td>0.21</td><td>0.12</td></tr>\n</table>\n")
    from claimgraph.sources.readers import Format

    doc = text_document(text, "x.md", Metadata(), fmt=Format.MD)
    rows = {(c.metric, c.value.low, c.period.label if c.period else None) for c in extract(doc).claims}
    assert ("revenue", 77.4e6, "2023-Q2") in rows, rows
    assert ("adjusted_eps", 0.21, "2024-Q2") in rows, rows


def test_a_correction_notice_states_the_figure_it_replaces() -> None:
    # "36 cts per share, not the 37 cts it reported on March 11": the 37 is the replaced figure of the same year
    text = ("NEW YORK, March 30 - Sorrento Lines Inc said its earnings per share for the year 1986 were 36 cts per "
            "share, not the 37 cts it reported on March 11.\n")
    rows = _rows(text, "1987-03-30", "SORRENTO LINES <SRL> CORRECTS EARNINGS")
    assert ("Sorrento Lines", "eps", "reported", 0.36, "1986") in rows, rows
    assert ("Sorrento Lines", "eps", "preliminary", 0.37, "1986") in rows, rows
