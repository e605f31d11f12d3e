"""The graph view without a browser: layout, styles and legend, panel data, numbers, scale, and ``serve``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimgraph.analysis.analyse import facts_from_rows, load_facts
from claimgraph.cli import app
from claimgraph.graph.importer import import_claims
from claimgraph.graph.scan import claim_rows
from claimgraph.graph.store import Store, open_store
from claimgraph.numbers import format_range, format_value
from claimgraph.pipeline import ingest
from claimgraph.view.layout import extent
from claimgraph.view.model import ViewOptions, build
from claimgraph.view.page import collect, make_page, positions
from claimgraph.view.style import EDGE_STYLE, NODE_STYLE, group_kind, is_undecided

E_NOTATION = re.compile(r"\d[eE][+-]?\d")
ROOT = Path(__file__).resolve().parent.parent


def write_claims(n: int, out: Path) -> Path:
    """``n`` structured claims from the benchmark's generator (bench/corpus.py), as a CSV for import-claims."""
    subprocess.run([sys.executable, "-m", "bench.corpus", "claims", str(n), str(out)], cwd=ROOT, check=True,
                   timeout=300)
    return out
UNITS = ["USD", "EUR", "SEK", "percent", "pp", "W", "x", "count", ""]
MEASURES = ["level", "change_yoy", "change_qoq", "change", "part"]


# --- numbers --------------------------------------------------------------------------------------------------

@given(st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(UNITS), st.sampled_from(MEASURES),
       st.booleans())
def test_no_e_notation_for_any_value(v: float, unit: str, measure: str, per_share: bool) -> None:
    text = format_value(v, unit, measure=measure, per_share=per_share)
    assert not E_NOTATION.search(text), text
    assert text.startswith(("−", "+")) == (v < 0 or (v > 0 and measure.startswith("change"))) or abs(v) < 1e-300
    ranged = format_range(v, v * 2 + 1, unit, qualifier="range", measure=measure)
    assert not E_NOTATION.search(ranged), ranged


def test_issue_examples() -> None:
    assert [format_value(25.9e9, "USD"), format_value(420e6, "W"), format_value(62, "percent"),
            format_value(0.06, "USD", per_share=True), format_value(284, "percent", measure="change_yoy"),
            format_value(-314.6e6, "USD")] == ["$25.9B", "420 MW", "62%", "6 cents/share", "+284% y/y", "−$314.6M"]
    # the ones the issue found unreadable
    assert format_value(1.3e10, "USD") == "$13B" and format_value(4.2e8, "W") == "420 MW"
    assert format_value(2.9e9, "W") == "2.9 GW" and format_value(5.56e10, "USD") == "$55.6B"
    assert format_value(100, "percent", measure="change_qoq") == "+100% q/q"


# --- the example corpus through the view model ----------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(memory_store: Store) -> tuple[Any, Any, dict[str, tuple[float, float]], ViewOptions]:
    reports = collect(memory_store)
    opts = ViewOptions()
    g, data = build(reports, opts)
    pos, physics = positions(g, data, opts)
    assert not physics
    return g, data, pos, opts


def test_styles_are_distinct_and_colour_blind_safe() -> None:
    okabe_ito_tol = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                     "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
                     "#AA4499", "#DDDDDD", "#999999", "#FFFFFF", "#F4F4F4"}
    colours = [s.color for s in NODE_STYLE.values()]
    assert len(set(colours)) == len(colours), "a node colour is used twice"
    assert set(colours) <= okabe_ito_tol
    assert len({(s.shape, s.color) for s in NODE_STYLE.values()}) == len(NODE_STYLE)
    # statuses differ by shape as well as colour, so that no status relies on hue alone
    statuses = [s for k, s in NODE_STYLE.items() if k.startswith("group:")]
    assert len({s.shape for s in statuses}) == len(statuses)
    edges = [(s.color, s.dashes, s.width) for s in EDGE_STYLE.values()]
    assert len(set(edges)) == len(edges) and len({c for c, _, _ in edges}) == len(edges)


def test_legend_is_generated_from_the_style_table(memory_store: Store) -> None:
    page = make_page(memory_store)
    items = re.findall(r'data-kind="([^"]+)" data-shape="([^"]+)" data-color="([^"]+)"', page.html)
    assert {k: (shape, color) for k, shape, color in items} == {k: (s.shape, s.color) for k, s in NODE_STYLE.items()}
    edge_items = dict(re.findall(r'data-edge="([^"]+)" data-color="([^"]+)"', page.html))
    assert edge_items == {k: s.color for k, s in EDGE_STYLE.items()}
    payload = json.loads(re.search(r'id="cg-data">(.*?)</script>', page.html, re.S).group(1))  # type: ignore[union-attr]
    assert payload["nodeStyles"] == {k: s.vis() for k, s in NODE_STYLE.items()}
    assert {n["group"] for n in payload["nodes"]} <= set(NODE_STYLE)
    assert {payload["edgeKinds"][e[2]] for e in payload["edges"]} <= set(EDGE_STYLE)


def test_layout_reads_left_to_right(demo: tuple[Any, Any, dict[str, tuple[float, float]], ViewOptions]) -> None:
    g, data, pos, _ = demo
    kinds = {n: d["kind"] for n, d in g.nodes(data=True)}
    grid = [n for n, k in kinds.items() if k.startswith(("group:", "check:"))]
    companies = [n for n, k in kinds.items() if k == "company"]
    metrics = [n for n, k in kinds.items() if k == "metric"]
    assert max(pos[c][0] for c in companies) < min(pos[m][0] for m in metrics) < min(pos[n][0] for n in grid)
    for s in data.series:  # a series' groups in time order, left to right
        xs = [pos[data.groups[gi]["id"]][0] for gi in s["groups"]]
        assert xs == sorted(xs), s["label"]
    sources = [n for n, k in kinds.items() if k in ("article", "person", "organization", "software_agent",
                                                     "publisher")]
    assert sources
    right = min(pos[n][0] for n in sources) > max(pos[n][0] for n in grid)
    below = min(pos[n][1] for n in sources) > max(pos[n][1] for n in grid + metrics + companies)
    assert right or below, "sources sit at an edge of the grid"
    # the groups that matter stand out by kind: the corpus has revisions
    assert any(k == "group:revision" for k in kinds.values())


def _overlaps(g: Any, pos: dict[str, tuple[float, float]]) -> list[tuple[str, str]]:
    shapes = {k: s.shape for k, s in NODE_STYLE.items()}
    boxes = []
    for n, d in g.nodes(data=True):
        e = extent(d, shapes[d["kind"]])
        x, y = pos[n]
        boxes.append((x - e.w / 2, y - e.up, x + e.w / 2, y + e.down, n))
    boxes.sort()
    bad = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b[0] >= a[2]:
                break
            if b[1] < a[3] and a[1] < b[3]:
                bad.append((a[4], b[4]))
    return bad


def test_labels_do_not_overlap(demo: tuple[Any, Any, dict[str, tuple[float, float]], ViewOptions],
                               memory_store: Store) -> None:
    g, _, pos, _ = demo
    assert _overlaps(g, pos) == []
    reports = collect(memory_store)
    opts = ViewOptions(max_claims=10_000)  # claims one by one, stacked under their groups
    g2, data2 = build(reports, opts)
    pos2, _ = positions(g2, data2, opts)
    assert any(d["kind"] == "claim" for _, d in g2.nodes(data=True))
    assert _overlaps(g2, pos2) == []


def test_revised_group_panel_data(demo: tuple[Any, Any, dict[str, tuple[float, float]], ViewOptions]) -> None:
    _, data, _, _ = demo
    capex = next(gr for gr in data.groups if gr["metric"] == "capex" and gr["status"] == "revision")
    assert capex["resolved"] == "$13B" and capex["unit"] == "USD"
    (rev,) = capex["revisions"]
    assert data.claims[rev["current"]]["value"] == "$12B–$14B"
    assert data.claims[rev["revises"]]["value"] == "$20B–$23B"
    old = data.claims[rev["revises"]]
    assert old.get("superseded") and old["stated"] == "around $20 billion to $23 billion"
    src = data.sources[old["src"]]
    assert src["title"] and src["authors"] and "quote" in old
    assert data.series[capex["series"]]["ticks"][-1][1] == "$21.5B"


def test_every_number_on_the_page_is_formatted(memory_store: Store) -> None:
    page = make_page(memory_store)
    payload = json.loads(re.search(r'id="cg-data">(.*?)</script>', page.html, re.S).group(1))  # type: ignore[union-attr]
    texts = [n["label"] + n["title"] for n in payload["nodes"]]
    texts += [c["value"] for c in payload["data"]["claims"]]
    texts += [str(gr["resolved"]) + str(gr["resolved_range"]) for gr in payload["data"]["groups"]]
    texts += [t[1] for s in payload["data"]["series"] for t in s["ticks"]]
    assert [t for t in texts if E_NOTATION.search(t)] == []
    assert "420 MW" in " ".join(texts) and "+284% y/y" in " ".join(texts)


def test_undecided_group_stands_out(memory_store: Store) -> None:
    reports = collect(memory_store)
    target = next(gr for gr in reports.groups if gr["status"] == "consistent" and len(gr["claims"]) > 1)
    target.update(resolved=None, undecided=True)
    assert is_undecided(target) and group_kind(target) == "group:undecided"
    g, data = build(reports, ViewOptions())
    rec = next(gr for gr in data.groups if gr["id"] == target["id"])
    assert rec["undecided"] and rec["resolved"] is None and rec["kind"] == "group:undecided"
    assert "undecided" in g.nodes[target["id"]]["tags"] and g.nodes[target["id"]]["label"].endswith("?")


# --- reading the store ------------------------------------------------------------------------------------------

def test_column_scan_reads_what_the_analysis_query_reads(tmp_path: Path, examples: list[str]) -> None:
    store = open_store(str(tmp_path / "s"))
    ingest(examples, store)
    import_claims(str(write_claims(300, tmp_path / "c.csv")), store)
    from claimgraph.sources.readers import Metadata

    url = Metadata(url="https://example.com/acme")
    for n, revenue in enumerate(("$5.2 billion", "$5.3 billion")):  # a second version supersedes the first
        version = tmp_path / f"v{n}.txt"
        version.write_text(f"Acme results\nBy Jane Roe\nAcme Corp reported revenue of {revenue} in Q3 2025.\n",
                           encoding="utf-8")
        assert ingest([str(version)], store, meta=url).failed == []
    rows = claim_rows(store)
    assert rows is not None and len(rows) > 300
    assert facts_from_rows(rows) == load_facts(store)
    acme = [r for r in rows if r["company"].startswith("Acme")]
    assert [r["stated"] for r in acme] == ["$5.3 billion"], "claims of superseded versions are not read"
    store.close()
    assert claim_rows(open_store("memory")) is None


def test_view_reads_the_stored_analysis_and_shows_what_a_fresh_one_shows(ox_store: Store, tmp_path: Path) -> None:
    """The view reads the analysis kept in the claim index (no RDF scan, no analysis) and its page is the page a
    fresh in-memory analysis of the RDF gives, on the demo corpus plus imported claims; without a usable index
    it falls back to the fresh analysis."""
    from claimgraph.view.page import collect_fresh, collect_stored

    import_claims(str(write_claims(400, tmp_path / "c.csv")), ox_store)
    stored, fresh = collect_stored(ox_store), collect_fresh(ox_store)
    assert len(stored.groups) > 50 and stored.articles and stored.checks and stored.resolutions
    assert stored == fresh
    for max_claims in (60, 10_000):  # aggregated, and claims one by one
        assert make_page(ox_store, max_claims=max_claims).html == make_page(
            ox_store, max_claims=max_claims, reports=fresh).html
    index = Path(str(ox_store.path) + ".index.duckdb")  # type: ignore[attr-defined]
    assert index.exists()
    ox_store.close()
    index.rename(index.with_suffix(".moved"))
    reader = open_store(str(ox_store.path), read_only=True)  # type: ignore[attr-defined]
    try:
        fallback = collect(reader)
        assert fallback.groups == fresh.groups and fallback.resolutions == fresh.resolutions
        assert fallback.checks == fresh.checks
        key = lambda a: a["id"]  # noqa: E731
        assert sorted(fallback.articles, key=key) == sorted(fresh.articles, key=key)
    finally:
        reader.close()


# --- scale --------------------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_large_view_needs_nothing_undeclared(tmp_path: Path) -> None:
    """Above 600 nodes the old view called networkx's spring_layout, which needs numpy, then not a dependency.
    numpy is now a declared dependency (truth discovery), and the layouts are our own: networkx's numpy-based
    layouts and scipy are never called, so a large view needs nothing beyond the declared dependencies."""
    store_path = tmp_path / "s"
    store = open_store(str(store_path))
    import_claims(str(write_claims(4000, tmp_path / "c.csv")), store)
    store.close()
    script = (
        "import sys; sys.modules['scipy'] = None\n"
        "import networkx as nx\n"
        "def refuse(*a, **k): raise AssertionError('networkx layout called')\n"
        "nx.spring_layout = nx.kamada_kawai_layout = nx.spectral_layout = refuse\n"
        "from claimgraph.graph.store import open_store\n"
        "from claimgraph.view.page import write_view\n"
        f"st = open_store({str(store_path)!r}, read_only=True)\n"
        "for layout in ('hierarchical', 'force'):\n"
        f"    path, g, _ = write_view(st, {str(tmp_path)!r} + '/' + layout + '.html', layout=layout)\n"
        "    print(layout, g.number_of_nodes())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    counts = dict(line.split() for line in out.stdout.split("\n") if line)
    assert int(counts["hierarchical"]) > 600 and int(counts["force"]) > 600
    assert (tmp_path / "force.html").stat().st_size > 0


# --- the CLI --------------------------------------------------------------------------------------------------------

def test_cli_tables_use_the_formatter(tmp_path: Path, examples: list[str], runner: CliRunner) -> None:
    store = str(tmp_path / "s")
    assert runner.invoke(app, ["ingest", *examples, "--store", store, "--workers", "1"]).exit_code == 0
    outputs = {cmd: runner.invoke(app, [*cmd.split(), "--store", store]).stdout
               for cmd in ("conflicts --all", "resolve", "checks", "claims", "timeline CoreWeave revenue_backlog")}
    for cmd, text in outputs.items():
        assert not E_NOTATION.search(text), (cmd, E_NOTATION.search(text))
    assert "resolved: $13B" in outputs["conflicts --all"] and "420 MW" in outputs["resolve"]
    assert "+284%" in outputs["checks"] and "$25.9B" in outputs["checks"]
    assert "$55.6B" in outputs["timeline CoreWeave revenue_backlog"]


def test_view_reads_while_a_writer_holds_the_lock(tmp_path: Path, examples: list[str]) -> None:
    from tests.conftest import run_cli

    path = str(tmp_path / "s")
    writer = open_store(path)
    ingest(examples, writer)
    writer.ox.flush()
    try:  # the writer still holds the store's write lock; the reader is another process, as a user's would be
        out = run_cli("view", "--store", path, "--no-open", "--output", str(tmp_path / "v.html"))
        assert out.returncode == 0, out.stderr
        assert (tmp_path / "v.html").stat().st_size > 100_000
        bad = run_cli("view", "--store", path, "--no-open", "--layout", "spiral")
        assert bad.returncode == 1 and bad.stderr.strip() == "Error: unknown layout 'spiral'; use one of hierarchical, force"
    finally:
        writer.close()


# --- serve ------------------------------------------------------------------------------------------------------------

def _get(url: str, host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.fixture()
def served(tmp_path: Path, examples: list[str]) -> Iterator[tuple[str, int, str]]:
    from claimgraph.view.server import make_server

    path = str(tmp_path / "s")
    store = open_store(path)
    ingest(examples[:2], store)
    store.close()
    reader = open_store(path, read_only=True)
    server = make_server(reader, 0)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}", int(port), path
    finally:
        server.shutdown()
        server.server_close()
        reader.close()


def test_serve_answers_only_its_own_host(served: tuple[str, int, str]) -> None:
    base, port, _ = served
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}", f"localhost:{port + 1}"):
        code, _, _ = _get(base + "/conflicts.json", host)
        assert code == 421, host
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        code, _, body = _get(base + "/conflicts.json", host)
        assert code == 200 and isinstance(json.loads(body), list), host


def test_serve_csp_allows_only_the_page_own_inline_code(served: tuple[str, int, str]) -> None:
    import base64
    import hashlib

    base, _, _ = served
    code, headers, body = _get(base + "/")
    assert code == 200
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "frame-ancestors 'none'" in csp
    html = body.decode("utf-8")
    blocks = re.findall(r"<(script|style)>(.*?)</\1>", html, re.S)
    assert len(blocks) == 4
    for tag, text in blocks:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        directive = csp.split(f"{tag}-src", 1)[1].split(";", 1)[0]
        assert f"'sha256-{digest}'" in directive, tag
    assert re.search(r"<script(?![^>]*application/json)[^>]*\ssrc=", html) is None
    _, headers, _ = _get(base + "/claims.json")
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_serve_reads_while_ingest_writes(served: tuple[str, int, str], examples: list[str]) -> None:
    base, _, path = served
    before = json.loads(_get(base + "/articles.json")[2])
    out = subprocess.run([sys.executable, "-m", "claimgraph", "ingest", *examples[2:], "--store", path,
                          "--workers", "1"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    after = json.loads(_get(base + "/articles.json")[2])
    assert len(after) == len(before) + len(examples[2:]), "each request sees what has been committed"
    code, _, page = _get(base + "/")
    assert code == 200 and b"cg-data" in page


def test_bench_corpus_has_no_e_notation(tmp_path: Path) -> None:
    text = write_claims(200, tmp_path / "c.csv").read_text(encoding="utf-8")
    assert not E_NOTATION.search(text)
