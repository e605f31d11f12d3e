"""The graph view: reports → networkx graph → positions → one self-contained HTML page drawn by vis-network.

Stages:

1. :func:`collect`: the reports (every group, the resolutions, the cross-checks, the articles) of the analysis
   kept in the store's claim index; without a usable index, of a fresh analysis in memory of the claims in the
   RDF (read by column scans where the store allows). The store is only read;
2. :func:`claimgraph.view.model.build`: the networkx graph and the panel data;
3. :func:`positions`: the timeline grid (:mod:`claimgraph.view.layout`) or the force layout;
4. :func:`render_html`: the page.

The page is self-contained and safe:

* vis-network's JS and CSS are read from pyvis's wheel and inlined with our own script and style; nothing is
  loaded from a network;
* a Content-Security-Policy allows exactly those inline scripts and styles by their SHA-256 hashes (no
  ``'unsafe-inline'``), and nothing else;
* the template is rendered by Jinja2 with autoescaping; the data goes in as JSON in a non-executed
  ``application/json`` block with ``<``, ``>`` and ``&`` escaped; tooltips are plain text, and the page
  writes text with ``textContent`` and builds its SVG with DOM methods only (no ``innerHTML``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from claimgraph.collector import gc_paused
from claimgraph.graph.store import Store
from claimgraph.view.layout import force_layout, grid_layout
from claimgraph.view.model import PageData, Reports, ViewOptions, build
from claimgraph.view.style import EDGE_STYLE, NODE_STYLE, legend

LAYOUTS = ("hierarchical", "force")


def collect(store: Store, *, fresh: bool = False) -> Reports:
    """The reports the view is built from, read from ``store`` without writing to it.

    The analysis kept in the store is read from its claim index (each group's stored report JSON, the stored
    resolutions and cross-checks: what ``conflicts --all``, ``resolve`` and ``checks`` print); when the index
    is missing or out of date, or with ``fresh``, the claims are read from the RDF and analysed in memory.
    """
    from claimgraph.errors import StoreError

    if not fresh:
        try:
            return collect_stored(store)
        except StoreError as exc:
            if "claim index" not in str(exc):
                raise
    return collect_fresh(store)


def collect_stored(store: Store) -> Reports:
    """The reports of the analysis kept in ``store``'s claim index.

    :raises StoreError: when the claim index is missing or out of date.
    """
    from contextlib import closing

    from claimgraph.analysis import stored
    from claimgraph.graph.catalog import articles_of
    from claimgraph.graph.generations import open_reader

    with closing(open_reader(store)) as ix:
        return Reports(stored.conflicts_report(ix, include_all=True), stored.resolve_report(ix),
                       stored.checks_report(ix), articles_of(ix))


def collect_fresh(store: Store) -> Reports:
    """The reports of a fresh analysis in memory of the claims in the RDF (read by column scans where the
    store allows); nothing is written."""
    from claimgraph.analysis.analyse import analyse, checks_report, conflicts_report, facts_from_rows, resolve_report
    from claimgraph.errors import StoreError
    from claimgraph.graph.catalog import list_articles, list_articles_sparql
    from claimgraph.graph.scan import claim_rows

    rows = claim_rows(store)
    analysis = analyse(store, write=False, facts=facts_from_rows(rows) if rows is not None else None)
    try:
        articles = list_articles(store)
    except StoreError as exc:
        if "claim index" not in str(exc):
            raise
        articles = list_articles_sparql(store)
    return Reports(conflicts_report(analysis, include_all=True), resolve_report(analysis), checks_report(analysis),
                   articles)


def positions(g: nx.MultiDiGraph, data: PageData, opts: ViewOptions) -> tuple[dict[str, tuple[float, float]], bool]:
    """Node positions, and whether the browser should run physics (force layout on a small graph)."""
    shapes = {k: s.shape for k, s in NODE_STYLE.items()}
    pos = grid_layout(g, data.series, data.groups, shapes=shapes)
    if opts.layout != "force":
        return pos, False
    if g.number_of_nodes() <= opts.physics_limit:
        return pos, True
    return force_layout(g, pos), False


@dataclass
class Page:
    """A rendered view."""

    html: str
    csp: str
    graph: nx.MultiDiGraph
    data: PageData
    options: ViewOptions


def _vis(g: nx.MultiDiGraph, pos: dict[str, tuple[float, float]]) -> tuple[list[dict[str, Any]], list[list[int]]]:
    """Compact vis-network nodes (integer ids, a style kind as vis "group", the facets) and edges
    (``[from, to, kind index, claim count]``)."""
    ids = {n: i for i, n in enumerate(g.nodes)}
    nodes = []
    for n, d in g.nodes(data=True):
        x, y = pos[n]
        node: dict[str, Any] = {"id": ids[n], "label": d.get("label", ""), "title": d.get("title", ""),
                                "group": d["kind"], "x": round(x, 1), "y": round(y, 1)}
        if "size" in d:
            node["size"] = round(float(d["size"]), 1)
        meta = {"key": str(n), "company": d.get("company", ""), "metric": d.get("metric", ""),
                "period": d.get("period", ""), "column": d.get("column", ""), "tags": d.get("tags", [])}
        for key in ("group", "claim", "source", "series"):
            if key in d:
                meta[key] = d[key]
        if d.get("explanation"):
            meta["explanation"] = d["explanation"]
        node["meta"] = meta
        nodes.append(node)
    kinds = {k: i for i, k in enumerate(EDGE_STYLE)}
    edges = [[ids[u], ids[v], kinds[d["kind"]], d.get("count", 1)] for u, v, d in g.edges(data=True)]
    return nodes, edges


def lazy_kinds(g: nx.MultiDiGraph, opts: ViewOptions) -> list[str]:
    """Edge kinds drawn only for the selected node: source links, when there are too many to draw at once."""
    kinds = ("states", "wrote", "published")
    n = sum(1 for _, _, k in g.edges(data="kind") if k in kinds)
    return list(kinds) if n > opts.source_edge_limit else []


def _asset(name: str) -> str:
    return (resources.files("claimgraph.view") / name).read_text(encoding="utf-8")


def _vis_asset(name: str) -> str:
    """A file of the vis-network build in pyvis's wheel, found without importing pyvis (its import pulls in
    IPython: 0.8 s of a quiet core)."""
    from importlib.util import find_spec

    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed; pip install pyvis")
    return (Path(next(iter(spec.submodule_search_locations))) / "lib" / "vis-9.1.2" / name).read_text(
        encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _json_for_html(value: Any) -> str:
    """JSON safe inside a ``<script type="application/json">`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, check_circular=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(g: nx.MultiDiGraph, data: PageData, opts: ViewOptions) -> Page:
    """The page for ``g`` and ``data``: one self-contained HTML file, and its Content-Security-Policy."""
    from jinja2 import Environment, select_autoescape
    from markupsafe import Markup

    pos, physics = positions(g, data, opts)
    nodes, edges = _vis(g, pos)
    scripts = [_vis_asset("vis-network.min.js").replace("</script", "<\\/script"), _asset("view.js")]
    styles = [_vis_asset("vis-network.css").replace("</style", "<\\/style"), _asset("view.css")]
    csp = ("default-src 'none'; script-src " + " ".join(_sha256(s) for s in scripts) + "; style-src "
           + " ".join(_sha256(s) for s in styles) + "; img-src data:; base-uri 'none'; form-action 'none'")
    facets = {
        "company": sorted({n["meta"]["company"] for n in nodes if n["meta"]["company"]}),
        "metric": sorted({n["meta"]["metric"] for n in nodes if n["meta"]["metric"]}),
        "period": [p for _, p in sorted({(gr["end"] or "9999", gr["period"]) for gr in data.groups})],
        "status": [s for s in ("conflict", "undecided", "revision", "possible_conflict", "consistent", "unresolved")
                   if any(s in n["meta"]["tags"] for n in nodes)],
    }
    payload = {
        "nodes": nodes, "edges": edges, "edgeKinds": list(EDGE_STYLE), "lazyKinds": lazy_kinds(g, opts),
        "physics": physics, "layout": opts.layout,
        "focus": {"company": opts.company or "", "metric": opts.metric or ""},
        "nodeStyles": {k: s.vis() for k, s in NODE_STYLE.items()},
        "edgeStyles": {k: s.vis() for k, s in EDGE_STYLE.items()},
        "data": data.to_json(),
    }
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string(_asset("template.html"))
    html = template.render(
        title=opts.title, csp=csp, notes=opts.notes, facets=facets, legend=legend(),
        counts={"nodes": len(nodes), "edges": len(edges)}, scripts=[Markup(s) for s in scripts],
        styles=[Markup(s) for s in styles], payload=Markup(_json_for_html(payload)),
    )
    return Page(html, csp, g, data, opts)


def make_page(store: Store, *, company: str | None = None, metric: str | None = None, max_claims: int = 60,
              layout: str = "hierarchical", reports: Reports | None = None, title: str = "claimgraph") -> Page:
    """Collect the reports from ``store`` (unless given), build the graph and render the page."""
    from claimgraph.errors import ConfigError
    from claimgraph.graph.catalog import canonical_company

    if layout not in LAYOUTS:
        raise ConfigError(f"unknown layout '{layout}'; use one of {', '.join(LAYOUTS)}")
    opts = ViewOptions(company=canonical_company(company) if company else None, metric=metric,
                       max_claims=max_claims, layout=layout, title=title)
    with gc_paused():  # the reports, graph and page data live until the page is written: no cycles to find
        g, data = build(reports if reports is not None else collect(store), opts)
        return render_html(g, data, opts)


def write_view(store: Store, output: str | Path, *, company: str | None = None, metric: str | None = None,
               max_claims: int = 60, layout: str = "hierarchical", reports: Reports | None = None,
               title: str = "claimgraph") -> tuple[Path, nx.MultiDiGraph, ViewOptions]:
    """Build the page from ``store`` and write it to ``output``.

    :raises ConfigError: for an unknown layout.
    """
    page = make_page(store, company=company, metric=metric, max_claims=max_claims, layout=layout, reports=reports,
                     title=title)
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page.html, encoding="utf-8")
    return path.resolve(), page.graph, page.options


__all__ = ["LAYOUTS", "Page", "collect", "collect_fresh", "collect_stored", "make_page", "positions", "render_html", "write_view"]
