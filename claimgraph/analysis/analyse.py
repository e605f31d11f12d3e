"""Conflict analysis end to end: read claims from the store, group, resolve, cross-check, write back.

Stages:

1. read every current classified claim with the bundled ``analysis-input`` query, and the articles' correction
   notices with ``article-corrections``;
2. link corrected re-issues to the articles they correct (:mod:`claimgraph.analysis.corrections`);
3. group and decide agreement, revisions and corrections (:mod:`claimgraph.analysis.conflicts`);
4. find copies (:mod:`claimgraph.analysis.copies`), resolve values and learn source trust
   (:mod:`claimgraph.analysis.truth`);
5. compare estimates with actuals (:mod:`claimgraph.analysis.estimates`) and cross-check arithmetic
   (:mod:`claimgraph.analysis.crosschecks`);
6. replace the analysis named graph with groups, sides, resolutions, links, comparisons, checks and trust scores.

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
import gc
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from claimgraph import __version__
from claimgraph.analysis.categories import CATEGORY, category_of
from claimgraph.analysis.conflicts import (
    GROUP_BASE,
    AgreementConfig,
    Fact,
    Group,
    analyse_groups,
    column_codes,
    row_codes,
)
from claimgraph.analysis.copies import coded_figure_set_copies
from claimgraph.analysis.corrections import CorrectionLink, Notice, inherit_periods, link_corrections
from claimgraph.analysis.crosschecks import CrossCheck, cross_checks
from claimgraph.analysis.estimates import EstimateComparison, compare_estimates
from claimgraph.analysis.facts import FactTable, as_table
from claimgraph.analysis.identity import unify_companies
from claimgraph.analysis.stored import STATUS_ORDER
from claimgraph.analysis.truth import TruthConfig, aggregate_trust, resolve
from claimgraph.graph.namespaces import ANALYSIS_GRAPH, CG, ID, PROV, RDF, SCHEMA, XSD
from claimgraph.graph.rdf import (
    TOOL,
    company_iri,
    metric_iri,
    nq_double,
    nq_int,
    nq_iri,
    nq_str,
    safe_segment,
)
from claimgraph.graph.store import Store
from claimgraph.queries import load_query
from claimgraph.sources.metrics import load_vocabulary


@dataclass
class Analysis:
    """The result of one analysis run."""

    groups: list[Group]
    checks: list[CrossCheck]
    trust: dict[str, float]
    people: dict[tuple[str, str], float]
    facts: FactTable  # every claim analysed (iterating it makes their Fact objects)
    corrections: list[CorrectionLink] = field(default_factory=list)
    notices: dict[str, Notice] = field(default_factory=dict)
    copies: set[tuple[str, str]] = field(default_factory=set)
    estimates: list[EstimateComparison] = field(default_factory=list)
    _estimates_by_group: dict[int, list[EstimateComparison]] | None = field(default=None, repr=False)


def _f(value: Any) -> float:
    return float(value)


def load_facts(store: Store) -> list[Fact]:
    """Every current, classified claim in the store."""
    return facts_from_rows(store.select(load_query("analysis-input").text))


def facts_from_rows(rows: Iterable[dict[str, Any]]) -> list[Fact]:
    """Facts from rows of the ``analysis-input`` query (or of :func:`claimgraph.graph.scan.claim_rows`)."""
    facts: dict[str, Fact] = {}
    for r in rows:
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
            category=category_of(r["unit"], r.get("stated")),
        ))
    return [facts[k] for k in sorted(facts)]


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def load_notices(store: Store) -> dict[str, Notice]:
    """Every current article's correction notice."""
    out: dict[str, Notice] = {}
    for r in store.select(load_query("article-corrections").text):
        refers = _iso(r.get("refers"))
        out[r["article"]] = Notice(r.get("kind") or "correction", r["notice"], refers[:10] if refers else None)
    return out


def analyse(store: Store, *, config: AgreementConfig | None = None, write: bool = True,
            facts: list[Fact] | None = None, notices: dict[str, Notice] | None = None,
            truth: TruthConfig | None = None) -> Analysis:
    """Run the whole analysis over ``store``.

    With ``write`` (and no ``facts`` given) this is ``claimgraph analyse``: the facts come from the claim
    index and the result is stored as a generation of its own (:func:`claimgraph.graph.writer.analyse_store`).
    Otherwise it runs in memory over ``facts`` (default: read from the RDF with the ``analysis-input`` query)
    and writes the whole analysis graph only when ``write`` is set.
    """
    cfg = config or AgreementConfig()
    if write and facts is None:
        from claimgraph.graph.writer import analyse_store

        stored = analyse_store(store, config=cfg).analysis
        assert stored is not None  # analyse_store keeps it
        return stored
    facts = load_facts(store) if facts is None else facts
    notices = load_notices(store) if notices is None else notices
    result = analyse_facts(facts, notices, config=cfg, truth=truth)
    if write:
        store.replace_graph_nquads(ANALYSIS_GRAPH, analysis_nquads(result))
    return result


def analyse_facts(facts: Sequence[Fact] | FactTable, notices: dict[str, Notice] | None = None, *,
                  config: AgreementConfig | None = None, truth: TruthConfig | None = None) -> Analysis:
    """The analysis of claims already in memory (stages 2-5; see the module docstring).

    >>> mk = lambda i, src, v: Fact(i, src, "Acme", "revenue", "level", v, v, v, -8, "exact", "USD", "2025-Q3",
    ...                             "2025-07-01", "2025-09-30", "reported", None, stated=f"${v / 1e9}B")
    >>> a = analyse_facts([mk("a", "Wire", 55.6e9), mk("b", "Blog", 48e9)])
    >>> [(g.status, g.resolution, g.resolved) for g in a.groups]
    [('conflict', 'undecided', None)]

    ``facts`` may be a :class:`claimgraph.analysis.facts.FactTable`: nothing then makes one object per claim
    except for the groups a report reads.
    """
    with paused_gc():
        return _analyse_facts(facts, notices or {}, config or AgreementConfig(), truth)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while the analysis builds its objects: the collector would scan every fact
    again and again as groups, lists and reports are created (the analysis makes no cycles worth collecting)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _analyse_facts(facts: Sequence[Fact] | FactTable, notices: dict[str, Notice], cfg: AgreementConfig,
                   truth: TruthConfig | None) -> Analysis:
    table = unify_companies(as_table(facts))  # one company under several spellings is one company
    links: list[CorrectionLink] = []
    if notices and set(notices) & set(table.source):
        objects = table.facts()
        links = link_corrections(objects, notices, cfg=cfg)
        if links and inherit_periods(objects, links, cfg):
            table = FactTable.from_facts(objects)
    corrected_by: dict[str, list[str]] = {}
    for link in links:
        corrected_by.setdefault(link.corrected, []).append(link.corrector)
    groups = analyse_groups(table, cfg, corrected_by)
    copies = figure_set_copies_of(table)
    copies |= {(min(link.corrector, link.corrected), max(link.corrector, link.corrected)) for link in links}
    trust = resolve(groups, config=truth, copies=copies)
    checks = cross_checks(groups, load_vocabulary())
    people = aggregate_trust(trust, table)
    return Analysis(groups, checks, trust, people, table, links, notices, copies, compare_estimates(groups))


def figure_set_copies_of(table: FactTable) -> set[tuple[str, str]]:
    """Articles whose figure sets are near-identical (:func:`claimgraph.analysis.copies.figure_set_copies`); a
    figure is a company, metric, measure and period with the value as stated (case and spacing ignored)."""
    if not len(table):
        return set()
    src, names = table.codes("source")
    stated, texts = table.codes("stated")
    folded, _ = column_codes([t.strip().lower() for t in texts])
    fig = row_codes([table.codes(c)[0] for c in ("company", "metric", "measure")]
                    + [table.spans()[0], table.codes("period_end")[0], folded[stated]])
    return coded_figure_set_copies(src, fig, names)


def claim_counts(table: FactTable) -> dict[tuple[str, str], int]:
    """How many claims each article, author and publisher made."""
    out: dict[tuple[str, str], int] = {}
    for kind, column in (("article", "source"), ("author", "author"), ("publisher", "publisher")):
        codes, names = table.codes(column)
        out.update({(kind, name): int(n) for name, n in zip(names, np.bincount(codes, minlength=len(names)).tolist(),
                                                             strict=True) if name})
    return out


assert str(ID["group/"]) == GROUP_BASE, "the group IRI base moved"


def _num(v: float) -> str:
    return nq_double(v if math.isfinite(v) else 0.0)


class _Writer:
    """Builds the analysis graph as N-Quads text (the bulk path: no rdflib terms per quad)."""

    def __init__(self) -> None:
        self.g = nq_iri(str(ANALYSIS_GRAPH))
        self.lines: list[str] = []

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} {self.g} .\n")


_P = {name: f"<{CG[name]}>" for name in (
    "toleranceLow", "toleranceHigh", "status", "subject", "metric", "measure", "unit", "modalityClass", "period",
    "periodLabel", "reason", "member", "superseded", "revision", "side", "low", "high", "winning", "comparedWith",
    "resolvedValue", "resolvedLow", "resolvedHigh", "checkKind", "verdict", "explanation", "computedLow",
    "computedHigh", "input", "checks", "impliesMetric", "source", "sourceKind", "trust", "claimCount", "resolution",
    "confidence", "independentSources", "corrects", "copyOf", "actual", "estimate", "outcome", "difference",
    "differencePercent", "resolvedText")}
_TYPE = f"<{RDF.type}>"


def referenced_groups(a: Analysis) -> set[int]:
    """The groups (by ``id()``) that a cross-check, an estimate comparison or a comparison points to."""
    out = {id(c.actual) for c in a.estimates}
    for check in a.checks:
        out.update(id(g) for g in check.inputs)
        if check.target is not None:
            out.add(id(check.target))
    for g in a.groups:
        out.update(id(o) for o in g.compared_with)
    return out


def in_graph(grp: Group, referenced: set[int]) -> bool:
    """Whether a group gets a node in the RDF analysis graph: every group where two or more claims meet, or whose
    status is not plain agreement, or that something points to. A lone claim that nothing refers to compares with
    nothing: its group is kept in the claim index and every report, not in the RDF (at a million imported
    claims, most of them alone in their group, that halves the quads an import writes)."""
    return grp.size > 1 or grp.status != "consistent" or id(grp) in referenced


def analysis_nquads(a: Analysis) -> str:
    """The analysis as N-Quads text in the analysis graph (regenerated on every run)."""
    w = _Writer()
    run = nq_iri(str(ID["analysis/latest"]))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    w.add(run, _TYPE, f"<{PROV.Activity}>")
    w.add(run, _TYPE, f"<{CG.AnalysisRun}>")
    w.add(run, f"<{PROV.wasAssociatedWith}>", nq_iri(str(TOOL)))
    w.add(run, f"<{SCHEMA.softwareVersion}>", nq_str(__version__))
    w.add(run, f"<{PROV.startedAtTime}>", f'"{now}"^^<{XSD.dateTime}>')
    for f in a.facts:
        c = nq_iri(f.id)
        w.add(c, _P["toleranceLow"], _num(f.cmp_low))
        w.add(c, _P["toleranceHigh"], _num(f.cmp_high))
    referenced = referenced_groups(a)
    for grp in a.groups:
        if in_graph(grp, referenced):
            _group_lines(grp, w, run)
    for check in a.checks:
        _check_lines(check, w)
    for link in a.corrections:
        w.add(nq_iri(link.corrector), _P["corrects"], nq_iri(link.corrected))
    for x, y in sorted(a.copies):
        w.add(nq_iri(x), _P["copyOf"], nq_iri(y))
    for comp in a.estimates:
        _estimate_lines(comp, w)
    _trust_lines(a, w)
    return "".join(w.lines)


def _estimate_lines(comp: EstimateComparison, w: _Writer) -> None:
    c = nq_iri(str(ID[f"estimate-comparison/{comp.id}"]))
    w.add(c, _TYPE, f"<{CG.EstimateComparison}>")
    w.add(c, _P["actual"], nq_iri(comp.actual.iri))
    w.add(c, _P["estimate"], nq_iri(comp.estimate.id))
    w.add(c, _P["outcome"], nq_str(comp.outcome))
    if comp.difference is not None:
        w.add(c, _P["difference"], _num(comp.difference))
    if comp.percent is not None:
        w.add(c, _P["differencePercent"], _num(comp.percent))


_IRI_CACHE: dict[tuple[str, str], str] = {}
_STR_CACHE: dict[str, str] = {}


def _iri_of(kind: str, name: str) -> str:
    """``<cgid:company/…>`` or ``<cgid:metric/…>`` in N-Quads syntax (memoised: a store has few of them)."""
    key = (kind, name)
    hit = _IRI_CACHE.get(key)
    if hit is None:
        if len(_IRI_CACHE) > 100_000:
            _IRI_CACHE.clear()
        hit = _IRI_CACHE[key] = nq_iri(str(company_iri(name) if kind == "company" else metric_iri(name)))
    return hit


def _short(text: str) -> str:
    """:func:`nq_str` of the few short strings every group repeats (status, measure, unit, class)."""
    hit = _STR_CACHE.get(text)
    if hit is None:
        if len(_STR_CACHE) > 100_000:
            _STR_CACHE.clear()
        hit = _STR_CACHE[text] = nq_str(text)
    return hit


_GROUP = f"<{CG.ClaimGroup}>"
_SIDE = f"<{CG.Side}>"
_GENERATED = f"<{PROV.wasGeneratedBy}>"
_TRUE = f'"true"^^<{XSD.boolean}>'
_PERIOD_BASE = str(ID["period/"])


def _group_lines(grp: Group, w: _Writer, run: str) -> None:
    g = f"<{grp.iri}>"
    t: list[tuple[str, str, str]] = [
        (g, _TYPE, _GROUP), (g, _P["status"], _short(grp.status)), (g, _P["subject"], _iri_of("company", grp.company)),
        (g, _P["metric"], _iri_of("metric", grp.metric)), (g, _P["measure"], _short(grp.measure)),
        (g, _P["unit"], _short(grp.key[5])), (g, _P["modalityClass"], _short(grp.key[6])), (g, _GENERATED, run)]
    label, start, end = grp.period
    if label and start and end:
        t.append((g, _P["period"], f"<{_PERIOD_BASE}{start}_{end}>"))
        t.append((g, _P["periodLabel"], _short(label)))
    if grp.reason:
        t.append((g, _P["reason"], nq_str(grp.reason)))
    for f in grp.superseded:
        t.append((g, _P["superseded"], nq_iri(f.id)))
        t.append((g, _P["member"], nq_iri(f.id)))
    for newer, _older in grp.revisions:
        t.append((g, _P["revision"], nq_iri(newer.id)))
    if grp.resolution:
        t.append((g, _P["resolution"], _short(grp.resolution)))
    if grp.confidence is not None:
        t.append((g, _P["confidence"], _num(grp.confidence)))
        t.append((g, _P["independentSources"], nq_int(grp.independent)))
    winner = {id(f) for f in grp.support}
    for n, side in enumerate(grp.clusters):
        sd = f"<{grp.iri}/side/{n}>"
        t += [(g, _P["side"], sd), (sd, _TYPE, _SIDE), (sd, _P["low"], _num(max(f.cmp_low for f in side))),
              (sd, _P["high"], _num(min(f.cmp_high for f in side)))]
        if winner and all(id(f) in winner for f in side):
            t.append((sd, _P["winning"], _TRUE))
        t += [(sd, _P["member"], f"<{f.id}>") for f in side]
    for other in grp.compared_with:
        t.append((g, _P["comparedWith"], nq_iri(other.iri)))
    if grp.resolved_text is not None:
        # the resolved category as its sources state it ("Partly Cloudy"), as the JSON's resolved_text
        t.append((g, _P["resolvedText"], nq_str(_stated_texts(grp).get(grp.resolved_text, grp.resolved_text))))
    if grp.resolved is not None:
        t += [(g, _P["resolvedValue"], _num(grp.resolved)),
              (g, _P["resolvedLow"], _num(grp.resolved_low if grp.resolved_low is not None else grp.resolved)),
              (g, _P["resolvedHigh"], _num(grp.resolved_high if grp.resolved_high is not None else grp.resolved))]
    graph = w.g
    w.lines.append("".join(f"{a} {b} {c} {graph} .\n" for a, b, c in t))


def _check_lines(check: CrossCheck, w: _Writer) -> None:
    c = nq_iri(str(ID[f"check/{check.id}"]))
    w.add(c, _TYPE, f"<{CG.CrossCheck}>")
    w.add(c, _P["checkKind"], nq_str(check.kind))
    w.add(c, _P["verdict"], nq_str(check.verdict))
    w.add(c, _P["explanation"], nq_str(check.explanation))
    w.add(c, _P["computedLow"], _num(check.low))
    w.add(c, _P["computedHigh"], _num(check.high))
    for grp in check.inputs:
        w.add(c, _P["input"], nq_iri(grp.iri))
    if check.target is not None:
        w.add(c, _P["checks"], nq_iri(check.target.iri))
    elif check.target_metric:
        w.add(c, _P["impliesMetric"], nq_iri(str(metric_iri(check.target_metric))))


def _trust_lines(a: Analysis, w: _Writer) -> None:
    counts = claim_counts(a.facts)
    rows = [("article", src, v, nq_iri(src), nq_iri(str(ID[f"trust/{src.rsplit('/', 1)[-1]}"])))
            for src, v in a.trust.items()]
    for (kind, name), value in a.people.items():
        node = nq_iri(str(ID[f"{kind}-name/{safe_segment(name)}"]))
        w.add(node, f"<{SCHEMA.name}>", nq_str(name))
        rows.append((kind, name, value, node, nq_iri(str(ID[f"trust/{kind}/{safe_segment(name)}"]))))
    for kind, key, value, source, t in rows:
        w.add(t, _TYPE, f"<{CG.TrustScore}>")
        w.add(t, _P["source"], source)
        w.add(t, _P["sourceKind"], nq_str(kind))
        w.add(t, _P["trust"], _num(value))
        w.add(t, _P["claimCount"], nq_int(counts.get((kind, key), 0)))


# --- reports -----------------------------------------------------------------

def _period_json(grp: Group) -> dict[str, Any] | None:
    label, start, end = grp.period
    if label is None:
        return None
    return {"label": label, "start": start, "end": end, "labels": grp.labels,
            "length": grp.key[3] if grp.key[3] else None}


def _claim_json(f: Fact, a: Analysis) -> dict[str, Any]:
    notice = a.notices.get(f.source)
    out = {"id": f.id, "article": f.source, "article_title": f.title, "author": f.author,
           "publisher": f.publisher, "published": f.published, "measure": f.measure,
           "value": {"low": f.low, "high": f.high, "stated": f.stated, "unit": f.unit, "qualifier": f.qualifier,
                     "point": f.point, "decimals": f.decimals, "label": _label(f)},
           "tolerance": [f.cmp_low, f.cmp_high], "period": f.period_label, "modality": f.modality,
           "revises": f.revises, "quote": f.quote, "trust": round(a.trust.get(f.source, 0.0), 4)}
    if notice is not None:
        out["correction_notice"] = notice.text
    if f.inherited:
        out["period_from"] = f.inherited
    if f.named:
        out["company_as_written"] = f.named  # the article's spelling of the group's company
    return out


def _resolution_json(grp: Group) -> dict[str, Any]:
    """How the group was resolved: the value, or ``undecided`` with every candidate and its evidence; ``best`` is
    the value the evidence leans to in either case (see :func:`best_json`)."""
    candidates = grp.candidates if grp.resolution == "undecided" or len(grp.candidates) > 1 else []
    best = best_json(grp)
    resolved_text = grp.resolved_text
    if grp.unit == CATEGORY:  # a category is resolved by its key; people read the text as the sources state it
        shown = _stated_texts(grp)
        resolved_text = shown.get(resolved_text or "", resolved_text)
        candidates = [{**c, "text": shown.get(c["text"], c["text"]), "category": c["text"]} for c in candidates]
        if best is not None:
            best = {**best, "text": shown.get(best["text"], best["text"]), "category": best["text"]}
    return {"resolution": grp.resolution or None, "resolved": grp.resolved, "resolved_text": resolved_text,
            "confidence": None if grp.confidence is None else round(grp.confidence, 4),
            "independent_sources": grp.independent if grp.resolution == "resolved" else None,
            "candidates": candidates, "best": best}


def _stated_texts(grp: Group) -> dict[str, str]:
    """Each category of a categorical group as its sources state it: the most stated text (then the first in
    order) among the current claims of that category ("Partly Cloudy" twice and "partly cloudy" once)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for f in grp.facts:
        if f.category is not None:
            counts[f.category][" ".join(f.stated.split())] += 1
    return {key: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for key, c in counts.items()}


def best_json(grp: Group) -> dict[str, Any] | None:
    """The value the evidence leans to, even when the group is undecided (for a scorer that must pick one).

    For a resolved group it is the resolved value with its confidence. For an undecided group it is the first
    candidate: the most evidence, then the most precise value, then the lowest; ``tied`` says that its lead is
    within the undecided margin, so the choice is a tie-break and not a verdict.
    """
    if grp.resolution == "resolved":
        return {"value": grp.resolved, "text": grp.resolved_text, "low": grp.resolved_low, "high": grp.resolved_high,
                "probability": None if grp.confidence is None else round(grp.confidence, 4), "tied": False}
    if grp.resolution == "undecided" and grp.candidates:
        c = grp.candidates[0]
        return {"value": c["value"], "text": c["text"], "low": c.get("low"), "high": c.get("high"),
                "probability": c["probability"], "tied": True}
    return None


def _estimates_json(a: Analysis, grp: Group) -> list[dict[str, Any]]:
    if not a.estimates:
        return []
    if a._estimates_by_group is None:
        a._estimates_by_group = {}
        for c in a.estimates:
            a._estimates_by_group.setdefault(id(c.actual), []).append(c)
    return [{"estimate": c.estimate.id, "stated": c.estimate.stated, "article": c.estimate.source,
             "article_title": c.estimate.title, "modality": c.estimate.modality, "outcome": c.outcome,
             "difference": c.difference, "difference_percent": None if c.percent is None else round(c.percent, 2)}
            for c in a._estimates_by_group.get(id(grp), [])]


def _corrections_json(a: Analysis, grp: Group) -> list[dict[str, Any]]:
    if not a.corrections:
        return []
    sources = {f.source for f in grp.facts}
    return [{"corrector": link.corrector, "corrects": link.corrected, "notice": a.notices[link.corrector].text
             if link.corrector in a.notices else None, "linked_because": link.reason}
            for link in a.corrections if link.corrector in sources or link.corrected in sources]


ORDER = STATUS_ORDER


def _label(f: Fact) -> str:
    from claimgraph.numbers import format_range, per_share_metric

    if f.category is not None:
        return f.stated.strip()
    return format_range(f.low, f.high, f.unit, qualifier=f.qualifier, point=f.point, measure=f.measure,
                        per_share=per_share_metric(f.metric))


def conflicts_report(a: Analysis, *, include_all: bool = False) -> list[dict[str, Any]]:
    """The groups of ``conflicts --format json``: conflicts, possible conflicts and revisions (or all)."""
    out = []
    for grp in sorted(a.groups, key=lambda g: (ORDER[g.status], g.company, g.metric, g.period[2] or "", g.id)):
        if not include_all and grp.status in ("consistent", "unresolved", "divergent"):
            continue
        out.append({
            "id": grp.iri, "company": grp.company, "metric": grp.metric, "measure": grp.measure,
            "unit": grp.unit, "modality_class": grp.modality_class, "period": _period_json(grp),
            "status": grp.status, "reason": grp.reason or None,
            "claims": [_claim_json(f, a) for f in grp.facts],
            "sides": [[f.id for f in side] for side in grp.clusters],
            "superseded": [f.id for f in grp.superseded],
            "revisions": [{"current": n.id, "revises": o.id} for n, o in grp.revisions],
            "corrections": _corrections_json(a, grp),
            "compared_with": [o.iri for o in grp.compared_with],
            **_resolution_json(grp),
            "estimates": _estimates_json(a, grp),
        })
    return out


def resolve_report(a: Analysis) -> list[dict[str, Any]]:
    """One object per group with its resolved value (or ``undecided`` and the candidates), support and dissent."""
    out = []
    for grp in sorted(a.groups, key=lambda g: (g.company, g.metric, g.measure, g.period[2] or "", g.id)):
        if not grp.resolution:
            continue
        label, start, end = grp.period
        out.append({
            "group": grp.iri, "subject": grp.company, "metric": grp.metric,
            "measure": grp.measure, "unit": grp.unit, "status": grp.status, "modality_class": grp.modality_class,
            "period": {"label": label, "start": start, "end": end},
            "value": grp.resolved, "low": grp.resolved_low, "high": grp.resolved_high,
            "label": _resolved_label(grp),
            **_resolution_json(grp),
            "support": _sources(grp.support, a.trust), "dissent": _sources(grp.dissent, a.trust),
            "estimates": _estimates_json(a, grp),
        })
    return out


def _resolved_label(grp: Group) -> str | None:
    from claimgraph.numbers import format_value, per_share_metric

    if grp.resolved is None:
        return None
    return format_value(grp.resolved, grp.key[5], measure=grp.measure, per_share=per_share_metric(grp.metric))


def _sources(facts: list[Fact], trust: dict[str, float]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for f in facts:
        entry = seen.setdefault(f.source, {"article": f.source, "title": f.title, "author": f.author,
                                           "publisher": f.publisher, "trust": round(trust.get(f.source, 0.0), 4),
                                           "claims": []})
        entry["claims"].append({"id": f.id, "stated": f.stated})
    return list(seen.values())


def trust_report(a: Analysis) -> list[dict[str, Any]]:
    titles = dict(zip(a.facts.source, a.facts.title, strict=True))
    rows: list[dict[str, Any]] = [{"kind": "article", "source": s, "name": titles.get(s) or s, "trust": round(v, 4)}
                                  for s, v in a.trust.items()]
    rows += [{"kind": k, "source": None, "name": n, "trust": round(v, 4)} for (k, n), v in a.people.items()]
    rows.sort(key=lambda r: (r["kind"], -r["trust"], r["name"]))
    return rows


def checks_report(a: Analysis) -> list[dict[str, Any]]:
    return [{"id": str(ID[f"check/{c.id}"]), "kind": c.kind, "verdict": c.verdict, "explanation": c.explanation,
             "low": c.low, "high": c.high, "inputs": [g.iri for g in c.inputs],
             "checks": c.target.iri if c.target else None} for c in a.checks]
