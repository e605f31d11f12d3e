"""The metric a figure is stated on: as reported, adjusted ("non-GAAP EPS"), organic or at constant currency, a
component of it ("includes a charge of"), a note of a results table, pro forma, or funds from operations for a REIT's
per-share figure. One step of :mod:`claimgraph.sources.claims` (its ``_claim`` calls :func:`stated_basis`).
"""

from __future__ import annotations

import re

from claimgraph.sources.call_measures import (
    ADJUSTED_BASIS_BEFORE,
    OUTLOOK_INCLUDING,
    balance_flow,
    compound_rate_before,
    credit_available,
    debt_flow,
    dividend_move_after,
    effect_amount,
    effect_or_difference,
    effect_subject,
    facility_size,
    ffo_named_after,
    gaap_basis_after,
    incremental_before,
    moved_out_after,
    outlook_end_moved,
    per_unit_after,
    points_to_before,
    product_number,
    rate_or_hypothetical,
    ratio_after,
    related_item,
    stream_margin,
    unit_after,
    unit_results,
)
from claimgraph.sources.metric_choice import _COMPONENT_VERB
from claimgraph.sources.metrics import ADJUSTED_OF, Mention, Metric, Vocabulary
from claimgraph.sources.model import Quantity
from claimgraph.sources.scan import WindowWords

# ("Excluding the restructuring and other special items, our earnings per diluted share was $1.20")
_ADJUSTED_CUE = re.compile(r"\b(?:non-?gaap|adjusted|adj\.?|(?:excluding|before)\s+(?:the\s+)?(?:(?:some|certain|special|"
                           r"one-time|one-off|unusual|non-recurring|nonrecurring|exceptional|non-cash|"
                           r"restructuring|acquisition-related|other|and)\s+){0,4}(?:items|charges)|core|underlying|on\s+an?\s+(?:adjusted|non-gaap|operating|ongoing)\s+basis)\b",
                           re.IGNORECASE)
_LIST_INCLUDES = re.compile(r"(?i)\b(?:highlights|items|metrics|figures|numbers)\b[^.;,]{0,30}\binclud(?:e|ed)\s+$")
_PRO_FORMA = re.compile(r"\bpro\s+forma\b", re.IGNORECASE)
_PRO_FORMA_WORDS = WindowWords(_PRO_FORMA)  # (searched where its words are)
# (Indian results give the parent company's own figures beside the group's)
_STANDALONE = re.compile(r"\bstand[\s-]?alone\s+(?:basis|net|revenues?|profits?|income|sales|turnover|pat|ebitda|"
                         r"earnings|operating|total)\b", re.IGNORECASE)
# between the metric and its figure, the adjusted basis and the figure's own verb: "Earnings per share excluding
# items rose to $1.20", "Net income before special charges was" (the adjusted figure, no amount excluded)
_ADJUSTED_GAP = re.compile(r"\s+(?:excluding|before)\s+(?:(?:some|certain|special|one-time|one-off|unusual|non-recurring|"
                           r"nonrecurring|exceptional|restructuring|other|and)\s+){0,3}(?:items|charges)\s+"
                           r"(?:was|were|is|are|rose|fell|grew|climbed|jumped|gained|increased|decreased|declined|dropped|"
                           r"slipped|doubled|tripled|halved|totaled|totalled|reached|came\s+(?:in\s+)?)(?:\s+(?:to|at))?"
                           r"\s+(?:about\s+|approximately\s+|nearly\s+)?", re.IGNORECASE)
_ADJUSTED_GAP_END = re.compile(_ADJUSTED_GAP.pattern + "$", re.IGNORECASE)  # (before a per-share figure: "were $1.20")
_STANDALONE_WORDS = WindowWords(_STANDALONE)  # (searched where its words are)
# (also an effect on the metric: "net income was positively impacted by $500,000 from discrete tax items")
_COMPONENT_BEFORE = re.compile(r"\b(?:(?:includ(?:e|es|ed|ing)|exclud(?:e|es|ed|ing)|reflect(?:s|ed|ing)?|net\s+of|"
                               r"other\s+than)\s+"  # ("Our debt is at fixed rates other than the $3.5 million on the line")
                               r"(?:(?:a|an|the|its|pretax|pre-tax|after-tax)\s+)?(?:[\w-]+\s+){0,4}?(?:of\s+)?|"
                               r"(?:impacted|affected|benefit(?:t)?ed|hurt|helped|burdened|penali[sz]ed)\s+"
                               r"(?:by|from)\s+(?:an?\s+|the\s+)?)"
                               r"(?:about\s+|approximately\s+|some\s+|roughly\s+|nearly\s+)?$", re.IGNORECASE)
# a verb that makes the figure after it a part of a total (not "including 6% organic revenue growth", a list)
# ("Excluding the effect of approximately $40 million in revenue related to the divested businesses")
# (also after the figure said first: "exclude $90 million -- approximately $90 million in sales")
_PART_VERB_BEFORE = re.compile(r"(?i)\b(?:includ(?:e|es|ed)|exclud(?:e|es|ed|ing))\s+(?:the\s+(?:effect|impact)\s+of\s+)?"
                               r"(?:an?\s+|the\s+)?(?:(?:about\s+|approximately\s+|some\s+|roughly\s+|nearly\s+)?"
                               r"[$€£¥]?\d[\d.,]*(?:\s*(?:million|billion))?\s*(?:--|—|–)\s*)?"
                               r"(?:about\s+|approximately\s+|some\s+|roughly\s+|nearly\s+)?$")
_IMPACT_BEFORE = re.compile(r"(?i)\b(?:impacted|affected|hurt|helped|benefit(?:t)?ed|burdened|penali[sz]ed|boosted|"
                            r"weighed\s+on|dragged\s+(?:on|down))\s+(?:our\s+|the\s+|its\s+|their\s+)?"
                            r"(?:[\w-]+\s+){0,3}?$")
_BY_AFTER_METRIC = re.compile(r"(?i)\s+(?:(?:in|for|during)\s+the\s+(?:quarter|year|period)\s+)?by\s+"
                              r"(?:about\s+|approximately\s+|some\s+|roughly\s+|nearly\s+|almost\s+)?")

_NOTE = re.compile(r"^\s*(?:NOTE|Note)\b\s*[:-]?")
ANNUAL_BEFORE = re.compile(r"(?i)\b(?:annual|yearly|full[\s-]year)\s+(?:dividends?|payouts?|rate)\s+(?:of\s+|to\s+|at\s+)?"
                            r"(?:about\s+|approximately\s+)?$")


def _revenue_basis(text: str, q: Quantity, mention: Mention) -> str | None:
    """The basis revenue is stated on when it is not as reported: ``organic_revenue``, ``revenue_constant_currency``
    or ``adjusted`` ("adjusted revenue", "non-GAAP", "pro forma"); ``None`` for revenue as reported."""
    if (m := _REVENUE_BASIS.search(text, max(0, mention.start - 30), mention.start)) is not None:
        # ("like-for-like revenue growth of 4% to 6%": organic, as "up 6.3% like-for-like" is)
        return "organic_revenue" if m.group().lower().startswith(("organic", "like")) else "adjusted"
    if q.kind != "percent":
        return None
    found = (_ORGANIC_AFTER.match(text, q.end) or _ORGANIC_BEFORE.search(text, max(0, q.start - 60), q.start)
             or _CURRENCY_LEAD.match(text, 0, mention.start)
             # (or leads the clause after a semicolon: "Sales rose 5.2%; in local currencies, sales grew 6.1%")
             or _CURRENCY_LEAD.match(text[text.rfind(";", 0, mention.start) + 1:mention.start])
             or (_BASIS_THEN_FROM.search(text, mention.end, q.start) if mention.end <= q.start else None))
    if found is None:
        return None
    return "revenue_constant_currency" if _CURRENCY_BASIS.search(found.group()) else "organic_revenue"


_CURRENCY_BASIS = re.compile(r"(?i)currenc|exchange|\bfx\b|constant\s+rates")


def stated_basis(text: str, q: Quantity, mention: Mention, metric: Metric, vocab: Vocabulary) -> Metric | None:
    """The metric on its stated basis: adjusted ("non-GAAP EPS"), a component ("includes a charge of"), a note of a
    results table, or pro forma — the last three are not the metric itself (``None``: kept unclassified)."""
    head = _earnings_noun(text, q) if metric.unit == "per_share" and mention.start == q.start else mention.start
    if metric.unit == "any" or (_NOTE.match(text) and not (
            metric.id == "dividend" and ANNUAL_BEFORE.search(text, max(0, q.start - 40), q.start))) \
            or _PRO_FORMA_WORDS.search(text[max(0, head - 60):q.start]):
        # (a note's figures are components of the table's, but the annual dividend it states is the dividend)
        return None
    if mention.end <= q.start and _COMPONENT_BEFORE.search(text[mention.end:q.start]) \
            and not _ADJUSTED_GAP.fullmatch(text, mention.end, q.start):
        return None
    if metric.id in ("loans", "deposits") and balance_flow(text, mention.start):
        return None  # "we forgave $138 million in loans", "delinquencies for accruing loans" (``call_measures``)
    if q.kind == "percent" and compound_rate_before(text, q.start):
        return None  # "the two-year compounded annual growth rate for organic sales since 2019 is 3%" (``call_measures``)
    if metric.kind == "flow" and q.kind == "money" and moved_out_after(text, q.end):
        return None  # "$60 million of revenue ... was deferred from the third quarter" (``call_measures``)
    if effect_amount(text, q.start, q.end):
        return None  # "$0.03 per share of negative variance": a driver of the change (``call_measures``)
    if metric.id.endswith("margin") and stream_margin(text, mention.start):
        return None  # "Recurring revenue gross margins were 69.8%": one revenue stream's (``call_measures``)
    if metric.id in ("net_income", "adjusted_net_income") and q.kind == "money" and mention.end <= q.start \
            and related_item(text, q.end) and re.search(r"(?i)\ban?\s+$", text[max(0, mention.start - 4):mention.start]):
        return None  # "a net loss of $2.3 million related to damage of the plant": an item (``call_measures``)
    if metric.unit == "per_share" and unit_results(text, q.start):
        return None  # "Our natural gas midstream operation results were $0.16 per share" (``call_measures``)
    if q.kind == "money" and outlook_end_moved(text, q.start):
        return None  # "We have raised the midpoint of our EBITDA range by $25 million" (``call_measures``)
    if q.kind == "money" and rate_or_hypothetical(text, q.start, q.end):
        return None  # "each $1 billion of revenue", "a run rate of $270 million" (``call_measures``)
    if _STANDALONE_WORDS.search(re.split(r"[;.]\s|\d", text[max(0, min(mention.start, q.start) - 50):q.start])[-1]) or (
            # (its figure compared too: "standalone net profit at Rs 412.6 crore ..., against Rs 307.9 crore")
            mention.end <= q.start and _STANDALONE_WORDS.search(
                re.split(r"[;.]\s|\d", text[max(0, mention.start - 50):mention.end])[-1])):
        return None  # "On a standalone basis, net profit stood at Rs 198 crore": the parent alone, not the group
    if effect_or_difference(text, q.start, q.end, mention.start, mention.end, metric.kind == "flow"):
        return None  # "a favorable impact on EBITDA of $8 million" (``call_measures``)
    if mention.start >= q.end and incremental_before(text, q.start):
        return None  # "Price drove an additional $277 million in adjusted EBITDA": one driver's contribution
    if metric.id == "cash" and q.kind == "money" and credit_available(text, q.end):
        return None  # "the $150 million remaining under the line of credit": no cash held (``call_measures``)
    if metric.id in ("total_debt", "net_debt") and facility_size(text, q.end):
        return None  # "debt outstanding on our $400 million credit line was $190.2 million": the line's size
    if metric.id in ("total_debt", "net_debt") and debt_flow(text, q.start):
        return None  # "We repaid $25 million in bank debt": a flow of the period (``call_measures``)
    if q.kind == "count" and product_number(text, q.start):
        return None  # "seven MAX 9 deliveries": a product's name (``call_measures``)
    if unit_after(text, q.end):
        return None  # "$3 million from the Fertilizer segment": a unit's (``call_measures``)
    if effect_subject(text, q.start, mention.start):
        return None  # "The estimated impact by quarter is $0.24 per share in the first quarter, $0.17 in the second"
    if mention.start >= q.end and _PART_VERB_BEFORE.search(text, max(0, q.start - 70), q.start):
        return None  # "2021 sales exclude $90 million in sales from the acquisition": a component, named after it
    if metric.unit == "money" and q.kind == "percent" and points_to_before(text, q.start):
        return None  # "Gross profit ... increased 5.9 percentage points to 9%": a margin's level, not the profit's change
    if metric.unit == "money" and q.kind == "percent" and ratio_after(text, mention.end):
        return None  # "Specialty operating earnings percentage of 10.6%": a ratio to sales, not the earnings
    if metric.unit == "money" and per_unit_after(text, mention.end, q.start):
        return None  # "fee revenue production per consultant was $1.16 million" (``call_measures``)
    if mention.end <= q.start and _BY_AFTER_METRIC.fullmatch(text, mention.end, q.start) \
            and _IMPACT_BEFORE.search(text, max(0, mention.start - 40), mention.start):
        return None  # "negatively impacted our adjusted earnings per share by approximately $0.17": an effect on it
    if _COMPONENT_VERB.search(text, max(0, mention.start - 40), mention.start) \
            and not _ADJUSTED_GAP_END.search(text, max(0, mention.start - 60), mention.start) \
            and not _LIST_INCLUDES.search(text, max(0, mention.start - 60), mention.start) \
            and not OUTLOOK_INCLUDING.search(text, max(0, mention.start - 60), mention.start):
        # "Results include a net loss of $3 million from discontinued operations": a component (not a list of
        # highlights: "A few quarterly items I'll mention include revenue of $296 million")
        return None
    if metric.id in ("net_income", "adjusted_net_income") \
            and _PRETAX_BEFORE.search(text, max(0, mention.start - 40), mention.start):
        return None  # "adjusted pre-tax title earnings of $624 million": before tax, and of one business
    if metric.id in _BASIS_SENSITIVE \
            and _BASIS_WORD_BEFORE.search(text, max(0, mention.start - 40), mention.start):
        return None  # "underlying pre-tax profit", "adjusted gross margin": a basis the vocabulary has no metric for
    if metric.id == "revenue" and (basis := _revenue_basis(text, q, mention)) is not None:
        # organic or constant-currency revenue (growth) is kept apart from revenue as reported; adjusted and pro
        # forma revenue have no metric of their own
        return vocab.get(basis) if basis in ("organic_revenue", "revenue_constant_currency") else None
    if metric.id in ("eps", "adjusted_eps") and _GENERIC_SHARE.fullmatch(mention.phrase) \
            and (ffo := vocab.get("ffo_per_share")) is not None \
            and (_ffo_clause(text, q.start) or _FFO_OF_AFTER.match(text, q.end) or ffo_named_after(text, q.end)):
        return ffo  # "NAREIT funds from operations were $0.45 per fully diluted share", "Core FFO was $1.20 per share"
    if metric.id in ("eps", "adjusted_eps") and _GENERIC_SHARE.fullmatch(mention.phrase) \
            and dividend_move_after(text, q.end):
        return vocab.get("dividend") or metric  # "a $0.16 per share annualized increase in the dividend"
    if gaap_basis_after(text, q.end) and (metric.id in ADJUSTED_OF or metric.id in ADJUSTED_OF.values()):
        # "adjusted EPS guidance to $0.90 to $1 and $0.80 to $0.90 on a GAAP basis" (``call_measures``)
        gaap = next((k for k, v in ADJUSTED_OF.items() if v == metric.id), metric.id)
        return vocab.get(gaap) or metric
    if metric.id in ADJUSTED_OF:
        # (the clause before the metric: "q1 adj. earnings per share" keeps its abbreviation's point)
        clause = re.split(r"(?<![Aa]dj)[;.]\s", text[max(0, mention.start - 90):mention.start])[-1]
        between = text[mention.end:q.start] if mention.end <= q.start else ""
        between = "" if re.search(r"\d", between) else between  # ("EPS: $1.64 adjusted vs. $1.60": not $1.60's)
        if _adjusted_clause(clause, mention.end <= q.start) or _ADJUSTED_CUE.search(mention.phrase) \
                or _ADJUSTED_CUE.search(between) \
                or _ADJUSTED_AFTER.match(text[q.end:q.end + 60]) \
                or ADJUSTED_BASIS_BEFORE.search(text, max(0, q.start - 60), q.start) \
                or (mention.end <= q.start and (_EXCLUDING_AFTER_METRIC.match(text, mention.end, q.start)
                                                or _EXCLUDING_ASIDE_AFTER_METRIC.match(text, mention.end, q.start))) \
                or (metric.id == "eps" and _OPERATING_PER_SHARE.search(text, max(0, q.start - 50), q.start)) \
                or ((lead := _EXCLUDING_LEAD.match(text)) is not None and lead.end() <= mention.start) \
                or (_WOULD_HAVE.search(between) and _WITHOUT_ITEM.search(clause)):
            # ("Without the addition, net income would have been 263.3 mln dlrs": the figure before an item)
            return vocab.get(ADJUSTED_OF[metric.id]) or metric
    return metric


# a sentence led by what its figures leave out: "Excluding stock compensation and acquisition costs, Brightwater earned
# 57 cents a share"
_EXCLUDING_LEAD = re.compile(r"(?i)^\s*(?:excluding|before|not\s+counting)\s+(?:[\w-]+\s+){0,5}?(?:items|charges|costs|"
                            r"expenses|compensation|amorti[sz]ation|gains?|write-?downs?|impairments?)\s*,")
_WOULD_HAVE = re.compile(r"(?i)\bwould\s+have\s+(?:been|totall?ed|amounted\s+to|reached|risen|fallen|come\s+to)\b")
_WITHOUT_ITEM = re.compile(r"(?i)\b(?:without|excluding|but\s+for|absent|before)\s+(?:the|these|this|that|those|such|"
                           r"its|a|an)\b")
_ADJECTIVE_CUE = re.compile(r"(?i)non-?gaap|adjusted|adj\.?|core|underlying")
_DIGIT = re.compile(r"\d")
# ("Adjusted net income was $50 million, and EPS was $0.40": the basis of the earnings goes on to their per-share
# amount)
_EARNINGS_HEAD = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,2}?(?:income|earnings|profits?|loss|eps)\b")


def _adjusted_clause(clause: str, metric_first: bool) -> bool:
    """Whether the clause before a metric says it is on an adjusted basis; an adjective of another metric whose figure
    comes before this one's is not ("Adjusted EBITDA increased 11% to nearly $1.4 billion, and diluted earnings per
    share was $11.54": GAAP EPS)."""
    last_figure = max((m.end() for m in _DIGIT.finditer(clause)), default=-1) if metric_first else -1
    return any(not (m.end() <= last_figure and _ADJECTIVE_CUE.fullmatch(m.group(0))
                    and not _EARNINGS_HEAD.match(clause, m.end()))
               for m in _ADJUSTED_CUE.finditer(clause))


_PRETAX_BEFORE = re.compile(r"(?i)\bpre-?tax\s+(?:[a-z][\w-]*\s+){0,2}$")
_FFO_BEFORE = re.compile(r"(?i)\b(?:a?ffo|funds\s+from\s+operations)\b")
# "$1.97 to $2.07 per diluted share of core FFO"
_FFO_OF_AFTER = re.compile(r"(?i)[^.;$\d]{0,30}?\b(?:share|unit)\s+of\s+(?:[\w-]+\s+){0,2}?(?:a?ffo|funds\s+from\s+operations)\b")
_GENERIC_SHARE = re.compile(r"(?i)(?:a|per)\s+(?:(?:fully\s+)?diluted\s+|basic\s+|common\s+)?(?:share|unit)")
_EARNINGS_WORD = re.compile(r"(?i)\b(?:eps|earnings|net\s+income|net\s+loss|profit)\b")


def _ffo_clause(text: str, at: int) -> bool:
    """Whether the clause before ``at`` names funds from operations, with no earnings word after it: a per-share
    amount there is FFO per share ("Core FFO was $1.20 per share")."""
    clause = re.split(r"[;.]\s", text[max(0, at - 120):at])[-1]
    ends = [m.end() for m in _FFO_BEFORE.finditer(clause)]
    return bool(ends) and not _EARNINGS_WORD.search(clause, ends[-1])


# metrics whose adjusted or underlying form the vocabulary does not have (kept unclassified)
_BASIS_SENSITIVE = {"pretax_income", "gross_profit", "gross_margin", "operating_margin", "net_margin", "free_cash_flow",
                    "operating_cash_flow", "operating_expenses", "free_cash_flow_margin", "interest_expense"}
_BASIS_WORD_BEFORE = re.compile(r"\b(?:adjusted|underlying|non-?gaap|normali[sz]ed|pro\s+forma|headline|cash)\s+"
                                r"(?:(?:group|company|net|total|full-year|annual|quarterly)\s+)?$", re.IGNORECASE)
_REVENUE_BASIS = re.compile(r"\b(?:adjusted|non-?gaap|organic|like-for-like|pro\s+forma)\s+(?:[\w-]+\s+)?$",
                            re.IGNORECASE)
_ORGANIC_AFTER = re.compile(r"[^.;\d]{0,30}?\b(?:organically|on\s+an?\s+organic\s+basis|in\s+organic\s+terms|"
                            r"(?:on\s+an?\s+)?like[\s-]for[\s-]like(?!\s+(?:sales|revenues?))(?:\s+basis)?|"
                            # "or 9% on a constant currency basis", "5% in constant currency", "at constant exchange
                            # rates", "excluding currency": growth on another basis than as reported
                            r"(?:on\s+an?\s+|in\s+|at\s+)(?:constant|local|neutral)[\s-](?:currenc(?:y|ies)|exchange\s+rates?)|"
                            r"(?:on\s+an?\s+)?(?:currency|fx)[\s-]neutral|excluding\s+(?:the\s+impact\s+of\s+)?"
                            r"(?:foreign\s+)?(?:currency|fx|exchange))\b",
                            re.IGNORECASE)
# "to 4.5-5 per cent in constant currency, from 3.75-4.5 per cent earlier": the figure compared shares the basis
_BASIS_THEN_FROM = re.compile(r"(?i)\b(?:organically|on\s+an?\s+organic\s+basis|in\s+organic\s+terms|"
                              r"(?:on\s+an?\s+|in\s+|at\s+)(?:constant|local|neutral)[\s-](?:currenc(?:y|ies)|"
                              r"exchange\s+rates?)(?:\s+terms|\s+basis)?)"
                              # ("at constant exchange rates in 2025, compared with 16% to 24% previously")
                              r"(?:\s+(?:in|for)\s+(?:fiscal\s+)?(?:(?:19|20)\d\d|the\s+(?:full\s+)?year|this\s+year))?"
                              r"\s*,?\s*(?:up\s+|down\s+)?(?:from|versus|vs\.?|"
                              r"compared\s+(?:with|to))\s+(?:an?\s+|the\s+|its\s+)?(?:earlier\s+|previous\s+|prior\s+)?"
                              r"(?:[a-z-]+\s+){0,2}?$")
# "On a constant currency basis, revenue grew 6%": the basis leads the sentence (also "On an organic basis, sales
# grew 3.8 percent", "On a like-for-like basis, ...", "Organically, ...")
_CURRENCY_LEAD = re.compile(r"(?i)^\s*(?:\w+,?\s+)?(?:(?:on\s+an?\s+|in\s+|at\s+)(?:constant|local)[\s-]"
                            r"(?:currenc(?:y|ies)|exchange\s+rates?|rates)(?:\s+basis)?|on\s+an?\s+(?:organic|"
                            r"like[\s-]for[\s-]like)\s+basis|in\s+organic\s+terms|organically)\s*,")
_ORGANIC_BEFORE = re.compile(r"\borganic(?:ally)?\s+(?:[\w-]+\s+){0,2}?(?:growth|increase|decline)\s+(?:of\s+|was\s+|"
                             r"were\s+|rate\s+of\s+)?(?:about\s+|approximately\s+|closer\s+to\s+|nearly\s+)?$",
                             re.IGNORECASE)
# "earnings of $4.32 per share on an adjusted basis", "$1.10 a share excluding items" (no other figure between)
# (not past "and": "EPS of $1.52 to $1.72, and on an adjusted basis, $3.50 to $3.70" names the next figure's basis)
_ADJUSTED_AFTER = re.compile(r"^\s*(?:adjusted|non-?gaap)\b|"  # "$1.64 adjusted vs. $1.60 expected"
                             r"^(?:(?!\band\b)[^.;\d$€£¥]){0,40}?\b(?:on\s+an?\s+(?:adjusted|non-?gaap|operating|core|underlying|ongoing)\s+"
                             # ("$0.52 on a non-GAAP adjusted earnings per share basis")
                             r"(?:[\w-]+\s+){0,4}?basis|as\s+adjusted|excluding\s+(?:special\s+|one-time\s+|certain\s+|non-recurring\s+)?"
                             r"(?:items|charges))\b", re.IGNORECASE)
# "Operating income excluding items rose 18% to 2.9 billion kronor": the basis right after the metric's name
# ("Net profit attributable to shareholders after deducting non-recurring items was": the Chinese listed companies'
# adjusted net profit, beside the one attributable to shareholders)
_EXCLUDING_AFTER_METRIC = re.compile(r"(?:\s+attributable\s+to\s+(?:the\s+)?(?:company['’]s\s+)?(?:share|stock|equity)"
                                     r"holders(?:\s+of\s+the\s+(?:company|parent))?)?"
                                     r"\s*,?\s*(?:excluding|before|ex|after\s+deducting)\s+(?:special\s+|one-time\s+|"
                                     r"one-off\s+|certain\s+|non-recurring\s+|exceptional\s+)?(?:items|charges|"
                                     r"(?<=non-recurring\s)(?:gains\s+and\s+losses|profits?\s+and\s+loss(?:es)?))\b",
                                     re.IGNORECASE)
# "Diluted earnings per share, excluding losses and gains on sales as well as losses on debt retirement, increased":
# an aside right after the metric's name that leaves items out names the adjusted measure (whatever the items are)
_EXCLUDING_ASIDE_AFTER_METRIC = re.compile(r"\s*,\s*(?:excluding|exclusive\s+of)\s+[^,;.\d$€£¥]{3,120},",
                                           re.IGNORECASE)
# "we reported third quarter operating earnings of $0.42 per share": operating earnings named as a per-share figure
# are the adjusted measure ("operating earnings of 66.2 mln dlrs, or 63 cts per share" stays net income and EPS)
_OPERATING_PER_SHARE = re.compile(r"(?i)\boperating\s+(?:earnings|income)\s+(?:of|was|were|totall?ed|came\s+in\s+at)\s+"
                                  r"(?:about\s+|approximately\s+)?$")
_EARNINGS_NOUN = re.compile(r"\b(?:earnings|profits?|income|net|loss(?:es)?|eps)\b(?!\s+of\s+tax)", re.IGNORECASE)


def _earnings_noun(text: str, q: Quantity) -> int:
    """Where the earnings noun a per-share figure restates starts ("pro forma first quarter earnings, which
    reflect ..., rose to 60 mln dlrs, or 89 cts a share"): the last one before it in its sentence part."""
    start = max(0, q.start - 240)
    clause_start = max((m.end() for m in re.finditer(r";|\.\s", text[start:q.start])), default=0) + start
    nouns = list(_EARNINGS_NOUN.finditer(text, clause_start, q.start))
    return nouns[-1].start() if nouns else q.start
