"""Hand-written articles of other outlets (the eleventh modern-news round: results with hard periods, deals,
layoffs, market wraps, analysts' notes, stories quoting a customer's or a rival's figures): each test fails on the
code before its fix."""

from __future__ import annotations

from tests.conftest import claim_rows as _claims


def test_a_charge_a_company_said_it_would_take_sets_no_fiscal_calendar() -> None:
    # "would take a charge in the second quarter" (published in June): a quarter still to come, not the one
    # reported, so "last year" stays the year before and the calendar the calendar year
    text = ("CLEVELAND, June 3, 2025 - Toolmaker Verrick Machine Works Inc said on Tuesday it would shut its Akron "
            "plant and take a charge of $42 million in the second quarter.\n\nThe company, which had sales of $2.8 "
            "billion last year, employs about 9,000 people.\n")
    claims = _claims(text)
    assert ("Verrick Machine Works", "revenue", "reported", 2.8e9, "2024") in claims, claims


def test_a_capitalized_noun_for_what_the_company_is_is_no_part_of_its_name() -> None:
    text = ("ZURICH, Nov 5, 2025 - Reinsurer Torvik Re AG said its net income for the first nine months rose to $1.2 "
            "billion.\n")
    claims = _claims(text)
    assert [c[0] for c in claims if c[3] == 1.2e9] == ["Torvik Re"], claims


def test_a_results_headings_period_word_is_no_company() -> None:
    text = ("Tasman Freight Limited (ASX: TFL) today announced statutory NPAT of $31.5 million for the half-year.\n\n"
            "Revenue increased 7% to $540.2 million.\n")
    claims = _claims(text, published="2026-02-19", title="Half-year results for the six months to 31 December 2025")
    assert {c[0] for c in claims} == {"Tasman Freight"}, claims


def test_a_prior_corresponding_periods_figure_in_brackets_is_the_earlier_halfs() -> None:
    # ASX: "(pcp: $x)" is the prior corresponding period's figure, of the amount before the change between them
    text = ("Tasman Freight Limited (ASX: TFL) today announced statutory NPAT of $31.5 million for the half-year, up "
            "9% on the prior corresponding period (pcp: $28.9 million).\n")
    claims = _claims(text, published="2026-02-19")
    assert [c[2] for c in claims if c[3] == 28.9e6] == ["prior_period"], claims


def test_a_mover_after_a_discourse_adverb_in_a_market_report_owns_its_result() -> None:
    text = ("NEW YORK, Oct 22, 2025 - Wall Street closed higher on Wednesday. Halden Systems shares jumped 8.1%.\n\n"
            "Elsewhere, Ostrava Cruise Lines fell 5.2% after reporting a third-quarter profit of $210 million.\n")
    claims = _claims(text)
    assert [c[0] for c in claims if c[3] == 210e6] == ["Ostrava Cruise Lines"], claims


def test_a_target_introduced_as_a_us_rival_owns_its_revenue() -> None:
    text = ("LONDON, March 4, 2026 (Reuters) - Packaging group Thornbury Plc agreed to buy U.S. rival Calloway Cartons "
            "for $2.1 billion in cash.\n\nCalloway, based in Memphis, Tennessee, had revenue of $900 million in 2025.\n")
    claims = _claims(text)
    assert [c[0] for c in claims if c[3] == 900e6] == ["Calloway Cartons"], claims


def test_a_customer_set_off_by_commas_with_a_us_description_owns_its_outlook() -> None:
    text = ("TAIPEI, Jan 16, 2026 - Substrate maker Jinhe Materials said on Friday its fourth-quarter net profit rose "
            "12% to T$4.1 billion.\n\nIts biggest customer, U.S. chip designer Ardent Micro, said last month it "
            "expected revenue of $9 billion for its current quarter.\n")
    claims = _claims(text)
    assert [c[0] for c in claims if c[3] == 9e9] == ["Ardent Micro"], claims


def test_a_fiscal_year_named_with_which_ends_and_its_end_is_that_year() -> None:
    # a retailer's 52-week year: "fiscal 2025, which ends Jan. 31, 2026" is a year, not the day it ends
    text = ("March 5, 2025 - Fernhill Stores Inc. said net sales for the fourth quarter ended Feb. 1 rose 4% to $2.2 "
            "billion.\n\nFor fiscal 2025, which ends Jan. 31, 2026, Fernhill expects earnings of $5.10 to $5.40 a "
            "share.\n")
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    got = [(str(c.period.start), str(c.period.end)) if c.period else None
           for c in extract(text_document(text, "x.txt", Metadata())).claims if c.value.low == 5.1]
    assert got == [("2025-02-01", "2026-01-31")], got


def test_a_calendar_the_text_states_is_no_period_of_its_figures() -> None:
    # "has a fiscal year that ends in June": the company's calendar; "the quarter" is the fiscal first quarter
    text = ("NEW YORK -- Bellmont Controls Inc. said net income for its fiscal first quarter, ended Sept. 27, was $8.1 "
            "million, or 22 cents a share.\n\nRevenue for the quarter rose 6% to $140.2 million.\n\nThe Dayton, Ohio, "
            "maker of valves has a fiscal year that ends in June.\n")
    claims = _claims(text, published="1997-10-23")
    assert ("Bellmont Controls", "revenue", "reported", 140.2e6, "FY1998-Q1") in claims, claims


def test_a_quarters_earlier_figure_on_a_fiscal_calendar_is_a_year_before() -> None:
    text = ("NEW YORK -- Bellmont Controls Inc. said net income for its fiscal first quarter, ended Sept. 27, was $8.1 "
            "million.\n\nRevenue for the quarter rose 6% to $140.2 million from $132.3 million.\n")
    claims = _claims(text, published="1997-10-23")
    assert ("Bellmont Controls", "revenue", "prior_period", 132.3e6, "FY1997-Q1") in claims, claims


def test_an_analysts_estimate_up_from_a_figure_previously_is_its_earlier_estimate() -> None:
    text = ("Nov 20, 2025\n\nAnalysts at Larchmont Securities raised their price target on Quarry Dental Group to $88 "
            "from $80.\n\nLarchmont now expects Quarry to earn $3.42 per share in 2026, up from $3.18 previously.\n")
    claims = _claims(text)
    assert [c[2] for c in claims if c[3] == 3.18] == ["analyst_estimate"], claims


def test_a_recaps_quarter_ago_earnings_after_its_adjusted_note_are_adjusted() -> None:
    text = ("Halberd Foods (HLBF) Q3 Earnings Top Estimates\n\nAugust 7, 2025\n\nHalberd Foods (HLBF) came out with "
            "quarterly earnings of $0.91 per share, beating the Zacks Consensus Estimate of $0.86 per share. These "
            "figures are adjusted for non-recurring items.\n\nA quarter ago, it was expected that this company would "
            "post earnings of $0.80 per share when it actually produced earnings of $0.83.\n")
    claims = _claims(text)
    assert [c[1] for c in claims if c[3] == 0.83] == ["adjusted_eps"], claims


def test_a_trailing_twelve_months_end_is_no_fiscal_years_end() -> None:
    text = ("Corliss Media Q1 Results\n\nMay 8, 2025 -- Corliss Media Corp. reported first-quarter revenue of $920 "
            "million, up 3% year over year.\n\nFor the trailing twelve months ended March 31, 2025, free cash flow was "
            "$310 million.\n")
    claims = _claims(text)
    assert ("Corliss Media", "revenue", "reported", 920e6, "2025-Q1") in claims, claims


def test_an_undated_storys_deadline_year_is_not_its_year() -> None:
    # no date: "by 2027" is when savings are due, not the year whose March ends the year reported
    text = ("# Holloway Brewing to cut 900 jobs\n\nHolloway Brewing Co. said on Tuesday it would cut about 900 jobs.\n\n"
            "The brewer, which reported revenue of 3.1 billion pounds for the year to March, expects the plan to save "
            "60 million pounds a year by 2027.\n")
    claims = _claims(text)
    assert [c[4] for c in claims if c[3] == 3.1e9] == [None], claims


def test_flat_to_down_a_percentage_is_a_range_from_no_change() -> None:
    text = "Oct 22, 2025 - Pemberton Tools Inc said it expects fourth-quarter sales to be flat to down 2% from a year earlier.\n"
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    got = [(c.value.low, c.value.high) for c in extract(text_document(text, "x.txt", Metadata())).claims
           if c.metric == "revenue"]
    assert got == [(-2.0, 0.0)], got


def test_a_dated_first_paragraph_under_a_headline_dates_the_text() -> None:
    import datetime as dt

    from claimgraph.sources.readers import Metadata, text_document

    text = "Corliss Media Q1 Results\n\nMay 8, 2025 -- Corliss Media Corp. reported first-quarter revenue of $920 million.\n"
    assert text_document(text, "x.txt", Metadata()).published == dt.date(2025, 5, 8)


def test_an_operator_named_by_what_it_carried_is_the_company_the_airline_stands_for() -> None:
    text = ("OSLO, Sept 3, 2025 - Low-fare carrier Fjordair carried 4.1 million passengers in August.\n\nThe airline "
            "said last month that second-quarter net profit rose 9% to 1.2 billion crowns.\n")
    claims = _claims(text)
    assert [c[0] for c in claims if c[3] == 1.2e9] == ["Fjordair"], claims


def test_an_undated_storys_half_before_the_outlooks_year_to_march() -> None:
    # Kyodo, no date: the outlook's year "through March 2026" runs from April 2025, so the half is April-September 2025
    text = ("TOKYO (Kyodo) -- Kanemori Optical Co. said Tuesday its group net profit for the April-September half rose "
            "8 percent to 41 billion yen.\n\nFor the business year through March 2026, the company expects net profit "
            "of 80 billion yen.\n")
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    got = [(str(c.period.start), str(c.period.end)) if c.period else None
           for c in extract(text_document(text, "x.txt", Metadata())).claims if c.value.low == 41e9]
    assert got == [("2025-04-01", "2025-09-30")], got


def test_an_undated_storys_same_period_of_a_named_year_is_the_year_before_its_own() -> None:
    # UPI, no date: "compared with earnings of $6.2 million in the same period of 1990" dates the story to 1991
    text = ("WASHINGTON (UPI) -- Harbor Federal Savings said Thursday it lost $9.1 million in the third quarter, "
            "compared with earnings of $3.3 million in the same period of 1990.\n")
    claims = _claims(text)
    assert ("Harbor Federal Savings", "net_income", "reported", -9.1e6, "1991-Q3") in claims, claims


def test_an_undated_indian_storys_quarter_is_of_the_fiscal_year_its_outlook_names() -> None:
    # "Bengaluru, Jan 15:" (no year): guidance for FY25 (April 2024 to March 2025) dates the October-December quarter
    text = ("Bengaluru, Jan 15: IT services firm Navrang Technologies on Wednesday reported a consolidated net profit of "
            "Rs 812 crore for the October-December quarter.\n\nThe company narrowed its FY25 revenue growth guidance "
            "to 4.5-5 per cent.\n")
    claims = _claims(text)
    assert [c[4] for c in claims if c[3] == 812e7] == ["FY2025-Q3"], claims


def test_a_fiscal_year_compared_with_a_retail_year_ended_in_february_is_the_year_before() -> None:
    # "fiscal year ended Feb. 1, 2026 ... from $x in fiscal 2024": the retail naming, fiscal 2024 ends in early 2025
    text = ("ATLANTA, Feb 20, 2026 - Oakline Stores Inc. said net income for the 53-week fiscal year ended Feb. 1, 2026 "
            "rose to $640 million from a restated $590 million in fiscal 2024.\n")
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    got = [str(c.period.end) if c.period else None
           for c in extract(text_document(text, "x.txt", Metadata())).claims if c.value.low == 590e6]
    assert got == ["2025-02-01"], got


def test_a_rivals_full_name_before_its_short_name_reporting_owns_its_figure() -> None:
    # "Haldane reported" later makes "Haldane" known; "rival Haldane Trucks said ... its order intake" is still read whole
    text = ("STOCKHOLM, July 17, 2025 - Swedish truckmaker Vinterby AB's second-quarter operating profit fell 14% to 6.2 "
            "billion Swedish crowns, while rival Haldane Trucks said on Wednesday its order intake dropped 9%.\n\n"
            "Haldane reported quarterly sales of 38.7 billion crowns.\n")
    claims = _claims(text)
    assert [c[0] for c in claims if c[3] == -9.0] == ["Haldane Trucks"], claims
