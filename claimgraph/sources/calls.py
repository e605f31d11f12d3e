"""Texts told in the company's own voice: earnings-call transcripts (and the like), where "we" is the company.

In a call the speakers are the company's executives, so what a news story needs attribution words for is given:

* an outlook needs no "we expect": "Free cash flow for the fourth quarter should reach $80 million to $90 million"
  is the company's guidance, not a third party's forecast (unless an analyst is named);
* another name written as the holder of a metric is one of the company's units or brands, not another company:
  "Year-over-year PeopleReady revenue was up 22%" in TrueBlue's call is a segment's figure, and so is a sentence
  whose subject is such a name ("PeopleManagement, representing 27% of revenue, saw a 10% decline in revenue").

A text is in the company's own voice when first-person plural words ("we", "our", "us") stand outside quotation
marks in a good share of its sentences and reported speech ("said", "told") is rare, or when its title names a call
or a transcript.

>>> own_voice("Revenue was $622 million. We grew in every segment. Our margin rose. We expect more.", "")
True
>>> own_voice('Acme said revenue rose. "We are pleased," said its chief executive. Shares fell 3%.', "")
False
>>> own_voice("Revenue was $1 billion.", "ACME Q3 2023 earnings call")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimgraph.sources.segments import part_of_company

_CALL_TITLE = re.compile(r"(?i)\b(?:earnings|conference|results|analyst|investor)\s+call\b|\btranscript\b")
_QUOTED = re.compile(r"[“\"][^”\"\n]{0,600}[”\"]")
_FIRST_PERSON = re.compile(r"(?i)\b(?:we|our|us|we're|we've|we'll|ourselves)\b")
_REPORTED_SPEECH = re.compile(r"(?i)\b(?:said|says|told|according\s+to)\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# the same two counts for an ASCII text, in its lower-cased form, with patterns that open on a letter (a scan the engine
# does fast) and check the word boundary in a look-behind: the first-person words from their first letters (a match
# starts and ends where one of the case-blind pattern does: "we're" counts its "we" in both); the reported-speech words
# from a rarer letter inside them ("d" of "said" and "told", "y" of "says", "g" of "according"), each occurrence once,
# so the counts agree
_FIRST_PERSON_LOWER = re.compile(r"[wou](?<!\w[wou])(?:(?<=w)e|(?<=o)ur(?:selves)?|(?<=u)s)\b")
_REPORTED_SPEECH_LOWER = re.compile(r"d(?:(?<=\bsaid)|(?<=\btold))\b|y(?<=\bsay)s\b|g(?<=\baccording)\s+to\b")


def own_voice(text: str, title: str) -> bool:
    """Whether ``text`` is told by the company itself (a call transcript): see the module's docstring."""
    if _CALL_TITLE.search(title or ""):
        return True
    plain = _QUOTED.sub(" ", text) if '"' in text or "“" in text else text
    ascii_text = plain.isascii()
    low = plain.lower() if ascii_text else plain
    first = len((_FIRST_PERSON_LOWER if ascii_text else _FIRST_PERSON).findall(low))
    if first < 3:
        return False
    sentences = max(1, len(_SENTENCE_END.findall(plain)))
    reported = len((_REPORTED_SPEECH_LOWER if ascii_text else _REPORTED_SPEECH).findall(low))
    return first >= 0.3 * sentences and reported * 4 <= first


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# a capitalised name opening the sentence as its subject, before an appositive and a verb of results
_UNIT_LEAD = re.compile(
    r"(?:(?:And|So|Now|Meanwhile|Also),?\s+)?(?P<np>[A-Z][\w&'’.-]*(?:\s+(?:&|and|of|[A-Z][\w&'’.-]*)){0,3})"
    r"(?:\s*,[^,;]{3,90},|\s*,\s+(?:representing|accounting\s+for|which\s+represents?)\s[^,;]{3,90}?)?\s+"
    r"(?:also\s+|again\s+)?(?:saw|posted|delivered|reported|had|generated|grew|achieved|"
    r"recorded|experienced|produced|booked|contributed|increased|decreased|declined|improved|expanded|was|were|"
    r"benefit+ed|continued|performed|faced|showed|ended|finished)\b")
_NOT_UNIT = _words("""we our it this that these those there they i he she you overall total consolidated company operator thank
thanks so and but as in on at for with while also then now finally lastly next first second third fourth
adjusted gaap non-gaap net gross free cash operating organic reported last year quarter fiscal january
february march april may june july august september october november december monday tuesday wednesday
thursday friday""")


def unit_subject(sentence: str, own: Sequence[str] = ()) -> tuple[int, int] | None:
    """The span of a name that opens ``sentence`` as its subject and may be one of the company's units ("Aerospace
    posted", "PeopleManagement, representing 27% of revenue, saw"), or None. The caller checks that the name is no
    metric and no company other than a unit.

    >>> s = "PeopleManagement, representing 27% of revenue, saw a 10% decline in revenue."
    >>> span = unit_subject(s); s[span[0]:span[1]]
    'PeopleManagement'
    >>> unit_subject("We saw a 10% decline in revenue.") is None, unit_subject("Revenue was $5 million.") is None
    (True, True)
    """
    m = _UNIT_LEAD.match(sentence)
    if m is None:
        return None
    name = m.group("np")
    if name.split()[0].lower().rstrip("'’s") in _NOT_UNIT or not part_of_company(name, own):
        return None
    return m.start("np"), m.end("np")


# a name with a possessive before the metric's noun phrase: "Fluid Handling's non-GAAP operating margin"
_POSSESSOR = re.compile(r"(?P<np>[A-Z][\w&.-]*(?:\s+[A-Za-z][\w&.-]*){0,3})['’]s?\s+(?:[\w-]+\s+){0,3}$")


def possessive_unit(sentence: str, metric_start: int, own: Sequence[str] = ()) -> tuple[int, int] | None:
    """The span of a name whose possessive governs the metric at ``metric_start`` ("Fluid Handling's non-GAAP
    operating margin was 21%"), when it may be one of the company's units; None for the company itself, a period or
    a total ("the company's", "last year's").

    >>> s = "Fluid Handling's non-GAAP operating margin was 21%."
    >>> span = possessive_unit(s, s.index("non-GAAP")); s[span[0]:span[1]]
    'Fluid Handling'
    >>> s = "Acme's operating margin was 4%."
    >>> possessive_unit(s, s.index("operating"), ["Acme"]) is None, possessive_unit("Last year's margin", 12) is None
    (True, True)
    """
    m = _POSSESSOR.search(sentence, max(0, metric_start - 80), metric_start)
    if m is None:
        return None
    name = m.group("np")
    words = name.split()
    # (the name is the possessor's noun phrase, without the words before it that are no part of a name)
    while len(words) > 1 and (words[0].lower() in _NOT_UNIT or words[0].islower()):
        words = words[1:]
    name = " ".join(words)
    if words[0].lower() in _NOT_UNIT or not part_of_company(name, own):
        return None
    return m.end("np") - len(name), m.end("np")


# a lower-cased possessor before the metric's noun phrase, in a summary written all in lower case: "global print's
# full-year 2021 revenues"
_LOWER_POSSESSOR = re.compile(r"(?:^|[\s,;(])(?P<np>[a-z][\w&-]*(?:\s+[a-z][\w&-]*){0,2})'s\s+(?:[\w-]+\s+){0,3}$")
_NOT_POSSESSOR = _words("""company compname group firm year quarter today week month it its their our this that last next
fiscal prior current same period half the a an and of in for q1 q2 q3 q4 h1 h2 fy fy21 fy22 fy20 fy19 2019 2020 2021
2022 2023 2024 2025 world nation country market industry""")


def lower_possessor(sentence: str, metric_start: int) -> str | None:
    """The name a lower-cased summary gives as the possessor of the metric ("global print's full-year 2021
    revenues": a part of the company), or None for the company, a period or a market ("compname's", "last year's").

    >>> s = "global print's full-year 2021 revenues are forecast to decline between 4% and 7%."
    >>> lower_possessor(s, s.index("revenues"))
    'global print'
    >>> s = "compname's q3 revenue rose 5%."
    >>> lower_possessor(s, s.index("revenue")) is None
    True
    """
    m = _LOWER_POSSESSOR.search(sentence, max(0, metric_start - 70), metric_start)
    if m is None:
        return None
    words = m.group("np").split()
    while words and words[0] in _NOT_POSSESSOR:
        words = words[1:]
    if not words or any(w in _NOT_POSSESSOR for w in words):
        return None
    return " ".join(words)


# a lower-cased summary's sentence whose subject is a business line ("beer business now expects 9 - 11% net sales
# growth", "constellation - wine & spirits business continues to expect"): its figures are that unit's
_LOWER_UNIT_SUBJECT = re.compile(
    r"(?:[a-z][\w&.'-]*(?:\s+[a-z][\w&.'-]*){0,3}\s+[-–:]\s+)?(?P<np>[a-z][\w&'-]*(?:\s+(?:&|and|[a-z][\w&'-]*)){0,3}?)"
    r"\s+(?:business(?:es)?|segments?|divisions?)\s+(?:now\s+|also\s+|still\s+)?(?:expects?|sees|continues|"
    r"reported|posted|grew|saw|had|delivered|forecasts?|anticipates?|projects?|targets?)\b")
_NOT_LOWER_UNIT = _words("""our the its their core overall total company compname group underlying existing new whole
entire base legacy continuing remaining combined other this that these those each every all qtrly quarterly q1 q2 q3
q4 fy""")


def lower_unit_subject(sentence: str, metric_start: int) -> str | None:
    """The business line a lower-cased summary's sentence opens with as its subject, when the metric at
    ``metric_start`` comes after it ("beer business now expects 9 - 11% net sales growth"), or None.

    >>> s = "beer business now expects 9 - 11% net sales growth for fiscal 2022."
    >>> lower_unit_subject(s, s.index("net sales"))
    'beer'
    >>> s = "core business continues to expect net sales growth of 5%."
    >>> lower_unit_subject(s, s.index("net sales")) is None
    True
    >>> s = "acme - flow control solutions generated revenues of $478 million in q3 2021."
    >>> lower_unit_subject(s, s.index("revenues"))
    'flow control solutions'
    >>> s = "acme corp - company generated revenues of $1.2 billion."
    >>> lower_unit_subject(s, s.index("revenues")) is None
    True
    """
    m = _LOWER_UNIT_SUBJECT.match(sentence) or _LOWER_PREFIXED_UNIT.match(sentence)
    if m is None or m.end() > metric_start:
        return None
    words = m.group("np").split()
    if any(w in _NOT_LOWER_UNIT or (m.re is _LOWER_PREFIXED_UNIT and w in _NOT_POSSESSOR and w != "and") for w in words):
        return None
    return " ".join(words)


# after the company's name and a dash, a business line of two words or more as the subject of a result's verb, with no
# head noun ("nov - completion & production solutions generated revenues of $478 million in q3 2021")
_LOWER_PREFIXED_UNIT = re.compile(
    r"[a-z][\w&.'-]*(?:\s+[a-z][\w&.'-]*){0,3}\s+[-–]\s+(?P<np>[a-z][a-z&'-]*(?:\s+(?:&|and|[a-z][a-z&'-]*)){1,4}?)"
    r"\s+(?:generated|posted|reported|recorded|delivered|had|saw)\s+(?=(?:[a-z-]+\s+){0,2}?(?:revenues?|sales|"
    r"(?:operating\s+)?(?:income|profits?|earnings)|ebitda|orders|bookings)\b)")


# a transcriber's note in brackets ("excluding [Phonetic] $3.5 million drawn", "[indiscernible]", "[Technical
# Difficulty]"): no word of the speaker's, so it stands between none of the words around it
_EDITOR_NOTE = re.compile(r"(?i)\[(?:phonetic|ph|indiscernible|inaudible|technical\s+difficult(?:y|ies)|foreign\s+language|"
                          r"audio\s+gap|crosstalk|laughter|sic|speech\s+overlay|unintelligible|background\s+noise)\]")


def blank_editor_notes(text: str) -> str:
    """``text`` with a transcriber's bracketed notes replaced by spaces (same length, so spans stay those of the text).

    >>> blank_editor_notes("debt, excluding [Phonetic] $3.5 million")
    'debt, excluding            $3.5 million'
    """
    if "[" not in text:
        return text
    return _EDITOR_NOTE.sub(lambda m: " " * len(m.group()), text)
