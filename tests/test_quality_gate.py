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
    """Every commit that changed floors.json keeps each floor at least where its parent had it (for a merge, the
    highest of its parents), and the working copy keeps HEAD's; a drop needs 'floor-lowered:' in the message of the
    commit that makes it. Each commit is compared with its own parents, not with the commit before it in date
    order: two branches raising different floors, then merged, are no drop."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = Path(__file__).resolve().parent.parent
    rel = "tests/quality/floors.json"
    log = subprocess.run(["git", "log", "--format=%H%x00%P%x00%B%x01", "--", rel], cwd=root, capture_output=True,
                         text=True)
    if log.returncode != 0:
        pytest.skip("not a git checkout")

    def version(rev: str) -> dict[tuple[str, str, str], float] | None:
        text = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=root, capture_output=True, text=True).stdout
        return _floor_values(text) if text else None

    def lowered(new: dict[tuple[str, str, str], float], olds: list[dict[tuple[str, str, str], float]]) -> list[object]:
        return [k for k, v in new.items() if any(k in o for o in olds) and v < max(o[k] for o in olds if k in o)]

    head = version("HEAD")
    if head is not None:
        drop = lowered(_floor_values(FLOORS.read_text(encoding="utf-8")), [head])
        assert not drop, f"floors lowered in the working copy: {drop}"
    for entry in (e.strip() for e in log.stdout.split("\x01") if e.strip()):
        sha, parents, message = entry.split("\x00", 2)
        mine = version(sha)
        olds = [v for p in parents.split() if (v := version(p)) is not None]
        if mine is None or not olds:
            continue
        drop = lowered(mine, olds)
        assert not drop or "floor-lowered:" in message, f"floors lowered without a reason in {sha[:7]}: {drop}"
