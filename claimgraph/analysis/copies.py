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
from collections import defaultdict
from collections.abc import Iterable

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
    says nothing about copying and is skipped (it also keeps this linear in practice).

    >>> items = [(s, (n,)) for s in ("a", "b") for n in range(4)] + [("c", (0,)), ("c", (9,))]
    >>> sorted(figure_set_copies(items))
    [('a', 'b')]
    """
    figures: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    for source, fig in items:
        figures[source].add(fig)
    holders: dict[tuple[object, ...], list[str]] = defaultdict(list)
    for source, figs in figures.items():
        if len(figs) >= min_figures:
            for fig in figs:
                holders[fig].append(source)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for srcs in holders.values():
        if len(srcs) < 2 or len(srcs) > max_holders:
            continue
        srcs.sort()
        for i, a in enumerate(srcs):
            for b in srcs[i + 1:]:
                shared[(a, b)] += 1
    out = set()
    for (a, b), n in shared.items():
        union = len(figures[a]) + len(figures[b]) - n
        if n >= min_figures and n / union >= min_jaccard:
            out.add((a, b))
    return out


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
