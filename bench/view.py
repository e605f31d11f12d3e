"""The graph view at 50, 1,000 and 50,000 claims: generation from the store, page size, load in Chromium.

For each size, structured claims from bench/corpus.py are imported into a fresh embedded Oxigraph store, then:

* **read**: every claim as the analysis reads it, by the bundled ``analysis-input`` query and by column scans
  (:mod:`claimgraph.graph.scan`), measured in the same run;
* **generate fresh** (the baseline, what the view did before it read the kept analysis): ``write_view`` from
  the RDF, end to end (read by scans, analyse in memory, build, lay out, render), wall and CPU seconds;
* **generate**: ``write_view`` as ``claimgraph view`` runs it: the analysis kept in the claim index (stored
  group reports, resolutions, checks, articles), then build, lay out, render; the two pages are compared;
* **load**: headless Chromium, offline, from ``goto`` until the page has drawn and fitted every node; then
  one full redraw (what every pan and zoom costs).

``store`` mode runs ``claimgraph view --no-open`` as a user does (a new process, start-up included) on a store
of about 50k claims, ingested from synthetic articles (``articles``) or imported (``import``), and as the
baseline the same page from a fresh analysis of the RDF (a new process too), in the same run.

Usage: python -m bench.view [SIZES...]   (default 50 1000 50000)
       python -m bench.view store [CLAIMS] [articles|import] [STORE]   (an existing STORE is reused)
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
from claimgraph.view.page import collect_fresh, write_view


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
    (fresh, _, _), fresh_s = timed(lambda: write_view(reader, tmp / f"fresh-{n}.html", reports=collect_fresh(reader)))
    fresh_cpu = time.process_time() - cpu
    cpu = time.process_time()
    (path, graph, _), generate_s = timed(lambda: write_view(reader, tmp / f"view-{n}.html"))
    cpu_s = time.process_time() - cpu
    reader.close()
    same = "yes" if fresh.read_bytes() == path.read_bytes() else "NO"
    load = browser_load(path)
    return [f"{n:,}", graph.number_of_nodes(), graph.number_of_edges(), query_s, scan_s, fresh_s, fresh_cpu,
            generate_s, cpu_s, same, path.stat().st_size / 1e6, "n/a" if load is None else load[0],
            "n/a" if load is None else load[1]]


def run(sizes: list[int] | None = None) -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes or [50, 1000, 50_000]:
            rows.append(measure(n, Path(tmp)))
    load = os.getloadavg()[0]
    return ("Graph view from an embedded Oxigraph store of imported claims (aggregated groups, the default above 60 "
            "claims). *read by query* and *read by scans* read every claim from the RDF; *fresh* is the baseline, "
            "the page from the RDF (read by scans, analyse in memory, build, lay out, render; wall and CPU); "
            "*generate* is what `claimgraph view` does now (the analysis kept in the claim index, build, lay out, "
            "render); *same page* compares the two HTML files byte for byte; *load* is headless Chromium, offline, "
            "until every node is drawn and fitted; *redraw* is one full redraw (the cost of each pan or zoom). "
            f"Load average at the end: {load:.1f} on {os.cpu_count()} cores.\n\n"
            + table(["claims", "nodes", "edges", "read by query s", "read by scans s", "fresh s", "fresh CPU s",
                     "generate s", "generate CPU s", "same page", "HTML MB", "load s", "redraw ms"], rows))


FRESH_VIEW = ("import sys\n"
              "from claimgraph.graph.store import open_store\n"
              "from claimgraph.view.page import collect_fresh, write_view\n"
              "st = open_store(sys.argv[1], read_only=True)\n"
              "write_view(st, sys.argv[2], reports=collect_fresh(st))\n")


def _store(claims: int, source: str, folder: Path) -> Path:
    """A store of about ``claims`` claims: ingested from synthetic articles (about 8 claims each) or imported."""
    from bench.common import run_measured

    store = folder / "s"
    if source == "import":
        csv_path = OUT / f"claims-{claims}.csv"
        if not csv_path.exists():
            write_claims(claims, csv_path)
        cmd = ["import-claims", str(csv_path)]
    else:
        corpus = OUT / f"articles-{claims // 8}"
        write_articles(claims // 8, corpus)
        cmd = ["ingest", str(corpus), "--workers", "2"]
    _, _, proc = run_measured([sys.executable, "-m", "claimgraph", *cmd, "--store", str(store)])
    if proc.returncode != 0:
        raise SystemExit(f"Error: cannot build the store ({proc.stderr.strip()[-200:]})")
    return store


def run_store(claims: int = 50_000, source: str = "articles", store: str | None = None) -> str:
    """`claimgraph view` end to end (a new process, as a user runs it) on a store of about ``claims`` claims,
    with the aggregated default (``--max-claims 60``), twice, each after the baseline (the page from a fresh
    analysis of the RDF, also a new process); the pages are compared byte for byte."""
    from bench.common import LAST_CPU, load_average, run_measured

    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(store) if store else _store(claims, source, Path(tmp))
        reader = open_store(str(path), read_only=True)
        stored = sum(1 for _ in reader.select("SELECT ?c WHERE { ?c a schema:Claim }"))
        reader.close()
        rows = []
        for _ in range(2):
            fresh, out = Path(tmp) / "fresh.html", Path(tmp) / "view.html"
            for what, cmd, target in (
                    ("fresh analysis (baseline)", [sys.executable, "-c", FRESH_VIEW, str(path), str(fresh)], fresh),
                    ("claimgraph view", [sys.executable, "-m", "claimgraph", "view", "--store", str(path),
                                         "--output", str(out), "--no-open"], out)):
                load = load_average()
                wall, rss, proc = run_measured(cmd)
                rows.append([what, f"{stored:,}", wall if proc.returncode == 0 else "error: " + proc.stderr[-80:],
                             LAST_CPU[0], rss, target.stat().st_size / 1e6 if target.exists() else "-",
                             f"{load:.1f}"])
            rows[-1].append("yes" if fresh.exists() and fresh.read_bytes() == out.read_bytes() else "NO")
            rows[-2].append("")
    kind = "imported claims" if source == "import" else "claims from synthetic articles"
    return (f"`claimgraph view --no-open` on a store of {stored:,} {kind}, a new process each run (start-up "
            "included), after the baseline (the same page from a fresh analysis of the RDF), twice; *load* is the "
            "1-minute load average before each run:\n\n"
            + table(["run", "claims", "seconds", "CPU s", "peak RSS MB", "HTML MB", "load", "same page"], rows))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "store":
        print(run_store(int(sys.argv[2]) if len(sys.argv) > 2 else 50_000,
                        sys.argv[3] if len(sys.argv) > 3 else "articles", sys.argv[4] if len(sys.argv) > 4 else None))
    else:
        print(run([int(a) for a in sys.argv[1:]] or None))
