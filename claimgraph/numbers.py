"""One number formatter for everything a person reads: the CLI's tables, the page's labels and its JSON.

Values are stored in base units (USD, percent, W, x, count); this module turns them into short, unambiguous
text: a currency symbol or code, a scale suffix (K, M, B, T; kW, MW, GW), a true minus sign (U+2212), never
e-notation, and changes labelled as changes (``+284% y/y``).

>>> format_value(25.9e9, "USD"), format_value(420e6, "W"), format_value(62, "percent")
('$25.9B', '420 MW', '62%')
>>> format_value(0.06, "USD", per_share=True), format_value(284, "percent", measure="change_yoy")
('6 cents/share', '+284% y/y')
>>> format_value(-314.6e6, "USD"), format_value(1.3e10, "USD"), format_value(2.9e9, "W")
('−$314.6M', '$13B', '2.9 GW')
>>> format_range(52.82e9, 58.38e9, "USD", qualifier="approximate", point=55.6e9)
'~$55.6B'
>>> format_range(12e9, 14e9, "USD", qualifier="range")
'$12B–$14B'
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

MINUS = "\u2212"
CHANGE_SUFFIX = {"change_yoy": " y/y", "change_qoq": " q/q", "change": " change"}
CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CNY": "CN¥", "CAD": "C$", "AUD": "A$",
            "HKD": "HK$", "KRW": "₩", "BRL": "R$", "MXN": "MX$", "NZD": "NZ$", "SGD": "S$", "TWD": "NT$"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_POWER = ((1e12, "TW"), (1e9, "GW"), (1e6, "MW"), (1e3, "kW"))
_COUNT = ((1e12, "T"), (1e9, "B"), (1e6, "M"))


def is_change(measure: str | None) -> bool:
    """True for measures that state a change, not a level.

    >>> is_change("change_yoy"), is_change("level"), is_change(None)
    (True, False, False)
    """
    return measure in CHANGE_SUFFIX


def plain(x: float, *, max_decimals: int | None = None) -> str:
    """A non-negative number in fixed notation: grouped thousands, trailing zeros dropped, never e-notation.

    Numbers of 10 or more get one decimal, smaller ones two, and numbers below 1 two significant digits.

    >>> plain(314.63), plain(5.05), plain(1234567.0), plain(0.0123), plain(1e-9), plain(0.0)
    ('314.6', '5.05', '1,234,567', '0.012', '0.000000001', '0')
    >>> plain(1e22)
    '10,000,000,000,000,000,000,000'
    """
    x = abs(x)
    if max_decimals is not None:
        decimals = max_decimals
    elif x >= 1000:
        decimals = 0
    elif x >= 10:
        decimals = 1
    elif x >= 1 or x == 0:
        decimals = 2
    else:
        decimals = min(15, 1 - math.floor(math.log10(x)))
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _scaled(x: float, scales: tuple[tuple[float, str], ...], *, sep: str = "") -> tuple[str, str]:
    """``x`` (non-negative) scaled by the largest suffix it reaches, after rounding ($999.96M is $1B)."""
    for n, (scale, suffix) in enumerate(scales):
        if x >= scale * 0.9995:
            text = plain(x / scale)
            if n > 0 and float(text.replace(",", "")) >= 1000:
                prev_scale, prev_suffix = scales[n - 1]
                return plain(x / prev_scale), sep + prev_suffix
            return text, sep + suffix
    return plain(x), ""


def _body(v: float, unit: str, *, per_share: bool) -> str:
    """``|v|`` with its unit, no sign."""
    x = abs(v)
    if unit in CURRENCY or (len(unit) == 3 and unit.isalpha() and unit.isupper()):
        symbol = CURRENCY.get(unit)
        if per_share:
            if x < 1 and symbol == "$":
                return f"{plain(x * 100)} cents/share"
            return f"{symbol}{plain(x)}/share" if symbol else f"{unit} {plain(x)}/share"
        digits, suffix = _scaled(x, _SCALES)
        if not suffix and x < 1000:
            digits = plain(x, max_decimals=2)  # a price to the cent: $38.12, not $38.1
        return f"{symbol}{digits}{suffix}" if symbol else f"{unit} {digits}{suffix}"
    if unit == "percent":
        return f"{plain(x, max_decimals=1 if x >= 100 else (2 if x >= 1 else None))}%"
    if unit == "pp":
        return f"{plain(x)} pp"
    if unit == "W":
        digits, suffix = _scaled(x, _POWER, sep=" ")
        return f"{digits}{suffix or ' W'}"
    if unit == "x":
        return f"{plain(x)}x"
    if unit in ("count", "number", ""):  # plain numbers (imported without a unit) read like counts: 55.6B
        digits, suffix = _scaled(x, _COUNT)
        return f"{digits}{suffix}" if suffix else plain(x, max_decimals=0 if x == int(x) else 1)
    return f"{plain(x)} {unit}" if unit else plain(x)


@lru_cache(maxsize=65536)
def format_value(v: float | None, unit: str, *, measure: str | None = "level", per_share: bool = False) -> str:
    """One value for people: ``$25.9B``, ``420 MW``, ``62%``, ``+284% y/y``, ``−$314.6M``, ``6 cents/share``.

    ``per_share`` is for metrics measured per share (EPS, dividends). Changes carry an explicit sign and
    their kind (``y/y``, ``q/q``, ``change``). ``None`` and non-finite values are ``n/a``.

    >>> format_value(12345, "count"), format_value(1.8e6, "count"), format_value(3.25, "x")
    ('12,345', '1.8M', '3.25x')
    >>> format_value(1.23, "USD", per_share=True), format_value(-0.05, "USD", per_share=True)
    ('$1.23/share', '−5 cents/share')
    >>> format_value(4.5e9, "EUR"), format_value(2.1e9, "SEK"), format_value(950, "USD"), format_value(38.12, "USD")
    ('€4.5B', 'SEK 2.1B', '$950', '$38.12')
    >>> format_value(-1.5, "pp", measure="change"), format_value(999.96e6, "USD"), format_value(None, "USD")
    ('−1.5 pp change', '$1B', 'n/a')
    """
    if v is None or not math.isfinite(v):
        return "n/a"
    sign = MINUS if v < 0 else ("+" if is_change(measure) and v > 0 else "")
    return f"{sign}{_body(v, unit, per_share=per_share)}{CHANGE_SUFFIX.get(measure or '', '')}"


@lru_cache(maxsize=65536)
def format_range(low: float | None, high: float | None, unit: str, *, qualifier: str = "exact",
                 point: float | None = None, measure: str | None = "level", per_share: bool = False) -> str:
    """A stated interval for people: ``~$56B``, ``≤ $67B``, ``≥ $100B``, ``$12B–$14B`` or one value.

    >>> format_range(97e9, 100e9, "USD", qualifier="at_most", point=100e9)
    '≤ $100B'
    >>> format_range(-5.2, -3.9, "percent", qualifier="at_most", measure="change")  # "fell as much as 5.2%"
    '≥ −5.2% change'
    >>> format_range(5, 7, "percent", qualifier="range", measure="change_yoy")
    '+5%–+7% y/y'
    >>> format_range(3.6e9, 3.6e9, "USD")
    '$3.6B'
    """
    if low is None or high is None:
        return format_value(point, unit, measure=measure, per_share=per_share)
    suffix = CHANGE_SUFFIX.get(measure or "", "")

    def one(v: float) -> str:
        text = format_value(v, unit, measure=measure, per_share=per_share)
        return text[: len(text) - len(suffix)] if suffix else text

    if qualifier == "approximate":
        return f"~{one(point if point is not None else (low + high) / 2)}{suffix}"
    if qualifier in ("at_most", "at_least") and high <= 0 and low < 0:
        # a fall "of as much as 5.2%" is [-5.2, -3.9]: its bound is the low end, and it reads "≥ −5.2%"
        qualifier = "at_least" if qualifier == "at_most" else "at_most"
    if qualifier == "at_most":
        return f"≤ {one(point if point is not None else high)}{suffix}"
    if qualifier == "at_least":
        return f"≥ {one(point if point is not None else low)}{suffix}"
    if low == high or one(low) == one(high):
        return f"{one(point if point is not None else low)}{suffix}"
    return f"{one(low)}–{one(high)}{suffix}"


def per_share_metric(metric: str | None) -> bool:
    """True for metrics stated per share (EPS, dividends), as the metric vocabulary says.

    >>> per_share_metric("eps"), per_share_metric("revenue"), per_share_metric(None)
    (True, False, False)
    """
    if not metric:
        return False
    from claimgraph.sources.metrics import load_vocabulary

    m = load_vocabulary().get(metric)
    return m is not None and m.unit == "per_share"


def claim_value(value: dict[str, Any], *, measure: str | None = "level", metric: str | None = None) -> str:
    """The normalised value of a claim's JSON ``value`` object (``low``, ``high``, ``unit``, ``qualifier``).

    >>> claim_value({"low": 52.82e9, "high": 58.38e9, "unit": "USD", "qualifier": "approximate", "point": 55.6e9})
    '~$55.6B'
    >>> claim_value({"low": 0.06, "high": 0.06, "unit": "USD", "qualifier": "exact"}, metric="eps")
    '6 cents/share'
    >>> claim_value({"low": 0.0, "high": 0.0, "unit": "category", "stated": " Partly Cloudy"})
    'Partly Cloudy'
    """
    if value.get("unit") == "category":  # a categorical claim: its value is its text
        return str(value.get("stated") or "").strip()
    return format_range(value.get("low"), value.get("high"), value.get("unit") or "",
                        qualifier=value.get("qualifier") or "exact", point=value.get("point"), measure=measure,
                        per_share=per_share_metric(metric))


def measure_label(measure: str | None) -> str:
    """How a measure reads next to a metric name.

    >>> measure_label("change_yoy"), measure_label("level")
    ('y/y change', '')
    """
    return {"change_yoy": "y/y change", "change_qoq": "q/q change", "change": "change", "part": "part"}.get(
        measure or "", "")


__all__ = ["MINUS", "claim_value", "format_range", "format_value", "is_change", "measure_label", "per_share_metric",
           "plain"]
