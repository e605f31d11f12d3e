"""Call transcripts and summaries, hand-written in today's call style (issue 12, a fourth review of 30 unseen calls):
a lead that names a slide, a review of the segments that names the first in lower case, a segment named in a clause
later in a sentence, a segment's organic growth, and a percentage
before organic growth."""

from __future__ import annotations

from tests.conftest import call_claims as _claims


def test_a_lead_that_names_a_slide_is_no_table_line() -> None:
    got = _claims("Thank you, operator.\n"
                  "In the quarter, net income rose 9%.\n"
                  "Turning to full-year highlights on Slide 14.\n"
                  "Better pricing in every market resulted in 11% year-over-year revenue growth.\n")
    assert ("revenue", "change_yoy", 11.0, "2021", "reported") in got


def test_a_review_of_the_segments_names_the_first_in_lower_case() -> None:
    got = _claims("Thank you, operator.\n"
                  "Free cash flow was $310 million in the quarter.\n"
                  "Now, I'll review our segment performance, beginning with instruments.\n"
                  "Revenue for the quarter was $1.1 billion, a decrease of 6% due to organic revenue being down 7%.\n")
    assert not any(m in ("revenue", "organic_revenue") for m, *_ in got)


def test_a_segment_named_in_a_later_clause_opens_its_scope() -> None:
    got = _claims("Thank you, operator.\n"
                  "Looking ahead to the first quarter of 2022, for our Chemicals segment, we estimate volumes to be "
                  "flat.\n"
                  "We expect revenue to be between $400 million and $450 million and organic growth of about 4%.\n")
    assert not any(m in ("revenue", "organic_revenue") for m, *_ in got)


def test_a_percentage_before_organic_growth_names_no_business_line() -> None:
    got = _claims("sees q1 earnings per share of $1.38 to $1.42.\n"
                  "projecting 6 to 8 percent organic sales growth for full year 2022.\n",
                  title="ACME Q4 2021 results")
    assert ("organic_revenue", "change_yoy", 7.0, "2022", "guidance") in got


def test_the_amount_after_a_percentage_change_is_the_change() -> None:
    got = _claims("Thank you, operator.\n"
                  "Operating income rose 9%, or $30 million, to $360 million.\n"
                  "Revenue increased 4% or $20 million to $520 million.\n"
                  "Adjusted EBITDA was $1.2 billion, up 15% or $160 million versus the adjusted 2020 results.\n")
    assert ("operating_income", "change_yoy", 30e6, "2021-Q4", "reported") in got
    assert ("operating_income", "level", 360e6, "2021-Q4", "reported") in got
    assert ("revenue", "change_yoy", 20e6, "2021-Q4", "reported") in got
    assert ("revenue", "level", 520e6, "2021-Q4", "reported") in got
    assert ("adjusted_ebitda", "change_yoy", 160e6, "2021-Q4", "reported") in got
    assert not any(v in (30e6, 20e6, 160e6) and meas == "level" for _, meas, v, *_ in got)


def test_reported_as_the_basis_of_an_outlook_is_no_result() -> None:
    got = _claims("q4 earnings per share $0.61.\n"
                  "sees 2022 reported net sales in range of $910 million to $940 million.\n"
                  "updates fiscal 2022 reported basis earnings per share outlook to $1.10 - $1.30.\n"
                  "qtrly reported net sales $240 million, up 3%.\n",
                  title="ACME Q4 2021 results")
    assert ("revenue", "level", 925e6, "2022", "guidance") in got
    assert ("eps", "level", 1.2, "2022", "guidance") in got
    assert ("revenue", "level", 240e6, "2021-Q4", "reported") in got


def test_a_repayment_of_debt_is_no_debt_outstanding() -> None:
    got = _claims("Thank you, operator.\n"
                  "We kept our promises throughout 2021, including the repayment of approximately $2.4 billion of "
                  "debt.\n"
                  "Total debt was $8.1 billion at year end.\n")
    assert not any(m == "total_debt" and v == 2.4e9 for m, _, v, *_ in got)
    assert any(m == "total_debt" and v == 8.1e9 for m, _, v, *_ in got)


def test_a_move_from_the_prior_outlook_is_no_change_of_the_metric() -> None:
    got = _claims("Thank you, operator.\n"
                  "For the full year, we now expect net sales of $9.1 billion to $9.3 billion, which at the midpoint is "
                  "an increase of over $200 million from our prior guidance.\n")
    assert ("revenue", "level", 9.2e9, "2022", "guidance") in got
    assert not any(v == 200e6 for _, _, v, *_ in got)


def test_an_amount_of_lower_revenue_is_a_change() -> None:
    got = _claims("Thank you, operator.\n"
                  "Operating income held up well, despite $12 million of lower revenue.\n")
    assert not any(m == "revenue" and meas == "level" for m, meas, *_ in got)
    assert any(m == "revenue" and meas.startswith("change") and v == -12e6 for m, meas, v, *_ in got)


def test_a_business_line_as_a_summary_sentence_subject_holds_its_figures() -> None:
    got = _claims("q4 earnings per share $0.61.\n"
                  "snacks business now expects 5 - 7% net sales growth and 3 - 5% operating income growth for fiscal "
                  "2022.\n"
                  "acme - frozen foods business continues to expect fiscal 2022 net sales decline of 2 - 4%.\n"
                  "sees fiscal 2022 net sales growth of 3 - 5%.\n",
                  title="ACME Q4 2021 results")
    assert ("revenue", "change_yoy", 4.0, "2022", "guidance") in got
    assert not any(m in ("revenue", "operating_income") and v in (6.0, -3.0) for m, _, v, *_ in got)
    assert not any(m == "operating_income" for m, *_ in got)


def test_a_shortfall_and_a_per_share_increase_are_no_eps_levels() -> None:
    got = _claims("Thank you, operator.\n"
                  "That's just $0.02 shy of a $1.50 per share increase in a single year.\n")
    assert not any(m == "eps" and meas == "level" for m, meas, *_ in got)
    assert ("eps", "change_yoy", 1.5, "2021-Q4", "reported") in got


def test_a_gaap_basis_named_after_a_figure_is_that_figures_basis() -> None:
    got = _claims("Thank you, operator.\n"
                  "This brings second quarter adjusted earnings per share guidance to $0.70 to $0.80 and $0.60 to "
                  "$0.70 on a GAAP basis.\n")
    assert ("adjusted_eps", "level", 0.75, "2022-Q2", "guidance") in got
    assert ("eps", "level", 0.65, "2022-Q2", "guidance") in got


def test_an_amount_from_a_named_segment_is_the_segments() -> None:
    got = _claims("Thank you, operator.\n"
                  "Capital spending for the quarter was $40 million, which included $25 million from the Chemicals "
                  "segment and $15 million from the Plastics segment.\n")
    assert ("capex", "level", 40e6, "2021-Q4", "reported") in got
    assert not any(m == "capex" and v in (25e6, 15e6) for m, _, v, *_ in got)


def test_operating_ebitda_and_debt_net_of_cash() -> None:
    got = _claims("Thank you, operator.\n"
                  "Operating EBITDA for the quarter was $31.5 million.\n"
                  "Total debt net of cash was $410 million at the end of the quarter.\n")
    assert ("adjusted_ebitda", "level", 31.5e6, "2021-Q4", "reported") in got
    assert any(m == "net_debt" and v == 410e6 for m, _, v, *_ in got)
    assert not any(m == "cash" for m, *_ in got)


def test_a_units_name_before_the_period_and_the_metrics_modifiers() -> None:
    got = _claims("Thank you, operator.\n"
                  "Total revenue was $900 million, up 8%.\n"
                  "Wealth Advisory fourth quarter operating revenue of $210 million increased 12% from last year's "
                  "period.\n")
    assert ("revenue", "level", 900e6, "2021-Q4", "reported") in got
    assert not any(m == "revenue" and v in (210e6, 12.0) for m, _, v, *_ in got)


def test_the_level_reached_after_a_decimal_move_and_its_base_is_the_quarters() -> None:
    got = _claims("Thank you, operator.\n"
                  "Operating expenses decreased 12.5% versus the prior year to $81.4 million.\n")
    assert ("operating_expenses", "level", 81.4e6, "2021-Q4", "reported") in got
    assert not any(modality == "prior_period" for *_, modality in got)


def test_a_move_by_an_amount_said_without_its_currency_is_a_change() -> None:
    got = _claims("Thank you, operator.\n"
                  "Excluding this item, the net loss improved by 14 million, mainly on lower interest expense.\n")
    assert not any(m == "net_income" and meas == "level" for m, meas, *_ in got)


def test_the_number_in_a_products_name_is_no_count() -> None:
    got = _claims("Thank you, operator.\n"
                  "We will take two of these jets in 2022, for a total of six ZX 7 deliveries next year.\n")
    assert not any(m == "deliveries" and v == 7 for m, _, v, *_ in got)
