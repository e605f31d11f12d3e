"""The quality gate on real text: claims and quantities scored on the test splits of the real gold.

The test splits are scored, never tuned on (tests/quality/README.md). Floors live in tests/quality/floors.json
and only go up (tests/test_quality_gate.py::test_floors_never_lowered).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.quality import sample

FLOORS = json.loads((Path(__file__).parent / "quality" / "floors.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.skipif(not sample.available(), reason="../shared/data (the real development text) is missing")


def _check(got: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    return [f"{field} {kind} {got[field][kind]:.3f} < floor {floor}" for field, kinds in floors.items()
            for kind, floor in kinds.items() if got[field][kind] < floor]


def test_claims_on_the_test_split() -> None:
    from tests.quality.real_eval import load_gold, score

    table = score(load_gold(split="test")).table()
    failures = _check(table, FLOORS["real_claims_test"])
    assert not failures, "\n".join(failures) + "\n" + json.dumps(table, indent=1)


def test_quantities_on_the_test_split() -> None:
    from tests.quality.quantity_eval import score

    got = {"money_and_percent": score("test")}
    failures = _check(got, FLOORS["quantities_test"])  # type: ignore[arg-type]
    assert not failures, "\n".join(failures)


def test_results_items_give_claims() -> None:
    """Every wire results item of the gold gives at least one classified claim."""
    import tempfile

    from tests.quality.real_eval import extract_item, load_gold

    items = [r for r in load_gold() if r["kind"] == "wire-earn"]
    with tempfile.TemporaryDirectory() as d:
        empty = [r["id"] for r in items
                 if not [c for c in extract_item(sample.item_by_id(r["id"]), Path(d)) if c["metric"] != "unclassified"]]
    assert len(empty) <= 0.1 * len(items), empty
