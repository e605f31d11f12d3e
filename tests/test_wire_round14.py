"""Round 14 of the wire work (issue 12): hand-written items in the style of real wires, one per rule."""

from __future__ import annotations

from tests.conftest import wire_record as _record
from tests.conftest import wire_rows as _rows


def test_a_yearless_half_beside_the_same_half_with_its_year_is_that_calendar_half() -> None:
    ex = _record("HALDEN SEES HIGHER 1988 RESULTS", """OSLO, Nov 3 - Halden Gruppen AS expects its group
profit to grow in 1988, its chairman said.
    Sales rose 12.5 pct to 4.10 billion crowns in the first half
of 1988. Net profit rose by 20.1 pct to 310 mln crowns in the first six months.
""", "1988-11-03")
    rows = _rows(ex)
    assert any(r[1] == "revenue" and r[3] == 4.1e9 and r[4] == "1988-01-01..1988-06-30" and r[5] == "reported"
               for r in rows), rows
    assert not [r for r in rows if r[4] and r[4].startswith("1987-")]


def test_sales_and_income_is_revenue_and_a_clause_about_costs_has_no_metric_before_it() -> None:
    ex = _record("DELMAR SYSTEMS HAS HIGHER COSTS IN QTR", """DALLAS, April 20 - Delmar Systems Corp said its
quarterly profit fell.
    While total sales and income rose 4.2 pct to 3.12 billion
dlrs from 2.99 billion dlrs, costs and expenses rose 9.8 pct
to 2.80 billion dlrs from 2.55 billion in the quarter, the company said.
""", "1988-04-20")
    rows = _rows(ex)
    assert ("Delmar Systems", "revenue", "level", 3.12e9, "1988-01-01..1988-03-31", "reported") in rows
    assert ("Delmar Systems", "revenue", "level", 2.99e9, "1987-01-01..1987-03-31", "prior_period") in rows
    assert not [r for r in rows if r[3] in (2.8e9, 2.55e9) and r[1] != "unclassified"], rows
    assert not [r for r in rows if r[1] == "net_income"], rows


def test_the_verb_of_the_first_pair_goes_on_to_the_second_pair() -> None:
    ex = _record("HARLOW FUNDS SEES HIGHER SECOND QUARTER", """BOSTON, July 8 - Harlow Funds Inc said its second
quarter earnings fell about 20 pct from the year-ago 3,100,000 dlrs and revenues about 15 pct from the year-ago
40.2 mln dlrs.
""", "1988-07-08")
    changes = {(r[1], r[3]) for r in _rows(ex) if r[2] == "change_yoy"}
    assert ("revenue", 15.0) in changes or ("revenue", -15.0) in changes, changes
    assert not [c for c in changes if c[0] == "net_income" and abs(c[1]) == 15.0]
    rows = _rows(ex)
    assert ("Harlow Funds", "revenue", "change_yoy", -15.0, "1988-04-01..1988-06-30", "reported") in rows
    ex = _record("HARLOW FUNDS SEES MIXED QUARTER", """BOSTON, July 8 - Harlow Funds Inc said second quarter
earnings fell about 20 pct, and revenues rose 5 pct and assets under management about 15 pct.
""", "1988-07-08")
    assert not [r for r in _rows(ex) if r[3] == -15.0]


def test_a_dash_in_a_headline_name_is_no_word() -> None:
    from claimgraph.sources.report import parse_headline

    h = parse_headline("LAKE TOOLS - SMITH, JONES AND BROWN INC <LTB> 2ND QTR")
    assert (h.company, h.ticker) == ("Lake Tools - Smith, Jones and Brown", "LTB")
    ex = _record("LAKE TOOLS - SMITH, JONES AND BROWN INC <LTB> 2ND QTR", """CLEVELAND, Aug 12 - July 31 end
    Shr 21 cts vs 18 cts
    Net 2,410,000 vs 2,050,000
""", "1988-08-12")
    assert {r[0] for r in _rows(ex)} == {"Lake Tools - Smith, Jones and Brown"}


def test_an_analysts_figure_for_a_year_under_way_is_an_estimate_not_guidance() -> None:
    ex = _record("WALL STREET STOCKS/HARROW MOTORS", """NEW YORK, April 7 - Shares of Harrow Motors Corp rose.
    "The stock could move up," analyst John Keane of Baxter Securities said.
    Though he rates the stock a buy, Keane said he cut 1988 earnings estimates for the company to 6.10 dlrs a share.
    The company earned 7.05 dlrs a share in 1987.
""", "1988-04-07")
    rows = _rows(ex)
    assert ("Harrow Motors", "eps", "level", 6.1, "1988-01-01..1988-12-31", "analyst_estimate") in rows, rows
    assert ("Harrow Motors", "eps", "level", 7.05, "1987-01-01..1987-12-31", "reported") in rows


def test_a_percentage_of_fewer_shares_is_no_change_of_the_metric() -> None:
    ex = _record("ORWELL SYSTEMS QTR NET FALLS", """ARMONK, N.Y., April 13 - Orwell Systems Corp said first
quarter net income fell to 85 mln dlrs or 1.10 dlrs a share from
102 mln dlrs or 1.30 dlrs on about 2.5 pct fewer shares outstanding.
""", "1988-04-13")
    rows = _rows(ex)
    assert not [r for r in rows if r[3] in (2.5, -2.5)], rows
    assert ("Orwell Systems", "net_income", "level", 85e6, "1988-01-01..1988-03-31", "reported") in rows


def test_a_net_figure_without_a_sign_takes_the_loss_of_its_share_line() -> None:
    ex = _record("BAYOU DRILLING INC <BAYD> 4TH QTR NET", """HOUSTON, March 9 -
    Shr profit five cts vs loss two cts
    Net profit 1,210,000 vs loss 402,000
    Year
    Shr profit two cts vs loss seven cts
    Net profit 455,000 vs 1,377,000
""", "1988-03-09")
    rows = _rows(ex)
    assert ("Bayou Drilling", "net_income", "level", -1377000.0, "1986-01-01..1986-12-31", "prior_period") in rows
    assert ("Bayou Drilling", "net_income", "level", 455000.0, "1987-01-01..1987-12-31", "reported") in rows


def test_the_whole_of_the_year_is_the_full_year() -> None:
    from claimgraph.sources.periods import find_period_mentions

    assert [m.kind for m in find_period_mentions("and 41.2 mln dlrs for the whole of the year")] == ["full_year"]


def test_the_loss_was_is_a_loss() -> None:
    ex = _record("HARBOR BANCORP <HBC> NINE MONTHS LOSS", """NEW YORK, Oct 20 - Harbor Bancorp said it earned
12.1 mln dlrs in the third quarter.
    On a per-share basis, the loss was 14.10 dlrs, down from a gain of 3.20 dlrs.
""", "1987-10-20")
    assert not [r for r in _rows(ex) if r[3] == 14.1], _rows(ex)



def test_a_sensitivity_is_no_figure() -> None:
    ex = _record("MANILA DEBT TALKS", """MANILA, March 2 - Acme Holdings Corp said its debt talks went on.
    Its treasurer said every 1/8 point over the prime rate meant an
additional 3.2 mln dlrs in annual interest payments.
""", "1987-03-02")
    assert not [r for r in _rows(ex) if r[3] == 3.2e6]


def test_a_figure_projected_in_an_earlier_month_is_the_earlier_outlook() -> None:
    from claimgraph.sources.modality import Modality, modality_of

    s = "The company has cut its sales forecast to about 40 mln dlrs, from the 52.5 mln dlrs projected in November."
    i = s.index("52.5 mln dlrs")
    assert modality_of(s, i, i + len("52.5 mln dlrs"), company_subject=True) is Modality.PRIOR_GUIDANCE
    j = s.index("about 40 mln dlrs")
    assert modality_of(s, j, j + len("about 40 mln dlrs"), company_subject=True) is Modality.GUIDANCE
