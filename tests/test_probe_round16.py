"""Hand-written articles of the sixteenth session's probes: each test fails on the code before its fix."""

from __future__ import annotations

from claimgraph.analysis.conflicts import Fact
from claimgraph.analysis.corrections import Notice, link_corrections
from claimgraph.sources.companies import is_short_form
from claimgraph.sources.corrections import correction_notice
from tests.conftest import claim_rows

_HALF = ("ROCHESTER, N.Y., March 16 - Quillmark Optics Corp said it expects the second half to show continued "
         "growth.\n    The company today reported a profit for the first half ended January 31 of 212,400 dlrs, "
         "compared with a year-earlier loss of 88,310 dlrs, on sales of 4,120,900 dlrs, up from 3,377,000 dlrs.\n")


def test_sales_with_their_own_comparison_after_a_prior_figure_are_the_current_periods() -> None:
    # "compared with a year-earlier loss of X, on sales of Y, up from Z": Y is set against Z, so Y is the half's own
    rows = claim_rows(_HALF, "1987-03-16", "QUILLMARK OPTICS <QMKO> SEES IMPROVEMENT")
    current = [r for r in rows if r[3] == 4120900.0]
    assert current and current[0][1:3] == ("revenue", "reported"), rows
    assert any(r[3] == 3377000.0 and r[2] == "prior_period" for r in rows), rows


def test_all_of_last_year_is_the_last_year() -> None:
    # "In all of last year, X earned ...": the whole last year, not the half the story reports
    rows = claim_rows(_HALF + "    In all of last year, Quillmark earned 640,000 dlrs on sales of 7,910,000 dlrs.\n",
                      "1987-03-16", "QUILLMARK OPTICS <QMKO> SEES IMPROVEMENT")
    year = [r for r in rows if r[3] in (640000.0, 7910000.0)]
    assert len(year) == 2 and all(r[4] is not None and "H1" not in r[4] for r in year), rows


def test_a_metric_word_modifying_another_noun_names_no_figure() -> None:
    # "Earnings from subsidiaries through profit transfer agreements 494.2 mln": not the group's profit
    text = ("FRANKFURT, March 29 - Year ended December 31, 1986.\n    Group net profit 30 mln marks vs 35 mln.\n"
            "    Earnings from affiliates through profit transfer\nagreements 212.6 mln marks vs 41.9 mln.\n REUTER\n")
    rows = claim_rows(text, "1987-03-29", "NORDHAFEN BANK AG <NHBK.F> YEAR 1986")
    assert [r[3] for r in rows if r[1] == "net_income"] == [30e6, 35e6], rows


def test_initials_that_keep_a_lowercase_particle_name_the_full_name() -> None:
    # "BfG" style: a German or Dutch "fuer"/"voor" keeps its letter in the initials
    assert is_short_form("NFW", "Nordbank fuer Wirtschaft")
    assert not is_short_form("NW", "Nordbank fuer Wirtschaft") or is_short_form("NW", "Nordbank Wirtschaft")
    rows = claim_rows("FRANKFURT, June 29 - Year ended December 31, 1986.\n    Group net profit 45.2 mln marks vs "
                      "35.2 mln.\n    Full name is Nordbank fuer Wirtschaft AG.\n REUTER\n", "1987-06-29",
                      "NFW <NFWB.F> GROUP NET RISES IN 1986")
    assert {r[0] for r in rows} == {"Nordbank fuer Wirtschaft"}, rows


def _fact(i: str, art: str, value: float, published: str, title: str) -> Fact:
    return Fact(i, art, "Nordbank fuer Wirtschaft", "net_income", "level", value, value, value, 5, "exact", "DEM",
                "FY1986", "1986-01-01", "1986-12-31", "reported", None, stated=f"{value / 1e6:g} mln",
                publisher="Reuters", published=published, title=title)


def test_final_figures_revised_from_a_provisional_release_months_before_correct_it() -> None:
    note = correction_notice("NFW <NFWB.F> GROUP NET RISES IN 1986",
                             "Group net profit 45.2 mln marks vs 35.2 mln.\n    Note. Figures revised from provisional "
                             "figures issued in March.\n")
    assert note is not None and note.kind == "revision", note
    assert correction_notice("ACME SALES", "Sales were revised upward from 3 mln dlrs.") is None
    facts = [_fact("a", "march", 30e6, "1987-03-29", "NORDBANK FUER WIRTSCHAFT AG <NFWB.F> YEAR 1986"),
             _fact("b", "june", 45.2e6, "1987-06-29", "NFW <NFWB.F> GROUP NET RISES IN 1986")]
    links = link_corrections(facts, {"june": Notice(note.kind, note.text)})
    assert [(x.corrector, x.corrected) for x in links] == [("june", "march")], links
    # (a provisional release of another month is not the one revised)
    facts[0] = _fact("a", "march", 30e6, "1987-02-27", "NORDBANK FUER WIRTSCHAFT AG <NFWB.F> YEAR 1986")
    assert link_corrections(facts, {"june": Notice(note.kind, note.text)}) == []


_RESULTS = "Verrano Foods Inc reported second-quarter results on Tuesday. "


def test_a_margin_that_narrowed_fell_and_a_loss_that_narrowed_rose() -> None:
    rows = claim_rows(_RESULTS + "Operating margin narrowed 150 basis points to 8.2%. Its net loss narrowed 15% to "
                      "$8 million.", "2025-08-05")
    assert ("Verrano Foods", "operating_margin", "reported", -1.5, "2025-Q2") in rows, rows
    assert ("Verrano Foods", "net_income", "reported", 15.0, "2025-Q2") in rows, rows


def test_earnings_excluding_items_before_their_verb_are_adjusted_figures() -> None:
    # "<metric> excluding items <verb> <figure>": the adjusted figure, not an amount excluded from the metric
    for sentence, metric, value in (("Earnings excluding items were $1.20 per share.", "adjusted_eps", 1.2),
                                    ("Earnings per share excluding items doubled to $1.20.", "adjusted_eps", 1.2),
                                    ("Net income excluding items rose to $300 million.", "adjusted_net_income", 3e8)):
        rows = claim_rows(_RESULTS + sentence, "2025-08-05")
        assert ("Verrano Foods", metric, "reported", value, "2025-Q2") in rows, (sentence, rows)
    # (an amount a result excludes is still no figure of the result)
    assert claim_rows(_RESULTS + "Net income excluded a charge of $40 million, or 12 cents a share.",
                      "2025-08-05") == []


def test_a_rivals_quarterly_figure_beside_a_quarter_of_another_calendar_is_its_last_quarter() -> None:
    # the article's quarter ends October 31; a calendar-year rival's "quarterly revenue" is its July-September one
    rows = claim_rows("Revenue for the first quarter ended Oct. 31 rose 14% to $1.41 billion at Pellaro Systems Inc."
                      "\n\nRival Dunmore Semiconductor last week reported a 6% fall in quarterly revenue to $890 "
                      "million.\n", "2024-11-20")
    assert ("Dunmore Semiconductor", "revenue", "reported", 8.9e8, "2024-Q3") in rows, rows
    assert ("Pellaro Systems", "revenue", "reported", 1.41e9, "FY2025-Q1") in rows, rows


def test_flat_at_one_end_of_a_range_is_no_change() -> None:
    rows = claim_rows("Brindle Outdoor Co. said full-year organic sales should range from flat to down 1%, and "
                      "revenue growth of flat to 4% is expected in the third quarter.\n", "2025-04-30")
    assert ("Brindle Outdoor", "organic_revenue", "guidance", -1.0, "2025") in rows, rows
    assert ("Brindle Outdoor", "revenue", "guidance", 0.0, "2025-Q3") in rows, rows


def test_a_coordinated_outlook_with_its_own_subject_and_period() -> None:
    # "expects full-year revenue to rise 2%, and sales in the fourth quarter to fall 1%": two outlooks, each its
    # own period (the quarter named after the first figure is the second's)
    rows = claim_rows("Acme Corp expects full-year revenue to rise 2%, and sales in the fourth quarter to fall 1%.\n",
                      "2025-04-30")
    assert ("Acme", "revenue", "guidance", 2.0, "2025") in rows, rows
    assert ("Acme", "revenue", "guidance", -1.0, "2025-Q4") in rows, rows


def test_a_figure_said_to_be_expected_is_an_outlook() -> None:
    # "revenue growth of 4% is expected in the third quarter": the passive of "expect" after the figure
    rows = claim_rows("Acme Corp said revenue growth of 4% is expected in the third quarter.\n", "2025-04-30")
    assert rows == [("Acme", "revenue", "guidance", 4.0, "2025-Q3")], rows


def test_like_for_like_revenue_growth_before_its_noun_is_organic() -> None:
    rows = claim_rows("Groupe Valmontre SA confirmed its 2025 outlook: like-for-like revenue growth of 4% to 6%.\n",
                      "2025-07-24")
    assert ("Groupe Valmontre", "organic_revenue", "guidance", 4.0, "2025") in rows, rows
