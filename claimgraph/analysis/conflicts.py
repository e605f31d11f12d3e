"""Grouping and agreement: XBRL's duplicate-fact rule, extended with hedges, ranges, periods by dates and revisions.

* **Group key** (XBRL's concept, context and unit): company, metric, measure,
  the period's *dates* (its length in months and its end date, never its label:
  a quarter called "3rd qtr" in one item and "4th qtr" in another is one group
  when it ends on the same day), unit, and modality class. A quarter, a half,
  nine months and a year are different lengths, so cumulative figures are their
  own groups and never compared with a quarter's. Reported actuals, prior-period
  comparatives and preliminary figures form the ``actual`` class; analysts'
  estimates and consensus figures form the ``estimate`` class (a series beside
  the actuals, compared with them as beat or miss, never as a conflict);
  guidance and the prior guidance it replaced form the ``guidance`` class (per
  publication date when known); each article's own forecasts form a class of
  their own.
* **Interval.** A value stated to ``decimals`` d covers [v - ½·10^-d, v + ½·10^-d)
  (half-open, so 123,456 and 123,457 do not agree). A headline figure rounded to
  whole units of a scale ("$55B" for $55.6B) may be a truncation, so with
  ``truncation`` on its top is v + 10^-d. Hedges have already widened the claim's
  own interval (see :mod:`claimgraph.sources.quantities`).
* **Agreement.** A group is consistent when all intervals share a point; else
  the maximal consistent clusters are the sides of a conflict (or, for
  estimates, of a ``divergent`` spread of opinions). A conflict is between
  articles: when one side holds a claim of every article in the group, the
  articles agree on that value, and the other figures come from articles that
  also state it (a note's "gain of 50 cts a share" read as the year's EPS), so
  the group is consistent with a reason saying so (the other claims stay in it
  and dissent from the resolved value).
* **Revisions.** A claim is superseded when a newer statement replaces it: a
  claim that revises it (prov:wasRevisionOf), the same figure in a corrected
  re-issue of its article (:mod:`claimgraph.analysis.corrections`), or the
  final figure for a preliminary one. It and the claims that agree only with it
  leave the comparison, and the group is marked ``revision`` instead of
  ``conflict``.
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

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

ACTUAL = ("reported", "prior_period", "preliminary")
FINAL = ("reported", "prior_period")
ESTIMATE = ("analyst_estimate", "consensus", "estimate")
CATEGORY = "category"  # the unit of categorical claims: the value is the normalised text


@dataclass(frozen=True, slots=True)
class AgreementConfig:
    """Knobs of the agreement rule (documented in docs/conflicts.md)."""

    truncation: bool = True  # allow "$55B" to be a truncated $55.6B
    guidance_by_date: bool = True  # split guidance groups by publication date
    snap_days: int = 7  # periods of one length whose ends are this close are one period (52/53-week calendars)


@dataclass(slots=True)
class Fact:
    """One claim as the analysis sees it (``category`` set for a categorical value, else numeric)."""

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
    category: str | None = None
    inherited: str | None = None  # why the period was taken from another article (corrections)

    @property
    def value(self) -> float:
        return self.point if self.point is not None else (self.low + self.high) / 2


def comparison_interval(f: Fact, cfg: AgreementConfig) -> tuple[float, float]:
    """The half-open interval a claim covers at its stated precision.

    >>> f = Fact("a", "x", "C", "m", "level", 55e9, 55e9, 55e9, -9, "exact", "USD", None, None, None,
    ...          "reported", None, stated="$55B")
    >>> [round(x / 1e9, 6) for x in comparison_interval(f, AgreementConfig())]
    [54.5, 56.0]
    >>> [round(x / 1e9, 6) for x in comparison_interval(f, AgreementConfig(truncation=False))]
    [54.5, 55.5]
    """
    if f.category is not None:
        return (0.0, 0.0)
    step = 10.0 ** (-f.decimals)
    # Just under half a step, so that neighbours at the same precision (0.93 and 0.94) never touch in floating point.
    half = max(step / 2 * (1 - 1e-9), abs(f.value) * 1e-12, 1e-300)
    low, high = f.low - half, f.high + half
    if cfg.truncation and f.qualifier == "exact" and f.decimals < 0 and f.point is not None \
            and "." not in f.stated and f.unit not in ("percent", "pp", "x"):
        if f.point >= 0:
            high = f.high + step
        else:
            low = f.low - step
    return (low, high)


def modality_class(f: Fact, cfg: AgreementConfig) -> str:
    """Which statements may be compared: actuals with actuals, estimates with estimates, one guidance with itself."""
    if f.modality in ACTUAL:
        return "actual"
    if f.modality in ESTIMATE:
        return "estimate"
    if f.modality in ("guidance", "prior_guidance"):
        return f"guidance@{f.published}" if cfg.guidance_by_date and f.published else "guidance"
    return f"forecast@{f.source}"


@lru_cache(maxsize=65536)
def period_span(start: str | None, end: str | None) -> str:
    """A period by its dates: ``instant`` or its length in whole months (``P3M``, ``P9M``, ``P12M``).

    >>> period_span("1986-10-01", "1986-12-31"), period_span("1986-09-28", "1986-12-27"), period_span("x", "x")
    ('P3M', 'P3M', 'instant')
    """
    if not start or not end or start == end:
        return "instant"
    days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1
    return f"P{max(1, round(days / 30.44))}M"


@dataclass
class Group:
    """Claims that state the same thing, and what the analysis found."""

    key: tuple[str, ...]
    facts: list[Fact]
    status: str = "consistent"  # consistent | conflict | revision | divergent | possible_conflict | unresolved
    clusters: list[list[Fact]] = field(default_factory=list)
    superseded: list[Fact] = field(default_factory=list)
    revisions: list[tuple[Fact, Fact]] = field(default_factory=list)  # (newer, older)
    reason: str = ""
    compared_with: list[Group] = field(default_factory=list)
    resolved: float | None = None
    resolved_low: float | None = None
    resolved_high: float | None = None
    resolved_text: str | None = None  # the resolved category of a categorical group
    resolution: str = ""  # resolved | undecided ("" before resolution or when nothing to resolve)
    confidence: float | None = None
    independent: int = 0  # independent sources behind the resolved value (copies counted once)
    candidates: list[dict[str, Any]] = field(default_factory=list)
    support: list[Fact] = field(default_factory=list)
    dissent: list[Fact] = field(default_factory=list)
    _period: tuple[str | None, str | None, str | None] | None = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        return hashlib.sha256("\x1f".join(self.key).encode()).hexdigest()[:24]

    @property
    def current(self) -> list[Fact]:
        if not self.superseded:
            return self.facts
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
    def unit(self) -> str:
        return self.key[5]

    @property
    def modality_class(self) -> str:
        return self.key[6]

    @property
    def start(self) -> str | None:
        return self.period[1]

    @property
    def end(self) -> str | None:
        return self.period[2]

    @property
    def period(self) -> tuple[str | None, str | None, str | None]:
        """The period's most common label, start and end among the members (the dates decide the group)."""
        if self._period is None:
            dated = [f for f in self.facts if f.period_end]
            if len(dated) == 1 or (dated and len({(f.period_label, f.period_start, f.period_end) for f in dated}) == 1):
                f = dated[0]
                self._period = (f.period_label, f.period_start, f.period_end)
            elif not dated:
                f = self.facts[0]
                self._period = (f.period_label, f.period_start, f.period_end)
            else:
                self._period = (_most_common(f.period_label for f in dated), _most_common(f.period_start for f in dated),
                                _most_common(f.period_end for f in dated))
        return self._period

    @property
    def labels(self) -> list[str]:
        """Every label the members give the period ("1986-Q4", "FY1987-Q3" for the same three months)."""
        return sorted({f.period_label for f in self.facts if f.period_label})


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def group_key(f: Fact, cfg: AgreementConfig, end: str | None = None) -> tuple[str, ...]:
    unit = CATEGORY if f.category is not None else f.unit
    key = (f.company, f.metric, f.measure, period_span(f.period_start, f.period_end), end or f.period_end or "",
           unit, modality_class(f, cfg))
    if f.measure == "part":
        # Different parts of one total are not duplicates: only the same part (same value) is compared.
        return (*key, f"{f.value:.3g}")
    return key


def clusters(facts: list[Fact]) -> list[list[Fact]]:
    """Maximal sets of intervals that share a point (maximal cliques of an interval graph), by sweep.

    Intervals are half-open, so touching ends do not share a point; equal categories share one.

    >>> mk = lambda i, lo, hi: Fact(i, "s", "C", "m", "level", lo, hi, None, 0, "exact", "USD", None, None,
    ...                               None, "reported", None, cmp_low=lo, cmp_high=hi)
    >>> [[f.id for f in c] for c in clusters([mk("a", 0, 2), mk("b", 1, 3), mk("c", 5, 6), mk("d", 6, 7)])]
    [['a', 'b'], ['c'], ['d']]
    """
    if any(f.category is not None for f in facts):
        by_cat: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            by_cat[f.category or ""].append(f)
        return [by_cat[k] for k in sorted(by_cat)]
    events: list[tuple[float, int, int]] = []
    for i, f in enumerate(facts):
        events.append((f.cmp_low, 1, i))
        events.append((f.cmp_high, 0, i))  # at equal coordinates an interval ends before the next starts
    events.sort()
    active: set[int] = set()
    out: list[list[Fact]] = []
    grew = False
    for _, kind, i in events:
        if kind == 1:
            active.add(i)
            grew = True
        else:
            if grew:
                out.append([facts[j] for j in sorted(active)])
                grew = False
            active.discard(i)
    return out


def consistent(facts: Iterable[Fact]) -> bool:
    fs = list(facts)
    if not fs:
        return True
    if fs[0].category is not None:
        return len({f.category for f in fs}) == 1
    return max(f.cmp_low for f in fs) < min(f.cmp_high for f in fs)


def overlaps(a: Fact, b: Fact) -> bool:
    if a.category is not None or b.category is not None:
        return a.category == b.category
    return a.cmp_low < b.cmp_high and b.cmp_low < a.cmp_high


def analyse_groups(facts: list[Fact], cfg: AgreementConfig,
                   corrected_by: Mapping[str, Iterable[str]] | None = None) -> list[Group]:
    """Group facts and decide each group's status; see the module docstring.

    ``corrected_by`` maps an article to the articles that correct it (found by
    :func:`claimgraph.analysis.corrections.link_corrections`).
    """
    for f in facts:
        f.cmp_low, f.cmp_high = comparison_interval(f, cfg)
    by_id = {f.id: f for f in facts}
    revised_by: dict[str, Fact] = {}
    for f in facts:
        if f.revises and f.revises in by_id:
            revised_by[f.revises] = f
    later = _later_versions(corrected_by or {})
    grouped: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    unresolved: list[Fact] = []
    ends = _snapped_ends(facts, cfg)
    for f in facts:
        if f.period_end is None:
            unresolved.append(f)
        else:
            grouped[group_key(f, cfg, ends.get(f.id))].append(f)
    groups = []
    for key in sorted(grouped):
        g = Group(key, grouped[key])
        _decide(g, revised_by, later)
        groups.append(g)
    groups.extend(_unresolved(unresolved, groups, cfg))
    return groups


def _snapped_ends(facts: list[Fact], cfg: AgreementConfig) -> dict[str, str]:
    """Durations of one length whose ends lie within ``snap_days`` share the earliest end (one fiscal period)."""
    series: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for f in facts:
        if f.period_end and f.period_start and f.period_start != f.period_end:
            series[(f.company, f.metric, period_span(f.period_start, f.period_end))].add(f.period_end)
    canon: dict[tuple[str, ...], dict[str, str]] = {}
    for k, ends in series.items():
        mapping: dict[str, str] = {}
        anchor: dt.date | None = None
        anchor_s = ""
        for e in sorted(ends):
            d = dt.date.fromisoformat(e)
            if anchor is None or (d - anchor).days > cfg.snap_days:
                anchor, anchor_s = d, e
            mapping[e] = anchor_s
        canon[k] = mapping
    out: dict[str, str] = {}
    for f in facts:
        if f.period_end and f.period_start and f.period_start != f.period_end:
            snapped = canon[(f.company, f.metric, period_span(f.period_start, f.period_end))][f.period_end]
            if snapped != f.period_end:
                out[f.id] = snapped
    return out


def _later_versions(corrected_by: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """Every article that corrects an article, directly or through a chain of corrections."""
    out: dict[str, set[str]] = {}
    for art in corrected_by:
        seen: set[str] = set()
        todo = list(corrected_by.get(art, ()))
        while todo:
            a = todo.pop()
            if a in seen:
                continue
            seen.add(a)
            todo.extend(corrected_by.get(a, ()))
        out[art] = seen
    return out


def _decide(g: Group, revised_by: dict[str, Fact], later: dict[str, set[str]]) -> None:
    if len(g.facts) == 1:
        g.clusters = [g.facts]
        return
    pairs: list[tuple[Fact, Fact]] = []
    candidates = [f for f in g.facts if f.id in revised_by or f.source in later or f.modality == "preliminary"]
    for f in candidates:
        if f.id in revised_by:
            pairs.append((revised_by[f.id], f))
            continue
        newer = [h for h in g.facts if h.source in later.get(f.source, ())]
        # Compare with the newest versions only: a chain of corrections ends with the current figure.
        sources = {h.source for h in newer}
        newer = [h for h in newer if not later.get(h.source, set()) & sources]
        if not newer and f.modality == "preliminary":
            newer = [h for h in g.facts if h.modality in FINAL]
        if newer and not any(overlaps(f, h) for h in newer):
            pairs.append((max(newer, key=lambda h: (h.published or "", h.id)), f))
    g.revisions = pairs
    if pairs:
        old = [o for _, o in pairs]
        newer_ids = {id(n) for n, _ in pairs}
        old_ids = {id(o) for o in old}
        stale = [f for f in g.facts if id(f) not in old_ids and id(f) not in newer_ids
                 and any(overlaps(f, o) for o in old)
                 and not any(overlaps(f, n) for n, _ in pairs)]
        g.superseded = old + stale
    current = g.current
    if consistent(current):
        g.status = "revision" if g.revisions else "consistent"
        g.clusters = [current] if current else []
        return
    g.clusters = clusters(current)
    if g.modality_class == "estimate":
        g.status = "divergent"
        return
    sources = {f.source for f in current}
    common = [c for c in g.clusters if {f.source for f in c} == sources]
    if common:
        # Every article states one common value; the others come from articles that also state it (a note's
        # figure, a part): an article is not in conflict with itself, so the sources agree.
        g.status = "revision" if g.revisions else "consistent"
        g.reason = (f"every article states {common[0][0].stated or common[0][0].value}; other figures of the same "
                    "articles are not compared with it (an article does not contradict itself)")
        return
    g.status = "conflict"


def _unresolved(facts: list[Fact], groups: list[Group], cfg: AgreementConfig) -> list[Group]:
    index: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for g in groups:
        index[(g.key[0], g.key[1], g.key[2], g.key[5], g.key[6])].append(g)
    out = []
    for f in facts:
        unit = CATEGORY if f.category is not None else f.unit
        candidates = index.get((f.company, f.metric, f.measure, unit, modality_class(f, cfg)), [])
        g = Group((f.company, f.metric, f.measure, "", "", unit, modality_class(f, cfg), f.id), [f])
        g.clusters = [[f]]
        if not candidates:
            g.status, g.reason = "unresolved", "period unresolved; no group to compare with"
        elif any(all(overlaps(f, c) for c in cand.current) for cand in candidates):
            g.status, g.reason = "consistent", "period unresolved; agrees with a group of the same metric"
            g.compared_with = [c for c in candidates if all(overlaps(f, x) for x in c.current)]
        else:
            g.status, g.reason = "possible_conflict", "period unresolved"
            g.compared_with = candidates
        out.append(g)
    return out
