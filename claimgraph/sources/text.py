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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

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


def normalise(original: str, ranges: Iterable[tuple[int, int]] | None = None) -> tuple[str, list[int]]:
    """Normalise ``original`` (or only the given ``ranges`` of it, joined by newlines).

    :returns: the normalised text and, for each of its characters, the index
        of the original character it stands for.
    """
    spans = list(ranges) if ranges is not None else [(0, len(original))]
    out: list[str] = []
    origin: list[int] = []
    for n, (start, end) in enumerate(spans):
        if n and out and out[-1] != "\n":
            _put(out, origin, "\n", max(start - 1, 0))
        pos = start
        for m in _SPECIAL.finditer(original, start, end):
            if m.start() > pos:
                _run(out, origin, original, pos, m.start())
            if m.group(0)[0] == " ":
                _put(out, origin, " ", m.start())
            else:
                _put(out, origin, m.group(0), m.start())
            pos = m.end()
        if pos < end:
            _run(out, origin, original, pos, end)
    while out and out[-1] in " \n":
        out.pop()
        origin.pop()
    return "".join(out), origin


def _run(out: list[str], origin: list[int], text: str, start: int, end: int) -> None:
    """Append plain printable ASCII ``text[start:end]`` (single spaces at most) in bulk."""
    if text[start] == " " and (not out or out[-1] in " \n"):
        start += 1
        if start >= end:
            return
    out.extend(text[start:end])
    origin.extend(range(start, end))


def _put(out: list[str], origin: list[int], ch: str, i: int) -> None:
    """Append one special character after mapping it."""
    if ch in _DROP:
        return
    ch = _REPLACE.get(ch, ch)
    if ord(ch) > 127 and not ch.isalnum():
        decomposed = unicodedata.normalize("NFKC", ch)
        if len(decomposed) == 1:
            ch = decomposed
    elif ord(ch) < 32 and ch != "\n":
        ch = " "
    if ch == " " and (not out or out[-1] in " \n"):
        return
    if ch == "\n":
        while out and out[-1] == " ":
            out.pop()
            origin.pop()
        if len(out) >= 2 and out[-1] == "\n" and out[-2] == "\n":
            return
    out.append(ch)
    origin.append(i)


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
