"""Faster scanning with the same answers: factored alternations and cheap pre-checks.

Python's regex engine tries every branch of an alternation at every position it reaches. An alternation of many
literal phrases (the metric vocabulary, the registry's names and tickers) is much faster when its branches are
grouped by their first character: branches that start with different characters cannot match at the same
position, and the order inside each group is kept, so the first branch that matches is the one the flat
alternation would have picked.

>>> print(first_char_alternation([("net income", r"net\\s+income"), ("revenue", "revenue"), ("net", "net")]))
n(?:et\\s+income|et)|r(?:evenue)
>>> import re
>>> flat = re.compile("Ab|A|B")
>>> grouped = re.compile(first_char_alternation([("Ab", "Ab"), ("A", "A"), ("B", "B")]))
>>> [m.group(0) for m in flat.finditer("AbAB")] == [m.group(0) for m in grouped.finditer("AbAB")]
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def first_char_alternation(branches: Iterable[tuple[str, str]], *, ignore_case: bool = False) -> str:
    """One alternation of ``branches`` (``(literal, regex)`` pairs, in priority order), factored by the literal's
    first character. Each regex must start with that character, escaped (``re.escape(literal[0])``); a branch
    whose first character is not a letter or a digit is kept as it is. With ``ignore_case`` the grouping is by the
    lower-case character (for patterns compiled with ``re.IGNORECASE``)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for literal, regex in branches:
        first = (literal[0].lower() if ignore_case else literal[0]) if literal else ""
        groups.setdefault(first, []).append((literal, regex))
    out: list[str] = []
    for first, members in groups.items():
        heads = [re.escape(literal[:1]) for literal, _ in members]
        if first and first.isascii() and first.isalnum() and all(r.startswith(h) and h == heads[0]
                                                       for (_, r), h in zip(members, heads, strict=True)):
            head = heads[0]
            out.append(head + "(?:" + "|".join(r[len(head):] for _, r in members) + ")")
        else:
            out.extend(r for _, r in members)
    return "|".join(out)


def any_word(low: str, words: Iterable[str]) -> bool:
    """Whether lower-cased text ``low`` contains one of ``words`` (a pre-check before a regex that needs one)."""
    return any(map(low.__contains__, words))  # map: no Python frame per word


def top_level_branches(alternation: str) -> list[str]:
    """The branches of a regex alternation at its top level (``a|b(?:c|d)`` is ``a`` and ``b(?:c|d)``).

    >>> top_level_branches(r"spokes(?:man|woman)|Mr\\.?|[|]x")
    ['spokes(?:man|woman)', 'Mr\\\\.?', '[|]x']
    """
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(alternation):
        ch = alternation[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(alternation[start:i])
            start = i + 1
        i += 1
    out.append(alternation[start:])
    return out


def factored(alternation: str) -> str:
    """``alternation`` (a regex) factored by first character (see :func:`first_char_alternation`) when every
    branch starts with a required literal character; else ``alternation`` unchanged.

    >>> print(factored(r"USD|US\\$|\\$US|\\$|Rs\\.?"))
    U(?:SD|S\\$)|\\$US|\\$|R(?:s\\.?)
    >>> factored(r"a|\\d+") == r"a|\\d+", factored(r"s?x|y") == r"s?x|y"
    (True, True)
    """
    branches = []
    for b in top_level_branches(alternation):
        if b[:1] == "\\" and len(b) > 1 and not b[1].isalnum():
            first, rest = b[1], b[2:]
        elif b[:1] and b[0] not in "\\()[].^$*+?{|":
            first, rest = b[0], b[1:]
        else:
            return alternation
        if rest[:1] in ("*", "?", "{"):
            return alternation
        branches.append((first, b))
    return first_char_alternation(branches)


class LeadGuarded:
    """The matches of ``(?<![\\w<extra>])PATTERN`` (or ``\\bPATTERN`` when every match starts with a word
    character), found faster: the pattern is compiled without its leading guard, so that it starts with its
    first characters and the engine jumps from one to the next, and the guard is checked on each match; where it
    fails, the search goes on one character later, as the guarded pattern's scan would.

    >>> guarded = LeadGuarded(r"(?<![\\w&])", r"(Acme|Beta)(?![\\w&])", "&")
    >>> [m.span() for m in guarded.finditer("Acme, &Acme, XAcme Beta")]
    [(0, 4), (19, 23)]
    >>> [m.span() for m in guarded.finditer("Acme, &Acme, XAcme Beta")] == \\
    ...     [m.span() for m in re.finditer(r"(?<![\\w&])(Acme|Beta)(?![\\w&])", "Acme, &Acme, XAcme Beta")]
    True
    """

    def __init__(self, guard: str, rest: str, extra: str = "", flags: int = 0) -> None:
        self.guarded = re.compile(guard + rest, flags)  # the pattern it stands for (for tests and fallbacks)
        self.pattern = re.compile(rest, flags)
        self.extra = extra
        assert self.pattern.match("") is None, "a match may not be empty"

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        search, extra, pos = self.pattern.search, self.extra, 0
        while (m := search(text, pos)) is not None:
            start = m.start()
            if start and ((before := text[start - 1]).isalnum() or before == "_" or before in extra):
                pos = start + 1
                continue
            yield m
            pos = m.end()
