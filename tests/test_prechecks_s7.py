"""The faster steps of the word-pass speed round (issue 12 speed, branch issue12s7), each compared with the code it
stands for: on crafted strings near their edges and on random strings over the characters and words that matter.
The answers must be the same, value for value."""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import declared, extract, quantities, scan, text


def test_origin_reads_as_the_list() -> None:
    built, reference = text.Origin(), []
    for start, end in ((0, 4), (4, 6), (9, 9), (9, 10), (12, 15), (15, 16)):
        built.extend(start, end)
        reference.extend(range(start, end))
    built.append(40)
    reference.append(40)
    assert list(built) == reference and len(built) == len(reference) and built.runs == 3
    assert [built[i] for i in range(-len(reference), len(reference))] == reference[-len(reference):] + reference
    assert [bisect.bisect_left(built, x) for x in range(45)] == [bisect.bisect_left(reference, x) for x in range(45)]
    built.truncate(7)
    assert built == reference[:7]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["run", "one", "cut"]), st.integers(0, 3), st.integers(0, 6)), max_size=14))
def test_origin_random(steps: list[tuple[str, int, int]]) -> None:
    built, reference, pos = text.Origin(), [], 0
    for op, gap, size in steps:
        if op == "run":
            built.extend(pos + gap, pos + gap + size)
            reference.extend(range(pos + gap, pos + gap + size))
            pos += gap + size
        elif op == "one":
            built.append(pos + gap)
            reference.append(pos + gap)
            pos += gap + 1
        else:
            keep = max(0, len(reference) - size)
            built.truncate(keep)
            del reference[keep:]
    assert list(built) == reference and len(built) == len(reference)
    assert all(built[i] == reference[i] for i in range(-len(reference), len(reference)))


def test_normalise_origin_as_before() -> None:
    """Each character's original index, as the per-character list gave it."""
    for original in ("It\u2019s  $55.6\u00a0billion.", "a\u200bb \ufb01scal\r\n\n\n  x  ", "   \n\u2022 item one\n",
                     "plain text", "two  spaces\tand\u2026 more  "):
        normalised, origin = text.normalise(original)
        assert len(origin) == len(normalised)
        for i, ch in enumerate(normalised):
            source = original[origin[i]]
            assert source == ch or ch in " \n\"'-." or source in "\ufb01", (original, i)


_DOLLAR_PARTS = ["C", "c", "A", "a", "AU", "CAN", "Can", "NZ", "HK", "S", "SG", "NT", "T", "R", "US", "USD", "U.S.",
                 "$", " ", "5", "x", "-", ".", "\u017f", "\u212a", "\u0131", "dollars", "_"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_DOLLAR_PARTS), max_size=12).map("".join))
def test_dollar_scans_random(t: str) -> None:
    for code, signs in quantities.local_dollar_signs().items():
        found, expected = extract._LOCAL_DOLLAR_SIGNS[code].search(t), signs.search(t)
        assert (found and found.span()) == (expected and expected.span()), (code, t)
    found, expected = extract._US_DOLLAR_MARK_SCAN.search(t, t), extract._US_DOLLAR_MARK.search(t)
    assert (found and found.span()) == (expected and expected.span())


def test_anchor_lead() -> None:
    assert scan.anchor_lead(re.compile(r"\bcan\$|\$c(?=\s?\d)"), "$") == 3
    assert scan.anchor_lead(re.compile(r"\bc\$|(?:x)\$"), "$") is None  # (a branch it cannot read: the plain search)
    plain = scan.AnchoredSearch(re.compile(r"\bc\$|(?:x)\$"), "$")
    assert plain.lead is None and plain.search("a x$").span() == (2, 4)  # type: ignore[union-attr]


_DECLARED_CRAFTED = ["All amounts are in Canadian dollars unless otherwise noted.", "(in C$ unless otherwise stated)",
                     "ALL FIGURES IN U.S. DOLLARS", "Unless otherwise stated, all dollar amounts are expressed in A$.",
                     "(All figures in U.S. dollars unless otherwise indicated)", "(\u017f in C$, otherwise)",
                     "all amounts in \u212aAD", "The loonie fell. All amounts of aid are in Canadian dollars."]


def test_declared_dollar_crafted() -> None:
    for t in _DECLARED_CRAFTED:
        for variant in (t, t.upper(), t.lower(), f"x{t}", f"{t} $5"):
            assert declared.declared_dollar(variant) == _declared_reference(variant), variant


def _declared_reference(t: str) -> str | None:
    """``declared.declared_dollar`` before the round: the pattern's own scan."""
    for m in declared._DECLARED.finditer(t):
        if m.group(0).lstrip().startswith("(") and "otherwise" not in m.group("tail").lower():
            continue
        code = declared._DOLLARS.get(" ".join((m.group("name") or m.group("code")).lower().split()))
        if code is not None:
            return code
    return None


_RATED_PARTS = ["cut", "raised", "its", "their", "the", "rating", "Rating", "operating", "recommendation", "price",
                "downgraded", "Upgrades", "stock", "shares", "brokerage", "Brokerages", " ", "\t", "\n", "\x1c", "-",
                "x", "\u017f"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_RATED_PARTS), max_size=10).map("".join))
def test_rated_random(t: str) -> None:
    assert extract._rated(t) == (extract._RATED.search(t) is not None)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_token_split_is_findall(t: str) -> None:
    assert t.translate(scan._TOKEN_SPLIT).split() == scan._TOKEN.findall(t)


_PERIOD_PARTS = ["the", "full", "Full", "FY", "fy", "fiscal", "year", "Year", "quarter", "Q1", "first", "third",
                 "current", "next", "for", "in", "prior", "ago", "a", "annual", "revenue", "2024", "'25", "ended",
                 "June", "30", "six", "months", "to", "-", " ", "  ", ",", ".", "\n", "x", "half", "interim"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PERIOD_PARTS), max_size=14).map(" ".join))
def test_scanner_hop_as_the_pattern(t: str) -> None:
    """The scanners that hop between first characters (case-blind ones matched once, in the text as written): the
    same matches, groups and all, as the pattern's own scan."""
    from claimgraph.sources import periods

    for _, scanner, _ in periods._PLAN:
        found = [(m.span(), m.groupdict()) for m in scanner.finditer(t, t.lower())]
        assert found == [(m.span(), m.groupdict()) for m in scanner.pattern.finditer(t)], (scanner.pattern.pattern, t)
