"""Figures read against the figures beside them (issue 12, wire results items).

- An earlier period's result given after a later one of the same company and metric is for comparison
  (:func:`after_a_later_result`).
- In an outlook, a figure led by the possessive of a year that has ended is that year's result
  (:func:`ended_year_own`).
"""

from __future__ import annotations

import re

from claimgraph.sources.context import ArticleContext
from claimgraph.sources.metrics import Vocabulary
from claimgraph.sources.model import Claim, Measure, Modality, Period, Quantity, Resolution
from claimgraph.sources.periods import PeriodMention


def after_a_later_result(claim: Claim, vocab: Vocabulary, ctx: ArticleContext) -> bool:
    """A result of a named period that ended before the period of a result of the same company and metric given
    just before it is an earlier period's figure, given for comparison: "net profit of 43 mln francs in 1986 against
    losses of 968 mln in 1985 and 1.07 billion in 1984. In 1982 it posted a profit of 329 mln." (1984, 1982)."""
    metric = vocab.get(claim.metric)
    if claim.modality is not Modality.REPORTED or claim.measure is not Measure.LEVEL or claim.period is None \
            or claim.resolution is not Resolution.STATED or metric is None or metric.kind != "flow":
        return False
    end = claim.period.end
    return any(no >= ctx.sentence_no - 2 and r.company == claim.company and r.metric == claim.metric
               and r.modality is Modality.REPORTED and r.measure is Measure.LEVEL and r.period is not None
               and r.period.start > end for no, r in ctx.recent)


# a year's own figure: "1986's earnings of 61 cts", "1985's net profit was 4.2 mln"
_YEARS_OWN = re.compile(r"['’]s\s+(?:[A-Za-z-]+\s+){1,3}?(?:of|was|were|totall?ed)\s+(?:about\s+|some\s+|nearly\s+)?")


def ended_year_own(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext) -> Period | None:
    """The year, ended by publication, whose possessive leads the figure ("1986's earnings of 61 cts"), or None."""
    for p in periods:
        if p.kind == "year" and not p.relative and p.end < q.start and _YEARS_OWN.fullmatch(text, p.end, q.start):
            year, _ = p.resolve(ctx.fye, ctx.period, ctx.default_year, ctx.fy_shift)
            if year is not None and ctx.published is not None and year.end < ctx.published:
                return year
    return None
