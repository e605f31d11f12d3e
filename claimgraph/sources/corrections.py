"""Correction notices: does an article say that it corrects, clarifies or re-issues an earlier one?

Wire services re-issue an item with a marked headline (``CORRECTED - ...``,
``(CORRECTED)-...``, ``CORRECTION - ...``, ``REFILE-...``) and a note in the body
(``-- Corrects March 11 item to exclude tax credit``, ``(Company corrects pay date,
April 25, not April 28 in story that ran yesterday``, ``... not to Spain as
reported``, ``should read``). Companies announce their own corrections in the
headline (``REGENCY CRUISES CORRECTS EARNINGS``, ``FNMA CLARIFIES ...``).

This module only *recognises* the notice; linking the article to the one it
corrects (same publisher, same company, close in time, overlapping figures) is
done by the analysis (:mod:`claimgraph.analysis.corrections`), whatever order
the articles arrive in.

Words that merely look alike are not notices: a market "correction", figures
"corrected for a capital increase", a problem that "has been corrected", "seeks
clarification".

>>> n = correction_notice("CORRECTED - FEDERAL PAPER <FBT> RAISES PAYOUT",
...     "Qtly div 17-1/2 cts vs 17-1/4 cts\\n(Corrects headline and dividend figure in item appearing\\nMarch 17 "
...     "to show dividend was raised.)", published=dt.date(1987, 3, 18))
>>> n.kind, n.refers_to
('correction', datetime.date(1987, 3, 17))
>>> n.text
'Corrects headline and dividend figure in item appearing March 17 to show dividend was raised.'
>>> correction_notice("UK EQUITIES SEEN DUE FOR DOWNWARD CORRECTION", "A correction is overdue.") is None
True
"""

from __future__ import annotations

import datetime as dt
import re

from claimgraph.sources.model import CorrectionNotice
from claimgraph.sources.scan import Scanner, any_word

_TITLE = re.compile(
    r"^\s*(?:[(<\[]\s*)?(?P<tag>CORRECTED|CORRECTION|CORRECTING|REFILED?|CLARIFICATION|UPDATED? ?\d*)\s*[)>\]]?"
    r"\s*(?:[-:\u2013\u2014]|$)", re.IGNORECASE)
# "JAMAICA CORRECTS SIZE OF ...", "FNMA CLARIFIES CURRENT DEBT OFFERING STATUS": a subject, then the verb.
_TITLE_VERB = re.compile(r"^[^a-z]*?\b(?P<verb>CORRECTS|CLARIFIES|RETRACTS|AMENDS)\b(?!\s+(?:FOR|ITSELF)\b)")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Body notes, each anchored so that "corrected for exchange rates" or "correct the imbalance" do not match.
_BODY = [
    # "(Corrects ...", "-- corrects ...", "Company corrects ...", "Moody's corrects amount ...", "(Correcting ...)"
    ("correction", re.compile(
        r"(?:^|[(\[]|--?|\u2014|[.;]\s)\s*(?:[A-Z][\w'.&]*(?:\s+[A-Z][\w'.&]*){0,3}\s+)?"
        r"(?:corrects|correcting|clarifies|clarifying)\b(?!\s+(?:for|itself|the\s+imbalance)\b)[^\n]*", re.IGNORECASE
        | re.MULTILINE)),
    ("correction", re.compile(r"\bnot\s+(?:the\s+)?[^.;()\n]{1,60}?\s+as\s+(?:previously\s+|earlier\s+|originally\s+)?"
                              r"(?:reported|stated|published)\b[^\n]*", re.IGNORECASE)),
    ("correction", re.compile(r"\b(?:should\s+(?:have\s+)?read|corrected\s+to\s+read|corrected\s+version)\b[^\n]*",
                              re.IGNORECASE)),
    ("refiled", re.compile(r"\b(?:refiled|refiling|re-?issued)\s+to\s+(?:correct|add|fix|clarify|show|include|remove|"
                           r"delete|change)\b[^\n]*|\b(?:story|item)\s+(?:was\s+)?refiled\b[^\n]*", re.IGNORECASE)),
    ("correction", re.compile(r"^\s*[*_]{0,2}(?:correction|clarification)\s*:[^\n]*", re.IGNORECASE | re.MULTILINE)),
    # "Figures revised from provisional figures issued in March": final figures that replace a provisional release
    ("revision", re.compile(r"\b(?:figures?|results?|accounts?|earnings|numbers)\s+(?:(?:were|are|have\s+been)\s+)?"
                            r"revised\s+from\s+(?:the\s+)?(?:provisional|preliminary|unaudited|flash)\b[^\n]*",
                            re.IGNORECASE)),
]


def correction_notice(title: str, text: str, *, published: dt.date | None = None) -> CorrectionNotice | None:
    """The correction notice of an article, or None when it has none.

    ``kind`` is ``correction``, ``clarification``, ``refiled`` or ``revision`` (final figures replacing a
    provisional release); ``text`` is the note
    as written (the body note when there is one, else the headline); ``refers_to`` is
    the publication date of the corrected item when the note names it ("March 11 item",
    "story that ran yesterday").
    """
    head = _TITLE.match(title or "")
    verb = _TITLE_VERB.match(title or "") if head is None else None
    body_kind, note = _body_note(text or "")
    if head is None and verb is None and note is None:
        return None
    if head is not None:
        tag = head.group("tag").upper()
        kind = "refiled" if tag.startswith("REFILE") else "clarification" if tag.startswith("CLARIF") else \
            "update" if tag.startswith("UPDATE") else "correction"
        if kind == "update" and note is None:
            return None  # "UPDATE 1-" alone re-issues with more detail; it is not a correction
    elif verb is not None:
        kind = "clarification" if verb.group("verb") == "CLARIFIES" else "correction"
    else:
        kind = body_kind
    if kind == "update":
        kind = body_kind
    shown = note if note is not None else " ".join(title.split())
    return CorrectionNotice(kind=kind, text=shown, refers_to=_referred_date(note or "", published))


# words each of the _BODY patterns needs (lower case): a pattern runs only when the text has one of them
_BODY_NEEDS: list[tuple[str, ...]] = [("correct", "clarif"), ("reported", "stated", "published"), ("should", "corrected"),
                                      ("refil", "issued"), ("correction", "clarification"), ("revised",)]

_BODY_SCANS = [Scanner(pattern) for _, pattern in _BODY]  # (the same matches, found faster)


def _body_note(text: str) -> tuple[str, str | None]:
    best: tuple[int, str, str] | None = None
    low = text.lower()
    for (kind, _), needs, scanner in zip(_BODY, _BODY_NEEDS, _BODY_SCANS, strict=True):
        if not any_word(low, needs):
            continue
        for m in scanner.finditer(text, low):
            found = m.group(0)
            # Notes often run on to the next line ("... in item appearing\nMarch 17 ..."): take the sentence.
            end = m.end()
            # (not past a paragraph's end, nor past a note that ends in its emphasis: "*Correction: ... .*")
            rest = re.match(r"(?:[^.)\n]|\n(?![ \t]*\n))*[.)]?", text[end:])
            sentence = found + (rest.group(0) if rest and not found.rstrip(" *_").endswith((".", ")")) else "")
            cleaned = " ".join(sentence.split()).strip(" *_").lstrip(" -\u2014([.;").rstrip(" )")
            if best is None or m.start() < best[0]:
                best = (m.start(), kind, cleaned)
            break
    if best is None:
        return "correction", None
    return best[1], best[2]


def _referred_date(note: str, published: dt.date | None) -> dt.date | None:
    """The date of the corrected item, when the note names it."""
    low = note.lower()
    if published is not None:
        if re.search(r"\b(?:ran|appeared|appearing|moved|issued|published)\s+yesterday\b|\byesterday'?s?\s+(?:item|story)",
                     low):
            return published - dt.timedelta(days=1)
        if re.search(r"\b(?:ran|appeared|appearing|moved)\s+(?:earlier\s+)?today\b|\btoday'?s\s+(?:item|story)", low):
            return published
    m = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b", low)
    if m:
        month, day = _MONTHS[m.group(1)], int(m.group(2))
        year = published.year if published else None
        if year is None:
            return None
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        if published is not None and d > published:
            d = d.replace(year=year - 1)
        return d
    if published is not None:
        for n, name in enumerate(_WEEKDAYS):
            if re.search(rf"\b(?:on\s+)?{name}\b", low):
                back = (published.weekday() - n) % 7 or 7
                return published - dt.timedelta(days=back)
    return None
