"""Which metric and measure a figure in a sentence has, and whether it is a segment's.

Split out of :mod:`claimgraph.sources.claims` (its rules 1 and 2): the metric named after the figure or the
nearest compatible one before it, per-share figures that are not EPS, segment and business-line scopes, the
"respectively" lists, and the measure (level, change, year-over-year or quarter-over-quarter change, part).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from claimgraph.sources.call_figures import (
    change_noun_after,
    earned_on_balance,
    earnings_per_share_before,
    market_share,
    prior_quarter_after,
    stated_none,
)
from claimgraph.sources.call_measures import (
    OUTLOOK_INCLUDING,
    change_after_percent,
    of_move_after,
    part_from_after,
    per_share_move_after,
    restated_after,
    spent_on,
)
from claimgraph.sources.companies import CompanyMention
from claimgraph.sources.metrics import Mention, Metric, Vocabulary
from claimgraph.sources.model import (
    Company,
    Measure,
    Quantity,
    Value,
)
from claimgraph.sources.numbers import WORD_NUMBER
from claimgraph.sources.quantities import find_quantities
from claimgraph.sources.scan import Scanner, WindowWords, any_word

# (the figure after it in words too: "net income of 212 mln dlrs on sales of four billion dlrs")
_GOVERNS_NEXT = re.compile(r"\s+(?:of|was|were|totall?ed|reached|amounted\s+to)\s+(?:about\s+|approximately\s+|"
                           rf"nearly\s+|some\s+|roughly\s+)?(?:[$€£¥]?\s?\d|(?:{WORD_NUMBER})\s+(?:mln|million|"
                           r"billion|bln|dlrs?|pct|per\s*cent|percent|cts|cents|pounds|marks|yen|francs)\b)",
                           re.IGNORECASE)


# a metric used as the adjective of news about it ("on a profit warning", "after an earnings miss")
_NEWS_NOUN_AFTER = re.compile(r"[^\S\n]+(?:warnings?|reports?|releases?|miss(?:es)?|beats?|surprises?|news|jitters|"
                              r"worries|concerns|fears|woes|hopes|downgrades?|upgrades?)\b", re.IGNORECASE)
# a metric word as the modifier of another noun ("profit transfer agreements", "a profit-sharing plan", "the sales
# force", "an earnings call"): it names no figure of its own
_MODIFIER_NOUN_AFTER = re.compile(r"[-\s]+(?:transfers?|sharing|pooling|participation|agreements?|force|representatives|"
                                  r"calls?|recognition)\b", re.IGNORECASE)
_RIGHT_GAP = re.compile(
    r"^\s*(?:(?:in|of|on|for|from|the|its|this|that|total|quarterly|annual|annualized|future|full-year|"
    r"Q[1-4]|GAAP|non-GAAP|a|an|worth\s+of|reported|record|contracted|new|year[\s-]over[\s-]year|gross|higher|lower|"
    r"year[\s-]on[\s-]year|yoy|y/y|sequential|organic)\s+){0,3}$",
    re.IGNORECASE,
)


_PART_AFTER = re.compile(r"^\s*of\s+(?:that|this|which|those|these|it|the\s+total)\b", re.IGNORECASE)


# ("a cash balance of $660 million" is the cash, not the rest of a total)
# ("$8 million, of which $7 million related to the rental fleet": a part of the figure before)
_PART_BEFORE = re.compile(r"\b(?:the\s+)?(?:remaining|rest\s+of|(?<!cash )(?<!debt )(?<!loan )(?<!deposit )balance\s+of|"
                          r"other|of\s+which(?:\s+(?:about|approximately|roughly|nearly|over))?)\s*$", re.IGNORECASE)


_YOY = re.compile(r"\b(?:year[\s-]+over[\s-]+year|year[\s-]+on[\s-]+year|(?<![\w-])on[\s-]year(?!-)|yoy|y/y|"
                  r"from\s+(?:approximately\s+)?"
                  r"a\s+year\s+(?:ago|earlier|before)|year[\s-]ago|annual(?:ly)?\s+(?:growth|increase)|"
                  r"compared\s+with\s+(?:the\s+)?(?:same|year)|than\s+a\s+year|last\s+year|a\s+year\s+earlier|"
                  r"prior[\s-]year)\b", re.IGNORECASE)


# (Yonhap: "jumped 42 percent on-year", "fell 3.1 percent on-quarter")
_QOQ = re.compile(r"\b(?:quarter[\s-]+over[\s-]+quarter|(?<![\w-])on[\s-]quarter(?!-)|q/q|qoq|sequential(?:ly)?|"
                  r"linked[\s-]+quarters?|"
                  r"from\s+the\s+(?:prior|previous|preceding|last)\s+quarter|than\s+the\s+(?:prior|previous)\s+quarter)\b",
                  re.IGNORECASE)


_CHANGE_CUE = re.compile(
    r"\b(?:grew|grow(?:s|ing|th)?|rose|rise[sn]?|rising|increase[sd]?|increasing|jump(?:ed|s)?|surg(?:ed|e|es)|"
    r"climb(?:ed|s)?|soar(?:ed|s)?|gain(?:ed|s)?|up|down|fell|fall(?:s|ing|en)?|drop(?:ped|s)?|declin(?:ed|e|es|ing)|"
    r"slipp(?:ed|ing)|eased|retreat(?:ed|ing)|rall(?:ied|ying)|advanc(?:ed|ing)|"
    r"decrease[sd]?|slid|slump(?:ed|s)?|plung(?:ed|e)|tumbl(?:ed|e)|sank|shrank|shrink|lower|higher|"
    r"doubl\w*|tripl\w*|boost(?:ed)?|expan(?:ded|sion)|contract(?:ed|ion)|dip(?:ped)?|spike[sd]?|"
    r"year[\s-]+over[\s-]+year|yoy|y/y|sequential\w*|change|swing|swung|widen(?:ed|s|ing)?|narrow(?:ed|s|ing)?|"
    r"improv(?:ed|es|ing|ements?)|reductions?|expand(?:ed|s|ing)?|compress(?:ed|es|ing)?|contract(?:ed|s|ing)?|"
    r"deteriorat\w+)\b",
    re.IGNORECASE,
)
_CHANGE_CUE_SCAN = Scanner(_CHANGE_CUE)  # (the same matches: its words in lower-cased text, led by their letters)


# (also a new clause with a subject of its own: "cash ... are $585 million ..., and we had about $74 million on our
# credit facility")
# (and what something cost the company: "profit rose as demand offset an outage that cost it about $500 million")
# (and what a plan or an event would cost: "said the closure would cost about C$45 million")
# (not a colon before an amount with its currency code: "Group sales: EUR 3.42bn (Q3 2024: EUR 3.29bn)")
_BARRIER = re.compile(r";|\bbut\b|:\s+(?![A-Z]{3}\s?\d)[A-Za-z]\S*\s+\S+\s+\S+|\bwhile\b|\bwhereas\b|\bhowever\b|"
                      r",\s+and\s+(?:we|it|they|the\s+company)\s+(?:also\s+)?(?:had|have|has|ended|hold|held)\b|"
                      r"\bcost(?:s|ing)?\s+(?:it|us|them|the\s+(?:company|group|firm|bank|airline|carrier|retailer|insurer|"
                      r"automaker|miner|lender))\b|"
                      # (a clause of its own about costs: "sales rose 5.5 pct to 10.68 billion dlrs, costs and
                      # expenses rose 12.1 pct to 9.61 billion dlrs")
                      r",\s+(?:and\s+)?(?:(?:total|its|their|the\s+company's)\s+)?(?:costs?|expenses|expenditures?|"
                      r"spending|outlays)(?:\s+and\s+(?:costs|expenses|expenditures))?\s+(?:rose|fell|increased|"
                      r"decreased|grew|declined|climbed|dropped|jumped|were|was|totalled|totaled|amounted)\b|"
                      r"\b(?:would|will|could|may|might|to)\s+cost\b",
                      re.IGNORECASE)


# one is in every match of _BARRIER
_BARRIER_WORDS = (";", ":", "but", "while", "whereas", "however", "and", "cost", "expens", "spending", "outlays")


def _barrier(window: str) -> bool:
    """Whether ``_BARRIER`` matches in ``window``; an ASCII window without one of its words is answered without
    the scan."""
    if window.isascii() and not any(map(window.lower().__contains__, _BARRIER_WORDS)):
        return False
    return _BARRIER.search(window) is not None


_SEGMENT_NOUNS = {
    "center", "centre", "cloud", "services", "service", "product", "products", "automotive", "advertising", "ad",
    "subscription", "subscriptions", "hardware", "software", "segment", "division", "unit", "business", "retail",
    "wholesale", "international", "domestic", "mobile", "gaming", "device", "devices", "energy", "platform",
    "consumer", "enterprise", "commercial", "industrial", "licensing", "license", "streaming", "search", "store",
    "games", "semiconductor", "chip", "pharma", "upstream", "downstream", "regional", "foreign", "overseas",
    "e-commerce", "ecommerce", "online", "digital", "direct-to-consumer",
    # product groups ("double its current pharmaceutical sales to 1.1 billion dlrs by 1990" in a chemicals group)
    "pharmaceutical", "pharmaceuticals", "drug", "drugs", "chemical", "chemicals", "aerospace", "defense", "defence",
}


# words before a flow metric that make it something other than the period's figure: revenue yet to be earned or
# never earned ("estimated future net revenues attributable to reserves", "forgone revenue", "deferred revenue")
_NOT_THE_PERIODS = frozenset({"forgone", "foregone", "deferred", "unearned", "unbilled"})


# kinds of revenue or loss that are one component of a company's figures, never its total or its net result:
# "net interest revenue" (a bank's), "passenger revenue", "provisions for loan losses", "a currency loss"
_REVENUE_WORDS = frozenset({"revenue", "revenues", "sales", "turnover"})
_LOSS_WORDS = frozenset({"loss", "losses"})
_COMPONENTS: dict[str, frozenset[str]] = {
    **{w: _REVENUE_WORDS for w in ("interest", "rental", "royalty", "royalties", "freight", "passenger", "cargo",
                                   "commission", "commissions", "premium", "premiums")},
    **{w: _LOSS_WORDS for w in ("loan", "loans", "credit", "currency", "exchange", "translation", "trading",
                                "investment", "investments", "hedging", "derivative", "derivatives", "inventory",
                                "insurance", "underwriting", "casualty", "catastrophe", "mortgage", "tax")},
}


_ALLOWED_MODIFIERS = {"GAAP", "IFRS", "FY", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "TTM", "LTM", "RPO", "EBITDA"}


_STRONG_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?:year[\s-]over[\s-]year|year[\s-]on[\s-]year|yoy|y/y|annual|sequential|quarterly)\s+)?"
    r"(?:jump|increase|rise|growth|gain|decline|drop|decrease|fall|surge|climb|improvement|expansion|"
    r"higher|lower|plunge|slump|advance|spike)", re.IGNORECASE)


_STRONG_CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|rose|fell|grew|jumped|surged|climbed|declined|dropped|increased|decreased|gained|lost|"
    r"soared|plunged|slid|tumbled|sank|slipped|climbing|rising|falling|growing|jumping|surging|shed)\s+"
    r"(?:by\s+)?(?:(?:about|nearly|some|roughly|around|almost|more\s+than|over|an?\s+\w+)\s+)?$",
    re.IGNORECASE)


_COMPATIBLE = {
    "money": {"money"}, "per_share": {"money"}, "percent": {"percent"}, "power": {"power"},
    "ratio": {"multiple"}, "count": {"count"},
}


_SCALED = re.compile(r"(?i)\b(?:mln|mn|bln|bn|billion|million|thousand|trillion|crore|lakh)\b|\d\s?[mMbBkKT]\b")


_PER_SHARE_AHEAD = re.compile(r"^[^.;]{0,70}?\b(?:a|per)[\s-]+(?:(?:diluted|basic|common|ordinary|fully\s+diluted)\s+){0,2}"
                              r"share\b|"
                              r"^\s*(?:a\s+)?shr\b", re.IGNORECASE)


def small_amount(q: Quantity) -> bool:
    """An amount without a scale below 1,000 ("1.04 dlrs"): a per-share figure or a price, never a company total."""
    return q.kind == "money" and abs(q.value.mid) < 1000 and not _SCALED.search(q.text)


def _compatible(metric: Metric, q: Quantity) -> str | None:
    """The measure a quantity can have for a metric, or None when units do not fit."""
    if metric.unit == "any":
        return "level" if q.kind in ("money", "percent", "count", "multiple", "points") else None
    if metric.unit == "money" and metric.kind == "flow" and small_amount(q):
        return None
    if metric.unit == "per_share" and q.kind == "money" and abs(q.value.mid) >= 10_000:
        return None  # "$9.24 billion" is not earnings per share
    if metric.unit == "money" and q.kind == "count" and q.value.unit == "count" and q.value.decimals < 0 \
            and re.search(r"(?i)\b(?:mln|mn|bln|bn|billion|million|thousand)\b", q.text):
        return "level"  # wire style: "Net 12.1 mln" (the currency is the article's, USD unless stated)
    if q.kind in _COMPATIBLE.get(metric.unit, set()) and q.change_word is None:
        return "level"
    if metric.unit == "percent" and q.kind == "points":
        return "change"
    if metric.unit != "percent" and (q.kind == "percent" or q.change_word is not None):
        return "change"
    return None


_PER_SHARE_NOUN = re.compile(
    r"\b(?:(?P<other>(?:these|those|such)\s+loss(?:es)?|distributable\s+earnings|(?:taxable|ordinary)\s+income|segment\s+(?:earnings|profits?|income)|charges?|gains?|dividends?|book\s+value|cash\s+flow|(?:tender\s+)?offers?|write-?(?:downs?|offs?)|"
    r"prices?|premium|consideration|bids?|"
    r"provisions?|payouts?|distributions?(?![\s-]+(?:revenues?|sales|business(?:es)?|segment|system|network|centers?|"
    r"costs?|expenses?|deliver(?:y|ies)|rates?|channels?|operations|utilit(?:y|ies)|compan(?:y|ies)|margins?|"
    r"volumes?|grid|infrastructure|investments?)\b)|revenues?|adjustments?|credits?|benefits?|dilution|impact|impairments?|costs?|"
    r"expenses?|items?|fees?|fines?|damages|settlements?)|"  # ("seeking fees of up to 10 cts per share")
    r"(?P<earn>earnings?|earned|earns?|income|profits?|net(?!\s+of\b)|loss(?:es)?|eps|shr))\b", re.IGNORECASE)


# (also an effect stated per share: "a total of $1 per share unfavorable impact for the full year")
_PER_SHARE_OTHER_AFTER = re.compile(r"^[\s-]*(?:(?:tender|cash|exchange|takeover|buyout|acquisition|merger|leveraged|"
                                    r"hostile|sweetened|revised|new|all-cash|friendly|unsolicited|unfavou?rable|"
                                    r"favou?rable|negative|positive|adverse|dilutive|accretive|net|annual|quarterly|special|regular|interim|"
                                    r"final|semi-annual|monthly|common|preferred|ordinary|stock)\s+){0,3}"
                                    r"(?:offer|bid|dividend|payout|distribution|in\s+cash|cash\b|impacts?|headwinds?|"
                                    r"tailwinds?|benefits?|hit|drag|dilution|effects?|charges?|gains?)\b",
                                    re.IGNORECASE)


# a component an earnings figure includes or excludes: "excludes extraordinary loss of 66 mln dlrs or 1.94 dlrs shr"
_BASIS_BEFORE = re.compile(r"\b(?:excluding|before|ex|less|minus|adjusted\s+for|net\s+of)\s+(?:[\w-]+\s+){0,3}$",
                           re.IGNORECASE)  # ("Earnings, adjusted for non-recurring costs, came to 95 cents")


_COMPONENT_VERB = re.compile(r"\b(?:includ|exclud|reflect)(?:es|ed|e|ing|s)?\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


_PRICED_AT = re.compile(r"\b(?:valu(?:ing|ed|es)|pric(?:ing|ed|es)|offer(?:ing|ed|s)?|bid(?:ding|s)?|"
                        r"worth)\b(?:\s+[\w&'’.-]+){0,3}?\s+(?:at|of|for)\s+(?:about\s+|approximately\s+)?$|"
                        r"\b(?:price|premium)\s+of\s+(?:about\s+|approximately\s+)?$|"
                        # shares bought, sold or redeemed at a price: "seeking to buy all of its outstanding shares
                        # for 13.50 dlrs a share", "will redeem its class A shares at six dlrs a share"
                        r"\b(?:buy|bought|buying|acquir\w*|purchas\w*|sell|sold|selling|redeem\w*|repurchas\w*|"
                        r"tender\w*|exchang\w*|convert\w*|pay|paid|paying|issu\w*|plac\w*)\b"
                        r"(?:\s+[\w&'’.-]+(?:,\d{3})*){0,12}?\s+(?:shares?|stock|units|preferred|common|warrants)"
                        r"(?:\s+[\w&'’.-]+){0,12}?\s+(?:at|for)\s+(?:about\s+|approximately\s+|up\s+to\s+)?$|"
                        # "GenCorp stock closed yesterday in composite tape trading at 90.50 dlrs a share": a price
                        r"\b(?:clos(?:ed|ing)|trad(?:ed|ing)|opened|quoted|stood|changed\s+hands)\b"
                        r"(?:\s+[\w&'’.-]+){0,6}?\s+at\s+(?:about\s+|around\s+)?$|"
                        # "offered to pay 71 dlrs per share", "bought ... at prices ranging from 13.75 to 16.25 dlrs"
                        r"\b(?:to\s+pay|will\s+pay|would\s+pay|paying|paid)\s+(?:about\s+|approximately\s+|up\s+to\s+)?$|"
                        r"\bat\s+(?:an?\s+)?(?:average\s+)?prices?\s+(?:of\s+|ranging\s+(?:from\s+)?|between\s+)?"
                        r"(?:about\s+|approximately\s+)?$|"
                        # a company bought at a price a share: "agreed to acquire Beta Valve Inc, a maker of
                        # industrial valves ..., for 30 dlrs a share"
                        r"\b(?:acquir\w*|buy|buying|bought|purchas\w*|take\s+over|merge\w*)\b[^.;]{0,120}?,?\s+"
                        r"(?:for|at)\s+(?:about\s+|approximately\s+|up\s+to\s+)?$",
                        re.IGNORECASE)


# a per-share amount naming a class of shares ("its 75-cent class A shares", "2.25 dlr cumulative preferred"): the
# dividend rate of the class, not earnings
_SHARE_CLASS_AFTER = re.compile(
    r"[\s-]*(?:(?:a[\s-]share|per[\s-]share)[\s-]+)?(?:(?:cumulative|convertible|redeemable|retractable|exchangeable|"
    r"voting|non-voting|participating|first|second|senior|junior|class\s+[A-Z]\b|series\s+[A-Z0-9]+\b)[\s,]+)*"
    r"(?:preferred|preference|common)\b|[\s-]*class\s+[A-Z]\s+(?:shares|stock)\b", re.IGNORECASE)


def per_share_other(text: str, q: Quantity, ahead_end: int) -> str | None:
    """What a per-share amount is when it is not earnings: "dividend" or "other" ("a charge of 11 mln dlrs or nine
    cts a share", "gain 5.68 dlrs a share", "a 100 dlr a share tender offer", "book value of $45 per share"); None
    when the nearest noun before it is an earnings word, or there is none.

    >>> from claimgraph.sources.quantities import find_quantities
    >>> s = "Net includes a charge of 11 mln dlrs or nine cts a share."
    >>> q = [x for x in find_quantities(s) if x.text.startswith("nine")][0]
    >>> per_share_other(s, q, s.index(" a share") + 8)
    'other'
    """
    after = _PER_SHARE_OTHER_AFTER.match(text[ahead_end:])
    if _SHARE_CLASS_AFTER.match(text, q.end):
        return "other"
    if _EFFECT_VERB_BEFORE.search(text, max(0, q.start - 30), q.start) and _TO_EARNINGS.match(text, ahead_end):
        return "other"  # "expects the deal to add about 10 cents a share to adjusted earnings": an effect, not EPS
    if after:
        return "dividend" if "div" in after.group(0).lower() else "other"
    before = re.split(r";|\.\s", text[max(0, q.start - 80):q.start])[-1]
    if _PRICED_AT.search(re.split(r";|\.\s", text[max(0, q.start - 160):q.start])[-1]):
        return "other"  # "valuing Hess at $171 per share", "an offer price of", "priced at": a price, not earnings
    nouns = [n for n in _PER_SHARE_NOUN.finditer(before)
             if n.group("other") is None or not _BASIS_BEFORE.search(before, 0, n.start())]
    if nouns and nouns[-1].group("other") is None and _COMPONENT_VERB.search(before, 0, nouns[-1].start()):
        return "other"  # "1986 earnings exclude loss from discontinued operations of 319,055 dlrs, or 16 cts a share"
    if not nouns and _DEAL_WORDS.search(text, max(0, q.start - 200), min(len(text), ahead_end + 60)) \
            and not _EARNINGS_WORDS.search(text, max(0, q.start - 200), min(len(text), ahead_end + 40)):
        # "a sale of the company for more than 32 dlrs a share", "could fetch more than 110 to 120 dlrs per share",
        # "each right entitles holders to purchase ... at 75 dlrs per unit", "a 35 dlr-a-share, 265 mln-dlr
        # offer", "a 40 dlrs a share would just open the bidding": a price, with no earnings word around
        return "other"
    if not nouns or nouns[-1].group("other") is None:
        return None
    last = nouns[-1]
    # ("increased our quarterly dividend payout from $0.25 per share": a dividend; "a monthly income distribution of
    # 5.7 cts a share": a trust's or partnership's payout, its dividend)
    if last.group(0).lower().startswith("distribution") and _RETURN_OF_CAPITAL.search(text, max(0, q.start - 120),
                                                                                       min(len(text), q.end + 80)):
        return "other"  # ("a cash distribution of 25 dlrs per share via a one-time special cash dividend" in a
        # recapitalization: capital returned, not a dividend of the period)
    return "dividend" if last.group(0).lower().startswith(("dividend", "distribution")) or "dividend" in \
        before[max(0, last.start() - 12):last.start()].lower() else "other"


_EFFECT_VERB_BEFORE = re.compile(r"(?i)\b(?:add|adds|added|adding|boost|boosts|boosted|lift|lifts|lifted|reduce|reduces|"
                                 r"reduced|cut|cuts|dilute|dilutes|diluted|hurt|hurts|shave|shaved|trim|trimmed|"
                                 r"contribute|contributed)\s+(?:about|approximately|roughly|some|nearly|up\s+to|"
                                 r"around|an\s+estimated)?\s*$")
_TO_EARNINGS = re.compile(r"(?i)\s*(?:to|from|off)\s+(?:its\s+|their\s+|the\s+company['’]s\s+)?(?:adjusted\s+|gaap\s+|"
                          r"full-year\s+|annual\s+)?(?:earnings|eps|profits?)\b")
_RETURN_OF_CAPITAL = re.compile(r"(?i)\b(?:special|one-time|recapitali[sz]\w*|liquidat\w*|return\s+of\s+capital)\b")


_EARNED_BEFORE = re.compile(r"\b(earned|netted|lost)\s+(?:a\s+(?:record\s+)?|about\s+|nearly\s+|some\s+|"
                            r"approximately\s+)?$", re.IGNORECASE)
_EARNED_BEFORE_WORDS = WindowWords(_EARNED_BEFORE)  # (searched where its words are)


_VERB_MENTION = re.compile(r"(?i)earned|netted|lost")
# a loss noun right after an amount ("36-cent loss"), not a loss of something else per unit ("loss per barrel")
_LOSS_NOUN_AFTER = re.compile(r"(?i)[\s-]*(?:a[\s-]share[\s-]+|per[\s-]share[\s-]+)?loss\b(?!\s+(?:per|a)\s+(?!share))")


_EARNED_FROM = re.compile(r"\s+(?:in|from|on)\s+(?!the\s+(?:quarter|year|period|first|second|third|fourth)|(?:19|20)\d\d|"
                          r"(?:revenues?|sales|turnover)\b|"  # ("earned $151 million on revenue of $2.2 billion")
                          r"fiscal|first|second|third|fourth|q[1-4]\b)[a-z]", re.IGNORECASE)


# ("$0.96 per share, compared with a net loss of $3.2 million": the loss is the earlier period's, not this figure's)
_COMPARED_IN = re.compile(r"(?i)\b(?:compared|versus|vs\.?|against|from)\b")


def _pick_metric(text: str, q: Quantity, mentions: list[Mention], vocab: Vocabulary, reach: int | None = None,
                 ) -> tuple[Mention | None, str | None]:
    if "-" in text[q.end:q.end + 4] and restated_after(text, q.end):
        return None, None  # "$90 million -- approximately $90 million in sales": said again (``call_measures``)
    if (on_metric := _change_of_then_metric(text, q, mentions, vocab)) is not None:
        return on_metric, "change"  # "an increase of $0.030 per share, or 9.8%, on its quarterly cash dividend"
    ahead = _PER_SHARE_AHEAD.match(text[q.end:]) if small_amount(q) else None
    if ahead and (other := per_share_other(text, q, q.end + ahead.end())) is not None:
        # a per-share charge, gain, offer price or book value is not earnings per share
        if other == "dividend" and vocab.get("dividend") is not None:
            return Mention(q.start, q.end, "dividend", 1, "dividend"), "level"
        return None, None
    earned = _EARNED_BEFORE_WORDS.search(text, max(0, q.start - 30), q.start) if q.kind == "money" and not ahead else None
    if earned is not None and not small_amount(q) and not _EARNED_FROM.match(text, q.end) \
            and vocab.get("net_income") is not None:
        # "Heinz earned 74.7 mln dlrs": the verb names net income (a loss when it "lost")
        return Mention(earned.start(), earned.end(), "net_income", -1 if earned.group(1).lower() == "lost" else 1,
                       earned.group(1)), "level"
    if ahead:
        # "rose to 1.04 dlrs from 83 cts a share", "earnings of $4.10 per share": a per-share figure ("lost 31
        # cents a share": a loss)
        loss = re.search(r"\bloss(?:es)?\b[^$\d]{0,40}$", text[max(0, q.start - 60):q.start], re.IGNORECASE) or \
            ((after := re.match(r"^[^.;$\d]{0,60}?\bshare\b[^.;$\d]{0,30}?\bloss\b", text[q.end:], re.IGNORECASE))
             and not _COMPARED_IN.search(after.group(0))) or \
            _LOSS_NOUN_AFTER.match(text, q.end) or (
                (verb := _EARNED_BEFORE_WORDS.search(text, max(0, q.start - 30), q.start)) is not None
                and verb.group(1).lower() == "lost")
        return Mention(q.start, q.end, "eps", -1 if loss else 1, "per share"), "level"
    if q.kind == "money" and abs(q.value.mid) < 20 and not _SCALED.search(q.text) \
            and _LOSS_NOUN_AFTER.match(text, q.end) and vocab.get("eps") is not None:
        # "the 36-cent loss analysts had expected", "a $1.12 loss": a per-share amount naming a loss is a loss per share
        return Mention(q.start, q.end, "eps", -1, "per share"), "level"
    if q.kind == "money" and abs(q.value.mid) < 20 and not _SCALED.search(q.text) \
            and (eps := earnings_per_share_before(text, q.start)) is not None and vocab.get(eps.lstrip("-")) is not None:
        # "Adjusted earnings, which excludes ..., was a loss of $0.88": per share (``call_figures``)
        return Mention(q.start, q.end, eps.lstrip("-"), -1 if eps[0] == "-" else 1, "earnings"), "level"
    if _SENSITIVITY_WORDS.search(text, max(0, q.start - 120), q.start):
        # "every 1/16 point over LIBOR meant an additional 5.1 mln dlrs in annual interest payments", "each one-cent
        # move in the dollar changes operating profit by $20 million": what a change would do, no figure reported
        return None, None
    if q.kind == "money" and (_TO_HOLDERS.match(text, q.end)
                              or _RETURNED_BEFORE.search(text, max(0, q.start - 40), q.start)):
        return None, None  # "to return almost $790 million to our shareholders": a return of capital, no metric
    if "respectively" in text and (paired := _respective_metric(text, q, mentions, vocab)) is not None:
        return _pick_metric_near(text, q, [paired], vocab)
    if q.kind == "percent" and _RATE_TERMS_WORDS.search(text, max(0, q.start - 120), q.start) \
            and not _RATE_EXPENSE.search(text, max(0, q.start - 120), q.start):
        # "Interest will be at 1-1/8 pct during the grace period after which the margin will rise to 1-1/4 pct": a
        # loan's rate, not a change of the interest expense
        return None, None
    if q.kind == "percent" and _RATIO_OF.search(text, max(0, q.start - 100), q.start):
        # "Annuity net earnings as a percent of Annuity core operating earnings improved to 110%": a ratio
        return None, None
    if q.kind == "money" and vocab.get("market_cap") is not None and not small_amount(q) and (
            (valued := _COMPANY_VALUED.search(text, max(0, q.start - 60), q.start)) is not None or (
                (valued := _VALUING_AT.search(text, max(0, q.start - 50), q.start)) is not None
                and _SHARES_MOVED.search(text, 0, valued.start()) and not _DEAL_TERMS.search(text))):
        # ("Barclays shares were up 5.1% at 203.6 pence, valuing the lender at about 30 billion pounds")
        # "The company is now valued at about $1.26 trillion": its market value (not "a deal valued at")
        return Mention(valued.start(), valued.end(), "market_cap", 1, "valued at"), "level"
    if q.kind == "money" and (moved := _VALUE_MOVED_AFTER.match(text, q.end)) is not None \
            and vocab.get("market_cap") is not None:
        # "shares jumped 8%, adding about $90 billion to its market value": the market value named after the
        # figure, not the shares named before it
        return Mention(moved.start(), moved.end(), "market_cap", 1, "market value"), "level"
    if q.kind == "money" and _ADJECTIVAL_AMOUNT.search(q.text) \
            and (noun := _ADJECTIVE_NOUN.match(text, q.end)) is not None \
            and not any(m.start == noun.start(1) for m in mentions) and not _CHANGE_NOUN.fullmatch(noun.group(1)):
        # "the proposed 125 mln dlr sulphuric acid plant", "a 50 mln dlr loan": an amount written as an adjective
        # names the noun after it, not a metric named before
        return None, None
    if ", " in text[:q.start]:
        mentions = _outside_appositives(text, q, mentions)
    picked, how = _pick_metric_near(text, q, mentions, vocab, reach)
    if picked is not None and picked.metric == "net_income" and picked.sign < 0 \
            and (_DEAL_RESULTS_IN.search(text, max(0, picked.start - 70), picked.start)
                 or _ON_THE_DEAL.match(text, q.end)):
        # "the sale will result in a loss of 1.5 mln dlrs", "a loss of $12 million on the sale of its unit": the
        # deal's own gain or loss, not the company's net income
        return None, None
    if picked is not None and how == "change" and q.kind == "percent" and picked.metric in _MARGIN_OF_PROFIT \
            and vocab.get(_MARGIN_OF_PROFIT[picked.metric]) is not None \
            and _OR_RATIO_BEFORE.search(text, max(0, q.start - 50), q.start) \
            and not _CHANGE_OR_BEFORE.search(text, max(0, q.start - 90), q.start):
        # "Adjusted EBITDA for the quarter was $54 million or 12.7%": the profit as a share of sales, its margin
        # (not "increased $14 million, or 22%": a change stated twice)
        return Mention(q.start, q.end, _MARGIN_OF_PROFIT[picked.metric], 1, f"{picked.phrase} margin"), "level"
    return picked, how


# a description set off by commas after a noun: "net interest income, the difference between what a bank earns on loans
# and pays out on deposits, rose 9%"
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|which|that|or|i\.e\.,?)\s[^,;()\d]{3,160}?,\s")


def _outside_appositives(text: str, q: Quantity, mentions: list[Mention]) -> list[Mention]:
    """The mentions before the figure, those inside a description of the metric named right before it read as that
    metric (the loans and deposits in "net interest income, the difference between what a bank earns on loans and pays out on
    deposits, rose 9% to $1.46 billion" name no metric of the figure)."""
    out = mentions
    for m in _APPOSITIVE.finditer(text, 0, q.start):
        head = next((x for x in out if 0 <= m.start() - x.end <= 2), None)
        if head is not None:  # (they stand for the head: its reach to the figure is kept)
            out = [dataclasses.replace(x, metric=head.metric, sign=head.sign, phrase=head.phrase)
                   if m.start() < x.start < m.end() else x for x in out]
    return out


_COMPANY_VALUED = re.compile(r"(?:^|[.;]\s*)(?:The|the)\s+(?:company|group|firm|chipmaker|carmaker|automaker|retailer|"
                             r"bank|insurer|lender|miner|startup|[a-z]+maker)\s+(?:is|was)\s+(?:now\s+|currently\s+)?"
                             r"valued\s+at\s+(?:about|around|roughly|nearly|some|more\s+than|over|almost)?\s*$|"
                             r"^It\s+(?:is|was)\s+(?:now\s+|currently\s+)?valued\s+at\s+(?:about|around|roughly|nearly|"
                             r"some|more\s+than|over|almost)?\s*$")
_VALUING_AT = re.compile(r"(?i)\bvaluing\s+(?:the\s+[a-z-]+|it|them)\s+at\s+(?:about|around|roughly|nearly|some|"
                         r"more\s+than|over|almost)?\s*$")
_SHARES_MOVED = re.compile(r"(?i)\b(?:shares|stock)\b[^.;]{0,60}?\b(?:up|down|rose|fell|gained|jumped|climbed|dropped|"
                           r"slipped|surged|tumbled|closed|ended|traded)\b")
_DEAL_TERMS = re.compile(r"(?i)\b(?:offer|bid|deal|acquisition|acquire|buy|takeover|merger|tender|purchase)\b")
_RATE_TERMS = re.compile(r"(?i)\binterest\s+(?:will\s+be|is|was|would\s+be)\s+(?:set\s+)?at\b|\b(?:coupon|yield|"
                         r"spread)\s+of\b|\b(?:over|above|below|under)\s+(?:the\s+)?(?:libor|sofr|euribor|prime)\b")
_RATE_TERMS_WORDS = WindowWords(_RATE_TERMS)  # (searched where its words are)
_RATE_EXPENSE = re.compile(r"(?i)\binterest\s+(?:expenses?|costs?|payments?)\b")
_RATIO_OF = re.compile(r"(?i)\bas\s+an?\s+(?:percent(?:age)?|share|proportion|ratio)\s+of\b[^.;%]{0,80}$")
_ADJECTIVAL_AMOUNT = re.compile(r"(?i)(?:\bdlr|[\s-](?:dollar|franc|mark|guilder|crown|peseta|rupee|pound))$")
_ADJECTIVE_NOUN = re.compile(r"[ \t]+([A-Za-z][\w-]*)")  # (the noun an adjectival amount names)
# ("a two billion dlr increase in total assets": the change of the noun after it, read elsewhere)
_CHANGE_NOUN = re.compile(r"(?i)increase|decrease|rise|drop|decline|fall|gain|reduction|cut|jump|improvement|"
                          r"shortfall|loss|profit|deficit|surplus")
_DEAL_RESULTS_IN = re.compile(r"(?i)\b(?:sale|sales\s+of\s+(?:the|its)\b[^.;]{0,30}|divestiture|disposal|transaction|"
                             r"deal|closing|closure)\s+(?:will|would|is\s+expected\s+to|could|should)\s+"
                             r"(?:result\s+in|produce|generate|mean|cause|lead\s+to|give\s+rise\s+to)\s+"
                             r"(?:an?\s+)?(?:\w+\s+)?$")
_ON_THE_DEAL = re.compile(r"(?i)\s+(?:on|from)\s+(?:the\s+)?(?:sale|disposal|divestiture|sell-off)\b")


# a profit's margin, named by its percentage right after the amount ("$54 million or 12.7%")
_MARGIN_OF_PROFIT = {"adjusted_ebitda": "adjusted_ebitda_margin", "operating_income": "operating_margin",
                     "adjusted_operating_income": "adjusted_operating_margin", "gross_profit": "gross_margin",
                     "free_cash_flow": "free_cash_flow_margin"}
_OR_RATIO_BEFORE = re.compile(r"(?i)[$€£]\s?\d[\d.,]*\s*(?:million|billion|mln|bln|bn|m|b)\b\s*,?\s+or\s+"
                              r"(?:about\s+|approximately\s+|roughly\s+|nearly\s+)?$")
_CHANGE_OR_BEFORE = re.compile(r"(?i)\b(?:up|down|rose|fell|grew|increased|decreased|declined|improved|jumped|dropped|"
                               r"higher|lower|increase|decrease|decline|growth|gain|drop|rise|by|change)\s+"
                               r"(?:in\s+(?:[\w-]+\s+){1,4}?)?(?:of\s+|by\s+)?(?:about\s+|approximately\s+|roughly\s+|nearly\s+)?[$€£]\s?\d[\d.,]*\s*"
                               r"(?:million|billion|mln|bln|bn|m|b)?\s*,?\s+or\s+(?:about\s+|approximately\s+|roughly\s+|"
                               r"nearly\s+)?$")


_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")


_TO_HOLDERS = re.compile(r"(?i)\s*(?:\w+\s+)?(?:to|with)\s+(?:our\s+|its\s+|the\s+|their\s+)?(?:common\s+)?"
                         r"(?:share|stock)(?:holders|owners)\b")


_RETURNED_BEFORE = re.compile(r"(?i)\breturn(?:ed|ing|s)?\s+(?:(?:a\s+)?(?:total\s+of\s+)?|(?:about|almost|over|nearly|"
                              r"approximately|roughly|more\s+than|some)\s+)*$")


_RESPECTIVELY = re.compile(r"(?i)[\s,]*respectively\b")


_RESPECTIVELY_AFTER = re.compile(r"(?i)(?:[^.;]|\.(?=\d)){0,60}?[\s,]respectively\b")


_LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


_SHARED_HEAD = re.compile(r"(?i)\b([a-z][\w-]*)\s+and\s+$")


def _respective_metric(text: str, q: Quantity, mentions: list[Mention], vocab: Vocabulary) -> Mention | None:
    """The metric a figure of a list is for when the sentence says "respectively": "Operating cash flow and free
    cash flow were $411 million and $307 million, respectively", "operating and free cash flow of $411 million and
    $307 million, respectively" (two metrics sharing their head noun): the n-th figure is the n-th metric's."""
    after = _RESPECTIVELY.match(text, q.end)
    if after is None:
        tail = _RESPECTIVELY_AFTER.match(text, q.end)
        if tail is None:
            return None
        end = tail.end() - len("respectively")
    else:
        end = after.start()
    before = [m for m in mentions if m.end <= q.start]
    if not before:
        return None
    run = [before[-1]]
    for m in reversed(before[:-1]):
        if m.end <= run[0].start and _LIST_JOIN.fullmatch(text, m.end, run[0].start):
            run.insert(0, m)
        elif m.end > run[0].start:
            continue  # (a shorter mention inside the one kept)
        else:
            break
    if len(run) == 1 and (shared := _SHARED_HEAD.search(text, max(0, run[0].start - 30), run[0].start)) is not None:
        # "operating and free cash flow": the modifier before "and" with the head noun of the metric after it
        words = run[0].phrase.split()
        for k in range(1, len(words)):
            phrase = f"{shared.group(1)} {' '.join(words[k:])}"
            found = [m for m in vocab.mentions(phrase) if m.start == 0 and m.end == len(phrase)]
            if found:
                # (its span is the written metric's: the one the figures follow)
                run.insert(0, Mention(run[0].start, run[0].end, found[0].metric, found[0].sign, phrase))
                break
    if len(run) < 2 or len({m.metric for m in run}) < len(run):
        return None
    numbers = [n for n in _NUMBER.finditer(text, run[-1].end, end)]
    if not numbers or len(numbers) % len(run):
        return None  # ("of $102.7 million and $71.8 million, declined 26% and 29%, respectively": two groups)
    index = next((i for i, n in enumerate(numbers) if q.start <= n.start() < q.end), None)
    if index is None:
        return None
    # (at the place of the metric the figures follow, so that the figure is read as that metric's)
    return dataclasses.replace(run[index % len(run)], start=run[-1].start, end=run[-1].end)


# A metric word that only modifies the noun after it names another quantity: "revenue synergies", "debt
# securities", "operating expense savings", "sales volumes", "revenue per available room"
# "a 13 pct interest in Shearson", "its controlling interest": a stake, not interest paid
_STAKE = re.compile(r"(?:\b(?:pct|percent|per\s+cent|stake|controlling|minority|majority|equity|ownership|"
                    r"working|economic|voting|beneficial|remaining|partnership|half)|%)\s*\||\|\s+in\s+(?![\d$]|the\s+"
                    r"(?:first|second|third|fourth|quarter|year|period|half|month|week)|(?:19|20)\d\d|q[1-4]\b|fiscal|"
                    r"(?:first|second|third|fourth)[\s-])", re.IGNORECASE)


_DEAL_WORDS = re.compile(r"(?i)\b(?:offer\w*|bid\w*|tender\w*|sale|sell\w*|sold|buy\w*|bought|acqui\w+|purchas\w*|"
                         r"merger|takeover|buyout|fetch\w*|worth|valu\w+|bring|pay\w*|paid|rights?|warrants?|"
                         r"exercis\w+|conver\w+|break-?up|stake|shareholders?|holders?|exchange|redeem\w*|price[ds]?)\b")


_EARNINGS_WORDS = re.compile(r"(?i)\b(?:earn\w*|profits?|net(?!\s+price)|income|loss\w*|eps|shr|results?|quarter\w*|"
                             r"fiscal|year|dividends?|payout)\b")


_SCALE_WORD = re.compile(r"(?i)\b(?:mln|million|mn|billion|bln|bn|trillion|crore|lakh)\b|\d(?:m|bn|b)\b")


_COMPOUND_HEAD = re.compile(
    r"[\s-]+(?:synerg(?:y|ies)|savings|securities|solutions|volumes?|tonnage|tax(?:es)?|statements?|recognition|"
    r"streams?|opportunit(?:y|ies)|offerings?|issuances?|financing|facilit(?:y|ies)|covenants?|force|teams?|"
    r"staff|reps|representatives|calls?|releases?|season|multiples?|yields?|buy-?backs?|repurchases?|splits?|"
    r"options|awards|counts?|capital|classes|reserves?|allowances?|provisions?|carry-?forwards?|ratios?|"
    r"agreements?|contracts?|deals?|offices?|prices?|outlets?|networks?|"  # ("the sales agreement contains an option")
    r"per\s+(?:available|employee|user|square|unit|customer|subscriber|store|room|member|vehicle))\b", re.IGNORECASE)


# a loss of one kind, not the net loss: "credit losses", "gross financial losses", "an impairment loss",
# "hedging losses"; "a credit loss reserve" (a reserve, see _COMPOUND_HEAD)
_SPECIFIC_LOSS = re.compile(
    r"(?i)\b(?:credit|financial|impairment|hedg\w*|currency|translation|exchange|fx|investment|trading|catastrophe|"
    r"cat|loan|derivative|actuarial|storm|weather|hurricane|casualty|underwriting|insured|claims?|realized|"
    r"unrealized|mark-to-market|extinguishment|goodwill|inventory|debt|fraud|pension|settlement|lease|"
    r"reinsurance|valuation|translation|write-?down)(?:[\s-]+related)?\s+loss(?:es)?$")


# "cut her price target on the stock to $30": the stock is what the target is for, the figure is the target
_TARGET_ON = re.compile(r"(?i)\b(?:target|objective|rating)\s+(?:on|for)\s+(?:the\s+|its\s+|[A-Z][\w.&-]*['’]s\s+)?$")


# "increased 19% in local currency to $36.8 million": a basis of comparison, not a measure of its own
_BASIS_PHRASE = re.compile(r"\b(?:local|constant|neutral)\s+(?:currency|currencies|exchange\s+rates?)$", re.IGNORECASE)


_ATTACHED_SHARE = re.compile(r"(?i)(?:a|per)\s+share")


def _priced_share(text: str, at: int) -> bool:
    """Whether the per-share amount ending just before ``at`` (the "a share"/"per share" after it) is a price, an
    offer, a charge or a dividend rather than earnings (``per_share_other``)."""
    start = max(0, at - 40)
    amounts = [q for q in find_quantities(text[start:at]) if start + q.end >= at - 1 and small_amount(q)]
    if not amounts:
        return False
    q = dataclasses.replace(amounts[-1], start=start + amounts[-1].start, end=start + amounts[-1].end)
    ahead = _PER_SHARE_AHEAD.match(text[q.end:])
    return ahead is not None and per_share_other(text, q, q.end + ahead.end()) is not None


_DEFINED_AS = re.compile(r"(?i)\b(?:defined|calculated|measured)\s+as\b")
_PRICE_BEFORE = re.compile(r"(?i)\bprices?\s+$")
# the end of a figure ("19 cts", "19p", "1.05 euros"): a "per share" right after it is that figure's unit
_AFTER_FIGURE = re.compile(r"(?i)(?:\d|\dp|\bcts?|\bcents?|\bdlrs?|\bdollars?|\bpence|\beuros?|\byen|\bpounds?|"
                           r"\brupees?|\byuan|\bkron(?:or|a|er)|\bfrancs?|\brand)\s*$")


# "a 17 pct increase in marketing expenses": the noun after "increase in" is what changed
_CHANGE_IN = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:increase|rise|decline|drop|decrease|fall|gain|growth|jump|reduction|improvement|"
    r"cut|surge|climb|slump|plunge|slide|tumble|dip|leap)s?\s+in\s+(?:the\s+|its\s+|their\s+|our\s+|his\s+|her\s+)?+"
    r"(?!(?:first|second|third|fourth|1st|2nd|3rd|4th|latest|last|same|current|past|prior|previous|quarters?|"
    r"years?|half|period|months?|weeks?|fiscal|calendar|q[1-4]|h[12]|\d\w*|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)(?=[a-z])",
    re.IGNORECASE)


# what every match of _CHANGE_IN and _CHANGE_IN_PERIOD holds: a change noun and "in" between spaces
_CHANGE_NOUNS = ("increase", "rise", "decline", "drop", "decrease", "fall", "gain", "growth", "jump", "reduction",
                 "improvement", "cut", "surge", "climb", "slump", "plunge", "slide", "tumble", "dip", "leap")


_SPACED_IN = re.compile(r"\s[iI][nN]\s")


_change_in_memo: list[object] = [None, True]  # the last sentence and its answer (one test per sentence)


def _change_in_possible(text: str) -> bool:
    """Whether _CHANGE_IN or _CHANGE_IN_PERIOD can match in the sentence ``text`` (a pre-check; case-blind matches
    of ASCII words are known from the lower-cased text only when the text is ASCII)."""
    if _change_in_memo[0] is not text:
        possible = not text.isascii() or (any_word(text.lower(), _CHANGE_NOUNS) and _SPACED_IN.search(text) is not None)
        _change_in_memo[0], _change_in_memo[1] = text, possible
    return bool(_change_in_memo[1])


# words that say a metric is the whole company's, between "increase in" and the metric
_WHOLE_COMPANY = re.compile(r"(?:(?:consolidated|total|overall|company-?wide|group|reported)\s+)+", re.IGNORECASE)


# "representing 27% of revenue and 8% of segment profit": a share of what follows "of", never the metric before
_SENSITIVITY = re.compile(r"(?i)\b(?:every|each)\s+(?:[\w/.$%-]+\s+){0,3}?(?:points?|percentage\s+points?|pct|per\s?cent|"
                          r"percent|cents?|dollars?|basis\s+points?|bps|move|change|increase|decrease|rise|fall)\b"
                          r"[^.;]{0,80}?\b(?:means?|meant|adds?|added|would\s+add|cuts?|reduces?|changes?|"
                          r"affects?|impacts?|translates?)\b[^.;]*$")
_SENSITIVITY_WORDS = WindowWords(_SENSITIVITY)  # (searched where its words are)
_MORE_OF_NOUN = re.compile(r"\s+(?:fewer|more|less)\s+(?!than\b)[a-z]", re.IGNORECASE)
_SHARE_OF = re.compile(r"\s*of\s+(?!(?:which|that|this|those|these|it|them|the\s+(?:year|quarter|period|total)|"
                       r"(?:19|20)\d\d|fiscal|first|second|third|fourth|q[1-4])\b)[a-z]", re.IGNORECASE)


# "revenue up 57% including Aerie up 158% and AE up 20%": a figure with a subject of its own after the metric's
_OWN_SUBJECT = re.compile(
    r"(?:\bincluding|\bled\s+by|\bwith|\band|,)\s+(?P<np>(?!(?:was|were|is|are|it|its|they|revenue|sales|and|the|"
    r"then|also|which|that)\b)[\w&'’.-]+(?:\s+[\w&'’.-]+){0,2}?)\s+(?:was\s+|were\s+)?(?:up|down|rose|fell|grew|"
    r"increased|decreased|declined|jumped|gained)\s+(?:by\s+)?(?:about\s+|nearly\s+|approximately\s+|some\s+)?$",
    re.IGNORECASE)


_OWN_VERBS = ("up", "down", "rose", "fell", "grew", "increased", "decreased", "declined", "jumped", "gained")


# a part of the company as the subject of an absolute or relative clause of its own, whose figure it is: "with
# casualty posting 11% top line growth", "while property and surety were up 8% and 1% respectively", "with the
# Americas contributing $300 million", "led by aerospace, which grew 14%" (the figures of a list after the verb too)
_PART_VERB = (r"(?:posting|growing|declining|increasing|decreasing|rising|falling|contributing|delivering|generating|"
              r"reporting|seeing|(?:(?:was|were)\s+)?(?:up|down)|grew|rose|fell|declined|increased|decreased|posted|"
              r"contributed|delivered|generated)")
_FIGURE_LIST = (r"(?:[$€£]?\d[\d.,]*\s*(?:%|percent|per\s*cent|basis\s+points|bps|million|billion)?\s*"
                r"(?:,\s*(?:and\s+)?|\s+and\s+))*")
_HEDGE = r"(?:(?:by|of|about|nearly|approximately|roughly|some|over|more\s+than|almost|around)\s+)*"
_PART_VERB_WORDS = ("posting", "growing", "declin", "increas", "decreas", "rising", "falling", "contribut", "deliver",
                    "generat", "reporting", "seeing", "up", "down", "grew", "rose", "fell", "posted")
_PARTICIPLE = r"(?:posting|growing|declining|increasing|decreasing|rising|falling|contributing|delivering|generating)"
_PART_CLAUSE_BRANCHES = (
    ("np", r"\b(?:with|while|whereas|where)\s+(?:the\s+|our\s+)?(?P<np>[A-Za-z][\w&'’-]*(?:\s+(?:and\s+|&\s+)?"
     r"[A-Za-z][\w&'’-]*){0,2}?)\s+" + _PART_VERB),
    ("and", r"\band\s+(?:the\s+|our\s+)?(?P<and>[A-Za-z][\w&'’-]*(?:\s+[A-Za-z][\w&'’-]*){0,2}?)\s+" + _PARTICIPLE),
    ("rel", r"(?P<rel>[A-Za-z][\w&'’-]*(?:\s+[A-Za-z][\w&'’-]*){0,2}),\s+which\s+"
     r"(?:(?:was|were)\s+(?:up|down)|grew|rose|fell|declined|increased|decreased)"))
_PART_CLAUSE_TAIL = r"\s+" + _HEDGE + _FIGURE_LIST + "$"
_PART_CLAUSE = re.compile("(?:" + "|".join(b for _, b in _PART_CLAUSE_BRANCHES) + ")" + _PART_CLAUSE_TAIL, re.IGNORECASE)
# the same, one pattern per branch (see _part_clause_match): the relative clause's branch starts at every letter and
# is searched only where ", which" is
_PART_CLAUSE_EACH = tuple((name, re.compile(f"(?:{branch}){_PART_CLAUSE_TAIL}", re.IGNORECASE))
                          for name, branch in _PART_CLAUSE_BRANCHES)
_WHICH = re.compile(r",\s+which\s", re.IGNORECASE)  # (in every match of the "rel" branch)


def _part_clause_match(text: str, pos: int, endpos: int) -> tuple[str, re.Match[str]] | None:
    """``_PART_CLAUSE.search(text, pos, endpos)`` as the branch that matched (its group's name) and the match: each
    branch searched alone, the leftmost match kept and, at one place, the earlier branch, as the alternation does."""
    best: tuple[str, re.Match[str]] | None = None
    for name, pattern in _PART_CLAUSE_EACH:
        if name == "rel" and _WHICH.search(text, pos, endpos) is None:
            continue
        m = pattern.search(text, pos, endpos)
        if m is not None and (best is None or m.start() < best[1].start()):
            best = (name, m)
    return best
# words that make the clause's subject the company, a total, a period or no noun at all
_NOT_PART_TEXT = """we it its they our us i you he she company group total overall net organic adjusted
gross operating reported consolidated this that these those a an each all both quarter year period half month
revenue revenues sales earnings eps margin margins income profit profits ebitda growth which who and also
first second third fourth full fiscal last prior same"""
_NOT_PART_WORDS = frozenset(_NOT_PART_TEXT.split())


_NUMBER_BEFORE = re.compile(r"[\d$€£%]\s*$")


def part_clause(text: str, q_start: int, mentions: Sequence[Mention]) -> bool:
    """Whether the figure at ``q_start`` is said of a part of the company named as the subject of a clause of its
    own ("with casualty posting 11% top line growth"), not of the metric named before it.

    >>> s = "Sales rose 6%, led by aerospace, which grew 14%."
    >>> part_clause(s, s.index("14%"), []), part_clause(s, s.index("6%"), [])
    (True, False)
    """
    window = text[max(0, q_start - 120):q_start].lower()
    # (every match has one of its verbs shortly before the figure, and one of its joining words)
    if not any(map(window[-45:].__contains__, _PART_VERB_WORDS)) \
            or not any(map(window.__contains__, ("with", "while", "where", "which", "and"))):
        return False
    found = _part_clause_match(text, max(0, q_start - 120), q_start)
    if found is None:
        return False
    group, m = found
    a, b = m.start(group), m.end(group)
    words = [w.lower() for w in m.group(group).split()]
    if any(w in _NOT_PART_WORDS for w in words if w not in ("and", "&")) or words[0] in ("and", "&") \
            or _NUMBER_BEFORE.search(text, max(0, a - 12), a):
        return False  # (not "$19.7 million, which was up 250%": the figure's own scale)
    return not any(a <= mention.start < b or mention.start < a < mention.end for mention in mentions)


def _own_subject_possible(window: str) -> bool:
    """Whether _OWN_SUBJECT can match in ``window``: every match holds one of its verbs (a pre-check; case-blind
    matches of ASCII words are known from the lower-cased text only when the text is ASCII)."""
    if not window.isascii():
        return True
    low = window.lower()
    return any(map(low.__contains__, _OWN_VERBS))


# "a 19 pct drop in first quarter earnings", "a two billion dlr increase in total assets"
_CHANGE_IN_PERIOD = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:increase|rise|decline|drop|decrease|fall|gain|growth|jump|reduction|improvement|"
    r"cut|surge|climb|slump|plunge|slide|tumble|dip|leap)s?\s+in\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:(?:(?:first|second|third|fourth|"
    r"1st|2nd|3rd|4th)[\s-]+(?:quarter|half)|full[\s-]year|half[\s-]year|interim|annual|quarterly|"
    r"(?:six|nine)[\s-]month|(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d|"
    # ("a 14 per cent rise in FY24 net profit", "a 9% rise in Q3 revenue", "a fall in 1H25 profit")
    r"FY\s?'?\d\d(?:\d\d)?|[QH][1-4](?:\s?(?:FY)?'?\d\d(?:\d\d)?)?|[1-4][QH](?:\s?'?\d\d(?:\d\d)?)?)\s+)?",
    re.IGNORECASE)


# "higher depreciation of $24.7 million", "asset sales gains of $20.6 million", "a stake of 10%": the noun that
# governs "of <figure>" names what the figure is
_OF_HEAD = re.compile(
    r"(?<![\w&'’.-])([A-Za-z][\w&'’-]*)\s+of\s+(?:(?:about|approximately|nearly|almost|around|roughly|some|over|"
    r"more\s+than|less\s+than|up\s+to|at\s+least|just|only|an?|the|another|estimated|record|roughly)\s+)*$",
    re.IGNORECASE)


# heads that do not name a quantity of their own: totals, changes, estimates, periods ("an increase of 5%",
# "a total of $3 million", "its outlook of $2.10", "sales for the quarter of $1.2 billion")
_TRANSPARENT_HEAD = frozenset({
    "total", "totals", "sum", "amount", "level", "levels", "range", "tune", "record", "high", "low", "excess",
    "upwards", "order", "region", "vicinity", "neighborhood", "neighbourhood", "average", "midpoint", "figure",
    "number", "result", "results", "tally", "value", "price", "rate", "pace", "increase", "increases", "decrease",
    "decreases", "rise", "rises", "decline", "declines", "drop", "drops", "fall", "falls", "growth", "jump", "jumps",
    "improvement", "improvements", "reduction", "reductions", "surge", "climb", "slump", "plunge", "change",
    "changes", "swing", "expansion", "contraction", "gain", "gains", "estimate", "estimates", "expectation",
    "expectations", "consensus", "forecast", "forecasts", "projection", "projections", "guidance", "outlook",
    "view", "target", "targets", "goal", "goals", "quarter", "quarters", "year", "years", "period", "periods",
    "months", "month", "half", "weeks", "fiscal", "end", "part", "most", "all", "each", "one", "some", "those",
    "that", "this", "these", "basis", "instead", "because", "out", "none", "any", "both", "either", "course"})


# a money gain is a quantity of its own ("asset sales gains of $20.6 million"); a percentage gain is a change
_MONEY_HEADS = frozenset({"gain", "gains", "price"})


# a prepositional phrase qualifying the metric before it: "attributable to common shareholders", "from continuing"
_METRIC_PP = re.compile(r"[\w-]+(?:\s+[\w-]+){0,5}?\s*(?:,\s*)?(?:(?:attributable|available|applicable)\s+to|"
                        r"from\s+(?:continuing|ongoing|ordinary))(?:\s+[\w&'’.-]+){0,4}?\s+", re.IGNORECASE)
# ("Revenue from ordinary activities of $1.12 billion": an Australian report's total revenue)


_METRIC_PP_WORDS = ("attributable", "available", "applicable", "continuing", "ongoing", "ordinary")  # one is in every match


def _metric_pp_possible(text: str) -> bool:
    """Whether ``_METRIC_PP`` can match in ``text`` (a pre-check; case-blind matches of ASCII words are known from
    the lower-cased text only when the text is ASCII)."""
    return not text.isascii() or any_word(text.lower(), _METRIC_PP_WORDS)


# metrics stated per share: a company's total paid "in dividends" is none of them
_PER_SHARE_METRICS = frozenset({"dividend", "eps", "adjusted_eps", "ffo_per_share"})
# a use the money went to, named after it ("allocated $250 million to share repurchases", "returned $1.9 billion to
# shareholders through buybacks", "$346 million for dividends")
_PAID_OUT_TO = re.compile(r"(?i)\s+(?:to|toward|towards|for|on)\s+(?:the\s+|our\s+)?(?:(?:share|stock)\s+)?"
                          r"(?:repurchases?|buybacks?|buy-backs?|dividends?|shareholders|stockholders)\b")
# "generating $14 million in realized gains", "$150 million in cost savings": the noun after "in" names the amount
_IN_NOUN_AFTER = re.compile(
    r"\s+in\s+(?:(?:the|its|our|their|a|an|realized|unrealized|new|additional|annual|annualized|total|net|gross|"
    r"quarterly|incremental|cumulative|one-time|pre-tax|pretax|after-tax|further|potential|cost|future)\s+)*"
    r"([a-z][\w-]*)")


_IN_TRANSPARENT = frozenset({
    "quarter", "quarters", "year", "years", "period", "periods", "half", "months", "month", "weeks", "week", "fiscal",
    "calendar", "year-ago", "prior-year", "prior", "same", "latest", "last", "current",
    "next", "previous", "recent",
    "first", "second", "third", "fourth", "sequential", "line", "excess", "total", "aggregate", "constant", "local",
    "trading", "after-hours", "premarket", "pre-market", "extended", "late", "early", "morning", "afternoon", "each",
    "both", "all", "addition", "terms", "respect", "connection", "comparison", "contrast", "value", "size", "range",
    "order", "cash", "stock", "shares", "full-year", "nine-month", "six-month", "three-month", "twelve-month", "to",
    "that", "this", "which", "what", "part", "line-item", "millions", "billions", "thousands", "comparable",
    "reported", "nominal", "real", "dollar", "dollars", "euros", "yen", "sterling", "u", "us", "the", "its", "our",
    "their", "a", "an", "new", "additional", "annual", "net", "gross", "quarterly", "further", "future", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fifty-two",
    "fifty-three", "past", "trailing", "financial", "52-week", "53-week", "13-week", "14-week",
    "earnings", "results", "guidance", "outlook", "forecast", "line-up",
    # the periods a figure is given for: "$3.52 billion in the year-earlier quarter"
    "year-earlier", "year-before", "previous-year", "prior-quarter", "previous-quarter", "quarter-ago",
    "corresponding", "equivalent", "preceding", "first-quarter", "second-quarter", "third-quarter", "fourth-quarter",
    "first-half", "second-half", "half-year", "year-end", "quarter-end"})


# "a $1.6 billion impairment", "a 20% stake": the noun after an indefinite figure names it
_A_BEFORE = re.compile(r"\b(?:a|an)\s+(?:(?:about|nearly|approximately|roughly|some|estimated|additional|further|"
                       r"one-time|record|almost|around|over|just|more\s+than|less\s+than|under)\s+)*$", re.IGNORECASE)


_NOUN_AFTER = re.compile(r"[\s-]+([a-z][\w-]*)(?:\s+[a-z][\w-]*){0,2}")


_NOUN_TRANSPARENT = frozenset({
    "year-over-year", "year-on-year", "yoy", "sequential", "annual", "annualized", "quarterly", "higher", "lower",
    "more", "less", "in", "from", "to", "for", "on", "at", "by", "of", "or", "and", "a", "the", "than", "compared",
    "versus", "vs", "over", "up", "down", "per", "share", "year", "years", "first-quarter", "second-quarter",
    "third-quarter", "fourth-quarter", "full-year", "half-year", "organic", "net", "total", "gross", "overall",
    "year-earlier", "year-ago", "loss", "profit", "fall", "drop", "rise", "increase", "decline", "jump", "surge",
    "slump", "plunge", "climb", "advance", "improvement", "reduction", "gain", "growth", "cut", "hike", "boost",
    "decrease", "expansion", "contraction", "slide", "tumble", "dip", "uptick", "downturn", "rebound", "recovery",
    "premium", "discount", "return", "margin", "rate", "shares", "stock", "a-share", "common"})


_SHARE_DEALS = frozenset({"buyback", "buybacks", "buy-back", "repurchase", "repurchases", "program", "programme",
                          "offering", "sale", "issue", "placement", "placing", "plan", "authorization"})
_DATE_WORD = re.compile(r"(?i)q[1-4]|[1-4]q|h[12]|fy\w*|\d\w*|[a-z]+day|january|february|march|april|may|june|july|"
                        r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")


def _foreign_head(text: str, q: Quantity, mentions: list[Mention]) -> bool:
    """The figure is what a noun other than a metric names: "higher depreciation of $24.7 million", "$14 million in
    realized gains"."""
    if q.kind not in ("money", "percent"):
        return False
    if _A_BEFORE.search(text, max(0, q.start - 40), q.start) and (noun := _NOUN_AFTER.match(text, q.end)):
        first = noun.group(1).lower()
        words = noun.group(0).lower().split()
        if first in ("share", "stock") and len(words) > 1 and words[1] in _SHARE_DEALS:
            return True  # "announced a $1.5 billion share buyback": the buyback's size, no profit
        if not (first in _TRANSPARENT_HEAD or first in _NOUN_TRANSPARENT) or (q.kind == "money" and first in _MONEY_HEADS):
            return not any(noun.start(1) <= m.start < noun.end() for m in mentions)
    after = _IN_NOUN_AFTER.match(text, q.end) if q.kind == "money" and not small_amount(q) else None
    if after is not None and after.group(1).lower() not in _IN_TRANSPARENT and not _DATE_WORD.fullmatch(after.group(1)) \
            and not any(m.start <= after.start(1) < m.end and m.metric not in _PER_SHARE_METRICS for m in mentions):
        return True  # (also "to pay $247 million in dividends": a total paid out, not a dividend per share)
    if q.kind == "money" and not small_amount(q) and _PAID_OUT_TO.match(text, q.end):
        return True  # "allocated $250 million to share repurchases": what the money went to
    window = text[max(0, q.start - 60):q.start]
    head = _OF_HEAD.search(text, max(0, q.start - 60), q.start) \
        if not window.isascii() or "of" in window.lower() else None  # (every match holds "of")
    if head is None:
        return False
    word = head.group(1).lower()
    if (word in _TRANSPARENT_HEAD and not (q.kind == "money" and word in _MONEY_HEADS)) or _DATE_WORD.fullmatch(word):
        return False
    if _metric_pp_possible(text) and any(_METRIC_PP.fullmatch(text, m.start, head.start(1))
                                         for m in mentions if m.end <= head.start(1)):
        return False  # "net income attributable to Rayonier of", "EPS from continuing operations of": the metric's
    return not any(m.start <= head.start(1) < m.end or m.start < head.end(1) <= m.end for m in mentions)


# a relative clause set off by commas, open before a metric named in it
_ASIDE_OPEN = re.compile(r",\s*(?:which|who|whose)\b[^,;]*$")


# an aside naming what a figure leaves out or takes in, set off by commas before the figure ("Diluted earnings per
# share, excluding losses and gains on sales as well as losses on debt retirement, increased 78% to $4.14"): the
# metrics it names are not the figure's
_BASIS_ASIDE_OPEN = re.compile(r"(?i),\s*(?:excluding|including|exclusive\s+of|inclusive\s+of|net\s+of|"
                               r"which\s+(?:excludes?|includes?))\b[^,;.]*$")


# a metric named as the basis of another figure ("inclusive of dividends", "excluding revenue from"), not the metric
# of a figure further on; the figure right after it is its own ("including dividends of $5 million")
_QUALIFIER_BEFORE = re.compile(r"(?i)\b(?:inclusive\s+of|exclusive\s+of|including|excluding|net\s+of)\s+"
                               r"(?:the\s+|our\s+|its\s+)?$")
_QUALIFIER_GAP = re.compile(r"(?i)\s*(?:of|at|was|were|totall?ing|totall?ed)?\s*(?:about|approximately|nearly|roughly|"
                            r"some)?\s*")


# a percentage reached or started from: a level, never a share price's move
_PERCENT_LEVEL_BEFORE = re.compile(r"(?i)\b(?:to|from)\s+(?:about\s+|over\s+|nearly\s+|almost\s+|approximately\s+|"
                                   r"roughly\s+|more\s+than\s+|just\s+(?:over|under)\s+)?$")


_EARNED_ADJECTIVE = re.compile(r"\s+(?!(?:in|during|for|by|on|from|last|a|an|the|this|that|year|through|since|"
                               r"over|per|at|as|and|or|to|with|before|after)\b)[a-z]")


_FIGURE = re.compile(r"\d(?:[\d,.]*\d)?")


def _last_figure_end(text: str, start: int, end: int) -> int:
    """Where the last number between ``start`` and ``end`` ends (``start`` when there is none)."""
    last = start
    for f in _FIGURE.finditer(text, start, end):
        last = f.end()
    return last


# a measure with a figure of its own before the one at hand ("our average closing price was $395,000, a 6% increase")
_GOVERNED_FIGURE = re.compile(r"\b(?:was|were|is|are|of|at|totall?ed|reached)\s+(?:about\s+|approximately\s+|nearly\s+)?"
                              r"[$€£¥]?\d")


# an effect on a metric, not its level or change: "a 240 basis point impact from government relief programs", "a $20
# million currency headwind", "a 1.5 point negative impact"; a saving ("will save us approximately $400 million in
# capex")
_EFFECT_AFTER = re.compile(
    r"\s*(?:(?:unfavou?rable|favou?rable|negative|positive|adverse|fx|currency|foreign[\s-]exchange|net|one-time|"
    r"year-over-year|pricing|weather|tax|covid(?:-19)?|point|points|basis[\s-]points?|pp|bps)[\s-]+){0,3}"
    r"(?:impacts?|headwinds?|tailwinds?|drag|effects?)\b", re.IGNORECASE)
_SAVED_BEFORE = re.compile(r"\bsav(?:e|es|ed|ing)\s+(?:us\s+|the\s+company\s+|them\s+)?(?:(?:about|approximately|nearly|"
                           r"roughly|over|more\s+than|an\s+estimated|around)\s+)?$", re.IGNORECASE)


def _saved_before(text: str, q_start: int) -> bool:
    """Whether ``_SAVED_BEFORE`` matches in the 40 characters before a figure: an ASCII window without "sav" in any
    case cannot hold a match (a case-blind pattern led by a word boundary is tried at every position)."""
    window = text[max(0, q_start - 40):q_start]
    if window.isascii() and "sav" not in window.lower():
        return False
    return _SAVED_BEFORE.search(text, max(0, q_start - 40), q_start) is not None


# a figure right after the metric's "of" ("orders of 3,800 new units") is that metric's, fitting or not
_GOVERNED_BY_OF = re.compile(r"(?i)\s+of\s+(?:about\s+|approximately\s+|nearly\s+|roughly\s+|some\s+|over\s+|"
                             r"more\s+than\s+|almost\s+)?")


# a noun phrase after "of" that names what an amount is ("$105 million of revolver borrowings", "$3 million of
# costs"), not a period, a share of something or a figure's scale
_OF_NOUN_AFTER = re.compile(
    r"\s+of\s+(?!(?:the|our|its|their|this|that|which|these|those|a|an|it|them|each|all|both|total|fiscal|"
    r"first|second|third|fourth|last|next|prior|q[1-4]|fy|calendar|about|approximately|up|over|which|what|"
    r"(?:19|20)\d\d)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}", re.IGNORECASE)


# a percentage "of" the metric: the metric is the ratio's base ("20% of net sales", "as a percent of sales")
_RATIO_OF_BEFORE = re.compile(r"(?i)(?:\d\s*(?:%|percent|per\s*cent|pct|pc)|\bpercent(?:age)?)\s+of\s+"
                              r"(?:the\s+|our\s+|its\s+|their\s+)?(?:total\s+)?$")


# a change named before its amount and the metric named after it: "approved an increase of $0.030 per share, or
# 9.8%, on its quarterly cash dividend", "a reduction of 5% in its workforce"
_CHANGE_OF_BEFORE = re.compile(r"(?i)\b(?:increase|rise|decline|decrease|reduction|cut|raise|hike|boost)\s+of\s+"
                               r"(?:about\s+|approximately\s+|nearly\s+|roughly\s+)?(?:[$€£¥]?\d[^,;]{0,25},\s+or\s+)?$")
_CHANGE_OF_BEFORE_WORDS = WindowWords(_CHANGE_OF_BEFORE)  # (searched where its words are)
_THEN_METRIC = re.compile(r"(?i)(?:\s+(?:per|a)\s+share)?(?:\s*,\s*or\s+(?:about\s+|approximately\s+)?[\d.]+\s*"
                          r"(?:%|percent|per\s+cent))?\s*,?\s+(?:on|in|to)\s+(?:its|the|our|their)\s+")


# an amount laid out on a balance ("would spend about $100 million on debt maturing in 1990", "paid $40 million
# on its borrowings"): what goes to the balance, not the balance itself
_SPENT_BEFORE = re.compile(r"(?i)\b(?:spend|spends|spent|spending|pay|pays|paid|paying|use|uses|used|using|allocate[sd]?|"
                           r"earmark(?:s|ed)?|devote[sd]?|put|puts)\s+(?:another\s+|an\s+additional\s+|a\s+further\s+|"
                           r"about\s+|approximately\s+|nearly\s+|roughly\s+|some\s+|up\s+to\s+|more\s+than\s+)*$")


def _spent_on(text: str, q: Quantity, m: Mention) -> bool:
    gap = text[q.end:m.start]
    return gap.lstrip().lower().startswith("on ") and _SPENT_BEFORE.search(text, max(0, q.start - 40), q.start) is not None


def _change_of_then_metric(text: str, q: Quantity, mentions: list[Mention], vocab: Vocabulary) -> Mention | None:
    """The metric named after a change's amount when the change is named before it ("an increase of $0.030 per share,
    or 9.8%, on its quarterly cash dividend"), else None."""
    if q.kind not in ("money", "percent") or "of" not in text[max(0, q.start - 60):q.start] \
            or _CHANGE_OF_BEFORE_WORDS.search(text, max(0, q.start - 60), q.start) is None:
        return None
    then = _THEN_METRIC.match(text, q.end)
    if then is None:
        return None
    for m in mentions:
        if m.start == then.end() and (metric := vocab.get(m.metric)) is not None and _compatible(metric, q) is not None:
            return m
    return None


# an amount per unit of output or capacity ("A$1,985 per ounce", "$62 a barrel", "₹1,085 per tonne")
_PER_UNIT_AFTER = re.compile(r"(?i)\s*(?:per|an?|/)\s*(?:ounce|oz|tonne|ton|metric\s+ton|barrel|bbl|boe|pound|lb|"
                             r"kilogram|kg|gallon|litre|liter|megawatt[\s-]hour|mwh|kwh|vehicle|room|seat|"
                             r"passenger|subscriber|user|customer|square\s+(?:foot|feet|metre|meter)|sq\.?\s*ft)\b")


def _pick_metric_near(text: str, q: Quantity, mentions: list[Mention], vocab: Vocabulary, reach: int | None = None,
                      ) -> tuple[Mention | None, str | None]:
    if not mentions:
        return None, None  # (every metric this picks is one of ``mentions``: the tests below would only say no)
    if q.kind == "percent" and (_SHARE_OF.match(text, q.end) or _MORE_OF_NOUN.match(text, q.end)):
        return None, None  # (nor "on about 1.8 pct fewer shares outstanding": how many fewer shares)
    if q.kind == "money" and _PER_UNIT_AFTER.match(text, q.end):
        return None, None  # "all-in sustaining costs were A$1,985 per ounce": a cost or price per unit, no total
    change_in = q.kind in ("percent", "money") and _change_in_possible(text)
    changed_in = _CHANGE_IN_PERIOD.match(text, q.end) if change_in else None
    if changed_in is not None:
        for m in mentions:
            if m.start == changed_in.end() and (metric := vocab.get(m.metric)) is not None \
                    and _compatible(metric, q) is not None:
                return m, "change"
    if q.kind in ("percent", "money", "points") and (part_clause(text, q.start, mentions) or _EFFECT_AFTER.match(
            text, q.end) or _saved_before(text, q.start)):
        return None, None
    own = _OWN_SUBJECT.search(text, max(0, q.start - 50), q.start) \
        if q.kind == "percent" and _own_subject_possible(text[max(0, q.start - 50):q.start]) else None
    if own is not None and not any(own.start("np") <= m.start < own.end("np") for m in mentions) \
            and re.search(r"\d", text[max(0, q.start - 120):own.start()]):
        return None, None  # that subject's figure (a brand, a unit), not the metric named before
    changed = _CHANGE_IN.match(text[q.end:q.end + 60]) if change_in else None
    if changed is not None:
        # the change of the noun named after "increase in", or of nothing in the vocabulary
        at = q.end + changed.end()
        if (whole := _WHOLE_COMPANY.match(text, at)) is not None:
            at = whole.end()  # "a 49.8% increase in consolidated income from operations"
        for m in mentions:
            if m.start == at and (metric := vocab.get(m.metric)) is not None \
                    and _compatible(metric, q) is not None:
                return m, "change"
        return None, None
    # Right attachment: "$3.6 billion in revenue", "$25.9 billion revenue backlog".
    for m in mentions:
        if m.start >= q.end and _RIGHT_GAP.match(text[q.end:m.start]):
            if m.phrase.lower() == "earned" and _EARNED_ADJECTIVE.match(text, m.end):
                break  # "$2.5 billion earned media impressions": an adjective (not "410,000 dlrs earned in fiscal 1986")
            if _GOVERNS_NEXT.match(text, m.end):
                break  # "operating income of 118.1 mln dlrs on sales of 900.5 mln": "sales" is the next figure's
            if _NEWS_NOUN_AFTER.match(text, m.end):
                break  # "shares plunged 25% on a profit warning": the metric names the news, not the figure
            metric = vocab.get(m.metric)
            if metric is not None and metric.kind == "stock" and _spent_on(text, q, m):
                return None, None  # "would spend about $100 million on debt": an outlay, not the balance
            if metric is not None and (how := _compatible(metric, q)) is not None:
                if how == "change" and not _change_context(text, q, m):
                    break
                return m, how
            if metric is not None and m.start - q.end <= 1 and metric.unit == "per_share":
                return None, None  # "paid a $2.9 million dividend": the amount of a per-share measure, no other metric
            break
    if _foreign_head(text, q, mentions):
        return None, None
    if q.kind == "money" and _OF_NOUN_AFTER.match(text, q.end) is not None:
        # "$105 million of revolver borrowings", "$3 million of costs": the words after "of" say what the amount is
        # (right attachment above took the metrics written plainly: "$50 million of free cash flow"), never a metric
        # named before it
        return None, None
    if q.kind == "money" and spent_on(text, q.start, q.end):
        return None, None  # "As for our cash position ..., we spent $56 million on acquisitions": not the cash
    near = next((m for m in reversed(mentions) if m.end <= q.start), None)
    if near is not None and q.start - near.end <= 30 and _GOVERNED_BY_OF.fullmatch(text, near.end, q.start) \
            and (near_metric := vocab.get(near.metric)) is not None and _compatible(near_metric, q) is None \
            and not (q.kind == "money" and near_metric.unit == "money"):
        # "deliveries of 2,100 units and orders of 3,800 new units": the orders', not the deliveries' (a small amount
        # after an earnings noun is still per share: "compared with earnings of $0.90")
        return None, None
    # Left attachment: nearest compatible metric before the figure. A percentage
    # that is plainly a change ("a 480% year-over-year jump") prefers a level metric.
    ratio_to_sales = _ratio_to_sales(text)
    strong_change = q.kind == "percent" and (
        bool(_STRONG_CHANGE_AFTER.match(text[q.end:q.end + 40]))
        or bool(_STRONG_CHANGE_BEFORE.search(text[max(0, q.start - 40):q.start])))
    best: tuple[Mention, str] | None = None
    best_change: tuple[Mention, str] | None = None
    per_share_metric: tuple[Mention, str] | None = None
    for m in mentions:
        if m.end > q.start:
            break
        if reach is not None and q.start - m.end > reach and q.start - _last_figure_end(text, m.end, q.start) > reach:
            # (in a call's long spoken sentences, a metric named far before the figure is not its own, unless figures
            # of it go on up to this one: "revenues were $481.1 million compared to $432.8 million for the first
            # quarter of 2020, an increase of 11.1%")
            continue
        if _barrier(text[m.end:q.start]):
            continue
        if m.end < q.start and _MODIFIER_NOUN_AFTER.match(text, m.end):
            continue  # "earnings from subsidiaries through profit transfer agreements 494.2 mln": not a profit
        if m.end < q.start and _RATIO_OF_BEFORE.search(text, max(0, m.start - 30), m.start):
            continue  # "$20.6 million or 20% of net sales compared with $34.4 million": the ratio's base, not the metric
        if text[max(0, m.start - 4):m.start] in (" on ", ",on ") and (own := _GOVERNS_NEXT.match(text, m.end)) \
                and own.end() <= q.start and f" on {m.phrase} of " in text[q.end:]:
            # "earned $4 million on revenues of $86 million, compared with $5 million ... on revenues of $90 million":
            # the metric of a parallel "on ... of" phrase names its own figure only
            continue
        if "," in text[m.end:q.start] and _ASIDE_OPEN.search(text, max(0, m.start - 80), m.start):
            continue  # "Shares in BT, which offered a dividend of 2.4 pence, rose 2.1%": the aside's metric
        if "," in text[m.end:q.start] and _BASIS_ASIDE_OPEN.search(text, max(0, m.start - 120), m.start):
            continue  # "EPS, excluding losses on debt retirement, increased 78%": the aside's metric, not the figure's
        if (qualifier := _QUALIFIER_BEFORE.search(text, max(0, m.start - 24), m.start)) is not None \
                and (not _QUALIFIER_GAP.fullmatch(text, m.end, q.start)
                     or any(0 <= qualifier.start() - o.end <= 2 for o in mentions if o is not m)) \
                and not OUTLOOK_INCLUDING.search(text, max(0, m.start - 60), m.start):
            # "book value per share up 13% inclusive of dividends to end the quarter at $24.40": a basis; so is the
            # metric a metric just before names ("total revenue net of interest expense $2,777 million")
            continue
        metric = vocab.get(m.metric)
        if metric is None or (m.metric == "share_price" and market_share(text, m.start, m.end)) \
                or (m.end <= q.start and stated_none(text, m.start)) \
                or (m.metric in _BALANCES and earned_on_balance(text, m.start)):
            continue  # (also "our growing share of the segment": a share of a market, not the stock; "with no debt
            # and cash for $137 million": a metric said to be none owns no figure)
        if best is not None and "defined" in text and _DEFINED_AS.search(text, best[0].end, m.start):
            continue  # "Free cash flow, defined as cash provided by operating activities, less capital expenditures,
            # was $124.1 million": the metric defined, not the ones its definition names
        if metric.unit == "per_share" and _PRICE_BEFORE.search(text, max(0, m.start - 12), m.start):
            continue  # "at an average price per share of $109.37": a price paid, not earnings
        how = _compatible(metric, q)
        if how is None or (how == "change" and not _change_context(text, q, m)):
            continue
        if how == "change" and q.kind in ("percent", "points") and ratio_to_sales:
            continue  # "As a percentage of sales, total operating expenses were 22.5%": a ratio, not a change
        if how == "change" and q.kind == "percent" and m.metric == "share_price" \
                and _PERCENT_LEVEL_BEFORE.search(text, max(0, q.start - 30), q.start):
            continue  # "Private brand tissue share in the US rose to over 30%, up from 18%": a share of a market
        if metric.unit == "per_share" and _ATTACHED_SHARE.fullmatch(m.phrase) \
                and (per_share_metric is not None or (best is not None and (prev := vocab.get(best[0].metric)) is not None
                                                      and prev.unit == "any")) \
                and _AFTER_FIGURE.search(text[max(0, m.start - 12):m.start]):
            # ("book value of $70.08 per share, down 3%": the unit of a figure that is no EPS either)
            # "raised its dividend to 14 cts a share from 12 cts": "a share" is the unit of the figure before,
            # the metric is the one that figure has
            continue
        if metric.unit == "per_share" and _ATTACHED_SHARE.fullmatch(m.phrase) \
                and _AFTER_FIGURE.search(text[max(0, m.start - 12):m.start]) and _priced_share(text, m.start):
            # "the exercise price will increase 38 cts to 2.76 dlrs per share ... and will increase 38 cts on each
            # succeeding April 25": "per share" is the unit of a price, not an earnings metric for the figures after
            continue
        best = (m, how)
        if metric.unit == "per_share":
            per_share_metric = best
        if how == "change":
            best_change = (m, how)
    if strong_change and best_change is not None and not (
            best is not None and best[0].start > best_change[0].start
            and (nearest := vocab.get(best[0].metric)) is not None and nearest.unit == "any"
            and (_GOVERNED_FIGURE.search(text, best[0].end, q.start)
                 or (q.start - best[0].end <= 25 and "," not in text[best[0].end:q.start]))):
        # (not past a measure out of the vocabulary named nearer: "our average closing price was $395,000, a 6%
        # increase" is that price's change, and "segment profit was down 114%" that profit's, not the revenue's
        # named before it)
        return best_change
    if best is not None:
        return best
    return None, None


_lead_memo: list[object] = [None, None]  # the last sentence and its _SEGMENT_LEAD match (one test per sentence)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w&.-]*)\s+$")


def _segment(text: str, m: Mention, companies: list[CompanyMention], main: Company | None = None) -> str | None:
    """The segment a metric is qualified by ("iPhone sales", "data center revenue"), or None for the total."""
    if _lead_memo[0] is not text:
        _lead_memo[0], _lead_memo[1] = text, _SEGMENT_LEAD.match(text)
    lead: re.Match[str] | None = _lead_memo[1]  # type: ignore[assignment]
    if lead is not None and lead.end() <= m.start and m.metric in _SEGMENTED \
            and not _NOT_SEGMENT.search(lead.group("name")) \
            and not any(c.start <= lead.start("name") < c.end for c in companies):
        return f"{lead.group('name')} {m.phrase}"  # "In North America, sales of ...", "Moving to Irrigation, ..."
    before = text[max(0, m.start - 40):m.start]
    hit = _WORD_BEFORE.search(before)
    if hit is None or "\n" in before[hit.start():]:
        return None
    token = hit.group(1)
    start = m.start - len(before) + hit.start()
    if any(c.start <= start < c.end for c in companies) or token in _ALLOWED_MODIFIERS or token.lower() in _FUNCTION:
        return None
    if _CONSOLIDATED_BEFORE.search(text, max(0, start - 16), start):
        return None  # "a consolidated banking group net profit of 496.7 mln schillings": the whole group's
    if _PERIOD_TOKEN.fullmatch(token):
        return None  # "its April-June operating profit", "Q2 revenue": a period, not a business line
    if main is not None and any(n and before.rstrip().endswith(n) for n in (main.name, *main.aliases)):
        return None  # "Brightwell Energy Non-GAAP EPS of $1.12": the company's own name before the metric
    if token.lower() in _COMPONENTS and (m.phrase.lower().split()[-1] in _COMPONENTS[token.lower()]):
        return f"{token} {m.phrase}"  # "Net interest revenue", "provisions for loan losses": a component, not the total
    if token.lower() in _NOT_THE_PERIODS or (token.lower() == "future" and m.phrase.lower().startswith("net ")):
        # ("future net revenues" of oil reserves: a valuation; "$25 billion+ in future revenue" is an outlook)
        return f"{token} {m.phrase}"  # "future net revenues attributable to reserves": not earned
    if m.phrase.lower() == "income" and token.lower() not in _BARE_INCOME_OK:
        return f"{token} {m.phrase}"  # bare "income" is the net result only unqualified: not "investment income"
    if token.lower() == "new" and m.metric in _BALANCES:
        return f"{token} {m.phrase}"  # "$460 million of new loans": the ones made in the period, not the balance
    if m.metric in _SUBCLASSED and (token.lower() in _BALANCE_CLASSES or token.lower().endswith("-bearing")):
        return f"{token} {m.phrase}"  # "demand deposits", "commercial loans": a class of the balance, not all of it
    sentence_initial = not text[:start].strip(" \t\n-–—•*·")  # (after a list bullet too)
    camel = any(ch.isupper() for ch in token[1:]) and not token.isupper()  # "iPhone", "YouTube"
    own = main is not None and any(n.lower().startswith(token.lower()) for n in (main.name, *main.aliases))
    # (a headline-cased total, "Total Quarterly Revenues", "Q1 GAAP Operating Income", is no business line)
    proper = camel or (any(ch.isupper() for ch in token) and not token.isupper() and token.lower() not in _TOTAL_MODIFIERS
                       and (not sentence_initial or not own))
    if proper or token.lower() in _SEGMENT_NOUNS or (token.islower() and _SEGMENT_SUFFIX.search(token)
                                                      and token not in _TOTAL_MODIFIERS) \
            or (_activity_noun(token) and not _GERUND_AS_VERB.search(text, max(0, start - 20), start)) \
            or _acronym_segment(text, token, main):
        return f"{token} {m.phrase}"
    if m.metric in _SEGMENTED and token.islower() and not _UPPER.search(text) and _lower_segment_word(token):
        # a lower-cased summary cannot capitalise its segments: "sees osb revenue in q3", "china sales grew 11.5
        # percent", "qtrly company-owned e-commerce sales grew", "homebuilding revenue for q1 of fiscal 2022"
        return f"{token} {m.phrase}"
    return None


_CONSOLIDATED_BEFORE = re.compile(r"(?i)\bconsolidated\s+$")


# earnings that are the company's even beside a unit's figures ("and net income rose to $200 million")
_COMPANY_LEVEL_EARNINGS = frozenset({"net_income", "adjusted_net_income"})


# what turns a sentence from a unit's figures to another part or to the whole company
_SWITCH = re.compile(r"(?i)\b(?:while|whereas|but|however|although|though|total|consolidated|overall|company|"
                     r"companywide|company-wide|group|enterprise|we|our|its)\b|;")


# a part named by a demonstrative anywhere in the sentence ("for this segment", "This business delivered")
_THIS_SEGMENT = re.compile(r"(?i)\b(?:(?:this|that|the)\s+(segment|division)|(?:this|that)\s+(business|unit|sector))\b(?!['’]s\s+"
                           r"(?:total|share|contribution))|^\s*(segment|division)(?=['’]s\s)")


_OF_METRIC = re.compile(r"\s+(?:of|in)\s+(?:[\w-]+\s+)?")


# capitals before a metric that name no part of the company: bases, periods, legal forms, wire words
_ACRONYM_TOTALS = frozenset({
    "NET", "QTR", "YR", "FY", "YTD", "TTM", "LTM", "GAAP", "IFRS", "EPS", "CEO", "CFO", "INC", "CORP", "CO", "LTD",
    "PLC", "AG", "SA", "NV", "LLC", "THE", "OPER", "TOTAL", "FX", "CC", "USD", "EUR", "GBP", "JPY", "AND", "OR",
    "OF", "IN", "NON", "MLN", "BLN", "REV", "REVS", "ADJ", "RPO", "EBITDA", "EBIT", "AFFO", "FFO", "NOI", "ARR", "MRR",
    "SG", "R", "D", "A", "I", "AN", "AT", "ON", "TO", "BY", "FOR", "OUR", "ITS", "IS", "WAS", "ARE", "WERE", "HAS",
    "NEW", "RECORD", "GROUP", "COMPANY", "YEAR", "QUARTER", "HALF", "FIRST", "SECOND", "THIRD", "FOURTH"})


def _acronym_segment(text: str, token: str, main: Company | None) -> bool:
    """A line of business named by its capitals before the metric ("EMEALA revenue", "MBP revenue", "GIS bookings",
    "U.S. sales"), in a sentence written in mixed case (an all-capitals headline's words are no acronyms), and not
    the company's own name or ticker."""
    bare = token.replace(".", "").replace("&", "")  # ("CM&C sales rose to $123 million")
    if not (token.isupper() and 2 <= len(bare) <= 8 and bare.isalpha()) or bare in _ACRONYM_TOTALS \
            or _PERIOD_TOKEN.fullmatch(bare):
        return False
    if sum(ch.islower() for ch in text) <= sum(ch.isupper() for ch in text):
        return False
    names = (main.name, *main.aliases, *main.tickers) if main is not None else ()
    return not any(n and (n.upper().startswith(bare) or bare.startswith(n.upper().split()[0])) for n in names)


# a period token, which is never a segment's name ("Q3", "FY24", "Jan-Mar")
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_PERIOD_TOKEN = re.compile(rf"(?i){_MONTH_WORD}(?:[-–/]{_MONTH_WORD})?|(?:q[1-4]|h[12]|[1-4][qh]|9m)(?:\s?fy)?['’]?\d{{0,4}}|"
                           # ("said on Wednesday sales rose 18%": a day, not a business line)
                           r"fy['’]?\d{0,4}|(?:mon|tues|wednes|thurs|fri|satur|sun)day")


_UPPER = re.compile(r"[A-Z]")


# words a lower-cased summary writes before the company total: periods, bases, verbs, hedges
_LOWER_TOTAL = {
    "qtrly", "q1", "q2", "q3", "q4", "fy", "h1", "h2", "ytd", "ttm", "ltm", "comp", "comps", "store", "identical",
    "same", "like-for-like", "gaap", "non-gaap", "ifrs", "currency", "constant-currency", "local-currency",
    "currency-neutral", "fx-neutral", "y-o-y", "yoy", "year-over-year", "year-on-year", "two-year", "run-rate",
    "digit", "double-digit", "single-digit", "specific", "favorable", "unfavorable", "healthy", "continued", "total",
    "worldwide", "co's", "company's", "group's", "firm's", "business's", "million", "billion", "mln", "bln", "line",
    "backlog", "forma", "base", "full", "whole", "than", "to", "on", "at", "by", "from", "into", "over", "under", "per",
    "positive", "negative", "modest", "significant", "robust", "good", "better", "best", "worse", "record-high",
    "higher-than-expected", "lower-than-expected", "expected", "estimated", "mid-single-digit", "high-single-digit",
    "low-single-digit", "quarter", "year", "month", "half", "period", "sees", "see", "says", "said", "expects",
    "expect", "posts", "reports", "increases", "decreases", "projects", "anticipate", "anticipates", "include",
    "includes", "deliver", "delivers", "grow", "grows", "achieve", "achieves", "assumes", "drove", "provide",
    "provides", "forecast", "forecasts", "guides", "sets", "raises", "cuts", "lowers", "reaffirms", "reiterates",
    "narrows", "withdraws", "maintains", "targets", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "will", "would", "may", "could", "should", "all", "any", "no", "not", "more", "less", "most", "such", "other",
    "also", "both", "each", "per-share", "gross", "net", "reported", "organic", "underlying", "core", "recurring",
}


_LOWER_PERIODISH = re.compile(r"^(?:q[1-4]|[1-4]q|h[12]|fy[\d'-]*|\d[\d'-]*|\w+-(?:quarter|year|month|week|half|date|day|end)s?"
                              r"|(?:first|second|third|fourth)|\w*(?:ed|ly)|(?:includ|exclud|grow|increas|declin|ris|fall|"
                              r"improv|accelerat|decelerat|continu|ongo|remain|exist|lead|underly|trail|operat|recurr|"
                              r"outstand|pend|result|dur|follow|accord|regard|consider|assum|reach|report|generat|driv|"
                              r"boost|deliver|achiev|target|provid|expect|see|post|slow|strengthen|weaken|stabiliz|"
                              r"stabilis|recover|shrink|expand|climb|drop|jump|surg|soar|plung|tumbl|slid|sink)ing)$")


# participles that describe a total's course or kind, never name a line of business ("rising revenue")
_PARTICIPLES = frozenset(re.findall(r"\S+", """
operating rising falling growing declining increasing decreasing existing remaining underlying recurring continuing
ongoing outstanding trailing resulting corresponding following preceding upcoming disappointing encouraging
surprising booming slowing shrinking improving accelerating sagging slumping weakening strengthening lagging
flagging stagnating soaring plunging sliding slipping missing matching leading reporting comparing rolling running
pending adjusting excluding including offsetting beginning ending closing opening outgoing incoming whopping
staggering during accounting amounting totaling totalling reaching exceeding surpassing topping beating lifting
boosting hurting driving generating producing bringing achieving posting recording delivering booking expecting
forecasting projecting estimating targeting guiding seeing having being getting making taking giving showing
"""))


# what a gerund that governs the metric as a verb follows ("by further reducing debt", "more than tripling earnings")
_GERUND_AS_VERB = re.compile(r"(?i)\b(?:by|than|further|after|before|while|without|from|for|of|in|on|to|at|is|was|are|"
                             r"were|be|been|also|not)\s+$")


def _activity_noun(token: str) -> bool:
    """A lower-case activity that names a line of business before a metric ("housing revenue", "trading income",
    "shipping sales"), not a participle that describes the total ("rising revenue", "operating income").

    >>> _activity_noun("housing"), _activity_noun("rising"), _activity_noun("Housing")
    (True, False, False)
    """
    return token.islower() and len(token) > 5 and token.endswith("ing") and token not in _PARTICIPLES \
        and token not in _TOTAL_MODIFIERS


def _lower_segment_word(token: str) -> bool:
    return token not in _LOWER_TOTAL and token not in _TOTAL_MODIFIERS and token not in _FUNCTION \
        and not _LOWER_PERIODISH.match(token) and len(token) > 1


# Words that qualify a company total, not a part of it ("Total revenue", "Quarterly sales", "Organic growth").
_TOTAL_MODIFIERS = {
    "total", "net", "gross", "consolidated", "quarterly", "annual", "annualized", "record", "adjusted", "reported",
    "statutory", "headline", "basic", "diluted", "ifrs", "gaap", "non-gaap",
    "organic", "overall", "operating", "comparable", "our", "its", "their", "the", "group", "company", "revenue",
    "revenues", "sales", "fiscal", "full-year", "first-quarter", "second-quarter", "third-quarter", "fourth-quarter",
    "year-to-date", "year-ago", "year-earlier", "prior-year", "prior-quarter", "quarter-ago", "last", "prior",
    "previous", "current", "higher", "lower", "strong", "weak", "solid", "additional", "incremental", "sequential",
    "estimated", "expected", "projected", "preliminary", "pro", "underlying", "core", "recurring", "cumulative",
    "combined", "companywide", "company-wide", "global", "worldwide", "first", "second", "third", "fourth",
    "half-year", "nine-month", "six-month", "monthly", "weekly", "daily", "average", "increased", "decreased",
    "improved", "rising", "falling", "growing", "declining", "flat", "double-digit", "single-digit", "new",
    "in", "of", "and", "or", "but", "with", "while", "as", "that", "which", "whose", "if", "when", "where",
    "operation", "operations", "initial", "potential", "substantial", "financial", "partial", "essential",
    "exceptional", "development", "improvement", "investment", "management", "acquisition",
}


# what may stand before a bare "income" that is still the net result ("the company's income", "quarterly income")
# ("Group income was 6.95 billion pounds", "total income": a bank's revenue, not its net income)
_BARE_INCOME_OK = _TOTAL_MODIFIERS - {"operating", "operation", "operations", "financial", "development", "investment",
                                      "management", "acquisition", "gross", "revenue", "revenues", "sales", "group",
                                      "total"} | {
    "s", "quarter", "year", "period", "half", "month", "months", "weeks", "unaudited", "audited", "restated", "revised",
    "previous", "prior", "year-ago", "year-earlier", "prior-year", "its", "whose"}


_BALANCES = {"loans", "deposits", "total_debt", "net_debt", "cash", "total_assets"}


_SUBCLASSED = {"loans", "deposits"}


# a transaction on a balance is not the balance: "we sold $182 million of loans", "repaid $500 million of debt"
_TRANSACTION_BEFORE = re.compile(
    r"\b(?:sold|sells?|selling|bought|buy(?:s|ing)?|purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|originat(?:e|es|ed|ing)|"
    r"(?:re[\s-]?)?securiti[sz](?:e|es|ed|ing)|fund(?:s|ed|ing)|issu(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|"
    r"repa(?:y|ys|id|ying)|pa(?:y|ys|id|ying)\s+(?:off|down|back)|refinanc(?:e|es|ed|ing)|redeem(?:s|ed|ing)?|"
    r"retir(?:e|es|ed|ing)|extinguish(?:es|ed|ing)?|(?:were|was)\s+called|"
    r"(?:re|pre)?payments?\s+of|pay\s?downs?\s+of|redemptions?\s+of)\s+"  # ("the repayment of $6.7 billion of debt")
    r"(?:(?:about|approximately|nearly|some|roughly|over|more\s+than|an?\s+(?:additional|further)|another|"
    r"the\s+remaining|its|our|their)\s+)*(?:[\w-]+\s+){0,8}?$", re.IGNORECASE)


# classes of loans and deposits ("commercial loans", "demand deposits", "Ginnie Mae project loans")
_BALANCE_CLASSES = {"commercial", "consumer", "mortgage", "residential", "construction", "auto", "card", "student",
                    "retail", "wholesale", "business", "industrial", "agricultural", "farm", "demand", "time", "savings",
                    "checking", "brokered", "project", "home-equity", "multifamily", "corporate", "personal",
                    "non-performing", "nonperforming", "nonaccrual", "non-accrual", "problem", "troubled", "bad",
                    "delinquent", "foreign", "domestic", "energy", "real-estate", "estate", "small-business", "sme",
                    "government", "sovereign", "leveraged", "syndicated", "bridge", "term", "interbank", "jumbo",
                    "subprime", "payday", "margin", "trade", "core", "noninterest-bearing", "interest-bearing"}


_FUNCTION = {"its", "our", "their", "the", "this", "that", "these", "those", "his", "her", "a", "an", "and", "or",
             "in", "of", "for", "with", "as", "but", "while", "which", "whose", "total", "net", "gross",
             "percent", "pct"}  # ("6 to 8 percent organic sales growth": the figure's unit, no business line)


# Nouns that name a line of business ("communication revenue", "infrastructure sales", "electronics revenue").
_SEGMENT_SUFFIX = re.compile(r"(?:tion|sion|ment|ics|ware|ial)s?$|^infrastructure$")


# A sentence that opens on a segment or region sets it for its figures: "In North America, sales of $156.1
# million grew 57.6%", "Moving to Irrigation, record global sales of $282 million", "For the Color Group, ...".
_SEGMENT_LEAD = re.compile(
    r"^\s*(?:(?:And|Now|So|Next|Finally),?\s+)?(?:(?:moving|turning|shifting|going)\s+(?:on\s+)?to|In|Within|At|For|Across)"
    r"\s+(?:the\s+|our\s+)?(?P<name>[A-Z][\w&'’-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w&'’-]*){0,3})"
    r"(?:\s+(?:segment|division|business|group|unit|region|market|side)s?)?\s*,", re.IGNORECASE)


_NOT_SEGMENT = re.compile(
    r"(?i)^(?:Q[1-4](?:\s*FY)?['’]?\d*|[1-4]Q['’]?\d*|H[12]['’]?\d*|FY['’]?\d*|fiscal|first|second|third|fourth|the|total|overall|addition|summary|"
    r"(?:three|six|nine|twelve|\d+)\s+(?:months|mths|weeks)|(?:full[\s-])?year|quarter|half|period|"
    r"conclusion|aggregate|terms|comparison|consolidated|general|gaap|non-gaap|this|that|these|those|it|its|"
    r"our|all|both|each|short|sum|particular|fact|contrast|turn|light|response|closing|other|order|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|july|august|september|"
    r"october|november|december|current|next|coming|full|whole|rest|remainder|balance|year|quarter|period|three|six|nine|twelve|months|"
    r"half|weeks|latest|same|prior|previous|last|\d|"
    # a basis, not a part of the company ("At constant rates, revenue grew 4.4%", "In local currencies, ...")
    r"constant|local|organic|like[\s-]for[\s-]like|comparable|reported|underlying)\b|"
    # topics of a call, not parts of the company ("Turning to our outlook, for the third quarter we expect", "Now,
    # turning to our operating income, we recorded")
    r"(?:^|\s)(?:outlook|guidance|forecast|results|financials|balance\s+sheet|cash\s+flows?|expenses|costs|"
    r"margins?|profitability|liquidity|capital|earnings|revenues?|sales|income|profits?|ebitda|eps|highlights|"
    r"details|numbers|performance|p&l|questions|q&a)$")


_SEGMENTED = {"revenue", "operating_income", "adjusted_operating_income", "gross_profit", "operating_margin",
              "gross_margin", "ebitda", "adjusted_ebitda", "adjusted_ebitda_margin", "orders", "net_income",
              "adjusted_net_income", "adjusted_operating_margin", "pretax_income", "net_margin", "revenue_backlog",
              "organic_revenue", "revenue_constant_currency"}


_COMPS_OF = re.compile(r"(?i)\s+(?:of|in\s+the\s+range\s+of|between)\s+(?:about\s+|approximately\s+|roughly\s+)?")


# a percentage set against an earlier year with no verb: "four pct below 1985", "six pct above the year before"
ABOVE_OR_BELOW_YEAR = re.compile(r"\s+(?P<word>above|below|under|over)\s+(?:(?:fiscal\s+)?(?:19|20)\d\d(?=\s*(?:[.,;)]|$))|"
                                  r"(?:the\s+)?(?:year|previous\s+year|prior\s+year)\s+(?:before|earlier)\b|"
                                  r"(?:the\s+)?(?:year[\s-]ago|prior[\s-]year|previous[\s-]year|last\s+year['’]s)\s+"
                                  r"(?:level|figure|results?|period|quarter)\b|a\s+year\s+(?:earlier|ago|before)\b)",
                                  re.IGNORECASE)


def _change_context(text: str, q: Quantity, m: Mention) -> bool:
    if m.metric == "same_store_sales" and q.kind == "percent" and m.end <= q.start \
            and _COMPS_OF.fullmatch(text, m.end, q.start):
        return True  # same-store sales are told only by their change ("comparable store sales of 6% to 8%")
    if q.kind == "percent" and ABOVE_OR_BELOW_YEAR.match(text, q.end):
        return True  # "net income was 48.2 mln dlrs, four pct below 1985": a change against that year
    lo, hi = min(m.start, q.start), max(m.end, q.end)
    window = text[max(0, lo - 10):min(len(text), hi + 40)]
    if q.change_word is not None or _CHANGE_CUE_SCAN.search(window, window.lower()) is not None or \
            _BY_CHANGE_WORDS.search(text[max(0, q.start - 100):q.start]):  # "cut its profit forecast by 15%"
        return True
    # "increases revenue 55% and earnings per share 195%": the verb of the clause governs both pairs
    lead = text[max(0, lo - 80):lo]
    clause = re.split(r"[;:]|\.\s|\bbut\b|\bwhile\b", lead)[-1]
    verbs = list(_GOVERNING_CHANGE.finditer(clause))
    verb = verbs[-1] if verbs else None
    return verb is not None and (len(clause[verb.end():].split()) <= 2
                                 or bool(re.search(r"\d\s*(?:%|pct|per\s?cent|percent)", clause[verb.end():])))


_RATIO_TO_SALES = re.compile(r"\b(?:percent(?:age)?|per\s+cent|%)\s+of\s+(?:net\s+|total\s+)?(?:sales|revenues?)\b",
                             re.IGNORECASE)


_ratio_memo: list[object] = [None, False]  # the last sentence and its answer (one search per sentence)


def _ratio_to_sales(text: str) -> bool:
    """Whether the sentence speaks of a percentage of sales or revenue."""
    if _ratio_memo[0] is not text:
        _ratio_memo[0], _ratio_memo[1] = text, "of" in text and _RATIO_TO_SALES.search(text) is not None
    return bool(_ratio_memo[1])


# ("earnings rose about 50 pct ... and revenues about 30 pct": the verb of the first pair goes on to the second)
_GOVERNING_CHANGE = re.compile(r"\b(?:increas|decreas|rais|grow|grew|boost|lift|cut|reduc|improv|doubl|rose|fell|jump|"
                               r"climb|declin|dropp|surg|soar|slump|plung|tumbl)\w*\b", re.IGNORECASE)


_BY_CHANGE = re.compile(r"\b(?:rais|lower|cut|reduc|increas|decreas|boost|trim|narrow|widen|lift|grow|grew|rose|fell|"
                        r"declin|improv)\w*\b[^.;]{0,60}\bby\s+(?:about\s+|approximately\s+|some\s+|nearly\s+|"
                        # "would be reduced by a total of $72 million", "cut by a further $5 million"
                        r"roughly\s+|almost\s+|a\s+total\s+of\s+|an?\s+(?:additional|further)\s+|another\s+)?$",
                        re.IGNORECASE)
_BY_CHANGE_WORDS = WindowWords(_BY_CHANGE)  # (searched where its words are)


_UP_BEFORE = re.compile(r"(?:\b(?:up|down)|\b(?:an?\s+)?(?:increase|decrease|decline|rise|drop|reduction|improvement|"
                        r"gain|fall)\s+of)\s+(?:(?:by|about|nearly|almost|some|roughly|approximately|around|well|over|"
                        r"more\s+than|less\s+than)\s+)*$", re.IGNORECASE)


# "Interest expense declined $1.7 million", "adjusted operating income improved $12.5 million over": a verb of change
# right before an amount (not "declined to $1.7 million") makes it the change
_MOVED_BY = re.compile(r"\b(?:rose|fell|grew|increased|decreased|declined|improved|jumped|dropped|climbed|slipped|"
                       r"gained|surged|expanded|shrank|slid|tumbled|plunged|soared|(?:was|were|is|are)\s+(?:up|down))\s+"
                       r"(?:(?:about|nearly|approximately|some|roughly|almost|more\s+than|over|just|well|around)\s+)*$",
                       re.IGNORECASE)


# ("$11 million lower revenue", "$167 million lower than the year-ago quarter" or than a period it names; not
# "$1.05, higher than the $1.01 expected": a level set against another figure)
_MORE_AFTER = re.compile(r"^\s*(?:(?:over|ahead\s+of)\s+(?:the\s+)?(?:last\s+year|prior[\s-]year|previous\s+year|"
                         r"year[\s-]ago|a\s+year\s+ago|same\s+period))\b|"  # "$60 million over last year's levels"
                         r"^\s*(?:higher|lower|more|less|above|below)\b(?!\s+than\b(?!\s+(?:in\s+|for\s+)?(?:the\s+|a\s+)?"
                         r"(?:year[\s-]ago|prior[\s-]year|previous[\s-]year|same|last|prior|previous|a\s+year)\b|"
                         # an earlier period named ("$4 million lower than Q1 of last year", "$176 million more than
                         # our December 2019 balance", "lower than the third quarter of 2020")
                         r"\s+(?:in\s+|for\s+|at\s+)?(?:the\s+|our\s+|its\s+)?(?:q[1-4]|(?:first|second|third|fourth)\s+quarter|"
                         r"year[\s-]end|(?:[a-z]+\s+)?(?:fiscal\s+)?(?:19|20)\d\d)\b(?!\s*(?:guidance|outlook|forecast|"
                         r"estimates?|consensus|targets?|plan)\b)))"
                         r"(?!\s+(?:expected|estimates?|forecasts?|consensus|guidance|outlook))", re.IGNORECASE)


# the amount's own comparison right after it, or after the percentage given with it: "$4 million sequentially",
# "$1.6 billion, or 4%, sequentially"
# "net debt decreased sequentially by $588 million": the quarter before, named before the amount
_QOQ_BEFORE_BY = re.compile(r"(?i)\b(?:sequentially|quarter[\s-]+over[\s-]+quarter)\s+by\s+(?:about\s+|approximately\s+|"
                            r"some\s+|nearly\s+|roughly\s+)?$")
_QOQ_AFTER = re.compile(r"^,?\s+(?:or\s+(?:about\s+|approximately\s+|nearly\s+|roughly\s+)?[\d.]+\s*%,?\s+)?"
                        r"(?:sequentially|quarter[\s-]+over[\s-]+quarter|q/q|on\s+a\s+(?:sequential|linked[\s-]quarter)\s+basis)\b",
                        re.IGNORECASE)


def _qoq_after(after: str) -> bool:
    return _QOQ_AFTER.match(after) is not None


# "adding about $90 billion to its market value", "wiped $40 billion off its market value": the value's move
_VALUE_MOVED_BEFORE = re.compile(r"\b(?:add(?:s|ed|ing)?|wip(?:e|es|ed|ing)(?:\s+out)?|eras(?:e|es|ed|ing)|shed(?:s|ding)?|"
                                 r"los(?:e|es|t|ing)|gain(?:s|ed|ing)?)\s+(?:(?:about|nearly|some|roughly|almost|"
                                 r"more\s+than|over|around)\s+)*$", re.IGNORECASE)
_VALUE_MOVED_AFTER = re.compile(r"\s+(?:in|to|from|off|of)\s+(?:its\s+|their\s+|the\s+(?:company|group)['’]s\s+)?"
                                r"(?:stock\s+)?market\s+(?:value|capitali[sz]ation|cap)\b", re.IGNORECASE)


def _measure(text: str, q: Quantity, how: str | None) -> Measure:
    if _PART_AFTER.match(text[q.end:q.end + 20]) or _PART_BEFORE.search(text[max(0, q.start - 30):q.start]) \
            or part_from_after(text, q.end):
        return Measure.PART
    if q.kind == "money" and _VALUE_MOVED_AFTER.match(text, q.end) \
            and _VALUE_MOVED_BEFORE.search(text, max(0, q.start - 30), q.start):
        return Measure.CHANGE
    if how == "level" and q.kind in ("money", "count") and (_BY_CHANGE_WORDS.search(text[max(0, q.start - 100):q.start])
                                                 or _UP_BEFORE.search(text[max(0, q.start - 40):q.start])
                                                 or _MOVED_BY.search(text, max(0, q.start - 40), q.start)
                                                 or _MORE_AFTER.match(text[q.end:q.end + 50])
                                                 or change_after_percent(text, q.start) or of_move_after(text, q.end)
                                                 or per_share_move_after(text, q.end)
                                                 or change_noun_after(text, q.start, q.end)):
        # "lowered its guidance by $0.10 per share", "reduced debt by $90 million", "up 3 million from the first
        # quarter", "an increase of $12 million", "$11 million lower revenue"; against the quarter before when
        # "sequentially" follows the amount, or the percentage given with it ("up $4 million sequentially to",
        # "up $1.6 billion or 4% sequentially")
        return Measure.CHANGE_QOQ if _qoq_after(text[q.end:q.end + 40]) or prior_quarter_after(text, q.end) \
            or _QOQ_BEFORE_BY.search(text, max(0, q.start - 40), q.start) else Measure.CHANGE
    if how != "change":
        return Measure.LEVEL
    window = text[max(0, q.start - 60):q.end + 60]
    near = text[q.end:q.end + 60]
    qoq, yoy = _QOQ.search(near), _YOY.search(near)
    if qoq is not None and yoy is not None:
        # "up 8% year-over-year and 3% sequentially": the qualifier right after the figure is its own
        return Measure.CHANGE_QOQ if qoq.start() < yoy.start() else Measure.CHANGE_YOY
    if qoq is not None or (_QOQ.search(window) and yoy is None):
        return Measure.CHANGE_QOQ
    if _YOY.search(window):
        return Measure.CHANGE_YOY
    return Measure.CHANGE


def _signed(value: Value, sign: int) -> Value:
    if sign >= 0:
        return value
    point = -value.point if value.point is not None else None
    return Value(-value.high, -value.low, value.unit, value.stated, value.qualifier, value.decimals, point)
