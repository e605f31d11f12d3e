"""A modern results story as a news page (hand-written: unit tests, not quality figures): the quarter a stated end
names is the article's, outlooks' yearless quarters do not outvote it, estimates named after their figure, and a
rival's quarters on its own calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, read_inputs, text_document

HERE = Path(__file__).parent / "fixtures" / "grids"


def _rows(claims: list) -> list[tuple[str, str, float, str, str, str]]:  # type: ignore[type-arg]
    return [(c.company, c.metric, c.value.low, c.period.start.isoformat() if c.period else "-",
             c.period.end.isoformat() if c.period else "-", str(c.modality)) for c in claims]


def test_stated_quarter_end_is_the_article_quarter_despite_outlook_quarters() -> None:
    (result,) = list(read_inputs([str(HERE / "news-results.html")]))
    assert result.document is not None
    rows = _rows(extract(result.document).claims)
    net = [r for r in rows if r[1] == "net_income" and r[5] == "reported"]
    assert net and net[0][4] in ("2024-01-28", "2024-01-31")  # the quarter ended Jan. 28, not February-April 2023
    assert ("Nvidia", "adjusted_eps", 4.59) in {r[:3] for r in rows if r[5] == "analyst_estimate"}
    assert ("Nvidia", "revenue", 21900000000.0) in {r[:3] for r in rows if r[5] == "analyst_estimate"}
    amd = [r for r in rows if r[0] == "AMD"]
    assert amd and amd[0][3:5] == ("2024-01-01", "2024-03-31")  # AMD's own (calendar) first quarter


def test_estimate_named_after_a_per_share_figure() -> None:
    doc = text_document("Acme Corp reported third-quarter results. Adjusted earnings were $1.16 a share, ahead of "
                        "the $0.98 a share analysts had forecast.", "x.txt", Metadata(published="2025-10-30"))
    got = {(c.metric, c.value.low, str(c.modality)) for c in extract(doc).claims}
    assert ("adjusted_eps", 0.98, "analyst_estimate") in got and ("adjusted_eps", 1.16, "reported") in got


def test_month_ranges_and_a_raised_forecast_from_its_old_value() -> None:
    (result,) = list(read_inputs([str(HERE / "tokyo-half.txt")]))
    assert result.document is not None
    rows = _rows(extract(result.document).claims)
    # "the April-September half" and "the July-September quarter" are those months
    assert ("Toyota Motor", "net_income", 1770000000000.0, "2024-04-01", "2024-09-30", "reported") in rows
    assert ("Toyota Motor", "operating_income", 1160000000000.0, "2024-07-01", "2024-09-30", "reported") in rows
    # "raised its ... forecast for the fiscal year ending in March 2025 to 3.57 trillion yen from 3.2 trillion yen"
    assert ("Toyota Motor", "net_income", 3200000000000.0, "2024-04-01", "2025-03-31", "prior_guidance") in rows
    assert ("Toyota Motor", "net_income", 3570000000000.0, "2024-04-01", "2025-03-31", "guidance") in rows


def test_australian_half_year_dateline_currency_cents_and_ebit() -> None:
    (result,) = list(read_inputs([str(HERE / "sydney-half.txt")]))
    assert result.document is not None
    rows = _rows(extract(result.document).claims)
    # "first-half profit" and "the six months to December 31": a fiscal year to June, its first half
    assert ("Wesfield Retail Group", "net_income", 412500000.0, "2024-07-01", "2024-12-31", "reported") in rows
    got = {(r[1], r[2]) for r in rows}
    assert ("operating_income", 655000000.0) in got  # "Earnings before interest and tax", not interest
    assert ("dividend", 0.91) in got  # "91c a share"
    claims = extract(result.document).claims
    assert {c.value.unit for c in claims if c.value.unit not in ("percent",)} == {"AUD"}  # "$" under a Sydney dateline


def test_ap_earnings_snapshot_adjusted_earnings_and_a_fiscal_quarter() -> None:
    (result,) = list(read_inputs([str(HERE / "ap-fiscal.txt")]))
    assert result.document is not None
    result.document.published = __import__("datetime").date(2025, 3, 19)
    rows = _rows(extract(result.document).claims)
    # "Earnings, adjusted for non-recurring costs, came to 95 cents per share": adjusted EPS, not a cost
    assert ("Hartwell Foods", "adjusted_eps", 0.95) in {r[:3] for r in rows}
    # "fiscal second-quarter" reported in March is not the calendar's April-June a year earlier
    net = [r for r in rows if r[1] == "net_income"]
    assert net and net[0][4] >= "2024-12-31"


def _claims(text: str, published: str) -> list[tuple[str, str, float, str, str, str]]:
    return _rows(extract(text_document(text, "x.txt", Metadata(published=published))).claims)


def test_day_first_period_ends_and_weeks() -> None:
    """British, Australian and Indian copy puts the day first ("the year to 24 February") and counts weeks."""
    for phrase in ("the year to 24 February", "the 52 weeks to 24 February", "the year to February 24"):
        rows = _claims(f"Tesco said pre-tax profits rose to £2.29bn in {phrase}.", "2024-04-10")
        assert rows[0][3:5] == ("2023-02-25", "2024-02-24"), phrase
    rows = _claims("Tesco said sales rose 4% to £30bn in the 24 weeks to 24 August.", "2024-10-10")
    assert {r[3:5] for r in rows} == {("2024-02-25", "2024-08-24")}
    rows = _claims("Acme said profit was £30m in the first half to 31 August.", "2024-10-10")
    assert rows[0][3:5] == ("2024-03-01", "2024-08-31")
    rows = _claims("Acme said revenue rose to $5bn in the first quarter ended 31 March 2024.", "2024-05-10")
    assert rows[0][3:5] == ("2024-01-01", "2024-03-31")


def test_a_dated_dateline_with_a_colon_is_not_the_figures_period() -> None:
    rows = _claims("Infosys profit rises\n\nBengaluru, April 18, 2024: Infosys on Thursday reported a 30 per cent "
                   "year-on-year rise in net profit to Rs 7,969 crore for the quarter ended March 31, 2024.", "2024-04-18")
    assert {r[1:2] + r[3:5] for r in rows} == {("net_income", "2024-01-01", "2024-03-31")}


def test_an_outlook_goes_on_past_its_period_to_the_next_figure() -> None:
    rows = _claims("Acme guided for revenue growth of 1-3 per cent for 2025 and an operating margin of 20-22 per cent.",
                   "2024-04-18")
    assert [r[5] for r in rows] == ["guidance", "guidance"]
    rows = _claims("Acme expects revenue of $5 billion in the second quarter and said it earned $1 billion in the "
                   "first quarter.", "2024-04-18")
    assert [r[5] for r in rows] == ["guidance", "reported"]


def test_an_estimate_takes_the_period_of_the_latest_figure_of_its_metric() -> None:
    rows = _claims("Acme reported a profit of $200 million for the first quarter. It expects revenue of $6 billion in "
                   "the second quarter. Analysts had expected a profit of $300 million.", "2024-04-18")
    assert ("net_income", 300000000.0, "2024-01-01", "2024-03-31", "analyst_estimate") in {r[1:] for r in rows}


def test_a_result_stated_after_a_raised_forecast_is_reported() -> None:
    rows = _claims("Acme raised its forecast after sales jumped 20% to $5 billion in the quarter.", "2024-04-18")
    assert {r[5] for r in rows} == {"reported"}
    rows = _claims("Acme expects sales to rise 5% as demand grew 3% in the quarter.", "2024-04-18")
    assert [r[5] for r in rows] != ["reported", "reported"]  # the outlook's own figure stays forward-looking


def test_a_fiscal_quarter_stated_in_a_fact_clause_dates_the_results() -> None:
    """Siemens-style copy: the fiscal third quarter reported in August ended in June, not a year earlier."""
    rows = _claims("Siemens raises outlook\n\nMUNICH (AP) — Siemens AG on Thursday raised its full-year earnings "
                   "forecast after net income in its fiscal third quarter climbed 12% to 2.1 billion euros.",
                   "2024-08-08")
    assert {(r[1], r[3], r[4], r[5]) for r in rows} == {("net_income", "2024-04-01", "2024-06-30", "reported")}


def test_half_year_and_interim_results_are_the_half_that_ended_last() -> None:
    rows = _claims("Qantas profit rises\n\nSYDNEY, Feb 22 (Reuters) - Qantas posted a half-year profit of A$1.25 billion, "
                   "compared with A$1.2 billion a year earlier.", "2024-02-22")
    assert {r[3:] for r in rows} == {("2023-07-01", "2023-12-31", "reported"),
                                     ("2022-07-01", "2022-12-31", "prior_period")}
    rows = _claims("Wesfarmers posts interim profit\n\nWesfarmers reported an interim net profit of A$1.43 billion.",
                   "2024-02-15")
    assert rows[0][3:5] == ("2023-07-01", "2023-12-31")


def test_a_first_half_reported_long_after_the_calendar_one_is_on_a_fiscal_year() -> None:
    rows = _claims("Acme results\n\nAcme posted a first-half profit of $1.25 billion, up 4%.", "2024-02-22")
    assert {r[3:5] for r in rows} == {("2023-07-01", "2023-12-31")}
    rows = _claims("Acme results\n\nAcme posted a first-half profit of $1.25 billion, up 4%.", "2024-08-22")
    assert {r[3:5] for r in rows} == {("2024-01-01", "2024-06-30")}


def test_a_bare_dollar_beside_a_marked_local_dollar_is_the_us_dollar() -> None:
    doc = text_document("BHP results\n\nMELBOURNE, Aug 27 (Reuters) - BHP Group said underlying profit for the year "
                        "ended June 30 came in at $13.66 billion. BHP shares rose 0.8% to A$40.18 in Sydney.", "x.txt",
                        Metadata(published="2024-08-27"))
    units = {(c.metric, c.value.unit) for c in extract(doc).claims if c.value.unit != "percent"}
    assert units == {("adjusted_net_income", "USD"), ("share_price", "AUD")}


_CNBC = """Nike shares fall after revenue miss

Nike reported fiscal fourth-quarter results on Thursday that missed Wall Street's revenue expectations.

Here's how the company did compared with what Wall Street was expecting, based on a survey of analysts by LSEG:

Earnings per share: $1.01 vs. 84 cents expected
Revenue: $12.61 billion vs. $12.86 billion expected

The company's reported net income for the three-month period that ended May 31 was $1.5 billion, or $1.01 per \
share, compared with $1.03 billion, or 66 cents per share, a year earlier.

For the current quarter, Nike expects revenue to decline by about 10%.
"""


def test_actual_versus_expected_lines_under_an_analysts_lead_in() -> None:
    """Broadcast-style results: one 'Metric: actual vs. estimate expected' line each, a fiscal quarter named in
    words only, the stated three-month period, and the current quarter after it."""
    rows = _claims(_CNBC, "2024-06-27")
    got = {(r[1], r[2], r[3], r[4], r[5]) for r in rows}
    assert ("eps", 1.01, "2024-03-01", "2024-05-31", "reported") in got
    assert ("eps", 0.84, "2024-03-01", "2024-05-31", "analyst_estimate") in got
    assert ("revenue", 12610000000.0, "2024-03-01", "2024-05-31", "reported") in got
    assert ("revenue", 12860000000.0, "2024-03-01", "2024-05-31", "analyst_estimate") in got
    assert ("net_income", 1030000000.0, "2023-03-01", "2023-05-31", "prior_period") in got
    outlook = [r for r in rows if r[5] == "guidance"]
    assert outlook and outlook[0][3:5] == ("2024-06-01", "2024-08-31")


def test_a_growth_rate_estimate_set_against_the_growth_reported() -> None:
    rows = _claims("Unilever reported underlying sales growth of 4.4% in the first quarter, ahead of the 3.9% analysts "
                   "had expected.", "2024-04-25")
    # (underlying sales growth leaves out currency and acquisitions: organic revenue, kept apart from revenue)
    assert ("organic_revenue", 3.9, "2024-01-01", "2024-03-31", "analyst_estimate") in {(r[1], r[2], *r[3:])
                                                                                           for r in rows}


def test_a_table_row_label_gives_its_own_scale_and_currency() -> None:
    rows = _claims("Unilever results\n\nUnilever reported first-quarter results on Thursday.\n\n"
                   "| | Q1 2024 | Q1 2023 |\n|---|---|---|\n| Turnover (€bn) | 15.5 | 15.2 |\n", "2024-04-25")
    assert {(r[1], r[2], r[3], r[5]) for r in rows} == {("revenue", 15.5e9, "2024-01-01", "reported"),
                                                        ("revenue", 15.2e9, "2023-01-01", "prior_period")}


def test_taiwan_dollars_and_an_estimate_named_after_its_figure() -> None:
    rows = _claims("Foxconn results\n\nTAIPEI, Nov 14 (Reuters) - Foxconn said net profit for the July-September quarter "
                   "rose to T$48.7 billion ($1.50 billion) from T$42.8 billion a year earlier, beating the T$45.2 billion "
                   "LSEG SmartEstimate.", "2024-11-14")
    got = {(r[2], r[3], r[5]) for r in rows}
    assert got == {(48.7e9, "2024-07-01", "reported"), (42.8e9, "2023-07-01", "prior_period"),
                   (45.2e9, "2024-07-01", "analyst_estimate")}


def test_shares_of_a_name_make_it_a_company() -> None:
    from claimgraph.sources.companies import CompanyFinder, load_registry

    found = CompanyFinder(load_registry()).find("Shares of Larkspur closed up 0.5% on Thursday.")
    assert [m.company.name for m in found] == ["Larkspur"]
    assert CompanyFinder(load_registry()).find("Shares of Thursday trading were thin.") == []


def test_a_surname_after_an_honorific_or_a_title_is_a_person() -> None:
    """A politics page: "said Senator Mark Warner", "Mr. Warner said" name a person, never a company."""
    doc = text_document("Debt rises\n\n\"The issue has just disappeared,\" said Senator Mark Warner. Interest payments "
                        "will exceed $900 billion a year. The difference, Mr. Warner said, was that the economy was "
                        "near the precipice then.", "x.txt", Metadata(published="2018-09-25"))
    assert [c.company for c in extract(doc).claims] == []


def test_a_past_tense_result_is_no_outlook_whatever_the_page_date() -> None:
    """A level for a period not yet over at the page's date is an outlook, unless told as a result: a page dated by
    its subject's founding ("reported ... that its total revenue for 2011 was"), a fiscal year the text does not
    date ("For FY24, net profit was" in May 2024)."""
    rows = _claims("Acme results\n\nAcme reported in November 2012 that its total revenue for 2011 was $163 million.",
                   "1998-02-28")
    assert [(r[1], r[5]) for r in rows] == [("revenue", "reported")]
    rows = _claims("Acme results\n\nFor FY24, net profit was Rs 500 crore, Acme said.", "2024-05-10")
    assert [(r[1], r[5]) for r in rows] == [("net_income", "reported")]


def _story(body: str, published: str = "2024-10-24") -> set[tuple[str, float, str, str]]:
    doc = text_document(f"Acme Q3 results\nAcme Corp posted quarterly revenue of $1.31 billion for the quarter ended "
                        f"September 2024.\n{body}", "x.txt", Metadata(published=published))
    return {(c.metric, c.value.low, c.period.label if c.period else "-", str(c.modality)) for c in extract(doc).claims}


def test_earlier_periods_named_as_adjectives_and_a_quarter_ago() -> None:
    assert ("revenue", 1.22e9, "2023-Q3", "prior_period") in _story("This compares to year-ago revenues of $1.22 billion.")
    assert ("revenue", 1.22e9, "2023-Q3", "prior_period") in _story("Year-ago revenue was $1.22 billion.")
    assert ("eps", 1.01, "2024-Q2", "prior_period") in _story("A quarter ago, it posted earnings of $1.01 per share.")
    assert ("eps", 0.95, "2024-Q2", "prior_period") in _story("Last quarter's EPS of $0.95 was a record.")
    assert ("revenue", 1.25e9, "2024-Q2", "prior_period") in _story("Revenue rose from $1.25 billion last quarter.")


def test_next_quarter_in_a_results_story_is_the_one_under_way_and_a_consensus_list_stays_estimates() -> None:
    got = _story("The current consensus EPS estimate is $1.09 on $1.33 billion in revenues for the coming quarter.")
    assert {("eps", 1.09, "2024-Q4", "analyst_estimate"), ("revenue", 1.33e9, "2024-Q4", "analyst_estimate")} <= got
    assert ("revenue", 1.4e9, "2024-Q4", "guidance") in _story("Acme forecast next-quarter revenue of $1.4 billion.")


def test_a_rival_named_as_the_subject_owns_its_figures_and_a_beaten_forecast_has_the_results_period() -> None:
    doc = text_document("Fjordline profit beats\nOSLO, Nov 7 (Reuters) - Norwegian shipper Fjordline Shipping "
                        "(FJORD.OL) reported on Thursday a third-quarter EBITDA of $612 million, beating the $540 "
                        "million forecast in a poll of analysts. Rival Baltic Lines last week reported a 25% rise in "
                        "quarterly revenue to 3.1 billion Danish crowns. Larger rival Maersk reported a 9% rise in "
                        "quarterly revenue.", "x.txt", Metadata(published="2024-11-07"))
    got = {(c.company, c.metric, c.value.low, c.period.label if c.period else "-", str(c.modality))
           for c in extract(doc).claims}
    assert ("Fjordline Shipping", "ebitda", 540e6, "2024-Q3", "analyst_estimate") in got or \
        ("Fjordline", "ebitda", 540e6, "2024-Q3", "analyst_estimate") in got
    assert {c for c, m, *_ in got if m == "revenue"} == {"Baltic Lines", "Maersk"}


def test_an_estimate_naming_no_period_takes_the_period_of_its_metric_just_reported() -> None:
    doc = text_document("Gristmill tops forecasts\nMINNEAPOLIS (AP) - Gristmill Foods Inc. on Wednesday reported "
                        "fiscal second-quarter net income of 72 cents per share. The average estimate of four "
                        "analysts surveyed by Zacks Investment Research was for earnings of 76 cents per share.",
                        "x.txt", Metadata(published="2024-07-31"))
    got = {(c.metric, c.value.low, str(c.modality)): c.period for c in extract(doc).claims}
    reported, expected = got[("eps", 0.72, "reported")], got[("eps", 0.76, "analyst_estimate")]
    assert reported is not None and expected == reported


def test_uk_comparatives_in_parentheses_are_the_earlier_periods_figures() -> None:
    doc = text_document("Halden Group plc: Interim results\nHalden Group plc announces its interim results for the "
                        "six months ended 30 September 2024.\n\n- Revenue up 8% to £412.6m (H1 FY24: £382.1m)\n"
                        "- Statutory profit before tax £29.4m (H1 FY24: £25.0m)\n- Interim dividend increased 6% to "
                        "4.4p per share (H1 FY24: 4.15p)\n- Net debt of £61.0m at 30 September 2024 (31 March 2024: "
                        "£72.4m)\n- Adjusted EPS 14.1p (prior year: 12.6p)\n", "x.txt", Metadata(published="2024-11-14"))
    got = {(c.metric, c.value.low, c.period.start.isoformat() if c.period else "-",
            c.period.end.isoformat() if c.period else "-", str(c.modality)) for c in extract(doc).claims}
    assert ("revenue", 412.6e6, "2024-04-01", "2024-09-30", "reported") in got
    assert ("revenue", 382.1e6, "2023-04-01", "2023-09-30", "prior_period") in got
    assert ("pretax_income", 29.4e6, "2024-04-01", "2024-09-30", "reported") in got  # after a bullet: no segment
    assert ("dividend", 0.0415, "2023-04-01", "2023-09-30", "prior_period") in got  # the metric of its figure
    assert ("net_debt", 72.4e6, "2024-03-31", "2024-03-31", "prior_period") in got
    assert ("adjusted_eps", 0.126, "2023-04-01", "2023-09-30", "prior_period") in got
    # "£33.9m" holds no "9M" (nine months)
    doc = text_document("Acme plc results\nAcme plc: operating profit of £38.2m (H1 FY24: £33.9m).", "x.txt",
                        Metadata(published="2024-11-14"))
    assert all(c.period is None or (c.period.end - c.period.start).days < 200 for c in extract(doc).claims)


def test_a_terse_results_brief_with_surprises_and_outlooks_against_consensus() -> None:
    doc = text_document("---\ntitle: \"Northwind Robotics Non-GAAP EPS of $0.07 beats by $0.03, revenue of $142.3M beats "
                        "by $2.1M\"\ndate: 2024-02-22\n---\n- Northwind Robotics press release (NASDAQ:NWRB): Q4 Non-GAAP "
                        "EPS of $0.07 beats by $0.03.\n- Revenue of $142.3M (+18.0% Y/Y) beats by $2.1M.\n- FY2024 "
                        "Outlook: Revenue of $590M to $610M vs. consensus of $602.3M.\n", "x.md", Metadata())
    got = {(c.company, c.metric, c.value.low, str(c.modality)) for c in extract(doc).claims}
    assert ("Northwind Robotics", "adjusted_eps", 0.07, "reported") in got
    assert ("Northwind Robotics", "revenue", 142.3e6, "reported") in got
    assert ("Northwind Robotics", "revenue", 602.3e6, "analyst_estimate") in got
    assert not {v for _, _, v, _ in got} & {0.03, 2.1e6}  # the gaps to the estimates are no figures


def test_a_yearless_half_of_the_fiscal_year_is_the_latest_that_ended() -> None:
    doc = text_document("Kaito Motors raises annual profit forecast\nTOKYO, Nov 6 (Reuters) - Kaito Motors Corp now "
                        "expects operating profit of 1.2 trillion yen for the fiscal year ending in March 2025. Net "
                        "sales for the first half of the fiscal year rose 9% to 7.3 trillion yen.", "x.txt",
                        Metadata(published="2024-11-06"))
    got = {(c.metric, c.value.low): c.period for c in extract(doc).claims}
    half = got[("revenue", 7.3e12)]
    assert half is not None and (half.start.isoformat(), half.end.isoformat()) == ("2024-04-01", "2024-09-30")


def test_a_possessive_before_a_legal_form_is_the_name_and_links_to_the_headline() -> None:
    got = _claims("Macy's quarterly profit beats estimates\nMacy's Inc said on Thursday its third-quarter net income "
                  "rose to $120 million. McDonald's Corp reported revenue of $6.4 billion for the quarter.",
                  "2025-11-20")
    assert {(c[0], c[1]) for c in got} == {("Macy's", "net_income"), ("McDonald's", "revenue")}


def _article(title: str, body: str, published: str) -> list[tuple[str, str, float, str, str, str]]:
    doc = text_document(body, "x.md", Metadata(title=title, published=published))
    return _rows(extract(doc).claims)


_ROUNDUP = ("Shares of Nvidia Corp. rose 3% in premarket trading on Thursday after the chip designer forecast "
            "third-quarter revenue of $54 billion, plus or minus 2%, above analysts' average estimate of $53.1 billion. "
            "Marvell Technology Inc., meanwhile, slid 12% after it projected current-quarter revenue of about $2.06 "
            "billion.")


def test_a_sector_word_heading_a_roundup_is_no_company_and_each_subject_keeps_its_figures() -> None:
    got = _article("Chipmakers rally after Nvidia, Marvell results", _ROUNDUP, "2025-08-28")
    revenue = {(r[0], r[2]) for r in got if r[1] == "revenue"}
    assert {c for c, _ in revenue} == {"Nvidia", "Marvell Technology"}
    assert not any(r[0] == "Chipmakers" for r in got)


def test_an_estimate_set_against_an_outlook_is_for_the_outlooks_period_and_a_spread_in_percent() -> None:
    doc = text_document(_ROUNDUP, "x.md", Metadata(title="Markets wrap", published="2025-08-28"))
    claims = [c for c in extract(doc).claims if c.metric == "revenue" and c.company == "Nvidia"]
    outlook, estimate = claims[0], claims[1]
    assert (outlook.value.low, outlook.value.high) == (52.92e9, 55.08e9)  # $54 billion, plus or minus 2%
    assert estimate.modality.value == "analyst_estimate" and estimate.period == outlook.period
    assert outlook.period is not None and outlook.period.end > dt.date(2025, 8, 28)


def test_a_rival_named_with_its_and_a_time_before_its_verb_is_a_company_of_its_own() -> None:
    got = _article("Tesco profits jump as shoppers return",
                   "Tesco has reported a 12% rise in half-year profits. Sainsbury's, its nearest rival, last month "
                   "reported a 7% fall in first-half profits to £240m.", "2025-10-01")
    assert {r[0] for r in got if r[2] == 240e6} == {"Sainsbury"}


_TORONTO = ("TORONTO (Reuters) - Shopify Inc on Wednesday posted fourth-quarter revenue above analysts' estimates.\n\n"
            "Revenue rose 31% to $2.81 billion in the three months ended Dec. 31. Gross merchandise volume, the total "
            "value of goods sold on its platform, rose 26% to $94.5 billion.\n\nThe Ottawa-based company forecast "
            "first-quarter revenue growth in the high-twenties percentage range, compared with analysts' estimates "
            "of 24.6% growth.")


def test_a_wire_agencys_dollar_is_the_us_dollar_under_a_canadian_dateline() -> None:
    doc = text_document(_TORONTO, "x.txt", Metadata(title="Shopify beats revenue estimates", published="2026-02-11"))
    assert {c.value.unit for c in extract(doc).claims if c.value.unit != "percent"} == {"USD"}


def test_the_level_a_change_reached_takes_its_metric_and_a_forecasts_estimate_its_quarter() -> None:
    got = _article("Shopify beats revenue estimates", _TORONTO, "2026-02-11")
    assert ("Shopify", "gmv", 94.5e9, "2025-10-01", "2025-12-31", "reported") in got
    assert [r[3:] for r in got if r[2] == 24.6] == [("2026-01-01", "2026-03-31", "analyst_estimate")]


def test_a_yen_companys_full_year_runs_to_march_and_a_relative_clauses_verb_is_not_the_sentences() -> None:
    got = _article("Toyota cuts annual profit forecast",
                   "TOKYO, Nov 5 (Reuters) - Toyota Motor Corp on Wednesday cut its full-year operating profit "
                   "forecast to 3.4 trillion yen.\n\nHonda Motor Co, which reported results last week, slashed its "
                   "annual operating profit outlook to 550 billion yen.", "2025-11-05")
    assert ("Toyota Motor", "operating_income", 3.4e12, "2025-04-01", "2026-03-31", "guidance") in got
    assert [r[5] for r in got if r[0] == "Honda Motor"] == ["guidance"]


def test_a_section_label_before_a_semicolon_is_no_headline_subject() -> None:
    got = _article("COMPANY NEWS; Harwood Mills Earnings Climb 12%",
                   "The Harwood Mills Company, the textile maker based in Greenville, S.C., said yesterday that its net "
                   "income rose 12 percent in the fourth quarter, to $45.2 million, or 82 cents a share.", "1994-02-03")
    assert {r[0] for r in got} == {"Harwood Mills"}


def test_a_result_and_an_outlook_in_one_sentence_and_a_year_to_the_end_of_a_month() -> None:
    got = _article("Siemens Q4 profit beats expectations",
                   "MUNICH, Nov 13 (Reuters) - Siemens AG reported a better-than-expected rise in fourth-quarter "
                   "industrial profit on Thursday and forecast comparable revenue growth of 6% to 8% for its 2026 "
                   "fiscal year.\n\nNet income for the fiscal year to the end of September came in at 10.4 billion "
                   "euros, up from 8.5 billion euros a year earlier.", "2025-11-13")
    assert [r[3:] for r in got if r[1] == "revenue"] == [("2025-10-01", "2026-09-30", "guidance")]
    assert ("Siemens", "net_income", 10.4e9, "2024-10-01", "2025-09-30", "reported") in got


def test_a_change_analysts_had_expected_is_their_estimate() -> None:
    rows = _story("Finance chief Matthew Friend said revenue in the fourth quarter would be down in the "
                  "mid-teens range, worse than the 11.5% decline analysts had expected.", "2024-10-24")
    assert {(m, mod) for m, v, _, mod in rows if v == -11.5} == {("revenue", "analyst_estimate")}
    rows = _story("Acme posted a loss of $3 million, wider than the $2 million loss analysts had forecast.")
    assert {(m, v, mod) for m, v, _, mod in rows if v in (-3e6, -2e6)} == {
        ("net_income", -3e6, "reported"), ("net_income", -2e6, "analyst_estimate")}


def _rival_story(sentence: str) -> set[tuple[str, str, float, str]]:
    text = ("Lululemon raises forecast\n\nDec 5 (Reuters) - Lululemon Athletica (LULU.O) raised its annual revenue "
            f"forecast on Thursday.\n\n{sentence}")
    doc = text_document(text, "x.txt", Metadata(published="2024-12-05"))
    return {(c.company, c.metric, c.value.low, c.measure) for c in extract(doc).claims}


def test_a_subject_with_a_time_adverbial_before_its_verb_owns_its_figures() -> None:
    # "Nike (NKE.N) last month cut ...": Nike's, not the article's company's
    got = _rival_story("Nike (NKE.N) last month cut its revenue forecast, and its revenue fell 10%.")
    assert {c for c, *_ in got} == {"Nike"}


def test_perfect_and_other_change_verbs_of_a_share_move() -> None:
    assert _rival_story("Its shares have fallen 25% since January.") == {
        ("Lululemon Athletica", "share_price", -25.0, "change")}
    assert _rival_story("Its shares slipped 2% on Thursday.") == {("Lululemon Athletica", "share_price", -2.0, "change")}


BLOOMBERG = """Palantir Jumps After Raising Outlook on AI Demand

(Bloomberg) -- Palantir Technologies Inc. raised its annual sales forecast for a third time this year.

Revenue will be as much as $2.81 billion in 2024, the Denver-based company said in a statement Monday. Sales in the
third quarter increased 30% to $726 million.

Excluding some items, Palantir earned 10 cents a share in the period ended Sept. 30, beating the 9 cents analysts had
projected.

Rival C3.ai Inc., which reports next month, said in September that revenue would climb as much as 26%.
"""


def test_the_period_ended_a_date_is_the_period_reported_and_excluding_some_items_is_adjusted() -> None:
    doc = text_document(BLOOMBERG, "x.txt", Metadata(published="2024-11-04"))
    got = {(c.company, c.metric, c.value.low, c.period.label if c.period else None, str(c.modality))
           for c in extract(doc).claims}
    assert ("Palantir Technologies", "adjusted_eps", 0.10, "2024-Q3", "reported") in got
    assert ("Palantir Technologies", "adjusted_eps", 0.09, "2024-Q3", "analyst_estimate") in got
    # "said in September that revenue would climb": when it was said, not a month's revenue
    c3 = [row for row in got if row[0] == "C3.ai"]
    assert c3 and all(row[3] is None or not row[3].startswith(("2025-09", "2024-09")) for row in c3)


def test_a_march_year_company_s_quarters_carry_its_fiscal_names() -> None:
    text = ("Infosys Q2 results: Net profit rises 4.7%\n\nInfosys on Thursday reported a 4.7% year-on-year rise in "
            "consolidated net profit to Rs 6,506 crore for the July-September quarter of FY25. The IT major had "
            "posted a profit of Rs 6,212 crore in the year-ago period.\n\nThe company raised its FY25 revenue growth "
            "guidance to 3.75-4.5% in constant currency, from 3-4% earlier.")
    doc = text_document(text, "x.md", Metadata(published="2024-10-17"))
    got = {(c.metric, c.value.low, c.period.label) for c in extract(doc).claims if c.period and c.measure == "level"}
    assert ("net_income", 65_060_000_000.0, "FY2025-Q2") in got  # July-September 2024, not "2024-Q3"
    assert ("net_income", 62_120_000_000.0, "FY2024-Q2") in got


def test_an_old_forecast_after_a_bracketed_conversion_and_an_average_estimate_after_its_figure() -> None:
    text = ("Sony lifts profit outlook\n\nTOKYO -- Sony Group raised its full-year operating profit forecast on Friday "
            "to 1.31 trillion yen ($8.5 billion), from 1.28 trillion yen, as sales of its consoles grew.\n\n"
            "For the July-September quarter, operating profit rose 69% to 461.8 billion yen, beating the 379 billion "
            "yen average estimate of analysts polled by LSEG.")
    doc = text_document(text, "x.txt", Metadata(published="2024-11-08"))
    got = {(c.value.low, str(c.modality)) for c in extract(doc).claims if c.metric == "operating_income"}
    assert {(1.31e12, "guidance"), (1.28e12, "prior_guidance"), (461.8e9, "reported"),
            (379e9, "analyst_estimate")} <= got


def test_a_business_unit_s_revenue_is_not_its_parent_s_total() -> None:
    text = ("Alphabet beats estimates\n\nOct 29 (Reuters) - Alphabet (GOOGL.O) beat Wall Street estimates on Tuesday."
            "\n\nGoogle Cloud revenue rose 35% to $11.35 billion. Total revenue rose 15% to $88.27 billion.")
    doc = text_document(text, "x.txt", Metadata(published="2024-10-29"))
    revenue = {c.value.low for c in extract(doc).claims if c.metric == "revenue" and c.measure == "level"}
    assert revenue == {88.27e9}  # the unit's $11.35 billion is kept unclassified, not as Alphabet's revenue


def test_a_plural_name_s_possessive_is_the_company_without_its_apostrophe() -> None:
    doc = text_document("Macy's Inc said net income rose to $5 million. Goldman Sachs' earnings per share of $8.40 "
                        "beat estimates. Morgan Stanley's (MS.N) revenue rose 16%.", "x.txt",
                        Metadata(published="2024-10-15"))
    got = {(c.company, c.metric) for c in extract(doc).claims}
    assert ("Goldman Sachs", "eps") in got and ("Macy's", "net_income") in got
    assert not any(name.endswith(("'", "’")) for name, _ in got)
