"""Outlook leads: a sentence without figures that announces the company's outlook, whose figures the next
sentences give.

A call reads its guidance out after announcing it, often in sentences with no verb of their own:

    With that in mind, we offer the following fourth quarter guidance.
    Revenues of $1.155 billion to $1.255 billion; income per share $0.55 to $0.75.     <- the fourth quarter's outlook

The lead opens an outlook for the next few sentences (``LEAD_SENTENCES``) of the paragraph (of the text, when it
puts one sentence on each line, as call transcripts often do): their figures that read as results are the
outlook, for the period the lead names when they name none. A sentence that states a result (a verb in the past
tense) ends it.

>>> outlook_lead("With that in mind, we offer the following fourth quarter guidance.")
True
>>> outlook_lead("Now let me turn to our outlook for 2021.")
True
>>> outlook_lead("For the full year, we are again raising our outlook to reflect the strength of the quarter.")
True
>>> outlook_lead("We caution against reading too much into them.")
False
"""

from __future__ import annotations

import datetime as dt
import re

from claimgraph.sources.model import Claim, Modality, Period, Resolution
from claimgraph.sources.periods import PeriodMention, as_instant, fiscal_year, fiscal_year_of, quarter_containing

LEAD_SENTENCES = 3  # how many sentences after the lead its outlook lasts
_OUTLOOK_NOUN = r"(?:guidance|outlook|expectations|forecast|estimates|assumptions)"
_LEAD = re.compile(
    rf"(?i)\b(?:the\s+following\s+(?:[\w'’-]+\s+){{0,4}}{_OUTLOOK_NOUN}|{_OUTLOOK_NOUN}\b[^.;]{{0,60}}\b(?:as\s+follows|"
    rf"the\s+following)|(?:turn|turning|move|moving|go|going|pivot|pivoting|shift|shifting)\s+(?:now\s+)?(?:to|on\s+to)\s+"
    rf"(?:our\s+|the\s+)?(?:[\w'’-]+\s+){{0,3}}{_OUTLOOK_NOUN}|(?:\b(?:we|i|let\s+me|let['’]s|we['’]ll|i['’]ll|"
    rf"we['’]re|i['’]m|to)\s+(?:[\w'’-]+\s+){{0,3}}?)(?:provide|give|share|walk\s+you\s+through|offer|"
    rf"update|introduce|initiate|issue|raising|updating|lowering|narrowing|reaffirming|reiterating|increasing)\s+(?:you\s+)?(?:with\s+)?(?:our\s+|an?\s+|the\s+)?(?:updated\s+|initial\s+)?"
    rf"(?:[\w'’-]+\s+){{0,3}}{_OUTLOOK_NOUN})\b")
# a result stated: a verb in the past tense (or "is now") ends the outlook the lead opened
_RESULT_VERB = re.compile(r"(?i)\b(?:was|were|had|grew|rose|fell|increased|decreased|declined|delivered|generated|"
                          r"reported|posted|ended|totall?ed|came\s+in|achieved|improved|dropped|reached|finished)\b")
_NOUNS = ("guidance", "outlook", "expectations", "forecast", "estimates", "assumptions")
_FORWARD_KINDS = {"quarter", "half", "year", "full_year", "this_year", "next_year", "next_quarter", "current_quarter"}


def outlook_lead(sentence: str) -> bool:
    """Whether a sentence (without figures) announces the outlook that the next sentences give."""
    low = sentence.lower()
    if not any(map(low.__contains__, _NOUNS)):  # (every match names one of them: a cheap test first)
        return False
    return _LEAD.search(sentence) is not None


def states_result(sentence: str) -> bool:
    return _RESULT_VERB.search(sentence) is not None


def next_quarter_numbered(after: dt.date, number: int, fye: tuple[int, int]) -> Period | None:
    """The first fiscal quarter numbered ``number`` that starts after ``after``.

    >>> next_quarter_numbered(dt.date(2025, 9, 30), 4, (12, 31)).label
    '2025-Q4'
    >>> next_quarter_numbered(dt.date(2025, 9, 30), 1, (12, 31)).label
    '2026-Q1'
    """
    q = quarter_containing(after + dt.timedelta(days=1), fye)
    for _ in range(4):
        if q.label.endswith(f"Q{number}"):
            return q
        q = quarter_containing(q.end + dt.timedelta(days=1), fye)
    return None


def lead_period(periods: list[PeriodMention], reported: Period | None, published: dt.date | None,
                fye: tuple[int, int], default_year: int | None, shift: int = 0) -> Period | None:
    """The period an outlook lead names, as an outlook's: a quarter without its year is the next such quarter after
    the one reported; "the full year", "this year" the fiscal year under way."""
    after = reported.end if reported is not None else published
    for p in periods:
        if p.kind not in _FORWARD_KINDS:
            continue
        if p.kind == "quarter" and p.year is None and after is not None and p.number:
            return next_quarter_numbered(after, p.number, fye)
        if p.kind in ("full_year", "this_year") and after is not None:
            return fiscal_year(fiscal_year_of(after, fye), fye)
        if p.kind == "next_year" and after is not None:
            return fiscal_year(fiscal_year_of(after, fye) + 1, fye)
        if p.kind == "next_quarter" and after is not None:
            return quarter_containing(after + dt.timedelta(days=1), fye)
        if p.kind in ("quarter", "half", "year"):
            return p.resolve(fye, reported, default_year, shift)[0]
    return None


def apply_lead(claims: list[Claim], period: Period | None, company: str | None) -> None:
    """The figures of a sentence inside an outlook a lead opened: the company's results become its outlook, for the
    lead's period when they name none."""
    for claim in claims:
        if company is not None and claim.company != company:
            continue
        if claim.modality is Modality.GUIDANCE and claim.period is None and period is not None:
            claim.period = claim.base_period = period  # ("The midpoint of our guidance implies a decline of 22%")
            claim.resolution = Resolution.INFERRED_CONTEXT
        if claim.modality is not Modality.REPORTED:
            continue
        if period is not None and claim.period is not None and claim.resolution is Resolution.STATED \
                and claim.period.end < period.start:
            continue  # ("EPS expansion from the $9.88 in 2020 will be driven by": a result the outlook starts from)
        claim.modality = Modality.GUIDANCE
        if period is not None and claim.resolution is not Resolution.STATED:
            instant = claim.period is not None and claim.period.start == claim.period.end
            claim.period = as_instant(period) if instant else period
            claim.base_period, claim.resolution = period, Resolution.INFERRED_CONTEXT
