"""Precision and recall per field of extracted claims against an annotated set."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.sources.extract import extract
from claimgraph.sources.metrics import UNCLASSIFIED
from claimgraph.sources.model import Extraction
from claimgraph.sources.readers import Metadata, read_inputs, text_document

HERE = Path(__file__).parent
FIELDS = ("company", "metric", "value", "period", "modality", "claim")
Row = tuple[str, str, str, float, float, str | None, str]


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def precision(self, f: str) -> float:
        return self.hits[f] / self.predicted if self.predicted else 1.0

    def recall(self, f: str) -> float:
        return self.hits[f] / self.gold if self.gold else 1.0

    def table(self) -> dict[str, dict[str, float]]:
        return {f: {"precision": round(self.precision(f), 4), "recall": round(self.recall(f), 4)} for f in FIELDS}


def rows(ex: Extraction) -> set[Row]:
    return {(c.company, c.metric, c.measure.value, round(c.value.low, 6), round(c.value.high, 6),
             c.period.label if c.period else None, c.modality.value)
            for c in ex.claims if c.metric != UNCLASSIFIED}


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def score(pairs: Iterable[tuple[set[Row], list[Row]]], label: str = "") -> Score:
    s = Score()
    for predicted, gold in pairs:
        s.predicted += len(predicted)
        s.gold += len(gold)
        free = sorted(predicted, key=str)
        for g in gold:
            cands = [p for p in free if _close(p[3], g[3]) and _close(p[4], g[4])]
            if not cands:
                s.misses.append(f"{label}: missed {g}")
                continue
            p = max(cands, key=lambda p: (p[1] == g[1]) + (p[2] == g[2]) + (p[5] == g[5]) + (p[6] == g[6]))
            free.remove(p)
            s.hits["value"] += 1
            s.hits["company"] += p[0] == g[0]
            s.hits["metric"] += p[1] == g[1] and p[2] == g[2]
            s.hits["period"] += p[5] == g[5]
            s.hits["modality"] += p[6] == g[6]
            full = p[0] == g[0] and p[1] == g[1] and p[2] == g[2] and p[5] == g[5]
            s.hits["claim"] += full
            if not full or p[6] != g[6]:
                s.misses.append(f"{label}: got {p} for {g}")
        s.misses += [f"{label}: extra {p}" for p in free]
    return s


def corpus_score() -> Score:
    from claimgraph.sources.examples import example_paths

    gold = json.loads((HERE / "corpus_gold.json").read_text(encoding="utf-8"))
    pairs = []
    for path in example_paths():
        result = next(iter(read_inputs([str(path)])))
        assert result.document is not None
        pairs.append((rows(extract(result.document)), [tuple(g) for g in gold[path.name]]))
    return score(pairs, "corpus")  # type: ignore[arg-type]


def sentence_score() -> Score:
    pairs = []
    for line in (HERE / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        doc = text_document(case["text"], case["id"], Metadata(published=case.get("published")))
        pairs.append((rows(extract(doc)), [tuple(g) for g in case["gold"]]))
    return score(pairs, "sentences")  # type: ignore[arg-type]


if __name__ == "__main__":
    for name, fn in (("corpus", corpus_score), ("sentences", sentence_score)):
        sc = fn()
        print(name, json.dumps(sc.table(), indent=1))
        print("\n".join(sc.misses))
