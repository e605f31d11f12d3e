"""The lead's subject: the company that opens an article's first sentence as the subject of its verb.

A wire story names its subject once in the lead ("TOKYO, May 12 (Kyodo) -- Hayashida Electric Co. said Monday it will
acquire Vreeland Instruments B.V. ...") and then writes "it", "the company" or nothing ("Net profit rose to ..."),
while a company it buys or competes with may be named again ("Vreeland posted sales of ..."). Counting names alone
then makes the other company the article's; the lead's subject counts as a headline's does when there is no headline.
"""

from __future__ import annotations

import re

from claimgraph.sources.companies import CompanyMention

# what may stand between the dateline and the lead's first name, and the verb right after it (a ticker in brackets
# and a weekday between): "Hayashida Electric Co. said Monday", "Acme Corp (ACME.N) on Tuesday agreed to"
# (a place's possessive and a description may lead the name: "South Korea's Daesan Electronics said", "Irish
# low-cost carrier Shannonair said"; words of the name the finder left out may follow it: "Daesan Electronics")
_BEFORE = re.compile(r"[\s\-\u2013\u2014:]*(?:[A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?['\u2019]s[^\S\n]+)?"
                     r"(?:[A-Z][a-z]+[^\S\n]+)?(?:(?!(?:at|of|from|by|with|for|to|and|in|on|as)\b)[a-z][\w-]*[^\S\n]+){0,3}")
_VERB = re.compile(r"(?:[^\S\n]+[A-Z][\w&.-]*){0,2}[^\S\n]*(?:\([^()\n]{1,40}\)[^\S\n]*)?,?[^\S\n]*(?:on\s+)?"
                   r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                   r"[^\S\n]+)?(?:said|says|reported|reports|posted|announced|agreed|will|plans|is\s+to|has\s+agreed)\b")


def lead_subject(text: str, mentions: list[CompanyMention], start: int) -> CompanyMention | None:
    """The company mention that opens the text at ``start`` (after a dateline) and is followed by its verb.

    >>> from claimgraph.sources.companies import CompanyFinder, load_registry
    >>> t = "TOKYO (Kyodo) -- Hayashida Electric Co. said Monday it will buy Vreeland Instruments B.V."
    >>> lead_subject(t, CompanyFinder(load_registry()).find(t), 13).company.name
    'Hayashida Electric'
    >>> t = "SEOUL (Reuters) - South Korea's Daesan Electronics said its profit rose. Daesan's sales rose."
    >>> lead_subject(t, CompanyFinder(load_registry()).find(t), 15).company.name
    'Daesan'
    """
    body = [m for m in mentions if m.start >= start]
    if not body:
        return None
    first = min(body, key=lambda m: m.start)
    if _BEFORE.fullmatch(text, start, first.start) is None or _VERB.match(text, first.end) is None:
        return None
    return first


# a lead that opens on a name the finder does not know, then its verb: "Cloud security firm Ravelin Labs raised $1.1
# billion in its U.S. initial public offering"
_NAME_THEN_VERB = re.compile(r"([A-Z][\w&'’.-]*[A-Za-z0-9](?:[ \t]+[A-Z][\w&'’.-]*[A-Za-z0-9]){0,3})[ \t]+"
                             r"(?:on[ \t]+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[ \t]+)?"
                             r"(?:said|reported|posted|announced|agreed|raised|forecast|warned)\b")


def lead_name(text: str, start: int) -> str | None:
    """The name that opens the text at ``start`` (after a dateline, a place's possessive and a description allowed)
    as the subject of its verb, for a lead whose company no rule found.

    >>> lead_name("NEW YORK (Reuters) - Cloud security firm Ravelin Labs raised $1.1 billion in its IPO.", 21)
    'Ravelin Labs'
    >>> lead_name("NEW YORK (Reuters) - Wall Street's main indexes closed higher on Wednesday.", 21) is None
    True
    """
    for pos in [start, *(start + m.end() for m in re.finditer(r"\s+", text[start:start + 80]))]:
        if _BEFORE.fullmatch(text, start, pos) is not None and (m := _NAME_THEN_VERB.match(text, pos)) is not None:
            return m.group(1)
    return None


# a rating action on another company's rating: "S&P Global Ratings cut Harmon Telecom Inc's credit rating to junk"
_RATES = re.compile(r"[ \t]+(?:on[ \t]+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[ \t]+)?(?:cut|cuts|lowered|lowers|raised|"
                    r"raises|downgraded|downgrades|upgraded|upgrades|affirmed|affirms|revised|revises)[ \t]+$")
_RATING_AFTER = re.compile(r"(?:['\u2019]s?)?[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:ratings?|outlook)\b")


def rated_company(text: str, mentions: list[CompanyMention], main: str | None) -> CompanyMention | None:
    """The company whose rating the article's company (``main``, an id) acts on, named right after its verb: the
    agency is no subject of the figures of the story.

    >>> from claimgraph.sources.companies import CompanyFinder, load_registry
    >>> t = "Nov 18 (Reuters) - S&P Global Ratings cut Harmon Telecom Inc's credit rating to junk on Tuesday."
    >>> ms = CompanyFinder(load_registry()).find(t)
    >>> rated_company(t, ms, ms[0].company.id).company.name
    'Harmon Telecom'
    """
    for rater in (m for m in mentions if m.company.id == main):
        for m in mentions:
            if rater.end < m.start <= rater.end + 40 and m.company.id != main \
                    and _RATES.fullmatch(text, rater.end, m.start) \
                    and _RATING_AFTER.match(text, m.end):
                return m
    return None
