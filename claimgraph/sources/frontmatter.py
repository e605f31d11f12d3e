"""Front matter: the YAML (``---``) or TOML (``+++``) block at the top of Markdown and text files, or a
MultiMarkdown/Pelican metadata block (``Title: ...`` lines up to the first blank line, :func:`split_header_block`).

Static-site generators (Jekyll, Hugo, Eleventy), Obsidian and most exporters keep an article's metadata
there. :func:`split_front_matter` finds the block and parses it with PyYAML or :mod:`tomllib` (never with
regular expressions); :func:`front_matter_fields` maps the usual keys to claimgraph's metadata:

========================  ==========================================================================
field                     keys, first found wins
========================  ==========================================================================
title                     ``title``, ``headline``, ``name``
published                 ``published``, ``date_published``, ``datePublished``, ``publishDate``,
                          ``pubDate``, ``pubDatetime`` (Astro), ``post_date``, ``date`` (``published:
                          false`` is a draft flag; never ``created``, a web clipper's day of clipping)
authors                   ``authors``, ``author``, ``byline``, ``creator`` (a string, a list, a
                          mapping with ``name``, or a list of mappings)
publisher                 ``publisher``, ``site_name``, ``site``, ``source``, ``publication`` (not a URL)
url                       ``canonical_url``, ``canonical``, ``url``, ``original_link``, ``link``,
                          ``source_url``, ``source`` (a URL, as Obsidian's web clipper writes it),
                          ``permalink`` (a relative path is joined to ``baseurl``)
keywords                  ``tags``, ``categories``, ``keywords``
language                  ``language``, ``lang``, ``locale``
========================  ==========================================================================

Strings may be folded (``>``) or literal (``|``) YAML scalars and may hold HTML entities, tags or Obsidian
links (``[[Jane Doe]]``); dates may
be YAML/TOML dates, datetimes with an offset (the date is taken in that offset, never converted to UTC), or
text. YAML timestamps are kept as text so that the local date is never shifted.

>>> fm = split_front_matter("---\\ntitle: Acme &amp; Co\\ndate: 2025-11-12 23:30:00 -05:00\\n---\\nBody")
>>> fm.end, front_matter_fields(fm.data)["title"], front_matter_fields(fm.data)["published"]
(62, 'Acme & Co', '2025-11-12')
"""

from __future__ import annotations

import datetime as dt
import html
import re
import tomllib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import yaml

from claimgraph.errors import InputError
from claimgraph.sources.metadata import parse_date

_OPEN = re.compile(r"\A(?:\ufeff)?[ \t]*(---|\+\+\+)[ \t]*\r?\n")
_KEY_LINE = re.compile(r"^\s*[\w\"'][\w .\"'-]*\s*[:=]", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A parsed front-matter block: its mapping, its syntax, and where the body starts."""

    data: dict[str, Any]
    syntax: str  # "yaml" or "toml"
    end: int  # offset of the first character after the closing delimiter line


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as text, so ``23:30 -05:00`` stays on its own local date."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str, *, source: str = "input") -> FrontMatter | None:
    """The front matter at the top of ``text``, or ``None`` when there is none.

    A block that is not a mapping (a Markdown horizontal rule followed by prose) is not front matter. Flat
    ``key: value`` lines whose plain values hold ``": "`` (which YAML refuses) are read line by line. Any other
    block that looks like ``key: value`` lines but does not parse is an error, so that metadata is never dropped
    silently.

    :raises InputError: for a front-matter block that does not parse.

    >>> split_front_matter("+++\\ntitle = 'Q3'\\n+++\\nText").data
    {'title': 'Q3'}
    >>> split_front_matter("---\\nJust a rule, then prose.\\n---\\nMore") is None
    True
    """
    m = _OPEN.match(text)
    if m is None:
        return None
    fence = m.group(1)
    closers = (r"---|\.\.\." if fence == "---" else r"\+\+\+")
    close = re.compile(rf"^[ \t]*(?:{closers})[ \t]*$", re.MULTILINE).search(text, m.end())
    if close is None:
        return None
    block = text[m.end():close.start()]
    end = close.end()
    if text.startswith("\r\n", end):
        end += 2
    elif text.startswith("\n", end):
        end += 1
    syntax = "yaml" if fence == "---" else "toml"
    try:
        data: Any = yaml.load(block, Loader=_Loader) if syntax == "yaml" else tomllib.loads(block)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
        if not _KEY_LINE.search(block):
            return None
        flat = _flat_yaml(block) if syntax == "yaml" else None
        if flat is not None:
            return FrontMatter(flat, syntax, end)
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{source}: the {syntax.upper()} front matter does not parse{line} ({first}); "
                         "fix it or remove the block") from exc
    if block.strip() and not isinstance(data, dict):
        return None
    return FrontMatter(data if isinstance(data, dict) else {}, syntax, end)


_FLAT_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>[^\s\[{\"'|>&*!%@`#][^\r\n]*))?[ \t]*")


def _flat_yaml(block: str) -> dict[str, Any] | None:
    """A block of flat ``key: value`` lines that YAML refused only because a plain value holds ``": "`` (``title:
    Infosys Q3 results: profit rises``, as hand-written and scraped front matter often has), read line by line;
    ``None`` for anything else (nesting, lists, an unclosed bracket or quote stays an error).

    >>> _flat_yaml("title: Q3 results: profit up 11%\\ndate: 2025-01-16\\ndraft: false")
    {'title': 'Q3 results: profit up 11%', 'date': '2025-01-16', 'draft': False}
    >>> _flat_yaml("title: [unclosed\\nauthor: Jane") is None
    True
    """
    data: dict[str, Any] = {}
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _FLAT_LINE.fullmatch(line)
        if m is None:
            return None
        value = (m.group("value") or "").strip()
        try:
            parsed: Any = yaml.load(value, Loader=_Loader) if value else None
        except yaml.YAMLError:
            parsed = value
        data[m.group("key")] = parsed if isinstance(parsed, (str, int, float, bool)) or parsed is None else value
    return data or None


_HEADER_LINE = re.compile(r"[ \t]*(?P<key>[A-Za-z][A-Za-z0-9 _-]{0,29}?)[ \t]*:[ \t]+(?P<value>\S[^\r\n]*)\r?\n?")


def split_header_block(text: str) -> FrontMatter | None:
    """A metadata block of ``Key: value`` lines at the very top of a text, ended by a blank line (MultiMarkdown,
    Pelican and the text that scrapers and e-mail exports write), or ``None``.

    It must hold two lines or more, every line of it a ``Key: value`` line, and one key at least that names
    metadata (title, date, author, publisher, source, URL ...), so that a first sentence with a colon ("Revenue:
    $5 million") is never taken for one.

    >>> fm = split_header_block("Title: Acme beats\\nPublished: 2024-10-24\\nPublisher: Zacks\\n\\nAcme ...")
    >>> fm.data, fm.syntax, fm.end
    ({'title': 'Acme beats', 'published': '2024-10-24', 'publisher': 'Zacks'}, 'header', 57)
    >>> split_header_block("Revenue: $5 million\\nNet income: $1 million\\n\\nText") is None
    True
    """
    data: dict[str, Any] = {}
    pos = 1 if text.startswith("\ufeff") else 0
    while (m := _HEADER_LINE.match(text, pos)) is not None and m.end() > pos:
        data[m.group("key").strip().lower()] = m.group("value").strip()
        pos = m.end()
    rest = text[pos:]
    if len(data) < 2 or not (rest.startswith(("\n", "\r\n")) or not rest.strip()):
        return None
    known = {k for keys in _KEYS.values() for k in keys} | {"date", "author"}
    if not known & set(data):
        return None
    return FrontMatter(data, "header", pos)


_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "published": ("published", "date_published", "datepublished", "publishdate", "publish_date", "pubdate",
                  "pubdatetime", "published_at", "post_date", "date"),
    "authors": ("authors", "author", "byline", "creator", "creators"),
    "publisher": ("publisher", "site_name", "sitename", "site", "source", "publication"),
    "url": ("canonical_url", "canonical", "url", "original_link", "original_url", "link", "source_url", "source",
            "permalink"),
    "keywords": ("tags", "categories", "keywords"),
    "language": ("language", "lang", "locale"),
}


def front_matter_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Map a front-matter mapping to ``title``, ``published`` (ISO date text), ``authors`` (names),
    ``publisher``, ``url``, ``keywords`` and ``language``; missing fields are left out.

    >>> front_matter_fields({"Author": [{"name": "Jane Doe"}, "John Roe"], "tags": "ai, chips",
    ...                      "published": False, "date": dt.date(2025, 1, 2)})
    {'published': '2025-01-02', 'authors': ['Jane Doe', 'John Roe'], 'keywords': ['ai', 'chips']}
    """
    lowered = {str(k).strip().lower(): v for k, v in data.items()}
    for nested in ("params", "extra"):  # Hugo's [params] and Zola's [extra] hold site-specific keys
        if isinstance(lowered.get(nested), dict):
            for k, v in lowered[nested].items():
                lowered.setdefault(str(k).strip().lower(), v)
    out: dict[str, Any] = {}
    title = _first_text(lowered, _KEYS["title"])
    if title:
        out["title"] = title
    published = _first_date(lowered, _KEYS["published"])
    if published:
        out["published"] = published
    authors = _first_list(lowered, _KEYS["authors"], split=False)
    if authors:
        out["authors"] = authors
    publisher = _first_text({k: v for k, v in lowered.items() if not _is_url(v)}, _KEYS["publisher"])
    if publisher:
        out["publisher"] = publisher
    url = _first_url(lowered)
    if url:
        out["url"] = url
    keywords: list[str] = []
    for key in _KEYS["keywords"]:  # tags and categories together
        keywords += [k for k in _first_list(lowered, (key,), split=True) if k not in keywords]
    if keywords:
        out["keywords"] = keywords
    language = _first_text(lowered, _KEYS["language"])
    if language:
        out["language"] = language.replace("_", "-")
    return out


def _text(value: Any) -> str | None:
    """A scalar (or a mapping's ``name``) as clean one-line text: entities decoded, tags removed."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("@value")
    if value is None or isinstance(value, bool | list | dict):
        return None
    text = html.unescape(str(value))
    text = re.sub(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]", r"\1", text)  # Obsidian links: [[Jane Doe]]
    text = re.sub(r"<[^>]{0,200}>", " ", text)
    text = " ".join(text.split())
    return text or None


def _first_text(data: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = data.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        text = _text(value)
        if text:
            return text
    return None


def _first_list(data: dict[str, Any], keys: tuple[str, ...], *, split: bool) -> list[str]:
    for key in keys:
        value = data.get(key)
        items = value if isinstance(value, list) else [value]
        out: list[str] = []
        for item in items:
            text = _text(item)
            if not text:
                continue
            parts = [p.strip() for p in text.split(",")] if split else [text]
            out += [p for p in parts if p and p not in out]
        if out:
            return out
    return []


def _first_date(data: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = data.get(key)
        if isinstance(value, dt.datetime):
            return value.date().isoformat()  # TOML keeps the offset: the date is the local one
        if isinstance(value, dt.date):
            return value.isoformat()
        text = _text(value)
        if text:
            parsed = parse_date(text)
            return parsed.isoformat() if parsed else text
    return None


def _is_url(value: Any) -> bool:
    return isinstance(value, str) and re.match(r"^\s*https?://", value, re.IGNORECASE) is not None


def _first_url(data: dict[str, Any]) -> str | None:
    base = _first_text(data, ("baseurl", "base_url", "site_url", "siteurl"))
    for key in _KEYS["url"]:
        text = _text(data.get(key))
        if not text:
            continue
        if re.match(r"^https?://", text, re.IGNORECASE):
            return text
        if base and re.match(r"^https?://", base, re.IGNORECASE):
            return urljoin(base.rstrip("/") + "/", text.lstrip("/"))
    return None
