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

# between an outlook's level and the growth it implies: ", a year-over-year increase of", " represents", ", or growth of"
GROWTH_OF_OUTLOOK = re.compile(
    r"(?:\s+(?:a|per)\s+(?:diluted\s+)?share)?\s*,?\s*(?:(?:which\s+(?:would\s+)?)?(?:represents?|represent(?:ing|ed)|"
    r"impl(?:ies|ying)|reflects?|reflecting)\s+|or\s+)?(?:an?\s+)?(?:(?:year[\s-]over[\s-]year|annual|organic)\s+)?"
    r"(?:(?:increase|growth|rise|decline|decrease)\s+of\s+)?(?:about\s+|approximately\s+|roughly\s+)?",
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


def customer_threshold(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is a threshold that customers are counted by."""
    return _CUSTOMER_THRESHOLD.search(text, max(0, start - 70), start) is not None


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
                             r"(?:[\w-]+\s+){0,6}?(?:range|between)\b[^.;]{0,30}$")


def reported_range(text: str, start: int) -> bool:
    """Whether the range at ``start`` is where a result fell ("came in at the high end of our range of")."""
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


_RATIO_AFTER = re.compile(r"(?i)\s+(?:percentage|percent|rate|ratio)\b(?!\s+(?:of\s+)?(?:growth|increase|decline))")


def ratio_after(text: str, metric_end: int) -> bool:
    """Whether the metric's name ending at ``metric_end`` is followed by a word that makes it a ratio.

    >>> s = "Specialty operating earnings percentage of 10.6% was up."
    >>> ratio_after(s, s.index(" percentage"))
    True
    """
    return _RATIO_AFTER.match(text, metric_end) is not None
