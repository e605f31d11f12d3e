"""Segment scopes: a business line, product group or region that a sentence opens and the next sentences go on about.

A call goes through its segments one after the other, and only the sentence that opens a segment names it:

    Starting with Collins Aerospace on slide four.
    Sales were $4.6 billion in the quarter, up 7% on an adjusted basis.      <- Collins' sales, not the company's
    Adjusted operating profit of $480 million was up $407 million.           <- Collins' profit

A scope is opened by a lead ("Starting with Collins Aerospace", "Turning to Aerospace,", "In our Industrial segment,",
"Moving on to the Americas.") or by a sentence whose subject is a named segment ("Our merchant segment also saw a
significant rebound in the quarter."). It holds for the following sentences of the same paragraph (in a text that
puts one sentence on each line, as call transcripts often do, for a few sentences after it was last named) and ends
when the company level is named again ("Total company", "consolidated", "overall", "on a consolidated basis"), when
a lead turns to a topic of the whole company ("Turning to the balance sheet", "Now to our outlook"), or when a
sentence states a figure only the company has (earnings per share, cash flow, debt).

>>> scope_opened("Starting with Collins Aerospace on slide four.")
'Collins Aerospace'
>>> scope_opened("Our merchant segment also saw a significant rebound in the quarter.")
'merchant segment'
>>> scope_opened("Turning to our balance sheet, cash was $1.2 billion.") is None
True
>>> ends_scope("Turning to our balance sheet, cash was $1.2 billion."), ends_scope("Total company sales rose 4%.")
(True, True)
>>> ends_scope("Turning to the segment's profitability.")
False
"""

from __future__ import annotations

import re

# words that may come before a lead: "And now, turning to", "So next, let's move on to"
_PRE = r"(?:(?:and|now|so|next|then|finally|lastly|also|okay|ok|all\s+right|first|second|third|first\s+of\s+all)\b,?\s+)*"
_WHO = (r"(?:(?:let['’]?s|let\s+me|i['’]ll|i\s+will|we['’]ll|we\s+will|i\s+(?:want|would\s+like)\s+to|i['’]d\s+like\s+to|"
        r"i['’]m\s+going\s+to|we['’]re\s+going\s+to)\s+(?:now\s+)?)?")
_TURN = (r"(?:(?:start|begin|move|turn|go|shift|look|pivot|switch|come|review|discuss|cover)s?(?:\s+(?:on|now|over|"
         r"back|quickly|briefly))?\s+(?:to|with|at)?|(?:turning|moving|shifting|going|looking|switching|pivoting|"
         r"coming|focusing)(?:\s+(?:now|on|over|back))?\s+(?:to|at|on)|(?:starting|beginning)\s+(?:off\s+)?with|"
         r"on\s+to|onto|as\s+for|regarding|with\s+respect\s+to|in\s+terms\s+of|within|in|at|for|across|"
         r"outside(?:\s+of)?|on)")
_HEAD = (r"(?:segments?|divisions?|business(?:es)?|units?|groups?|regions?|platforms?|franchises?|portfolios?|operations|"
         r"side)")
# (a name may join two with a slash: "our Offshore/Manufactured Products segment")
_NAME = (r"(?P<name>(?-i:(?:[A-Z][\w&'’.-]*(?:/[A-Z][\w&'’.-]*)?|&)"
         r"(?:\s+(?:&\s+|and\s+|of\s+)?[A-Z][\w&'’.-]*){0,4}(?:\s+" + _HEAD + r")?"
         r"|(?:[a-z][\w-]*\s+){1,3}" + _HEAD + r"))")
# the first word (its letters) of every match of "^\s*{_PRE}{_WHO}{_TURN}", in lower case: of _PRE, _WHO or _TURN
_LEAD_FIRST = frozenset((
    "and", "now", "so", "next", "then", "finally", "lastly", "also", "okay", "ok", "all", "first", "second",
    "third", "lets", "let", "i", "we", "start", "begin", "move", "turn", "go", "shift", "look", "pivot", "switch",
    "come", "review", "discuss", "cover", "starts", "begins", "moves", "turns", "gos", "shifts", "looks", "pivots",
    "switchs", "comes", "reviews", "discusss", "covers", "turning", "moving", "shifting", "going", "looking",
    "switching", "pivoting", "coming", "focusing", "starting", "beginning", "on", "onto", "as", "regarding",
    "with", "within", "in", "at", "for", "across", "outside"))
_FIRST_LETTERS = re.compile(r"\s*([A-Za-z]*)")
_WHO_OPEN = re.compile(r"\s*(?:we|i)(?:['’]|\s+(?:will|want|would)\b)", re.IGNORECASE)


def _lead_possible(sentence: str) -> bool:
    """Whether a pattern that opens on "^\\s*{_PRE}{_WHO}{_TURN}" (_LEAD, _TOPIC_LEAD) can match ``sentence``: an
    ASCII sentence must open on one of their first words (a case-blind match of its letters); most do not.

    >>> _lead_possible("Turning to Aerospace, sales rose."), _lead_possible("Revenue was $5 million.")
    (True, False)
    """
    if not sentence.isascii():
        return True
    first = _FIRST_LETTERS.match(sentence).group(1).lower()  # type: ignore[union-attr]
    # ("We delivered", "I think": _WHO's "we" and "i" only as "we'll", "we will", "I'd like to", ...)
    return first in _LEAD_FIRST and (first not in ("we", "i") or _WHO_OPEN.match(sentence) is not None)


# the lead and the segment it names, ending where the lead does ("on slide 4", a comma, the sentence's end)
_LEAD = re.compile(
    rf"^\s*{_PRE}{_WHO}{_TURN}\s+(?:the\s+|our\s+|its\s+)?{_NAME}"
    r"(?=\s*(?:[,.;:!]|$|\s+(?:on|in)\s+(?:slide|page|chart)\b|\s+(?:results|now|first|next|where|which|we|as\b)))",
    re.IGNORECASE)
# a sentence whose subject is a named segment: "Our merchant segment also saw", "The Aerospace Systems segment had"
_SUBJECT = re.compile(
    rf"^\s*{_PRE}(?:the\s+|our\s+|its\s+)(?P<name>(?:[\w&'’.-]+\s+){{1,4}}(?:segment|division|business|unit)s?)\b"
    r"(?!\s+(?:was|is)\s+(?:the|a)\b)", re.IGNORECASE)
# what a lead may name that is no part of the company: a period, a pronoun, a generic word
_NOT_PART = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:q[1-4]|[1-4]q|h[12]|fy|cy)['’]?\d*\b|\S*\d|fiscal|first|second|third|fourth|full|current|next|last|prior|"
    r"this|that|these|those|quarter|year|half|month|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|general|summary|conclusion|closing|addition|particular|other|terms|light|response|"
    r"fact|short|sum|turn|contrast|each|both|all|it|its|our|we|i|you|us|them|they|some|more|any|detail|details|"
    r"slide|page|chart|core|underlying|base|existing|new|entire|whole|organic|same|remaining|rest|various|several|"
    r"many|most|key|\d)\b")
# a topic of the whole company: a lead that turns to one ends a segment's scope ("Turning to our balance sheet,")
_WHOLE = re.compile(
    r"(?i)\b(?:outlook|guidance|forecast|results|financials|balance\s+sheets?|cash(?:\s+flows?)?|expenses|"
    r"costs|margins?|profitability|liquidity|capital(?:\s+allocation)?|earnings|revenues?|sales|income|profits?|"
    r"ebitda|eps|highlights|numbers|performance|p&l|questions|q&a|tax(?:es)?|interest|debt|leverage|dividends?|"
    r"buybacks?|repurchases?|investments?|capex|spending|items|charges|businesses|trends|environment|"
    r"pipeline|strategy|priorities|update|call|remarks|comments)\b|^(?:the\s+)?(?:total|overall|consolidated|"
    r"corporate|company|enterprise|gaap|non-gaap)\b")
_TOPIC_LEAD = re.compile(rf"^\s*{_PRE}{_WHO}{_TURN}\s+(?:the\s+|our\s+|its\s+)?(?P<name>[^,.;:]{{1,50}}?)"
                         r"(?=\s*(?:[,.;:!]|$|\s+(?:on|in)\s+(?:slide|page|chart)\b))", re.IGNORECASE)
# the company level named again
_COMPANY_LEVEL = re.compile(
    r"(?i)\b(?:total[\s-]+company|company[\s-]?wide|enterprise[\s-]?wide|consolidated|overall|in\s+total|"
    r"on\s+a\s+total[\s-]+(?:company\s+)?basis|total\s+(?:net\s+)?(?:revenues?|sales)|"
    r"at\s+the\s+(?:group|company|enterprise|corporate|total)\s+level|(?:for|across)\s+the\s+(?:whole|entire|total)\s+"
    r"(?:company|group|enterprise)|(?:the|our)\s+company\s+as\s+a\s+whole)\b")


_SUBJECT_HEADS = ("segment", "division", "business", "unit")  # one is in every match of _SUBJECT


# the first word (its letters, lower-cased) of every match of _SUBJECT: of _PRE, or "the", "our", "its"
_SUBJECT_FIRST = frozenset(("and", "now", "so", "next", "then", "finally", "lastly", "also", "okay", "ok", "all",
                            "first", "second", "third", "the", "our", "its"))


def _subject_possible(sentence: str) -> bool:
    """Whether ``_SUBJECT`` can match ``sentence`` (a pre-check; case-blind matches of ASCII words are known from
    the lower-cased text only when the text is ASCII): it opens on one of its first words, and holds a head noun."""
    if not sentence.isascii():
        return True
    if _FIRST_LETTERS.match(sentence).group(1).lower() not in _SUBJECT_FIRST:  # type: ignore[union-attr]
        return False  # (most sentences open on another word: no lower-casing of the sentence for them)
    low = sentence.lower()
    return any(map(low.__contains__, _SUBJECT_HEADS))


# a sentence without figures that is about a named segment ("Slide 5 shows a summary of fourth quarter results for
# the composite fiber segment.", "Other components of the Insurance segment also performed well")
_ABOUT = re.compile(r"\b(?:the|our)\s+(?P<name>(?:[\w&'’-]+\s+){1,3}(?:segment|division))\b(?!['’]s\s+share)")


_BOTH_BEFORE = re.compile(r"\b(?:both|each\s+of)\s+$", re.IGNORECASE)


_FIGURE = re.compile(r"[$€£¥%]|\d\s*(?:million|billion|thousand|percent|per\s*cent|basis|bps|mln|bln|bn|m\b)",
                     re.IGNORECASE)


# a sentence whose subject is a segment's figure named by the generic word ("Segment adjusted EBITDA was $62.4
# million", "Segment operating loss in the fourth quarter was"): the call is going through one segment, whose margin
# the next sentence may give without naming it again ("Adjusted EBITDA margin of 14.2% increased 190 basis points")
_SEGMENT_FIGURE = re.compile(r"(?i)^\s*(?:(?:and|so|now|also|then),?\s+)?(?:total\s+)?segment\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:revenues?|sales|profits?|income|earnings|loss|EBITDA|margins?)\b")


# a lead that announces a review of the segments and names the first ("Now, I'll review our segment performance,
# beginning with diagnostics."): the name may be written in lower case, the review having said what it is
_SEGMENT_REVIEW = re.compile(
    r"(?i)\bsegments?['’]?\s+(?:performance|results|review|discussion|highlights|detail)\b[^.;]{0,40}?,\s*"
    r"(?:beginning|starting)\s+(?:off\s+)?with\s+(?:the\s+|our\s+)?(?P<name>[a-z][\w&'’-]*(?:\s+[a-z&][\w&'’-]*){0,4}?)"
    r"(?=\s*(?:[,.;:]|$|\s+(?:on|in)\s+(?:slide|page|chart)\b))")
# a named segment in a clause of a lead later in the sentence ("Looking ahead to the second quarter of 2021, for our
# Petroleum segment, we estimate"): the head noun says what it is
_SEGMENT_CLAUSE = re.compile(
    r",\s*(?:for|in|within|at)\s+(?:the\s+|our\s+)(?P<name>(?-i:[A-Z][\w&'’.-]*)(?:\s+(?:&\s+|and\s+)?"
    r"(?-i:[A-Z][\w&'’.-]*)){0,3}\s+(?:segment|division))\s*,", re.IGNORECASE)


def scope_opened(sentence: str) -> str | None:
    """The segment a sentence opens a scope on by a lead or as its subject, or None.

    >>> scope_opened("Moving on to the Americas."), scope_opened("In our Industrial segment, revenue was $5 million.")
    ('Americas', 'Industrial segment')
    >>> scope_opened("In the quarter, revenue was $5 million.") is None
    True
    >>> scope_opened("Segment adjusted EBITDA was $62.4 million, up 79.5% over the prior-year period.")
    'segment'
    """
    if ("Segment" in sentence or "segment" in sentence) and _SEGMENT_FIGURE.match(sentence):
        return "segment"  # "Segment adjusted EBITDA was $62.4 million": the segment the call is going through
    m = (_LEAD.match(sentence) if _lead_possible(sentence) else None) \
        or (_SUBJECT.match(sentence) if _subject_possible(sentence) else None)
    if m is None and ("segment" in sentence or "division" in sentence) and not _FIGURE.search(sentence):
        # (every match of _ABOUT names a segment or a division, as written)
        m = _ABOUT.search(sentence)
        if m is not None and _BOTH_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
            return None  # "driven by ... in both the Distribution segment and our Animal Health group": no one segment
    if m is None and ("egment" in sentence or "ivision" in sentence):
        m = _SEGMENT_REVIEW.search(sentence) or _SEGMENT_CLAUSE.search(sentence)
    if m is None:
        return None
    name = " ".join(m.group("name").split()).strip(" .")
    if not name or _NOT_PART.search(name) or _WHOLE.search(name) or (name[:1].islower() and m.re is _LEAD and not re.search(
            r"(?i)\b(?:the|our|its)\s+$", sentence[:m.start("name")])):
        return None
    return name


# one is in every match of _COMPANY_LEVEL (in lower case)
_COMPANY_LEVEL_WORDS = ("total", "company", "enterprise", "consolidated", "overall", "level", "group")


def _company_level(sentence: str) -> bool:
    """Whether ``_COMPANY_LEVEL`` matches ``sentence``; an ASCII sentence without one of its words is answered
    without the scan (a case-blind pattern led by ``\\b`` is tried at every position)."""
    if sentence.isascii() and not any(map(sentence.lower().__contains__, _COMPANY_LEVEL_WORDS)):
        return False
    return _COMPANY_LEVEL.search(sentence) is not None


def ends_scope(sentence: str) -> bool:
    """A sentence that names the company level again or turns to a topic of the whole company."""
    if _company_level(sentence):
        return True
    m = _TOPIC_LEAD.match(sentence) if _lead_possible(sentence) else None
    if m is None or _OWN_TOPIC.match(m.group("name")):
        return False  # "Turning to the segment's profitability.": a topic of the segment the call is going through
    return _WHOLE.search(" ".join(m.group("name").split())) is not None


# a topic a lead names as the segment's own ("Turning to the segment's profitability.", "Now to this business's
# margins")
_OWN_TOPIC = re.compile(r"(?i)(?:(?:this|that)\s+)?(?:segment|division|business|unit|region|group)['’]s?\s")
