"""Regenerate the screenshots of the view in docs/: the demo page, a revised group's panel, and a large store.

Usage: python -m bench.screenshots [--articles N]   (or bash scripts/screenshots; default 3,000 articles)

The large store is the synthetic article corpus of bench/corpus.py (about 8 claims per article), ingested into
a fresh embedded Oxigraph store. Pages are opened in headless Chromium, offline, at 1600×1000.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import OUT
from bench.corpus import write_articles
from claimgraph.graph.store import open_store
from claimgraph.pipeline import ingest
from claimgraph.sources.examples import example_paths
from claimgraph.view.page import write_view

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _shoot(browser: Any, page_path: Path, out: Path, script: str | None = None) -> float:
    page = browser.new_context(offline=True, viewport={"width": 1600, "height": 1000}).new_page()
    start = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-settled='1']", state="attached", timeout=300_000)
    seconds = time.perf_counter() - start
    if script:
        page.evaluate(script)
        page.wait_for_timeout(400)
    page.screenshot(path=str(out))
    page.context.close()
    print(f"{out} (loaded in {seconds:.1f} s)")
    return seconds


OPEN_REVISION = """() => { const cg = window.claimgraph;
  const n = cg.nodes.get({filter: n => n.group === 'group:revision' && n.meta.metric === 'capex'})[0];
  cg.select(n.id, false);
  const near = cg.nodes.get({filter: m => ['capex', 'revenue', 'revenue_backlog'].includes(m.meta.metric)}).map(m => m.id);
  cg.network.fit({nodes: near, animation: false}); }"""
OPEN_CONFLICT = """() => { const cg = window.claimgraph; const sel = document.getElementById('filter-status');
  sel.value = 'conflict'; sel.dispatchEvent(new Event('change'));
  const first = document.querySelector('#results li'); if (first) first.click(); }"""


def main(articles: int = 3000) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("Error: chromium is not installed; install it (apt-get install chromium) and retry")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        demo = open_store("memory")
        ingest([str(x) for x in example_paths()], demo)
        demo_page, _, _ = write_view(demo, Path(tmp) / "demo.html", title="claimgraph · the CoreWeave demo")
        _shoot(browser, demo_page, DOCS / "demo-view.png")
        _shoot(browser, demo_page, DOCS / "demo-panel.png", OPEN_REVISION)
        corpus = OUT / f"articles-{articles}"
        write_articles(articles, corpus)
        store = open_store(str(Path(tmp) / "large"))
        report = ingest([str(corpus)], store, workers=2)
        store.close()
        reader = open_store(str(Path(tmp) / "large"), read_only=True)
        start = time.perf_counter()
        large, graph, _ = write_view(reader, Path(tmp) / "large.html",
                                     title=f"claimgraph · {report.articles:,} articles, {report.claims:,} claims")
        print(f"large view: {report.claims:,} claims, {graph.number_of_nodes():,} nodes, generated in "
              f"{time.perf_counter() - start:.1f} s")
        reader.close()
        _shoot(browser, large, DOCS / "large-view.png")
        _shoot(browser, large, DOCS / "large-conflict.png", OPEN_CONFLICT)
        browser.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[args.index("--articles") + 1]) if "--articles" in args else 3000)
