"""The same commands against a real SPARQL server: Virtuoso Open Source, started by the test itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import EndpointError, QueryError
from claimgraph.graph.store import Store, open_store
from claimgraph.queries import list_queries, load_query
from tests import virtuoso
from tests.test_kept import _structure
from tests.test_queries import EXPECT_ROWS, PARAMS

if not virtuoso.available() and os.environ.get("CI"):
    raise RuntimeError("Virtuoso is not installed, and CI must not skip its tests: run scripts/test as root")

pytestmark = [pytest.mark.virtuoso, pytest.mark.slow,
              pytest.mark.skipif(not virtuoso.available(), reason="virtuoso-opensource-7 is not installed")]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("virtuoso")


@pytest.fixture(scope="module")
def endpoint(workdir: Path, examples: list[str]) -> Iterator[str]:
    # a remote store's claim index lives in ./.claimgraph: keep the module's indexes in its own folder
    with pytest.MonkeyPatch.context() as mp, virtuoso.virtuoso(workdir) as url:
        mp.chdir(workdir)
        result = CliRunner().invoke(app, ["ingest", *examples, "--store", url, "--workers", "1", "--format", "json"])
        assert result.exit_code == 0, result.output
        assert CliRunner().invoke(app, ["conflicts", "--store", url]).exit_code == 0  # writes the analysis graph
        yield url


@pytest.fixture(scope="module")
def remote(endpoint: str) -> Store:
    return open_store(endpoint)


def test_articles_counted(endpoint: str) -> None:
    out = CliRunner().invoke(app, ["query", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }",
                                   "--store", endpoint, "--format", "csv"])
    assert out.stdout.splitlines() == ["n", "5"]


def test_conflicts_same_as_embedded(endpoint: str, tmp_path: Path, examples: list[str]) -> None:
    runner = CliRunner()
    local = str(tmp_path / "s")
    runner.invoke(app, ["ingest", *examples, "--store", local, "--workers", "1"])
    ours = runner.invoke(app, ["conflicts", "--all", "--format", "json", "--store", local]).stdout
    theirs = runner.invoke(app, ["conflicts", "--all", "--format", "json", "--store", endpoint]).stdout
    assert json.loads(ours) == json.loads(theirs)
    text_ours = runner.invoke(app, ["conflicts", "--store", local]).stdout
    assert text_ours == runner.invoke(app, ["conflicts", "--store", endpoint]).stdout


@pytest.mark.parametrize("name", [q.name for q in list_queries(include_internal=True)])
def test_bundled_query_on_virtuoso(name: str, remote: Store, endpoint: str) -> None:
    q = load_query(name)
    bindings: dict[str, object] = {}
    for p in q.params:
        if p.name == "article":
            bindings["article"] = URIRef(next(remote.select(load_query("articles").text))["article"])
        elif p.name == "claim":
            bindings["claim"] = URIRef(next(remote.select(load_query("claims").text))["claim"])
        elif p.name == "status":
            bindings["status"] = Literal("revision")
        elif p.name == "predicate":
            bindings["predicate"] = URIRef(PARAMS["predicate"])
        else:
            bindings[p.name] = Literal(PARAMS[p.name])
    rows = list(remote.select(q.text, bindings))  # type: ignore[arg-type]
    if name in EXPECT_ROWS:
        assert rows, name


def test_query_refuses_update_remote(endpoint: str) -> None:
    out = CliRunner().invoke(app, ["query", "CLEAR ALL", "--store", endpoint])
    assert out.exit_code == 1 and "read-only" in out.stderr


def test_remote_errors(remote: Store) -> None:
    with pytest.raises(QueryError):
        remote.query("SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(EndpointError, match="cannot reach"):
        open_store("http://127.0.0.1:9/sparql").query("ASK {}")


def test_view_from_virtuoso(endpoint: str, tmp_path: Path) -> None:
    out = CliRunner().invoke(app, ["view", "--store", endpoint, "--no-open", "--output", str(tmp_path / "v.html")])
    assert out.exit_code == 0 and (tmp_path / "v.html").stat().st_size > 100_000


def test_digest_auth_from_env_and_netrc(endpoint: str, workdir: Path, tmp_path: Path, examples: list[str]) -> None:
    """/sparql-auth needs digest auth: credentials come from the environment or netrc and are never printed."""
    virtuoso.isql(workdir, "DB.DBA.USER_CREATE('cguser', 's3cret-pw'); GRANT SPARQL_UPDATE TO \"cguser\";")
    auth = endpoint.replace("/sparql", "/sparql-auth")
    env = {"CLAIMGRAPH_USER": "cguser", "CLAIMGRAPH_PASSWORD": "s3cret-pw"}
    good = _run_env(["ingest", examples[2], "--store", auth, "--workers", "1"], env)
    assert good.returncode == 0, good.stderr
    bad = _run_env(["ingest", examples[3], "--store", auth, "--workers", "1"],
                   {"CLAIMGRAPH_USER": "cguser", "CLAIMGRAPH_PASSWORD": "wrong-pw"})
    assert bad.returncode == 1 and "refused access (HTTP 401)" in bad.stderr
    assert "wrong-pw" not in bad.stderr + bad.stdout and "s3cret-pw" not in good.stderr + good.stdout
    host = endpoint.split("//", 1)[1].split(":", 1)[0]
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine {host} login cguser password s3cret-pw\n", encoding="utf-8")
    netrc.chmod(0o600)
    via_netrc = _run_env(["query", "ASK { ?a a schema:NewsArticle }", "--store", auth], {"NETRC": str(netrc)})
    assert via_netrc.returncode == 0 and via_netrc.stdout.strip() == "true", via_netrc.stderr


def _run_env(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
    full.update(env)
    return subprocess.run([sys.executable, "-m", "claimgraph", *args], capture_output=True, text=True, env=full,
                          timeout=300)


def test_bulk_load_through_graph_store_protocol(endpoint: str, examples: list[str]) -> None:
    """Writes to a SPARQL server go through the Graph Store protocol (one POST per graph), not UPDATE batches."""
    from claimgraph.graph.remote import RemoteStore

    store = open_store(endpoint)
    assert isinstance(store, RemoteStore) and store.graph_store().endswith("/sparql-graph-crud")
    posted: list[str] = []
    real = store._post_graph

    def spy(graph: str, data: str) -> None:
        posted.append(graph)
        real(graph, data)

    store._post_graph = spy  # type: ignore[method-assign]
    store.add_nquads('<urn:x:s> <urn:x:p> "bulk \\"quoted\\" text"@en <urn:x:g> .\n'
                     '<urn:x:s> <urn:x:q> <urn:x:o> <urn:x:g2> .\n')
    assert sorted(posted) == ["urn:x:g", "urn:x:g2"]
    rows = list(store.select('SELECT ?o WHERE { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> ?o } }'))
    assert rows == [{"o": 'bulk "quoted" text'}]
    store.update("DROP SILENT GRAPH <urn:x:g> ; DROP SILENT GRAPH <urn:x:g2>")


def test_nquads_shards_bulk_loaded_by_virtuoso_then_reindexed(workdir: Path, tmp_path: Path,
                                                               examples: list[str]) -> None:
    """Shards written by the distributed engine load with Virtuoso's own bulk loader (ld_dir); reindex then
    builds the claim index and the analysis from the server, equal to an embedded store's."""
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    from claimgraph.distributed import extract_shards

    shards = workdir / "shards"
    report = extract_shards(examples, shards, workers=1)
    assert report.articles == len(examples)
    second = workdir / "second"
    second.mkdir()
    with virtuoso.virtuoso(second) as url:
        for shard in report.shards:
            assert Path(shard + ".nq").exists()
        virtuoso.isql(second, f"ld_dir('{shards}', '*.nq', 'urn:claimgraph:fallback'); rdf_loader_run(); checkpoint;")
        errors = virtuoso.isql(second, "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
        assert "0 Rows" in errors.stdout, errors.stdout
        runner = CliRunner()
        local = str(tmp_path / "s")
        runner.invoke(app, ["ingest", *examples, "--store", local, "--workers", "1"])
        ours = json.loads(runner.invoke(app, ["conflicts", "--all", "--format", "json", "--store", local]).stdout)
        # no claim index yet: answered from the RDF on the server, with a note naming reindex
        missing = runner.invoke(app, ["conflicts", "--all", "--format", "json", "--store", url])
        assert missing.exit_code == 0, missing.output
        assert "claimgraph reindex" in missing.stderr and len(missing.stderr.splitlines()) == 1, missing.stderr
        assert _structure(json.loads(missing.stdout)) == _structure(ours)
        reindexed = runner.invoke(app, ["reindex", "--store", url])
        assert reindexed.exit_code == 0, reindexed.output
        done = runner.invoke(app, ["conflicts", "--all", "--format", "json", "--store", url])
        assert done.exit_code == 0 and not done.stderr, done.output
        assert json.loads(done.stdout) == ours
