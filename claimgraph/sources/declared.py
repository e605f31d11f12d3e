"""What a text declares once for all its figures: the dollar its bare "$" means.

A press release from Canada or Australia states its currency once, in a sentence of its own, and then writes every
amount with a bare "$": "All amounts are in Canadian dollars unless otherwise noted.", "Unless otherwise stated, all
dollar amounts are expressed in Australian dollars." Such a declaration is the article's dollar, whatever its
dateline or the site it comes from says.

>>> declared_dollar("VANCOUVER -- Results for 2019. All amounts are in Canadian dollars unless otherwise noted.")
'CAD'
>>> declared_dollar("Unless otherwise stated, all dollar figures are expressed in A$.")
'AUD'
>>> declared_dollar("(All figures in U.S. dollars unless otherwise indicated)")
'USD'
>>> declared_dollar("The loonie fell against the U.S. dollar. All amounts of aid are in Canadian dollars.") is None
True
"""

from __future__ import annotations

import re

from claimgraph.sources.scan import Scanner

_DOLLARS = {"canadian": "CAD", "c$": "CAD", "cad": "CAD", "cdn$": "CAD", "australian": "AUD", "a$": "AUD",
            "aud": "AUD", "new zealand": "NZD", "nz$": "NZD", "nzd": "NZD", "singapore": "SGD", "s$": "SGD",
            "sgd": "SGD", "hong kong": "HKD", "hk$": "HKD", "hkd": "HKD", "u.s.": "USD", "us": "USD",
            "united states": "USD", "us$": "USD", "usd": "USD", "american": "USD"}
_WHICH = (r"(?:(?P<name>Canadian|Australian|New\s+Zealand|Singapore|Hong\s+Kong|U\.S\.|US|United\s+States|American)"
          r"\s+dollars?|(?P<code>C\$|Cdn\$|A\$|NZ\$|S\$|HK\$|US\$|CAD|AUD|NZD|SGD|HKD|USD)(?![\w$]))")
# "All amounts are in Canadian dollars", "all dollar amounts are expressed in A$", "All figures in U.S. dollars",
# "(in C$ unless otherwise noted)": a declaration about the text's amounts, not about one of them
_DECLARED = re.compile(
    r"(?i)(?:\ball\s+(?:dollar\s+|monetary\s+|currency\s+|financial\s+)?(?:amounts|figures|values|numbers|results"
    r"|information)(?:\s+(?:in\s+this\s+(?:news\s+)?release|herein|contained\s+herein))?\s*,?\s+"
    r"(?:(?:are|is)\s+)?(?:(?:expressed|stated|reported|presented|shown|denominated)\s+)?in"
    r"|\bunless\s+otherwise\s+(?:noted|stated|indicated|specified)\s*,\s*(?:all\s+)?(?:dollar\s+)?"
    r"(?:amounts|figures)\s+(?:are\s+)?(?:(?:expressed|stated|reported|presented)\s+)?in"
    r"|\(\s*in)\s+" + _WHICH + r"(?=[\s,.)]|$)(?P<tail>[^.\n]{0,40})")
# (the same matches, found by their first characters "a", "u", "(" in the lower-cased text: the pattern's scan tried
# every position of the article, 2.8% of a real transcript passage's extraction)
_DECLARED_SCAN = Scanner(_DECLARED)


def declared_dollar(text: str, lower: str | None = None) -> str | None:
    """The dollar that a declaration about all the text's amounts names, else None (see the module docstring). A
    bare "(in C$ ...)" counts only with "unless otherwise" after it. ``lower``: ``text.lower()``, if the caller has it."""
    for m in _DECLARED_SCAN.finditer(text, text.lower() if lower is None else lower):
        if m.group(0).lstrip().startswith("(") and "otherwise" not in m.group("tail").lower():
            continue
        key = " ".join((m.group("name") or m.group("code")).lower().split())
        code = _DOLLARS.get(key)
        if code is not None:
            return code
    return None
