"""Statement tables in pipe form (HTML ``<table>`` through the page reader, Markdown tables): hand-written press
releases in three styles (unit tests of :mod:`claimgraph.sources.grids`, not quality figures)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimgraph.sources.extract import extract
from claimgraph.sources.grids import GridContext, find_grids, grid_claims
from claimgraph.sources.metrics import load_vocabulary
from claimgraph.sources.model import Claim, Period
from claimgraph.sources.readers import read_inputs

HERE = Path(__file__).parent / "fixtures" / "grids"


def _claims(name: str) -> list[Claim]:
    (result,) = list(read_inputs([str(HERE / name)]))
    assert result.document is not None
    return extract(result.document).claims


def _rows(claims: list[Claim]) -> set[tuple[str, str, float, float, str, str, str]]:
    return {(c.metric, str(c.measure), c.value.low, c.value.high, c.value.unit,
             c.period.label if c.period else "-", str(c.modality)) for c in claims}


def test_us_press_release_columns_scale_and_signs() -> None:
    rows = _rows(_claims("press-release-q3.html"))
    assert ("revenue", "level", 152310000.0, 152310000.0, "USD", "2024-Q3", "reported") in rows
    assert ("revenue", "level", 120045000.0, 120045000.0, "USD", "2023-Q3", "prior_period") in rows
    assert ("revenue", "level", 431200000.0, 431200000.0, "USD", "2024-9M", "reported") in rows
    assert ("net_income", "level", 9870000.0, 9870000.0, "USD", "2024-Q3", "reported") in rows  # "(loss)" label
    assert ("net_income", "level", -4002000.0, -4002000.0, "USD", "2023-Q3", "prior_period") in rows
    assert ("eps", "level", 0.21, 0.21, "USD", "2024-Q3", "reported") in rows  # per share: no scale
    assert ("operating_income", "level", -9870000.0, -9870000.0, "USD", "2023-9M", "prior_period") in rows
    assert len(rows) == 20


def test_uk_interim_pence_change_column_outlook_and_text_figure_once() -> None:
    claims = _claims("uk-interim.html")
    rows = _rows(claims)
    assert ("eps", "level", 0.124, 0.124, "GBP", "2025-H1", "reported") in rows  # "(p)": pence
    assert ("adjusted_operating_income", "change_yoy", 8.2, 8.2, "percent", "2025-H1", "reported") in rows
    assert ("revenue", "level", 1160500000.0, 1160500000.0, "GBP", "2024-H1", "prior_period") in rows
    assert ("net_debt", "level", 410000000.0, 410000000.0, "GBP", "2025-06-30", "reported") in rows
    assert ("revenue", "change_yoy", 3.0, 5.0, "percent", "2025", "guidance") in rows
    assert ("capex", "level", 120000000.0, 120000000.0, "GBP", "2025", "guidance") in rows
    # the segment line is not the company's revenue, and the headline figure in the text is kept once
    assert not any(c.value.low == 702100000.0 for c in claims)
    assert len([c for c in claims if c.metric == "revenue" and str(c.modality) == "reported"
                and str(c.measure) == "level"]) == 1


def test_markdown_basic_diluted_rows_and_a_second_heading_block() -> None:
    rows = _rows(_claims("fiscal-q4.md"))
    assert ("eps", "level", 0.54, 0.54, "USD", "FY2025-Q4", "reported") in rows  # "Diluted" under "per share:"; the
    # fiscal year ends June 30 (the text says so)
    assert ("revenue", "level", 3201700000.0, 3201700000.0, "USD", "FY2025", "reported") in rows
    assert ("cash", "level", 1020000000.0, 1020000000.0, "USD", "2025-06-30", "reported") in rows
    assert ("total_debt", "level", 700000000.0, 700000000.0, "USD", "2024-06-30", "prior_period") in rows
    assert not any(r[2] in (400200000.0, 380100000.0) for r in rows)  # "Cost of revenue" is not revenue


CTX = GridContext("Acme", Period(dt.date(2024, 7, 1), dt.date(2024, 9, 30), "2024-Q3"), (12, 31),
                  dt.date(2024, 10, 30), "USD")


def _grid(text: str) -> list[tuple[str, float, str, str]]:
    (grid,) = find_grids(text)
    return [(c.metric, c.value.low, c.period.label if c.period else "-", str(c.modality))
            for c in grid_claims(grid, text, CTX, load_vocabulary(), quote=lambda a, b: (text[a:b], (a, b)))]


@pytest.mark.parametrize(("label", "metric"), [
    ("Total revenues", "revenue"), ("Net income attributable to Acme Inc.", "net_income"),
    ("Income (loss) from operations", "operating_income"), ("Non-GAAP diluted EPS", "adjusted_eps"),
    ("Adjusted EBITDA", "adjusted_ebitda"), ("Deferred revenue", None), ("Revenue from North America", None),
    ("Cost of revenue", None), ("Subscription revenue", None), ("Dividends declared per share", "dividend"),
])
def test_row_labels_name_the_whole_figure(label: str, metric: str | None) -> None:
    got = _grid(f"(in millions)\n| | Q3 2024 | Q3 2023 |\n|---|---|---|\n| {label} | 12.5 | 10.0 |\n| Other | 1 | 2 |")
    assert [m for m, *_ in got][:1] == ([metric] if metric else [])


def test_year_columns_take_the_article_quarter_and_dashes_are_no_figure() -> None:
    got = _grid("| (in thousands) | 2024 | 2023 |\n| Revenue | 5,000 | — |")
    assert got == [("revenue", 5000000.0, "2024-Q3", "reported")]


def test_balance_sheet_dates_are_instants_and_uk_dates_read() -> None:
    got = _grid("| £m | 30 June 2024 | 31 December 2023 |\n| Total assets | 1,000 | 900 |")
    assert got == [("total_assets", 1e9, "2024-06-30", "reported"), ("total_assets", 9e8, "2023-12-31", "prior_period")]


def test_a_change_column_is_the_latest_periods_change() -> None:
    got = _grid("| $m | Q3 2024 | Q3 2023 | % change |\n| Revenue | 110 | 100 | 10% |\n| Revenue | $5 | $4 | $1 |")
    assert ("revenue", 10.0, "2024-Q3", "reported") in got
    assert not any(v == 1.0 for _, v, *_ in got)


def test_plain_text_table_laid_out_with_spaces() -> None:
    rows = _rows(_claims("text-table.txt"))
    assert ("revenue", "level", 478900000.0, 478900000.0, "USD", "2024-Q2", "prior_period") in rows
    assert ("revenue", "level", 998000000.0, 998000000.0, "USD", "2025-H1", "reported") in rows
    assert ("net_income", "level", 61300000.0, 61300000.0, "USD", "2025-Q2", "reported") in rows  # "$  61.3"
    assert ("eps", "level", 1.25, 1.25, "USD", "2024-H1", "prior_period") in rows
    assert not any(r[2] == 301100000.0 for r in rows)  # cost of revenue
    # the text's "$512.4 million" and the table's "$ 512.4" (in millions) are one figure
    assert len([r for r in rows if r[0] == "revenue" and r[2] == 512400000.0]) == 1


def test_a_scale_note_just_below_the_table_applies_when_none_is_above() -> None:
    text = "| | Q3 2024 | Q3 2023 |\n| Revenue | $ 1,204 | $ 1,010 |\n| Diluted EPS | $ 0.21 | $ 0.18 |\n\n" \
           "(in thousands, except per share data)\n"
    got = _grid(text)
    assert ("revenue", 1204000.0, "2024-Q3", "reported") in got
    assert ("eps", 0.21, "2024-Q3", "reported") in got  # per-share rows keep their stated numbers
    # a sentence below the table is not a note
    assert ("revenue", 1204.0, "2024-Q3", "reported") in _grid(text.replace(
        "(in thousands, except per share data)", "Sales grew in thousands of stores across the region this year."))


def test_a_scale_note_in_a_row_of_its_own_inside_the_table_applies() -> None:
    text = ("| | Three Months Ended June 30, | | Six Months Ended June 30, | |\n| | 2025 | 2024 | 2025 | 2024 |\n"
            "| (in thousands of euros, except per share data) | | | | |\n"
            "| Total revenue | 9,512 | 8,100 | 18,040 | 15,300 |\n| Net loss per share | (0.11) | (0.23) | (0.38) | (0.67) |\n")
    got = _grid(text)
    assert ("revenue", 9512000.0, "2025-Q2", "reported") in got
    assert ("revenue", 15300000.0, "2024-H1", "prior_period") in got
    assert ("eps", -0.11, "2025-Q2", "reported") in got
    # a row that only names a group is no note: the figures below it keep their stated scale
    plain = text.replace("(in thousands of euros, except per share data)", "Continuing operations:")
    assert ("revenue", 9512.0, "2025-Q2", "reported") in _grid(plain)


def test_an_outlook_in_low_and_high_columns_is_one_range_for_the_whole_year() -> None:
    text = ("Fiscal 2026 Outlook\n| | Low | High |\n|---|---|---|\n| Net sales growth | 1% | 3% |\n"
            "| Adjusted diluted EPS | $3.40 | $3.55 |\n| Net income | $410 million | |\n")
    got = _grid(text)
    assert ("adjusted_eps", 3.40, "2026", "guidance") in got  # the low end, the claim's value a range up to 3.55
    assert ("revenue", 1.0, "2026", "guidance") in got
    assert ("net_income", 410000000.0, "2026", "guidance") in got  # one end alone is its own figure
    assert len(got) == 3
    # columns that are no pair are read as they stand
    assert len(_grid(text.replace("| Low | High |", "| Low | Base |"))) == 5


def test_a_table_takes_the_currency_its_note_names_in_words_or_the_article_states() -> None:
    """"(in millions of euros)" names the euro; a page without a dateline whose table note names no currency takes
    the one the article's own amounts are marked in ("about 1.3 billion euros"), not the dollar."""
    rows = _rows(_claims("luxury-half-year-no-currency.html"))
    assert ("revenue", "level", 8970e6, 8970e6, "EUR", "2024-H1", "reported") in rows
    assert ("net_income", "level", 1786e6, 1786e6, "EUR", "2023-H1", "prior_period") in rows
    text = ("(in thousands of Canadian dollars)\n| | 2024 | 2023 |\n|---|---|---|\n| Revenue | 1,200 | 1,100 |\n")
    ctx = GridContext(company="Acme", period=None, fye=(12, 31), published=dt.date(2025, 2, 20), currency="USD")
    (grid,) = find_grids(text)
    units = {c.value.unit for c in grid_claims(grid, text, ctx, load_vocabulary(), quote=lambda a, b: (text[a:b], (a, b)))}
    assert units == {"CAD"}


def test_a_paris_dateline_under_a_repeated_headline_gives_the_euro_of_its_day() -> None:
    """A page whose <h1> repeats its <title> has one headline, so "PARIS, July 23 -" below it is the dateline; in
    2024 the French currency is the euro (a 1987 Paris item's bare amounts are francs)."""
    rows = _rows(_claims("luxury-half-year-paris-dateline.html"))
    assert ("revenue", "level", 8970e6, 8970e6, "EUR", "2024-H1", "reported") in rows
    from claimgraph.sources.places import dateline
    assert dateline("PARIS, March 3 - Shr 1.20 francs", dt.date(1987, 3, 3)).currency == "FRF"  # type: ignore[union-attr]


def test_a_uk_half_year_text_table_with_signed_changes_and_fiscal_half_headings() -> None:
    """A results statement sent as text: its space-aligned table has "+8.5%" change cells (a sign, not a dash)
    and "H1 FY25" headings; "Half-year results for the six months ended 31 December 2024" makes a year to June,
    so H1 FY25 is July-December 2024 (not a half after publication), and the outlook's full year ends June 2025."""
    claims = _claims("uk-half-year-text-table.txt")
    got = {(c.metric, str(c.measure), c.value.low, c.period.start.isoformat() if c.period else "-",
            c.period.end.isoformat() if c.period else "-", str(c.modality)) for c in claims}
    assert ("revenue", "level", 1412.6e6, "2024-07-01", "2024-12-31", "reported") in got
    assert ("revenue", "level", 1301.9e6, "2023-07-01", "2023-12-31", "prior_period") in got
    assert ("revenue", "change_yoy", 8.5, "2024-07-01", "2024-12-31", "reported") in got
    assert ("eps", "level", 0.382, "2024-07-01", "2024-12-31", "reported") in got
    assert all(c.period is None or c.period.end <= dt.date(2025, 6, 30) for c in claims)
    outlook = [c for c in claims if c.modality.value != "reported" and c.modality.value != "prior_period"]
    assert outlook and all(c.period is not None and c.period.end == dt.date(2025, 6, 30) for c in outlook)


def test_a_caption_ending_on_a_scale_note_with_any_currency_code_scales_the_table() -> None:
    from claimgraph.sources.grids import _currency, _scale
    from claimgraph.sources.readers import Metadata, html_document

    assert [(_scale(t), _currency(t)) for t in ("Key figures (SEK million)", "MNOK", "(ZAR bn)", "(DKK '000)")] == [
        (1e6, "SEK"), (1e6, "NOK"), (1e9, "ZAR"), (1e3, "DKK")]
    page = ("<html><head><title>Kvarn Paper results</title></head><body><article><h1>Kvarn Paper results</h1>"
            "<p>STOCKHOLM, Oct 24 - Kvarn Paper AB reported its third-quarter figures on Thursday, with sales "
            "helped by higher pulp prices and a weaker crown.</p>"
            "<table><caption>Key figures (SEK million)</caption><thead><tr><th></th><th>Q3 2024</th>"
            "<th>Q3 2023</th></tr></thead><tbody><tr><td>Net sales</td><td>9,812</td><td>9,085</td></tr>"
            "<tr><td>Operating profit</td><td>1,204</td><td>-340</td></tr></tbody></table></article></body></html>")
    got = {(c.metric, c.value.low, c.value.unit) for c in extract(html_document(page, "p.html", Metadata(
        published="2024-10-24"))).claims}
    assert ("revenue", 9_812_000_000.0, "SEK") in got and ("operating_income", -340_000_000.0, "SEK") in got


def test_a_wrapped_label_of_a_space_aligned_statement_row_is_read() -> None:
    """"Net loss per share, basic" / "  and diluted   $ (0.31)   $ (0.39)", the table's last row: kept (it is no
    trailing widget) and read as one label, the EPS."""
    from claimgraph.sources.readers import Metadata, text_document

    text = ("Quillon Labs Reports First Quarter Results\n\nBOSTON, May 8, 2024 -- Quillon Labs, Inc. today reported "
            "results for the first quarter ended March 31, 2024.\n\n(in thousands, except per share data)\n\n"
            "                                        Three Months Ended\n"
            "                                             March 31,\n"
            "                                        2024          2023\n"
            "Revenue                             $   84,212    $   71,360\n"
            "Net loss                            $  (12,480)   $  (15,102)\n"
            "Net loss per share, basic\n"
            "  and diluted                       $    (0.31)   $    (0.39)\n")
    got = {(c.metric, c.value.low, str(c.period.end) if c.period else None)
           for c in extract(text_document(text, "q.txt", Metadata(published="2024-05-08"))).claims}
    assert ("eps", -0.31, "2024-03-31") in got and ("eps", -0.39, "2023-03-31") in got
    assert ("net_income", -12_480_000.0, "2024-03-31") in got
