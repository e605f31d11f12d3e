"""Wire-service items (old Reuters style and modern wire prose): fiscal periods read from the text, results
tables, whose figure it is, and which metric a per-share amount is.

Hand-written items in the styles of real wires; they pin mechanisms, the accuracy figures come from the real
gold (tests/test_real_quality.py).
"""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document
from tests.conftest import wire_record as _record
from tests.conftest import wire_rows as _rows


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


def test_fiscal_year_outlook_takes_the_calendar_a_dated_quarter_gives() -> None:
    # "the April 30 first quarter": a year to January; "fiscal year earnings to improve by about 20 pct" said in
    # April 1987 is the year to January 1988, a change against the year before
    ex = _record("NORTHERN DATA <NDS> SEES EARNINGS GROWTH", """MINNEAPOLIS, April 9 - Northern Data Systems Inc
expects fiscal year earnings to improve by about 20 pct, the company told analysts, although it said the April 30
first quarter should show "down earnings."
""", "1987-04-09")
    assert ("Northern Data Systems", "net_income", "change_yoy", 20.0, "1987-02-01..1988-01-31", "guidance") \
        in _rows(ex)


def test_a_period_after_a_clause_break_is_not_the_outlooks() -> None:
    ex = _record("Oracle forecasts revenue growth", "March 12 (Reuters) - Oracle Corp on Tuesday forecast fiscal-year"
                 " revenue growth of about 8%, after reporting third-quarter revenue of $13.3 billion for the quarter"
                 " ended Feb. 29.\n", "2024-03-12")
    rows = _rows(ex)
    assert ("Oracle", "revenue", "change_yoy", 8.0, "2023-06-01..2024-05-31", "guidance") in rows
    assert ("Oracle", "revenue", "level", 13.3e9, "2023-12-01..2024-02-29", "reported") in rows


def test_fiscal_year_profit_outlook_in_an_indian_paper() -> None:
    ex = _record("Tata Motors Q4 profit", """NEW DELHI, May 22 - Tata Motors posted a fourth-quarter net profit of
Rs 17,407 crore for the quarter ended March 31. It expects fiscal year profit to rise 15 per cent, the company said.
""", "2024-05-22")
    rows = _rows(ex)
    assert ("Tata Motors", "net_income", "change_yoy", 15.0, "2024-04-01..2025-03-31", "guidance") in rows


def test_annual_dividend_still_to_be_paid_is_guidance_and_a_wrapped_note_is_one_sentence() -> None:
    ex = _record("HUDSON TRUST CO <HTC> SETS REGULAR PAYOUT", """NEW YORK, March 12 -
    Div 14 cts vs 14 cts
    Pay April 20
    Record April 8
    NOTE: company pays dividend of 14 cts three times annually
with a bulk payment at the end of the fiscal year to equal
annual dividend of 60 cts.
""", "1987-03-12")
    rows = _rows(ex)
    assert ("Hudson Trust", "dividend", "level", 0.6, "1987-01-01..1987-12-31", "guidance") in rows
    assert [r for r in rows if r[3] == 0.14 and r[5] == "reported"] == \
        [("Hudson Trust", "dividend", "level", 0.14, "1987-01-01..1987-03-31", "reported")]


def test_lower_case_continuation_of_a_note_is_no_table_line() -> None:
    ex = _record("KOALA MINING LTD <KML.S> 1986 YEAR", """MELBOURNE, March 31 -
    Shr nil vs same
    Net attributable loss 17.14 mln dlrs vs loss 8.73 mln
    Sales 220.84 mln vs 173.50 mln
    NOTE - Attributable net loss is after tax 10.04 mln dlrs vs
18.59 mln, interest 82.36 mln vs 65.94 mln, depreciation 64.77
mln vs 35.74 mln and minorities 3.57 mln vs 7.55 mln but before
net extraordinary loss 1.22 mln vs loss 3.91 mln.
""", "1987-03-30")
    rows = _rows(ex)
    assert ("Koala Mining", "net_income", "level", -8.73e6, "1985-01-01..1985-12-31", "prior_period") in rows
    assert [r for r in rows if r[1] == "net_income"] == [
        ("Koala Mining", "net_income", "level", -17.14e6, "1986-01-01..1986-12-31", "reported"),
        ("Koala Mining", "net_income", "level", -8.73e6, "1985-01-01..1985-12-31", "prior_period")]


def test_headline_name_with_connector_and_a_year_section_with_its_end() -> None:
    ex = _record("BANK OF NORTHERN ALBERTA 1ST QTR JAN 31 NET", """EDMONTON, Alberta, March 11 -
    Oper shr loss three cts vs profit four cts
    YEAR - period ended October 31, 1986
    Oper shr loss 31 cts vs profit 12 cts
    Assets 1.67 billion vs 2.25 billion
""", "1987-03-11")
    rows = _rows(ex)
    assert ("Bank of Northern Alberta", "eps", "level", -0.03, "1986-11-01..1987-01-31", "reported") in rows
    assert ("Bank of Northern Alberta", "eps", "level", -0.31, "1985-11-01..1986-10-31", "reported") in rows
    assert ("Bank of Northern Alberta", "total_assets", "level", 1.67e9, "1986-10-31..1986-10-31", "reported") in rows


def test_headline_day_in_words_and_a_note_on_the_prior_years_end() -> None:
    ex = _record("CRAFTWAYS STORES INC <CWS> YEAR FEB ONE", """IRVING, Texas, April 2 -
    Shr 41 cts vs 22 cts
    Sales 125.9 mln vs 86.2 mln
    NOTE: Prior year ended December 29, 1985.
""", "1987-04-02")
    rows = _rows(ex)
    assert ("Craftways Stores", "eps", "level", 0.41, "1986-02-02..1987-02-01", "reported") in rows
    assert ("Craftways Stores", "revenue", "level", 86.2e6, "1984-12-30..1985-12-29", "prior_period") in rows


def test_share_moves_in_wire_market_prose() -> None:
    ex = _record("TOBACCO STOCKS RISE", """NEW YORK, March 25 - Tobacco stocks rose on the report.
    Carolina Leaf Cos <CLF> rose 2-5/8 to 87-3/4, Virginia Brands <VBR> 1-1/4 to 57-1/2 and Danville Tobacco <DTC> 7/8 to 27.
    Gold rose 3/8 to 420-1/2 in New York. Acme Corp shares fell 1-1/4 to 33-3/4 on the news.
    Today, Danville Tobacco closed at 27-1/4, up 1-1/8.
""", "1987-03-25")
    rows = _rows(ex)
    day = "1987-03-25..1987-03-25"
    assert ("Carolina Leaf", "share_price", "change", 2.625, day, "reported") in rows
    assert ("Carolina Leaf", "share_price", "level", 87.75, day, "reported") in rows
    assert ("Virginia Brands", "share_price", "level", 57.5, day, "reported") in rows
    assert ("Danville Tobacco", "share_price", "change", 0.875, day, "reported") in rows
    assert ("Acme", "share_price", "change", -1.25, day, "reported") in rows
    assert ("Danville Tobacco", "share_price", "level", 27.25, day, "reported") in rows
    assert not any(r[3] in (0.375, 420.5) for r in rows)  # gold is no company


def test_outlook_against_an_earlier_year_takes_the_year_to_come() -> None:
    ex = _record("NORTHERN SOFTWARE SEES LOWER FISCAL 1987 PROFIT", """TORONTO, March 26 - <Northern Software Inc>
said it anticipates profit for fiscal 1987 ending June 30 will be lower than fiscal 1986 earnings of 520,000 dlrs,
despite an expected revenue increase of 41 pct to more than 4.5 mln dlrs.
""".replace("\n", " "), "1987-03-26")
    rows = _rows(ex)
    assert ("Northern Software", "net_income", "level", 520000.0, "1985-07-01..1986-06-30", "prior_period") in rows
    assert ("Northern Software", "revenue", "change_yoy", 41.0, "1986-07-01..1987-06-30", "guidance") in rows
    assert ("Northern Software", "revenue", "level", 4.5e6, "1986-07-01..1987-06-30", "guidance") in rows


def test_modern_wire_aside_clause_and_outlook_clause() -> None:
    ex = _record("BT revenue falls", "LONDON, Nov 7 (Reuters) - BT Group Plc on Thursday reported a 3% fall in "
                 "first-half revenue to 10.1 billion pounds, and kept its full-year outlook. Shares in BT, which "
                 "offered a dividend of 2.4 pence, rose 2.1% to 146.5 pence.\n", "2024-11-07")
    rows = _rows(ex)
    assert [r[5] for r in rows if r[1] == "revenue"] == ["reported", "reported"]
    assert ("BT Group", "share_price", "level", 1.465, "2024-11-07..2024-11-07", "reported") in rows
    assert not any(r[1] == "dividend" and r[3] > 0.1 for r in rows)


def test_indian_paper_short_form_and_a_fiscal_year_lead() -> None:
    ex = _record("TCS Q4", "MUMBAI, May 10 - Tata Consultancy Services Ltd, India's biggest IT services company, "
                 "posted a net profit of Rs 12,434 crore for the fourth quarter ended March 31. TCS said its order "
                 "book was $13.2 billion. For FY24, net profit was Rs 45,908 crore.\n", "2024-05-10")
    rows = _rows(ex)
    assert {r[0] for r in rows} == {"Tata Consultancy Services"}
    assert ("Tata Consultancy Services", "net_income", "level", 459.08e9, "2023-04-01..2024-03-31", "reported") \
        in rows


def test_acquisition_items_target_figures_and_price_a_share() -> None:
    ex = _record("ACME <ACM> TO BUY BETA VALVE", "CHICAGO, April 2 - Acme Corp said it agreed to acquire Beta Valve "
                 "Inc, a maker of industrial valves with sales of 50 mln dlrs last year, for 30 dlrs a share. It also "
                 "agreed to buy the Delta Pump unit of Gamma Industries Inc for 45 mln dlrs. Delta Pump had 1986 "
                 "revenues of 80 mln dlrs.\n", "1987-04-02")
    rows = _rows(ex)
    assert ("Beta Valve", "revenue", "level", 50e6, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Delta Pump", "revenue", "level", 80e6, "1986-01-01..1986-12-31", "reported") in rows
    assert not any(r[1] == "eps" for r in rows)
    ex = _record("Acme to buy Beta", "June 3 (Reuters) - Acme Corp agreed to buy rival Beta Inc for $2.1 billion, it "
                 "said on Monday. Beta, which had revenue of $900 million last year, will become a unit of Acme.\n",
                 "2024-06-03")
    assert ("Beta", "revenue", "level", 900e6, "2023-01-01..2023-12-31", "reported") in _rows(ex)


def test_plc_is_a_legal_form() -> None:
    ex = _record("Unilever sales beat", "(Bloomberg) -- Unilever Plc sales rose 4.1% in the second quarter, beating "
                 "analyst estimates of 3.3%. Chief Executive Officer Hein Schumacher said the company expects "
                 "underlying sales growth of 3% to 5% for the full year.\n", "2024-07-25")
    rows = _rows(ex)
    assert ("Unilever", "revenue", "change_yoy", 4.1, "2024-04-01..2024-06-30", "reported") in rows


def test_sales_after_the_compared_figure_go_with_the_outlook() -> None:
    ex = _record("ACME TOOLS SEES HIGHER 1ST QTR NET", "NEW YORK, April 8 - Acme Tools Corp said it expects first "
                 "quarter earnings to be about 40 cts a share, compared with 31 cts a share a year ago, on sales of "
                 "about 120 mln dlrs.\n", "1987-04-08")
    rows = _rows(ex)
    assert ("Acme Tools", "eps", "level", 0.31, "1986-01-01..1986-03-31", "prior_period") in rows
    assert ("Acme Tools", "revenue", "level", 120e6, "1987-01-01..1987-03-31", "preliminary") in rows


def test_deal_prices_stakes_and_targets_in_non_results_items() -> None:
    """Acquisition stories (hand-written in the wire style): a price paid a share is no EPS, a stake no interest
    expense, and a target named as the holder of its results keeps them."""
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    def rows(text: str) -> set[tuple[str, str, str]]:
        doc = text_document(text, "x.txt", Metadata(published="1987-04-01"))
        return {(c.company, c.metric, c.value.stated) for c in extract(doc).claims}

    assert not {r for r in rows("USAir Group Inc offered to pay 71 dlrs per share in cash for 50 pct of Piedmont "
                                "Aviation Inc's stock.") if r[1] == "eps"}
    assert not {r for r in rows("Caesars World Inc rejected a 28 dlr a share takeover bid.") if r[1] == "eps"}
    assert not {r for r in rows("Lee said he bought 7,000 Penobscot Shoe Co common shares at prices ranging from "
                                "13.75 to 16.25 dlrs.") if r[1] == "eps"}
    assert not {r for r in rows("Pope, Evans and Robbins Inc said it has repurchased 780,000 common shares from "
                                "Putnam Mills Corp principals Sidney and Peter Kaplan for 2.25 dlrs per share.")
                if r[1] == "eps"}
    assert not {r for r in rows("American Express Co said it will sell a 13 pct interest in Shearson for 530 mln "
                                "dlrs.") if r[1] == "interest_expense"}
    got = rows("IC Industries Inc said it may sell its aerospace unit. In 1986, Pneumo Abex had operating income of "
               "118.1 mln dlrs on sales of 900.5 mln dlrs.")
    assert got == {("Pneumo Abex", "operating_income", "118.1 mln dlrs"), ("Pneumo Abex", "revenue", "900.5 mln dlrs")}
    got = rows("Huntingdon Research Inc is in talks to buy a firm. The company said Northern Engineering had sales of "
               "approximately 6.5 mln dlrs in the year ended March 31.")
    assert {r[0] for r in got} == {"Northern Engineering"}
    got = rows("Morgan Stanley and Co <MS> rose 4-1/4 to 74-7/8.")
    assert {r[0] for r in got} == {"Morgan Stanley"}


def test_headline_tickers_counts_of_shares_and_institutions() -> None:
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document
    from claimgraph.sources.report import parse_headline

    h = parse_headline("INVESTOR GROUP PUTS PRESSURE ON GENCORP <GY>")
    assert (h.company, h.ticker) == ("Gencorp", "GY")
    assert parse_headline("BANK OF BOSTON <BKB> 1ST QTR NET").company == "Bank of Boston"

    def rows(text: str) -> set[tuple[str, str, str]]:
        doc = text_document(text, "x.txt", Metadata(published="1987-04-01"))
        return {(c.company, c.metric, c.value.stated) for c in extract(doc).claims}

    assert not {r for r in rows("Dairy Farm International Holdings Ltd will finance the acquisition by placing 89 mln "
                                "shares with an affiliate.") if r[1] == "share_price"}
    assert not {r for r in rows("Analysts estimated the 100 dlr-per-share offer from General Partners is below the "
                                "breakup value of GenCorp Inc.") if r[1] == "eps"}
    assert not {r for r in rows("The special committee of Spectra-Physics Inc will consider a sale of the company to a "
                                "third party for more than 32 dlrs a share.") if r[1] == "eps"}
    assert not rows("WASHINGTON, March 24 - The Commerce Department reported today that new orders for durable goods "
                    "in February jumped by 5.7 billion dlrs, a six pct rise, to 101.2 billion dlrs.")


def test_a_revision_states_the_figures_it_replaces_as_preliminary() -> None:
    ex = _record("ACME <ACM> REVISES 4TH QTR, YEAR RESULTS UP",
                 "DAYTON, Ohio, March 6 - Acme Industries Inc said that after an audit it has revised upwards its "
                 "1986 fourth quarter and year results.\n    Under the audited amounts, fourth quarter income was "
                 "2,198,000 dlrs, or 65 cts a share. The unaudited income for the period was 2,014,000, or 61 cts "
                 "per share.\n    For the year, earnings were 5,505,000 dlrs; the previously reported net income was "
                 "5,421,000 dlrs.\n", "1987-03-06")
    got = {(c.metric, c.value.low, c.period.label if c.period else None, str(c.modality)) for c in ex.claims}
    assert ("net_income", 2198000.0, "1986-Q4", "reported") in got
    assert ("net_income", 2014000.0, "1986-Q4", "preliminary") in got  # bare "income" and a bare amount
    assert ("eps", 0.61, "1986-Q4", "preliminary") in got
    assert ("net_income", 5421000.0, "1986", "preliminary") in got


def test_bare_income_is_the_net_result_only_unqualified() -> None:
    ex = _record("ACME <ACM> 3RD QTR", "DAYTON, Ohio, Oct 20 - Acme Corp said third quarter income rose to 6.1 mln "
                 "dlrs, or 20 cts a share. Net investment income was 8.2 mln dlrs and fee income 1.1 mln dlrs.\n",
                 "1987-10-20")
    got = {(c.metric, c.value.low) for c in ex.claims}
    assert ("net_income", 6100000.0) in got
    assert not {("net_income", 8200000.0), ("net_income", 1100000.0)} & got


def test_a_sentence_opening_on_the_same_year_ago_period_is_about_it() -> None:
    ex = _record("ACME <ACM> SEES PROFIT", "AKRON, Ohio, April 13 - Acme Corp expects to report a profit of more "
                 "than one dlr a share in the first quarter. In the same year-ago period, Acme reported a loss of "
                 "64 cents a share.\n", "1987-04-13")
    got = {(c.metric, c.value.low, c.period.label if c.period else None, str(c.modality)) for c in ex.claims}
    assert ("eps", -0.64, "1986-Q1", "prior_period") in got

def test_last_year_of_a_target_and_a_founding_year() -> None:
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    def rows(text: str, published: str = "1987-03-16") -> set[tuple[str, str, str, str]]:
        doc = text_document(text, "x.txt", Metadata(published=published))
        return {(c.metric, c.value.stated, c.period.label if c.period else "-", str(c.modality))
                for c in extract(doc).claims}

    got = rows("Telemedia Publishing Inc said it will buy two magazines. The magazine group had revenues of eight mln "
               "dlrs last year and employs 50 people, Telemedia said.")
    assert ("revenue", "eight mln dlrs", "1986", "reported") in got
    got = rows("Acme Corp said first quarter net income rose to 5 mln dlrs. It earned 3 mln dlrs last year.",
               "1987-04-16")
    assert ("net_income", "3 mln dlrs", "1986-Q1", "prior_period") in got  # a quarter's story: the same quarter
    got = rows("Mitsui and Co said it bought a stake in Zoran Corp. Zoran was founded in 1981 and now has about 100 "
               "employees, he said.")
    assert all(not r[2].startswith("1981") for r in got)
    got = rows("AFG Industries Inc bid for GenCorp Inc. GenCorp stock closed yesterday in composite tape trading at "
               "90.50 dlrs a share.")
    assert not {r for r in got if r[0] == "eps"}


def test_hong_kong_dollars_written_with_dots_stay_in_the_sentence() -> None:
    from claimgraph.sources.sentences import split_sentences

    assert [s.text for s in split_sentences("Net profit 16.66 mln H.K. Dlrs vs 12.1 mln. The company said so.")] == [
        "Net profit 16.66 mln H.K. Dlrs vs 12.1 mln.", "The company said so."]


def test_a_rise_as_a_noun_takes_its_from_figure_as_the_earlier_period() -> None:
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    doc = text_document("K MART <KM> SAYS RECORD 1986 NET\nTROY, Mich., March 12 - K Mart Corp said the earnings rise "
                        "for the fourth quarter ended January 28 to 285 mln dlrs from 10.5 mln dlrs resulted from "
                        "merchandising.", "x.txt", Metadata(published="1987-03-12"))
    got = {(c.value.low, str(c.modality)) for c in extract(doc).claims if c.metric == "net_income"}
    assert got == {(285e6, "reported"), (10.5e6, "prior_period")}


def test_in_the_period_is_the_period_of_the_sentence_before_and_a_restated_figure_is_earlier() -> None:
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    text = ("K MART <KM> SAYS RECORD 1986 NET\nTROY, Mich., March 12 - K Mart Corp said its record fiscal 1986 net "
            "earnings of 582.3 mln dlrs marked a turning point.\n    K Mart said its fourth quarter pre-tax income "
            "from continuing operations was 493 mln dlrs, a 32.3 pct gain from 372.6 mln dlrs last year. It said sales "
            "in the period grew 8.8 pct to 7.23 billion dlrs from a restated 6.65 billion dlrs in 1985.")
    doc = text_document(text, "x.txt", Metadata(published="1987-03-12"))
    got = {c.value.low: c for c in extract(doc).claims if c.metric == "revenue" and c.measure == "level"}
    period = got[7.23e9].period
    assert period is not None and (period.end - period.start).days < 100  # the fourth quarter, not the year
    assert str(got[6.65e9].modality) == "prior_period"


def test_a_canadian_provinces_dateline_and_a_numbered_quarter_reported_months_after_the_calendars() -> None:
    from claimgraph.sources.places import dateline
    from claimgraph.sources.report import parse_headline, report_period

    assert dateline("OAKVILLE, Ontario, March 3 -\n    Shr 8.17 dlrs vs 55 cts").currency == "CAD"
    assert dateline("SYDNEY, N.S.W., March 3 -\n").currency == "AUD"
    # "THIRD QTR" on June 29 cannot be the calendar's (not ended) nor, 90 days on, January-March: March-May
    p = report_period(parse_headline("LAIDLAW TRANSPORTATION LTD THIRD QTR"), "", dt.date(1987, 6, 29))
    assert p is not None and (p.start, p.end) == (dt.date(1987, 3, 1), dt.date(1987, 5, 31))
    # within 75 days the calendar's quarter end stays the likelier ("2ND QTR" on March 16: October-December)
    p = report_period(parse_headline("ACME <ACM> 2ND QTR NET"), "", dt.date(1987, 3, 16))
    assert p is not None and (p.start, p.end) == (dt.date(1986, 10, 1), dt.date(1986, 12, 31))


def test_a_trusts_monthly_distribution_is_its_dividend_but_a_special_one_in_a_recapitalization_is_not() -> None:
    doc = text_document("MFS Municipal Income Trust declared a monthly income distribution of 5.7 cts a share, "
                        "compared with 5.5 cts a share paid in the previous month.", "x.txt",
                        Metadata(published="1987-03-02"))
    assert {c.metric for c in extract(doc).claims} == {"dividend"}
    doc = text_document("Caesars World Inc said stockholders will get a cash distribution of 25 dlrs per share via a "
                        "one-time special cash dividend under a recapitalization plan.", "x.txt",
                        Metadata(published="1987-04-05"))
    assert not any(c.metric == "dividend" for c in extract(doc).claims)


def test_dateline_month_in_any_case_gives_the_place_and_its_currency() -> None:
    import datetime as dt

    from claimgraph.sources.places import dateline

    # "EDINBURGH, MAY 4 -", "NEW YORK, FEb 26 -", "DODGEVILLE, WIS., APril 3 -": the month as the wire typed it
    d = dateline("EDINBURGH, MAY 4 -\n    Shr 6.2p vs 5.8p", dt.date(1987, 5, 4))
    assert d is not None and (d.country, d.currency) == ("GB", "GBP")
    assert dateline("NEW YORK, FEb 26 - Orlin Corp said", dt.date(1987, 2, 26)) is not None
    d = dateline("DODGEVILLE, WIS., APril 3 - Marl Inc said", dt.date(1987, 4, 3))
    assert d is not None and d.country == "US"
    # a bare figure under a British dateline is in sterling, not dollars
    ex = _record("<HALDER PLC> YEAR TO END-1986", """EDINBURGH, MAY 4 -
    Shr 6.2p vs 5.8p
    Turnover 81.4 mln stg vs 77.0 mln
    Pretax profit 9.3 mln vs 8.1 mln
""", "1987-05-04")
    assert ("Halder", "pretax_income", "level", 9300000.0, "1986-01-01..1986-12-31", "reported") in _rows(ex)
    assert {c.value.unit for c in ex.claims if c.metric == "pretax_income"} == {"GBP"}


def test_francs_under_a_belgian_dateline_and_a_bare_prior_after_a_named_currency() -> None:
    ex = _record("VANDEREYKEN NV <VDRK.BR> 1986 YEAR", """ANTWERP, March 12 -
    Net profit 412 mln francs vs 388 mln
    Net dividend 140 francs vs 125.
""", "1987-03-12")
    rows = {(c.metric, round(c.value.mid, 4), c.value.unit) for c in ex.claims}
    assert ("net_income", 412e6, "BEF") in rows
    # "vs 125" after "140 francs": 125 francs (not 1.25: francs have no cents written in the name)
    assert ("dividend", 140.0, "BEF") in rows and ("dividend", 125.0, "BEF") in rows
    # cents stay cents: "Div 15 cts vs 12" is 12 cents
    ex = _record("ORLAND CORP <ORL> SETS PAYOUT", """TOLEDO, Ohio, March 12 -
    Qtly div 15 cts vs 12 cts prior
""", "1987-03-12")
    assert {round(c.value.mid, 4) for c in ex.claims if c.metric == "dividend"} == {0.15, 0.12}
    # and a bare whole number after a named dollar is still cents ("Shr 1.10 Canadian dlrs vs 90")
    ex = _record("<MARTEL LTD> YEAR NET", """CALGARY, Alberta, March 12 -
    Shr 1.10 Canadian dlrs vs 90
""", "1987-03-12")
    assert {round(c.value.mid, 4) for c in ex.claims if c.metric == "eps"} == {1.1, 0.9}


def test_last_quarter_line_in_a_nine_months_item_is_the_quarters() -> None:
    ex = _record("KESTREL MINING LTD <KSTM.S> NINE MONTHS", """PERTH, March 20 - First nine months ended Feb 28
    Net 81.2 mln dlrs vs 74.0 mln
    Third qtr net 30.5 mln dlrs vs 27.9 mln
""", "1987-03-20")
    rows = _rows(ex)
    assert ("Kestrel Mining", "net_income", "level", 81.2e6, "1986-06-01..1987-02-28", "reported") in rows
    assert ("Kestrel Mining", "net_income", "level", 30.5e6, "1986-12-01..1987-02-28", "reported") in rows
    assert ("Kestrel Mining", "net_income", "level", 27.9e6, "1985-12-01..1986-02-28", "prior_period") in rows


def test_int_div_is_the_interim_dividend() -> None:
    ex = _record("ORMOND HOLDINGS LTD <ORMH.S> FIRST HALF", """SYDNEY, March 20 - Six months ended Dec 31
    Shr 18.2 cents vs 16.0
    Int div 7.5 cents vs 7.0
    Net 40.1 mln dlrs vs 35.3 mln
""", "1987-03-20")
    assert {round(c.value.mid, 4) for c in ex.claims if c.metric == "dividend"} == {0.075, 0.07}


def test_making_total_vs_same() -> None:
    ex = _record("ORMOND HOLDINGS LTD <ORMH.S> YEAR", """SYDNEY, March 20 - Year ended Dec 31
    Net 80.4 mln dlrs vs 71.2 mln
    Final div 12 cents vs same, making 22 vs same.
""", "1987-03-20")
    values = sorted(round(c.value.mid, 4) for c in ex.claims if c.metric == "dividend")
    assert values == [0.12, 0.12, 0.22, 0.22]


def test_first_line_period_end_with_the_day_in_words() -> None:
    ex = _record("DALTON CARPETS INC <DLTN> 2ND QTR NET", """ATLANTA, April 23 - Qtr ended April five
    Shr 21 cts vs 15 cts
    Net 512,000 vs 377,000
""", "1987-04-23")
    assert ("Dalton Carpets", "net_income", "level", 512000.0, "1987-01-06..1987-04-05", "reported") in _rows(ex)


def test_a_note_giving_the_periods_end_dates_the_quarter() -> None:
    ex = _record("MERRILL TOOL INC <MTOL> 2ND QTR NET", """AKRON, Ohio, March 4 -
    Shr 31 cts vs 27 cts
    Net 1,204,000 vs 1,050,000
    NOTE: Periods end January 31, 1987 and 1986, respectively.
""", "1987-03-04")
    rows = _rows(ex)
    assert ("Merrill Tool", "net_income", "level", 1204000.0, "1986-11-01..1987-01-31", "reported") in rows
    assert ("Merrill Tool", "net_income", "level", 1050000.0, "1985-11-01..1986-01-31", "prior_period") in rows


def test_consolidated_group_net_profit_line_is_net_income() -> None:
    ex = _record("VANDEREYKEN NV <VDRK.BR> 1986 YEAR", """ANTWERP, March 12 -
    Consolidated group net profit 2.41 billion francs vs 2.02
billion.
    Parent net profit 1.10 billion vs 0.95 billion.
""", "1987-03-12")
    net = {round(c.value.mid) for c in ex.claims if c.metric == "net_income"}
    assert net == {2410000000, 2020000000}
