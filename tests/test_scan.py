"""The faster scans of claimgraph.sources.scan find what the plain patterns find (spans and groups)."""

from __future__ import annotations

import random
import re

import pytest

from bench.corpus import article
from claimgraph.sources import companies, corrections, extract, periods
from claimgraph.sources.metrics import load_vocabulary
from claimgraph.sources.scan import Scanner, WordGroups, lower_letters

# pieces the period and metric patterns look for, in several cases, to be strung together at random
_PIECES = ["Q1", "q2", "FY", "fy", "Fiscal", "FISCAL", "2024", "'25", "’26", "3Q", "4q", "H1", "2h", "first", "Second",
           "THIRD", "fourth", "quarter", "Quarter", "QTR", "half", "nine months", "Nine-Month period", "ended", "Ending",
           "ends", "to", "through", "-", "–", "Jan.", "JUNE", "september", "Dec", "30,", "1986", "87", "year",
           "Year-to-date", "YTD", "ytd", "full", "Whole", "annual", "Annual", "revenue", "Sales", "EPS", "net income",
           "Net Income", "EBITDA", "margin", "this", "next", "current", "prior", "Previous", "ago", "earlier",
           "at", "as of", "end", "year-end", "Quarter-End", "sequentially", "q/q", "for", "in the", "the", "first",
           "two", "months", "Sept", "of", "ÉTÉ", "ſ", "K", "x", ",", ".", " ", "  ", "\n"]


def _strings(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(_PIECES) for _ in range(rng.randint(1, 14))]
        out.append("".join(p + rng.choice([" ", " ", "", "-", ", "]) for p in parts))
    return out


def _texts() -> list[str]:
    sentences = [s for i in range(12) for s in re.split(r"(?<=[.!?])\s+", article(i))]
    return sentences + _strings(4000, 7)


def _found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


_SCANNERS = [scanner for _, scanner, _ in periods._PLAN] + corrections._BODY_SCANS + [companies._REPORTING_SCAN,
                                                                                   extract._OUTLOOK_SCAN]
_NOTES = ["(Corrects March 11 item)", "-- corrects amount\nNot the 5 mln dlrs as Reported earlier.", "Should read 5",
          "refiled to add, Re-issued to fix", "Correction: x\n  clarification: y", "ACME CORRECTS it. Not so as stated"]


@pytest.mark.parametrize("n", range(len(_SCANNERS)))
def test_scanners_find_what_the_patterns_find(n: int) -> None:
    scanner = _SCANNERS[n]
    for text in [*_texts(), *_NOTES, "\n".join(_NOTES), "It Expects more; SEES less, foresees, outlooks"]:
        assert _found(scanner.finditer(text, text.lower())) == _found(scanner.pattern.finditer(text)), (n, text)
        first, plain = scanner.search(text, text.lower()), scanner.pattern.search(text)
        assert _found([first] if first else []) == _found([plain] if plain else []), (n, text)


def test_vocabulary_scanner_finds_what_its_pattern_finds() -> None:
    vocab = load_vocabulary()
    scanner = vocab._scanner
    for text in _texts():
        assert _found(scanner.finditer(text, text.lower())) == _found(vocab._pattern.finditer(text)), text


def test_upper_case_letters_of_a_case_blind_pattern_are_scanned_in_lower_case() -> None:
    p = re.compile(r"\b(?P<fiscal>(?:fiscal|FY)\s*)?Q(?P<q>[1-4])\b", re.IGNORECASE)
    s = Scanner(p)
    assert s.caseless and s.fast is not None and "FY" not in s.fast.pattern
    text = "fy Q1, FYq2, fiscal q3 and Q5 Q4"
    assert _found(s.finditer(text, text.lower())) == _found(p.finditer(text))
    assert [m.group("fiscal") for m in s.finditer(text, text.lower())] == ["fy ", "FY", "fiscal ", None]


def test_lower_letters_keeps_escapes_names_and_flags() -> None:
    assert lower_letters(r"\bFY\S(?P<Yr>\d)(?P=Yr)\N{EM DASH}(?i:X)", re.IGNORECASE) == \
        r"\bfy\S(?P<Yr>\d)(?P=Yr)\N{EM DASH}(?i:x)"
    assert lower_letters("[A-Z][a-f0-9]", re.IGNORECASE) == "[a-z][a-f0-9]"


@pytest.mark.parametrize("source", ["[A-z]x", "[!-_]X", "[0-Z]", "(?-i:X)y", "a(?-i:B)"])
def test_lower_letters_refuses_what_lower_case_could_change(source: str) -> None:
    assert lower_letters(source, re.IGNORECASE) is None


@pytest.mark.parametrize("source, flags", [
    (r"(?:x\s+)?\n+y", 0),  # may start at a line break
    (r"\b(?:the\s+)?(?:next|coming)[\s-]+quarter\b|(?<=\bfor\s)the\s+year", re.IGNORECASE),
    (r"\b(?P<d>\d{1,2})\s+(?P<mon>May|June)\b", 0),
    (r"(?:(?<=\bin\s)|^)(?:A|b)+c?", re.MULTILINE),
])
def test_scans_from_first_characters_find_what_the_patterns_find(source: str, flags: int) -> None:
    p = re.compile(source, flags)
    s = Scanner(p)
    assert s.finder is not None
    texts = [*_texts(), "x \n\ny", "\ny\n\ny", "in Abc\nbc", "For the year, the Next quarter", "3 May 12 June x"]
    for text in texts:
        assert _found(s.finditer(text, text.lower())) == _found(p.finditer(text)), text


def test_word_groups_answer_as_substring_tests_do() -> None:
    groups = [*periods._GROUPS, (("one", "on", "ones", "bone"), False), ((" to ", "to", "-"), False)]
    scan = WordGroups(groups)
    for text in [*_texts(), "bones to-", "On tO", "ones"]:
        lower = text.lower()
        assert scan.present(text, lower) == [any(w in (text if cased else lower) for w in words)
                                             for words, cased in groups], text


def test_a_scan_from_a_position_finds_what_the_pattern_finds_from_there() -> None:
    p = re.compile(r"\b(?:the\s+)?(?:next|coming)\s+quarter", re.IGNORECASE)
    s = Scanner(p)
    text = "the next quarter, The Coming quarter, xthe next quarter"
    for pos in range(len(text)):
        assert _found(s.finditer(text, text.lower(), pos)) == _found(p.finditer(text, pos)), pos
    reporting = companies._REPORTING_INNER
    text = "Acme said so. Beta Corp reported; Gamma Inc posted\nDelta expects it."
    for pos in range(len(text)):
        assert _found(companies._REPORTING_SCAN.finditer(text, text, pos)) == _found(reporting.finditer(text, pos))
