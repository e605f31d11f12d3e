"""Reporting periods: quarters, halves, nine months, years, fiscal years and dates.

Quarters come in every common form ("Q3 2025", "third quarter of 2025",
"Q1'26", "3Q25", "fourth-quarter"). Fiscal periods follow the company's
fiscal-year end, and a fiscal year is named after the calendar year in which it
ends: Microsoft's fiscal year ends on June 30, so

>>> fiscal_quarter(2016, 2, (6, 30))
Period(start=datetime.date(2015, 10, 1), end=datetime.date(2015, 12, 31), label='FY2016-Q2')

A mention without a year ("fourth-quarter") is completed from the article
(its publication date, else the reporting period it is about, else the
latest year it names); :class:`PeriodMention.resolve` says how.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from claimgraph.sources.model import Period, Resolution
from claimgraph.sources.report import fye_for
from claimgraph.sources.scan import Scanner, WordGroups, factored

_WEEKS = {3: 13, 6: 26, 9: 39, 12: 52}  # months of a period to the weeks of a 52/53-week calendar's period
_MONTH_COUNTS = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "twelve": 12, "12": 12}
_WEEK_COUNTS = {w: n for n, w in enumerate(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
     "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"], start=1)}
# spans of weeks that are a fiscal quarter, half, nine months or year of a 52/53-week calendar ("the 13 weeks
# ended", "the 52 weeks ended 25 February 2024"): read as that period, whose label the company's other figures share
_WEEKS_AS_PERIOD = frozenset({*range(12, 17), *range(24, 29), *range(36, 41), 52, 53})


def _weeks_as_months(weeks: int) -> int:
    """The months a span of weeks is reported as: a quarter, half, nine months or year for the 52/53-week
    calendar's spans, else the nearest whole number of months (at least one)."""
    if weeks in _WEEKS_AS_PERIOD:
        return (weeks + 2) // 13 * 3
    return max(1, round(weeks * 7 / 30.44))


def weeks_ending(end: dt.date, weeks: int) -> Period:
    """The ``weeks`` whole weeks that end on ``end``; labelled as the calendar month when they are one
    ("the four weeks ended February 28, 1987").

    >>> weeks_ending(dt.date(1987, 2, 28), 4).label, weeks_ending(dt.date(2025, 1, 4), 6).start
    ('1987-02', datetime.date(2024, 11, 24))
    """
    start = end - dt.timedelta(days=7 * weeks - 1)
    if start.day == 1 and end == _month_end(end.year, end.month) and start.month == end.month:
        return Period(start, end, f"{end.year}-{end.month:02d}")
    return Period(start, end, f"{weeks}W-{end.isoformat()}")
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "ten": 10, "eleven": 11}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                        "nov", "dec"], start=1)}
_YEAR = r"(?:'|’)?(\d{4}|\d{2})"
_FISCAL = r"(?:fiscal(?:\s+year)?|FY)\s*"

_MONTH_ALT = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
              r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # ("fiscal 2025 Q1", "2024 Q4": the year may come first)
    ("quarter", re.compile(rf"\b(?:(?P<fiscal0>{_FISCAL})?(?P<y0>(?:19|20)\d\d)\s+)?(?P<fiscal>{_FISCAL})?Q(?P<q>[1-4])"
                           rf"(?:\s*(?P<fy>FY\s*)?(?:'|’)?(?P<y>\d{{4}}|\d{{2}})\b|"
                           # "q1 of fiscal 2022", "Q4 of 2020", "Q2 fiscal 2025": one quarter, with its year
                           r"\s+(?:of\s+)?(?P<fy2>fiscal\s+(?:year\s+)?|FY\s*)?(?P<y2>(?:19|20)\d\d)\b)?",
                           re.IGNORECASE)),
    # ("2Q 2025", "3Q25", and without its year before a result: AP's "Kroeber Foods 2Q profit falls 12 pct")
    # (a lower-cased summary's "2q 2020" with its year too)
    ("quarter", re.compile(r"\b(?P<q>[1-4])(?:Q|q(?=\s*(?:'|’)?\d\d))(?:\s*(?:'|’)?(?P<y>\d{4}|\d{2})\b|"
                           r"(?=\s+(?:net\s+)?(?:profits?|earnings|"
                           r"sales|revenues?|results|loss(?:es)?|income|EPS|net)\b))")),
    ("quarter", re.compile(
        # ("fiscal 2025 first quarter", "Fiscal Year 2025 First Quarter"; not "its first quarterly loss")
        r"\b(?:(?P<fiscal0>fiscal\s+(?:year\s+)?|FY\s*)?(?P<y0>\d{4})\s+)?(?P<fiscal>fiscal\s+(?:year\s+)?)?"
        r"(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)"
        r"[\s-]+(?:fiscal\s+)?(?:quarter|qtr)(?!ly)(?:'s)?(?:\s+(?:of\s+|ended\s+\w+\s+\d{1,2},\s+)?(?P<fiscal2>fiscal\s+(?:year\s+)?|FY\s*)?"
        r"(?:'|’)?(?P<y>\d{4}|\d{2}(?!\d)))?", re.IGNORECASE)),
    ("half", re.compile(r"\b(?:H(?P<h>[12])|(?P<h2>[12])H)\s*(?:'|’)?(?P<y>\d{4}|\d{2})?\b")),
    ("half", re.compile(
        r"\b(?P<hw>first|second)[\s-]+half(?:\s+of)?(?:\s+(?P<fiscal>fiscal\s+(?:year\s+)?)?(?P<y>\d{4}))?|"
        r"\b(?P<hw6>first|last)\s+six\s+months(?:\s+of\s+(?P<y6>\d{4}))?|"
        # "fiscal six month profit of 12,933 dlrs": the first half (results reported after it, with the second quarter)
        r"\b(?P<sm>six[\s-]month)(?=\s+(?:net\s+)?(?:profits?|earnings|net|sales|revenues?|results|income|loss(?:es)?)\b)",
        re.IGNORECASE)),
    ("nine_months", re.compile(
        # (not "£33.9m", "£9m"; "Nine month profits were up 23 pct")
        r"(?:\b(?:first\s+)?nine\s+months|\bfirst\s+three\s+quarters|(?<![\w.,$€£¥])9M\b|\bnine-month\s+period|"
        # ("compname reports nine month 2020 net earnings of": the year between the span and the metric)
        r"\bnine[\s-]month(?=\s+(?:(?:19|20)\d\d\s+)?(?:net\s+)?(?:profits?|earnings|net|sales|revenues?|results|"
        r"income|loss(?:es)?)\b))"
        r"(?:\s+(?:of|ended|ending)\s+(?:(?P<md>[A-Z][a-z]{2,8}\.?\s+\d{1,2}),?\s+)?(?P<y>\d{4})|"
        r"\s+(?P<y2>(?:19|20)\d\d)(?=\s+(?:net\s+)?(?:profits?|earnings|net|sales|revenues?|results|income|"
        r"loss(?:es)?)\b))?", re.IGNORECASE)),
    ("years", re.compile(r"\b(?:across|between|over|for)\s+(?P<y1>\d{4})\s+(?:and|to|through|-)\s+(?P<y2>\d{4})\b",
                         re.IGNORECASE)),
    ("years", re.compile(r"\b(?P<y1>(?:19|20)\d{2})\s*[-–/]\s*(?P<y2>\d{2}|\d{4})\b(?!\s*[%$])")),
    ("date", re.compile(
        r"\b(?P<mon>" + factored(r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                                 r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
        + r")\.?\s+(?P<d>\d{1,2})(?:,?\s+(?P<y>\d{4}))?\b")),
    ("date", re.compile(r"\b(?P<d>\d{1,2})\s+(?P<mon>" + factored(r"January|February|March|April|May|June|July|August|"
                                                                r"September|October|November|December")
                        + r")\s+(?P<y>\d{4})\b")),
    ("date", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("year", re.compile(rf"\b(?P<fiscal>{_FISCAL})(?:'|’)?(?P<y>\d{{4}}|\d{{2}})\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?P<cal>calendar\s+(?:year\s+)?|full[\s-]year\s+|fy\s+)?(?P<y>(?:19|20)\d{2})\b"
                        r"(?!\s*(?:-|–)\s*\d)(?!%)")),
    ("year_ended", re.compile(
        # ("the period ended Sept. 30": the period the text reports, ending then)
        r"\b(?P<unit>(?:fiscal\s+|financial\s+)?year|quarter|half[\s-]year|period|"
        # "the three-month period that ended May 31", "six months to 31 August"
        r"(?P<nm>three|six|nine|twelve|3|6|9|12)(?:\s+months|-month)(?:\s+period)?|"
        # "the six weeks to January 4", "sales for the four weeks ended February 28", "the 52 weeks ended"
        r"(?P<weeks>[1-9]|[1-4]\d|5[0-3]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
        r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)[\s-]+weeks?(?:\s+period)?)\s+"
        # ("the year to end-June", "the fiscal year to the end of September")
        r"(?:(?:that|which)\s+)?(?:ended|ending|ends|to|through|thru)\s+(?:on\s+|in\s+|end[\s-]+|(?:at\s+)?the\s+end\s+of\s+)?"
        # "the year to 24 February", "52 weeks ended 25 February 2024": the day may come first
        r"(?:(?P<d0>\d{1,2})(?:st|nd|rd|th)?\s+(?=[A-Za-z]))?(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|"
        r"June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
        # ("the five weeks ended March One": wire copy may write the day in words)
        # (in lower case too, unless a count of something follows: "the quarter ended March five", not "the year ended
        # March five pct higher")
        r"(?:\s+(?P<d>\d{1,2})(?!\d)|\s+(?P<dw>(?-i:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|"
        r"one|two|three|four|five|six|seven|eight|nine))\b(?![\w-]|\s+(?:months?|weeks?|years?|days?|quarters?|"
        r"pct|percent|per|mln|million|billion|bln|times|cts|cents|dlrs|of|hundred|thousand)\b))?"
        r"(?:,?\s+(?P<y>\d{4}))?",
        re.IGNORECASE)),
    ("month_quarter", re.compile(
        r"\b(?P<mon>March|June|September|December|Sept?|Dec|Mar|Jun)[\s-]+quarter\b(?:\s+(?:of\s+)?(?P<y>\d{4}))?",
        re.IGNORECASE)),
    # "the April-September half", "the July-September quarter", "January to March 2025": a span of months
    ("month_range", re.compile(
        # ("Revenue for January-September rose": after "for" or "during" the range needs no noun after it)
        r"(?:(?<=\bfor\s)|(?<=\bduring\s)|(?P<nolead>))"
        r"\b(?P<mon0>" + _MONTH_ALT + r")\.?\s*(?:-|–|—|to|through|thru)\s*(?P<mon>" + _MONTH_ALT + r")\b\.?"
        r"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})\b)?(?(nolead)(?:(?<=\d)|(?=\s+(?:fiscal\s+)?(?:(?:first|second|third|fourth)\s+)?"
        r"(?:quarter|half|period|months|six[\s-]months|three[\s-]months)\b|"
        # "its April-June operating profit"
        r"\s+(?:[a-z-]+\s+){0,2}?(?:profits?|revenues?|sales|earnings|income|loss(?:es)?|results)\b)))",
        re.IGNORECASE)),
    # one month: "November sales", "May 2020 sales", "the retail month of November", "For October, Tesla delivered"
    ("month", re.compile(
        r"\b(?:(?:calendar|retail|fiscal|trading)\s+)?month\s+of\s+(?P<mon>" + _MONTH_ALT + r")\b\.?"
        r"(?:\s+(?P<y>(?:19|20)\d{2})\b)?|"
        # (not across a clause: "said in September that revenue would climb")
        r"\b(?P<mon2>" + _MONTH_ALT + r")\b\.?(?:\s+(?P<y2>(?:19|20)\d{2}))?(?=\s+(?:(?!(?:that|which|when|while|"
        r"as|after|before|and|but|if|because|its|their)\b)[a-z-]+\s+){0,2}?"
        r"(?:sales|revenues?|deliveries|shipments|traffic|occupancy|orders|bookings|production|output|"
        r"volumes?|passengers|load\s+factor|comps)\b)|"
        r"\bfor\s+(?P<mon3>" + _MONTH_ALT + r")\b\.?(?:\s+(?P<y3>(?:19|20)\d{2}))?(?=,)|"
        # right after a figure, ending its clause: "comparable sales rose 5.2% in October.", "$19.5 billion in
        # October, compared with" (not "said in September that")
        r"(?:(?<=[\d%]\s)|(?<=billion\s)|(?<=million\s))in\s+(?P<mon4>" + _MONTH_ALT + r")\b"
        r"(?:\s+(?P<y4>(?:19|20)\d{2}))?(?=\s*(?:[.,;\n]|$)|\s+(?:from|compared|versus|vs)\b)",
        re.IGNORECASE)),
    ("full_year", re.compile(r"\b(?:the\s+)?(?:full|whole|entire)[\s-]+(?:of\s+the\s+)?(?:fiscal\s+|financial\s+)?"
                             r"year\b(?!\s+(?:19|20)\d{2})|"
                             r"(?:(?<=\bfor\s)|(?<=\bin\s))the\s+year\b(?!\s+(?:19|20)\d{2}|[\s-]+(?:ended|ending|to|ago|earlier|before))|"
                             r"\bfy\b(?!\s*['’]?\d)|"
                             # "expects fiscal year earnings to improve": the fiscal year (not "fiscal year 1987",
                             # "the fiscal year ended June 30"; "this/next/previous fiscal year" are longer mentions)
                             r"\bfiscal[\s-]+year\b(?!\s*['’]?\d|\s+(?:ended|ending|ends|end|to|starts|began|"
                             r"begins|that|which|ago|earlier|before)\b|[\s-]+(?:ago|earlier))|"
                             # "annual revenues should exceed": the fiscal year's figure; "annual forecast": its outlook
                             r"\bannual(?=\s+(?:(?:operating|pre-?tax|adjusted|underlying|core|comparable|gross|"
                             r"group|net|worldwide|global|consolidated|combined|total)\s+)?(?:revenues?|sales|turnover|earnings|profits?|income|ebitda|ebit|"
                             r"net\s+(?:income|profit))|"
                             r"\s+(?:[\w-]+\s+){0,2}(?:forecasts?|outlook|guidance|estimates?|view|projections?)\b)",
                             re.IGNORECASE)),
    # ("the current financial year": the UK, Australian and Indian name of a fiscal year)
    ("this_year", re.compile(r"\b(?:this|the\s+current|current)\s+(?:fiscal\s+|calendar\s+|financial\s+)?year\b",
                             re.IGNORECASE)),
    ("next_year", re.compile(r"\bnext\s+(?:fiscal\s+|calendar\s+|financial\s+)?year\b", re.IGNORECASE)),
    ("current_quarter", re.compile(r"\b(?:the\s+)?(?:current|present|ongoing)[\s-]+(?:fiscal\s+)?quarter\b",
                                   re.IGNORECASE)),
    ("next_quarter", re.compile(r"\b(?:the\s+)?(?:next|coming|upcoming)[\s-]+(?:fiscal\s+)?quarter\b", re.IGNORECASE)),
    ("quarter_end", re.compile(r"\b(?:at|as\s+of)\s+(?:the\s+)?(?:quarter[\s-]end|end\s+of\s+the\s+quarter)\b",
                               re.IGNORECASE)),
    ("year_end", re.compile(r"\b(?:at|as\s+of)\s+(?:the\s+)?(?:year[\s-]end|end\s+of\s+the\s+year)\b", re.IGNORECASE)),
    # "sales in the period grew 8.8 pct": the period the sentence before named (not "the period ended ...", nor "for
    # the same period in 2024", which names its own year)
    ("the_period", re.compile(r"\b(?:in|for|during|over)\s+the\s+(?:same\s+)?period\b(?!\s+(?:that\s+|which\s+)?"
                              r"(?:ended|ending|ends|to|from|under|of|a\s+year|last\s+year|in\s+(?:fiscal\s+)?(?:19|20)\d\d|"
                              r"in\s+the\s+(?:prior|previous)\s+year)\b)", re.IGNORECASE)),
    ("quarterly", re.compile(r"\b(?:" + factored(r"quarterly|per\s+quarter|a\s+quarter|this\s+quarter|the\s+quarter|"
                                                  r"latest\s+quarter|most\s+recent\s+quarter|recent\s+quarter")
                             # (not "the quarter ending in October": a quarter named by its end, read below)
                             + r")\b(?!\s+(?:(?:that|which)\s+)?(?:ended|ending|ends|to|through)\s)", re.IGNORECASE)),
    ("prior_year", re.compile(
        r"\b(?:a\s+year\s+(?:ago|earlier|before)|year[\s-]ago(?:\s+(?:quarter|period))?|"
        r"(?:the\s+)?(?:same\s+(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)|"
        r"prior[\s-]year(?:\s+(?:quarter|period))?|previous\s+year|last\s+year|"
        r"year[\s-](?:earlier|before)(?:\s+(?:quarter|period))?|"  # ("in the year-earlier quarter")
        # ("in the July-September period of the previous fiscal": Indian usage, the noun left out)
        r"(?:previous|prior|preceding|last)\s+(?:fiscal|financial)(?:\s+year|(?![\s-]+(?:[a-z]|\d)))|"
        # ("up from 71.3 billion yen in the year just ended", beside a forecast for the year begun)
        r"(?:fiscal\s+|financial\s+)?year\s+(?:that\s+)?(?:has\s+)?just\s+ended|just[\s-]ended\s+(?:fiscal\s+|financial\s+)?year))\b",
        re.IGNORECASE)),
    ("prior_quarter", re.compile(r"\b(?:prior|previous|preceding|last|sequential|trailing|linked)\s+quarter\b|\bsequentially\b|"
                                 r"\ba\s+quarter\s+(?:ago|earlier|before)\b|\bquarter[\s-]ago\b|"
                                 r"\bquarter[\s-]over[\s-]quarter\b|\bq/q\b", re.IGNORECASE)),
    # "the first two months", "first five months of 1987": the year to date, counted from the fiscal year's start
    # "year to date": from the start of the fiscal year to the end of the period reported (six months after Q2)
    ("ytd", re.compile(r"\b(?:(?:fiscal\s+)?year[\s-]to[\s-]date|YTD)\b", re.IGNORECASE)),
    ("first_months", re.compile(
        r"\bfirst\s+(?P<n>two|three|four|five|seven|eight|ten|eleven|[2-57-9]|1[01])\s+months"
        r"(?:\s+of\s+(?:fiscal\s+)?(?P<y>(?:19|20)\d{2}))?", re.IGNORECASE)),
    # "a half-year profit of", "interim results": the half the results are for (the latest one that ended)
    # ("in the half", "for the half": the half reported; not "more than half", "in the half-hour")
    ("half_year", re.compile(r"(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bover\s))the\s+half\b"
                             r"(?![\s-]+(?:of|to|ended|ending|hour|point|year|yearly|a\b|an\b))|"
                             # ("For the six months, net income was": the half the quarter reported ends)
                             r"(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bFor\s)|(?<=\bduring\s))the\s+six\s+months\b"
                             r"(?![\s-]+(?:of|to|ended|ending|that|which|through|before|after|since)\b)|"
                             # ("Six-month revenue increased 41%": the half, named before its results' noun)
                             r"\bsix-month(?=\s+(?:(?:net|operating|adjusted|total|pre-?tax)\s+)?(?:results?|profits?|"
                             r"earnings|loss(?:es)?|revenues?|sales|income|ebitda)\b)|"
                             r"\b(?:half[\s-]year(?:ly)?|interim(?=\s+(?:(?:net\s+|pre-?tax\s+|underlying\s+|"
                             r"operating\s+)?(?:results?|profits?|earnings|loss(?:es)?|revenues?|sales|period|"
                             r"dividends?))))\b(?![\s-]+(?:to|ended|ending)\b)", re.IGNORECASE)),
]


# Cheap pre-checks: a pattern runs only when the text could contain its match.
_DIGIT = re.compile(r"\d")
_WORD_ONLY = {"month_range", "month", "ytd", "first_months", "half_year", "year_ended",
               "quarter", "half", "nine_months", "quarter_end", "year_end", "quarterly", "the_period", "prior_year",
              "prior_quarter", "month_quarter", "full_year", "this_year", "next_year", "current_quarter", "next_quarter"}
_NEEDS: dict[str, tuple[str, ...]] = {
    "half": ("half", "h1", "h2", "1h", "2h", "six month"),
    "nine_months": ("nine", "9m", "three quarters"),
    "ytd": ("date", "ytd"),
    "first_months": ("months",),
    "quarter_end": ("end",), "year_end": ("end",),
    "quarterly": ("quarter",),
    "the_period": ("period",),
    "half_year": ("half", "interim", "six months", "six-month"),
    "year_ended": ("ended", "ending", "ends", " to ", "through", "thru"),
    "month_quarter": ("quarter",),
    "month_range": ("-", "–", "—", " to ", "through", "thru"),
    "month": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "full_year": ("year", "fy", "annual"),
    "this_year": ("year",), "next_year": ("year",),
    "current_quarter": ("quarter",), "next_quarter": ("quarter",),
    "prior_year": ("year", "ago", "fiscal", "financial"),
    "prior_quarter": ("quarter", "sequential", "q/q"),
}

_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# the case-sensitive date patterns need a capitalised month (looked for in the text as written, not lower-cased)
_CASED_MONTHS = tuple(m.capitalize() for m in _MONTH_WORDS)
# the words each pattern of _PATTERNS needs (lower case; a pattern runs only when the text has one of them):
# its kind's _NEEDS, else the literal part every match of the pattern contains
_OWN_NEEDS: list[tuple[str, ...]] = [
    ("q1", "q2", "q3", "q4"), ("1q", "2q", "3q", "4q"), ("quarter", "qtr"), (), (), (),
    ("across", "between", "over", "for"), ("19", "20"), _CASED_MONTHS, _CASED_MONTHS, ("-",), ("fiscal", "fy"),
    ("19", "20"),
]
_ORDINALS = ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th")
# a second word a pattern needs besides its kind's (every match has one of each group)
_ALSO_NEEDS: dict[str, tuple[str, ...]] = {
    "first_months": ("first",),
    "month_quarter": ("mar", "jun", "sep", "dec"), "current_quarter": ("current", "present", "ongoing"),
    "next_quarter": ("next", "coming"), "this_year": ("this", "current"), "next_year": ("next",),
    "full_year": ("full", "whole", "entire", "for", "in the year", "fy", "annual", "fiscal"),
    "prior_year": ("ago", "earlier", "before", "same", "prior", "previous", "last", "just"),
    "prior_quarter": ("prior", "previous", "preceding", "last", "sequential", "over", "q/q", "trailing", "linked",
                      "ago", "earlier", "before"),
    "year_ended": _MONTH_WORDS,
    "month_range": _MONTH_WORDS,
}


def _gate(n: int, kind: str) -> tuple[tuple[str, ...], ...]:
    first = _NEEDS.get(kind) or (_OWN_NEEDS[n] if n < len(_OWN_NEEDS) else ())
    groups = tuple(g for g in (first, _ALSO_NEEDS.get(kind, ())) if g)
    if n == 2:  # "first quarter", "4th qtr"
        groups += (_ORDINALS,)
    return groups


# per pattern: whether it can match without a digit, and its word groups (each a sorted tuple, and whether its
# words are capitalised months looked for in the text as written rather than lower-cased)
_GATES: list[tuple[bool, tuple[tuple[tuple[str, ...], bool], ...]]] = [
    (kind in _WORD_ONLY, tuple((tuple(sorted(set(g))), set(g) <= set(_CASED_MONTHS)) for g in _gate(n, kind)))
    for n, (kind, _) in enumerate(_PATTERNS)]
assert all(cased or not set(g) & set(_CASED_MONTHS) for _, gate in _GATES for g, cased in gate)
# _PATTERNS with their gates, for find_period_mentions: (kind, scanner, word groups as numbers into _GROUPS); the
# patterns that can match without a digit apart, for a text that has none
_GROUPS: list[tuple[tuple[str, ...], bool]] = list(dict.fromkeys(g for _, gate in _GATES for g in gate))
_PLAN: list[tuple[str, Scanner, tuple[int, ...]]] = [
    (kind, Scanner(pattern), tuple(_GROUPS.index(g) for g in gate))
    for (kind, pattern), (_, gate) in zip(_PATTERNS, _GATES, strict=True)]
_PLAN_WORDS = [step for step, (word_only, _) in zip(_PLAN, _GATES, strict=True) if word_only]
_GROUP_SCAN = WordGroups(_GROUPS)  # every group's answer for a text in one scan
_STEPS: dict[tuple[int, bool], list[tuple[str, Scanner]]] = {}
# the same with each step's groups as one bit mask (a text's masks are many: the steps of a new one are read fast)
_PLAN_BITS = [(kind, scanner, sum(1 << g for g in set(groups))) for kind, scanner, groups in _PLAN]
_PLAN_WORDS_BITS = [(kind, scanner, sum(1 << g for g in set(groups))) for kind, scanner, groups in _PLAN_WORDS]
# The month names as words: the three patterns that need one of the lower-case month groups (``year_ended``,
# ``month_range``, ``month``) each need a month name that starts a word and either ends it or runs on into "to",
# "thru", "through" ("Jan-Mar", "January to March", "ended June 30"), which "margin", "market", "decline" or "nov" in
# "innovation" are not; looked for, in lower-cased ASCII text, only when the group's substrings are there (the
# patterns ignore case: in other text the substrings decide, as before)
_MONTH_GROUP = 1 << _GROUPS.index((tuple(sorted(_MONTH_WORDS)), False))
# (only while those three are the group's only patterns: another one that needs the group turns the check off)
_MONTH_CHECKED = all(kind in ("year_ended", "month_range", "month") for kind, _, groups in _PLAN
                     if _MONTH_GROUP.bit_length() - 1 in groups)
_MONTH_AT_WORD = re.compile(
    r"[jfmasond](?<!\w[jfmasond])(?:(?<=j)(?:an(?:uary)?|une?|uly?)|(?<=f)eb(?:ruary)?|(?<=m)(?:ar(?:ch)?|ay)|"
    r"(?<=a)(?:pr(?:il)?|ug(?:ust)?)|(?<=s)ep(?:t(?:ember)?)?|(?<=o)ct(?:ober)?|(?<=n)ov(?:ember)?|(?<=d)ec(?:ember)?)"
    r"(?:\b|to|thr(?:u|ough))")


def _steps(mask: int, digit: bool) -> list[tuple[str, Scanner]]:
    """The steps of ``_PLAN`` (``_PLAN_WORDS`` for a text without a digit) whose every word group is in ``mask``
    (bit n: group n of ``_GROUPS`` present), in order; remembered per mask (texts share few)."""
    steps = _STEPS.get((mask, digit))
    if steps is None:
        steps = [(kind, scanner) for kind, scanner, need in (_PLAN_BITS if digit else _PLAN_WORDS_BITS)
                 if mask & need == need]
        if len(_STEPS) < 4096:
            _STEPS[(mask, digit)] = steps
    return steps


# the kinds whose stated year names a fiscal year (not a date's calendar year)
_NAMED_FISCAL = frozenset({"quarter", "half", "year", "nine_months", "first_months", "years"})


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period named in text; ``year`` is None when the text gives none."""

    start: int
    end: int
    kind: str
    number: int = 0  # quarter or half number
    year: int | None = None
    year2: int | None = None
    fiscal: bool = False
    month: int = 0
    day: int = 0
    ordinal: int = 0  # "first quarter ended February 28": the quarter's number within its fiscal year
    ending: bool = False  # "the quarter ending April 30": a period that may still be under way
    named_year: int | None = None  # "the second quarter of fiscal 2025, which ended August 2, 2025": 2025
    calendar: bool = False  # "whose fiscal year ends Oct. 31": the company's calendar, not a period of figures
    weeks: int = 0  # "the six weeks to January 4": a span of whole weeks that is no quarter, half or year
    of_fiscal: bool = False  # "the July-September period of FY24": months of the fiscal year ``year`` names
    trailing: bool = False  # "the trailing twelve months ended March 31": twelve months, no fiscal year's end
    since: dt.date | None = None  # "the period from August 26 startup through the end of 1986": its first day

    @property
    def relative(self) -> bool:
        return self.kind in {"prior_year", "prior_quarter", "quarter_end", "year_end", "quarterly", "the_period",
                             "full_year",
                             "this_year", "next_year", "current_quarter", "next_quarter", "ytd", "half_year"}

    def resolve(self, fye: tuple[int, int], context: Period | None, default_year: int | None,
                shift: int = 0) -> tuple[Period | None, Resolution]:
        """The period this mention names, and whether its year was stated or inferred.

        :param shift: how many years after the one named a stated fiscal year ends (1 for the retail naming of
            years that end in January: "fiscal 2025" ends in January 2026).
        """
        year, how = self.year, Resolution.STATED
        if shift and year is not None and self.kind in _NAMED_FISCAL:
            year += shift
        if self.kind in ("this_year", "next_year"):
            if default_year is None:
                return None, Resolution.UNRESOLVED
            return fiscal_year(default_year + (self.kind == "next_year"), fye), Resolution.INFERRED_PUBLISHED
        if self.kind == "full_year":
            base = context.end if context is not None else (dt.date(default_year, 12, 31) if default_year else None)
            if base is None:
                return None, Resolution.UNRESOLVED
            return fiscal_year(fiscal_year_of(base, fye), fye), Resolution.INFERRED_CONTEXT
        if self.kind in {"year_ended", "month_quarter"}:
            if year is None and self.of_fiscal and self.named_year is not None:
                # "July-September of FY24" (a year to March): July to September 2023
                year = self.named_year - (self.month > fye[0])
            if year is None:
                year = context.end.year if context is not None else default_year
                how = Resolution.INFERRED_CONTEXT
                if year is None:
                    return None, Resolution.UNRESOLVED
            end = _month_end(year, self.month, self.day)
            if self.weeks:
                return weeks_ending(end, self.weeks), how
            if self.since is not None and self.since < end:
                return Period(self.since, end, f"{self.since.isoformat()}..{end.isoformat()}"), how
            if not self.number and context is not None and abs((context.end - end).days) <= 7:
                return context, how  # "the period ended Sept. 30": the period reported, which ends then
            months = self.number or 3
            if end == _month_end(end.year, end.month):  # whole months: from the first day of the first one
                first = end.year * 12 + end.month - months  # (months since year 0 of the month before the first)
                start = dt.date(first // 12, first % 12 + 1, 1)
            elif months in _WEEKS:  # a day inside a month: a 52/53-week calendar's 13, 26, 39 or 52 weeks
                start = end - dt.timedelta(weeks=_WEEKS[months], days=-1)
            else:
                start = _add_months(end, -months) + dt.timedelta(days=1)
            for known in (fiscal_year(fiscal_year_of(end, fye), fye), quarter_containing(end, fye),
                          half_containing(end, fye)):
                if known.start == start and known.end == end:
                    return known, how  # the company's own label: FY2024, 2025-Q3 ...
            label = f"{end.year}-{end.month:02d}" if months == 1 else f"{months}M-{end.isoformat()}"
            if months == 3 and self.ordinal in (1, 2, 3, 4):
                # "the third quarter of fiscal 2026, which ended November 1, 2025": the quarter's own fiscal label,
                # from the year it names or the fiscal year its number and end imply
                own = fye_for(end, self.ordinal)
                month_end = end if end.day > 7 else end.replace(day=1) - dt.timedelta(days=1)
                year = self.named_year or fiscal_year_of(month_end, own)
                label = f"{_fy_label(year, own)}-Q{self.ordinal}"
            return Period(start, end, label), how
        if self.kind == "ytd":
            if context is None:
                return None, Resolution.UNRESOLVED
            fy = fiscal_year(fiscal_year_of(context.end, fye), fye)
            return Period(fy.start, context.end, f"{fy.label}-YTD"), Resolution.INFERRED_CONTEXT
        if self.kind in {"quarter_end", "year_end", "quarterly", "the_period", "half_year"}:
            if context is None:
                return None, Resolution.UNRESOLVED
            if self.kind == "half_year":
                if 150 <= (context.end - context.start).days <= 200:
                    return context, Resolution.INFERRED_CONTEXT  # ("the 26 weeks to July 31" ... "interim dividend")
                return half_containing(context.end, fye), Resolution.INFERRED_CONTEXT
            if self.kind == "quarter_end":
                return Period(context.end, context.end, context.end.isoformat()), Resolution.INFERRED_CONTEXT
            if self.kind == "quarterly":
                q = quarter_containing(context.end, fye)
                if q.end > context.end + dt.timedelta(days=7):
                    # (the article's quarter in another calendar, a rival's "quarterly revenue" beside a quarter to
                    # October 31: its last quarter ended by then, not the one under way)
                    q = quarter_containing(q.start - dt.timedelta(days=1), fye)
                return q, Resolution.INFERRED_CONTEXT
            if self.kind == "the_period":
                return context, Resolution.INFERRED_CONTEXT
            fy = fiscal_year(fiscal_year_of(context.end, fye), fye)
            return Period(fy.end, fy.end, fy.end.isoformat()), Resolution.INFERRED_CONTEXT
        if self.kind in {"prior_year", "prior_quarter"}:
            return None, Resolution.UNRESOLVED
        if year is None and self.kind == "first_months" and default_year is not None:
            year = default_year  # "the first two months": of the year under way
            how = Resolution.INFERRED_PUBLISHED
        if year is None:
            year = _year_from_context(self, fye, context) or default_year
            how = Resolution.INFERRED_CONTEXT
            if year is None:
                return None, Resolution.UNRESOLVED
        fiscal_fye = fye if (self.fiscal or fye != (12, 31)) else (12, 31)
        if self.kind == "quarter":
            return fiscal_quarter(year, self.number, fiscal_fye), how
        if self.kind == "half":
            a = fiscal_quarter(year, 2 * self.number - 1, fiscal_fye)
            b = fiscal_quarter(year, 2 * self.number, fiscal_fye)
            return Period(a.start, b.end, f"{_fy_label(year, fiscal_fye)}-H{self.number}"), how
        if self.kind == "first_months":
            fy = fiscal_year(year, fiscal_fye)
            last = _add_months(fy.start, self.number - 1)
            return Period(fy.start, _month_end(last.year, last.month),
                          f"{_fy_label(year, fiscal_fye)}-{self.number}M"), how
        if self.kind == "nine_months":
            a = fiscal_quarter(year, 1, fiscal_fye)
            if self.month:
                # "the nine months ended December 31, 1986": the nine months to that day, whatever the calendar
                end = _month_end(year, self.month, self.day)
                first = end.year * 12 + end.month - 9  # (months since year 0 of the month before the first)
                start = dt.date(first // 12, first % 12 + 1, 1) if end == _month_end(end.year, end.month) \
                    else _add_months(end, -9) + dt.timedelta(days=1)
                label = f"{_fy_label(year, fiscal_fye)}-9M" if start == a.start else f"9M-{end.isoformat()}"
                return Period(start, end, label), how
            c = fiscal_quarter(year, 3, fiscal_fye)
            return Period(a.start, c.end, f"{_fy_label(year, fiscal_fye)}-9M"), how
        if self.kind == "year":
            fy_fye = fye if self.fiscal else (12, 31) if fye == (12, 31) else fye
            return fiscal_year(year, fy_fye), how
        if self.kind == "years" and self.year2 is not None:
            a, b = fiscal_year(year, fiscal_fye), fiscal_year(self.year2 + (year - (self.year or year)), fiscal_fye)
            return Period(a.start, b.end, f"{a.label}..{b.label}"), how
        if self.kind == "date":
            try:
                d = dt.date(year, self.month, self.day)
            except ValueError:
                return None, Resolution.UNRESOLVED
            return Period(d, d, d.isoformat()), how
        return None, Resolution.UNRESOLVED


def _year_from_context(m: PeriodMention, fye: tuple[int, int], context: Period | None) -> int | None:
    if context is None:
        return None
    ctx_fy = fiscal_year_of(context.end, fye)
    if m.kind == "date":
        return context.end.year
    if m.kind == "quarter":
        q = fiscal_quarter(ctx_fy, m.number, fye)
        return ctx_fy if q.end <= context.end or q.start <= context.end else ctx_fy - 1
    return ctx_fy


def year_from_published(m: PeriodMention, fye: tuple[int, int], published: dt.date) -> int:
    """The year of a yearless quarter or half: the latest such quarter or half that ended before publication."""
    fy = fiscal_year_of(published, fye)
    if m.kind in ("quarter", "half") and 1 <= m.number <= (4 if m.kind == "quarter" else 2):
        last_quarter = m.number if m.kind == "quarter" else 2 * m.number
        for candidate in (fy, fy - 1):
            if fiscal_quarter(candidate, last_quarter, fye).end <= published:
                return candidate
        return fy - 1
    return fy


_SPLIT_YEAR_END = re.compile(r"/(\d{4}|\d{2})(?![\d/])")


def _split_year(text: str, p: PeriodMention) -> PeriodMention:
    """A half or quarter of a split year ("H1 2018/19", "first half of 2019/20"): of the fiscal year that ends in
    the second year.

    >>> t = "(H1 2018/19: 5.93p)"
    >>> [(m.kind, m.number, m.year, t[m.start:m.end]) for m in find_period_mentions(t)]
    [('half', 1, 2019, 'H1 2018/19')]
    """
    if p.kind not in ("half", "quarter") or p.year is None or (m := _SPLIT_YEAR_END.match(text, p.end)) is None:
        return p
    second = int(m.group(1)) if len(m.group(1)) == 4 else (p.year // 100) * 100 + int(m.group(1))
    if second != p.year + 1:
        return p
    return dataclasses.replace(p, end=m.end(), year=second, fiscal=True)


def find_period_mentions(text: str) -> list[PeriodMention]:
    """Every period mention in ``text``, longest first where they overlap.

    >>> [(m.kind, m.number, m.year) for m in find_period_mentions("In Q1'26 and the third quarter of 2025")]
    [('quarter', 1, 2026), ('quarter', 3, 2025)]
    """
    found: list[PeriodMention] = []
    lower = text.lower()
    # the patterns whose word groups the text has, in _PLAN's order (one scan for every group's answer)
    mask = _GROUP_SCAN.mask(text, lower)
    if mask & _MONTH_GROUP and _MONTH_CHECKED and text.isascii() and _MONTH_AT_WORD.search(lower) is None:
        mask &= ~_MONTH_GROUP
    for kind, scanner in _steps(mask, _DIGIT.search(text) is not None):
        for m in scanner.finditer(text, lower):
            pm = _mention(kind, m)
            if pm is not None:
                found.append(pm)
    if "/" in text:
        found = [_split_year(text, p) for p in found]
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    out: list[PeriodMention] = []
    for p in found:
        if out and p.start < out[-1].end:
            continue
        out.append(p)
    if len(out) > 1 and "year" in lower:
        out = _without_container_years(text, out)
    if "end" in lower or " to " in lower or (
            len(out) > 1 and any(a.kind == "date" and b.kind == "quarter" for a, b in pairwise(out))):
        out = _with_stated_ends(text, out)
    if "railing" in lower or "olling" in lower or "ast " in lower or "atest" in lower:
        out = [dataclasses.replace(p, trailing=True) if p.kind == "year_ended" and p.number == 12
               and _TRAILING_BEFORE.search(text, max(0, p.start - 12), p.start) else p for p in out]
    if "period " in lower:
        out = _with_stated_spans(text, out)
    return out


_MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
               r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "ten": 10, "eleven": 11}
# a span a company reports for once, with its first day or its length stated: "the period from August 26 startup
# through the end of 1986", "the 1985 period of 10 months from the start of production"
_STATED_SPAN = re.compile(
    r"\bperiod\s+(?:from|since)\s+(?:its\s+|the\s+)?(?P<mon0>" + _MONTH_NAME + r")\.?\s+(?P<d0>\d{1,2})\b"
    r"(?:,?\s+(?P<y0>(?:19|20)\d{2})\b)?(?:\s+(?:startup|start-up|inception|incorporation|formation))?"
    r"\s+(?:through|thru|to|until)\s+(?:the\s+end\s+of\s+(?P<y>(?:19|20)\d{2})\b|(?P<mon>" + _MONTH_NAME + r")\.?"
    r"\s+(?P<d>\d{1,2}),?\s+(?P<y2>(?:19|20)\d{2})\b)|"
    r"\b(?P<yn>(?:19|20)\d{2})\s+period\s+of\s+(?P<n>two|three|four|five|seven|eight|ten|eleven|[2-578]|1[01])"
    r"\s+months\b", re.IGNORECASE)


def first_span(p: PeriodMention) -> bool:
    """Whether a mention is a span stated by its first day or by an unusual number of months (a company's first
    period, from its start-up): no quarter, half, nine months or year."""
    return p.kind == "year_ended" and not p.weeks and (p.since is not None or p.number in (2, 4, 5, 7, 8, 10, 11))


def _with_stated_spans(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """A span stated by its first day and its end, or by its year and an unusual number of months, is one mention
    (it replaces the dates and years inside it): a start-up or first period that is no quarter, half or year.

    >>> [(m.kind, m.since, m.month, m.day, m.year)
    ...  for m in find_period_mentions("for the period from May 3 startup through the end of 1990")]
    [('year_ended', datetime.date(1990, 5, 3), 12, 31, 1990)]
    >>> [(m.kind, m.number, m.month, m.year) for m in find_period_mentions("in the 1989 period of seven months")]
    [('year_ended', 7, 12, 1989)]
    """
    spans: list[PeriodMention] = []
    for m in _STATED_SPAN.finditer(text):
        if m.group("yn"):
            n = m.group("n").lower()
            spans.append(PeriodMention(m.start(), m.end(), "year_ended", _COUNT.get(n) or int(n), int(m.group("yn")),
                                       month=12, day=31))
            continue
        year = int(m.group("y") or m.group("y2"))
        month = _MONTHS[m.group("mon")[:3].lower()] if m.group("mon") else 12
        day = int(m.group("d")) if m.group("d") else 31
        first_month = _MONTHS[m.group("mon0")[:3].lower()]
        first_year = int(m.group("y0")) if m.group("y0") else year - (first_month > month)
        try:
            since = dt.date(first_year, first_month, int(m.group("d0")))
            end = dt.date(year, month, day)
        except ValueError:
            continue
        if not dt.timedelta(days=20) <= end - since <= dt.timedelta(days=400):
            continue
        spans.append(PeriodMention(m.start(), m.end(), "year_ended", 0, year, month=month, day=day, since=since))
    if not spans:
        return mentions
    kept = [p for p in mentions if not any(s.start < p.end and p.start < s.end for s in spans)]
    return sorted(kept + spans, key=lambda p: p.start)


_ENDED = re.compile(
    r"\s*,?\s*(?:which\s+)?(?:ended|ending|ends|that\s+ended|to)\s+(?:on\s+)?(?:(?P<d0>\d{1,2})(?:st|nd|rd|th)?\s+(?=[A-Za-z]))?"
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|"
    r"Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
    r"(?:(?<=[A-Za-z.])(?(d0)|(?=,?\s+(?:19|20)\d{2}\b))|\s+(?P<d>\d{1,2})\b)(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?",
    re.IGNORECASE)  # ("quarter ended September 2024": a month and a year, to the month's end)
_DATE_THEN = re.compile(r"[\s,-]*(?:fiscal\s+)?")
_TRAILING_BEFORE = re.compile(r"(?i)\b(?:trailing|rolling|last|past|latest)\s+$")
_MONTHS_OF = {"quarter": 3, "quarterly": 3, "half": 6, "nine_months": 9, "year": 12, "full_year": 12}


def _with_stated_ends(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """A period followed by its end ("first quarter ended February 28", "fiscal 1986 ended November 30", "full
    fiscal year ending January 30, 2021") is one mention of the period ending on that day; a quarter's number is
    kept (``ordinal``): with the end it gives the company's fiscal calendar.

    >>> [(m.kind, m.number, m.month, m.day, m.year, m.ordinal)
    ...  for m in find_period_mentions("first quarter ended February 28 losses rose")]
    [('year_ended', 3, 2, 28, None, 1)]
    >>> [(m.kind, m.number, m.month, m.day, m.ordinal) for m in find_period_mentions("the April 30 first quarter")]
    [('year_ended', 3, 4, 30, 1)]
    """
    out: list[PeriodMention] = []
    skip_until = -1
    for n, p in enumerate(mentions):
        if p.start < skip_until:
            continue
        nxt = mentions[n + 1] if n + 1 < len(mentions) else None
        if p.kind == "date" and nxt is not None and nxt.kind == "quarter" and nxt.year is None \
                and _DATE_THEN.fullmatch(text, p.end, nxt.start):
            # "the April 30 first quarter": the first quarter, ending April 30
            out.append(PeriodMention(p.start, nxt.end, "year_ended", 3, p.year, fiscal=nxt.fiscal, month=p.month,
                                     day=p.day, ordinal=nxt.number))
            skip_until = nxt.end
            continue
        m = _ENDED.match(text, p.end) if p.kind in _MONTHS_OF else None
        if m is None:
            out.append(p)
            continue
        month, year = _MONTHS[m.group("mon")[:3].lower()], _year(m.group("y"))
        day = int(m.group("d") or m.group("d0") or calendar.monthrange(year or 2001, month)[1])
        if year is None and p.kind == "year" and p.year is not None:
            # "fiscal 1986 ended November 30"; a year ending in January or February is most often named after
            # the calendar year in which it began ("fiscal 1986 ended January 28", 1987)
            year = p.year + 1 if month <= 2 else p.year
        named = p.year if m.group("y") and p.kind in ("quarter", "half", "year") else None
        out.append(PeriodMention(p.start, m.end(), "year_ended", _MONTHS_OF[p.kind], year, fiscal=p.fiscal,
                                 month=month, day=day, ordinal=p.number if p.kind == "quarter" else 0,
                                 ending=re.search(r"ending|ends", m.group(0), re.IGNORECASE) is not None,
                                 named_year=named))
        skip_until = m.end()
    return out


_OF_THE = re.compile(r"\s*(?:of\s+)?(?:the|this|its|our|their)\s+(?:current\s+)?", re.IGNORECASE)
_OF_ONLY = re.compile(r"\s*(?:of\s*)?", re.IGNORECASE)


def _without_container_years(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """"the first half of the fiscal year", "the second quarter of this year": the year only says which half or
    quarter, it is no period of its own.

    >>> [m.kind for m in find_period_mentions("Net sales for the first half of the fiscal year rose 9%")]
    ['half']
    >>> [m.kind for m in find_period_mentions("Capex for the nine months this year was $44 million")]
    ['nine_months']
    """
    out: list[PeriodMention] = []
    for p in mentions:
        if out and p.kind in ("full_year", "this_year") and out[-1].kind in ("half", "quarter", "nine_months") \
                and (_OF_THE.fullmatch(text, out[-1].end, p.start)
                     or (p.kind == "this_year" and _OF_ONLY.fullmatch(text, out[-1].end, p.start))):
            continue  # ("the nine months this year", "the first half of this year": "this" opens the mention)
        out.append(p)
    return out


# after a span of months: the year it is of ("quarter of 2023", "period of FY24", "half of fiscal 2025")
_RANGE_OF_YEAR = re.compile(r"(?i)\s+(?:fiscal\s+)?(?:quarter|half|period|months)\s+of\s+(?:the\s+)?"
                            r"(?:(?P<fy>FY\s?'?|fiscal\s+(?:year\s+)?)|(?:calendar\s+(?:year\s+)?)?)"
                            r"(?P<y>(?:19|20)\d\d|(?<=FY)\d\d|(?<=FY )\d\d|(?<=FY')\d\d)\b")


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    y = int(raw)
    if len(raw) == 2:
        y += 2000 if y < 70 else 1900
    return y if 1900 <= y <= 2100 else None


_ENDS = re.compile(r"\bends\b", re.IGNORECASE)
_QUARTER_ENDED = re.compile(r"ended\s+([A-Za-z]{3,9})\s+(\d{1,2}),", re.IGNORECASE)
_MARKED_YEAR = re.compile(r"['’]|FY|\dQ", re.IGNORECASE)  # "Q1'26", "Q1 FY26", "1Q26": a two-digit year
_Q_YY = re.compile(r"Q[1-4]\s*\d{2}$")
_NQ = re.compile(r"^[1-4]Q")


_SPLIT_YEAR_AFTER = re.compile(r"\s+(?:(?:fiscal|financial|business|accounting)\s+)?year\b", re.IGNORECASE)


def _mention(kind: str, m: re.Match[str]) -> PeriodMention | None:
    g = m.groupdict()
    text = m.group(0)
    fiscal = bool(g.get("fiscal") or g.get("fiscal0") or g.get("fiscal2") or g.get("fy") or g.get("fy2"))
    if kind == "quarter":
        number = int(g["q"]) if g.get("q") else _ORD[g["qw"].lower()]
        year = _year(g.get("y") or g.get("y0") or g.get("y2"))
        if (ended := _QUARTER_ENDED.search(text)) is not None and year is not None:
            # "the second quarter ended September 30, 2024": the quarter that ended that day, and its number
            return PeriodMention(m.start(), m.end(), "year_ended", 3, year, fiscal=fiscal,
                                 month=_MONTHS[ended.group(1)[:3].lower()], day=int(ended.group(2)), ordinal=number)
        if g.get("y") and len(g["y"]) == 2 and not _MARKED_YEAR.search(text) and not _Q_YY.match(text):
            year = None if not _NQ.match(text) else year
        return PeriodMention(m.start(), m.end(), "quarter", number, year, fiscal=fiscal)
    if kind == "half":
        if g.get("sm"):
            return PeriodMention(m.start(), m.end(), "half", 1, None, fiscal="fiscal" in m.string[max(0, m.start() - 8):
                                                                                           m.start()].lower())
        if g.get("hw6"):
            number = 1 if g["hw6"].lower() == "first" else 2
            return PeriodMention(m.start(), m.end(), "half", number, _year(g.get("y6")))
        number = int(g.get("h") or g.get("h2") or 0) or (1 if (g.get("hw") or "").lower() == "first" else 2)
        return PeriodMention(m.start(), m.end(), "half", number, _year(g.get("y")), fiscal=fiscal)
    if kind == "first_months":
        raw = g["n"].lower()
        number = int(raw) if raw.isdigit() else _COUNTS[raw]
        return PeriodMention(m.start(), m.end(), kind, number, _year(g.get("y")))
    if kind == "nine_months":
        month, day = 0, 0
        if g.get("md"):
            mon, d = g["md"].replace(".", "").split()
            month, day = _MONTHS.get(mon[:3].lower(), 0), int(d)
        return PeriodMention(m.start(), m.end(), "nine_months", 0, _year(g.get("y") or g.get("y2")), month=month,
                             day=day)
    if kind == "years":
        y1, y2 = _year(g["y1"]), g["y2"]
        y2v = _year(y2) if len(y2) == 4 else (None if y1 is None else (y1 // 100) * 100 + int(y2))
        if y1 is None or y2v is None or not (y1 < y2v <= y1 + 10):
            return None
        if y2v == y1 + 1 and (_SPLIT_YEAR_AFTER.match(m.string, m.end())
                              or (len(y2) == 2 and "/" in m.group(0) and m.string[m.end():m.end() + 1] != "/")):
            # "a 72.1 billion yen net profit in the 1985/86 year", "capital investments of 1,770 billion yen in
            # 1987/88": one fiscal year, ending in 1986 (1988)
            return PeriodMention(m.start(), m.end(), "year", 0, y2v, fiscal=True)
        return PeriodMention(m.start(), m.end(), "years", 0, y1, y2v)
    if kind == "month_range":
        first, month = _MONTHS[g["mon0"][:3].lower()], _MONTHS[g["mon"][:3].lower()]
        months = (month - first) % 12 + 1
        if months not in (3, 6, 9, 12):
            return None  # "May-June": not a reporting period
        year, end, fiscal = _year(g.get("y")), m.end(), False
        if year is None and (of := _RANGE_OF_YEAR.match(m.string, m.end())) is not None:
            # "the July-September quarter of 2023", "the July-September period of FY24": the year (or the fiscal
            # year) the months belong to
            year, end, fiscal = _year(of.group("y")), of.end(), of.group("fy") is not None
        # (the fiscal year's name is kept apart: the calendar year of its months depends on the fiscal calendar)
        return PeriodMention(m.start(), end, "month_quarter", months, None if fiscal else year, month=month,
                             of_fiscal=fiscal, named_year=year if fiscal else None)
    if kind == "month":
        raw = g.get("mon") or g.get("mon2") or g.get("mon3") or g["mon4"]
        raw_year = g.get("y") or g.get("y2") or g.get("y3") or g.get("y4")
        if raw == "may" and not raw_year and not g.get("mon"):
            return None  # "revenue may sales ...": the verb, not the month
        # one whole month, as a period ending with it ("year_ended" of one month: a yearless one is the latest
        # such month before publication, or the next for an outlook)
        return PeriodMention(m.start(), m.end(), "year_ended", 1, _year(raw_year), month=_MONTHS[raw[:3].lower()])
    if kind in ("year_ended", "month_quarter"):
        month = _MONTHS[g["mon"][:3].lower()]
        unit = (g.get("unit") or "quarter").lower()
        weeks = 0
        if g.get("weeks"):
            raw = g["weeks"].lower()
            weeks = int(raw) if raw.isdigit() else _WEEK_COUNTS[raw]
            months = _weeks_as_months(weeks)
        elif g.get("nm"):
            months = _MONTH_COUNTS[g["nm"].lower()]
        else:
            months = 0 if unit == "period" else 6 if "half" in unit else 12 if "year" in unit else 3
        day = int(g["d"]) if g.get("d") else int(g["d0"]) if g.get("d0") else \
            _WEEK_COUNTS[g["dw"].lower()] if g.get("dw") else 0
        return PeriodMention(m.start(), m.end(), kind, months, _year(g.get("y")), month=month, day=day,
                             ending="ending" in text.lower(), calendar=_ENDS.search(text) is not None,
                             weeks=0 if weeks in _WEEKS_AS_PERIOD else weeks)
    if kind == "date":
        month = int(g["m"]) if g.get("m") else _MONTHS[g["mon"][:3].lower()]
        return PeriodMention(m.start(), m.end(), "date", 0, _year(g.get("y")), month=month, day=int(g["d"]))
    if kind == "year":
        year = _year(g["y"])
        if year is None or (len(g["y"]) == 2 and not fiscal):
            return None
        return PeriodMention(m.start(), m.end(), "year", 0, year, fiscal=fiscal)
    # "the previous fiscal year": a whole fiscal year, not the same period a year earlier
    low = text.lower()
    # ("the previous fiscal year", "the year just ended": the last fiscal year, not the year before a period named)
    return PeriodMention(m.start(), m.end(), kind,
                         fiscal=kind == "prior_year" and ("fiscal" in low or "financial" in low or "just" in low))


def _month_end(year: int, month: int, day: int = 0) -> dt.date:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day, last) if day else last)


def _add_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _fy_label(year: int, fye: tuple[int, int]) -> str:
    return str(year) if fye == (12, 31) else f"FY{year}"


@lru_cache(maxsize=4096)  # (a pure function of few values; Period is immutable)
def fiscal_year(year: int, fye: tuple[int, int]) -> Period:
    """Fiscal year ``year`` (named after the calendar year it ends in).

    >>> fiscal_year(2016, (6, 30)).start, fiscal_year(2025, (12, 31)).label
    (datetime.date(2015, 7, 1), '2025')
    """
    end = _month_end(year, fye[0], fye[1] if fye[1] < 28 else 0)
    start = _add_months(_month_end(year - 1, fye[0], fye[1] if fye[1] < 28 else 0), 0) + dt.timedelta(days=1)
    return Period(start, end, _fy_label(year, fye))


@lru_cache(maxsize=4096)  # (a pure function of few values; Period is immutable)
def fiscal_quarter(year: int, quarter: int, fye: tuple[int, int]) -> Period:
    """Quarter ``quarter`` of fiscal year ``year``. On a calendar whose year ends on a day inside a month (a
    52/53-week year "ended January 3"), the quarters end on that day of every third month, the fourth on the
    year's own end.

    >>> fiscal_quarter(1987, 4, (1, 3)), fiscal_quarter(1987, 1, (1, 3)).end
    (Period(start=datetime.date(1986, 10, 4), end=datetime.date(1987, 1, 3), label='FY1987-Q4'), datetime.date(1986, 4, 3))
    """
    fy = fiscal_year(year, fye)
    if fye[1] < 28:
        end = _add_months(fy.end, -3 * (4 - quarter))
        start = _add_months(fy.end, -3 * (5 - quarter)) + dt.timedelta(days=1)
        return Period(start, end, f"{_fy_label(year, fye)}-Q{quarter}")
    start = _add_months(fy.start, 3 * (quarter - 1))
    end_month_start = _add_months(fy.start, 3 * quarter - 1)
    end = _month_end(end_month_start.year, end_month_start.month)
    return Period(start, end, f"{_fy_label(year, fye)}-Q{quarter}")


def fiscal_year_of(day: dt.date, fye: tuple[int, int]) -> int:
    """The fiscal year that contains ``day``."""
    return day.year if day <= fiscal_year(day.year, fye).end else day.year + 1


@lru_cache(maxsize=4096)  # (a pure function of few values; Period is immutable)
def quarter_containing(day: dt.date, fye: tuple[int, int]) -> Period:
    """The fiscal quarter that contains ``day``."""
    fy = fiscal_year_of(day, fye)
    for q in range(1, 5):
        p = fiscal_quarter(fy, q, fye)
        if p.start <= day <= p.end:
            return p
    return fiscal_quarter(fy, 4, fye)


def fiscal_name(period: Period, fye: tuple[int, int]) -> str | None:
    """The name of the fiscal quarter or half ``period`` is on the calendar of year end ``fye``, within a week at
    either end (a 52/53-week quarter may end a few days into the next month), or None.

    >>> fiscal_name(Period(dt.date(2024, 8, 3), dt.date(2024, 11, 2), "2024-Q4"), (1, 31))
    'FY2025-Q3'
    >>> fiscal_name(Period(dt.date(2024, 1, 1), dt.date(2024, 2, 15), "x"), (12, 31)) is None
    True
    """
    near = period.end - dt.timedelta(days=7)
    for own in (quarter_containing(near, fye), half_containing(near, fye)):
        if abs((own.start - period.start).days) <= 7 and abs((own.end - period.end).days) <= 7:
            return own.label
    return None


@lru_cache(maxsize=4096)  # (a pure function of a period, which is immutable)
def shift_year(period: Period, years: int = -1) -> Period:
    """The same period ``years`` earlier ("a year ago"). A period to a month's end ends at that month's end (a
    February of 29 days or 28); one to a stated day keeps the day (a 52/53-week "quarter ended Dec 28, 1986" a year
    earlier ends Dec 28, 1985, not Dec 31).

    >>> shift_year(Period(dt.date(2025, 7, 1), dt.date(2025, 9, 30), "2025-Q3")).label
    '2024-Q3'
    >>> shift_year(Period(dt.date(1986, 9, 29), dt.date(1986, 12, 28), "FY1987-Q3")).end
    datetime.date(1985, 12, 28)
    >>> shift_year(Period(dt.date(1987, 12, 1), dt.date(1988, 2, 29), "x"), -1).end
    datetime.date(1987, 2, 28)
    """
    label = re.sub(r"(\d{4})", lambda m: str(int(m.group(1)) + years), period.label, count=1)
    to_month_end = period.end == _month_end(period.end.year, period.end.month)
    return Period(_add_months(period.start, 12 * years), _month_end(period.end.year + years, period.end.month)
                  if to_month_end else _add_months(period.end, 12 * years), label)


def shift_quarter(period: Period, fye: tuple[int, int]) -> Period:
    """The quarter before the one ending at ``period.end`` (an instant stays an instant)."""
    q = quarter_containing(period.end, fye)
    prev = quarter_containing(q.start - dt.timedelta(days=1), fye)
    if period.start == period.end:
        return Period(prev.end, prev.end, prev.end.isoformat())
    return prev


def half_containing(day: dt.date, fye: tuple[int, int]) -> Period:
    """The fiscal half-year that contains ``day`` ("FY2025-H1" for December 2024 in a year to June)."""
    fy = fiscal_year_of(day, fye)
    q = quarter_containing(day, fye)
    half = 1 if q.label.endswith(("Q1", "Q2")) else 2
    a, b = fiscal_quarter(fy, 2 * half - 1, fye), fiscal_quarter(fy, 2 * half, fye)
    return Period(a.start, b.end, f"{_fy_label(fy, fye)}-H{half}")


def as_instant(period: Period) -> Period:
    """A stock metric's period: the instant at the end of ``period``."""
    if period.start == period.end:
        return period
    return Period(period.end, period.end, period.end.isoformat())
