"""The command line end to end: help texts, the demo, and the foundation's done-means."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic
from typer.main import get_command
from typer.testing import CliRunner

from claimgraph.cli import app
from tests.conftest import run_cli


def test_every_command_has_help(runner: CliRunner) -> None:
    group = get_command(app)
    assert hasattr(group, "commands")
    names = sorted(group.commands)
    assert {"ingest", "extract", "articles", "claims", "query", "queries", "conflicts", "resolve", "timeline",
            "view", "serve", "export", "demo", "import-claims", "update", "prefixes"} <= set(names)
    for name in names:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert group.commands[name].help, f"{name} has no help text"
        assert "Usage" in result.stdout


def test_usage_error_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(app, ["claims", "--no-such-option"]).exit_code == 2


def test_ingest_query_agents_idempotent(tmp_path: Path, runner: CliRunner, examples: list[str]) -> None:
    store = str(tmp_path / "store")
    first = runner.invoke(app, ["ingest", *examples, "--store", store, "--workers", "1", "--format", "json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["articles"] == 5
    count = runner.invoke(app, ["query", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }",
                                "--store", store, "--format", "csv"])
    assert count.stdout.splitlines() == ["n", "5"]
    agents = runner.invoke(app, ["query", "ai-agent-articles", "--store", store, "--format", "json"])
    assert sorted({r["agent"] for r in json.loads(agents.stdout)}) == ["Henry Rivers", "Rhys Northwood"]
    size = runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store,
                               "--format", "csv"]).stdout
    again = runner.invoke(app, ["ingest", *examples, "--store", store, "--workers", "1", "--format", "json"])
    assert json.loads(again.stdout)["unchanged"] == 5
    assert runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store,
                               "--format", "csv"]).stdout == size


def test_articles_json_contract(memory_store: object, tmp_path: Path, runner: CliRunner, examples: list[str]) -> None:
    store = str(tmp_path / "s")
    runner.invoke(app, ["ingest", *examples, "--store", store, "--workers", "1"])
    rows = json.loads(runner.invoke(app, ["articles", "--store", store, "--format", "json"]).stdout)
    assert len(rows) == 5
    for r in rows:
        assert {"id", "title", "authors", "publisher", "published", "url", "sha256", "claims"} <= set(r)
        assert len(r["sha256"]) == 64
    kinds = {a["name"]: a["kind"] for r in rows for a in r["authors"]}
    assert kinds == {"Henry Rivers": "software_agent", "Rhys Northwood": "software_agent",
                     "Staff Report": "organization"}


def test_claims_json_contract(tmp_path: Path, runner: CliRunner, examples: list[str]) -> None:
    store = str(tmp_path / "s")
    runner.invoke(app, ["ingest", *examples, "--store", store, "--workers", "1"])
    out = runner.invoke(app, ["claims", "--store", store, "--company", "CRWV", "--metric", "revenue_backlog",
                              "--format", "json"])
    rows = json.loads(out.stdout)
    assert rows
    texts = {p.name: p.read_text(encoding="utf-8") for p in map(Path, examples)}
    for c in rows:
        assert {"id", "article", "article_title", "author", "quote", "span", "company", "metric", "measure",
                "value", "period", "modality"} <= set(c)
        assert {"low", "high", "unit", "stated", "qualifier"} <= set(c["value"])
        assert c["company"] == "CoreWeave" and c["metric"] == "revenue_backlog"
        start, end = c["span"]
        assert any(t[start:end] == c["quote"] for t in texts.values()), "quote must be an exact slice"
        if c["period"] is not None:
            assert {"label", "start", "end", "kind", "resolution"} <= set(c["period"])
    one = runner.invoke(app, ["claims", "--store", store, "--period", "2026-03-31", "--format", "json"])
    periods = json.loads(one.stdout)
    assert periods and all("2026-03-31" in (c["period"]["label"], c["period"]["end"]) for c in periods)


def test_export_trig_round_trip(tmp_path: Path, runner: CliRunner, examples: list[str]) -> None:
    store = str(tmp_path / "s")
    runner.invoke(app, ["ingest", *examples, "--store", store, "--workers", "1"])
    out = tmp_path / "dump.trig"
    assert runner.invoke(app, ["export", "--store", store, "--output", str(out)]).exit_code == 0
    nq = tmp_path / "dump.nq"
    assert runner.invoke(app, ["export", "--store", store, "--format", "nquads", "--output", str(nq)]).exit_code == 0
    a, b = Dataset(), Dataset()
    a.parse(out, format="trig")
    b.parse(nq, format="nquads")
    assert len(a) > 0
    for g in a.graphs():
        if len(g):
            assert isomorphic(g, b.graph(g.identifier)), g.identifier
    for fmt in ("turtle", "json-ld"):
        assert runner.invoke(app, ["export", "--store", store, "--format", fmt]).exit_code == 0


def test_demo_end_to_end(tmp_path: Path) -> None:
    result = run_cli("demo", "--no-open", "--output", str(tmp_path / "view.html"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "5 articles" in result.stdout
    assert "REVISION" in result.stdout
    assert "$25.9B (2025-03-31) → $55.6B (2025-09-30) → $67B (2025-12-31) → ≤ $100B (2026-03-31)" in result.stdout
    html = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert "<script src" not in html.lower() and "<link" not in html.lower()


def test_python_dash_m_and_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and "claimgraph" in result.stdout


def test_serve_on_loopback(memory_store: object) -> None:
    import threading
    import urllib.request

    from claimgraph.view.server import make_server

    server = make_server(memory_store, 0)  # type: ignore[arg-type]
    assert server.server_address[0] == "127.0.0.1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page = urllib.request.urlopen(base + "/", timeout=60).read().decode("utf-8")
        assert "vis.Network" in page and "<script src" not in page
        groups = json.loads(urllib.request.urlopen(base + "/conflicts.json", timeout=60).read())
        assert any(g["status"] == "revision" for g in groups)
        assert b"NewsArticle" in urllib.request.urlopen(base + "/export.trig", timeout=60).read()
    finally:
        server.shutdown()
        server.server_close()


def test_ingest_and_extract_from_stdin(tmp_path: Path, runner: CliRunner) -> None:
    store = str(tmp_path / "s")
    out = runner.invoke(app, ["ingest", "-", "--store", store, "--workers", "1", "--format", "json"],
                        input="Acme results\nAcme Corp reported revenue of $5 billion in Q3 2025.\n")
    assert json.loads(out.stdout)["articles"] == 1
    record = json.dumps({"id": "x1", "title": "T", "text": "Beta Inc reported revenue of $2 billion in 2024."})
    lines = runner.invoke(app, ["extract", "-", "--format", "json"], input=record + "\n").stdout.splitlines()
    assert json.loads(lines[0])["id"] == "x1" and json.loads(lines[0])["claims"][0]["company"] == "Beta"


def test_a_large_table_is_aligned_without_folding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Past PLAIN_TABLE_ROWS rows a table is printed as aligned columns (rich takes about 1 ms a row)."""
    from claimgraph import cli

    monkeypatch.setattr(cli, "PLAIN_TABLE_ROWS", 2)
    rows = [{"subject": "Acme", "value": "5.2B"}, {"subject": "Zürich Ltd", "value": "\x1b[31m"},
            {"subject": "B", "value": ""}]
    cli._emit(rows, cli.OutFormat.table)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("│")[0].strip() == "subject" and set(lines[1]) <= {"─", "┼"}
    assert [line.split("│")[0].strip() for line in lines[2:]] == ["Acme", "Zürich Ltd", "B"]
    assert "\\x1b[31m" in lines[3] and "\x1b" not in "".join(lines)
    assert len({line.index("│") for line in lines[2:]}) == 1


def test_a_table_wider_than_the_console_keeps_every_cell_whole(monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Many columns piped to another program (rich would fold each cell to a sliver): aligned columns instead."""
    from rich.console import Console

    from claimgraph import cli

    monkeypatch.setattr(cli, "_stdout", Console(width=40))
    rows = [{f"column{i}": f"https://example.org/value/{i}" for i in range(4)}]
    cli._emit(rows, cli.OutFormat.table)
    lines = capsys.readouterr().out.splitlines()
    assert "https://example.org/value/3" in lines[2] and lines[0].split("│")[0].strip() == "column0"


def test_resolve_names_each_groups_series_and_an_estimate_repeated_by_a_reissue_is_shown_once(
        tmp_path: Path, runner: CliRunner) -> None:
    """Hand-written: a wire story with the analysts' estimate, another outlet's story, and the wire's corrected
    re-issue that repeats the estimate. The estimate's own group is marked as such beside the actuals, and the
    actual's beat is printed once."""
    store = str(tmp_path / "store")
    folder = Path(__file__).parent / "fixtures" / "estimates"
    assert runner.invoke(app, ["ingest", *sorted(str(p) for p in folder.glob("orbita-*.md")), "--store", store,
                               "--workers", "1"]).exit_code == 0
    table = runner.invoke(app, ["resolve", "--store", store]).stdout
    assert "series" in table and "estimate" in table and "actual" in table
    report = runner.invoke(app, ["conflicts", "--store", store, "--all"]).stdout
    assert report.count("beat against $4.05 billion") == 1
    assert "REVISION Orbita Networks · net_income" in report
