"""Export the store as Turtle, TriG, N-Quads or JSON-LD.

>>> Format.from_path("out.nq")
<Format.NQUADS: 'nquads'>
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import IO

from claimgraph.errors import ConfigError
from claimgraph.graph.namespaces import PREFIXES
from claimgraph.graph.store import OxigraphStore, Store


class Format(StrEnum):
    """RDF serialisations claimgraph writes."""

    TURTLE = "turtle"
    TRIG = "trig"
    NQUADS = "nquads"
    JSONLD = "json-ld"

    @classmethod
    def from_path(cls, path: str) -> Format:
        """Guess a format from a file extension.

        :raises ConfigError: for an unknown extension.
        """
        ext = Path(path).suffix.lower()
        table = {".ttl": cls.TURTLE, ".trig": cls.TRIG, ".nq": cls.NQUADS, ".nquads": cls.NQUADS,
                 ".jsonld": cls.JSONLD, ".json": cls.JSONLD}
        if ext not in table:
            raise ConfigError(f"cannot tell the export format of '{path}'; pass --format turtle|trig|nquads|json-ld")
        return table[ext]


def export(store: Store, out: IO[bytes], *, fmt: Format) -> None:
    """Write the whole store to ``out``. Turtle merges all graphs; the others keep named graphs."""
    if isinstance(store, OxigraphStore) and fmt in (Format.NQUADS, Format.TRIG):
        import pyoxigraph as ox

        mime = {Format.NQUADS: ox.RdfFormat.N_QUADS, Format.TRIG: ox.RdfFormat.TRIG}[fmt]
        store.ox.dump(out, mime, prefixes=PREFIXES if fmt is Format.TRIG else None)
        return
    ds = store.dataset()
    for p, iri in PREFIXES.items():
        ds.bind(p, iri, override=True)
    if fmt is Format.TURTLE:
        from rdflib import Graph

        merged = Graph()
        for p, iri in PREFIXES.items():
            merged.bind(p, iri)
        for s, p_, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p_, o))
        out.write(merged.serialize(format="turtle").encode("utf-8"))
        return
    rdflib_fmt = {Format.TRIG: "trig", Format.NQUADS: "nquads", Format.JSONLD: "json-ld"}[fmt]
    data = ds.serialize(format=rdflib_fmt)
    out.write(data.encode("utf-8") if isinstance(data, str) else data)
