"""Measures in call transcripts that look like the vocabulary's and are not (hand-written, today's call style): an
average selling price, a REIT's distributable earnings, a segment's earnings named by the generic word alone,
organic sales; a change said of such a measure is not the change of a metric named before it."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def _classified(body: str, title: str = "ACME Q1 2021 earnings call") -> list[tuple[str, str, float]]:
    doc = text_document(body, "x.txt", Metadata(title=title, published=dt.date(2021, 5, 10).isoformat()))
    return [(c.metric, c.measure.value, c.value.point if c.value.point is not None else c.value.low)
            for c in extract(doc).claims if c.metric != "unclassified"]


def test_an_average_price_and_its_change_are_not_revenue() -> None:
    got = _classified("Thank you, operator.\n"
                      "Revenue increased 43% in the first quarter, reaching a record of $829 million and our average "
                      "closing price for the first quarter was $395,000, a 6% increase.\n"
                      "We closed 2,000 homes.\n")
    assert ("revenue", "level", 829e6) in got
    assert not any(v in (395_000, 6.0) for _, _, v in got)


def test_segment_earnings_and_distributable_earnings_per_share_are_no_eps() -> None:
    got = _classified("Thank you, operator.\n"
                      "Segment earnings were $0.02 per share higher than our comparable results in Q3 2019.\n"
                      "Distributable earnings were $51 million, or $0.36 per share.\n"
                      "GAAP net income was $33 million, or $0.23 per share.\n")
    assert ("eps", "level", 0.23) in got
    assert not any(v in (0.02, 0.36, 51e6) for _, _, v in got)


def test_a_change_right_after_a_measure_out_of_the_vocabulary_is_its_own() -> None:
    got = _classified("Thank you, operator.\n"
                      "Revenue rose 10% to $500 million and segment profit was down 14%.\n"
                      "For the full year, we now expect overall sales to be up approximately 20% and organic sales up "
                      "approximately 10%.\n")
    assert ("revenue", "change_yoy", 10.0) in got
    assert not any(v == -14.0 or v == 14.0 for _, _, v in got)
    assert ("revenue", "change_yoy", 20.0) in got
    assert sum(1 for m, _, v in got if m == "revenue" and v == 10.0) == 1


def test_a_part_named_as_the_subject_of_a_clause_of_its_own_keeps_its_figures() -> None:
    got = _classified("Thank you, operator.\n"
                      "Pricing momentum continued with casualty posting 11% top line growth, while property and surety "
                      "were up 8% and 1% respectively.\n"
                      "Sales rose 6%, led by aerospace, which grew 14%.\n"
                      "Net sales increased 8%, with residential growing 12% and commercial declining 3%.\n"
                      "Revenue was $500 million, with the Americas contributing $300 million.\n")
    assert ("revenue", "change_yoy", 6.0) in got and ("revenue", "change_yoy", 8.0) in got
    assert ("revenue", "level", 500e6) in got
    assert not any(abs(v) in (11.0, 1.0, 14.0, 12.0, 3.0, 300e6) for _, _, v in got)
    # the company's own figures after "with" stay its own
    got = _classified("Thank you, operator.\nWe ended the quarter with revenue up 9% to $1.2 billion.\nWe hired.\n")
    assert ("revenue", "change_yoy", 9.0) in got


def test_an_effect_a_saving_or_a_growth_rate_over_years_is_no_figure_of_the_metric() -> None:
    got = _classified("Thank you, operator.\n"
                      "Our consolidated adjusted EBITDA margin expanded 90 basis points to 17.4%, driven by our cost "
                      "actions and a 240 basis point impact from government relief programs.\n"
                      "Revenue grew 8%, including a 2% currency headwind.\n"
                      "This action will save us approximately $400 million in capex originally planned.\n"
                      "Aerospace has delivered consistent growth, with a compounded annual growth rate of about 10%.\n"
                      "Capex was $80 million.\n")
    assert ("adjusted_ebitda_margin", "level", 17.4) in got and ("revenue", "change_yoy", 8.0) in got
    assert ("capex", "level", 80e6) in got
    assert not any(v in (2.4, 2.0, 400e6, 10.0) for _, _, v in got)


def test_a_per_share_amount_of_funds_from_operations_is_ffo_per_share() -> None:
    got = _classified("Thank you, operator.\n"
                      "NAREIT funds from operations were $0.45 per fully diluted share compared to $0.42 per share in "
                      "4Q 2018.\nCore FFO was $1.20 per share.\n"
                      "FFO was $80 million, and net income was $40 million or $0.30 per share.\n")
    assert ("ffo_per_share", "level", 0.45) in got and ("ffo_per_share", "level", 0.42) in got
    assert ("ffo_per_share", "level", 1.20) in got
    assert ("eps", "level", 0.30) in got


def test_the_adjective_of_another_metric_figured_before_is_no_basis_of_eps() -> None:
    got = _classified("Thank you, operator.\n"
                      "Adjusted EBITDA increased 11% to nearly $1.4 billion, and diluted earnings per share was $11.54, "
                      "an 18% improvement.\n"
                      "Adjusted net income was $50 million, and EPS was $0.40.\n")
    assert ("adjusted_ebitda", "level", 1.4e9) in got
    assert ("eps", "level", 11.54) in got
    assert ("adjusted_eps", "level", 0.40) in got  # the earnings' basis goes on to their per-share amount


def test_lower_cased_summaries_a_unit_as_possessor_and_ffo_after_the_share() -> None:
    doc = text_document("compname reports q2 results.\n"
                        "global print's full-year 2021 revenues are forecast to decline between 4% and 7%.\n"
                        "introducing 2022 financial guidance of $1.97 to $2.07 per diluted share of core ffo.\n"
                        "compname's q2 revenue rose 5% to $1.2 billion.\n", "x.txt",
                        Metadata(title="TRI Q2 2021 results", published="2021-08-09"))
    got = [(c.metric, c.measure.value, c.value.low) for c in extract(doc).claims if c.metric != "unclassified"]
    assert ("revenue", "change_yoy", 5.0) in got and ("revenue", "level", 1.2e9) in got
    assert ("ffo_per_share", "level", 1.97) in got
    assert not any(m == "revenue" and v in (-7.0, 4.0, -4.0) for m, _, v in got)


def test_per_store_sales_debt_ratios_and_a_sectors_earnings_are_no_company_metric() -> None:
    got = _classified("Thank you, operator.\n"
                      "Quarterly operating earnings in this sector declined 1% to $48 million, reflecting lower prices.\n"
                      "These restaurants had the highest average weekly sales per restaurant of almost $76,000 and "
                      "$90,000 respectively.\n"
                      "We improved our adjusted debt to adjusted capital to 59% at the end of the quarter.\n"
                      "Net income was $40 million.\n")
    assert got == [("net_income", "level", 40e6)]
