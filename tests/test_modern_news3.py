"""Modern results stories, previews and market reports written for issue 12's modern round (hand-written
sentences: unit tests, not quality figures)."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document
from claimgraph.sources.report import parse_headline


def _claims(text: str, published: str) -> set[tuple[str, str, str, float, str, str, str]]:
    doc = text_document(text, "x.txt", Metadata(published=published))
    return {(c.company, c.metric, str(c.measure), c.value.low, c.value.unit,
             f"{c.period.start}..{c.period.end}" if c.period else "-", str(c.modality)) for c in extract(doc).claims}


def test_the_same_period_of_a_named_year_is_the_compared_figure_s_period() -> None:
    got = _claims("Lumora Biosciences Inc reported a net loss of $31.4 million, or $0.62 per share, for the second "
                  "quarter of 2025, compared with a net loss of $27.9 million, or $0.58 per share, for the same period "
                  "in 2024.", "2025-08-06")
    assert ("Lumora Biosciences", "net_income", "level", -31.4e6, "USD", "2025-04-01..2025-06-30", "reported") in got
    assert ("Lumora Biosciences", "net_income", "level", -27.9e6, "USD", "2024-04-01..2024-06-30",
            "prior_period") in got
    assert ("Lumora Biosciences", "eps", "level", -0.58, "USD", "2024-04-01..2024-06-30", "prior_period") in got


def test_a_change_over_the_same_period_of_a_year_is_not_for_that_year() -> None:
    got = _claims("Harlow Instruments Inc reported its third-quarter results. Overall sales were a record $612 million, "
                  "up 21% over the same period in 2023.", "2024-11-05")
    assert {c[5] for c in got if c[1] == "revenue"} == {"2024-07-01..2024-09-30"}


def test_a_quarter_named_by_its_months_is_the_article_s_quarter() -> None:
    got = _claims("Vardhan Software trims outlook\n\nVardhan Software Ltd on Thursday cut its revenue growth "
                  "forecast for the fiscal year ending March 31 to 3%-4%.\n\nConsolidated net profit for the "
                  "October-December quarter fell 4% to Rs 1,210 crore.\n\nThe company's operating margin was "
                  "19.8% in the quarter.", "2025-01-16")
    # (a year to March: October-December is the third quarter of fiscal 2025, and so is "the quarter")
    assert ("Vardhan Software", "operating_margin", "level", 19.8, "percent", "2024-10-01..2024-12-31",
            "reported") in got


def test_a_hyphenated_quarter_in_a_headline_is_numbered() -> None:
    h = parse_headline("Hanseong Motors flags jump in second-quarter profit")
    assert (h.kind, h.number) == ("quarter", 2)
    text = ("Hanseong Motors flags jump in second-quarter profit\n\nSEOUL, July 4, 2025 - Hanseong Motors Co Ltd said "
            "on Friday its operating profit for April-June was likely 2.1 trillion won.\n\nRevenue probably rose 9% "
            "to 41 trillion won, the company said.")
    got = _claims(text, "2025-07-04")
    assert {c[5] for c in got if c[1] == "revenue"} == {"2025-04-01..2025-06-30"}


def test_a_first_quarterly_decline_names_no_first_quarter() -> None:
    got = _claims("Qilin Media Holdings Ltd reported its first quarterly profit decline in a decade on Wednesday. Net "
                  "profit for April-June fell 3% to 8.2 billion yuan.", "2025-08-13")
    assert ("Qilin Media Holdings", "net_income", "level", 8.2e9, "CNY", "2025-04-01..2025-06-30", "reported") in got
    doc = text_document("Qilin Media Holdings Ltd reported its first quarterly profit decline in a decade on Wednesday. "
                        "Net profit for April-June fell 3% to 8.2 billion yuan.", "x.txt",
                        Metadata(published="2025-08-13"))
    assert {c.period.label for c in extract(doc).claims if c.period} == {"2025-Q2"}  # (not a year to March)


def test_an_amount_compared_with_us_cents_is_in_us_cents_too() -> None:
    got = _claims("SYDNEY, Feb 18 - Southern Cross Minerals Ltd declared an interim dividend of 55 U.S. cents a share, "
                  "up from 41 cents a year earlier.", "2025-02-18")
    assert {(c[3], c[4]) for c in got if c[1] == "dividend"} == {(0.55, "USD"), (0.41, "USD")}


def test_a_forecast_for_the_quarter_ending_in_a_month_is_for_that_quarter() -> None:
    got = _claims("Corvane Systems Inc said revenue rose 35% to $2.1 billion in the first quarter ended March 31. "
                  "Corvane expects revenue of $2.4 billion, plus or minus 2%, for the quarter ending in June.",
                  "2025-04-24")
    assert {(c[5], c[6]) for c in got if c[1] == "revenue" and c[3] > 2.2e9} == {("2025-04-01..2025-06-30",
                                                                                  "guidance")}


def test_a_value_added_to_the_market_value_is_its_change() -> None:
    got = _claims("Shares of Kestrel Semiconductor Corp jumped 9% to $212.40 on Thursday, adding about $31 billion to "
                  "its market value.", "2025-05-29")
    assert {(c[1], c[2]) for c in got if c[4] == "USD" and c[3] > 1e9} == {("market_cap", "change")}


def test_a_commentator_s_firm_is_not_the_article_s_company() -> None:
    text = ("MANILA STOCKS EXTEND RALLY\n\nMANILA, May 6 - The Philippine stock market rose for a fifth day, said "
            "Maria Santos, a director of Pacific Harbor Securities Inc. Industrial firms with bank loans worth 20 "
            "billion pesos or more must issue shares, and turnover reached 9 billion pesos on Tuesday.")
    doc = text_document(text, "x.txt", Metadata(published="1988-05-06"))
    result = extract(doc)
    assert result.main_company is None or "Pacific Harbor" not in result.main_company.name
    assert not any(c.metric in ("revenue", "loans") for c in result.claims)


def test_a_role_and_a_person_before_of_are_no_part_of_the_firm_s_name() -> None:
    text = ("Railroad shares in focus\n\nNEW YORK, March 26 - Analyst Peter Lund of Halvorsen Research Inc said "
            "Northline Rail Corp shares could fall. He sees earnings of 3.10 dlrs per share this year.")
    doc = text_document(text, "x.txt", Metadata(published="1988-03-26"))
    result = extract(doc)
    assert result.main_company is not None and result.main_company.name == "Northline Rail"
    assert all("Lund" not in c.company for c in result.claims)


def test_a_role_s_field_in_lower_case_before_a_name_is_a_person() -> None:
    text = ("PERU PLANS BOND ISSUE\n\nLONDON, April 7 - Peru is arranging a loan, director of public credit Jorge "
            "Alvarado said. Alvarado said the country had 9 billion dlrs of foreign debt at the end of 1987.")
    doc = text_document(text, "x.txt", Metadata(published="1988-04-07"))
    assert all("Alvarado" not in c.company for c in extract(doc).claims)


def test_a_headline_verb_before_the_ticker_s_name_is_cut() -> None:
    assert parse_headline("INVESTOR HAS NORTHGATE MINING <NGM> STAKE").company == "Northgate Mining"


def test_fees_per_share_are_no_earnings_per_share() -> None:
    got = _claims("Harrow Tool Inc said lawyers for the plaintiffs are seeking fees of up to 15 cts per share.",
                  "1988-06-02")
    assert not any(c[1] == "eps" for c in got)


def test_a_deal_s_loss_is_not_net_income() -> None:
    for text in ("Carden Industries Inc said the sale will result in a loss of 2.3 mln dlrs.",
                 "Carden Industries Inc said it would book a loss of 2.3 mln dlrs on the sale of its valve unit."):
        assert not any(c[1] == "net_income" for c in _claims(text, "1988-03-20"))
    assert any(c[1] == "net_income" for c in _claims("Carden Industries Inc posted a net loss of 2.3 mln dlrs in the "
                                                       "quarter.", "1988-03-20"))


def test_an_amount_written_as_an_adjective_names_the_noun_after_it() -> None:
    got = _claims("Brantford Metals Inc will also cover operating costs of the planned 90 mln dlr smelter.",
                  "1988-03-20")
    assert {c[1] for c in got} <= {"unclassified"}


def test_a_year_leading_the_next_figure_is_that_figure_s() -> None:
    got = _claims("In 1986, Société Alvane posted losses of 150 mln francs on sales of two billion after 1985 losses "
                  "of 610 mln francs.", "1987-03-17")
    assert {(c[3], c[5][:4]) for c in got if c[1] == "net_income"} == {(-150e6, "1986"), (-610e6, "1985")}


def test_an_analyst_s_earlier_estimate_is_an_estimate() -> None:
    got = _claims("Vantor Software shares rise\n\nAnalyst Mark Ruiz of Tollgate Securities now expects Vantor Software "
                  "Inc to earn $8.40 per share in 2026, up from $8.10 previously.", "2026-02-10")
    assert {c[6] for c in got if c[1] == "eps"} == {"analyst_estimate"}


def test_a_broker_s_rating_action_headline_is_about_the_company_rated() -> None:
    from claimgraph.sources.report import headline_subject

    assert headline_subject("Barclays lifts Fenwick Labs price target on cloud demand") == "Fenwick Labs"
    assert headline_subject("Morgan Stanley upgrades Vantor to overweight") == "Vantor"
    assert headline_subject("Vantor raises annual forecast") == "Vantor"


def test_a_first_quarter_reported_long_after_the_calendar_one_is_a_fiscal_quarter() -> None:
    text = ("Fenwick Labs beats estimates\n\nMarch 18, 2026\n\nLast week Fenwick Labs Inc reported first-quarter "
            "revenue of $2.4 billion, above the $2.3 billion analysts had expected.")
    got = _claims(text, "2026-03-18")
    # (the calendar first quarter of 2026 has not ended; last year's is no news: the quarter ended in December)
    assert {c[5] for c in got if c[1] == "revenue"} == {"2025-10-01..2025-12-31"}


def test_regions_named_together_are_a_segment() -> None:
    got = _claims("Halden Grocers Plc said sales in the UK & ROI were flat at £21.4 billion, while sales in Central "
                  "Europe fell 2% to £1.6 billion.", "2024-10-03")
    assert not any(c[1] == "revenue" for c in got)


def test_a_half_of_a_split_year_is_of_the_year_that_ends_in_the_second() -> None:
    got = _claims("Halden Grocers interim results\n\nHalden Grocers Plc reported its interim results for the 26 weeks "
                  "to Aug. 24, 2024. Diluted earnings per share were 7.10p (H1 2023/24: 6.40p).", "2024-10-03")
    prior = {c[5] for c in got if c[3] == 0.064}
    assert prior == {"2023-02-25..2023-08-24"}  # (the half a year before, not calendar H1 2024)


def test_a_probable_figure_of_an_ended_quarter_is_preliminary() -> None:
    text = ("Daeho Electronics flags jump in second-quarter profit\n\nSEOUL, July 7, 2025 - Daeho Electronics Co Ltd "
            "said its operating profit for April-June was likely 1.9 trillion won.\n\nRevenue probably rose 12% to 31 "
            "trillion won, the company said in a preliminary earnings release.")
    got = _claims(text, "2025-07-07")
    assert {c[6] for c in got if c[1] in ("operating_income", "revenue")} == {"preliminary"}
    assert ("Daeho Electronics", "revenue", "change_yoy", 12.0, "percent", "2025-04-01..2025-06-30",
            "preliminary") in got


def test_the_three_months_are_no_group_of_companies() -> None:
    got = _claims("Rhenvale AG said revenue rose 6% to €9.1 billion in the three months to March 31, while orders "
                  "climbed 11% to €10.2 billion.", "2025-05-08")
    assert ("Rhenvale", "orders", "level", 10.2e9, "EUR", "2025-01-01..2025-03-31", "reported") in got
    assert ("Rhenvale", "orders", "change_yoy", 11.0, "percent", "2025-01-01..2025-03-31", "reported") in got


def test_a_percentage_of_another_measure_is_a_ratio() -> None:
    got = _claims("Calder Life Inc said annuity net earnings as a percent of annuity core operating earnings improved "
                  "to 104% in the five months after the deal.", "2025-02-05")
    assert not any(c[4] == "percent" and c[1] != "unclassified" for c in got)


def test_the_company_valued_at_is_its_market_value() -> None:
    got = _claims("Kestrel Semiconductor shares jump\n\nShares of Kestrel Semiconductor Corp jumped 9% to $212.40 on "
                  "Thursday. The company is now valued at about $520 billion.", "2025-05-29")
    assert ("market_cap", "level") in {(c[1], c[2]) for c in got if c[3] > 1e11}
    deal = _claims("Kestrel Semiconductor Corp agreed to buy Orbit Inc in a deal valued at $5 billion.", "2025-05-29")
    assert not any(c[1] == "market_cap" for c in deal)


def test_a_bare_loss_compared_with_a_pretax_loss_is_pretax() -> None:
    got = _claims("Larkfield Logistics Plc reported a pretax loss of £84.2 million for the six months to June 30, "
                  "compared with a loss of £61.0 million a year earlier.", "2025-07-24")
    assert {c[1] for c in got} == {"pretax_income"}


def test_the_currency_a_change_is_measured_in_is_no_segment_and_a_weekday_is_no_business_line() -> None:
    got = _claims("Arnholt Pharma A/S said on Wednesday sales rose 14% in Danish kroner to 21.3 billion crowns in the "
                  "first quarter.", "2025-05-07")
    assert ("Arnholt Pharma", "revenue", "level", 21.3e9, "DKK", "2025-01-01..2025-03-31", "reported") in got
    assert ("Arnholt Pharma", "revenue", "change_yoy", 14.0, "percent", "2025-01-01..2025-03-31", "reported") in got


def test_a_unit_named_with_its_appositive_owns_its_revenue() -> None:
    got = _claims("Larkfield Logistics Plc said group revenue rose 6% to £2.1 billion. Larkfield Retail, its joint "
                  "venture with a supermarket chain, saw revenue increase 4% to £1.3 billion.", "2025-07-24")
    assert {c[1] for c in got if c[3] == 1.3e9} == {"unclassified"}


def test_a_loan_s_interest_rate_is_no_change_of_interest_expense() -> None:
    got = _claims("Peru Power SA said interest will be at 1-3/8 pct over Libor during the grace period, after which the "
                  "margin will rise to 1-1/2 pct.", "1988-04-07")
    assert not any(c[1] == "interest_expense" for c in got)
    assert any(c[1] == "operating_margin" for c in _claims("Acme Corp expects its operating margin will rise to 15% in "
                                                           "2026.", "2025-04-07"))


def test_a_constant_currency_outlook_and_the_one_it_replaced_are_kept_apart() -> None:
    got = _claims("Arnholt Pharma A/S now expects sales growth of 12% to 18% at constant exchange rates in 2025, "
                  "compared with 15% to 21% previously.", "2025-05-07")
    assert not any(c[1] == "revenue" for c in got)


def test_a_one_line_prose_paragraph_is_no_table_row() -> None:
    text = ("Mahanadi Steel Q2 profit drops\n\nMahanadi Steel Ltd posted a 6% fall in net profit for the quarter ended "
            "Sept. 30.\n\nRevenue from operations rose marginally to 612.4 billion rupees.")
    got = _claims(text, "2024-10-21")
    assert ("Mahanadi Steel", "revenue", "level", 612.4e9, "INR", "2024-07-01..2024-09-30", "reported") in got


def test_group_income_is_not_net_income() -> None:
    got = _claims("Thamesford Bank Plc said group income was 4.1 billion pounds in the first quarter.", "2024-04-24")
    assert not any(c[1] == "net_income" for c in got)


def test_valuing_the_company_after_a_share_move_is_its_market_value() -> None:
    got = _claims("Thamesford Bank Plc shares were up 4.2% at 188.4 pence, valuing the lender at about 21 billion "
                  "pounds.", "2024-04-24")
    assert ("market_cap", "level") in {(c[1], c[2]) for c in got if c[4] == "GBP" and c[3] > 1e10}
    deal = _claims("Acme Corp shares rose 20% after Beta Inc made an offer valuing the company at about 3 billion "
                   "dollars.", "2024-04-24")
    assert not any(c[1] == "market_cap" for c in deal)


def test_a_dateline_s_publisher_is_no_segment_and_an_outlook_sentence_s_year_reaches_far() -> None:
    text = ("Skyward cuts delivery target\n\nTOULOUSE, June 25 (Aero Business Daily) - Skyward Aerospace SE cut its "
            "2024 target for jet deliveries to around 640 aircraft from about 680 on Tuesday, and lowered its forecast "
            "for adjusted operating profit to between 4.1 billion and 4.4 billion euros, from around 5 billion euros.")
    got = _claims(text, "2024-06-25")
    assert ("Skyward Aerospace", "adjusted_operating_income", "level", 4.1e9, "EUR", "2024-01-01..2024-12-31",
            "guidance") in got


def test_the_current_quarter_after_a_52_week_quarter_is_the_next_one() -> None:
    text = ("Halvard Outdoor guides higher\n\nHalvard Outdoor Inc said net sales for its fiscal fourth quarter ended "
            "Jan. 29 rose 14% to $812 million.\n\n- Net income was $61.3 million.\n\nFor the current quarter, Halvard "
            "expects net sales of $690 million to $710 million.")
    got = _claims(text, "2022-03-03")
    outlook = [c for c in got if c[3] == 690e6]
    assert outlook and outlook[0][5] >= "2022-01-30" and outlook[0][6] == "guidance"


def test_a_dividend_compared_with_a_year_earlier_is_a_dividend() -> None:
    got = _claims("OSLO, Feb 14 - Fjordnett ASA proposed a dividend of 6.20 crowns per share for 2018, up from 5.90 "
                  "crowns a year earlier.", "2019-02-14")
    assert {c[1] for c in got} == {"dividend"}


def test_a_deal_s_effect_per_share_is_no_eps() -> None:
    got = _claims("Pemberton Foods Inc expects the deal to add about 8 cents a share to adjusted earnings in the first "
                  "full year after closing.", "2018-05-02")
    assert not any(c[1] in ("eps", "adjusted_eps") for c in got)


def test_a_surname_after_a_title_of_office_is_a_person() -> None:
    text = ("BUDGET TALKS RESUME\n\nWASHINGTON, March 20 - Prime Minister Hallam's budget proposed about 30 billion "
            "dlrs in deficit cuts, including some 12 billion dlrs in new revenues from asset sales. Hallam said the "
            "plan meets the target.")
    doc = text_document(text, "x.txt", Metadata(published="1988-03-20"))
    result = extract(doc)
    assert all("Hallam" not in c.company for c in result.claims)
    assert result.main_company is None or "Hallam" not in result.main_company.name


def test_a_stock_that_closed_points_higher_moved_by_that_much() -> None:
    text = ("BURGER CHAIN SHARES RISE\n\nNEW YORK, March 23 - Grillhouse Restaurants Inc said sales rose. Friday, the "
            "stock closed 2-3/8 points higher.")
    got = _claims(text, "1988-03-21")
    assert ("Grillhouse Restaurants", "share_price", "change", 2.375, "USD", "1988-03-18..1988-03-18",
            "reported") in got


def test_a_share_move_in_words_after_an_appositive() -> None:
    text = ("FAST FOOD SHARES\n\nNEW YORK, March 23 - Grillhouse Restaurants Inc said sales rose. Tacoville Inc, "
            "another operator of fast food restaurants, rose two to 14-1/4 in active trading.")
    got = {(c[0], c[2], c[3]) for c in _claims(text, "1988-03-23") if c[1] == "share_price"}
    assert got == {("Tacoville", "change", 2.0), ("Tacoville", "level", 14.25)}


def test_an_early_estimate_compared_with_an_earlier_year_is_for_the_year_after_and_so_is_the_estimate() -> None:
    text = ("WALL STREET STOCKS/HARBORVIEW STORES\n\nNEW YORK, Feb 10 - Harborview Stores Inc fell 1-1/8 to 21. "
            "Harborview said it expects to report earnings of between 64 and 69 cts per share compared with 1.08 "
            "dlrs per share in 1986. \"We were looking for 1.02 dlrs,\" said an analyst at a major Wall Street firm.")
    got = _claims(text, "1988-02-10")
    assert {(c[5], c[6]) for c in got if c[3] == 0.64} == {("1987-01-01..1987-12-31", "preliminary")}
    assert {(c[5], c[6]) for c in got if c[3] == 1.02} == {("1987-01-01..1987-12-31", "analyst_estimate")}


def test_a_sentence_opening_on_a_metric_keeps_the_company_before_for_all_its_figures() -> None:
    got = _claims(
        "Chipmakers split as Quillon beats and Arvex stumbles\n\nTwo chip designers reported on Wednesday.\n\n"
        "Quillon Semiconductor (NASDAQ: QLN) said revenue for its fiscal third quarter, which ended Oct. 26, rose 34% "
        "to $4.81 billion. Net income was $1.12 billion, or $2.31 a share, compared with $705 million, or $1.45 a "
        "share, a year earlier. The Santa Clara-based company forecast fourth-quarter revenue of $5.1 billion.\n\n"
        "Rival Arvex Devices Inc. posted a third-quarter loss of $88 million, or 14 cents a share. Sales slipped 6% "
        "to $1.37 billion. Arvex's data-center segment grew 11% to $612 million.\n\n"
        "Quillon shares rose 7% in after-hours trading; Arvex fell 9%.", "2025-11-06")
    per_share = {(c[0], c[3]) for c in got if c[1] == "eps"}
    assert per_share == {("Quillon Semiconductor", 2.31), ("Quillon Semiconductor", 1.45), ("Arvex Devices", -0.14)}
    assert {c[0] for c in got if c[6] == "guidance"} == {"Quillon Semiconductor"}  # "The Santa Clara-based company"


def test_a_fall_in_the_next_clause_is_not_the_figure_s() -> None:
    got = _claims("Quillon Semiconductor reported results.\n\nArvex Devices Inc. fell 4%, while Quillon shares rose 2%."
                  "\n\nQuillon shares rose 7%; Arvex fell 9%.", "2025-11-06")
    moves = {(c[0], c[3]) for c in got if c[1] == "share_price"}
    assert ("Quillon Semiconductor", 7.0) in moves  # (not -7: "fell" is the next clause's)
    assert ("Arvex Devices", -4.0) in moves and ("Quillon Semiconductor", 2.0) in moves


def test_a_statutory_figure_is_the_company_total_not_a_unit_named_statutory() -> None:
    got = _claims("Harcastle Group plc interim results\n\nHarcastle Group plc today announces its interim results for "
                  "the six months ended 30 June 2025.\n\n- Statutory profit before tax of £118.6m (H1 2024: £97.2m)\n"
                  "- Basic earnings per share of 21.4p (H1 2024: 17.9p)", "2025-07-29")
    assert ("Harcastle Group", "pretax_income", "level", 118.6e6, "GBP", "2025-01-01..2025-06-30", "reported") in got
    assert ("Harcastle Group", "pretax_income", "level", 97.2e6, "GBP", "2024-01-01..2024-06-30", "prior_period") in got
    assert ("Harcastle Group", "eps", "level", 0.214, "GBP", "2025-01-01..2025-06-30", "reported") in got


def test_a_preview_s_estimates_are_for_the_quarter_awaited_and_the_year_earlier_figures_are_prior() -> None:
    got = _claims("Kestrel Airlines Holdings Inc. is scheduled to report fourth-quarter results after the bell on "
                  "Tuesday.\n\nAnalysts polled by FactSet expect earnings of 42 cents a share on revenue of $3.86 "
                  "billion, compared with earnings of 31 cents a share and revenue of $3.52 billion in the "
                  "year-earlier quarter.\n\nAnalysts expect revenue of $3.9 billion for the first quarter.", "2024-03-03")
    q4, q4_before = "2023-10-01..2023-12-31", "2022-10-01..2022-12-31"
    assert ("Kestrel Airlines Holdings", "eps", "level", 0.42, "USD", q4, "analyst_estimate") in got
    assert ("Kestrel Airlines Holdings", "revenue", "level", 3.86e9, "USD", q4, "analyst_estimate") in got
    assert ("Kestrel Airlines Holdings", "eps", "level", 0.31, "USD", q4_before, "prior_period") in got
    assert ("Kestrel Airlines Holdings", "revenue", "level", 3.52e9, "USD", q4_before, "prior_period") in got
    assert ("Kestrel Airlines Holdings", "revenue", "level", 3.9e9, "USD", "2024-01-01..2024-03-31",
            "analyst_estimate") in got


def test_a_correction_note_s_misstated_figure_is_superseded_not_reported() -> None:
    got = _claims("Tollan Logistics Corp. said Wednesday its first-quarter revenue rose 9% to $4.01 billion.\n\n"
                  "Correction: An earlier version of this article misstated first-quarter revenue as $4.1 billion. "
                  "It was $4.01 billion.", "2025-05-08")
    revenue = {(c[3], c[6]) for c in got if c[1] == "revenue" and c[2] == "level"}
    assert revenue == {(4.01e9, "reported"), (4.1e9, "preliminary")}  # (the analysis marks it superseded)


def test_typeset_ligatures_copied_from_a_pdf_read_as_letters() -> None:
    got = _claims("Veltrix Systems Inc reported results for its third quarter of \ufb01scal 2025, ended July 31, 2025. "
                  "Revenue was $142.7 million.", "2025-08-28")
    assert ("Veltrix Systems", "revenue", "level", 142.7e6, "USD", "2025-05-01..2025-07-31", "reported") in got


def test_a_headline_s_bare_profit_is_the_body_s_figure_of_the_same_value() -> None:
    got = _claims("Corvel AG profit falls 23% on weak demand\n\nFRANKFURT, Feb 12 (Reuters) - Corvel AG said on "
                  "Wednesday its fourth-quarter operating profit fell 23% to 412 million euros. Net income rose 4% to "
                  "288 million euros thanks to a tax gain.", "2025-02-12")
    changes = {(c[1], c[3]) for c in got if c[2] == "change_yoy"}
    assert changes == {("operating_income", -23.0), ("net_income", 4.0)}  # (no net income falling 23% and rising 4%)


def test_a_first_half_reported_two_months_on_is_the_half_to_june_and_co_ltd_is_stripped() -> None:
    got = _claims("Minghai Auto first-half profit climbs\n\nSHANGHAI, Aug 28, 2025 - Minghai Automobile Co Ltd "
                  "(600123.SS) said on Thursday net profit rose 12.4% year-on-year to 3.41 billion yuan in the first "
                  "half.", "2025-08-28")
    assert ("Minghai Automobile", "net_income", "level", 3.41e9, "CNY", "2025-01-01..2025-06-30", "reported") in got


def test_another_company_s_stated_fiscal_quarter_is_its_calendar_not_the_article_s() -> None:
    got = _claims(
        "Chipmakers split as Quillon beats and Arvex stumbles\n\nTwo chip designers reported on Wednesday.\n\n"
        "Quillon Semiconductor (NASDAQ: QLN) said revenue for its fiscal third quarter, which ended Oct. 26, rose 34% "
        "to $4.81 billion. The Santa Clara-based company forecast fourth-quarter revenue of $5.1 billion.\n\n"
        "Rival Arvex Devices Inc. posted a third-quarter loss of $88 million, or 14 cents a share. Arvex now expects "
        "full-year revenue of about $5.6 billion.\n\nArvex shares fell 9%; Arvex Devices Inc. is based in Austin.",
        "2025-11-06")
    periods = {(c[0], c[1], c[6]): c[5] for c in got if c[2] == "level"}
    assert periods[("Quillon Semiconductor", "revenue", "reported")] == "2025-07-27..2025-10-26"
    assert periods[("Quillon Semiconductor", "revenue", "guidance")] == "2025-11-01..2026-01-31"  # its fiscal Q4
    assert periods[("Arvex Devices", "net_income", "reported")] == "2025-07-01..2025-09-30"  # the calendar's
    assert periods[("Arvex Devices", "revenue", "guidance")] == "2025-01-01..2025-12-31"
