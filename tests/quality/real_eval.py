"""Score claim extraction against the real-text gold (``claims_gold.jsonl``), field by field.

A gold claim and an extracted claim are paired when their values agree (same unit, stated number within 0.1%,
or the same range); among the candidates, the one that agrees on most other fields wins. Then:

* **fields**: company, metric (with measure), period, modality are right or wrong on each pair;
* **claim**: company + metric + measure + period + value all right;
* **headline**: the same, restricted to revenue, net income, EPS and operating income, reported, prior period
  or guidance (gold claims of those kinds, and extracted claims of those kinds);
* **classified precision**: of the extracted claims with a classified metric, the share that are whole-claim
  right.

Gold claims with an ``other:`` metric are figures outside the annotators' list: an extracted claim paired with one
is right only if it is ``unclassified`` or the vocabulary's own metric of that very name (``other:interest_expense``
and ``interest_expense``); they are left out of recall.

Comparison rules are in ``tests/quality/README.md``. ``python -m tests.quality.real_eval [tune|dev|test|freshN]
[--misses]`` prints the table (misses only for the splits rules are tuned on: tune and dev).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.pipeline import extract_records
from tests.quality.sample import Item, item_by_id

HERE = Path(__file__).parent
HEADLINE_METRICS = {"revenue", "net_income", "eps", "operating_income"}
HEADLINE_MODALITIES = {"reported", "prior_period", "guidance"}
FIELDS = ("company", "metric", "period", "modality", "claim")
_LEGAL = re.compile(r"\b(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|sa|nv|se|spa|"
                    r"group|holdings?|the)\b\.?")


def norm_name(name: str) -> str:
    """A company name for comparison: lower case, no legal form, no punctuation.

    >>> norm_name("GOLDEN NUGGET INC"), norm_name("Amazon.com, Inc.")
    ('golden nugget', 'amazon com')
    """
    n = name.lower().replace("&", " and ")
    n = re.sub(r"[^\w\s]", " ", n)
    n = _LEGAL.sub(" ", n)
    return " ".join(n.split())


def company_ok(pred: str | None, gold: dict[str, Any]) -> bool:
    if not pred:
        return False
    p = norm_name(pred)
    names = {norm_name(x) for x in [gold.get("company") or "", *gold.get("names", [])] if x}
    names.discard("")
    if p in names:
        return True
    pt = p.split()
    for g in names:
        gt = g.split()
        if pt and gt and (pt[: len(gt)] == gt or gt[: len(pt)] == pt):
            return True
    return False


_UNIT_ALIASES = {"shares": "count", "ratio": "x"}


def _unit(u: str | None) -> str:
    u = (u or "").strip()
    return _UNIT_ALIASES.get(u, u)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-3 * max(abs(a), abs(b)), 1e-9)


def value_ok(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    v = pred["value"]
    if _unit(v.get("unit")) != _unit(gold.get("unit")):
        return False
    g = gold["value"]
    if isinstance(g, list):
        return _close(v["low"], float(g[0])) and _close(v["high"], float(g[1]))
    point = v.get("stated_value")
    if point is None:
        point = (v["low"] + v["high"]) / 2
    return _close(float(point), float(g))


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def _length_class(days: int) -> int:
    for target in (0, 91, 182, 273, 365):
        if abs(days - target) <= 16:
            return target
    return days


def period_ok(pred: dict[str, Any] | None, gold: dict[str, Any]) -> bool:
    """Same length (instant, quarter, half, nine months, year) and ends close enough.

    Ends must be within 7 days when the text states the period, 45 days when the annotator inferred it. A
    dividend's period is not scored.
    """
    if gold.get("metric") == "dividend":
        return True
    g = gold.get("period")
    if not g or not g.get("end"):
        return pred is None
    if pred is None:
        return False
    g_start = g.get("start") or g["end"]
    if _length_class(_days(pred["start"], pred["end"])) != _length_class(_days(g_start, g["end"])):
        return False
    tolerance = 7 if g.get("end_stated") else 45
    return abs(_days(pred["end"], g["end"])) <= tolerance


def metric_ok(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """The metric (and measure) right; a gold ``other:NAME`` is matched by "unclassified" or by the vocabulary's own
    metric of that very name (annotators' list of ids lacks some the extractor has, such as ``interest_expense``).

    >>> metric_ok({"metric": "interest_expense", "measure": "level"}, {"metric": "other:interest_expense",
    ...                                                                 "measure": "level"})
    True
    >>> metric_ok({"metric": "revenue", "measure": "level"}, {"metric": "other:segment_revenue", "measure": "level"})
    False
    """
    if str(gold["metric"]).startswith("other:"):
        named = str(gold["metric"])[len("other:"):]
        return bool(pred["metric"] == "unclassified"
                    or (pred["metric"] == named and pred["measure"] == gold["measure"]))
    return bool(pred["metric"] == gold["metric"] and pred["measure"] == gold["measure"])


def is_headline(metric: str, modality: str) -> bool:
    return metric in HEADLINE_METRICS and modality in HEADLINE_MODALITIES


@dataclass
class Pair:
    gold: dict[str, Any]
    pred: dict[str, Any] | None
    ok: dict[str, bool] = field(default_factory=dict)


@dataclass
class Score:
    """Counts over a set of items."""

    pairs: list[Pair] = field(default_factory=list)
    extra: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    predicted: list[tuple[str, dict[str, Any], bool]] = field(default_factory=list)  # (item, claim, whole right)
    gold_in_scope: int = 0
    items: int = 0
    notes: list[str] = field(default_factory=list)

    def table(self) -> dict[str, dict[str, float]]:
        scoped = [p for p in self.pairs if not str(p.gold["metric"]).startswith("other:")]
        classified = [(i, c, ok) for i, c, ok in self.predicted if c["metric"] != "unclassified"]
        out: dict[str, dict[str, float]] = {}
        for f in FIELDS:
            hits = sum(1 for p in scoped if p.pred is not None and p.ok.get(f))
            out[f] = _prf(hits, len(classified), len(scoped))
        gold_h = [p for p in scoped if is_headline(p.gold["metric"], p.gold["modality"])]
        pred_h = [(i, c, ok) for i, c, ok in classified if is_headline(c["metric"], c["modality"])]
        hits_h = sum(1 for p in gold_h if p.pred is not None and p.ok.get("claim"))
        right_h = sum(1 for _, _, ok in pred_h if ok)
        out["headline"] = _prf2(right_h, len(pred_h), hits_h, len(gold_h))
        right = sum(1 for _, _, ok in classified if ok)
        out["classified_precision"] = {"precision": round(right / len(classified), 4) if classified else 1.0,
                                       "n": len(classified)}
        out["value_recall"] = {"recall": round(sum(1 for p in scoped if p.pred is not None) / len(scoped), 4)
                               if scoped else 1.0, "n": len(scoped)}
        return out


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    return _prf2(hits, predicted, hits, gold)


def _prf2(right_pred: int, predicted: int, right_gold: int, gold: int) -> dict[str, float]:
    p = right_pred / predicted if predicted else 1.0
    r = right_gold / gold if gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "n_pred": predicted, "n_gold": gold}


def _fields(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, bool]:
    ok = {"company": company_ok(pred.get("company"), gold), "metric": metric_ok(pred, gold),
          "period": period_ok(pred.get("period"), gold), "modality": pred["modality"] == gold["modality"]}
    ok["claim"] = ok["company"] and ok["metric"] and ok["period"]
    return ok


def match(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> tuple[list[Pair], list[dict[str, Any]]]:
    """Pair gold claims with extracted ones by value, preferring the candidate right on most fields."""
    free = list(range(len(preds)))
    pairs: list[Pair] = []
    scored: list[tuple[int, int, int]] = []
    for gi, g in enumerate(golds):
        for pi in free:
            if value_ok(preds[pi], g):
                ok = _fields(preds[pi], g)
                scored.append((-(sum(ok.values()) + 3 * ok["claim"]), gi, pi))
    scored.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    chosen: dict[int, int] = {}
    for _, gi, pi in scored:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        chosen[gi] = pi
    for gi, g in enumerate(golds):
        pi_opt = chosen.get(gi)
        if pi_opt is None:
            pairs.append(Pair(g, None))
        else:
            pairs.append(Pair(g, preds[pi_opt], _fields(preds[pi_opt], g)))
    extra = [preds[pi] for pi in range(len(preds)) if pi not in used_p]
    return pairs, extra


def load_gold(path: Path = HERE / "claims_gold.jsonl", split: str | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r.get("split", split) == split]


def extract_item(item: Item, tmp: Path) -> list[dict[str, Any]]:
    """Extract an item exactly as ``claimgraph extract`` reads the file (a JSON record or an HTML page)."""
    if item.record is not None:
        path = tmp / "item.json"
        path.write_text(json.dumps(item.record), encoding="utf-8")
    else:
        assert item.html is not None
        path = tmp / "item.html"
        path.write_bytes(item.html)
    out: list[dict[str, Any]] = []
    for rec in extract_records([str(path)]):
        if "error" in rec and "claims" not in rec:
            raise RuntimeError(f"{item.id}: {rec['error']}")
        out.extend(rec.get("claims") or [])
    return out


def score(rows: Iterable[dict[str, Any]]) -> Score:
    s = Score()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for row in rows:
            s.items += 1
            preds = extract_item(item_by_id(row["id"]), tmp)
            pairs, extra = match(preds, row["claims"])
            s.pairs += pairs
            s.extra += [(row["id"], e) for e in extra]
            paired = {id(p.pred): p for p in pairs if p.pred is not None}
            for c in preds:
                p = paired.get(id(c))
                # (a gold ``other:NAME`` is right for the vocabulary's own metric of that name, as ``metric_ok``
                # says; a classified claim paired with any other ``other:`` gold is wrong)
                whole = p is not None and p.ok.get("claim", False) and (
                    not str(p.gold["metric"]).startswith("other:") or c["metric"] == str(p.gold["metric"])[6:])
                s.predicted.append((row["id"], c, whole))
    return s


def _fmt_pred(c: dict[str, Any]) -> str:
    p = c.get("period")
    label = f"{p['start']}..{p['end']}" if p else None
    return f"{c['company']} | {c['metric']}/{c['measure']} | {c['value'].get('stated')} | {label} | {c['modality']}"


def _fmt_gold(g: dict[str, Any]) -> str:
    p = g.get("period")
    label = f"{p.get('start')}..{p.get('end')}" if p else None
    return f"{g['company']} | {g['metric']}/{g['measure']} | {g['value']} {g.get('unit')} | {label} | {g['modality']}"


def print_misses(s: Score, *, limit: int = 400) -> None:
    n = 0
    for p in s.pairs:
        if n >= limit:
            break
        if p.pred is None:
            if not str(p.gold["metric"]).startswith("other:"):
                print(f"MISSED  {_fmt_gold(p.gold)}\n        « {p.gold.get('quote', '')[:120]} »")
                n += 1
        elif not all(p.ok.values()):
            bad = [k for k, v in p.ok.items() if not v and k != "claim"]
            if str(p.gold["metric"]).startswith("other:") and p.ok["metric"]:
                continue
            print(f"WRONG {bad}\n  gold  {_fmt_gold(p.gold)}\n  got   {_fmt_pred(p.pred)}\n"
                  f"        « {p.gold.get('quote', '')[:120]} »")
            n += 1
    for iid, e in s.extra:
        if e["metric"] != "unclassified":
            print(f"EXTRA {iid}: {_fmt_pred(e)}\n        « {e.get('quote', '')[:120]} »")


def load_split(split: str) -> list[dict[str, Any]]:
    """The gold rows of a split: ``tune``, ``test``, ``fresh``, ``fresh2`` to ``fresh25``, or ``dev``.

    ``dev`` is everything rules may be tuned on: the tune part of the main gold and the fresh samples that were
    scored once at the end of their round (fresh, fresh2, ..., fresh23). ``test`` and the newest fresh samples
    (fresh24 and fresh25, scored once at the end of their round) are never tuned on.
    """
    if split == "dev":
        return [*load_gold(split="tune"), *load_gold(HERE / "claims_fresh.jsonl"),
                *load_gold(HERE / "claims_fresh2.jsonl"), *load_gold(HERE / "claims_fresh3.jsonl"),
                *load_gold(HERE / "claims_fresh4.jsonl"), *load_gold(HERE / "claims_fresh5.jsonl"),
                *load_gold(HERE / "claims_fresh6.jsonl"), *load_gold(HERE / "claims_fresh7.jsonl"),
                *load_gold(HERE / "claims_fresh8.jsonl"), *load_gold(HERE / "claims_fresh9.jsonl"),
                *load_gold(HERE / "claims_fresh10.jsonl"), *load_gold(HERE / "claims_fresh11.jsonl"),
                *load_gold(HERE / "claims_fresh12.jsonl"), *load_gold(HERE / "claims_fresh13.jsonl"),
                *load_gold(HERE / "claims_fresh14.jsonl"), *load_gold(HERE / "claims_fresh15.jsonl"),
                *load_gold(HERE / "claims_fresh16.jsonl"), *load_gold(HERE / "claims_fresh17.jsonl"),
                *load_gold(HERE / "claims_fresh18.jsonl"), *load_gold(HERE / "claims_fresh19.jsonl"),
                *load_gold(HERE / "claims_fresh20.jsonl"), *load_gold(HERE / "claims_fresh21.jsonl"),
                *load_gold(HERE / "claims_fresh22.jsonl"), *load_gold(HERE / "claims_fresh23.jsonl")]
    if split.startswith("fresh"):
        return load_gold(HERE / f"claims_{split}.jsonl")
    return load_gold(split=split)


if __name__ == "__main__":
    split = sys.argv[1] if len(sys.argv) > 1 else "tune"
    result = score(load_split(split))
    tuned = ("tune", "dev", "fresh", *(f"fresh{n}" for n in range(2, 24)))
    if "--misses" in sys.argv and split in tuned:
        print_misses(result)
    print(json.dumps(result.table(), indent=1))
