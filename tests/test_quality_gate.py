"""The extraction quality gate: precision and recall floors per field, which never go down silently."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.quality.evaluate import FIELDS, corpus_score, sentence_score

FLOORS = Path(__file__).parent / "quality" / "floors.json"


@pytest.mark.parametrize("name", ["corpus", "sentences"])
def test_floors_hold(name: str) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[name]
    score = corpus_score() if name == "corpus" else sentence_score()
    failures = []
    for f in FIELDS:
        for kind in ("precision", "recall"):
            got = score.precision(f) if kind == "precision" else score.recall(f)
            if got < floors[f][kind]:
                failures.append(f"{name} {f} {kind} {got:.3f} < floor {floors[f][kind]}")
    assert not failures, "\n".join(failures + score.misses)


def test_corpus_targets() -> None:
    """At least 95% of the analyst's claims found right, at most 5% of emitted claims wrong."""
    score = corpus_score()
    assert score.recall("claim") >= 0.95
    assert score.precision("claim") >= 0.95


def _floor_values(text: str) -> dict[tuple[str, str, str], float]:
    data = json.loads(text)
    return {(s, f, k): v for s, fields in data.items() if not s.startswith("_") for f, kinds in fields.items()
            for k, v in kinds.items()}


def test_floors_never_lowered() -> None:
    """Compare floors.json with every committed version; a drop needs 'floor-lowered:' in its commit message."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = Path(__file__).resolve().parent.parent
    rel = "tests/quality/floors.json"
    log = subprocess.run(["git", "log", "--format=%H%x00%B%x01", "--", rel], cwd=root, capture_output=True, text=True)
    if log.returncode != 0:
        pytest.skip("not a git checkout")
    current = _floor_values(FLOORS.read_text(encoding="utf-8"))
    history = [e.strip() for e in log.stdout.split("\x01") if e.strip()]
    newer = current
    for entry in history:
        sha, _, message = entry.partition("\x00")
        old_text = subprocess.run(["git", "show", f"{sha}:{rel}"], cwd=root, capture_output=True, text=True).stdout
        if not old_text:
            continue
        old = _floor_values(old_text)
        lowered = [k for k, v in old.items() if k in newer and newer[k] < v]
        assert not lowered or "floor-lowered:" in message, f"floors lowered without a reason: {lowered}"
        newer = old
