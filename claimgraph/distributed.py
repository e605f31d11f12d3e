"""Extraction past one machine: Dask workers write N-Quads shards and claim-index files; one writer loads them.

Stages:

1. list the input files (folders expanded; stdin is not distributed);
2. split them into partitions and run, on each Dask worker: read → extract → quads and index rows
   (the same :func:`claimgraph.pipeline._prepare` as a local ingest), writing per partition
   ``part-<n>.nq`` (N-Quads, what a SPARQL server's bulk loader takes, e.g. Virtuoso's ``ld_dir``) and
   ``part-<n>.parquet`` (one row per article: its quads, claim rows and metadata);
3. load the shards into the store through :class:`claimgraph.graph.writer.Writer`: known texts skipped,
   new versions linked, index rows and the analysis of the touched companies committed as one generation.

Without ``scheduler`` a local cluster of worker processes is started (``LocalCluster``); with
``scheduler="tcp://host:8786"`` the work goes to a running Dask cluster, whose workers must see the input
and shard folders at the same paths (a shared filesystem) and have claimgraph installed.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError, InputError
from claimgraph.graph.store import Store


@dataclass
class ShardReport:
    """What the distributed extraction wrote."""

    shards: list[str] = field(default_factory=list)
    articles: int = 0
    claims: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def _files(paths: Iterable[str]) -> list[str]:
    from claimgraph.sources.readers import iter_paths

    out = []
    for item in iter_paths(paths):
        if item.path is None and item.error is None:
            raise InputError("stdin cannot be distributed; pass files or folders, or use --engine local")
        out.append(str(item.path) if item.path is not None and item.path.exists() else item.label)
    return out


def extract_partition(files: list[str], shard: str, meta_blob: bytes) -> dict[str, Any]:
    """Run on a worker: extract ``files`` and write ``shard``.nq and ``shard``.parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from claimgraph.pipeline import _prepare
    from claimgraph.sources.readers import read_inputs

    meta, fmt, max_bytes = pickle.loads(meta_blob)
    rows: dict[str, list[Any]] = {k: [] for k in ("source", "sha", "url", "nquads", "claims", "rows", "article")}
    failed = []
    with open(shard + ".nq", "w", encoding="utf-8") as nq:
        for r in read_inputs(files, meta=meta, fmt=fmt, max_bytes=max_bytes):
            p = _prepare(r)
            if p.error is not None or p.sha is None:
                failed.append((p.source, p.error or f"{p.source}: unreadable"))
                continue
            nq.write(p.nquads)
            for key, value in (("source", p.source), ("sha", p.sha), ("url", p.url), ("nquads", p.nquads),
                               ("claims", p.claims), ("rows", json.dumps(p.rows, ensure_ascii=False)),
                               ("article", json.dumps(p.article, ensure_ascii=False))):
                rows[key].append(value)
    pq.write_table(pa.table(rows), shard + ".parquet")
    return {"shard": shard, "articles": len(rows["sha"]), "claims": sum(rows["claims"]), "failed": failed}


def extract_shards(paths: Iterable[str], out_dir: str | Path, *, scheduler: str | None = None, workers: int = 2,
                   files_per_partition: int = 250, meta: Any = None, fmt: Any = None,
                   max_bytes: int = 20_000_000) -> ShardReport:
    """Extract ``paths`` on a Dask cluster into shards under ``out_dir``; see the module docstring.

    :raises ConfigError: when Dask is not installed (``pip install 'claimgraph[dask]'``).
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("the dask engine needs Dask: pip install 'claimgraph[dask]'") from None
    from claimgraph.sources.readers import MAX_BYTES_DEFAULT, Metadata

    files = _files(paths)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    blob = pickle.dumps((meta or Metadata(), fmt, max_bytes or MAX_BYTES_DEFAULT))
    chunks = [files[i:i + files_per_partition] for i in range(0, len(files), files_per_partition)]
    _write_vocabulary(out)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(extract_partition, chunk, str((out / f"part-{n:05d}").resolve()), blob, pure=False)
                   for n, chunk in enumerate(chunks)]
        report = ShardReport()
        for result in client.gather(futures):
            report.shards.append(result["shard"])
            report.articles += result["articles"]
            report.claims += result["claims"]
            report.failed += [tuple(f) for f in result["failed"]]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report.shards.sort()
    return report


def _write_vocabulary(out: Path) -> None:
    """The metric scheme and registry as a shard of their own, so that a server's bulk loader gets everything."""
    from claimgraph.graph.rdf import nquads, vocabulary_quads
    from claimgraph.sources.companies import load_registry
    from claimgraph.sources.metrics import load_vocabulary

    (out / "vocabulary.nq").write_text(nquads(vocabulary_quads(load_vocabulary(), load_registry())), encoding="utf-8")


def load_shards(shards: Iterable[str], store: Store, *, refresh_trust: bool | None = None) -> Any:
    """Load shards (paths without extension) into ``store`` as one generation, as a local ingest would."""
    import pyarrow.parquet as pq

    from claimgraph.graph.rdf import article_iri, nquads, vocabulary_quads
    from claimgraph.graph.writer import Writer
    from claimgraph.pipeline import BATCH_ARTICLES, IngestReport, Prepared, _flush, _revision_nquads
    from claimgraph.sources.companies import load_registry
    from claimgraph.sources.metrics import load_vocabulary

    report = IngestReport()
    writer = Writer(store, refresh_trust=refresh_trust)
    writer.vocabulary(nquads(vocabulary_quads(load_vocabulary(), load_registry())))
    batch: list[Prepared] = []
    for shard in shards:
        table = pq.read_table(shard + ".parquet").to_pylist()
        for r in table:
            if r["sha"] in writer.known_shas:
                report.unchanged += 1
                continue
            rows = [tuple(x) for x in json.loads(r["rows"])]
            article = tuple(json.loads(r["article"]))
            sha: str = r["sha"]
            p = Prepared(r["source"], sha, r["url"], r["nquads"], r["claims"], rows=rows, article=article)
            if p.url and (previous := writer.known_urls.get(p.url)) is not None:
                _flush(writer, batch, report)
                batch = []
                p.nquads += _revision_nquads(_iri(previous), article_iri(sha))
                p.supersedes = previous
                report.revised += 1
            writer.known_shas.add(sha)
            if p.url:
                writer.known_urls[p.url] = article[0]
            batch.append(p)
            if len(batch) >= BATCH_ARTICLES:
                _flush(writer, batch, report)
                batch = []
    _flush(writer, batch, report)
    writer.finish()
    return report


def _iri(value: str) -> Any:
    from rdflib import URIRef

    return URIRef(value)
