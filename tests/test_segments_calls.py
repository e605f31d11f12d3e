"""Segment, product, regional and business-line figures in call transcripts and call prose are not the company's
total (issue 12 item 4): hand-written passages in the style of modern calls (one sentence a line, as transcripts
often come, or paragraphs)."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Claim
from claimgraph.sources.readers import Metadata, text_document
from claimgraph.sources.tables import parse_rows

CALL_DAY = dt.date(2021, 11, 9)


def _call(body: str, title: str = "HLX Q3 2021 earnings call") -> list[Claim]:
    doc = text_document(body, "x.txt", Metadata(title=title, published=CALL_DAY.isoformat()))
    return extract(doc).claims


def _classified(claims: list[Claim]) -> dict[float, str]:
    return {c.value.low: c.metric for c in claims}


def test_a_lead_opens_a_segment_scope_for_the_sentences_after_it() -> None:
    got = _classified(_call(
        "Adjusted earnings per share of $1.26 was ahead of our expectations.\n"
        "Free cash flow of $1.5 billion was in line with our expectations.\n"
        "So with that, let me hand it over to Dana to take you through the segment results.\n"
        "Starting with Halden Aerospace on slide four.\n"
        "Sales were $4.6 billion in the quarter, up 7% on an adjusted basis.\n"
        "Adjusted operating profit of $480 million was up $407 million from the prior year.\n"
        "Turning to the balance sheet, cash and equivalents were $7.2 billion.\n"
        "Total company sales were $16.2 billion, up 5%.\n"))
    assert got[1.26] == "adjusted_eps" and got[1.5e9] == "free_cash_flow"
    assert got[4.6e9] == "unclassified" and got[480e6] == "unclassified" and got[407e6] == "unclassified"
    assert 7 not in got  # a segment's growth is left out
    assert got[7.2e9] == "cash" and got[16.2e9] == "revenue"


def test_a_segment_subject_opens_a_scope_and_the_company_level_ends_it() -> None:
    got = _classified(_call(
        "Our merchant segment also saw a significant rebound in the quarter.\n"
        "Revenue was flat on an organic basis at $1 billion.\n"
        "Adjusted EBITDA in the segment was $487 million.\n"
        "On a consolidated basis, revenue increased 3% to $3.5 billion.\n"
        "Adjusted EBITDA was $1.4 billion.\n"
        "We are pleased with the quarter.\n"))
    assert got[1e9] == "unclassified" and got[487e6] == "unclassified"
    assert got[3.5e9] == "revenue" and got[1.4e9] == "adjusted_ebitda"


def test_a_scope_ends_with_a_figure_only_the_company_has() -> None:
    got = _classified(_call(
        "Moving on to the Americas.\n"
        "Sales were $2.1 billion, up 4%.\n"
        "Adjusted EPS was $1.02, up 9%.\n"
        "Operating income was $900 million.\n"
        "We remain confident.\n"
        "Thank you all.\n"))
    assert got[2.1e9] == "unclassified"
    assert got[1.02] == "adjusted_eps" and got[900e6] == "operating_income"


def test_a_scope_fades_after_a_few_sentences_that_do_not_name_it() -> None:
    body = ("Turning to Fluids, orders were strong.\n"
            "Sales were $310 million.\n"
            "We saw good demand.\nCustomers were busy.\nThe team executed well.\nShipping costs eased.\n"
            "Pricing held up.\nWe hired more engineers.\n"
            "Operating income was $95 million for the quarter.\n")
    got = _classified(_call(body))
    assert got[310e6] == "unclassified" and got[95e6] == "operating_income"


def test_in_prose_paragraphs_a_scope_ends_with_its_paragraph() -> None:
    got = _classified(_call(
        "In North America, sales rose 6% to $1.1 billion. Operating profit there was $140 million.\n\n"
        "Operating profit was $410 million, and revenue was $3.3 billion.",
        title="Halden Q3 2021 results"))
    assert got[1.1e9] == "unclassified" and got[140e6] == "unclassified"
    assert got[410e6] == "operating_income" and got[3.3e9] == "revenue"


def test_the_noun_phrase_that_opens_the_clause_names_a_business_line() -> None:
    got = _classified(_call(
        "IT outsourcing revenue was $1.19 billion in the quarter, up 1.4%.\n"
        "Cloud and security revenue was $524 million.\n"
        "By channel, commercial aftermarket sales were $2.1 billion.\n"
        "EMEALA revenue was $870 million.\n"
        "Third-quarter revenue was $4.1 billion.\n"
        "Total revenue was $4.1 billion.\n"
        "We delivered revenue of $4.1 billion.\n"))
    assert got[1.19e9] == "unclassified" and got[524e6] == "unclassified"
    assert got[2.1e9] == "unclassified" and got[870e6] == "unclassified"
    assert got[4.1e9] == "revenue"


def test_a_company_s_own_possessive_and_periods_open_no_scope() -> None:
    got = _classified(_call("For FY24, net profit was $500 million.\nRio's EBITDA was $18.6 billion.",
                            title="Acme results"))
    assert got[500e6] == "net_income" and got[18.6e9] == "ebitda"


def test_a_number_in_words_after_prose_is_no_table_line() -> None:
    assert parse_rows("Starting with Halden Aerospace on slide four.\nShr two cts vs one ct") and \
        [r.label for r in parse_rows("Starting with Halden Aerospace on slide four.\nShr two cts vs one ct")] == ["Shr"]


def test_a_business_line_as_the_subject_of_its_verb_or_after_the_metric() -> None:
    got = _classified(_call(
        "Final mile products generated $77 million of revenue as this business ramps.\n"
        "FMP experienced an operating loss of $4 million, as expected.\n"
        "Adjusted EBITDA margin for RPO and Professional Search was 24.9% in the fourth quarter.\n"
        "Global Executive Search fee revenue was $310 million.\n"
        "We are raising our adjusted EBITDA guidance for the MC segment to a range of $210 million to $220 million.\n"
        "Net income from our other businesses increased $2.2 million.\n"
        "We generated $1.2 billion of revenue in the quarter.\n"))
    assert got[77e6] == "unclassified" and got[4e6] == "unclassified" and 24.9 not in got
    assert got[310e6] == "unclassified" and got[210e6] == "unclassified" and got[2.2e6] == "unclassified"
    assert got[1.2e9] == "revenue"


def test_a_clause_naming_one_business_line_opens_its_scope_and_a_list_of_regions_does_not() -> None:
    got = _classified(_call(
        "Banking Solutions revenue increased 3% organically to $1.5 billion.\n"
        "Adjusted EBITDA was $653 million for banking.\n"
        "Adjusted EPS was $1.42.\n"
        "Operating income was $2.1 billion.\n"))
    assert got[1.5e9] == "unclassified" and got[653e6] == "unclassified" and got[2.1e9] == "operating_income"
    got = _classified(_call(
        "North America revenue declined 3%, International revenue grew 1% to $900 million.\n"
        "We improved operating margin to 25.4%, and operating income was $883 million.\n"
        "We are pleased.\nThank you.\nNext question.\nGood morning.\n"))
    assert got[900e6] == "unclassified" and got[25.4] == "operating_margin" and got[883e6] == "operating_income"


def test_a_demonstrative_segment_and_leads_outside_a_region_or_on_a_side() -> None:
    got = _classified(_call(
        "This business delivered revenue of $310 million in the quarter.\n"
        "Revenue in the quarter for this segment was $210 million.\n"
        "Outside the U.S., revenue grew to $900 million.\n"
        "On the international side, sales were $450 million.\n"
        "Total company revenue was $2 billion, and the segment's share rose.\n"))
    assert got[310e6] == "unclassified" and got[210e6] == "unclassified"
    assert got[900e6] == "unclassified" and got[450e6] == "unclassified" and got[2e9] == "revenue"


def test_a_sentence_about_a_named_segment_opens_a_scope_and_sales_to_a_customer_group_are_a_part() -> None:
    got = _classified(_call(
        "Slide 5 shows a summary of fourth quarter results for the composite fiber segment.\n"
        "Revenues for the quarter were $150 million.\n"
        "Sales to transportation customers decreased by 9% to $40 million.\n"
        "Adjusted EPS was $0.42.\n"
        "Revenue was $600 million.\n"))
    assert got[150e6] == "unclassified" and got[40e6] == "unclassified"
    assert got[0.42] == "adjusted_eps" and got[600e6] == "revenue"


def test_in_a_call_a_units_figures_go_on_in_its_sentence_until_the_total_or_a_contrast() -> None:
    got = _classified(_call(
        "Good morning.\n"
        "Banking Solutions revenue increased 3% organically to $1.5 billion, and adjusted EBITDA was $653 million.\n"
        "Europe revenue rose 5% to $300 million, while total revenue rose 3% to $1.2 billion.\n"
        "Revenue in North America grew 5% to $500 million, and net income rose to $200 million.\n"
        "Adjusted EPS was $1.10.\n"))
    assert got[1.5e9] == "unclassified" and got[653e6] == "unclassified" and got[300e6] == "unclassified"
    assert got[1.2e9] == "revenue" and got[200e6] == "net_income"
    news = _classified(_call("U.S. sales rose 5% to $1 billion, and operating profit rose to $300 million.",
                             title="Halden Q3 2021 results"))
    assert news[1e9] == "unclassified" and news[300e6] == "operating_income"


def test_a_regions_adjusted_earnings_and_pretax_income_are_the_regions() -> None:
    got = _classified(_call(
        "Adjusted earnings per share were $1.95, up 11%.\n"
        "Moving to Asia, adjusted earnings were $412 million, up 18% on a constant currency basis.\n"
        "Pre-tax income was $540 million, driven by volume growth.\n"
        "Latin America, adjusted earnings were $150 million, down 58%.\n"
        "Total company revenue was $17.2 billion, up 5%.\n"))
    assert got[1.95] == "adjusted_eps"
    assert got[412e6] == "unclassified" and got[540e6] == "unclassified" and got[150e6] == "unclassified"
    assert 18 not in got and 58 not in got  # (a region's growth is left out)
    assert got[17.2e9] == "revenue"


def test_a_generic_word_is_no_company_and_segments_possessive_is_a_part() -> None:
    claims = _call(
        "Revenue for the quarter was $2.1 billion.\n"
        "Segment's operating margin increased to 21.7% from 17.6%.\n"
        "Cash generated from operating activities during the quarter was $77.5 million, and free cash flow totaled "
        "$72.7 million.\n")
    assert {c.company for c in claims} == {"HLX"}
    got = _classified(claims)
    assert got[2.1e9] == "revenue" and 21.7 not in got and 17.6 not in got
    assert got[77.5e6] == "operating_cash_flow" and got[72.7e6] == "free_cash_flow"


def test_a_units_backlog_is_the_units_and_quarter_end_backlog_the_companys() -> None:
    got = _classified(_call(
        "q4 adjusted non-gaap earnings per share $1.06.\n"
        "halden aviation backlog at end of q4 was $1.6 billion.\n"
        "rotor backlog at end of q4 was $5.3 billion.\n"
        "quarter-end backlog of $11.2 billion, up 7% versus a year ago.\n", title="HLX Q4 2020 results"))
    assert got[1.06] == "adjusted_eps"
    assert got[1.6e9] == "unclassified" and got[5.3e9] == "unclassified"
    assert got[11.2e9] == "revenue_backlog" and got[7] == "revenue_backlog"
