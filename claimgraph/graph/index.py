"""The columnar claim index: one row per claim (and per article) in DuckDB, beside the RDF store.

The RDF store is the source of truth and the SPARQL surface; the index is a copy of what whole-store reads
need (the analysis input, listings, the view's aggregation) plus the stored analysis
(:mod:`claimgraph.analysis.kept`). It never holds anything the RDF does not: every column is a value of the
claim's quads (or derived from them), and ``claimgraph reindex`` rebuilds it from the RDF alone.

Where it lives: ``<store>.index.duckdb`` beside an embedded store folder; in memory for ``memory``; under
``.claimgraph/`` (named after the endpoint) for a SPARQL server, or ``$CLAIMGRAPH_INDEX``.

Freshness: the index records the store generation it reflects (see :mod:`claimgraph.graph.generations`);
a reader compares it with the store's; a stale or missing index raises :class:`IndexUnavailableError`, and
the read commands then answer from the RDF with a note naming ``claimgraph reindex``.

Publication: a writer never changes the published file. It builds the next index as ``<index>.next`` (a
copy of the published one, changed in one transaction, or built afresh) and publishes it by an atomic
rename (:func:`open_next`, :func:`publish`), so a reader opens either the previous complete index or the
new complete one, never one half-written, and never waits for a writer's lock on it.

>>> ix = ClaimIndex.memory()
>>> ix.insert_claims([claim_row(claim="c1", article="a1", company="Acme", metric="revenue", low=5.0, high=5.0)])
>>> ix.count(), ix.companies_of_articles(["a1"])
(1, ['Acme'])
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from claimgraph.errors import IndexUnavailableError, StoreError

# One row per claim: every column is a value of the claim's quads (or of its article's).
CLAIM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("claim", "VARCHAR"), ("article", "VARCHAR"), ("company", "VARCHAR"), ("metric", "VARCHAR"),
    ("measure", "VARCHAR"), ("low", "DOUBLE"), ("high", "DOUBLE"), ("point", "DOUBLE"), ("decimals", "INTEGER"),
    ("qualifier", "VARCHAR"), ("unit", "VARCHAR"), ("stated", "VARCHAR"), ("quote", "VARCHAR"),
    ("quote_start", "INTEGER"), ("quote_end", "INTEGER"), ("period_label", "VARCHAR"), ("period_start", "VARCHAR"),
    ("period_end", "VARCHAR"), ("period_kind", "VARCHAR"), ("resolution", "VARCHAR"), ("modality", "VARCHAR"),
    ("revises", "VARCHAR"), ("author", "VARCHAR"), ("publisher", "VARCHAR"), ("published", "VARCHAR"),
    ("title", "VARCHAR"), ("superseded", "BOOLEAN"), ("company_key", "VARCHAR"),
)
CLAIM_NAMES = tuple(n for n, _ in CLAIM_COLUMNS)
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article", "VARCHAR"), ("title", "VARCHAR"), ("authors", "VARCHAR"), ("publisher", "VARCHAR"),
    ("published", "VARCHAR"), ("url", "VARCHAR"), ("sha256", "VARCHAR"), ("record_id", "VARCHAR"),
    ("superseded", "BOOLEAN"),
)
ARTICLE_NAMES = tuple(n for n, _ in ARTICLE_COLUMNS)

# 3: company_key (claimgraph.sources.companies.company_key) on claims and groups;
# 4: groups.has_resolution (``resolve`` filters on it instead of reading the whole ``resolution`` text column)
SCHEMA_VERSION = 4
# Older layouts that readers still read as they are and that a writer brings up to date in its ``.next`` copy
# (see :data:`_MIGRATIONS`); any other older layout is rebuilt (``claimgraph reindex``, or by the next write).
READABLE = frozenset({3, SCHEMA_VERSION})
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS claims ({", ".join(f"{n} {t}" for n, t in CLAIM_COLUMNS)});
CREATE TABLE IF NOT EXISTS articles ({", ".join(f"{n} {t}" for n, t in ARTICLE_COLUMNS)});
CREATE TABLE IF NOT EXISTS groups (gid VARCHAR, company VARCHAR, metric VARCHAR, measure VARCHAR, unit VARCHAR,
    modality_class VARCHAR, period_label VARCHAR, period_start VARCHAR, period_end VARCHAR, status VARCHAR,
    reason VARCHAR, resolved DOUBLE, resolved_low DOUBLE, resolved_high DOUBLE, n_claims INTEGER, sort_key INTEGER,
    report VARCHAR, resolution VARCHAR, company_key VARCHAR, has_resolution BOOLEAN);
CREATE TABLE IF NOT EXISTS group_claims (gid VARCHAR, company VARCHAR, claim VARCHAR, pos INTEGER,
    superseded BOOLEAN, support BOOLEAN, cmp_low DOUBLE, cmp_high DOUBLE, company_key VARCHAR);
CREATE TABLE IF NOT EXISTS group_links (gid VARCHAR, company VARCHAR, kind VARCHAR, pos INTEGER, seq INTEGER,
    a VARCHAR, b VARCHAR, company_key VARCHAR);
CREATE TABLE IF NOT EXISTS checks (cid VARCHAR, company VARCHAR, pos INTEGER, kind VARCHAR, verdict VARCHAR,
    explanation VARCHAR, low DOUBLE, high DOUBLE, inputs VARCHAR, target VARCHAR, target_metric VARCHAR,
    company_key VARCHAR);
CREATE TABLE IF NOT EXISTS trust (kind VARCHAR, name VARCHAR, source VARCHAR, title VARCHAR, value DOUBLE,
    claims INTEGER);
CREATE TABLE IF NOT EXISTS company_hash (company_key VARCHAR PRIMARY KEY, hash VARCHAR);
"""
# From layout n to n + 1, in one transaction. The flag is what the analysis writes (a resolution JSON is stored
# exactly for the groups that have one), so a migrated index equals one rebuilt by ``claimgraph reindex``.
_MIGRATIONS: dict[int, str] = {
    3: "ALTER TABLE groups ADD COLUMN has_resolution BOOLEAN; "
       "UPDATE groups SET has_resolution = resolution IS NOT NULL;",
}


def claim_row(**values: Any) -> tuple[Any, ...]:
    """A claims-table row from keyword values (missing columns are NULL, ``superseded`` false)."""
    values.setdefault("superseded", False)
    return tuple(values.get(n) for n in CLAIM_NAMES)


def index_path_for(store: Any) -> str | None:
    """Where the index of ``store`` lives (None: in memory)."""
    explicit = os.environ.get("CLAIMGRAPH_INDEX")
    if explicit:
        return explicit
    kind = getattr(store, "kind", "memory")
    if kind == "oxigraph":
        path = Path(store.path)
        return str(path.parent / (path.name + ".index.duckdb"))
    if kind == "remote":
        digest = hashlib.sha256(store.endpoint.encode()).hexdigest()[:16]
        return str(Path(".claimgraph") / f"remote-{digest}.index.duckdb")
    return None


class ClaimIndex:
    """A DuckDB database holding the claim index and the stored analysis."""

    def __init__(self, con: Any, path: str | None, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self.target: str | None = None  # where :func:`publish` puts a ``.next`` index
        self.schema = SCHEMA_VERSION  # the layout of the file (a reader may read one of :data:`READABLE`)

    # --- opening ---------------------------------------------------------------------------------------

    @classmethod
    def memory(cls) -> ClaimIndex:
        import duckdb

        ix = cls(duckdb.connect(":memory:"), None, False)
        ix._create()
        return ix

    @classmethod
    def open(cls, path: str, *, read_only: bool = False, wait: float = 30.0) -> ClaimIndex:
        """Open (and for writers create) the index at ``path``.

        A reader waits up to ``wait`` seconds while a writer holds the file.

        :raises IndexUnavailableError: when a reader finds it missing, unreadable or of an older layout;
        :raises StoreError: when a writer cannot open it.
        """
        import duckdb

        if read_only and not Path(path).exists():
            raise IndexUnavailableError(f"the claim index {path} is missing; run 'claimgraph reindex' to build it "
                                        "from the store")
        if not read_only:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + wait
        while True:
            try:
                con = duckdb.connect(path, read_only=read_only)
                break
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(f"cannot open the claim index {path} ({str(exc).splitlines()[0]}); "
                                     "another claimgraph process is writing it: retry when it has finished") from None
                time.sleep(0.1)
            except duckdb.Error as exc:
                error = IndexUnavailableError if read_only else StoreError
                raise error(f"cannot open the claim index {path} ({str(exc).splitlines()[0]}); "
                            "delete it and run 'claimgraph reindex'") from None
        ix = cls(con, path, read_only)
        if not read_only:
            ix._create()
            return ix
        try:
            ix.schema = _layout(ix.meta("schema"))
        except duckdb.Error:  # no meta table: not an index of ours
            ix.schema = 0
        if ix.schema not in READABLE:
            ix.close()
            age = "a newer" if ix.schema > SCHEMA_VERSION else "an older"
            raise IndexUnavailableError(f"the claim index {path} has {age} layout; run 'claimgraph reindex'")
        return ix

    def _create(self) -> None:
        self.con.execute(_SCHEMA)
        found = self.meta("schema")
        if found is None:
            self.set_meta("schema", str(SCHEMA_VERSION))
            return
        self.schema = _layout(found)
        if self.schema in READABLE and self.schema < SCHEMA_VERSION:
            self.migrate()

    def migrate(self) -> None:
        """Bring an index of an older readable layout up to date (a writer, on its ``.next`` copy)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for n in range(self.schema, SCHEMA_VERSION):
                self.con.execute(_MIGRATIONS[n])
            self.set_meta("schema", str(SCHEMA_VERSION))
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")
        self.schema = SCHEMA_VERSION

    def close(self) -> None:
        if self.con is not None:
            with contextlib.suppress(Exception):
                self.con.close()
        self.con = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[ClaimIndex]:
        """All writes inside are committed together, or none of them."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # --- meta ------------------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        rows = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
        return None if not rows else str(rows[0][0])

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    @property
    def generation(self) -> int:
        value = self.meta("generation")
        return int(value) if value is not None else -1

    # --- claims and articles ---------------------------------------------------------------------------

    def insert_claims(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if rows:
            self._insert("claims", CLAIM_NAMES, rows)

    def insert_articles(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if rows:
            self._insert("articles", ARTICLE_NAMES, rows)

    def _insert(self, table: str, names: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        import pyarrow as pa

        if not _ARROW:
            _arrow_types()
        cols = list(zip(*rows, strict=True))
        types = dict(CLAIM_COLUMNS if table == "claims" else ARTICLE_COLUMNS)
        arrow = pa.table({n: pa.array(list(c), type=_ARROW[types[n]]) for n, c in zip(names, cols, strict=True)})
        if table == "claims":
            arrow = with_company_keys(arrow)
        self.con.register("_rows", arrow)
        try:
            self.con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} FROM _rows")
        finally:
            self.con.unregister("_rows")

    def supersede(self, articles: Iterable[str]) -> None:
        """Mark articles (and their claims) superseded by a newer version."""
        arts = list(articles)
        if arts:
            self.con.execute("UPDATE claims SET superseded = true WHERE article IN (SELECT unnest(?))", [arts])
            self.con.execute("UPDATE articles SET superseded = true WHERE article IN (SELECT unnest(?))", [arts])

    def companies_of_articles(self, articles: Sequence[str]) -> list[str]:
        rows = self.con.execute("SELECT DISTINCT company FROM claims WHERE article IN (SELECT unnest(?)) "
                                "ORDER BY company", [list(articles)]).fetchall()
        return [r[0] for r in rows]

    def known_shas(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT sha256 FROM articles").fetchall()}

    def count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM claims").fetchall()[0][0])

    def analysed_count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM claims WHERE NOT superseded AND metric != 'unclassified'")
                   .fetchall()[0][0])

    def clear(self) -> None:
        for table in ("claims", "articles", "groups", "group_claims", "group_links", "checks", "trust",
                      "company_hash"):
            self.con.execute(f"DELETE FROM {table}")

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every table's rows in a canonical order (to compare two indexes)."""
        out = {}
        for table in ("claims", "articles", "groups", "group_claims", "group_links", "checks", "trust"):
            out[table] = sorted(self.con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        return out

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of ``sql`` as dicts."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def columns(self, sql: str, params: Sequence[Any] = ()) -> dict[str, list[Any]]:
        """Columns of ``sql`` as lists (the fast path for big reads)."""
        table = self.con.sql(sql, params=list(params) or None).to_arrow_table()
        return {n: table.column(n).to_pylist() for n in table.column_names}


def _layout(value: str | None) -> int:
    """The layout number stored in an index's meta table (0 when it is not one)."""
    try:
        return int(value or 0)
    except ValueError:
        return 0


_ARROW: dict[str, Any] = {}


def with_company_keys(data: Any) -> Any:
    """An Arrow table of claim rows with its ``company_key`` column computed from ``company``
    (:func:`claimgraph.sources.companies.company_key`, once per distinct name).

    >>> import pyarrow as pa
    >>> t = with_company_keys(pa.table({"company": ["IVACO", "Ivaco Inc", None], "company_key": [None, None, None]}))
    >>> t.column("company_key").to_pylist()
    ['ivaco', 'ivaco', None]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from claimgraph.sources.companies import company_key

    companies = data.column("company")
    names = pc.unique(companies)
    keys = pa.array([None if n is None else company_key(n) for n in names.to_pylist()], type=pa.string())
    column = pc.take(keys, pc.index_in(companies, value_set=names))
    return data.set_column(data.schema.get_field_index("company_key"), "company_key", column)


def _arrow_types() -> None:
    import pyarrow as pa

    _ARROW.update({"VARCHAR": pa.string(), "DOUBLE": pa.float64(), "INTEGER": pa.int32(), "BOOLEAN": pa.bool_()})


def open_index(store: Any, *, read_only: bool = False, wait: float = 30.0) -> ClaimIndex:
    """The index of ``store`` (kept on the store object for in-memory stores)."""
    path = index_path_for(store)
    if path is None:
        ix = getattr(store, "_claim_index", None)
        if ix is None:
            ix = ClaimIndex.memory()
            store._claim_index = ix
        return _Shared(ix)
    return ClaimIndex.open(path, read_only=read_only, wait=wait)


def open_next(store: Any, *, fresh: bool = False) -> ClaimIndex:
    """The index a writer changes: ``<index>.next``, a copy of the published index (or, ``fresh``, an empty
    one), for :func:`publish` to put in place. An in-memory store's index is changed in place (its
    transaction is the unit of change)."""
    path = index_path_for(store)
    if path is None:
        return open_index(store)
    nxt = path + ".next"
    for stale in (nxt, nxt + ".wal"):  # left by a writer that was killed
        with contextlib.suppress(FileNotFoundError):
            os.remove(stale)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if not fresh and os.path.exists(path):
        try:
            shutil.copyfile(path, nxt)
            if os.path.exists(path + ".wal"):  # not checkpointed (written by an older claimgraph): keep it
                shutil.copyfile(path + ".wal", nxt + ".wal")
        except OSError as exc:
            raise StoreError(f"cannot write the claim index {nxt} ({exc.strerror or exc}); check the disk and "
                             "the folder's permissions") from None
    ix = ClaimIndex.open(nxt, read_only=False, wait=0)
    ix.target = path
    return ix


def publish(ix: ClaimIndex) -> None:
    """Put a ``.next`` index in place by an atomic rename (readers see the old index or the new one, whole)."""
    if ix.target is None or ix.path is None:
        ix.close()
        return
    ix.con.execute("CHECKPOINT")
    ix.close()
    _fsync(ix.path)
    with contextlib.suppress(FileNotFoundError):
        os.remove(ix.target + ".wal")  # belonged to the file being replaced (its content is in the copy)
    os.replace(ix.path, ix.target)
    _fsync(os.path.dirname(os.path.abspath(ix.target)))


def discard(ix: ClaimIndex) -> None:
    """Drop a ``.next`` index that will not be published (the write failed)."""
    ix.close()
    if ix.target is not None and ix.path is not None:
        for name in (ix.path, ix.path + ".wal"):
            with contextlib.suppress(OSError):
                os.remove(name)


def _fsync(path: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class _Shared(ClaimIndex):
    """An in-memory index owned by its store: closing the view leaves it open."""

    def __init__(self, inner: ClaimIndex) -> None:
        super().__init__(inner.con, None, False)

    def close(self) -> None:
        return


def authors_json(authors: Sequence[tuple[str, str]]) -> str:
    return json.dumps([{"name": n, "kind": k} for n, k in authors], ensure_ascii=False)
