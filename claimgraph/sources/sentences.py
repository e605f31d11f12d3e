"""Sentence splitting that survives "Inc.", "U.S.", "$5.05 billion" and "Q1'26".

>>> [s.text for s in split_sentences("CoreWeave, Inc. grew. The U.S. market rose to $5.05 billion. Done")]
['CoreWeave, Inc. grew.', 'The U.S. market rose to $5.05 billion.', 'Done']
>>> [s.text for s in split_sentences("Net rose to 12 mln dlrs. Sales fell 3 pct. 4 pct. rose")]
['Net rose to 12 mln dlrs.', 'Sales fell 3 pct. 4 pct. rose']
>>> [s.text for s in split_sentences("Revenue of $88.4M beats by $3.1M. FY25 revenue guidance raised.")]
['Revenue of $88.4M beats by $3.1M.', 'FY25 revenue guidance raised.']
>>> [s.text for s in split_sentences("q1 earnings per share $0.73.2021 earnings guidance range of $4.18 to $4.28")]
['q1 earnings per share $0.73.', '2021 earnings guidance range of $4.18 to $4.28']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {
    "inc", "corp", "co", "ltd", "plc", "llc", "bros", "no", "nos", "vs", "v", "mr", "mrs", "ms", "dr",
    "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "e.g", "i.e", "etc", "u.s",
    "u.k", "u.n", "e.u", "n.v", "s.a", "a.g", "h.k", "n.z", "ave", "dept", "mt", "ft", "cf", "al", "mln", "bln",
    "pct", "dlrs", "cts", "avg", "yr", "qtr", "q",
}
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space; or newlines. (That is
# [.!?]+["')\]]*(?=...)|\n+ written to start with one character class, so that the scan skips to those characters.)
# A run of punctuation is tried from its first character only ((?<![.!?][.!?])) and never given back (*+): a try
# from inside the run ends where the first one does, so the matches are the same, but a line of 20,000 dots no
# longer costs 8 s (each of its characters rescanned the rest of the run).
# (and a dot glued between a price and a year that opens the next line of a summary run together: "q1 earnings per
# share $0.73.2021 earnings guidance range of $4.18 to $4.28")
_BOUNDARY = re.compile(
    r"""[.!?\n](?:(?<=[.!?])(?<![.!?][.!?])[.!?]*+["')\]]*+(?=\s+["'(\[]?[A-Z0-9$€£¥])|(?<=\n)\n*|"""
    r"""(?<=\d\.\d\d\.)(?=(?:19|20)\d\d\s+[a-z]))""")

# Wire units written without a dot of their own ("12 mln dlrs"): a dot after them ends the sentence when a
# capitalised word follows ("... to 19.5 billion dlrs. Net income rose ...").
_UNIT_WORDS = {"mln", "bln", "pct", "dlrs", "cts"}
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
# (a weekday after "Inc." is the company's verb's day: "Acme Inc. Tuesday reported ..." is one sentence)
_NEW_CLAUSE = re.compile(r"(?:The|It|Its|This|That|In|On|At|But|And|Shares|Analysts|"
                         r"Revenue|(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day )[A-Z][a-z]+ (?:said|says|reported|posted))\b")
_NEW_CLAUSE_SHORT = re.compile(r"(?:The|It|In|But|And)\b")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its span in the text it was split from."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; newlines are always boundaries."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        first = text[m.start()]
        if first == "\n":
            if m.start() > start:  # (a line break right after a sentence's end closes nothing)
                _append(out, text, start, m.start())
            start = m.end()
            continue
        end = m.end()
        if first == ".":
            window = text[max(start, m.start() - 12):m.start() + 1]
            word = _WORD_BEFORE_DOT.search(window)
            if word:
                token = word.group(1).lower()
                nxt = text[m.end():m.end() + 30].lstrip()
                if len(token) == 1 and word.start(1) > 0 and window[word.start(1) - 1].isdigit() \
                        and token in "mbk":
                    pass  # a scale glued to its figure ("beats by $3.1M. FY25 revenue ..."), not an initial
                elif token in _ABBREV or (len(token) == 1 and token.isalpha()):
                    # "Inc. The" ends a sentence only when a new clause clearly starts.
                    if not ((token in {"inc", "corp", "co", "ltd", "plc", "llc", "etc"} and _NEW_CLAUSE.match(nxt))
                            or token in _UNIT_WORDS):
                        continue
                    if token in {"u.s", "u.k", "h.k", "n.z"} and not _NEW_CLAUSE_SHORT.match(nxt):
                        continue
                    if token in _UNIT_WORDS and not re.match(r"[A-Z][a-z]", nxt):
                        continue
        _append(out, text, start, end)
        start = m.end()
    _append(out, text, start, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
