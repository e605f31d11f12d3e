"""Corrections and re-issues: link an article that carries a correction notice to the article it corrects.

Extraction only recognises the notice (``cg:correctionNotice``, see
:mod:`claimgraph.sources.corrections`). Here, with every article's claims at hand,
the analysis finds the corrected article, whatever order the articles were
ingested in (only publication dates count):

* the **same publisher** (when both are known) and a **shared company**;
* **close in time**: published at most ``window_days`` before the correction (or
  the same day), and never after it; when the notice names the date of the
  corrected item ("Corrects March 11 item", "story that ran yesterday"), that
  date wins;
* **overlapping figures**: at least one group (company, metric, measure, period,
  unit) in common, and some further sign that it is the same story: an identical
  figure, a similar headline, or a figure the notice itself names ("corrects
  amount of debt from 65 mln dlrs").

Of several candidates the best-scoring one wins (the named date first, then the
overlap, then the most recent). Two notices of the same day never correct one
another (the direction cannot be told).

Once linked, :func:`claimgraph.analysis.conflicts.analyse_groups` treats the
corrected article's figures that the correction changes as superseded (status
``revision``, the current value is the corrected one, the old claims keep their
quotes), and a claim of the correction without a period takes the period of the
same figure in the corrected article.

>>> from claimgraph.analysis.conflicts import Fact
>>> def f(i, art, v, pub, title):
...     return Fact(i, art, "Lilly", "revenue", "level", v, v, v, 5, "exact", "USD", "Q1", "1986-12-01",
...                 "1987-02-28", "reported", None, stated=str(v), publisher="Reuters", published=pub, title=title)
>>> facts = [f("a", "old", 36.7e6, "1987-03-25", "LILLY INDUSTRIAL COATINGS <LICIA> 1ST QTR"),
...          f("b", "new", 39.7e6, "1987-03-25", "CORRECTED-LILLY INDUSTRIAL COATINGS <LICIA>")]
>>> notices = {"new": Notice("correction", "Company corrects current year sales.")}
>>> [(link.corrector, link.corrected) for link in link_corrections(facts, notices)]
[('new', 'old')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from claimgraph.analysis.conflicts import AgreementConfig, Fact, modality_class, period_span


@dataclass(frozen=True, slots=True)
class Notice:
    """An article's correction notice as stored (``cg:correctionNotice`` and friends)."""

    kind: str
    text: str
    refers_to: str | None = None  # ISO date of the corrected item, when named


@dataclass(frozen=True, slots=True)
class CorrectionLink:
    """``corrector`` (the re-issue) corrects ``corrected``; ``reason`` says why they were linked."""

    corrector: str
    corrected: str
    reason: str


_TAGS = re.compile(r"\b(?:corrected|correction|correcting|refiled?|rpt|repeat|update\s*\d*|clarification)\b", re.I)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class _Article:
    id: str
    publisher: str | None
    published: dt.date | None
    title: str
    facts: list[Fact]


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _figures(text: str) -> list[float]:
    """The figures a notice names ("corrects amount of debt from 65 mln dlrs")."""
    from claimgraph.sources.quantities import find_quantities

    return [q.value.mid for q in find_quantities(text) if q.value.unit not in ("number",)]


def _title_words(title: str) -> set[str]:
    t = re.sub(r"<[^>]*>", " ", title or "")
    return {w for w in _WORD.findall(_TAGS.sub(" ", t).lower()) if len(w) > 2}


def _signature(f: Fact, cfg: AgreementConfig, *, dated: bool = True) -> tuple[str, ...]:
    base = (f.company, f.metric, f.measure, f.unit, modality_class(f, cfg))
    if not dated:
        return base
    return (*base, period_span(f.period_start, f.period_end), f.period_end or "")


def link_corrections(facts: list[Fact], notices: Mapping[str, Notice], *, window_days: int = 14,
                     cfg: AgreementConfig | None = None) -> list[CorrectionLink]:
    """For every article with a notice, the article it corrects (when one is found)."""
    cfg = cfg or AgreementConfig()
    articles: dict[str, _Article] = {}
    for f in facts:
        a = articles.get(f.source)
        if a is None:
            a = articles[f.source] = _Article(f.source, f.publisher, _date(f.published), f.title or "", [])
        a.facts.append(f)
    by_company: dict[str, set[str]] = defaultdict(set)
    for a in articles.values():
        for f in a.facts:
            by_company[f.company].add(a.id)
    links = []
    for art_id, notice in sorted(notices.items()):
        a = articles.get(art_id)
        if a is None:
            continue
        candidates = set().union(*(by_company[f.company] for f in a.facts)) - {art_id}
        best: tuple[tuple[object, ...], str, str] | None = None
        for b_id in sorted(candidates):
            scored = _score(a, articles[b_id], notice, art_id in notices and b_id in notices, window_days, cfg)
            if scored is not None and (best is None or scored[0] > best[0]):
                best = (scored[0], b_id, scored[1])
        if best is not None:
            links.append(CorrectionLink(art_id, best[1], best[2]))
    return links


def _score(a: _Article, b: _Article, notice: Notice, both_notices: bool, window: int,
           cfg: AgreementConfig) -> tuple[tuple[object, ...], str] | None:
    if a.publisher and b.publisher and a.publisher != b.publisher:
        return None
    named_month = False
    if a.published and b.published:
        days = (a.published - b.published).days
        # ("Figures revised from provisional figures issued in March": the provisional release of that month, up
        # to a year back)
        named_month = notice.kind == "revision" and 0 < days <= 366 and _named_month(notice.text) == b.published.month
        if days < 0 or (days > window and not named_month) or (days == 0 and both_notices):
            return None
    elif both_notices:
        return None
    a_sigs = {_signature(f, cfg) for f in a.facts if f.period_end}
    b_sigs = {_signature(f, cfg) for f in b.facts if f.period_end}
    shared = a_sigs & b_sigs
    undated = {_signature(f, cfg, dated=False) for f in a.facts if not f.period_end} & \
        {_signature(f, cfg, dated=False) for f in b.facts}
    if not shared and not undated:
        return None
    b_values = {(_signature(f, cfg, dated=False), f.stated.strip().lower()) for f in b.facts}
    same = sum(1 for f in a.facts if (_signature(f, cfg, dated=False), f.stated.strip().lower()) in b_values)
    ta, tb = _title_words(a.title), _title_words(b.title)
    title_sim = len(ta & tb) / len(ta | tb) if ta and tb else 0.0
    named_date = notice.refers_to is not None and b.published is not None and \
        notice.refers_to == b.published.isoformat()
    named_figure = any(abs(v - f.value) <= 1e-9 * max(abs(v), 1.0) for v in _figures(notice.text)
                       for f in b.facts if f.category is None)
    if not (same or title_sim >= 0.5 or named_date or named_figure or named_month):
        return None
    reasons = [f"{len(shared) + len(undated)} figures in common"]
    if same:
        reasons.append(f"{same} identical")
    if title_sim >= 0.5:
        reasons.append("similar headline")
    if named_date:
        reasons.append("the notice names its date")
    if named_figure:
        reasons.append("the notice names its figure")
    if named_month:
        reasons.append("the notice names its month")
    score = (named_date or named_month, len(shared) + len(undated) + same + 2 * title_sim + named_figure,
             b.published or dt.date.min)
    return score, "; ".join(reasons)


_MONTH_NAMED = re.compile(r"\b(?:issued|published|released|announced|reported|given)\s+in\s+(jan|feb|mar|apr|may|jun|jul|"
                          r"aug|sep|oct|nov|dec)[a-z]*\b\.?(?!\s*\d)", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _named_month(note: str) -> int | None:
    """The month a revision notice says the provisional figures were issued in ("issued in March": 3), if any.

    >>> _named_month("Figures revised from provisional figures issued in March."), _named_month("issued March 3")
    (3, None)
    """
    m = _MONTH_NAMED.search(note)
    return _MONTHS.index(m.group(1).lower()[:3]) + 1 if m else None


def inherit_periods(facts: list[Fact], links: list[CorrectionLink], cfg: AgreementConfig | None = None) -> int:
    """A correction's figure without a period takes the period of the same figure in the corrected article.

    The same figure is the same stated value of that company, metric, measure and modality when the corrected
    article states it for exactly one period (a re-issued results table repeats most of its figures); else any
    figure of that company, metric, measure and modality when the corrected article gives them exactly one period.
    Returns how many claims got a period.
    """
    cfg = cfg or AgreementConfig()
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_article[f.source].append(f)
    done = 0
    for link in links:
        periods: dict[tuple[str, ...], set[tuple[str | None, str | None, str | None]]] = defaultdict(set)
        for f in by_article.get(link.corrected, []):
            if f.period_end:
                period = (f.period_label, f.period_start, f.period_end)
                sig = (*_signature(f, cfg, dated=False), f.modality)
                periods[sig].add(period)
                periods[(*sig, f.stated.strip().lower())].add(period)
        for f in by_article.get(link.corrector, []):
            if f.period_end:
                continue
            sig = (*_signature(f, cfg, dated=False), f.modality)
            options = periods.get((*sig, f.stated.strip().lower()), set())
            if len(options) != 1:
                options = periods.get(sig, set())
            if len(options) == 1:
                f.period_label, f.period_start, f.period_end = next(iter(options))
                f.inherited = f"period of the same figure in the corrected article {link.corrected}"
                done += 1
    return done
