"""Call transcripts and summaries, hand-written in today's call style (issue 12, a tenth review of 30 unseen calls)."""

from __future__ import annotations

from tests.conftest import call_claims as _claims


def test_a_second_change_after_the_first_ones_comparison_and_and_shares_its_fall() -> None:
    got = _claims("Thank you, operator.\n"
                  "Net sales for the third quarter were $412 million, that's down 3% sequentially and 8% "
                  "year-over-year.\n"
                  "Services revenue was $120 million, down 4% sequentially and up 6% year-over-year.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    changes = {(c[1], c[2]) for c in got if c[0] == "revenue" and c[1] != "level"}
    assert ("change_qoq", -3.0) in changes and ("change_yoy", -8.0) in changes, got
    assert ("change_yoy", 8.0) not in changes and ("change_yoy", -6.0) not in changes, got

