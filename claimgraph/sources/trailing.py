"""Figures for the trailing twelve months: "bringing revenue for the trailing twelve months to SEK 50.3 billion" in a
story about the third quarter covers the twelve months to the quarter's end, not the quarter.

>>> import datetime as dt
>>> trailing_period(Period(dt.date(2025, 7, 1), dt.date(2025, 9, 30), "2025-Q3"))
Period(start=datetime.date(2024, 10, 1), end=datetime.date(2025, 9, 30), label='TTM-2025-09-30')
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from claimgraph.sources.model import Claim, Period

# the phrase right before the figure in its clause ("revenue for the trailing twelve months to", "LTM EBITDA of"), or
# right after it ("SEK 50.3 billion over the last 12 months")
_TTM = r"(?:(?:trailing|last|past|rolling|latest)\s+(?:twelve|12)[\s-]+months?|\bTTM|\bLTM)\b"
_TTM_BEFORE = re.compile(rf"(?i){_TTM}[^.;:$€£¥\d]{{0,40}}$")
_TTM_AFTER = re.compile(rf"(?i)^\s*,?\s*(?:in|over|for|during)\s+the\s+{_TTM}")
_TTM_WORDS = ("twelve", "12", "TTM", "LTM", "ttm", "ltm")


def trailing_period(period: Period) -> Period:
    """The twelve months that end where ``period`` ends."""
    end = period.end
    start = dt.date(end.year - 1, end.month, end.day) + dt.timedelta(days=1) if (end.month, end.day) != (2, 29) \
        else dt.date(end.year - 1, 3, 1)
    return Period(start, end, f"TTM-{end.isoformat()}")


def trailing_twelve_months(text: str, claims: list[Claim]) -> None:
    """Give each flow figure of ``text`` (one sentence) stated for the trailing twelve months the twelve months to
    the end of the period it was given (a quarter or a half; a year's figure is left as it is)."""
    if not any(w in text for w in _TTM_WORDS):
        return
    for claim in claims:
        p = claim.period
        if p is None or not 20 <= (p.end - p.start).days <= 200 or not claim.value.stated:
            continue
        at = text.find(claim.value.stated)
        if at < 0:
            continue
        if _TTM_BEFORE.search(text, max(0, at - 80), at) or _TTM_AFTER.match(text[at + len(claim.value.stated):]):
            new = trailing_period(p)
            claim.period = new
            if claim.base_period is not None:
                claim.base_period = dataclasses.replace(new)
