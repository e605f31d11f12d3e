"""Truth discovery against peers, on their own data: claimgraph, majority vote and every algorithm of the
``truthdiscovery`` package, on the two public sets in ``shared/data/truth-discovery-dev.tar.gz`` and on a
synthetic generator, in one table with times.

* **weather** (Dong et al. 2010): 16 web sites' temperatures, humidity, pressure ... for US cities. The gold
  is one site's own values, a proxy, not a true gold. Values are compared as numbers (48 == 48.0); missing
  markers ("N/A", "*") and non-numeric cells are dropped for every method (the gold has none).
* **books** (Yin et al. 2007): online sellers' author lists for computer-science books, with a 100-book gold.
  Every method sees the same canonical author list, claimgraph's normalised text of categorical values
  (``claimgraph.analysis.categories.category_key``: case, accents, HTML entities, punctuation, order, "and",
  credits such as "edited by" and degrees dropped, so "Knuth, Donald E." and "by Donald E. Knuth" are one value);
  "Not Available"/empty cells are dropped.
* **synthetic**: planted source reliabilities (0.3-0.95), true values stated at random precision ("$55.6B",
  "$56B", "about $55.6B"), wrong values off by 10%, 50% or 10x, a long tail of sources with few claims, and
  copiers that repeat another source's values (mistakes included). A value is right within 1% of the truth.
* **synthetic with copiers** (``synthetic_copiers``): the same plus 20 copiers that really repeat a busy
  original's values on half of its items (the base generator's copiers rarely meet their original on an item).
* **held-out shaped** (``population_like``): about 1.2 claims per item, thousands of sources with a long tail;
  and the same with the busiest sources the most reliable (``volume_reliability``), where a trust prior learned
  per evidence-volume class has something to learn; and the same with five bulk sources that state the first
  claim of 70% of the items (``bulk=5``, ``population-bulk``: contradicted almost only by occasional sources).

On a set with several attributes (weather's properties), claimgraph also runs with the per-metric difficulty option
(``TruthConfig(difficulty="metric")``, off by default), each property being the claims' metric.

*Contested* items are gold items stated with two or more different values (elsewhere every method answers
the one value there is); their accuracy is shown beside the accuracy over all gold items.

Rows are shuffled with each seed before any method sees them, and every method's ties are broken at random
(for claimgraph: an ``undecided`` group gets a random one of its tied values; the share of undecided items is
reported). Accuracy is the mean over seeds on the **report** half of each gold: objects are split in two by a
hash of their id, and claimgraph's parameters were only ever tuned on the **tune** half and on synthetic seeds
≥ 100 (see NOTES.md). Times are per run, from the rows to the answers (for the peers, building their
``Dataset`` is included; it is shared, so the table lists it once as well).

Usage: python -m bench.truth [--seeds N] [--split report|tune|all]
    [--only weather,books,synthetic,copiers,population,population-volume,population-bulk] [--cli [--untyped]]
    [--no-peers]

With ``--cli``, claimgraph runs in memory and through ``claimgraph import-claims`` + ``claimgraph resolve --format
json`` on the same shuffles, side by side (``bench/truth_cli.py``); the peers are not run. ``--untyped`` writes the
categorical sets' import file with no unit column (the importer tells words from numbers).
"""

from __future__ import annotations

import hashlib
import math
import random
import re
import sys
import tarfile
import time
import types
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import OUT, table
from claimgraph.analysis.analyse import analyse_facts
from claimgraph.analysis.categories import category_key
from claimgraph.analysis.conflicts import CATEGORY, column_codes
from claimgraph.analysis.facts import FactTable
from claimgraph.analysis.truth import TruthConfig
from claimgraph.sources.quantities import _decimals as quantity_decimals

Row = tuple[str, str, Any, str]  # source, object, value (float or text), stated text
DATA = Path("/work/shared/data/truth-discovery-dev.tar.gz")
DIFFICULTY = "claimgraph, difficulty per metric (option)"
PEER_LIMIT_CRH = 6000  # CRH in truthdiscovery builds dense claims x claims matrices (memory grows as n^2)


@dataclass
class Dataset:
    name: str
    rows: list[Row]
    gold: dict[str, Any]
    numeric: bool
    tolerance: float = 0.0  # relative tolerance when comparing with the gold
    copies: set[tuple[str, str]] = field(default_factory=set)  # planted (copier, original) pairs, if any
    attribute: Callable[[str], str] | None = None  # an object's attribute (its metric), when the set has several


def data_path() -> Path | None:
    """The public sets, from the shared data folder (found from the repository or the absolute path)."""
    for base in (Path(__file__).resolve().parents[1].parent / "shared" / "data", Path("/work/shared/data")):
        p = base / "truth-discovery-dev.tar.gz"
        if p.exists():
            return p
    return None


def _extract() -> Path | None:
    src = data_path()
    if src is None:
        return None
    dest = OUT / "truth-discovery"
    if not (dest / "book" / "book.txt").exists():
        dest.mkdir(parents=True, exist_ok=True)
        with tarfile.open(src) as tar:
            tar.extractall(dest, filter="data")
    return dest


_MISSING = {"", "n/a", "na", "*", "none", "not available", "-", "--"}


def _number(text: str) -> float | None:
    t = text.strip().replace(",", "")
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", t):
        return None
    return float(t)


def weather(root: Path) -> Dataset:
    import csv

    rows: list[Row] = []
    for path in sorted((root / "weather" / "claims").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                v = _number(r["PropertyValue"])
                if v is not None:
                    rows.append((r["SourceID"], f"{r['ObjectID']}|{r['PropertyID']}", v, r["PropertyValue"].strip()))
    gold: dict[str, Any] = {}
    with (root / "weather" / "ground_truth" / "weather_truth.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            v = _number(r["PropertyValue"])
            if v is not None:
                gold[f"{r['ObjectID']}|{r['PropertyID']}"] = v
    # Objects are "ObjectID|PropertyID" (two columns of the claims files): the property is the claim's metric.
    return Dataset("weather", rows, gold, numeric=True, attribute=lambda obj: obj.rsplit("|", 1)[1])


def authors(text: str) -> str:
    """A canonical author list (:func:`claimgraph.analysis.categories.category_key`): name words without case,
    accents, HTML entities, punctuation, order, connectors, credits or degrees.

    >>> authors("Knuth, Donald E.") == authors("Donald E. Knuth") == authors("knuth, donald e.;  ")
    True
    >>> authors("Zo&eacute; Lacroix and Terence Critchlow (Editor)")
    'critchlow lacroix terence zoe'
    """
    return category_key(text)


def books(root: Path) -> Dataset:
    rows: list[Row] = []
    for line in (root / "book" / "book.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or parts[3].strip().lower() in _MISSING:
            continue
        value = authors(parts[3])
        if value:
            rows.append((parts[0], parts[1], value, parts[3]))
    gold = {}
    for line in (root / "book" / "book_golden.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].strip():
            gold[parts[0]] = authors(parts[1])
    return Dataset("books", rows, gold, numeric=False)


def synthetic(n_vars: int = 4000, n_sources: int = 200, seed: int = 3) -> Dataset:
    """Planted reliabilities, stated precision and hedges, a long tail of small sources, and copiers."""
    rng = random.Random(seed)
    reliability = {f"s{i}": rng.choice([0.95, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3]) for i in range(n_sources)}
    activity = {s: rng.paretovariate(1.2) for s in reliability}
    names = sorted(reliability)
    copiers = {s: rng.choice(names) for s in rng.sample(names, n_sources // 10)}
    truth = {f"v{i}": round(rng.uniform(1, 999), 1) * 1e9 for i in range(n_vars)}
    weights = [activity[s] for s in names]
    rows: list[Row] = []
    said: dict[tuple[str, str], tuple[float, str]] = {}
    for var, t in truth.items():
        chosen = set()
        for s in rng.choices(names, weights=weights, k=rng.randint(2, 7)):
            chosen.add(s)
        for s in sorted(chosen, key=lambda x: (x in copiers, x)):
            if s in copiers and (copiers[s], var) in said and rng.random() < 0.8:
                value, stated = said[(copiers[s], var)]
            elif rng.random() < reliability[s]:
                r = rng.random()
                if r < 0.55:
                    value, stated = t, f"${t / 1e9:.1f}B"
                elif r < 0.85:
                    value, stated = round(t / 1e9) * 1e9, f"${t / 1e9:.0f}B"
                else:
                    value, stated = t, f"about ${t / 1e9:.1f}B"
            else:
                wrong = t * rng.choice([0.9, 1.1, 0.5, 1.5, 10, 0.1, 0.97])
                value, stated = round(wrong / 1e8) * 1e8, f"${round(wrong / 1e8) / 10:.1f}B"
            said[(s, var)] = (value, stated)
            rows.append((s, var, value, stated))
    return Dataset(f"synthetic (seed {seed})", rows, truth, numeric=True, tolerance=0.01)


def synthetic_copiers(n_vars: int = 4000, n_sources: int = 200, seed: int = 3, n_copiers: int = 20,
                      share: float = 0.5, copy_rate: float = 0.8) -> Dataset:
    """:func:`synthetic` plus copiers that really copy: each copier takes a busy original (one of the 30 busiest
    independent sources) and, on a share of the original's items, states what the original stated (mistakes
    included) with probability ``copy_rate``, else a value of its own (right with its own reliability). The
    planted pairs are in ``Dataset.copies`` (copier, original), so copy detection can be scored on them; the
    independent sources are those of :func:`synthetic`, so any other pair found is spurious."""
    base = synthetic(n_vars, n_sources, seed)
    rng = random.Random(seed * 7919 + 1)
    by_source: dict[str, list[Row]] = defaultdict(list)
    for r in base.rows:
        by_source[r[0]].append(r)
    busy = sorted(by_source, key=lambda s: -len(by_source[s]))[:30]
    rows = list(base.rows)
    copies: set[tuple[str, str]] = set()
    for c in range(n_copiers):
        copier, original = f"copier{c}", rng.choice(busy)
        reliability = rng.choice([0.9, 0.8, 0.7, 0.6])
        copies.add((copier, original))
        for _, var, value, stated in by_source[original]:
            if rng.random() >= share:
                continue
            if rng.random() >= copy_rate:
                t = base.gold[var]
                if rng.random() < reliability:
                    value, stated = t, f"${t / 1e9:.1f}B"
                else:
                    wrong = t * rng.choice([0.9, 1.1, 0.5, 1.5, 10, 0.1, 0.97])
                    value, stated = round(wrong / 1e8) * 1e8, f"${round(wrong / 1e8) / 10:.1f}B"
            rows.append((copier, var, value, stated))
    return Dataset(f"synthetic with copiers (seed {seed})", rows, base.gold, numeric=True, tolerance=0.01,
                   copies=copies)


def population_like(n_items: int = 41_000, n_claims: int = 50_000, n_sources: int = 4_000, seed: int = 5,
                    volume_reliability: bool = False, bulk: int = 0) -> Dataset:
    """Shaped like the held-out description (tens of thousands of claims, about 1.2 per item, thousands of sources
    with a long tail): integer counts per item and year, most items stated once, a few by many sources; right
    values stated in full or rounded to three significant digits; wrong ones stale (off by up to 15%), mistyped
    (one digit changed) or vandalised. Generated here; no held-out data was looked at. Right means equal.

    With ``volume_reliability`` the busiest sources are the most reliable (the same reliabilities, handed out in
    the order of the sources' activity, with some shuffling): a population where evidence volume says something
    about trust, as in edit histories where occasional editors make most of the mistakes.

    With ``bulk`` > 0, that many bulk sources (a bot filling in a census, a wire service) state the first claim of
    70% of the items, and the other sources come after them: a bulk source is then contradicted almost only by
    occasional sources. Its reliability is drawn from the same list as everyone's (volume says nothing here)."""
    rng = random.Random(seed)
    names = [f"ed{i}" for i in range(n_sources)]
    reliability = {s: rng.choice([0.98, 0.95, 0.9, 0.8, 0.7, 0.5]) for s in names}
    weights = [rng.paretovariate(1.1) for _ in names]
    if volume_reliability:
        by_activity = sorted(names, key=lambda s: -weights[int(s[2:])] * rng.uniform(0.5, 2.0))
        ordered = sorted(reliability.values(), reverse=True)
        reliability = dict(zip(by_activity, ordered, strict=True))
    truth = {f"city{i}|{1990 + i % 20}": float(int(10 ** rng.uniform(3, 6.7))) for i in range(n_items)}
    items = list(truth)
    extra = rng.choices(items, weights=[rng.paretovariate(1.5) for _ in items], k=n_claims - n_items)
    said: set[tuple[str, str]] = set()
    rows: list[Row] = []
    bots = names[:bulk]
    for n, item in enumerate(items + extra):
        first_by_bot = n < n_items and bool(bots) and rng.random() < 0.7
        s = rng.choice(bots) if first_by_bot else rng.choices(names, weights=weights)[0]
        if (s, item) in said:
            continue
        said.add((s, item))
        t = truth[item]
        if rng.random() < reliability[s]:
            v = t if rng.random() < 0.9 else float(round(t, 2 - len(str(int(t)))))
        else:
            r = rng.random()
            if r < 0.5:
                v = float(int(t * rng.uniform(0.85, 1.15)))
            elif r < 0.85:
                digits = list(str(int(t)))
                k = rng.randrange(len(digits))
                digits[k] = str((int(digits[k]) + rng.randint(1, 9)) % 10)
                v = float(int("".join(digits)))
            else:
                v = float(rng.randint(100, 10_000_000))
        rows.append((s, item, v, str(int(v))))
    name = "held-out shaped, busy sources more reliable" if volume_reliability else "held-out shaped"
    if bulk:
        name += f", {bulk} bulk sources"
    return Dataset(f"synthetic, {name} (seed {seed})", rows, truth, numeric=True)


# --- methods ------------------------------------------------------------------------------------------

def _decimals(stated: str) -> int:
    """XBRL decimals of a stated figure, by claimgraph's own rule (:func:`claimgraph.sources.quantities._decimals`).

    >>> _decimals("$55.6B"), _decimals("1230000"), _decimals("1000000")
    (-8, -4, -5)
    """
    m = re.search(r"\d[\d,]*(?:\.\d+)?", stated)
    if not m:
        return 0
    return quantity_decimals(m.group(0), 1e9 if "B" in stated else 1.0)


def facts_from_rows(rows: Iterable[Row], numeric: bool, attribute: Callable[[str], str] | None = None) -> FactTable:
    """The rows as a table of claims: numbers at their stated precision ("about" widens by 5%), or categories.
    ``attribute`` gives an object's metric (all claims have metric "value" without it)."""
    rows = list(rows)
    n = len(rows)
    sources = [r[0] for r in rows]
    objects = [r[1] for r in rows]
    metrics = [attribute(o) for o in objects] if attribute else ["value"] * n
    stated = [r[3] for r in rows]
    period = ("p", "2000-01-01", "2000-01-01")
    ids = [f"c{i}" for i in range(n)]
    if not numeric:
        return FactTable.from_rows(ids=ids, sources=sources, companies=objects, metrics=metrics, low=np.zeros(n),
                                   high=np.zeros(n), points=np.full(n, np.nan), decimals=np.zeros(n, dtype=np.int64),
                                   units=[CATEGORY] * n, stated=stated, period=period,
                                   categories=[r[2] for r in rows])
    value = np.fromiter((r[2] for r in rows), float, n)
    texts, distinct = column_codes(stated)
    hedged = np.asarray([t.startswith("about") for t in distinct], dtype=bool)[texts]
    low = np.where(hedged, np.minimum(value * 0.95, value * 1.05), value)
    high = np.where(hedged, np.maximum(value * 0.95, value * 1.05), value)
    decimals = np.asarray([_decimals(t) for t in distinct], dtype=np.int64)[texts]
    return FactTable.from_rows(ids=ids, sources=sources, companies=objects, metrics=metrics, low=low, high=high,
                               points=value, decimals=decimals, units=["number"] * n, stated=stated, period=period,
                               qualifiers=["approximate" if h else "exact" for h in hedged.tolist()])


def ours(rows: list[Row], numeric: bool, rng: random.Random, cfg: TruthConfig | None = None,
         attribute: Callable[[str], str] | None = None) -> tuple[dict[str, Any], int]:
    """claimgraph's answers (random among tied values when undecided) and the number of undecided items."""
    analysis = analyse_facts(facts_from_rows(rows, numeric, attribute), truth=cfg)
    answers: dict[str, Any] = {}
    undecided = 0
    margin = (cfg or TruthConfig()).undecided_margin
    for g in analysis.groups:
        if g.resolution == "resolved":
            answers[g.company] = g.resolved_text if g.resolved_text is not None else g.resolved
        elif g.resolution == "undecided" and g.candidates:
            undecided += 1
            top = g.candidates[0]["evidence"]
            tied = [c for c in g.candidates if top - c["evidence"] < margin]
            pick = rng.choice(tied)
            answers[g.company] = pick["text"] if pick["text"] is not None else pick["value"]
    return answers, undecided


def peer_algorithms() -> list[tuple[str, Callable[[], Any]]]:
    """Every algorithm of the truthdiscovery package, with its default parameters."""
    # truthdiscovery imports its plotting backends (pycairo) at package import; the algorithms do not need them.
    for name in ("truthdiscovery.graphs", "truthdiscovery.graphs.animation", "truthdiscovery.graphs.backends"):
        sys.modules.setdefault(name, types.ModuleType(name))
    import truthdiscovery as td

    return [("MajorityVoting (majority vote)", td.MajorityVoting), ("Sums", td.Sums), ("AverageLog", td.AverageLog),
            ("Investment", td.Investment), ("PooledInvestment", td.PooledInvestment),
            ("UnboundedSums", td.UnboundedSums), ("TruthFinder", td.TruthFinder), ("CRH", td.CRH)]


def _peer_answers(result: Any, rng: random.Random) -> dict[str, Any]:
    out = {}
    for var, beliefs in result.belief.items():
        finite = {v: b for v, b in beliefs.items() if b == b}
        if not finite:
            continue
        top = max(finite.values())
        tied = sorted((v for v, b in finite.items() if b >= top - 1e-12 * max(1.0, abs(top))), key=str)
        out[var] = rng.choice(tied)
    return out


def accuracy(answers: dict[str, Any], gold: dict[str, Any], tolerance: float) -> float:
    if not gold:
        return float("nan")
    right = 0
    for var, truth in gold.items():
        a = answers.get(var)
        if a is None:
            continue
        if isinstance(truth, float):
            right += abs(float(a) - truth) <= tolerance * abs(truth) + 1e-9
        else:
            right += a == truth
    return right / len(gold)


def split_gold(gold: dict[str, Any], part: str) -> dict[str, Any]:
    """The tune or report half of a gold (by a hash of the object id), or all of it."""
    if part == "all":
        return gold
    want = 0 if part == "tune" else 1
    return {k: v for k, v in gold.items() if int(hashlib.sha256(k.encode()).hexdigest(), 16) % 2 == want}


def evaluate(ds: Dataset, seeds: int, part: str, *, cfg: TruthConfig | None = None,
             with_peers: bool = True) -> list[list[Any]]:
    """Mean accuracy and seconds of every method over ``seeds`` shuffles of ``ds``."""
    gold = split_gold(ds.gold, part) if not ds.name.startswith("synthetic") else ds.gold
    values: dict[str, set[Any]] = defaultdict(set)
    for _, obj, value, _ in ds.rows:
        values[obj].add(value)
    contested = {k: v for k, v in gold.items() if len(values.get(k, ())) >= 2}
    scores: dict[str, list[float]] = defaultdict(list)
    hard: dict[str, list[float]] = defaultdict(list)
    times: dict[str, list[float]] = defaultdict(list)
    undecided: list[int] = []
    notes: dict[str, str] = {}
    for seed in range(seeds):
        rng = random.Random(seed)
        rows = list(ds.rows)
        rng.shuffle(rows)
        t = time.perf_counter()
        answers, n_undecided = ours(rows, ds.numeric, random.Random(seed), cfg, ds.attribute)
        times["claimgraph"].append(time.perf_counter() - t)
        scores["claimgraph"].append(accuracy(answers, gold, ds.tolerance))
        hard["claimgraph"].append(accuracy(answers, contested, ds.tolerance))
        if ds.attribute is not None:  # several attributes: the per-metric difficulty option too
            t = time.perf_counter()
            answers, _ = ours(rows, ds.numeric, random.Random(seed), replace(cfg or TruthConfig(), difficulty="metric"),
                              ds.attribute)
            times[DIFFICULTY].append(time.perf_counter() - t)
            scores[DIFFICULTY].append(accuracy(answers, gold, ds.tolerance))
            hard[DIFFICULTY].append(accuracy(answers, contested, ds.tolerance))
        undecided.append(n_undecided)
        if not with_peers:
            continue
        try:
            algos = peer_algorithms()
        except Exception as exc:  # the peer package is optional (bench extra)
            notes["truthdiscovery"] = f"unavailable ({type(exc).__name__}: {exc})"
            continue
        import truthdiscovery as td

        t = time.perf_counter()
        data = td.Dataset(((s, o, v) for s, o, v, _ in rows), allow_multiple=True)
        build = time.perf_counter() - t
        times["(peers' Dataset build)"].append(build)
        for name, cls in algos:
            if name == "CRH" and data.num_claims > PEER_LIMIT_CRH:
                gib = 3 * data.num_claims ** 2 * 8 / 2**30
                notes[name] = (f"not run: {data.num_claims:,} distinct values need dense {data.num_claims:,}² "
                               f"matrices (~{gib:,.0f} GiB)")
                continue
            t = time.perf_counter()
            try:
                result = cls().run(data)
            except Exception as exc:
                notes[name] = f"failed: {type(exc).__name__}: {exc}"
                continue
            times[name].append(time.perf_counter() - t + build)
            answers = _peer_answers(result, random.Random(seed))
            scores[name].append(accuracy(answers, gold, ds.tolerance))
            hard[name].append(accuracy(answers, contested, ds.tolerance))
    rows_out: list[list[Any]] = []
    n_claims = len(ds.rows)
    for name in ["claimgraph", DIFFICULTY, *[n for n, _ in _peer_names()], "(peers' Dataset build)"]:
        if name in notes:
            rows_out.append([ds.name, n_claims, len(gold), name, "-", "-", "-", notes[name]])
        elif name in times:
            acc, acc_hard = scores.get(name), hard.get(name)
            extra = ""
            if name == "claimgraph":
                extra = f"undecided on {sum(undecided) / len(undecided):.0f} of {len({r[1] for r in ds.rows})} items"
            rows_out.append([ds.name, n_claims, f"{len(gold)} ({len(contested)})", name,
                             "-" if not acc else sum(acc) / len(acc), "-" if not acc_hard else sum(acc_hard) / len(acc_hard),
                             sum(times[name]) / len(times[name]), extra])
    if "truthdiscovery" in notes:
        rows_out.append([ds.name, n_claims, len(gold), "truthdiscovery", "-", "-", "-", notes["truthdiscovery"]])
    return rows_out


def _peer_names() -> list[tuple[str, None]]:
    return [(n, None) for n in ("MajorityVoting (majority vote)", "Sums", "AverageLog", "Investment",
                                "PooledInvestment", "UnboundedSums", "TruthFinder", "CRH")]


def run(seeds: int = 3, part: str = "report",
        only: Iterable[str] = ("weather", "books", "synthetic", "copiers", "population", "population-volume",
                               "population-bulk"),
        cli: bool = False, peers: bool = True, typed: bool = True) -> str:
    sets: list[Dataset] = []
    root = _extract()
    only = set(only)
    missing = ""
    if root is None:
        missing = "\n\n(the public sets were not found: shared/data/truth-discovery-dev.tar.gz is missing)"
    else:
        if "weather" in only:
            sets.append(weather(root))
        if "books" in only:
            sets.append(books(root))
    if "synthetic" in only:
        sets.append(synthetic(seed=3))
    if "copiers" in only:
        sets.append(synthetic_copiers(seed=3))
    if "population" in only:
        sets.append(population_like())
    if "population-volume" in only:
        sets.append(population_like(volume_reliability=True))
    if "population-bulk" in only:
        sets.append(population_like(bulk=5))
    if cli:
        return _run_cli(sets, seeds, part, typed) + missing
    rows: list[list[Any]] = []
    for ds in sets:
        rows += evaluate(ds, seeds, part, with_peers=peers)
    header = ["set", "claims", "gold items (contested)", "method", f"accuracy ({part} half, mean of {seeds} shuffles)",
              "on contested items", "seconds", "note"]
    return (f"Truth discovery on the public sets and synthetic data: rows shuffled, ties broken at random, "
            f"mean of {seeds} seeds.\n\n" + table(header, [[_fmt(v) for v in r] for r in rows]) + missing)


def _run_cli(sets: list[Dataset], seeds: int, part: str, typed: bool = True) -> str:
    """``--cli``: claimgraph in memory next to claimgraph through ``import-claims`` and ``resolve --format json``."""
    import os

    from bench.truth_cli import HEADER, evaluate_cli

    rows: list[list[Any]] = []
    for ds in sets:
        rows += evaluate_cli(ds, seeds, part, typed=typed)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"claimgraph in memory and through the command line on the same shuffles ({part} half, mean of {seeds} "
            f"seeds; load average at the end {load}).\n\n" + table(HEADER, [[_fmt(v) for v in r] for r in rows]))


def _fmt(v: Any) -> Any:
    if isinstance(v, float) and not math.isnan(v):
        return round(v, 3)
    return v


def _args(argv: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    it = iter(argv)
    for a in it:
        if a == "--seeds":
            out["seeds"] = int(next(it))
        elif a == "--split":
            out["part"] = next(it)
        elif a == "--only":
            out["only"] = next(it).split(",")
        elif a == "--cli":
            out["cli"] = True
        elif a == "--untyped":
            out["typed"] = False
        elif a == "--no-peers":
            out["peers"] = False
    return out


if __name__ == "__main__":
    print(run(**_args(sys.argv[1:])))
