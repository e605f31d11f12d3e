"""SPARQL from the command line: query text from an argument, file, stdin or a bundled name; safe bindings.

>>> from claimgraph.graph.store import open_store
>>> q = query_source("SELECT * WHERE { ?s ?p ?o }")
>>> q.label
'query'
>>> run_query(open_store("memory"), "INSERT DATA { GRAPH <x:g> { <x:s> <x:p> <x:o> } }")
Traceback (most recent call last):
claimgraph.errors.QueryError: 'query' is read-only and this is a SPARQL UPDATE; use 'claimgraph update' to change the store
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rdflib import Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from claimgraph.errors import QueryError
from claimgraph.graph.store import Store, is_update, solution_tail
from claimgraph.queries import NamedQuery, load_query


@dataclass(frozen=True, slots=True)
class QuerySource:
    """Where a query came from and its text (and the bundled query, when it is one)."""

    label: str
    text: str
    bundled: NamedQuery | None = None


def query_source(arg: str, *, stdin: IO[str] | None = None) -> QuerySource:
    """Resolve ``arg``: ``-`` (stdin), a file, a bundled query name, or SPARQL text.

    :raises QueryError: for an unknown bundled name, an unreadable file or text that is not UTF-8.
    """
    if arg == "-":
        if stdin is None and sys.stdin is None:
            raise QueryError("standard input is closed; pipe the query in (… | claimgraph query -) or give it as an "
                             "argument")
        try:
            return QuerySource("stdin", (stdin or sys.stdin).read())
        except UnicodeDecodeError:
            raise QueryError("the query on stdin is not UTF-8 text; give SPARQL text") from None
    if re.fullmatch(r"[\w-]+", arg):
        named = load_query(arg)
        return QuerySource(arg, named.text, named)
    path = Path(arg)
    if len(arg) < 4096 and "\n" not in arg and path.suffix in (".rq", ".sparql", ".ru") :
        try:
            return QuerySource(str(path), path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise QueryError(f"query file {arg} is not UTF-8 text; give a SPARQL file") from None
        except OSError as exc:
            raise QueryError(f"cannot read query file {arg} ({exc.strerror or exc}); check the path") from None
    return QuerySource("query", arg)


def bundled_params(store: Store, source: QuerySource, params: dict[str, Node]) -> None:
    """For a bundled query: refuse unknown and missing parameters, and company or metric values that the store
    and the registry do not know (with "did you mean")."""
    if source.bundled is None:
        return
    from claimgraph.graph.catalog import check_company, check_metric

    check_params(source.bundled, params)
    if isinstance(params.get("company"), Literal):
        check_company(store, str(params["company"]))
    if isinstance(params.get("metric"), Literal):
        check_metric(store, str(params["metric"]))


def bundled_company(store: Store, source: QuerySource, text: str, params: dict[str, Node]) -> str:
    """For a bundled query with a ``company`` name: the company under every spelling the store gives it (found by
    its key, :func:`claimgraph.graph.catalog.spellings`), bound with a VALUES block of serialised literals and
    taken out of ``params``; ``text`` unchanged when the name has no other spelling (or the index cannot tell)."""
    given = params.get("company")
    if source.bundled is None or not isinstance(given, Literal):
        return text
    from claimgraph.graph.catalog import spellings
    from claimgraph.graph.store import with_values

    names = spellings(store, str(given))
    if not names or names == [str(given)]:
        return text
    del params["company"]
    return with_values(text, "company", [Literal(n) for n in dict.fromkeys([str(given), *names])])


_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def parse_params(params: list[str]) -> dict[str, Node]:
    """``name=value`` pairs as RDF terms: IRIs for http(s)/urn values, else plain literals.

    :raises QueryError: for a malformed pair, or an IRI value with characters an IRI cannot hold.

    >>> parse_params(["company=CoreWeave", "claim=https://w3id.org/claimgraph/id/claim/x"])["claim"]
    rdflib.term.URIRef('https://w3id.org/claimgraph/id/claim/x')
    >>> parse_params(["a=urn:a b"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    claimgraph.errors.QueryError: bad --param 'a=urn:a b': an IRI cannot contain spaces, quotes or ...
    """
    out: dict[str, Node] = {}
    for raw in params:
        name, sep, value = raw.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"bad --param '{raw}'; use NAME=VALUE, e.g. --param company=CoreWeave")
        if re.match(r"^(?:https?|urn|file):", value):
            if _BAD_IRI_CHARS.search(value):
                raise QueryError(f"bad --param '{raw}': an IRI cannot contain spaces, quotes or <>{{}}|^`\\; encode "
                                 "them (%20 for a space)")
            out[name] = URIRef(value)
        elif re.fullmatch(r"-?\d{1,18}", value):
            out[name] = Literal(int(value))
        else:
            out[name] = Literal(value)
    return out


def check_params(query: NamedQuery, params: dict[str, Node]) -> None:
    """Refuse parameters a bundled query does not declare, and missing required ones (named, with help).

    :raises QueryError: naming the missing or unknown parameters and the query's parameters.

    >>> check_params(load_query("timeline"), {})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    claimgraph.errors.QueryError: query 'timeline' needs --param company=… and --param metric=… (company: Company name, ...
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"query '{query.name}' has no parameter {', '.join(repr(u) for u in unknown)}; "
                         f"its parameters: {known}")
    missing = [p for p in query.params if p.required and p.name not in params]
    if missing:
        needs = " and ".join(f"--param {p.name}=…" for p in missing)
        helps = "; ".join(f"{p.name}: {p.description}" for p in missing)
        raise QueryError(f"query '{query.name}' needs {needs} ({helps})")


def run_query(store: Store, text: str, *, params: dict[str, Node] | None = None, label: str = "query",
              allow_network: bool = False) -> Result:
    """Run a read-only query with ``params`` bound as initial bindings.

    :raises QueryError: for an UPDATE, a SERVICE clause without ``allow_network``, invalid SPARQL (with line and
        column) or a failed query.
    """
    check_nesting(text, label)
    if is_update(text):
        raise QueryError(f"'{label}' is read-only and this is a SPARQL UPDATE; use 'claimgraph update' to "
                         "change the store")
    if not allow_network:
        refuse_network(text, label)
    store.allow_network = allow_network
    return store.query(text, params or None)


def run_update(store: Store, text: str, *, label: str = "update", allow_network: bool = False) -> None:
    """Run a SPARQL UPDATE.

    :raises QueryError: for a LOAD (or SERVICE) without ``allow_network``, or invalid SPARQL.
    """
    check_nesting(text, label)
    if not allow_network:
        refuse_network(text, label)
    store.allow_network = allow_network
    store.update(text)


_STRINGS_IRIS_COMMENTS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')
_NETWORK = re.compile(r"(?<![\w:?$])(SERVICE|LOAD)(?![\w:-])", re.IGNORECASE)


# Groups, expressions and collections nested deeper than this are refused before parsing: Oxigraph's parser
# recurses once per level and overflowed its stack (a segmentation fault, no message) at 3,000 nested groups;
# rdflib's ran out of Python recursion. Real queries nest a few levels.
MAX_NESTING = 500


def check_nesting(sparql: str, label: str = "query") -> None:
    """:raises QueryError: when ``sparql`` nests ``{``, ``(`` or ``[`` more than :data:`MAX_NESTING` deep
    (strings, IRIs and comments are not counted).

    >>> check_nesting("SELECT * { { ?s ?p '((((' } }")
    """
    depth = deepest = 0
    for ch in _STRINGS_IRIS_COMMENTS.sub(" ", sparql):
        if ch in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})]":
            depth -= 1
    if deepest > MAX_NESTING:
        raise QueryError(f"the {label} nests groups or parentheses {deepest} levels deep, over the "
                         f"{MAX_NESTING} claimgraph reads; flatten it")


def network_keywords(sparql: str) -> list[str]:
    """The SPARQL keywords in ``sparql`` that fetch from the network (SERVICE, LOAD), outside strings, IRIs and
    comments.

    >>> network_keywords("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    ['SERVICE']
    >>> network_keywords('SELECT ?service WHERE { ?s ex:load "SERVICE" } # LOAD')
    []
    """
    body = _STRINGS_IRIS_COMMENTS.sub(" ", sparql)
    return [m.group(1).upper() for m in _NETWORK.finditer(body)]


def sliced(sparql: str, limit: int | None, offset: int = 0) -> str | None:
    r"""``sparql`` with ``LIMIT``/``OFFSET`` appended, so that the store stops after one page (a query without
    ORDER BY then reads only the rows it returns); ``None`` when the text is not a SELECT, or already slices or
    ends with a VALUES block at its top level (the caller then cuts the rows itself). Strings, IRIs and comments
    are ignored.

    >>> sliced("SELECT ?s WHERE { { SELECT ?s { ?s ?p ?o } LIMIT 5 } } ORDER BY ?s", 10, 20)
    'SELECT ?s WHERE { { SELECT ?s { ?s ?p ?o } LIMIT 5 } } ORDER BY ?s\nLIMIT 10 OFFSET 20'
    >>> sliced("SELECT * { ?s ?p '}' } LIMIT 3", 10), sliced("ASK { ?s ?p ?o }", 1)
    (None, None)
    """
    if limit is None and not offset:
        return sparql
    body = _STRINGS_IRIS_COMMENTS.sub(" ", sparql)
    form = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.IGNORECASE)
    tail = solution_tail(sparql)
    if form is None or form.group(1).upper() != "SELECT" or tail is None:
        return None
    if "{" in tail or re.search(r"\b(LIMIT|OFFSET|VALUES)\b", tail, re.IGNORECASE):
        return None
    return (sparql.rstrip() + "\n" + (f"LIMIT {limit}" if limit is not None else "")
            + (f" OFFSET {offset}" if offset else "")).replace("\n OFFSET", "\nOFFSET")


def refuse_network(sparql: str, label: str = "query") -> None:
    """:raises QueryError: when ``sparql`` would reach the network (SERVICE in a query, LOAD in an update)."""
    found = network_keywords(sparql)
    if found:
        raise QueryError(f"{found[0]} in {label} would fetch data over the network, and claimgraph works offline; "
                         "pass --allow-network to allow it")


def result_rows(result: Result) -> tuple[list[str], list[list[Any]]]:
    """Variable names and rows of plain values from a SELECT result."""
    names = [str(v) for v in result.vars or []]
    rows = []
    for row in result:
        rows.append([_plain(t) for t in row])  # type: ignore[union-attr]
    return names, rows


def _plain(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (int, float, str, bool)):
            return value
        return str(term)
    return str(term)
