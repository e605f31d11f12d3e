"""The command path at the held-out benchmark's size: ``claimgraph import-claims`` of 50k claims into a fresh
embedded store, then ``claimgraph resolve --format json`` and ``claimgraph resolve`` (the table), each a separate
process, timed from outside (wall and CPU seconds).

The claims are :func:`bench.truth.population_like` (about 41k items, 4,000 sources with a long tail), written as
the import CSV (source, subject, metric, period, value). The answers are scored from the JSON a user gets: a
group's ``value`` when resolved, and ``best.value`` (the value the evidence leans to) when undecided. Baselines
measured in the same run: the same claims analysed in memory (no store), and the truthdiscovery package's
TruthFinder and majority vote on them.

Usage: python -m bench.command [N_CLAIMS]
"""

from __future__ import annotations

import csv
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import LAST_CPU, run_measured, table
from bench.truth import Dataset, _peer_answers, accuracy, ours, peer_algorithms, population_like


def write_csv(ds: Dataset, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "subject", "metric", "period", "value"])
        for source, obj, _, stated in ds.rows:
            city, year = obj.split("|")
            w.writerow([source, city, "population", year, stated])


def answers_from_json(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], int]:
    """Each item's answer from ``resolve --format json``: the value, or the best candidate when undecided."""
    out: dict[str, Any] = {}
    undecided = 0
    for r in rows:
        key = f"{r['subject']}|{(r['period'] or {}).get('label')}"
        if r["resolution"] == "resolved":
            out[key] = r["value"]
        elif r.get("best"):
            undecided += 1
            out[key] = r["best"]["value"]
    return out, undecided


def run(n_claims: int = 50_000) -> str:
    ds = population_like(n_items=int(n_claims * 0.82), n_claims=n_claims, n_sources=max(n_claims // 12, 10))
    rows_out: list[list[Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "claims.csv"
        write_csv(ds, path)
        store = str(Path(tmp) / "store")
        cli = [sys.executable, "-m", "claimgraph"]
        t_import, rss_import, proc = run_measured([*cli, "import-claims", str(path), "--store", store])
        if proc.returncode != 0:
            return f"import-claims failed: {proc.stderr.strip()[-300:]}"
        cpu_import = LAST_CPU[0]
        t_resolve, _, done = run_measured([*cli, "resolve", "--store", store, "--format", "json", "--limit", "0"])
        if done.returncode != 0:
            return f"resolve failed: {done.stderr.strip()[-300:]}"
        cpu_resolve = LAST_CPU[0]
        answers, undecided = answers_from_json(json.loads(done.stdout))
        t_table, _, shown = run_measured([*cli, "resolve", "--store", store])
        cpu_table = LAST_CPU[0]
        table_note = f"{shown.stdout.count(chr(10)):,} lines" if shown.returncode == 0 else "failed"
    contested = _contested(ds)
    rows_out.append(["claimgraph import-claims (new store)", t_import, cpu_import, f"{rss_import:.0f} MB", "", "",
                     ""])
    rows_out.append(["claimgraph resolve --format json", t_resolve, cpu_resolve, "", accuracy(answers, ds.gold, 0.0),
                     accuracy(answers, contested, 0.0), f"best candidate taken on {undecided} undecided items"])
    rows_out.append(["claimgraph resolve (table)", t_table, cpu_table, "", "", "", table_note])
    rows = list(ds.rows)
    random.Random(0).shuffle(rows)
    t = time.perf_counter()
    mem, mem_undecided = ours(rows, True, random.Random(0))
    rows_out.append(["baseline: claimgraph in memory (same claims, no store)", time.perf_counter() - t, "", "",
                     accuracy(mem, ds.gold, 0.0), accuracy(mem, contested, 0.0),
                     f"undecided on {mem_undecided} items, random tie-break"])
    try:
        algos = dict(peer_algorithms())
        import truthdiscovery as td

        t = time.perf_counter()
        data = td.Dataset(((s, o, v) for s, o, v, _ in rows), allow_multiple=True)
        build = time.perf_counter() - t
        for name in ("TruthFinder", "MajorityVoting (majority vote)"):
            t1 = time.perf_counter()
            result = algos[name]().run(data)
            peer = _peer_answers(result, random.Random(0))
            rows_out.append([f"baseline: {name} in memory (Dataset build included)",
                             time.perf_counter() - t1 + build, "", "",
                             accuracy(peer, ds.gold, 0.0), accuracy(peer, contested, 0.0), ""])
    except Exception as exc:  # the peer package is optional (bench extra)
        rows_out.append(["baseline: truthdiscovery", "-", "", "", "-", "-", f"unavailable ({exc})"])
    header = ["step", "seconds", "CPU seconds", "peak RSS", f"accuracy ({len(ds.gold)} items)",
              f"on contested items ({len(contested)})", "note"]
    return (f"{len(ds.rows):,} claims on {len(ds.gold):,} items from {len({r[0] for r in ds.rows}):,} sources "
            "(bench.truth.population_like), imported and resolved through the command line; each command is "
            "one process, timed from outside (CPU: user + system of the process and its "
            "children).\n\n" + table(header, [[_fmt(v) for v in r] for r in rows_out]))


def _contested(ds: Dataset) -> dict[str, Any]:
    values: dict[str, set[Any]] = {}
    for _, obj, value, _ in ds.rows:
        values.setdefault(obj, set()).add(value)
    return {k: v for k, v in ds.gold.items() if len(values.get(k, ())) >= 2}


def _fmt(v: Any) -> Any:
    return round(v, 3) if isinstance(v, float) else v


if __name__ == "__main__":
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000))
