"""Call transcripts and summaries, hand-written in today's call style (issue 12, an eighth review of 30 unseen calls)."""

from __future__ import annotations

from tests.conftest import call_claims as _claims


def test_a_share_of_a_market_is_no_share_price() -> None:
    got = _claims("Thank you, operator.\n"
                  "We grew our share of the premium segment in Mexico, with our flagship lager also growing about 25% "
                  "in the quarter.\n"
                  "Our share price rose 12% over the quarter.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    moves = [c for c in got if c[0] == "share_price"]
    assert [c[2] for c in moves] == [12.0], got


def test_a_metric_said_to_be_none_owns_no_figure() -> None:
    got = _claims("Thank you, operator.\n"
                  "We finished the quarter with a strong balance sheet, with essentially no debt and cash for $212 "
                  "million.\n"
                  "We ended the quarter with zero debt and cash of $90 million.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    assert not [c for c in got if c[0] == "total_debt"], got
    assert ("cash", "level", 90e6) in [c[:3] for c in got]


def test_an_amount_between_an_article_and_a_noun_of_change_is_the_change() -> None:
    got = _claims("Thank you, operator.\n"
                  "We generated free cash flow of $410 million in the first half, a $85 million increase over last "
                  "year.\n"
                  "The board raised the quarterly dividend to $0.12 per share, a $0.02 increase from the prior "
                  "quarter.\n",
                  title="ACME Q2 2021 earnings call", published="2021-08-05")
    assert ("free_cash_flow", "change_yoy", 85e6) in [c[:3] for c in got], got
    assert ("dividend", "change_qoq", 0.02) in [c[:3] for c in got], got
    assert not [c for c in got if c[4] == "prior_period"], got


def test_the_period_of_an_earlier_figure_set_after_is_not_the_figures() -> None:
    got = _claims("Thank you, operator.\n"
                  "Turning now to our fourth quarter performance.\n"
                  "Net sales grew 3.1% to $5.2 billion, following a 14.2% increase in Q4 of 2020.\n"
                  "For the full year, net sales rose 2.2% to $20.4 billion, on top of a robust 18.9% increase in "
                  "fiscal 2020.\n",
                  title="ACME Q4 2021 earnings call", published="2022-02-09")
    assert ("revenue", "level", 5.2e9, "2021-Q4", "reported") in got, got
    assert ("revenue", "level", 20.4e9, "2021", "reported") in got, got
    assert ("revenue", "change_yoy", 14.2, "2020-Q4", "prior_period") in got, got


def test_a_segment_named_in_a_lead_keeps_its_figures_from_the_company() -> None:
    got = _claims("Thank you, operator.\n"
                  "In our Subsea/Surface Systems segment, we generated revenues of $74 million and segment EBITDA of "
                  "$9 million during the first quarter.\n"
                  "In Metal Forming, net sales of $388 million were up 4% from Q1 of 2020.\n"
                  "Metal generated record operating income of $51 million in the quarter.\n",
                  title="ACME Q1 2021 earnings call", published="2021-05-06")
    assert not [c for c in got if c[0] == "revenue"], got


def test_growth_said_of_an_outlooks_midpoint_is_an_outlook_and_a_past_range_is_no_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "We now expect 2022 revenue of $400 million to $420 million, which at the midpoint is about 8% higher "
                  "than last year.\n"
                  "Historically, our annual service revenue has been between $20 million and $25 million.\n",
                  title="ACME Q4 2021 earnings call", published="2022-02-09")
    assert ("revenue", "change_yoy", 8.0, "2022", "guidance") in got, got
    assert not [c for c in got if c[2] == 20e6 and c[4] == "guidance"], got


def test_expectations_to_grow_are_an_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "We are reaffirming our full year expectations to grow net sales 6% to 9% in 2021.\n",
                  title="ACME Q1 2021 earnings call", published="2021-05-06")
    assert [c[4] for c in got if c[0] == "revenue"] == ["guidance"], got


def test_a_part_of_a_balance_and_what_is_earned_on_it_are_no_balance() -> None:
    got = _claims("Thank you, operator.\n"
                  "Included in this total are $57 million of loans secured by offices and $38 million of loans "
                  "secured by restaurants.\n"
                  "Interest income on loans decreased $19 million in the quarter.\n"
                  "Total loans were $8.7 billion at quarter end.\n",
                  title="ACME Q3 2020 earnings call", published="2020-11-09")
    assert [c[:3] for c in got if c[0] == "loans"] == [("loans", "level", 8.7e9)], got


def test_a_six_month_figure_is_the_halfs() -> None:
    got = _claims("Thank you, operator.\n"
                  "Six-month revenue increased 37% to $1.4 billion.\n"
                  "We signed a six-month contract with a large customer.\n",
                  title="ACME Q2 2021 earnings call", published="2021-08-09")
    assert ("revenue", "level", 1.4e9, "2021-H1", "reported") in got, got


def test_an_amount_a_demonstrative_points_back_to_is_no_new_balance() -> None:
    got = _claims("Thank you, operator.\n"
                  "Loans granted payment deferrals declined to $254 million.\n"
                  "This $254 million of loans includes $31 million added through the acquisition.\n"
                  "Total loans were $7.9 billion at quarter end.\n",
                  title="ACME Q3 2020 earnings call", published="2020-11-09")
    assert [c[:3] for c in got if c[0] == "loans"] == [("loans", "level", 7.9e9)], got


def test_sales_named_by_whom_they_are_made_to_are_a_part() -> None:
    got = _claims("Thank you, operator.\n"
                  "Sales to other regional carriers fell almost 45% year over year.\n"
                  "Net sales to customers in Brazil rose 9%.\n"
                  "Total sales were $820 million, down 12%.\n",
                  title="ACME Q4 2020 earnings call", published="2021-02-09")
    assert [c[:3] for c in got if c[0] == "revenue"] == [("revenue", "level", 820e6),
                                                         ("revenue", "change_yoy", -12.0)], got


def test_a_balance_restated_after_that_is_stays_the_balance() -> None:
    got = _claims("Thank you, operator.\n"
                  "We ended the quarter with approximately $2.75 billion of net debt that is approximately $3.1 "
                  "billion of debt less cash of $350 million.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    assert ("net_debt", "level", 2.75e9) in [c[:3] for c in got], got
