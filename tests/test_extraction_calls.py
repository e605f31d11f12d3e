"""Earnings-call passages and call summaries, in hand-written modern style: periods, comparisons, modality
(issue 12)."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Claim
from claimgraph.sources.readers import Metadata, text_document


def _call(title: str, body: str, published: dt.date) -> list[Claim]:
    """A record whose title is kept apart from its text, as call transcripts and summaries come."""
    doc = text_document(body, "x.txt", Metadata(title=title, published=published.isoformat()))
    return extract(doc).claims


def _rows(claims: list[Claim]) -> list[tuple[str, str, float, str | None, str]]:
    return [(c.metric, c.measure.value, c.value.low, c.period.label if c.period else None, c.modality.value)
            for c in claims]


def test_a_quarter_named_with_its_year_does_not_redate_the_titles_quarter() -> None:
    got = _rows(_call("QLN Q3 2020 earnings call",
                      "Net sales increased 12% to $420.5 million.\nGross margin was 45.2%.\n"
                      "As a reminder, we drew down $150 million on our credit line during the first quarter of 2020.",
                      dt.date(2020, 11, 9)))
    assert ("revenue", "level", 420.5e6, "2020-Q3", "reported") in got
    assert ("gross_margin", "level", 45.2, "2020-Q3", "reported") in got
    assert not any(label == "2020-Q1" for m, _, _, label, _ in got if m != "unclassified")


def test_from_inside_a_metric_name_is_no_comparison() -> None:
    got = _rows(_call("QLN Q3 2020 earnings call",
                      "Strong sales drove a 49.8% increase in consolidated income from operations to $91.3 million "
                      "compared to $61 million.\nIncome from operations rose to $50.1 million from $44.7 million in "
                      "the second quarter.", dt.date(2020, 11, 9)))
    assert got == [("operating_income", "change_yoy", 49.8, "2020-Q3", "reported"),
                   ("operating_income", "level", 91.3e6, "2020-Q3", "reported"),
                   ("operating_income", "level", 61e6, "2019-Q3", "prior_period"),
                   ("operating_income", "level", 50.1e6, "2020-Q3", "reported"),
                   ("operating_income", "level", 44.7e6, "2020-Q2", "prior_period")]


def test_margin_named_after_its_profit_and_per_fully_diluted_share() -> None:
    got = _rows(_call("QLN Q3 2020 earnings call",
                      "On a consolidated basis, our operating income margin of 25.1% increased by approximately 540 "
                      "basis points.\nNet income totaled $67.1 million or $1.54 per fully diluted share compared to "
                      "$43.7 million or $0.97 per fully diluted share.", dt.date(2020, 11, 9)))
    assert [(m, measure, round(v, 2), label, mod) for m, measure, v, label, mod in got] == [
        ("operating_margin", "level", 25.1, "2020-Q3", "reported"),
        ("operating_margin", "change_yoy", 5.13, "2020-Q3", "reported"),  # (the interval of "approximately 5.4")
        ("net_income", "level", 67.1e6, "2020-Q3", "reported"), ("eps", "level", 1.54, "2020-Q3", "reported"),
        ("net_income", "level", 43.7e6, "2019-Q3", "prior_period"), ("eps", "level", 0.97, "2019-Q3", "prior_period")]


def test_a_period_the_figure_is_likened_to_is_not_its_own() -> None:
    got = _rows(_call("QLN Q3 2020 earnings call",
                      "Adjusted EBITDA for the third quarter was $7.6 million, a margin of 23%, which was consistent "
                      "with the second quarter of this year.\nGross margin was 41.2%, in line with the third quarter "
                      "of 2019.", dt.date(2020, 11, 5)))
    assert [(m, label) for m, _, _, label, _ in got] == [
        ("adjusted_ebitda", "2020-Q3"), ("adjusted_ebitda_margin", "2020-Q3"), ("gross_margin", "2020-Q3")]


def test_a_goal_is_an_outlook_without_a_period() -> None:
    got = _rows(_call("QLN Q3 2020 earnings call",
                      "Looking ahead, our goal is to manage the business to approximately 20% adjusted EBITDA "
                      "margins.\nOur long-term objective remains to deliver operating margins of 15% to 17%.",
                      dt.date(2020, 11, 5)))
    assert [(m, label, mod) for m, _, _, label, mod in got] == [
        ("adjusted_ebitda_margin", None, "guidance"), ("operating_margin", None, "guidance")]


def test_an_effect_on_a_metric_is_not_the_metric() -> None:
    got = _rows(_call("QLN Q3 2020 earnings call",
                      "Last year's net income was positively impacted by $500,000 from discrete tax items.\n"
                      "Revenue was negatively affected by approximately $4 million of currency headwinds.\n"
                      "Net income was $3.1 million.", dt.date(2020, 11, 5)))
    assert [(m, v) for m, _, v, _, _ in got if m != "unclassified"] == [("net_income", 3.1e6)]


def test_a_flow_of_a_period_still_under_way_is_an_outlook() -> None:
    got = _rows(_call("QLN Q3 2021 results",
                      "revising 2021 adjusted earnings per share to $10.90 - $11.10.\n"
                      "Full year CapEx is currently estimated at $620 million.\nq3 revenue $1.2 billion.",
                      dt.date(2021, 10, 28)))
    assert [(m, label, mod) for m, _, _, label, mod in got] == [
        ("adjusted_eps", "2021", "guidance"), ("capex", "2021", "guidance"), ("revenue", "2021-Q3", "reported")]


def test_the_base_of_a_change_is_not_its_period() -> None:
    got = _rows(_call("QLN Q2 2021 results",
                      "sees net sales in q3 of 2021 to be sequentially lower than q2 of 2021 by about 10%.\n"
                      "the fourth quarter of 2020 adjusted operating income improved $12.5 million over the fourth "
                      "quarter of 2019.", dt.date(2021, 8, 9)))
    assert [(measure, label, mod) for _, measure, _, label, mod in got] == [
        ("change_qoq", "2021-Q3", "guidance"), ("change_yoy", "2020-Q4", "reported")]


def test_a_period_that_explains_an_outlook_is_not_its_period() -> None:
    got = _rows(_call("QLN Q3 2021 results",
                      "increasing full-year adjusted earnings per share outlook to at least $11.50 based on strong q3 "
                      "results.", dt.date(2021, 10, 26)))
    assert [(m, label, mod) for m, _, _, label, mod in got] == [("adjusted_eps", "2021", "guidance")]


def test_cash_with_investments_and_a_new_clause_with_its_own_subject() -> None:
    got = _rows(_call("QLN Q3 2021 earnings call",
                      "We ended the quarter with total cash and short-term investments of $1.3 billion.\n"
                      "Our cash and investments are $585 million over regulatory requirements, and we "
                      "had about $74 million on our existing credit facility.", dt.date(2021, 11, 2)))
    assert [(m, v, label) for m, _, v, label, _ in got if m != "unclassified"] == [
        ("cash", 1.3e9, "2021-09-30"), ("cash", 585e6, "2021-09-30")]


def test_prepared_remarks_of_a_call() -> None:
    got = _rows(_call("Harbor Instruments Q2 2024 earnings call",
                      "Revenue for the second quarter was $412.3 million, up 8% year-over-year and 3% sequentially.\n"
                      "Gross margin came in at 46.1%, a 120 basis point improvement from the prior year.\n"
                      "As a percentage of sales, operating expenses were 29.2%, an improvement of 80 basis points.\n"
                      "Turning to our outlook, for the third quarter we expect revenue in the range of $420 million to "
                      "$435 million and non-GAAP EPS of $0.95 to $1.00.", dt.date(2024, 8, 6)))
    assert [(m, measure, round(v, 2), label, mod) for m, measure, v, label, mod in got if m != "unclassified"] == [
        ("revenue", "level", 412.3e6, "2024-Q2", "reported"), ("revenue", "change_yoy", 8.0, "2024-Q2", "reported"),
        ("revenue", "change_qoq", 3.0, "2024-Q2", "reported"), ("gross_margin", "level", 46.1, "2024-Q2", "reported"),
        ("gross_margin", "change_yoy", 1.2, "2024-Q2", "reported"),
        ("revenue", "level", 420e6, "2024-Q3", "guidance"), ("adjusted_eps", "level", 0.95, "2024-Q3", "guidance")]


def test_a_topic_of_the_call_is_no_segment_and_the_segment_is_one() -> None:
    got = _rows(_call("QLN Q4 2020 earnings call",
                      "Now, turning to our operating income, we recorded $74.4 million of operating income for the "
                      "fourth quarter of 2020.\nAdjusted EBITDA in the segment was $487 million.\n"
                      "For the full year 2020, revenue was $1.62 billion, an increase of 9% over 2019.",
                      dt.date(2021, 2, 25)))
    assert [(m, measure, v, label) for m, measure, v, label, _ in got] == [
        ("operating_income", "level", 74.4e6, "2020-Q4"), ("unclassified", "level", 487e6, "2020-Q4"),
        ("revenue", "level", 1.62e9, "2020"), ("revenue", "change_yoy", 9.0, "2020")]


def test_a_balance_changed_against_an_earlier_date() -> None:
    got = _rows(_call("QLN Q3 2020 earnings call",
                      "At September 30, cash and cash equivalents totaled $311.5 million, a slight decrease of $4 "
                      "million compared to the balance at June 30.", dt.date(2020, 11, 9)))
    assert [(m, measure, v, label) for m, measure, v, label, _ in got] == [
        ("cash", "level", 311.5e6, "2020-09-30"), ("cash", "change_qoq", -4e6, "2020-09-30")]


def test_parts_named_after_the_figure_and_differences_against_a_year_ago() -> None:
    got = _rows(_call("QLN Q4 2021 earnings call",
                      "At the end of 2020, our net revenue totaled $2.3 billion, with $1.4 billion from Wealth "
                      "Management.\nNet sales were $5.2 million in Europe.\nIn Q4, net income was $667 million, $167 "
                      "million lower than the year-ago quarter.\nOur segment profit margin was 9.2%.",
                      dt.date(2022, 2, 9)))
    assert [(m, measure, v) for m, measure, v, _, _ in got] == [
        ("revenue", "level", 2.3e9), ("unclassified", "level", 1.4e9), ("unclassified", "level", 5.2e6),
        ("net_income", "level", 667e6), ("net_income", "change_yoy", -167e6)]


def test_an_amount_more_or_less_than_a_named_earlier_period_is_a_change() -> None:
    got = _rows(_call("QLN Q2 2021 earnings call",
                      "Interest expense was $3 million lower than Q2 of last year.\nCapital spending was $12 "
                      "million higher than the second quarter of 2020.\nAdjusted EPS of $0.91 was $0.05 higher than "
                      "the 2021 guidance midpoint.", dt.date(2021, 8, 9)))
    assert [(m, measure, v) for m, measure, v, _, _ in got] == [
        ("interest_expense", "change", -3e6), ("capex", "change_yoy", 12e6), ("adjusted_eps", "level", 0.91)]


def test_a_year_named_after_above_or_below_is_the_base_not_the_figures_period() -> None:
    got = _rows(_call("QLN Q3 2021 earnings call",
                      "Gross margin for Q3 was 41.2%, 50 basis points below 2019.\nOperating margin was 7.5%, well "
                      "above the 2020 level.", dt.date(2021, 11, 9)))
    assert [(m, measure, label, mod) for m, measure, _, label, mod in got if measure == "level"] == [
        ("gross_margin", "level", "2021-Q3", "reported"), ("operating_margin", "level", "2021-Q3", "reported")]


def test_figures_of_an_effect_named_as_the_subject_are_not_the_metric() -> None:
    got = _rows(_call("QLN Q4 2021 earnings call",
                      "The estimated impact of the plant closures by quarter in 2022 is $0.12 per share in the first "
                      "quarter, $0.08 in the second and $0.05 in the third quarter.\nThe currency impact was $5 "
                      "million, and revenue was $100 million.", dt.date(2022, 2, 9)))
    assert [(m, v) for m, _, v, _, _ in got if m != "unclassified"] == [("revenue", 100e6)]


def test_this_year_after_a_span_only_says_which_span() -> None:
    got = _rows(_call("QLN Q3 2021 earnings call",
                      "Free cash flow for the nine months this year was $88.4 million, up 12% from $78.9 million a "
                      "year ago.\nRevenue for the first half of this year was $1.1 billion.", dt.date(2021, 11, 9)))
    assert [(m, measure, label, mod) for m, measure, _, label, mod in got] == [
        ("free_cash_flow", "level", "2021-9M", "reported"), ("free_cash_flow", "change_yoy", "2021-9M", "reported"),
        ("free_cash_flow", "level", "2020-9M", "prior_period"), ("revenue", "level", "2021-H1", "reported")]


def test_the_size_of_a_credit_line_is_not_the_debt() -> None:
    got = _rows(_call("QLN Q3 2021 earnings call",
                      "At September 30, debt outstanding on our unsecured $500 million credit line was $210.5 million."
                      "\nWe also have a $1 billion revolving credit facility.\nTotal debt was $300 million.",
                      dt.date(2021, 11, 9)))
    assert [(m, v) for m, _, v, _, _ in got if m == "total_debt"] == [("total_debt", 300e6)]


def test_what_one_driver_added_is_not_the_metric() -> None:
    got = _rows(_call("QLN Q3 2021 earnings call",
                      "Higher selling prices drove an additional $120 million in adjusted EBITDA year over year.\n"
                      "Adjusted EBITDA was $610 million.", dt.date(2021, 11, 9)))
    assert [(m, v) for m, _, v, _, _ in got if m != "unclassified"] == [("adjusted_ebitda", 610e6)]


def test_a_change_so_far_in_a_year_under_way_is_no_outlook() -> None:
    got = _rows(_call("QLN Q2 2021 earnings call",
                      "Our net revenue on an annualized basis in 2021 was $4.6 billion.", dt.date(2021, 8, 9)))
    assert [mod for _, _, _, _, mod in got] == ["reported"]


def test_a_dividend_payout_raised_per_share() -> None:
    got = _rows(_call("QLN Q4 2020 earnings call",
                      "Our Board of Directors increased our quarterly dividend payout from $0.25 per share to $0.37 "
                      "per share, returning us to our pre-COVID level.", dt.date(2021, 2, 9)))
    assert [(m, v, mod) for m, _, v, _, mod in got] == [("dividend", 0.25, "prior_period"), ("dividend", 0.37, "reported")]


def test_an_outlook_set_against_a_past_year_is_for_the_year_after_and_its_lines_go_on() -> None:
    got = _rows(_call("ACME Q2 2020 earnings call",
                      "Thank you, operator.\nGood afternoon, everyone.\nWe had a solid quarter.\nDemand held up well.\n"
                      "As such, we estimate our outlook for the full fiscal year to be as follows.\nNet sales are "
                      "estimated to increase in the range of 1.5% to 4% compared to the full year ended December 31, "
                      "2019.\nGross margin is estimated to be in the range of approximately 43% to 45%.\n",
                      dt.date(2020, 8, 9)))
    assert ("revenue", "change_yoy", 1.5, "2020", "guidance") in got
    assert ("gross_margin", "level", 43.0, "2020", "guidance") in got


def test_an_outlook_naming_no_period_takes_the_period_of_the_outlooks_around_it() -> None:
    got = _rows(_call("ACME Q3 2021 earnings call",
                      "Thank you, operator.\nGood afternoon.\nAdjusted earnings per share is expected to be between "
                      "$7.52 and $7.67.\nOur effective tax rate for the full fiscal year 2021 is expected to be "
                      "approximately 22%.\nCapital expenditures are expected to be between $35 million and $40 million "
                      "in fiscal 2021.\n", dt.date(2021, 11, 9)))
    assert [period for m, _, v, period, _ in got if (m, v) == ("adjusted_eps", 7.52)] == ["2021"]


def test_a_percent_after_a_fall_in_money_is_the_same_fall() -> None:
    got = _rows(_call("ACME Q2 2020 earnings call",
                      "Cash flow from operations was $30 million, a decrease of $14 million or 31.2%.\n",
                      dt.date(2020, 8, 9)))
    assert {(measure, v) for _, measure, v, _, _ in got} >= {("change_yoy", -14e6), ("change_yoy", -31.2)}


def test_cash_held_and_eps_per_diluted_common_share() -> None:
    got = {(m, v) for m, _, v, _, _ in _rows(_call(
        "ACME Q3 2020 earnings call",
        "Third quarter 2020 net income available to common shareholders of $47.8 million, or $0.94 per diluted "
        "common share.\nWe had $26.8 million of cash resulting in net debt of $10.2 million.\nAcme paid $50 million "
        "in cash for the business.\nCash was $7.1 million at quarter end; Acme paid cash of $5 million for a plant.\n",
        dt.date(2020, 11, 9)))}
    assert {("eps", 0.94), ("cash", 26.8e6), ("net_debt", 10.2e6)} <= got
    assert ("cash", 7.1e6) in got
    assert not {("cash", 50e6), ("cash", 5e6)} & got  # a payment in cash is no balance


def test_year_to_date_runs_to_the_period_named_after_it() -> None:
    got = _rows(_call("DLG Q2 2020 earnings call",
                      "Net sales increased 5% to $8.2 billion in the second quarter.\n"
                      "Year-to-date through Q2, we generated cash flow from operations totaling $2.9 billion.\n"
                      "Total capital expenditures in the quarter were $224 million.",
                      dt.date(2020, 8, 9)))
    assert ("revenue", "level", 8.2e9, "2020-Q2", "reported") in got
    assert ("operating_cash_flow", "level", 2.9e9, "2020-YTD", "reported") in got
    assert ("capex", "level", 224e6, "2020-Q2", "reported") in got
    got = _rows(_call("MTQ Q3 2020 earnings call",
                      "Revenue for the third quarter was $1.8 billion.\n"
                      "On a year-to-date basis, 2020 cash flow from operations of $712 million was a record.",
                      dt.date(2020, 11, 9)))
    assert ("operating_cash_flow", "level", 712e6, "2020-YTD", "reported") in got


def test_respectively_pairs_each_figure_with_its_metric_in_order() -> None:
    got = _rows(_call("RSP Q2 2021 earnings call",
                      "Revenue was $2.1 billion.\n"
                      "The company generated operating and free cash flow of $411 million and $307 million, "
                      "respectively, in the second quarter.\n"
                      "Gross margin and operating margin were 45.2% and 21.3%, respectively.\n"
                      "Net sales and adjusted EBITDA grew 12% and 15% respectively.",
                      dt.date(2021, 8, 9)))
    assert ("operating_cash_flow", "level", 411e6, "2021-Q2", "reported") in got
    assert ("free_cash_flow", "level", 307e6, "2021-Q2", "reported") in got
    assert ("gross_margin", "level", 45.2, "2021-Q2", "reported") in got
    assert ("operating_margin", "level", 21.3, "2021-Q2", "reported") in got
    assert ("revenue", "change_yoy", 12, "2021-Q2", "reported") in got
    assert ("adjusted_ebitda", "change_yoy", 15, "2021-Q2", "reported") in got


def test_respectively_over_two_groups_of_figures() -> None:
    got = _rows(_call("EVQ Q2 2020 earnings call",
                      "Adjusted operating income and adjusted net income of $102.7 million and $71.8 million, "
                      "declined 26% and 29%, respectively, and adjusted earnings per share of $1.53 declined 27%.",
                      dt.date(2020, 8, 9)))
    assert ("adjusted_operating_income", "level", 102.7e6, "2020-Q2", "reported") in got
    assert ("adjusted_net_income", "level", 71.8e6, "2020-Q2", "reported") in got
    assert ("adjusted_operating_income", "change_yoy", -26, "2020-Q2", "reported") in got
    assert ("adjusted_net_income", "change_yoy", -29, "2020-Q2", "reported") in got
    assert ("adjusted_eps", "level", 1.53, "2020-Q2", "reported") in got


def test_a_loss_of_one_kind_is_no_net_loss() -> None:
    got = _rows(_call("NRQ Q1 2021 earnings call",
                      "Revenue was $2.1 billion in the quarter.\n"
                      "We expect our estimated gross financial losses to be reduced by $275 million through "
                      "mitigation.\n"
                      "Of the total credit loss reserve, $22.5 million is attributable to tenants on a cash basis.\n"
                      "Credit losses were $14 million.\n"
                      "We reported a net loss of $45 million for the quarter.",
                      dt.date(2021, 5, 10)))
    assert not any(m == "net_income" and v != -45e6 for m, _, v, _, _ in got)
    assert ("net_income", "level", -45e6, "2021-Q1", "reported") in got


def test_constant_currency_growth_is_kept_apart_from_reported_growth() -> None:
    got = _rows(_call("CCQ Q3 2021 earnings call",
                      "Revenue was $2.4 billion, up 11% year-over-year, or 9% on a constant currency basis.\n"
                      "Sales increased 7%, or 5% in constant currency.\n"
                      "On a constant currency basis, revenue grew 6%.\n"
                      "Revenue grew 8% at constant exchange rates.",
                      dt.date(2021, 11, 9)))
    changes = {v for m, measure, v, _, _ in got if m == "revenue" and measure == "change_yoy"}
    assert changes == {11, 7}
    assert ("revenue", "level", 2.4e9, "2021-Q3", "reported") in got
    # each under its own metric, never the reported revenue's
    assert {v for m, _, v, _, _ in got if m == "revenue_constant_currency"} == {9, 5, 6, 8}


def test_organic_growth_is_its_own_metric() -> None:
    got = _rows(_call("OGQ Q2 2022 earnings call",
                      "Net sales rose 12% to $3.1 billion, with organic sales up 4%.\n"
                      "Organic growth was 5% in the quarter.\n"
                      "Revenue increased 3% organically.",
                      dt.date(2022, 8, 2)))
    assert {v for m, _, v, _, _ in got if m == "revenue" and v < 100} == {12}
    assert {v for m, _, v, _, _ in got if m == "organic_revenue"} == {4, 5, 3}


def test_an_outlook_listed_after_a_colon_goes_on_past_semicolons() -> None:
    got = _rows(_call("DGQ Q3 2021 earnings call",
                      "Net sales increased 5% to $8.7 billion in the third quarter.\n"
                      "For 2021, we now expect the following: net sales growth of approximately 1% to 1.5%; capital "
                      "expenditures of $1.0 billion to $1.1 billion; and diluted EPS in the range of $9.90 to $10.20.",
                      dt.date(2021, 11, 9)))
    assert ("revenue", "level", 8.7e9, "2021-Q3", "reported") in got
    assert ("revenue", "change_yoy", 1, "2021", "guidance") in got
    assert ("capex", "level", 1.0e9, "2021", "guidance") in got
    assert ("eps", "level", 9.90, "2021", "guidance") in got


def test_an_outlook_lead_without_figures_makes_the_next_lines_the_outlook() -> None:
    got = _rows(_call("RHQ Q3 2020 earnings call",
                      "Revenues in the first two weeks of October were down 27% compared to a year ago.\n"
                      "With that in mind, we offer the following fourth quarter guidance.\n"
                      "Revenues of $1.155 billion to $1.255 billion; income per share $0.55 to $0.75.\n"
                      "The major financial assumptions underlying the midpoint of these estimates are as follows.\n"
                      "On the gross margin percentages, overall 39% to 40%.\n"
                      "Turning to the balance sheet, cash was $1.2 billion at quarter end.",
                      dt.date(2020, 11, 9)))
    assert ("revenue", "level", 1.155e9, "2020-Q4", "guidance") in got
    assert ("eps", "level", 0.55, "2020-Q4", "guidance") in got
    assert ("gross_margin", "level", 39, "2020-Q4", "guidance") in got
    assert ("cash", "level", 1.2e9, "2020-09-30", "reported") in got
    # a sentence stating a result is no outlook, lead or not
    got = _rows(_call("RHQ Q3 2020 earnings call",
                      "Now let me turn to our outlook.\nRevenue was $1.1 billion in the third quarter.",
                      dt.date(2020, 11, 9)))
    assert ("revenue", "level", 1.1e9, "2020-Q3", "reported") in got


def test_a_cash_balance_is_cash_and_a_return_to_shareholders_no_metric() -> None:
    got = _rows(_call("WSQ Q3 2021 earnings call",
                      "Revenue was $2 billion.\n"
                      "We ended the quarter with a cash balance of $660 million.\n"
                      "This allowed us to invest over $140 million in capital expenditures and to return almost $790 "
                      "million to our shareholders.",
                      dt.date(2021, 11, 9)))
    assert ("cash", "level", 660e6, "2021-09-30", "reported") in got
    assert ("capex", "level", 140e6, "2021-Q3", "reported") in got
    assert not any(v == 790e6 and m != "unclassified" for m, _, v, _, _ in got)


def test_the_level_a_change_reaches_after_a_compared_lead_is_the_periods() -> None:
    got = _rows(_call("UAQ Q4 2021 earnings call",
                      "Compared to the prior year, revenue was up 9% to $1.5 billion.\n"
                      "Profit fell by half compared with 2019, when it earned a record $221 million.",
                      dt.date(2022, 2, 9)))
    assert ("revenue", "level", 1.5e9, "2021-Q4", "reported") in got
    assert ("revenue", "change_yoy", 9, "2021-Q4", "reported") in got
    assert ("net_income", "level", 221e6, "2019", "prior_period") in got


def test_an_amount_over_last_years_level_is_a_change() -> None:
    got = _rows(_call("WSQ Q3 2021 earnings call",
                      "Revenue was $2 billion in the quarter.\n"
                      "We generated operating cash flow of $790 million year to date, which is $60 million over last "
                      "year's elevated cash flow levels.",
                      dt.date(2021, 11, 9)))
    assert ("operating_cash_flow", "change_yoy", 60e6, "2021-YTD", "reported") in got


def test_the_month_a_calls_quarter_ended_gives_its_fiscal_calendar() -> None:
    got = _rows(_call("AIQ Q2 2021 earnings call",
                      "Cash generated from operating activities during the second quarter was $77.5 million.\n"
                      "Free cash flow totaled $72.7 million.\n"
                      "We ended December with approximately $289 million of cash on hand.",
                      dt.date(2021, 8, 9)))
    # (October-December 2020, under the company's own name for it: the second quarter of a year to June)
    assert ("operating_cash_flow", "level", 77.5e6, "FY2021-Q2", "reported") in got
    assert any(m == "cash" and label == "2020-12-31" for m, _, _, label, _ in got)
    # the calendar quarter's own month changes nothing
    got = _rows(_call("AIQ Q2 2021 earnings call", "Free cash flow totaled $72.7 million.\n"
                      "We ended June with $289 million of cash on hand.", dt.date(2021, 8, 9)))
    assert ("free_cash_flow", "level", 72.7e6, "2021-Q2", "reported") in got


def test_an_effect_on_eps_is_no_eps_and_from_x_to_now_y_replaces_an_outlook() -> None:
    got = _rows(_call("SYQ Q2 2022 earnings call",
                      "Revenue was $2 billion in the quarter.\n"
                      "These costs negatively impacted our adjusted earnings per share by approximately $0.17.\n"
                      "We are raising our 2021 outlook to reflect revenue growth from high teens to low 20s to now "
                      "22% to 23% and operating margins from 16% to 17% to now 16.9% to 17.1%.",
                      dt.date(2021, 11, 9)))
    assert not any(m == "adjusted_eps" for m, _, _, _, _ in got)
    assert ("operating_margin", "level", 16, "2021", "prior_guidance") in got
    assert ("operating_margin", "level", 16.9, "2021", "guidance") in got


def test_a_target_naming_no_period_keeps_none() -> None:
    claims = _call("CFQ Q3 2021 earnings call",
                   "Revenue for the third quarter was $1.2 billion. We expect capital expenditures of approximately "
                   "$450 million in 2023.\n\n"
                   "We are quickly closing in on our target of $3 billion of gross debt. We expect adjusted EPS to "
                   "be between $2.10 and $2.30.",
                   dt.date(2021, 11, 9))
    assert next(c for c in claims if c.value.low == 3e9).period is None
    assert next(c for c in claims if c.value.low == 2.10).period.label == "2023"  # (beside the 2023 outlook)
