"""Truth discovery on synthetic data with planted source reliabilities: claimgraph against majority voting,
TruthFinder, Investment and Sums (the ``truthdiscovery`` package), on the same data in the same run.

Each variable is one company-metric-period with a true value. Each source reports on a random subset of
variables: with probability equal to its reliability it reports the truth (stated at random precision,
"$55.6B" or "$56B", sometimes hedged "about"), otherwise a wrong value (off by 10%, 50% or 10x). Peers see
the stated values as they are written; accuracy is the share of variables resolved within 1% of the truth.

Usage: python -m bench.truth [VARIABLES] [SOURCES]
"""

from __future__ import annotations

import random
import sys
import types
from collections import Counter, defaultdict

from bench.common import table, timed
from claimgraph.analysis.conflicts import AgreementConfig, Fact, analyse_groups
from claimgraph.analysis.truth import resolve


def synthetic(n_vars: int, n_sources: int, seed: int = 3) -> tuple[list[tuple[str, str, float, int, str]], dict]:
    rng = random.Random(seed)
    reliability = {f"s{i}": rng.choice([0.95, 0.9, 0.8, 0.6, 0.4, 0.3]) for i in range(n_sources)}
    truth = {f"v{i}": round(rng.uniform(1, 999), 1) * 1e9 for i in range(n_vars)}
    claims = []
    for var, t in truth.items():
        for s in rng.sample(sorted(reliability), rng.randint(3, 8)):
            if rng.random() < reliability[s]:
                value, decimals = (t, -8) if rng.random() < 0.6 else (round(t / 1e9) * 1e9, -9)
                qualifier = "approximate" if rng.random() < 0.2 else "exact"
            else:
                value, decimals = t * rng.choice([0.9, 1.1, 0.5, 1.5, 10, 0.1]), -8
                value, qualifier = round(value / 1e8) * 1e8, "exact"
            claims.append((s, var, value, decimals, qualifier))
    return claims, truth


def ours(claims: list[tuple[str, str, float, int, str]]) -> dict[str, float]:
    facts = []
    for i, (s, var, value, decimals, qualifier) in enumerate(claims):
        low, high = (value * 0.95, value * 1.05) if qualifier == "approximate" else (value, value)
        stated = f"${value / 1e9:.1f}B" if decimals == -8 else f"${value / 1e9:.0f}B"
        facts.append(Fact(f"c{i}", s, "C", var, "level", low, high, value, decimals, qualifier, "USD", "2025-Q3",
                          "2025-07-01", "2025-09-30", "reported", None, stated=stated))
    groups = analyse_groups(facts, AgreementConfig())
    resolve(groups)
    return {g.metric: g.resolved for g in groups if g.resolved is not None}


def majority(claims: list[tuple[str, str, float, int, str]]) -> dict[str, float]:
    votes: dict[str, Counter[float]] = defaultdict(Counter)
    for _, var, value, _, _ in claims:
        votes[var][value] += 1
    return {var: c.most_common(1)[0][0] for var, c in votes.items()}


def peers(claims: list[tuple[str, str, float, int, str]]) -> dict[str, dict[str, float]]:
    # truthdiscovery imports its plotting backends (pycairo) at package import; the algorithms do not need them.
    for name in ("truthdiscovery.graphs", "truthdiscovery.graphs.animation", "truthdiscovery.graphs.backends"):
        sys.modules.setdefault(name, types.ModuleType(name))
    from truthdiscovery import Dataset, Investment, Sums, TruthFinder

    data = Dataset([(s, var, value) for s, var, value, _, _ in claims], allow_multiple=True)
    out = {}
    for name, algo in (("TruthFinder", TruthFinder()), ("Investment", Investment()), ("Sums", Sums())):
        result = algo.run(data)
        out[name] = {var: max(beliefs.items(), key=lambda kv: kv[1])[0] for var, beliefs in result.belief.items()}
    return out


def accuracy(answers: dict[str, float], truth: dict[str, float]) -> float:
    return sum(1 for v, t in truth.items() if v in answers and abs(answers[v] - t) <= 0.01 * t) / len(truth)


def run(n_vars: int = 2000, n_sources: int = 60) -> str:
    claims, truth = synthetic(n_vars, n_sources)
    rows = []
    for name, fn in (("claimgraph (precision-aware CRH/TruthFinder family)", ours), ("majority voting", majority)):
        answers, seconds = timed(lambda: fn(claims))  # noqa: B023
        rows.append([name, accuracy(answers, truth), seconds])
    try:
        results, seconds = timed(lambda: peers(claims))
        for name, answers in results.items():
            rows.append([f"{name} (truthdiscovery)", accuracy(answers, truth), seconds / 3])
    except Exception as exc:  # the peer package is optional (bench extra)
        rows.append([f"truthdiscovery unavailable ({type(exc).__name__}: {exc})", "-", "-"])
    return (f"Truth discovery on {n_vars} variables, {n_sources} sources, {len(claims)} claims "
            "(planted reliabilities 0.3-0.95; rounding and hedges on true values):\n\n"
            + table(["method", "accuracy (within 1%)", "seconds"], rows))


if __name__ == "__main__":
    args = [int(x) for x in sys.argv[1:]]
    print(run(*args))
