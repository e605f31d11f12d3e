"""Rewritten scans of extraction's second speed pass (issue 12 speed, branch issue12s2), each compared with the
pattern it stands for, on crafted strings near their edges and on random strings over the characters and words that
matter: the same matches (spans and groups), or the same counts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import calls, companies

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
