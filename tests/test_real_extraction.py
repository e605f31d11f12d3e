"""Extraction mechanisms for real news (issue 12), on hand-written text in the styles of real sources.

These sentences are written by the developers to pin each mechanism; the accuracy figures come from the real
gold (tests/test_real_quality.py), never from these.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Claim, Extraction, Measure, Modality
from claimgraph.sources.readers import Metadata, text_document
from tests.conftest import wire_record as _record


def _rows(ex: Extraction) -> list[tuple[str, str, float, str | None, str]]:
    return [(c.metric, c.measure.value, round(c.value.mid, 6),
             f"{c.period.start}..{c.period.end}" if c.period else None, c.modality.value) for c in ex.claims
            if c.metric != "unclassified"]


def _c(ex: Extraction, metric: str, value: float) -> Claim:
    return next(c for c in ex.claims if c.metric == metric and abs(c.value.mid - value) < 1e-6)


WIRE = """NORWOOD, MASS., June 19 -
    Shr profit two cts vs loss one ct
    Net profit 130,000 vs loss 46,000
    Revs 16.0 mln vs 23.9 mln
    Avg shrs 8,567,000 vs 8,458,000
    Nine mths
    Shr loss 1.02 dlrs vs profit 35 cts
    Net loss 8,685,000 vs profit 2,978,000
    NOTE: Net excludes gain 112,000 dlrs from sale.
"""


def test_wire_table_sections_columns_and_signs() -> None:
    ex = _record("ACME SYSTEMS INC <ACME.O> 3RD QTR MAY 31 NET", WIRE, "1987-06-19")
    assert ex.main_company is not None and ex.main_company.name == "Acme Systems"
    rows = _rows(ex)
    q3, q3_prior = "1987-03-01..1987-05-31", "1986-03-01..1986-05-31"
    nine, nine_prior = "1986-09-01..1987-05-31", "1985-09-01..1986-05-31"
    assert ("eps", "level", 0.02, q3, "reported") in rows
    assert ("eps", "level", -0.01, q3_prior, "prior_period") in rows
    assert ("net_income", "level", 130000.0, q3, "reported") in rows
    assert ("net_income", "level", -46000.0, q3_prior, "prior_period") in rows
    assert ("revenue", "level", 16e6, q3, "reported") in rows
    assert ("eps", "level", -1.02, nine, "reported") in rows
    assert ("net_income", "level", 2978000.0, nine_prior, "prior_period") in rows
    # the note's gain is a component of net, never net income; average shares are counts, kept unclassified
    assert not any(c.metric == "net_income" and c.value.mid == 112000 for c in ex.claims)
    assert any(c.metric == "unclassified" and c.value.unit == "count" for c in ex.claims)
    assert all(c.company == "Acme Systems" for c in ex.claims)


def test_period_arithmetic_without_a_stated_end() -> None:
    # A 4th quarter reported in March is the calendar fourth quarter; a 2nd quarter reported in mid-March
    # ended in December (a fiscal year ending in June); a 1st quarter filed a week after March 31 is Q1.
    q4 = _rows(_record("ACME <ACM> 4TH QTR NET", "CHICAGO, March 16 -\n    Shr 43 cts vs 25 cts\n", "1987-03-16"))
    assert q4[0][3] == "1986-10-01..1986-12-31"
    q2 = _rows(_record("ACME <ACM> 2ND QTR NET", "CHICAGO, March 16 -\n    Shr 43 cts vs 25 cts\n", "1987-03-16"))
    assert q2[0][3] == "1986-10-01..1986-12-31"
    q1 = _rows(_record("ACME <ACM> 1ST QTR NET", "CHICAGO, April 7 -\n    Shr 43 cts vs 25 cts\n", "1987-04-07"))
    assert q1[0][3] == "1987-01-01..1987-03-31"
    year = _rows(_record("ACME <ACM> YEAR NET", "CHICAGO, March 27 -\n    Net 1.3 mln vs 1.7 mln\n", "1987-03-27"))
    assert year[0][3] == "1986-01-01..1986-12-31" and year[1][3] == "1985-01-01..1985-12-31"


def test_dateline_currency_and_currency_words() -> None:
    ex = _record("MAPLE CORP <MPL.TO> 1ST QTR NET", "TORONTO, March 19 - ended January 31\n    Net 5.1 mln vs 4.2 mln\n"
                 "    Revs 20.3 mln marks vs 19.0 mln marks\n", "1987-03-19")
    net = _c(ex, "net_income", 5.1e6)
    assert net.value.unit == "CAD" and net.period is not None and net.period.end == dt.date(1987, 1, 31)
    assert _c(ex, "revenue", 20.3e6).value.unit == "DEM"


def test_dividend_table_prior_is_the_previous_payment() -> None:
    ex = _record("ACME CORP <ACM> QTLY DIVIDEND", "BOSTON, March 5 -\n    Qtly div 11-3/4 cts vs 11-3/4 cts prior\n"
                 "    Pay April 15\n    Record March 24\n", "1987-03-05")
    divs = [c for c in ex.claims if c.metric == "dividend"]
    assert [round(c.value.mid, 4) for c in divs] == [0.1175, 0.1175]
    assert divs[0].period is not None and divs[1].period is not None and divs[1].period.end < divs[0].period.start


def test_company_not_in_the_registry() -> None:
    out = subprocess.run([sys.executable, "-m", "claimgraph", "extract", "-", "--format", "json"],
                         input="Acme revenue was $7 million in Q1 2024.", capture_output=True, text=True, timeout=120)
    claims = json.loads(out.stdout)["claims"]
    assert [(c["company"], c["metric"], c["value"]["stated_value"], c["period"]["label"]) for c in claims] == [
        ("Acme", "revenue", 7e6, "2024-Q1")]


def test_figures_go_to_the_company_named_not_the_registry_one() -> None:
    doc = text_document("Sony results\nTOKYO (Reuters) - Sony Group Corp said its operating profit rose to 300 billion "
                        "yen, while Apple, a big customer, reported revenue of $85 billion.\nSpokeswoman Jane Roe said "
                        "New Zealand sales grew.", "x.txt", Metadata(published="2024-08-06"))
    ex = extract(doc)
    assert ex.main_company is not None and ex.main_company.name == "Sony Group"
    assert _c(ex, "operating_income", 300e9).company == "Sony Group"
    assert _c(ex, "revenue", 85e9).company == "Apple"
    names = {c.name for c in ex.companies}
    assert not names & {"Spokeswoman", "New Zealand", "TOKYO", "Tokyo", "Jane Roe"}


def test_people_and_roles_are_not_companies() -> None:
    ex = _record("LAIDLAW TRANSPORTATION <LDMFA> SEES BETTER YEAR",
                 "Montreal, March 18 - Laidlaw Transportation Ltd said earnings rose. Laidlaw president Michael de "
                 "Groote told analysts revenue would grow. De Groote said profit rose 15 pct to 66.2 mln dlrs in "
                 "1986.", "1987-03-18")
    assert {c.name for c in ex.companies} == {"Laidlaw Transportation"}
    assert {c.company for c in ex.claims} == {"Laidlaw Transportation"}


def test_summary_style_and_headline_period() -> None:
    ex = _record("ACME Q4 2020 results", "q4 adjusted non-gaap earnings per share $9.26.\n"
                 "qtrly total reported sales increased 11% to $938.0 million.\n"
                 "sees fy 2021 adjusted earnings per share $29.20 to $29.80.", "2021-02-09")
    rows = _rows(ex)
    q4 = "2020-10-01..2020-12-31"
    assert ("adjusted_eps", "level", 9.26, q4, "reported") in rows
    assert ("revenue", "change_yoy", 11.0, q4, "reported") in rows
    assert ("revenue", "level", 938e6, q4, "reported") in rows
    assert ("adjusted_eps", "level", 29.5, "2021-01-01..2021-12-31", "guidance") in rows
    assert all(c.company == "ACME" for c in ex.claims)


def test_prior_period_figures_take_the_earlier_period() -> None:
    ex = _record("Acme results", "Acme Corp said first-quarter revenue increased 55% to $4.3 billion from $2.8 "
                 "billion in the first quarter of 2020, and net income rose to 1.04 dlrs a share from 83 cts.",
                 "2021-04-28")
    now, before = _c(ex, "revenue", 4.3e9), _c(ex, "revenue", 2.8e9)
    assert now.period is not None and now.period.label == "2021-Q1" and now.modality is Modality.REPORTED
    assert before.period is not None and before.period.label == "2020-Q1" and before.modality is Modality.PRIOR_PERIOD
    eps = _c(ex, "eps", 1.04)
    assert eps.modality is Modality.REPORTED and eps.period is not None and eps.period.label == "2021-Q1"
    assert not any(c.metric == "net_income" for c in ex.claims)  # "1.04 dlrs a share" is EPS, not net income


def test_lookalike_measures_and_components_stay_unclassified() -> None:
    ex = _record("Acme Bank results", "Acme Bank Corp said net charge-offs were 10.9 mln dlrs and net interest income "
                 "rose to 69.2 mln dlrs. Net income includes a charge of 11 mln dlrs. Its debt to EBITDA is 2.4.",
                 "1987-04-15")
    assert not [c for c in ex.claims if c.metric in ("net_income", "interest_expense", "adjusted_ebitda")]


def test_modalities_of_estimates_outlooks_and_early_estimates() -> None:
    ex = _record("Acme outlook", "Acme Corp said it expects first-quarter revenue of about $5 million, above "
                 "analysts' average estimate of $4.5 million. It lowered its full-year guidance by $0.10 a share to "
                 "$1.93 to $2.13 a share.", "1987-04-10")
    assert _c(ex, "revenue", 5e6).modality is Modality.PRELIMINARY
    assert _c(ex, "revenue", 4.5e6).modality is Modality.ANALYST_ESTIMATE
    assert _c(ex, "eps", -0.1).measure is Measure.CHANGE  # a cut is a fall: negative (tests/quality/README.md)
    assert _c(ex, "eps", 2.03).modality is Modality.GUIDANCE


def test_numbers_in_words_and_stated_values() -> None:
    out = subprocess.run([sys.executable, "-m", "claimgraph", "extract", "-", "--format", "json"],
                         input="Acme Corp said revenue rose about 15 percent to eighty-five mln dlrs in 1986.",
                         capture_output=True, text=True, timeout=120)
    record = json.loads(out.stdout)
    stated = sorted(q["value"]["stated_value"] for q in record["quantities"])
    assert stated == [15.0, 85e6]


def test_estimates_set_against_results_take_their_metric_and_period() -> None:
    ex = _record("Kestrel Tools quarterly results",
                 "Kestrel Tools Inc reported second-quarter sales of $840 million, ahead of the average analyst "
                 "estimate of $815 million. It earned 62 cents per share excluding items, compared with estimates "
                 "of 55 cents. Wall Street analysts polled by a data firm had expected 58 cents. "
                 "Separately, analysts forecast a rise in fourth-quarter net income to about $90 million.",
                 "2023-08-02")
    sales, est = _c(ex, "revenue", 840e6), _c(ex, "revenue", 815e6)
    assert est.modality is Modality.ANALYST_ESTIMATE and est.period == sales.period
    assert sales.period is not None and sales.period.label == "2023-Q2"
    assert _c(ex, "adjusted_eps", 0.55).modality is Modality.ANALYST_ESTIMATE  # not the year-ago figure
    later = _c(ex, "adjusted_eps", 0.58)  # a sentence of its own: the metric of the result it is set against
    assert later.modality is Modality.ANALYST_ESTIMATE and later.period == sales.period
    assert not any(c.metric == "unclassified" and c.value.mid in (815e6, 0.58) for c in ex.claims)


def test_an_estimate_far_from_any_result_is_not_given_its_metric() -> None:
    ex = _record("Kestrel Tools quarterly results",
                 "Kestrel Tools Inc reported second-quarter sales of $840 million. Analysts expect the market for "
                 "its tools to reach $12 billion.", "2023-08-02")
    assert not any(c.value.mid == 12e9 and c.metric == "revenue" for c in ex.claims)


def test_one_outlook_names_several_figures() -> None:
    ex = _record("Kestrel Tools outlook",
                 "Kestrel Tools Inc reaffirmed its fiscal 2023 sales outlook of $3.3 billion to $3.4 billion and "
                 "adjusted earnings per share of $2.40 to $2.55.", "2023-08-02")
    assert _c(ex, "adjusted_eps", 2.475).modality is Modality.GUIDANCE
    assert _c(ex, "revenue", 3.35e9).modality is Modality.GUIDANCE


def test_raised_outlook_keeps_the_earlier_range_and_analysts_had_forecast() -> None:
    ex = _record("Kestrel Tools raises outlook",
                 "Kestrel Tools Plc said revenue rose 9% to 1.2 billion pounds in the six months to Sept. 30. It now "
                 "expects full-year revenue growth of 7% to 8%, up from 5% to 6% previously. Analysts had forecast "
                 "an operating profit of 90 million pounds.", "2023-11-14")
    old = _c(ex, "revenue", 5.5)
    assert old.modality is Modality.PRIOR_GUIDANCE and (old.value.low, old.value.high) == (5, 6)
    assert old.measure is _c(ex, "revenue", 7.5).measure is Measure.CHANGE_YOY
    est = _c(ex, "operating_income", 90e6)
    assert est.modality is Modality.ANALYST_ESTIMATE  # "had forecast" is the analysts' figure, not an old outlook
    assert est.period is not None and est.period == _c(ex, "revenue", 1.2e9).period


def test_market_figures_are_facts_of_a_trading_day() -> None:
    ex = _record("Kestrel Tools cuts forecast",
                 "Kestrel Tools Inc forecast third-quarter revenue below estimates on Wednesday, sending its shares "
                 "down 9% in extended trading. Kestrel Tools shares closed at $41.20 on Wednesday, giving it a market "
                 "value of about $5.1 billion. On Thursday, Kestrel Tools shares fell 4% to $39.55.", "2024-08-23")
    wednesday, thursday = dt.date(2024, 8, 21), dt.date(2024, 8, 22)  # published on a Friday
    move = _c(ex, "share_price", -9)
    assert move.modality is Modality.REPORTED  # not the company's outlook
    assert move.period is not None and move.period.start == move.period.end == wednesday
    assert _c(ex, "share_price", 41.2).period.end == wednesday  # type: ignore[union-attr]
    assert _c(ex, "market_cap", 5.1e9).period.end == wednesday  # type: ignore[union-attr]
    assert _c(ex, "share_price", 39.55).period.end == thursday  # type: ignore[union-attr]


def test_per_share_companion_of_an_earlier_figure_and_an_annual_forecast() -> None:
    ex = _record("Kestrel Tools results",
                 "For the quarter ended Aug. 3, Kestrel Tools Inc posted net income of $48 million, or 42 cents per "
                 "share, compared with $61 million, or 53 cents per share, a year earlier. It cut its annual profit "
                 "forecast to $2.10 to $2.30 per share.", "2024-08-22")
    now, before = _c(ex, "eps", 0.42), _c(ex, "eps", 0.53)
    assert before.modality is Modality.PRIOR_PERIOD and before.period == _c(ex, "net_income", 61e6).period
    assert now.period is not None and before.period is not None and before.period.end.year == now.period.end.year - 1
    outlook = _c(ex, "eps", 2.2)
    assert outlook.modality is Modality.GUIDANCE and outlook.period is not None
    assert (outlook.period.end - outlook.period.start).days > 360


def test_a_cut_outlook_its_fiscal_year_and_estimates_after_the_figure() -> None:
    ex = _record("Kestrel Motors cuts forecast",
                 "Kestrel Motors Corp cut its full-year operating profit forecast by 12% to 800 billion yen. "
                 "Operating profit for the July-September quarter fell 9% to 190 billion yen, missing the 205 billion "
                 "yen average of 12 analysts' estimates. It now expects net profit of 600 billion yen for the year "
                 "ending in March, down from 700 billion yen previously.", "2024-11-06")
    cut, level = _c(ex, "operating_income", -12), _c(ex, "operating_income", 800e9)
    assert cut.measure is Measure.CHANGE and cut.modality is level.modality is Modality.GUIDANCE
    fiscal = (dt.date(2024, 4, 1), dt.date(2025, 3, 31))  # the year ending in March, read from the text
    assert level.period is not None and (level.period.start, level.period.end) == fiscal
    assert cut.period == level.period == _c(ex, "net_income", 600e9).period
    assert _c(ex, "net_income", 700e9).modality is Modality.PRIOR_GUIDANCE
    est = _c(ex, "operating_income", 205e9)
    assert est.modality is Modality.ANALYST_ESTIMATE and est.period == _c(ex, "operating_income", 190e9).period


def test_an_ap_style_results_story() -> None:
    ex = _record("Kestrel Chips profit doubles",
                 "Kestrel Chips said Wednesday that its profit more than doubled. The chipmaker earned $3.1 billion, "
                 "or $1.21 per share, in the three months that ended April 28, up from $1.4 billion, or 55 cents per "
                 "share, a year earlier. For the current quarter, Kestrel Chips expects revenue of about $9 billion.",
                 "2024-05-23")
    q = (dt.date(2024, 1, 29), dt.date(2024, 4, 28))
    income, eps = _c(ex, "net_income", 3.1e9), _c(ex, "eps", 1.21)
    assert income.period is not None and (income.period.start, income.period.end) == q and eps.period == income.period
    assert _c(ex, "net_income", 1.4e9).modality is Modality.PRIOR_PERIOD
    assert _c(ex, "revenue", 9e9).modality is Modality.GUIDANCE  # "For the current quarter," is not a segment


def test_a_quarter_end_stated_once_sets_the_articles_quarters() -> None:
    ex = _record("Kestrel Stores sees weak holiday quarter",
                 "Kestrel Stores Inc expects revenue of $1.05 billion to $1.1 billion for the current quarter. For "
                 "the quarter ended Aug. 3, Kestrel Stores posted net income of $48 million. Comparable sales fell "
                 "3.4%.", "2024-08-22")
    stated = (dt.date(2024, 5, 4), dt.date(2024, 8, 3))  # a 52/53-week retail quarter, off the calendar grid
    for c in (_c(ex, "net_income", 48e6), _c(ex, "same_store_sales", -3.4)):
        assert c.period is not None and (c.period.start, c.period.end) == stated
    outlook = _c(ex, "revenue", 1.075e9)
    assert outlook.period is not None and outlook.period.start == dt.date(2024, 8, 4)  # the 13 weeks after it
    assert (outlook.period.end - outlook.period.start).days in range(88, 93)
