"""Ingest: read → skip known text → extract → RDF and index rows → store, in transactions of whole articles.

Stages:

1. read every input (:func:`claimgraph.sources.readers.read_inputs`), keeping failures;
2. skip text already in the store by its hash, before extraction (the claim index knows every article's hash);
3. extract claims (:func:`claimgraph.sources.extract.extract`), in worker processes when ``workers > 1``;
4. map to N-Quads text (:func:`claimgraph.graph.article_text.article_nquads`, the text of
   :func:`claimgraph.graph.rdf.article_quads`) and claim-index rows
   (:func:`claimgraph.graph.writer.extraction_rows`), in the workers;
5. write batches of whole articles, each in one transaction, on a writer thread while extraction goes on,
   linking a new text at a known URL to the old version (prov:wasRevisionOf);
6. commit the generation: index rows and the analysis of the companies touched
   (:class:`claimgraph.graph.writer.Writer`).

>>> from claimgraph.graph.store import open_store
>>> from claimgraph.sources.examples import example_paths
>>> store = open_store("memory")
>>> report = ingest([str(p) for p in example_paths()], store)
>>> report.articles, report.failed
(5, [])
>>> ingest([str(p) for p in example_paths()], store).unchanged
5
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Literal, URIRef

from claimgraph.errors import ConfigError, StoreError
from claimgraph.graph.article_text import article_nquads
from claimgraph.graph.namespaces import CG, ID, PROV, XSD
from claimgraph.graph.rdf import article_iri, graph_iris, nquads, text_hash, vocabulary_quads
from claimgraph.graph.store import Store
from claimgraph.graph.writer import Writer, extraction_rows
from claimgraph.queries import load_query
from claimgraph.sources.companies import load_registry
from claimgraph.sources.extract import extract
from claimgraph.sources.metrics import load_vocabulary
from claimgraph.sources.model import Claim, Document, Extraction
from claimgraph.sources.readers import MAX_BYTES_DEFAULT, Format, Metadata, ReadResult, iter_paths, read_inputs

T = TypeVar("T")


@dataclass
class IngestReport:
    """What an ingest did."""

    articles: int = 0
    claims: int = 0
    unchanged: int = 0
    revised: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"articles": self.articles, "claims": self.claims, "unchanged": self.unchanged,
                "revised": self.revised, "failed": [{"source": s, "reason": r} for s, r in self.failed],
                "warnings": list(self.warnings)}


@dataclass
class Prepared:
    """One article, extracted and serialised in a worker, ready for the single writer."""

    source: str
    sha: str | None = None
    url: str | None = None
    nquads: str = ""
    claims: int = 0
    error: str | None = None
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    article: tuple[Any, ...] | None = None
    supersedes: str | None = None
    item: int = 0


def _extract_one(doc: Document) -> tuple[Document, Extraction, str | None]:
    """Extract ``doc``; an internal error keeps the article (metadata and text, no claims) and says so."""
    try:
        return doc, extract(doc), None
    except ConfigError:
        raise  # a bad metric or company file fails every article alike: one error for the run, not a bug report
    except Exception as exc:  # a bug in extraction must not lose the article
        detail = " ".join(str(exc).split())[:160]
        reason = (f"{doc.source}: claims were not extracted (internal error {type(exc).__name__}: {detail}); "
                  "the article is kept with its metadata and text; please report this bug")
        return doc, Extraction(doc, None, [], [], []), reason


def _prepare(r: ReadResult) -> Prepared:
    """Read result → extraction → N-Quads text (runs in worker processes)."""
    if r.document is None:
        return Prepared(r.source, error=r.error or f"{r.source}: unreadable", item=r.item)
    _, ex, err = _extract_one(r.document)
    return _prepared(r, ex, err)


def _prepared(r: ReadResult, ex: Extraction, error: str | None) -> Prepared:
    """The N-Quads text and index rows of an extraction (an RDF build error is reported, never raised)."""
    try:
        sha = text_hash(ex.document.text)
        text = article_nquads(ex, sha=sha)
        rows, article = extraction_rows(ex, sha)
    except Exception as exc:
        return Prepared(r.source, error=f"{r.source}: cannot build RDF ({type(exc).__name__}: {exc})", item=r.item)
    return Prepared(r.source, sha, ex.document.url, text, len(ex.claims), rows=rows, article=article,
                    error=error, item=r.item)


IN_FLIGHT = 128  # inputs read or extracted but not yet taken by the writer
CHUNK = 8  # inputs per task sent to a worker


def _ordered(results: Iterable[ReadResult], workers: int, fn: Callable[[ReadResult], T],
             on_crash: Callable[[ReadResult, str], T]) -> Iterator[T]:
    """``fn`` over ``results`` in input order, in ``workers`` processes when more than one.

    At most ``IN_FLIGHT`` inputs are between reading and the consumer: when the writer falls behind the
    workers, reading waits instead of piling extracted articles up in memory (10,000 articles held 1.5 GB).

    A worker that dies (a segfault in a native library, the out-of-memory killer) breaks the pool: the inputs
    it held are run again one at a time, each in a fresh process, so the one that kills its process again is
    known; it gets ``on_crash(input, why)`` and every other input its result. Nothing waits forever and no
    other input is lost.
    """
    if workers <= 1:
        yield from map(fn, results)
        return
    # no more processes than chunks can be in flight: the others would never get work, and a fork context starts
    # them all at once (--workers 10000 forked until the machine stalled)
    workers = min(workers, max(2, IN_FLIGHT // CHUNK))
    from collections import deque
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[tuple[list[ReadResult], Future[list[T]]]] = deque()
    pool = _pool(workers)
    try:
        chunk: list[ReadResult] = []
        source = iter(results)
        while True:
            r = next(source, None)
            if r is not None:
                chunk.append(r)
            if chunk and (len(chunk) >= CHUNK or r is None):
                try:
                    pending.append((chunk, pool.submit(_run_chunk, fn, chunk)))
                except BrokenProcessPool:  # a worker died since the last result was taken
                    suspects = [x for rest, _ in pending for x in rest] + chunk
                    pending.clear()
                    pool.shutdown(wait=True, cancel_futures=True)
                    yield from _isolated(suspects, fn, on_crash)
                    pool = _pool(workers)
                chunk = []
            while pending and (r is None or len(pending) * CHUNK >= IN_FLIGHT or pending[0][1].done()):
                items, future = pending.popleft()
                try:
                    done = future.result()
                except BrokenProcessPool:
                    suspects = items + [x for rest, _ in pending for x in rest]
                    pending.clear()
                    pool.shutdown(wait=True, cancel_futures=True)
                    yield from _isolated(suspects, fn, on_crash)
                    pool = _pool(workers)
                    continue
                yield from done
            if r is None:
                return
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _pool(workers: int) -> Any:
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    return ProcessPoolExecutor(workers, mp_context=ctx)


def _run_chunk(fn: Callable[[ReadResult], T], chunk: list[ReadResult]) -> list[T]:
    return [fn(r) for r in chunk]


def _isolated(items: list[ReadResult], fn: Callable[[ReadResult], T],
              on_crash: Callable[[ReadResult, str], T]) -> Iterator[T]:
    """Each of ``items`` in a process of its own (one at a time, in order): an input whose process dies gets
    ``on_crash``."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(1)
    try:
        for r in items:
            try:
                yield pool.submit(fn, r).result()
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = _pool(1)
                yield on_crash(r, "its extraction process died (a crash in native code, or out of memory)")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _extract_result(r: ReadResult) -> tuple[ReadResult, Extraction | None, str | None]:
    if r.document is None:
        return r, None, r.error
    _, ex, err = _extract_one(r.document)
    return r, ex, err


def _crashed_reason(doc: Document, why: str) -> str:
    return (f"{doc.source}: claims were not extracted ({why}); the article is kept with its metadata and text; "
            "please report this bug")


def _extract_crashed(r: ReadResult, why: str) -> tuple[ReadResult, Extraction | None, str | None]:
    """What :func:`_extract_result` gives for an input whose worker died: the document without claims."""
    if r.document is None:
        return r, None, r.error
    return r, Extraction(r.document, None, [], [], []), _crashed_reason(r.document, why)


def _prepare_crashed(r: ReadResult, why: str) -> Prepared:
    """What :func:`_prepare` gives for an input whose worker died: the article stored without claims."""
    if r.document is None:
        return Prepared(r.source, error=r.error or f"{r.source}: unreadable", item=r.item)
    return _prepared(r, Extraction(r.document, None, [], [], []), _crashed_reason(r.document, why))


def extract_all(results: Iterable[ReadResult], *, workers: int = 1,
                ) -> Iterator[tuple[ReadResult, Extraction | None, str | None]]:
    """Extract every readable document, in input order, optionally in ``workers`` processes.

    The extraction is ``None`` only for an unreadable input; an internal error in extraction yields the
    document's extraction without claims together with the error.
    """
    yield from _ordered(results, workers, _extract_result, _extract_crashed)


BATCH_ARTICLES = 64  # the first transaction; each next one twice as big, up to MAX_BATCH_ARTICLES
BATCH_CHARS = 4_000_000
MAX_BATCH_ARTICLES = 256
# Oxigraph writes every transaction as new files that it merges later: 2,000 synthetic articles cost 9.7 s of CPU
# in transactions of 16 articles, 6.0 s in 64 and 4.2 s in 256 (bench/results.md, issue 15, 2026-12-06). The first
# batches stay small, so a short ingest (or one killed early) has committed whole articles soon.


def batch_limits(written: int) -> tuple[int, int]:
    """Articles and N-Quads characters of the next transaction, when ``written`` were written before it.

    >>> [batch_limits(n)[0] for n in range(5)]
    [64, 128, 256, 256, 256]
    """
    factor = min(2 ** written, MAX_BATCH_ARTICLES // BATCH_ARTICLES)
    return BATCH_ARTICLES * factor, BATCH_CHARS * factor


def ingest(paths: Iterable[str], store: Store, *, meta: Metadata | None = None, fmt: Format | None = None,
           workers: int = 1, max_bytes: int = MAX_BYTES_DEFAULT, stdin: object = None,
           progress: Callable[[int, int], None] | None = None, refresh_trust: bool | None = None,
           ) -> IngestReport:
    """Ingest files, folders and ``-`` (stdin) into ``store``; see the module docstring.

    Workers extract and serialise; a writer thread writes transactions of whole articles (64, then twice as
    many each time up to 256: :func:`batch_limits`) while they work, so a crash loses at most the batches in
    flight and never leaves part of an article. The claim index and the analysis of the companies touched are committed at the end
    (``refresh_trust``: None refreshes trust when the analysed claims grew by 10%, True always). A transaction
    that fails is retried article by article; the store's own files are never read as inputs. ``progress`` is
    called with (input items done, input items in all).
    """
    report = IngestReport()
    writer = Writer(store, refresh_trust=refresh_trust, keep_analysis=False)
    writer.vocabulary(nquads(vocabulary_quads(load_vocabulary(), load_registry())))
    skipped: list[str] = []
    items = list(iter_paths(paths, exclude=store.own_files()))
    results = _skip_known(read_inputs(paths, meta=meta, fmt=fmt, max_bytes=max_bytes, stdin=stdin, items=items,
                                      warn=report.warnings.append), writer, skipped)
    batch: list[Prepared] = []
    in_batch: set[str] = set()
    chars, batches = 0, 0
    with _BatchWriter(writer, report) as out:
        for p in _ordered(results, workers, _prepare, _prepare_crashed):
            if progress is not None:
                progress(p.item + 1, len(items))
            report.unchanged += len(skipped)
            skipped.clear()
            if p.error is not None or p.sha is None:
                report.failed.append((p.source, p.error or f"{p.source}: unreadable"))
                if p.sha is None:
                    continue  # nothing was read; an article whose claims failed is still stored below
            if p.sha in in_batch or p.sha in writer.known_shas or (writer.rebuild and
                                                                  store.has_subject(article_iri(p.sha))):
                report.unchanged += 1
                continue
            if p.url and (previous := _previous_version(store, writer, p.url)) is not None:
                batches += out.put(batch)
                batch, in_batch, chars = [], set(), 0
                p.nquads += _revision_nquads(previous, article_iri(p.sha))
                p.supersedes = str(previous)
                report.revised += 1
            batch.append(p)
            in_batch.add(p.sha)
            writer.known_shas.add(p.sha)
            if p.url and p.article is not None:
                writer.known_urls[p.url] = p.article[0]
            chars += len(p.nquads)
            max_articles, max_chars = batch_limits(batches)
            if len(batch) >= max_articles or chars >= max_chars:
                batches += out.put(batch)
                batch, in_batch, chars = [], set(), 0
        report.unchanged += len(skipped)
        out.put(batch)
    writer.finish()
    return report


def _skip_known(results: Iterable[ReadResult], writer: Writer, skipped: list[str]) -> Iterator[ReadResult]:
    """Drop documents whose text the store already holds, before they are extracted."""
    for r in results:
        if r.document is not None and text_hash(r.document.text) in writer.known_shas:
            skipped.append(r.source)
            continue
        yield r


class _BatchWriter:
    """Writes batches on a thread of its own (bounded queue), so extraction and writing overlap."""

    def __init__(self, writer: Writer, report: IngestReport) -> None:
        import queue
        import threading

        self.writer, self.report = writer, report
        self.queue: queue.Queue[list[Prepared] | None] = queue.Queue(maxsize=2)  # 2 x 256 articles
        self.thread = threading.Thread(target=self._run, name="claimgraph-writer", daemon=True)
        self.failure: BaseException | None = None  # what stopped the writer thread (a full disk, a lost store)

    def __enter__(self) -> _BatchWriter:
        self.thread.start()
        return self

    def put(self, batch: list[Prepared]) -> int:
        """Queue ``batch`` for writing; how many batches were queued (0 for an empty one).

        :raises StoreError: (or whatever stopped it) when the writer thread has failed: the ingest stops there,
            with the batches written before kept, instead of waiting for a writer that is gone.
        """
        self._raise_failure()
        if batch:
            self.queue.put(list(batch))
        return 1 if batch else 0

    def _raise_failure(self) -> None:
        if self.failure is not None:
            raise self.failure

    def _run(self) -> None:
        while (batch := self.queue.get()) is not None:
            if self.failure is not None:
                continue  # drain: the ingest's thread must never block on a full queue nobody reads
            try:
                _flush(self.writer, batch, self.report)
            except BaseException as exc:  # handed to the ingest's thread, which reports it
                self.failure = exc

    def __exit__(self, *exc: object) -> None:
        self.queue.put(None)
        self.thread.join()
        if exc[0] is None:
            self._raise_failure()


def _flush(writer: Writer, batch: list[Prepared], report: IngestReport) -> None:
    if not batch:
        return
    try:
        writer.add("".join(p.nquads for p in batch), [r for p in batch for r in p.rows],
                   [p.article for p in batch if p.article is not None],
                   [p.supersedes for p in batch if p.supersedes])
        report.articles += len(batch)
        report.claims += sum(p.claims for p in batch)
    except StoreError:
        raise  # the store itself failed (read-only, full disk, unreachable): no article can be stored
    except Exception:
        for p in batch:
            try:  # write its articles one by one: only the one that cannot be stored is reported
                writer.add(p.nquads, p.rows, [p.article] if p.article is not None else [],
                           [p.supersedes] if p.supersedes else [])
            except StoreError:
                raise
            except Exception as exc:
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                report.failed.append((p.source, f"{p.source}: not stored ({reason})"))
                continue
            report.articles += 1
            report.claims += p.claims


def _revision_nquads(previous: URIRef, art: URIRef) -> str:
    meta, _, _ = graph_iris(art)
    return nquads([(art, PROV.wasRevisionOf, previous, meta), (previous, CG.supersededBy, art, meta),
                   (previous, CG.superseded, Literal(True, datatype=XSD.boolean), meta)])


def _previous_version(store: Store, writer: Writer, url: str) -> URIRef | None:
    if not writer.rebuild:
        known = writer.known_urls.get(url)
        return URIRef(known) if known else None
    rows = list(store.select(load_query("article-by-url").text, {"url": Literal(url, datatype=XSD.anyURI)}))
    return URIRef(rows[0]["article"]) if rows else None


def extract_records(paths: Iterable[str], *, meta: Metadata | None = None, fmt: Format | None = None,
                    stdin: object = None, warn: Callable[[str], None] | None = None) -> Iterator[dict[str, Any]]:
    """What ingest would record, one JSON-ready object per article or record, in input order (``extract``);
    ``warn`` receives warning lines (damaged UTF-8, a legacy encoding)."""
    for r, ex, err in extract_all(read_inputs(paths, meta=meta, fmt=fmt, stdin=stdin, warn=warn)):
        if ex is None:
            yield {"source": r.source, "error": err}
            continue
        doc = ex.document
        record: dict[str, Any] = {
            "id": doc.record_id, "source": r.source, "title": doc.title,
            "authors": [{"name": a.name, "kind": a.kind.value} for a in doc.authors],
            "publisher": doc.publisher, "published": doc.published.isoformat() if doc.published else None,
            "url": doc.url, "language": doc.language,
            "company": ex.main_company.name if ex.main_company else None,
            "claims": [claim_json(c, ex, n) for n, c in enumerate(ex.claims)],
            "quantities": [q.to_json(doc) for q in ex.quantities],
        }
        if err is not None:
            record["error"] = err  # the article was read; only its claims are missing
        yield record


def claim_json(c: Claim, ex: Extraction, n: int) -> dict[str, Any]:
    """An extracted claim in the same shape as ``claims --format json``."""
    from claimgraph.numbers import claim_value

    doc = ex.document
    art = article_iri(text_hash(doc.text))
    period = None
    if c.period is not None:
        period = {**c.period.to_json(), "resolution": c.resolution.value}
    return {
        "id": f"{ID}claim/{str(art).rsplit('/', 1)[-1]}-{n}", "article": str(art), "article_title": doc.title,
        "author": doc.authors[0].name if doc.authors else None, "quote": c.quote, "span": list(c.span),
        "company": c.company, "metric": c.metric, "measure": c.measure.value,
        "value": {**c.value.to_json(), "label": claim_value(c.value.to_json(), measure=c.measure.value, metric=c.metric)},
        "period": period, "modality": c.modality.value, "counterparties": list(c.counterparties),
    }


@dataclass
class DemoResult:
    """What ``claimgraph demo`` produced."""

    store: str
    report: IngestReport
    conflicts: list[dict[str, Any]]
    agreements: list[dict[str, Any]]
    checks: list[dict[str, Any]]
    timeline: str
    view: Path


def demo(store_spec: str | None, output: str | Path) -> DemoResult:
    """The bundled corpus ingested into the store (the default store unless ``store_spec`` names one), then its
    conflict report, the backlog timeline and the view.

    The example articles the demo wrote before are replaced (so a newer extraction shows); nothing else in the
    store is touched, and no folder is ever deleted.
    """
    from claimgraph.analysis.analyse import analyse, checks_report, conflicts_report
    from claimgraph.graph.catalog import series, timeline
    from claimgraph.graph.store import open_store
    from claimgraph.graph.store import store_spec as resolve_spec
    from claimgraph.sources.examples import example_paths
    from claimgraph.view.page import write_view

    spec = resolve_spec(store_spec)
    paths = [str(p) for p in example_paths()]
    store = open_store(spec)
    try:
        _drop_articles(store, paths)
        report = ingest(paths, store)
        analysis = analyse(store)
        line = series(timeline(store, "CoreWeave", "revenue_backlog"), metric="revenue_backlog")
        path, _, _ = write_view(store, output)
    finally:
        store.close()
    agreements = [g for g in conflicts_report(analysis, include_all=True)
                  if g["status"] == "consistent" and len({c["article"] for c in g["claims"]}) > 1]
    return DemoResult(spec, report, conflicts_report(analysis, include_all=False), agreements,
                      checks_report(analysis), line, path)


def _drop_articles(store: Store, paths: list[str]) -> None:
    """Remove the articles read from ``paths`` (by their text, and by the source they were read from)."""
    from claimgraph.graph.store import with_values

    found = {article_iri(text_hash(r.document.text)) for r in read_inputs(paths) if r.document is not None}
    query = with_values(load_query("articles-by-source").text, "source", [Literal(p) for p in paths])
    found |= {URIRef(r["article"]) for r in store.select(query)}
    for art in sorted(found):
        for graph in graph_iris(art):
            store.drop_graph(graph)


__all__ = ["IngestReport", "demo", "extract_records", "ingest"]
