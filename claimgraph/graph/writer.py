"""One write command as one store generation: RDF, claim index and stored analysis committed in step.

Stages (see :mod:`claimgraph.graph.generations` for the protocol and what a reader sees):

1. open: check the index against the store; a stale or missing index, or an unfinished generation left by
   a killed writer, is rebuilt from the RDF at the end of this generation;
2. ``add``: each batch of whole articles (or imported rows) in one RDF transaction, its index rows staged
   (as Arrow tables, so a million rows stay small);
3. ``finish``: one index transaction with the staged rows, the superseded articles and the analysis of
   the companies touched (:func:`claimgraph.analysis.kept.update`), on a copy of the published index
   (``<index>.next``) that is then published by atomic rename; then the generation's commit mark.

>>> from claimgraph.graph.store import open_store
>>> store = open_store("memory")
>>> w = Writer(store)
>>> w.finish() is None  # nothing written: no generation
True
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.analysis.analyse import Analysis
from claimgraph.analysis.conflicts import AgreementConfig
from claimgraph.background import WriteQueue
from claimgraph.collector import gc_paused
from claimgraph.errors import IndexUnavailableError, StoreError
from claimgraph.graph import generations as gens
from claimgraph.graph.generations import open_reader as open_reader  # re-exported: readers used to import it here
from claimgraph.graph.generations import stale_reason
from claimgraph.graph.index import (
    ARTICLE_NAMES,
    CLAIM_NAMES,
    ClaimIndex,
    authors_json,
    claim_row,
    discard,
    index_path_for,
    open_index,
    open_next,
    publish,
)
from claimgraph.graph.namespaces import ID
from claimgraph.graph.rdf import _clean, article_iri
from claimgraph.graph.store import Store
from claimgraph.queries import load_query
from claimgraph.sources.model import Extraction

Row = tuple[Any, ...]


def extraction_rows(ex: Extraction, sha: str) -> tuple[list[Row], Row]:
    """The index rows of one extracted article: its claims, and the article itself."""
    doc = ex.document
    art = str(article_iri(sha))
    author = _clean(doc.authors[0].name) if doc.authors else None
    publisher = _clean(doc.publisher) if doc.publisher else None
    published = doc.published.isoformat() if doc.published else None
    title = _clean(doc.title) if doc.title else None
    iris = [f"{ID}claim/{sha[:32]}-{n}" for n in range(len(ex.claims))]
    rows = []
    for iri, c in zip(iris, ex.claims, strict=True):
        v, p = c.value, c.period
        revises = iris[c.revises] if c.revises is not None and 0 <= c.revises < len(iris) else None
        rows.append(claim_row(
            claim=iri, article=art, company=c.company, metric=c.metric, measure=c.measure.value, low=float(v.low),
            high=float(v.high), point=None if v.point is None else float(v.point), decimals=int(v.decimals),
            qualifier=v.qualifier.value, unit=v.unit, stated=_clean(v.stated), quote=_clean(c.quote),
            quote_start=int(c.span[0]), quote_end=int(c.span[1]), period_label=_clean(p.label) if p else None,
            period_start=p.start.isoformat() if p else None, period_end=p.end.isoformat() if p else None,
            period_kind=p.kind if p else None, resolution=c.resolution.value, modality=c.modality.value,
            revises=revises, author=author, publisher=publisher, published=published, title=title))
    authors = sorted((_clean(a.name), a.kind.value) for a in doc.authors)
    article = (art, title, authors_json(authors), publisher, published, _clean(doc.url) if doc.url else None, sha,
               _clean(doc.record_id) if doc.record_id is not None else None, False)
    return rows, article


@dataclass
class WriteResult:
    """What the generation committed."""

    generation: int
    companies: int
    groups: int
    rewritten: int
    trust_refreshed: bool
    rebuilt: bool
    analysis: Analysis | None  # None when the writer was told not to keep it (ingest, import-claims)


class Writer:
    """A write command as one generation; see the module docstring."""

    def __init__(self, store: Store, *, refresh_trust: bool | None = None, rebuild: bool = False,
                 warn: Callable[[str], None] | None = None, config: AgreementConfig | None = None,
                 keep_analysis: bool = True) -> None:
        self.store = store
        self.keep_analysis = keep_analysis
        self.config = config
        self.refresh_trust = refresh_trust
        self.warn = warn or (lambda msg: print(msg, file=sys.stderr))
        self.generation = 0
        self._claims: list[Any] = []
        self._articles: list[Any] = []
        self._superseded: list[str] = []
        self._companies: set[str] = set()
        self._new_vocabulary: str | None = None
        # Set by a writer that queues its RDF writes (import-claims): the analysis graphs are queued behind them.
        self.rdf_queue: WriteQueue | None = None
        ix, reason = _published(store)
        try:
            reason = reason or stale_reason(store, ix)
            self.known_shas = ix.known_shas()
            self.vocabulary_hash = ix.meta("vocabulary")
            self.known_urls = {r["url"]: r["article"] for r in ix.rows(
                "SELECT url, article FROM articles WHERE url IS NOT NULL AND NOT superseded")}
        finally:
            ix.close()
        self.rebuild = rebuild or reason is not None
        if reason is not None:  # the index is not this store's (left beside a store made anew, or behind it):
            # nothing it lists is known to be stored, so the articles it names are looked up in the store instead
            self.known_shas, self.known_urls = set(), {}
            self.warn(f"note: {reason}; rebuilding the claim index and the analysis from the store")

    def vocabulary(self, nquads: str) -> None:
        """Write the metric vocabulary and registry quads when they changed since the last write."""
        import hashlib

        digest = hashlib.sha256(nquads.encode("utf-8")).hexdigest()
        if digest != self.vocabulary_hash or self.rebuild:
            self.add(nquads)
            self._new_vocabulary = digest

    def begin(self) -> int:
        if not self.generation:
            self.generation = gens.begin(self.store)
        return self.generation

    def add(self, nquads: str, claims: Sequence[Row] = (), articles: Sequence[Row] = (),
            supersedes: Sequence[str] = ()) -> None:
        """Write one batch to the RDF store (one transaction) and stage its index rows."""
        self.begin()
        if nquads:
            self.store.add_nquads(nquads)
        self.stage(claims, articles, supersedes)

    def write(self, nquads: str) -> None:
        """Write quads we generated from validated rows to the RDF store with the store's fastest loader (their
        index rows are staged by the caller)."""
        self.begin()
        if nquads:
            self.store.add_nquads(nquads, transactional=False)

    def write_file(self, path: Path) -> None:
        """:meth:`write` for an N-Quads file (the embedded store's bulk loader reads it without Python)."""
        self.begin()
        self.store.add_nquads_file(path)

    def stage(self, claims: Sequence[Row] = (), articles: Sequence[Row] = (), supersedes: Sequence[str] = ()) -> None:
        """Stage index rows of quads already written in this generation."""
        if claims:
            self._claims.append(_arrow(CLAIM_NAMES, claims))
            self._companies.update(r[2] for r in claims)
        if articles:
            self._articles.append(_arrow(ARTICLE_NAMES, articles))
            self.known_shas.update(r[6] for r in articles)
            self.known_urls.update({r[5]: r[0] for r in articles if r[5]})
        self._superseded.extend(supersedes)

    def finish(self, *, pending: Callable[[], None] | None = None) -> WriteResult | None:
        """Commit the index rows and the analysis of the touched companies, then the generation.

        ``pending`` waits for RDF writes still running on another thread (an import's last batches): the
        analysis, which reads the staged index rows, is computed meanwhile, and the analysis graphs are
        written after them. Those writes must not carry correction notices (imported rows never do), since
        the analysis reads the notices from the RDF before waiting.
        """
        drain = pending or (lambda: None)
        if not self.generation and not self.rebuild:
            drain()
            return None
        with gc_paused():
            return self._finish(drain)

    def _finish(self, drain: Callable[[], None]) -> WriteResult:
        from claimgraph.analysis.kept import update

        n = self.begin()
        ix = open_next(self.store, fresh=self.rebuild)
        try:
            with ix.transaction():
                companies: set[str] | None
                if self.rebuild:
                    drain()
                    rebuild_rows(self.store, ix)
                    companies = None
                else:
                    for t in self._articles:
                        _insert_arrow(ix, "articles", t)
                    for t in self._claims:
                        _insert_arrow(ix, "claims", t)
                    self._articles, self._claims = [], []  # in the index now: freed before the analysis
                    companies = set(self._companies)
                    if self._superseded:
                        companies.update(ix.companies_of_articles(self._superseded))
                        ix.supersede(self._superseded)
                submit = self.rdf_queue.submit if self.rdf_queue is not None and not self.rebuild else None
                result = update(self.store, ix, companies, generation=n, refresh_trust=self.refresh_trust,
                                config=self.config, before_write=drain, submit=submit)
                summary = (result.companies, result.groups, result.rewritten, result.trust_refreshed)
                analysis = result.analysis if self.keep_analysis else None
                del result  # without keep_analysis, the analysis objects are freed before the index commits
                if submit is None:
                    drain()
                ix.set_meta("generation", str(n))
                if self._new_vocabulary:
                    ix.set_meta("vocabulary", self._new_vocabulary)
            # Queued RDF writes (an import's last batches and its analysis graphs) ran while the index file was
            # committed; it is published only once they are all in the store.
            drain()
            publish(ix)  # whole, by atomic rename: readers see the previous index or this one
        except BaseException:
            discard(ix)
            raise
        gens.commit(self.store, n)
        end_write = getattr(self.store, "end_write", None)
        if end_write is not None:
            end_write()  # readers may open the RDF again (an embedded store's .writing marker is given up)
        return WriteResult(n, *summary, self.rebuild, analysis)


def _published(store: Store) -> tuple[ClaimIndex, str | None]:
    """The published index, read-only (an empty one when it is missing or unreadable, with the reason)."""
    path = index_path_for(store)
    if path is None:
        return open_index(store), None
    if not os.path.exists(path):
        return ClaimIndex.memory(), None  # a new store, or one written before it had an index: see stale_reason
    try:
        return ClaimIndex.open(path, read_only=True), None
    except IndexUnavailableError as exc:
        return ClaimIndex.memory(), str(exc).split("; run")[0]


def _arrow(names: Sequence[str], rows: Sequence[Row]) -> Any:
    import pyarrow as pa

    from claimgraph.graph.index import _ARROW, ARTICLE_COLUMNS, CLAIM_COLUMNS, _arrow_types, with_company_keys

    if not _ARROW:
        _arrow_types()
    types = dict(CLAIM_COLUMNS) if names is CLAIM_NAMES else dict(ARTICLE_COLUMNS)
    cols = list(zip(*rows, strict=True))
    data = pa.table({n: pa.array(list(c), type=_ARROW[types[n]]) for n, c in zip(names, cols, strict=True)})
    return with_company_keys(data) if names is CLAIM_NAMES else data


def _insert_arrow(ix: ClaimIndex, table: str, data: Any) -> None:
    names = ", ".join(data.column_names)
    ix.con.register("_staged", data)
    try:
        ix.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _staged")
    finally:
        ix.con.unregister("_staged")


def rebuild_rows(store: Store, ix: ClaimIndex) -> int:
    """Replace the index's rows with the claims and articles read from the RDF (``reindex``)."""
    ix.clear()
    claims: dict[str, Row] = {}
    for r in store.select(load_query("index-claims").text):
        if r["claim"] in claims:
            continue
        claims[r["claim"]] = claim_row(
            claim=r["claim"], article=r["article"], company=r["company"], metric=r["metric"],
            measure=r["measure"], low=float(r["low"]), high=float(r["high"]),
            point=None if r.get("point") is None else float(r["point"]), decimals=int(r["decimals"]),
            qualifier=r["qualifier"], unit=r["unit"], stated=r["stated"], quote=r["quote"],
            quote_start=int(r["start"]), quote_end=int(r["end"]), period_label=r.get("periodLabel"),
            period_start=_iso(r.get("periodStart")), period_end=_iso(r.get("periodEnd")),
            period_kind=r.get("periodKind"), resolution=r["resolution"], modality=r["modality"],
            revises=r.get("revises"), author=r.get("author"), publisher=r.get("publisher"),
            published=_iso(r.get("published")), title=r.get("title"), superseded=bool(r.get("superseded") or False))
    articles: dict[str, dict[str, Any]] = {}
    for r in store.select(load_query("articles").text):
        a = articles.setdefault(r["article"], {"row": r, "authors": set()})
        if r.get("authorName"):
            a["authors"].add((r["authorName"], r.get("authorKind")))
    rows = [(k, a["row"].get("title"), authors_json(sorted(a["authors"])), a["row"].get("publisher"),
             _iso(a["row"].get("published")), a["row"].get("url"), a["row"]["sha256"], a["row"].get("recordId"),
             bool(a["row"].get("superseded") or False)) for k, a in articles.items()]
    for i in range(0, len(claims), 200_000):
        ix.insert_claims(list(claims.values())[i:i + 200_000])
    ix.insert_articles(rows)
    return len(claims)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def reindex(store: Store, *, refresh_trust: bool = True) -> WriteResult:
    """Rebuild the claim index and the stored analysis from the RDF, as a generation of its own."""
    w = Writer(store, refresh_trust=refresh_trust, rebuild=True, warn=lambda _m: None)
    result = w.finish()
    if result is None:  # pragma: no cover - rebuild always writes a generation
        raise StoreError("reindex wrote nothing")
    return result


def analyse_store(store: Store, *, config: AgreementConfig | None = None) -> WriteResult:
    """Recompute the whole analysis (and trust) from the index, as a generation of its own."""
    w = Writer(store, refresh_trust=True, config=config)
    w.begin()
    w._companies = set()
    result = w.finish()
    assert result is not None
    return result


def apply_update(store: Store, sparql: str) -> WriteResult:
    """Run a hand-written SPARQL UPDATE, then rebuild the index and the analysis from the RDF."""
    w = Writer(store, rebuild=True, warn=lambda _m: None)
    w.begin()
    store.update(sparql)
    result = w.finish()
    assert result is not None
    return result
