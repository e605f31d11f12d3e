"""Conflict analysis end to end: read claims from the store, group, resolve, cross-check, write back.

Stages:

1. read every current classified claim with the bundled ``analysis-input`` query;
2. group and decide agreement (:mod:`claimgraph.graph.conflicts`);
3. resolve values and learn source trust (:mod:`claimgraph.graph.truth`);
4. cross-check arithmetic (:mod:`claimgraph.graph.crosschecks`);
5. replace the analysis named graph with groups, sides, checks and trust scores.

>>> from claimgraph.graph.store import open_store
>>> from claimgraph.pipeline import ingest
>>> from claimgraph.sources.examples import example_paths
>>> store = open_store("memory")
>>> _ = ingest([str(p) for p in example_paths()], store)
>>> result = analyse(store)
>>> sorted({g.status for g in result.groups}) >= ["consistent", "revision"]
True
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import Literal, URIRef

from claimgraph import __version__
from claimgraph.graph.conflicts import AgreementConfig, Fact, Group, analyse_groups
from claimgraph.graph.crosschecks import CrossCheck, cross_checks
from claimgraph.graph.namespaces import ANALYSIS_GRAPH, CG, ID, PROV, RDF, SCHEMA, XSD
from claimgraph.graph.rdf import TOOL, Quad, company_iri, metric_iri, period_iri
from claimgraph.graph.store import Store
from claimgraph.graph.truth import aggregate_trust, resolve
from claimgraph.queries import load_query
from claimgraph.sources.metrics import load_vocabulary
from claimgraph.sources.model import Period


@dataclass
class Analysis:
    """The result of one analysis run."""

    groups: list[Group]
    checks: list[CrossCheck]
    trust: dict[str, float]
    people: dict[tuple[str, str], float]
    facts: list[Fact]


def _f(value: Any) -> float:
    return float(value)


def load_facts(store: Store) -> list[Fact]:
    """Every current, classified claim in the store."""
    facts: dict[str, Fact] = {}
    for r in store.select(load_query("analysis-input").text):
        if r["claim"] in facts:
            continue
        facts[r["claim"]] = (Fact(
            id=r["claim"], source=r["article"], company=r["company"], metric=r["metric"], measure=r["measure"],
            low=_f(r["low"]), high=_f(r["high"]), point=None if r.get("point") is None else _f(r["point"]),
            decimals=int(r["decimals"]), qualifier=r["qualifier"], unit=r["unit"],
            period_label=r.get("periodLabel"), period_start=_iso(r.get("periodStart")),
            period_end=_iso(r.get("periodEnd")), modality=r["modality"], revises=r.get("revises"),
            stated=r.get("stated") or "", quote=r.get("quote") or "", author=r.get("author"),
            publisher=r.get("publisher"), published=_iso(r.get("published")), title=r.get("title"),
        ))
    return [facts[k] for k in sorted(facts)]


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def analyse(store: Store, *, config: AgreementConfig | None = None, write: bool = True,
            facts: list[Fact] | None = None) -> Analysis:
    """Run the analysis over ``store`` and (re)write the analysis graph."""
    cfg = config or AgreementConfig()
    facts = load_facts(store) if facts is None else facts
    groups = analyse_groups(facts, cfg)
    trust = resolve(groups)
    checks = cross_checks(groups, load_vocabulary())
    people = aggregate_trust(trust, facts)
    result = Analysis(groups, checks, trust, people, facts)
    if write:
        store.replace_graph(ANALYSIS_GRAPH, list(analysis_quads(result)))
    return result


def _lit(v: float) -> Literal:
    return Literal(repr(float(v)) if math.isfinite(v) else "0.0", datatype=XSD.double)


def analysis_quads(a: Analysis) -> Iterable[Quad]:
    """The analysis as quads in the analysis graph (regenerated on every run)."""
    g = ANALYSIS_GRAPH
    run = ID["analysis/latest"]
    yield (run, RDF.type, PROV.Activity, g)
    yield (run, RDF.type, CG.AnalysisRun, g)
    yield (run, PROV.wasAssociatedWith, TOOL, g)
    yield (run, SCHEMA.softwareVersion, Literal(__version__), g)
    yield (run, PROV.startedAtTime, Literal(dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
                                            datatype=XSD.dateTime), g)
    for f in a.facts:
        c = URIRef(f.id)
        yield (c, CG.toleranceLow, _lit(f.cmp_low), g)
        yield (c, CG.toleranceHigh, _lit(f.cmp_high), g)
    for grp in a.groups:
        yield from _group_quads(grp, g)
    for check in a.checks:
        yield from _check_quads(check, g)
    yield from _trust_quads(a, g)


def _group_quads(grp: Group, g: URIRef) -> Iterable[Quad]:
    iri = ID[f"group/{grp.id}"]
    yield (iri, RDF.type, CG.ClaimGroup, g)
    yield (iri, CG.status, Literal(grp.status), g)
    yield (iri, CG.subject, company_iri(grp.company), g)
    yield (iri, CG.metric, metric_iri(grp.metric), g)
    yield (iri, CG.measure, Literal(grp.measure), g)
    yield (iri, CG.unit, Literal(grp.key[5]), g)
    yield (iri, CG.modalityClass, Literal(grp.key[6]), g)
    yield (iri, PROV.wasGeneratedBy, ID["analysis/latest"], g)
    label, start, end = grp.period
    if label and start and end:
        p = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end), label)
        yield (iri, CG.period, period_iri(p), g)
        yield (iri, CG.periodLabel, Literal(label), g)
    if grp.reason:
        yield (iri, CG.reason, Literal(grp.reason), g)
    for f in grp.facts:
        yield (iri, CG.member, URIRef(f.id), g)
    for f in grp.current:
        yield (iri, CG.current, URIRef(f.id), g)
    for f in grp.superseded:
        yield (iri, CG.superseded, URIRef(f.id), g)
    for newer, _older in grp.revisions:
        yield (iri, CG.revision, URIRef(newer.id), g)
    for n, side in enumerate(grp.clusters):
        s = ID[f"group/{grp.id}/side/{n}"]
        yield (iri, CG.side, s, g)
        yield (s, RDF.type, CG.Side, g)
        yield (s, CG.low, _lit(max(f.cmp_low for f in side)), g)
        yield (s, CG.high, _lit(min(f.cmp_high for f in side)), g)
        for f in side:
            yield (s, CG.member, URIRef(f.id), g)
    for other in grp.compared_with:
        yield (iri, CG.comparedWith, ID[f"group/{other.id}"], g)
    if grp.resolved is not None:
        yield (iri, CG.resolvedValue, _lit(grp.resolved), g)
        yield (iri, CG.resolvedLow, _lit(grp.resolved_low or grp.resolved), g)
        yield (iri, CG.resolvedHigh, _lit(grp.resolved_high or grp.resolved), g)
        for f in grp.support:
            yield (iri, CG.support, URIRef(f.id), g)
        for f in grp.dissent:
            yield (iri, CG.dissent, URIRef(f.id), g)


def _check_quads(check: CrossCheck, g: URIRef) -> Iterable[Quad]:
    iri = ID[f"check/{check.id}"]
    yield (iri, RDF.type, CG.CrossCheck, g)
    yield (iri, CG.checkKind, Literal(check.kind), g)
    yield (iri, CG.verdict, Literal(check.verdict), g)
    yield (iri, CG.explanation, Literal(check.explanation), g)
    yield (iri, CG.computedLow, _lit(check.low), g)
    yield (iri, CG.computedHigh, _lit(check.high), g)
    for grp in check.inputs:
        yield (iri, CG.input, ID[f"group/{grp.id}"], g)
    if check.target is not None:
        yield (iri, CG.checks, ID[f"group/{check.target.id}"], g)
    elif check.target_metric:
        yield (iri, CG.impliesMetric, metric_iri(check.target_metric), g)


def _trust_quads(a: Analysis, g: URIRef) -> Iterable[Quad]:
    counts: dict[str, int] = {}
    for f in a.facts:
        counts[f.source] = counts.get(f.source, 0) + 1
    for source, value in a.trust.items():
        iri = ID[f"trust/{source.rsplit('/', 1)[-1]}"]
        yield from _trust_node(iri, URIRef(source), "article", value, counts.get(source, 0), g)
    people_counts: dict[tuple[str, str], int] = {}
    for f in a.facts:
        for kind, name in (("author", f.author), ("publisher", f.publisher)):
            if name:
                people_counts[(kind, name)] = people_counts.get((kind, name), 0) + 1
    from claimgraph.graph.rdf import safe_segment

    for (kind, name), value in a.people.items():
        node = ID[f"{kind}-name/{safe_segment(name)}"]
        iri = ID[f"trust/{kind}/{safe_segment(name)}"]
        yield (node, SCHEMA.name, Literal(name), g)
        yield from _trust_node(iri, node, kind, value, people_counts.get((kind, name), 0), g)


def _trust_node(iri: URIRef, source: URIRef, kind: str, value: float, n: int, g: URIRef) -> Iterable[Quad]:
    yield (iri, RDF.type, CG.TrustScore, g)
    yield (iri, CG.source, source, g)
    yield (iri, CG.sourceKind, Literal(kind), g)
    yield (iri, CG.trust, _lit(value), g)
    yield (iri, CG.claimCount, Literal(n), g)


# --- reports -----------------------------------------------------------------

def _period_json(grp: Group) -> dict[str, str | None] | None:
    label, start, end = grp.period
    return None if label is None else {"label": label, "start": start, "end": end}


def _claim_json(f: Fact, trust: dict[str, float]) -> dict[str, Any]:
    return {"id": f.id, "article": f.source, "article_title": f.title, "author": f.author,
            "value": {"low": f.low, "high": f.high, "stated": f.stated, "unit": f.unit, "qualifier": f.qualifier},
            "tolerance": [f.cmp_low, f.cmp_high], "period": f.period_label, "modality": f.modality,
            "quote": f.quote, "trust": round(trust.get(f.source, 0.0), 4)}


def conflicts_report(a: Analysis, *, include_all: bool = False) -> list[dict[str, Any]]:
    """The groups of ``conflicts --format json``: conflicts, possible conflicts and revisions (or all)."""
    out = []
    order = {"conflict": 0, "possible_conflict": 1, "revision": 2, "consistent": 3, "unresolved": 4}
    for grp in sorted(a.groups, key=lambda g: (order[g.status], g.company, g.metric, g.period[2] or "", g.id)):
        if not include_all and grp.status in ("consistent", "unresolved"):
            continue
        out.append({
            "id": str(ID[f"group/{grp.id}"]), "company": grp.company, "metric": grp.metric, "measure": grp.measure,
            "unit": grp.key[5], "modality_class": grp.key[6], "period": _period_json(grp), "status": grp.status,
            "reason": grp.reason or None,
            "claims": [_claim_json(f, a.trust) for f in grp.facts],
            "sides": [[f.id for f in side] for side in grp.clusters],
            "superseded": [f.id for f in grp.superseded],
            "revisions": [{"current": n.id, "revises": o.id} for n, o in grp.revisions],
            "compared_with": [str(ID[f"group/{o.id}"]) for o in grp.compared_with],
            "resolved": grp.resolved,
        })
    return out


def resolve_report(a: Analysis) -> list[dict[str, Any]]:
    """One object per group with its resolved value, support and dissent (``resolve --format json``)."""
    out = []
    for grp in sorted(a.groups, key=lambda g: (g.company, g.metric, g.measure, g.period[2] or "", g.id)):
        if grp.resolved is None:
            continue
        label, start, end = grp.period
        out.append({
            "group": str(ID[f"group/{grp.id}"]), "subject": grp.company, "metric": grp.metric,
            "measure": grp.measure, "unit": grp.key[5], "status": grp.status,
            "period": {"label": label, "start": start, "end": end},
            "value": grp.resolved, "low": grp.resolved_low, "high": grp.resolved_high,
            "support": _sources(grp.support, a.trust), "dissent": _sources(grp.dissent, a.trust),
        })
    return out


def _sources(facts: list[Fact], trust: dict[str, float]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for f in facts:
        entry = seen.setdefault(f.source, {"article": f.source, "title": f.title, "author": f.author,
                                           "publisher": f.publisher, "trust": round(trust.get(f.source, 0.0), 4),
                                           "claims": []})
        entry["claims"].append({"id": f.id, "stated": f.stated})
    return list(seen.values())


def trust_report(a: Analysis) -> list[dict[str, Any]]:
    titles = {f.source: f.title for f in a.facts}
    rows: list[dict[str, Any]] = [{"kind": "article", "source": s, "name": titles.get(s) or s, "trust": round(v, 4)}
                                  for s, v in a.trust.items()]
    rows += [{"kind": k, "source": None, "name": n, "trust": round(v, 4)} for (k, n), v in a.people.items()]
    rows.sort(key=lambda r: (r["kind"], -r["trust"], r["name"]))
    return rows


def checks_report(a: Analysis) -> list[dict[str, Any]]:
    return [{"id": str(ID[f"check/{c.id}"]), "kind": c.kind, "verdict": c.verdict, "explanation": c.explanation,
             "low": c.low, "high": c.high, "inputs": [str(ID[f"group/{g.id}"]) for g in c.inputs],
             "checks": str(ID[f"group/{c.target.id}"]) if c.target else None} for c in a.checks]
