"""No text may crash extraction: every word and pattern of every vocabulary table, and real text, mutated.

An exception inside extraction is a bug (a real page was once lost to ``KeyError: 'halve'``). The tables are
found by walking the extraction modules, so a word or pattern added later is covered without editing this file:
every ``dict``/``set``/``list`` of strings and every compiled pattern at module level, plus the metric synonyms
(``metrics.toml``) and company names and aliases (``companies.toml``). Words run through fixed sentence
templates, exhaustively; patterns run through hypothesis (``st.from_regex``). The fuzz tests mutate real text
from the shared data folder (financial sentences, wire items, saved pages) and skip when it is missing.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import tarfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.sources import claims, metadata, modality, periods, quantities, sentences
from claimgraph.sources.companies import load_registry
from claimgraph.sources.extract import extract
from claimgraph.sources.metrics import load_vocabulary
from claimgraph.sources.readers import Format, Metadata, html_document, text_document
from tests.quality.metadata_eval import data_dir

MODULES: tuple[ModuleType, ...] = (quantities, periods, claims, modality, sentences, metadata)
TEMPLATES = (
    "{w}",
    "Acme Corp said {w} rose 12% to $1.2 billion in the third quarter of 2025.",
    "Acme's {w} was $5.05 billion, {w} from a year earlier, and it sees {w} of 3% to 4% in fiscal 2026.",
    "{w} {w} 1987 Qtr to Dec 31 Shr 20 cts vs {w} two cts Net {w} mln dlrs",
)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            if isinstance(v, str | list | tuple | set | frozenset):
                yield from _strings(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item)


@lru_cache(maxsize=1)
def vocabulary_words() -> tuple[str, ...]:
    """Every word of every table: module-level collections of strings, metric synonyms, company names."""
    words: set[str] = set()
    for module in MODULES:
        for name, value in vars(module).items():
            if name.startswith("__") or isinstance(value, str | re.Pattern) or callable(value):
                continue
            words.update(w for w in _strings(value) if w.strip())
    vocab = load_vocabulary()
    for metric in vocab.metrics.values():
        words.update(metric.synonyms)
        words.update(getattr(metric, "negative", ()))
        words.add(metric.label)
    for company in load_registry().companies.values():
        words.update((company.name, *company.aliases, *company.tickers))
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def vocabulary_patterns() -> tuple[re.Pattern[str], ...]:
    """Every compiled pattern at module level of the extraction modules."""
    found = [value for module in MODULES for value in vars(module).values()
             if isinstance(value, re.Pattern) and isinstance(value.pattern, str)]
    return tuple(found)


def _check(text: str) -> None:
    try:
        doc = text_document(text, "vocab", Metadata(published="2025-11-12"))
    except InputError:
        return
    ex = extract(doc)
    for c in ex.claims:
        assert doc.original[c.span[0]:c.span[1]] == c.quote


def forms(word: str) -> set[str]:
    """A table word and the forms that broke extraction before (a stem such as "halv" becomes "halved")."""
    return {word, word.upper(), word.capitalize(), word + "s", word + "es", word + "ed", word + "d", word + "ing",
            word + "e"}


def test_the_tables_were_found() -> None:
    words, patterns = vocabulary_words(), vocabulary_patterns()
    assert len(words) > 300 and len(patterns) > 20
    every = {f.lower() for w in words for f in forms(w)}
    assert {"billion", "doubled", "halved", "halving", "halves", "revenue", "mln", "eur"} <= every


@pytest.mark.slow
def test_every_vocabulary_word_through_extraction() -> None:
    """Each word in each template, and each word's forms that broke things before (capitals, plural, -ed)."""
    failures = []
    for word in vocabulary_words():
        for form in forms(word):
            for template in TEMPLATES:
                text = template.format(w=form)
                try:
                    _check(text)
                except Exception as exc:  # collect every failure, not just the first
                    failures.append(f"{text!r}: {type(exc).__name__}: {exc}")
    assert not failures, "\n".join(failures[:20])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_every_vocabulary_pattern_through_extraction(data: st.DataObject) -> None:
    """Strings that match each pattern, alone and inside sentences."""
    pattern = data.draw(st.sampled_from(vocabulary_patterns()))
    sample = data.draw(st.from_regex(pattern, fullmatch=False).map(lambda s: s[:300]))
    template = data.draw(st.sampled_from(TEMPLATES))
    _check(template.format(w=sample))


# --- real text, mutated --------------------------------------------------------------------------------------

def _data() -> Path:
    folder = data_dir()
    if folder is None:
        pytest.skip("the shared data folder (../shared/data) is missing; set CLAIMGRAPH_SHARED_DATA")
    return folder


@lru_cache(maxsize=1)
def _real_texts(folder: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A fixed sample of real sentences and wire items, and the saved pages (HTML)."""
    rng = random.Random(11)
    texts: list[str] = []
    phrasebank = folder / "financial_phrasebank" / "Sentences_50Agree.txt.gz"
    if phrasebank.exists():
        with gzip.open(phrasebank, "rt", encoding="latin-1") as fh:
            lines = [line.rsplit("@", 1)[0] for line in fh if line.strip()]
        texts += rng.sample(lines, min(300, len(lines)))
    wire = folder / "reuters21578-dev.jsonl.gz"
    if wire.exists():
        with gzip.open(wire, "rt", encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh]
        texts += [f"{r.get('title', '')}\n{r.get('text', '')}" for r in rng.sample(records, min(150, len(records)))]
    pages: list[str] = []
    tarball = folder / "html-pages-dev.tar.gz"
    if tarball.exists():
        with tarfile.open(tarball) as tar:
            for m in tar.getmembers():
                fh = tar.extractfile(m) if m.isfile() and m.name.endswith(".html") else None
                if fh is not None:
                    pages.append(fh.read().decode("utf-8", errors="replace"))
    return tuple(texts), tuple(pages)


def _mutate(text: str, data: st.DataObject) -> str:
    chars = list(text) or ["x"]
    for _ in range(data.draw(st.integers(min_value=0, max_value=30))):
        pos = data.draw(st.integers(min_value=0, max_value=max(len(chars) - 1, 0)))
        op = data.draw(st.sampled_from(["del", "dup", "ins", "swap"]))
        if op == "del":
            del chars[pos:pos + data.draw(st.integers(1, 60))]
        elif op == "dup":
            chars[pos:pos] = chars[pos:pos + data.draw(st.integers(1, 120))]
        elif op == "ins":
            chars[pos:pos] = list(data.draw(st.sampled_from(
                ["$", "%", "~", ".", ",", "-", "–", "0", "9", "Q3", " billion", " halved", " mln", "\n", "\x00",
                 "’", "<", ">", "</p>", "<br>", "&amp;", "---\n", "+++\n", "年", "€", " vs ", "(", ")"])))
        elif len(chars) > 2:
            a = data.draw(st.integers(0, len(chars) - 1))
            chars[pos], chars[a] = chars[a], chars[pos]
        if not chars:
            chars = ["x"]
    return "".join(chars)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_real_sentences_and_wire_items(data: st.DataObject) -> None:
    texts, _ = _real_texts(_data())
    if not texts:
        pytest.skip("no sentences or wire items in the shared data folder")
    text = _mutate(data.draw(st.sampled_from(texts)), data)
    fmt = data.draw(st.sampled_from([Format.TXT, Format.MD, Format.JSON]))
    try:
        doc = text_document(text, "fuzz", Metadata(), fmt=fmt)
    except InputError:
        return
    ex = extract(doc)
    for c in ex.claims:
        assert doc.original[c.span[0]:c.span[1]] == c.quote


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_real_pages(data: st.DataObject) -> None:
    _, pages = _real_texts(_data())
    if not pages:
        pytest.skip("no saved pages in the shared data folder")
    page = _mutate(data.draw(st.sampled_from(pages)), data)
    try:
        doc = html_document(page, "fuzz.html", Metadata())
    except InputError:
        return
    ex = extract(doc)
    for c in ex.claims:
        assert doc.original[c.span[0]:c.span[1]] == c.quote
