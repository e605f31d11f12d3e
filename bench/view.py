"""The graph view at 50, 1,000 and 50,000 claims: generation from the store, page size, load in Chromium.

For each size, structured claims from bench/corpus.py are imported into a fresh embedded Oxigraph store, then:

* **read**: every claim as the analysis reads it, by the bundled ``analysis-input`` query (the baseline, what
  ``conflicts`` does) and by the view's column scans (:mod:`claimgraph.graph.scan`), measured in the same run;
* **generate**: ``write_view`` from the store, end to end (read, analyse in memory, build, lay out, render),
  wall and CPU seconds;
* **load**: headless Chromium, offline, from ``goto`` until the page has drawn and fitted every node; then
  one full redraw (what every pan and zoom costs).

Usage: python -m bench.view [SIZES...]   (default 50 1000 50000)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import OUT, table, timed
from bench.corpus import write_articles, write_claims
from claimgraph.analysis.analyse import facts_from_rows, load_facts
from claimgraph.graph.importer import import_claims
from claimgraph.graph.scan import claim_rows
from claimgraph.graph.store import open_store
from claimgraph.view.page import write_view


def browser_load(path: Path) -> tuple[float, float] | None:
    """Seconds until the page has settled, and milliseconds of one full redraw; None without Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_context(offline=True, viewport={"width": 1600, "height": 1000}).new_page()
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-settled='1']", state="attached", timeout=300_000)
        seconds = time.perf_counter() - start
        redraw = float(page.evaluate("""() => { const t = performance.now(); window.claimgraph.network.redraw();
                                               return performance.now() - t; }"""))
        browser.close()
    return seconds, redraw


def measure(n: int, tmp: Path) -> list[Any]:
    OUT.mkdir(exist_ok=True)
    csv_path = OUT / f"claims-{n}.csv"
    if not csv_path.exists():
        write_claims(n, csv_path)
    store = open_store(str(tmp / f"s{n}"))
    import_claims(str(csv_path), store)
    store.close()
    reader = open_store(str(tmp / f"s{n}"), read_only=True)
    _, query_s = timed(lambda: load_facts(reader))
    _, scan_s = timed(lambda: facts_from_rows(claim_rows(reader) or []))
    cpu = time.process_time()
    (path, graph, _), generate_s = timed(lambda: write_view(reader, tmp / f"view-{n}.html"))
    cpu_s = time.process_time() - cpu
    reader.close()
    load = browser_load(path)
    return [f"{n:,}", graph.number_of_nodes(), graph.number_of_edges(), query_s, scan_s, generate_s, cpu_s,
            path.stat().st_size / 1e6, "n/a" if load is None else load[0], "n/a" if load is None else load[1]]


def run(sizes: list[int] | None = None) -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes or [50, 1000, 50_000]:
            rows.append(measure(n, Path(tmp)))
    load = os.getloadavg()[0]
    return ("Graph view from an embedded Oxigraph store of imported claims (aggregated groups, the default above 60 "
            "claims). *read by query* is the baseline (the `analysis-input` query, as `conflicts` reads); *read by "
            "scans* is what the view does; *generate* is `claimgraph view` end to end (read, analyse in memory, "
            "build, lay out, render; wall and CPU); *load* is headless Chromium, offline, until every node is drawn "
            f"and fitted; *redraw* is one full redraw (the cost of each pan or zoom). Load average at the end: "
            f"{load:.1f} on {os.cpu_count()} cores.\n\n"
            + table(["claims", "nodes", "edges", "read by query s", "read by scans s", "generate s",
                     "generate CPU s", "HTML MB", "load s", "redraw ms"], rows))


def run_store(claims: int = 50_000) -> str:
    """`claimgraph view` end to end (a new process, as a user runs it) on a store of about ``claims`` claims
    ingested from synthetic articles (about 8 claims each), with the aggregated default (``--max-claims 60``)."""
    from bench.common import LAST_CPU, load_average, run_measured

    n_articles = claims // 8
    corpus = OUT / f"articles-{n_articles}"
    write_articles(n_articles, corpus)
    with tempfile.TemporaryDirectory() as tmp:
        store = str(Path(tmp) / "s")
        _, _, proc = run_measured([sys.executable, "-m", "claimgraph", "ingest", str(corpus), "--store", store,
                                   "--workers", "2", "--format", "json"])
        import json

        stored = json.loads(proc.stdout.strip().splitlines()[-1])["claims"]
        rows = []
        for _ in range(2):
            load = load_average()
            out = Path(tmp) / "view.html"
            wall, rss, proc = run_measured([sys.executable, "-m", "claimgraph", "view", "--store", store, "--output",
                                            str(out), "--no-open"])
            rows.append([f"{stored:,}", wall if proc.returncode == 0 else "error: " + proc.stderr[-80:], LAST_CPU[0], rss,
                         out.stat().st_size / 1e6 if out.exists() else "-", f"{load:.1f}"])
    return (f"`claimgraph view --no-open` on a store of {stored:,} claims ({n_articles:,} synthetic articles), a new "
            "process each run (start-up included), twice:\n\n"
            + table(["claims", "seconds", "CPU s", "peak RSS MB", "HTML MB", "load"], rows))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "store":
        print(run_store(int(sys.argv[2]) if len(sys.argv) > 2 else 50_000))
    else:
        print(run([int(a) for a in sys.argv[1:]] or None))
