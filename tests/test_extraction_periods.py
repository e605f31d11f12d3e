"""Periods, companies and table structure of results items, on hand-written wire copy (issue 12)."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Claim
from claimgraph.sources.readers import Metadata, text_document


def _claims(title: str, body: str, published: dt.date) -> list[Claim]:
    doc = text_document(f"{title}\n{body}", "x.txt", Metadata(title=title, published=published.isoformat()))
    return extract(doc).claims


def _rows(claims: list[Claim]) -> list[tuple[str, float, str | None, str]]:
    return [(c.metric, c.value.low, c.period.start.isoformat() if c.period else None, c.modality.value)
            for c in claims]


def test_short_thousands_group_keeps_its_magnitude() -> None:
    claims = _claims("ZEPHYR AUDIO INC <ZPA> 2ND QTR NET", "DENVER, April 2 -\n    Shr 12 cts vs 10 cts\n"
                     "    Net 1,310,000 vs 1,092,00\n", dt.date(1987, 4, 2))
    assert [(m, v) for m, v, _, _ in _rows(claims) if m == "net_income"] == [
        ("net_income", 1310000.0), ("net_income", 1092000.0)]


def test_lines_above_a_year_heading_are_the_fourth_quarter() -> None:
    claims = _claims("ORBITAL PUMPS INC <ORBP> YEAR NET", "TULSA, March 20 -\n    Net 40,000 vs 35,000\n"
                     "    Year\n    Net 150,000 vs 120,000\n", dt.date(1987, 3, 20))
    assert _rows(claims) == [
        ("net_income", 40000.0, "1986-10-01", "reported"), ("net_income", 35000.0, "1985-10-01", "prior_period"),
        ("net_income", 150000.0, "1986-01-01", "reported"), ("net_income", 120000.0, "1985-01-01", "prior_period")]


def test_vs_same_and_label_typos_and_qualified_labels() -> None:
    claims = _claims("HALCYON MINING LTD <HMNG> 1986 YEAR", "PERTH, March 10 -\n    Shre nil vs same\n"
                     "    Pre-tax, pre-royalties loss 2.10 mln dlrs vs profit 4.20 mln\n", dt.date(1987, 3, 10))
    assert [(m, v, mod) for m, v, _, mod in _rows(claims)] == [
        ("eps", 0.0, "reported"), ("eps", 0.0, "prior_period"),
        ("pretax_income", -2100000.0, "reported"), ("pretax_income", 4200000.0, "prior_period")]


def test_company_in_parentheses_in_a_wire_headline() -> None:
    claims = _claims("(NORTHWIND FOODS INC) SIX MTHS FEB 28 NET", "TORONTO, April 6 -\n    Shr 21 cts vs 30 cts\n"
                     "    Revs 12.5 mln vs 11.0 mln\n", dt.date(1987, 4, 6))
    assert {c.company for c in claims} == {"Northwind Foods"}
    assert _rows(claims)[0] == ("eps", 0.21, "1986-09-01", "reported")
    assert {c.value.unit for c in claims} == {"CAD"}


def _prose(body: str, published: dt.date) -> list[tuple[str, float, str | None, str]]:
    doc = text_document(body, "x.txt", Metadata(published=published.isoformat()))
    return _rows(extract(doc).claims)


def test_year_ago_quarter_after_the_figure_is_the_earlier_period() -> None:
    got = _prose("For the second quarter ended March 31, Quillon Corp earned 12.5 mln dlrs, up from 10.1 mln dlrs "
                 "for the year-ago quarter.", dt.date(1987, 4, 20))
    assert [(v, start, mod) for _, v, start, mod in got] == [
        (12.5e6, "1987-01-01", "reported"), (10.1e6, "1986-01-01", "prior_period")]


def test_stated_quarter_end_with_a_year_ago_figure() -> None:
    got = _prose("Quillon Corp said profit for the first quarter ended October 31 fell to 22 mln dlrs from 25 mln "
                 "dlrs a year ago.", dt.date(1987, 11, 20))
    assert [(v, start) for _, v, start, _ in got] == [(22e6, "1987-08-01"), (25e6, "1986-08-01")]


def test_previous_fiscal_year_is_a_whole_year() -> None:
    got = _prose("Quillon Corp expects earnings for the second quarter ending June 30 to rise. It said annual sales "
                 "should exceed 9.0 mln dlrs, up from 7.5 mln dlrs in the previous fiscal year.", dt.date(1987, 5, 4))
    assert [(v, start) for m, v, start, _ in got if m == "revenue"] == [(9e6, "1987-01-01"), (7.5e6, "1986-01-01")]


def test_fiscal_year_ended_sets_the_article_period() -> None:
    got = _prose("Quillon Corp said earnings in the fiscal year ended February 28 fell sharply. It earned 80 cts a "
                 "share compared with 1.10 dlrs a share in the previous year.", dt.date(1987, 4, 10))
    assert [(v, start) for _, v, start, _ in got] == [(0.8, "1986-03-01"), (1.1, "1985-03-01")]


def test_year_after_a_comparison_belongs_to_the_earlier_figure() -> None:
    got = _prose("Quillon Corp said first quarter earnings rose to 30 mln dlrs, or 45 cts a share, from 20 mln "
                 "dlrs, or 31 cts a share in 1986.", dt.date(1987, 4, 15))
    assert [(v, start) for _, v, start, _ in got] == [
        (30e6, "1987-01-01"), (0.45, "1987-01-01"), (20e6, "1986-01-01"), (0.31, "1986-01-01")]


def test_quarter_ending_soon_is_the_one_under_way() -> None:
    got = _prose("Quillon Corp expects earnings for the fourth quarter ending June 30 to exceed the 210,000 dlrs, "
                 "or nine cts a share, posted a year ago.", dt.date(1987, 5, 12))
    assert [(v, start, mod) for _, v, start, mod in got] == [
        (210000.0, "1986-04-01", "prior_period"), (0.09, "1986-04-01", "prior_period")]


def _record(title: str, body: str, published: dt.date) -> list[tuple[str, float, str | None, str]]:
    doc = text_document(body, "x.txt", Metadata(title=title, published=published.isoformat()))
    return _rows(extract(doc).claims)


def test_reported_quarter_that_cannot_be_calendar_sets_the_fiscal_year() -> None:
    got = _record("QLN Q2 2022 results", "qln q3 earnings per share $1.10.\nsees q4 earnings per share $1.20.\n"
                  "sees fy earnings per share $4.40 to $4.50.", dt.date(2022, 8, 3))
    assert [(v, start) for _, v, start, _ in got] == [(1.1, "2022-04-01"), (1.2, "2022-07-01"), (4.4, "2021-10-01")]


def test_body_quarter_wins_over_a_disagreeing_title_and_trailing_quarter_is_the_previous_one() -> None:
    got = _record("QLN Q4 2021 earnings call", "In the second quarter, our deposits grew.\nOur net income for the "
                  "quarter was $30.1 million compared with $28.7 million for the trailing quarter.", dt.date(2022, 2, 8))
    assert [(v, start) for _, v, start, _ in got] == [(30.1e6, "2021-04-01"), (28.7e6, "2021-01-01")]


def test_short_form_in_parentheses_names_the_company_later() -> None:
    from claimgraph.sources.companies import CompanyFinder, load_registry

    text = ("Its subsidiary Societe de Forages Lointains (SFL) Nord, told reporters that output rose. SFL's sales "
            "rose. Shares of Bank of Quillon (BQN) rose.")
    got = [(text[m.start:m.end], m.company.name) for m in CompanyFinder(load_registry()).find(text)]
    assert ("Societe de Forages Lointains (SFL)", "Societe de Forages Lointains") in got
    assert ("SFL", "Societe de Forages Lointains") in got
    assert any(name == "Bank of Quillon" for _, name in got)


def test_a_change_without_a_period_is_for_the_period_reported() -> None:
    doc = text_document("Quillon Corp reported first-quarter revenue of $5.2 billion. Adjusted EBITDA was down 12%.",
                        "x.txt", Metadata(published="2021-05-06"))
    got = [(c.metric, c.measure.value, c.value.low, c.period.label if c.period else None) for c in extract(doc).claims]
    assert got == [("revenue", "level", 5.2e9, "2021-Q1"), ("adjusted_ebitda", "change_yoy", -12.0, "2021-Q1")]


def test_the_base_period_of_a_comparison_is_not_the_change_period() -> None:
    got = _prose("Quillon Corp said second quarter earnings of $1.50 per share were up 25% from $1.20 in the first "
                 "quarter of 2021 and up 50% from $1.00 in the second quarter of 2020.", dt.date(2021, 7, 28))
    assert [(v, start) for _, v, start, _ in got] == [
        (1.5, "2021-04-01"), (25.0, "2021-04-01"), (1.2, "2021-01-01"), (50.0, "2021-04-01"), (1.0, "2020-04-01")]


def test_a_full_year_beside_a_yearless_quarter_keeps_its_own_period() -> None:
    got = _prose("Despite weather risk in Q4, Quillon Corp expects full year 2021 revenue between $2.2 billion and "
                 "$2.4 billion.", dt.date(2021, 11, 9))
    assert [start for _, _, start, _ in got] == ["2021-01-01"]


def test_an_article_about_last_year_gives_its_figures_that_year() -> None:
    got = _prose("Quillon AG said profit in 1986 fell compared with 1985. Output in 1986 was lower than in 1985. "
                 "Quillon's worldwide deliveries fell three pct to 212,000.", dt.date(1987, 3, 20))
    assert [(v, start) for _, v, start, _ in got] == [(-3.0, "1986-01-01")]


def test_two_periods_and_two_figures_respectively() -> None:
    got = _prose("Quillon Corp said third quarter and nine months net income were 2.1 mln dlrs and 5.3 mln dlrs.",
                 dt.date(1987, 10, 20))
    assert [(v, start) for _, v, start, _ in got] == [(2.1e6, "1987-07-01"), (5.3e6, "1987-01-01")]


def test_first_months_of_the_year_under_way() -> None:
    got = _prose("Quillon AG said its deliveries in the first two months increased six pct to 41,000 cars.",
                 dt.date(1987, 3, 18))
    doc = text_document("Quillon AG said revenue in the first two months increased six pct.", "x.txt",
                        Metadata(published="1987-03-18"))
    claims = extract(doc).claims
    assert [(c.period.label if c.period else None, c.measure.value) for c in claims] == [("1987-2M", "change_yoy")]
    assert all(start == "1987-01-01" for _, _, start, _ in got)


def test_a_unit_named_as_subject_with_an_adverb_owns_its_figure() -> None:
    doc = text_document("Quillon Corp reported second-quarter revenue of $80 million. Northgate Trust also had a good "
                        "quarter, with revenue up 12% over the same quarter last year.", "x.txt",
                        Metadata(published="2021-07-28"))
    assert [(c.company, c.value.low) for c in extract(doc).claims][-1] == ("Northgate Trust", 12.0)


def test_share_count_line_is_an_instant_and_average_shares_a_flow() -> None:
    claims = _claims("HALCYON MINING LTD <HMNG> 1986 YEAR", "PERTH, March 10 -\n    Shr 10 cts vs 8 cts\n"
                     "    Shrs 120.5 mln vs same\n    Avg shrs 118.2 mln vs 110.0 mln\n", dt.date(1987, 3, 10))
    got = [(c.phrase, c.value.low, c.period.start.isoformat(), c.period.end.isoformat()) for c in claims
           if c.metric == "unclassified"]
    assert got[:2] == [("average shares", 120.5e6, "1986-12-31", "1986-12-31"),
                       ("average shares", 120.5e6, "1985-12-31", "1985-12-31")]
    assert got[2][2:] == ("1986-01-01", "1986-12-31")


def test_a_year_after_the_second_of_two_quarters_is_that_quarter_s() -> None:
    got = _prose("Quillon Corp's second-quarter revenues of $856 million were aided by easing restrictions, and we're "
                 "just 6% below that of the second quarter in 2019.", dt.date(2021, 8, 3))
    assert got[0][2] == "2021-04-01"


def test_a_dividend_item_of_short_table_lines_keeps_them() -> None:
    claims = _claims("<ORBITAL PUMPS INC> SETS INITIAL DIVIDEND", "CALGARY, March 18 -\n    Semi div seven cts\n"
                     "    Pay April 1\n    Record March 27\n", dt.date(1987, 3, 18))
    assert [(c.metric, c.value.low, c.value.unit) for c in claims] == [("dividend", 0.07, "CAD")]


def test_in_the_year_is_the_item_s_year() -> None:
    claims = _claims("ORBITAL PUMPS INC <ORBP> 4TH QTR NET", "TULSA, March 20 - Orbital Pumps Inc said net income was "
                     "1.2 mln dlrs in the quarter and 3.5 mln dlrs in the year.\n", dt.date(1987, 3, 20))
    got = {c.value.low: c.period.start.isoformat() for c in claims if c.period is not None}
    assert got[1.2e6] == "1986-10-01" and got[3.5e6] == "1986-01-01"
