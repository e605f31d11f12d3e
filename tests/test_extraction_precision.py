"""Precision of metrics and companies on real-news styles (issue 12): a figure the conventions do not call a
company's metric is not given one. Hand-written sentences pin each mechanism; the quality figures come from the
real gold (tests/test_real_quality.py), never from these.
"""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Extraction
from claimgraph.sources.readers import Metadata, text_document


def _ex(title: str, text: str, published: str = "2021-02-20") -> Extraction:
    return extract(text_document(text, "p.txt", Metadata(title=title, published=published), title_first_line=False))


def _classified(ex: Extraction) -> dict[float, tuple[str, str, str]]:
    return {round(c.value.mid, 6): (c.company, c.metric, c.measure.value) for c in ex.claims
            if c.metric != "unclassified"}


def test_a_noun_governing_of_figure_names_the_figure() -> None:
    ex = _ex("Darling Q4 2020 results",
             "Darling Ingredients said revenue rose. These improvements more than offset asset sales gains of $20.6 "
             "million in fiscal 2019 and higher depreciation of $24.7 million. Sales grew, with a stake of 12% "
             "sold. Revenue for the quarter of $1.2 billion beat its outlook of $1.1 billion.")
    got = _classified(ex)
    assert 20.6e6 not in got and 24.7e6 not in got and 12.0 not in got
    assert got[1.2e9][1] == "revenue"


def test_a_money_increase_in_another_noun_is_that_nouns_change() -> None:
    ex = _ex("Darling Q4 2020 results",
             "Revenue offset a $24.7 million increase in depreciation and amortization and a $5 million increase "
             "in revenue.")
    got = _classified(ex)
    assert 24.7e6 not in got
    assert got[5e6][1] == "revenue" and got[5e6][2].startswith("change")


def test_acronyms_in_lower_case_and_bloomberg_case() -> None:
    ex = _ex("CF Q4 2020 results",
             "compname reports full year 2020 net earnings of $317 million, ebitda of $1,316 million. "
             "Rio's Ebitda was $18.6 billion. q4 eps $1.20.")
    got = _classified(ex)
    assert got[317e6][1] == "net_income"
    assert got[1316e6][1] == "ebitda" and got[18.6e9][1] == "ebitda"
    assert got[1.2][1] == "eps"


def test_per_share_companions_of_components_and_losses() -> None:
    ex = _ex("ACME CORP <ACME> 4TH QTR NET",
             "1986 earnings exclude loss from discontinued operations of 319,055 dlrs, or 16 cts a share. "
             "1986 yr net excludes extraordinary loss of 66 mln dlrs or 1.94 dlrs shr. "
             "Results include a net loss of 3 mln dlrs, or five cts a share, from discontinued operations. "
             "Net income, excluding one-time items, was 5 mln dlrs, or 10 cts a share. "
             "Acme said its net loss for the quarter is 14.1 mln dlrs, compared to a net loss of 2.4 mln dlrs or "
             "1.06 dlrs per share the year earlier.", "1987-02-20")
    got = _classified(ex)
    for component in (0.16, 1.94, 0.05, 3e6, -3e6):
        assert component not in got
    assert got[0.1][1] == "adjusted_eps"
    assert got[-1.06][1] == "eps" and 1.06 not in got


def test_a_change_verb_right_before_an_amount_makes_it_the_change() -> None:
    ex = _ex("Darling Q4 2020 results",
             "Interest expense declined $1.7 million for the fourth quarter 2020. Revenue rose $5 million to $100 "
             "million.")
    measures = {round(c.value.mid): c.measure.value for c in ex.claims}
    assert measures[-1700000].startswith("change") and measures[5000000].startswith("change")
    assert measures[100000000] == "level"


AP_STORY = """NEW YORK (AP) - Nike Inc. said Thursday that its fiscal first-quarter profit fell 26% as sales in \
Greater China dropped 13%.

Revenue fell 10% to $11.59 billion. Sales of Nike-brand footwear fell 11% to $6.6 billion.

Rival Adidas AG last month reported second-quarter revenue of 5.82 billion euros.

The company purchased MidSouth Corp, a regional railroad company in Mississippi, which contributed sales of \
$39.5 million.

Its U.S. retail segment posted sales of $7.9 billion. JPMorgan analyst Lisa Gill cut her price target on the \
stock to $130 from $136.
"""


def test_segments_rivals_units_and_price_targets() -> None:
    ex = _ex("Nike profit falls as sales in China slump", AP_STORY, "2023-09-28")
    got = _classified(ex)
    assert got[11.59e9] == ("Nike", "revenue", "level")
    for segment in (-13.0, 6.6e9, -11.0, 7.9e9):  # a region's, a product's and a segment's sales
        assert segment not in got
    assert got[5.82e9] == ("Adidas", "revenue", "level")
    assert got[39.5e6][:2] == ("MidSouth", "revenue")
    targets = [c for c in ex.claims if c.metric == "price_target"]
    assert sorted(c.value.mid for c in targets) == [130.0, 136.0]
    assert {c.modality.value for c in targets} == {"analyst_estimate"}


def test_market_figures_other_nouns_and_bases_are_not_the_companys_metrics() -> None:
    ex = _ex("Infosys Q3 net profit rises 7%",
             "Infosys reported a net profit of Rs 6,106 crore for the third quarter ended December 31, 2023. The "
             "Indian IT industry is expected to touch $245 billion in revenue this fiscal, according to Nasscom. "
             "Woolworths has reported a 20 per cent drop in net profit to $1.71 billion, hurt by a $1.6 billion "
             "impairment. Sales rose, generating $14 million in realized gains. Pre-tax profits rose to £2.29bn. "
             "Underlying pre-tax profit was £2.1bn. New Zealand Food earnings before interest and tax fell 58.7 per "
             "cent. Non-interest-bearing demand deposits grew 17% to $2 billion, and total deposits rose to $10 "
             "billion. Coles Group posted a 1.3 per cent rise in net profit to $1.11 billion.", "2024-01-11")
    got = _classified(ex)
    assert got[61060000000.0][1] == "net_income"
    for figure in (245e9, 1.6e9, 14e6, 2.1e9, -58.7, 17.0, 2e9):
        assert figure not in got
    assert got[2.29e9][1] == "pretax_income"
    assert got[10e9][1] == "deposits"
    assert got[1.11e9] == ("Coles Group", "net_income", "level")


def test_a_regional_group_is_a_segment_even_when_it_had_growth() -> None:
    ex = _ex("SXT Q4 2020 results", "The Asia-Pacific Group also had growth in operating income, up 7.8%.")
    assert not any(c.metric != "unclassified" for c in ex.claims)


def test_transactions_and_classes_of_a_balance_are_not_the_balance() -> None:
    ex = _ex("Chimera Q1 2021 results",
             "Loans and leases increased 21 pct to 8.5 billion dlrs. This quarter we sold $182 million Ginnie Mae "
             "project loans. We repaid $500 million of debt. Commercial loans rose to $3 billion. Total debt was "
             "$4 billion.", "2021-05-05")
    got = _classified(ex)
    assert got[8.5e9][1] == "loans" and got[21.0][1] == "loans"
    for figure in (182e6, 500e6, 3e9):
        assert figure not in got
    assert got[4e9][1] == "total_debt"


def test_possessive_names_and_units_named_as_subjects() -> None:
    ex = _ex("Infosys Q3 net profit rises 7%",
             "Infosys reported a net profit of Rs 6,106 crore for the third quarter ended December 31, 2023. "
             "Wipro's profit fell 12 per cent to Rs 2,694 crore. Tesco's Booker wholesale arm reported sales of "
             "£9.8bn. Net income attributable to Infosys of Rs 6,000 crore and earnings from continuing operations "
             "of Rs 5,900 crore were higher.", "2024-01-11")
    got = _classified(ex)
    assert got[2.694e10] == ("Wipro", "net_income", "level")
    assert 9.8e9 not in got
    assert got[6e10][1] == "net_income" and got[5.9e10][1] == "net_income"


def test_the_main_company_inside_an_appositive_does_not_take_the_figure() -> None:
    ex = _ex("Nvidia forecast tops estimates",
             "Nvidia Corp. gave a bullish forecast. Microsoft Corp., Nvidia's biggest customer, spent $14 billion on "
             "capital expenditures in the latest quarter. Nvidia's revenue was $26 billion.", "2024-05-22")
    got = _classified(ex)
    assert got[14e9] == ("Microsoft", "capex", "level")
    assert got[26e9] == ("Nvidia", "revenue", "level")


def test_deal_prices_and_buybacks_are_not_earnings_or_share_prices() -> None:
    ex = _ex("Chevron to buy Hess for $53 billion",
             "Chevron Corp agreed to buy Hess Corp for $53 billion, valuing Hess at $171 per share. Chevron raised "
             "its quarterly dividend by 8% to $1.63 per share and expects to increase share buybacks to $20 billion "
             "a year. It offered to buy Beta for $40 per share.", "2023-10-23")
    got = _classified(ex)
    for figure in (53e9, 171.0, 20e9, 40.0):
        assert figure not in got
    assert got[1.63][1] == "dividend"
