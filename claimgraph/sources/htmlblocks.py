"""Lists and headings that sit among an article's paragraphs, put back into the main text trafilatura found.

trafilatura keeps a page's paragraphs and tables but, unless the article sits in an element it recognises
(``<article>``, ``<main>``, a ``content`` class), drops the lists and headings between them. On a company's
press release that loses the bullet list of headline figures ("Fourth quarter revenue of $412.3 million, up
18%") and the table's scale caption ("in thousands, except per share data"), so a table read without it is a
thousand times too small. A reader sees those blocks; so should the extractor.

The rule is structural, not a list of sites: a list (``<ul>``, ``<ol>``) or heading (``<h2>`` to ``<h6>``) is put
back when it is a sibling of the article's kept paragraphs or tables (same parent element), lies between two of
them, is outside the page's chrome (navigation, sidebars, footers, forms), and is not mostly links (related-story
lists are). Each block goes back right after the line of the sibling before it, lists as ``- item`` lines, as
trafilatura writes lists itself.

>>> page = ('<html><body><div class="release"><p>Acme Corp today reported results for its fourth quarter.</p>'
...         '<ul><li>Revenue of $5.2 million, up 8%</li><li><a href="/x">Related story</a></li></ul>'
...         '<h3>Statements of Operations (in thousands)</h3><p>The company will hold a call at 5 p.m.</p>'
...         '</div></body></html>')
>>> main = "Acme Corp today reported results for its fourth quarter.\\nThe company will hold a call at 5 p.m."
>>> print(restore_blocks(main, page))
Acme Corp today reported results for its fourth quarter.
- Revenue of $5.2 million, up 8%
Statements of Operations (in thousands)
The company will hold a call at 5 p.m.
"""

from __future__ import annotations

import re
from typing import Any

_WORDS = re.compile(r"[^\W_]+")
_LISTS = frozenset({"ul", "ol"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_ANCHORS = frozenset({"p", "table"})
_MIN_ANCHOR_CHARS = 20  # a kept paragraph long enough to be recognised in the main text
_MAX_LINK_SHARE = 0.5  # above this share of link text, a list item or heading is navigation
_MAX_HEADING_CHARS = 200


def _norm(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _text(el: Any) -> str:
    return " ".join(" ".join(el.itertext()).split())


def _link_share(el: Any) -> float:
    total = len(_norm(_text(el))) or 1
    return sum(len(_norm(_text(a))) for a in el.iter("a")) / total


def _restorable(el: Any, kept: str) -> list[str]:
    """The lines a list or heading would add to the main text (none when it is there already or is links)."""
    tag = el.tag.lower()
    if tag in _LISTS:
        items = [_text(li) for li in el.iter("li") if _link_share(li) < _MAX_LINK_SHARE]
        return [f"- {t}" for t in items if len(t.split()) >= 2 and _norm(t) not in kept]
    if tag in _HEADINGS:
        t = _text(el)
        ok = t and len(t) <= _MAX_HEADING_CHARS and _link_share(el) < _MAX_LINK_SHARE and _norm(t) not in kept
        return [t] if ok else []
    return []


def _last_line(kid: Any, normed: list[str], after: int) -> int | None:
    """The index of the main text's last line that holds ``kid``'s text, searching after line ``after``."""
    whole = _norm(_text(kid))
    if not whole:
        return None
    for j in range(after + 1, len(normed)):
        if normed[j] and whole.startswith(normed[j]):
            k = j
            while k + 1 < len(normed) and normed[k + 1] and normed[k + 1] in whole:
                k += 1
            return k
    return None


def _inserts(parent: Any, kept: str, normed: list[str], into: dict[int, list[str]]) -> None:
    """Put into ``into`` (line index -> lines to add after it) the lists and headings of ``parent`` that lie
    between two of its kept paragraphs or tables, after the line of the kept sibling before them."""
    from claimgraph.sources.htmlmeta import in_chrome  # (htmlmeta imports this module)

    kids = [k for k in parent if isinstance(k.tag, str)]
    anchors = [i for i, k in enumerate(kids) if k.tag.lower() in _ANCHORS
               and len(n := _norm(_text(k))) >= _MIN_ANCHOR_CHARS and n in kept]
    if len(anchors) < 2 or in_chrome(parent):
        return
    last = _last_line(kids[anchors[0]], normed, -1)
    for i in range(anchors[0] + 1, anchors[-1]):
        if last is None:
            return
        lines = _restorable(kids[i], kept)
        if lines:
            into.setdefault(last, []).extend(lines)
            continue
        found = _last_line(kids[i], normed, last)
        last = found if found is not None else last


def restore_blocks(main: str, html: str | Any) -> str:
    """``main`` (trafilatura's text of the page ``html``) with the lists and headings among its paragraphs
    put back (see the module docstring); ``main`` unchanged when there are none or the page cannot be read.

    ``html`` is the page's markup or an already parsed lxml document.
    """
    from claimgraph.sources.htmlmeta import parse_page

    root = parse_page(html) if isinstance(html, str) else html
    if root is None or not main.strip():
        return main
    kept = _norm(main)
    lines = main.split("\n")
    normed = [_norm(line) for line in lines]
    after: dict[int, list[str]] = {}
    for parent in root.iter():
        if isinstance(parent.tag, str) and len(parent) > 2:
            _inserts(parent, kept, normed, after)
    if not after:
        return main
    out: list[str] = []
    for j, line in enumerate(lines):
        out.append(line)
        out.extend(after.get(j, ()))
    return "\n".join(out)
