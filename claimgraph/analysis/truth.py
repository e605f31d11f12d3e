"""Truth resolution and source trust: precision-aware truth discovery with copy detection and honest ties.

Each article (or imported source) is a source; each group is an item with
candidate values. Trust and truths are learned together, over all groups:

1. **Candidates** are the group's distinct values (categorical groups: the
   distinct normalised texts), plus, for each consistent cluster whose members'
   own values do not fall in the common interval, that interval's most precise
   point.
2. **Support** of claim *c* for value *v*: 1 when *v* lies in *c*'s interval at
   its stated precision (so "$56B" supports $55.6B, "120,000" supports 123,456),
   else ``soft · exp(-d / scale)`` with *d* the relative distance from *v* to the
   interval (TruthFinder's implication between close values); categorical values
   support one another by token overlap.
3. **Votes** (the Accu model of Dong, Berti-Equille and Srivastava 2009): a
   source of accuracy *A* votes ``ln(n·A / (1 - A))`` for what it supports, *n*
   being the number of plausible false values. A source's several claims in one
   group share one vote. A vote is discounted by the probability that its source
   copied a source already counted for the same value
   (:mod:`claimgraph.analysis.copies`): syndicated copies and repeats count once.
4. **Probabilities**: P(v) = e^C(v) / (Σ e^C(v') + unobserved values), so one
   source alone gives its accuracy, agreeing independent sources more.
5. **Trust**: a source's accuracy is its expected share of right claims,
   smoothed by a Beta(``prior_true``, ``prior_false``) prior, over the groups
   where someone else also spoke. When a group is judged, each source's accuracy
   leaves that group out, so a value cannot vouch for itself.
6. Repeat 3-5 until trust converges; then estimate copying from the shared
   false values and repeat once more.
7. **Honest ties**: when the best value's evidence does not exceed the
   runner-up's by ``undecided_margin`` (one source against one other with no
   other evidence, or equal trust), the group is ``undecided``: no value is
   chosen, every candidate is reported with its support.

Author and publisher trust are the claim-weighted means of their articles' trust.

>>> from claimgraph.analysis.conflicts import Fact, AgreementConfig, analyse_groups
>>> mk = lambda i, s, v: Fact(i, s, "C", "m", "level", v, v, v, -8, "exact", "USD", "Q", "2025-01-01",
...                           "2025-03-31", "reported", None, stated="$1.5")
>>> groups = analyse_groups([mk("a", "s1", 5e9), mk("b", "s2", 5e9), mk("c", "s3", 9e9)], AgreementConfig())
>>> trust = resolve(groups)
>>> groups[0].resolved, groups[0].resolution
(5000000000.0, 'resolved')
>>> groups = analyse_groups([mk("a", "wire", 55.6e9), mk("b", "blog", 48e9)], AgreementConfig())
>>> _ = resolve(groups)
>>> groups[0].resolution, groups[0].resolved
('undecided', None)
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from claimgraph.analysis.conflicts import Fact, Group
from claimgraph.analysis.copies import dependence, quote_key

Arr = npt.NDArray[Any]


@dataclass(frozen=True, slots=True)
class TruthConfig:
    """Parameters of :func:`resolve` (tuned on synthetic data and tuning splits: see bench/truth.py)."""

    prior_true: float = 2.0  # Beta prior: a source nobody has checked is right with probability 2/3
    prior_false: float = 1.0
    false_values: float = 10.0  # plausible false values per item (the Accu model's n)
    max_vote: float = 8.0
    soft: float = 0.3  # support from a value close to (not within) a claim's interval ...
    scale: float = 0.02  # ... falling to 1/e at 2% relative distance
    undecided_margin: float = 0.1  # evidence (in log-odds) the best value needs over the runner-up
    iterations: int = 30
    tol: float = 1e-5
    copy_rounds: int = 1  # rounds of statistical copy detection after the first convergence
    copy_prior: float = 0.1
    copy_rate: float = 0.8
    copy_min_overlap: float = 3.0  # items two sources must share before copying is judged from statistics
    copy_threshold: float = 0.5


@dataclass
class _Problem:
    """The groups to resolve as flat arrays: claims (j), candidates (k) and support edges (e)."""

    groups: list[Group]
    facts: list[Fact]
    sources: list[str]
    c_grp: Arr  # claim -> group
    c_src: Arr  # claim -> source
    c_own: Arr  # claim -> candidate of its own value
    split: Arr  # a source's several claims in one group share its vote
    sg: Arr  # claim -> (source, group) pair
    sg_src: Arr
    sg_informative: Arr
    k_grp: Arr
    k_start: Arr  # first candidate of each group
    k_count: Arr
    k_value: list[Any]  # float or category
    e_claim: Arr
    e_cand: Arr
    e_vote: Arr  # support used in votes
    e_trust: Arr  # support used when judging a source (partial credit for near misses)
    e_direct: Arr  # 1 when the candidate lies in the claim's interval (or is the same category)
    unobserved: Arr  # per group: false values nobody stated
    ind: Arr = field(default_factory=lambda: np.ones(0))
    quote_keys: list[str] = field(default_factory=list)


def resolve(groups: list[Group], *, config: TruthConfig | None = None,
            copies: Collection[tuple[str, str]] = ()) -> dict[str, float]:
    """Resolve every group in place and return each source's trust (its estimated accuracy, in [0, 1]).

    ``copies`` are pairs of sources known to repeat one another (e.g. the same figure set); they count once.
    """
    cfg = config or TruthConfig()
    work = [g for g in groups if g.current and g.status != "unresolved"]
    prior = cfg.prior_true / (cfg.prior_true + cfg.prior_false)
    if not work:
        return {}
    p = _build(work, cfg)
    n_src = len(p.sources)
    known = {(a, b) for a, b in copies} | {(b, a) for a, b in copies}
    src_index = {s: i for i, s in enumerate(p.sources)}
    pair_copy: dict[tuple[int, int], float] = {}
    for a, b in known:
        if a in src_index and b in src_index:
            pair_copy[(src_index[a], src_index[b])] = 1.0
    p.ind = _independence(p, np.full(n_src, prior), pair_copy, cfg)
    acc, state = _iterate(p, cfg)
    for _ in range(cfg.copy_rounds):
        found = _statistical_copies(p, acc, state[1], cfg)
        if not found:
            break
        for pair, prob in found.items():
            pair_copy[pair] = max(pair_copy.get(pair, 0.0), prob)
            pair_copy[(pair[1], pair[0])] = pair_copy[pair]
        p.ind = _independence(p, acc, pair_copy, cfg)
        acc, state = _iterate(p, cfg)
    _write_back(p, state, cfg)
    return {s: float(acc[i]) for i, s in enumerate(p.sources)}


def _build(work: list[Group], cfg: TruthConfig) -> _Problem:
    facts: list[Fact] = []
    c_grp: list[int] = []
    k_value: list[Any] = []
    k_grp: list[int] = []
    k_start: list[int] = []
    c_own: list[int] = []
    for gi, g in enumerate(work):
        current = g.current
        k_start.append(len(k_value))
        if len(current) == 1:
            f = current[0]
            c_own.append(len(k_value))
            k_value.append(f.category if f.category is not None else _clamp(f))
            k_grp.append(gi)
            facts.append(f)
            c_grp.append(gi)
            continue
        index: dict[Any, int] = {}
        categorical = current[0].category is not None
        for f in current:
            key = f.category if categorical else _clamp(f)
            k = index.get(key)
            if k is None:
                k = index[key] = len(k_value)
                k_value.append(key)
                k_grp.append(gi)
            c_own.append(k)
            facts.append(f)
            c_grp.append(gi)
        if not categorical:
            for cluster in g.clusters or [current]:
                lo = max(f.cmp_low for f in cluster)
                hi = min(f.cmp_high for f in cluster)
                if lo < hi and not any(lo <= k_value[k] < hi for k in index.values()):
                    best = min(cluster, key=lambda f: (f.cmp_high - f.cmp_low, f.id))
                    v = min(max(best.value, lo), math.nextafter(hi, lo))
                    index[("cluster", v)] = len(k_value)
                    k_value.append(v)
                    k_grp.append(gi)
    sources = sorted({f.source for f in facts})
    src_index = {s: i for i, s in enumerate(sources)}
    grp = np.asarray(c_grp, dtype=np.int64)
    src = np.asarray([src_index[f.source] for f in facts], dtype=np.int64)
    n_groups = len(work)
    pair_key = grp * len(sources) + src
    _, sg, sg_count = np.unique(pair_key, return_inverse=True, return_counts=True)
    sg_first = np.zeros(len(sg_count), dtype=np.int64)
    sg_first[sg[::-1]] = np.arange(len(sg))[::-1]
    sources_per_group = np.bincount(grp[sg_first], minlength=n_groups)
    k_grp_a = np.asarray(k_grp, dtype=np.int64)
    k_start_a = np.asarray(k_start, dtype=np.int64)
    k_count = np.bincount(k_grp_a, minlength=n_groups)
    e_claim, e_cand, e_vote, e_trust, e_direct = _edges(facts, grp, k_start_a, k_count, k_value, cfg)
    unobserved = np.maximum(cfg.false_values + 1 - k_count, 0.0)
    return _Problem(work, facts, sources, grp, src, np.asarray(c_own, dtype=np.int64),
                    1.0 / sg_count[sg], sg, src[sg_first], sources_per_group[grp[sg_first]] >= 2,
                    k_grp_a, k_start_a, k_count, k_value, e_claim, e_cand, e_vote, e_trust, e_direct, unobserved)


def _clamp(f: Fact) -> float:
    v = f.point if f.point is not None else (f.low + f.high) / 2
    if not (f.cmp_low <= v < f.cmp_high):
        v = min(max(v, f.cmp_low), math.nextafter(f.cmp_high, f.cmp_low))
    return v


def _edges(facts: list[Fact], grp: Arr, k_start: Arr, k_count: Arr, k_value: list[Any],
           cfg: TruthConfig) -> tuple[Arr, Arr, Arr, Arr, Arr]:
    """Every (claim, candidate of its group) pair with its support."""
    per_claim = k_count[grp]
    e_claim = np.repeat(np.arange(len(facts)), per_claim)
    offsets = np.repeat(np.cumsum(per_claim) - per_claim, per_claim)
    e_cand = np.repeat(k_start[grp], per_claim) + (np.arange(len(e_claim)) - offsets)
    numeric = np.asarray([f.category is None for f in facts], dtype=bool)
    lo = np.asarray([f.cmp_low for f in facts], dtype=float)
    hi = np.asarray([f.cmp_high for f in facts], dtype=float)
    values = np.asarray([v if not isinstance(v, str) else 0.0 for v in k_value], dtype=float)
    v = values[e_cand]
    elo, ehi = lo[e_claim], hi[e_claim]
    direct = (elo <= v) & (v < ehi)
    gap = np.where(v < elo, elo - v, np.where(v >= ehi, v - ehi, 0.0)) / np.maximum(np.abs(v), 1e-300)
    closeness = np.exp(-gap / cfg.scale)
    is_num = numeric[e_claim]
    if not is_num.all():
        cat = np.flatnonzero(~is_num)
        tokens = [_tokens(facts[j].category or "") for j in range(len(facts))]
        ktokens = {k: _tokens(str(k_value[k])) for k in set(e_cand[cat].tolist())}
        for e in cat.tolist():
            j, k = int(e_claim[e]), int(e_cand[e])
            same = facts[j].category == k_value[k]
            direct[e] = same
            a, b = tokens[j], ktokens[k]
            closeness[e] = 1.0 if same else (len(a & b) / len(a | b) if a and b else 0.0)
    direct_f = direct.astype(float)
    vote = np.where(direct, 1.0, cfg.soft * closeness)
    trust = np.where(direct, 1.0, closeness)
    return e_claim, e_cand, vote, trust, direct_f


def _tokens(text: str) -> frozenset[str]:
    return frozenset(text.lower().replace(",", " ").replace(";", " ").replace(".", " ").split())


def _iterate(p: _Problem, cfg: TruthConfig) -> tuple[Arr, tuple[Arr, Arr]]:
    """Alternate votes and trust until trust converges; return accuracies and (scores, probabilities)."""
    n_src, n_sg, n_claims = len(p.sources), len(p.sg_src), len(p.facts)
    a, b = cfg.prior_true, cfg.prior_false
    informative = p.sg_informative.astype(float)
    contrib = np.full(n_sg, a / (a + b))
    acc = np.full(n_src, a / (a + b))
    score: Arr = np.zeros(len(p.k_value))
    prob: Arr = np.zeros(len(p.k_value))
    for _ in range(cfg.iterations):
        total = np.bincount(p.sg_src, weights=contrib * informative, minlength=n_src)
        count = np.bincount(p.sg_src, weights=informative, minlength=n_src)
        loo = (total[p.sg_src] - contrib * informative + a) / (count[p.sg_src] - informative + a + b)
        vote = np.clip(np.log(cfg.false_values * loo / np.maximum(1 - loo, 1e-12)), 0.0, cfg.max_vote)
        weight = vote[p.sg] * p.split * p.ind
        score = np.bincount(p.e_cand, weights=weight[p.e_claim] * p.e_vote, minlength=len(p.k_value))
        prob = _group_softmax(score, p)
        right = np.bincount(p.e_claim, weights=prob[p.e_cand] * p.e_trust, minlength=n_claims)
        contrib = np.bincount(p.sg, weights=np.minimum(right, 1.0) * p.split, minlength=n_sg)
        total = np.bincount(p.sg_src, weights=contrib * informative, minlength=n_src)
        new = (total + a) / (count + a + b)
        delta = float(np.max(np.abs(new - acc))) if n_src else 0.0
        acc = new
        if delta < cfg.tol:
            break
    return acc, (score, prob)


def _group_softmax(score: Arr, p: _Problem) -> Arr:
    top = np.maximum(np.maximum.reduceat(score, p.k_start), 0.0)
    ex = np.exp(score - top[p.k_grp])
    z = np.add.reduceat(ex, p.k_start) + p.unobserved * np.exp(-top)
    out: Arr = ex / z[p.k_grp]
    return out


def _statistical_copies(p: _Problem, acc: Arr, prob: Arr, cfg: TruthConfig) -> dict[tuple[int, int], float]:
    """Pairs of sources that share more false values than independent sources would (Dong et al. 2009)."""
    order = np.argsort(p.c_grp, kind="stable")
    grp = p.c_grp[order]
    starts = np.searchsorted(grp, np.arange(len(p.groups)))
    sizes = np.bincount(grp, minlength=len(p.groups))
    pos = np.arange(len(order)) - starts[grp]
    partners = sizes[grp] - 1 - pos
    if int(partners.sum()) == 0:
        return {}
    first = np.repeat(np.arange(len(order)), partners)
    offs = np.repeat(np.cumsum(partners) - partners, partners)
    second = first + 1 + (np.arange(len(first)) - offs)
    j1, j2 = order[first], order[second]
    s1, s2 = p.c_src[j1], p.c_src[j2]
    keep = s1 != s2
    j1, j2, s1, s2 = j1[keep], j2[keep], s1[keep], s2[keep]
    lo, hi = np.minimum(s1, s2), np.maximum(s1, s2)
    w = p.split[j1] * p.split[j2]
    same = p.c_own[j1] == p.c_own[j2]
    truth = prob[p.c_own[j1]]
    n_src = len(p.sources)
    key = lo * n_src + hi
    pairs, inv = np.unique(key, return_inverse=True)
    kt = np.bincount(inv, weights=w * same * truth, minlength=len(pairs))
    kf = np.bincount(inv, weights=w * same * (1 - truth), minlength=len(pairs))
    kd = np.bincount(inv, weights=w * ~same, minlength=len(pairs))
    out: dict[tuple[int, int], float] = {}
    for i in np.flatnonzero(kt + kf + kd >= cfg.copy_min_overlap).tolist():
        a, b = divmod(int(pairs[i]), n_src)
        prob_copy = dependence(kt=float(kt[i]), kf=float(kf[i]), kd=float(kd[i]), a1=float(acc[a]), a2=float(acc[b]),
                               false_values=cfg.false_values, prior=cfg.copy_prior, copy_rate=cfg.copy_rate)
        if prob_copy >= cfg.copy_threshold:
            out[(a, b)] = prob_copy
    return out


def _independence(p: _Problem, acc: Arr, pair_copy: dict[tuple[int, int], float], cfg: TruthConfig) -> Arr:
    """Per claim, the share of its vote that is independent of sources already counted for the same value."""
    ind: Arr = np.ones(len(p.facts))
    partners: dict[int, set[int]] = defaultdict(set)
    for a, b in pair_copy:
        partners[a].add(b)
    quotes: dict[tuple[int, str], list[int]] = defaultdict(list)
    own = p.c_own.tolist()
    if not p.quote_keys:
        p.quote_keys = [quote_key(f.quote) if f.quote else "" for f in p.facts]
    for j, key in enumerate(p.quote_keys):
        if key:
            quotes[(own[j], key)].append(j)
    same_quote: dict[int, set[int]] = defaultdict(set)
    for js in quotes.values():
        if len({int(p.c_src[j]) for j in js}) > 1:
            for j in js:
                same_quote[j].update(js)
    src = p.c_src.tolist()
    by_value: dict[int, list[int]] = defaultdict(list)
    for j in range(len(src)):
        if j in same_quote or src[j] in partners:
            by_value[own[j]].append(j)
    for js in by_value.values():
        if len(js) < 2:
            continue
        js.sort(key=lambda j: (-float(acc[p.c_src[j]]), p.facts[j].id))
        for n, j in enumerate(js):
            sj = int(p.c_src[j])
            factor = 1.0
            for i in js[:n]:
                si = int(p.c_src[i])
                if si == sj:
                    continue
                if i in same_quote.get(j, ()):
                    factor = 0.0
                    break
                pc = pair_copy.get((si, sj), 0.0)
                if pc:
                    factor *= 1 - (1.0 if pc >= 1.0 else cfg.copy_rate) * pc
            ind[j] = factor
    return ind


def _write_back(p: _Problem, state: tuple[Arr, Arr], cfg: TruthConfig) -> None:
    score, prob = state
    facts = p.facts
    n_k = len(p.k_value)
    lo = np.asarray([f.cmp_low for f in facts])
    hi = np.asarray([f.cmp_high for f in facts])
    d = np.flatnonzero(p.e_direct > 0)
    d_claim, d_cand = p.e_claim[d], p.e_cand[d]
    order = np.argsort(d_cand, kind="stable")
    d_claim, d_cand = d_claim[order], d_cand[order]
    ptr = np.concatenate(([0], np.cumsum(np.bincount(d_cand, minlength=n_k))))
    width = np.full(n_k, np.inf)
    np.minimum.at(width, d_cand, hi[d_claim] - lo[d_claim])
    res_low = np.full(n_k, -np.inf)
    np.maximum.at(res_low, d_cand, lo[d_claim])
    res_high = np.full(n_k, np.inf)
    np.minimum.at(res_high, d_cand, hi[d_claim])
    rounded = np.round(score, 9)
    # Per group, candidates by evidence, then precision (the most precise value first), then value.
    numeric_key = np.asarray([0.0 if isinstance(v, str) else v for v in p.k_value])
    k_order = np.lexsort((numeric_key, width, -rounded, p.k_grp))
    pos = p.k_start  # candidates are numbered group by group, so each group's block starts at k_start
    best = k_order[pos]
    second = k_order[np.minimum(pos + 1, n_k - 1)]
    close = (p.k_count >= 2) & (rounded[best] - rounded[second] < cfg.undecided_margin)
    for gi, g in enumerate(p.groups):
        bk = int(best[gi])
        members = d_claim[ptr[bk]:ptr[bk + 1]].tolist()
        count = int(p.k_count[gi])
        ks = k_order[pos[gi]:pos[gi] + count].tolist() if count > 1 else [bk]
        if count > 1:
            g.candidates = [_candidate_json(p, k, d_claim[ptr[k]:ptr[k + 1]].tolist(), float(score[k]),
                                            float(prob[k]), float(res_low[k]), float(res_high[k])) for k in ks]
        decided = True
        if close[gi]:
            backing = {int(p.c_src[j]) for j in members}
            decided = not any(float(rounded[bk] - rounded[k]) < cfg.undecided_margin
                              and not {int(p.c_src[j]) for j in d_claim[ptr[k]:ptr[k + 1]].tolist()} <= backing
                              for k in ks[1:])
        current = g.current
        if not decided:
            g.resolution, g.confidence = "undecided", None
            g.resolved = g.resolved_low = g.resolved_high = None
            g.resolved_text = None
            g.support, g.dissent = [], list(current)
            continue
        g.resolution = "resolved"
        g.confidence = float(prob[bk])
        g.independent = len({int(p.c_src[j]) for j in members if p.ind[j] >= 0.5})
        value = p.k_value[bk]
        if isinstance(value, str):
            g.resolved_text = value
        else:
            g.resolved, g.resolved_low, g.resolved_high = float(value), float(res_low[bk]), float(res_high[bk])
        if len(members) == len(current):
            g.support, g.dissent = list(current), []
        else:
            inside = {id(facts[j]) for j in members}
            g.support = [f for f in current if id(f) in inside]
            g.dissent = [f for f in current if id(f) not in inside]


def _candidate_json(p: _Problem, k: int, members: list[int], score: float, prob: float, low: float,
                    high: float) -> dict[str, Any]:
    value = p.k_value[k]
    categorical = isinstance(value, str)
    out: dict[str, Any] = {"value": None if categorical else float(value), "text": value if categorical else None,
                           "evidence": round(score, 4), "probability": round(prob, 4),
                           "sources": len({int(p.c_src[j]) for j in members}),
                           "independent_sources": len({int(p.c_src[j]) for j in members if p.ind[j] >= 0.5}),
                           "claims": [p.facts[j].id for j in members]}
    if not categorical:
        out["low"], out["high"] = low, high
    return out


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
