"""Headings and lead-in lines that set the period and modality of the list items below them (hand-written press
releases in HTML and Markdown: unit tests of :mod:`claimgraph.sources.sections`, not quality figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import read_inputs
from claimgraph.sources.sections import _kind

HERE = Path(__file__).parent / "fixtures" / "grids"


def _rows(name: str) -> list[tuple[str, str, float, str, str]]:
    (result,) = list(read_inputs([str(HERE / name)]))
    assert result.document is not None
    return [(c.metric, str(c.measure), c.value.low, c.period.label if c.period else "-", str(c.modality))
            for c in extract(result.document).claims]


def test_html_highlights_and_outlook_lead_ins() -> None:
    rows = _rows("highlights-outlook.html")
    assert ("revenue", "level", 88400000.0, "2024-Q4", "reported") in rows  # "Fourth Quarter 2024 ... Highlights"
    assert ("revenue", "level", 330200000.0, "2024", "reported") in rows  # "Fiscal Year 2024 ... Highlights"
    assert ("free_cash_flow", "level", 22500000.0, "2023", "prior_period") in rows
    assert ("revenue", "level", 89000000.0, "2025-Q1", "guidance") in rows  # "For the first quarter of 2025, ...:"
    assert ("revenue", "level", 380000000.0, "2025", "guidance") in rows  # "For the full year 2025, ... expects:"
    assert ("operating_income", "level", -9800000.0, "2023-Q4", "prior_period") in rows


def test_markdown_headings_and_an_outlook_without_a_period() -> None:
    rows = _rows("highlights.md")
    assert ("revenue", "level", 412600000.0, "2025-Q2", "reported") in rows
    assert ("eps", "level", 1.12, "2025-Q2", "reported") in rows
    assert ("revenue", "level", 830000000.0, "2025-H1", "reported") in rows
    outlook = [r for r in rows if r[4] == "guidance"]
    assert {r[0] for r in outlook} == {"revenue", "adjusted_eps"}
    assert all(r[3] != "2025-Q2" for r in outlook)  # never the quarter just reported


@pytest.mark.parametrize(("line", "kind"), [
    ("Fourth Quarter 2024 Financial Highlights", "heading"), ("For the full year 2025, Acme expects:", "lead"),
    ("NOTE: 1986 Operating loss excludes profit of 3,688,000", None), ("Revenue rose 5% to $2 billion.", None),
    ("Results for the 13 weeks ended Oct. 3", "heading"), ("- Total revenue of $89.0 million.", None),
    ("| Revenue | 5 | 4 |", None), ("Revenue was $5 million in Q3 2024", None),
])
def test_what_is_a_heading(line: str, kind: str | None) -> None:
    assert _kind(line) == kind


def test_editorial_headings_set_nothing() -> None:
    from claimgraph.sources.readers import Metadata, text_document

    para = " It is a long paragraph, as web articles have, one paragraph to a line, well over a hundred characters."
    text = ("Acme Corp results\nAcme Corp reported results on Tuesday." + para + "\n"
            "Catalysts and Risks: What to Watch in 2026\n"
            "Its gross margin of 49% is a solid starting point." + para + "\n"
            "Why the Guidance and Share Price Ticked Down\n2. Capital spending and margin pressure\n"
            "Its adjusted operating margin fell to 16% in Q3." + para + "\n")
    doc = text_document(text, "x.txt", Metadata(published="2025-11-12"))
    got = {(c.metric, c.period.label if c.period else "-", str(c.modality)) for c in extract(doc).claims}
    assert ("gross_margin", "2026", "reported") not in got
    assert ("adjusted_operating_margin", "2025-Q3", "reported") in got
