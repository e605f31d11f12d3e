"""Every bundled query runs; query safety; SHACL validation of the ingested graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal
from typer.testing import CliRunner

from claimgraph.analysis.analyse import analyse
from claimgraph.cli import app
from claimgraph.errors import QueryError
from claimgraph.graph.store import Store
from claimgraph.queries import list_queries, load_query

PARAMS = {"company": "CoreWeave", "metric": "revenue_backlog", "period": "2025-Q3", "author": "Henry Rivers",
          "publisher": "Example Wire", "status": "conflict", "url": "https://example.com/x",
          "predicate": "https://w3id.org/claimgraph/ns#quote", "source": "x.txt"}

EXPECT_ROWS = {"articles", "claims", "claims-by-period", "claims-without-period", "timeline", "author-claims",
               "ai-agent-articles", "source-trust", "cross-checks", "resolutions", "group-consistency",
               "article-claims", "claim-provenance", "conflicts", "analysis-input", "view-groups", "view-checks"}


def _bindings(store: Store, name: str) -> dict[str, object]:
    q = load_query(name)
    out: dict[str, object] = {}
    for p in q.params:
        if p.name == "article":
            out["article"] = next(store.select(load_query("articles").text))["article"]
        elif p.name == "claim":
            out["claim"] = next(store.select(load_query("claims").text))["claim"]
        elif p.name == "status":
            out["status"] = "revision"
        else:
            out[p.name] = PARAMS[p.name]
    return out


@pytest.mark.parametrize("name", [q.name for q in list_queries(include_internal=True)])
@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_bundled_query_runs(name: str, backend: str, memory_store: Store, ox_store: Store) -> None:
    from rdflib import URIRef

    store = memory_store if backend == "memory" else ox_store
    if backend == "oxigraph":
        analyse(store)
    q = load_query(name)
    assert q.description, f"{name} has no description"
    raw = _bindings(store, name)
    bindings = {k: URIRef(v) if k in ("article", "claim", "predicate") else Literal(v) for k, v in raw.items()}
    if name == "article-by-url":
        bindings["url"] = Literal("https://example.com/x", datatype=URIRef("http://www.w3.org/2001/XMLSchema#anyURI"))
    rows = list(store.select(q.text, bindings))  # type: ignore[arg-type]
    if name in EXPECT_ROWS:
        assert rows, f"{name} returned nothing on the example corpus"


def test_queries_command_json(runner: CliRunner) -> None:
    data = json.loads(runner.invoke(app, ["queries", "--format", "json"]).stdout)
    names = {d["name"] for d in data}
    assert {"claims", "timeline", "conflicts", "author-claims", "disagreeing-sources", "claims-without-period",
            "ai-agent-articles", "source-trust", "claim-provenance", "article-claims", "publisher-claims"} <= names
    for d in data:
        assert d["description"] and isinstance(d["parameters"], list)


def test_param_binding_cannot_inject(ox_store: Store, tmp_path: Path, runner: CliRunner) -> None:
    store = ox_store.label
    ox_store.close()
    evil = 'CoreWeave" } } ; DROP ALL ; SELECT * { ?s ?p "'
    out = runner.invoke(app, ["query", "timeline", "--store", store, "--param", f"company={evil}",
                              "--param", "metric=revenue_backlog", "--format", "json"])
    # an unknown company is refused (issue 13: typos get "did you mean"); the value is never spliced as text
    assert out.exit_code == 1 and out.stdout == ""
    ok = runner.invoke(app, ["query", "timeline", "--store", store, "--param", "company=CoreWeave",
                             "--param", "metric=revenue_backlog", "--format", "json"])
    assert len(json.loads(ok.stdout)) >= 4


def test_query_refuses_update_and_update_works(ox_store: Store, runner: CliRunner) -> None:
    store = ox_store.label
    size = len(ox_store)
    ox_store.close()
    out = runner.invoke(app, ["query", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store])
    assert out.exit_code == 1 and "read-only" in out.stderr
    count = runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store,
                                "--format", "csv"])
    assert count.stdout.splitlines()[1] == str(size)
    up = runner.invoke(app, ["update", "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> \"o\" } }",
                             "--store", store])
    assert up.exit_code == 0


def test_syntax_error_keeps_line_and_column(ox_store: Store, memory_store: Store) -> None:
    for store in (ox_store, memory_store):
        with pytest.raises(QueryError, match=r"line 2, column \d+"):
            store.query("SELECT ?x WHERE {\n ?x ?y }")


def test_query_formats(ox_store: Store, runner: CliRunner, tmp_path: Path) -> None:
    store = ox_store.label
    ox_store.close()
    text = "SELECT ?a ?t WHERE { ?a a schema:NewsArticle ; schema:headline ?t } ORDER BY ?t"
    for fmt in ("table", "csv", "tsv", "json", "jsonl"):
        out = runner.invoke(app, ["query", text, "--store", store, "--format", fmt, "--limit", "2"])
        assert out.exit_code == 0 and "CoreWeave" in out.stdout, fmt
    assert runner.invoke(app, ["query", "ASK { ?a a schema:NewsArticle }", "--store", store]).stdout.strip() == "true"
    construct = runner.invoke(app, ["query", "CONSTRUCT { ?a a schema:NewsArticle } WHERE { ?a a schema:NewsArticle }",
                                    "--store", store])
    assert len(Graph().parse(data=construct.stdout, format="turtle")) == 5
    qfile = tmp_path / "q.rq"
    qfile.write_text(text, encoding="utf-8")
    assert "CoreWeave" in runner.invoke(app, ["query", str(qfile), "--store", store]).stdout
    assert "CoreWeave" in runner.invoke(app, ["query", "-", "--store", store], input=text).stdout
    prefixes = runner.invoke(app, ["prefixes", "--format", "json"]).stdout
    assert {"schema", "prov", "rdf", "rdfs", "xsd", "skos", "dcterms", "cg"} <= {p["prefix"] for p in json.loads(prefixes)}


def test_shacl_validation(memory_store: Store) -> None:
    from importlib import resources

    data = Graph()
    for s, p, o, _ in memory_store.dataset().quads((None, None, None, None)):
        data.add((s, p, o))
    shapes = Graph().parse(data=(resources.files("claimgraph.graph") / "shapes.ttl").read_text(), format="turtle")
    Graph().parse(data=(resources.files("claimgraph.graph") / "ontology.ttl").read_text(), format="turtle")
    conforms, _, report = validate(data, shacl_graph=shapes)
    assert conforms, report


def test_known_companies_and_metrics_come_from_the_index_else_the_rdf(tmp_path: Path) -> None:
    """Issue 15: the did-you-mean lists are read from the claim index when it is current (no RDF scan), and from
    the entities and vocabulary in the RDF when it is missing; both know an imported company and metric."""
    import os

    from claimgraph.graph.catalog import check_company, check_metric, known_values
    from claimgraph.graph.importer import import_claims
    from claimgraph.graph.index import index_path_for
    from claimgraph.graph.store import open_store

    csv = tmp_path / "claims.csv"
    csv.write_text("source,subject,metric,period,value,unit\nSheet A,Zyxwidget Holdings,widget_output,2025-Q3,5,USD\n"
                   "Sheet B,Zyxwidget Holdings,revenue,2025-Q3,7e9,USD\n", encoding="utf-8")
    store = open_store(str(tmp_path / "s"))
    try:
        import_claims(str(csv), store)
        asked: list[str] = []
        select = store.select

        def recording(sparql: str, bindings: object = None) -> object:
            asked.append(sparql)
            return select(sparql, bindings)  # type: ignore[arg-type]

        store.select = recording  # type: ignore[method-assign]
        known = (known_values(store, "company", "known-companies", "name"),
                 known_values(store, "metric", "known-metrics", "metric"))
        assert sorted(known[0]) == ["Zyxwidget Holdings"] and sorted(known[1]) == ["revenue", "widget_output"]
        names = (load_query("known-companies").text, load_query("known-metrics").text)
        assert not [q for q in asked if q in names], "read from the index, not the RDF"
        path = index_path_for(store)
        assert path is not None
        os.remove(path)  # no index: the RDF answers
        rdf = (known_values(store, "company", "known-companies", "name"),
               known_values(store, "metric", "known-metrics", "metric"))
        assert [q for q in asked if q in names] == list(names)
        assert set(known[0]) <= set(rdf[0]) and set(known[1]) <= set(rdf[1])
        with pytest.raises(QueryError, match="did you mean 'Zyxwidget Holdings'"):
            check_company(store, "Zyxwidgit Holdings")
        with pytest.raises(QueryError, match="did you mean 'widget_output'"):
            check_metric(store, "widget_outptu")
        check_company(store, "Zyxwidget Holdings")
        check_metric(store, "widget_output")
    finally:
        store.close()
