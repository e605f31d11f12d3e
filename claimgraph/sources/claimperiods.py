"""Period choice: which period a figure in a sentence is for.

:func:`claim_period` reads the periods the sentence names around the figure (the nearest one of the kind its words
call for, an earlier period a comparison names, "respectively" lists, a base year after "from" or "since"), then
falls back to the article's carry, its reporting period or the quarter before publication; the helpers beside it
complete bare years, read year-to-date figures and the measure a comparison base implies. Used by
:mod:`claimgraph.sources.claims`, which attaches the rest of a claim.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
import re

from claimgraph.sources.call_measures import (
    above_or_below_base,
    level_after_compared,
)
from claimgraph.sources.callperiods import (
    earlier_figure_period,
    in_cause,
    maturity_date,
    names_a_call,
    set_against_earlier,
)
from claimgraph.sources.context import ArticleContext
from claimgraph.sources.metrics import UNCLASSIFIED
from claimgraph.sources.modality import (
    AND_OUTLOOK,
    YEAR_BEFORE_COMPARED,
    beaten,
    forward_looking,
    set_against,
)
from claimgraph.sources.model import (
    Claim,
    Measure,
    Modality,
    Period,
    Quantity,
    Resolution,
)
from claimgraph.sources.outlooks import next_quarter_numbered
from claimgraph.sources.periods import (
    PeriodMention,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_of,
    half_containing,
    quarter_containing,
    shift_quarter,
    shift_year,
    weeks_ending,
    year_from_published,
)
from claimgraph.sources.scan import WindowWords

ESTIMATE_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:expected|estimated|est\.?|consensus)\b|"
                            r"^\s*(?:\w+\s+){0,4}?analysts'?\s+(?:\w+\s+)?(?:estimates?|forecasts?|expectations?)",
                            re.IGNORECASE)
_ESTIMATE_BEFORE = re.compile(r"\b(?:estimates?|consensus|expectations?|expected|forecasts?\s+of\s+analysts|"
                              r"(?<=analysts['’]\s)(?:[\w-]+\s+){0,2}?forecasts?|"  # ("beating analysts' forecasts of 3.2%")
                              r"analysts\s+(?:surveyed|polled)|"
                              r"had\s+(?:forecast|estimated|projected|predicted|anticipated|pencilled\s+in|"
                              r"penciled\s+in|looked\s+for))\b[^.;]*$", re.IGNORECASE)
# "a quarterly dividend of nine cts per share payable May 15 to holders of record April 17": dates of the payment
_PAYABLE = re.compile(r"(?i)\b(?:payable|paid|distributed|record|ex-dividend|ex-div|mailed)\s+(?:on\s+|as\s+of\s+|"
                      r"(?:on\s+)?or\s+about\s+)?$")
_PAYABLE_WORDS = WindowWords(_PAYABLE)  # (searched where its words are)
_SINCE = re.compile(r"\b(?:since|until|till|(?:founded|established|formed|incorporated|created|started|launched|"
                    r"opened|began|begun|set\s+up|listed)\s+in)\s+(?:the\s+)?$", re.IGNORECASE)
_SINCE_WORDS = WindowWords(_SINCE)  # (searched where its words are)


def as_month_end(day: dt.date) -> dt.date:
    import calendar

    return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


_YEAR_JOIN = re.compile(r"\s*(?:,|\s+of|\s+in)?\s*(?:fiscal\s+(?:year\s+)?)?")


_YEAR_POSSESSIVE = re.compile(r"['’]s\s+")
_FISCAL_YEAR_AFTER = re.compile(r"\s+(?:fiscal|financial|business)\s+year\b", re.IGNORECASE)


def complete_years(periods: list[PeriodMention], text: str = "") -> list[PeriodMention]:
    """"fourth quarter net income ... in 1986": a yearless quarter takes the sentence's only year. When the year
    comes after a comparison ("first quarter earnings rose to 60 mln from 49 mln in 1986"), it is the earlier
    figure's: the quarter keeps no year (the one reported), and the year names that quarter of the earlier year.

    >>> from claimgraph.sources.periods import find_period_mentions
    >>> s = "first quarter profit rose to 60 mln dlrs from 49 mln dlrs in 1986"
    >>> [(p.kind, p.year) for p in complete_years(find_period_mentions(s), s)]
    [('quarter', None), ('quarter', 1986)]
    """
    years = {p.year for p in periods if p.kind == "year" and p.year is not None}
    partial = [p for p in periods if p.kind in ("quarter", "half", "nine_months") and p.year is None]
    if len(years) != 1 or not partial:
        return periods
    year = years.pop()
    at = next(p for p in periods if p.kind == "year" and p.year == year)
    if at.end <= partial[0].start and COMPARED_BEFORE.search(text, max(0, at.start - 30), at.start) \
            and not _YEAR_POSSESSIVE.fullmatch(text, at.end, partial[0].start):
        return periods  # "When compared with 2020, second quarter net sales were up 57%": the base, not the quarter's
    if all(p.end <= at.start for p in partial) and above_or_below_base(text, at.start):
        return periods  # "Gross margin for Q3 was 38.9%, 80 basis points below 2019": the base, not the quarter's
    if all(p.start >= at.end for p in partial) and _FIGURE_IN_YEAR.search(text, max(0, at.start - 30), at.start) \
            and _LIST_SEPARATOR.search(text, at.end, partial[0].start):
        # "Kellanova, which had net sales of $13.1 billion in 2023, reported second-quarter net income of $344
        # million": the year of the figure it follows, and the quarter after the comma is the one reported
        return periods
    if all(p.end <= at.start for p in partial) and maturity_date(text, at.start):
        return periods  # "debt was $116 million at the end of the second quarter, ... which matures in 2030"
    compared = len(partial) == 1 and partial[0].end < at.start and \
        COMPARISON.search(text, partial[0].end, at.start) is not None
    # "second-quarter revenues of $856 million ... 6% below the second quarter in 2019": with several yearless
    # periods, the year belongs to the one it follows directly, or leads as a possessive ("backlog was $7.47 billion
    # at q1 end, up 37% compared to fy 2020's q1": the earlier year's first quarter, not the one at whose end)
    adjacent = [p for p in partial if len(partial) > 1 and (_YEAR_JOIN.fullmatch(text, p.end, at.start)
                                                            or _YEAR_POSSESSIVE.fullmatch(text, at.end, p.start))]
    out = []
    for p in periods:
        if p in partial:
            out.append(p if compared or (adjacent and p not in adjacent) else dataclasses.replace(p, year=year))
        elif p.kind == "year" and p.year == year:
            if compared:
                out.append(dataclasses.replace(partial[0], start=p.start, end=p.end, year=year))
            elif re.match(r"(?i)full[\s-]year|calendar", text[p.start:p.end]) or (p.fiscal and not any(
                    -12 <= x.start - p.end <= 12 or -12 <= p.start - x.end <= 12 for x in partial)) \
                    or _FISCAL_YEAR_AFTER.match(text, p.end) or any(
                        AND_OUTLOOK.search(text, x.end, p.start) for x in partial if x.end <= p.start) or any(
                        AND_OUTLOOK.search(text, p.end, x.start) for x in partial if p.end <= x.start):
                # ("reported fourth-quarter profit ... and forecast growth of 6% to 8% for its 2026 fiscal year":
                # the year is the outlook's, no year of the quarter reported; nor the other way round: "to earn $5.12 a
                # share in 2025 and sees third-quarter revenue of": the year is the figure's before the outlook verb)
                # "in Q4 ..., we expect full year 2021 EBITDA", "fiscal 2025 revenue of $3.5 billion and first-quarter
                # revenue of": the year is a period of its own
                out.append(p)
            continue
        else:
            out.append(p)
    return out


# a period named as the base of a figure's comparison ("up 104% from $2.01 in the fourth quarter", "up $70 million
# versus the same period in 2019") is not the period of a change
_BASE_BEFORE = re.compile(
    # (a number in words too: "up six pct from 1985")
    r"(?:\d[\d.,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
    r"\s*(?:%|[a-z]+(?:\s+points)?)?\s+(?:(?:higher|lower|more|less|greater|better|worse)\s+than|from|versus|vs\.?|"
    r"compared\s+(?:with|to)|than)\s+"  # ("$78 million higher than in 2019": a difference from that year)
    r"(?:[$€£]?\d[\d.,]*\s*(?:%|[a-z]+)?\s+)?(?:in\s+|for\s+)?(?:the\s+|a\s+|last\s+year['’]s\s+)?"
    # ("up $0.01 from the preceding first quarter")
    r"(?:(?:preceding|previous|prior|sequential|linked)\s+)?"
    r"(?:same\s+(?:period|quarter|time)\s+(?:in|of)\s+)?$"
    # "The 5% decline in adjusted EBITDA from the second quarter of 2020": the change's noun and what it is of
    r"|\d[\d.,]*\s*%?\s+(?:increase|decrease|decline|rise|drop|fall|growth|improvement|reduction|gain)\s+in\s+"
    r"(?:[\w&-]+\s+){1,4}(?:from|versus|vs\.?|compared\s+(?:with|to)|over)\s+(?:the\s+)?$", re.IGNORECASE)
_OR_PAIR = re.compile(r"\s*,?\s*or\s*$")
COMPARISON = re.compile(r"\b(?:from|vs\.?|versus|compared\s+(?:with|to)|against)\b", re.IGNORECASE)


# a day on which something was said or published, no period of a figure
_SAID_ON = re.compile(r"(?i)\b(?:said|says|reported|announced|disclosed|added|told\s+\w+|published|released)\s+"
                      r"(?:on\s+|late\s+on\s+|early\s+on\s+)?$")
# a figure followed by the year it is for ("$13.1 billion in 2023", "12 pct in fiscal 2023")
_FIGURE_IN_YEAR = re.compile(r"(?i)(?:\d|\b(?:billion|million|mln|bln|bn|mn|pct|percent|cents?|cts|dlrs))\s+(?:in|for|during)\s+"
                             r"(?:(?:fiscal|calendar)\s+)?$")


# what stands between "year-to-date" and the period it runs to: "Year-to-date through Q2,", "On a year-to-date
# basis, 2020 cash flow", "year to date to the end of the third quarter"
_YTD_THROUGH = re.compile(r"(?i)[\s,]*(?:basis\s*,?\s*)?(?:(?:through|thru|to|until|up\s+to|in|for|of)\s+)?"
                          r"(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:fiscal\s+)?")


def year_to_date(text: str, q: Quantity, periods: list[PeriodMention], period: Period | None,
                 ctx: ArticleContext) -> Period | None:
    """The year to date that a figure's period closes, when "year-to-date" runs up to the period named after it
    ("Year-to-date through Q2, we generated $2.9 billion": the fiscal year's first half; "On a year-to-date basis,
    2020 cash flow of $712 million", in a call about the third quarter: January to September 2020), else None."""
    if period is None:
        return None
    ytd = next((p for p in periods if p.kind == "ytd" and p.end <= q.start), None)
    if ytd is None:
        return None
    through = next((p for p in periods if ytd.end <= p.start and p.end <= q.start and p.kind in ("quarter", "half", "year")
                    and _YTD_THROUGH.fullmatch(text, ytd.end, p.start)), None)
    if through is None:
        return None
    fy = fiscal_year(fiscal_year_of(period.end, ctx.fye), ctx.fye)
    days = (period.end - period.start).days
    if days < 200 and through.kind in ("quarter", "half") and period.end <= fy.end:
        end = period.end
    elif days > 300 and through.kind == "year" and ctx.period is not None \
            and fy.start <= ctx.period.end < fy.end and (ctx.period.end - ctx.period.start).days < 300:
        end = ctx.period.end
    else:
        return None
    return Period(fy.start, end, f"{fy.label}-YTD")


def _earlier_named(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext,
                   current: tuple[Period | None, Resolution] | None, next_start: int,
                   absolute: list[PeriodMention], foreign_subject: bool,
                   ) -> tuple[tuple[Period | None, Resolution, bool] | None, bool]:
    """For a level (not a change): an earlier period named beside the figure ("posted a year ago", "last
    quarter's EPS of $0.95", "A year earlier, it earned"), as ``claim_period`` reads it: the period found, if that
    settles it, and whether the figure is the earlier period's (a prior-period figure)."""
    prior = False
    # "127,587 dlrs, or seven cts a share, posted a year ago": the pair shares the earlier period
    pair = next_start < len(text) and _OR_PAIR.match(text, q.end, next_start) is not None
    for p in periods:
        # "Rs 1,615 crore in the July-September period of the previous fiscal", "in the corresponding quarter of the
        # previous year": the period named right after the figure, of the earlier year (that period, not the year)
        attached = p.kind == "prior_year" and (any(0 <= m.start - q.end <= 30 and m.kind != p.kind
                                                   and _OF_EARLIER.fullmatch(text, m.end, p.start) for m in periods)
                                               or _SAME_PERIOD_OF.fullmatch(text, q.end, p.start) is not None)
        if attached and not (next_start < len(text) and COMPARISON.search(text[q.end:p.start])):
            prior = True
            continue
        if p.kind in {"prior_year", "prior_quarter"} and 0 <= p.start - q.end <= (70 if pair else 30) \
                and (p.start < next_start or pair) \
                and not (next_start < len(text) and COMPARISON.search(text[q.end:p.start])) \
                and not _FROM_PRIOR.fullmatch(text, q.end, p.start) \
                and not set_against_earlier(text, q.end, p.start) \
                and not _LIKE_BEFORE.search(text, max(q.end, p.start - 40), p.start):
            # ("Our free cash flow of $28.8 million was consistent with the prior year": the period's own figure)
            # ("rose to X from year-ago loss of Y": "year-ago" is Y's; "fell 12% to $1.05 billion from a year
            # earlier": the change is against a year earlier, the level is the period's own)
            if p.kind == "prior_quarter" and current is not None and current[0] is not None:
                return (shift_quarter(current[0], ctx.fye), current[1], True), prior
            if p.kind == "prior_quarter" and ctx.period is not None:  # ("from $1.25 billion last quarter")
                return (shift_quarter(ctx.period, ctx.fye), Resolution.INFERRED_CONTEXT, True), prior
            prior = p.kind == "prior_year"
            if prior and ctx.published is not None and YEAR_BEFORE_COMPARED.match(text, q.end) is not None:
                # "a net profit of 84.2 billion won last year from a net loss of 112.5 billion won a year earlier":
                # the last fiscal year's own figure
                return (fiscal_year(fiscal_year_of(ctx.published, ctx.fye) - 1, ctx.fye), Resolution.INFERRED_PUBLISHED,
                        False), False
            if prior and p.fiscal and ctx.published is not None and ctx.period is None \
                    and re.match(r"(?i)(?:last|just)\b", text[p.start:p.end]) and not COMPARISON.search(text) \
                    and not _FIGURE_BEFORE.search(text, 0, q.start):
                # "reported annual sales of 3.2 billion pounds in its last financial year" in a story reporting no
                # period of its own (a deal's): the last fiscal year's own figure, nothing compared
                return (_previous_fiscal_year(ctx, current), Resolution.INFERRED_PUBLISHED, False), False
            if prior and p.fiscal and ctx.published is not None:
                return (_previous_fiscal_year(ctx, current), Resolution.INFERRED_CONTEXT, True), prior
            if prior and ctx.published is not None and LAST_YEAR.fullmatch(text, p.start, p.end) \
                    and not COMPARISON.search(text) \
                    and not _FIGURE_BEFORE.search(_WHICH_CLAUSE.sub(" ", text[:q.start])) \
                    and (foreign_subject or ctx.period is None or (ctx.period.end - ctx.period.start).days >= 250):
                # "The magazine group had revenues of eight mln dlrs last year", "It earned $85 million last
                # year" (a company bought, in a story that reports the buyer's quarter), with nothing compared:
                # the last fiscal year's own figure; the reporting company's "It earned 3 mln dlrs last year"
                # after its first-quarter result is that quarter's a year earlier
                last_fy = fiscal_year(fiscal_year_of(ctx.published - dt.timedelta(days=30), ctx.fye) - 1, ctx.fye)
                return (last_fy, Resolution.INFERRED_PUBLISHED, False), prior
    first = periods[0] if periods else None
    if not prior and first is not None and first.kind == "prior_year" and first.end <= q.start \
            and ctx.published is not None and LAST_YEAR.fullmatch(text, first.start, first.end) \
            and (_LEAD_PRIOR.fullmatch(text, 0, first.start) or _METRIC_LEAD.fullmatch(text, 0, first.start)
                 or _subject_last_year(text, q, periods, first)) \
            and not any(first.end <= p.start < q.start for p in absolute) \
            and not COMPARISON.search(text, first.end, q.start):
        # "Last year, the company lost 264.5 mln dlrs", "Revenues last year rose to 1.94 billion dlrs from 1.34
        # billion dlrs in 1985": the last fiscal year
        last = fiscal_year_of(ctx.published - dt.timedelta(days=30), ctx.fye) - 1
        quarter = next((p for p in absolute if p.start >= q.end and p.kind == "quarter" and p.number in (1, 2, 3, 4)
                        and p.year is None and not COMPARISON.search(text, q.end, p.start)), None)
        if quarter is not None:
            # "Last year, it lost 243,064 dlrs on revenues of 7.0 mln dlrs in the second quarter": that quarter of
            # the last fiscal year
            return (fiscal_quarter(last, quarter.number, ctx.fye), Resolution.INFERRED_PUBLISHED, False), prior
        return (fiscal_year(last, ctx.fye), Resolution.INFERRED_PUBLISHED, False), prior
    lead = periods[0] if periods and periods[0].kind in {"prior_year", "prior_quarter"} \
        and periods[0].end <= q.start and _LEAD_PRIOR.fullmatch(text, 0, periods[0].start) \
        and not LAST_YEAR.fullmatch(text, periods[0].start, periods[0].end) else None
    if lead is None and not prior:
        # "This compares to year-ago revenues of $1.22 billion", "last quarter's EPS of $0.95": an earlier
        # period named as the adjective of the figure's own noun phrase
        lead = next((p for p in periods if p.kind in {"prior_year", "prior_quarter"} and p.end <= q.start
                     and _ATTRIBUTIVE_PRIOR.fullmatch(text, p.end, q.start)), None)
    if not prior and lead is not None and not any(lead.end <= p.start < q.start for p in absolute) \
            and not COMPARISON.search(text, lead.end, q.start):
        # "A year earlier, it earned $349 million, or 87 cents a share": the sentence is about the earlier period
        reported = ctx.period or (quarter_containing(ctx.published - dt.timedelta(days=92), ctx.fye)
                                  if ctx.published is not None else None)
        if lead.kind == "prior_quarter" and current is not None and current[0] is not None:
            if reported is not None and current[0].end < reported.start:
                # ("A quarter ago, it was expected that ... $0.40 per share when it actually produced earnings
                # of $0.44": the figure before already took the earlier quarter)
                return (current[0], current[1], True), prior
            return (shift_quarter(current[0], ctx.fye), current[1], True), prior
        if lead.kind == "prior_quarter" and reported is not None:
            # (with no quarter reported named: the one before the quarter that ended last before publication)
            return (shift_quarter(reported, ctx.fye), Resolution.INFERRED_CONTEXT if ctx.period is not None \
                else Resolution.INFERRED_PUBLISHED, True), prior
        prior = lead.kind == "prior_year"
        if prior and lead.fiscal and ctx.published is not None:
            return (_previous_fiscal_year(ctx, current), Resolution.INFERRED_CONTEXT, True), prior
    return None, prior


# a word before "last year" that makes it the object of a comparison or a span ("over last year", "since last year")
_PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:over|from|than|since|versus|vs\.?|against|with|to|compared|in|of|for|by|"
                                 r"until|till|through|during|at|on|as|and|or|but|than)\s+$")


def _subject_last_year(text: str, q: Quantity, periods: list[PeriodMention], first: PeriodMention) -> bool:
    """Whether "last year" is the only period of a sentence that compares nothing, said of its subject before the
    verb and the figure: "The rise of the yen last year led to Sand's loss of 2.1 mln dlrs" (the last fiscal year's
    loss; not "rose 5 pct over last year to": a preposition makes it a comparison; "the yen against the dollar"
    before it compares no figure)."""
    return len(periods) == 1 and first.start > 0 and not _FIGURE_BEFORE.search(text, 0, first.start) \
        and _PREPOSITION_BEFORE.search(text, max(0, first.start - 12), first.start) is None \
        and not COMPARISON.search(text, first.end) and not _FIGURE_BEFORE.search(text, first.end, q.start)


def _period_of_kind(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext,
                    chosen: PeriodMention | None, best: int, *, forward: bool, prior: bool,
                    ) -> tuple[Period | None, Resolution, bool] | None:
    """The period a relative mention chosen for the figure names by its kind ("this year", "the current quarter",
    "the year ended August 31", "full-year", "year to date", "half-year", "for the quarter"), as ``claim_period``
    resolves it; ``None`` for other kinds."""
    if chosen is not None and chosen.kind in ("this_year", "next_year") and ctx.published is not None and best < 10**8:
        fy = fiscal_year_of(ctx.published, ctx.fye) + (1 if chosen.kind == "next_year" else 0) - prior
        # "eight dlrs a share this year compared to 6.20 dlrs a share earned a year ago": a year before
        if chosen.kind == "this_year" and ctx.spoken and not forward and ctx.period is not None \
                and not forward_looking(text[:q.start]):
            # a call about a fourth quarter, held after the year it ends: "This year, revenue grew 5%" is that year
            fy = fiscal_year_of(ctx.period.end, ctx.fye) - prior
        return fiscal_year(fy, ctx.fye), Resolution.INFERRED_PUBLISHED, prior
    if chosen is not None and chosen.kind in ("current_quarter", "next_quarter") and best < 10**8 \
            and (ctx.published is not None or ctx.period is not None):
        # "the current quarter": the one after the quarter the article reports, else the one under way at publication
        if ctx.period is not None and 80 <= (ctx.period.end - ctx.period.start).days <= 100:
            grid = quarter_containing(ctx.period.end, ctx.fye)
            # (a 52/53-week quarter ended Jan. 29 sits in the grid's quarter to Jan. 31: the next one follows that)
            current_q = quarter_containing(max(grid.end, ctx.period.end) + dt.timedelta(days=1), ctx.fye)
            if abs((grid.end - ctx.period.end).days) > 7:  # a stated quarter off the calendar grid: the next 13 weeks
                end = ctx.period.end + dt.timedelta(days=91)
                if ctx.period.end == as_month_end(ctx.period.end):  # (whole months: to the third month's end)
                    end = as_month_end(ctx.period.end + dt.timedelta(days=85))
                current_q = Period(ctx.period.end + dt.timedelta(days=1), end, f"3M-{end.isoformat()}")
        else:
            assert ctx.published is not None
            current_q = quarter_containing(ctx.published, ctx.fye)
        if chosen.kind == "next_quarter" and (ctx.period is None or (ctx.period.end - ctx.period.start).days > 100
                                              or current_q.start <= ctx.period.end
                                              or any(p.kind == "current_quarter" for p in periods)):
            # (in a story reporting a quarter, "next quarter" and "the coming quarter" are the one after it: the
            # quarter under way, as "forecast next-quarter revenue" in a results story; not beside "current quarter")
            current_q = quarter_containing(current_q.end + dt.timedelta(days=1), ctx.fye)
        return current_q, Resolution.INFERRED_PUBLISHED, prior
    if chosen is not None and chosen.kind == "year_ended" and chosen.year is None and chosen.month \
            and ctx.published is not None and best < 10**8:
        # "the year ended August 31 will be about ...": the latest such end before publication for a result,
        # the next one for an outlook, unless "ended" names one that has just ended ("analysts expect revenue of
        # $8.71 billion for the quarter ended Nov. 28", a preview published in December: that quarter)
        from claimgraph.sources.report import fye_for, latest_date, period_ending

        end = latest_date(chosen.month, chosen.day or 28, ctx.published)
        following = latest_date(chosen.month, chosen.day or 28, end + dt.timedelta(days=370))
        if (forward and end < ctx.published and (chosen.ending or (ctx.published - end).days > 100)) or \
                (chosen.ending and (following - ctx.published).days < 31 * (chosen.number or 3)):
            end = following  # "the fourth quarter ending April 30", said in March: the quarter under way
        if not chosen.day:
            end = as_month_end(end)
        if not chosen.number and ctx.period is not None and abs((ctx.period.end - end).days) <= 7:
            # "in the period ended Sept. 30": the period the article reports, which ends then
            return (shift_year(ctx.period) if prior else ctx.period), Resolution.INFERRED_CONTEXT, prior
        if chosen.weeks:
            ended = weeks_ending(end, chosen.weeks)
        elif (chosen.number or 3) == 3 and chosen.ordinal in (1, 2, 3, 4):
            # "the third quarter ended Oct. 27": labelled in the fiscal calendar its number and end imply
            ended = period_ending(end, 3, fye_for(end, chosen.ordinal), chosen.ordinal)
        else:
            ended = period_ending(end, chosen.number or 3, (end.month, end.day) if chosen.number == 12 else None)
        if not chosen.ordinal:
            for known in (quarter_containing(end, ctx.fye), half_containing(end, ctx.fye)):
                if (known.start, known.end) == (ended.start, ended.end):
                    ended = known  # ("the quarter ended Nov. 30" in a story on a year to May: FY2025-Q2)
        # "quarter ended January 31 fell to 114 mln from 140 mln a year ago": the same period a year earlier
        return shift_year(ended) if prior else ended, Resolution.INFERRED_PUBLISHED, prior
    if chosen is not None and chosen.kind == "full_year" and forward and ctx.published is not None and best < 10**8 \
            and (named := _named_year_to_come(q, periods, ctx)) is not None:
        # "raised his 1988 estimate to 3.50 dlrs, up from an earlier forecast of three dlrs for the year": the year
        # still to come the sentence named before the figure, not the one under way
        return named, Resolution.INFERRED_CONTEXT, prior
    if chosen is not None and chosen.kind == "full_year" and forward and ctx.published is not None and best < 10**8:
        # an outlook for "the full year" is for the fiscal year under way when it is given
        return fiscal_year(fiscal_year_of(ctx.published, ctx.fye), ctx.fye), Resolution.INFERRED_PUBLISHED, prior
    if chosen is not None and chosen.kind == "ytd" and ctx.period is None and ctx.published is not None \
            and best < 10**8:
        # "year to date" with no reporting period named: to the last quarter end before publication
        latest = quarter_containing(ctx.published - dt.timedelta(days=92), ctx.fye)
        return Period(fiscal_year(fiscal_year_of(latest.end, ctx.fye), ctx.fye).start, latest.end, "YTD"), \
            Resolution.INFERRED_PUBLISHED, prior
    if chosen is not None and chosen.kind == "half_year" and ctx.published is not None and (
            ctx.period is None or (ctx.period.end - ctx.period.start).days < 170):
        # "a half-year profit of": the half that ended last before publication, whatever quarter the story names
        from claimgraph.sources.report import latest_quarter_end

        last_end = ctx.period.end if ctx.period is not None else latest_quarter_end(ctx.published)
        half = half_containing(last_end, ctx.fye)
        if half.end > last_end:  # (a half still under way: the one before it, "interim dividend" in December)
            half = half_containing(half.start - dt.timedelta(days=1), ctx.fye)
        elif text[chosen.start:chosen.end].lower().startswith("interim") and half.label.endswith("H2"):
            # "it reported interim profits of 503 mln dlrs" in March: the interim results are the first half's
            half = half_containing(half.start - dt.timedelta(days=1), ctx.fye)
        return (shift_year(half) if prior else half), Resolution.INFERRED_PUBLISHED, prior
    if chosen is not None and chosen.kind == "quarterly" and ctx.period is None and ctx.published is not None:
        # "for the quarter" with no reporting period named: the last quarter before publication
        return quarter_containing(ctx.published - dt.timedelta(days=92), ctx.fye), Resolution.INFERRED_PUBLISHED, prior
    return None


def _named_year_to_come(q: Quantity, periods: list[PeriodMention], ctx: ArticleContext) -> Period | None:
    """The one whole year named before the figure in its sentence that begins after publication ("his 1988
    estimate" in March 1987); None when there is none, or more than one."""
    if ctx.published is None:
        return None
    found: list[Period] = []
    for p in periods:
        if p.end > q.start or p.relative or p.kind != "year":
            continue
        year, _ = p.resolve(ctx.fye, ctx.period, ctx.default_year, ctx.fy_shift)
        if year is not None and 360 <= (year.end - year.start).days <= 370 and year.start > ctx.published:
            found.append(year)
    return found[0] if len({(y.start, y.end) for y in found}) == 1 else None


def claim_period(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext,
                 current: tuple[Period | None, Resolution] | None, *, next_start: int, measure: Measure,
                 modality: Modality, market: bool = False, metric: str | None = None, window_start: int = 0,
                 foreign_subject: bool = False) -> tuple[Period | None, Resolution, bool]:
    """The claim's base period (before stock instants), how it was resolved, and whether it is a comparative."""
    prior = False
    is_change = measure in (Measure.CHANGE, Measure.CHANGE_YOY, Measure.CHANGE_QOQ)
    absolute = _candidates(text, q, periods, is_change)
    # (a change "versus 2019" is not for 2019: that is what it is compared with; nor is "a margin of 23%, which was
    # consistent with the second quarter" the second quarter's)
    if not is_change:
        found, prior = _earlier_named(text, q, periods, ctx, current, next_start, absolute, foreign_subject)
        if found is not None:
            return found
    chosen, best = _nearest(text, q, absolute, next_start, modality)
    if (early := _context_period(text, ctx, chosen, best, modality)) is not None:
        return early
    if (chosen is None or best >= 10**8) and not is_change and not prior and modality is Modality.REPORTED \
            and (following := _year_after_compared(text, q, absolute, next_start, ctx)) is not None:
        return following, Resolution.INFERRED_CONTEXT, False
    # Outlooks name their own period; an analysts' estimate set against a result ("vs. $1.60 expected",
    # "beating the consensus of $33.2 billion") is for the period of that result.
    estimate = _is_estimate(text, q, periods, ctx, modality, chosen, metric)
    # ("less than our outlook of $0.04 to $0.11": the old outlook of the period whose result it is set against)
    forward = modality in (Modality.GUIDANCE, Modality.FORECAST, Modality.PRIOR_GUIDANCE,
                           Modality.ANALYST_ESTIMATE) and not estimate
    # the period of the sentence before goes on when this one names none before the figure ("A year earlier" after
    # it is still the earlier figure's)
    carried = not absolute and not any(p.start < q.start for p in periods)
    if estimate and modality is Modality.ANALYST_ESTIMATE and chosen is not None and chosen.kind == "full_year" \
            and best < 10**8 and (guided := _guided_year(ctx, metric)) is not None:
        # "raised its operating profit forecast for the year ending March 31 to 118 billion yen ... The consensus
        # estimate of 14 analysts ... for the full year was 112 billion yen": the year of the company's outlook
        return guided, Resolution.INFERRED_CONTEXT, prior
    if modality is Modality.ANALYST_ESTIMATE and chosen is not None and chosen.kind == "full_year" and best < 10**8 \
            and (awaited := _awaited_year(ctx)) is not None:
        # "scheduled to report fourth-quarter results on Wednesday ... For the full year, Wall Street expects revenue
        # of $38.6 billion": the year that quarter ends, not yet reported, not the one under way
        return awaited, Resolution.INFERRED_CONTEXT, prior
    if (by_kind := _period_of_kind(text, q, periods, ctx, chosen, best, forward=forward, prior=prior)) is not None:
        return by_kind
    if chosen is not None and best < 10**8 and not (prior and current is not None):
        period, how = _resolve_chosen(text, q, absolute, ctx, chosen, current, modality=modality, is_change=is_change,
                                      prior=prior, forward=forward, estimate=estimate, metric=metric,
                                      foreign_subject=foreign_subject, window_start=window_start)
    else:
        period, how = _fallback(text, q, periods, ctx, current, measure=measure, modality=modality, market=market,
                                metric=metric, is_change=is_change, prior=prior, forward=forward, estimate=estimate,
                                carried=carried)
    if prior and period is not None:
        period = shift_year(period)
    return period, how, prior


# a figure compared with the next one, which names its year: "made a net loss of 688 mln francs, after a restated 756
# mln loss in 1985", "earned 12 mln dlrs against 9.5 mln in 1985"
_COMPARED_NEXT = re.compile(r"\s*,?\s*(?:after|against|versus|vs\.?|compared\s+(?:with|to)|from)\s+(?:an?\s+|the\s+)?"
                            r"(?:(?:restated|revised|adjusted|reported)\s+)?", re.IGNORECASE)
_COMPARED_YEAR_BEFORE = re.compile(r"[^,;:()]{0,40}\b(?:in|for|during)\s+(?:fiscal\s+)?$", re.IGNORECASE)


def _year_after_compared(text: str, q: Quantity, absolute: list[PeriodMention], next_start: int,
                         ctx: ArticleContext) -> Period | None:
    """The year after the one of the figure ``q`` is compared with, in an article that states no period of its own
    and a sentence that names none before the figure: "Alusuisse made a net loss of 688 mln francs, after a restated
    756 mln loss in 1985" (published in 1987) is 1986's loss. Only a calendar or fiscal year that has ended by
    publication; None otherwise."""
    if ctx.period is not None or ctx.published is None or next_start >= len(text) \
            or any(p.start < q.end for p in absolute) or _COMPARED_NEXT.fullmatch(text, q.end, next_start) is None:
        return None
    after = [p for p in absolute if p.start >= next_start]
    if len(after) != 1 or after[0].kind != "year" or after[0].year is None \
            or _COMPARED_YEAR_BEFORE.fullmatch(text, next_start, after[0].start) is None:
        return None
    year = fiscal_year(after[0].year + 1, ctx.fye)
    return year if year.end < ctx.published else None


def _candidates(text: str, q: Quantity, periods: list[PeriodMention], is_change: bool) -> list[PeriodMention]:
    """The periods of the sentence a figure may be for: not a relative one (but "the period", "full-year" ...), nor a
    base of a change, a maturity, a call, a date it was said on ... (the steps of :func:`claim_period`)."""
    absolute = [p for p in periods if (not p.relative or p.kind in {"quarter_end", "year_end", "quarterly", "the_period",
                                                                      "half_year",
                                                                      "full_year",
                                                                      "this_year", "next_year", "current_quarter",
                                                                      "next_quarter", "ytd"}) and not p.calendar
                and not _SINCE_WORDS.search(text[max(0, p.start - 20):p.start])
                and not _PAYABLE_WORDS.search(text, max(0, p.start - 24), p.start)
                and not (is_change and _BASE_BEFORE.search(text[max(0, p.start - 40):p.start]))
                and not (is_change and (p.start >= q.end or q.start - p.end <= 60)
                         and (COMPARED_BEFORE.search(text, max(0, p.start - 30), p.start)
                              or _OVER_BEFORE.search(text, max(0, p.start - 30), p.start)))
                and not (p.start >= q.end and _LIKE_BEFORE.search(text, max(0, p.start - 40), p.start))
                and not (p.start >= q.end and above_or_below_base(text, p.start))
                and not (p.start >= q.end and maturity_date(text, p.start))  # ("which matures in 2030": ``callperiods``)
                and not names_a_call(text, p.end)  # ("As discussed during our Q1 call,": ``callperiods``)
                and not (is_change and in_cause(text, q.end, p.start))  # ("decreased 23.6% due to a credit ... in 2019")
                and not earlier_figure_period(text, q.end, p.start)  # ("..., following a 17.6% increase in Q4 of 2020")
                and not (not is_change and p.start >= q.end and _OVER_BEFORE.search(text, max(0, p.start - 30), p.start)
                         and _UP_BETWEEN.search(text, q.end, p.start))
                and not (p.start >= q.end and OTHER_NOUNS_PERIOD.match(text, p.end)
                         and INDEFINITE_BEFORE.search(text, max(0, p.start - 4), p.start))
                and not (p.start >= q.end and p.kind in _SPAN_KINDS and _CHANGE_BASE.match(text, q.end, p.start))
                and not (p.end <= q.start and _BETTERED_BEFORE.search(text, max(0, p.start - 30), p.start))
                # ("EBITDA was A$402.1 million (1H FY25: A$377.9 million)": the bracket's period is its own figure's)
                and not (p.start >= q.end and _BRACKET_OPEN.fullmatch(text, q.end, p.start)
                         and _LABEL_COLON.match(text, p.end))
                # ("net income rose 5% to $2.93 billion, the company said on Oct. 8": the day it was said)
                and not (p.kind == "date" and p.start >= q.end
                         and _SAID_ON.search(text, max(0, p.start - 24), p.start))]
    return absolute


# a sentence that is a comparison as a whole ("This compares with a profit of 2 mln dlrs, or eight cts a share, after
# preferred dividends, in 1985's fourth quarter."): its closing period is every figure's, however far
_COMPARISON_SENTENCE = re.compile(r"[\W_]*(?:this|that|these|those|which|it)\s+compare[sd]?\s+(?:with|to)\b", re.IGNORECASE)
_CLOSING_IN = re.compile(r"[,\s](?:in|for|during)\s+(?:the\s+)?(?:\d{4}['’]s\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[\s.)\"'’”]*$")


def _closing_compared(text: str, q: Quantity, p: PeriodMention) -> bool:
    """Whether ``p`` closes a sentence that opens "This compares with" and names no other period: the period of
    every figure it compares, even past the usual reach.

    >>> from claimgraph.sources.periods import find_period_mentions
    >>> t = "This compares with a profit of 2 mln dlrs, or eight cts a share, after preferred dividends, in 1985's 4th qtr."
    >>> ps = find_period_mentions(t)
    >>> from types import SimpleNamespace as N
    >>> _closing_compared(t, N(start=33, end=41), ps[-1])  # type: ignore[arg-type]
    True
    """
    return p.start - q.end <= 200 and _COMPARISON_SENTENCE.match(text) is not None \
        and _SENTENCE_END.fullmatch(text, p.end) is not None and _CLOSING_IN.search(text, 0, p.start) is not None \
        and ";" not in text[q.end:p.start] and not COMPARISON.search(text, q.end, p.start)


def _nearest(text: str, q: Quantity, absolute: list[PeriodMention], next_start: int,
             modality: Modality) -> tuple[PeriodMention | None, int]:
    """The candidate period nearest the figure in its clause, and its distance (10**8 and over: none fits)."""
    chosen: PeriodMention | None = None
    best = 10**9
    compared = next_start < len(text) and bool(COMPARISON.search(text[q.end:next_start]))
    for p in absolute:
        if p.start >= q.end:
            # ("declared a final dividend of 21c a share and guided to FY25 production of": the outlook's period)
            dist = p.start - q.end if p.start - q.end <= 60 and not _NEXT_CLAUSE.search(text, q.end, p.start) \
                and not AND_OUTLOOK.search(text, q.end, p.start) \
                and not (p.start < next_start < len(text) and (_AND_NEXT.fullmatch(text, q.end, p.start)
                                                                 or _AND_SUBJECT_NEXT.fullmatch(text, q.end, p.start))) \
                else 10**8  # ("was $475.8 million, and for the fourth quarter of 2019 it was", "revenue of $3.5
            # billion and first-quarter revenue of about $840 million": the next figure's)
            if (p.end <= next_start < len(text) or p.start >= next_start) and (
                    _PERIOD_OF_NEXT.fullmatch(text, p.end, next_start)
                    or (_leads_figure(text, p.end) and _LIST_SEPARATOR.search(text, q.end, p.start))):
                # "posted losses of 200 mln francs on sales of three billion after 1984 losses of 997 mln": the
                # period that leads the next figure's noun phrase is that figure's
                dist = 10**8
            if p.start >= next_start and dist < 10**8 and ", and " in text[q.end:next_start]:
                # ("sales should range from flat to down 1%, and revenue growth of flat to 4% is expected in the third
                # quarter": past a comma and "and", the next figure's period, unless nothing nearer names one)
                dist += 40
            if p.start >= next_start and (compared or COMPARISON.search(text, q.end, p.start)
                                          or _OVER_BEFORE.search(text, max(0, p.start - 30), p.start)) \
                    and not (modality is Modality.GUIDANCE and _FROM_NEXT.fullmatch(text, q.end, next_start)
                             and _REVISED_OUTLOOK.search(text, max(0, q.start - 100), q.start)):
                # (but "raised its net profit forecast to 170 billion yen from 155 billion yen for the year to
                # March": both outlooks are for the period named after them)
                # "to $4.3 billion from $2.8 billion in Q1 2020", "to 60 mln, or 89 cts, from 49 mln ... in 1986":
                # a period after the comparison is the earlier figure's ("$1.62 billion, an increase of 9% over
                # 2021": the base of the next figure's change)
                dist = 10**8
        else:
            # ("cut its 2024 target for jet deliveries to around 770 aircraft from about 800 on Tuesday, and lowered
            # its forecast for adjusted operating profit to between 5.5 billion and 6.0 billion euros": an outlook
            # sentence's year reaches further)
            reach = 240 if modality is Modality.GUIDANCE and p.kind == "year" and p.year is not None else 120
            dist = (q.start - p.end) + 15 if q.start - p.end <= reach else 10**8
            if dist < 10**8 and (cmp := COMPARISON.search(text, p.end, q.start)) is not None \
                    and not _RANGE_FROM.match(text, max(0, cmp.start() - 9), cmp.end() + 6):
                # "for the first quarter of 2025, compared with a net loss of $44.7 million, or $0.81 per share, for
                # the same period in 2024": a period named after the figure compared wins over the one before the
                # comparison, which is the current figure's
                dist += 60
            if _COMPARED_FIGURE_IN.search(text, max(0, p.start - 50), p.start):
                # "from $2.8 billion in the first quarter of 2020, and net income rose to 1.04 dlrs": the period of
                # the figure compared with, not of the figures after it
                dist = 10**8
            elif _CHANGE_BASE_BEFORE.search(text, max(0, p.start - 30), p.start) \
                    and _NEXT_CLAUSE_OPEN.search(text, p.end, q.start):
                # "up 31% from 3Q24, while net revenue fell 2.4% to R$16.8 billion": the base of a change, not the
                # period of the next clause's figures
                dist = 10**8
        if p.start >= q.end and len(absolute) == 1 and _closing_compared(text, q, p):
            dist = p.start - q.end
        if 0 <= dist < best:
            best, chosen = dist, p
    if (respective := _respective(text, absolute, q)) is not None:
        best, chosen = 0, respective
    return chosen, best


def _context_period(text: str, ctx: ArticleContext, chosen: PeriodMention | None, best: int,
                    modality: Modality) -> tuple[Period | None, Resolution, bool] | None:
    """"the period" (the period of the sentence before, or the article's) and a year-ago quarter without its
    year (that quarter at publication, a year earlier): the period, how it was resolved, whether earlier."""
    if chosen is not None and best < 10**8 and chosen.kind == "the_period":
        # "It said sales in the period grew 8.8 pct to 7.23 billion dlrs": the period of the sentence before (a
        # story about a year may go on about its fourth quarter), else the one the article reports
        carry = ctx.carry or (ctx.paragraph_carry if ctx.paragraph_carry is not None
                              and ctx.paragraph_carry[2] is modality is Modality.GUIDANCE else None)
        base = carry[0] if carry is not None and (carry[2] is Modality.REPORTED or (
            # ("expects its profits to fall to 328 billion yen in the year ending March 31, 1988 ... Total sales for
            # the same period are expected to rise": the outlook's period)
            carry[2] is modality is Modality.GUIDANCE)) else ctx.period
        if base is not None:  # ("... from a restated 6.65 billion dlrs in 1985": that period a year earlier)
            earlier = modality is Modality.PRIOR_PERIOD
            return (shift_year(base) if earlier else base), Resolution.INFERRED_CONTEXT, earlier
    if chosen is not None and best < 10**8 and chosen.kind == "quarter" and chosen.year is None and chosen.number \
            and ctx.published is not None and (YEAR_AGO_BEFORE_WORDS.search(text, max(0, chosen.start - 24), chosen.start)
                                               or YEAR_AGO_AFTER.match(text, chosen.end)):
        # "For the year-ago second quarter, Fidelcor reported earnings of 24.8 mln dlrs", "In the second quarter last
        # year, it reported": the quarter of that number under way or just ended at publication, a year earlier
        for year in (ctx.published.year + 1, ctx.published.year, ctx.published.year - 1):
            this = fiscal_quarter(year, chosen.number, ctx.fye)
            if ctx.published - dt.timedelta(days=100) <= this.end <= ctx.published + dt.timedelta(days=95):
                return shift_year(this), Resolution.INFERRED_PUBLISHED, True
    return None


def _is_estimate(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext, modality: Modality,
                 chosen: PeriodMention | None, metric: str | None) -> bool:
    """Whether the figure is an estimate or an old outlook set against a result, for the period of that result."""
    estimate = (modality in (Modality.FORECAST, Modality.ANALYST_ESTIMATE) and bool(
        ESTIMATE_AFTER.match(text[q.end:q.end + 40]) or _ESTIMATE_BEFORE.search(text[max(0, q.start - 100):q.start]))
    ) or (modality is Modality.PRIOR_GUIDANCE and set_against(text, q.start)) \
        or (modality is Modality.ANALYST_ESTIMATE and (beaten(text, q.start) or (
            # an estimate naming no period, of a metric the story has just reported: that result's period ("The
            # average estimate of four analysts surveyed by Zacks was for earnings of 76 cents per share")
            chosen is None and not any(p.relative for p in periods) and _recent_of(ctx, metric) is not None)
            # or of the quarter the story is about, ended and not yet reported ("Kestrel is scheduled to report
            # fourth-quarter results on Tuesday. Analysts expect revenue of $3.86 billion, compared with ... in the
            # year-earlier quarter")
            or (chosen is None and _awaited(ctx) and not any(
                p.start < q.start or (p.relative and p.kind not in ("prior_year", "prior_quarter")) for p in periods))))
    return estimate


def _resolve_chosen(text: str, q: Quantity, absolute: list[PeriodMention], ctx: ArticleContext,
                    chosen: PeriodMention, current: tuple[Period | None, Resolution] | None, *, modality: Modality,
                    is_change: bool, prior: bool, forward: bool, estimate: bool, metric: str | None,
                    foreign_subject: bool, window_start: int) -> tuple[Period | None, Resolution]:
    """The period of the period mention chosen, with the article's calendar: a like period in the year named,
    the last fiscal year for a size, the quarter or half of the article, an outlook's period still to come."""
    period, how = chosen.resolve(ctx.fye, ctx.period, ctx.default_year, ctx.fy_shift)
    if chosen.kind == "year" and chosen.year is not None and period is not None and ctx.period is not None \
            and 80 <= (ctx.period.end - ctx.period.start).days <= 100 \
            and _SAME_QUARTER_OF.search(text, max(0, chosen.start - 40), chosen.start) \
            and 0 < (back := fiscal_year_of(ctx.period.end, ctx.fye) - fiscal_year_of(period.end, ctx.fye)) <= 5:
        # "compared with 1.03 in the same quarter of fiscal 2024": the quarter reported, in that year; a change
        # against it ("an increase of $39.2 million") is the quarter reported's own
        period = ctx.period if is_change else \
            shift_year(ctx.period, -back + (1 if prior else 0))  # (a prior figure is shifted once below)
    elif chosen.kind == "year" and chosen.year is not None and period is not None \
            and _LIKE_YEAR.search(text, max(0, chosen.start - 30), chosen.start) is not None \
            and _LIKE_YEAR_NOUN.match(text, chosen.end) is not None \
            and (base := current[0] if current is not None and current[0] is not None else ctx.period) \
            and 0 < (back := fiscal_year_of(base.end, ctx.fye) - fiscal_year_of(period.end, ctx.fye)) <= 5:
        # "$8.8 million ..., compared with $7.5 million in the like 1995 period": the period of the figure before
        # (six months), in that year
        period = base if is_change else shift_year(base, -back + (1 if prior else 0))
    if chosen.kind == "full_year" and not forward and modality is Modality.REPORTED and period is not None \
            and ctx.published is not None and period.end > ctx.published \
            and not forward_looking(text[chosen.start:q.start]):
        # (not "For the full year, we expect sales of $5.6 billion and net income of $510 million": the
        # outlook goes on to the second figure, whose modality follows the first one's later)
        # "Whittaker General Medical has annual revenues of about 450 mln dlrs": a result, so of the last
        # fiscal year that has ended, not of the one under way
        period = fiscal_year(fiscal_year_of(ctx.published, ctx.fye) - 1, ctx.fye)
        how = Resolution.INFERRED_PUBLISHED
    if chosen.year is None and chosen.kind == "quarter" and ctx.period is not None and not forward \
            and ctx.period.label.endswith(f"Q{chosen.number}") and (ctx.period.end - ctx.period.start).days < 100 \
            and not (foreign_subject and abs((quarter_containing(ctx.period.end, ctx.fye).end
                                              - ctx.period.end).days) > 7):
        # (not another company's quarter on a calendar of its own: Palo Alto's first quarter in a story about
        # Nvidia's)
        period, how = ctx.period, Resolution.INFERRED_CONTEXT  # "q3" in an article about Q3 2021: that Q3
    elif chosen.year is None and chosen.kind == "half" and ctx.period is not None and not forward \
            and ctx.period.label.endswith(f"H{chosen.number}"):
        period, how = ctx.period, Resolution.INFERRED_CONTEXT  # "the first half" in an article about FY2025-H1
    elif chosen.year is None and how is not Resolution.UNRESOLVED and ctx.published is not None \
            and (chosen.kind == "quarter" or (chosen.kind == "half" and chosen.number in (1, 2) and not forward)):
        year = year_from_published(chosen, ctx.fye, ctx.published)
        ahead = forward or (modality is Modality.REPORTED and forward_looking(text[:q.start])) \
            or (estimate and (_outlook_before(ctx, metric) or forward_looking(text[:q.start])))
        # ("we expect revenue of $420 million to $435 million and non-GAAP EPS of $0.95 to $1.00": the outlook
        # goes on to the second figure)
        last_quarter = chosen.number if chosen.kind == "quarter" else 2 * chosen.number
        if ahead and \
                fiscal_quarter(year, last_quarter, ctx.fye).end < ctx.published - dt.timedelta(days=45):
            year += 1  # an outlook or a forecast is for the next such quarter, unless that one has just ended
        period, _ = PeriodMention(chosen.start, chosen.end, chosen.kind, chosen.number, year,
                                  fiscal=chosen.fiscal).resolve(ctx.fye, None, None)
        how = Resolution.INFERRED_PUBLISHED
    elif chosen.year is None and chosen.kind == "quarter" and forward and ctx.published is None \
            and ctx.period is not None and period is not None and period.end <= ctx.period.end \
            and not (modality is Modality.ANALYST_ESTIMATE and period.end == ctx.period.end):
        # (but analysts' view of the quarter the text reports is that quarter's: "Q3 EARNINGS PER SHARE VIEW $1.01")
        # an undated text's outlook for a quarter without its year ("Outlook: Q4 revenue is expected in the
        # range of $1.24B-$1.27B" after third-quarter results): the next such quarter after the one reported
        period = next_quarter_numbered(ctx.period.end, chosen.number, ctx.fye) or period
    if modality is Modality.GUIDANCE and period is not None and ctx.published is not None \
            and period.end < ctx.published and chosen.end <= q.start \
            and not (chosen.end >= window_start
                     and COMPARED_BEFORE.search(text, max(0, chosen.start - 30), chosen.start)):
        # ("compared to our 2020 EPS of $2.79": the figure is the one compared with, of that period)
        # an outlook is for a period still to come that the sentence names ("profit for fiscal 1987 ending June
        # 30 will be lower than fiscal 1986 earnings of 410,000 dlrs, despite an expected revenue increase of
        # 37 pct"), not for the ended one named nearer to it
        for other in sorted(absolute, key=lambda p: abs(p.start - q.start)):
            if other is not chosen and other.kind in ("year", "year_ended", "quarter", "half"):
                alt, alt_how = other.resolve(ctx.fye, ctx.period, ctx.default_year, ctx.fy_shift)
                if alt is not None and alt.end >= ctx.published:
                    period, how = alt, alt_how
                    break
    return period, how


def _fallback(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext,
              current: tuple[Period | None, Resolution] | None, *, measure: Measure, modality: Modality,
              market: bool, metric: str | None, is_change: bool, prior: bool, forward: bool, estimate: bool,
              carried: bool) -> tuple[Period | None, Resolution]:
    """The period of a figure when no period named in its sentence fits: an outlook or results going on, the
    base of an outlook's change, the result an estimate is set against, the article's or the quarter before
    publication."""
    period: Period | None = None
    how = Resolution.UNRESOLVED
    if forward and not market and carried and ctx.carry is not None \
            and ((ctx.carry[2] is modality is Modality.GUIDANCE) or (ctx.carry[2] is Modality.ANALYST_ESTIMATE and modality
                                                                 in (Modality.FORECAST, Modality.ANALYST_ESTIMATE))):
        # an outlook, or analysts' estimates, going on from the sentence before ("Analysts expect revenue of $8.71
        # billion for the quarter ended Nov. 28. Adjusted profit is seen at $1.75 per share.")
        period, how = ctx.carry[0], ctx.carry[1]
    elif forward and is_change and (base := _base_after(text, q, periods, ctx)) is not None:
        # "Net sales are estimated to increase 1.5% to 4% compared to the full year ended December 31, 2019": an
        # outlook of a change over a period named as its base is for the period after it
        period, how = base, Resolution.INFERRED_CONTEXT
    elif forward or (market and measure is Measure.CHANGE):
        # (a share price's move is a fact of a trading day, not of the period reported)
        period, how = None, Resolution.UNRESOLVED
    elif not periods and ctx.published is not None and _HAS_SIZE.search(text, max(0, q.start - 70), q.start):
        # "Heinl's Nursery has sales of about 4.5 mln dlrs": a size, the last fiscal year's figure
        period = fiscal_year(fiscal_year_of(ctx.published - dt.timedelta(days=30), ctx.fye) - 1, ctx.fye)
        how = Resolution.INFERRED_PUBLISHED
    elif not market and modality is Modality.REPORTED and (after := year_after_base(text, q, periods, ctx)) is not None:
        # "Combined sales were 4.2 billion dlrs, up from 4.0 billion dlrs in 1985": a figure set against a whole year
        # it names as its base is the next year's
        period, how = after, Resolution.INFERRED_CONTEXT
    elif current is not None and current[0] is not None:
        period, how = current
    elif not market and carried and ctx.carry is not None and ctx.carry[2] is Modality.REPORTED:
        period, how = ctx.carry[0], ctx.carry[1]  # results going on from the sentence before
    elif estimate and (same := _recent_of(ctx, metric, q.value.point)) is not None:
        # "Analysts had expected a profit of Rs 6,400 crore" after the profit and then an outlook for the next
        # year: the period of the latest figure of the same metric the estimate is set against
        period, how = same.base_period or same.period, same.resolution
    elif estimate and (last := next((c for n, c in reversed(ctx.recent) if c.measure is Measure.LEVEL
                                     and n >= ctx.sentence_no - 2), None)) is not None:
        # an estimate the result just given is set against: that result's period
        period, how = last.base_period or last.period, last.resolution
    elif prior and (outlook := _quarter_discussed(text, ctx)) is not None:
        # "expects per-share earnings for its fourth quarter ending March 31 to be ... For the year-ago quarter, the
        # company earned 22 cts": the quarter the article is about, a year earlier (not the last one reported)
        period, how = outlook.base_period or outlook.period, outlook.resolution
    elif ctx.period is not None:
        period, how = ctx.period, Resolution.INFERRED_CONTEXT
    elif not market and carried and ctx.paragraph_carry is not None and (latest := _latest_result(ctx)) is not None:
        # a story whose period is not known: results going on from the paragraph before ("Alusuisse made a net loss
        # of 688 mln francs in 1986 after 756 mln in 1985." then "Gross sales were 5.93 billion francs after 8.51
        # billion"): the latest period it reported, not the quarter before publication
        period, how = latest.base_period, latest.resolution
    elif ctx.published is not None:
        period = quarter_containing(ctx.published - dt.timedelta(days=92), ctx.fye)
        how = Resolution.INFERRED_PUBLISHED
    else:
        period, how = None, Resolution.UNRESOLVED
    return period, how


# between a figure and the year it is set against: a comparison ("up from 4.0 billion dlrs in", "three pct below",
# "a 44 pct increase over", "compared with"), within one clause
_TO_BASE_YEAR = re.compile(
    r"(?i)^(?:[^.;]|\.(?=\d)){0,50}?\b(?:up|down|increases?d?|decreases?d?|rose|fell|gain(?:ed)?|dropped|declined?|"
    r"higher|lower|above|below|over|from|than|compared|versus|vs\.?)\b(?:(?:[^.;]|\.(?=\d)){0,30}?\b(?:in|over|"
    r"from|than|below|above|versus|vs\.?|with|to))?\s+(?:fiscal\s+)?$")
# ("up 37% over the same period in 2020": that period of the year, not the year)
_SAME_PERIOD_IN = re.compile(r"(?i)\b(?:same|comparable|corresponding|like|year-ago|prior)\s+(?:\w+\s+){0,2}?"
                             r"(?:period|quarter|qtr|half|months|weeks)\s+(?:in|of|for)\s+(?:fiscal\s+)?$")
# a year that is an adjective of a shorter period ("the 1985 quarter", "1985's first half")
_YEAR_OF_SHORTER = re.compile(r"(?i)^(?:['’]s)?\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|quarter|qtr|half|period|"
                              r"months?|mths|weeks?|fiscal\s+(?:quarter|half|period))\b")


def year_after_base(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext) -> Period | None:
    """The year after the year a figure is set against, named after it in its clause ("up from 4.0 billion dlrs in
    1985", "three pct below 1985"), when that year has ended and the article reports no shorter period (in a
    quarter's story "from 5.3% in 2019" is the quarter of 2019); else None."""
    if ctx.period is not None and (ctx.period.end - ctx.period.start).days < 360:
        return None
    for p in periods:
        if p.start < q.end or p.start - q.end > 80 or p.relative or p.kind != "year":
            continue
        if not _TO_BASE_YEAR.search(text[q.end:p.start]) or _YEAR_OF_SHORTER.match(text, p.end) \
                or _SAME_PERIOD_IN.search(text, max(q.end, p.start - 40), p.start):
            return None
        base, _ = p.resolve(ctx.fye, ctx.period, ctx.default_year, ctx.fy_shift)
        if base is None or (base.end - base.start).days < 360:
            return None
        after = shift_year(base, 1)
        return after if ctx.published is None or after.end < ctx.published else None
    return None


def _latest_result(ctx: ArticleContext) -> Claim | None:
    """The result of the sentence before, of a classified metric and a period that has ended, whose period ends
    last."""
    results = [c for n, c in ctx.recent if n == ctx.sentence_no - 1 and c.modality is Modality.REPORTED
               and c.measure is Measure.LEVEL and c.base_period is not None and c.metric != UNCLASSIFIED
               and c.base_period.start != c.base_period.end
               and (ctx.published is None or c.base_period.end < ctx.published)]
    return max(results, key=lambda c: c.base_period.end if c.base_period is not None else dt.date.min, default=None)


def _awaited(ctx: ArticleContext) -> bool:
    """The story's period is a quarter or a year that ended in the four months before publication: the one whose
    results are reported, or about to be."""
    return ctx.period is not None and ctx.published is not None and ctx.period.start != ctx.period.end \
        and ctx.published - dt.timedelta(days=125) <= ctx.period.end <= ctx.published


def _awaited_year(ctx: ArticleContext) -> Period | None:
    """The fiscal year that the story's awaited quarter ends, when the story has reported none of that quarter's
    results yet (a preview)."""
    if not _awaited(ctx) or ctx.period is None:
        return None
    year = fiscal_year(fiscal_year_of(ctx.period.end, ctx.fye), ctx.fye)
    if year.end != ctx.period.end or (ctx.period.end - ctx.period.start).days > 100:
        return None
    if any(c.modality is Modality.REPORTED and (c.base_period or c.period) == ctx.period for _, c in ctx.recent):
        return None
    return year


_YEAR_AGO_QUARTER = re.compile(r"(?i)\b(?:year[- ]ago|year[- ]earlier|prior[- ]year|last[- ]year'?s?)\s+quarter\b|"
                               r"\bsame\s+quarter\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b")


def _quarter_discussed(text: str, ctx: ArticleContext) -> Claim | None:
    """For "the year-ago quarter" in a sentence that names no period of its own: the outlook of the sentence before,
    when it is for a quarter after the one the article's context gives (the quarter under way the article is about)."""
    reference = ctx.period or (quarter_containing(ctx.published - dt.timedelta(days=92), ctx.fye)
                               if ctx.published is not None else None)
    if reference is None or not _YEAR_AGO_QUARTER.search(text):
        return None
    for n, c in reversed(ctx.recent):
        if n < ctx.sentence_no - 1 or c.measure is not Measure.LEVEL:
            break
        p = c.base_period or c.period
        if c.modality is Modality.GUIDANCE and p is not None and 80 <= (p.end - p.start).days <= 100 \
                and p.end > reference.end:
            return c
    return None


# a change between a level and the period after it: "pre-tax income was $19.7 million, which was up 250% over 2020's"
# (that period is the change's base, not the level's)
_UP_BETWEEN = re.compile(r"(?i)\b(?:up|down|increase[ds]?|decrease[ds]?|grew|growth|rose|fell|declined?|improve(?:d|ment)|"
                         r"higher|lower|gain(?:ed)?)\b")


def measure_by_base(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext,
                    period: Period) -> Measure | None:
    """A change's measure read from the period it is compared with, named right after it: the same period a year
    earlier is year over year, the quarter before quarter over quarter ("an increase of 20%, compared to Q4 2020",
    "up $14 million versus the third quarter of 2021"); None for any other base ("up 5% versus Q4 2019")."""
    for p in periods:
        if p.start < q.end or p.start - q.end > 40 or p.relative \
                or p.kind not in ("year", "quarter", "half", "month_quarter"):
            continue
        if not (COMPARED_BEFORE.search(text, max(0, p.start - 30), p.start)
                or _OVER_BEFORE.search(text, max(0, p.start - 30), p.start)
                # ("up 18% on the September quarter", an Australian miner's quarter before)
                or (p.kind == "month_quarter" and _CHANGE_BASE.fullmatch(text, q.end, p.start))):
            return None
        base, _ = p.resolve(ctx.fye, ctx.period, ctx.default_year, ctx.fy_shift)
        if base is None:
            return None
        if (base.start, base.end) == (shift_year(period).start, shift_year(period).end):
            return Measure.CHANGE_YOY
        if p.kind in ("quarter", "month_quarter") and 80 <= (period.end - period.start).days <= 100 \
                and (base.start, base.end) == (shift_quarter(period, ctx.fye).start, shift_quarter(period, ctx.fye).end):
            return Measure.CHANGE_QOQ
        return None
    return None


def _base_after(text: str, q: Quantity, periods: list[PeriodMention], ctx: ArticleContext) -> Period | None:
    """The period after the ended one an outlook's change is set against, named after the figure ("compared to the
    full year ended December 31, 2019", "versus fiscal 2023"); None when there is none."""
    for p in periods:
        if p.start < q.end or p.start - q.end > 60 or p.relative or p.kind not in ("year", "year_ended", "quarter",
                                                                                    "half"):
            continue
        if not (COMPARED_BEFORE.search(text, max(0, p.start - 30), p.start)
                or _OVER_BEFORE.search(text, max(0, p.start - 30), p.start)):
            continue
        base, _ = p.resolve(ctx.fye, ctx.period, ctx.default_year, ctx.fy_shift)
        if base is None or (ctx.published is not None and base.end > ctx.published):
            return None
        return shift_year(base, 1)  # (the same period a year on: "versus last year's fourth quarter")
    return None


def _outlook_before(ctx: ArticleContext, metric: str | None) -> bool:
    """Whether the sentence's last claim of ``metric`` so far is an outlook: an estimate set against it ("forecast
    third-quarter revenue of $54 billion, above analysts' average estimate of $53.1 billion") is for its period."""
    same = _recent_of(ctx, metric)
    return same is not None and same.modality is Modality.GUIDANCE \
        and any(n == ctx.sentence_no and c is same for n, c in ctx.recent)


def _guided_year(ctx: ArticleContext, metric: str | None) -> Period | None:
    """The year-long period of the latest outlook of ``metric`` in the last sentences, or None."""
    if metric is None or metric == UNCLASSIFIED:
        return None
    return next((c.period for _, c in reversed(ctx.recent) if c.metric == metric and c.period is not None
                 and c.modality in (Modality.GUIDANCE, Modality.PRIOR_GUIDANCE)
                 and (c.period.end - c.period.start).days >= 360), None)


def _recent_of(ctx: ArticleContext, metric: str | None, value: float | None = None) -> Claim | None:
    """The latest reported or outlook level of ``metric`` in the last sentences (an estimate's reference); given the
    estimate's ``value``, the one it is near when the latest is far from it ("earned 91 cents a share in the quarter
    ... $1.90 for the first six months ... Analysts had expected about 95 cents": the quarter's)."""
    if metric is None or metric == UNCLASSIFIED:
        return None
    same = [c for _, c in reversed(ctx.recent) if c.metric == metric]
    if not same:
        return None
    if value is None or value <= 0 or len(same) == 1:
        return same[0]

    def distance(c: Claim) -> float:
        point = c.value.point or 0.0
        return abs(math.log(point / value)) if point > 0 else math.inf

    if distance(same[0]) <= math.log(1.25):
        return same[0]
    near = min(same, key=distance)
    return near if distance(near) <= math.log(1.25) else same[0]


_FROM_NEXT = re.compile(r"(?i)[ \t]*,?[ \t]+from[ \t]+(?:an?[ \t]+|the[ \t]+|its[ \t]+)?(?:(?:earlier|previous|prior|"
                        r"original|initial)[ \t]+(?:forecast|estimate|outlook|guidance|target)[ \t]+of[ \t]+)?")
_REVISED_OUTLOOK = re.compile(r"(?i)\b(?:rais|lower|cut|trimm|increas|reduc|revis|lift|boost|upgrad|downgrad|slash|hik)"
                              r"\w*\b[^.;]{0,60}?\b(?:forecasts?|outlooks?|guidance|targets?|projections?|estimates?)\b")
_SAME_PERIOD_OF = re.compile(r"(?i)[ \t]+(?:in|for|during)[ \t]+the[ \t]+(?:same|corresponding|comparable|like)[ \t]+"
                             r"(?:quarter|period|half|(?:three|six|nine|twelve)[ \t]+months)[ \t]+of[ \t]+")
_OF_EARLIER = re.compile(r"(?:[ \t]+(?:quarter|period|half|months))?[ \t]*,?[ \t]*of[ \t]+", re.IGNORECASE)
# what may open a sentence before the earlier period it is about ("A year earlier,", "In the year-ago quarter,")
_LEAD_PRIOR = re.compile(r"[\W_]*(?:(?:by\s+comparison|in\s+comparison|that\s+compared\s+with|compared\s+with|"
                         r"in|for|during|over|by)\s+)?"
                         # ("In all of last year,", "For the whole of last year,": the whole earlier period)
                         r"(?:all\s+(?:of\s+)?|the\s+(?:whole|entirety)\s+of\s+)?(?:the\s+)?(?:same\s+)?", re.IGNORECASE)
# between an earlier period used as an adjective and its figure: the noun phrase and a verb of being or "of"
# (not "It earned 8.5 mln dlrs last year on sales of 64 mln dlrs": a preposition opens another phrase)
# ("below the year-ago 13.6 mln dlrs", "last year's 1.2 billion": the earlier period right before the figure)
_ATTRIBUTIVE_PRIOR = re.compile(r"(?:'s|’s)?\s+(?:about\s+|around\s+|nearly\s+)?$|"
                                r"(?:'s|’s)?\s+(?!(?:on|in|at|with|for|from)\s)(?:[A-Za-z][\w-]*\s+){0,3}?"
                                r"(?:revenues?|sales|earnings|profits?|income|"
                                r"loss(?:es)?|EPS|ebitda|margins?|results?|figures?|quarter|period|share)\s+(?:of|was|were|"
                                r"totaled|totalled|came\s+in\s+at|stood\s+at|reached|at)\s+(?:about\s+|around\s+|"
                                r"roughly\s+|nearly\s+|approximately\s+)?", re.IGNORECASE)
_FROM_PRIOR = re.compile(r"\s*,?\s*(?:from|compared\s+(?:with|to)|versus|vs\.?|over|against)\s+(?:the\s+)?",
                         re.IGNORECASE)
_COMPARED_FIGURE_IN = re.compile(r"\b(?:from|versus|vs\.?|compared\s+(?:with|to)|against)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
                                 r"(?:[A-Z]{1,3}\$|[$€£¥]|Rs\.?\s?)?\d[\d.,]*\s*(?:[a-z]+\s+){0,2}(?:in|for|during)\s+(?:the\s+)?$",
                                 re.IGNORECASE)
_CHANGE_BASE_BEFORE = re.compile(r"(?i)\d\s*(?:%|pct|percent|per\s+cent)\s+(?:from|over|versus|vs\.?|compared\s+(?:with|to)|"
                                 r"against|on)\s+(?:the\s+)?$")
_NEXT_CLAUSE_OPEN = re.compile(r"(?i),\s+(?:while|whereas|and|but|on|with)\s")


# "range from flat to down 1%", "ranging from": the start of a range, not a comparison
_RANGE_FROM = re.compile(r"(?i)(?:.*\branges?d?\s+from\b|.*\branging\s+from\b|.*\bfrom\s+flat\b)")
# (", and sales in the fourth quarter to fall 1%": a new subject with its own period, the next figure's)
_AND_SUBJECT_NEXT = re.compile(r"\s*,\s*and\s+(?:its\s+|the\s+)?(?:[a-z][\w-]*\s+){1,3}(?:in|for|during)\s+(?:the\s+)?")
_AND_NEXT = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as|plus)\s+(?:(?:for|in|the|its|a)\s+){0,2}", re.IGNORECASE)
# (a clause of its own: "forecast fiscal-year revenue growth of about 8%, after reporting third-quarter revenue",
# "sales to rise about 10 pct, although it said the May 31 third quarter would be flat")
_NEXT_CLAUSE = re.compile(r";|,\s*(?:and|while|but|whereas)\s+(?:for|in|during)\b|"
                          r",\s*(?:after|although|though|whereas|because)\b|"
                          # ("Shannonair, which reported a first-half profit of 2.3 billion euros, said fares in the
                          # current quarter": the main clause after the relative one)
                          r",\s*(?:said|says|added)\b|"
                          # "to 10.1 billion pounds, and kept its full-year outlook": a clause of its own
                          r",?\s*and\s+(?:kept|maintained|reiterated|reaffirmed|affirmed|confirmed|raised|lifted|"
                          r"cut|lowered|trimmed|narrowed|backed|issued|gave|forecast|expects|said|stood)\b",
                          re.IGNORECASE)
# ("Last year, Laidlaw had operating earnings of": the last fiscal year, which may be the one the article reports)
_FIGURE_BEFORE = re.compile(r"\d")
_BRACKET_OPEN = re.compile(r"\s*[(\[][^()\[\]:;,]{0,12}")
_LABEL_COLON = re.compile(r"[^()\[\]:;,]{0,12}:\s*\S")
# a relative clause set off by commas, whose figures are no part of the main clause's ("Kronthal, which employs about
# 61,000 people, had sales of 14.2 billion euros last year")
_WHICH_CLAUSE = re.compile(r",\s*which\b(?:[^,;]|,(?=\d)){0,80},")


LAST_YEAR = re.compile(r"(?:last|previous|prior)\s+(?:fiscal\s+)?year", re.IGNORECASE)
# "in the like 1995 period", "the comparable 2023 quarter": the same period, in the year named
_LIKE_YEAR = re.compile(r"(?i)\b(?:like|same|comparable|corresponding)\s+(?:fiscal\s+)?$")
_LIKE_YEAR_NOUN = re.compile(r"(?i)\s+(?:period|quarter|half|(?:three|six|nine)[\s-]months?(?:\s+period)?)\b")
_SAME_QUARTER_OF = re.compile(r"(?i)\b(?:same|corresponding|comparable)\s+(?:quarter|period|three\s+months)\s+"
                              r"(?:of|in)\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?|financial\s+year\s+|FY\s*)?$")
# a sentence that opens on the metric its time phrase follows: "Revenues last year rose to"
_METRIC_LEAD = re.compile(r"[\W_]*(?:(?:its|the\s+company['’]s|total|group|consolidated|net|annual)\s+)*(?:revenues?|sales|"
                          r"turnover|income|profits?|earnings|loss(?:es)?)\s+", re.IGNORECASE)


_AND_ONLY = re.compile(r"\s+and\s+")
_AND_MORE = re.compile(r"\band\b[^.;]*?\d")


def _respective(text: str, absolute: list[PeriodMention], q: Quantity) -> PeriodMention | None:
    """"3rd qtr and nine mths net includes a charge of 11 mln dlrs or nine cts a share and 31.8 mln dlrs or 25 cts
    a share": two periods joined by "and", then two groups of figures joined by "and", one for each, in order.

    >>> from claimgraph.sources.periods import find_period_mentions
    >>> from claimgraph.sources.quantities import find_quantities
    >>> s = "Fourth quarter and nine months results include gains of 2 mln dlrs and 5 mln dlrs."
    >>> ms = find_period_mentions(s)
    >>> [_respective(s, ms, q).kind for q in find_quantities(s)]
    ['quarter', 'nine_months']
    """
    for a, b in itertools.pairwise(absolute):
        if b.end > q.start or not _AND_ONLY.fullmatch(text, a.end, b.start):
            continue
        if any(b.end <= p.start < q.start for p in absolute):
            return None
        split = _AND_MORE.search(text, b.end)
        if split is None:
            return None
        return a if q.start < split.start() else b
    return None


def _previous_fiscal_year(ctx: ArticleContext, current: tuple[Period | None, Resolution] | None = None) -> Period:
    """"up from 4.1 mln dlrs in the previous fiscal year": the fiscal year before the one the sentence's figure
    before is for ("pre-tax profit for the full financial year rose to 120 mln pounds, compared with 111 mln pounds
    in the previous financial year"), else the one the article reports, else the one under way a month before
    publication (a year just ended is reported in the next one)."""
    if current is not None and current[0] is not None and (current[0].end - current[0].start).days >= 360:
        return shift_year(current[0])
    if ctx.period is not None and (ctx.period.end - ctx.period.start).days >= 360:
        return shift_year(ctx.period)
    assert ctx.published is not None
    return fiscal_year(fiscal_year_of(ctx.published - dt.timedelta(days=30), ctx.fye) - 1, ctx.fye)


COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|than|against)\s+(?:the\s+|our\s+|its\s+|their\s+)?"
                             r"(?:adjusted\s+|reported\s+)?"  # ("up 28% or $961 million versus the adjusted 2020 results")
                             # ("a decrease of $4 million compared to the balance at June 30")
                             r"(?:(?:balance|level|figure|amount|total|position)\s+(?:at|as\s+of|on)\s+)?"
                             # ("up 37% compared to fy 2020's q1": the year's quarter)
                             r"(?:(?:fiscal\s+|fy\s*)?(?:19|20)\d\d['’]s\s+)?$",
                             re.IGNORECASE)


# a period right after a change (or after a level and its change) that the change is measured against: "Revenue of
# A$1,284.6 million, up 11% on 1H24", "up 4.2 per cent over the prior corresponding period"
_CHANGE_BASE = re.compile(r"(?:[^$€£¥\d.;]{0,25}?\d[\d.,]*\s*(?:%|per\s*cent|pc|pct|percent|percentage\s+points|"
                          r"basis\s+points|bps|pts))?\s+(?:on|over|versus|vs\.?|against)\s+(?:the\s+|a\s+)?$",
                          re.IGNORECASE)
_SPAN_KINDS = frozenset({"quarter", "half", "nine_months", "year", "full_year", "half_year", "month_range", "month_quarter",
                         "first_months", "prior_year", "prior_quarter"})
# a period named as what the figures are set against, before them: "We improved on our third quarter 2020
# performance, with gross margin of 32%" (in a call about the third quarter of 2021)
_BETTERED_BEFORE = re.compile(r"\b(?:improv(?:ed|ing|es?)\s+(?:on|upon)|outperform(?:ed|ing|s)?|surpass(?:ed|ing|es)?|"
                              r"(?:better|worse|stronger|weaker)\s+than|relative\s+to)\s+"
                              r"(?:the\s+|our\s+|its\s+|their\s+|last\s+year['’]s\s+)?$", re.IGNORECASE)


_RESULT_NOUN = r"(?:loss(?:es)?|profits?|earnings|sales|revenues?|income|turnover)"
_PERIOD_OF_NEXT = re.compile(r"(?:['’]s)?\s+(?:(?:net|pretax|pre-tax|operating|full-year|annual|total)\s+)?"
                             rf"{_RESULT_NOUN}(?:\s+(?:growth|increase|decline))?\s+(?:of|were|was|at|"
                             r"totall?(?:ed|ing))\s+(?:about\s+|some\s+|nearly\s+)?", re.IGNORECASE)
# a list of years, each leading its own figures after a comma ("its 1985 net loss was 756 mln dlrs, its 1984 net
# profit 68 mln dlrs"; "left 1985 with a 756 mln loss instead of 692 mln, 1984 with a 68 mln profit"): the year
# after the comma is the next figure's, not the one before the comma
_PERIOD_LEADS_NEXT = re.compile(r"(?:['’]s)?\s+(?:with\s+(?:a|an)\s+|(?:(?:net|pretax|pre-tax|operating|total)\s+)?"
                                rf"{_RESULT_NOUN}\s+)", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r",|;|\band\b")
_FIGURE_START = re.compile(r"(?:[A-Z]{0,3}[$€£¥]|(?:about|some|nearly|almost|around)\s+)?\d")


def _leads_figure(text: str, end: int) -> bool:
    """Whether the period mention ending at ``end`` leads a figure of its own (``_PERIOD_LEADS_NEXT``)."""
    lead = _PERIOD_LEADS_NEXT.match(text, end)
    return lead is not None and _FIGURE_START.match(text, lead.end()) is not None
_OVER_BEFORE = re.compile(r"\bover\s+(?:the\s+|our\s+|its\s+|last\s+year['’]s\s+)?"
                          # ("up 37% over the same period in 2020": the base, as "over 2020")
                          r"(?:(?:same|comparable|corresponding)\s+(?:period|quarter)\s+(?:in|of)\s+)?$", re.IGNORECASE)
# a period after a figure that it is only likened to ("a margin of 23%, consistent with the second quarter")
_LIKE_BEFORE = re.compile(r"\b(?:(?:consistent|in\s+line|flat|level|on\s+par)\s+with|(?:similar|comparable|equal)\s+to|"
                          r"(?:unchanged|(?:little|largely|barely)\s+changed|flat)\s+(?:from|on)|the\s+same\s+as|compared\s+(?:with|to)|versus|vs\.?|than)\s+"
                          r"(?:(?:that\s+of|those\s+of|the\s+level\s+of)\s+)?(?:the\s+|our\s+|its\s+|their\s+|last\s+year['’]s\s+)?$|"
                          # or that only explains it ("to at least $11.50 based on strong q3 results")
                          r"\b(?:based\s+on|driven\s+by|due\s+to|thanks\s+to|on\s+the\s+back\s+of|reflecting)\s+"
                          r"(?:(?:strong|solid|weak|record|better|stronger|our|the|its|a|higher|lower)\s+){0,3}$",
                          re.IGNORECASE)


# a company's size in the present tense, with no period named: "has sales of about 4.5 mln dlrs"
_HAS_SIZE = re.compile(r"\b(?:has|have)\s+(?:annual\s+|yearly\s+|total\s+)?(?:revenues?|sales|turnover)\s+of\s+"
                       r"(?:about\s+|approximately\s+|some\s+|around\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+|"
                       r"over\s+|under\s+|less\s+than\s+)?$", re.IGNORECASE)
# an earlier period named as the adjective of a yearless one: "the year-ago second quarter", "the prior-year third
# quarter"
# (not "Last year's fourth quarter", said in February: the fourth quarter of last year, the one just reported)
# after a yearless quarter: "the second quarter last year", "the fourth quarter of last year", "... a year ago"
YEAR_AGO_AFTER = re.compile(r"(?i)\s*,?\s*(?:of\s+)?(?:last|the\s+previous|the\s+prior)\s+(?:fiscal\s+)?year\b|"
                            r"\s*,?\s*a\s+year\s+(?:ago|earlier)\b")
# (before a numbered quarter, "previous" is a year back too: "It earned 585,000 dlrs in the previous fourth quarter")
YEAR_AGO_BEFORE = re.compile(r"\b(?:year[\s-]ago|year[\s-]earlier|prior[\s-]year|previous[\s-]year|previous|prior|preceding|"
                             r"(?:same|comparable|corresponding)(?:\s+year[\s-]ago)?)\s+(?:fiscal\s+)?$",
                             re.IGNORECASE)
YEAR_AGO_BEFORE_WORDS = WindowWords(YEAR_AGO_BEFORE)  # (searched where its words are)
# a period after a figure that qualifies another noun ("lost 264.5 mln dlrs, including a fourth quarter
# restructuring charge of"): not the figure's period
INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
OTHER_NOUNS_PERIOD = re.compile(r"[\s-]+(?!(?:record|high|low|peak|best|worst|total|results?|figures?|basis)\b)[a-z]",
                                 re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"(?i),\s*(?:despite|but|while|although|though|whereas|however|helped|thanks|driven)\b")


def compared_period(text: str, q: Quantity, periods: list[PeriodMention], window_start: int = 0) -> int | None:
    """Where the comparison starts when the period named last before the figure, in its clause, is the one
    compared with ("profit fell by half compared with 1985, when it achieved a record 221 mln marks"), else None."""
    before = [p for p in periods if p.end <= q.start and q.start - p.end <= 120]
    if not before or any(q.end <= p.start < q.end + 30 and p.kind not in ("prior_year", "prior_quarter") for p in periods):
        return None
    last = before[-1]
    if re.search(r";|\.\s", text[last.end:q.start]) or (last.end < window_start
                                                         and _CLAUSE_BREAK.search(text, window_start, q.start)):
        return None  # ("lower than fiscal 1986 earnings of 410,000 dlrs, despite an expected revenue increase of 37
        # pct": a clause of its own after the figure compared; "a record 310 mln marks, a rise of 12.5 pct" goes on)
    if _MOVED_TO_LEVEL.search(text, last.end, q.start) or level_after_compared(text, last.start, last.end, q.start):
        # "Compared to the prior year, revenue was up 9% to $1.5 billion", "decreased 260 basis points compared to the
        # year-ago quarter to 42.5%": the level reached is the period's
        return None
    cue = COMPARED_BEFORE.search(text, max(0, last.start - 30), last.start)
    return cue.start() if cue is not None else None


_MOVED_TO_LEVEL = re.compile(r"(?i)\b(?:up|down|rose|fell|grew|increased|decreased|declined|improved|jumped|dropped|"
                             r"climbed|gained|expanded|contracted|improving|increasing|decreasing|declining|rising|"
                             # (the -ing form too: "versus the prior year, with operating margin improving 160 basis
                             # points to 12.4%")
                             r"falling|growing|expanding|contracting)\b(?:[^.;]|\.(?=\d)){0,40}\bto\s+(?:(?:about|approximately|almost|"
                             r"nearly|over|roughly|a\s+record(?:\s+of)?)\s+)*$")


# between a period that opens a figure's subject and the figure: the subject's noun and a change "from" it, with no
# level reached ("first half results declined from 65.0 mln dlrs": the figure is the earlier period's)
_CHANGED_FROM = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,3}?(?:declined|decreased|fell|dropped|slipped|rose|increased|grew|"
                           r"climbed|jumped|improved)\s+from\s+(?:about\s+|approximately\s+|an?\s+)?")


def changed_from_period(text: str, q: Quantity, periods: list[PeriodMention]) -> bool:
    """Whether the period named right before the figure's subject is the one the figure is changed *from*: "In
    reporting that first half results declined from 65.0 mln dlrs" gives the earlier first half's figure.

    >>> from claimgraph.sources.periods import find_period_mentions
    >>> from claimgraph.sources.quantities import find_quantities
    >>> s = "It said first half profits fell from 12.5 mln dlrs."
    >>> changed_from_period(s, find_quantities(s)[0], find_period_mentions(s))
    True
    >>> s = "It said first half profits fell to 9.1 mln dlrs from 12.5 mln dlrs."
    >>> changed_from_period(s, find_quantities(s)[0], find_period_mentions(s))
    False
    """
    before = [p for p in periods if p.end <= q.start]
    return bool(before) and not any(q.end <= p.start < q.end + 40 for p in periods) \
        and _CHANGED_FROM.fullmatch(text, before[-1].end, q.start) is not None
