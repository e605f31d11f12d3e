"""Periods that go on over the lines of a call transcript (``claimgraph/sources/callperiods.py``): a fourth-quarter
call's full-year results, the year to date, "this year" said of results after the year has ended. Hand-written
passages in today's call style, one sentence a line."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Claim
from claimgraph.sources.readers import Metadata, text_document

Q4 = "ACME Q4 2021 earnings call"
Q4_PUBLISHED = dt.date(2022, 2, 9)


def _call(body: str, title: str = Q4, published: dt.date = Q4_PUBLISHED) -> list[tuple[str, str, float, str | None,
                                                                                         str]]:
    doc = text_document(body, "x.txt", Metadata(title=title, published=published.isoformat()))
    claims: list[Claim] = extract(doc).claims
    return [(c.metric, c.measure.value, c.value.low, c.period.label if c.period else None, c.modality.value)
            for c in claims if c.metric != "unclassified"]


def test_a_full_year_named_on_one_line_goes_on_over_the_next_lines_until_the_quarter_is_named() -> None:
    got = _call("Thank you, operator.\n"
                "For the full year, revenue was $4.4 billion, up 12%.\n"
                "Adjusted EPS was $3.10.\n"
                "Gross margin was 25%.\n"
                "In the quarter, revenue was $1.2 billion.\n"
                "Operating margin was 14%.\n")
    assert ("adjusted_eps", "level", 3.10, "2021", "reported") in got
    assert ("gross_margin", "level", 25.0, "2021", "reported") in got
    assert ("revenue", "level", 1.2e9, "2021-Q4", "reported") in got
    assert ("operating_margin", "level", 14.0, "2021-Q4", "reported") in got


def test_a_line_without_figures_that_turns_to_the_year_or_the_quarter_sets_the_next_lines_period() -> None:
    got = _call("Now turning to our full year results.\n"
                "Revenue was $4.5 billion.\n"
                "Adjusted EPS was $3.20.\n"
                "Let me now turn to the fourth quarter.\n"
                "Revenue was $1.3 billion.\n")
    assert ("revenue", "level", 4.5e9, "2021", "reported") in got
    assert ("adjusted_eps", "level", 3.20, "2021", "reported") in got
    assert ("revenue", "level", 1.3e9, "2021-Q4", "reported") in got


def test_the_years_results_stop_after_a_few_lines_and_at_an_outlook() -> None:
    got = _call("For the full year, revenue was $4.4 billion.\n"
                "Now let me turn to our outlook.\n"
                "Adjusted EPS was $0.90.\n"
                "For the full year, operating cash flow was $600 million.\n"
                "We hired many people.\n"
                "We opened new plants.\n"
                "We launched products.\n"
                "Capital expenditures were $80 million.\n")
    assert ("adjusted_eps", "level", 0.90, "2021", "reported") not in got
    assert ("capex", "level", 80e6, "2021-Q4", "reported") in got


def test_a_year_named_in_passing_or_a_quarter_call_keeps_the_quarter() -> None:
    got = _call("In 2019, we launched our platform.\nRevenue was $1.2 billion.\n")
    assert ("revenue", "level", 1.2e9, "2021-Q4", "reported") in got
    # "this year" set against a year-earlier figure is no period of the next line
    got = _call("Gross margin was 35.3% of net sales this year, down from 35.1% in the prior year quarter.\n"
                "Adjusted EBITDA was $21.3 million.\n", title="ACME Q3 2021 earnings call",
                published=dt.date(2021, 11, 9))
    assert ("adjusted_ebitda", "level", 21.3e6, "2021-Q3", "reported") in got


def test_the_year_to_date_goes_on_to_the_next_line() -> None:
    got = _call("Thank you, operator.\n"
                "Cash flow from operations was $377 million on a year-to-date basis.\n"
                "Net capex was $175.9 million.\n"
                "We remain committed to our dividend.\n", title="ACME Q2 2022 earnings call",
                published=dt.date(2022, 8, 9))
    assert ("capex", "level", 175.9e6, "2022-YTD", "reported") in got


def test_this_year_said_of_results_in_a_fourth_quarter_call_is_the_year_just_ended() -> None:
    got = _call("This year, revenue grew 5% to $4.4 billion.\n"
                "This year, we expect revenue growth of 4% to 6%.\n")
    assert ("revenue", "level", 4.4e9, "2021", "reported") in got
    assert ("revenue", "change_yoy", 4.0, "2022", "guidance") in got


def test_a_linked_quarter_change_is_against_the_quarter_before() -> None:
    got = _call("Thank you, operator.\n"
                "Our linked quarter loans decreased $608 million or 3% from $20.2 billion at December 31, 2020.\n"
                "On a linked-quarter basis, deposits increased $1.4 billion or 5.1%.\n"
                "Loans increased $500 million from a year ago.\n", title="ACME Q1 2021 earnings call",
                published=dt.date(2021, 5, 10))
    assert ("loans", "change_qoq", -608e6, "2021-03-31", "reported") in got
    assert ("deposits", "change_qoq", 1.4e9, "2021-03-31", "reported") in got
    assert ("loans", "change_yoy", 500e6, "2021-03-31", "reported") in got


def test_net_income_per_diluted_common_share_is_eps_not_a_share_price() -> None:
    got = _call("Thank you, operator.\n"
                "The net income per diluted common share was $1.44 for the quarter, compared with $1.39 a year ago, "
                "an increase of 3.6%.\nWe remain well capitalized.\n", title="ACME Q1 2021 earnings call",
                published=dt.date(2021, 5, 10))
    assert ("eps", "level", 1.44, "2021-Q1", "reported") in got
    assert not any(m == "share_price" for m, *_ in got)


def test_a_result_set_against_the_years_initial_outlook_in_a_fourth_quarter_call_is_the_years() -> None:
    got = _call("Thank you, operator.\n"
                "As shown on Slide 3, we reported total revenue of just over $4.4 billion which was within our initial "
                "range.\n"
                "Most importantly, we exceeded our free cash flow target, generating $93 million versus our initial "
                "expectation of breakeven.\n"
                "Revenue of $1.1 billion was within our guidance range for the quarter.\n", title="ACME Q4 2019 earnings call",
                published=dt.date(2020, 2, 9))
    assert ("revenue", "level", 4.4e9, "2019", "reported") in got
    assert ("free_cash_flow", "level", 93e6, "2019", "reported") in got
    assert ("revenue", "level", 1.1e9, "2019-Q4", "reported") in got
    # in a third-quarter call the same words say nothing of the year
    got = _call("Thank you, operator.\nWe reported total revenue of $1.2 billion which was within our initial range.\n"
                "We hired.\n", title="ACME Q3 2019 earnings call", published=dt.date(2019, 11, 9))
    assert ("revenue", "level", 1.2e9, "2019-Q3", "reported") in got


def test_a_figure_likened_to_the_prior_year_is_the_periods_own_and_the_prior_years_eps_is_earlier() -> None:
    got = _call("Thank you, operator.\n"
                "In summary, earnings per share was $0.47 in the first quarter of 2021, an increase of 15% from the "
                "prior year's earnings per share of $0.41.\n"
                "Our free cash flow of $28.8 million was consistent with the prior year.\n"
                "Net income was $5 million a year ago.\n", title="ACME Q1 2021 earnings call",
                published=dt.date(2021, 5, 10))
    assert ("eps", "level", 0.41, "2020-Q1", "prior_period") in got
    assert ("free_cash_flow", "level", 28.8e6, "2021-Q1", "reported") in got
    assert ("net_income", "level", 5e6, "2020-Q1", "prior_period") in got
