"""HTML turned into the text a reader sees, for HTML inside Markdown, text and JSON bodies.

Markdown allows raw HTML, scrapers save text full of ``<span id="midArticle_0"/>``, and JSON exports keep the
article body as markup. :func:`reader_text` parses the markup with lxml and writes what a browser would show:
paragraphs and headings separated by blank lines, ``<br>`` as a line break, list items and table rows on their
own lines, scripts, styles, hidden elements and comments removed, and entities decoded. Markdown text between
tags keeps its own line breaks. Claims are then extracted from that text, so a quote is an exact slice of it.

>>> reader_text("Intro line\\n\\n<p>Revenue rose\\n12% to <b>$5&nbsp;billion</b>.</p><script>x()</script>")
'Intro line\\n\\nRevenue rose 12% to $5\\xa0billion.'
"""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from typing import Any

_TAGS = (
    "a|abbr|address|article|aside|audio|b|bdi|bdo|blockquote|body|br|button|canvas|caption|center|cite|code|col|"
    "colgroup|dd|del|details|dfn|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|h[1-6]|head|"
    "header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|p|picture|"
    "pre|q|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|"
    "td|template|textarea|tfoot|th|thead|time|title|tr|tt|u|ul|var|video|wbr"
)
_MARKUP = re.compile(rf"</?(?:{_TAGS})(?:\s[^<>]*)?/?>|<!--|&(?:#\d{{1,7}}|#x[0-9a-f]{{1,6}}|[a-z][a-z0-9]{{1,31}});",
                     re.IGNORECASE)
_FULL_PAGE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                        re.IGNORECASE | re.DOTALL)

BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
    "thead", "tr", "ul"
})
_LINES = frozenset({"li", "dt", "dd", "tr", "caption", "summary"})
_CELLS = frozenset({"td", "th"})
SKIP = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select",
    "textarea", "head", "title", "audio", "video", "button", "input", "datalist", "option", "map", "area", "source",
    "track"
})
_WS = re.compile(r"[ \t\n\r\f]+")
_HWS = re.compile(r"[ \t\r\f]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def has_markup(text: str) -> bool:
    """True when ``text`` holds HTML tags, comments or entities.

    >>> has_markup("Sales rose <5% & margins > 30%"), has_markup("Sales <span id='x'/>rose")
    (False, True)
    """
    for lead in "<&":  # every match starts with one of these: tried only where one stands (a faster scan)
        at = text.find(lead)
        while at != -1:
            if _MARKUP.match(text, at) is not None:
                return True
            at = text.find(lead, at + 1)
    return False


def is_full_page(text: str) -> bool:
    """True when ``text`` is a whole HTML document (doctype or ``<html>`` first), not a fragment.

    >>> is_full_page("<!DOCTYPE html><html><body>x</body></html>"), is_full_page("<p>x</p>")
    (True, False)
    """
    return _FULL_PAGE.match(text) is not None


def parse_fragment(markup: str) -> Any:
    """Parse a fragment (or a page) into one lxml element; ``None`` when lxml cannot parse it."""
    import lxml.html

    cleaned = _CONTROL.sub(" ", markup)
    cleaned = re.sub(r"\A\s*<\?xml[^>]*>", "", cleaned)
    if not cleaned.strip():
        return None
    try:
        return lxml.html.fragment_fromstring(cleaned, create_parent="div")
    except Exception:  # lxml raises ParserError, ValueError ... on odd input; the caller falls back
        return None


def reader_text(markup: str, *, keep_newlines: bool = True) -> str:
    """The text a reader sees in ``markup`` (see the module docstring).

    ``keep_newlines`` keeps the line breaks of the text outside any element (Markdown between tags); inside
    elements, whitespace collapses as a browser collapses it.

    >>> reader_text("<ul><li>One</li><li>Two &amp; three</li></ul><p hidden>secret</p>", keep_newlines=False)
    'One\\nTwo & three'
    """
    root = parse_fragment(markup)
    if root is None:
        return _fallback(markup)
    return element_text(root, keep_newlines=keep_newlines)


def element_text(root: Any, *, keep_newlines: bool = False) -> str:
    """The visible text of an lxml element and its descendants, with paragraph and line breaks."""
    out: list[str] = []
    # An explicit stack instead of recursion: deeply nested markup must not hit the recursion limit.
    stack: list[tuple[Any, bool, bool]] = [(root, True, False)]
    while stack:
        el, entering, pre = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        top = el is root
        if entering:
            if not tag or tag in SKIP or _hidden(el):
                _tail(out, el, root, pre, keep_newlines)
                continue
            in_pre = pre or tag == "pre"
            _open(out, tag)
            if el.text:
                _emit(out, el.text, in_pre, keep_newlines and top)
            stack.append((el, False, pre))
            stack.extend((child, True, in_pre) for child in reversed(el))
        else:
            if not top:
                _close(out, tag)
                _tail(out, el, root, pre, keep_newlines)
    return _tidy("".join(out))


def _hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _open(out: list[str], tag: str) -> None:
    if tag == "br":
        out.append("\n")
    else:
        _close(out, tag)


def _close(out: list[str], tag: str) -> None:
    if tag in _LINES:
        _break(out, 1)
    elif tag in BLOCKS:
        _break(out, 2)
    elif tag in _CELLS:
        out.append(" ")


def _break(out: list[str], n: int) -> None:
    """End the output with at least ``n`` line breaks (``<br>`` adds its own on top)."""
    have = 0
    for piece in reversed(out):
        stripped = piece.rstrip(" ")
        if not stripped:
            continue
        have += len(stripped) - len(stripped.rstrip("\n"))
        if stripped.strip("\n"):
            break
    if have < n:
        out.append("\n" * (n - have))


def _tail(out: list[str], el: Any, root: Any, pre: bool, keep_newlines: bool) -> None:
    if el is not root and el.tail:
        _emit(out, el.tail, pre, keep_newlines and el.getparent() is root)


def _emit(out: list[str], text: str, pre: bool, keep_newlines: bool) -> None:
    if pre:
        out.append(text.replace("\r\n", "\n"))
    elif keep_newlines:
        out.append(_HWS.sub(" ", text.replace("\r\n", "\n")))
    else:
        out.append(_WS.sub(" ", text))


def _tidy(text: str) -> str:
    lines = [line.strip(" ") for line in text.split("\n")]
    joined = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", joined).strip("\n ")


def _fallback(markup: str) -> str:
    """Tags removed by pattern and entities decoded, for markup that lxml refuses."""
    text = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", markup)
    text = re.sub(r"(?s)<!--.*?-->", " ", text)
    text = re.sub(r"(?i)<br\s*/?>", "\n", text)
    text = re.sub(r"(?i)</?(?:p|div|h[1-6]|li|tr|section|article|blockquote)\b[^>]*>", "\n\n", text)
    text = re.sub(r"<[^<>]*>", "", text)
    text = _CONTROL.sub(" ", htmllib.unescape(text))
    return _tidy(_HWS.sub(" ", text))


def strip_accents(text: str) -> str:
    """``text`` without combining accents (for comparisons only).

    >>> strip_accents("Élysée")
    'Elysee'
    """
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
