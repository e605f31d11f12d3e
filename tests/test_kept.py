"""Analysis kept in the store and the claim index: equal to a fresh analysis, rebuilt identically, never stale."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimgraph.analysis import analyse as fresh
from claimgraph.analysis import kept
from claimgraph.cli import app
from claimgraph.graph.importer import import_claims
from claimgraph.graph.store import Store, open_store
from claimgraph.graph.writer import open_reader, reindex
from claimgraph.pipeline import ingest
from tests.conftest import run_cli

ARTICLE = ("{co} results {n}\nBy {author}\n{co} reported revenue of ${v} billion in Q3 2025. "
           "The company said its backlog reached ${b} billion at quarter-end.\n")


def _by_id(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: r["id"])


# What a group's resolution says: it depends on trust, learned across companies (a source that states figures of
# two companies is judged on both), which an incremental update does not relearn.
_RESOLUTION = ("resolved", "resolved_text", "resolution", "confidence", "independent_sources", "candidates", "best")


def _structure(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A conflicts report without what depends on trust (resolution, trust scores)."""
    out = []
    for g in groups:
        g = {k: v for k, v in g.items() if k not in _RESOLUTION}
        g["claims"] = [{k: v for k, v in c.items() if k != "trust"} for c in g["claims"]]
        out.append(g)
    return out


def _stored_equals_fresh(store: Store, *, structure_only: bool = False) -> None:
    with closing(open_reader(store)) as ix:
        stored = {"conflicts": kept.conflicts_report(ix, include_all=True), "resolve": kept.resolve_report(ix),
                  "trust": kept.trust_report(ix), "checks": _by_id(kept.checks_report(ix))}
    a = fresh.analyse(store, write=False)  # in memory, from the RDF (the analysis-input query)
    again = {"conflicts": fresh.conflicts_report(a, include_all=True), "resolve": fresh.resolve_report(a),
             "trust": fresh.trust_report(a), "checks": _by_id(fresh.checks_report(a))}
    assert stored["conflicts"], "nothing analysed"
    if structure_only:
        assert _structure(stored["conflicts"]) == _structure(again["conflicts"])
        return
    assert stored == again


def _write(folder: Path, name: str, text: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_stored_analysis_equals_fresh_after_a_sequence(backend: str, tmp_path: Path, examples: list[str]) -> None:
    store = open_store("memory" if backend == "memory" else str(tmp_path / "s"))
    try:
        ingest(examples[:2], store)
        _stored_equals_fresh(store)
        # incremental: the touched companies are recomputed with the stored trust
        ingest(examples[2:], store, refresh_trust=False)
        _stored_equals_fresh(store, structure_only=True)
        csv = tmp_path / "claims.csv"
        csv.write_text("source,subject,metric,period,value,unit\n"
                       "Sheet A,CoreWeave,revenue_backlog,2025-09-30,55.6e9,USD\n"
                       "Sheet B,CoreWeave,revenue_backlog,2025-09-30,70e9,USD\n"
                       "Sheet A,Acme Corp,revenue,2025-Q3,5e9,USD\n", encoding="utf-8")
        import_claims(str(csv), store, refresh_trust=False)
        _stored_equals_fresh(store, structure_only=True)
        folder = tmp_path / "in"
        a = _write(folder, "a.txt", ARTICLE.format(co="Acme Corp", n=1, author="Jane Doe", v=5, b=20))
        ingest([a], store, refresh_trust=False)
        ingest([a], store, refresh_trust=False)  # re-ingest: unchanged
        b = _write(folder, "b.txt", ARTICLE.format(co="Acme Corp", n=1, author="Jane Doe", v=7, b=20))
        url = "https://news.example/acme"
        report = ingest([b], store, refresh_trust=False, meta=_meta(url))
        assert report.articles == 1
        c = _write(folder, "c.txt", ARTICLE.format(co="Acme Corp", n=1, author="Jane Doe", v=7.5, b=21))
        assert ingest([c], store, refresh_trust=False, meta=_meta(url)).revised == 1  # a new version
        _stored_equals_fresh(store, structure_only=True)
        # issue 14's analysis through the kept path: an analyst estimate, then a wire item and its corrected re-issue
        ingest([_write(folder, "estimate.md", ESTIMATE)], store, refresh_trust=False)
        ingest([_write(folder, "original.md", ORIGINAL)], store, refresh_trust=False)
        _stored_equals_fresh(store, structure_only=True)
        ingest([_write(folder, "corrected.md", CORRECTED)], store, refresh_trust=False)
        _stored_equals_fresh(store, structure_only=True)
        fresh.analyse(store)  # claimgraph analyse: everything, trust included
        _stored_equals_fresh(store)
        with closing(open_reader(store)) as ix:
            revised = [g for g in kept.conflicts_report(ix, include_all=True)
                       if g["company"] == "Initech" and g["status"] == "revision"]
            before = ix.snapshot()
        assert len(revised) == 1 and revised[0]["corrections"], "the corrected re-issue is linked"
        assert [c["value"]["stated"] for c in revised[0]["claims"] if c["id"] in revised[0]["superseded"]] == \
            ["$5.2 billion"]
        assert [e["outcome"] for e in revised[0]["estimates"]] == ["beat"], "the estimate is compared"
        reindex(store)  # rebuilt from the RDF alone: the same rows, reports and trust
        with closing(open_reader(store)) as ix:
            assert ix.snapshot() == before
    finally:
        store.close()


_FRONT = "---\ntitle: {title}\nauthor: {author}\npublisher: {publisher}\ndate: {date}\n---\n"
ESTIMATE = (_FRONT.format(title="Initech preview", author="Raj Patel", publisher="Other Wire", date="2025-10-10")
            + "Analysts expect Initech Corp to report third-quarter 2025 revenue of $5.0 billion, according to a "
              "consensus estimate.\n")
ORIGINAL = (_FRONT.format(title="Initech third-quarter results", author="Jane Doe", publisher="Example Wire",
                          date="2025-10-20")
            + "Initech reported revenue of $5.2 billion in the third quarter of 2025, the company said on Monday.\n")
CORRECTED = (_FRONT.format(title="CORRECTED - Initech third-quarter results", author="Jane Doe",
                           publisher="Example Wire", date="2025-10-21")
             + "(Corrects revenue figure in item appearing October 20)\n\nInitech reported revenue of $5.4 billion "
               "in the third quarter of 2025, the company said on Monday.\n")


def _meta(url: str) -> Any:
    from claimgraph.sources.readers import Metadata

    return Metadata(url=url)


def test_reindex_rebuilds_an_identical_index(tmp_path: Path, examples: list[str]) -> None:
    store = open_store(str(tmp_path / "s"))
    try:
        ingest(examples, store)
        csv = tmp_path / "claims.csv"
        csv.write_text("source,subject,metric,period,value,unit\nSheet A,CoreWeave,revenue,2025-Q3,1.36e9,USD\n",
                       encoding="utf-8")
        import_claims(str(csv), store)
        fresh.analyse(store)
        with closing(open_reader(store)) as ix:
            before = ix.snapshot()
        result = reindex(store)
        assert result.rebuilt
        with closing(open_reader(store)) as ix:
            after = ix.snapshot()
        assert before["claims"] and before == after
    finally:
        store.close()


def _downgrade(index: Path, layout: int) -> None:
    """Make ``index`` look written by an older claimgraph: layout 3 had no ``has_resolution`` flag."""
    import duckdb

    con = duckdb.connect(str(index))
    try:
        con.execute("ALTER TABLE groups DROP COLUMN has_resolution")
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema'", [str(layout)])
        con.execute("CHECKPOINT")
    finally:
        con.close()


def test_an_index_of_the_previous_layout_is_read_then_migrated(tmp_path: Path, examples: list[str]) -> None:
    """Layout 4 flags the groups that have a resolution (``resolve`` filters on the flag, not on the big text
    column). An index of layout 3 is still read as it is (the same answers, no note); the next write brings it up
    to date in its ``.next`` copy (no rebuild), equal to what ``reindex`` builds; an older layout is answered from
    the RDF with a one-line note naming ``claimgraph reindex``."""
    from claimgraph.graph.index import SCHEMA_VERSION, ClaimIndex

    spec = str(tmp_path / "s")
    index = Path(spec + ".index.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", *examples[:3], "--store", spec, "--workers", "1"]).exit_code == 0
    with closing(ClaimIndex.open(str(index), read_only=True)) as ix:
        flags = ix.con.execute("SELECT has_resolution, resolution IS NOT NULL FROM groups").fetchall()
    assert {f for f, _ in flags} == {True, False}, "some group has no resolution"
    assert all(f == has for f, has in flags)
    commands = (["resolve", "--format", "json"], ["resolve", "--format", "json", "--limit", "2"],
                ["resolve", "--format", "jsonl", "--limit", "0"], ["resolve", "--format", "csv"],
                ["conflicts", "--all", "--format", "json"])
    answers = [runner.invoke(app, [*c, "--store", spec]).stdout for c in commands]
    assert json.loads(answers[0]) and len(json.loads(answers[1])) == 2
    _downgrade(index, 3)
    for command, expected in zip(commands, answers, strict=True):
        old = runner.invoke(app, [*command, "--store", spec])
        assert old.exit_code == 0 and old.stdout == expected, command
        assert "note" not in old.stderr, old.stderr
    store = open_store(spec)
    try:
        assert not ingest(examples[3:], store).warnings  # no "rebuilding the claim index" note
        with closing(ClaimIndex.open(str(index), read_only=True)) as ix:
            assert ix.schema == SCHEMA_VERSION
            migrated = ix.snapshot()
        _stored_equals_fresh(store, structure_only=True)
        reindex(store)
        with closing(open_reader(store)) as ix:
            assert ix.snapshot()["groups"] == migrated["groups"]
    finally:
        store.close()
    _downgrade(index, 2)
    older = runner.invoke(app, ["resolve", "--format", "json", "--store", spec])
    assert older.exit_code == 0 and json.loads(older.stdout), older.output
    assert "older layout" in older.stderr and "claimgraph reindex" in older.stderr, older.stderr
    assert len(older.stderr.splitlines()) == 1, older.stderr


_ROWS = ("source,subject,metric,period,value,unit\n"
         "Sheet A,CoreWeave,revenue_backlog,2025-09-30,55.6e9,USD\n"
         "Sheet B,CoreWeave,revenue_backlog,2025-09-30,55.6e9,USD\n")
_REMOVED = ("Sheet C,CoreWeave,revenue_backlog,2025-09-30,70e9,USD\n"
            "Sheet A,Gone Co,revenue,2025-Q3,5e9,USD\nSheet B,Gone Co,revenue,2025-Q3,9e9,USD\n")


def _analysis_quads(store: Store) -> set[tuple[str, str, str, str]]:
    """Every quad of the per-company analysis graphs."""
    prefix = kept.company_graph("x")[:-1]
    rows = store.select(f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), '{prefix}')) }}")
    return {(str(r["g"]), str(r["s"]), str(r["p"]), str(r["o"])) for r in rows}


@pytest.mark.parametrize(("rewrite", "backend"), [("update", "oxigraph"), ("reindex", "oxigraph"), ("update", "memory")])
def test_rewrite_drops_old_analysis_graphs(rewrite: str, backend: str, tmp_path: Path) -> None:
    """After claims are deleted by a SPARQL update (or by hand, then ``reindex``), the rewritten analysis graphs
    hold exactly what a store that never had those claims holds: nothing stale refers to the removed claims, and
    a company left without claims keeps no analysis graph."""
    from claimgraph.graph.writer import apply_update

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    full, kept_rows = tmp_path / "a" / "claims.csv", tmp_path / "b" / "claims.csv"
    full.write_text(_ROWS + _REMOVED, encoding="utf-8")
    kept_rows.write_text(_ROWS, encoding="utf-8")
    spec = ("memory", "memory") if backend == "memory" else (str(tmp_path / "s"), str(tmp_path / "clean"))
    store, clean = open_store(spec[0]), open_store(spec[1])
    try:
        import_claims(str(full), store)
        import_claims(str(kept_rows), clean)
        gone = [r["claim"] for r in store.select(
            "SELECT ?claim WHERE { ?claim a schema:Claim ; cg:statedText ?t ; cg:subject/schema:name ?co "
            "FILTER(?co = 'Gone Co' || ?t = '70e9') }")]
        # (the company's analysis graph is named by its key: company_key("Gone Co") == "gone")
        assert len(gone) == 3 and any(q[0] == kept.company_graph("gone") for q in _analysis_quads(store))
        # (rdflib's engine ignores DELETE WHERE with a GRAPH variable; this form works on both)
        delete = " ; ".join(f"DELETE {{ GRAPH ?g {{ <{c}> ?p ?o }} }} WHERE {{ GRAPH ?g {{ <{c}> ?p ?o }} }}"
                            for c in gone)
        if rewrite == "update":
            apply_update(store, delete)
        else:
            store.update(delete)
            reindex(store)
        assert not list(store.select("SELECT ?c WHERE { ?c a schema:Claim ; cg:statedText '70e9' }"))
        after = _analysis_quads(store)
        assert not [q for q in after if q[3] in gone or q[1] in gone], "no analysis quad refers to a removed claim"
        assert after == _analysis_quads(clean)
        with closing(open_reader(store)) as ix:
            assert not ix.rows("SELECT * FROM group_claims WHERE claim IN (SELECT unnest(?))", [gone])
    finally:
        store.close()
        clean.close()


def test_stale_or_missing_index_is_answered_from_the_rdf_then_rebuilt(tmp_path: Path, examples: list[str]) -> None:
    """A missing or out-of-date index is never silently used: the read commands answer from the RDF with a
    one-line note naming 'claimgraph reindex' (the same answers), and reindex rebuilds it."""
    from claimgraph.errors import IndexUnavailableError

    spec = str(tmp_path / "s")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", *examples[:2], "--store", spec, "--workers", "1"]).exit_code == 0
    index = Path(spec + ".index.duckdb")
    good = runner.invoke(app, ["conflicts", "--all", "--format", "json", "--store", spec]).stdout
    articles = json.loads(runner.invoke(app, ["articles", "--format", "json", "--store", spec]).stdout)
    claims = json.loads(runner.invoke(app, ["claims", "--format", "json", "--store", spec]).stdout)
    index.unlink()
    for command, expected in ((["conflicts", "--all"], good), (["articles"], json.dumps(articles)),
                              (["claims"], json.dumps(claims))):
        missing = runner.invoke(app, [*command, "--format", "json", "--store", spec])
        assert missing.exit_code == 0, missing.output
        assert json.loads(missing.stdout) == json.loads(expected), command
        assert "claimgraph reindex" in missing.stderr and "missing" in missing.stderr, missing.stderr
        assert len(missing.stderr.splitlines()) == 1, missing.stderr
    trust = runner.invoke(app, ["trust", "--store", spec])
    assert trust.exit_code == 0 and "claimgraph reindex" in trust.stderr, trust.output
    assert not index.exists(), "a read command wrote an index"
    assert runner.invoke(app, ["reindex", "--store", spec]).exit_code == 0
    assert json.loads(runner.invoke(app, ["conflicts", "--all", "--format", "json", "--store", spec]).stdout) \
        == json.loads(good)
    # a change made by hand with SPARQL UPDATE: the index and the analysis follow it
    assert runner.invoke(app, ["update", "DELETE { GRAPH ?g { ?c ?p ?o } } WHERE { GRAPH ?a { ?c cg:metric ?m } "
                               "GRAPH ?v { ?m skos:notation 'revenue_backlog' } GRAPH ?g { ?c ?p ?o } }",
                               "--store", spec]).exit_code == 0
    claims = json.loads(runner.invoke(app, ["claims", "--format", "json", "--store", spec]).stdout)
    assert claims and not any(c["metric"] == "revenue_backlog" for c in claims)
    store = open_store(spec, read_only=True)
    try:
        _stored_equals_fresh(store)
        # an index from another generation is stale, never silently used
        from claimgraph.graph import generations

        with closing(open_reader(store)) as ix:
            assert ix.generation == generations.state(store).generation
    finally:
        store.close()
    writer = open_store(spec)
    try:
        from claimgraph.graph import generations

        generations.commit(writer, generations.begin(writer))  # a generation the index never saw
        with pytest.raises(IndexUnavailableError, match="out of date"):
            open_reader(writer)
    finally:
        writer.close()
    stale = runner.invoke(app, ["claims", "--format", "json", "--store", spec])
    assert stale.exit_code == 0 and json.loads(stale.stdout) == claims, stale.output
    assert "out of date" in stale.stderr and "claimgraph reindex" in stale.stderr, stale.stderr


def test_read_commands_do_not_write(tmp_path: Path, examples: list[str]) -> None:
    spec = str(tmp_path / "s")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", *examples, "--store", spec, "--workers", "1"]).exit_code == 0
    index = Path(spec + ".index.duckdb")
    stamp = (index.stat().st_mtime_ns, index.stat().st_size)
    os.chmod(index, 0o444)
    try:
        for args in (["conflicts"], ["resolve"], ["trust"], ["checks"], ["claims"], ["articles"],
                     ["timeline", "CoreWeave", "revenue_backlog"],
                     ["view", "--no-open", "--output", str(tmp_path / "v.html")]):
            result = runner.invoke(app, [*args, "--store", spec])
            assert result.exit_code == 0, (args, result.output)
    finally:
        os.chmod(index, 0o644)
    assert (index.stat().st_mtime_ns, index.stat().st_size) == stamp
    trust = runner.invoke(app, ["trust", "--store", spec])
    assert "trust learned" in trust.stderr


@pytest.mark.slow
def test_kill_9_during_ingest_is_detected_and_recovered(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for n in range(300):
        co = ("Acme Corp", "Globex Corp", "Initech Corp")[n % 3]
        _write(root, f"{n:04d}.txt", ARTICLE.format(co=co, n=n, author="Jane Doe", v=n % 7 + 1, b=n + 10) + " ".join(
            f"{co} said segment {k} revenue was ${k + n % 5}.{k} million in Q{k % 4 + 1} 2025." for k in range(20)))
    spec = str(tmp_path / "s")
    for delay in (1.5, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "claimgraph", "ingest", str(root), "--store", spec,
                                 "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        reader = run_cli("conflicts", "--format", "json", "--store", spec)
        # either the last committed state with a note, or a refusal naming the fix: never silently wrong
        assert reader.returncode in (0, 1), reader.stderr
        assert "Traceback" not in reader.stderr
        if reader.returncode == 1:  # killed before the first commit: no store yet, said so; else the fix is named
            assert "reindex" in reader.stderr or "no store at" in reader.stderr, reader.stderr
    done = run_cli("ingest", str(root), "--store", spec, "--workers", "2")
    assert done.returncode == 0, done.stderr
    store = open_store(spec, read_only=True)
    try:
        _stored_equals_fresh(store)
    finally:
        store.close()


@pytest.mark.slow
def test_dask_engine_writes_shards_and_matches_local(tmp_path: Path, examples: list[str]) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed (pip install '.[dask]')")
    folder = tmp_path / "in"
    for n, path in enumerate(examples):
        _write(folder, f"{n}.txt", Path(path).read_text(encoding="utf-8"))
    runner = CliRunner()
    local, dist = str(tmp_path / "local"), str(tmp_path / "dist")
    assert runner.invoke(app, ["ingest", str(folder), "--store", local, "--workers", "1"]).exit_code == 0
    shards = tmp_path / "shards"
    result = runner.invoke(app, ["ingest", str(folder), "--store", dist, "--engine", "dask", "--workers", "2",
                                 "--shards", str(shards), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == len(examples)
    assert sorted(p.name for p in shards.iterdir()) == ["part-00000.nq", "part-00000.parquet", "vocabulary.nq"]
    for args in (["conflicts", "--all"], ["claims"], ["articles"]):
        ours = json.loads(runner.invoke(app, [*args, "--format", "json", "--store", local]).stdout)
        theirs = json.loads(runner.invoke(app, [*args, "--format", "json", "--store", dist]).stdout)
        assert ours == theirs, args
    again = runner.invoke(app, ["ingest", str(folder), "--store", dist, "--engine", "dask", "--format", "json"])
    assert json.loads(again.stdout)["unchanged"] == len(examples)


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_import_in_many_queued_batches_equals_fresh(backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An import whose RDF batches are spooled and written by the writer queue (several batches, the analysis
    graphs queued behind them, the index committed while they are written) stores the analysis a fresh one gives,
    every claim reaches the RDF, and no spool file is left behind."""
    import tempfile

    from claimgraph.graph import importer

    monkeypatch.setattr(importer, "BATCH", 7)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    rows = ["source,subject,metric,period,value,unit"]
    rows += [f"Site {s},Acme {c},revenue,2024-Q{q},{100 + c + (s % 3)}000000,USD"
             for s in range(5) for c in range(4) for q in (1, 2)]
    path = _write(tmp_path, "claims.csv", "\n".join(rows) + "\n")
    store = open_store("memory" if backend == "memory" else str(tmp_path / "s"))
    try:
        report = import_claims(path, store)
        assert report.claims == 40 and not report.failed
        n = next(iter(store.select("SELECT (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?c a schema:Claim } }")))["n"]
        assert int(n) == 40
        _stored_equals_fresh(store)
        assert not list((tmp_path / "tmp").iterdir()), "a spool file was left"
    finally:
        store.close()


def test_a_failed_rdf_batch_fails_the_import_and_publishes_nothing(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch the writer queue cannot write ends the import with that error (no hang), the batches queued after it
    are not written, and no index is published for the failed generation."""
    from claimgraph.errors import StoreError
    from claimgraph.graph import importer

    monkeypatch.setattr(importer, "BATCH", 5)
    rows = ["source,subject,metric,period,value,unit"]
    rows += [f"Site {s},Acme,revenue,2024-Q{q},{100 + s}000000,USD" for s in range(10) for q in (1, 2)]
    path = _write(tmp_path, "claims.csv", "\n".join(rows) + "\n")
    store = open_store(str(tmp_path / "s"))
    calls: list[Path] = []
    real = type(store).add_nquads_file

    def failing(self: Store, batch: Path) -> None:
        calls.append(batch)
        if len(calls) == 2:
            raise StoreError("disk full (test)")
        real(self, batch)

    monkeypatch.setattr(type(store), "add_nquads_file", failing)
    try:
        with pytest.raises(StoreError, match="disk full"):
            import_claims(path, store)
        assert len(calls) == 2, "batches after the failed one were written"
        assert not Path(str(tmp_path / "s") + ".index.duckdb").exists()
    finally:
        store.close()
