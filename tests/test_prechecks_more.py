"""More pre-checks and rewritten scans of extraction (issue 12 speed, branch issue12s), each compared with the pattern
it stands for: on crafted strings near their edges and on random strings over the characters and words that matter.
A pre-check may say "maybe" where the pattern finds nothing, never "absent" where it finds something; a rewritten
scan finds the same matches (spans and groups)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import companies, quantities, scopes
from claimgraph.sources.scan import LiteralStarts, literal_starts

_WORDS = ["per cent", "per-cent", "percent", "percentage points", "pct", "cents", "cent", "ct", "dlrs", "Dlrs",
          "dollar", "basis points", "euros", "pounds sterling", "yen", "reais", "real", "won", "lei", "european currency",
          "units", "one", "two", "half", "a quarter", "In 2024", "For the year", "During", "Last", "Earlier",
          "Acme", "Beta Corp", "reported", "said", "posted", "acquire", "buy", "bought", "takeover of", "bid for",
          "stake in", "sell its", "spin off its", "rival", "its", "Pinecrest", "Bakeries", "the", "of", "total",
          "company", "Group", "level", "at the", "as a whole", "wide", "Overall", "consolidated", "enterprise"]
_ALPHABET = st.sampled_from(list(" \t\n-.,;:$5ABIac\u0130\u212a"))
_TEXT = st.lists(st.one_of(_ALPHABET, st.sampled_from(_WORDS)), max_size=30).map("".join)
_CRAFTED = ["", "one per cent", "one percent", "two pct.", "x-cents", "5 cents", "centsx", "per  cent", "per\tcent",
            " per-cent", "percentage  points", "percentagepoints", " dlr", "\ndlrs,", " realx", " reais", "-won", "won",
            " wonder", " lei.", " european currency units", " European Currency Units", " DLRS", " Pct",
            "In 2024, Acme reported sales", "Last year, Beta Corp, a unit of Gamma, said", "x. For the year, Acme said",
            "In  2024,Acme reported", "Earlier, Acme Corp posted", "\nDuring the quarter, Pinecrest Bakeries sold",
            "agreed to acquire Pinecrest Bakeries for", "its takeover of Lakeshore Networks", "xbuy Acme",
            "to sell its Marlow Logistics unit", "a bid for Rival Co", "stake in  Acme & Co", "buyout of acme",
            "sold its Acme", "spun off Beta", "at the group level", "AT THE TOTAL LEVEL", "in total", "company-wide",
            "Enterprise wide", "on a total company basis", "total net revenues", "for the whole Group",
            "our company as a whole", "consolidated", "xoverall", "totally", "in t\u0130tal", "company\u212a wide"]


def _same_word_unit_cue(text: str) -> None:
    low = text.lower()
    assert (quantities._WORD_UNIT_CUE.search(low) is None) == (quantities._WORD_UNIT_LOW.search(low) is None), text


def _same_company_level(text: str) -> None:
    assert scopes._company_level(text) == (scopes._COMPANY_LEVEL.search(text) is not None), text


def _same_company_scans(text: str) -> None:
    assert [(m.span(), m.groups()) for m in companies._LEAD_REPORTING_SCAN.finditer(text, text)] == \
        [(m.span(), m.groups()) for m in companies._LEAD_REPORTING.finditer(text)], text
    assert [(m.span(), m.groups()) for m in companies._DEAL_OBJECT_SCAN.finditer(text)] == \
        [(m.span(), m.groups()) for m in companies._DEAL_OBJECT.finditer(text)], text


def test_crafted() -> None:
    for text in _CRAFTED:
        for t in (text, f"the {text} x", text.upper(), text.lower(), f"{text}. {text}"):
            _same_word_unit_cue(t)
            _same_company_scans(t)
            _same_company_level(t)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_random(text: str) -> None:
    _same_word_unit_cue(text)
    _same_company_scans(text)
    _same_company_level(text)


def test_word_atoms_unchanged_by_the_cue() -> None:
    """The cue only skips sentences where the unit scan finds nothing."""
    for text in _CRAFTED:
        low = text.lower()
        if quantities._WORD_UNIT_CUE.search(low) is None:
            assert not list(quantities._WORD_UNIT_LOW.finditer(low))
    assert [(a.num, a.unit) for a in quantities._word_atoms("up one per cent and two pct")] == \
        [(1.0, "per cent"), (2.0, "pct")]


def test_literal_starts_are_read_from_the_pattern() -> None:
    """Every match of the deal pattern opens on one of the literal starts read from it; they are worked out, not
    listed by hand, so a new verb in the pattern is found too."""
    starts = literal_starts(companies._DEAL_OBJECT)
    assert starts is not None and {"acquire", "buy", "takeover", "stake", "divest"} <= set(starts)
    assert literal_starts(re.compile(r"(?i)acquire")) is None  # (case-blind: not read)
    assert literal_starts(re.compile(r"\b(?:buy|[A-Z]x)")) is None  # (a branch without a literal)
    assert literal_starts(re.compile(r"(?:ab|a)c")) == ("abc", "ac")
    assert literal_starts(re.compile(r"(?:ab|a)\d")) == ("a",)  # ("ab" starts with "a": one search finds both)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["buy", "bu", "y ", "Acme", " ", "ab", "a", "c", "abc", "x", "\n", "-"]),
                max_size=20).map("".join))
def test_literal_starts_finds_what_finditer_finds(text: str) -> None:
    for source in (r"\b(?:buy|ab)[ \t]+([A-Z]\w*)", r"(?:ab|a)c+", r"(?<!x)(?:a(?=b)|bu)\w*"):
        pattern = re.compile(source)
        assert [(m.span(), m.groups()) for m in LiteralStarts(pattern).finditer(text)] == \
            [(m.span(), m.groups()) for m in pattern.finditer(text)], (source, text)


@settings(max_examples=500, deadline=None)
@given(st.from_regex(r"-?[0-9]{0,9}(?:,[0-9]{3}){0,2}(?:\.[0-9]{0,8})?", fullmatch=True),
       st.sampled_from([1.0, 0.01, 1e3, 1e5, 1e6, 1e7, 1e9, 1e12, 2.5, 0.3]))
def test_scaled_by_a_power_of_ten_as_decimal_says(digits: str, mult: float) -> None:
    """A scale that is a power of ten is applied by float() reading the exponent; the answer is Decimal's."""
    from decimal import Decimal, InvalidOperation

    try:
        expected: float | str = float(Decimal(digits.replace(",", "")) * Decimal(repr(mult)))
    except InvalidOperation:
        expected = "error"
    try:
        got: float | str = quantities._scaled(digits, mult)
    except (InvalidOperation, ValueError):
        got = "error"
    assert repr(got) == repr(expected), (digits, mult)


def _flat_vocabulary_pattern() -> tuple[re.Pattern[str], list[str]]:
    """The metric vocabulary's pattern as it was written before its phrases were put in a trie."""
    from claimgraph.sources.metrics import _phrase_regex, load_vocabulary
    from claimgraph.sources.scan import first_char_alternation

    phrases = sorted(load_vocabulary()._lookup, key=len, reverse=True)
    alternation = first_char_alternation(((p, _phrase_regex(p)) for p in phrases), ignore_case=True)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), phrases


_FLAT, _PHRASES = _flat_vocabulary_pattern()
_PIECES = [*_PHRASES[::7], "net", "net income", "adjusted", "adjusted ebitda", "Net Income", "-", " ", "  ", ",", "x",
           "operating", "margin", "per share", "revenue", "revenues", "EBITDA", "e", "s", "income-", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join), st.booleans())
def test_vocabulary_trie_finds_what_the_flat_alternation_finds(text: str, squeeze: bool) -> None:
    from claimgraph.sources.metrics import load_vocabulary

    vocab = load_vocabulary()
    text = text.replace(" ", "") if squeeze else text
    assert [(m.span(), m.group(0)) for m in vocab._pattern.finditer(text)] == \
        [(m.span(), m.group(0)) for m in _FLAT.finditer(text)], text
    assert [(m.start, m.end, m.metric) for m in vocab.mentions(text)] == \
        [(m.start(), m.end(), vocab._lookup[" ".join(m.group(0).lower().replace("-", " ").split())][0])
         for m in _FLAT.finditer(text) if _mention_kept(vocab, m)], text


def _mention_kept(vocab: object, m: re.Match[str]) -> bool:
    """What ``Vocabulary.mentions`` keeps of a match (its exact-casing and line-start rules)."""
    from claimgraph.sources.metrics import _ACRONYM_CASE, _key

    entry = vocab._lookup.get(_key(m.group(0)))  # type: ignore[attr-defined]
    if entry is None:
        return False
    _, _, exact, line_start = entry
    if exact is not None and m.group(0) != exact and (line_start or not _ACRONYM_CASE.fullmatch(m.group(0))):
        return False
    return not (line_start and m.start() > 0)


def test_vocabulary_trie_on_every_phrase() -> None:
    from claimgraph.sources.metrics import load_vocabulary

    vocab = load_vocabulary()
    for phrase in _PHRASES:
        for text in (phrase, f"the {phrase} rose", phrase.upper(), phrase.replace(" ", "-"), f"x{phrase}", f"{phrase}s"):
            assert [m.span() for m in vocab._pattern.finditer(text)] == [m.span() for m in _FLAT.finditer(text)], text


def _unit_around_plain(text: str, metric_start: int, metric_end: int) -> str | None:
    """``segments.unit_around`` as it was written before its unit-noun pre-check."""
    from claimgraph.sources import segments

    for found in (segments._UNIT_AFTER.match(text, metric_end),
                  segments._UNIT_BEFORE.search(text, max(0, metric_start - 60), metric_start),
                  segments._UNIT_SUBJECT.search(text, max(0, metric_start - 120), metric_start)):
        if found is not None:
            return " ".join(found.group("np").split())
    return None


_UNIT_WORDS = ["Sales", "revenue", " ", "  ", "at", "of", "its", "Nestle's", "North", "American", "unit", "unit's",
               "division", "Division", "arm", "segment's", "the", "The", "company's", "reported", "rose", "x", "\n",
               "subsidiary", "affiliate", "branch", "Gerber", "of Acme Corp", "said", "units"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_WORDS), max_size=40).map(" ".join))
def test_unit_around_unchanged_by_its_precheck(text: str) -> None:
    from claimgraph.sources import segments

    for at in range(0, len(text) + 1, 5):
        for end in (at, min(len(text), at + 7)):
            assert segments.unit_around(text, at, end) == _unit_around_plain(text, at, end), (text, at, end)
