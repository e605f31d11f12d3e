"""Claims as the analysis sees them: one :class:`Fact` per claim, or a :class:`FactTable` of columns.

The analysis reads columns (arrays and lists) for everything it computes over all claims; a :class:`Fact`
object is made only for the claims a report, a revision or a correction looks at. A large import or a
truth-discovery set therefore never builds one Python object per claim unless its groups are printed.

>>> t = FactTable.from_rows(ids=["a", "b"], sources=["wire", "blog"], companies=["Acme", "Acme"],
...                         metrics=["revenue", "revenue"], low=[5e9, 4e9], high=[5e9, 4e9], points=[5e9, 4e9],
...                         decimals=[-8, -8], units=["USD", "USD"], stated=["$5.0B", "$4.0B"],
...                         period=("2025-Q3", "2025-07-01", "2025-09-30"))
>>> len(t), t.fact(1).source, t.fact(1) is t.fact(1)
(2, 'blog', True)
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

Arr = npt.NDArray[Any]


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
    named: str | None = None  # the company as the article wrote it, when the analysis shows another spelling

    @property
    def value(self) -> float:
        return self.point if self.point is not None else (self.low + self.high) / 2


_TEXT = ("id", "source", "company", "metric", "measure", "qualifier", "unit", "period_label", "period_start",
         "period_end", "modality", "revises", "stated", "quote", "author", "publisher", "published", "title",
         "category")


@dataclass
class FactTable:
    """Claims as columns, row i being claim i; :meth:`fact` makes (once) the :class:`Fact` of a row.

    ``lo`` and ``hi`` (the comparison intervals) are set by the analysis and copied into every fact it makes.
    """

    id: list[str]
    source: list[str]
    company: list[str]
    metric: list[str]
    measure: list[str]
    low: Arr
    high: Arr
    point: Arr  # NaN where the claim states a range only
    decimals: Arr
    qualifier: list[str]
    unit: list[str]
    period_label: list[str | None]
    period_start: list[str | None]
    period_end: list[str | None]
    modality: list[str]
    revises: list[str | None]
    stated: list[str]
    quote: list[str]
    author: list[str | None]
    publisher: list[str | None]
    published: list[str | None]
    title: list[str | None]
    category: list[str | None]
    lo: Arr | None = None
    hi: Arr | None = None
    made: list[Fact | None] = field(default_factory=list, repr=False)
    _codes: dict[str, tuple[Arr, list[Any]]] = field(default_factory=dict, repr=False, compare=False)
    # The company as each article wrote it, when :func:`claimgraph.analysis.identity.unify_companies` put some
    # claims under another spelling of their company (``company`` then holds the display names).
    named: list[str] | None = None
    # Why a claim's period is not the one its article gave (:func:`claimgraph.analysis.calendars.on_company_calendars`)
    period_from: list[str | None] | None = None

    def codes(self, name: str) -> tuple[Arr, list[Any]]:
        """Column ``name`` numbered by its distinct values (see :func:`column_codes`), computed once."""
        found = self._codes.get(name)
        if found is None:
            found = self._codes[name] = column_codes(getattr(self, name))
        return found

    def spans(self) -> tuple[Arr, list[str]]:
        """Every row's period length (:func:`claimgraph.analysis.conflicts.period_span`), numbered."""
        found = self._codes.get("_span")
        if found is None:
            from claimgraph.analysis.conflicts import period_span

            start, starts = self.codes("period_start")
            end, ends = self.codes("period_end")
            pair = start * max(len(ends), 1) + end
            uniq, inverse = np.unique(pair, return_inverse=True)
            width = max(len(ends), 1)
            spans = [period_span(starts[int(p) // width], ends[int(p) % width]) for p in uniq.tolist()]
            code, values = column_codes(spans)
            found = self._codes["_span"] = (code[inverse], values)
        return found

    def __post_init__(self) -> None:
        if not self.made:
            self.made = [None] * len(self.id)

    def __len__(self) -> int:
        return len(self.id)

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts())

    def fact(self, i: int) -> Fact:
        """The :class:`Fact` of row ``i`` (the same object on every call)."""
        f = self.made[i]
        if f is None:
            p = float(self.point[i])
            f = Fact(self.id[i], self.source[i], self.company[i], self.metric[i], self.measure[i],
                     float(self.low[i]), float(self.high[i]), None if math.isnan(p) else p, int(self.decimals[i]),
                     self.qualifier[i], self.unit[i], self.period_label[i], self.period_start[i],
                     self.period_end[i], self.modality[i], self.revises[i], self.stated[i], self.quote[i],
                     self.author[i], self.publisher[i], self.published[i], self.title[i], category=self.category[i])
            if self.lo is not None and self.hi is not None:
                f.cmp_low, f.cmp_high = float(self.lo[i]), float(self.hi[i])
            if self.named is not None and self.named[i] != f.company:
                f.named = self.named[i]
            if self.period_from is not None and self.period_from[i]:
                f.inherited = self.period_from[i]
            self.made[i] = f
        return f

    def facts(self, rows: Sequence[int] | Arr | None = None) -> list[Fact]:
        """The facts of ``rows`` (default: every row), made when first asked for."""
        if rows is None:
            rows = range(len(self))
        made, fact = self.made, self.fact
        return [made[i] or fact(i) for i in (rows.tolist() if isinstance(rows, np.ndarray) else rows)]

    def set_intervals(self, lo: Arr, hi: Arr) -> None:
        """Store the comparison intervals, on the columns and on the facts already made."""
        self.lo, self.hi = lo, hi
        for i, f in enumerate(self.made):
            if f is not None:
                f.cmp_low, f.cmp_high = float(lo[i]), float(hi[i])

    def set_period_starts(self, starts: list[str | None], notes: list[str | None]) -> None:
        """Store moved period starts and why each moved (``period_from``), on the columns and on the facts already
        made; the codes of the start and of the spans are computed again when next asked for."""
        self.period_start, self.period_from = starts, notes
        for name in ("period_start", "_span"):
            self._codes.pop(name, None)
        for i, f in enumerate(self.made):
            if f is not None:
                f.period_start, f.inherited = starts[i], notes[i] or f.inherited

    @property
    def value(self) -> Arr:
        """Each claim's value: its point, else the middle of its range."""
        out: Arr = np.where(np.isnan(self.point), (self.low + self.high) / 2, self.point)
        return out

    @classmethod
    def from_facts(cls, facts: Sequence[Fact]) -> FactTable:
        """The columns of ``facts`` (the table makes no new objects: :meth:`fact` returns these)."""
        n = len(facts)
        cols: dict[str, Any] = {name: [getattr(f, name) for f in facts] for name in _TEXT}
        table = cls(low=np.fromiter((f.low for f in facts), float, n),
                    high=np.fromiter((f.high for f in facts), float, n),
                    point=np.fromiter((math.nan if f.point is None else f.point for f in facts), float, n),
                    decimals=np.fromiter((f.decimals for f in facts), np.int64, n), made=list(facts), **cols)
        return table

    @classmethod
    def from_rows(cls, *, ids: list[str], sources: list[str], companies: list[str], metrics: list[str],
                  low: Sequence[float] | Arr, high: Sequence[float] | Arr, points: Sequence[float | None] | Arr,
                  decimals: Sequence[int] | Arr, units: list[str], stated: list[str],
                  period: tuple[str | None, str | None, str | None] | None = None,
                  periods: tuple[list[str | None], list[str | None], list[str | None]] | None = None,
                  measures: list[str] | None = None, qualifiers: list[str] | None = None,
                  modalities: list[str] | None = None, categories: list[str | None] | None = None,
                  **optional: list[Any]) -> FactTable:
        """A table from columns; a single ``period`` (label, start, end) or per-row ``periods`` lists.

        ``optional`` columns (``revises``, ``quote``, ``author``, ``publisher``, ``published``, ``title``)
        default to empty.
        """
        n = len(ids)
        if periods is None:
            label, start, end = period or (None, None, None)
            periods = ([label] * n, [start] * n, [end] * n)
        pts = np.asarray([math.nan if p is None else p for p in points], dtype=float) \
            if not isinstance(points, np.ndarray) else points.astype(float)
        none: list[Any] = [None] * n
        return cls(ids, sources, companies, metrics, measures or ["level"] * n, np.asarray(low, dtype=float),
                   np.asarray(high, dtype=float), pts, np.asarray(decimals, dtype=np.int64),
                   qualifiers or ["exact"] * n, units, periods[0], periods[1], periods[2],
                   modalities or ["reported"] * n, optional.get("revises", none), stated,
                   optional.get("quote", [""] * n), optional.get("author", none), optional.get("publisher", none),
                   optional.get("published", none), optional.get("title", none), categories or none)


def column_codes(col: Sequence[Any]) -> tuple[Arr, list[Any]]:
    """Each value's number among the column's distinct values (in order of appearance), and those values.

    >>> codes, values = column_codes(["b", "a", "b"])
    >>> codes.tolist(), values
    ([0, 1, 0], ['b', 'a'])
    """
    values = list(dict.fromkeys(col))
    if len(values) == 1:
        return np.zeros(len(col), dtype=np.int64), values
    number = {v: i for i, v in enumerate(values)}
    return np.fromiter(map(number.__getitem__, col), np.int64, len(col)), values


def as_table(facts: Sequence[Fact] | FactTable) -> FactTable:
    """``facts`` as a table (a table is returned as it is)."""
    return facts if isinstance(facts, FactTable) else FactTable.from_facts(facts)
