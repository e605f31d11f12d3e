"""Modern results stories from outside the U.S. reported in English, market wraps, analyst notes and previews
(hand-written sentences: unit tests, not quality figures)."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Format, Metadata, text_document


def _claims(text: str, published: str) -> set[tuple[str, str, str, float, str, str]]:
    doc = text_document(text, "x.txt", Metadata(published=published))
    return {(c.company, c.metric, str(c.measure), c.value.low, c.value.unit,
             f"{c.period.start}..{c.period.end}" if c.period else "-") for c in extract(doc).claims}


def test_reais_are_brazilian_money_and_the_dollar_conversion_is_dropped() -> None:
    got = _claims("Petrobras posted net income of 32.55 billion reais ($5.66 billion) for the third quarter, down "
                  "from 26.6 billion reais a year earlier.", "2024-11-07")
    assert ("Petrobras", "net_income", "level", 32.55e9, "BRL", "2024-07-01..2024-09-30") in got
    assert ("Petrobras", "net_income", "level", 26.6e9, "BRL", "2023-07-01..2023-09-30") in got
    assert not any(c[4] == "USD" for c in got)


def test_revenue_at_its_named_group_is_a_unit_not_the_company() -> None:
    got = _claims("Alibaba Group Holding Ltd reported revenue of 236.50 billion yuan for the quarter ended Sept. 30. "
                  "Revenue at its cloud intelligence group rose 7% to 29.61 billion yuan.", "2024-11-15")
    assert {c[1] for c in got if c[3] == 29.61e9} == {"unclassified"}
    assert ("Alibaba Group Holding", "revenue", "level", 236.5e9, "CNY", "2024-07-01..2024-09-30") in got


def test_a_metric_word_describing_another_measure_is_no_mention() -> None:
    got = _claims("Shoprite Holdings reported full-year results on Tuesday. Diluted headline earnings per share, the "
                  "main profit measure in South Africa, rose 10.8% to 1,139.5 cents.", "2024-08-20")
    # not net income from "profit measure", and (the eighth modern-news round) not EPS either: headline earnings
    # leave out remeasurements, a measure of its own
    assert not {c[1] for c in got} & {"net_income", "eps"}, got


def _modal(text: str, published: str) -> set[tuple[str, float, str, str]]:
    doc = text_document(text, "x.txt", Metadata(published=published))
    return {(c.metric, c.value.low, str(c.modality), f"{c.period.start}..{c.period.end}" if c.period else "-")
            for c in extract(doc).claims}


def test_a_preview_estimate_for_the_quarter_just_ended_and_the_next_estimate_goes_on() -> None:
    got = _modal("Micron Technology Inc is expected to report first-quarter revenue on Wednesday.\n\nAnalysts on "
                 "average expect revenue of $8.71 billion for the quarter ended Nov. 28, according to data compiled "
                 "by LSEG. Adjusted profit is seen at $1.75 per share.", "2024-12-16")
    # "the quarter ended Nov. 28" in December is the quarter just ended, not November 2025
    assert ("revenue", 8.71e9, "analyst_estimate", "2024-08-29..2024-11-28") in got
    assert ("adjusted_eps", 1.75, "analyst_estimate", "2024-08-29..2024-11-28") in got  # "is seen at": the estimate


def test_a_result_after_a_hedged_warning_is_reported() -> None:
    got = _modal("Burberry Group Plc warned on Monday that it could post an operating loss in the first half and "
                 "suspended its dividend, after sales slumped 21% in its first quarter.", "2024-07-15")
    assert {m for _, v, m, _ in got if abs(v) == 21.0} == {"reported"}


def test_a_capitalised_role_before_a_name_is_a_person_whose_forward_figures_are_estimates() -> None:
    doc = text_document("Morgan Stanley raised its price target on Apple Inc to $273 from $253. Analyst Erik Woodring "
                        "said he expects iPhone revenue to rise 4% in the December quarter to $71.2 billion.",
                        "x.txt", Metadata(published="2024-12-02"))
    got = [c for c in extract(doc).claims if c.value.low == 71.2e9]
    assert got and all("Woodring" not in c.company for c in got)
    assert {str(c.modality) for c in got} == {"analyst_estimate"}


def test_a_market_wrap_headline_noun_is_no_company_and_a_metric_led_sentence_goes_on_with_the_company_before() -> None:
    text = ("Stocks edge higher as Nvidia gains; Target slumps after outlook cut\n\n"
            "NEW YORK, Nov 20 (Bloomberg) -- U.S. stocks rose on Wednesday as investors awaited Nvidia Corp.'s results, "
            "while Target Corp. tumbled after cutting its annual profit forecast.\n\n"
            "Target sank 21% after the retailer said it now expects full-year adjusted earnings per share of $8.30 to "
            "$8.90. Comparable sales rose 0.3% in the third quarter, missing estimates of 1.5% growth.\n")
    doc = text_document(text, "x.txt", Metadata(published="2024-11-20"))
    result = extract(doc)
    assert result.main_company is None or result.main_company.name != "Stocks"
    got = {(c.company, c.metric, c.value.low) for c in result.claims}
    assert ("Target", "same_store_sales", 0.3) in got
    assert not any(c[0] == "Stocks" for c in got)


def test_another_company_reporting_a_yearless_quarter_off_the_calendar_in_a_wrap() -> None:
    got = _claims("U.S. stocks rose on Wednesday as investors awaited Nvidia Corp.'s results.\n\nPalo Alto Networks "
                  "Inc. rose 3% in late trading after reporting first-quarter revenue of $2.14 billion, ahead of the "
                  "$2.12 billion analysts expected.", "2024-11-20")
    # a first quarter reported in late November is the quarter ended at the latest quarter end, not January-March
    assert {c[5] for c in got if c[1] == "revenue"} == {"2024-07-01..2024-09-30"}


def test_what_an_outage_cost_the_company_is_no_profit() -> None:
    got = _claims("Delta Air Lines Inc on Thursday reported a rise in third-quarter profit as strong demand for "
                  "premium seats offset an outage that cost it about $500 million.", "2024-10-10")
    assert {c[1] for c in got if 400e6 <= c[3] <= 500e6} == {"unclassified"}  # ("about": an interval)


def test_a_month_named_right_after_a_figure_is_its_period() -> None:
    got = _claims("Costco Wholesale Corp said on Wednesday its comparable sales rose 5.2% in October.", "2024-11-06")
    assert {c[5] for c in got if c[3] == 5.2} == {"2024-10-01..2024-10-31"}


def test_first_three_quarters_rand_cents_and_a_profit_compared_with_a_loss() -> None:
    got = _claims("BYD Co reported third-quarter results on Wednesday. For the first three quarters, net profit rose "
                  "18.1% to 25.2 billion yuan.", "2024-10-30")
    assert ("BYD", "net_income", "level", 25.2e9, "CNY", "2024-01-01..2024-09-30") in got
    got = _claims("JOHANNESBURG, Aug 29 (Reuters) - Sibanye-Stillwater reported a first-half loss on Thursday. The "
                  "company posted a loss per share of 1,024 cents for the six months ended June 30, compared with "
                  "earnings of 257 cents a year earlier.", "2024-08-29")
    assert {(c[3], c[4]) for c in got if c[1] == "eps"} == {(-10.24, "ZAR"), (2.57, "ZAR")}


def test_a_brokerage_expecting_a_company_to_report_a_figure_is_that_companys_estimate() -> None:
    doc = text_document("Morgan Stanley raises Apple price target to $273\n\nDec 2 (Reuters) - Morgan Stanley raised "
                        "its price target on Apple Inc to $273 from $253. The brokerage now expects Apple to report "
                        "fiscal first-quarter revenue of $126.5 billion, above the consensus estimate of $124.1 "
                        "billion.\n", "x.txt", Metadata(published="2024-12-02"))
    got = {(c.company, c.metric, c.value.low, str(c.modality)) for c in extract(doc).claims}
    assert ("Apple", "revenue", 126.5e9, "analyst_estimate") in got
    assert not any(c[0] == "Morgan Stanley" for c in got)


def test_a_month_after_a_headline_company_and_a_month_range_after_for() -> None:
    doc = text_document("TSMC September sales jump 39.6%\n\nTAIPEI, Oct 9 (Reuters) - TSMC said on Wednesday its "
                        "September revenue rose 39.6% from a year earlier to NT$251.87 billion. Revenue for "
                        "January-September rose 31.9% to NT$2.03 trillion.\n", "x.txt", Metadata(published="2024-10-09"))
    result = extract(doc)
    assert result.main_company is not None and result.main_company.name == "TSMC"
    got = {(c.metric, c.value.low, f"{c.period.start}..{c.period.end}" if c.period else "-") for c in result.claims}
    assert ("revenue", 2.03e12, "2024-01-01..2024-09-30") in got
    assert ("revenue", 251.87e9, "2024-09-01..2024-09-30") in got


def test_sales_at_a_named_business_of_the_company_are_a_part() -> None:
    got = _claims("Nike reported fourth-quarter revenue of $12.61 billion on Thursday. Sales at Nike's "
                  "direct-to-consumer business fell 8% to $5.1 billion.", "2024-06-27")
    assert {c[1] for c in got if c[3] == 5.1e9} == {"unclassified"}


def test_a_share_buyback_is_no_profit_and_an_interim_dividend_is_the_reported_half() -> None:
    got = _modal("United Airlines Holdings Inc on Tuesday forecast fourth-quarter profit above Wall Street estimates "
                 "and announced a $1.5 billion share buyback.", "2024-10-15")
    assert {m for m, v, _, _ in got if v == 1.5e9} <= {"unclassified"}
    got = _modal("Card Factory warns on profit as costs bite\n\nLONDON, Dec 3 (Reuters) - Britain's Card Factory said on "
                 "Tuesday it expects full-year profit at the lower end of its range.\n\nRevenue for the 26 weeks to July "
                 "31 rose 6.2% to 241.4 million pounds.\n\nThe retailer declared an interim dividend of 1.2 pence per "
                 "share.\n", "2024-12-03")
    assert ("dividend", 0.012, "reported", "2024-02-01..2024-07-31") in got


def test_revenue_from_a_local_business_is_a_segment_but_local_currency_is_a_basis() -> None:
    got = _claims("Meituan reported a 22% rise in third-quarter revenue to 93.58 billion yuan. Revenue from core "
                  "local commerce rose 20% to 69.37 billion yuan.", "2024-11-29")
    assert {c[1] for c in got if c[3] == 69.37e9} == {"unclassified"}
    assert ("Meituan", "revenue", "level", 93.58e9, "CNY", "2024-07-01..2024-09-30") in got


def test_the_growth_a_change_is_set_against_is_the_year_befores() -> None:
    got = _modal("Greggs plc reported results for the 26 weeks to 29 June. Like-for-like sales in company-managed "
                 "shops grew 5.4%, down from 13.5% a year earlier. Acme Corp said revenue grew 8% in the second "
                 "quarter, compared with a 5% rise in the same period last year.", "2024-07-30")
    lfl = {(v, m, p) for metric, v, m, p in got if metric == "same_store_sales"}
    (now,) = [p for v, m, p in lfl if (v, m) == (5.4, "reported")]  # a rise: "down from" compares it, no fall
    (before,) = [p for v, m, p in lfl if (v, m) == (13.5, "prior_period")]
    assert len(lfl) == 2 and before == now.replace("2024", "2023")
    assert ("revenue", 5.0, "prior_period", "2023-04-01..2023-06-30") in got
    assert ("revenue", 8.0, "reported", "2024-04-01..2024-06-30") in got


def test_per_share_after_a_figure_in_pence_or_euros_is_its_unit_not_earnings() -> None:
    got = _claims("Acme Plc raised its interim dividend to 19p a share from 17p. Beta AG raised its dividend to "
                  "1.05 euros per share from 0.95 euros.", "2024-07-30")
    assert {c[1] for c in got} == {"dividend"}
    assert {c[3] for c in got} == {0.19, 0.17, 1.05, 0.95}


def test_a_brand_named_as_the_companys_part_is_no_company_and_its_figures_are_no_total() -> None:
    got = _claims("Kering SA reported a steeper drop in sales at Gucci, its biggest brand. Gucci's revenue slid 25% "
                  "on a comparable basis to €1.64 billion in the third quarter. Group sales fell 15% to €3.79 "
                  "billion.", "2024-10-23")
    assert {c[0] for c in got} == {"Kering"}
    assert ("Kering", "revenue", "level", 3.79e9, "EUR", "2024-07-01..2024-09-30") in got
    assert not any(c[1] == "revenue" and c[3] == 1.64e9 for c in got)  # Gucci's, not the group's


def test_the_last_row_of_a_short_markdown_table_is_not_joined_to_the_row_above() -> None:
    text = ("Acme Corp reported results on Tuesday.\n\n| $ millions | Q3 2025 | Q3 2024 |\n|---|---|---|\n"
            "| Revenue | 412.3 | 388.6 |\n| Operating income | 45.0 | 40.1 |\n| EPS | 0.84 | 0.75 |\n")
    doc = text_document(text, "x.md", Metadata(published="2025-10-28"), fmt=Format.MD)
    got = {(c.metric, c.value.low) for c in extract(doc).claims}
    assert {("eps", 0.84), ("eps", 0.75), ("operating_income", 45e6)} <= got


def test_a_headlines_initials_and_the_full_name_with_its_legal_form_are_one_company() -> None:
    text = ("TSMC third-quarter profit jumps 54%\n\nTaiwan Semiconductor Manufacturing Co (TSMC) on Thursday reported "
            "a 54% jump in third-quarter net profit to T$325.3 billion. TSMC expects fourth-quarter revenue of "
            "between $26.1 billion and $26.9 billion.")
    doc = text_document(text, "x.txt", Metadata(published="2024-10-17"))
    got = extract(doc)
    assert {c.company for c in got.claims} == {"Taiwan Semiconductor Manufacturing"}
    assert got.main_company is not None and got.main_company.name == "Taiwan Semiconductor Manufacturing"


def test_bank_of_names_and_instrument_codes_after_a_dateline_and_central_banks() -> None:
    got = _claims("TORONTO, Aug 28 (Reuters) - Royal Bank of Canada (RY.TO) beat analysts' estimates for third-quarter "
                  "profit on Wednesday. Net income rose 20% to C$4.49 billion.", "2024-08-28")
    assert {c[0] for c in got} == {"Royal Bank of Canada"}
    got = _claims("Samsung Electronics (005930.KS) said operating profit rose to 9.18 trillion won in the third "
                  "quarter. The Bank of Korea said the economy grew 0.1% in the quarter.", "2024-10-31")
    assert {c[0] for c in got} == {"Samsung Electronics"}


def test_a_company_known_as_another_name_is_one_company() -> None:
    got = _claims("TAIPEI, Nov 14 (Reuters) - Hon Hai Precision Industry Co Ltd, known as Foxconn, reported a 14% rise "
                  "in third-quarter net profit to T$48.7 billion on Thursday.\n\nFoxconn said revenue for the quarter "
                  "rose 20% to T$1.85 trillion.", "2024-11-14")
    assert {c[0] for c in got} == {"Hon Hai Precision Industry"}


def test_a_figure_compared_with_the_estimate_named_after_it_is_the_estimate() -> None:
    got = _modal("Netflix Inc reported results for the fourth quarter. Earnings per share came in at $4.27, compared "
                 "with the $4.20 estimate. Revenue was $10.25 billion, compared with the $10.1 billion LSEG consensus "
                 "estimate.", "2025-01-21")
    assert {(m, v, mod) for m, v, mod, _ in got} >= {("eps", 4.2, "analyst_estimate"),
                                                     ("revenue", 10.1e9, "analyst_estimate")}


def test_an_outlook_goes_on_after_with_for_the_same_year() -> None:
    got = _modal("BOSTON (AP) - Acme Brands Inc. on Tuesday reported second-quarter profit of $12.4 million. Acme "
                 "Brands expects full-year earnings in the range of $2.05 to $2.15 per share, with revenue in the range "
                 "of $1.25 billion to $1.3 billion.", "2024-08-06")
    assert ("revenue", 1.25e9, "guidance", "2024-01-01..2024-12-31") in got  # not last year's reported size


def test_a_note_that_the_figures_are_adjusted_makes_them_the_adjusted_measure() -> None:
    got = _modal("Acme Widgets (ACMW) came out with quarterly earnings of $0.84 per share, beating the Zacks Consensus "
                 "Estimate of $0.78 per share. This compares to earnings of $0.75 per share a year ago. These figures "
                 "are adjusted for non-recurring items.\n\nA quarter ago, it was expected that this company would post "
                 "earnings of $0.70 per share.", "2024-10-29")
    assert {(m, v) for m, v, _, _ in got if v in (0.84, 0.78, 0.75)} == {
        ("adjusted_eps", 0.84), ("adjusted_eps", 0.78), ("adjusted_eps", 0.75)}
    # (the next paragraph's "A quarter ago ... earnings of $0.70" is the same recap's adjusted figure too, since the
    # sixteenth session's issue12m11: a Zacks recap states adjusted figures throughout)
    assert ("adjusted_eps", 0.7) in {(m, v) for m, v, _, _ in got}


def test_a_period_named_after_a_compared_figure_in_a_prefixed_currency_is_that_figures() -> None:
    """"fell to A$298m from A$350m in 1H FY24, reflecting a A$114m impairment": 1H FY24 is the compared figure's,
    not the impairment's (as with "$350m in 2023": the currency's letters before the sign change nothing)."""
    got = _claims("Southern Cross Minerals Ltd reported a half-year profit on Wednesday. Statutory NPAT fell to A$298m "
                  "from A$350m in 1H FY24, reflecting a A$114m impairment of its nickel assets.", "2025-02-19")
    periods = {c[3]: c[5] for c in got}
    assert periods[350e6] != periods[114e6] == periods[298e6]


def test_a_per_share_loss_by_its_verb_or_noun_is_negative() -> None:
    """"lost 31 cents a share", "the 36-cent loss analysts had expected", "a 36-cent loss per share": losses."""
    got = _claims("Excluding one-time items, Harbor Lines Inc lost 31 cents a share in the second quarter, a nickel "
                  "better than the 36-cent loss analysts surveyed by FactSet had expected.", "2023-08-08")
    assert ("adjusted_eps", -0.31) in {(c[1], c[3]) for c in got}
    assert {c[3] for c in got if c[1].endswith("eps")} == {-0.31, -0.36}
    got = _claims("Ridgeway Corp posted a 12-cent loss per share in the quarter.", "2023-08-08")
    assert {(c[1], c[3]) for c in got} == {("eps", -0.12)}
    # a loss of something else per unit is no loss per share
    assert not any(c[1] == "eps" for c in _claims("Ridgeway Corp took a $1.50 loss per barrel.", "2023-08-08"))


def test_a_sentence_comparing_the_figure_before_takes_its_metric() -> None:
    """"That compared with 2.43 trillion won a year earlier and was below the 10.3 trillion won estimate": the
    operating profit of the sentence before, a year earlier, and the analysts' estimate of it."""
    got = _claims("Hanbit Electronics Co Ltd said on Thursday its third-quarter operating profit more than doubled to "
                  "9.18 trillion won. That compared with 2.43 trillion won a year earlier and was below the 10.3 "
                  "trillion won LSEG SmartEstimate.", "2024-10-31")
    assert ("Hanbit Electronics", "operating_income", "level", 2.43e12, "KRW", "2023-07-01..2023-09-30") in got
    assert ("Hanbit Electronics", "operating_income", "level", 10.3e12, "KRW", "2024-07-01..2024-09-30") in got


def test_that_s_down_from_takes_the_figure_before_of_its_size() -> None:
    """"earned $41 million, or 52 cents per share ... That's down from $58 million, or 71 cents per share, a year
    ago": the amount is the net income before (not the per-share figure, the last one), the cents its EPS."""
    for tail in ("That's down from $58 million, or 71 cents per share, a year ago.",
                 "That compares with $58 million, or 71 cents per share, a year ago."):
        got = _claims("TOLEDO, Ohio (AP) — Marlowe Glass Co. said Tuesday that its second-quarter profit fell 29%. "
                      "The glassmaker earned $41 million, or 52 cents per share, in the April-June period. " + tail,
                      "2024-07-23")
        assert ("Marlowe Glass", "net_income", "level", 58e6, "USD", "2023-04-01..2023-06-30") in got
        assert ("Marlowe Glass", "eps", "level", 0.71, "USD", "2023-04-01..2023-06-30") in got


def test_an_exchange_ticker_names_the_dollar_of_a_story_without_a_dateline() -> None:
    """"Harbourside Telecom Ltd (ASX: HBT)" and no dateline: its "$" is the Australian dollar; a U.S. listing beside
    the local one leaves the dollar American."""
    got = _claims("Harbourside Telecom Ltd (ASX: HBT) reported a 14 per cent fall in first-half net profit after tax "
                  "to $212.4 million.", "2024-02-22")
    assert {c[4] for c in got if c[2] == "level"} == {"AUD"}
    got = _claims("Borealis Gold Corp (TSX: BGC; NYSE: BGC) reported third-quarter net income of $41.5 million.",
                  "2024-11-06")
    assert {c[4] for c in got if c[2] == "level"} == {"USD"}


def test_a_subject_after_a_discourse_adverb_is_the_company() -> None:
    """A round-up's "Meanwhile, Ostara Analog reported revenue of ...": Ostara's figure, not the company before."""
    for lead in ("Meanwhile, ", "Separately on Thursday, ", "On Thursday, "):
        got = _claims("Vantor Semiconductor (NASDAQ: VNTR) said second-quarter revenue rose 41% to $3.2 billion. "
                      + lead + "Ostara Analog reported revenue of $742 million, flat from a year ago.", "2024-08-01")
        assert ("Ostara Analog", "revenue", "level", 742e6, "USD", "2024-04-01..2024-06-30") in got
        assert not any(c[0] == "Vantor Semiconductor" and c[3] == 742e6 for c in got)


def test_a_loss_compared_after_a_conversion_is_the_same_measure_of_profit() -> None:
    got = _claims("STOCKHOLM, Oct 24 - Swedish forest group Kvarn Paper AB swung to a third-quarter operating profit "
                  "of 1.2 billion crowns ($113 million) from a loss of 340 million a year earlier.", "2024-10-24")
    assert ("Kvarn Paper", "operating_income", "level", -340e6, "SEK", "2023-07-01..2023-09-30") in got
    assert not any(c[1] == "net_income" for c in got)


def test_an_early_estimate_of_an_ended_quarter_is_preliminary() -> None:
    """"likely rose ... to 10.4 trillion won", "estimated revenue rose 23% to 74 trillion won", "in a preliminary
    earnings release": the company's early figures for a quarter that has ended."""
    text = ("SEOUL, July 5 - Daebong Electronics Co. said on Friday its second-quarter operating profit likely rose "
            "to 10.4 trillion won. The chipmaker estimated revenue rose 23% to 74 trillion won for the April-June "
            "quarter. Net profit was 9.1 trillion won, it said in a preliminary earnings release.")
    doc = text_document(text, "k.txt", Metadata(published="2024-07-05"), title_first_line=False)
    got = {(c.metric, c.value.low, c.modality.value) for c in extract(doc).claims if c.measure.value == "level"}
    assert got == {("operating_income", 10.4e12, "preliminary"), ("revenue", 74e12, "preliminary"),
                   ("net_income", 9.1e12, "preliminary")}
    assert {c.modality.value for c in extract(text_document(
        "Quillon Corp said revenue rose 23% to $74 million in the second quarter. Analysts estimated revenue rose "
        "20%.", "a.txt", Metadata(published="2024-07-25"), title_first_line=False)).claims
        if c.value.low == 74e6} == {"reported"}


def test_a_metric_named_after_net_of_is_not_the_figure_s() -> None:
    """"total revenue net of interest expense $2,777 million", "Total debt net of cash of $252.8 million": the
    amount is not interest expense, nor cash."""
    for text in ("Kestrel Financial said quarterly total revenue net of interest expense $2,777 million, up 2%.",
                 "Kestrel Financial had total debt net of cash of $252.8 million at March 31, 2021."):
        got = _claims(text, "2021-10-20")
        assert not any(c[1] in ("interest_expense", "cash") for c in got), got


def test_a_dateline_of_any_agency_names_the_place_and_its_currency() -> None:
    """"TORONTO, Aug 1, 2024 (Canadian Press) -": a Canadian agency's story, its bare dollars Canadian."""
    got = _claims("TORONTO, Aug 1, 2024 (Canadian Press) - Maple Crest Grocers Inc. said Thursday its second-quarter "
                  "profit rose to $312 million from $288 million a year earlier.", "2024-08-01")
    assert {c[4] for c in got} == {"CAD"}
