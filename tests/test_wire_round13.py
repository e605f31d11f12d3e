"""Round 13 of the wire results work (issue 12): hand-written items in the style of real wires, one per rule."""

from __future__ import annotations

from claimgraph.sources.report import parse_headline
from tests.conftest import wire_record as _record
from tests.conftest import wire_rows as _rows


def test_a_headline_cut_short_after_the_quarters_number_still_names_the_quarter() -> None:
    h = parse_headline("HARBOUR MILLS CORP <HBML.O> 2ND")
    assert (h.company, h.kind, h.number) == ("Harbour Mills", "quarter", 2)
    assert parse_headline("WINNER COMES SECOND").kind is None  # a word, not a truncated quarter
    ex = _record("HARBOUR MILLS CORP <HBML.O> 2ND", """DENVER, July 21 -
    Shr 12 cts vs nine cts
    Net 410,000 vs 305,000
    Six mths
    Net 800,000 vs 650,000
""", "1988-07-21")
    rows = _rows(ex)
    assert ("Harbour Mills", "net_income", "level", 410000.0, "1988-04-01..1988-06-30", "reported") in rows
    assert ("Harbour Mills", "net_income", "level", 305000.0, "1987-04-01..1987-06-30", "prior_period") in rows
    assert ("Harbour Mills", "net_income", "level", 800000.0, "1988-01-01..1988-06-30", "reported") in rows


def test_a_figure_of_a_sector_of_the_company_is_not_its_total() -> None:
    ex = _record("GRANITE BANCORP SEES HIGHER CARD PROFITS", """BOSTON, May 4 - Granite Bancorp Inc said it expects
net income in its consumer lending sector to reach 300 mln dlrs by 1991, compared with 120 mln dlrs in 1987.
""", "1988-05-04")
    assert not [c for c in ex.claims if c.metric == "net_income"]


def test_a_result_the_company_earlier_reported_is_reported_not_superseded() -> None:
    ex = _record("PORTLAND MILLS SAYS ORDERS RISE", """SEATTLE, March 2 - Portland Mills Corp said orders rose.
    The company earlier reported fourth quarter net profit rose to 918,000 dlrs.
""", "1987-03-02")
    assert ("Portland Mills", "net_income", "level", 918000.0, "1986-10-01..1986-12-31", "reported") in _rows(ex)
    # a figure that a revision replaced is still the superseded one
    ex = _record("PORTLAND MILLS RESTATES", """SEATTLE, March 2 - Portland Mills Corp said its fourth quarter net
loss, originally reported as 3.1 mln dlrs, was restated to 3.4 mln dlrs.
""", "1987-03-02")
    assert any(c.value.stated == "3.1 mln dlrs" and c.modality.value == "preliminary" for c in ex.claims)


def test_a_result_set_against_a_named_earlier_year_is_of_the_year_after_it() -> None:
    ex = _record("HARBOUR GOLD SAYS OUTPUT UP", """SYDNEY, March 2 - Harbour Gold Ltd said net profit rose to
12.5 mln dlrs from 10.1 mln in 1985.
    Sales rose to 80 mln dlrs from 71 mln in 1985.
""", "1987-03-02")
    rows = _rows(ex)
    assert ("Harbour Gold", "net_income", "level", 12500000.0, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Harbour Gold", "net_income", "level", 10100000.0, "1985-01-01..1985-12-31", "prior_period") in rows
    assert ("Harbour Gold", "revenue", "level", 80000000.0, "1986-01-01..1986-12-31", "reported") in rows


def test_last_year_then_a_quarter_after_the_figure_is_that_quarter_a_year_before() -> None:
    ex = _record("HARBOUR TOOLS SEES PROFIT", """CHICAGO, Oct 2 - Harbour Tools Inc said it expects a profit for
the third quarter.
    Last year, Harbour lost 1.2 mln dlrs on sales of 9.5 mln dlrs in the third quarter.
""", "1987-10-02")
    rows = _rows(ex)
    assert ("Harbour Tools", "net_income", "level", -1200000.0, "1986-07-01..1986-09-30", "reported") in rows
    assert ("Harbour Tools", "revenue", "level", 9500000.0, "1986-07-01..1986-09-30", "reported") in rows


def test_a_year_ago_figure_not_given_keeps_the_table_line_and_its_section() -> None:
    ex = _record("ORCHARD STEEL CORP <ORS> 3RD QTR NET", """PITTSBURGH, Oct 21 -
    Shr 41 cts vs not given
    Net 9,120,000 vs n/a
    Revs 210.5 mln vs 170.2 mln
    Nine mths
    Shr 1.80 dlrs vs not given
    Net 36.1 mln vs not reported
""", "1988-10-21")
    rows = _rows(ex)
    assert ("Orchard Steel", "net_income", "level", 9120000.0, "1988-07-01..1988-09-30", "reported") in rows
    assert ("Orchard Steel", "eps", "level", 1.8, "1988-01-01..1988-09-30", "reported") in rows
    assert ("Orchard Steel", "net_income", "level", 36100000.0, "1988-01-01..1988-09-30", "reported") in rows
    assert len([r for r in rows if r[5] == "prior_period"]) == 1  # (only the revenue's)


def test_a_figure_right_after_another_with_after_is_the_earlier_periods() -> None:
    ex = _record("HOLBORN BRICK PLC 1986 RESULTS", """LONDON, March 30 - Holborn Brick Plc said pretax profit rose to
41.2 mln stg from 30.5 mln previously on turnover higher at 288.4 mln after 240.1 mln.
""", "1987-03-30")
    rows = _rows(ex)
    assert ("Holborn Brick", "revenue", "level", 288400000.0, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Holborn Brick", "revenue", "level", 240100000.0, "1985-01-01..1985-12-31", "prior_period") in rows


def test_the_figures_of_a_clause_on_analysts_estimates_are_theirs() -> None:
    ex = _record("TALKING POINT/ORCHARD COMPUTERS", """NEW YORK, April 14 - Orchard Computers Corp's first-quarter
earnings per share easily topped most estimates on Wall Street, which had ranged from 80 cts to 1.10 dlrs.
""", "1987-04-14")
    assert {c.modality.value for c in ex.claims if c.metric == "eps"} == {"analyst_estimate"}


def test_a_table_line_with_its_vs_dropped_between_two_signed_figures() -> None:
    ex = _record("HARTWELL SAVINGS BANK <HWSB> 2ND QTR LOSS", """HARTFORD, Conn., Oct 19 -
    Shr loss 1.10 dlrs vs profit 95 cts
    Six mths
    Shr loss 12 cts profit 1.90 dlrs
""", "1988-10-19")
    rows = _rows(ex)
    assert ("Hartwell Savings Bank", "eps", "level", -0.12, "1988-04-01..1988-09-30", "reported") in rows
    assert ("Hartwell Savings Bank", "eps", "level", 1.9, "1987-04-01..1987-09-30", "prior_period") in rows


def test_a_table_line_with_a_wide_gap_for_its_vs() -> None:
    ex = _record("HARTWELL FREIGHT <HWF.O> 3RD QTR NET", """POMONA, Calif., Oct 19 -
    Shr 19 cts vs 15 cts
    Nine Mths
    Shr 48 cts vs 31 cts
    Revs 51.6 mln  41.1 mln
""", "1988-10-19")
    rows = _rows(ex)
    assert ("Hartwell Freight", "revenue", "level", 51600000.0, "1988-01-01..1988-09-30", "reported") in rows
    assert ("Hartwell Freight", "revenue", "level", 41100000.0, "1987-01-01..1987-09-30", "prior_period") in rows


def test_a_headline_quarter_without_qtr_or_a_calendar_year() -> None:
    h = parse_headline("HARBOUR MILLS CORP <HBML.O> 4TH NET")
    assert (h.kind, h.number) == ("quarter", 4)
    h = parse_headline("HARBOUR MILLS CORP <HBML.O> 3RD QT JAN 31 LOSS")
    assert (h.kind, h.number, h.month, h.day) == ("quarter", 3, 1, 31)
    h = parse_headline("<HARBOUR MILLS CO> CALENDAR 1986")
    assert (h.kind, h.year) == ("year", 1986)
    assert parse_headline("TEAM FINISHES SECOND NET OF FAVOURITES").kind is None


def test_a_utilitys_months_to_date_in_the_headline() -> None:
    ex = _record("CENTRAL VALLEY POWER CO <CVP> TWO MTHS NET", """DENVER, March 17 - Periods ended February 28
    Shr 89 cts vs 87 cts
    Net 119.5 mln vs 114.6 mln
    12 mths
    Shr 2.87 dlrs vs 3.32 dlrs
""", "1988-03-17")
    rows = _rows(ex)
    assert ("Central Valley Power", "net_income", "level", 119500000.0, "1988-01-01..1988-02-28", "reported") in rows
    assert ("Central Valley Power", "net_income", "level", 114600000.0, "1987-01-01..1987-02-28", "prior_period") in rows
    assert ("Central Valley Power", "eps", "level", 2.87, "1987-03-01..1988-02-28", "reported") in rows
    assert parse_headline("HARBOUR MILLS <HBML> FIVE MONTHS TO END JANUARY").month == 1
    assert parse_headline("ACME TO HALT EXPORTS FOR FOUR MONTHS").kind is None
