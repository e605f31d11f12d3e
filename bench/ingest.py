"""Ingest throughput end to end (CLI, 2 workers) into Oxigraph, next to rdflib's Memory store (in process).

The Oxigraph rows are whole `claimgraph ingest` processes: read, extract, write RDF and index rows, and the
kept analysis of every company touched; peak RSS is the largest of the process and its workers.

Usage: python -m bench.ingest [SIZES...]   (default 100 1000 10000)
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from bench.common import LAST_CPU, OUT, load_average, peak_rss_mb, run_measured, table, timed
from bench.corpus import write_articles


def run(sizes: list[int]) -> str:
    rows = []
    for n in sizes:
        corpus = OUT / f"articles-{n}"
        write_articles(n, corpus)
        with tempfile.TemporaryDirectory() as tmp:
            store = Path(tmp) / "store"
            load = load_average()
            wall, rss, proc = run_measured([sys.executable, "-m", "claimgraph", "ingest", str(corpus), "--store",
                                            str(store), "--workers", "2", "--format", "json"])
            report = json.loads(proc.stdout.strip().splitlines()[-1])
            rows.append([f"Oxigraph, {n} articles", n / wall, report["claims"] / wall, wall, LAST_CPU[0], rss,
                         f"{load:.1f}"])
        if n <= 1000:
            from claimgraph.graph.store import open_store
            from claimgraph.pipeline import ingest

            mem = open_store("memory")
            load = load_average()
            rep, wall = timed(lambda: ingest([str(corpus)], mem, workers=2))  # noqa: B023
            rows.append([f"rdflib Memory, {n} articles", n / wall, rep.claims / wall, wall, "-", peak_rss_mb(),
                         f"{load:.1f}"])
    shutil.rmtree(OUT / "tmp", ignore_errors=True)
    return ("Ingest, end to end (read, extract in 2 worker processes, one writer):\n\n"
            + table(["store, corpus", "articles/s", "claims/s", "seconds", "CPU s (all processes)", "peak RSS MB",
                     "load"], rows))


if __name__ == "__main__":
    print(run([int(x) for x in sys.argv[1:]] or [100, 1000, 10000]))
