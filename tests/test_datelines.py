"""Wire datelines in their agencies' styles, and a first paragraph that opens with one is no headline."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.metadata import clean_text
from claimgraph.sources.places import dateline
from claimgraph.sources.readers import Format, Metadata, text_document


def test_a_state_before_the_agency_needs_no_comma() -> None:
    found = dateline("TOLEDO, Ohio (AP) — Marlowe Glass Co. said Tuesday")
    assert found is not None and (found.place, found.country) == ("TOLEDO", "US")


def test_a_name_with_a_ticker_is_no_dateline_of_a_title() -> None:
    assert clean_text("Marlowe Glass Co. (MGC) - profit rises 8%\nSales rose.").title.startswith("Marlowe")


def test_a_first_paragraph_with_a_dateline_is_body_not_title() -> None:
    text = ("TOLEDO, Ohio (AP) — Marlowe Glass Co. said Tuesday that its second-quarter profit rose 8%.\n\n"
            "The Toledo, Ohio, glassmaker earned $41 million, or 52 cents per share, in the April-June period.")
    cleaned = clean_text(text)
    assert cleaned.title == "" and len(cleaned.keep) == 2
    doc = text_document("---\ndate: 2024-07-23\n---\n\n" + text, "a.md", Metadata(), fmt=Format.MD)
    assert {c.company for c in extract(doc).claims} == {"Marlowe Glass"}
    # a hyphenated name is no dateline: "M-real 's sales ..." stays the title of a one-line item
    assert clean_text("Q-Vision 's sales rose 4 % to EUR 60m in the quarter .").title.startswith("Q-Vision")


def test_a_known_city_in_capitals_before_a_colon_is_a_dateline() -> None:
    """"MUMBAI: Tata Motors on Friday ..." (Indian and Australian papers): the city's currency, while a label before
    a colon ("Revenue: $5 million", "REVENUE: $5 million") is no place."""
    found = dateline("MUMBAI: Kesari Motors Ltd on Friday reported")
    assert found is not None and found.currency == "INR"
    assert dateline("SYDNEY: Harbourside Telecom Ltd said") is not None
    assert dateline("Revenue: $5 million") is None and dateline("REVENUE: $5 million") is None
