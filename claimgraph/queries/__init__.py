"""Named SPARQL queries, one ``.rq`` file each; all query text lives here.

Each file starts with a header of comment lines::

    # description: What the query answers.
    # param: company  Company name, e.g. CoreWeave (optional)

Parameters are bound as initial bindings (Oxigraph substitutes them natively),
never spliced into the text.

>>> q = load_query("timeline")
>>> q.name, [p.name for p in q.params]
('timeline', ['company', 'metric'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from claimgraph.errors import QueryError


@dataclass(frozen=True, slots=True)
class Param:
    """A query parameter."""

    name: str
    description: str
    required: bool


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A bundled query: its name, description, parameters and text."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    internal: bool = False

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "description": self.description,
                "parameters": [{"name": p.name, "description": p.description, "required": p.required}
                               for p in self.params]}


def _parse(name: str, text: str) -> NamedQuery:
    description, params, internal = "", [], False
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*(\w+):\s*(.*)", line)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "description":
            description = value
        elif key == "param":
            pname, _, pdesc = value.partition(" ")
            params.append(Param(pname, pdesc.strip(), "(optional)" not in pdesc))
        elif key == "internal":
            internal = value.lower() in ("yes", "true")
    return NamedQuery(name, description, tuple(params), text, internal)


@cache
def load_query(name: str) -> NamedQuery:
    """The bundled query called ``name``.

    :raises QueryError: when there is no such query.
    """
    shown = name if len(name) <= 60 else name[:57] + "..."
    if not re.fullmatch(r"[\w-]{1,100}", name):
        raise QueryError(f"no bundled query named '{shown}'; see 'claimgraph queries'")
    path = resources.files(__name__) / f"{name}.rq"
    if not path.is_file():
        raise QueryError(f"no bundled query named '{shown}'; see 'claimgraph queries'")
    return _parse(name, path.read_text(encoding="utf-8"))


def list_queries(*, include_internal: bool = False) -> list[NamedQuery]:
    """All bundled queries, by name."""
    names = sorted(p.name[:-3] for p in resources.files(__name__).iterdir() if p.name.endswith(".rq"))
    out = [load_query(n) for n in names]
    return [q for q in out if include_internal or not q.internal]
