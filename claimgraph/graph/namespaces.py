"""Namespaces and the standard prefixes predeclared for every query.

Importing this module does not import rdflib (0.1 CPU s, more than DuckDB): a :class:`Namespace` is the
namespace's IRI as a ``str``, and makes rdflib terms only when asked for one (``CG.metric``, ``ID["claim/x"]``),
exactly as rdflib's own ``Namespace`` does. So the commands that only read the claim index (``conflicts``,
``resolve``, ``trust``, ``checks`` …) never load rdflib: they build IRIs as text (``f"{ID}group/{gid}"``).

>>> PREFIXES["cg"]
'https://w3id.org/claimgraph/ns#'
>>> f"{ID}group/g1", CG.metric
('https://w3id.org/claimgraph/id/group/g1', rdflib.term.URIRef('https://w3id.org/claimgraph/ns#metric'))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rdflib import URIRef

_URIREF: list[Any] = []  # rdflib's URIRef, once a term was asked for


def _uriref() -> Any:
    if not _URIREF:
        from rdflib import URIRef

        _URIREF.append(URIRef)
    return _URIREF[0]


class Namespace(str):
    """An IRI prefix whose attributes and items are rdflib ``URIRef`` terms (rdflib's ``Namespace``, with rdflib
    imported only when a term is made).

    >>> SCHEMA.name, SCHEMA["first-name"], str(SCHEMA), SCHEMA.name in SCHEMA
    (rdflib.term.URIRef('https://schema.org/name'), rdflib.term.URIRef('https://schema.org/first-name'), \
'https://schema.org/', True)
    """

    __slots__ = ()

    @property
    def title(self) -> URIRef:  # type: ignore[override]
        # DCTERMS.title is a term, not str.title
        return self.term("title")

    def term(self, name: str) -> URIRef:
        return _uriref()(self + (name if isinstance(name, str) else ""))  # type: ignore[no-any-return]

    def __getitem__(self, key: str) -> URIRef:  # type: ignore[override]
        return self.term(key)

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # special Python names are not terms
            raise AttributeError(name)
        return self.term(name)

    def __repr__(self) -> str:
        return f"Namespace({super().__repr__()})"

    def __contains__(self, ref: str) -> bool:  # type: ignore[override]
        return ref.startswith(self)


CG = Namespace("https://w3id.org/claimgraph/ns#")
ID = Namespace("https://w3id.org/claimgraph/id/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
QB = Namespace("http://purl.org/linked-data/cube#")
NP = Namespace("http://www.nanopub.org/nschema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, str] = {
    "cg": str(CG), "cgid": str(ID), "schema": str(SCHEMA), "prov": str(PROV), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "qb": str(QB), "np": str(NP), "xsd": str(XSD), "rdf": str(RDF),
    "rdfs": str(RDFS), "sh": str(SH),
}

# The named graphs every store has, as terms (made, with rdflib, when first imported by name)
_GRAPHS = {"VOCABULARY_GRAPH": "graph/vocabulary", "ANALYSIS_GRAPH": "graph/analysis",
           "ENTITIES_GRAPH": "graph/entities"}


def __getattr__(name: str) -> URIRef:
    if name in _GRAPHS:
        term = ID[_GRAPHS[name]]
        globals()[name] = term
        return term
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def prefix_block() -> str:
    """SPARQL PREFIX declarations for :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
