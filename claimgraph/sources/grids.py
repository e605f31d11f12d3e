"""Financial statement tables in pipe form: an HTML page's ``<table>`` (as the page reader writes it) or a Markdown
table, read by its structure rather than sentence by sentence.

A press release gives its results as a grid: a scale note above it, column headings that name the periods, and one
row per line item::

    (in thousands, except per share amounts)
    |  | Three Months Ended September 30, |  | Nine Months Ended September 30, |  |
    |---|---|---|---|---|
    |  | 2024 | 2023 | 2024 | 2023 |
    | Revenue | $ 152,310 | $ 120,045 | $ 431,200 | $ 350,100 |
    | Net income (loss) | $ 9,870 | $ (4,002) | $ 22,540 | $ (12,660) |

* **Blocks** are runs of lines that start with ``|``; ``|---|`` lines are rule lines.
* **Headings** are the rows above the first row with figures. A heading cell spans the empty cells to its right
  (HTML ``colspan`` comes out as empty cells), so "Three Months Ended September 30," covers both year columns.
  Each column's period is read from its headings and the lines just above the block: the length ("three months",
  "quarter", "Q3", "13 weeks", "six months", "nine months", "year", "fiscal"), the end ("September 30," with the
  year below it, "Sept. 30, 2024"), or a quarter and year ("Q3 2024", "3Q24", "Q3 FY25"). Without a length, a
  column of a year is the article's period shape (its quarter ends in that year); a balance sheet's columns are
  dates.
* **Scale**: "(in thousands)", "(in millions, except per share data)", "($ in millions)", "(000s)" above the block
  or in its corner, else a note on the line just below it ("(in thousands, except per share data)"); per-share,
  percentage and count rows keep their stated numbers.
* **Rows**: the label names the metric with the vocabulary's phrases, and only when the phrase is the whole label
  (qualifiers such as "Total", "Net", "Diluted", "GAAP", "(loss)", "attributable to ..." aside): "Cost of revenue",
  "Deferred revenue" or "Revenue from North America" are not the company's revenue and are left out. "Basic" and
  "Diluted" under "Net income per share:" are EPS. Parentheses are negatives; dashes are no figure.
* **Columns**: the latest period is ``reported``, earlier ones ``prior_period``; a heading that says outlook,
  guidance or forecast makes ``guidance``; a "% change" column is the year-on-year change of the latest period.

>>> import datetime as dt
>>> from claimgraph.sources.metrics import load_vocabulary
>>> text = ("(in millions)\\n| | Q3 2024 | Q3 2023 |\\n|---|---|---|\\n"
...         "| Total revenue | $ 1,204 | $ 1,010 |\\n| Cost of revenue | 500 | 410 |")
>>> grids = find_grids(text)
>>> [(g.start, g.end) for g in grids]
[(14, 121)]
>>> ctx = GridContext(company="Acme", period=None, fye=(12, 31), published=dt.date(2024, 10, 30), currency="USD")
>>> [(c.metric, c.value.low, c.period.label, str(c.modality))
...  for c in grid_claims(grids[0], text, ctx, load_vocabulary(), quote=lambda a, b: (text[a:b], (a, b)))]
[('revenue', 1204000000.0, '2024-Q3', 'reported'), ('revenue', 1010000000.0, '2023-Q3', 'prior_period')]
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from claimgraph.sources.metrics import ADJUSTED_OF, Vocabulary
from claimgraph.sources.model import Claim, Measure, Modality, Period, Qualifier, Resolution, Value
from claimgraph.sources.periods import fiscal_quarter, fiscal_year
from claimgraph.sources.quantities import CURRENCY_CODES, currency_named
from claimgraph.sources.report import period_ending

_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MONTHS = {m.lower(): n for n, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): n for n, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_END = re.compile(rf"(?i)\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b,?(?:\s*(\d{{4}}))?")
_END_DM = re.compile(rf"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?(?:\s*(\d{{4}}))?\b")
_YEAR = re.compile(r"(?<![\d.,$])(?:FY\s?|F)?((?:19|20)\d\d)(?![\d.,%])|(?i:\bFY\s?'?)(\d\d)\b")
_QUARTER = re.compile(r"(?i)\b(?:Q([1-4])|([1-4])Q)\s*(?:FY\s?|F)?'?(\d{4}|\d\d)?\b")
_ORDINAL_QUARTER = re.compile(r"(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter\b")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_LENGTHS = (
    (re.compile(r"(?i)\bnine\s+months\b|\b9\s*M\b|\b39\s+weeks\b|\bthree\s+quarters\b"), 9),
    (re.compile(r"(?i)\bsix\s+months\b|\b6\s*M\b|\b2[67]\s+weeks\b|\b(?:first|second)\s+half\b|\bH[12]\b|\b[12]H\b"),
     6),
    (re.compile(r"(?i)\bthree\s+months\b|\bquarter\b|\bqtr\b|\b3\s*M\b|\b1[2-7]\s+weeks\b|\bQ[1-4]\b|\b[1-4]Q"), 3),
    (re.compile(r"(?i)\b(?:twelve|12)\s+months\b|\b5[23]\s+weeks\b|\b(?:fiscal\s+)?year\b|\bFY|\bfull[\s-]year\b"),
     12),
)
_YTD = re.compile(r"(?i)\byear[\s-]to[\s-]date\b|\bYTD\b")
_ENDED_SLACK = dt.timedelta(days=20)
_GUIDANCE = re.compile(r"(?i)\b(?:outlook|guidance|forecast|expected|expects|projected|target)\b")
_CHANGE = re.compile(r"(?i)%\s*(?:change|chg|growth|increase|inc)|\b(?:change|chg|growth|y/?o/?y|yoy|variance)\b"
                     r"|^\s*%\s*$|\bper\s*cent\b|\bpercent\b|\b(?:increase|decrease)\b")
_SIGN_SCALE: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"(?i)(?:^|\s)(?:[$€£¥]|US\$)\s?(?:bn|b)(?=\s|$)|\bin\s+billions\b"
                r"|\(\s*(?:[$€£]|usd|eur)?\s*(?:bn|billions?)\s*\)|\$\s*bn\b|\b(?:usd|eur|gbp|chf|cad|aud)\s?billions?\b"), 1e9),
    (re.compile(r"(?i)(?:^|\s)(?:[$€£¥]|US\$|C\$|A\$)\s?(?:m|mn|mln)(?=\s|$)|\b(?:usd|eur|gbp)\s?(?:m|mn)\b|\bin\s+millions\b"
                r"|\(\s*(?:[$€£]|usd|eur|gbp)?\s*(?:mn|mln|m|millions?)\s*\)|\$\s*m\b|\bmillions\s+of\b"
                r"|\bin\s+(?:[$€£]|usd|eur|gbp)\s*(?:m|mn|millions?)\b|[$€£]\s*millions?\b"
                r"|\b(?:usd|eur|gbp|chf|cad|aud)\s?(?:mln|millions?)\b"), 1e6),
    (re.compile(r"(?i)\bin\s+thousands\b|\(\s*(?:[$€£]|usd|eur|gbp)?\s*(?:000s?|thousands?|'000)\s*\)|\$\s*000s?\b"
                r"|\bthousands\s+of\b|\bin\s+(?:[$€£]|usd|eur|gbp)?\s*000s?\b|[$€£]\s*thousands\b"), 1e3),
)
# a scale after any currency's code: "(SEK million)", "NOKm", "MSEK", "(ZAR bn)", "DKK '000"
_CODES = "|".join(sorted(CURRENCY_CODES))
_SCALE = (*_SIGN_SCALE,
          (re.compile(rf"\b(?:{_CODES})\s?(?:bn|b|billions?)\b"), 1e9),
          (re.compile(rf"\b(?:{_CODES})\s?(?:m|mn|mln|millions?)\b|\bM(?:{_CODES})\b"), 1e6),
          (re.compile(rf"\b(?:{_CODES})\s?(?:'000|000s?|k|thousands?)(?![\w'])|\bT(?:{_CODES})\b"), 1e3),
          # an Indian table's "(Rs crore)", "₹ in lakh", "(INR crores)"
          (re.compile(r"(?i)(?:\brs\.?|₹|\binr|\bin)\s*(?:in\s+)?crores?\b|\(\s*crores?\s*\)"), 1e7),
          (re.compile(r"(?i)(?:\brs\.?|₹|\binr|\bin)\s*(?:in\s+)?lakhs?\b|\(\s*lakhs?\s*\)"), 1e5))
_CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD", "A$": "AUD", "CA$": "CAD",
             "HK$": "HKD", "CAD": "CAD", "AUD": "AUD",
             "HKD": "HKD", "JPY": "JPY", "INR": "INR", "₹": "INR", "₩": "KRW", "USD": "USD", "EUR": "EUR", "GBP": "GBP"}
_CURRENCY.update({code: code for code in CURRENCY_CODES if code not in _CURRENCY})
_CURRENCY_NOTE = re.compile(rf"US\$|C\$|CA\$|A\$|HK\$|[$€£¥₹₩]|\b(?:{_CODES})(?:\b|(?=(?:m|mn|mln|bn|b|k)\b))"
                            rf"|(?<=\b[MT])(?:{_CODES})\b")
_CELL = re.compile(r"^(?:\+|(?P<neg1>[(−–-]))?\s*(?P<cur>US\$|C\$|CA\$|A\$|HK\$|[$€£¥₹₩]|USD|EUR|GBP)?\s*(?P<neg2>[(−-])?\s*"
                   r"(?P<num>\d{1,3}(?:[,\u202f\u00a0]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?P<close>\))?\s*"
                   r"(?P<pct>%|pts?|bps|x|bn|b|billion|mn|m|mln|million|k|thousand|pence|p|cents?|c|¢)?\s*(?P<close2>\))?\s*(?:\([a-z0-9]\)|\*+)?$")
_CELL_SCALES = {"bn": 1e9, "b": 1e9, "billion": 1e9, "mn": 1e6, "m": 1e6, "mln": 1e6, "million": 1e6, "k": 1e3,
                "thousand": 1e3, "pence": 0.01, "p": 0.01, "cent": 0.01, "cents": 0.01, "c": 0.01, "¢": 0.01}
_RANGE_SPLIT = re.compile(r"\s*(?:[-–—]|\bto\b)\s*(?=[$€£¥(]?\s*\d|US\$|C\$|A\$)")
_DASH = re.compile(r"^[\s$€£]*(?:[-–—]+|n/?a|nm|n\.m\.|—)?\s*$", re.IGNORECASE)
_PER_SHARE = re.compile(r"(?i)\bper\s+(?:diluted\s+|basic\s+|common\s+|ordinary\s+)?(?:share|ads|unit)\b|\beps\b"
                        r"|\bearnings\s+per\b")
_HUNDREDTHS = re.compile(r"(?i)\((?:p|pence|cents?|c|¢)\)|\bpence\b|\bcents\b|¢")
_ADJUSTED = re.compile(r"(?i)\b(?:non[\s-]?gaap|adjusted|adj\.|core|underlying|excluding\s+items)\b")
_LABEL_UNIT = re.compile(r"(?i)\s*\((?P<note>[^()]*?(?:\bbn|billions?|\bmn|\bmln|\bm\b|millions?|000s?|thousands?|"
                         r"[$€£¥₹]|\busd|\beur|\bgbp)[^()]*)\)\s*$")
_LABEL_NOISE = re.compile(r"(?i)\((?:loss|income|deficit|gain|profit|benefit|expense|decrease|increase)\)|"
                          r"\((?:\d{1,2}|[a-z]|[ivx]+)\)|\*+|[:†‡§]+\s*$|\s*,\s*net\b|\bnet\s+of\s+tax\b")
_SUBROW = re.compile(r"(?i)^(?:basic|diluted|fully\s+diluted|gaap|non[\s-]?gaap|adjusted|as\s+reported|reported)\b")
_QUALIFIERS = frozenset({"total", "net", "consolidated", "gaap", "diluted", "basic", "reported", "group", "company",
                         "the", "company's", "our", "non", "non-gaap", "adjusted", "fully", "income", "statutory",
                         "underlying"})
_TAIL = re.compile(r"(?i)^\s*(?:(?:growth|change)(?:\s+\(?%\)?)?|attributable\s+to\b.*|available\s+to\b.*|"
                   r"applicable\s+to\b.*|to\s+common\b.*|"
                   r"(?:\s*[-–—,]\s*)?(?:basic|diluted|gaap|non[\s-]?gaap|reported|as\s+reported)|"
                   r"for\s+the\s+(?:period|quarter|year)|\(?(?:gaap|non[\s-]?gaap)\)?)?\s*$")
_SHORT_NAME = re.compile(r"\s*\(([A-Za-z&]{2,8})\)\s*$")
_GROWTH = re.compile(r"(?i)\b(?:growth|change|increase|decline|rise)\b")
_DEBTS = frozenset({"net_debt", "total_debt"})
_EARNINGS = frozenset({"eps", "net_income", "adjusted_eps", "adjusted_net_income"})


@dataclass(frozen=True, slots=True)
class Grid:
    """One pipe table: its rows of cells and where it sits in the text."""

    start: int
    end: int
    rows: tuple[tuple[int, int, tuple[str, ...]], ...]  # (line start, line end, cells)


@dataclass(frozen=True, slots=True)
class GridContext:
    """What the article gives a table: the company, the period it reports, its fiscal calendar and currency."""

    company: str
    period: Period | None
    fye: tuple[int, int]
    published: dt.date | None
    currency: str


def find_grids(text: str) -> list[Grid]:
    """The pipe tables of ``text`` (two lines or more that start with ``|``)."""
    out: list[Grid] = []
    rows: list[tuple[int, int, tuple[str, ...]]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.strip()
        if body.startswith("|") and body.count("|") >= 2:
            end = start + len(line.rstrip("\r\n"))
            cells = () if _RULE.match(body) else tuple(c.strip() for c in body.strip("|").split("|"))
            rows.append((start, end, cells))
            continue
        _close_grid(rows, out)
        rows = []
    _close_grid(rows, out)
    return out


def _close_grid(rows: list[tuple[int, int, tuple[str, ...]]], out: list[Grid]) -> None:
    content = [r for r in rows if r[2]]
    if len(content) >= 2:
        out.append(Grid(rows[0][0], rows[-1][1], tuple(content)))


@dataclass(frozen=True, slots=True)
class _Column:
    period: Period | None
    how: Resolution
    guidance: bool
    change: bool
    bound: str | None = None  # "low" or "high": one end of a range stated in two columns ("| Low | High |")


def grid_claims(grid: Grid, text: str, ctx: GridContext, vocab: Vocabulary,
                quote: Callable[[int, int], tuple[str, tuple[int, int]]]) -> list[Claim]:
    """The claims of one table (see the module docstring). A heading row further down (a balance sheet under the
    income statement, when the blank line between them was lost) starts new columns."""
    preface = _preface(text, grid.start)
    footer = _footer(text, grid.end)
    heads: list[tuple[str, ...]] = []
    columns: dict[int, _Column] = {}
    scale: float = 1.0
    currency: str | None = None
    latest: dt.date | None = None
    group = ""
    out: list[Claim] = []
    fresh = True
    notes = ""  # a scale note in a row of its own inside the table ("(in thousands, except per share data)")
    wrapped, group_before = "", ""  # a row of a label alone, and the group before it
    for start, end, cells in grid.rows:
        label = cells[0] if cells else ""
        if not _has_figures(cells):
            if any(c.strip() for c in cells[1:]):  # a heading row
                heads = heads if not fresh else []
                heads.append(cells)
                fresh, group = False, ""
            elif label and _scale(label) and ((note := _note_of(label)) or (not heads and not out and not columns)):
                # (a note, or a caption ending on one: "Key figures (SEK million)"; or a caption row on top: "ACME
                # INC. STATEMENTS OF OPERATIONS (in thousands, except per share data)", an HTML <caption>)
                notes = f"{notes} {note or label}"
            else:
                wrapped, group_before = (label, group) if label else ("", group)
                group = label.rstrip(": ") if label else group
            continue
        if wrapped and label[:1].islower():
            # a label wrapped onto the figures' line ("Net loss per share, basic" / "and diluted  $ (0.31)")
            label, group = f"{wrapped} {label}", group_before
        wrapped = ""
        if not fresh or not columns:
            head_text = " ".join(" ".join(c) for c in [*heads, (notes,)])
            corner = " ".join(c[0] for c in [*heads, (notes,)] if c)
            notes = ""
            # a second block keeps the first one's scale and currency unless its headings give their own
            scale = _scale(f"{preface if not out and scale == 1.0 else ''} {head_text}") or scale
            currency = _currency(f"{preface if not out else ''} {corner}") or currency
            if not out and scale == 1.0 and footer:  # no note above or in the headings: one just below the table
                scale, currency = _scale(footer) or scale, currency or _currency(footer)
            columns = _columns(heads, max(len(c) for _, _, c in grid.rows), preface, ctx)
            latest = max((c.period.end for c in columns.values()
                          if c.period is not None and not c.guidance and not c.change), default=None)
            fresh = True
        row_scale, row_currency = None, None
        if (unit := _LABEL_UNIT.search(label)) is not None and not _HUNDREDTHS.search(unit.group(0)):
            # "Turnover (€bn)", "Revenue ($m)": the row's own scale and currency
            row_scale, row_currency = _scale(unit.group(0)), _currency(unit.group("note"))
            label = label[:unit.start()]
        metric = _row_metric(vocab, label, group)
        if metric is None:
            continue
        spec = vocab.get(metric)
        per_share = _PER_SHARE.search(f"{group} {label}") is not None or (spec is not None and spec.unit == "per_share")
        hundredths = per_share and _HUNDREDTHS.search(f"{group} {label} {' '.join(' '.join(c) for c in heads)}")
        quote_text, span = quote(start, end)
        for n, cell in enumerate(cells[1:], start=1):
            col = columns.get(n)
            fig = cell_value(cell)
            if col is None or fig is None or (col.bound == "high" and n > 1 and cell_value(cells[n - 1])):
                continue  # (a range's high end was read with its low end)
            if col.bound == "low" and n + 1 < len(cells) and (top := cell_value(cells[n + 1])) is not None \
                    and top.percent == fig.percent:
                fig = dataclasses.replace(fig, high=top.high, decimals=max(fig.decimals, top.decimals))
                cell = f"{cell.strip()} to {cells[n + 1].strip()}"
            factor = (0.01 if (hundredths or fig.scale == 0.01) and not fig.percent else 1.0) if per_share or fig.percent \
                else fig.scale or row_scale or scale
            claim = _claim(ctx, metric, spec.kind if spec else "flow", col, latest, fig, row_currency or currency,
                           factor, cell, label)
            if claim is not None:
                claim.quote, claim.span = quote_text, span
                out.append(claim)
    return out


# a row that is only a note: "(in thousands, except per share data)", "In millions of euros", "Dollars in thousands"
_NOTE_ROW = re.compile(r"(?i)\s*(?:\(|\[|(?:amounts|figures|dollars|all\s+\w+)?\s*in\s)")
_TRAILING_NOTE = re.compile(r"\([^()]{1,40}\)\s*:?\s*$")


def _note_of(label: str) -> str | None:
    """The scale note a row without figures is, or ends on (a caption: "Key figures (SEK million)"), else None."""
    if _NOTE_ROW.match(label):
        return label
    tail = _TRAILING_NOTE.search(label)
    return tail.group(0) if tail is not None else None


def _currency(text: str) -> str | None:
    """The currency a table's scale note or corner names ("£m", "(EUR million)", "in US$ thousands")."""
    m = _CURRENCY_NOTE.search(text)
    return _CURRENCY.get(m.group(0).upper()) if m else currency_named(text)


def _claim(ctx: GridContext, metric: str, kind: str, col: _Column, latest: dt.date | None, fig: _Figure,
           currency: str | None, scale: float, stated: str, label: str) -> Claim | None:
    growth = fig.percent and not metric.endswith("margin") and bool(_GROWTH.search(label))
    change = col.change or growth
    if change and (not fig.percent or metric.endswith("margin")):
        return None  # "$ change" is a difference, a margin's change is in points: neither is the labelled figure
    if metric.endswith("margin") != fig.percent and not change:
        return None  # a margin row in money, or a money row in percent: not the labelled figure
    period = col.period
    if period is None:
        return None
    if kind == "stock":
        period = Period(period.end, period.end, period.end.isoformat())
    low, high = fig.low, fig.high
    if metric in _DEBTS:
        low, high = sorted((abs(low), abs(high)))  # "Net debt (410.0)": the parentheses say it is owed
    modality = Modality.GUIDANCE if col.guidance else (
        Modality.REPORTED if latest is None or period.end >= latest else Modality.PRIOR_PERIOD)
    unit = "percent" if fig.percent else (fig.currency or currency or ctx.currency)
    low, high = round(low * scale, 10), round(high * scale, 10)
    places = fig.decimals - round(math.log10(scale))
    qualifier = Qualifier.RANGE if low != high else Qualifier.EXACT
    return Claim(company=ctx.company, metric=metric, measure=Measure.CHANGE_YOY if change else Measure.LEVEL,
                 value=Value(low, high, unit, stated, qualifier, places, (low + high) / 2),  # (a range: its middle)
                 period=period, resolution=col.how, modality=modality, quote="", span=(0, 0), phrase=label,
                 base_period=col.period)


def _has_figures(cells: tuple[str, ...]) -> bool:
    # (a heading row names periods: "| (C$ millions) | Q4 2019 | Q4 2018 | 2019 | 2018 |" has no figure, although
    # its corner cell is filled and its bare years read as numbers)
    return len(cells) > 1 and bool(cells[0]) and any(cell_value(c) is not None for c in cells[1:]) \
        and not all(_YEAR.fullmatch(c.strip()) or (cell_value(c) is None and _YEAR.search(c))
                    for c in cells[1:] if c.strip())


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure cell: its number (or range), currency, whether it is a percentage, its decimals and its own scale
    ("£120m")."""

    low: float
    high: float
    currency: str | None
    percent: bool
    decimals: int
    scale: float | None = None


def cell_value(cell: str) -> _Figure | None:
    """The figure of a cell; ``None`` for text, dashes and years. A range ("3% - 5%", "$1.20-$1.25") keeps both
    ends."""
    c = cell.strip()
    if not c or _DASH.match(c):
        return None
    single = _one_figure(c)
    if single is not None:
        return single
    parts = _RANGE_SPLIT.split(c)
    if len(parts) != 2:
        return None
    low, high = _one_figure(parts[0]), _one_figure(parts[1])
    if high is None:
        return None
    if low is None and (bare := _one_figure(parts[0] + ("%" if high.percent else ""))) is not None:
        low = bare  # "3-5%": the first end shares the second's unit
    if low is None or low.low > high.low:
        return None
    return _Figure(low.low, high.low, high.currency or low.currency, high.percent,
                   max(low.decimals, high.decimals), high.scale or low.scale)


def _one_figure(c: str) -> _Figure | None:
    m = _CELL.match(c.strip())
    if m is None:
        return None
    digits = m.group("num").replace(",", "").replace("\u202f", "").replace("\u00a0", "")
    number = float(digits)
    opened = (m.group("neg1") == "(" or m.group("neg2") == "(")
    negative = (opened and bool(m.group("close") or m.group("close2"))) or \
        (m.group("neg1") in ("-", "−", "–") or m.group("neg2") in ("-", "−"))
    pct = (m.group("pct") or "").lower()
    if pct in ("x", "bps", "pt", "pts"):
        return None
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    scale = _CELL_SCALES.get(pct) if pct and pct != "%" else None
    # ("18.2p" in a UK table: pence; "45.3c", "12 cents": hundredths of the table's currency)
    currency = "GBP" if pct in ("p", "pence") else _CURRENCY.get(m.group("cur") or "")
    return _Figure(-number if negative else number, -number if negative else number, currency, pct == "%",
                   decimals, scale)


def _preface(text: str, start: int) -> str:
    """The caption lines just above a table: up to two short lines that are not sentences (a title, a scale note,
    "Three Months Ended")."""
    lines = [x.strip() for x in text[max(0, start - 400):start].splitlines() if x.strip()]
    kept: list[str] = []
    for x in reversed(lines[-2:]):
        if len(x) >= 120 or x.endswith((".", '"', "”")):
            break  # (a sentence ends the caption: a heading above it, "2024 Financial Guidance", is the sentence's)
        kept.insert(0, x)
    return " ".join(kept)


def _footer(text: str, end: int) -> str:
    """A scale note on the line just below a table ("(in thousands, except per share data)", "Amounts in
    millions"), when it is short and not a sentence about something else; else "".

    >>> _footer("| a | 1 |\\n\\n(in thousands, except per share data)\\nMore text.", 9)
    '(in thousands, except per share data)'
    >>> _footer("| a | 1 |\\nRevenue rose in thousands of stores.", 9)
    ''
    """
    for line in text[end:end + 300].splitlines():
        line = line.strip()
        if not line:
            continue
        short = len(line) < 90 and (line.startswith(("(", "*", "[")) or line.lower().startswith(
            ("amounts in", "in thousands", "in millions", "in billions", "all amounts", "all figures", "figures in",
             "dollars in", "$ in", "note: amounts", "note: all")))
        return line if short and _scale(line) else ""
    return ""


def _scale(text: str) -> float | None:
    for pattern, factor in _SCALE:
        if pattern.search(text):
            return factor
    return None


def _columns(heads: list[tuple[str, ...]], width: int, preface: str, ctx: GridContext) -> dict[int, _Column]:
    spans: list[list[str]] = [[] for _ in range(width)]
    for cells in heads:
        current = ""
        for n in range(1, width):
            cell = cells[n].strip() if n < len(cells) else ""
            current = cell or current
            if current:
                spans[n].append(current)
    caption = preface
    out: dict[int, _Column] = {}
    for n in range(1, width):
        heading = " ".join(spans[n])
        change = bool(_CHANGE.search(heading))
        outlook = bool(_GUIDANCE.search(heading) or _GUIDANCE.search(preface))
        period, how = _period(heading, caption, ctx, outlook=outlook)
        # (an outlook caption does not make a column of a period that ended well before publication guidance)
        ended = period is not None and ctx.published is not None and period.end < ctx.published - _ENDED_SLACK
        bound = _BOUND.search(heading)
        out[n] = _Column(period, how, bool(_GUIDANCE.search(heading) or (_GUIDANCE.search(preface) and not ended)),
                         change, bound.lastgroup if bound else None)
    _years_beside_quarters(out, spans, ctx)
    latest = max((c.period for c in out.values() if c.period is not None and not c.change),
                 key=lambda p: (p.end, p.end - p.start), default=None)
    for n, col in out.items():
        if col.change:  # "% change": the latest period of the columns beside it, against a year earlier
            out[n] = _Column(_nearest_period(out, n) or latest, col.how, col.guidance, True)
    for n, col in out.items():  # an end of a range only beside its other end, over the same period
        other = out.get(n + 1 if col.bound == "low" else n - 1)
        if col.bound and (other is None or {col.bound, other.bound} != {"low", "high"} or other.period != col.period):
            out[n] = _Column(col.period, col.how, col.guidance, col.change)
    return out


_BARE_YEAR = re.compile(r"(?i)^\s*(?:FY\s?|fiscal\s+)?((?:19|20)\d\d)\s*$")


def _years_beside_quarters(cols: dict[int, _Column], spans: list[list[str]], ctx: GridContext) -> None:
    """A bare year beside columns that name their quarter ("| Q4 2019 | Q4 2018 | 2019 | 2018 |") is the whole
    (fiscal) year, not the article's quarter of that year."""
    stated_short = any(c.how == Resolution.STATED and c.period is not None and not c.change
                       and _months_of(c.period) < 12 for c in cols.values())
    if not stated_short:
        return
    for n, col in cols.items():
        heading = " ".join(spans[n]) if n < len(spans) else ""
        if col.how == Resolution.INFERRED_CONTEXT and (m := _BARE_YEAR.match(heading)) is not None:
            cols[n] = dataclasses.replace(col, period=fiscal_year(int(m.group(1)), ctx.fye), how=Resolution.STATED)


# "| Low | High |", "| Low end | High end |", "| Minimum | Maximum |", "| From | To |" over an outlook's range
_BOUND = re.compile(r"(?i)(?:^|\s)(?:(?P<low>low(?:\s+end)?|minimum|min\.?|from)|(?P<high>high(?:\s+end)?|maximum|max\.?|to))$")



def _nearest_period(cols: dict[int, _Column], n: int) -> Period | None:
    for k in range(n - 1, 0, -1):
        col = cols.get(k)
        if col is not None and not col.change and col.period is not None:
            prior = [c.period for j, c in cols.items() if j < k and not c.change and c.period is not None]
            # "| 2024 | 2023 | % change |": the change belongs to the latest of the pair before it
            return max([col.period, *prior], key=lambda p: p.end) if prior else col.period
    return None


def _period(heading: str, caption: str, ctx: GridContext, *, outlook: bool = False) -> tuple[Period | None, Resolution]:
    """The period a column heading names; the caption above the table fills in what the heading leaves out, and
    the article's period and fiscal calendar what both leave out. An outlook's year with no length ("2025
    Outlook") is the whole (fiscal) year."""
    found = _stated_period(heading, ctx) or (_stated_period(f"{caption} {heading}", ctx) if caption else None)
    if found is not None:
        return found, Resolution.STATED
    months = _months(heading) or _months(caption)
    end = _end_date(heading) or (_end_date(caption) if caption else None)
    if end is not None:
        if months is None and _YTD.search(f"{caption} {heading}"):
            months = (end.month - ctx.fye[0]) % 12 or 12
        if months is None:
            if ctx.period is not None and (ctx.period.end.month, ctx.period.end.day) == (end.month, end.day) \
                    and ctx.period.start != ctx.period.end:
                months = _months_of(ctx.period)
            else:
                return Period(end, end, end.isoformat()), Resolution.STATED  # a balance sheet's date
        return period_ending(end, months, ctx.fye), Resolution.STATED
    year = _any_year(heading) or (_any_year(caption) if caption else None)
    if year is None:
        return None, Resolution.UNRESOLVED
    if months == 12 or (months is None and (ctx.period is None or outlook)):
        return fiscal_year(year, ctx.fye), Resolution.STATED
    shape = ctx.period
    if shape is None or shape.start == shape.end:
        return None, Resolution.UNRESOLVED
    end = _shift_end(shape.end, year - _fiscal_label_year(shape, heading))
    return period_ending(end, months or _months_of(shape), ctx.fye), Resolution.INFERRED_CONTEXT


_FY_WORD = re.compile(r"(?i)\bFY|\bfiscal\b")
_HALF_NO = re.compile(r"(?i)\bH([12])\b|\b([12])H\b")


def _fiscal_label_year(shape: Period, heading: str) -> int:
    """The fiscal year the article's period belongs to, as a heading that names a fiscal half or quarter counts
    it ("H1 FY25" over a column of the six months to December 2024: that half ends the year's first six months,
    so the year ends in June 2025 and is FY25, whatever calendar the article was read with); else its label's year.

    >>> shape = Period(dt.date(2024, 7, 1), dt.date(2024, 12, 31), "2024-H2")
    >>> _fiscal_label_year(shape, "H1 FY25"), _fiscal_label_year(shape, "H1 2024")
    (2025, 2024)
    """
    if _FY_WORD.search(heading):
        if (h := _HALF_NO.search(heading)) is not None:
            ahead = 6 * (2 - int(h.group(1) or h.group(2)))
        elif (q := _QUARTER.search(heading)) is not None:
            ahead = 3 * (4 - int(q.group(1) or q.group(2)))
        else:
            return _label_year(shape)
        month = shape.end.month + ahead
        return shape.end.year + (month - 1) // 12
    return _label_year(shape)


def _label_year(p: Period) -> int:
    """The (fiscal) year a period is labelled with: "FY2025-Q4" is 2025 even when it ends in June 2025."""
    m = re.match(r"(?:FY)?(\d{4})", p.label)
    return int(m.group(1)) if m else p.end.year


def _stated_period(text: str, ctx: GridContext) -> Period | None:
    """A quarter named with its number and year ("Q3 2024", "3Q24", "Third quarter 2024")."""
    if q := _QUARTER.search(text):
        year = _full_year(q.group(3)) or _any_year(text)
        if year is not None:
            return fiscal_quarter(year, int(q.group(1) or q.group(2)), ctx.fye)
    if (o := _ORDINAL_QUARTER.search(text)) and (year := _any_year(text)) is not None:
        return fiscal_quarter(year, _ORDINALS[o.group(1).lower()], ctx.fye)
    return None


def _months(text: str) -> int | None:
    return next((m for pattern, m in _LENGTHS if pattern.search(text)), None)


def _end_date(heading: str) -> dt.date | None:
    m = _END.search(heading)
    if m is not None:
        month, day, raw_year = _MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)
    elif (m := _END_DM.search(heading)) is not None:
        day, month, raw_year = int(m.group(1)), _MONTHS[m.group(2).lower()], m.group(3)
    else:
        return None
    year = int(raw_year) if raw_year else _any_year(heading[m.end():]) or _any_year(heading)
    if year is None or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _any_year(text: str) -> int | None:
    for m in _YEAR.finditer(text):
        year = _full_year(m.group(1) or m.group(2))
        if year is not None:
            return year
    return None


def _full_year(raw: str | None) -> int | None:
    if not raw:
        return None
    year = int(raw)
    return year + 2000 if year < 100 else year


def _months_of(period: Period) -> int:
    days = (period.end - period.start).days
    return min((3, 6, 9, 12), key=lambda m: abs(days - m * 30.4))


def _shift_end(end: dt.date, years: int) -> dt.date:
    year = end.year + years
    day = min(end.day, calendar.monthrange(year, end.month)[1])
    return dt.date(year, end.month, day)


_SHARE_COUNT = re.compile(r"(?i)^(?:(?:basic|diluted|weighted[\s-]+average|average|number\s+of)\s+)*(?:common\s+)?"
                          r"shares\b")


def _row_metric(vocab: Vocabulary, label: str, group: str) -> str | None:
    """The metric a row label names as a whole, or ``None`` (a part, a cost, a segment, an unknown line)."""
    clean = _LABEL_NOISE.sub(" ", label)
    clean = " ".join(clean.replace("\u2019", "'").split()).strip(" .:-–—")
    if not clean:
        return None
    if _SUBROW.match(clean) and group and len(clean.split()) <= 3:
        clean = f"{_LABEL_NOISE.sub(' ', group).strip(' :')} {clean}"
    mentions = vocab.mentions(clean)
    if not mentions:
        return None
    if _PER_SHARE.search(clean) is not None:
        if _SHARE_COUNT.match(clean):
            return None  # "Shares used in diluted per share computation": a count of shares, not EPS
        if re.search(r"(?i)\bdividends?\b|\bdistributions?\b", clean):
            metric = "dividend"
        elif any(x.metric in _EARNINGS for x in mentions) or re.search(r"(?i)\b(?:earnings|income|profit|eps)\b", clean):
            metric = "eps"
        else:
            return None
    else:
        m = mentions[0]
        head = clean[:m.start].lower().replace("-", " ").split()
        owner = m.phrase.lower().endswith(("attributable", "available", "applicable"))  # "... to Acme Inc."
        # ("Operating profit (EBIT)", "Net profit after tax (NPAT)": the metric's own short name in brackets)
        short = _SHORT_NAME.match(clean, m.end)
        same = short is not None and [x.metric for x in vocab.mentions(short.group(1))] == [m.metric]
        if any(w not in _QUALIFIERS for w in head) or not (owner or same or _TAIL.match(clean[m.end:])):
            return None
        if same:
            mentions = [x for x in mentions if x.start < m.end]
        if any(x.start < m.end and x is not m for x in mentions[1:]):
            return None
        metric = m.metric
        if metric in ("other", "unclassified"):
            return None
    if _ADJUSTED.search(clean) and metric in ADJUSTED_OF:
        metric = ADJUSTED_OF[metric]
    elif _ADJUSTED.search(clean) and metric not in ("dividend", "revenue") and metric not in ADJUSTED_OF.values():
        return None  # ("Underlying profit before tax": an adjusted measure the vocabulary has no metric for, as in prose)
    return metric
