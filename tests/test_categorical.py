"""Issue 14: categorical claims (a weather condition, an author list, a name) imported into the store, analysed
from the claim index and from the RDF, resolved with their stated text, and undecided one against one."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimgraph.analysis import kept
from claimgraph.analysis.analyse import analyse
from claimgraph.cli import app
from claimgraph.graph.importer import import_claims, parse_value
from claimgraph.graph.store import Store, open_store
from claimgraph.graph.writer import open_reader, reindex
from tests.test_kept import _stored_equals_fresh

ROWS = ("source,subject,metric,period,value,unit\n"
        "Site A,Berlin,weather,2025-06-01,Partly Cloudy,\n"
        "Site B,Berlin,weather,2025-06-01,partly cloudy,\n"
        "Site C,Berlin,weather,2025-06-01,Partly  Cloudy,category\n"
        "Site D,Berlin,weather,2025-06-01,Sunny,\n"
        "Site A,Paris,weather,2025-06-01,Rain,\n"
        "Site B,Paris,weather,2025-06-01,Sunny,text\n"
        "Site A,Acme Corp,revenue,2025-Q3,5e9,USD\n"
        "Site B,Acme Corp,revenue,2025-Q3,5.0B,USD\n"
        "Site C,Acme Corp,revenue,2025-Q3,no figure,USD\n")


def _csv(tmp_path: Path, text: str = ROWS) -> str:
    path = tmp_path / "weather.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _by_subject(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["subject"]: r for r in rows}


def test_parse_value_categorical() -> None:
    v = parse_value("Partly Cloudy", None, categorical=True)
    assert (v.unit, v.stated, v.low, v.high, v.point) == ("category", "Partly Cloudy", 0.0, 0.0, None)
    assert parse_value("Boeing 747", "category", categorical=True).unit == "category"  # the unit says it is text
    assert parse_value("about 16%", None, categorical=True).unit == "percent"  # a stated figure stays numeric
    assert parse_value("55.6B", None, categorical=True).low == 55.6e9
    with pytest.raises(ValueError, match="no number in value 'no figure'; give unit 'category'"):
        parse_value("no figure", "USD", categorical=True)
    with pytest.raises(ValueError, match="no value in"):
        parse_value("--", None, categorical=True)
    with pytest.raises(ValueError, match=r"no number in value 'Sunny'$"):
        parse_value("Sunny", None)  # without ``categorical`` (other callers): unchanged


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_categorical_rows_are_resolved_through_the_store(backend: str, tmp_path: Path) -> None:
    store = open_store("memory" if backend == "memory" else str(tmp_path / "s"))
    try:
        report = import_claims(_csv(tmp_path), store)
        assert report.claims == 8 and len(report.failed) == 1 and "line 10" in report.failed[0]
        with closing(open_reader(store)) as ix:
            stored = _by_subject(kept.resolve_report(ix))
            before = ix.snapshot()
        berlin, paris, acme = stored["Berlin"], stored["Paris"], stored["Acme Corp"]
        assert berlin["unit"] == "category" and berlin["resolution"] == "resolved"
        assert berlin["resolved_text"] == "Partly Cloudy", "the most stated text of the winning category"
        assert berlin["best"]["category"] == "cloudy partly"
        assert len(berlin["support"]) == 3 and len(berlin["dissent"]) == 1
        assert paris["resolution"] == "undecided" and paris["resolved_text"] is None
        assert sorted(c["text"] for c in paris["candidates"]) == ["Rain", "Sunny"]
        assert acme["resolved"] == 5e9 and acme["resolved_text"] is None
        _stored_equals_fresh(store)  # the index's FactTable and the RDF's (analysis-input) give one analysis
        reindex(store)
        with closing(open_reader(store)) as ix:
            assert ix.snapshot() == before
    finally:
        store.close()


def test_one_against_one_is_undecided_whichever_source_states_which(tmp_path: Path) -> None:
    for a, b in (("Rain", "Sunny"), ("Sunny", "Rain")):
        store = open_store("memory")
        try:
            import_claims(_csv(tmp_path, f"source,subject,metric,period,value\nWire,Oslo,weather,2025-06-01,{a}\n"
                                         f"Blog,Oslo,weather,2025-06-01,{b}\n"), store)
            [group] = analyse(store, write=False).groups
            assert group.resolution == "undecided" and group.resolved_text is None
        finally:
            store.close()


def test_cli_shows_the_resolved_text_and_undecided(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    runner = CliRunner()
    result = runner.invoke(app, ["import-claims", _csv(tmp_path), "--store", store])
    assert result.exit_code == 1 and "8 claims imported" in result.stdout  # the bad numeric row is skipped
    table = runner.invoke(app, ["resolve", "--store", store], env={"COLUMNS": "300"})
    assert table.exit_code == 0, table.output
    assert "Partly Cloudy" in table.stdout and "undecided: Sunny | Rain" in table.stdout
    rows = _by_subject(json.loads(runner.invoke(app, ["resolve", "--store", store, "--format", "json"]).stdout))
    assert rows["Berlin"]["resolved_text"] == "Partly Cloudy" and rows["Paris"]["resolution"] == "undecided"
    conflicts = runner.invoke(app, ["conflicts", "--store", store]).stdout
    assert "Partly Cloudy (\u201cPartly Cloudy\u201d)" in conflicts and "0 category" not in conflicts
    assert "resolved: Partly Cloudy" in conflicts and "undecided: Sunny (1 source) | Rain (1 source)" in conflicts
    page = tmp_path / "view.html"
    assert runner.invoke(app, ["view", "--store", store, "-o", str(page), "--no-open"]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "Partly Cloudy" in html and "0 category" not in html


def test_categorical_claims_satisfy_the_shapes(tmp_path: Path) -> None:
    from importlib import resources

    from pyshacl import validate
    from rdflib import Graph
    from rdflib.namespace import RDF, SH

    from claimgraph.graph.namespaces import SCHEMA

    store: Store = open_store("memory")
    try:
        import_claims(_csv(tmp_path), store)
        data = Graph()
        for s, p, o, _ in store.dataset().quads((None, None, None, None)):
            data.add((s, p, o))
    finally:
        store.close()
    shapes = Graph().parse(data=(resources.files("claimgraph.graph") / "shapes.ttl").read_text(), format="turtle")
    _, results, report = validate(data, shacl_graph=shapes)
    focus = set(results.objects(None, SH.focusNode))
    claims = set(data.subjects(RDF.type, SCHEMA.Claim))
    assert len(claims) == 8 and not focus & claims, report
    # (an import-only store has one violation already on main: the analysis run's agent has no type, as only an
    # ingest writes it; it does not concern the claims)


# An author list stated five ways for one book, a rival list, and a seller's junk "0"; a flight's aircraft where two
# sites give the bare number; a city's population in numbers and in words; a numeric-only item beside them.
MIXED = [
    {"source": "Seller A", "subject": "0201633612", "metric": "authors", "period": "2000", "value": "Knuth, Donald E."},
    {"source": "Seller B", "subject": "0201633612", "metric": "authors", "period": "2000", "value": "Donald E. Knuth"},
    {"source": "Seller C", "subject": "0201633612", "metric": "authors", "period": "2000",
     "value": "by Donald E. Knuth (Author)"},
    {"source": "Seller D", "subject": "0201633612", "metric": "authors", "period": "2000", "value": "Knuth, Donald"},
    {"source": "Seller E", "subject": "0201633612", "metric": "authors", "period": "2000", "value": "0"},
    {"source": "Seller F", "subject": "0201633612", "metric": "authors", "period": "2000", "value": "Not Available"},
    {"source": "Site A", "subject": "Flight 12", "metric": "aircraft", "period": "2025-06-01", "value": "747"},
    {"source": "Site B", "subject": "Flight 12", "metric": "aircraft", "period": "2025-06-01", "value": "747.0"},
    {"source": "Site C", "subject": "Flight 12", "metric": "aircraft", "period": "2025-06-01", "value": "Airbus A380"},
    {"source": "Site A", "subject": "Springfield", "metric": "population", "period": "2000", "value": "25,100"},
    {"source": "Site B", "subject": "Springfield", "metric": "population", "period": "2000", "value": "25100"},
    {"source": "Site C", "subject": "Springfield", "metric": "population", "period": "2000", "value": "25,000"},
    {"source": "Site D", "subject": "Springfield", "metric": "population", "period": "2000",
     "value": "about twenty-five thousand"},
    {"source": "Site A", "subject": "Shelbyville", "metric": "population", "period": "2000", "value": "25,100"},
    {"source": "Site C", "subject": "Shelbyville", "metric": "population", "period": "2000", "value": "25,000"},
]


def _jsonl(tmp_path: Path, rows: list[dict[str, str]]) -> str:
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _groups(runner: CliRunner, store: str) -> dict[str, list[dict[str, Any]]]:
    result = runner.invoke(app, ["resolve", "--store", store, "--format", "jsonl", "--limit", "0"])
    assert result.exit_code == 0, result.output
    out: dict[str, list[dict[str, Any]]] = {}
    for line in result.stdout.splitlines():
        g = json.loads(line)
        out.setdefault(g["subject"], []).append(g)
    return out


def test_jsonl_categorical_and_mixed_items_through_the_cli(tmp_path: Path) -> None:
    store, runner = str(tmp_path / "s"), CliRunner()
    imported = runner.invoke(app, ["import-claims", _jsonl(tmp_path, MIXED), "--store", store])
    assert imported.exit_code == 1 and "14 claims imported" in imported.stdout
    assert "'Not Available' marks a missing value" in imported.stderr  # skipped, never a rival value
    groups = _groups(runner, store)
    # One group per item, whatever kind its values are: the numbers of an item stated in words are labels.
    assert {k: len(v) for k, v in groups.items()} == {"0201633612": 1, "Flight 12": 1, "Springfield": 1,
                                                      "Shelbyville": 1}
    [book], [flight], [town], [numeric] = (groups[k] for k in ("0201633612", "Flight 12", "Springfield",
                                                               "Shelbyville"))
    assert book["unit"] == "category" and book["resolution"] == "resolved"
    assert book["resolved_text"] == "Donald E. Knuth", "three sellers' list, shown as most of them state it"
    assert len(book["support"]) == 3 and len(book["dissent"]) == 2
    assert flight["resolved_text"] == "747", "'747' and '747.0' are one label against 'Airbus A380'"
    assert sorted(c["text"] for c in flight["candidates"]) == ["747", "Airbus A380"]
    assert town["unit"] == "category" and town["resolved_text"] == "25,100"  # 25,100 = 25100; 25,000 differs
    assert town["best"]["category"] == "25100" and len(town["support"]) == 2
    # The item with numbers only keeps the numeric rule: "25,000" (implied precision) holds 25,100.
    assert numeric["unit"] == "number" and numeric["resolved"] == 25100.0 and numeric["status"] == "consistent"
    table = runner.invoke(app, ["resolve", "--store", store], env={"COLUMNS": "300"}).stdout
    assert "Donald E. Knuth" in table and "Airbus A380" not in table.split("Flight 12")[1].splitlines()[0]
    conflicts = runner.invoke(app, ["conflicts", "--store", store, "--format", "json"])
    shown = {g["company"]: g for g in json.loads(conflicts.stdout)}
    assert shown["Flight 12"]["status"] == "conflict" and "Shelbyville" not in shown


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_mixed_items_stored_equal_fresh_and_reindex(backend: str, tmp_path: Path) -> None:
    store = open_store("memory" if backend == "memory" else str(tmp_path / "s"))
    try:
        import_claims(_jsonl(tmp_path, MIXED), store)
        _stored_equals_fresh(store)
        with closing(open_reader(store)) as ix:
            before = ix.snapshot()
        reindex(store)
        with closing(open_reader(store)) as ix:
            assert ix.snapshot() == before
    finally:
        store.close()


def test_bundled_queries_read_categorical_groups(tmp_path: Path) -> None:
    from claimgraph.queries import load_query

    store = open_store("memory")
    try:
        import_claims(_csv(tmp_path, ROWS + "Site D,Berlin,weather,2025-06-02,Sunny,\n"
                                          "Site A,Berlin,weather,2025-06-02,sunny,\n"), store)
        a = analyse(store, write=False)
        python = {f"https://w3id.org/claimgraph/id/group/{g.id}": g for g in a.groups}
        verdicts = {}
        for row in store.select(load_query("group-consistency").text):
            g = python[str(row["group"])]
            verdicts[(g.company, g.end)] = str(row["verdict"])
            assert (str(row["verdict"]) == "consistent") == (g.status == "consistent"), g.key
        assert verdicts[("Berlin", "2025-06-02")] == "consistent" and verdicts[("Berlin", "2025-06-01")] == \
            "inconsistent"
        resolved = {(str(r["company"]), str(r.get("periodLabel"))): r for r in store.select(load_query("resolutions").text)}
        berlin = resolved[("Berlin", "2025-06-01")]
        assert str(berlin["text"]) == "Partly Cloudy" and berlin.get("value") is None and int(berlin["support"]) == 3
        assert str(resolved[("Berlin", "2025-06-02")]["text"]) == "Sunny"
        assert float(resolved[("Acme Corp", "2025-Q3")]["value"]) == 5e9
    finally:
        store.close()


def test_a_word_imported_later_makes_a_numeric_item_categorical(tmp_path: Path) -> None:
    store = open_store("memory")
    try:
        import_claims(_csv(tmp_path, "source,subject,metric,period,value\nA,Flight 12,aircraft,2025-06-01,747\n"
                                     "B,Flight 12,aircraft,2025-06-01,747.0\nA,Other,aircraft,2025-06-01,320\n"), store)
        with closing(open_reader(store)) as ix:
            assert _by_subject(kept.resolve_report(ix))["Flight 12"]["resolved"] == 747.0
        import_claims(_csv(tmp_path, "source,subject,metric,period,value\nC,Flight 12,aircraft,2025-06-01,A380\n"),
                      store)
        with closing(open_reader(store)) as ix:
            rows = kept.resolve_report(ix)
        assert [r["subject"] for r in rows].count("Flight 12") == 1, "the numeric group is replaced, not kept beside"
        flight, other = _by_subject(rows)["Flight 12"], _by_subject(rows)["Other"]
        assert flight["unit"] == "category" and flight["resolved_text"] == "747" and flight["status"] == "conflict"
        assert other["unit"] == "number" and other["resolved"] == 320.0
        _stored_equals_fresh(store)
    finally:
        store.close()
