"""Modality: is a figure an actual, a company outlook, an earlier outlook, someone's projection, or a comparative?

The cues are read in the clause before the figure (from the previous figure or
the sentence start) and in a short window after it.

>>> s = "It trimmed its forecast to $5 billion, down from its prior range of $6 billion."
>>> modality_of(s, s.index("$5"), s.index("$5") + 10, company_subject=True)
<Modality.GUIDANCE: 'guidance'>
>>> modality_of(s, s.index("$6"), s.index("$6") + 10, company_subject=True)
<Modality.PRIOR_GUIDANCE: 'prior_guidance'>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimgraph.sources.call_measures import earlier_outlook_before, previously_then_figure, to_be_before
from claimgraph.sources.model import Modality
from claimgraph.sources.scan import Scanner, WindowWords, any_word

_PRIOR_GUIDANCE = re.compile(
    r"\b(?:(?:prior|previous|earlier|original|initial|old|former)\s+(?:\w+\s+){0,2}"
    r"(?:range|expectations?|forecasts?|guidance|outlook|estimates?|targets?|view|projections?|plan)|"
    r"previously\s+(?:expected|forecast|guided|projected|estimated|planned|said)|"
    # an outlook named by the month it was given in: "our February EBIT guidance of", "our revised August guidance"
    r"(?:our|its|the)\s+(?:revised\s+|updated\s+|initial\s+)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+(?:[\w-]+\s+){0,2}(?:guidance|outlook|forecast|targets?|view)|"
    r"(?<!analysts\s)(?<!analyst\s)(?<!consensus\s)had\s+(?:expected|forecast|guided|projected|planned))\b"
    r"[^$€£¥\d]{0,40}$",
    re.IGNORECASE,
)
_VIEW_BEFORE = re.compile(r"(?i)\bviews?\s+$")
# an estimates provider named as the source right after a figure ("..., according to LSEG data")
_PROVIDER_AFTER = re.compile(r"(?i)^[^.;]{0,24}?\baccording\s+to\s+(?:\w+\s+){0,2}?(?:LSEG|Refinitiv|FactSet|I/B/E/S|"
                             r"IBES|Zacks|Visible\s+Alpha|Bloomberg|S&P\s+Global|Capital\s+IQ)\b")
_EXPECTED_WORD = re.compile(r"(?i)\b(?:expected|estimated|forecast|projected|anticipated)\b")
# who, besides the company, had expected a figure ("Analysts polled by LSEG had expected")
_ESTIMATORS = re.compile(r"\b(?:analysts?|consensus|Wall\s+Street|brokers?|brokerages?|economists|the\s+market|"
                         r"FactSet|LSEG|Refinitiv|I/B/E/S|IBES|Zacks|Visible\s+Alpha|Bloomberg|polled|surveyed)\b",
                         re.IGNORECASE)
_EARLIER_AFTER = re.compile(r"\s*,?\s*(?:(?:previously|before|earlier)\b(?!\s+(?:this|the|that|in|on|last))|"
                            r"to\s+now\b|"  # ("operating margins from 16% to 17% to now 16.9% to 17.1%")
                            # ("scaled back its sales forecast to about 25 mln dlrs, from the 33.5 mln dlrs projected
                            # in December")
                            r"(?:projected|forecast|predicted|targeted)\s+(?:in\s+(?:january|february|march|april|may|"
                            r"june|july|august|september|october|november|december)|earlier|previously|"
                            r"last\s+(?:month|week|quarter|year))\b)",
                            re.IGNORECASE)
_CORRECTION = re.compile(r"\b(?:correct(?:ed|s|ing)?|restat(?:ed|es|ing|e)|revis(?:ed|es|ing)|amend(?:ed|s)?)\b",
                         re.IGNORECASE)
# "from a restated 6.65 billion dlrs in 1985": an earlier period's figure as restated, not a correction notice
RESTATED_BEFORE = re.compile(r"\b(?:an?|the)\s+restated\s+$", re.IGNORECASE)
_CORRECTION_STEMS = ("correct", "restat", "revis", "amend")  # what every _CORRECTION match contains
# (not "income from operations to $91.3 million", "from operations was": the figure after "to" or a verb is the
# subject's level, and "from" was part of the metric's name)
_FROM_BEFORE = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+"
                          r"(?:(?!(?:to|was|were|is|are|totall?ed|reached)\s)[\w-]+\s+){0,3}$",
                          re.IGNORECASE)
# "compared with estimates of 41 cents", "versus analysts' expectations of $2.1 billion": the comparison is
# with a projection, not with an earlier period
_ESTIMATE_COMPARED = re.compile(r"\b(?:estimates?|expectations?|consensus|forecasts?|projections?|expected|"
                                r"anticipated|predicted)\b[^$€£¥\d]{0,20}$", re.IGNORECASE)
# "may" the modal, not the month ("NEW YORK, May 5 -", "May sales rose"): lower case, or capitalised at the start
# of a sentence and not before a day
_MAY = r"(?-i:may)|(?-i:(?<![^.!?\"“\s])(?<![\w,]\s)May(?![ \t]+\d)(?![ \t]+(?:sales|revenue|traffic|deliveries)))"
_FORECAST = re.compile(
    rf"\b(?:could|might|{_MAY}|would\s+likely|likely\s+to|should|analysts?|consensus|estimates?\s+(?:call|see)|"
    r"we\s+(?:expect|estimate|project|believe|see)|i\s+(?:expect|estimate|think|see)|potential(?:ly)?|"
    r"projected\s+by|wall\s+street\s+(?:expects|sees)|(?:is|are)\s+seen\s+(?:at|rising|falling|growing|climbing)|it\s+was\s+(?:expected|estimated|projected|anticipated)\s+that)\b",
    re.IGNORECASE,
)
_GUIDANCE = re.compile(
    r"\b(?:expects?|expected\s+to|expecting|forecasts?|forecasting|outlook|guidance|guided|guides|projects|"
    # "Net sales are estimated to increase", "Gross margin is projected to be": the passive of an outlook verb
    r"(?:is|are|was|were)\s+(?:now\s+|currently\s+)?(?:estimated|projected|forecast(?:ed)?|budgeted)\s+(?:to|at)\b|"
    r"projecting|anticipates?|anticipated|sees|targets?|targeting|plans?|planned|planning|aims?|"
    # a summary's bare verb, its subject left out: "compname says project q2 sales to decline 13% to 14%", "project
    # fiscal 2021 q4 sales to increase 12% to 13%" (not the noun: "the project is expected to")
    r"(?:(?m:^)\s*|\bsays?\s+)project\s+(?!is\b|was\b|will\b|has\b)(?:[\w'’-]+\s+){1,6}?to\s+(?:be|increase|decrease|"
    r"decline|grow|rise|fall|range|come|total|reach)\b|"
    r"(?:will|would|is\s+set\s+to|on\s+track\s+to|(?:certain|sure|poised|set|bound|positioned)\s+to)\s+"
    # (one adverb, or a short adverbial phrase: "would in such circumstances go up to")
    r"(?:\w+\s+|in\s+(?:\w+\s+){1,2}?)?"
    r"(?:be|exceed|reach|total|hit|top|surpass|"
    r"generate|grow|rise|increase|fall|decline|come|range|approach|climb|deliver|achieve|go\s+(?:up|down)|"
    r"post|log|book)|intends?|"  # ("will likely post an operating profit of about 95 billion yen for the year")
    r"budget(?:ed)?|reaffirmed|"
    # an aim stated as such: "our goal is to manage the business to approximately 20% margins"
    r"(?:goals?|objectives?|aim|ambition|aspiration)\s+(?:is|are|remains?|continues\s+to\s+be)\s+to|"
    r"reiterated|call(?:s|ed)\s+for|"  # "For the fiscal second quarter, Quillon called for revenue of"
    # a summary's "view" with the verb that changes or keeps it: "increases fy earnings per share view $4.70 to $4.90"
    r"(?:rais|increas|lift|cut|lower|reaffirm|maintain|affirm|narrow|updat|boost|trim|reiterat)\w*\s+"
    r"(?:[\w'’-]+\s+){0,6}?views?|"
    # a list of an outlook's items: "Expected adjusted EBITDA to be in the range of $970 million to $1 billion"
    r"(?:^\s*|\band\s+)expected\s+(?:[\w-]+\s+){1,4}?(?:to\s+(?:be|range|reach|total|come)|of\b)|"
    # "our increased expectation for full year diluted earnings per share ... is now between $3.25 and $3.69"
    r"(?:our|its)\s+(?:[\w-]+\s+){0,2}expectations?\s+(?:for|is|are|to)|"
    # "despite an expected revenue increase of 37 pct": an outlook named as a noun
    r"an?\s+(?:expected|anticipated|projected|planned|forecast)\s+(?:[\w-]+\s+){0,2}?(?:increase|rise|gain|growth|"
    r"decline|decrease|drop|fall|improvement)|"
    # reported speech: "Moreton said it expected fiscal 2025 production of"; an executive's: "Calvet indicated last
    # December he expected Citroen's 1986 profit to be between 250 and 500 million francs"
    r"(?:said|says|added|indicated|told\s+(?:\w+\s+){0,2}?)\s*(?:(?:last|this|in|on)\s+\w+\s+)?(?:that\s+)?"
    r"(?:it|he|she|the\s+(?:company|group|firm))\s+(?:now\s+|still\s+)?"
    r"(?:expected|forecast|projected|anticipated|saw|planned|targeted))\b",
    re.IGNORECASE,
)
_GUIDANCE_SCAN = Scanner(_GUIDANCE)  # (the same matches, found faster: case-blind words in lower-cased text)


def _guidance(text: str) -> bool:
    """Whether ``_GUIDANCE`` matches in ``text``."""
    return _GUIDANCE_SCAN.search(text, text.lower()) is not None
_FORECAST_AFTER = re.compile(r"^\s*(?:(?:a|per)\s+(?:diluted\s+)?share\s+)?"
                             # ("worse than the 11.5% decline analysts had expected")
                             r"(?:(?:decline|drop|fall|rise|increase|gain|growth|jump|slide|slump|contraction|"
                             r"expansion|improvement|loss|profit)s?\s+)?(?:that\s+)?"
                             r"(?:(?:most|some|many)\s+)?(?:analysts?|Wall\s+Street|the\s+market|investors)\s+"
                             # ("the 98 cents that analysts surveyed by FactSet had expected")
                             r"(?:(?:surveyed|polled|tracked|questioned)\s+by\s+(?:[\w&.'’-]+\s+){1,3}?)?"
                             r"(?:had\s+|were\s+|was\s+|on\s+average\s+)?(?:expected|estimated|forecast|projected|predicted|"
                             r"anticipated|expecting|been\s+expecting|pencil(?:l)?ed\s+in|looked\s+for|"
                             r"(?:been\s+)?looking\s+for)\b|"
                             r"^\s*(?:\w+\s+){0,2}?(?:expected|estimated|forecast|projected|predicted)\s+by\s+"
                             r"(?:analysts|wall\s+street|economists|the\s+market)|^\s*(?:analysts?'?\s+)?consensus|"
                             r"^\s*(?:expected|estimated|est\.?)\s*(?:$|[,;.)])|"
                             r"^\s*(?:(?:average|mean|median|consensus)\s+)?(?:(?:of|from)\s+)?(?:the\s+)?"
                             r"(?:\d+\s+|some\s+|several\s+)?analysts'?\s+(?:\w+\s+)?(?:estimates?|forecasts?|"
                             r"expectations?|projections?|polled|surveyed)", re.IGNORECASE)


# every match of _FORECAST_AFTER holds one of these (in lower case), or opens on "est" ("expected", "estimated", "est.")
_FORECAST_AFTER_WORDS = ("analyst", "wall", "market", "investor", "economist", "consensus")


def _forecast_after(after: str) -> re.Match[str] | None:
    """``_FORECAST_AFTER.match(after)``, answered without the match for an ASCII text with none of the words every
    match needs (a case-blind match of ASCII words is one of their lower case).

    >>> bool(_forecast_after(" analysts had expected")), bool(_forecast_after(" est.)")), _forecast_after(" in Q3")
    (True, True, None)
    """
    if after.isascii():
        low = after.lower()
        if not any(map(low.__contains__, _FORECAST_AFTER_WORDS)) and not low.lstrip().startswith("est") \
                and not low.lstrip().startswith("expected"):
            return None
    return _FORECAST_AFTER.match(after)


# the words a match of _PRIOR_GUIDANCE ends on (before its "\b" and at most 40 characters, and a line break, from the
# window's end), in lower case
_PRIOR_GUIDANCE_ENDS = ("range", "expect", "forecast", "guid", "outlook", "estimat", "target", "view", "project",
                        "plan", "said")


def _prior_guidance(window: str) -> re.Match[str] | None:
    """``_PRIOR_GUIDANCE.search(window)``, answered without the scan for an ASCII window whose last 56 characters
    hold none of the words a match ends on (the longest, "expectations", ends at most 41 characters from the end).

    >>> bool(_prior_guidance("above its prior forecast of ")), _prior_guidance("revenue rose to ")
    (True, None)
    """
    if window.isascii():
        tail = window[-56:].lower()
        if not any(map(tail.__contains__, _PRIOR_GUIDANCE_ENDS)):
            return None
    return _PRIOR_GUIDANCE.search(window)


_BEAT_BEFORE = re.compile(r"\b(?:beat(?:ing|s)?|miss(?:ed|ing|es)?|top(?:ped|ping|s)?|exceed(?:ed|ing|s)?|surpass(?:ed|ing)?|"
                          r"ahead\s+of|short\s+of|shy\s+of|below|above|under|over)\s+(?:the\s+|an?\s+)?$",
                          re.IGNORECASE)
_ESTIMATE_NAMED_AFTER = re.compile(r"^\s*(?:(?:[A-Z][\w&.-]*|average|mean|median)\s+){0,3}(?:Smart)?"
                                   r"(?:[Ee]stimates?|[Cc]onsensus|[Ff]orecasts?|"
                                   r"[Ee]xpectations?|[Pp]rojections?)\b")


# a figure set against with its estimate named after it ("compared with the $4.20 estimate"; not "its $9.8 billion
# forecast", the company's own)
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:the\s+|an?\s+)$", re.IGNORECASE)
_CONSENSUS_NAMED_AFTER = re.compile(r"^\s*(?:(?:[A-Z][\w&.-]*|average|mean|median|consensus)\s+){0,3}(?:Smart)?"
                                    r"(?:[Ee]stimates?|[Cc]onsensus|[Ee]xpectations?)\b")

# a forecast that names analysts as whose it is ("a 3.9 trillion won average forecast of 18 analysts polled by LSEG",
# "the $2.10 forecast by analysts"; not "its $9.8 billion forecast", the company's own)
_ANALYSTS_FORECAST_AFTER = re.compile(r"^\s*(?:(?:[A-Z][\w&.-]*|average|mean|median|consensus)\s+){0,3}[Ff]orecasts?\s+"
                                      r"(?:of|by|from)\s+(?:the\s+)?(?:\d+\s+|some\s+|several\s+)?analysts\b")


def beaten(sentence: str, start: int) -> bool:
    """True when the figure starting at ``start`` is what a result beat or missed ("beating the $540 million
    forecast", "below the 76 cents expected").

    >>> beaten("EBITDA rose to $612 million, beating the $540 million forecast", 41)
    True
    """
    return _BEAT_BEFORE.search(sentence, max(0, start - 30), start) is not None


def estimate_after(sentence: str, end: int) -> bool:
    """True when analysts (or the market) are named as expecting the figure ending at ``end`` right after it
    ("$4.59 analysts had forecast", "$21.9 billion Wall Street was looking for").

    >>> estimate_after("ahead of the $4.59 analysts had forecast", 18), estimate_after("$5 in the quarter", 2)
    (True, False)
    """
    return _forecast_after(sentence[end:end + 60]) is not None


# ("to 1.31 trillion yen ($8.5 billion), from 1.28 trillion yen": a conversion in brackets between)
_TO_FROM = re.compile(r"\bto\s+\S[^,;()]{0,40}?(?:\s*\([^()]{1,30}\))?\s*,?\s+from\s+(?:about\s+|around\s+|an?\s+)?$",
                      re.IGNORECASE)
# (not "revenue of $4.6 billion and forecast ...": a new clause)
_GUIDANCE_AFTER = re.compile(r"^\s*(?:(?!(?:and|but|while)\s)[\w-]+\s+){0,2}?"
                             r"(?:plan|target|forecast|guidance|outlook|budget|goal)s?\b|"
                             # ("revenue growth of 4% is expected in the third quarter": the passive, in the present)
                             r"^\s*(?:is|are)\s+(?:now\s+|also\s+|currently\s+)?(?:expected|anticipated|forecast|"
                             r"projected|estimated)\b(?!\s+by\b)", re.IGNORECASE)
_CHANGE_VERB = re.compile(r"\b(?:up|down|rose|fell|increased|decreased|grew|declined|dropped|jumped|climbed|"
                          r"compared|versus|vs|against|improved|narrowed|widened|swung|slipped|gained|surged|"
                          r"expanded|contracted|shrank|compressed|rising|falling|growing|increase|decrease|cut|cuts|"
                          # nouns of a change ("the earnings rise ... to 285 mln dlrs from 10.5 mln dlrs")
                          r"rise|rises|jump|drop|decline|fall|gain|gains|"
                          r"lowered|lowers|raised|raises|trimmed|reduced|lifted|boosted|revised|hiked|slashed)\b",
                          re.IGNORECASE)
# "from $2.01 in Q4 2020", "compared to 6.20 dlrs a share earned a year ago": the figure is an earlier period's
# ("cut its capital budget to $5.8 billion from $6.4 billion spent in 2025": what was spent, no earlier outlook)
_PRIOR_AFTER_WIDE = re.compile(
    r"^(?:\s+(?:a|per)\s+(?:diluted\s+)?share)?(?:\s+(?:earned|reported|posted|recorded|spent|invested))?\s*,?\s*(?:in\s+(?:the\s+)?)?"
    r"(?:a\s+year\s+(?:ago|earlier|before)|year[\s-]ago|last\s+year|(?:the\s+)?(?:prior|previous)[\s-]year|"
    r"(?:the\s+)?(?:same|prior|previous)\s+(?:quarter|period)|Q[1-4]\s*(?:FY)?['’]?\d{2,4}|[1-4]Q\s*\d{2,4}|"
    r"(?:first|second|third|fourth)[\s-]+quarter\s+(?:of\s+)?(?:fiscal\s+)?(?:19|20)\d\d|(?:fiscal\s+)?(?:19|20)\d\d)\b",
    re.IGNORECASE)
_PREVIOUSLY_AFTER = re.compile(r"^(?:\s+(?:stg|dlrs|marks|francs|guilders|yen|pence|p))?\s*,?\s*previously\b"
                               r"(?!\s+(?:reported|stated|announced|forecast|expected|estimated|projected|planned))",
                               re.IGNORECASE)
# a relative clause on estimates, up to the figure: "estimates on Wall Street, which had ranged from ... to"
_ESTIMATES_WHICH = re.compile(r"\b(?:estimates?|forecasts?|expectations?|projections?)\b[^.;$€£¥\d]{0,40},\s*"
                              r"(?:which|that)\s+(?:had\s+)?(?:ranged|ran|were|was|had\s+been|stood|averaged|called\s+for)"
                              r"\b[^.;$€£¥\d]{0,40}(?:\d[^.;]{0,20}?\s+to\s+)?$", re.IGNORECASE)  # (a range's second end too)
_ESTIMATES_WHICH_WORDS = WindowWords(_ESTIMATES_WHICH)  # (searched where its words are)
# a figure, then "after" and (the figure at hand): "313.3 mln after 252.2 mln" (not "after a 15 pct stock dividend")
_FIGURE_AFTER_BEFORE = re.compile(r"\d(?:\s*(?:mln|million|billion|bln|bn|pct|per\s+cent|percent|%))?"
                                  r"(?:\s+(?:stg|dlrs|marks|francs|guilders|yen|pence|crowns|lire|pesos|rand))?"
                                  r"\s+after\s+$", re.IGNORECASE)
_SPAN_AFTER = re.compile(r"^\s*(?:months?|weeks?|years?|days?|hours?|minutes?|quarters?)\b", re.IGNORECASE)
_AFTER_PRIOR = re.compile(r"^(?!\s*(?:from|compared|versus|vs)\b)[^$€£¥\d.;]{0,6}\b"
                          r"(?:a\s+year\s+(?:ago|earlier|before)|in\s+the\s+year[\s-]ago|"
                          r"last\s+year|the\s+prior\s+year|the\s+previous\s+year|year[\s-]ago)\b", re.IGNORECASE)

# "a net profit of 84.2 billion won last year from a net loss of 112.5 billion won a year earlier": last year is the
# figure's own, compared with the year before it
YEAR_BEFORE_COMPARED = re.compile(r"(?i)\s+last\s+year\s*,?\s+(?:from|compared\s+with|against|versus)\s"
                                  r"(?:[^.;]|\.(?=\d)){0,80}?\b(?:a\s+year\s+(?:earlier|before)|the\s+(?:previous|prior)\s+"
                                  r"year|the\s+year\s+before)\b")


# An outlook or estimate set against a result ("exceeded our outlook", "versus Refinitiv IBES estimate of"): not a
# forward-looking cue for the sentence; the figure right after it is that earlier outlook or the estimate.
_SET_AGAINST = re.compile(
    r"\b(?:than|below|above|exceed(?:ed|ing|s)?|beat(?:ing|s)?|miss(?:ed|ing|es)?|top(?:ped|ping|s)?|"
    r"within(?!\s+an?\s+range\b)|(?<=\bof\s)within|"  # ("expected to be within a range of $60 million": its own)
    r"in\s+line\s+with|ahead\s+of|short\s+of|versus|vs\.?|compared\s+(?:with|to)|against)\s+"
    r"(?:(?:our|its|their|the\s+company['’]s|management['’]s|the|an?)\s+)?(?:[\w'’-]+\s+){0,3}?(?:smart)?"
    r"(?:outlook|guidance|forecasts?|targets?|range|expectations?|estimates?|projections?|consensus)"
    r"(?:\s+(?:outlook|guidance|forecasts?|targets?|range|estimates?|projections?))*\b", re.IGNORECASE)
_SET_NOUNS = ("outlook", "guidance", "forecast", "target", "range", "expectation", "estimate", "projection",
              "consensus")  # what every _SET_AGAINST match contains
_SET_AGAINST_SCAN = Scanner(_SET_AGAINST)  # (the same matches, found faster: case-blind words in lower-cased text)


def _set_against(sentence: str, start: int) -> list[re.Match[str]]:
    """``_SET_AGAINST``'s matches in the 160 characters before ``start`` (the text cut at ``start``, as ``endpos``
    cuts it)."""
    before = sentence[:start]
    return list(_SET_AGAINST_SCAN.finditer(before, before.lower(), max(0, start - 160)))
_OWN = re.compile(r"\b(?:our|its|the\s+company['’]s|management['’]s)\b", re.IGNORECASE)
_FIGURE_OF = re.compile(r"^\s*(?:of|for|at|was|were|had\s+been|calling\s+for)\b[^$€£¥\d;]{0,60}$", re.IGNORECASE)
# The company speaking in the first person ("we expect", "we now see"): its own outlook
_FIRST_PERSON = re.compile(r"\bwe\s+(?:now\s+|still\s+|currently\s+|also\s+|continue\s+to\s+)?(?:expect|estimate|"
                           r"project|anticipate|see|forecast|target|plan)", re.IGNORECASE)
# "expects to report earnings of": results of a period that has ended, not yet published
_TO_REPORT = re.compile(r"\b(?:expects?|expected|expecting|anticipates?|estimates?)\s+(?:that\s+it\s+will\s+|to\s+)"
                        r"(?:report|post|record|show)\b", re.IGNORECASE)
# an outlook's word a company uses of its own outlook in a call ("up from the forecast of", not "the estimate of")
_OWN_FORECAST_WORD = re.compile(r"\b(?:forecasts?|projections?|outlook)\b[^$€£¥\d]{0,20}$", re.IGNORECASE)
_PRIOR_GUIDANCE_WORDS = re.compile(r"\b(?:its|their|our|own|prior|previous|earlier|original|initial)\s+(?:\w+\s+)?"
                                   r"(?:forecasts?|projections?|estimates?|expectations?)\b", re.IGNORECASE)
_ANALYST = re.compile(r"\b(?:analysts?|consensus|wall\s+street|estimates?|brokerages?|brokers?|price\s+target|"
                      r"target\s+price|rating|downgrade[sd]?|upgrade[sd]?|sell-side|"
                      # (Zacks: "A quarter ago, it was expected that this company would post earnings of $0.40")
                      r"it\s+was\s+(?:expected|estimated|projected|anticipated)\s+that)\b", re.IGNORECASE)
# the analysts' words other than "estimate", which the company uses of its own outlook too ("We estimate")
_ANALYST_NOT_ESTIMATE = re.compile(r"\b(?:price\s+target|target\s+price|rating|downgrade[sd]?|upgrade[sd]?|sell-side)\b",
                                   re.IGNORECASE)
_HEDGE_ONLY = re.compile(rf"\b(?:could|might|{_MAY}|would\s+likely|likely\s+to|should|potential(?:ly)?)\b", re.IGNORECASE)


_FACT_CLAUSE = re.compile(
    r"\b(?:after|as|when|because|since|following)\s+(?:[\w'’-]+\s+){0,8}?(?:rose|fell|climbed|jumped|grew|increased|"
    r"decreased|declined|dropped|slumped|surged|soared|tumbled|slid|gained|doubled|came\s+in|totall?ed|reached|hit)\b"
    r"(?![^.;]*\b(?:expect|forecast|outlook|guidance|sees|will|would)\w*\b)", re.IGNORECASE)


# a headline's present tense: "Kessenich confirms guidance as Group sales rise 4%" (the result is a fact; not "expects
# profit to grow as sales rise", whose outlook verb is no headline's)
_HEADLINE_OUTLOOK = re.compile(r"\b(?:confirms|raises|lifts|cuts|keeps|reaffirms|backs|maintains|trims|lowers|"
                               r"reiterates|narrows)\s+(?:[\w-]+\s+){0,3}?(?:guidance|outlook|forecasts?|targets?)\s+$",
                               re.IGNORECASE)
_HEADLINE_FACT = re.compile(r"\b(?:as|after|on)\s+(?:[\w'’-]+\s+){0,6}?(?:rises?|falls?|climbs?|jumps?|grows?|"
                            r"increases?|gains?|slips?|drops?|surges?|soars?|slumps?|tumbles?|declines?)\b", re.IGNORECASE)


def _headline_fact(before: str) -> re.Match[str] | None:
    """The fact clause of a headline's outlook verb in the present tense, if any."""
    fact = _last(_HEADLINE_FACT.finditer(before))
    return fact if fact is not None and _HEADLINE_OUTLOOK.search(before, 0, fact.start()) else None


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 (the last one is kept)
        pass
    return found


def fact_clause_before(sentence: str, pos: int) -> int | None:
    """Where a clause stating a result ("after net income climbed") opens before ``pos``, if one does.

    >>> fact_clause_before("raised its forecast after net income in its third quarter climbed 12%", 60)
    20
    """
    found = _last(_FACT_CLAUSE.finditer(sentence, 0, pos + 60))
    return found.start() if found is not None and found.start() < pos else None


# a figure an outlook is set against, named with its own (earlier) period: "will be lower than fiscal 1986 earnings
# of", "below last year's profit of"
_THAN_EARLIER = re.compile(r"\b(?:(?:lower|higher|less|more|greater|better|worse)\s+than|below|above|exceed(?:s|ed)?|"
                           # ("the company's 1987 results would top 1986 income of 888 mln dlrs": 1986's)
                           r"top(?:s|ped)?|surpass(?:es|ed)?)\s+"
                           r"(?:the\s+|its\s+)?(?:(?!by\b)[\w'’-]+\s+){0,5}?"
                           r"(?:of\s+|(?:earnings|profits?|revenues?|sales|income)\s+)$", re.IGNORECASE)
_THAN_EARLIER_WORDS = WindowWords(_THAN_EARLIER)  # (searched where its words are)
_EARLIER_NAMED = re.compile(r"\b(?:(?:19|20)\d\d|last\s+year|a\s+year\s+(?:ago|earlier)|year[\s-]ago|"
                            r"(?:prior|previous)\s+(?:fiscal\s+)?year)\b", re.IGNORECASE)


def modality_of(sentence: str, start: int, end: int, *, company_subject: bool, window_start: int = 0,
                measure_is_change: bool = False, analyst: bool = False, own_voice: bool = False) -> Modality:
    """The modality of the figure at ``sentence[start:end]``.

    :param window_start: where the figure's own clause begins (the previous figure's end).
    :param company_subject: whether the company (not an analyst or the author) is speaking.
    :param analyst: whether an analyst the article names speaks in the sentence ("Adelman expects ...").
    :param own_voice: whether the whole text is the company speaking (a call transcript, ``calls.py``): there a
        hedged outlook ("should reach") is the company's own, as "we expect" is.
    """
    if ("orecast" in sentence or "xpectation" in sentence or "stimate" in sentence) \
            and (beaten_words := list(_BEATEN_OUTLOOK.finditer(sentence))):
        # ("EPS of $1.12 topped forecasts": the result set against others' forecasts, no outlook of its own; not
        # "beat estimates of $1.05", whose estimate follows)
        for m in beaten_words:
            sentence = sentence[:m.start()] + " " * (m.end() - m.start()) + sentence[m.end():]
    found = _modality(sentence, start, end, company_subject=company_subject and not analyst,
                      window_start=window_start, measure_is_change=measure_is_change,
                      own_voice=own_voice and not sentence.rstrip().endswith("?"))
    # (an analyst's earlier estimate is an estimate too: "now expects Adobe to earn $20.10 per share ..., up from
    # $19.85 previously")
    if analyst and (found in (Modality.GUIDANCE, Modality.FORECAST, Modality.PRELIMINARY, Modality.PRIOR_GUIDANCE) or (
            # ("Analyst Erik Woodring said he expects iPhone revenue to rise 4% ... to $71.2 billion": the second
            # figure of the analyst's forward-looking clause)
            found is Modality.REPORTED and _FORWARD_CUE.search(sentence, 0, start) is not None
            and not _REPORTED_VERB.search(sentence, 0, start))):
        return Modality.ANALYST_ESTIMATE
    return found


_BEATEN_OUTLOOK = re.compile(r"(?i)\b(?:topped|tops|topping|beat|beats|beating|exceeded|exceeds|exceeding|surpassed|"
                             r"missed|misses|missing|above|below|ahead\s+of|short\s+of|in\s+line\s+with)\s+"
                             r"(?:the\s+|their\s+)?(?:(?:analysts?['’]?|wall\s+street['’]?s?|market|consensus|average|"
                             r"street|most)\s+)*(?:forecasts?|expectations?|estimates?|projections?)\b"
                             r"(?!\s+(?:of|at|for|was|were|is|are|had|calling|on|which|that)\b|\s*,\s*which\b|"
                             r"\s*[$€£¥\d(])")


# a figure a revision replaces, stated beside the new one: "The unaudited income for the period was 1,014,000",
# "The prior results reported income of 2,421,000", "previously reported net income of $5 million"
_SUPERSEDED = re.compile(
    r"\b(?:(?:previously|originally|initially|earlier)\s+(?:reported|stated|announced|published)|"
    r"the\s+unaudited\s+(?:[\w-]+\s+){0,2}?(?:income|earnings|net|profits?|loss|results|figures|amounts|sales|revenues?)|"
    r"(?:prior|previous|original)\s+(?:results|figures|amounts)\s+(?:reported|showed|were)|"
    r"before\s+(?:the\s+)?(?:revision|restatement|audit)|"
    # a correction note: "An earlier version of this article misstated first-quarter revenue as $4.1 billion"
    r"mis(?:stated|reported|quoted|identified)|(?:incorrectly|erroneously|wrongly|mistakenly)\s+"
    r"(?:reported|stated|said|gave|put|listed|described))\b[^$€£¥\d]{0,50}$", re.IGNORECASE)
# every match of _SUPERSEDED holds one of these (in lower case)
_SUPERSEDED_WORDS = ("previous", "original", "initial", "earlier", "unaudited", "prior", "before", "mis", "incorrect",
                     "erroneous", "wrong", "mistaken")


def _superseded_before(sentence: str, lo: int, hi: int) -> bool:
    """Whether ``_SUPERSEDED.search(sentence, lo, hi)`` matches, answered without the scan for an ASCII window with
    none of the words its matches hold.

    >>> _superseded_before("previously reported net income of $5", 0, 34), _superseded_before("net income of $5", 0, 14)
    (False, False)
    >>> _superseded_before("from the previously reported net income of $5", 0, 43)
    True
    """
    window = sentence[lo:hi]
    if window.isascii() and not any(map(window.lower().__contains__, _SUPERSEDED_WORDS)):
        return False
    return superseded_scan(sentence, lo, hi)


def superseded_scan(sentence: str, lo: int, hi: int) -> bool:
    """:func:`_superseded_before` without its precheck: a match of ``_SUPERSEDED`` that is not the company's own
    earlier announcement of a result (see ``_ANNOUNCED_BY``)."""
    return any(not _ANNOUNCED_BY.match(m.group(0)) or _ADJECTIVE_BEFORE.search(sentence, 0, m.start())
               or _REVISION.search(sentence) for m in _SUPERSEDED.finditer(sentence, lo, hi))


# "The bank earlier reported first quarter profit fell", "Viner earlier reported a fourth quarter loss": a verb of
# the sentence's subject, the company's earlier announcement of the figure; superseded only as an adjective ("from
# the previously reported 580,955 dlrs") or beside a revision ("restated", "revised")
# ("originally reported as 32.0 mln dlrs": the figure a revision replaces, whoever reported it)
_ANNOUNCED_BY = re.compile(r"(?i)(?:earlier|previously)\s+(?:reported|stated|announced|published)\b(?!\s+as\b)")
_ADJECTIVE_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|our|from|of|than|to|as|with|was|were|is|are|"
                               r"been|be|had|has|have)\s+$")
_REVISION = re.compile(r"(?i)\b(?:restat|revis|correct|amend|adjust|reclassif|now\b|instead\b)")


_SUPERSEDED_AFTER = re.compile(r"\s*,?\s*(?:as\s+)?(?:previously|originally|initially)\s+(?:reported|stated|announced)",
                               re.IGNORECASE)
# a correction's "36 cts per share, not the 37 cts it reported on March 11": the figure it replaces
_NOT_THE_BEFORE = re.compile(r"(?i)\bnot\s+(?:the\s+)?$")
_IT_REPORTED_AFTER = re.compile(r"(?i)\s*(?:(?:that|which)\s+)?(?:it|the\s+company|we|they)\s+(?:had\s+)?"
                                r"(?:(?:previously|earlier|originally|initially|first)\s+)?"
                                r"(?:reported|announced|stated|published|gave)\b")
_CLAUSE_REST = re.compile(r"[,;]|\.(?:\s|$)")
_EARLIER_PERIOD = re.compile(r"\b(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|year[\s-](?:ago|earlier)|"
                             r"prior[\s-]year|previous\s+year)\b", re.IGNORECASE)


def _modality(sentence: str, start: int, end: int, *, company_subject: bool, window_start: int,
              measure_is_change: bool, own_voice: bool = False) -> Modality:
    before = sentence[window_start:start]
    if window_start and (named := _forecast_after(before)) is not None:
        # ("above the $9.6 billion analysts expected, and EPS of $1.12": the estimators named right after the figure
        # before are that figure's)
        before = " " * named.end() + before[named.end():]
    after = sentence[end:end + 64]
    if (_superseded_before(sentence, max(window_start, start - 120), start)
            or _SUPERSEDED_AFTER.match(sentence, end)
            or (_NOT_THE_BEFORE.search(sentence, max(0, start - 12), start) and _IT_REPORTED_AFTER.match(sentence, end))) \
            and not measure_is_change and not _EARLIER_PERIOD.search(sentence):
        return Modality.PRELIMINARY  # the figure a revision replaces (the analysis marks it superseded)
    prior_window = sentence[max(0, start - 120):start]
    if window_start and (told := _OWN_EARLIER_AFTER.match(sentence, window_start)) is not None \
            and told.end() <= start and (cut := told.end() - max(0, start - 120)) > 0:
        prior_window = " " * cut + prior_window[cut:]  # (the figure before's own clause: "the £70m it had guided")
    if _OWN_EARLIER_AFTER.match(sentence, end):
        return Modality.PRIOR_GUIDANCE  # "below the £70m it had previously guided": the outlook it replaced
    if (prior := _prior_guidance(prior_window)) or (
            _EARLIER_AFTER.match(sentence, end) and not previously_then_figure(sentence, end)
            and _guidance(sentence[:start])) or (earlier_outlook_before(sentence, start) and _guidance(sentence[:start])):
        if prior is not None and prior.group(0).lower().startswith("had") \
                and _ESTIMATORS.search(sentence, 0, max(0, start - 120) + prior.start()):
            return Modality.ANALYST_ESTIMATE  # "Analysts surveyed by FactSet had expected earnings of 95 cents"
        return Modality.PRIOR_GUIDANCE  # "its prior forecast of $2", "expects ... 7% to 8%, up from 5% to 6% previously"
    if _forecast_after(after) or (_ESTIMATE_NAMED_AFTER.match(after)
                                        and _BEAT_BEFORE.search(sentence, max(0, start - 30), start)) \
            or (_CONSENSUS_NAMED_AFTER.match(after) and _COMPARED_BEFORE.search(sentence, max(0, start - 30), start)) \
            or _ANALYSTS_FORECAST_AFTER.match(after):
        # ("beating the T$45.2 billion LSEG SmartEstimate", "missing the $1.2 billion consensus", "compared with
        # the $4.20 estimate", "a 3.9 trillion won average forecast of 18 analysts")
        return Modality.ANALYST_ESTIMATE
    if _PROVIDER_AFTER.match(after) and _EXPECTED_WORD.search(sentence, max(0, start - 60), start):
        # "its expected 2024 adjusted EBITDA of $2.2 billion, according to LSEG data": the estimates a data
        # provider compiles, not the company's outlook
        return Modality.ANALYST_ESTIMATE
    if _ESTIMATES_WHICH_WORDS.search(sentence, max(0, start - 120), start) and _ESTIMATORS.search(sentence):
        # "topped most estimates on Wall Street, which had ranged from an even dollar to 1.20 dlrs": the figures of
        # a relative clause on the analysts' estimates are theirs
        return Modality.ANALYST_ESTIMATE
    if _VIEW_BEFORE.search(sentence, max(0, start - 12), start) and _ESTIMATORS.search(sentence):
        return Modality.ANALYST_ESTIMATE  # a wire brief's "Q3 EARNINGS PER SHARE VIEW $0.52 -- LSEG I/B/E/S"
    window = sentence[max(0, start - 160):start].lower()
    against = _set_against(sentence, start) if any(map(window.__contains__, _SET_NOUNS)) else []
    if against:
        set_against = against[-1]
        if _FIGURE_OF.match(sentence[set_against.end():start]):
            # "less than our outlook of $0.04 to $0.11", "versus Refinitiv IBES estimate of $1.22 billion"
            own = _OWN.search(set_against.group(0)) and not _ANALYST.search(set_against.group(0))
            return Modality.PRIOR_GUIDANCE if own else Modality.ANALYST_ESTIMATE
        cut = max(0, set_against.end() - window_start)
        before = " " * cut + before[cut:]  # "exceeded our outlook and were up 104%": a result
    if (_guidance(before) or _FORECAST.search(before)) and (fact := _last(_FACT_CLAUSE.finditer(before)) or (
            _headline_fact(before) if "s " in before else None)) is not None:
        # "raised its full-year forecast after net income climbed 12% to 2.1 billion euros", "warned it could post a
        # loss after sales slumped 21%": the clause after "after" states a result; the outlook word or the hedge
        # before it does not govern its figures
        before = " " * fact.start() + before[fact.start():]
    if not measure_is_change:
        if _FROM_BEFORE.search(before[-40:]) and not _CORRECTION.search(RESTATED_BEFORE.sub("", sentence[:start])) and (
                _CHANGE_VERB.search(sentence[max(0, start - 80):start]) or (
                    # "raised its forecast for the fiscal year ending in March 2025 to 3.57 trillion yen from 3.2
                    # trillion yen": the verb further back, the "to X from" right before
                    _TO_FROM.search(sentence, max(0, start - 60), start)
                    and _CHANGE_VERB.search(sentence[max(0, start - 200):start]))):
            if _ESTIMATE_COMPARED.search(before[-40:]) and not _PRIOR_GUIDANCE_WORDS.search(before[-40:]) \
                    and not (own_voice and _OWN_FORECAST_WORD.search(before[-40:])
                             and not _ANALYST.search(sentence) and "treet" not in sentence):
                # (in a call, "up from the forecast of $11.4 billion" with no analyst named is the company's own)
                return Modality.ANALYST_ESTIMATE
            if _PRIOR_AFTER_WIDE.match(after) or _EARLIER_PERIOD.search(_CLAUSE_REST.split(sentence[end:end + 120], 1)[0]):
                # ("expect earnings of 42 cents a share, compared with earnings of 31 cents a share and revenue of
                # $3.52 billion in the year-earlier quarter": the earlier period named at the end of the clause)
                return Modality.PRIOR_PERIOD
            if _guidance(sentence[:start]) and re.search(r"\b(?:forecast|guidance|outlook|expect|anticipat)",
                                                                  sentence[:start], re.IGNORECASE):
                return Modality.PRIOR_GUIDANCE
            return Modality.PRIOR_PERIOD
        if (_AFTER_PRIOR.match(after) and not YEAR_BEFORE_COMPARED.match(sentence, end)) \
                or (_PREVIOUSLY_AFTER.match(after) and not previously_then_figure(sentence, end)):
            # ("pretax profits of 12.26 mln after 10.36 mln previously": the earlier year's)
            return Modality.PRIOR_PERIOD
        if _FIGURE_AFTER_BEFORE.search(sentence, max(0, start - 40), start) and not _SPAN_AFTER.match(after):
            # ("turnover higher at 313.3 mln after 252.2 mln", "claims fell to 9.9 mln guilders after 66.6 mln the
            # previous year": a figure set right after another one with "after" is the earlier period's)
            return Modality.PRIOR_PERIOD
    if (than := _THAN_EARLIER_WORDS.search(sentence, max(window_start, start - 60), start)) is not None \
            and _EARLIER_NAMED.search(than.group(0)) and not _ANALYST.search(than.group(0)):
        return Modality.PRIOR_PERIOD  # "profit for fiscal 1987 will be lower than fiscal 1986 earnings of 410,000"
    # (a relative clause's verb is not the sentence's: "Honda Motor Co, which reported results last week, slashed
    # its annual operating profit outlook to 550 billion yen")
    main_clause = _RELATIVE_CLAUSE.sub(" ", before) if ", wh" in before else before
    if _PAST_RELATIVE.search(before):
        return Modality.REPORTED  # "plans to pay down debt, which stood at $6.8 billion": the clause states a fact
    if (joined := _last(AND_OUTLOOK.finditer(main_clause))) is not None:
        # ("Siemens AG reported a better-than-expected rise in profit and forecast revenue growth of 6% to 8%": the
        # result's verb is not the outlook's)
        main_clause = main_clause[joined.start():]
    if "eported" in main_clause:  # ("sees 2020 reported net sales of", "reported basis EPS outlook": GAAP, no result)
        main_clause = _REPORTED_BASIS.sub(" ", main_clause)
    if _FORECAST.search(before) and not re.search(r"\b(?:reported|posted)\b", main_clause, re.IGNORECASE):
        # ("We estimate that 2021 capital expenditures will be about $20 million": the company's own estimate)
        we_estimate = company_subject and _FIRST_PERSON.search(before) is not None \
            and not _ESTIMATORS.search(sentence) and not _ANALYST_NOT_ESTIMATE.search(sentence)
        if _ANALYST.search(sentence[:start]) and not we_estimate:
            return Modality.ANALYST_ESTIMATE
        if company_subject and (own_voice or _FIRST_PERSON.search(before)) and (we_estimate
                                                                              or not _ANALYST.search(sentence)):
            return Modality.GUIDANCE
        said = re.search(r"\b(?:said|says|told|stated|added)\b", sentence[:start], re.IGNORECASE)
        return Modality.GUIDANCE if company_subject and said and _HEDGE_ONLY.search(before) else Modality.FORECAST
    if _GUIDANCE_AFTER.match(sentence[end:end + 30]):
        return Modality.GUIDANCE if company_subject else Modality.FORECAST
    if own_voice and company_subject and to_be_before(sentence, start):
        return Modality.GUIDANCE  # a call reading out its outlook: "and earnings per share to be $0.49"
    if _guidance(before) and not re.search(r"\b(?:reported|posted|recorded)\b", main_clause, re.IGNORECASE):
        return Modality.GUIDANCE if company_subject else Modality.FORECAST
    return Modality.REPORTED


# an outlook joined to a result's clause: "reported a rise in profit and forecast revenue growth of 6% to 8%"
AND_OUTLOOK = re.compile(r"\b(?:and|but|while)\s+(?:also\s+|then\s+)?(?:forecast|predicted|projected|guided|"
                           r"expects?|expected|anticipates?|forecasts|projects|sees|raised|lifted|cut|lowered|trimmed|narrowed|reiterated|reaffirmed|"
                           r"maintained|kept|issued|gave)\b", re.IGNORECASE)
_REPORTED_VERB = re.compile(r"\b(?:reported|posted|recorded|earned|booked)\b", re.IGNORECASE)
# "reported" as the basis a figure is stated on, not as a verb of results
_REPORTED_BASIS = re.compile(r"(?i)\breported\s+(?=(?:basis|net\s+sales|sales|revenues?|earnings|eps|gaap|diluted|"
                             r"operating|gross|net\s+(?:income|earnings))\b)")
_RELATIVE_CLAUSE = re.compile(r",\s*wh(?:ich|o)\b[^,;]{0,80},")
# a relative clause with a past verb right before the figure: "debt, which stood at", "its revenue, which totaled"
# an outlook the company gave earlier, named right after its figure: "the £70m it had previously guided"
_OWN_EARLIER_AFTER = re.compile(r"\s*(?:that\s+)?(?:it|the\s+(?:company|group|firm)|we)\s+(?:had\s+(?:previously\s+|"
                                r"earlier\s+|originally\s+|initially\s+)?|(?:previously|earlier|originally|initially)\s+)"
                                r"(?:guided|forecast|expected|predicted|targeted|projected|flagged)\b", re.IGNORECASE)
_PAST_RELATIVE = re.compile(r",\s*which\s+(?:stood|was|were|totall?ed|amounted|came|reached)\b[^,;]{0,40}$",
                            re.IGNORECASE)


_NAMED_ANALYST = re.compile(
    r"\b[Aa]nalysts?\s+(?:(?:at|with|of|for)\s+(?:[A-Z][\w&.'’-]*\s+){1,4}|,\s*)?"
    r"(?P<a>(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,2})\b|"
    r"\b(?P<b>[A-Z][a-z'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’-]+),\s+(?:an?|the)\s+(?:[\w&.'’-]+\s+){0,4}analyst\b")


# (the same matches, tried only at a capital or an "a": its two branches open on a word boundary, which the engine
# tries at every position)
_NAMED_ANALYST_SCAN = Scanner(_NAMED_ANALYST)


def analyst_names(text: str) -> frozenset[str]:
    """The surnames of the analysts an article names, to know them when they speak again ("Adelman expects ...").

    >>> sorted(analyst_names("said Dean Witter analyst Lawrence Adelman. Jane Roe, an analyst at Acme Securities"))
    ['Adelman', 'Roe']
    """
    if "nalyst" not in text:
        return frozenset()
    out = set()
    for m in _NAMED_ANALYST_SCAN.finditer(text, text):
        name = m.group("a") or m.group("b")
        surname = name.split()[-1]
        if len(surname) > 2 and not surname.endswith("."):
            out.add(surname)
    return frozenset(out)


_OWN_ESTIMATE = re.compile(r"\b(?:its|our|the\s+company['’]s)\s+(?:[\w-]+\s+){0,2}?(?:estimates?|projections?)\b",
                           re.IGNORECASE)
_FORWARD_CUE = re.compile(r"\b(?:expects?|expected|expecting|anticipates?|forecasts?|outlook|guidance|sees|projects?|"
                          r"will|would|should)\b", re.IGNORECASE)


def own_estimate(clause: str) -> bool:
    """True when the clause cites the company's own estimate ("it believes its December estimate calling for")."""
    return _OWN_ESTIMATE.search(clause) is not None


def forward_looking(clause: str) -> bool:
    """True when the clause speaks of the future ("we expect EPS to be up ..., compared to our 2020 EPS of")."""
    return _FORWARD_CUE.search(clause) is not None


def reports_later(clause: str) -> bool:
    """True when the company says it expects to report the figure: the early estimate of a period that has ended
    ("Acme said it expects to report earnings of between 72 and 77 cts a share").

    >>> reports_later("Acme said it expects to report earnings of "), reports_later("Acme expects earnings of ")
    (True, False)
    """
    return _TO_REPORT.search(clause) is not None


def is_correction(sentence: str) -> bool:
    """True when the sentence corrects, restates or revises an earlier figure."""
    low = sentence.lower()
    return any_word(low, _CORRECTION_STEMS) and _CORRECTION.search(sentence) is not None


def set_against(sentence: str, start: int) -> bool:
    """True when the figure at ``start`` is an outlook or estimate a result is set against ("less than our outlook
    of $0.04 to $0.11", "beat the consensus of $1.20").

    >>> s = "EPS was $0.01, less than our outlook of $0.04 to $0.11."
    >>> set_against(s, s.index("$0.04")), set_against(s, s.index("$0.01"))
    (True, False)
    """
    window = sentence[max(0, start - 160):start]
    if not any(w in window.lower() for w in _SET_NOUNS):
        return False
    found = list(_SET_AGAINST.finditer(sentence, max(0, start - 160), start))
    return bool(found) and _FIGURE_OF.match(sentence[found[-1].end():start]) is not None
