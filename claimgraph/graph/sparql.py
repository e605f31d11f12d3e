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
from claimgraph.graph.store import Store, is_update
from claimgraph.queries import load_query


@dataclass(frozen=True, slots=True)
class QuerySource:
    """Where a query came from and its text."""

    label: str
    text: str


def query_source(arg: str, *, stdin: IO[str] | None = None) -> QuerySource:
    """Resolve ``arg``: ``-`` (stdin), a file, a bundled query name, or SPARQL text.

    :raises QueryError: for an unknown bundled name or an unreadable file.
    """
    if arg == "-":
        return QuerySource("stdin", (stdin or sys.stdin).read())
    if re.fullmatch(r"[\w-]+", arg):
        return QuerySource(arg, load_query(arg).text)
    path = Path(arg)
    if len(arg) < 4096 and "\n" not in arg and path.suffix in (".rq", ".sparql", ".ru") :
        try:
            return QuerySource(str(path), path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise QueryError(f"cannot read query file {arg} ({exc.strerror}); check the path") from None
    return QuerySource("query", arg)


def parse_params(params: list[str]) -> dict[str, Node]:
    """``name=value`` pairs as RDF terms: IRIs for http(s)/urn values, else plain literals.

    >>> parse_params(["company=CoreWeave", "claim=https://w3id.org/claimgraph/id/claim/x"])["claim"]
    rdflib.term.URIRef('https://w3id.org/claimgraph/id/claim/x')
    """
    out: dict[str, Node] = {}
    for raw in params:
        name, sep, value = raw.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"bad --param '{raw}'; use NAME=VALUE, e.g. --param company=CoreWeave")
        if re.match(r"^(?:https?|urn|file):", value):
            out[name] = URIRef(value)
        elif re.fullmatch(r"-?\d+", value):
            out[name] = Literal(int(value))
        else:
            out[name] = Literal(value)
    return out


def run_query(store: Store, text: str, *, params: dict[str, Node] | None = None, label: str = "query") -> Result:
    """Run a read-only query with ``params`` bound as initial bindings.

    :raises QueryError: for an UPDATE, invalid SPARQL (with line and column) or a failed query.
    """
    if is_update(text):
        raise QueryError(f"'{label}' is read-only and this is a SPARQL UPDATE; use 'claimgraph update' to "
                         "change the store")
    return store.query(text, params or None)


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
