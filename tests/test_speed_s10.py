"""The faster paths of branch issue12s10 give what the code they replace gives (extraction's output unchanged)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import claimperiods, companies
from claimgraph.sources.model import Qualifier, Quantity, Value
from claimgraph.sources.periods import find_period_mentions
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


_PERIOD_PIECES = ["revenue rose 5% to $10 million", "in 2024", "since 2019", "compared with 2023", "over 2022",
                  "in the like 2021 period", "payable on June 30, 2025", "which matures in 2030", "during our Q1 call",
                  "due to a credit in the fourth quarter of 2019", "for the full year", ", the company said on Oct. 8",
                  "up 3% from the first quarter", "better than 2020", "net income was $4 million", "the third quarter",
                  ", ", " and ", ". ", "versus fiscal 2023", "other years", "a year"]
_period_texts = st.lists(st.sampled_from(_PERIOD_PIECES), min_size=1, max_size=8).map(" ".join)


def _figures(text: str) -> list[Quantity]:
    out = []
    for m in re.finditer(r"\$?\d+(?:\.\d+)?(?: million|%)?", text):
        value = Value(1.0, 1.0, "USD", m.group(0), Qualifier.EXACT)
        out.append(Quantity(m.start(), m.end(), m.group(0), value, "money"))
    return out


def _candidates_before(text: str, q: Quantity, periods: list, is_change: bool) -> list:
    c = claimperiods
    return [p for p in periods if (not p.relative or p.kind in c._KEPT_RELATIVE) and not p.calendar
            and not c._SINCE.search(text[max(0, p.start - 20):p.start])
            and not c._PAYABLE.search(text, max(0, p.start - 24), p.start)
            and not (is_change and c._BASE_BEFORE.search(text[max(0, p.start - 40):p.start]))
            and not (is_change and (p.start >= q.end or q.start - p.end <= 60)
                     and (c.COMPARED_BEFORE.search(text, max(0, p.start - 30), p.start)
                          or c._OVER_BEFORE.search(text, max(0, p.start - 30), p.start)))
            and not (p.start >= q.end and c._LIKE_BEFORE.search(text, max(0, p.start - 40), p.start))
            and not (p.start >= q.end and c.above_or_below_base(text, p.start))
            and not (p.start >= q.end and c.maturity_date(text, p.start))
            and not c.names_a_call(text, p.end)
            and not (is_change and c.in_cause(text, q.end, p.start))
            and not (not is_change and p.start >= q.end and c._OVER_BEFORE.search(text, max(0, p.start - 30), p.start)
                     and c._UP_BETWEEN.search(text, q.end, p.start))
            and not (p.start >= q.end and c.OTHER_NOUNS_PERIOD.match(text, p.end)
                     and c.INDEFINITE_BEFORE.search(text, max(0, p.start - 4), p.start))
            and not (p.start >= q.end and p.kind in c._SPAN_KINDS and c._CHANGE_BASE.match(text, q.end, p.start))
            and not (p.end <= q.start and c._BETTERED_BEFORE.search(text, max(0, p.start - 30), p.start))
            and not (p.kind == "date" and p.start >= q.end
                     and c._SAID_ON.search(text, max(0, p.start - 24), p.start))]


@settings(max_examples=300, deadline=None)
@given(_period_texts)
def test_candidates_made_once_a_sentence_are_the_same(text: str) -> None:
    periods = find_period_mentions(text)
    for q in _figures(text):  # (every figure of the sentence, in turn, against the same mentions: tests shared)
        for is_change in (False, True):
            assert claimperiods._candidates(text, q, periods, is_change) \
                == _candidates_before(text, q, periods, is_change)


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
