"""Page metadata from HTML: title, authors, publisher, first-publication date, canonical URL, language.

Each field is chosen from candidates gathered from every place a page states it, most explicit first:

1. JSON-LD (``NewsArticle``, ``Article``, ``ReportageNewsArticle``, ``BlogPosting`` … at the top level, in
   lists or in ``@graph``; ``@id`` references are followed);
2. OpenGraph, Twitter, Dublin Core and other ``<meta>`` tags (and microdata ``itemprop``);
3. what the page shows: the ``<h1>`` and other headings, the visible byline (elements marked as byline or
   author, else a "By …" line under the headline), ``<time>`` elements and the dateline under the headline,
   the ``<title>``'s segments, and last the copyright holder.

Candidates are cleaned (site names and sections cut from titles, bylines reduced to names by
:mod:`~claimgraph.sources.bylines`, taglines cut from site names) and compared: a title is checked against the
page's headings, a date written in UTC is moved to the page's own day when the page shows it, and a publisher
name that several sources agree on wins over a brand code. :func:`main_text` gives the article text
(trafilatura, with the page's own visible text as a fallback for very short pages).

>>> page = page_metadata('''<html lang="en"><head><title>Acme beats forecasts | Daily Planet</title>
... <meta property="og:site_name" content="Daily Planet"><link rel="canonical" href="/2025/acme">
... <meta property="og:url" content="https://planet.test/2025/acme?ref=x">
... <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "Acme beats forecasts",
...   "datePublished": "2025-11-12T23:30:00-05:00", "dateModified": "2025-11-14T08:00:00Z",
...   "author": [{"@type": "Person", "name": "By JANE DOE"}, {"@id": "#org"}]},
...   {"@id": "#org", "@type": "Organization", "name": "Daily Planet"}]}</script></head>
... <body><h1>Acme beats forecasts</h1></body></html>''')
>>> page.title, [a.name for a in page.authors], page.publisher, page.published.isoformat(), page.url
('Acme beats forecasts', ['Jane Doe'], 'Daily Planet', '2025-11-12', 'https://planet.test/2025/acme')
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from claimgraph.errors import InputError
from claimgraph.sources.bylines import LEAD_AFTER_DATE, NEWS_AGENCY, authors_from, is_job_title, same_name, split_byline
from claimgraph.sources.htmlblocks import restore_blocks
from claimgraph.sources.htmllayout import unwrap_layout_tables
from claimgraph.sources.htmlpromos import drop_inline_promos
from claimgraph.sources.htmltext import element_text, lxml_parser, shallow
from claimgraph.sources.language import text_units
from claimgraph.sources.metadata import find_date, parse_date
from claimgraph.sources.model import Author, AuthorKind
from claimgraph.sources.releases import release_issuer

MIN_MAIN_WORDS = 15  # below this, trafilatura's text is checked against the page's own visible text

ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "liveblogposting",
    "socialmediaposting", "techarticle", "scholarlyarticle", "report", "satiricalarticle", "advertisercontentarticle",
    "medicalscholarlyarticle", "discussionforumposting", "posting",
})
_PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "profilepage", "aboutpage", "review"})


@dataclass
class PageMeta:
    """What a page says about itself; ``None`` (or empty) where it says nothing usable."""

    title: str | None = None
    authors: list[Author] = field(default_factory=list)
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None
    keywords: list[str] = field(default_factory=list)


# --- parsing -----------------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def parse_page(html: str) -> Any:
    """The page as an lxml document, or ``None`` when lxml cannot read it."""
    import lxml.html

    cleaned = _CONTROL.sub(" ", shallow(html))
    cleaned = re.sub(r"\A\s*<\?xml[^>]*>", "", cleaned)
    if not cleaned.strip():
        return None
    try:
        return lxml.html.document_fromstring(cleaned, parser=lxml_parser())
    except Exception:  # lxml raises ParserError, ValueError ... on odd input; the page then has no metadata
        return None


def _squash(text: str) -> str:
    """Runs of ASCII white space as one space (an ideographic space, which separates CJK title parts, stays)."""
    return re.sub(r"[ \t\r\n\f\v\u00a0]+", " ", text).strip()


def _text(value: object) -> str:
    return " ".join(htmllib.unescape(str(value)).split()) if value is not None else ""


@dataclass
class _Page:
    """Everything the field choosers read, gathered once."""

    root: Any
    metas: dict[str, list[str]]
    ld: list[dict[str, Any]]
    ld_index: dict[str, dict[str, Any]]
    article: dict[str, Any] | None
    headings: list[_Heading]
    host: str | None = None
    lines: list[str] | None = None  # the page's visible text lines, computed when first needed
    day_first: bool | None = None  # whether its numeric dates put the day first, computed when first needed


def _meta_tags(root: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        content = el.get("content")
        if content is None:
            content = el.get("value")
        value = _text(content)
        if not value:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            for key in (el.get(attr) or "").split():
                out.setdefault(key.lower(), []).append(value)
    return out


def _metas(page: _Page, *keys: str) -> list[str]:
    return [v for k in keys for v in page.metas.get(k, [])]


def _json_ld(root: Any) -> list[Any]:
    out = []
    for el in root.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (el.text or "").strip()
        raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", raw).strip()
        raw = re.sub(r"^<!--|-->$", "", raw).strip().rstrip(";")
        if not raw:
            continue
        try:
            out.append(json.loads(raw, strict=False))
        except ValueError:
            try:
                out.append(json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False))
            except ValueError:
                continue
    return out


def _ld_nodes(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_nodes(item, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data or "@id" in data:
            yield data
        for key in ("@graph", "mainEntity", "itemReviewed"):
            if isinstance(data.get(key), list | dict):
                yield from _ld_nodes(data[key], depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).rsplit("/", 1)[-1].lower() for x in items if x}


def _gather(html: str) -> _Page | None:
    root = parse_page(html)
    if root is None:
        return None
    nodes = [n for blob in _json_ld(root) for n in _ld_nodes(blob)]
    index = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    headings = _headings(root)
    page = _Page(root, _meta_tags(root), nodes, index, None, headings)
    page.article = _article_node(page)
    return page


def _article_node(page: _Page) -> dict[str, Any] | None:
    articles = [n for n in page.ld if _types(n) & ARTICLE_TYPES]
    if not articles:
        articles = [n for n in page.ld if _types(n) & _PAGE_TYPES and (n.get("headline") or n.get("author"))]
    if not articles:
        return None
    titles = [_norm(h.text) for h in page.headings[:6]] + [_norm(t) for t in _metas(page, "og:title", "twitter:title")]

    def rank(node: dict[str, Any]) -> tuple[int, int]:
        headline = _norm(_ld_text(node.get("headline") or node.get("name")))
        matches = bool(headline) and any(headline == t or (t and headline in t) for t in titles)
        fields = sum(1 for k in ("headline", "author", "datePublished", "publisher") if node.get(k))
        return (int(matches), fields)

    return max(articles, key=rank)  # max() keeps the first of equals: the page's own order


def _ld_text(value: Any) -> str:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("headline")
    return _text(value) if isinstance(value, str | int | float) else ""


def _ld_ref(value: Any, index: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and str(value.get("@id")) in index:
        return index[str(value["@id"])]
    if isinstance(value, str) and value in index:
        return index[value]
    return value


# --- headings and the title --------------------------------------------------------------------------------

# (an underscore between words of a script without spaces, or spaced, as Chinese portals set "标题_网站名")
_SEPARATORS = re.compile(r"\s+[|»·•/\\~@]{1,2}\s+|\s+[-–—]{1,2}\s+|\s*\|\s*|\s+::\s+|\s*::\s*$|"
                         r"(?<=[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])_(?=[^\x00-\x7f])|\s+_\s+")
_STRONG_SEP = re.compile(r"\s*[|·•]\s*|\s+[»@]\s+|\s*::\s*")
_BRACKETED = re.compile(r"\s*(?:\[[^\[\]]{1,60}\]|＜[^＜＞]{1,60}＞|【[^【】]{1,60}】|〔[^〔〕]{1,60}〕)\s*$")
_LEGAL = re.compile(r",?\s+\b(?:inc|llc|ltd|plc|gmbh|s\.?a|corp|co)\b\.?$", re.IGNORECASE)


def _norm(text: str) -> str:
    """Text for comparisons: NFKC, case-folded, quotes and dashes unified, punctuation and spaces dropped."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "", text)


@dataclass(frozen=True)
class _Heading:
    text: str
    h1: bool
    font: bool = False  # a large <font>, the headline of a page made before CSS


def _headings(root: Any) -> list[_Heading]:
    """Headline-like elements in page order: ``<h1>``, ``<h2>`` and elements marked as the headline or title."""
    found: list[_Heading] = []
    xpath = ("//h1 | //h2 | //*[@itemprop='headline'] | //*[self::h3 or self::div or self::span or self::p]"
             "[contains(concat(' ', normalize-space(@class), ' '), ' title ') or contains(@class, 'headline') "
             "or contains(@class, 'entry-title') or contains(@class, 'post-title') "
             "or contains(@class, 'article-title') or contains(@class, 'title-heading')]")
    try:
        elements = root.xpath(xpath)
    except Exception:
        return found
    for el in elements[:60]:
        if in_chrome(el, strict=False):
            continue
        bare = _without_kicker(el)
        for text in (bare, _clean_heading(element_text(el))):
            if text and len(text) <= 300 and all(h.text != text for h in found):
                found.append(_Heading(text, el.tag == "h1"))
    for text in _font_headings(root):
        if all(h.text != text for h in found):
            found.append(_Heading(text, False, font=True))
    return found


def _label_like(text: str) -> bool:
    """A section banner rather than a headline: three words or fewer, each capitalised ("Business News")."""
    words = text.split()
    return len(words) <= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _font_size(size: str) -> int:
    """A ``<font size>`` on the absolute scale 1 to 7 ("+2" is 5: the default size is 3); 0 when unreadable."""
    m = re.fullmatch(r"\s*([+-]?)(\d)\s*", size or "")
    if m is None:
        return 0
    n = int(m.group(2))
    return 3 + n if m.group(1) == "+" else (3 - n if m.group(1) == "-" else n)


def _without_smaller_fonts(el: Any, size: int) -> str:
    """The text of a ``<font>`` without the smaller fonts inside it (a headline's subtitle set in its own size)."""
    import copy

    smaller = [f for f in el.iter("font") if f is not el and 0 < _font_size(f.get("size") or "") < size]
    if not smaller:
        return element_text(el)
    bare = copy.deepcopy(el)
    for f in list(bare.iter("font")):
        if f is not bare and 0 < _font_size(f.get("size") or "") < size and f.getparent() is not None:
            f.drop_tree()
    return element_text(bare)


def _font_headings(root: Any) -> list[str]:
    """Headlines of pages made before CSS, set in a large ``<font>`` (``size`` 4 to 7, or ``+1`` and up) rather than
    a heading element: short lines of three to thirty words, outside navigation, in page order."""
    out: list[str] = []
    for el in root.iter("font"):
        size = (el.get("size") or "").strip()
        if _font_size(size) < 4:
            continue
        text = _clean_heading(_without_smaller_fonts(el, _font_size(size)))
        if text and 2 <= len(text.split()) <= 30 and len(text) <= 200 and not in_chrome(el, strict=False):
            out.append(text)
        if len(out) >= 5:
            break
    return out


_KICKER = re.compile(r"kicker|eyebrow|overline|flag|label|category|rubric|dachzeile|topline|section-name|tag\b",
                     re.IGNORECASE)


def _without_kicker(el: Any) -> str:
    """A heading's text without the label set in it before the headline (``<h1><span class="kicker">Transport
    </span> Ferry fares rise</h1>``), or "" when it holds none."""
    import copy

    kickers = [c for c in el.iter() if c is not el and isinstance(c.tag, str) and _KICKER.search(c.get("class") or "")]
    if not kickers:
        return ""
    bare = copy.deepcopy(el)
    for c in list(bare.iter()):
        if c is not bare and isinstance(c.tag, str) and _KICKER.search(c.get("class") or "") and c.getparent() is not None:
            c.drop_tree()
    return _clean_heading(element_text(bare))


def _clean_heading(text: str) -> str:
    if len(text) >= 400:
        return ""
    text = " ".join(text.split())
    return re.sub(r"^[#¶]\s+|\s*[#¶]$|\[edit\]$", "", text).strip()


_CHROME_WORDS = re.compile(
    r"(?:^|[-_\s])(?:comments?|sidebar|related|footer|menu|nav|navbar|navigation|promo|newsletter|share|sharing|"
    r"social|widget|popular|trending|recirc|breadcrumbs?|masthead|site-header|toolbar|cookie)(?:$|[-_\s\d])",
    re.IGNORECASE)


def in_chrome(el: Any, *, strict: bool = True) -> bool:
    """True inside navigation, menus, comments and sidebars; when ``strict``, also in the page's footer and
    asides (an aside or footer inside the ``<article>`` holds the article's own byline and date)."""
    tags = {"nav", "footer", "aside", "form", "menu"} if strict else {"nav", "form", "menu"}
    ancestors = list(el.iterancestors())
    in_article = any(isinstance(a.tag, str) and a.tag.lower() == "article" for a in ancestors)
    for anc in ancestors:
        tag = anc.tag.lower() if isinstance(anc.tag, str) else ""
        if tag in tags and not (in_article and tag in {"aside", "footer"}):
            return True
        if tag in {"body", "html", "main", "article"}:
            continue
        label = " ".join(filter(None, (anc.get("class"), anc.get("id"), anc.get("role"))))
        if label and _CHROME_WORDS.search(label):
            return True
    return False


def _site_names(page: _Page) -> list[str]:
    names = _metas(page, "og:site_name", "application-name", "publisher", "dc.publisher", "dcterms.publisher",
                   "al:ios:app_name", "apple-mobile-web-app-title", "twitter:app:name:iphone")
    for node in page.ld:
        if _types(node) & {"website", "organization", "newsmediaorganization"}:
            names.append(_ld_text(node.get("name")))
    if page.article is not None:
        names.append(_ld_text(_ld_ref(page.article.get("publisher"), page.ld_index)))
    for handle in _metas(page, "twitter:site"):
        names.append(handle.lstrip("@"))
    if page.host:
        names.append(host_label(page.host))
    out = []
    for name in names:
        for part in [name, *(_STRONG_SEP.split(name) if name else [])]:
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def host_label(host: str) -> str:
    """The registrable name of a host: ``www.nytimes.com`` → ``nytimes``, ``news.bbc.co.uk`` → ``bbc``.

    >>> host_label("en.wikipedia.org"), host_label("news.bbc.co.uk")
    ('wikipedia', 'bbc')
    """
    labels = [x for x in host.lower().strip(".").split(".") if x]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in {"co", "com", "org", "net", "ac", "gov", "ne",
                                                                      "or", "go"}:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")


def abbreviates(label: str, name: str) -> bool:
    """True when ``label`` (a host or handle) is built from the starts of the words of ``name``, in order.

    >>> abbreviates("nytimes", "The New York Times"), abbreviates("wsj", "The Wall Street Journal")
    (True, True)
    >>> abbreviates("cnn", "Can Nations Negotiate Now")
    False
    """
    words = [w for w in re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", name).casefold()) if w != "the"]
    label = _norm(label)
    if not label or not words or len(words) > 6:
        return False
    if len(label) <= 3 and len(words) != len(label):
        return False

    def fit(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(label)
        if i == len(label):
            return all(w in {"of", "and", "for", "de", "la", "le", "du"} for w in words[j:])
        word = words[j]
        for k in range(min(len(word), len(label) - i), 0, -1):
            if label[i:i + k] == word[:k] and fit(i + k, j + 1):
                return True
        return word in {"of", "and", "for", "de", "la", "le", "du"} and fit(i, j + 1)

    return fit(0, 0)


def _is_site(segment: str, sites: list[str]) -> bool:
    seg = _site_key(segment)
    if not seg:
        return False
    for site in sites:
        key = _site_key(site)
        if not key:
            continue
        if seg == key or (len(seg) >= 4 and key.startswith(seg)) or (
                len(key) >= 4 and seg.startswith(key) and len(segment.split()) <= 4):
            return True
        if " " not in site.strip() and len(segment.split()) >= 2 and abbreviates(key, segment):
            return True
    return False


def _site_key(name: str) -> str:
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name.strip().lower())
    name = re.sub(r"\.(?:com|net|org|co|io|fr|de|jp|cn|tw|uk|es|it|info|news)(?:\.[a-z]{2})?\b", "", name)
    return _norm(re.sub(r"^the\s+", "", name))


def clean_title(title: str, sites: list[str]) -> tuple[str, list[str]]:
    """A title without the site name, section and tagline around it; also the segments cut off.

    >>> clean_title("Acme beats forecasts » Markets » Daily Planet", ["Daily Planet"])
    ('Acme beats forecasts', ['Markets', 'Daily Planet'])
    >>> clean_title("Friday Facts #282 - 0.17 in sight | Factorio", ["Factorio.com"])
    ('Friday Facts #282 - 0.17 in sight', ['Factorio'])
    >>> clean_title("Daily Planet: Acme beats forecasts", ["dailyplanet"])
    ('Acme beats forecasts', ['Daily Planet'])
    """
    title = _squash(title)
    cut: list[str] = []
    m = _BRACKETED.search(title)
    if m and m.start() > 0:
        cut.append(m.group(0).strip(" \u3000[]＜＞【】〔〕"))
        title = title[:m.start()]
    lead = re.match(r"^([^:]{2,40}?):\s+(\S.*)$", title)
    if lead and _is_site(lead.group(1), sites):
        cut.append(lead.group(1))
        title = lead.group(2)
    parts = _split_keep(title)
    # parts alternate: segment, separator, segment, ...
    while len(parts) >= 3 and _is_site(parts[-1], sites):
        cut.insert(0, parts[-1])
        parts = parts[:-2]
    while len(parts) >= 3 and _is_site(parts[0], sites):
        cut.insert(0, parts[0])
        parts = parts[2:]
    strong = [i for i in range(1, len(parts), 2) if _STRONG_SEP.fullmatch(parts[i])]
    if strong and len(" ".join(parts[:strong[0]]).split()) >= 3:
        cut = [p for p in parts[strong[0] + 1::2] if p.strip()] + cut
        parts = parts[:strong[0]]
    elif not cut and len(parts) == 3 and re.fullmatch(r"\s+[-–—]\s+", parts[1]):
        head, tail = parts[0], parts[2]
        if (len(tail.split()) <= 3 and not re.search(r"\d", tail) and len(head.split()) >= 2 * len(tail.split())
                and len(head.split()) >= 4):
            cut.insert(0, tail)
            parts = [head]
    return "".join(parts).strip(" -–—|:·»@"), cut


def _split_keep(title: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for m in _SEPARATORS.finditer(title):
        out += [title[pos:m.start()], m.group(0)]
        pos = m.end()
    out.append(title[pos:])
    return out


def _segments(title: str) -> list[str]:
    return [s.strip() for s in _split_keep(" ".join(title.split()))[::2] if s.strip()]


def _heading_match(heading: str, title: str) -> int:
    """3 when a heading is the title, 2 when it starts it (or is its first segment), 1 when it ends it."""
    key, other = _norm(heading), _norm(title)
    if not key or not other:
        return 0
    if key == other:
        return 3
    segments = _segments(title)
    if len(segments) > 1 and _norm(segments[0]) == key:
        return 2
    if len(key) >= 8 and len(key) * 2 >= len(other):
        if other.startswith(key):
            return 2
        if other.endswith(key):
            return 1
    if len(other) >= 20 and len(other) * 5 >= len(key) * 3 and key.startswith(other):
        return 2  # the declared title is the headline cut short
    return 0


def _beyond(title: str, declared: list[str]) -> list[str]:
    """The segments that declared titles add after (or before) the headline: site name, section, tagline."""
    key = _norm(title)
    for raw in reversed(declared):  # the <title> element comes last and most often carries the site name
        segments = _segments(raw)
        if len(segments) < 2:
            continue
        if _norm(segments[0]) == key or _norm(" ".join(segments[:-1])) == key:
            return segments[1:] if _norm(segments[0]) == key else segments[-1:]
        if _norm(segments[-1]) == key:
            return segments[:-1]
    return []


def _choose_title(page: _Page, sites: list[str]) -> tuple[str | None, list[str]]:
    declared: list[tuple[str, float]] = []
    if page.article is not None:
        declared.append((_ld_text(page.article.get("headline")), 4.0))
        declared.append((_ld_text(page.article.get("name")), 2.0))
    for key, weight in (("og:title", 3.0), ("twitter:title", 2.5), ("dc.title", 2.0), ("dcterms.title", 2.0),
                        ("dc:title", 2.0), ("headline", 2.0), ("title", 1.5), ("sailthru.title", 1.5),
                        ("parsely-title", 1.5)):
        declared += [(v, weight) for v in _metas(page, key)]
    title_el = page.root.find(".//title")
    element_title = _squash(title_el.text_content()) if title_el is not None else ""
    if element_title:
        declared.append((element_title, 1.0))
    cleaned: list[tuple[str, float, list[str]]] = []
    for value, weight in declared:
        if value and not _is_site(value, sites):
            text, cut = clean_title(value, sites)
            if text:
                cleaned.append((text, weight, cut))
    headings = [h for h in page.headings if not _is_site(h.text, sites)]
    # A heading that a declared title agrees with is the headline as the page shows it.
    best: tuple[tuple[int, int, int, float], str, list[str]] | None = None
    for n, heading in enumerate(headings):
        for text, weight, cut in cleaned:
            level = _heading_match(heading.text, text)
            if not level:
                continue
            rest = [s for s in _segments(text) if _norm(s) != _norm(heading.text)] if level == 2 else []
            rank = (level, int(heading.h1), -n, weight)
            if best is None or rank > best[0]:
                best = (rank, heading.text, (rest + cut) if len(_segments(text)) > 1 and level == 2 else cut)
    if best is not None:
        return best[1], best[2] or _beyond(best[1], [v for v, _ in declared])
    if cleaned and all(w <= 1.0 for _, w, _ in cleaned):
        h1s = [h for h in headings if h.h1]
        if len(h1s) >= 1:
            return h1s[0].text, cleaned[0][2]  # only the <title> declares one; the page's <h1> is the headline
        names = [*sites, *_home_logo_names(page), *_copyright_holders(page)]
        fonts = [h for h in headings if h.font and not _is_site(h.text, names) and not _label_like(h.text)]
        if fonts:  # a page made before CSS: its large font line is the headline the page shows
            # ("Prairie Star Online: Business": the site's name before a colon, then its section)
            parts = [p for s in _segments(element_title) for p in re.split(r"\s*:\s+", s)]
            return fonts[0].text, [p for p in parts if _is_site(p, names)]
    if cleaned:
        scores: dict[str, float] = {}
        for text, weight, _ in cleaned:
            scores[_norm(text)] = scores.get(_norm(text), 0.0) + weight
        top = max(cleaned, key=lambda c: (scores[_norm(c[0])], c[1]))
        return top[0], top[2]
    h1s = [h for h in headings if h.h1]
    return (h1s[0].text if h1s else None), []


# --- authors -----------------------------------------------------------------------------------------------

_BYLINE_XPATH = (
    "//*[contains(concat(' ', @rel, ' '), ' author ') or contains(@itemprop, 'author') "
    "or contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'byline') "
    "or contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'author') "
    "or contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'autor') "
    "or contains(@class, 'by-line') or contains(@id, 'byline') or contains(@class, 'writer') "
    "or contains(@class, 'contributor') or (self::a and (contains(@href, '/author/') or contains(@href, '/authors/')))]")


def _ld_authors(page: _Page) -> list[Author]:
    if page.article is None:
        return []
    raw = page.article.get("author") or page.article.get("creator")
    items = raw if isinstance(raw, list) else [raw]
    out: list[Author] = []
    for item in items:
        item = _ld_ref(item, page.ld_index)
        if isinstance(item, str):
            if not re.match(r"^(?:https?:)?//", item):
                out.append(Author(_text(item)))
            continue
        if not isinstance(item, dict):
            continue
        raw_names = item.get("name")
        names = [_ld_text(n) for n in raw_names] if isinstance(raw_names, list) else [_ld_text(raw_names)]
        if not any(names) and (item.get("givenName") or item.get("familyName")):
            names = [f"{_ld_text(item.get('givenName'))} {_ld_text(item.get('familyName'))}".strip()]
        kind = AuthorKind.ORGANIZATION if _types(item) & {"organization", "newsmediaorganization",
                                                          "corporation"} else AuthorKind.PERSON
        out += [Author(name, kind) for name in names if name]  # "name": ["Jane Doe", "John Roe"] is two people
    return out


_AUTHOR_KEYS = ("author", "article:author", "byl", "dc.creator", "dc:creator", "dcterms.creator", "sailthru.author",
                "parsely-author", "citation_author", "article_author", "author_name", "authors", "creator")


def _meta_authors(page: _Page) -> list[str]:
    """The author tags of the most explicit kind present (several tags of one kind are several authors)."""
    for key in _AUTHOR_KEYS:
        values = []
        for v in _metas(page, key):
            if re.match(r"^(?:https?:)?//|^www\.", v) or v.startswith("@") or re.search(r"\bversion\b", v, re.I):
                continue
            if v not in values:
                values.append(v)
        if values:
            return values
    for n in range(1, 5):  # Slack's unfurl pair that blogging engines fill: label "Written by", data the name
        if any(re.fullmatch(r"\s*(?:written\s+by|authors?|by)\s*:?\s*", v, re.IGNORECASE)
               for v in _metas(page, f"twitter:label{n}")):
            return _metas(page, f"twitter:data{n}")[:1]
    return []


def _visible_authors(page: _Page) -> list[str]:
    try:
        elements = page.root.xpath(_BYLINE_XPATH)
    except Exception:
        return []
    found: list[str] = []
    for el in elements:
        if not isinstance(el.tag, str) or el.tag.lower() in {"meta", "link", "img", "script", "style", "body",
                                                             "article", "html", "section", "main"}:
            continue
        if in_chrome(el):
            continue
        text = element_text(el)
        if not text and "author" in (el.get("itemprop") or ""):  # microdata that states the name in a <meta>
            text = "; ".join(m.get("content") or "" for m in el.xpath(".//meta[@itemprop='name']"))
        if not text or len(text) > 160 or ("\n\n" in text and not _name_then_title(text)):
            continue
        names = split_byline(text.split("\n")[0])
        if names:
            found.append("; ".join(names))
        if len(found) >= 6:
            break
    return found


def _creator_name(page: _Page, publisher: str | None) -> list[Author]:
    """Last resort: ``twitter:creator`` written as a name rather than a handle (no "@"), and not the site's name."""
    values = [v for v in _metas(page, "twitter:creator") if not v.lstrip().startswith("@")
              and not re.match(r"^(?:https?:)?//|^www\.", v)]
    found = authors_from(values[:1], publisher=publisher)
    return [a for a in found if a.kind is AuthorKind.PERSON and not (publisher and same_name(a.name, publisher))]


def _name_then_title(text: str) -> bool:
    """A byline box set in blocks: the name, then only a job title or a date ("Jane Doe" / "Business Editor")."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    return 2 <= len(lines) <= 3 and all(is_job_title(x) or find_date(x) is not None for x in lines[1:])


def _choose_authors(page: _Page, publisher: str | None, title: str | None = None) -> list[Author]:
    """JSON-LD, then author tags, then the visible byline; a source that credits only organisations gives way
    to a later one that credits people, and the publisher is an author only when the visible byline says so."""
    ld = authors_from(_ld_authors(page), publisher=publisher)
    meta = authors_from(_meta_authors(page), publisher=publisher)
    visible_lists = [authors_from([v], publisher=publisher) for v in _visible_authors(page)]
    visible = next((v for v in visible_lists if v), [])
    if not visible:
        visible = authors_from(_byline_near_headline(page, title), publisher=publisher)
    sources = [x for x in (ld, meta, visible) if x]
    if not sources:
        return _creator_name(page, publisher) or _issuer(page)
    chosen = sources[0]
    if all(a.kind is AuthorKind.ORGANIZATION for a in chosen):
        people = next((x for x in sources[1:] if any(a.kind is AuthorKind.PERSON for a in x)), None)
        if people is not None:
            return people  # the tag names the outlet; the page credits people
    fuller = next((x for x in sources[1:] if _credits_more(x, chosen)), None)
    if fuller is not None:
        chosen = fuller  # the tags name the first author only; the byline the page shows names them all
    if publisher:
        shown = {_norm(a.name) for a in visible}
        chosen = [a for a in chosen if a.kind is not AuthorKind.ORGANIZATION or not same_name(a.name, publisher)
                  or _norm(a.name) in shown]
    return chosen


def _issuer(page: _Page) -> list[Author]:
    """A wire release's issuer (:func:`~claimgraph.sources.releases.release_issuer`) when nothing credits anyone."""
    body = page.root.find(".//body")
    issuer = release_issuer(element_text(body if body is not None else page.root, keep_newlines=True))
    return [Author(issuer, AuthorKind.ORGANIZATION)] if issuer else []


def _credits_more(fuller: list[Author], chosen: list[Author]) -> bool:
    """``fuller`` names every person ``chosen`` names, in the same order, and more people besides, each written
    as a full name (a lone word beside full names, "Jane Doe | Quillpost", is more often an outlet or a handle)."""
    people = [a for a in fuller if a.kind is AuthorKind.PERSON]
    if len(people) <= len(chosen) or len(people) != len(fuller) or not all(a.kind is AuthorKind.PERSON
                                                                           for a in chosen):
        return False
    at = [next((n for n, p in enumerate(people) if same_name(p.name, a.name)), -1) for a in chosen]
    extra = [p for n, p in enumerate(people) if n not in at]
    return -1 not in at and at == sorted(at) and all(_full_name(p.name) for p in extra)


def _full_name(name: str) -> bool:
    return len(name.split()) >= 2 or re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", name) is not None


# --- publisher ---------------------------------------------------------------------------------------------

def _choose_publisher(page: _Page, title_cut: list[str], url: str | None) -> str | None:
    """The publication's name: candidates from JSON-LD, ``og:site_name``, publisher tags, ``application-name``
    and the site segment of the title, scored by how many sources (and the host name) agree."""
    cands: list[tuple[str, float]] = []
    if page.article is not None:
        node = _ld_ref(page.article.get("publisher"), page.ld_index)
        support = _url_support(node, url)
        if support >= 2.0 and _clean_site_name(_ld_text(node)):
            return _clean_site_name(_ld_text(node))  # a publication on a platform: its home is this page's section
        cands.append((_ld_text(node), 3.0 + support))
        part = _ld_ref(page.article.get("isPartOf"), page.ld_index)
        if isinstance(part, dict) and _types(part) & {"periodical", "newspaper", "product", "creativework",
                                                      "website", "creativeworkseries"}:
            cands.append((_ld_text(part.get("name")), 1.5))  # the paywall markup's publication
    cands += [(v, 3.0) for v in _metas(page, "og:site_name")]
    cands += [(v, 2.0) for v in _metas(page, "publisher", "dc.publisher", "dcterms.publisher", "dc:publisher")]
    cands += [(v, 1.5) for v in _metas(page, "application-name")]
    cands += [(v, 1.0) for v in _home_logo_names(page)]
    for node in page.ld:
        if _types(node) & {"website", "newsmediaorganization", "organization"} and node is not page.article:
            cands.append((_ld_text(node.get("name")), 1.0))
    for n, segment in enumerate(reversed(title_cut)):  # the site's name ends the title; a tagline may follow it
        cands.append((segment, 0.5 if _tagline(segment) else (2.0 if n == 0 else 1.0)))
    cands += [(v, 2.0) for v in _microdata_names(page, "publisher")]
    if not cands or all(not _clean_site_name(c) for c, _ in cands):
        cands += [(c, 0.8) for c in _copyright_holders(page)]
        cands += [(c, 0.8) for c in _home_logo_names(page, text=True) if c not in {v for v, _ in cands}]
    cleaned: list[tuple[str, float]] = []
    for value, weight in cands:
        name = _clean_site_name(value)
        if name:
            cleaned.append((name, weight - (1.0 if _LEGAL.search(name) else 0.0)))
    if not cleaned:
        return None
    label = host_label(page.host) if page.host else ""
    scores: dict[str, float] = {}
    named: dict[str, list[str]] = {}  # each key's written forms, in order (keyed once: a title of hundreds of
    for name, weight in cleaned:      # segments made the choice cubic in them)
        key = _site_key(_LEGAL.sub("", name))
        scores[key] = scores.get(key, 0.0) + weight
        named.setdefault(key, []).append(name)
    form = {key: max(names, key=_name_quality) for key, names in named.items()}  # the best written form of each
    for key in list(scores):
        if " " in form[key].strip():
            continue
        for other in scores:  # a brand code ("NYT") counts for the written name it abbreviates
            if other != key and scores.get(key) and abbreviates(key, form[other]):
                scores[other] += scores.pop(key)
                break
    for key in list(scores):  # "Daily Planet Newsroom", "Daily Planet Online": the site of "Daily Planet"
        base = next((o for o in scores if o != key and _site_suffix(form[key], form[o])), None)
        if base is not None:
            scores[base] += scores.pop(key)
    for key in scores:
        if label and (key == label or abbreviates(label, form[key])):
            scores[key] += 1.5
        elif label and len(label) >= 5 and len(key) >= 5 and (label in key or key in label):
            scores[key] += 0.75
    best_key = max(scores, key=lambda k: scores[k])
    return form[best_key]


_SITE_SUFFIX = re.compile(r"\s+(?:news\s*room|online|web\s*site|home\s*page|home|digital|e-?edition|news\s+cent(?:er|re)|"
                          r"media\s+cent(?:er|re)|press\s+room)\s*$", re.IGNORECASE)


def _site_suffix(longer: str, name: str) -> bool:
    """``longer`` is ``name`` with a word for the website after it ("Orbit Newswire News Room", "Orbit Newswire")."""
    m = _SITE_SUFFIX.search(longer)
    return m is not None and m.start() > 0 and _site_key(longer[:m.start()]) == _site_key(name)


_NAME_PARTICLES = frozenset({"della", "delle", "degli", "dello", "from", "with", "und", "van", "von", "des", "der",
                             "die", "das", "del", "los", "las", "and", "the", "for"})


def _tagline(segment: str) -> bool:
    """A site's motto rather than its name: three words or more, one of them a lower-case word of four letters or
    more that is no name particle ("News for the coast since 1901"; not "Corriere della Sera")."""
    words = segment.split()
    return len(words) >= 3 and any(len(w) >= 4 and w.isalpha() and w.islower() and w not in _NAME_PARTICLES
                                   for w in words)


def _microdata_names(page: _Page, prop: str) -> list[str]:
    """Names stated in microdata: the ``name`` inside an element whose ``itemprop`` is ``prop``."""
    out: list[str] = []
    try:
        elements = page.root.xpath(f"//*[contains(concat(' ', @itemprop, ' '), ' {prop} ')]")
    except Exception:
        return out
    for el in elements[:3]:
        for named in el.xpath(".//*[@itemprop='name']"):
            value = _text(named.get("content") if named.tag == "meta" else element_text(named))
            if value and len(value) <= 80 and value not in out:
                out.append(value)
    return out


_HOME_WORDS = re.compile(r"\b(?:(?:go|return|back)\s+to\s+(?:the\s+)?|home\s*page|homepage|home|logo|"
                         r"site\s+logo|front\s+page|startseite)\b", re.IGNORECASE)


def _home_logo_names(page: _Page, *, text: bool = False) -> list[str]:
    """The name on the link to the site's front page: its logo's ``alt`` or its ``aria-label`` ("Daring Fireball",
    "The Daily Planet homepage"), with words such as "home" and "logo" left out; with ``text``, the text of such a
    link marked as the site's name (:func:`_brand_link`), the weakest evidence (a logo set as text is often a
    wordmark: "dailyplanet.")."""
    out: list[str] = []
    root_hrefs = {"/", "./", "index.html", "/index.html"}
    if page.host:
        root_hrefs |= {f"{scheme}://{host}{slash}" for scheme in ("http", "https")
                       for host in (page.host, page.host.removeprefix("www."), "www." + page.host.removeprefix("www."))
                       for slash in ("", "/")}
    for a in page.root.iter("a"):
        if (a.get("href") or "").strip() not in root_hrefs:
            continue
        labels = [img.get("alt") for img in a.iter("img")] + [a.get("aria-label")]
        if text and _brand_link(a):  # "<p class="site-title"><a href="/" rel="home">Bay Notes</a></p>"
            labels.append(_squash(a.text_content()))
        for label in labels:
            name = " ".join(_HOME_WORDS.sub(" ", label or "").split()).strip(" :-|")
            if name and len(name) <= 60 and name not in out:
                out.append(name)
        if len(out) >= 2:
            break
    return out[:2]


_BRAND = re.compile(r"logo|brand|site-?title|site-?name|masthead|blog-?title|header-?title|^title$|navbar-title",
                    re.IGNORECASE)


def _brand_link(a: Any) -> bool:
    """A link to the front page marked as the site's name: ``rel="home"``, or a class or id saying logo, brand,
    site title or masthead on it or on one of the two elements around it; its text is then the site's name (up to
    six words)."""
    text = _squash(a.text_content())
    if not text or len(text.split()) > 6 or len(text) > 60:
        return False
    if "home" in (a.get("rel") or "").lower().split():
        return True
    el = a
    for _ in range(3):
        if el is None or not isinstance(el.tag, str):
            return False
        marks = [el.get("class") or "", el.get("id") or ""]
        if any(_BRAND.search(part) for mark in marks for part in mark.split()):
            return True
        el = el.getparent()
    return False


_COPYRIGHT = re.compile(r"(?:©|\(c\)|&copy;|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
                        r"([^.|\n©]{2,60}?)(?:[.,]?\s+all\s+rights\s+reserved|\s*[.|]|$)", re.IGNORECASE)


def _copyright_holders(page: _Page) -> list[str]:
    """The holder named in the page's copyright line ("© 2015 WebMD, LLC. All rights reserved")."""
    out = []
    for line in reversed(_lines(page)[-40:]):
        m = _COPYRIGHT.search(line) if len(line) < 300 else None
        if m:
            holder = _LEGAL.sub("", m.group(1).strip(" ,")).strip(" ,")
            if holder and not re.search(r"\d", holder) and len(holder.split()) <= 6:
                out.append(holder)
    return out[:1]


def _url_support(node: Any, page_url: str | None) -> float:
    """A JSON-LD publisher whose own ``url`` is this page's site (or the part of it the page sits in) names
    the publication rather than a platform or parent company."""
    if not isinstance(node, dict) or not page_url or not isinstance(node.get("url"), str):
        return 0.0
    own, page = urlsplit(node["url"].strip()), urlsplit(page_url)
    if not own.hostname or not page.hostname or own.hostname.removeprefix("www.") != page.hostname.removeprefix(
            "www."):
        return 0.0
    path = own.path.rstrip("/")
    return 2.0 if path and page.path.startswith(path + "/") else 1.0


def _clean_site_name(value: str) -> str | None:
    value = value.split("\u3000")[0]  # CJK titles set the tagline off with an ideographic space
    value = re.sub(r"\s*\([^()]*\)", "", " ".join(value.split()))
    if not value or re.match(r"^(?:https?:)?//", value):
        return None
    first = _STRONG_SEP.split(value)[0]
    first = re.split(r"\s+[-–—]\s+", first)[0].strip(" :-")
    if not first or (re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", first)):
        return None  # a slug such as "topicseed-website" is an identifier, not a name
    return first


def _name_quality(name: str) -> tuple[int, int, int, int]:
    """Prefer a publication's written name: no legal suffix, no domain ending, words with spaces, "The" kept."""
    domain = bool(re.search(r"\.(?:com|net|org|co|io|fr|de)\b", name, re.IGNORECASE))
    return (int(not _LEGAL.search(name)), int(not domain), name.count(" "), len(name))


# --- date --------------------------------------------------------------------------------------------------

_PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time", "article:published",
    "datepublished", "article.published", "published_time", "published-date", "publish-date", "publish_date",
    "publishdate", "pubdate", "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date",
    "dcterms.issued", "dcterms.created", "dc:date", "sailthru.date", "parsely-pub-date", "citation_publication_date",
    "citation_date", "article_date_original", "original-publish-date", "originalpublicationdate", "ptime", "pdate",
    "displaydate", "date.available", "cxenseparse:recs:publishtime", "release_date", "created",
)


@dataclass(frozen=True)
class _When:
    date: dt.date
    utc: bool  # written in UTC (or without an offset): the page's own day may differ by one
    weight: float


def _when(value: str, weight: float, day_first: bool = False) -> _When | None:
    value = value.strip()
    m = re.match(r"^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$", value)
    if m:
        value = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" + (f"T{m.group(4)}:{m.group(5) or '00'}" if m.group(4)
                                                               else "")
    numeric = day_first and re.match(r"^\d{1,2}/\d{1,2}/\d{4}\b", value) is not None  # "05/03/2023" on a UK page
    date = _numeric_date(value, True) if numeric else parse_date(value)
    if date is None:
        date = _numeric_date(value) or (find_date(value) if len(value) < 80 else None)
    if date is None or not 1900 <= date.year <= 2100:
        return None
    has_time = re.search(r"\d{1,2}:\d{2}", value) is not None
    offset = re.search(r"(?:[+-]\d{2}:?\d{2}|\b(?:E[SD]T|C[SD]T|M[SD]T|P[SD]T|CET|CEST|BST|JST|KST|IST))\s*$",
                       value)
    utc = has_time and (offset is None or re.search(r"[+-]00:?00\s*$", value) is not None)
    return _When(date, utc, weight)


def _choose_date(page: _Page, url: str | None, title: str | None) -> dt.date | None:
    declared: list[_When] = []
    if page.article is not None:
        for key, weight in (("datePublished", 4.0), ("dateCreated", 2.0), ("uploadDate", 1.5)):
            w = _when(_ld_text(page.article.get(key)), weight)
            if w:
                declared.append(w)
    for n, key in enumerate(_PUBLISHED_KEYS):
        for v in _metas(page, key):
            w = _when(v, 3.0 - n * 0.02, _day_first(page))
            if w:
                declared.append(w)
    shown = _shown_dates(page)
    dateline = _dateline(page, title)
    if dateline is not None:
        shown.append(_When(dateline, False, 0.9))
    from_url = _url_date(url)
    if not declared:
        candidates = shown + ([_When(from_url, False, 0.5)] if from_url else [])
        return max(candidates, key=lambda w: w.weight).date if candidates else None
    best = max(declared, key=lambda w: w.weight)
    if best.utc:
        # The page's own day: a stamp with an offset, the date shown on the page or in the URL, within a day.
        local = [w for w in declared if not w.utc] + [w for w in shown if not w.utc]
        if from_url:
            local.append(_When(from_url, False, 0.5))
        near = [w for w in local if abs((w.date - best.date).days) == 1]
        same = [w for w in local if w.date == best.date]
        if near and not same:
            return max(near, key=lambda w: w.weight).date
    return best.date


def _lines(page: _Page) -> list[str]:
    """The page's visible text lines (computed once)."""
    if page.lines is None:
        body = page.root.find(".//body")
        page.lines = [x.strip() for x in element_text(body if body is not None else page.root).split("\n")
                      if x.strip()]
    return page.lines


def _near_headline(page: _Page, title: str) -> list[str]:
    """The lines just below the headline (then just above it), where bylines and datelines sit."""
    lines = _lines(page)
    key = _norm(title)
    at = next((n for n, line in enumerate(lines) if _norm(line) == key), None)
    if at is None and len(key) >= 15:  # a layout table's cells share a line: the menu cell, then the headline's
        at = next((n for n, line in enumerate(lines) if _norm(line).endswith(key) and re.search(r"\s{2}", line)),
                  None)
    if at is None:
        return []
    return lines[at + 1:at + 9] + lines[max(0, at - 3):at][::-1]


_BYLINE_LINE = re.compile(r"^(?:by|posted\s+by|written\s+by|words\s+by|story\s+by|reporting\s+by|"
                          r"(?:opinion|analysis|commentary|review|interview|essay|text)\s+by|(?:text|words|texto|texte)\s*:|"
                          r"(?-i:Reporter|REPORTER)(?=\s+[A-ZÀ-Þ][\w'’-]+\s+[A-ZÀ-Þ])|"
                          r"from(?=\s+(?:staff|wire|news\s+services?|agenc))|"
                          r"(?:von|par|por|door)(?=\s+[A-ZÀ-Þ]))\s+\S", re.IGNORECASE)
# "Posted on 07/11/2024 by Jane Doe": a date, then the byline
_DATED_BYLINE = re.compile(r"^(?:posted|published|written|updated)(?:\s+on)?\s*:?\s+[^|]{4,40}?\s+(by\s+\S.*)$",
                           re.IGNORECASE)


def _byline_near_headline(page: _Page, title: str | None) -> list[str]:
    """A "By …" or "Posted by …" line under the headline, for pages that mark no byline element."""
    if not title:
        return []
    for line in _near_headline(page, title)[:8]:
        dated = _DATED_BYLINE.match(line) if len(line) <= 160 else None
        if dated is not None and _date_in(line, _day_first(page), short_year=True) is not None:
            line = dated.group(1)
        after = LEAD_AFTER_DATE.search(line) if len(line) <= 160 and not _BYLINE_LINE.match(line) else None
        if after is not None and after.start() <= 40 and _date_in(line[:after.start()], _day_first(page)) is not None:
            line = line[after.start():].strip()  # "07.11.2024 09:15 Uhr Von Anna Schmidt": the date, then the byline
        if len(line) <= 160 and _BYLINE_LINE.match(line):
            return ["; ".join(split_byline(line))] if split_byline(line) else []
    for line in _near_headline(page, title)[:4]:
        labelled = _LABELLED_AUTHOR.search(line) if len(line) <= 160 else None
        if labelled is not None and split_byline(labelled.group(1)):
            return ["; ".join(split_byline(labelled.group(1)))]  # "Autor: Jana Nováková | 7. 11. 2024", "作者：王小明"
        credit = _AGENCY_CREDIT.search(line) if len(line) <= 160 else None
        if credit is not None and NEWS_AGENCY.search(credit.group(1)):
            return [credit.group(1).strip()]  # "Quelle: dpa-AFX", "Source: Kyodo": the agency's copy, credited so
        provided = _PROVIDED.match(line) if len(line) <= 80 else None
        if provided is not None:
            return [provided.group(1).strip()]  # "Harbour Times 3/9(木) 18:45配信": the outlet that provided the story
    return []


# a Japanese aggregator's credit under the headline: the providing outlet, then when it was delivered ("配信")
_PROVIDED = re.compile(r"^(\S[^|:：]{1,40}?)\s+\d{1,4}[/月年.-]\d{1,2}\S*(?:\s+\d{1,2}:\d{2})?\s*配信\s*$")


# a byline labelled "author" in a language of the page, anywhere on a line under the headline
_LABELLED_AUTHOR = re.compile(r"(?:^|[\s|·•])(?:(?:autor(?:ka)?|auteur|autore|autores|author|forfatter|författare|yazar|"
                              r"作者|撰文|מאת)\s*[:：]|بقلم\s*[:：]?)\s*([^|·•:：\s][^|·•:：]{1,60}?)(?=\s+\S{1,8}[:：]|\s*[|·•]|\s*$)",
                              re.IGNORECASE)
# a credit to a news agency under the headline, in place of a byline ("7. November 2024 | Quelle: dpa-AFX")
_AGENCY_CREDIT = re.compile(r"(?:^|[\s|·•])(?:source|sources|quelle|fuente|fonte|bron|källa|kilde|lähde)\s*:\s*"
                            r"([^|·•:]{2,40}?)\s*(?:[|·•]|$)", re.IGNORECASE)


def _dateline(page: _Page, title: str | None) -> dt.date | None:
    """A date on the short lines just below (or above) the headline, where bylines and datelines sit."""
    if not title:
        return None
    previous = ""
    for line in _near_headline(page, title):
        label, previous = previous, line
        part = _published_part(line) if len(line) <= 160 else None
        day_first = _day_first(page)
        if part is not None and _date_in(part, day_first, short_year=True) is not None:
            return _date_in(part, day_first, short_year=True)  # "Published: 7 May 2024 | Updated: 9 May 2024"
        if re.search(r"\b(?:updated|modified|edited)\b", line[:120], re.IGNORECASE):
            continue
        if _EVENT_DATE.search(line[:60]) or (len(label) <= 40 and _EVENT_DATE.search(label)):
            continue  # an encyclopaedia's infobox or lead ("Founded March 3, 1998"): the company's date, not the page's
        if _PERIOD_DATE.search(line):
            continue  # a line of a story set in short lines ("for the fiscal year ended June 28, 1997"): a period
        if len(line) > 120:  # a paragraph: only a dateline that opens it ("April 17, 2015 -- ...")
            found = parse_date(line)
            if found is not None:
                return found
            continue
        found = find_date(line) or _numeric_date(line, day_first) or _european_date(line)
        if found is not None:
            return found
    return None


_PUBLISHED_LABEL = re.compile(r"\b(?:(?:first|originally)\s+)?(?:published|posted|publié|publiée|veröffentlicht|"
                              r"publicado|publicada|pubblicato|gepubliceerd)\b(?:\s+(?:on|le|am|el|il|op))?\s*:?",
                              re.IGNORECASE)


def _published_part(text: str) -> str | None:
    """The text after a "Published" label, up to an "Updated" one; ``None`` without such a label."""
    m = _PUBLISHED_LABEL.search(text)
    if m is None:
        return None
    rest = text[m.end():]
    stop = re.search(r"\b(?:updated|modified|edited|aktualisiert|mis\s+à\s+jour|actualizado)\b", rest, re.IGNORECASE)
    return rest[:stop.start()] if stop else rest


def _date_in(text: str, day_first: bool = False, *, short_year: bool = False) -> dt.date | None:
    return (find_date(text) or _numeric_date(text, day_first, short_year=short_year) or _european_date(text)
            or _scattered_date(text))


# Regions that write a numeric date month first (03/14/2024); the rest of the world writes the day first.
_MONTH_FIRST_REGIONS = frozenset({"US", "PH", "CA", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"})
_BRAND_TLDS = frozenset({"io", "co", "tv", "me", "ai", "ly", "fm", "am", "to", "cc", "ws", "gg", "is", "it", "so",
                         "sh", "la", "us", "ca", "ph", "gl", "xyz", "app", "dev"})


def _day_first(page: _Page) -> bool:
    """Whether the page writes numeric dates day first ("07/11/2024" for 7 November): its language names a region
    that does ("en-GB", "en-IN", "fr-FR"), or a language other than English without a region, or, when the
    language says neither, its host is under a country's domain that does (".co.uk", ".com.au", ".de")."""
    if page.day_first is None:
        language = _choose_language(page) or ""
        parts = language.split("-")
        region = next((x for x in parts[1:] if len(x) == 2 and x.isalpha()), None)
        if region is not None:
            page.day_first = region.upper() not in _MONTH_FIRST_REGIONS
        elif parts[0] and parts[0] != "en":
            page.day_first = True
        else:
            tld = (page.host or "").rsplit(".", 1)[-1].lower()
            page.day_first = len(tld) == 2 and tld not in _BRAND_TLDS
    return page.day_first


_LOCAL_MONTHS = {
    "januar": 1, "jänner": 1, "janvier": 1, "enero": 1, "gennaio": 1, "janeiro": 1, "januari": 1,
    "februar": 2, "février": 2, "fevrier": 2, "febrero": 2, "febbraio": 2, "fevereiro": 2, "februari": 2,
    "märz": 3, "maerz": 3, "mars": 3, "marzo": 3, "março": 3, "maart": 3,
    "april": 4, "avril": 4, "abril": 4, "aprile": 4,
    "mai": 5, "mayo": 5, "maggio": 5, "maio": 5, "mei": 5,
    "juni": 6, "juin": 6, "junio": 6, "giugno": 6, "junho": 6,
    "juli": 7, "juillet": 7, "julio": 7, "luglio": 7, "julho": 7,
    "august": 8, "août": 8, "aout": 8, "agosto": 8, "augustus": 8,
    "september": 9, "septembre": 9, "septiembre": 9, "settembre": 9, "setembro": 9,
    "oktober": 10, "octobre": 10, "octubre": 10, "ottobre": 10, "outubro": 10,
    "november": 11, "novembre": 11, "noviembre": 11, "novembro": 11,
    "dezember": 12, "décembre": 12, "decembre": 12, "diciembre": 12, "dicembre": 12, "dezembro": 12,
    # Romanian, Hungarian and Turkish names, and the genitive forms Russian, Polish, Czech and Greek dates use
    "ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "iunie": 6, "iulie": 7, "septembrie": 9,
    "octombrie": 10, "noiembrie": 11, "decembrie": 12,
    "január": 1, "február": 2, "március": 3, "április": 4, "május": 5, "június": 6, "július": 7, "augusztus": 8,
    "szeptember": 9, "október": 10, "december": 12,
    "ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7, "ağustos": 8, "eylül": 9,
    "ekim": 10, "kasım": 11, "aralık": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
    "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
    "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6, "července": 7, "srpna": 8,
    "září": 9, "října": 10, "listopadu": 11, "prosince": 12,
    "ιανουαρίου": 1, "φεβρουαρίου": 2, "μαρτίου": 3, "απριλίου": 4, "μαΐου": 5, "ιουνίου": 6, "ιουλίου": 7,
    "αυγούστου": 8, "σεπτεμβρίου": 9, "οκτωβρίου": 10, "νοεμβρίου": 11, "δεκεμβρίου": 12,
}


def _european_date(text: str) -> dt.date | None:
    """Dates as continental European pages write them: "07.05.2024" and "7. 5. 2024" (day first) and "7. Mai 2024", "7 mai 2024",
    "7 de mayo de 2024", "1er juin 2024"."""
    m = re.search(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?![\d.])", text)  # ("7. 11. 2024": Czech)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    m = re.search(r"(?<!\d)(\d{1,2})(?:er|º|\.)?\s+(?:de\s+)?([^\W\d_]{3,12})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})(?!\d)",
                  text)
    if m and m.group(2).lower() in _LOCAL_MONTHS:
        try:
            return dt.date(int(m.group(3)), _LOCAL_MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    m = re.search(r"(?<!\d)((?:19|20)\d{2})\.\s+([^\W\d_]{3,12})\s+(\d{1,2})\.", text)  # Hungarian: "2024. november 7."
    if m and m.group(2).lower() in _LOCAL_MONTHS:
        try:
            return dt.date(int(m.group(1)), _LOCAL_MONTHS[m.group(2).lower()], int(m.group(3)))
        except ValueError:
            return None
    return None


_PERIOD_DATE = re.compile(r"\b(?:ended|ending|ends|as\s+of|through|until|since)\s+"
                          r"(?:(?:[A-Z][a-z]{2,8}\.?|\d{1,2}(?:st|nd|rd|th)?)\s+(?:\d|[A-Z][a-z]{2,8}\b)|\d{1,2}/\d{1,2}/\d{2,4})")
_EVENT_DATE = re.compile(r"\b(?:founded|founding|established|incorporated|formed|born|died|opened|launched|released|"
                         r"introduced|inception|dissolved|defunct|acquired|merged|listed|ipo)\b", re.IGNORECASE)


def _numeric_date(value: str, day_first: bool = False, *, short_year: bool = False) -> dt.date | None:
    """``05/08/2014`` (month first, as US pages write it, unless ``day_first`` or the first number cannot be a
    month); with ``short_year`` (text after a "Posted" label) also ``03/14/98``."""
    m = re.search(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])", value)
    if not m and short_year:
        m = re.search(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/])", value)
    if not m:
        return None
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 1900 if year >= 50 else 2000
    month, day = (b, a) if (day_first and b <= 12) or a > 12 else (a, b)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_DATELINE_XPATH = (
    "//time | //*[@itemprop='datePublished'] | //*[self::span or self::div or self::p or self::li or self::small "
    "or self::dd or self::td]"
    "[contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'date') "
    "or contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'time') "
    "or contains(@class, 'publish') or contains(@class, 'posted') or contains(@class, 'byline') "
    "or contains(@class, 'meta')]")


def _shown_dates(page: _Page) -> list[_When]:
    """Dates the page shows for the article: ``<time>`` elements, ``datePublished`` microdata, datelines."""
    out: list[_When] = []
    try:
        elements = page.root.xpath(_DATELINE_XPATH)
    except Exception:
        elements = []
    for el in elements[:80]:
        if not isinstance(el.tag, str) or in_chrome(el):
            continue
        parent = el.getparent()
        label = " ".join(filter(None, (el.get("class"), el.get("itemprop"), el.get("id"),
                                       parent.get("class") if parent is not None else None))).lower()
        if re.search(r"comment|reply|copyright|related|\b(?:bday|dtstart|dtend|deathdate|founded)\b", label) or (
                re.search(r"modif|updat", label) and "publish" not in label):
            continue  # (hAtom marks a post never modified "published updated": its date is the publication's; an
            # infobox's hCard or hCalendar date, "bday dtstart published updated", is a founding or an event)
        explicit = el.tag == "time" or el.get("itemprop") == "datePublished"
        weight = 2.5 if ("publish" in label or el.get("pubdate") is not None) else (1.5 if explicit else 1.0)
        attr = el.get("datetime") or el.get("content")
        stamped = _when(attr, weight) if attr else None
        text = element_text(el)
        if text and len(text) > 160:
            continue
        part = _published_part(text) if text else None
        short_year = part is not None or "publish" in label or explicit  # "3/09/15 8:00am" marked as published
        shown = _date_in(part if part is not None else text, _day_first(page), short_year=short_year) \
            if text else None
        if shown is not None and part is None and re.search(r"\b(?:updated|modified|edited)\b", text, re.IGNORECASE):
            shown = None
        if shown is not None and stamped is not None and stamped.utc and shown != stamped.date:
            shown = None  # text rendered from the UTC stamp by the saving browser's clock, not the page's day
        if shown is not None:
            out.append(_When(shown, False, weight - 0.2))
        elif stamped is not None:
            out.append(stamped)
        if len(out) >= 4:
            break
    return out


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _scattered_date(text: str) -> dt.date | None:
    """A date whose parts a page sets in boxes of their own, in any order ("Dec 28 Sat 2013 00:28"): one month
    name, one day number, one year, in a short text."""
    if len(text) > 50:
        return None
    text = re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\b", " ", text)
    months = [m for m in re.findall(r"\b([a-z]{3})[a-z]*\.?(?![a-z])", text.lower()) if m in _MONTH_NAMES]
    days = re.findall(r"(?<![\d])(\d{1,2})(?![\d])", text)
    years = re.findall(r"(?<![\d])((?:19|20)\d{2})(?![\d])", text)
    if len(months) != 1 or len(days) != 1 or len(years) != 1:
        return None
    try:
        return dt.date(int(years[0]), _MONTH_NAMES.index(months[0]) + 1, int(days[0]))
    except ValueError:
        return None


def _url_date(url: str | None) -> dt.date | None:
    if not url:
        return None
    path = urlsplit(url)._replace(scheme="", netloc="").geturl()
    for pattern in (r"/((?:19|20)\d{2})[/-](?:[a-z][a-z_-]{1,30}/)?(\d{1,2})[/-](\d{1,2})(?:/|[-_.]|$)",
                    r"(?<![\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d])",
                    r"/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(\d{1,2})(?:/|$)",
                    r"[-_]((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d])"):
        # /2013/08/03/, /2013/world/8/3/ (a section between), /20130803-0042, /2013/aug/03/, /story-2013-08-03.html
        m = re.search(pattern, path, re.IGNORECASE)
        if m:
            month = m.group(2)
            try:
                return dt.date(int(m.group(1)), int(month) if month.isdigit() else
                               _MONTH_NAMES.index(month[:3].lower()) + 1, int(m.group(3)))
            except ValueError:
                continue
    return None


# --- canonical URL -----------------------------------------------------------------------------------------

# an archive's or cache's copy of a page: the archived URL after a capture's stamp in the path
# ("https://web.archive.test/web/20060419023311/http://paper.test/a.html", "https://archive.test/2021.02.05-031244/
# https://paper.test/a/"); Wayback collapses the scheme's slashes at times ("/http:/paper.test/...")
_ARCHIVED = re.compile(r"^https?://[^/\s]+/(?:[a-z]{1,8}/)?\d[\w.-]{5,30}/(https?):/{1,2}(\S+)$", re.IGNORECASE)


def unwrap_archived(url: str) -> str:
    """The URL an archive's copy stands for, or ``url`` itself.

    >>> unwrap_archived("https://web.archive.test/web/20060419023311/http://paper.test/biz/a.html")
    'http://paper.test/biz/a.html'
    >>> unwrap_archived("https://paper.test/2024/11/07/story/")
    'https://paper.test/2024/11/07/story/'
    """
    m = _ARCHIVED.match(url)
    return f"{m.group(1)}://{m.group(2)}" if m else url


def _choose_url(page: _Page) -> str | None:
    url = _canonical_url(page)
    return unwrap_archived(url) if url else None


def _canonical_url(page: _Page) -> str | None:
    base = None
    for el in page.root.iter("base"):
        if el.get("href"):
            base = el.get("href")
            break
    og = next((v for v in _metas(page, "og:url") if _absolute(v, None)), None)
    for el in page.root.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        href = (el.get("href") or "").strip()
        if "canonical" in rel and href:
            url = _absolute(href, base or og)
            if url:
                return url
    return _absolute(og, None) if og else None


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if href.startswith("//"):
        scheme = urlsplit(base).scheme if base and urlsplit(base).scheme in ("http", "https") else "https"
        return f"{scheme}:{href}"
    if re.match(r"^https?://[^/\s]+", href, re.IGNORECASE):
        return href
    if href.startswith("/") and base and re.match(r"^https?://", base, re.IGNORECASE):
        return urljoin(base, href)
    return None


# --- language and keywords ---------------------------------------------------------------------------------

def _choose_language(page: _Page) -> str | None:
    values = [page.root.get("lang"), page.root.get("xml:lang")]
    if page.article is not None:
        values.append(_ld_text(page.article.get("inLanguage")))
    values += _metas(page, "og:locale", "content-language", "language", "dc.language")
    for v in values:
        if v and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", v.strip()):
            parts = v.strip().replace("_", "-").split("-")
            return "-".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])
    return None


def _choose_keywords(page: _Page) -> list[str]:
    raw = _metas(page, "news_keywords", "keywords", "article:tag")
    if page.article is not None and page.article.get("keywords"):
        kw = page.article["keywords"]
        raw = [*(kw if isinstance(kw, list) else [kw]), *raw]
    out: list[str] = []
    for value in raw:
        for part in re.split(r"[,;]", str(value)):
            part = " ".join(part.split())
            if part and len(part) <= 60 and part not in out:
                out.append(part)
    return out[:30]


# --- entry points ------------------------------------------------------------------------------------------

def _host(page: _Page, url: str | None) -> str | None:
    """The page's host: from its canonical URL, else any absolute URL the page gives for itself."""
    candidates = [url, *_metas(page, "og:url", "twitter:url")]
    if page.article is not None:
        main = page.article.get("mainEntityOfPage")
        candidates += [page.article.get("url"), main.get("@id") if isinstance(main, dict) else main]
    for c in candidates:
        if isinstance(c, str) and re.match(r"^https?://", c.strip(), re.IGNORECASE):
            return urlsplit(c.strip()).hostname
    return None


def page_metadata(html: str) -> PageMeta:
    """Everything :class:`PageMeta` holds, chosen as the module docstring says. Never raises on bad markup."""
    page = _gather(html)
    if page is None:
        return PageMeta()
    url = _choose_url(page)
    page.host = _host(page, url)
    sites = _site_names(page)
    title, cut = _choose_title(page, sites)
    publisher = _choose_publisher(page, cut, url)
    return PageMeta(
        title=title, authors=_choose_authors(page, publisher, title), publisher=publisher,
        published=_choose_date(page, url, title), url=url, language=_choose_language(page),
        keywords=_choose_keywords(page),
    )


_CHROME_XPATH = ("//nav | //header | //footer | //aside | //form | //menu | //*[@role='navigation'] | "
                 "//*[@role='banner'] | //*[@role='contentinfo'] | //*[@role='complementary']")


def visible_text(html: str) -> str:
    """The page's own visible text outside navigation, headers, footers, sidebars and forms."""
    root = parse_page(html)
    if root is None:
        return ""
    try:
        for el in root.xpath(_CHROME_XPATH):
            if el.getparent() is not None:
                el.drop_tree()
        body = root.find(".//body")
    except Exception:
        return ""
    return element_text(body if body is not None else root)


# Block elements past which trafilatura's fallback extractors are skipped: jusText compares every paragraph with
# its neighbours, so its time grows with the square of the paragraphs (a page of 10,000 small tables took minutes;
# 4,000 took 8.6 s against 0.5 s without the fallback). Real article pages have a few hundred blocks (the largest
# of the HTML test pages, a Wikipedia article, 2,306), where the fallback still runs.
MAX_FALLBACK_BLOCKS = 5000
_BLOCK_TAG = re.compile(r"<(?:p|div|td|th|li|tr|table|h[1-6]|blockquote|pre|dd|dt|section|article)\b", re.I)


def _many_blocks(html: str) -> bool:
    """Whether the page has more block elements than :data:`MAX_FALLBACK_BLOCKS`."""
    return any(n >= MAX_FALLBACK_BLOCKS for n, _ in enumerate(_BLOCK_TAG.finditer(html)))


def main_text(html: str, source: str) -> str:
    """The article text of a page: trafilatura's main text with the lists and headings among its paragraphs put
    back (:func:`~claimgraph.sources.htmlblocks.restore_blocks`), or the page's visible text when trafilatura
    finds (almost) nothing. Layout tables are unwrapped first (:func:`~claimgraph.sources.htmllayout.unwrap_layout_tables`).

    :raises InputError: when the page has no visible text outside its navigation.
    """
    import trafilatura

    html = drop_inline_promos(unwrap_layout_tables(html))
    try:
        result: Any = trafilatura.bare_extraction(html, with_metadata=False, include_comments=False,
                                                  favor_precision=True, fast=_many_blocks(html))
    except Exception as exc:  # trafilatura raises a variety of parser errors
        raise InputError(f"{source}: cannot parse the HTML ({type(exc).__name__}); check the file") from exc
    body = (getattr(result, "text", None) or "") if result is not None else ""
    body = restore_blocks(body, html)
    if text_units(body) < MIN_MAIN_WORDS:
        # a page whose article is drawn by a script shows almost nothing: its JSON-LD ``articleBody`` may hold it
        visible, ld_body = visible_text(html), article_body(html)
        if text_units(visible) == 0 and text_units(ld_body) == 0:
            raise InputError(f"{source}: no article text found in the HTML (only navigation, or nothing); "
                             "is it an article page?")
        body = max((body, visible, ld_body), key=text_units)
    return body


def article_body(html: str) -> str:
    r"""The ``articleBody`` (or ``text``) the page's JSON-LD gives for its article, as plain text; "" without one.

    >>> article_body('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Acme", '
    ...              '"articleBody": "<p>Acme said revenue rose.</p><p>Shares fell.</p>"}</script>')
    'Acme said revenue rose.\n\nShares fell.'
    """
    page = _gather(html)
    node = page.article if page is not None else None
    if node is None:
        return ""
    value = node.get("articleBody") or node.get("text")
    if isinstance(value, list):
        value = "\n".join(v for v in value if isinstance(v, str))
    if not isinstance(value, str) or not value.strip():
        return ""
    if "<" in value and ">" in value:  # (some sites put the article's HTML there)
        root = parse_page(f"<html><body>{value}</body></html>")
        if root is not None:
            body = root.find(".//body")
            value = element_text(body if body is not None else root)
    return htmllib.unescape(value).strip()
