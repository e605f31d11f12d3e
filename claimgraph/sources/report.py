"""The reporting context of an article: which period it reports, ending when, and in which currency.

Results items say it in their headline and first line ("ACME INC <ACME> 3RD QTR MAY 31 LOSS", "Qtr ended Jan
31", "YEAR DEC 31"); modern stories in prose ("first-quarter results"). When the end of a period is not
stated, **period arithmetic** finds it: a period is reported after it ends, so its end is the latest
quarter end at least :data:`REPORT_LAG_DAYS` before publication, and the quarter's number then tells the
company's fiscal calendar ("2ND QTR" reported in mid-March ended in December: a fiscal year ending in June).

>>> import datetime as dt
>>> h = parse_headline("GOLDEN NUGGET INC <GNG> 4TH QTR LOSS")
>>> h.company, h.ticker, h.kind, h.number
('Golden Nugget', 'GNG', 'quarter', 4)
>>> p = report_period(h, "", dt.date(1987, 3, 16))
>>> (p.start.isoformat(), p.end.isoformat(), p.label)
('1986-10-01', '1986-12-31', '1986-Q4')
>>> p = report_period(parse_headline("ACME <ACM> 2ND QTR NET"), "", dt.date(1987, 3, 16))
>>> (p.start.isoformat(), p.end.isoformat(), p.label)
('1986-10-01', '1986-12-31', 'FY1987-Q2')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from claimgraph.sources.model import Period

REPORT_LAG_DAYS = 10
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                        "nov", "dec"], start=1)}
_TO_MONTH_END = re.compile(rf"\s+(?:TO|ENDED|ENDING)\s+(?:END[\s-]+)?(?P<mon>{_MONTH})(?![\w-])(?!\s+\d)",
                           re.IGNORECASE)
_COUNTS = {"TWO": 2, "FOUR": 4, "FIVE": 5, "SEVEN": 7, "EIGHT": 8, "TEN": 10, "ELEVEN": 11}
_ORD = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4}
_STRIP_FORM = re.compile(r"(?:,?\s+(?:INC|INCORPORATED|CORP|CORPORATION|CO|COS|COMPANY|LTD|LIMITED|PLC|LLC|AG|SA|NV|"
                         r"S\.A|N\.V|L\.P|LP|CORP\.|INC\.|CO\.|LTD\.)\.?)+$", re.IGNORECASE)
# a day in words, as some wire headlines write it ("YEAR FEB ONE")
_DAY_NUMBERS = {w: n for n, w in enumerate(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
                                           start=1)}
_DAY_WORDS = "|".join(_DAY_NUMBERS)
_HEAD_PERIOD = re.compile(
    # (a headline cut short after its quarter's number: "SEACOAST BANKING CORP <SBCF.O> 3RD")
    # ("ADMAC INC <JPAC> 3RD QT JAN 31 LOSS", "AMERICAN PHYSICIANS SERVICE <AMPH> 4TH NET": "QTR" shortened or left out)
    rf"\b(?:(?P<ord>1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH)(?:[\s-]+(?:QTR|QUARTER|QT)|(?<=\d[A-Z][A-Z])(?=\s*$)|"
    rf"(?<=\d[A-Z][A-Z])(?=\s+(?:NET|LOSS|PROFIT|EARNINGS|OPER)\b)|"
    # ("NORTH SIDE SAVINGS BANK <NSBK.O> 4TH SEPT 30": the quarter's end right after its number)
    rf"(?<=\d[A-Z][A-Z])(?=\s+{_MONTH}\s+\d{{1,2}}\b(?!\s*(?:PCT|PERCENT|%|MLN|BILLION|DLRS?|CTS))))|"
    rf"(?P<qtr>QTR|QUARTER)|"
    # ("TEXAS UTILITIES CO <TXU> 12 MOS MAY 31 NET": a year, as a utility's twelve months ended)
    rf"(?P<year>YEAR|YR|FY|FISCAL\s+YEAR|ANNUAL|(?:12|TWELVE)\s+(?:MTHS|MOS|MONTHS))|"
    # (a utility's months to date: "PEPCO <POM> TWO MTHS FEB 28 NET", "NEW ENGLAND ELECTRIC SYSTEM <NES> FIVE MTHS NET")
    # (not a span of time: "TO EXPORT NO OIL FOR FOUR MONTHS", "WITHIN TWO MONTHS")
    rf"(?<!FOR\s)(?<!NEXT\s)(?<!LAST\s)(?<!PAST\s)(?<!WITHIN\s)(?<!AFTER\s)(?<!IN\s)(?<!OVER\s)"
    rf"(?P<mcount>TWO|FOUR|FIVE|SEVEN|EIGHT|TEN|ELEVEN|2|4|5|7|8|10|11)\s+(?:MTHS|MONTHS|MOS)|"
    rf"(?P<nine>NINE\s+MTHS|NINE\s+MONTHS|9\s+MTHS|(?:NINE|9)\s+MOS)|"
    rf"(?P<six>SIX\s+MTHS|SIX\s+MONTHS|6\s+MTHS|(?:SIX|6)\s+MOS|(?:1ST|FIRST)\s+HALF|HALF[\s-]YEAR|INTERIM)|"
    rf"(?P<half2>(?:2ND|SECOND)\s+HALF)|(?P<div>(?:QTLY|QTRLY|QUARTERLY|REGULAR|INITIAL|SPECIAL|EXTRA|MONTHLY|"
    rf"SEMI-?ANNUAL)?\s*(?:DIV|DIVIDEND|PAYOUT)S?))\b"
    # ("BRAVO AIRLINES <BRV> 4TH QTR LOSS JAN 31": the result's word before the period's end)
    rf"(?:\s+(?:(?:OPER\s+)?(?:NET|LOSS|PROFIT|EARNINGS)\s+(?={_MONTH}\s+(?:\d{{1,2}}|{_DAY_WORDS})\b(?!\s*(?:PCT|PERCENT|"
    rf"%|MLN|BILLION|DLRS?|CTS))))?"
    rf"(?:ENDED\s+|TO\s+|ENDING\s+)?(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}}|{_DAY_WORDS})\b)?",
    re.IGNORECASE)
_BODY_END = re.compile(
    rf"\b(?P<unit>qtr|quarter|period|year|fiscal\s+year|six\s+months|nine\s+months|mths|months)?\s*"
    # (a day in words ends its line: "Qtr ended April four")
    rf"(?:ended|ending|ends|to)\s+(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}}|(?:{_DAY_WORDS})(?=[^\S\n]*[.,]?[^\S\n]*(?:\n|$)))"
    rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
    # a wire item's first line after the dateline: "Feb 28 end", "1st qtr Feb 28 end", "March 31, 1986 end",
    # "Period end Jan 31", "Periods end January 31, 1987 and 1986", "4th qtr Jan 31" or "Sept 30" alone on the line
    rf"|^\W*(?:(?:1st|2nd|3rd|4th|first|second|third|fourth)h?\s+(?:qtr|quarter)\s+|"
    rf"(?:qtr|quarter|year|periods?|nine\s+mths|six\s+mths)\s+(?:end\s+)?)?"
    rf"(?P<mon2>{_MONTH})\s+(?P<day2>\d{{1,2}})(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    rf"(?:\s+end\b|(?:\s+and\s+(?:19|20)\d\d)?[^\S\n]*\.?[^\S\n]*(?:\n|$))",
    re.IGNORECASE)
# one month reported by a wire headline: "POTOMAC ELECTRIC POWER CO <POM> JAN NET", "WALGREEN <WAG> FEBRUARY SALES RISE"
# (capitals or a month's full name: not the verb "may")
_HEAD_MONTH = re.compile(
    r"(?<![\w-])(?P<mon>(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)(?:[A-Z]*)\.?|January|February|March|April|"
    r"June|July|August|September|October|November|December)\s+(?i:net|sales|revs|revenues?|earnings|oper(?:ating)?\s+net|"
    r"profits?|loss|results)\b")
# a year's results named by the year: "WESTLB LUXEMBOURG REPORTS LOWER 1986 NET PROFIT", "ACME 1986 EARNINGS RISE"
# ("BENGUET CORP <BE> CALENDAR 1986": the calendar year named)
_HEAD_YEAR = re.compile(r"(?<=CALENDAR\s)(?P<yc>(?:19|20)\d\d)\b|"
                        r"(?<![\w/-])(?P<y>(?:19|20)\d\d)\s+(?:NET|PROFITS?|EARNINGS|RESULTS|LOSS|OPERATING\s+PROFIT|"
                        r"PRE-?TAX\s+PROFIT|GROUP\s+PROFIT|SALES|REVENUES?|TURNOVER)\b")
# Re-issue markers, possibly stacked: "CORRECTED-", "(CORRECTED) -", "RPT-", "REFILE-", "UPDATE 1-".
_CORRECTION = re.compile(r"^(?:\s*[(\[]?(?:CORRECTED|CORRECTION|REFILED?|REPEAT|RPT|UPDATE\s*\d*)[)\]]?\s*[-:\u2013\u2014]\s*"
                         r"|\s*\((?:CORRECTED|CORRECTION|REFILED?|REPEAT|RPT)\)\s*)+", re.IGNORECASE)
# A wire service's label for the kind of item, before the headline: "BRIEF-Acme Q3 revenue", "BUZZ-", "EXCLUSIVE-"
_WIRE_LABEL = re.compile(r"^(?:\s*(?:BRIEF|BUZZ|EXCLUSIVE|INSIGHT|ANALYSIS|PREVIEW|FACTBOX|WRAPUP\s*\d*|TABLE|"
                         r"RESEARCH\s+ALERT|INSTANT\s+VIEW|HIGHLIGHTS|GRAPHIC|EXPLAINER|TIMELINE|DIARY|"
                         r"MARKET\s+PULSE|HOT\s+STOCKS?)\s*[-:\u2013\u2014]\s*)+")
_ANGLE = re.compile(r"<([A-Z0-9][A-Z0-9.&-]*)>")


def strip_labels(title: str) -> str:
    """A headline without its wire labels and re-issue markers, stacked in any order.

    >>> strip_labels("UPDATE 2-BRIEF-Corvex Therapeutics Q3 revenue rose 18%"), strip_labels("UPM-Kymmene profit")
    ('Corvex Therapeutics Q3 revenue rose 18%', 'UPM-Kymmene profit')
    """
    head = title
    while True:
        cut = _WIRE_LABEL.sub("", _CORRECTION.sub("", head))
        if cut == head:
            return head
        head = cut


@dataclass(frozen=True, slots=True)
class Headline:
    """What a wire-style headline says: the company, its ticker, and the period it reports."""

    company: str | None = None
    ticker: str | None = None
    kind: str | None = None  # quarter | year | nine_months | six_months | month | dividend
    number: int = 0  # the quarter (or half) number, when stated
    month: int = 0  # a stated period end ("3RD QTR MAY 31")
    day: int = 0
    correction: bool = False
    year: int = 0  # a year named as the one reported ("1986 NET PROFIT")
    complete: bool = False  # the company named whole, with its legal form ("INTERMEDICS INC <ITM>")
    legal: str = ""  # that name as written, legal form included ("CHANCELLOR CORP")


# (also a modal or "TO" and its verb after the headline's first word: "MOODY'S MAY LOWER GAF <GAF>", "HANSON TO
# ACQUIRE KIDDE <KDE>": the ticker is the object's)
_LAST_LINK = re.compile(r".*(?:(?<=\S )(?:MAY|MIGHT|COULD|WILL|WOULD|SHOULD|CAN|TO)\s+[A-Z][A-Z'’-]+|"
                        r"\b(?:ON|TO|FOR|BY|AT|WITH|FROM|INTO|OVER|AGAINST|ABOUT|IN|UPON|VS|BUYS|SELLS|BIDS|HAS|HAVE|HOLDS|"
                        r"ACQUIRES|SEEKS|MAKES|TAKES|SAYS|GETS|PUTS|WINS|JOINS|SUES|URGES|REJECTS|ACCEPTS|"
                        # an analyst's or agency's verb on another company ("SALOMON RAISES CATERPILLAR <CAT> OPINION",
                        # "MOODY'S DOWNGRADES LORAL <LOR> DEBT")
                        r"RAISES|CUTS|LOWERS|UPGRADES|DOWNGRADES|AFFIRMS|REAFFIRMS|REITERATES|DROPS|BOOSTS|TRIMS))\s+")


_FORM_THEN_PERIOD = re.compile(r"^([A-Z][A-Z0-9.&'’-]*(?:\s+[A-Z0-9.&'’-]+){0,6}?,?\s+(?:INC|CORP|CO|LTD|PLC|"
                               r"LIMITED|CORPORATION|INCORPORATED|AG|SA|NV)\.?)\s+")
_PREPOSITION_END = re.compile(r"\b(?:ON|TO|FOR|BY|AT|WITH|FROM|INTO|OVER|AGAINST|ABOUT|IN|UPON|VS)\s+$")
# a verb of a headline's story before its preposition: "PUTS PRESSURE ON", "TO INVEST IN", "RAISES STAKE IN"
_STORY_VERB = re.compile(r"\s(?:TO\s+[A-Z]{2,}|[A-Z]{2,}(?:S|ED))\s")


def _story_verb(head: str) -> bool:
    """Whether the headline up to its last link word (a verb such as "BUYS", or a preposition) tells a story about
    another company: a link verb, or a preposition after a verb ("INVESTOR GROUP PUTS PRESSURE ON"); not a name's own
    preposition ("APPLE BANK FOR SAVINGS").

    >>> _story_verb("INVESTOR GROUP PUTS PRESSURE ON "), _story_verb("APPLE BANK FOR "), _story_verb("ACME BUYS ")
    (True, False, True)
    """
    m = _PREPOSITION_END.search(head)
    return m is None or _STORY_VERB.search(" " + head[:m.start()]) is not None


# a wire item's first line that is a period alone ("4th qtr", "1st qtr net", "Year", "Nine mths"): the period the
# table below it reports, when the headline names none ("IBM CORP <IBM> NET")
_BARE_PERIOD_LINE = re.compile(r"(?i)(?:(?:1st|2nd|3rd|4th|first|second|third|fourth)\s+(?:qtr|quarter)|year|"
                               r"(?:1st|2nd|first|second)\s+half|(?:six|nine)\s+(?:mths|months))"
                               r"(?:\s+(?:net|loss|profit|results|earnings))?")


def bare_period_line(line: str) -> bool:
    """Whether a line is only a period ("4th qtr", "2nd qtr net", "Year").

    >>> bare_period_line("  4th qtr"), bare_period_line("3rd qtr net"), bare_period_line("4th qtr sales rose")
    (True, True, False)
    """
    return _BARE_PERIOD_LINE.fullmatch(line.strip(" -.:")) is not None


def parse_headline(title: str) -> Headline:
    """Company, ticker and reported period of a headline.

    >>> h = parse_headline("<ROYAL GOLD AND SILVER CORP> 1ST QTR NET")
    >>> h.company, h.ticker, h.kind, h.number
    ('Royal Gold and Silver', None, 'quarter', 1)
    >>> h = parse_headline("TELCO SYSTEMS INC <TELC.O> 3RD QTR MAY 31 LOSS")
    >>> h.company, h.ticker, h.month, h.day
    ('Telco Systems', 'TELC.O', 5, 31)
    >>> parse_headline("CORRECTED - FEDERAL PAPER <FBT> RAISES PAYOUT").correction
    True
    >>> parse_headline("HALLORAN SECURITIES RAISES NORTHWIND <NWD> ESTIMATE").company
    'Northwind'
    >>> h = parse_headline("(ACME TOOLS INC) SIX MTHS FEB 28 NET")
    >>> h.company, h.kind, h.month
    ('Acme Tools', 'six_months', 2)
    """
    if not title:
        return Headline()
    correction = bool(_CORRECTION.match(_WIRE_LABEL.sub("", title)))
    head = strip_labels(title)
    company: str | None = None
    ticker: str | None = None
    m = _ANGLE.search(head)
    if m:
        before = head[: m.start()].strip(" -,:/")
        if (cut := _LAST_LINK.search(before)) is not None and re.search(r"[A-Z]", before[cut.end():]) \
                and _story_verb(before[:cut.end()]):
            # "INVESTOR GROUP PUTS PRESSURE ON GENCORP <GY>", "DAINIPPON INK TO INVEST IN QUIXOTE <QUIX>": the
            # company the ticker belongs to is the name right before it, after the story's verb and preposition
            before = before[cut.end():].strip(" -,:/")
        if before and not re.search(r"[a-z]", before) and sum(1 for w in before.split() if w.strip("-&/")) <= 7:
            # (a dash or an ampersand between words is no word: "PEP BOYS - MANNY, MOE AND JACK INC <PBY>")
            company, ticker = before, m.group(1)
        elif not before and re.search(r"\s", m.group(1)):
            company = m.group(1)
    elif head.startswith("<"):
        m2 = re.match(r"^<([^>]{2,80})>", head)
        if m2:
            company = m2.group(1)
    if company is None and ticker is None:
        # "(CFCF INC) SIX MTHS FEB 28 NET": a name in parentheses where wire headlines put angle brackets
        m4 = re.match(r"^\(([A-Z][^)a-z]{1,78})\)\s", head)
        if m4 and _HEAD_PERIOD.search(head, m4.end()):
            company = m4.group(1)
    if company is None and ticker is None and (m5 := _FORM_THEN_PERIOD.match(head)) is not None \
            and _HEAD_PERIOD.match(head, m5.end()) is not None:
        # "SCOTT'S LIQUID GOLD INC YEAR OPER NET": a name in capitals with its legal form, then the period reported
        company = m5.group(1)
    if company is None:
        m3 = re.match(r"^<([^>]{2,80})>", head)
        if m3 and not re.fullmatch(r"[A-Z0-9.]{1,8}", m3.group(1)):
            company = m3.group(1)
    complete, legal = False, ""
    if company is not None:
        complete = _STRIP_FORM.search(" ".join(company.split()).strip(" ,.-")) is not None
        legal = " ".join(company.split()).strip(" ,.-") if complete else ""
        company = display_name(company)
    kind, number, month, day = None, 0, 0, 0
    p = _HEAD_PERIOD.search(head)
    if p is not None and p.group("year") and not p.group("ord") and not p.group("qtr"):
        # "Fiscal Year 2025 First Quarter Financial Results": the quarter of the year the headline names
        p = next((q for q in _HEAD_PERIOD.finditer(head, p.end()) if q.group("ord") or q.group("qtr")), p)
    if p:
        if p.group("ord"):
            kind, number = "quarter", _ORD[p.group("ord").lower()]
        elif p.group("qtr"):
            kind = "quarter"
        elif p.group("year"):
            kind = "year"
        elif p.group("nine"):
            kind = "nine_months"
        elif p.group("mcount"):
            count = p.group("mcount").upper()
            kind = f"months:{int(count) if count.isdigit() else _COUNTS[count]}"
            if not p.group("mon") and (to := _TO_MONTH_END.match(head, p.end())) is not None:
                month = _MONTHS[to.group("mon")[:3].lower()]  # ("FIVE MONTHS TO END JANUARY": its last day)
        elif p.group("six"):
            # ("ELDERS RESOURCES LTD FIRST HALF ENDED DEC 31": the first half of the company's year)
            kind, number = "six_months", 1 if re.match(r"(?i)(?:1ST|FIRST)\s", p.group("six")) else 0
        elif p.group("half2"):
            kind, number = "six_months", 2
        elif p.group("div"):
            kind = "dividend"
        if p.group("mon"):
            raw_day = p.group("day").lower()
            month, day = _MONTHS[p.group("mon")[:3].lower()], _DAY_NUMBERS.get(raw_day) or int(raw_day)
    elif (one := _HEAD_MONTH.search(head)) is not None and one.group("mon")[:3].lower() in _MONTHS:
        # a month's results ("JAN NET" of a utility, "FEBRUARY SALES" of a retailer): that month, to its last day
        kind, month, day = "month", _MONTHS[one.group("mon")[:3].lower()], 31
    elif (named := _HEAD_YEAR.search(head)) is not None:
        return Headline(company, ticker, "year", 0, 0, 0, correction, int(named.group("y") or named.group("yc")),
                        complete, legal)
    return Headline(company, ticker, kind, number, month, day, correction, complete=complete, legal=legal)


# a headline's period that is what a forecast is for, not what the item reports: "raises full-year operating profit
# forecast", "sees fiscal-year sales up", "cuts annual outlook"
_FORECAST_PERIOD = re.compile(
    r"(?i)\b(?:full[\s-]year|annual|year|fy|fiscal[\s-]year|quarter|qtr)\b[^.;:|,]{0,40}?\b(?:forecasts?|outlooks?|"
    r"guidance|targets?|view|projections?|goals?)\b|"
    r"\b(?:sees|expects|forecasts|predicts|projects|targets|eyes)\b[^.;:|,]{0,30}?\b(?:full[\s-]year|annual|year|fy|"
    r"fiscal[\s-]year|quarter|qtr)\b")


def forecast_period(title: str) -> bool:
    """Whether the period a headline names first is the one a forecast is for.

    >>> forecast_period("Hoshimura Electric raises full-year operating profit forecast")
    True
    >>> forecast_period("ACME INC 4TH QTR NET"), forecast_period("Acme third-quarter profit rises, raises full-year forecast")
    (False, False)
    """
    p = _HEAD_PERIOD.search(title)
    return p is not None and any(f.start() <= p.start() < f.end() for f in _FORECAST_PERIOD.finditer(title))


_SUBJECT_STOP = re.compile(
    r"^(?:REPORTS?|REPORTED|SAYS?|SAID|SEES?|SETS?|POSTS?|RAISES?|CUTS?|LOWERS?|EXPECTS?|TO|IN|HAS|HAVE|IS|ARE|WILL|"
    r"WINS?|GETS?|PLANS?|BUYS?|SELLS?|AGREES?|NET|1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH|QTR|QUARTER|YEAR|"
    r"Q[1-4]|[1-4]Q|FY\d*|H[12]|EARNINGS|PROFITS?|LOSS(?:ES)?|SALES|REVENUES?|DIVIDENDS?|DIV|PAYOUT|SHARES|STOCK|"
    r"NON-GAAP|GAAP|ADJUSTED|ADJ\.?|EPS|EBITDA|EBIT|OPERATING|CORE|DILUTED|ORGANIC|COMPARABLE|SAME-STORE|"
    r"RESULTS|UPS|DOWN|UP|BEATS?|MISSES|TOPS|JUMPS?|FALLS?|RISES?|SLIPS?|SWINGS?|NINE|SIX|OPER|FOR|OF|ON|AT|AND|"
    r"AS|AFTER|WITH|NAMES|FILES|SEEKS|UNIT|SUBSIDIARY|INCREASES?|DECLARES?|OMITS|PASSES|RESUMES|INITIATES|"
    r"GUIDANCE|OUTLOOK|FORECASTS?|"  # ("Brightwell Energy Non-GAAP EPS of $1.12 beats by $0.08")
    r"\d[\d.,]*|[A-Z]*'S)$", re.IGNORECASE)
_CONNECTORS = {"OF", "AND", "&", "DE", "DU", "DES"}
_DIVIDEND_KINDS = {"INITIAL", "SPECIAL", "EXTRA", "QTLY", "QTRLY", "QUARTERLY", "REGULAR", "MONTHLY", "SEMI-ANNUAL",
                   "SEMIANNUAL", "ANNUAL", "INTERIM", "FINAL", "STOCK", "CASH"}
_DIVIDEND_WORD = re.compile(r"(?i)^(?:DIV|DIVS|DIVIDENDS?|PAYOUTS?|DISTRIBUTIONS?)\b")
_LEAD_SKIP = {"the", "a", "an", "update", "update 1", "update 2", "corrected", "correction", "exclusive", "breaking"}


_KICKER = re.compile(r"^[A-Z][A-Z&'’ -]{2,40};\s+(?=\S)")  # (a colon may follow a company: "KROGER: Q3")


_MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept",
                          "sep", "oct", "nov", "dec"})


# a broker's action on a company's rating or price target: the company is the verb's object
_RATING_ACTION = re.compile(
    r"^[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s+(?:raises|lifts|cuts|lowers|trims|boosts|hikes|slashes|ups|"
    r"upgrades|downgrades|initiates|starts|resumes|reiterates)\s+(?:coverage\s+(?:of|on)\s+)?"
    r"((?:[A-Z][\w&.'’-]*\s+){1,4}?)(?:['’]s?\s+)?(?:price\s+target|PT|target|rating|to\s+|stock|shares|with|at)\b")


# a headline opening on a ticker in capitals right before a quarter and its year ("UPS Q3 2021 results")
_TICKER_BEFORE_QUARTER = re.compile(r"([A-Z]{1,5}(?:\.[A-Z])?)\s+(?=(?:Q[1-4]|[1-4]Q|H[12]|FY)\s*'?(?:19|20)?\d\d\b)")
_NOT_TICKER = frozenset({"NET", "EPS", "GAAP", "EBIT", "SALES", "LOSS", "UPDATE", "SEES", "FOR", "IN", "THE"})


def headline_subject(title: str) -> str | None:
    """The company a headline is about when it gives no ticker: its leading name.

    >>> [headline_subject(t) for t in ("EXR Q4 2020 results", "WESTLB LUXEMBOURG REPORTS LOWER 1986 NET PROFIT",
    ...                                 "Sony's profit jumps as PlayStation sales surge", "Why markets fell")]
    ['EXR', 'WESTLB LUXEMBOURG', 'Sony', None]
    >>> headline_subject("BANK OF BRITISH COLUMBIA 1ST QTR JAN 31 NET")
    'BANK OF BRITISH COLUMBIA'
    >>> headline_subject("Brightwell Energy Non-GAAP EPS of $1.12 beats by $0.08")
    'Brightwell Energy'
    >>> headline_subject("Northwind Robotics Non-GAAP EPS of $0.07 beats by $0.03")
    'Northwind Robotics'
    >>> headline_subject("COMPANY NEWS; Harwood Mills Earnings Climb 12%")
    'Harwood Mills'
    >>> headline_subject("TSMC September sales jump 39.6%"), headline_subject("MAY DEPARTMENT STORES 1ST QTR NET")
    ('TSMC', 'MAY DEPARTMENT STORES')
    >>> headline_subject("AN Q4 2021 results"), headline_subject("UPS Q3 2021 earnings call")
    ('AN', 'UPS')
    >>> headline_subject("HARBOR VALUE FUND INITIAL DIV"), headline_subject("SPECIAL METALS CORP QTLY DIVIDEND")
    ('HARBOR VALUE FUND', 'SPECIAL METALS CORP')
    """
    head = strip_labels(title or "").strip()
    if (ticker := _TICKER_BEFORE_QUARTER.match(head)) is not None and ticker.group(1) not in _NOT_TICKER:
        return ticker.group(1)  # "AN Q4 2021 results", "SIX Q3 2021 earnings call": a ticker, though also a word
    head = _KICKER.sub("", head)  # "COMPANY NEWS; Harwood Mills Earnings Climb 12%": a section's label first
    if (rated := _RATING_ACTION.match(head)) is not None:
        head = rated.group(1)  # "JPMorgan lifts Adobe price target": the company rated, not the broker
    words = head.split()
    while words and words[0].lower().strip(":-") in _LEAD_SKIP:
        words.pop(0)
    out: list[str] = []
    for n, w in enumerate(words):
        if out and w.upper() in _CONNECTORS and n + 1 < len(words) and words[n + 1][:1].isupper() \
                and not _SUBJECT_STOP.match(words[n + 1].strip(",:;")):
            out.append(w)  # "BANK OF BRITISH COLUMBIA 1ST QTR", "PROCTER AND GAMBLE"
            continue
        bare = w.strip(",:;")
        possessive = re.search(r"['’]s$", bare)
        core = re.sub(r"['’]s$", "", bare)
        if not core or not (core[0].isupper() or core[0].isdigit()) or _SUBJECT_STOP.match(core):
            if possessive and core and core[0].isupper() and not _SUBJECT_STOP.match(core):
                out.append(core)
            break
        if core.lower() in ("why", "how", "what", "when", "where", "who", "which", "this", "these", "here"):
            return None
        if out and core.lower() in _MONTH_NAMES:
            break  # "TSMC September sales jump", "GENERAL MOTORS JUNE SALES" (not "May Department Stores")
        if out and core.upper() in _DIVIDEND_KINDS and n + 1 < len(words) and _DIVIDEND_WORD.match(words[n + 1]):
            break  # "LIBERTY EQUITY FUND INITIAL DIV", "ACME INDUSTRIES QTLY DIVIDEND": the dividend's kind
        out.append(core)
        if possessive or bare != w or len(out) >= 5:
            break
    if not out or all(x.isdigit() for x in out) or not any(c.isalpha() for c in out[0]):
        return None  # ("37.5% to 40.3% of net sales.": a passage cut inside a sentence; but "3M", "7-Eleven")
    return " ".join(out)


def display_name(name: str) -> str:
    """A company's display name from a wire form: legal form dropped, capitals turned to title case.

    >>> display_name("MARINE MIDLAND BANKS INC"), display_name("Toyota Motor Corp."), display_name("IBM")
    ('Marine Midland Banks', 'Toyota Motor', 'IBM')
    """
    name = " ".join(name.split()).strip(" ,.-")
    stripped = _STRIP_FORM.sub("", name).strip(" ,.-") or name
    # "Morgan Stanley and Co", "Salomon Brothers & Co Inc": the connector went with the legal form
    stripped = re.sub(r"(?:\s+(?:and|AND|&))+$", "", stripped) or stripped
    if stripped.isupper() and (len(stripped) > 5 or " " in stripped):
        words: list[str] = []
        for w in stripped.split():
            if words and w in _CONNECTORS and w != "&":
                words.append(w.lower())  # "BANK OF BRITISH COLUMBIA": "Bank of British Columbia"
                continue
            words.append(w if (len(w) <= 3 and not w.isalpha()) or re.fullmatch(r"[A-Z]\.?([A-Z]\.)*", w)
                         # ("CAPITAL CITIES/ABC": "Cities/ABC", a short part of a slashed name kept in capitals)
                         else "/".join(x if len(x) <= 3 else x.capitalize() for x in w.split("/")) if "/" in w
                         else w.capitalize() if "-" not in w else "-".join(x.capitalize() for x in w.split("-")))
        stripped = mc_case(" ".join(words))
    return stripped


_MC = re.compile(r"\bMc([a-z])(?=[a-z]{2})")


def mc_case(name: str) -> str:
    """"Mc" names with their inner capital: "Mckinley Foods" is "McKinley Foods" (not "Mci", an acronym's)."""
    return _MC.sub(lambda m: "Mc" + m.group(1).upper(), name)


def title_case(name: str) -> str:
    """A name in capitals in title case, without a capital after an apostrophe ("SHONEY'S INC": "Shoney's Inc",
    not ``str.title``'s "Shoney'S Inc", which then lost its "'S" as a possessive).

    >>> title_case("SHONEY'S INC"), title_case("CHI-CHI'S"), title_case("O'NEILL CORP"), title_case("MCKESSON CORP")
    ("Shoney's Inc", "Chi-Chi's", "O'Neill Corp", 'McKesson Corp')
    >>> title_case("CAPITAL CITIES/ABC INC")
    'Capital Cities/ABC Inc'
    """
    titled = re.sub(r"(?<=[A-Za-z]['’])S\b", "s", name.title())  # ("MCDONALD'S": "McDonald's")
    if "/" in name:  # ("CAPITAL CITIES/ABC INC": "Capital Cities/ABC Inc", a short part after the slash kept)
        titled = re.sub(r"(?<=/)([A-Z][a-z]{1,2})\b", lambda m: m.group(1).upper(), titled)
    return mc_case(titled)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's length (month ends stay month ends).

    >>> add_months(dt.date(2024, 2, 29), -12), add_months(dt.date(1986, 12, 31), -3)
    (datetime.date(2023, 2, 28), datetime.date(1986, 9, 30))
    """
    total = day.year * 12 + day.month - 1 + months
    y, m = divmod(total, 12)
    last = calendar.monthrange(y, m + 1)[1]
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return dt.date(y, m + 1, last)
    return dt.date(y, m + 1, min(day.day, last))


def latest_quarter_end(published: dt.date, *, lag_days: int = REPORT_LAG_DAYS) -> dt.date:
    """The latest calendar quarter end at least ``lag_days`` before ``published``.

    >>> latest_quarter_end(dt.date(1987, 4, 2)), latest_quarter_end(dt.date(1987, 4, 20))
    (datetime.date(1986, 12, 31), datetime.date(1987, 3, 31))
    """
    limit = published - dt.timedelta(days=lag_days)
    q_month = ((limit.month - 1) // 3) * 3 + 3
    end = _month_end(limit.year, q_month)
    if end > limit:
        end = add_months(end, -3)
    return end


def latest_month_end(published: dt.date, *, lag_days: int = REPORT_LAG_DAYS) -> dt.date:
    """The latest month end at least ``lag_days`` before ``published``: where a numbered quarter that is not the
    calendar's ended (a "THIRD QTR" published on June 29 ended on May 31, of a fiscal year to August; a company
    reports a quarter weeks after it ends, rarely three months).

    >>> latest_month_end(dt.date(1987, 6, 29)), latest_month_end(dt.date(1987, 4, 2))
    (datetime.date(1987, 5, 31), datetime.date(1987, 2, 28))
    """
    limit = published - dt.timedelta(days=lag_days)
    end = _month_end(limit.year, limit.month)
    return end if end <= limit else add_months(end, -1)


def _numbered_quarter_end(headline: Headline, published: dt.date) -> dt.date:
    """Where a quarter that is not the calendar's of its number ended: at the latest calendar quarter end, as most
    fiscal quarters do, unless that is more than 75 days before publication (a quarter is reported weeks after it
    ends), then at the latest month end ("LAIDLAW ... THIRD QTR" on June 29: May 31, of a year to August)."""
    end = latest_quarter_end(published)
    if headline.kind == "quarter" and headline.number and (published - end).days > _QUARTER_LAG_DAYS:
        return latest_month_end(published)
    return end


_QUARTER_LAG_DAYS = 75
CALENDAR_WINDOW_DAYS = {"quarter": 100, "six_months": 110, "nine_months": 100, "year": 125}


def calendar_end(kind: str, number: int, published: dt.date) -> dt.date | None:
    """The end of the period of that kind (and number) in calendar terms, if it ended recently enough before
    publication to be the one reported; most companies keep the calendar year.

    >>> calendar_end("quarter", 1, dt.date(1987, 4, 7)), calendar_end("quarter", 2, dt.date(1987, 3, 16))
    (datetime.date(1987, 3, 31), None)
    >>> calendar_end("year", 0, dt.date(1987, 3, 27))
    datetime.date(1986, 12, 31)
    """
    if kind == "year" or (kind == "quarter" and number == 4) or (kind == "six_months" and number == 2):
        month = 12
    elif kind == "quarter" and number:
        month = 3 * number
    elif kind == "six_months":
        month = 6
    elif kind == "nine_months":
        month = 9
    else:
        return None
    for year in (published.year, published.year - 1):
        end = _month_end(year, month)
        if 0 <= (published - end).days <= CALENDAR_WINDOW_DAYS[kind]:
            return end
    return None


recent_calendar_end = calendar_end  # (the name for modules whose own variables are called calendar_end)


def latest_date(month: int, day: int, published: dt.date, *, lag_days: int = 0) -> dt.date:
    """The latest ``month``/``day`` on or before ``published - lag_days`` (a stated end without its year)."""
    limit = published - dt.timedelta(days=lag_days)
    for year in (limit.year, limit.year - 1):
        d = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if d <= limit:
            return d
    return dt.date(limit.year - 1, month, min(day, calendar.monthrange(limit.year - 1, month)[1]))


_KIND_MONTHS = {"month": 1, "quarter": 3, "six_months": 6, "nine_months": 9, "year": 12}


def period_ending(end: dt.date, months: int, fye: tuple[int, int] | None = None, number: int = 0) -> Period:
    """The ``months``-long period that ends on ``end``, labelled in the fiscal calendar ``fye``.

    >>> period_ending(dt.date(1986, 12, 31), 12).label, period_ending(dt.date(1987, 3, 31), 9, (6, 30)).label
    ('1986', 'FY1987-9M')
    """
    start = add_months(end, -months) + dt.timedelta(days=1)
    fye = fye or (end.month, end.day) if months == 12 else fye or (12, 31)
    fy = end.year if (end.month, end.day) <= fye else end.year + 1
    prefix = str(fy) if fye == (12, 31) or (months == 12 and fye[0] == 12) else f"FY{fy}"
    if months == 12:
        label = prefix
    elif months == 3:
        q = number or _quarter_number(end, fye)
        label = f"{prefix}-Q{q}"
    elif months == 6:
        label = f"{prefix}-H{number or (1 if _quarter_number(end, fye) <= 2 else 2)}"
    elif months == 9:
        label = f"{prefix}-9M"
    elif months == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        label = f"{end.year}-{end.month:02d}"  # one calendar month
    else:
        label = f"{months}M-{end.isoformat()}"
    return Period(start, end, label)


def _quarter_number(end: dt.date, fye: tuple[int, int]) -> int:
    months_after = (end.month - fye[0]) % 12
    return max(1, min(4, (months_after + 2) // 3 if months_after else 4))


def fye_for(end: dt.date, quarter: int) -> tuple[int, int]:
    """The fiscal-year end implied by quarter ``quarter`` ending on ``end``.

    A 52/53-week quarter that ends in the first days of a month is the previous month's ("the second quarter
    ended August 2, 2025": the July quarter of a year to January).

    >>> fye_for(dt.date(1986, 12, 31), 2), fye_for(dt.date(1987, 5, 30), 1), fye_for(dt.date(2025, 8, 2), 2)
    ((6, 30), (2, 28), (1, 31))
    """
    if end.day <= 7:
        end = end.replace(day=1) - dt.timedelta(days=1)
    fy_end = add_months(_month_end(end.year, end.month), 3 * (4 - quarter))
    return (fy_end.month, fy_end.day if fy_end.month != 2 else 28)


def stated_end(text: str, published: dt.date | None) -> dt.date | None:
    """A period end stated near the start of a results item ("Qtr ended Jan 31", "Period ended January 31").

    >>> stated_end("Qtr ended Jan 31", dt.date(1987, 3, 16)), stated_end(" 1st qtr Feb 28 end", dt.date(1987, 3, 25))
    (datetime.date(1987, 1, 31), datetime.date(1987, 2, 28))
    >>> stated_end(" March 31, 1986 end", dt.date(1987, 3, 23))
    datetime.date(1986, 3, 31)
    >>> stated_end(" Period end Jan 31\\n    Shr loss one cts", dt.date(1987, 3, 17))
    datetime.date(1987, 1, 31)
    >>> stated_end(" 4th qtr Jan 31\\n", dt.date(1987, 3, 17)), stated_end(" Sept 30\\n", dt.date(1987, 10, 20))
    (datetime.date(1987, 1, 31), datetime.date(1987, 9, 30))
    >>> stated_end(" Periods end January 31, 1987 and 1986\\n", dt.date(1987, 3, 17))
    datetime.date(1987, 1, 31)
    >>> stated_end(" Sept 30 sales rose", dt.date(1987, 10, 20)) is None
    True
    >>> stated_end(" Qtr ended April four\\n    Shr 12 cts", dt.date(1987, 4, 23))
    datetime.date(1987, 4, 4)
    """
    m = _BODY_END.search(text[:200])
    if m is None:
        return None
    mon, day_s, year_s = (m.group("mon"), m.group("day"), m.group("y")) if m.group("mon") else \
        (m.group("mon2"), m.group("day2"), m.group("y2"))
    month, day = _MONTHS[mon[:3].lower()], _DAY_NUMBERS.get(day_s.lower()) or int(day_s)
    if not 1 <= day <= 31:
        return None
    if year_s:
        y = int(year_s)
        return dt.date(y, month, min(day, calendar.monthrange(y, month)[1]))
    if published is None:
        return None
    return latest_date(month, day, published)


def report_period(headline: Headline, first_line: str, published: dt.date | None, *,
                  fye: tuple[int, int] | None = None) -> Period | None:
    """The period a results item reports: stated end if any, else period arithmetic from publication."""
    if published is None or headline.kind in (None, "dividend"):
        return None
    if headline.kind.startswith("months:"):
        # months to date, to a stated end or the latest month end before publication; no fiscal year is implied
        months = int(headline.kind.partition(":")[2])
        # (the first months of the calendar year unless an end is stated: "FIRST FOUR MONTHS" in June end in April)
        end = latest_date(headline.month, headline.day or 31, published) if headline.month \
            else stated_end(first_line, published) or latest_date(months, 31, published, lag_days=REPORT_LAG_DAYS)
        start = add_months(end, -months) + dt.timedelta(days=1)
        if end.day >= 28:  # (whole months: "TWO MTHS" to February 28 of a leap year are January and February)
            start = add_months(dt.date(end.year, end.month, 1), 1 - months)
        return Period(start, end, f"{months}M-{end.isoformat()}")
    months = _KIND_MONTHS[headline.kind]
    if headline.year:
        # "1986 NET PROFIT": the year ending in 1986 that ended last before publication (a year still under way is
        # an outlook's, no result)
        end = stated_end(first_line, published) or calendar_end("year", 0, published) or dt.date(headline.year, 12, 31)
        if end.year != headline.year or end > published:
            return None
    elif headline.month:
        end = latest_date(headline.month, headline.day, published)
    else:
        end = stated_end(first_line, published) or calendar_end(headline.kind, headline.number, published) \
            or _numbered_quarter_end(headline, published)
    if headline.kind == "quarter" and headline.number:
        fye = fye_for(end, headline.number)
    elif headline.kind == "year" or (headline.kind == "six_months" and headline.number == 2):
        fye = (end.month, end.day)
    elif headline.kind == "six_months" and headline.number == 1:
        six = add_months(end, 6)  # a first half ended December 31 is of a year to June
        fye = (six.month, six.day if six.month != 2 else 28)
    return period_ending(end, months, fye, headline.number)
