"""Run every benchmark, print the tables, and write bench/results.md.

Usage: python -m bench.report [--quick]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bench import (
    analysis,
    command,
    engines,
    extract,
    index_choice,
    ingest,
    metadata,
    quads,
    queries,
    scale,
    truth,
    verdicts,
    view,
)
from bench.common import machine


def main(quick: bool = False) -> None:
    sections = [
        ("Extraction against quantulum3", lambda: extract.run(300)),
        ("Page metadata against trafilatura alone", metadata.run),
        ("Ingest throughput: Oxigraph and rdflib Memory", lambda: ingest.run([100, 1000] if quick else [100, 1000, 10_000])),
        ("Conflict analysis and resolution", lambda: analysis.run(
            [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000], [10_000] if quick else [10_000, 100_000])),
        ("Bundled query latency", lambda: queries.run(10_000 if quick else 100_000)),
        ("Graph view", lambda: view.run([50, 1000] if quick else [50, 1000, 50_000])),
        ("View of a 50k-claim store", lambda: view.run_store(10_000 if quick else 50_000)),
        ("Truth discovery against peers", lambda: truth.run(seeds=1 if quick else 3)),
        ("import-claims then resolve at the held-out benchmark's size", lambda: command.run(10_000 if quick else 50_000)),
        ("Verdicts on real multi-article clusters, end to end", verdicts.run),
        ("Issue 15 targets: analysis kept, claim index, bundled queries at scale",
         lambda: scale.run([10_000, 100_000] if quick else [10_000, 100_000, 1_000_000])),
        ("Claim index: DuckDB against Parquet with polars", lambda: index_choice.run(100_000 if quick else 1_000_000)),
        ("Quads per claim", quads.run),
        ("Distributed extraction: Dask against Ray", lambda: engines.run(1000 if quick else 2000)),
    ]
    parts = [f"# Benchmark results\n\nMachine: {machine()}.\nRun: {dt.date.today().isoformat()} with "
             f"`bash bench/run{' --quick' if quick else ''}`.\n"]
    for title, fn in sections:
        print(f"== {title}", flush=True)
        text = fn()
        print(text, flush=True)
        parts.append(f"## {title}\n\n{text}\n")
    notes = Path(__file__).parent / "NOTES.md"
    if notes.exists():
        parts.append(notes.read_text(encoding="utf-8"))
    (Path(__file__).parent / "results.md").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
