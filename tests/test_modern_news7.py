"""Hand-written articles in formats of other outlets and decades (the seventh modern-news round): each test fails on
the code before its fix."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document
from claimgraph.sources.sentences import split_sentences
from tests.conftest import claim_rows as _claims


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


def _units(text: str) -> list[tuple[str, float, str]]:
    doc = text_document(text, "x.txt", Metadata())
    return [(c.metric, c.value.low, c.value.unit) for c in extract(doc).claims]


def test_cents_a_share_after_a_local_dollar_amount_are_that_currency() -> None:
    text = ("TORONTO (CP) -- Birchmount Mines Ltd. said Thursday its third-quarter profit rose to C$52.3 million, or "
            "41 cents a share, from C$38.9 million, or 31 cents a share, a year earlier.\n")
    units = _units(text)
    assert ("eps", 0.41, "CAD") in units and ("eps", 0.31, "CAD") in units, units
    us = _units("Birchmount Mines Ltd said its quarterly profit rose to C$52.3 million, or 41 U.S. cents a share.\n")
    assert ("eps", 0.41, "USD") in us, us


def test_standalone_figures_are_not_the_group_s() -> None:
    text = ("Sundaram Dyes Ltd on Wednesday reported a 21 per cent rise in consolidated net profit at Rs 312 crore for "
            "the second quarter ended September 30, 2025.\n\n"
            "On a standalone basis, net profit stood at Rs 198 crore.\n")
    claims = _claims(text)
    assert ("Sundaram Dyes", "net_income", "reported", 3.12e9, "FY2026-Q2") in claims, claims
    assert not [c for c in claims if c[3] == 1.98e9 and c[1] != "unclassified"], claims
    both = _claims("Sundaram Dyes Ltd said standalone net profit rose to Rs 300 crore, while consolidated net profit was "
                   "Rs 410 crore in the quarter.\n")
    assert [c[1] for c in both] == ["unclassified", "net_income"], both
    spun = _claims("Sundaram Dyes Ltd, a standalone company since its demerger, said net profit rose to Rs 410 crore.\n")
    assert [c[1] for c in spun] == ["net_income"], spun


def test_on_year_and_on_quarter_name_the_base_of_a_change() -> None:
    text = ("SEOUL, Oct. 29, 2025 (Yonhap) -- Hanbit Cells Co. said Wednesday its third-quarter operating profit "
            "jumped 42 percent on-year to 1.12 trillion won. Sales fell 3.1 percent on-quarter to 18.3 trillion won.\n")
    doc = text_document(text, "x.txt", Metadata())
    got = {(c.metric, c.measure.value, c.value.low) for c in extract(doc).claims}
    assert ("operating_income", "change_yoy", 42.0) in got, got
    assert ("revenue", "change_qoq", -3.1) in got, got


def test_a_source_label_before_a_double_dash_is_not_the_subject() -> None:
    text = ("Nikkei -- Kasuga Dyes Co will likely post a group operating profit of about 95 billion yen for the "
            "fiscal year ending March 2027, Nikkei has learned.\n")
    claims = _claims(text)
    assert claims and {c[0] for c in claims} == {"Kasuga Dyes"}, claims
