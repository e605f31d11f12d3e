"""A company's first, shorter period, as one article states it and another labels it a year.

A company formed during a year reports for its first period, from its start-up to the year's end: one article
states it ("earnings of 155,764 dlrs ... for the period from August 26 startup through the end of 1986", "from
50.76 mln in the 1985 period of 10 months"), another, a results table headed "YEAR", gives the same figure in a
column that extraction dates as the whole year. The year's claim holding the very figure the other article states
for the shorter period, of the same company, metric, unit and end, is that period's: it takes the stated start,
with a note (``period_from``), and the two are one group.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

import numpy as np

from claimgraph.analysis.facts import FactTable

__all__ = ["on_stated_spans"]

SNAP_DAYS = 7  # ends this close are one end (as the group key's snap)
_ACTUAL = frozenset({"reported", "prior_period", "preliminary"})  # the figures compared as results
_ODD_MONTHS = frozenset({1, 2, 4, 5, 7, 8, 10, 11})  # lengths no quarter, half, nine months or year has


def _months(start: dt.date, end: dt.date) -> int:
    return max(1, round(((end - start).days + 1) / 30.44))


def _months_of(span: str) -> int:
    """The number of months of a span as :meth:`FactTable.spans` names it (``P4M``; 0 for an instant)."""
    return int(span[1:-1]) if span.startswith("P") and span.endswith("M") else 0


def _same_figure(a: float, da: float, b: float, db: float) -> bool:
    """Whether two stated figures are the same number at the coarser of their precisions (never zero)."""
    if not a or not b or math.isnan(a) or math.isnan(b):
        return False
    step = math.pow(10.0, -min(da, db))
    return abs(a - b) <= step / 2 * (1 + 1e-9)


def on_stated_spans(table: FactTable) -> int:
    """Give, in place, a company's year-long claims the shorter first period another of its articles states for the
    very same figure; the number of claims changed.

    >>> t = FactTable.from_rows(ids=["a", "b"], sources=["story", "table"], companies=["Acme", "Acme"],
    ...     metrics=["net_income"] * 2, low=[155764.0] * 2, high=[155764.0] * 2, points=[155764.0] * 2,
    ...     decimals=[0, 0], units=["USD"] * 2, stated=["155,764 dlrs", "155,764"],
    ...     periods=(["1986-08-26..1986-12-31", "1986"], ["1986-08-26", "1986-01-01"], ["1986-12-31", "1986-12-31"]))
    >>> on_stated_spans(t), t.period_start[1]
    (1, '1986-08-26')
    """
    n = len(table)
    if not n:
        return 0
    code, names = table.spans()  # (the rows of odd lengths and of years only: none in most imports)
    odd = np.fromiter((_months_of(name) in _ODD_MONTHS for name in names), bool, len(names))
    if not odd.any():
        return 0
    year = np.fromiter((_months_of(name) == 12 for name in names), bool, len(names))
    stated: dict[tuple[str, str, str, str], list[tuple[int, dt.date, dt.date]]] = defaultdict(list)
    years: list[tuple[int, dt.date, dt.date]] = []
    lengths: dict[tuple[str, str], tuple[dt.date, dt.date, int]] = {}  # (each distinct period once)
    for i in np.flatnonzero(odd[code] | year[code]).tolist():
        start, end = table.period_start[i], table.period_end[i]
        if not start or not end or start == end or table.measure[i] != "level" or table.modality[i] not in _ACTUAL:
            continue
        if (known := lengths.get((start, end))) is None:
            d0, d1 = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
            known = lengths[(start, end)] = (d0, d1, _months(d0, d1))
        s, e, months = known
        if months in _ODD_MONTHS:
            stated[(table.company[i], table.metric[i], table.unit[i], table.measure[i])].append((i, s, e))
        elif months == 12:
            years.append((i, s, e))
    if not stated or not years:
        return 0
    new_start = list(table.period_start)
    notes: list[str | None] = list(table.period_from) if table.period_from is not None else [None] * n
    changed = 0
    for i, s, e in years:
        found = stated.get((table.company[i], table.metric[i], table.unit[i], table.measure[i]))
        if not found:
            continue
        match = [(j, js, je) for j, js, je in found if table.source[j] != table.source[i]
                 and abs((je - e).days) <= SNAP_DAYS
                 and _same_figure(float(table.point[i]), float(table.decimals[i]),
                                  float(table.point[j]), float(table.decimals[j]))]
        starts = {js for _, js, _ in match}
        if len(starts) != 1:
            continue  # (none, or two articles stating two starts: left as extracted)
        first = starts.pop()
        new_start[i] = first.isoformat()
        notes[i] = (f"the company's first period, from {first.isoformat()}, as another article states for the same "
                    f"figure; the article gives {s.isoformat()} to {e.isoformat()}")
        changed += 1
    if changed:
        table.set_period_starts(new_start, notes)
    return changed
