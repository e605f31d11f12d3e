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
