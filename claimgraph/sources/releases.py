"""The issuer of a press release sent over a wire service, as its text credits it.

A release carries no byline: the company that sends it is named by the wire's dateline, which names the wire
between the place (and date) and the text ("PORTLAND, Ore., Feb. 12, 2025 /PRNewswire/ -- Acme Inc. (NASDAQ:
ACME) today reported", "SAN DIEGO--(BUSINESS WIRE)--Acme, Inc. ...", "TORONTO, Aug. 04, 2022 (GLOBE NEWSWIRE) --
Acme Corp. ...", "NEW YORK, NY / ACCESSWIRE / July 30, 2024 /
Acme Inc. ..."), and by the closing "SOURCE Acme Inc." or "Source: Acme Inc." line. :func:`release_issuer` gives
that company, so a release page or text without a byline credits its issuer as an organisation.
"""

from __future__ import annotations

import re

_PLACE = r"[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,5}"
_DATE = r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?"
_WIRE = r"[A-Za-z][\w.&' -]{1,30}"
# the wire's mark after the place: "/PRNewswire/ --", "--(BUSINESS WIRE)--", "/ ACCESSWIRE / July 30, 2024 /"
_WIRE_MARK = (rf"(?:\s*/\s*{_WIRE}\s*/\s*(?:[-–—]{{1,2}}\s*)?|\s*[-–—]{{1,2}}\s*\(\s*{_WIRE}\)\s*[-–—]{{1,2}}\s*|"
              rf"\s*\(\s*[A-Z][\w.&' -]{{1,30}}(?<=WIRE|Wire|wire)\s*\)\s*[-–—]{{1,2}}\s*|"
              rf"\s*/\s*{_WIRE}\s*/\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}},\s+\d{{4}}\s*/\s*)")
_LEGAL = (r"(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LP|L\.P|plc|PLC|N\.V|S\.A|AG|SE|"
          r"ASA|AB|Oyj|GmbH|Holdings|Group)\.?")
_COMPANY = rf"((?:The\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&|of|and)){{0,6}},?\s+{_LEGAL})"
_DATELINE = re.compile(rf"^\s*{_PLACE}{_DATE}{_WIRE_MARK}{_COMPANY}(?=\s*[(,]|\s+(?:today|announced|reported))",
                       re.MULTILINE)
_SOURCE_LINE = re.compile(r"^\s*(?:SOURCE:?|Source:)\s+([A-Z][^\n]{1,80}?)\s*$", re.MULTILINE)
_ISSUER = re.compile(rf"^{_COMPANY}$")


def release_issuer(text: str) -> str | None:
    """The company a wire release is from: the one its wire dateline names first, confirmed or (when the
    dateline names none with a legal form) given by its closing "SOURCE" line; ``None`` for text that is no
    wire release.

    >>> release_issuer("HOUSTON, Feb. 12, 2025 /PRNewswire/ -- Acme Pumps, Inc. (NYSE: AP) today reported ...")
    'Acme Pumps, Inc.'
    >>> release_issuer("SAN DIEGO--(BUSINESS WIRE)--Telmo Bio Corp. (Nasdaq: TLMO) reported ...\\nSOURCE Telmo Bio Corp.")
    'Telmo Bio Corp.'
    >>> release_issuer("TORONTO, Aug. 04, 2022 (GLOBE NEWSWIRE) -- Aurel Timber Corp. (TSX: AUR) today reported")
    'Aurel Timber Corp.'
    >>> release_issuer("NEW YORK -- Acme Inc. said revenue rose.") is None
    True
    """
    head = text[:3000]
    if "/" not in head and "(" not in head:
        return None  # (every wire mark holds a "/" or a "(": the scan of every line start, spared)
    m = _DATELINE.search(head)
    if m is None:
        return None
    source = _SOURCE_LINE.search(text)
    if source is not None and _ISSUER.match(source.group(1).strip()):
        return source.group(1).strip()
    return m.group(1).strip()
