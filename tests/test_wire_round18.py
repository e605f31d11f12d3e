"""Round 18 of the wire work (issue 12): hand-written items in the style of real wires, one per rule."""

from __future__ import annotations

from tests.conftest import wire_record as _record


def _rows(title: str, body: str, published: str = "1987-03-19") -> set[tuple[str, str, str | None, float | None]]:
    ex = _record(title, body, published)
    return {(c.metric, c.modality.value, c.period.label if c.period else None, c.value.point) for c in ex.claims}


def test_an_operating_label_with_a_letter_dropped_is_read() -> None:
    rows = _rows("ORCHARD OPTICS CORP <ORCO> 4TH QTR LOSS", """ALBANY, N.Y., March 19 -
    Oper shr loss four cts vs profit two cts
    Oper net loss 98,000 vs profit 51,000
    Year
    Ope shr profit three cts vs profit seven cts
    Oper net profit 77,000 vs profit 160,000
""")
    assert ("eps", "reported", "1986", 0.03) in rows


def test_oper_lines_beside_a_plain_net_line_are_not_the_headline() -> None:
    rows = _rows("LINDEN SIGNAL CORP <LDSG> 2ND QTR JAN 31", """TAMPA, Fla., March 19 -
    Shr loss three cts vs loss four cts
    Net loss 88,000 vs loss 120,000
    Six mths
    Oper shr loss six cts vs loss 11 cts
    Oper net loss 170,000 vs loss 305,000
    Net 1,240,000 vs 1,310,000
""")
    assert not any(m == "eps" and v in (-0.06, -0.11) for m, _, _, v in rows)
    assert ("net_income", "reported", None, 1240000.0) in {(m, mod, None, v) for m, mod, _, v in rows}


def test_results_of_years_before_the_one_just_reported_are_for_comparison() -> None:
    rows = _rows("TOLMER SA RETURNS TO PROFIT IN 1986", """PARIS, March 5 - Tolmer SA returned to the black last year for the
first time since 1981, with parent company net profit of 12 mln francs against losses of 240 mln in 1985 and 310 mln in
1984. In 1981 it posted a profit of 95 mln.
""")
    assert ("net_income", "prior_period", "1984", -310e6) in rows
    assert ("net_income", "prior_period", "1981", 95e6) in rows



def test_an_ended_years_own_figure_in_an_outlook_is_that_years() -> None:
    rows = _rows("CALDER <CLD> TO HAVE FIRST QUARTER LOSS", """PITTSBURGH, March 30 - Calder Corp said it expects a first
quarter loss of about 20 cts per share, compared with a
year-earlier profit of two cts, and said operating earnings for
all of 1987 may not match 1986's earnings of 45 cts per share
from continuing operations.
""", "1987-03-30")
    assert ("eps", "prior_period", "1986", 0.45) in rows


def test_a_bracketed_name_closed_by_the_wrong_sign_is_its_own_sentences_company() -> None:
    ex = _record("TOLMER FRANCAISE RETURNS TO PROFIT IN 1986", """PARIS, March 5 - Tolmer Francaise <TOLF.PA> returned
to the black last year, with net profit of 43 mln francs against a loss of 968 mln in 1985.
    Meanwhile, <Lamarck Chimie) said it also returned to profit in 1986, posting net profit of 160 mln francs
against a 1985 loss of 57 mln.
""", "1987-03-05")
    assert {c.company for c in ex.claims if c.value.point == 160e6} == {"Lamarck Chimie"}


def test_a_parent_banks_profit_beside_the_groups_is_not_the_total() -> None:
    ex = _record("KESSLERBANK SEES STEADY DIVIDEND", """HAMBURG, March 23 - Kesslerbank AG said its results held up.
    Group net profit rose to 140.2 mln marks in 1986 from 121.9 mln the previous year and parent bank net profit
increased to 96.4 mln marks from 88.1 mln.
""", "1987-03-23")
    totals = {c.value.point for c in ex.claims if c.metric == "net_income"}
    assert totals == {140.2e6, 121.9e6}


def test_a_parent_companys_profit_alone_is_the_companys() -> None:
    ex = _record("TOLMER FRANCAISE RETURNS TO PROFIT", """PARIS, March 5 - Tolmer Francaise <TOLF.PA> returned to the
black last year, with parent company net profit of 43 mln francs against a loss of 968 mln in 1985.
""", "1987-03-05")
    assert 43e6 in {c.value.point for c in ex.claims if c.metric == "net_income"}


def test_a_headline_quarter_number_with_its_end_and_no_qtr_word() -> None:
    rows = _rows("EASTBROOK SAVINGS BANK <EBSB.O> 4TH SEPT 30", """BOSTON, Oct 20 -
    Shr 42 cts vs 35 cts
    Net 1,540,000 vs 1,289,000
    Year
    Shr 1.59 dlrs vs 63 cts
""", "1987-10-20")
    assert ("eps", "reported", "FY1987-Q4", 0.42) in rows
    assert any(m == "eps" and v == 1.59 and p is not None for m, _, p, v in rows)


def test_a_dividends_kind_in_a_headline_is_not_part_of_the_name() -> None:
    ex = _record("HARBOR VALUE FUND INITIAL DIV", """WESTPORT, Conn., Feb 26 -
    Qtly div five cts vs N.A.
    Payable April two
""", "1987-02-26")
    assert {c.company for c in ex.claims} == {"Harbor Value Fund"}


def test_a_mistyped_scale_word_keeps_the_line_in_its_section() -> None:
    rows = _rows("GRANGER MARKETS INC <GRMK> 4TH QTR JAN 3", """HARTFORD, Conn, March 24 -
    Shr loss 15 cts vs loss 1.12 dlrs
    Revs 73.8 mln vs 69.1 mln
    Year
    Shr loss 99 cts vs loss 1.69 dlr
    Revs 276.9 mln vs 290.1 mnln
""", "1987-03-24")
    years = {(mod, v) for m, mod, p, v in rows if m == "revenue" and p is not None and p.startswith("FY")
             and "Q" not in p}
    assert years == {("reported", 276.9e6), ("prior_period", 290.1e6)}


def test_the_prior_years_figure_in_an_outlook_is_that_years() -> None:
    rows = _rows("HARLAN FOODS <HRF> SEES STRONG 4TH QTR EARNINGS", """CHICAGO, Feb 26 - Harlan Foods Co expects earnings for
the fourth quarter ending May 30 to exceed those of the same year-ago period, Chairman John Reed told analysts.
    Reed said it was too early to project whether the fourth quarter would be enough "to exceed the prior year's
overall earnings" of 1.20 dlrs a share.
""", "1987-02-26")
    assert ("eps", "prior_period", "FY1986", 1.2) in rows


def test_a_share_line_that_states_no_figure_leaves_the_oper_line_the_headline() -> None:
    # "Shr not given" states nothing: the "Oper loss" line below it is still the item's net result
    from tests.conftest import claim_rows

    text = ("VANCOUVER, British Columbia, March 4 -\n    Shr not given\n    Oper loss 5,900,000 vs profit 9,300,000\n"
            "    Revs 105.3 mln vs 131.2 mln\n")
    rows = claim_rows(text, "1987-03-04", "<KELDAN MINING LTD> 4TH QTR LOSS")
    assert [r[3] for r in rows if r[1] == "net_income"] == [-5.9e6, 9.3e6], rows
