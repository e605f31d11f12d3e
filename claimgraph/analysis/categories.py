"""Categorical values (author lists, names, labels) as normalised text, so that one value written several ways is
one candidate.

The normalised text keeps the words that name things and drops how they are written: HTML entities and accents,
case, punctuation, word order (a list of names is a set: "Knuth, Donald E." is "Donald E. Knuth"), list connectors
("and", "&", "with") and the credits, honorifics and degrees around names ("by", "edited by", "Dr.", "Ph.D.").

>>> category_key("Knuth, Donald E.") == category_key("Donald E. Knuth") == category_key("by Donald E Knuth (Author)")
True
>>> category_key("Zo&eacute; Lacroix and Terence Critchlow")
'critchlow lacroix terence zoe'
>>> category_key("Dr. Paul Shaw, Ph.D."), category_key("Procter & Gamble") == category_key("Procter and Gamble")
('paul shaw', True)
>>> category_key("O'Brien; Smith-Jones"), category_key("  ")
('jones obrien smith', '')
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from claimgraph.analysis.facts import FactTable

# Words around values that are not part of them: list connectors, credits, honorifics and degrees.
NOISE = frozenset({
    "and", "with", "by", "edited", "editor", "editors", "ed", "eds", "author", "authors", "foreword", "introduction",
    "translated", "translator", "illustrated", "illustrator", "contributor", "contributors", "compiled", "compiler",
    "dr", "prof", "professor", "mr", "mrs", "ms", "phd", "ph", "md", "jr", "sr", "et", "al",
})
CATEGORY = "category"  # the unit of a categorical claim: its value is the stated text, compared by its key
TEXT_UNITS = frozenset({CATEGORY, "text", "categorical", "label"})  # units an import may give a categorical value
_DEGREE = re.compile(r"\bph\.?\s*d\b\.?")


def category_key(text: str) -> str:
    """The normalised text of a categorical value (see the module docstring)."""
    t = html.unescape(html.unescape(text))
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c)).lower()
    t = _DEGREE.sub(" ", t).replace("'", "").replace("\u2019", "")
    words = {w for w in re.findall(r"[^\W_]+", t) if w not in NOISE}
    return " ".join(sorted(words))


def category_of(unit: str | None, stated: str | None) -> str | None:
    """The category of a stored claim: the key of its stated text when its unit is :data:`CATEGORY`, else None.

    >>> category_of("category", "Partly Cloudy"), category_of("USD", "$5B")
    ('cloudy partly', None)
    """
    return category_key(stated or "") if unit == CATEGORY else None


def categories_of(units: list[str], stated: list[str]) -> list[str | None]:
    """:func:`category_of` for columns (all None, without a key computed, when no unit is categorical)."""
    if CATEGORY not in units:
        return [None] * len(units)
    return [category_of(u, s) for u, s in zip(units, stated, strict=True)]


def number_category(point: float, low: float, high: float, unit: str) -> str:
    """The category of a number read as a label (a mixed item's numbers): its value to 15 digits, a range's two
    ends, and its unit unless it is the plain ``number``, so that "25,100", "25100" and "25100.0" are one value.

    >>> number_category(25100.0, 25100.0, 25100.0, "number"), number_category(math.nan, 5e9, 6e9, "USD")
    ('25100', '5000000000-6000000000 usd')
    """
    text = f"{point:.15g}" if not math.isnan(point) else f"{low:.15g}" if low == high else f"{low:.15g}-{high:.15g}"
    return text if unit in ("number", "") else f"{text} {unit.lower()}"


def categorise_mixed(table: FactTable, item: npt.NDArray[np.int64], dated: npt.NDArray[np.bool_]) -> int:
    """Read the numbers of mixed items as categories, in place; the number of claims so read.

    An item (``item``: one code per row for company, metric, measure, period dates and modality class) that has a
    categorical claim and numeric claims is one group of categories: its numbers become labels by
    :func:`number_category` (their stated text is kept and shown), so that one item gets one answer, whatever
    kind its sources' values are. Only rows with a period (``dated``) are read so; numbers of items with no word
    are untouched.
    """
    codes, values = table.codes("category")
    if all(v is None for v in values) or all(v is not None for v in values):
        return 0
    worded = np.asarray([v is not None for v in values], dtype=bool)[codes]
    has_word = np.zeros(int(item.max(initial=-1)) + 1, dtype=bool)
    has_word[item[worded & dated]] = True
    rows = np.flatnonzero(has_word[item] & ~worded & dated)
    if not len(rows):
        return 0
    category = list(table.category)
    for i in rows.tolist():
        category[i] = number_category(float(table.point[i]), float(table.low[i]), float(table.high[i]),
                                      table.unit[i])
        made = table.made[i]
        if made is not None:
            made.category = category[i]
    table.category = category
    table._codes.pop("category", None)
    return len(rows)
