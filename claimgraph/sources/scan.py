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


def _word(ch: str) -> bool:
    """What ``\\w`` matches in a str pattern."""
    return ch.isalnum() or ch == "_"


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_GROUP_NAME = re.compile(r"\(\?P(?:<\w+>|=\w+\))")


def _caseless_safe(source: str) -> bool:
    """Whether a pattern compiled from ``source`` with ``re.IGNORECASE`` finds, in an ASCII text, the spans the
    pattern compiled without it finds in the lower-cased text: no upper-case letter in it (escapes aside, which
    name classes, assertions or back-references), no escape that spells a character by its code, and no non-ASCII
    character that matches an ASCII letter when case is ignored (the Kelvin sign, the long s)."""
    if any(m.group(1) in "xuUN01234567" for m in _ESCAPE.finditer(source)):
        return False
    bare = _ESCAPE.sub("", _GROUP_NAME.sub("", source))
    if any("A" <= ch <= "Z" for ch in bare):
        return False
    return not any(not ch.isascii() and re.fullmatch(re.escape(ch), letter, re.IGNORECASE)
                   for ch in set(bare) for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _led(source: str, flags: int) -> bool:
    """Whether the engine scans for the first characters of ``source`` (a literal prefix or a set of first
    characters; read from the engine's own compiler, and False where it cannot be read)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(source, flags)
        prefix = _compiler._get_literal_prefix(parsed, flags)[0]
        return bool(prefix or _compiler._get_charset_prefix(parsed, flags))
    except Exception:  # another Python's engine: no fast path, the same answers
        return False


class Scanner:
    """``pattern.finditer(text)``, with the same matches (spans and groups), found faster where the pattern allows:

    * a leading ``\\b`` is left out of the scanned pattern and checked on each match (a pattern that starts with its
      first characters is scanned for them; one that starts with an assertion is tried at every position);
    * a pattern compiled with ``re.IGNORECASE`` whose letters are all lower case (:func:`_caseless_safe`) is scanned
      case-sensitively in the lower-cased text when the text is ASCII (the same spans), and each match is taken
      again from the text itself at its start (so groups hold the text as written).

    ``finditer(text, lower)`` takes ``text.lower()`` from the caller, who often has it already.

    >>> p = re.compile(r"\\b(?:per\\s+quarter|the\\s+quarter)\\b", re.IGNORECASE)
    >>> text = "Per quarter, not xthe quarter; THE  QUARTER"
    >>> [m.group(0) for m in Scanner(p).finditer(text, text.lower())] == [m.group(0) for m in p.finditer(text)]
    True
    >>> Scanner(re.compile(r"\\bab|c")).lead, Scanner(re.compile(r"\\b(?:ab|c)")).lead
    (False, True)
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        source, flags = pattern.pattern, pattern.flags
        self.caseless = bool(flags & re.IGNORECASE) and not flags & re.VERBOSE and _caseless_safe(source)
        fast_flags = flags & ~re.IGNORECASE if self.caseless else flags
        # a leading \b that guards the whole pattern (not only its first branch), left out only when the rest then
        # starts with its first characters: else the \b is the cheapest test at each position
        self.lead = source.startswith(r"\b") and not flags & (re.VERBOSE | re.ASCII) \
            and len(top_level_branches(source[2:])) == 1 and _led(source[2:], fast_flags)
        self.fast = re.compile(source[2:] if self.lead else source, fast_flags) if self.lead or self.caseless else None
        if self.fast is not None and self.fast.match("") is not None:
            self.fast, self.lead = None, False  # a pattern that can match nothing is left to the engine's own rules

    def finditer(self, text: str, lower: str) -> Iterator[re.Match[str]]:
        if self.fast is None or (self.caseless and not text.isascii()):
            return self.pattern.finditer(text)
        return iter(self._scan(text, lower if self.caseless else text))

    def _scan(self, text: str, hay: str) -> list[re.Match[str]]:
        search, out, pos, n = self.fast.search, [], 0, len(hay)  # type: ignore[union-attr]
        while (m := search(hay, pos)) is not None:
            start = m.start()
            if self.lead and (start > 0 and _word(hay[start - 1])) == (start < n and _word(hay[start])):
                pos = start + 1  # no word boundary here: the pattern's scan goes on at the next character
                continue
            if self.caseless:
                again = self.pattern.match(text, start)
                if again is None or again.end() != m.end():  # cannot happen (see _caseless_safe); the plain scan
                    return list(self.pattern.finditer(text))
                m = again
            out.append(m)
            pos = m.end()
        return out
