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
