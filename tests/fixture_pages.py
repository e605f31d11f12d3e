"""The harness of the hand-written page folders (``tests/fixtures/pages2``, ``pages3``): each item is read as
``claimgraph extract`` reads it and checked against its folder's ``expected.json`` (metadata compared as
``tests/quality/metadata_eval.py`` compares it, author kinds too; the listed claims present; boilerplate absent)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Claim, Document
from claimgraph.sources.readers import Format, Metadata, html_document, text_document
from tests.quality.metadata_eval import same

FIXTURES = Path(__file__).parent / "fixtures"


def expected(folder: str) -> dict[str, Any]:
    """The expectations of a folder's items, by file name (keys starting "_" are notes)."""
    data = json.loads((FIXTURES / folder / "expected.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@cache
def read(folder: str, name: str) -> tuple[Document, tuple[Claim, ...]]:
    """An item read by its extension (HTML, Markdown or text) and its claims."""
    text = (FIXTURES / folder / name).read_text(encoding="utf-8")
    if name.endswith(".html"):
        doc = html_document(text, name, Metadata())
    else:
        doc = text_document(text, name, Metadata(), fmt=Format.MD if name.endswith(".md") else Format.TXT)
    return doc, tuple(extract(doc).claims)


def check_metadata(doc: Document, want: dict[str, Any]) -> None:
    got = {"title": doc.title, "publisher": doc.publisher, "url": doc.url,
           "date": doc.published.isoformat() if doc.published else None}
    for f, key in (("title", "title"), ("publisher", "publisher"), ("url", "url"), ("date", "published")):
        assert same(f, got[f], want[key]), f"{f}: {got[f]!r} != {want[key]!r}"
    assert same("author", [a.name for a in doc.authors], [n for n, _ in want["authors"]]), doc.authors
    assert [a.kind.value for a in doc.authors] == [k for _, k in want["authors"]]


def check_claims(claims: tuple[Claim, ...], want: dict[str, Any]) -> None:
    for metric, value in want["claims"]:
        assert any(c.metric == metric and c.value.low is not None
                   and c.value.low - 1e-6 * abs(value) <= value <= (c.value.high or c.value.low) + 1e-6 * abs(value)
                   for c in claims), (metric, value, [(c.metric, c.value.low) for c in claims])


def check_absent(doc: Document, claims: tuple[Claim, ...], want: dict[str, Any]) -> None:
    for text in want["absent"]:
        assert text not in doc.text, text
        assert not [c.quote for c in claims if text in c.quote], text
