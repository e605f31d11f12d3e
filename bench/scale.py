"""Issue 15's targets at 10k, 100k and 1M claims: import + analysis, the report commands, every bundled query.

Each size builds a fresh embedded store from a synthetic claims CSV (plus the example corpus), with the
analysis kept by ``import-claims``. Baselines measured in the same run: the analysis in memory (no store),
and rdflib's Memory store (import and a full analysis) at the smallest size.

Usage: python -m bench.scale [SIZES...]   (default 10000 100000 1000000)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import OUT, peak_rss_mb, table, timed
from bench.corpus import write_claims

QUERY_TIMEOUT = 60


def _query_times(store_path: str) -> list[tuple[str, str, float | str, int | str]]:
    """Every bundled query, once each, in a child process with a time limit."""
    from claimgraph.queries import list_queries

    out = []
    for q in list_queries(include_internal=True):
        code = ("import json, sys, time\n"
                "from rdflib import Literal, URIRef\n"
                "from claimgraph.graph.store import open_store\n"
                "from claimgraph.queries import load_query\n"
                "from bench.queries import PARAMS\n"
                "s = open_store(sys.argv[1], read_only=True)\n"
                "q = load_query(sys.argv[2])\n"
                "b = {}\n"
                "for p in q.params:\n"
                "    if p.name == 'article': b['article'] = URIRef(next(s.select(load_query('articles').text))['article'])\n"
                "    elif p.name == 'claim': b['claim'] = URIRef(next(s.select(load_query('claims-core').text,"
                " {'metric': Literal('revenue_backlog')}))['claim'])\n"
                "    else: b[p.name] = Literal(PARAMS[p.name])\n"
                "t = time.perf_counter(); n = sum(1 for _ in s.select(q.text, b)); dt = time.perf_counter() - t\n"
                "print(json.dumps([dt, n]))\n")
        try:
            proc = subprocess.run([sys.executable, "-c", code, store_path, q.name], capture_output=True, text=True,
                                  timeout=QUERY_TIMEOUT)
            seconds, rows = json.loads(proc.stdout.strip().splitlines()[-1])
            out.append((q.name, "yes" if q.internal else "", seconds, rows))
        except subprocess.TimeoutExpired:
            out.append((q.name, "yes" if q.internal else "", f"> {QUERY_TIMEOUT}", "-"))
        except (ValueError, IndexError):
            out.append((q.name, "yes" if q.internal else "", "error", proc.stderr.strip().splitlines()[-1][:80]))
    return out


def _reports(store_path: str) -> list[tuple[str, float, int]]:
    from claimgraph.analysis.kept import stored_report
    from claimgraph.graph.store import open_store

    rows = []
    for kind in ("conflicts", "resolve", "trust", "checks"):
        def run(kind: str = kind) -> int:
            s = open_store(store_path, read_only=True)
            try:
                return len(json.dumps(stored_report(s, kind, note=lambda _m: None), default=str))
            finally:
                s.close()
        size, seconds = timed(run)
        rows.append((kind, seconds, size))
    for args in (["conflicts", "--format", "json"], ["trust", "--format", "json"]):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimgraph", *args, "--store", store_path], capture_output=True,
                       check=True)
        rows.append(("CLI: claimgraph " + " ".join(args), time.perf_counter() - start, 0))
    return rows


def one_size(n: int, tmp: Path) -> dict[str, object]:
    from bench.analysis import in_memory
    from claimgraph.graph.importer import import_claims
    from claimgraph.graph.store import open_store
    from claimgraph.pipeline import ingest
    from claimgraph.sources.examples import example_paths

    csv_path = OUT / f"claims-{n}.csv"
    if not csv_path.exists():
        write_claims(n, csv_path)
    path = str(tmp / f"store-{n}")
    store = open_store(path)
    ingest([str(p) for p in example_paths()], store)
    _, t_import = timed(lambda: import_claims(str(csv_path), store))
    quads = len(store)
    store.close()
    result: dict[str, object] = {"n": n, "import": t_import, "quads": quads}
    result["in_memory"] = in_memory(n)[0]
    result["reports"] = _reports(path)
    result["queries"] = _query_times(path)
    return result


def rdflib_baseline(n: int) -> tuple[float, float]:
    from claimgraph.analysis.analyse import analyse
    from claimgraph.graph.importer import import_claims
    from claimgraph.graph.store import open_store

    csv_path = OUT / f"claims-{n}.csv"
    store = open_store("memory")
    _, t_import = timed(lambda: import_claims(str(csv_path), store))
    _, t_analyse = timed(lambda: analyse(store, write=False))  # read with SPARQL on rdflib's engine, in memory
    return t_import, t_analyse


def run(sizes: list[int]) -> str:
    OUT.mkdir(exist_ok=True)
    parts = []
    summary = []
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        for n in sizes:
            r = one_size(n, Path(tmp))
            reports = {k: s for k, s, _ in r["reports"]}  # type: ignore[attr-defined]
            queries = r["queries"]
            numeric = [q[2] for q in queries if isinstance(q[2], float)]  # type: ignore[attr-defined]
            slow = [q for q in queries if not isinstance(q[2], float) or q[2] > 1.0]  # type: ignore[attr-defined]
            summary.append([f"{n:,}", r["import"], round(r["quads"] / max(n, 1), 1),  # type: ignore[operator]
                            r["in_memory"], reports["conflicts"], reports["resolve"], reports["trust"],
                            reports["checks"], max(numeric) if numeric else "-", len(slow)])
            parts.append(f"Report commands at {n:,} claims (library call: open read-only, read the stored "
                         "analysis, build the JSON; then the CLI end to end, JSON to a pipe):\n\n"
                         + table(["command", "seconds", "JSON chars"], r["reports"]))  # type: ignore[arg-type]
            parts.append(f"Bundled queries at {n:,} claims (embedded Oxigraph, one run each, limit "
                         f"{QUERY_TIMEOUT} s):\n\n" + table(["query", "internal", "seconds", "rows"],
                                                             sorted(queries, key=lambda q: q[0])))  # type: ignore
            print(parts[-2], parts[-1], sep="\n\n", flush=True)
    t_import, t_analyse = rdflib_baseline(sizes[0])
    text = ("Targets by size (embedded Oxigraph + DuckDB claim index; seconds). `import` is `import-claims` "
            "end to end: RDF written, index rows, analysis of every touched company and trust learned, i.e. "
            "imported, analysed and resolved. `in memory` is the analysis alone over the same claims with no "
            "store (baseline).\n\n"
            + table(["claims", "import + analyse + resolve", "quads/claim", "in memory (baseline)", "conflicts",
                     "resolve", "trust", "checks", "slowest bundled query", "queries > 1 s"], summary)
            + f"\n\nrdflib Memory store baseline at {sizes[0]:,} claims: import {t_import:.2f} s, full analysis "
            f"read with SPARQL on rdflib's engine {t_analyse:.2f} s (peak RSS of this process {peak_rss_mb():.0f} MB)."
            "\n\n" + "\n\n".join(parts))
    return text


if __name__ == "__main__":
    print(run([int(x) for x in sys.argv[1:]] or [10_000, 100_000, 1_000_000]))
