"""Call transcripts and summaries, hand-written in today's call style (issue 12, a ninth review of 30 unseen calls)."""

from __future__ import annotations

from tests.conftest import call_claims as _claims


def test_a_lower_cased_line_of_business_after_a_period_word_or_while_is_a_part() -> None:
    got = _claims("Thank you, operator.\n"
                  "Quarterly trading revenues nearly tripled to $318 million while asset servicing posted revenue of "
                  "$97 million, up 18%.\n"
                  "Quarterly net revenues were $1.4 billion, up 11%.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    revenue = [c[2] for c in got if c[0] == "revenue"]
    assert 318e6 not in revenue and 97e6 not in revenue, got
    assert 1.4e9 in revenue, got


def test_a_figure_that_exceeded_the_prior_years_is_the_periods_own() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our third quarter operating cash flow of $143 million exceeded the prior year operating cash flow "
                  "of $97 million.\n"
                  "Third quarter free cash flow of $88 million was above last year's free cash flow of $61 million.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    by_value = {c[2]: c[4] for c in got if c[1] == "level"}
    assert by_value.get(143e6) == "reported" and by_value.get(97e6) == "prior_period", got
    assert by_value.get(88e6) == "reported" and by_value.get(61e6) == "prior_period", got


def test_between_two_figures_joined_by_an_ampersand_is_a_range() -> None:
    got = _claims("acme corp - sees q1 adjusted earnings per share between $1.45 & $1.52.\n"
                  "q4 revenue rose 8% to $2.1 billion.\n",
                  title="ACME Q4 2021 earnings summary", published="2022-02-09")
    outlooks = [c for c in got if c[4] == "guidance"]
    assert outlooks and all(c[2] != 1.52 for c in outlooks), got


def test_a_lower_cased_numbered_quarter_with_its_year_is_that_quarter() -> None:
    got = _claims("compname reports q3 ffo per share of $0.44.\n"
                  "net income of $7.3 million in 3q 2021 compared to $4.6 million in 3q 2020.\n",
                  title="ACME Q3 2021 earnings summary", published="2021-11-08")
    periods = {c[2]: c[3] for c in got if c[0] == "net_income"}
    assert periods == {7.3e6: "2021-Q3", 4.6e6: "2020-Q3"}, got


def test_in_a_call_the_forecast_named_with_no_analyst_is_the_companys_own() -> None:
    got = _claims("Thank you, operator.\n"
                  "For the full year, we are now targeting $6.3 billion in total revenue, up from the forecast of "
                  "$6.1 billion.\n"
                  "Quarterly revenue of $1.7 billion was above the consensus forecast of $1.6 billion.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    modality = {c[2]: c[4] for c in got if c[0] == "revenue"}
    assert modality.get(6.1e9) == "prior_guidance", got
    assert modality.get(1.6e9) == "analyst_estimate", got
