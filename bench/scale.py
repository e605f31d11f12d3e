"""Issue 15's targets at 10k, 100k and 1M claims: import + analysis, the report commands, every bundled query.

Each size builds a fresh embedded store from a synthetic claims CSV (plus the example corpus), with the
analysis kept by ``import-claims`` (imported, analysed and resolved in one command). Then, on that store:
the four report commands end to end as a user runs them (a new ``claimgraph`` process each, JSON to
/dev/null, so process start-up and imports count), and every bundled query in a process of its own with a
time limit. Baselines measured in the same run: the same analysis in memory over the same claims (no store),
and rdflib's Memory store (import, and the whole analysis read back with SPARQL on rdflib's engine, which is
what every report command cost before the analysis was kept) at the smallest size. Each row carries the
1-minute load average when it was measured (2 cores shared with other jobs).

Usage: python -m bench.scale [SIZES...]   (default 10000 100000 1000000)
       python -m bench.scale --store PATH   (an existing store: commands and queries only)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from bench.common import OUT, load_average, peak_rss_mb, table, timed
from bench.corpus import write_claims

QUERY_TIMEOUT = 120
PAGE = 100  # rows of a bundled query's first page (``claimgraph query NAME --limit 100``)
# The report commands as a user runs them: the default page (50 groups, the rest counted on stderr), the same
# narrowed to one company, and the full dump (--limit 0; 650 MB of JSON for conflicts at 1M claims).
COMMANDS = (["conflicts", "--format", "json"], ["resolve", "--format", "json"], ["trust", "--format", "json"],
            ["checks", "--format", "json"], ["trust"], ["checks"], ["conflicts"], ["resolve"],
            ["conflicts", "--company", "Company 17"], ["conflicts", "--format", "json", "--limit", "0"],
            ["resolve", "--format", "json", "--limit", "0"])
# Parameters that select real slices of the synthetic claims (Company 17 states capex; 2000-Q1 is the first
# quarter of the corpus) and of the example corpus (author; it names no publisher, so publisher-claims finds none).
# ``article``, ``claim``, ``url`` and ``source`` are read from the store being measured (see _QUERY_CODE).
PARAMS = {"company": "Company 17", "metric": "capex", "period": "2000-Q1", "author": "Henry Rivers",
          "publisher": "Example Wire", "status": "conflict", "predicate": "https://w3id.org/claimgraph/ns#quote"}
FROM_STORE = ("article", "claim", "url", "source")

# A child process per query: picks parameter values (real ones read from the store for article, claim, url and
# source), runs the query once, prints [seconds, rows, parameters].
_QUERY_CODE = """import json, sys, time
from rdflib import Literal, URIRef
from claimgraph.graph.store import open_store
from claimgraph.graph.sparql import sliced
from claimgraph.queries import load_query
from bench.scale import PAGE, PARAMS
s = open_store(sys.argv[1], read_only=True)
q = load_query(sys.argv[2])
names = {p.name for p in q.params}
b = {}
if names & {'article', 'claim', 'url', 'source'}:
    a = next(s.select('SELECT ?a ?url ?source WHERE { ?a a schema:NewsArticle ; cg:source ?source '
                      'OPTIONAL { ?a schema:url ?url } } ORDER BY DESC(BOUND(?url)) ?a LIMIT 1'))
    b.update(article=URIRef(a['a']), source=Literal(a['source']), url=Literal(a['url'] or 'https://example.com/x'))
    b['claim'] = URIRef(next(s.select(load_query('article-claims').text, {'article': b['article']}))['claim'])
for name in names - set(b):
    b[name] = URIRef(PARAMS[name]) if PARAMS[name].startswith('https://') else Literal(PARAMS[name])
b = {k: v for k, v in b.items() if k in names}
shown = ', '.join(f'{k}={v}' for k, v in sorted(b.items())) or '-'
page = sliced(q.text, PAGE) or q.text
t = time.perf_counter(); n = sum(1 for _ in s.select(page, b)); dt = time.perf_counter() - t
print(json.dumps([dt, n, shown]), flush=True)
t = time.perf_counter(); n = sum(1 for _ in s.select(q.text, b)); dt = time.perf_counter() - t
print(json.dumps([dt, n, shown]), flush=True)
"""


def query_times(store_path: str, only: list[str] | None = None, timeout: float = QUERY_TIMEOUT) -> list[list[Any]]:
    """Every bundled query (or those named in ``only``), in a child process each with a time limit: its first
    page (``PAGE`` rows, asked with LIMIT as ``claimgraph query --limit`` does), then every row (rows: name,
    internal, params, page seconds, full seconds, rows, load)."""
    from claimgraph.queries import list_queries

    out: list[list[Any]] = []
    for q in list_queries(include_internal=True):
        if only and q.name not in only:
            continue
        params = ", ".join(f"{p.name}={PARAMS.get(p.name, '(from the store)')}" for p in q.params) or "-"
        row: list[Any] = [q.name, "yes" if q.internal else ""]
        load = load_average()
        try:
            proc = subprocess.run([sys.executable, "-c", _QUERY_CODE, store_path, q.name], capture_output=True,
                                  text=True, timeout=timeout, cwd=Path(__file__).parent.parent)
            lines = proc.stdout.strip().splitlines()
            (page, _, params), (seconds, rows, _) = json.loads(lines[-2]), json.loads(lines[-1])
            row += [params, page, seconds, rows]
        except subprocess.TimeoutExpired as exc:
            done = (exc.stdout or b"").decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
            first = json.loads(done.splitlines()[0]) if done.strip() else None
            row += [first[2] if first else params, first[0] if first else f"> {timeout:g}", f"> {timeout:g}", "-"]
        except (ValueError, IndexError):
            row += [params, "error", "error", (proc.stderr.strip().splitlines() or ["?"])[-1][:80]]
        out.append([*row, load])
        print("  query", *out[-1], flush=True)
    return out


def command_times(store_path: str) -> list[list[Any]]:
    """The report commands end to end: a new process each (start-up, imports, opening the store and index)."""
    rows: list[list[Any]] = []
    for args in COMMANDS:
        load = load_average()
        before = _children_cpu()
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "claimgraph", *args, "--store", store_path],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        rows.append(["claimgraph " + " ".join(args), seconds if proc.returncode == 0 else "error",
                     _children_cpu() - before, load])
        print("  command", *rows[-1], flush=True)
    return rows


def _children_cpu() -> float:
    import resource

    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def one_size(n: int, tmp: Path) -> dict[str, Any]:
    from claimgraph.analysis.analyse import analyse_facts, load_notices
    from claimgraph.analysis.kept import load_facts
    from claimgraph.graph.importer import import_claims
    from claimgraph.graph.index import open_index
    from claimgraph.graph.store import open_store
    from claimgraph.pipeline import ingest
    from claimgraph.sources.examples import example_paths

    csv_path = OUT / f"claims-{n}.csv"
    if not csv_path.exists():
        write_claims(n, csv_path)
    path = str(tmp / f"store-{n}")
    store = open_store(path)
    ingest([str(p) for p in example_paths()], store)
    load = load_average()
    cpu = time.process_time()  # every thread of this process: parsing, the RDF writer, the analysis
    _, t_import = timed(lambda: import_claims(str(csv_path), store))
    r: dict[str, Any] = {"n": n, "import": t_import, "import_cpu": time.process_time() - cpu, "import_load": load,
                         "quads": len(store), "rss": peak_rss_mb()}
    print(f"  {n:,}: import {t_import:.1f} s, CPU {r['import_cpu']:.1f} s (load {load:.1f}), {r['quads']:,} quads",
          flush=True)
    ix = open_index(store, read_only=True)
    try:
        facts, r["read_index"] = timed(lambda: load_facts(ix))
    finally:
        ix.close()
    notices = load_notices(store)
    r["memory_load"] = load_average()
    _, r["in_memory"] = timed(partial(analyse_facts, facts, notices))
    store.close()
    del facts  # the children measured next need the memory
    r["commands"] = command_times(path)
    r["queries"] = query_times(path)
    return r


def rdflib_baseline(n: int) -> tuple[float, float, float]:
    from claimgraph.analysis.analyse import analyse
    from claimgraph.graph.importer import import_claims
    from claimgraph.graph.store import open_store

    csv_path = OUT / f"claims-{n}.csv"
    store = open_store("memory")
    load = load_average()
    _, t_import = timed(lambda: import_claims(str(csv_path), store))
    _, t_analyse = timed(lambda: analyse(store, write=False))  # read with SPARQL on rdflib's engine, in memory
    return t_import, t_analyse, load


def _slowest(q: list[Any] | None) -> str:
    if q is None:
        return "-"
    return f"{q[0]} {q[3]:.1f}" if isinstance(q[3], float) else f"{q[0]} {q[3]}"


def run(sizes: list[int]) -> str:
    OUT.mkdir(exist_ok=True)
    parts = []
    summary = []
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        for n in sizes:
            r = one_size(n, Path(tmp))
            cmd = {c[0]: c[1] for c in r["commands"]}
            numeric = [q for q in r["queries"] if isinstance(q[3], float)]
            timed_out = [q for q in r["queries"] if not isinstance(q[3], float)]
            slowest = timed_out[0] if timed_out else max(numeric, key=lambda q: q[3]) if numeric else None
            slow = [*timed_out, *(q for q in numeric if q[3] > 1.0)]
            slow_full = [q for q in r["queries"] if not isinstance(q[4], float) or q[4] > 1.0]
            summary.append([f"{n:,}", r["import"], r["import_cpu"], f"{r['import_load']:.1f}", r["rss"],
                            round(r["quads"] / max(n, 1), 1),
                            r["in_memory"], cmd["claimgraph conflicts --format json"],
                            cmd["claimgraph conflicts --format json --limit 0"],
                            cmd["claimgraph resolve --format json"], cmd["claimgraph resolve --format json --limit 0"],
                            cmd["claimgraph trust --format json"], cmd["claimgraph checks --format json"],
                            _slowest(slowest), f"{len(slow)} of {len(r['queries'])}",
                            f"{len(slow_full)} of {len(r['queries'])}"])
            parts.append(f"Report commands at {n:,} claims (a new `claimgraph` process each, end to end, output to "
                         "/dev/null; its CPU time; the 1-minute load average when each started):\n\n"
                         + table(["command", "seconds", "CPU s", "load"], r["commands"]))
            parts.append(f"Bundled queries at {n:,} claims (embedded Oxigraph, a process each, one run, limit "
                         f"{QUERY_TIMEOUT} s):\n\n" + table(["query", "internal", "parameters", "seconds", "rows",
                                                              "load"], r["queries"]))
            parts.append(f"In memory at {n:,} claims: the claims read from the index in {r['read_index']:.2f} s, "
                         f"the same analysis (corrections, grouping, copies, truth discovery, estimates, "
                         f"cross-checks) over them in {r['in_memory']:.2f} s (load {r['memory_load']:.1f}).")
    t_import, t_analyse, load = rdflib_baseline(sizes[0])
    text = ("Targets by size (embedded Oxigraph + DuckDB claim index; seconds). `import` is `import-claims` "
            "end to end: RDF written, index rows, analysis of every touched company and trust learned, i.e. "
            "imported, analysed and resolved. `in memory` is the same analysis alone over the same claims, with no "
            "store (baseline). The report commands are whole `claimgraph` processes with JSON output.\n\n"
            + table(["claims", "import + analyse + resolve", "its CPU s", "load", "peak RSS MB so far", "quads/claim",
                     "in memory (baseline)", "conflicts (50 groups)", "conflicts --limit 0", "resolve (50 groups)",
                     "resolve --limit 0", "trust", "checks", f"slowest first page ({PAGE} rows)",
                     "first page > 1 s", "all rows > 1 s"], summary)
            + f"\n\nrdflib Memory store baseline at {sizes[0]:,} claims (load {load:.1f}): import {t_import:.2f} s; "
            f"the whole analysis read back with SPARQL on rdflib's engine (what each report command cost before the "
            f"analysis was kept) {t_analyse:.2f} s."
            "\n\n" + "\n\n".join(parts))
    return text


def existing(path: str, only: list[str] | None = None, timeout: float = QUERY_TIMEOUT,
             commands: bool = True) -> str:
    """The report commands and every bundled query (or those in ``only``) on a store already built (no import,
    no baselines)."""
    from claimgraph.graph.store import open_store

    store = open_store(path, read_only=True)
    try:
        quads = len(store)
    finally:
        store.close()
    ran = command_times(path) if commands else []
    queries = query_times(path, only, timeout)
    return (f"Store {path} ({quads:,} quads).\n\nReport commands (a new `claimgraph` process each, output to "
            "/dev/null; its CPU time; the 1-minute load average):\n\n"
            + table(["command", "seconds", "CPU s", "load"], ran)
            + f"\n\nBundled queries (a process each, one run, limit {timeout:g} s; *first {PAGE}*: the page "
            f"`claimgraph query NAME --limit {PAGE}` asks for):\n\n"
            + table(["query", "internal", "parameters", f"first {PAGE} s", "all rows s", "rows", "load"], queries))


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000],
                        help="claim counts to build and measure (default: 10000 100000 1000000)")
    parser.add_argument("--store", help="measure the report commands and every bundled query on this existing "
                                        "embedded store instead of building stores")
    parser.add_argument("--query", action="append", metavar="NAME",
                        help="with --store: time only this bundled query (repeatable)")
    parser.add_argument("--timeout", type=float, default=QUERY_TIMEOUT,
                        help=f"with --store: seconds a query may take (default {QUERY_TIMEOUT})")
    parser.add_argument("--no-commands", action="store_true", help="with --store: time the queries only")
    args = parser.parse_args(argv)
    print(existing(args.store, args.query, args.timeout, not args.no_commands) if args.store else run(args.sizes))


if __name__ == "__main__":
    main()
