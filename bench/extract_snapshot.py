"""The JSON output of extraction on a fixed set of real and synthetic text, one line per input, for proving that
a speed change leaves extraction's output unchanged: write it before the change, again after, and diff.

The set: every item of the real-text gold and the fresh samples of dev (not the newest, held back) except the
test split's (which is scored, never looked at; read as ``claimgraph extract`` reads them, one at a time), the
quantity gold's sentences, ``real-smoke``'s default sample (seed 0), and the passages ``bench.extract``
times (synthetic and real 5 KB). Needs ``../shared/data``.

Usage: python -m bench.extract_snapshot OUT.jsonl [N]   (N: bench passages per corpus, default 300)
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.corpus import article
from bench.extract import DATA, _real_texts
from claimgraph.pipeline import claim_json, extract_records
from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def _gold_items(tmp: Path) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    from tests.quality import sample

    items = (sample.main_sample() + sample.fresh_sample() + sample.fresh2_sample() + sample.fresh3_sample()
             + sample.fresh4_sample() + sample.fresh5_sample() + sample.fresh6_sample() + sample.fresh7_sample()
             + sample.fresh8_sample() + sample.fresh9_sample() + sample.fresh10_sample() + sample.fresh11_sample()
             + sample.fresh12_sample() + sample.fresh13_sample() + sample.fresh14_sample()
             + sample.fresh15_sample() + sample.fresh16_sample() + sample.fresh17_sample()
             + sample.fresh18_sample() + sample.fresh19_sample() + sample.fresh20_sample() + sample.fresh21_sample()
             + sample.fresh22_sample() + sample.fresh23_sample())
    unseen = sample.test_ids()  # (the test split is scored, never looked at: a diff must not show its items)
    for item in items:
        if item.id in unseen:
            continue
        if item.record is not None:
            path = tmp / "item.json"
            path.write_text(json.dumps(item.record), encoding="utf-8")
        else:
            assert item.html is not None
            path = tmp / "item.html"
            path.write_bytes(item.html)
        recs = list(extract_records([str(path)]))
        for rec in recs:
            rec["source"] = Path(rec["source"]).name
        yield item.id, recs


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(x) for x in fh]


def _smoke_inputs(tmp: Path, n: int = 300, seed: int = 0) -> list[Path]:
    """``real-smoke``'s sample, drawn as that tool draws it."""
    rng = random.Random(seed)
    reuters = _jsonl(DATA / "reuters21578-dev.jsonl.gz")
    earn = [r for r in reuters if "earn" in r["topics"]]
    other = [r for r in reuters if "earn" not in r["topics"]]
    chosen = rng.sample(earn, n * 2 // 3) + rng.sample(other, n // 3)
    ects = _jsonl(DATA / "ectsum-dev.jsonl.gz")
    for r in rng.sample(ects, n // 3):
        chosen.append({"id": "ectsum-" + r["id"], "title": f"{r['ticker']} Q{r['quarter']} {r['year']} results",
                       "text": r["summary"], "published": f"{r['year']}-{min(12, r['quarter'] * 3 + 1):02d}-15"})
    (tmp / "sample.jsonl").write_text("".join(json.dumps(r) + "\n" for r in chosen))
    pages = tmp / "pages"
    with tarfile.open(DATA / "html-pages-dev.tar.gz") as t:
        members = sorted(m for m in t.getnames() if m.endswith(".html"))
        for m in rng.sample(members, min(40, len(members))):
            t.extract(m, pages, filter="data")
    return [tmp / "sample.jsonl", pages]


def _passage(text: str, label: str) -> dict[str, Any]:
    ex = extract(text_document(text, label, Metadata()))
    return {"company": ex.main_company.name if ex.main_company else None,
            "claims": [claim_json(c, ex, n) for n, c in enumerate(ex.claims)],
            "quantities": [q.to_json(ex.document) for q in ex.quantities]}


def snapshot(n: int = 300) -> Iterator[dict[str, Any]]:
    from tests.quality.sample import quantity_sentences, quantity_sentences_tune2

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for iid, recs in _gold_items(tmp):
            yield {"input": iid, "records": recs}
        for rec in extract_records([str(p) for p in _smoke_inputs(tmp)]):
            rec["source"] = Path(rec["source"]).name
            yield {"input": "smoke", "records": [rec]}
    for qid, sentence in quantity_sentences() + quantity_sentences_tune2():
        yield {"input": qid, "records": [_passage(sentence, "sentence")]}
    for i in range(n):
        yield {"input": f"synthetic-{i}", "records": [_passage(article(i), "bench")]}
    for i, t in enumerate(_real_texts(n)):
        yield {"input": f"real-{i}", "records": [_passage(t, "bench")]}


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for row in snapshot(int(sys.argv[2]) if len(sys.argv) > 2 else 300):
            out.write(json.dumps(row, sort_keys=True, default=str) + "\n")
