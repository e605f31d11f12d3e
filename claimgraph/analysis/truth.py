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
   smoothed by a Beta prior of strength ``prior_true + prior_false``, over the groups
   where someone else also spoke, each group weighted by how well the others there are checked
   (one against one with a source judged nowhere else says nothing); its mean is
   ``prior_true / (prior_true + prior_false)``,
   or, with ``volume_prior``, learned per evidence-volume class (sources speaking in
   1, 2-3, 4-7, ... groups: the class's pooled accuracy shrunk to that ratio; empirical
   Bayes). When a group is judged, each source's accuracy leaves that group out, so a
   value cannot vouch for itself.
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

from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from claimgraph.analysis.conflicts import CATEGORY, Columns, Fact, FactTable, Group, clique_members, column_codes, distinct
from claimgraph.analysis.copies import dependences, quote_key

Arr = npt.NDArray[Any]


@dataclass(frozen=True, slots=True)
class TruthConfig:
    """Parameters of :func:`resolve` (tuned on synthetic data and tuning splits: see bench/truth.py)."""

    prior_true: float = 4.0  # Beta prior: a source nobody has checked is right with probability 4/5
    prior_false: float = 1.0
    false_values: float = 10.0  # plausible false values per item (the Accu model's n)
    max_vote: float = 8.0
    soft: float = 0.3  # support from a value close to (not within) a claim's interval ...
    scale: float = 0.02  # ... falling to 1/e at 2% relative distance
    undecided_margin: float = 0.1  # evidence (in log-odds) the best value needs over the runner-up
    iterations: int = 30
    tol: float = 1e-7  # trust converged: evidence then agrees to the 4 decimals reports print
    copy_rounds: int = 1  # rounds of statistical copy detection after the first convergence
    copy_prior: float = 0.1
    copy_rate: float = 0.8
    copy_min_overlap: float = 5.0  # items two sources must share before copying is judged from statistics
    copy_threshold: float = 0.5
    represent: bool = True  # answer with the value most supporters state (see _representation) ...
    represent_factor: float = 3.0  # ... when they state it with more than this many times the votes
    near_credit: float = 0.0  # credit a source gets for a near miss (close, not within precision) when judged
    # A source's prior accuracy learned from sources of its evidence volume (off by default: it couples every
    # company's resolution to the others', and the kept analysis resolves a touched company on its own) ...
    volume_prior: bool = False
    volume_shrink: float = 20.0  # ... shrunk to prior_true / (prior_true + prior_false) by this many claims
    # A group counts in a source's trust by how well the others there are checked: 1 - Π (1 - m/(m + checked)) over
    # the other sources, m being the other groups each is judged in plus the other sources it meets there (0 turns
    # it off; see _checked_weights) ...
    checked: float = 1.0
    # ... and, with difficulty="metric", a source's errors are judged against the error rate of the metrics it states
    # (a source that states only hard metrics is not ranked below one that also states easy ones). Off by default: pooled
    # per-metric means tie a company's resolution to other companies' claims, which the kept analysis cannot follow.
    difficulty: str = ""


@dataclass
class _Problem:
    """The groups to resolve as flat arrays: claims (j), candidates (k) and support edges (e)."""

    groups: list[Group]
    table: FactTable  # claim j is the table's row rows[j]
    rows: Arr
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
    k_num: Arr  # the candidates' values as numbers (0 for categories)
    c_low: Arr  # claims' comparison intervals
    c_high: Arr
    e_claim: Arr
    e_cand: Arr
    e_vote: Arr  # support used in votes
    e_trust: Arr  # support used when judging a source (``near_credit`` for near misses)
    e_direct: Arr  # 1 when the candidate lies in the claim's interval (or is the same category)
    unobserved: Arr  # per group: false values nobody stated
    ind: Arr = field(default_factory=lambda: np.ones(0))
    quote_codes: Arr | None = None


def resolve(groups: list[Group], *, config: TruthConfig | None = None,
            copies: Collection[tuple[str, str]] = ()) -> dict[str, float]:
    """Resolve every group in place and return each source's trust (its estimated accuracy, in [0, 1]).

    ``copies`` are pairs of sources known to repeat one another (e.g. the same figure set); they count once.
    """
    cfg = config or TruthConfig()
    work = [g for g in groups if g.status != "unresolved" and (g.current if g.superseded else g.size)]
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
    """The groups as arrays: claims, candidates (own values and clusters' common points) and support edges."""
    shared = _shared_rows(work)
    known: tuple[Arr, Arr, Arr] | None = None
    if shared is not None:
        cols, rows, lens = shared
        table = cols.table
        known = _known_sides(cols, work, rows, lens)
        lo, hi, value = cols.lo[rows], cols.hi[rows], cols.value[rows]
        used, local = np.unique(cols.src[rows], return_inverse=True)
        names = [cols.sources[i] for i in used.tolist()]
        rank = np.argsort(np.asarray(names, dtype=object), kind="stable")
        sources = [names[i] for i in rank.tolist()]
        position = np.empty(len(rank), dtype=np.int64)
        position[rank] = np.arange(len(rank))
        src = position[local]
    else:
        facts = [f for g in work for f in g.current]
        lens = [len(g.current) for g in work]
        table = FactTable.from_facts(facts)
        rows = np.arange(len(facts))
        lo = np.fromiter((f.cmp_low for f in facts), float, len(facts))
        hi = np.fromiter((f.cmp_high for f in facts), float, len(facts))
        value = table.value
        sources = sorted(set(table.source))
        src_index = {s: i for i, s in enumerate(sources)}
        src = np.fromiter(map(src_index.__getitem__, table.source), np.int64, len(facts))
    n = len(rows)
    grp = np.repeat(np.arange(len(work)), lens)
    texts: dict[str, int] = {}
    if any(g.key[5] == CATEGORY for g in work):
        category = table.category
        cat = np.fromiter((-1 if (c := category[i]) is None else texts.setdefault(c, len(texts))
                           for i in rows.tolist()), np.int64, n)
    else:
        cat = np.full(n, -1, dtype=np.int64)
    is_cat = cat >= 0
    own = _clamped(value, lo, hi)
    own[is_cat] = cat[is_cat]
    # Candidates: each group's distinct values (numbered group by group, by value), then clusters' common points.
    order = np.lexsort((own, grp))
    so, sg_ = own[order], grp[order]
    new = np.r_[True, (sg_[1:] != sg_[:-1]) | (so[1:] != so[:-1])] if n else np.zeros(0, dtype=bool)
    c_own = np.empty(n, dtype=np.int64)
    c_own[order] = np.cumsum(new) - 1
    k_grp, k_key, k_cat = sg_[new], so[new], is_cat[order][new]
    extra_grp, extra_val = _cluster_points(grp, lo, hi, value, is_cat, k_grp, k_key, known)
    if len(extra_grp):
        all_grp = np.concatenate([k_grp, extra_grp])
        all_key = np.concatenate([k_key, extra_val])
        all_cat = np.concatenate([k_cat, np.zeros(len(extra_grp), dtype=bool)])
        ko = np.lexsort((all_key, all_grp))
        remap = np.empty(len(ko), dtype=np.int64)
        remap[ko] = np.arange(len(ko))
        c_own = remap[c_own]
        k_grp, k_key, k_cat = all_grp[ko], all_key[ko], all_cat[ko]
    names = list(texts)
    k_value: list[Any] = k_key.tolist()
    for k in np.flatnonzero(k_cat).tolist():
        k_value[k] = names[int(k_key[k])]
    k_num = np.where(k_cat, 0.0, k_key)
    n_groups = len(work)
    pair_key = grp * len(sources) + src
    _, sg, sg_count = np.unique(pair_key, return_inverse=True, return_counts=True)
    sg_first = np.zeros(len(sg_count), dtype=np.int64)
    sg_first[sg[::-1]] = np.arange(len(sg))[::-1]
    sources_per_group = np.bincount(grp[sg_first], minlength=n_groups)
    k_count = np.bincount(k_grp, minlength=n_groups)
    k_start = np.cumsum(k_count) - k_count
    e_claim, e_cand, e_vote, e_trust, e_direct = _edges(grp, lo, hi, cat, k_start, k_count, k_num, k_cat, k_key,
                                                        names, cfg)
    unobserved = np.maximum(cfg.false_values + 1 - k_count, 0.0)
    return _Problem(work, table, rows, sources, grp, src, c_own, 1.0 / sg_count[sg], sg, src[sg_first],
                    sources_per_group[grp[sg_first]] >= 2, k_grp, k_start, k_count, k_value, k_num, lo, hi,
                    e_claim, e_cand, e_vote, e_trust, e_direct, unobserved)


def _known_sides(cols: Columns, work: list[Group], rows: Arr, lens: list[int]) -> tuple[Arr, Arr, Arr] | None:
    """The sides the grouping found over arrays, with claims numbered as ``rows`` (see :func:`_cliques`)."""
    if cols.sides is None:
        return None
    clique, position, split_groups = cols.sides
    at = np.full(len(cols.table), -1, dtype=np.int64)
    at[rows] = np.arange(len(rows))
    member = at[cols.order[position]]
    keep = member >= 0
    gi = np.fromiter((g._rows[3] if g._rows else -1 for g in work), np.int64, len(work))
    split = split_groups[gi]
    return clique[keep], member[keep], np.repeat(split, np.asarray(lens, dtype=np.int64))


def _shared_rows(work: list[Group]) -> tuple[Columns, Arr, list[int]] | None:
    """The groups' current claims as rows of the table they were grouped from, and the groups' sizes (None when
    some were not grouped over arrays). A group's superseded claims are left out of its rows."""
    first = work[0]._rows
    if first is None:
        return None
    cols = first[0]
    starts: list[int] = []
    lens: list[int] = []
    revised: list[int] = []
    for i, g in enumerate(work):
        r = g._rows
        if r is None or r[0] is not cols:
            return None
        starts.append(r[1])
        lens.append(r[2])
        if g.superseded:
            revised.append(i)
    lens_a = np.asarray(lens, dtype=np.int64)
    idx = np.repeat(np.asarray(starts, dtype=np.int64), lens_a) + (
        np.arange(int(lens_a.sum())) - np.repeat(np.cumsum(lens_a) - lens_a, lens_a))
    rows = cols.order[idx]
    if revised:
        keep = np.ones(len(rows), dtype=bool)
        offsets = (np.cumsum(lens_a) - lens_a).tolist()
        for i in revised:
            g = work[i]
            facts = g.facts  # made from the group's rows, in order (see Group.facts)
            if len(facts) != lens[i]:
                return None
            gone = {id(f) for f in g.superseded}
            out = [offsets[i] + j for j, f in enumerate(facts) if id(f) in gone]
            keep[out] = False
            lens[i] -= len(out)
        rows = rows[keep]
    return cols, rows, lens


def _clamped(value: Arr, lo: Arr, hi: Arr) -> Arr:
    """The value moved into its own half-open comparison interval (as the candidate it votes for)."""
    out = value.copy()
    outside = ~((lo <= value) & (value < hi))
    if outside.any():
        out[outside] = np.minimum(np.maximum(value[outside], lo[outside]), np.nextafter(hi[outside], lo[outside]))
    return out


def _cliques(grp: Arr, lo: Arr, hi: Arr, is_cat: Arr, known: tuple[Arr, Arr, Arr] | None) -> tuple[Arr, Arr]:
    """The sides (maximal cliques) of every numeric group with two or more claims, as (clique, claim) arrays.

    ``known`` are the sides the grouping already found over arrays, as (clique, claim, group split) with claims
    numbered here; only the other groups' sides are computed: one side when consistent, else a sweep.
    """
    count = np.bincount(grp)
    many = ~is_cat & (count[grp] >= 2)
    if known is None:
        pos = np.flatnonzero(many)
        clique, member = clique_members(grp[pos], lo[pos], hi[pos])
        return clique, pos[member]
    k_clique, k_member, split = known
    rest = np.flatnonzero(many & ~split)
    if not len(rest):
        return k_clique, k_member
    starts = np.flatnonzero(np.r_[True, grp[rest][1:] != grp[rest][:-1]])
    agree = np.maximum.reduceat(lo[rest], starts) < np.minimum.reduceat(hi[rest], starts)
    whole = np.repeat(agree, np.diff(np.r_[starts, len(rest)]))
    one = rest[whole]  # consistent groups: all their claims are one side
    sweep = rest[~whole]
    base = int(k_clique.max(initial=-1)) + 1
    one_clique = base + np.unique(grp[one], return_inverse=True)[1]
    s_clique, s_member = clique_members(grp[sweep], lo[sweep], hi[sweep]) if len(sweep) else (
        np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    clique = np.concatenate([k_clique, one_clique, s_clique + int(one_clique.max(initial=base - 1)) + 1])
    member = np.concatenate([k_member, one, sweep[s_member]])
    o = np.argsort(clique, kind="stable")
    return clique[o], member[o]


def _cluster_points(grp: Arr, lo: Arr, hi: Arr, value: Arr, is_cat: Arr, k_grp: Arr, k_key: Arr,
                    known: tuple[Arr, Arr, Arr] | None = None) -> tuple[Arr, Arr]:
    """For each consistent cluster (clique) of a numeric group whose common interval holds none of the group's
    values, the most precise member's value moved into that interval ("$56B" and "$55.6B ± 5%" → $55.6B)."""
    empty = np.zeros(0, dtype=np.int64), np.zeros(0)
    clique, member = _cliques(grp, lo, hi, is_cat, known)
    if not len(member):
        return empty
    first = np.flatnonzero(np.r_[True, clique[1:] != clique[:-1]])
    c_lo = np.maximum.reduceat(lo[member], first)
    c_hi = np.minimum.reduceat(hi[member], first)
    c_grp = grp[member[first]]
    inside = _count_below(k_grp, k_key, c_grp, c_hi) - _count_below(k_grp, k_key, c_grp, c_lo)
    need = np.flatnonzero((inside == 0) & (c_lo < c_hi))
    if not len(need):
        return empty
    # The most precise member (narrowest interval; the first on ties).
    width = hi[member] - lo[member]
    o = np.lexsort((member, width, clique))
    best = member[o[np.r_[True, clique[o][1:] != clique[o][:-1]]]]
    v = np.minimum(np.maximum(value[best[need]], c_lo[need]), np.nextafter(c_hi[need], c_lo[need]))
    pairs = np.unique(np.stack([c_grp[need].astype(float), v]), axis=1)
    return pairs[0].astype(np.int64), pairs[1]


def _count_below(k_grp: Arr, k_key: Arr, q_grp: Arr, q_val: Arr) -> Arr:
    """Per query, how many candidates of its group have a value below the query's (a grouped searchsorted)."""
    n_k = len(k_grp)
    g = np.concatenate([k_grp, q_grp])
    v = np.concatenate([k_key, q_val])
    kind = np.concatenate([np.ones(n_k, dtype=np.int8), np.zeros(len(q_grp), dtype=np.int8)])  # queries first on ties
    order = np.lexsort((kind, v, g))
    is_cand = (order < n_k).astype(np.int64)
    seen = np.cumsum(is_cand) - is_cand  # candidates sorted before each position
    at = np.empty(len(order), dtype=np.int64)
    at[order] = np.arange(len(order))
    group_start = np.searchsorted(k_grp, q_grp, "left")
    out: Arr = seen[at[n_k:]] - group_start
    return out


def _edges(grp: Arr, lo: Arr, hi: Arr, cat: Arr, k_start: Arr, k_count: Arr, k_num: Arr, k_cat: Arr, k_key: Arr,
           names: list[str], cfg: TruthConfig) -> tuple[Arr, Arr, Arr, Arr, Arr]:
    """Every (claim, candidate of its group) pair with its support."""
    per_claim = k_count[grp]
    e_claim = np.repeat(np.arange(len(grp)), per_claim)
    offsets = np.repeat(np.cumsum(per_claim) - per_claim, per_claim)
    e_cand = np.repeat(k_start[grp], per_claim) + (np.arange(len(e_claim)) - offsets)
    v = k_num[e_cand]
    elo, ehi = lo[e_claim], hi[e_claim]
    direct = (elo <= v) & (v < ehi)
    with np.errstate(over="ignore"):  # a gap to a candidate of 0 is infinite: no closeness
        gap = np.where(v < elo, elo - v, np.where(v >= ehi, v - ehi, 0.0)) / np.maximum(np.abs(v), 1e-300)
        closeness = np.exp(-gap / cfg.scale)
    categorical = np.flatnonzero(k_cat[e_cand])
    if len(categorical):
        a = cat[e_claim[categorical]]
        b = k_key[e_cand[categorical]].astype(np.int64)
        direct[categorical] = a == b
        width = max(len(names), 1)
        pairs, inverse = np.unique(a * width + b, return_inverse=True)
        tokens = [_tokens(t) for t in names]
        sim = np.asarray([1.0 if x // width == x % width else _jaccard(tokens[x // width], tokens[x % width])
                          for x in pairs.tolist()], dtype=float)
        closeness[categorical] = sim[inverse]
    vote = np.where(direct, 1.0, cfg.soft * closeness)
    trust = np.where(direct, 1.0, cfg.near_credit * closeness)
    return e_claim, e_cand, vote, trust, direct.astype(float)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _tokens(text: str) -> frozenset[str]:
    return frozenset(text.lower().replace(",", " ").replace(";", " ").replace(".", " ").split())


def _iterate(p: _Problem, cfg: TruthConfig) -> tuple[Arr, tuple[Arr, Arr, Arr]]:
    """Alternate votes and trust until trust converges; return accuracies and (scores, probabilities, each
    claim's vote)."""
    n_src, n_sg, n_claims = len(p.sources), len(p.sg_src), len(p.rows)
    informative = p.sg_informative.astype(float)
    bins = _volume_bins(p) if cfg.volume_prior else np.zeros(n_src, dtype=np.int64)
    strength = cfg.prior_true + cfg.prior_false
    a: Arr = np.full(n_src, cfg.prior_true)
    b: Arr = np.full(n_src, cfg.prior_false)
    contrib = np.full(n_sg, cfg.prior_true / strength)
    acc = a / (a + b)
    score: Arr = np.zeros(len(p.k_value))
    prob: Arr = np.zeros(len(p.k_value))
    weight: Arr = np.zeros(n_claims)
    sg_grp = np.zeros(n_sg, dtype=np.int64)
    sg_grp[p.sg] = p.c_grp
    if cfg.checked:
        informative = informative * _checked_weights(p, informative, sg_grp, cfg.checked)
    count = np.bincount(p.sg_src, weights=informative, minlength=n_src)
    norm: Arr = np.ones(n_sg)  # per (source, group): the errors an average source makes there, over the mean errors
    expected = count  # per source: the errors expected of it, in units of the mean error rate
    metric: Arr | None = None
    if cfg.difficulty == "metric":
        metric = np.unique(np.asarray([g.key[1] for g in p.groups], dtype=object), return_inverse=True)[1][sg_grp]
    for it in range(cfg.iterations):
        if metric is not None and it:
            norm = _difficulty(metric, contrib, informative)
            expected = np.bincount(p.sg_src, weights=informative * norm, minlength=n_src)
        total = np.bincount(p.sg_src, weights=contrib * informative, minlength=n_src)
        a_sg, b_sg = a[p.sg_src], b[p.sg_src]
        # Accuracy = 1 - error rate, errors counted over the errors expected (without difficulty: the share right).
        wrong = count[p.sg_src] - total[p.sg_src] - (1 - contrib) * informative
        loo = np.clip(1 - (wrong + b_sg) / (expected[p.sg_src] - informative * norm + a_sg + b_sg), 1e-6, 1.0)
        vote = np.clip(np.log(cfg.false_values * loo / np.maximum(1 - loo, 1e-12)), 0.0, cfg.max_vote)
        weight = vote[p.sg] * p.split * p.ind
        score = np.bincount(p.e_cand, weights=weight[p.e_claim] * p.e_vote, minlength=len(p.k_value))
        prob = _group_softmax(score, p)
        right = np.bincount(p.e_claim, weights=prob[p.e_cand] * p.e_trust, minlength=n_claims)
        contrib = np.bincount(p.sg, weights=np.minimum(right, 1.0) * p.split, minlength=n_sg)
        total = np.bincount(p.sg_src, weights=contrib * informative, minlength=n_src)
        if cfg.volume_prior:
            mean = _bin_means(bins, total, count, cfg)
            a, b = strength * mean[bins], strength * (1 - mean[bins])
        new = np.clip(1 - (count - total + b) / (expected + a + b), 0.0, 1.0)
        delta = float(np.max(np.abs(new - acc))) if n_src else 0.0
        acc = new
        if delta < cfg.tol:
            break
    return acc, (score, prob, weight)


def _checked_weights(p: _Problem, informative: Arr, sg_grp: Arr, k: float) -> Arr:
    """Per (source, group): how much the group says about the source, by how well the others there are checked:
    1 - Π (1 - m/(m + k)) over the group's other sources, m being what each other is checked by besides this
    source: the other groups it is judged in and the other sources it meets here.

    One against one, where the other source is judged nowhere else (a prior, no evidence), says nothing about a
    source: a busy source contradicted only by newcomers would otherwise lose every such group (its credit there is
    below 1/2 against a newcomer's prior), see its trust fall towards 0 and lose every later one too. Two newcomers
    agreeing against a third check each other, so such a group still counts (3/4 with k = 1)."""
    count = np.bincount(p.sg_src, weights=informative, minlength=len(p.sources))
    in_group = np.bincount(sg_grp, minlength=len(p.groups))[sg_grp]  # sources of the group
    others = np.maximum(count[p.sg_src] - 1, 0) + np.maximum(in_group - 2, 0)
    log_unknown = np.log(np.maximum(k / (others + k), 1e-12))  # log(1 - m/(m + k))
    per_group = np.bincount(sg_grp, weights=log_unknown, minlength=len(p.groups))
    out: Arr = 1 - np.exp(per_group[sg_grp] - log_unknown)
    return out


def _difficulty(metric: Arr, contrib: Arr, informative: Arr) -> Arr:
    """Per (source, group): the error rate of the group's metric over the error rate of all groups (the item
    difficulty of Galland et al.'s 3-Estimates, per metric): a source's errors are counted against the errors an
    average source makes on the metrics it states, so a wrong claim where most are wrong costs less."""
    wrong = (1 - contrib) * informative
    seen = np.maximum(np.bincount(metric, weights=informative), 1e-12)
    overall = max(float(wrong.sum()) / max(float(informative.sum()), 1e-12), 1e-12)
    out: Arr = np.clip(np.bincount(metric, weights=wrong)[metric] / seen[metric] / overall, 0.05, 20.0)
    return out


def _volume_bins(p: _Problem) -> Arr:
    """Each source's evidence-volume class: log2 of the number of groups it speaks in (1, 2-3, 4-7, ...)."""
    groups = np.bincount(p.sg_src, minlength=len(p.sources))
    out: Arr = np.floor(np.log2(np.maximum(groups, 1))).astype(np.int64)
    return out


def _bin_means(bins: Arr, total: Arr, count: Arr, cfg: TruthConfig) -> Arr:
    """Empirical-Bayes prior means: the pooled accuracy of the sources of each volume class, over the claims
    others also judged, shrunk to the configured prior (``prior_true / (prior_true + prior_false)``) by
    ``volume_shrink`` claims. A source with few claims is then expected to be as right as sources of its size."""
    base = cfg.prior_true / (cfg.prior_true + cfg.prior_false)
    n_bins = int(bins.max(initial=0)) + 1
    right = np.bincount(bins, weights=total, minlength=n_bins)
    seen = np.bincount(bins, weights=count, minlength=n_bins)
    mean: Arr = (right + cfg.volume_shrink * base) / (seen + cfg.volume_shrink)
    return np.clip(mean, 0.05, 0.95)


def _group_softmax(score: Arr, p: _Problem) -> Arr:
    top = np.maximum(np.maximum.reduceat(score, p.k_start), 0.0)
    ex = np.exp(score - top[p.k_grp])
    z = np.add.reduceat(ex, p.k_start) + p.unobserved * np.exp(-top)
    out: Arr = ex / z[p.k_grp]
    return out


def _pairs_within(seg: Arr) -> tuple[Arr, Arr]:
    """Every pair (i, j), i < j, of positions in the same segment of ``seg`` (sorted segment numbers)."""
    n = len(seg)
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, seg[1:] != seg[:-1]])
    sizes = np.diff(np.r_[starts, n])
    seg_of = np.repeat(np.arange(len(starts)), sizes)
    pos = np.arange(n) - starts[seg_of]
    partners = sizes[seg_of] - 1 - pos
    first = np.repeat(np.arange(n), partners)
    offs = np.repeat(np.cumsum(partners) - partners, partners)
    second = first + 1 + (np.arange(len(first)) - offs)
    return first, second


def _count_pairs(key: Arr, weights: list[Arr], n_keys: int) -> tuple[Arr, list[Arr]]:
    """Sums of ``weights`` per distinct key (by counting into a dense array when the key space is small)."""
    if n_keys <= 4_000_000:
        sums = [np.bincount(key, weights=w, minlength=n_keys) for w in weights]
        seen = np.flatnonzero(np.bincount(key, minlength=n_keys))
        return seen, [x[seen] for x in sums]
    keys, inv = np.unique(key, return_inverse=True)
    return keys, [np.bincount(inv, weights=w, minlength=len(keys)) for w in weights]


def _statistical_copies(p: _Problem, acc: Arr, prob: Arr, cfg: TruthConfig) -> dict[tuple[int, int], float]:
    """Pairs of sources that share more false values than independent sources would (Dong et al. 2009)."""
    # A source's claims of one value in one group are one unit (weighted by their share of its vote); units of
    # one group are paired (candidates are numbered group by group, so sorting by value sorts by group).
    n_src = len(p.sources)
    units, inverse = np.unique(p.c_own * n_src + p.c_src, return_inverse=True)
    weight = np.bincount(inverse, weights=p.split, minlength=len(units))
    u_own, u_src = units // n_src, units % n_src
    # A shared value is false when the claims stating it are wrong: the probability that the truth lies outside
    # their interval at stated precision ("$56B" stated by two sources is not a shared mistake when $55.6B is true).
    right = np.minimum(np.bincount(p.e_claim, weights=prob[p.e_cand] * p.e_direct, minlength=len(p.rows)), 1.0)
    u_true = np.bincount(inverse, weights=right * p.split, minlength=len(units)) / np.maximum(weight, 1e-12)
    first, second = _pairs_within(p.k_grp[u_own])
    if not len(first):
        return {}
    s1, s2 = u_src[first], u_src[second]
    keep = s1 != s2
    first, second, s1, s2 = first[keep], second[keep], s1[keep], s2[keep]
    lo, hi = np.minimum(s1, s2), np.maximum(s1, s2)
    w = weight[first] * weight[second]
    same = u_own[first] == u_own[second]
    truth = np.minimum(u_true[first], u_true[second])
    pairs, (kt, kf, kd) = _count_pairs(lo * n_src + hi, [w * same * truth, w * same * (1 - truth), w * ~same],
                                       n_src * n_src)
    out: dict[tuple[int, int], float] = {}
    judged = np.flatnonzero(kt + kf + kd >= cfg.copy_min_overlap)
    a, b = pairs[judged] // n_src, pairs[judged] % n_src
    prob_copy = dependences(kt=kt[judged], kf=kf[judged], kd=kd[judged], a1=acc[a], a2=acc[b],
                            false_values=cfg.false_values, prior=cfg.copy_prior, copy_rate=cfg.copy_rate)
    for x, y, pc in zip(a.tolist(), b.tolist(), prob_copy.tolist(), strict=True):
        if pc >= cfg.copy_threshold:
            out[(x, y)] = pc
    return out


def _independence(p: _Problem, acc: Arr, pair_copy: dict[tuple[int, int], float], cfg: TruthConfig) -> Arr:
    """Per claim, the share of its vote that is independent of sources already counted for the same value.

    A value's claims are taken by their source's accuracy (then claim id); each claim's vote is discounted by
    every earlier claim of another source: to nothing when that claim is the same sentence (a syndicated copy),
    by ``1 - copy_rate · P(copy)`` when the two sources are copy partners. Only claims that share a sentence with
    another source or whose source has a partner are concerned; they are paired with arrays.
    """
    n = len(p.rows)
    ind: Arr = np.ones(n)
    n_src = max(len(p.sources), 1)
    if p.quote_codes is None:
        quotes, texts = p.table.codes("quote")
        keys, _ = column_codes([quote_key(t) if t else "" for t in texts])
        blank = keys[texts.index("")] if "" in texts else -1
        per_row = keys[quotes[p.rows]]
        p.quote_codes = np.where(per_row == blank, -1, per_row)
    q = p.quote_codes
    quoted = np.flatnonzero(q >= 0)
    bucket = np.full(n, -1, dtype=np.int64)
    shared = np.zeros(n, dtype=bool)
    if len(quoted):
        key = p.c_own[quoted] * (int(q.max()) + 1) + q[quoted]
        keys, inverse = np.unique(key, return_inverse=True)
        sources = np.bincount(distinct(inverse * n_src + p.c_src[quoted]) // n_src, minlength=len(keys))
        bucket[quoted] = inverse
        shared[quoted] = sources[inverse] > 1
    with_partner = np.zeros(n_src, dtype=bool)
    for a, _ in pair_copy:
        with_partner[a] = True
    chosen = np.flatnonzero(shared | with_partner[p.c_src])
    if len(chosen) < 2:
        return ind
    ids = [p.table.id[r] for r in p.rows[chosen].tolist()]
    id_rank = np.empty(len(chosen), dtype=np.int64)
    id_rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
    src = p.c_src[chosen]
    chosen = chosen[np.lexsort((id_rank, -acc[src], p.c_own[chosen]))]
    first, second = _pairs_within(p.c_own[chosen])
    i, j = chosen[first], chosen[second]  # i comes before j among the claims of one value
    si, sj = p.c_src[i], p.c_src[j]
    other = si != sj
    i, j, si, sj = i[other], j[other], si[other], sj[other]
    term = np.ones(len(i))
    if pair_copy:
        known = np.asarray(sorted(a * n_src + b for a, b in pair_copy), dtype=np.int64)
        probs = np.asarray([pair_copy[divmod(int(k), n_src)] for k in known.tolist()])
        key = si * n_src + sj
        at = np.minimum(np.searchsorted(known, key), len(known) - 1)
        pc = np.where(known[at] == key, probs[at], 0.0)
        term = 1 - np.where(pc >= 1.0, 1.0, cfg.copy_rate) * pc
    term[shared[j] & (bucket[i] == bucket[j])] = 0.0
    zero = np.bincount(j, weights=term == 0.0, minlength=n) > 0
    logs = np.bincount(j, weights=np.log(np.where(term > 0.0, term, 1.0)), minlength=n)
    touched = np.bincount(j, minlength=n) > 0
    ind[touched] = np.exp(logs[touched])
    ind[zero] = 0.0
    return ind


def _symmetric(first: Arr, second: Arr, first_votes: Arr, second_votes: Arr, margin: float = 1e-6) -> bool:
    """The two best values are each stated by as many sources, none stating both, with the same votes (each
    claim's vote, in log-odds, is its source's trust with this group left out; within ``margin``): one source
    against one other with no other evidence, or equal trust. Their values' nearness to each other (a vague
    "$4.1B" lends "$4.01B" more than the reverse) is then no evidence either way.

    >>> one, other, third = np.asarray([0]), np.asarray([1]), np.asarray([2])
    >>> _symmetric(one, other, np.asarray([1.2]), np.asarray([1.2])), _symmetric(one, third, np.asarray([1.2]),
    ...                                                                          np.asarray([0.4]))
    (True, False)
    >>> _symmetric(np.asarray([0, 2]), other, np.asarray([1.2, 1.2]), np.asarray([1.2]))
    False
    """
    a, b = set(first.tolist()), set(second.tolist())
    if len(a) != len(b) or a & b:
        return False
    return abs(float(first_votes.sum()) - float(second_votes.sum())) < margin


def _write_back(p: _Problem, state: tuple[Arr, Arr, Arr], cfg: TruthConfig) -> None:
    """Each group's resolution from the arrays; candidates, support and dissent are filled when first read."""
    score, prob, weight = state
    n_k = len(p.k_value)
    d = np.flatnonzero(p.e_direct > 0)
    order = np.argsort(p.e_cand[d], kind="stable")
    d_claim, d_cand = p.e_claim[d][order], p.e_cand[d][order]
    ptr = np.concatenate(([0], np.cumsum(np.bincount(d_cand, minlength=n_k))))
    seg = ptr[:-1]  # every candidate is stated by at least one claim whose interval holds it
    width = np.minimum.reduceat(p.c_high[d_claim] - p.c_low[d_claim], seg)
    res_low = np.maximum.reduceat(p.c_low[d_claim], seg)
    res_high = np.minimum.reduceat(p.c_high[d_claim], seg)
    rounded = np.round(score, 9)
    # Per group, candidates by evidence, then precision (the most precise value first), then value.
    k_order = np.lexsort((p.k_num, width, -rounded, p.k_grp))
    pos = p.k_start  # candidates are numbered group by group, so each group's block starts at k_start
    best = k_order[pos]
    second = k_order[np.minimum(pos + 1, n_k - 1)]
    close = (p.k_count >= 2) & (rounded[best] - rounded[second] < cfg.undecided_margin)
    decided = np.ones(len(p.groups), dtype=bool)
    src = p.c_src
    for gi in np.flatnonzero(close).tolist():
        ks = k_order[pos[gi]:pos[gi] + int(p.k_count[gi])].tolist()
        bk = ks[0]
        backing = set(src[d_claim[ptr[bk]:ptr[bk + 1]]].tolist())
        decided[gi] = not any(float(rounded[bk] - rounded[k]) < cfg.undecided_margin
                              and not set(src[d_claim[ptr[k]:ptr[k + 1]]].tolist()) <= backing for k in ks[1:])
    for gi in np.flatnonzero(decided & (p.k_count >= 2)).tolist():
        ks = k_order[pos[gi]:pos[gi] + 2].tolist()
        first, second = d_claim[ptr[ks[0]]:ptr[ks[0] + 1]], d_claim[ptr[ks[1]]:ptr[ks[1] + 1]]
        decided[gi] = not _symmetric(src[first], src[second], weight[first], weight[second], cfg.undecided_margin)
    if cfg.represent:
        best = _representation(p, best, k_order, weight, d_claim, d_cand, cfg.represent_factor)
    # Independent sources behind each best value: distinct sources of its claims whose vote is mostly their own.
    on_best = (d_cand == best[p.k_grp[d_cand]]) & (p.ind[d_claim] >= 0.5)
    n_src = max(len(p.sources), 1)
    pairs = distinct(p.c_grp[d_claim[on_best]] * n_src + src[d_claim[on_best]])
    independent = np.bincount(pairs // n_src, minlength=len(p.groups)).tolist()
    filler = _Details(p, score, prob, res_low, res_high, k_order, d_claim, ptr, best)
    confidence = prob[best].tolist()
    values = [p.k_value[k] for k in best.tolist()]
    lows, highs = res_low[best].tolist(), res_high[best].tolist()
    for gi, g in enumerate(p.groups):
        g._candidates = g._support = g._dissent = None
        g._lazy = (filler, gi)
        if not decided[gi]:
            g.resolution, g.confidence = "undecided", None
            g.resolved = g.resolved_low = g.resolved_high = None
            g.resolved_text = None
            g.independent = 0
            continue
        g.resolution = "resolved"
        g.confidence = confidence[gi]
        g.independent = independent[gi]
        value = values[gi]
        if isinstance(value, str):
            g.resolved_text = value
        else:
            g.resolved, g.resolved_low, g.resolved_high = float(value), lows[gi], highs[gi]


def _representation(p: _Problem, best: Arr, k_order: Arr, weight: Arr, d_claim: Arr, d_cand: Arr,
                    factor: float) -> Arr:
    """Per group, the value to answer with among those stated by the claims that support the best-supported value
    (the most precise): another of them when it is stated with more than ``factor`` times the votes. Seven sites'
    "33" and one site's "32.7" all hold 32.7 (it lies in every interval), but the answer is 33 as most state it;
    one "$56B" against one "$55.6B" keeps $55.6B."""
    own_votes = np.bincount(p.c_own, weights=weight, minlength=len(p.k_value))
    on_best = d_cand == best[p.k_grp[d_cand]]
    own = np.unique(p.c_own[d_claim[on_best]])
    if not len(own):
        return best
    rank = np.empty(len(k_order), dtype=np.int64)
    rank[k_order] = np.arange(len(k_order))  # evidence, then precision, then value, within each group
    g = p.k_grp[own]
    o = np.lexsort((rank[own], -np.round(own_votes[own], 9), g))
    first = o[np.r_[True, g[o][1:] != g[o][:-1]]]
    top, grp = own[first], g[first]
    switch = own_votes[top] > factor * own_votes[best[grp]] + 1e-9
    out = best.copy()
    out[grp[switch]] = top[switch]
    return out


@dataclass
class _Details:
    """What a group's candidates, support and dissent are read from, when first asked for."""

    p: _Problem
    score: Arr
    prob: Arr
    res_low: Arr
    res_high: Arr
    k_order: Arr
    d_claim: Arr
    ptr: Arr
    best: Arr

    def members(self, k: int) -> list[int]:
        out: list[int] = self.d_claim[self.ptr[k]:self.ptr[k + 1]].tolist()
        return out

    def fill_candidates(self, g: Group, gi: int) -> None:
        """The group's candidates with their evidence (none when it had a single value)."""
        p = self.p
        count = int(p.k_count[gi])
        ks = self.k_order[p.k_start[gi]:p.k_start[gi] + count].tolist() if count > 1 else []
        g.candidates = [_candidate_json(p, k, self.members(k), float(self.score[k]), float(self.prob[k]),
                                        float(self.res_low[k]), float(self.res_high[k])) for k in ks]

    def fill_support(self, g: Group, gi: int) -> None:
        """The group's current claims that state the resolved value, and the others."""
        p = self.p
        bk = int(self.best[gi])
        current = g.current
        if g.resolution != "resolved":
            g.support, g.dissent = [], list(current)
            return
        members = self.members(bk)
        if len(members) == len(current):
            g.support, g.dissent = list(current), []
        else:
            inside = {id(f) for f in p.table.facts(p.rows[members])}
            g.support = [f for f in current if id(f) in inside]
            g.dissent = [f for f in current if id(f) not in inside]


def _candidate_json(p: _Problem, k: int, members: list[int], score: float, prob: float, low: float,
                    high: float) -> dict[str, Any]:
    value = p.k_value[k]
    categorical = isinstance(value, str)
    src = p.c_src[members]
    out: dict[str, Any] = {"value": None if categorical else float(value), "text": value if categorical else None,
                           "evidence": round(score, 4), "probability": round(prob, 4),
                           "sources": len(set(src.tolist())),
                           "independent_sources": len(set(src[p.ind[members] >= 0.5].tolist())),
                           "claims": [p.table.id[r] for r in p.rows[members].tolist()]}
    if not categorical:
        out["low"], out["high"] = low, high
    return out


def aggregate_trust(trust: dict[str, float], facts: FactTable | list[Fact]) -> dict[tuple[str, str], float]:
    """Trust of authors and publishers: the claim-weighted mean of their articles' trust."""
    table = facts if isinstance(facts, FactTable) else FactTable.from_facts(facts)
    sums: dict[tuple[str, str], float] = defaultdict(float)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for kind, column in (("author", table.author), ("publisher", table.publisher)):
        if not any(column):
            continue
        for (source, name), n in Counter(zip(table.source, column, strict=True)).items():
            if name and source in trust:
                sums[(kind, name)] += trust[source] * n
                counts[(kind, name)] += n
    return {k: sums[k] / counts[k] for k in sums}
