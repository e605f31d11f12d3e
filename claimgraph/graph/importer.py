"""Structured claims import: CSV, TSV or JSONL rows of ``source, subject, metric, period, value[, unit, date]``.

Imported claims become the same RDF as extracted ones (each source in a named
graph of its own), so grouping, conflict analysis and resolution treat them
alike.

``period`` accepts a year ("2006"), a quarter ("2025-Q3"), a half ("2025-H1"),
a fiscal year ("FY2026", under the registry's fiscal calendar), an ISO date
(an instant) or an ISO interval ("2025-01-01/2025-03-31"). ``value`` is a
number in base units, or text such as "$55.6B" or "about 16%".

>>> parse_period("FY2016", (6, 30))
Period(start=datetime.date(2015, 7, 1), end=datetime.date(2016, 6, 30), label='FY2016')
>>> parse_value("about $55.6B", None).low
52820000000.0
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef

from claimgraph.errors import InputError
from claimgraph.graph.namespaces import CG, DCTERMS, ENTITIES_GRAPH, ID, PROV, RDF, SCHEMA, SKOS, XSD
from claimgraph.graph.rdf import Quad, company_iri, metric_iri, period_iri, period_quads, safe_segment, vocabulary_quads
from claimgraph.graph.store import Store
from claimgraph.sources.companies import load_registry
from claimgraph.sources.metrics import load_vocabulary
from claimgraph.sources.model import Period, Qualifier, Value
from claimgraph.sources.periods import as_instant, fiscal_quarter, fiscal_year
from claimgraph.sources.quantities import _decimals, find_quantities

BATCH = 20_000


@dataclass
class ImportReport:
    claims: int = 0
    sources: int = 0
    failed: list[str] = field(default_factory=list)


def parse_period(text: str, fye: tuple[int, int] = (12, 31)) -> Period:
    """A period from the import formats.

    :raises ValueError: for anything else.
    """
    t = text.strip()
    if m := re.fullmatch(r"(\d{4})", t):
        return fiscal_year(int(m.group(1)), (12, 31))
    if m := re.fullmatch(r"FY\s?(\d{4}|\d{2})", t, re.IGNORECASE):
        y = int(m.group(1))
        return fiscal_year(y + 2000 if y < 100 else y, fye)
    if m := re.fullmatch(r"(FY)?(\d{4})-?Q([1-4])", t, re.IGNORECASE):
        return fiscal_quarter(int(m.group(2)), int(m.group(3)), fye if m.group(1) else (12, 31))
    if m := re.fullmatch(r"(\d{4})-?H([12])", t, re.IGNORECASE):
        a = fiscal_quarter(int(m.group(1)), 2 * int(m.group(2)) - 1, (12, 31))
        b = fiscal_quarter(int(m.group(1)), 2 * int(m.group(2)), (12, 31))
        return Period(a.start, b.end, t.upper())
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", t):
        start, end = dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
        if end < start:
            raise ValueError(f"interval '{t}' ends before it starts")
        return Period(start, end, t)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
        d = dt.date.fromisoformat(t)
        return Period(d, d, t)
    raise ValueError(f"unknown period '{text}'; use 2006, 2025-Q3, 2025-H1, FY2026, a date or start/end")


def parse_value(text: str, unit: str | None) -> Value:
    """A value from a number in base units or a stated figure ("$55.6B", "about 16%").

    :raises ValueError: when no number is found.
    """
    t = str(text).strip()
    if re.fullmatch(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", t):
        v = float(t)
        digits = t.lstrip("-") if "e" not in t.lower() else str(int(v)) if v.is_integer() else t
        decimals = _decimals(digits, 1.0) if "e" not in t.lower() else 0
        return Value(v, v, unit or "number", t, Qualifier.EXACT, decimals, v)
    found = find_quantities(t)
    if not found:
        raise ValueError(f"no number in value '{text}'")
    return found[0].value if unit is None else Value(found[0].value.low, found[0].value.high, unit, t,
                                                      found[0].value.qualifier, found[0].value.decimals,
                                                      found[0].value.point)


def _rows(path: str) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file; check the path")
    ext = p.suffix.lower()
    with p.open(encoding="utf-8", newline="") as fh:
        if ext in (".jsonl", ".ndjson", ".json"):
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except ValueError as exc:
                    yield n, None, f"{path} line {n}: invalid JSON ({exc})"
                    continue
                yield n, obj if isinstance(obj, dict) else None, None if isinstance(obj, dict) else \
                    f"{path} line {n}: not an object"
            return
        if ext not in (".csv", ".tsv", ".tab"):
            raise InputError(f"{path}: unsupported file type '{ext}'; use .csv, .tsv or .jsonl")
        reader = csv.DictReader(fh, delimiter="\t" if ext in (".tsv", ".tab") else ",")
        missing = {"source", "subject", "metric", "period", "value"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(f"{path}: missing columns {sorted(missing)}; need source, subject, metric, period, value")
        for n, row in enumerate(reader, start=2):
            yield n, row, None


def import_claims(path: str, store: Store) -> ImportReport:
    """Import every row of ``path`` into ``store``; bad rows are reported and skipped."""
    report = ImportReport()
    vocab = load_vocabulary()
    registry = load_registry()
    sources: dict[str, URIRef] = {}
    seen_periods: set[URIRef] = set()
    batch: list[Quad] = vocabulary_quads(vocab, registry)
    for n, row, error in _rows(path):
        if row is None:
            report.failed.append(error or f"line {n}: unreadable")
            continue
        try:
            quads = _row_quads(row, n, path, vocab, registry, sources, seen_periods)
        except (KeyError, ValueError) as exc:
            report.failed.append(f"{path} line {n}: {exc}")
            continue
        batch.extend(quads)
        report.claims += 1
        if len(batch) >= BATCH:
            store.add(batch)
            batch = []
    if batch:
        store.add(batch)
    report.sources = len(sources)
    return report


def _row_quads(row: dict[str, Any], n: int, path: str, vocab: Any, registry: Any, sources: dict[str, URIRef],
               seen_periods: set[URIRef]) -> list[Quad]:
    for key in ("source", "subject", "metric", "period", "value"):
        if row.get(key) in (None, ""):
            raise ValueError(f"empty '{key}'")
    source_name = str(row["source"])
    subject = str(row["subject"])
    known = registry.lookup(subject) or (registry.companies.get(registry.by_ticker[subject])
                                         if subject in registry.by_ticker else None)
    company = known.name if known else subject
    fye = known.fiscal_year_end if known else (12, 31)
    metric = str(row["metric"])
    m = vocab.get(metric)
    period = parse_period(str(row["period"]), fye)
    if m is not None and m.kind == "stock":
        period = as_instant(period)
    value = parse_value(str(row["value"]), row.get("unit") or None)
    src = ID[f"source/{safe_segment(source_name)}"]
    graph = URIRef(f"{src}/assertion")
    claim = ID[f"claim/import-{safe_segment(source_name)}-{safe_segment(Path(path).stem)}-{n}"]
    q: list[Quad] = []
    if source_name not in sources:
        sources[source_name] = src
        meta = URIRef(f"{src}/meta")
        q += [(src, RDF.type, SCHEMA.CreativeWork, meta), (src, SCHEMA.name, Literal(source_name), meta),
              (src, SCHEMA.headline, Literal(source_name), meta), (src, CG.imported, Literal(True), meta)]
    if company_iri(company) not in seen_periods:
        q += [(company_iri(company), RDF.type, SCHEMA.Corporation, ENTITIES_GRAPH),
              (company_iri(company), SCHEMA.name, Literal(company), ENTITIES_GRAPH)]
        seen_periods.add(company_iri(company))
    stated = str(row["value"])
    quote = f"{source_name}: {company} {metric} {row['period']} = {stated}"
    q += [
        (claim, RDF.type, SCHEMA.Claim, graph), (claim, CG.subject, company_iri(company), graph),
        (claim, CG.metric, metric_iri(metric), graph), (claim, CG.measure, Literal(row.get("measure") or "level"), graph),
        (claim, CG.low, Literal(repr(float(value.low)), datatype=XSD.double), graph),
        (claim, CG.high, Literal(repr(float(value.high)), datatype=XSD.double), graph),
        (claim, CG.statedValue, Literal(repr(float(value.mid)), datatype=XSD.double), graph),
        (claim, CG.unit, Literal(value.unit), graph), (claim, CG.statedText, Literal(stated), graph),
        (claim, CG.qualifier, Literal(value.qualifier.value), graph),
        (claim, CG.decimals, Literal(int(value.decimals)), graph),
        (claim, CG.modality, Literal(row.get("modality") or "reported"), graph),
        (claim, CG.periodResolution, Literal("stated"), graph),
        (claim, CG.quote, Literal(quote), graph), (claim, CG.quoteStart, Literal(0), graph),
        (claim, CG.quoteEnd, Literal(len(quote)), graph), (claim, SCHEMA.appearance, src, graph),
        (claim, PROV.wasDerivedFrom, src, graph), (claim, CG.period, period_iri(period), graph),
    ]
    if row.get("date"):
        q.append((claim, DCTERMS.date, Literal(str(row["date"])), graph))
    if m is None and metric_iri(metric) not in seen_periods:
        seen_periods.add(metric_iri(metric))
        mi = metric_iri(metric)
        q += [(mi, RDF.type, CG.Metric, ENTITIES_GRAPH), (mi, RDF.type, SKOS.Concept, ENTITIES_GRAPH),
              (mi, SKOS.notation, Literal(metric), ENTITIES_GRAPH), (mi, SKOS.prefLabel, Literal(metric), ENTITIES_GRAPH),
              (mi, SKOS.inScheme, ID["metric-scheme"], ENTITIES_GRAPH),
              (mi, CG.temporalKind, Literal("flow"), ENTITIES_GRAPH), (mi, CG.unitKind, Literal("any"), ENTITIES_GRAPH)]
    p_iri = period_iri(period)
    if p_iri not in seen_periods:
        seen_periods.add(p_iri)
        q += period_quads(period, ENTITIES_GRAPH)
    return q
