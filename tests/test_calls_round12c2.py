"""Call transcripts and summaries, hand-written in today's call style (issue 12, a review of 30 unseen calls): what
an aside leaves out, debt that is no debt outstanding, an outlook read out item by item with "to be", a figure a
total includes or excludes, and the quarter an outlook is about, which says nothing of the fiscal calendar."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def _claims(body: str, title: str = "ACME Q3 2021 earnings call",
            published: str = "2021-11-09") -> list[tuple[str, str, float, str | None, str]]:
    doc = text_document(body, "x.txt", Metadata(title=title, published=dt.date.fromisoformat(published).isoformat()))
    return [(c.metric, c.measure.value, round(c.value.point if c.value.point is not None else c.value.low, 6),
             c.period.label if c.period is not None else None, c.modality.value)
            for c in extract(doc).claims if c.metric != "unclassified"]


def test_an_aside_that_leaves_items_out_names_no_metric_of_the_figure() -> None:
    got = _claims("Thank you, operator.\n"
                  "Diluted earnings per share, excluding gains on property sales and losses on debt retirement, "
                  "rose 40% to $2.10.\n")
    assert ("adjusted_eps", "change_yoy", 40.0, "2021-Q3", "reported") in got
    assert ("adjusted_eps", "level", 2.10, "2021-Q3", "reported") in got
    assert not any(m == "total_debt" for m, *_ in got)


def test_bad_debt_refinanced_debt_and_premiums_earned_are_no_debt_and_no_earnings() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our bad debt expense assumption for the year is now $4 million, up $1 million.\n"
                  "During the year we completed $900 million of debt refinancing.\n"
                  "Net premiums earned were $210 million in the quarter.\n")
    assert not any(m in ("total_debt", "net_income") for m, *_ in got)


def test_an_outlook_read_out_item_by_item_with_to_be_is_guidance() -> None:
    got = _claims("Thank you, operator.\n"
                  "For the full year, we are raising our outlook.\n"
                  "Adjusted EBITDA to be between $120 million and $125 million, and earnings per share to be $1.15.\n")
    assert ("adjusted_ebitda", "level", 122.5e6, "2021", "guidance") in got
    assert ("eps", "level", 1.15, "2021", "guidance") in got


def test_a_figure_a_total_excludes_is_no_level_of_the_total() -> None:
    got = _claims("Thank you, operator.\n"
                  "Revenue was $300 million in the quarter.\n"
                  "Our 2021 sales outlook excludes $40 million in sales from the businesses we sold.\n")
    assert [v for m, _, v, _, _ in got if m == "revenue"] == [300e6]


def test_a_calendar_on_which_the_quarter_an_outlook_is_for_had_ended_is_not_the_companys() -> None:
    got = _claims("Thank you, operator.\n"
                  "For the fourth quarter 2021, we expect revenue growth to be in a range of 10% to 12%.\n"
                  "For the Q4 comparison to 2019, 2019 sales exclude $20 million in sales of businesses we sold.\n"
                  "For the fourth quarter, adjusted earnings per share is expected to be in a range of $0.50 to $0.55.\n")
    assert ("adjusted_eps", "level", 0.525, "2021-Q4", "guidance") in got
    assert ("revenue", "change_yoy", 11.0, "2021-Q4", "guidance") in got


def test_a_quarter_reported_under_another_number_than_the_titles_sets_the_calendar() -> None:
    got = _claims("acme q3 adjusted earnings per share $0.83.\n"
                  "q3 adjusted earnings per share $0.83.\n"
                  "sees q4 adjusted earnings per share $0.86 to $0.88.\n", title="ACME Q2 2021 results",
                  published="2021-08-09")
    assert ("adjusted_eps", "level", 0.83, "FY2021-Q3", "reported") in got


def test_parts_are_parts_and_effects_and_differences_are_not_the_metric() -> None:
    got = _claims("Thank you, operator.\n"
                  "Capital spending in the quarter was $12 million, of which $9 million related to the rental fleet.\n"
                  "Revenue was $400 million, $300 million of that is from North America and $100 million is from "
                  "Europe.\n"
                  "We expect the extra week to have a favorable impact on full year EBITDA of approximately $5 million.\n"
                  "This promotion reduced company sales by approximately $3 million.\n"
                  "We now see EPS for the full year to be $2.20, which is $0.15 higher than the midpoint of our original "
                  "guidance.\n")
    values = {(m, v) for m, _, v, _, _ in got}
    assert ("capex", "level", 12e6) in {(m, me, v) for m, me, v, _, _ in got}
    assert ("capex", "part", 9e6) in {(m, me, v) for m, me, v, _, _ in got}
    assert ("revenue", "part", 100e6) in {(m, me, v) for m, me, v, _, _ in got}
    assert ("revenue", 400e6) in values
    assert not any(m == "ebitda" for m, _ in values)
    assert ("revenue", -3e6) not in values
    assert ("eps", 2.2) in values and ("eps", 0.15) not in values


def test_a_change_against_an_earlier_period_stated_as_higher_than_it_stays() -> None:
    got = _claims("Thank you, operator.\n"
                  "This quarter's gross margin of 3.4% is 71 basis points higher than the prior year quarter.\n")
    assert ("gross_margin", "change_yoy", 0.71, "2021-Q3", "reported") in got


def test_the_level_reached_after_the_period_compared_with_is_the_quarters() -> None:
    got = _claims("Thank you, operator.\n"
                  "Gross margin decreased 150 basis points compared to the year-ago quarter to 38.5%.\n"
                  "Revenue increased 6% compared to the prior year quarter to $700 million.\n")
    assert ("gross_margin", "level", 38.5, "2021-Q3", "reported") in got
    assert ("revenue", "level", 700e6, "2021-Q3", "reported") in got


def test_a_segment_figure_named_by_the_generic_word_opens_a_scope_for_its_margin() -> None:
    got = _claims("Thank you, operator.\n"
                  "Towables revenue was $400 million, up 20%.\n"
                  "Segment adjusted EBITDA was $60 million, up 80% over the prior-year period.\n"
                  "Adjusted EBITDA margin of 15% increased 190 basis points.\n"
                  "Now, turning to the balance sheet.\n"
                  "On a consolidated basis, adjusted EBITDA margin was 13.5%.\n")
    assert [v for m, _, v, _, _ in got if m == "adjusted_ebitda_margin"] == [13.5]


def test_the_period_of_what_an_outlook_rests_on_is_not_the_outlooks() -> None:
    got = _claims("Thank you, operator.\n"
                  "Revenue was $300 million in the quarter.\n"
                  "We are pleased with the quarter.\n"
                  "Given our strong performance in the third quarter, we are increasing our full-year outlook for 2021.\n"
                  "We now expect 8% to 10% growth in adjusted earnings per share.\n"
                  "EPS expansion from the $4.10 in 2020 will be driven by growth in every segment.\n")
    assert ("adjusted_eps", "change", 9.0, "2021", "guidance") in got
    assert not any(v == 4.1 and mod == "guidance" for _, _, v, _, mod in got)


def test_a_figure_governed_by_a_metric_that_does_not_fit_is_no_earlier_metrics() -> None:
    got = _claims("Thank you, operator.\n"
                  "A few quarterly items I'll mention include revenue of $410 million; deliveries of 3,100 units and "
                  "orders of 5,200 new units.\n"
                  "We also paid $4.1 million for capital expenditures and paid a $3.3 million dividend.\n")
    values = {(m, v) for m, _, v, _, _ in got}
    assert ("revenue", 410e6) in values and ("deliveries", 3100) in values
    assert ("deliveries", 5200) not in values
    assert ("capex", 4.1e6) in values and ("capex", 3.3e6) not in values


def test_earnings_of_a_small_amount_set_against_eps_stay_per_share() -> None:
    got = _claims("Thank you, operator.\n"
                  "We earned $1.10 per share in the third quarter of 2021 compared with earnings of $0.90 in the third "
                  "quarter of 2020.\n")
    assert ("eps", "level", 0.9, "2020-Q3", "prior_period") in got


def test_a_cost_line_opening_on_sales_and_money_spent_on_something_are_no_metric() -> None:
    got = _claims("Thank you, operator.\n"
                  "Revenue was $600 million.\n"
                  "Sales, general and administrative expenses increased $9.4 million, or 5.8%, to $171.3 million.\n"
                  "As for our cash position for the quarter, we spent $56 million on acquisitions.\n"
                  "We also paid $3.4 million for capital expenditures.\n")
    assert {(m, v) for m, _, v, _, _ in got} == {("revenue", 600e6), ("capex", 3.4e6)}


def test_sequentially_before_by_is_against_the_quarter_before() -> None:
    got = _claims("Thank you, operator.\n"
                  "Net debt decreased sequentially by $300 million to $9.5 billion.\n")
    assert ("net_debt", "change_qoq", -300e6, "2021-09-30", "reported") in got


def test_an_increase_of_an_amount_on_a_metric_named_after_it_is_that_metrics() -> None:
    got = _claims("acme - approved an increase of $0.020 per share, or 8%, on its quarterly cash dividend to $0.27 per "
                  "share.\nq3 adjusted earnings per share $1.10.\n", title="ACME Q3 2021 results")
    assert not any(m == "eps" for m, *_ in got)
    assert {m for m, me, *_ in got if me.startswith("change")} == {"dividend"}


def test_a_net_cash_position_is_net_debt_below_zero_and_a_basis_named_at_length_after_the_figure() -> None:
    got = _claims("Thank you, operator.\n"
                  "We ended the third quarter in a net cash position of $12.5 million.\n"
                  "EPS for the quarter was $0.70 on a GAAP basis and $0.64 on a non-GAAP adjusted earnings per share "
                  "basis.\n")
    assert ("net_debt", "level", -12.5e6, "2021-09-30", "reported") in got
    assert ("eps", "level", 0.7, "2021-Q3", "reported") in got
    assert ("adjusted_eps", "level", 0.64, "2021-Q3", "reported") in got


def test_positioned_to_deliver_is_an_outlook_and_volume_growth_is_no_revenue() -> None:
    got = _claims("Thank you, operator.\n"
                  "Full year organic revenue increased by 12%, led by 8% volume growth and strong pricing.\n"
                  "In 2022, we are positioned to again deliver nearly 15% earnings per share growth.\n",
                  title="ACME Q4 2021 earnings call", published="2022-02-09")
    assert [v for m, _, v, _, _ in got if m == "organic_revenue"] == [12.0]
    assert any(m == "eps" and p == "2022" and mod == "guidance" for m, _, _, p, mod in got)


def test_every_item_of_an_outlook_listed_after_including_is_the_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "Based on these factors, we are increasing our full year 2021 guidance ranges, including net sales in "
                  "the range of $5.1 billion to $5.3 billion, comparable store sales of 4% to 6% and adjusted operating "
                  "margin of 8.5% to 8.8%.\n")
    assert {(m, p, mod) for m, _, _, p, mod in got} == {("revenue", "2021", "guidance"),
                                                        ("same_store_sales", "2021", "guidance"),
                                                        ("adjusted_operating_margin", "2021", "guidance")}


def test_a_percentage_reached_after_a_move_in_points_is_no_change_of_an_amount() -> None:
    got = _claims("Thank you, operator.\n"
                  "Gross profit for our company-owned stores increased 4.1 percentage points to 12% for the quarter.\n"
                  "Gross margin increased 50 basis points to 41%.\n")
    assert not any(m == "gross_profit" for m, *_ in got)
    assert ("gross_margin", "level", 41.0, "2021-Q3", "reported") in got


def test_a_figure_said_again_after_a_dash_is_replaced() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our 2021 sales outlook excludes $60 million -- approximately $60 million in sales from the units we "
                  "sold.\nRevenue was $500 million -- up 10% from last year.\n")
    assert {(m, me, v) for m, me, v, _, _ in got} == {("revenue", "level", 500e6), ("revenue", "change_yoy", 10.0)}


def test_a_balances_change_in_the_quarter_is_over_the_quarter() -> None:
    got = _claims("Thank you, operator.\n"
                  "Net debt was $2.1 billion at the end of the quarter, a reduction of $120 million in the quarter.\n"
                  "Revenue was up $40 million in the quarter.\n")
    assert ("net_debt", "change_qoq", -120e6, "2021-09-30", "reported") in got
    assert ("revenue", "change_yoy", 40e6, "2021-Q3", "reported") in got
