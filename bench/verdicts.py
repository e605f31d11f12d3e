"""Verdicts end to end on real multi-article clusters: the Reuters items of ``tests/fixtures/reuters_verdicts.json``
ingested as they are (reading, extraction, the kept analysis), scored against the fixture's expected verdicts.

The fixture's own test (``tests/test_verdicts.py``) feeds the analysis hand-written claims; this measures what a
user gets: each cluster's items are rebuilt from ``shared/data/reuters21578-dev.jsonl.gz`` (by id, never copied),
ingested into a fresh in-memory store with ``claimgraph.pipeline.ingest``, and the stored
``conflicts --all`` report is read back. A verdict is right when exactly one group of the cluster's company
(names compared without case), metric, period end and length holds the reported figures (the ``actual`` class;
for a verdict on a company's forecast, the ``guidance`` group holding the fixture's figures) and its status is the
expected one (``consistent``, ``revision`` for a correction, ``conflict``).

Every wrong verdict gets a cause, found by comparing the extracted claims with the fixture's hand-read claims:

* ``extraction: ...`` when the claims differ from what the items say (a figure not extracted, another company
  name, other period dates, an extra figure such as a note's "50 cts a share" read as the year's EPS);
* ``analysis`` when the group holds exactly the fixture's figures and the status is still wrong.

Usage: python -m bench.verdicts [-v] [--fixture PATH ...]

``--fixture`` scores another set of clusters, such as a held-out one annotated blind (``from_annotation``).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "reuters_verdicts.json"
STATUS = {"consistent": "consistent", "correction": "revision", "conflict": "conflict"}


@dataclass
class Outcome:
    """One expected verdict and what the ingested items gave."""

    cluster: str
    metric: str
    end: str
    span: str
    expected: str
    got: str | None
    right: bool
    cause: str = ""
    value_right: bool | None = None  # the resolved value against the fixture's current value (when it gives one)


def reuters_path() -> Path | None:
    """The Reuters development items, from the shared data folder (None when missing)."""
    for base in (Path(__file__).resolve().parents[2] / "shared" / "data", Path("/work/shared/data")):
        if (base / "reuters21578-dev.jsonl.gz").exists():
            return base / "reuters21578-dev.jsonl.gz"
    return None


def clusters(path: Path = FIXTURE) -> list[dict[str, Any]]:
    """The clusters of a verdict fixture: the committed one, or a held-out file in the annotators' layout
    (verdicts as objects with dates and quotes: :func:`from_annotation`)."""
    out: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["clusters"]
    return [from_annotation(c) if c["verdicts"] and isinstance(c["verdicts"][0], dict) else c for c in out]


def span_of(start: str | None, end: str) -> str:
    """The ISO length of a period from its dates, as the stored report gives it ("instant" without a start).

    >>> span_of("1986-10-01", "1986-12-31"), span_of("1986-03-02", "1987-02-28"), span_of("1987-01-01", "1987-06-30")
    ('P3M', 'P12M', 'P6M')
    """
    from datetime import date

    if not start or start == end:
        return "instant"
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    return f"P{max(1, round(days / 30.44))}M"


def _point(value: Any) -> Any:
    """A stated range (``[low, high]``, a company's forecast range) as its midpoint, as claims are compared.

    >>> _point([0.24, 0.30]), _point(1.5), _point(None)
    (0.27, 1.5, None)
    """
    if isinstance(value, list):
        return round((float(value[0]) + float(value[-1])) / 2, 12)
    return value


def from_annotation(cluster: dict[str, Any]) -> dict[str, Any]:
    """A held-out cluster (``{"metric", "period_start", "period_end", "verdict", "value", "superseded",
    "quotes": {item: quote}}`` per verdict) in the fixture's layout: verdict rows, and claims rows for the causes
    (each quoted item states the current value, or the superseded one for a corrected figure's first item, or its own
    value of a conflict's ``values``)."""
    claims, verdicts = [], []
    for v in cluster["verdicts"]:
        span = span_of(v["period_start"], v["period_end"])
        verdicts.append([v["metric"], v["period_end"], span, v["verdict"], _point(v.get("value"))])
        for n, (item, quote) in enumerate(v.get("quotes", {}).items()):
            value = v.get("superseded") if n == 0 and v.get("superseded") is not None else v.get("value")
            if (v.get("values") or {}).get(item) is not None:
                value = v["values"][item]  # a conflict's figures, each item's own
            value = _point(value)
            if value is not None:
                claims.append([item, quote, v["metric"], "", v["period_start"], v["period_end"], quote, value, None,
                               "reported"])
    return {"name": cluster.get("name", ""), "company": cluster["company"], "items": cluster["items"],
            "claims": claims, "verdicts": verdicts}


def load_items(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in ids:
                out[r["id"]] = r
    return out


_LEGAL = {"inc", "corp", "co", "ltd", "plc", "corporation", "company", "incorporated", "limited", "lp", "l.p.",
          "ag", "sa", "nv", "the"}


def _name(text: str) -> str:
    """A company's name for comparison: without case, punctuation, legal forms and a partnership's legal form at
    its end ("Acme Systems Master LP" and "Acme Systems Mlp" are "acme systems").

    >>> _name("Acme Systems Master LP"), _name("ACME SYSTEMS MLP"), _name("The Acme Co, Inc.")
    ('acme systems', 'acme systems', 'acme')
    >>> _name("Oshman's Sporting Goods Inc"), _name("Oshman")
    ('oshman sporting goods', 'oshman')
    """
    from claimgraph.sources.companies import _partnership_end

    # (a hyphen joins the words of one name: "Creditanstalt-Bankverein" starts with "Creditanstalt")
    # (a possessive is the name's own or the headline's: "Oshman's Sporting Goods" and "OSHMAN'S" are "oshman ...")
    words = re.sub(r"['’]s\b", "", text.casefold()).replace(",", " ").replace(".", " ").replace("-", " ").split()
    while (cut := _partnership_end(words)):
        del words[-cut:]
    return " ".join(w for w in words if w not in _LEGAL)


END_DAYS = 7  # a group's period end this close to the fixture's is the same period (as tests/quality/real_eval.py)


def _near(got: str | None, want: str) -> bool:
    """Whether a group's period end is the fixture's within :data:`END_DAYS`, as ``tests/quality/real_eval.py``
    scores a stated end: a 52/53-week quarter "ended January 3, 1987" is the annotator's December 31, 1986.

    >>> _near("1987-01-03", "1986-12-31"), _near("1987-01-28", "1987-01-31"), _near("1987-02-28", "1987-01-31")
    (True, True, False)
    """
    from datetime import date

    return got is not None and abs((date.fromisoformat(got) - date.fromisoformat(want)).days) <= END_DAYS


def _same_company(got: str, want: str) -> bool:
    """Names compared without case, punctuation and legal forms, a name matching the start of the other ("S-K-I"
    for "S-K-I Ltd", "Goodyear" for "Goodyear Tire and Rubber Co").

    >>> _same_company("S-K-I", "S-K-I Ltd"), _same_company("Goodyear", "Goodyear Tire and Rubber Co")
    (True, True)
    >>> _same_company("Fox", "News Corp Ltd's Fox Television Stations Inc")
    False
    >>> _same_company("Creditanstalt", "Creditanstalt-Bankverein")
    True
    """
    a, b = _name(got).split(), _name(want).split()
    return bool(a) and bool(b) and (a == b[:len(a)] or b == a[:len(b)])


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-3)


def _claim_value(c: dict[str, Any]) -> float:
    return float((c["value"]["low"] + c["value"]["high"]) / 2)


def _states(c: dict[str, Any], want: float) -> bool:
    """Whether a stored claim states ``want`` as the item writes it: within one unit of its last stated digit
    (rounded or cut: "13.5 mln" states 13,555,000), or of its hedge ("about 888 mln").

    >>> _states({"value": {"low": 13.5e6, "high": 13.5e6, "decimals": -5}}, 13_555_000)
    True
    >>> _states({"value": {"low": 21.6e6, "high": 21.6e6, "decimals": -5}}, 12_600_000)
    False
    """
    v = c["value"]
    unit = 10.0 ** -int(v.get("decimals") or 0) if v.get("decimals") is not None else 0.0
    return _same(_claim_value(c), want) or v["low"] - unit <= want <= v["high"] + unit


def ingest_cluster(cluster: dict[str, Any], items: dict[str, dict[str, Any]], folder: Path) -> list[dict[str, Any]]:
    """Ingest the cluster's items into a fresh in-memory store; the stored ``conflicts --all`` report."""
    from claimgraph.analysis.kept import stored_report
    from claimgraph.graph.store import open_store
    from claimgraph.pipeline import ingest

    path = folder / "items.jsonl"
    path.write_text("".join(json.dumps(items[i]) + "\n" for i in cluster["items"]), encoding="utf-8")
    store = open_store("memory")
    try:
        report = ingest([str(path)], store)
        if report.failed:
            raise RuntimeError(f"{cluster['company']}: items not stored: {report.failed}")
        return stored_report(store, "conflicts", include_all=True)
    finally:
        store.close()


def score_cluster(cluster: dict[str, Any], items: dict[str, dict[str, Any]],
                  rows: list[dict[str, Any]]) -> list[Outcome]:
    """Each expected verdict of ``cluster`` against the groups of the stored report."""
    title_item = {items[i]["title"]: i for i in cluster["items"]}
    company = _name(cluster["company"])
    out = []
    for metric, end, span, expected, current in cluster["verdicts"]:
        want = [(c[0], float(c[7]), c[6]) for c in cluster["claims"] if c[2] == metric and c[5] == end
                and (not c[4] or span_of(c[4], c[5]) == span)]
        found = [r for r in rows if _same_company(r["company"], company) and r["metric"] == metric and r["period"]
                 and _near(r["period"]["end"], end) and r["period"]["length"] == span and r["modality_class"] == "actual"
                 # (the verdicts are about levels: a change's group beside them, "rose 20 pct", is another group)
                 and r.get("measure", "level") == "level"]
        if not found:
            # a verdict on a company's forecast ("expects its profits to fall to 328 billion yen in the year ending
            # March 31, 1988"): the guidance group that holds the fixture's figures
            found = [r for r in rows if _same_company(r["company"], company) and r["metric"] == metric
                     and r["period"] and _near(r["period"]["end"], end) and r["period"]["length"] == span
                     and r["modality_class"].startswith("guidance") and r.get("measure", "level") == "level"
                     and any(_states(c, w) for c in r["claims"] for _, w, _ in want)]
        got = found[0]["status"] if len(found) == 1 else None
        right = got == STATUS[expected]
        o = Outcome(cluster["company"], metric, end, span, expected, got if found else None, right)
        if len(found) == 1 and current is not None and found[0]["resolved"] is not None:
            o.value_right = _same(float(found[0]["resolved"]), float(current))
        elif current is not None:
            o.value_right = False
        if not right:
            o.cause = _cause(found, want, rows, company, metric, end, span, title_item)
        out.append(o)
    return out


def _cause(found: list[dict[str, Any]], want: list[tuple[str, float, str]], rows: list[dict[str, Any]],
           company: str, metric: str, end: str, span: str, title_item: dict[str, str]) -> str:
    if len(found) > 1:
        return f"several groups ({len(found)})"
    if not found:
        where = _where([v for _, v, _ in want], rows, company, metric, end, span)
        return "extraction: " + ("; ".join(where) if where else "figure not extracted")
    g = found[0]
    claims = [(title_item.get(c["article_title"] or "", "?"), c) for c in g["claims"]]
    extra = [c["value"]["stated"] for _, c in claims if not any(_states(c, w) for _, w, _ in want)]
    missing = [(i, v, s) for i, v, s in want if not any(ci == i and _states(c, v) for ci, c in claims)]
    if extra:
        return f"extraction: extra figures {', '.join(extra)}"
    if missing:
        where = _where([v for _, v, _ in missing], rows, company, metric, end, span, skip=g)
        return (f"extraction: {', '.join(f'{s} ({i})' for i, _, s in missing)} "
                f"{'; '.join(where) if where else 'not extracted'}")
    return "analysis"


def _where(values: list[float], rows: list[dict[str, Any]], company: str, metric: str, end: str, span: str,
           skip: dict[str, Any] | None = None) -> list[str]:
    """Where extraction put figures of the items that are missing from the expected group."""
    where = set()
    for r in rows:
        if r is skip:
            continue
        p = r["period"] or {}
        for c in r["claims"]:
            if not any(_states(c, v) for v in values):
                continue
            if not _same_company(r["company"], company):
                where.add(f"under company {r['company']!r}")
            elif r["metric"] != metric:
                where.add(f"as metric {r['metric']}")
            elif not _near(p.get("end"), end) or p.get("length") != span:
                where.add(f"with period {p.get('label')} ({p.get('length')} to {p.get('end')})" if p else
                          "without a period")
            else:
                where.add(f"as modality {r['modality_class']}")
    return sorted(where)[:3]


def measure(verbose: bool = False, fixture: Path = FIXTURE) -> tuple[list[Outcome], str]:
    """Every cluster of ``fixture`` ingested and scored; the outcomes and a Markdown summary."""

    path = reuters_path()
    if path is None:
        return [], "(shared/data/reuters21578-dev.jsonl.gz is missing: not measured)"
    cs = clusters(fixture)
    items = load_items(path, {i for c in cs for i in c["items"]})
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, cluster in enumerate(cs):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            rows = ingest_cluster(cluster, items, folder)
            outcomes += score_cluster(cluster, items, rows)
            if verbose:
                for r in rows:
                    print(r["company"], r["metric"], r["period"], r["status"],
                          [c["value"]["stated"] for c in r["claims"]], file=sys.stderr)
    return outcomes, summary(outcomes)


def summary(outcomes: list[Outcome]) -> str:
    from bench.common import table

    right = sum(o.right for o in outcomes)
    valued = [o for o in outcomes if o.value_right is not None]
    per: dict[str, list[Outcome]] = {}
    for o in outcomes:
        per.setdefault(o.cluster, []).append(o)
    rows = [[c, len(os), sum(o.right for o in os)] for c, os in per.items()]
    causes = Counter(o.cause.split(":")[0] for o in outcomes if not o.right)
    fails = [[o.cluster, o.metric, f"{o.span} to {o.end}", o.expected, o.got or "-", o.cause]
             for o in outcomes if not o.right]
    analysis_ok = [o for o in outcomes if o.right or not o.cause.startswith("extraction")]
    text = (f"Verdicts right end to end: **{right} of {len(outcomes)} ({right / len(outcomes):.2f})**; resolved "
            f"value right on {sum(bool(o.value_right) for o in valued)} of {len(valued)} verdicts that name one. "
            f"Wrong verdicts by cause: {dict(causes)}. On the verdicts whose figures extraction read as the items "
            f"state them, the analysis is right on {sum(o.right for o in analysis_ok)} of {len(analysis_ok)}.\n\n"
            + table(["cluster", "verdicts", "right"], rows))
    if fails:
        text += "\n\nWrong verdicts:\n\n" + table(["cluster", "metric", "period", "expected", "got", "cause"], fails)
    return text


def run() -> str:
    return measure()[1]


if __name__ == "__main__":
    args = sys.argv[1:]
    # every path after --fixture (a shell's "reuters_verdicts{,2,3}.json" gives several), each scored on its own
    given = [Path(a) for a in args[args.index("--fixture") + 1:] if not a.startswith("-")] if "--fixture" in args \
        else [FIXTURE]
    for fixture in given:
        if len(given) > 1:
            print(f"## {fixture.name}\n")
        print(measure(verbose="-v" in args, fixture=fixture)[1])
