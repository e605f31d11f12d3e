"""Non-results wire items (takeovers, company statements, traffic reports) whose prose holds a results figure.

Hand-written items in the style of real wire copy; they pin mechanisms, the accuracy figures come from the real
gold (tests/test_real_quality.py).
"""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Extraction
from claimgraph.sources.readers import Metadata, text_document


def _record(title: str, text: str, published: str) -> Extraction:
    doc = text_document(text, "r.json", Metadata(title=title, published=published), title_first_line=False)
    return extract(doc)


def _rows(ex: Extraction) -> list[tuple[str, str, str, float, str | None, str]]:
    return [(c.company, c.metric, c.measure.value, round(c.value.mid, 6),
             f"{c.period.start}..{c.period.end}" if c.period else None, c.modality.value) for c in ex.claims
            if c.metric != "unclassified"]


def test_last_year_lead_is_the_last_fiscal_year_and_a_charge_keeps_its_own_quarter() -> None:
    ex = _record("HALVERSON SYSTEMS <HVS> UNVEILS NEW MAINFRAME", """BOSTON, March 24 - Halverson Systems Corp
said it is introducing a new mainframe computer.
    Last year, the company lost 180.2 mln dlrs, including a fourth quarter restructuring charge of 91.5 mln
dlrs and a one-time loss of 42 mln dlrs.
""", "1987-03-24")
    rows = _rows(ex)
    assert rows == [("Halverson Systems", "net_income", "level", -180.2e6, "1986-01-01..1986-12-31", "reported")]


def test_a_price_a_share_in_a_takeover_story_is_no_eps() -> None:
    ex = _record("TALKING POINT/GRANTLEY FREIGHT <GFR>", """CHICAGO, March 12 - Grantley Freight Corp's stock
rose on speculation that a new suitor would emerge.
    Grantley agreed last month to a 28 dlr-a-share, 190 mln-dlr offer from an investor group.
    One arbitrager said a 31 dlrs a share would only open the bidding.
""", "1987-03-12")
    assert not [r for r in _rows(ex) if r[1] == "eps"]


def test_traffic_figures_and_share_counts_are_no_revenue_or_price() -> None:
    ex = _record("NORTHSTAR AIR <NSA> MARCH TRAFFIC UP", """DENVER, April 3 - Northstar Air Inc said its
scheduled March traffic rose 12.1 pct to 1.21 billion revenue passenger miles from 1.08 billion.
    A major shareholder had accepted the offer for 4.4 mln shares and would take the cash alternative for
2.0 mln of these.
""", "1987-04-03")
    assert not [r for r in _rows(ex) if r[1] in ("revenue", "share_price")]
