"""News feeds (RSS 0.9x, 1.0 and 2.0, Atom) read as one record per item.

A feed is how most news reaches a reader: each ``<item>`` or ``<entry>`` becomes a record with the item's own
title, link, publication date, author and body, and the channel's title as the publisher, so every item is
stored as an article of its own, with its own provenance (:func:`claimgraph.sources.readers.read_inputs` turns
the records into documents; a body in HTML is read as a reader sees it).

* **Body**: the full content (``content:encoded``, Atom ``<content>``) when the feed has it, else the summary
  (``<description>``, Atom ``<summary>``).
* **Date**: RFC 822 dates ("Tue, 05 Aug 2025 14:00:00 GMT") and ISO 8601 (``<published>``, ``<updated>``,
  ``dc:date``) become ISO 8601.
* **Author**: ``dc:creator``, Atom ``<author><name>``, or RSS ``<author>`` ("jane@example.com (Jane Doe)" gives
  the name).
* **Safety**: entities are not expanded and nothing is fetched (no DTD, no network), so a hostile feed cannot
  read files or blow up; a feed that does not parse is one error naming its line and column.

>>> feed = ('<rss version="2.0"><channel><title>Markets</title><item><title>Acme results</title>'
...         '<link>https://example.com/a</link><pubDate>Tue, 05 Aug 2025 14:00:00 GMT</pubDate>'
...         '<description>Acme Corp said revenue rose 12%.</description></item></channel></rss>')
>>> [(n, r["title"], r["published"], r["publisher"], r["text"]) for n, r in feed_records(feed, "f.xml")]
[(1, 'Acme results', '2025-08-05T14:00:00+00:00', 'Markets', 'Acme Corp said revenue rose 12%.')]
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterator
from typing import Any

from claimgraph.errors import InputError

_FEED_ROOTS = frozenset({"rss", "feed", "RDF", "rdf"})
_ITEMS = frozenset({"item", "entry"})
_LOOKS_LIKE_FEED = re.compile(rb"<(?:rss\b|feed\b[^>]*xmlns|rdf:RDF\b)", re.IGNORECASE)


def looks_like_feed(data: bytes) -> bool:
    """Whether the first kilobyte of ``data`` opens an RSS or Atom feed.

    >>> looks_like_feed(b'<?xml version="1.0"?>\\n<rss version="2.0">'), looks_like_feed(b"<html><body>")
    (True, False)
    """
    return _LOOKS_LIKE_FEED.search(data[:1024]) is not None


def feed_records(text: str, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The feed's items as records (``title``, ``url``, ``published``, ``author``, ``publisher``, ``text``), each
    with the line it starts on; an item with no body is an :class:`InputError` in its place, so the other items
    are read.

    :raises InputError: when the text is no well-formed RSS or Atom feed (with the line and column).
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True)
    try:
        root = etree.fromstring(re.sub(r"\A\s*<\?xml[^>]*\?>", "", text).encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if getattr(exc, "position", None) else (0, 0)
        raise InputError(f"{source}: not a well-formed feed (line {line}, column {column}: {exc.msg}); "
                         "is it RSS or Atom?") from None
    if root is None or _local(root) not in _FEED_ROOTS:
        raise InputError(f"{source}: not an RSS or Atom feed (the root element is "
                         f"<{_local(root) if root is not None else ''}>); save the articles as .html or .txt")
    channel = next((el for el in root.iter() if _local(el) in ("channel", "feed")), root)
    publisher = _child_text(channel, "title")
    for item in (el for el in root.iter() if _local(el) in _ITEMS):
        line = item.sourceline or 0
        body = _child_text(item, "encoded", "content") or _child_text(item, "description", "summary")
        if not body:
            yield line, {"error": InputError("the item has no description or content; nothing to read")}
            continue
        guid = _child_text(item, "guid", "id")
        yield line, {
            "id": guid or _link(item),  # (a re-read feed's changed item is a new version of the same article)
            "title": _plain(_child_text(item, "title")),
            "url": _link(item),
            "published": _date(_child_text(item, "pubDate", "published", "date", "issued", "updated")),
            "author": _author(item),
            "publisher": _plain(publisher),
            "text": body,
        }


def _local(el: Any) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1].split(":")[-1]


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if _local(c) == name]


def _child_text(el: Any, *names: str) -> str:
    """The text of the first child named by one of ``names`` that has any (the names in order of preference)."""
    for name in names:
        for child in _children(el, name):
            text = "".join(child.itertext()).strip() if len(child) and child.get("type") == "xhtml" else \
                (child.text or "").strip()
            if text:
                return text
    return ""


def _plain(text: str) -> str:
    """A title given as HTML ("Acme &lt;b&gt;beats&lt;/b&gt;", Atom ``type="html"``) as plain text."""
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _link(item: Any) -> str | None:
    for link in _children(item, "link"):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return str(href)
        if (link.text or "").strip():
            return (link.text or "").strip()
    guid = next(iter(_children(item, "guid")), None)
    if guid is not None and guid.get("isPermaLink", "true") != "false" and (guid.text or "").startswith("http"):
        return (guid.text or "").strip()
    return None


def _author(item: Any) -> str | None:
    """``dc:creator``, Atom ``<author><name>``, or RSS ``<author>``'s name ("jane@example.com (Jane Doe)").

    >>> from lxml import etree
    >>> _author(etree.fromstring("<item><author>jane@example.com (Jane Doe)</author></item>"))
    'Jane Doe'
    """
    if creator := _child_text(item, "creator"):
        return creator
    for author in _children(item, "author"):
        if name := _child_text(author, "name"):
            return name
        text = (author.text or "").strip()
        if match := re.fullmatch(r"\S+@\S+\s*\((.+)\)", text):
            return match.group(1).strip()
        if text and "@" not in text:
            return text
    return None


def _date(value: str) -> str | None:
    """An RFC 822 date as ISO 8601; an ISO date as it is.

    >>> _date("Wed, 06 Aug 2025 09:30:00 -0400"), _date("2025-08-06T09:30:00Z"), _date("")
    ('2025-08-06T09:30:00-04:00', '2025-08-06T09:30:00Z', None)
    """
    if not value:
        return None
    if re.match(r"\d{4}-\d\d", value):
        return value
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value  # (the reader says what it cannot read)
