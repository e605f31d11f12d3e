"""What a wire results table's notes say about its columns' periods (claimgraph/sources/tables.py): a note that
the prior periods ended on a date the headline's quarter does not give (the company's 52/53-week calendar), and a
note giving the periods' length in weeks. Items written for the test in the wire's style."""

from __future__ import annotations

from claimgraph.sources.model import Extraction
from tests.conftest import wire_record as _record


def _periods(ex: Extraction, metric: str) -> list[tuple[float, str, str]]:
    return [(round(c.value.mid, 6), f"{c.period.start}..{c.period.end}", c.modality.value) for c in ex.claims
            if c.metric == metric and c.period is not None]


def test_a_note_on_the_prior_periods_end_gives_the_calendar() -> None:  # (the note past the first line)
    """"prior qtr and yr ended Jan 25" under "4TH QTR NET": the quarter and year end in late January, not in
    December; the current ones a year after the prior ones."""
    ex = _record("BRAMBLE FASHIONS INC <BRMF> 4TH QTR NET", """FRESNO, Calif., March 18 -
    Shr 14 cts vs 11 cts
    Net 2,210,000 vs 1,730,000
    Revs 51.6 mln vs 40.2 mln
    Year
    Shr 91 cts vs 77 cts
    Net 14.3 mln vs 12.1 mln
    Avg shrs 15.7 mln vs 15.6 mln
    NOTE: Per share figures adjusted for a three-for-two stock split paid in June. The prior qtr and yr ended
Jan 25.
""", "1987-03-18")
    net = _periods(ex, "net_income")
    assert (2210000.0, "1986-10-26..1987-01-25", "reported") in net
    assert (1730000.0, "1985-10-26..1986-01-25", "prior_period") in net
    assert (14.3e6, "1986-01-26..1987-01-25", "reported") in net
    assert (12.1e6, "1985-01-26..1986-01-25", "prior_period") in net


def test_a_note_without_another_end_leaves_the_calendar_quarter() -> None:
    ex = _record("BRAMBLE FASHIONS INC <BRMF> 4TH QTR NET", """FRESNO, Calif., March 18 -
    Shr 14 cts vs 11 cts
    Net 2,210,000 vs 1,730,000
    NOTE: prior year net includes a gain of 12 cts a share.
""", "1987-03-18")
    assert (2210000.0, "1986-10-01..1986-12-31", "reported") in _periods(ex, "net_income")


def test_a_note_of_sixteen_week_periods_sets_the_columns_length() -> None:
    """"Sixteen-week periods" under a first quarter ended Feb 14: both columns span 16 weeks (four months), to
    the dates the headline gives."""
    ex = _record("HOLLIS RESTAURANTS INC <HOLR> 1ST QTR FEB 14 NET", """MEMPHIS, Tenn., March 19 -
    Shr 22 cts vs 19 cts
    Net 8.4 mln vs 7,210,400
    Revs 150.2 mln vs 131.9 mln
    NOTE: Sixteen-week periods.
""", "1987-03-19")
    net = _periods(ex, "net_income")
    assert (8.4e6, "1986-10-26..1987-02-14", "reported") in net
    assert (7210400.0, "1985-10-26..1986-02-14", "prior_period") in net


def test_a_note_of_usual_week_counts_changes_nothing() -> None:
    """"12 and 40 weeks" of a third quarter and nine months: three and nine months, as the sections say (on the
    fiscal calendar extraction guesses from the publication date)."""
    ex = _record("HOLLIS RESTAURANTS INC <HOLR> 3RD QTR NET", """MEMPHIS, Tenn., March 19 -
    Shr 22 cts vs 19 cts
    Net 8.4 mln vs 7,210,400
    Nine mths
    Net 24.4 mln vs 21.0 mln
    NOTE: 12 and 40 weeks.
""", "1987-03-19")
    net = _periods(ex, "net_income")
    assert [p for v, p, m in net if v == 8.4e6] == ["1986-12-01..1987-02-28"]
    assert [p for v, p, m in net if v == 24.4e6] == ["1986-06-01..1987-02-28"]


def test_a_date_at_the_first_lines_edge_is_not_cut() -> None:
    """The first lines an item's end is read from end at a whole word: "Jan 25" across the edge is not "Jan 2"."""
    ex = _record("BRAMBLE FASHIONS INC <BRMF> 4TH QTR NET", """FRESNO, Calif., March 18 -
    Shr 14 cts vs 11 cts
    Net 2,210,000 vs 1,730,000
    Revs 51.6 mln vs 40.2 mln
    Year
    Shr 91 cts vs 77 cts
    Net 14.3 mln vs 12.1 mln
    NOTE: prior qtr and yr ended Jan 25.
""", "1987-03-18")
    assert (2210000.0, "1986-10-26..1987-01-25", "reported") in _periods(ex, "net_income")


def test_a_note_giving_both_periods_ends_dates_the_columns() -> None:
    """"Results for 14 and 53 week periods ended January 2, 1988, vs 13 and 52 week periods ended December 27,
    1986" under "4TH QTR": the quarter to January 2, 1988 and the year-ago one to December 27, 1986."""
    ex = _record("CORDOVAN DINERS INC <CDVN> 4TH QTR", """NEW YORK, March 9 -
    Shr 31 cts vs 28 cts
    Net 1,602,000 vs 1,455,000
    Revs 61.3 mln vs 44.9 mln
    Year
    Shr 1.02 dlrs vs 81 cts
    Net 5,214,000 vs 3,377,000
    Revs 221.8 mln vs 158.3 mln
    NOTE: Results for 14 and 53 week periods ended January 2, 1988, vs 13 and 52 week periods ended December 27,
1986.
""", "1988-03-09")
    net = _periods(ex, "net_income")
    assert next(p for v, p, m in net if v == 1602000.0).endswith("..1988-01-02")
    assert next(p for v, p, m in net if v == 1455000.0).endswith("..1986-12-27")
    assert next(p for v, p, m in net if v == 5214000.0).endswith("..1988-01-02")
