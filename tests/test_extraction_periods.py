"""Periods, companies and table structure of results items, on hand-written wire copy (issue 12)."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Claim
from claimgraph.sources.readers import Metadata, text_document


def _claims(title: str, body: str, published: dt.date) -> list[Claim]:
    doc = text_document(f"{title}\n{body}", "x.txt", Metadata(title=title, published=published.isoformat()))
    return extract(doc).claims


def _rows(claims: list[Claim]) -> list[tuple[str, float, str | None, str]]:
    return [(c.metric, c.value.low, c.period.start.isoformat() if c.period else None, c.modality.value)
            for c in claims]


def test_short_thousands_group_keeps_its_magnitude() -> None:
    claims = _claims("ZEPHYR AUDIO INC <ZPA> 2ND QTR NET", "DENVER, April 2 -\n    Shr 12 cts vs 10 cts\n"
                     "    Net 1,310,000 vs 1,092,00\n", dt.date(1987, 4, 2))
    assert [(m, v) for m, v, _, _ in _rows(claims) if m == "net_income"] == [
        ("net_income", 1310000.0), ("net_income", 1092000.0)]


def test_lines_above_a_year_heading_are_the_fourth_quarter() -> None:
    claims = _claims("ORBITAL PUMPS INC <ORBP> YEAR NET", "TULSA, March 20 -\n    Net 40,000 vs 35,000\n"
                     "    Year\n    Net 150,000 vs 120,000\n", dt.date(1987, 3, 20))
    assert _rows(claims) == [
        ("net_income", 40000.0, "1986-10-01", "reported"), ("net_income", 35000.0, "1985-10-01", "prior_period"),
        ("net_income", 150000.0, "1986-01-01", "reported"), ("net_income", 120000.0, "1985-01-01", "prior_period")]


def test_vs_same_and_label_typos_and_qualified_labels() -> None:
    claims = _claims("HALCYON MINING LTD <HMNG> 1986 YEAR", "PERTH, March 10 -\n    Shre nil vs same\n"
                     "    Pre-tax, pre-royalties loss 2.10 mln dlrs vs profit 4.20 mln\n", dt.date(1987, 3, 10))
    assert [(m, v, mod) for m, v, _, mod in _rows(claims)] == [
        ("eps", 0.0, "reported"), ("eps", 0.0, "prior_period"),
        ("pretax_income", -2100000.0, "reported"), ("pretax_income", 4200000.0, "prior_period")]


def test_company_in_parentheses_in_a_wire_headline() -> None:
    claims = _claims("(NORTHWIND FOODS INC) SIX MTHS FEB 28 NET", "TORONTO, April 6 -\n    Shr 21 cts vs 30 cts\n"
                     "    Revs 12.5 mln vs 11.0 mln\n", dt.date(1987, 4, 6))
    assert {c.company for c in claims} == {"Northwind Foods"}
    assert _rows(claims)[0] == ("eps", 0.21, "1986-09-01", "reported")
    assert {c.value.unit for c in claims} == {"CAD"}
