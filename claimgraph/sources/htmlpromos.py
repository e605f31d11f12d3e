"""Links to other stories set inside an article's body: "READ MORE: Ashford Ales sales jump 21% to £48m",
"Also read: Keld Dairies profit doubles", "Related: ...".

Sites put such a line between the paragraphs of a story; trafilatura keeps it as a paragraph when it is not only a
link, and its headline then reads as a sentence of the story (another company's figures credited to this one).
:func:`drop_inline_promos` removes a block (paragraph, list item, ``<div>``) whose text opens on such a label and a
separator and whose rest is mostly link text, before the main text is extracted.

>>> page = ("<html><body><p>Acme said sales rose 5%.</p><p><b>Also read:</b> <a href='/x'>Brixton profit doubles"
...         "</a></p><p>Acme employs 300 people.</p></body></html>")
>>> "Brixton" in drop_inline_promos(page), "Acme employs" in drop_inline_promos(page)
(False, True)
"""

from __future__ import annotations

import re
from typing import Any

from claimgraph.sources.htmltext import lxml_parser

_LABEL = (r"(?:read\s+more|also\s+read|read\s+also|more\s+to\s+read|related(?:\s+(?:stories|articles|coverage|"
          r"content|news|reading|links?))?|see\s+also|recommended(?:\s+for\s+you)?|more\s+on\s+this(?:\s+story)?|"
          r"more\s+from\s+[^:|»]{1,40}|don[’']?t\s+miss|do\s+not\s+miss|must\s+read|further\s+reading|"
          r"you\s+may\s+also\s+like|you\s+might\s+also\s+like|also\s+on\s+[^:|»]{1,30}|watch|listen|in\s+case\s+you"
          r"\s+missed\s+it|catch\s+up|previously|latest)")
_PROMO = re.compile(rf"^\s*{_LABEL}\s*(?::|\||»|›|>>|[-–—]\s)", re.IGNORECASE)
_HINT = re.compile(rf"{_LABEL}\s*(?::|\||»|›|>>|[-–—]\s)", re.IGNORECASE)
_BLOCKS = ("p", "li", "div", "h2", "h3", "h4", "h5", "h6", "blockquote")
MAX_PROMO_CHARS = 300


def _is_promo(el: Any) -> bool:
    text = " ".join(el.text_content().split())
    m = _PROMO.match(text)
    if m is None or len(text) > MAX_PROMO_CHARS:
        return False
    rest = text[m.end():].strip()
    links = " ".join(" ".join(a.text_content().split()) for a in el.iter("a"))
    return bool(rest) and len(links) >= 0.6 * len(rest)


# a box of other stories under a heading of its own ("<section><h2>More stories</h2><article>...": a page that
# sets its teasers as articles, which trafilatura may take for the story's text)
_BOX_HEADING = re.compile(r"\s*(?:more\s+(?:stories|news|articles|headlines)|trending(?:\s+(?:now|stories|news))?|"
                          r"related(?:\s+(?:stories|articles|news|content|coverage))?|most\s+(?:read|popular|viewed)|"
                          r"popular(?:\s+now)?|recommended(?:\s+for\s+you)?|more\s+from\s+[^<>]{1,40}|"
                          r"top\s+stories|read\s+next|you\s+may\s+also\s+like|you\s+might\s+also\s+like)\s*",
                          re.IGNORECASE)
_BOX_HINT = re.compile(r"<h[2-6][^>]*>\s*(?:more|trending|related|most|popular|recommended|top\s+stories|read\s+next|"
                       r"you\s+m)", re.IGNORECASE)
_BOXES = ("section", "aside", "div", "nav", "ul")


def _is_box(el: Any) -> bool:
    first = next((c for c in el.iterchildren() if isinstance(c.tag, str)), None)
    return first is not None and first.tag in ("h2", "h3", "h4", "h5", "h6") \
        and _BOX_HEADING.fullmatch(" ".join(first.text_content().split())) is not None \
        and not any(True for _ in el.iter("h1"))


def drop_inline_promos(html: str) -> str:
    """``html`` without its in-text links to other stories and its boxes of other stories (see the module), or
    ``html`` itself when it has none or cannot be parsed.

    >>> page = ("<html><body><main><h1>Kessler to buy Marigold</h1><p>Kessler Foods said it would buy Marigold.</p>"
    ...         "</main><section><h2>More stories</h2><article><h3>Pellman revenue rises 11%</h3></article></section>"
    ...         "</body></html>")
    >>> "Pellman" in drop_inline_promos(page), "Kessler Foods said" in drop_inline_promos(page)
    (False, True)
    """
    boxes = _BOX_HINT.search(html) is not None
    if _HINT.search(html) is None and not boxes:
        return html
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html, parser=lxml_parser())
        promos = [el for el in root.iter(*_BLOCKS) if _is_promo(el)]
        if boxes:
            promos += [el for el in root.iter(*_BOXES) if _is_box(el)]
        promos = [el for el in promos if not any(a in promos for a in el.iterancestors())]
        if not promos:
            return html
        for el in promos:
            if el.getparent() is not None:
                el.drop_tree()
        return str(lxml.html.tostring(root, encoding="unicode"))
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return html
