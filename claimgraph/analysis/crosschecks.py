"""Cross-checks: arithmetic between resolved groups.

* **growth**: a year-over-year (or quarter-over-quarter) change against the
  two levels it connects: 284% from $25.9B implies $99.5B;
* **margin**: a margin against its numerator and denominator: $606.1M of
  adjusted EBITDA at a 62% margin implies revenue of about $978M;
* **sub-periods**: quarters, halves and nine months against the whole they tile;
* **parts**: a part ("$14 billion of that") against its total.

Each check has a verdict: ``consistent`` or ``inconsistent`` when both sides
exist, or ``derived`` when it only yields the implied value.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass

from claimgraph.analysis.conflicts import Group
from claimgraph.numbers import format_value
from claimgraph.sources.metrics import Vocabulary


@dataclass
class CrossCheck:
    """One arithmetic check between groups."""

    kind: str  # growth | margin | subperiods | parts
    inputs: list[Group]
    low: float
    high: float
    verdict: str  # consistent | inconsistent | derived
    explanation: str
    target: Group | None = None
    target_metric: str = ""

    @property
    def id(self) -> str:
        key = "|".join([self.kind, *sorted(g.id for g in self.inputs), self.target.id if self.target else ""])
        return hashlib.sha256(key.encode()).hexdigest()[:24]


def _iv(g: Group) -> tuple[float, float] | None:
    if g.resolved_low is None or g.resolved_high is None:
        return None
    return (g.resolved_low, g.resolved_high)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _shift(date: str, *, years: int = 0, months: int = 0) -> str:
    import calendar

    d = dt.date.fromisoformat(date)
    total = d.year * 12 + d.month - 1 + 12 * years + months
    y, m = divmod(total, 12)
    last = calendar.monthrange(y, m + 1)[1]
    day = last if d.day == calendar.monthrange(d.year, d.month)[1] else min(d.day, last)
    return dt.date(y, m + 1, day).isoformat()


def _fmt(v: float, unit: str, measure: str = "level") -> str:
    return format_value(v, unit, measure=measure)


def cross_checks(groups: list[Group], vocab: Vocabulary) -> list[CrossCheck]:
    """Every cross-check that the resolved groups allow."""
    actual = [g for g in groups if g.key[6] == "actual" and g.period[2] is not None and g.resolved is not None]
    levels: dict[tuple[str, str, str, str], Group] = {}
    by_measure: dict[str, list[Group]] = defaultdict(list)
    for g in actual:
        by_measure[g.measure].append(g)
        if g.measure == "level":
            levels[(g.company, g.metric, g.start or '', g.end or '')] = g
    out: list[CrossCheck] = []
    out += _growth(by_measure, levels)
    out += _margins(by_measure["level"], levels, vocab)
    out += _subperiods(by_measure["level"], vocab)
    out += _parts(by_measure["part"], levels)
    return out


def _growth(by_measure: dict[str, list[Group]], levels: dict[tuple[str, str, str, str], Group]) -> list[CrossCheck]:
    out = []
    for measure, shift in (("change_yoy", {"years": -1}), ("change_qoq", {"months": -3})):
        for g in by_measure.get(measure, []):
            start, end = g.start or '', g.end or ''
            prev_key = (g.company, g.metric, _shift(start, **shift) if start != end else _shift(end, **shift),
                        _shift(end, **shift))
            cur = levels.get((g.company, g.metric, start, end))
            prev = levels.get(prev_key)
            rate = _iv(g)
            if prev is None or rate is None or (piv := _iv(prev)) is None:
                continue
            low = piv[0] * (1 + rate[0] / 100)
            high = piv[1] * (1 + rate[1] / 100)
            unit = prev.key[5]
            text = (f"{_fmt(g.resolved or 0, 'percent', measure)} from {_fmt(prev.resolved or 0, unit)} "
                    f"({prev.period[0]}) implies {_fmt((low + high) / 2, unit)} for {g.period[0]}")
            if cur is not None and (civ := _iv(cur)) is not None:
                verdict = "consistent" if _overlap((low, high), civ) else "inconsistent"
                text += f"; stated {_fmt(cur.resolved or 0, unit)}"
                out.append(CrossCheck("growth", [g, prev], low, high, verdict, text, cur))
            else:
                out.append(CrossCheck("growth", [g, prev], low, high, "derived", text, None, g.metric))
    return out


def _margins(level_groups: list[Group], levels: dict[tuple[str, str, str, str], Group],
             vocab: Vocabulary) -> list[CrossCheck]:
    out = []
    for g in level_groups:
        metric = vocab.get(g.metric)
        if metric is None or len(metric.ratio_of) != 2 or (m := _iv(g)) is None:
            continue
        num_id, den_id = metric.ratio_of
        key = (g.company, num_id, g.start or '', g.end or '')
        num = levels.get(key)
        den = levels.get((g.company, den_id, g.start or '', g.end or ''))
        if num is None or (n := _iv(num)) is None or m[0] <= 0:
            continue
        unit = num.key[5]
        if den is not None and (d := _iv(den)) is not None and d[0] > 0:
            low, high = n[0] / d[1] * 100, n[1] / d[0] * 100
            verdict = "consistent" if _overlap((low, high), m) else "inconsistent"
            text = (f"{_fmt(num.resolved or 0, unit)} / {_fmt(den.resolved or 0, unit)} = "
                    f"{_fmt((low + high) / 2, 'percent')}; stated {_fmt(g.resolved or 0, 'percent')}")
            out.append(CrossCheck("margin", [g, num, den], low, high, verdict, text, g))
        else:
            low, high = n[0] / (m[1] / 100), n[1] / (m[0] / 100)
            text = (f"{_fmt(num.resolved or 0, unit)} at a {_fmt(g.resolved or 0, 'percent')} margin implies "
                    f"{den_id} of about {_fmt((num.resolved or 0) / ((g.resolved or 1) / 100), unit)}")
            out.append(CrossCheck("margin", [g, num], low, high, "derived", text, None, den_id))
    return out


def _subperiods(level_groups: list[Group], vocab: Vocabulary) -> list[CrossCheck]:
    out = []
    series: dict[tuple[str, str, str], list[Group]] = defaultdict(list)
    for g in level_groups:
        metric = vocab.get(g.metric)
        if metric is None or metric.kind != "flow" or metric.unit in ("percent", "ratio") or g.key[3] == "instant":
            continue
        series[(g.company, g.metric, g.key[5])].append(g)
    for (_, _, unit), gs in series.items():
        by_start: dict[str, list[Group]] = defaultdict(list)
        for g in gs:
            by_start[g.start or ''].append(g)
        for whole in gs:
            parts = _tiling(whole, by_start)
            if len(parts) < 2 or (w := _iv(whole)) is None:
                continue
            ivs = [_iv(p) for p in parts]
            if any(i is None for i in ivs):
                continue
            low = sum(i[0] for i in ivs if i)
            high = sum(i[1] for i in ivs if i)
            verdict = "consistent" if _overlap((low, high), w) else "inconsistent"
            labels = " + ".join(str(p.period[0]) for p in parts)
            text = f"{labels} = {_fmt((low + high) / 2, unit)}; stated {whole.period[0]}: {_fmt(whole.resolved or 0, unit)}"
            out.append(CrossCheck("subperiods", parts, low, high, verdict, text, whole))
    return out


def _tiling(whole: Group, by_start: dict[str, list[Group]]) -> list[Group]:
    """Consecutive shorter groups that exactly cover ``whole``'s period (longest parts first)."""
    cursor, end = whole.start or '', whole.end or ''
    parts: list[Group] = []
    while cursor <= end:
        options = [g for g in by_start.get(cursor, []) if g is not whole and (g.end or '') <= end
                   and (g.start, g.end) != (whole.start, whole.end)]
        if not options:
            return []
        nxt = max(options, key=lambda g: g.end or '')
        parts.append(nxt)
        if nxt.end == end:
            return parts
        cursor = (dt.date.fromisoformat(nxt.end or end) + dt.timedelta(days=1)).isoformat()
    return []


def _parts(part_groups: list[Group], levels: dict[tuple[str, str, str, str], Group]) -> list[CrossCheck]:
    """Each part at most its total, and the parts one source gives for a total at most that total together."""
    out = []
    by_total: dict[tuple[str, str, str, str], list[Group]] = defaultdict(list)
    for p in part_groups:
        total = levels.get((p.company, p.metric, p.start or '', p.end or ''))
        if total is None or (piv := _iv(p)) is None or (t := _iv(total)) is None:
            continue
        by_total[(p.company, p.metric, p.start or '', p.end or '')].append(p)
        verdict = "consistent" if piv[0] <= t[1] else "inconsistent"
        unit = p.key[5]
        text = f"part {_fmt(p.resolved or 0, unit)} of total {_fmt(total.resolved or 0, unit)} ({p.period[0]})"
        out.append(CrossCheck("parts", [p], piv[0], piv[1], verdict, text, total))
    for key, parts in by_total.items():
        if len(parts) < 2:
            continue
        total = levels[key]
        t = _iv(total)
        ivs = [_iv(p) for p in parts]
        if t is None or any(i is None for i in ivs):
            continue
        low, high = sum(i[0] for i in ivs if i), sum(i[1] for i in ivs if i)
        verdict = "consistent" if low <= t[1] else "inconsistent"
        unit = total.key[5]
        names = " + ".join(_fmt(p.resolved or 0, unit) for p in parts)
        text = f"parts {names} = {_fmt((low + high) / 2, unit)} of total {_fmt(total.resolved or 0, unit)}"
        out.append(CrossCheck("parts", parts, low, high, verdict, text, total))
    return out
