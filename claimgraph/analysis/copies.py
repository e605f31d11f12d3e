"""Copy detection: sources that repeat one another are not independent evidence.

Three signals, strongest first:

* **the same sentence**: two articles state a figure in the same words (a
  syndicated wire copy, a repeat of an item, a re-issue that did not change that
  figure); within that group they count once;
* **the same figure set**: two articles whose figures are the same set (at least
  ``min_figures`` figures, Jaccard ≥ ``min_jaccard``) are copies everywhere;
* **shared mistakes** (Dong, Berti-Equille and Srivastava, "Integrating
  conflicting data: the role of source dependence", VLDB 2009): independent
  sources rarely agree on the same *false* value, so a pair that shares many
  values the analysis believes false, more than their accuracies explain, is
  probably a copier and its source. :func:`dependence` gives that probability
  from the pair's shared true values, shared false values and differences.

:mod:`claimgraph.analysis.truth` discounts a vote by the probability that its
source copied a source already counted for the same value (the paper's
independent vote count).

>>> round(dependence(kt=0.0, kf=5.0, kd=0.0, a1=0.8, a2=0.8, false_values=10), 3)
1.0
>>> round(dependence(kt=5.0, kf=0.0, kd=5.0, a1=0.8, a2=0.8, false_values=10), 3)
0.0
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

from claimgraph.analysis.conflicts import column_codes, distinct

Arr = npt.NDArray[Any]

_SPACE = re.compile(r"\s+")


def quote_key(quote: str) -> str:
    """A sentence normalised for comparison (case, spacing, quotes and dashes ignored).

    >>> quote_key("Net  658,159 vs 299,930") == quote_key("net 658,159 vs 299,930 ")
    True
    """
    q = quote.lower().replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return _SPACE.sub(" ", q).strip()


def figure_set_copies(items: Iterable[tuple[str, tuple[object, ...]]], *, min_figures: int = 3,
                      min_jaccard: float = 0.8, max_holders: int = 50) -> set[tuple[str, str]]:
    """Pairs of sources (sorted) whose figure sets are near-identical.

    ``items`` are (source, figure) pairs, a figure being any hashable description such as
    (company, metric, period, stated value). A figure held by more than ``max_holders`` sources
    says nothing about copying and is not counted as shared. Two sources are copies when they share at least
    ``min_figures`` figures and the Jaccard index of their figure sets is at least ``min_jaccard``.

    >>> items = [(s, (n,)) for s in ("a", "b") for n in range(4)] + [("c", (0,)), ("c", (9,))]
    >>> sorted(figure_set_copies(items))
    [('a', 'b')]
    """
    pairs = list(items)
    src, names = column_codes([s for s, _ in pairs])
    fig, _ = column_codes([f for _, f in pairs])
    return coded_figure_set_copies(src, fig, names, min_figures=min_figures, min_jaccard=min_jaccard,
                                   max_holders=max_holders)


def coded_figure_set_copies(src: Arr, fig: Arr, names: list[str], *, min_figures: int = 3,
                            min_jaccard: float = 0.8, max_holders: int = 50) -> set[tuple[str, str]]:
    """:func:`figure_set_copies` of sources and figures given as numbers (``names`` names the sources).

    Candidate pairs come from a prefix filter (Chaudhuri, Ganti and Kaushik, ICDE 2006): sharing a fraction j of
    the union means sharing at least ``ceil(j·|A|)`` of A's figures, so a copy of A must hold one of A's
    ``|A'| - ceil(j·|A|) + 1`` rarest countable figures; only pairs meeting there are compared.
    """
    if not len(src):
        return set()
    n_fig = int(fig.max()) + 1
    key = distinct(src.astype(np.int64) * n_fig + fig)
    src, fig = key // n_fig, key % n_fig
    size = np.bincount(src, minlength=len(names))  # |S| of every source
    ok = size[src] >= min_figures
    src, fig = src[ok], fig[ok]
    held = np.bincount(fig, minlength=n_fig)  # holders of each figure among the eligible sources
    countable = (held[fig] >= 2) & (held[fig] <= max_holders)
    src, fig = src[countable], fig[countable]
    if not len(src):
        return set()
    rank = np.empty(n_fig, dtype=np.int64)
    rank[np.argsort(held, kind="stable")] = np.arange(n_fig)  # any fixed order works; the rarest first
    order = np.lexsort((rank[fig], src))
    src, fig = src[order], fig[order]
    starts = np.flatnonzero(np.r_[True, src[1:] != src[:-1]])
    lens = np.diff(np.r_[starts, len(src)])
    owner = src[starts]
    need = np.maximum(min_figures, np.ceil(min_jaccard * size[owner] - 1e-9)).astype(np.int64)
    in_prefix = np.arange(len(src)) - np.repeat(starts, lens) < np.repeat(lens - need + 1, lens)
    p_fig, p_src = fig[in_prefix], src[in_prefix]
    o = np.lexsort((p_src, p_fig))
    p_fig, p_src = p_fig[o], p_src[o]
    codes = _pairs_meeting(p_fig, p_src, len(names))
    candidates = zip((codes // len(names)).tolist(), (codes % len(names)).tolist(), strict=True)
    bounds = dict(zip(owner.tolist(), zip(starts.tolist(), (starts + lens).tolist(), strict=True), strict=True))
    figs = fig.tolist()
    sets: dict[int, set[int]] = {}
    out = set()
    for pair in candidates:
        for s in pair:
            if s not in sets:
                lo, hi = bounds[s]
                sets[s] = set(figs[lo:hi])
        n = len(sets[pair[0]] & sets[pair[1]])
        union = int(size[pair[0]]) + int(size[pair[1]]) - n
        if n >= min_figures and n / union >= min_jaccard:
            a_, b_ = names[pair[0]], names[pair[1]]
            out.add((min(a_, b_), max(a_, b_)))
    return out


def _pairs_meeting(fig: Arr, src: Arr, n_src: int, block: int = 4_000_000) -> Arr:
    """Every pair of sources that meet on a figure, as distinct codes ``a * n_src + b`` with ``a < b``; ``fig`` is
    sorted, and ``src`` ascending (and distinct) within each figure. Pairs are made per segment length, all
    segments of one length at once (at most ``block`` pairs per step).

    >>> _pairs_meeting(np.array([0, 0, 0, 1, 1]), np.array([1, 2, 3, 1, 2]), 4).tolist()
    [6, 7, 11]
    """
    if len(fig) < 2:
        return np.empty(0, dtype=np.int64)
    seg = np.flatnonzero(np.r_[True, fig[1:] != fig[:-1]])
    lens = np.diff(np.r_[seg, len(fig)])
    src = src.astype(np.int64)
    parts = [np.empty(0, dtype=np.int64)]
    for length in np.unique(lens[lens >= 2]).tolist():
        i, j = np.triu_indices(length, 1)
        starts = seg[lens == length]
        step = max(1, block // len(i))
        for k in range(0, len(starts), step):
            base = starts[k:k + step, None]
            parts.append(np.unique(src[base + i] * n_src + src[base + j]))
    return np.unique(np.concatenate(parts))


def dependence(*, kt: float, kf: float, kd: float, a1: float, a2: float, false_values: float,
               prior: float = 0.1, copy_rate: float = 0.8) -> float:
    """Probability that two sources are dependent (one copies the other), Dong et al. 2009, both directions.

    ``kt``/``kf`` are the (expected) numbers of shared true/false values, ``kd`` of differing values, ``a1``/``a2``
    the sources' accuracies and ``false_values`` the number of plausible false values per item.
    """
    eps = 1e-9
    a1 = min(max(a1, eps), 1 - eps)
    a2 = min(max(a2, eps), 1 - eps)
    pt = a1 * a2
    pf = (1 - a1) * (1 - a2) / false_values
    pd = max(1 - pt - pf, eps)

    def loglik(a_orig: float) -> float:
        ct = a_orig * copy_rate + pt * (1 - copy_rate)
        cf = (1 - a_orig) * copy_rate + pf * (1 - copy_rate)
        cd = pd * (1 - copy_rate)
        return kt * math.log(ct / pt) + kf * math.log(cf / pf) + kd * math.log(cd / pd)

    l12, l21 = loglik(a1), loglik(a2)
    top = max(l12, l21, 0.0)
    dep = prior / 2 * (math.exp(l12 - top) + math.exp(l21 - top))
    ind = (1 - prior) * math.exp(-top)
    return dep / (dep + ind)


def dependences(*, kt: Arr, kf: Arr, kd: Arr, a1: Arr, a2: Arr, false_values: float, prior: float = 0.1,
                copy_rate: float = 0.8) -> Arr:
    """:func:`dependence` of many pairs at once (arrays of the same length).

    >>> round(float(dependences(kt=np.array([0.0]), kf=np.array([5.0]), kd=np.array([0.0]), a1=np.array([0.8]),
    ...                         a2=np.array([0.8]), false_values=10)[0]), 3)
    1.0
    """
    eps = 1e-9
    a1 = np.clip(a1, eps, 1 - eps)
    a2 = np.clip(a2, eps, 1 - eps)
    pt = a1 * a2
    pf = (1 - a1) * (1 - a2) / false_values
    pd = np.maximum(1 - pt - pf, eps)

    def loglik(a_orig: Arr) -> Arr:
        ct = a_orig * copy_rate + pt * (1 - copy_rate)
        cf = (1 - a_orig) * copy_rate + pf * (1 - copy_rate)
        cd = pd * (1 - copy_rate)
        out: Arr = kt * np.log(ct / pt) + kf * np.log(cf / pf) + kd * np.log(cd / pd)
        return out

    l12, l21 = loglik(a1), loglik(a2)
    top = np.maximum(np.maximum(l12, l21), 0.0)
    dep = prior / 2 * (np.exp(l12 - top) + np.exp(l21 - top))
    ind = (1 - prior) * np.exp(-top)
    result: Arr = dep / (dep + ind)
    return result
