"""Pre-checks and rewritten steps of the structural speed pass (issue 12 speed, branch issue12s5), each compared with
the code it stands for (kept here as the reference): on crafted strings near their edges and on random strings over
the characters and words that matter. The answers must be the same, value for value."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import metadata, periods, quantities


def _date_line_reference(line: str) -> dt.date | None:
    """``metadata.date_line`` before the pass: every form searched in turn."""
    if not any(ch.isdigit() for ch in line):
        return None
    for pattern, (y, mo, d) in metadata._DATE_FORMS[:4]:
        m = pattern.search(line)
        if m is None:
            continue
        before = line[:m.start()]
        if (place := metadata._PLACE_BEFORE.match(before)) is not None:
            before = before[place.end():]
        if metadata._DATE_LINE_REST.match(before + " " + line[m.end():]):
            return metadata._date_from(m, y, mo, d)
    return None


_DATE_CRAFTED = ["Nov 20, 2024", "Updated 4:05 PM EST, Wed November 20, 2024", "Published: 2024-11-20 09:30 GMT",
                 "Mumbai, November 9, 2023", "November 14, 2024 at 7:02 AM GMT+1", "Revenue rose on Nov 20, 2024.",
                 "2024年11月12日", "12th of March 2020", "Mon, 3 Feb 2021 10:00 GMT", "SEPT. 3,\u00a02021", "Sept. 3,\n2021",
                 "3 Feb\t2021", "3 FEB 2021 UPDATED", "3 Feb 2021²", "3 Feb ２０２１", "3 Feb 202", "Feb 3,2021", "2021",
                 "Q4 2024 results", "By Jane Doe", "\u017fept 3, 2021", "3 \u212aov 2021", "20241120", "2024-11-20T10:00"]
_DATE_PARTS = ["Nov", "November", "Sept.", "Mon,", "Wednesday", "3", "12th", "of", "2024", "20", "24", "-", "/", ",",
               " ", "\u00a0", "\t", "\n", "GMT", "EST", "at", "7:02", "AM", "Updated", "Mumbai", "年", "月", "日",
               "２", "²", "\u017f", "\u212a", "Q4", "results"]


def test_date_line_crafted() -> None:
    for line in _DATE_CRAFTED:
        for t in (line, line.upper(), line.lower(), f"x {line}", f"{line} x", f"By Jane Doe | {line}"):
            assert metadata.date_line(t) == _date_line_reference(t), t


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PARTS), max_size=12).map("".join))
def test_date_line_random(line: str) -> None:
    assert metadata.date_line(line) == _date_line_reference(line)


def _hedge_reference(text: str, start: int) -> tuple[int, object, str] | None:
    """``quantities._hedge`` before the pass: every pattern of ``_HEDGE_BEFORE`` searched in turn."""
    q = quantities
    window = text[max(0, start - 40):start]
    tail = window.rstrip()
    if not tail:
        return None
    if tail[-1] not in "~≈.":
        i = len(tail)
        while i and tail[i - 1] in q._ASCII_LETTERS and len(tail) - i <= q._HEDGE_LONGEST:
            i -= 1
        if i == len(tail) or tail[i:].lower() not in q._HEDGE_LAST:
            return None
    for pattern, qualifier, mode in q._HEDGE_BEFORE:
        m = pattern.search(window)
        if m:
            if m.group().lstrip(" (,;:").lower().startswith("up") and q._UP_PARTICLE.search(window, 0, m.start() + 1):
                return None
            hstart = max(0, start - 40) + m.start()
            while hstart < start and not (text[hstart].isalnum() or text[hstart] in "~≈"):
                hstart += 1
            return (hstart, qualifier, mode)
    return None


_HEDGE_PARTS = [p for phrases in quantities._HEDGE_ENDINGS.values() for p in phrases] + [
    "ca.", "approx.", "~", "≈", "went up to", "had estimated", "analysts estimated", "revenue of", "rose to", " ", "  ",
    "\n", "\t", "(", ",", ";", ":", "x", "\u017f", "\u0131", "\u212a", "\u0130", "UP TO", "Of", "OVER", "not", "just",
    "a", "é"]


def _same_hedges(text: str) -> None:
    for start in range(len(text) + 1):
        assert quantities._hedge(text, start) == _hedge_reference(text, start), (text, start)


def test_hedge_crafted() -> None:
    for phrase in _HEDGE_PARTS:
        for t in (f"{phrase} 5", f"x{phrase} 5", f"({phrase}  5", f"{phrase.upper()}\n5", f"sales of {phrase} $5",
                  f"{phrase.replace(' ', '  ')} 5", f"{phrase.replace('s', chr(0x17F))} 5"):
            _same_hedges(t)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_HEDGE_PARTS), max_size=8).map("".join))
def test_hedge_random(text: str) -> None:
    _same_hedges(text + " 5")


_GROUP_WORDS = [*sorted({w for words, _ in periods._GROUPS for w in words}),
                " ", "x", "Q", "FY", "JAN", "Jan", "1", "9", "ed", "ing", "\u0130", "\u212a", "é", "/", "\n"]


def _same_mask(text: str) -> None:
    lower = text.lower()
    expected = sum(1 << n for n, (words, cased) in enumerate(periods._GROUPS)
                   if any(w in (text if cased else lower) for w in words))
    assert periods._GROUP_SCAN.mask(text, lower) == expected, text


def test_word_groups_by_tokens_crafted() -> None:
    for text in ["", "In Q1'26 and the third quarter of 2025", "six  month", "six month", "sixmonth", "Q/Q", "q/q",
                 "first-half", "FY2024 ended", "the year-ago quarter", "Janet", "xJANx", "1920", "9M", "in the year"]:
        for t in (text, text.upper(), text.lower(), f"x{text}x", f"{text} \u0130 {text}"):
            _same_mask(t)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_GROUP_WORDS), max_size=12).map("".join))
def test_word_groups_by_tokens_random(text: str) -> None:
    _same_mask(text)
