"""Grouping and agreement: XBRL's duplicate-fact rule, extended with hedges, ranges and revisions.

* **Group key** (XBRL's concept, context and unit): company, metric, measure,
  period start and end, unit, and modality class. Reported actuals and
  prior-period comparatives form the ``actual`` class; guidance and the prior
  guidance it replaced form the ``guidance`` class (per publication date when
  known); each article's own forecasts form a class of their own.
* **Interval.** A value stated to ``decimals`` d covers [v - ½·10^-d, v + ½·10^-d].
  A whole-number headline figure may be a truncation ("$55B" for $55.6B), so
  with ``truncation`` on its top is v + 10^-d. Hedges have already widened the
  claim's own interval (see :mod:`claimgraph.sources.quantities`).
* **Agreement.** A group is consistent when all intervals share a point; else
  the maximal consistent clusters are the sides of a conflict.
* **Revisions.** A claim revised by another (prov:wasRevisionOf) is superseded:
  it and the claims that agree only with it leave the comparison, and the group
  is marked ``revision`` instead of ``conflict``.
* **Unresolved periods.** A claim without a period is compared with every group
  of its company, metric, measure and unit; if it fits none it is a
  ``possible_conflict`` ("period unresolved"). It is never dropped.

>>> a = Fact("a", "x", "CoreWeave", "revenue_backlog", "level", 55.6e9, 55.6e9, 55.6e9, -8, "exact", "USD",
...          "2025-09-30", "2025-09-30", "2025-09-30", "reported", None)
>>> b = Fact("b", "y", "CoreWeave", "revenue_backlog", "level", 53.2e9, 58.8e9, 56e9, -9, "approximate", "USD",
...          "2025-09-30", "2025-09-30", "2025-09-30", "reported", None)
>>> [g.status for g in analyse_groups([a, b], AgreementConfig())]
['consistent']
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class AgreementConfig:
    """Knobs of the agreement rule (documented in docs/conflicts.md)."""

    truncation: bool = True  # allow "$55B" to be a truncated $55.6B
    guidance_by_date: bool = True  # split guidance groups by publication date


@dataclass(slots=True)
class Fact:
    """One claim as the analysis sees it."""

    id: str
    source: str  # the article IRI
    company: str
    metric: str
    measure: str
    low: float
    high: float
    point: float | None
    decimals: int
    qualifier: str
    unit: str
    period_label: str | None
    period_start: str | None
    period_end: str | None
    modality: str
    revises: str | None
    stated: str = ""
    quote: str = ""
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    title: str | None = None
    cmp_low: float = 0.0
    cmp_high: float = 0.0

    @property
    def value(self) -> float:
        return self.point if self.point is not None else (self.low + self.high) / 2


def comparison_interval(f: Fact, cfg: AgreementConfig) -> tuple[float, float]:
    """The interval a claim covers at its stated precision.

    >>> f = Fact("a", "x", "C", "m", "level", 55e9, 55e9, 55e9, -9, "exact", "USD", None, None, None,
    ...          "reported", None, stated="$55B")
    >>> comparison_interval(f, AgreementConfig())
    (54500000000.0, 56000000000.0)
    >>> comparison_interval(f, AgreementConfig(truncation=False))
    (54500000000.0, 55500000000.0)
    """
    step = 10.0 ** (-f.decimals)
    half = step / 2
    low, high = f.low - half, f.high + half
    if cfg.truncation and f.qualifier == "exact" and f.decimals <= 0 and f.point is not None \
            and "." not in f.stated and f.unit not in ("percent", "pp", "x"):
        if f.point >= 0:
            high = f.high + step
        else:
            low = f.low - step
    return (low, high)


def modality_class(f: Fact, cfg: AgreementConfig) -> str:
    """Which statements may be compared: actuals with actuals, one guidance issuance with itself."""
    if f.modality in ("reported", "prior_period"):
        return "actual"
    if f.modality in ("guidance", "prior_guidance"):
        return f"guidance@{f.published}" if cfg.guidance_by_date and f.published else "guidance"
    return f"forecast@{f.source}"


@dataclass
class Group:
    """Claims that state the same thing, and what the analysis found."""

    key: tuple[str, ...]
    facts: list[Fact]
    status: str = "consistent"  # consistent | conflict | revision | possible_conflict | unresolved
    clusters: list[list[Fact]] = field(default_factory=list)
    superseded: list[Fact] = field(default_factory=list)
    revisions: list[tuple[Fact, Fact]] = field(default_factory=list)  # (newer, older)
    reason: str = ""
    compared_with: list[Group] = field(default_factory=list)
    resolved: float | None = None
    resolved_low: float | None = None
    resolved_high: float | None = None
    support: list[Fact] = field(default_factory=list)
    dissent: list[Fact] = field(default_factory=list)

    @property
    def id(self) -> str:
        return hashlib.sha256("\x1f".join(self.key).encode()).hexdigest()[:24]

    @property
    def current(self) -> list[Fact]:
        gone = {id(f) for f in self.superseded}
        return [f for f in self.facts if id(f) not in gone]

    @property
    def company(self) -> str:
        return self.key[0]

    @property
    def metric(self) -> str:
        return self.key[1]

    @property
    def measure(self) -> str:
        return self.key[2]

    @property
    def period(self) -> tuple[str | None, str | None, str | None]:
        f = self.facts[0]
        return (f.period_label, f.period_start, f.period_end)


def group_key(f: Fact, cfg: AgreementConfig) -> tuple[str, ...]:
    key = (f.company, f.metric, f.measure, f.period_start or "", f.period_end or "", f.unit, modality_class(f, cfg))
    if f.measure == "part":
        # Different parts of one total are not duplicates: only the same part (same value) is compared.
        return (*key, f"{f.value:.3g}")
    return key


def clusters(facts: list[Fact]) -> list[list[Fact]]:
    """Maximal sets of intervals that share a point (maximal cliques of an interval graph), by sweep.

    >>> mk = lambda i, lo, hi: Fact(i, "s", "C", "m", "level", lo, hi, None, 0, "exact", "USD", None, None,
    ...                               None, "reported", None, cmp_low=lo, cmp_high=hi)
    >>> [[f.id for f in c] for c in clusters([mk("a", 0, 2), mk("b", 1, 3), mk("c", 5, 6)])]
    [['a', 'b'], ['c']]
    """
    events: list[tuple[float, int, int]] = []
    for i, f in enumerate(facts):
        events.append((f.cmp_low, 0, i))
        events.append((f.cmp_high, 1, i))
    events.sort()
    active: set[int] = set()
    out: list[list[Fact]] = []
    grew = False
    for _, kind, i in events:
        if kind == 0:
            active.add(i)
            grew = True
        else:
            if grew:
                out.append([facts[j] for j in sorted(active)])
                grew = False
            active.discard(i)
    return out


def _consistent(facts: Iterable[Fact]) -> bool:
    fs = list(facts)
    return not fs or max(f.cmp_low for f in fs) <= min(f.cmp_high for f in fs)


def _overlaps(a: Fact, b: Fact) -> bool:
    return a.cmp_low <= b.cmp_high and b.cmp_low <= a.cmp_high


def analyse_groups(facts: list[Fact], cfg: AgreementConfig) -> list[Group]:
    """Group facts and decide each group's status; see the module docstring."""
    for f in facts:
        f.cmp_low, f.cmp_high = comparison_interval(f, cfg)
    by_id = {f.id: f for f in facts}
    revised_by: dict[str, Fact] = {}
    for f in facts:
        if f.revises and f.revises in by_id:
            revised_by[f.revises] = f
    grouped: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    unresolved: list[Fact] = []
    for f in facts:
        if f.period_end is None:
            unresolved.append(f)
        else:
            grouped[group_key(f, cfg)].append(f)
    groups = []
    for key in sorted(grouped):
        g = Group(key, grouped[key])
        _decide(g, revised_by)
        groups.append(g)
    groups.extend(_unresolved(unresolved, groups, cfg))
    return groups


def _decide(g: Group, revised_by: dict[str, Fact]) -> None:
    old = [f for f in g.facts if f.id in revised_by]
    for f in old:
        g.revisions.append((revised_by[f.id], f))
    if old:
        newer = [revised_by[f.id] for f in old]
        stale = [f for f in g.facts if f not in old and f not in newer
                 and any(_overlaps(f, o) for o in old) and not any(_overlaps(f, n) for n in newer)]
        g.superseded = old + stale
    current = g.current
    if _consistent(current):
        g.status = "revision" if g.revisions else "consistent"
        g.clusters = [current] if current else []
    else:
        g.status = "conflict"
        g.clusters = clusters(current)


def _unresolved(facts: list[Fact], groups: list[Group], cfg: AgreementConfig) -> list[Group]:
    index: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for g in groups:
        index[(g.key[0], g.key[1], g.key[2], g.key[5], g.key[6])].append(g)
    out = []
    for f in facts:
        candidates = index.get((f.company, f.metric, f.measure, f.unit, modality_class(f, cfg)), [])
        g = Group((f.company, f.metric, f.measure, "", "", f.unit, modality_class(f, cfg), f.id), [f])
        g.clusters = [[f]]
        if not candidates:
            g.status, g.reason = "unresolved", "period unresolved; no group to compare with"
        elif any(all(_overlaps(f, c) for c in cand.current) for cand in candidates):
            g.status, g.reason = "consistent", "period unresolved; agrees with a group of the same metric"
            g.compared_with = [c for c in candidates if all(_overlaps(f, x) for x in c.current)]
        else:
            g.status, g.reason = "possible_conflict", "period unresolved"
            g.compared_with = candidates
        out.append(g)
    return out
