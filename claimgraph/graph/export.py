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
    def parse(cls, name: str) -> Format:
        """A format from its name or a common alias (ttl, nq, jsonld).

        :raises ConfigError: for any other name.

        >>> Format.parse("ttl"), Format.parse("JSONLD")
        (<Format.TURTLE: 'turtle'>, <Format.JSONLD: 'json-ld'>)
        """
        key = name.strip().lower()
        aliases = {"ttl": cls.TURTLE, "nq": cls.NQUADS, "n-quads": cls.NQUADS, "jsonld": cls.JSONLD,
                   "json": cls.JSONLD}
        if key in aliases:
            return aliases[key]
        try:
            return cls(key)
        except ValueError:
            raise ConfigError(f"unknown export format '{name}'; use turtle (ttl), trig, nquads (nq) or json-ld "
                              "(RDF/XML cannot hold the named graphs)") from None

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


def export_file(store: Store, path: str | Path, *, fmt: Format) -> Path:
    """Export to the file ``path``, written whole or not at all (a temporary file renamed into place).

    :raises ConfigError: when the folder does not exist, ``path`` is a folder, or the file cannot be written.
    """
    import os
    import tempfile

    target = Path(path)
    if target.is_dir():
        raise ConfigError(f"--output {path} is a folder; give a file name, e.g. {target / ('graph.' + _EXT[fmt])}")
    if target.exists() and not target.is_file():
        return _export_stream(store, target, fmt)
    if target.is_symlink():
        target = target.resolve()  # a link to a file: the file it names is replaced, and the link stays
    folder = target.parent
    if not folder.is_dir():
        raise ConfigError(f"cannot write {path}: the folder {folder} does not exist; create it first")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ConfigError(f"cannot write in {folder} ({exc.strerror or exc}); check its permissions") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            export(store, fh, fmt=fmt)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as a plainly created file would be (mkstemp makes it private)
        os.replace(tmp, target)
    except OSError as exc:
        raise ConfigError(f"cannot write {path} ({exc.strerror or exc}); check the path and free space") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _export_stream(store: Store, target: Path, fmt: Format) -> Path:
    """Export into ``target`` as it is: a device, a FIFO or a terminal (``/dev/stdout``, ``/dev/null``, a pipe) is
    written to, never replaced by a renamed file (which, for root, swapped ``/dev/full`` for a regular file)."""
    try:
        with target.open("wb") as fh:
            export(store, fh, fmt=fmt)
    except OSError as exc:
        raise ConfigError(f"cannot write {target} ({exc.strerror or exc}); check the path and free space") from None
    return target


_EXT = {Format.TURTLE: "ttl", Format.TRIG: "trig", Format.NQUADS: "nq", Format.JSONLD: "jsonld"}
