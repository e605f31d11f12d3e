"""The extraction orchestrator: one document in, its companies, quantities and claims out.

Stages (one module each):

1. :mod:`~claimgraph.sources.readers` and :mod:`~claimgraph.sources.metadata`
   have already read the document, stripped page debris and found the bylines;
2. :mod:`~claimgraph.sources.layout` unwraps hard-wrapped wire copy, and
   :mod:`~claimgraph.sources.places` reads the dateline (place, currency);
3. :mod:`~claimgraph.sources.report` reads the headline: the company, the period reported and its end
   (stated, or by period arithmetic from the publication date);
4. :mod:`~claimgraph.sources.companies` finds companies and the main one;
5. :mod:`~claimgraph.sources.tables` turns wire results tables into claims, section by section, and
   :mod:`~claimgraph.sources.grids` reads statement tables in pipe form (HTML tables, Markdown) by their columns;
6. :mod:`~claimgraph.sources.sentences` splits the rest into sentences;
   :mod:`~claimgraph.sources.quantities` finds money, percentages, power ...;
   :mod:`~claimgraph.sources.periods` finds the periods they name;
7. :mod:`~claimgraph.sources.claims` (with :mod:`~claimgraph.sources.modality`)
   attaches each quantity to a company, metric, measure, period and modality;
8. repeated figures are kept once.

>>> from claimgraph.sources.readers import Metadata, text_document
>>> doc = text_document("Acme results\\nAcme Corp said third-quarter revenue rose 12% to $1.2 billion.",
...                     "x.txt", Metadata())
>>> [(c.company, c.metric, c.measure.value, c.value.low, c.period) for c in extract(doc).claims]
[('Acme', 'revenue', 'change', 12.0, None), ('Acme', 'revenue', 'level', 1200000000.0, None)]
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import itertools
import re
from collections import Counter

from claimgraph.sources.call_measures import basis_lead_end
from claimgraph.sources.callperiods import (
    CARRY_LINES,
    FORWARD_LINES,
    date_outlooks,
    forward_period,
    lead_mention,
    looks_ahead,
    spans_reported,
    the_quarter_only,
)
from claimgraph.sources.calls import blank_editor_notes, own_voice
from claimgraph.sources.claimperiods import INDEFINITE_BEFORE, YEAR_AGO_AFTER, YEAR_AGO_BEFORE_WORDS
from claimgraph.sources.claims import (
    claims_for_sentence,
    default_change,
    one_order,
    other_subject,
    sentence_subject,
)
from claimgraph.sources.companies import (
    CompanyFinder,
    CompanyMention,
    Registry,
    is_short_form,
    load_registry,
    main_company,
    speakers_firms,
)
from claimgraph.sources.comparatives import label_spans
from claimgraph.sources.context import ArticleContext
from claimgraph.sources.corrections import correction_notice
from claimgraph.sources.declared import declared_dollar
from claimgraph.sources.grids import Grid, GridContext, find_grids, grid_claims
from claimgraph.sources.layout import unwrap
from claimgraph.sources.leads import lead_name, lead_subject, rated_company
from claimgraph.sources.metrics import ADJUSTED_OF, UNCLASSIFIED, Vocabulary, load_vocabulary
from claimgraph.sources.modality import analyst_names, fact_clause_before
from claimgraph.sources.model import Claim, Company, Document, Extraction, Modality, Period, Quantity, Resolution
from claimgraph.sources.omitted import peso_country
from claimgraph.sources.outlooks import LEAD_SENTENCES, apply_lead, lead_period, outlook_lead, states_result
from claimgraph.sources.periods import (
    PeriodMention,
    find_period_mentions,
    fiscal_name,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_of,
    quarter_containing,
    shift_year,
    year_from_published,
)
from claimgraph.sources.places import Dateline, dateline, is_place
from claimgraph.sources.prices import bare_amounts
from claimgraph.sources.quantities import find_quantities, local_dollar_signs
from claimgraph.sources.report import (
    CALENDAR_WINDOW_DAYS,
    REPORT_LAG_DAYS,
    Headline,
    bare_period_line,
    display_name,
    forecast_period,
    fye_for,
    headline_subject,
    latest_date,
    latest_quarter_end,
    parse_headline,
    recent_calendar_end,
    report_period,
    stated_end,
    title_case,
)
from claimgraph.sources.rounded import headline_rounding
from claimgraph.sources.scan import AnchoredSearch, CaselessWords, Scanner
from claimgraph.sources.scopes import ends_scope, scope_opened
from claimgraph.sources.sections import OUTLOOK, apply_sections, find_sections
from claimgraph.sources.segments import part_pattern
from claimgraph.sources.sentences import Sentence, split_sentences
from claimgraph.sources.tables import ItemPeriod, parse_rows, section_period, table_claims, wrapped_tails
from claimgraph.sources.textgrids import find_text_grids


def extract(doc: Document, *, registry: Registry | None = None, vocab: Vocabulary | None = None) -> Extraction:
    """Extract every claim from ``doc``. Quotes are exact slices of ``doc.original``."""
    registry = registry or load_registry()
    vocab = vocab or load_vocabulary()
    if doc.published is None:
        doc.published = dateline_date(doc.text)  # relative periods need the day the text was written
    doc.correction = correction_notice(doc.title, doc.text, published=doc.published)
    text = blank_editor_notes(unwrap(doc.text, doc.original, doc.origin))  # ("[Phonetic]": ``calls``)
    title_end, lead_title = _title_end(doc, text)
    headline = parse_headline(doc.title)
    place = dateline(text[title_end:].lstrip("\n"), doc.published)
    dateline_end = title_end + (len(text[title_end:]) - len(text[title_end:].lstrip("\n"))) + place.end \
        if place is not None else 0
    finder, head_company, company_mentions, main = _article_companies(doc, text, registry, headline, place, title_end,
                                                                      lead_title, dateline_end)
    item = _item_period(headline, text[title_end:], place, doc)
    currency = _article_currency(doc, text, place, dateline_end)
    rows = parse_rows(text, currency=currency,
                      dividend=headline.kind == "dividend")
    claims: list[Claim] = []
    if rows and main is not None:
        claims += table_claims(rows, company=main.name, item=item, vocab=vocab, dividend=headline.kind == "dividend",
                               published=doc.published, quote=lambda a, b: _quote(doc, a, b), text=text)
    grids = find_grids(text) if "|" in text else []
    grids += _text_grids(doc)
    n_table = len(claims)  # wire table claims: their sections are their own
    notes_from = _notes_start(text) if rows else -1
    table_spans = [(r.start, r.end) for r in rows] + [(g.start, g.end) for g in grids]
    sentences = split_sentences(text)
    if table_spans:
        sentences = [s for s in sentences if not any(a <= s.start < b or s.start <= a < s.end for a, b in table_spans)]
    if rows and (tails := wrapped_tails(text)):
        # ("... minority interest 10.8" then "Mln vs 77.7 mln profit": a sentence that starts with a wrapped end)
        sentences = [s for s in sentences if not any(a <= s.start < b for a, b in tails)]
    pesos = peso_country(text) if currency == "USD" else None
    if main is None and not company_mentions and SKIP_WITHOUT_COMPANY:
        # no company found: every claim is a company's (one the text names, or the article's), so none can be made;
        # only the quantities are read (tests/test_speed_s8.py checks this against the whole path)
        return Extraction(doc, None, [], [], [_shifted(q, s.start)
                                             for s in sentences for q in _sentence_quantities(s, currency, pesos)])
    per_sentence, none_named = _read_sentences(sentences, currency, pesos, dateline_end)
    # (a calendar stated in a sentence about another company is that company's: "Lakeshore, based in Kingston,
    # reported revenue of C$640-million for its fiscal year ended Aug. 31")
    foreign = frozenset(i for i, (s, _, ps) in enumerate(per_sentence)
                        if ps and other_subject(s.text, _local_companies(company_mentions, s), main) is not None)
    ctx = _context(main, per_sentence, doc, foreign)
    ctx.calendars = _stated_calendars(per_sentence, foreign, company_mentions, main, doc.published)
    ctx.currency = currency
    ctx.analysts = analyst_names(text)
    ctx.parts = part_pattern(finder.parts)
    ctx.rated = _rated(text)
    ctx.spoken = own_voice(text[title_end:], doc.title or "")
    _article_period(item, headline, doc, ctx, per_sentence, title_end)
    quantities: list[Quantity] = []
    previous_end = 0
    lined = ctx.lined = _one_sentence_lines(text, sentences)
    deal_target: Company | None = None  # the company the sentence before said the article's company would buy
    forward: tuple[Period, int] | None = None  # the period a call's latest look ahead named, and its line
    for n_sentence, (sentence, qs, periods) in enumerate(per_sentence):
        for q in qs:
            quantities.append(_shifted(q, sentence.start))
        # (after unwrapping hard-wrapped copy, a line break ends a paragraph)
        new_paragraph = text.find("\n", previous_end, max(previous_end, sentence.start)) >= 0
        _paragraph_carry(ctx, new_paragraph, lined)
        previous_end = sentence.end
        _update_scope(sentence.text, ctx, new_paragraph and not lined)
        local = _local_companies(company_mentions, sentence)
        ctx.same_paragraph = not new_paragraph
        subject = sentence_subject(sentence.text, local, ctx)
        if subject is None and not local and deal_target is not None and _TARGET_RESULT.match(sentence.text):
            # "Acme Corp said it agreed to acquire Beta Foods Inc ... It earned 8.5 mln dlrs last year": the company
            # bought, whose past results describe it
            subject = ctx.prev_subject = deal_target
        deal_target = _deal_target(sentence.text, local, main) if subject is None else None
        if new_paragraph and not lined:
            ctx.outlook_left = 0
        # (a call's line without figures that looks ahead dates the outlooks of the next lines that name no period:
        # ``callperiods.forward_period``)
        ahead = forward if not periods or the_quarter_only(periods) else None
        if lined and ctx.spoken and not qs and looks_ahead(sentence.text) and (named_ahead := forward_period(
                sentence.text, periods or (find_period_mentions(sentence.text) if n_sentence not in none_named else []),
                ctx.period, ctx.published, ctx.fye, ctx.default_year, ctx.fy_shift)) is not None:
            forward = (named_ahead, n_sentence)
        if not qs and outlook_lead(sentence.text):
            _outlook_lead(sentence, periods, n_sentence in none_named, lined, ctx)
            ctx.prev_subject = subject
            continue
        in_outlook = ctx.outlook_left > 0 and bool(qs) and not states_result(sentence.text)
        ctx.outlook_left = ctx.outlook_left - 1 if ctx.outlook_left > 0 and not (qs and states_result(sentence.text)) \
            else 0
        if not qs:
            _no_figures(sentence, periods, n_sentence in none_named, lined, vocab, ctx)
            ctx.prev_subject = subject
            continue
        base = len(claims)
        ctx.named_segments, ctx.seen_segments, ctx.segment_end = [], [], -1
        claims += _sentence_claims(doc, sentence, qs, local, periods, vocab, ctx, base, notes_from, main)
        if in_outlook:  # ("Revenues of $1.155 billion to $1.255 billion" after "the following guidance.")
            apply_lead(claims[base:], ctx.outlook_period, main.name if main is not None else None)
        if ahead is not None and n_sentence - ahead[1] <= FORWARD_LINES:
            date_outlooks(claims[base:], ahead[0], main.name if main is not None else None)
        ctx.prev_subject = subject
        _segment_scope(claims[base:], lined, ctx)
    if "\n" in text:
        sections = [dataclasses.replace(s, start=doc.span(s.start, s.end)[0], end=doc.span(s.start, s.end)[1])
                    for s in find_sections(text, ctx.fye, ctx.period, ctx.default_year, title_end=title_end,
                                                   title=doc.title or "")]
        if sections:  # (the periods the sentences name are resolved only when a heading governs some of them)
            apply_sections(claims[n_table:], sections, ctx.period, named=_named_periods(per_sentence, ctx, doc))
    if grids and main is not None:
        table_currency = currency if place is not None else _stated_currency(quantities, currency)
        gctx = GridContext(main.name, ctx.period, ctx.fye, doc.published, table_currency)
        claims += _unstated_in_text(claims, [c for g in grids for c in grid_claims(
            g, text, gctx, vocab, quote=lambda a, b: _quote(doc, a, b))])
    if dateline_end:
        _filed_day_is_no_flow_period(claims, text[:dateline_end], ctx, vocab)
    _repeat_periods(claims)
    _outlook_by_magnitude(claims, ctx, vocab)
    _outlook_by_neighbours(claims)
    if main is not None and ctx.fye != (12, 31):
        _fiscal_labels(claims, main.name, ctx.fye)
    if "adjusted" in doc.original:
        _adjusted_by_note(claims, doc.original)
    if currency in _LOCAL_DOLLAR_SIGNS and "U" in text:
        _us_dollar_chain(claims, currency)
    if title_end:
        _headline_as_body(claims, doc.span(0, title_end)[1])
        claims = headline_rounding(claims, doc.span(0, title_end)[1])  # ("profit climbs 19%" over the body's 19.4%)
    claims = _once(claims)
    known = [m.company for m in company_mentions] + ([head_company] if head_company else [])
    by_id = {c.id: c for c in known}
    return Extraction(doc, main, list(by_id.values()), claims, quantities)


def _title_end(doc: Document, text: str) -> tuple[int, bool]:
    """Where the headline ends in the text (0: none), and whether the first line is a dateline lead instead."""
    title_end = len(doc.title) if doc.title and text.startswith(doc.title[:20]) else 0
    if title_end and doc.title and len(doc.title) >= 20:
        rest = text[title_end:].lstrip("\n")
        if rest.startswith(doc.title) and rest[len(doc.title):len(doc.title) + 1] in ("", "\n"):
            title_end = len(text) - len(rest) + len(doc.title)  # a page's <h1> repeating its <title>: one headline
    lead_title = bool(title_end) and (_DATELINE_LEAD.match(doc.title) is not None
                                      or _AGENCY_LEAD.match(doc.title) is not None)
    if lead_title:
        title_end = 0  # a text whose first line is its dateline lead ("VEVEY, Switzerland, July 25 (Reuters) -"): no headline
    return title_end, lead_title


def _article_companies(doc: Document, text: str, registry: Registry, headline: Headline, place: Dateline | None,
                       title_end: int, lead_title: bool, dateline_end: int,
                       ) -> tuple[CompanyFinder, Company | None, list[CompanyMention], Company | None]:
    """The companies of the article: the finder, the headline's company, the mentions (not a commentator's firm's)
    and the article's main company."""
    finder = CompanyFinder(registry)
    head_company = finder.company(headline.company, headline.ticker) if headline.company else None
    if head_company is None and headline.legal:
        head_company = finder.company(title_case(headline.legal), headline.ticker)  # "CHANCELLOR CORP": a company
    if head_company is not None and headline.complete:
        finder.complete.add(head_company.id)
    company_mentions = finder.find(text)
    if place is not None:
        d_start = title_end + (len(text[title_end:]) - len(text[title_end:].lstrip("\n")))
        company_mentions = [m for m in company_mentions if not d_start <= m.start < d_start + place.end]
    if head_company is None and (lead_title or not doc.title) and (name := lead_name(text, dateline_end)) is not None \
            and not any(m.start < dateline_end + 80 and m.start >= dateline_end for m in company_mentions) \
            and finder.plausible(name) and not is_place(name) and (head_company := finder.company(name)) is not None:
        # a lead opening on a name no rule found ("Cloud security firm Ravelin Labs raised $1.1 billion"): the company
        company_mentions = [m for m in finder.find(text) if m.start >= dateline_end or m.end <= title_end]
    title_mentions = [m for m in company_mentions if m.end <= title_end] if title_end else finder.find(doc.title)
    if finder.renamed:  # a company first named shortly ("TSENG") and then in full ("Tseng Laboratories Inc")
        head_company = finder.current(head_company)
        company_mentions = [dataclasses.replace(m, company=finder.current(m.company) or m.company)
                            for m in company_mentions]
        title_mentions = [dataclasses.replace(m, company=finder.current(m.company) or m.company)
                          for m in title_mentions]
    firms = speakers_firms(text, company_mentions)  # (a commentator's firm is not the article's company)
    main = head_company or _subject_company("" if lead_title else doc.title, company_mentions, finder,
                                            text, title_end) \
        or main_company([m for m in company_mentions if m.company.id not in firms],
                        [m for m in title_mentions if m.company.id not in firms]
                        or [m for m in [lead_subject(text, company_mentions, dateline_end)]
                            if m is not None and (lead_title or not doc.title) and m.company.id not in firms])
    if main is not None and (rated := rated_company(text, company_mentions, main.id)) is not None:
        main = rated.company  # ("S&P Global Ratings cut Harmon Telecom Inc's credit rating": Harmon's story)
    if firms:  # (nor the company of a figure a commentator gives: "Peter Hale of Carrow Securities expects a rise")
        company_mentions = [m for m in company_mentions if m.company.id not in firms or (main and m.company.id == main.id)]
    return finder, head_company, company_mentions, main


def _article_currency(doc: Document, text: str, place: Dateline | None, dateline_end: int) -> str:
    """The currency of the article's amounts written without one (the dateline's, a marked or declared dollar)."""
    currency = (place.currency if place else None) or "USD"
    if currency in _LOCAL_DOLLAR_SIGNS and (_LOCAL_DOLLAR_SIGNS[currency].search(text) or _AGENCY_DATELINE.search(
            text, dateline_end - place.end if place is not None else 0, dateline_end)):
        # "BHP shares rose 0.8% to A$40.18" in a Melbourne story: its bare "$" is the U.S. dollar; so in a
        # wire agency's story ("TORONTO (Reuters) -"), which writes the local dollar "C$"
        currency = "USD"
    elif place is None:
        currency = _marked_dollar(text) or _site_dollar(doc.url, text) or _exchange_dollar(text) or currency
    if "$" in text and (declared := declared_dollar(text)) is not None:
        currency = declared  # "All amounts are in Canadian dollars unless otherwise noted." (declared.py)
    return currency


def _read_sentences(sentences: list[Sentence], currency: str, pesos: str | None, dateline_end: int,
                    ) -> tuple[list[tuple[Sentence, list[Quantity], list[PeriodMention]]], set[int]]:
    """Each sentence with its quantities and the periods it names, and the sentences whose periods were read
    and are none."""
    per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]] = []
    # the sentences whose periods were read and are none (a line's lead period is one of them: it has none either)
    none_named: set[int] = set()
    for s in sentences:
        qs = _sentence_quantities(s, currency, pesos)
        # a sentence without figures matters only for the period an article is about and its default year
        read = bool(qs) or _report_words(s.text.lower())
        periods = find_period_mentions(s.text) if read else []
        if read and not periods:
            none_named.add(len(per_sentence))
        if s.start < dateline_end and any(p.kind == "year_ended" and s.start + p.start >= dateline_end for p in periods):
            # the dateline's day ("BOISE, March 3 -") is when the item was filed, not the period of the figures of a
            # sentence that states the end of theirs ("for the year ended January 31")
            periods = [p for p in periods if s.start + p.end > dateline_end]
        per_sentence.append((s, qs, periods))
    return per_sentence, none_named


def _article_period(item: ItemPeriod | None, headline: Headline, doc: Document, ctx: ArticleContext,
                    per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]], title_end: int) -> None:
    """The period the article reports, from its headline's item and the body (``ctx.period``)."""
    if item is not None and not item.stated and ctx.fye != (12, 31) and doc.published is not None:
        item = fiscal_item(item, ctx.fye, doc.published)  # "the year ended August 31" read from the body
    stated_body = item is not None and not item.stated and doc.published is not None and ctx.period is not None \
        and ctx.period == _stated_quarter([p for _, _, ps in per_sentence for p in ps], doc.published)
    if item is not None and not stated_body and not item.stated and ctx.period is not None \
            and item.kind in ("six_months", "nine_months") \
            and _states_span(per_sentence, ctx.period, 6 if item.kind == "six_months" else 9):
        # ("half-year trading update" over "a trading update for the 26 weeks to 27 September 2025": the half the
        # body states, not the calendar half the headline would give)
        stated_body = True
    if item is not None and headline.year and ctx.period is not None and (ctx.period.end - ctx.period.start).days < 100:
        pass  # ("K MART SAYS RECORD 1986 NET" over "its fourth quarter pre-tax income ...": the body's quarter)
    elif item is not None and not stated_body:
        # (a headline's quarter without its end gives way to the quarter end the body states)
        ctx.period = section_period(item, None, None)
    elif not title_end and (titled := _title_period(doc.title, ctx.fye, ctx.fy_shift)) is not None \
            and not _body_disagrees(titled, ctx.period, per_sentence):
        ctx.period = titled


def _paragraph_carry(ctx: ArticleContext, new_paragraph: bool, lined: bool) -> None:
    """The period carried over a paragraph break (a call's lines go on with it)."""
    if new_paragraph and lined and ctx.spoken and ctx.carry is not None and ctx.carry[2] is Modality.REPORTED \
            and ctx.carry_lines > 0 and spans_reported(ctx.carry[0], ctx.period):
        ctx.carry_lines -= 1  # a call's "For the full year, revenue was ..." goes on over its next lines
    elif new_paragraph and not (lined and ctx.carry is not None and ctx.carry[2] is Modality.GUIDANCE):
        # a period named in one paragraph is not carried into the next (where every sentence has a line of
        # its own, as in call transcripts, an outlook's period goes on: "we estimate our outlook for the full
        # fiscal year ending December 31, 2020 to be as follows." then one line per figure)
        ctx.paragraph_carry, ctx.carry = ctx.carry, None
    elif new_paragraph:
        ctx.paragraph_carry = ctx.carry


def _outlook_lead(sentence: Sentence, periods: list[PeriodMention], named_none: bool, lined: bool,
                  ctx: ArticleContext) -> None:
    """A lead without figures opening an outlook ("we offer the following guidance."): its period and reach."""
    if lined and ctx.carry is not None and ctx.carry[2] is Modality.REPORTED:
        ctx.carry = None  # ("For the full year, revenue was ..." then "Turning to our outlook.")
    # (the periods of a sentence without figures may not have been read)
    # (not a period named in a lead saying what the outlook rests on: "Given our strong performance in the first
    # quarter, we are increasing our full-year outlook for 2021.")
    cut = basis_lead_end(sentence.text)
    named = lead_period([p for p in periods or (find_period_mentions(sentence.text)
                                                  if not named_none else []) if p.start >= cut],
                        ctx.period, ctx.published, ctx.fye, ctx.default_year, ctx.fy_shift)
    # (a lead naming no period goes on with the outlook under way: "The major assumptions are as follows.")
    ctx.outlook_period = named if named is not None or ctx.outlook_left == 0 else ctx.outlook_period
    if named is not None and ctx.carry is not None and ctx.carry[2] is Modality.GUIDANCE:
        # ("In the third quarter, we expect ..." then "For the year, we are reaffirming the guidance ...":
        # the outlook of the period the lead names, not the earlier outlook's going on)
        ctx.carry = None
    ctx.outlook_left = LEAD_SENTENCES


def _no_figures(sentence: Sentence, periods: list[PeriodMention], named_none: bool, lined: bool, vocab: Vocabulary,
                ctx: ArticleContext) -> None:
    """A sentence without figures: the margins it names, a call's turn to a period, a year it opens on."""
    _note_margins(sentence, vocab, ctx)
    # (lead_mention reads the periods of a line whose periods were not read; one without any turns to none)
    if lined and ctx.spoken and not named_none \
            and (turned := lead_mention(sentence.text, periods)) is not None:
        _turn_to_period(turned, ctx)
    elif lined and ctx.spoken and ctx.carry is not None and ctx.carry[2] is Modality.REPORTED \
            and looks_ahead(sentence.text):
        ctx.carry = None
    elif _YEAR_SUBJECT.match(sentence.text) and (year := next((
            p for p in find_period_mentions(sentence.text) if p.kind == "year"), None)) is not None:
        _turn_to_year(year, ctx)  # "2024 was a year of progress for Marlowe.": the next figures' year


def _sentence_claims(doc: Document, sentence: Sentence, qs: list[Quantity], local: list[CompanyMention],
                     periods: list[PeriodMention], vocab: Vocabulary, ctx: ArticleContext, base: int,
                     notes_from: int, main: Company | None) -> list[Claim]:
    """The claims of one sentence, quoted from the original text (a results table's notes are components)."""
    claims: list[Claim] = []
    for claim in claims_for_sentence(sentence, qs, local, periods, vocab, ctx):
        o_start, o_end = doc.span(sentence.start, sentence.end)
        claim.span = (o_start, o_end)
        claim.quote = doc.original[o_start:o_end]
        if claim.revises is not None:
            claim.revises += base
        if 0 <= notes_from <= sentence.start and claim.metric not in (UNCLASSIFIED, "dividend") \
                and main is not None and claim.company == main.name:
            # the paragraphs after a results table's "NOTE:" line are notes too ("Net excludes discontinued
            # operations loss 641,001 dlrs vs profit 281,818 dlrs"): components of the table's figures (another
            # company's figures stay its own: "MidSouth Corp, ..., which contributed sales of 39.5 mln dlrs")
            claim.metric = UNCLASSIFIED
        claims.append(claim)
    return claims


def _segment_scope(claims: list[Claim], lined: bool, ctx: ArticleContext) -> None:
    """The segment scope the sentence's claims open or close for the next ones."""
    if any(c.metric in _COMPANY_ONLY for c in claims):
        ctx.scope = None  # "Adjusted EPS was $1.42": the company's again
    elif lined and len(set(ctx.named_segments)) == 1 and _NAMED_UNIT.search(ctx.named_segments[0]) \
            and all(seen.split()[0] in ctx.named_segments[0] for seen in ctx.seen_segments):
        # in a call, "Banking Solutions revenue increased 3% to $1.5 billion." opens a scope like a lead; a
        # sentence naming several regions ("North America revenue declined 3%, International revenue grew 1%")
        # does not, nor does a news story's sentence
        ctx.scope, ctx.scope_age = ctx.named_segments[0], 0




_DATE_WORDS = (r"(?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
               r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2},?\s+|\d{1,2}\s+(?:January|February|March|April|"
               r"May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|"
               r"Dec)\.?),?\s+)(?:19|20)\d\d")  # ("Mumbai, 14 Oct 2025:")
# A place name of up to four capitalised words, each space at most once after a word: the same strings as
# "(?:[A-Z][A-Za-z.'’-]*[ \t]?){1,4}", written so that a long run of capitals ("DDDD…", "A.A.A.…") cannot be split
# into words in exponentially many ways (that form took minutes on 600 such characters).
_PLACE = r"[A-Z][A-Za-z.'’-]*(?:[ \t][A-Z][A-Za-z.'’-]*){0,3}[ \t]?"
# "LONDON, Nov 7, 2024 (Reuters) -", "SAN JOSE, Calif., Oct. 30, 2024 /PRNewswire/ --", "Published: Sept. 2, 2025"
_DATELINE_DATE = re.compile(
    r"(?m)^[ \t]*(?:" + _PLACE + r",[ \t]+(?:[A-Z][A-Za-z.]+,[ \t]+)?(?P<a>" + _DATE_WORDS
    # (or a stop after its year: "STOCKHOLM, Oct 23, 2025. Lindqvist Telecom AB reported")
    + r")(?=[ \t]*(?:\(|/|-|–|—|:)|(?<=\d{4})\.[ \t]+[A-Z])"
    + r"|(?:Published|Updated|Posted|Dated?)\b[^\n\d]{0,30}?(?P<b>" + _DATE_WORDS + r")"
    # a dateline with no place, the agency after the day: "Nov 6, 2025 (Reuters) - Acme Inc:"
    + r"|(?P<c>" + _DATE_WORDS + r")(?=[ \t]*\([A-Z][A-Za-z .&]{1,30}\)[ \t]*[-–—])"
    # a line that opens on the day and the time it was posted: "Oct. 23, 2025 4:05 PM ET | Orbiton Labs, Inc. (ORBL)"
    + r"|(?P<d>" + _DATE_WORDS + r")(?=[ \t]+\d{1,2}:\d{2}[ \t]*(?:AM|PM|am|pm|a\.m\.|p\.m\.)))")


# a dateline without a place ("Oct 29 (Reuters) - Greywater Payments Inc on Wednesday forecast ...", Reuters' style
# for company news): the first paragraph, no headline
_AGENCY_LEAD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?[ \t]+"
                          r"\([A-Z][\w .&-]{1,30}\)[ \t]*[-–—][ \t]*\S.{20,}")
# a first line that opens on a dated or credited dateline and goes on with the story is no headline
_DATELINE_LEAD = re.compile(
    _PLACE + r",[ \t]+(?:[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)?,[ \t]+)?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|"
    r"Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)[^-–—:\n]{0,30}[-–—:][ \t]*\S.{20,}")


# (tests turn it off to compare the shortcut with the whole path)
SKIP_WITHOUT_COMPANY = True


def _sentence_quantities(s: Sentence, currency: str, pesos: str | None) -> list[Quantity]:
    """The quantities of one sentence, as the claim rules read them."""
    # "dlrs" in the dateline's currency; amounts without a currency by the claim rules' own test (the wider one
    # of find_quantities adds 41 claims on 3,704 wire results items, most of them exclusions or prior periods)
    # ("pesos" in the currency of the one peso country the article names, in a sentence that names none)
    qs = find_quantities(s.text, pesos if pesos and "peso" in s.text else currency, bare=False)
    if bare := bare_amounts(s.text, qs, currency):
        qs = sorted(qs + bare, key=lambda q: q.start)
    return qs


def dateline_date(text: str) -> dt.date | None:
    """The day a text gives for itself near its start, in a dateline or a "Published" line, for a text that comes
    without one in its metadata.

    >>> dateline_date("Results\\nLONDON, Nov 7, 2024 (Reuters) - Halvorsen Foods said"), dateline_date("In 2024, sales")
    (datetime.date(2024, 11, 7), None)
    >>> dateline_date("Published: Sept. 2, 2025\\nAcme said"), dateline_date("SYDNEY, 21 August 2024 - Moreton")
    (datetime.date(2025, 9, 2), datetime.date(2024, 8, 21))
    >>> dateline_date("STOCKHOLM, Oct 23, 2025. Lindqvist AB said")  # (a stop after the year)
    datetime.date(2025, 10, 23)
    """
    from claimgraph.sources.metadata import parse_date

    m = _DATELINE_DATE.search(text[:600])
    return parse_date(m.group("a") or m.group("b") or m.group("c") or m.group("d")) if m is not None else None


_OUTLOOK_SCAN = Scanner(OUTLOOK)  # (the same matches, found faster)
_OUTLOOK_WORDS_OF = CaselessWords(OUTLOOK)  # (an ASCII sentence without one of its words has no match)


def _outlook_sentence(text: str) -> bool:
    """Whether ``OUTLOOK`` matches in a sentence (its scan only where one of its words is: most have none)."""
    low = text.lower()
    return _OUTLOOK_WORDS_OF.possible(text, low) and _OUTLOOK_SCAN.search(text, low) is not None
_END_WORD = re.compile(r"(?i)\b(?:end|ended|ending)\b")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_QUARTER_ENDED = re.compile(
    # ("NOTE: Periods end January 31, 1987 and 1986, respectively.": the quarters' ends, the item's and a year before)
    r"(?i)\b(?:(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+)?(?:quarter|qtr)\s+(?:ended|ends|ending)|"
    r"note:?\s+(?:the\s+)?periods\s+(?:ended|end))\s+"
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?P<day>\d{1,2})\b")
# a headline announcing a result still to come ("TO REPORT 2ND QTR LOSS", "TO POST")
_TO_COME = re.compile(r"(?i)\b(?:to\s+(?:report|post|show|record|have|take)|sees|expects)\b")
# a first line naming the year an item reports ("Year 1986", "1986 year", "Fiscal year 1986")
_YEAR_LINE = re.compile(r"(?i)(?:(?:fiscal\s+)?(?:year|yr)\s+((?:19|20)\d\d)|((?:19|20)\d\d)\s+(?:year|yr))")
# The words that make a sentence without figures worth reading for periods, searched in lower-cased text as two
# patterns that start with a literal or a digit (a fast scan): together they match where
# quarter|half|\bnine\b|\bq[1-4]|[1-4]q\b|\bh[12]\b|\b[12]h\b|\bytd\b|qtr|months|\b(?:19|20)\d\d\b|\bfy|fiscal does
# ("n(?<!\wn)" is "\bn").
_REPORT_LETTERS = re.compile(r"quarter|half|n(?<!\wn)ine\b|q(?<!\wq)[1-4]|h(?<!\wh)[12]\b|y(?<!\wy)td\b|qtr|months|"
                             r"f(?<!\wf)y|fiscal")
_REPORT_DIGITS = re.compile(r"[0-9](?:(?<=[1-4])q\b|(?<=[12])(?<!\w\w)h\b|(?<=1)(?<!\w\w)9\d\d\b|(?<=2)(?<!\w\w)0\d\d\b)")



def _stated_currency(quantities: list[Quantity], default: str) -> str:
    """The currency an article without a dateline states its money in, for a table that names none: the one most of
    its amounts are marked in when it is not the default ("1.3 billion euros" beside a table "(in millions)").

    >>> from claimgraph.sources.quantities import find_quantities
    >>> _stated_currency(find_quantities("It expects about 1.3 billion euros, after 900 mln euros."), "USD")
    'EUR'
    >>> _stated_currency(find_quantities("It made $5 billion, or 4.1 billion euros."), "USD")
    'USD'
    """
    counts: dict[str, int] = {}
    for q in quantities:
        if q.kind == "money" and q.value.unit != "percent":
            counts[q.value.unit] = counts.get(q.value.unit, 0) + 1
    if not counts:
        return default
    best = max(counts, key=lambda u: (counts[u], u == default))
    return best if counts[best] > counts.get(default, 0) else default

def _report_words(low: str) -> bool:
    return _REPORT_LETTERS.search(low) is not None or _REPORT_DIGITS.search(low) is not None


_RESULTS_WORDS = re.compile(
    r"\b(?:results?|earnings|profits?|net|loss(?:es)?|revenues?|sales|qtr|quarter|q[1-4]|[1-4]q|h[12]|year|"
    r"dividend|div|payout|eps|outlook|forecast|guidance|sees|expects|reports|posts)\b", re.IGNORECASE)


def _subject_company(title: str, mentions: list[CompanyMention], finder: CompanyFinder,
                     text: str = "", body_start: int = 0) -> Company | None:
    """The headline's subject: the body's company whose name starts like it, else a company of that name (not
    when the body never names it and names companies the headline names after it: "Chipmakers rally after Nvidia,
    Marvell results")."""
    subject = headline_subject(title)
    if subject is None or re.match(r"\s*(?:--|\u2014)\s+[A-Z]", title[title.find(subject) + len(subject):]):
        return None  # ("Nikkei -- Kasuga Chemical will likely post": a source's label before the story's subject)
    first = subject.split()[0].lower()
    for m in mentions:
        if m.company.name.lower().split()[0] == first or subject.lower() == m.company.name.lower() \
                or is_short_form(subject, m.company.name):  # "TCS Q4" over "Tata Consultancy Services Ltd"
            return m.company
    if is_place(subject) or not finder.plausible(subject):
        return None
    ticker_like = re.fullmatch(r"[A-Z]{1,5}(?:\.[A-Z])?", subject) is not None
    at = title.lower().find(subject.lower())
    after = title[at + len(subject):].lower() if at >= 0 else ""
    if text and not ticker_like and subject.split()[0].lower() not in text[body_start:].lower() \
            and any(m.start >= body_start and re.search(rf"\b{re.escape(m.company.name.split()[0].lower())}\b", after)
                    for m in mentions):
        return None  # the companies the headline names after it are the subjects, this one is no company
    if text and not ticker_like and len(subject.split()) > 1 and subject.isupper() and not _PERIOD_RESULT.match(
            title, title.find(subject) + len(subject)) and not _LEGAL_WORD.search(subject) and not any(
            re.search(rf"\b(?:{re.escape(w.title())}|{re.escape(w)})\b", text[body_start:])
            for w in subject.split() if len(w) > 2):
        return None  # ("ESTIMATED DROP IN JAPAN CORPORATE PROFITS TRIMMED", "EGYPT BANKS FACE LEAN YEAR": words of a
        # story none of which the body writes with a capital as a name's, no company)
    if text and not ticker_like and len(subject.split()) == 1 and re.fullmatch(r"[A-Z][a-z]+", subject) \
            and not re.search(rf"\b{re.escape(subject.lower())}\b", text[body_start:].lower()) \
            and any(m.start >= body_start and m.how in ("legal_form", "reporting_verb", "ticker") for m in mentions):
        return None  # ("Grocer profits jump" over "Halvorsen Foods Plc said": a noun, the body names the company)
    rest = title[title.find(subject.split()[-1]) + len(subject.split()[-1]):] if subject.split()[-1] in title else ""
    if not (ticker_like or _RESULTS_WORDS.search(rest)):
        return None  # a headline's first words are a company only when the headline is about results
    if len(subject) == 1 and not _RESULTS_WORDS.search(rest):
        return None
    # a one-letter ticker ("D Q2 2021 results") names a company only as a ticker
    return finder.company(display_name(subject), subject if len(subject) == 1 else None)


_LEGAL_WORD = re.compile(r"\b(?:INC|CORP|CORPORATION|CO|COS|LTD|PLC|AG|SA|NV|SE|SPA|LP|LLC|GROUP|HOLDINGS?|BANCORP|"
                         r"BANCSHARES|TRUST|FUND|PARTNERS)\b\.?")
# a wire results headline's period and result after the name ("CCR VIDEO 1ST QTR NOV 30 NET", "... YEAR LOSS")
_PERIOD_RESULT = re.compile(r"\s*(?:1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH|YEAR|YR|FISCAL|NINE|SIX|QTR|HALF|\d)\b"
                            r"[^,;]*\b(?:NET|LOSS|PROFITS?|EARNINGS|SHR|RESULTS|SALES|REVENUES?)\b")


# a rating action or a broker's view in the article ("cut its rating", "downgraded the stock", "a brokerage")
_RATED = re.compile(r"(?i)\b(?:(?:cut|raised|lowered|lifted|upgraded|downgraded)\s+(?:its|their|the)\s+"
                    r"(?:[\w-]+\s+)?(?:rating|recommendation)|downgrad(?:e|ed|es|ing)\s+(?:the\s+)?(?:stock|shares)|"
                    r"upgrad(?:e|ed|es|ing)\s+(?:the\s+)?(?:stock|shares)|brokerage\s+(?:firm|house)|brokerages?\b)")
_RATED_SCAN = Scanner(_RATED)  # (the same matches, found by their first characters)
# one of these is in every match of _RATED (in lower case; in ASCII text, where case folding maps no other letter
# onto them); "rating" and "recommendation" only after whitespace (the ``\s+`` before them: "operating", in nearly
# every report, is no start of a match)
_RATED_WORDS = ("upgrad", "downgrad", "brokerage")
_RATED_SPACED = ("rating", "recommendation")


def _rated(text: str) -> bool:
    """Whether ``_RATED`` matches in ``text`` (an article: the scan at every position cost 1.6% of extraction).

    >>> _rated("Goldman Sachs cut its rating on the stock."), _rated("Revenue rose 5%."), _rated("A BROKERAGE said")
    (True, False, True)
    """
    low = text.lower()
    if text.isascii() and not any(map(low.__contains__, _RATED_WORDS)) \
            and not any(_after_space(low, word) for word in _RATED_SPACED):
        return False
    return _RATED_SCAN.search(text, low) is not None


def _after_space(low: str, word: str) -> bool:
    """Whether ``word`` occurs in ``low`` right after a whitespace character (what ``\\s`` matches: the same test as
    ``str.isspace``).

    >>> _after_space("operating rating", "rating"), _after_space("operating income", "rating")
    (True, False)
    """
    i = low.find(word, 1)
    while i > 0:
        if low[i - 1].isspace():
            return True
        i = low.find(word, i + 1)
    return False


def _quote(doc: Document, start: int, end: int) -> tuple[str, tuple[int, int]]:
    o_start, o_end = doc.span(start, end)
    return doc.original[o_start:o_end], (o_start, o_end)


_NOTE_LINE = re.compile(r"(?m)^[^\S\n]*NOTES?\b[^\S\n]*[:-]|^[^\S\n]*Notes?[^\S\n]*[:-]")


def _notes_start(text: str) -> int:
    """Where the notes under a wire results table begin (its first "NOTE:" line), -1 without one.

    >>> _notes_start("Net 5,000 vs 4,000\\n    NOTE: 1986 net includes gain.\\n    Net excludes loss 2,000.")
    19
    """
    m = _NOTE_LINE.search(text) if "ote" in text or "OTE" in text else None
    return m.start() if m is not None else -1


def _item_period(headline: Headline, body: str, place: Dateline | None, doc: Document) -> ItemPeriod | None:
    """The period a results item reports, from its headline and first line (see :mod:`.report`)."""
    if headline.kind == "dividend" or doc.published is None \
            or (headline.kind in ("year", "quarter") and forecast_period(doc.title or "")):
        return None  # ("raises full-year operating profit forecast": the year is the outlook's, not the one reported)
    opening = body.lstrip("\n")[place.end if place else 0:]
    cut = 160
    while cut < len(opening) and opening[cut - 1].isalnum() and opening[cut].isalnum():
        cut += 1  # (never a word or number cut in two: "ended Jan 25" is not "ended Jan 2")
    first = opening[:cut]
    if headline.kind is None:
        # a re-issued item's headline may drop the period its first line still gives ("1st qtr Feb 28 end")
        line = first.lstrip(" -").split("\n", 1)[0]
        # ("4th qtr Jan 31" alone on the line says it as well as "1st qtr Feb 28 end")
        lead = parse_headline(line) if len(line) <= 40 and (
            _END_WORD.search(line) or stated_end(line + "\n", doc.published) is not None
            or bare_period_line(line)) else None  # ("IBM CORP <IBM> NET" over "NEW YORK, April 14 - 1st qtr")
        if (named := _YEAR_LINE.fullmatch(line.strip(" .:"))) is not None:
            lead = Headline(kind="year", year=int(named.group(1) or named.group(2)))  # "LONDON, March 31 - Year 1986"
        if lead is None or lead.kind in (None, "dividend"):
            return None
        headline = dataclasses.replace(headline, kind=lead.kind, number=lead.number, month=lead.month, day=lead.day)
    if headline.kind == "quarter" and not headline.month and stated_end(first, doc.published) is None \
            and (noted := _QUARTER_ENDED.search(body)) is not None \
            and (not noted.group("ord") or _ORDINALS[noted.group("ord").lower()] == headline.number):
        # "Note: the third quarter ended April 30" under "3RD QTR LOSS": the end the item states, wherever it does
        month = _MONTHS.index(next(m for m in _MONTHS if m.startswith(noted.group("mon")[:3].lower()))) + 1
        headline = dataclasses.replace(headline, month=month, day=int(noted.group("day")))
    if headline.kind == "quarter" and headline.number and not headline.month and _TO_COME.search(doc.title or ""):
        # "MERCHANTS <MCHN.O> TO REPORT 2ND QTR LOSS" on June 2: the calendar quarter under way, not one that ended
        end = dt.date(doc.published.year, 3 * headline.number,
                      calendar.monthrange(doc.published.year, 3 * headline.number)[1])
        if 0 <= (end - doc.published).days <= 45:
            return ItemPeriod(end, "quarter", headline.number, False)
    period = report_period(headline, first, doc.published)
    if period is None or headline.kind is None:
        return None
    stated = bool(headline.month) or stated_end(first, doc.published) is not None
    return ItemPeriod(period.end, headline.kind, headline.number, stated)


def _states_span(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]], period: Period,
                 months: int) -> bool:
    """Whether the body states a span of ``months`` months ending when ``period`` does ("the 26 weeks to 27
    September 2025", "the six months ended June 30") and ``period`` is that long."""
    if abs((period.end - period.start).days - months * 30.4) > 12:
        return False
    return any(p.kind == "year_ended" and p.number == months and p.month == period.end.month
               and (p.day is None or p.day == period.end.day) and (p.year is None or p.year == period.end.year)
               for _, _, ps in per_sentence for p in ps)


def fiscal_item(item: ItemPeriod, fye: tuple[int, int], published: dt.date) -> ItemPeriod:
    """A results item whose period was found by calendar arithmetic, moved to the fiscal calendar the body gives:
    the latest such fiscal period that ended before publication.

    >>> fiscal_item(ItemPeriod(dt.date(1986, 12, 31), "year", 0, False), (8, 31), dt.date(1987, 3, 18)).end
    datetime.date(1986, 8, 31)
    >>> fiscal_item(ItemPeriod(dt.date(1986, 12, 31), "quarter", 2, False), (8, 31), dt.date(1987, 3, 18)).end
    datetime.date(1987, 2, 28)
    """
    limit = published - dt.timedelta(days=REPORT_LAG_DAYS)
    if item.kind == "year":
        return dataclasses.replace(item, end=latest_date(fye[0], fye[1], limit))
    if item.kind == "quarter":
        # (a quarter without its number: the latest fiscal quarter that ended before publication)
        fy = fiscal_year_of(published, fye)
        ends = [e for y in (fy + 1, fy, fy - 1) for n in ((item.number,) if item.number else (1, 2, 3, 4))
                if (e := fiscal_quarter(y, n, fye).end) <= published
                and (published - e).days <= CALENDAR_WINDOW_DAYS["quarter"]]
        if ends:
            return dataclasses.replace(item, end=max(ends))
    return item


def _body_disagrees(titled: Period, body: Period | None,
                    per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]]) -> bool:
    """Whether the text reports another quarter than the one its record's title names: the body's own quarter
    is named, and no sentence names a quarter of the title's number ("In the second quarter, we closed ..." under
    a title "Q4 2021 earnings call"). The text says what it is about. A quarter named only with its year ("we drew
    down $150 million during the first quarter of 2020", under "Q3 2020 earnings call") is a reference to that
    quarter, not the one the speaker reports: the title governs; so does it when the body's quarter is first named
    after figures ("... rose to $50.1 million from $44.7 million in the second quarter"): a period named later does
    not re-date the sentences before it."""
    if body is None or (body.end - body.start).days > 100 or titled.label[-2:] == body.label[-2:]:
        return False
    number = titled.label[-1]
    mentions = [p for _, _, ps in per_sentence for p in ps if p.kind == "quarter"]
    if any(str(p.number) == number for p in mentions):
        return False
    for sentence, qs, ps in per_sentence:
        if any(p.kind == "quarter" and p.year is None and str(p.number) == body.label[-1] for p in ps) \
                and not looks_ahead(sentence.text):
            # (named in or before the first sentence with figures; not an outlook's quarter: "In the third quarter,
            # we expect revenue to be up 8%" in the second quarter's call)
            return True
        if qs:
            return False
    return False


def _title_period(title: str, fye: tuple[int, int], shift: int = 0) -> Period | None:
    """A quarter, half or nine months named with its year in a headline ("Q4 2020 results")."""
    for p in find_period_mentions(title or ""):
        if p.kind in ("quarter", "half", "nine_months") and p.year is not None:
            return p.resolve(fye, None, None, shift)[0]
    return None


_CALENDAR_LABEL = re.compile(r"\d{4}-(?:Q[1-4]|H[12])")


def _fiscal_labels(claims: list[Claim], company: str, fye: tuple[int, int]) -> None:
    """The company's quarters and halves under the names of its fiscal calendar: "the July-September quarter of
    FY25" resolved to 2024-07-01..2024-09-30 is FY2025-Q2 for a year to March, as the company's other figures are
    named. Only a calendar label ("2024-Q3") on exactly the dates of one of the company's fiscal periods changes;
    other companies' periods keep their own names."""
    for c in claims:
        p = c.period
        if p is None or c.company != company or not _CALENDAR_LABEL.fullmatch(p.label):
            continue
        if (named := fiscal_name(p, fye)) is not None and named != p.label:
            c.period = dataclasses.replace(p, label=named)  # (the dates as stated, the calendar's name)


# a note after per-share figures that says what they are ("These figures are adjusted for non-recurring items.")
_ADJUSTED_NOTE = re.compile(r"(?:^|(?<=[.!?]\s))(?:These|Those|The|All)\s+(?:figures|numbers|results|per[\s-]share\s+"
                            r"figures|earnings(?:\s+figures)?)\s+(?:are|were|have\s+been)\s+(?:all\s+)?adjusted\b",
                            re.MULTILINE)
_ADJUSTED_VERB = re.compile(r"(?:are|were|been)\s+(?:all\s+)?adjusted\b")  # (in every match of _ADJUSTED_NOTE)
_NOTE_ADJUSTS = {"eps", "net_income"}  # the earnings a note on a paragraph's figures speaks of
_GAAP_WORDS = re.compile(r"(?i)\b(?:GAAP|reported|net\s+(?:income|profit|earnings|loss))\b")


def _adjusted_verb(text: str) -> bool:
    """``_ADJUSTED_VERB.search(text) is not None``, read back from each "adjusted" (a word's end after it: ``\\b``)
    instead of the pattern's scan, which stopped at every "a", "w" and "b" of an article (0.75% of extraction).

    >>> _adjusted_verb("These figures are all  adjusted."), _adjusted_verb("adjusted EPS"), _adjusted_verb("wall adjusted")
    (True, False, False)
    """
    i = text.find("adjusted")
    while i >= 0:
        end = i + 8
        if end == len(text) or not (text[end].isalnum() or text[end] == "_"):
            j = i
            while j and text[j - 1].isspace():
                j -= 1
            if j < i:  # (\s+ before the word: then the verb, or "all" and \s+ and the verb)
                if text.endswith(_ADJUSTED_VERBS, 0, j):
                    return True
                if text.endswith("all", 0, j):
                    k = j - 3
                    while k and text[k - 1].isspace():
                        k -= 1
                    if k < j - 3 and text.endswith(_ADJUSTED_VERBS, 0, k):
                        return True
        i = text.find("adjusted", i + 1)
    return False


_ADJUSTED_VERBS = ("are", "were", "been")  # _ADJUSTED_VERB's verbs


def _adjusted_by_note(claims: list[Claim], original: str) -> None:
    """Earnings figures that a note after them in their paragraph calls adjusted ("came out with quarterly earnings of
    $0.84 per share ... This compares to earnings of $0.75 per share a year ago. These figures are adjusted for
    non-recurring items.") are the adjusted measure, as the note says."""
    if not _adjusted_verb(original):
        return  # (every note has one: the note's scan at every position cost 1% of extraction)
    for m in _ADJUSTED_NOTE.finditer(original):
        start = original.rfind("\n\n", 0, m.start()) + 1
        # (and the per-share earnings of the next paragraph: "A quarter ago, it was expected that this company would
        # post earnings of $0.51 per share when it actually produced earnings of $0.53", the same measure)
        after = original.find("\n\n", m.end())
        nxt = original.find("\n\n", after + 2) if after >= 0 else -1
        for c in claims:
            if (start <= c.span[0] < m.start() and c.metric in _NOTE_ADJUSTS) or (
                    after >= 0 and after < c.span[0] < (nxt if nxt >= 0 else len(original)) and c.metric == "eps"
                    and not _GAAP_WORDS.search(original, after, c.span[0])):
                c.metric = ADJUSTED_OF[c.metric]


_GENERIC_PROFIT = frozenset({"profit", "profits", "earnings", "earning", "income", "results", "loss", "losses"})


def _headline_as_body(claims: list[Claim], title_stop: int) -> None:
    """A headline's bare "profit" or "earnings" is the body's figure of the same value: "Corvel profit falls 23%"
    over "its fourth-quarter operating profit fell 23%" is operating profit, not net income (which the body may
    give otherwise: a conflict of the article with itself)."""
    body = [c for c in claims if c.span[0] >= title_stop]
    for c in claims:
        if c.span[1] > title_stop or c.phrase.lower() not in _GENERIC_PROFIT:
            continue
        same = {b.metric for b in body if (b.company, b.measure, b.value.low, b.value.high, b.value.unit,
                                            b.period, b.modality) == (c.company, c.measure, c.value.low,
                                                                      c.value.high, c.value.unit, c.period,
                                                                      c.modality)}
        if len(same) == 1 and c.metric not in same:
            c.metric = same.pop()


def _once(claims: list[Claim]) -> list[Claim]:
    """A figure stated twice with the same meaning (headline and body, a summary's repeated line) is kept once."""
    seen: dict[tuple[object, ...], int] = {}
    out: list[Claim] = []
    new_index: dict[int, int] = {}
    for n, c in enumerate(claims):
        # (a table line "Shr diluted 57 cts vs 66 cts" beside "Shr 57 cts vs 72 cts" is the diluted measure, not the
        # basic one again: its label, which the line starts with, says so)
        diluted = "diluted" in c.phrase.lower() and c.quote.lower().startswith(c.phrase.lower())
        key = (c.company, c.metric, c.measure, c.value.low, c.value.high, c.value.unit,
               (c.period.start, c.period.end) if c.period else None, c.modality, diluted)
        if c.metric != UNCLASSIFIED and key in seen and c.revises is None:
            new_index[n] = seen[key]
            continue
        seen.setdefault(key, len(out))
        new_index[n] = len(out)
        out.append(c)
    for c in out:
        if c.revises is not None:
            c.revises = new_index.get(c.revises)
    return out


def _filed_day_is_no_flow_period(claims: list[Claim], head: str, ctx: ArticleContext, vocab: Vocabulary) -> None:
    """"SYDNEY, Feb 18, 2025 - ... half-year net profit of $412.5m": the day in the dateline is when the item was
    filed; a flow (profit, revenue) taking it as its period takes the article's period instead (a stock, such as a
    backlog, is measured that day)."""
    # (the day as the claim resolved it: in the year of publication, of the article's period, or a year before for
    # a prior period's figure)
    days = {(p.month, p.day) for p in find_period_mentions(head) if p.kind == "date"}
    for c in claims:
        metric = vocab.get(c.metric)
        if c.period is not None and c.period.start == c.period.end and (c.period.end.month, c.period.end.day) in days \
                and metric is not None and metric.kind == "flow" \
                and c.metric not in ("share_price", "market_cap", "price_target") and not one_order(c):
            period, how = ctx.period, Resolution.INFERRED_CONTEXT
            if period is not None and c.modality is Modality.PRIOR_PERIOD:
                period = shift_year(period)  # ("said net profit fell to 42.5 mln marks from 51.2 mln")
            if period is None and ctx.published is not None and c.modality is Modality.REPORTED:
                # "CHICAGO, Feb 6 (Reuters) - Delta Foods Inc reported a 12% rise in profit" with no period word in
                # the story: the quarter reported last before publication, as for the story's other sentences
                period, how = quarter_containing(ctx.published - dt.timedelta(days=92), ctx.fye), \
                    Resolution.INFERRED_PUBLISHED
            c.period, c.base_period = period, period
            c.resolution = how if period is not None else Resolution.UNRESOLVED
            if period is not None:
                c.measure = default_change(c, "")


def _text_grids(doc: Document) -> list[Grid]:
    """Tables laid out with spaces, read in the original (normalising the text collapses the spaces), with their
    rows' offsets mapped to the normalised text."""
    if "   " not in doc.original or len(doc.origin) != len(doc.text):
        return []

    def at(offset: int) -> int:
        return bisect.bisect_left(doc.origin, offset)

    return [Grid(at(g.start), at(g.end), tuple((at(a), at(b), cells) for a, b, cells in g.rows))
            for g in find_text_grids(doc.original)]


def _named_periods(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]], ctx: ArticleContext,
                   doc: Document) -> frozenset[tuple[int, dt.date, dt.date]]:
    """(sentence start in the original, period start, end) of every period a sentence names ("in Q3": its figures
    keep it under any heading)."""
    out = set()
    for s, _, ps in per_sentence:
        for m in ps:
            period, _ = m.resolve(ctx.fye, ctx.period, ctx.default_year)
            if period is not None:
                out.add((doc.span(s.start, s.end)[0], period.start, period.end))
    return frozenset(out)


def _unstated_in_text(text_claims: list[Claim], grid: list[Claim]) -> list[Claim]:
    """The table's claims that the text does not already give: "revenue of $152.3 million" in the text and
    "152,310" (in thousands) in the table are one figure, stated once in the text's rounding."""
    def key(c: Claim) -> tuple[object, ...]:
        return (c.company, c.metric, c.measure, c.value.unit, c.modality,
                (c.period.start, c.period.end) if c.period else None)

    stated: dict[tuple[object, ...], list[Claim]] = {}
    for c in text_claims:
        stated.setdefault(key(c), []).append(c)
    out = []
    for g in grid:
        near = stated.get(key(g), [])
        if not any(c.value.low - _half_step(c) <= g.value.mid <= c.value.high + _half_step(c) for c in near):
            out.append(g)
    return out


def _half_step(c: Claim) -> float:
    return 0.5 * 10.0 ** (-c.value.decimals) if c.value.decimals < 6 else 0.0


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


_FAMILY = {"adjusted_eps": "eps", "adjusted_net_income": "net_income", "adjusted_operating_income": "operating_income",
           "adjusted_ebitda": "ebitda"}


def _outlook_by_magnitude(claims: list[Claim], ctx: ArticleContext, vocab: Vocabulary) -> None:
    """An outlook level that names no period, in a story that reports a quarter, is dated by its size against the
    quarter's figure of the same metric: about as large, the next quarter ("Looking ahead, Acme forecast revenue
    between $1.25 billion and $1.30 billion" after quarterly revenue of $1.2 billion); three to six times as large,
    the fiscal year under way after that quarter. An analysts' estimate set against it in the same sentence takes
    the same period. Outlooks of other sizes, and changes, keep no period."""
    if not any(c.period is None and c.modality is Modality.GUIDANCE for c in claims):
        return
    reported: dict[tuple[str, str], Claim] = {}
    for c in claims:
        if c.modality is Modality.REPORTED and c.measure.value == "level" and c.period is not None \
                and 80 <= (c.period.end - c.period.start).days <= 100 and c.value.mid > 0:
            reported.setdefault((c.company, _FAMILY.get(c.metric, c.metric)), c)
    dated: dict[tuple[str, str, tuple[int, int]], Period] = {}
    for c in claims:
        metric = vocab.get(c.metric)
        if c.period is not None or metric is None or metric.kind != "flow" or c.measure.value != "level" \
                or metric.unit not in ("money", "per_share") or c.value.unit in ("percent", "pp"):
            continue
        if c.modality is Modality.ANALYST_ESTIMATE:
            if (found := dated.get((c.company, _FAMILY.get(c.metric, c.metric), c.span))) is not None:
                c.period, c.base_period, c.resolution = found, found, Resolution.INFERRED_CONTEXT
            continue
        base = reported.get((c.company, _FAMILY.get(c.metric, c.metric)))
        if c.modality is not Modality.GUIDANCE or base is None or base.period is None \
                or base.value.unit != c.value.unit or c.value.mid <= 0 or _LONG_TERM.search(c.quote):
            continue
        ratio = c.value.mid / base.value.mid
        after = base.period.end + dt.timedelta(days=1)
        if 0.6 <= ratio <= 1.6:
            period = quarter_containing(after, ctx.fye)
        elif 2.8 <= ratio <= 6.0:
            period = fiscal_year(fiscal_year_of(after, ctx.fye), ctx.fye)
        else:
            continue
        c.period, c.base_period, c.resolution = period, period, Resolution.INFERRED_CONTEXT
        dated[(c.company, _FAMILY.get(c.metric, c.metric), c.span)] = period


# a target or goal that names no period is for no period of the outlooks around it ("a path to achieving an annual
# revenue target of $10 billion", "closing in on our target of $3 billion of gross debt")
_LONG_TERM = re.compile(r"(?i)\b(?:targets?|goals?|aspirations?|ambitions?|long[\s-]term|over\s+time|path\s+to)\b")
_NEIGHBOURS = 600  # characters either side in which the outlooks of one statement are looked for


def _outlook_by_neighbours(claims: list[Claim]) -> None:
    """An outlook that names no period takes the period of the company's outlooks around it when they all name the
    same one: "Adjusted earnings per share is expected to be between $7.52 and $7.67." beside "Capital expenditures
    are expected to be between $35 million and $40 million in fiscal 2021" and "Our effective tax rate for the full
    fiscal year 2021 is expected to be approximately 22%" is fiscal 2021's."""
    dated = [c for c in claims if c.modality is Modality.GUIDANCE and c.period is not None]
    if not dated:
        return
    for c in claims:
        if c.modality is not Modality.GUIDANCE or c.period is not None or _LONG_TERM.search(c.quote):
            continue
        near = {(d.period, d.base_period) for d in dated if d.company == c.company
                and abs(d.span[0] - c.span[0]) <= _NEIGHBOURS}
        if len(near) == 1:
            (period, base), = near
            c.period, c.base_period, c.resolution = period, base, Resolution.INFERRED_CONTEXT


# a sentence whose subject is a year ("2024 was a year of progress", "Fiscal 1993 was a difficult year")
_YEAR_SUBJECT = re.compile(r"(?:[Ff]iscal\s+)?(?:19|20)\d\d\s+(?:was|has\s+been|proved|turned\s+out)\b")


def _turn_to_year(mention: PeriodMention, ctx: ArticleContext) -> None:
    """A sentence without figures whose subject is a year that has ended: the year of the figures after it in its
    paragraph, and the article's period when it reports none ("2024 was a year of progress for Marlowe." in a
    letter to shareholders)."""
    period, how = mention.resolve(ctx.fye, ctx.period, ctx.default_year, ctx.fy_shift)
    if period is None or (ctx.published is not None and period.end >= ctx.published):
        return
    if ctx.period is None:
        ctx.period = period
    if spans_reported(period, ctx.period) or period == ctx.period:
        ctx.carry, ctx.carry_lines = (period, how, Modality.REPORTED), CARRY_LINES  # type: ignore[assignment]


def _turn_to_period(mention: PeriodMention, ctx: ArticleContext) -> None:
    """A call's line without figures that turns to a period: to the year that ends with the quarter reported ("Now
    turning to our full year results."), whose results the next lines give; to the quarter itself ("In the quarter,
    we saw strong demand."), which ends the year's."""
    if mention.kind == "quarterly":
        ctx.carry = None
        return
    period, how = mention.resolve(ctx.fye, ctx.period, ctx.default_year, ctx.fy_shift)
    if period is not None and period == ctx.period:
        ctx.carry = None
    elif spans_reported(period, ctx.period):
        ctx.carry, ctx.carry_lines = (period, how, Modality.REPORTED), CARRY_LINES  # type: ignore[assignment]


def _note_margins(sentence: Sentence, vocab: Vocabulary, ctx: ArticleContext) -> None:
    if "margin" not in sentence.text.lower():
        return
    for m in vocab.mentions(sentence.text):
        if m.metric.endswith("margin"):
            ctx.last_margin = m.metric


# metrics only the whole company has: a sentence stating one is about the company again
_COMPANY_ONLY = frozenset({"eps", "adjusted_eps", "free_cash_flow", "operating_cash_flow", "total_debt", "net_debt",
                           "dividend", "ffo_per_share"})
# how many sentences a segment's scope lasts after it was last named, in a text with one sentence a line
_SCOPE_SENTENCES = 5
# a name that is surely a unit: two capitalised words ("Banking Solutions"), or a unit's head noun
_NAMED_UNIT = re.compile(r"^[A-Z][\w&'’.-]*\s+(?:(?:&|and|of)\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*$|"
                         r"\b(?:segment|division|business|unit)s?$")
_RENEW = re.compile(r"(?i)\b(?:the|this|that)\s+(?:segment|business|division|unit|region)\b|"
                    # (a figure named as the segment's: "adjusted segment EBITDA increased 8.2%")
                    r"\bsegment\s+(?:adjusted\s+)?(?:EBITDA|operating|margins?|revenues?|sales|profits?|income|earnings)\b")


def _one_sentence_lines(text: str, sentences: list[Sentence]) -> bool:
    """A text that puts each sentence on a line of its own (a call transcript as many sources give it): there a
    line break is no paragraph's end."""
    if len(sentences) < 3:
        return False
    breaks = sum(1 for a, b in itertools.pairwise(sentences) if "\n" in text[a.end:b.start])
    return breaks >= 0.8 * (len(sentences) - 1)


def _update_scope(sentence: str, ctx: ArticleContext, paragraph_end: bool) -> None:
    """Open, renew or end the segment scope the sentences of a call or a paragraph go on about (``scopes.py``)."""
    if paragraph_end:
        ctx.scope = None
    opened = scope_opened(sentence)
    if opened is not None and ctx.main is not None and any(
            n and opened.lower().startswith(n.lower()) for n in (ctx.main.name, *ctx.main.aliases)):
        opened = None  # "At Amphenol, we delivered": the company itself
    if opened is not None:
        ctx.scope, ctx.scope_age = opened, 0
        return
    if ctx.scope is None:
        return
    if ends_scope(sentence):
        ctx.scope = None
        return
    # (named again, "the segment" or "the business": the scope is renewed)
    ctx.scope_age = 0 if ctx.scope.split()[0] in sentence or _RENEW.search(sentence) else ctx.scope_age + 1
    if ctx.scope_age > _SCOPE_SENTENCES:
        ctx.scope = None


_DEAL_BEFORE = re.compile(r"(?i)\b(?:acquire|acquires|acquired|acquiring|buy|buys|buying|bought|purchase|purchases|"
                          r"purchased|takeover\s+of|acquisition\s+of|purchase\s+of|merge\s+with|(?:bid|offer)\s+for)"
                          r"\s+(?:privately[\s-]held\s+|closely[\s-]held\s+|rival\s+)?$")
# a sentence opening on a pronoun with a past result of a past year ("It earned 8.5 mln dlrs last year", "The
# concern had sales of 64 mln dlrs in 1986")
_TARGET_RESULT = re.compile(r"[\W_]*(?:It|The\s+(?:target|concern|company\s+being\s+acquired))\s+(?:earned|had|posted|"
                            r"reported|made|lost|recorded|generated)\b[^;]{0,80}?\b(?:last\s+year|(?:19|20)\d\d)\b")


def _deal_target(text: str, local: list[CompanyMention], main: Company | None) -> Company | None:
    """The company a sentence about the article's company says it buys ("said it agreed to acquire Beta Foods Inc
    for 120 mln dlrs"), else None."""
    for m in local:
        if (main is None or m.company.id != main.id) and _DEAL_BEFORE.search(text, max(0, m.start - 40), m.start):
            return m.company
    return None


def _local_companies(mentions: list[CompanyMention], sentence: Sentence) -> list[CompanyMention]:
    # (the constructor with every field, as dataclasses.replace would call it, without its field-by-field copy:
    # tests/test_prechecks_s9.py holds the field lists)
    return [CompanyMention(m.start - sentence.start, m.end - sentence.start, m.company, m.how)
            for m in mentions if sentence.start <= m.start and m.end <= sentence.end]


def _shifted(q: Quantity, offset: int) -> Quantity:
    """``dataclasses.replace(q, start=q.start + offset, end=q.end + offset)``, by the constructor with every field
    (4 us less a quantity; tests/test_prechecks_s9.py holds the field list)."""
    return Quantity(q.start + offset, q.end + offset, q.text, q.value, q.kind, q.change_word)


# a story that marks its own country's dollars ("A$40.18", "C$1.2 billion") means the U.S. dollar by a bare "$"
# (from the quantity parser's currency table; each pattern tried only just before a "$", which every match holds)
_LOCAL_DOLLAR_SIGNS = {code: AnchoredSearch(signs, "$") for code, signs in local_dollar_signs().items()}
_AGENCY_DATELINE = re.compile(r"\((?:Reuters|Bloomberg|AFP|Dow\s+Jones)\)")
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z$])\$\s?\d|\bUSD\b|\bU\.?S\.?\s+dollars?\b")
# _BARE_DOLLAR's branches, each led by its first character (a fast scan; "\$(?<![A-Za-z$]\$)" is
# "(?<![A-Za-z$])\$"), tried one after the other: whether one matches is whether _BARE_DOLLAR does
_BARE_DOLLAR_PARTS = (re.compile(r"\$(?<![A-Za-z$]\$)\s?\d"), re.compile(r"USD(?<!\wUSD)\b"),
                      re.compile(r"U(?<!\wU)\.?S\.?\s+dollars?\b"))


def _bare_dollar(text: str) -> bool:
    """``_BARE_DOLLAR.search(text) is not None``, found faster."""
    return any(p.search(text) is not None for p, word in zip(_BARE_DOLLAR_PARTS, ("$", "USD", "dollar"), strict=True)
               if word in text)


_US_MARKED = re.compile(r"\bU\.?S\.?\s*(?:dlrs?|dollars?|cts|cents)\b|\bUS\$", re.IGNORECASE)
_LOCAL_MARKED = re.compile(r"(?i)\b(?:Canadian|Cdn|Australian|Aust|New\s+Zealand|N\.Z\.|Singapore|Hong\s+Kong|H\.K\.)"
                           r"\s+(?:dlrs?|dollars?|cts|cents|funds)\b|\b(?:C|A|NZ|S|HK)\$")
_CHAIN_REACH = 400  # characters from one figure of the chain to the next


def _us_dollar_chain(claims: list[Claim], local: str) -> None:
    """In a story from a local-dollar country, the bare "dlrs" figures of a company's metric that follow its figure
    stated in U.S. dollars are U.S. dollars too ("reported a fourth quarter loss of 918,000 U.S. dlrs ... It earned
    585,000 dlrs in the previous fourth quarter. Full-year earnings totaled 2.9 mln dlrs"), until the chain breaks
    (another metric's figure between, a local dollar named, or more than a few lines on)."""
    last: dict[tuple[str, str], int] = {}  # (company, metric) -> where its latest U.S.-dollar figure ends
    for c in sorted((c for c in claims if c.span and c.metric != UNCLASSIFIED), key=lambda c: c.span[0]):
        key = (c.company, c.metric)
        stated = c.value.stated or ""
        if c.value.unit == "USD" and _US_MARKED.search(stated):
            last[key] = c.span[1]
        elif c.value.unit == local and key in last and c.span[0] - last[key] <= _CHAIN_REACH \
                and not _LOCAL_MARKED.search(stated) and not _LOCAL_MARKED.search(c.quote or ""):
            c.value = dataclasses.replace(c.value, unit="USD")
            last[key] = c.span[1]
        elif c.value.unit in (local, "USD"):
            last.pop(key, None)


def _marked_dollar(text: str) -> str | None:
    """The one dollar other than the U.S. one that a story without a dateline marks all its dollars with ("A$1,284.6
    million ... 12.5 cents per share fully franked": Australian cents), else None."""
    if "$" not in text or _bare_dollar(text):
        return None
    codes = [code for code, signs in _LOCAL_DOLLAR_SIGNS.items() if signs.search(text)]
    return codes[0] if len(codes) == 1 else None


# the dollar a site of that country writes "$" for (its address's country domain)
_SITE_DOLLARS = {"au": "AUD", "ca": "CAD", "nz": "NZD", "sg": "SGD", "hk": "HKD"}
_SITE_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?([^/:?#]+)", re.IGNORECASE)
_US_DOLLAR_MARK = re.compile(r"\bUS\$|\bUSD\b|\bU\.?S\.?\s+dollars?\b")
_US_DOLLAR_MARK_SCAN = Scanner(_US_DOLLAR_MARK)  # (the same matches, found by their first character, "U")


def _site_dollar(url: str | None, text: str) -> str | None:
    """The dollar of the country whose domain a page without a dateline comes from ("https://www.smh.com.au/...":
    its "$1.25 billion" is Australian), unless the text marks its dollars itself ("A$", "US$").

    >>> _site_dollar("https://www.smh.com.au/business/qantas", "a profit of $1.25 billion")
    'AUD'
    >>> _site_dollar("https://www.smh.com.au/x", "US$5 and $6"), _site_dollar("https://www.reuters.com/x", "$5")
    (None, None)
    """
    if not url or "$" not in text or (m := _SITE_HOST.match(url)) is None:
        return None
    code = _SITE_DOLLARS.get(m.group(1).lower().rsplit(".", 1)[-1])
    if code is None or _US_DOLLAR_MARK_SCAN.search(text, text) or _LOCAL_DOLLAR_SIGNS[code].search(text):
        return None
    return code


# the dollar of the country of the exchange a ticker names ("(ASX: HBT)"); a U.S. listing beside it says nothing
_EXCHANGE_DOLLARS = {"ASX": "AUD", "TSX": "CAD", "TSXV": "CAD", "TSX-V": "CAD", "CSE": "CAD", "NZX": "NZD",
                     "SGX": "SGD", "HKEX": "HKD", "SEHK": "HKD"}
_EXCHANGE_TICKER = re.compile(r"[(;,]\s*(ASX|TSXV?|TSX-V|CSE|NZX|SGX|HKEX|SEHK|NYSE|NASDAQ|Nasdaq|AMEX|OTC\w*)"
                              r"(?:\s+American)?\s*:\s*[A-Z0-9.]{1,8}\b")


def _exchange_dollar(text: str) -> str | None:
    """The dollar of the one non-U.S. exchange the story's tickers name ("Harbourside Telecom Ltd (ASX: HBT)": its
    "$212.4 million" is Australian), unless a U.S. listing is named too or the text marks its dollars itself.

    >>> _exchange_dollar("Harbourside Telecom Ltd (ASX: HBT) made $212.4 million")
    'AUD'
    >>> _exchange_dollar("Borealis Gold (TSX: BGC; NYSE: BGC) made $5 million"), _exchange_dollar("(ASX: X) US$5")
    (None, None)
    """
    if "$" not in text or ":" not in text or _US_DOLLAR_MARK_SCAN.search(text, text):
        return None
    exchanges = {m.group(1).upper() for m in _EXCHANGE_TICKER.finditer(text[:4000])}
    codes = {_EXCHANGE_DOLLARS.get(e, "USD") for e in exchanges}
    if len(codes) != 1 or "USD" in codes:
        return None
    code = codes.pop()
    return None if _LOCAL_DOLLAR_SIGNS[code].search(text) else code


_RESULTS_NEWS = re.compile(r"(?i)\b(?:reported|posted|results|earnings)\b")

_WILL = re.compile(r"\bwill\b")
# ("said it would take a charge in the second quarter": an action still to come; not "would have been")
_WOULD = re.compile(r"\bwould\b(?!\s+have\b)")


def _will_before(text: str, end: int) -> bool:
    """``_WILL.search(text, 0, end) is not None``, the pattern tried only where "will" is.

    >>> _will_before("it will grow in Q2", 15), _will_before("goodwill in Q2", 12), _will_before("a will", 5)
    (True, False, False)
    """
    at = text.find("will", 0, end)
    while at >= 0:
        if _WILL.match(text, at, end) is not None:
            return True
        at = text.find("will", at + 1, end)
    return "would" in text and _WOULD.search(text, 0, end) is not None
_OUTLOOK_WORDS = re.compile(r"(?i)\b(?:sees?|expects?|expected|expectations?|outlook|guidance|forecasts?|anticipates?|targets?|"
                            r"projects?|plans?|will|should|call(?:s|ed)\s+for)\b")
_REPORTED_BEFORE = re.compile(r"(?i)\b(?:reported|posted|recorded|delivered)\b")
_CALLED_FOR = re.compile(r"(?i)\bcall(?:s|ed|ing)?\s+for\b")
_CALLED_FOR_WORDS = CaselessWords(_CALLED_FOR)  # (its scan only in a sentence with "call")
_FORWARD = re.compile(r"(?i)\b(?:sees?|expects?|expected|expecting|outlook|guidance|forecasts?|forecasting|"
                      r"anticipates?|anticipating|targets?|projects?|projecting|plans?|planning|will|would(?!\s+have)|should|"
                      r"estimates?|call(?:s|ed|ing)?\s+for)\b")


# a period qualifying a noun that is no result ("a second quarter charge"; not "a first-half profit")
_OTHER_THAN_RESULTS = re.compile(
    r"[\s-]+(?!(?:record|high|low|peak|best|worst|total|results?|figures?|basis|profits?|earnings|net|income|"
    r"loss(?:es)?|revenues?|sales|turnover|operating|pre-?tax|dividends?|eps|margins?|performance)\b)[a-z]",
    re.IGNORECASE)


def _reported_quarter_fye(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]],
                          published: dt.date, reference: dt.date | None = None) -> tuple[int, int] | None:
    """Period arithmetic on prose: the quarter whose results a text reports (the number it names most often,
    without a year, beside figures, outside outlook sentences) ended shortly before publication. When the calendar
    quarter of that number did not ("q3 adjusted earnings per share $0.83" published in August), the company's
    fiscal year is not the calendar year: that quarter is the latest one that ended before publication. (A quarter
    that ended long before is not evidence: the text may be about an earlier quarter.) A record whose title names
    the quarter reported ("Q2 2021 results") gives its end as ``reference``, in place of publication. An outlook is
    for a quarter still to come: a calendar on which a quarter the text expects results for ("For the fourth quarter
    2021, we expect revenue growth of 14% to 18%", published in November 2021) had already ended is not the
    company's.

    >>> s = "q3 adjusted earnings per share $0.83."
    >>> from claimgraph.sources.sentences import split_sentences
    >>> per = [(x, find_quantities(x.text), find_period_mentions(x.text)) for x in split_sentences(s)]
    >>> _reported_quarter_fye(per, dt.date(2021, 8, 9)), _reported_quarter_fye(per, dt.date(2021, 10, 25))
    ((9, 30), None)
    """
    from claimgraph.sources.report import latest_quarter_end

    numbers: Counter[int] = Counter()
    fiscal: set[int] = set()
    halves: set[int] = set()  # numbers that came from halves
    expected: set[tuple[int, int]] = set()  # the quarters (number, year) an outlook is given for
    told = False  # a quarter the text says was reported ("Last week Fenwick Labs reported first-quarter revenue")
    for sentence, qs, ps in per_sentence:
        # (a half counts as its last quarter: "first-half profit" reported in February ended in December)
        # ("Nike reported fiscal fourth-quarter results on Thursday": a fiscal quarter reported, figures or not)
        found = [p for p in ps if p.kind in ("quarter", "half") and p.year is None
                 and (qs or (p.fiscal and _RESULTS_NEWS.search(sentence.text)))
                 and not YEAR_AGO_BEFORE_WORDS.search(sentence.text, max(0, p.start - 24), p.start)
                 # ("In the second quarter last year, Merchants reported net income of": an earlier year's quarter)
                 and not YEAR_AGO_AFTER.match(sentence.text, p.end)
                 # ("due to a second quarter charge of 37 cts a share": a period qualifying another noun)
                 and not (INDEFINITE_BEFORE.search(sentence.text, max(0, p.start - 4), p.start)
                          and _OTHER_THAN_RESULTS.match(sentence.text, p.end))]
        if _FORWARD.search(sentence.text):
            expected.update((p.number, p.year) for p in ps if p.kind == "quarter" and p.year is not None and p.number)
        if found and _FORWARD.search(sentence.text):
            # "raised its forecast after net income in its fiscal third quarter climbed 12%": a result all the same
            # ("Adobe reported first-quarter revenue of $6.2 billion, above the $6.1 billion analysts had expected":
            # the estimate after the quarter does not make it an outlook's)
            found = [p for p in found if (
                (fact := fact_clause_before(sentence.text, p.start)) is not None
                and not _FORWARD.search(sentence.text, fact)) or (
                _REPORTED_BEFORE.search(sentence.text, 0, p.start) is not None
                and not _FORWARD.search(sentence.text, 0, p.start))]
        if found:
            told |= any(_REPORTED_BEFORE.search(sentence.text, 0, p.start) is not None for p in found)
            numbers.update(p.number * (2 if p.kind == "half" else 1) for p in found)
            # (a half's results come out within three months of its end, as a fiscal quarter's do)
            fiscal.update(p.number * (2 if p.kind == "half" else 1) for p in found if p.fiscal or p.kind == "half")
            halves.update(p.number * 2 for p in found if p.kind == "half")
    if not numbers:
        return None
    (number, count), *rest = numbers.most_common(2)
    if rest and rest[0][1] == count:
        return None
    reported = reference or latest_quarter_end(published)
    calendar_end = dt.date(reported.year, 3 * number, calendar.monthrange(reported.year, 3 * number)[1])
    if reference is None and _calendar_namesake_named(per_sentence, number, calendar_end.year):
        return None  # "Sales rose ... in the first half of 1987 ... It rose ... in the first six months": that half
    under_way = dt.date(published.year, 3 * number, calendar.monthrange(published.year, 3 * number)[1])
    if reference is None and number not in fiscal and 0 <= (published - under_way).days < REPORT_LAG_DAYS:
        # the calendar quarter of that number ended days before: its early figures ("Hanjin Widgets estimated on
        # Thursday that its second-quarter operating profit rose 18%", July 7) are that quarter's, not those of a
        # fiscal quarter that ended three months before
        return None
    if reference is None and recent_calendar_end("quarter", number, published) is None \
            and not (0 <= (under_way - published).days <= 45 and not told):
        # (not a quarter of that number still under way: "Bank of Boston Corp expects first quarter earnings will
        # range between 90 cts and one dlr a share", March 26, is the calendar quarter about to end, unless the text
        # says its results were reported)
        # a quarter reported long after its calendar namesake ended ("Brown-Forman today reported a 37 pct increase
        # in third quarter profits", February 26) is a fiscal one, as in a wire headline ("3RD QTR")
        fiscal = fiscal | {number}
    # (a half's results come out later than a quarter's: up to two months after it ends in most markets, three in
    # some; "first-half profit" on August 28 is the half to June)
    lag = 92 if number in halves else 55
    if calendar_end <= reported and number in fiscal and reference is None \
            and (published - calendar_end).days > lag and (reported - calendar_end).days <= 100:
        # a "fiscal third quarter" reported two months after September ended later than it: on the last month end
        # at least three weeks before publication ("Kroger reported fiscal third-quarter profit" on December 4:
        # the quarter to about the end of October, a year to January)
        limit = published - dt.timedelta(days=21)
        return fye_for(dt.date(limit.year, limit.month, 1) - dt.timedelta(days=1), number)
    if calendar_end <= reported and not (number in fiscal and (reported - calendar_end).days > 100):
        # the calendar quarter had ended: nothing says the year is not the calendar year (a "fiscal first
        # quarter" reported in October, long after the calendar one ended, says it)
        return None
    fye = fye_for(reported, number)
    if any(fiscal_quarter(year, n, fye).end < published for n, year in expected):
        return None  # (an outlook for a quarter ended before publication: not this calendar)
    return fye


def _calendar_namesake_named(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]], number: int,
                             year: int) -> bool:
    """Whether the text names the calendar quarter or half that ends with quarter ``number`` of ``year`` with its
    year ("the first half of 1987", not "fiscal 1987"): its yearless namesakes are that period, not a fiscal one.

    >>> from claimgraph.sources.sentences import split_sentences
    >>> per = [(x, find_quantities(x.text), find_period_mentions(x.text))
    ...        for x in split_sentences("Sales rose 5 pct in the first half of 1987. Profit rose in the first half.")]
    >>> _calendar_namesake_named(per, 2, 1987), _calendar_namesake_named(per, 2, 1988)
    (True, False)
    """
    return any(p.year == year and not p.fiscal and p.year2 is None
               and ((p.kind == "half" and 2 * p.number == number) or (p.kind == "quarter" and p.number == number))
               for _, _, ps in per_sentence for p in ps)


def _last_year_context(years: Counter[int], fye: tuple[int, int], published: dt.date,
                       lead: frozenset[int] = frozenset()) -> Period | None:
    """An article that names no shorter period and names, more often than any other year, the last fiscal year
    that ended before publication ("profit in 1986 fell by around half", published in March 1987) is about that
    year: its figures without a period are the year's, not the last quarter's. Named once is enough when its lead
    (the first sentence with a figure, ``lead``) names it: "Acme said its net profit rose to 3.2 billion euros in
    2024" opens a story about 2024.

    >>> _last_year_context(Counter({1986: 5, 1985: 5, 1987: 2}), (12, 31), dt.date(1987, 3, 18)).label
    '1986'
    >>> _last_year_context(Counter({1990: 2}), (12, 31), dt.date(1987, 3, 18)) is None
    True
    >>> _last_year_context(Counter({2024: 1}), (12, 31), dt.date(2025, 3, 4), frozenset({2024})).label
    '2024'
    """
    last = fiscal_year_of(published, fye) - 1
    named = years.get(last, 0) + (1 if last in lead and not years.get(last) else 0)  # (the full year of the lead)
    if named < (1 if last in lead else 2) or any(n > named or (n == named and y > last) for y, n in years.items()):
        return None  # (an earlier year named as often is the comparison's)
    return fiscal_year(last, fye)


def _lead_years(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]],
                published: dt.date | None = None, fye: tuple[int, int] = (12, 31)) -> frozenset[int]:
    """The years the first sentence with a figure names (a story's lead); a result it gives for the full year
    ("Orla Drinks said full-year pretax profit fell 6%"), in a lead that looks forward to nothing, names the last
    fiscal year that ended before publication."""
    results_years: set[int] = set()
    for sentence, qs, ps in per_sentence:
        if not qs and ps and _RESULTS_NEWS.search(sentence.text) and _RESULT_NOUN.search(sentence.text) \
                and not _outlook_sentence(sentence.text):
            # a lead without a figure: "Alpenwerk posted a record profit for 2018 and raised its dividend."
            results_years |= {p.year for p in ps if p.year is not None and p.kind != "years"}
            continue
        if qs:
            years = {p.year for p in ps if p.year is not None and p.kind != "years"} | results_years
            if published is not None and not years and any(p.kind == "full_year" and p.year is None for p in ps) \
                    and not _outlook_sentence(sentence.text):
                years.add(fiscal_year_of(published - dt.timedelta(days=30), fye) - 1)
            return frozenset(years)
    return frozenset()


_RESULT_NOUN = re.compile(r"(?i)\b(?:profits?|earnings|results|loss|revenues?|sales|turnover)\b")


def _outlook_years(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]],
                   published: dt.date | None, fye: tuple[int, int]) -> Counter[int]:
    """The years not yet ended at publication that only an outlook names ("For 2019, management expects organic
    sales growth of 3% to 5%" in February 2019): no rival to the last fiscal year an article reports."""
    if published is None:
        return Counter()
    current = fiscal_year_of(published, fye)
    return Counter(p.year for s, _, ps in per_sentence if ps and _outlook_sentence(s.text)
                   for p in ps if p.year is not None and p.kind != "years" and p.year >= current)


def _year_ended_context(mentions: list[PeriodMention], published: dt.date,
                        fye: tuple[int, int] = (12, 31)) -> Period | None:
    """An article that names no quarter, half or nine months but "the fiscal year ended January 31" is about that
    year: the latest such year that ended before publication, unless its year is stated.

    >>> m = find_period_mentions("earnings in the fiscal year ended January 31 will decline")
    >>> _year_ended_context(m, dt.date(1987, 3, 31)).start
    datetime.date(1986, 2, 1)
    """
    from claimgraph.sources.report import period_ending

    # (not a calendar the text states: "has a fiscal year that ends in June" names no period of figures)
    for months in (12, 6):  # ("the six months to December 31": that half, when no year ended is named)
        for p in mentions:
            if p.kind == "year_ended" and p.number == months and p.month and not p.calendar:
                day = p.day or calendar.monthrange(2001, p.month)[1]
                end = dt.date(p.year, p.month, min(day, calendar.monthrange(p.year, p.month)[1])) if p.year \
                    else latest_date(p.month, day, published)
                if end <= published:
                    return period_ending(end, 12, (end.month, end.day)) if months == 12 \
                        else period_ending(end, 6, fye)
    return None


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# a call's quarter ending in a month it names: "we ended December with approximately $289 million of cash"
_ENDED_MONTH = re.compile(r"(?i)\bwe\s+ended\s+(?:the\s+(?:quarter|period)\s+in\s+)?(january|february|march|april|june|july|"
                          r"august|september|october|november|december)\s+with\b")


def _month_ended_fye(title: str, text: str) -> tuple[int, int] | None:
    """The fiscal calendar of a call whose title names its fiscal quarter ("AIT Q2 2021 earnings call") and whose
    text says in which month that quarter ended ("we ended December with approximately $289 million of cash on
    hand": a second quarter to December, a year to June), when that is not the calendar quarter's month."""
    if "ended" not in text:
        return None
    titled = next((p for p in find_period_mentions(title) if p.kind == "quarter" and p.year and p.number), None)
    months = {m.group(1).lower() for m in _ENDED_MONTH.finditer(text)}
    if titled is None or len(months) != 1:
        return None
    month = _MONTHS.index(months.pop()) + 1
    if month == 3 * titled.number:
        return None
    return fye_for(dt.date(2001, month, calendar.monthrange(2001, month)[1]), titled.number)


def _stated_calendars(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]], foreign: frozenset[int],
                      company_mentions: list[CompanyMention], main: Company | None,
                      published: dt.date | None) -> dict[str, tuple[int, int]]:
    """The fiscal calendars other companies state in the article: a sentence about another company naming the
    number and the end of the quarter it reports ("Quillon said revenue for its fiscal third quarter, which ended
    Oct. 26, rose 34%": a year to January) gives that company's calendar for its other figures."""
    out: dict[str, tuple[int, int]] = {}
    if published is None:
        return out
    for i in sorted(foreign):
        sentence, _, ps = per_sentence[i]
        subject = other_subject(sentence.text, _local_companies(company_mentions, sentence), main)
        stated = _stated_quarter(ps, published)
        ordinals = {p.ordinal for p in ps if p.kind == "year_ended" and p.number == 3 and p.ordinal}
        number = (ordinals.pop() if len(ordinals) == 1 else _reported_ordinal([per_sentence[i]])) \
            if stated is not None else None
        if subject is not None and stated is not None and number is not None and not subject.in_registry:
            out.setdefault(subject.id, fye_for(stated.end, number))
    return out


def _stated_quarter(mentions: list[PeriodMention], published: dt.date) -> Period | None:
    """The quarter an article reports when it states its end ("the quarter ended Aug. 3", "the three months that
    ended April 28", "the three months through September"): the latest such end before publication, if within
    about four months of it.

    >>> m = find_period_mentions("net income for the quarter ended Aug. 3 fell")
    >>> p = _stated_quarter(m, dt.date(2024, 8, 22)); (p.start, p.end)
    (datetime.date(2024, 5, 4), datetime.date(2024, 8, 3))
    """
    from claimgraph.sources.report import period_ending

    best: dt.date | None = None
    for p in mentions:
        if (p.kind == "year_ended" and p.number == 3 and p.month) or \
                (p.kind == "month_quarter" and p.number == 3 and p.month):
            # ("the September quarter", "the July-September quarter": the quarter ending with that month)
            day = p.day or calendar.monthrange(p.year or 2001, p.month)[1]
            end = dt.date(p.year, p.month, min(day, calendar.monthrange(p.year, p.month)[1])) if p.year \
                else latest_date(p.month, day, published)
            if published - dt.timedelta(days=125) <= end <= published and (best is None or end > best):
                best = end
    return period_ending(best, 3, (best.month, best.day)) if best is not None else None


def _full_year_fye(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]],
                   published: dt.date) -> tuple[int, int] | None:
    """A full-year result reported months after December ("Wesfarmers reported a 3 per cent fall in full-year net
    profit", published in August) is for a fiscal year that ended at the last quarter end before publication (a
    year to June), when the text names no year and no quarter of its own."""
    if published.month < 5:
        return None
    found = False
    for sentence, qs, ps in per_sentence:
        if any(p.kind in ("year", "quarter", "half", "year_ended", "nine_months") for p in ps):
            return None
        if qs and not _OUTLOOK_WORDS.search(sentence.text) and any(p.kind == "full_year" for p in ps):
            found = True
    if not found:
        return None
    end = latest_quarter_end(published - dt.timedelta(days=20))
    return (end.month, end.day)


def _fiscal_year_reported_fye(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]],
                              published: dt.date) -> tuple[int, int] | None:
    """A fiscal year reported before its calendar namesake has ended ("a 14 per cent rise in FY24 net profit",
    published in August 2024) ended at the last quarter end before publication (a year to June), when the text
    names no quarter, half or stated end of its own.

    >>> from claimgraph.sources.sentences import split_sentences
    >>> per = [(x, find_quantities(x.text), find_period_mentions(x.text))
    ...        for x in split_sentences("Wattle reported a 14 per cent rise in FY24 net profit to $A412 million.")]
    >>> _fiscal_year_reported_fye(per, dt.date(2024, 8, 21)), _fiscal_year_reported_fye(per, dt.date(2025, 2, 20))
    ((6, 30), None)
    """
    found = False
    for sentence, qs, ps in per_sentence:
        if any(p.kind in ("quarter", "half", "year_ended", "nine_months", "month_quarter") for p in ps):
            return None
        if qs and not _OUTLOOK_WORDS.search(sentence.text) and any(
                p.kind == "year" and p.fiscal and p.year == published.year for p in ps):
            found = True
    if not found or published.month < 4:
        return None
    end = latest_quarter_end(published - dt.timedelta(days=20))
    return (end.month, end.day) if (end.month, end.day) != (12, 31) else None


def _reported_ordinal(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]]) -> int | None:
    """The number of the quarter an article reports, when it names one without a year outside outlook sentences
    ("first-quarter profit"), else None."""
    numbers: Counter[int] = Counter()
    for sentence, _, ps in per_sentence:
        # (not "topped Wall Street's reduced expectations": a result set against analysts' estimates)
        outlook = any(not _BEATEN_BEFORE.search(sentence.text, max(0, m.start() - 40), m.start())
                      for m in _OUTLOOK_WORDS.finditer(sentence.text))
        # ("Q2 profit rises 5%, beats estimates": the result's; in an outlook's sentence, the quarter a result is
        # reported for: "cut its forecast after reporting third-quarter earnings below expectations")
        numbers.update(p.number for p in ps if p.kind == "quarter" and p.year is None and p.number and (
            not outlook or _RESULT_BEFORE.search(sentence.text, max(0, p.start - 40), p.start)))
    return numbers.most_common(1)[0][0] if len(numbers) == 1 else None


_BEATEN_BEFORE = re.compile(r"(?i)\b(?:topped|tops|topping|beat|beats|beating|missed|misses|missing|exceeded|exceeds|"
                            r"exceeding|met|meets|meeting|above|below|ahead\s+of|short\s+of)\b[^.;,]{0,30}$")
_RESULT_BEFORE = re.compile(r"(?i)\b(?:after|reporting|reported|posting|posted|beat|beats|beating|missed|misses|"
                            r"missing|topped|tops|topping)\b[^.;,]{0,25}$")
_RESULT_BEFORE_WORDS = CaselessWords(_RESULT_BEFORE)  # (its scan only in a window with one of its words)


# ("from a year earlier to $3.4 billion in 2025": the year of the figure after "to"; "corrected its net income to
# 485,380 dlrs from 528,790 dlrs in 1986": one period, two versions)
_COMPARED_YEAR = re.compile(r"(?i)^(?!.*\b(?:correct|revis|restat|amend)\w*\b).*\b(?:from|against|compared\s+(?:with|to)|"
                            r"versus|vs\.?|reversing|reversed)\s(?:(?!\bto\b)[^;]){0,70}\bin\s+(?:the\s+(?:like|same|comparable|"
                            # ("compared with earnings of $6.2 million in the same period of 1990")
                            r"corresponding)\s+(?:(?:period|quarter|half)\s+of\s+)?)?(?:the\s+)?(?:fiscal\s+)?$", re.DOTALL)
# every match ends with a whitespace character after one of these words, and holds one of the compared words (in
# lower case, as the pattern ignores case; for ASCII text)
_COMPARED_YEAR_LAST = ("in", "the", "like", "same", "comparable", "corresponding", "fiscal", "of")
_COMPARED_YEAR_WORDS = ("from", "against", "compared", "versus", "vs", "revers")


_DEADLINE_BEFORE = re.compile(r"(?i)\b(?:by|until|through|beyond)\s+(?:the\s+end\s+of\s+)?$")


def _compared_year(before: str) -> bool:
    """``_COMPARED_YEAR.match(before) is not None``, answered without the pattern (which scans all of ``before``
    twice) for an ASCII text that cannot hold a match: one that does not end with whitespace after one of the last
    words a match can have, or holds none of the compared words."""
    if before.isascii():
        if not before[-1:].isspace():
            return False
        low = before.lower()
        if not low.rstrip().endswith(_COMPARED_YEAR_LAST) or not any(map(low.__contains__, _COMPARED_YEAR_WORDS)):
            return False
    return _COMPARED_YEAR.match(before) is not None


def _context(main: Company | None, per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]],
             doc: Document, foreign: frozenset[int] = frozenset()) -> ArticleContext:
    """The article's reporting period and default year, from all the periods it names (``foreign``: the
    sentences about another company, whose fiscal calendar is not the article's)."""
    fye = main.fiscal_year_end if main else (12, 31)
    # (a comparative's label names the period a year before the figure's: "Net income: EUR 214m (Q3 2024: EUR
    # 176m)" is about the third quarter of 2025)
    mentions = [p for s, _, ps in per_sentence
                for p in (_labels_moved_on(s.text, ps) if "(" in s.text and ":" in s.text else ps)]
    # (the sentences about the article's company: a calendar another company states is that company's)
    own_sentences = [x for i, x in enumerate(per_sentence) if i not in foreign] if foreign else per_sentence
    own = [p for _, _, ps in own_sentences for p in ps] if foreign else mentions
    if fye == (12, 31) and (main is None or not main.in_registry):
        fye = _stated_fye(own, own_sentences, mentions, per_sentence, doc)
    if fye == (12, 31) and (main is None or not main.in_registry) and _in_march_currency(per_sentence):
        # an Indian or Japanese company's fiscal year runs April to March ("Q2FY25" is July-September 2024; Toyota's
        # "full-year forecast" in November is for the year to next March)
        fye = (3, 31)
    stated = _stated_quarter(own, doc.published) if doc.published is not None else None
    free = fye == (12, 31) and (main is None or not main.in_registry)
    number = _reported_ordinal(per_sentence) if stated is not None and free else None
    stated_grid = None  # the quarter of a stated end on the calendar the article uses
    if stated is not None and abs((grid := quarter_containing(stated.end, fye)).end - stated.end).days <= 7:
        # on the calendar the article already uses: the quarters it names say enough, unless the quarter it
        # reports has another number there ("fiscal first-quarter profit ... the quarter ended Sept. 28": a year
        # to June)
        if number is not None and not grid.label.endswith(f"Q{number}"):
            fye = fye_for(grid.end, number)
        stated_grid = quarter_containing(stated.end, fye)
        stated = None
    if stated is not None and number is not None:
        fye = fye_for(stated.end, number)  # "first-quarter profit ... the quarter ended Jan. 28": a year to October
        if (named := fiscal_name(stated, fye)) is not None:
            # its name on that calendar (Walmart's quarter ended Oct. 31 is FY2025-Q3, not FY2024-Q4; a 52/53-week
            # quarter ended Nov. 2 keeps its 13 weeks under the name of the fiscal quarter it closes)
            stated = dataclasses.replace(stated, label=named)
    shift = _fiscal_naming(per_sentence, fye, doc.published)
    years = Counter(p.year for p in mentions if p.year is not None and p.kind != "years")
    default_year = doc.published.year if doc.published else None
    if default_year is None and years:
        # a year named as what a figure is compared with ("up from $9.4 million, or $1.31 a share, in 1988") counts
        # as the year after it: the story's own year, when the text says no other
        # ("... in the first half of 1987": that half's year)
        # (an outlook's fiscal year ending early in the year it names, "for the business year through March 2026",
        # "its FY25 revenue growth guidance" of a year to March, is mostly the calendar year before: the story's)
        own_years = Counter(p.year + 1 if p.kind in ("year", "half", "quarter") and _compared_year(s.text[:p.start])
                            else p.year - 1 if ((p.kind == "year_ended" and p.number == 12 and 0 < p.month <= 6)
                                                or (p.kind == "year" and p.fiscal and fye[0] <= 6))
                            and _outlook_sentence(s.text)
                            else p.year
                            for s, _, ps in per_sentence for p in ps if p.year is not None and p.kind != "years")
        default_year = min(own_years.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if all(p.kind == "year" and _DEADLINE_BEFORE.search(s.text, max(0, p.start - 22), p.start)
               for s, _, ps in per_sentence for p in ps if p.year is not None and p.kind != "years"):
            default_year = None  # ("to save 90 million pounds a year by 2027": a deadline, after the story's year)
    counts: Counter[str] = Counter()
    periods: dict[str, Period] = {}
    # (in an outlook's sentence, a quarter named after a result verb is the one reported: "reported third-quarter
    # results that topped expectations and raised its full-year forecast"; "called for revenue" is an outlook)
    outlook = {id(p) for s, _, ps in per_sentence
               if ps and (_outlook_sentence(s.text) or _CALLED_FOR_WORDS.search(s.text, s.text.lower())) for p in ps
               if not (p.kind == "quarter" and _RESULT_BEFORE_WORDS.search(s.text, s.text.lower(), max(0, p.start - 40),
                                                                          p.start)
                       and not _FORWARD.search(s.text, 0, p.start))}
    # ("the year-ago second quarter", "will take a provision in the second quarter" are no quarter the article
    # reports)
    outlook |= {id(p) for s, _, ps in per_sentence for p in ps
                if p.year is None and (YEAR_AGO_BEFORE_WORDS.search(s.text, max(0, p.start - 24), p.start)
                                       or _will_before(s.text, p.start))}
    for p in mentions:
        if p.kind == "year_ended" and p.number in (6, 9) and p.month and doc.published is not None \
                and not p.calendar:
            # "the six months ended June 30": a half (or nine months) whose end the text states
            from claimgraph.sources.report import period_ending

            day = p.day or calendar.monthrange(2001, p.month)[1]
            end = dt.date(p.year, p.month, min(day, calendar.monthrange(p.year, p.month)[1])) if p.year \
                else latest_date(p.month, day, doc.published)
            if end <= doc.published:
                stated_half = period_ending(end, p.number, fye)
                counts[stated_half.label] += 1
                periods[stated_half.label] = stated_half
            continue
        if p.kind == "month_quarter" and p.number == 3 and p.month and doc.published is not None \
                and id(p) not in outlook and not p.calendar:
            # "net profit for the October-December quarter", "operating profit for April-June": the quarter of
            # those months that ended last before publication (or in the year stated), on the article's calendar
            last = calendar.monthrange(p.year or 2001, p.month)[1]
            end = dt.date(p.year, p.month, last) if p.year else latest_date(p.month, last, doc.published)
            by_months = quarter_containing(end, fye)
            if end <= doc.published and by_months.end == end:
                counts[by_months.label] += 1
                periods[by_months.label] = by_months
            continue
        if p.kind not in {"quarter", "half", "nine_months"} or (p.year is None and id(p) in outlook):
            continue  # ("For the first quarter, it expects": a yearless quarter of an outlook is not the one reported)
        if p.year is None and doc.published is not None:
            # (the year is the one the period's fiscal year ends in; named with ``shift``, it is that many before)
            p = dataclasses.replace(p, year=year_from_published(p, fye, doc.published) - shift)
        period, _ = p.resolve(fye, None, default_year, shift)
        if period is None or (doc.published is not None and period.end > doc.published):
            continue
        counts[period.label] += 1
        periods[period.label] = period
    context = None
    if counts:
        label = max(counts, key=lambda k: (counts[k], periods[k].end))
        context = periods[label]
    elif doc.published is not None:
        # (a quarter whose end the text states is what the article reports, not the year it names most)
        context = _year_ended_context(mentions, doc.published, fye) or (
            None if stated is not None or stated_grid is not None
            else _last_year_context(years - _outlook_years(per_sentence, doc.published, fye), fye, doc.published,
                                    _lead_years(per_sentence, doc.published, fye)))
    if stated_grid is not None and (context is None or (context.end - context.start).days < 100):
        context = stated_grid  # "the quarter ended Jan. 28": the quarter reported, whatever else is named more often
    if stated is not None and (context is None or ((context.end - context.start).days < 100
                                                   and abs((context.end - stated.end).days) > 7)):
        context = stated  # a stated end beats a quarter inferred from a yearless name
    return ArticleContext(main=main, period=context, default_year=default_year, published=doc.published, fye=fye,
                          fy_shift=shift, currency_calendar=_in_march_currency(per_sentence))


def _stated_fye(own: list[PeriodMention], own_sentences: list[tuple[Sentence, list[Quantity], list[PeriodMention]]],
               mentions: list[PeriodMention], per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]],
               doc: Document) -> tuple[int, int]:
    """The fiscal calendar of a company the registry does not give one, read from the article (a step of
    :func:`_context`): a fiscal year or quarter ended, nine months or a half, a quarter end stated."""
    fye = (12, 31)
    # "fiscal 1986 ended November 30", "the year ended August 31": the company's fiscal calendar, read from
    # the article when the registry does not give it
    # "first quarter ended February 28": the quarter's number and end give it too (a fiscal year to November)
    for p in own:
        if p.kind == "year_ended" and p.month and not p.trailing and (p.number == 12 or (p.number == 3 and p.ordinal == 4)):
            fye = (p.month, p.day or calendar.monthrange(2001, p.month)[1])
            break
        if p.kind == "year_ended" and p.month and p.number == 3 and p.ordinal:
            fye = fye_for(dt.date(2001, p.month, min(p.day or 28, 28)), p.ordinal)
            break
        if p.month and (p.kind == "nine_months" or (p.kind == "year_ended" and p.number == 9 and not p.weeks)) \
                and not p.calendar:
            # "the nine months ended December 31, 1986": a fiscal year to March
            fye = fye_for(dt.date(2001, p.month, min(p.day or 28, 28)), 3)
            break
        if p.kind in ("year_ended", "month_quarter") and p.month and p.number == 6 \
                and (any(h.kind == "half" and h.number == 1 and (
                    h.year is None or (p.year is not None and h.year == p.year + (p.month > 6)))
                         for h in [*mentions, *find_period_mentions(doc.title or "")])
                     or any(p in ps and "week" not in st.text[p.start:p.end]
                            and any(h.kind == "half_year" and 0 <= p.start - h.end <= 40 for h in ps)
                            for st, _, ps in per_sentence)):
            # "first-half profit ... the six months to December 31": a fiscal year to June; so is "the half
            # year ended 31 December 2024 (1H25)", and "Half-year results for the six months ended 31 December"
            # (the half-year a company reports on its own is its first: its second ends the year)
            month = p.month % 12 + 6 if p.month <= 6 else p.month - 6
            fye = (month, calendar.monthrange(2001, month)[1])
            break
    else:
        # (a quarter end the text states gives the calendar below, with the quarter's number: "fiscal
        # first-quarter results ... the quarter, which ended Oct. 31" is a year to July)
        if doc.published is not None and _stated_quarter(own, doc.published) is None:
            separate = bool(doc.title) and not doc.text.lstrip().startswith((doc.title or "")[:20])
            titled = _title_period(doc.title or "", fye) if separate else None
            fye = _reported_quarter_fye(own_sentences, doc.published, titled.end if titled else None) or fye
            if fye == (12, 31) and separate:
                fye = _month_ended_fye(doc.title or "", doc.text) or fye
            if fye == (12, 31) and titled is None:  # (not in a call titled "Q3 2023": its full year is 2023)
                fye = _full_year_fye(per_sentence, doc.published) or \
                    _fiscal_year_reported_fye(per_sentence, doc.published) or fye
    return fye


_MARCH_YEAR_CURRENCIES = ("INR", "JPY")  # where most listed companies' fiscal years end on March 31


def _labels_moved_on(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """The period mentions of ``text``, the quarters of its comparatives' labels ("(Q3 2024: EUR 176m)") a year on:
    the quarter of the figure the label's figure is compared with. (A half's label keeps its own year: a split
    year's "H1 2023/24" is resolved where it is read.)"""
    spans = label_spans(text)
    if not spans:
        return mentions
    return [dataclasses.replace(p, year=p.year + 1) if p.kind == "quarter" and p.year is not None
            and any(a <= p.start < b for a, b in spans) else p for p in mentions]


def _in_march_currency(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]]) -> bool:
    """Whether most of the article's money is in Indian rupees or Japanese yen (whose companies' fiscal years
    mostly end in March)."""
    units = Counter(q.value.unit for _, qs, _ in per_sentence for q in qs if q.kind == "money")
    return any(units[c] > 0 and units[c] * 2 > sum(units.values()) for c in _MARCH_YEAR_CURRENCIES)


_COMPARED_IN = re.compile(r"(?i)\b(?:from|compared\s+(?:with|to)|against|versus)\b[^;]{0,80}\bin\s+$")


def _fiscal_naming(per_sentence: list[tuple[Sentence, list[Quantity], list[PeriodMention]]], fye: tuple[int, int],
                   published: dt.date | None) -> int:
    """How many years after the calendar year it names a stated fiscal year ends (0: named after the year it ends
    in, the default; 1: after the year it starts in, as many retailers name years that end in January). A period
    named with its fiscal year and its end says which ("the second quarter of fiscal 2025, which ended August 2,
    2025": fiscal 2025 ends in January 2026), and so does an outlook for a fiscal year that would otherwise have
    ended months before ("expects fiscal 2025 net sales of", published in September 2025). A year that ends in the
    first week of January is the 52/53-week year of the calendar year before ("the fourth quarter ended January 3"
    and "1985's fourth quarter" a year earlier: 1985 ends in January 1986).

    >>> m = find_period_mentions("the second quarter of fiscal 2025, which ended August 2, 2025")
    >>> _fiscal_naming([(None, [], m)], (1, 31), None), _fiscal_naming([], (1, 31), None)  # type: ignore[list-item]
    (1, 0)
    >>> _fiscal_naming([], (1, 3), None)
    1
    """
    if fye[0] > 3:  # (a year to March is named either way: Japanese companies' "fiscal 2025" ends in March 2026)
        return 0
    if fye[0] == 1 and fye[1] <= 7:
        return 1  # a 52/53-week year that ends in the first days of January closes the calendar year before it
    for _, _, ps in per_sentence:
        for p in ps:
            if p.kind == "year_ended" and p.named_year is not None and p.year is not None and p.month:
                end = dt.date(p.year, p.month, min(p.day or 28, calendar.monthrange(p.year, p.month)[1]))
                if end.day <= 7:  # a 52/53-week period ending in the first days of a month: the previous month's
                    end = end.replace(day=1) - dt.timedelta(days=1)
                if (diff := fiscal_year_of(end, fye) - p.named_year) in (0, 1):
                    return diff
    for sentence, _, ps in per_sentence:
        # ("net income for the 53-week fiscal year ended Feb. 1, 2026 rose ... from $1.21 billion in fiscal 2024": the
        # year compared with is the one before, so fiscal 2024 ends in January 2025)
        ended = [p for p in ps if p.kind == "year_ended" and p.number == 12 and p.year is not None and p.month]
        if ended and sentence is not None:
            e = ended[0]
            end = dt.date(e.year or 1, e.month, min(e.day or 28, calendar.monthrange(e.year or 1, e.month)[1]))
            if any(p.kind == "year" and p.fiscal and p.year is not None and p.start > e.end
                   and fiscal_year_of(end, fye) - p.year == 2
                   and _COMPARED_IN.search(sentence.text, max(0, p.start - 100), p.start) for p in ps):
                return 1
    if published is None:
        return 0
    # (an outlook for the year that ends with the period the article reports: "the fourth quarter ended February 1,
    # 2025 ... For fiscal 2025, Pinecrest expects", the next year)
    ends = [dt.date(p.year, p.month, min(p.day or 28, calendar.monthrange(p.year, p.month)[1]))
            for _, _, ps in per_sentence for p in ps if p.kind == "year_ended" and p.year is not None and p.month]
    latest = max((e for e in ends if e < published), default=dt.date.min) + dt.timedelta(days=7)
    # (the fiscal years named with results, not outlooks: "its group net profit for fiscal 2024 rose ... For fiscal
    # 2025, it projects": an outlook for the year after a year reported has not ended)
    results = {p.year for sentence, qs, ps in per_sentence if qs and not _FORWARD.search(sentence.text)
               for p in ps if p.kind == "year" and p.fiscal and p.year is not None}
    for sentence, qs, ps in per_sentence:
        if qs and any(p.kind == "year" and p.fiscal and p.year is not None for p in ps) \
                and _FORWARD.search(sentence.text):
            named = [p.year for p in ps if p.kind == "year" and p.fiscal and p.year is not None]
            if all(fiscal_year(y, fye).end < published - dt.timedelta(days=60) or fiscal_year(y, fye).end <= latest
                   or (y - 1 in results and fiscal_year(y, fye).end < published) for y in named):
                return 1
    return 0
