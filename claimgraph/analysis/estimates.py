"""Estimates against actuals: beat, miss or in line, never a conflict.

Analysts' estimates and consensus figures (modality ``analyst_estimate``) form
their own series (the ``estimate`` modality class) beside the reported figures.
Each estimate is compared with the resolved actual of the same company, metric,
measure, period and unit, at stated precision:

* ``in_line`` when the two intervals share a point ("$1.2 billion" against a
  $1.2 billion consensus);
* otherwise ``beat`` or ``miss`` by the difference (actual minus estimate, and
  in percent of the estimate). Higher is better, except for costs and debt;
* ``undecided`` when the actual itself is undecided.

>>> from claimgraph.analysis.conflicts import Fact, AgreementConfig, analyse_groups
>>> from claimgraph.analysis.truth import resolve
>>> mk = lambda i, v, mod: Fact(i, i, "Acme", "revenue", "level", v, v, v, -8, "exact", "USD", "2025-Q3",
...                             "2025-07-01", "2025-09-30", mod, None, stated=f"${v / 1e9}B")
>>> groups = analyse_groups([mk("a", 5.2e9, "reported"), mk("e", 5.0e9, "analyst_estimate")], AgreementConfig())
>>> _ = resolve(groups)
>>> [(c.outcome, round(c.percent or 0, 1)) for c in compare_estimates(groups)]
[('beat', 4.0)]
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from claimgraph.analysis.conflicts import Fact, Group

LOWER_IS_BETTER = frozenset({"operating_expenses", "interest_expense", "total_debt", "net_debt"})


@dataclass
class EstimateComparison:
    """One estimate against the actual of its period."""

    actual: Group
    estimate: Fact
    outcome: str  # beat | miss | in_line | undecided
    difference: float | None
    percent: float | None

    @property
    def id(self) -> str:
        return hashlib.sha256(f"{self.actual.id}|{self.estimate.id}".encode()).hexdigest()[:24]


def compare_estimates(groups: list[Group]) -> list[EstimateComparison]:
    """Every estimate claim compared with the actual group of its company, metric, measure, period and unit."""
    actuals = {g.key[:6]: g for g in groups if g.modality_class == "actual" and g.end}
    out = []
    for g in groups:
        if g.modality_class != "estimate":
            continue
        actual = actuals.get(g.key[:6])
        if actual is None:
            continue
        for est in g.current:
            out.append(_compare(actual, est))
    return out


def _compare(actual: Group, est: Fact) -> EstimateComparison:
    if actual.resolved is None or actual.resolved_low is None or actual.resolved_high is None:
        return EstimateComparison(actual, est, "undecided", None, None)
    diff = actual.resolved - est.value
    pct = diff / abs(est.value) * 100 if est.value else None
    if actual.resolved_low < est.cmp_high and est.cmp_low < actual.resolved_high:
        return EstimateComparison(actual, est, "in_line", diff, pct)
    above = actual.resolved_low >= est.cmp_high
    better = above != (actual.metric in LOWER_IS_BETTER)
    return EstimateComparison(actual, est, "beat" if better else "miss", diff, pct)
