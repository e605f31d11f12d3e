"""Call transcripts and summaries, hand-written in today's call style (issue 12, a fourth review of 30 unseen calls):
a lead that names a slide."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def _claims(body: str, title: str = "ACME Q4 2021 earnings call",
            published: str = "2022-02-09") -> list[tuple[str, str, float, str | None, str]]:
    doc = text_document(body, "x.txt", Metadata(title=title, published=dt.date.fromisoformat(published).isoformat()))
    return [(c.metric, c.measure.value, round(c.value.point if c.value.point is not None else c.value.low, 6),
             c.period.label if c.period is not None else None, c.modality.value)
            for c in extract(doc).claims if c.metric != "unclassified"]


def test_a_lead_that_names_a_slide_is_no_table_line() -> None:
    got = _claims("Thank you, operator.\n"
                  "In the quarter, net income rose 9%.\n"
                  "Turning to full-year highlights on Slide 14.\n"
                  "Better pricing in every market resulted in 11% year-over-year revenue growth.\n")
    assert ("revenue", "change_yoy", 11.0, "2021", "reported") in got
