"""Layout tables unwrapped: pages made before CSS laid out their columns with ``<table>``.

A news page of the early 2000s puts the navigation, the article and a "Related" column in the cells of one
table. trafilatura reads such a table as data: the whole page becomes one table row, the article's paragraphs
run together with the menu and the sidebar, and the sidebar's headlines ("Gateway loss narrows to $30 million")
look like sentences of the article. :func:`unwrap_layout_tables` turns a layout table into plain blocks before the
main text is extracted, so the article's paragraphs stay paragraphs and the link lists around them are left out
as boilerplate.

A table is a layout table when one of its own cells holds running text (at least :data:`MIN_CELL_WORDS` words)
laid out in blocks (paragraphs, line breaks, nested tables or blocks), and the table has no header cells, no caption
and at most :data:`MAX_LAYOUT_ROWS` rows: data tables (results tables, a film list with long synopses) keep their
rows.

>>> page = ("<html><body><table><tr><td><a href='/'>Home</a></td><td><p>" + "Sales rose. " * 30 + "</p>"
...         "<p>Profit fell.</p></td></tr></table></body></html>")
>>> "<table" in unwrap_layout_tables(page), "<table" in unwrap_layout_tables("<table><tr><td>1</td></tr></table>")
(False, True)
"""

from __future__ import annotations

import re
from typing import Any

from claimgraph.sources.htmltext import lxml_parser

MIN_CELL_WORDS = 40
MAX_LAYOUT_ROWS = 5
_PARTS = ("tbody", "thead", "tfoot", "tr", "td", "th")
_CELL = re.compile(r"<t[dh][\s>]", re.IGNORECASE)


def _own_parts(root: Any) -> dict[Any, list[Any]]:
    """Each table's own rows and cells, not those of tables nested in its cells: one walk of the tree (a walk up
    from every cell to its table took seconds on hundreds of nested tables)."""
    import lxml.etree

    own: dict[Any, list[Any]] = {}
    tables: list[Any] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if tag == "table":
            if event == "start":
                tables.append(element)
                own[element] = []
            else:
                tables.pop()
        elif event == "start" and tag in _PARTS and tables:
            own[tables[-1]].append(element)
    return own


def _is_layout(table: Any, own: list[Any]) -> bool:
    if any(el.tag == "th" for el in own) or table.find("caption") is not None:
        return False
    if sum(el.tag == "tr" for el in own) > MAX_LAYOUT_ROWS:
        return False
    for cell in own:
        if cell.tag != "td" or len(cell.text_content().split()) < MIN_CELL_WORDS:
            continue
        if (cell.find(".//p") is not None or cell.find(".//table") is not None or cell.find(".//div") is not None
                or len(cell.findall(".//br")) >= 2):
            return True
    return False


def unwrap_layout_tables(html: str) -> str:
    """``html`` with its layout tables turned into ``<div>`` blocks (the same text) and its loose paragraphs put in
    ``<p>`` elements (:func:`wrap_loose_paragraphs`), or ``html`` itself when it has neither or cannot be parsed."""
    tables = _CELL.search(html) is not None
    loose = _loose_hint(html)
    if not tables and not loose:
        return html
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html, parser=lxml_parser())
        changed = False
        if tables:
            parts = _own_parts(root)
            layout = [table for table, own in parts.items() if _is_layout(table, own)]
            for table in layout:
                for element in parts[table]:
                    element.tag = "div"
                table.tag = "div"
            changed = bool(layout)
        if loose:
            changed = wrap_loose_paragraphs(root) or changed
        return str(lxml.html.tostring(root, encoding="unicode")) if changed else html
    except (ValueError, TypeError, lxml.etree.LxmlError):  # (an empty or unparsable document: read as it is)
        return html


# Pages written before CSS used <P> as a paragraph break, not a container: "<FONT>SIOUX FALLS -- Acme said ...<P>
# Sales rose ...<P>". The first paragraph then stands outside any <p>, and trafilatura, which keeps the <p>
# elements of a block, drops it: the story loses its lead. A run of inline content (text, links, bold, fonts) that
# sits beside <p> elements in one container and holds running text is such a paragraph.
MIN_LOOSE_WORDS = 12
_P_TAG = re.compile(r"<p[\s>]", re.IGNORECASE)


def _loose_hint(html: str) -> bool:
    """Running text (60 characters without a tag) right before a ``<p>``: the page may hold loose paragraphs."""
    for m in _P_TAG.finditer(html):
        before = html[max(0, m.start() - 60):m.start()]
        if len(before) == 60 and "<" not in before and ">" not in before and before.strip():
            return True
    return False
_INLINE = frozenset({"a", "b", "i", "u", "em", "strong", "font", "span", "small", "big", "sup", "sub", "abbr", "cite",
                     "code", "q", "tt", "s", "strike", "mark", "time", "img", "nobr", "acronym", "dfn", "kbd", "var"})
_NO_WRAP = frozenset({"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "a", "button",
                      "label", "option", "script", "style", "head", "title", "textarea", "caption", "figcaption"})


def wrap_loose_paragraphs(root: Any) -> bool:
    """Put each run of inline content that holds running text (at least :data:`MIN_LOOSE_WORDS` words and a full
    stop) and sits beside ``<p>`` elements in one container into a ``<p>`` of its own; True when any was."""
    import lxml.html

    changed = False
    for container in list(root.iter("p")):
        parent = container.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag in _NO_WRAP or parent.get("_cg_done"):
            continue
        parent.set("_cg_done", "1")
        changed = _wrap_runs(parent, lxml.html) or changed
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("_cg_done"):
            del el.attrib["_cg_done"]
    return changed


def _wrap_runs(parent: Any, html_module: Any) -> bool:
    """Wrap the loose runs among ``parent``'s children (see :func:`wrap_loose_paragraphs`)."""
    runs: list[tuple[str, list[Any], Any]] = []  # (leading text, inline children, the element the run follows)
    text, members, anchor = parent.text or "", [], None
    for child in list(parent):
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in _INLINE or tag == "br" or not tag:
            members.append(child)
            continue
        runs.append((text, members, anchor))
        text, members, anchor = child.tail or "", [], child
    runs.append((text, members, anchor))
    changed = False
    for lead, inline, after in runs:
        words = lead + " " + " ".join(m.text_content() + (m.tail or "") for m in inline if isinstance(m.tag, str))
        while inline and isinstance(inline[-1].tag, str) and inline[-1].tag.lower() == "br" and \
                not (inline[-1].tail or "").strip():
            inline = inline[:-1]  # trailing line breaks stay outside
        if len(words.split()) < MIN_LOOSE_WORDS or not re.search(r"[.!?][\"'”’)]?(?:\s|$)", words):
            continue
        para = html_module.Element("p")
        para.text = lead
        if after is None:
            parent.text = None
            parent.insert(0, para)
        else:
            after.tail = None
            after.addnext(para)
        for m in inline:
            para.append(m)  # moves the element with its tail
        changed = True
    return changed
