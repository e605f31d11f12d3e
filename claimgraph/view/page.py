"""The graph view: a networkx graph built from the store, laid out and rendered with pyvis as one HTML file.

The page is self-contained and safe:

* vis-network's JS and CSS are read from pyvis's wheel and inlined; nothing
  is loaded from a network (no CDN, no Bootstrap);
* the template is our own, rendered by Jinja2 with autoescaping on; node
  data goes in as JSON with ``<``, ``>`` and ``&`` escaped, tooltips are plain
  text, and the side panel writes article text with ``textContent`` only.

Graphs above ``max_claims`` claims are aggregated: metric-period groups stand
in for single claims, and the page says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from claimgraph.analysis.kept import view_checks, view_groups
from claimgraph.graph.catalog import canonical_company, list_articles, list_claims
from claimgraph.graph.store import Store

STYLE: dict[str, dict[str, Any]] = {
    "article": {"shape": "box", "color": "#4e79a7", "font": {"color": "#ffffff"}},
    "person": {"shape": "ellipse", "color": "#59a14f", "font": {"color": "#ffffff"}},
    "organization": {"shape": "ellipse", "color": "#8cd17d"},
    "software_agent": {"shape": "hexagon", "color": "#b07aa1", "borderWidth": 3,
                       "shapeProperties": {"borderDashes": [4, 3]}},
    "publisher": {"shape": "database", "color": "#9c755f", "font": {"color": "#ffffff"}},
    "company": {"shape": "diamond", "color": "#f28e2b"},
    "metric": {"shape": "triangle", "color": "#76b7b2"},
    "claim": {"shape": "dot", "color": "#bab0ac"},
    "group:consistent": {"shape": "dot", "color": "#59a14f"},
    "group:revision": {"shape": "dot", "color": "#edc948"},
    "group:conflict": {"shape": "dot", "color": "#e15759"},
    "group:possible_conflict": {"shape": "dot", "color": "#ff9da7"},
    "group:unresolved": {"shape": "dot", "color": "#d3d3d3"},
    "conflict": {"shape": "star", "color": "#e15759", "borderWidth": 3},
    "check:consistent": {"shape": "square", "color": "#59a14f"},
    "check:inconsistent": {"shape": "square", "color": "#e15759"},
    "check:derived": {"shape": "square", "color": "#4e79a7"},
}
EDGE_STYLE: dict[str, dict[str, Any]] = {
    "wrote": {"color": "#59a14f"}, "published": {"color": "#9c755f"}, "states": {"color": "#4e79a7"},
    "about": {"color": "#f28e2b"}, "measures": {"color": "#76b7b2"},
    "agrees with": {"color": "#59a14f", "width": 2},
    "conflicts with": {"color": "#e15759", "width": 5},
    "revises": {"color": "#edc948", "width": 3, "dashes": True},
    "checks": {"color": "#4e79a7", "dashes": [2, 4]},
}
LEGEND = [
    ("article", "Article"), ("person", "Author (person)"), ("organization", "Author (organisation)"),
    ("software_agent", "Author (AI writing agent)"), ("publisher", "Publisher"), ("company", "Company"),
    ("metric", "Metric"), ("claim", "Claim"), ("group:consistent", "Group: sources agree"),
    ("group:conflict", "Group: conflict"), ("group:revision", "Group: revised"),
    ("group:possible_conflict", "Possible conflict (period unresolved)"), ("conflict", "Conflict"),
    ("check:consistent", "Cross-check: consistent"), ("check:inconsistent", "Cross-check: inconsistent"),
    ("check:derived", "Cross-check: derived value"),
]


@dataclass
class ViewOptions:
    """What to show."""

    company: str | None = None
    metric: str | None = None
    max_claims: int = 60
    physics_limit: int = 600
    title: str = "claimgraph"
    notes: list[str] = field(default_factory=list)


def _money(v: float | None, unit: str) -> str:
    if v is None:
        return "?"
    if unit in ("percent",):
        return f"{v:.4g}%"
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(v) >= scale:
            return f"{v / scale:.4g}{suffix}" + ("" if unit == "USD" else f" {unit}")
    return f"{v:.4g} {unit}"


def build_graph(store: Store, opts: ViewOptions) -> nx.MultiDiGraph:
    """A networkx graph of articles, authors, publishers, companies, metrics, claims, groups, conflicts and checks."""
    g = nx.MultiDiGraph()
    claims = list_claims(store, company=opts.company, metric=opts.metric)
    aggregate = len(claims) > opts.max_claims
    if aggregate:
        opts.notes.append(f"{len(claims)} claims are too many to read one by one: each metric-period group "
                          "stands for its claims (use --company and --metric, or --max-claims, to see single claims).")
    articles = {a["id"]: a for a in list_articles(store)}
    used_articles = {c["article"] for c in claims}
    for aid in used_articles:
        a = articles.get(aid, {"title": aid, "authors": [], "publisher": None, "published": None, "url": None})
        details = [("Title", a.get("title")), ("Published", a.get("published") or "unknown"),
                   ("URL", a.get("url") or "unknown"), ("Publisher", a.get("publisher") or "unknown"),
                   ("Authors", ", ".join(f"{x['name']} ({x['kind']})" for x in a["authors"]) or "unknown")]
        g.add_node(aid, kind="article", label=_short(a.get("title") or "untitled", 40),
                   title="\n".join(f"{k}: {v}" for k, v in details), details=details, quotes=[])
        for author in a["authors"]:
            nid = f"author:{author['kind']}:{author['name']}"
            label = ("AI agent: " if author["kind"] == "software_agent" else "") + author["name"]
            g.add_node(nid, kind=author["kind"], label=label, title=f"{label}\n{author['kind']}",
                       details=[("Author", author["name"]), ("Kind", author["kind"])], quotes=[])
            g.add_edge(nid, aid, label="wrote")
        if a.get("publisher"):
            pid = f"publisher:{a['publisher']}"
            g.add_node(pid, kind="publisher", label=a["publisher"], title=a["publisher"],
                       details=[("Publisher", a["publisher"])], quotes=[])
            g.add_edge(pid, aid, label="published")
    by_id = {c["id"]: c for c in claims}
    for c in claims:
        cid, mid = f"company:{c['company']}", f"metric:{c['metric']}"
        g.add_node(cid, kind="company", label=c["company"], title=c["company"], details=[("Company", c["company"])],
                   quotes=[])
        g.add_node(mid, kind="metric", label=c["metric"], title=c["metric"], details=[("Metric", c["metric"])],
                   quotes=[])
        if aggregate:
            continue
        period = c["period"]["label"] if c["period"] else "period unresolved"
        details = [("Company", c["company"]), ("Metric", c["metric"]), ("Measure", c["measure"]),
                   ("Value", c["value"]["stated"]), ("Period", period), ("Modality", c["modality"]),
                   ("Article", c["article_title"]), ("Author", c["author"] or "unknown")]
        g.add_node(c["id"], kind="claim", label=f"{c['value']['stated']}", company=c["company"], metric=c["metric"],
                   period=period, title="\n".join(f"{k}: {v}" for k, v in details) + f"\nQuote: {c['quote']}",
                   details=details, quotes=[_quote(c)])
        g.add_edge(c["article"], c["id"], label="states")
        g.add_edge(c["id"], cid, label="about")
        g.add_edge(c["id"], mid, label="measures")
        if c.get("revises") and c["revises"] in by_id:
            g.add_edge(c["id"], c["revises"], label="revises")
    _add_groups(g, store, by_id, aggregate)
    _add_checks(g, store)
    _size(g)
    return g


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _quote(c: dict[str, Any]) -> dict[str, str]:
    return {"text": c["quote"], "source": c.get("article_title") or c["article"], "author": c.get("author") or "",
            "period": c["period"]["label"] if c.get("period") else "unresolved", "value": c["value"]["stated"]}


def _add_groups(g: nx.MultiDiGraph, store: Store, claims: dict[str, dict[str, Any]], aggregate: bool) -> None:
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in view_groups(store, set(claims)):
        if r["claim"] in claims:
            rows[r["group"]].append(r)
    for gid, members in rows.items():
        r0 = members[0]
        status = r0["status"]
        sides: dict[str, list[str]] = defaultdict(list)
        for r in members:
            if r["claim"] not in sides[r["side"]]:
                sides[r["side"]].append(r["claim"])
        member_ids = list(dict.fromkeys(r["claim"] for r in members))
        if len(member_ids) < 2 and status in ("consistent", "unresolved") and not aggregate:
            continue
        period = r0.get("periodLabel") or "unresolved"
        value = _money(r0.get("value"), r0["unit"]) if r0.get("value") is not None else \
            " / ".join(claims[m]["value"]["stated"] for m in member_ids[:2])
        label = f"{r0['metric']} {period}: {value}"
        quotes = [_quote(claims[m]) for m in member_ids]
        details = [("Status", status), ("Company", r0["company"]), ("Metric", r0["metric"]),
                   ("Measure", r0["measure"]), ("Period", period),
                   ("Resolved value", _money(r0.get("value"), r0["unit"])), ("Claims", str(len(member_ids)))]
        if r0.get("reason"):
            details.append(("Reason", r0["reason"]))
        g.add_node(gid, kind=f"group:{status}", label=label, company=r0["company"], metric=r0["metric"],
                   period=period, status=status, title="\n".join(f"{k}: {v}" for k, v in details),
                   details=details, quotes=quotes, claims=len(member_ids))
        g.add_edge(gid, f"company:{r0['company']}", label="about")
        g.add_edge(gid, f"metric:{r0['metric']}", label="measures")
        if aggregate:
            for article in dict.fromkeys(claims[m]["article"] for m in member_ids):
                g.add_edge(article, gid, label="states")
            for m in member_ids:
                older = claims[m].get("revises")
                if older in claims:
                    for cid in (m, older):
                        c = claims[cid]
                        g.add_node(cid, kind="claim", label=c["value"]["stated"], company=c["company"],
                                   metric=c["metric"], period=period, quotes=[_quote(c)],
                                   title=f"{c['value']['stated']} ({c['modality']})\nQuote: {c['quote']}",
                                   details=[("Value", c["value"]["stated"]), ("Modality", c["modality"]),
                                            ("Period", period), ("Article", c["article_title"])])
                    g.add_edge(m, older, label="revises")
                    g.add_edge(m, gid, label="agrees with")
                    g.add_edge(older, gid, label="revises")
        if status == "conflict":
            cid = f"conflict:{gid}"
            values = " vs ".join(", ".join(claims[m]["value"]["stated"] for m in side) for side in sides.values())
            g.add_node(cid, kind="conflict", label=f"Conflict: {r0['metric']} {period}", status=status,
                       company=r0["company"], metric=r0["metric"], period=period,
                       title=f"Conflict on {r0['metric']} {period}: {values}", details=details, quotes=quotes)
            g.add_edge(cid, gid, label="conflicts with")
            for side in sides.values():
                for m in side:
                    g.add_edge(m if not aggregate else claims[m]["article"], cid, label="conflicts with")
        elif not aggregate:
            for m in member_ids:
                g.add_edge(m, gid, label="agrees with" if status != "possible_conflict" else "conflicts with")


def _add_checks(g: nx.MultiDiGraph, store: Store) -> None:
    checks: dict[str, dict[str, Any]] = {}
    for r in view_checks(store):
        c = checks.setdefault(r["check"], {"kind": r["kind"], "verdict": r["verdict"], "text": r["explanation"],
                                           "links": set()})
        for key in ("input", "target"):
            if r.get(key) and g.has_node(r[key]):
                c["links"].add(r[key])
    for cid, c in checks.items():
        if not c["links"]:
            continue
        details = [("Cross-check", c["kind"]), ("Verdict", c["verdict"]), ("Arithmetic", c["text"])]
        g.add_node(cid, kind=f"check:{c['verdict']}", label=f"{c['kind']}: {c['verdict']}", status=c["verdict"],
                   title="\n".join(f"{k}: {v}" for k, v in details), details=details, quotes=[])
        for link in sorted(c["links"]):
            g.add_edge(cid, link, label="checks")


def _size(g: nx.MultiDiGraph) -> None:
    for n, data in g.nodes(data=True):
        weight = data.get("claims") or g.degree(n)
        data["size"] = 10 + min(40, 4 * weight ** 0.5 * 2)


def _vis_data(g: nx.MultiDiGraph, opts: ViewOptions) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    from pyvis.network import Network

    net = Network(directed=True, height="100%", width="100%")
    physics = g.number_of_nodes() <= opts.physics_limit
    pos: dict[Any, Any] = {}
    if not physics:
        # A precomputed layout (physics off) so that big pages appear at once; few iterations keep it fast.
        pos = nx.spring_layout(nx.Graph(g), iterations=12, seed=7, scale=max(800, g.number_of_nodes() * 2))
    # pyvis's add_node/add_edge scan every existing node and edge (quadratic); fill its lists directly
    # in the same shape it builds, and let pyvis carry the options and template data.
    for n, data in g.nodes(data=True):
        style = STYLE.get(data["kind"], {})
        node: dict[str, Any] = {k: v for k, v in style.items() if k not in ("shape", "color")}
        node.update(id=str(n), label=data.get("label", str(n)), title=data.get("title", ""),
                    shape=style.get("shape", "dot"), color=style.get("color", "#999999"), size=data["size"])
        if n in pos:
            node.update(x=float(pos[n][0]), y=float(pos[n][1]), physics=False)
        net.nodes.append(node)
        net.node_ids.append(str(n))
    show_labels = g.number_of_edges() < 120
    for u, v, data in g.edges(data=True):
        style = EDGE_STYLE.get(data["label"], {})
        net.edges.append({"from": str(u), "to": str(v), "title": data["label"],
                          "label": data["label"] if show_labels else "", "arrows": "to", **style})
    nodes = []
    for node in net.nodes:
        data = g.nodes[node["id"]]
        node["meta"] = {"kind": data["kind"], "company": data.get("company", ""), "metric": data.get("metric", ""),
                        "period": data.get("period", ""), "status": data.get("status", ""),
                        "details": [[k, str(v)] for k, v in data.get("details", [])],
                        "quotes": data.get("quotes", [])}
        nodes.append(node)
    return nodes, list(net.edges), physics


def render_html(g: nx.MultiDiGraph, opts: ViewOptions) -> str:
    """The page for ``g``: one self-contained HTML file."""
    from jinja2 import Environment, select_autoescape

    nodes, edges, physics = _vis_data(g, opts)
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    css = (lib / "vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style")
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string((resources.files("claimgraph.view") / "template.html").read_text(encoding="utf-8"))
    facets = {key: sorted({n["meta"][key] for n in nodes if n["meta"][key]}) for key in
              ("company", "metric", "period", "status")}
    legend = [{"label": label, "color": STYLE[k]["color"], "shape": STYLE[k]["shape"]} for k, label in LEGEND]
    return template.render(
        title=opts.title, nodes=nodes, edges=edges, physics=physics, notes=opts.notes, facets=facets, legend=legend,
        focus={"company": opts.company or "", "metric": opts.metric or ""}, vis_js=_Raw(js), vis_css=_Raw(css),
        counts={"nodes": len(nodes), "edges": len(edges)},
    )


class _Raw(str):
    """Library code inlined verbatim (marked safe for Jinja)."""

    def __html__(self) -> str:
        return str(self)


def write_view(store: Store, output: str | Path, *, company: str | None = None, metric: str | None = None,
               max_claims: int = 60) -> tuple[Path, nx.MultiDiGraph, ViewOptions]:
    """Build the graph from ``store`` and write the page to ``output``."""
    opts = ViewOptions(company=canonical_company(company) if company else None, metric=metric, max_claims=max_claims)
    g = build_graph(store, opts)
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(g, opts), encoding="utf-8")
    return path.resolve(), g, opts
