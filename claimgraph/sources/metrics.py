"""The metric vocabulary and the finder of metric mentions in a sentence.

The vocabulary lives in ``data/metrics.toml``. Users add metrics and synonyms
without touching code: a TOML file of the same shape in
``./claimgraph-metrics.toml``, in ``$CLAIMGRAPH_METRICS``, or passed
explicitly is merged over the bundled one (synonyms are appended).

>>> vocab = load_vocabulary()
>>> [(m.metric, m.sign) for m in vocab.mentions("GAAP net loss and adjusted EBITDA margin")]
[('net_income', -1), ('adjusted_ebitda_margin', 1)]
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.sources.scan import Scanner, first_char_alternation, trie_alternation

UNIT_KINDS = {"money", "percent", "power", "ratio", "count", "per_share", "any"}
OTHER = "other"
UNCLASSIFIED = "unclassified"
# an acronym synonym also matches in lower case ("eps" in lower-case summaries) or capitalised ("Ebitda")
_ACRONYM_CASE = re.compile(r"[A-Z]?[a-z]+(?:[\s-]+[a-z]+)*")
# a metric word that describes another measure ("headline earnings per share, the main profit measure in South
# Africa, rose 10.8%"; "a key profit gauge"): no mention of the metric
_DESCRIBES = re.compile(r"[\s-]+(?:measures?|gauges?|metrics?|yardsticks?|indicators?|benchmarks?)\b", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+and\s+")
_TABLE_QUALIFIERS = {"diluted", "primary", "fully", "basic", "group", "parent", "company", "consolidated", "total",
                     "reported", "final", "net", "cons", "gp",
                     # ("World group turnover 40.47 billion vs 44.38 billion": the whole group's, beside the parent's)
                     "world", "worldwide", "world-wide"}
_CONSOLIDATED = ("cons", "consolidated")
_GROUP = ("group", "gp")


def _group_level(words: list[str]) -> list[str]:
    """A table label's words without the one word that names the business of a consolidated group ("Cons banking gp
    net profit", "Consolidated insurance group net profit": the whole group's figure, not a segment's): only between
    a word for consolidated and a word for group.

    >>> _group_level("cons banking gp net profit".split()), _group_level("banking net profit".split())
    (['cons', 'gp', 'net', 'profit'], ['banking', 'net', 'profit'])
    """
    if len(words) > 3 and words[0] in _CONSOLIDATED and words[2] in _GROUP:
        return [words[0], *words[2:]]
    return words


@dataclass(frozen=True, slots=True)
class Metric:
    """One metric concept."""

    id: str
    label: str
    kind: str  # stock | flow
    unit: str
    synonyms: tuple[str, ...]
    negative: tuple[str, ...] = ()
    ratio_of: tuple[str, ...] = ()
    table: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A metric named in text, with the sign its phrase implies (loss = -1)."""

    start: int
    end: int
    metric: str
    sign: int
    phrase: str


# the adjusted form of each metric that has one in the vocabulary ("adjusted EPS", "non-GAAP net income")
ADJUSTED_OF = {"eps": "adjusted_eps", "net_income": "adjusted_net_income", "operating_income": "adjusted_operating_income",
               "ebitda": "adjusted_ebitda"}


@dataclass
class Vocabulary:
    """All metrics, with a compiled matcher over every synonym."""

    metrics: dict[str, Metric]
    _pattern: re.Pattern[str] = field(init=False, repr=False)
    _scanner: Scanner = field(init=False, repr=False)
    _lookup: dict[str, tuple[str, int, str | None, bool]] = field(init=False, repr=False)
    _table: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # key -> (metric, sign, exact casing required or None, only at the start of a sentence)
        lookup: dict[str, tuple[str, int, str | None, bool]] = {}
        for metric in self.metrics.values():
            for sign, forms in ((1, metric.synonyms), (-1, metric.negative)):
                for raw in forms:
                    line_start = raw.startswith("^")
                    phrase = raw.lstrip("^")
                    exact = phrase if line_start or (len(phrase) > 1 and phrase.isupper()) else None
                    lookup.setdefault(_key(phrase), (metric.id, sign, exact, line_start))
        phrases = sorted(lookup, key=len, reverse=True)
        # (a trie of the phrases' tokens: the engine reads a shared start, "net", "adjusted", once per place; for
        # ASCII phrases, sorted longest first, it finds what the plain alternation finds)
        alternation = trie_alternation(_phrase_tokens(p) for p in phrases) if all(p.isascii() for p in phrases) \
            else first_char_alternation(((p, _phrase_regex(p)) for p in phrases), ignore_case=True)
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
        self._scanner = Scanner(self._pattern, lead=False)  # case-sensitive in lower-cased text: 2x faster
        self._lookup = lookup
        self._table = {_key(label).replace(".", ""): metric.id for metric in self.metrics.values()
                       for label in metric.table}

    def mentions(self, text: str) -> list[Mention]:
        """Every metric mention in ``text``, longest phrase first at each position."""
        out: list[Mention] = []
        for m in self._scanner.finditer(text, text.lower()):
            entry = self._lookup.get(_key(m.group(0)))
            if entry is None:
                continue
            metric, sign, exact, line_start = entry
            if exact is not None and m.group(0) != exact and (line_start or not _ACRONYM_CASE.fullmatch(m.group(0))):
                continue  # acronyms ("RPO", "EPS") match as written, in lower case or capitalised ("Ebitda")
            if line_start and m.start() > 0:
                continue  # "^Net": wire tables only, a line that starts "Net 12.1 mln vs 10.8 mln"
            if _DESCRIBES.match(text, m.end()):
                continue  # "the main profit measure": a description of another metric
            if metric == "net_income" and out and out[-1].metric == "revenue" and m.group(0).lower() == "income" \
                    and _AND_GAP.fullmatch(text, out[-1].end, m.start()):
                continue  # "total sales and income rose 5.5 pct to 10.68 billion dlrs": revenue with other income
            out.append(Mention(m.start(), m.end(), metric, sign, m.group(0)))
        return out

    def get(self, metric_id: str) -> Metric | None:
        return self.metrics.get(metric_id)

    def table_metric(self, label: str) -> tuple[str | None, bool]:
        """The metric of a wire-table label, and whether it is an "Oper" (operating, before items) line.

        >>> vocab = load_vocabulary()
        >>> [vocab.table_metric(x) for x in ("Shr", "Oper shr", "Shr diluted", "Oper profit", "Avg shrs", "Oper net")]
        [('eps', False), ('eps', True), ('eps', False), ('operating_income', False), (None, False), ('net_income', True)]
        >>> vocab.table_metric("Ope shr")
        ('eps', True)
        """
        key = _NOMINAL_SHARE.sub(r"per \1", _key(label).replace(".", ""))  # ("Earnings per 20-crown share")
        key = _OPER_TYPO.sub("oper", key)
        if key in self._table:
            return self._table[key], False
        if key == "oper":
            # "Oper loss 7,700,000 vs loss 1,700,000", "Oper profit 4,172,188 vs loss 1,502,032": the sign word is
            # the value's, the line is "Oper net" (the notes below say "net excludes")
            return ("net_income" if "net_income" in self.metrics else None), True
        oper = False
        words = key.split()
        if words and words[0] in ("oper", "operating") and len(words) > 1:
            oper, words = True, words[1:]
        for rest in (" ".join(words), " ".join(w for w in _group_level(words) if w not in _TABLE_QUALIFIERS)):
            if rest in self._table:
                return self._table[rest], oper
        return None, False


# a first word cut short of "oper" ("Ope shr profit five cts vs profit five cts": a letter dropped)
_OPER_TYPO = re.compile(r"^(?:ope|opr)(?= )")


# a share named by its nominal value ("earnings per 20 crown share", "per 50 franc share"): a share
_NOMINAL_SHARE = re.compile(r"\bper \d+(?:[.,]\d+)? [a-z]+ (share|shr)\b")


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().replace("-", " ").split())


def _phrase_regex(key: str) -> str:
    parts = [re.escape(w) for w in key.split(" ")]
    return r"[\s-]+".join(parts)


def _phrase_tokens(key: str) -> list[str]:
    """``_phrase_regex(key)`` as tokens: each character escaped, and the separator between words."""
    out: list[str] = []
    for n, word in enumerate(key.split(" ")):
        if n:
            out.append(r"[\s-]+")
        out += [re.escape(ch) for ch in word]
    return out


def _parse(data: dict[str, Any], source: str) -> dict[str, Metric]:
    out = {}
    for mid, spec in data.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{source}: metric '{mid}' must be a table")
        unit = spec.get("unit", "money")
        kind = spec.get("kind", "flow")
        if unit not in UNIT_KINDS:
            raise ConfigError(f"{source}: metric '{mid}' has unit '{unit}'; use one of {sorted(UNIT_KINDS)}")
        if kind not in {"stock", "flow"}:
            raise ConfigError(f"{source}: metric '{mid}' has kind '{kind}'; use 'stock' or 'flow'")
        out[mid] = Metric(
            id=mid, label=spec.get("label", mid.replace("_", " ").capitalize()), kind=kind, unit=unit,
            synonyms=tuple(spec.get("synonyms", [])), negative=tuple(spec.get("negative", [])),
            ratio_of=tuple(spec.get("ratio_of", [])), table=tuple(spec.get("table", [])),
        )
    return out


def _read_toml(path: Path, what: str = "metric file", env: str = "CLAIMGRAPH_METRICS") -> dict[str, Any]:
    """A user's TOML file (``what``, named by ``env`` or found in the working folder).

    :raises ConfigError: when it is missing, unreadable, not UTF-8 or not TOML.
    """
    where = f"check ${env} and ./{env.lower().replace('_', '-')}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: {what} not found; {where}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: the {what} is not UTF-8 text; {where}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the {what} ({exc.strerror or exc}); {where}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc}); fix the file") from exc


def user_files(explicit: str | None, env: str, default_name: str) -> list[Path]:
    """User data files to merge: ``./default_name``, ``$env``, then ``explicit``."""
    files = []
    local = Path(default_name)
    if local.is_file():
        files.append(local)
    if os.environ.get(env):
        files.append(Path(os.environ[env]))
    if explicit:
        files.append(Path(explicit))
    return files


def merge_tables(base: dict[str, Any], extra: dict[str, Any], *, append: tuple[str, ...]) -> None:
    """Merge TOML tables of ``extra`` into ``base``; list keys in ``append`` are extended."""
    for key, spec in extra.items():
        if key in base and isinstance(spec, dict) and isinstance(base[key], dict):
            for field_name, value in spec.items():
                if field_name in append and isinstance(value, list):
                    base[key][field_name] = list(base[key].get(field_name, [])) + value
                else:
                    base[key][field_name] = value
        else:
            base[key] = spec


@lru_cache(maxsize=8)
def load_vocabulary(extra: str | None = None) -> Vocabulary:
    """The bundled vocabulary merged with user files.

    :raises ConfigError: for an unreadable or invalid user file.
    """
    text = (resources.files("claimgraph.sources") / "data" / "metrics.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for path in user_files(extra, "CLAIMGRAPH_METRICS", "claimgraph-metrics.toml"):
        user = _read_toml(path)
        # a phrase the user gives a metric is that metric's, whatever the bundled file said it was
        claimed = {str(p).lower() for table in user.values() if isinstance(table, dict)
                   for key in ("synonyms", "negative") for p in table.get(key, []) or []}
        for name, table in data.items():
            if isinstance(table, dict) and name not in user:
                for key in ("synonyms", "negative"):
                    if isinstance(table.get(key), list):
                        table[key] = [p for p in table[key] if str(p).lower() not in claimed]
        merge_tables(data, user, append=("synonyms", "negative"))
    return Vocabulary(_parse(data, "metric vocabulary"))
