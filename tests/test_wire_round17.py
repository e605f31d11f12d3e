"""Round 17 of the wire work (issue 12): hand-written items in the style of real wires, one per rule."""

from __future__ import annotations

from tests.conftest import wire_record as _record

_GRANITE = """PITTSBURGH, March 3 - Granite Holdings Inc said net income for 1986 was 48.2 mln dlrs, four pct below 1985.
    Sales were 1.3 billion dlrs, up six pct from 1985.
"""


def _changes(body: str) -> set[tuple[str, str, str | None, float | None]]:
    ex = _record("GRANITE HOLDINGS <GRNH> 1986 NET FALLS", body, "1987-03-03")
    return {(c.metric, c.measure.value, c.period.label if c.period else None, c.value.point) for c in ex.claims
            if c.measure.value.startswith("change")}


def test_a_percentage_below_an_earlier_year_is_a_fall_of_the_year_after() -> None:
    assert ("net_income", "change_yoy", "1986", -4.0) in _changes(_GRANITE)


def test_a_change_in_words_from_a_year_is_the_year_after() -> None:
    assert ("revenue", "change_yoy", "1986", 6.0) in _changes(_GRANITE)


def test_a_percentage_above_a_year_named_as_an_adjective_is_no_change() -> None:
    body = """PITTSBURGH, March 3 - Granite Holdings Inc said net income for 1986 was 48.2 mln dlrs, four pct above
1985 levels of borrowing costs.
"""
    assert not any(m == "net_income" for m, *_ in _changes(body))


def test_a_headline_naming_its_result_before_the_quarters_end_dates_the_table() -> None:
    ex = _record("BRAVO AIRLINES INC <BRVO> 4TH QTR LOSS JAN 31", """HOUSTON, March 9 -
    Shr loss 22 cts vs loss nine cts
    Net loss 3.1 mln vs loss 1.2 mln
    Revs 48.0 mln vs 41.7 mln
""", "1987-03-09")
    ends = {(c.period.start.isoformat(), c.period.end.isoformat()) for c in ex.claims
            if c.metric == "net_income" and c.period is not None}
    assert ends == {("1986-11-01", "1987-01-31"), ("1985-11-01", "1986-01-31")}, ends


def test_a_board_members_surname_is_no_company() -> None:
    ex = _record("NORDHAFEN BANK TO CLOSE BRANCHES", """BREMEN, March 4 - Nordhafen Bank AG <NHBG.F> plans to close
branches, management board member Karl-Heinz Wendling said.
    Wendling said the bank's total operating profits rose nearly 12 pct in 1986.
""", "1987-03-04")
    names = {str(c.company) for c in ex.claims}
    assert names == {"Nordhafen Bank"}, names


def test_an_earlier_forecast_for_the_year_is_for_the_year_the_sentence_named() -> None:
    ex = _record("HALLORAN RAISES NORTHWIND <NWD> ESTIMATE", """NEW YORK, March 5 - Halloran Securities analyst Jane Roe
raised her 1988 earnings estimate for Northwind Corp to 3.50 dlrs a share, up from an earlier forecast of three
dlrs for the year.
""", "1987-03-05")
    years = {(c.value.point, c.period.label if c.period else None) for c in ex.claims}
    assert (3.0, "1988") in years and (3.5, "1988") in years, years


def test_a_world_group_line_is_the_groups_figure() -> None:
    ex = _record("RHEINCHEM AG <RCHG.F> 1986 YEAR", """MANNHEIM, West Germany, March 30 - Year to December 31.
    World group turnover 20.15 billion marks vs 21.02 billion.
""", "1987-03-30")
    revenue = {c.value.point for c in ex.claims if c.metric == "revenue"}
    assert revenue == {20.15e9, 21.02e9}, revenue
