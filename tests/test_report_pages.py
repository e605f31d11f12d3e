"""Pages of the report commands and of whole-store queries: a default page with the count left out on stderr,
filters pushed into the index read, ``--limit 0`` for everything, and ``query --limit/--offset``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import DEFAULT_GROUPS, app
from claimgraph.graph.sparql import sliced
from claimgraph.graph.store import Store, open_store, pages
from claimgraph.queries import load_query

COMPANIES = DEFAULT_GROUPS + 10


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> str:
    """More conflict groups than a default page: each company's revenue stated twice, 30% apart; capex once."""
    root = tmp_path_factory.mktemp("pages")
    rows = ["source,subject,metric,period,value,unit"]
    for i in range(COMPANIES):
        rows += [f"Wire A,Co {i},revenue,2025-Q3,{100 + i}123000,USD", f"Wire B,Co {i},revenue,2025-Q3,{130 + i}456000,USD",
                 f"Wire A,Co {i},capex,2025-Q2,{10 + i}789000,USD"]
    (root / "claims.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    store = str(root / "store")
    out = CliRunner().invoke(app, ["import-claims", str(root / "claims.csv"), "--store", store])
    assert out.exit_code == 0, out.output
    return store


def _json(runner: CliRunner, *args: str) -> tuple[list[dict[str, object]], str]:
    out = runner.invoke(app, list(args))
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout), out.stderr


def test_default_page_counts_the_rest(big: str, runner: CliRunner) -> None:
    for kind, total in (("conflicts", COMPANIES), ("resolve", 2 * COMPANIES)):
        shown, note = _json(runner, kind, "--store", big, "--format", "json")
        assert len(shown) == DEFAULT_GROUPS
        assert f"{total - DEFAULT_GROUPS} more groups ({DEFAULT_GROUPS} of {total} shown); --limit 0 for all" in note
        every, note = _json(runner, kind, "--store", big, "--format", "json", "--limit", "0")
        assert len(every) == total and "more group" not in note
        assert every[:DEFAULT_GROUPS] == shown  # the page is the head of the report, in report order
        lines = runner.invoke(app, [kind, "--store", big, "--format", "jsonl", "--limit", "0"]).stdout.splitlines()
        assert [json.loads(line) for line in lines] == every
        three, note = _json(runner, kind, "--store", big, "--format", "json", "--limit", "3")
        assert three == every[:3] and f"{total - 3} more groups" in note
    table = runner.invoke(app, ["conflicts", "--store", big, "--limit", "2"])
    assert table.stdout.count("CONFLICT") == 2 and f"{COMPANIES - 2} more groups" in table.stderr
    rows = runner.invoke(app, ["resolve", "--store", big, "--limit", "4", "--format", "csv"]).stdout.splitlines()
    assert len(rows) == 5


def test_filters_select_in_the_index(big: str, runner: CliRunner) -> None:
    every, _ = _json(runner, "resolve", "--store", big, "--format", "json", "--limit", "0")
    one, note = _json(runner, "resolve", "--store", big, "--format", "json", "--company", "Co 7")
    assert one == [r for r in every if r["subject"] == "Co 7"] and len(one) == 2 and note == ""
    capex, _ = _json(runner, "resolve", "--store", big, "--format", "json", "--limit", "0", "--metric", "capex")
    assert capex == [r for r in every if r["metric"] == "capex"] and len(capex) == COMPANIES
    q2, _ = _json(runner, "resolve", "--store", big, "--format", "json", "--limit", "0", "--period", "2025-Q2")
    assert q2 == capex
    conflict, _ = _json(runner, "conflicts", "--store", big, "--format", "json", "--company", "Co 3",
                        "--metric", "revenue", "--period", "2025-Q3")
    assert [(g["company"], g["status"]) for g in conflict] == [("Co 3", "conflict")]
    none, note = _json(runner, "conflicts", "--store", big, "--format", "json", "--metric", "capex")
    assert none == [] and note == ""  # known metric, no conflict in it
    typo = runner.invoke(app, ["conflicts", "--store", big, "--company", "Co 7x"])
    assert typo.exit_code == 1 and "did you mean" in typo.stderr and typo.stdout == ""
    typo = runner.invoke(app, ["resolve", "--store", big, "--metric", "revenu", "--format", "json"])
    assert typo.exit_code == 1 and "did you mean 'revenue'" in typo.stderr and typo.stdout == ""


def test_fresh_analysis_pages_the_same(big: str, runner: CliRunner) -> None:
    """--no-truncation analyses in memory; the page and the filters apply to it the same way."""
    shown, note = _json(runner, "conflicts", "--store", big, "--format", "json", "--no-truncation", "--limit", "5",
                        "--company", "Co 1")
    assert [g["company"] for g in shown] == ["Co 1"] and note == ""
    shown, note = _json(runner, "resolve", "--store", big, "--format", "json", "--no-truncation", "--limit", "5")
    assert len(shown) == 5 and f"{2 * COMPANIES - 5} more groups" in note


def _rows(runner: CliRunner, *args: str) -> list[dict[str, object]]:
    out = runner.invoke(app, ["query", *args, "--format", "json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def _key(r: dict[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


@pytest.mark.parametrize(("name", "params"), [("conflicts", ["-p", "status=conflict"]), ("view-groups", []),
                                              ("claims-by-period", ["-p", "period=2025-Q3"])])
def test_query_pages_cover_the_result(big: str, runner: CliRunner, name: str, params: list[str]) -> None:
    every = _rows(runner, name, "--store", big, *params)
    assert len(every) >= 2 * COMPANIES
    got: list[dict[str, object]] = []
    for offset in range(0, len(every) + 25, 25):
        page = _rows(runner, name, "--store", big, *params, "--limit", "25", "--offset", str(offset))
        assert len(page) == min(25, max(0, len(every) - offset))
        got += page
    assert Counter(map(_key, got)) == Counter(map(_key, every))
    note = runner.invoke(app, ["query", name, "--store", big, *params, "--limit", "25", "--offset", "25"]).stderr
    assert "25 rows shown (from row 26); --offset 50 for the next page" in note


def test_conflicts_query_matches_the_stored_report(big: str, runner: CliRunner) -> None:
    """The bundled conflicts query reads the analysis graphs: the same groups and member claims as the report."""
    rows = _rows(runner, "conflicts", "--store", big, "-p", "status=conflict")
    report, _ = _json(runner, "conflicts", "--store", big, "--format", "json", "--limit", "0")
    assert {(r["group"], r["claim"]) for r in rows} == {
        (g["id"], c) for g in report for side in g["sides"] for c in side}  # type: ignore[union-attr, attr-defined]


def test_sliced_text_and_paging_plan(tmp_path: Path) -> None:
    text = load_query("conflicts").text
    assert pages(sliced(text, 10) or "") and not pages(text)
    assert (sliced(load_query("disagreeing-sources").text, 10) or "").endswith("?titleA\nLIMIT 10")  # inner LIMIT
    assert sliced("SELECT * { ?s ?p ?o } LIMIT 3", 10) is None  # cut already: the rows are cut in Python
    assert sliced("SELECT * { ?s ?p ?o } VALUES ?s { <urn:a> }", 5) is None
    # an ORDER BY stays: the page is sorted (the store reads everything first)
    assert sliced("SELECT * { ?s ?p ?o } ORDER BY ?s", 5, 5) == "SELECT * { ?s ?p ?o } ORDER BY ?s\nLIMIT 5 OFFSET 5"
    store: Store = open_store("memory")
    assert list(store.select(sliced("SELECT ?x { VALUES ?x { 1 2 3 4 } }", 2, 1) or "")) == [{"x": 2}, {"x": 3}]


def test_company_by_ticker_or_alias(tmp_path: Path, runner: CliRunner, examples: list[str]) -> None:
    store = str(tmp_path / "s")
    assert runner.invoke(app, ["ingest", *examples, "--store", store, "--workers", "1"]).exit_code == 0
    every, _ = _json(runner, "conflicts", "--store", store, "--all", "--format", "json", "--limit", "0")
    by_name, _ = _json(runner, "conflicts", "--store", store, "--all", "--format", "json", "--company", "CoreWeave")
    by_ticker, _ = _json(runner, "conflicts", "--store", store, "--all", "--format", "json", "--company", "CRWV")
    assert by_ticker == by_name == [g for g in every if g["company"] == "CoreWeave"] and by_name
