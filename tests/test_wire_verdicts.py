"""Wire items read so that verdicts across articles come out right: per-share nils stated to the cent, forecasts
with their periods, a company under its abbreviation, people who comment on the figures.

Hand-written items in the style of 1980s Reuters wire copy (the verdict fixtures' items are real; these pin the
mechanisms, `python -m bench.verdicts` measures them end to end).
"""

from __future__ import annotations

from tests.conftest import wire_record as _record
from tests.conftest import wire_rows as _rows


def test_per_share_nil_is_stated_to_the_cent() -> None:
    # "vs nil" in a Shr line: EPS rounded to nothing at the cent, so it disagrees with a 12-cent loss elsewhere
    ex = _record("BARLOW VIDEO 1ST QTR NOV 30 NET", """LOS ANGELES, March 3 -
    Shr 2-1/5 cts vs nil
    Net 156,726 vs 11,989
    Revs nil vs 12,000
""", "1987-03-03")
    nils = {c.metric: c.value for c in ex.claims if c.value.mid == 0}
    assert nils["eps"].decimals == 2 and nils["eps"].low == nils["eps"].high == 0
    assert nils["revenue"].decimals == 0


def test_forecast_compared_with_a_projection_for_the_year_under_way() -> None:
    # the base "from a projected X this year" is the company's projection for the current year (not an outlook it
    # replaced); "for the same period" goes on with the outlook's year; "1987/88" is one fiscal year
    ex = _record("JAPAN'S KANSAI RAIL SEES PROFITS FALL", """OSAKA, March 2 - <Kansai Rail Corp> expects its
profits to fall to 41 billion yen in the year ending March 31,
1988 from a projected 45 billion this year, the company said.
    Total sales for the same period are expected to rise to 820
billion yen from a projected 790 billion this year, Kansai said
in a business plan submitted to the Transport Ministry.
    Kansai said it plans capital spending of 120 billion yen in
1987/88, against a total of 110 billion this year.
""", "1987-03-02")
    rows = _rows(ex)
    assert ("Kansai Rail", "net_income", "level", 41e9, "1987-04-01..1988-03-31", "guidance") in rows
    assert ("Kansai Rail", "net_income", "level", 45e9, "1986-04-01..1987-03-31", "guidance") in rows
    assert ("Kansai Rail", "revenue", "level", 820e9, "1987-04-01..1988-03-31", "guidance") in rows
    assert ("Kansai Rail", "revenue", "level", 790e9, "1986-04-01..1987-03-31", "guidance") in rows
    assert ("Kansai Rail", "capex", "level", 120e9, "1987-04-01..1988-03-31", "guidance") in rows


def test_a_raised_forecast_keeps_its_prior_guidance() -> None:
    ex = _record("ACME WIDGETS RAISES FORECAST", """NEW YORK, May 5 - Acme Widgets Inc raised its forecast
for 1987 net income to 12 mln dlrs from its earlier forecast of 10 mln dlrs.
""", "1987-05-05")
    rows = _rows(ex)
    assert ("Acme Widgets", "net_income", "level", 10e6, "1987-01-01..1987-12-31", "prior_guidance") in rows


def test_full_name_after_a_headline_abbreviation_and_a_chairman_elect() -> None:
    # the headline's "BPI <BPI>", then "British Paper Industries PLC": one company, under its full name; the
    # chairman-elect's surname is a person's; "would top 1986 income of" is 1986's figure, not an outlook for 1987
    ex = _record("BPI <BPI> SEES HIGHER PROFITS", """NEW YORK, March 2 - British Paper Industries PLC will
expand its packaging business this year, said chairman-elect
Roger Whitcombe.
    Whitcombe said the company's 1987 results would top 1986
income of 212 mln dlrs on sales of four billion dlrs.
    BPI said it has about one billion dlrs for acquisitions.
""", "1987-03-02")
    rows = _rows(ex)
    assert ("British Paper Industries", "net_income", "level", 212e6, "1986-01-01..1986-12-31", "prior_period") in rows
    assert ("British Paper Industries", "revenue", "level", 4e9, "1986-01-01..1986-12-31", "reported") in rows
    assert {c.company for c in ex.claims} == {"British Paper Industries"}


def test_expects_to_report_a_loss_for_the_year_is_the_year_ended() -> None:
    # in March, "expects to report a loss for the year" is an early estimate of the year that has ended
    ex = _record("ACME ENERGY <ACME> TO SELL SHARES", """HOUSTON, March 16 - Acme Energy Corp said it
has agreed to sell 15 mln new shares to an investor group.
    The company said it expects to report a loss for the year
of about 3,125,000 dlrs due to lower oil and natural gas prices.
    It said it expects revenues of about 12 mln dlrs for the year.
""", "1987-03-16")
    rows = _rows(ex)
    assert ("Acme Energy", "net_income", "level", -3125000.0, "1986-01-01..1986-12-31", "preliminary") in rows
    # an outlook for the year, not said to be reported: the year under way
    assert ("Acme Energy", "revenue", "level", 12e6, "1987-01-01..1987-12-31", "guidance") in rows


def test_a_hedge_holds_for_the_figure_joined_to_it() -> None:
    from claimgraph.sources.model import Qualifier
    from claimgraph.sources.quantities import find_quantities

    qs = find_quantities("It expects losses of about 57 mln dlrs for the fourth quarter and 68 mln dlrs for the "
                         "year on revenues of about 10 mln dlrs for the quarter and 52 mln dlrs for the year. It "
                         "had costs of about 5,500,000 dlrs, in addition to the 45 mln dlr charge.")
    hedged = {q.text: q.value.qualifier for q in qs}
    assert hedged["68 mln dlrs"] is hedged["52 mln dlrs"] is Qualifier.APPROXIMATE
    assert next(q for q in qs if q.text == "52 mln dlrs").value.low == 52e6 * 0.95
    assert hedged["45 mln dlr"] is Qualifier.EXACT  # (not joined by "and")


def test_a_product_groups_sales_are_no_company_revenue() -> None:
    ex = _record("BPI <BPI> TO EXPAND DRUGS", """NEW YORK, March 2 - British Paper Industries PLC said its
new U.S. unit will double its current pharmaceutical sales to 1.1
billion dlrs by 1990.
""", "1987-03-02")
    assert not [c for c in ex.claims if c.metric == "revenue"]


def test_a_broker_or_an_analyst_gives_estimates_not_the_companys_outlook() -> None:
    # the analyst named after the figure ("..., said analyst John Smith of ..."); a broker that cut its rating then
    # "expects Acme to earn": estimates, and the broker's "previous estimate" is its own, not a replaced outlook
    ex = _record("ACME WIDGETS <ACW> SHARES FALL", """NEW YORK, March 5 - Acme Widgets Inc's earnings should rise
to 2.10 dlrs a share in 1987 from 1.80 dlrs in 1986, said
analyst John Smith of Shearson Lehman Brothers Inc.
    Shares of Acme fell 2-1/4 to 31 after Goldman Sachs and Co
cut its rating. Goldman said it now expects Acme to earn 1.90
dlrs a share this year, down from its previous estimate of
2.20 dlrs.
""", "1987-03-05")
    rows = _rows(ex)
    assert ("Acme Widgets", "eps", "level", 2.1, "1987-01-01..1987-12-31", "analyst_estimate") in rows
    assert ("Acme Widgets", "eps", "level", 1.9, "1987-01-01..1987-12-31", "analyst_estimate") in rows
    assert ("Acme Widgets", "eps", "level", 2.2, "1987-01-01..1987-12-31", "analyst_estimate") in rows
    # a company's own raised forecast keeps its prior guidance (test_a_raised_forecast_keeps_its_prior_guidance)
