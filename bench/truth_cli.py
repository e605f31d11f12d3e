"""``python -m bench.truth --cli``: the truth-discovery sets through the command line, as the owners measure it.

For each set and seed the rows are shuffled exactly as :func:`bench.truth.evaluate` shuffles them, written as an
``import-claims`` CSV (source, subject, metric, period, value, unit), imported into a fresh temporary embedded
store by ``claimgraph import-claims`` and resolved by ``claimgraph resolve --format json``, each a subprocess
timed from outside (wall seconds, and CPU seconds of the child from ``resource.getrusage(RUSAGE_CHILDREN)``).

Mapping: an object ``A|B`` (weather ``ObjectID|PropertyID``, population ``city|year``) is subject ``A`` and metric
``B``; any other object (books' ISBN, synthetic ``v17``) is subject ``object`` with metric ``authors`` for books
and ``value`` otherwise. The period is fixed (``2000``). The value is the text the source stated (``48.0``,
``$55.6B``, ``about $55.6B``, ``Knuth, Donald E.``); categorical sets (books) get unit ``category``, numeric
sets no unit; with ``--untyped`` (``typed=False``) categorical sets get no unit either, as a user's file without a
unit column, and the importer reads each value as a number or a category itself (books: 55 cells are a bare
``0``, read as a number, in the same items as author lists: a mixed item). The answers come back from the JSON: a
resolved group's ``resolved_text`` (categorical, put through the same canonical form as the gold) or ``resolved``;
an undecided group gets a random one of the candidates within ``TruthConfig.undecided_margin`` of the top evidence,
the same rule and the same seed as the in-memory row. Both rows are scored by :func:`bench.truth.accuracy` on the
same gold (report half for the public sets).

Besides accuracy, each CLI row says how many rows the importer skipped, how many groups were undecided, how many
gold items got no answer, and on how many gold items the CLI answer differs from the in-memory one.
"""

from __future__ import annotations

import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.truth import Dataset, Row, accuracy, authors, ours, split_gold
from claimgraph.analysis.truth import TruthConfig

PERIOD = "2000"
_SCRIPT = Path(sys.executable).with_name("claimgraph")
CLAIMGRAPH = [str(_SCRIPT)] if _SCRIPT.exists() else ["claimgraph"]


def subject_metric(obj: str, numeric: bool) -> tuple[str, str]:
    """The import subject and metric of a benchmark object.

    >>> subject_metric("Chicago|temp", True), subject_metric("0201633612", False), subject_metric("v3", True)
    (('Chicago', 'temp'), ('0201633612', 'authors'), ('v3', 'value'))
    """
    if "|" in obj:
        subject, metric = obj.split("|", 1)
        return subject, metric
    return obj, "value" if numeric else "authors"


def write_claims(rows: list[Row], numeric: bool, path: Path, *, typed: bool = True) -> None:
    """The rows, in their (shuffled) order, as an import-claims CSV (with ``typed``, a categorical set's rows say
    unit ``category``; without, no row has a unit and the importer tells words from numbers itself)."""
    unit = "" if numeric or not typed else "category"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "subject", "metric", "period", "value", "unit"])
        for source, obj, _, stated in rows:
            subject, metric = subject_metric(obj, numeric)
            w.writerow([source, subject, metric, PERIOD, stated, unit])


def run_child(cmd: list[str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run one command; its wall seconds and CPU seconds (user + system of it and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def answers_from_json(groups: list[dict[str, Any]], ds: Dataset, rng: random.Random, margin: float
                      ) -> tuple[dict[str, Any], int]:
    """Each object's answer from ``resolve --format json`` and the number of undecided groups."""
    keys = {subject_metric(obj, ds.numeric): obj for _, obj, _, _ in ds.rows}
    out: dict[str, Any] = {}
    undecided = 0
    for g in groups:
        obj = keys.get((str(g.get("subject")), str(g.get("metric"))))
        if obj is None:
            continue
        if g.get("resolution") == "resolved":
            out[obj] = _value(g.get("resolved_text"), g.get("resolved"), ds.numeric)
        elif g.get("resolution") == "undecided" and g.get("candidates"):
            undecided += 1
            top = g["candidates"][0]["evidence"]
            tied = [c for c in g["candidates"] if top - c["evidence"] < margin]
            pick = rng.choice(tied)
            out[obj] = _value(pick.get("text"), pick.get("value"), ds.numeric)
    return out, undecided


def _value(text: Any, value: Any, numeric: bool) -> Any:
    if numeric:
        return None if value is None else float(value)
    return None if text is None else authors(str(text))


def _skipped(stderr: str) -> int:
    """Rows the importer reported as skipped (one ``skipped:`` line each)."""
    return sum(1 for line in stderr.splitlines() if line.lstrip().startswith("skipped"))


def _differs(a: dict[str, Any], b: dict[str, Any], gold: dict[str, Any], tolerance: float) -> int:
    n = 0
    for k, truth in gold.items():
        x, y = a.get(k), b.get(k)
        if x is None or y is None:
            n += (x is None) != (y is None)
        elif isinstance(truth, float):
            n += abs(float(x) - float(y)) > tolerance * abs(truth) + 1e-9
        else:
            n += x != y
    return n


def evaluate_cli(ds: Dataset, seeds: int, part: str, *, typed: bool = True) -> list[list[Any]]:
    """The in-memory claimgraph row and the command-line row on the same shuffles and the same gold (``typed``:
    see :func:`write_claims`)."""
    gold = split_gold(ds.gold, part) if not ds.name.startswith("synthetic") else ds.gold
    values: dict[str, set[Any]] = defaultdict(set)
    for _, obj, value, _ in ds.rows:
        values[obj].add(value)
    contested = {k: v for k, v in gold.items() if len(values.get(k, ())) >= 2}
    margin = TruthConfig().undecided_margin
    mem: dict[str, list[float]] = defaultdict(list)
    cli: dict[str, list[float]] = defaultdict(list)
    for seed in range(seeds):
        rng = random.Random(seed)
        rows = list(ds.rows)
        rng.shuffle(rows)
        t = time.perf_counter()
        mem_answers, mem_undecided = ours(rows, ds.numeric, random.Random(seed))
        mem["seconds"].append(time.perf_counter() - t)
        mem["acc"].append(accuracy(mem_answers, gold, ds.tolerance))
        mem["hard"].append(accuracy(mem_answers, contested, ds.tolerance))
        mem["undecided"].append(mem_undecided)
        with tempfile.TemporaryDirectory(prefix="truth-cli-") as tmp:
            claims = Path(tmp) / "claims.csv"
            store = str(Path(tmp) / "store")
            write_claims(rows, ds.numeric, claims, typed=typed)
            w_imp, c_imp, imp = run_child([*CLAIMGRAPH, "import-claims", str(claims), "--store", store])
            if imp.returncode != 0:
                raise RuntimeError(f"import-claims failed on {ds.name}: {imp.stderr.strip()[-500:]}")
            w_res, c_res, res = run_child([*CLAIMGRAPH, "resolve", "--format", "json", "--limit", "0", "--store", store])
            if res.returncode != 0:
                raise RuntimeError(f"resolve failed on {ds.name}: {res.stderr.strip()[-500:]}")
        cli_answers, cli_undecided = answers_from_json(json.loads(res.stdout), ds, random.Random(seed), margin)
        cli["acc"].append(accuracy(cli_answers, gold, ds.tolerance))
        cli["hard"].append(accuracy(cli_answers, contested, ds.tolerance))
        cli["undecided"].append(cli_undecided)
        cli["import wall"].append(w_imp)
        cli["import cpu"].append(c_imp)
        cli["resolve wall"].append(w_res)
        cli["resolve cpu"].append(c_res)
        cli["skipped"].append(_skipped(imp.stderr))
        cli["unanswered"].append(sum(1 for k in gold if k not in cli_answers))
        cli["differs"].append(_differs(cli_answers, mem_answers, gold, ds.tolerance))
        print(f"[{ds.name} seed {seed}] {imp.stderr.strip().splitlines()[-1] if imp.stderr.strip() else ''}"
              f" | {imp.stdout.strip().splitlines()[-1] if imp.stdout.strip() else ''}", file=sys.stderr)
    n_items = len({r[1] for r in ds.rows})
    gold_label = f"{len(gold)} ({len(contested)})"
    mean = _mean
    return [
        [ds.name, len(ds.rows), gold_label, "claimgraph in memory (bench.truth.ours)", mean(mem["acc"]),
         mean(mem["hard"]), mean(mem["seconds"]), "-", "-",
         f"undecided on {mean(mem['undecided']):.0f} of {n_items} items"],
        [ds.name, len(ds.rows), gold_label, "claimgraph CLI (import-claims + resolve --format json)"
         + ("" if typed or ds.numeric else ", no unit column"), mean(cli["acc"]),
         mean(cli["hard"]), f"{mean(cli['import wall']):.1f} + {mean(cli['resolve wall']):.1f}",
         f"{mean(cli['import cpu']):.1f} + {mean(cli['resolve cpu']):.1f}", f"{mean(cli['skipped']):.0f}",
         f"undecided on {mean(cli['undecided']):.0f}; no answer on {mean(cli['unanswered']):.0f} gold items; "
         f"answer differs from in-memory on {mean(cli['differs']):.0f} gold items"],
    ]


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


HEADER = ["set", "claims", "gold items (contested)", "path", "accuracy", "on contested", "wall s (import + resolve)",
          "CPU s (import + resolve)", "rows skipped by import", "note"]
