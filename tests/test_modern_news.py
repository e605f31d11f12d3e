"""A modern results story as a news page (hand-written: unit tests, not quality figures): the quarter a stated end
names is the article's, outlooks' yearless quarters do not outvote it, estimates named after their figure, and a
rival's quarters on its own calendar."""

from __future__ import annotations

from pathlib import Path

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, read_inputs, text_document

HERE = Path(__file__).parent / "fixtures" / "grids"


def _rows(claims: list) -> list[tuple[str, str, float, str, str, str]]:  # type: ignore[type-arg]
    return [(c.company, c.metric, c.value.low, c.period.start.isoformat() if c.period else "-",
             c.period.end.isoformat() if c.period else "-", str(c.modality)) for c in claims]


def test_stated_quarter_end_is_the_article_quarter_despite_outlook_quarters() -> None:
    (result,) = list(read_inputs([str(HERE / "news-results.html")]))
    assert result.document is not None
    rows = _rows(extract(result.document).claims)
    net = [r for r in rows if r[1] == "net_income" and r[5] == "reported"]
    assert net and net[0][4] in ("2024-01-28", "2024-01-31")  # the quarter ended Jan. 28, not February-April 2023
    assert ("Nvidia", "adjusted_eps", 4.59) in {r[:3] for r in rows if r[5] == "analyst_estimate"}
    assert ("Nvidia", "revenue", 21900000000.0) in {r[:3] for r in rows if r[5] == "analyst_estimate"}
    amd = [r for r in rows if r[0] == "AMD"]
    assert amd and amd[0][3:5] == ("2024-01-01", "2024-03-31")  # AMD's own (calendar) first quarter


def test_estimate_named_after_a_per_share_figure() -> None:
    doc = text_document("Acme Corp reported third-quarter results. Adjusted earnings were $1.16 a share, ahead of "
                        "the $0.98 a share analysts had forecast.", "x.txt", Metadata(published="2025-10-30"))
    got = {(c.metric, c.value.low, str(c.modality)) for c in extract(doc).claims}
    assert ("adjusted_eps", 0.98, "analyst_estimate") in got and ("adjusted_eps", 1.16, "reported") in got


def test_month_ranges_and_a_raised_forecast_from_its_old_value() -> None:
    (result,) = list(read_inputs([str(HERE / "tokyo-half.txt")]))
    assert result.document is not None
    rows = _rows(extract(result.document).claims)
    # "the April-September half" and "the July-September quarter" are those months
    assert ("Toyota Motor", "net_income", 1770000000000.0, "2024-04-01", "2024-09-30", "reported") in rows
    assert ("Toyota Motor", "operating_income", 1160000000000.0, "2024-07-01", "2024-09-30", "reported") in rows
    # "raised its ... forecast for the fiscal year ending in March 2025 to 3.57 trillion yen from 3.2 trillion yen"
    assert ("Toyota Motor", "net_income", 3200000000000.0, "2024-04-01", "2025-03-31", "prior_guidance") in rows
    assert ("Toyota Motor", "net_income", 3570000000000.0, "2024-04-01", "2025-03-31", "guidance") in rows
