"""``bench.truth --cli`` maps benchmark rows to an import CSV and the resolve JSON back to benchmark objects.

A tiny numeric set and a tiny categorical set go through the real ``claimgraph import-claims`` and
``claimgraph resolve --format json`` subprocesses; the answers must land on the right objects with the values
most sources state, the one-against-one item must come back undecided, and no row may be skipped.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _through_cli(ds: object, tmp_path: Path) -> tuple[dict[str, object], int, str]:
    from bench.truth_cli import CLAIMGRAPH, answers_from_json, run_child, write_claims

    claims, store = tmp_path / "claims.csv", str(tmp_path / "store")
    write_claims(ds.rows, ds.numeric, claims)  # type: ignore[attr-defined]
    _, _, imp = run_child([*CLAIMGRAPH, "import-claims", str(claims), "--store", store])
    assert imp.returncode == 0, imp.stderr
    _, cpu, res = run_child([*CLAIMGRAPH, "resolve", "--format", "json", "--limit", "0", "--store", store])
    assert res.returncode == 0, res.stderr
    assert cpu > 0
    answers, undecided = answers_from_json(json.loads(res.stdout), ds, random.Random(0), 0.05)  # type: ignore[arg-type]
    return answers, undecided, imp.stderr


@pytest.mark.slow
def test_numeric_rows_come_back_on_their_objects(tmp_path: Path) -> None:
    from bench.truth import Dataset

    rows = [("msn", "sanjose|Temperature", 48.0, "48"), ("wund", "sanjose|Temperature", 48.0, "48.0"),
            ("acc", "sanjose|Temperature", 50.0, "50"), ("msn", "sanjose|Humidity", 87.0, "87"),
            ("wund", "sanjose|Humidity", 87.0, "87"), ("acc", "sanjose|Humidity", -3.0, "-3"),
            ("msn", "boston|Pressure", 30.1, "30.1"), ("acc", "boston|Pressure", 29.9, "29.9"),
            ("x", "dallas|Pressure", 30.0, "30.0"), ("y", "dallas|Pressure", 31.0, "31.0")]
    ds = Dataset("t", rows, {}, numeric=True)
    answers, undecided, stderr = _through_cli(ds, tmp_path)
    assert "skipped" not in stderr
    assert answers["sanjose|Temperature"] == 48.0
    assert answers["sanjose|Humidity"] == 87.0
    assert answers["boston|Pressure"] in (30.1, 29.9)
    assert answers["dallas|Pressure"] in (30.0, 31.0)  # one against one: undecided, a random one of the two
    assert undecided == 1


@pytest.mark.slow
def test_categorical_rows_are_scored_by_their_canonical_text(tmp_path: Path) -> None:
    from bench.truth import Dataset, authors

    rows = [("a", "0201", authors("Knuth, Donald E."), "Knuth, Donald E."),
            ("b", "0201", authors("Donald E. Knuth"), "Donald E. Knuth"),
            ("c", "0201", authors("Someone Else"), "Someone Else"),
            ("a", "0202", authors("Lacroix, Zoe 2nd ed."), "Lacroix, Zoe 2nd ed."),
            ("b", "0202", authors("Zoe Lacroix 2nd ed."), "Zoe Lacroix 2nd ed.")]
    ds = Dataset("t", rows, {}, numeric=False)
    answers, _, stderr = _through_cli(ds, tmp_path)
    assert "skipped" not in stderr
    assert answers["0201"] == authors("Knuth, Donald E.")
    assert answers["0202"] == authors("Zoe Lacroix 2nd ed.")
