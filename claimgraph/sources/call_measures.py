"""Figures of a results call or summary that stand beside the company's own and are not it, or that restate the
figure before them (hand-checked on unseen calls; each rule is stated for any company):

* the growth an outlook implies is the outlook ("sees q1 revenue of $89 to $91 million, a year-over-year increase of
  33% at midpoint", "EPS of $3.50 to $3.70 represents 15% EPS growth");
* a bare loss set against the figure before it is that metric's ("Adjusted EBITDA was $18 million, up from a loss
  of $5 million"), not net income;
* a basis named after "and" is the next figure's ("EPS of $1.52 to $1.72, and on an adjusted basis, $3.50 to
  $3.70");
* in a call, an amount given as a range ("full year adjusted EPS of $1.08 to $1.28") is an outlook: results are
  stated as one figure (unless the figure is said to be in a range already reached: "came in at the high end of");
* a period named in a lead saying what an outlook rests on ("Based on Q1 performance, we now anticipate sales growth
  of 10% to 14%") is not the outlook's period;
* an amount per head or per unit ("fee revenue production per consultant was $1.16 million") is not the metric;
* in a sentence comparing with the quarter before ("On a sequential basis, operating earnings declined $3 million
  from $78 million"), the earlier figure is that quarter's;
* an amount's metric named with "percentage" or "rate" right after it is a ratio ("operating earnings percentage of
  10.6%");
* a threshold of customers' revenue ("customers generating more than $1 million in revenue") is no figure of the
  company, and neither is the earlier share set against a share of a total ("Social represented 33% of our
  advertiser revenue, up from 29% in 2020").

>>> bool(GROWTH_OF_OUTLOOK.fullmatch(", a year-over-year increase of ")), bool(GROWTH_OF_OUTLOOK.fullmatch(" represents "))
(True, True)
>>> customer_threshold("the number of customers generating more than $1 million in revenue", 45)
True
>>> customer_threshold("revenue from customers was $1 million", 30)
False
"""

from __future__ import annotations

import re

from claimgraph.sources.metrics import Metric
from claimgraph.sources.model import Value
from claimgraph.sources.scan import WindowWords

# between an outlook's level and the growth it implies: ", a year-over-year increase of", " represents", ", or growth of"
GROWTH_OF_OUTLOOK = re.compile(
    r"(?:\s+(?:a|per)\s+(?:diluted\s+)?share)?"
    # (the outlook's own period, then a bare "up": "profit of 95 billion yen for the year to March 2027, up 10%")
    r"(?:(?:\s+(?:for|in)\s+(?:(?!and\b|but\b|while\b|with\b|from\b|compared\b)[^,.;:$€£¥\d]|\d{4}){1,60}?)?"
    # (or the outlook's period, then the growth after a comma: "of $0.55 to $0.60 in the third quarter, a 53% to 67%
    # increase versus prior year")
    r"\s*,\s*(?:(?:up|down)\s+(?:by\s+)?)?)?"
    # (", which, at the midpoint, represents": the point of the range the growth is taken at)
    r"\s*,?\s*(?:(?:which\s*,?\s+(?:(?:at|on)\s+the\s+(?:mid-?point|high\s+end|low\s+end)\s*,?\s+)?(?:would\s+)?)?"
    r"(?:represents?|represent(?:ing|ed)|"
    r"impl(?:ies|ying)|reflects?|reflecting)\s+|or\s+|"
    # (", which at the midpoint is roughly": the growth said of the range's point)
    r"which\s*,?\s+(?:(?:at|on)\s+the\s+(?:mid-?point|high\s+end|low\s+end)\s*,?\s+)?(?:is|would\s+be)\s+)?(?:an?\s+)?(?:(?:year[\s-]over[\s-]year|annual|organic|"
    # (a basis of the growth, and its rate: "representing operational growth of", "representing growth rate of")
    r"operational|underlying|constant[\s-]currency)\s+)?"
    r"(?:(?:increase|growth(?:\s+rates?)?|rise|decline|decrease)\s+(?:(?:of|between)\s+)?)?(?:about\s+|approximately\s+|roughly\s+)?",
    re.IGNORECASE)

PER_SHARE_METRICS = ("eps", "adjusted_eps", "dividend", "ffo_per_share")
# a bare loss set against the figure before: "up from a loss of", "compared with a loss of"
FROM_A_LOSS = re.compile(r"(?i)\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:an?\s+)?loss\s+of\s+"
                         r"(?:about\s+|approximately\s+|roughly\s+)?$")

# the basis named right before the figure, after the metric's own ("and on an adjusted basis, in the range of $3.50")
ADJUSTED_BASIS_BEFORE = re.compile(r"\bon\s+an?\s+(?:adjusted|non-?gaap|operating|core|underlying)\s+basis\b"
                                   r"[^.;\d$€£¥]{0,30}$", re.IGNORECASE)

# customers counted by what they spend: "customers generating more than $1 million in revenue", "clients with over
# $100,000 of annual spend"
_CUSTOMER_THRESHOLD = re.compile(
    r"\b(?:customers?|clients?|accounts?|advertisers?|brands?|members?|users?|partners?)\s+(?:that\s+|who\s+|which\s+)?"
    r"(?:generat(?:e|es|ed|ing)|contribut(?:e|es|ed|ing)|spend(?:s|ing)?|spent|pay(?:s|ing)?|paid|with|having|"
    r"representing|bringing|doing|worth)\s+(?:in\s+excess\s+of|more\s+than|over|at\s+least|above|greater\s+than|"
    r"north\s+of|upwards\s+of)?\s*$", re.IGNORECASE)
_CUSTOMER_THRESHOLD_WORDS = WindowWords(_CUSTOMER_THRESHOLD)  # (searched where its words are)


def customer_threshold(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is a threshold that customers are counted by."""
    return _CUSTOMER_THRESHOLD_WORDS.search(text, max(0, start - 70), start) is not None


# a percentage that is a share of a total ("33% of our advertiser direct revenue"), then the earlier share set
# against it (", up from 29% in 2020")
_SHARE_OF = re.compile(r"\s+of\s+(?:our|its|the|their|total|all)\b", re.IGNORECASE)
_EARLIER_SHARE_GAP = re.compile(r"[^.;\d%$]{0,60}?\b(?:up|down)\s+from\s+(?:about\s+|approximately\s+|roughly\s+)?$|"
                                r"[^.;\d%$]{0,60}?\b(?:compared\s+(?:with|to)|versus|vs\.?)\s+(?:about\s+|approximately\s+)?$",
                                re.IGNORECASE)


# the verb that makes a percentage a share ("represented 33% of", "accounted for about 20% of"; not "Gross margin was
# 44% of our revenue", a margin)
_SHARE_VERB = re.compile(r"\b(?:represent(?:s|ed|ing)?|account(?:s|ed|ing)?\s+for|ma(?:de|kes?|king)\s+up|"
                         r"compris(?:e|es|ed|ing)|contribut(?:e|es|ed|ing))\s+(?:about\s+|approximately\s+|roughly\s+|"
                         r"nearly\s+|almost\s+|over\s+|more\s+than\s+|less\s+than\s+|just\s+)?$", re.IGNORECASE)


def earlier_share(text: str, prev: tuple[int, int], prev_is_percent: bool, start: int, is_percent: bool) -> bool:
    """Whether the percentage at ``start`` is the earlier value of a share of a total stated right before it (at
    ``prev``).

    >>> s = "Video represented 25% of our revenue, up from 21% in 2020."
    >>> earlier_share(s, (18, 21), True, s.index("21%"), True)
    True
    >>> s = "Gross margin was 44% of our revenue, up from 41% a year ago."
    >>> earlier_share(s, (17, 20), True, s.index("41%"), True)
    False
    """
    return prev_is_percent and is_percent and _SHARE_OF.match(text, prev[1]) is not None \
        and _EARLIER_SHARE_GAP.fullmatch(text, prev[1], start) is not None \
        and _SHARE_VERB.search(text, max(0, prev[0] - 40), prev[0]) is not None


def outlook_range(value: Value, level: bool, metric: Metric | None) -> bool:
    """Whether a call's figure is a range of amounts of a flow metric (an outlook's form, not a result's)."""
    return level and metric is not None and metric.kind == "flow" and value.unit not in ("percent", "pp") \
        and value.low != value.high and value.qualifier.value == "range"


# a result placed in a range named before it: "came in at the high end of our range of", "landed within"
_REPORTED_RANGE = re.compile(r"(?i)\b(?:came\s+in|landed|finished|ended|was|were|reported|delivered|achieved)\s+"
                             r"(?:[\w-]+\s+){0,6}?(?:range|between)\b[^.;]{0,30}$|"
                             # ("our annual sales have been between $30 million and $35 million": a past range)
                             r"\b(?:have|has|had)\s+been\s+(?:(?:roughly|about|approximately|consistently|generally|"
                             r"typically)\s+)?(?:between|within|in\s+(?:the|a)\s+range\s+of)\s+$")


def reported_range(text: str, start: int) -> bool:
    """Whether the range at ``start`` is where a result fell ("came in at the high end of our range of", "have been
    between").

    >>> s = "Historically, our annual service sales have been between $20 million and $25 million."
    >>> reported_range(s, s.index("$20")), reported_range("Sales should be between $20 million and $25 million.", 25)
    (True, False)
    """
    return _REPORTED_RANGE.search(text, max(0, start - 80), start) is not None


# a lead naming what an outlook rests on, then the outlook's verb: "Based on Q1 performance and current demand, (we)
# now anticipate"
_BASIS_LEAD = re.compile(r"(?i)^\s*(?:based\s+on|given|reflecting|in\s+light\s+of)\s+[^,;.]{3,90},\s+(?=(?:we\s+|and\s+)?"
                         r"(?:now\s+|currently\s+|still\s+)?(?:expect|anticipate|project|forecast|see|estimate|"
                         r"are\s+(?:raising|lowering|updating|reaffirming|increasing)|raise|lower|update|reaffirm)\b)")


def basis_lead_end(sentence: str) -> int:
    """Where a lead saying what an outlook rests on ends (0 without one): its periods are not the outlook's.

    >>> s = "Based on Q1 performance, we now anticipate sales growth of 10% to 14%."
    >>> s[basis_lead_end(s):][:6]
    'we now'
    >>> basis_lead_end("In Q1, revenue was $5 million.")
    0
    """
    m = _BASIS_LEAD.match(sentence)
    return m.end() if m is not None else 0


# an amount per head or per unit right after the metric's name: "revenue production per consultant", "revenue per
# employee", "EBITDA per rig day" (not per share)
# (words between, no figure: "climbed 9 per cent to" is a percentage, not a metric per something)
_PER_UNIT_AFTER = re.compile(r"(?i)\s+(?:[a-z-]+\s+){0,2}?per\s+(?!(?:diluted\s+|basic\s+|common\s+|fully\s+diluted\s+)?"
                             r"(?:share|unit\s+holder|unitholder|ads|adr)\b|cent\b|centage\b|centum\b)[a-z][\w-]*")


def per_unit_after(text: str, metric_end: int, figure_start: int) -> bool:
    """Whether the metric named at ``metric_end`` is per head or per unit, before its figure at ``figure_start``.

    >>> s = "Annualized fee revenue production per consultant was $1.16 million."
    >>> per_unit_after(s, s.index(" production"), s.index("$"))
    True
    >>> s = "Revenue per share was $1.16."
    >>> per_unit_after(s, s.index(" per"), s.index("$"))
    False
    >>> s = "Earnings before interest and tax climbed 9 per cent to $655m."
    >>> per_unit_after(s, s.index(" climbed"), s.index("$"))
    False
    >>> s = "Profit fell 12 per cent to $2.7 billion."
    >>> per_unit_after(s, s.index(" fell"), s.index("$"))
    False
    """
    return metric_end < figure_start and _PER_UNIT_AFTER.match(text, metric_end, figure_start) is not None


_SEQUENTIAL = re.compile(r"(?i)\b(?:sequential(?:ly)?|linked[\s-]quarters?|quarter[\s-]over[\s-]quarter|"
                         r"(?:prior|previous|preceding|last)\s+quarter(?:['’]s)?)\b")


def sequential_comparison(sentence: str) -> bool:
    """Whether a sentence compares with the quarter before ("On a sequential basis,", "sequentially", "from the
    prior quarter")."""
    return _SEQUENTIAL.search(sentence) is not None


# (also one amount set against another: "net debt to capitalization decreasing by 5% from 51%")
_RATIO_AFTER = re.compile(r"(?i)\s+(?:(?:percentage|percent|rate|ratio)\b(?!\s+(?:of\s+)?(?:growth|increase|decline))|"
                          r"to\s+(?:total\s+|adjusted\s+)?(?:capitali[sz]ation|capital|equity|ebitda\w*|assets|revenues?|"
                          r"sales)\b)")


def ratio_after(text: str, metric_end: int) -> bool:
    """Whether the metric's name ending at ``metric_end`` is followed by a word that makes it a ratio.

    >>> s = "Specialty operating earnings percentage of 10.6% was up."
    >>> ratio_after(s, s.index(" percentage"))
    True
    >>> s = "Net debt to capitalization decreased by 5% from 51%. We expect revenue to grow 5%."
    >>> ratio_after(s, s.index(" to cap")), ratio_after(s, s.index(" to grow"))
    (True, False)
    """
    return _RATIO_AFTER.match(text, metric_end) is not None


# an outlook's item listed with "to be" and no verb of its own, as a call reads out its guidance after "we expect"
# ("Adjusted EBITDA to be between $54 million and $55 million, and earnings per share to be $0.49.", "EPS for the
# full year to be $2.41")
_TO_BE_BEFORE = re.compile(r"(?i)\bto\s+(?:be|come\s+in|range|total|approximate)\s+(?:(?:at|in\s+the\s+range\s+of|"
                           r"within\s+the\s+range\s+of|between|from|about|approximately|around|roughly|at\s+least|"
                           r"nearly|close\s+to|in\s+line\s+with)\s+)*(?:an?\s+)?$")


def to_be_before(sentence: str, start: int) -> bool:
    """Whether the figure at ``start`` is what something is "to be" (an outlook's item in a call).

    >>> s = "Adjusted EBITDA to be between $54 million and $55 million, and earnings per share to be $0.49."
    >>> to_be_before(s, s.index("$54")), to_be_before(s, s.index("$0.49"))
    (True, True)
    >>> s = "Revenue was $54 million."
    >>> to_be_before(s, s.index("$54"))
    False
    """
    return _TO_BE_BEFORE.search(sentence, max(0, start - 50), start) is not None


# a part of the total named before, told by what it is from ("$225 million of that is from the United States and $59
# million is from operations outside the United States")
_PART_FROM_AFTER = re.compile(r"(?i)\s+(?:of\s+(?:that|which|this|it)\s+)?(?:is|was|were|are|came|comes|come)\s+"
                              r"(?:from|outside|related\s+to|attributable\s+to)\b")


def part_from_after(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is a part told by what it is from.

    >>> s = "Revenue was $300 million, $225 million of that is from the U.S. and $59 million is from abroad."
    >>> part_from_after(s, s.index(" is from abroad")), part_from_after("Cash was $5 million in the quarter.", 19)
    (True, False)
    """
    return _PART_FROM_AFTER.match(text, end) is not None


# an effect on the metric named after the effect's noun ("a favorable impact on full year EBITDA of approximately $8
# million", "a benefit to adjusted EPS of $0.05")
_EFFECT_ON_BEFORE = re.compile(r"(?i)\b(?:impacts?|effects?|benefits?|headwinds?|tailwinds?|drag|contributions?)\s+"
                               r"(?:on|to)\s+(?:our\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}?$")
# an effect told by what it did to the metric, with a demonstrative subject ("This reduced company sales by
# approximately $4 million")
_EFFECT_VERB_BEFORE = re.compile(r"(?i)\b(?:this|that|which|these|those|it|they)\s+(?:[\w-]+\s+){0,2}?(?:reduced|lowered|"
                                 r"decreased|increased|raised|boosted|lifted|cut|hurt|helped|added\s+to)\s+"
                                 r"(?:our\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?$")
# an effect told as what the metric was affected by ("the operating profit change and FX and other was unfavorable by
# $12 million", "sales were unfavorably impacted by the chip shortage by approximately $245 million")
_AFFECTED_BY_BEFORE = re.compile(
    r"(?i)\b(?:(?:un)?favorabl[ey]|(?:(?:un)?favorably|negatively|positively|adversely)\s+(?:impacted|affected)|"
    r"impacted|affected|hurt|helped)\s+by\s+(?:[^.;:$€£\d]{0,90}?\bby\s+)?"
    r"(?:(?:about|approximately|roughly|nearly|almost|some|over|more\s+than|an\s+estimated)\s+)*$")
_BY_GAP = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,3}?by\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+|some\s+)?")
# a difference from another figure ("$0.40 higher than the midpoint of our original guidance")
# (not a change against an earlier period: "71 basis points higher than the prior year quarter")
_DIFFERENCE_AFTER = re.compile(r"(?i)\s*(?:higher|lower|more|less|greater|better|worse)\s+than\s+(?:the\s+|our\s+|its\s+)?"
                               r"(?:[\w-]+\s+){0,2}?(?:midpoint|guidance|outlook|range|estimates?|consensus|expectations?|"
                               r"expected|forecast|targets?|plan)\b")
# a move from an earlier outlook ("an increase of over $400 million from our prior guidance"): the outlook's revision,
# no change of the metric over a period (the amount is a move: "increase of", "by" before it)
_FROM_OUTLOOK_AFTER = re.compile(r"(?i)\s*,?\s*(?:from|over|versus|vs\.?|compared\s+(?:to|with))\s+(?:the\s+|our\s+|its\s+)"
                                 r"(?:prior|previous|initial|original|earlier|last|old)\s+(?:[\w-]+\s+){0,2}?"
                                 r"(?:guidance|outlook|forecast|range|midpoint|expectations?|targets?)\b")
# a revision of an outlook told at its midpoint ("raised our full year core FFO range to $6.45 to $6.60 per share, a
# $0.50 or 8.3% increase at the midpoint"): the outlook's move, neither a level nor a change over a period
_MIDPOINT_MOVE_AFTER = re.compile(r"(?i)(?:\s*,?\s+or\s+(?:about\s+|approximately\s+)?[\d.]+\s*%)?\s*,?\s+(?:increase|decrease|"
                                  r"raise|reduction|improvement|rise|cut|decline)\s+(?:at|in)\s+the\s+mid-?point\b")
_MOVE_BEFORE = re.compile(r"(?i)(?:\b(?:increase|decrease|rise|reduction|improvement|raise|cut|change)\s+of|\bby|\bup|"
                          r"\bdown)\s+(?:(?:over|about|approximately|roughly|nearly|almost|more\s+than|some)\s+)*$")


def effect_or_difference(text: str, start: int, end: int, metric_start: int, metric_end: int, flow: bool = True) -> bool:
    """Whether the figure at ``text[start:end]`` is an effect on the metric named at ``text[metric_start:metric_end]``
    or a difference from another figure, not the metric's level or change. (What something did to a balance,
    ``flow`` False, is its change: "These transactions reduced our total debt by $284 million".)
    >>> s = "We estimate a favorable impact on full year EBITDA of approximately $8 million."
    >>> effect_or_difference(s, s.index("approx"), len(s) - 1, s.index("EBITDA"), s.index(" of approx"))
    True
    >>> s = "This reduced company sales by approximately $4 million."
    >>> effect_or_difference(s, s.index("approx"), len(s) - 1, s.index("sales"), s.index(" by"))
    True
    >>> s = "EPS for the full year to be $2.41, which is $0.40 higher than the midpoint of our original guidance."
    >>> effect_or_difference(s, s.index("$0.40"), s.index(" higher"), 0, 3)
    True
    >>> s = "We expect sales of $24 billion, at the midpoint an increase of over $400 million from our prior guidance."
    >>> effect_or_difference(s, s.index("$400"), s.index(" from our"), s.index("sales"), s.index(" of $24"))
    True
    >>> s = "We expect sales of $24 billion versus our prior guidance of $23.5 billion."
    >>> effect_or_difference(s, s.index("$24"), s.index(" versus"), s.index("sales"), s.index(" of $24"))
    False
    >>> s = "Our gross margin of 3.4% is 71 basis points higher than the prior year quarter."
    >>> effect_or_difference(s, s.index("71"), s.index(" higher"), s.index("gross"), s.index(" of 3.4"))
    False
    >>> s = "We raised our FFO range to $6.45 to $6.60 per share, a $0.50 or 8.3% increase at the midpoint."
    >>> effect_or_difference(s, s.index("$0.50"), s.index(" or 8"), 0, 3)
    True
    >>> effect_or_difference(s, s.index("8.3"), s.index(" increase"), 0, 3)
    True
    >>> s = "Operating profit was unfavorable by $12 million, and sales were hurt by currency by about $5 million."
    >>> effect_or_difference(s, s.index("$12"), s.index(" million,"), 0, s.index(" was"))
    True
    >>> effect_or_difference(s, s.index("$5"), len(s) - 1, s.index("sales"), s.index(" were"))
    True
    >>> s = "Revenue was $300 million, up 5%, and free cash flow was $40 million."
    >>> effect_or_difference(s, s.index("$40"), s.index(" million."), s.index("free"), s.index(" was $40"))
    False
    """
    if _DIFFERENCE_AFTER.match(text, end) or short_of_after(text, end) or _MIDPOINT_MOVE_AFTER.match(text, end) \
            or (_FROM_OUTLOOK_AFTER.match(text, end)
                                              and _MOVE_BEFORE.search(text, max(0, start - 40), start)):
        return True
    if metric_end <= start and _EFFECT_ON_BEFORE.search(text, max(0, metric_start - 50), metric_start):
        return True
    if metric_end <= start and _AFFECTED_BY_BEFORE.search(text, max(metric_end, start - 130), start):
        return True
    return flow and metric_end <= start and _BY_GAP.fullmatch(text, metric_end, start) is not None \
        and _EFFECT_VERB_BEFORE.search(text, max(0, metric_start - 60), metric_start) is not None


# a move, then the period it is measured against, then the level reached ("gross margin decreased 260 basis points
# compared to the year-ago second quarter to 42.5%"): the level is the period's own, not the earlier period's
_MOVE_BEFORE_COMPARED = re.compile(r"(?i)\b(?:up|down|rose|fell|grew|increased|decreased|declined|improved|jumped|"
                                   r"dropped|climbed|gained|expanded|contracted|decreasing|increasing|declining|"
                                   r"rising|falling|growing)\b(?:[^.;]|\.(?=\d)){0,60}\b(?:compared\s+(?:to|with)|"
                                   r"versus|vs\.?|over|from)\s+(?:the\s+|a\s+|our\s+)?(?:[\w-]+\s+){0,3}?$")
_TO_LEVEL_GAP = re.compile(r"(?i)\s*,?\s*to\s+(?:(?:about|approximately|almost|nearly|over|roughly|a\s+record(?:\s+of)?)"
                           r"\s+)*")


def level_after_compared(text: str, period_start: int, period_end: int, start: int) -> bool:
    """Whether the figure at ``start`` is the level a move reached, written after the earlier period it was measured
    against (named at ``text[period_start:period_end]``).

    >>> s = "Gross margin decreased 260 basis points compared to the year-ago quarter to 42.5%."
    >>> level_after_compared(s, s.index("year-ago"), s.index(" to 42"), s.index("42.5"))
    True
    >>> s = "Operating expenses decreased 14.7% versus the prior year to $70.2 million."
    >>> level_after_compared(s, s.index("prior"), s.index(" to $"), s.index("$70.2"))
    True
    >>> s = "Gross margin was 42.5% compared to 45.1% in the year-ago quarter."
    >>> level_after_compared(s, s.index("year-ago"), len(s) - 1, len(s) - 1)
    False
    """
    return _TO_LEVEL_GAP.fullmatch(text, period_end, start) is not None \
        and _MOVE_BEFORE_COMPARED.search(text, max(0, period_start - 120), period_start) is not None


# an amount spent on something ("we spent $56 million on acquisitions", "paid $65.5 million on dividends"): what it
# was spent on, not a metric named before it ("As for our cash position ..., we spent")
_SPENT_BEFORE = re.compile(r"(?i)\b(?:spent|spend|spends|spending|paid|pays|deployed|used|returned)\s+(?:a\s+total\s+of\s+|"
                           r"about\s+|approximately\s+|nearly\s+|roughly\s+|over\s+|more\s+than\s+|some\s+)*$")
_SPENT_BEFORE_WORDS = WindowWords(_SPENT_BEFORE)  # (searched where its words are)
_SPENT_ON_AFTER = re.compile(r"(?i)\s+(?:on|for|to)\s+(?!(?:the|this|that|a|an)\s+(?:quarter|year|period|month)\b)"
                             r"(?:[\w-]+\s+){0,3}?[\w-]+")


def spent_on(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]`` is an amount spent on what the words after it name.

    >>> s = "As for our cash position, we spent $56 million on acquisitions."
    >>> spent_on(s, s.index("$56"), s.index(" on acq"))
    True
    >>> s = "We generated $41 million of cash."
    >>> spent_on(s, s.index("$41"), s.index(" of cash"))
    False
    """
    return _SPENT_BEFORE_WORDS.search(text, max(0, start - 40), start) is not None \
        and _SPENT_ON_AFTER.match(text, end) is not None


# an outlook that lists its items after "including" ("we are increasing our full year 2021 guidance ranges, including
# net sales in the range of $10.6 billion to $10.8 billion, comparable store sales of 6% to 8% and adjusted operating
# income margin of 9.2% to 9.4%"): every item is the outlook, and "including" is no basis of the first
OUTLOOK_INCLUDING = re.compile(r"(?i)\b(?:guidance|outlook|expectations|targets?|forecasts?)\b(?:\s+ranges?)?\s*,?\s+"
                               r"(?:which\s+includes?\s+|including\s+)")


# a percentage reached after a move in points ("increased 5.9 percentage points to 9%"): a ratio's level, never the
# change of an amount named before it ("Gross profit for our company-owned restaurants increased ...")
_POINTS_TO_BEFORE = re.compile(r"(?i)\b(?:percentage\s+points?|basis\s+points?|bps|pp|ppts?|points?)\s+"
                               r"(?:higher\s+|lower\s+)?to\s+(?:about\s+|approximately\s+|nearly\s+|roughly\s+)?$")


def points_to_before(text: str, start: int) -> bool:
    """Whether the percentage at ``start`` is the level a move in points reached.

    >>> s = "Gross profit increased 5.9 percentage points to 9% for the quarter."
    >>> points_to_before(s, s.index("9%"))
    True
    """
    return _POINTS_TO_BEFORE.search(text, max(0, start - 40), start) is not None


# a figure the speaker says again or corrects right after a dash ("2021 sales exclude $90 million -- approximately $90
# million in sales", "$320 million -- $330 million, excuse me"): the first one is replaced
_RESTATED_AFTER = re.compile(r"(?i)\s*(?:--|—|–)\s*(?:(?:approximately|about|roughly|or|sorry|i['’]m|excuse|me|i|mean|"
                             r"actually|rather|make\s+that)[,\s]+){0,3}(?:[$€£¥]\s?\d|\d[\d.,]*\s*(?:%|percent|million|"
                             r"billion))")


def restated_after(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is said again or corrected right after it.

    >>> s = "2021 sales exclude $90 million -- approximately $90 million in sales."
    >>> restated_after(s, s.index(" -- ")), restated_after("Revenue was $5 million -- up 10%.", 20)
    (True, False)
    """
    return _RESTATED_AFTER.match(text, end) is not None


# a period named right after "above" or "below" ("38.9%, 80 basis points below 2019"): the base the figure is set
# against, never the figure's own period
_ABOVE_BELOW_BEFORE = re.compile(r"(?i)\b(?:above|below)\s+(?:the\s+|our\s+|its\s+|last\s+year['’]s\s+)?$")


def above_or_below_base(text: str, period_start: int) -> bool:
    """Whether the period named at ``period_start`` follows "above" or "below" (a base of comparison).

    >>> s = "Gross margin for Q3 was 38.9%, 80 basis points below 2019."
    >>> above_or_below_base(s, s.index("2019")), above_or_below_base(s, s.index("Q3"))
    (True, False)
    """
    return _ABOVE_BELOW_BEFORE.search(text, max(0, period_start - 30), period_start) is not None


# a figure told as an effect by the clause's subject ("The estimated impact of the outages by quarter is $0.24 per
# share in the first quarter, $0.17 in the second"): every figure of the list is the effect's, not the metric's
_EFFECT_SUBJECT = re.compile(r"(?i)\b(?:impacts?|effects?|headwinds?|tailwinds?|drag)\b[^.;:,$€£]{0,80}?\b(?:is|was|are|"
                             r"were|will\s+be|would\s+be|to\s+be)\s+(?:(?:about|approximately|roughly|nearly|around|"
                             r"an\s+estimated)\s+)*(?=[$€£]?\d)")
_EFFECT_SUBJECT_WORDS = WindowWords(_EFFECT_SUBJECT)  # (searched where its words are)


def effect_subject(text: str, start: int, metric_start: int) -> bool:
    """Whether the figure at ``start`` is (a list item of) what an effect named as the clause's subject amounts to,
    with the metric named before the effect's figures.

    >>> s = "The estimated impact of the outages by quarter is $0.24 per share in the first quarter, $0.17 in the second."
    >>> effect_subject(s, s.index("$0.17"), s.index("per share")), effect_subject(s, s.index("$0.24"), s.index("per"))
    (True, True)
    >>> s = "Excluding the impact of acquisitions, operating margins were 24.7%."
    >>> effect_subject(s, s.index("24.7"), s.index("operating"))
    False
    >>> s = "The currency impact was $5 million, and revenue was $100 million."
    >>> effect_subject(s, s.index("$100"), s.index("revenue"))
    False
    """
    for m in _EFFECT_SUBJECT_WORDS.finditer(text, max(0, start - 200), start + 3):
        own = metric_start <= m.end() or metric_start >= start \
            or re.fullmatch(r"[$€£]?\d[\d.,]*\s*", text[m.end():metric_start]) is not None  # "$0.24 per share"
        if m.end() <= start and own and not re.search(r";|\.(?!\d)", text[m.end():start]) \
                and not re.search(r"(?i)\b(?:and|but|while|whereas)\s+(?:[\w-]+\s+){0,4}?(?:is|was|are|were|will|of)\b",
                                  text[m.end():start]):
            return True
    return False


# the size of a credit facility ("debt outstanding on our unsecured $400 million credit line was $190.2 million"):
# what may be borrowed, not the debt
_FACILITY_AFTER = re.compile(r"(?i)\s+(?:(?:senior|unsecured|secured|committed|syndicated|revolving|multi-?currency|"
                             r"asset-based|bank)\s+){0,3}(?:credit\s+(?:line|facilit(?:y|ies)|agreement)|line\s+of\s+"
                             r"credit|revolver|revolving\s+facility)\b")


# an amount of debt paid, raised or cut ("we repaid $25 million in bank debt", "de-levered by $1.5 billion", "issued
# $500 million of senior notes"): a flow of the period, not the debt outstanding
_DEBT_FLOW_BEFORE = re.compile(
    r"(?i)\b(?:repa(?:y|ys|id|ying)|pa(?:y|ys|id|ying)(?:\s+(?:down|off|back))?|retir(?:e|es|ed|ing)|"
    r"redeem(?:s|ed|ing)?|issu(?:e|es|ed|ing)|borrow(?:s|ed|ing)?|refinanc(?:e|es|ed|ing)|repurchas(?:e|es|ed|ing)|"
    r"bought\s+back|de-?lever(?:s|ed|ing)?(?:\s+by)?)\s+(?:a\s+total\s+of\s+|about\s+|approximately\s+|nearly\s+|"
    r"roughly\s+|over\s+|more\s+than\s+|some\s+|an?\s+(?:additional|further)\s+|another\s+)*$")


def debt_flow(text: str, start: int) -> bool:
    """Whether the amount at ``start`` is debt paid, raised or cut in the period, right after its verb.

    >>> s = "We repaid $25 million in bank debt and total debt was $410 million."
    >>> debt_flow(s, s.index("$25")), debt_flow(s, s.index("$410"))
    (True, False)
    """
    return _DEBT_FLOW_BEFORE.search(text, max(0, start - 50), start) is not None


# what can still be drawn on a credit line, right after the amount ("the $150 million remaining under the line of
# credit", "$245 million of availability under our revolving credit facility"): no cash held
_AVAILABLE_UNDER_AFTER = re.compile(
    r"(?i)\s+(?:(?:still\s+)?(?:remaining|available|undrawn|unused)|of\s+(?:(?:undrawn\s+|unused\s+)?(?:availability|"
    r"capacity|borrowing\s+capacity)))\s+(?:under|on|from|through)\s+(?:the|our|its|a)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:line\s+of\s+credit|credit\s+(?:lines?|facilit(?:y|ies)|agreement)|revolv\w*|facilit(?:y|ies)|abl)\b")


def credit_available(text: str, end: int) -> bool:
    """Whether the amount ending at ``end`` is what can still be drawn on a credit line.

    >>> s = "Our cash of $144 million and the $150 million remaining under the line of credit will be sufficient."
    >>> credit_available(s, s.index(" remaining")), credit_available(s, s.index(" and the"))
    (True, False)
    """
    return _AVAILABLE_UNDER_AFTER.match(text, end) is not None


def facility_size(text: str, end: int) -> bool:
    """Whether the amount ending at ``end`` is the size of the credit facility named right after it.

    >>> s = "Debt outstanding on our unsecured $500 million credit line was $210.5 million."
    >>> facility_size(s, s.index(" credit")), facility_size(s, len(s) - 1)
    (True, False)
    """
    return _FACILITY_AFTER.match(text, end) is not None


# what one driver added to a metric ("Price drove an additional $277 million in adjusted EBITDA"): a contribution,
# neither the metric's level nor its whole change
_INCREMENTAL_BEFORE = re.compile(r"(?i)\b(?:drove|drives|driven|added|adds|brought|delivered|contributed)\s+(?:an?\s+)?"
                                 r"(?:additional|incremental|extra)\s+(?:(?:about|approximately|roughly|nearly|some)\s+)?$")


def incremental_before(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is what a driver added ("drove an additional $277 million in EBITDA").

    >>> s = "Price drove an additional $277 million in adjusted EBITDA year over year."
    >>> incremental_before(s, s.index("$277")), incremental_before("Revenue was an additional $5", 26)
    (True, False)
    """
    return _INCREMENTAL_BEFORE.search(text, max(0, start - 60), start) is not None


# the amount of a change given after its percentage ("up 28% or $961 million versus 2020", "rose 12%, or $40 million,
# to $380 million", "an increase of 5%, or $24 million"): a change, not a level (nor the earlier period's level)
_PERCENT_OR_BEFORE = re.compile(
    r"(?i)\b(?:up|down|rose|fell|grew|increased|decreased|declined|improved|jumped|dropped|climbed|gained|expanded|"
    r"(?:an?\s+)?(?:increase|decrease|decline|rise|drop|reduction|improvement|gain|growth)\s+of)\s+"
    r"(?:(?:by|about|approximately|nearly|almost|roughly|some|over|more\s+than|less\s+than|just)\s+)*"
    r"\d[\d.,]*\s*(?:%|percent|per\s*cent|pct)\s*,?\s+or\s+(?:(?:about|approximately|nearly|almost|roughly|some|over|"
    r"more\s+than|less\s+than|just)\s+)*$")


def change_after_percent(text: str, start: int) -> bool:
    """Whether the amount at ``start`` restates, as an amount, the change just given as a percentage.

    >>> s = "Operating income rose 12%, or $40 million, to $380 million."
    >>> change_after_percent(s, s.index("$40")), change_after_percent(s, s.index("$380"))
    (True, False)
    >>> s = "Margin was 12%, or $40 million of profit."
    >>> change_after_percent(s, s.index("$40"))
    False
    """
    return _PERCENT_OR_BEFORE.search(text, max(0, start - 80), start) is not None


# an amount "of higher/lower" something ("This is despite $31 million of lower revenue"): how much the metric moved
_OF_MOVE_AFTER = re.compile(r"(?i)\s+of\s+(?:higher|lower|increased|decreased|reduced)\s+")


def of_move_after(text: str, end: int) -> bool:
    """Whether the amount ending at ``end`` is followed by "of higher" or "of lower" (a change, not a level).

    >>> s = "This is despite $31 million of lower revenue."
    >>> of_move_after(s, s.index(" of lower")), of_move_after("We had $31 million of revenue.", 18)
    (True, False)
    """
    return _OF_MOVE_AFTER.match(text, end) is not None


# "That's just $0.01 shy of a $2 per share increase": a shortfall from another figure, and a per-share move
_SHORT_OF_AFTER = re.compile(r"(?i)\s*(?:shy|short)\s+of\b")
_PER_SHARE_MOVE_AFTER = re.compile(r"(?i)\s+(?:a|per)\s+(?:diluted\s+)?share\s+(?:(?:annual(?:ized)?|quarterly)\s+)?"
                                   r"(?:increase|decrease|improvement|decline|"
                                   r"rise|gain|reduction|drop)\b")


def short_of_after(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is how far short of another it falls ("$0.01 shy of a $2 increase").

    >>> s = "That's just $0.01 shy of a $2 per share increase."
    >>> short_of_after(s, s.index(" shy")), short_of_after(s, s.index(" per share"))
    (True, False)
    """
    return _SHORT_OF_AFTER.match(text, end) is not None


def per_share_move_after(text: str, end: int) -> bool:
    """Whether the per-share amount ending at ``end`` is a move ("a $2 per share increase in a single year").

    >>> s = "That's just $0.01 shy of a $2 per share increase."
    >>> per_share_move_after(s, s.index(" per share")), per_share_move_after("EPS was $2 per share.", 10)
    (True, False)
    """
    return _PER_SHARE_MOVE_AFTER.match(text, end) is not None


# the basis named right after an amount ("$0.80 to $0.90 on a GAAP basis"): that figure is as reported, whatever an
# adjective before the metric says of the figures before it
_GAAP_BASIS_AFTER = re.compile(r"(?i)\s*,?\s*(?:on\s+an?\s+(?:gaap|reported|u\.?s\.?\s+gaap)\s+basis|in\s+gaap\s+terms)\b")


def gaap_basis_after(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is said to be on a GAAP basis right after it.

    >>> s = "adjusted EPS guidance of $0.90 to $1 and $0.80 to $0.90 on a GAAP basis."
    >>> gaap_basis_after(s, s.index(" on a GAAP")), gaap_basis_after(s, s.index(" and $0.80"))
    (True, False)
    """
    return _GAAP_BASIS_AFTER.match(text, end) is not None


# a figure placed in a named unit right after it ("$3 million from the Fertilizer segment", "$10 million in the
# Petroleum segment"): the unit's, whatever metric the sentence names
_UNIT_AFTER = re.compile(r"\s+(?:from|in|at|within|for)\s+(?:the|our|its)\s+(?:[A-Z][\w&'’.-]*\s+(?:(?:&|and)\s+)?){1,3}"
                         r"(?i:segments?|divisions?|business(?:es)?|units?)\b")


def unit_after(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is said to come from a named unit right after it.

    >>> s = "Capital spending was $68 million, which included $3 million from the Fertilizer segment."
    >>> unit_after(s, s.index(" from the")), unit_after(s, s.index(", which"))
    (True, False)
    >>> unit_after("Revenue was $5 million in the quarter.", 19)
    False
    """
    return _UNIT_AFTER.match(text, end) is not None


# a number that is part of a product's name ("seven MAX 9 deliveries next year", "Model 3 deliveries"): a capitalised
# word right before it (not a period's: "Q4", "FY", "H2")
_NAME_BEFORE_NUMBER = re.compile(r"(?<![.!?]\s)\b(?!(?:Q[1-4]|FY|H[12]|CY|YTD)\b)(?:[A-Z]{2,}|[A-Z][a-z]+)\s+$")


def product_number(text: str, start: int) -> bool:
    """Whether the count at ``start`` is the number in a product's name.

    >>> s = "We will receive two aircraft for a total of seven MAX 9 deliveries next year."
    >>> product_number(s, s.index("9 deliveries")), product_number(s, s.index("seven"))
    (True, False)
    >>> product_number("In Q4 we made 2,100 deliveries.", 14), product_number("Deliveries were 210.", 16)
    (False, False)
    >>> product_number("Revs 51.6 mln vs 41.1 mln", 5), product_number("Revs 516 mln vs 411 mln", 5)
    (False, False)
    """
    return start > 0 and _SMALL_INTEGER.match(text, start) is not None \
        and _NAME_BEFORE_NUMBER.search(text, max(0, start - 20), start) is not None


# (a product's number is a small bare integer: not "Revs 51.6 mln", a results table's line)
_SMALL_INTEGER = re.compile(r"\d{1,3}(?![\d.,])(?!\s*(?:mln|million|bln|billion|thousand|pct|percent|%))")


# an amount told as an effect by the noun after it ("$0.03 per share of negative variance", "$0.10 per share of
# pickup", "$5 million of favorable impact"), or after "in the amount of" in a clause led by what helped or hurt
# ("We also benefited in the first half from favorable weather in the amount of $0.05 per share"): a driver of the
# metric's change, neither its level nor its change
_EFFECT_NOUN_AFTER = re.compile(
    r"(?i)(?:\s+(?:a|per)\s+(?:diluted\s+)?share)?\s+of\s+(?:(?:positive|negative|favou?rable|unfavou?rable|adverse|"
    r"year-over-year|incremental|additional)\s+)*(?:variances?|pick-?ups?|impacts?|benefits?|headwinds?|tailwinds?|"
    r"drags?|dilution|accretion|upside|downside)\b")
_EFFECT_AMOUNT_BEFORE = re.compile(
    r"(?i)\b(?:benefit+ed|benefit+ing|hurt|helped|impacted|affected|penali[sz]ed|pressured|weighed)\b[^.;:]{0,120}?"
    r"\bin\s+the\s+amount\s+of\s+(?:(?:about|approximately|roughly|nearly|almost|some)\s+)?$")
_EFFECT_AMOUNT_BEFORE_WORDS = WindowWords(_EFFECT_AMOUNT_BEFORE)  # (searched where its words are)


# ... or by what it did to the company ("our improved operating results benefited us by $0.36"), or by the effect's
# noun and its cause before it ("a net headwind from the February weather event of $0.07 per share")
_EFFECT_ON_US_BEFORE = re.compile(
    r"(?i)(?:\b(?:benefit+ed|helped|hurt|impacted|affected|penali[sz]ed|cost)\s+(?:us|the\s+company)\s+(?:by\s+)?|"
    r"\b(?:headwinds?|tailwinds?|impacts?|benefits?|drags?)\s+(?:from|of|related\s+to)\s+(?:[\w'’-]+\s+){1,6}?of\s+)"
    r"(?:(?:about|approximately|roughly|nearly|almost|some)\s+)?$")
_EFFECT_ON_US_BEFORE_WORDS = WindowWords(_EFFECT_ON_US_BEFORE)  # (searched where its words are)


def effect_amount(text: str, start: int, end: int) -> bool:
    """Whether the amount at ``text[start:end]`` is an effect on a metric (a variance, a pickup, what a driver added or
    took away), named by the noun after it or by the clause's verb before "in the amount of".

    >>> s = "Normal weather translates to $0.03 per share of negative variance."
    >>> effect_amount(s, s.index("$0.03"), s.index(" per share"))
    True
    >>> s = "We benefited from favorable weather in the amount of $0.05 per share."
    >>> effect_amount(s, s.index("$0.05"), s.index(" per share"))
    True
    >>> s = "Diluted earnings per share were $0.05 per share of common stock."
    >>> effect_amount(s, s.index("$0.05"), s.index(" per share of"))
    False
    >>> s = "We returned capital in the amount of $50 million."
    >>> effect_amount(s, s.index("$50"), len(s) - 1)
    False
    >>> s = "Our lower tax rate benefited us by $0.34, after a headwind from the winter storm of $0.07 per share."
    >>> effect_amount(s, s.index("$0.34"), s.index(", after")), effect_amount(s, s.index("$0.07"), s.index(" per"))
    (True, True)
    """
    return _EFFECT_NOUN_AFTER.match(text, end) is not None \
        or _EFFECT_AMOUNT_BEFORE_WORDS.search(text, max(0, start - 200), start) is not None \
        or _EFFECT_ON_US_BEFORE_WORDS.search(text, max(0, start - 90), start) is not None


# "previously" leading the earlier figure of an outlook ("we now expect gross margin to be down 170 basis points,
# previously down 75 basis points"): the figure after it is the old outlook, and the one before it is the new one
_PREVIOUSLY_THEN_FIGURE = re.compile(r"(?i)\s*,?\s*(?:and\s+|versus\s+|vs\.?\s+)?previously\s+(?:(?:down|up|at|of|to|"
                                     r"around|about|approximately|roughly|guided\s+at|expected\s+at|a|an)\s+){0,3}"
                                     r"(?:[$€£¥]\s?|[+-])?\d")
_PREVIOUSLY_BEFORE = re.compile(r"(?i)\bpreviously\s+(?:(?:down|up|at|of|to|around|about|approximately|roughly|"
                                r"guided\s+at|expected\s+at|a|an)\s+){0,3}[+-]?$")
# the earlier outlook a revised one moved from ("now $120 million, down from the original $180 million in the outlook")
_FROM_ORIGINAL_BEFORE = re.compile(r"(?i)\bfrom\s+(?:the\s+|our\s+|its\s+)?(?:original|initial|prior|previous|earlier)\s+"
                                   r"(?:(?:about|approximately|roughly|estimate\s+of|guidance\s+of|outlook\s+of)\s+)?$")


def previously_then_figure(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is followed by "previously" and the earlier figure (so it is the new one).

    >>> s = "we now expect gross margin to be down 170 basis points, previously down 75 basis points."
    >>> previously_then_figure(s, s.index(", previously")), previously_then_figure("$5 million previously.", 10)
    (True, False)
    """
    return _PREVIOUSLY_THEN_FIGURE.match(text, end) is not None


def earlier_outlook_before(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is an earlier outlook, led by "previously" or "from the original".

    >>> s = "we now expect gross margin to be down 170 basis points, previously down 75 basis points."
    >>> earlier_outlook_before(s, s.index("75")), earlier_outlook_before(s, s.index("170"))
    (True, False)
    >>> s = "Our capex plan is now $120 million, down from the original $180 million in the outlook."
    >>> earlier_outlook_before(s, s.index("$180"))
    True
    """
    return _PREVIOUSLY_BEFORE.search(text, max(0, start - 50), start) is not None \
        or _FROM_ORIGINAL_BEFORE.search(text, max(0, start - 50), start) is not None


# funds from operations named between a REIT's per-share amount and "per share" ("$0.16 ffo (funds from operations)
# per share for fourth quarter 2020"): FFO per share, not EPS
_FFO_NAMED_AFTER = re.compile(r"(?i)\s+(?:(?:normalized|core|adjusted|nareit)\s+)?(?:a?ffo|funds\s+from\s+operations)\b"
                              r"[^.;$\d]{0,40}?\bper\s+(?:(?:fully\s+)?diluted\s+|basic\s+)?(?:share|unit)\b")
# a per-share move said to be the dividend's ("a $0.16 per share annualized increase in the dividend to $1.78")
_DIVIDEND_MOVE_AFTER = re.compile(
    r"(?i)\s+(?:a|per)\s+(?:diluted\s+|common\s+)?share\s+(?:(?:annual(?:ized)?|quarterly)\s+)?(?:increase|decrease|"
    r"raise|rise|cut|reduction|hike)\s+(?:in|of|to)\s+(?:the\s+|our\s+|its\s+)?(?:(?:annual(?:ized)?|quarterly|common|"
    r"cash|regular)\s+)*dividends?\b")


def ffo_named_after(text: str, end: int) -> bool:
    """Whether funds from operations are named between the amount ending at ``end`` and "per share".

    >>> s = "acme properties - $0.16 ffo (funds from operations) per share for fourth quarter 2020."
    >>> ffo_named_after(s, s.index(" ffo")), ffo_named_after("eps of $0.16 per share.", 12)
    (True, False)
    """
    return _FFO_NAMED_AFTER.match(text, end) is not None


def dividend_move_after(text: str, end: int) -> bool:
    """Whether the per-share amount ending at ``end`` is a move of the dividend named after it.

    >>> s = "board approved a $0.16 per share annualized increase in the dividend to $1.78 per common share."
    >>> dividend_move_after(s, s.index(" per share")), dividend_move_after(s, s.index(" per common"))
    (True, False)
    """
    return _DIVIDEND_MOVE_AFTER.match(text, end) is not None


# a growth rate over several years named before the metric it is of ("the two-year compounded annual growth rate for
# organic sales since 2019 is 3%"): no one period's change of the metric
_COMPOUND_RATE_BEFORE = re.compile(r"(?i)\b(?:compound(?:ed)?\s+annual(?:ized)?\s+(?:growth|increase)(?:\s+rates?)?|"
                                   r"cagrs?)\b(?:[^.;$€£¥%\d]|\b(?:19|20)\d\d\b){0,80}$")


def compound_rate_before(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is a compound annual growth rate named earlier in its clause.

    >>> s = "the two-year compounded annual growth rate for organic sales since 2019 is 3%."
    >>> compound_rate_before(s, s.index("3%")), compound_rate_before("organic sales grew 3%.", 19)
    (True, False)
    """
    return _COMPOUND_RATE_BEFORE.search(text, max(0, start - 140), start) is not None


# a bank's loans or deposits named as what a flow or a part is of: the object of a flow's verb with its amount
# ("we forgave $138 million in loans", "we originated $268 million of branch loans") or after a noun of a part
# ("delinquencies for accruing loans were $95.3 million", "charge-offs on consumer loans"): not the balance
_BALANCE_FLOW_BEFORE = re.compile(
    r"(?i)(?:\b(?:forgave|forgiven|originated|originating|booked|funded|sold|purchased|bought|acquired|modified|"
    r"deferred|charged[\s-]off|wrote\s+off|written\s+off|approved|processed|disbursed|extended|renewed|repaid|"
    r"paid\s+(?:off|down))\s+(?:(?:about|approximately|roughly|nearly|over|more\s+than|some|another|an\s+additional)\s+)?"
    r"[$€£¥]\s?\d[\d.,]*\s*(?:million|billion|thousand|mln|bln|bn|m)?\s+(?:(?:of|in|worth\s+of)\s+)|"
    r"\b(?:delinquenc(?:y|ies)|charge-?offs?|originations?|forgiveness|pay-?offs?|pay-?downs?|allowances?|reserves?|"
    r"provisions?|modifications?|deferrals?|yields?|losses|interest|fees)\s+(?:for|on|of|in|from)\s+(?:the\s+|our\s+|its\s+|"
    r"these\s+)?)(?:[\w-]+\s+){0,2}$")


def balance_flow(text: str, mention_start: int) -> bool:
    """Whether the loans or deposits named at ``mention_start`` are the object of a flow or a part, not the balance.

    >>> s = "On the forgiveness front, we forgave $138 million in loans."
    >>> balance_flow(s, s.index("loans"))
    True
    >>> s = "Delinquencies for accruing loans were $95.3 million."
    >>> balance_flow(s, s.index("loans"))
    True
    >>> s = "Average loans in the third quarter were $16.2 billion."
    >>> balance_flow(s, s.index("loans"))
    False
    """
    return _BALANCE_FLOW_BEFORE.search(text, max(0, mention_start - 90), mention_start) is not None


# an amount the clause says was deferred, shifted or lost ("Approximately $60 million of revenue and $20 million in
# gross profit that we had expected to recognize in the period was deferred from the third quarter", "about $15
# million of sales shifted into the fourth quarter"): what moved out of the period, not the period's figure
_MOVED_OUT_AFTER = re.compile(
    r"(?i)(?:(?!\b(?:was|were|is|are|will|would)\b)[^,;:.]|\.(?=\d)){0,140}?\b(?:(?:was|were|has\s+been|have\s+been|got|"
    r"will\s+be|is|are)\s+(?:(?:effectively|largely|primarily|mostly|essentially|now)\s+)?)?(?:deferred|shifted|pushed\s+"
    r"(?:out|into|to|back)|delayed|postponed|moved\s+(?:out|into|to)|slipped|lost|missed|forgone)\b")


def moved_out_after(text: str, end: int) -> bool:
    """Whether the amount ending at ``end`` is the subject of a clause saying it was deferred, shifted or lost.

    >>> s = "Approximately $60 million of revenue that we had expected to recognize was deferred from the quarter."
    >>> moved_out_after(s, s.index(" of revenue"))
    True
    >>> s = "Revenue was $60 million, as $5 million was deferred."
    >>> moved_out_after(s, s.index(", as"))
    False
    >>> s = "Revenue was $60 million in the quarter."
    >>> moved_out_after(s, s.index(" in the"))
    False
    """
    return _MOVED_OUT_AFTER.match(text, end) is not None


# an amount said to be at the midpoint ("we are seeing earnings per share of approximately $0.75 at the midpoint"): an
# outlook's midpoint, never a result (not "at the midpoint of our range", where a result may fall)
_MIDPOINT_AFTER = re.compile(r"(?i)\s*,?\s*(?:at|using)\s+the\s+mid-?point\b(?!\s+of\b)")


def midpoint_after(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is said to be an outlook's midpoint.

    >>> s = "We are seeing earnings per share of approximately $0.75 at the midpoint."
    >>> midpoint_after(s, s.index(" at the")), midpoint_after("EPS was $0.75 at the midpoint of our range.", 12)
    (True, False)
    """
    return _MIDPOINT_AFTER.match(text, end) is not None


# an amount that is a rate's unit or what each such unit brings ("each $1 billion of revenue producing $1 of earnings
# per share"), a run rate ("a run rate of $270 million in adjusted EBITDA", "our annual run rate is well beyond $25
# billion"), what a hypothetical would come to ("the rates we achieved would result in over $320 million of free cash
# flow"), what businesses to be bought bring ("acquiring a further $9 billion in annual revenues"), or a sum over a
# span of several periods ("Over the past 24 months, we have generated $16.3 billion"): no figure of a period
_RATE_BEFORE = re.compile(
    r"(?i)(?:\b(?:each|every)\s+(?:additional\s+)?|"
    r"\brun[\s-]rates?\s+(?:[\w-]+\s+){0,2}?(?:of|is|was|at|to|exceeds?|exceeding)\s+(?:(?:well|comfortably|now)\s+)?|"
    r"\bwould\s+(?:result\s+in|translate\s+(?:in)?to|equate\s+to)\s+|"
    r"\b(?:each|every)\s+[$€£]?\d[\d.,]*\s*(?:million|billion|thousand)?\s+(?:of|in)\s+(?:[\w-]+\s+){1,3}?"
    r"(?:will\s+|would\s+|to\s+|can\s+)?(?:produc|generat|yield|translat|deliver|add)\w*\s+(?:in(?:to)?\s+)?|"
    r"\bacquir(?:e|ed|ing)\s+(?:a\s+further|an\s+additional|another|a\s+total\s+of)\s+|"
    # (a sum over a span of periods: "Over the past 24 months, we have generated $16.3 billion in adjusted EBITDA")
    r"\b(?:over|in|during)\s+the\s+(?:past|last|previous|prior)\s+(?!(?:three|3)\s+months)(?:\d+|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|several|few)\s+(?:months|years|quarters)\s*,?\s+(?:we|the\s+company|it)\s+"
    r"(?:have\s+|has\s+)?(?:generated|returned|spent|invested|paid|delivered|produced|earned|repurchased|"
    r"bought\s+back|deployed)\s+)"
    r"(?:(?:only|about|approximately|roughly|around|nearly|over|more\s+than|beyond|above|at\s+least)\s+)*$")
_RATE_BEFORE_WORDS = WindowWords(_RATE_BEFORE)  # (searched where its words are)
_RUN_RATE_AFTER = re.compile(r"(?i)\s+(?:(?:in|of)\s+)?(?:annual(?:i[sz]ed)?\s+)?(?:[\w-]+\s+){0,2}?run[\s-]rate\b")


def rate_or_hypothetical(text: str, start: int, end: int) -> bool:
    """Whether the amount at ``text[start:end]`` is a rate's unit, a run rate, a hypothetical's result or what
    businesses to be bought bring, not a figure of the period.

    >>> s = "Every $1 billion in revenue will produce $1.10 to $1.20 in earnings per share."
    >>> rate_or_hypothetical(s, s.index("$1 b"), s.index(" billion")), rate_or_hypothetical(s, s.index("$1.10"), 47)
    (True, True)
    >>> s = "We can achieve a run rate of $270 million in adjusted EBITDA."
    >>> rate_or_hypothetical(s, s.index("$270"), s.index(" million"))
    True
    >>> s = "On an annualized basis, these rates would result in over $320 million of free cash flow."
    >>> rate_or_hypothetical(s, s.index("$320"), s.index(" million"))
    True
    >>> s = "Over the past 24 months, we have generated $16.3 billion in adjusted EBITDA."
    >>> rate_or_hypothetical(s, s.index("$16"), s.index(" billion"))
    True
    >>> s = "We generated $23 billion in revenue and earned $40 in EPS."
    >>> rate_or_hypothetical(s, s.index("$23"), s.index(" billion")), rate_or_hypothetical(s, s.index("$40"), 50)
    (False, False)
    """
    return _RATE_BEFORE_WORDS.search(text, max(0, start - 90), start) is not None \
        or _RUN_RATE_AFTER.match(text, end) is not None


# a margin named after one revenue stream ("Recurring revenue gross margins were 69.8%", "Consulting revenue gross
# margin was 15.9%", "product sales gross margin"): the stream's margin, not the company's
_STREAM_BEFORE = re.compile(r"(?i)(?:^|[\s,;(])(?!(?:total|overall|consolidated|company|group|net|gross|our|the|its|"
                            r"their|of|on|as|a|to|and|reported)\s)[a-z][\w-]*\s+(?:revenues?|sales)\s+$")


def stream_margin(text: str, metric_start: int) -> bool:
    """Whether the margin named at ``metric_start`` is one revenue stream's (named right before it).

    >>> s = "Recurring revenue gross margins were 69.8%, up 230 basis points."
    >>> stream_margin(s, s.index("gross"))
    True
    >>> s = "Total revenue gross margin was 58.9%. As a share of net sales gross margin was 30%."
    >>> stream_margin(s, s.index("gross")), stream_margin(s, s.rindex("gross"))
    (False, False)
    """
    return _STREAM_BEFORE.search(text, max(0, metric_start - 40), metric_start) is not None


# a clause whose subject is one business's results ("Our natural gas midstream operation results were $0.16 per share
# in the second quarter compared to $0.10 in 2020"): its per-share figures are that business's, not the company's EPS
_UNIT_RESULTS_SUBJECT = re.compile(
    r"(?i)\b(?:our|the|its)\s+(?!(?:total|overall|consolidated|continuing|core|combined|underlying)\b)[a-z][\w&-]*"
    r"(?:\s+[a-z][\w&-]*){0,3}?\s+(?:operations?|business(?:es)?|segments?|divisions?)\s+(?:results|earnings|"
    r"contributions?)\s+(?:were|was|came\s+in|totall?ed)\b(?:[^.;]|\.(?=\d))*$")


def unit_results(text: str, start: int) -> bool:
    """Whether the per-share figure at ``start`` is in a clause whose subject is one business's results.

    >>> s = "Our natural gas midstream operation results were $0.16 per share, compared to $0.10 in 2020."
    >>> unit_results(s, s.index("$0.16")), unit_results(s, s.index("$0.10"))
    (True, True)
    >>> s = "Our consolidated operations results were $1.20 per share."
    >>> unit_results(s, s.index("$1.20"))
    False
    """
    return _UNIT_RESULTS_SUBJECT.search(text, max(0, start - 200), start) is not None


# a profit or loss named with "a" and said to relate to one thing after its amount ("a net loss of $2.3 million related
# to damage of the company's manufacturing facility"): an item within the results (not "Net loss was $1.2 million,
# primarily related to higher interest expense", the result and its cause)
_RELATED_AFTER = re.compile(r"(?i)\s+(?:related\s+to|associated\s+with|"
                            r"in\s+connection\s+with|resulting\s+from)\s+(?!(?:the|our)\s+(?:quarter|year|period)\b)")


def related_item(text: str, end: int) -> bool:
    """Whether the amount ending at ``end`` is said to relate to one thing (an item, not the company's result).

    >>> s = "They included a net loss of $2.3 million related to damage of our plant."
    >>> related_item(s, s.index(" related"))
    True
    >>> s = "Net loss was $2.3 million in the quarter."
    >>> related_item(s, s.index(" in the"))
    False
    """
    return _RELATED_AFTER.match(text, end) is not None


# how far an outlook's midpoint or end was moved ("We have raised the midpoint of our adjusted EBITDA range by $25
# million"): the outlook's revision, no level or change of the metric
_OUTLOOK_END_MOVED_BEFORE = re.compile(
    r"(?i)\b(?:rais|increas|lower|reduc|cut|narrow|mov|tighten|lift)\w*\s+(?:the\s+|our\s+)?(?:mid-?points?|low\s+ends?|"
    r"high\s+ends?|top\s+ends?|bottom\s+ends?)\b(?:[^.;$€£]|\.(?=\d)){0,90}?\bby\s+(?:(?:about|approximately|roughly|"
    r"nearly|almost|some)\s+)?$")
_OUTLOOK_END_MOVED_BEFORE_WORDS = WindowWords(_OUTLOOK_END_MOVED_BEFORE)  # (searched where its words are)


def outlook_end_moved(text: str, start: int) -> bool:
    """Whether the amount at ``start`` is how far an outlook's midpoint or end was moved.

    >>> s = "We have raised the midpoint of our adjusted EBITDA range by $25 million, to $1.1 billion."
    >>> outlook_end_moved(s, s.index("$25")), outlook_end_moved(s, s.index("$1.1"))
    (True, False)
    """
    return _OUTLOOK_END_MOVED_BEFORE_WORDS.search(text, max(0, start - 160), start) is not None
