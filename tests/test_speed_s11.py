"""The faster paths of branch issue12s11 give what the code they replace gives (extraction's output unchanged)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import companies
from claimgraph.sources.scan import LiteralStarts, WindowWords, WordStarts, literal_starts


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


_NAME_PIECES = ["Nordische", " Aluminium", " AG", " Corp", " Inc.", "Co", " Co", " Ltd", "\tplc", " Building Society",
                " Building\nSociety", " <NDAL.Z>", " (Nordalu)", " (CRD)", ", Nordalu,", ", Houston,", ", said", "\n",
                ". ", "Beta", " and", " of", " Gamma", " (", ")", ",", " ", "é", "Ärla"]
_name_texts = st.lists(st.sampled_from(_NAME_PIECES), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_name_texts)
def test_short_names_read_on_the_lines_with_a_form_are_the_whole_scan(text: str) -> None:
    assert _spans(companies._short_named(text)) == _spans(list(companies._SHORT_NAMED.finditer(text)))
    assert _spans(companies._legal_forms(text)) == _spans(_form_line_matches(text))


def _form_line_matches(text: str) -> list[re.Match[str]]:
    """What ``_legal_forms`` gave before the forms were found once a text (its former body)."""
    out: list[re.Match[str]] = []
    line_end = -1
    for form in companies._LEGAL_FORM.finditer(text):
        at = form.start()
        if at < line_end or not at or text[at - 1] not in " \t":
            continue
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        if line_end < 0:
            line_end = len(text)
        out.extend(companies._LEGAL.finditer(text, line_start, line_end))
    return out


def test_short_names_written_cases() -> None:
    for text in ("Sales rose.\nNordische Aluminium AG, Nordalu, plans", "Nordische Aluminium AG <NDAL.Z> (Nordalu)",
                 "Halifax Building\nSociety (Halifax) said", "Acme Corp, Houston, said", "no form here (Acme)", ""):
        assert _spans(companies._short_named(text)) == _spans(list(companies._SHORT_NAMED.finditer(text))), text


_RIVAL_PIECES = ["its", " rival", " Rivals", " peer", " competitor", " Competitors", " customer", " clients",
                 " supplier", "arrival", " Pret", " A", " Manger", " Maison Bati", ",", " ", "\t", "\n", "'s", " said",
                 " the distributor", " reported", " main", " é", "-"]
_rival_texts = st.lists(st.sampled_from(_RIVAL_PIECES), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_rival_texts)
def test_rivals_found_from_their_words_are_the_whole_scan(text: str) -> None:
    found = companies._RIVAL_SCAN.finditer(text) if companies._rival_possible(text) else []
    assert _spans(found) == _spans(list(companies._RIVAL.finditer(text)))


def test_literal_starts_read_letter_classes_and_optional_parts() -> None:
    assert literal_starts(re.compile(r"\b(?:[Rr]ivals?|peer)[ \t]+x")) == ("Rival", "rival", "peer")
    assert literal_starts(re.compile(r"\b(?:(?:[Bb]ig|small)\s+)?(?:board|Board)\s+member")) \
        == ("Big", "big", "small", "board", "Board")
    # (a class of other characters, or of many letters, is not spelt out: the start ends before it)
    assert literal_starts(re.compile(r"ab[ \t]c|ab[a-z]d")) == ("ab",)
    assert literal_starts(re.compile(r"[ \t]x")) is None
    # (an optional part that opens on no literal leaves no start)
    assert literal_starts(re.compile(r"(?:\d+)?x")) is None


def test_the_person_after_role_scan_reads_its_words_again() -> None:
    # (the board-member role, "[Mm]anagement board member", had left the scan to the engine at every position)
    assert literal_starts(companies._PERSON_AFTER_ROLE) is not None
    scan = WordStarts(companies._PERSON_AFTER_ROLE)
    text = "said management board member Eva Roth, and Supervisory Board Member Ann Lee; analyst Bo Yu"
    assert scan.finditer(text)
    assert _spans(scan.finditer(text)) == _spans(list(companies._PERSON_AFTER_ROLE.finditer(text)))
    assert LiteralStarts(companies._RIVAL).finditer("its rival Maison Bati said")


def _window_scans() -> list[tuple[str, WindowWords]]:
    """Every ``WindowWords`` of the extraction modules, by name."""
    import importlib
    import pkgutil

    import claimgraph.sources as sources

    out = []
    for info in pkgutil.iter_modules(sources.__path__):
        module = importlib.import_module(f"claimgraph.sources.{info.name}")
        out += [(f"{info.name}.{k}", v) for k, v in vars(module).items() if isinstance(v, WindowWords)]
    return sorted(out, key=lambda kv: kv[0])


_WINDOW_PIECES = ["Customers", " customers", " with", " paying", " more than", " every", " Each", " point", " means",
                  " interest", " is", " at", " over", " Libor", " since", " paid", " payable", " a year ago", " prior",
                  " year", " earned", " lost", " including", " the", " said", " analysts", " expected", " estimate",
                  " which", " lower", " than", " raised", " by", " stand-alone", " headwind", " impact", " on", " us",
                  " long-term", " target", " nine", " months", " H1", " q3", " YTD", " fiscal", " 2024", " $5", " 5%",
                  ",", ".", ";", " ", "\n", "ſ", "K", "İ", "é", "-"]
_window_texts = st.lists(st.sampled_from(_WINDOW_PIECES), max_size=16).map("".join)


@settings(max_examples=300, deadline=None)
@given(_window_texts, st.integers(0, 80), st.integers(0, 200))
def test_window_words_find_what_their_pattern_finds(text: str, pos: int, width: int) -> None:
    end = min(len(text), pos + width)
    for name, scan in _window_scans():
        for lo, hi in ((0, len(text)), (pos, end), (pos, None)):
            got, want = scan.search(text, lo, hi), scan.pattern.search(text, lo, len(text) if hi is None else hi)
            assert (got.span() if got else None) == (want.span() if want else None), (name, text, lo, hi)
            assert [m.span() for m in scan.finditer(text, lo, hi)] \
                == [m.span() for m in scan.pattern.finditer(text, lo, len(text) if hi is None else hi)], name


def test_window_words_written_cases() -> None:
    scans = dict(_window_scans())
    assert len(scans) >= 15 and all(scan.words for scan in scans.values())
    threshold = scans["call_measures._CUSTOMER_THRESHOLD_WORDS"]
    text = "the number of CUSTOMERS paying over $1 million"
    assert threshold.search(text, 0, text.index("$")) is not None
    assert threshold.search("revenue from large accounts was up $5", 0, 35) is None
    # (case ignored: an ASCII stretch is tested lower-cased; any other is left to the engine)
    caseless = WindowWords(re.compile(r"(?i)\bkelvin\b"))
    assert caseless.search("\u212aelvin") is not None and caseless.search("KELVIN") is not None
    assert caseless.search("celsius") is None
    # (a pattern whose words cannot be read is always searched)
    assert WindowWords(re.compile(r"\d+%")).words is None


def test_every_word_led_scan_reads_its_words() -> None:
    # (a rule that opens a pattern on something literal_starts cannot read sends its fast scan back to the engine
    # without a word: last round's "[Mm]anagement board member" role did so for the person-after-role scan)
    import importlib
    import pkgutil

    import claimgraph.sources as sources
    from claimgraph.sources.scan import CaselessWords

    seen = 0
    for info in pkgutil.iter_modules(sources.__path__):
        module = importlib.import_module(f"claimgraph.sources.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, (LiteralStarts, WindowWords)):
                assert literal_starts(value.pattern) is not None or (isinstance(value, WindowWords) and value.words), \
                    f"{info.name}.{name}"
                seen += 1
            elif isinstance(value, CaselessWords):
                assert value.words, f"{info.name}.{name}"
                seen += 1
    assert seen >= 20
