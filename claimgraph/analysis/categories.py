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
import re
import unicodedata

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
