"""The ingest's fast paths give exactly what the plain code gives: an article's N-Quads text (graph.article_text)
against the RDF model (rdf.article_quads), word counts, and the binary check of decoded input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.corpus import article
from claimgraph.graph.article_text import article_nquads, word_count
from claimgraph.graph.rdf import article_quads, nquads, text_hash
from claimgraph.sources.encoding import _odd, _odd_count
from claimgraph.sources.examples import example_paths
from claimgraph.sources.extract import extract
from claimgraph.sources.language import text_units
from claimgraph.sources.model import Author, AuthorKind, CorrectionNotice, Extraction
from claimgraph.sources.readers import Metadata, read_inputs, text_document

NOW = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
FIXTURES = Path(__file__).parent / "fixtures"


def _same(ex: Extraction) -> None:
    expected = nquads(article_quads(ex, now=NOW))
    assert article_nquads(ex, now=NOW) == expected
    assert article_nquads(ex, now=NOW, sha=text_hash(ex.document.text)) == expected


def test_same_text_as_the_model_on_examples_and_fixtures() -> None:
    paths = [str(p) for p in example_paths()] + [str(FIXTURES)]
    docs = [r.document for r in read_inputs(paths, warn=lambda _m: None) if r.document is not None]
    assert len(docs) >= 15
    for doc in docs:
        _same(extract(doc))


def test_same_text_on_synthetic_articles() -> None:
    for n in range(40):
        _same(extract(text_document(article(n), f"a{n}.txt", Metadata())))


def test_same_text_with_every_optional_part() -> None:
    """Authors of each kind, publisher, URL, record id, keywords, a correction, datetimes, odd characters."""
    text = ("Globex results \"Q3\"\\ \u2028 \x0b\nGlobex Corp said revenue was $5.25 billion in Q3 2025, and Acme "
            "Corp expects capex of about $1 billion to $1.2 billion in 2026.\nCorrection: an earlier version "
            "misstated the backlog.\n")
    doc = text_document(text, "odd\tname \udcff.txt", Metadata())
    doc.authors = [Author("Jane \"JD\" Doe", AuthorKind.PERSON), Author("Newsroom", AuthorKind.ORGANIZATION),
                   Author("Bot 9000", AuthorKind.SOFTWARE)]
    doc.publisher = "The Daily Ünïcode"
    doc.published = dt.date(2025, 10, 1)
    doc.url = "https://example.com/a?b=1&c=\"x\""
    doc.record_id = "rec-7"
    doc.keywords = ["earnings", "ai \u00e9"]
    ex = extract(doc)
    assert ex.claims
    ex.document.correction = CorrectionNotice("correction", "an earlier version\nmisstated it", dt.date(2025, 9, 30))
    _same(ex)
    ex.document.published = dt.datetime(2025, 10, 1, 12, 30, 5, 250000,
                                        tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    _same(ex)


def test_odd_names_are_minted_as_the_model_mints_them() -> None:
    doc = text_document("Acme results\nAcme Corp said revenue was $5 billion in Q3 2025.\n", "x.txt", Metadata())
    ex = extract(doc)
    ex.claims[0].company = "Acme> <evil"
    ex.claims[0].counterparties = ("Ünï Corp/🚀", "a b")
    _same(ex)  # safe_segment percent-encodes names: the same IRIs in both


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=60), st.text(max_size=300))
def test_same_text_property(title: str, body: str) -> None:
    text = f"{title.strip() or 'T'}\nAcme Corp reported revenue of $5 billion in Q3 2025. {body}"
    try:
        doc = text_document(text, "p", Metadata())
    except Exception:
        return
    _same(extract(doc))


@pytest.mark.parametrize("text", ["", " ", "Revenue rose 5% -- to $3 bn.", "a_b __ _ -- ٣ ² ½ é", "x\u2028y\x1cz\x85w",
                                  "国家卫生健康委依托全国公立医疗卫生机构", "Tokyo 東京 rose", "\u00a0a\u3000b\tc"])
def test_word_count_is_text_units(text: str) -> None:
    assert word_count(text) == text_units(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_word_count_property(text: str) -> None:
    assert word_count(text) == text_units(text)


def test_odd_count_on_every_code_point() -> None:
    every = "".join(chr(i) for i in range(0x110000))
    assert _odd_count(every) == sum(1 for ch in every if _odd(ch))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF)))
def test_odd_count_property(text: str) -> None:
    assert _odd_count(text) == sum(1 for ch in text if _odd(ch))
