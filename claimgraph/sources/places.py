"""Places: datelines, the currency of the place an item was filed from, and names that are never companies.

The gazetteer is data (``data/places.toml``): countries with their names and currency, and dateline cities.

>>> d = dateline("TORONTO, March 19 - ended January 31\\n    Shr profit two cts")
>>> d.place, d.country, d.currency
('TORONTO', 'CA', 'CAD')
>>> dateline("PALO ALTO, Calif., March 25 -\\nShr 10 cts").country, dateline("OAKVILLE, Ontario, March 3 -\\n").currency
('US', 'CAD')
>>> is_place("New Zealand"), is_place("Golden Nugget")
(True, False)
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

_US_STATES = {"ala", "ariz", "ark", "calif", "cal", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
              "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h", "n.j",
              "n.m", "n.y", "n.c", "n.d", "okla", "ore", "pa", "r.i", "s.c", "s.d", "tenn", "tex", "vt", "va",
              "wash", "w.va", "wis", "wyo", "d.c", "idaho", "iowa", "maine", "ohio", "utah", "texas", "alaska",
              "hawaii"}
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z](?:[A-Za-z.']|-(?=[A-Za-z]))*(?:[ \t]+[A-Z](?:[A-Za-z.']|-(?=[A-Za-z]))*){0,3}),?"
    # the state or country, with a comma after it, or before the agency or the dash ("DEARBORN, Mich. (AP) —")
    r"(?:[ \t]*(?P<region>[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)?)\.?(?:,|(?=[ \t]*(?:\(|[-–—]))))?"
    # (the month in any case: wire datelines write "MARCH 3", "FEb 26", "APril 3")
    r"[ \t]*(?P<when>(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[A-Za-z]*\.?[ \t]+\d{1,2}(?:,?[ \t]+(?:19|20)\d\d)?"
    r"[ \t]*|\d{1,2}[ \t]+(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[A-Za-z]*\.?(?:,?[ \t]+(?:19|20)\d\d)?"
    r"[ \t]*)?"
    # the agency or service that filed it, in brackets or slashes: "(Reuters)", "(The Canadian Press)",
    # "/PRNewswire/", "--(BUSINESS WIRE)--"
    r"(?:[-–—]*\((?:The[ \t]+)?[A-Z][A-Za-z.&' -]{1,38}\)[ \t]*|/[A-Za-z][A-Za-z -]{2,30}/[ \t]*)?"
    # a dated dateline whose agency in brackets is followed by the story without a dash ("Mumbai, Oct 21 (PTI) Acme")
    r"(?P<term>[-–—]+|:|(?(when)(?<=\)[ \t])(?=[A-Z])|(?!)))[ \t]*")
_DATED = re.compile(r"(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[A-Za-z]*\.?[ \t]+\d|\d[ \t]+(?i:Jan|Feb|Mar|Apr|"
                    r"May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place an item was filed from, and where the dateline ends in the text."""

    place: str
    country: str | None
    currency: str | None
    end: int
    dated: bool = False  # with a day ("SEOUL, March 5 -"): a dateline whatever its place


@lru_cache(maxsize=1)
def _places() -> dict[str, Any]:
    """places.toml, read once."""
    return tomllib.loads((resources.files("claimgraph.sources") / "data" / "places.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _euro_since() -> dict[str, int]:
    return {code: int(spec["euro"]) for code, spec in _places()["countries"].items() if "euro" in spec}


def currency_on(country: str | None, on: dt.date | None) -> str | None:
    """A country's currency on a day: the euro from the year it joined, the national currency before (and when
    the day is unknown).

    >>> currency_on("FR", dt.date(2024, 7, 23)), currency_on("FR", dt.date(1987, 3, 3)), currency_on("FR", None)
    ('EUR', 'FRF', 'FRF')
    """
    since = _euro_since().get(country or "")
    if since is not None and on is not None and on.year >= since:
        return "EUR"
    return currency_of(country)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    data = _places()
    names: dict[str, str] = {}
    currency: dict[str, str] = {}
    for code, spec in data["countries"].items():
        currency[code] = spec.get("currency", "")
        for n in spec["names"]:
            names[n.lower()] = code
    cities = {c.lower(): code for code, cs in data["cities"].items() for c in cs}
    return names, cities, currency


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    return {r.lower().rstrip("."): code for code, rs in _places().get("regions", {}).items() for r in rs}


def dateline(text: str, on: dt.date | None = None) -> Dateline | None:
    """The dateline at the start of a wire item ("LAS VEGAS, March 16 -", "SEOUL, March 5 (Reuters) -", and with a
    colon when it is dated: "Bengaluru, April 18, 2024:"). Its currency is the place's on ``on`` (the day the item
    was published: a Paris dateline is in francs in 1987 and in euros in 2024).

    >>> dateline("Bengaluru, April 18, 2024: Infosys on Thursday reported").place, dateline("Revenue: $5 million")
    ('Bengaluru', None)
    """
    m = _DATELINE.match(text[:160])
    if m is None:
        return None
    dated = _DATED.search(m.group(0)) is not None
    place = m.group("place")
    names, cities, _ = _gazetteer()
    if m.group("term") == ":" and not dated and not (place.isupper() and place.lower() in cities):
        return None  # ("Revenue: $5 million"; but "MUMBAI: Tata Motors on Friday ...", a known city in capitals)
    if not dated and "(" not in m.group(0) and not m.group(0).rstrip(" -:").isupper():
        return None
    region = (m.group("region") or "").lower().rstrip(".")
    country = cities.get(place.lower()) or names.get(place.lower())
    if region in _US_STATES:
        country = "US"
    elif region and names.get(region):
        country = names[region]
    elif region and (province := _regions().get(region)) is not None:
        country = province  # "OAKVILLE, Ontario, March 3 -": a Canadian item, its dollars Canadian
    return Dateline(place, country, currency_on(country, on), m.end(), dated)


def is_place(name: str) -> bool:
    """True for a country, region or dateline city, which is never a company."""
    names, cities, _ = _gazetteer()
    key = name.lower().strip(" .,'’")
    if key.endswith(("'s", "’s")):
        key = key[:-2].rstrip(" .,")  # ("Sweden's"; stripping "s" as a character made "Sweden" "weden")
    return key in names or key in cities or (key.upper() == key and key.lower() in cities)


def is_country(name: str) -> bool:
    """True for a country's name ("Japan", "the Philippines"), not a city or a region.

    >>> is_country("Japan"), is_country("Montreal")
    (True, False)
    """
    return name.lower().strip(" .,") in _gazetteer()[0]


def currency_of(country: str | None) -> str | None:
    return _gazetteer()[2].get(country or "") or None
