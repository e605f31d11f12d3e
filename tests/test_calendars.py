"""A company's fiscal calendar learned from one article's stated period end and used for another article's claims
whose period came from a label alone (issue 12 item 2, issue 14 item 2). Articles and companies made up."""

from __future__ import annotations

import datetime as dt
import json
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from claimgraph.analysis import kept
from claimgraph.analysis.analyse import analyse_facts
from claimgraph.analysis.calendars import Anchor, on_company_calendars
from claimgraph.analysis.facts import Fact, FactTable
from claimgraph.graph.store import open_store
from claimgraph.graph.writer import open_reader
from claimgraph.pipeline import ingest
from claimgraph.sources.extract import extract
from claimgraph.sources.model import Period
from claimgraph.sources.periods import fiscal_quarter, shift_year
from claimgraph.sources.readers import Metadata, text_document

# A results table headed "4TH QTR" and "Year": nothing in it says the year ends in January.
TABLE = {"id": "t-1", "title": "BRAMBLETON TOOL WORKS INC <BTWK> 4TH QTR NET", "published": "1988-03-08",
         "publisher": "Example Wire",
         "text": "DAYTON, Ohio, March 8 -\n    Shr 1.10 dlrs vs 90 cts\n    Net 5,500,000 vs 4,500,000\n"
                 "    Revs 61.0 mln vs 55.2 mln\n    Year\n    Shr 3.20 dlrs vs 2.75 dlrs\n"
                 "    Net 16,000,000 vs 13,750,000\n    Revs 230.4 mln vs 210.9 mln\n"}
# Another outlet's story on the same results states the end of the year.
STORY = {"id": "t-2", "title": "BRAMBLETON TOOL WORKS <BTWK> YEAR PROFIT RISES", "published": "1988-03-10",
         "publisher": "Other Wire",
         "text": "DAYTON, Ohio, March 10 - Brambleton Tool Works Inc said net income for the year ended January 31 "
                 "rose to 16.0 mln dlrs, or 3.20 dlrs a share, from 13.8 mln dlrs, or 2.75 dlrs a share, a year "
                 "earlier.\n    Sales rose to 230.4 mln dlrs from 210.9 mln dlrs, the maker of machine tools said.\n"}


def _fact(i: str, source: str, value: float, label: str, start: str, end: str, quote: str = "") -> Fact:
    return Fact(i, source, "Quillfeather", "net_income", "level", value, value, value, -5, "exact", "USD", label,
                start, end, "reported", None, stated=f"{value / 1e6} mln", quote=quote)


def test_a_calendar_year_from_a_table_joins_the_fiscal_year_another_article_states() -> None:
    facts = [_fact("a", "story", 16.0e6, "FY1988", "1987-02-01", "1988-01-31", "net income for the year ended "
                   "January 31 rose to 16.0 mln dlrs"),
             _fact("b", "table", 16.0e6, "1987", "1987-01-01", "1987-12-31")]
    groups = analyse_facts(facts).groups
    assert len(groups) == 1, [(g.key, g.labels) for g in groups]
    g = groups[0]
    assert (g.start, g.end, g.labels) == ("1987-02-01", "1988-01-31", ["1987", "FY1988"])
    assert "fiscal calendar" in (facts[1].inherited or "")  # the moved claim says why its dates differ


def test_a_52_53_week_calendar_moves_label_quarters_to_its_stated_day() -> None:
    t = FactTable.from_facts([_fact("a", "story", -31.9e6, "FY1987-Q4", "1986-10-05", "1987-01-03",
                                    "a loss for the fourth quarter ended January 3 of 31.9 mln dlrs"),
                              _fact("b", "table", -31.9e6, "1986-Q4", "1986-10-01", "1986-12-31"),
                              _fact("c", "table", -3.3e6, "1985-Q4", "1985-10-01", "1985-12-31"),
                              _fact("d", "table", 43.9e6, "1986", "1986-01-01", "1986-12-31")])
    assert on_company_calendars(t) == 3
    assert list(zip(t.period_start, t.period_end, strict=True))[1:] == [
        ("1986-10-05", "1987-01-03"), ("1985-10-05", "1986-01-03"), ("1986-01-05", "1987-01-03")]
    assert on_company_calendars(t) == 0  # idempotent: the stored and a fresh analysis agree


def test_no_calendar_is_learned_from_two_that_disagree_from_calendar_labels_or_from_guesses() -> None:
    ambiguous = FactTable.from_facts([_fact("a", "x", 1e6, "FY1988", "1987-02-01", "1988-01-31", "year to Jan 31"),
                                      _fact("b", "y", 1e6, "FY1988", "1987-03-01", "1988-02-29", "year to Feb 29"),
                                      _fact("c", "z", 1e6, "1987", "1987-01-01", "1987-12-31")])
    assert on_company_calendars(ambiguous) == 0
    plain = FactTable.from_facts([_fact("a", "x", 1e6, "1987", "1987-01-01", "1987-12-31"),
                                  _fact("b", "y", 1e6, "1987-Q4", "1987-10-01", "1987-12-31")])
    assert on_company_calendars(plain) == 0
    # a fiscal quarter extraction guessed from "third quarter" and the publication date counts after one whose
    # text names the month; a quarter whose own headline states its end ("3RD QTR DEC 31") keeps it
    guessed = [_fact("a", "x", 1e6, "FY1988-Q3", "1987-11-01", "1988-01-31",
                     "Earlier, it reported a third quarter net loss of 1.0 mln dlrs"),
               _fact("b", "y", 1e6, "FY1988-Q3", "1987-10-01", "1987-12-31"),
               _fact("c", "z", 1e6, "FY1988-Q3", "1987-09-28", "1987-12-27", "the quarter ended December 27")]
    assert on_company_calendars(FactTable.from_facts(guessed)) == 1 and guessed[1].period_end == "1987-12-27"
    titled = _fact("b", "y", 1e6, "FY1988-Q3", "1987-10-01", "1987-12-31")
    titled.title = "QUILLFEATHER INC 3RD QTR DEC 31 NET"
    stated = FactTable.from_facts([_fact("a", "x", 1e6, "FY1988", "1987-02-01", "1988-01-31", "year to Jan 31"),
                                   titled])
    assert on_company_calendars(stated) == 0
    # another company's calendar is not this one's
    other = _fact("c", "z", 1e6, "FY1988", "1987-02-01", "1988-01-31", "the year ended January 31")
    other.company = "Larkspur Mills"
    mixed = FactTable.from_facts([_fact("a", "x", 1e6, "1987", "1987-01-01", "1987-12-31"), other])
    assert on_company_calendars(mixed) == 0


def test_anchor_nearest_grid_point() -> None:
    assert Anchor(1, 0).nearest(dt.date(1987, 12, 31)) == dt.date(1988, 1, 31)
    assert Anchor(1, 3).nearest(dt.date(1986, 9, 30)) == dt.date(1986, 10, 3)
    assert Anchor(11, 0).nearest(dt.date(1987, 12, 31)) == dt.date(1987, 11, 30)


def _stored(items: list[dict[str, Any]], folder: Path) -> list[dict[str, Any]]:
    from tests.test_kept import _stored_equals_fresh

    store = open_store("memory")
    try:
        for n, item in enumerate(items):
            path = folder / f"{n}.jsonl"
            path.write_text(json.dumps(item) + "\n", encoding="utf-8")
            ingest([str(path)], store, refresh_trust=False)  # one at a time: the kept analysis is updated
        _stored_equals_fresh(store, structure_only=True)  # the groups a fresh analysis of the RDF gives
        with closing(open_reader(store)) as ix:
            return [g for g in kept.conflicts_report(ix, include_all=True)
                    if g["metric"] == "net_income" and g["modality_class"] == "actual"]
    finally:
        store.close()


@pytest.mark.parametrize("order", ["table first", "story first"])
def test_two_articles_one_stating_the_year_end_land_in_one_group(order: str, tmp_path: Path) -> None:
    items = [TABLE, STORY] if order == "table first" else [STORY, TABLE]
    groups = {(g["period"]["length"], g["period"]["end"]): g for g in _stored(items, tmp_path)}
    year = groups[("P12M", "1988-01-31")]
    assert sorted(c["value"]["stated"] for c in year["claims"]) == ["16,000,000", "16.0 mln dlrs"]
    assert year["status"] == "consistent"
    prior = groups[("P12M", "1987-01-31")]  # the year before, from the table's "vs" column and the story's "from"
    assert sorted(c["value"]["stated"] for c in prior["claims"]) == ["13,750,000", "13.8 mln dlrs"]
    assert ("P12M", "1987-12-31") not in groups and ("P3M", "1988-01-31") in groups  # the 4th qtr moved too


def test_a_year_ago_period_keeps_a_stated_day() -> None:
    quarter = Period(dt.date(1987, 9, 27), dt.date(1987, 12, 26), "FY1988-Q3")
    assert shift_year(quarter).end == dt.date(1986, 12, 26)
    assert shift_year(Period(dt.date(1987, 10, 1), dt.date(1987, 12, 31), "1987-Q4")).end == dt.date(1986, 12, 31)


def test_a_year_ending_in_the_first_days_of_january_is_named_after_the_year_before() -> None:
    text = ("Pellworth Foods Inc said it lost 12.5 mln dlrs, or 40 cts a share, in the fourth quarter ended "
            "January 2, compared with a loss of 2.1 mln dlrs, or seven cts a share, in 1986's fourth quarter.\n"
            "For the year, it earned 20.2 mln dlrs, or 65 cts a share, against 18.0 mln dlrs, or 58 cts, in 1986.")
    doc = text_document(text, "t", Metadata(title="Pellworth Foods posts loss", published=dt.date(1988, 3, 2)),
                        title_first_line=False)
    got = {(c.metric, c.value.stated): (c.period.start.isoformat(), c.period.end.isoformat())
           for c in extract(doc).claims if c.period is not None}
    assert got[("net_income", "12.5 mln dlrs")][1] == "1988-01-02"
    assert got[("net_income", "2.1 mln dlrs")][1] == "1987-01-02"  # "1986's fourth quarter" ends in January 1987
    assert got[("net_income", "18.0 mln dlrs")] == ("1986-01-03", "1987-01-02")
    assert fiscal_quarter(1988, 4, (1, 2)).end == dt.date(1988, 1, 2)


def test_revised_to_a_from_the_figure_reported_before() -> None:
    text = ("Ostrander Gas Corp said it has revised its loss for the year ended January 31 to 6.2 mln dlrs from the "
            "loss of 4.9 mln dlrs reported in April.")
    doc = text_document(text, "t", Metadata(title="Ostrander revises loss", published=dt.date(1988, 6, 1)),
                        title_first_line=False)
    claims = [c for c in extract(doc).claims if c.metric == "net_income"]
    assert [c.value.stated for c in claims] == ["6.2 mln dlrs", "4.9 mln dlrs"]
    assert claims[0].revises == 1  # the new figure revises the one reported before


def test_the_year_ago_quarter_after_an_outlook_is_that_quarter_a_year_earlier() -> None:
    text = ("Harrowgate Systems Inc said it expects earnings for its third quarter ending June 30 to be 30 to 35 cts a "
            "share on revenues of 40 mln to 42 mln dlrs.\n"
            "For the year-ago quarter, the company earned 28 cts a share on revenues of 37.5 mln dlrs.")
    doc = text_document(text, "t", Metadata(title="Harrowgate sees higher quarter", published=dt.date(1988, 5, 20)),
                        title_first_line=False)
    got = {c.value.stated: c.period for c in extract(doc).claims if c.period is not None}
    assert got["37.5 mln dlrs"].end == dt.date(1987, 6, 30)  # not the quarter to March 1987
    assert got["28 cts"].start == dt.date(1987, 4, 1)
