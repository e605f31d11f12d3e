"""Scores of a gold split by kind of item: ``python -m tests.quality.by_kind dev``.

Prints, per kind (wire-earn, wire-other, summary, transcript, page) and for all items: the number of items,
headline F1, classified-metric precision, period F1 and whole-claim F1. Aggregates only: safe to run on a
split that is never tuned on (it shows no item).
"""

from __future__ import annotations

import sys
from typing import Any

from tests.quality.real_eval import load_split, score


def by_kind(rows: list[dict[str, Any]]) -> dict[str, tuple[int, float, float, float, float]]:
    """Items, headline F1, classified precision, period F1 and claim F1 for each kind and for ``ALL``."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["kind"], []).append(row)
    groups["ALL"] = rows
    out = {}
    for kind, part in groups.items():
        t = score(part).table()
        out[kind] = (len(part), t["headline"]["f1"], t["classified_precision"]["precision"], t["period"]["f1"],
                     t["claim"]["f1"])
    return out


if __name__ == "__main__":
    print("kind items headline classified_precision period claim")
    for kind, figures in by_kind(load_split(sys.argv[1] if len(sys.argv) > 1 else "dev")).items():
        print(kind, *figures)
