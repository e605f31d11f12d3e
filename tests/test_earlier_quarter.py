""""The previous fourth quarter": the same quarter a year before the one a story is about (claimgraph/sources/
periods.py). Text written for the test."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.periods import find_period_mentions
from claimgraph.sources.readers import Metadata, text_document


def test_an_earlier_ordinal_quarter_is_a_year_before() -> None:
    kinds = [m.kind for m in find_period_mentions("It had earned 612,000 dlrs in the prior third quarter.")]
    assert kinds == ["prior_year"]
    assert [m.kind for m in find_period_mentions("in the previous quarter")] == ["prior_quarter"]
    assert [m.kind for m in find_period_mentions("in the third quarter")] == ["quarter"]


def test_a_story_dates_the_previous_fourth_quarter_a_year_back() -> None:
    text = ("ORLANDO, Fla., March 9 - Halverton Brokerage Inc said it lost 734,000 dlrs in the fourth quarter "
            "of 1986, after writedowns of two investments.\n    It earned 412,000 dlrs in the previous fourth "
            "quarter.\n")
    doc = text_document(text, "r.json", Metadata(title="HALVERTON <HLV> POSTS FOURTH QUARTER LOSS",
                                                 published="1987-03-09"), title_first_line=False)
    net = {round(c.value.mid): (str(c.period.start), str(c.period.end)) for c in extract(doc).claims
           if c.metric == "net_income" and c.period is not None}
    assert net[-734000] == ("1986-10-01", "1986-12-31")
    assert net[412000] == ("1985-10-01", "1985-12-31")
