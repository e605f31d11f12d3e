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
from typing import Any


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
    """Whether lower-cased text ``low`` contains one of ``words`` (a pre-check before a regex that needs one).

    >>> any_word("a quarterly loss", ("year", "quarter", "ytd", "fy", "h1", "h2")), any_word("loss", ("year",))
    (True, False)
    """
    if type(words) is tuple and len(words) >= _MANY:
        scan = _WORD_SCANS.get(id(words))
        if scan is not None and scan[0] is words:
            return scan[1].search(low) is not None
        if len(_WORD_SCANS) < 256:  # (the tuple is kept with its pattern, so its id is not reused)
            _WORD_SCANS[id(words)] = (words, re.compile(first_char_alternation((w, re.escape(w)) for w in words)))
    return any(map(low.__contains__, words))  # map: no Python frame per word


# a tuple of this many words or more is looked for with one scan (its words by first character) rather than one
# substring test per word
_MANY = 6
_WORD_SCANS: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}


class WordGroups:
    """Which of several groups of words a text contains (a group: any of its words, as a substring), all groups
    found in one scan of the text: the engine jumps between the words' first characters, and at each one a
    look-ahead takes the longest word there; every word that starts at the same place is a prefix of that one, so
    its groups are known from it. A group is looked for in the lower-cased text, or (``cased``) in the text as
    written. Words that start with neither a letter nor a digit (" to ", "-") are each looked for as a substring.
    In ASCII text (most), the words of letters and digits are found inside the text's runs of letters and digits
    instead (the groups each run holds, remembered per run; a scan that stops at nearly every letter costs more), the
    others as substrings.

    >>> g = WordGroups([(("q1", "q2"), False), (("quarter",), False), (("ended", "end"), False), (("Jan",), True)])
    >>> g.present("Q1 ended in January", "q1 ended in january"), g.present("the quarterly end", "the quarterly end")
    ([True, False, True, True], [False, True, True, False])
    """

    def __init__(self, groups: list[tuple[tuple[str, ...], bool]]) -> None:
        self.size = len(groups)
        self.groups = groups
        self.scans: list[tuple[bool, re.Pattern[str], dict[str, tuple[int, ...]]]] | None = None  # (on first use)
        # the words that start with neither a letter nor a digit (" to ", "-"), each looked for as a substring: in the
        # scan, a first character as common as a space makes it stop at every word (about 4x slower on sentences)
        self.literals: list[tuple[bool, str, tuple[int, ...]]] = []
        # the same as bit masks (bit n: group n), for :meth:`mask`
        self._mask_scans: list[tuple[bool, re.Pattern[str], dict[str, int]]] = []
        self._mask_literals: list[tuple[bool, str, int]] = []
        # for ASCII text: the words made of letters and digits only lie inside one run of them (a token) where they
        # occur; the groups each token holds a word of (remembered: texts share most tokens); the other words ("six
        # month", "q/q", " to ", "-"), each looked for as a substring
        self._other_words: list[tuple[bool, str, int]] = []
        self._token_bits: dict[str, int] = {}

    def _build(self) -> list[tuple[bool, re.Pattern[str], dict[str, tuple[int, ...]]]]:
        groups, scans = self.groups, []
        for cased in (False, True):
            numbers = [n for n, (_, c) in enumerate(groups) if c == cased]
            words = sorted({w for n in numbers for w in groups[n][0]}, key=lambda w: (-len(w), w))
            self.literals += [(cased, w, tuple(n for n in numbers if w in groups[n][0]))
                              for w in words if not w[0].isalnum()]
            words = [w for w in words if w[0].isalnum()]  # (a word and the words it starts with share a first character)
            if not words:
                continue
            # the groups of each word: those with a word it starts with (itself among them)
            of = {w: tuple(n for n in numbers if any(w.startswith(x) for x in groups[n][0])) for w in words}
            first = "".join(dict.fromkeys(re.escape(w[0]) for w in words))
            alternation = first_char_alternation((w, re.escape(w)) for w in words)  # longest first at each place
            scans.append((cased, re.compile(f"[{first}](?<=(?=({alternation}))(?s:.))"), of))
        self._mask_scans = [(cased, scan, {w: _bits(ns) for w, ns in of.items()}) for cased, scan, of in scans]
        self._mask_literals = [(cased, w, _bits(ns)) for cased, w, ns in self.literals]
        for cased in (False, True):
            for w in dict.fromkeys(w for group_words, c in groups if c == cased for w in group_words):
                if not (w.isascii() and w.isalnum()):
                    self._other_words.append((cased, w, _bits(n for n, (ws, c) in enumerate(groups)
                                                              if c == cased and w in ws)))
        return scans

    def present(self, text: str, lower: str) -> list[bool]:
        """For each group, whether ``text`` (``lower``: ``text.lower()``) contains one of its words."""
        if self.scans is None:
            self.scans = self._build()
        bits = self.mask(text, lower)
        return [bool(bits >> n & 1) for n in range(self.size)]

    def mask(self, text: str, lower: str) -> int:
        """:meth:`present` as one number: bit ``n`` is set when ``text`` contains a word of group ``n``."""
        if self.scans is None:
            self.scans = self._build()
        if text.isascii():
            return self._token_mask(text, lower)
        bits = 0
        for cased, scan, of in self._mask_scans:
            for word in scan.findall(text if cased else lower):
                bits |= of[word]
        for cased, word, group_bits in self._mask_literals:
            if word in (text if cased else lower):
                bits |= group_bits
        return bits


    def _token_mask(self, text: str, lower: str) -> int:
        """:meth:`mask` for ASCII text: a word of letters and digits lies inside one run of them in ``text`` (in
        ``lower``, the same runs in lower case), so the groups of the words inside each run (remembered per run) and
        of the other words found as substrings are the groups of the words the text holds."""
        bits, known = 0, self._token_bits
        for token in text.translate(_TOKEN_SPLIT).split():  # (the runs of letters and digits; 1.5x faster than findall)
            found = known.get(token)
            if found is None:
                found = self._bits_in(token)
                if len(known) < 65536:
                    known[token] = found
            bits |= found
        for cased, word, group_bits in self._other_words:
            if bits & group_bits != group_bits and word in (text if cased else lower):
                bits |= group_bits
        return bits

    def _bits_in(self, token: str) -> int:
        """The groups of the words of letters and digits inside ``token`` (the scan of :meth:`mask`, over it)."""
        low, bits = token.lower(), 0
        for cased, scan, of in self._mask_scans:
            for word in scan.findall(token if cased else low):
                bits |= of[word]
        return bits


_TOKEN = re.compile(r"[A-Za-z0-9]+")
# every ASCII character but the letters and digits to a space: ``text.translate(_TOKEN_SPLIT).split()`` is
# ``_TOKEN.findall(text)`` for ASCII text
_TOKEN_SPLIT = str.maketrans({chr(c): " " for c in range(128) if not _TOKEN.fullmatch(chr(c))})


def _bits(numbers: Iterable[int]) -> int:
    return sum(1 << n for n in set(numbers))


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

    def __init__(self, guard: str, rest: str, extra: str = "", flags: int = 0, *, needs: str | None = None) -> None:
        self.guarded = re.compile(guard + rest, flags)  # the pattern it stands for (for tests and fallbacks)
        self.pattern = re.compile(rest, flags)
        self.extra = extra
        # what every match contains, looked for first (a pattern led by a literal: a fast scan)
        self.needs = re.compile(needs, flags) if needs else None
        assert self.pattern.match("") is None, "a match may not be empty"

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.needs is not None and self.needs.search(text) is None:
            return
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


# the pieces of a pattern's text whose letters are not letters to match: escapes ("\S", "\N{...}"), group names
# ("(?P<Y>", "(?P=Y)", "(?(Y)"), inline flags ("(?L)", "(?i:")
_NOT_LETTERS = re.compile(r"\\N\{[^}]*\}|\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?\(\w+\)|\(\?[aiLmsux-]+[:)]", re.DOTALL)


def lower_letters(source: str, flags: int) -> str | None:
    """``source`` (a pattern compiled with ``flags``, which ignore case) with its letters to match in lower case:
    it matches what ``source`` matches. None where a class holds a range that lower-casing could change (one with
    an upper-case end, "A-z", or with letters inside and other ends, "!-_"), or where the text does not parse.

    >>> lower_letters("(?P<fiscal>FY)?Q(?P<Y>x)(?i:X)[A-Z]", re.IGNORECASE), lower_letters("[A-z]x", re.IGNORECASE)
    ('(?P<fiscal>fy)?q(?P<Y>x)(?i:x)[a-z]', None)
    """
    if re.search(r"\(\?[aiLmsux]*-[msx]*i", source):
        return None  # a part that heeds case ("(?-i:X)")
    out, pos = [], 0
    for m in _NOT_LETTERS.finditer(source):
        out += [source[pos:m.start()].lower(), m.group(0)]
        pos = m.end()
    out.append(source[pos:].lower())
    lowered = "".join(out)
    if lowered == source:
        return source  # nothing to lower (whether it may be scanned in lower-cased text is _caseless_safe's to say)
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        ranges = list(_class_ranges(_parser.parse(source, flags), _constants))
        _parser.parse(lowered, flags)
    except Exception:  # another Python's engine: left as it is
        return None
    for lo, hi in ranges:
        ends = chr(lo) + chr(hi)
        if any(chr(c).isascii() and chr(c).isalpha() for c in range(lo, hi + 1)) \
                and not (ends.isascii() and ends.isalpha() and (ends.islower() or ends.isupper())):
            return None
    return lowered


def _class_ranges(node: object, constants: Any) -> Iterator[tuple[int, int]]:
    """The ``(low, high)`` ranges of every character class in a parsed pattern (``re._parser``'s tree)."""
    if isinstance(node, (list, tuple)) or type(node).__name__ == "SubPattern":
        items = list(node)  # type: ignore[call-overload]
        if len(items) == 2 and items[0] is constants.IN:
            yield from (av for op, av in items[1] if op is constants.RANGE)
            return
        for item in items:
            yield from _class_ranges(item, constants)


# a leading negative look-behind for a word character or one of a few others ("(?<![\w&-])"): group 1 holds the
# others (no range, no escape, no negation; a "-" only last)
_GUARD = re.compile(r"\(\?<!\[\\w([^\]\\^\[-]*-?)\]\)")


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


class _Unknown(Exception):
    """A pattern whose first characters :func:`_starts` does not read."""


def _starts(items: Any, c: Any) -> tuple[list[tuple[Any, Any]], bool]:
    """The character-class items (``re._parser``'s) that a match of the sequence ``items`` can start with, and
    whether the sequence can match nothing."""
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # (zero-width)
        if op is c.LITERAL:
            return [*out, (op, av)], False
        if op is c.IN:
            if any(o is c.NEGATE or (o is c.CATEGORY and a not in (c.CATEGORY_DIGIT, c.CATEGORY_SPACE))
                   for o, a in av):
                raise _Unknown  # a negated class or \w: (nearly) any character
            return [*out, *av], False
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            subs, can_be_empty = [av[3]], False
        elif op is c.BRANCH:
            subs, can_be_empty = list(av[1]), False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            subs, can_be_empty = [av[2]], av[0] == 0
        elif op is c.ATOMIC_GROUP:
            subs, can_be_empty = [av], False
        else:
            raise _Unknown
        for sub in subs:
            found, empty = _starts(list(sub), c)
            out += found
            can_be_empty = can_be_empty or empty
        if not can_be_empty:
            return out, False
    return out, True


def spelled_out(source: str, flags: int = 0, *, limit: int = 500) -> list[str] | None:
    """Every string a pattern of phrases matches, read from the engine's parse of it: its literals, classes of
    literal characters, optional parts, groups and alternations written out, a run of whitespace (``\\s+``) as one
    space, look-arounds left out (so a string may be listed that the pattern refuses in some context, never the
    reverse). None for a pattern with any other part (an open repeat, a class such as ``\\w``) or more than ``limit``
    strings.

    >>> spelled_out(r"no[t]?\\s+more\\s+than|approx\\.?")
    ['no more than', 'not more than', 'approx', 'approx.']
    >>> spelled_out(r"\\w+") is None
    True
    """
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        return _spell(list(_parser.parse(source, flags)), _constants, limit)
    except (_Unknown, re.error, RecursionError, AttributeError, ImportError):
        return None


def _spell(items: list[tuple[Any, Any]], c: Any, limit: int) -> list[str]:
    outs = [""]
    for op, av in items:
        if op is c.LITERAL:
            parts = [chr(av)]
        elif op is c.IN and all(iop is c.LITERAL for iop, _ in av):
            parts = [chr(iav) for _, iav in av]
        elif op is c.SUBPATTERN:
            parts = _spell(list(av[3]), c, limit)
        elif op is c.BRANCH:
            parts = [s for alt in av[1] for s in _spell(list(alt), c, limit)]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and list(av[2]) == [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])] \
                and av[0] >= 1:
            parts = [" "]  # (\s+: a run of whitespace, as one space)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            parts = ["", *_spell(list(av[2]), c, limit)]
        elif op in (c.ASSERT, c.ASSERT_NOT):
            continue  # (a look-around: the strings it refuses are kept)
        else:
            raise _Unknown
        outs = [o + p for o in outs for p in parts]
        if len(outs) > limit:
            raise _Unknown
    return outs


def _class_text(item: tuple[Any, Any], c: Any) -> str:
    op, av = item
    if op is c.LITERAL:
        return re.escape(chr(av))
    if op is c.RANGE:
        return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
    return r"\d" if av is c.CATEGORY_DIGIT else r"\s"


def start_finder(source: str, flags: int) -> re.Pattern[str] | None:
    """A pattern whose matches (one character each) start where ``source`` matches, found by a fast scan: it starts
    with the set of characters a match of ``source`` can start with (the engine jumps between them), and tries
    ``source`` only there, in a look-ahead. None where those characters cannot be read, include any word character
    or include nothing (a pattern that can match nothing). A pattern with a conditional on a group (``(?(name)...)``,
    which cannot stand in a look-behind) is looked ahead for only up to it: a place found then may hold no match of
    ``source`` (the caller tries it there), but every match starts at one.

    >>> f = start_finder(r"\\b(?:the\\s+)?(?:full|whole)\\b|\\bfy\\b", 0)
    >>> f.pattern[:8], [m.start() for m in f.finditer("for the full year, fy, xfy")]
    ('[tfw](?<', [4, 8, 19])
    >>> start_finder(r"\\b\\w+", 0) is None
    True
    """
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        found, empty = _starts(list(_parser.parse(source, flags)), _constants)
        if empty or not found:
            return None
        first = "".join(dict.fromkeys(_class_text(i, _constants) for i in found))
        return _finder(first, source, flags)
    except (_Unknown, re.error, RecursionError, AttributeError, ImportError):
        return None


def ascii_start_finder(source: str, flags: int) -> re.Pattern[str] | None:
    """:func:`start_finder` for a pattern compiled with ``re.IGNORECASE`` that cannot be scanned in lower-cased text
    (a part of it heeds case: ``(?-i:One|Two)``), for ASCII text only: its first characters in both cases, found
    case-sensitively (a case-blind class of letters is no fast scan), the pattern looked ahead for case-blind.

    >>> f = ascii_start_finder(r"\\b(?:year|quarter)\\s+ended\\s+(?-i:May)", re.IGNORECASE)
    >>> f.pattern[:8], [m.start() for m in f.finditer("Year ended May, QUARTER ended May, year ended may")]
    ('[QYqy](?', [0, 16])
    """
    if not flags & re.IGNORECASE or flags & (re.VERBOSE | re.LOCALE):
        return None
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        found, empty = _starts(list(_parser.parse(source, flags)), _constants)
        if empty or not found:
            return None
        blind = re.compile("[" + "".join(dict.fromkeys(_class_text(i, _constants) for i in found)) + "]", flags)
        first = "".join(re.escape(chr(c)) for c in range(128) if blind.match(chr(c)))
        return _finder(first, source, flags & ~re.IGNORECASE, "(?i:", ")") if first else None
    except (_Unknown, re.error, RecursionError, AttributeError, ImportError):
        return None


def _finder(first: str, source: str, flags: int, before: str = "", after: str = "") -> re.Pattern[str]:
    try:
        return re.compile(f"[{first}](?<=(?={before}{source}{after})(?s:.))", flags)
    except re.error:
        # (a conditional cannot stand in a look-behind: the part before it, which every match starts with; a cut that
        # is not at the top level leaves a group open, and the engine refuses it)
        cut = source.find("(?(")
        if cut <= 0:
            raise
        return re.compile(f"[{first}](?<=(?={before}{source[:cut]}{after})(?s:.))", flags)


_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")  # at a pattern's start: flags for the whole pattern


class Scanner:
    """``pattern.finditer(text)``, with the same matches (spans and groups), found faster where the pattern allows:

    * a leading ``\\b`` is left out of the scanned pattern and checked on each match (a pattern that starts with its
      first characters is scanned for them; one that starts with an assertion is tried at every position);
    * a pattern compiled with ``re.IGNORECASE`` is scanned with its letters in lower case (:func:`lower_letters`,
      :func:`_caseless_safe`) case-sensitively in the lower-cased text when the text is ASCII (the same spans), and
      each match is taken again from the text itself at its start (so groups hold the text as written).

    ``finditer(text, lower)`` takes ``text.lower()`` from the caller, who often has it already (and ``pos``, where
    the scan starts, as ``pattern.finditer`` does). ``lead=False`` keeps
    the guard in the scanned pattern (for a pattern whose first characters are most letters, as a vocabulary's:
    the guard then fails faster inside words than a scan that stops at every letter).

    >>> p = re.compile(r"\\b(?:per\\s+quarter|the\\s+quarter)\\b", re.IGNORECASE)
    >>> text = "Per quarter, not xthe quarter; THE  QUARTER"
    >>> [m.group(0) for m in Scanner(p).finditer(text, text.lower())] == [m.group(0) for m in p.finditer(text)]
    True
    >>> Scanner(re.compile(r"\\bab|c")).lead, Scanner(re.compile(r"\\b(?:ab|c)")).lead
    (False, True)
    >>> g = Scanner(re.compile(r"(?<![\\w&-])(?:acme|beta)(?![\\w&-])", re.IGNORECASE))
    >>> g.lead, g.caseless, g.extra, [m.group(0) for m in g.finditer("ACME, &Acme, -beta Beta", "acme, &acme, -beta beta")]
    (True, True, '&-', ['ACME', 'Beta'])
    """

    caseless: bool
    extra: str | None
    lead: bool
    fast: re.Pattern[str] | None
    finder: re.Pattern[str] | None
    ascii_finder: re.Pattern[str] | None

    def __init__(self, pattern: re.Pattern[str], *, lead: bool = True) -> None:
        self.pattern = pattern
        self._may_lead = lead  # (the rest is worked out on first use: importing a module costs nothing)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("pattern", "_may_lead"):
            raise AttributeError(name)
        self._setup()
        return object.__getattribute__(self, name)

    def _setup(self) -> None:
        pattern, lead = self.pattern, self._may_lead
        flags = pattern.flags
        source = _GLOBAL_FLAGS.sub("", pattern.pattern, count=1)  # ("(?i)\b..."; the flags hold them)
        # ("FY" and "fy" are one when case is ignored: the letters in lower case, for the scan in lower-cased text)
        lowered = lower_letters(source, flags) if flags & re.IGNORECASE and not flags & re.VERBOSE else None
        caseless = bool(flags & re.IGNORECASE) and not flags & re.VERBOSE and _caseless_safe(lowered or source)
        source = lowered if caseless and lowered else source
        fast_flags = flags & ~re.IGNORECASE if caseless else flags
        # a leading \b or (?<![\w...]) that guards the whole pattern (not only its first branch), left out only when
        # the rest then starts with its first characters: else the guard is the cheapest test at each position
        guard = _GUARD.match(source)
        self.caseless = caseless
        self.extra = None if guard is None else guard.group(1) or ""  # None: a \b
        rest = source[guard.end():] if guard else source[2:]
        self.lead = lead and (guard is not None or source.startswith(r"\b")) and not flags & (re.VERBOSE | re.ASCII) \
            and len(top_level_branches(rest)) == 1 and _led(rest, fast_flags)
        self.fast = re.compile(rest if self.lead else source, fast_flags) if self.lead or self.caseless else None
        if self.fast is not None and self.fast.match("") is not None:
            self.fast, self.lead = None, False  # a pattern that can match nothing is left to the engine's own rules
        # a pattern tried at every position (no leading characters to scan for): scanned for by its first characters,
        # and tried (in a look-ahead, without leaving the engine) only where one is
        self.finder = start_finder(source, fast_flags) if lead and not self.lead and not fast_flags & (
            re.IGNORECASE | re.VERBOSE | re.LOCALE) and (self.fast is not None or not self.caseless) else None
        if self.finder is not None and self.fast is None:
            self.fast = self.pattern
        # a case-blind pattern with a part that heeds case: for ASCII text, its first characters in both cases
        self.ascii_finder = ascii_start_finder(source, flags) if lead and self.fast is None else None

    def finditer(self, text: str, lower: str, pos: int = 0) -> Iterator[re.Match[str]]:
        if self.fast is None or (self.caseless and not text.isascii()):
            if self.ascii_finder is not None and text.isascii():
                return iter(self._hop(text, text, pos, finder=self.ascii_finder))
            return self.pattern.finditer(text, pos)
        return iter(self._scan(text, lower if self.caseless else text, pos))

    def search(self, text: str, lower: str) -> re.Match[str] | None:
        """``pattern.search(text)``: the first match."""
        if self.fast is None or (self.caseless and not text.isascii()):
            if self.ascii_finder is not None and text.isascii():
                found = self._hop(text, text, 0, first=True, finder=self.ascii_finder)
                return found[0] if found else None
            return self.pattern.search(text)
        found = self._scan(text, lower if self.caseless else text, 0, first=True)
        return found[0] if found else None

    def _scan(self, text: str, hay: str, begin: int, first: bool = False) -> list[re.Match[str]]:
        if self.finder is not None:
            return self._hop(text, hay, begin, first)
        search, out, pos, n = self.fast.search, [], begin, len(hay)  # type: ignore[union-attr]
        while (m := search(hay, pos)) is not None:
            start = m.start()
            if self.lead and (
                    (start > 0 and _word(hay[start - 1])) == (start < n and _word(hay[start])) if self.extra is None
                    else start > 0 and (_word(hay[start - 1]) or hay[start - 1] in self.extra)):
                pos = start + 1  # the guard fails here: the pattern's scan goes on at the next character
                continue
            if self.caseless and (m := self._as_written(text, m)) is None:  # (cannot happen): the plain scan
                return list(self.pattern.finditer(text, begin))
            out.append(m)
            if first:
                break
            pos = m.end()
        return out

    def _as_written(self, text: str, m: re.Match[str]) -> re.Match[str] | None:
        """The match found in the lower-cased text taken again from ``text`` (its groups as written); None where
        the two differ, which :func:`_caseless_safe` rules out."""
        again = self.pattern.match(text, m.start())
        return again if again is not None and again.end() == m.end() else None

    def _hop(self, text: str, hay: str, begin: int, first: bool = False,
             finder: re.Pattern[str] | None = None) -> list[re.Match[str]]:
        if finder is not None:  # (the ASCII finder of a case-blind pattern: the pattern itself, in the text)
            find, match, where = finder.search, self.pattern.match, hay
        elif self.caseless:
            # (a place found in the lower-cased text: the case-blind pattern matched there in the text as written, once,
            # as _as_written would after the lower-case pattern: in ASCII text the two match the same spans)
            find, match, where = self.finder.search, self.pattern.match, text  # type: ignore[union-attr]
        else:
            find, match, where = self.finder.search, self.fast.match, hay  # type: ignore[union-attr]
        out, pos = [], begin
        while (at := find(hay, pos)) is not None:
            start = at.start()
            if (m := match(where, start)) is None:  # (a finder cut before a conditional: no match here)
                pos = start + 1
                continue
            out.append(m)
            if first:
                break
            pos = m.end()
        return out


def literal_starts(pattern: re.Pattern[str], *, limit: int = 200) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``pattern`` starts with (zero-width assertions aside), read from
    the engine's parse of it: the literal characters it opens on, through groups and alternations, to the first
    part that is not a literal. None where that cannot be read, where a branch opens on no literal, or for a pattern
    with flags that change what a literal matches (case, verbose). A string that starts with another is left out.

    >>> literal_starts(re.compile(r"\\b(?:analysts?|chief\\s+executive|Mr\\.?|(?:bid|offer)\\s+for)[ \\t]+[A-Z]"))
    ('analyst', 'chief', 'Mr', 'bid', 'offer')
    >>> literal_starts(re.compile(r"\\b(?:a|\\w+)x")), literal_starts(re.compile("(?i)acme"))
    (None, None)
    """
    if pattern.flags & (re.IGNORECASE | re.VERBOSE | re.LOCALE):
        return None
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        runs = _runs(list(_parser.parse(pattern.pattern, pattern.flags)), _constants, limit)
    except (_Unknown, re.error, RecursionError, AttributeError, ImportError):
        return None
    if not runs or any(not r for r in runs):
        return None
    kept = [r for r in dict.fromkeys(runs) if not any(o != r and r.startswith(o) for o in runs)]
    return tuple(kept)


def _runs(items: list[tuple[Any, Any]], c: Any, limit: int) -> list[str]:
    """The literal prefixes of the sequence ``items`` (see :func:`literal_starts`)."""
    prefix = ""
    for i, (op, av) in enumerate(items):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # (zero-width: the match starts at the same place)
        if op is c.LITERAL:
            prefix += chr(av)
            continue
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            alternatives = [list(av[3])]
        elif op is c.BRANCH:
            alternatives = [list(alt) for alt in av[1]]
        elif op is c.IN and len(av) <= 4 and all(o is c.LITERAL and chr(v).isalnum() for o, v in av):
            alternatives = [[item] for item in av]  # (a class of a few letters, "[Rr]": each of them)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            alternatives = [list(av[2]), []]  # (an optional part: with it and without it)
        else:
            break
        out: list[str] = []
        for alt in alternatives:
            try:
                found = _runs(alt + items[i + 1:], c, limit)
            except _Unknown:
                found = []  # (read no further than ``prefix``: every match still starts with it)
            if not found or any(not r for r in found):  # (an alternative that opens on no literal)
                if not prefix:
                    raise _Unknown
                return [prefix]
            out += found
            if len(out) > limit:
                raise _Unknown
        return [prefix + r for r in out]
    return [prefix]


class CaselessWords:
    """Whether a case-blind pattern can match: every match of it opens on one of its :func:`literal_starts` (read
    from the pattern without its ``re.IGNORECASE``), and in ASCII text a case-blind match of a literal is that
    literal, lower-cased, in the lower-cased text; so an ASCII text (``low``: it lower-cased) holding none of them
    has no match, and is answered without the pattern's scan (a ``\\b``-led case-blind pattern is tried at every
    position). Other text, and a pattern whose starts cannot be read, are scanned.

    >>> w = CaselessWords(re.compile(r"(?i)\\bcall(?:s|ed|ing)?\\s+for\\b"))
    >>> w.words, w.possible("It CALLED FOR calm", "it called for calm"), w.possible("Recall", "recall")
    (('call',), True, True)
    >>> w.search("Analysts expect growth", "analysts expect growth") is None
    True
    """

    def __init__(self, pattern: re.Pattern[str], pos: int = 0) -> None:
        self.pattern = pattern
        source = _GLOBAL_FLAGS.sub("", pattern.pattern, count=1)
        starts = None
        if pattern.flags & re.IGNORECASE and not pattern.flags & re.VERBOSE:
            try:
                starts = literal_starts(re.compile(source, pattern.flags & ~re.IGNORECASE))
            except re.error:
                starts = None
        self.words = tuple(dict.fromkeys(w.lower() for w in starts)) if starts else None

    def possible(self, text: str, low: str) -> bool:
        """Whether the pattern may match in ``text`` (False: it cannot)."""
        return self.words is None or not text.isascii() or any(map(low.__contains__, self.words))

    def search(self, text: str, low: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``; ``low``: ``text.lower()`` (the words are looked for between
        ``pos`` and ``endpos`` only)."""
        end = len(text) if endpos is None else endpos
        if self.words is not None and text.isascii() and not any(low.find(w, pos, end) >= 0 for w in self.words):
            return None
        return self.pattern.search(text, pos, end)



class WindowWords:
    """``pattern.search(text, pos, endpos)`` (and ``finditer``), answered without the pattern where the stretch
    searched holds none of the pattern's :func:`literal_starts`: every match opens on one and lies inside the
    stretch, so a stretch without one has no match. The words are looked for by one search of their alternation (a
    scan the engine makes fast: it tries only where a word's first letter is); for a pattern that ignores case, in
    the lower-cased text when it is ASCII (the latest text lowered is kept: most searches are windows of one
    sentence); other text, words with a non-ASCII letter, and a pattern whose starts cannot be read are searched as
    usual. Made for the windowed searches of the claim stage (a ``\\b``-led pattern searched in the 30 to 200
    characters before a figure, which the engine tries at every position), most of which find nothing; measure
    before using it: for a pattern that fails fast or whose words are common, the test costs more than it spares.

    >>> w = WindowWords(re.compile(r"(?i)\\b(?:customers?|clients?)\\s+(?:with|paying)\\s+$"))
    >>> w.words, w.search("Our clients with $5", 0, 17) is not None, w.search("Revenue was $5", 0, 12)
    (('customer', 'client'), True, None)
    """

    __slots__ = ("caseless", "finder", "pattern", "words")
    _lowered: tuple[str, str] = ("", "")  # (the latest ASCII text searched for words case-blind, lower-cased)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.caseless = bool(pattern.flags & re.IGNORECASE)
        starts = None
        if not pattern.flags & re.VERBOSE:
            try:
                source = _GLOBAL_FLAGS.sub("", pattern.pattern, count=1) if self.caseless else pattern.pattern
                starts = literal_starts(re.compile(source, pattern.flags & ~re.IGNORECASE))
            except re.error:
                starts = None
        if starts and self.caseless:
            starts = tuple(dict.fromkeys(w.lower() for w in starts))
            if not all(w.isascii() for w in starts):
                starts = None
        self.words: tuple[str, ...] | None = starts or None
        self.finder = re.compile(factored("|".join(map(re.escape, starts)))) if starts else None

    def possible(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether the pattern may match between ``pos`` and ``endpos`` of ``text`` (False: it cannot)."""
        finder = self.finder
        if finder is None:
            return True
        end = len(text) if endpos is None else endpos
        if not self.caseless:
            return finder.search(text, pos, end) is not None
        if not text.isascii():
            return True
        lowered = WindowWords._lowered
        if lowered[0] is not text:
            lowered = WindowWords._lowered = (text, text.lower())
        return finder.search(lowered[1], pos, end) is not None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        finder = self.finder  # (``possible``, written out: a call less on a path taken a hundred times an article)
        if finder is not None:
            if not self.caseless:
                if finder.search(text, pos, end) is None:
                    return None
            elif text.isascii():
                lowered = WindowWords._lowered
                if lowered[0] is not text:
                    lowered = WindowWords._lowered = (text, text.lower())
                if finder.search(lowered[1], pos, end) is None:
                    return None
        return self.pattern.search(text, pos, end)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        return self.pattern.finditer(text, pos, end) if self.possible(text, pos, end) else iter(())

class LiteralStarts:
    """``pattern.finditer(text)`` as a list, the same matches (spans and groups), found by trying the pattern only
    where a text has one of :func:`literal_starts` (each looked for with ``str.find``, much faster than the engine's
    scan at every position of a pattern that opens on an assertion or on many branches). A pattern whose starts
    cannot be read is scanned as usual.

    >>> p = re.compile(r"\\b(?:buy|bought|stake\\s+in)[ \\t]+([A-Z]\\w+)")
    >>> t = "to buy Acme, abuy Beta, a stake in Gamma and bought Delta"
    >>> [m.span(1) for m in LiteralStarts(p).finditer(t)] == [m.span(1) for m in p.finditer(t)]
    True
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.starts: tuple[str, ...] | bool | None = False  # (worked out on first use)

    def finditer(self, text: str) -> list[re.Match[str]]:
        if self.starts is False:
            self.starts = literal_starts(self.pattern)
        starts = self.starts
        if not starts or starts is True:
            return list(self.pattern.finditer(text))
        return self._tried(text, starts)

    def _tried(self, text: str, starts: Iterable[str]) -> list[re.Match[str]]:
        """The matches of the pattern tried where ``text`` has one of ``starts`` (every match opens on one)."""
        at: set[int] = set()
        find = text.find
        for word in starts:
            i = find(word)
            while i >= 0:
                at.add(i)
                i = find(word, i + 1)
        out: list[re.Match[str]] = []
        pos, match = 0, self.pattern.match
        for start in sorted(at):
            if start < pos:
                continue
            m = match(text, start)
            if m is None:
                continue
            if m.end() == start:  # (an empty match: the engine's own rules for what follows one)
                return list(self.pattern.finditer(text))
            out.append(m)
            pos = m.end()
        return out


_ASCII_NON_WORD = str.maketrans({c: " " for c in range(128) if not _word(chr(c))})


class WordStarts(LiteralStarts):
    """:class:`LiteralStarts` for a ``\\b``-led pattern whose literal starts open on a word character (a scan of
    role words, verbs or nouns at word starts), for ASCII text: the words of the text that begin with a start's
    leading letters are found first, by one scan led by a space in the text with every other non-word character
    made a space (a space-led scan stops at word starts only; the ``\\b``-led one is tried at every position), and
    only the starts they begin with are looked for with ``str.find`` (about 50 over a whole article cost as much as
    the engine's scan). Every match opens where a word begins (the ``\\b`` before a word character), so a start
    whose leading letters begin no word of the text cannot open one. Other text, and other patterns, as
    :class:`LiteralStarts`.

    >>> p = re.compile(r"\\b(?:analysts?|chief\\s+executive|Mr\\.?|Senator)[ \\t]+([A-Z]\\w+)")
    >>> t = "said analysts Ann Lee, (chief  executive Bo Yu), xMr Al, Senator Jo and Mr. Di; Mr Ed"
    >>> [m.span(1) for m in WordStarts(p).finditer(t)] == [m.span(1) for m in p.finditer(t)]
    True
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        super().__init__(pattern)
        self.words: dict[str, list[tuple[str, str]]] | None = None  # (worked out on first use)
        self.finder: re.Pattern[str] | None = None

    def _words(self) -> dict[str, list[tuple[str, str]]]:
        """Each start with its leading word, by that word's first letter (empty: the pattern is not word-led)."""
        starts = literal_starts(self.pattern)
        source = self.pattern.pattern
        if starts is None or not source.startswith(r"\b") or len(top_level_branches(source)) != 1 \
                or not all(_word(s[0]) for s in starts):
            return {}
        words: dict[str, list[tuple[str, str]]] = {}
        for s in starts:
            word = s[:next((i for i, ch in enumerate(s) if not _word(ch)), len(s))]
            words.setdefault(word[0], []).append((s, word))
        leading = dict.fromkeys(w for group in words.values() for _, w in group)
        self.finder = re.compile(" ((?:" + factored("|".join(map(re.escape, leading))) + r")\w*)")
        return words

    def finditer(self, text: str) -> list[re.Match[str]]:
        if self.words is None:
            self.words = self._words()
        if not self.words or self.finder is None or not text.isascii():
            return super().finditer(text)
        present: list[str] = []
        for token in set(self.finder.findall(" " + text.translate(_ASCII_NON_WORD))):
            present += (s for s, word in self.words[token[0]] if token.startswith(word))
        return self._tried(text, dict.fromkeys(present))


def trie_alternation(branches: Iterable[list[str]]) -> str:
    """One alternation of ``branches`` (each a list of regex tokens, in priority order) as a trie: branches that
    start with the same tokens share them, so the engine reads a shared start once instead of once per branch.

    The same matches as the plain alternation when, as in a vocabulary sorted longest first, a branch that extends
    another comes before it, and tokens that differ at the same place never match the same character (distinct
    literals, or a separator class beside literals it cannot match): then the branches the engine tries at a place
    are tried in their order, and a branch that ends where a longer one goes on is tried after it.

    >>> print(trie_alternation([["n", "e", "t", "[\\\\s-]+", "s"], ["n", "e", "w"], ["n", "e", "t"], ["r"]]))
    n(?:e(?:t(?:[\\s-]+s|)|w))|r
    """
    root: dict[str, Any] = {}
    for tokens in branches:
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node.setdefault("", {})  # (the branch ends here; tried after the longer ones put in before it)
    return _render(root)


def _render(node: dict[str, Any]) -> str:
    parts = [token + (_group(child) if token else "") for token, child in node.items()]
    return "|".join(parts)


def _group(node: dict[str, Any]) -> str:
    if list(node) == [""]:
        return ""
    inner = _render(node)
    return inner if len(node) == 1 and "" not in node and _single_token_chain(node) else f"(?:{inner})"


def _single_token_chain(node: dict[str, Any]) -> bool:
    """Whether ``node`` is one path of tokens without branching (rendered without a group)."""
    while True:
        if len(node) != 1:
            return False
        token, child = next(iter(node.items()))
        if token == "":
            return True
        node = child


class AnchoredSearch:
    """``pattern.search(text)`` for a pattern every match of which holds ``anchor`` (a literal string) at most
    ``lead`` characters after its start: the pattern is tried only at the ``lead + 1`` places before each
    occurrence of the anchor (found with ``str.find``), in order, instead of at every position of the text (a
    case-blind pattern led by ``\\b`` is tried at each; the local dollars' signs took 100-440 us a 5 KB text). The
    lead is read from the pattern (:func:`anchor_lead`); where it cannot be, the pattern's own search runs.

    >>> p = re.compile(r"\\bc\\$|\\bcan\\$|\\$c(?=\\s?\\d)", re.IGNORECASE)
    >>> s = AnchoredSearch(p, "$")
    >>> s.lead, [s.search(t) and s.search(t).span() for t in ("rose to CAN$4", "xc$4 and $C 5", "C$", "$5")]
    (3, [(8, 12), (9, 11), (0, 2), None])
    """

    def __init__(self, pattern: re.Pattern[str], anchor: str) -> None:
        self.pattern = pattern
        self.anchor = anchor
        self.lead = anchor_lead(pattern, anchor)

    def search(self, text: str) -> re.Match[str] | None:
        if self.lead is None:
            return self.pattern.search(text)
        find, match, anchor, lead = text.find, self.pattern.match, self.anchor, self.lead
        tried = 0  # (the places before this one have been tried)
        i = find(anchor)
        while i >= 0:
            for start in range(max(tried, i - lead), i + 1):
                if (m := match(text, start)) is not None:
                    return m
            tried = i + 1
            i = find(anchor, tried)
        return None


def anchor_lead(pattern: re.Pattern[str], anchor: str) -> int | None:
    """How many characters at most come before ``anchor`` in a match of ``pattern``: read from patterns whose every
    top-level branch is ``\\b`` and letters or digits, then the escaped anchor (``\\bcan\\$``), or the escaped anchor
    first (``\\$c(?=\\s?\\d)``); None for any other pattern.

    >>> anchor_lead(re.compile(r"\\bhk\\$|\\bhkd\\$"), "$"), anchor_lead(re.compile(r"\\bhk\\$|x+\\$"), "$")
    (3, None)
    """
    if pattern.flags & re.VERBOSE:
        return None
    escaped, lead = re.escape(anchor), 0
    for branch in top_level_branches(pattern.pattern):
        if branch.startswith(escaped):
            continue
        inner = branch[2:-len(escaped)] if branch.startswith(r"\b") and branch.endswith(escaped) else ""
        if not (inner.isascii() and inner.isalnum()):
            return None
        lead = max(lead, len(inner))
    return lead
