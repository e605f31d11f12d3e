"""Periods and modality on hand-written modern news (issue 12): fiscal calendars stated in the text, earlier
periods named at the start of a sentence, analysts' expectations. Unit tests, not quality figures."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document

Row = tuple[str, float, str | None, str | None, str]


def _rows(body: str, published: dt.date, title: str = "") -> list[Row]:
    text = f"{title}\n{body}" if title else body
    doc = text_document(text, "x.txt", Metadata(title=title or None, published=published.isoformat()))
    return [(c.metric, c.value.low, c.period.start.isoformat() if c.period else None,
             c.period.end.isoformat() if c.period else None, c.modality.value) for c in extract(doc).claims]


def test_fiscal_quarter_number_and_a_stated_end_near_a_calendar_quarter_give_the_fiscal_year() -> None:
    got = _rows("Larkspur Corp. said its fiscal first-quarter profit rose 18%. The company earned $412 million in "
                "the quarter ended Sept. 28. For the current quarter, Larkspur expects revenue of $3.2 billion to "
                "$3.3 billion. It raised its full-year revenue forecast to $13 billion.", dt.date(2024, 10, 30))
    assert ("net_income", 412e6, "2024-06-29", "2024-09-28", "reported") in got
    outlook = [r for r in got if r[0] == "revenue"]
    assert outlook[0][2:] == ("2024-10-01", "2024-12-31", "guidance")  # the quarter after the one reported
    assert outlook[1][2:] == ("2024-07-01", "2025-06-30", "guidance")  # the fiscal year under way


def test_a_sentence_opening_on_an_earlier_period_is_about_it() -> None:
    got = _rows("Quillon Inc's third-quarter net income rose to $412 million, or $1.02 per share. A year earlier "
                "it earned $349 million, or 87 cents per share.", dt.date(2024, 10, 30))
    assert got[-2:] == [("net_income", 349e6, "2023-07-01", "2023-09-30", "prior_period"),
                        ("eps", 0.87, "2023-07-01", "2023-09-30", "prior_period")]


def test_last_year_at_the_start_of_a_sentence_is_not_shifted() -> None:
    got = _rows("Quillon Inc said full-year profit would rise. Last year, Quillon had net income of $66.2 million.",
                dt.date(2025, 2, 20))
    assert got[-1][2:] == ("2024-01-01", "2024-12-31", "reported")


def test_what_analysts_had_expected_is_their_estimate() -> None:
    got = _rows("Quillon Inc's third-quarter net income was $412 million, or $1.02 per share, on revenue of $3.1 "
                "billion. Analysts surveyed by FactSet had expected earnings of 95 cents per share on revenue of "
                "$3.05 billion.", dt.date(2024, 10, 30))
    assert got[-2:] == [("eps", 0.95, "2024-07-01", "2024-09-30", "analyst_estimate"),
                        ("revenue", 3.05e9, "2024-07-01", "2024-09-30", "analyst_estimate")]


def test_an_old_outlook_set_against_a_result_is_for_the_result_s_period() -> None:
    got = _rows("Quillon Inc's first-quarter adjusted net loss per share was $0.01, which is less than our outlook "
                "of net income per share of $0.04 to $0.11.", dt.date(2020, 5, 10))
    assert got[-1] == ("adjusted_eps", 0.04, "2020-01-01", "2020-03-31", "prior_guidance")
