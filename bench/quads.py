"""Quads per claim written by ingest and import-claims, counted on the store (what the write path costs).

Usage: python -m bench.quads
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import OUT, table
from bench.corpus import write_articles, write_claims


def run() -> str:
    from claimgraph.graph.importer import import_claims
    from claimgraph.graph.store import open_store
    from claimgraph.pipeline import ingest

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = OUT / "articles-200"
        write_articles(200, corpus)
        store = open_store(str(Path(tmp) / "a"))
        base = len(store)
        report = ingest([str(corpus)], store)
        rows.append(["ingest, 200 synthetic articles", report.claims, (len(store) - base) / report.claims])
        store.close()
        csv = OUT / "claims-10000.csv"
        if not csv.exists():
            write_claims(10_000, csv)
        store = open_store(str(Path(tmp) / "b"))
        result = import_claims(str(csv), store)
        rows.append(["import-claims, 10,000 rows", result.claims, len(store) / result.claims])
        store.close()
    return ("Quads per claim in the store (claims, articles, provenance, shared entities and the kept analysis "
            "included):\n\n" + table(["write", "claims", "quads per claim"], rows))


if __name__ == "__main__":
    print(run())
