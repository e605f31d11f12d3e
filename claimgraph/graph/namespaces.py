"""Namespaces and the standard prefixes predeclared for every query.

>>> PREFIXES["cg"]
'https://w3id.org/claimgraph/ns#'
"""

from __future__ import annotations

from rdflib import Namespace

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

VOCABULARY_GRAPH = ID["graph/vocabulary"]
ANALYSIS_GRAPH = ID["graph/analysis"]
ENTITIES_GRAPH = ID["graph/entities"]


def prefix_block() -> str:
    """SPARQL PREFIX declarations for :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
