"""Grouping and agreement: XBRL's duplicate-fact rule, extended with hedges, ranges, periods by dates and revisions.

* **Group key** (XBRL's concept, context and unit): company (by its
  :func:`claimgraph.analysis.identity.company_key`: "IVACO" and "Ivaco Inc" are
  one company, shown under its most used spelling), metric, measure,
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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from claimgraph.analysis.calendars import on_company_calendars, on_stated_lengths
from claimgraph.analysis.categories import CATEGORY, categorise_mixed
from claimgraph.analysis.facts import Fact, FactTable, as_table, column_codes
from claimgraph.analysis.identity import company_key, unify_companies
from claimgraph.analysis.spans import on_stated_spans

Arr = npt.NDArray[Any]
__all__ = ["CATEGORY", "Fact", "FactTable", "Group", "analyse_groups", "column_codes"]
ACTUAL = ("reported", "prior_period", "preliminary")
FINAL = ("reported", "prior_period")
ESTIMATE = ("analyst_estimate", "consensus", "estimate")
_NO_TRUNCATION = ("percent", "pp", "x")  # ratios are never truncations of a more precise figure
GROUP_BASE = "https://w3id.org/claimgraph/id/group/"  # str(ID["group/"]); checked in claimgraph.analysis.analyse


@dataclass(frozen=True, slots=True)
class AgreementConfig:
    """Knobs of the agreement rule (documented in docs/conflicts.md)."""

    truncation: bool = True  # allow "$55B" to be a truncated $55.6B
    guidance_by_date: bool = True  # split guidance groups by publication date
    snap_days: int = 7  # periods of one length whose ends are this close are one period (52/53-week calendars)


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
    if f.qualifier == "approximate" and f.modality in ACTUAL and f.point is not None:
        # a result "about 20.4 mln" is that figure rounded: it agrees with what rounds to it at its precision,
        # not with anything within the hedge's 5% (an outlook's "about" keeps its width)
        low, high = f.point - half, f.point + half
    if cfg.truncation and f.qualifier == "exact" and f.decimals < 0 and f.point is not None \
            and "." not in f.stated and f.unit not in _NO_TRUNCATION:
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
    _facts: list[Fact] | None  # None: made from the table rows in ``_rows`` when first read
    status: str = "consistent"  # consistent | conflict | revision | divergent | possible_conflict | unresolved
    _clusters: list[list[Fact]] | None = field(default=None, repr=False)  # None: [current], or ``_sides``
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
    _period: tuple[str | None, str | None, str | None] | None = field(default=None, repr=False, compare=False)
    # The resolution's candidates, support and dissent are filled from its arrays when first read (most groups
    # of a large analysis are never printed): ``_lazy`` is (filler, index), see claimgraph.analysis.truth.
    _candidates: list[dict[str, Any]] | None = field(default=None, repr=False, compare=False)
    _support: list[Fact] | None = field(default=None, repr=False, compare=False)
    _dissent: list[Fact] | None = field(default=None, repr=False, compare=False)
    _lazy: Any = field(default=None, repr=False, compare=False)
    # Where the group's facts are in the analysis columns: (columns, first position in columns.order, count,
    # group number); ``_sides`` are the sides as row numbers of the table, when computed over arrays.
    _rows: tuple[Columns, int, int, int] | None = field(default=None, repr=False, compare=False)
    _sides: list[list[int]] | None = field(default=None, repr=False, compare=False)
    _id: str | None = field(default=None, repr=False, compare=False)

    @property
    def facts(self) -> list[Fact]:
        """Every claim of the group (superseded ones included)."""
        if self._facts is None:
            if self._rows is None:
                self._facts = []
            else:
                cols, start, count, _ = self._rows
                self._facts = cols.table.facts(cols.order[start:start + count])
        return self._facts

    @facts.setter
    def facts(self, value: list[Fact]) -> None:
        self._facts = value

    @property
    def size(self) -> int:
        """How many claims the group has (without making their facts)."""
        if self._facts is None and self._rows is not None:
            return self._rows[2]
        return len(self.facts)

    @property
    def clusters(self) -> list[list[Fact]]:
        """The sides: maximal sets of current claims that agree (one side when the group is consistent)."""
        if self._clusters is None:
            if self._sides is not None and self._rows is not None:
                table = self._rows[0].table
                self._clusters = [table.facts(side) for side in self._sides]
            else:
                current = self.current
                self._clusters = [current] if current else []
        return self._clusters

    @clusters.setter
    def clusters(self, value: list[list[Fact]]) -> None:
        self._clusters = value

    def _fill(self, part: str = "support") -> None:
        """Fill the candidates, or the support and dissent, from the resolution's arrays (see ``_lazy``)."""
        lazy = self._lazy
        if lazy is not None:
            if part == "candidates":
                lazy[0].fill_candidates(self, lazy[1])
            else:
                lazy[0].fill_support(self, lazy[1])
            if self._candidates is not None and self._support is not None:
                self._lazy = None
            return
        for name in ("_candidates", "_support", "_dissent"):
            if getattr(self, name) is None:
                setattr(self, name, [])

    @property
    def candidates(self) -> list[dict[str, Any]]:
        """Every candidate value with its evidence (when the group had more than one, or is undecided)."""
        if self._candidates is None:
            self._fill("candidates")
        assert self._candidates is not None
        return self._candidates

    @candidates.setter
    def candidates(self, value: list[dict[str, Any]]) -> None:
        self._candidates = value

    @property
    def support(self) -> list[Fact]:
        """The current claims that state the resolved value."""
        if self._support is None:
            self._fill()
        assert self._support is not None
        return self._support

    @support.setter
    def support(self, value: list[Fact]) -> None:
        self._support = value

    @property
    def dissent(self) -> list[Fact]:
        """The current claims that do not state the resolved value (all of them when undecided)."""
        if self._dissent is None:
            self._fill()
        assert self._dissent is not None
        return self._dissent

    @dissent.setter
    def dissent(self, value: list[Fact]) -> None:
        self._dissent = value

    @property
    def id(self) -> str:
        if self._id is None:
            # by the company's key, not its display name: a group keeps its IRI when another spelling of the
            # company becomes the most used one
            key = (company_key(self.key[0]), *self.key[1:])
            self._id = hashlib.sha256("\x1f".join(key).encode()).hexdigest()[:24]
        return self._id

    @property
    def iri(self) -> str:
        """The group's IRI (``cgid:group/<id>``)."""
        return f"{GROUP_BASE}{self.id}"

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
        if self._period is None and self._facts is None and self._rows is not None:
            cols, start, _, gi = self._rows
            if cols.same_period is not None and cols.same_period[gi]:
                row = int(cols.order[start])
                t = cols.table
                self._period = (t.period_label[row], t.period_start[row], t.period_end[row])
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


def analyse_groups(facts: Sequence[Fact] | FactTable, cfg: AgreementConfig,
                   corrected_by: Mapping[str, Iterable[str]] | None = None) -> list[Group]:
    """Group facts and decide each group's status; see the module docstring.

    ``facts`` are :class:`Fact` objects or a :class:`FactTable`. ``corrected_by`` maps an article to the
    articles that correct it (found by :func:`claimgraph.analysis.corrections.link_corrections`). The keys are
    built column by column, and the consistency of each group and the sides of conflicting groups are computed
    over arrays of all the claims at once (no object per claim is made for them); groups with revisions,
    corrections, preliminary figures or categories are decided one by one.
    """
    table = unify_companies(as_table(facts))
    if not len(table):
        return []
    on_company_calendars(table)  # calendar periods of a company whose other claims state its fiscal calendar
    on_stated_lengths(table)  # and quarters whose length another of its articles states in weeks
    on_stated_spans(table)  # and years whose figure another article states for the company's first, shorter period
    _read_mixed_items(table, cfg)
    cols = Columns.of(table, cfg)
    revised_by: dict[str, Fact] = {}
    if any(table.revises):
        ids = {v: i for i, v in enumerate(table.id)}
        for i, r in enumerate(table.revises):
            if r and r in ids:
                revised_by[r] = table.fact(i)
    later = _later_versions(corrected_by or {})
    keys, gid = _group_ids(table, cfg)
    special = np.fromiter((m == "preliminary" for m in table.modality), bool, len(table))
    if revised_by or later:
        special |= np.fromiter((i in revised_by or s in later for i, s in zip(table.id, table.source, strict=True)),
                               bool, len(table))
    groups = _decide_all(cols, keys, gid, special, revised_by, later)
    groups.extend(_unresolved(table.facts(np.flatnonzero(gid < 0)), groups, cfg))
    return groups


@dataclass
class Columns:
    """One analysis's arrays over its table, row i being the table's row i (shared by grouping and resolution)."""

    table: FactTable
    lo: Arr  # comparison intervals
    hi: Arr
    value: Arr  # the stated point, else the middle of the range
    src: Arr  # the source's number in ``sources``
    sources: list[str]
    order: Arr = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # rows in group order
    same_period: Arr | None = None  # per group: all members give the same label, start and end
    sides: tuple[Arr, Arr, Arr] | None = None  # sides found over arrays: (clique, position in order, split groups)

    @classmethod
    def of(cls, table: FactTable, cfg: AgreementConfig) -> Columns:
        """Compute every claim's comparison interval (kept on the table and its facts) and the shared columns."""
        lo, hi = comparison_intervals(table, cfg)
        table.set_intervals(lo, hi)
        src, sources = table.codes("source")
        return cls(table, lo, hi, table.value, src, sources)


def _read_mixed_items(table: FactTable, cfg: AgreementConfig) -> None:
    """Items stated with words by some sources and numbers by others are categorical (see
    :func:`claimgraph.analysis.categories.categorise_mixed`); nothing is computed when no claim, or every claim,
    is categorical."""
    values = table.codes("category")[1]
    if None not in values or values == [None]:
        return
    ends, end_values = table.codes("period_end")
    item = row_codes([table.codes("company")[0], table.codes("metric")[0], table.codes("measure")[0],
                      table.codes("period_start")[0], ends, column_codes(_classes(table, cfg))[0]])
    categorise_mixed(table, item, ends != end_values.index(None) if None in end_values else np.ones(len(ends), bool))


def _group_ids(table: FactTable, cfg: AgreementConfig) -> tuple[list[tuple[str, ...]], Arr]:
    """Each claim's group (-1 without a period) and the group keys (see :func:`group_key`), built column by
    column: each column is numbered, the numbers combined, and a key tuple made once per group.

    The key's end is the period's end, snapped: periods of one length whose ends lie within ``snap_days`` of the
    earliest share it (52/53-week fiscal calendars end on different days of the same week).
    """
    n = len(table)
    category = table.codes("category")
    units = table.codes("unit") if category[1] == [None] else column_codes(
        [CATEGORY if c is not None else u for c, u in zip(table.category, table.unit, strict=True)])
    modality = table.codes("modality")
    classes = (modality[0], [_CLASSES[m] for m in modality[1]]) if all(m in _CLASSES for m in modality[1]) \
        else column_codes(_classes(table, cfg))
    columns: list[tuple[Arr, list[Any]]] = [table.codes("company"), table.codes("metric"), table.codes("measure"),
                                            table.spans(), table.codes("period_end"), units, classes]
    if "part" in columns[2][1]:
        # Different parts of one total are not duplicates: only the same part (same value) is compared.
        value = table.value.tolist()
        columns.append(column_codes([f"{v:.3g}" if m == "part" else "" for m, v in zip(table.measure, value,
                                                                                     strict=True)]))
    combined = row_codes([c for c, _ in columns])
    end_code, end_values = columns[4]
    dated = np.flatnonzero(end_code != end_values.index(None)) if None in end_values else np.arange(n)
    _, first, inverse = np.unique(combined[dated], return_index=True, return_inverse=True)
    picked = [(codes[dated[first]].tolist(), values) for codes, values in columns]
    raw = list(zip(*[[values[c] for c in chosen] for chosen, values in picked], strict=True))
    if len(columns) > 7:
        raw = [k if k[2] == "part" else k[:7] for k in raw]
    series: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for k in raw:
        if k[3] != "instant":
            series[(k[0], k[1], k[3])].add(k[4])
    canon = {s: m for s, found in series.items() if len(found) > 1 and (m := _snap(found, cfg.snap_days))}
    index: dict[tuple[str, ...], int] = {}
    final_of = np.empty(len(raw), dtype=np.int64)
    for r, k in enumerate(raw):
        moved = canon.get((k[0], k[1], k[3]), {}).get(k[4]) if canon else None
        final = k if moved is None else (*k[:4], moved, *k[5:])
        final_of[r] = index.setdefault(final, len(index))
    gid = np.full(n, -1, dtype=np.int64)
    gid[dated] = final_of[inverse]
    return list(index), gid


def _classes(table: FactTable, cfg: AgreementConfig) -> list[str]:
    """:func:`modality_class` of every row."""
    out = [_CLASSES.get(m, "") for m in table.modality]
    for i, c in enumerate(out):
        if not c:
            m = table.modality[i]
            if m in ("guidance", "prior_guidance"):
                pub = table.published[i]
                out[i] = f"guidance@{pub}" if cfg.guidance_by_date and pub else "guidance"
            else:
                out[i] = f"forecast@{table.source[i]}"
    return out


def row_codes(columns: Sequence[list[Any] | Arr]) -> Arr:
    """One number per row (0, 1, ...) such that two rows get the same number exactly when they agree in every
    column (columns are lists of hashable values, or arrays of numbers already).

    >>> row_codes([["a", "a", "b"], [1, 2, 1]]).tolist() == row_codes([["x", "x", "y"], [5, 6, 5]]).tolist()
    True
    """
    n = len(columns[0])
    combined = np.zeros(n, dtype=np.int64)
    for col in columns:
        if isinstance(col, np.ndarray):
            code, width = col.astype(np.int64), int(col.max(initial=0)) + 1
        else:
            code, values = column_codes(col)
            width = len(values)
        if int(combined.max(initial=0)) * width + width >= 2**62:
            combined = np.unique(combined, return_inverse=True)[1].astype(np.int64)
        combined = combined * width + code
    out: Arr = np.unique(combined, return_inverse=True)[1].astype(np.int64)  # numbered 0.. in order of value
    return out


_CLASSES = {**{m: "actual" for m in ACTUAL}, **{m: "estimate" for m in ESTIMATE}}


def _snap(ends: set[str], days: int) -> dict[str, str]:
    """Ends that move to the earliest end within ``days`` before them."""
    mapping: dict[str, str] = {}
    anchor: dt.date | None = None
    anchor_s = ""
    for e in sorted(ends):
        d = dt.date.fromisoformat(e)
        if anchor is None or (d - anchor).days > days:
            anchor, anchor_s = d, e
        if anchor_s != e:
            mapping[e] = anchor_s
    return mapping


def comparison_intervals(table: FactTable, cfg: AgreementConfig) -> tuple[Arr, Arr]:
    """:func:`comparison_interval` of every row as two arrays (categorical claims get [0, 0))."""
    low, high, point, decimals = table.low, table.high, table.point, table.decimals
    value = table.value
    uniq, inverse = np.unique(decimals, return_inverse=True)
    step = np.asarray([10.0 ** (-int(d)) for d in uniq.tolist()])[inverse]  # Python's pow, as the scalar rule
    half = np.maximum(np.maximum(step / 2 * (1 - 1e-9), np.abs(value) * 1e-12), 1e-300)
    lo, hi = low - half, high + half
    qualifier, qualifiers = table.codes("qualifier")
    if "approximate" in qualifiers:
        # (results hedged with "about" at their stated precision, as comparison_interval)
        modality, modalities = table.codes("modality")
        approx = np.asarray([q == "approximate" for q in qualifiers], dtype=bool)[qualifier]
        approx &= np.asarray([m in ACTUAL for m in modalities], dtype=bool)[modality] & ~np.isnan(point)
        if approx.any():
            lo = np.where(approx, point - half, lo)
            hi = np.where(approx, point + half, hi)
    if cfg.truncation:
        texts, stated = table.codes("stated")
        dotted = np.fromiter(("." in t for t in stated), bool, len(stated))[texts]
        unit, units = table.codes("unit")
        rounded = np.asarray([q == "exact" for q in qualifiers], dtype=bool)[qualifier]
        rounded &= np.asarray([u not in _NO_TRUNCATION for u in units], dtype=bool)[unit]
        rounded &= ~dotted & (decimals < 0) & ~np.isnan(point)
        hi = np.where(rounded & (point >= 0), high + step, hi)
        lo = np.where(rounded & (point < 0), low - step, lo)
    codes, values = table.codes("category")
    categorical = np.asarray([v is not None for v in values], dtype=bool)[codes]
    if categorical.any():
        lo[categorical] = 0.0
        hi[categorical] = 0.0
    return lo, hi


def _decide_all(cols: Columns, keys: list[tuple[str, ...]], gid: Arr, special: Arr, revised_by: dict[str, Fact],
                later: dict[str, set[str]]) -> list[Group]:
    """Build the groups in key order and decide them: arrays for plain numeric groups, :func:`_decide` for others.

    Plain groups keep their claims as rows of the table (facts are made when a report reads them).
    """
    if not keys:
        return []
    ranked = sorted(range(len(keys)), key=keys.__getitem__)
    rank = np.empty(len(keys), dtype=np.int64)
    rank[ranked] = np.arange(len(keys))
    dated = np.flatnonzero(gid >= 0)
    r = rank[gid[dated]]
    order = dated[np.argsort(r, kind="stable")]
    cols.order = order
    counts = np.bincount(r, minlength=len(keys))
    starts = np.cumsum(counts) - counts
    groups = [Group(keys[k], None) for k in ranked]
    for gi, (g, st, c) in enumerate(zip(groups, starts.tolist(), counts.tolist(), strict=True)):
        g._rows = (cols, st, c, gi)
    t = cols.table
    pcode = row_codes([t.codes("period_label")[0], t.codes("period_start")[0], t.codes("period_end")[0]])[order]
    cols.same_period = np.minimum.reduceat(pcode, starts) == np.maximum.reduceat(pcode, starts)
    sgrp = np.repeat(np.arange(len(groups)), counts)
    slo, shi = cols.lo[order], cols.hi[order]
    one_by_one = np.bincount(sgrp, weights=special[order], minlength=len(groups)) > 0
    categorical = np.fromiter((k[5] == CATEGORY for k in keys), bool, len(keys))[ranked]
    consistent_ = np.maximum.reduceat(slo, starts) < np.minimum.reduceat(shi, starts)
    if categorical.any():
        codes, values = t.codes("category")
        text_rank = np.empty(len(values), dtype=np.int64)
        text_rank[sorted(range(len(values)), key=lambda i: values[i] or "")] = np.arange(len(values))
        rank = text_rank[codes][order]
        same = np.minimum.reduceat(rank, starts) == np.maximum.reduceat(rank, starts)
        consistent_ = np.where(categorical, same, consistent_)
        # Sides of a categorical group are its distinct values: an interval [rank, rank + 1) per value.
        slo = np.where(categorical[sgrp], rank.astype(float), slo)
        shi = np.where(categorical[sgrp], rank + 0.5, shi)
    for gi in np.flatnonzero(one_by_one).tolist():
        _decide(groups[gi], revised_by, later)
    split = ~one_by_one & ~consistent_
    if split.any():
        _split_groups(groups, cols, sgrp, slo, shi, split)
    return groups


def _split_groups(groups: list[Group], cols: Columns, sgrp: Arr, slo: Arr, shi: Arr, split: Arr) -> None:
    """Sides of the inconsistent numeric groups, and their status (see :func:`_decide`), over arrays."""
    pos = np.flatnonzero(split[sgrp])
    clique, member = clique_members(sgrp[pos], slo[pos], shi[pos])
    member = pos[member]
    categorical = np.fromiter((g.key[5] == CATEGORY for g in groups), bool, len(groups))
    numeric = ~categorical[sgrp[member]]
    cols.sides = (clique[numeric], member[numeric], split & ~categorical)  # reused by the resolution
    ssrc = cols.src[cols.order]
    n_src = max(len(cols.sources), 1)
    per_clique = np.bincount(distinct(clique * n_src + ssrc[member]) // n_src)
    per_group = np.bincount(distinct(sgrp[pos] * n_src + ssrc[pos]) // n_src, minlength=len(groups))
    first = np.flatnonzero(np.r_[True, clique[1:] != clique[:-1]])
    clique_grp = sgrp[member[first]]
    common = (per_clique == per_group[clique_grp]).tolist()
    bounds = np.r_[first, len(member)].tolist()
    rows = cols.order[member].tolist()
    group_first = np.flatnonzero(np.r_[True, clique_grp[1:] != clique_grp[:-1]])
    stated, values = cols.table.stated, cols.value
    for a, b in zip(group_first.tolist(), np.r_[group_first[1:], len(first)].tolist(), strict=True):
        g = groups[int(clique_grp[a])]
        g._sides = [rows[bounds[c]:bounds[c + 1]] for c in range(a, b)]
        shared = [c for c in range(a, b) if common[c]]
        row = rows[bounds[shared[0]]] if shared else None
        _set_split_status(g, None if row is None else (stated[row] or str(float(values[row]))))


def _set_split_status(g: Group, common: str | None) -> None:
    """The status of a group whose claims do not all agree; ``common`` is the value every article states."""
    if g.modality_class == "estimate":
        g.status = "divergent"
    elif common is not None:
        # Every article states one common value; the others come from articles that also state it (a note's
        # figure, a part): an article is not in conflict with itself, so the sources agree.
        g.status = "revision" if g.revisions else "consistent"
        g.reason = (f"every article states {common}; other figures of the same articles are not compared with it "
                    "(an article does not contradict itself)")
    else:
        g.status = "conflict"


def distinct(values: Arr) -> Arr:
    """The distinct values, sorted (``np.unique`` by sorting: numpy 2's hashing path is far slower on big arrays).

    >>> distinct(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    s = np.sort(values)
    out: Arr = s[np.r_[True, s[1:] != s[:-1]]] if len(s) else s
    return out


def clique_members(grp: Arr, lo: Arr, hi: Arr, *, chunk: int = 4_000_000) -> tuple[Arr, Arr]:
    """The maximal cliques of several interval graphs at once (the sweep of :func:`clusters`, vectorised).

    ``grp`` numbers each interval's group, ascending (a group's intervals are contiguous). Returns parallel
    arrays (clique, member): cliques numbered in group order, then sweep order; members ascending in a clique.

    >>> c, m = clique_members(np.array([0, 0, 0, 0, 1]), np.array([0., 1., 5., 6., 0.]), np.array([2., 3., 6., 7., 1.]))
    >>> c.tolist(), m.tolist()
    ([0, 0, 1, 2, 3], [0, 1, 2, 3, 4])
    """
    m = len(grp)
    idx = np.arange(m)
    coord = np.concatenate([lo, hi])
    kind = np.concatenate([np.ones(m, dtype=np.int8), np.zeros(m, dtype=np.int8)])  # an end sorts before a start
    ev_grp = np.concatenate([grp, grp])
    order = np.lexsort((np.concatenate([idx, idx]), kind, coord, ev_grp))
    k, g = kind[order], ev_grp[order]
    emit = np.flatnonzero((k[1:] == 0) & (k[:-1] == 1) & (g[1:] == g[:-1])) + 1
    at = np.empty(2 * m, dtype=np.int64)
    at[order] = np.arange(2 * m)
    start_at, end_at = at[:m], at[m:]
    g_lo = np.searchsorted(grp, g[emit], "left")
    sizes = np.searchsorted(grp, g[emit], "right") - g_lo
    out_c: list[Arr] = []
    out_m: list[Arr] = []
    cum = np.cumsum(sizes)
    begin = 0
    while begin < len(emit):
        stop = max(int(np.searchsorted(cum, (cum[begin - 1] if begin else 0) + chunk, "right")), begin + 1)
        sz = sizes[begin:stop]
        c = np.repeat(np.arange(begin, stop), sz)
        offs = np.arange(len(c)) - np.repeat(np.cumsum(sz) - sz, sz)
        mem = np.repeat(g_lo[begin:stop], sz) + offs
        e = emit[c]
        keep = (start_at[mem] < e) & (e <= end_at[mem])
        out_c.append(c[keep])
        out_m.append(mem[keep])
        begin = stop
    if not out_c:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(out_c), np.concatenate(out_m)


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
        # (not the figure a correction notice says it replaces: "36 cts, not the 37 cts it reported")
        newer = [h for h in g.facts if h.source in later.get(f.source, ()) and h.modality != "preliminary"]
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
    sources = {f.source for f in current}
    common = next((c for c in g.clusters if {f.source for f in c} == sources), None)
    _set_split_status(g, None if common is None else (common[0].stated or str(common[0].value)))


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
