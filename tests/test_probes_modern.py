"""Probe articles in modern styles nobody had tried (hand-written, invented companies and figures: unit tests, not
quality figures): Indian, Australian, Canadian, Japanese, European and U.S. broadcast earnings copy."""

from __future__ import annotations

from pathlib import Path

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, read_inputs, text_document

Row = tuple[str, str, float, str, str, str]


def _rows(text: str, published: str, title: str | None = None) -> list[Row]:
    doc = text_document(text, "probe.txt", Metadata(published=published, title=title))
    return [(c.company, c.metric, c.value.low, c.period.start.isoformat() if c.period else "-",
             c.period.end.isoformat() if c.period else "-", str(c.modality)) for c in extract(doc).claims]


def test_indian_fiscal_quarters_glued_to_their_year_are_periods_of_a_year_to_march() -> None:
    rows = _rows("Vardhan Steel Ltd reported results. Revenue grew 9.4 per cent to Rs 14,320 crore in Q2FY25 from "
                 "Rs 13,090 crore in Q2FY24. Net profit was Rs 4,100 crore in FY24.", "2024-10-25")
    # "in Q2FY25" is no business line, and an article in rupees counts fiscal years from April
    assert ("Vardhan Steel", "revenue", 143200000000.0, "2024-07-01", "2024-09-30", "reported") in rows
    assert ("Vardhan Steel", "revenue", 130900000000.0, "2023-07-01", "2023-09-30", "prior_period") in rows
    assert ("Vardhan Steel", "net_income", 41000000000.0, "2023-04-01", "2024-03-31", "reported") in rows


def test_asx_half_year_bullets_npat_and_a_change_on_the_prior_half() -> None:
    text = ("Korimba Resources Limited (ASX: KRR) today announced its results for the half year ended 31 December "
            "2024 (1H25).\n\nHighlights\n- Revenue of A$1,284.6 million, up 11% on 1H24\n"
            "- Statutory NPAT of A$165.2 million\n- Underlying NPAT of A$171.0 million\n"
            "- Interim dividend of 12.5 cents per share fully franked\n")
    rows = _rows(text, "2025-02-20", "Korimba Resources 1H25 results")
    half = ("2024-07-01", "2024-12-31", "reported")
    # "up 11% on 1H24": 1H24 is what the change is measured against, not the period of either figure
    assert ("Korimba Resources", "revenue", 1284600000.0, *half) in rows
    assert ("Korimba Resources", "revenue", 11.0, *half) in rows
    assert ("Korimba Resources", "net_income", 165200000.0, *half) in rows
    assert ("Korimba Resources", "adjusted_net_income", 171000000.0, *half) in rows
    doc = text_document(text, "probe.txt", Metadata(published="2025-02-20", title="Korimba Resources 1H25 results"))
    dividend = [c for c in extract(doc).claims if c.metric == "dividend"]
    assert dividend and dividend[0].value.unit == "AUD"  # cents in a story that marks all its dollars "A$"


def test_a_full_year_forecast_headline_is_not_the_period_reported_and_a_yearless_half() -> None:
    rows = _rows("TOKYO, Nov 8, 2024 - Hoshimura Electric Co said on Friday it raised its operating profit forecast "
                 "for the fiscal year ending March 2025 to 420 billion yen from 380 billion yen.\n\n"
                 "For the April-September first half, net profit was 141.2 billion yen.", "2024-11-08",
                 "Hoshimura Electric raises full-year operating profit forecast")
    assert ("Hoshimura Electric", "net_income", 141200000000.0, "2024-04-01", "2024-09-30", "reported") in rows
    assert ("Hoshimura Electric", "operating_income", 420000000000.0, "2024-04-01", "2025-03-31", "guidance") in rows
    rows = _rows("Hoshimura Electric Co reported results. For the April-September first half, net profit was "
                 "141.2 billion yen.", "2024-11-08")  # the month range names the half, on no known calendar
    assert ("Hoshimura Electric", "net_income", 141200000000.0, "2024-04-01", "2024-09-30", "reported") in rows


def test_ebit_adjusted_margin_after_its_noun() -> None:
    rows = _rows("Munich, 29 October 2024 - Brandholt AG reported group sales of EUR 3.41 billion for the third "
                 "quarter of 2024. EBIT adjusted rose to EUR 402 million, an EBIT adjusted margin of 11.8%.",
                 "2024-10-29")
    assert ("Brandholt", "adjusted_operating_margin", 11.8, "2024-07-01", "2024-09-30", "reported") in rows


def test_a_fiscal_quarter_whose_end_is_stated_beats_publication_arithmetic_and_called_for_is_an_outlook() -> None:
    rows = _rows("Quillon reported fiscal first-quarter results on Tuesday that topped analysts' estimates. Revenue "
                 "grew 14% year over year in the quarter, which ended Oct. 31. Net income rose to $512 million. "
                 "For the fiscal second quarter, Quillon called for revenue of $4.25 billion to $4.35 billion.",
                 "2024-11-26")
    assert ("Quillon", "net_income", 512000000.0, "2024-08-01", "2024-10-31", "reported") in rows
    # the first quarter ended October 31: a year to July, whose second quarter runs November to January
    assert ("Quillon", "revenue", 4250000000.0, "2024-11-01", "2025-01-31", "guidance") in rows


_RELEASE = """<html><head><title>Tessaline Therapeutics Reports Third Quarter 2024 Financial Results</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Tessaline
Therapeutics Reports Third Quarter 2024 Financial Results","datePublished":"2024-11-07T21:05:00Z"}</script></head>
<body><div class="cookie-banner">We use cookies. <a href="#">Accept all cookies</a></div><article>
<h1>Tessaline Therapeutics Reports Third Quarter 2024 Financial Results</h1>
<p>BOSTON, Nov. 07, 2024 (GLOBE NEWSWIRE) -- Tessaline Therapeutics, Inc. (Nasdaq: TSLN) today reported financial
results for the third quarter ended September 30, 2024.</p>
<p><b>2024 Financial Guidance</b></p>
<p>Tessaline now expects full-year 2024 total revenue of $185 million to $190 million.</p>
<table>
<tr><td></td><td colspan="2">Three Months Ended September 30,</td><td colspan="2">Nine Months Ended September 30,</td></tr>
<tr><td>(in thousands, except per share data)</td><td>2024</td><td>2023</td><td>2024</td><td>2023</td></tr>
<tr><td>Total revenue</td><td>48,214</td><td>35,190</td><td>131,402</td><td>97,655</td></tr>
<tr><td>Net loss</td><td>(21,402)</td><td>(29,811)</td><td>(61,233)</td><td>(80,117)</td></tr>
</table>
<div class="newsletter">Sign up for our newsletter. Subscribe now</div></article></body></html>
"""


def test_a_results_table_below_an_outlook_paragraph_is_no_outlook(tmp_path: Path) -> None:
    page = tmp_path / "release.html"
    page.write_text(_RELEASE, encoding="utf-8")
    (result,) = list(read_inputs([str(page)]))
    assert result.document is not None
    got = {(c.metric, c.value.low, c.period.end.isoformat() if c.period else "-", str(c.modality))
           for c in extract(result.document).claims}
    # the heading "2024 Financial Guidance" is the outlook sentence's, not the caption of the table after it
    assert ("revenue", 48214000.0, "2024-09-30", "reported") in got
    assert ("net_income", -21402000.0, "2024-09-30", "reported") in got
    assert ("net_income", -29811000.0, "2023-09-30", "prior_period") in got
    assert ("revenue", 185000000.0, "2024-12-31", "guidance") in got
    assert not any(m == "guidance" and end < "2024-11-01" for _, _, end, m in got)


def test_a_metric_after_the_company_ends_its_name_and_a_beat_by_gap_is_no_figure() -> None:
    rows = _rows("Brightwell Energy press release: Q3 Non-GAAP EPS of $1.12 beats by $0.08.\nRevenue of $2.31B "
                 "(+4.5% Y/Y) misses by $40M.", "2024-10-30",
                 "Brightwell Energy Non-GAAP EPS of $1.12 beats by $0.08, revenue of $2.31B misses by $40M")
    got = {(r[0], r[1], r[2]) for r in rows}
    assert ("Brightwell Energy", "adjusted_eps", 1.12) in got and ("Brightwell Energy", "revenue", 2310000000.0) in got
    assert not {r for r in got if r[2] in (0.08, 40000000.0)}  # the gaps to the estimates
    assert {r[0] for r in rows} == {"Brightwell Energy"}


def test_a_basis_right_after_the_metric_name_makes_it_adjusted() -> None:
    rows = _rows("Operating income excluding items at Hallstrom AB rose 18% to 2.9 billion kronor in the three months "
                 "through September, the company said.", "2024-10-24")
    assert ("adjusted_operating_income", 2900000000.0) in {(r[1], r[2]) for r in rows}


def test_a_country_owning_a_company_is_no_part_of_its_name_and_a_smartestimate_is_an_estimate() -> None:
    rows = _rows("SEOUL, July 26 (Reuters) - South Korea's Hanseong Chemical Co Ltd said on Friday its April-June "
                 "operating profit jumped 48% from a year earlier to 612 billion won, beating a LSEG SmartEstimate of "
                 "580 billion won drawn from 14 analysts.\n\nSweden's Hallstrom AB said its sales rose.", "2024-07-26")
    quarter = ("2024-04-01", "2024-06-30")
    # "its April-June operating profit": a period, not a business line
    assert ("Hanseong Chemical", "operating_income", 612000000000.0, *quarter, "reported") in rows
    assert ("Hanseong Chemical", "operating_income", 580000000000.0, *quarter, "analyst_estimate") in rows
    assert not any("Korea" in r[0] or "Sweden" in r[0] for r in rows)


def test_not_less_than_is_a_floor_and_no_business_line() -> None:
    rows = _rows("Fernbrook Group plc (AIM: FERN) provides a trading update for the year ended 31 December 2024. The "
                 "Board expects to report revenue of approximately £84.0m for FY24 (FY23: £76.2m) and adjusted EBITDA "
                 "of not less than £12.5m (FY23: £10.9m).", "2025-01-14")
    ebitda = [r for r in rows if r[1] == "adjusted_ebitda"]
    assert ("Fernbrook Group", "adjusted_ebitda", 12500000.0, "2024-01-01", "2024-12-31") in {r[:5] for r in ebitda}
    assert ("Fernbrook Group", "adjusted_ebitda", 10900000.0, "2023-01-01", "2023-12-31") in {r[:5] for r in ebitda}


def test_total_income_of_an_indian_company_is_no_net_profit() -> None:
    rows = _rows("Sunrise Agro Ltd reported a 22 per cent rise in net profit at Rs 48.6 crore for the first quarter of "
                 "FY26. Total income rose to Rs 612.4 crore from Rs 540.1 crore.", "2025-08-05")
    assert ("Sunrise Agro", "net_income", 486000000.0, "2025-04-01", "2025-06-30", "reported") in rows
    assert not any(r[1] == "net_income" and r[2] in (6124000000.0, 5401000000.0) for r in rows)


def test_french_group_share_net_income_and_like_for_like_growth() -> None:
    rows = _rows("Paris, 25 July 2024 - Valmont Industries SA today announced its results for the first half of 2024. "
                 "Revenue reached €4,812m, up 6.2% on a reported basis and 4.9% like-for-like. Net income, Group "
                 "share, amounted to €402m.", "2024-07-25")
    half = ("2024-01-01", "2024-06-30", "reported")
    assert ("Valmont Industries", "net_income", 402000000.0, *half) in rows  # not the share price of "Group share"
    assert ("Valmont Industries", "revenue", 6.2, *half) in rows
    # like-for-like growth is organic, not revenue growth as reported: kept apart under its own metric
    assert {r[1] for r in rows if r[2] == 4.9} == {"organic_revenue"}


def test_a_sentence_ending_on_a_glued_scale_ends_there() -> None:
    rows = _rows("Lumora Biotech (NASDAQ:LMRA) Q2 GAAP EPS of -$0.12 beats by $0.05. Revenue of $88.4M (+31.2% Y/Y) "
                 "beats by $3.1M. FY25 revenue guidance raised to $350M-$360M from $330M-$345M.", "2025-08-06")
    # "$3.1M." ends the sentence: the quarter's revenue is no part of the outlook after it
    assert ("Lumora Biotech", "revenue", 88400000.0, "2025-04-01", "2025-06-30", "reported") in rows
    assert ("Lumora Biotech", "revenue", 350000000.0, "2025-01-01", "2025-12-31", "guidance") in rows
