"""An article's quads as N-Quads text, written directly: the ingest's fast path.

:func:`claimgraph.graph.rdf.article_quads` is the readable statement of the model (rdflib terms, one tuple per
quad); ingest needs only its N-Quads text, and building an rdflib ``Literal`` per value (with its lexical
normalisation) then serialising it cost more CPU than extracting the article (2,000 synthetic articles: 7.3 s of
CPU for ``nquads(article_quads(ex))`` against 12 s for extraction). :func:`article_nquads` writes the same lines
straight from the extraction: the same quads, each line exactly as ``nquads`` writes it, in the same order
(``tests/test_fast_paths.py`` holds the two to that).

>>> from claimgraph.graph.rdf import article_quads, nquads
>>> from claimgraph.sources.extract import extract
>>> from claimgraph.sources.readers import Metadata, text_document
>>> doc = text_document("Acme results\\nAcme Corp said revenue was $5 billion in Q3 2025.", "x.txt", Metadata())
>>> ex = extract(doc)
>>> import datetime as dt
>>> now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
>>> article_nquads(ex, now=now) == nquads(article_quads(ex, now=now))
True
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from claimgraph import __version__
from claimgraph.graph.namespaces import CG, DCTERMS, ENTITIES_GRAPH, ID, NP, PROV, RDF, RDFS, SCHEMA, XSD
from claimgraph.graph.rdf import (
    AUTHOR_CLASS,
    TOOL,
    author_iri,
    company_iri,
    graph_iris,
    metric_iri,
    nq_double,
    nq_int,
    nq_str,
    nq_term,
    safe_segment,
    text_hash,
)
from claimgraph.sources.language import _NO_SPACES, text_units
from claimgraph.sources.model import AuthorKind, Claim, Company, Extraction, Period


def _p(iri: object) -> str:
    return f"<{iri}>"


_TYPE = _p(RDF.type)
_XSD_DATE, _XSD_DATETIME, _XSD_BOOLEAN, _XSD_ANYURI = (_p(XSD.date), _p(XSD.dateTime), _p(XSD.boolean),
                                                        _p(XSD.anyURI))
_C = {name: _p(CG[name]) for name in ("subject", "metric", "measure", "low", "high", "unit", "statedText",
                                      "qualifier", "decimals", "modality", "periodResolution", "quote", "quoteStart",
                                      "quoteEnd", "statedValue", "phrase", "period", "counterparty", "sha256",
                                      "length", "source", "format", "firstAuthor", "authorKind", "inRegistry",
                                      "fiscalYearEnd", "correctionNotice", "correctionKind", "correctsItemDated",
                                      "periodStart", "periodEnd", "periodKind")}
_S = {name: _p(SCHEMA[name]) for name in ("NewsArticle", "inLanguage", "wordCount", "headline", "name",
                                          "datePublished", "url", "keywords", "author", "publisher", "Organization",
                                          "Corporation", "alternateName", "tickerSymbol", "mentions", "about",
                                          "Claim", "appearance", "softwareVersion")}
_PROV = {name: _p(PROV[name]) for name in ("wasRevisionOf", "Agent", "wasDerivedFrom", "wasGeneratedBy",
                                           "generatedAtTime", "Activity", "used", "wasAssociatedWith",
                                           "startedAtTime", "wasAttributedTo", "SoftwareAgent")}
_ENT = _p(ENTITIES_GRAPH)
_TOOL = _p(TOOL)
_VERSION = nq_str(__version__)


_ALNUM = re.compile(r"[^\W_]")  # exactly the characters of ``str.isalnum``


def word_count(text: str) -> int:
    r""":func:`claimgraph.sources.language.text_units`, about seven times faster on text written with spaces.

    Without a character of a script written without spaces, ``text_units`` counts the whitespace-separated
    tokens holding a letter or digit; most tokens start or end with one, so the search inside a token is rare.

    >>> word_count("Revenue rose 5% -- to $3 bn."), word_count("国家卫生健康委依托全国公立医疗卫生机构")
    (6, 10)
    """
    if _NO_SPACES.search(text) is not None:
        return text_units(text)
    search = _ALNUM.search
    return sum(1 for t in text.split() if t[0].isalnum() or t[-1].isalnum() or search(t) is not None)


def _date(value: dt.date) -> str:
    """``_lit`` of a date or a datetime (a datetime is a date)."""
    if isinstance(value, dt.datetime):
        return f'"{value.isoformat()}"^^{_XSD_DATETIME}'
    return f'"{value.isoformat()}"^^{_XSD_DATE}'


@lru_cache(maxsize=65536)
def _company_iri(name: str) -> str:
    return nq_term(company_iri(name))


@lru_cache(maxsize=4096)
def _metric_iri(metric: str) -> str:
    return nq_term(metric_iri(metric))


@lru_cache(maxsize=65536)
def _author(name: str, kind: AuthorKind) -> tuple[str, str]:
    """An author's IRI and its quads in the entities graph."""
    a = nq_term(author_iri(name, kind))
    return a, (f"{a} {_TYPE} {nq_term(AUTHOR_CLASS[kind])} {_ENT} .\n{a} {_S['name']} {nq_str(name)} {_ENT} .\n"
               f"{a} {_C['authorKind']} {nq_str(kind.value)} {_ENT} .\n{a} {_TYPE} {_PROV['Agent']} {_ENT} .\n")


def _company(company: Company) -> str:
    """:func:`claimgraph.graph.rdf.company_quads` in the entities graph."""
    return _company_lines(company.name, tuple(company.aliases), tuple(company.tickers),
                          tuple(company.fiscal_year_end), bool(company.in_registry))


@lru_cache(maxsize=16384)
def _company_lines(name: str, aliases: tuple[str, ...], tickers: tuple[str, ...], fiscal_year_end: tuple[int, ...],
                   in_registry: bool) -> str:
    iri = _company_iri(name)
    out = [f"{iri} {_TYPE} {_S['Corporation']} {_ENT} .\n", f"{iri} {_S['name']} {nq_str(name)} {_ENT} .\n"]
    out += [f"{iri} {_S['alternateName']} {nq_str(alias)} {_ENT} .\n" for alias in aliases]
    out += [f"{iri} {_S['tickerSymbol']} {nq_str(ticker)} {_ENT} .\n" for ticker in tickers]
    out.append(f'{iri} {_C["inRegistry"]} "{"true" if in_registry else "false"}"^^{_XSD_BOOLEAN} {_ENT} .\n')
    if fiscal_year_end != (12, 31):
        out.append(f"{iri} {_C['fiscalYearEnd']} {nq_str(f'--{fiscal_year_end[0]:02d}-{fiscal_year_end[1]:02d}')} "
                   f"{_ENT} .\n")
    return "".join(out)


@lru_cache(maxsize=16384)
def _period(period: Period) -> tuple[str, str]:
    """A period's IRI and :func:`claimgraph.graph.rdf.period_quads` in the entities graph."""
    start, end = period.start.isoformat(), period.end.isoformat()
    iri = nq_term(ID[f"period/{start}_{end}"])
    return iri, (f"{iri} {_TYPE} <{DCTERMS.PeriodOfTime}> {_ENT} .\n"
                 f"{iri} <{RDFS.label}> {nq_str(period.label)} {_ENT} .\n"
                 f"{iri} {_C['periodStart']} {_date(period.start)} {_ENT} .\n"
                 f"{iri} {_C['periodEnd']} {_date(period.end)} {_ENT} .\n"
                 f"{iri} {_C['periodKind']} {nq_str(period.kind)} {_ENT} .\n")


def article_nquads(ex: Extraction, *, now: dt.datetime | None = None, sha: str | None = None) -> str:
    """The N-Quads text of :func:`claimgraph.graph.rdf.article_quads` (same lines, same order); ``sha``: the
    text's :func:`claimgraph.graph.rdf.text_hash` when the caller has it.

    :raises ValueError: for an IRI that N-Quads cannot carry, as ``nquads`` does.
    """
    doc = ex.document
    sha = sha or text_hash(doc.text)
    short = sha[:32]
    art_iri = ID[f"article/{short}"]
    art = nq_term(art_iri)
    meta, assertion, provenance = (nq_term(g) for g in graph_iris(art_iri))
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    s = _S
    m = f" {meta} .\n"
    out = [f"{art} {_TYPE} {s['NewsArticle']}{m}", f"{art} {_C['sha256']} {nq_str(sha)}{m}",
           f"{art} {s['inLanguage']} {nq_str(doc.language)}{m}", f"{art} {_C['length']} {nq_int(len(doc.text))}{m}",
           f"{art} {s['wordCount']} {nq_int(word_count(doc.text))}{m}", f"{art} {_C['source']} {nq_str(doc.source)}{m}",
           f"{art} {_C['format']} {nq_str(doc.fmt)}{m}"]
    if doc.title:
        title = nq_str(doc.title)
        out += [f"{art} {s['headline']} {title}{m}", f"{art} {s['name']} {title}{m}"]
    if doc.published:
        out.append(f"{art} {s['datePublished']} {_date(doc.published)}{m}")
    if doc.url:
        out.append(f"{art} {s['url']} {nq_str(doc.url)}^^{_XSD_ANYURI}{m}")
    if doc.record_id is not None:
        out.append(f"{art} <{DCTERMS.identifier}> {nq_str(str(doc.record_id))}{m}")
    out += [f"{art} {s['keywords']} {nq_str(str(k))}{m}" for k in doc.keywords]
    if doc.correction is not None:
        out += [f"{art} {_C['correctionNotice']} {nq_str(doc.correction.text)}{m}",
                f"{art} {_C['correctionKind']} {nq_str(doc.correction.kind)}{m}"]
        if doc.correction.refers_to is not None:
            out.append(f"{art} {_C['correctsItemDated']} {_date(doc.correction.refers_to)}{m}")
    authors = [_author(a.name, a.kind) for a in doc.authors]
    for n, (a, entity_lines) in enumerate(authors):
        out += [f"{art} {s['author']} {a}{m}", entity_lines]
        if n == 0:
            out.append(f"{art} {_C['firstAuthor']} {a}{m}")
    if doc.publisher:
        pub = nq_term(ID[f"publisher/{safe_segment(doc.publisher)}"])
        out += [f"{art} {s['publisher']} {pub}{m}", f"{pub} {_TYPE} {s['Organization']} {_ENT} .\n",
                f"{pub} {s['name']} {nq_str(doc.publisher)} {_ENT} .\n"]
    for company in ex.companies:
        out += [_company(company), f"{art} {s['mentions']} {_company_iri(company.name)}{m}"]
    if ex.main_company is not None:
        out.append(f"{art} {s['about']} {_company_iri(ex.main_company.name)}{m}")
    claims = [nq_term(ID[f"claim/{short}-{n}"]) for n in range(len(ex.claims))]
    a = f" {assertion} .\n"
    for iri, claim in zip(claims, ex.claims, strict=True):
        out.append(_claim(iri, claim, a))
        if claim.revises is not None and 0 <= claim.revises < len(claims):
            out.append(f"{iri} {_PROV['wasRevisionOf']} {claims[claim.revises]}{a}")
    out.append(_provenance(art, assertion, provenance, ex, claims, short, now))
    # One line per quad, each once: shared periods and companies once per article, as article_quads dedupes.
    lines = "".join(out).split("\n")  # N-Quads text escapes every line break inside a literal
    return "\n".join(dict.fromkeys(lines[:-1])) + "\n"


def _claim(iri: str, c: Claim, end: str) -> str:
    """:func:`claimgraph.graph.rdf._claim_quads` (``end``: the assertion graph and the full stop)."""
    v, t = c.value, _C
    parts = [
        f"{iri} {_TYPE} {_S['Claim']}{end}{iri} {t['subject']} {_company_iri(c.company)}{end}"
        f"{iri} {t['metric']} {_metric_iri(c.metric)}{end}{iri} {t['measure']} {nq_str(c.measure.value)}{end}"
        f"{iri} {t['low']} {nq_double(v.low)}{end}{iri} {t['high']} {nq_double(v.high)}{end}"
        f"{iri} {t['unit']} {nq_str(v.unit)}{end}{iri} {t['statedText']} {nq_str(str(v.stated))}{end}"
        f"{iri} {t['qualifier']} {nq_str(v.qualifier.value)}{end}{iri} {t['decimals']} {nq_int(v.decimals)}{end}"
        f"{iri} {t['modality']} {nq_str(c.modality.value)}{end}"
        f"{iri} {t['periodResolution']} {nq_str(c.resolution.value)}{end}"
        f"{iri} {t['quote']} {nq_str(str(c.quote))}{end}{iri} {t['quoteStart']} {nq_int(c.span[0])}{end}"
        f"{iri} {t['quoteEnd']} {nq_int(c.span[1])}{end}"]
    if v.point is not None:
        parts.append(f"{iri} {t['statedValue']} {nq_double(v.point)}{end}")
    if c.phrase:
        parts.append(f"{iri} {t['phrase']} {nq_str(str(c.phrase))}{end}")
    if c.period is not None:
        period, lines = _period(c.period)
        parts += [f"{iri} {t['period']} {period}{end}", lines]
    parts += [f"{iri} {t['counterparty']} {_company_iri(cp)}{end}" for cp in c.counterparties]
    return "".join(parts)


def _provenance(art: str, assertion: str, g: str, ex: Extraction, claims: list[str], short: str,
                now: dt.datetime) -> str:
    """:func:`claimgraph.graph.rdf._provenance`."""
    activity = nq_term(ID[f"activity/extract-{short}"])
    nanopub = nq_term(ID[f"nanopub/{short}"])
    p, e = _PROV, f" {g} .\n"
    stamp = _date(now)
    lines = [
        f"{nanopub} {_TYPE} <{NP.Nanopublication}>{e}{nanopub} <{NP.hasAssertion}> {assertion}{e}"
        f"{nanopub} <{NP.hasProvenance}> {g}{e}"
        f"{assertion} {_TYPE} <{NP.Assertion}>{e}{assertion} {p['wasDerivedFrom']} {art}{e}"
        f"{assertion} {_S['appearance']} {art}{e}{assertion} {p['wasGeneratedBy']} {activity}{e}"
        f"{assertion} {p['generatedAtTime']} {stamp}{e}"
        f"{activity} {_TYPE} {p['Activity']}{e}{activity} {p['used']} {art}{e}"
        f"{activity} {p['wasAssociatedWith']} {_TOOL}{e}{activity} {p['startedAtTime']} {stamp}{e}"
        f"{activity} {_S['softwareVersion']} {_VERSION}{e}"
        f"{_TOOL} {_TYPE} {p['SoftwareAgent']} {_ENT} .\n{_TOOL} {_S['name']} {nq_str('claimgraph')} {_ENT} .\n"
        f"{_TOOL} {_S['softwareVersion']} {_VERSION} {_ENT} .\n"]
    lines += [f"{assertion} {p['wasAttributedTo']} {_author(a.name, a.kind)[0]}{e}" for a in ex.document.authors]
    lines += [f"{iri} {_S['appearance']} {art}{e}" for iri in claims]
    return "".join(lines)
