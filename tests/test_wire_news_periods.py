"""Periods and companies in wire items and modern news (hand-written probe items: unit tests, not quality figures):
spans of weeks, a month's results, a quarter reported long after its calendar namesake, companies named only by a
relative clause, an analyst's target or an ampersand."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document

Row = tuple[str, str, str, float, str, str, str]


def _claims(text: str, published: str, title: str | None = None) -> list[Row]:
    meta = Metadata(published=published, title=title) if title else Metadata(published=published)
    out = []
    for c in extract(text_document(text, "x.txt", meta)).claims:
        out.append((c.company, c.metric, c.measure.value, c.value.low, c.period.start.isoformat() if c.period else "-",
                    c.period.end.isoformat() if c.period else "-", str(c.modality)))
    return out


def test_a_span_of_weeks_is_a_period_not_its_last_day() -> None:
    rows = _claims("Grocer trading update\nLONDON, Jan 9, 2025 (Reuters) - Halvorsen Foods Plc said like-for-like sales "
                   "rose 4.1% in the six weeks to January 4, beating analysts' forecasts of 3.2%.", "2025-01-09")
    assert ("Halvorsen Foods", "same_store_sales", "change", 4.1, "2024-11-24", "2025-01-04", "reported") in rows
    # (the estimate set against the result is for the same weeks, not the next such span)
    assert ("Halvorsen Foods", "same_store_sales", "change", 3.2, "2024-11-24", "2025-01-04",
            "analyst_estimate") in rows
    rows = _claims("LOS ANGELES, March 5 - Carter Stores Inc said sales for the four weeks ended February 28 were up "
                   "7.6 pct to 240.8 mln dlrs from 223.8 mln dlrs a year before.", "1987-03-05")
    assert ("Carter Stores", "revenue", "level", 240.8e6, "1987-02-01", "1987-02-28", "reported") in rows
    assert ("Carter Stores", "revenue", "level", 223.8e6, "1986-02-01", "1986-02-28", "prior_period") in rows
    # a day written in words ("March One") is that day
    rows = _claims("DALLAS, March 6 - Sound Records Inc said revenues for the five weeks ended March One were up 27 pct "
                   "to 15.0 mln dlrs.", "1987-03-06")
    assert ("Sound Records", "revenue", "level", 15e6, "1987-01-26", "1987-03-01", "reported") in rows


def test_a_month_headline_dates_its_table_and_twelve_months_section() -> None:
    text = "WASHINGTON, Feb 26 -\n    Shr 27 cts vs 29 cts\n    Net 13,555,000 vs 14,635,000\n    12 mths\n" \
           "    Shr 4.10 dlrs vs 3.66 dlrs\n"
    rows = _claims(text, "1987-02-26", title="CAPITAL ELECTRIC POWER CO <CEP> JAN NET")
    assert ("Capital Electric Power", "eps", "level", 0.27, "1987-01-01", "1987-01-31", "reported") in rows
    assert ("Capital Electric Power", "net_income", "level", 14635000.0, "1986-01-01", "1986-01-31",
            "prior_period") in rows
    assert ("Capital Electric Power", "eps", "level", 4.10, "1986-02-01", "1987-01-31", "reported") in rows


def test_a_quarter_reported_long_after_its_calendar_namesake_is_a_fiscal_one() -> None:
    # (February 26: the calendar third quarter ended five months before; "a second quarter charge" is no quarter
    # the story reports)
    rows = _claims("LOUISVILLE, Ky., Feb 26 - Oakford Distillers Inc today reported a 37 pct increase in third quarter "
                   "profits to 21.6 mln dlrs, or 1.00 dlr a share. Nine month profits declined to 66.0 mln dlrs due to "
                   "a second quarter charge of 37 cts a share.", "1987-02-26")
    assert ("Oakford Distillers", "net_income", "level", 21.6e6, "1986-11-01", "1987-01-31", "reported") in rows
    assert ("Oakford Distillers", "net_income", "level", 66e6, "1986-05-01", "1987-01-31", "reported") in rows
    # (April 9: the calendar first quarter just ended, it is that one)
    rows = _claims("CHICAGO, April 9 - Lakefront Trust Corp said its first quarter earnings rose to 14.7 mln dlrs.",
                   "1987-04-09")
    assert ("Lakefront Trust", "net_income", "level", 14.7e6, "1987-01-01", "1987-03-31", "reported") in rows


def test_companies_named_by_a_relative_clause_a_target_or_an_ampersand() -> None:
    text = ("Retail shares slip\nLONDON, Jan 9, 2025 (Reuters) - Halvorsen Foods Plc said sales rose 4%.\n"
            "Burberry, which reports next week, has a market value of 3.2 billion pounds.\n"
            "Jefferies raised its price target on Burberry to 450 pence from 400 pence.\n"
            "Shares of Marks & Spencer fell 3% to 350 pence.\n"
            "Procter & Gamble said quarterly sales rose 2% to $21.9 billion.")
    rows = _claims(text, "2025-01-09")
    companies = {(r[0], r[1], r[3]) for r in rows}
    assert ("Burberry", "market_cap", 3.2e9) in companies
    assert ("Burberry", "price_target", 4.5) in companies and ("Burberry", "price_target", 4.0) in companies
    assert ("Marks & Spencer", "share_price", -3.0) in companies
    assert ("Procter & Gamble", "revenue", 21.9e9) in companies
    assert not any(r[0] == "Jefferies" for r in rows)


def test_oper_loss_and_oper_profit_lines_are_operating_net() -> None:
    text = "VANCOUVER, British Columbia, March 4 -\n    Oper loss 5,900,000 vs profit 9,300,000\n" \
           "    Revs 105.3 mln vs 131.2 mln\n    Note: 1986 qtr excludes extraordinary loss of 3.6 mln dlrs\n"
    rows = _claims(text, "1987-03-04", title="<NORTHFIELD MINING LTD> 4TH QTR LOSS")
    assert ("Northfield Mining", "net_income", "level", -5.9e6, "1986-10-01", "1986-12-31", "reported") in rows
    assert ("Northfield Mining", "net_income", "level", 9.3e6, "1985-10-01", "1985-12-31", "prior_period") in rows


def test_nine_months_ended_a_stated_day_and_revenues_last_year() -> None:
    rows = _claims("VANCOUVER, British Columbia, March 2 - Coastal Development Corp said its operating loss for the "
                   "nine months ended December 31, 1986 increased to 7.7 mln dlrs.", "1987-03-02")
    assert ("Coastal Development", "operating_income", "level", -7.7e6, "1986-04-01", "1986-12-31", "reported") in rows
    rows = _claims("MONTREAL, Feb 26 - Ivory Steel Inc said price pressure is expected to result in minimal first "
                   "quarter earnings. Revenues last year rose to 1.94 billion dlrs from 1.34 billion dlrs in 1985.",
                   "1987-02-26")
    assert ("Ivory Steel", "revenue", "level", 1.94e9, "1986-01-01", "1986-12-31", "reported") in rows


def test_a_zacks_style_quarter_ago_estimate_and_result() -> None:
    text = ("Acme (ACME) came out with quarterly earnings of $0.52 per share, beating the Zacks Consensus Estimate of "
            "$0.48 per share. A quarter ago, it was expected that this company would post earnings of $0.40 per share "
            "when it actually produced earnings of $0.44, delivering a surprise of 10%.")
    rows = _claims(text, "2024-04-25", title="Acme (ACME) Q1 Earnings Beat Estimates")
    assert ("Acme", "eps", "level", 0.40, "2023-10-01", "2023-12-31", "analyst_estimate") in rows
    assert ("Acme", "eps", "level", 0.44, "2023-10-01", "2023-12-31", "prior_period") in rows
    assert ("Acme", "eps", "level", 0.52, "2024-01-01", "2024-03-31", "reported") in rows


def test_a_headline_year_dates_the_body_and_the_dateline_day_is_no_period() -> None:
    text = "LUXEMBOURG, March 10 - Rheinbank Luxembourg said net profit fell to 42.5 mln marks from 51.2 mln.\n" \
           "Operating profit rose 12 pct to 88 mln marks."
    rows = _claims(text, "1987-03-10", title="RHEINBANK LUXEMBOURG REPORTS LOWER 1986 NET PROFIT")
    assert ("Rheinbank Luxembourg", "net_income", "level", 42.5e6, "1986-01-01", "1986-12-31", "reported") in rows
    assert ("Rheinbank Luxembourg", "net_income", "level", 51.2e6, "1985-01-01", "1985-12-31", "prior_period") in rows
    assert ("Rheinbank Luxembourg", "operating_income", "level", 88e6, "1986-01-01", "1986-12-31", "reported") in rows
    # (a year still under way in a headline is an outlook's, not the one reported)
    rows = _claims("LONDON, March 10 - Rheinbank said it expects profit to rise to 50 mln marks.", "1987-03-10",
                   title="RHEINBANK SEES HIGHER 1987 NET PROFIT")
    assert not any(r[4] == "1986-01-01" for r in rows)


def test_a_person_named_after_a_capitalised_title_is_no_company() -> None:
    text = ("Acme shares jump\nNEW YORK, Feb 7, 2025 (Reuters) - Acme Corp reported fourth-quarter revenue of "
            "$2.1 billion. \"We delivered a strong quarter,\" Chief Executive Jane Moreno said. Moreno said the company "
            "expects 2025 revenue of $9 billion.")
    rows = _claims(text, "2025-02-07")
    assert ("Acme", "revenue", "level", 9e9, "2025-01-01", "2025-12-31", "guidance") in rows
    assert not any(r[0] == "Moreno" for r in rows)


def test_it_earned_after_an_acquisition_is_the_company_bought() -> None:
    text = ("Acme to buy Beta Foods\nCHICAGO, March 3, 1987 - Acme Corp said it agreed to acquire Beta Foods Inc for "
            "120 mln dlrs in cash. It earned 8.5 mln dlrs last year on sales of 64 mln dlrs.")
    rows = _claims(text, "1987-03-03")
    assert ("Beta Foods", "net_income", "level", 8.5e6, "1986-01-01", "1986-12-31", "reported") in rows
    # ("last year on sales of": the sales are of that year too, not a year before)
    assert ("Beta Foods", "revenue", "level", 64e6, "1986-01-01", "1986-12-31", "reported") in rows
    # (what the buyer says next stays the buyer's)
    rows = _claims("CHICAGO, March 3, 1987 - Acme Corp said it agreed to acquire Beta Foods Inc for 120 mln dlrs. "
                   "It expects the purchase to add 10 cts a share to 1987 earnings.", "1987-03-03")
    assert all(r[0] == "Acme" for r in rows)


def test_an_indian_results_story_rival_market_value_and_constant_currency_outlook() -> None:
    text = ("Infosys Q3 results: Net profit rises 11%\n"
            "Infosys on Thursday reported an 11.4 per cent rise in consolidated net profit to Rs 6,806 crore for the "
            "third quarter ended December 31, 2024 (Q3FY25).\n"
            "The company raised its FY25 revenue growth guidance to 4.5-5 per cent in constant currency, from "
            "3.75-4.5 per cent earlier.\n"
            "Wipro, which reports on Friday, has a market capitalisation of Rs 3.2 lakh crore.")
    rows = _claims(text, "2025-01-16")
    assert ("Infosys", "net_income", "level", 68.06e9, "2024-10-01", "2024-12-31", "reported") in rows
    # (a market value on the day of publication, not on the day the rival reports)
    assert ("Wipro", "market_cap", "level", 3.2e12, "2025-01-16", "2025-01-16", "reported") in rows
    # (constant-currency growth, and the earlier range compared with it, are no revenue growth as reported)
    assert not any(r[1] == "revenue" and r[3] in (3.75, 4.5) for r in rows)


def test_a_rival_in_a_yen_story_and_an_australian_sites_dollars() -> None:
    text = ("TOKYO, Nov 6 (Reuters) - Toyota Motor Corp on Wednesday raised its full-year operating profit forecast to "
            "4.3 trillion yen from 3.9 trillion yen.\nHonda Motor cut its annual operating profit forecast to 1.42 "
            "trillion yen last week.")
    rows = _claims(text, "2024-11-06", title="Toyota raises annual profit forecast")
    assert ("Honda Motor", "operating_income", "level", 1.42e12, "2024-04-01", "2025-03-31", "guidance") in rows
    from claimgraph.sources.extract import _site_dollar

    assert _site_dollar("https://www.smh.com.au/business/qantas", "a profit of $1.25 billion") == "AUD"
    assert _site_dollar("https://www.theglobeandmail.ca/x", "revenue of $2 billion") == "CAD"
    assert _site_dollar("https://www.smh.com.au/x", "US$5 and $6") is None  # (the text marks its own dollars)
    assert _site_dollar("https://www.reuters.com/x", "$5") is None


def test_the_same_quarter_of_an_earlier_fiscal_year_and_a_stated_fiscal_quarters_label() -> None:
    text = ("Sales in the fiscal second quarter, which ended Nov. 30, fell 7.7% to $12.4 billion, Northwind Apparel Inc "
            "said. Earnings per share were 78 cents, compared with $1.03 in the same quarter of fiscal 2024, an "
            "increase of 12 cents.")
    rows = _claims(text, "2024-12-19", title="Northwind Apparel shares tumble")
    assert ("Northwind Apparel", "eps", "level", 1.03, "2023-09-01", "2023-11-30", "prior_period") in rows
    assert ("Northwind Apparel", "eps", "level", 0.78, "2024-09-01", "2024-11-30", "reported") in rows
    doc = text_document(text, "x.txt", Metadata(published="2024-12-19", title="Northwind Apparel shares tumble"))
    labels = {c.period.label for c in extract(doc).claims if c.metric == "revenue" and c.period is not None}
    assert labels == {"FY2025-Q2"}


def test_financial_years_named_as_in_british_copy() -> None:
    text = ("Grocer profits jump\nLONDON, April 10, 2024 (Reuters) - Halvorsen Foods Plc said adjusted operating profit "
            "rose 13.6pc to £2.8bn in the year to 24 February, and it expects adjusted operating profit of about "
            "£2.9bn in the current financial year.")
    rows = _claims(text, "2024-04-10")
    # ("Grocer" in the headline is no company: the body names the one it is about)
    assert [(r[0], r[4], r[5]) for r in rows if r[6] == "guidance"] == [("Halvorsen Foods", "2024-02-25",
                                                                        "2025-02-24")]
    rows = _claims("Acme results\nLONDON, May 3, 2024 (Reuters) - Acme Plc said pre-tax profit for the full financial "
                   "year rose 8 pct to 120 mln pounds, compared with 111 mln pounds in the previous financial year.",
                   "2024-05-03")
    years = {r[3]: (r[4], r[5]) for r in rows if r[2] == "level"}
    assert years[111e6][1] == "2023-03-31" and years[120e6][1] == "2024-03-31"


def test_a_conditional_forecast_takes_the_forecast_year_and_its_base_the_year_named() -> None:
    """"Sales would in such circumstances go up to six billion crowns from 3.65 billion in 1986": the company's
    forecast for the year ahead (a ceiling neither), and 3.65 billion the year named."""
    rows = _claims("Veltro AB forecast earnings after financial items of 900 mln crowns in 1987 vs 700 mln last year.\n"
                   "Sales would in such circumstances go up to five billion crowns from 3.25 billion in 1986, it said.",
                   "1987-03-03", "VELTRO FORECASTS HIGHER 1987 EARNINGS")
    revenue = {(r[3], r[4], r[5], r[6]) for r in rows if r[1] == "revenue"}
    assert revenue == {(5e9, "1987-01-01", "1987-12-31", "guidance"), (3.25e9, "1986-01-01", "1986-12-31", "prior_period")}
