"""Words of a results call or summary that look like a metric and are not the one a figure has (hand-checked on unseen
calls; each rule is stated for any company):

* the bare word "share" that is a share of a market or of a category ("our growing share of the segment", "market
  share", "we gained share") is no share price, so a growth after it ("with our lager also growing 30%") is no move of
  the stock;
* a metric said to be none ("with virtually no debt and cash for $137 million", "zero debt") owns no figure: the
  amount after it is the next metric's;
* an amount set between an article and a noun of change ("a $96 million increase over last year", "a $0.01 increase
  from prior quarters") is the change, never the earlier level;
* in "down 4% sequentially and 6% year-over-year" the second figure shares the first one's verb: a fall too (the
  words between them are only the first figure's comparison and "and");
* a percentage with a noun of fall after it, past its comparison ("$262 million, a 27% year-on-year decrease") is a
  fall;
* an amount "lower compared to the prior quarter" ("$11.9 billion of total debt, which was approximately $300 million
  lower compared to the prior quarter") is a change against the quarter before, not a year earlier;
* "earnings" told as an amount with no scale and no "per share" ("Adjusted earnings, which excludes restructuring
  charges, was a loss of $0.61", "compared with earnings of $0.24 a year ago") are earnings per share: no company's
  earnings for a period are a few dollars;
* a balance named with what sets some of it apart ("$92 million of loans secured by hotels", "loans that have been
  granted deferrals") is a part of it, not the balance; and a balance named as what an income, a yield or a cost is
  earned on ("interest income on loans decreased $28 million") owns no figure.

>>> s = "We grew our share of the premium segment, with our lager also growing 25% in the quarter."
>>> market_share(s, s.index("share"), s.index("share") + 5)
True
>>> s = "We ended the quarter with essentially no debt and cash for $90 million."
>>> stated_none(s, s.index("debt"))
True
>>> s = "There was no change in debt of $90 million."
>>> stated_none(s, s.index("debt"))
False
>>> s = "Free cash flow was $410 million, a $85 million increase over last year."
>>> change_noun_after(s, s.index("$85"), s.index(" increase"))
True
>>> s = "Core FFO per share was $1.64, a $0.50 or 43.9% increase from the prior year."
>>> change_noun_after(s, s.index("$0.50"), s.index(" or 43"))
True
>>> s = "Free cash flow was $410 million, compared with $325 million last year."
>>> change_noun_after(s, s.index("$325"), s.index(" last"))
False
>>> s = "Included in the total are $92 million of loans secured by hotels."
>>> qualified_balance(s, s.index("loans") + 5), qualified_balance("Total loans were $9.8 billion.", 11)
(True, False)
>>> s = "Interest income on loans decreased $28 million."
>>> earned_on_balance(s, s.index("loans")), earned_on_balance("Total loans decreased $28 million.", 6)
(True, False)
>>> s = "We ended the quarter with $3.89 billion of net debt that is $4.44 billion of debt less cash."
>>> qualified_balance(s, s.index(" that"))
False
>>> s = "Adjusted earnings, which excludes restructuring charges, was a loss of $0.61, compared with $0.24."
>>> earnings_per_share_before(s, s.index("$0.61")), earnings_per_share_before(s, s.index("$0.24"))
('-adjusted_eps', None)
>>> s = "Adjusted earnings were $0.61, compared with earnings of $0.24 a year ago; GAAP earnings were $0.50."
>>> [earnings_per_share_before(s, s.index(x)) for x in ("$0.61", "$0.24", "$0.50")]
['adjusted_eps', 'adjusted_eps', 'eps']
>>> s = "Cash flow was $262 million, a 27% year-on-year decrease."
>>> fall_noun_after(s, s.index("% year") + 1), fall_noun_after("a 27% year-on-year increase", 5)
(True, False)
>>> s = "Total debt was $300 million lower compared to the prior quarter and $900 million lower than a year ago."
>>> prior_quarter_after(s, s.index(" million lower comp")), prior_quarter_after(s, s.index(" million lower than"))
(True, False)
>>> comparison_list_gap(" sequentially and "), comparison_list_gap(" sequentially and up ")
(True, False)
>>> s = "This $311 million of loans includes $48 million added through the acquisition."
>>> restated_amount(s, s.index("$311")), restated_amount("Loans were $311 million.", 11)
(True, False)
>>> s = "Sales to other commercial aircraft makers fell almost 40% year over year."
>>> sales_to(s, len("Sales")), sales_to("Sales to date were $40 million.", 5), sales_to("We expect sales to grow 5%.", 15)
(True, False, False)
>>> s = "Our share price rose 25% in the quarter."
>>> market_share(s, s.index("share"), s.index("share") + 11)
False
"""

from __future__ import annotations

import re

# "share" of something ("share of the segment", "share of wallet") or a kind of market share ("market share", "unit
# share", "our growing share", "gained share"), never "a share of common stock"
_SHARE_OF_AFTER = re.compile(r"(?i)\s+of\s+(?!(?:common|class|our\s+(?:common\s+)?stock|its\s+(?:common\s+)?stock|"
                             r"stock|the\s+(?:company['’]s\s+)?(?:common\s+)?stock)\b)")
_SHARE_KIND_BEFORE = re.compile(r"(?i)\b(?:market|unit|volume|dollar|value|category|segment|retail|national|"
                                r"growing|gained|gaining|gain|lost|losing|grew|growth\s+in|took|taking)\s+$")


def market_share(text: str, start: int, end: int) -> bool:
    """Whether the metric word at ``start:end`` is the bare word "share" naming a share of a market (see the module's
    docstring)."""
    if text[start:end].lower() != "share":
        return False
    return _SHARE_OF_AFTER.match(text, end) is not None \
        or _SHARE_KIND_BEFORE.search(text, max(0, start - 20), start) is not None


# "no debt", "virtually no long-term debt", "zero debt", "without any debt" (not "no change in debt")
_NONE_BEFORE = re.compile(r"(?i)\b(?:no|zero|without(?:\s+any)?)\s+(?:(?!(?:in|of|on|to|for|from|at|with|by)\b)"
                          r"[a-z-]+\s+)?$")


def stated_none(text: str, start: int) -> bool:
    """Whether the metric word at ``start`` is said to be none (see the module's docstring)."""
    return _NONE_BEFORE.search(text, max(0, start - 30), start) is not None


# "a $96 million increase", "an $8 million year-over-year improvement", "a $0.01 increase from prior quarters", "a $0.50
# or 43.9% increase" (the same change in percent between)
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:an?|another)\s+(?:(?:approximately|about|roughly|nearly|almost|over|more\s+than)"
                             r"\s+)?$")
_CHANGE_NOUN_AFTER = re.compile(r"(?i)(?:\s*,?\s+or\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+)?[\d.]+\s*%\s*,?)?"
                                r"\s*(?:(?:year[\s-]over[\s-]year|year[\s-]on[\s-]year|sequential|quarter[\s-]over"
                                r"[\s-]quarter|net|overall|total)\s+)?(?:increase|decrease|rise|decline|improvement|"
                                r"reduction|gain|drop|jump|growth|deterioration|fall)\b(?!\s+in\s+(?!the\b|our\b))")


def change_noun_after(text: str, start: int, end: int) -> bool:
    """Whether the amount at ``start:end`` stands between an article and a noun of change (see the module's
    docstring)."""
    return _CHANGE_NOUN_AFTER.match(text, end) is not None \
        and _ARTICLE_BEFORE.search(text, max(0, start - 30), start) is not None


# what sets a part of a balance apart, right after its noun
_QUALIFIED_AFTER = re.compile(
    r"(?i)\s+(?:(?:secured|backed|collateralized|collateralised|guaranteed)\s+by|(?:that|which)\s+(?:have|has|had|are|"
    r"were)\b(?!\s+(?:approximately|about|roughly|\$))|(?:on|in|under)\s+(?:payment\s+)?(?:deferrals?|forbearance|modifications?)\b|granted\b|"
    r"(?:related|tied)\s+to\b)")
# an income, a yield or a cost earned or paid on the balance
_EARNED_ON_BEFORE = re.compile(
    r"(?i)\b(?:income|yields?|rates?|fees|interest|spreads?|revenues?|costs?|expenses?|losses|charge-?offs)\s+"
    r"(?:on|from)\s+(?:our\s+|the\s+|total\s+|average\s+)?$")


def qualified_balance(text: str, metric_end: int) -> bool:
    """Whether the balance named right before ``metric_end`` is a part set apart by what follows it (see the module's
    docstring)."""
    return _QUALIFIED_AFTER.match(text, metric_end) is not None


def earned_on_balance(text: str, metric_start: int) -> bool:
    """Whether the balance at ``metric_start`` is named as what an income, a yield or a cost is earned or paid on."""
    return _EARNED_ON_BEFORE.search(text, max(0, metric_start - 30), metric_start) is not None


_DEMONSTRATIVE_BEFORE = re.compile(r"(?i)\b(?:this|that|these|those)\s+$")


def restated_amount(text: str, start: int) -> bool:
    """Whether the amount at ``start`` follows a demonstrative that points back to a figure given already."""
    return _DEMONSTRATIVE_BEFORE.search(text, max(0, start - 8), start) is not None


# "sales to other commercial aerospace", "sales to China", "sales to government customers": who the sales are made to
_SALES_TO_AFTER = re.compile(
    r"\s+to\s+(?:(?:other|our|certain|existing|new|key|large|small|international|domestic|foreign|government|federal|"
    r"retail|commercial|industrial|outside|external|third[\s-]part(?:y|ies)|(?:the\s+)?(?:[a-z-]+\s+)?"
    r"(?:markets?|sector|industry|channels?))\b|customers?\b|clients?\b|distributors?\b|dealers?\b|"
    r"(?-i:(?!(?:Q[1-4]|January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Sept?|Oct|Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug)\b)[A-Z][a-z]+))", re.IGNORECASE)


def sales_to(text: str, metric_end: int) -> bool:
    """Whether the sales named right before ``metric_end`` are named by whom they are made to (see the module's
    docstring)."""
    return _SALES_TO_AFTER.match(text, metric_end) is not None


# the words between two changes that share one verb: the first one's comparison, then "and" ("down 4% sequentially and
# 6% year-over-year", "fell 3% year over year, and 1% from the prior quarter")
_COMPARISON_LIST_GAP = re.compile(
    r"(?i)\s*(?:sequentially|year[\s-]+(?:over|on)[\s-]+year|quarter[\s-]+(?:over|on)[\s-]+quarter|y/y|q/q|yoy|"
    r"(?:from|versus|vs\.?|compared\s+(?:to|with))\s+(?:the\s+|a\s+)?(?:prior|previous|preceding|last|same)?\s*"
    r"(?:year|quarter)(?:[\s-]+(?:ago|earlier|before))?(?:\s+(?:period|quarter))?|"
    r"on\s+a\s+(?:sequential|linked[\s-]quarter|year[\s-]over[\s-]year)\s+basis)\s*,?\s+and\s+")


def comparison_list_gap(gap: str) -> bool:
    """Whether ``gap``, the words between two changes, is the first one's comparison and "and": the second shares the
    first one's verb (see the module's docstring)."""
    return _COMPARISON_LIST_GAP.fullmatch(gap) is not None


# "earnings" (adjusted or not) as the subject right before an amount: "Adjusted earnings, which excludes ..., was a loss
# of", "GAAP earnings were" (not "earnings a year ago of $0.39": a period before the figure is not read there)
_EARNINGS_AMOUNT_BEFORE = re.compile(
    r"(?i)\b(?:(?P<adj>adjusted|non-gaap|core|operating|normalized)|gaap|reported|diluted)?\s*(?<![\w-])earnings"
    r"(?:\s*,\s*(?:which|excluding|before)\b[^;.$€£]{3,120}?,|\s+(?:for|in)\s+the\s+(?:quarter|year))?\s+"
    r"(?:was|were|of|came\s+in\s+at|totall?ed|amounted\s+to|reached)\s+"
    r"(?P<loss>an?\s+(?:net\s+)?loss\s+of\s+)?(?:(?:about|approximately|roughly)\s+)?$")

_AGAINST_BEFORE = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|versus|vs\.?|against|from)\s*$")
_ADJUSTED_EARNINGS = re.compile(r"(?i)\b(?:adjusted|non-gaap|core|operating|normalized)\s+(?:earnings|eps)\b")


def earnings_per_share_before(text: str, start: int) -> str | None:
    """The per-share metric ("eps" or "adjusted_eps", "-" prefixed for a loss) of an amount at ``start`` told as
    "earnings" with no scale and no "per share" (the caller checks the amount: see the module's docstring), or None."""
    m = _EARNINGS_AMOUNT_BEFORE.search(text, max(0, start - 200), start)
    if m is None:
        return None
    # (a bare "earnings" set against an adjusted one before it is adjusted too: "Adjusted earnings was $0.88,
    # compared with earnings of $0.39 a year ago")
    against = _AGAINST_BEFORE.search(text, max(0, m.start() - 40), m.start() + 1)
    adjusted = m.group("adj") or (against is not None and _ADJUSTED_EARNINGS.search(
        re.split(r"[.;]\s", text[max(0, m.start() - 250):m.start()])[-1]))
    metric = "adjusted_eps" if adjusted else "eps"
    return "-" + metric if m.group("loss") else metric


# a noun of fall after the figure, past its comparison: "a 27% year-on-year decrease", "an 8% sequential decline"
_FALL_NOUN_AFTER = re.compile(
    r"(?i)\s+(?:year[\s-]+(?:over|on)[\s-]+year|quarter[\s-]+(?:over|on)[\s-]+quarter|sequential|organic|"
    r"(?:year|quarter)[\s-]to[\s-]date)\s+(?:decrease|decline|drop|fall|reduction|contraction|deterioration)\b")


def fall_noun_after(text: str, end: int) -> bool:
    """Whether a noun of fall follows the figure ending at ``end`` past its comparison (see the module's docstring)."""
    return _FALL_NOUN_AFTER.match(text, end) is not None


# a move against the quarter before, right after the amount: "$300 million lower compared to the prior quarter", "up
# $4 million from the previous quarter"
_PRIOR_QUARTER_AFTER = re.compile(
    r"(?i)(?:\s*(?:million|billion|thousand|mln|bln|bn|m|b)\b)?\s*,?\s+(?:(?:higher|lower|more|less|up|down|better|worse)\s+)?"
    r"(?:compared\s+(?:to|with)|than|from|versus|vs\.?|over)\s+(?:the\s+|our\s+)?(?:prior|previous|preceding|last|"
    r"sequential|linked)\s+quarter\b(?!\s+(?:of|in)\s+(?:last\s+year|(?:19|20)\d\d))")


def prior_quarter_after(text: str, end: int) -> bool:
    """Whether the amount ending at ``end`` is a move against the quarter before, named right after it (see the
    module's docstring)."""
    return _PRIOR_QUARTER_AFTER.match(text, end) is not None
