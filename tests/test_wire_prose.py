"""Non-results wire items (takeovers, company statements, traffic reports) whose prose holds a results figure.

Hand-written items in the style of real wire copy; they pin mechanisms, the accuracy figures come from the real
gold (tests/test_real_quality.py).
"""

from __future__ import annotations

from pathlib import Path

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import read_inputs
from tests.test_wire_items import _record, _rows


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


def test_a_bid_target_named_after_an_opening_adverbial_owns_its_results_in_sterling() -> None:
    ex = _record("HARTWELL BIDS 180 MLN STG FOR PENROSE", """LONDON, March 30 - Hartwell Holdings Plc said it would
make a 180 mln stg agreed bid for <Penrose Chemists Plc>.
    In the year to end-January, Hartwell reported pretax profits of 92.4 mln stg after 70.1 mln previously.
    In the year to end-February, Penrose reported pretax profits of 9.85 mln after 8.12 mln previously on turnover
that rose to 151.3 mln from 133.0 mln.
""", "1987-03-30")
    rows = _rows(ex)
    assert ("Hartwell Holdings", "pretax_income", "level", 92.4e6, "1986-02-01..1987-01-31", "reported") in rows
    assert ("Hartwell Holdings", "pretax_income", "level", 70.1e6, "1985-02-01..1986-01-31", "prior_period") in rows
    assert ("Penrose Chemists", "pretax_income", "level", 9.85e6, "1986-03-01..1987-02-28", "reported") in rows
    assert ("Penrose Chemists", "pretax_income", "level", 8.12e6, "1985-03-01..1986-02-28", "prior_period") in rows
    assert ("Penrose Chemists", "revenue", "level", 151.3e6, "1986-03-01..1987-02-28", "reported") in rows
    assert {c.value.unit for c in ex.claims if c.metric != "unclassified"} == {"GBP"}


def test_a_subsidiary_opening_its_sentence_and_then_its_owns_the_figures() -> None:
    ex = _record("VALMONT STILL EXPECTS 1986 LOSS", """PARIS, March 4 - French chemicals group Valmont SA said
it still expects a loss for 1986.
    Fibrex SA, its fibres subsidiary, made a net profit of 410 mln francs last year.
    But its sales fell 4.1 pct to 6.2 billion francs.
    Orland Petroles SA, the third largest refiner in 1985, cut its workforce by some 1,200 last year.
""", "1987-03-04")
    owners = {c.value.stated: c.company for c in ex.claims}
    assert owners["410 mln francs"] == "Fibrex"
    assert owners["6.2 billion francs"] == "Fibrex"
    assert owners.get("1,200", "Orland Petroles") == "Orland Petroles"


def test_a_split_year_and_nine_month_profits_are_their_periods() -> None:
    ex = _record("MIYAKO BANK ACCUSED OF MISUSE OF RESERVES", """TOKYO, March 19 - Miyako Bank Ltd said it
believes its use of tax-free reserves is legal.
    Miyako Bank reported a 31.2 billion yen net profit in the 1985/86 year.
""", "1987-03-19")
    periods = {c.value.stated: c.period for c in ex.claims}
    p = periods["31.2 billion yen"]
    assert p is not None and (p.end - p.start).days in range(360, 370) and p.end.year == 1986
    ex = _record("ROTARY DRAIN <RDR> SEES HIGHER 4TH QTR", """CINCINNATI, Oct 16 - Rotary Drain Inc said it
expects fourth quarter profits to improve.
    Nine month profits were up 23 pct to 64 cts a share from 52 cts last year.
""", "1987-10-16")
    rows = _rows(ex)
    assert ("Rotary Drain", "eps", "level", 0.64, "1987-01-01..1987-09-30", "reported") in rows


def _article(text: str, tmp_path: Path) -> list[tuple[str, str, str, float, str | None, str]]:
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    doc = next(iter(read_inputs([str(path)]))).document
    assert doc is not None
    return _rows(extract(doc))


def test_a_takeover_target_named_after_the_deal_verb_owns_its_revenue(tmp_path: Path) -> None:
    rows = _article("""---
title: "Harborview Foods to buy Pinecrest Bakeries for $1.2 billion"
date: 2024-05-14
---

May 14 (Reuters) - Harborview Foods Inc said on Tuesday it would acquire Pinecrest Bakeries in a deal valued at
$1.2 billion, including debt.

Pinecrest, which is owned by private equity firm Granite Peak Partners, generated revenue of $410 million in 2023.

Harborview, which earned $312 million last year, said the deal would add to its earnings.
""", tmp_path)
    assert ("Pinecrest Bakeries", "revenue", "level", 410e6, "2023-01-01..2023-12-31", "reported") in rows
    assert ("Harborview Foods", "net_income", "level", 312e6, "2023-01-01..2023-12-31", "reported") in rows


def test_a_target_s_fiscal_year_is_not_the_buyer_s_calendar(tmp_path: Path) -> None:
    rows = _article("""---
title: "Northgate Telecom agrees C$2.3bn takeover of Lakeshore Networks"
date: 2024-11-05
---

TORONTO — Northgate Telecom Inc. has agreed to buy Lakeshore Networks Ltd. for C$2.3-billion in cash.

Lakeshore, based in Kingston, Ont., reported revenue of C$640-million for its fiscal year ended Aug. 31.

Northgate posted third-quarter revenue of C$1.4-billion last week, up 6 per cent from a year earlier.
""", tmp_path)
    assert ("Lakeshore Networks", "revenue", "level", 640e6, "2023-09-01..2024-08-31", "reported") in rows
    assert ("Northgate Telecom", "revenue", "level", 1.4e9, "2024-07-01..2024-09-30", "reported") in rows


def test_a_described_company_is_no_segment_and_present_annual_sales_are_last_year_s(tmp_path: Path) -> None:
    rows = _article("""---
title: "Teller Mining posts record half-year profit"
date: 2024-08-21
---

The Perth-based miner reported a net profit after tax of $612 million for the six months to June 30.
""", tmp_path)
    assert ("Teller Mining", "net_income", "level", 612e6, "2024-01-01..2024-06-30", "reported") in rows
    ex = _record("WALDEN <WLD> COMPLETES SALE OF MEDICAL UNIT", """LOS ANGELES, April 7 - Walden Corp said it has
completed the sale of its Brixton Supply Corp subsidiary to an investor group.
    Brixton Supply has annual revenues of about 210 mln dlrs.
""", "1987-04-07")
    assert [r[4:] for r in _rows(ex) if r[1] == "revenue"] == [("1986-01-01..1986-12-31", "reported")]


def test_a_year_ago_quarter_and_a_provision_that_will_be_taken() -> None:
    ex = _record("CORRECTED-MERIDIAN BANCORP <MBC> TO ADD TO LOAN LOSSES", """PHILADELPHIA, June 29 - Meridian
Bancorp Inc said it will take a one-time 40 mln dlr special provision in the second quarter.
    For the year-ago second quarter, Meridian reported earnings of 31.2 mln dlrs, or 88 cts a share.
""", "1987-06-29")
    rows = _rows(ex)
    assert ("Meridian Bancorp", "net_income", "level", 31.2e6, "1986-04-01..1986-06-30", "prior_period") in rows
    assert ("Meridian Bancorp", "eps", "level", 0.88, "1986-04-01..1986-06-30", "prior_period") in rows


def test_sizes_of_bought_companies_cash_flow_a_share_and_a_present_size() -> None:
    ex = _record("HOLLIS <HLS> BUYING THREE COMPANIES", """ST. LOUIS, June 29 - Hollis Co said it signed a
definitive agreement to acquire three apparel makers.
    Combined sales of the three companies in 1986 were over 60 mln dlrs, it said.
    The two larger companies had sales of 41.5 mln dlrs last year.
    "Hollis's cash flow is at a very respectable rate of about 12 dlrs a share," said one analyst.
""", "1987-06-29")
    assert _rows(ex) == []
    ex = _record("AMERICAN SHRUB <ASH> BUYS FLORIDA NURSERY", """MIAMI, March 2 - American Shrub Corp said it
bought Dalton Nursery Inc of Apopka, Fla.
    Dalton Nursery Inc has sales of about 3.5 mln dlrs.
""", "1987-03-02")
    assert [r[4:] for r in _rows(ex)] == [("1986-01-01..1986-12-31", "reported")]


def test_a_unit_sold_owns_its_figures_and_an_estimate_after_the_figure(tmp_path: Path) -> None:
    rows = _article("""---
title: "Brookfield Castle to sell Marlow Logistics unit to Ashgrove Capital"
date: 2025-03-12
---

Brookfield Castle Plc agreed to sell its Marlow Logistics unit to Ashgrove Capital for £640 million.

Marlow, which operates 120 warehouses across the UK, had revenue of £395 million in 2024.

Brookfield Castle reported a pretax profit of £212 million for 2024 last week.
""", tmp_path)
    assert ("Marlow Logistics", "revenue", "level", 395e6, "2024-01-01..2024-12-31", "reported") in rows
    assert ("Brookfield Castle", "pretax_income", "level", 212e6, "2024-01-01..2024-12-31", "reported") in rows
    rows = _article("""---
title: "Kestrel Airlines swings to profit"
date: 2024-07-25
---

DALLAS (AP) — Kestrel Airlines Inc. said Thursday it earned $312 million in the second quarter.

Excluding one-time items, Kestrel earned $1.12 per share, beating the 98 cents that analysts surveyed by FactSet
had expected.
""", tmp_path)
    assert ("Kestrel Airlines", "adjusted_eps", "level", 0.98, "2024-04-01..2024-06-30", "analyst_estimate") in rows


def test_six_month_profit_is_the_first_half_of_the_fiscal_year() -> None:
    ex = _record("KESTON SYSTEMS SEES LOWER FISCAL 1987 PROFIT", """TORONTO, March 26 - <Keston Systems Inc> said it
expects profit for fiscal 1987 ending June 30 to be lower than fiscal 1986 earnings of 520,000 dlrs.
    Keston previously reported fiscal six month profit of 18,450 dlrs, compared to earnings of 71,300 dlrs in the
prior year.
""", "1987-03-26")
    rows = _rows(ex)
    assert ("Keston Systems", "net_income", "level", 18450.0, "1986-07-01..1986-12-31", "reported") in rows
    assert ("Keston Systems", "net_income", "level", 71300.0, "1985-07-01..1985-12-31", "prior_period") in rows


def test_twelve_months_in_a_utility_headline_is_a_year() -> None:
    ex = _record("CENTRAL PLAINS UTILITIES CO <CPU> 12 MOS MAY 31 NET", """DALLAS, June 19 -
    Shr 3.12 dlrs vs 2.98 dlrs
    Net 412.5 mln vs 388.1 mln
""", "1987-06-19")
    rows = _rows(ex)
    assert ("Central Plains Utilities", "eps", "level", 3.12, "1986-06-01..1987-05-31", "reported") in rows
    assert ("Central Plains Utilities", "net_income", "level", 388.1e6, "1985-06-01..1986-05-31", "prior_period") in rows


def test_companies_in_angle_brackets_own_their_sentences_figures() -> None:
    # a round-up of several unlisted banks, each written in angle brackets with its short form after it
    ex = _record("LISBON BANKS REPORT LOWER PROFITS", """LISBON, March 12 - Portuguese banks are reporting lower
profits for 1986.
    The smallest of the new banks, <Banco Atlantico Norte> (BAN) reported a 1986 net loss of 3.2 bln escudos.
    <Banco Douro Central>'s net profit fell 8.4 pct to 6.1 bln escudos.
""", "1987-03-12")
    companies = {(c.company, c.metric, round(c.value.mid, 1)) for c in ex.claims if c.metric != "unclassified"}
    assert ("Banco Atlantico Norte", "net_income", -3.2e9) in companies
    assert ("Banco Douro Central", "net_income", 6.1e9) in companies
    assert ("Banco Douro Central", "net_income", -8.4) in companies


def test_a_rate_a_share_before_its_dividend_words_is_the_dividend() -> None:
    ex = _record("WESTLINE OIL <WLO> FILES FOR PROTECTION", """HOUSTON, April 13 - Westline Oil Corp said it
filed for protection under Chapter 11 of the bankruptcy code.
    The company said it would suspend its 65 cents per share quarterly common stock dividend.
""", "1987-04-13")
    assert [(c.metric, round(c.value.mid, 2)) for c in ex.claims if c.metric != "unclassified"] == [("dividend", 0.65)]


def test_a_story_headline_the_body_never_names_is_no_company() -> None:
    # the headline's first words are a story ("EGYPT BANKS FACE"), not a name: the body never writes them with a capital
    ex = _record("EGYPT BANKS FACE LEAN YEAR", """CAIRO, March 12 - Egyptian banks are reporting lower profits
for 1986.
    <Alexandria Trade Bank>'s net profit fell 11.8 pct to 122.1 mln pounds.
""", "1987-03-12")
    assert {c.company for c in ex.claims} == {"Alexandria Trade Bank"}
    # a results headline without a ticker keeps its name though the body names nobody
    ex = _record("ORLA VIDEO 1ST QTR NOV 30 NET", """LOS ANGELES, March 3 -
    Shr four cts vs two cts
    Net 156,726 vs 81,989
""", "1987-03-03")
    assert {c.company for c in ex.claims} == {"Orla Video"}


def test_interim_results_are_the_first_half() -> None:
    # in March, the latest half that ended is July-December; the interim results are January-June's
    ex = _record("PACIFIC FERRY <PFL.HK> SEES HIGHER PROFITS", """HONG KONG, March 10 - Pacific Ferry Lines Ltd
said its 1986 profits would exceed the year before's.
    In August it reported interim profits of 503 mln dlrs.
""", "1987-03-10")
    assert [(c.metric, c.period.label if c.period else None) for c in ex.claims if c.value.mid == 503e6] == [
        ("net_income", "1986-H1")]


def test_an_executives_past_expectation_is_the_companys_outlook() -> None:
    ex = _record("MARCEAU AUTOMOBILES SEES HIGHER PROFITS", """PARIS, March 15 - Marceau Automobiles SA expects
sales of its new small car to lift profits this year.
    Its president indicated last December he expected the group's 1986 profit to be between 300 and 450 million
francs.
""", "1987-03-15")
    assert [(c.metric, c.modality.value, c.period.label if c.period else None) for c in ex.claims
            if c.metric != "unclassified"] == [("net_income", "preliminary", "1986")]


def test_a_figure_right_after_year_ago_is_the_earlier_periods() -> None:
    ex = _record("ORMOND ENGINEERING <OEN> SEES LOWER 1ST QTR", """STAMFORD, Conn., March 20 - Ormond Engineering
Inc said it expects first quarter earnings to be well below the year-ago 13.6 mln dlrs.
""", "1987-03-20")
    assert [(c.metric, c.modality.value, c.period.label if c.period else None) for c in ex.claims
            if c.value.mid == 13.6e6] == [("net_income", "prior_period", "1986-Q1")]
