"""The extraction orchestrator: one document in, its companies, quantities and claims out.

Stages (one module each):

1. :mod:`~claimgraph.sources.readers` and :mod:`~claimgraph.sources.metadata`
   have already read the document, stripped page debris and found the bylines;
2. :mod:`~claimgraph.sources.sentences` splits the normalised text;
3. :mod:`~claimgraph.sources.companies` finds companies and the main one;
4. :mod:`~claimgraph.sources.quantities` finds money, percentages, power ...;
5. :mod:`~claimgraph.sources.periods` finds periods and the article's reporting period;
6. :mod:`~claimgraph.sources.claims` (with :mod:`~claimgraph.sources.modality`)
   attaches each quantity to a company, metric, measure, period and modality.

>>> from claimgraph.sources.readers import Metadata, text_document
>>> doc = text_document("Acme results\\nAcme Corp said third-quarter revenue rose 12% to $1.2 billion.",
...                     "x.txt", Metadata())
>>> [(c.company, c.metric, c.measure.value, c.value.low, c.period) for c in extract(doc).claims]
[('Acme', 'revenue', 'change', 12.0, None), ('Acme', 'revenue', 'level', 1200000000.0, None)]
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from claimgraph.sources.claims import ArticleContext, claims_for_sentence
from claimgraph.sources.companies import CompanyFinder, CompanyMention, Registry, load_registry, main_company
from claimgraph.sources.corrections import correction_notice
from claimgraph.sources.metrics import Vocabulary, load_vocabulary
from claimgraph.sources.model import Claim, Company, Document, Extraction, Period, Quantity, Resolution
from claimgraph.sources.periods import PeriodMention, find_period_mentions, year_from_published
from claimgraph.sources.quantities import find_quantities
from claimgraph.sources.sentences import Sentence, split_sentences


def extract(doc: Document, *, registry: Registry | None = None, vocab: Vocabulary | None = None) -> Extraction:
    """Extract every claim from ``doc``. Quotes are exact slices of ``doc.original``."""
    registry = registry or load_registry()
    vocab = vocab or load_vocabulary()
    doc.correction = correction_notice(doc.title, doc.text, published=doc.published)
    text = doc.text
    sentences = split_sentences(text)
    finder = CompanyFinder(registry)
    company_mentions = finder.find(text)
    title_end = len(doc.title) if doc.title and text.startswith(doc.title[:20]) else 0
    title_mentions = [m for m in company_mentions if m.end <= title_end]
    main = main_company(company_mentions, title_mentions)
    per_sentence = [(s, find_quantities(s.text), find_period_mentions(s.text)) for s in sentences]
    ctx = _context(main, per_sentence, doc)
    claims: list[Claim] = []
    quantities: list[Quantity] = []
    for sentence, qs, periods in per_sentence:
        for q in qs:
            quantities.append(dataclasses.replace(q, start=q.start + sentence.start, end=q.end + sentence.start))
        if not qs:
            _note_margins(sentence, vocab, ctx)
            continue
        local = _local_companies(company_mentions, sentence)
        base = len(claims)
        for claim in claims_for_sentence(sentence, qs, local, periods, vocab, ctx):
            o_start, o_end = doc.span(sentence.start, sentence.end)
            claim.span = (o_start, o_end)
            claim.quote = doc.original[o_start:o_end]
            if claim.revises is not None:
                claim.revises += base
            claims.append(claim)
    _repeat_periods(claims)
    companies = list(dict.fromkeys(m.company.id for m in company_mentions))
    by_id = {m.company.id: m.company for m in company_mentions}
    return Extraction(doc, main, [by_id[c] for c in companies], claims, quantities)


def _repeat_periods(claims: list[Claim]) -> None:
    """A figure repeated without a period refers to the period it was first given with in the article."""
    known: dict[tuple[object, ...], Claim] = {}
    for c in claims:
        key = (c.company, c.metric, c.measure, c.value.low, c.value.high, c.modality)
        if c.period is not None:
            known.setdefault(key, c)
    for c in claims:
        if c.period is None:
            first = known.get((c.company, c.metric, c.measure, c.value.low, c.value.high, c.modality))
            if first is not None:
                c.period, c.base_period = first.period, first.base_period
                c.resolution = Resolution.INFERRED_CONTEXT


def _note_margins(sentence: Sentence, vocab: Vocabulary, ctx: ArticleContext) -> None:
    if "margin" not in sentence.text.lower():
        return
    for m in vocab.mentions(sentence.text):
        if m.metric.endswith("margin"):
            ctx.last_margin = m.metric


def _local_companies(mentions: list[CompanyMention], sentence: Sentence) -> list[CompanyMention]:
    return [dataclasses.replace(m, start=m.start - sentence.start, end=m.end - sentence.start)
            for m in mentions if sentence.start <= m.start and m.end <= sentence.end]


def _context(main: Company | None, per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]],
             doc: Document) -> ArticleContext:
    """The article's reporting period and default year, from all the periods it names."""
    fye = main.fiscal_year_end if main else (12, 31)
    mentions = [p for _, _, ps in per_sentence for p in ps]
    years = Counter(p.year for p in mentions if p.year is not None and p.kind != "years")
    default_year = doc.published.year if doc.published else None
    if default_year is None and years:
        default_year = min(years.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    counts: Counter[str] = Counter()
    periods: dict[str, Period] = {}
    for p in mentions:
        if p.kind not in {"quarter", "half", "nine_months"}:
            continue
        if p.year is None and doc.published is not None:
            p = dataclasses.replace(p, year=year_from_published(p, fye, doc.published))
        period, _ = p.resolve(fye, None, default_year)
        if period is None or (doc.published is not None and period.end > doc.published):
            continue
        counts[period.label] += 1
        periods[period.label] = period
    context = None
    if counts:
        label = max(counts, key=lambda k: (counts[k], periods[k].end))
        context = periods[label]
    return ArticleContext(main=main, period=context, default_year=default_year, published=doc.published, fye=fye)
