"""The article-wide context the claim stages read: what the whole article says that single sentences lean on."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from claimgraph.sources.model import Claim, Company, Modality, Period, Resolution


@dataclass
class ArticleContext:
    """What the whole article says that single sentences lean on."""

    main: Company | None
    period: Period | None
    default_year: int | None
    published: dt.date | None
    fye: tuple[int, int] = (12, 31)
    fy_shift: int = 0  # a stated fiscal year ends this many years after the one named (retail naming: 1)
    currency_calendar: bool = False  # the article's money is mostly in yen or rupees (fiscal years to March)
    currency: str = "USD"  # of the item's amounts written without one (the dateline's: "LONDON" is sterling)
    prev_subject: Company | None = None  # another company the sentence before was about (see sentence_subject)
    # other companies' fiscal calendars stated in the article ("Quillon ... its fiscal third quarter, which ended
    # Oct. 26" in a story about another company)
    calendars: dict[str, tuple[int, int]] = field(default_factory=dict)
    same_paragraph: bool = False  # whether the sentence under way is in the paragraph of the one before
    last_margin: str | None = None
    last_part_metric: str | None = None  # the metric of the latest "part" figure ("$14.7 billion of this backlog")
    analysts: frozenset[str] = frozenset()  # surnames of the analysts the article names
    # whether the article is about a rating or brokers' views ("Goldman Sachs and Co cut its rating"): a third party
    # that then expects the company to earn a figure is a broker
    rated: bool = False
    last_modality: Modality | None = None  # of the last claim of the previous sentence with claims
    sentence_no: int = 0
    # the period named in the last sentence that named one, for the next sentences of its paragraph that name
    # none ("For the nine months, revenue was 4.1 billion pounds. Operating profit was 590 million pounds."), and
    # whether it was an outlook's
    carry: tuple[Period, Resolution, Modality] | None = None  # results, an outlook or an estimate going on
    # in a call with one sentence a line, for how many more lines results' carry goes on (``callperiods.py``)
    carry_lines: int = 0
    # the carry of the paragraph before, for "the same period" opening the next one (in wire copy every sentence is
    # a paragraph: "... in the year ending March 31, 1988 ... / Total sales for the same period are expected to")
    paragraph_carry: tuple[Period, Resolution, Modality] | None = None
    # the latest reported or outlook levels with a classified metric, (sentence number, claim): what an estimate is
    # set against
    recent: list[tuple[int, Claim]] = field(default_factory=list)
    # the segment a lead or a subject opened for the sentences after it ("Starting with Collins Aerospace."), how
    # many sentences ago it was last named
    scope: str | None = None
    scope_age: int = 0
    move_sentence: int = -9  # the number of the last sentence that gave a share move
    named_segments: list[str] = field(default_factory=list)  # the segments the sentence at hand names
    seen_segments: list[str] = field(default_factory=list)  # ... by any of the rules
    segment_end: int = -1  # where the sentence's latest segment figure ends
    lined: bool = False  # one sentence a line (a call transcript as many sources give it)
    spoken: bool = False  # told by the company itself, "we" (a call transcript: ``calls.py``)
    # an outlook a lead without figures opened ("we offer the following fourth quarter guidance."): for how many
    # more sentences, and its period (``outlooks.py``)
    outlook_left: int = 0
    outlook_period: Period | None = None
    # the brands and units the article names as a company's parts ("Gucci, its biggest brand": ``part_pattern``)
    parts: re.Pattern[str] | None = None
