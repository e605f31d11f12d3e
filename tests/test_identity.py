"""One company under several spellings across articles (issue 14): one key, one group, one display name.

The claims keep the name their article used; the analysis groups by ``company_key`` and shows the most used
spelling. Articles here are written so that extraction keeps their spellings apart ("Norvale", "Norvale.com",
"Norvale Group" are three literal names of one company).
"""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimgraph.analysis import analyse as fresh
from claimgraph.analysis import kept
from claimgraph.analysis.identity import display_names
from claimgraph.cli import app
from claimgraph.graph.importer import import_claims
from claimgraph.graph.store import Store, open_store
from claimgraph.graph.writer import open_reader
from claimgraph.pipeline import ingest
from claimgraph.sources.companies import company_key
from tests.test_kept import _stored_equals_fresh

SAME = [
    ("Amazon.com Inc", "Amazon"), ("AMAZON.COM INC", "Amazon.com"), ("Cheung Kong (Holdings) Ltd", "Cheung Kong"),
    ("IVACO", "Ivaco Inc"), ("Bank of Montreal", "BANK OF MONTREAL"), ("Procter & Gamble Co", "Procter and Gamble"),
    ("The Walt Disney Co", "Walt Disney"), ("Wal-Mart Stores Inc", "Wal Mart Stores"), ("Marion Labs", "Marion Laboratories"),
    ("Société Générale SA", "Societe Generale"), ("Macy's", "Macy’s Inc"), ("HSBC Holdings plc", "HSBC"),
    ("Resorts Intl Inc", "Resorts International"), ("Merck & Co., Inc.", "Merck"), ("Deutsche Bank AG", "DEUTSCHE BANK"),
]
APART = [
    ("General Motors", "General Mills"), ("Bank of America", "Bank of Montreal"), ("Ford Motor", "Ford Motor Credit"),
    ("Ford Motor Co", "Ford Motor Co (Canada)"), ("American Express", "American Express Bank"),
    ("Cheung Kong", "Cheung Kong Infrastructure"), ("The Limited", "Limited Brands"), ("Amazon", "Amazonas Energia"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spellings_of_one_company_share_a_key(a: str, b: str) -> None:
    assert company_key(a) == company_key(b)


@pytest.mark.parametrize(("a", "b"), APART)
def test_distinct_companies_and_subsidiaries_stay_apart(a: str, b: str) -> None:
    assert company_key(a) != company_key(b)


def test_a_name_that_is_only_a_legal_form_keeps_it() -> None:
    assert company_key("Limited") == "limited" and company_key("Company") == "company"
    assert company_key("The") == "the"


def test_display_name_is_the_most_used_spelling_then_the_smallest() -> None:
    assert display_names(["Norvale.com", "Norvale", "NORVALE"], [1, 3, 3]) == ["NORVALE"] * 3
    assert display_names(["Norvale.com", "Norvale"], [4, 3]) == ["Norvale.com"] * 2
    assert display_names(["Norvale", "General Mills"], [1, 1]) == ["Norvale", "General Mills"]


ITEM = ("{co} results {n}\nBy {author}\n{co} reported revenue of ${v} billion in Q3 2025. "
        "The company said its backlog reached ${b} billion at quarter-end.\n")


def _article(folder: Path, co: str, n: int, v: float, b: float = 20, author: str = "Jane Doe") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{n}.txt"
    path.write_text(ITEM.format(co=co, n=n, author=author, v=v, b=b), encoding="utf-8")
    return str(path)


def _groups(store: Store) -> list[dict[str, Any]]:
    with closing(open_reader(store)) as ix:
        return kept.conflicts_report(ix, include_all=True)


def _revenue(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [g for g in groups if g["metric"] == "revenue" and company_key(g["company"]) == "norvale"]


@pytest.mark.parametrize(("second", "status"), [(5, "consistent"), (7, "conflict")])
def test_two_spellings_in_two_articles_form_one_group(tmp_path: Path, second: float, status: str) -> None:
    store = open_store("memory")
    try:
        ingest([_article(tmp_path, "Norvale.com", 1, 5, author="Jane Doe"),
                _article(tmp_path, "Norvale", 2, second, author="Raj Patel")], store)
        with closing(open_reader(store)) as ix:
            names = {r["company"] for r in ix.rows("SELECT company FROM claims")}
            keys = {r["company_key"] for r in ix.rows("SELECT company_key FROM claims")}
        assert names == {"Norvale.com", "Norvale"} and keys == {"norvale"}, "claims keep their spellings"
        groups = _revenue(_groups(store))
        assert len(groups) == 1, groups
        g = groups[0]
        assert g["status"] == status and len(g["claims"]) == 2
        # two claims each: a tie, so the smaller string is shown; the other claim says how its article wrote it
        assert g["company"] == "Norvale"
        assert [c.get("company_as_written") for c in g["claims"]].count("Norvale.com") == 1
    finally:
        store.close()


@pytest.mark.parametrize("order", [("Norvale", "Norvale.com"), ("Norvale.com", "Norvale")])
def test_kept_analysis_of_two_spellings_in_two_ingests_equals_a_fresh_one(tmp_path: Path,
                                                                         order: tuple[str, str]) -> None:
    """Two spellings arriving in different ingests, in both orders, then a third and fourth ingest that make the
    other spelling the most used one (the display name moves): the stored analysis is always a fresh one's."""
    store = open_store(str(tmp_path / "s"))
    try:
        first, second = order
        ingest([_article(tmp_path / "a", first, 1, 5)], store)
        ingest([_article(tmp_path / "b", second, 2, 7, author="Raj Patel")], store, refresh_trust=False)
        _stored_equals_fresh(store, structure_only=True)
        groups = _revenue(_groups(store))
        assert len(groups) == 1 and groups[0]["status"] == "conflict" and groups[0]["company"] == "Norvale"
        ingest([_article(tmp_path / "c", "Norvale.com", 3, 5, author="Ann Lee"),
                _article(tmp_path / "d", "Norvale.com", 4, 5, author="Bo Chen")], store, refresh_trust=False)
        _stored_equals_fresh(store, structure_only=True)
        groups = _revenue(_groups(store))
        assert len(groups) == 1 and groups[0]["company"] == "Norvale.com" and len(groups[0]["claims"]) == 4
        with closing(open_reader(store)) as ix:
            assert ix.rows("SELECT DISTINCT company, company_key FROM groups") == \
                [{"company": "Norvale.com", "company_key": "norvale"}], "no group left under the old display name"
            assert [r["company_key"] for r in ix.rows("SELECT company_key FROM company_hash")] == ["norvale"]
        graphs = store.graphs_under(kept.company_graph("x")[:-1])
        assert list(graphs) == [kept.company_graph("norvale")]
        fresh.analyse(store)
        _stored_equals_fresh(store)
    finally:
        store.close()


def test_an_import_and_an_article_meet_under_the_key(tmp_path: Path) -> None:
    """``import-claims`` keeps a subject as written ("NORVALE INC"); an article's "Norvale" is the same company."""
    store = open_store("memory")
    try:
        csv = tmp_path / "claims.csv"
        csv.write_text("source,subject,metric,period,value,unit\nSheet A,NORVALE INC,revenue,2025-Q3,5e9,USD\n",
                       encoding="utf-8")
        import_claims(str(csv), store)
        ingest([_article(tmp_path, "Norvale", 1, 5)], store, refresh_trust=False)
        groups = _revenue(_groups(store))
        assert len(groups) == 1 and groups[0]["status"] == "consistent" and len(groups[0]["claims"]) == 2
        _stored_equals_fresh(store, structure_only=True)
    finally:
        store.close()


def test_commands_find_a_company_under_any_spelling(tmp_path: Path) -> None:
    store_path = str(tmp_path / "s")
    store = open_store(store_path)
    try:
        ingest([_article(tmp_path / "a", "Norvale.com", 1, 5), _article(tmp_path / "b", "Norvale", 2, 7,
                                                                        author="Raj Patel")], store)
    finally:
        store.close()
    runner = CliRunner()
    for spelling in ("Norvale", "Norvale.com", "NORVALE.COM INC", "The Norvale Group"):
        result = runner.invoke(app, ["conflicts", "--store", store_path, "--company", spelling, "--format", "json"])
        assert result.exit_code == 0, result.output
        rows = json.loads(result.stdout)
        assert [g["metric"] for g in rows] == ["revenue"], spelling
        result = runner.invoke(app, ["resolve", "--store", store_path, "--company", spelling, "--format", "json"])
        assert {g["metric"] for g in json.loads(result.stdout)} == {"revenue", "revenue_backlog"}, spelling
        result = runner.invoke(app, ["timeline", spelling, "revenue", "--store", store_path, "--format", "json"])
        assert result.exit_code == 0, result.output
        assert sum(len(p["claims"]) for p in json.loads(result.stdout)) == 2, spelling
        result = runner.invoke(app, ["claims", "--store", store_path, "--company", spelling, "--format", "json"])
        assert {c["company"] for c in json.loads(result.stdout)} == {"Norvale", "Norvale.com"}, spelling
        # a bundled query binds its company parameter to every spelling the index knows
        result = runner.invoke(app, ["query", "timeline", "--store", store_path, "-p", f"company={spelling}",
                                     "-p", "metric=revenue", "--format", "json"])
        assert result.exit_code == 0, result.output
        assert sorted(r["company"] for r in json.loads(result.stdout)) == ["Norvale", "Norvale.com"], spelling
    result = runner.invoke(app, ["conflicts", "--store", store_path, "--company", "Norvale Credit"])
    assert result.exit_code != 0 and "no company 'Norvale Credit'" in result.output, "a subsidiary is another company"


def test_view_focus_matches_any_spelling(tmp_path: Path) -> None:
    from claimgraph.view.page import make_page

    store = open_store("memory")
    try:
        ingest([_article(tmp_path / "a", "Norvale.com", 1, 5), _article(tmp_path / "b", "Norvale", 2, 7,
                                                                        author="Raj Patel")], store)
        shown = make_page(store, company="NORVALE.COM").data.groups
        assert {g["company"] for g in shown} == {"Norvale"} and {g["metric"] for g in shown} >= {"revenue"}
        assert not make_page(store, company="Norvale Credit").data.groups
    finally:
        store.close()


@pytest.mark.parametrize("order", [("Corvnae Motor Lodges Industries", "Corvane Motor Lodges"),
                                   ("Corvane Motor Lodges", "Corvnae Motor Lodges Industries")])
def test_kept_analysis_of_a_misspelt_name_in_another_ingest_equals_a_fresh_one(tmp_path: Path,
                                                                              order: tuple[str, str]) -> None:
    """A near name (one letter swapped, a generic last word) whose figures agree (claimgraph/analysis/aliases.py),
    arriving in a later ingest in either order: one company, and the stored analysis is a fresh one's."""
    store = open_store(str(tmp_path / "s"))
    try:
        first, second = order
        ingest([_article(tmp_path / "a", first, 1, 5)], store)
        ingest([_article(tmp_path / "b", second, 2, 5, author="Raj Patel")], store, refresh_trust=False)
        _stored_equals_fresh(store, structure_only=True)
        groups = [g for g in _groups(store) if g["metric"] == "revenue"]
        assert len(groups) == 1 and len(groups[0]["claims"]) == 2 and groups[0]["status"] == "consistent", groups
        with closing(open_reader(store)) as ix:
            assert len(ix.rows("SELECT DISTINCT company_key FROM groups")) == 1
    finally:
        store.close()
