"""A company's fiscal calendar, learned from the claims whose period ends on a date a text states, and applied to
its claims whose period came from a label alone, in every article of the analysis.

A results table headed "4TH QTR" says nothing about the company's calendar: extraction dates it to the calendar
quarter (October to December). Another item about the same company may state the end ("the fourth quarter ended
January 3", "sales ... for the year ended January 31"). The analysis learns the company's **quarter-end grid** from
such claims (periods of three, six, nine or twelve months whose end lies inside a month, a 52/53-week date, or whose
fiscal label puts the year's end in another month than December; those whose quote or headline names the end's
month first) and moves every claim of that company whose period is a quarter, half, nine months or year of the calendar
quarters' grid named by a label alone ("1986-Q4", "1986", or a fiscal quarter extraction guessed from "1ST QTR" and
the publication date, "FY1987-Q1" to December; its own words do not name the month) to the period of the same
length that ends on the grid point nearest its end. The claims in the store keep the periods their articles gave
them (the RDF stays the source of truth); only the analysis (groups, their periods, and every report read from
them) sees the moved dates, so a fresh ``analyse`` and the analysis kept by ``ingest`` (which re-analyses every
claim of a touched company) agree whichever article came first.

>>> from claimgraph.analysis.facts import FactTable
>>> t = FactTable.from_rows(ids=["a", "b"], sources=["story", "table"], companies=["Acme", "Acme"],
...     metrics=["eps", "eps"], low=[-0.76, -0.76], high=[-0.76, -0.76], points=[-0.76, -0.76], decimals=[2, 2],
...     units=["USD", "USD"], stated=["76 cts", "loss 76 cts"],
...     periods=(["FY1987-Q4", "1986-Q4"], ["1986-10-05", "1986-10-01"], ["1987-01-03", "1986-12-31"]),
...     quote=["a loss for the fourth quarter ended January 3 of 76 cts a share", "Shr loss 76 cts vs loss 21 cts"])
>>> on_company_calendars(t)
1
>>> t.period_start[1], t.period_end[1], t.period_label[1]
('1986-10-05', '1987-01-03', '1986-Q4')
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from claimgraph.analysis.facts import FactTable

_CALENDAR_LABEL = re.compile(r"^\d{4}(?:-(?:Q[1-4]|H[12]|9M))?$")  # the default calendar's labels: "1986-Q4", "1986"
_FISCAL_LABEL = re.compile(r"^FY\d{4}(?:-(?:Q[1-4]|H[12]|9M))?$")  # a fiscal calendar extraction established
_MONTHS = (3, 6, 9, 12)  # the lengths that end on a quarter end: quarter, half, nine months, year
SNAP_DAYS = 7  # grid points this close are one (a 52/53-week year ends on another day of the same week each year)
_REACH_DAYS = 46  # a calendar period moves to a grid point at most half a quarter away


@dataclass(frozen=True, slots=True)
class Anchor:
    """One quarter end of a company's calendar: ``month`` and ``day`` (0: the month's last day); the others are
    every third month on the same day."""

    month: int
    day: int

    def point(self, months: int) -> dt.date:
        """The grid date in the month numbered ``months`` (year * 12 + month - 1)."""
        year, m = divmod(months, 12)
        last = _calendar.monthrange(year, m + 1)[1]
        return dt.date(year, m + 1, min(self.day, last) if self.day else last)

    def nearest(self, day: dt.date) -> dt.date:
        """The grid date nearest ``day``."""
        base = day.year * 12 + day.month - 1
        points = [self.point(m) for m in range(base - 2, base + 3) if (m % 12 + 1 - self.month) % 3 == 0]
        return min(points, key=lambda p: (abs((p - day).days), p))


def _month_end(d: dt.date) -> bool:
    return d.day == _calendar.monthrange(d.year, d.month)[1]


def _months(start: dt.date, end: dt.date) -> int:
    return max(1, round(((end - start).days + 1) / 30.44))


def _anchor_of(label: str | None, start: dt.date, end: dt.date) -> Anchor | None:
    """The grid a claim's period states: an end inside a month (a stated 52/53-week date), or a fiscal label on a
    calendar whose quarters do not end with March, June, September and December; else None."""
    if _months(start, end) not in _MONTHS:
        return None
    if not _month_end(end):
        return Anchor(end.month, end.day)
    if label and _FISCAL_LABEL.match(label) and end.month % 3 != 0:
        return Anchor(end.month, 0)
    return None


_MONTH_WORDS = [re.compile(rf"(?i)\b{m}\b") for m in (
    "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
    "sept?(?:ember)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?")]


def _names_month(table: FactTable, i: int) -> bool:
    """Whether claim ``i``'s quote or its article's title names the month its period ends in: its end is stated
    ("the year ended January 31", "1ST QTR FEB ONE NET"), not guessed from a quarter's number and the publication
    date ("Earlier, Webcor reported a third quarter net loss")."""
    end = table.period_end[i]
    if not end:
        return False
    word = _MONTH_WORDS[int(end[5:7]) - 1]
    return word.search(table.quote[i] or "") is not None or word.search(table.title[i] or "") is not None


def _compatible(a: Anchor, b: Anchor) -> bool:
    probe = b.point(2001 * 12 + b.month - 1)
    return abs((a.nearest(probe) - probe).days) <= SNAP_DAYS


def _grid(evidence: dict[Anchor, set[tuple[str, bool]]]) -> Anchor | None:
    """The company's grid: the anchor backed by most articles that state the end (whose claim's quote or headline
    names its month), then by most articles (a fiscal quarter extraction guessed from its number and the publication
    date backs it too), counting the anchors within a week of it; a stated day before a month's end. None when an
    incompatible grid has as much backing."""
    backing = {a: set().union(*(s for b, s in evidence.items() if _compatible(a, b))) for a in evidence}

    def weight(a: Anchor) -> tuple[int, int]:
        return len({src for src, named in backing[a] if named}), len({src for src, _ in backing[a]})

    best = max(backing, key=lambda a: (weight(a), a.day != 0, len(evidence[a]), -a.month, -a.day))
    if any(weight(a) >= weight(best) and not _compatible(a, best) for a in backing):
        return None  # two calendars with equal backing: none is the company's
    return best


def _moved(anchor: Anchor, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
    """The period of the same length as ``start``-``end`` ending on ``anchor``'s grid point nearest its end."""
    new_end = anchor.nearest(end)
    if new_end == end or abs((new_end - end).days) > _REACH_DAYS:
        return None
    months = _months(start, end)
    if anchor.day:  # a 52/53-week calendar: 13 weeks a quarter
        return new_end - dt.timedelta(weeks=13 * months // 3, days=-1), new_end
    first = new_end.year * 12 + new_end.month - months  # (the month before the first, numbered from year 0)
    return dt.date(first // 12, first % 12 + 1, 1), new_end


def on_company_calendars(table: FactTable) -> int:
    """Move, in place, the calendar periods of every company whose claims state another calendar (see the module
    docstring); the number of claims moved. A claim moved gets a note (``period_from``) naming the grid.

    Computed over the distinct periods (a few per company), then over the rows of the companies that have a grid.
    """
    from claimgraph.analysis.conflicts import row_codes  # (conflicts imports this module)

    n = len(table)
    if not n:
        return 0
    codes = row_codes([table.codes(c)[0] for c in ("period_label", "period_start", "period_end")])
    _, first = np.unique(codes, return_index=True)
    anchors: list[Anchor | None] = []
    for i in first.tolist():
        label, start, end = table.period_label[i], table.period_start[i], table.period_end[i]
        anchors.append(_anchor_of(label, dt.date.fromisoformat(start), dt.date.fromisoformat(end))
                       if start and end and start != end else None)
    if not any(anchors):
        return 0
    stated = np.fromiter((a is not None for a in anchors), bool, len(anchors))[codes]
    evidence: dict[str, dict[Anchor, set[tuple[str, bool]]]] = defaultdict(lambda: defaultdict(set))
    for i in np.flatnonzero(stated).tolist():
        a = anchors[int(codes[i])]
        assert a is not None
        evidence[table.company[i]][a].add((table.source[i], _names_month(table, i)))
    grids = {c: g for c, ev in evidence.items() if (g := _grid(ev)) is not None}
    if not grids:
        return 0
    company, names = table.codes("company")
    grid_of = [grids.get(name) for name in names]
    rows = np.flatnonzero(np.fromiter((g is not None for g in grid_of), bool, len(names))[company])
    starts, ends, labels = table.period_start, table.period_end, table.period_label
    new_start, new_end = list(starts), list(ends)
    notes: list[str | None] = list(table.period_from) if table.period_from is not None else [None] * n
    cache: dict[tuple[Anchor, int], tuple[dt.date, dt.date] | None] = {}
    moved = 0
    for i in rows.tolist():
        grid = grid_of[int(company[i])]
        assert grid is not None
        key = (grid, int(codes[i]))
        if key not in cache:
            s, e = starts[i], ends[i]
            cache[key] = _candidate(grid, labels[i], dt.date.fromisoformat(s), dt.date.fromisoformat(e)) \
                if s and e and s != e else None
        if (to := cache[key]) is None or _names_month(table, i):
            continue  # (a period whose end the claim's own words state stays: "3RD QTR DEC 31")
        new_start[i], new_end[i] = to[0].isoformat(), to[1].isoformat()
        notes[i] = (f"dated on the company's fiscal calendar (quarters ending {_grid_name(grid)}, as other articles "
                    f"state); the article gives {starts[i]} to {ends[i]}")
        moved += 1
    if moved:
        table.period_start, table.period_end, table.period_from = new_start, new_end, notes
        for name in ("period_start", "period_end", "_span"):
            table._codes.pop(name, None)
        for i, f in enumerate(table.made):
            if f is not None:
                f.period_start, f.period_end, f.inherited = new_start[i], new_end[i], notes[i] or f.inherited
    return moved


def _candidate(grid: Anchor, label: str | None, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
    """Where a claim's period moves on ``grid``: a period to a month's end only (a stated day is kept); a period on
    the calendar quarters' grid (ending with March, June, September or December) named by a label alone ("1986-Q4";
    "FY1987-Q1" too: extraction guesses a fiscal quarter from its number and the publication date, on that grid) to
    the nearest grid point; another only within a week (the same period, told with the day)."""
    if not _month_end(end) or _months(start, end) not in _MONTHS:
        return None
    calendar_period = bool(label and (_CALENDAR_LABEL.match(label) or _FISCAL_LABEL.match(label))) \
        and end.month % 3 == 0
    if not calendar_period and abs((grid.nearest(end) - end).days) > SNAP_DAYS:
        return None
    return _moved(grid, start, end)


def _grid_name(grid: Anchor) -> str:
    """How a note names the grid.

    >>> _grid_name(Anchor(1, 0)), _grid_name(Anchor(1, 3))
    ('at the end of Jan, Apr, Jul and Oct', 'on Jan 3, Apr 3, Jul 3 and Oct 3')
    """
    months = [_calendar.month_abbr[m] for m in sorted(((grid.month - 1 + 3 * k) % 12) + 1 for k in range(4))]
    if not grid.day:
        return f"at the end of {', '.join(months[:3])} and {months[3]}"
    days = [f"{m} {grid.day}" for m in months]
    return f"on {', '.join(days[:3])} and {days[3]}"


_QUARTER_LABEL = re.compile(r"-Q[1-4]$")


def on_stated_lengths(table: FactTable) -> int:
    """Give, in place, a company's quarters the length another of its articles states in weeks; the number of
    claims changed. A results table whose note says "Sixteen-week periods" dates its first quarter's columns 16
    weeks back (four months, label kept: ``FY1987-Q1``); the same company's other items on that quarter, without
    the note, date it three months back from the same end. Those claims (same company and quarter label, ends
    within a week, three months long) take the stated start, with a note (``period_from``).

    >>> t = FactTable.from_rows(ids=["a", "b"], sources=["noted", "plain"], companies=["Acme", "Acme"],
    ...     metrics=["revenue"] * 2, low=[1.0, 1.0], high=[1.0, 1.0], points=[1.0, 1.0], decimals=[0, 0],
    ...     units=["USD"] * 2, stated=["1", "1"],
    ...     periods=(["FY1987-Q1"] * 2, ["1986-10-27", "1986-11-16"], ["1987-02-15", "1987-02-15"]))
    >>> on_stated_lengths(t), t.period_start[1]
    (1, '1986-10-27')
    """
    n = len(table)
    if not n:
        return 0
    from claimgraph.analysis.conflicts import row_codes  # (conflicts imports this module)

    codes = row_codes([table.codes(c)[0] for c in ("period_label", "period_start", "period_end")])
    _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    long_quarter = np.zeros(len(first), dtype=bool)
    for c, i in enumerate(first.tolist()):
        label, start, end = table.period_label[i], table.period_start[i], table.period_end[i]
        long_quarter[c] = bool(label and start and end and _QUARTER_LABEL.search(label)) and \
            105 <= (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1 <= 126  # (15-18 weeks)
    if not long_quarter.any():
        return 0
    is_long = long_quarter[inverse]
    stated: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for i in np.flatnonzero(is_long).tolist():
        stated[(table.company[i], table.period_label[i] or "")].append(
            (dt.date.fromisoformat(table.period_start[i] or ""), dt.date.fromisoformat(table.period_end[i] or "")))
    # (the other claims of those companies only)
    company, names = table.codes("company")
    companies = {c for c, _ in stated}
    of_stated = np.fromiter((name in companies for name in names), bool, len(names))[company]
    new_start = list(table.period_start)
    notes: list[str | None] = list(table.period_from) if table.period_from is not None else [None] * n
    changed = 0
    for i in np.flatnonzero(of_stated & ~is_long).tolist():
        label, start, end = table.period_label[i], table.period_start[i], table.period_end[i]
        found = stated.get((table.company[i], label or "")) if start and end else None
        if not found:
            continue
        s, e = dt.date.fromisoformat(start or ""), dt.date.fromisoformat(end or "")
        if _months(s, e) != 3:
            continue
        match = next(((ls, le) for ls, le in found if abs((le - e).days) <= SNAP_DAYS), None)
        if match is None:
            continue
        weeks = ((match[1] - match[0]).days + 1) // 7
        new_start[i] = (e - (match[1] - match[0])).isoformat()
        notes[i] = (f"a quarter of {weeks} weeks, as another article's note on it states; the article gives {start} "
                    f"to {end}")
        changed += 1
    if changed:
        table.set_period_starts(new_start, notes)
    return changed
