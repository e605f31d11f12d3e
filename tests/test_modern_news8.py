"""Hand-written articles in formats of other outlets and decades (the eighth modern-news round): each test fails on
the code before its fix."""

from __future__ import annotations

from tests.conftest import claim_rows as _claims


def test_a_person_named_after_a_role_ends_with_the_sentence() -> None:
    # "said CFO Martina Keller. Ruhrwerk continues": the next sentence's first word is no part of her name
    text = ("Essen, 6 November 2025 – Ruhrwerk AG increased Group sales by 3.2% to €6.84 billion in the third quarter "
            "of 2025.\n\n\"We are on track,\" said CFO Martina Keller. Ruhrwerk confirmed its guidance for fiscal 2025 and "
            "continues to expect adjusted EBITDA "
            "of between €3.5 billion and €3.7 billion.\n")
    claims = _claims(text)
    assert ("Ruhrwerk", "revenue", "reported", 6.84e9, "2025-Q3") in claims, claims
    assert ("Ruhrwerk", "adjusted_ebitda", "guidance", 3.5e9, "2025") in claims, claims


def test_a_description_before_the_name_of_the_subject() -> None:
    text = ("DUBLIN, Jan 6, 2026 (Reuters) - Irish low-cost carrier Shannonair said on Tuesday it still expects "
            "full-year net profit of between 1.4 billion and 1.5 billion euros for the year to March 31.\n")
    claims = _claims(text)
    assert ("Shannonair", "net_income", "guidance", 1.4e9, "FY2026") in claims, claims
    # a research firm's view names no company of the figures
    text = ("Research firm Kestrel Data said on Tuesday that smartphone shipments would grow 4% this year.\n")
    assert not any(c[0] == "Kestrel Data" for c in _claims(text))


def test_profit_after_tax_is_net_income() -> None:
    text = ("DUBLIN, Jan 6, 2026 (Reuters) - Shannonair Plc said on Tuesday it expects full-year profit after tax "
            "of 1.4 billion euros.\n")
    assert [c[1] for c in _claims(text)] == ["net_income"], _claims(text)


def test_headline_earnings_per_share_is_not_eps() -> None:
    # South Africa's main profit measure excludes remeasurements; basic EPS is stated beside it
    text = ("JOHANNESBURG, March 4, 2025 - Protea Retail Holdings said on Tuesday its headline earnings per share "
            "rose 12% to 512 cents in the six months to December 29. Basic earnings per share were 498 cents.\n")
    claims = _claims(text)
    assert [c[3] for c in claims if c[1] == "eps"] == [4.98], claims


def test_a_parallel_on_revenues_of_phrase_names_its_own_figure_only() -> None:
    # UPI and Dow Jones style: "earned X, or Y a share, on revenues of Z, compared with X', or Y' a share, on revenues of
    # Z'": X' is the earlier net income, not revenue
    text = ("HOUSTON (UPI) -- For all of 1993, Calloway Petroleum Corp. earned $48.1 million, or $1.98 a share, on "
            "revenues of $861 million, compared with $55.3 million, or $2.28 a share, on revenues of $902 million in "
            "1992.\n")
    claims = _claims(text)
    assert ("Calloway Petroleum", "net_income", "prior_period", 55.3e6, "1992") in claims, claims
    assert not any(c[1] == "revenue" and c[3] == 55.3e6 for c in claims), claims
    # a figure compared with the one "on turnover of" names is still turnover
    text = "Unilever NV said turnover fell on lower prices, with sales of 627.8 mln guilders, down from 662.6 mln.\n"
    assert [c[1] for c in _claims(text) if c[3] == 662.6e6] == ["revenue"], _claims(text)


def test_an_outlook_for_the_year_the_reported_quarter_ends_is_the_next_year() -> None:
    # a retailer naming its years after the calendar year they start in: the fourth quarter ended February 1, 2025
    # closes fiscal 2024, so the outlook for fiscal 2025 is for the year to January 2026 (not a preliminary figure)
    text = ("NEW YORK, March 5, 2025 - Pinecrest Stores Inc. said net sales rose 9.8% to $4.31 billion in the fourth "
            "quarter ended February 1, 2025.\n\nFor fiscal 2024, a 53-week year, net sales were $15.6 billion.\n\n"
            "For fiscal 2025, Pinecrest expects diluted earnings per share of $6.10 to $6.40.\n")
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    got = {(c.metric, c.modality, c.value.low, c.period.end.isoformat() if c.period else None)
           for c in extract(text_document(text, "x.txt", Metadata())).claims}
    assert ("eps", "guidance", 6.1, "2026-02-01") in got or ("eps", "guidance", 6.1, "2026-01-31") in got, got
    assert ("revenue", "reported", 15.6e9, "2025-02-01") in got, got


def test_a_year_as_the_subject_of_a_sentence_is_the_period_of_the_figures_after_it() -> None:
    # an investor letter: no quarter named anywhere, dated by its signature in March
    text = ("Dear Fellow Shareholders,\n\n2024 was a year of progress for Marlowe & Finch Holdings. Revenue grew 14% to "
            "$2.86 billion, and net income reached $318 million, compared with $271 million in 2023.\n\n"
            "Eleanor Marlowe\nChief Executive Officer\nMarch 14, 2025\n")
    import datetime as dt

    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    doc = text_document(text, "x.txt", Metadata(published=dt.date(2025, 3, 14)))
    got = {(c.metric, c.modality, c.value.low, c.period.label if c.period else None) for c in extract(doc).claims}
    assert ("revenue", "reported", 2.86e9, "2024") in got, got
    assert ("net_income", "reported", 318e6, "2024") in got, got
    assert ("net_income", "prior_period", 271e6, "2023") in got, got


_DJ = ("MINNEAPOLIS{date} -- Wendover Instruments Inc. said net income for its fiscal second quarter rose 18%.\n\n"
       "Net income for the quarter ended Jan. 31 was $4.6 million, or 38 cents a share, compared with $3.9 million, or "
       "32 cents a share, a year earlier.\n\n"
       "For the six months, net income was $8.8 million, or 72 cents a share, compared with $7.5 million, or 61 cents "
       "a share, in the like 1995 period.\n")


def test_the_like_year_period_is_the_figure_before_s_period_in_that_year() -> None:
    # Dow Jones Newswires in the 1990s: "the six months" and "the like 1995 period" (the same six months a year earlier)
    claims = _claims(_DJ.format(date=", Feb. 20, 1996"))
    assert ("Wendover Instruments", "net_income", "reported", 8.8e6, "FY1996-H1") in claims, claims
    assert ("Wendover Instruments", "net_income", "prior_period", 7.5e6, "FY1995-H1") in claims, claims
    # undated: the like period's year is the comparison's, so the story's own year is the one after it
    claims = _claims(_DJ.format(date=""))
    assert ("Wendover Instruments", "net_income", "prior_period", 3.9e6, "3M-1995-01-31") in claims, claims
    assert [c[4] for c in claims if c[3] == 7.5e6] == ["1995-H1"], claims


def test_net_profit_after_deducting_non_recurring_items_is_adjusted() -> None:
    # a Chinese listed company's second net profit figure: after deducting non-recurring items
    text = ("Jinhai Pharmaceutical Group Co. Ltd. reported net profit attributable to shareholders of 1.82 billion yuan "
            "for the first half of 2025, up 19.4% year-on-year. Net profit attributable to shareholders after "
            "deducting non-recurring items was 1.71 billion yuan.\n")
    claims = _claims(text)
    assert ("Jinhai Pharmaceutical Group", "adjusted_net_income", "reported", 1.71e9, "2025-H1") in claims, claims
    assert [c[3] for c in claims if c[1] == "net_income" and c[3] > 100] == [1.82e9], claims
    # "non-recurring gains and losses" is no loss
    text = text.replace("non-recurring items", "non-recurring gains and losses")
    assert not any(c[3] < 0 for c in _claims(text)), _claims(text)


def test_a_share_move_in_cents_to_a_local_dollar_price_is_in_that_currency() -> None:
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    text = ("TORONTO (CP) -- Shares of Lakehead Paperboard Ltd. (TSX:LKP) fell 22 cents to C$6.48 on the Toronto Stock "
            "Exchange on Wednesday.\n")
    got = [(c.metric, c.value.low, c.value.unit) for c in extract(text_document(text, "x.txt", Metadata())).claims]
    assert ("share_price", -0.22, "CAD") in got, got


def test_an_undated_story_s_share_move_has_no_day() -> None:
    # "on Friday" in a story with no date: no day to give, and a move of the day is no year-on-year change
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    text = ("Mumbai: Kaveri Cements Ltd on Friday reported a 31% jump in consolidated net profit to ₹612 crore in "
            "Q2FY26.\n\nShares of Kaveri Cements closed 2.3% higher at ₹11,420 apiece on the BSE on Friday.\n")
    got = [(c.measure.value, c.value.low, c.period) for c in extract(text_document(text, "x.txt", Metadata())).claims
           if c.metric == "share_price"]
    assert got == [("change", 2.3, None), ("level", 11420.0, None)], got


def test_a_headline_s_rounded_change_is_the_body_s() -> None:
    text = ("Jinhai Pharmaceutical's first-half profit climbs 19%\n\nAugust 22, 2025\n\nJinhai Pharmaceutical Group "
            "Co. Ltd. reported net profit attributable to shareholders of 1.82 billion yuan for the first half of "
            "2025, up 19.4% year-on-year.\n")
    claims = _claims(text)
    assert [c[3] for c in claims if c[1] == "net_income" and c[3] < 100] == [19.4], claims
    # a headline's change the body does not state otherwise stays
    text = text.replace("up 19.4% year-on-year", "up from 1.52 billion yuan")
    assert 19.0 in [c[3] for c in _claims(text)], _claims(text)


def test_an_amount_per_unit_of_output_is_no_total() -> None:
    text = ("Perth, 23 October 2025 - Bluegum Minerals Ltd reported sales revenue of A$612 million for the September "
            "quarter, and all-in sustaining costs were A$1,985 per ounce.\n")
    claims = _claims(text)
    assert [c[3] for c in claims if c[1] == "revenue"] == [612e6], claims


def test_an_undated_story_s_year_is_after_a_compared_half_s() -> None:
    text = ("NEW YORK (AP) - Calder Stores Inc. said Tuesday its second-quarter earnings rose 22 percent to $14.3 "
            "million.\n\nFor the first half, Calder earned $25.1 million, or $1.07 a share, up from $20.2 million, or "
            "86 cents a share, in the first half of 1987.\n")
    claims = _claims(text)
    assert ("Calder Stores", "net_income", "reported", 25.1e6, "1988-H1") in claims, claims
    assert ("Calder Stores", "net_income", "prior_period", 20.2e6, "1987-H1") in claims, claims


def test_last_year_compared_with_a_year_earlier_is_last_year_s_own_figure() -> None:
    # Yonhap and Kyodo annual results: "X last year from Y a year earlier" (X is last year's result, Y the year before)
    text = ("SEOUL, Jan. 30, 2025 (Yonhap) -- Daeseong Heavy Industries Co. said Thursday it swung to a net profit of "
            "84.2 billion won last year from a net loss of 112.5 billion won a year earlier.\n")
    claims = _claims(text)
    assert ("Daeseong Heavy Industries", "net_income", "reported", 84.2e9, "2024") in claims, claims
    assert ("Daeseong Heavy Industries", "net_income", "prior_period", -112.5e9, "2023") in claims, claims
    # "compared with X last year" stays the earlier figure
    text = ("SEOUL, Jan. 30, 2025 (Yonhap) -- Daeseong Heavy Industries Co. said its fourth-quarter net profit was 20.1 "
            "billion won, compared with 12.5 billion won last year.\n")
    assert ("Daeseong Heavy Industries", "net_income", "prior_period", 12.5e9, "2023-Q4") in _claims(text)


def test_revenue_from_ordinary_activities_is_the_revenue() -> None:
    # an Australian half-year report's first line ("Results for announcement to the market")
    text = ("Sydney, 20 February 2025 - Harbourline Group Limited (ASX: HBL) reported results for the half-year ended "
            "31 December 2024.\n\nRevenue from ordinary activities of $1.12 billion, up 6%.\n")
    claims = _claims(text)
    assert [c[1] for c in claims if c[3] == 1.12e9] == ["revenue"], claims


def test_a_dateline_without_a_place_is_no_headline_and_no_company() -> None:
    # Reuters' company news since about 2020: "Oct 29 (Reuters) -" opens the first paragraph, which is no headline
    text = ("Oct 29 (Reuters) - Greywater Payments Inc on Wednesday forecast fourth-quarter revenue above Wall Street "
            "estimates, sending its shares up 6% in extended trading.\n\nThird-quarter revenue rose 12% to $1.22 "
            "billion.\n")
    claims = _claims(text)
    assert claims and {c[0] for c in claims} == {"Greywater Payments"}, claims


def test_an_insurer_s_combined_ratio_is_no_change_of_its_profit() -> None:
    text = ("ZURICH, Nov 13, 2025 (Reuters) - Alpenrueck Insurance Group reported a 14% rise in nine-month net income to "
            "$4.1 billion on Thursday, as its property and casualty combined ratio improved to 92.1% from 94.3% a year "
            "earlier.\n")
    claims = _claims(text)
    assert [c[3] for c in claims if c[1] == "net_income"] == [14.0, 4.1e9], claims


def test_the_base_of_a_change_is_not_the_period_of_the_next_clause() -> None:
    text = ("SAO PAULO, Nov 5, 2025 - Aco Paraibuna SA posted net income of R$1.24 billion in 3Q25, up 31% from 3Q24, "
            "while net revenue fell 2.4% to R$16.8 billion.\n")
    claims = _claims(text)
    assert ("Aco Paraibuna", "revenue", "reported", 16.8e9, "2025-Q3") in claims, claims


def test_a_line_with_the_day_and_time_of_posting_dates_the_text() -> None:
    # Seeking Alpha's news line: "Oct. 23, 2025 4:05 PM ET | Company (TICKER)"
    from claimgraph.sources.extract import dateline_date

    assert str(dateline_date("Orbiton Labs Q3 EPS beats\n\nOct. 23, 2025 4:05 PM ET | Orbiton Labs, Inc. (ORBL)\n")) \
        == "2025-10-23"
    text = ("Orbiton Labs Q3 Non-GAAP EPS of $1.05 beats by $0.04\n\nOct. 23, 2025 4:05 PM ET | Orbiton Labs, Inc. "
            "(ORBL)\n\nQ3 Non-GAAP EPS of $1.05 beats by $0.04.\nQ4 guidance: revenue of $860M-$880M.\n")
    claims = _claims(text)
    assert ("Orbiton Labs", "revenue", "guidance", 860e6, "2025-Q4") in claims, claims


def test_a_comparison_s_base_period_then_on_revenue_of() -> None:
    # a UK half-year statement: "up 8.2% on the first half of 2024, on revenue of £2.31bn" (this half's revenue)
    text = ("LONDON, 12 September 2025 - Thistledown Homes plc reported pre-tax profit of £412.6m for the six months to "
            "30 June, up 8.2% on the first half of 2024, on revenue of £2.31bn.\n")
    claims = _claims(text)
    assert ("Thistledown Homes", "revenue", "reported", 2.31e9, "2025-H1") in claims, claims


def test_consolidated_pat_is_net_income() -> None:
    text = "Sarvottam Steel Ltd reported a consolidated PAT of ₹2,418 crore for Q2FY26, up 17% year-on-year.\n"
    assert ("Sarvottam Steel", "net_income", "reported", 24.18e9, "FY2026-Q2") in _claims(text), _claims(text)


def test_the_company_a_year_was_good_for_in_a_letter() -> None:
    text = ("To our shareholders:\n\nFiscal 2025 was another strong year for Kittering Brands. For the fiscal year "
            "ended June 30, 2025, net sales increased 7% to $3.42 billion.\n\nMargaret Kittering, Chair and CEO\n"
            "August 28, 2025\n")
    claims = _claims(text)
    assert ("Kittering Brands", "revenue", "reported", 3.42e9, "FY2025") in claims, claims
    text = "2023 was a difficult year for Wall Street. Acme Corp said revenue rose 5% to $3 billion.\n"
    assert {c[0] for c in _claims(text)} == {"Acme"}, _claims(text)


def test_recurring_profit_and_recurring_net_income() -> None:
    # Japan's recurring (ordinary) profit is before extraordinary items and taxes; a Brazilian bank's recurring net
    # income is its adjusted net income
    text = ("TOKYO, Nov 7, 2025 (Kyodo) -- Hoshino Optical Co. said its recurring profit rose 12% to 61.2 billion yen "
            "in the April-September half.\n")
    assert not any(c[1] == "net_income" for c in _claims(text)), _claims(text)
    text = ("SAO PAULO, Nov 12, 2025 - Banco Itaperuna SA reported third-quarter recurring net income of 2.31 billion "
            "reais.\n")
    assert [c[1] for c in _claims(text)] == ["adjusted_net_income"], _claims(text)


def test_a_japanese_fiscal_year_is_named_after_the_year_it_starts_in() -> None:
    # Kyodo: "fiscal 2024" (results, April 2024 to March 2025) and "fiscal 2025" (the outlook, to March 2026)
    text = ("TOKYO, May 12, 2025 (Kyodo) -- Hoshino Optical Co. said Monday its group net profit for fiscal 2024 rose "
            "14.2 percent to 38.6 billion yen. For fiscal 2025, it projects net profit of 41.0 billion yen.\n")
    claims = _claims(text)
    assert ("Hoshino Optical", "net_income", "reported", 38.6e9, "FY2025") in claims, claims
    assert ("Hoshino Optical", "net_income", "guidance", 41.0e9, "FY2026") in claims, claims
    # an Indian "FY25" is named after the year it ends in
    text = ("Mumbai, May 5, 2025 (PTI) Larkspur Textiles Ltd reported FY25 net profit of Rs 1,410 crore. For FY26, it "
            "expects revenue growth of 12 per cent.\n")
    assert ("Larkspur Textiles", "net_income", "reported", 14.1e9, "FY2025") in _claims(text), _claims(text)
