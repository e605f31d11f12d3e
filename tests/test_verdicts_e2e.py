"""Verdicts end to end on the real Reuters clusters of the verdict fixture: ingested items, not hand-written claims.

The measurement lives in ``bench/verdicts.py`` (its figure is in bench/results.md); this test keeps its floor and
checks that every wrong verdict is extraction's (the group did not hold the items' figures), none the analysis'.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOOR = 30  # of 33 verdicts, measured on this branch (bench/results.md); the rest are extraction's (see there)


def _measure(fixture: str) -> tuple[list[Any], str]:
    """``bench.verdicts.measure`` on one fixture of tests/fixtures (skipped without the Reuters items)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bench import verdicts

    if verdicts.reuters_path() is None:
        pytest.skip("shared/data/reuters21578-dev.jsonl.gz is missing (the Reuters development items)")
    return verdicts.measure(fixture=verdicts.FIXTURE.with_name(fixture))


@pytest.mark.slow
def test_verdicts_of_ingested_reuters_clusters() -> None:
    outcomes, text = _measure("reuters_verdicts.json")
    assert len(outcomes) >= 30
    assert sum(o.right for o in outcomes) >= FLOOR, text
    wrong_by_analysis = [o for o in outcomes if not o.right and not o.cause.startswith("extraction")]
    assert not wrong_by_analysis, text


@pytest.mark.slow
def test_verdicts_of_the_second_cluster_set() -> None:
    """The second set (tests/fixtures/reuters_verdicts2.json, annotated blind: 46 of 54 right before any rule looked
    at it); every wrong verdict is extraction's."""
    outcomes, text = _measure("reuters_verdicts2.json")
    assert len(outcomes) == 54
    assert sum(o.right for o in outcomes) >= 52, text  # (51 before issue12f's company calendars and revisions)
    assert not [o for o in outcomes if not o.right and not o.cause.startswith("extraction")], text


@pytest.mark.slow
def test_verdicts_of_the_third_cluster_set() -> None:
    """The third set (tests/fixtures/reuters_verdicts3.json, annotated blind: a results table and a prose story, or
    two stories, about one company's results): 10 of 23 right when scored once, two wrong verdicts the analysis's
    (one company under two spellings across articles, "IVACO"/"Ivaco" and "Cheung Kong (Holdings)"/"Cheung Kong",
    made two groups). Since companies are grouped by their key (claimgraph.analysis.identity): 12 of 23, every
    wrong verdict extraction's; then tuned on (issue12w's wire periods and tables, the bench counting level groups
    only): 21 of 23."""
    outcomes, text = _measure("reuters_verdicts3.json")
    assert len(outcomes) == 23
    assert sum(o.right for o in outcomes) >= 22, text  # (Brown-Forman's table on its fiscal calendar: issue12f)
    assert _analysis_misses(outcomes) <= KNOWN_ANALYSIS_MISSES, text


@pytest.mark.slow
def test_verdicts_of_the_fourth_cluster_set() -> None:
    """The fourth set (tests/fixtures/reuters_verdicts4.json, annotated blind in the seventh session: 8 clusters of a
    results table and a story or two stories after the third set's anchors, and 3 pairs of items with identical
    titles; 62 verdicts), scored once with the session's final code: 54 of 62, every wrong verdict extraction's (4
    of them Nippon Telegraph and Telephone's forecasts, which the annotator judged as figures and extraction reads
    as guidance). With the bench judging a forecast's verdict on its guidance group, and the forecasts read with their
    periods, per-share nils to the cent (issue12v): 59 of 62."""
    outcomes, text = _measure("reuters_verdicts4.json")
    assert len(outcomes) == 62
    assert sum(o.right for o in outcomes) >= 61, text
    assert _analysis_misses(outcomes) <= KNOWN_ANALYSIS_MISSES, text


@pytest.mark.slow
def test_verdicts_of_the_fifth_cluster_set() -> None:
    """The fifth set (tests/fixtures/reuters_verdicts5.json, annotated blind in the eighth session by the fourth set's
    rule after its anchors: 8 clusters and 3 pairs of items with identical titles; 63 verdicts, 57 consistent and 6
    conflicts), scored once with the session's final code: 52 of 63 (0.83); 10 wrong verdicts extraction's (American
    Stores' years to January read as calendar years, Kaneb's eleven months as a quarter, Buckhorn's year not read,
    a Ford Canada story under "Ford Canada" with a figure the table states otherwise, an Intermedics quarter), one
    classed as the analysis's (Pharmacia's 1986 revenue, where "up to six billion crowns", another figure, joins
    the reported 3.65 billion). Tuned on in the ninth session (issue12w: sections of any length, fiscal years to
    January, national arms; "go up to six billion crowns" read as the level reached, the company's outlook for
    1987): 62 of 63."""
    outcomes, text = _measure("reuters_verdicts5.json")
    assert len(outcomes) == 63
    assert sum(o.right for o in outcomes) >= 63, text  # (Intermedics' table on its fiscal calendar: issue12f)
    assert _analysis_misses(outcomes) <= KNOWN_ANALYSIS_MISSES, text


@pytest.mark.slow
def test_verdicts_of_the_sixth_cluster_set() -> None:
    """The sixth set (tests/fixtures/reuters_verdicts6.json, annotated blind in the ninth session by the same rule
    after the fifth set's anchors: 8 clusters and 3 identical-title pairs; 90 verdicts, all consistent), scored with
    the code at the start of that session: 74 of 90 (0.82), every wrong verdict extraction's; at the end of it
    (never tuned on): 75 of 90 (0.83). Tuned on in the tenth session (issue12f: a company's fiscal calendar learned
    across articles, year-ago periods of a stated day, 52/53-week years ending in early January, the year-ago
    quarter of an outlook): 90 of 90."""
    outcomes, text = _measure("reuters_verdicts6.json")
    assert len(outcomes) == 90
    assert sum(o.right for o in outcomes) >= 90, text
    assert _analysis_misses(outcomes) <= KNOWN_ANALYSIS_MISSES, text


# Wrong verdicts whose group holds the figures as the items state them (so not extraction's), each a reading the
# analysis chose on purpose (docs/conflicts.md) against the blind annotator's; any other analysis miss fails.
# Until the bench compared a conflict's figures item by item (the fixture's "values") and at their stated precision,
# these were counted as extraction's.
KNOWN_ANALYSIS_MISSES = {
    # "Oper net 13.5 mln" against "Net 13,555,000": the annotator reads a truncation; the analysis truncates only
    # figures written without a decimal point ("$55B"), so 13.5 mln covers 13.45-13.55 mln: a conflict
    ("Potomac Electric Power Co", "net_income", "1987-01-31"),
    # "expects to report ... revenues of about 10 mln dlrs for the quarter and 52 mln dlrs for the year", then the
    # table's "Rev 50.9 mln": "about" holds for both figures, 52 mln ±5% holds 50.9 mln (consistent); the annotator
    # reads "about" as rounding to the unit: a conflict (were the 52 exact, a final figure superseding a preliminary
    # one it disagrees with would make a revision)
    ("Equatorial Communications Co", "revenue", "1986-12-31"),
}


def _analysis_misses(outcomes: list[Any]) -> set[tuple[str, str, str]]:
    return {(o.cluster, o.metric, o.end) for o in outcomes if not o.right and not o.cause.startswith("extraction")}


def test_verdicts_of_the_seventh_cluster_set() -> None:
    """The seventh set (tests/fixtures/reuters_verdicts7.json, annotated blind in the tenth session by the same rule
    after the sixth set's anchors: 8 clusters and 3 identical-title pairs; 71 verdicts, 64 consistent and 7
    conflicts), scored once at the end of that session, never tuned on: 69 of 71 (0.97); the two wrong verdicts are
    extraction's (Donegal's first, short year, from its start-up in August to December, read as the calendar year).
    68 since near company names merge on their figures (issue14v10): E.A. Viner's story ("VINER <EAVKF>") now meets
    its table, whose figures are read in Canadian dollars (a Toronto item; its last line says "U.S. dlrs.") where
    the story writes "918,000 U.S. dlrs": two groups for the fourth quarter's net."""
    outcomes, text = _measure("reuters_verdicts7.json")
    assert len(outcomes) == 71
    # 69 since the fifteenth session: the table's "U.S. dlrs." note and the story's bare dollars after its U.S. ones;
    # 71 since issue14x16 (Donegal's startup period stated in the story, and the table's "YEAR" column joining it)
    assert sum(o.right for o in outcomes) >= 71, text


def test_verdicts_of_the_eighth_cluster_set() -> None:
    """The eighth set (tests/fixtures/reuters_verdicts8.json, annotated blind in the eleventh session by the same rule
    after the seventh set's anchors: 8 clusters and 3 identical-title pairs; 52 verdicts, 49 consistent and 3
    conflicts), scored once at the end of that session, never tuned on: 31 of 52 (0.60). 19 of the 21 wrong verdicts
    are extraction's: Clothestime's fiscal year to late January, known only from one item's note ("prior qtr and yr
    ended Jan 26"), read as the calendar quarter and year (12 verdicts); Novo Industri's figures (4); Creditanstalt's
    group net profit (2); Chi-Chi's name; an Ultramar figure too many. After the scoring, a headline name in capitals
    ending on "'S" keeps it ("CHI-CHI'S INC" is Chi-Chi's; ``str.title`` made it "Chi-Chi'S", then "Chi-Chi"): 33.
    Tuned on since (issue14v10): a note's "prior qtr and yr ended Jan 26" gives the item its calendar (Clothestime,
    12 verdicts): 45."""
    outcomes, text = _measure("reuters_verdicts8.json")
    assert len(outcomes) == 52
    assert sum(o.right for o in outcomes) >= 52, text  # (45 until the fourteenth session: Creditanstalt, Novo, Ultramar)


def test_verdicts_of_the_ninth_cluster_set() -> None:
    """The ninth set (tests/fixtures/reuters_verdicts9.json, annotated blind at the end of the eleventh session, after
    set 8's anchors: 8 clusters and 3 identical-title pairs; 76 verdicts, 72 consistent and 4 conflicts), scored once
    after the session's last rule change but the capitals fix above (which moves none of its verdicts): 36 of 76
    (0.47). 36 of the 40 wrong verdicts are extraction's: one company under two names across items ("HEINZ" and
    "H.J. Heinz Co", "Resturant" misspelt in one title, "Intelligent Systems Mlp" for Master LP), 52/53-week period
    ends against the annotator's month ends, Shoney's sixteen-week quarter read as three months. Tuned on since
    (issue14v10): period ends within 7 days of the annotator's, as real_eval scores them; near company names merged
    when their figures agree (Restaurant Associates, Heinz, Numac, Kurzweil); partnership legal forms one key
    (Intelligent Systems); a note's "Sixteen-week periods" (Shoney's): 74. The two wrong: Restaurant Associates'
    EPS, one item's "Shr 25 cts" against the other's "Shr 26 cts" beside its "Shr diluted 25 cts" (consistent for
    the analysis, as an article does not contradict itself; a conflict for the annotator)."""
    outcomes, text = _measure("reuters_verdicts9.json")
    assert len(outcomes) == 76
    assert sum(o.right for o in outcomes) >= 74, text


def test_verdicts_of_the_tenth_cluster_set() -> None:
    """The tenth set (tests/fixtures/reuters_verdicts10.json, annotated blind at the start of the twelfth session by
    the same rule after set 9's anchors: 8 clusters and 3 identical-title pairs; 49 verdicts, all consistent: no
    conflict nor correction among them), scored once after that session's last rule change: 45 of 49 (0.92). The 4
    wrong are extraction's: Kidston's first ten months of production dated as the whole year 1985; Sand Technology's
    early estimate beside other figures of the item ("2.1 mln dlrs", "33.5 mln", "24.9 mln") read as the quarter's
    (2 conflicts); Minorco's first-half net profit not read."""
    outcomes, text = _measure("reuters_verdicts10.json")
    assert len(outcomes) == 49
    # (45 until issue14x15 dated Sand's last-year figures; 48 since issue14x16 read Kidston's ten months of 1985)
    assert sum(o.right for o in outcomes) >= 48, text


@pytest.mark.slow
def test_verdicts_of_the_eleventh_cluster_set() -> None:
    """The eleventh set (tests/fixtures/reuters_verdicts11.json, annotated blind at the start of the thirteenth
    session by the rule of sets 6-10 after set 10's anchors, plus the first correction pairs (C): 6 clusters, 2
    identical-title pairs and 1 correction pair (a name's spelling only); 49 verdicts, all consistent), scored once
    after that session's last rule change: 46 of 49 (0.94). The 3 wrong are extraction's: Alusuisse's 1985 net loss
    restated from 692 to 756 mln francs read as a revision of the group, and its gross sales of both years read as
    fourth-quarter figures."""
    outcomes, text = _measure("reuters_verdicts11.json")
    assert len(outcomes) == 49
    assert sum(o.right for o in outcomes) >= 49, text  # (46 blind; 49 after the fourteenth session read the Alusuisse causes)


@pytest.mark.slow
def test_verdicts_of_the_twelfth_cluster_set() -> None:
    """The twelfth set (tests/fixtures/reuters_verdicts12.json, annotated blind at the start of the fourteenth
    session by the rule of sets 6-11 after set 11's anchors, plus restatement pairs (C) in place of the exhausted
    correction notices: 6 clusters, 2 identical-title pairs, 3 restatement pairs; 39 verdicts, 37 consistent and 2
    conflicts), scored once after that session's last rule change: 33 of 39 (0.85). The 6 wrong: Fairchild's year-ago
    fourth-quarter EPS dated 1986; Micron's preliminary "about 20.4 mln" revenue of the quarter ended March 5 dated to
    1986's first quarter; Jardine Matheson's 1985 EPS not read; Alusuisse's 1986 loss under the company's German name
    and a quarter's period; Canadian Pacific's operating net in two groups per year."""
    outcomes, text = _measure("reuters_verdicts12.json")
    assert len(outcomes) == 39
    # (34 at the fifteenth session's start; issue14x15: Jardine, Alusuisse; issue14x16: CP Rail, Soo Line as parts,
    # and Micron's "about 20.4 mln" result compared at its stated precision)
    assert sum(o.right for o in outcomes) >= 39, text


def test_verdicts_of_the_thirteenth_cluster_set() -> None:
    """The thirteenth set (tests/fixtures/reuters_verdicts13.json, annotated blind at the start of the fifteenth
    session by the rule of sets 6-12 after set 12's anchors: 6 clusters, 2 identical-title pairs, 3 restatement pairs;
    51 verdicts, 46 consistent, 4 conflicts and 1 correction), scored once after that session's last rule change:
    49 of 51 (0.96). The 2 wrong are extraction's: Magnetic Technologies' six-month revenue with an extra figure
    (6,084,000 dlrs) that makes a conflict; BFG's revised 1986 group net profit read beside an extra 494.2 mln marks,
    so the correction is not seen."""
    outcomes, text = _measure("reuters_verdicts13.json")
    assert len(outcomes) == 51
    assert sum(o.right for o in outcomes) >= 51, text  # (49 when scored; the sixteenth session fixed both)


def test_verdicts_of_the_fourteenth_cluster_set() -> None:
    """The fourteenth set (tests/fixtures/reuters_verdicts14.json, annotated blind at the start of the sixteenth
    session by the rule of sets 6-13 after set 13's anchors: 6 clusters, 2 identical-title pairs, 3 restatement pairs;
    69 verdicts, 62 consistent and 7 conflicts), scored once after that session's last rule change: 59 of 69 (0.86)
    by the scorer as it was. Eight of the ten were the scorer's: the analysis had grouped Oshman's Sporting Goods'
    two items as one company (displayed "Oshman", the headline's "OSHMAN'S") and found them consistent, but
    ``bench.verdicts._name`` kept the possessive, so "Oshman" did not match "Oshman's Sporting Goods Inc"; with the
    possessive left out of the comparison, 67 of 69 (0.97). The 2 wrong are extraction's: Amcast's year-ago six-month
    EPS beside an extra loss of 1.95; Security Pacific's quarter EPS beside an extra 'seven cents'."""
    outcomes, text = _measure("reuters_verdicts14.json")
    assert len(outcomes) == 69
    assert sum(o.right for o in outcomes) >= 67, text
