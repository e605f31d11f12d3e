"""Headings and lead-in lines that set the period and modality of the lines below them.

Press releases and web pages group their figures under headings and lead-ins, and the list items below name
neither the period nor whether they are an outlook::

    Fiscal Year 2024 Financial Highlights
    - Total revenue was $330.2 million, an increase of 19%.
    Financial Outlook
    For the first quarter of 2025, Brightline expects:
    - Total revenue of $89.0 million to $90.0 million.

* A **heading** is a short line without closing punctuation (at most 120 characters, no figure of money or
  percent); it governs every line below it up to the next heading.
* A **lead-in** is a line that ends with a colon; it governs the list items (or short lines) right below it,
  inside the heading's region.
* Each names at most one **period** (a heading with two, "Fourth Quarter and Fiscal Year 2024", sets none) and
  may be an **outlook** ("Outlook", "Guidance", "expects", "forecast", "sees").

A claim whose period the sentence itself does not state (it took the article's period) takes the governing
period instead, and a reported figure under an outlook becomes guidance (:func:`apply_sections`).

>>> import datetime as dt
>>> from claimgraph.sources.model import Period
>>> text = "Fiscal Year 2024 Highlights\\n- Revenue was $5 million.\\nOutlook\\nFor 2025 we expect:\\n- x"
>>> [(s.start, s.period.label if s.period else None, s.guidance) for s in find_sections(text, (12, 31), None, 2025)]
[(28, '2024', False), (82, '2025', True)]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from claimgraph.sources.model import Claim, Modality, Period, Resolution
from claimgraph.sources.periods import find_period_mentions, shift_year
from claimgraph.sources.quantities import find_quantities

# a company's outlook ("Outlook", "For 2025 we expect:", "it expects"; not "beating estimates", "than expected");
# also what makes a sentence's yearless quarter an outlook's in the orchestrator's context
OUTLOOK = re.compile(r"(?i)\b(?:outlook|guidance|expects?|expecting|forecasts?|forecasted|sees|projects?|projected|"
                     r"anticipates?)\b")
# whose expectations a lead-in names when they are not the company's own
_THEIRS = re.compile(r"(?i)\b(?:analysts?|wall\s+street|the\s+street|consensus|estimates?|polled|surveyed|LSEG|"
                     r"FactSet|Refinitiv|Zacks|Visible\s+Alpha)\b")
_ITEM = re.compile(r"^\s*(?:[-*•·▪◦‣–]|\d{1,2}[.)])\s+")
_BULLET = re.compile(r"^\s*[-*•·▪◦‣–]\s+")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+")
_CLOSED = re.compile(r"[.!?\"”’)]\s*$")
# the numbers a heading may hold: years, quarters and halves ("Q3 2024", "3Q24", "FY25", "2nd quarter", "H1")
_PERIOD_NUMBERS = re.compile(r"(?i)\b(?:(?:FY|F)?'?(?:19|20)?\d\d|[QH][1-4](?:\s*'?\d\d)?|[1-4][QH](?:\s*'?\d\d)?|"
                             r"[1-4](?:st|nd|rd|th)|(?:19|20)\d\d|\d{1,2}\s+(?:weeks|months)|"
                             r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|"
                             r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b")
_OTHER_NUMBER = re.compile(r"\d")
MAX_HEADING = 120
# what a press release's period heading says besides the period ("Fourth Quarter 2024 Financial Highlights",
# "For the first quarter of 2025, Acme expects:" has the company's name too: a lead-in may name its subject)
_RESULTS_WORDS = frozenset({
    "financial", "financials", "projections", "targets", "highlights", "highlight", "results", "result", "summary",
    "performance", "review",
    "key", "metrics", "operating", "operational", "business", "and", "the", "of", "for", "in", "to", "update",
    "guidance", "outlook", "consolidated", "group", "unaudited", "selected", "figures", "data", "quarter",
    "quarterly", "fiscal", "year", "full", "annual", "half", "first", "second", "third", "fourth", "ended", "ending",
    "months", "weeks", "fy", "q", "h", "expects", "expect", "sees", "forecast", "our", "we", "it", "company",
    "reported", "reports", "s"
})


@dataclass(frozen=True, slots=True)
class Section:
    """The region ``[start, end)`` of the text that a heading or lead-in governs."""

    start: int
    end: int
    period: Period | None
    guidance: bool


def find_sections(text: str, fye: tuple[int, int], context: Period | None, default_year: int | None, *,
                  title_end: int = 0, title: str = "") -> list[Section]:
    """The governed regions of ``text`` in order (see the module docstring). The title (``text[:title_end]``, and
    the page's headline repeated below it) is not a heading: the headline is read on its own."""
    headline = " ".join(title.split()).lower()
    out: list[Section] = []
    heading: Section | None = None
    lead: Section | None = None
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, pos = pos, pos + len(raw)
        line = raw.strip()
        if not line or start < title_end or (headline and " ".join(line.split()).lower() == headline):
            continue
        kind = _kind(line)
        if kind is None:
            if lead is not None and not _ITEM.match(raw) and len(line) > MAX_HEADING:
                _close(lead, start, out)  # a paragraph after the list ends the lead-in
                lead = None
            continue
        period, ok = _one_period(line, fye, context, default_year, strict=kind == "heading")
        guidance = bool(OUTLOOK.search(line)) and (kind == "lead" or _only_results_words(line)) \
            and not _THEIRS.search(line)  # ("how the company did compared with what Wall Street was expecting:")
        _close(lead, start, out)
        lead = None
        if kind == "heading":
            _close(heading, start, out)
            heading = None
            if ok and (period is not None or guidance):
                heading = Section(pos, len(text), period, guidance)
            continue
        if ok and (period is not None or guidance):
            lead = Section(pos, len(text), period or (heading.period if heading else None),
                           guidance or bool(heading and heading.guidance))
            if heading is not None:
                out.append(dataclasses.replace(heading, end=start))
                heading = dataclasses.replace(heading, start=len(text))  # resumes after the lead-in's list
    _close(lead, len(text), out)
    _close(heading, len(text), out)
    return sorted((s for s in out if s.start < s.end), key=lambda s: s.start)


def _only_results_words(text: str) -> bool:
    return all(w in _RESULTS_WORDS for w in re.findall(r"[a-z]+", text.lower()))


def _close(section: Section | None, end: int, out: list[Section]) -> None:
    if section is not None and section.start < end:
        out.append(dataclasses.replace(section, end=end))


def _kind(line: str) -> str | None:
    if len(line) > MAX_HEADING or line.startswith("|") or _BULLET.match(line):
        return None
    line = _NUMBERED.sub("", line)  # "2. Lowered full-year revenue guidance": a numbered heading
    if line.endswith(":"):
        return "lead"
    if _CLOSED.search(line) or _OTHER_NUMBER.search(_PERIOD_NUMBERS.sub(" ", line)) \
            or find_quantities(line, "USD", bare=False):
        return None  # a sentence, or a line with a figure ("NOTE: 1986 net excludes 3,688,000")
    return "heading"


def _one_period(line: str, fye: tuple[int, int], context: Period | None,
                default_year: int | None, *, strict: bool = True) -> tuple[Period | None, bool]:
    """The one period a heading names (``None`` when it names none); ``ok`` is false when it names several, or
    when the heading says more than a period and a results word ("What to Watch in 2026" is an editorial heading
    about 2026, not the period of the figures below it)."""
    mentions = find_period_mentions(line)
    rest = line
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:m.start] + " " + rest[m.end:]
    if strict and mentions and not _only_results_words(rest):
        return None, False
    found = {p for m in mentions if (p := m.resolve(fye, context, default_year)[0]) is not None
             and p.start != p.end}  # a day ("NEW YORK, Oct 20 -", "June 30, 2025") is a dateline or a date, no period
    if len(found) > 1:
        return None, False
    return (found.pop() if found else None), True


def apply_sections(claims: list[Claim], sections: list[Section], article_period: Period | None, *,
                   named: frozenset[tuple[int, dt.date, dt.date]] = frozenset()) -> None:
    """Give the claims under a heading or lead-in its period and modality, where the sentence stated neither.
    ``named`` holds (sentence start, period start, end) of the periods sentences name: a claim whose sentence
    names its period ("fell to 16% in Q3") is left alone."""
    if not sections:
        return
    for claim in claims:
        section = _governing(sections, claim.span[0] if claim.span else -1)
        if section is None or (claim.period is not None and claim.span
                               and (claim.span[0], claim.period.start, claim.period.end) in named):
            continue
        _apply(claim, section, article_period)


def _dates(p: Period) -> tuple[dt.date, dt.date]:
    return p.start, p.end


def _governing(sections: list[Section], at: int) -> Section | None:
    found = None
    for s in sections:
        if s.start <= at < s.end:
            found = s
    return found


def _apply(claim: Claim, section: Section, article_period: Period | None) -> None:
    inferred = claim.resolution in (Resolution.INFERRED_CONTEXT, Resolution.INFERRED_PUBLISHED)
    # (the same dates under another label are the article's period: "2025-Q3" of a calendar, "FY2025-Q4" of its year)
    default = inferred and (claim.period is None or (article_period is not None and (
        _dates(claim.period) == _dates(article_period) or claim.period.start == claim.period.end == article_period.end)))
    if claim.modality is Modality.PRIOR_PERIOD:
        if section.period is not None and inferred and article_period is not None \
                and claim.period is not None and _dates(claim.period) == _dates(shift_year(article_period)):
            claim.period = claim.base_period = shift_year(section.period)
        return
    if claim.modality not in (Modality.REPORTED, Modality.GUIDANCE, Modality.PRELIMINARY) or not default:
        return
    if section.period is not None:
        claim.period = _like(claim.period, section.period)
        claim.base_period = section.period
        claim.resolution = Resolution.INFERRED_CONTEXT
    elif section.guidance and claim.modality is Modality.REPORTED:
        claim.period, claim.base_period, claim.resolution = None, None, Resolution.UNRESOLVED  # an outlook, not
        # the period just reported; the heading does not say which
    if section.guidance and claim.modality is Modality.REPORTED:
        claim.modality = Modality.GUIDANCE


def _like(old: Period | None, new: Period) -> Period:
    """``new``, as an instant at its end when the claim was an instant (a stock's balance)."""
    if old is not None and old.start == old.end:
        return Period(new.end, new.end, new.end.isoformat())
    return new
