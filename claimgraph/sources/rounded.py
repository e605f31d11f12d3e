"""A headline's rounded figure: "Jinhai Pharmaceutical's first-half profit climbs 19%" over a body that states the
rise as 19.4%. The headline restates the body's figure with fewer digits: the same claim, kept once, in the body's
words."""

from __future__ import annotations

from claimgraph.sources.model import Claim, Measure

_CHANGES = (Measure.CHANGE, Measure.CHANGE_YOY, Measure.CHANGE_QOQ)


def _rounds_to(c: Claim, body: list[Claim]) -> bool:
    if c.value.unit != "percent" or c.measure not in _CHANGES or c.value.low != c.value.high \
            or c.value.low != int(c.value.low) or "." in (c.value.stated or "") or c.revises is not None:
        return False
    key = (c.company, c.metric, c.measure, c.period, c.modality)
    same = [b for b in body if (b.company, b.metric, b.measure, b.period, b.modality) == key
            and b.value.unit == "percent" and b.value.low == b.value.high]
    return len(same) == 1 and same[0].value.low != c.value.low and abs(same[0].value.low - c.value.low) < 0.5


def headline_rounding(claims: list[Claim], title_stop: int) -> list[Claim]:
    """``claims`` without a headline's whole-number percentage change when the body states the one change of the
    same company, metric, measure, period and modality, which rounds to it."""
    body = [c for c in claims if c.span[0] >= title_stop]
    dropped = {n for n, c in enumerate(claims) if c.span[1] <= title_stop and _rounds_to(c, body)}
    if not dropped:
        return claims
    index = {n: n - sum(1 for d in dropped if d < n) for n in range(len(claims)) if n not in dropped}
    out = [c for n, c in enumerate(claims) if n not in dropped]
    for c in out:
        if c.revises is not None:
            c.revises = index.get(c.revises)
    return out
