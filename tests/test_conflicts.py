"""Conflict analysis: the cases the card promises, revisions, unresolved periods, cross-checks, resolution."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimgraph.analysis.analyse import Analysis, analyse, conflicts_report, resolve_report
from claimgraph.analysis.conflicts import AgreementConfig, Fact, analyse_groups
from claimgraph.analysis.truth import TruthConfig, resolve
from claimgraph.cli import app
from claimgraph.graph.store import Store, open_store
from claimgraph.pipeline import ingest


def _store_with(tmp_path: Path, *texts: str) -> Store:
    store = open_store("memory")
    paths = []
    for n, text in enumerate(texts):
        p = tmp_path / f"a{n}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    report = ingest(paths, store)
    assert not report.failed
    return store


def _groups(a: Analysis, metric: str) -> list[Any]:
    return [g for g in a.groups if g.metric == metric]


@pytest.fixture(scope="module")
def corpus(memory_store: Store) -> Analysis:
    return analyse(memory_store)


def test_precise_and_rounded_backlog_agree(corpus: Analysis) -> None:
    (g,) = [g for g in _groups(corpus, "revenue_backlog") if g.period[0] == "2025-09-30" and g.measure == "level"]
    stated = {f.stated for f in g.facts}
    assert {"$55.6 billion", "~$56 billion"} <= stated
    assert g.status == "consistent"
    assert g.resolved == pytest.approx(55.6e9)


def test_backlog_is_a_time_series_not_a_conflict(corpus: Analysis) -> None:
    levels = [g for g in _groups(corpus, "revenue_backlog") if g.measure == "level" and g.period[2]]
    assert [g.period[0] for g in sorted(levels, key=lambda g: g.period[2])] == [
        "2025-03-31", "2025-09-30", "2025-12-31", "2026-03-31"]
    assert all(g.status == "consistent" for g in levels)


def test_capex_cut_is_a_revision(corpus: Analysis) -> None:
    (g,) = [g for g in _groups(corpus, "capex") if g.period[0] == "2025"]
    assert g.status == "revision"
    assert {f.stated for f in g.superseded} == {"around $20 billion to $23 billion"}
    assert g.resolved == pytest.approx(13e9)


def test_correction_supersedes(tmp_path: Path) -> None:
    store = _store_with(tmp_path, "Soylent corrects\nSoylent Corp said it corrected its fourth quarter net income "
                                  "to 485,380 dlrs from 528,790 dlrs in 1986.")
    a = analyse(store)
    (g,) = _groups(a, "net_income")
    assert g.status == "revision"
    assert [f.stated for f in g.superseded] == ["528,790 dlrs"]
    assert g.resolved == 485380


def test_true_conflict_is_reported_with_both_sides(tmp_path: Path) -> None:
    store = _store_with(
        tmp_path,
        "Acme beats\nBy Jane Roe\nAcme Corp reported revenue of $5.2 billion in Q3 2025.",
        "Acme misses\nBy John Doe\nAcme Corp reported revenue of $4.1 billion in Q3 2025.",
        "Acme again\nBy Ann Lee\nAcme Corp reported revenue of about $5.2 billion in Q3 2025.",
    )
    a = analyse(store)
    (g,) = _groups(a, "revenue")
    assert g.status == "conflict"
    assert sorted(sorted(f.stated for f in side) for side in g.clusters) == [
        ["$4.1 billion"], ["$5.2 billion", "about $5.2 billion"]]
    assert g.resolved == pytest.approx(5.2e9)
    report = resolve_report(a)[0]
    assert len(report["support"]) == 2 and len(report["dissent"]) == 1
    assert a.trust[g.dissent[0].source] < a.trust[g.support[0].source]


def test_unresolved_period_is_a_possible_conflict(tmp_path: Path) -> None:
    store = _store_with(
        tmp_path,
        "Acme one\nAcme Corp reported revenue of $5.2 billion in Q3 2025.",
        "Acme two\nAcme Corp said its revenue was $9 billion.",
    )
    groups = conflicts_report(analyse(store))
    possible = [g for g in groups if g["status"] == "possible_conflict"]
    assert possible and possible[0]["reason"] == "period unresolved"
    assert possible[0]["claims"][0]["value"]["stated"] == "$9 billion"


def test_truncation_rule_is_configurable() -> None:
    def fact(i: str, v: float, d: int, stated: str) -> Fact:
        return Fact(i, i, "C", "revenue_backlog", "level", v, v, v, d, "exact", "USD", "2025-09-30", "2025-09-30",
                    "2025-09-30", "reported", None, stated=stated)

    facts = [fact("a", 55e9, -9, "$55B"), fact("b", 55.6e9, -8, "$55.6B")]
    assert analyse_groups(facts, AgreementConfig(truncation=True))[0].status == "consistent"
    assert analyse_groups(facts, AgreementConfig(truncation=False))[0].status == "conflict"


def test_cross_checks(corpus: Analysis) -> None:
    by_kind = {(c.kind, c.verdict): c for c in corpus.checks}
    growth = by_kind[("growth", "consistent")]
    assert growth.low == pytest.approx(25.85e9 * 3.835, rel=1e-3)
    assert "implies $99.5B" in growth.explanation and "+284% y/y" in growth.explanation
    margin = by_kind[("margin", "derived")]
    assert (margin.low + margin.high) / 2 == pytest.approx(977.6e6, rel=0.01)
    assert ("parts", "consistent") in by_kind


def test_subperiod_and_inconsistent_checks(tmp_path: Path) -> None:
    store = _store_with(
        tmp_path,
        "Acme year\nAcme Corp reported revenue of $1 billion in Q1 2024, $1.1 billion in Q2 2024, $1.2 billion in Q3 "
        "2024 and $1.3 billion in Q4 2024. Acme Corp reported revenue of $4.6 billion for 2024.",
    )
    checks = [c for c in analyse(store).checks if c.kind == "subperiods"]
    assert checks and checks[0].verdict == "consistent"
    store2 = _store_with(tmp_path, "Acme year\nAcme Corp reported revenue of $1 billion in Q1 2024, $1.1 billion in "
                                   "Q2 2024, $1.2 billion in Q3 2024 and $1.3 billion in Q4 2024. Acme Corp reported "
                                   "revenue of $9 billion for 2024.")
    assert [c.verdict for c in analyse(store2).checks if c.kind == "subperiods"] == ["inconsistent"]


def test_resolution_uses_numeric_distance() -> None:
    def fact(i: str, src: str, v: float, group: str) -> Fact:
        return Fact(i, src, "C", "m", "level", v, v, v, -6, "exact", "USD", group, group, group, "reported", None,
                    stated=f"${v}")

    facts = []
    for n in range(6):
        g = f"2025-0{n + 1}-28"
        facts += [fact(f"a{n}", "good", 100e6, g), fact(f"d{n}", "good2", 100e6, g), fact(f"b{n}", "near", 103e6, g),
                  fact(f"c{n}", "far", 1000e6, g)]
    groups = analyse_groups(facts, AgreementConfig())
    trust = resolve(groups)
    assert trust["good"] > trust["near"] > trust["far"]
    assert all(g.resolved == 100e6 for g in groups)


def test_analysis_is_rdf_and_idempotent(tmp_path: Path, examples: list[str]) -> None:
    store = open_store(str(tmp_path / "s"))
    ingest(examples, store)
    analyse(store)
    size = len(store)
    analyse(store)
    assert len(store) == size
    rows = list(store.select("SELECT (COUNT(?g) AS ?n) WHERE { ?g a cg:ClaimGroup ; cg:status \"revision\" }"))
    assert rows[0]["n"] == 2
    store.close()


def test_sparql_rule_agrees_with_python(memory_store: Store) -> None:
    from claimgraph.queries import load_query

    a = analyse(memory_store)
    python = {f"https://w3id.org/claimgraph/id/group/{g.id}": g for g in a.groups}
    for row in memory_store.select(load_query("group-consistency").text):
        g = python[row["group"]]
        agreeing = g.status in ("consistent", "revision", "unresolved") and "contradict itself" not in g.reason
        assert (row["verdict"] == "consistent") == agreeing, g.key


def test_conflicts_cli(tmp_path: Path, runner: CliRunner, examples: list[str]) -> None:
    store = str(tmp_path / "s")
    runner.invoke(app, ["ingest", *examples, "--store", store, "--workers", "1"])
    out = runner.invoke(app, ["conflicts", "--store", store, "--all", "--format", "json"])
    groups = json.loads(out.stdout)
    statuses = {g["status"] for g in groups}
    assert {"consistent", "revision"} <= statuses
    for g in groups:
        assert {"company", "metric", "measure", "period", "status", "claims"} <= set(g)
        for c in g["claims"]:
            assert {"id", "article", "value"} <= set(c)
    text = runner.invoke(app, ["conflicts", "--store", store]).stdout
    assert "REVISION" in text and "superseded" in text
    tl = runner.invoke(app, ["timeline", "CoreWeave", "revenue_backlog", "--store", store]).stdout
    assert tl.index("2025-03-31") < tl.index("2025-09-30") < tl.index("2025-12-31") < tl.index("2026-03-31")
    res = json.loads(runner.invoke(app, ["resolve", "--store", store, "--format", "json"]).stdout)
    assert all({"subject", "metric", "period", "value", "low", "high", "support", "dissent"} <= set(r) for r in res)


def test_import_claims(tmp_path: Path, runner: CliRunner) -> None:
    csv_path = tmp_path / "claims.csv"
    csv_path.write_text(
        "source,subject,metric,period,value,unit\n"
        "Wire A,Acme,revenue,2025-Q3,5200000000,USD\n"
        "Wire B,Acme,revenue,2025-Q3,4100000000,USD\n"
        "Wire C,Acme,revenue,2025-Q3,$5.2B,\n"
        "Wire A,Microsoft,revenue,FY2016,91.2e9,USD\n"
        "Wire A,Acme,revenue,2025-07-01/2025-09-30,5.2e9,USD\n"
        "Wire D,Acme,revenue,someday,1,USD\n", encoding="utf-8")
    store = str(tmp_path / "s")
    out = runner.invoke(app, ["import-claims", str(csv_path), "--store", store])
    assert out.exit_code == 1 and "someday" in out.stderr
    groups = json.loads(runner.invoke(app, ["conflicts", "--store", store, "--format", "json"]).stdout)
    (g,) = [g for g in groups if g["company"] == "Acme"]
    assert g["status"] == "conflict" and g["period"]["label"] == "2025-Q3" and len(g["claims"]) == 4


# --- honest resolution, estimates, preliminary figures, copies, periods by dates -------------------------------

def _fact(i: str, src: str, v: float, *, d: int = -8, modality: str = "reported", metric: str = "revenue",
          period: tuple[str, str, str] = ("2025-Q3", "2025-07-01", "2025-09-30"), quote: str = "",
          published: str | None = None) -> Fact:
    return Fact(i, src, "Acme", metric, "level", v, v, v, d, "exact", "USD", *period, modality, None,
                stated=f"${v / 1e9:g}B", quote=quote, published=published)


@pytest.mark.parametrize("rows", [("Wire,55.6B", "Blog,48B"), ("Wire,48B", "Blog,55.6B")])
def test_one_against_one_is_undecided_whichever_source_states_which(tmp_path: Path, runner: CliRunner,
                                                                    rows: tuple[str, str]) -> None:
    csv = tmp_path / "claims.csv"
    csv.write_text("source,subject,metric,period,value\n" + "".join(
        f"{src},CoreWeave,revenue_backlog,2025-09-30,{value}\n" for src, value in (r.split(",") for r in rows)))
    store = str(tmp_path / "store")
    assert runner.invoke(app, ["import-claims", str(csv), "--store", store]).exit_code == 0
    result = runner.invoke(app, ["resolve", "--store", store, "--format", "json"])
    (group,) = json.loads(result.stdout)
    assert group["resolution"] == "undecided" and group["value"] is None and group["confidence"] is None
    assert sorted(c["value"] for c in group["candidates"]) == [48e9, 55.6e9]
    table = runner.invoke(app, ["conflicts", "--store", store]).stdout
    assert "undecided: 55.6B (1 source) | 48B (1 source)" in table or "undecided: 48B (1 source) | 55.6B" in table
    assert "resolved:" not in table
    graph = runner.invoke(app, ["query", "SELECT ?r ?v WHERE { ?g cg:resolution ?r OPTIONAL { ?g cg:resolvedValue ?v } }",
                                "--store", store, "--format", "json"])
    assert json.loads(graph.stdout) == [{"r": "undecided", "v": None}]


@pytest.mark.parametrize("values", [(4.01e9, -7, 4.1e9, -8), (4.1e9, -8, 4.01e9, -7)])
def test_one_against_one_close_values_of_different_precision_are_undecided(values: tuple[float, int, float, int]) -> None:
    # "$4.1B" covers 4.05-4.15 and lies nearer "$4.01B" than "$4.01B" lies to it: that nearness is no evidence
    a, da, b, db = values
    (g,) = analyse_groups([_fact("a", "wire", a, d=da), _fact("b", "blog", b, d=db)], AgreementConfig())
    resolve([g])
    assert g.status == "conflict" and g.resolution == "undecided" and g.resolved is None


def test_more_independent_sources_decide_and_copies_count_once() -> None:
    wire = "Acme said revenue was $5.2 billion in the third quarter."
    facts = [_fact("a", "wire", 5.2e9, quote=wire), _fact("b", "paper", 5.2e9, quote=wire),
             _fact("c", "blog", 4.1e9, quote="Acme made $4.1 billion.")]
    (g,) = analyse_groups(facts, AgreementConfig())
    resolve([g])
    assert g.resolution == "undecided", "a syndicated copy is not a second source"
    facts[1].quote = "Revenue came in at $5.2 billion, Acme said."
    (g,) = analyse_groups(facts, AgreementConfig())
    resolve([g])
    assert g.resolution == "resolved" and g.resolved == 5.2e9 and g.independent == 2
    assert g.confidence is not None and 0.5 < g.confidence < 1


def test_estimates_are_a_series_with_beat_or_miss_never_a_conflict() -> None:
    from claimgraph.analysis.analyse import analyse_facts

    facts = [_fact("a", "s1", 5.2e9), _fact("b", "s2", 5.2e9), _fact("e1", "s1", 5.0e9, modality="analyst_estimate"),
             _fact("e2", "s3", 5.4e9, modality="analyst_estimate"), _fact("e3", "s4", 5.2e9, modality="analyst_estimate")]
    a = analyse_facts(facts)
    actual = next(g for g in a.groups if g.modality_class == "actual")
    estimates = next(g for g in a.groups if g.modality_class == "estimate")
    assert actual.status == "consistent" and estimates.status == "divergent"
    outcomes = {c.estimate.id: (c.outcome, round(c.percent or 0, 2)) for c in a.estimates}
    assert outcomes == {"e1": ("beat", 4.0), "e2": ("miss", -3.7), "e3": ("in_line", 0.0)}
    (row,) = [r for r in conflicts_report(a, include_all=True) if r["modality_class"] == "actual"]
    assert {e["outcome"] for e in row["estimates"]} == {"beat", "miss", "in_line"}
    assert not [r for r in conflicts_report(a) if r["status"] == "conflict"]


def test_final_figures_supersede_preliminary_ones() -> None:
    facts = [_fact("p", "s1", 5.0e9, modality="preliminary"), _fact("f", "s2", 5.2e9)]
    (g,) = analyse_groups(facts, AgreementConfig())
    assert g.status == "revision" and [f.id for f in g.superseded] == ["p"]
    facts = [_fact("p", "s1", 5.2e9, modality="preliminary"), _fact("f", "s2", 5.2e9)]
    assert analyse_groups(facts, AgreementConfig())[0].status == "consistent"


def test_periods_group_by_dates_and_cumulative_periods_stay_apart() -> None:
    q = [_fact("a", "s1", 1e9, period=("FY1987-Q3", "1986-10-01", "1986-12-31")),
         _fact("b", "s2", 1e9, period=("1986-Q4", "1986-10-01", "1986-12-31")),
         _fact("c", "s3", 1e9, period=("Q4 to Dec 27", "1986-09-28", "1986-12-27"))]
    nine = [_fact("n", "s1", 3e9, period=("9M 1986", "1986-04-01", "1986-12-31"))]
    groups = analyse_groups(q + nine, AgreementConfig())
    assert sorted((g.key[3], len(g.facts), g.status) for g in groups) == [("P3M", 3, "consistent"),
                                                                           ("P9M", 1, "consistent")]
    quarter = next(g for g in groups if g.key[3] == "P3M")
    assert quarter.labels == ["1986-Q4", "FY1987-Q3", "Q4 to Dec 27"]


def test_categorical_values_learn_trust_across_groups() -> None:
    def cat(i: str, src: str, obj: str, value: str) -> Fact:
        return Fact(i, src, obj, "author", "level", 0, 0, None, 0, "exact", "category", "p", "2000-01-01",
                    "2000-01-01", "reported", None, stated=value, category=value)

    facts = []
    for n in range(5):
        facts += [cat(f"a{n}", "good", f"book{n}", "knuth"), cat(f"b{n}", "good2", f"book{n}", "knuth"),
                  cat(f"c{n}", "bad", f"book{n}", "smith")]
    facts += [cat("x", "good", "book9", "hoare"), cat("y", "bad", "book9", "wirth")]
    groups = analyse_groups(facts, AgreementConfig())
    trust = resolve(groups)
    assert trust["good"] > trust["bad"]
    last = next(g for g in groups if g.company == "book9")
    assert last.resolution == "resolved" and last.resolved_text == "hoare"


def test_an_article_does_not_conflict_with_itself() -> None:
    """A note's figure read as the year's EPS ("a gain of 50 cts a share") is not a second source disagreeing."""
    facts = [_fact("a", "table", 0.94, d=2), _fact("b", "correction", 0.94, d=2), _fact("c", "correction", 0.50, d=2),
             _fact("d", "correction", 0.07, d=2)]
    (g,) = analyse_groups(facts, AgreementConfig())
    assert g.status == "consistent" and "does not contradict itself" in g.reason
    resolve([g])
    assert g.resolution == "resolved" and g.resolved == pytest.approx(0.94)
    assert sorted(f.id for f in g.dissent) == ["c", "d"]
    facts = [_fact("a", "table", 0.94, d=2), _fact("b", "story", 0.50, d=2), _fact("c", "story", 0.07, d=2)]
    assert analyse_groups(facts, AgreementConfig())[0].status == "conflict", "two articles that disagree"


def test_a_lone_claim_is_reported_but_gets_no_group_node(tmp_path: Path, runner: CliRunner) -> None:
    """Reports list every group (from the index); the RDF analysis graph holds the groups where claims meet."""
    csv = tmp_path / "claims.csv"
    csv.write_text("source,subject,metric,period,value\nWire,Acme,revenue,2025-Q3,5.2B\nBlog,Acme,revenue,2025-Q3,5.2B\n"
                   "Wire,Acme,revenue,2025-Q2,4.9B\n")
    store = str(tmp_path / "store")
    assert runner.invoke(app, ["import-claims", str(csv), "--store", store]).exit_code == 0
    rows = json.loads(runner.invoke(app, ["resolve", "--store", store, "--format", "json"]).stdout)
    assert sorted((r["period"]["label"], r["value"], r["best"]["value"]) for r in rows) == [
        ("2025-Q2", 4.9e9, 4.9e9), ("2025-Q3", 5.2e9, 5.2e9)]
    graph = runner.invoke(app, ["query", "SELECT ?l WHERE { ?g a cg:ClaimGroup ; cg:periodLabel ?l }", "--store", store,
                                "--format", "json"])
    assert json.loads(graph.stdout) == [{"l": "2025-Q3"}]


def _random_facts(seed: int, n: int = 400) -> list[Fact]:
    import random

    rng = random.Random(seed)
    out = []
    for i in range(n):
        item = f"item{rng.randrange(60)}"
        v = rng.choice([5.2e9, 5.25e9, 5.3e9, 4.8e9, 5e9, 55.6e9])
        d = rng.choice([-8, -9, -7])
        modality = rng.choice(["reported"] * 8 + ["analyst_estimate", "preliminary"])
        out.append(Fact(f"c{i:04d}", f"s{rng.randrange(25)}", item, "revenue", "level", v, v, v, d, "exact", "USD",
                        "2025-Q3", "2025-07-01", "2025-09-30", modality, None, stated=f"${v / 1e9:g}B",
                        quote=f"q{rng.randrange(40)}"))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_table_path_gives_what_the_fact_path_gives(seed: int) -> None:
    """Claims given as a FactTable (no object per claim) and as Fact objects are analysed alike."""
    from claimgraph.analysis.analyse import analyse_facts
    from claimgraph.analysis.facts import FactTable

    facts = _random_facts(seed)
    objects = analyse_facts(facts)
    copies = [Fact(f.id, f.source, f.company, f.metric, f.measure, f.low, f.high, f.point, f.decimals, f.qualifier,
                   f.unit, f.period_label, f.period_start, f.period_end, f.modality, f.revises, stated=f.stated,
                   quote=f.quote) for f in _random_facts(seed)]
    table = FactTable.from_facts(copies)
    table.made = [None] * len(table)  # make the analysis build its own facts from the columns
    columns = analyse_facts(table)

    def summary(a: Any) -> list[Any]:
        return sorted((g.key, g.status, g.resolution, g.resolved, sorted(sorted(f.id for f in c) for c in g.clusters),
                       sorted(f.id for f in g.support), [c["value"] for c in g.candidates]) for g in a.groups)

    assert summary(objects) == summary(columns)
    assert objects.trust == pytest.approx(columns.trust)


def test_sides_over_arrays_are_the_maximal_cliques() -> None:
    """The vectorised sweep finds the same sides as the one-group sweep, on random intervals of many groups."""
    import random

    import numpy as np

    from claimgraph.analysis.conflicts import clique_members, clusters

    rng = random.Random(7)
    grp, lo, hi, facts = [], [], [], []
    for g in range(200):
        for _ in range(rng.randint(1, 9)):
            a = rng.choice([0.0, 1.0, 1.5, 2.0, 3.0, 5.0]) + rng.choice([0.0, 0.5])
            b = a + rng.choice([0.5, 1.0, 2.0])
            grp.append(g)
            lo.append(a)
            hi.append(b)
            facts.append(Fact(str(len(facts)), "s", "C", "m", "level", a, b, None, 0, "exact", "USD", None, None, None,
                              "reported", None, cmp_low=a, cmp_high=b))
    clique, member = clique_members(np.asarray(grp), np.asarray(lo), np.asarray(hi))
    by_clique: dict[int, list[int]] = {}
    for c, m in zip(clique.tolist(), member.tolist(), strict=True):
        by_clique.setdefault(c, []).append(m)
    found: dict[int, list[list[int]]] = {}
    for side in by_clique.values():
        found.setdefault(grp[side[0]], []).append(sorted(side))
    for g in range(200):
        members = [i for i in range(len(grp)) if grp[i] == g]
        expected = sorted(sorted(int(f.id) for f in side) for side in clusters([facts[i] for i in members]))
        assert sorted(found.get(g, [])) == expected, g


@pytest.mark.parametrize("seed", [4, 5])
def test_superseded_claims_are_resolved_over_arrays(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Groups with superseded (preliminary, corrected) claims stay on the array path, and it resolves them as the
    claim-by-claim path does: over their current claims only."""
    from claimgraph.analysis import truth
    from claimgraph.analysis.facts import FactTable

    def groups() -> list[Any]:
        table = FactTable.from_facts(_random_facts(seed))
        table.made = [None] * len(table)
        return analyse_groups(table, AgreementConfig())

    def summary(gs: list[Any], trust: dict[str, float]) -> list[Any]:
        return sorted((g.key, g.resolution, g.resolved, None if g.confidence is None else round(g.confidence, 9),
                       sorted(f.id for f in g.support), sorted(f.id for f in g.dissent)) for g in gs) + sorted(
            (s, round(t, 9)) for s, t in trust.items())

    reference = groups()
    assert any(g.superseded for g in reference)
    with monkeypatch.context() as m:
        m.setattr(truth, "_shared_rows", lambda work: None)  # the claim-by-claim path
        expected = summary(reference, resolve(reference))
    fast = groups()

    def no_objects(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the array path made a table of Fact objects")

    monkeypatch.setattr(FactTable, "from_facts", no_objects)
    assert summary(fast, resolve(fast)) == expected
    for g in fast:
        if g.superseded and g.resolution == "resolved":
            assert not {f.id for f in g.superseded} & {f.id for f in g.support + g.dissent}


def test_the_answer_is_the_value_most_supporters_state() -> None:
    """Rounded figures hold a precise one that falls in their intervals; the answer is the precise value unless the
    rounded one is stated with more than three times the votes (seven sites' 33 against one site's 32.7)."""
    many = [_fact(f"r{i}", f"site{i}", 33.0, d=0) for i in range(7)] + [_fact("p", "precise", 32.7, d=1)]
    (g,) = analyse_groups(many, AgreementConfig())
    resolve([g])
    assert g.resolution == "resolved" and g.resolved == pytest.approx(33.0)
    few = [_fact("r0", "site0", 33.0, d=0), _fact("p", "precise", 32.7, d=1)]
    (g,) = analyse_groups(few, AgreementConfig())
    resolve([g])
    assert g.resolution == "resolved" and g.resolved == pytest.approx(32.7)


def test_trust_prior_is_learned_from_sources_of_the_same_evidence_volume() -> None:
    """Busy sources are checked right, occasional ones wrong; a busy source nobody has checked then outweighs an
    occasional one nobody has checked (the prior of its volume class), whichever states which value. With a flat
    prior the same two are one against one: undecided."""
    from claimgraph.analysis.truth import TruthConfig

    def build(busy_value: float, other_value: float) -> list[Fact]:
        facts = []
        for n in range(16):
            a, b = f"busy{n % 4}", f"busy{(n + 1) % 4}"
            facts += [_fact(f"t{n}a", a, 1e9 * (n + 1), metric=f"m{n}"),
                      _fact(f"t{n}b", b, 1e9 * (n + 1), metric=f"m{n}"),
                      _fact(f"t{n}c", f"occasional{n}", 3e9 * (n + 1) + 1e8, metric=f"m{n}")]
        for n in range(8):  # busy sources speak in 8 to 15 groups; the unchecked busy one in 8 (7 of them alone)
            facts += [_fact(f"x{n}a", f"busy{n % 4}", 7e9, metric=f"x{n}")]
            if n < 7:
                facts += [_fact(f"x{n}b", "busy5", 7e9, metric=f"y{n}")]
        return [*facts, _fact("q1", "busy5", busy_value, metric="q"), _fact("q2", "newcomer", other_value, metric="q")]

    for busy_value, other_value in ((55.6e9, 48e9), (48e9, 55.6e9)):
        groups = analyse_groups(build(busy_value, other_value), AgreementConfig())
        trust = resolve(groups, config=TruthConfig(volume_prior=True))
        assert trust["busy5"] > 0.8 > 0.5 > trust["newcomer"]
        (q,) = [g for g in groups if "q" in g.key]
        assert q.resolution == "resolved" and q.resolved == busy_value
        groups = analyse_groups(build(busy_value, other_value), AgreementConfig())
        resolve(groups, config=TruthConfig(volume_prior=False))
        (q,) = [g for g in groups if "q" in g.key]
        assert q.resolution == "undecided"


def test_a_busy_source_contradicted_only_by_newcomers_keeps_its_trust() -> None:
    """A source right on 40 items, contradicted on 10 of them by 10 newcomers who say nothing else: each such item is
    one against one with a source judged nowhere else, which says nothing about either. The busy source keeps the
    prior instead of losing every such item (before, its credit there stayed under 1/2 against a newcomer's prior,
    its trust fell to 0.04 and the newcomers won all ten), and the ten items are undecided."""
    facts = []
    for n in range(40):
        period = (f"P{n}", f"{2000 + n}-01-01", f"{2000 + n}-03-31")
        facts.append(_fact(f"b{n}", "busy", 1e9 * (n + 1), period=period))
        if n < 10:
            facts.append(_fact(f"x{n}", f"newcomer{n}", 1e9 * (n + 1) * 1.3, period=period))
    groups = analyse_groups(facts, AgreementConfig())
    trust = resolve(groups)
    cfg = TruthConfig()
    assert trust["busy"] == pytest.approx(cfg.prior_true / (cfg.prior_true + cfg.prior_false), abs=0.01)
    contested = [g for g in groups if len(g.facts) == 2]
    assert len(contested) == 10 and all(g.resolution == "undecided" for g in contested)


def test_metric_difficulty_counts_errors_against_the_metric_error_rate() -> None:
    """A states an easy metric (everyone agrees) and a hard one (four sources, four values, every time); W states the
    hard one only, where A and W are alike. Without difficulty A's easy claims rank it far above W, and one against
    one A wins; with ``difficulty="metric"`` errors are counted against the hard metric's error rate: A and W are
    close, and the same item is undecided."""
    from claimgraph.analysis.truth import TruthConfig

    def build() -> list[Fact]:
        facts = []
        for n in range(10):
            period = (f"P{n}", f"{2010 + n}-01-01", f"{2010 + n}-03-31")
            facts += [_fact(f"e{n}{s}", s, 5e9, metric="easy", period=period) for s in ("A", "E1", "E2")]
            facts += [_fact(f"h{n}{s}", s, (k + 1) * 1e9, metric="hard", period=period)
                      for k, s in enumerate(("A", "W", "H1", "H2"))]
        period = ("Q", "2030-01-01", "2030-03-31")
        return [*facts, _fact("qa", "A", 7e9, metric="hard", period=period),
                _fact("qw", "W", 9e9, metric="hard", period=period)]

    for difficulty in ("", "metric"):
        groups = analyse_groups(build(), AgreementConfig())
        trust = resolve(groups, config=TruthConfig(difficulty=difficulty))
        (q,) = [g for g in groups if g.facts[0].id in ("qa", "qw")]
        if difficulty:
            assert abs(trust["A"] - trust["W"]) < 0.05 and q.resolution == "undecided"
        else:
            assert trust["A"] > trust["W"] + 0.5 and q.resolution == "resolved" and q.resolved == 7e9
