"""Modern results stories from outside the U.S. reported in English, market wraps, analyst notes and previews
(hand-written sentences: unit tests, not quality figures)."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def _claims(text: str, published: str) -> set[tuple[str, str, str, float, str, str]]:
    doc = text_document(text, "x.txt", Metadata(published=published))
    return {(c.company, c.metric, str(c.measure), c.value.low, c.value.unit,
             f"{c.period.start}..{c.period.end}" if c.period else "-") for c in extract(doc).claims}


def test_reais_are_brazilian_money_and_the_dollar_conversion_is_dropped() -> None:
    got = _claims("Petrobras posted net income of 32.55 billion reais ($5.66 billion) for the third quarter, down "
                  "from 26.6 billion reais a year earlier.", "2024-11-07")
    assert ("Petrobras", "net_income", "level", 32.55e9, "BRL", "2024-07-01..2024-09-30") in got
    assert ("Petrobras", "net_income", "level", 26.6e9, "BRL", "2023-07-01..2023-09-30") in got
    assert not any(c[4] == "USD" for c in got)


def test_revenue_at_its_named_group_is_a_unit_not_the_company() -> None:
    got = _claims("Alibaba Group Holding Ltd reported revenue of 236.50 billion yuan for the quarter ended Sept. 30. "
                  "Revenue at its cloud intelligence group rose 7% to 29.61 billion yuan.", "2024-11-15")
    assert {c[1] for c in got if c[3] == 29.61e9} == {"unclassified"}
    assert ("Alibaba Group Holding", "revenue", "level", 236.5e9, "CNY", "2024-07-01..2024-09-30") in got


def test_a_metric_word_describing_another_measure_is_no_mention() -> None:
    got = _claims("Shoprite Holdings reported full-year results on Tuesday. Diluted headline earnings per share, the "
                  "main profit measure in South Africa, rose 10.8% to 1,139.5 cents.", "2024-08-20")
    assert {c[1] for c in got} == {"eps"}  # not net income from "profit measure"


def _modal(text: str, published: str) -> set[tuple[str, float, str, str]]:
    doc = text_document(text, "x.txt", Metadata(published=published))
    return {(c.metric, c.value.low, str(c.modality), f"{c.period.start}..{c.period.end}" if c.period else "-")
            for c in extract(doc).claims}


def test_a_preview_estimate_for_the_quarter_just_ended_and_the_next_estimate_goes_on() -> None:
    got = _modal("Micron Technology Inc is expected to report first-quarter revenue on Wednesday.\n\nAnalysts on "
                 "average expect revenue of $8.71 billion for the quarter ended Nov. 28, according to data compiled "
                 "by LSEG. Adjusted profit is seen at $1.75 per share.", "2024-12-16")
    # "the quarter ended Nov. 28" in December is the quarter just ended, not November 2025
    assert ("revenue", 8.71e9, "analyst_estimate", "2024-08-29..2024-11-28") in got
    assert ("adjusted_eps", 1.75, "analyst_estimate", "2024-08-29..2024-11-28") in got  # "is seen at": the estimate


def test_a_result_after_a_hedged_warning_is_reported() -> None:
    got = _modal("Burberry Group Plc warned on Monday that it could post an operating loss in the first half and "
                 "suspended its dividend, after sales slumped 21% in its first quarter.", "2024-07-15")
    assert {m for _, v, m, _ in got if abs(v) == 21.0} == {"reported"}


def test_a_capitalised_role_before_a_name_is_a_person_whose_forward_figures_are_estimates() -> None:
    doc = text_document("Morgan Stanley raised its price target on Apple Inc to $273 from $253. Analyst Erik Woodring "
                        "said he expects iPhone revenue to rise 4% in the December quarter to $71.2 billion.",
                        "x.txt", Metadata(published="2024-12-02"))
    got = [c for c in extract(doc).claims if c.value.low == 71.2e9]
    assert got and all("Woodring" not in c.company for c in got)
    assert {str(c.modality) for c in got} == {"analyst_estimate"}
