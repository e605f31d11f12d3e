"""Call transcripts and summaries, hand-written in today's call style (issue 12, a tenth review of 30 unseen calls)."""

from __future__ import annotations

from tests.conftest import call_claims as _claims


def test_a_second_change_after_the_first_ones_comparison_and_and_shares_its_fall() -> None:
    got = _claims("Thank you, operator.\n"
                  "Net sales for the third quarter were $412 million, that's down 3% sequentially and 8% "
                  "year-over-year.\n"
                  "Services revenue was $120 million, down 4% sequentially and up 6% year-over-year.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    changes = {(c[1], c[2]) for c in got if c[0] == "revenue" and c[1] != "level"}
    assert ("change_qoq", -3.0) in changes and ("change_yoy", -8.0) in changes, got
    assert ("change_yoy", 8.0) not in changes and ("change_yoy", -6.0) not in changes, got


def test_what_a_metric_was_unfavorable_or_impacted_by_is_an_effect_not_its_level() -> None:
    got = _claims("Thank you, operator.\n"
                  "Lastly, the segment profit change from currency and other was unfavorable by $14 million.\n"
                  "Sales for the quarter were unfavorably impacted by the port delays by approximately $160 million.\n"
                  "Sales for the quarter were $2.3 billion, impacted by weather.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    values = {c[2] for c in got}
    assert 14e6 not in values and 160e6 not in values, got
    assert ("revenue", "level", 2.3e9) in {c[:3] for c in got}, got


def test_earnings_told_as_an_amount_with_no_scale_are_per_share() -> None:
    got = _claims("Thank you, operator.\n"
                  "Adjusted earnings, which exclude impairment, severance, and other charges, were a loss of $0.47, "
                  "compared with earnings of $0.21 a year ago.\n"
                  "GAAP net earnings were $3.4 million.\n",
                  title="ACME Q1 2022 earnings call", published="2022-05-04")
    assert ("adjusted_eps", "level", -0.47, "2022-Q1", "reported") in got, got
    assert ("adjusted_eps", "level", 0.21, "2021-Q1", "prior_period") in got, got
    assert ("net_income", "level", 3.4e6, "2022-Q1", "reported") in got, got


def test_a_percentage_with_a_noun_of_fall_after_its_comparison_is_a_fall() -> None:
    got = _claims("Thank you, operator.\n"
                  "For the first half, free cash flow was $148 million, a 19% year-over-year decrease reflecting "
                  "higher inventory.\n",
                  title="ACME Q2 2022 earnings call", published="2022-08-04")
    changes = [c[2] for c in got if c[0] == "free_cash_flow" and c[1] != "level"]
    assert changes == [-19.0], got


def test_the_growth_an_outlook_represents_is_the_outlooks_own() -> None:
    got = _claims("Thank you, operator.\n"
                  "For 2023, we expect adjusted diluted EPS in a range of $3.10 to $3.22, representing a growth rate "
                  "of 4% to 8% from a base of $2.98 in 2022.\n"
                  "Adjusted net income is now expected to be $910 million to $940 million, representing operational "
                  "growth of 5% to 9%.\n",
                  title="ACME Q4 2022 earnings call", published="2023-02-01")
    growth = {(c[0], c[2]): (c[3], c[4]) for c in got if c[1] == "change_yoy"}
    assert growth.get(("adjusted_eps", 6.0)) == ("2023", "guidance"), got
    assert growth.get(("adjusted_net_income", 7.0)) == ("2023", "guidance"), got


def test_a_summarys_bare_verb_project_is_an_outlook() -> None:
    got = _claims("compname reports q2 earnings per share $1.12.\n"
                  "compname says project q3 sales to increase 8% to 10% year over year.\n"
                  "project fiscal 2022 adjusted earnings per share to be $4.40 to $4.60.\n"
                  "the project is expected to be completed in 2023.\n",
                  title="ACME Q2 2022 earnings summary", published="2022-08-04")
    modality = {c[2]: (c[3], c[4]) for c in got}
    assert modality.get(9.0) == ("2022-Q3", "guidance"), got
    assert modality.get(4.5) == ("2022", "guidance"), got


def test_an_amount_lower_compared_to_the_prior_quarter_is_against_the_quarter_before() -> None:
    got = _claims("Thank you, operator.\n"
                  "At the end of the third quarter we had approximately $4.2 billion of total debt, which was "
                  "approximately $150 million lower compared to the prior quarter.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    changes = [(c[1], c[2]) for c in got if c[0] == "total_debt" and c[1] != "level"]
    assert changes == [("change_qoq", -150e6)], got


def test_the_level_a_margin_reaches_after_the_prior_year_named_is_the_quarters_own() -> None:
    got = _claims("Thank you, operator.\n"
                  "Adjusted operating profit of $212 million improved 18% versus the prior year, with adjusted "
                  "operating margin improving 90 basis points to 14.8%.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    assert ("adjusted_operating_margin", "level", 14.8, "2021-Q3", "reported") in got, got


def test_an_outlooks_move_at_its_midpoint_is_neither_a_level_nor_a_yearly_change() -> None:
    got = _claims("Thank you, operator.\n"
                  "We raised our full year core FFO range to $7.10 to $7.25 per share, a $0.35 or 5.1% increase at "
                  "the midpoint.\n",
                  title="ACME Q2 2021 earnings call", published="2021-08-05")
    values = {c[2] for c in got}
    assert 0.35 not in values and 5.1 not in values, got
    assert ("ffo_per_share", "level", 7.175, "2021", "guidance") in got, got


def test_an_amount_with_its_percentage_before_a_noun_of_change_is_the_change() -> None:
    got = _claims("Thank you, operator.\n"
                  "Core FFO per share was $1.92, a $0.41 or 27.2% increase from the prior year.\n",
                  title="ACME Q3 2021 earnings call", published="2021-11-05")
    assert ("ffo_per_share", "change_yoy", 0.41, "2021-Q3", "reported") in got, got
    assert ("ffo_per_share", "level", 0.41, "2021-Q3", "reported") not in got, got


def test_what_remains_available_under_a_credit_line_is_no_cash() -> None:
    got = _claims("Thank you, operator.\n"
                  "Our cash balance of $212 million at quarter end, together with the $175 million remaining under "
                  "the line of credit, gives us ample liquidity.\n",
                  title="ACME Q1 2021 earnings call", published="2021-05-06")
    cash = [c[2] for c in got if c[0] == "cash"]
    assert cash == [212e6], got


def test_taxable_income_per_share_is_no_earnings_per_share() -> None:
    got = _claims("Thank you, operator.\n"
                  "At present we have undistributed REIT taxable income from 2020 of $0.07 per share.\n"
                  "Net income for the quarter was $0.21 per share.\n",
                  title="ACME Q1 2021 earnings call", published="2021-05-06")
    eps = [c[2] for c in got if c[0] == "eps"]
    assert eps == [0.21], got


def test_a_sum_over_a_span_of_several_periods_is_no_periods_figure() -> None:
    got = _claims("Thank you, operator.\n"
                  "Over the past 36 months, we have generated $4.1 billion in free cash flow.\n"
                  "Free cash flow for the quarter was $380 million.\n",
                  title="ACME Q2 2021 earnings call", published="2021-08-05")
    fcf = [c[2] for c in got if c[0] == "free_cash_flow"]
    assert fcf == [380e6], got
