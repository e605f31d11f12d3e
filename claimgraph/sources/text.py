"""Text normalisation that keeps a map back to the original offsets.

Scraped articles carry typographic quotes, non-breaking spaces, zero-width
characters, bullets and runs of blank space. Extraction works on a normalised
copy; every character of the copy remembers the index of the original
character it came from, so quotes and spans are always exact slices of the
original text.

>>> text, origin = normalise("It\u2019s  $55.6\u00a0billion.")
>>> text
"It's $55.6 billion."
>>> origin[5], origin[10]
(6, 11)
>>> normalise("third quarter of \ufb01scal 2025")[0]
'third quarter of fiscal 2025'
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

# One-to-one replacements (keep offsets trivially aligned).
_REPLACE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\t": " ", "\u2022": "\n", "\u25cf": "\n", "\u00b7": " ", "\r": "\n", "\u2028": "\n",
    "\u2029": "\n", "\u3000": " ", "\u2026": ".",
}
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


_SPECIAL = re.compile(r"[^\x20-\x7e]|  +")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # _SPECIAL's characters in ASCII text, but for runs of spaces


def normalise(original: str, ranges: Iterable[tuple[int, int]] | None = None) -> tuple[str, Origin]:
    """Normalise ``original`` (or only the given ``ranges`` of it, joined by newlines).

    :returns: the normalised text and, for each of its characters, the index
        of the original character it stands for.
    """
    spans = list(ranges) if ranges is not None else [(0, len(original))]
    out = _Out()
    ascii_text = original.isascii()
    for n, (start, end) in enumerate(spans):
        if n and out.chunks and out.last() != "\n":
            out.put("\n", max(start - 1, 0))
        # (in ASCII text the characters str.isprintable refuses are _CONTROL's; the test is faster than the scan)
        if ascii_text and original.find("  ", start, end) < 0 and original[start:end].isprintable():
            if start < end:  # what _SPECIAL finds in ASCII text: a control character or two spaces; neither here
                out.run(original, start, end)
            continue
        pos = start
        for m in _SPECIAL.finditer(original, start, end):
            if m.start() > pos:
                out.run(original, pos, m.start())
            if m.group(0)[0] == " ":
                out.put(" ", m.start())
            else:
                out.put(m.group(0), m.start())
            pos = m.end()
        if pos < end:
            out.run(original, pos, end)
    out.strip(" \n")
    return "".join(out.chunks), out.origin


class Origin(Sequence[int]):
    """For each character of a normalised text, the index of the original character it stands for, kept as runs
    (a run: characters whose original indices follow one another), not as one number per character: a 5 KB article
    is a few runs, and a list of 5,000 numbers took 1-2% of its extraction to fill. Reads as a list of ints.

    >>> o = Origin()
    >>> o.extend(10, 14); o.append(20); o.extend(21, 23); o.extend(30, 31)
    >>> list(o), len(o), o[4], o[-1], o[1:3], o.runs
    ([10, 11, 12, 13, 20, 21, 22, 30], 8, 20, 30, [11, 12], 2)
    >>> o.truncate(5); list(o), o == [10, 11, 12, 13, 20]
    ([10, 11, 12, 13, 20], True)
    """

    __slots__ = ("_at", "_from", "_len")

    def __init__(self) -> None:
        self._at: list[int] = []  # where each run starts in the normalised text
        self._from: list[int] = []  # the original index of its first character
        self._len = 0

    @property
    def runs(self) -> int:
        """How many runs there are besides the first (0: the text's characters stand for consecutive ones)."""
        return len(self._at) - 1

    def extend(self, start: int, end: int) -> None:
        """Append original indices ``start`` .. ``end - 1``."""
        if end <= start:
            return
        if not self._len or self._from[-1] + self._len - self._at[-1] != start:
            self._at.append(self._len)
            self._from.append(start)
        self._len += end - start

    def append(self, index: int) -> None:
        self.extend(index, index + 1)

    def truncate(self, length: int) -> None:
        """Keep the first ``length`` indices."""
        if length >= self._len:
            return
        keep = bisect_right(self._at, length - 1) if length > 0 else 0
        del self._at[keep:], self._from[keep:]
        self._len = max(length, 0)

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("origin index out of range")
        run = bisect_right(self._at, i) - 1
        return self._from[run] + i - self._at[run]

    def __iter__(self) -> Iterator[int]:
        ends = [*self._at[1:], self._len] if self._at else []
        for at, start, end in zip(self._at, self._from, ends, strict=True):
            yield from range(start, start + end - at)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Origin):
            return self._len == other._len and self._at == other._at and self._from == other._from
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Origin({list(self)!r})"


class _Out:
    """The normalised text as it grows: runs of it (never empty) and the original index of each character."""

    __slots__ = ("chunks", "origin")

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.origin = Origin()

    def last(self, k: int = 1) -> str:
        """The last ``k`` characters (fewer at the start)."""
        if k == 1:
            return self.chunks[-1][-1] if self.chunks else ""  # (no chunk is empty)
        tail = ""
        for chunk in reversed(self.chunks):
            tail = chunk[-(k - len(tail)):] + tail
            if len(tail) >= k:
                break
        return tail

    def strip(self, chars: str) -> None:
        """Drop the characters in ``chars`` from the end."""
        while self.chunks and self.chunks[-1][-1] in chars:
            chunk = self.chunks[-1]
            kept = chunk.rstrip(chars)
            self.origin.truncate(len(self.origin) - (len(chunk) - len(kept)))
            if kept:
                self.chunks[-1] = kept
            else:
                self.chunks.pop()

    def run(self, text: str, start: int, end: int) -> None:
        """Append plain printable ASCII ``text[start:end]`` (single spaces at most) in bulk."""
        if text[start] == " " and (not self.chunks or self.last() in " \n"):
            start += 1
            if start >= end:
                return
        self.chunks.append(text[start:end])
        self.origin.extend(start, end)

    def put(self, ch: str, i: int) -> None:
        """Append one special character after mapping it."""
        if ch in _DROP:
            return
        if "\ufb00" <= ch <= "\ufb06":  # a typeset ligature copied from a PDF: "ﬁscal" is "fiscal"
            for letter in unicodedata.normalize("NFKC", ch):
                self.chunks.append(letter)
                self.origin.append(i)
            return
        ch = _REPLACE.get(ch, ch)
        if ord(ch) > 127 and not ch.isalnum():
            decomposed = unicodedata.normalize("NFKC", ch)
            if len(decomposed) == 1:
                ch = decomposed
        elif ord(ch) < 32 and ch != "\n":
            ch = " "
        if ch == " " and (not self.chunks or self.last() in " \n"):
            return
        if ch == "\n":
            self.strip(" ")
            if self.last(2) == "\n\n":
                return
        self.chunks.append(ch)
        self.origin.append(i)


# --- boilerplate -------------------------------------------------------------

_BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        advertisement|advertising|sponsored(?:\s+content)?|author\s+avatar|latest\s+articles?|
        related\s+(?:articles?|stories|news|coverage)|read\s+more.*|see\s+also|more\s+from\s+.*|
        stay\s+ahead\s+of\s+the\s+market\.?|comments?|no\s+comments\s+yet\.?|leave\s+a\s+comment.*|
        share\s+(?:this|on)\b.*|click\s+here.*|subscribe(?:\s+now)?\.?|sign\s+up\b.*|
        get\s+curated\b.*|keep\s+up\s+to\s+date\b.*|
        by\s+pressing\s+the\s+subscribe\s+button.*|
        follow\s+us\b.*|newsletter.*|overall\s+sentiment|sentiment\s+score|ticker\s+sentiment|
        (?:strongly\s+|mildly\s+)?(?:positive|negative|neutral)|[-+]?\d+(?:\.\d+)?|
        image\s*(?:credit|source)?:.*|photo(?:graph)?\s*(?:credit)?:.*|getty\s+images|
        loading\.*|skip\s+to\s+(?:main\s+)?content|all\s+rights\s+reserved.*|©.*|copyright\s+©?.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# The two boilerplate lines that may start anywhere (a scan of the whole line), tried only when the line has
# "inbox" or "privacy": with _BOILERPLATE_LINE they are one pattern split for speed.
_BOILERPLATE_ANYWHERE = re.compile(
    r"^\s*(?:.*\bdelivered\s+to\s+your\s+inbox\.?|.*\bprivacy\s+policy\b.*\bterms\b.*)\s*$", re.IGNORECASE)

# Lines after which the article body is over (comment blocks, newsletter forms).
_FOOTER_START = re.compile(
    r"^\s*(?:latest\s+articles|comments|keep\s+up\s+to\s+date\b.*|related\s+articles|"
    r"stay\s+ahead\s+of\s+the\s+market\.?)\s*$",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """True for scraping debris such as "Advertisement" or "author avatar".

    >>> is_boilerplate("Advertisement"), is_boilerplate("Revenue rose 5%.")
    (True, False)
    """
    if _BOILERPLATE_LINE.match(line):
        return True
    low = line.lower()
    return ("inbox" in low or "privacy" in low) and _BOILERPLATE_ANYWHERE.match(line) is not None


def is_footer_start(line: str) -> bool:
    """True for a line that starts the page footer ("Latest Articles", "Comments")."""
    return bool(_FOOTER_START.match(line))


def line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of ``text``, without their newline characters."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        spans.append((pos, pos + len(stripped)))
        pos += len(line)
    return spans
