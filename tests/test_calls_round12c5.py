"""Call transcripts and summaries, hand-written in today's call style (issue 12, a fifth review of 30 unseen calls):
amounts told as effects, a transcriber's notes, maturity dates, and revised outlooks with the earlier figure after
"previously"."""

from __future__ import annotations

from tests.conftest import call_claims as _claims


def test_an_amount_told_as_an_effect_is_no_eps() -> None:
    got = _claims("Thank you, operator.\n"
                  "We also benefited in the first half from favorable weather relative to 2020 in the amount of $0.05 "
                  "per share.\n"
                  "As always, we plan for normal weather, which translates to $0.03 per share of negative variance.\n"
                  "We will benefit from rate relief, which equates to $0.10 per share of pickup.\n"
                  "Diluted EPS was $1.10.\n")
    assert [(m, v) for m, _, v, *_ in got] == [("eps", 1.1)]


def test_a_transcribers_note_stands_between_no_words() -> None:
    got = _claims("Thank you, operator.\n"
                  "At year end, we had $800.5 million of total debt, excluding [Phonetic] $4.5 million drawn on our line "
                  "of credit.\n")
    assert got == [("total_debt", "level", 800.5e6, "2021-12-31", "reported")]


def test_the_year_a_debt_matures_in_is_no_period_of_it() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our total debt was $120.3 million at the end of the fourth quarter, almost all of which matures in "
                  "2031.\n")
    assert got == [("total_debt", "level", 120.3e6, "2021-12-31", "reported")]


def test_previously_leads_the_earlier_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "Turning to gross margin, we now expect full year gross margin to be down 120 basis points, "
                  "previously down 50 basis points.\n"
                  "Our full year capex plan is now $140 million, down from the original $190 million in the outlook.\n"
                  "We now expect revenue of $2.2 billion, previously $2.1 billion.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-09")
    assert ("gross_margin", "change_yoy", -1.2, "2021", "guidance") in got
    assert ("gross_margin", "change", -0.5, "2021", "prior_guidance") in got
    assert ("capex", "level", 140e6, "2021", "guidance") in got
    assert ("capex", "level", 190e6, "2021", "prior_guidance") in got
    assert ("revenue", "level", 2.2e9, "2021", "guidance") in got
    assert ("revenue", "level", 2.1e9, "2021", "prior_guidance") in got


def test_a_lead_to_the_segments_own_topic_keeps_its_scope() -> None:
    got = _claims("Thank you, operator.\n"
                  "Revenue was $700 million in the quarter.\n"
                  "Starting in the Industrial segment.\n"
                  "Sales improved sharply year-over-year.\n"
                  "The segment benefited from solid demand.\n"
                  "However, those gains were offset by slowdowns.\n"
                  "Turning to the segment's profitability.\n"
                  "Adjusted operating income increased 38%, while adjusted operating margin increased 300 basis points "
                  "to 15.7%.\n", title="ACME Q2 2021 earnings call", published="2021-08-09")
    assert got == [("revenue", "level", 700e6, "2021-Q2", "reported")]


def test_whose_a_summarys_per_share_amount_is() -> None:
    got = _claims("acme properties corp - $0.21 ffo (funds from operations) per share for fourth quarter 2021.\n"
                  "acme reports fourth quarter net income of $150 million, or $1.40 per diluted common share.\n"
                  "board approved a $0.12 per share annualized increase in the dividend to $1.50 per common share.\n",
                  title="ACME Q4 2021 results")
    assert ("ffo_per_share", "level", 0.21, "2021-Q4", "reported") in got
    assert ("eps", "level", 1.4, "2021-Q4", "reported") in got
    assert not any(m == "eps" and v in (0.21, 0.12) for m, _, v, *_ in got)
    assert any(m == "dividend" and v == 0.12 and me.startswith("change") for m, me, v, *_ in got)


def test_the_level_a_move_reached_after_a_decimal_is_the_periods() -> None:
    got = _claims("Thank you, operator.\n"
                  "Sales in the first quarter were $300.5 million, which was an increase of 14% when compared to the "
                  "same quarter last year, and GAAP pre-tax earnings increased 4.8% to $40.7 million.\n",
                  title="ACME Q1 2022 earnings call", published="2022-05-10")
    assert ("pretax_income", "level", 40.7e6, "2022-Q1", "reported") in got


def test_a_compound_annual_growth_rate_is_no_change_of_one_period() -> None:
    got = _claims("Thank you, operator.\n"
                  "Net organic sales grew 2% compared to the same period in 2020, and the two-year compounded annual "
                  "growth rate for organic sales since 2019 is 3%.\n",
                  title="ACME Q1 2022 earnings call", published="2022-05-10")
    assert got == [("organic_revenue", "change_yoy", 2.0, "2022-Q1", "reported")]


def test_loans_named_as_the_object_of_a_flow_are_no_balance() -> None:
    got = _claims("Thank you, operator.\n"
                  "Delinquencies for accruing loans at the end of the third quarter were $85.3 million or 50 basis "
                  "points of period-end loans.\n"
                  "On the forgiveness front, we forgave $128 million in loans that were made during the program.\n"
                  "We originated $258 million of branch loans in the third quarter, 17% higher than the prior-year "
                  "period.\n"
                  "Average loans in the third quarter were $15.2 billion.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-09")
    assert got == [("loans", "level", 15.2e9, "2021-09-30", "reported")]


def test_an_amount_deferred_or_shifted_is_no_figure_of_the_period() -> None:
    got = _claims("Thank you, operator.\n"
                  "Approximately $50 million of revenue and $15 million in gross profit that we had previously expected "
                  "to recognize in the period was deferred from the third quarter.\n"
                  "About $12 million of sales shifted into the fourth quarter.\n"
                  "Revenue was $900 million, as $5 million was deferred.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-09")
    assert [(m, v) for m, _, v, *_ in got] == [("revenue", 900e6)]


def test_a_segment_figure_named_by_the_generic_word_renews_the_scope() -> None:
    got = _claims("Thank you, operator.\n"
                  "Revenue was $500 million in the quarter.\n"
                  "Turning now to our Surface Technology segment.\n"
                  "Third quarter sales of $64.3 million increased 44.2%, driven by continued strong demand.\n"
                  "Excluding the impact of the acquisition, sales increased 23.6% versus the prior-year period.\n"
                  "For the third quarter, adjusted segment EBITDA increased 44.8% to $19.4 million.\n"
                  "Excluding the impact of the acquisition, adjusted segment EBITDA increased 8.2%.\n"
                  "Just as a reminder, the acquired business is a leading provider of cleaning solutions.\n"
                  "We had strong demand across the board.\n"
                  "Sequentially, adjusted EBITDA margins improved 380 basis points in the quarter.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-09")
    assert got == [("revenue", "level", 500e6, "2021-Q3", "reported")]


def test_a_difference_from_a_year_is_not_that_years() -> None:
    got = _claims("Thank you, operator.\n"
                  "We now expect operating expenses to be approximately $90 million higher than in 2019.\n",
                  title="ACME Q1 2021 earnings call", published="2021-05-10")
    assert got and not any(p == "2019" for *_, p, _ in got)
    assert all(me == "change" for _, me, *_ in got)


def test_a_business_line_after_the_companys_dash_in_a_summary() -> None:
    got = _claims("acme - q3 2021 revenues of $1.34 billion, a decrease of 5 percent compared to q3 of 2020.\n"
                  "acme - flow control & pumps generated revenues of $478 million in q3 2021, a decrease of 20 percent "
                  "from the third quarter of 2020.\n",
                  title="ACME Q3 2021 results", published="2021-11-09")
    assert got == [("revenue", "level", 1.34e9, "2021-Q3", "reported"),
                   ("revenue", "change_yoy", -5.0, "2021-Q3", "reported")]


def test_the_growth_an_outlook_implies_after_its_period() -> None:
    got = _claims("Thank you, operator.\n"
                  "We're expecting adjusted earnings per share of $0.45 to $0.50 in the third quarter, a 43% to 57% "
                  "increase versus prior year.\n", title="ACME Q2 2021 earnings call", published="2021-08-09")
    assert ("adjusted_eps", "change_yoy", 50.0, "2021-Q3", "guidance") in got


def test_an_amount_at_the_midpoint_is_an_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "For the full year, we are seeing earnings per share of approximately $0.85 at the midpoint.\n",
                  title="ACME Q2 2021 earnings call", published="2021-08-09")
    assert [(m, p, mo) for m, _, _, p, mo in got] == [("eps", "2021", "guidance")]


def test_an_amount_set_apart_by_other_than_is_a_component() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our debt is at fixed rates other than the $4.5 million on the line which is at a floating rate.\n"
                  "Total debt was $800 million.\n")
    assert got == [("total_debt", "level", 800e6, "2021-12-31", "reported")]


def test_a_balances_change_in_a_named_quarter_is_over_the_quarter() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our cash balance declined $25 million in the third quarter, reflecting our efforts to repatriate "
                  "cash.\n", title="ACME Q3 2020 earnings call", published="2020-11-09")
    assert got == [("cash", "change_qoq", -25e6, "2020-09-30", "reported")]
