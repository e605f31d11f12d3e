"""Figures read against the figures beside them (issue 12, wire results items).

- An earlier period's result given after a later one of the same company and metric is for comparison
  (:func:`after_a_later_result`).
- In an outlook, a figure led by the possessive of a year that has ended is that year's result
  (:func:`ended_year_own`).
- A parent company's or parent bank's figure given beside the group's figure of the same metric and period is not
  the company's total (:func:`parent_beside_group`).
"""

from __future__ import annotations

import datetime as dt
import re

from claimgraph.sources.context import ArticleContext
from claimgraph.sources.metrics import Vocabulary
from claimgraph.sources.model import Claim, Measure, Modality, Period, Quantity, Resolution
from claimgraph.sources.periods import PeriodMention, fiscal_year, fiscal_year_of


def after_a_later_result(claim: Claim, vocab: Vocabulary, ctx: ArticleContext) -> bool:
    """A result of a named period that ended before the period of a result of the same company and metric given
    just before it is an earlier period's figure, given for comparison: "net profit of 43 mln francs in 1986 against
    losses of 968 mln in 1985 and 1.07 billion in 1984. In 1982 it posted a profit of 329 mln." (1984, 1982)."""
    metric = vocab.get(claim.metric)
    if claim.modality is not Modality.REPORTED or claim.measure is not Measure.LEVEL or claim.period is None \
            or claim.resolution is not Resolution.STATED or metric is None or metric.kind != "flow":
        return False
    start, end = claim.period.start, claim.period.end
    return any(no >= ctx.sentence_no - 2 and r.company == claim.company and r.metric == claim.metric
               and r.modality is Modality.REPORTED and r.measure is Measure.LEVEL and r.period is not None
               and r.period.start > end and _compared_span(start, end, r.period) for no, r in ctx.recent)


def _compared_span(start: dt.date, end: dt.date, later: Period) -> bool:
    """Whether a period that ended before ``later`` began is one it is compared with: one of the same length (the
    year before a year), or one that ended a year or more before ``later`` began. (The year just ended before a
    quarter reported, "a first-quarter loss of $3 million. It had net income of $45 million for 2020.", is a
    result of its own.)"""
    same_length = abs((end - start).days - (later.end - later.start).days) <= 10
    return same_length or (later.start - end).days >= 360


# a year's own figure: "1986's earnings of 61 cts", "1985's net profit was 4.2 mln"
_YEARS_OWN = re.compile(r"['’]s\s+(?:[A-Za-z-]+\s+){1,3}?(?:of|was|were|totall?ed)\s+(?:about\s+|some\s+|nearly\s+)?")


# the last year's own figure: "to exceed the prior year's overall earnings of 1.53 dlrs", "last year's profit of"
_LAST_YEARS_OWN = re.compile(r"(?i)\b(?:the\s+)?(?:prior|previous|last)\s+(?:fiscal\s+)?year['’]s\s+"
                             r"(?:[A-Za-z-]+[\"”]?\s+){1,3}?(?:of|was|were|totall?ed)\s+(?:about\s+|some\s+|nearly\s+)?$")


def ended_year_own(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext) -> Period | None:
    """The year, ended by publication, whose possessive leads the figure ("1986's earnings of 61 cts", "the prior
    year's overall earnings of 1.53 dlrs": the fiscal year before the one of publication), or None."""
    if ctx.published is not None and _LAST_YEARS_OWN.search(text, max(0, q.start - 80), q.start):
        return fiscal_year(fiscal_year_of(ctx.published, ctx.fye) - 1, ctx.fye)
    for p in periods:
        if p.kind == "year" and not p.relative and p.end < q.start and _YEARS_OWN.fullmatch(text, p.end, q.start):
            year, _ = p.resolve(ctx.fye, ctx.period, ctx.default_year, ctx.fy_shift)
            if year is not None and ctx.published is not None and year.end < ctx.published:
                return year
    return None


# the parent's own figure named before it: "parent bank net profit increased to", "the parent company's net income of"
_PARENT_BEFORE = re.compile(r"(?i)\bparent(?:\s+(?:bank|company|concern|firm)(?:['’]s)?|['’]s)?\s+(?:\d{4}\s+)?"
                            r"(?:[a-z-]+\s+){0,2}?(?:net|profits?|income|earnings|sales|turnover|revenues?|operating)\b")
# the figure a parent's figure is compared with, right after it: "increased to 187.63 mln marks from 161.58 mln"
_COMPARED_GAP = re.compile(r"(?i)[\s,]*(?:[a-z]+\s+)?(?:from|against|versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+|a\s+)?")


def parent_beside_group(claim: Claim, window: str, ctx: ArticleContext, parent_metric: str | None) -> bool:
    """A parent's figure ("and parent bank net profit increased to 187.63 mln marks from 161.58 mln", after "Group
    net profit rose to 275.52 mln marks in 1986") beside the group's figure of the same company, metric and period
    given before it: the parent's own measure, not the company's total (its earlier figure right after it too,
    ``parent_metric`` being the metric of the parent's figure just before). A parent's figure alone ("parent company
    net profit of 43 mln francs") is the company's."""
    if parent_metric is not None and claim.metric == parent_metric and _COMPARED_GAP.fullmatch(window):
        return True
    if claim.period is None or not _PARENT_BEFORE.search(window):
        return False
    return any(r.company == claim.company and r.metric == claim.metric and r.measure is claim.measure
               and r.modality is Modality.REPORTED and r.period == claim.period for _, r in ctx.recent)
