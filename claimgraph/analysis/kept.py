"""Analysis kept in the store: updated for the companies a write touches, read back by the report commands.

Stages of an update (run by :class:`claimgraph.graph.writer.Writer` inside a store generation):

1. read the facts of the touched companies from the claim index (:mod:`claimgraph.graph.index`), or of
   every company for a full analysis;
2. group and decide agreement (:func:`claimgraph.analysis.conflicts.analyse_groups`): groups never span
   companies, so a company's groups depend on its own claims only;
3. resolve: a full analysis (``claimgraph analyse``, a first analysis, or when the analysed claims grew by
   more than ``TRUST_GROWTH`` since trust was last learned) runs truth discovery over every group and
   stores the trust it learned; otherwise the touched groups are resolved with the stored trust
   (:func:`claimgraph.analysis.truth.apply_trust`), and the trust report says when it was computed;
4. cross-check the touched companies' groups (checks never span companies either);
5. store: per company one analysis graph in the RDF (``cgid:graph/analysis/company/<name>``, rewritten
   only when its content changed; a lone claim's group that nothing points to is left out, see
   :func:`claimgraph.analysis.analyse.in_graph`) and every group as rows of the index with its report JSON,
   in the index's transaction.

The report functions (:func:`conflicts_report` …) read those rows and return exactly the JSON of
:mod:`claimgraph.analysis.analyse`'s reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from claimgraph.analysis.analyse import (
    ORDER,
    Analysis,
    _check_lines,
    _estimate_lines,
    _group_lines,
    _trust_lines,
    _Writer,
    analyse_facts,
    claim_counts,
    in_graph,
    load_notices,
    paused_gc,
    referenced_groups,
)
from claimgraph.analysis.analyse import conflicts_report as fresh_conflicts
from claimgraph.analysis.analyse import resolve_report as fresh_resolutions
from claimgraph.analysis.conflicts import GROUP_BASE, AgreementConfig, Group
from claimgraph.analysis.corrections import CorrectionLink
from claimgraph.analysis.crosschecks import CrossCheck
from claimgraph.analysis.estimates import EstimateComparison
from claimgraph.analysis.facts import FactTable
from claimgraph.graph.index import ClaimIndex
from claimgraph.graph.namespaces import ANALYSIS_GRAPH, CG, ID, PROV, SCHEMA, XSD
from claimgraph.graph.rdf import TOOL, nq_iri, nq_str, safe_segment
from claimgraph.graph.store import Store

TRUST_GROWTH = 0.10
TRUST_GRAPH = ID["graph/analysis/trust"]
_FACT_SQL = """SELECT claim, article, company, metric, measure, low, high, point, decimals, qualifier, unit,
    period_label, period_start, period_end, modality, revises, stated, quote, author, publisher, published, title
FROM claims WHERE NOT superseded AND metric != 'unclassified' {where} ORDER BY claim"""


def company_graph(company: str) -> str:
    return str(ID[f"graph/analysis/company/{safe_segment(company)}"])


def load_facts(ix: ClaimIndex, companies: Iterable[str] | None = None) -> FactTable:
    """Current, classified claims from the index (of ``companies``, or all), in claim order, as columns."""
    if companies is None:
        cols = ix.columns(_FACT_SQL.format(where=""))
    else:
        cols = ix.columns(_FACT_SQL.format(where="AND company IN (SELECT unnest(?))"), [sorted(companies)])
    n = len(cols["claim"])
    point = np.asarray([math.nan if p is None else p for p in cols["point"]], dtype=float)
    return FactTable(
        cols["claim"], cols["article"], cols["company"], cols["metric"], cols["measure"],
        np.asarray(cols["low"], dtype=float), np.asarray(cols["high"], dtype=float), point,
        np.asarray(cols["decimals"], dtype=np.int64), cols["qualifier"], cols["unit"], cols["period_label"],
        cols["period_start"], cols["period_end"], cols["modality"], cols["revises"],
        [t or "" for t in cols["stated"]], [t or "" for t in cols["quote"]], cols["author"], cols["publisher"],
        cols["published"], cols["title"], [None] * n)


@dataclass
class UpdateResult:
    """What an analysis update did."""

    companies: int
    groups: int
    rewritten: int
    trust_refreshed: bool
    analysis: Analysis


def update(store: Store, ix: ClaimIndex, companies: set[str] | None, *, generation: int,
           config: AgreementConfig | None = None, refresh_trust: bool | None = None) -> UpdateResult:
    """Recompute and store the analysis of ``companies`` (None: all); see the module docstring.

    Runs inside the caller's index transaction; writes the RDF analysis graphs that changed.
    """
    with paused_gc():
        return _update(store, ix, companies, generation=generation, cfg=config or AgreementConfig(),
                       refresh_trust=refresh_trust)


def _update(store: Store, ix: ClaimIndex, companies: set[str] | None, *, generation: int, cfg: AgreementConfig,
            refresh_trust: bool | None) -> UpdateResult:
    claims_now = ix.analysed_count()
    trust_at = int(ix.meta("trust_claims") or -1)
    due = trust_at < 0 or claims_now > trust_at * (1 + TRUST_GROWTH) or claims_now < trust_at * (1 - TRUST_GROWTH)
    full = companies is None or bool(refresh_trust) or (refresh_trust is None and due)
    facts = load_facts(ix, None if full else companies)
    # Groups never span companies, so the companies a write touched are analysed on their own (corrections,
    # estimates and copies included); trust is learned across the store on a refresh, and between refreshes the
    # touched groups are resolved with what their own claims teach (the stored global trust is reported).
    a = analyse_facts(facts, load_notices(store), config=cfg)
    scope = set(_stored_companies(ix)) | {f.company for f in facts} if full else set(companies or ())
    rewritten = _store(store, ix, scope, a)
    if full:
        _store_trust(store, ix, a, generation, claims_now)
    _write_run(store, generation, full)
    return UpdateResult(len(scope), len(a.groups), rewritten, full, a)


def _vocabulary() -> Any:
    from claimgraph.sources.metrics import load_vocabulary

    return load_vocabulary()


def _stored_companies(ix: ClaimIndex) -> list[str]:
    return [r[0] for r in ix.con.execute("SELECT company FROM company_hash").fetchall()]


def stored_trust(ix: ClaimIndex) -> dict[str, float]:
    return {r[0]: r[1] for r in ix.con.execute("SELECT source, value FROM trust WHERE kind = 'article'").fetchall()}


def _store(store: Store, ix: ClaimIndex, scope: set[str], a: Analysis) -> int:
    """Replace the stored analysis of the companies in ``scope``: index rows, and RDF graphs that changed."""
    groups, checks = a.groups, a.checks
    by_company: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        by_company[g.company].append(g)
    checks_by: dict[str, list[CrossCheck]] = defaultdict(list)
    for c in checks:
        checks_by[c.inputs[0].company].append(c)
    estimates_by: dict[str, list[EstimateComparison]] = defaultdict(list)
    for comp in a.estimates:
        estimates_by[comp.actual.company].append(comp)
    links_by: dict[str, list[CorrectionLink]] = defaultdict(list)
    if a.corrections:
        companies_of: dict[str, set[str]] = defaultdict(set)
        for company, source in zip(a.facts.company, a.facts.source, strict=True):
            companies_of[source].add(company)
        for link in a.corrections:
            for company in sorted(companies_of.get(link.corrector, ())):
                links_by[company].append(link)
    referenced = referenced_groups(a)
    old = dict(ix.con.execute("SELECT company, hash FROM company_hash WHERE company IN (SELECT unnest(?))",
                              [sorted(scope)]).fetchall())
    texts: dict[str, str] = {}
    hashes: dict[str, str] = {}
    for company in scope:
        text = _company_nquads(company, by_company.get(company, []), checks_by.get(company, []),
                               estimates_by.get(company, []), links_by.get(company, []), referenced)
        texts[company] = text
        hashes[company] = hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""
    changed = sorted(c for c in scope if hashes[c] != old.get(c))
    stored = [c for c in changed if c in old]  # a company never stored has no graph to drop
    for i in range(0, len(stored), 500):
        chunk = stored[i:i + 500]
        store.update("; ".join(f"DROP SILENT GRAPH <{company_graph(c)}>" for c in chunk))
    data = "".join(texts[c] for c in changed)
    if data:
        store.add_nquads(data)
    _store_rows(ix, scope, by_company, checks_by, a)
    ix.con.execute("DELETE FROM company_hash WHERE company IN (SELECT unnest(?))", [sorted(scope)])
    keep = [(c, h) for c, h in hashes.items() if h]
    if keep:
        _bulk(ix, "company_hash", keep)
    return len(changed)


def _company_nquads(company: str, groups: list[Group], checks: list[CrossCheck], estimates: list[EstimateComparison],
                    links: list[CorrectionLink], referenced: set[int]) -> str:
    shown = [g for g in groups if in_graph(g, referenced)]
    if not shown and not checks and not estimates and not links:
        return ""
    w = _Writer()
    w.g = nq_iri(company_graph(company))
    run = nq_iri(str(ID["analysis/latest"]))
    # Claims' tolerance intervals stay in the index (group_claims): the RDF keeps each side's common interval,
    # which is all the bundled queries read (two quads per claim fewer). A lone claim's group is in the index
    # only (see claimgraph.analysis.analyse.in_graph).
    for g in shown:
        _group_lines(g, w, run)
    for check in checks:
        _check_lines(check, w)
    for comp in estimates:
        _estimate_lines(comp, w)
    for link in links:
        w.add(nq_iri(link.corrector), f"<{CG.corrects}>", nq_iri(link.corrected))
    return "".join(w.lines)


def _store_rows(ix: ClaimIndex, scope: set[str], by_company: dict[str, list[Group]],
                checks_by: dict[str, list[CrossCheck]], a: Analysis) -> None:
    companies = sorted(scope)
    reports = {r["id"]: json.dumps(r, default=str, ensure_ascii=False) for r in fresh_conflicts(a, include_all=True)}
    resolutions = {r["group"]: json.dumps(r, default=str, ensure_ascii=False) for r in fresh_resolutions(a)}
    for table in ("groups", "group_claims", "group_links", "checks"):
        ix.con.execute(f"DELETE FROM {table} WHERE company IN (SELECT unnest(?))", [companies])
    groups_rows: list[tuple[Any, ...]] = []
    member_rows: list[tuple[Any, ...]] = []
    link_rows: list[tuple[Any, ...]] = []
    check_rows: list[tuple[Any, ...]] = []
    for company in companies:
        for n, g in enumerate(by_company.get(company, [])):
            label, start, end = g.period
            groups_rows.append((g.id, company, g.metric, g.measure, g.key[5], g.key[6], label, start, end, g.status,
                                g.reason, g.resolved, g.resolved_low, g.resolved_high, len(g.facts), n,
                                reports.get(_gid(g.id)), resolutions.get(_gid(g.id))))
            gone = {id(f) for f in g.superseded}
            winner = {id(f) for f in g.support}
            for pos, f in enumerate(g.facts):
                member_rows.append((g.id, company, f.id, pos, id(f) in gone, id(f) in winner, f.cmp_low, f.cmp_high))
            for side, facts in enumerate(g.clusters):
                link_rows += [(g.id, company, "side", side, seq, f.id, None) for seq, f in enumerate(facts)]
            link_rows += [(g.id, company, "superseded", 0, seq, f.id, None) for seq, f in enumerate(g.superseded)]
            link_rows += [(g.id, company, "revision", 0, seq, new.id, old.id)
                          for seq, (new, old) in enumerate(g.revisions)]
            link_rows += [(g.id, company, "compared", 0, seq, o.id, None) for seq, o in enumerate(g.compared_with)]
        for n, c in enumerate(checks_by.get(company, [])):
            check_rows.append((c.id, company, n, c.kind, c.verdict, c.explanation, c.low, c.high,
                               "\x1f".join(g.id for g in c.inputs), c.target.id if c.target else None,
                               c.target_metric or None))
    for table, rows in (("groups", groups_rows), ("group_claims", member_rows), ("group_links", link_rows),
                        ("checks", check_rows)):
        if rows:
            _bulk(ix, table, rows)


def _bulk(ix: ClaimIndex, table: str, rows: list[tuple[Any, ...]]) -> None:
    import pyarrow as pa

    names = [d[0] for d in ix.con.execute(f"SELECT * FROM {table} LIMIT 0").description]
    arrow = pa.table({n: list(col) for n, col in zip(names, zip(*rows, strict=True), strict=True)})
    ix.con.register("_bulk", arrow)
    try:
        ix.con.execute(f"INSERT INTO {table} SELECT * FROM _bulk")
    finally:
        ix.con.unregister("_bulk")


def _store_trust(store: Store, ix: ClaimIndex, a: Analysis, generation: int, claims_now: int) -> None:
    counts = claim_counts(a.facts)
    titles = dict(zip(a.facts.source, a.facts.title, strict=True))
    rows: list[tuple[Any, ...]] = [("article", s, s, titles.get(s), v, counts.get(("article", s), 0))
                                   for s, v in a.trust.items()]
    rows += [(k, n, None, None, v, counts.get((k, n), 0)) for (k, n), v in a.people.items()]
    ix.con.execute("DELETE FROM trust")
    if rows:
        _bulk(ix, "trust", rows)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    ix.set_meta("trust_computed_at", now)
    ix.set_meta("trust_generation", str(generation))
    ix.set_meta("trust_claims", str(claims_now))
    w = _Writer()
    w.g = nq_iri(str(TRUST_GRAPH))
    _trust_lines(a, w)
    store.update(f"DROP SILENT GRAPH <{TRUST_GRAPH}>")
    if w.lines:
        store.add_nquads("".join(w.lines))


def _write_run(store: Store, generation: int, full: bool) -> None:
    w = _Writer()
    run = nq_iri(str(ID["analysis/latest"]))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    w.add(run, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{PROV.Activity}>")
    w.add(run, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://w3id.org/claimgraph/ns#AnalysisRun>")
    w.add(run, f"<{PROV.wasAssociatedWith}>", nq_iri(str(TOOL)))
    w.add(run, f"<{SCHEMA.softwareVersion}>", nq_str(_version()))
    w.add(run, f"<{PROV.startedAtTime}>", f'"{now}"^^<{XSD.dateTime}>')
    w.add(run, "<https://w3id.org/claimgraph/ns#generation>", f'"{generation}"^^<{XSD.integer}>')
    store.update(f"DROP SILENT GRAPH <{ANALYSIS_GRAPH}>")
    store.add_nquads("".join(w.lines))


def _version() -> str:
    from claimgraph import __version__

    return __version__


# --- reading stored results ---------------------------------------------------------------------------

_ORDER = {"conflict": 0, "possible_conflict": 1, "revision": 2, "consistent": 3, "unresolved": 4}


def _gid(g: str) -> str:
    return GROUP_BASE + g


def _links(ix: ClaimIndex, gids: list[str] | None) -> dict[str, dict[str, list[Any]]]:
    where = "" if gids is None else "WHERE gid IN (SELECT unnest(?))"
    cols = ix.columns(f"SELECT gid, kind, pos, a, b FROM group_links {where} ORDER BY gid, kind, pos, seq",
                      [] if gids is None else [gids])
    out: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for gid, kind, pos, a, b in zip(cols["gid"], cols["kind"], cols["pos"], cols["a"], cols["b"], strict=True):
        entry = out[gid]
        if kind == "side":
            sides = entry["side"]
            while len(sides) <= pos:
                sides.append([])
            sides[pos].append(a)
        else:
            entry[kind].append((a, b))
    return out


def trust_state(ix: ClaimIndex) -> dict[str, Any]:
    """When trust was last learned: time, generation, and analysed claims then and now."""
    return {"computed_at": ix.meta("trust_computed_at"), "generation": int(ix.meta("trust_generation") or 0),
            "claims_then": int(ix.meta("trust_claims") or 0), "claims_now": ix.analysed_count()}


def conflicts_report(ix: ClaimIndex, *, include_all: bool = False) -> list[dict[str, Any]]:
    """The stored groups, exactly as :func:`claimgraph.analysis.analyse.conflicts_report` printed them."""
    return [json.loads(t) for t in conflicts_texts(ix, include_all=include_all)]


def conflicts_texts(ix: ClaimIndex, *, include_all: bool = False) -> list[str]:
    """:func:`conflicts_report` as the stored JSON texts (one per group), in report order."""
    where = "" if include_all else "WHERE status NOT IN ('consistent', 'unresolved', 'divergent')"
    cols = ix.columns(f"SELECT status, company, metric, period_end, gid, report FROM groups {where}")
    rows = [r for r in zip(*cols.values(), strict=True) if r[5]]
    rows.sort(key=lambda r: (ORDER.get(r[0], 9), r[1], r[2], r[3] or "", r[4]))
    return [r[5] for r in rows]


def resolve_report(ix: ClaimIndex) -> list[dict[str, Any]]:
    """The stored resolutions, exactly as :func:`claimgraph.analysis.analyse.resolve_report` printed them."""
    return [json.loads(t) for t in resolve_texts(ix)]


def resolve_texts(ix: ClaimIndex) -> list[str]:
    """:func:`resolve_report` as the stored JSON texts (one per group), in report order."""
    cols = ix.columns("SELECT company, metric, measure, period_end, gid, resolution FROM groups "
                      "WHERE resolution IS NOT NULL")
    rows = list(zip(*cols.values(), strict=True))
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3] or "", r[4]))
    return [r[5] for r in rows]


def _sources(rows: list[dict[str, Any]], trust: dict[str, float]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for r in rows:
        entry = seen.setdefault(r["article"], {"article": r["article"], "title": r["title"], "author": r["author"],
                                               "publisher": r["publisher"],
                                               "trust": round(trust.get(r["article"], 0.0), 4), "claims": []})
        entry["claims"].append({"id": r["claim"], "stated": r["stated"]})
    return list(seen.values())


def trust_report(ix: ClaimIndex) -> list[dict[str, Any]]:
    """The stored trust in the shape of :func:`claimgraph.analysis.analyse.trust_report`."""
    rows: list[dict[str, Any]] = []
    for kind, name, source, title, value in ix.con.execute(
            "SELECT kind, name, source, title, value FROM trust").fetchall():
        if kind == "article":
            rows.append({"kind": "article", "source": source, "name": title or source, "trust": round(value, 4)})
        else:
            rows.append({"kind": kind, "source": None, "name": name, "trust": round(value, 4)})
    rows.sort(key=lambda r: (r["kind"], -r["trust"], r["name"]))
    return rows


def checks_report(ix: ClaimIndex) -> list[dict[str, Any]]:
    """The stored cross-checks in the shape of :func:`claimgraph.analysis.analyse.checks_report`."""
    kinds = {"growth": 0, "margin": 1, "subperiods": 2, "parts": 3}
    rows = ix.rows("SELECT * FROM checks")
    rows.sort(key=lambda c: (kinds.get(c["kind"], 9), c["company"], c["pos"]))
    return [{"id": str(ID[f"check/{c['cid']}"]), "kind": c["kind"], "verdict": c["verdict"],
             "explanation": c["explanation"], "low": c["low"], "high": c["high"],
             "inputs": [_gid(g) for g in c["inputs"].split("\x1f") if g],
             "checks": _gid(c["target"]) if c["target"] else None} for c in rows]


def view_group_rows(ix: ClaimIndex, claims: set[str] | None = None) -> list[dict[str, Any]]:
    """Rows in the shape of the bundled ``view-groups`` query (one per group, side and member), from the index."""
    cols = ix.columns("""SELECT g.gid, g.status, g.company, g.metric, g.measure, g.period_label, g.period_end,
            g.reason, g.resolved, g.unit, l.pos AS side, l.a AS claim
        FROM groups g JOIN group_links l ON l.gid = g.gid AND l.kind = 'side'
        ORDER BY g.gid, l.pos, l.a""")
    out = []
    for gid, status, company, metric, measure, label, end, reason, value, unit, side, claim in zip(
            *cols.values(), strict=True):
        if claims is not None and claim not in claims:
            continue
        out.append({"group": _gid(gid), "status": status, "company": company, "metric": metric, "measure": measure,
                    "periodLabel": label, "periodEnd": end, "reason": reason or None,
                    "value": None if value is None or value != value else value, "unit": unit,
                    "side": f"{_gid(gid)}/side/{side}", "claim": claim})
    return out


def view_check_rows(ix: ClaimIndex) -> list[dict[str, Any]]:
    """Rows in the shape of the bundled ``view-checks`` query, from the index."""
    out = []
    for c in ix.rows("SELECT * FROM checks ORDER BY cid"):
        base = {"check": str(ID[f"check/{c['cid']}"]), "kind": c["kind"], "verdict": c["verdict"],
                "explanation": c["explanation"]}
        for g in (c["inputs"] or "").split("\x1f"):
            if g:
                out.append({**base, "input": _gid(g), "target": _gid(c["target"]) if c["target"] else None})
    return out


def group_summary(ix: ClaimIndex, *, company: str | None = None, metric: str | None = None) -> list[dict[str, Any]]:
    """One row per stored group, aggregated in the index (for the view of a big store): key, status, resolved
    value, claim and article counts.

    The rows are the view's aggregated nodes; members are read with :func:`view_group_rows` only when shown.
    """
    where, params = [], []
    if company:
        where.append("g.company = ?")
        params.append(company)
    if metric:
        where.append("g.metric = ?")
        params.append(metric)
    sql = f"""SELECT g.gid, g.company, g.metric, g.measure, g.unit, g.period_label, g.period_end, g.status,
            g.reason, g.resolved, count(*) AS claims, count(DISTINCT c.article) AS articles
        FROM groups g JOIN group_claims m ON m.gid = g.gid JOIN claims c ON c.claim = m.claim
        {'WHERE ' + ' AND '.join(where) if where else ''}
        GROUP BY ALL ORDER BY g.company, g.metric, g.period_end, g.gid"""
    return [{**r, "group": _gid(r.pop("gid"))} for r in ix.rows(sql, params)]


# --- entry points for the commands that only read ---------------------------------------------------

REPORTS = {"conflicts", "resolve", "trust", "checks"}


def stored_texts(store: Store, kind: str, *, include_all: bool = False, note: Any = None) -> list[str]:
    """The ``conflicts`` or ``resolve`` report as the stored JSON texts, one per group (for JSON output: nothing
    is parsed or encoded again).

    :raises StoreError: when the claim index is missing or stale.
    """
    from contextlib import closing

    from claimgraph.graph.writer import open_reader

    with closing(open_reader(store, note=note)) as ix:
        return conflicts_texts(ix, include_all=include_all) if kind == "conflicts" else resolve_texts(ix)


def stored_report(store: Store, kind: str, *, include_all: bool = False, truncation: bool = True,
                  note: Any = None) -> list[dict[str, Any]]:
    """A report read from the stored analysis (``conflicts``, ``resolve``, ``trust`` or ``checks``).

    Without truncation the analysis is recomputed in memory from the claim index (nothing is written).

    :raises StoreError: when the claim index is missing or stale.
    """
    from contextlib import closing

    from claimgraph.analysis import analyse as fresh
    from claimgraph.graph.writer import open_reader

    with closing(open_reader(store, note=note)) as ix:
        if not truncation:
            a = analyse_facts(load_facts(ix), load_notices(store), config=AgreementConfig(truncation=False))
            return {"conflicts": lambda: fresh.conflicts_report(a, include_all=include_all),
                    "resolve": lambda: fresh.resolve_report(a), "trust": lambda: fresh.trust_report(a),
                    "checks": lambda: fresh.checks_report(a)}[kind]()
        if kind == "conflicts":
            return conflicts_report(ix, include_all=include_all)
        if kind == "resolve":
            return resolve_report(ix)
        if kind == "trust":
            return trust_report(ix)
        return checks_report(ix)


def stored_trust_state(store: Store) -> dict[str, Any]:
    """:func:`trust_state` of ``store``'s index."""
    from contextlib import closing

    from claimgraph.graph.writer import open_reader

    with closing(open_reader(store, note=lambda _m: None)) as ix:
        return trust_state(ix)


def view_groups(store: Store, claims: set[str] | None = None) -> list[dict[str, Any]]:
    """:func:`view_group_rows` of ``store``'s index (for the view)."""
    from contextlib import closing

    from claimgraph.graph.writer import open_reader

    with closing(open_reader(store, note=lambda _m: None)) as ix:
        return view_group_rows(ix, claims)


def view_checks(store: Store) -> list[dict[str, Any]]:
    """:func:`view_check_rows` of ``store``'s index (for the view)."""
    from contextlib import closing

    from claimgraph.graph.writer import open_reader

    with closing(open_reader(store, note=lambda _m: None)) as ix:
        return view_check_rows(ix)
