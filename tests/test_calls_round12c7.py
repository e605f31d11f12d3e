"""Call transcripts, hand-written in today's call style (issue 12, a seventh review of 30 unseen calls)."""

from __future__ import annotations

from tests.conftest import call_claims as _claims


def test_an_outlook_within_a_range_of_is_the_companys_own() -> None:
    got = _claims("Thank you, operator.\n"
                  "For the full year 2022, capital expenditures are expected to be within a range of $40 million to "
                  "$50 million, lower than our previous guidance of $55 million to $65 million.\n",
                  title="ACME Q3 2022 earnings call", published="2022-11-08")
    assert ("capex", "level", 45e6, "2022", "guidance") in got
    assert not [c for c in got if c[4] == "analyst_estimate"]


def test_growth_an_outlook_represents_is_an_outlook_too() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our revenue outlook for 2022 is in the range of $610 million to $620 million, which represents "
                  "growth between 12% and 14% year over year.\n"
                  "Our operating income outlook is now $80 million to $90 million which, at the midpoint, reflects "
                  "a 9% increase in operating income over last year.\n",
                  title="ACME Q3 2022 earnings call", published="2022-11-08")
    assert ("revenue", "change_yoy", 13.0, "2022", "guidance") in got
    assert not [c for c in got if c[4] == "reported"], got


def test_debt_paid_raised_or_cut_is_no_debt_level() -> None:
    got = _claims("Thank you, operator.\n"
                  "During the year we repaid more than $2 billion of debt and de-levered by $800 million.\n"
                  "Strong cash flow enabled us to repay $40 million in bank debt and repurchase approximately 1 million "
                  "of our shares.\n"
                  "Total debt at the end of the year was $6.1 billion.\n",
                  title="ACME Q4 2021 earnings call", published="2022-02-09")
    assert [(m, v) for m, _, v, *_ in got] == [("total_debt", 6.1e9)], got


def test_the_quarter_after_a_look_ahead_to_a_quarter_is_that_quarter() -> None:
    got = _claims("Thank you, operator.\n"
                  "Net sales were $410 million in the quarter.\n"
                  "Let me now share some thoughts on our fourth quarter outlook.\n"
                  "We anticipate organic revenues will be up roughly 3% to 5% in the quarter.\n",
                  title="ACME Q3 2022 earnings call", published="2022-11-08")
    assert ("revenue", "level", 410e6, "2022-Q3", "reported") in got
    assert ("organic_revenue", "change_yoy", 4.0, "2022-Q4", "guidance") in got, got
