"""Periods and modality on hand-written modern news (issue 12): fiscal calendars stated in the text, earlier
periods named at the start of a sentence, analysts' expectations. Unit tests, not quality figures."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document

Row = tuple[str, float, str | None, str | None, str]


def _rows(body: str, published: dt.date, title: str = "") -> list[Row]:
    text = f"{title}\n{body}" if title else body
    doc = text_document(text, "x.txt", Metadata(title=title or None, published=published.isoformat()))
    return [(c.metric, c.value.low, c.period.start.isoformat() if c.period else None,
             c.period.end.isoformat() if c.period else None, c.modality.value) for c in extract(doc).claims]


def test_fiscal_quarter_number_and_a_stated_end_near_a_calendar_quarter_give_the_fiscal_year() -> None:
    got = _rows("Larkspur Corp. said its fiscal first-quarter profit rose 18%. The company earned $412 million in "
                "the quarter ended Sept. 28. For the current quarter, Larkspur expects revenue of $3.2 billion to "
                "$3.3 billion. It raised its full-year revenue forecast to $13 billion.", dt.date(2024, 10, 30))
    assert ("net_income", 412e6, "2024-06-29", "2024-09-28", "reported") in got
    outlook = [r for r in got if r[0] == "revenue"]
    assert outlook[0][2:] == ("2024-10-01", "2024-12-31", "guidance")  # the quarter after the one reported
    assert outlook[1][2:] == ("2024-07-01", "2025-06-30", "guidance")  # the fiscal year under way


def test_a_sentence_opening_on_an_earlier_period_is_about_it() -> None:
    got = _rows("Quillon Inc's third-quarter net income rose to $412 million, or $1.02 per share. A year earlier "
                "it earned $349 million, or 87 cents per share.", dt.date(2024, 10, 30))
    assert got[-2:] == [("net_income", 349e6, "2023-07-01", "2023-09-30", "prior_period"),
                        ("eps", 0.87, "2023-07-01", "2023-09-30", "prior_period")]


def test_last_year_at_the_start_of_a_sentence_is_not_shifted() -> None:
    got = _rows("Quillon Inc said full-year profit would rise. Last year, Quillon had net income of $66.2 million.",
                dt.date(2025, 2, 20))
    assert got[-1][2:] == ("2024-01-01", "2024-12-31", "reported")


def test_what_analysts_had_expected_is_their_estimate() -> None:
    got = _rows("Quillon Inc's third-quarter net income was $412 million, or $1.02 per share, on revenue of $3.1 "
                "billion. Analysts surveyed by FactSet had expected earnings of 95 cents per share on revenue of "
                "$3.05 billion.", dt.date(2024, 10, 30))
    assert got[-2:] == [("eps", 0.95, "2024-07-01", "2024-09-30", "analyst_estimate"),
                        ("revenue", 3.05e9, "2024-07-01", "2024-09-30", "analyst_estimate")]


def test_an_old_outlook_set_against_a_result_is_for_the_result_s_period() -> None:
    got = _rows("Quillon Inc's first-quarter adjusted net loss per share was $0.01, which is less than our outlook "
                "of net income per share of $0.04 to $0.11.", dt.date(2020, 5, 10))
    assert got[-1] == ("adjusted_eps", 0.04, "2020-01-01", "2020-03-31", "prior_guidance")


def test_an_annual_operating_profit_forecast_is_for_the_year() -> None:
    got = _rows("Halvorsen Foods Plc reported third-quarter revenue of 1.42 billion pounds. The company kept its "
                "forecast for annual operating profit of between 780 million and 800 million pounds.",
                dt.date(2024, 11, 7))
    assert got[-1][2:] == ("2024-01-01", "2024-12-31", "guidance")


def test_a_financial_year_that_ends_on_june_30_and_reported_speech_outlooks() -> None:
    got = _rows("Moreton Energy Ltd posted a full-year net loss of A$312 million on Wednesday. The company, whose "
                "financial year ends on June 30, said revenue for the year was A$5.8 billion. Moreton said it "
                "expected fiscal 2025 capital expenditure of A$1.4 billion.", dt.date(2024, 8, 21))
    assert got[0][2:] == ("2023-07-01", "2024-06-30", "reported")
    assert got[1][2:] == ("2023-07-01", "2024-06-30", "reported")
    assert got[2] == ("capex", 1.4e9, "2024-07-01", "2025-06-30", "guidance")


def test_year_to_date_runs_to_the_end_of_the_quarter_reported_and_retail_fiscal_years() -> None:
    got = _rows("Brightwater Retail Inc. reported results for its second quarter of fiscal 2025, which ended "
                "August 2, 2025. Net sales were $2.41 billion. Year to date, net sales were $4.70 billion. The "
                "company now expects fiscal 2025 net sales of $9.6 billion to $9.7 billion, up from its previous "
                "outlook of $9.4 billion to $9.6 billion, and diluted EPS of $5.10 to $5.30.", dt.date(2025, 9, 2))
    assert [r[2:4] for r in got[:2]] == [("2025-05-03", "2025-08-02"), ("2025-02-01", "2025-08-02")]
    assert got[2:] == [("revenue", 9.6e9, "2025-02-01", "2026-01-31", "guidance"),
                       ("revenue", 9.4e9, "2025-02-01", "2026-01-31", "prior_guidance"),
                       ("eps", 5.1, "2025-02-01", "2026-01-31", "guidance")]


def test_an_outlook_for_a_january_fiscal_year_that_would_have_ended_uses_the_retail_naming() -> None:
    got = _rows("Brightwater Retail Inc. said second-quarter net sales were $2.41 billion in the quarter ended "
                "Aug. 2. It expects fiscal 2025 net sales of $9.6 billion.", dt.date(2025, 9, 2))
    assert got[-1] == ("revenue", 9.6e9, "2025-02-01", "2026-01-31", "guidance")


def test_indian_quarter_ended_with_its_year_and_fy_names() -> None:
    got = _rows("Tata Widgets Ltd reported a 12 per cent rise in net profit to Rs 1,240 crore for the second quarter "
                "ended September 30, 2024 (Q2FY25). For the first half of FY25, net profit stood at Rs 2,310 crore. "
                "The company expects revenue growth of 10-12 per cent in FY26.", dt.date(2024, 10, 18))
    assert [r[2:4] for r in got] == [("2024-07-01", "2024-09-30"), ("2024-07-01", "2024-09-30"),
                                     ("2024-04-01", "2024-09-30"), ("2025-04-01", "2026-03-31")]


def test_estimates_set_against_an_outlook_take_its_period() -> None:
    got = _rows("Cobalt Systems Inc forecast second-quarter revenue between $520 million and $540 million, compared "
                "with analysts' estimates of $531 million. The company forecast third-quarter revenue of $600 "
                "million. Analysts had estimated $580 million.", dt.date(2024, 5, 2))
    assert got[1] == ("revenue", 531e6, "2024-04-01", "2024-06-30", "analyst_estimate")
    assert (got[3][0], *got[3][2:]) == ("revenue", "2024-07-01", "2024-09-30", "analyst_estimate")  # ($580 million, hedged)


def test_a_figure_analysts_expected_is_their_estimate_and_a_price_after_a_move() -> None:
    got = _rows("Cobalt Systems Inc reported first-quarter revenue of $512 million, topping the $498 million "
                "analysts expected. Shares of Cobalt ended 1.8 per cent higher at $34.12 on Wednesday.",
                dt.date(2024, 5, 2))
    assert got[1] == ("revenue", 498e6, "2024-01-01", "2024-03-31", "analyst_estimate")
    assert got[2:] == [("share_price", 1.8, "2024-05-01", "2024-05-01", "reported"),
                       ("share_price", 34.12, "2024-05-01", "2024-05-01", "reported")]


def test_a_period_named_in_one_sentence_goes_on_in_the_next_of_its_paragraph() -> None:
    got = _rows("Halvorsen Foods Plc reported third-quarter revenue of 1.42 billion pounds.\n\nFor the nine months, "
                "revenue was 4.1 billion pounds. Operating profit was 590 million pounds, compared with 540 million "
                "pounds a year earlier.\n\nFor 2025, the company expects revenue of 5.9 billion pounds. Adjusted "
                "earnings per share are expected to be between 82 and 85 pence.\n\nOperating profit was 205 million "
                "pounds.", dt.date(2024, 11, 7))
    assert [(m, start, end, mod) for m, _, start, end, mod in got] == [
        ("revenue", "2024-07-01", "2024-09-30", "reported"), ("revenue", "2024-01-01", "2024-09-30", "reported"),
        ("operating_income", "2024-01-01", "2024-09-30", "reported"),
        ("operating_income", "2023-01-01", "2023-09-30", "prior_period"),
        ("revenue", "2025-01-01", "2025-12-31", "guidance"), ("adjusted_eps", "2025-01-01", "2025-12-31", "guidance"),
        ("operating_income", "2024-07-01", "2024-09-30", "reported")]


def test_a_stated_fiscal_calendar_is_not_the_period_of_the_figure_after_it() -> None:
    got = _rows("Maplewood Bank of Canada said its third-quarter profit rose 7 per cent. The bank, whose fiscal year "
                "ends Oct. 31, earned $2.1 billion in the three months ended July 31. Adjusted earnings were $1.51 a "
                "share, ahead of the $1.46 analysts had expected.", dt.date(2024, 8, 28))
    assert got[1] == ("net_income", 2.1e9, "2024-05-01", "2024-07-31", "reported")
    assert got[-1] == ("adjusted_eps", 1.46, "2024-05-01", "2024-07-31", "analyst_estimate")


def test_a_prior_loss_is_negative_and_earned_on_revenue_is_net_income() -> None:
    got = _rows("Orchid Pharma Inc. said fourth-quarter net income was $64 million, or 52 cents a share, compared "
                "with a loss of $21 million, or 17 cents, in the same period a year earlier. For the full year, "
                "Orchid earned $151 million on revenue of $2.2 billion. The stock climbed 9.4% on Thursday to $41.07.",
                dt.date(2025, 2, 13))
    assert got[2:4] == [("net_income", -21e6, "2023-10-01", "2023-12-31", "prior_period"),
                        ("eps", -0.17, "2023-10-01", "2023-12-31", "prior_period")]
    assert got[4:6] == [("net_income", 151e6, "2024-01-01", "2024-12-31", "reported"),
                        ("revenue", 2.2e9, "2024-01-01", "2024-12-31", "reported")]
    assert got[-1] == ("share_price", 41.07, "2025-02-13", "2025-02-13", "reported")


def test_a_period_a_year_or_more_before_the_one_reported_is_a_comparison() -> None:
    got = _rows("Quillon Inc reported fourth-quarter 2020 operating income of $112 million. Operating income for "
                "fiscal 2019 was $475.8 million, and for the fourth quarter of 2019 it was $100 million.",
                dt.date(2021, 2, 25))
    assert [(r[2], r[4]) for r in got] == [("2020-10-01", "reported"), ("2019-01-01", "prior_period"),
                                           ("2019-10-01", "prior_period")]


def test_the_year_just_before_a_quarter_reported_is_a_result_of_its_own() -> None:
    got = _rows("Quillon Inc reported a first-quarter 2021 loss of $3 million. It had net income of $45 million for "
                "2020.", dt.date(2021, 5, 5))
    assert got[-1] == ("net_income", 45e6, "2020-01-01", "2020-12-31", "reported")


def test_a_text_without_metadata_is_dated_by_its_dateline() -> None:
    doc = text_document("Halvorsen reports results\nLONDON, Nov 7, 2024 (Reuters) - Halvorsen Foods Plc reported a 9% "
                        "rise in third-quarter revenue to 1.42 billion pounds. Shares closed down 2.1% at 14.22 pounds "
                        "on Wednesday.", "x.txt", Metadata())
    claims = extract(doc).claims
    assert doc.published == dt.date(2024, 11, 7)
    assert [(c.metric, c.period.start.isoformat() if c.period else None) for c in claims] == [
        ("revenue", "2024-07-01"), ("revenue", "2024-07-01"), ("share_price", "2024-11-06"),
        ("share_price", "2024-11-06")]


def test_a_level_reached_from_a_year_earlier_is_current_and_plus_or_minus_is_a_range() -> None:
    doc = text_document("Sable Semiconductor Corp expects revenue of $1.1 billion, plus or minus $50 million, for the "
                        "current quarter. In the latest quarter, revenue fell 12% to $1.05 billion from a year earlier. "
                        "Sable shares fell 8% after closing at $61.20 on Wednesday.", "x.txt",
                        Metadata(published="2024-11-06"))
    got = [(c.metric, c.value.low, c.value.high, c.period.start.isoformat() if c.period else None, c.modality.value)
           for c in extract(doc).claims]
    assert got[0] == ("revenue", 1.05e9, 1.15e9, "2024-10-01", "guidance")
    assert got[2] == ("revenue", 1.05e9, 1.05e9, "2024-07-01", "reported")
    assert got[-1] == ("share_price", 61.2, 61.2, "2024-11-06", "reported")


def test_a_stated_half_is_what_a_half_year_report_is_about() -> None:
    got = _rows("Wrenfield Group Plc said pretax profit for the six months ended June 30 rose to 412 million pounds.\n"
                "Revenue in the period was 3.4 billion pounds.\nIn the second quarter alone, revenue rose 6%.",
                dt.date(2024, 7, 25))
    assert [(r[0], r[2], r[3]) for r in got] == [("pretax_income", "2024-01-01", "2024-06-30"),
                                                 ("revenue", "2024-01-01", "2024-06-30"),
                                                 ("revenue", "2024-04-01", "2024-06-30")]


def test_a_fiscal_fourth_quarter_reported_in_august_gives_a_year_to_june() -> None:
    got = _rows("Oakridge Software Inc. on Thursday reported fiscal fourth-quarter revenue of $820 million. For "
                "fiscal 2024, revenue totaled $3.1 billion. The company expects fiscal 2025 revenue of $3.5 billion "
                "and first-quarter revenue of about $840 million.", dt.date(2024, 8, 8))
    assert [(r[2], r[3], r[4]) for r in got] == [
        ("2024-04-01", "2024-06-30", "reported"), ("2023-07-01", "2024-06-30", "reported"),
        ("2024-07-01", "2025-06-30", "guidance"), ("2024-07-01", "2024-09-30", "guidance")]


def test_outlook_ranges_in_two_units_and_an_ended_half_set_against_an_outlook() -> None:
    doc = text_document("Pinecrest Foods Inc forecast fourth-quarter adjusted EPS of 95 cents to $1.00. It expects "
                        "second-half operating margin of about 12%, up from 10.5% in the first half. Its EPS rose from "
                        "80 cents to 95 cents in the third quarter.", "x.txt", Metadata(published="2024-10-29"))
    got = [(c.metric, c.value.low, c.value.high, c.period.start.isoformat() if c.period else None, c.modality.value)
           for c in extract(doc).claims]
    assert got[0] == ("adjusted_eps", 0.95, 1.0, "2024-10-01", "guidance")
    assert got[2] == ("operating_margin", 10.5, 10.5, "2024-01-01", "prior_period")
    assert [r[1] for r in got[3:]] == [0.8, 0.95]  # a change from one level to another is not a range


def test_one_month_named_before_its_figures_is_that_month() -> None:
    got = _rows("Pellworth Stores Inc said its net sales for the retail month of November rose 7.2% to $21.6 billion "
                "from $20.1 billion a year earlier.", dt.date(2025, 12, 4))
    assert ("revenue", 21.6e9, "2025-11-01", "2025-11-30", "reported") in got
    assert ("revenue", 20.1e9, "2024-11-01", "2024-11-30", "prior_period") in got


def test_a_yearless_month_is_the_latest_one_before_publication_or_the_next_for_an_outlook() -> None:
    got = _rows("Orrin Motors Inc said its December sales fell 3% to $4.1 billion. Orrin expects May sales to fall "
                "about 24%.", dt.date(2026, 1, 6))
    assert ("revenue", 4.1e9, "2025-12-01", "2025-12-31", "reported") in got
    assert [r[2:] for r in got if r[1] == -25.2] == [("2026-05-01", "2026-05-31", "guidance")]  # about 24%: ±5%


def test_for_a_month_at_the_start_of_a_sentence_and_a_month_with_its_year() -> None:
    got = _rows("For October, Tesvia Inc delivered 42,000 vehicles. Dunmore Corp expects May 2020 sales to be down "
                "about 24%.", dt.date(2020, 4, 20))
    assert [r[2:4] for r in got if r[1] == 42000] == [("2019-10-01", "2019-10-31")]
    assert [r[2:4] for r in got if r[1] == -25.2] == [("2020-05-01", "2020-05-31")]


def test_a_month_in_a_date_or_a_verb_is_no_period_of_its_own() -> None:
    got = _rows("Harlow Inc said on March 5 revenue may sales-adjust to $3.1 billion for the quarter ended March 31, "
                "2025.", dt.date(2025, 4, 20))
    assert [r[2:4] for r in got if r[1] == 3.1e9] == [("2025-01-01", "2025-03-31")]


def test_a_fiscal_quarter_reported_two_months_after_the_calendar_one_ended_later() -> None:
    late = _rows("Larkmoor Foods Co. on Thursday reported fiscal third-quarter profit of $609 million.",
                 dt.date(2025, 12, 4))
    assert late[0][2:4] == ("2025-08-01", "2025-10-31")
    prompt = _rows("Larkmoor Foods Co. on Thursday reported fiscal third-quarter profit of $609 million.",
                   dt.date(2025, 11, 5))
    assert prompt[0][2:4] == ("2025-07-01", "2025-09-30")


def test_a_stated_end_inside_a_month_is_a_52_53_week_period() -> None:
    # "ended November 1": 13 weeks back (not two months from August 31); a half to June 28 is 26 weeks
    rows = _rows("Copperline Foods Corp reported net sales of $1.84 billion for the third quarter of fiscal 2026, "
                 "which ended November 1, 2025.", dt.date(2025, 12, 9))
    assert rows == [("revenue", 1.84e9, "2025-08-03", "2025-11-01", "reported")]
    rows = _rows("Acme Inc said net income for the six months ended June 28, 2025 rose to $4 million.",
                 dt.date(2025, 7, 30))
    assert [r[2:4] for r in rows if r[0] == "net_income"] == [("2024-12-29", "2025-06-28")]


def test_a_quarter_with_its_number_and_end_gets_its_fiscal_label() -> None:
    doc = text_document("Copperline Foods Corp reported net sales of $1.84 billion for the third quarter of fiscal 2026, "
                        "which ended November 1, 2025.", "x.txt", Metadata(published="2025-12-09"))
    assert [c.period.label for c in extract(doc).claims if c.period] == ["FY2026-Q3"]
    doc = text_document("Acme Inc reported net sales of $1.84 billion for its second quarter ended June 28, 2025.",
                        "x.txt", Metadata(published="2025-07-30"))
    assert [c.period.label for c in extract(doc).claims if c.period] == ["2025-Q2"]


def test_a_yearless_quarter_end_with_its_number_is_labelled_on_its_fiscal_calendar() -> None:
    doc = text_document("Lululemon results\n\nDec 5 (Reuters) - Lululemon Athletica (LULU.O) reported results on "
                        "Thursday.\n\nRevenue for the third quarter ended Oct. 27 rose 9% to $2.40 billion.", "x.txt",
                        Metadata(published="2024-12-05"))
    got = {(c.period.label, c.period.end.isoformat()) for c in extract(doc).claims if c.period}
    assert got == {("FY2025-Q3", "2024-10-27")}  # (was "2024-Q4": a calendar label on a fiscal quarter)


def test_in_the_half_is_the_half_reported_and_more_than_half_is_no_period() -> None:
    got = _rows("Greggs plc said total sales rose 11.3% to £960.6m in the half. Pre-tax profit for the half was "
                "£74.3m.", dt.date(2024, 7, 30))
    assert ("revenue", 960.6e6, "2024-01-01", "2024-06-30", "reported") in got
    assert {r[2:4] for r in got} == {("2024-01-01", "2024-06-30")}
    got = _rows("More than half of Greggs plc sales of £960m came from its shops.", dt.date(2024, 7, 30))
    assert all(r[2:4] != ("2024-01-01", "2024-06-30") for r in got)


def test_the_quarter_a_result_is_reported_for_in_an_outlook_sentence_sets_the_fiscal_year() -> None:
    got = _rows("Target Corp on Wednesday cut its full-year profit forecast after reporting third-quarter earnings "
                "below expectations. It now expects full-year adjusted earnings of $8.30 to $8.90 per share. For the "
                "quarter ended Nov. 2, net sales rose 1.1% to $25.67 billion.", dt.date(2024, 11, 20),
                "Target cuts annual forecast after third-quarter profit misses")
    # the third quarter ends on Nov. 2: a fiscal year to the end of January, whose outlook is February to January
    assert ("adjusted_eps", 8.3, "2024-02-01", "2025-01-31", "guidance") in got
