"""Import before and after a change, in the same run: whole `claimgraph import-claims` processes of the same
synthetic claims CSV (`bench/corpus.py`), one per checkout, alternating, each into a new embedded store; CPU
seconds of the process (all its threads) beside the wall time, the peak RSS and the 1-minute load (on a shared
machine the CPU seconds are the figure to compare). The import is the whole write: RDF, claim index, analysis of
every touched company and trust learned (imported, analysed and resolved).

Usage: python -m bench.import_ab SIZE BASELINE_CHECKOUT [CHECKOUT] [--rounds N]
(each checkout with its own .venv, e.g. a worktree of main as the baseline; CHECKOUT defaults to this one)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench.common import LAST_CPU, OUT, ab_main, load_average, run_measured, table
from bench.corpus import write_claims


def run(size: int, checkouts: dict[str, Path], rounds: int = 1) -> str:
    csv_path = OUT / f"claims-{size}.csv"
    if not csv_path.exists():
        write_claims(size, csv_path)
    rows = []
    for _ in range(rounds):
        for name, tree in checkouts.items():
            python = tree / ".venv" / "bin" / "python"
            with tempfile.TemporaryDirectory() as tmp:
                load = load_average()
                wall, rss, proc = run_measured([str(python), "-m", "claimgraph", "import-claims", str(csv_path),
                                                "--store", f"{tmp}/store"], cwd=tree)
                if proc.returncode:
                    raise SystemExit(f"{name}: import-claims failed: {proc.stderr.strip()[-500:]}")
                rows.append([name, size, wall, LAST_CPU[0], rss, f"{load:.1f} -> {os.getloadavg()[0]:.1f}"])
                print(rows[-1], flush=True)
    return table(["code", "claims", "seconds", "CPU s", "peak RSS MB", "load"], rows)


def main() -> None:
    ab_main(run, __doc__)


if __name__ == "__main__":
    main()
