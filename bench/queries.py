"""Latency of every bundled query on a store of N imported claims (plus the example corpus).

Usage: python -m bench.queries [N]   (default 100000; 1000000 takes about ten minutes to build)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Literal, URIRef

from bench.common import OUT, table
from bench.corpus import write_claims
from claimgraph.analysis.analyse import analyse
from claimgraph.graph.importer import import_claims
from claimgraph.graph.store import open_store
from claimgraph.pipeline import ingest
from claimgraph.queries import list_queries, load_query
from claimgraph.sources.examples import example_paths

PARAMS = {"company": "Company 17", "metric": "revenue", "period": "2003-Q1", "author": "Henry Rivers",
          "publisher": "Example Wire", "status": "conflict", "url": "https://example.com/x",
          "predicate": "https://w3id.org/claimgraph/ns#quote"}


def run(n: int) -> str:
    OUT.mkdir(exist_ok=True)
    csv_path = OUT / f"claims-{n}.csv"
    if not csv_path.exists():
        write_claims(n, csv_path)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "s"))
        ingest([str(p) for p in example_paths()], store)
        import_claims(str(csv_path), store)
        analyse(store)
        article = next(store.select(load_query("articles").text))["article"]
        claim = next(store.select(load_query("claims").text, {"metric": Literal("revenue_backlog")}))["claim"]
        for q in list_queries(include_internal=True):
            bindings = {}
            for p in q.params:
                if p.name == "article":
                    bindings["article"] = URIRef(article)
                elif p.name == "claim":
                    bindings["claim"] = URIRef(claim)
                elif p.name == "predicate":
                    bindings["predicate"] = URIRef(PARAMS["predicate"])
                else:
                    bindings[p.name] = Literal(PARAMS[p.name])
            times, count = [], 0
            for _ in range(3):
                start = time.perf_counter()
                count = sum(1 for _ in store.select(q.text, bindings))  # type: ignore[arg-type]
                times.append(time.perf_counter() - start)
            rows.append([q.name, ", ".join(f"{k}={v}" for k, v in bindings.items() if k not in ("article", "claim"))
                         or "-", count, statistics.median(times) * 1000])
        store.close()
    rows.sort(key=lambda r: -r[3])
    return (f"Bundled queries on {n:,} imported claims + the example corpus (embedded Oxigraph, median of 3):\n\n"
            + table(["query", "parameters", "rows", "ms"], rows))


if __name__ == "__main__":
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
