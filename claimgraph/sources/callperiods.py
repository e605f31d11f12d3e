"""Periods that go on over the lines of a call: a fourth-quarter call reports the year that the quarter ends as well.

A call transcript as many sources give it puts each sentence on a line of its own, so a paragraph break says
nothing, and a speaker who turns to the full year names it once:

    For the full year, revenue was $4.4 billion, up 12%.
    Adjusted EPS was $3.10.                                   <- the year's EPS, not the fourth quarter's
    In the fourth quarter, revenue was $1.2 billion.          <- the quarter again

The period of results that a line names (or that a line without figures turns to: "Turning to our full year
results.", "Let me now review 2019.") goes on for the next few lines (``CARRY_LINES``) that name no period of their
own, and only when it is a longer period that ends with the quarter the call reports (the fiscal year, the year to
date, the half): another year named in passing ("In 2019, we launched our platform.") carries nothing. A line that
names the quarter ("In the quarter,", "Fourth quarter sales") ends it.

>>> from claimgraph.sources.periods import find_period_mentions
>>> names_the_quarter(find_period_mentions("In the quarter, revenue was $5 million."))
True
>>> names_the_quarter(find_period_mentions("For the year, revenue was $20 million."))
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimgraph.sources.model import Period
from claimgraph.sources.periods import PeriodMention, find_period_mentions, fiscal_year, fiscal_year_of
from claimgraph.sources.scan import Scanner

CARRY_LINES = 3  # how many lines after the one that named it a period of results goes on (one sentence a line)

# a line that speaks of what is to come names no period of results ("As we enter 2022, we expect ...")
_AHEAD = re.compile(r"(?i)\b(?:expect|expects|anticipate|guidance|outlook|forecast|will|plan|plans|going\s+forward|"
                    r"look\s+ahead|looking\s+ahead|looking\s+forward|enter|entering|heading\s+into|next)\b")
_LEAD_KINDS = frozenset({"year", "full_year", "ytd", "quarterly", "quarter", "half", "nine_months", "year_ended"})


def names_the_quarter(periods: Sequence[PeriodMention]) -> bool:
    """Whether a line names the quarter the call reports by a word that gives no year ("in the quarter", "this
    quarter")."""
    return any(p.kind == "quarterly" for p in periods)


def names_longer_period(periods: Sequence[PeriodMention]) -> bool:
    """Whether a line names a year, a half or the year to date by a phrase of its own ("For the full year, revenue
    was", "Cash flow from operations was $377 million on a year-to-date basis"), not by "this year" set against a
    year-earlier figure ("35.3% of net sales this year, down from ...")."""
    return any(p.kind in _LEAD_KINDS and p.kind not in ("quarterly", "quarter") for p in periods)


def spans_reported(period: Period | None, reported: Period | None) -> bool:
    """Whether ``period`` is a longer period that ends with the quarter reported (its year, half or year to date)."""
    return period is not None and reported is not None and period.end == reported.end \
        and period.start < reported.start


_PERIOD_WORDS = ("year", "quarter", "ytd", "half", "months", "19", "20")
_PERIOD_WORD = re.compile(r"(?i)year|quarter|ytd|half|months|\b(?:19|20)\d\d\b")
# the same test for an ASCII line in lower case, each branch led by a literal (a fast scan; "1(?<!\w1)" is "\b1"),
# and the outlook words through Scanner (the same matches)
_PERIOD_WORD_LOWER = re.compile(r"year|quarter|ytd|half|months|1(?<!\w1)9\d\d\b|2(?<!\w2)0\d\d\b")
_AHEAD_SCAN = Scanner(_AHEAD)


def _period_word(sentence: str) -> bool:
    if sentence.isascii():
        return _PERIOD_WORD_LOWER.search(sentence.lower()) is not None
    return _PERIOD_WORD.search(sentence) is not None


def looks_ahead(sentence: str) -> bool:
    """Whether a line speaks of what is to come ("We are providing guidance for the first quarter of fiscal
    2021."): the results of a period named before it do not go on past it."""
    return _AHEAD_SCAN.search(sentence, sentence.lower()) is not None


def lead_mention(sentence: str, periods: Sequence[PeriodMention]) -> PeriodMention | None:
    """The period a line without figures turns to ("Now turning to our full year results.", "For the full year 2021,
    we delivered record results.", "In the quarter, we saw strong demand."), or None for a line about what is to
    come. ``periods`` are the line's period mentions when they were read (else they are read here).

    >>> lead_mention("Now turning to our full year results.", []).kind
    'full_year'
    >>> lead_mention("As we enter 2022, we are confident.", []) is None
    True
    >>> lead_mention("Let me recap our full year fiscal year 2019 on slide 9.", []).year
    2019
    """
    # (a line that turns to a period names it early: "Now turning to our full year")
    if not _period_word(sentence[:90]) or looks_ahead(sentence):
        return None
    periods = periods or find_period_mentions(sentence)
    chosen = [p for p in periods if p.kind in _LEAD_KINDS]
    if len(chosen) == 2 and chosen[0].kind == "full_year" and chosen[1].year is not None \
            and _RESTATED.fullmatch(sentence, chosen[0].end, chosen[1].start):
        return chosen[1]  # "a recap of our full year fiscal year 2021": one period named twice
    return chosen[0] if len(chosen) == 1 else None


_RESTATED = re.compile(r"[\s,(–-]*(?:of\s+|for\s+)?")


# a result set against the outlook given at the start of the year ("within our initial range", "versus our initial
# expectation of breakeven", "exceeded our full-year target")
_YEAR_OUTLOOK = re.compile(
    r"(?i)\b(?:within|versus|vs\.?|above|below|exceed(?:ed|ing|s)?|beat(?:ing|s)?|ahead\s+of|in\s+line\s+with|"
    r"compared\s+(?:to|with)|against|met|achieved|top(?:ped)?|at\s+the\s+(?:high|upper|top|low)\s+end\s+of)\s+"
    r"(?:our|the|its)\s+(?:initial|original|full[\s-]year|annual|(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:outlook|guidance|range|expectations?|targets?|forecast|plan|goal)")


def year_of_fourth_quarter(sentence: str, reported: Period | None, fye: tuple[int, int]) -> Period | None:
    """In a call about the last quarter of a fiscal year, the year a result is for when the sentence sets it
    against the outlook given for the year ("we reported total revenue of just over $4.4 billion which was within
    our initial range"); None otherwise.

    >>> from claimgraph.sources.periods import fiscal_quarter
    >>> q4 = fiscal_quarter(2019, 4, (12, 31))
    >>> year_of_fourth_quarter("Revenue of $4.4 billion was within our initial range.", q4, (12, 31)).label
    '2019'
    >>> year_of_fourth_quarter("Revenue of $1.1 billion was within our guidance range.", q4, (12, 31)) is None
    True
    """
    if reported is None or not 80 <= (reported.end - reported.start).days <= 100:
        return None
    year = fiscal_year(fiscal_year_of(reported.end, fye), fye)
    if year.end != reported.end or _YEAR_OUTLOOK.search(sentence) is None:
        return None
    return year


# a date by which something falls due ("almost all of which matures in 2030", "notes due 2027", "no maturities until
# November"): when a debt is to be repaid, never the period of the figure before it
_MATURITY_BEFORE = re.compile(r"(?i)\b(?:matur(?:es|e|ed|ing|ity|ities)|due|expir(?:es|e|ed|ing)|repayable|payable)\s+"
                              r"(?:(?:in|on|by|until|through|before|after|beyond|from)\s+)?(?:(?:early|late|mid|the\s+end\s+of)"
                              r"[\s-]+)?$")


def maturity_date(text: str, period_start: int) -> bool:
    """Whether the period named at ``period_start`` is when a debt falls due.

    >>> s = "Total debt was $116 million at the end of the second quarter, almost all of which matures in 2030."
    >>> maturity_date(s, s.index("2030")), maturity_date(s, s.index("the second"))
    (True, False)
    """
    return _MATURITY_BEFORE.search(text, max(0, period_start - 40), period_start) is not None
