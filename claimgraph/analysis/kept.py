"""Analysis kept in the store: updated for the companies a write touches, read back by the report commands.

Stages of an update (run by :class:`claimgraph.graph.writer.Writer` inside a store generation):

1. read the facts of the touched companies from the claim index (:mod:`claimgraph.graph.index`), or of
   every company for a full analysis. A company is its :func:`claimgraph.sources.companies.company_key`: a write
   that touches "IVACO INC" reads every claim of "Ivaco", "IVACO" and "Ivaco Inc" (the ``company_key`` column),
   so the groups, their display name (:mod:`claimgraph.analysis.identity`) and everything below come out as a
   full analysis would give them;
2. group and decide agreement (:func:`claimgraph.analysis.conflicts.analyse_groups`): groups never span
   companies, so a company's groups depend on its own claims only;
3. resolve: a full analysis (``claimgraph analyse``, a first analysis, or when the analysed claims grew by
   more than ``TRUST_GROWTH`` since trust was last learned) runs truth discovery over every group and
   stores the trust it learned; otherwise the touched groups are resolved with the stored trust
   (:func:`claimgraph.analysis.truth.apply_trust`), and the trust report says when it was computed;
4. cross-check the touched companies' groups (checks never span companies either);
5. store: per company key one analysis graph in the RDF (``cgid:graph/analysis/company/<key>``, rewritten
   only when its content changed; a lone claim's group that nothing points to is left out, see
   :func:`claimgraph.analysis.analyse.in_graph`) and every group as rows of the index with its report JSON,
   in the index's transaction.

The report functions (:func:`conflicts_report` …) read those rows and return exactly the JSON of
:mod:`claimgraph.analysis.analyse`'s reports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import orjson

from claimgraph.analysis.aliases import near_keys
from claimgraph.analysis.analyse import (
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
from claimgraph.analysis.categories import categories_of
from claimgraph.analysis.conflicts import AgreementConfig, Group
from claimgraph.analysis.corrections import CorrectionLink
from claimgraph.analysis.crosschecks import CrossCheck
from claimgraph.analysis.estimates import EstimateComparison
from claimgraph.analysis.facts import FactTable
from claimgraph.analysis.identity import company_key
from claimgraph.analysis.stored import (
    REPORTS,
    _gid,
    checks_report,
    conflicts_report,
    group_summary,
    resolve_report,
    stored_report,
    stored_texts,
    stored_trust_state,
    trust_report,
    trust_state,
    view_check_rows,
    view_checks,
    view_group_rows,
    view_groups,
)
from claimgraph.graph.index import ClaimIndex
from claimgraph.graph.namespaces import ANALYSIS_GRAPH, CG, ID, PROV, SCHEMA, XSD
from claimgraph.graph.rdf import TOOL, nq_iri, nq_str, safe_segment
from claimgraph.graph.store import Store

# The readers live in claimgraph.analysis.stored (light imports for the report commands); re-exported here.
__all__ = ["REPORTS", "UpdateResult", "checks_report", "company_graph", "conflicts_report", "group_summary",
           "load_facts", "resolve_report", "stored_report", "stored_texts", "stored_trust", "stored_trust_state",
           "trust_report", "trust_state", "update", "view_check_rows", "view_checks", "view_group_rows",
           "view_groups"]


TRUST_GROWTH = 0.10
TRUST_GRAPH = ID["graph/analysis/trust"]
_FACT_SQL = """SELECT claim, article, company, metric, measure, low, high, point, decimals, qualifier, unit,
    period_label, period_start, period_end, modality, revises, stated, quote, author, publisher, published, title
FROM claims WHERE NOT superseded AND metric != 'unclassified' {where} ORDER BY claim"""


def company_graph(key: str) -> str:
    """The IRI of the analysis graph of the company with ``key`` (:func:`company_key`)."""
    return str(ID[f"graph/analysis/company/{safe_segment(key)}"])


def load_facts(ix: ClaimIndex, keys: Iterable[str] | None = None) -> FactTable:
    """Current, classified claims from the index (of the companies with ``keys``, see :func:`company_key`, or
    all), in claim order, as columns."""
    if keys is None:
        cols = ix.columns(_FACT_SQL.format(where=""))
    else:
        cols = ix.columns(_FACT_SQL.format(where="AND company_key IN (SELECT unnest(?))"), [sorted(keys)])
    point = np.asarray([math.nan if p is None else p for p in cols["point"]], dtype=float)
    return FactTable(
        cols["claim"], cols["article"], cols["company"], cols["metric"], cols["measure"],
        np.asarray(cols["low"], dtype=float), np.asarray(cols["high"], dtype=float), point,
        np.asarray(cols["decimals"], dtype=np.int64), cols["qualifier"], cols["unit"], cols["period_label"],
        cols["period_start"], cols["period_end"], cols["modality"], cols["revises"],
        [t or "" for t in cols["stated"]], [t or "" for t in cols["quote"]], cols["author"], cols["publisher"],
        cols["published"], cols["title"], categories_of(cols["unit"], cols["stated"]))


@dataclass
class UpdateResult:
    """What an analysis update did."""

    companies: int
    groups: int
    rewritten: int
    trust_refreshed: bool
    analysis: Analysis


def update(store: Store, ix: ClaimIndex, companies: set[str] | None, *, generation: int,
           config: AgreementConfig | None = None, refresh_trust: bool | None = None,
           before_write: Callable[[], None] | None = None,
           submit: Callable[..., None] | None = None) -> UpdateResult:
    """Recompute and store the analysis of ``companies`` (None: all); see the module docstring.

    Runs inside the caller's index transaction; writes the RDF analysis graphs that changed (after calling
    ``before_write``, which waits for the claims' own RDF writes). With ``submit`` (a
    :class:`claimgraph.background.WriteQueue`'s, which holds the claims' writes), those graph writes are queued
    behind the claims' and run while the index rows are built and committed (so are the trust and run graphs):
    the caller waits for the queue before it publishes the index.
    """
    with paused_gc():
        return _update(store, ix, companies, generation=generation, cfg=config or AgreementConfig(),
                       refresh_trust=refresh_trust, before_write=before_write, submit=submit)


def _update(store: Store, ix: ClaimIndex, companies: set[str] | None, *, generation: int, cfg: AgreementConfig,
            refresh_trust: bool | None, before_write: Callable[[], None] | None,
            submit: Callable[..., None] | None = None) -> UpdateResult:
    claims_now = ix.analysed_count()
    trust_at = int(ix.meta("trust_claims") or -1)
    due = trust_at < 0 or claims_now > trust_at * (1 + TRUST_GROWTH) or claims_now < trust_at * (1 - TRUST_GROWTH)
    full = companies is None or bool(refresh_trust) or (refresh_trust is None and due)
    keys = None if companies is None else {company_key(c) for c in companies}
    if keys and not full:  # (and the stored companies a touched one may be another spelling of: aliases.py)
        stored, new = _claim_keys(ix), set(keys)
        while new := near_keys(new, stored) - keys:  # (and those near them: a merge may chain)
            keys |= new
    facts = load_facts(ix, None if full else keys)
    # Groups never span companies, so the companies a write touched are analysed on their own (corrections,
    # estimates and copies included); trust is learned across the store on a refresh, and between refreshes the
    # touched groups are resolved with what their own claims teach (the stored global trust is reported).
    a = analyse_facts(facts, load_notices(store), config=cfg)
    scope = set(_stored_companies(ix)) | {company_key(c) for c in facts.codes("company")[1]} if full \
        else set(keys or ())
    if before_write is not None and submit is None:
        before_write()
    rewritten = _store(store, ix, scope, a, full=full, submit=submit)
    if full:
        _store_trust(store, ix, a, generation, claims_now, submit=submit)
    _write_run(store, generation, full, submit=submit)
    return UpdateResult(len(scope), len(a.groups), rewritten, full, a)


def _vocabulary() -> Any:
    from claimgraph.sources.metrics import load_vocabulary

    return load_vocabulary()


def _claim_keys(ix: ClaimIndex) -> set[str]:
    """The company keys of every stored claim."""
    return {r[0] for r in ix.con.execute("SELECT DISTINCT company_key FROM claims WHERE company_key IS NOT NULL")
            .fetchall()}


def _stored_companies(ix: ClaimIndex) -> list[str]:
    return [r[0] for r in ix.con.execute("SELECT company_key FROM company_hash").fetchall()]


def stored_trust(ix: ClaimIndex) -> dict[str, float]:
    return {r[0]: r[1] for r in ix.con.execute("SELECT source, value FROM trust WHERE kind = 'article'").fetchall()}


def _store(store: Store, ix: ClaimIndex, scope: set[str], a: Analysis, *, full: bool = False,
           submit: Callable[..., None] | None = None) -> int:
    """Replace the stored analysis of the companies in ``scope`` (keys): index rows, and RDF graphs that changed.

    A company's graph is known to be in the RDF when the index holds its hash. A full rewrite (``analyse``, and
    ``reindex`` or an ``update``, which clear the hashes) also lists the company graphs in the RDF: it drops those
    of companies it recomputes and those of companies left without claims, so nothing stale stays.
    """
    groups, checks = a.groups, a.checks
    by_company: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        by_company[company_key(g.company)].append(g)
    checks_by: dict[str, list[CrossCheck]] = defaultdict(list)
    for c in checks:
        checks_by[company_key(c.inputs[0].company)].append(c)
    estimates_by: dict[str, list[EstimateComparison]] = defaultdict(list)
    for comp in a.estimates:
        estimates_by[company_key(comp.actual.company)].append(comp)
    links_by: dict[str, list[CorrectionLink]] = defaultdict(list)
    if a.corrections:
        companies_of: dict[str, set[str]] = defaultdict(set)
        for company, source in zip(a.facts.company, a.facts.source, strict=True):
            companies_of[source].add(company_key(company))
        for link in a.corrections:
            for company in sorted(companies_of.get(link.corrector, ())):
                links_by[company].append(link)
    referenced = referenced_groups(a)
    old = dict(ix.con.execute("SELECT company_key, hash FROM company_hash WHERE company_key IN (SELECT unnest(?))",
                              [sorted(scope)]).fetchall())
    present: set[str] = set()
    if full:
        present = set(store.graphs_under(company_graph("x")[:-1]))
        known = {company_graph(c) for c in scope}
        store.drop_graphs(sorted(present - known))  # companies without claims any more
    hashes: dict[str, str] = {}
    changed: list[str] = []
    pending: list[tuple[str, str]] = []  # changed companies' N-Quads, written some megabytes at a time

    def flush() -> None:  # a graph never stored has nothing to drop
        drop = [company_graph(c) for c, _ in pending if c in old or company_graph(c) in present]
        data = "".join(text for _, text in pending)
        if submit is not None:
            submit(_replace_graphs, store, drop, data)
        else:
            _replace_graphs(store, drop, data)
        pending.clear()

    size = 0
    for company in sorted(scope):
        text = _company_nquads(company, by_company.get(company, []), checks_by.get(company, []),
                               estimates_by.get(company, []), links_by.get(company, []), referenced)
        hashes[company] = hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""
        if hashes[company] != old.get(company):
            changed.append(company)
            pending.append((company, text))
            size += len(text)
            if size > 16_000_000:
                flush()
                size = 0
    flush()
    _store_rows(ix, scope, by_company, checks_by, a)
    ix.con.execute("DELETE FROM company_hash WHERE company_key IN (SELECT unnest(?))", [sorted(scope)])
    keep = [(c, h) for c, h in hashes.items() if h]
    if keep:
        _bulk(ix, "company_hash", keep)
    return len(changed)


def _call(fn: Callable[..., object], *args: Any) -> None:
    fn(*args)


def _replace_graphs(store: Store, drop: list[str], data: str) -> None:
    store.drop_graphs(drop)
    if data:
        store.add_nquads(data)


def _company_nquads(key: str, groups: list[Group], checks: list[CrossCheck], estimates: list[EstimateComparison],
                    links: list[CorrectionLink], referenced: set[int]) -> str:
    shown = [g for g in groups if in_graph(g, referenced)]
    if not shown and not checks and not estimates and not links:
        return ""
    w = _Writer()
    w.g = nq_iri(company_graph(key))
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
    """Replace the index rows of the companies in ``scope`` (keys): groups (with their report and resolution
    JSON), members, links and checks, a thousand groups at a time (the JSON of a million claims never all in
    memory). Rows name the company by its display name (``company``) and its key (``company_key``)."""
    keys = sorted(scope)
    for table in ("groups", "group_claims", "group_links", "checks"):
        ix.con.execute(f"DELETE FROM {table} WHERE company_key IN (SELECT unnest(?))", [keys])
    chunk: list[tuple[str, int, Group]] = []
    for key in keys:
        chunk += [(key, n, g) for n, g in enumerate(by_company.get(key, []))]
        if len(chunk) >= 1000:
            _group_rows(ix, chunk, a)
            chunk = []
    _group_rows(ix, chunk, a)
    check_rows: list[tuple[Any, ...]] = []
    for key in keys:
        for n, c in enumerate(checks_by.get(key, [])):
            check_rows.append((c.id, c.inputs[0].company, n, c.kind, c.verdict, c.explanation, c.low, c.high,
                               "\x1f".join(g.id for g in c.inputs), c.target.id if c.target else None,
                               c.target_metric or None, key))
    if check_rows:
        _bulk(ix, "checks", check_rows)


def _group_rows(ix: ClaimIndex, chunk: list[tuple[str, int, Group]], a: Analysis) -> None:
    if not chunk:
        return
    part = dataclasses.replace(a, groups=[g for _, _, g in chunk])
    reports = {r["id"]: _json(r) for r in fresh_conflicts(part, include_all=True)}
    resolutions = {r["group"]: _json(r) for r in fresh_resolutions(part)}
    groups_rows: list[tuple[Any, ...]] = []
    member_rows: list[tuple[Any, ...]] = []
    link_rows: list[tuple[Any, ...]] = []
    for key, n, g in chunk:
        label, start, end = g.period
        company = g.company
        resolution = resolutions.get(_gid(g.id))
        groups_rows.append((g.id, company, g.metric, g.measure, g.key[5], g.key[6], label, start, end, g.status,
                            g.reason, g.resolved, g.resolved_low, g.resolved_high, len(g.facts), n,
                            reports.get(_gid(g.id)), resolution, key, resolution is not None))
        gone = {id(f) for f in g.superseded}
        winner = {id(f) for f in g.support}
        for pos, f in enumerate(g.facts):
            member_rows.append((g.id, company, f.id, pos, id(f) in gone, id(f) in winner, f.cmp_low, f.cmp_high,
                                key))
        for side, facts in enumerate(g.clusters):
            link_rows += [(g.id, company, "side", side, seq, f.id, None, key) for seq, f in enumerate(facts)]
        link_rows += [(g.id, company, "superseded", 0, seq, f.id, None, key) for seq, f in enumerate(g.superseded)]
        link_rows += [(g.id, company, "revision", 0, seq, new.id, old.id, key)
                      for seq, (new, old) in enumerate(g.revisions)]
        link_rows += [(g.id, company, "compared", 0, seq, o.id, None, key) for seq, o in enumerate(g.compared_with)]
    for table, rows in (("groups", groups_rows), ("group_claims", member_rows), ("group_links", link_rows)):
        if rows:
            _bulk(ix, table, rows)


def _json(report: dict[str, Any]) -> str:
    """A report as stored JSON text (orjson: 3x faster than the json module on these reports, same values)."""
    return orjson.dumps(report, default=str).decode("utf-8")


def _bulk(ix: ClaimIndex, table: str, rows: list[tuple[Any, ...]]) -> None:
    import pyarrow as pa

    names = [d[0] for d in ix.con.execute(f"SELECT * FROM {table} LIMIT 0").description]
    arrow = pa.table({n: list(col) for n, col in zip(names, zip(*rows, strict=True), strict=True)})
    ix.con.register("_bulk", arrow)
    try:
        ix.con.execute(f"INSERT INTO {table} SELECT * FROM _bulk")
    finally:
        ix.con.unregister("_bulk")


def _store_trust(store: Store, ix: ClaimIndex, a: Analysis, generation: int, claims_now: int, *,
                 submit: Callable[..., None] | None = None) -> None:
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
    (submit or _call)(_replace_graphs, store, [str(TRUST_GRAPH)], "".join(w.lines))


def _write_run(store: Store, generation: int, full: bool, *, submit: Callable[..., None] | None = None) -> None:
    w = _Writer()
    run = nq_iri(str(ID["analysis/latest"]))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    w.add(run, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{PROV.Activity}>")
    w.add(run, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://w3id.org/claimgraph/ns#AnalysisRun>")
    w.add(run, f"<{PROV.wasAssociatedWith}>", nq_iri(str(TOOL)))
    w.add(run, f"<{SCHEMA.softwareVersion}>", nq_str(_version()))
    w.add(run, f"<{PROV.startedAtTime}>", f'"{now}"^^<{XSD.dateTime}>')
    w.add(run, "<https://w3id.org/claimgraph/ns#generation>", f'"{generation}"^^<{XSD.integer}>')
    (submit or _call)(_replace_graphs, store, [str(ANALYSIS_GRAPH)], "".join(w.lines))


def _version() -> str:
    from claimgraph import __version__

    return __version__

