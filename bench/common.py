"""Shared helpers for the benchmark scripts: timing, memory, machine description, tables."""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
OUT = Path(__file__).parent / "out"


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_measured(cmd: Sequence[str], **kw: Any) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run a command; return wall seconds and the peak RSS (MB) of it and its children (the largest single
    process). The CPU seconds of the command and all its processes (user + system) are kept in
    ``LAST_CPU[0]``: on a shared machine they say what the wall time would be without contention."""
    wrapper = [sys.executable, "-c", (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "p = subprocess.run(sys.argv[1:]); dt = time.perf_counter() - t; "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); r = u.ru_maxrss / 1024; c = u.ru_utime + u.ru_stime; "
        "print(f'@@ {dt} {r} {c}', file=sys.stderr); sys.exit(p.returncode)"), *cmd]
    proc = subprocess.run(wrapper, capture_output=True, text=True, **kw)
    line = [x for x in proc.stderr.splitlines() if x.startswith("@@ ")][-1]
    _, wall, rss, cpu = line.split()
    LAST_CPU[0] = float(cpu)
    return float(wall), float(rss), proc


LAST_CPU = [0.0]


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import pyoxigraph
    import rdflib

    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, rdflib {rdflib.__version__}, pyoxigraph {pyoxigraph.__version__}")


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    def fmt(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:,.2f}" if abs(v) < 1000 else f"{v:,.0f}"
        return str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def load_average() -> float:
    """The 1-minute load average (2 cores shared with other jobs: above 2, timings are inflated)."""
    return os.getloadavg()[0]


def ab_main(run: Callable[[int, dict[str, Path], int], str], doc: str | None) -> None:
    """The command line of an A/B bench: ``SIZE BASELINE_CHECKOUT [CHECKOUT] [--rounds N]`` (CHECKOUT defaults to
    this one); prints ``run(size, {"baseline": ..., "this": ...}, rounds)``."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0] if doc else None)
    parser.add_argument("size", type=int)
    parser.add_argument("baseline", type=Path)
    parser.add_argument("checkout", type=Path, nargs="?", default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    print(run(args.size, {"baseline": args.baseline.resolve(), "this": args.checkout.resolve()}, args.rounds))
