"""Ingest before and after a change, in the same run: whole `claimgraph ingest` processes (2 workers) of the same
synthetic corpus, one per checkout, alternating, each into a new store; CPU seconds of all its processes beside
the wall time and the 1-minute load (on a shared machine the CPU seconds are the figure to compare).

Usage: python -m bench.ingest_ab SIZE BASELINE_CHECKOUT [CHECKOUT] [--rounds N]
(each checkout with its own .venv, e.g. a worktree of main as the baseline; CHECKOUT defaults to this one)
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from bench.common import LAST_CPU, OUT, ab_main, load_average, run_measured, table
from bench.corpus import write_articles


def run(size: int, checkouts: dict[str, Path], rounds: int = 1) -> str:
    corpus = OUT / f"articles-{size}"
    write_articles(size, corpus)
    rows = []
    for _ in range(rounds):
        for name, tree in checkouts.items():
            python = tree / ".venv" / "bin" / "python"
            with tempfile.TemporaryDirectory() as tmp:
                load = load_average()
                wall, rss, proc = run_measured([str(python), "-m", "claimgraph", "ingest", str(corpus), "--store",
                                                f"{tmp}/store", "--workers", "2", "--format", "json"], cwd=tree)
                report = json.loads(proc.stdout.strip().splitlines()[-1])
                rows.append([name, size, report["claims"], wall, LAST_CPU[0], rss,
                             f"{load:.1f} -> {os.getloadavg()[0]:.1f}"])
    return table(["code", "articles", "claims", "seconds", "CPU s (all processes)", "peak RSS MB", "load"], rows)


def main() -> None:
    ab_main(run, __doc__)


if __name__ == "__main__":
    main()
