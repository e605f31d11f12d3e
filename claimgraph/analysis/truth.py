"""Truth resolution and source trust: iterative truth discovery in the CRH family, at stated precision.

Each article is a source. Trust and truths are learned together:

1. each group's candidate answers are its maximal consistent clusters
   (:func:`claimgraph.analysis.conflicts.clusters`);
2. a cluster's score is the summed trust of the distinct sources in it; the
   best cluster wins and the group's value is its most precise claim (XBRL:
   of consistent duplicates keep the most precise), clamped into the cluster's
   common interval;
3. a source's loss on a group is the *relative numeric distance* from its
   interval to the resolved value, ``d = log(1 + |gap| / |value|)``: a source
   1% off loses far less than one 10x off, and a source inside the value's
   interval loses nothing. Its score on the group is ``exp(-d / SCALE)``;
4. trust is the source's mean score, smoothed by a Beta(``ALPHA``, ``BETA``)
   prior so that a source seen once is neither fully trusted nor distrusted
   (as CRH weights sources by their summed loss, and TruthFinder by the mean
   confidence of their claims);
5. repeat until trust stops changing (at most ``iterations`` rounds).

Author and publisher trust are the claim-weighted means of their articles' trust.

>>> from claimgraph.analysis.conflicts import Fact, AgreementConfig, analyse_groups
>>> mk = lambda i, s, v: Fact(i, s, "C", "m", "level", v, v, v, -9, "exact", "USD", "Q", "2025-01-01",
...                           "2025-03-31", "reported", None, stated="$1.5")
>>> groups = analyse_groups([mk("a", "s1", 5e9), mk("b", "s2", 5e9), mk("c", "s3", 9e9)], AgreementConfig())
>>> trust = resolve(groups)
>>> groups[0].resolved, trust["s3"] < trust["s1"]
(5000000000.0, True)
"""

from __future__ import annotations

import math
from collections import defaultdict

from claimgraph.analysis.conflicts import Fact, Group, clusters

ALPHA = 1.0
BETA = 1.0
SCALE = 0.05


def _gap(f: Fact, value: float) -> float:
    if f.cmp_low <= value <= f.cmp_high:
        return 0.0
    edge = f.cmp_low if value < f.cmp_low else f.cmp_high
    return math.log1p(abs(value - edge) / max(abs(value), 1e-12))


def _best_fact(facts: list[Fact], trust: dict[str, float]) -> Fact:
    return min(facts, key=lambda f: (f.cmp_high - f.cmp_low, -trust.get(f.source, 0.5), f.id))


def _candidates(g: Group) -> list[list[Fact]]:
    current = g.current
    if g.status in ("consistent", "revision", "possible_conflict", "unresolved") and g.clusters:
        return g.clusters
    return clusters(current) if current else []


def _choose(g: Group, cands: list[list[Fact]], trust: dict[str, float]) -> tuple[list[Fact], float, float, float]:
    def score(c: list[Fact]) -> tuple[float, int]:
        return (sum(trust.get(s, 0.5) for s in {f.source for f in c}), len(c))

    winner = max(cands, key=score)
    lo = max(f.cmp_low for f in winner)
    hi = min(f.cmp_high for f in winner)
    best = _best_fact(winner, trust)
    value = min(max(best.value, lo), hi)
    return winner, value, lo, hi


def resolve(groups: list[Group], *, iterations: int = 20, tol: float = 1e-6) -> dict[str, float]:
    """Resolve every group's value in place and return each source's trust in [0, 1]."""
    work = [(g, _candidates(g)) for g in groups if g.current and g.status != "unresolved"]
    sources = sorted({f.source for g, _ in work for f in g.current})
    trust = dict.fromkeys(sources, 0.5)
    for _ in range(iterations):
        loss: dict[str, float] = defaultdict(float)
        count: dict[str, int] = defaultdict(int)
        for g, cands in work:
            if not cands:
                continue
            _, value, _, _ = _choose(g, cands, trust)
            per_source: dict[str, float] = {}
            for f in g.current:
                gap = _gap(f, value)
                per_source[f.source] = min(per_source.get(f.source, gap), gap)
            for s, gap in per_source.items():
                loss[s] += math.exp(-gap / SCALE)
                count[s] += 1
        new = {s: (loss[s] + ALPHA) / (count[s] + ALPHA + BETA) for s in sources}
        delta = max((abs(new[s] - trust[s]) for s in sources), default=0.0)
        trust = new
        if delta < tol:
            break
    for g, cands in work:
        if not cands:
            continue
        winner, value, lo, hi = _choose(g, cands, trust)
        g.resolved, g.resolved_low, g.resolved_high = value, lo, hi
        inside = {id(f) for f in winner}
        g.support = [f for f in g.current if id(f) in inside]
        g.dissent = [f for f in g.current if id(f) not in inside]
    return trust


def aggregate_trust(trust: dict[str, float], facts: list[Fact]) -> dict[tuple[str, str], float]:
    """Trust of authors and publishers: the claim-weighted mean of their articles' trust."""
    sums: dict[tuple[str, str], float] = defaultdict(float)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for f in facts:
        if f.source not in trust:
            continue
        for kind, name in (("author", f.author), ("publisher", f.publisher)):
            if name:
                sums[(kind, name)] += trust[f.source]
                counts[(kind, name)] += 1
    return {k: sums[k] / counts[k] for k in sums}


def apply_trust(groups: list[Group], trust: dict[str, float]) -> None:
    """Resolve groups in place with fixed source trust (no learning): how stored analysis updates the groups a
    write touched between two trust refreshes (:mod:`claimgraph.analysis.kept`)."""
    for g in groups:
        if not g.current or g.status == "unresolved":
            continue
        cands = _candidates(g)
        if not cands:
            continue
        winner, value, lo, hi = _choose(g, cands, trust)
        g.resolved, g.resolved_low, g.resolved_high = value, lo, hi
        inside = {id(f) for f in winner}
        g.support = [f for f in g.current if id(f) in inside]
        g.dissent = [f for f in g.current if id(f) not in inside]
