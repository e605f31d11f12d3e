"""Earnings-call transcript passages in today's style, hand-written (issue 12): the company speaking, segment and
brand figures, out-of-vocabulary per-share measures, outlooks (``claimgraph/sources/calls.py``)."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.calls import own_voice
from claimgraph.sources.extract import extract
from claimgraph.sources.model import Claim
from claimgraph.sources.readers import Metadata, text_document

CALL = "ACME Q3 2023 earnings call"
PUBLISHED = dt.date(2023, 11, 8)


def _call(body: str, title: str = CALL, published: dt.date = PUBLISHED) -> list[Claim]:
    doc = text_document(body, "x.txt", Metadata(title=title, published=published.isoformat()))
    return extract(doc).claims


def _rows(claims: list[Claim]) -> list[tuple[str, str, float, str | None, str]]:
    return [(c.metric, c.measure.value, c.value.low, c.period.label if c.period else None, c.modality.value)
            for c in claims]


def _classified(claims: list[Claim]) -> list[tuple[str, str, float, str | None, str]]:
    return [r for r in _rows(claims) if r[0] != "unclassified"]


def test_own_voice_needs_first_person_outside_quotes_or_a_call_title() -> None:
    body = "Revenue was $622 million.\nWe grew in every segment.\nOur margin rose.\nWe expect more next year.\n"
    assert own_voice(body, "")
    assert own_voice("Revenue was $1 billion.", "Acme Corp (ACME) Q2 2024 Earnings Call Transcript")
    news = ('Acme Corp said on Tuesday revenue rose 12%. "We are pleased with our results and we see growth," '
            'Chief Executive Jane Roe said. Shares fell 3%.')
    assert not own_voice(news, "Acme revenue rises 12%")


def test_a_hedged_outlook_in_a_call_is_the_companys_guidance() -> None:
    got = _rows(_call("Total revenue for the third quarter was $1.42 billion.\n"
                      "Free cash flow for the fourth quarter should reach $150 million to $170 million.\n"))
    assert ("free_cash_flow", "level", 150e6, "2023-Q4", "guidance") in got
    # in a news story the same words are nobody's outlook in particular
    news = text_document("Acme Corp reported revenue of $1.42 billion on Tuesday. Free cash flow for the fourth "
                         "quarter should reach $150 million to $170 million, according to analysts.", "x.txt",
                         Metadata(title="Acme results", published=PUBLISHED.isoformat()))
    assert all(c.modality.value != "guidance" for c in extract(news).claims)


def test_an_analysts_question_is_no_guidance() -> None:
    got = _rows(_call("Revenue was $1.42 billion.\nCould free cash flow reach $200 million next quarter?\n"))
    assert not any(m == "free_cash_flow" and mod == "guidance" for m, _, _, _, mod in got)


def test_a_named_unit_in_a_call_is_a_segment_not_another_company() -> None:
    claims = _call("Revenue was $622 million, an increase of 20%.\n"
                   "PeopleReady is our largest segment, representing 59% of total revenue.\n"
                   "PeopleReady revenue was $380 million during the quarter, up 22%.\n"
                   "Northwind Logistics delivered operating income of $41 million.\n", title="TBI Q4 2021 earnings call",
                   published=dt.date(2022, 2, 9))
    assert {(c.company, c.metric) for c in claims if c.metric != "unclassified"} == {("TBI", "revenue")}
    assert not any(c.company in ("PeopleReady", "Northwind Logistics") and c.metric != "unclassified" for c in claims)


def test_book_value_per_share_is_no_eps_and_the_dividends_it_includes_are_no_dividend() -> None:
    got = _classified(_call("Last night we reported third quarter operating earnings of $0.42 per share.\n"
                            "Positive net earnings drove book value per share up 13% for the year inclusive of "
                            "dividends to end the quarter at $24.40.\n"
                            "Tangible book value per share was up 9% to $31.20.\n"))
    assert got == [("adjusted_eps", "level", 0.42, "2023-Q3", "reported")]


def test_losses_a_demonstrative_refers_to_are_no_net_loss() -> None:
    got = _classified(_call("Catastrophe losses from the hurricanes stand at $39 million net of reinsurance.\n"
                            "Net of bonus related impacts, these losses totaled $33.2 million or $0.58 per share "
                            "net of tax.\nNet income was $61 million, or $1.35 per share.\n"))
    assert got == [("net_income", "level", 61e6, "2023-Q3", "reported"), ("eps", "level", 1.35, "2023-Q3", "reported")]


def test_operating_earnings_with_a_total_stay_net_income_and_eps() -> None:
    got = _classified(_call("Operating earnings of $50 million, or $0.42 per share.\n"))
    assert [m for m, *_ in got] == ["net_income", "eps"]


def test_capital_expenses_are_capex() -> None:
    got = _classified(_call("Capital expenses in the third quarter were $62 million.\n"))
    assert got == [("capex", "level", 62e6, "2023-Q3", "reported")]


def test_the_second_figure_of_a_full_year_outlook_is_for_the_year_under_way() -> None:
    got = _classified(_call("For the full year, we now expect revenue of $5.6 billion to $5.7 billion and adjusted "
                            "EPS of $5.10 to $5.20.\n"))
    assert got == [("revenue", "level", 5.6e9, "2023", "guidance"), ("adjusted_eps", "level", 5.1, "2023", "guidance")]


def test_a_unit_opening_the_sentence_as_its_subject_holds_the_figures() -> None:
    claims = _call("Revenue was $622 million, an increase of 20% compared to Q4 2020.\n"
                   "PeopleManagement, representing 27% of trailing 12-month revenue, saw a 10% decline in revenue.\n"
                   "Aerospace posted a 12% increase in sales to $800 million.\n", title="TBI Q4 2021 earnings call",
                   published=dt.date(2022, 2, 9))
    assert _classified(claims) == [("revenue", "level", 622e6, "2021-Q4", "reported"),
                                   ("revenue", "change_yoy", 20.0, "2021-Q4", "reported")]


def test_a_change_compared_with_a_named_period_takes_its_measure_from_it() -> None:
    got = _classified(_call("These factors produced adjusted EBITDA of $36 million, an increase of $14 million "
                            "compared to Q3 2022 and an increase of $15 million compared to Q3 2021.\n"
                            "Operating income increased $6 million over Q2 '23.\n"))
    assert [(m, measure, v) for m, measure, v, _, _ in got] == [
        ("adjusted_ebitda", "level", 36e6), ("adjusted_ebitda", "change_yoy", 14e6),
        ("adjusted_ebitda", "change", 15e6), ("operating_income", "change_qoq", 6e6)]


def test_a_year_compared_with_at_the_lead_is_not_the_quarters_year() -> None:
    got = _classified(_call("When compared with 2022, third quarter net sales were up 57%.\n"))
    assert got == [("revenue", "change_yoy", 57.0, "2023-Q3", "reported")]


def test_an_effect_per_share_is_no_eps() -> None:
    assert _classified(_call("Currency was close to a total of $1 per share unfavorable impact for the full year.\n"
                             "Pricing was a $0.05 per share headwind in the quarter.\n")) == []


def test_an_expectation_for_the_year_is_guidance_and_common_stock_no_share_price() -> None:
    got = _classified(_call("As a result, our increased expectation for full year diluted earnings per share "
                            "attributable to common stock is now between $3.25 and $3.69, and our increased expectation "
                            "for adjusted diluted earnings per share attributable to common stock is now between $4.12 "
                            "and $4.57.\n"))
    assert ("eps", "level", 3.25, "2023", "guidance") in got
    assert not any(m == "share_price" for m, *_ in got)


def test_a_market_share_reached_is_no_share_price_move() -> None:
    assert _classified(_call("Private brand tissue share in the US rose to over 30% recently, up from 18% in 2011.\n")) \
        == []


def test_a_units_possessive_team_or_acronym_holds_its_figures() -> None:
    assert _classified(_call("Fluid Handling's non-GAAP operating margin was 21%, up 40 basis points.\n"
                             "Additionally, the PST team delivered strong adjusted EBITDA of $78 million.\n"
                             "PC sales fell to $115 million from $148 million, and CM&C sales rose to $123 million "
                             "from $99 million.\n"
                             "However, it is important to note that domestic e-commerce sales were up 337% over "
                             "2019.\n")) == []
    # the company's own possessive is the company's
    assert _classified(_call("ACME's operating margin was 14%.\n")) == [
        ("operating_margin", "level", 14.0, "2023-Q3", "reported")]


def test_a_percentage_after_a_profit_and_or_is_its_margin() -> None:
    got = _classified(_call("Adjusted EBITDA for the quarter was $54 million or 12.7%, down from $67 million or "
                            "15.2% in the prior year.\nOperating income rose by $12 million or 8%.\n"
                            "Incremental margins were 17% as reported.\n"))
    assert [(m, measure, v) for m, measure, v, _, _ in got] == [
        ("adjusted_ebitda", "level", 54e6), ("adjusted_ebitda_margin", "level", 12.7),
        ("adjusted_ebitda", "level", 67e6), ("adjusted_ebitda_margin", "level", 15.2),
        ("operating_income", "change_yoy", 12e6), ("operating_income", "change_yoy", 8.0)]


def test_insurers_operating_income_per_share_and_an_annual_dividend_per_share() -> None:
    got = _classified(_call("Net operating income per share for the third quarter was $1.70.\n"
                            "Additionally, we paid a $0.24 per share annual dividend.\n"
                            "This campaign resulted in $2.5 billion earned media impressions.\n"
                            "The order includes the $45.1 million increase in our revenues requirement.\n"))
    assert got == [("adjusted_eps", "level", 1.7, "2023-Q3", "reported"),
                   ("dividend", "level", 0.24, "2023-Q3", "reported")]


def test_an_outlook_list_item_opening_on_expected_is_guidance() -> None:
    got = _classified(_call("Expected adjusted EBITDA to be in the range of $970 million to $1 billion and expected "
                            "adjusted EPS of $2.91 to $3.08.\n"))
    assert [(m, mod) for m, _, _, _, mod in got] == [("adjusted_ebitda", "guidance"), ("adjusted_eps", "guidance")]


def test_the_base_of_a_change_after_a_level_is_not_the_levels_period() -> None:
    got = _classified(_call("For the quarter, pre-tax income was $19.7 million, which was up 250% over 2022's.\n"))
    assert got[:2] == [("pretax_income", "level", 19.7e6, "2023-Q3", "reported"),
                       ("pretax_income", "change_yoy", 250.0, "2023-Q3", "reported")]


def test_a_change_after_book_value_per_share_is_no_eps_change() -> None:
    assert _classified(_call("Quarter-end book value of $70.08 per share, down 3% from $72.62 per share at "
                             "March 31, 2022.\n")) == []
    assert [m for m, *_ in _classified(_call("Earnings were $1.05 per share, up 8%.\n"))] == ["eps", "eps"]


def test_a_metric_named_far_before_a_figure_in_a_call_is_not_its_own() -> None:
    got = _classified(_call("We created state-of-the-art systems to track inventory, sales, warranty information and "
                            "returns all in the cloud, and our customer satisfaction scores rose 35%.\n"
                            "For the third quarter of 2023, revenues were $481.1 million compared to $432.8 million "
                            "for the third quarter of 2022, an increase of 11.1%.\n"))
    assert ("revenue", "change_yoy", 11.1, "2023-Q3", "reported") in got
    assert not any(v == 35.0 for _, _, v, _, _ in got)


def test_an_earlier_quarters_figure_given_for_comparison_is_prior_period() -> None:
    got = _classified(_call("Free cash flow in the third quarter was $91 million.\n"
                            "This compares to free cash flow of $68 million in the second quarter.\n"))
    assert got == [("free_cash_flow", "level", 91e6, "2023-Q3", "reported"),
                   ("free_cash_flow", "level", 68e6, "2023-Q2", "prior_period")]
