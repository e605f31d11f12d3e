"""The graph view in a real headless Chromium, offline, from a file:// URL."""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

import pytest

from claimgraph.analysis.analyse import analyse
from claimgraph.graph.store import open_store
from claimgraph.pipeline import ingest
from claimgraph.view.page import write_view

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent / "artifacts"
XSS_TITLE = "Evil <script>window.__xss = 1</script> <img src=x onerror=\"window.__xss = 2\">"

if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("chromium is not installed, and CI must not skip the browser tests: run scripts/test as root")

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                                      "(scripts/test installs it; CI must not skip)")]


def _hostile_corpus(tmp_path: Path, examples: list[str]) -> list[str]:
    a = tmp_path / "evil.txt"
    # Entity-escaped: markup in a text file is read as a reader sees it, so the escaped markup arrives in the
    # article (title, byline, quote) as literal text, which the view must show as text.
    a.write_text(html.escape(f"{XSS_TITLE}\nBy <img src=x onerror=\"window.__xss = 3\">\n"
                             "Acme Corp reported revenue of $5.2 billion in Q3 2025 <script>window.__xss = 4</script>.\n",
                             quote=False), encoding="utf-8")
    b = tmp_path / "other.txt"
    b.write_text("Acme misses\nBy John Doe\nAcme Corp reported revenue of $4.1 billion in Q3 2025.\n", encoding="utf-8")
    return [*examples, str(a), str(b)]


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, examples: list[str]) -> tuple[Path, int, int]:
    tmp = tmp_path_factory.mktemp("view")
    store = open_store("memory")
    ingest(_hostile_corpus(tmp, examples), store)
    analyse(store)
    path, graph, _ = write_view(store, tmp / "view.html", max_claims=10_000)
    return path, graph.number_of_nodes(), graph.number_of_edges()


def _launch(p: object) -> object:
    return p.chromium.launch(executable_path=CHROMIUM, args=[  # type: ignore[attr-defined]
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"])


def test_view_offline_safe_and_interactive(page_file: tuple[Path, int, int]) -> None:
    from playwright.sync_api import sync_playwright

    path, n_nodes, n_edges = page_file
    html = path.read_text(encoding="utf-8")
    assert "<script>window.__xss" not in html and "<img src=x" not in html
    with sync_playwright() as p:
        browser = _launch(p)
        ctx = browser.new_context(offline=True, viewport={"width": 1600, "height": 1000}, bypass_csp=True)  # type: ignore[attr-defined]
        page = ctx.new_page()
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-settled='1']", state="attached", timeout=60_000)
        assert errors == []
        assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
        assert page.evaluate("window.claimgraph.nodes.length") == n_nodes
        assert page.evaluate("window.claimgraph.edges.length") == n_edges
        conflict = page.evaluate("window.claimgraph.nodes.get({filter: n => n.meta.kind === 'conflict'})[0].id")
        page.evaluate("id => window.claimgraph.network.focus(id, {scale: 1.5})", conflict)
        page.wait_for_timeout(300)
        pos = page.evaluate("id => window.claimgraph.network.canvasToDOM(window.claimgraph.network.getPosition(id))",
                            conflict)
        box = page.locator("#graph").bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
        page.wait_for_selector(f"body[data-panel='{conflict}']", state="attached", timeout=5000)
        quotes = page.locator("#panel-quotes .quote").all_inner_texts()
        assert any("$4.1 billion" in q for q in quotes) and any("$5.2 billion" in q for q in quotes)
        assert any("<script>window.__xss = 4</script>" in q for q in quotes), "markup must show as text"
        page.fill("#search", "Evil")
        assert page.evaluate("window.claimgraph.nodeView.length") >= 1
        page.fill("#search", "")
        page.select_option("#filter-status", "conflict")
        assert page.evaluate("window.claimgraph.nodeView.length") < n_nodes
        page.select_option("#filter-status", "")
        assert page.evaluate("typeof window.__xss") == "undefined"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "view-hostile.png"))
        browser.close()  # type: ignore[attr-defined]


def test_demo_view_screenshot(tmp_path: Path, examples: list[str]) -> None:
    """The demo view renders cleanly; its screenshot is saved for people to look at."""
    from playwright.sync_api import sync_playwright

    store = open_store("memory")
    ingest(examples, store)
    analyse(store)
    path, graph, opts = write_view(store, tmp_path / "demo.html")
    assert opts.notes, "the demo corpus is aggregated into metric-period groups, and the page says so"
    labels = {d.get("label", "") for _, d in graph.nodes(data=True)}
    for period in ("2025-03-31", "2025-09-30", "2025-12-31", "2026-03-31"):
        assert any(lbl.startswith(f"revenue_backlog {period}") for lbl in labels)
    with sync_playwright() as p:
        browser = _launch(p)
        page = browser.new_context(offline=True, viewport={"width": 1600, "height": 1000}).new_page()  # type: ignore[attr-defined]
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-settled='1']", state="attached", timeout=60_000)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "demo-view.png"))
        assert errors == []
        browser.close()  # type: ignore[attr-defined]
