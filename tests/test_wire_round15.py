"""Round 15 of the wire work (issue 12): hand-written items in the style of real wires, one per rule."""

from __future__ import annotations

from tests.conftest import wire_record as _record
from tests.conftest import wire_rows as _rows


def test_reduced_by_a_total_of_an_amount_is_the_change_of_the_metric() -> None:
    ex = _record("ORMOND BANCORP SEES STRIKE COST", """PITTSBURGH, May 3 - Ormond Bancorp said net income for
the whole of 1988 would be reduced by a total of 40 mln dlrs
if the dock strike at its main terminal continues through the
summer.
""", "1988-05-03")
    rows = _rows(ex)
    assert any(r[1] == "net_income" and r[2] == "change" and r[3] == -40e6 for r in rows), rows
    assert not [r for r in rows if r[1] == "net_income" and r[2] == "level"], rows


def test_an_amount_spent_on_a_balance_is_no_level_of_the_balance() -> None:
    ex = _record("HARTWELL HEALTH TO BUY BACK STOCK", """DENVER, Nov 4 - Hartwell Health Corp said it will
buy back up to 80 mln dlrs of its common stock over the next
year.
    It said it would spend about 60 mln dlrs on debt maturing
in 1991, and had total debt of 410 mln dlrs at the end of the
third quarter.
""", "1988-11-04")
    rows = _rows(ex)
    assert not [r for r in rows if r[3] == 60e6], rows
    assert any(r[1] == "total_debt" and r[3] == 410e6 for r in rows), rows


def test_the_verb_before_by_signs_the_change_it_governs() -> None:
    ex = _record("TELFORD BANCORP PUTS LOANS ON NON-ACCRUAL", """BOSTON, April 6 - Telford Bancorp said it put 80 mln
dlrs of Peruvian loans on non-accrual, cutting its first-quarter
net income by a total of 2.1 mln dlrs after tax.
""", "1987-04-06")
    rows = _rows(ex)
    assert any(r[1] == "net_income" and r[3] == -2.1e6 for r in rows), rows
    assert not [r for r in rows if r[1] == "net_income" and r[3] > 0], rows
