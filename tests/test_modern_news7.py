"""Hand-written articles in formats of other outlets and decades (the seventh modern-news round): each test fails on
the code before its fix."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document
from claimgraph.sources.sentences import split_sentences


def _claims(text: str) -> list[tuple[str, str, str, float, str | None]]:
    doc = text_document(text, "x.txt", Metadata())
    out = []
    for c in extract(doc).claims:
        period = c.period.label if c.period is not None else None
        out.append((c.company, c.metric, c.modality, c.value.low, period))
    return out


def test_weekday_after_a_legal_form_is_not_a_new_sentence_nor_a_company() -> None:
    # UPI and AP style: "Tristate Utilities Inc. Tuesday reported ..." (the day follows the name, no "on")
    text = "Orrin Valve Co. Thursday said its profit rose."
    assert [s.text for s in split_sentences(text)] == [text]
    assert len(split_sentences("Orrin Valve Co. Finch said profits rose.")) == 2  # a new clause still splits
    claims = _claims("NEW YORK (UPI) -- Orrin Valve Corp. Wednesday reported first-quarter earnings of $61.3 million, "
                     "or $1.12 a share.\n")
    assert claims and {c[0] for c in claims} == {"Orrin Valve"}, claims


def test_will_likely_post_a_profit_is_an_outlook() -> None:
    text = ("Kasuga Dyes Co will likely post a group operating profit of about 95 billion yen for the fiscal year "
            "ending March 2027, up roughly 10% from the year before, people familiar with the matter said.\n")
    claims = _claims(text)
    assert claims and all(c[2] != "reported" for c in claims), claims


def test_growth_after_an_outlook_level_and_its_period_is_the_outlook_s() -> None:
    text = ("Orrin Valve Corp expects net profit of about $95 million for the year ending June 2027, up roughly 10%, "
            "the company said.\n")
    claims = _claims(text)
    assert [c[2] for c in claims if c[1] == "net_income"] == ["guidance", "guidance"], claims
