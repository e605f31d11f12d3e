"""Where claimgraph's resolution loses against a peer, item by item (bench/truth.py's sets and shuffles).

For one shuffle of a set, claimgraph and a peer of the ``truthdiscovery`` package answer every item; the gold
items where exactly one of them is right are counted by the item's shape: how many sources state it, how many
distinct values, whether claimgraph was undecided (a random tie-break), whether the right value is the one most
sources state, and whether the two answers are nested (one lies in the other's interval at stated precision).
Used on the **tune** half and synthetic seeds ≥ 100 only (see NOTES.md).

Usage: python -m bench.truth_losses [--only weather,books,synthetic,population,population-volume]
    [--peer TruthFinder] [--seed 0] [--split tune] [--examples 5]
"""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from typing import Any

from bench.truth import (
    Dataset,
    _extract,
    _peer_answers,
    books,
    ours,
    peer_algorithms,
    population_like,
    split_gold,
    synthetic,
    weather,
)


def _right(answer: Any, truth: Any, tolerance: float) -> bool:
    if answer is None:
        return False
    if isinstance(truth, float):
        return abs(float(answer) - truth) <= tolerance * abs(truth) + 1e-9
    return bool(answer == truth)


def _shape(item: str, claims: list[tuple[str, Any]], truth: Any, tolerance: float) -> str:
    sources = len({s for s, _ in claims})
    votes = Counter(v for _, v in claims)
    distinct = len(votes)
    top = max(votes.values())
    right_votes = sum(n for v, n in votes.items() if _right(v, truth, tolerance))
    if right_votes == 0:
        majority = "gold stated by nobody"
    elif right_votes == top and sum(1 for n in votes.values() if n == top) == 1:
        majority = "gold is the plurality"
    elif right_votes == top:
        majority = "gold tied for plurality"
    else:
        majority = "gold is a minority"
    size = "1v1" if sources == 2 and distinct == 2 else f"{min(sources, 6)}{'+' if sources >= 6 else ''} sources"
    return f"{size}, {min(distinct, 4)}{'+' if distinct >= 4 else ''} values, {majority}"


def compare(ds: Dataset, peer: str, seed: int, part: str, examples: int) -> str:
    gold = split_gold(ds.gold, part) if not ds.name.startswith("synthetic") else ds.gold
    rows = list(ds.rows)
    random.Random(seed).shuffle(rows)
    mine, _ = ours(rows, ds.numeric, random.Random(seed))
    undecided = _undecided(rows, ds.numeric, seed)
    algos = dict(peer_algorithms())  # imports the package with its plotting backends stubbed
    import truthdiscovery as td

    data = td.Dataset(((s, o, v) for s, o, v, _ in rows), allow_multiple=True)
    theirs = _peer_answers(algos[peer]().run(data), random.Random(seed))
    claims: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for s, o, v, _ in rows:
        claims[o].append((s, v))
    lost: Counter[str] = Counter()
    won: Counter[str] = Counter()
    both_wrong: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    n_mine = n_theirs = 0
    for item, truth in gold.items():
        a, b = _right(mine.get(item), truth, ds.tolerance), _right(theirs.get(item), truth, ds.tolerance)
        n_mine += a
        n_theirs += b
        if a == b and a:
            continue
        shape = _shape(item, claims[item], truth, ds.tolerance) + (" [undecided]" if item in undecided else "")
        target = lost if b else won if a else both_wrong
        target[shape] += 1
        if b and len(shown[shape]) < examples:
            said = ", ".join(f"{s}={v}" for s, v in sorted(claims[item], key=str)[:8])
            shown[shape].append(f"      {item}: gold {truth}, ours {mine.get(item)}, {peer} {theirs.get(item)}; {said}")
    out = [f"{ds.name}: {len(gold)} gold items; claimgraph {n_mine / len(gold):.4f}, {peer} {n_theirs / len(gold):.4f}"
           f" (shuffle {seed}, {part} half)",
           f"  lost (peer right, claimgraph wrong): {sum(lost.values())}; won: {sum(won.values())}; "
           f"both wrong: {sum(both_wrong.values())}"]
    for shape in sorted(set(lost) | set(won), key=lambda s: -(lost[s] - won[s])):
        out.append(f"    {shape}: lost {lost[shape]}, won {won[shape]}, both wrong {both_wrong[shape]}")
        out += shown.get(shape, [])
    return "\n".join(out)


def _undecided(rows: list[Any], numeric: bool, seed: int) -> set[str]:
    from bench.truth import facts_from_rows
    from claimgraph.analysis.analyse import analyse_facts

    return {g.company for g in analyse_facts(facts_from_rows(rows, numeric)).groups if g.resolution == "undecided"}


def main(argv: list[str]) -> None:
    opts = {"only": "weather,books,synthetic,population", "peer": "TruthFinder", "seed": "0", "split": "tune",
            "examples": "3"}
    it = iter(argv)
    for a in it:
        opts[a.lstrip("-")] = next(it)
    root = _extract()
    sets: list[Dataset] = []
    only = opts["only"].split(",")
    if root is not None and "weather" in only:
        sets.append(weather(root))
    if root is not None and "books" in only:
        sets.append(books(root))
    if "synthetic" in only:
        sets.append(synthetic(seed=101))
    if "population" in only:
        sets.append(population_like(seed=105))
    if "population-volume" in only:
        sets.append(population_like(seed=105, volume_reliability=True))
    for ds in sets:
        print(compare(ds, opts["peer"], int(opts["seed"]), opts["split"], int(opts["examples"])), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
