"""View generation time and HTML size, and load + settle time of a 5,000-node page in headless Chromium.

Usage: python -m bench.view [NODES]   (default 5000)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.common import OUT, table, timed
from bench.corpus import write_articles
from claimgraph.analysis.analyse import analyse
from claimgraph.graph.store import open_store
from claimgraph.pipeline import ingest
from claimgraph.view.page import write_view


def _browser_settle(path: Path) -> float | str:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return "chromium not installed"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_context(offline=True, viewport={"width": 1600, "height": 1000}).new_page()
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-settled='1']", state="attached", timeout=120_000)
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def run(target_nodes: int = 5000) -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # about 10 nodes per article when claims are shown one by one
        n_articles = max(10, target_nodes // 10)
        corpus = OUT / f"articles-{n_articles}"
        write_articles(n_articles, corpus)
        store = open_store(str(Path(tmp) / "s"))
        ingest([str(corpus)], store, workers=2)
        analyse(store)
        for label, max_claims in (("claims one by one", 10**9), ("aggregated groups", 60)):
            out = Path(tmp) / f"{max_claims}.html"
            (path, graph, _), seconds = timed(lambda: write_view(store, out, max_claims=max_claims))  # noqa: B023
            settle = _browser_settle(path)
            rows.append([label, graph.number_of_nodes(), graph.number_of_edges(), seconds,
                         path.stat().st_size / 1e6, settle])
        store.close()
    return ("Graph view (write_view from the store; page load until the layout has settled, headless Chromium, "
            "offline):\n\n" + table(["mode", "nodes", "edges", "generate s", "HTML MB", "load+settle s"], rows))


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
        print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 5000))
