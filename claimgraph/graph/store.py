"""One store abstraction over an embedded Oxigraph store, rdflib's memory store and remote SPARQL servers.

Choose a store with ``--store`` on any command, or ``CLAIMGRAPH_STORE``:

* a folder path (default ``./.claimgraph/store``): an embedded Oxigraph store on disk;
* ``memory``: rdflib's in-memory store (tests, one-off runs);
* ``http(s)://host/sparql``: a SPARQL 1.1 server (see :mod:`claimgraph.graph.remote`).

Writes go through :meth:`Store.add`, one transaction per call: an article is
written whole or not at all. Queries are plain strings executed natively by
the backend (rdflib's Python engine is never used for Oxigraph).

>>> store = open_store("memory")
>>> store.add([(ID["a"], RDF.type, SCHEMA.NewsArticle, ID["g"])])
>>> [row[0] for row in store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle }")]
[rdflib.term.Literal('1', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))]
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from claimgraph.errors import QueryError, StoreBusyError, StoreError, StoreLockedError
from claimgraph.graph.namespaces import ID, PREFIXES, RDF, SCHEMA

if TYPE_CHECKING:  # rdflib is imported where it is used: the commands that read the claim index never load it
    from rdflib import Dataset, URIRef
    from rdflib.query import Result
    from rdflib.term import Node

DEFAULT_STORE = os.path.join(".claimgraph", "store")
Quad = tuple["Node", "Node", "Node", "Node"]
_UPDATE_KEYWORDS = re.compile(r"^\s*(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)


def store_spec(spec: str | None) -> str:
    """The store to use: ``spec``, else ``$CLAIMGRAPH_STORE``, else the default folder."""
    return spec or os.environ.get("CLAIMGRAPH_STORE") or DEFAULT_STORE


def is_update(sparql: str) -> bool:
    """True when ``sparql`` is a SPARQL UPDATE rather than a query.

    >>> is_update("PREFIX a: <x:> # c\\nINSERT DATA { a:s a:p a:o }"), is_update("SELECT * {}")
    (True, False)
    """
    body = re.sub(r"#[^\n]*", " ", sparql)
    body = re.sub(r"(?is)^\s*(?:(?:PREFIX\s+[\w-]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*", "", body)
    return bool(_UPDATE_KEYWORDS.match(body))


def syntax_error(exc: BaseException, label: str = "query") -> QueryError:
    """A :class:`QueryError` that keeps the parser's line and column."""
    msg = str(exc)
    m = re.search(r"error at (\d+):(\d+):?\s*(.*)", msg)
    if m:
        return QueryError(f"SPARQL syntax error in {label} at line {m.group(1)}, column {m.group(2)}: "
                          f"{m.group(3).strip()}; fix the query")
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    if line is not None:
        return QueryError(f"SPARQL syntax error in {label} at line {line}, column {col}: "
                          f"{getattr(exc, 'msg', msg)}; fix the query")
    return QueryError(f"invalid SPARQL in {label}: {msg.splitlines()[0] if msg else type(exc).__name__}")


def values_block(bindings: dict[str, Node]) -> str:
    """A VALUES clause binding each variable to a properly serialised term (never raw text).

    >>> from rdflib import Literal
    >>> values_block({"company": Literal('Acme" } DROP ALL')})
    'VALUES (?company) { ("Acme\\\\" } DROP ALL") }'
    """
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(v.n3() for v in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def _insert_values(sparql: str, block: str) -> str:
    """Put a VALUES ``block`` at the start of the query's first group pattern."""
    m = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE) or re.search(r"\{", sparql)
    if m is None:
        raise QueryError("cannot bind values: the query has no group pattern")
    return f"{sparql[: m.end()]} {block}{sparql[m.end():]}"


def with_values(sparql: str, var: str, terms: Sequence[Node]) -> str:
    """Bind ``?var`` to any of ``terms`` (serialised, never raw text).

    >>> from rdflib import URIRef
    >>> with_values("SELECT ?s WHERE { ?s ?p ?o }", "s", [URIRef("urn:a")])
    'SELECT ?s WHERE { VALUES ?s { <urn:a> } ?s ?p ?o }'
    """
    return _insert_values(sparql, f"VALUES ?{var} {{ {' '.join(t.n3() for t in terms)} }}")


def bind_values(sparql: str, bindings: Mapping[str, Node] | None) -> str:
    """Bind variables with a VALUES block of serialised terms (Oxigraph plans joins around VALUES; it applies
    substitutions only after evaluating the pattern, hundreds of times slower on a large store).

    >>> from rdflib import Literal
    >>> bind_values("SELECT ?x WHERE { ?x ?p ?name }", {"name": Literal("a")})
    'SELECT ?x WHERE { VALUES (?name) { ("a") } ?x ?p ?name }'
    """
    if not bindings:
        return sparql
    return _insert_values(sparql, values_block(dict(bindings)))


_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*|\bOPTIONAL\b|'
                     r'\bEXISTS\b|[{}]', re.IGNORECASE)


def lateral_optionals(sparql: str) -> str:
    """Evaluate each simple ``OPTIONAL { … }`` once per row already bound, as ``LATERAL { OPTIONAL { … } }``:
    the same solutions, but Oxigraph otherwise evaluates the optional part over the whole store and joins by
    hash, which costs a scan of the property per query (0.7-10 s at 100k claims for one company's 20 claims;
    0.04 s with LATERAL). Simple: triple patterns, paths and filters, ``FILTER (NOT) EXISTS { … }`` included;
    an optional part holding a group, a nested OPTIONAL or a subquery is left as it is (there, substituting
    the bound row first could change the answer). Strings, IRIs and comments are left alone.

    >>> lateral_optionals('SELECT * { ?c :p ?x OPTIONAL { ?c :q "}" } OPTIONAL { { ?c :r ?y } } }')
    'SELECT * { ?c :p ?x LATERAL { OPTIONAL { ?c :q "}" } } OPTIONAL { { ?c :r ?y } } }'
    >>> lateral_optionals('SELECT * { ?c :p ?x OPTIONAL { ?c :q ?y FILTER NOT EXISTS { ?y :r 1 } } }')
    'SELECT * { ?c :p ?x LATERAL { OPTIONAL { ?c :q ?y FILTER NOT EXISTS { ?y :r 1 } } } }'
    """
    if re.search(r"\bLATERAL\b", sparql, re.IGNORECASE):
        return sparql
    tokens = [m.group(0).upper() for m in _TOKENS.finditer(sparql) if m.group(0)[0] not in "\"'<#"]
    spans = [m.span() for m in _TOKENS.finditer(sparql) if m.group(0)[0] not in "\"'<#"]
    wrap: list[tuple[int, int]] = []  # (start of OPTIONAL, end of its closing brace)
    for i, tok in enumerate(tokens):
        if tok != "OPTIONAL" or i + 1 >= len(tokens) or tokens[i + 1] != "{":
            continue
        j, depth, simple = i + 2, 0, True
        while j < len(tokens) and (depth or tokens[j] != "}"):
            if tokens[j] == "{":
                simple = simple and (depth > 0 or tokens[j - 1] == "EXISTS")
                depth += 1
            elif tokens[j] == "}":
                depth -= 1
            elif tokens[j] == "OPTIONAL":
                simple = False
            j += 1
        if simple and j < len(tokens):
            wrap.append((spans[i][0], spans[j][1]))
    out, pos = [], 0
    for start, end in wrap:
        out += [sparql[pos:start], "LATERAL { ", sparql[start:end], " }"]
        pos = end
    out.append(sparql[pos:])
    return "".join(out)


_BLANK = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')


def solution_tail(sparql: str) -> str | None:
    """What follows a query's outermost group pattern (its GROUP BY, ORDER BY, LIMIT, OFFSET, VALUES …), with
    strings, IRIs and comments blanked; ``None`` when the text has no complete group pattern.

    >>> solution_tail('SELECT * { ?s ?p "}" { ?s ?q ?o } } ORDER BY ?s LIMIT 3')
    ' ORDER BY ?s LIMIT 3'
    """
    body = _BLANK.sub(lambda m: " " * len(m.group(0)), sparql)
    depth, start = 0, body.find("{")
    for i in range(max(start, 0), len(body) if start >= 0 else 0):
        if body[i] == "{":
            depth += 1
        elif body[i] == "}":
            depth -= 1
            if depth == 0:
                return body[i + 1:]
    return None


def pages(sparql: str) -> bool:
    """Does the query ask for a page of unordered rows (a top-level LIMIT, no ORDER BY or GROUP BY)?

    >>> pages("SELECT * { ?s ?p ?o } LIMIT 10"), pages("SELECT * { ?s ?p ?o } ORDER BY ?s LIMIT 10")
    (True, False)
    """
    tail = solution_tail(sparql) or ""
    return bool(re.search(r"\bLIMIT\b", tail, re.IGNORECASE)) and not re.search(
        r"\b(ORDER|GROUP)\s+BY\b|\bHAVING\b", tail, re.IGNORECASE)


def _for_oxigraph(sparql: str, bindings: Mapping[str, Node] | None) -> str:
    """The query text Oxigraph runs: bindings as a VALUES block and, when there are bindings (a slice of the
    store: one company, article, author, period …) or the query asks for a page of unordered rows, optional
    parts evaluated per row. A query reading the whole store keeps Oxigraph's hash joins, the faster plan there;
    a page stops after its rows (0.03 s for 100 rows of ``view-groups`` at 10k claims against 0.18 s with the
    hash joins, which read every group's optional columns first)."""
    text = bind_values(sparql, bindings) if bindings else sparql
    return lateral_optionals(text) if bindings or pages(sparql) else text


class Store(ABC):
    """The operations claimgraph needs from a store."""

    label: str
    kind: str
    allow_network: bool = False  # may SPARQL fetch from the network (FROM and LOAD in rdflib's engine)?

    @abstractmethod
    def add(self, quads: Sequence[Quad]) -> None:
        """Write ``quads`` in one transaction."""

    @abstractmethod
    def query(self, sparql: str, bindings: dict[str, Node] | None = None) -> Result:
        """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the union of all graphs.

        :raises QueryError: for invalid SPARQL, with its line and column.
        """

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL UPDATE."""

    @abstractmethod
    def drop_graph(self, graph: URIRef) -> None:
        """Remove one named graph."""

    def drop_graphs(self, graphs: Sequence[str]) -> None:
        """Remove named graphs (a batch of ``DROP SILENT GRAPH`` updates where the backend runs them natively)."""
        from rdflib import URIRef

        for g in graphs:
            self.drop_graph(URIRef(g))

    def graphs_under(self, prefix: str) -> list[str]:
        """The named graphs whose IRI starts with ``prefix`` (emptied graphs may be listed too)."""
        from rdflib import Literal

        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "
                           f"{Literal(prefix).n3()})) }}")
        return [str(r["g"]) for r in rows]

    @abstractmethod
    def __len__(self) -> int:
        """The number of quads."""

    @abstractmethod
    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset (for export)."""

    def add_nquads(self, data: str, *, transactional: bool = True) -> None:
        """Write N-Quads text in one transaction (the fast path for bulk writes). ``transactional=False`` lets a
        store use a faster loader that may leave part of the text written if it fails."""
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=data, format="nquads")
        self.add([(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))])  # type: ignore[misc]

    def add_nquads_file(self, path: Path) -> None:
        """Write an N-Quads file we generated from validated rows (as ``add_nquads(..., transactional=False)``)."""
        self.add_nquads(path.read_text(encoding="utf-8"), transactional=False)

    def replace_graph_nquads(self, graph: URIRef, data: str) -> None:
        """Replace the content of ``graph`` with N-Quads text whose quads all belong to it."""
        self.drop_graph(graph)
        if data:
            self.add_nquads(data)

    def ask(self, sparql: str, bindings: dict[str, Node] | None = None) -> bool:
        return bool(self.query(sparql, bindings).askAnswer)

    def has_subject(self, iri: URIRef) -> bool:
        return self.ask("ASK { ?s ?p ?o }", {"s": iri})

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Iterator[dict[str, Any]]:
        """Rows of a SELECT as dicts of Python values (IRIs as strings, literals as Python values)."""
        result = self.query(sparql, dict(bindings) if bindings else None)
        names = [str(v) for v in result.vars or []]
        for row in result:
            yield {n: _py(t) for n, t in zip(names, row, strict=False)}  # type: ignore[arg-type]

    def close(self) -> None:  # noqa: B027 - a no-op for stores that hold nothing
        """Release the store."""

    def own_files(self) -> list[Path]:
        """The store's own files and folders on disk (never read as inputs)."""
        return []

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _py(term: Node | None) -> Any:
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


class MemoryStore(Store):
    """rdflib's in-memory store; queries run on rdflib's own engine."""

    kind = "memory"

    def __init__(self) -> None:
        from rdflib import Dataset

        self.label = "memory"
        self._ds = Dataset(default_union=True)
        for p, iri in PREFIXES.items():
            self._ds.bind(p, iri)

    def add(self, quads: Sequence[Quad]) -> None:
        self._ds.addN((s, p, o, self._ds.graph(g)) for s, p, o, g in quads)  # type: ignore[misc, arg-type]

    def query(self, sparql: str, bindings: dict[str, Node] | None = None) -> Result:
        _rdflib_network(self.allow_network)
        try:
            result = self._ds.query(sparql, initNs=PREFIXES, initBindings=cast(Any, bindings or {}))
            if result.type == "SELECT":
                _ = result.bindings  # evaluate now, so that failures (SERVICE, FROM) surface here
            return result
        except Exception as exc:
            if type(exc).__name__ in ("ParseException", "ParseSyntaxException", "SyntaxError"):
                raise syntax_error(exc) from None
            raise QueryError(f"query failed: {str(exc).strip().splitlines()[0] if str(exc).strip() else exc!r}") \
                from None

    def update(self, sparql: str) -> None:
        _rdflib_network(self.allow_network)
        try:
            self._ds.update(sparql, initNs=PREFIXES)
        except Exception as exc:
            if type(exc).__name__ in ("ParseException", "ParseSyntaxException", "SyntaxError"):
                raise syntax_error(exc, "update") from None
            raise QueryError(f"update failed: {str(exc).strip().splitlines()[0] if str(exc).strip() else exc!r}") \
                from None

    def drop_graph(self, graph: URIRef) -> None:
        self._ds.remove_graph(self._ds.graph(graph))

    def __len__(self) -> int:
        return sum(1 for _ in self._ds.quads((None, None, None, None)))

    def dataset(self) -> Dataset:
        return self._ds


_ROCKSDB_FILE = re.compile(r"^(?:CURRENT|IDENTITY|LOCK|LOG(?:\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+|\d+\.(?:log|sst|blob)"
                           r"|.*\.dbtmp)$")
READ_ATTEMPTS = 8
_IO_FAILURE = re.compile(r"Corruption|IO error|No such file|Column family not found|Invalid argument", re.IGNORECASE)


def folder_state(path: Path) -> str:
    """What a ``--store`` folder holds: ``missing``, ``empty``, ``store`` (an Oxigraph store), ``partial`` (a store
    whose creation was interrupted), ``foreign`` (other files: never written into), ``file`` or ``unreadable``.

    :raises StoreError: when the path cannot be used at all (a file in the path, a name too long).

    >>> folder_state(Path("/no/such/folder"))
    'missing'
    """
    try:
        names = os.listdir(path)
    except FileNotFoundError:
        return "missing"
    except NotADirectoryError:
        if path.exists():
            return "file"
        raise StoreError(f"cannot use --store {path}: a part of the path is a file; pass a folder") from None
    except PermissionError:
        return "unreadable"
    except OSError as exc:
        raise StoreError(f"cannot use --store {path} ({exc.strerror or exc}); pass another folder") from None
    if not names:
        return "empty"
    if "CURRENT" in names and any(n.startswith("MANIFEST-") for n in names):
        return "store"
    return "partial" if all(_ROCKSDB_FILE.match(n) for n in names) else "foreign"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def _rdflib_network(allowed: bool) -> None:
    """rdflib's engine fetches the graphs named in FROM clauses and LOAD over the network (or from local files)
    unless told not to."""
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = allowed


class OxigraphStore(Store):
    """An embedded Oxigraph store in a folder, with a write lock naming its holder.

    Writers hold the lock (``<store>.lock``) for as long as the store is open, and from their first change until
    the write is committed (:meth:`end_write`) or the store closed also the marker ``<store>.writing``: a file
    they hold an exclusive ``flock`` on, so the marker of a writer that was killed is known stale and ignored.
    A reader that finds the marker held does not open the RDF at all (``busy``): the claim index, published
    whole by atomic rename, answers what it can (the previous complete generation), and anything that needs
    the RDF raises :class:`StoreBusyError` ("the store is being written; retry or pass --wait"). Otherwise
    readers open the store read-only without the lock; RocksDB files that a writer starting up compacts away
    make such an open fail now and then, so readers retry. With ``wait`` a reader takes the lock (waiting for
    the writer) and reads a store nobody writes.
    """

    kind = "oxigraph"

    def __init__(self, path: str, *, read_only: bool = False, wait: bool = False, create: bool = True,
                 timeout: float = 600) -> None:
        self.label = path
        self.path = Path(path)
        self.read_only = read_only
        self.busy = False  # a writer is changing the store: the RDF is not opened (see the class docstring)
        self._lock: Any = None
        self._marker: int | None = None  # our ``.writing`` marker's descriptor, from our first change
        self._handle: Any = None
        self._ds: Dataset | None = None
        state = folder_state(self.path)
        if state == "file":
            raise StoreError(f"--store {path} is a file, not a store folder; pass a folder (new, empty or a store)")
        if state == "unreadable":
            raise StoreError(f"cannot read the store folder {path} (permission denied); check its permissions")
        if state == "foreign":
            example = sorted(os.listdir(self.path))[0]
            raise StoreError(f"{path} is a folder that is not a claimgraph store (it holds {example!r}); pass a new or "
                             f"empty folder, e.g. --store {self.path / 'claimgraph-store'}")
        if read_only:
            if state != "store":
                raise StoreError(_no_store(path, state))
            if wait:
                self._acquire(True, timeout)
            elif self.writing_now():
                self.busy = True
                return
            try:
                self._open_read_only()
            except BaseException:
                self._release()
                raise
            return
        if not create and state != "store":
            raise StoreError(_no_store(path, state))
        self._acquire(wait, timeout)
        self._open_writer(state)

    def _open_writer(self, state: str) -> None:
        import pyoxigraph as ox

        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._ox = ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:
            self._release()
            msg = _first_line(exc)
            if "lock" in msg.lower() and "permission" not in msg.lower():
                raise StoreLockedError(f"the store is being written: store {self.label} is locked by another "
                                       "process; retry or pass --wait") from None
            if isinstance(exc, PermissionError) or "Permission denied" in msg or "Read-only file system" in msg:
                raise StoreError(f"cannot write to the store at {self.label} (permission denied or read-only); "
                                 "check its permissions, or use a command that only reads") from None
            if state == "store":
                raise StoreError(_damaged(self.label, msg)) from None
            raise StoreError(f"cannot create a store at {self.label} ({msg}); pass another --store") from None

    def _open_read_only(self) -> None:
        import pyoxigraph as ox

        for attempt in range(READ_ATTEMPTS):
            try:
                self._ox = ox.Store.read_only(str(self.path))
                return
            except (OSError, RuntimeError) as exc:
                msg = _first_line(exc)
                if isinstance(exc, PermissionError) or "Permission denied" in msg:
                    raise StoreError(f"cannot read the store at {self.label} (permission denied); check its "
                                     "permissions") from None
                writing = self.writer_active()
                if "Column family not found" in msg and not writing:
                    self._finish_creation()
                elif not writing and attempt >= 1:
                    raise StoreError(_damaged(self.label, msg)) from None
                time.sleep(min(0.05 * 2 ** attempt, 1.0))
        raise StoreBusyError(self._busy())

    @property
    def _ox(self) -> Any:
        if self._handle is None and self.busy:
            raise StoreBusyError(self._busy())
        return self._handle

    @_ox.setter
    def _ox(self, value: Any) -> None:
        self._handle = value

    def refresh(self) -> None:
        """Open a read-only store again, to see what was written since it was opened (or become ``busy`` when a
        writer is at work now)."""
        if not self.read_only or self._lock is not None:
            return
        self._handle, self._ds = None, None
        self.busy = self.writing_now()
        if not self.busy:
            self._open_read_only()

    def writing_now(self) -> bool:
        """Whether another process is changing this store now (it holds the ``.writing`` marker)."""
        if self._marker is not None:
            return False
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on POSIX: the marker cannot be held; read as before
            return False
        try:
            fd = os.open(self._marker_path(), os.O_RDONLY)
        except FileNotFoundError:
            return False
        except OSError:  # cannot be read: go by the write lock
            return self.writer_active()
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        else:  # nobody holds it: left by a writer that was killed
            fcntl.flock(fd, fcntl.LOCK_UN)
            return False
        finally:
            os.close(fd)

    def _mark_writing(self) -> None:
        """Hold the ``.writing`` marker from our first change until the store is closed."""
        if self._marker is not None:
            return
        try:
            import fcntl
        except ImportError:  # pragma: no cover
            return
        marker = self._marker_path()
        temp = marker.with_name(f"{marker.name}.{os.getpid()}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot write {temp} ({exc.strerror or exc}); check the permissions of the store's "
                             "folder") from None
        fcntl.flock(fd, fcntl.LOCK_EX)
        with contextlib.suppress(OSError):
            os.write(fd, f"pid {os.getpid()} ({' '.join(_argv())}) since {time.strftime('%H:%M:%S')}\n".encode())
        os.replace(temp, marker)  # whole and held from the moment it appears
        self._marker = fd

    def end_write(self) -> None:
        """A write is finished (committed): flush it and give the ``.writing`` marker up, so readers open the RDF
        again while this process keeps the store open (its next change takes the marker again)."""
        if self._marker is None:
            return
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.flush()
        self._unmark_writing()

    def _unmark_writing(self) -> None:
        if self._marker is None:
            return
        with contextlib.suppress(OSError):
            os.remove(self._marker_path())
        os.close(self._marker)
        self._marker = None

    def _marker_path(self) -> Path:
        return self.path.parent / (self.path.name + ".writing")

    def _finish_creation(self) -> None:
        """A store killed while it was being created lacks column families: open it once for writing to add them."""
        import pyoxigraph as ox

        held = self._lock is not None  # a reader with --wait holds the lock already
        if not held:
            try:
                self._acquire(False, 0)
            except StoreError:
                return
        try:
            store = ox.Store(str(self.path))
            store.flush()
            del store
        except (OSError, RuntimeError):
            pass
        finally:
            if not held:
                self._release()

    def writer_active(self) -> bool:
        """Whether another process holds this store's write lock (without taking it)."""
        try:
            import fcntl
        except ImportError:  # not on POSIX: assume a writer, so failures are retried rather than called damage
            return True
        if self._lock is not None:
            return False
        try:
            fd = os.open(self._lock_path(), os.O_RDONLY)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return False
        finally:
            os.close(fd)

    def _holder(self) -> str:
        info = self.path.parent / (self.path.name + ".lock.info")
        try:
            return info.read_text(encoding="utf-8").strip() or "another process"
        except OSError:
            return "another process"

    def _busy(self) -> str:
        return (f"the store is being written (store {self.label} is locked by {self._holder()}); "
                "retry or pass --wait")

    def io_error(self, exc: BaseException) -> StoreError:
        """The error to raise for a RocksDB failure while reading: busy while a writer runs, else damaged."""
        if self.read_only and self.writer_active():
            return StoreBusyError(self._busy())
        return StoreError(_damaged(self.label, _first_line(exc)))

    def _lock_path(self) -> Path:
        return self.path.parent / (self.path.name + ".lock")

    def own_files(self) -> list[Path]:
        base = self.path.parent / self.path.name
        return [self.path, self._lock_path(), Path(f"{base}.lock.info"), self._marker_path(),
                *(Path(f"{base}.index.duckdb{suffix}") for suffix in ("", ".wal", ".next", ".next.wal"))]

    def _acquire(self, wait: bool, timeout: float) -> None:
        from filelock import FileLock, Timeout

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = FileLock(str(self._lock_path()))
            self._lock.acquire(timeout=timeout if wait else 0)
        except Timeout:
            self._lock = None
            raise StoreLockedError(self._busy()) from None
        except OSError as exc:
            self._lock = None
            raise StoreError(f"cannot lock the store {self.label}: {self._lock_path()} cannot be written "
                             f"({exc.strerror or exc}); check the permissions of the file and its folder") from None
        info = self.path.parent / (self.path.name + ".lock.info")
        with contextlib.suppress(OSError):
            info.write_text(f"pid {os.getpid()} ({' '.join(_argv())}) since {time.strftime('%H:%M:%S')}",
                            encoding="utf-8")

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def ox(self) -> Any:
        """The underlying ``pyoxigraph.Store`` (for bulk loads and fast scans)."""
        return self._ox

    def _dataset(self) -> Dataset:
        if self._ds is None:
            from oxrdflib import OxigraphStore as RdflibOxigraph
            from rdflib import Dataset

            self._ds = Dataset(store=RdflibOxigraph(store=self._ox), default_union=True)
        return self._ds

    def failure(self, exc: BaseException, what: str = "query") -> StoreError | QueryError:
        """The domain error for an exception from Oxigraph: RocksDB trouble (busy or damaged) or a failed query."""
        if isinstance(exc, (OSError, RuntimeError)) and _IO_FAILURE.search(str(exc)) and not _is_network(exc):
            return self.io_error(exc)
        if isinstance(exc, OSError) and not self.read_only and not _is_network(exc):
            return StoreError(f"cannot write to the store at {self.label} ({_first_line(exc)}); check the disk "
                              "and the folder's permissions")
        return QueryError(f"{what} failed: {_first_line(exc)}")

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.label} is open read-only")
        self._mark_writing()

    def add(self, quads: Sequence[Quad]) -> None:
        self._writable()
        try:
            self._ox.extend([to_ox_quad(q) for q in quads])
        except OSError as exc:
            raise self.failure(exc) from None

    def add_nquads(self, data: str, *, transactional: bool = True) -> None:
        import pyoxigraph as ox

        self._writable()
        try:
            if transactional:
                # bulk_extend writes and ingests whole files: all of the batch or none of it, 2x faster than load.
                # A syntax error in the data (SyntaxError) is left to the caller, which retries article by article.
                self._ox.bulk_extend(ox.parse(data.encode("utf-8"), ox.RdfFormat.N_QUADS))
            else:
                # bulk_load parses in Rust without the GIL (bulk_extend iterates Python objects and holds it), so
                # a writer thread runs beside row parsing; it is not transactional, so only text we generated
                # ourselves from validated rows (import-claims) comes this way.
                self._ox.bulk_load(data.encode("utf-8"), ox.RdfFormat.N_QUADS)
        except OSError as exc:
            raise self.failure(exc) from None

    def add_nquads_file(self, path: Path) -> None:
        import pyoxigraph as ox

        self._writable()
        try:
            # read, parsed and written by the bulk loader in Rust: no Python string, no GIL. Lenient: the IRIs
            # are not checked again (only N-Quads we generated from validated rows come this way): about 10%
            # less CPU per quad (bench/results.md, "Issue 15: the import's RDF write and the report dumps")
            self._ox.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS, lenient=True)
        except OSError as exc:
            raise self.failure(exc) from None

    def query(self, sparql: str, bindings: dict[str, Node] | None = None) -> Result:
        try:
            return self._dataset().query(_for_oxigraph(sparql, bindings), initNs=PREFIXES)
        except SyntaxError as exc:
            raise syntax_error(exc) from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise self.failure(exc) from None

    def update(self, sparql: str) -> None:
        self._writable()
        try:
            self._ox.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise syntax_error(exc, "update") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise self.failure(exc, "update") from None

    def drop_graph(self, graph: URIRef) -> None:
        import pyoxigraph as ox

        self._writable()
        node = ox.NamedNode(str(graph))
        if node in set(self._ox.named_graphs()):
            self._ox.remove_graph(node)

    def drop_graphs(self, graphs: Sequence[str]) -> None:
        self._writable()
        for i in range(0, len(graphs), 500):
            self._ox.update("; ".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i:i + 500]))

    def graphs_under(self, prefix: str) -> list[str]:
        # Oxigraph keeps a table of named graphs: no scan of the quads
        return [g.value for g in self._ox.named_graphs() if g.value.startswith(prefix)]

    def replace_graph_nquads(self, graph: URIRef, data: str) -> None:
        self._writable()
        self._ox.update(f"DROP SILENT GRAPH <{graph}>")
        if data:
            self.add_nquads(data)

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Iterator[dict[str, Any]]:
        """Rows straight from Oxigraph, without rdflib's result objects (the fast path for big reads)."""
        import pyoxigraph as ox

        try:
            result = self._ox.query(_for_oxigraph(sparql, bindings), use_default_graph_as_union=True,
                                    prefixes=PREFIXES)
        except SyntaxError as exc:
            raise syntax_error(exc) from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise self.failure(exc) from None
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        try:
            for solution in result:
                yield {n: _ox_py(solution[i]) for i, n in enumerate(names)}
        except (OSError, RuntimeError) as exc:
            raise self.failure(exc) from None

    def __len__(self) -> int:
        try:
            return len(self._ox)
        except (OSError, RuntimeError) as exc:
            raise self.failure(exc) from None

    def dataset(self) -> Dataset:
        return self._dataset()

    def close(self) -> None:
        if getattr(self, "_handle", None) is not None and not self.read_only:
            with contextlib.suppress(OSError):
                self._handle.flush()
        self._handle = None
        self._ds = None
        if self.read_only:
            # rdflib's graph objects hold the RocksDB handle in reference cycles: collect them now, or a process
            # that opens the store read-only in a loop while a writer fills the log keeps every replayed copy
            gc.collect()
        self._unmark_writing()  # after RocksDB has flushed and closed, before the lock goes
        self._release()


_XSD = "http://www.w3.org/2001/XMLSchema#"
_CASTS: dict[str, Any] = {
    _XSD + "double": float, _XSD + "float": float, _XSD + "decimal": float, _XSD + "integer": int,
    _XSD + "int": int, _XSD + "long": int, _XSD + "boolean": lambda v: v == "true",
}


def _ox_py(term: Any) -> Any:
    """A pyoxigraph term as the Python value :meth:`Store.select` promises."""
    import datetime as dt

    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dtype = term.datatype.value
        cast = _CASTS.get(dtype)
        if cast is not None:
            try:
                return cast(term.value)
            except ValueError:
                return term.value
        if dtype == _XSD + "date":
            try:
                return dt.date.fromisoformat(term.value)
            except ValueError:
                return term.value
        if dtype == _XSD + "dateTime":
            try:
                return dt.datetime.fromisoformat(term.value.replace("Z", "+00:00"))
            except ValueError:
                return term.value
        return term.value
    return term.value


def _is_network(exc: BaseException) -> bool:
    """An error from an HTTP request (SERVICE, LOAD), as opposed to one from the store's own files."""
    text = str(exc)
    return "HTTP" in text or "http://" in text or "https://" in text or "port" in text.lower()


def _no_store(path: str, state: str) -> str:
    if state == "partial":
        return (f"no store at {path}: its creation was interrupted before anything was stored; run 'claimgraph "
                f"ingest FILES --store {path}' to create it, or delete the folder")
    return f"no store at {path}; run 'claimgraph ingest FILES' or 'claimgraph demo' first, or pass --store"


def _damaged(label: str, detail: str) -> str:
    if "No space left on device" in detail or "Disk quota exceeded" in detail:  # not damage: the disk is full
        return (f"the disk of the store at {label} is full (No space left on device); free some space and run the same "
                "command again (what was committed before stays in the store)")
    return (f"the store at {label} is damaged or not an Oxigraph store ({detail}); restore it from a backup, "
            "or move it away and ingest the articles again")


def _argv() -> list[str]:
    import sys

    return [os.path.basename(sys.argv[0]), *sys.argv[1:3]]


_NAMED: dict[str, Any] = {}


def to_ox(term: Node) -> Any:
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        node = _NAMED.get(term)
        if node is None:
            node = ox.NamedNode(str(term))
            if len(_NAMED) < 100_000:
                _NAMED[str(term)] = node
        return node
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise StoreError(f"cannot store term {term!r}")


def to_ox_quad(quad: Quad) -> Any:
    import pyoxigraph as ox

    s, p, o, g = quad
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g) if g is not None else ox.DefaultGraph())


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def open_store(spec: str | None = None, *, read_only: bool = False, wait: bool = False, create: bool = True,
               **options: Any) -> Store:
    """Open the store named by ``spec`` (see the module docstring).

    ``read_only`` opens an embedded store without its write lock; ``create`` False refuses to create a missing
    embedded store (commands that read must never leave an empty store behind).

    :raises StoreError: when it cannot be opened (or does not exist and ``create`` is False);
    :raises StoreLockedError: when another process writes to it.

    >>> open_store("ftp://host/x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    claimgraph.errors.StoreError: unsupported store URL scheme 'ftp' in 'ftp://host/x'; use a folder, 'memory' or ...
    """
    spec = store_spec(spec)
    if spec == "memory":
        return MemoryStore()
    scheme = _SCHEME.match(spec)
    if scheme is not None:
        if scheme.group(1).lower() not in ("http", "https"):
            raise StoreError(f"unsupported store URL scheme '{scheme.group(1)}' in '{spec}'; use a folder, 'memory' "
                             "or an http(s):// SPARQL endpoint")
        from claimgraph.graph.remote import RemoteStore

        return RemoteStore(spec, **options)
    return OxigraphStore(spec, read_only=read_only, wait=wait, create=create)


T = TypeVar("T")


def with_store(spec: str | None, fn: Callable[[Store], T], *, read_only: bool = True, wait: bool = False,
               create: bool = False, attempts: int = 4, **options: Any) -> T:
    """Open the store, run ``fn`` on it and close it; a read that fails because a writer is busy with the
    store's files is run again on a freshly opened store (up to ``attempts`` times).

    :raises StoreBusyError: when the store is still being written after the last attempt.
    """
    for attempt in range(attempts):
        store = open_store(spec, read_only=read_only, wait=wait, create=create, **options)
        try:
            return fn(store)
        except StoreBusyError:
            if attempt + 1 >= attempts:
                raise
        except BrokenPipeError:
            raise  # the reader of the output went away ("| head"): no store failure, the command ends quietly
        except (OSError, RuntimeError) as exc:  # raised while iterating a lazy result
            if not isinstance(store, OxigraphStore):
                raise QueryError(f"query failed: {_first_line(exc)}") from None
            failure = store.failure(exc)
            if not isinstance(failure, StoreBusyError) or attempt + 1 >= attempts:
                raise failure from None
        finally:
            store.close()
        time.sleep(0.2 * 2 ** attempt)
    raise StoreBusyError("the store is being written; retry or pass --wait")  # pragma: no cover


__all__ = ["ID", "RDF", "SCHEMA", "MemoryStore", "OxigraphStore", "Store", "open_store", "with_store"]
