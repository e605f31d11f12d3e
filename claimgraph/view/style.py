"""How every node and edge kind looks: one table, read by the nodes, the edges and the legend alike.

Colours come from the Okabe–Ito palette and Paul Tol's *muted* palette (both safe for the common forms of
colour blindness), and every kind also has its own shape or line pattern, so that no kind relies on hue alone:
each (shape, colour) pair and each node colour is used once. Statuses of claim groups take the strong
Okabe–Ito hues (blue agrees, orange revised, vermillion conflicts, reddish purple undecided); sources and
structure take Tol's muted hues.

>>> len({s.color for s in NODE_STYLE.values()}) == len(NODE_STYLE)
True
>>> group_kind({"status": "conflict", "resolved": None, "undecided": True})
'group:undecided'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NodeStyle:
    """A node kind: its legend text, vis-network shape and colours."""

    label: str
    shape: str
    color: str
    font: str = "#1a1a1a"  # label colour (inside boxes and ellipses, or beside the glyph)
    border: str = ""  # default: the fill, darkened
    dashes: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.border:
            object.__setattr__(self, "border", darken(self.color))

    def vis(self) -> dict[str, Any]:
        """The node options vis-network reads."""
        out: dict[str, Any] = {
            "shape": self.shape,
            "color": {"background": self.color, "border": self.border,
                      "highlight": {"background": self.color, "border": "#000000"},
                      "hover": {"background": self.color, "border": "#000000"}},
            "font": {"color": self.font},
            "borderWidth": 1.5,
        }
        if self.dashes:
            out["shapeProperties"] = {"borderDashes": [4, 3]}
        out.update(self.extra)
        return out


@dataclass(frozen=True)
class EdgeStyle:
    """An edge kind: its legend text, colour, width and dash pattern."""

    label: str
    color: str
    width: float = 1.0
    dashes: tuple[int, ...] = ()
    opacity: float = 1.0
    arrows: bool = True

    def vis(self) -> dict[str, Any]:
        return {"color": {"color": self.color, "highlight": "#000000", "hover": "#000000", "opacity": self.opacity},
                "width": self.width, "dashes": list(self.dashes) if self.dashes else False,
                "arrows": {"to": {"enabled": self.arrows, "scaleFactor": 0.5}}}


def darken(color: str, by: float = 0.4) -> str:
    """``color`` (``#RRGGBB``) darkened towards black, for borders that stay visible when zoomed out.

    >>> darken("#0072B2"), darken("#FFFFFF")
    ('#00446B', '#999999')
    """
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * (1 - by)):02X}" for c in (r, g, b))


# The resolution of a group whose evidence is symmetric (issue 14): no value is the answer. Kept in this one
# place: a group is undecided when the analysis says so, by a flag or a status.
UNDECIDED = "undecided"


def is_undecided(group: dict[str, Any], resolution: dict[str, Any] | None = None) -> bool:
    """True when the analysis left ``group`` undecided (a resolved value of None with an ``undecided`` flag).

    >>> is_undecided({"status": "conflict", "resolved": None, "undecided": True}), is_undecided({"status": "x"})
    (True, False)
    >>> is_undecided({"status": "conflict", "resolved": None}, {"value": None, "status": "undecided"})
    True
    """
    for source in (group, resolution or {}):
        if source.get(UNDECIDED) is True or UNDECIDED in (source.get("status"), source.get("resolution")):
            return True
    return False


NODE_STYLE: dict[str, NodeStyle] = {
    # structure: companies, then their metrics, then periods left to right
    "company": NodeStyle("Company", "box", "#332288", font="#ffffff", extra={"font": {"color": "#ffffff", "bold": True}}),
    "metric": NodeStyle("Metric", "box", "#DDCC77"),
    "period": NodeStyle("Period (column heading)", "text", "#F4F4F4", border="#F4F4F4", font="#333333"),
    # claim groups by status: what agrees, what was revised, what conflicts, what is undecided
    "group:consistent": NodeStyle("Group: sources agree", "dot", "#0072B2"),
    "group:revision": NodeStyle("Group: revised (correction or new guidance)", "square", "#E69F00"),
    "group:conflict": NodeStyle("Group: conflict", "star", "#D55E00"),
    "group:undecided": NodeStyle("Group: undecided (no value wins)", "diamond", "#CC79A7"),
    "group:possible_conflict": NodeStyle("Group: possible conflict (period unresolved)", "triangle", "#F0E442"),
    "group:unresolved": NodeStyle("Group: period unresolved", "triangleDown", "#999999"),
    # single claims (shown one by one in small graphs)
    "claim": NodeStyle("Claim", "dot", "#FFFFFF", border="#1A1A1A"),
    "claim:superseded": NodeStyle("Claim: superseded", "dot", "#DDDDDD", border="#777777", dashes=True),
    # sources, at the edge
    "article": NodeStyle("Article", "box", "#88CCEE"),
    "person": NodeStyle("Author (person)", "ellipse", "#44AA99"),
    "organization": NodeStyle("Author (organisation)", "ellipse", "#999933"),
    "software_agent": NodeStyle("Author (AI writing agent)", "ellipse", "#AA4499", font="#ffffff", dashes=True),
    "publisher": NodeStyle("Publisher", "database", "#117733", font="#ffffff"),
    # arithmetic cross-checks
    "check:consistent": NodeStyle("Cross-check: consistent", "hexagon", "#009E73"),
    "check:inconsistent": NodeStyle("Cross-check: inconsistent", "hexagon", "#882255"),
    "check:derived": NodeStyle("Cross-check: derived value", "hexagon", "#56B4E9"),
}

EDGE_STYLE: dict[str, EdgeStyle] = {
    "has metric": EdgeStyle("company has metric", "#332288", 1.5, arrows=False),
    "series": EdgeStyle("metric → its groups in time order", "#8a8a8a", 1.5),
    "states": EdgeStyle("source states", "#4a90b8", 1.0, opacity=0.35),
    "wrote": EdgeStyle("author wrote", "#44AA99", 1.0, (2, 3), opacity=0.6),
    "published": EdgeStyle("publisher published", "#117733", 1.0, (8, 4), opacity=0.6),
    "supports": EdgeStyle("claim supports the resolved value", "#0072B2", 2.0),
    "dissents": EdgeStyle("claim dissents", "#D55E00", 2.5, (6, 3)),
    "revises": EdgeStyle("revises (newer → superseded)", "#E69F00", 3.0, (10, 4)),
    "checks": EdgeStyle("cross-check reads / checks", "#009E73", 1.5, (1, 4)),
}

GROUP_STATUSES = ("consistent", "revision", "conflict", "possible_conflict", "unresolved")


def group_kind(group: dict[str, Any], resolution: dict[str, Any] | None = None) -> str:
    """The node kind of a claim group: its status, or ``group:undecided`` (which stands out above all)."""
    if is_undecided(group, resolution):
        return "group:undecided"
    status = group.get("status", "")
    return f"group:{status}" if f"group:{status}" in NODE_STYLE else "group:unresolved"


def legend() -> dict[str, list[dict[str, Any]]]:
    """The legend, generated from :data:`NODE_STYLE` and :data:`EDGE_STYLE` (what the nodes and edges use)."""
    nodes = [{"kind": k, "label": s.label, "shape": s.shape, "color": s.color, "border": s.border,
              "dashes": s.dashes, "font": s.font} for k, s in NODE_STYLE.items()]
    edges = [{"kind": k, "label": s.label, "color": s.color, "width": s.width,
              "dashes": " ".join(str(d) for d in s.dashes), "opacity": s.opacity} for k, s in EDGE_STYLE.items()]
    return {"nodes": nodes, "edges": edges}


__all__ = ["EDGE_STYLE", "NODE_STYLE", "UNDECIDED", "group_kind", "is_undecided", "legend"]
