"""What the view shows, built from the analysis reports: a networkx graph and the page's panel data.

The input is the report dictionaries of :mod:`claimgraph.analysis.analyse` (``conflicts_report`` with every
group, ``resolve_report``, ``checks_report``) and the article listing of :mod:`claimgraph.graph.catalog`;
fields added to them later are ignored, so the view keeps working as the analysis grows.

Nodes are companies, their metrics, period column headings, claim groups (one per company, metric, measure,
period, unit and modality class), single claims (when few), cross-checks and the sources: articles, authors
and publishers. Every group belongs to a *series* (company, metric, measure, unit, modality family) whose
groups are linked in time order. Above ``max_claims`` claims the groups stand for their claims.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from claimgraph.numbers import format_range, format_value, measure_label, per_share_metric
from claimgraph.view.style import group_kind, is_undecided

UNRESOLVED_PERIOD = "period unresolved"


@dataclass
class Reports:
    """The analysis and catalog reports the view is built from."""

    groups: list[dict[str, Any]]
    resolutions: list[dict[str, Any]] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ViewOptions:
    """What to show and how."""

    company: str | None = None
    metric: str | None = None
    max_claims: int = 60
    layout: str = "hierarchical"  # or "force"
    physics_limit: int = 600
    source_edge_limit: int = 60  # above this many source links, they are drawn for the selected node only
    title: str = "claimgraph"
    notes: list[str] = field(default_factory=list)


@dataclass
class PageData:
    """The panel data: sources, claims, groups and series, referenced by index from the nodes."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)
    series: list[dict[str, Any]] = field(default_factory=list)
    aggregated: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"sources": self.sources, "claims": self.claims, "groups": self.groups, "series": self.series,
                "aggregated": self.aggregated}


def _family(modality_class: str | None) -> str:
    """The modality family of a group's class: ``actual``, ``guidance`` or ``forecast``."""
    return (modality_class or "actual").split("@", 1)[0]


def _period_key(period: dict[str, Any] | None) -> tuple[str, str, str]:
    if not period:
        return ("9999-99-99", "9999-99-99", UNRESOLVED_PERIOD)
    return (period.get("end") or "", period.get("start") or "", period.get("label") or "")


def _company_key(name: str) -> str:
    from claimgraph.sources.companies import company_key

    return company_key(name)


class _Builder:
    """Fills the graph and the page data from the reports."""

    def __init__(self, reports: Reports, opts: ViewOptions) -> None:
        self.opts = opts
        self.g = nx.MultiDiGraph()
        self.data = PageData()
        self.source_index: dict[str, int] = {}
        self.claim_index: dict[str, int] = {}
        self.claim_ids: list[str] = []
        self.articles = {a["id"]: a for a in reports.articles}
        self.resolutions = {r.get("group"): r for r in reports.resolutions}
        focus = _company_key(opts.company) if opts.company else None  # any spelling of the company
        self.groups = [g for g in reports.groups
                       if (focus is None or _company_key(g.get("company") or "") == focus)
                       and (not opts.metric or g.get("metric") == opts.metric)]
        n_claims = sum(len(g.get("claims", [])) for g in self.groups)
        self.aggregate = n_claims > opts.max_claims
        self.data.aggregated = self.aggregate
        if self.aggregate:
            opts.notes.append(f"{n_claims:,} claims in {len(self.groups):,} groups: each group stands for its "
                              "claims (click one to list them). Use --company, --metric or --max-claims to see "
                              "single claims.")
        self.checks = reports.checks

    # --- sources -------------------------------------------------------------------------------------------
    def source(self, claim: dict[str, Any]) -> int:
        sid = claim["article"]
        if sid in self.source_index:
            return self.source_index[sid]
        art = self.articles.get(sid, {})
        authors = art.get("authors") or ([{"name": claim["author"], "kind": "person"}] if claim.get("author") else [])
        record = {"id": sid, "title": art.get("title") or claim.get("article_title") or sid.rsplit("/", 1)[-1],
                  "authors": [{"name": a["name"], "kind": a.get("kind") or "person"} for a in authors],
                  "publisher": art.get("publisher") or claim.get("publisher"),
                  "published": art.get("published") or claim.get("published"), "url": art.get("url"),
                  "trust": claim.get("trust")}
        self.source_index[sid] = len(self.data.sources)
        self.data.sources.append(record)
        title = record["title"]
        self.g.add_node(sid, kind="article", label=_short(title, 38), source=self.source_index[sid],
                        title=_lines(("Article", title), ("Published", record["published"] or "unknown"),
                                     ("Publisher", record["publisher"] or "unknown"),
                                     ("Authors", ", ".join(a["name"] for a in record["authors"]) or "unknown")))
        for a in record["authors"]:
            aid = f"author:{a['kind']}:{a['name']}"
            prefix = "AI agent: " if a["kind"] == "software_agent" else ""
            kind = a["kind"] if a["kind"] in ("person", "organization", "software_agent") else "person"
            self.g.add_node(aid, kind=kind, label=_short(prefix + a["name"], 30), title=_lines(("Author", a["name"]),
                                                                                                  ("Kind", a["kind"])))
            self.g.add_edge(aid, sid, kind="wrote")
        if record["publisher"]:
            pid = f"publisher:{record['publisher']}"
            self.g.add_node(pid, kind="publisher", label=_short(record["publisher"], 30),
                            title=_lines(("Publisher", record["publisher"])))
            self.g.add_edge(pid, sid, kind="published")
        return self.source_index[sid]

    # --- claims and groups -----------------------------------------------------------------------------------
    def claim(self, c: dict[str, Any], group: dict[str, Any], per_share: bool) -> int:
        if c["id"] in self.claim_index:
            return self.claim_index[c["id"]]
        v = c.get("value", {})
        measure = c.get("measure") or group.get("measure")
        unit = v.get("unit") or group.get("unit") or ""
        point = v.get("point")
        low, high = v.get("low"), v.get("high")
        y = point if point is not None else ((low + high) / 2 if low is not None and high is not None else None)
        record: dict[str, Any] = {
            "stated": v.get("stated", ""), "src": self.source(c),
            "value": format_range(low, high, unit, qualifier=v.get("qualifier", "exact"), point=point,
                                  measure=measure, per_share=per_share),
            "modality": c.get("modality", ""), "quote": c.get("quote", ""), "y": y}
        if unit == "category" or group.get("unit") == "category":
            # a categorical claim (or a number read as a label in a mixed item): its text, on no number axis
            record.update(value=" ".join(str(v.get("stated", "")).split()), y=None)
        if low != high:
            record.update(lo=low, hi=high)
        period = (group.get("period") or {}).get("label")
        if c.get("period") and c.get("period") != period:
            record["period"] = c["period"]
        self.claim_index[c["id"]] = len(self.data.claims)
        self.claim_ids.append(c["id"])
        self.data.claims.append(record)
        return self.claim_index[c["id"]]

    def group_record(self, grp: dict[str, Any]) -> dict[str, Any]:
        per_share = per_share_metric(grp.get("metric", ""))
        res = self.resolutions.get(grp.get("id"))
        unit, measure = grp.get("unit") or "", grp.get("measure") or "level"
        claims = [self.claim(c, grp, per_share) for c in grp.get("claims", [])]
        idx = self.claim_index
        superseded = {idx[c] for c in grp.get("superseded", []) if c in idx}
        for i in superseded:
            self.data.claims[i]["superseded"] = True
        undecided = is_undecided(grp, res)
        resolved = None if undecided else grp.get("resolved")
        if resolved is None and res is not None and not undecided:
            resolved = res.get("value")
        period = grp.get("period") or None
        support = [self.source_index[s["article"]] for s in (res or {}).get("support", []) if s["article"] in
                   self.source_index]
        dissent = [self.source_index[s["article"]] for s in (res or {}).get("dissent", []) if s["article"] in
                   self.source_index]
        support_claims = [idx[c["id"]] for s in (res or {}).get("support", []) for c in s.get("claims", [])
                          if c.get("id") in idx]
        return {
            "id": grp["id"], "company": grp.get("company", ""), "metric": grp.get("metric", ""),
            "measure": measure, "measure_label": measure_label(measure), "unit": unit,
            "modality": _family(grp.get("modality_class")), "modality_class": grp.get("modality_class") or "",
            "period": (period or {}).get("label") or UNRESOLVED_PERIOD, "start": (period or {}).get("start"),
            "end": (period or {}).get("end"), "col": (period or {}).get("end") or UNRESOLVED_PERIOD,
            "status": grp.get("status", ""), "undecided": undecided,
            "kind": group_kind(grp, res), "reason": grp.get("reason") or "",
            "resolved": None if resolved is None else format_value(resolved, unit, measure=measure,
                                                                  per_share=per_share),
            "resolved_range": None if res is None or undecided or res.get("low") is None else format_range(
                res.get("low"), res.get("high"), unit, qualifier="range", measure=measure, per_share=per_share),
            "y": resolved, "claims": claims,
            **({"resolved": None if undecided or res is None else res.get("resolved_text"), "resolved_range": None}
               if unit == "category" else {}),
            "sides": [[idx[c] for c in side if c in idx] for side in grp.get("sides", [])],
            "superseded": sorted(superseded),
            "revisions": [{"current": idx[r["current"]], "revises": idx[r["revises"]]}
                          for r in grp.get("revisions", []) if r.get("current") in idx and r.get("revises") in idx],
            "support": support, "dissent": dissent, "support_claims": support_claims,
        }


def _short(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _lines(*pairs: tuple[str, Any]) -> str:
    """A plain-text tooltip (vis-network shows strings with innerText)."""
    return "\n".join(f"{k}: {v}" for k, v in pairs)


def short_period(label: str, column: str) -> str:
    """A period label without the year its column (an end date) already shows.

    >>> short_period("2025-Q3", "2025-09-30"), short_period("2025", "2025-12-31"), short_period("2024-Q4", "2025-01-31")
    ('Q3', 'year', '2024-Q4')
    """
    year = column[:4]
    if label == year:
        return "year"
    if label.startswith(year + "-") and len(label) > 5:
        return label[5:]
    return label


def group_label(rec: dict[str, Any], data: PageData) -> str:
    """The short text beside a group node: its period when the column (its end date) does not say it all, its
    modality when not an actual, and its value, or what disagrees."""
    claims = data.claims
    prefix = "" if rec["period"] in (rec["col"], UNRESOLVED_PERIOD) else f"{short_period(rec['period'], rec['col'])}: "
    prefix += "" if rec["modality"] == "actual" else f"{rec['modality']} "
    if rec["undecided"]:
        values = [" / ".join(dict.fromkeys(claims[i]["value"] for i in side)) for side in rec["sides"][:3]]
        return f"{prefix}{' or '.join(values) or 'undecided'}?"
    if rec["kind"] == "group:conflict":
        values = list(dict.fromkeys(claims[i]["value"] for side in rec["sides"] for i in side[:1]))
        shown = " ≠ ".join(values[:3]) + (" ≠ …" if len(values) > 3 else "")
        return f"{prefix}{shown}\n→ {rec['resolved'] or 'n/a'}"
    if rec["kind"] == "group:revision" and rec["revisions"]:
        old = claims[rec["revisions"][0]["revises"]]["value"]
        return f"{prefix}{rec['resolved'] or claims[rec['revisions'][0]['current']]['value']}\nwas {old}"
    if rec["resolved"]:
        return f"{prefix}{rec['resolved']}"
    return f"{prefix}{' / '.join(dict.fromkeys(claims[i]['value'] for i in rec['claims'][:2]))}"


def build(reports: Reports, opts: ViewOptions) -> tuple[nx.MultiDiGraph, PageData]:
    """The graph (nodes carry ``kind``, ``label``, ``title`` and facets) and the panel data."""
    b = _Builder(reports, opts)
    g, data = b.g, b.data
    series: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for grp in sorted(b.groups, key=lambda x: (x.get("company", ""), x.get("metric", ""),
                                                _period_key(x.get("period")), x.get("id", ""))):
        rec = b.group_record(grp)
        gi = len(data.groups)
        data.groups.append(rec)
        series[(rec["company"], rec["metric"], rec["measure"], rec["unit"], rec["modality"])].append(gi)
    for key, members in sorted(series.items()):
        _add_series(b, key, members)
    _add_checks(b)
    return g, data


def _add_series(b: _Builder, key: tuple[str, ...], members: list[int]) -> None:
    g, data = b.g, b.data
    company, metric, measure, unit, family = key
    cid, mid = f"company:{company}", f"metric:{company}\x1f{metric}"
    g.add_node(cid, kind="company", label=_short(company, 28), company=company, title=_lines(("Company", company)))
    if not g.has_node(mid):
        g.add_node(mid, kind="metric", label=_short(metric, 28), company=company, metric=metric,
                   title=_lines(("Company", company), ("Metric", metric)))
        g.add_edge(cid, mid, kind="has metric")
    si = len(data.series)
    members.sort(key=lambda gi: (data.groups[gi]["end"] or "9999", data.groups[gi]["start"] or "", gi))
    per_share = per_share_metric(metric)
    ys = [v for gi in members for v in [data.groups[gi]["y"]] + [data.claims[c]["y"] for c in
                                                                 data.groups[gi]["claims"]] if v is not None]
    data.series.append({"company": company, "metric": metric, "measure": measure, "unit": unit, "family": family,
                        "label": " · ".join(x for x in (company, metric, measure_label(measure),
                                                        "" if family == "actual" else family) if x),
                        "groups": members, "ticks": _ticks(ys, unit, measure, per_share)})
    previous = mid
    for gi in members:
        rec = data.groups[gi]
        rec["series"] = si
        _add_group(b, gi, rec, si)
        g.add_edge(previous, rec["id"], kind="series")
        previous = rec["id"]


def _ticks(ys: list[float], unit: str, measure: str, per_share: bool) -> list[list[Any]]:
    """Axis ticks for the panel's timeline chart: three values with their formatted labels."""
    if not ys:
        return []
    lo, hi = min(ys), max(ys)
    if lo == hi:
        lo, hi = (lo * 0.9, hi * 1.1) if lo > 0 else ((lo * 1.1, hi * 0.9) if lo < 0 else (-1.0, 1.0))
    return [[v, format_value(v, unit, measure=measure, per_share=per_share)] for v in (lo, (lo + hi) / 2, hi)]


def _add_group(b: _Builder, gi: int, rec: dict[str, Any], si: int) -> None:
    g, data = b.g, b.data
    tags = [rec["status"]] + (["undecided"] if rec["undecided"] else [])
    facets = {"company": rec["company"], "metric": rec["metric"], "period": rec["period"], "tags": tags}
    weight = len(rec["claims"])
    details = [("Status", rec["status"] + (" (undecided)" if rec["undecided"] else "")), ("Company", rec["company"]),
               ("Metric", rec["metric"] + (f" ({rec['measure_label']})" if rec["measure_label"] else "")),
               ("Period", rec["period"]), ("Resolved", rec["resolved"] or ("undecided" if rec["undecided"] else
                                                                           "n/a")),
               ("Claims", f"{weight} from {len({data.claims[c]['src'] for c in rec['claims']})} sources")]
    g.add_node(rec["id"], kind=rec["kind"], label=group_label(rec, data), group=gi, series=si, column=rec["col"],
               size=6 + min(6.0, 1.5 * weight ** 0.5), title=_lines(*details), **facets)
    sources: dict[int, int] = defaultdict(int)
    for c in rec["claims"]:
        sources[data.claims[c]["src"]] += 1
    if not b.aggregate:
        _add_claims(b, rec, facets)
        return
    for src, n in sorted(sources.items()):
        g.add_edge(data.sources[src]["id"], rec["id"], kind="states", count=n)


def _add_claims(b: _Builder, rec: dict[str, Any], facets: dict[str, Any]) -> None:
    g, data = b.g, b.data
    support = set(rec["support_claims"])
    for c in rec["claims"]:
        cl = data.claims[c]
        superseded = c in rec["superseded"]
        node = b.claim_ids[c]
        g.add_node(node, kind="claim:superseded" if superseded else "claim", label=cl["value"], claim=c,
                   group=g.nodes[rec["id"]]["group"], size=5, column=rec["col"],
                   title=_lines(("Stated", cl["stated"]), ("Value", cl["value"]), ("Modality", cl["modality"]),
                                ("Source", data.sources[cl["src"]]["title"]), ("Quote", _short(cl["quote"], 200))),
                   **facets)
        g.add_edge(data.sources[cl["src"]]["id"], node, kind="states")
        if superseded:
            continue
        agrees = c in support if support else rec["kind"] not in ("group:conflict", "group:undecided")
        g.add_edge(node, rec["id"], kind="supports" if agrees else "dissents")
    for r in rec["revisions"]:
        g.add_edge(b.claim_ids[r["current"]], b.claim_ids[r["revises"]], kind="revises")


def _add_checks(b: _Builder) -> None:
    g = b.g
    for chk in b.checks:
        links = [x for x in [*chk.get("inputs", []), chk.get("checks")] if x and g.has_node(x)]
        if not links:
            continue
        verdict = chk.get("verdict", "derived")
        kind = f"check:{verdict}" if f"check:{verdict}" in ("check:consistent", "check:inconsistent") else \
            "check:derived"
        anchor = chk.get("checks") if chk.get("checks") in links else links[-1]
        a = g.nodes[anchor]
        g.add_node(chk["id"], kind=kind, label=f"{chk.get('kind', 'check')}: {verdict}", anchor=anchor, size=6,
                   column=a.get("column", ""),
                   explanation=chk.get("explanation", ""), company=a.get("company", ""), metric=a.get("metric", ""),
                   period=a.get("period", ""), tags=[f"check {verdict}"],
                   title=_lines(("Cross-check", chk.get("kind", "")), ("Verdict", verdict),
                                ("Arithmetic", chk.get("explanation", ""))))
        for link in dict.fromkeys(links):
            g.add_edge(chk["id"], link, kind="checks")


__all__ = ["PageData", "Reports", "ViewOptions", "build", "group_label"]
