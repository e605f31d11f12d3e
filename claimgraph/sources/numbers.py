"""Numbers as written in news: digits with separators, fractions, and numbers in words.

>>> [parse_number(x) for x in ("1,234,000", "11-3/4", "3/8", "two", "Eighty-five", "twenty one", "nil")]
[1234000.0, 11.75, 0.375, 2.0, 85.0, 21.0, 0.0]
>>> [parse_number(x) for x in ("a hundred", "One hundred and fifty", "two hundred twenty-five", "nine-hundred")]
[100.0, 150.0, 225.0, 900.0]
>>> parse_number("a few") is None
True

A thousands group cut short by a dropped digit ("2,046,00" beside "2,524,000" in a wire table) is read as a full
group: the digits lost are the last ones, so the number keeps its magnitude.

>>> parse_number("2,046,00"), parse_number("1,732,0"), digits_of("2,046,00")
(2046000.0, 1732000.0, '2046000')
"""

from __future__ import annotations

import re

_UNITS = {"zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
# "two", "twenty-one", "twenty one", "eighty five"
_BELOW_100 = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(k for k in _UNITS if _UNITS[k] and _UNITS[k] < 10)}))?|{_WORD})"
# "a hundred", "one hundred and fifty", "two hundred twenty-five"; a thousand and larger are left to digits and scales
_HUNDREDS = (rf"(?:(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-]+hundred"
             rf"(?:[\s-]+(?:and[\s-]+)?{_BELOW_100})?)")
WORD_NUMBER = rf"(?:{_BELOW_100}|{_HUNDREDS})"  # (tables.py puts "same" beside the first "|nil|")
# a short last group ("2,046,00") only after a full one, and not before another digit, comma or point
SHORT_GROUP = r"\d{1,3}(?:,\d{3})+,\d{1,2}(?![\d,.])"
# Indian grouping (lakh and crore: "1,05,128", "12,34,567.5"): groups of two before the last three
INDIAN_GROUPS = r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?"
DIGITS = SHORT_GROUP + (r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[-\s]\d{1,2}/\d{1,2}(?!\d))?|\d{1,2}/\d{1,2}(?![\d/])"
                        r"|\.\d+")
NUMBER = rf"(?:{DIGITS}|(?i:{WORD_NUMBER})(?![\w-]))"
_NUMBER_RE = re.compile(rf"^(?:{INDIAN_GROUPS}|{NUMBER})$")
_SHORT_GROUP_RE = re.compile(rf"^{SHORT_GROUP}$")


def regrouped(digits: str) -> str:
    """``digits`` with a last thousands group cut short filled up with zeros ("2,046,00" -> "2,046,000")."""
    if _SHORT_GROUP_RE.match(digits):
        head, _, last = digits.rpartition(",")
        return f"{head},{last.ljust(3, '0')}"
    return digits


def parse_number(text: str) -> float | None:
    """The value of a number written with digits, a fraction ("11-3/4") or words ("twenty-one")."""
    t = text.strip()
    if not _NUMBER_RE.match(t):
        return None
    low = " ".join(t.lower().replace("-", " ").split())
    if " hundred" in low:  # "a hundred", "two hundred and fifty"
        head, _, rest = low.partition(" hundred")
        rest = rest.strip().removeprefix("and ").strip()
        tail = parse_number(rest) if rest else 0.0
        return (1 if head == "a" else _UNITS[head]) * 100.0 + (tail or 0.0)
    low = t.lower()
    if low in _UNITS:
        return float(_UNITS[low])
    if low in _TENS:
        return float(_TENS[low])
    m = re.match(rf"^({'|'.join(_TENS)})[\s-]({'|'.join(_UNITS)})$", low)
    if m:
        return float(_TENS[m.group(1)] + _UNITS[m.group(2)])
    m = re.match(r"^(\d+)[-\s](\d{1,2})/(\d{1,2})$", t)
    if m:
        return int(m.group(1)) + int(m.group(2)) / max(int(m.group(3)), 1)
    m = re.match(r"^(\d{1,2})/(\d{1,2})$", t)
    if m:
        return int(m.group(1)) / max(int(m.group(2)), 1)
    try:
        return float(regrouped(t).replace(",", ""))
    except ValueError:
        return None


def digits_of(text: str) -> str:
    """The stated digits of a number, for precision (words and fractions are exact: their digits as written).

    >>> digits_of("12.6"), digits_of("two"), digits_of("11-3/4")
    ('12.6', '2', '11.75')
    """
    t = regrouped(text.strip())
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return t.replace(",", "")
    value = parse_number(t)
    if value is None:
        return t
    return repr(value).rstrip("0").rstrip(".") if "." in repr(value) else repr(value)
