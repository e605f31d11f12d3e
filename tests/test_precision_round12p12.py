"""Precision on real-news styles, round 12p12 (issue 12): figures that are not the company's headline metric, a
segment's outlook, the period of a comparison and of an outlook lead. Hand-written sentences pin each mechanism;
the quality figures come from the real gold, never from these.
"""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Extraction
from claimgraph.sources.readers import Metadata, text_document


def _ex(title: str, text: str, published: str = "2021-08-10") -> Extraction:
    return extract(text_document(text, "p.txt", Metadata(title=title, published=published), title_first_line=False))


def _classified(ex: Extraction) -> dict[float, tuple[str, str, str]]:
    return {round(c.value.mid, 6): (c.company, c.metric, c.measure.value) for c in ex.claims
            if c.metric != "unclassified"}


def test_recurring_revenue_and_its_run_rate_are_not_revenue() -> None:
    ex = _ex("Acme Q2 2021 results",
             "acme corp q2 revenue rose 8% to $412 million. cloud services q3 2021 total recurring revenues are "
             "expected to be in a range of $120 million to $125 million. Annual recurring revenue reached $1.1 "
             "billion. Recurring revenue was $300 million in the quarter.")
    got = _classified(ex)
    assert got[412e6][1] == "revenue"
    assert 122.5e6 not in got and 1.1e9 not in got and 300e6 not in got


def test_profit_before_appropriations_and_taxes_is_pretax() -> None:
    ex = _ex("NORDVIK AB 1986 RESULTS",
             "STOCKHOLM, March 18 - Nordvik AB said its 1986 profits before allocations and taxes rose to 1.25 "
             "billion crowns from 980 mln crowns in 1985. The group's profit before appropriations and taxes for "
             "the second half was 700 mln crowns.", "1987-03-18")
    got = _classified(ex)
    assert got[1.25e9][1] == "pretax_income" and got[980e6][1] == "pretax_income"
    assert got[700e6][1] == "pretax_income"


_CALL = ("Cash provided by operations for the second quarter of 2021 was $90 million.\n"
         "Looking ahead to the third quarter of 2021 for our chemicals segment, we estimate total volumes to be "
         "approximately 40,000 tons.\n"
         "We expect total direct operating expenses to range between $50 million and $55 million and total capital "
         "spending to be between $11 million and $14 million.\n"
         "For the metals segment, we estimate direct operating expenses to be approximately $21 million to $23 "
         "million and total capital spending to be between $6 million and $8 million.\n")


def test_a_segments_outlook_costs_and_capex_are_the_segments() -> None:
    ex = _ex("ACME Q2 2021 earnings call", _CALL)
    got = _classified(ex)
    assert got[90e6][1] == "operating_cash_flow"
    for mid in (52.5e6, 12.5e6, 22e6, 7e6):
        assert mid not in got


def test_a_sentence_naming_two_segments_opens_no_scope() -> None:
    ex = _ex("ACME Q2 2021 earnings call",
             "Consolidated operating income was $617 million, up 25% compared to the prior year quarter.\n"
             "This increase was driven by higher gross profit in both the Distribution Services segment and our "
             "Animal Health group, which I will discuss later.\n"
             "To support our growth, operating expenses grew 8% to $810 million.\n"
             "Turning to cash flow, free cash flow was $400 million.\n")
    got = _classified(ex)
    assert got[810e6][1] == "operating_expenses"


def test_a_years_quarter_in_the_possessive_is_the_base_of_the_comparison() -> None:
    ex = _ex("ACME Q1 2021 results",
             "acme corp q1 revenue $1.2 billion.\n"
             "backlog value was $7.47 billion at q1 end, up 37% compared to fy 2020's q1.\n"
             "orders were $2.2 billion, up 20% compared to fiscal 2020's first quarter.\n", "2021-05-10")
    by_value = {round(c.value.mid, 6): c for c in ex.claims}
    backlog, change = by_value[7.47e9], by_value[37.0]
    assert backlog.period is not None and str(backlog.period.end) == "2021-03-31"
    assert backlog.modality.value == "reported"
    assert change.period is not None and str(change.period.end) == "2021-03-31"
    assert change.measure.value == "change_yoy" and by_value[20.0].measure.value == "change_yoy"


def test_abbreviated_and_ongoing_bases_are_adjusted() -> None:
    ex = _ex("ACME Q3 2021 results",
             "compname reports q3 adj. earnings per share of $1.58.\n"
             "raised fy earnings per diluted share guidance to about $7.80 on a gaap basis and about $6.25 on an "
             "ongoing basis.\n", "2021-11-09")
    got = _classified(ex)
    assert got[1.58][1] == "adjusted_eps"
    assert got[7.8][1] == "eps" and got[6.25][1] == "adjusted_eps"


def test_sales_and_marketing_is_an_expense_not_sales() -> None:
    ex = _ex("ACME Q2 2021 earnings call",
             "Revenue was $60 million in the quarter.\n"
             "Sales and marketing increased $1.9 million or 24.5% as we ramped up selling activity.\n"
             "Selling and marketing expenses were $7 million.\n")
    got = _classified(ex)
    assert got[60e6][1] == "revenue"
    assert 1.9e6 not in got and 24.5 not in got and 7e6 not in got


def test_the_period_a_change_is_measured_from_is_its_base() -> None:
    ex = _ex("ACME Q2 2021 earnings call",
             "Adjusted EBITDA was $8.3 million in the quarter.\n"
             "The 5% decline in adjusted EBITDA from the second quarter of 2020 is due to higher costs.\n"
             "FFO per share was $0.77 for the second quarter and that's up $0.01 from the preceding first quarter.\n")
    by_value = {round(c.value.mid, 6): c for c in ex.claims}
    for v in (-5.0, 0.01):
        assert by_value[v].period is not None and str(by_value[v].period.end) == "2021-06-30"
        assert by_value[v].modality.value == "reported"


def test_an_outlook_lead_naming_the_year_ends_the_quarters_outlook() -> None:
    ex = _ex("ACME Q2 2021 earnings call",
             "Revenue was $61 million in the quarter.\n"
             "In the third quarter, we expect revenue to be up 8% to 10%.\n"
             "We're expecting adjusted earnings per share of $0.55 to $0.60 in the third quarter.\n"
             "Inflation will be a headwind in the third quarter and second half.\n"
             "For the year, we are reaffirming the guidance that we provided in April.\n"
             "Revenue growth is expected to be in the range of 2% to 4%, with adjusted earnings per share of $2.10 "
             "to $2.30.\n")
    by_value = {round(c.value.mid, 6): c for c in ex.claims}
    assert by_value[0.575].period is not None and by_value[0.575].period.label == "2021-Q3"
    year = by_value[2.2].period
    assert year is not None and str(year.start) == "2021-01-01" and str(year.end) == "2021-12-31"


def test_a_range_of_counts_with_one_unit_is_one_range() -> None:
    ex = _ex("ACME Q2 2021 results",
             "sees fy deliveries 10,200 - 10,400 units.\n"
             "sees fy 2022 deliveries of between 11,000 and 11,600 homes with an average price of between $790,000 "
             "and $810,000.\n"
             "sees q3 deliveries 2,675 units.\n")
    ranges = {(c.value.low, c.value.high) for c in ex.claims if c.metric == "deliveries"}
    assert ranges == {(10200.0, 10400.0), (11000.0, 11600.0), (2675.0, 2675.0)}


def test_money_paid_out_in_dividends_or_to_buybacks_is_no_cash_flow() -> None:
    ex = _ex("ACME Q1 2021 earnings call",
             "Free cash flow was $600 million in the quarter.\n"
             "In the first quarter, we used our free cash flow to pay $247 million in dividends and allocated $250 "
             "million to share repurchases.\n", "2021-05-10")
    got = _classified(ex)
    assert got[600e6][1] == "free_cash_flow"
    assert 247e6 not in got and 250e6 not in got


def test_share_counts_and_unit_growth_are_no_price_or_sales() -> None:
    ex = _ex("ACME Q2 2021 results",
             "Fully diluted shares amounted to 23.4 million in the quarter, which is a 3% decline from the prior "
             "year.\nq2 system sales grew 26%, with 23% same-store sales and 2% unit growth.\n")
    got = _classified(ex)
    assert -3.0 not in got and 3.0 not in got and 2.0 not in got
    assert got[23.0][1] == "same_store_sales"


def test_returns_on_equity_and_real_growth_are_no_earnings() -> None:
    ex = _ex("ACME CORP SEES HIGHER EARNINGS GROWTH",
             "NEW YORK, March 27 - Acme Corp said earnings per share growth will exceed sales growth through 1989, "
             "and return on equity will remain in the 16 to 19 pct range. Net profit rose 20 pct, far above the "
             "company's target of four pct real annual growth.", "1987-03-27")
    got = _classified(ex)
    assert 17.5 not in got and 4.0 not in got


def test_a_columns_rubric_before_a_slash_is_no_part_of_the_name() -> None:
    ex = _ex("WALL STREET STOCKS/ACME LABS <ACM>",
             "NEW YORK, March 18 - Acme Laboratories Inc said it expects earnings for fiscal 1987 to rise more "
             "than 75 pct. Last year the company earned 70 cts a share.", "1987-03-18")
    assert ex.claims and all("Wall Street" not in c.company for c in ex.claims)


def test_a_figure_after_another_names_possessive_is_not_the_companys() -> None:
    ex = _ex("JAPAN FIRM TO DEVELOP MINE",
             "TOKYO, April 2 - Kanto Mining Co said it will develop a gold mine abroad. The company aims to raise "
             "output within a decade to pay off Ruritania's 70 billion yen debt to Japanese companies. Kanto "
             "Mining's 1986 sales were 12 billion yen, and Friday's 3 pct share rise was its largest.",
             "1987-04-02")
    got = _classified(ex)
    assert 70e9 not in got
    assert got[12e9][1] == "revenue"


def test_a_loss_named_before_its_period_keeps_its_sign() -> None:
    ex = _ex("ACME CORP SEES 4TH QTR LOSS",
             "TORRANCE, Calif., April 2 - Acme Corp said it expects to report a loss for the fourth quarter ended "
             "March 31 of about 20 cts per share, compared with a profit of 10 cts a year earlier.", "1987-04-02")
    eps = sorted(round(c.value.mid, 2) for c in ex.claims if c.metric == "eps")
    assert eps == [-0.2, 0.1] or eps == [-0.21, 0.1]
