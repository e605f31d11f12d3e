"""Statistical copy detection (Dong, Berti-Equille and Srivastava 2009): dependence comes from shared false values.

Planted copiers must be found; independent sources must not be paired, in particular not for sharing a rounded
statement of a true value ("$56B" when $55.6B is true)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from bench.truth import facts_from_rows, population_like, synthetic, synthetic_copiers
from claimgraph.analysis import truth as truth_module
from claimgraph.analysis.analyse import analyse_facts
from claimgraph.analysis.conflicts import AgreementConfig, Fact, analyse_groups


@pytest.fixture
def found(monkeypatch: pytest.MonkeyPatch) -> list[set[tuple[str, str]]]:
    """Every pair of sources the statistical detection reports, per resolution."""
    seen: list[set[tuple[str, str]]] = []
    original = truth_module._statistical_copies

    def spy(p: Any, acc: Any, prob: Any, cfg: Any) -> dict[tuple[int, int], float]:
        out = original(p, acc, prob, cfg)
        seen.append({tuple(sorted((p.sources[a], p.sources[b]))) for a, b in out})  # type: ignore[misc]
        return out

    monkeypatch.setattr(truth_module, "_statistical_copies", spy)
    return seen


def _pairs(rows: list[Any], found: list[set[tuple[str, str]]]) -> set[tuple[str, str]]:
    found.clear()
    rows = list(rows)
    random.Random(0).shuffle(rows)
    analyse_facts(facts_from_rows(rows, True))
    return set().union(*found) if found else set()


def test_planted_copiers_are_found(found: list[set[tuple[str, str]]]) -> None:
    ds = synthetic_copiers(seed=11)
    planted = {tuple(sorted(p)) for p in ds.copies}
    pairs = _pairs(ds.rows, found)
    assert len(pairs & planted) >= 12, f"found {len(pairs & planted)} of {len(planted)} planted copiers"
    # Pairs of copiers of one original are dependent too; anything else is spurious and must stay rare.
    original = dict(ds.copies)
    spurious = {(a, b) for a, b in pairs - planted if not (a in original and original.get(b) == original[a])}
    assert len(spurious) <= len(pairs & planted) // 2, sorted(spurious)


@pytest.mark.parametrize("seed", [11, 12])
def test_independent_sources_are_not_paired(seed: int, found: list[set[tuple[str, str]]]) -> None:
    assert _pairs(population_like(n_items=8_000, n_claims=10_000, n_sources=800, seed=seed).rows, found) == set()
    assert len(_pairs(synthetic(seed=seed).rows, found)) <= 8


def test_a_shared_rounded_true_value_is_not_a_shared_mistake(found: list[set[tuple[str, str]]]) -> None:
    facts = []
    for n in range(6):
        truth = (10 + n) * 1e9 + 0.4e9  # "$10.4B": "$10B" rounds it, its interval holds the truth
        for src, value, stated, d in (("a", round(truth, -9), "$10B", -9), ("b", round(truth, -9), "$10B", -9),
                                      ("c", truth, "$10.4B", -8), ("d", truth, "$10.4B", -8),
                                      ("e", truth, "$10.4B", -8)):
            facts.append(Fact(f"{src}{n}", src, f"Co{n}", "revenue", "level", value, value, value, d,
                              "exact", "USD", "FY2025", "2025-01-01", "2025-12-31", "reported", None, stated=stated))
    groups = analyse_groups(facts, AgreementConfig(truncation=False))
    found.clear()
    truth_module.resolve(groups)
    assert ("a", "b") not in set().union(*found)
    assert all(g.resolved is not None and g.resolved % 1e9 for g in groups), "the precise value is the answer"


def test_pairs_meeting_on_a_figure_are_every_pair_of_its_holders() -> None:
    """The vectorised candidate pairs of the figure-set prefix filter equal the pairs a double loop makes, in any
    block size (random figure lists, sorted as the filter sorts them)."""
    import numpy as np

    from claimgraph.analysis.copies import _pairs_meeting

    rng = np.random.default_rng(1)
    for _ in range(100):
        n_src = int(rng.integers(2, 60))
        key = np.unique(rng.integers(0, n_src, 300) * 1000 + rng.integers(0, 40, 300))
        src, fig = key // 1000, key % 1000
        order = np.lexsort((src, fig))
        fig, src = fig[order], src[order]
        loop = set()
        for f in set(fig.tolist()):
            holders = src[fig == f].tolist()
            loop |= {(a, b) for i, a in enumerate(holders) for b in holders[i + 1:]}
        codes = _pairs_meeting(fig, src, n_src, block=int(rng.integers(1, 50)))
        assert set(zip((codes // n_src).tolist(), (codes % n_src).tolist(), strict=True)) == loop
