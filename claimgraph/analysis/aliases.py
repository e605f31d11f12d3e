"""One company under two near names across articles, merged only when their figures say so.

:func:`claimgraph.sources.companies.company_key` makes one key of the spellings that need no evidence (case,
punctuation, legal forms and their abbreviations, a possessive). Some spellings of one company need more than the
name: a wire title misspelt by one letter ("ACME INDUSTRAL PRODUCTS" for "Acme Industrial Products Inc"), a name
with a generic last word left out in one item ("Acme Associates Industries" and "Acme Associates Inc"), or leading
initials left out ("J.B. Acme Co" and "ACME"). Two keys are **near** (:func:`near`) when, after leaving out such a
generic last word and a short run of leading initials, they are equal or (both of ten letters or more) one letter
apart (a letter added, dropped, changed, or two neighbours swapped); or when one (of six letters or more) is the
start of the other: a headline's short name, the body's full one ("ACME OIL" and "Acme Oil and Gas Ltd").

Near is never enough: two near keys are one company only when the claims of the two names **share figures**
(:func:`shared_figures`): at least :data:`MIN_SHARED` figures of different metrics or periods, each the same metric
and measure, the same period length with ends within a week (52/53-week calendars), and the same value at the
precision each states, in articles of one publisher published within :data:`MAX_DAYS` days of each other; a name
that is the start of the other must moreover never state another value for a metric and period both state (a
company and a unit named after it, "Acme Motor" and "Acme Motor Credit", report different figures). Two
different companies with near names ("Dart Group" and "Dart Industries") do not report the same figures; names
that are not near are never merged, whatever their figures ("American Express" and "American Exploration",
"Dart Group" and "Dart & Kraft").

>>> near("resturantassociatesindustries", "restaurantassociates"), near("hjheinz", "heinz")
(True, True)
>>> near("americanexpress", "americanexploration"), near("dart", "dartkraft"), near("acme", "acne")
(False, False, False)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from claimgraph.analysis.facts import FactTable

MIN_SHARED = 2  # figures two near names must share to be one company
MAX_DAYS = 7  # their articles published this close (the same results, reported twice)
END_DAYS = 7  # period ends this close are one period (52/53-week calendars)
_MIN_TYPO = 10  # keys this long may differ by one letter
# a generic last word that one item writes and another leaves out
_GENERIC_TAIL = ("industries", "international", "enterprises", "companies", "corporation", "incorporated")
_MAX_INITIALS = 2  # leading letters that may be initials ("hj" of "H.J. Heinz"; not "adc" of "ADC Telecommunications")
_MIN_START = 6  # a key this long may be the start of another's ("acmeoil" of "acmeoilgas")


def _core(key: str) -> str:
    for tail in _GENERIC_TAIL:
        if key.endswith(tail) and len(key) > len(tail) + 2:
            return key[:-len(tail)]
    return key


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, dropped or changed, or two neighbours swapped.

    >>> _one_edit("restaurant", "resturant"), _one_edit("abcd", "abdc"), _one_edit("abcd", "abcd")
    (True, True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
                                      and a[i + 2:] == b[i + 2:])


def near(a: str, b: str) -> bool:
    """Whether two company keys may be one company's (see the module docstring); never for equal keys."""
    return _nearness(a, b) > 0


def _nearness(a: str, b: str, ca: str | None = None, cb: str | None = None) -> int:
    """0: not near; 1: near; 2: one name the start of the other ("Acme Oil" of "Acme Oil and Gas"), near only when
    the two names' figures never disagree (a company and its unit named after it report different figures).
    ``ca`` and ``cb``: the keys' cores when known."""
    if a == b:
        return 0
    ca, cb = ca if ca is not None else _core(a), cb if cb is not None else _core(b)
    if len(ca) > len(cb):
        ca, cb = cb, ca
    if ca == cb:
        return 1
    if len(ca) >= 5 and cb.endswith(ca) and len(cb) - len(ca) <= _MAX_INITIALS:
        return 1  # leading initials left out
    if len(ca) >= _MIN_TYPO and _one_edit(ca, cb):
        return 1
    return 2 if len(ca) >= _MIN_START and cb.startswith(ca) else 0


def near_pairs(keys: Iterable[str]) -> list[tuple[str, str]]:
    """The near pairs among ``keys``, compared within blocks of keys that share their core's first or last four
    letters (a one-letter change leaves one of them; initials leave the last ones)."""
    blocks: dict[tuple[int, str], list[str]] = defaultdict(list)
    core = {k: _core(k) for k in set(keys)}
    for k in sorted(core):
        c = core[k]
        blocks[(0, c[:4])].append(k)
        blocks[(1, c[-4:])].append(k)
    out: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) > 1:
            out.update(_block_pairs(members, core))
    return sorted(out)


def _block_pairs(members: list[str], core: dict[str, str]) -> Iterator[tuple[str, str]]:
    """The near pairs of one block: only keys whose cores are of about one length (a letter, the initials), or one
    the start of the other (consecutive in the cores' order), can be near."""
    by_len: dict[int, list[str]] = defaultdict(list)
    for k in members:
        by_len[len(core[k])].append(k)
    for k in members:
        ck = core[k]
        for length in range(len(ck), len(ck) + _MAX_INITIALS + 1):
            for o in by_len.get(length, ()):
                if (length > len(ck) or o > k) and _nearness(k, o, ck, core[o]):
                    yield (k, o) if k < o else (o, k)
    ordered = sorted(members, key=lambda m: (core[m], m))
    for i, k in enumerate(ordered):
        ck = core[k]
        for o in ordered[i + 1:]:
            if not core[o].startswith(ck):
                break
            if len(core[o]) - len(ck) > _MAX_INITIALS and _nearness(k, o, ck, core[o]):
                yield (k, o) if k < o else (o, k)


def near_keys(touched: Iterable[str], others: Iterable[str]) -> set[str]:
    """The keys of ``others`` near a key of ``touched`` (blocked as in :func:`near_pairs`): the stored companies an
    incremental analysis of ``touched`` must read too.

    >>> sorted(near_keys({"heinz"}, ["hjheinz", "heineken", "heinz", "acme"]))
    ['hjheinz']
    """
    mine = set(touched)
    blocks: dict[tuple[int, str], list[str]] = defaultdict(list)
    for k in set(others) - mine:
        c = _core(k)
        blocks[(0, c[:4])].append(k)
        blocks[(1, c[-4:])].append(k)
    out: set[str] = set()
    for k in mine:
        c = _core(k)
        for block in ((0, c[:4]), (1, c[-4:])):
            out.update(o for o in blocks.get(block, ()) if near(k, o))
    return out


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def shared_figures(table: FactTable, rows_a: Sequence[int], rows_b: Sequence[int]) -> tuple[int, int]:
    """How many figures (distinct metric and period) the claims ``rows_a`` and ``rows_b`` of ``table`` share (see
    the module docstring), and how many of the same metric and period they state with other values."""
    from claimgraph.analysis.conflicts import period_span

    def figure(i: int) -> tuple[str, str, str] | None:
        end = table.period_end[i]
        if not end or table.category[i] is not None or np.isnan(table.point[i]):
            return None
        return table.metric[i], table.measure[i], period_span(table.period_start[i], end)

    by: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i in rows_b:
        if (f := figure(i)) is not None:
            by[f].append(i)
    shared, differ = set(), set()
    for i in rows_a:
        f = figure(i)
        if f is None or f not in by:
            continue
        end_a, day_a = _day(table.period_end[i]), _day(table.published[i])
        for j in by[f]:
            end_b, day_b = _day(table.period_end[j]), _day(table.published[j])
            if end_a is None or end_b is None or abs((end_a - end_b).days) > END_DAYS \
                    or table.source[i] == table.source[j] or table.publisher[i] != table.publisher[j] \
                    or (day_a is None) != (day_b is None) \
                    or (day_a is not None and day_b is not None and abs((day_a - day_b).days) > MAX_DAYS):
                continue
            unit = 10.0 ** -int(min(table.decimals[i], table.decimals[j]))
            figure_id = (*f, min(table.period_end[i] or "", table.period_end[j] or ""))
            if abs(float(table.point[i]) - float(table.point[j])) <= unit / 2 + 1e-9 * abs(float(table.point[i])):
                shared.add(figure_id)
            else:
                differ.add(figure_id)
    return len(shared), len(differ - shared)


def alias_keys(table: FactTable, keys: Sequence[str]) -> dict[str, str]:
    """Each key of ``keys`` (one per row of ``table``) that is another company's spelling: key to key. Of two
    merged keys, the one with more claims stays (ties: the smaller)."""
    rows: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        rows[k].append(i)
    if len(rows) < 2:
        return {}
    parent = {k: k for k in rows}
    members = {k: [k] for k in rows}

    def find(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for a, b in near_pairs(rows):
        shared, differ = shared_figures(table, rows[a], rows[b])
        if shared >= MIN_SHARED and not (differ and _nearness(a, b) == 2):
            ra, rb = find(a), find(b)
            # (every two names of a merged company near each other: a short "Acme" that shares figures with
            # "Acme Steel" in one story and with "Acme Foods" in another never joins the two)
            if ra != rb and all(near(x, y) for x in members[ra] for y in members[rb]):
                keep, drop = sorted((ra, rb), key=lambda k: (-len(rows[k]), k))
                parent[drop] = keep
                members[keep] += members.pop(drop)
    return {k: find(k) for k in rows if find(k) != k}
