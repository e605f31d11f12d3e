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
