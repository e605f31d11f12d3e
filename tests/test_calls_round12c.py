"""Call transcripts, hand-written in today's call style: a change said to be sequential, a unit that is the subject
of its clause, a year named twice when a speaker turns to it, an outlook given as a list, and the company's own
estimate."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def _claims(body: str, title: str = "ACME Q4 2020 earnings call",
            published: str = "2021-02-09") -> list[tuple[str, str, float, str | None, str]]:
    doc = text_document(body, "x.txt", Metadata(title=title, published=dt.date.fromisoformat(published).isoformat()))
    return [(c.metric, c.measure.value, round(c.value.point if c.value.point is not None else c.value.low, 6),
             c.period.label if c.period is not None else None, c.modality.value)
            for c in extract(doc).claims if c.metric != "unclassified"]


def test_an_amount_said_to_be_sequential_is_against_the_quarter_before() -> None:
    got = _claims("Thank you, operator.\n"
                  "Adjusted EBITDA was up about $3.2 million sequentially to $19.4 million.\n"
                  "Deposits grew $410 million, or 2.1%, sequentially.\n"
                  "Revenue was up $12 million year over year.\n")
    assert ("adjusted_ebitda", "change_qoq", 3.2e6, "2020-Q4", "reported") in got
    assert ("deposits", "change_qoq", 410e6, "2020-12-31", "reported") in got
    assert ("revenue", "change_yoy", 12e6, "2020-Q4", "reported") in got


def test_a_unit_as_the_subject_of_an_adjective_metric_keeps_its_figures() -> None:
    got = _claims("Thank you, operator.\n"
                  "Excluding those charges, our Harbor Services business generated operating income of $8 million.\n"
                  "Total operating income was $30 million.\n")
    assert ("operating_income", "level", 30e6, "2020-Q4", "reported") in got
    assert not any(v == 8e6 for _, _, v, _, _ in got)


def test_a_year_named_twice_when_the_speaker_turns_to_it_goes_on() -> None:
    got = _claims("Thank you, operator.\n"
                  "In the fourth quarter, adjusted EPS was $0.85.\n"
                  "Let me now recap our full year fiscal year 2020.\n"
                  "Adjusted operating profit was $640 million, up 11%.\n")
    assert ("adjusted_eps", "level", 0.85, "2020-Q4", "reported") in got
    assert ("adjusted_operating_income", "level", 640e6, "2020", "reported") in got


def test_every_item_of_an_outlook_list_with_its_year_is_the_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "For next year we currently expect the following for 2021: net sales growth of 1% to 3%; a "
                  "same-store sales decline of 2% to 4%; and earnings per share in the range of $3.10 to $3.40.\n")
    assert {(m, p, mod) for m, _, _, p, mod in got} == {("revenue", "2021", "guidance"),
                                                        ("same_store_sales", "2021", "guidance"),
                                                        ("eps", "2021", "guidance")}


def test_the_companys_own_estimate_is_its_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "We estimate that 2021 capital expenditures will be approximately $45 million.\n")
    assert ("capex", "level", 45e6, "2021", "guidance") in got
    got = _claims("Thank you, operator.\n"
                  "Analysts estimate that 2021 capital expenditures will be approximately $45 million.\n",
                  title="Acme capital spending", published="2021-02-09")
    assert all(mod != "guidance" for *_, mod in got)


def test_a_hedged_change_then_the_level_it_reached_are_two_figures() -> None:
    got = _claims("Thank you, operator.\n"
                  "Adjusted operating income in the fourth quarter increased approximately $9 million to $64 million.\n")
    assert ("adjusted_operating_income", "change_yoy", 9e6, "2020-Q4", "reported") in got
    assert ("adjusted_operating_income", "level", 64e6, "2020-Q4", "reported") in got


def test_the_growth_an_outlook_implies_is_the_outlook() -> None:
    got = _claims("sees q1 revenue of $70 to $74 million, a year-over-year increase of 18% at midpoint.\n",
                  title="ACME Q4 2020 results")
    assert ("revenue", "change_yoy", 18.0, "2021-Q1", "guidance") in got
    got = _claims("Thank you, operator.\n"
                  "Our 2021 earnings per share outlook of $2.40 to $2.60 represents 9% earnings per share growth at "
                  "the midpoint.\n")
    assert ("eps", "change_yoy", 9.0, "2021", "guidance") in got


def test_an_adjusted_basis_named_after_and_is_the_next_figures() -> None:
    got = _claims("Thank you, operator.\n"
                  "We expect 2021 earnings per share in the range of $1.40 - $1.60, and on an adjusted basis, in the "
                  "range of $2.90 - $3.10.\n")
    assert ("eps", "level", 1.5, "2021", "guidance") in got
    assert ("adjusted_eps", "level", 3.0, "2021", "guidance") in got


def test_a_bare_loss_set_against_a_figure_is_that_metrics() -> None:
    got = _claims("Thank you, operator.\n"
                  "Adjusted EBITDA was $16 million, up from a loss of $3 million a year ago.\n")
    assert ("adjusted_ebitda", "level", -3e6, "2019-Q4", "prior_period") in got
    assert not any(m == "net_income" for m, *_ in got)


def test_costs_of_revenue_customer_thresholds_and_earlier_shares_are_not_revenue() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our cost of revenue increased by $8 million year-on-year in 2020.\n"
                  "We doubled the number of clients spending more than $500,000 in revenue in 2020.\n"
                  "Streaming represented 41% of our subscription revenue, up from 35% in 2019.\n"
                  "Net revenue retention was 121%.\n"
                  "Revenue was $90 million, up 14%.\n")
    assert got == [("revenue", "level", 90e6, "2020-Q4", "reported"),
                   ("revenue", "change_yoy", 14.0, "2020-Q4", "reported")]
    got = _claims("Thank you, operator.\n"
                  "Gross margin was 44% of our revenue, up from 41% a year ago.\n")
    assert ("gross_margin", "level", 41.0, "2019-Q4", "prior_period") in got


def test_a_calls_range_of_an_amount_is_its_outlook_and_a_months_guidance_the_old_one() -> None:
    got = _claims("Thank you, operator.\n"
                  "This translates into full year adjusted earnings per share of $2.08 to $2.28, down from our "
                  "revised August guidance of $3.00.\n", title="ACME Q3 2021 earnings call", published="2021-11-09")
    assert ("adjusted_eps", "level", 2.18, "2021", "guidance") in got
    assert ("adjusted_eps", "level", 3.0, "2021", "prior_guidance") in got


def test_a_summarys_view_changed_or_kept_is_the_outlook() -> None:
    got = _claims("acme corp raises fy earnings per share view $3.10 to $3.30.\n", title="ACME Q2 2021 results",
                  published="2021-08-09")
    assert got == [("eps", "level", 3.2, "2021", "guidance")]


def test_a_range_set_against_an_outlook_is_the_old_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "We now expect 2021 revenue of $610 million to $630 million, up from $590 million to $610 million.\n")
    assert got == [("revenue", "level", 620e6, "2021", "guidance"),
                   ("revenue", "level", 600e6, "2021", "prior_guidance")]
    got = _claims("Thank you, operator.\n"
                  "We expect 2021 revenue of $610 million, up from $580 million last year.\n")
    assert ("revenue", "level", 580e6, "2020", "prior_period") in got


def test_a_period_an_outlook_rests_on_is_not_its_period() -> None:
    got = _claims("Thank you, operator.\n"
                  "Based on Q4 results, we now anticipate overall sales growth of 6% to 9% up from 4% to 7%.\n")
    assert [(m, me, mod) for m, me, _, _, mod in got] == [("revenue", "change", "guidance"),
                                                         ("revenue", "change", "prior_guidance")]
    assert all(p != "2020-Q4" for _, _, _, p, _ in got)


def test_an_amount_per_head_is_not_the_metric() -> None:
    got = _claims("Thank you, operator.\n"
                  "Annualized fee revenue production per consultant in the fourth quarter was $1.21 million.\n"
                  "Revenue for the quarter was $80 million.\n")
    assert got == [("revenue", "level", 80e6, "2020-Q4", "reported")]


def test_a_listed_outlook_range_takes_the_lists_year() -> None:
    got = _claims("Thank you, operator.\n"
                  "We currently expect the following for 2021: net sales growth of 2% to 4%; and earnings per share "
                  "in the range of $4.10 to $4.50.\n")
    assert ("eps", "level", 4.3, "2021", "guidance") in got


def test_nine_months_with_the_year_before_the_metric() -> None:
    got = _claims("compname reports nine month 2020 net earnings of $41 million.\n", title="ACME Q3 2020 results",
                  published="2020-11-09")
    assert got == [("net_income", "level", 41e6, "2020-9M", "reported")]


def test_the_earlier_figure_of_a_sequential_comparison_is_the_quarter_befores() -> None:
    got = _claims("Thank you, operator.\n"
                  "On a sequential basis, fourth quarter operating income declined $4 million from $58 million.\n"
                  "Net income declined $2 million from $30 million.\n")
    assert ("operating_income", "level", 58e6, "2020-Q3", "prior_period") in got
    assert ("net_income", "level", 30e6, "2019-Q4", "prior_period") in got


def test_an_earnings_percentage_is_a_ratio_not_the_earnings() -> None:
    got = _claims("Thank you, operator.\n"
                  "Marine operating earnings percentage of 7.6% was up from last year's 5.1% on higher volume.\n")
    assert not any(m in ("net_income", "operating_income") for m, *_ in got)


def test_figures_of_the_businesses_being_sold_are_not_the_companys() -> None:
    got = _claims("Thank you, operator.\n"
                  "Collectively, these businesses have revenues of roughly $95 million and EBITDA margins in the low "
                  "20%.\n"
                  "Revenue was $1.3 billion.\n")
    assert got == [("revenue", "level", 1.3e9, "2020-Q4", "reported")]


def test_earnings_excluding_the_named_special_items_are_adjusted() -> None:
    got = _claims("Thank you, operator.\n"
                  "Excluding the restructuring and other special items, our earnings per diluted share was $1.30 for "
                  "the quarter.\n")
    assert got == [("adjusted_eps", "level", 1.3, "2020-Q4", "reported")]
