"""Hand-written articles of other outlets (the tenth modern-news round: results with hard periods, deals, market
wraps, analysts' notes, stories that quote a customer's or a rival's figures): each test fails on the code before
its fix."""

from __future__ import annotations

from tests.conftest import claim_rows as _claims


def test_a_result_joined_to_an_outlook_by_and_stays_reported() -> None:
    # "revenue of $4.6 billion and forecast ...": the outlook's verb after "and" begins a new clause
    text = ("Sept 17, 2025 - Orvane Semiconductor reported third-quarter revenue of $4.6 billion and forecast "
            "current-quarter revenue of about $5 billion.\n")
    claims = _claims(text)
    assert [c[2] for c in claims if c[3] == 4.6e9] == ["reported"], claims


def test_a_rival_set_off_by_commas_owns_its_report() -> None:
    text = ("June 10, 2025\n\nAnalysts at Thorncliff Securities cut their price target on Marbury Pharmaceuticals to "
            "$58.\n\nMarbury's main rival, Ellisford Bio, reported first-quarter revenue of $2.4 billion last month.\n")
    claims = _claims(text)
    assert [c[0] for c in claims if c[3] == 2.4e9] == ["Ellisford Bio"], claims


def test_a_customer_named_after_its_noun_owns_its_report() -> None:
    text = ("PARIS, July 24, 2025 - Verrieres Groupe SA, the French glassmaker, issued a profit warning on Thursday.\n\n"
            "Its customer Maison Bati, the building materials distributor, last week reported a 9% drop in half-year "
            "sales to 4.1 billion euros.\n")
    claims = _claims(text)
    assert not any(c[0] == "Verrieres Groupe" and c[1] == "revenue" for c in claims), claims
    assert ("Maison Bati", "revenue", "reported", 4.1e9, "2025-H1") in claims, claims


def test_last_years_sales_after_a_relative_clauses_figure_are_last_years() -> None:
    # a headcount in a relative clause sets no quarter for "last year"
    text = ("FRANKFURT, Nov 20, 2025 (Reuters) - Kronthal Automotive SE will close its plant in Saarlouis, it said on "
            "Thursday.\n\nKronthal, which employs about 61,000 people worldwide, had sales of 14.2 billion euros last "
            "year.\n")
    claims = _claims(text)
    assert ("Kronthal Automotive", "revenue", "reported", 14.2e9, "2024") in claims, claims


def test_a_bracketed_comparative_lends_its_period_only_to_its_own_figure() -> None:
    # an ASX half-year result: "(1H FY25: A$377.9 million)" is the earlier half's figure, not the one before it
    text = ("20 February 2026\n\nKookaburra Resources Limited reported a statutory NPAT of A$186.4 million for 1H "
            "FY26.\n\nUnderlying EBITDA was A$402.1 million (1H FY25: A$377.9 million).\n")
    claims = _claims(text)
    assert ("Kookaburra Resources", "adjusted_ebitda", "reported", 402.1e6, "FY2026-H1") in claims, claims
    assert ("Kookaburra Resources", "adjusted_ebitda", "prior_period", 377.9e6, "FY2025-H1") in claims, claims
