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
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError, UnsupportedFormatError
from claimgraph.sources.encoding import decode_bytes
from claimgraph.sources.metadata import clean_text, parse_author, parse_date
from claimgraph.sources.model import Document
from claimgraph.sources.paths import InputItem, display, read_capped, walk_inputs
from claimgraph.sources.records import json_records, jsonl_lines, normalise_record
from claimgraph.sources.text import normalise

MAX_BYTES_DEFAULT = 20 * 1024 * 1024
MIN_HTML_WORDS = 15  # less main text than this is navigation or an empty page, not an article


class Format(StrEnum):
    """Input formats, guessed from the file extension."""

    TXT = "txt"
    MD = "md"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"

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
                   "ndjson": cls.JSONL}
        if ext not in mapping:
            raise UnsupportedFormatError(
                f"{path}: unsupported file type '.{ext}'; use .txt, .md, .html, .json or .jsonl")
        return mapping[ext]


@dataclass(frozen=True, slots=True)
class Metadata:
    """Metadata supplied by the user for inputs that lack it."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None


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
        published=_first(record, "published", "date", "datePublished", "published_at") or meta.published,
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


def _record(record: Any, where: str, meta: Metadata) -> ReadResult:
    if not isinstance(record, dict):
        return ReadResult(where, error=f"{where}: a record must be a JSON object")
    body = _first(record, "text", "body", "content", "article", "html")
    if not body:
        return ReadResult(where, error=f"{where}: record has no text, body or content field")
    merged = _merge(meta, record)
    rid = record.get("id")
    try:
        if "html" in record and not record.get("text") and not record.get("body"):
            doc = html_document(body, where, merged)
        else:
            doc = text_document(body, where, merged, title_first_line=not merged.title, fmt=Format.JSON)
    except InputError as exc:
        return ReadResult(where, error=str(exc))
    doc.record_id = None if rid is None else str(rid)
    return ReadResult(where, document=doc)


def text_document(original: str, source: str, meta: Metadata, *, title_first_line: bool = True,
                  fmt: Format = Format.TXT) -> Document:
    """A :class:`Document` from plain text or Markdown.

    :raises InputError: when nothing but debris is left.
    """
    if fmt is Format.MD:
        original = _strip_markdown(original)
    cleaned = clean_text(original, title_first_line=title_first_line and not meta.title)
    text, origin = normalise(original, cleaned.keep)
    if not text.strip():
        raise InputError(f"{source}: no article text left after removing page debris")
    authors = [parse_author(a) for a in meta.authors] or cleaned.authors
    return Document(
        text=text, original=original, origin=origin, source=source,
        title=meta.title or cleaned.title.lstrip("# ").strip(), authors=authors,
        publisher=meta.publisher, published=_date(meta.published, source), url=meta.url,
        language=meta.language or "en", fmt=str(fmt),
    )


def _strip_markdown(text: str) -> str:
    """Blank out Markdown markup character for character, so offsets stay exact."""
    import re

    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))

    text = re.sub(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))", blank, text)
    text = re.sub(r"\*\*|__|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])|`", blank, text)
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


def html_document(html: str, source: str, meta: Metadata) -> Document:
    """A :class:`Document` from HTML, with trafilatura's main text and metadata.

    :raises InputError: when the page holds no article text.
    """
    import trafilatura

    result: Any
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             favor_precision=True)
    except Exception as exc:  # trafilatura raises a variety of parser errors
        raise InputError(f"{source}: cannot parse the HTML ({type(exc).__name__}); check the file") from exc
    body = getattr(result, "text", None) if result is not None else None
    if not body or len(body.split()) < MIN_HTML_WORDS:
        raise InputError(f"{source}: no article text found in the HTML; is it an article page?")
    title = meta.title or getattr(result, "title", None) or ""
    authors = list(meta.authors)
    if not authors and getattr(result, "author", None):
        authors = [a.strip() for a in str(result.author).split(";") if a.strip()]
    original = (title + "\n" + body) if title else body
    doc = text_document(original, source, replace(meta, title=title or None, authors=tuple(authors)),
                        title_first_line=not title)
    doc.title = title or doc.title
    doc.publisher = meta.publisher or getattr(result, "sitename", None) or None
    doc.url = meta.url or getattr(result, "url", None) or None
    if doc.published is None and getattr(result, "date", None):
        doc.published = parse_date(result.date)
    if getattr(result, "language", None) and not meta.language:
        doc.language = str(result.language)
    doc.fmt = "html"
    return doc
