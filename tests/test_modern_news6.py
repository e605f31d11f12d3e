"""Articles from outlets and decades the development data lacks, issue 12's fourth modern round (hand-written
sentences and pages: unit tests, not quality figures)."""

from __future__ import annotations

from pathlib import Path

from claimgraph.sources.declared import declared_dollar
from claimgraph.sources.extract import extract
from claimgraph.sources.model import Claim
from claimgraph.sources.readers import Metadata, read_inputs, text_document

Row = tuple[str, str, str, float, str, str, str]


def _rows(claims: list[Claim]) -> set[Row]:
    return {(c.company, c.metric, str(c.measure), round(c.value.low, 6), c.value.unit,
             f"{c.period.start}..{c.period.end}" if c.period else "-", str(c.modality)) for c in claims}


def _claims(text: str, published: str) -> set[Row]:
    return _rows(extract(text_document(text, "x.txt", Metadata(published=published))).claims)


def _file(tmp_path: Path, name: str, body: str) -> set[Row]:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    (result,) = list(read_inputs([str(path)]))
    assert result.document is not None
    return _rows(extract(result.document).claims)


_CAPTIONED = """<html><head><title>Quorra Devices Reports First Quarter 2024 Results</title>
<meta property="article:published_time" content="2024-05-02T20:05:00Z"></head><body><article>
<h1>Quorra Devices Reports First Quarter 2024 Results</h1>
<p>Quorra Devices, Inc. (NASDAQ: QRRA) today reported results for its first quarter of 2024.</p>
<table><caption>QUORRA DEVICES, INC. STATEMENTS OF OPERATIONS (in thousands, except per share data)</caption>
<tr><th></th><th>Three Months Ended March 31, 2024</th><th>Three Months Ended March 31, 2023</th></tr>
<tr><td>Revenue</td><td>$ 88,412</td><td>$ 71,950</td></tr>
<tr><td>Net income</td><td>$ 6,205</td><td>$ 4,118</td></tr>
<tr><td>Diluted net income per share</td><td>$ 0.21</td><td>$ 0.14</td></tr>
<tr><td>Shares used in computing diluted net income per share</td><td>29,540</td><td>29,102</td></tr>
</table></article></body></html>
"""


def test_a_table_caption_with_a_scale_note_scales_the_table_and_a_share_count_is_no_eps(tmp_path: Path) -> None:
    got = _file(tmp_path, "quorra.html", _CAPTIONED)
    assert ("Quorra Devices", "revenue", "level", 88412000.0, "USD", "2024-01-01..2024-03-31", "reported") in got
    assert ("Quorra Devices", "net_income", "level", 4118000.0, "USD", "2023-01-01..2023-03-31", "prior_period") in got
    assert not [r for r in got if r[1] == "revenue" and r[3] < 1e6]
    assert {r[3] for r in got if r[1] == "eps"} == {0.21, 0.14}


_QUARTERS_AND_YEARS = """---
title: "Tillbrook Forest Products reports fourth quarter and full year 2023 results"
date: 2024-02-15
---

Tillbrook Forest Products Ltd. reported its results on Thursday. All amounts are in Canadian dollars unless
otherwise noted.

Fourth quarter sales were $204.1 million.

| (millions of Canadian dollars) | Q4 2023 | Q4 2022 | 2023 | 2022 |
|---|---|---|---|---|
| Sales | 204.1 | 221.7 | 866.3 | 954.0 |
| Net income | 3.2 | 11.8 | 20.5 | 61.4 |
"""


def test_bare_years_beside_quarter_columns_are_full_years_and_a_declared_dollar_holds(tmp_path: Path) -> None:
    got = _file(tmp_path, "tillbrook.md", _QUARTERS_AND_YEARS)
    company = "Tillbrook Forest Products"
    assert (company, "revenue", "level", 204100000.0, "CAD", "2023-10-01..2023-12-31", "reported") in got
    assert (company, "revenue", "level", 866300000.0, "CAD", "2023-01-01..2023-12-31", "reported") in got
    assert (company, "net_income", "level", 61400000.0, "CAD", "2022-01-01..2022-12-31", "prior_period") in got
    assert not [r for r in got if r[4] == "USD"]


def test_a_corner_cell_eur_million_scales_a_markdown_table(tmp_path: Path) -> None:
    got = _file(tmp_path, "orsini.md", "---\ntitle: Orsini Q1\ndate: 2023-05-05\n---\n\nOrsini S.p.A. reported "
                "first-quarter results on Friday.\n\n| EUR million | Q1 2023 | Q1 2022 |\n|---|---:|---:|\n"
                "| Revenue | 312.6 | 290.1 |\n| Net profit | 21.4 | 18.9 |\n")
    assert ("Orsini", "revenue", "level", 312600000.0, "EUR", "2023-01-01..2023-03-31", "reported") in got
    assert ("Orsini", "net_income", "level", 18900000.0, "EUR", "2022-01-01..2022-03-31", "prior_period") in got


def test_declared_dollar() -> None:
    assert declared_dollar("Unless otherwise noted, all dollar amounts are expressed in Australian dollars.") == "AUD"
    assert declared_dollar("All figures in this release are in US$ unless otherwise stated.") == "USD"
    assert declared_dollar("(in C$ millions)") is None  # a table's note, not a declaration for the text
    assert declared_dollar("The fund holds all its assets in Canadian dollars.") is None


def test_a_results_lead_without_a_figure_names_the_year_an_outlook_year_does_not_compete() -> None:
    got = _claims("Brennwald Holding AG, the Swiss maker of pumps, posted a record profit for 2023 and raised its "
                  "dividend.\nNet profit rose 6.1% to CHF 212 million, the group said on Tuesday.\nFor 2024, "
                  "management expects organic sales growth of 2% to 4%.", "2024-03-05")
    assert ("Brennwald Holding", "net_income", "level", 212000000.0, "CHF", "2023-01-01..2023-12-31",
            "reported") in got


def test_sales_at_stores_open_at_least_a_year_are_same_store_sales() -> None:
    got = _claims("Dunmore Stores Inc. said quarterly sales rose 3 percent to $96.2 million. Sales at stores open "
                  "at least a year, a key measure for retailers, rose 1.7 percent.", "2005-03-03")
    assert {r[1] for r in got if r[3] == 1.7} == {"same_store_sales"}


def test_net_financial_debt_is_net_debt() -> None:
    got = _claims("Ferrandi SpA said net financial debt fell to EUR 140 million at the end of June.", "2023-07-28")
    assert {r[1] for r in got if r[3] == 140000000.0} == {"net_debt"}


def test_a_loss_named_in_the_comparison_is_not_the_per_share_figure_s() -> None:
    got = _claims("Larkfield Outdoor Inc. reported net income of $12.4 million, or $0.52 per share, compared with "
                  "a net loss of $2.1 million a year earlier.", "2022-03-09")
    assert {r[3] for r in got if r[1] == "eps"} == {0.52}


def test_a_basis_leading_the_clause_after_a_semicolon_is_no_revenue_as_reported() -> None:
    got = _claims("Sales at Kestrel Werke AG rose 3.9% to EUR 2.41 billion in 2023; at constant currencies, sales grew "
                  "5.6%.", "2024-03-12")
    assert {r[1] for r in got if r[3] == 5.6} == {"revenue_constant_currency"}
    assert {r[1] for r in got if r[3] == 3.9} == {"revenue"}


def test_a_sentence_led_by_excluded_costs_gives_adjusted_eps() -> None:
    got = _claims("Corbell Analytics Inc. earned $21.7 million, or 31 cents a share, in the quarter. Excluding stock "
                  "compensation and restructuring costs, Corbell earned 38 cents a share.", "2012-02-09")
    assert {r[1] for r in got if r[3] == 0.38} == {"adjusted_eps"}
    assert {r[1] for r in got if r[3] == 0.31} == {"eps"}


def test_a_company_s_likely_fall_of_an_ended_quarter_is_preliminary() -> None:
    got = _claims("SEOUL, April 6 (Reuters) - Daeyang Motors Co said on Friday its first-quarter operating profit "
                  "likely fell 21 percent from a year earlier.", "2018-04-06")
    assert {r[6] for r in got if r[3] == -21.0} == {"preliminary"}


def test_a_percent_slide_in_profit_is_the_profit_s_not_the_dividend_s() -> None:
    got = _claims("Kestrel Mining cut its interim dividend after a 35 per cent slide in half-year profit.", "2024-02-20")
    assert {r[1] for r in got if r[3] == -35.0} == {"net_income"}


def test_the_market_s_move_is_not_the_company_s_share_move() -> None:
    got = _claims("Shares in Daeyang Motors fell 1.9 percent, underperforming the broader market's 0.4 percent fall.",
                  "2018-04-06")
    assert {r[3] for r in got if r[1] == "share_price"} == {-1.9}


def test_jobs_cut_are_a_change_of_the_workforce() -> None:
    got = _claims("Ferrow Devices Inc. said on Tuesday it would cut 650 jobs to lower costs.", "2002-10-08")
    assert {(r[1], r[2], r[3]) for r in got if r[1] == "employees"} == {("employees", "change", -650.0)}


def test_the_price_after_a_move_in_money_is_the_share_price() -> None:
    got = _claims("Shares of Larchmont Tool Co. rose $2.14, or 4.1%, to $54.30 in morning trading Thursday.",
                  "2022-10-27")
    assert ("Larchmont Tool", "share_price", "level", 54.3, "USD", "2022-10-27..2022-10-27", "reported") in got


def test_an_analyst_s_raised_estimate_from_an_old_one_keeps_the_year() -> None:
    got = _claims("Corran Securities raised its price target on Tavistock Brewing Plc to 540 pence.\nAnalyst Ian Rudd "
                  "increased his 2019 earnings per share estimate to 31.2 pence from 29.5 pence.", "2019-03-04")
    old = {(r[5], r[6]) for r in got if r[1] == "eps" and r[3] == 0.295}
    assert old == {("2019-01-01..2019-12-31", "analyst_estimate")}


def test_a_company_s_outlook_up_from_last_year_s_result_stays_the_result() -> None:
    got = _claims("Hollin Foods Plc said it expects 2019 earnings of 31.2 pence a share, up from 29.5 pence in 2018.",
                  "2019-03-04")
    assert {(r[5], r[6]) for r in got if r[3] == 0.295} == {("2018-01-01..2018-12-31", "prior_period")}
