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

import datetime as dt
import re
from collections.abc import Sequence

from claimgraph.sources.model import Claim, Modality, Period, Resolution
from claimgraph.sources.outlooks import lead_period
from claimgraph.sources.periods import PeriodMention, find_period_mentions, fiscal_year, fiscal_year_of
from claimgraph.sources.scan import Scanner, WindowWords

CARRY_LINES = 3  # how many lines after the one that named it a period of results goes on (one sentence a line)

# a line that speaks of what is to come names no period of results ("As we enter 2022, we expect ...")
_AHEAD = re.compile(r"(?i)\b(?:expect|expects|anticipate|guidance|outlook|forecast|will|plan|plans|going\s+forward|"
                    r"look\s+(?:ahead|forward)|looking\s+ahead|looking\s+forward|enter|entering|heading\s+into|next)\b")
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


FORWARD_LINES = 4  # for how many lines after it the period a call's look ahead names dates its outlooks


def forward_period(sentence: str, periods: Sequence[PeriodMention], reported: Period | None,
                   published: dt.date | None, fye: tuple[int, int], default_year: int | None,
                   shift: int = 0) -> Period | None:
    """The one period still to come that a call's line about what is to come names ("we are reintroducing new
    full-year guidance for 2020.", "A few comments as we look forward to 2021."): the outlooks of the next few
    lines (``FORWARD_LINES``) that name no period are for it. None for a line that does not look ahead, names no
    period after the quarter reported, or names two.

    >>> from claimgraph.sources.periods import fiscal_quarter
    >>> q2 = fiscal_quarter(2020, 2, (12, 31))
    >>> s = "On slide 14, we are reintroducing new full-year guidance for 2020."
    >>> forward_period(s, find_period_mentions(s), q2, None, (12, 31), 2020).label
    '2020'
    >>> s = "We delivered record results in 2020."
    >>> forward_period(s, find_period_mentions(s), q2, None, (12, 31), 2020) is None
    True
    """
    if reported is None or not looks_ahead(sentence) or _LONG_RUN_WORDS.search(sentence):
        return None
    # (a period still to come: after the quarter reported and the day of the call, and at most about a year on: "When
    # fully realized in 2024" is no outlook's year)
    ahead = {found for p in periods if (found := lead_period([p], reported, published, fye, default_year, shift))
             is not None and found.end > reported.end and (published is None or published < found.end
                                                           <= published + dt.timedelta(days=_FORWARD_DAYS))}
    return ahead.pop() if len(ahead) == 1 else None


_FORWARD_DAYS = 550
_YEARLY = re.compile(r"(?i)\b(?:annually|per\s+year|each\s+year|every\s+year)\b")
_LONG_RUN = re.compile(r"(?i)\b(?:long[\s-]term|targets?|goals?|aspirations?|over\s+time|coming\s+years|by\s+(?:19|20)\d\d)\b")
_LONG_RUN_WORDS = WindowWords(_LONG_RUN)  # (searched where its words are)


def the_quarter_only(periods: Sequence[PeriodMention]) -> bool:
    """Whether a line's only periods are "the quarter" ("down roughly 4% to 6% in the quarter"): after a line looking
    ahead to a quarter (``forward_period``), that quarter."""
    return bool(periods) and all(p.kind == "quarterly" for p in periods)


_THE_QUARTER = re.compile(r"(?i)\b(?:in|during|for|over)\s+the\s+quarter\b")


def _quarter_long(period: Period) -> bool:
    return (period.end - period.start).days < 100


def date_outlooks(claims: Sequence[Claim], period: Period, company: str | None) -> None:
    """The company's outlooks among ``claims`` that name no period take ``period`` (``forward_period``'s); so do
    those of "the quarter" when ``period`` is a quarter ("We anticipate organic revenues will be down roughly 4% to
    6% in the quarter." after "let me share some thoughts on our fourth quarter outlook.")."""
    for claim in claims:
        if claim.company != company or _LONG_RUN_WORDS.search(claim.quote) or _YEARLY.search(claim.quote):
            continue
        if claim.modality is Modality.GUIDANCE and claim.period is None:
            claim.period = claim.base_period = period
            claim.resolution = Resolution.INFERRED_CONTEXT
        elif claim.modality in (Modality.GUIDANCE, Modality.PRELIMINARY) and claim.period is not None \
                and claim.resolution is Resolution.INFERRED_CONTEXT and claim.period.end < period.end \
                and _quarter_long(claim.period) and _quarter_long(period) and _THE_QUARTER.search(claim.quote):
            claim.period = claim.base_period = period
            claim.modality = Modality.GUIDANCE


# a period that names a call ("As discussed during our Q1 call", "on our fourth quarter earnings call"): when something
# was said, never the period of a figure
_CALL_AFTER = re.compile(r"(?i)\s+(?:(?:earnings|conference|investor|results)\s+)*calls?\b")


def names_a_call(text: str, period_end: int) -> bool:
    """Whether the period named right before ``period_end`` is the name of a call.

    >>> s = "As discussed during our Q1 call, we began the year with a target of $1.81 per share."
    >>> names_a_call(s, s.index(" call")), names_a_call(s, s.index(" with"))
    (True, False)
    """
    return _CALL_AFTER.match(text, period_end) is not None


# the cause a change is put down to, after it ("decreased 23.6% due to a credit of $2.5 million in the fourth quarter
# of 2019"): a period named in it is the cause's, not the change's
_CAUSE_BETWEEN = re.compile(r"(?i)\b(?:due\s+to|driven\s+by|because\s+of|as\s+a\s+result\s+of|attributable\s+to|"
                            r"owing\s+to|caused\s+by)\b(?:[^.;]|\.(?=\d))*$")


def in_cause(text: str, figure_end: int, period_start: int) -> bool:
    """Whether the period at ``period_start`` is named in the cause given after the change ending at ``figure_end``.

    >>> s = "Pre-tax income decreased 23.6% due to a credit of $2.5 million in the fourth quarter of 2019."
    >>> in_cause(s, s.index(" due"), s.index("the fourth")), in_cause(s, s.index(" due"), s.index(" due"))
    (True, False)
    """
    return figure_end < period_start and _CAUSE_BETWEEN.search(text, figure_end, period_start) is not None


# an earlier figure set after the one in hand, with the period it is of ("Net sales increased 2.8% to $8.7 billion,
# following a 17.6% increase in Q4 of 2020", "on top of a robust 21.6% increase in fiscal 2020", "lapping 30% growth
# last year"): that period is the earlier figure's, not the one in hand's
_EARLIER_FIGURE_BETWEEN = re.compile(
    r"(?i)\b(?:following|on\s+top\s+of|after|lapping|cycling|against|comparing\s+against)\s+(?:an?\s+|the\s+)?"
    r"(?:[a-z-]+\s+){0,2}?[$€£]?\d[\d.,]*\s*(?:%|percent|per\s+cent|pct|basis\s+points|bps|points|million|billion|"
    r"[mbk]n?)?\s+(?:[a-z-]+\s+){0,2}?(?:increase|decrease|rise|decline|growth|gain|drop|improvement|jump|comp|"
    r"comparison)s?\s+(?:in|for|during|over|from)\s+(?:the\s+)?$")


def earlier_figure_period(text: str, figure_end: int, period_start: int) -> bool:
    """Whether the period at ``period_start`` is that of an earlier figure set after the one ending at
    ``figure_end``.

    >>> s = "Net sales increased 2.8% to $8.7 billion, following a 17.6% increase in Q4 of 2020."
    >>> earlier_figure_period(s, s.index(" billion") + 8, s.index("Q4"))
    True
    >>> earlier_figure_period(s, s.index("% inc"), s.index("Q4"))
    False
    """
    return figure_end < period_start and _EARLIER_FIGURE_BETWEEN.search(text, figure_end, period_start) is not None


# a figure set against an earlier one by a verb of exceeding or falling short ("free cash flow of $172 million
# exceeded the prior year free cash flow of $108 million", "was above last year's"): the earlier period named after
# the verb is the other figure's, the one in hand is the period's own
_SET_AGAINST_BETWEEN = re.compile(
    r"(?i)^\s*,?\s*(?:(?:which|that)\s+)?(?:(?:again|also|well|comfortably|easily|significantly|far)\s+)?"
    r"(?:exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|outpac(?:ed|es|ing)|top(?:ped|s)|beat|beats|"
    r"(?:was|were|is|are|came\s+in|ended)\s+(?:(?:well|comfortably|significantly|slightly|far)\s+)?(?:above|below|ahead\s+of|"
    r"short\s+of|under|over|in\s+line\s+with|higher\s+than|lower\s+than)|fell\s+short\s+of)\s+(?:the\s+|our\s+|its\s+)?$")


def set_against_earlier(text: str, figure_end: int, period_start: int) -> bool:
    """Whether only a verb of exceeding or falling short stands between the figure ending at ``figure_end`` and the
    earlier period at ``period_start`` (the period is then the other figure's, see above).

    >>> s = "Free cash flow of $172 million exceeded the prior year free cash flow of $108 million."
    >>> set_against_earlier(s, s.index(" exceeded"), s.index("prior"))
    True
    >>> s = "Free cash flow was $172 million in the prior year."
    >>> set_against_earlier(s, s.index(" in the"), s.index("prior"))
    False
    """
    return figure_end <= period_start and _SET_AGAINST_BETWEEN.match(text[figure_end:period_start]) is not None
