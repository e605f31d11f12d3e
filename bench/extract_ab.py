"""Extraction speed A/B: this checkout against another one (a worktree of main), in alternating processes.

Each round runs the same timing in a fresh process per checkout, one after the other: ``N`` synthetic articles
and ``N`` real 5 KB transcript passages (as :mod:`bench.extract` reads them), read + extract, the fastest of
``R`` passes by CPU time, in articles per CPU second; the 1-minute load average is printed with each line. On a
shared machine compare the best of each column, not single rounds.

The last column times the first ``N`` real passages in which a company is found (by the checkout's own
extraction): most untitled transcript passages name none, give no claim and are read for their quantities only
(since issue12s8), so the column of all real passages mostly measures those; articles, which name their company,
are like this one.

Usage: python -m bench.extract_ab OTHER_CHECKOUT [N] [R] [ROUNDS]
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_TIMING = """
import sys, time
sys.path.insert(0, ".")
from bench.corpus import article
from bench.extract import _real_texts
from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def cpu(texts):
    start = time.process_time()
    for t in texts:
        extract(text_document(t, "bench", Metadata()))
    return time.process_time() - start


n, r = int(sys.argv[1]), int(sys.argv[2])
rates = []


def named(n):  # (picked after the other two are timed, so that they are timed as before)
    return [t for t in _real_texts(4 * n) if extract(text_document(t, "pick", Metadata())).main_company is not None][:n]


for texts in ([article(i) for i in range(n)], _real_texts(n), named):
    texts = texts(n) if callable(texts) else texts
    if texts:
        extract(text_document(texts[0], "warm-up", Metadata()))
        rates.append(f"{len(texts) / min(cpu(texts) for _ in range(r)):.0f}")
    else:
        rates.append("-")
print(" ".join(rates))
"""


def _rates(checkout: Path, n: int, r: int) -> str:
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(checkout))
    done = subprocess.run([sys.executable, "-c", _TIMING, str(n), str(r)], cwd=checkout, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def run(other: Path, n: int = 300, r: int = 3, rounds: int = 3) -> str:
    here = Path(__file__).resolve().parents[1]
    lines = ["round  checkout                      load  synthetic/CPU-s  real/CPU-s  real, a company/CPU-s"]
    for k in range(1, rounds + 1):
        for label, path in (("other", other), ("this", here)):
            load = os.getloadavg()[0]
            syn, real, named = _rates(path, n, r).split()
            lines.append(f"{k:5d}  {label}: {str(path)[-22:]:22s}  {load:4.1f}  {syn:>15s}  {real:>10s}  {named:>21s}")
    return "\n".join(lines)


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args:
        sys.exit("usage: python -m bench.extract_ab OTHER_CHECKOUT [N] [R] [ROUNDS]")
    print(run(Path(args[0]).resolve(), *(int(a) for a in args[1:4])))
