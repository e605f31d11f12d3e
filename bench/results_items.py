"""Results items with no claim: issue 12's real-smoke target, counted by kind.

``../shared/tools/real-smoke`` counts every input with no claim (440: 200 wire results items, 100 other wire items,
100 call summaries and 40 saved pages); the issue's target is about results items only ("fewer than 10% of results
items with no claim"). This draws the same sample (same seed, same order of draws) and prints the inputs with no
claim per kind, and the results items among them.

Usage: python -m bench.results_items [--n 300] [--seed 0]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from claimgraph.pipeline import extract_records
from tests.quality.sample import DATA


def _sample(n: int, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """(kind, record) pairs drawn as real-smoke draws them."""
    rng = random.Random(seed)
    with gzip.open(DATA / "reuters21578-dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        reuters = [json.loads(x) for x in fh]
    earn = [r for r in reuters if "earn" in r["topics"]]
    other = [r for r in reuters if "earn" not in r["topics"]]
    out = [("wire results", r) for r in rng.sample(earn, n * 2 // 3)]
    out += [("wire other", r) for r in rng.sample(other, n // 3)]
    with gzip.open(DATA / "ectsum-dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        calls = [json.loads(x) for x in fh]
    for r in rng.sample(calls, n // 3):
        out.append(("call summary", {"id": "ectsum-" + r["id"], "title": f"{r['ticker']} Q{r['quarter']} {r['year']} results",
                                     "text": r["summary"],
                                     "published": f"{r['year']}-{min(12, r['quarter'] * 3 + 1):02d}-15"}))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    sample = _sample(args.n, args.seed)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "sample.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for _, r in sample), encoding="utf-8")
        outs = list(extract_records([str(path)]))
    total, empty = Counter(kind for kind, _ in sample), Counter()
    for (kind, rec), out in zip(sample, outs, strict=True):
        if not out.get("claims"):
            empty[kind] += 1
            if kind != "wire other":
                print(f"  no claim: {kind}: {rec['id']} {str(rec.get('title') or '')[:70]}")
    for kind in total:
        print(f"{kind}: {empty[kind]}/{total[kind]} with no claim")
    results = [k for k in total if k != "wire other"]
    n_empty, n_all = sum(empty[k] for k in results), sum(total[k] for k in results)
    print(f"results items (wire results and call summaries): {n_empty}/{n_all} with no claim "
          f"({n_empty / n_all:.1%}; target < 10%)")


if __name__ == "__main__":
    main()
