"""Segments named around a metric: a figure of a business line, product group or region is not the company total.

Two sentence structures beyond the word right before the metric (:func:`claimgraph.sources.metric_choice._segment`):

* a qualifier **after** the metric: "revenue from optical transceivers", "earnings from domestic operations",
  "sales in the U.S.", "revenue for these products", "operating income in the Food business";
* a segment as the **subject** of the figure's clause, before the metric: "the Flavors Group, which increased
  operating income by 5%", "Looking at our industrial business, revenue of 104 million", "The Asia-Pacific Group
  also had growth in operating income".

A qualifier that names the period ("revenue for the quarter"), the basis ("in local currency", "from continuing
operations"), a range ("in line with", "in the range of") or a company is not a segment.

>>> segment_after("Revenue from fiber lasers was 48 million.", len("Revenue"))
'fiber lasers'
>>> segment_after("Revenue for the first quarter was 48 million.", len("Revenue")) is None
True
>>> segment_before("The Color Group also had growth in operating income of 8%.", 41)
'Color Group'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimgraph.sources.places import is_place

# words of a qualifier that make it something other than a segment: periods, bases, ranges, totals
_NOT_SEGMENT_WORDS = re.compile(
    r"(?i)\b(?:quarters?|years?|half|halves|periods?|months?|weeks?|days?|fiscal|calendar|first|second|third|fourth|"
    r"q[1-4]|h[12]|fy\w*|(?:q[1-4]|h[12]|[1-4][qh]|9m)\s?(?:fy|cy)?['’]?\d{2,4}|"  # "in Q2FY25", "in 1H25"
    r"ytd|ttm|ltm|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|currency|currencies|constant|exchange|line|range|total|totals|all|each|aggregate|continuing|"
    r"consolidated|reported|gaap|basis|terms|excess|addition|advance|comparison|connection|respect|part|order|"
    r"line|place|lieu|contrast|spite|case|time|today|tonight|yesterday|recent|prior|previous|same|last|next|"
    r"current|future|company|companies|firm|group|bank|corporation|inc|corp|ltd|plc|us|them|it|which|that|"
    r"whole|itself|million|billion|thousand|\d[\w.,]*)\b")
# the head noun of a business line, product group or region
_SEGMENT_HEAD = re.compile(
    r"(?i)\b(?:segments?|divisions?|business(?:es)?|units?|products?|applications?|markets?|regions?|brands?|"
    r"operations|subsidiar(?:y|ies)|lines?|portfolios?|channels?|solutions|services|systems|"
    r"stores|franchises?|sectors?)$")
# what a total comes from ("revenue from operations", "from contracts with customers")
_TOTAL_SOURCE = re.compile(r"(?i)^(?:operations|customers|contracts(?:\s+with\s+customers)?|all\s+sources|sales|"
                           r"(?:continuing\s+|ordinary\s+)?(?:operations|activities))$")  # (ASX: "from ordinary activities")
_REGION = re.compile(r"(?:the\s+)?(?:U\.?\s?S\.?|United\s+States|North\s+America|South\s+America|Asia(?:[\s-]Pacific)?|"
                     r"EMEA|APAC|Americas|Europe|Canada|International|Domestic)\b\.?", re.IGNORECASE)
def region_name(name: str) -> bool:
    """A name that opens on a region or place ("Asia-Pacific Group", "North America Group"): a unit, not a company.

    >>> region_name("Asia-Pacific Group"), region_name("Coles Group")
    (True, False)
    """
    words = name.split()
    return bool(words) and (_REGION.fullmatch(words[0].split("-")[0]) is not None or is_place(words[0])
                            or (len(words) > 1 and (is_place(" ".join(words[:2]))
                                                    or _REGION.fullmatch(" ".join(words[:2])) is not None)))


_AFTER = re.compile(
    r"\s+(?:(?:generated|derived|earned|coming|guidance|outlook|forecast|target|expectations?)\s+)?"
    r"(?P<prep>from|for|in|at|of|to)\s+"
    r"(?P<det>(?:the|our|its|their|these|this|those|other|such)\s+)*"
    r"(?P<np>(?:[\w&'’.-]+(?:\s+(?!(?:was|were|is|are|had|has|have|rose|fell|grew|increased|decreased|declined|"
    r"came|totaled|totalled|reached|improved|dropped|jumped|slipped|climbed|surged|slumped|plunged|soared|tumbled|"
    r"gained|advanced|eased|edged|dipped|slid|sank|doubled|more|than|"
    r"of|in|to|by|from|for|at|on|as|with|up|down|which|that)\b)|(?=[\s,.;:)]|$))){1,4})")
# what follows "revenue of" when it is the figure, not what was sold: hedges, ranges, currency codes and signs
_OF_FIGURE = re.compile(r"(?:not|no|about|approximately|nearly|almost|around|roughly|some|over|more|less|up|just|an?|at|"
                        r"between|record|only|close|well|under|below|above|in|[A-Z]{1,3}|Rs|Rs\.|Dh|S|NT|HK|US)$")
# who a part of the sales goes to ("sales to transportation customers")
_BUYERS = re.compile(r"(?i)customers|clients|consumers|distributors|retailers|dealers|OEMs|hospitals|utilities|"
                     r"carriers|operators|governments|markets")
# a head that names a part of the company by itself ("Adjusted EBITDA in the segment was $487 million")
_PART_HEAD = re.compile(r"(?i)segment|division|unit|region")
_DEMONSTRATIVE = re.compile(r"(?i)\b(?:these|this|those|such)\s+$")


# several companies named together (those a story's company buys or sells): "the three companies", "the two"
_OTHER_GROUP = re.compile(r"(?i)(?:two|three|four|five|six|seven|eight|several|acquired|both)(?:\s+(?:companies|units|"
                          r"businesses|firms|concerns|chains|subsidiaries|divisions|operations))?")
GROUP_SUBJECT = re.compile(r"(?i)\b(?:the|these|those|both)\s+(?:two|three|four|five|six|seven|eight|several|acquired)"
                           r"(?:\s+(?:companies|units|businesses|firms|concerns|chains|subsidiaries|divisions))?\b"
                           # (not "the three months to March 31": a period)
                           r"(?![\s-]+(?:months?|weeks?|years?|quarters?|days?|periods?|halves)\b)|"
                           # ("Collectively, these businesses have revenues of roughly $180 million": units being sold)
                           r"\b(?:these|those)\s+(?:(?:divested|divestiture|acquired|remaining|non-core|other)\s+)?"
                           r"(?:businesses|units|divisions|operations|subsidiaries|brands|segments|assets)\b")


_CURRENCY_TERMS = re.compile(r"(?i)(?:[A-Z][\w.]*\s+)?(?:kroner|krone|kronor|crowns|dollars|dlrs|euros|pounds|sterling|"
                             r"yen|yuan|renminbi|francs|rupees|won|reais|pesos|rand|currency|currencies|"
                             r"exchange\s+rates|terms)")


_OWN_DET = re.compile(r"(?i)(?:its|their|our)\s+")


def segment_after(text: str, metric_end: int, taken: Sequence[tuple[int, int]] = ()) -> str | None:
    """The segment a qualifier right after a metric names ("revenue from fiber lasers"), or None.

    :param taken: spans of company names (a company is not a segment of itself).
    """
    m = _AFTER.match(text, metric_end)
    # (a company's name inside a compound is not the company: "Sales of Nike-brand footwear")
    if m is None or any(a < m.end("np") and m.start("np") < b and text[b:b + 1] != "-" for a, b in taken):
        return None
    np = m.group("np").strip(" ,.;:")
    if not np or np[0].isdigit() or _CURRENCY_TERMS.fullmatch(np):
        return None  # ("sales rose 18% in Danish kroner": the currency the change is measured in)
    region = _REGION.match(np)
    if region is not None and (region.end() == len(np) or not np[region.end():].split()[0][:1].islower()
                               or np[region.end():].split()[0].lower().endswith("ed")):
        return region.group(0).strip()  # "sales in the U.S. Dropped ...": the region, not the verb after it
    if is_place(np):
        return np
    if (first := re.split(r"\s*(?:&|\band\b|,)\s*", np)[0]) != np and (is_place(first) or _REGION.fullmatch(first)):
        return np  # "sales in the UK & ROI", "revenue in Europe and Africa": regions named together
    if _OTHER_GROUP.fullmatch(np):
        return np  # "Combined sales of the three companies were over 50 mln dlrs": the companies bought, together
    words = np.split()
    if m.group("prep").lower() in ("from", "at") and _OWN_DET.fullmatch(m.group("det") or "") \
            and _proper_run(words) == np and not _NOT_SEGMENT_WORDS.search(re.sub(r"\bLines?\b", "", np)):
        return np  # "the net loss from its Soo Line increased": a named part of the company, not its total
    if _NOT_SEGMENT_WORDS.search(np):
        return None
    if m.group("prep").lower() == "to":  # "Sales to transportation customers decreased by 9%"
        return np if len(words) > 1 and _BUYERS.fullmatch(words[-1]) else None
    if m.group("prep").lower() == "from" and m.group("det") is None and not _TOTAL_SOURCE.match(np):
        return np  # "revenue from fiber amplifiers": what part of the total it comes from
    if m.group("prep").lower() == "of" and not _OF_FIGURE.match(words[0]) and not _TOTAL_SOURCE.match(np) \
            and "$" not in text[m.end("np"):m.end("np") + 1] \
            and (len(words) > 1 or not (_SEGMENT_HEAD.search(np) or np.lower() in ("goods", "merchandise"))):
        return np  # "Sales of Nike-brand footwear fell 11%": what was sold (not "sales of its products")
    if _SEGMENT_HEAD.search(words[-1]) and (len(words) > 1 or _DEMONSTRATIVE.search(m.group("det") or "")
                                            or (_PART_HEAD.fullmatch(np) and m.group("det"))
                                            or re.search(r"(?i)\bother\s+$", m.group("det") or "")):
        return np  # "revenue for these products", "earnings from domestic operations", "EBITDA in the segment",
        # "net income from our other businesses"
    name = _proper_run(words)
    if name and m.group("det") is None:
        return name  # "revenue from QSFP28 transceivers" is caught above; "sales at Bloomingdale's" is a unit;
        # "Adjusted EBITDA margin for RPO and Professional Search was"
    return None


def _proper_run(words: Sequence[str]) -> str | None:
    """The capitalised name that opens ``words``, joined by "and"/"&"/"of" ("RPO and Professional Search"), when
    only lower-case words (a verb: "Executive Search exceeded") follow it."""
    out: list[str] = []
    for w in words:
        if not (w[:1].isupper() or any(ch.isdigit() for ch in w) or (w in ("and", "&", "of") and out)):
            break
        out.append(w)
    while out and out[-1] in ("and", "&", "of"):
        out.pop()
    rest = words[len(out):]
    if not out or any(w[:1].isupper() for w in rest):
        return None
    return " ".join(out)


# A segment named as the subject of the figure's clause: "<Name> Group|Segment|Division|Business ..." or a lower-case
# "<adjective> business|segment|division" with at least one qualifying word.
_FUNCTION = r"(?:in|of|for|at|on|with|our|the|its|their|to|by|from|a|an|this|that|across|entire|whole|total|overall)"
_SUBJECT = re.compile(
    r"\b(?P<name>(?:[A-Z][\w&'’-]*\s+(?:&\s+|and\s+)?){1,4}(?:Group|Segment|Division|Business|Unit)"
    rf"|(?:(?<=\b(?:the|our|its|The|Our|Its)\s)|(?<=\w['’]s\s))(?:non-)?(?!{_FUNCTION}\b)"
    # (or an initialism that opens the unit's name: "its CP Rail division")
    r"(?:[a-z][\w-]*|[A-Z][A-Za-z]?\.(?:[A-Z]\.)*|[A-Z][a-z][\w-]*(?=\s+[a-z])|[A-Z]{2,4}(?=\s+[A-Za-z]))"
    rf"(?:\s+(?:and\s+)?(?!{_FUNCTION}\b)[A-Za-z][\w-]*){{0,3}}\s+(?:business|segment|division|arm|unit|"
    # ("the full business year": a period, not a line of business)
    r"subsidiary|operations))\b(?![ \t]+(?:years?|days?|quarters?|half)\b)")
# one of them is in every match of _SUBJECT (its head noun): a window without one has no subject
_SUBJECT_HEADS = ("Group", "Segment", "Division", "Business", "Unit", "business", "segment", "division", "arm", "unit",
                  "subsidiary", "operations")
assert all(head in _SUBJECT.pattern for head in _SUBJECT_HEADS) and not _SUBJECT.flags & re.IGNORECASE


def _may_hold_subject(window: str) -> bool:
    return any(map(window.__contains__, _SUBJECT_HEADS))


_GENERIC = re.compile(r"(?i)^(?:(?:the|our|its|total|overall|whole|core|entire|underlying|consolidated|company(?:['’]s)?|"
                      r"group|this|that|same|new|existing|base|organic|global|continuing|discontinued|ongoing|"
                      r"normal|day-to-day|underlying)\s+)+(?:business|segment|division|arm|unit|subsidiary|operations)$")
_CLAUSE_BREAK = re.compile(r";|(?<!\b[A-Z])\.\s|\bbut\b|\bwhile\b|\bwhereas\b|\bdriven\s+by\b|\bdue\s+to\b|\bthanks\s+to\b|"
                           r"\bled\s+by\b|\bresult\s+of\b|\bbecause\b", re.IGNORECASE)


# a metric of a named part as the clause's subject: "the net loss from its Soo Line increased to 33.5 mln dlrs loss"
_PART_METRIC_SUBJECT = re.compile(
    r"\b(?:loss(?:es)?|income|profits?|earnings|sales|revenues?)\s+(?:from|at)\s+(?:its|their)\s+"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+(?:(?:also|again)\s+)?(?:increased|decreased|rose|fell|"
    r"grew|declined|dropped|widened|narrowed|jumped|climbed|improved|was|were|totall?ed|amounted)\b")


def segment_before(text: str, upto: int, taken: Sequence[tuple[int, int]] = (), own: Sequence[str] = ()) -> str | None:
    """The segment that is the subject of the clause ending at ``upto`` (before the metric), or None.

    :param own: the names of the company itself ("Interpublic Group" is the company, not a segment of it).
    """
    start = max(0, upto - 160)
    breaks = list(_CLAUSE_BREAK.finditer(text, start, upto))
    clause = breaks[-1].end() if breaks else start
    for part in _PART_METRIC_SUBJECT.finditer(text, clause, upto):
        name = " ".join(part.group("name").split())
        if not _NOT_SEGMENT_WORDS.search(re.sub(r"\bLines?\b", "", name)) \
                and not any(n and name.split()[0].lower() == n.split()[0].lower() for n in own):
            return name
    if not _may_hold_subject(text[start:upto]):
        return None  # (no head noun: no subject, whatever the clause)
    start = clause
    found = None
    for m in _SUBJECT.finditer(text, start, upto):
        found = m
    if found is None or any(a < found.end("name") and found.start("name") < b for a, b in taken) \
            or text[max(0, found.start("name") - 1):found.start("name")] == "(":
        return None  # (nor a name in brackets: "PARIS, June 25 (Aero Business Daily) -", a dateline's publisher)
    name = re.sub(r"^(?:The|Our|Its)\s+", "", " ".join(found.group("name").split()))
    if _GENERIC.match(name) or re.search(r"(?i)\b(?:Inc|Corp|Co|Ltd|Plc|Holdings)\b", name) \
            or any(n and name.split()[0].lower() == n.split()[0].lower() for n in own):
        return None
    return name


def segment_relative(text: str, start: int, end: int, taken: Sequence[tuple[int, int]] = ()) -> str | None:
    """A segment named between a metric and its figure as the subject of a relative clause: "revenue growth was a
    result of the Flavors Group, which was up 14%" (the 14% is the Group's).

    >>> s = "Revenue growth came from the Flavors Group, which was up 14%."
    >>> segment_relative(s, len("Revenue"), s.index("14%"))
    'Flavors Group'
    """
    if not _may_hold_subject(text[start:end]):
        return None
    for m in _SUBJECT.finditer(text, start, end):
        if re.match(r"\s*,?\s*(?:which|that)\b", text[m.end():end]) \
                and not any(a < m.end("name") and m.start("name") < b for a, b in taken):
            name = re.sub(r"^(?:The|Our|Its)\s+", "", " ".join(m.group("name").split()))
            if not _GENERIC.match(name):
                return name
    return None


# A unit of the company named with its owner: "Sales at Nestle's North American unit", "revenue at the company's
# cloud division", "its North American unit's revenue", "the Gerber unit's sales": a part, never the owner's total.
_UNIT_NOUN = r"(?:unit|division|subsidiary|arm|segment|branch|affiliate)"
_UNIT_OWNER = (r"(?:(?:the\s+)?(?:company|group|firm|bank|carrier|retailer|maker|insurer)['’]s|its|our|their|"
               r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s)")
# (a group or a business only with a name before it: "revenue at its cloud intelligence group", "Sales at Nike's
# direct-to-consumer business"; "at the group" is the company)
_UNIT_AFTER = re.compile(rf"\s+(?:at|of|in|from|for)\s+{_UNIT_OWNER}\s+(?P<np>(?:[\w.&-]+\s+){{0,3}}?{_UNIT_NOUN}s?\b|"
                         rf"(?:[\w.&-]+\s+){{1,3}}?(?:[Gg]roup|business|operations)\b(?!['’]))")
_UNIT_BEFORE = re.compile(rf"(?P<np>(?:[\w.&-]+\s+){{0,3}}?{_UNIT_NOUN})['’]s?\s+(?:[\w-]+\s+)?$")
# the unit as the subject of the clause: "The North American unit of Nestle reported revenue of"
_UNIT_SUBJECT = re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Oo]ur|[Tt]heir)\s+(?P<np>(?:[\w.&-]+\s+){{0,3}}?{_UNIT_NOUN})\s+of\s+"
                           r"(?:[A-Z][\w&.'’-]*\s+){1,5}(?:(?:also|again|then|has|have|had)\s+)?"
                           r"(?:reported|posted|said|had|saw|recorded|generated|booked|achieved|delivered|grew|lifted|"
                           r"increased|raised)\s+(?:(?:its|a|an|the|record|higher|lower)\s+)*$")


_UNIT_NOUNS = ("unit", "division", "subsidiary", "arm", "segment", "branch", "affiliate")  # _UNIT_NOUN's words
assert _UNIT_NOUN.split("|") == ["(?:unit", *_UNIT_NOUNS[1:-1], "affiliate)"], "keep _UNIT_NOUNS in step"


def _has_unit_noun(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds one of the unit nouns (as written: the unit patterns heed case)."""
    return any(text.find(noun, start, end) >= 0 for noun in _UNIT_NOUNS)


def unit_around(text: str, metric_start: int, metric_end: int) -> str | None:
    """The unit a metric is written with when the text names it with its owner, or None.

    >>> unit_around("Sales at Nestle's North American unit rose 2%.", 0, 5)
    'North American unit'
    >>> s = "Nestle said its North American unit's revenue rose."
    >>> unit_around(s, s.index("revenue"), s.index("revenue") + 7)
    'its North American unit'
    >>> unit_around("Sales at Nestle rose 2%.", 0, 5) is None
    True
    >>> unit_around("Revenue at its cloud intelligence group rose 7%.", 0, 7)
    'cloud intelligence group'
    >>> unit_around("Sales at Nike's direct-to-consumer business fell 8%.", 0, 5)
    'direct-to-consumer business'
    """
    after = _UNIT_AFTER.match(text, metric_end)
    if after is not None:
        return " ".join(after.group("np").split())
    if not _has_unit_noun(text, max(0, metric_start - 120), metric_start):
        return None  # (every match of _UNIT_BEFORE and _UNIT_SUBJECT in the window holds a unit noun)
    before = _UNIT_BEFORE.search(text, max(0, metric_start - 60), metric_start)
    if before is not None:
        return " ".join(before.group("np").split())
    subject = _UNIT_SUBJECT.search(text, max(0, metric_start - 120), metric_start)
    if subject is not None:
        return " ".join(subject.group("np").split())
    return None


def part_pattern(parts: set[str]) -> re.Pattern[str] | None:
    """A pattern of the parts an article names (see ``CompanyFinder.learn_parts``), or None when it names none."""
    if not parts:
        return None
    names = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w&])(?:{names})(?![\w&])")


def named_part(text: str, metric_start: int, metric_end: int, parts: re.Pattern[str]) -> str | None:
    """The part of a company (a brand, a unit) a metric is written with, by the name the article gave it as a part:
    "Gucci's revenue", "Gucci revenue", "sales at Gucci", "revenue from its Gucci brand"; None otherwise.

    >>> p = part_pattern({"gucci"})
    >>> named_part("Gucci's revenue slid 25%.", 8, 15, p), named_part("Sales at Gucci fell.", 0, 5, p)
    ('Gucci', 'Gucci')
    >>> named_part("Group revenue fell.", 6, 13, p) is None
    True
    """
    before = text[max(0, metric_start - 40):metric_start]
    for m in parts.finditer(before):
        rest = before[m.end():]
        if re.fullmatch(r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}", rest) and not re.search(r"[,;.]", rest):
            return m.group(0)
    m2 = re.match(r"\s+(?:at|of|from|for|in)\s+(?:the\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,2}?", text[metric_end:])
    if m2 is not None:
        named = parts.match(text, metric_end + m2.end())
        if named is not None:
            return named.group(0)
    return None


# Words that qualify the company's total, never name a part of it ("Total revenue", "Third-quarter sales", "Our
# reported revenue", "Year-over-year revenue growth"), and the subjects and verbs a clause may open with ("We
# delivered revenue of"): a noun phrase with one of them before the metric is no segment.
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TOTAL_WORDS = _word_set("""
total net gross consolidated quarterly annual annualized annualised record adjusted reported organic overall operating
comparable our its their the a an this that these those group company company's companies firm firm's group's bank
bank's corporation corporation's revenue revenues sales fiscal full full-year year year's years quarter quarter's
quarters half month months week weeks first second third fourth first-quarter second-quarter third-quarter
fourth-quarter quarter-end year-end period-end month-end year-to-date ytd ttm ltm higher lower
strong stronger weak weaker solid robust additional incremental
sequential estimated expected projected preliminary pro forma underlying core recurring cumulative combined
companywide company-wide global worldwide half-year nine-month six-month three-month twelve-month trailing monthly
weekly daily average increased decreased improved rising falling growing declining flat double-digit single-digit
high-single-digit low-single-digit mid-single-digit new initial gaap non-gaap ifrs constant currency fx
constant-currency like-for-like year-over-year year-on-year top-line topline bottom-line total-company last next
prior previous current same this year-ago prior-year record-high all-time healthy good great better best solid
continued continuing discontinued other remaining in of and or but with while as that which whose if when where
for on at by from to we i you they he she it there here also so now then just still again only even both
q1 q2 q3 q4 h1 h2 fy fy20 fy21 fy22 fy23 fy24 fy25 2019 2020 2021 2022 2023 2024 2025 2026 total-year
statutory basic diluted
""")
# what a company is called when it is described rather than named ("The Perth-based miner reported", "the
# Chennai-based automaker"): the company itself, never a part of it
_COMPANY_KINDS = _word_set("""
miner miners maker retailer lender insurer carrier airline chain producer manufacturer giant conglomerate operator
developer concern automaker carmaker brewer refiner utility firm company bank supermarket grocer supplier
distributor provider owner builder homebuilder chipmaker drugmaker group outfit explorer shipper railroad
broker brokerage publisher broadcaster telco startup start-up unicorn
""")
# nouns in -er/-or that name no company described by its trade ("The consumer sector's revenue" is a part)
_NOT_AGENTS = _word_set("sector consumer customer partner member center centre quarter order counter interior "
                        "exterior tier cluster corridor floor letter number paper power water cover other either")
# generic words that may be part of a capitalised name
_NAME_WORDS = _word_set("global worldwide new core other combined healthy average strong better best good great "
                        "solid continuing recurring underlying")
# after the metric: the clause's verb (the phrase before is its subject, not an object: "drove revenue up")
_SUBJECT_VERB = re.compile(
    r"\s+(?:(?:growth|in\s+the\s+(?:quarter|period|year)|for\s+the\s+(?:quarter|period|year)|this\s+quarter|"
    r"also|again|each|alone)\s+)?"
    r"(?:was|were|is|are|rose|fell|grew|increased|decreased|declined|improved|totaled|totalled|reached|came|"
    r"climbed|jumped|dropped|slipped|expanded|contracted|remained|represented|accounted|advanced|gained|softened|"
    r"continued|up|down|of|increase|decline|surged|doubled|tripled|more\s+than|nearly|posted|saw|delivered|"
    r"generated|ended|finished|stood|had|have|has|will|should|would|could|grow|decrease|decreasing|increasing|"
    r"growing|declining)\b", re.IGNORECASE)
# a short lead before the clause ("By channel,", "Sequentially,", "Recall,", "On a year-over-year basis,")
_CLAUSE_LEAD = re.compile(r"^[^,;$%\d]{1,45},\s+")
_VERBISH = re.compile(r"(?:ed|ly)$")
_PERIODISH = re.compile(r"(?:q[1-4]|h[12]|fy|cy)['’]?\d*|[1-4]q['’]?\d*|\w*\d\w*")
_VERBS = _word_set("drove drive drives driving boosted lifted hurt impacted saw see sees had have has delivered "
                   "generated reported posted grew expect expects expected includes included including excluding "
                   "offset weighed pushed helped helps affected reduced reduces lowered raised cut said say says "
                   "think thinks believe believes estimate estimates noted note notes told added")


# a clause's subject, its verb and what may stand between the verb and the metric or the figure ("FMP experienced
# an operating loss of", "Final mile products generated $77 million of revenue")
_SUBJECT_THEN_VERB = re.compile(
    r"(?P<np>.+?)\s+(?:generated|delivered|posted|reported|recorded|had|experienced|saw|achieved|contributed|"
    r"produced|booked|grew|increased|improved)\s+(?:(?:an?|the|its|their|record|about|approximately|nearly|"
    r"roughly|some|over|more\s+than|almost|around|just|under|another|additional|strong|solid|robust|healthy|"
    r"excellent|impressive|higher|lower|positive|operating|adjusted|segment|gross|net|total|GAAP|non-GAAP)\s+)*$")


def segment_subject_verb(text: str, upto: int, taken: Sequence[tuple[int, int]] = (),
                         own: Sequence[str] = ()) -> str | None:
    """A line of business that is the subject of the clause whose verb comes right before the metric or the figure:
    "FMP experienced an operating loss of $4 million", "Final mile products generated $77 million of revenue".

    >>> segment_subject_verb("Final mile products generated $77 million of revenue.", 30)
    'Final mile products'
    >>> segment_subject_verb("We generated $77 million of revenue.", 13) is None
    True
    """
    start = 0
    lead = _CLAUSE_LEAD.match(text, 0, upto)
    if lead is not None and len(lead.group(0).split()) <= 6:
        start = lead.end()
    for joint in _JOINED_CLAUSE.finditer(text, start, upto):
        start = joint.end()  # ("Advisory revenues doubled while capital raising posted revenue of $158 million")
    m = _SUBJECT_THEN_VERB.fullmatch(text, start, upto)
    if m is None:
        return None
    return _subject_phrase(m.group("np").split(), start, upto, taken, own)


def segment_lead_phrase(text: str, metric_start: int, metric_end: int, taken: Sequence[tuple[int, int]] = (),
                        own: Sequence[str] = ()) -> str | None:
    """A line of business, product group or region named by the noun phrase that opens the clause and stands
    before its metric, the clause's subject: "Commercial OE sales were down 3%", "Cloud and security revenue was
    $524 million", "By channel, commercial aftermarket sales were up 38%", "EMEALA revenue increased 3%".

    >>> s = "IT outsourcing revenue was $1.19 billion in the quarter."
    >>> segment_lead_phrase(s, s.index("revenue"), s.index("revenue") + 7)
    'IT outsourcing'
    >>> s = "Third-quarter revenue was $1.19 billion."
    >>> segment_lead_phrase(s, s.index("revenue"), s.index("revenue") + 7) is None
    True
    """
    if not _SUBJECT_VERB.match(text, metric_end):
        return None
    start = 0
    lead = _CLAUSE_LEAD.match(text, 0, metric_start)
    if lead is not None and len(lead.group(0).split()) <= 6:
        start = lead.end()
    for joint in _JOINED_CLAUSE.finditer(text, start, metric_start):
        # ("Streaming revenue jumped 18% to $3.1 billion, while linear networks revenue fell 9%": the second
        # clause's subject)
        start = joint.end()
    words = text[start:metric_start].split()
    while len(words) > 1 and words[0].lower() in _LEADING_PERIOD and words[1].islower() \
            and words[1] not in _TOTAL_WORDS:
        # "Quarterly advisory revenues more than doubled": the period's word, then a lower-cased line of business
        words, start = words[1:], text.index(words[1], start)
    if len(words) > 2 and words[-1].lower() in _TRAILING_MODIFIERS:
        # "Asset Management third quarter operating revenue of $311 million": a unit's name, then the period and
        # the metric's own modifiers
        name = list(words)
        while len(name) > 2 and name[-1].lower() in _TRAILING_MODIFIERS:
            name.pop()
        if all(w[:1].isupper() for w in name):
            words = name
    return _subject_phrase(words, start, metric_start, taken, own)


_JOINED_CLAUSE = re.compile(r"(?:,\s+(?:while|whereas|but|and)|;|\s(?:while|whereas))\s+")
# a period's word that may open a clause before a line of business and its metric ("Quarterly advisory revenues")
_LEADING_PERIOD = frozenset({"quarterly", "annual", "first-quarter", "second-quarter", "third-quarter",
                             "fourth-quarter", "full-year", "first-half", "second-half", "half-year", "year-to-date"})


# the metric's own modifiers and a period between a unit's name and its metric (see ``segment_lead_phrase``)
_TRAILING_MODIFIERS = frozenset({"operating", "net", "gross", "adjusted", "reported", "organic", "first", "second",
                                 "third", "fourth", "quarter", "first-quarter", "second-quarter", "third-quarter",
                                 "fourth-quarter", "quarterly", "full-year", "annual"})


def part_of_company(phrase: str, own: Sequence[str] = ()) -> bool:
    """Whether the noun phrase ``phrase`` may name a part of the company (not a total, a period, a verb, the
    company itself or a description of a company).

    >>> part_of_company("PeopleManagement"), part_of_company("Third-quarter revenue"), part_of_company("Acme", ["Acme"])
    (True, False, False)
    """
    return _subject_phrase(phrase.split(), 0, len(phrase), (), own) is not None


def _subject_phrase(words: list[str], start: int, end: int, taken: Sequence[tuple[int, int]],
                    own: Sequence[str]) -> str | None:
    """The noun phrase ``words`` (the text from ``start`` to ``end``) when it names a part of the company."""
    if not words or len(words) > 5 or any(a < end and start < b for a, b in taken):
        return None
    definite = bool(words) and words[0].lower() == "the"
    while words and words[0].lower() in ("and", "so", "also", "now", "then", "but", "while", "the", "our", "its"):
        words = words[1:]
    if not words or any(not re.fullmatch(r"[A-Za-z][\w&'’.-]*|&", w) for w in words):
        return None
    lows = [w.lower().rstrip(".") for w in words]
    capital = [w[:1].isupper() for w in words]
    for i, (w, low) in enumerate(zip(words, lows, strict=True)):
        if low in ("and", "&"):
            continue
        if low in _NAME_WORDS and capital[i] and ((i + 1 < len(words) and capital[i + 1])
                                                  or (i and capital[i - 1])):
            continue  # a word of a name: "Global Executive Search fee revenue", "New Markets revenue"
        if _PERIODISH.fullmatch(low):
            return None
        if len(w) > 1 and w.isupper():  # an acronym: "IT outsourcing", "EMEALA"; not "GAAP", "FY21", "Q3"
            if low in _TOTAL_WORDS and low not in ("it", "us", "i"):
                return None
            continue
        if low in _TOTAL_WORDS or low in _VERBS or low.removesuffix("'s").removesuffix("’s") in _TOTAL_WORDS:
            return None
    if lows[0] in ("and", "&") or lows[-1] in ("and", "&"):
        return None
    head = re.sub(r"['’]s?$", "", lows[-1])
    if head in _COMPANY_KINDS or head.endswith("maker") or any(w.endswith("-based") for w in lows):
        return None  # "The Perth-based miner reported a net profit": the company, described
    if definite and head != lows[-1] and head.endswith(("er", "or")) and head not in _NOT_AGENTS:
        return None  # "The freight forwarder's revenue rose 4%": the company, described by what it does
    if len(words) == 1 and re.search(r"['’]s?$", words[0]):
        return None  # "Rio's Ebitda was": a company's own figure
    last = words[-1]
    if last.islower() and _VERBISH.search(last):
        return None  # "increasingly revenue", "combined revenue": not a noun
    first = lows[0].rstrip("'’s")
    if any(n and n.split()[0].lower().startswith(first) for n in own):
        return None  # the company itself ("Acme sales rose")
    return " ".join(words)
