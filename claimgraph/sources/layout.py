"""Layout of plain text: hard-wrapped wire copy is unwrapped, so that a sentence is not cut at each line end.

Wire services wrap their copy at about 70 characters and start each paragraph with an indent. A line break
inside a paragraph is turned into a space (the text keeps its length, so every offset still holds); breaks
before an indented line, a short line, a table line or a heading stay.

>>> orig = ("NEW YORK, April 2 - Acme Corp said its first quarter net\\n"
...         "profit rose to 12.6 mln dlrs from 11.1 mln dlrs a year\\n"
...         "earlier, helped by higher sales of its widgets abroad.\\n"
...         "    Shr 1.20 dlrs vs 1.10 dlrs")
>>> from claimgraph.sources.text import normalise
>>> text, origin = normalise(orig)
>>> [line[-30:] for line in unwrap(text, orig, origin).split("\\n")]
['r sales of its widgets abroad.', 'Shr 1.20 dlrs vs 1.10 dlrs']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_TABLE_OR_HEADING = re.compile(
    r"^(?:[A-Z][A-Za-z.&/-]*(?:\s+[A-Za-z.&/-]+){0,4}\s+(?:profit\s+|loss\s+)?(?:\d[\d,./-]*|nil|[a-z]+\s+cts?)\b"
    r".{0,40}\bvs\b|(?:year|nine\s+mths|six\s+mths|\d+\s+mths|qtr|quarter|(?:1st|2nd|3rd|4th)\s+qtr)\b.{0,25}$|"
    r"(?:pay|record|payable)\s+\w+\s+\d)", re.IGNORECASE)


# a line that opens with a short label and a colon: an item of a list, never the rest of the line before it
_LABELLED = re.compile(r"\s*(?:[-*•]\s*)?[A-Z][A-Za-z&/'’().-]*(?:[ ][A-Za-z&/'’().-]+){0,5}:[ \t]+\S")


# a line that opens a list item ("- Revenue up 8% to £412.6m", "• EPS of", "2. Net debt"): never a wrapped line's rest
_LIST_ITEM = re.compile(r"\s*(?:[-*•–—]\s+|\d{1,2}[.)]\s+|\([a-z0-9]\)\s+)\S")


def hard_wrapped(lines: list[str]) -> bool:
    """True when most lines are cut at a fixed width (wire copy), not one paragraph per line. Table lines and
    headings do not count: a results table with a wrapped ``NOTE:`` paragraph under it is wire copy.

    >>> hard_wrapped(["Shr 1.18 dlrs vs 87 cts", "Net 149.6 mln vs 134 mln", "Revs 1.1 billion vs 956 mln",
    ...               "Avg shrs 127.3 mln vs 154.5 mln", "NOTE: 1987 net includes a charge of 11 mln dlrs or",
    ...               "nine cts a share for the interest expense for share", "repurchases made in the year."])
    True
    >>> hard_wrapped(["NEW YORK, March 12 -", "Div 12 cts vs 12 cts", "Pay April 20",
    ...               "NOTE: company pays dividend of 12 cts three times annually",
    ...               "with a bulk payment at the end of the fiscal year to equal", "annual dividend of 50 cts."])
    True
    """
    body = [len(x) for x in lines if len(x) >= 20]
    if len(body) < 3 or max(body) > 120:
        return False
    if sum(1 for n in body if 38 <= n <= 85) >= 0.6 * len(body):
        return True
    prose = [len(x) for x in lines if len(x) >= 20 and not _TABLE_OR_HEADING.match(x.strip())]
    if len(prose) >= 3 and sum(1 for n in prose if 38 <= n <= 85) >= 0.6 * len(prose):
        return True
    # a short note under a results table: its lines but the last (which ends the sentence) and the dateline
    # ("NEW YORK, March 12 -") are cut at the wire's width
    cut = [len(x) for x in lines if len(x.strip()) >= 20 and not _TABLE_OR_HEADING.match(x.strip())
           and not (len(x.strip()) < 38 and x.rstrip()[-1:] in ".!?-")]
    return len(cut) >= 2 and all(38 <= n <= 85 for n in cut) and any(_TABLE_OR_HEADING.match(x.strip()) for x in lines)


def unwrap(text: str, original: str, origin: Sequence[int]) -> str:
    """``text`` with in-paragraph line breaks of hard-wrapped copy replaced by spaces (same length)."""
    lines = text.split("\n")
    if not hard_wrapped(lines):
        return _soft_breaks(text, lines)
    out = list(text)
    pos = 0
    for n, line in enumerate(lines[:-1]):
        brk = pos + len(line)
        pos = brk + 1
        nxt = lines[n + 1]
        if len(line.strip()) < 38 or not nxt.strip() or line.rstrip()[-1:] in ".!?:;":
            continue  # a short line or one that ends a sentence ends its paragraph
        if _table_line(line.strip()) or _table_line(nxt.strip()) or _LABELLED.match(nxt) or _LIST_ITEM.match(nxt) \
                or line.lstrip().startswith("|") or nxt.lstrip().startswith("|"):  # (a pipe table's rows)
            continue  # ("Earnings per share: $1.01 vs. 84 cents expected" then "Revenue: ...": one item a line)
        if _indented(original, origin[pos] if pos < len(origin) else len(original)):
            continue
        out[brk] = " "
    return "".join(out)


_SOFT_END = re.compile(r"[A-Za-z0-9,)%’'\"-]$")
_LOWER_START = re.compile(r"[a-z]")


def _soft_breaks(text: str, lines: list[str]) -> str:
    """``text`` with the soft line breaks of prose that is not hard-wrapped joined (a Markdown paragraph written
    over several lines: "beating the 98 cents that analysts surveyed by FactSet" then "had expected."): a break
    after a line that ends inside a sentence, before a line that goes on in lower case. The first line (a title)
    stays apart, and texts written all in lower case (some call summaries, one item a line) keep their lines.

    >>> t = "Kestrel swings to profit\\nKestrel earned $1.12, beating estimates by\\nfour cents."
    >>> _soft_breaks(t, t.split("\\n")).split("\\n")
    ['Kestrel swings to profit', 'Kestrel earned $1.12, beating estimates by four cents.']
    """
    first = text.find("\n")
    if first < 0 or not any(ch.isupper() for ch in text[first + 1:first + 4000]):
        return text
    out: list[str] | None = None
    pos = 0
    for n, line in enumerate(lines[:-1]):
        brk = pos + len(line)
        pos = brk + 1
        nxt = lines[n + 1]
        if n == 0 or len(line.strip()) < 20 or not _LOWER_START.match(nxt) or not _SOFT_END.search(line) \
                or _table_line(line.strip()) or _LIST_ITEM.match(nxt) or "|" in line:
            continue
        if out is None:
            out = list(text)
        out[brk] = " "
    return "".join(out) if out is not None else text


def _table_line(line: str) -> bool:
    """A table line or a heading; wire tables capitalise their labels, so a line that starts in lower case
    ("net extraordinary loss 1.22 mln vs loss 3.91 mln.") goes on the sentence above it."""
    return not line[:1].islower() and _TABLE_OR_HEADING.match(line) is not None


def _indented(original: str, index: int) -> bool:
    """True when the original line holding ``index`` starts with white space before that character."""
    line_start = original.rfind("\n", 0, index) + 1
    return line_start < index and original[line_start:index].strip() == "" and original[line_start] in " \t"
