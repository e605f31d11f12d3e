"""Amounts whose currency the sentence left out because it gave it once already.

News prose names a currency once and then drops it: "net profit rose to 1.56 billion yen from 1.26 billion",
"a net loss of 3.4 mln stg against a profit of 1.2 mln", "sales of 1.85 billion" after "265.4 mln dlrs" in the same
sentence. A scaled number ("1.26 billion", "1.2 mln") that names nothing after it is then an amount in the currency
of the amount before it. It is not when a noun follows it ("1.2 mln shares", "3.3 mln Princeville shares", "20 mln
tonnes"), when the amount before it is not money (a count with its noun, "2.05 mln tons against 3.59 mln"), or when
a count noun comes just before it ("Avg shrs 5.2 mln", "shares outstanding rose to 12 mln").

>>> from claimgraph.sources.quantities import find_quantities
>>> s = "It earned 265.4 mln dlrs on sales of 1.85 billion and sold 1.2 mln shares, or 3.4 mln Swiss francs."
>>> [(q.text, q.kind, q.value.unit) for q in find_quantities(s)]
[('265.4 mln dlrs', 'money', 'USD'), ('1.85 billion', 'money', 'USD'), ('1.2 mln', 'count', 'count'), \
('3.4 mln Swiss francs', 'money', 'CHF')]
"""

from __future__ import annotations

import dataclasses
import math
import re

from claimgraph.sources.model import Quantity

# a scale word ends the quantity's text ("1.2 mln", "between 100 and 150 mln")
_SCALED = re.compile(r"(?i)(?:\d\s?|\s)(?:mln|bln|billion|million|trillion|mn|bn|m|b)$")
# what may follow an amount whose currency was left out: punctuation, the end, or one of these words; any other word
# is the noun the number counts ("1.2 mln shares", "3.3 mln Princeville shares")
_FREE_AFTER = frozenset({
    "vs", "vs.", "versus", "from", "in", "and", "or", "a", "an", "at", "for", "compared", "against", "last",
    "previously", "earlier", "before", "higher", "lower", "the", "on", "instead", "after", "to", "by", "this", "next",
    "with", "while", "but", "during", "over", "since", "until", "respectively", "year-on-year", "net", "pretax",
    "pre-tax", "is", "was", "were", "are", "will", "would", "could", "has", "had", "have", "which", "that", "as", "up",
    "down", "due", "when", "within", "through", "plus", "less", "ago", "then", "rather", "than", "so", "under",
    "above", "below", "a-year", "year-earlier", "if", "because", "he", "she", "it", "they", "said", "says",
    "according", "including", "excluding", "each", "per", "previous", "prior", "reported",
})
_NEXT_WORD = re.compile(r"\s*([A-Za-z][\w.'-]*)")
# a participle before a function word ("116.65 billion recorded in January"), or "of" before a date ("the 50.92
# billion of February 1986"): no noun counted
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_VERB_OR_DATE = re.compile(rf"\s+(?:[a-z]+ed\s+(?:in|on|at|for|by|during|last|a|the|this|earlier|previously|before)\b|"
                           rf"[a-z]+ed\s*[,.;]|of\s+(?:{_MONTHS}|(?:19|20)\d\d\b|last\s+year|the\s+previous))")
# a count noun just before the number ("Avg shrs 5.2 mln", "shares outstanding rose to 12 mln", "output of 3 mln")
_COUNT_BEFORE = re.compile(
    r"(?i)\b(?:shrs?|(?<!\ba\s)(?<!\bper\s)shares?|shs|stock|barrels?|bpd|tonnes?|tons?|bushels?|bags?|units?|ounces|hectares?|acres?|"
    r"passengers?|miles|people|workers|members|subscribers|customers|users|copies|vehicles|cars|households|homes|"
    r"visitors|tourists|votes|hours|feet|metres|meters|litres|liters|gallons|pounds|lbs|kilos?|cattle|head|"
    r"population|volume|output|production|capacity|crop|harvest|reserves\s+of\s+oil)\b[^.;$\d]{0,24}$")


_SCALE_WORD = re.compile(r"(?i)(?:\d\s?|\s)(mln|bln|billion|million|trillion|mn|bn|m|b)\b")
_SCALES = {"mln": 1e6, "million": 1e6, "mn": 1e6, "m": 1e6, "bln": 1e9, "billion": 1e9, "bn": 1e9, "b": 1e9,
           "trillion": 1e12}
_COMPARED = re.compile(r"(?i)\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:an?\s+)?$")


def omitted_scale(text: str, found: list[Quantity]) -> None:
    """"EUR 1,019 mn from EUR 1,007": an amount compared with a scaled one of the same currency just before it, of
    about the same size once scaled (within a factor of two) and written without a scale, has the scale left out (in
    place). A per-share amount ("EUR 10.5 a share") keeps its value.

    >>> from claimgraph.sources.quantities import find_quantities
    >>> [q.value.point for q in find_quantities("Pretax profit rose to EUR 1,019 mn from EUR 1,007 in 2005 .")]
    [1019000000.0, 1007000000.0]
    >>> [q.value.point for q in find_quantities("Sales were EUR 12 mn , up from EUR 10.5 a share .")]
    [12000000.0, 10.5]
    """
    prev: Quantity | None = None
    scale = 1.0  # the scale of ``prev``
    for n, q in enumerate(found):
        if q.kind != "money":
            continue
        scaled = _SCALE_WORD.search(q.text)
        if scaled is None and prev is not None and q.value.unit == prev.value.unit and q.value.point \
                and prev.value.point and _COMPARED.search(text, max(0, q.start - 20), q.start) \
                and not _PER_SHARE.match(text, q.end) and q.start - prev.end < 60 \
                and 0.5 <= q.value.point * scale / prev.value.point <= 2:
            v = q.value
            found[n] = dataclasses.replace(q, value=dataclasses.replace(
                v, low=v.low * scale, high=v.high * scale, point=v.point * scale if v.point is not None else None,
                decimals=v.decimals - round(math.log10(scale))))
            continue
        prev = q if scaled is not None else None
        scale = _SCALES[scaled.group(1).lower()] if scaled is not None else 1.0


_PER_SHARE = re.compile(r"(?i)\s*(?:a|per|each)\s+(?:share|shr)\b")


def noun_after(text: str, end: int) -> bool:
    """Whether a noun follows ``end`` (a word that is not a function word: "a 5 mln mark reduction", not "the 5 mln
    mark in sales").

    >>> noun_after("the 5.2 billion mark reduction", 16), noun_after("the one mln mark in sales", 17)
    (True, False)
    """
    word = _NEXT_WORD.match(text, end)
    return word is not None and word.group(1).islower() and word.group(1) not in _FREE_AFTER


_CONVERSION = re.compile(r"\(\s?$")


def conversion(text: str, q: Quantity, unit_before: str | None) -> bool:
    """Whether ``q`` is an amount in brackets after an amount in another currency: a conversion ("1.2 billion crowns
    ($113 million)"), which a later bare amount ("from a loss of 340 million") does not take its currency from."""
    return unit_before is not None and q.value.unit != unit_before and text[q.end:q.end + 2].lstrip().startswith(")") \
        and _CONVERSION.search(text[max(0, q.start - 2):q.start]) is not None


def omitted_currency(text: str, found: list[Quantity]) -> None:
    """Scaled counts that are amounts in the currency of the money before them, made money (in place)."""
    last_unit: str | None = None
    for n, q in enumerate(found):
        if q.kind == "money":
            if not conversion(text, q, last_unit):
                last_unit = q.value.unit  # (not a conversion in brackets: "1.2 billion crowns ($113 million)")
            continue
        if q.kind != "count":
            continue  # (a percentage between the two does not break the chain: "rose 3.8 pct to 1.5 billion")
        if last_unit is None or q.value.unit != "count" or not _SCALED.search(q.text):
            last_unit = None  # a count of something: what follows compares with it, not with the money before
            continue
        word = _NEXT_WORD.match(text, q.end)
        if word is not None and word.group(1).lower() not in _FREE_AFTER and not _VERB_OR_DATE.match(text, q.end):
            last_unit = None
            continue
        if _COUNT_BEFORE.search(text, max(0, q.start - 40), q.start):
            last_unit = None
            continue
        found[n] = dataclasses.replace(q, kind="money", value=dataclasses.replace(q.value, unit=last_unit))


# the countries a currency name without its nation may belong to, by the words of the sentence that name them
_FRANC_CUES = (("FRF", re.compile(r"\b(?:French|France|Paris|Bourse)\b")),
               ("CHF", re.compile(r"\b(?:Swiss|Switzerland|Zurich|Geneva|Berne)\b")),
               ("BEF", re.compile(r"\b(?:Belgian|Belgium|Brussels)\b")),
               ("LUF", re.compile(r"\bLuxembourg\b")))
_CROWN_CUES = (("DKK", re.compile(r"\b(?:Danish|Denmark|Copenhagen)\b")),
               ("SEK", re.compile(r"\b(?:Swedish|Sweden|Stockholm)\b")),
               ("NOK", re.compile(r"\b(?:Norwegian|Norway|Oslo)\b")))
_PESO_CUES = (("PHP", re.compile(r"\b(?:Philippines?|Philippine|Manila)\b")),
              ("MXN", re.compile(r"\b(?:Mexico|Mexican)\b")),
              ("ARS", re.compile(r"\b(?:Argentina|Argentine)\b")),
              ("CLP", re.compile(r"\b(?:Chile|Chilean)\b")),
              ("COP", re.compile(r"\b(?:Colombia|Colombian)\b")))
# the currency right after the number or its scale ("1.2 billion francs", not "1.2 billion Swiss francs")
_AFTER_NUMBER = r"(?i)(?:\d|mln|bln|billion|million|mn|bn|thousand|trillion|one|two|three|four|five|six|seven|eight|" \
                r"nine|ten|eleven|twelve|teen|ty|hundred)[\s-]?"
_BARE_FRANCS = re.compile(_AFTER_NUMBER + r"francs?$")
_BARE_CROWNS = re.compile(_AFTER_NUMBER + r"(?:crowns?|kronor)$")
PESO = "peso?"  # the unit find_quantities gives "pesos" until the sentence names their country


def _cued(text: str, cues: tuple[tuple[str, re.Pattern[str]], ...], local: str) -> str | None:
    hits = {code for code, cue in cues if cue.search(text)}
    if len(hits) == 1:
        return hits.pop()
    return local if local in {code for code, _ in cues} else None


def peso_country(text: str) -> str | None:
    """The currency of the one country that uses pesos an article names anywhere ("Mexican baker Grupo Bimbo"), for
    its sentences that write "pesos" without naming it; None when it names none or several.

    >>> peso_country("Mexican baker Grupo Bimbo made 9 billion pesos"), peso_country("Chile and Mexico pesos") is None
    ('MXN', True)
    """
    if "peso" not in text:
        return None
    hits = {code for code, cue in _PESO_CUES if cue.search(text)}
    return hits.pop() if len(hits) == 1 else None


def national_currency(text: str, found: list[Quantity], local: str) -> list[Quantity]:
    """"francs", "crowns" and "pesos" without their nation, in the currency of the country the sentence names (or of
    the dateline's, ``local``): French francs in a sentence about Paris, Danish crowns in one about Copenhagen. Francs
    stay Swiss and crowns Swedish otherwise; pesos of no country named are no money.

    >>> from claimgraph.sources.quantities import find_quantities
    >>> [q.value.unit for q in find_quantities("The Paris Bourse fell; Peugeot earned 1.2 billion francs.")]
    ['FRF']
    >>> [q.value.unit for q in find_quantities("Danish profit was 5 mln crowns, or 4 mln Swedish crowns.")]
    ['DKK', 'SEK']
    >>> [q.value.unit for q in find_quantities("Manila bills were 61.1 billion pesos; Acme paid 20 pesos.")]
    ['PHP', 'PHP']
    >>> [q.value.unit for q in find_quantities("Acme paid 20 pesos a share.")]
    []
    """
    out: list[Quantity] = []
    rest = ""  # the sentence without its quantities ("4 mln Swedish crowns" names no country for the others)
    for q in found:
        unit = q.value.unit
        code: str | None = unit
        bare_franc = unit == "CHF" and _BARE_FRANCS.search(q.text) is not None
        bare_crown = unit == "SEK" and _BARE_CROWNS.search(q.text) is not None
        if (unit == PESO or bare_franc or bare_crown) and not rest:
            rest, pos = "", 0
            for x in found:
                rest, pos = rest + text[pos:max(pos, x.start)] + " ", max(pos, x.end)
            rest += text[pos:]
        if unit == PESO:
            code = _cued(rest, _PESO_CUES, local)
            if code is None:
                continue
        elif bare_franc:
            code = _cued(rest, _FRANC_CUES, local) or unit
        elif bare_crown:
            code = _cued(rest, _CROWN_CUES, local) or unit
        if code is not None and code != unit:
            q = dataclasses.replace(q, value=dataclasses.replace(q.value, unit=code))
        out.append(q)
    return out
