"""Share prices and amounts written without a currency in wire prose: "Philip Morris Cos <MO> rose 2-5/8 to 87-3/4",
"the stock closed at 58-5/8", "total revenues for 1986 of 4,255,731" (stage 4 of :mod:`claimgraph.sources.extract`,
read beside the quantities of each sentence)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimgraph.sources.companies import CompanyMention
from claimgraph.sources.metric_choice import _signed
from claimgraph.sources.model import Claim, Measure, Modality, Period, Quantity, Resolution, Value
from claimgraph.sources.numbers import parse_number
from claimgraph.sources.scan import LeadGuarded

if TYPE_CHECKING:
    from claimgraph.sources.context import ArticleContext


_BARE_AMOUNT = LeadGuarded(r"(?<![\w$.,/-])", r"(\d{1,3}(?:,\d{3})+)(?![\w]|[.,]\d)", "$.,/-",
                           needs=r",\d{3}")
_BARE_LEAD = re.compile(
    r"\b(?:revenues?|sales|(?:net\s+)?income|net\s+profits?|profits?|earnings|net\s+loss|loss)\b[^.;,$]{0,30}?"
    r"\b(?:of|was|were|to|from|totall?ed|reached)\s+(?:a\s+(?:record\s+)?)?$", re.IGNORECASE)
_BARE_TAIL = re.compile(r"^(?:\s*(?:[,.;)]|$|and\b|or\b|vs\b|versus\b|compared\b|from\b|in\b|for\b|a\s+year\b))")


# a share price without a currency in wire prose: "Clevite's stock was trading on NASDAQ at 13-1/4", "the stock
# closed at 58-5/8", "shares were trading off 1-1/2 at 15-1/4" (in dollars; London prices are in pence)
_BARE_PRICE = re.compile(
    r"\b(?:stock|shares)\s+(?:(?:was|were|is|are|had|has|last|earlier|currently|here)\s+){0,2}"
    r"(?:trading|traded|closed|closing|opened|ended|finished|quoted|stood|selling|sold)\b"
    r"(?:\s+(?:up|down|off|higher|lower)\s+[\d/ -]+?(?:\s+points?)?)?(?:\s+(?!at\b)[\w-]+){0,3}?\s+at\s+"
    r"(\d{1,4}(?:-\d{1,2}/\d{1,2}|\.\d{1,3})?)(?=\s*(?:[.,;)]|$|on\b|in\b|bid\b|before\b|after\b|today\b))",
    re.IGNORECASE)
_PRICE_CURRENCIES = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD"}
# a share's move and price in wire market prose, in dollars and fractions without a currency: "Philip Morris Cos
# <MO> rose 2-5/8 to 87-3/4, RJR Nabisco <RJR> 1-1/4 to 57-1/2", "Ames Department Stores Inc fell 1-7/8 to 23",
# "Gencorp closed at 114-1/4, up 1-5/8"
_FRAC = r"\d{1,4}-\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}|\d{1,4}(?!\.\d)"
# a move in words before a price in fractions ("Wendy's rose one to 12-3/4")
_WORD_MOVE = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)(?=\s+(?:points?\s+)?(?:to|at)\s+\d{1,4}-\d{1,2}/\d)"
_MOVE_VERBS = {"rose": 1, "gained": 1, "climbed": 1, "advanced": 1, "jumped": 1, "added": 1, "up": 1, "fell": -1,
               "lost": -1, "dropped": -1, "declined": -1, "slipped": -1, "eased": -1, "down": -1, "off": -1}
_NOT_AFTER = r"(?![\d/-]|[.,]\d|\s*(?:%|pct|percent|per\s*cent|points?\s+(?:to|at)|dlrs?|cts|cents|mln|million|billion|bln|"\
             r"[a-z]*\s*(?:yen|marks|francs|stg|pounds|pence|tonnes|barrels)))"
_PRICE_MOVE = re.compile(
    # (an appositive may stand between: "Wendy's International Inc, another operator of fast food restaurants, rose")
    rf"(?P<where>>|[A-Z][\w.&'’]*|\b(?:stock|shares))(?:,\s+(?:an?|the|another|its)\s+[^,.;]{{1,60}},)?\s+"
    rf"(?:(?:was|were|had)\s+)?(?P<verb>{'|'.join(_MOVE_VERBS)})\s+"
    rf"(?P<move>{_FRAC}|{_WORD_MOVE})(?:\s+points?)?\s+(?:to|at)\s+(?P<price>{_FRAC}){_NOT_AFTER}"
    rf"|(?P<where2>>|[A-Z][\w.&'’]*|\b(?:stock|shares))\s+closed\s+at\s+(?P<price2>{_FRAC}),?\s+"
    rf"(?P<verb2>up|down|off)\s+(?P<move2>{_FRAC}){_NOT_AFTER}"
    # the next of a list, its verb left out: ", RJR Nabisco <RJR> 1-1/4 to 57-1/2 and U.S. Tobacco <UBO> 7/8 to 27"
    rf"|(?P<where3>>)\s+(?P<move3>{_FRAC})\s+to\s+(?P<price3>{_FRAC}){_NOT_AFTER}")


_MOVE_ONLY = re.compile(rf"\b(?P<where>stock|shares)\s+(?:closed|ended|finished)\s+(?P<move>{_FRAC})\s+(?:points?\s+)?"
                        r"(?P<dir>higher|lower|up|down)\b(?!\s+(?:at|to)\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PriceMove:
    """A share price and its move read from wire market prose (offsets in the sentence)."""

    anchor: int  # where the name or ticker before the verb ends
    price: tuple[int, int]
    move: tuple[int, int]
    sign: int
    named: bool = True  # led by a name or ticker (not "stock", "shares": the article's company)


def price_moves(text: str) -> list[PriceMove]:
    """The share moves of a sentence in wire market style (see ``_PRICE_MOVE``); a figure without a fraction
    counts only beside one that has it, or after "stock"/"shares".

    >>> [(m.sign, m.price, m.move) for m in price_moves("Ames Department Stores Inc fell 1-7/8 to 23")]
    [(-1, (41, 43), (32, 37))]
    >>> price_moves("Interest rates rose 2 to 8 in the survey")
    []
    """
    if "/" not in text and "tock" not in text and "hares" not in text:
        return []
    out: list[PriceMove] = []
    for m in _MOVE_ONLY.finditer(text):
        # "Friday, the stock closed 1-5/8 points higher": a move with no price after it (the article's company)
        out.append(PriceMove(m.end("where"), (-1, -1), m.span("move"), 1 if m.group("dir").lower() in ("higher", "up")
                             else -1, False))
    sign = 0
    for m in _PRICE_MOVE.finditer(text):
        n = "" if m.group("price") else "2" if m.group("price2") else "3"
        verb = m.group(f"verb{n}") if n != "3" else None
        sign = _MOVE_VERBS[verb.lower()] if verb else sign
        where = m.group(f"where{n}")
        if not sign or ("/" not in m.group(f"move{n}") + m.group(f"price{n}") and where not in ("stock", "shares")):
            continue
        out.append(PriceMove(m.end(f"where{n}"), m.span(f"price{n}"), m.span(f"move{n}"), sign,
                             where not in ("stock", "shares")))
    return out


def bare_prices(text: str, found: list[Quantity], currency: str) -> list[Quantity]:
    """Share prices written without a currency in dollar wire prose (see ``_BARE_PRICE``).

    >>> [(q.text, q.value.low) for q in bare_prices("Clevite's stock was trading on NASDAQ at 13-1/4.", [], "USD")]
    [('13-1/4', 13.25)]
    >>> bare_prices("The stock was scheduled to expire at 2400.", [], "USD")
    []
    """
    if currency not in _PRICE_CURRENCIES:
        return []
    out: list[Quantity] = []
    for move in price_moves(text):
        for a, b in (move.move, move.price):
            if a < 0:
                continue  # (a move with no price)
            value = parse_number(text[a:b])
            if value is not None and not any(q.start <= a < q.end for q in found):
                out.append(Quantity(a, b, text[a:b], Value(value, value, currency, text[a:b], decimals=0, point=value),
                                    "money"))
    if " at " not in text:
        return out
    for m in _BARE_PRICE.finditer(text):
        if any(q.start <= m.start(1) < q.end for q in [*found, *out]):
            continue
        value = parse_number(m.group(1))
        if value is None or value <= 0:
            continue
        out.append(Quantity(m.start(1), m.end(1), m.group(1),
                            Value(value, value, currency, m.group(1), decimals=0, point=value), "money"))
    return out


def price_move_claim(text: str, q: Quantity, move: PriceMove, companies: list[CompanyMention],
                      ctx: ArticleContext) -> Claim | None:
    """The share price or its move (see :func:`price_moves`): the company named right before the verb, else the
    article's, on the trading day named or the day of publication."""
    near = [c for c in companies if c.end <= move.anchor <= c.end + 12]
    company = near[-1].company if near else None if move.named else ctx.main  # ("Gold rose 3/8 to": no company)
    if company is None:
        return None
    is_move = (q.start, q.end) == move.move
    value = _signed(q.value, move.sign) if is_move else q.value
    period: Period | None = None
    if ctx.published is not None:
        day = market_day(text, ctx.published)
        period = Period(day, day, day.isoformat())
    return Claim(company=company.name, metric="share_price", measure=Measure.CHANGE if is_move else Measure.LEVEL,
                 value=value, period=period,
                 resolution=Resolution.INFERRED_PUBLISHED if period is not None else Resolution.UNRESOLVED,
                 modality=Modality.REPORTED, quote=text, span=(0, len(text)), phrase="share price", base_period=period)


def bare_amounts(text: str, found: list[Quantity], currency: str) -> list[Quantity]:
    """Amounts written without a currency in wire prose ("total revenues for 1986 of 4,255,731, and net income of
    258,125"): a digit-grouped number right after a money metric and "of", "was", "to" ... is money in the
    article's currency. Numbers followed by a unit word ("4,000 shares") are not; share prices are read too
    (:func:`bare_prices`).

    >>> [(q.text, q.value.low, q.value.unit) for q in bare_amounts("Tseng posted sales of 549,950, the company said.",
    ...                                                            [], "USD")]
    [('549,950', 549950.0, 'USD')]
    """
    out: list[Quantity] = bare_prices(text, found, currency) \
        if "tock" in text or "hares" in text or "/" in text else []
    if "," not in text:
        return out
    for m in _BARE_AMOUNT.finditer(text):
        if any(q.start <= m.start() < q.end or m.start() <= q.start < m.end() for q in found):
            continue
        if not _BARE_LEAD.search(text[max(0, m.start() - 60):m.start()]) or not _BARE_TAIL.match(text[m.end():]):
            continue
        digits = m.group(1).replace(",", "")
        value = float(digits)
        zeros = len(digits) - len(digits.rstrip("0"))
        out.append(Quantity(m.start(), m.end(), m.group(1),
                            Value(value, value, currency, m.group(1), decimals=-zeros, point=value), "money"))
    return out


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


# a weekday that is when results come, not a trading day: "Wipro, which reports on Friday, has a market value of"
_REPORT_DAY_BEFORE = re.compile(r"(?i)\b(?:reports|will\s+report|is\s+(?:due|scheduled|set)\s+to\s+report|reporting|"
                                r"results\s+(?:due|are\s+due))\s+(?:results\s+|earnings\s+)?(?:on\s+|next\s+)?$")


def market_day(text: str, published: dt.date) -> dt.date:
    """The trading day a share move or a price in a news sentence is for: the weekday it names, the latest such
    day on or before publication; else the day of publication.

    >>> market_day("Shares fell 4% on Tuesday.", dt.date(2024, 8, 22))  # a Thursday
    datetime.date(2024, 8, 20)
    >>> market_day("The stock rose 2% in early trading.", dt.date(2024, 8, 22))
    datetime.date(2024, 8, 22)
    """
    m = next((w for w in _WEEKDAY.finditer(text) if not _REPORT_DAY_BEFORE.search(text, max(0, w.start() - 30),
                                                                                   w.start())), None)
    if m is None:
        return published
    back = (published.weekday() - _WEEKDAY_NAMES.index(m.group(1).lower())) % 7
    return published - dt.timedelta(days=back)
