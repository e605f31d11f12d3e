"""Wire results items of kinds the tuning items rarely hold: section headings of any length ("11 mths", "40 wks"),
a scale written once after both columns, sign words written before both figures, hard-wrapped lines that start
like page debris, "X on sales of Y" with the period after both, subsidiaries and national arms named like the
headline's company.

Hand-written items in the style of real wires; they pin mechanisms, the accuracy figures come from the real gold.
"""

from __future__ import annotations

from claimgraph.sources.companies import CompanyFinder, load_registry, spread_within
from claimgraph.sources.model import Extraction
from claimgraph.sources.tables import parse_rows
from tests.conftest import wire_record as _record


def _rows(ex: Extraction) -> list[tuple[str, str, float, str | None, str]]:
    return [(c.company, c.metric, round(c.value.mid, 6),
             f"{c.period.start}..{c.period.end}" if c.period else None, c.modality.value) for c in ex.claims
            if c.metric != "unclassified"]


def test_a_section_of_eleven_months_is_not_the_quarter() -> None:
    # a partnership formed in February reports its fourth quarter and the eleven months it has existed
    ex = _record("DELTA ROYALTY PARTNERS <DRP> 4TH QTR LOSS", """TULSA, March 5 -
    Unit loss three cts
    Net loss 412,000
    Revs 8.2 mln
    11 mths
    Unit loss 2.14 dlrs
    Net loss 30.6 mln
    Revs 37.5 mln
""", "1987-03-05")
    rows = _rows(ex)
    assert ("Delta Royalty Partners", "net_income", -412000.0, "1986-10-01..1986-12-31", "reported") in rows
    assert ("Delta Royalty Partners", "net_income", -30.6e6, "1986-02-01..1986-12-31", "reported") in rows
    assert ("Delta Royalty Partners", "revenue", 37.5e6, "1986-02-01..1986-12-31", "reported") in rows


def test_headings_that_count_weeks_or_months_in_words() -> None:
    rows = parse_rows("Net 1.0 mln vs 900,000\nEight months\nNet 5.0 mln vs 4.1 mln\n40 wks\nNet 7.0 mln vs 6.0 mln\n"
                      "20 weeks\nNet 3.0 mln vs 2.0 mln")
    assert [r.section for r in rows] == [None, "months:8", "nine_months", "weeks:20"]


def test_a_scale_written_once_after_both_columns() -> None:
    rows = parse_rows("Net 212.5 vs 198.1 mln\nRevs 1.2 billion vs 1.1 billion\nShr 2.10 vs 1.95 dlrs")
    assert [c.value for c in rows[0].values] == [212.5e6, 198.1e6]
    assert [c.value for c in rows[2].values] == [2.10, 1.95]  # a per-share line takes no scale
    # a figure far from the other once scaled keeps its own reading
    assert parse_rows("Net 950 vs 1.2 mln")[0].values[0].value == 950.0


def test_sign_words_written_before_both_figures() -> None:
    ex = _record("ACME TOOL CO <ACT> YEAR LOSS", """DAYTON, Ohio, March 4 -
    Oper net loss vs profit 1,204,000 vs 377,000
    Revs 22.4 mln vs 24.0 mln
""", "1987-03-04")
    rows = _rows(ex)
    assert ("Acme Tool", "net_income", -1204000.0, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Acme Tool", "net_income", 377000.0, "1985-01-01..1985-12-31", "prior_period") in rows


def test_a_wrapped_line_that_starts_like_a_share_button_is_kept() -> None:
    # "share on sales of ..." continues the sentence above it: no "Share on Facebook" line to drop
    ex = _record("BRIGHTWAY MARKETS <BWM> SEES LOWER YEAR NET", """DENVER, March 3 - Brightway Markets Inc said it
expects to report earnings per share of 2.05 to 2.15 dlrs per
share on sales of slightly over six billion dlrs for the year
ended January 31.
    The grocery chain earned 2.40 dlrs per share on sales
of 5.82 billion dlrs last year.
""", "1987-03-03")
    rows = _rows(ex)
    assert ("Brightway Markets", "eps", 2.1, "1986-02-01..1987-01-31", "preliminary") in rows
    assert any(r[1] == "revenue" and r[3] == "1986-02-01..1987-01-31" and r[4] == "preliminary" for r in rows)
    # "last year" after "on sales of" is the year before for both figures
    assert ("Brightway Markets", "eps", 2.4, "1985-02-01..1986-01-31", "prior_period") in rows
    assert ("Brightway Markets", "revenue", 5.82e9, "1985-02-01..1986-01-31", "prior_period") in rows


def test_a_loss_on_sales_compared_with_a_profit_on_sales() -> None:
    ex = _record("GULF PLAINS OIL POSTS 1986 LOSS", """HOUSTON, April 9 - Gulf Plains Oil Co said it lost 31.2 mln
dlrs on 880 mln dlrs in sales in 1986, compared to profits
of 54 mln dlrs on 1.31 billion dlrs in sales in 1985.
""", "1987-04-09")
    rows = _rows(ex)
    assert ("Gulf Plains Oil", "net_income", -31.2e6, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Gulf Plains Oil", "revenue", 880e6, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Gulf Plains Oil", "net_income", 54e6, "1985-01-01..1985-12-31", "prior_period") in rows
    assert ("Gulf Plains Oil", "revenue", 1.31e9, "1985-01-01..1985-12-31", "prior_period") in rows


def test_a_subsidiary_in_a_note_is_not_the_headlines_company() -> None:
    ex = _record("ORTHOMED INC <OMD> 1ST QTR NET", """AUSTIN, Texas, March 3 -
    Shr 14 cts vs 11 cts
    Net 1,520,000 vs 1,160,000
    NOTE: prior qtr excludes loss 210,000 for discontinued operations of Orthomed Optics Inc.
""", "1987-03-03")
    assert {c.company for c in ex.claims} == {"Orthomed"}


def test_a_headlines_short_name_takes_the_full_name_of_the_body() -> None:
    ex = _record("MAPLE CANADA <MTC> PROFIT UP", """WINDSOR, Ontario, March 3 - Maple Tire Co of Canada Ltd, 80 pct
owned by Maple Tire Co <MPT>, said 1986 net income rose to 21.4 mln dlrs from 17.9 mln dlrs.
""", "1987-03-03")
    assert {c.company for c in ex.claims if c.metric == "net_income"} == {"Maple Tire Co of Canada"}
    assert spread_within("Ford Canada", "Ford Motor Co of Canada") and not spread_within("Acme", "Acme Foods")


def test_a_national_arm_is_not_its_parent() -> None:
    finder = CompanyFinder(load_registry())
    parent = finder.company("Acme Motor Co", "AMC")
    arm = finder.company("Acme Motor Co of Canada Ltd")
    assert parent is not None and arm is not None and arm.name == "Acme Motor Co of Canada"
    assert finder.company("Acme Motor Corp") is parent


def test_cents_written_on_the_first_figure_only() -> None:
    rows = parse_rows("Shr 5.25 cents vs 31.40\nShr 43 cts vs 25")
    assert [round(c.value, 6) for c in rows[0].values] == [0.0525, 0.314]
    assert [round(c.value, 6) for c in rows[1].values] == [0.43, 0.25]


def test_a_year_ended_in_the_headline_and_a_year_on_the_first_line() -> None:
    ex = _record("KOALA STORES LTD <KOA.S> YR ENDED FEB 1", """PERTH, March 23 -
    Net 12.4 mln vs 10.1 mln
    Turnover 1.22 billion vs 1.15 billion
""", "1987-03-23")
    assert ("Koala Stores", "net_income", 12.4e6, "1986-02-02..1987-02-01", "reported") in _rows(ex)
    ex = _record("HIGHLAND AND BORDER OIL PLC <HBO.L>", """LONDON, March 30 - Year 1986
    Shr 4.1p vs 12.6p
    Pretax profit 2.2 mln stg vs 19.0 mln
""", "1987-03-30")
    rows = _rows(ex)
    assert ("Highland and Border Oil", "pretax_income", 2.2e6, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Highland and Border Oil", "eps", 0.126, "1985-01-01..1985-12-31", "prior_period") in rows


def test_the_paragraphs_after_a_note_line_are_notes() -> None:
    ex = _record("ORCHARD SUPPLY CO <ORS> YEAR NET", """BOISE, April 2 -
    Oper shr 21 cts vs 40 cts
    Oper net 512,300 vs 977,100
    NOTE: 1985 net includes gain 300,000 dlrs on sale of a plant.
    Net excludes discontinued operations loss 120,400 dlrs vs
profit 88,700 dlrs.
""", "1987-04-02")
    rows = _rows(ex)
    assert ("Orchard Supply", "net_income", 512300.0, "1986-01-01..1986-12-31", "reported") in rows
    assert not any(r[2] in (88700.0, 120400.0, -120400.0) for r in rows)


def test_a_headline_name_with_a_preposition_or_a_title_word() -> None:
    ex = _record("MILLBROOK BANK FOR SAVINGS <MBS.O> 3RD QTR NET", """BOSTON, Oct 20 -
    Shr 1.10 dlrs vs 95 cts
    Net 4,200,000 vs 3,650,000
""", "1987-10-20")
    assert {c.company for c in ex.claims} == {"Millbrook Bank For Savings"}
    ex = _record("CHANCELLOR CORP <CHCR.O> 4TH QTR MARCH 31 LOSS", """BOSTON, June 19 -
    Shr loss 20 cts vs loss three cts
""", "1987-06-19")
    assert {c.company for c in ex.claims} == {"Chancellor"}


def test_a_total_and_its_per_share_figure_share_the_period_stated_after_them() -> None:
    ex = _record("LAKESIDE FOODS <LKF> SEES HIGHER YEAR NET", """CHICAGO, March 20 - Lakeside Foods Co said its
first quarter results have been encouraging.
    Lakeside Foods earned 84.2 mln dlrs, or 1.92 dlrs per share,
adjusted for a three-for-two stock split, in 1986.
    Today the company reported 1986 earnings of 84.2 mln dlrs on sales
of 1.31 billion dlrs, up from earnings of 70.5 mln dlrs on sales of 1.18
billion dlrs.
""", "1987-03-20")
    rows = _rows(ex)
    assert ("Lakeside Foods", "net_income", 84.2e6, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Lakeside Foods", "eps", 1.92, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Lakeside Foods", "revenue", 1.18e9, "1985-01-01..1985-12-31", "prior_period") in rows


def test_a_quarter_still_to_be_reported_and_the_same_quarter_last_year() -> None:
    ex = _record("HOOSIER BANCORP <HBC.O> TO REPORT 2ND QTR LOSS", """EVANSVILLE, Ind., June 3 - Hoosier Bancorp
said it will report a loss of 9 mln dlrs for the second quarter
because of a higher provision for loan losses.
    In the second quarter last year, Hoosier Bancorp reported net
income of 4.1 mln dlrs or 52 cts a share.
""", "1987-06-03")
    rows = _rows(ex)
    assert ("Hoosier Bancorp", "net_income", -9e6, "1987-04-01..1987-06-30", "guidance") in rows
    assert ("Hoosier Bancorp", "net_income", 4.1e6, "1986-04-01..1986-06-30", "prior_period") in rows
    assert ("Hoosier Bancorp", "eps", 0.52, "1986-04-01..1986-06-30", "prior_period") in rows


def test_a_quarterly_dividend_raised_in_prose() -> None:
    ex = _record("ACME UTILITIES <AUT> RAISES QUARTERLY DIVIDEND", """NEW YORK, March 19 - Acme Utilities Corp
said it is raising its quarterly dividend to 64 cts from 60 cts,
payable May 1 to shareholders of record March 31.
""", "1987-03-19")
    rows = _rows(ex)
    assert ("Acme Utilities", "dividend", 0.64, "1987-01-01..1987-03-31", "reported") in rows
    assert ("Acme Utilities", "dividend", 0.6, "1986-10-01..1986-12-31", "prior_period") in rows


def test_a_banks_loan_sales_are_no_revenue() -> None:
    ex = _record("PRAIRIE SAVINGS <PSV> 1ST QTR NET", """CHICAGO, April 20 - Prairie Savings Bank said loan sales were
210 mln dlrs in the latest quarter compared with 320 mln dlrs
a year earlier.
""", "1987-04-20")
    assert not any(c.metric == "revenue" for c in ex.claims)


def test_a_distribution_line_wrapped_inside_its_bracket() -> None:
    ex = _record("LAKEVIEW REALTY <LKV> DISTRIBUTION SET", """DENVER, April 8 -
    Qtly distribution 12-1/2 cts vs 12-1/2 cts prior (excluding
three cts special)
    Pay April 30
    Record April 20
""", "1987-04-08")
    rows = _rows(ex)
    assert ("Lakeview Realty", "dividend", 0.125, "1987-04-01..1987-06-30", "reported") in rows


def test_a_headline_without_a_ticker_names_its_company_by_the_legal_form() -> None:
    ex = _record("PAWNEE PAINT CO INC YEAR OPER NET", """TULSA, March 27 -
    Oper shr four cts vs 12 cts
    Oper net 210,400 vs 655,100
""", "1987-03-27")
    assert ("Pawnee Paint", "net_income", 210400.0, "1986-01-01..1986-12-31", "reported") in _rows(ex)


def test_dividend_lines_with_a_class_or_country_cents_and_on_shares() -> None:
    rows = parse_rows("Qtly div 10 Canadian cts vs 10 Canadian cts prior")
    assert [(round(c.value, 6), c.unit) for c in rows[0].values] == [(0.1, "CAD"), (0.1, "CAD")]
    ex = _record("MAPLEWOOD PRESS INC <MPI> SETS QUARTERLY", """NEW YORK, March 19 -
    Qtly div Class A 17-1/2 cts vs 17-1/2 cts
    Pay April 10
""", "1987-03-19")
    assert ("Maplewood Press", "dividend", 0.175, "1987-01-01..1987-03-31", "reported") in _rows(ex)
    ex = _record("LUMIERE OPTIQUE <LUMI.PA> YEAR ENDED DEC 31", """PARIS, March 27 -
    Dividend on ordinary shares 31 francs vs 28 francs.
""", "1987-03-27")
    assert [(r[1], r[2], r[4]) for r in _rows(ex)] == [("dividend", 31.0, "reported"), ("dividend", 28.0, "prior_period")]
    assert all(c.value.unit == "FRF" for c in ex.claims)


def test_sign_words_after_the_figures() -> None:
    rows = parse_rows("Extraordinary items 12.1 mln profit vs 3.3 mln loss")
    assert [c.value for c in rows[0].values] == [12.1e6, -3.3e6]
    ex = _record("HARGREAVES PLC <HRG.L> 1986 YEAR", """LONDON, March 23 -
    Pretax profit 31.2 mln vs 27.0 mln
    Extraordinary items 12.1 mln profit vs 3.3 mln loss
""", "1987-03-23")
    assert not any(r[1] == "net_income" for r in _rows(ex))


def test_a_quarter_still_under_way_sets_no_fiscal_calendar() -> None:
    ex = _record("HARBOR BANK <HBK> SEES IMPROVED 1ST QUARTER", """BOSTON, March 26 - Harbor Bank Corp expects first
quarter earnings will range between 60 cts and 70 cts a share,
up from 55 cts a share last year, its chairman said.
    In 1986, the bank earned 2.41 dlrs a share.
""", "1987-03-26")
    rows = _rows(ex)
    assert ("Harbor Bank", "eps", 0.65, "1987-01-01..1987-03-31", "guidance") in rows  # 60 to 70 cts
    assert ("Harbor Bank", "eps", 0.55, "1986-01-01..1986-03-31", "prior_period") in rows
    assert ("Harbor Bank", "eps", 2.41, "1986-01-01..1986-12-31", "reported") in rows


def test_a_quarter_end_stated_in_a_note() -> None:
    ex = _record("BIOVALE CO <BVC.O> 3RD QTR LOSS", """WESTPORT, Conn., June 29 -
    Shr loss three cts vs loss five cts
    Net loss 240,100 dlrs vs loss 401,700 dlrs
    Note: the third quarter ended April 30
""", "1987-06-29")
    assert ("Biovale", "net_income", -240100.0, "1987-02-01..1987-04-30", "reported") in _rows(ex)


def test_a_first_half_ended_in_december_is_of_a_year_to_june() -> None:
    ex = _record("<KOOKABURRA MINING LTD> FIRST HALF ENDED DEC 31", """MELBOURNE, March 27 -
    Net 8.41 mln vs 3.20 mln
    Sales 92.6 mln vs 60.1 mln
""", "1987-03-27")
    labels = {(c.metric, c.period.label, str(c.period.start), str(c.period.end)) for c in ex.claims if c.period}
    assert ("net_income", "FY1987-H1", "1986-07-01", "1986-12-31") in labels
    assert ("net_income", "FY1986-H1", "1985-07-01", "1985-12-31") in labels


def test_figures_to_date_after_making_and_pence_on_the_figure() -> None:
    # a British third quarter: each line gives the quarter, then "making" the nine months to date; a line wraps
    ex = _record("ALBION CABLES PLC 3RD QTR ENDED DEC 31", """LONDON, Feb 20 -
    Shr 3.2p vs 2.8p, making 9.9p vs 8.1p for nine months.
    Pre-tax profit 41 mln stg vs 37 mln, making 122 mln
stg vs 104 mln.
    Third quarter turnover 310 mln stg vs 290 mln, making 915
mln vs 850 mln.
""", "1987-02-20")
    rows = _rows(ex)
    assert ("Albion Cables", "eps", 0.032, "1986-10-01..1986-12-31", "reported") in rows
    assert ("Albion Cables", "eps", 0.028, "1985-10-01..1985-12-31", "prior_period") in rows
    assert ("Albion Cables", "eps", 0.099, "1986-04-01..1986-12-31", "reported") in rows
    assert ("Albion Cables", "eps", 0.081, "1985-04-01..1985-12-31", "prior_period") in rows
    assert ("Albion Cables", "pretax_income", 122e6, "1986-04-01..1986-12-31", "reported") in rows
    assert ("Albion Cables", "pretax_income", 104e6, "1985-04-01..1985-12-31", "prior_period") in rows
    assert ("Albion Cables", "revenue", 915e6, "1986-04-01..1986-12-31", "reported") in rows
    assert ("Albion Cables", "revenue", 850e6, "1985-04-01..1985-12-31", "prior_period") in rows


def test_a_final_dividend_making_the_years_total() -> None:
    rows = parse_rows("Shr 21.5p vs 18p.\nFinal div 4.5p, making 7p vs 6p.", currency="GBP")
    assert [(r.label, r.flags, [c.value for c in r.values]) for r in rows] == [
        ("Shr", set(), [0.215, 0.18]), ("Final div", set(), [0.045]), ("Final div", {"to_date"}, [0.07, 0.06])]


def test_earnings_per_a_class_of_share_is_eps() -> None:
    ex = _record("HARTWELL PLC <HWL.L> YR ENDED DEC 31", """LONDON, March 16 -
    Earnings per ordinary share 14.2p vs 11.0p
    Pre-tax profit 21.1 mln stg vs 19.3 mln
""", "1987-03-16")
    rows = _rows(ex)
    assert ("Hartwell", "eps", 0.142, "1986-01-01..1986-12-31", "reported") in rows
    assert ("Hartwell", "eps", 0.11, "1985-01-01..1985-12-31", "prior_period") in rows


def test_a_vs_figure_alone_in_its_line_is_the_year_earlier_one() -> None:
    # the line's own figure is unreadable ("billlion"): the figure after "vs" is still the year-ago column's
    ex = _record("QUARRY HILL CORP <QHC> 3RD QTR NET", """BLUE BELL, Pa., Oct 19 -
    Shr 68 cts vs 34 cts
    Net 129.7 mln vs 52.9 mln
    Revs 2.22 billlion vs 2.42 billion
""", "1987-10-19")
    rows = _rows(ex)
    assert ("Quarry Hill", "revenue", 2.42e9, "1986-07-01..1986-09-30", "prior_period") in rows
    assert not any(r[1] == "revenue" and r[3] == "1987-07-01..1987-09-30" and r[4] == "prior_period" for r in rows)


def test_a_name_ending_on_apostrophe_s_in_capitals_keeps_it() -> None:
    # "SHONEY'S INC" is Shoney's (str.title gave "Shoney'S", which then lost its "'S" as a possessive)
    ex = _record("BRISKET'S INC <BRSK> 1ST QTR FEB 15 NET", """NASHVILLE, Tenn., March 10 -
    Shr 21 cts vs 18 cts
    Net 8,030,000 vs 6,873,000
    Revs 221.4 mln vs 205.2 mln
""", "1987-03-10")
    assert {r[0] for r in _rows(ex)} == {"Brisket's"}
    ex = _record("MCKINLEY FOODS CORP <MKF> 4TH QTR NET", """CHICAGO, March 10 -
    Shr 21 cts vs 18 cts
    Net 8,030,000 vs 6,873,000
""", "1987-03-10")
    assert {r[0] for r in _rows(ex)} == {"McKinley Foods"}
