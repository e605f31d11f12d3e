"""Ranges of counts whose unit is written once, after the second number.

"sees fy deliveries 10,200 - 10,400 units", "deliveries of between 10,000 and 10,400 homes": the quantity finder
gives the unit to the number it follows, so the range's low end is left out and the count read as its high end
alone. A count right after another number joined to it by a dash, "to" or "between ... and" is that range.

>>> from claimgraph.sources.quantities import find_quantities
>>> s = "sees fy deliveries 10,200 - 10,400 units."
>>> [(q.text, q.value.low, q.value.high) for q in widen_count_ranges(s, find_quantities(s))]
[('10,200 - 10,400', 10200.0, 10400.0)]
>>> s = "deliveries of between 10,000 and 10,400 homes"
>>> [(q.text, q.value.low, q.value.high) for q in widen_count_ranges(s, find_quantities(s))]
[('between 10,000 and 10,400', 10000.0, 10400.0)]
>>> s = "it sold 2019 - 2,675 units"
>>> [(q.text, q.value.low) for q in widen_count_ranges(s, find_quantities(s))]
[('2,675', 2675.0)]
"""

from __future__ import annotations

import dataclasses
import re

from claimgraph.sources.model import Qualifier, Quantity, Value

# the low end and its joint, right before the count: "10,200 - ", "10,000 to ", "between 10,000 and "
_LOW_BEFORE = re.compile(r"(?:(?P<between>between)\s+)?(?P<low>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
                         r"(?:(?P<dash>[-–—])|to|(?P<and>and))\s*$", re.IGNORECASE)


def widen_count_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with each count that is the high end of a range written with one unit read as the range."""
    if not any(q.kind == "count" for q in quantities):
        return quantities
    out = []
    for q in quantities:
        m = _LOW_BEFORE.search(text, max(0, q.start - 30), q.start) if q.kind == "count" else None
        if m is not None and (m.group("and") is None or m.group("between") is not None) \
                and not any(o is not q and o.start < q.start and o.end > m.start() for o in quantities):
            low = float(m.group("low").replace(",", ""))
            high = q.value.high
            # (a year before a count is no low end: "2019 - 2,675 units"; a range's ends are of about one size)
            if 0 < low < high and high <= 3 * low and not (1900 <= low <= 2100 and "," not in m.group("low")):
                start = m.start()
                value = Value(low=low, high=high, unit=q.value.unit, stated=text[start:q.end],
                              qualifier=Qualifier.RANGE, decimals=q.value.decimals, point=(low + high) / 2)
                q = dataclasses.replace(q, start=start, text=text[start:q.end], value=value)
        out.append(q)
    return out
