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
    """``html`` with its layout tables turned into ``<div>`` blocks (the same text), or ``html`` itself when it has
    none or cannot be parsed."""
    if _CELL.search(html) is None:
        return html
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html, parser=lxml_parser())
        parts = _own_parts(root)
        layout = [table for table, own in parts.items() if _is_layout(table, own)]
        if not layout:
            return html
        for table in layout:
            for element in parts[table]:
                element.tag = "div"
            table.tag = "div"
        return str(lxml.html.tostring(root, encoding="unicode"))
    except (ValueError, TypeError, lxml.etree.LxmlError):  # (an empty or unparsable document: read as it is)
        return html
