"""The RDF model: an :class:`Extraction` as quads, nanopublication style.

Each article gets three named graphs (see ``docs/model.md``):

* ``<article>/meta``: the schema:NewsArticle, its authors, publisher and companies;
* ``<article>/assertion``: its claims (schema:Claim);
* ``<article>/provenance``: the assertion graph prov:wasDerivedFrom the article,
  prov:wasGeneratedBy the extraction activity, and each claim's schema:appearance.

IRIs are minted from content: the article from the sha256 of its normalised
text, a claim from the article and its position, so ingesting the same text
again produces the very same quads.

>>> from claimgraph.sources.readers import Metadata, text_document
>>> from claimgraph.sources.extract import extract
>>> doc = text_document("Acme results\\nAcme Corp said revenue was $5 billion in Q3 2025.", "x.txt", Metadata())
>>> quads = article_quads(extract(doc))
>>> any(p == SCHEMA.headline and str(o) == "Acme results" for _, p, o, _ in quads)
True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.term import Node

from claimgraph import __version__
from claimgraph.graph.namespaces import (
    CG,
    DCTERMS,
    ENTITIES_GRAPH,
    ID,
    NP,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    VOCABULARY_GRAPH,
    XSD,
)
from claimgraph.sources.companies import Registry, slug
from claimgraph.sources.language import text_units
from claimgraph.sources.metrics import UNCLASSIFIED, Vocabulary
from claimgraph.sources.model import AuthorKind, Claim, Company, Extraction, Period

Quad = tuple[Node, Node, Node, Node]

AUTHOR_CLASS = {AuthorKind.PERSON: SCHEMA.Person, AuthorKind.ORGANIZATION: SCHEMA.Organization,
                AuthorKind.SOFTWARE: PROV.SoftwareAgent}
TOOL = ID[f"agent/claimgraph-{__version__}"]


def text_hash(text: str) -> str:
    """sha256 of the normalised text (NFC, whitespace collapsed)."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def safe_segment(name: str) -> str:
    """An IRI path segment from any name (spaces, Unicode, slashes)."""
    s = slug(name)
    return s if s else quote(name, safe="")


def article_iri(sha: str) -> URIRef:
    return ID[f"article/{sha[:32]}"]


def graph_iris(article: URIRef) -> tuple[URIRef, URIRef, URIRef]:
    """The meta, assertion and provenance graphs of an article."""
    return URIRef(f"{article}/meta"), URIRef(f"{article}/assertion"), URIRef(f"{article}/provenance")


@lru_cache(maxsize=65536)
def company_iri(name: str) -> URIRef:
    return ID[f"company/{safe_segment(name)}"]


@lru_cache(maxsize=4096)
def metric_iri(metric: str) -> URIRef:
    return ID[f"metric/{safe_segment(metric)}"]


def author_iri(name: str, kind: AuthorKind) -> URIRef:
    return ID[f"author/{kind.value}/{safe_segment(name)}"]


def period_iri(period: Period) -> URIRef:
    return ID[f"period/{period.start.isoformat()}_{period.end.isoformat()}"]


def _lit(value: object) -> Literal:
    if isinstance(value, float):
        return Literal(repr(value), datatype=XSD.double)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, dt.datetime):
        return Literal(value.isoformat(), datatype=XSD.dateTime)
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return Literal(_clean(str(value)))


_UNCARRIED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Drop characters RDF serialisers cannot carry (C0 controls other than tab and newline)."""
    return text if _UNCARRIED.search(text) is None else _UNCARRIED.sub("", text)


def company_quads(company: Company, graph: Node) -> list[Quad]:
    iri = company_iri(company.name)
    out: list[Quad] = [(iri, RDF.type, SCHEMA.Corporation, graph), (iri, SCHEMA.name, _lit(company.name), graph)]
    for alias in company.aliases:
        out.append((iri, SCHEMA.alternateName, _lit(alias), graph))
    for ticker in company.tickers:
        out.append((iri, SCHEMA.tickerSymbol, _lit(ticker), graph))
    out.append((iri, CG.inRegistry, Literal(company.in_registry), graph))
    if company.fiscal_year_end != (12, 31):
        out.append((iri, CG.fiscalYearEnd, _lit(f"--{company.fiscal_year_end[0]:02d}-{company.fiscal_year_end[1]:02d}"),
                    graph))
    return out


def period_quads(period: Period, graph: Node) -> list[Quad]:
    iri = period_iri(period)
    return [
        (iri, RDF.type, DCTERMS.PeriodOfTime, graph),
        (iri, RDFS.label, _lit(period.label), graph),
        (iri, CG.periodStart, _lit(period.start), graph),
        (iri, CG.periodEnd, _lit(period.end), graph),
        (iri, CG.periodKind, _lit(period.kind), graph),
    ]


def vocabulary_quads(vocab: Vocabulary, registry: Registry) -> list[Quad]:
    """The metric scheme (vocabulary graph) and the registry's companies (entities graph)."""
    g = VOCABULARY_GRAPH
    scheme = ID["metric-scheme"]
    out: list[Quad] = [(scheme, RDF.type, SKOS.ConceptScheme, g), (scheme, SKOS.prefLabel, _lit("claimgraph metrics"), g)]
    metrics = list(vocab.metrics.values())
    for m in metrics:
        iri = metric_iri(m.id)
        out += [(iri, RDF.type, SKOS.Concept, g), (iri, RDF.type, CG.Metric, g), (iri, SKOS.inScheme, scheme, g),
                (iri, SKOS.notation, _lit(m.id), g), (iri, SKOS.prefLabel, _lit(m.label), g),
                (iri, CG.unitKind, _lit(m.unit), g), (iri, CG.temporalKind, _lit(m.kind), g)]
        out += [(iri, SKOS.altLabel, _lit(s), g) for s in m.synonyms]
    unc = metric_iri(UNCLASSIFIED)
    out += [(unc, RDF.type, SKOS.Concept, g), (unc, RDF.type, CG.Metric, g), (unc, SKOS.inScheme, scheme, g),
            (unc, SKOS.notation, _lit(UNCLASSIFIED), g), (unc, SKOS.prefLabel, _lit("Unclassified figure"), g),
            (unc, CG.unitKind, _lit("any"), g), (unc, CG.temporalKind, _lit("flow"), g)]
    for company in registry.companies.values():
        out += company_quads(company, ENTITIES_GRAPH)
    return out


def article_quads(ex: Extraction, *, now: dt.datetime | None = None, supersedes: URIRef | None = None) -> list[Quad]:
    """All quads of one extracted article: meta, assertion and provenance graphs."""
    doc = ex.document
    sha = text_hash(doc.text)
    art = article_iri(sha)
    meta, assertion, provenance = graph_iris(art)
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    q: list[Quad] = [
        (art, RDF.type, SCHEMA.NewsArticle, meta),
        (art, CG.sha256, _lit(sha), meta),
        (art, SCHEMA.inLanguage, _lit(doc.language), meta),
        (art, CG.length, _lit(len(doc.text)), meta),
        (art, SCHEMA.wordCount, _lit(text_units(doc.text)), meta),
        (art, CG.source, _lit(doc.source), meta),
        (art, CG["format"], _lit(doc.fmt), meta),
    ]
    if doc.title:
        q += [(art, SCHEMA.headline, _lit(doc.title), meta), (art, SCHEMA.name, _lit(doc.title), meta)]
    if doc.published:
        q.append((art, SCHEMA.datePublished, _lit(doc.published), meta))
    if doc.url:
        q.append((art, SCHEMA.url, Literal(_clean(doc.url), datatype=XSD.anyURI), meta))
    if doc.record_id is not None:
        q.append((art, DCTERMS.identifier, _lit(doc.record_id), meta))
    q += [(art, SCHEMA.keywords, _lit(k), meta) for k in doc.keywords]
    if supersedes is not None:
        q.append((art, PROV.wasRevisionOf, supersedes, meta))
    if doc.correction is not None:
        q += [(art, CG.correctionNotice, _lit(doc.correction.text), meta),
              (art, CG.correctionKind, _lit(doc.correction.kind), meta)]
        if doc.correction.refers_to is not None:
            q.append((art, CG.correctsItemDated, _lit(doc.correction.refers_to), meta))
    for n, author in enumerate(doc.authors):
        a = author_iri(author.name, author.kind)
        ent = ENTITIES_GRAPH  # shared by every article: stored once, never in two graphs
        q += [(art, SCHEMA.author, a, meta), (a, RDF.type, AUTHOR_CLASS[author.kind], ent),
              (a, SCHEMA.name, _lit(author.name), ent), (a, CG.authorKind, _lit(author.kind.value), ent),
              (a, RDF.type, PROV.Agent, ent)]
        if n == 0:
            q.append((art, CG.firstAuthor, a, meta))
    if doc.publisher:
        pub = ID[f"publisher/{safe_segment(doc.publisher)}"]
        q += [(art, SCHEMA.publisher, pub, meta), (pub, RDF.type, SCHEMA.Organization, ENTITIES_GRAPH),
              (pub, SCHEMA.name, _lit(doc.publisher), ENTITIES_GRAPH)]
    for company in ex.companies:
        q += company_quads(company, ENTITIES_GRAPH)
        q.append((art, SCHEMA.mentions, company_iri(company.name), meta))
    if ex.main_company is not None:
        q.append((art, SCHEMA.about, company_iri(ex.main_company.name), meta))
    # Assertion graph: the claims.
    claim_iris = [ID[f"claim/{sha[:32]}-{n}"] for n in range(len(ex.claims))]
    for iri, claim in zip(claim_iris, ex.claims, strict=True):
        q += _claim_quads(iri, claim, assertion)
        if claim.revises is not None and 0 <= claim.revises < len(claim_iris):
            q.append((iri, PROV.wasRevisionOf, claim_iris[claim.revises], assertion))
    q += _provenance(art, assertion, provenance, ex, claim_iris, sha, now)
    return list(dict.fromkeys(q))  # shared periods and companies once per article, not once per claim


_T = {name: CG[name] for name in ("subject", "metric", "measure", "low", "high", "unit", "statedText", "qualifier",
                                  "decimals", "modality", "periodResolution", "quote", "quoteStart", "quoteEnd",
                                  "statedValue", "phrase", "period", "counterparty")}
_TYPE, _CLAIM = RDF.type, SCHEMA.Claim


def _dbl(v: float) -> Literal:
    return Literal(repr(float(v)), datatype=XSD.double)


def _int(v: int) -> Literal:
    return Literal(str(int(v)), datatype=XSD.integer)


def _claim_quads(iri: URIRef, c: Claim, g: URIRef) -> list[Quad]:
    v = c.value
    t = _T
    q: list[Quad] = [
        (iri, _TYPE, _CLAIM, g),
        (iri, t["subject"], company_iri(c.company), g),
        (iri, t["metric"], metric_iri(c.metric), g), (iri, t["measure"], Literal(c.measure.value), g),
        (iri, t["low"], _dbl(v.low), g), (iri, t["high"], _dbl(v.high), g),
        (iri, t["unit"], Literal(v.unit), g), (iri, t["statedText"], _lit(v.stated), g),
        (iri, t["qualifier"], Literal(v.qualifier.value), g), (iri, t["decimals"], _int(v.decimals), g),
        (iri, t["modality"], Literal(c.modality.value), g),
        (iri, t["periodResolution"], Literal(c.resolution.value), g),
        (iri, t["quote"], _lit(c.quote), g), (iri, t["quoteStart"], _int(c.span[0]), g),
        (iri, t["quoteEnd"], _int(c.span[1]), g),
    ]
    if v.point is not None:
        q.append((iri, t["statedValue"], _dbl(v.point), g))
    if c.phrase:
        q.append((iri, t["phrase"], _lit(c.phrase), g))
    if c.period is not None:
        q.append((iri, t["period"], period_iri(c.period), g))
        q += period_quads(c.period, ENTITIES_GRAPH)
    for cp in c.counterparties:
        q.append((iri, t["counterparty"], company_iri(cp), g))
    return q


def _provenance(art: URIRef, assertion: URIRef, g: URIRef, ex: Extraction, claims: list[URIRef], sha: str,
                now: dt.datetime) -> list[Quad]:
    activity = ID[f"activity/extract-{sha[:32]}"]
    nanopub = ID[f"nanopub/{sha[:32]}"]
    q: list[Quad] = [
        (nanopub, RDF.type, NP.Nanopublication, g), (nanopub, NP.hasAssertion, assertion, g),
        (nanopub, NP.hasProvenance, g, g),
        (assertion, RDF.type, NP.Assertion, g), (assertion, PROV.wasDerivedFrom, art, g),
        (assertion, SCHEMA.appearance, art, g), (assertion, PROV.wasGeneratedBy, activity, g),
        (assertion, PROV.generatedAtTime, _lit(now), g),
        (activity, RDF.type, PROV.Activity, g), (activity, PROV.used, art, g),
        (activity, PROV.wasAssociatedWith, TOOL, g), (activity, PROV.startedAtTime, _lit(now), g),
        (activity, SCHEMA.softwareVersion, _lit(__version__), g),
        (TOOL, RDF.type, PROV.SoftwareAgent, ENTITIES_GRAPH), (TOOL, SCHEMA.name, _lit("claimgraph"), ENTITIES_GRAPH),
        (TOOL, SCHEMA.softwareVersion, _lit(__version__), ENTITIES_GRAPH),
    ]
    for author in ex.document.authors:
        q.append((assertion, PROV.wasAttributedTo, author_iri(author.name, author.kind), g))
    for iri in claims:
        q.append((iri, SCHEMA.appearance, art, g))
    return q


def nquads(quads: Iterable[Quad]) -> str:
    """Quads as N-Quads text (terms serialised and escaped by rdflib)."""
    return "".join(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} .\n" for s, p, o, g in quads)




# --- fast N-Quads text for bulk paths (import, analysis) ----------------------------------

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
XSD_DOUBLE = f"<{XSD.double}>"
XSD_INTEGER = f"<{XSD.integer}>"


def nq_str(text: str) -> str:
    """A plain string literal in N-Quads syntax.

    >>> nq_str('say "hi"\\n')
    '"say \\\\"hi\\\\"\\\\n"'
    """
    return '"' + _clean(text).translate(_ESCAPES) + '"'


def nq_double(value: float) -> str:
    return f'"{float(value)!r}"^^{XSD_DOUBLE}'


def nq_int(value: int) -> str:
    return f'"{int(value)}"^^{XSD_INTEGER}'


def nq_iri(iri: str) -> str:
    return f"<{iri}>"
