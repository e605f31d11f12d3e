"""Metric and modality of claims in real-news styles (issue 12): hand-written text, one mechanism per test.

The accuracy figures come from the real gold (tests/test_real_quality.py), never from these sentences.
"""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Extraction
from claimgraph.sources.readers import Metadata, text_document


def _record(title: str, text: str, published: str) -> Extraction:
    doc = text_document(text, "r.json", Metadata(title=title, published=published), title_first_line=False)
    return extract(doc)


def _metrics(ex: Extraction, value: float) -> list[str]:
    return [c.metric for c in ex.claims if abs(c.value.mid - value) < 1e-9]


def test_a_wrapped_note_under_a_table_is_one_sentence() -> None:
    """A NOTE paragraph hard-wrapped under a results table is read as one sentence: its per-share charge is not EPS."""
    text = ("BOSTON, May 4 -\n    Shr 1.10 dlrs vs 95 cts\n    Net 22.5 mln vs 19.1 mln\n    Revs 310 mln vs 288 mln\n"
            "    NOTE: 1987 1st qtr net includes a pretax charge of four\nmln dlrs or 17 cts a share for the closing "
            "of a plant in\nOhio and the sale of its furniture business.\n")
    ex = _record("WIDGETCO INC <WDG> 1ST QTR NET", text, "1987-05-04")
    assert _metrics(ex, 1.10) == ["eps"]
    assert "eps" not in _metrics(ex, 0.17)
    assert "net_income" not in _metrics(ex, 4e6)
