"""Statement tables laid out with spaces in plain text, read into the same :class:`~claimgraph.sources.grids.Grid`
as pipe tables.

A press release sent as text aligns its table with spaces::

                                  Three Months Ended      Six Months Ended
                                       June 30,                June 30,
                                   2025       2024        2025       2024
    Revenue                      $ 512.4    $ 478.9     $ 998.0    $ 940.2
    Net income                   $  61.3    $  49.0     $ 115.2    $  92.8

* A **row** is a label at the left and figures separated from it and from one another by two spaces or more
  ("$" and ")" stay with their number).
* **Columns** are where the figures of the rows end (numbers are right-aligned); a heading line's words belong to
  every column they lie over, so "Three Months Ended" spans both year columns below it.
* The **block** is the run of rows, with the label-only lines among them ("Net income per share:") and up to four
  heading lines right above the first row; a blank line ends it unless a row follows.

Wire results tables ("Shr 1.74 dlrs vs 1.89 dlrs", single spaces) are not this layout and are left to
:mod:`~claimgraph.sources.tables`.

>>> text = ("           2025      2024\\nRevenue   $ 512.4   $ 478.9\\nNet income   61.3     49.0\\n")
>>> [g.rows[0][2] for g in find_text_grids(text)]
[('', '2025', '2024')]
>>> [g.rows[2][2] for g in find_text_grids(text)]
[('Net income', '61.3', '49.0')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.sources.grids import Grid, cell_value

_SEGMENT = re.compile(r"\S+(?: \S+)*")  # words separated by single spaces: one cell
_LONE = re.compile(r"^(?:[$€£¥]|US\$|C\$|A\$|\(|\)|%)$")
MAX_HEADS = 4
_NO_FIGURE = re.compile(r"(?i)^(?:n/?a|n\.?m\.?|nil|—|–|-{1,2})$")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the line in the text
    end: int
    segments: tuple[tuple[int, int, str], ...]  # (first column, end column, text)


def find_text_grids(text: str) -> list[Grid]:
    """The space-aligned tables of ``text`` (see the module docstring)."""
    lines = _lines(text)
    out: list[Grid] = []
    n = 0
    while n < len(lines):
        if not _is_row(lines[n]):
            n += 1
            continue
        first = n
        last = n
        k = n + 1
        while k < len(lines):
            if _is_row(lines[k]):
                last = k
            elif not _label_only(lines[k]) and not (not lines[k].segments and k + 1 < len(lines)
                                                    and _is_row(lines[k + 1])) \
                    and not _wrapped_label(lines, k):
                break
            k += 1
        rows = [ln for ln in lines[first:last + 1] if ln.segments]
        if sum(1 for ln in rows if _is_row(ln)) >= 2:
            heads = _heads(lines, first)
            out.append(_grid(heads, rows))
        n = last + 1
    return out


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, pos = pos, pos + len(raw)
        body = raw.rstrip("\r\n")
        segs = [(m.start(), m.end(), m.group(0)) for m in _SEGMENT.finditer(body)]
        out.append(_Line(start, start + len(body), tuple(_merge_lone(segs))))
    return out


def _merge_lone(segs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "$" and "(" set apart by spaces join the number after them, ")" and "%" the one before ("$  61.3")."""
    out: list[tuple[int, int, str]] = []
    for seg in segs:
        if out and _LONE.match(out[-1][2]) and out[-1][2] not in (")", "%"):
            a, _, t = out.pop()
            seg = (a, seg[1], f"{t} {seg[2]}")
        elif out and seg[2] in (")", "%"):
            a, _, t = out.pop()
            seg = (a, seg[1], f"{t}{seg[2]}")
        out.append(seg)
    return out


def _is_row(line: _Line) -> bool:
    """A label and at least one figure, the figures two spaces or more apart."""
    segs = line.segments
    if len(segs) < 2 or not segs[0][2][:1].isalpha() or len(line.segments[0][2]) > 80:
        return False
    figures = [cell_value(t) for _, _, t in segs[1:]]
    # ("n/a", "nm", "—": a cell with no figure, beside figures)
    return any(f is not None for f in figures) and all(f is not None or _NO_FIGURE.match(t)
                                                       for f, (_, _, t) in zip(figures, segs[1:], strict=True))


def _label_only(line: _Line) -> bool:
    segs = line.segments
    return len(segs) == 1 and segs[0][2].endswith(":") and len(segs[0][2]) < 60


def _wrapped_label(lines: list[_Line], k: int) -> bool:
    """A label alone whose row goes on, in lower case, on the next line ("Net loss per share, basic" /
    "  and diluted    $ (0.31)    $ (0.39)")."""
    segs = lines[k].segments
    return len(segs) == 1 and len(segs[0][2]) < 60 and k + 1 < len(lines) and _is_row(lines[k + 1]) \
        and lines[k + 1].segments[0][2][:1].islower()


def _heads(lines: list[_Line], first: int) -> list[_Line]:
    """Up to four heading lines right above the first row: indented lines or lines of spaced words, not sentences."""
    out: list[_Line] = []
    k = first - 1
    while k >= 0 and len(out) < MAX_HEADS:
        line = lines[k]
        if not line.segments:
            break
        lead = line.segments[0][0]
        spaced = len(line.segments) >= 2
        if not (lead >= 8 or spaced) or line.segments[-1][2].endswith((".", "!", "?")):
            break
        out.insert(0, line)
        k -= 1
    return out


def _owners(line: _Line, spans: list[tuple[int, int]]) -> list[int | None]:
    """For each column, the heading segment of ``line`` it belongs to: of the segments lying over it, the one
    over most of it, then the one whose middle is nearest ("Three Months Ended" and "Year Ended" both touch the
    third figure column of a two-period table; it is the year's).

    >>> line = _Line(0, 0, ((24, 42, "Three Months Ended"), (52, 62, "Year Ended")))
    >>> _owners(line, [(21, 29), (33, 41), (43, 53), (55, 65)])
    [0, 0, 1, 1]
    """
    out: list[int | None] = []
    for lo, hi in spans:
        best: tuple[int, float] | None = None
        owner = None
        for n, (a, b, _t) in enumerate(line.segments):
            if not (a <= hi + 1 and b >= lo - 1):
                continue
            key = (min(b, hi) - max(a, lo), -abs((a + b) / 2 - (lo + hi) / 2))
            if best is None or key > best:
                best, owner = key, n
        out.append(owner)
    return out


def _grid(heads: list[_Line], rows: list[_Line]) -> Grid:
    # the columns: where the figures of the rows end, merged when within three characters
    ends = sorted({b for ln in rows if _is_row(ln) for a, b, _ in ln.segments[1:]})
    columns: list[list[int]] = []
    for e in ends:
        if columns and e - columns[-1][-1] <= 3:
            columns[-1].append(e)
        else:
            columns.append([e])
    spans = []
    for col in columns:
        starts = [a for ln in rows if _is_row(ln) for a, b, _ in ln.segments[1:] if col[0] <= b <= col[-1]]
        spans.append((min(starts), col[-1]))
    label_edge = min(a for a, _ in spans)
    out_rows: list[tuple[int, int, tuple[str, ...]]] = []
    for ln in heads:
        cells = [""] * (len(spans) + 1)
        owner = _owners(ln, spans)
        for n, (a, b, t) in enumerate(ln.segments):
            hit = [i for i, (lo, hi) in enumerate(spans) if a <= hi + 1 and b >= lo - 1]
            if not hit and b <= label_edge:
                cells[0] = f"{cells[0]} {t}".strip()
            for i in hit:
                if owner[i] == n:
                    cells[i + 1] = f"{cells[i + 1]} {t}".strip()
        out_rows.append((ln.start, ln.end, tuple(cells)))
    for ln in rows:
        cells = [""] * (len(spans) + 1)
        cells[0] = ln.segments[0][2]
        for _a, b, t in ln.segments[1:]:
            i = min(range(len(spans)), key=lambda j: abs(spans[j][1] - b))
            cells[i + 1] = t
        out_rows.append((ln.start, ln.end, tuple(cells)))
    return Grid(out_rows[0][0], out_rows[-1][1], tuple(out_rows))
