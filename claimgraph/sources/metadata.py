"""Article metadata from the text itself: title, bylines, and page debris.

Plain-text scrapes carry their metadata inline: the first line is the title,
a byline such as "AI Writing Agent Henry Rivers." or "By Jane Doe" or an
organisation byline ("Staff Report") sits at the top or bottom, and the page
footer (newsletter forms, comment blocks) trails the body.
:func:`clean_text` separates all of that from the article body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from claimgraph.sources.bylines import authors_from
from claimgraph.sources.language import text_units
from claimgraph.sources.model import Author, AuthorKind
from claimgraph.sources.places import dateline
from claimgraph.sources.releases import release_issuer
from claimgraph.sources.scan import Scanner
from claimgraph.sources.text import is_boilerplate, is_footer_start, line_spans

_TOKEN = r"(?:[A-Z](?:[\w'’-]+|\.))"
_NAME = rf"{_TOKEN}(?:\s+(?:{_TOKEN}|van|von|de|der|da|di|du|la|le|bin|al|y)){{0,4}}"
_AI_BYLINE = re.compile(rf"^\s*(?:by\s+)?AI\s+(?:Writing\s+)?Agent:?\s+({_NAME}?)(?:[.,|:]|\s*$)", re.IGNORECASE)
_BY_BYLINE = re.compile(rf"^\s*(?:written\s+)?by[:\s]+({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*[.,|]?\s*"
                        r"(?:\||-|,|$)", re.IGNORECASE)
_ORG_WORDS = re.compile(
    r"\b(?:staff|report|reporters?|desk|newsroom|editorial|editors?|team|bureau|wire|"
    r"reuters|bloomberg|associated\s+press|AP|AFP|press\s+release|contributor)\b",
    re.IGNORECASE,
)
_ORG_BYLINE = re.compile(
    r"^\s*((?:[A-Z][\w&.-]*\s+){0,3}(?:Staff(?:\s+Report(?:er)?)?|Staff\s+Writer|News\s+Desk|Newsroom|"
    r"Editorial\s+(?:Team|Board|Staff)|Editors|Reuters|Bloomberg(?:\s+News)?|Associated\s+Press|AFP)"
    r"(?:\s+Staff)?)\s*\.?\s*$"
)
_AVATAR = re.compile(r"^\s*author\s+(?:avatar|image|photo|picture)\s*$", re.IGNORECASE)


def author_kind(name: str) -> AuthorKind:
    """Guess the kind of a byline name.

    >>> author_kind("Staff Report"), author_kind("Jane Doe")
    (<AuthorKind.ORGANIZATION: 'organization'>, <AuthorKind.PERSON: 'person'>)
    """
    if re.match(r"^\s*AI\s+(?:Writing\s+)?Agent\b", name, re.IGNORECASE):
        return AuthorKind.SOFTWARE
    if _ORG_WORDS.search(name):
        return AuthorKind.ORGANIZATION
    return AuthorKind.PERSON


def parse_author(raw: str) -> Author:
    """An :class:`Author` from a byline string, recognising AI writing agents.

    >>> parse_author("AI Writing Agent Henry Rivers")
    Author(name='Henry Rivers', kind=<AuthorKind.SOFTWARE: 'software_agent'>)
    """
    raw = " ".join(raw.split()).strip(" .,|")
    m = _AI_BYLINE.match(raw)
    if m and m.group(1):
        return Author(m.group(1).strip(" ."), AuthorKind.SOFTWARE)
    raw = re.sub(r"^(?:written\s+)?by[:\s]+", "", raw, flags=re.IGNORECASE)
    return Author(raw, author_kind(raw))


@dataclass
class Cleaned:
    """The body's line spans in the original text, and what was found around it."""

    keep: list[tuple[int, int]]
    title: str = ""
    authors: list[Author] = field(default_factory=list)
    published: dt.date | None = None  # a date line at the top ("Nov 20, 2024", "Updated 4:05 PM EST, ...")


def _opens_with_dateline(line: str) -> bool:
    """Whether ``line`` opens with a wire dateline ("DEARBORN, Mich. (AP) —", "SEOUL, March 5 -", "LONDON -"), not
    with a hyphenated name ("M-real 's sales", "UPM-Kymmene Corp.")."""
    found = dateline(line)
    if found is None or not (found.place.isupper() or found.country is not None or found.dated):  # ("Apple Inc. (AAPL) -")
        return False
    between = line[len(found.place):found.end]
    return between.strip(" \t-–—:") != "" or (found.place.isupper() and len(found.place) >= 3 and between[:1].isspace())


def clean_text(original: str, *, title_first_line: bool = True) -> Cleaned:
    """Find the body lines, the title and the bylines of a plain-text article.

    >>> c = clean_text("Big News\\nBy Jane Doe\\nRevenue rose.\\nAdvertisement\\nComments\\nNo comments yet")
    >>> c.title, [a.name for a in c.authors], len(c.keep)
    ('Big News', ['Jane Doe'], 2)
    >>> clean_text("Big News\\nBy Jane Doe | Nov 20, 2024\\nRevenue rose.").published
    datetime.date(2024, 11, 20)
    """
    spans = line_spans(original)
    out = Cleaned(keep=[])
    seen_title = not title_first_line
    expect_author = False
    in_footer = False
    head = _HEAD_LINES  # the lines after the title where a date line is looked for
    previous = ""  # the line before, when kept and not blank
    for start, end in spans:
        line = original[start:end]
        stripped = line.strip()
        before, previous = previous, ""
        if not stripped:
            continue
        if seen_title and continues(before, stripped):
            # ("... earnings per share of 3.70 dlrs per\nshare on sales of 14 billion dlrs": a hard-wrapped line
            # that goes on with the sentence above is no "Share on ..." button nor a byline)
            out.keep.append((start, end))
            previous = stripped
            continue
        if seen_title and head > 0:
            head -= 1
            if (parts := head_segments(stripped)) is not None:
                # "Dec. 02, 2025 7:05 AM ET | Acme Corp. (ACME) | By: Jane Doe, News Editor": the date and the
                # byline of a line of short segments under the title, never body text
                when, credited = parts
                out.published = out.published or when
                out.authors.extend(a for a in credited if a not in out.authors)
                continue
            if out.published is None and len(stripped) <= 100:
                when = date_line(stripped)
                if when is not None:
                    out.published = when
                    continue
                if _BY_BYLINE.match(stripped) is not None and not _FIGURE.search(stripped) \
                        and (when := find_date(stripped)) is not None:
                    out.published = when  # "By Jane Doe | Nov 20, 2024": the byline is read below
            if out.published is None and (lead := _date_lead(stripped)) is not None:
                out.published = lead[0]  # "May 8, 2025 -- Acme Corp. reported": the first paragraph, dated
        if not seen_title and out.published is None and len(stripped) <= 100 \
                and (when := date_line(stripped)) is not None:
            out.published = when  # a date line above the headline ("January 30, 2026"): the day, not the title
            continue
        if not seen_title:
            seen_title = True
            out.keep.append((start, end))
            if _opens_with_dateline(stripped):
                # "DEARBORN, Mich. (AP) — Ford Motor Co. said ...": the story's first paragraph, not a headline
                continue
            if out.published is None and (lead := _date_lead(stripped)) is not None:
                # "2021-04-28 — Hyundai Motor Co posted ...": the day the text was written, then the text
                out.published, stripped = lead
            if len(stripped) <= 200:
                out.title = " ".join(stripped.split())
                continue
            # A first line that is a whole paragraph is body text; its first sentence names it.
            first = re.split(r"(?<=[.!?])\s", stripped, maxsplit=1)[0]
            out.title = " ".join(first.split())[:160]
            continue
        if _AVATAR.match(stripped):
            expect_author = True
            continue
        byline = _byline(stripped, expect_author)
        expect_author = False
        if byline is not None:
            # ("By Jane Doe, Markets Editor": the name, without the job title)
            for author in authors_from([byline]) or [byline]:
                if author not in out.authors:
                    out.authors.append(author)
            continue
        if is_footer_start(stripped) or _other_stories_start(stripped):
            in_footer = True
        if in_footer or is_boilerplate(stripped):
            continue
        out.keep.append((start, end))
        previous = stripped
    _drop_trailing_debris(original, out)
    if not out.authors and (issuer := release_issuer(original)) is not None:
        out.authors.append(Author(issuer, AuthorKind.ORGANIZATION))  # a wire release's sender, as it credits it
    return out


_FIGURE = re.compile(r"\d\s*%|[$€£¥]\s*\d")  # (a sentence's figure: "By channel, sales rose 5% on March 3, 2025.")
_SEGMENT_SPLIT = re.compile(r"\s+[|·•]\s+|\s*\|\s*")
_SEGMENT_BY = re.compile(r"^(?:(?:written|posted|reported)\s+)?by\b\s*:?\s*(?=\S)", re.IGNORECASE)
MAX_SEGMENT_WORDS = 8


def head_segments(line: str) -> tuple[dt.date | None, list[Author]] | None:
    """The date and the byline of a line under a title made of short segments set off by "|", "·" or "•" (a
    date, a time, a section, the company and its ticker, "By: Jane Doe, News Editor"), as news sites and their
    copies in Markdown and text write it; ``None`` unless a segment is a date or a byline. A table row (a line
    that opens or ends on "|") and a line of long segments (prose) are no such line.

    >>> when, names = head_segments("Dec. 02, 2025 7:05 AM ET | Acme Corp. (ACME) | By: Jane Doe, News Editor")
    >>> when, [a.name for a in names]
    (datetime.date(2025, 12, 2), ['Jane Doe'])
    >>> head_segments("| Three months ended | Dec. 31, 2024 |") is None, head_segments("Revenue | up 5%") is None
    (True, True)
    """
    if line.startswith("|") or line.endswith("|"):
        return None
    if "|" not in line and "·" not in line and "•" not in line:
        return dated_byline(line)  # (every separator _SEGMENT_SPLIT splits at holds one: one part, not split)
    parts = [p.strip() for p in _SEGMENT_SPLIT.split(line)]
    if len(parts) < 2:
        return dated_byline(line)
    if any(not p or len(p.split()) > MAX_SEGMENT_WORDS or p[-1] in "!?;" for p in parts):
        return None
    dated = [(p, d) for p, d in ((p, date_line(p)) for p in parts) if d is not None]
    if len(dated) > 1:  # "Published: 2024-11-07 | Updated: 2024-11-08": the one labelled as the publication
        dated = [(p, d) for p, d in dated if _PUBLISHED_LABEL.search(p)] or \
            [(p, d) for p, d in dated if not _UPDATED_LABEL.search(p)]
    credited: list[Author] = []
    for part in parts:
        if _SEGMENT_BY.match(part) is not None:
            credited.extend(a for a in authors_from([part]) if a not in credited)
        elif _ORG_BYLINE.match(part) is not None:  # "Staff Report | Nov. 7, 2024"
            credited.extend(a for a in authors_from([Author(part.strip(" ."), AuthorKind.ORGANIZATION)])
                            if a not in credited)
    if len(dated) > 1 or not (dated or credited):
        return None
    return (dated[0][1] if dated else None), credited


_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first\s+published)\b", re.IGNORECASE)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
_DATE_THEN_BY = re.compile(r"^(.{6,40}?)\s+(?:[-–—,]\s*)?by\s+(?=[A-ZÀ-Þ])", re.IGNORECASE)


def dated_byline(line: str) -> tuple[dt.date | None, list[Author]] | None:
    """A date and a byline on one line without separators: "Posted on November 7, 2024 by Jane Doe",
    "November 7, 2024 — By Jane Doe", "By Jane Doe on November 7, 2024"; ``None`` for any other line.

    >>> when, names = dated_byline("Posted on November 7, 2024 by Jane Doe")
    >>> when, [a.name for a in names]
    (datetime.date(2024, 11, 7), ['Jane Doe'])
    >>> dated_byline("By channel, sales rose 5% on November 7, 2024.") is None
    True
    """
    if len(line) > 100 or (line[-1:] in ".!?" and not re.search(r"\b[A-Z][a-z]?\.$", line)):
        return None
    m = _DATE_THEN_BY.match(line)
    if m is not None and (when := date_line(m.group(1))) is not None:
        names = authors_from([line[m.end():]])
        return (when, names) if names else None
    if _SEGMENT_BY.match(line) is None:
        return None
    names = authors_from([line])
    if not names:
        return None
    last = line.lower().rfind(names[-1].name.split()[-1].lower())
    if last < 0:
        return None
    rest = line[last + len(names[-1].name.split()[-1]):].strip(" ,|·•-–—\t")
    when = date_line(rest) if rest else None
    return (when, names) if when is not None else None


# a heading over other stories or readers' comments after an article ("More on Acme", "Comments (14)", "Also in
# today's briefing:", "Recommended for you"): the article has ended
_OTHER_STORIES = re.compile(
    r"^(?:(?:more|latest)\s+(?:on|from|about|in)\s+\S.{0,60}|(?:reader\s+)?comments?\s*\(\d+\)|\d+\s+comments?|"
    r"also\s+in\s+(?:today|this|the)\b.{0,40}|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+like|"
    r"(?:most|more)\s+(?:read|popular)|read\s+next|trending(?:\s+now)?|related\s+(?:stories|news|coverage|posts?)|"
    r"top\s+stories|what\s+to\s+read\s+next)\s*:?$",
    re.IGNORECASE)


def _other_stories_start(line: str) -> bool:
    """Whether ``line`` is a heading over other stories or comments (the article ends above it).

    >>> _other_stories_start("More on Acme Corp"), _other_stories_start("Comments (14)")
    (True, True)
    >>> _other_stories_start("More on that below."), _other_stories_start("Also in the quarter, costs rose 5%.")
    (False, False)
    """
    return len(line) <= 80 and line[-1:] not in ".!?" and _OTHER_STORIES.match(line) is not None


def continues(before: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence of the line ``before`` it: that line is long enough to be wrapped
    prose and ends without closing punctuation, and this one starts in lower case.

    >>> continues("expects to report earnings per share of 3.70 to 3.85 dlrs per", "share on sales of 14 billion dlrs")
    True
    >>> continues("Revenue rose 5% in the quarter.", "share on facebook"), continues("Acme results", "share this")
    (False, False)
    """
    return len(before) >= 40 and before[-1] not in ".!?:;\"'”’)" and line[:1].islower()


def _byline(line: str, after_avatar: bool) -> Author | None:
    m = _AI_BYLINE.match(line)
    if m and m.group(1):
        return Author(m.group(1).strip(" ."), AuthorKind.SOFTWARE)
    if len(line) <= 80:
        m2 = _BY_BYLINE.match(line)
        if m2 and not re.search(r"\d\s*%|[$€£¥]\s*\d", line) \
                and (m2.group(1)[:1].isupper() or len(line.split()) <= 6):
            # (not "By channel, commercial aftermarket sales were $2.1 billion.": a call's sentence)
            return parse_author(m2.group(1))
        m3 = _ORG_BYLINE.match(line)
        if m3:
            return Author(m3.group(1).strip(" ."), AuthorKind.ORGANIZATION)
        if after_avatar and len(line.split()) <= 5 and not line.endswith((".", "?", "!")):
            return parse_author(line)
    return None


_TABLE_ROW = re.compile(r"\d\s*(?:mln|bln|billion|million|cts|dlrs)?\s+vs\.?\s+\S*\d|\bvs\.?\s+(?:nil|loss)\b", re.IGNORECASE)


def _is_table_line(line: str) -> bool:
    """A wire table's line: a label and a figure ("Qtly div five cts", "Pay April 1")."""
    from claimgraph.sources.tables import is_row

    return is_row(line)


# a statement table's row laid out with spaces: figures two spaces or more after the label and one another
# ("and diluted            $    (0.31)   $    (0.39)")
_ALIGNED_FIGURES = re.compile(r"\S[ \t]{2,}[$€£]?[ \t]*\(?-?\d[\d,.]*\)?[ \t]{2,}[$€£]?[ \t]*\(?-?\d")


_CLOSING = (".", "!", "?", ":", '"', "”", "。", "！", "？", "」")  # what a paragraph's last line may end on
_DEBRIS_WORDS = re.compile(r"\b(?:for\s+(?:institutional\s+)?investors|subscribe|newsletter|sign\s+up)\b",
                           re.IGNORECASE)


_FUNDS_NOTE = re.compile(r"(?i)\b(?:dlrs|dollars|funds|currency)\b")


def _drop_trailing_debris(original: str, cleaned: Cleaned) -> None:
    """Drop short unpunctuated lines (widgets, taglines) after the last real paragraph."""
    while len(cleaned.keep) > 1:
        start, end = cleaned.keep[-1]
        line = original[start:end].strip()
        ends = line.endswith(_CLOSING)
        if ends and (len(line) >= 160 or _DEBRIS_WORDS.search(line) is None):
            break  # a closed paragraph that names no sign-up widget stays, table row or not (the tests below, cheap first)
        if _TABLE_ROW.search(line) or _is_table_line(line) or (line.startswith("|") and line.count("|") >= 3
                                                               and re.search(r"\d", line)) \
                or _ALIGNED_FIGURES.search(line):
            break  # a results table's last rows ("Revs 5,112,100 vs 3,659,600", "Qtly div five cts", "Record
            # March 27") and a page's table rows ("| Net debt | (410.0) | (455.3) |") are text, not a widget
        if (_FUNDS_NOTE.search(line) or (len(cleaned.keep) > 1 and continues(
                original[cleaned.keep[-2][0]:cleaned.keep[-2][1]].strip(), line))) and _DEBRIS_WORDS.search(line) is None:
            break  # a wire item's currency note ("Results in U.S. funds") and a hard-wrapped sentence's last words
        # (the ending first: counting a paragraph's words costs more than looking at its last character)
        if not ends and text_units(line) <= 4:
            cleaned.keep.pop()
            continue
        if _DEBRIS_WORDS.search(line) and len(line) < 160:
            cleaned.keep.pop()
            continue
        break


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH_WORD = r"([A-Za-z]{3})[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE_FORMS: list[tuple[re.Pattern[str], tuple[int, int, int]]] = [
    # (pattern, group numbers of year, month, day); a month group that is not a number is a month name
    (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), (1, 2, 3)),
    (re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?"), (1, 2, 3)),
    (re.compile(rf"{_WEEKDAY}{_MONTH_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.IGNORECASE), (3, 1, 2)),
    (re.compile(rf"{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_MONTH_WORD},?\s+(\d{{4}})", re.IGNORECASE),
     (3, 2, 1)),
    (re.compile(r"(\d{4})(\d{2})(\d{2})(?:T|$)"), (1, 2, 3)),
]


def parse_date(value: object) -> dt.date | None:
    """Parse a published date from ISO text, "12 November 2025", "Nov. 12, 2025", "Tue, 12 Nov 2025 …",
    "2025/11/12" or "2025年11月12日". A time and offset after the date are ignored: the date is the one
    written, in the page's own time zone.

    >>> parse_date("2025-11-12T21:05:00-05:00"), parse_date("Nov. 12, 2025")
    (datetime.date(2025, 11, 12), datetime.date(2025, 11, 12))
    >>> parse_date("Wednesday, 12th November 2025"), parse_date("2025年11月12日 10:00")
    (datetime.date(2025, 11, 12), datetime.date(2025, 11, 12))
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    for pattern, (y, mo, d) in _DATE_FORMS:
        m = pattern.match(text)
        if m:
            return _date_from(m, y, mo, d)
    return None


_HEAD_LINES = 6
# what may stand beside a date on a line of its own: a label, a weekday, a time, a time zone, separators
_DATE_LINE_REST = re.compile(
    r"(?i)^(?:\s|[|·•,:\-–—]|(?:first\s+|last\s+)?(?:published|posted|updated|modified|date[d]?|on|at|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?|\d{1,2}[:.]\d{2}(?::\d{2})?|"
    r"[ap]\.?m\.?|[A-Z]{1,4}T|(?:utc|gmt)(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|\(?updated\)?))*$")


def date_line(line: str) -> dt.date | None:
    """The date of a line that holds nothing but a date (with a label, a weekday, a time or a time zone), as
    plain-text scrapes and e-mailed articles put under the title; ``None`` for any other line.

    >>> date_line("Nov 20, 2024"), date_line("Updated 4:05 PM EST, Wed November 20, 2024")
    (datetime.date(2024, 11, 20), datetime.date(2024, 11, 20))
    >>> date_line("Published: 2024-11-20 09:30 GMT"), date_line("Revenue rose on Nov 20, 2024.")
    (datetime.date(2024, 11, 20), None)
    >>> date_line("November 14, 2024 at 7:02 AM GMT+1"), date_line("Mumbai, November 9, 2023")
    (datetime.date(2024, 11, 14), datetime.date(2023, 11, 9))
    """
    if _FOUR_DIGITS.search(line) is None:
        return None  # (every form holds a year of four digits: no date here)
    spaced = _SPACED_YEAR.search(line) is not None
    lower = line.lower()
    for n, (scanner, (y, mo, d)) in enumerate(_DATE_SCANS):
        if n >= 2 and not spaced:
            continue  # (the forms with a month name end with a space and the year)
        m = scanner.search(line, lower)
        if m is None:
            continue
        before = line[:m.start()]
        if (place := _PLACE_BEFORE.match(before)) is not None:
            before = before[place.end():]  # "Mumbai, November 9, 2023": a dateline's place, then the day
        if _DATE_LINE_REST.match(before + " " + line[m.end():]):
            return _date_from(m, y, mo, d)
    return None


# what a line that holds a date of _DATE_FORMS[:4] has: four digits in a row (every form), a space and then four
# digits (the forms with a month name); the forms scanned by their first characters (the same first matches)
_FOUR_DIGITS = re.compile(r"\d{4}")
_SPACED_YEAR = re.compile(r"\d{4}(?<=\s\d{4})")
_DATE_SCANS = [(Scanner(pattern), groups) for pattern, groups in _DATE_FORMS[:4]]
assert all(_DATE_FORMS[n][0].pattern.endswith(r",?\s+(\d{4})") for n in (2, 3))


# the place of a dateline on a line of its own: one to three capitalised words and a comma
_PLACE_BEFORE = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s+(?:(?:de|del|da|do|la|el|am|upon)\s+)?[A-Z][\w.'’-]*){0,2}\s*,\s*")


_LEAD_SEPARATOR = re.compile(r"\s*(?:[|:\-–—]+|\(\w+\)\s*[-–—]+)\s+(?=\S)")


def _date_lead(line: str) -> tuple[dt.date, str] | None:
    """A line that opens with a date and a dash before its text ("2021-04-28 — Acme posted ..."): the date and the
    text after it; None for any other line.

    >>> _date_lead("2021-04-28 — Acme Co posted a profit.")
    (datetime.date(2021, 4, 28), 'Acme Co posted a profit.')
    >>> _date_lead("2021 revenue rose.") is None
    True
    """
    for pattern, (y, mo, d) in _DATE_FORMS[:4]:
        m = pattern.match(line)
        if m is not None and (sep := _LEAD_SEPARATOR.match(line, m.end())) is not None:
            when = _date_from(m, y, mo, d)
            return (when, line[sep.end():]) if when is not None else None
    return None


def find_date(text: str) -> dt.date | None:
    """The first date written anywhere in ``text`` (a visible dateline such as "Updated 3:00 PM, Nov 6, 2023").

    >>> find_date("Published 8:00 AM EST, Mon November 6, 2023")
    datetime.date(2023, 11, 6)
    """
    best: tuple[int, dt.date] | None = None
    for pattern, (y, mo, d) in _DATE_FORMS[:4]:
        for m in pattern.finditer(text):
            found = _date_from(m, y, mo, d)
            if found is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), found)
                break
    return best[1] if best else None


def _date_from(m: re.Match[str], y: int, mo: int, d: int) -> dt.date | None:
    month_text = m.group(mo)
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:3].lower(), 0)
    if not month:
        return None
    return _safe_date(int(m.group(y)), month, int(m.group(d)))


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
