"""Comparatives in parentheses: "Revenue up 8% to £412.6m (H1 FY24: £382.1m)", "EPS 14.1p (2023: 12.6p)", "Net
debt of £61.0m at 30 September 2024 (31 March 2024: £72.4m)".

British, European and Australian results announcements give the earlier period's figure right after the current
one, in parentheses, led by a label that names the earlier period. The figure inside is the same metric's figure for
that period (``prior_period``); the label is never the period of the figure before it, which is the period the
announcement reports.

>>> text = "Revenue up 8% to £412.6m (H1 FY24: £382.1m), margin 9.3% (prior year: 8.9%)"
>>> [text[a:b] for a, b in label_spans(text)]
['(H1 FY24: ', '(prior year: ']
>>> label_of(label_spans(text), text.index("£382.1m")), label_of(label_spans(text), text.index("£412.6m"))
((25, 35), None)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimgraph.sources.model import Claim, Modality, Resolution
from claimgraph.sources.periods import PeriodMention, as_instant, shift_year

if TYPE_CHECKING:
    from claimgraph.sources.context import ArticleContext

# "(2023: ", "(H1 FY24: ", "(prior year: ", "(31 March 2024: ", "(FY2023/24: " before a figure
_LABEL = re.compile(r"\(\s*(?P<label>[A-Za-z0-9][A-Za-z0-9/'’.\- ]{0,29}?)\s*:\s*(?=[-–(]?\s?(?:[$€£¥]|[A-Z]{3}\s?)?\s?\d)")
# what a label may hold: a period, a date or a word for the earlier period
_PERIOD_WORDS = re.compile(r"(?i)\d|prior|previous|last|year|quarter|half|period|comparative|restated|ly\b|pcp\b")


def label_spans(text: str) -> list[tuple[int, int]]:
    """The spans of comparative labels, from the parenthesis to the colon and its space."""
    if "(" not in text or ":" not in text:
        return []
    return [(m.start(), m.end()) for m in _LABEL.finditer(text) if _PERIOD_WORDS.search(m.group("label"))]


def label_of(spans: list[tuple[int, int]], start: int) -> tuple[int, int] | None:
    """The label span leading the figure at ``start``."""
    return next(((a, b) for a, b in spans if 0 <= start - b <= 2), None)


_GUIDANCE_LABEL = re.compile(r"(?i)guid|outlook|forecast|target")
# a label that names no period, only that the figure came before ("(prior: ", "(previously: ")
_EARLIER_WORD = re.compile(r"(?i)\(\s*(?:prior|previous(?:ly)?|old|was|before)\s*:\s*")


def comparative(claim: Claim, prev: Claim, label: str, mentions: list[PeriodMention], ctx: ArticleContext) -> None:
    """Make ``claim`` (the figure a label leads) the earlier period's figure of ``prev``'s metric: the label's period
    when it names one ("2023", "H1 FY24", "31 March 2024"), else the same period a year before ``prev``'s."""
    if (claim.value.unit == "percent") != (prev.value.unit == "percent"):
        return
    claim.metric, claim.measure, claim.phrase = prev.metric, prev.measure, prev.phrase
    if prev.modality in (Modality.GUIDANCE, Modality.PRIOR_GUIDANCE) and _EARLIER_WORD.fullmatch(label) \
            and prev.period is not None:
        # "guidance raised: revenue now $7.28B-$7.32B (prior: $7.15B-$7.25B)": the outlook it replaced, of the
        # same period
        claim.modality = Modality.PRIOR_GUIDANCE
        claim.period, claim.base_period, claim.resolution = prev.period, prev.base_period, prev.resolution
        return
    claim.modality = Modality.PRIOR_GUIDANCE if _GUIDANCE_LABEL.search(label) else Modality.PRIOR_PERIOD
    period, how = None, Resolution.UNRESOLVED
    for m in mentions:
        if not m.relative:
            period, how = m.resolve(ctx.fye, None, ctx.default_year, ctx.fy_shift)
            if period is not None:
                break
    if period is not None and prev.period is not None and period.end > prev.period.start:
        # ("6.75p (H1 2018/19: 5.93p)" on a calendar the article does not pin: an earlier figure's period ends
        # before the one of the figure it is set against begins)
        period = None
    if period is None and prev.period is not None:
        period, how = shift_year(prev.base_period or prev.period), prev.resolution
    if period is None:
        return
    if prev.period is not None and prev.period.start == prev.period.end and period.start != period.end:
        period = as_instant(period)  # a balance: the label's date or period end
    claim.period, claim.base_period, claim.resolution = period, period, how
