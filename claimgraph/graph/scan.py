"""Whole-store claim reads by column: one scan per predicate, joined in Python.

Oxigraph answers a join of a dozen triple patterns per claim with one index lookup per pattern and claim
(about 10 µs each on 2 cores: 50k claims through the ``analysis-input`` query take 10-30 s), while a scan of
one predicate streams its index (50k rows in about 0.15 s when serialised as CSV in Rust). So every column of
the analysis input is read with the bundled ``scan-predicate`` query and joined here by subject.

:func:`claim_rows` returns the rows of the ``analysis-input`` query (same keys, same filters: classified claims
of current articles with every required property), or ``None`` for stores without a fast scan (rdflib's
memory store, SPARQL servers), where the query itself is the way.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.graph.namespaces import CG, PREFIXES, PROV, RDF, RDFS, SCHEMA, SKOS
from claimgraph.graph.store import OxigraphStore, Store, bind_values
from claimgraph.queries import load_query

Convert = Callable[[str], Any]


def _iso(value: str) -> str:
    """A date or dateTime lexical form as :func:`claimgraph.analysis.analyse.load_facts` renders it."""
    try:
        if "T" in value:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return value


# key in the analysis-input row: (predicate, conversion, required)
CLAIM_COLUMNS: dict[str, tuple[str, Convert, bool]] = {
    "article": (str(SCHEMA.appearance), str, True),
    "co": (str(CG.subject), str, True),
    "m": (str(CG.metric), str, True),
    "measure": (str(CG.measure), str, True),
    "low": (str(CG.low), float, True),
    "high": (str(CG.high), float, True),
    "point": (str(CG.statedValue), float, False),
    "decimals": (str(CG.decimals), int, True),
    "qualifier": (str(CG.qualifier), str, True),
    "unit": (str(CG.unit), str, True),
    "p": (str(CG.period), str, False),
    "modality": (str(CG.modality), str, True),
    "revises": (str(PROV.wasRevisionOf), str, False),
    "stated": (str(CG.statedText), str, True),
    "quote": (str(CG.quote), str, True),
}
LOOKUPS: dict[str, tuple[str, Convert]] = {
    "name": (str(SCHEMA.name), str), "notation": (str(SKOS.notation), str), "label": (str(RDFS.label), str),
    "start": (str(CG.periodStart), _iso), "end": (str(CG.periodEnd), _iso),
    "firstAuthor": (str(CG.firstAuthor), str), "publisher": (str(SCHEMA.publisher), str),
    "published": (str(SCHEMA.datePublished), _iso), "headline": (str(SCHEMA.headline), str),
}


def _scan(store: OxigraphStore, predicate: str, convert: Convert, only: str | None = None) -> dict[str, Any]:
    """``{subject: object}`` for one predicate (the first object of each subject; with ``only``, the subjects
    that have that object)."""
    import pyoxigraph as ox

    sparql = bind_values(load_query("scan-predicate").text, {"predicate": _iri(predicate)})
    try:
        result = store.ox.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        data = result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
    except (OSError, RuntimeError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StoreError(f"cannot read the store at {store.label} ({first}); retry") from None
    out: dict[str, Any] = {}
    reader = csv.reader(io.StringIO(data))
    next(reader, None)
    for row in reader:
        if len(row) != 2 or (only is not None and row[1] != only):
            continue
        if row[0] not in out:
            try:
                out[row[0]] = convert(row[1])
            except ValueError:
                continue
    return out


def _iri(value: str) -> Any:
    from rdflib import URIRef

    return URIRef(value)


def claim_rows(store: Store) -> list[dict[str, Any]] | None:
    """The rows of the ``analysis-input`` query, read by column scans; ``None`` when the store has no fast scan.

    :raises StoreError: when the store cannot be read.
    """
    if not isinstance(store, OxigraphStore):
        return None
    jobs: dict[str, tuple[str, Convert, str | None]] = {k: (p, c, None) for k, (p, c, _) in CLAIM_COLUMNS.items()}
    jobs.update({k: (p, c, None) for k, (p, c) in LOOKUPS.items()})
    jobs["type"] = (str(RDF.type), str, str(SCHEMA.Claim))
    jobs["superseded"] = (str(CG.superseded), str, "true")
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {k: pool.submit(_scan, store, p, c, only) for k, (p, c, only) in jobs.items()}
        cols = {k: f.result() for k, f in futures.items()}
    claims, superseded = cols["type"], cols["superseded"]
    required = [k for k, (_, _, req) in CLAIM_COLUMNS.items() if req]
    optional = [k for k, (_, _, req) in CLAIM_COLUMNS.items() if not req]
    names, notations = cols["name"], cols["notation"]
    rows = []
    for claim, article in cols["article"].items():
        if article in superseded or claim not in claims:
            continue
        row: dict[str, Any] = {"claim": claim}
        try:
            for k in required:
                row[k] = cols[k][claim]
            row["company"] = names[row.pop("co")]
            row["metric"] = notations[row.pop("m")]
        except KeyError:
            continue
        if row["metric"] == "unclassified":
            continue
        for k in optional:
            row[k] = cols[k].get(claim)
        period = row.pop("p")
        if period is not None and all(period in cols[k] for k in ("label", "start", "end")):
            row.update(periodLabel=cols["label"][period], periodStart=cols["start"][period],
                       periodEnd=cols["end"][period])
        author = cols["firstAuthor"].get(article)
        publisher = cols["publisher"].get(article)
        row.update(author=names.get(author) if author else None,
                   publisher=names.get(publisher) if publisher else None,
                   published=cols["published"].get(article), title=cols["headline"].get(article))
        rows.append(row)
    return rows


__all__ = ["CLAIM_COLUMNS", "claim_rows"]
