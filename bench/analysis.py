"""Conflict analysis and resolution at growing sizes: in memory, and round-tripped through the store.

Usage: python -m bench.analysis [SIZES...]   (default 10000 100000 1000000)
"""

from __future__ import annotations

import math
import shutil
import sys
import tempfile
from pathlib import Path

from bench.common import OUT, table, timed
from bench.corpus import claim_rows, write_claims
from claimgraph.analysis.conflicts import AgreementConfig, Fact, analyse_groups
from claimgraph.analysis.crosschecks import cross_checks
from claimgraph.analysis.facts import FactTable
from claimgraph.analysis.truth import resolve
from claimgraph.sources.metrics import load_vocabulary


def facts(n: int, preliminary: int = 0) -> list[Fact]:
    """``n`` claims of :func:`claim_rows`; every ``preliminary``-th one (when set) is a preliminary figure 3% off,
    which the final figures of its group supersede (as corrections and re-issues do)."""
    out = []
    for i, (src, company, metric, period, value, unit) in enumerate(claim_rows(n)):
        v = float(value)
        year, q = period.split("-Q")
        end = {"1": "03-31", "2": "06-30", "3": "09-30", "4": "12-31"}[q]
        modality = "reported"
        if preliminary and i % preliminary == 0:
            v, modality = v * 1.03, "preliminary"
        out.append(Fact(f"c{i}", src, company, metric, "level", v, v, v, -3, "exact", unit, period,
                        f"{year}-01-01", f"{year}-{end}", modality, None, stated=value))
    return out


def fact_table(data: list[Fact]) -> FactTable:
    """``data`` as columns whose facts are not made yet (as the claim index gives them to ``claimgraph analyse``)."""
    return FactTable.from_rows(
        ids=[f.id for f in data], sources=[f.source for f in data], companies=[f.company for f in data],
        metrics=[f.metric for f in data], low=[f.low for f in data], high=[f.high for f in data],
        points=[f.point for f in data], decimals=[f.decimals for f in data], units=[f.unit for f in data],
        stated=[f.stated for f in data], modalities=[f.modality for f in data],
        periods=([f.period_label for f in data], [f.period_start for f in data], [f.period_end for f in data]))


def in_memory(n: int, preliminary: int = 0) -> tuple[float, int]:
    data = fact_table(facts(n, preliminary))

    def run() -> int:
        groups = analyse_groups(data, AgreementConfig())
        resolve(groups)
        cross_checks(groups, load_vocabulary())
        return len(groups)

    groups, seconds = timed(run)
    return seconds, groups


def through_store(n: int) -> tuple[float, float, float]:
    from claimgraph.analysis.analyse import analyse, load_facts
    from claimgraph.graph.importer import import_claims
    from claimgraph.graph.store import open_store

    csv_path = OUT / f"claims-{n}.csv"
    if not csv_path.exists():
        write_claims(n, csv_path)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "s"))
        _, t_import = timed(lambda: import_claims(str(csv_path), store))
        f, t_read = timed(lambda: load_facts(store))
        _, t_analyse = timed(lambda: analyse(store, facts=f))
        store.close()
    return t_import, t_read, t_analyse


PRELIMINARY = 50


def run(sizes: list[int], store_sizes: list[int]) -> str:
    OUT.mkdir(exist_ok=True)
    rows = []
    base = None
    for n in sizes:
        seconds, groups = in_memory(n)
        base = base or seconds / (n * math.log(n))
        with_superseded, _ = in_memory(n, preliminary=PRELIMINARY)
        rows.append([n, groups, seconds, seconds / (base * n * math.log(n)), with_superseded])
    text = ("Analysis + resolution + cross-checks in memory (grouping, interval clusters, truth discovery); the last "
            f"column has every {PRELIMINARY}th claim a preliminary figure that its group's final ones supersede:\n\n"
            + table(["claims", "groups", "seconds", "time / (n log n), relative to the smallest",
                     "seconds, with superseded claims"], rows))
    rows2 = []
    for n in store_sizes:
        t_import, t_read, t_analyse = through_store(n)
        rows2.append([n, t_import, t_read, t_analyse, t_import + t_read + t_analyse])
    text += ("\n\nThrough the embedded Oxigraph store (import-claims, read back with the analysis-input query, "
             "analyse and write the analysis graph):\n\n"
             + table(["claims", "import s", "read s", "analyse+write s", "total s"], rows2))
    shutil.rmtree(OUT / "tmp", ignore_errors=True)
    return text


if __name__ == "__main__":
    sizes = [int(x) for x in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    print(run(sizes, [n for n in sizes if n <= 100_000]))
