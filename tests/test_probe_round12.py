"""Hand-written articles in formats of other outlets (the twelfth session's probes): each test fails on the code
before its fix."""

from __future__ import annotations

from claimgraph.sources.metadata import clean_text
from claimgraph.sources.places import dateline
from tests.conftest import claim_rows as _claims


def test_dated_dateline_with_agency_and_no_dash() -> None:
    # an Indian agency's style: the story follows the agency in brackets without a dash
    found = dateline("Mumbai, Nov 4 (PTI) Larkspur Textiles Ltd on Tuesday said its profit rose.")
    assert found is not None and found.place == "Mumbai" and found.currency == "INR"
    assert dateline("Larkspur Inc. (LRK) said on Tuesday its profit rose.") is None  # no date: a company, no dateline
    cleaned = clean_text("Pune, Nov 4 (PTI) Larkspur Textiles Ltd on Tuesday reported a 12 per cent rise in "
                         "net profit to Rs 410 crore for the quarter ended September 30, 2025.\n")
    assert cleaned.title == ""  # the first paragraph, not a headline


def test_business_year_is_a_period_not_a_line_of_business() -> None:
    text = ("OSAKA, Nov 12, 2025 (Reuters) - Tanabe Precision Co reported higher first-half profit.\n\n"
            "For the full business year to March 2026, Tanabe raised its net profit forecast to 61 billion yen "
            "from 54 billion yen.\n")
    claims = _claims(text)
    assert ("Tanabe Precision", "net_income", "guidance", 61e9, "FY2026") in claims
    assert ("Tanabe Precision", "net_income", "prior_guidance", 54e9, "FY2026") in claims


_PTI = ("Chennai, Nov 3, 2025 (PTI) Larkspur Textiles Ltd on Monday reported a 12 per cent rise in consolidated net "
        "profit to Rs 410 crore for the second quarter ended September 30, 2025.\n\n"
        "The company had posted a net profit of Rs 366 crore {phrase}, Larkspur said in a regulatory filing.\n")


def test_earlier_period_named_after_the_figure_in_indian_usage() -> None:
    for phrase in ("in the July-September period of the previous fiscal", "in the same quarter of the previous fiscal",
                   "in the corresponding period of the previous year",
                   "in the July-September quarter of the previous year"):
        claims = _claims(_PTI.format(phrase=phrase))
        assert ("Larkspur Textiles", "net_income", "prior_period", 3.66e9, "FY2025-Q2") in claims, (phrase, claims)
        assert ("Larkspur Textiles", "net_income", "reported", 4.1e9, "FY2026-Q2") in claims, (phrase, claims)


def test_previous_fiscal_without_its_noun_is_the_year_before() -> None:
    from claimgraph.sources.periods import find_period_mentions

    kinds = [m.kind for m in find_period_mentions("up from Rs 20 crore in the previous fiscal, it said")]
    assert kinds == ["prior_year"]
    assert [m.kind for m in find_period_mentions("in the last fiscal quarter")] != ["prior_year"]


def test_raised_outlook_to_and_from_share_the_period_named_after_both() -> None:
    text = ("OSAKA, Nov 12, 2025 (Reuters) - Tanabe Precision Co raised its net profit forecast to 61 billion yen "
            "from 54 billion yen for the year to March 2026.\n")
    claims = _claims(text)
    assert ("Tanabe Precision", "net_income", "guidance", 61e9, "FY2026") in claims, claims
    assert ("Tanabe Precision", "net_income", "prior_guidance", 54e9, "FY2026") in claims, claims
    # a result compared with an earlier one keeps the rule: the period after the comparison is the earlier figure's
    text = ("OSAKA, Nov 12, 2025 (Reuters) - Tanabe Precision Co said net profit rose to 61 billion yen from 54 "
            "billion yen in the year to March 2025.\n")
    assert ("Tanabe Precision", "net_income", "guidance", 61e9, "FY2025") not in _claims(text)


def test_undated_story_year_is_the_one_after_its_comparisons() -> None:
    # no publication date: "up from ... in 1988" is the comparison's year, so the story's own year is 1989
    text = ("DAYTON, Ohio (UPI) -- Harlan Tool Corp. reported Tuesday net earnings of $3.2 million, or 45 cents a "
            "share, for the fourth quarter ended Dec. 31.\n\nFor the year, Harlan earned $11.8 million, or $1.66 a "
            "share, up from $9.4 million, or $1.31 a share, in 1988.\n")
    claims = _claims(text)
    assert ("Harlan Tool", "net_income", "reported", 3.2e6, "1989-Q4") in claims, claims
    assert ("Harlan Tool", "net_income", "reported", 11.8e6, "1989") in claims, claims
    assert ("Harlan Tool", "net_income", "prior_period", 9.4e6, "1988") in claims, claims


def test_a_discourse_adverb_is_no_company() -> None:
    text = ("Earlier, the company reported first quarter net income of 108.6 mln dlrs, or one dlr per share, up "
            "from 86.8 mln dlrs.\n")
    assert not any(c[0] == "Earlier" for c in _claims(text))


def test_a_passage_cut_inside_a_sentence_names_no_company_by_its_figures() -> None:
    from claimgraph.sources.report import headline_subject

    assert headline_subject("37.5% to 40.3% of net sales.") is None
    assert headline_subject("$27.5 million in the quarter") is None
    assert headline_subject("3M profit rises 5%") == "3M"
    text = "37.5% to 40.3% of net sales.\nNet income for the quarter was $27.5 million, down from $29.1 million.\n"
    assert not any(c[0].startswith("37") for c in _claims(text))


def test_an_outlook_s_bracketed_prior_range_is_the_outlook_it_replaced() -> None:
    text = ("Brightline Logistics Q3 2025 Earnings: Revenue Beats, Guidance Raised\nOct. 28, 2025\n\n"
            "Brightline Logistics (BLGX) reported Q3 revenue of $1.84B.\n"
            "FY2025 guidance raised: revenue now $7.28B-$7.32B (prior: $7.15B-$7.25B).\n")
    claims = _claims(text)
    assert ("Brightline Logistics", "revenue", "prior_guidance", 7.15e9, "2025") in claims, claims
    # a result's bracketed comparative is still the earlier period's
    text = ("Halverton Foods plc\nHalf-year results\n14 November 2024\n\n"
            "Group revenue rose 6.2% to £1.14bn (H1 FY24: £1.07bn).\n")
    assert any(c[2] == "prior_period" and c[3] == 1.07e9 for c in _claims(text))


def test_a_text_table_column_under_two_touching_headings_takes_the_one_over_it() -> None:
    text = ("Acme Industries Reports Record 1996 Results\n\nNEW YORK, Jan. 28, 1997 /PRNewswire/ -- Acme Industries "
            "Corp. (NYSE: ACM) today reported results for the year ended December 31, 1996.\n\n"
            "              (In thousands, except per share amounts)\n\n"
            "                        Three Months Ended          Year Ended\n"
            "                           December 31             December 31\n"
            "                         1996        1995        1996        1995\n"
            "Net sales            $412,300    $380,100  $1,602,400  $1,487,900\n"
            "Net income             45,210      38,120     160,330     141,020\n")
    claims = _claims(text)
    assert ("Acme Industries", "revenue", "reported", 1.6024e9, "1996") in claims, claims
    assert ("Acme Industries", "net_income", "reported", 45.21e6, "1996-Q4") in claims, claims


_BRIEF = """BRIEF-Corvex Therapeutics Q3 Revenue Rose 18%

Nov 6, 2025 (Reuters) - Corvex Therapeutics Inc:

* CORVEX THERAPEUTICS INC - Q3 REVENUE $412.6 MILLION VERSUS $349.7 MILLION

* CORVEX THERAPEUTICS - SEES FY 2025 REVENUE $1.60 BILLION TO $1.63 BILLION

* Q3 EARNINGS PER SHARE VIEW $0.52, REVENUE VIEW $401.0 MILLION -- LSEG I/B/E/S
"""


def test_a_wire_brief_reads_its_label_dateline_and_views() -> None:
    from claimgraph.sources.extract import dateline_date
    from claimgraph.sources.report import strip_labels

    assert strip_labels("BRIEF-Corvex Therapeutics Q3 Revenue Rose 18%") == "Corvex Therapeutics Q3 Revenue Rose 18%"
    assert str(dateline_date(_BRIEF)) == "2025-11-06"  # a dateline with no place
    claims = _claims(_BRIEF)
    companies = {c[0] for c in claims}
    assert companies == {"Corvex Therapeutics"}, companies
    # the headline's change is the quarter's, not the dateline's day (the headline was joined to the dateline line)
    assert ("Corvex Therapeutics", "revenue", "reported", 18.0, "2025-Q3") in claims, claims
    assert ("Corvex Therapeutics", "eps", "analyst_estimate", 0.52, "2025-Q3") in claims, claims
    assert ("Corvex Therapeutics", "revenue", "analyst_estimate", 401e6, "2025-Q3") in claims, claims


def test_a_slashed_name_with_its_legal_form_is_one_company() -> None:
    text = "CAPITAL CITIES/ABC INC <CCB> 1ST QTR NET\nNEW YORK, April 21, 1987 - \n    Shr 2.84 dlrs vs 2.68 dlrs\n"
    assert {c[0] for c in _claims(text)} == {"Capital Cities/ABC"}
    text = "Capital Cities/ABC Inc said first-quarter net income rose to 45.9 mln dlrs from 43.2 mln dlrs.\n"
    assert {c[0] for c in _claims(text)} == {"Capital Cities/ABC"}
    # a wire column's label before a slash is no part of a name
    text = ("WALL STREET STOCKS/AMES DEPT STORES <ADS>\nNEW YORK, March 11, 1987 - Ames Department Stores Inc "
            "said its fourth quarter net income rose to 22.1 mln dlrs.\n")
    assert not any("/" in c[0] for c in _claims(text))


def test_an_ap_story_s_fiscal_quarter_sets_its_calendar() -> None:
    text = ("Kroeber Foods 2Q profit falls 12 pct on higher costs\n\nBy MARCUS WEBB, AP Business Writer\n"
            "December 16, 2008\n\nCHICAGO (AP) -- Kroeber Foods Inc. said Tuesday its fiscal second-quarter profit "
            "fell 12 percent, though results topped Wall Street's reduced expectations.\n\n"
            "The maker of cereals earned $88.4 million, or 41 cents per share, in the three months ended Nov. 29, "
            "down from $100.5 million, or 46 cents per share, a year earlier.\n\n"
            "Kroeber reaffirmed its full-year forecast of $1.70 to $1.75 per share.\n")
    claims = _claims(text)
    guidance = [c for c in claims if c[2] == "guidance"]
    assert guidance and guidance[0][4] == "FY2009", claims  # the year to May 2009, not calendar 2008
    changes = [c for c in claims if c[3] == -12.0]
    assert len(changes) == 1, changes  # the headline's "2Q" is the story's quarter, not calendar Q2


def test_ap_quarter_shorthand_without_a_year() -> None:
    from claimgraph.sources.periods import find_period_mentions

    assert [(m.kind, m.number) for m in find_period_mentions("Kroeber Foods 2Q profit falls")] == [("quarter", 2)]
    assert find_period_mentions("a 2Q block of shares") == []


def test_a_summary_s_lines_run_together_at_a_price_and_a_year() -> None:
    text = ("Ardent Insurance Q1 2021 results\nApr 28, 2021\n\n"
            "q1 earnings per share $0.73.2021 earnings guidance range of $4.18 to $4.28 per share affirmed.\n")
    claims = _claims(text)
    assert ("Ardent Insurance", "eps", "guidance", 4.18, "2021") in claims, claims
