"""Readers: files, folders and stdin in text, Markdown, HTML, JSON and JSONL.

Every reader yields :class:`ReadResult` items: a :class:`Document`, or a
failure naming the item and the reason, so that a batch goes on past a bad
file and reports it at the end.

Metadata a file lacks comes from :class:`Metadata` overrides (the CLI's
``--published``, ``--publisher``, ``--url``, ``--author``) or from a sidecar
file ``NAME.meta.json`` next to ``NAME.txt`` (also ``NAME.txt.meta.json``),
holding any of ``title``, ``author`` (string or list), ``publisher``,
``published``, ``url`` and ``language``.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError, UnsupportedFormatError
from claimgraph.sources.bylines import authors_from
from claimgraph.sources.encoding import decode_bytes
from claimgraph.sources.feeds import feed_records, looks_like_feed
from claimgraph.sources.frontmatter import front_matter_fields, split_front_matter, split_header_block
from claimgraph.sources.htmltext import has_markup, is_full_page, reader_text
from claimgraph.sources.language import guess_language
from claimgraph.sources.metadata import clean_text, parse_author, parse_date
from claimgraph.sources.model import Author, AuthorKind, Document
from claimgraph.sources.paths import InputItem, display, read_capped, walk_inputs
from claimgraph.sources.records import json_records, jsonl_lines, normalise_record
from claimgraph.sources.text import normalise

MAX_BYTES_DEFAULT = 20 * 1024 * 1024


class Format(StrEnum):
    """Input formats, guessed from the file extension."""

    TXT = "txt"
    MD = "md"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"
    FEED = "feed"  # RSS or Atom: one article per item (:mod:`claimgraph.sources.feeds`)

    @classmethod
    def from_path(cls, path: Path) -> Format:
        """Guess a format from an extension.

        :raises UnsupportedFormatError: for an extension claimgraph does not read.

        >>> Format.from_path(Path("a/b.htm"))
        <Format.HTML: 'html'>
        """
        ext = path.suffix.lower().lstrip(".")
        mapping = {"txt": cls.TXT, "text": cls.TXT, "md": cls.MD, "markdown": cls.MD, "html": cls.HTML,
                   "htm": cls.HTML, "xhtml": cls.HTML, "json": cls.JSON, "jsonl": cls.JSONL,
                   "ndjson": cls.JSONL, "rss": cls.FEED, "atom": cls.FEED, "xml": cls.FEED}
        if ext not in mapping:
            raise UnsupportedFormatError(
                f"{path}: unsupported file type '.{ext}'; use .txt, .md, .html, .json, .jsonl or a feed (.rss, "
                ".atom, .xml)")
        return mapping[ext]


@dataclass(frozen=True, slots=True)
class Metadata:
    """Metadata from one source: the user (CLI, sidecar), a record's fields, front matter or page tags."""

    title: str | None = None
    authors: tuple[str | Author, ...] = ()
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    keywords: tuple[str, ...] = ()

    def over(self, fallback: Metadata) -> Metadata:
        """These fields, with the gaps filled from ``fallback``.

        >>> Metadata(title="A").over(Metadata(title="B", url="https://x.test/a")).url
        'https://x.test/a'
        """
        return Metadata(
            title=self.title or fallback.title, authors=self.authors or fallback.authors,
            publisher=self.publisher or fallback.publisher, published=self.published or fallback.published,
            url=self.url or fallback.url, language=self.language or fallback.language,
            keywords=self.keywords or fallback.keywords)


@dataclass(slots=True)
class ReadResult:
    """One readable item (a document) or one failure with its reason."""

    source: str
    document: Document | None = None
    error: str | None = None
    item: int = 0  # the index of the input item (file) it came from, for progress


def decode(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8, or a legacy encoding on strong evidence (see :mod:`claimgraph.sources.encoding`).

    :raises InputError: for empty or binary input, or an encoding that is not guessed.

    >>> decode("caf\u00e9".encode("cp1252"), "x.txt")
    'café'
    """
    return decode_bytes(data, source).text


def iter_paths(paths: Iterable[str], *, exclude: Iterable[str | Path] = ()) -> Iterator[InputItem]:
    """Expand files, folders (recursively, sorted) and ``-`` (stdin) into input items (see
    :func:`claimgraph.sources.paths.walk_inputs`)."""
    return walk_inputs(paths, exclude=exclude)


def read_inputs(paths: Iterable[str], *, meta: Metadata | None = None, fmt: Format | None = None,
                max_bytes: int = MAX_BYTES_DEFAULT, stdin: Any = None, exclude: Iterable[str | Path] = (),
                warn: Callable[[str], None] | None = None,
                items: Iterable[InputItem] | None = None) -> Iterator[ReadResult]:
    """Read every input item, yielding documents and failures in input order.

    ``exclude`` lists files and folders never read (the store's own); ``warn`` receives one line per warning
    (damaged UTF-8, a legacy encoding); ``items`` are the input items when the caller has walked ``paths``
    already (to count them).

    >>> from claimgraph.sources.examples import example_paths
    >>> results = list(read_inputs([str(example_paths()[0])]))
    >>> results[0].document.authors[0].name
    'Henry Rivers'
    """
    meta = meta or Metadata()
    for n, item in enumerate(items if items is not None else iter_paths(paths, exclude=exclude)):
        for result in _read_item(item, meta, fmt, max_bytes, stdin, warn):
            result.item = n
            yield result


def _read_item(item: InputItem, meta: Metadata, fmt: Format | None, max_bytes: int, stdin: Any,
               warn: Callable[[str], None] | None) -> Iterator[ReadResult]:
    label, path = item.label, item.path
    if item.error is not None:
        yield ReadResult(label, error=item.error)
        return
    try:
        if path is None:
            if stdin is None and sys.stdin is None:
                raise InputError("-: standard input is closed; pipe the text in (… | claimgraph ingest -) or "
                                 "pass files")
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
            if isinstance(data, str):
                data = data.encode("utf-8", "surrogateescape")
            item_fmt = fmt or _sniff(data)
            sidecar: dict[str, Any] = {}
        else:
            item_fmt = fmt or Format.from_path(Path(label))
            size = path.stat().st_size
            if size > max_bytes:
                raise InputError(f"{label}: file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB "
                                 "limit; split it or raise --max-bytes")
            data = read_capped(path, max_bytes, label=label)
            sidecar = _read_sidecar(path)
        if len(data) > max_bytes:
            raise InputError(f"{label}: input is over the {max_bytes / 1e6:.0f} MB limit; "
                             "split it or raise --max-bytes")
        decoded = decode_bytes(data, label)
        for warning in decoded.warnings:
            if warn is not None:
                warn(warning)
        yield from _parse(decoded.text, label, item_fmt, _merge(meta, sidecar))
    except InputError as exc:
        yield ReadResult(label, error=str(exc))
    except OSError as exc:
        yield ReadResult(label, error=f"{label}: cannot read ({exc.strerror or exc}); check permissions")
    except Exception as exc:  # a parser bug on one input must not end the batch
        yield ReadResult(label, error=f"{label}: cannot read ({type(exc).__name__}: {exc})")


def _sniff(data: bytes) -> Format:
    if looks_like_feed(data):
        return Format.FEED
    head = data.lstrip()[:200].lower()
    if head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<article")):
        return Format.HTML
    if head.startswith(b"["):
        return Format.JSON
    if head.startswith(b"{"):
        first = data.lstrip().split(b"\n", 1)[0]
        try:
            json.loads(first)
            return Format.JSONL
        except ValueError:
            return Format.JSON
    return Format.TXT


def _read_sidecar(path: Path) -> dict[str, Any]:
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (ValueError, OSError) as exc:
                raise InputError(f"{display(candidate)}: invalid sidecar JSON ({exc}); fix or remove it") from exc
            try:
                return normalise_record(data)
            except InputError as exc:
                raise InputError(f"{display(candidate)}: invalid sidecar: {exc}; fix or remove it") from None
    return {}


def _merge(meta: Metadata, record: dict[str, Any]) -> Metadata:
    authors = record.get("author") or record.get("authors")
    if isinstance(authors, str):
        authors = [authors]
    return replace(
        meta,
        title=str(record["title"]) if record.get("title") else meta.title,
        authors=tuple(str(a) for a in authors) if authors else meta.authors,
        publisher=_first(record, "publisher", "site_name", "sitename", "source") or meta.publisher,
        published=_first(record, "published", "date", "datePublished", "published_at", "publishedAt", "pubDate",
                         "publication_date", "published_date") or meta.published,
        url=_first(record, "url", "link") or meta.url,
        language=_first(record, "language", "lang") or meta.language,
    )


def _first(record: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if value:
            return str(value)
    return None


def _parse(text: str, label: str, fmt: Format, meta: Metadata) -> Iterator[ReadResult]:
    if fmt in (Format.TXT, Format.MD):
        yield ReadResult(label, document=text_document(text, label, meta, fmt=fmt))
    elif fmt is Format.HTML:
        yield ReadResult(label, document=html_document(text, label, meta))
    elif fmt is Format.JSON:
        for line, record in json_records(text, label):
            yield _checked_record(record, f"{label}:{line}", meta)
    elif fmt is Format.FEED:
        if not looks_like_feed(text.encode("utf-8", "surrogateescape")):
            if not text.lstrip().startswith("<"):
                raise InputError(f"{label}: not an RSS or Atom feed; give it its own extension or --input-format")
            yield ReadResult(label, document=html_document(text, label, meta))  # (an .xml page that is no feed)
            return
        for line, record in feed_records(text, label):
            error = record.get("error")
            yield ReadResult(f"{label}:{line}", error=f"{label}:{line}: {error}") if error is not None \
                else _checked_record(record, f"{label}:{line}", meta)
    else:
        for line, raw in jsonl_lines(text):
            where = f"{label}:{line}"
            try:
                record = json.loads(raw)
            except ValueError as exc:
                yield ReadResult(where, error=f"{where}: invalid JSON ({getattr(exc, 'msg', exc)}); "
                                              "fix or remove the line")
                continue
            yield _checked_record(record, where, meta)


def _checked_record(record: Any, where: str, meta: Metadata) -> ReadResult:
    """One record, its fields checked by type; any failure is this record's alone."""
    if isinstance(record, InputError):
        return ReadResult(where, error=f"{where}: {record}")
    try:
        return _record(normalise_record(record), where, meta)
    except InputError as exc:
        return ReadResult(where, error=f"{where}: {exc}; fix the record")
    except Exception as exc:  # a bug on one record must not end the file
        return ReadResult(where, error=f"{where}: cannot read the record ({type(exc).__name__}: {exc})")


_CUT_MARK = re.compile(r"(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")


def _record(record: Any, where: str, meta: Metadata) -> ReadResult:
    if not isinstance(record, dict):
        return ReadResult(where, error=f"{where}: a record must be a JSON object")
    body = _first(record, "text", "body", "content", "article", "html") or _first(record, "description", "summary")
    if body:
        body = _CUT_MARK.sub("", body)  # (a news API's truncated content: "... [+1234 chars]")
    if not body:
        return ReadResult(where, error=f"{where}: record has no text, body or content field")
    merged = _merge(meta, record)
    rid = record.get("id")
    try:
        if ("html" in record and not record.get("text") and not record.get("body")) or is_full_page(body):
            doc = html_document(body, where, meta, declared=_merge(Metadata(), record))
        else:
            doc = text_document(body, where, merged, title_first_line=not merged.title, fmt=Format.JSON)
    except InputError as exc:
        return ReadResult(where, error=str(exc))
    doc.record_id = None if rid is None else str(rid)
    return ReadResult(where, document=doc)


def text_document(original: str, source: str, meta: Metadata, *, title_first_line: bool = True,
                  fmt: Format = Format.TXT) -> Document:
    """A :class:`Document` from plain text or Markdown (or a JSON record's text).

    Front matter (YAML ``---`` or TOML ``+++``, or a ``Title:``/``Date:`` header block, in text and Markdown
    files) gives metadata that wins over
    ``meta`` (sidecar and command-line defaults) and over what is guessed from the text; it is blanked out
    character for character, so spans still index the file. A body holding HTML (tags, comments or entities)
    is replaced by the text a reader sees (:func:`~claimgraph.sources.htmltext.reader_text`): then
    ``Document.original`` is that reader text and spans index it.

    :raises InputError: when nothing but debris is left, or the front matter does not parse.

    >>> doc = text_document("---\\ntitle: Q3 results\\nauthor: [Jane Doe, John Roe]\\n---\\n<p>Sales rose.</p>",
    ...                     "a.md", Metadata(), fmt=Format.MD)
    >>> doc.title, [a.name for a in doc.authors], doc.original
    ('Q3 results', ['Jane Doe', 'John Roe'], 'Sales rose.')
    """
    if fmt in (Format.TXT, Format.MD):
        fm = split_front_matter(original, source=source) or split_header_block(original)
        if fm is not None:
            meta = _front_matter_meta(front_matter_fields(fm.data)).over(meta)
            original = re.sub(r"[^\n]", " ", original[:fm.end]) + original[fm.end:]
    if has_markup(original):
        original = reader_text(original, keep_newlines=True)
    return _document(original, source, meta, title_first_line=title_first_line, fmt=fmt)


def _front_matter_meta(fields: dict[str, Any]) -> Metadata:
    return Metadata(title=fields.get("title"), authors=tuple(fields.get("authors", ())),
                    publisher=fields.get("publisher"), published=fields.get("published"), url=fields.get("url"),
                    language=fields.get("language"), keywords=tuple(fields.get("keywords", ())))


def _document(original: str, source: str, meta: Metadata, *, title_first_line: bool, fmt: Format | str) -> Document:
    if fmt is Format.MD:
        original = _strip_markdown(original)
    cleaned = clean_text(original, title_first_line=title_first_line and not meta.title)
    text, origin = normalise(original, cleaned.keep)
    if not text.strip():
        raise InputError(f"{source}: no article text left after removing page debris")
    authors = _authors(meta.authors, meta.publisher) or cleaned.authors
    return Document(
        text=text, original=original, origin=origin, source=source,
        title=meta.title or cleaned.title.lstrip("# ").strip(), authors=authors,
        publisher=meta.publisher, published=_date(meta.published, source) or cleaned.published, url=meta.url,
        language=meta.language or guess_language(text), fmt=str(fmt), keywords=list(meta.keywords),
    )


def _authors(given: tuple[str | Author, ...], publisher: str | None) -> list[Author]:
    """Authors given as metadata: strings are parsed as bylines (AI agents recognised), then cleaned."""
    parsed: list[str | Author] = []
    for a in given:
        agent = parse_author(a) if isinstance(a, str) else a
        parsed.append(agent if agent.kind is AuthorKind.SOFTWARE or isinstance(a, Author) else a)
    return authors_from(parsed, publisher=publisher) if parsed else []


def _strip_markdown(text: str) -> str:
    """Blank out Markdown markup character for character, so offsets stay exact."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))

    text = re.sub(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))", blank, text)
    text = re.sub(r"\*\*|__|(?<![\w*])\*(?=\w)|(?<=[\w.!?)%\u201d\u2019])\*(?![\w*])|`", blank, text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))),
                  text)
    return text


def _date(value: str | None, source: str) -> Any:
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise InputError(f"{source}: cannot read the published date '{value}'; use YYYY-MM-DD")
    return parsed


def html_document(html: str, source: str, meta: Metadata, *, declared: Metadata | None = None) -> Document:
    """A :class:`Document` from an HTML page: trafilatura's main text and the page's own metadata
    (:mod:`~claimgraph.sources.htmlmeta`: JSON-LD, OpenGraph, Twitter, Dublin Core, ``<meta>``, byline).

    Metadata comes, field by field, from ``declared`` (a JSON record's own fields), then the page, then
    ``meta`` (sidecar and command-line defaults). ``Document.original`` is the title line and the main text.

    :raises InputError: when the page holds no visible text.
    """
    from claimgraph.sources.htmlmeta import main_text, page_metadata

    page = page_metadata(html)
    body = main_text(html, source)
    fields = (declared or Metadata()).over(Metadata(
        title=page.title, authors=tuple(page.authors), publisher=page.publisher,
        published=page.published.isoformat() if page.published else None, url=page.url, language=page.language,
        keywords=tuple(page.keywords))).over(meta)
    title = fields.title or ""
    original = (title + "\n" + body) if title else body
    # The title comes from the page's markup only: a page without one keeps an empty title.
    return _document(original, source, fields, title_first_line=bool(title), fmt=Format.HTML)
