"""The faster paths of branch issue12s10 give what the code they replace gives (extraction's output unchanged)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import companies
from claimgraph.sources.scan import WordStarts

_ROLE_PIECES = ["analyst", "analysts", "Analyst", "chief executive", "Chief  Executive Officer", "Mr.", "Mr", "Mrs.",
                "Ms", "Dr.", "Sen.", "Senator", "president-elect", "vice president", "head of equity research",
                "Finance Director", "spokeswoman", "xMr", "(", ")", '"', "“", "é", "—", "-", ".", ",", " ", " ", "\t",
                "\n", "Ann", "Lee", "de", "van", "Bo Yu", "Acme Corp", "said", "Smith's", "of", "for", "_", "9"]
_role_texts = st.lists(st.sampled_from(_ROLE_PIECES), max_size=14).map("".join)


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(_role_texts)
def test_word_starts_find_the_person_after_role_matches(text: str) -> None:
    assert _spans(companies._PERSON_AFTER_ROLE_SCAN.finditer(text)) \
        == _spans(list(companies._PERSON_AFTER_ROLE.finditer(text)))


def test_word_starts_written_cases() -> None:
    pattern = re.compile(r"\b(?:analysts?|chief\s+executive|Mr\.?|Sen\.|Senator)[ \t]+([A-Z]\w+)")
    scan = WordStarts(pattern)
    for text in ("Senator Jo met Sen. Al; xSenator No", "analysts Ann and analyst Bo", "(chief\nexecutive Cy)",
                 "Mr.Ed and Mr Fy", "", "no role here", "président Ann, analyst Ünal"):
        assert _spans(scan.finditer(text)) == _spans(list(pattern.finditer(text))), text


def test_word_starts_leaves_other_patterns_to_the_engine() -> None:
    # (not led by \b, or a branch that opens on no word character: the plain scan)
    for source in (r"(?:analyst|chief)[ \t]+([A-Z]\w+)", r"\b(?:analyst|\$)[ \t]*(\w+)", r"\banalyst|chief"):
        pattern = re.compile(source)
        scan = WordStarts(pattern)
        text = "chief Ann, $ 5, analyst Bo, xanalyst Cy"
        assert _spans(scan.finditer(text)) == _spans(list(pattern.finditer(text)))
        assert not scan.words


_SEGMENT_PIECES = ["The Color", " Group", " unit", " Unit", " arm", "harm", " opportunity", " operations", " Segment",
                   " our cloud", " its", " business", " Business", " division", " subsidiary", " revenue rose 5%", ", ",
                   "; ", ". ", " but ", " which was up 14%", " Acme's", " the", " Services", " non-core", " year"]
_segment_texts = st.lists(st.sampled_from(_SEGMENT_PIECES), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(_segment_texts)
def test_a_window_without_a_head_noun_holds_no_segment_subject(text: str) -> None:
    from claimgraph.sources import segments

    for start in range(0, len(text) + 1, 7):
        window = text[start:]
        if not segments._may_hold_subject(window):
            assert segments._SUBJECT.search(text, start) is None


def test_segment_subjects_written_cases() -> None:
    from claimgraph.sources.segments import segment_before, segment_relative

    s = "The Color Group also had growth in operating income of 8%."
    assert segment_before(s, s.index("operating")) == "Color Group"
    assert segment_before("Revenue rose 8% in the quarter.", 20) is None
    s = "Revenue growth came from the Flavors Group, which was up 14%."
    assert segment_relative(s, len("Revenue"), s.index("14%")) == "Flavors Group"
    assert segment_relative("Revenue growth came from price rises, which were 14%.", 7, 48) is None
