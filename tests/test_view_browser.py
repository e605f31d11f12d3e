"""The graph view in a real headless Chromium, offline, from a file:// URL, with its Content-Security-Policy on."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimgraph.analysis.analyse import analyse
from claimgraph.graph.importer import import_claims
from claimgraph.graph.store import open_store
from claimgraph.pipeline import ingest
from claimgraph.view.page import collect, write_view

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent / "artifacts"
ROOT = Path(__file__).resolve().parent.parent
XSS_TITLE = "Evil <script>window.__xss = 1</script> <img src=x onerror=\"window.__xss = 2\">"
E_NOTATION = re.compile(r"\d[eE][+-]?\d")

if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("chromium is not installed, and CI must not skip the browser tests: run scripts/test as root")

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                                      "(scripts/test installs it; CI must not skip)")]

# What every test reads from a loaded page, computed in the page itself (fast at 50k claims too).
PROBE = """() => {
  const cg = window.claimgraph, net = cg.network, box = document.getElementById("graph").getBoundingClientRect();
  const ids = cg.nodeView.getIds();
  const boxes = [];
  let cut = 0;
  for (const id of ids) {
    const b = net.getBoundingBox(id);
    const tl = net.canvasToDOM({x: b.left, y: b.top}), br = net.canvasToDOM({x: b.right, y: b.bottom});
    if (tl.x < -0.5 || tl.y < -0.5 || br.x > box.width + 0.5 || br.y > box.height + 0.5) cut++;
    boxes.push([b.left, b.top, b.right, b.bottom, id]);
  }
  boxes.sort((a, b) => a[0] - b[0]);
  const overlaps = [];
  for (let i = 0; i < boxes.length && overlaps.length < 20; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j][0] < a[2] - 0.5; j++) {
      const b = boxes[j];
      if (b[1] < a[3] - 0.5 && a[1] < b[3] - 0.5) overlaps.push([cg.labelOf(cg.nodes.get(a[4])), cg.labelOf(cg.nodes.get(b[4]))]);
    }
  }
  const texts = cg.nodes.get().map((n) => cg.labelOf(n) + " " + n.title);
  const legend = {};
  for (const li of document.querySelectorAll("[data-kind]")) legend[li.dataset.kind] = li.dataset.color;
  const colours = {};
  for (const id of ids) {
    const n = net.body.nodes[id];
    colours[cg.nodes.get(id).group] = n.options.color.background;
  }
  return {n: ids.length, total: cg.nodes.length, cut, overlaps, texts, legend, colours,
          loadMs: Number(document.body.dataset.loadMs)};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


class Loaded:
    """A page loaded offline, with what it logged and requested."""

    def __init__(self, browser: Any, path: Path, *, timeout: float = 120_000) -> None:
        self.context = browser.new_context(offline=True, viewport={"width": 1600, "height": 1000})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        start = time.perf_counter()
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-settled='1']", state="attached", timeout=timeout)
        self.seconds = time.perf_counter() - start

    def probe(self) -> dict[str, Any]:
        result: dict[str, Any] = self.page.evaluate(PROBE)
        return result

    def panel_text(self) -> str:
        return str(self.page.inner_text("#panel"))

    def close(self) -> None:
        self.context.close()


def _claims_csv(n: int, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "bench.corpus", "claims", str(n), str(out)], cwd=ROOT, check=True,
                   timeout=600)
    return out


def _imported_page(tmp: Path, n: int) -> Path:
    store = open_store(str(tmp / f"store-{n}"))
    import_claims(str(_claims_csv(n, tmp / f"claims-{n}.csv")), store)
    path, _, _ = write_view(store, tmp / f"view-{n}.html")
    store.close()
    return path


def _check_page(loaded: Loaded, *, overlaps: bool = True) -> dict[str, Any]:
    """What must hold for every page: offline, no errors, every node on screen, the legend's colours, no
    e-notation anywhere a person reads numbers (labels, tooltips, the panel)."""
    assert loaded.errors == [], loaded.errors[:5]
    assert [u for u in loaded.requests if not u.startswith(("file:", "data:"))] == []
    info = loaded.probe()
    assert info["n"] == info["total"] > 0
    assert info["cut"] == 0, f"{info['cut']} nodes cut off at the edges after fit"
    if overlaps:
        assert info["overlaps"] == [], info["overlaps"][:5]
    for kind, colour in info["colours"].items():
        assert info["legend"][kind] == colour, kind
    bad = [t for t in info["texts"] if E_NOTATION.search(t)]
    assert bad == [], bad[:5]
    return info


def _open_first(loaded: Loaded, status: str) -> str:
    """Find a group by the status filter and open it from the list of matches; the panel's text."""
    loaded.page.select_option("#filter-status", status)
    loaded.page.wait_for_selector("#results li", timeout=30_000)
    assert loaded.page.evaluate("window.claimgraph.nodeView.length") < loaded.page.evaluate(
        "window.claimgraph.nodes.length")
    key = loaded.page.evaluate("window.claimgraph.nodes.get(Number(document.querySelector('#results li')"
                               ".dataset.node)).meta.key")
    loaded.page.click("#results li")
    loaded.page.wait_for_selector(f"body[data-panel='{key}']", state="attached", timeout=10_000)
    text = loaded.panel_text()
    assert not E_NOTATION.search(text), E_NOTATION.search(text)
    return text


@pytest.mark.parametrize("n", [50, 1000])
def test_page_loads_offline(browser: Any, tmp_path: Path, n: int) -> None:
    loaded = Loaded(browser, _imported_page(tmp_path, n))
    try:
        _check_page(loaded)
        text = _open_first(loaded, "conflict")
        assert "Resolved value:" in text and "Claims (" in text and "as stated:" in text
        assert loaded.page.locator("#panel svg.chart circle").count() >= 2
    finally:
        loaded.close()


@pytest.mark.slow
def test_page_loads_offline_at_50k_claims(browser: Any, tmp_path: Path) -> None:
    """50,000 imported claims: generated (aggregated) from the store, loaded, usable."""
    start = time.perf_counter()
    store = open_store(str(tmp_path / "store"))
    import_claims(str(_claims_csv(50_000, tmp_path / "claims.csv")), store)
    store.close()
    reader = open_store(str(tmp_path / "store"), read_only=True)
    generated = time.perf_counter()
    path, graph, opts = write_view(reader, tmp_path / "view.html")
    generate_s = time.perf_counter() - generated
    reader.close()
    assert opts.notes and "50,000 claims" in opts.notes[0]
    loaded = Loaded(browser, path, timeout=180_000)
    try:
        info = _check_page(loaded)
        assert info["n"] == graph.number_of_nodes()
        text = _open_first(loaded, "conflict")
        assert text.count("as stated:") >= 2
        # responsive: a redraw of the whole graph
        redraw_ms = loaded.page.evaluate("""() => { const t = performance.now();
            window.claimgraph.network.redraw(); return performance.now() - t; }""")
        print(f"50k claims: import+generate {time.perf_counter() - start:.1f} s (generate {generate_s:.1f} s), "
              f"load {loaded.seconds:.1f} s, redraw {redraw_ms:.0f} ms")
    finally:
        loaded.close()


def _hostile_corpus(tmp_path: Path, examples: list[str]) -> list[str]:
    a = tmp_path / "evil.txt"
    # Entity-escaped: markup in a text file is read as a reader sees it, so the escaped markup arrives in the
    # article (title, byline, quote) as literal text, which the view must show as text.
    a.write_text(html.escape(f"{XSS_TITLE}\nBy <img src=x onerror=\"window.__xss = 3\">\n"
                             "Acme Corp reported revenue of $5.2 billion in Q3 2025 <script>window.__xss = 4</script>.\n",
                             quote=False), encoding="utf-8")
    b = tmp_path / "other.txt"
    b.write_text("Acme misses\nBy John Doe\nAcme Corp reported revenue of $4.1 billion in Q3 2025.\n", encoding="utf-8")
    # Three more sources on net income: two against one is a conflict the evidence resolves, while one against
    # one on revenue (above) stays undecided.
    extra = []
    for name, author, value in (("c", "Ann Lee", "1.0"), ("d", "Bo Chan", "1.0"), ("e", "Cy Diaz", "1.5")):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Acme quarter {name}\nBy {author}\nAcme Corp said its net income was ${value} billion in "
                        f"Q3 2025, according to its filing {name}.\n", encoding="utf-8")
        extra.append(str(path))
    return [*examples, str(a), str(b), *extra]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, examples: list[str]) -> tuple[Any, Path]:
    tmp = tmp_path_factory.mktemp("view")
    store = open_store("memory")
    ingest(_hostile_corpus(tmp, examples), store)
    analyse(store)
    return store, tmp


def test_view_offline_safe_and_interactive(browser: Any, hostile: tuple[Any, Path]) -> None:
    store, tmp = hostile
    path, graph, _ = write_view(store, tmp / "view.html", max_claims=10_000)  # claims one by one
    html = path.read_text(encoding="utf-8")
    assert "<script>window.__xss" not in html and "<img src=x" not in html
    assert "unsafe-inline" not in html
    loaded = Loaded(browser, path)
    try:
        info = _check_page(loaded)
        assert info["n"] == graph.number_of_nodes()
        assert loaded.page.evaluate("window.claimgraph.edges.length") == graph.number_of_edges()
        assert {"claim", "group:conflict", "article", "company", "metric", "period"} <= set(info["colours"])
        page = loaded.page
        # click the disputed revenue group (one source against one: undecided) on the canvas, as a person would
        conflict = page.evaluate("window.claimgraph.nodes.get({filter: n => n.group.startsWith('group:') && "
                                 "n.meta.metric === 'revenue' && (n.meta.company || '').startsWith('Acme')})[0].id")
        page.evaluate("id => window.claimgraph.network.focus(id, {scale: 1.5})", conflict)
        page.wait_for_timeout(300)
        pos = page.evaluate("id => window.claimgraph.network.canvasToDOM(window.claimgraph.network.getPosition(id))",
                            conflict)
        box = page.locator("#graph").bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
        key = page.evaluate("id => window.claimgraph.nodes.get(id).meta.key", conflict)
        page.wait_for_selector(f"body[data-panel='{key}']", state="attached", timeout=5000)
        quotes = page.locator("#panel-body blockquote").all_inner_texts()
        assert any("$4.1 billion" in q for q in quotes) and any("$5.2 billion" in q for q in quotes)
        assert any("<script>window.__xss = 4</script>" in q for q in quotes), "markup must show as text"
        assert "$5.2B" in loaded.panel_text() and "$4.1B" in loaded.panel_text()
        page.fill("#search", "Evil")
        assert 1 <= page.evaluate("window.claimgraph.nodeView.length") < info["total"]
        page.fill("#search", "")
        assert page.evaluate("window.claimgraph.nodeView.length") == info["total"]
        assert page.evaluate("typeof window.__xss") == "undefined"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "view-hostile.png"))
    finally:
        loaded.close()


def test_conflict_and_undecided_groups_found_by_filter(browser: Any, hostile: tuple[Any, Path]) -> None:
    store, tmp = hostile
    reports = collect(store)
    # the analysis marks symmetric evidence (one source against one on Acme's revenue) as undecided, and resolves
    # the net income dispute (two sources against one)
    target = next(g for g in reports.groups if g["company"].startswith("Acme") and g["metric"] == "revenue")
    assert target["resolution"] == "undecided" and target["resolved"] is None
    other = next(g for g in reports.groups if g["company"].startswith("Acme") and g["metric"] == "net_income")
    assert other["status"] == "conflict" and other["resolution"] == "resolved"
    path, _, _ = write_view(store, tmp / "undecided.html", reports=reports)
    loaded = Loaded(browser, path)
    try:
        _check_page(loaded)
        text = _open_first(loaded, "undecided")
        assert "Resolved value: undecided" in text and "No value wins" in text
        assert "$5.2B" in text and "$4.1B" in text
        loaded.page.select_option("#filter-status", "")
        if other is not None:
            assert "conflict" in _open_first(loaded, "conflict")
        loaded.page.select_option("#filter-status", "")
        assert loaded.page.evaluate("window.claimgraph.nodeView.length") == loaded.page.evaluate(
            "window.claimgraph.nodes.length")
    finally:
        loaded.close()


def test_revised_group_panel_shows_both_values_with_units(browser: Any, tmp_path: Path, examples: list[str]) -> None:
    store = open_store("memory")
    ingest(examples, store)
    path, _, opts = write_view(store, tmp_path / "demo.html", max_claims=40)
    assert opts.notes, "the demo corpus is aggregated into groups, and the page says so"
    loaded = Loaded(browser, path)
    try:
        _check_page(loaded)
        text = _open_first(loaded, "revision")
        assert re.search(r"\$12B–\$14B|\$5\.05B–\$5\.15B", text), text
        capex = loaded.page.evaluate("""() => { const cg = window.claimgraph;
            const n = cg.nodes.get({filter: n => n.group === 'group:revision' && n.meta.metric === 'capex'})[0];
            cg.select(n.id, true); return n.meta.key; }""")
        loaded.page.wait_for_selector(f"body[data-panel='{capex}']", state="attached")
        text = loaded.panel_text()
        assert "Resolved value: $13B (USD)" in text
        revision = loaded.page.inner_text("#panel-body .rev-box")
        assert "$20B–$23B" in revision and "$12B–$14B" in revision, revision
        assert "superseded" in text and "around $20 billion to $23 billion" in text
        assert loaded.page.locator("#panel svg.chart circle").count() >= 2, "one mark per source and value"
        ARTIFACTS.mkdir(exist_ok=True)
        loaded.page.screenshot(path=str(ARTIFACTS / "demo-view.png"))
    finally:
        loaded.close()


def test_force_layout_settles(browser: Any, tmp_path: Path, examples: list[str]) -> None:
    store = open_store("memory")
    ingest(examples, store)
    path, _, _ = write_view(store, tmp_path / "force.html", layout="force")
    loaded = Loaded(browser, path)
    try:
        info = _check_page(loaded, overlaps=False)  # a force layout makes no promise about labels
        assert info["n"] > 50
        assert loaded.page.evaluate("window.claimgraph.payload.physics") is True
    finally:
        loaded.close()
