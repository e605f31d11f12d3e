"""Call transcripts and summaries, hand-written in today's call style (issue 12, a sixth review of 30 unseen calls):
tickers that are also words, outlooks whose period a lead names, rates and run rates, revenue streams' margins."""

from __future__ import annotations

from tests.conftest import call_claims as _claims


def test_a_ticker_that_is_also_a_word_names_the_company() -> None:
    body = "compname reports q3 revenue of $1.2 billion, up 8%.\nq3 earnings per share $0.91.\n"
    for ticker in ("UPS", "SIX", "SEE", "ARE"):
        got = _claims(body, title=f"{ticker} Q3 2021 results", published="2021-11-09")
        assert ("revenue", "level", 1.2e9, "2021-Q3", "reported") in got, ticker
        assert ("eps", "level", 0.91, "2021-Q3", "reported") in got, ticker


def test_a_look_ahead_dates_the_outlooks_of_the_next_lines() -> None:
    got = _claims("Thank you, operator.\n"
                  "Cash at the end of the quarter was $210 million.\n"
                  "On slide 12, we are introducing new full-year guidance for 2021.\n"
                  "Given the recovery in our markets, the company anticipates net sales in the range of $910 million "
                  "to $950 million.\n"
                  "Adjusted EBITDA, similar to last year, in the range of $40 million to $45 million.\n",
                  title="ACME Q2 2021 earnings call", published="2021-08-09")
    assert ("revenue", "level", 930e6, "2021", "guidance") in got
    assert ("adjusted_ebitda", "level", 42.5e6, "2021", "guidance") in got


def test_a_look_forward_to_a_year_dates_its_capex_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "A few comments as we look forward to 2022.\n"
                  "Corporate expenses are projected to be $35 million and can vary by quarter.\n"
                  "Capital expenditures are expected to be $140 million, including $60 million for a new plant.\n")
    assert ("capex", "level", 140e6, "2022", "guidance") in got


def test_rates_run_rates_and_hypotheticals_are_no_figures_of_a_period() -> None:
    got = _claims("Thank you, operator.\n"
                  "We just completed a year where we generated nearly $14 billion in revenue.\n"
                  "Historically each $1 billion of revenue produced only $1 of earnings per share.\n"
                  "Including a full year of our acquisitions, our annual run rate is well beyond $16 billion in revenue.\n"
                  "We can reach a run rate of $300 million in adjusted EBITDA once the plants are ramped.\n"
                  "On an annualized basis, the rates we achieved in the quarter would result in over $250 million of "
                  "free cash flow.\n"
                  "Our plan includes acquiring a further $3 billion to $4 billion in annual revenues.\n")
    assert [(m, v) for m, _, v, *_ in got] == [("revenue", 14e9)]


def test_a_revenue_streams_margin_is_not_the_companys() -> None:
    got = _claims("Thank you, operator.\n"
                  "Recurring revenue gross margins were 64.1%, up 150 basis points sequentially.\n"
                  "Services revenue gross margin was 12.4%.\n"
                  "Total gross margin came in at 55.2%, up 400 basis points year-over-year.\n",
                  title="ACME Q2 2021 earnings call", published="2021-08-09")
    assert got == [("gross_margin", "level", 55.2, "2021-Q2", "reported"),
                   ("gross_margin", "change_yoy", 4.0, "2021-Q2", "reported")]


def test_what_a_driver_did_to_us_is_an_effect() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our diluted earnings per share in Q3 was $2.10 versus $1.80 in the prior year quarter.\n"
                  "Breaking that increase down, our improved operating results benefited our EPS by $0.21.\n"
                  "Our lower tax rate benefited us by $0.09.\n"
                  "We began the year with a target of $7.20 per share, but faced a net headwind from the storm of $0.06 "
                  "per share.\n", title="ACME Q3 2021 earnings call", published="2021-11-09")
    assert 0.09 not in [v for _, _, v, *_ in got] and 0.06 not in [v for _, _, v, *_ in got]
    assert ("eps", "level", 2.1, "2021-Q3", "reported") in got


def test_a_review_of_segments_opens_a_scope_on_a_long_lower_case_name() -> None:
    got = _claims("Thank you, operator.\n"
                  "Adjusted EBITDA increased 40%.\n"
                  "Let me now turn to segment results, beginning with our fresh and value-added foods segment.\n"
                  "For the second quarter of 2021, net sales decreased $20 million or 4% compared with the prior year "
                  "period.\n", title="ACME Q2 2021 earnings call", published="2021-08-09")
    assert got == [("adjusted_ebitda", "change_yoy", 40.0, "2021-Q2", "reported")]


def test_a_calls_name_is_no_period_of_a_figure() -> None:
    got = _claims("Thank you, operator.\n"
                  "As discussed during our Q2 call, we began the year with a target of $7.20 per share.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-09")
    assert not any(p is not None and p.endswith("Q2") for *_, p, _ in got)


def test_a_period_named_in_a_changes_cause_is_not_its_period() -> None:
    got = _claims("Thank you, operator.\n"
                  "Income before income taxes decreased 12.5% due to a gain of $3.1 million in the fourth quarter of "
                  "2020 that did not recur.\n")
    assert got == [("pretax_income", "change_yoy", -12.5, "2021-Q4", "reported")]


def test_debt_set_against_capitalization_is_a_ratio() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our net debt to capitalization decreased by 4% from 49% at the end of the third quarter to 45% at "
                  "December 31.\n")
    assert got == []


def test_one_business_results_per_share_are_not_the_companys_eps() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our diluted earnings per share were $1.05 in the quarter.\n"
                  "Our regulated pipeline operation results were $0.21 per share in the second quarter compared to $0.14 "
                  "in 2020.\n", title="ACME Q2 2021 earnings call", published="2021-08-09")
    assert got == [("eps", "level", 1.05, "2021-Q2", "reported")]


def test_a_loss_related_to_one_thing_is_an_item() -> None:
    got = _claims("Thank you, operator.\n"
                  "For the full year, special items included a charge of $6.1 million for restructuring and a net loss "
                  "of $1.9 million related to storm damage at our plant in Texas.\n"
                  "Net loss was $4.2 million related to higher interest expense.\n")
    assert [(m, v) for m, _, v, *_ in got] == [("net_income", -4.2e6)]


def test_how_far_an_outlooks_midpoint_moved_is_no_figure() -> None:
    got = _claims("Thank you, operator.\n"
                  "We have raised the midpoint of our adjusted EBITDA range by $30 million by increasing the low end of "
                  "the range, resulting in a new range of $900 million to $980 million for 2021.\n",
                  title="ACME Q1 2021 earnings call", published="2021-05-10")
    assert got == [("adjusted_ebitda", "level", 940e6, "2021", "guidance")]
