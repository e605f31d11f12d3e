"""Hand-written articles of the fifteenth session's probes: each test fails on the code before its fix."""

from __future__ import annotations

from tests.conftest import claim_rows

_LEAD = ("Halvorsen Robotics Inc said revenue in its fiscal fourth quarter, which ended June 28, rose 18% to "
         "$1.21 billion.\n\n")


def test_a_coordinated_outlook_figure_keeps_its_own_period() -> None:
    # "first-quarter revenue of X and full-year revenue of Y": Y is the year's outlook, not the quarter's
    rows = claim_rows(_LEAD + "Halvorsen expects first-quarter revenue of $1.15 billion and full-year revenue of "
                      "$4.9 billion.\n", "2025-08-06", "Halvorsen Robotics results")
    assert ("Halvorsen Robotics", "revenue", "guidance", 1.15e9, "FY2026-Q1") in rows, rows
    assert ("Halvorsen Robotics", "revenue", "guidance", 4.9e9, "FY2026") in rows, rows


def test_a_coordinated_growth_outlook_after_a_comma_keeps_its_own_period() -> None:
    rows = claim_rows(_LEAD + "Halvorsen expects first-quarter revenue of $1.15 billion to $1.19 billion, and "
                      "full-year revenue growth of 10% to 12%.\n", "2025-08-06", "Halvorsen Robotics results")
    assert ("Halvorsen Robotics", "revenue", "guidance", 1.15e9, "FY2026-Q1") in rows, rows
    assert ("Halvorsen Robotics", "revenue", "guidance", 10.0, "FY2026") in rows, rows


def test_the_year_leading_the_next_growth_figure_is_not_the_quarter_outlook_before_it() -> None:
    # "..., and full-year fiscal 2026 revenue growth of 10% to 12%": fiscal 2026 leads the growth figure
    rows = claim_rows(_LEAD + "Halvorsen expects first-quarter revenue of $1.15 billion to $1.19 billion, and "
                      "full-year fiscal 2026 revenue growth of 10% to 12%.\n", "2025-08-06",
                      "Halvorsen Robotics results")
    assert ("Halvorsen Robotics", "revenue", "guidance", 1.15e9, "FY2026-Q1") in rows, rows
    assert ("Halvorsen Robotics", "revenue", "guidance", 10.0, "FY2026") in rows, rows


def test_an_outlook_with_a_companion_figure_shares_its_year() -> None:
    # (unchanged: a companion figure that names no period of its own is for the outlook's period)
    rows = claim_rows(_LEAD + "Halvorsen expects full-year earnings of $2.05 to $2.15 per share, with revenue of "
                      "$4.9 billion.\n", "2025-08-06", "Halvorsen Robotics results")
    assert ("Halvorsen Robotics", "eps", "guidance", 2.05, "FY2026") in rows, rows
    assert ("Halvorsen Robotics", "revenue", "guidance", 4.9e9, "FY2026") in rows, rows


_INTERIM = ("Pemberton Hale plc announces its unaudited interim results for the six months ended 30 June 2025.\n\n"
            "| | H1 2025 | H1 2024 | Change |\n|---|---|---|---|\n"
            "| Revenue | £412.6m | £378.9m | +8.9% |\n"
            "| Underlying profit before tax | £88.1m | £79.4m | +11.0% |\n"
            "| Statutory profit before tax | £71.3m | £70.2m | +1.6% |\n"
            "| Basic earnings per share | 18.2p | 17.9p | +1.7% |\n"
            "| Interim dividend per share | 6.1p | 5.8p | +5.2% |\n")


def test_a_table_cell_in_pence_is_read() -> None:
    # "18.2p" in a pipe table's cell: 0.182 pounds, as in prose
    rows = claim_rows(_INTERIM, "2025-07-31", "Pemberton Hale interim results")
    assert ("Pemberton Hale", "eps", "reported", 0.182, "2025-H1") in rows, rows
    assert ("Pemberton Hale", "eps", "prior_period", 0.179, "2024-H1") in rows, rows
    assert ("Pemberton Hale", "dividend", "reported", 0.061, "2025-H1") in rows, rows


def test_statutory_profit_is_the_metric_and_an_unknown_underlying_one_is_left_out() -> None:
    rows = claim_rows(_INTERIM, "2025-07-31", "Pemberton Hale interim results")
    assert ("Pemberton Hale", "pretax_income", "reported", 71.3e6, "2025-H1") in rows, rows
    assert not any(r[3] in (88.1e6, 79.4e6) for r in rows), rows  # no adjusted pretax metric: as prose leaves it


def test_a_result_before_and_expect_keeps_the_period_reported() -> None:
    # "We delivered organic revenue growth of 7% and expect full-year ...": the half-year's growth, not last year's
    rows = claim_rows(_INTERIM + "\nChief Executive Olivia Marsh said: \"We delivered organic revenue growth of 7% and "
                      "expect full-year profit to be in line with expectations.\"\n", "2025-07-31",
                      "Pemberton Hale interim results")
    assert ("Pemberton Hale", "organic_revenue", "reported", 7.0, "2025-H1") in rows, rows


def test_a_fiscal_year_heading_governs_its_bullets_in_a_year_not_ending_in_december() -> None:
    # the claims take the article's quarter under its calendar label first ("2025-Q3"): the same dates as the
    # fiscal "FY2025-Q4", so the heading "Fiscal 2025 Highlights" gives them its year
    text = ("AUSTIN, Texas, Nov. 13, 2025 (BUSINESS WIRE) -- Quillon Systems, Inc. (NYSE: QLN) today announced "
            "financial results for its fourth quarter and fiscal year ended September 30, 2025.\n\n"
            "Fourth Quarter Fiscal 2025 Highlights\n"
            "  * Revenue of $318.4 million, up 12% year over year\n\n"
            "Fiscal 2025 Highlights\n"
            "  * Revenue of $1.19 billion, up 10% year over year\n"
            "  * GAAP net income of $74.2 million, or $1.51 per diluted share\n")
    rows = claim_rows(text, "2025-11-13", "Quillon Systems Reports Fourth Quarter and Fiscal 2025 Results")
    assert ("Quillon Systems", "revenue", "reported", 318.4e6, "FY2025-Q4") in rows, rows
    assert ("Quillon Systems", "revenue", "reported", 1.19e9, "FY2025") in rows, rows
    assert ("Quillon Systems", "net_income", "reported", 74.2e6, "FY2025") in rows, rows
    assert ("Quillon Systems", "eps", "reported", 1.51, "FY2025") in rows, rows


def test_a_span_of_months_of_a_named_fiscal_year() -> None:
    # "the July-September period of FY24" (a year to March): July to September 2023, the year-ago quarter
    from claimgraph.sources.periods import find_period_mentions

    text = "in the July-September period of FY24"
    (m,) = find_period_mentions(text)
    period, _ = m.resolve((3, 31), None, 2024)
    assert period is not None and (period.start.isoformat(), period.end.isoformat()) == ("2023-07-01", "2023-09-30")
    (m,) = find_period_mentions("in the October-December quarter of 2023")
    period, _ = m.resolve((12, 31), None, 2024)
    assert period is not None and period.label == "2023-Q4"
    rows = claim_rows("Mumbai, Nov 8 (PTI) Sarvottam Infra Ltd reported a 34 per cent rise in consolidated net profit "
                      "to Rs 412 crore for the September quarter.\n\nThe company had posted a net profit of Rs 307.5 "
                      "crore in the July-September period of FY24.\n", "2024-11-08", "Sarvottam Infra Q2 results")
    assert ("Sarvottam Infra", "net_income", "prior_period", 3.075e9, "FY2024-Q2") in rows, rows


def test_an_estimate_is_for_the_result_it_is_near() -> None:
    # the quarter's 91 cents, then the half's $1.90: "about 95 cents" expected is the quarter's estimate
    text = ("The Dunmore Paper Company said yesterday that its second-quarter earnings fell 22 percent.\n\n"
            "Dunmore earned $48.6 million, or 91 cents a share, in the quarter, compared with $62.3 million, or "
            "$1.17 a share, in the period a year earlier.\n\n"
            "For the first six months, Dunmore earned $101.2 million, or $1.90 a share, against $118.4 million, or "
            "$2.22 a share, in the first half of 1995.\n\n"
            "Analysts had expected earnings of about 95 cents a share, according to First Call Corporation.\n")
    rows = claim_rows(text, "1996-07-24", "Dunmore Paper Earnings Fall 22% in Quarter")
    estimates = [r for r in rows if r[2] == "analyst_estimate"]
    assert [(r[1], r[4]) for r in estimates] == [("eps", "1996-Q2")], rows


def test_a_hedged_or_ranged_bare_dollar_amount_is_the_local_dollar() -> None:
    # in an Australian story "$" is the Australian dollar, also after a hedge or "between"
    from claimgraph.sources.quantities import find_quantities

    for text in ("capex of about $480 million", "capex of between $480 million and $520 million",
                 "capex of approximately $480 million to $520 million", "up to $5 billion"):
        assert [q.value.unit for q in find_quantities(text, "AUD")] == ["AUD"], text
    assert [q.value.unit for q in find_quantities("about US$5 billion", "AUD")] == ["USD"]


def test_the_words_of_a_description_set_off_by_commas_name_no_other_metric() -> None:
    # "net interest income, the difference between what a bank earns on loans and pays out on deposits, rose 9% to
    # $1.46 billion": not deposits
    rows = claim_rows("Fernhill Bancorp said net interest income, the difference between what a bank earns on loans "
                      "and pays out on deposits, rose 9% to $1.46 billion in the third quarter.\n", "2025-10-17",
                      "Fernhill Bancorp results")
    assert rows and not any(r[1] in ("deposits", "loans") for r in rows), rows


def test_a_preview_s_full_year_estimate_is_the_year_its_awaited_quarter_ends() -> None:
    text = ("Lunaris Motors is scheduled to report fourth-quarter results after the closing bell on Wednesday.\n\n"
            "Analysts polled by FactSet expect the electric-vehicle maker to post adjusted earnings of 42 cents a share "
            "on revenue of $9.8 billion.\n\nFor the full year, Wall Street expects revenue of $38.6 billion.\n")
    rows = claim_rows(text, "2026-01-26", "What to expect from Lunaris Motors' Q4 earnings")
    assert [r[4] for r in rows if r[3] == 38.6e9] == ["2025"], rows


def test_an_undated_brief_s_view_of_the_quarter_it_reports_is_that_quarter() -> None:
    text = ("Nov 4 (Reuters) - Tellmark Holdings Inc:\n\n"
            "* TELLMARK HOLDINGS INC REPORTS THIRD QUARTER 2025 RESULTS\n"
            "* Q3 REVENUE $842.1 MILLION VERSUS $787.0 MILLION\n"
            "* Q3 EARNINGS PER SHARE $0.81\n"
            "* Q3 EARNINGS PER SHARE VIEW $1.01, REVENUE VIEW $836.4 MILLION -- LSEG I/B/E/S\n")
    rows = claim_rows(text, None, "BRIEF-Tellmark Holdings Q3 revenue rises 7%")
    assert {r[4] for r in rows if r[2] == "analyst_estimate"} == {"2025-Q3"}, rows


def test_a_wire_item_s_last_wrapped_line_and_its_currency_note_are_kept() -> None:
    # short unpunctuated last lines are widgets on pages, but not a hard-wrapped sentence's end nor "Results in
    # U.S. funds" under a results table
    from claimgraph.sources.readers import Metadata, text_document

    text = ("ACME YEAR NET\n\nTORONTO, March 25 -\n    Shr five cts vs 51 cts\n    Net 2,300,000 vs 22,500,000\n"
            "    Note: Prior shr and net include 20.3 mln U.S. dlr gain on\nsale of equity holdings\n"
            "    Results in U.S. funds\n")
    doc = text_document(text, "x.txt", Metadata())
    assert doc.text.rstrip().endswith("sale of equity holdings\nResults in U.S. funds"), doc.text


def test_a_toronto_story_s_bare_dollars_after_its_us_dollar_result_are_us_dollars() -> None:
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    text = ("BRAXTON <BRXT> VIABLE AFTER WRITEDOWN\n\nTORONTO, March 5 - Braxton Holdings Ltd said its capital "
            "position was sound.\n    Braxton earlier reported a fourth quarter loss of 918,000\nU.S. dlrs after a "
            "writedown of its stake in Kelso Inc.\n    It earned 585,000 dlrs in the previous fourth quarter.\n"
            "    Full-year earnings totaled 2.9 mln dlrs against a\nyear-earlier loss of 1.5 mln dlrs.\n")
    claims = extract(text_document(text, "x.txt", Metadata(published="1987-03-05"))).claims
    units = {c.value.low: c.value.unit for c in claims if c.metric == "net_income"}
    assert units == {-918000.0: "USD", 585000.0: "USD", 2.9e6: "USD", -1.5e6: "USD"}, units
    # (a local dollar named breaks the chain)
    claims = extract(text_document(text.replace("It earned 585,000 dlrs", "It earned 585,000 Canadian dlrs"), "x.txt",
                                   Metadata(published="1987-03-05"))).claims
    assert {c.value.low: c.value.unit for c in claims if c.metric == "net_income"}[585000.0] == "CAD"
