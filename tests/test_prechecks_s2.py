"""Rewritten scans of extraction's second speed pass (issue 12 speed, branch issue12s2), each compared with the
pattern it stands for, on crafted strings near their edges and on random strings over the characters and words that
matter: the same matches (spans and groups), or the same counts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import calls, companies
from claimgraph.sources.scan import Scanner

_WORDS = ["price target", "Price  targets", "target price", "price\tobjective", "rating", "ratings", "operating",
          "recommendation", "recommendations", "on", "for", "shares of", "Burberry", "Tesco Plc", "Acme &  Co",
          "XYZ-", "AcmeABC--", "IncAB-", "A1bC-", "x",
          "we", "We", "WE", "we're", "our", "Our", "ours", "ourselves", "us", "US", "U.S.", "use", "said", "Said",
          "says", "told", "according to", "According  to", "accordingly", "sways", "stold", "Acme's", "Acme’s",
          "Sachs'", "Sachs’", "s'", "'s", "revenue", "sales", "net", "profit", "third-quarter", "market cap", "the"]
_ALPHABET = st.sampled_from(list(" \t\n-.,;:'’s5AWaouwe_\u017f\u212a\u0130"))
_TEXT = st.lists(st.one_of(_ALPHABET, st.sampled_from(_WORDS)), max_size=30).map("".join)
_CRAFTED = ["", "we", "We're pleased", "ourselves and us", "xwe weX we_ _we", "our, ours; OURSELVES", "U.S. us",
            "said, says; told according to", "according\nto", "accordingto", "Said the CFO", "unsaid untold",
            "Acme's revenue", "Goldman Sachs' earnings rose", "Sachs’  third-quarter net", "it's  a big market cap",
            "s' sales", "'s profit", "x's the new revenues", "Acme ’s sales", "Acme's\trevenue", "Acmes'revenue",
            "raised its price target on Broadcom", "a buy rating on Tesco", "operating on Acme", "xrating for Acme",
            "price  objectives for shares of Beta Corp", "target price on Gamma", "recommendation for Delta & Co",
            "TorontoDominionTD- said", "Acme IncABC-- reported", "xAcmeAB- ", "Beta1CD-)", "(AcmeX-, "]
# the patterns as they were before this pass
_POSSESSIVE_TAIL = re.compile(companies._POSSESSIVE_TAIL.pattern.replace(
    r"['’](?:s|(?<=s['’]))", r"(?:['’]s|(?<=s)['’])", 1))
_TARGET_ON = re.compile(companies._TARGET_ON.pattern.replace(
    r"[ptr](?<!\w[ptr])(?:(?<=p)rice[ \t]+(?:target|objective)|(?<=t)arget[ \t]+price|(?<=r)(?:ating|ecommendation))",
    r"\b(?:price[ \t]+target|target[ \t]+price|price[ \t]+objective|rating|recommendation)", 1))
_DEBRIS = re.compile(companies._DEBRIS.pattern.replace(r"([A-Z](?<!\w[A-Z])", r"\b([A-Z]", 1))
_PAIRS = [(companies._POSSESSIVE_TAIL, _POSSESSIVE_TAIL), (companies._TARGET_ON, _TARGET_ON),
          (companies._DEBRIS, _DEBRIS)]


def _same(text: str) -> None:
    for new, old in _PAIRS:
        assert [(m.span(), m.groups()) for m in new.finditer(text)] == \
            [(m.span(), m.groups()) for m in old.finditer(text)], (new.pattern, text)
        for a, b in ((0, len(text)), (1, len(text) - 1), (len(text) // 2, len(text)), (2, len(text) // 2)):
            m, n = new.search(text, a, b), old.search(text, a, b)
            assert (m and (m.span(), m.groups())) == (n and (n.span(), n.groups())), (new.pattern, text, a, b)
    if _TARGET_ON.search(text):
        assert companies._target_possible(text), text
    if text.isascii():
        low = text.lower()
        assert len(calls._FIRST_PERSON_LOWER.findall(low)) == len(calls._FIRST_PERSON.findall(text)), text
        assert len(calls._REPORTED_SPEECH_LOWER.findall(low)) == len(calls._REPORTED_SPEECH.findall(text)), text


def test_old_patterns_are_the_old_ones() -> None:
    for new, old in _PAIRS:
        assert new.pattern != old.pattern
    assert _POSSESSIVE_TAIL.pattern.startswith(r"(?:['’]s|(?<=s)['’])")
    assert _TARGET_ON.pattern.startswith(r"\b(?:price[ \t]+target|")
    assert _DEBRIS.pattern.startswith(r"\b([A-Z][A-Za-z0-9&.]*?")


def test_crafted() -> None:
    for text in _CRAFTED:
        for t in (text, f"the {text} x", text.upper(), text.lower(), f"{text}. {text}"):
            _same(t)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_random(text: str) -> None:
    _same(text)


# --- period mentions: the month-name word check ----------------------------------------------------------------

_PERIOD_WORDS = ["Jan", "jan.", "January", "JUNE", "june", "Jun", "Sept.", "sep", "May", "may", "mar", "March",
                 "margin", "market", "decline", "innovation", "dec", "Dec.", "December", "-", "–", "—", " to ", "to",
                 "through", "thru", "ended", "ending", "ends", "quarter", "year", "fiscal year", "six months", "13 weeks",
                 "the end of", "month of", "for", "in", "during", "sales", "revenue", "30", "2024", "1st", ",", " "]
_PERIOD_TEXT = st.lists(st.one_of(st.sampled_from(list(" -.,0123_jmsJ\u017f")), st.sampled_from(_PERIOD_WORDS)),
                        max_size=24).map("".join)
_PERIOD_CRAFTED = ["Jan-Mar sales rose", "January to March", "Jan.-Mar. revenue", "jantofeb", "Janthrough March",
                   "quarter ended June 30, 2024", "year ended Sept. 30", "the 13 weeks ended May 4", "month of April",
                   "for March,", "$5 million in May.", "May sales rose", "the margin in the market declined",
                   "innovation marked a decline", "xjan-mar", "Jan_ to Mar", "12-month period ending Dec 31",
                   "quarter ending in June", "six months to end-June", "for Oct-Dec profits", "Janto March profits",
                   "JantoMarch profits", "Janthru Mar quarter", "Decthrough Feb sales", "Jan- March sales"]


def _same_periods(text: str) -> None:
    from claimgraph.sources import periods

    kinds = ("year_ended", "month_range", "month")
    if text.isascii() and any(periods._PATTERNS[n][1].search(text) for n, (kind, _) in enumerate(periods._PATTERNS)
                              if kind in kinds):
        assert periods._MONTH_AT_WORD.search(text.lower()), text
    found = periods.find_period_mentions(text)
    saved = periods._MONTH_AT_WORD
    try:
        periods._MONTH_AT_WORD = re.compile("")  # (the check passes on every text: as before it)
        assert periods.find_period_mentions(text) == found, text
    finally:
        periods._MONTH_AT_WORD = saved


def test_month_word_crafted() -> None:
    for text in _PERIOD_CRAFTED:
        for t in (text, text.upper(), text.lower(), f"x{text}", f"{text}x", f"In {text}."):
            _same_periods(t)


@settings(max_examples=800, deadline=None)
@given(_PERIOD_TEXT)
def test_month_word_random(text: str) -> None:
    _same_periods(text)


# --- scanners: a finder cut before a conditional (month_range), a case-blind finder for ASCII text (year_ended) --

def _period_scanners() -> list[tuple[str, Scanner]]:
    from claimgraph.sources import periods

    return [(kind, scanner) for kind, scanner, _ in periods._PLAN if kind in ("year_ended", "month_range")]


def test_the_new_finders_are_in_use() -> None:
    kinds = {kind: scanner for kind, scanner in _period_scanners()}
    assert kinds["year_ended"].ascii_finder is not None and kinds["year_ended"].fast is None
    assert kinds["month_range"].finder is not None
    assert "(?(" not in kinds["month_range"].finder.pattern


def _same_scans(text: str) -> None:
    low = text.lower()
    for kind, scanner in _period_scanners():
        plain = scanner.pattern
        for pos in range(0, len(text) + 1, 3):
            assert [(m.span(), m.groupdict()) for m in scanner.finditer(text, low, pos)] == \
                [(m.span(), m.groupdict()) for m in plain.finditer(text, pos)], (kind, text, pos)
        a, b = scanner.search(text, low), plain.search(text)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (kind, text)


def test_period_scanners_crafted() -> None:
    extra = ["the quarter ended Sept. 30, 2024", "YEAR ENDED JUNE Two", "year ended June Two", "13 weeks ending May 4",
             "Fiscal Year Ended in December", "six months to the end of March 31", "Jan-Mar 2024 sales", "for Oct-Dec",
             "during January through March profits", "\u017fix months ended May 3"]
    for text in [*_PERIOD_CRAFTED, *extra]:
        for t in (text, text.upper(), text.lower(), f"x{text}", f"In {text}, and {text}."):
            _same_scans(t)


@settings(max_examples=500, deadline=None)
@given(_PERIOD_TEXT)
def test_period_scanners_random(text: str) -> None:
    _same_scans(text)


def test_steps_by_bit_masks_are_the_steps_by_groups() -> None:
    import random

    from claimgraph.sources import periods

    rng = random.Random(3)
    for _ in range(3000):
        mask, digit = rng.getrandbits(len(periods._GROUPS)), rng.random() < 0.5
        want = [(kind, scanner) for kind, scanner, groups in (periods._PLAN if digit else periods._PLAN_WORDS)
                if all(mask >> g & 1 for g in groups)]
        periods._STEPS.pop((mask, digit), None)
        assert periods._steps(mask, digit) == want


_ANALYST_WORDS = ["analyst", "Analyst", "analysts", "Analysts", "at", "with", "of", "for", "Dean", "Witter",
                  "Lawrence", "Adelman", "J.", "Jane", "Roe", ",", " ", "  ", "an", "the", "a", "senior", "said", "\n",
                  "O'Neil", "Acme Securities", "xAnalyst", "Ann", "McDonald"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ANALYST_WORDS), max_size=20).map(" ".join))
def test_named_analyst_scan_finds_what_the_pattern_finds(text: str) -> None:
    from claimgraph.sources import modality

    for t in (text, text.replace(" ", "")):
        assert [(m.span(), m.groups()) for m in modality._NAMED_ANALYST_SCAN.finditer(t, t)] == \
            [(m.span(), m.groups()) for m in modality._NAMED_ANALYST.finditer(t)], t
