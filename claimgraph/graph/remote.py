"""A remote SPARQL 1.1 server as a store (tested against Virtuoso Open Source 7).

A thin client of the SPARQL 1.1 protocol rather than rdflib's SPARQLUpdateStore,
which sends only Basic auth, refuses blank nodes and asks for XML results:

* SELECT/ASK results are requested as JSON, graphs as N-Triples;
* writes are ``INSERT DATA`` into named graphs (claimgraph mints no blank nodes);
* credentials come from ``CLAIMGRAPH_USER``/``CLAIMGRAPH_PASSWORD`` or a netrc
  file (``$NETRC`` or ``~/.netrc``), sent as Digest or Basic as the server asks,
  and never printed;
* a result cut short by the server (Virtuoso's ``X-SPARQL-MaxRows``) is an error,
  not silently truncated data;
* bindings are spliced as a VALUES block of serialised terms (``term.n3()``).
"""

from __future__ import annotations

import http.client
import io
import netrc
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Node

from claimgraph.errors import ConfigError, EndpointError, QueryError, StoreError
from claimgraph.graph.namespaces import prefix_block
from claimgraph.graph.store import Quad, Store, bind_values

CHUNK = 2000
GSP_CHUNK = 50_000


def _split_graph(line: str) -> tuple[str, str]:
    """An N-Quads line as (N-Triples line, graph IRI).

    >>> _split_graph('<s> <p> "a b" <g> .')
    ('<s> <p> "a b" .\\n', 'g')
    """
    body = line[:-1].rstrip()  # without the final dot
    if not body.endswith(">"):
        raise EndpointError("bulk load needs every quad in a named graph (claimgraph writes no default graph)")
    start = body.rindex("<")
    return body[:start].rstrip() + " .\n", body[start + 1:-1]


def _first(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:120] if text else type(exc).__name__


def _credentials(url: str) -> tuple[str, str] | None:
    user, password = os.environ.get("CLAIMGRAPH_USER"), os.environ.get("CLAIMGRAPH_PASSWORD")
    if user and password:
        return user, password
    host = urllib.parse.urlparse(url).hostname or ""
    try:
        auth = netrc.netrc(os.environ.get("NETRC")).authenticators(host)
    except (FileNotFoundError, netrc.NetrcParseError, OSError):
        return None
    return (auth[0], auth[2] or "") if auth else None


DEFAULT_TIMEOUT = 30.0


def request_timeout(value: str | float | None = None) -> float:
    """Seconds to wait for a SPARQL server: ``value``, else ``$CLAIMGRAPH_TIMEOUT``, else 30.

    :raises ConfigError: for a value that is not a positive number.

    >>> request_timeout("2.5"), request_timeout(None) > 0
    (2.5, True)
    """
    raw = value if value is not None else os.environ.get("CLAIMGRAPH_TIMEOUT")
    if raw is None or raw == "":
        return DEFAULT_TIMEOUT
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not seconds > 0 or seconds == float("inf"):
        raise ConfigError(f"CLAIMGRAPH_TIMEOUT must be a number of seconds above 0, not '{raw}'")
    return seconds


def check_endpoint(url: str, what: str = "--store") -> str:
    """``url`` if it is a usable http(s) endpoint URL.

    :raises StoreError: for a malformed URL (a bad IPv6 address, no host, a bad port).

    >>> check_endpoint("http://[::1")
    Traceback (most recent call last):
    claimgraph.errors.StoreError: --store 'http://[::1' is not a valid URL (Invalid IPv6 URL); use http(s)://host[:port]/path
    """
    try:
        parts = urllib.parse.urlsplit(url)
        _ = parts.port
    except ValueError as exc:
        raise StoreError(f"{what} '{url}' is not a valid URL ({exc}); use http(s)://host[:port]/path") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{what} '{url}' is not a valid http(s) URL; use http(s)://host[:port]/path")
    if any(ch.isspace() for ch in url):
        raise StoreError(f"{what} '{url}' contains spaces; encode them as %20")
    return url


def _text_of(body: bytes) -> str:
    """The readable text of an error body (HTML tags and extra whitespace dropped), shortened."""
    text = body.decode("utf-8", "replace")
    text = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.split())[:200]


class RemoteStore(Store):
    """A SPARQL 1.1 query endpoint plus (optionally) an update endpoint."""

    kind = "remote"

    def __init__(self, endpoint: str, *, update_endpoint: str | None = None, timeout: float | None = None) -> None:
        self.label = endpoint
        self.endpoint = check_endpoint(endpoint)
        self.update_endpoint = check_endpoint(
            update_endpoint or os.environ.get("CLAIMGRAPH_UPDATE_ENDPOINT") or endpoint, "--update-endpoint")
        self.timeout = request_timeout(timeout)
        handlers: list[Any] = []
        creds = _credentials(self.update_endpoint)
        if creds:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {self.endpoint, self.update_endpoint}:
                mgr.add_password(None, url, creds[0], creds[1])
            handlers += [urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)]
        self._opener = urllib.request.build_opener(*handlers)

    def _post(self, url: str, data: dict[str, str], accept: str) -> tuple[bytes, Any]:
        body = urllib.parse.urlencode(data).encode("utf-8")
        req = urllib.request.Request(url, data=body, headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                return resp.read(), resp.headers
        except urllib.error.HTTPError as exc:
            try:
                text = _text_of(exc.read())
            except (OSError, ValueError):
                text = ""
            if exc.code in (400,) and ("syntax" in text.lower() or "SP030" in text or "parse" in text.lower()):
                raise QueryError(f"SPARQL syntax error reported by {url}: {text}") from None
            if exc.code in (401, 403):
                raise EndpointError(f"{url} refused access (HTTP {exc.code}); set CLAIMGRAPH_USER and "
                                    "CLAIMGRAPH_PASSWORD or a netrc entry") from None
            hint = "; is this the SPARQL endpoint (e.g. http://host:8890/sparql)?" if exc.code in (404, 405, 501) else ""
            raise EndpointError(f"{url} answered HTTP {exc.code}: {text or exc.reason}{hint}") from None
        except TimeoutError:
            raise EndpointError(f"SPARQL endpoint {url} did not answer within {self.timeout:g} s; is the server up? "
                                "Raise CLAIMGRAPH_TIMEOUT for slow queries") from None
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                raise EndpointError(f"SPARQL endpoint {url} did not answer within {self.timeout:g} s; is the server "
                                    "up? Raise CLAIMGRAPH_TIMEOUT for slow queries") from None
            raise EndpointError(f"cannot reach SPARQL endpoint {url} ({reason}); is the server running?") from None

    def query(self, sparql: str, bindings: dict[str, Node] | None = None) -> Result:
        text = prefix_block() + bind_values(sparql, bindings)
        body, headers = self._post(self.endpoint, {"query": text},
                                   "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8")
        if headers.get("X-SPARQL-MaxRows"):
            raise EndpointError(f"{self.endpoint} truncated the result at {headers['X-SPARQL-MaxRows']} rows "
                                "(ResultSetMaxRows); raise the limit on the server")
        ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            if "json" in ctype and "ld" not in ctype:
                return Result.parse(io.BytesIO(body), format="json")
            if not any(t in ctype for t in ("n-triples", "turtle", "text/plain", "n3")):
                raise ValueError(f"answered with {ctype or 'no content type'}")
            g = Graph()
            g.parse(data=body.decode("utf-8"), format="nt" if "n-triples" in ctype or "plain" in ctype else "turtle")
        except Exception as exc:
            raise EndpointError(f"{self.endpoint} did not answer with SPARQL results ({_first(exc)}: "
                                f"{_text_of(body)[:80]!r}); is this the SPARQL endpoint (e.g. "
                                "http://host:8890/sparql)?") from None
        result = Result("CONSTRUCT")
        result.graph = g
        return result

    def update(self, sparql: str) -> None:
        self._post(self.update_endpoint, {"update": prefix_block() + sparql}, "*/*")

    def add(self, quads: Sequence[Quad]) -> None:
        by_graph: dict[Node, list[str]] = {}
        for s, p, o, g in quads:
            by_graph.setdefault(g, []).append(f"{s.n3()} {p.n3()} {o.n3()} .")
        for g, lines in by_graph.items():
            for i in range(0, len(lines), CHUNK):
                body = "\n".join(lines[i:i + CHUNK])
                self._post(self.update_endpoint, {"update": f"INSERT DATA {{ GRAPH {g.n3()} {{\n{body}\n}} }}"}, "*/*")

    def add_nquads(self, data: str, *, transactional: bool = True) -> None:
        """Bulk load: N-Quads split by graph and POSTed as N-Triples through the SPARQL 1.1 Graph Store
        protocol (Virtuoso: ``/sparql-graph-crud``), one request per graph, instead of UPDATE batches."""
        by_graph: dict[str, list[str]] = {}
        for line in data.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            body, graph = _split_graph(line)
            by_graph.setdefault(graph, []).append(body)
        for graph, lines in by_graph.items():
            for i in range(0, len(lines), GSP_CHUNK):
                self._post_graph(graph, "".join(lines[i:i + GSP_CHUNK]))

    def graph_store(self) -> str:
        """The Graph Store protocol endpoint beside the update endpoint (``$CLAIMGRAPH_GRAPH_STORE`` overrides)."""
        explicit = os.environ.get("CLAIMGRAPH_GRAPH_STORE")
        if explicit:
            return explicit
        base = self.update_endpoint.rstrip("/")
        if base.endswith("/sparql-auth"):
            return base[: -len("/sparql-auth")] + "/sparql-graph-crud-auth"
        if base.endswith("/sparql"):
            return base[: -len("/sparql")] + "/sparql-graph-crud"
        return base

    def _post_graph(self, graph: str, ntriples: str) -> None:
        url = f"{self.graph_store()}?{urllib.parse.urlencode({'graph-uri': graph})}"
        req = urllib.request.Request(url, data=ntriples.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
        try:
            try:
                with self._opener.open(req, timeout=self.timeout) as resp:
                    resp.read()
            except ValueError:  # urllib's Basic handler saw a Digest challenge first: answer it with Digest only
                with self._digest_opener().open(req, timeout=self.timeout) as resp:
                    resp.read()
        except urllib.error.HTTPError as exc:
            text = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
            if exc.code in (401, 403):
                raise EndpointError(f"{url} refused the bulk load (HTTP {exc.code}); set CLAIMGRAPH_USER and "
                                    "CLAIMGRAPH_PASSWORD or a netrc entry") from None
            raise EndpointError(f"bulk load into {graph} failed: {url} answered HTTP {exc.code}: {text}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise EndpointError(f"cannot reach the graph store {url} ({getattr(exc, 'reason', exc)}); is the "
                                "server running?") from None

    def _digest_opener(self) -> Any:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        creds = _credentials(self.update_endpoint)
        if creds:
            mgr.add_password(None, self.graph_store(), creds[0], creds[1])
        return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(mgr))

    def drop_graph(self, graph: URIRef) -> None:
        self.update(f"DROP SILENT GRAPH <{graph}>")

    def drop_graphs(self, graphs: Sequence[str]) -> None:
        for i in range(0, len(graphs), 200):
            self.update(" ; ".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i:i + 200]))

    def __len__(self) -> int:
        rows = list(self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                                "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/claimgraph/')) }"))
        return int(rows[0]["n"]) if rows else 0

    def dataset(self) -> Dataset:
        ds = Dataset()
        graphs = [r["g"] for r in self.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/claimgraph/')) }")]
        for g in graphs:
            result = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
            target = ds.graph(URIRef(g))
            for t in result.graph or []:
                target.add(t)
        return ds


