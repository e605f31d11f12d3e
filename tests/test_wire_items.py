"""Wire-service items (old Reuters style and modern wire prose): fiscal periods read from the text, results
tables, whose figure it is, and which metric a per-share amount is.

Hand-written items in the styles of real wires; they pin mechanisms, the accuracy figures come from the real
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


def test_first_line_period_end_sets_the_fiscal_quarter() -> None:
    # "Period end Jan 31" under a "3RD QTR" headline: a quarter Nov-Jan, nine months May-Jan (not calendar Q4)
    ex = _record("<ORION MEDICAL CORP> 3RD QTR LOSS", """DALLAS, March 17 - Period end Jan 31
    Shr loss two cts vs profit nine cts
    Net loss 61,300 vs profit 702,100
    Nine mths
    Shr profit 12 cts vs profit seven cts
""", "1987-03-17")
    rows = _rows(ex)
    assert ("Orion Medical", "eps", "level", -0.02, "1986-11-01..1987-01-31", "reported") in rows
    assert ("Orion Medical", "net_income", "level", 702100.0, "1985-11-01..1986-01-31", "prior_period") in rows
    assert ("Orion Medical", "eps", "level", 0.12, "1986-05-01..1987-01-31", "reported") in rows


def test_first_line_quarter_and_end_without_end_word() -> None:
    ex = _record("HARLOW ENERGY CORP <HEC> NET", """HOUSTON, March 10 - 4th qtr Jan 31
    Shr 31 cts vs 28 cts
""", "1987-03-10")
    assert ("Harlow Energy", "eps", "level", 0.31, "1986-11-01..1987-01-31", "reported") in _rows(ex)


def test_loss_label_sign_holds_for_both_columns_and_unit_lines_are_eps() -> None:
    ex = _record("PETRO PARTNERS LTD <PPL> YEAR LOSS", """HOUSTON, March 20 -
    Unit loss 3.12 dlrs vs loss 2.95 dlrs
    Net loss 21.4 mln vs 18.9 mln
    Avg units 6,100,000 vs 6,050,000
""", "1987-03-20")
    rows = _rows(ex)
    assert ("Petro Partners", "eps", "level", -3.12, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Petro Partners", "eps", "level", -2.95, "1985-01-01..1985-12-31", "prior_period") in rows
    assert ("Petro Partners", "net_income", "level", -18.9e6, "1985-01-01..1985-12-31", "prior_period") in rows
    assert not any(r[1] == "eps" and r[3] > 1000 for r in rows)  # average units stay a count


def test_bracketed_company_owns_its_figures_in_an_acquisition_item() -> None:
    ex = _record("FIRSTBANK <FBK> ACQUIRING BANK OF MILLTOWN", """WHEELING, W. Va., June 2 - Firstbank Inc said its
board signed a merger agreement with the <Bank of Milltown>.
    The Bank of Milltown has total assets of 31.2 mln dlrs as of Dec 31, 1986, the company said.
""", "1987-06-02")
    assert ("Bank of Milltown", "total_assets", "level", 31.2e6, "1986-12-31..1986-12-31", "reported") in _rows(ex)


def test_subject_with_an_appositive_owns_an_order_of_the_day() -> None:
    ex = _record("GE <GE> VENTURE WINS ENGINE ORDER", """EVANDALE, Ohio, April 13 - Aero Engines International, a
joint venture of <Motoren AG> of Germany and General Electric Co said it received an order for its
engines worth 210 mln dlrs from a leasing group.
""", "1987-04-13")
    assert ("Aero Engines International", "orders", "level", 210e6, "1987-04-13..1987-04-13", "reported") \
        in _rows(ex)


def test_offer_and_redemption_prices_are_not_eps() -> None:
    ex = _record("MIDWEST TOOL <MWT> GETS 14.25 DLR/SHR OFFER", """GLENVIEW, ILL., April 9 - Midwest Tool Inc said it
received a written proposal from Acme Industries Inc seeking to buy all of its outstanding shares for 14.25
dlrs a share.
    Midwest Tool's stock was trading on NASDAQ at 13-3/4.
    It also said it will redeem its 80-cent class A shares at seven dlrs a share plus accrued dividends.
""", "1987-04-09")
    rows = _rows(ex)
    assert not any(r[1] == "eps" for r in rows)
    assert ("Midwest Tool", "share_price", "level", 13.75, "1987-04-09..1987-04-09", "reported") in rows


def test_may_the_month_is_not_a_hedge() -> None:
    ex = _record("ACME TOOLS CORP <ACM> 1ST QTR NET", """NEW YORK, May 5 - Acme Tools Corp said first quarter
profit rose 5 pct to 12 mln dlrs.
""", "1987-05-05")
    rows = _rows(ex)
    assert ("Acme Tools", "net_income", "level", 12e6, "1987-01-01..1987-03-31", "reported") in rows
