"""Results tables of wire services: one claim per figure, with the period of the section it sits in.

A results item lists figures as table lines, the current period first and the same period a year earlier after
``vs``::

    Shr profit two cts vs loss one ct
    Net profit 130,000 vs loss 46,000
    Revs 93.0 mln vs 90.6 mln
    Nine mths
    Shr 41 cts vs 40 cts

* **Labels** are read with the metric vocabulary (``Shr`` is EPS, ``Net`` net income, ``Revs``/``Sales``
  revenue, ``Qtly div`` the dividend …); ``Oper`` lines are the headline measure unless the same section also
  gives the plain line, and ``Avg shrs`` are share counts, kept unclassified.
* **Values** may have no currency sign (``1,234,000``), a scale (``mln``, ``billion``), a currency word
  (``dlrs``, ``cts``, ``marks``, ``stg``), a sign word (``profit``, ``loss``), a fraction (``11-3/4 cts``) or
  be written in words (``two cts``, ``nil``).
* **Sections** (``Year``, ``Nine mths``, ``Six mths``, ``4th qtr``, ``Qtr to Dec 31``) set the period of the
  lines below them; every section ends where the item's period ends (:mod:`claimgraph.sources.report`).
* **Columns**: the ``vs`` column is the same period a year earlier (``prior_period``); for dividends, the
  previous payment.

>>> import datetime as dt
>>> rows = parse_rows("Shr profit two cts vs loss one ct\\nNet 1.3 mln vs 1,700,000\\nNine mths\\nRevs 9.0 mln vs nil")
>>> [(r.label, r.section, [(v.value, v.unit) for v in r.values]) for r in rows]
[('Shr', None, [(0.02, 'USD'), (-0.01, 'USD')]), ('Net', None, [(1300000.0, 'USD'), (1700000.0, 'USD')]), \
('Revs', 'nine_months', [(9000000.0, 'USD'), (0.0, 'USD')])]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claimgraph.sources.metrics import UNCLASSIFIED, Vocabulary
from claimgraph.sources.model import Claim, Measure, Modality, Period, Qualifier, Resolution, Value
from claimgraph.sources.numbers import NUMBER, digits_of, parse_number

_SCALE = {"mln": 1e6, "mn": 1e6, "million": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "thousand": 1e3,
          "trillion": 1e12}
# Currency words of wire tables; "dlrs" is the article's dollar (see :func:`claimgraph.sources.places`).
CURRENCY_WORDS = {
    "dlrs": None, "dlr": None, "dollars": None, "dollar": None, "cts": None, "ct": None, "cents": None,
    "cent": None, "marks": "DEM", "mark": "DEM", "stg": "GBP", "pounds": "GBP", "pence": "GBP", "p": "GBP",
    "francs": "FRF", "franc": "FRF", "yen": "JPY", "guilders": "NLG", "guilder": "NLG", "lire": "ITL",
    "lira": "ITL", "crowns": "SEK", "kronor": "SEK", "pesetas": "ESP", "rand": "ZAR", "schillings": "ATS",
    "kroner": "NOK", "markka": "FIM", "pesos": "MXN", "rupees": "INR", "won": "KRW", "yuan": "CNY",
    "canadian dlrs": "CAD", "cdn dlrs": "CAD", "can dlrs": "CAD", "australian dlrs": "AUD", "aust dlrs": "AUD",
    "austr dlrs": "AUD", "a$": "AUD", "hk dlrs": "HKD", "hong kong dlrs": "HKD", "nz dlrs": "NZD",
    "new zealand dlrs": "NZD", "singapore dlrs": "SGD", "u.s. dlrs": "USD", "us dlrs": "USD",
    "swiss francs": "CHF", "sfr": "CHF", "belgian francs": "BEF", "french francs": "FRF",
    "danish crowns": "DKK", "norwegian crowns": "NOK", "swedish crowns": "SEK",
    # cents named with their dollar's country ("Qtly div 10 Canadian cts vs 10 Canadian cts prior")
    "canadian cts": "CAD", "canadian cents": "CAD", "cdn cts": "CAD", "can cts": "CAD", "u.s. cts": "USD",
    "us cts": "USD", "u.s. cents": "USD", "australian cents": "AUD", "australian cts": "AUD", "aust cts": "AUD",
    "nz cts": "NZD", "hk cts": "HKD",
    # (the country abbreviated with stops, as wire tables write it: "Shr 126 H.K. Cents vs 42")
    "h.k. dlrs": "HKD", "h.k. cts": "HKD", "h.k. cents": "HKD", "hk cents": "HKD", "n.z. dlrs": "NZD",
    "n.z. cts": "NZD", "n.z. cents": "NZD", "nz cents": "NZD", "singapore cts": "SGD", "singapore cents": "SGD",
}
_CENTS_WORDS = ("cts", "ct", "cents", "cent", "pence", "p")
_FRANCS = ("BEF", "CHF", "LUF", "FRF")
_CROWNS = ("SEK", "DKK", "NOK")
_DOLLAR_WORDS = ("dlrs", "dlr", "dollars", "dollar", "a$")  # ("Shr 1.10 Canadian dlrs vs 90": 90 cents)
_CUR_ALT = "|".join(re.escape(k) for k in sorted(CURRENCY_WORDS, key=len, reverse=True) if k != "p")
_SCALE_ALT = "|".join(sorted(_SCALE, key=len, reverse=True))
_SIGN = r"profit|loss|gain|deficit|income"
_VALUE = (rf"(?:(?P<s@>{_SIGN})\s+)?(?P<n@>{NUMBER}|nil|n\.?a\.?|n/a|none|not\s+(?:available|given|reported|applicable))"
          # ("Shr 5.1p vs 4.2p": pence written onto the figure)
          rf"(?:(?<=\d)(?P<p@>p)(?![\w-]))?"
          rf"(?:\s*(?P<sc@>{_SCALE_ALT})\b)?(?:\s+(?P<c@>{_CUR_ALT})\b)?(?:\s*(?P<sc@b>{_SCALE_ALT})\b)?"
          # ("Extraordinary items 42.3 mln profit vs 5.4 mln loss": the sign word after the figure)
          rf"(?:\s+(?P<t@>profit|loss|debit|credit)\b)?")
# "vs same": the earlier period's figure is the current one
_V1, _V2 = _VALUE.replace("@", "1"), _VALUE.replace("@", "2").replace("|nil|", "|nil|same|", 1)
_V3, _V4 = _VALUE.replace("@", "3"), _VALUE.replace("@", "4").replace("|nil|", "|nil|same|", 1)
_ROW = re.compile(
    # (a word may be a nominal value: "Earnings per 20-crown share 20.45 crowns vs 23.79")
    rf"^(?P<label>[A-Z][A-Za-z.&'/-]*,?(?:\s+(?!vs\b)(?:[A-Za-z][A-Za-z.&'/-]*|\d+-[A-Za-z]+),?){{0,5}}?)[\s:]+{_V1}"
    # ("Qtrly div 26 cts Class A vs 12 cts": the class of share after the first figure)
    rf"(?:\s+(?:Class|Series)\s+[A-Z](?![A-Za-z]))?"
    # (a "vs" dropped between two signed figures, "Shr loss 18 cts profit 2.23 dlrs", or between two figures with
    # their units, "Revs 51.6 mln 41.1 mln")
    rf"(?:\s*(?:,|;)?\s+(?:(?:vs\.?|versus|against)\s+|(?<=\w\s)(?=(?:profit|loss)\s+\d)|"
    rf"(?<=[A-Za-z]\s)(?<!profit\s)(?<!loss\s)(?<!gain\s)(?<!credit\s)(?<!debit\s)(?=\d)){_V2})?"
    # ("Shr 5.1p vs 4.2p, making 15.3p vs 12.7p for nine months", "Final div 7p, making 12p vs 10p": the figures
    # to date, from the start of the year to the item's end)
    rf"(?:\s*,?\s+making\s+{_V3}(?:\s*,?\s+(?:vs\.?|versus|against)\s+{_V4})?"
    rf"(?:\s+(?:for\s+(?:the\s+)?)?(?P<span>(?:nine|six|9|6|12|twelve)\s+(?:mths|months|mos)|(?:the\s+)?year|"
    rf"(?:first|1st)\s+half|half[\s-]year))?)?"
    # ("... vs 7-1/2 cts prior (excluding" with the bracket closed on the next line)
    rf"(?P<tail>(?:\s+(?:prior(?:\s+(?:qtr|quarter|year|period|payment))?|previously|\([^)]{{0,40}}\)|\([^)]{{0,40}}$|adjusted|"
    rf"restated|revised))*)\s*[.;]?$",
    re.IGNORECASE,
)
_PROSE_VERB = re.compile(r"(?i)\b(?:was|were|is|are|rose|fell|grew|totall?ed|reached|came|stood|amounted|increased|"
                         r"decreased|declined|jumped|climbed|dropped|slipped|gained|hit|topped|posted|reported|earned)"
                         # ("Revenue from operations rose marginally to 2.35 trillion rupees.": prose)
                         r"(?:\s+(?:marginally|slightly|sharply|strongly|modestly|only|just|nearly|almost|about|some|"
                         r"roughly|in|at|to|by|from))*"
                         # ("Group sales were EUR 3.42bn.": the amount's currency code after the verb)
                         r"(?:\s+(?:EUR|USD|GBP|CHF|JPY|CNY|SEK|NOK|DKK|CAD|AUD|INR|ZAR|HKD|SGD|BRL|MXN|PLN|CZK|HUF|"
                         r"RUB|TRY|KRW|Rs\.?|US\$|C\$|A\$))?$")
_LABELLED_COMPARATIVE = re.compile(r"\((?:[A-Za-z0-9][A-Za-z0-9/'’.\- ]{0,29}?)\s*:\s*[-–(]?\s?(?:[$€£¥]|[A-Z]{3}\s?)?\s?\d")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# a span heading of any length ("11 mths" of a partnership formed in February, "Eight months", "40 wks" of a
# 52/53-week year): its number of months or weeks
_COUNT_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                "seventeen|eighteen|nineteen|twenty")
_COUNT_OF = {w: n for n, w in enumerate(_COUNT_WORDS.split("|"), start=1)}
_HEADING = re.compile(
    rf"^(?P<what>(?P<count>\d{{1,2}}|{_COUNT_WORDS})[\s-]+(?P<span>mths|months?|mos|weeks?|wks)|"
    rf"year|fiscal\s+year|12\s+mths|twelve\s+mths|12\s+months|twelve\s+months|12\s+mos|full\s+year|"
    rf"nine\s+mths|9\s+mths|nine\s+months|9\s+months|nine\s+mos|9\s+mos|six\s+mths|6\s+mths|six\s+months|"
    rf"6\s+months|six\s+mos|6\s+mos|"
    rf"(?:first|1st|second|2nd)\s+half|half[\s-]year|qtr|quarter|three\s+mths|3\s+mths|three\s+months|"
    rf"(?:first|1st|second|2nd|third|3rd|fourth|4th)\s+(?:qtr|quarter))"
    # ("YEAR - period ended October 31, 1986")
    rf"(?:\s*[-:,]?\s+(?:(?:period|periods|year)\s+)?(?:ended|ending|to|thru|through)?\s*(?P<mon>{_MONTH})\s+"
    rf"(?P<day>\d{{1,2}})(?:,?\s+(?P<y>(?:19|20)\d\d))?)?"
    rf"\s*[:.]?$",
    re.IGNORECASE,
)
_SECTION_KIND = [
    (re.compile(r"year|12|twelve|full", re.I), "year"), (re.compile(r"nine|9", re.I), "nine_months"),
    (re.compile(r"six|6|half", re.I), "six_months"), (re.compile(r"qtr|quarter|three|3", re.I), "quarter"),
]


@dataclass(frozen=True, slots=True)
class Cell:
    """One figure of a table line: its value in base units, unit, stated text and precision."""

    value: float
    unit: str  # an ISO 4217 code, or "count"
    stated: str
    decimals: int
    start: int
    end: int
    per_share: bool = False
    available: bool = True


@dataclass
class Row:
    """A table line: its label, cells (current first), the section it sits in, and its span."""

    label: str
    values: list[Cell]
    section: str | None
    section_end: tuple[int, int, int | None] | None  # (month, day, year) stated in the heading
    start: int
    end: int
    prior_is_previous_payment: bool = False
    flags: set[str] = field(default_factory=set)


def _decimals(digits: str, multiplier: float) -> int:
    import math

    plain = digits.replace(",", "")
    if "." in plain:
        d = len(plain.split(".")[1])
    else:
        stripped = plain.rstrip("0")
        d = -(len(plain) - len(stripped)) if stripped and len(plain) >= 4 else 0
    return d - round(math.log10(multiplier)) if multiplier > 0 else d


def _cell(m: re.Match[str], n: int, offset: int, currency: str, per_share_hint: bool,
          inherit_scale: float | None) -> Cell | None:
    raw = m.group(f"n{n}")
    if raw is None:
        return None
    low = raw.lower().replace(" ", "")
    start, end = m.start(f"s{n}") if m.group(f"s{n}") else m.start(f"n{n}"), m.end(f"n{n}")
    for g in (f"p{n}", f"sc{n}", f"c{n}", f"sc{n}b", f"t{n}"):
        if m.group(g):
            end = max(end, m.end(g))
    stated = m.string[start:end]
    if low in ("n.a.", "na", "n.a", "n/a", "none", "notavailable", "notgiven", "notreported", "notapplicable"):
        return Cell(0.0, currency, stated, 0, offset + start, offset + end, available=False)
    number = 0.0 if low == "nil" else parse_number(raw)
    if number is None:
        return None
    scale_word = (m.group(f"sc{n}") or m.group(f"sc{n}b") or "").lower()
    cur_word = (m.group(f"c{n}") or ("pence" if m.group(f"p{n}") else "")).lower()
    scale = _SCALE.get(scale_word, 1.0) if scale_word else None
    if scale is None and inherit_scale and number < 1000 and "," not in raw:
        scale = inherit_scale
    mult = scale or 1.0
    unit = currency
    if cur_word:
        code = CURRENCY_WORDS.get(" ".join(cur_word.split()))
        if code == "FRF" and currency in _FRANCS:
            code = currency  # "francs" under a Brussels, Zurich or Luxembourg dateline: that country's franc
        elif code == "SEK" and currency in _CROWNS and cur_word.split()[0] in ("crowns", "crown"):
            code = currency  # "crowns" under a Copenhagen or Oslo dateline: that country's crown
        unit = code or currency
        if cur_word.split()[-1] in _CENTS_WORDS:
            mult *= 0.01
    elif per_share_hint and scale is None and number == int(number) and "." not in raw and low != "nil":
        mult *= 0.01  # "Shr 43 vs 25": cents
    sign = -1.0 if (m.group(f"s{n}") or m.group(f"t{n}") or "").lower() in ("loss", "deficit", "debit") else 1.0
    value = sign * number * mult
    # "Shr 2-1/5 cts vs nil": a per-share nil is less than half a cent (stated to the cent), not within half a dollar
    decimals = 2 if low == "nil" and per_share_hint and not cur_word else _decimals(digits_of(raw), mult)
    return Cell(value, unit, stated, decimals, offset + start, offset + end,
                per_share=cur_word.split()[-1:] in (["cts"], ["ct"], ["cents"], ["cent"], ["dlrs"], ["dlr"], ["pence"]))


def _section(line: str) -> tuple[str, tuple[int, int, int | None] | None] | None:
    m = _HEADING.match(line.strip())
    if not m:
        return None
    what = m.group("what")
    kind = _span_kind(m) if m.group("count") else next(k for pattern, k in _SECTION_KIND if pattern.search(what))
    if kind is None:
        return None
    end = None
    if m.group("mon"):
        from claimgraph.sources.report import _MONTHS

        end = (_MONTHS[m.group("mon")[:3].lower()], int(m.group("day")), int(m.group("y")) if m.group("y") else None)
    return kind, end


_MONTHS_KIND = {3: "quarter", 6: "six_months", 9: "nine_months", 12: "year"}


def _span_kind(m: re.Match[str]) -> str | None:
    """The section kind of a heading that counts months or weeks: the usual kinds for a quarter, half, nine months
    or year (13, 26, 39, 52 weeks and their neighbours in a 52/53-week calendar: a grocer's first quarter may be 16
    weeks), else ``months:N`` or ``weeks:N``.

    >>> [_section(x)[0] for x in ("11 mths", "Nine mths", "Eight months", "40 wks", "20 weeks", "52 wks", "3 mos")]
    ['months:11', 'nine_months', 'months:8', 'nine_months', 'weeks:20', 'year', 'quarter']
    """
    from claimgraph.sources.periods import _WEEKS_AS_PERIOD, _weeks_as_months

    raw = m.group("count").lower()
    count = int(raw) if raw.isdigit() else _COUNT_OF[raw]
    if m.group("span").lower().startswith("w"):
        if not 1 <= count <= 53:
            return None
        if count in _WEEKS_AS_PERIOD:
            return _MONTHS_KIND[_weeks_as_months(count)]
        return f"weeks:{count}"
    if not 1 <= count <= 12:
        return None
    return _MONTHS_KIND.get(count, f"months:{count}")


def section_months(kind: str) -> int:
    """The months a section kind spans (weeks counted as whole months, at least one).

    >>> section_months("nine_months"), section_months("months:11"), section_months("weeks:16")
    (9, 11, 4)
    """
    if kind in _SECTION_MONTHS:
        return _SECTION_MONTHS[kind]
    span, _, count = kind.partition(":")
    return int(count) if span == "months" else max(1, round(int(count) * 7 / 30.44))


# a label that ends on a preposition, an article or a noun counted in words ("on slide four"): prose
_WORD_NUMBER_PROSE = re.compile(r"(?i)\b(?:on|in|at|to|of|with|for|by|from|the|a|an|and|or|slide|page|chart|step|"
                                r"phase|number|no|chapter|part|section|point)$")


# a label ending on the word that a slide's or page's number follows ("Turning to our outlook on Slide 21.")
_SLIDE_END = re.compile(r"(?i)\b(?:slides?|pages?|charts?|exhibits?)$")


# a note on a line of its own naming the dollar of the whole table: "U.S. dlrs.", "NOTE: U.S. funds.", "Results in
# U.S. funds", "(All figures in Canadian dollars)"; under a Toronto dateline the table's bare figures are then not
# Canadian dollars
_NOTED_DOLLAR = re.compile(
    r"(?i)(?:note\s*:?\s*)?\(?\s*(?:(?:all\s+)?(?:figures|amounts|results)\s+(?:are\s+)?(?:(?:stated|expressed|reported"
    r"|given)\s+)?in\s+|in\s+)?(?P<which>U\.\s?S\.|US|Canadian|Cdn|Australian|New\s+Zealand|Hong\s+Kong|Singapore)"
    r"\s+(?:dlrs|dollars|funds|currency)\s*\.?\s*\)?\s*\.?")
_NOTED_DOLLARS = {"u.s.": "USD", "us": "USD", "canadian": "CAD", "cdn": "CAD", "australian": "AUD",
                  "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD"}


def noted_currency(text: str) -> str | None:
    """The dollar a note on a line of its own gives for a results table's figures, else None.

    >>> noted_currency("Shr 12 cts vs 10 cts\\n    Note: 1986 net includes a gain.\\n    U.S. dlrs.")
    'USD'
    >>> noted_currency("Net 1.2 mln vs 900,000\\n    Results in Canadian funds")
    'CAD'
    >>> noted_currency("It sold the unit for 18 mln\\nU.S. dlrs in cash.") is None
    True
    """
    if "dlrs" not in text and "dollars" not in text and "funds" not in text and "urrency" not in text:
        return None
    for line in text.split("\n"):
        m = _NOTED_DOLLAR.fullmatch(line.strip())
        if m is not None:
            return _NOTED_DOLLARS[" ".join(m.group("which").lower().replace(". ", ".").split())]
    return None


def parse_rows(text: str, *, currency: str = "USD", dividend: bool = False) -> list[Row]:
    """Every table line of ``text`` with its cells and section (``None``: the item's own period)."""
    currency = noted_currency(text) or currency  # ("U.S. dlrs." under a table with a Toronto dateline)
    rows: list[Row] = []
    section: str | None = None
    section_end: tuple[int, int, int | None] | None = None
    pos = 0
    prose = False  # whether the line before is prose (not a table line, a heading or a blank)
    lines = text.split("\n")
    joined_next = False
    for i, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end + 1
        if joined_next:
            joined_next = False
            continue
        stripped = line.strip()
        if (wrapped := _wrapped_row(line, lines[i + 1] if i + 1 < len(lines) else "")) is not None:
            stripped, end, joined_next = wrapped, end + 1 + len(lines[i + 1]), True
        after_prose, prose = prose, bool(stripped)
        if not stripped or (len(stripped) > 90 and not joined_next):
            continue
        sec = _section(stripped)
        if sec is not None:
            section, section_end = sec
            prose = False
            continue
        m = _ROW.match(stripped)
        if m is None and (moved := _signs_moved(stripped)) is not stripped:
            m = _ROW.match(moved)  # (a line _signs_moved leaves as it is has been tried: not again)
        if m is None and (mended := _scale_typo(stripped)) != stripped:
            m = _ROW.match(mended)  # ("Revs 276.9 mln vs 290.1 mnln": a scale word mistyped)
        if m is None or (after_prose and stripped[0].islower()):
            continue  # ("... at the end of the fiscal year to equal\nannual dividend of 50 cts.": wrapped prose)
        prose = False
        label = " ".join(m.group("label").split())
        if re.match(r"(?i)^(?:pay(?:able)?|record|note|payable|dividend\s+payable)\b", label) or _PROSE_VERB.search(label):
            continue  # ("Operating profit was 205 million pounds." is a sentence of prose, not a table line)
        if _LABELLED_COMPARATIVE.search(stripped):
            continue  # ("Group sales: EUR 3.42bn (Q3 2024: EUR 3.29bn)": a key-figures line, read as prose)
        if _SLIDE_END.search(label):
            continue  # ("Turning to full-year highlights on Slide 21.": a call's lead, the number a slide's)
        offset = start + (len(line) - len(line.lstrip()))
        per_share = bool(re.search(r"(?i)\b(?:shr|shrs|share|unit|div|dividend|payout)\b", label)) and \
            not re.search(r"(?i)\bavg\b|\baverage\b|\bshrs\b", label)
        first = _cell(m, 1, offset, currency, per_share, None)
        if first is None or (first.stated.isalpha() and _WORD_NUMBER_PROSE.search(label)):
            continue  # ("Starting with Collins Aerospace on slide four.": a number in words after prose)
        first_scale = _scale_of(m, 1)
        # "Net dividend 165 francs vs 150": a bare figure after one in a named currency without cents in its name
        # (francs, yen, marks, ...) is in that currency, not in cents
        c1_word = " ".join((m.group("c1") or "").lower().split())
        major = bool(CURRENCY_WORDS.get(c1_word)) and c1_word.split()[-1] not in _CENTS_WORDS + _DOLLAR_WORDS
        second = _cell(m, 2, offset, currency, per_share and not major, first_scale)
        if second is not None and first_scale is None and not per_share:
            first = _scaled_like(first, m, second)
        if second is not None and first.value < 0 and m.group("n2") and not m.group("s2") and not m.group("t2") \
                and second.value > 0:
            # "Net loss 37.4 mln vs 32.9 mln": the sign word is written once for both columns (a profit says so,
            # before the figure or after it: "Net loss 62.1 mln stg vs 71.6 mln profit")
            second = dataclasses.replace(second, value=-second.value)
        if second is None and (m.group("n2") or "").lower() == "same":
            second = Cell(first.value, first.unit, m.group("n2"), first.decimals, offset + m.start("n2"),
                          offset + m.end("n2"), first.per_share, first.available)
        cells = [first] + ([second] if second is not None else [])
        if second is not None and first.unit != second.unit and not m.group("c2"):
            cells[1] = Cell(second.value, first.unit, second.stated, second.decimals, second.start, second.end,
                            second.per_share, second.available)
        c1 = (m.group("c1") or ("p" if m.group("p1") else "")).lower()
        if per_share and len(cells) == 2 and c1 in ("cts", "ct", "cents", "cent", "pence", "p") and not m.group("c2") \
                and not m.group("p2") \
                and not _scale_of(m, 2) and "." in (m.group("n2") or ""):
            # "Shr 4.16 cents vs 28.80": the cents written once are the second figure's too (a whole number is read as
            # cents already)
            cells[1] = dataclasses.replace(cells[1], value=cells[1].value * 0.01, decimals=cells[1].decimals + 2,
                                           per_share=True)
        if per_share and len(cells) == 2 and "." not in m.group("n1") and not m.group("c1") and m.group("c2"):
            c2 = (m.group("c2") or "").lower()
            if c2 in ("dlrs", "dlr"):  # "Shr 43 vs 1.10 dlrs": the first cell is in dollars too
                cells[0] = Cell(cells[0].value * 100, cells[0].unit, cells[0].stated, cells[0].decimals + 2,
                                cells[0].start, cells[0].end)
        tail = (m.group("tail") or "").lower()
        rows.append(Row(label, cells, section, section_end, offset, end,
                        prior_is_previous_payment=dividend or "prior" in tail or bool(
                            re.search(r"(?i)\bdiv|dividend|payout\b", label))))
        if m.group("n3"):
            rows.append(_to_date_row(m, label, first, c1, offset, end, currency, per_share, section, section_end))
    return rows


def _to_date_row(m: re.Match[str], label: str, first: Cell, first_word: str, offset: int, end: int, currency: str,
                 per_share: bool, section: str | None, section_end: tuple[int, int, int | None] | None) -> Row:
    """The figures after "making" on a table line: the period to date (the span it names, else from the start of
    the year to the item's end), its year-earlier figure after "vs". A figure without a currency word of its own
    takes the first figure's cents ("Div 11.5p making 19.0 vs 16.0").

    >>> rows = parse_rows("Shr 5.1p vs 4.2p, making 15.3p vs 12.7p for nine months", currency="GBP")
    >>> [(r.section, r.flags, [c.value for c in r.values]) for r in rows]
    [(None, set(), [0.051, 0.042]), ('nine_months', {'to_date'}, [0.153, 0.127])]
    >>> [[c.value for c in r.values] for r in parse_rows("Final div 20 cents vs same, making 37.5 vs same.")]
    [[0.2, 0.2], [0.375, 0.375]]
    """
    cents = first_word in _CENTS_WORDS
    cells: list[Cell] = []
    for n in (3, 4):
        cell = _cell(m, n, offset, currency, per_share and not cents, _scale_of(m, 3) if n == 4 else None)
        if cell is None and n == 4 and cells and (m.group("n4") or "").lower() == "same":
            # ("Final div 20 cents vs same, making 37.5 vs same": the year-earlier total is the same)
            cells.append(dataclasses.replace(cells[0], stated=m.group("n4"), start=offset + m.start("n4"),
                                             end=offset + m.end("n4")))
            continue
        if cell is None:
            continue
        if not (m.group(f"c{n}") or m.group(f"p{n}")):
            cell = dataclasses.replace(cell, unit=first.unit)
            if cents and cell.available:
                cell = dataclasses.replace(cell, value=cell.value * 0.01, decimals=cell.decimals + 2, per_share=True)
        cells.append(cell)
    named = _section(m.group("span")) if m.group("span") else None
    kind = named[0] if named is not None else section
    return Row(label, cells, kind, section_end if kind == section else None, offset, end, flags={"to_date"})


_SCALE_WRAP = re.compile(r"(?im)(?<=\d)[ \t]*\n[ \t]*(?:mln|mn|million|billion|bln|bn)\s+(?:[a-z]+\s+)?"
                         r"(?:vs\.?|versus)\s+\S[^\n]*")


def wrapped_tails(text: str) -> list[tuple[int, int]]:
    """The spans of table lines' wrapped ends: a line that starts with the scale word of the figure that ends the
    line before, then the comparative ("... before minority interest 10.8" then "Mln vs 77.7 mln profit"), is no
    line of its own to read figures from (the label is the line before's).

    >>> text = "Loss before minority interest and items 10.8\\n    Mln vs 77.7 mln profit\\n"
    >>> [text[a:b].strip() for a, b in wrapped_tails(text)]
    ['Mln vs 77.7 mln profit']
    >>> wrapped_tails("Profit rose to 10.8\\nmillion from 9 million.") + wrapped_tails("Net 5\\n    Revs 7 mln vs 6 mln")
    []
    """
    out: list[tuple[int, int]] = []
    for m in _SCALE_WRAP.finditer(text):
        start = text.index("\n", m.start()) + 1
        out.append((start, m.end()))
    return out


def _wrapped_row(line: str, after: str) -> str | None:
    """A "making" table line that runs onto the next line (which starts with no capital, as a new table line
    would), joined to it, when only the two together read as a table line or they read as one with more figures
    ("Pre-tax profit 506 mln stg vs 452 mln, making 1.51 billion" then "stg vs 1.35 billion."); else ``None``.

    >>> _wrapped_row("Net 32 mln vs 30 mln, making 90 mln", "vs 84 mln for nine months.")
    'Net 32 mln vs 30 mln, making 90 mln vs 84 mln for nine months.'
    >>> _wrapped_row("Net 32 mln vs 30 mln, making 90 mln", "Revs 90 mln vs 84 mln") is None
    True
    """
    nxt = after.strip()
    if not nxt or nxt[0].isupper() or "making" not in line + after:
        return None
    joined = f"{line.strip()} {after.strip()}"
    both = _ROW.match(joined)
    if both is None or len(joined) > 140:
        return None
    alone = _ROW.match(line.strip())
    if alone is not None and sum(1 for n in range(1, 5) if alone.group(f"n{n}")) >= sum(
            1 for n in range(1, 5) if both.group(f"n{n}")):
        return None
    return joined


# "Oper net loss vs profit 2,051,000 vs 1,492,000": both sign words written before both figures
_SIGNS_FIRST = re.compile(rf"^(?P<label>.*?\S)\s+(?P<a>{_SIGN})\s+(?:vs\.?|versus)\s+(?P<b>{_SIGN})\s+(?P<x>\S.*?)"
                          rf"\s+(?:vs\.?|versus)\s+(?P<y>\S.*)$", re.IGNORECASE)


_WORD_AFTER_FIGURE = re.compile(r"(?<=\d)(\s*)([A-Za-z]{3,8})\b")


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _scale_typo(line: str) -> str:
    """``line`` with a mistyped scale word after a figure set right, the only word one letter away from it.

    >>> _scale_typo("Revs 276.9 mln vs 290.1 mnln"), _scale_typo("Net 4.2 bln vs 3.9 bln")
    ('Revs 276.9 mln vs 290.1 mln', 'Net 4.2 bln vs 3.9 bln')
    """
    def mend(m: re.Match[str]) -> str:
        word = m.group(2).lower()
        if word in _SCALE or word in CURRENCY_WORDS:
            return m.group(0)
        near = [scale for scale in ("mln", "million", "billion") if _one_edit(word, scale)]
        return m.group(1) + near[0] if len(near) == 1 else m.group(0)
    return _WORD_AFTER_FIGURE.sub(mend, line)


def _signs_moved(line: str) -> str:
    """A table line whose two sign words come before both figures, written as the usual line (each sign word
    before its figure); any other line as it is.

    >>> _signs_moved("Oper net loss vs profit 2,051,000 vs 1,492,000")
    'Oper net loss 2,051,000 vs profit 1,492,000'
    """
    m = _SIGNS_FIRST.match(line) if " vs" in line.lower() else None
    if m is None:
        return line
    return f"{m.group('label')} {m.group('a')} {m.group('x')} vs {m.group('b')} {m.group('y')}"


def _scaled_like(first: Cell, m: re.Match[str], second: Cell) -> Cell:
    """The first figure of a line whose scale is written once, after the second ("Net 144.5 vs 154.5 mln"): it
    takes that scale when it has none, no currency word, is below 1,000 without a thousands separator and the
    scaled second figure is within a factor of 20 of it so scaled."""
    scale = _scale_of(m, 2)
    raw = m.group("n1") or ""
    if scale is None or m.group("c1") or "," in raw or not first.available or abs(first.value) >= 1000 \
            or first.value == 0:
        return first
    value = first.value * scale
    if not 1 / 20 <= abs(second.value) / abs(value) <= 20:
        return first
    return dataclasses.replace(first, value=value, decimals=first.decimals - round(math.log10(scale)))


def is_row(line: str) -> bool:
    """Whether ``line`` reads as a table line: a label, then a figure.

    >>> is_row("Qtly div five cts"), is_row("Record March 27"), is_row("Follow us on Twitter")
    (True, True, False)
    """
    return _ROW.match(line.strip()) is not None


def _scale_of(m: re.Match[str], n: int) -> float | None:
    word = (m.group(f"sc{n}") or m.group(f"sc{n}b") or "").lower()
    return _SCALE.get(word) if word else None


_SECTION_MONTHS = {"month": 1, "quarter": 3, "six_months": 6, "nine_months": 9, "year": 12}


@dataclass(frozen=True, slots=True)
class ItemPeriod:
    """What a results item reports: the end of its period, the kind and number of that period, and whether
    the end was stated in the text (else found by period arithmetic)."""

    end: dt.date
    kind: str  # month | quarter | six_months | nine_months | year | months:N
    number: int
    stated: bool


def section_period(item: ItemPeriod, section: str | None,
                   stated: tuple[int, int, int | None] | None) -> Period:
    """The period of a table section: it ends where the item's period ends (or where its heading says)."""
    from claimgraph.sources.report import fye_for, latest_date, period_ending

    kind = section or item.kind
    end = item.end
    if stated is not None:
        month, day, year = stated
        end = dt.date(year, month, min(day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)) if year \
            else latest_date(month, day, item.end + dt.timedelta(days=7))
    fye: tuple[int, int] | None = None
    if item.kind == "quarter" and item.number:
        fye = fye_for(item.end, item.number)
    if kind == "year":
        fye = (end.month, end.day)
    if item.kind == "six_months" and item.number == 1 and kind == "six_months":
        from claimgraph.sources.report import add_months

        six = add_months(end, 6)  # "FIRST HALF ENDED DEC 31": of a year to June
        fye = (six.month, six.day if six.month != 2 else 28)
    number = item.number if kind == item.kind else 0
    if kind == "six_months" and item.kind == "quarter" and item.number:
        number = 1 if item.number <= 2 else 2
    if kind.startswith("weeks:"):
        from claimgraph.sources.periods import weeks_ending

        return weeks_ending(end, int(kind.partition(":")[2]))
    period = period_ending(end, section_months(kind), fye, number)
    if kind.startswith("months:") and end.day >= 28:
        # ("TWO MTHS" to February 28 of a leap year: January and February, whole months)
        from claimgraph.sources.report import add_months

        start = add_months(dt.date(end.year, end.month, 1), 1 - section_months(kind))
        period = Period(start, end, period.label)
    if (item.kind == "month" or item.kind.startswith("months:")) and kind != item.kind:
        # a utility's "12 mths" under its month's figures: the twelve months to that month's end, no fiscal year
        return Period(period.start, period.end, f"{section_months(kind)}M-{period.end.isoformat()}")
    return period


def label_metric(vocab: Vocabulary, label: str) -> tuple[str | None, bool]:
    """The metric of a table label (see :meth:`Vocabulary.table_metric`), also when the label adds qualifiers after
    a comma ("Pre-tax, pre-minorities": the first part names the figure) or has a stray letter in its first word
    ("Shre" for "Shr"; a final "s" is a plural, "Shrs" are shares, not a typo).

    >>> from claimgraph.sources.metrics import load_vocabulary
    >>> v = load_vocabulary()
    >>> [label_metric(v, x) for x in ("Shre", "Pre-tax, pre-minorities", "Shrs", "Nett", "Third quarter turnover")]
    [('eps', False), ('pretax_income', False), (None, False), ('net_income', False), ('revenue', False)]
    >>> label_metric(v, "Earnings per ordinary share")
    ('eps', False)
    >>> label_metric(v, "Consolidated group net")
    ('net_income', False)
    """
    found = vocab.table_metric(label.replace(",", ""))
    if found[0] is not None:
        return found
    if (per := _EARNINGS_PER_CLASS.match(label)) is not None:
        # "Earnings per ordinary share 14.2p vs 11.0p", "Loss per common share": the class of share named
        found = vocab.table_metric(f"{per.group(1)} per share")
        if found[0] is not None:
            return found
    if (lead := _LEAD_PERIOD.match(label)) and label[lead.end():]:
        # "Third quarter turnover 2.40 billion stg vs 2.11 billion": the item's own period named before the label
        found = vocab.table_metric(label[lead.end():].replace(",", ""))
        if found[0] is not None:
            return found
    if "," in label:
        found = vocab.table_metric(label.split(",", 1)[0])
        if found[0] is not None:
            return found
    if _GROUP_NET.match(label):
        # "Consolidated group net profit 1.88 billion francs": the sign word "profit" was read with the figure (not
        # "Parent net profit" beside the group's)
        found = vocab.table_metric(f"{label} profit")
        if found[0] is not None:
            return found
    first, _, rest = label.partition(" ")
    if len(first) < 4 or not first.isalpha():
        return None, False
    guesses = {vocab.table_metric(f"{first[:i]}{first[i + 1:]} {rest}".strip())
               for i in range(len(first)) if not (i == len(first) - 1 and first[-1] in "sS")}
    guesses.discard((None, False))
    return guesses.pop() if len(guesses) == 1 else (None, False)


# (also abbreviated, with the group's business between: "Cons banking gp net profit 496.7 mln")
_GROUP_NET = re.compile(r"(?i)^(?:(?:consolidated|cons|group|gp)\s+)+(?:[a-z]+\s+(?:group|gp)\s+)?net$")
_EARNINGS_PER_CLASS = re.compile(r"(?i)^(earnings|loss|profit)\s+per\s+(?:ordinary|common|class\s+[A-Z]|"
                                 r"deferred|preferred|fully[\s-]diluted|diluted|basic)\s+(?:shares?|stock)$")
_LEAD_PERIOD = re.compile(r"(?i)^(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:qtr|quarter)|qtr|quarter|"
                          r"(?:first|second|1st|2nd)\s+half|half[\s-]year|full[\s-]year)\s+")
_DIVIDEND_LABEL = re.compile(r"(?i)^(?:(?:qtly|qtrly|quarterly|monthly|semi-?annual|annual|final|interim|int\.?)\s+)?"
                             r"(?:cash\s+)?(?:div|dividend|distribution|payout)s?\b(?!\s+(?:income|paid|received|"
                             r"payable|payments?|yield|cover))")


def table_claims(rows: list[Row], *, company: str, item: ItemPeriod | None, vocab: Vocabulary,
                 dividend: bool, published: dt.date | None, quote: Callable[[int, int], tuple[str, tuple[int, int]]],
                 text: str = "") -> list[Claim]:
    """Claims from the rows of one results item (see the module docstring)."""
    resolved = [(row, *label_metric(vocab, row.label)) for row in rows]
    plain = {(row.section, m) for row, m, oper in resolved if m and not oper}
    # (a plain "Net" or "Shr" line makes both "Oper" lines of its section the operating measures, not the headline)
    # (not "Shr not given": a line that states no figure sets nothing apart)
    stated = {(row.section, m) for row, m, oper in resolved if m and not oper and any(c.available for c in row.values)}
    plain |= {(section, m) for section, p in stated if p in _HEADLINE_PAIR for m in _HEADLINE_PAIR}
    out: list[Claim] = []
    stated_prior = prior_end(text, item.end.replace(year=item.end.year - 1) if item and not (
        item.end.month == 2 and item.end.day == 29) else None) if text else None
    if stated_prior is None and text and (both := noted_ends(text)) is not None and item is not None \
            and not item.stated and abs((both[0] - item.end).days) <= 45:
        item = dataclasses.replace(item, end=both[0], stated=True)  # the note's own dates, not the calendar's
        stated_prior = both[1]
    elif stated_prior is None and item is not None and not item.stated and rows and \
            (own := noted_end(text[rows[0].start:], item)) is not None and own != item.end:
        item = dataclasses.replace(item, end=own, stated=True)  # ("Period ended January 30." under "1ST QTR")
    item = noted_calendar(item, stated_prior)
    lead = _lead_item(rows, item)
    notes = text[max((r.end for r in rows), default=0):] if text else ""  # (the lines after the table's rows)
    weeks = noted_weeks(notes) if "week" in notes.lower() else []
    flipped = _signs_of_siblings(resolved)
    for i_row, (row, metric_id, oper) in enumerate(resolved):
        if dividend and metric_id in ("eps", None) and (re.match(r"(?i)^(?:shr|div|qtly|qtrly)", row.label) or re.search(
                r"(?i)\b(?:div|dividend|distribution|payout)s?\b", row.label)):  # "Semi div", "Unit distribution"
            metric_id = "dividend"
        if metric_id is None and _DIVIDEND_LABEL.match(row.label):
            # "Qtly distribution 7-1/2 cts vs 7-1/2 cts prior" under "... DISTRIBUTION SET", "Qtly div Class A 27-1/2
            # cts vs 27-1/2 cts", "Dividend on ordinary shares 45 francs vs 42 francs"
            metric_id = "dividend"
        if oper and (row.section, metric_id) in plain:
            metric_id = None  # "Oper net" beside "Net": a different measure
        average = bool(re.search(r"(?i)\b(?:avg|average)\b", row.label))
        is_shares = (average or bool(re.search(r"(?i)\bshrs\b|\bshares\b", row.label))) and metric_id != "dividend"
        metric = vocab.get(metric_id) if metric_id else None
        if metric is None and not is_shares:
            continue
        if "to_date" in row.flags:
            row = dataclasses.replace(row, section=_to_date_kind(row, item, metric_id))
            if row.section is None:
                continue
        row = _last_quarter_row(row, item)
        period, how = _row_period(row, lead if row.section is None else item, metric_id, published)
        if weeks and period is not None and metric_id != "dividend":
            period = in_weeks(period, weeks)
        for n, cell in enumerate(row.values):
            if not cell.available:
                continue
            unit = "count" if is_shares else cell.unit
            amount = -cell.value if (i_row, n) in flipped else cell.value
            value = Value(amount, amount, unit, cell.stated, Qualifier.EXACT, cell.decimals, amount)
            p = period
            if n == 1 and p is not None:
                p = _previous(p, row, metric_id, stated_prior)
            if p is not None and ((metric is not None and metric.kind == "stock") or (is_shares and not average)):
                p = Period(p.end, p.end, p.end.isoformat())  # ("Shrs 666.67 mln": the count at the period's end)
            text, span = quote(row.start, row.end)
            out.append(Claim(
                company=company, metric=metric.id if metric else UNCLASSIFIED, measure=Measure.LEVEL, value=value,
                period=p, resolution=how if p is not None else Resolution.UNRESOLVED,
                modality=Modality.REPORTED if n == 0 else Modality.PRIOR_PERIOD, quote=text, span=span,
                phrase=row.label if metric is not None else "average shares", base_period=p,
            ))
    return out


_HEADLINE_PAIR = ("eps", "net_income")
_SIGN_WORD = re.compile(r"(?i)\b(?:loss|profit|gain|deficit|income)\b|[-(]")


def _signs_of_siblings(resolved: list[tuple[Row, str | None, bool]]) -> set[tuple[int, int]]:
    """The cells (row index, column) of a plain "Net" or "Shr" line whose figure states no sign while its sibling
    in the same section and column states a loss: "Shr profit three cts vs loss five cts" over "Net profit 688,000
    vs 982,000" (a net loss of 982,000; net income and earnings per share have one sign)."""
    cells: dict[tuple[str | None, str, int], tuple[int, Cell]] = {}
    for i, (row, metric_id, oper) in enumerate(resolved):
        if metric_id in ("eps", "net_income") and not oper:
            for n, cell in enumerate(row.values):
                cells.setdefault((row.section, metric_id, n), (i, cell))
    out: set[tuple[int, int]] = set()
    for (section, metric_id, n), (i, cell) in cells.items():
        other = cells.get((section, "net_income" if metric_id == "eps" else "eps", n))
        if other is not None and cell.value > 0 and not _SIGN_WORD.search(cell.stated) and other[1].value < 0 \
                and re.search(r"(?i)\bloss\b", other[1].stated):
            out.add((i, n))
    return out


_TO_DATE = {2: "six_months", 3: "nine_months", 4: "year"}
_LEAD_QUARTER = re.compile(r"(?i)^(?:(?P<w>second|third|fourth)|(?P<d>[234])(?:nd|rd|th))\s+(?:qtr|quarter)\s+\S")


def _last_quarter_row(row: Row, item: ItemPeriod | None) -> Row:
    """A line of the item's own section whose label names the last quarter of the item's span ("Third qtr net 206.0
    mln vs 238.6 mln" in a nine months' item, "Fourth quarter sales" in a year's) is that quarter's, which ends
    where the span ends.

    >>> r = parse_rows("Third qtr net 206.0 mln vs 238.6 mln")[0]
    >>> _last_quarter_row(r, ItemPeriod(dt.date(1987, 2, 28), "nine_months", 0, True)).section
    'quarter'
    >>> _last_quarter_row(r, ItemPeriod(dt.date(1987, 2, 28), "year", 0, True)).section is None
    True
    """
    if row.section is not None or item is None or item.kind not in ("six_months", "nine_months", "year"):
        return row
    m = _LEAD_QUARTER.match(row.label)
    if m is None:
        return row
    number = {"second": 2, "third": 3, "fourth": 4}[m.group("w").lower()] if m.group("w") else int(m.group("d"))
    if number * 3 != _SECTION_MONTHS[item.kind]:
        return row
    return dataclasses.replace(row, section="quarter")


def _to_date_kind(row: Row, item: ItemPeriod | None, metric_id: str | None) -> str | None:
    """The span of a "making" row: the one it names, else a dividend's year, else the year to the item's end (a
    third quarter's nine months); ``None`` when the item's period is unknown or is itself the whole span."""
    if row.section is not None:
        return row.section
    if metric_id == "dividend":
        return "year"
    if item is None:
        return None
    if item.kind == "quarter":
        return _TO_DATE.get(item.number)
    return "year" if item.kind == "six_months" and item.number == 2 else None


def _lead_item(rows: list[Row], item: ItemPeriod | None) -> ItemPeriod | None:
    """The period of the lines above the first heading. They are the item's own period, unless a heading below
    names that period ("YEAR NET" with the lines under "Year" further down): then the lines above it are the
    period's last quarter, which ends on the same day.

    >>> item = ItemPeriod(dt.date(1986, 12, 31), "year", 0, False)
    >>> lead = _lead_item(parse_rows("Net 5,000 vs 4,000\\nYear\\nNet 20,000 vs 18,000"), item)
    >>> lead.kind, lead.number, section_period(lead, None, None).start
    ('quarter', 4, datetime.date(1986, 10, 1))
    """
    if item is None or item.kind not in ("year", "nine_months", "six_months"):
        return item
    if not any(r.section is None for r in rows) or not any(r.section == item.kind for r in rows):
        return item
    return ItemPeriod(item.end, "quarter", _SECTION_MONTHS[item.kind] // 3, item.stated)


_WEEK_COUNT = rf"(?:\d{{1,2}}|{_COUNT_WORDS})"
# a note's period lengths in weeks: "Sixteen-week periods", "12 and 40 weeks", "Qtr is 16 weeks", "16 weeks vs 16
# weeks" (not "the 14 and 53 week periods ended January 3" only: those counts are the usual quarter and year)
_WEEKS_NOTE = re.compile(rf"(?i)\b(?P<counts>{_WEEK_COUNT}(?:\s*(?:,|and|&)\s*{_WEEK_COUNT})*)[\s-]+(?:weeks?|wks)\b")


def noted_weeks(text: str) -> list[int]:
    """The period lengths in weeks a results item's notes state, in their order.

    >>> noted_weeks("NOTE: Sixteen-week periods."), noted_weeks("Note: 12 and 40 weeks"), noted_weeks("Qtr is 16 weeks")
    ([16], [12, 40], [16])
    """
    out: list[int] = []
    for m in _WEEKS_NOTE.finditer(text):
        for raw in re.split(r"(?i)\s*(?:,|and|&)\s*", m.group("counts")):
            raw = raw.strip().lower()
            if raw:
                out.append(int(raw) if raw.isdigit() else _COUNT_OF[raw])
    return out


def in_weeks(period: Period, weeks: list[int]) -> Period:
    """``period`` spanning the weeks a note gives for a period of its length, when they make another number of
    months than the period has ("Sixteen-week periods" under a first quarter: four months, not three); its end
    and label are kept.

    >>> p = Period(dt.date(1986, 11, 16), dt.date(1987, 2, 15), "FY1987-Q1")
    >>> in_weeks(p, [16]).start, in_weeks(p, [13]) is p, in_weeks(p, [12, 40]) is p
    (datetime.date(1986, 10, 27), True, True)
    """
    days = (period.end - period.start).days + 1
    months = max(1, round(days / 30.44))
    # the note's count for this period: the one nearest its length (a quarter of 16 weeks, not the year's 52)
    count = min(weeks, key=lambda w: abs(w * 7 - days))
    if abs(count * 7 - days) > 40 or max(1, round(count * 7 / 30.44)) == months:
        return period
    return Period(period.end - dt.timedelta(days=count * 7 - 1), period.end, period.label)


def _row_period(row: Row, item: ItemPeriod | None, metric_id: str | None,
                published: dt.date | None) -> tuple[Period | None, Resolution]:
    from claimgraph.sources.periods import quarter_containing

    if metric_id == "dividend" and published is not None and "to_date" not in row.flags:
        return quarter_containing(published, (12, 31)), Resolution.INFERRED_PUBLISHED
    if item is None:
        return None, Resolution.UNRESOLVED
    how = Resolution.STATED if item.stated or row.section_end else Resolution.INFERRED_PUBLISHED
    return section_period(item, row.section, row.section_end), how


_PERIOD_NOUN = r"(?:fiscal\s+)?(?:year|yr|qtr|quarter|period|periods)"
_PRIOR_ENDED = re.compile(
    rf"\bprior\s+{_PERIOD_NOUN}(?:\s+and\s+{_PERIOD_NOUN})?\s+(?:ended|ending|ends|end)\s+(?P<mon>{_MONTH})\s+"
    rf"(?P<day>\d{{1,2}})(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", re.IGNORECASE)


# "NOTE: Results for 14 and 53 week periods ended January 3, 1987, vs 13 and 52 week periods ended December 28,
# 1985": the current columns' end, then the prior ones'
_BOTH_ENDED = re.compile(
    rf"\bperiods?\s+(?:ended|ending)\s+(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\s*,?\s+"
    rf"(?:vs\.?|versus|against|compared\s+with)\s+[\w\s-]{{0,40}}?\bperiods?\s+(?:ended|ending)\s+(?P<mon2>{_MONTH})\s+"
    rf"(?P<day2>\d{{1,2}}),?\s+(?P<y2>(?:19|20)\d\d)\b", re.IGNORECASE)


def noted_ends(text: str) -> tuple[dt.date, dt.date] | None:
    """The current and prior columns' ends a note states together.

    >>> noted_ends("NOTE: Results for 14 and 53 week periods ended January 2, 1988, vs 13 and 52 week periods "
    ...            "ended December 27, 1986")
    (datetime.date(1988, 1, 2), datetime.date(1986, 12, 27))
    """
    m = _BOTH_ENDED.search(text) if "ended" in text or "ending" in text else None
    if m is None:
        return None
    from claimgraph.sources.report import _MONTHS

    try:
        return (dt.date(int(m.group("y")), _MONTHS[m.group("mon")[:3].lower()], int(m.group("day"))),
                dt.date(int(m.group("y2")), _MONTHS[m.group("mon2")[:3].lower()], int(m.group("day2"))))
    except ValueError:
        return None


# "Period ended January 30.", "NOTE: Quarter ends Feb 27, 1987": the end of the item's own period, stated in a note
# on its own (at a line's start, after "NOTE:" or a sentence's end; not "prior period ended", nor "the year-ago
# quarter ended")
_OWN_ENDED = re.compile(
    rf"(?:^|\n|note\s*:?|[.;]\s)\s*(?:the\s+)?(?:latest\s+|current\s+)?(?P<noun>period|qtr|quarter)\s+"
    rf"(?:ended|ends|ending)\s+(?:on\s+)?(?P<mon>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
    re.IGNORECASE)


def noted_end(text: str, item: ItemPeriod) -> dt.date | None:
    """The end of the item's period a note states ("Period ended January 30."): the date nearest the end found by
    calendar arithmetic, when within 45 days of it ("qtr" and "quarter" only for a quarter's item).

    >>> item = ItemPeriod(dt.date(1986, 12, 31), "quarter", 1, False)
    >>> noted_end("Net 900,000 vs 800,000\\nNOTE: Net includes a gain.\\nPeriod ended January 29.", item)
    datetime.date(1987, 1, 29)
    >>> noted_end("Net 900,000 vs 800,000\\nNOTE: Prior period ended January 29.", item) is None
    True
    """
    m = _OWN_ENDED.search(text) if "end" in text else None
    if m is None or (m.group("noun").lower() != "period" and item.kind != "quarter"):
        return None
    from claimgraph.sources.report import _MONTHS

    month, day = _MONTHS[m.group("mon")[:3].lower()], int(m.group("day"))
    years = [int(m.group("y"))] if m.group("y") else [item.end.year - 1, item.end.year, item.end.year + 1]
    try:
        end = min((dt.date(y, month, day) for y in years), key=lambda d: abs((d - item.end).days))
    except ValueError:
        return None
    return end if abs((end - item.end).days) <= 45 else None


def prior_end(text: str, near: dt.date | None = None) -> dt.date | None:
    """The end of the earlier period a results item's ``vs`` column is for, when a note states it because it is
    not a year before the current one ("NOTE: Prior year ended December 29, 1985", after a change of fiscal year,
    or "prior qtr and yr ended Jan 26" of a 52/53-week calendar: without its year, the date nearest ``near``, the
    end a year before the current period's).

    >>> prior_end("Sales 115.9 mln vs 76.2 mln\\nNOTE: Prior year ended December 29, 1985.")
    datetime.date(1985, 12, 29)
    >>> prior_end("Net 2,100 vs 1,900\\nNOTE: prior qtr and yr ended Jan 27.", dt.date(1985, 12, 31))
    datetime.date(1986, 1, 27)
    """
    m = _PRIOR_ENDED.search(text) if "rior" in text else None
    if m is None or (m.group("y") is None and near is None):
        return None
    from claimgraph.sources.report import _MONTHS

    month, day = _MONTHS[m.group("mon")[:3].lower()], int(m.group("day"))
    try:
        if m.group("y") is not None:
            return dt.date(int(m.group("y")), month, day)
        assert near is not None
        return min((dt.date(y, month, day) for y in (near.year - 1, near.year, near.year + 1)),
                   key=lambda d: abs((d - near).days))
    except ValueError:
        return None


def noted_calendar(item: ItemPeriod | None, prior: dt.date | None) -> ItemPeriod | None:
    """The item's period moved to the calendar a note gives: a table dated from its headline's quarter alone
    ("4TH QTR NET": the calendar quarter to December) whose note says the prior periods ended on another date
    ("prior qtr and yr ended Jan 26") ends on that date a year later (a 52/53-week year ends within days of it).

    >>> item = ItemPeriod(dt.date(1986, 12, 31), "quarter", 4, False)
    >>> noted_calendar(item, dt.date(1986, 1, 26))
    ItemPeriod(end=datetime.date(1987, 1, 26), kind='quarter', number=4, stated=True)
    >>> noted_calendar(item, dt.date(1985, 12, 31)) is item
    True
    """
    if item is None or prior is None or item.stated:
        return item
    try:
        end = prior.replace(year=prior.year + 1)
    except ValueError:
        end = prior + dt.timedelta(days=365)
    if end == item.end or abs((end - item.end).days) > 45:
        return item
    return dataclasses.replace(item, end=end, stated=True)


def _previous(p: Period, row: Row, metric_id: str | None, stated_prior: dt.date | None = None) -> Period:
    from claimgraph.sources.periods import shift_quarter, shift_year

    if "to_date" in row.flags:
        return shift_year(p)  # ("making 12p vs 10p": the year before's total)
    if metric_id == "dividend" or (row.prior_is_previous_payment and metric_id != "eps"):
        return shift_quarter(p, (12, 31))
    if stated_prior is not None and row.section is None and abs((shift_year(p).end - stated_prior).days) < 120:
        from claimgraph.sources.report import period_ending

        months = round((p.end - p.start).days / 30.4)
        return period_ending(stated_prior, months, (stated_prior.month, stated_prior.day) if months == 12 else None)
    return shift_year(p)
