"""Claim assembly: attach each quantity in a sentence to a company, metric, measure, period and modality.

The rules, in order:

1. **Metric.** A metric named right after the figure ("$3.6 billion in
   revenue", "a 62% adjusted EBITDA margin") wins; otherwise the nearest
   compatible metric before it in the sentence ("backlog of $55.6 billion").
   Units must fit: money for money metrics, percent for margins, W for power.
   A percentage next to a money metric is a change ("jumped 284% year over
   year"); a figure with no metric is kept as ``unclassified`` when the
   sentence is about the article's company.
2. **Measure.** ``change_yoy``, ``change_qoq`` or ``change`` from cues such as
   "year over year" or "from the prior quarter"; ``part`` for "of that" or
   "the remaining"; otherwise ``level``. Falls are negative, and so are losses.
3. **Company.** A company named as the subject ("Acme reported", "Acme's
   revenue") is the subject; companies after "with", "like", "including" ...
   are counterparties. Otherwise, and for "the company", "its", "the firm",
   the subject is the article's main company.
4. **Period.** The nearest period named in the sentence; else the article's
   reporting period (``inferred_context``) or the quarter before publication
   (``inferred_published``); else ``unresolved``. "a year ago" shifts by a
   year. Stock metrics get the instant at the period end.
5. **Modality.** :func:`claimgraph.sources.modality.modality_of`.

Rules 1 and 2 (metric and measure) live in :mod:`claimgraph.sources.metric_choice`; rule 4 (period) in
:mod:`claimgraph.sources.claimperiods`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
import re

from claimgraph.sources.basis import ANNUAL_BEFORE, stated_basis
from claimgraph.sources.beside import after_a_later_result, ended_year_own, parent_beside_group
from claimgraph.sources.call_figures import (
    comparison_list_gap,
    fall_noun_after,
    qualified_balance,
    restated_amount,
    sales_to,
)
from claimgraph.sources.call_measures import (
    FROM_A_LOSS,
    GROWTH_OF_OUTLOOK,
    OUTLOOK_INCLUDING,
    PER_SHARE_METRICS,
    basis_lead_end,
    customer_threshold,
    earlier_share,
    midpoint_after,
    outlook_range,
    reported_range,
    sequential_comparison,
)
from claimgraph.sources.callperiods import (
    CARRY_LINES,
    names_longer_period,
    names_the_quarter,
    year_of_fourth_quarter,
)
from claimgraph.sources.calls import lower_possessor, lower_unit_subject, possessive_unit, unit_subject
from claimgraph.sources.claimperiods import (
    COMPARED_BEFORE,
    COMPARISON,
    ESTIMATE_AFTER,
    LAST_YEAR,
    changed_from_period,
    claim_period,
    compared_period,
    complete_years,
    measure_by_base,
    year_to_date,
)
from claimgraph.sources.companies import APPOSITIVE, CompanyMention
from claimgraph.sources.comparatives import comparative, label_of, label_spans
from claimgraph.sources.context import ArticleContext
from claimgraph.sources.countranges import widen_count_ranges
from claimgraph.sources.metric_choice import (
    _BALANCES,
    _BARRIER,
    _BASIS_PHRASE,
    _COMPANY_LEVEL_EARNINGS,
    _COMPOUND_HEAD,
    _LIST_GAP,
    _OF_METRIC,
    _PART_AFTER,
    _PART_BEFORE,
    _SCALE_WORD,
    _SCALED,
    _SEGMENTED,
    _SPECIFIC_LOSS,
    _STAKE,
    _SWITCH,
    _TARGET_ON,
    _THIS_SEGMENT,
    _TRANSACTION_BEFORE,
    _VERB_MENTION,
    _WHOLE_COMPANY,
    ABOVE_OR_BELOW_YEAR,
    _compatible,
    _measure,
    _pick_metric,
    _segment,
    _signed,
)
from claimgraph.sources.metrics import ADJUSTED_OF, UNCLASSIFIED, Mention, Metric, Vocabulary
from claimgraph.sources.modality import (
    RESTATED_BEFORE,
    estimate_after,
    forward_looking,
    is_correction,
    modality_of,
    own_estimate,
    reports_later,
)
from claimgraph.sources.model import (
    Claim,
    Company,
    Measure,
    Modality,
    Period,
    Qualifier,
    Quantity,
    Resolution,
    Value,
)
from claimgraph.sources.omitted import conversion
from claimgraph.sources.periods import (
    PeriodMention,
    as_instant,
    first_span,
    fiscal_year,
    fiscal_year_of,
    quarter_containing,
    shift_quarter,
    shift_year,
)
from claimgraph.sources.prices import market_day, price_move_claim, price_moves
from claimgraph.sources.quantities import CURRENCY_CODES
from claimgraph.sources.scan import WindowWords
from claimgraph.sources.segments import (
    GROUP_SUBJECT,
    named_part,
    region_name,
    segment_after,
    segment_before,
    segment_lead_phrase,
    segment_relative,
    segment_subject_verb,
    unit_around,
)
from claimgraph.sources.sentences import Sentence
from claimgraph.sources.trailing import trailing_twelve_months

_NEGATIVE_CUE = re.compile(
    r"\b(?:down|fell|fall(?:s|ing|en)?|drop(?:ped|s)?|declin(?:ed|e|es|ing)|decrease[sd]?|slid|slump(?:ed|s)?|"
    r"slipp(?:ed|ing)|slips?|eased|weaken(?:ed|ing)|shed|retreat(?:ed|ing)|sagg(?:ed|ing)|skidd(?:ed|ing)|"
    r"plung(?:ed|e)|tumbl(?:ed|e)|sank|shrank|shrink|lower(?:ed|ing|s)?|reduc(?:ed|es|ing|tion)|trimm(?:ed|ing)|"
    r"dip(?:ped)?|lost|loses|cut(?:ting|s)?|contract(?:ed|ion)|"
    r"compress(?:ed)?)\b",
    re.IGNORECASE,
)
_NARROWED = re.compile(r"\bnarrow(?:ed|s|ing)\b", re.IGNORECASE)
_WIDENED = re.compile(r"\bwiden(?:ed|s|ing)\b", re.IGNORECASE)
_NEGATIVE_CUE_WORDS = WindowWords(_NEGATIVE_CUE)  # (searched where its words are)
_COUNTERPARTY_BEFORE = re.compile(
    r"(?:\b(?:with|from|to|for|like|including|include|includes|such\s+as|by|than|versus|vs\.?|over|"
    r"between|among|as\s+well\s+as|customers?|clients?|partners?|rivals?|peers?|competitors?|hyperscalers?)\s+"
    r"(?:\w+\s+){0,2}|,\s*|\band\s+|\bor\s+)$",
    re.IGNORECASE,
)
# a company that is the subject of a reporting verb: "CVS Health Corp, its larger rival, reported", "Rival Adidas AG
# last month reported", "MidSouth Corp, a regional railroad, which contributed sales of"
# a time adverbial between a subject and its verb ("Nike last month cut", "Acme on Tuesday reported")
_WHEN = (r"(?:(?:last|this|earlier\s+this|on|late|early)\s+(?:week|month|year|quarter|[A-Z][a-z]+day)\s+|"
         r"(?:yesterday|today|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
         r"December))\s+)?")
_REPORTS_AFTER = re.compile(
    rf"\s*(?:,[^,]{{0,60}},\s*|{APPOSITIVE}\s*)?(?:,?\s*(?:which|that)\s+)?"
    r"(?:(?:also|again|still|then|earlier|separately|itself)\s+)?"
    rf"{_WHEN}(?:(?:also|again|still|then|separately)\s+)?"
    r"(?:reported|reports|reporting|posted|posts|said|says|had|has|generated|recorded|expects|forecast|booked|earned|"
    r"lost|saw|announced|logged|delivered|contributed|spent|invested|projected|predicted|forecasts|expected|made|"
    # the subject of a move owns the clause's figures: "Marvell Technology Inc., meanwhile, slid 12% after it
    # projected current-quarter revenue of about $2.06 billion"
    r"rose|fell|slid|jumped|gained|dropped|climbed|tumbled|surged|sank|plunged|soared|slumped|rallied|advanced|"
    r"ended\s+(?:(?:19|20)\d\d|the\s+(?:year|quarter))\s+with)\b")
# a rival, customer or partner named as the subject of its own report is the subject ("rival Adidas reported")
# a company opening its sentence (after a time or place adverbial) as the subject of a verb of its own: "Cosmo Oil
# Co Ltd, the third largest seller of oil products in 1985, cut its workforce by some 20 pct last year", "In the
# year to end-February, Superdrug reported pretax profits of"
_SENTENCE_LEAD = re.compile(r"[\W_]*(?:(?:In|For|During|At|By|Over|Last|This|Earlier|Since|Until|As\s+of)\b"
                            r"[^,;:.]{0,60},\s*)?(?:(?:Rival|Competitor|Peer|Smaller|Larger|Privately-held|"
                            r"Privately\s+held|[A-Z][a-z]+-based)\s+)?")
_ACTS_AFTER = re.compile(
    rf"\s*(?:(?:,[^,;]{{0,80}}){{1,2}},\s*|{APPOSITIVE}\s*)?(?:(?:also|again|still|then|earlier|separately|itself|recently|"
    rf"previously)\s+)?{_WHEN}(?:reported|reports|posted|posts|had|has|made|makes|earned|earns|lost|cut|raised|lowered|"
    r"increased|reduced|boosted|grew|saw|sees|expects|expected|recorded|booked|generated|achieved|registered|"
    r"suffered|incurred|paid|pays|spent|employs|employed|sold|sells|ended|closed|is|was|will|would)\b")
_DESCRIBED_BY = re.compile(r",\s+(?:an?|the)\s+(?!(?:year|quarter|month|week)\b)[^,;()$€£¥\d]{3,80}?"
                          r"\b(?:with|having|that\s+had|which\s+had|whose)\s+(?:[\w-]+\s+){0,3}", re.IGNORECASE)
_METRIC_OF = re.compile(r"\s+(?:of|in|at)\s+(?:the\s+)?(?:(?:rival|peer|smaller|larger|bigger|fellow|parent|"
                        r"U\.?S\.?|British|Canadian|Japanese|German|French|Indian|Chinese|Australian)[\s-]+"
                        r"(?:[a-z][\w-]*\s+){0,2})?")  # "shares of Beta", "shares in BT", "sales at Acme"
_TARGET_OF = re.compile(r"\s+(?:on|for)\s+(?:shares\s+of\s+)?")  # "its price target on Broadcom to $200"
_COMPANY_SHARES_MOVE = re.compile(r"(?:'s|’s)?\s+(?:shares|stock|share\s+price|stock\s+price)\b[^,;:\d%$€£¥]{0,40}")
_COMPANY_METRIC = re.compile(r"(?:'s|’s)?\s+(?:own\s+)?")  # "Beta Industries shares", "Beta's revenue"
_DESCRIBED_BEFORE = re.compile(r"\b(?:customers?|clients?|partners?|rivals?|peers?|competitors?|hyperscalers?),?\s+$",
                               re.IGNORECASE)


def _set_off_reports(text: str, start: int, end: int) -> re.Match[str] | None:
    """The verb of a rival or customer set off by commas ("its main rival, Ellisford Bio, reported"), if any."""
    if not text.startswith(",", end):
        return None
    described = _SET_OFF_BEFORE.search(text, max(0, start - 60), start)
    return _REPORTS_AFTER.match(text, end + 1) if described is not None else None


# the noun a company set off by commas follows, with what it is ("its biggest customer, electric-vehicle maker ")
_SET_OFF_BEFORE = re.compile(r"\b(?:[Cc]ustomers?|[Cc]lients?|[Pp]artners?|[Rr]ivals?|[Pp]eers?|[Cc]ompetitors?|"
                             r"[Ss]uppliers?),\s+(?:(?:[a-z][\w-]*|U\.S\.|U\.K\.)\s+){0,3}$")


_SELF_REFERENCE = re.compile(r"\b(?:the\s+company|the\s+firm|the\s+group|its|the\s+business)\b",
                             re.IGNORECASE)
_CONVERSION = re.compile(r"^\s*\(\s*(?:about|approximately|roughly|around|or|~)?\s*$", re.IGNORECASE)
_UNCLASSIFIED_PHRASE = re.compile(r"^\s*(?:(?:in|of|on|for)\s+)?((?:[\w-]+\s+){0,2}[\w-]+)")


# a sentence about the figure of the sentence before, naming no metric: "That compared with 2.43 trillion won a year
# earlier", "This was below the $1.2 billion analysts had expected", "That beat the consensus of 41 cents"
_THAT_COMPARED = re.compile(r"(?:That|This|The\s+(?:figure|result|profit|loss))\s*(?:(?:compared|compares|"
                            r"(?:was|is|['’]s)\s+(?:up|down|below|above|better|worse|short|ahead|higher|lower)|beat|"
                            r"missed|topped|exceeded|fell\s+short|came\s+in)\b)")
_PER_SHARE_ONLY = frozenset({"eps", "adjusted_eps"})


def _anaphoric_mention(lead: re.Match[str], ctx: ArticleContext, quantities: list[Quantity]) -> list[Mention]:
    """The metric of the previous sentence's figure this sentence's subject names: of the figures stated there as
    levels, the one in the unit of the sentence's first figure and closest to it in size ("earned $892 million, or
    22 cents per share. That's down from $1.2 billion" is net income), else the last one."""
    levels = [c for n, c in ctx.recent if n == ctx.sentence_no and c.measure is Measure.LEVEL]
    if not levels:
        return []
    last = levels[-1]
    first = next((q for q in quantities if q.start >= lead.end()), None)
    if first is not None and first.value.low:
        same = [c for c in levels if c.value.unit == first.value.unit and c.value.low and c.metric != "unclassified"]
        if same:
            size = math.log10(abs(first.value.low))
            last = min(reversed(same), key=lambda c: abs(math.log10(abs(c.value.low)) - size))
    if last.metric == "unclassified":
        return []
    return [Mention(lead.start(), lead.start() + len(lead.group().split()[0]), last.metric, 1, lead.group())]


def claims_for_sentence(sentence: Sentence, quantities: list[Quantity], companies: list[CompanyMention],
                        periods: list[PeriodMention], vocab: Vocabulary, ctx: ArticleContext,
                        ) -> list[Claim]:
    """All claims of one sentence. Spans in the inputs are relative to the sentence."""
    text = sentence.text
    quantities = widen_count_ranges(text, quantities)  # ("deliveries 10,200 - 10,400 units": one range)
    mentions = _sentence_mentions(text, quantities, vocab, ctx)
    periods = complete_years(periods, text)
    lead_end = basis_lead_end(text) if ctx.spoken else 0
    if lead_end:
        periods = [p for p in periods if p.start >= lead_end]  # ("Based on Q1 performance, we now anticipate ...")
    labels = label_spans(text)  # comparatives in parentheses: "(2023: £382.1m)"
    out: list[Claim] = []
    window_start = 0
    current_period: tuple[Period | None, Resolution] | None = None
    correction = is_correction(text)
    volume = any(_volume_count(text, q) for q in quantities)
    last = -1  # the quantity of the latest claim
    parent_metric: str | None = None  # the metric of a parent's figure just before, beside its group's
    ctx.sentence_no += 1
    moves = {span: move for move in price_moves(text) for span in (move.price, move.move)} \
        if any(q.value.stated == q.text and "/" in q.text for q in quantities) or "tock" in text or "hares" in text \
        else {}
    for n, q in enumerate(quantities):
        if (move := moves.get((q.start, q.end))) is not None:
            if (claim := price_move_claim(text, q, move, companies, ctx)) is not None:
                out.append(claim)
            window_start = q.end
            continue
        next_start = quantities[n + 1].start if n + 1 < len(quantities) else len(text)
        if volume and q.kind == "count" and q.value.unit == "count" and _SCALED.search(q.text):
            continue  # "sales fell to 19.7 mln tonnes from 20.9 mln": volumes, not wire-style money
        if volume and q.kind == "percent" and n + 1 < len(quantities) and _volume_count(text, quantities[n + 1]) \
                and re.fullmatch(r"\s*(?:\w+\s+){0,2}?to\s*", text[q.end:quantities[n + 1].start]):
            continue  # "sales fell 5.7 pct to 19.7 mln tonnes": a change of a volume
        if customer_threshold(text, q.start) or (n and last != n - 1 and earlier_share(
                text, (quantities[n - 1].start, quantities[n - 1].end), quantities[n - 1].kind == "percent", q.start,
                q.kind == "percent")):
            window_start = q.end
            continue  # customers counted by what they spend; the earlier value of a share of a total (``call_measures``)
        if n and _CONVERSION.match(text[quantities[n - 1].end:q.start]) and text[q.end:q.end + 2].lstrip()[:1] == ")" \
                and q.kind == quantities[n - 1].kind == "money":
            continue  # "5.35 trillion yen ($35.9 billion)": a currency conversion of the same figure
        if _merged_into_previous(text, q, n, quantities, out, last):
            window_start = q.end
            continue
        lead = label_of(labels, q.start) if labels else None
        # (a comparative's label, "(H1 FY24: £382.1m)", is the period of the figure it leads only)
        own_periods = [p for p in periods if not any(a <= p.start < b for a, b in labels)] if labels else periods
        claim = _claim(text, q, mentions, companies, own_periods, vocab, ctx, window_start, current_period, next_start,
                       follows=out[-1] if out and n and last == n - 1 else None)
        window = text[window_start:q.start]
        window_start = q.end
        if claim is None:
            continue
        if claim.modality is Modality.REPORTED and out and last == n - 1 \
                and out[-1].modality is Modality.ANALYST_ESTIMATE \
                and _ESTIMATORS_EXPECT.search(text, 0, quantities[last].start) \
                and _ESTIMATE_LIST_GAP.fullmatch(text, quantities[last].end, q.start):
            # "Analysts expect revenue of $14.2 billion, up 4% from a year earlier, and adjusted earnings of $2.31 per
            # share": the estimate goes on over the list its verb leads
            claim.modality = Modality.ANALYST_ESTIMATE
        _join_previous(claim, text, q, n, quantities, out, last, lead, periods, vocab, ctx)
        if (claim.modality is Modality.REPORTED or (claim.modality is Modality.GUIDANCE
                                                    and claim.resolution is not Resolution.STATED)) \
                and out and ((";" in text and (listed := _OUTLOOK_LIST.search(text, 0, q.start)) is not None
                              and ";" in text[listed.end():q.start]) or OUTLOOK_INCLUDING.search(text, 0, q.start)):
            # "For 2021, we now expect the following: net sales growth of 1% to 1.5%; ...; and diluted EPS in the
            # range of $9.90 to $10.20": each item of the list is the outlook, for the period of the list's first
            _listed_outlook(claim, next((c for c in out if c.modality is Modality.GUIDANCE), None))
        if after_a_later_result(claim, vocab, ctx):
            claim.modality = Modality.PRIOR_PERIOD
        if parent_beside_group(claim, window, ctx, parent_metric):
            parent_metric, claim.metric = claim.metric, UNCLASSIFIED  # (the parent's own measure)
        else:
            parent_metric = None
        last = n
        if claim.modality is not Modality.PRIOR_PERIOD and claim.measure is Measure.LEVEL:
            current_period = (claim.base_period, claim.resolution)
        if correction and out and claim.metric == out[-1].metric and re.search(
                r"(?:\bfrom|,\s*not|\brather\s+than|\binstead\s+of)\s+(?:\w+\s+){0,3}$", text[max(0, q.start - 30):q.start]) \
                and not RESTATED_BEFORE.search(text, max(0, q.start - 30), q.start):
            # (not "grew 8.8 pct to 7.23 billion dlrs from a restated 6.65 billion dlrs in 1985": a year-earlier
            # figure as restated)
            # "corrected X to A from B" ("to A, not B"): B is the earlier statement, A revises it (also "revised its
            # loss to A from the loss of B reported in March").
            claim.modality = out[-1].modality
            claim.period, claim.resolution = out[-1].period, out[-1].resolution
            claim.revises = -1  # marker: the previous claim revises this one
        out.append(claim)
        if claim.metric == "share_price" and claim.measure is Measure.CHANGE:
            ctx.move_sentence = ctx.sentence_no
        # (or a preliminary result: "operating profit for April-June was likely 10.4 trillion won. That beat an
        # LSEG SmartEstimate of 8.8 trillion won.")
        if claim.modality in (Modality.REPORTED, Modality.GUIDANCE, Modality.PRELIMINARY) \
                and claim.metric != UNCLASSIFIED and (
                claim.measure is Measure.LEVEL or (claim.value.unit == "percent" and claim.measure in (
                    Measure.CHANGE, Measure.CHANGE_YOY, Measure.CHANGE_QOQ))):
            # (an estimate is set against a result, or against an outlook: "The company forecast second-quarter
            # revenue between $520 million and $540 million. Analysts had estimated $531 million.")
            ctx.recent = [*ctx.recent[-7:], (ctx.sentence_no, claim)]
    _link_revisions(out)
    _carry_on(text, out, periods, vocab, ctx)
    _changes_at_levels(text, out)
    _share_sales_period(text, out, periods, ctx.published)
    _per_share_pair_period(text, out)
    _per_share_pair_currency(text, out)
    _current_of_prior_year(text, out, periods)
    trailing_twelve_months(text, out)  # ("revenue for the trailing twelve months": ``trailing``)
    if ctx.published is not None and _QUARTERLY_DIVIDEND.search(text):
        _quarterly_dividend_periods(out, ctx.published)
    return out


def _sentence_mentions(text: str, quantities: list[Quantity], vocab: Vocabulary,
                       ctx: ArticleContext) -> list[Mention]:
    """The metric mentions of a sentence (not a compound's head, a basis phrase, a price target's share price,
    a specific loss, an interest that is a stake), with bare margins, cash held and an anaphoric "That"."""
    low = text.lower()
    basis = not text.isascii() or "currenc" in low or "exchange" in low  # (what _BASIS_PHRASE needs)
    mentions = _resolve_bare_margins([m for m in vocab.mentions(text) if not _COMPOUND_HEAD.match(text, m.end)
                                      and not (basis and _BASIS_PHRASE.search(text, max(0, m.start - 30), m.end))
                                      and not (m.metric == "share_price"
                                               and _TARGET_ON.search(text, max(0, m.start - 40), m.start))
                                      and not (m.sign < 0 and m.metric == "net_income"
                                               and _SPECIFIC_LOSS.search(text, max(0, m.start - 40), m.end))
                                      and not (m.phrase.lower() == "interest" and _STAKE.search(
                                          text[max(0, m.start - 30):m.start] + "|" + text[m.end:m.end + 24]))],
                                     text, ctx)
    if "ash" in text:  # ("cash", "Cash")
        mentions = _with_cash_held(text, mentions)
    if ctx.recent and all(m.metric in _PER_SHARE_ONLY for m in mentions) \
            and (that_lead := _THAT_COMPARED.match(text)) is not None and "respectively" not in text:
        # ("That's down from $1.2 billion, or 30 cents per share, a year ago": the amount is the metric before)
        mentions = sorted([*_anaphoric_mention(that_lead, ctx, quantities), *mentions], key=lambda m: m.start)
    return mentions


def _merged_into_previous(text: str, q: Quantity, n: int, quantities: list[Quantity], out: list[Claim],
                          last: int) -> bool:
    """Whether the figure only widens the claim of the figure before into a range ("$1.1 billion, plus or
    minus $50 million", "95 cents to $1.00"), which it then does."""
    if out and n and last == n - 1 and (spread := _plus_minus(text[quantities[n - 1].end:q.start], q)) is not None \
            and out[-1].value.point is not None and (
                out[-1].value.unit == q.value.unit or (q.kind == "percent" and quantities[n - 1].kind == "money")):
        # "revenue of $1.1 billion, plus or minus $50 million": a range around the figure before ("$54 billion,
        # plus or minus 2%": 2% of it)
        mid, prev_value = out[-1].value.point, out[-1].value
        if out[-1].value.unit != q.value.unit:
            spread = abs(mid) * spread / 100
        out[-1].value = Value(mid - spread, mid + spread, prev_value.unit,
                              text[text.find(prev_value.stated):q.end] if prev_value.stated in text else
                              prev_value.stated, Qualifier.RANGE, prev_value.decimals, mid)
        return True
    if out and n and last == n - 1 and out[-1].modality in _FORWARD and _RANGE_TO.fullmatch(
            text, quantities[n - 1].end, q.start) and q.kind == quantities[n - 1].kind == "money" \
            and q.value.unit == out[-1].value.unit and out[-1].value.low == out[-1].value.high \
            and q.value.low == q.value.high and 0 < out[-1].value.high < q.value.low <= 2 * out[-1].value.high \
            and not _FROM_BEFORE_FIGURE.search(text, max(0, quantities[n - 1].start - 12), quantities[n - 1].start):
        # "adjusted EPS of 95 cents to $1.00": one outlook range written in two units
        prev_value = out[-1].value
        out[-1].value = Value(prev_value.low, q.value.high, prev_value.unit,
                              text[quantities[n - 1].start:q.end], Qualifier.RANGE, min(prev_value.decimals,
                                                                                         q.value.decimals),
                              (prev_value.low + q.value.high) / 2)  # (a range's stated value is its middle)
        return True
    return False


def _join_previous(claim: Claim, text: str, q: Quantity, n: int, quantities: list[Quantity], out: list[Claim],
                   last: int, lead: tuple[int, int] | None, periods: list[PeriodMention], vocab: Vocabulary,
                   ctx: ArticleContext) -> None:
    """A claim read with the claim of the figure right before it: a comparative's label, the level a change
    reached, a figure that follows the one before (``_follow``), an earlier rate."""
    if out and n and last == n - 1 and lead is not None:
        # ("NPAT of $64.2 million, up 12% on the pcp (pcp: $57.3 million)": the amount's, past its change)
        prev = next((c for c in reversed(out[-2:]) if (c.value.unit == "percent") == (claim.value.unit == "percent")),
                    out[-1])
        comparative(claim, prev, text[lead[0]:lead[1]], [p for p in periods if lead[0] <= p.start < lead[1]], ctx)
    elif out and n and (last == n - 1 or (last == n - 2 and conversion(text, quantities[n - 1],
                                                                       quantities[n - 2].value.unit))):
        # (the figure before, or the one before a conversion in brackets: "1.2 billion crowns ($113 million)")
        outlook = next((c for c in reversed(out) if c.modality in (Modality.GUIDANCE, Modality.PRELIMINARY)),
                       None)
        gap = text[quantities[last].end:q.start]
        if claim.metric == UNCLASSIFIED and out[-1].measure in _CHANGE_MEASURES and _TO_LEVEL.fullmatch(gap) \
                and (known := vocab.metrics.get(out[-1].metric)) is not None \
                and _compatible(known, q) == "level" and claim.measure is Measure.LEVEL:
            claim.metric = out[-1].metric  # "rose 26% to $94.5 billion": the level the change reached
        _follow(claim, out[-1], gap, outlook,
                own_period=own_period_after_and(text, quantities[last].end, q.start, periods))
        if claim.modality is Modality.PRIOR_PERIOD and claim.base_period is not None and out[-1].period is None \
                and out[-1].modality in (Modality.PRELIMINARY, Modality.REPORTED) \
                and claim.metric == out[-1].metric and _COMPARED_WITH.search(gap) and ctx.published is not None \
                and (year_on := shift_year(claim.base_period, 1)).end < ctx.published:
            # "expects to report earnings of between 72 and 77 cts per share compared with 1.19 dlrs per share
            # in the previous year": a result (ended) for the period a year after the one it is compared with
            out[-1].period = out[-1].base_period = year_on
            out[-1].resolution = claim.resolution
        if _earlier_rate(claim, out[-1], gap, text[q.end:q.end + 60]):
            # "like-for-like sales grew 5.4%, down from 13.5% a year earlier": the growth of the year before
            claim.modality = Modality.PRIOR_PERIOD
            claim.period = claim.base_period = shift_year(out[-1].base_period or out[-1].period)


def _carry_on(text: str, out: list[Claim], periods: list[PeriodMention], vocab: Vocabulary,
              ctx: ArticleContext) -> None:
    """What the sentence's claims leave for the next sentences: a call's fourth quarter read as its year, the
    period carried on, the last modality (an analyst quoted goes on)."""
    if ctx.spoken and out and (year := year_of_fourth_quarter(text, ctx.period, ctx.fye)) is not None:
        for claim in out:  # ("we reported total revenue of just over $4.4 billion which was within our initial range")
            kind = vocab.get(claim.metric)
            if claim.base_period == ctx.period and claim.resolution is Resolution.INFERRED_CONTEXT \
                    and claim.modality in (Modality.REPORTED, Modality.PRIOR_GUIDANCE) \
                    and kind is not None and kind.kind == "flow":
                claim.period = claim.base_period = year
        ctx.carry, ctx.carry_lines = (year, Resolution.INFERRED_CONTEXT, Modality.REPORTED), CARRY_LINES
    if any(not p.relative or p.kind in _CARRIED_RELATIVE for p in periods):
        named = [c for c in out if c.base_period is not None and (
            (c.measure is Measure.LEVEL and c.modality in (Modality.REPORTED, Modality.ANALYST_ESTIMATE))
            or (c.modality is Modality.GUIDANCE and not _projected_base(text, c)))]
        ctx.carry = None if not named or (named[-1].base_period == ctx.period
                                          and named[-1].modality is not Modality.ANALYST_ESTIMATE) else (
            named[-1].base_period, named[-1].resolution, named[-1].modality)  # type: ignore[assignment]
        # (only a period named as such goes on over the next lines: "For the full year, revenue was"; not "35.3% of
        # net sales this year, down from")
        ctx.carry_lines = CARRY_LINES if names_longer_period(periods) else 0
    elif ctx.spoken and ctx.carry is not None and names_the_quarter(periods):
        ctx.carry = None  # "In the quarter, revenue was": back to the quarter the call reports
    if out:
        if ctx.last_modality is Modality.ANALYST_ESTIMATE:
            for claim in out:
                if claim.modality is Modality.FORECAST:
                    claim.modality = Modality.ANALYST_ESTIMATE  # the analyst quoted just before goes on
        ctx.last_modality = Modality.ANALYST_ESTIMATE if any(c.modality is Modality.ANALYST_ESTIMATE for c in out) \
            else out[-1].modality


def _changes_at_levels(text: str, out: list[Claim]) -> None:
    """A change without a period takes the period of the level of the same metric it leads to or follows."""
    for i, claim in enumerate(out):
        # "rose 12 per cent to EUR5.5bn": the change is for the period of the level it leads to; "revenue of $2.7
        # billion, an increase of 19%": of the level it follows
        if claim.period is None and claim.measure is Measure.CHANGE:
            level = next((c for c in (out[i + 1] if i + 1 < len(out) else None, out[i - 1] if i else None)
                          if c is not None and c.metric == claim.metric and c.measure is Measure.LEVEL
                          and c.period is not None and c.modality is claim.modality), None)
            if level is None:
                continue
            claim.period, claim.base_period, claim.resolution = level.period, level.base_period, level.resolution
            at = text.find(claim.value.stated)
            after = at + len(claim.value.stated)
            claim.measure = default_change(claim, text[after:after + 60] if at >= 0 else "")


_QUARTERLY_DIVIDEND = re.compile(r"(?i)\b(?:quarterly|qtly|qtrly)\s+(?:cash\s+)?(?:dividend|payout|distribution)")


def _quarterly_dividend_periods(out: list[Claim], published: dt.date) -> None:
    """A quarterly dividend declared in prose is the payment of the quarter of publication, as in a table ("Qtly div
    22 cts vs 22 cts"), and the payment it is raised from is the one before ("raised its quarterly dividend to 95
    cts from 87 cts": 87 cts the previous quarter's, ``prior_period``), unless the text states their periods."""
    current = quarter_containing(published, (12, 31))
    levels = [c for c in out if c.metric == "dividend" and c.measure is Measure.LEVEL
              and c.resolution is not Resolution.STATED]
    for c in out:
        if c.metric == "dividend" and c.measure is not Measure.LEVEL and c.modality is Modality.REPORTED \
                and c.resolution is not Resolution.STATED:
            # ("increases quarterly dividend by 10 percent": the raise is the quarter's too)
            c.period, c.base_period, c.resolution = current, current, Resolution.INFERRED_PUBLISHED
    if not any(c.modality is Modality.REPORTED for c in levels):
        return
    seen_reported = False
    for c in levels:
        if c.modality is Modality.REPORTED and not seen_reported:
            c.period = c.base_period = current
            seen_reported = True
        elif seen_reported and c.modality in (Modality.REPORTED, Modality.PRIOR_PERIOD):
            c.period = c.base_period = shift_quarter(current, (12, 31))
            c.modality = Modality.PRIOR_PERIOD
        else:
            continue
        c.resolution = Resolution.INFERRED_PUBLISHED


_OR_PER_SHARE = re.compile(r"\s*(?:dlrs?\s+)?,?\s*or\s+", re.IGNORECASE)


def _per_share_pair_period(text: str, out: list[Claim]) -> None:
    """A total and its per-share figure ("earned 196.3 mln dlrs, or 3.21 dlrs per share, adjusted for a two-for-one
    stock split, in 1986") are of one period: when only the per-share figure's period was stated, the total's is
    that one too."""
    for a, b in itertools.pairwise(out):
        if a.metric != "net_income" or b.metric != "eps" or b.period is None or a.period == b.period \
                or b.resolution is not Resolution.STATED or a.resolution is Resolution.STATED \
                or a.modality is not b.modality or a.measure is not Measure.LEVEL or b.measure is not Measure.LEVEL:
            continue
        a_at, b_at = text.find(a.value.stated), text.find(b.value.stated)
        if a_at < 0 or b_at <= a_at or not _OR_PER_SHARE.fullmatch(text, a_at + len(a.value.stated), b_at):
            continue
        a.period, a.base_period, a.resolution = b.period, b.base_period, b.resolution


def _per_share_pair_currency(text: str, out: list[Claim]) -> None:
    """A per-share figure in bare cents after its total in another currency than the article's ("a profit of
    US$88.6 million, or 21 cents per share" in a Toronto story) is in that currency's cents."""
    for a, b in itertools.pairwise(out):
        if b.metric not in ("eps", "adjusted_eps") or a.value.unit == b.value.unit or len(a.value.unit) != 3 \
                or not a.value.unit.isupper() or not re.fullmatch(r"(?i)\d[\d.,]*\s*(?:cents?|cts?|c)", b.value.stated):
            continue
        a_at, b_at = text.find(a.value.stated), text.find(b.value.stated)
        if a_at >= 0 and b_at > a_at and _OR_PER_SHARE.fullmatch(text, a_at + len(a.value.stated), b_at):
            b.value = dataclasses.replace(b.value, unit=a.value.unit)


# "to 60.50 mln dlrs from 50.76 mln in 1985": the figure, "from", the earlier figure and its year right after it
_TO_FROM = re.compile(r"\s*(?:(?:mln|million|billion|bln|dlrs?|stg|cts)\s+)*,?\s*(?:from|compared\s+with|versus|vs\.?)\s+"
                      r"(?:(?:a|an|the)\s+)?", re.IGNORECASE)
_IN_YEAR = re.compile(r"\s*(?:(?:mln|million|billion|bln|dlrs?|stg)\s+)*,?\s*(?:in|for)\s+(?:the\s+)?", re.IGNORECASE)


def _current_of_prior_year(text: str, out: list[Claim], periods: list[PeriodMention]) -> None:
    """A result set against the figure of a year named after it, with no period of its own ("net profit rose to
    60.50 mln dlrs from 50.76 mln in the 1985 period", "sales grew to 12 mln dlrs from 9.1 mln in 1986"): a year's
    result, of the year after that one, not the quarter the article's context would give it."""
    for a, b in itertools.pairwise(out):
        if a.metric != b.metric or a.measure is not Measure.LEVEL \
                or b.measure is not Measure.LEVEL or a.modality is not Modality.REPORTED \
                or b.modality is not Modality.PRIOR_PERIOD or b.resolution is not Resolution.STATED \
                or a.resolution is Resolution.STATED or a.period is None or b.period is None \
                or a.period.end <= b.period.end:
            continue
        # (a year, or a first period of another length: "in the 1985 period of 10 months")
        whole = 360 <= (b.period.end - b.period.start).days <= 370
        a_at, b_at = text.find(a.value.stated), text.find(b.value.stated)
        if a_at < 0 or b_at <= a_at or not _TO_FROM.fullmatch(text, a_at + len(a.value.stated), b_at):
            continue
        b_end = b_at + len(b.value.stated)
        year = next((p for p in periods if (p.kind == "year" if whole else first_span(p)) and p.start >= b_end
                     and _IN_YEAR.fullmatch(text, b_end, p.start)), None)
        if year is None or any(p.end <= a_at and p.kind != "date" and not (p.kind == "year" and p.year == year.year)
                               for p in periods if not p.relative):
            continue  # (a period named before the figure is its own; the same earlier year, another pair's; a
            # dateline's day, none)
        # (after a first, shorter period: the whole year after it)
        a.period = a.base_period = shift_year(b.period, 1) if whole else \
            fiscal_year(b.period.end.year + 1, (b.period.end.month, b.period.end.day))
        a.resolution = Resolution.INFERRED_CONTEXT


# "earned 4.11 dlrs per share on sales of 13.89 billion dlrs last year": the figure before "on sales of"
# ("lost 57.5 mln dlrs on 1.26 billion dlrs in sales last year": the second figure names its metric after it)
_ON_SALES = re.compile(r"\s*(?:(?:dlrs?|cts|cents)\s+)?(?:(?:a|per)\s+(?:diluted\s+|basic\s+)?share\s+)?,?\s*on\s+"
                       r"(?:(?:net\s+|total\s+|gross\s+)?(?:sales|revenues?|turnover)\s+of\s+(?:[a-z]+\s+){0,2})?",
                       re.IGNORECASE)


# the same with the first figure's period named between ("24 cts a share reported in the year-ago quarter on sales of")
# right after a figure: its own comparison with an earlier one ("3.6 mln dlrs, up from 2.8 mln", "... against 2.8 mln")
_OWN_COMPARISON = re.compile(r"(?:\s*(?:dlrs?|cts|cents|pct|percent|marks|francs|stg|yen))?\s*,?\s*(?:(?:up|down|rising|"
                             r"falling|climbing|increasing|decreasing)\s+from|compared\s+(?:with|to)|versus|vs\.?|"
                             r"against|from)\s+(?:an?\s+|the\s+)?(?:year[\s-](?:earlier|ago)\s+)?[$(]?\d", re.IGNORECASE)
_PERIOD_ON_SALES = re.compile(r"\s*(?:(?:dlrs?|cts|cents)\s+)?(?:(?:a|per)\s+(?:diluted\s+|basic\s+)?share\s+)?,?\s*"
                              r"(?:(?:reported|earned|posted|recorded)\s+)?(?:in|for|during)\s+(?:the\s+)?"
                              r"(?:[\w-]+\s+){0,3}?(?:quarter|qtr|period|year|half|months)\s*,?\s+on\s+"
                              r"(?:net\s+|total\s+|gross\s+)?(?:sales|revenues?|turnover)\s+of\s+", re.IGNORECASE)


def _share_sales_period(text: str, out: list[Claim], periods: list[PeriodMention], published: dt.date | None) -> None:
    """A result stated "on sales of" a second figure, with the period after both ("earned 4.11 dlrs per share on
    sales of 13.89 billion dlrs last year", "earnings per share of 3.70 dlrs on sales of 14 billion dlrs for the year
    ended January 31"): the period is both figures', and so is its modality (an earlier period's when the first is set
    against the result: "compared to profits of 165 mln dlrs on 2.04 billion dlrs in sales in 1985"; an outlook for a
    period that has ended is an early estimate)."""
    for a, b in itertools.pairwise(out):
        if b.metric != "revenue" or a.metric in ("revenue", UNCLASSIFIED) or b.period is None \
                or a.measure is not Measure.LEVEL or b.measure is not Measure.LEVEL \
                or (a.period == b.period and a.modality is b.modality):
            continue
        a_at, b_at = text.find(a.value.stated), text.find(b.value.stated)
        if a_at < 0 or b_at <= a_at:
            continue
        a_end, b_end = a_at + len(a.value.stated), b_at + len(b.value.stated)
        if a.period is not None and b.modality is Modality.REPORTED and a.modality is not Modality.REPORTED \
                and _PERIOD_ON_SALES.fullmatch(text, a_end, b_at) \
                and not any(b_end <= p.start <= b_end + 40 for p in periods):
            # "the 2,310,000 dlrs or 24 cts a share reported in the year-ago quarter on sales of 19.4 mln dlrs": the
            # sales of the period the first figure names
            b.period, b.base_period, b.resolution, b.modality = a.period, a.base_period, a.resolution, a.modality
            continue
        if not _ON_SALES.fullmatch(text, a_end, b_at) or any(a_end <= p.start < b_at for p in periods):
            continue
        compared = a.modality is Modality.PRIOR_PERIOD and COMPARISON.search(text, max(0, a_at - 40), a_at) is not None
        if not any(b_end <= p.start <= b_end + 40 for p in periods):
            if compared and b.modality is Modality.REPORTED and a.period is not None \
                    and not _OWN_COMPARISON.match(text, b_end):
                # "up from earnings of 16.1 mln dlrs on sales of 188.8 mln dlrs": both the earlier period's (not
                # "compared with a loss of 745,641 dlrs, on sales of 3,661,565 dlrs, up from 2,810,132 dlrs": sales
                # set against their own earlier figure are the current period's)
                b.period, b.base_period, b.resolution, b.modality = a.period, a.base_period, a.resolution, a.modality
            continue
        a.period, a.base_period, a.resolution = b.period, b.base_period, b.resolution
        pair = {a.modality, b.modality}
        if not pair <= {Modality.REPORTED, Modality.PRIOR_PERIOD, Modality.PRELIMINARY, Modality.GUIDANCE}:
            continue
        modality = Modality.PRIOR_PERIOD if compared else b.modality
        if modality is Modality.GUIDANCE and published is not None and b.period.end < published - dt.timedelta(days=3):
            modality = Modality.PRELIMINARY
        a.modality = b.modality = modality


_RANGE_TO = re.compile(r"\s*(?:to|-|–)\s*", re.IGNORECASE)
_FROM_BEFORE_FIGURE = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_PLUS_OR = re.compile(r"\s*,?\s*(?:plus\s+or\s+minus|\+/-|±)\s*", re.IGNORECASE)
_PLUS_OR_ONLY = re.compile(r"\s*,?\s*plus\s+or\s*", re.IGNORECASE)


def _plus_minus(gap: str, q: Quantity) -> float | None:
    """The spread of "plus or minus $50 million" after a figure (the quantity may have read "minus" as its sign)."""
    if _PLUS_OR.fullmatch(gap) or (_PLUS_OR_ONLY.fullmatch(gap) and q.text.lower().startswith("minus")):
        return abs(q.value.point if q.value.point is not None else q.value.high)
    return None


_TO_NEW = re.compile(r"(?:[^.;$\d]|\b(?:19|20)\d\d\b){0,30}?\bto\s*")
_APPOSITIVE = re.compile(r"\s*,?\s*(?:or|and)\s*")
_NEW_CLAUSE = (r"(?:from|compared|versus|vs|than|against|was|were|is|are|had|has|have|rose|fell|grew|reported|"
               r"posted|earned|recorded|increased|decreased|declined|ago|last|prior|previous|earlier|actual|but|while)")
_COORDINATED = re.compile(rf"(?:\s+(?:a|per)\s+(?:diluted\s+|basic\s+)?share)?"
                          # "guided for growth of 1-3 per cent for FY25 and an operating margin of": the period between
                          rf"(?:\s+(?:for|in|during)\s+(?:the\s+)?(?:(?!{_NEW_CLAUSE}\b|and\b)[\w'’-]+\s*){{1,3}}?)?"
                          # ("expects earnings of $2.05 to $2.15 per share, with revenue of": the same outlook)
                          rf"\s*,?\s*(?:and|as\s+well\s+as|plus|on|(?:along\s+)?with)\s+(?:(?!{_NEW_CLAUSE}\b)[\w'’-]+\s+){{0,7}}",
                          re.IGNORECASE)
_FORWARD = (Modality.GUIDANCE, Modality.PRELIMINARY, Modality.FORECAST, Modality.ANALYST_ESTIMATE)
# the same, with up to two phrases after the figure: "$1.09 on $1.33 billion in revenues for the coming quarter and
# $4.21": an estimate's list goes on past the periods of its items
_COORDINATED_LIST = re.compile(rf"(?:\s+(?:a|per)\s+(?:diluted\s+|basic\s+)?share)?"
                               rf"(?:\s+(?:for|in|during)\s+(?:the\s+)?(?:(?!{_NEW_CLAUSE}\b|and\b)[\w'’-]+\s*){{1,3}}?){{0,2}}"
                               rf"\s*,?\s*(?:and|as\s+well\s+as|plus|on)\s+(?:(?!{_NEW_CLAUSE}\b)[\w'’-]+\s+){{0,6}}",
                               re.IGNORECASE)


_REVISED_ESTIMATE = re.compile(r"(?i)\b(?:raised|raises|increased|increases|lifted|lifts|boosted|upped|cut|cuts|"
                               r"lowered|lowers|reduced|trimmed|trims|revised|revises)\s+(?:[\w'’-]+\s+){0,5}?"
                               r"(?:estimates?|forecasts?|projections?)\b")
_FROM_OLD = re.compile(r"\s*,?\s*(?:up|down)?\s*from\s+(?:an?\s+|its\s+|the\s+)?(?:(?:previous|prior|earlier|original)\s+)?"
                       r"(?:(?:forecast|outlook|guidance|estimate|projection)\s+(?:of\s+)?)?(?:about\s+|around\s+)?",
                       re.IGNORECASE)


_ON_SALES_AFTER_PRIOR = re.compile(r"(?:\s+(?:a|per)\s+(?:diluted\s+)?share)?(?:\s+(?:a\s+year\s+(?:ago|earlier)|"
                                   r"last\s+year|in\s+(?:19|20)\d\d))?\s*,\s*on\s+(?:[\w-]+\s+){1,3}",
                                   re.IGNORECASE)


_CHANGE_MEASURES = (Measure.CHANGE, Measure.CHANGE_YOY, Measure.CHANGE_QOQ)
_TO_LEVEL = re.compile(r"\s+to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?")


# an outlook that lists its items after a colon: "we now expect the following:", "our guidance is as follows:"
_OUTLOOK_LIST = re.compile(r"(?i)\b(?:expect\w*|anticipat\w*|project\w*|guidance|outlook|forecast\w*)\b[^.;:$]{0,40}:")


def _listed_outlook(claim: Claim, first: Claim | None) -> None:
    """An item of an outlook's list after a semicolon is the outlook, for the period of the list's first item unless
    it states its own."""
    if first is None:
        return
    claim.modality = Modality.GUIDANCE
    if claim.resolution is not Resolution.STATED and first.base_period is not None:
        instant = claim.period is not None and claim.period.start == claim.period.end
        claim.base_period, claim.resolution = first.base_period, first.resolution
        claim.period = as_instant(first.base_period) if instant else first.base_period


# between a change and the earlier change it is set against: ", down from", ", slowing from", ", compared with", ", after a"
_EARLIER_RATE_GAP = re.compile(r"(?i)(?:\s+(?:in|for|during|over)\s+[^,.;:\d]{1,40}?)?\s*,?\s*"
                               r"(?:(?:which\s+(?:is|was)\s+)?(?:down|up|slowing|slower|easing|accelerating|"
                               r"decelerating|lower|higher)\s+(?:from|than)|compared\s+(?:with|to)|versus|vs\.?|after)"
                               r"\s+(?:an?\s+|the\s+)?(?:(?:revised|restated|upwardly\s+revised)\s+)?")
# after the earlier change: the year before it belongs to ("13.5% a year earlier", "a 1.5% rise in the same quarter
# last year")
_EARLIER_RATE_AFTER = re.compile(r"(?i)\s*(?:(?:growth|rise|increase|gain|decline|fall|drop|decrease)\s+)?"
                                 r"(?:(?:in|for|during)\s+the\s+)?(?:a\s+year\s+(?:earlier|ago|before)|"
                                 r"(?:same|year[\s-]ago|prior[\s-]year|previous[\s-]year|comparable)\s+(?:period|quarter|"
                                 r"half|months?)(?:\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year))?|last\s+year|"
                                 r"(?:the\s+)?(?:previous|prior)\s+year)\b")


def _earlier_rate(claim: Claim, prev: Claim, gap: str, after: str) -> bool:
    """Whether ``claim`` is the change of a year before that ``prev``, the same metric's change, is set against
    ("grew 5.4%, down from 13.5% a year earlier", "fell 2.1%, after a 1.5% rise a year earlier"), not a second
    figure of ``prev``'s period."""
    return claim.measure in _CHANGE_MEASURES and prev.measure in _CHANGE_MEASURES and claim.metric == prev.metric \
        and claim.value.unit == prev.value.unit == "percent" and claim.modality is prev.modality is Modality.REPORTED \
        and claim.period is not None and claim.period == prev.period and prev.base_period is not None \
        and _EARLIER_RATE_GAP.fullmatch(gap) is not None and _EARLIER_RATE_AFTER.match(after) is not None


_UNIT_APPOSITIVE = re.compile(r"\s*((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*),\s+(?:its|their|the\s+(?:company|group)['’]s)"
                              r"\s+(?:[\w-]+\s+){0,2}?(?:joint\s+venture|unit|subsidiary|division|arm|affiliate|"
                              r"business)\b")
_PROFIT_LEVELS = frozenset({"pretax_income", "operating_income", "adjusted_operating_income", "adjusted_net_income",
                            "ebitda", "adjusted_ebitda", "gross_profit"})
_BARE_RESULT = re.compile(r"(?i)(?:an?\s+)?(?:loss(?:es)?|profits?)")
_CENTS_OF = frozenset({"CAD", "AUD", "NZD", "HKD", "SGD", "ZAR", "EUR"})  # (currencies counted in cents)
_BARE_CENTS = re.compile(r"(?i)(?:[\d.,]+|[a-z]+(?:-[a-z]+)?)\s*(?:cents?|cts?)")  # (also "five cents")


_AND_WORD = re.compile(r"(?i)\b(?:and|plus|on|with)\b")


def own_period_after_and(text: str, start: int, end: int, periods: list[PeriodMention]) -> bool:
    """Whether the words between two coordinated figures name a period after their conjunction ("..., and full-year
    revenue of"), the second figure's own, not the first's ("growth of 1-3 per cent for FY25 and a margin of")."""
    ends = [m.end() for m in _AND_WORD.finditer(text, start, end)]
    return bool(ends) and any(ends[-1] <= p.start and p.end <= end for p in periods)


def _follow(claim: Claim, prev: Claim, gap: str, outlook: Claim | None = None, *, own_period: bool = False) -> None:
    """A figure that only restates or extends the one before it takes its modality:
    "lowered its guidance by $0.10 to $1.93" (the new outlook), "earnings of 63.2 mln dlrs, or 46 cts a share, a
    year earlier" (a per-share restatement), "expects sales growth of 7% to 12% and EPS growth of 13% to 15%" (a
    coordinated outlook, also after the old outlook the new one is set against). It shares the basis of a figure it
    is compared with ("62 cents excluding items, compared
    with estimates of 55 cents"), and the earlier period of one it restates ("compared with $61 million, or 53
    cents per share, a year earlier")."""
    if ADJUSTED_OF.get(claim.metric) == prev.metric and claim.measure is prev.measure and _COMPARED_WITH.search(gap):
        claim.metric = prev.metric
    if claim.metric in PER_SHARE_METRICS and prev.value.unit in _CENTS_OF and claim.value.unit == "USD" \
            and _BARE_CENTS.fullmatch(claim.value.stated or "") and _OR_COMPANION.fullmatch(gap):
        # "profit rose to C$52.3 million, or 41 cents a share" in a Toronto story: Canadian cents, as the amount's
        claim.value = dataclasses.replace(claim.value, unit=prev.value.unit)
    if claim.metric == prev.metric == "share_price" and claim.value.unit in _CENTS_OF and prev.value.unit == "USD" \
            and _BARE_CENTS.fullmatch(prev.value.stated or "") and re.fullmatch(r"\s+to\s+", gap):
        # "fell 22 cents to C$6.48": the move is in the cents of the price it led to
        prev.value = dataclasses.replace(prev.value, unit=claim.value.unit)
    if claim.metric == "eps" and prev.metric == "dividend" and claim.measure is prev.measure \
            and _COMPARED_WITH.search(gap):
        claim.metric = prev.metric  # "a dividend of 8.80 crowns per share, up from 8.40 crowns a year earlier"
    if claim.metric == "net_income" and prev.metric in _PROFIT_LEVELS and claim.measure is prev.measure \
            and _BARE_RESULT.fullmatch(claim.phrase or "") and _COMPARED_WITH.search(gap):
        # "a pretax loss of £290.5 million ..., compared with a loss of £211.5 million a year earlier": the same
        # measure of profit, not net income
        claim.metric = prev.metric
    if claim.metric == "net_income" and prev.metric not in ("net_income", UNCLASSIFIED, *PER_SHARE_METRICS) \
            and claim.measure is prev.measure is Measure.LEVEL and prev.value.unit not in ("percent", "pp") \
            and (claim.value.unit == prev.value.unit or {claim.value.unit, prev.value.unit} <= CURRENCY_CODES) \
            and FROM_A_LOSS.search(gap):
        # (in any currency: "an operating profit of 1.2 billion crowns ($113 million) from a loss of 340 million")
        claim.metric = prev.metric  # "Adjusted EBITDA was $18 million, ... up from a loss of $5 million": its own loss
    if claim.metric in ("eps", "adjusted_eps") and prev.metric in ("net_income", "adjusted_net_income") \
            and prev.value.high < 0 < claim.value.low and _OR_COMPANION.fullmatch(gap):
        claim.value = _signed(claim.value, -1)  # "a loss of $21 million, or 17 cents": a loss per share
    if claim.metric in ("eps", "adjusted_eps") and prev.metric in ("net_income", "adjusted_net_income") \
            and claim.measure is prev.measure is Measure.LEVEL and prev.value.high < 0 < claim.value.low \
            and _OR_COMPANION.fullmatch(gap):
        claim.value = _signed(claim.value, -1)  # "a net loss of 2.4 mln dlrs or 1.06 dlrs per share": a loss a share
    if claim.measure in _CHANGE_MEASURES and prev.measure in _CHANGE_MEASURES and claim.metric == prev.metric \
            and prev.value.high < 0 < claim.value.low and _OR_COMPANION.fullmatch(gap):
        claim.value = _signed(claim.value, -1)  # "a decrease of $14 million or 31.2%": the same fall, in percent
    if claim.measure in _CHANGE_MEASURES and prev.measure in _CHANGE_MEASURES and claim.value.unit == prev.value.unit \
            and prev.value.high < 0 < claim.value.low and (_LIST_GAP.fullmatch(gap) or comparison_list_gap(gap)):
        # "declined 26% and 29%, respectively", "down 4% sequentially and 6% year-over-year": both are falls
        claim.value = _signed(claim.value, -1)
    if prev.modality is Modality.PRIOR_PERIOD and claim.modality is not Modality.PRIOR_GUIDANCE \
            and prev.base_period is not None and _OR_COMPANION.fullmatch(gap):
        instant = claim.period is not None and claim.period.start == claim.period.end
        claim.modality, claim.base_period, claim.resolution = prev.modality, prev.base_period, prev.resolution
        claim.period = as_instant(prev.base_period) if instant else prev.base_period
        return
    if claim.modality is Modality.ANALYST_ESTIMATE and prev.modality is Modality.GUIDANCE \
            and claim.metric == prev.metric and prev.base_period is not None and _COMPARED_WITH.search(gap):
        # "forecast second-quarter revenue between $520 million and $540 million, compared with analysts' estimates
        # of $531 million": the estimate of the period of the outlook it is set against
        claim.period, claim.base_period, claim.resolution = prev.period, prev.base_period, prev.resolution
        return
    if claim.modality is Modality.PRIOR_PERIOD and prev.modality is Modality.ANALYST_ESTIMATE \
            and claim.metric == prev.metric and claim.value.unit == prev.value.unit and prev.base_period is not None \
            and (claim.resolution is not Resolution.STATED
                 or (claim.period is not None and str(claim.period.end.year) not in (claim.quote or ""))) \
            and _FROM_OLD.fullmatch(gap) and _REVISED_ESTIMATE.search(claim.quote or ""):
        # "increased her 2018 earnings per share estimate to 96.4 pence from 91.0 pence": the analyst's earlier
        # estimate of the same year, not the year before's result
        claim.modality = Modality.ANALYST_ESTIMATE
        claim.period, claim.base_period, claim.resolution = prev.period, prev.base_period, prev.resolution
        return
    if claim.modality is Modality.PRIOR_GUIDANCE and prev.modality is Modality.ANALYST_ESTIMATE \
            and claim.metric == prev.metric and (_PREVIOUS_ESTIMATE.search(gap) or _UP_FROM_END.search(gap)):
        # "expects Acme to earn 1.90 dlrs a share this year, down from its previous estimate of 2.20 dlrs": the
        # analyst's earlier estimate, not the company's replaced outlook
        claim.modality = Modality.ANALYST_ESTIMATE
        if prev.base_period is not None:
            claim.period, claim.base_period, claim.resolution = prev.period, prev.base_period, prev.resolution
        return
    if claim.modality is Modality.PRIOR_GUIDANCE and prev.modality is Modality.ANALYST_ESTIMATE \
            and claim.metric == prev.metric and _OWN_OUTLOOK_SET_AGAINST.fullmatch(gap):
        # "sees Marbury's 2025 revenue at $6.8 billion, below the company's own forecast of $7.1 billion": an
        # estimate set against the outlook the company gives, not one it replaced
        claim.modality = Modality.GUIDANCE
        if prev.base_period is not None:
            claim.period, claim.base_period, claim.resolution = prev.period, prev.base_period, prev.resolution
        return
    if claim.modality is Modality.PRIOR_GUIDANCE and prev.modality is Modality.GUIDANCE and claim.metric == prev.metric \
            and prev.base_period is not None and _FROM_OLD.fullmatch(gap):
        # "raised its forecast for the year ending in March 2025 to 3.57 trillion yen from 3.2 trillion yen": the
        # old outlook of the same period
        claim.period, claim.base_period, claim.resolution = prev.period, prev.base_period, prev.resolution
        return
    if claim.modality is Modality.REPORTED and prev.modality is Modality.PRIOR_PERIOD and outlook is not None \
            and _ON_SALES_AFTER_PRIOR.fullmatch(gap):
        # "expects first quarter earnings to be about 40 cts a share, compared with 31 cts a share a year ago, on
        # sales of about 120 mln dlrs": the outlook goes on after the earlier figure it is set against
        claim.modality = outlook.modality
        if outlook.base_period is not None:
            claim.period, claim.base_period, claim.resolution = outlook.period, outlook.base_period, outlook.resolution
        return
    if prev.modality is Modality.ANALYST_ESTIMATE and claim.modality in (Modality.GUIDANCE, Modality.FORECAST) \
            and _COORDINATED_LIST.fullmatch(gap):
        claim.modality = prev.modality  # ("The consensus EPS estimate is $1.09 on $1.33 billion in revenues")
        return
    if claim.modality is not Modality.REPORTED or prev.modality is Modality.REPORTED:
        return
    if prev.modality in (Modality.GUIDANCE, Modality.PRELIMINARY) and claim.metric == prev.metric \
            and claim.measure in _CHANGE_MEASURES and prev.measure is Measure.LEVEL and GROWTH_OF_OUTLOOK.fullmatch(gap):
        # "sees q1 revenue of $89 to $91 million, a year-over-year increase of 33% at midpoint", "EPS of $3.50 to
        # $3.70 represents 15% EPS growth": the growth the outlook implies, for its period
        claim.modality = prev.modality
        if prev.base_period is not None or claim.resolution is not Resolution.STATED:
            # (an outlook that names no period gives its growth none either, not the quarter reported)
            claim.period, claim.base_period, claim.resolution = prev.period, prev.base_period, prev.resolution
        return
    if prev.modality is Modality.GUIDANCE and claim.metric == prev.metric and claim.value.unit == prev.value.unit \
            and claim.value.low != claim.value.high and claim.value.qualifier is Qualifier.RANGE \
            and _FROM_OLD.fullmatch(gap) and (claim.measure in _CHANGE_MEASURES) == (prev.measure in _CHANGE_MEASURES):
        # "anticipate sales growth of 10% to 14% up from 7% to 11%": a range set against an outlook is the old outlook
        claim.modality, claim.measure = Modality.PRIOR_GUIDANCE, prev.measure
        claim.period, claim.base_period, claim.resolution = prev.period, prev.base_period, prev.resolution
        return
    if prev.modality in (Modality.GUIDANCE, Modality.PRELIMINARY) and _TO_NEW.fullmatch(gap):
        claim.modality = prev.modality
        if claim.metric == prev.metric and prev.base_period is not None:  # "cut its forecast by 15% to X": one year
            claim.period, claim.base_period, claim.resolution = prev.period, prev.base_period, prev.resolution
    elif _APPOSITIVE.fullmatch(gap) and claim.metric == "eps" and prev.metric in ("net_income", UNCLASSIFIED):
        claim.modality = prev.modality
        if prev.base_period is not None:
            claim.period, claim.base_period, claim.resolution = prev.base_period, prev.base_period, prev.resolution
    elif prev.modality in _FORWARD and _COORDINATED.fullmatch(gap):
        claim.modality = prev.modality
        if claim.resolution is not Resolution.STATED and prev.base_period is not None and not own_period:
            # ("expects full-year earnings of $2.05 to $2.15 per share, with revenue of ...": the same year; not
            # "first-quarter revenue of $1.15 billion and full-year revenue of": the figure's own period)
            claim.period, claim.base_period, claim.resolution = prev.period, prev.base_period, prev.resolution
    elif prev.modality is Modality.PRIOR_GUIDANCE and outlook is not None and _COORDINATED.fullmatch(gap):
        # "expects sales of $9.6 billion to $9.7 billion, up from its previous outlook of $9.4 billion to $9.6
        # billion, and EPS of $5.10 to $5.30": the outlook goes on after the old one
        claim.modality = outlook.modality
        if claim.period is None and outlook.base_period is not None:
            claim.period, claim.base_period, claim.resolution = outlook.period, outlook.base_period, outlook.resolution


def default_change(claim: Claim, near: str) -> Measure:
    """A results story's unqualified rise or fall compares a period with the same period a year earlier; a
    dividend's change is against the previous payment."""
    if claim.measure is not Measure.CHANGE or claim.period is None:
        return claim.measure
    if (since := _SINCE_BASE.match(near)) is not None:
        # ("up 6% from 2023" of the year 2024 is against the year before; "up 40% since 2019" is no year's change)
        base = claim.base_period or claim.period
        year = since.group("year")
        if year is not None and (base.end - base.start).days >= 350 and int(year) == base.end.year - 1 \
                and since.group("word").lower() != "since":
            return Measure.CHANGE_YOY
        return claim.measure
    if claim.metric == "dividend" or (claim.metric in _BALANCE_METRICS and _OVER_THE_QUARTER.match(near)):
        return Measure.CHANGE_QOQ  # (a balance's change "in the quarter" is over the quarter: "a reduction of $120
        # million in the quarter")
    if claim.modality is Modality.GUIDANCE and claim.value.unit not in ("percent", "pp"):
        return claim.measure  # "lowered its guidance by $0.10": against the earlier outlook
    base = claim.base_period or claim.period
    if (claim.modality in (Modality.REPORTED, Modality.GUIDANCE, Modality.PRIOR_PERIOD, Modality.PRELIMINARY) or (
            claim.modality is Modality.PRIOR_GUIDANCE and claim.value.unit == "percent")) \
            and (base.end - base.start).days >= 55:
        return Measure.CHANGE_YOY
    return claim.measure


_VOLUME_UNIT = re.compile(r"^\s*(?:metric\s+)?(?:tonnes|tons|barrels|bbls?|ounces|oz|gallons|litres|liters|bushels|"
                          r"pounds|lbs|units|vehicles|passengers|subscribers|customers|cubic|square|acres|kilowatt|"
                          r"megawatt)\b", re.IGNORECASE)


def _volume_count(text: str, q: Quantity) -> bool:
    """A scaled count followed by a unit of volume ("19.7 mln tonnes").

    >>> from claimgraph.sources.quantities import find_quantities
    >>> s = "Sales fell to 19.7 mln tonnes from 20.9 mln."
    >>> [_volume_count(s, q) for q in find_quantities(s)]
    [True, False]
    """
    return q.kind == "count" and bool(_VOLUME_UNIT.match(text[q.end:q.end + 30]))


def _link_revisions(claims: list[Claim]) -> None:
    for i, claim in enumerate(claims):
        if claim.revises == -1 and i > 0:
            claim.revises = None
            claims[i - 1].revises = i
        elif claim.modality is Modality.PRIOR_GUIDANCE:
            for j in range(i - 1, -1, -1):
                other = claims[j]
                if other.metric == claim.metric and other.modality is Modality.GUIDANCE:
                    other.revises = i
                    if claim.period is None and other.period is not None:
                        claim.period, claim.resolution = other.period, other.resolution
                    break


_WORD_BEFORE = re.compile(r"([A-Za-z][\w&'’-]*)\s+$")
# nouns that make a "margin" another one than the last named ("our segment profit margin", "pre-tax margin")
_MARGIN_OF = frozenset({
    "segment", "segments", "profit", "pre-tax", "pretax", "contribution", "interest", "unit", "product", "store",
    "trading", "underwriting", "fuel", "merchandise", "retail", "wholesale", "division", "business", "brand",
    "bottom-line", "services", "service", "hardware", "software", "cloud", "subscription", "engineering",
    "franchise", "restaurant", "spread", "loan", "deposit", "lending", "product-level", "segment-level"})
_MARGIN_WORD = re.compile(r"(?<![\w-])margins?(?![\w-])", re.IGNORECASE)


def _resolve_bare_margins(mentions: list[Mention], text: str, ctx: ArticleContext) -> list[Mention]:
    """A bare "margin(s)" means the last specific margin named in the article."""
    out = list(mentions)
    for m in mentions:
        if m.metric.endswith("margin"):
            ctx.last_margin = m.metric
    hits = _MARGIN_WORD.finditer(text) if not text.isascii() or "margin" in text.lower() else ()
    for hit in hits:
        if any(x.start <= hit.start() < x.end for x in mentions):
            continue
        before = _WORD_BEFORE.search(text, max(0, hit.start() - 30), hit.start())
        if before is not None and before.group(1).lower() in _MARGIN_OF:
            continue  # "our segment profit margin", "pre-tax margin": a margin of something else
        metric = ctx.last_margin
        if metric is None:
            for x in mentions:
                if x.end <= hit.start() and x.metric in {"adjusted_ebitda", "operating_income", "net_income"}:
                    metric = {"adjusted_ebitda": "adjusted_ebitda_margin", "operating_income": "operating_margin",
                              "net_income": "net_margin"}[x.metric]
        if metric:
            out.append(Mention(hit.start(), hit.end(), metric, 1, hit.group(0)))
    out.sort(key=lambda x: x.start)
    return out


_BALANCE_METRICS = frozenset({"loans", "deposits", "total_debt", "net_debt", "cash", "total_assets"})
_OVER_THE_QUARTER = re.compile(r"(?i)^\s*(?:in|during|over|for)\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+)?"
                               r"(?:quarter|three\s+months)\b")  # ("declined $20 million in the third quarter")
_SINCE_BASE = re.compile(r"^[^.;]{0,24}?\b(?P<word>since|from|than|versus|vs\.?|compared\s+(?:with|to)|above|below)\s+"
                         r"(?:the\s+)?(?:(?P<year>(?:19|20)\d\d)|pre-|fiscal|q[1-4]|first|second|third|fourth|levels?|"
                         r"beginning|start|end)", re.IGNORECASE)
# a company valued at a multiple of its own figure ("values Kellanova at about 16 times its expected EBITDA")
_TIMES_ITS = re.compile(r"(?i)\s+at\s+(?:about\s+|roughly\s+|nearly\s+|some\s+|around\s+|almost\s+)?\d+(?:\.\d+)?\s*"
                        r"(?:times|x)\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}")
_TARGET_CUE = re.compile(r"\b(?:target|goal|aim|plan)s?\b", re.IGNORECASE)


# a sentence that opens on a pronoun for a company ("But its net loss last year ... was", "It earned", "The
# subsidiary had"): about the company the sentence before was about
_OPENS_ON_METRIC = re.compile(r"\W*(?:[A-Z][a-z-]*\s+)?(?:[a-z-]+\s+){0,2}")  # ("Comparable ", "Quarterly net ", "")
_PRONOUN_LED = re.compile(r"[\W_]*(?:(?:But|And|However|Also|Still|Yet)\W+)?(?:(?:In|For|During|Last|This)\b[^,;:]{0,40},"
                          r"\s*)?(?:it|its|the\s+(?:subsidiary|unit|division|concern|business|affiliate)|"
                          # "The Santa Clara-based company": the company the sentence before was about
                          r"the\s+(?:[A-Z][\w.'’]*,?\s+){0,3}?[A-Z][\w.'’]*-based\s+[a-z]+)\b",
                          re.IGNORECASE)


_COMPANY_NOUN_LED = re.compile(r"[\W_]*(?:(?:But|And|However|Also|Still|Yet|Meanwhile)\W+)?the\s+(?:company|firm|group|"
                               r"[a-z]+maker|retailer|lender|insurer|carrier|miner|manufacturer|producer)\b",
                               re.IGNORECASE)


def sentence_subject(text: str, companies: list[CompanyMention], ctx: ArticleContext) -> Company | None:
    """Another company than the article's that ``text`` is about: named at its start as the subject of a verb
    ("CRD made a net profit ...", "Cosmo Oil Co Ltd, the third largest seller, cut"), or, in a sentence naming no
    company that opens on a pronoun, the one the sentence before was about. None for the article's company."""
    if not companies:
        return ctx.prev_subject if _PRONOUN_LED.match(text) or ctx.same_paragraph else None
    return other_subject(text, companies, ctx.main)


def other_subject(text: str, companies: list[CompanyMention], main: Company | None) -> Company | None:
    """Another company than ``main`` named at the start of ``text`` as the subject of a verb, else None."""
    if not companies:
        return None
    first = companies[0]
    end = name_end(text, first)
    if (main is None or first.company.id != main.id) and _SENTENCE_LEAD.fullmatch(text, 0, first.start) \
            and text[end:end + 2] not in ("'s", "’s") \
            and (_REPORTS_AFTER.match(text, end) or _ACTS_AFTER.match(text, end)):
        return first.company
    return None


def name_end(text: str, mention: CompanyMention) -> int:
    """Where a company's name ends in ``text``, its closing angle bracket and a short form in parentheses after it
    included: a wire writes an unlisted company as "<Arab National Bank>'s net profit fell" or "<Delta Trust Bank>
    (DTB) reported".

    >>> from types import SimpleNamespace
    >>> name_end("<Acme Bank>'s net", SimpleNamespace(start=1, end=10))
    11
    >>> name_end("<Acme Bank> (AB) reported", SimpleNamespace(start=1, end=10))
    16
    >>> name_end("<Acme Bank) said", SimpleNamespace(start=1, end=10))  # (closed by the wrong sign)
    11
    """
    end = mention.end + 1 if text.startswith(">", mention.end) or (
        text.startswith(")", mention.end) and text[mention.start - 1:mention.start] == "<") else mention.end
    short = _SHORT_FORM.match(text, end)
    return short.end() if short else end


_SHORT_FORM = re.compile(r"\s*\([A-Z][A-Z0-9.&-]{1,9}\)")


def _reporting_calendar(subject: Company, periods: list[PeriodMention], modality: Modality,
                        ctx: ArticleContext) -> tuple[int, int]:
    """The fiscal calendar of another company than the article's: the registry's, or, for one it does not know
    reporting a yearless quarter that did not end on the calendar recently ("Palo Alto Networks Inc. rose 3% after
    reporting first-quarter revenue", in November), the one in which the latest quarter ended is that quarter, as
    for a headline's quarter (``report.py``)."""
    if subject.in_registry or modality not in (Modality.REPORTED, Modality.ANALYST_ESTIMATE) or ctx.published is None:
        return subject.fiscal_year_end
    from claimgraph.sources.report import calendar_end, fye_for, latest_quarter_end

    numbers = {p.number for p in periods if p.kind == "quarter" and p.year is None and 1 <= p.number <= 4}
    if len(numbers) != 1 or any(p.kind in ("quarter", "year", "year_ended") and p.year is not None for p in periods):
        return subject.fiscal_year_end
    (number,) = numbers
    if calendar_end("quarter", number, ctx.published) is not None:
        return subject.fiscal_year_end
    return fye_for(latest_quarter_end(ctx.published), number)


# a company named as what someone expects of it: "The brokerage now expects Apple to report fiscal first-quarter
# revenue of $126.5 billion" is Apple's figure, and someone else's expectation
_EXPECTS_BEFORE = re.compile(r"\b(?:expects?|expected|expecting|sees|saw|forecasts?|estimates?|estimated|projects?|"
                             r"projected|predicts?|predicted)\s+$", re.IGNORECASE)
_WE_EXPECT = re.compile(r"(?i)\b(?:we|i)\s+(?:\w+\s+)?\w+\s+$")
# (or its possessive: "Thorncliff now sees Marbury's 2025 revenue at $6.8 billion")
_TO_REPORT_AFTER = re.compile(r"['’]?\s+to\s+(?:report|post|earn|generate|deliver|book|record|log|have|see|show)\b|"
                              r"['’]s\s")


def expected_of(text: str, companies: list[CompanyMention], before: int) -> CompanyMention | None:
    """The company named before ``before`` as the one someone expects to report something, if any."""
    for c in companies:
        if c.end <= before and (to := _TO_REPORT_AFTER.match(text, c.end)) is not None \
                and _EXPECTS_BEFORE.search(text, max(0, c.start - 16), c.start) \
                and not (to.group(0)[1:2] == "s" and _WE_EXPECT.search(text, max(0, c.start - 30), c.start)):
            return c  # (not "we still expect Global Lifestyle's income": a unit of the company speaking)
    return None


# a company that "it" right after stands for: "exited Wexford Brands after it cut its guidance to $2.10"
_IT_ACTS_AFTER = re.compile(r",?[ \t]+(?:after|when|because|since|before)[ \t]+it[ \t]+(?:cut|raised|lowered|reported|"
                            r"posted|forecast|missed|beat|warned|lifted|trimmed|slashed|reduced)\b")


def _subject(text: str, q: Quantity, metric_mention: Mention | None, companies: list[CompanyMention],
             ctx: ArticleContext, opening: Mention | None = None) -> tuple[Company | None, tuple[str, ...]]:
    if not companies and ctx.prev_subject is not None and (_PRONOUN_LED.match(text) or (
            ctx.same_paragraph and (_COMPANY_NOUN_LED.match(text) or any(
                m is not None and _OPENS_ON_METRIC.fullmatch(text, 0, m.start) for m in (metric_mention, opening))))):
        # ("Kestrel Micro said second-quarter revenue rose 31% ... The company guided third-quarter revenue to about
        # $3.0 billion": in the same paragraph, "the company" is the one the sentence before was about)
        # "CRD made a net profit of ... But its net loss last year ... was"; "Target sank 21% after ... Comparable
        # sales rose 0.3%": a sentence that opens on a metric goes on with the company of the one before, all its
        # figures ("Net income was $1.12 billion, or $2.31 a share": the per-share figure too)
        return ctx.prev_subject, ()
    anchor = metric_mention.start if metric_mention is not None and metric_mention.start < q.start else q.start
    if (expected := expected_of(text, companies, anchor)) is not None:
        return expected.company, tuple(dict.fromkeys(x.company.name for x in companies
                                                     if x.company.id != expected.company.id))
    for c in reversed(companies):
        if c.end <= anchor and _DESCRIBED_BY.fullmatch(text, c.end, anchor):
            # "acquire Beta Valve Inc, a maker of industrial valves with sales of 50 mln dlrs": the figure describes
            # the company the appositive is about
            return c.company, tuple(dict.fromkeys(x.company.name for x in companies if x.company.id != c.company.id))
        if c.end <= anchor:
            break
    if metric_mention is not None and metric_mention.metric == "share_price":
        for c in reversed(companies):
            if c.end <= q.start and _COMPANY_SHARES_MOVE.fullmatch(text, c.end, q.start):
                # "Acme Corp shares gained 2%, and Beta Industries stock slipped 1.5%": Beta's move
                return c.company, tuple(dict.fromkeys(x.company.name for x in companies
                                                      if x.company.id != c.company.id))
    for c in reversed(companies):
        if anchor < c.start and c.end <= q.start and _DESCRIBED_BEFORE.search(text, max(0, c.start - 30), c.start) \
                and (reports := _REPORTS_AFTER.match(text, name_end(text, c))) is not None and reports.end() <= q.start:
            # "comparable sales rose 3.8%, ... as rival Fairview Retail reported a 1.2% decline": the rival reporting
            # after the metric was named owns its figure
            return c.company, tuple(dict.fromkeys(x.company.name for x in companies if x.company.id != c.company.id))
    if metric_mention is not None and metric_mention.end <= q.start:
        for c in companies:
            if (c.start >= metric_mention.end and c.end <= q.start
                    and (_METRIC_OF.fullmatch(text, metric_mention.end, c.start)
                         or (metric_mention.metric == "price_target"
                             and _TARGET_OF.fullmatch(text, metric_mention.end, c.start)))) \
                    or (c.end <= metric_mention.start and _COMPANY_METRIC.fullmatch(text, c.end, metric_mention.start)):
                # "while shares of Beta Industries fell 3.1%", "Beta Industries shares fell": the company the
                # metric is written with, not the article's company named earlier in the sentence
                return c.company, tuple(dict.fromkeys(x.company.name for x in companies
                                                      if x.company.id != c.company.id))
    if metric_mention is not None:
        for c in companies:
            if c.end <= metric_mention.start and _TIMES_ITS.fullmatch(text, name_end(text, c), metric_mention.start):
                # "The deal values Kellanova at about 16 times its expected 2024 adjusted EBITDA": the valued one's
                return c.company, tuple(dict.fromkeys(x.company.name for x in companies
                                                      if x.company.id != c.company.id))
    subject: Company | None = None
    counterparties: list[str] = []
    clause_end = -1  # the end of the reporting clause of the subject found so far (its appositive included)
    for c in companies:
        before = _COUNTERPARTY_BEFORE.search(text[max(0, c.start - 40):c.start])
        is_counterparty = before is not None and not (
            # "In 1986, Pneumo Abex had operating income of": a comma that opens the clause, not one of a list
            before.group(0).lstrip().startswith(",") and _REPORTS_AFTER.match(text, c.end) is not None
            and not any(0 <= c.start - len(before.group(0)) - o.end <= 2 for o in companies))
        if c.company.id == (ctx.main.id if ctx.main else None):
            if c.start <= anchor and c.start >= clause_end:
                subject = c.company  # (not "Microsoft Corp., Nvidia's biggest customer, spent": Microsoft's)
            continue
        if c.start < clause_end:  # named inside the subject's appositive ("a joint venture of ... Co said")
            counterparties.append(c.company.name)
            continue
        end = name_end(text, c)
        possessive = text[end:end + 2] in ("'s", "’s") or (text[end - 1:end] == "s"
                                                          and text[end:end + 1] in ("'", "’"))
        governs = c.start <= anchor and (possessive and metric_mention is not None
                                          and 0 <= metric_mention.start - end <= 30)
        # (or "exited Wexford Brands after it cut its ...")
        reports = (_REPORTS_AFTER.match(text, end) or _IT_ACTS_AFTER.match(text, end)
                   or _set_off_reports(text, c.start, end)) if c.start <= anchor and not possessive else None
        if reports is None and c.start <= anchor and not possessive and _SENTENCE_LEAD.fullmatch(text, 0, c.start):
            reports = _ACTS_AFTER.match(text, end)
            is_counterparty = is_counterparty and reports is None
        if governs or (reports is not None
                       and (not is_counterparty or _DESCRIBED_BEFORE.search(text, max(0, c.start - 30), c.start))):
            subject = c.company
            clause_end = reports.end() if reports is not None else clause_end
        else:
            counterparties.append(c.company.name)
    if subject is None:
        subject = ctx.main
    return subject, tuple(dict.fromkeys(n for n in counterparties if subject is None or n != subject.name))


_SPOKEN_REACH = 90  # characters between a metric and a figure after it in a call's sentence


def own_unit(text: str, q: Quantity, mention: Mention, companies: list[CompanyMention],
             ctx: ArticleContext) -> str | None:
    """In a call (the company speaking), another name written as the holder of a metric is one of the company's
    units or brands: "Year-over-year PeopleReady revenue was up 22%" in TrueBlue's call (``calls.py``)."""
    holder, _ = _subject(text, q, mention, companies, ctx)
    if holder is None or ctx.main is None or holder.id == ctx.main.id:
        return None
    return f"{holder.name} {mention.phrase}"


# a result told in the past tense ("reported that their total revenue for 2011 was $163 million") is no outlook,
# whatever the date a page gives itself
_PAST_RESULT = re.compile(r"\b(?:reported|posted|recorded|earned|was|were|totall?ed|came\s+in)\b", re.IGNORECASE)


_COMPARES_LEAD = re.compile(r"(?i)\b(?:this|that|which|it)\s+(?:compares|compared)\s+(?:to|with)\b|"
                            r"\b(?:compared\s+(?:to|with)|versus|vs\.?|down\s+from|up\s+from|from)\s+(?:[\w-]+\s+){0,4}$")


# an amount of cash a company holds, written "$26.8 million of cash" after a verb of holding (not "paid $5 million in
# cash", "cash flow", "a cash dividend")
_CASH_HELD = re.compile(
    r"\b(?:had|has|have|held|holds?|(?:ended|finished|closed|exited)\s+(?:the\s+)?(?:quarter|year|period|month)\s+with)"
    r"\s+(?:(?:approximately|about|roughly|nearly|over|more\s+than|almost|some)\s+)?[$€£¥]?\s?\d[\d.,]*\s*"
    r"(?:[A-Za-z]+\s+)?(?:of|in)\s+(?:unrestricted\s+|total\s+)?(?P<cash>cash)\b"
    r"(?!\s+(?:flows?|dividends?|payments?|considerations?|charges?|taxes|compensation|and|equivalents))", re.IGNORECASE)
_PAID_BEFORE = re.compile(r"\b(?:paid|pay|pays|paying|received|receive|offered|offer|offers|raised|in)\s+$", re.IGNORECASE)
# "Cash was $7.2 billion", "ended the quarter with cash of $7.2 billion" (not "net cash", "free cash", "cash flow")
_CASH_SUBJECT = re.compile(r"(?<![\w-])(?<!net\s)(?<!free\s)(?P<cash>[Cc]ash)\s+(?:was|were|stood\s+at|totall?ed|amounted\s+to|"
                           r"of|reached|came\s+in\s+at)\s+(?:(?:approximately|about|roughly|nearly|over|some)\s+)?"
                           r"[$€£¥]?\s?\d", re.IGNORECASE)


def _with_cash_held(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the cash a company holds ("We had $26.8 million of cash", "Cash was $7.2 billion") where no
    metric names it."""
    found = [*_CASH_HELD.finditer(text), *(m for m in _CASH_SUBJECT.finditer(text)
                                           if not _PAID_BEFORE.search(text, max(0, m.start() - 20), m.start()))]
    added = [Mention(m.start("cash"), m.end("cash"), "cash", 1, "cash") for m in found
             if not any(x.start <= m.start("cash") < x.end for x in mentions)]
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


_IN_PERIOD = re.compile(r"\s*,?\s*(?:in|for|during)\s+(?:the\s+)?", re.IGNORECASE)
def _projected_base(text: str, claim: Claim) -> bool:
    """Whether ``claim`` is the projected base an outlook is compared with ("from a projected 348 billion this
    year"), not the outlook itself."""
    at = text.find(claim.value.stated)
    return at > 0 and bool(_FROM_PROJECTED.search(text, max(0, at - 40), at))


_FROM_PROJECTED = re.compile(r"\bfrom\s+(?:a|an|the|its)\s+(?:projected|estimated|expected|forecast|anticipated)\s+$",
                             re.IGNORECASE)
_OWN_PERIOD_AFTER = re.compile(r"\s*,?\s*(?:(?:in|for|during)\s+(?:the\s+)?)?", re.IGNORECASE)
_PROJECTED_BASE = re.compile(r"\b(?:a|an|the|its)\s+(?:projected|estimated|expected|forecast|anticipated)\s+$",
                             re.IGNORECASE)
# a share move later in the same sentence: "Arvex Devices Inc. fell 9%, while Quillon shares rose 7%"
_SHARES_MOVE_AFTER = re.compile(r"(?i)\b(?:shares|stock)\s+(?:also\s+)?(?:rose|fell|dropped|gained|slipped|climbed|"
                                r"jumped|declined|added|lost|tumbled|surged|slid|sank|eased|advanced|were\s+(?:up|down)|"
                                r"was\s+(?:up|down))\b")
_COMPANY_MOVED = re.compile(r"[.,]?\s+(?:shares\s+|stock\s+)?(?:also\s+)?(?:rose|fell|dropped|gained|slipped|climbed|jumped|"
                            r"declined|added|lost|tumbled|surged|slid|sank|eased|advanced|was\s+(?:up|down)|"
                            r"were\s+(?:up|down)|edged\s+(?:up|down|higher|lower))\s+(?:about\s+|nearly\s+)?")
_TAKING_TO = re.compile(r"(?i)\b(?:taking|bringing|lifting|raising)\s+(?:its\s+|the\s+)?(?:total\s+)?"
                        r"(?:full[\s-]year|annual|total)\s+(?:dividends?|payouts?|distributions?)\s+to\s+$")
# relative periods that name a period of their own, carried to the next sentence like a stated one
_CARRIED_RELATIVE = frozenset({"full_year", "this_year", "next_year", "current_quarter", "next_quarter", "ytd"})


# a clause about a market, an industry or an economy: "The Indian IT industry is expected to touch $245 billion in
# revenue", "the global smartphone market grew 5%": its figures are nobody's claims
_MARKET_SUBJECT = re.compile(
    r"(?:^|[;:]\s*|\b(?:while|whereas|but|and)\s+)(?:the\s+|a\s+)?(?:(?!(?:its|our|their|company|firm|group)\b)"
    r"[\w&'’.-]+\s+){0,4}?(?:industry|industries|market|markets|sector|economy|economies|index|indices|indexes|"
    r"benchmark|government|country|nation|consumers|shoppers|households)\s+(?:as\s+a\s+whole\s+)?"
    r"(?:(?:is|are|was|were|will|would|could|may|might|should|has|have|had)\s+)?(?:been\s+)?(?:also\s+)?"
    r"(?:expected|forecast|projected|estimated|set|likely|poised|seen|grew|grow|rose|rise|fell|fall|expanded|expand|"
    r"shrank|shrink|contracted|increased|decreased|declined|reached|reach|hit|touched|touch|totall?ed|worth|valued|"
    r"climbed|jumped|dropped|slipped|gained|added|lost|spent|spend)\b", re.IGNORECASE)


_JOBS_MOVED = re.compile(r"(?i)\b(?:(?P<down>cut(?:s|ting)?|eliminat(?:e|es|ed|ing)|shed(?:s|ding)?|slash(?:es|ed|ing)?|"
                         r"lay(?:s|ing)?\s+off|laid\s+off|axe(?:s|d)?|axing|affect(?:s|ed|ing)?|threaten(?:s|ed|ing)?)|"
                         r"(?:add(?:s|ed|ing)?|creat(?:e|es|ed|ing)|"
                         r"hir(?:e|es|ed|ing)))\s+(?:(?:about|around|roughly|some|nearly|up\s+to|more\s+than|another|"
                         r"an\s+additional|a\s+further)\s+)?$")
_MARKET_POSSESSIVE = re.compile(r"(?i)\b(?:market|markets|index|indices|indexes|benchmark|sector|industry|average|"
                                r"exchange|bourse)['’]s?\s+(?:(?:about|nearly|roughly|some)\s+)?$")
_MARKET_NOUNS = ("industr", "market", "sector", "econom", "index", "indices", "benchmark", "government", "countr",
                 "nation", "consumers", "shoppers", "households")
_market_memo: list[object] = [None, ()]  # the last sentence and its market-subject spans (one scan per sentence)


_MARKET_OPENINGS = ("while", "whereas", "but", "and")  # (after the text's start, ";" and ":": where a match opens)


def _market_subjects(text: str, low: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``_MARKET_SUBJECT.finditer(text)`` (``low``: ``text.lower()``), the pattern tried only where a
    match can open: at the start, a ";" or ":", or one of its words (in ASCII text, whose lower case is the case-blind
    match; the engine's scan tried every position).

    >>> _market_subjects("Sales rose; the chip market grew 5% and the sector fell", "")
    ((10, 32), (36, 55))
    """
    if not text.isascii():
        return tuple((m.start(), m.end()) for m in _MARKET_SUBJECT.finditer(text))
    low = low or text.lower()
    starts = {0}
    for word in (";", ":", *_MARKET_OPENINGS):
        at = low.find(word)
        while at >= 0:
            starts.add(at)
            at = low.find(word, at + 1)
    out, pos, match = [], 0, _MARKET_SUBJECT.match
    for start in sorted(starts):
        if start >= pos and (m := match(text, start)) is not None:
            out.append((start, m.end()))
            pos = m.end()
    return tuple(out)


def _market_clause(text: str, q: Quantity, companies: list[CompanyMention]) -> bool:
    """The figure is in a clause whose subject is a market, an industry or an economy, and no company before it."""
    if _market_memo[0] is not text:
        low = text.lower()
        spans = _market_subjects(text, low) if any(map(low.__contains__, _MARKET_NOUNS)) else ()
        _market_memo[0], _market_memo[1] = text, spans
    window = text[max(0, q.start - 40):q.start]
    if ("'" in window or "’" in window) and _MARKET_POSSESSIVE.search(window):
        return True  # "underperforming the broader market's 0.6 percent fall": the market's move
    for start, end in _market_memo[1]:  # type: ignore[attr-defined]
        if end <= q.start and not _BARRIER.search(text, end, q.start) \
                and not any(start <= c.start < q.start for c in companies):
            return True
    return False


_SURPRISE_BEFORE = re.compile(r"\b(?:beat(?:s|ing)?|miss(?:es|ed|ing)?|top(?:s|ped|ping)?|exceed(?:s|ed|ing)?|"
                              r"trail(?:s|ed|ing)?|surpass(?:es|ed|ing)?)\s+(?:[\w-]+['’]?\s+){0,3}?by\s+"
                              r"(?:about\s+|nearly\s+|roughly\s+)?$", re.IGNORECASE)


def _surprise_before(text: str, start: int) -> bool:
    """Whether ``_SURPRISE_BEFORE`` matches in the 60 characters before ``start``; every match holds "by", so an ASCII
    window without it (in any case) is answered without the scan."""
    lo = max(0, start - 60)
    window = text[lo:start]
    if window.isascii() and "by" not in window.lower():
        return False
    return _SURPRISE_BEFORE.search(text, lo, start) is not None


# what a segment's scope makes the segment's: its results, and its costs and capital spending as a call goes through
# the segments' outlooks ("For the fertilizer segment, we estimate ... direct operating expenses to be approximately
# $38 million to $43 million, ... and total capital spending to be between $9 million and $12 million")
_SCOPED = _SEGMENTED | {"operating_expenses", "capex"}


# a name in the possessive right before a figure owns it ("to pay off Pyongyang's 70 billion yen debt")
_OWNER_BEFORE = re.compile(r"\b((?-i:[A-Z][\w&.-]*)(?:\s+(?-i:[A-Z][\w&.-]*)){0,3})['’]s\s+"
                           r"(?:(?:about|some|nearly|almost|over|roughly|estimated)\s+)?$")
# possessives that are no owner: days, months, periods ("Monday's 3% rise", "March's 5 mln dlrs")
_NOT_OWNER = re.compile(r"(?i)(?:the\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
                        r"january|february|march|april|may|june|july|august|september|october|november|december|"
                        r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|year|quarter|week|month|fy\d*|q[1-4]|"
                        r"last\s+year|this\s+year|next\s+year|(?:19|20)\d\d|it|its|the\s+company|company|group)")


def _segment_of(text: str, q: Quantity, mention: Mention | None, mentions: list[Mention],
                companies: list[CompanyMention], ctx: ArticleContext) -> str | None:
    """The segment, unit, product or business line a figure of ``mention``'s metric belongs to, when it is not
    the company's own total (remembering a call's units in ``ctx``); ``None`` for the company's figure."""
    segment = _segment(text, mention, companies, ctx.main) if mention is not None and not _VERB_MENTION.fullmatch(
        mention.phrase) else None
    if segment is None and mention is not None and mention.metric in _SEGMENTED:
        # (a unit the company finder took for a company, "the Flavors & Extracts Group, which ...", is a segment
        # of the main company when it is the clause's subject)
        main_spans = [(c.start, c.end) for c in companies if (ctx.main is not None and c.company.id == ctx.main.id)
                      or (_REPORTS_AFTER.match(text, c.end) and not region_name(text[c.start:c.end]))]
        # ("Coles Group posted": a company, not a segment; "The Asia-Pacific Group also had": a region's unit)
        segment = unit_around(text, mention.start, mention.end) \
            or segment_after(text, mention.end, [(c.start, c.end) for c in companies]) \
            or segment_before(text, min(mention.start, q.start), main_spans,
                              (ctx.main.name, *ctx.main.aliases) if ctx.main is not None else ()) \
            or (segment_relative(text, mention.end, q.start, main_spans) if mention.end < q.start else None)
        if segment is None and ctx.parts is not None:
            segment = named_part(text, mention.start, mention.end, ctx.parts)
        if segment is None and (group := GROUP_SUBJECT.search(text, 0, mention.start)) is not None:
            segment = group.group(0)  # "the two companies ... had sales of 23.5 mln dlrs": not the buyer's
    if mention is not None and mention.metric in _SEGMENTED and mention.start < q.start and (
            lead := segment_lead_phrase(text, mention.start, mention.end, [(c.start, c.end) for c in companies],
                                        (ctx.main.name, *ctx.main.aliases, *ctx.main.tickers)
                                        if ctx.main is not None else ())) is not None:
        segment = segment or lead
        ctx.named_segments.append(lead)  # ("Banking Solutions revenue increased 3%": it may open a scope)
    if segment is None and mention is not None and mention.metric in _SEGMENTED and (
            mention.start < q.start or _OF_METRIC.fullmatch(text, q.end, mention.start)):
        # "FMP experienced an operating loss of $4 million", "Final mile products generated $77 million of revenue"
        segment = segment_subject_verb(text, min(mention.start, q.start), [(c.start, c.end) for c in companies],
                                       (ctx.main.name, *ctx.main.aliases, *ctx.main.tickers)
                                       if ctx.main is not None else ())
    if segment is None and mention is not None and mention.metric in _SEGMENTED \
            and (unit_named := _UNIT_APPOSITIVE.match(text)) is not None and unit_named.end() <= mention.start:
        # "Ocado Retail, its joint venture with Marks & Spencer, saw revenue increase 7.5%": the unit's figure
        segment = f"{unit_named.group(1)} {mention.phrase}"
    if segment is None and mention is not None and mention.metric in _SEGMENTED and q.kind in ("money", "percent"):
        segment = _segment_after_figure(text, q, companies)  # ("improvement of 14.2% in our Industrial business")
    if segment is None and mention is not None and mention.metric in _SEGMENTED \
            and (this := _THIS_SEGMENT.search(text)) is not None:
        # "Revenue in the quarter for this segment was $210 million", "This business delivered revenue of"
        segment = f"{this.group(1) or this.group(2) or this.group(3)} {mention.phrase}"
    if segment is None and mention is not None and mention.metric == "revenue" and mention.end <= q.start \
            and sales_to(text, mention.end):
        # "Sales to other commercial aerospace ... fell almost 60%": a part, by whom it is sold to (``call_figures``)
        segment = f"{mention.phrase} to {text[mention.end:].split()[1]}"
    if segment is None and mention is not None and mention.metric in _SEGMENTED - _COMPANY_LEVEL_EARNINGS \
            and ctx.lined and ctx.seen_segments and 0 <= ctx.segment_end <= min(mention.start, q.start) \
            and not _SWITCH.search(text, ctx.segment_end, min(mention.start, q.start)):
        # in a call, "Banking Solutions revenue increased 3% to $1.5 billion, and adjusted EBITDA was $653 million":
        # the same unit's (not after "while", "but", "total", "consolidated"; not in news prose)
        segment = f"{ctx.seen_segments[-1]} {mention.phrase}"
    if segment is None and mention is not None and mention.metric in _SEGMENTED and "'" in text \
            and text.islower() and (owner := lower_possessor(text, mention.start)) is not None:
        segment = f"{owner} {mention.phrase}"  # a lower-cased summary: "global print's full-year 2021 revenues"
    if segment is None and mention is not None and mention.metric in _SEGMENTED and text.islower() \
            and (lower_unit := lower_unit_subject(text, mention.start)) is not None:
        segment = f"{lower_unit} {mention.phrase}"  # "beer business now expects 9 - 11% net sales growth" (``calls``)
    if segment is None and mention is not None and ctx.spoken and ctx.main is not None:
        # in a call, the company's units are named as if they were companies (``calls.py``)
        if any(c.company.id != ctx.main.id for c in companies):
            segment = own_unit(text, q, mention, companies, ctx)
        own_names = (ctx.main.name, *ctx.main.aliases, *ctx.main.tickers)
        if segment is None and mention.metric in _SEGMENTED \
                and ((unit := unit_subject(text, own_names)) is not None
                     or (unit := possessive_unit(text, mention.start, own_names)) is not None) \
                and not any(m.start < unit[1] and unit[0] < m.end for m in mentions) \
                and not any(c.start < unit[1] and unit[0] < c.end for c in companies):
            segment = f"{text[unit[0]:unit[1]]} {mention.phrase}"
    if segment is not None:
        ctx.seen_segments.append(segment)
        ctx.segment_end = q.end
    if segment is None and mention is not None and mention.metric in _SCOPED and ctx.scope is not None \
            and not _WHOLE_COMPANY.match(mention.phrase) \
            and not [c for c in companies if text[c.start:c.end] not in ctx.scope]:
        # (a sentence naming a company, the main one or another, is about that company; not a name within the
        # segment's own, "Steel" of "Steel Processing")
        segment = f"{ctx.scope} {mention.phrase}"  # "Starting with Collins Aerospace. Sales were $4.6 billion"
    if segment is None and mention is not None and mention.metric in _BALANCES \
            and (_TRANSACTION_BEFORE.search(text, max(0, q.start - 50), q.start)
                 or qualified_balance(text, mention.end) or restated_amount(text, q.start)):
        # "sold $182 million Ginnie Mae project loans", "repaid $500 million of debt": a flow; "$92 million of loans
        # secured by hotels": a part; "This $311 million of loans includes": one given already (``call_figures``)
        segment = mention.phrase
    if segment is None and mention is not None and (poss := _OWNER_BEFORE.search(text, max(0, q.start - 60), q.start)) \
            and not _NOT_OWNER.fullmatch(poss.group(1)) \
            and not any(c.start < poss.end(1) and poss.start(1) < c.end for c in companies) \
            and not (ctx.main is not None and any(n and n.lower() in poss.group(1).lower()
                                                  for n in (ctx.main.name, *ctx.main.aliases, *ctx.main.tickers))):
        segment = poss.group(1)  # "to pay off Pyongyang's 70 billion yen debt": a figure of the name owning it
    return segment


def _settled(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext, pctx: ArticleContext,
             metric: Metric | None, measure: Measure, modality: Modality, period: Period | None,
             resolution: Resolution, prior: bool, current: tuple[Period | None, Resolution] | None,
             ) -> tuple[Modality, Period | None, Resolution]:
    """A figure's modality and period checked against each other and the publication date: an outlook for a
    period that has ended is an early estimate, a projection that is a change's base is the company's outlook, a
    result of a period still under way is an outlook, a prior-period figure is of the period before."""
    if modality is Modality.PRIOR_GUIDANCE and period is not None and _PROJECTED_BASE.search(text, max(0, q.start - 30),
                                                                                           q.start) \
            and any(_OWN_PERIOD_AFTER.fullmatch(text, q.end, p.start) for p in periods if q.end <= p.start <= q.end + 25):
        # "expects its profits to fall to 328 billion yen in the year ending March 31, 1988 from a projected 348
        # billion this year": the company's projection for another period, the base of the change, not an outlook
        # it replaced (for a period that has ended, an early estimate: below)
        modality = Modality.GUIDANCE
    if modality is Modality.PRIOR_GUIDANCE and period is not None and ctx.published is not None \
            and period.end < ctx.published and any(_IN_PERIOD.fullmatch(text, q.end, p.start) for p in periods
                                                   if q.end <= p.start <= q.end + 25):
        # "expects second-half operating margin of about 12%, up from 10.5% in the first half": the figure of a
        # period that has ended, not an earlier outlook
        modality = Modality.PRIOR_PERIOD
    if modality is Modality.GUIDANCE and period is not None and ctx.published is not None \
            and period.end < ctx.published - dt.timedelta(days=3) and not _TARGET_CUE.search(text):
        modality = Modality.PRELIMINARY  # an outlook for a period that has already ended: an early estimate
    elif modality is Modality.GUIDANCE and period is None and reports_later(text[max(0, q.start - 120):q.start]):
        modality = Modality.PRELIMINARY
    elif modality is Modality.REPORTED and period is not None and ctx.published is not None \
            and period.end < ctx.published and (_PROBABLE.search(text, max(0, q.start - 60), q.start)
                                                or _PRELIMINARY_WORD.search(text) is not None):
        # "operating profit for April-June was likely 10.4 trillion won", "Revenue probably rose 23%": the
        # company's early estimate of a period that has ended
        modality = Modality.PRELIMINARY
    elif modality is Modality.GUIDANCE and period is not None and ctx.published is not None \
            and resolution is not Resolution.STATED and period.end >= ctx.published \
            and 350 <= (period.end - period.start).days <= 380 \
            and reports_later(text[max(0, q.start - 120):q.start]):
        # "it expects to report a loss for the year of about 3,125,000 dlrs" (in March): the year that has ended,
        # an early estimate of it, not an outlook for the year under way
        period = fiscal_year(fiscal_year_of(ctx.published, pctx.fye) - 1, pctx.fye)
        modality, resolution = Modality.PRELIMINARY, Resolution.INFERRED_PUBLISHED
    elif modality is Modality.REPORTED and period is not None and ctx.published is not None and metric is not None \
            and measure is Measure.LEVEL and metric.id not in _MARKET_METRICS \
            and period.end > ctx.published + dt.timedelta(days=_UNDER_WAY_DAYS) and not _SO_FAR.search(text) \
            and not _PAST_RESULT.search(text, max(0, q.start - 80), q.start):
        # "revising 2021 adjusted earnings per share to $10.90 - $11.10", "Full year CapEx is currently estimated at
        # $620 million" (said in October and April 2021): no result of a period still under way, an outlook
        modality = Modality.GUIDANCE
    if modality is Modality.PRIOR_PERIOD and not prior and period is not None and (
            # (by its dates: "the quarter" is "2025-Q3" as a sentence's and "FY2026-Q1" on a fiscal calendar)
            (current is not None and current[0] is not None and (current[0].start, current[0].end) == (
                period.start, period.end))
            or (current is None and period == ctx.period
                and (ctx.spoken or resolution is not Resolution.STATED))
            or (current is None and changed_from_period(text, q, periods))):
        # (in a sentence comparing with the quarter before, "On a sequential basis, operating earnings declined $3
        # million from $78 million", the earlier figure is that quarter's: ``call_measures``)
        period = shift_quarter(period, pctx.fye) if 80 <= (period.end - period.start).days <= 100 \
            and sequential_comparison(text) else shift_year(period)
    elif modality is Modality.REPORTED and period is not None and resolution is Resolution.STATED \
            and ctx.period is not None and period.end <= shift_year(ctx.period).end + dt.timedelta(days=7):
        # "adjusted net income for fiscal 2019 was $226 million" in a story about the fourth quarter of 2020: a
        # period that ended a year or more before the one reported is there for comparison (the year that ended just
        # before a quarter reported is a result of its own)
        modality = Modality.PRIOR_PERIOD
    return modality, period, resolution


def _claim(text: str, q: Quantity, mentions: list[Mention], companies: list[CompanyMention],
           periods: list[PeriodMention], vocab: Vocabulary, ctx: ArticleContext, window_start: int,
           current: tuple[Period | None, Resolution] | None, next_start: int, *,
           follows: Claim | None = None) -> Claim | None:
    if _market_clause(text, q, companies) or _surprise_before(text, q.start):
        return None  # ("EPS of $1.12 beats by $0.08": the gap to the estimate, neither the result nor the estimate)
    mention, how = _pick_metric(text, q, mentions, vocab, _SPOKEN_REACH if ctx.spoken else None)
    segment = _segment_of(text, q, mention, mentions, companies, ctx)
    if segment is not None:
        # A segment's figure is not the company total: keep it, unclassified, with its phrase.
        if q.kind != "money":
            return None
        mention, how = None, None
    metric = vocab.get(mention.metric) if mention is not None else None
    if metric is not None and mention is not None:
        metric = stated_basis(text, q, mention, metric, vocab)
    if metric is None and segment is None and ctx.last_part_metric and q.kind == "money" \
            and _PART_BEFORE.search(text[max(0, q.start - 20):q.start]):
        # "The remaining $11.2 billion": the rest of the total the previous part belonged to
        metric, how = vocab.get(ctx.last_part_metric), "level"
    anchor = _estimate_anchor(text, q, ctx, window_start) if metric is None and segment is None else None
    if anchor is not None:
        metric, how = vocab.get(anchor.metric), "level" if anchor.measure is Measure.LEVEL else "change"
    if metric is None and q.kind == "percent" and ctx.published \
            and (ctx.move_sentence >= ctx.sentence_no - 1 or _SHARES_MOVE_AFTER.search(text, q.end)) \
            and (moved := next((c for c in reversed(companies) if c.end <= q.start
                                and _COMPANY_MOVED.fullmatch(text, c.end, q.start)), None)) is not None:
        # "The shares rose 2.4%. Rival Southgate Petroleum Inc. dropped 1.1%.": after a share move, a company that
        # rose or fell by a percentage is another share move
        day = market_day(text, ctx.published)
        value = _signed(q.value, -1) if _NEGATIVE_CUE_WORDS.search(text, moved.end, q.start) else q.value
        return Claim(company=moved.company.name, metric="share_price", measure=Measure.CHANGE, value=value,
                     period=Period(day, day, day.isoformat()), resolution=Resolution.INFERRED_PUBLISHED,
                     modality=Modality.REPORTED, quote=text, span=(0, len(text)), phrase="share price",
                     base_period=Period(day, day, day.isoformat()))
    if metric is None:
        if q.kind not in ("money", "power") or not (segment or _about_main(text, companies, ctx)):
            return None
        phrase_m = _UNCLASSIFIED_PHRASE.match(text[q.end:q.end + 40])
        phrase = segment or (phrase_m.group(1) if phrase_m else "")
        measure = Measure.PART if _PART_AFTER.match(text[q.end:q.end + 20]) else Measure.LEVEL
    else:
        phrase = mention.phrase if mention is not None else metric.id
        measure = _measure(text, q, how)
        if anchor is not None and how == "change":
            measure = anchor.measure  # "growth of 4.4%, ahead of the 3.9% analysts had expected": the same growth
        if measure is Measure.PART:
            ctx.last_part_metric = metric.id
        if metric.unit == "money" and q.kind == "money" and measure is Measure.LEVEL and \
                metric.id == "share_price" and not _PRICE_LEVEL.search(text) and \
                not _MOVE_TO.search(text[max(0, q.start - 40):q.start]):
            return None
        if metric.id == "share_price" and measure in (Measure.LEVEL, Measure.PART) and _SCALE_WORD.search(q.text):
            # "placing 89 mln shares", "bought 870,100 shares ... for 22.5 mln dlrs": a count of shares or the money
            # paid for a block of them, never the price of one share
            return None
    if metric is not None and metric.id == "dividend" and _SECURITY_TERMS.search(text, max(0, q.start - 160), q.start):
        return None  # "the class A preferred shares will pay dividends at an annual rate of": the terms of an issue
    opening = min(mentions, key=lambda m: m.start) if mentions else None
    subject, counterparties = _subject(text, q, mention, companies, ctx, opening)
    if subject is None and anchor is not None:
        subject = next((c.company for c in companies if c.company.name == anchor.company), None) or ctx.main
    if subject is None:
        return None
    value = _claim_value(text, q, mention, metric, measure, ctx, window_start)
    modality, analyst = _claim_modality(text, q, value, metric, measure, subject, companies, ctx, anchor, window_start)
    if modality is Modality.REPORTED and follows is not None and follows.modality in _FORWARD \
            and _COORDINATED.fullmatch(text, window_start, q.start) \
            and own_period_after_and(text, window_start, q.start, periods):
        # "expects first-quarter revenue of $1.15 billion and full-year revenue of $4.9 billion": the outlook goes on
        # over a coordinated figure that names its own period, which is then read as an outlook's (the year under way)
        modality = follows.modality
    pctx = _subject_context(subject, periods, modality, value, ctx)
    period, resolution, prior = claim_period(text, q, periods, pctx, current, next_start=next_start, measure=measure,
                                             window_start=window_start,
                                             foreign_subject=ctx.main is not None and subject.id != ctx.main.id,
                                             modality=modality, market=metric is not None and metric.id in _MARKET_METRICS,
                                             metric=metric.id if metric is not None else None)
    period, resolution, prior, modality = _prior_adjusted(text, q, periods, ctx, pctx, current, metric, measure,
                                                          modality, period, resolution, prior)
    measure, modality, period, resolution = _compared_modality(text, q, periods, ctx, pctx, measure, modality, period,
                                                               resolution, prior, anchor, window_start)
    modality, period, resolution = _metric_specific(text, q, metric, mention, ctx, modality, period, resolution,
                                                    window_start)
    reported = modality is Modality.REPORTED
    modality, period, resolution = _settled(text, q, periods, ctx, pctx, metric, measure, modality, period,
                                            resolution, prior, current)
    if modality in (Modality.GUIDANCE, Modality.FORECAST) and (own := ended_year_own(text, q, periods, pctx)):
        # "operating earnings for all of 1987 may not match 1986's earnings of 61 cts": the ended year's result
        # the outlook is set against
        modality, period, resolution = Modality.PRIOR_PERIOD, own, Resolution.STATED
    if reported and modality is Modality.GUIDANCE and analyst and _ESTIMATE_NOUN.search(text, 0, q.start):
        # "Fricke said he cut 1987 earnings estimates for the company to 7.30 dlrs a share" (an analyst named
        # before): a figure of a year under way in an analyst's sentence about estimates is the analyst's
        modality = Modality.ANALYST_ESTIMATE
    if period is not None and subject.fiscal_year_end != ctx.fye and period.start != period.end:
        own = quarter_containing(period.end, subject.fiscal_year_end)
        if (own.start, own.end) == (period.start, period.end):
            period = own  # same dates, the subject's own fiscal label (Alphabet's 2024-Q3, not Microsoft's FY2025-Q1)
    base = period
    if period is not None and metric is not None and metric.kind == "stock":
        period = as_instant(period)
    claim = Claim(
        base_period=base,
        company=subject.name, metric=metric.id if metric else UNCLASSIFIED, measure=measure, value=value,
        period=period, resolution=resolution if period is not None else Resolution.UNRESOLVED,
        modality=modality, quote=text, span=(0, len(text)), phrase=phrase, counterparties=counterparties,
    )
    _final_measure(claim, text, q, measure, metric, periods, pctx, period)
    return claim


def _claim_value(text: str, q: Quantity, mention: Mention | None, metric: Metric | None, measure: Measure,
                 ctx: ArticleContext, window_start: int) -> Value:
    """The figure's value for a claim: in the article's currency when a money metric counts it, negative for a fall
    or a loss the words around it name (a step of :func:`_claim`)."""
    value = q.value
    if metric is not None and metric.unit == "money" and q.kind == "count":
        value = Value(value.low, value.high, ctx.currency, value.stated, value.qualifier, value.decimals, value.point)
    if measure in (Measure.CHANGE, Measure.CHANGE_YOY, Measure.CHANGE_QOQ):
        after = text[q.end:q.end + 20]
        after = after[:cut.start() - q.end] if (cut := _SET_AGAINST.search(text, q.end, q.end + 40)) is not None \
            and cut.start() < q.end + 20 else after
        before = text[max(window_start, q.start - 40):q.start]
        # (the clause of the figure only: "Acme rose 7%; Beta fell 9%", "Beta fell 9%, while Acme gained 7%")
        after = _FIGURE_CLAUSE_END.split(after, 1)[0]
        before = _FIGURE_CLAUSE_END.split(before)[-1]
        neg_window = before + " " + after  # (", down from 13.5%": not a fall)
        if (value.point or 0) > 0 and mention is not None and not _CHANGE_VERB.search(neg_window) \
                and _GAPPED_PAIR.fullmatch(text, max(window_start, mention.start - 5), q.start):
            # "earnings fell about 20 pct ... and revenues about 15 pct": the verb of the first pair is the second's
            verbs = _CHANGE_VERB.findall(_FIGURE_CLAUSE_END.split(text[max(0, mention.start - 120):mention.start])[-1])
            neg_window = verbs[-1] if verbs else neg_window
        if (value.point or 0) > 0 and not _CHANGE_VERB.search(neg_window) \
                and (by := _by_verb(text, max(window_start, q.start - 100), q.start)) is not None:
            neg_window = by  # "reducing first-quarter net income by a total of 4.4 mln dlrs": the verb before "by"
        loss = mention is not None and mention.sign < 0
        if (_NEGATIVE_CUE_WORDS.search(neg_window) or (_NARROWED if not loss else _WIDENED).search(neg_window)
                or fall_noun_after(text, q.end)) and (value.point or 0) > 0 \
                and not re.search(r"\bfrom\s+(?:about\s+|approximately\s+)?$", text[max(0, q.start - 20):q.start]):
            # ("margin narrowed 150 basis points", "the loss widened 20%": falls; a loss that narrows has risen)
            # ("reduced from 14 pct to 12 pct": 14 is where it started, not a fall)
            value = _signed(value, -1)
        elif (value.point or 0) > 0 and q.kind == "percent" and not _CHANGE_VERB.search(neg_window) \
                and (base := ABOVE_OR_BELOW_YEAR.match(text, q.end)) is not None \
                and base.group("word").lower() in ("below", "under"):
            value = _signed(value, -1)  # "net income was 48.2 mln dlrs, four pct below 1985": a fall
    elif mention is not None and mention.sign < 0 and value.high > 0 \
            and not _PROFIT_OF.search(text, max(window_start, q.start - 50), q.start):
        # ("an operating loss of $(12.1) million" is already negative; "a loss per share of 1,024 cents, compared with
        # earnings of 257 cents": the earlier figure was a profit)
        value = _signed(value, -1)
    elif metric is not None and metric.id in _EARNINGS_METRICS and value.high > 0 \
            and _LOSS_OF.search(text, max(window_start, q.start - 90), q.start):
        value = _signed(value, -1)  # "net income was $64 million, compared with a loss of $21 million"
    return value


def _claim_modality(text: str, q: Quantity, value: Value, metric: Metric | None, measure: Measure, subject: Company,
                    companies: list[CompanyMention], ctx: ArticleContext, anchor: Claim | None,
                    window_start: int) -> tuple[Modality, bool]:
    """The figure's modality before its period is known, and whether an analyst speaks in the sentence."""
    analyst = (bool(ctx.analysts) and any(re.search(rf"\b{re.escape(n)}\b", text[:q.start]) for n in ctx.analysts)) \
        or (_SAID_ANALYST_WORDS.search(text, q.end) is not None and "nalyst" in text)
    modality = modality_of(text, q.start, q.end, company_subject=True, window_start=window_start,
                           measure_is_change=measure not in (Measure.LEVEL, Measure.PART), analyst=analyst,
                           own_voice=ctx.spoken and (ctx.main is None or subject.id == ctx.main.id))
    if anchor is not None:
        modality = Modality.ANALYST_ESTIMATE
    elif modality is Modality.REPORTED and ctx.spoken and (outlook_range(value, measure is Measure.LEVEL, metric)
                                                           or midpoint_after(text, q.end)) \
            and not reported_range(text, q.start):
        modality = Modality.GUIDANCE  # ``call_measures``: a call's range of an amount is an outlook, not a result
    elif modality in (Modality.GUIDANCE, Modality.FORECAST) and companies \
            and (expected := expected_of(text, companies, q.start)) is not None and expected.company.id == subject.id:
        # ("The brokerage now expects Apple to report revenue of": not Apple's outlook; an analyst's when one speaks)
        modality = Modality.ANALYST_ESTIMATE if _ANALYST_WORD.search(text, 0, q.start) or ctx.analysts \
            or ctx.last_modality is Modality.ANALYST_ESTIMATE or ctx.rated else Modality.FORECAST
    return modality, analyst


def _subject_context(subject: Company, periods: list[PeriodMention], modality: Modality, value: Value,
                     ctx: ArticleContext) -> ArticleContext:
    """The article's context on the subject's own fiscal calendar (another company's, a yen story's year to March)."""
    # another company's quarters are on its own fiscal calendar (a rival's "first-quarter sales"), not the main one's
    # (in an article mostly in yen or rupees, a company the registry does not know whose figure is not in another
    # currency shares the year to March: "Honda Motor cut its annual operating profit forecast" in a Toyota story)
    yen_year = ctx.currency_calendar and not subject.in_registry and subject.fiscal_year_end == (12, 31) \
        and value.unit in ("JPY", "INR", "percent")
    stated_fye = ctx.calendars.get(subject.id) if not subject.in_registry else None
    own_fye = (3, 31) if yen_year else stated_fye or subject.fiscal_year_end
    pctx = ctx if ctx.main is None or subject.id == ctx.main.id or own_fye == ctx.fye \
        else dataclasses.replace(ctx, fye=own_fye if yen_year or stated_fye else _reporting_calendar(
            subject, periods, modality, ctx), fy_shift=0)
    return pctx


def _prior_adjusted(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext, pctx: ArticleContext,
                    current: tuple[Period | None, Resolution] | None, metric: Metric | None, measure: Measure,
                    modality: Modality, period: Period | None, resolution: Resolution,
                    prior: bool) -> tuple[Period | None, Resolution, bool, Modality]:
    """The period chosen set right for a year to date, "last year", an unqualified change and a figure given for
    comparison: the period, how it was resolved, whether it is earlier, the modality."""
    if not prior and (ytd := year_to_date(text, q, periods, period, pctx)) is not None:
        period = ytd  # "Year-to-date through Q2, cash flow from operations totaled $2.9 billion"
    if not prior and modality is Modality.PRIOR_PERIOD and resolution is Resolution.INFERRED_PUBLISHED \
            and period is not None and LAST_YEAR.match(text, q.end + 1) and not COMPARISON.search(text):
        modality = Modality.REPORTED  # "had revenues of eight mln dlrs last year": that year's own figure
    if prior and period is not None and period.start == period.end and metric is not None and metric.kind == "flow" \
            and ctx.published is not None and LAST_YEAR.search(text, max(0, q.start - 60), q.end + 40):
        # "a maker of industrial valves with sales of 50 mln dlrs last year", in a story about no period of its own:
        # the last fiscal year, not the day a year before; a result of its own unless compared with
        period = fiscal_year(fiscal_year_of(ctx.published, pctx.fye) - 1, pctx.fye)
        resolution, prior = Resolution.INFERRED_PUBLISHED, bool(COMPARISON.search(text))
        if not prior and modality is Modality.PRIOR_PERIOD:
            modality = Modality.REPORTED
    if period is None and measure is Measure.CHANGE and modality is Modality.REPORTED and metric is not None \
            and metric.kind == "flow" and not periods:
        # an unqualified change of a flow in a story about a period is that period's (against a year earlier)
        if current is not None and current[0] is not None:
            period, resolution = current
        elif ctx.period is not None:
            period, resolution = ctx.period, Resolution.INFERRED_CONTEXT
    if prior and modality in (Modality.REPORTED, Modality.GUIDANCE):
        modality = Modality.PRIOR_PERIOD  # ("expects to exceed the 1.2 mln dlrs posted a year ago": a past result)
    if not prior and modality is Modality.REPORTED and measure is Measure.LEVEL and period is not None \
            and ctx.period is not None and metric is not None and metric.kind == "flow" \
            and 80 <= (ctx.period.end - ctx.period.start).days <= 100 \
            and 80 <= (period.end - period.start).days <= 100 and period.end < ctx.period.start \
            and _COMPARES_LEAD.search(text, 0, q.start):
        # "This compares to free cash flow of $68 million in the second quarter", in a third-quarter call: the
        # earlier quarter's figure, given for comparison
        modality = Modality.PRIOR_PERIOD
    return period, resolution, prior, modality


def _compared_modality(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext,
                       pctx: ArticleContext, measure: Measure, modality: Modality, period: Period | None,
                       resolution: Resolution, prior: bool, anchor: Claim | None,
                       window_start: int) -> tuple[Measure, Modality, Period | None, Resolution]:
    """A change's measure from its base, the modality of a figure of a period compared with, an own estimate or
    an analysts' estimate set against a result."""
    if measure is Measure.CHANGE and period is not None and not prior \
            and (based := measure_by_base(text, q, periods, pctx, period)) is not None:
        measure = based  # "an increase of 20%, compared to Q4 2020" in a story about Q4 2021: year over year
    compared = compared_period(text, q, periods, window_start) \
        if modality in (Modality.REPORTED, Modality.GUIDANCE) else None
    if compared is not None and measure not in (Measure.LEVEL, Measure.PART) \
            and not _WHEN_CLAUSE.search(text, compared, q.start):
        compared = None  # "lower than q2 of 2021 by about 10%": the change is measured from it, not one of its figures
    if compared is not None:
        # "profit fell by half compared with 1985, when it earned a record 221 mln marks": the earlier period's;
        # "we expect EPS to be up ..., compared to our 2020 EPS of $2.79": the last result an outlook starts from
        modality = Modality.REPORTED if forward_looking(text[:compared]) else Modality.PRIOR_PERIOD
    elif modality is Modality.REPORTED and period is not None and ctx.published is not None \
            and period.end < ctx.published and own_estimate(text[max(0, q.start - 120):q.start]):
        modality = Modality.PRELIMINARY  # "it believes its December estimate calling for EPS of 10 cts" (ended)
    if anchor is not None:
        modality = Modality.ANALYST_ESTIMATE  # set against a result: for the result's period unless one is named
        if period is None or not periods:
            period, resolution = anchor.base_period or anchor.period, anchor.resolution
    return measure, modality, period, resolution


def _metric_specific(text: str, q: Quantity, metric: Metric | None, mention: Mention | None, ctx: ArticleContext,
                     modality: Modality, period: Period | None, resolution: Resolution,
                     window_start: int) -> tuple[Modality, Period | None, Resolution]:
    """The modality and period of market figures, one order, an annual dividend still to be paid and price targets."""
    if metric is not None and metric.id in _MARKET_METRICS:
        modality, period, resolution = _market_figure(text, modality, period, resolution, ctx.published)
    elif metric is not None and metric.id == "orders" and mention is not None and _ONE_ORDER.match(mention.phrase) \
            and ctx.published is not None and (period is None or period.start != period.end):
        # "received an order for its engines worth 320 mln dlrs": one order, an event of the day it is announced
        day = market_day(text, ctx.published)
        period, resolution = Period(day, day, day.isoformat()), Resolution.INFERRED_PUBLISHED
    elif metric is not None and metric.id == "dividend" and modality is Modality.REPORTED and ctx.published is not None \
            and resolution is not Resolution.STATED and ANNUAL_BEFORE.search(text, max(window_start, q.start - 40),
                                                                               q.start) \
            and not _TAKING_TO.search(text, max(0, q.start - 60), q.start):
        # (not "declared a final dividend of $1.07 a share, taking full-year dividends to $1.98": the year's total)
        # "a bulk payment at the end of the fiscal year to equal annual dividend of 50 cts": the dividend of the year
        # under way, still to be paid
        period = fiscal_year(fiscal_year_of(ctx.published, ctx.fye), ctx.fye)
        modality, resolution = Modality.GUIDANCE, Resolution.INFERRED_PUBLISHED
    elif metric is not None and metric.id == "price_target":
        # an analyst's target, the earlier one it replaced ("to $30 from $36") included: set on the day reported
        modality = Modality.ANALYST_ESTIMATE
        if ctx.published is not None and (period is None or period.start != period.end):
            day = market_day(text, ctx.published)
            period, resolution = Period(day, day, day.isoformat()), Resolution.INFERRED_PUBLISHED
    return modality, period, resolution


def _final_measure(claim: Claim, text: str, q: Quantity, measure: Measure, metric: Metric | None,
                   periods: list[PeriodMention], pctx: ArticleContext, period: Period | None) -> None:
    """The claim's measure set last: the default change, a linked quarter, a balance's change, an outlook's
    revision, jobs cut or added."""
    claim.measure = default_change(claim, text[q.end:q.end + 60])
    if claim.measure is Measure.CHANGE_YOY and measure is Measure.CHANGE \
            and _LINKED_BEFORE.search(text, max(0, q.start - 80), q.start):
        claim.measure = Measure.CHANGE_QOQ  # "Our linked quarter loans decreased $608 million": against the quarter
    if claim.measure is Measure.CHANGE and metric is not None and metric.kind == "stock" and period is not None:
        claim.measure = _balance_change(text, q, periods, pctx, period)
    if claim.measure is not Measure.LEVEL and (rev := _REVISION_BY_WORDS.search(text, max(0, q.start - 110), q.start)):
        # "cut its full-year profit forecast by 15%": a change of the outlook, not against a year earlier
        claim.measure = Measure.CHANGE
        if rev.group("down") and (claim.value.point or 0) > 0:
            claim.value = _signed(claim.value, -1)
    if claim.metric == "employees" and claim.measure is Measure.LEVEL \
            and (jobs := _JOBS_MOVED.search(text, max(0, q.start - 45), q.start)) is not None:
        # "to cut about 900 jobs", "will add 1,200 positions": a change of the workforce, not its size
        claim.measure = Measure.CHANGE
        if jobs.group("down") and (claim.value.point or 0) > 0:
            claim.value = _signed(claim.value, -1)


# a change a bank names as against the quarter before, ahead of the figure ("On a linked-quarter basis, deposits
# increased $1.4 billion")
_LINKED_BEFORE = re.compile(r"(?i)\blinked[\s-]+quarters?\b|\bon\s+a\s+sequential\s+basis\b")


def _balance_change(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext,
                    period: Period) -> Measure:
    """A balance's change against the balance at a date it names ("a decrease of $4 million compared to the
    balance at June 30", at September 30): against the previous quarter end, or the same day a year earlier."""
    for p in periods:
        if q.end <= p.start <= q.end + 60 and COMPARED_BEFORE.search(text, max(0, p.start - 40), p.start):
            base, _ = p.resolve(ctx.fye, None, period.end.year)
            if base is None:
                break
            if base.end > period.end:
                base = shift_year(base)
            days = (period.end - base.end).days
            return Measure.CHANGE_QOQ if 80 <= days <= 100 else Measure.CHANGE_YOY if 355 <= days <= 375 \
                else Measure.CHANGE
    return Measure.CHANGE


_FIGURE_FROM = re.compile(r"\s+(?:from|in|at)\s")


def _segment_after_figure(text: str, q: Quantity, companies: list[CompanyMention]) -> str | None:
    """A part of the company named right after the figure: "$1.4 billion from Wealth Management", "revenue of $800
    million from our industrial business", "sales were $5.2 million in Europe" (a proper name, a region or a
    qualified business line; not "from higher prices" or "in the second quarter")."""
    if _FIGURE_FROM.match(text, q.end) is None:
        return None
    stop = _NP_STOP.search(text, q.end + 4)
    found = segment_after(text[:stop.start()] if stop else text, q.end, [(c.start, c.end) for c in companies])
    if found is None:
        return None
    words = found.split()
    proper = all(w[:1].isupper() for w in words)
    return found if proper or (len(words) > 1 and _SEGMENT_HEAD_WORD.search(words[-1])) else None


_NP_STOP = re.compile(r"\s(?:and|or|while|but|versus|vs|compared)\s|[,;]|\.(?:\s|$)")
_SEGMENT_HEAD_WORD = re.compile(r"(?i)^(?:segments?|divisions?|business(?:es)?|units?|operations|groups?|arms?)$")
_OR_COMPANION = re.compile(r"\s*,?\s*or\s*")
# a change set against an earlier one after it: "grew 5.4%, down from 13.5% a year earlier" is a rise
_FIGURE_CLAUSE_END = re.compile(r"(?i);|,?\s+(?:while|whereas)\s")
# a second pair whose verb is the first pair's: "... and revenues about 15 pct"
_GAPPED_PAIR = re.compile(r"(?is).{0,5}\band\s+\S+(?:\s+\S+)?\s+(?:(?:about|nearly|some|roughly|almost|around|by)\s+)?")
_CHANGE_VERB = re.compile(r"(?i)\b(?:up|down|rose|rise|rising|fell|fall|falling|gained?|grew|increased?|decreased?|"
                          r"declined?|dropped|jumped|climbed|slipped|eased|lower|higher)\b")
_BY_VERB = re.compile(r"(?i)\b(?:rais|lower|cut|reduc|increas|decreas|boost|trim|narrow|widen|lift|grow|grew|rose|"
                      r"fell|declin|improv)\w*\b")
_BY_TAIL = re.compile(r"(?i)[^.;]{0,60}\bby\s+(?:about\s+|approximately\s+|some\s+|nearly\s+|roughly\s+|almost\s+|"
                      r"a\s+total\s+of\s+|an?\s+(?:additional|further)\s+|another\s+)?")


def _by_verb(text: str, start: int, end: int) -> str | None:
    """The verb of change nearest before an amount's "by" ("reducing first-quarter net income by a total of"), or None."""
    verbs = list(_BY_VERB.finditer(text, start, end))
    if not verbs or _BY_TAIL.fullmatch(text, verbs[-1].end(), end) is None:
        return None
    return verbs[-1].group(0)


_SET_AGAINST = re.compile(r"(?i)\b(?:down|up|slowing|easing)\s+from\s+(?:an?\s+|the\s+)?(?:[$€£¥]\s?)?\d")
# a period's figure so far, not for the whole period ("on an annualized basis in 2021", "so far this year")
_SO_FAR = re.compile(r"(?i)\b(?:annuali[sz]ed|run[\s-]rate|so\s+far|to\s+date|year[\s-]to[\s-]date|ytd|through|thus\s+far)\b")
# how long before its end a period's figure can only be an outlook (a few days' slack for a dating off by a little)
_UNDER_WAY_DAYS = 10
_EARNINGS_METRICS = frozenset({"net_income", "adjusted_net_income", "operating_income", "adjusted_operating_income",
                               "pretax_income", "eps", "adjusted_eps"})
_LOSS_OF = re.compile(r"\b(?:a|its|the)\s+(?:net\s+)?loss\s+"
                      # ("expects to report a loss for the fourth quarter ended March 31 of about 20 cts per share")
                      r"(?:(?:for|in)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){1,7}?(?=of\s))?"
                      # ("On a per-share basis, the loss was 28.33 dlrs")
                      r"(?:(?:was|were|is|totaled|totalled|amounted\s+to|came\s+to)\s+)?"
                      r"(?:of\s+)?(?:about\s+|approximately\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
# the analyst who says it, named after the figure ("earnings should rise to 2.10 dlrs a share in 1987, said analyst
# John Smith of Shearson Lehman Brothers")
_OWN_OUTLOOK_SET_AGAINST = re.compile(
    r"\s*,?\s*(?:(?:well|slightly|just|far)\s+)?(?:below|above|under|over|short\s+of|ahead\s+of|in\s+line\s+with|"
    r"compared\s+with|versus|vs\.?|against)\s+(?:the\s+company['’]s|its)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:forecast|outlook|guidance|target|range|projection)\s+(?:of\s+|for\s+)?(?:about\s+|around\s+)?", re.IGNORECASE)
_PREVIOUS_ESTIMATE = re.compile(r"(?i)\b(?:its|their|his|her)\s+(?:previous|prior|earlier|original)\s+"
                                r"(?:estimate|forecast|projection)s?\s+of\s+(?:about\s+)?$")
# ("now expects Trilogy to earn $5.62 per share in fiscal 2026, up from $5.31 previously": the estimate it revised)
_UP_FROM_END = re.compile(r"(?i),?\s+(?:up|down)\s+from\s+(?:about\s+)?$")
_SAID_ANALYST = re.compile(r"\b(?:said|says|according\s+to)\s+(?:an?\s+|the\s+)?(?:[\w&.'’-]+\s+){0,4}?analysts?\b")
_SAID_ANALYST_WORDS = WindowWords(_SAID_ANALYST)  # (searched where its words are)
_ESTIMATE_NOUN = re.compile(r"(?i)\b(?:estimates?|forecasts?|projections?)\b")
_ANALYST_WORD = re.compile(r"\b(?:analysts?|brokerages?|brokers?|consensus|price\s+target|rating)\b", re.IGNORECASE)
_PROFIT_OF = re.compile(r"\b(?:from|vs\.?|versus|compared\s+(?:with|to))\s+(?:an?\s+|its\s+)?(?:net\s+)?"
                        r"(?:earnings|profits?|income)\s+(?:of\s+)?(?:about\s+|approximately\s+|nearly\s+)?$",
                        re.IGNORECASE)
_COMPARED_WITH = re.compile(r"\b(?:from|vs\.?|versus|compared\s+(?:with|to)|against|above|below|ahead\s+of|short\s+of|"
                            r"beating|beat|missing|missed|topping|topped)\b", re.IGNORECASE)
_ESTIMATE_SOURCE = re.compile(r"\b(?:analysts?|consensus|Wall\s+Street|estimates?|LSEG|Refinitiv|I/B/E/S|IBES|"
                              r"FactSet|Zacks|Visible\s+Alpha|polled)\b", re.IGNORECASE)
_ESTIMATE_VERB = re.compile(r"\b(?:expect(?:ed|ing)?|(?:smart)?estimat(?:e|es|ed|ing)|forecast(?:s|ing)?|project(?:ed|ing)|"
                            r"predict(?:ed|ing)?|consensus|anticipated|look(?:ed|ing)\s+for)\b", re.IGNORECASE)
_ESTIMATE_VERB_WORDS = WindowWords(_ESTIMATE_VERB)  # (searched where its words are)


_LEAD_WORDS = re.compile(r"[A-Za-z][A-Za-z\s-]*\s")  # a hedge a quantity starts with ("estimated $531 million")


# estimators and their verb before a figure ("Analysts expect revenue of", "Wall Street is looking for EPS of")
_ESTIMATORS_EXPECT = re.compile(r"(?i)(?<!\btold\s)(?<!\bto\s)\b(?:analysts?|wall\s+street|the\s+street|consensus)\b"
                                r"(?:(?!\b(?:that|he|she|we|it|they|told)\b)[^;]){0,40}?\b(?:expect(?:s|ed|ing)?|"
                                r"forecasts?|estimates?|see|sees|project(?:s|ed)?|looking\s+for|anticipate[sd]?)\b[^;]*$")
# between two figures of one estimate's list: no verb of a result, no comparison, no estimator of its own
_ESTIMATE_LIST_GAP = re.compile(r"(?i)(?:(?!\b(?:reported|posted|report|was|were|is|are|compared|versus|vs|against|"
                                r"actual|came|rose|fell|grew|said|says|analysts?|expected|estimates?|forecasts?|"
                                r"consensus|beat|missed|topped|above|below)\b)[^;])*")


def _estimate_anchor(text: str, q: Quantity, ctx: ArticleContext, window_start: int) -> Claim | None:
    """The reported figure an analysts' estimate without a metric of its own is set against.

    "Revenue was $1.18 billion, ahead of analysts' average estimate of $1.12 billion"; "Excluding items, it earned
    $3.07 a share. Analysts had expected $2.59." An estimate is close to the result (or the outlook) it anticipates:
    the latest reported or outlook level of this or the previous sentence in the same unit, of the same sign, within
    a factor of two.
    """
    if q.kind not in ("money", "per_share", "percent") or not ctx.recent:
        return None
    # (with the figure's own hedge: "Analysts had estimated $531 million")
    lead = _LEAD_WORDS.match(q.text)
    before = text[max(window_start, q.start - 90):q.start] + (lead.group(0) if lead else "")
    if not ((_ESTIMATE_VERB_WORDS.search(before) or estimate_after(text, q.end)
             or ESTIMATE_AFTER.match(text[q.end:q.end + 40])) and _ESTIMATE_SOURCE.search(text)):
        return None  # ("ahead of the $4.59 analysts had forecast": the estimators after the figure)
    point = q.value.point if q.value.point is not None else (q.value.low + q.value.high) / 2
    if q.kind == "percent" and point > 0 and (_NEGATIVE_CUE_WORDS.search(text, q.end, q.end + 12)
                                             or _NEGATIVE_CUE_WORDS.search(text, max(window_start, q.start - 25), q.start)):
        point = -point  # "revenue fell 1.8%, while Wall Street was expecting a 3.2% decline": a fall, like the result
    for n, claim in reversed(ctx.recent):
        if n < ctx.sentence_no - 1:
            break
        v = claim.value
        if (q.kind == "percent") != (claim.measure in (Measure.CHANGE, Measure.CHANGE_YOY, Measure.CHANGE_QOQ)):
            continue  # (a growth rate is set against a growth rate, an amount against an amount)
        ref = v.point if v.point is not None else (v.low + v.high) / 2
        if v.unit == q.value.unit and ref and point and ref * point > 0 and 0.5 <= point / ref <= 2:
            return claim
    return None


_REVISION_BY = re.compile(
    r"\b(?:(?P<down>cut|cuts|lower(?:ed|s)?|trimm(?:ed)|trims|reduc(?:ed|es)|slash(?:ed|es))|rais(?:ed|es)|lift(?:ed|s)|"
    r"hik(?:ed|es)|boost(?:ed|s)|increas(?:ed|es))\s+(?:its|their|the)?\s*(?:[\w-]+\s+){0,4}?(?:forecasts?|guidance|"
    r"outlook|targets?|estimates?|projections?|view)\s+(?:for\s+[^.;]{0,30}?)?by\s+"
    r"(?:about\s+|some\s+|nearly\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
_REVISION_BY_WORDS = WindowWords(_REVISION_BY)  # (searched where its words are)


# "improved $12.5 million over the fourth quarter of 2019": the base of a change
_WHEN_CLAUSE = re.compile(r"(?i),\s*(?:when|in\s+which|during\s+which)\b")
# (also "its third-quarter operating profit likely fell 38 percent", "estimated July-September operating profit at",
# "The chipmaker estimated revenue rose 23%": the company's own estimate of a period that has ended)
_PROBABLE = re.compile(r"(?i)\b(?:(?:was|were)\s+(?:most\s+)?likely|probably|likely(?=\s+(?:rose|fell|grew|jumped|"
                       r"climbed|dropped|declined|increased|decreased|surged|slumped|slid|more|doubled|tripled|halved|"
                       r"totall?ed))|"
                       r"(?<!analysts\s)(?<!analyst\s)estimated(?=\s+(?:that\s+)?(?:its\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:rose|fell|grew|was|were|totall?ed|increased|decreased|declined|jumped|came|at|to\s+be)\b))"
                       r"\b[^.;,]{0,40}$")
# "..., it said in a preliminary earnings release": figures of a period that has ended, estimated early
# (or "Preliminary second-quarter adjusted EBITDA came in at": the word before the period and the metric)
_PRELIMINARY_WORD = re.compile(r"(?i)\bpreliminary\s+(?:(?:(?:first|second|third|fourth)[\s-]quarter|(?:full|half)[\s-]year|"
                               r"quarterly|annual)\s+)?(?:(?:adjusted|group|underlying)\s+)?(?:earnings|results|figures|"
                               r"estimates?|data|release|numbers|revenues?|sales|ebitda|ebit|operating\s+(?:profit|income)|"
                               r"net\s+(?:profit|income))\b")


_MARKET_METRICS = {"share_price", "market_cap"}
_SECURITY_TERMS = re.compile(r"(?i)\b(?:preferred|preference)\s+(?:shares|stock)\s+(?:[\w-]+\s+){0,3}?(?:will|would)\s+"
                             r"(?:pay|carry|bear|yield)\b")
_ONE_ORDER = re.compile(r"(?i)an?\s")  # (the phrase of an order: "an order", "a new order")


def one_order(claim: Claim) -> bool:
    """Whether ``claim`` is the value of one order announced ("an order ... worth 320 mln dlrs"), an event of a day."""
    return claim.metric == "orders" and _ONE_ORDER.match(claim.phrase or "") is not None
# a money level is a share price when the sentence says so ("price", "a share", "closed at") or a share move leads to
# it ("shares fell 3% to $38.12")
_PRICE_LEVEL = re.compile(r"\b(?:price|per\s+share|a\s+share|(?:closed|closing|opened|opening|ended|ending|finished|"
                          r"settled|traded|trading|changed\s+hands|last\s+trad\w*)\s+(?:\w+\s+){0,3}?at)\b",
                          re.IGNORECASE)
# (also after a move in money and a comma: "rose $3.27, or 5.6%, to $61.80", "rose $1.25 to $58.375")
_MOVE_TO = re.compile(r"(?:%|\bper\s*cent|\bpct|\d\s?pc|\bcents?|\d\s?p|\d)\s*,?\s+(?:\w+\s+){0,2}(?:to|at)\s+"
                      r"(?:a\s+(?:record\s+)?)?(?:\w+\s+)?$",
                      re.IGNORECASE)  # ("fell 3% to $38.12", "ended 1.8 per cent higher at Rs 3,412")
_TODAY = re.compile(r"\b(?:today|this\s+morning|this\s+afternoon|(?:early|late|afternoon|morning|premarket|"
                    r"pre-market|after-hours|extended|midday)\s+trad(?:e|ing))\b", re.IGNORECASE)


def _market_figure(text: str, modality: Modality, period: Period | None, resolution: Resolution,
                   published: dt.date | None) -> tuple[Modality, Period | None, Resolution]:
    """A share price, its move or a market value is a market fact of a trading day, not a company outlook (an
    outlook word elsewhere in the sentence, "forecast revenue below estimates, sending its shares down 11%", is
    not its modality); a projection by someone else stays one."""
    if modality in (Modality.GUIDANCE, Modality.PRELIMINARY, Modality.PRIOR_GUIDANCE):
        modality = Modality.REPORTED
    if modality is Modality.REPORTED and published is not None and \
            (period is None or resolution is not Resolution.STATED or period.start != period.end):
        day = market_day(text, published)
        return modality, Period(day, day, day.isoformat()), Resolution.INFERRED_PUBLISHED
    if modality is Modality.REPORTED and published is None and period is not None and (
            resolution is not Resolution.STATED or period.start != period.end):
        return modality, None, Resolution.UNRESOLVED  # (an undated story's "closed 2.3% higher on Friday": no day)
    return modality, period, resolution


def _about_main(text: str, companies: list[CompanyMention], ctx: ArticleContext) -> bool:
    if ctx.main is None:
        return False
    if any(c.company.id == ctx.main.id for c in companies):
        return True
    return bool(_SELF_REFERENCE.search(text)) and not companies
