"""Cheap pre-checks and rewritten scans answer exactly as the patterns they stand for (extraction speed, issue 12):
on crafted strings near their edges and on random strings over an alphabet of the characters that matter."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import claims, companies, extract, modality, quantities

_ALPHABET = st.sampled_from(list("$USDdolarsRIVApeEcmptorivalhdn. \t\n-_1209xK\u0131\u017f\u212aİ"))
_TEXT = st.lists(st.one_of(_ALPHABET, st.sampled_from(["USD", "U.S. dollars", "U.S dollar", "$ 5", "A$5", "$$5", "x$1",
                                                          "rival", "Peer", "COMPETITOR", "xrival", "had", "has",
                                                          "made", "ended", "shad", "hasx", "minus ", "Negative  ",
                                                          "plus or minus ", "beat by ", "MISSED estimates BY ",
                                                          "topped by about ", "by", "expects ", "Outlook", "GUIDANCE",
                                                          "is estimated to", "will be", "Shares of Acme ",
                                                          "shares in Beta Corp rose", "xShares of ", "Kexpects",
                                                          "than our outlook ", "versus the consensus",
                                                          "beat estimates", "VS. FORECASTS", "in line with"])),
                 max_size=30).map("".join)
_CRAFTED = ["", "$", "$5", " $ 5", "A$5", "$$5", "($5)", "USD", "xUSD", "USDx", "_USD", "5USD", "U.S. dollars",
            "U.S dollar", "US  dollars", "xU.S. dollars", "U.S. dollarsx", "a $ x", "rival", "Rival Co", "xrival",
            "PEERS", "peer", "competitors", "r\u0131val", "RIVAL\u212a", "p\u0130er", "had", "shad", "has been",
            "made", "ended", "hasn't", "Chad", "minus 5", "a negative 24", "plus or minus 2",
            "NEGATIVE\n3", "beat estimates by 3", "missed the consensus forecast by about 2", "exceeded by\t4",
            "nega\u0130ve 2", "beat b\u0130 3", "Shares of Acme Corp rose", "the shares in Beta fell",
            "Xshares of Acme,", "_Shares of Acme.", "Acme expects revenue", "EXPECTED TO", "guid\u0130ance",
            "the outlook", "sales are estimated to rise", "it had sales", "shad", "\u00e9had"]


def _same_bare_dollar(text: str) -> None:
    assert extract._bare_dollar(text) == (extract._BARE_DOLLAR.search(text) is not None), text


def _same_rival(text: str) -> None:
    # (a text it rules out has no match; the matches are found from the pattern's words, issue12s11)
    found = companies._RIVAL_SCAN.finditer(text) if companies._rival_possible(text) else []
    assert [m.span(1) for m in found] == [m.span(1) for m in companies._RIVAL.finditer(text)], text


def _same_holder(text: str) -> None:
    quick = any(map(text.__contains__, companies._HOLDER_WORDS)) and companies._HOLDER_NEEDS.search(text) is not None
    assert quick == (companies._HOLDER_NEEDS.search(text) is not None), text


def _same_windows(text: str) -> None:
    for start in range(len(text) + 1):
        quick = quantities._minus_before(text, start)
        plain = quantities._MINUS_BEFORE.search(text, max(0, start - 10), start)
        assert (quick and quick.span()) == (plain and plain.span()), (text, start)
        assert claims._surprise_before(text, start) == (
            claims._SURPRISE_BEFORE.search(text, max(0, start - 60), start) is not None), (text, start)


# the patterns as they were written before their leading \\b was moved behind their first characters
_SHARES_OF_PLAIN = re.compile(companies._SHARES_OF.pattern.replace(r"[Ss](?<!\w[Ss])hares", r"\b[Ss]hares", 1))


def _same_scans(text: str) -> None:
    assert _SHARES_OF_PLAIN.pattern != companies._SHARES_OF.pattern
    for start in range(0, len(text) + 1, 3):
        assert [(m.span(), m.group(0)) for m in modality._set_against(text, start)] == \
            [(m.span(), m.group(0)) for m in modality._SET_AGAINST.finditer(text, max(0, start - 160), start)]
    assert modality._guidance(text) == (modality._GUIDANCE.search(text) is not None), text
    assert (companies._HOLDER_NEEDS_SCAN.search(text) is None) == (companies._HOLDER_NEEDS.search(text) is None), text
    assert [(m.span(), m.groups()) for m in companies._SHARES_OF.finditer(text)] == \
        [(m.span(), m.groups()) for m in _SHARES_OF_PLAIN.finditer(text)], text


def test_crafted() -> None:
    for text in _CRAFTED:
        for t in (text, f"the {text} x", text.upper(), text.lower()):
            _same_bare_dollar(t)
            _same_rival(t)
            _same_holder(t)
            _same_windows(t)
            _same_scans(t)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_random(text: str) -> None:
    _same_bare_dollar(text)
    _same_rival(text)
    _same_holder(text)
    _same_windows(text)
    _same_scans(text)


def test_printable_ascii_is_what_the_control_scan_allows() -> None:
    """``text.normalise`` asks ``str.isprintable`` of an ASCII span instead of scanning it with ``_CONTROL``."""
    from claimgraph.sources.text import _CONTROL

    for code in range(128):
        assert (_CONTROL.search(chr(code)) is None) == chr(code).isprintable(), code
