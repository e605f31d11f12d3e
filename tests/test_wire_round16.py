"""Round 16 of the wire work (issue 12): hand-written items in the style of real wires, one per rule."""

from __future__ import annotations

from tests.conftest import wire_record as _record


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
