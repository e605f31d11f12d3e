"""Plain data classes that flow through the extraction pipeline.

Nothing here knows about RDF; :mod:`claimgraph.graph.rdf` maps these to triples.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class AuthorKind(StrEnum):
    """The three kinds of byline."""

    PERSON = "person"
    ORGANIZATION = "organization"
    SOFTWARE = "software_agent"


class Qualifier(StrEnum):
    """How a stated value bounds the true value."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"


class Measure(StrEnum):
    """What a claim measures about its metric.

    ``part`` is a portion of the metric's total ("$14 billion of that"), used by
    the parts-against-totals cross-check.
    """

    LEVEL = "level"
    CHANGE_YOY = "change_yoy"
    CHANGE_QOQ = "change_qoq"
    CHANGE = "change"
    PART = "part"


class Modality(StrEnum):
    """Whether a figure is an actual, a company outlook, or someone's projection."""

    REPORTED = "reported"
    GUIDANCE = "guidance"
    PRIOR_GUIDANCE = "prior_guidance"
    FORECAST = "forecast"
    PRIOR_PERIOD = "prior_period"
    ANALYST_ESTIMATE = "analyst_estimate"  # analysts' estimates and consensus, compared with the actual (beat/miss)
    PRELIMINARY = "preliminary"  # a preliminary actual, superseded by the final figure


class Resolution(StrEnum):
    """How a claim's period was found."""

    STATED = "stated"
    INFERRED_CONTEXT = "inferred_context"
    INFERRED_PUBLISHED = "inferred_published"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class Author:
    """A byline: a person, an organisation, or a software agent."""

    name: str
    kind: AuthorKind = AuthorKind.PERSON


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: an instant (``start == end``) or a duration.

    >>> Period(dt.date(2025, 7, 1), dt.date(2025, 9, 30), "2025-Q3").kind
    'duration'
    """

    start: dt.date
    end: dt.date
    label: str

    @property
    def kind(self) -> str:
        return "instant" if self.start == self.end else "duration"

    def to_json(self) -> dict[str, str]:
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Value:
    """A stated number as an interval in base units (USD, percent, W, ...).

    ``low``/``high`` are what the words say ("nearly 100" is [~97, 100]);
    ``decimals`` is the XBRL precision of the stated digits (-9 for "$56 billion").
    """

    low: float
    high: float
    unit: str
    stated: str
    qualifier: Qualifier = Qualifier.EXACT
    decimals: int = 0
    point: float | None = None

    @property
    def mid(self) -> float:
        return self.point if self.point is not None else (self.low + self.high) / 2

    def to_json(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "unit": self.unit, "stated": self.stated,
                "stated_value": self.point, "qualifier": str(self.qualifier), "decimals": self.decimals}


@dataclass(slots=True)
class Quantity:
    """A quantity found in text, before it is attributed to a metric."""

    start: int
    end: int
    text: str
    value: Value
    kind: str  # money | percent | points | multiple | power | count
    change_word: str | None = None  # "doubled", "more than double" ...

    def to_json(self, offsets: Any = None) -> dict[str, Any]:
        span = [self.start, self.end] if offsets is None else list(offsets.span(self.start, self.end))
        return {"text": self.text, "span": span,
                "value": {"low": self.value.low, "high": self.value.high, "unit": self.value.unit,
                          "stated_value": self.value.point, "qualifier": str(self.value.qualifier)}}


@dataclass(slots=True)
class Claim:
    """One attributed figure: company, metric, measure, value, period, modality and quote."""

    company: str
    metric: str
    measure: Measure
    value: Value
    period: Period | None
    resolution: Resolution
    modality: Modality
    quote: str
    span: tuple[int, int]
    phrase: str = ""
    counterparties: tuple[str, ...] = ()
    revises: int | None = None  # index of the claim (same article) this one revises
    base_period: Period | None = None  # the period before a stock metric's instant was taken


@dataclass(slots=True)
class Company:
    """A company known from the registry or found in text."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    fiscal_year_end: tuple[int, int] = (12, 31)
    in_registry: bool = True


@dataclass(frozen=True, slots=True)
class CorrectionNotice:
    """An article's note that it corrects, clarifies or re-issues an earlier item.

    ``kind`` is ``correction``, ``clarification`` or ``refiled``; ``text`` the note as written;
    ``refers_to`` the date of the corrected item when the note names it.
    """

    kind: str
    text: str
    refers_to: dt.date | None = None


@dataclass(slots=True)
class Document:
    """An article as read: normalised text, the map back to the original, and metadata."""

    text: str
    original: str
    origin: Sequence[int]  # (sources/text.py's Origin: runs, read as a list)
    source: str
    title: str = ""
    authors: list[Author] = field(default_factory=list)
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str = "en"
    record_id: str | None = None
    fmt: str = "txt"
    correction: CorrectionNotice | None = None  # set by extraction (sources/corrections.py)
    keywords: list[str] = field(default_factory=list)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the original text."""
        if start >= len(self.origin):
            return (len(self.original), len(self.original))
        end = min(end, len(self.origin))  # (a span that runs to the end of a text stripped at its end)
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        return (o_start, o_end)


@dataclass(slots=True)
class Extraction:
    """What extraction found in one document."""

    document: Document
    main_company: Company | None
    companies: list[Company]
    claims: list[Claim]
    quantities: list[Quantity]
