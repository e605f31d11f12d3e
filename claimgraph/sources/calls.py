"""Texts told in the company's own voice: earnings-call transcripts (and the like), where "we" is the company.

In a call the speakers are the company's executives, so what a news story needs attribution words for is given:

* an outlook needs no "we expect": "Free cash flow for the fourth quarter should reach $80 million to $90 million"
  is the company's guidance, not a third party's forecast (unless an analyst is named);
* another name written as the holder of a metric is one of the company's units or brands, not another company:
  "Year-over-year PeopleReady revenue was up 22%" in TrueBlue's call is a segment's figure.

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

_CALL_TITLE = re.compile(r"(?i)\b(?:earnings|conference|results|analyst|investor)\s+call\b|\btranscript\b")
_QUOTED = re.compile(r"[“\"][^”\"\n]{0,600}[”\"]")
_FIRST_PERSON = re.compile(r"(?i)\b(?:we|our|us|we're|we've|we'll|ourselves)\b")
_REPORTED_SPEECH = re.compile(r"(?i)\b(?:said|says|told|according\s+to)\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def own_voice(text: str, title: str) -> bool:
    """Whether ``text`` is told by the company itself (a call transcript): see the module's docstring."""
    if _CALL_TITLE.search(title or ""):
        return True
    plain = _QUOTED.sub(" ", text) if '"' in text or "“" in text else text
    first = len(_FIRST_PERSON.findall(plain))
    if first < 3:
        return False
    sentences = max(1, len(_SENTENCE_END.findall(plain)))
    reported = len(_REPORTED_SPEECH.findall(plain))
    return first >= 0.3 * sentences and reported * 4 <= first
