"""Near company names across articles (claimgraph/analysis/aliases.py): merged only when their figures agree, never
when the names are merely alike. Every text here is written for the test."""

from __future__ import annotations

from claimgraph.analysis.aliases import alias_keys, near, near_pairs
from claimgraph.analysis.facts import FactTable
from claimgraph.analysis.identity import unify_companies
from claimgraph.sources.companies import CompanyFinder, company_key, load_registry

_START = {"1986-12-31": "1986-10-01", "1987-01-03": "1986-10-05"}  # a quarter, and a 52/53-week one


def _table(rows: list[tuple[str, str, str, float, int, str, str]]) -> FactTable:
    """(company, article, metric, value, decimals, period end, published) rows of quarters ending on ``end``."""
    return FactTable.from_rows(
        ids=[f"c{i}" for i in range(len(rows))], sources=[r[1] for r in rows], companies=[r[0] for r in rows],
        metrics=[r[2] for r in rows], low=[r[3] for r in rows], high=[r[3] for r in rows],
        points=[r[3] for r in rows], decimals=[r[4] for r in rows], units=["USD"] * len(rows),
        stated=[str(r[3]) for r in rows],
        periods=(["Q"] * len(rows), [_START[r[5]] for r in rows], [r[5] for r in rows]),
        publisher=["Wire"] * len(rows), published=[r[6] for r in rows])


def test_near_keys() -> None:
    assert near(company_key("Brandwell Hospitality Holdings Inc"), company_key("Brandwel Hospitality Holdings"))
    assert near(company_key("Corvane Motor Lodges Industries"), company_key("Corvnae Motor Lodges Inc"))
    assert near(company_key("P.T. Halloway Co"), company_key("HALLOWAY"))
    for a, b in [("American Express", "American Exploration"), ("Dart Group", "Dart & Kraft"),
                 ("General Motors", "General Mills"), ("Acme", "Acne"), ("Dart", "Dart & Kraft"),
                 ("Bank of Boston", "Bank of Austin")]:
        assert not near(company_key(a), company_key(b)), (a, b)


def test_near_pairs_finds_them_in_blocks() -> None:
    keys = [company_key(n) for n in ("Corvane Motor Lodges Industries", "Corvnae Motor Lodges", "Dart Group",
                                     "Dart & Kraft", "P.T. Halloway", "Halloway")]
    assert near_pairs(keys) == [("corvanemotorlodgesindustries", "corvnaemotorlodges"), ("halloway", "pthalloway")]


def test_misspelt_title_merges_when_figures_agree() -> None:
    t = _table([
        ("Corvnae Motor Lodges Industries", "a1", "revenue", 41.7e6, -5, "1986-12-31", "1987-03-04"),
        ("Corvnae Motor Lodges Industries", "a1", "net_income", 2_113_000, 0, "1986-12-31", "1987-03-04"),
        ("Corvnae Motor Lodges Industries", "a1", "eps", 0.31, 2, "1986-12-31", "1987-03-04"),
        ("Corvane Motor Lodges", "a2", "revenue", 41.7e6, -5, "1987-01-03", "1987-03-05"),
        ("Corvane Motor Lodges", "a2", "net_income", 2.1e6, -5, "1987-01-03", "1987-03-05"),
    ])
    unify_companies(t)
    assert set(t.company) == {"Corvane Motor Lodges"}  # (the name of more articles; a tie: the smaller)
    assert t.named is not None and t.named[0] == "Corvnae Motor Lodges Industries"


def test_near_names_without_shared_figures_stay_apart() -> None:
    t = _table([
        ("Corvnae Motor Lodges", "a1", "revenue", 41.7e6, -5, "1986-12-31", "1987-03-04"),
        ("Corvnae Motor Lodges", "a1", "net_income", 2_113_000, 0, "1986-12-31", "1987-03-04"),
        ("Corvane Motor Lodges", "a2", "revenue", 55.2e6, -5, "1986-12-31", "1987-03-05"),
        ("Corvane Motor Lodges", "a2", "net_income", 2_113_000, 0, "1986-12-31", "1987-03-05"),
    ])
    assert alias_keys(t, [company_key(c) for c in t.company]) == {}  # one figure in common is not enough
    # two figures in common, but months apart or from another publisher: not the same report
    t2 = _table([
        ("Dart Group", "a1", "revenue", 41.7e6, -5, "1986-12-31", "1987-03-04"),
        ("Dart Group", "a1", "net_income", 2_113_000, 0, "1986-12-31", "1987-03-04"),
        ("Dart Industries", "a2", "revenue", 41.7e6, -5, "1986-12-31", "1987-06-05"),
        ("Dart Industries", "a2", "net_income", 2_113_000, 0, "1986-12-31", "1987-06-05"),
    ])
    assert alias_keys(t2, [company_key(c) for c in t2.company]) == {}


def test_different_companies_with_equal_figures_never_merge_when_names_are_not_near() -> None:
    t = _table([
        ("American Express", "a1", "revenue", 41.7e6, -5, "1986-12-31", "1987-03-04"),
        ("American Express", "a1", "net_income", 2_113_000, 0, "1986-12-31", "1987-03-04"),
        ("American Exploration", "a2", "revenue", 41.7e6, -5, "1986-12-31", "1987-03-04"),
        ("American Exploration", "a2", "net_income", 2_113_000, 0, "1986-12-31", "1987-03-04"),
    ])
    unify_companies(t)
    assert set(t.company) == {"American Express", "American Exploration"}


def test_partnership_legal_forms_are_one_key() -> None:
    keys = {company_key(n) for n in ("Brightwater Systems Mlp", "Brightwater Systems Master Limited Partnership",
                                     "BRIGHTWATER SYSTEMS MASTER LP", "Brightwater Systems L.P.",
                                     "Brightwater Systems Limited Partnership")}
    assert keys == {"brightwatersystems"}
    assert company_key("Brightwater Partners") != company_key("Brightwater")


def test_headline_name_takes_the_bodys_initials() -> None:
    """A headline's "HALLOWAY <HLW>", then the body's "P.T. Halloway Co said": the company is P.T. Halloway."""
    finder = CompanyFinder(load_registry())
    head = finder.company("Halloway", "HLW")
    assert head is not None
    finder.find("PITTSBURGH, March 4 - P.T. Halloway Co said quarterly profits rose.")
    assert finder.current(head) is not None and finder.current(head).name == "P.T. Halloway"  # type: ignore[union-attr]


def test_a_short_name_merges_with_the_full_one_only_when_no_figure_differs() -> None:
    """A headline's "ACME OIL" and a table's "Acme Oil and Gas Ltd" state the same year; a company and its unit
    named after it ("Brightmoor Motor", "Brightmoor Motor Credit") state some figures alike and others not."""
    assert near(company_key("NUMOR OIL"), company_key("Numor Oil and Gas Ltd"))
    same = _table([
        ("Numor Oil and Gas", "a1", "net_income", 5_255_179, 0, "1986-12-31", "1987-03-11"),
        ("Numor Oil and Gas", "a1", "revenue", 37.8e6, -5, "1986-12-31", "1987-03-11"),
        ("Numor Oil and Gas", "a1", "eps", 0.23, 2, "1986-12-31", "1987-03-11"),
        ("Numor Oil", "a2", "net_income", 5_255_179, 0, "1986-12-31", "1987-03-11"),
        ("Numor Oil", "a2", "revenue", 37.8e6, -5, "1986-12-31", "1987-03-11"),
    ])
    unify_companies(same)
    assert set(same.company) == {"Numor Oil"}
    unit = _table([
        ("Brightmoor Motor", "a1", "net_income", 5_255_179, 0, "1986-12-31", "1987-03-11"),
        ("Brightmoor Motor", "a1", "revenue", 37.8e6, -5, "1986-12-31", "1987-03-11"),
        ("Brightmoor Motor", "a1", "eps", 0.23, 2, "1986-12-31", "1987-03-11"),
        ("Brightmoor Motor Credit", "a2", "net_income", 5_255_179, 0, "1986-12-31", "1987-03-11"),
        ("Brightmoor Motor Credit", "a2", "revenue", 37.8e6, -5, "1986-12-31", "1987-03-11"),
        ("Brightmoor Motor Credit", "a2", "eps", 1.10, 2, "1986-12-31", "1987-03-11"),
    ])
    unify_companies(unit)
    assert set(unit.company) == {"Brightmoor Motor", "Brightmoor Motor Credit"}


def test_a_short_name_never_joins_two_companies_it_starts() -> None:
    """A short "Brightmoor" shares figures with "Brightmoor Steel" in one story and with "Brightmoor Foods" in another:
    it joins one of them at most, never both (two companies whose names are not near)."""
    t = _table([
        ("Brightmoor Steel", "a1", "net_income", 5_255_179, 0, "1986-12-31", "1987-03-11"),
        ("Brightmoor Steel", "a1", "revenue", 37.8e6, -5, "1986-12-31", "1987-03-11"),
        ("Brightmoor", "a2", "net_income", 5_255_179, 0, "1986-12-31", "1987-03-11"),
        ("Brightmoor", "a2", "revenue", 37.8e6, -5, "1986-12-31", "1987-03-11"),
        ("Brightmoor", "a3", "net_income", 912_400, 0, "1986-12-31", "1987-03-12"),
        ("Brightmoor", "a3", "eps", 0.41, 2, "1986-12-31", "1987-03-12"),
        ("Brightmoor Foods", "a4", "net_income", 912_400, 0, "1986-12-31", "1987-03-12"),
        ("Brightmoor Foods", "a4", "eps", 0.41, 2, "1986-12-31", "1987-03-12"),
    ])
    unify_companies(t)
    assert t.company[0] != t.company[6]  # Brightmoor Steel's claims and Brightmoor Foods' never under one name
