"""Round 16 of the wire work (issue 12): hand-written items in the style of real wires, one per rule."""

from __future__ import annotations

from tests.conftest import wire_record as _record
from tests.conftest import wire_rows as _rows


def test_a_dollar_note_under_the_table_sets_the_tables_currency() -> None:
    ex = _record("NORTHGATE MINES LTD <NGM> YEAR LOSS", """WINNIPEG, Manitoba, March 4 -
    Shr loss 22 cts vs profit 31 cts
    Net loss 6.4 mln vs profit 9.0 mln
    Revs 140.2 mln vs 171.5 mln
    Note: 1986 net includes a 2.1 mln dlr writedown of mill assets.
    U.S. dlrs.
""", "1987-03-04")
    units = {(c.metric, c.value.unit) for c in ex.claims if c.metric in ("eps", "net_income", "revenue")}
    assert units == {("eps", "USD"), ("net_income", "USD"), ("revenue", "USD")}, units


def test_without_a_dollar_note_a_canadian_dateline_keeps_its_dollar() -> None:
    ex = _record("NORTHGATE MINES LTD <NGM> YEAR LOSS", """WINNIPEG, Manitoba, March 4 -
    Shr loss 22 cts vs profit 31 cts
    Net loss 6.4 mln vs profit 9.0 mln
    Note: the company sold 18 mln U.S. dlrs of gold forward.
""", "1987-03-04")
    units = {c.value.unit for c in ex.claims if c.metric in ("eps", "net_income")}
    assert units == {"CAD"}, units


def test_a_note_giving_the_period_end_dates_the_quarter_table() -> None:
    ex = _record("HOLBROOK TEXTILES INC <HBTX> 1ST QTR", """NEW YORK, March 10 -
    Shr 21 cts vs 15 cts
    Net 1,402,000 vs 998,000
    Revs 61.2 mln vs 55.7 mln
    NOTE: 1987 net includes 310,000 dlr gain on sale of a warehouse
and interest income of 120,000 dlrs vs 95,000 dlrs in fiscal 1986.
Currency losses were 40,000 dlrs in 1987.
Period ended January 29.
""", "1987-03-10")
    rows = _rows(ex)
    current = {r[4] for r in rows if r[5] == "reported"}
    assert current == {"1986-10-30..1987-01-29"}, rows


def test_a_diluted_share_line_equal_to_the_basic_one_is_its_own_figure() -> None:
    ex = _record("KESTREL FOODS <KSF> 2ND QTR NET", """CHICAGO, March 20 -
    Shr 41 cts vs 38 cts
    Shr diluted 41 cts vs 36 cts
    Net 3,120,000 vs 2,870,000
""", "1987-03-20")
    eps = [r for r in _rows(ex) if r[1] == "eps" and r[5] == "reported"]
    assert len(eps) == 2 and {r[3] for r in eps} == {0.41}, eps


def test_a_figure_set_against_a_named_year_is_the_next_years() -> None:
    ex = _record("HALDEN USA <HLDN> UNITS RAISED SALES", """DALLAS, March 11 - Halden USA Inc said sales of its
operating companies in the U.S. rose in
1986 by 6.2 pct from the previous year.
    Combined sales were 3.1 billion dlrs, up from 2.9 billion
dlrs in 1985, the company said.
    However, the company said net income was 88.2 mln dlrs,
five pct below 1985.
    Halden said its operating profit was 140 mln dlrs, a 21 pct
increase over 1985.
""", "1987-03-11")
    rows = _rows(ex)
    periods = {(r[1], r[2], r[3]): r[4] for r in rows}
    assert periods[("revenue", "level", 3.1e9)] == "1986-01-01..1986-12-31", rows
    assert periods[("revenue", "level", 2.9e9)] == "1985-01-01..1985-12-31", rows
    assert periods[("net_income", "level", 88.2e6)] == "1986-01-01..1986-12-31", rows
    assert periods[("operating_income", "level", 140e6)] == "1986-01-01..1986-12-31", rows


def test_a_year_after_the_same_period_in_is_no_whole_year() -> None:
    ex = _record("ORTON TOOLS <ORT> SAYS SALES ROSE", """CLEVELAND, March 11 - Orton Tools Inc said sales were
64.2 mln dlrs, up 11 pct over the same period in 1985.
""", "1987-03-11")
    assert not [r for r in _rows(ex) if r[4] == "1986-01-01..1986-12-31"], _rows(ex)


def test_an_analysts_verb_in_the_headline_is_not_part_of_the_company() -> None:
    ex = _record("HALLORAN RAISES NORTHWIND <NWD> OPINION", """NEW YORK, March 9 - The stock rose 3/4 to 31-1/2
after analysts said 1987 earnings should reach 2.40 dlrs a
share.
""", "1987-03-09")
    companies = {c.company for c in ex.claims}
    assert companies and not any("Raises" in c or "Halloran" in c for c in companies), companies


def test_a_subsidiarys_longer_name_does_not_rename_the_parent() -> None:
    ex = _record("KORVALD SEES HIGHER 1987 PROFIT", """ESSEN, West Germany, March 27 - Korvald AG <KORV.F> said
it expects a higher profit in 1987.
    In 1986 Korvald's group profit fell to 210.4 mln marks from
250.2 mln in 1985. The dividend was an unchanged six marks.
    A Korvald spokesman said job cuts at subsidiary Korvald
Stahl AG would be higher than planned. Korvald Stahl employs
some 20,000 people.
""", "1987-03-27")
    by_metric = {c.metric: c.company for c in ex.claims}
    assert by_metric.get("net_income") == "Korvald" and by_metric.get("dividend") == "Korvald", by_metric


def test_sales_after_a_year_ago_figure_and_its_period_are_that_periods() -> None:
    ex = _record("BRAXTON <BRXN> SEES LOWER 4TH QTR NET", """DENVER, April 2 - Braxton Plastics Inc said its fourth
quarter earnings for the period ended March 31 will be lower
than the 2,310,000 dlrs or 24 cts a share reported in the
year-ago quarter on sales of 19.4 mln dlrs.
""", "1987-04-02")
    sales = [r for r in _rows(ex) if r[1] == "revenue"]
    assert sales and all(r[5] == "prior_period" and r[4] == "1986-01-01..1986-03-31" for r in sales), sales


def test_a_first_line_that_is_a_period_dates_the_table_under_a_headline_without_one() -> None:
    ex = _record("HOLCOMBE INSTRUMENTS INC <HOLI> NET", """DAYTON, Ohio, April 14 - 1st qtr
    Shr 31 cts vs 27 cts
    Net 2,140,000 vs 1,870,000
    Revs 40.2 mln vs 36.9 mln
""", "1987-04-14")
    rows = _rows(ex)
    assert rows and all(r[4] == ("1987-01-01..1987-03-31" if r[5] == "reported" else "1986-01-01..1986-03-31")
                        for r in rows), rows


def test_a_class_of_share_after_the_first_figure_keeps_the_table_line() -> None:
    ex = _record("HARLOW REALTY <HRT> SETS PAYOUT", """DALLAS, March 16 -
    Qtrly div 31 cts Class A vs 18 cts
    Qtrly div two cts Class B vs nil
    Pay May 1
    Record March 30
""", "1987-03-16")
    divs = sorted((r[3], r[5]) for r in _rows(ex) if r[1] == "dividend")
    assert divs == [(0.0, "prior_period"), (0.02, "reported"), (0.18, "prior_period"), (0.31, "reported")], divs
