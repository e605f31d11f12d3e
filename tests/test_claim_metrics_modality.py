"""Metric and modality of claims in real-news styles (issue 12): hand-written text, one mechanism per test.

The accuracy figures come from the real gold (tests/test_real_quality.py), never from these sentences.
"""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.model import Extraction, Modality
from claimgraph.sources.readers import Metadata, text_document


def _record(title: str, text: str, published: str) -> Extraction:
    doc = text_document(text, "r.json", Metadata(title=title, published=published), title_first_line=False)
    return extract(doc)


def _metrics(ex: Extraction, value: float) -> list[str]:
    return [c.metric for c in ex.claims if abs(c.value.mid - value) < 1e-9]


def test_a_wrapped_note_under_a_table_is_one_sentence() -> None:
    """A NOTE paragraph hard-wrapped under a results table is read as one sentence: its per-share charge is not EPS."""
    text = ("BOSTON, May 4 -\n    Shr 1.10 dlrs vs 95 cts\n    Net 22.5 mln vs 19.1 mln\n    Revs 310 mln vs 288 mln\n"
            "    NOTE: 1987 1st qtr net includes a pretax charge of four\nmln dlrs or 17 cts a share for the closing "
            "of a plant in\nOhio and the sale of its furniture business.\n")
    ex = _record("WIDGETCO INC <WDG> 1ST QTR NET", text, "1987-05-04")
    assert _metrics(ex, 1.10) == ["eps"]
    assert "eps" not in _metrics(ex, 0.17)
    assert "net_income" not in _metrics(ex, 4e6)


def _one(ex: Extraction, value: float) -> tuple[str, str, str]:
    c = next(c for c in ex.claims if abs(c.value.mid - value) < 1e-9)
    return c.metric, c.measure.value, c.modality.value


def test_a_change_of_a_noun_outside_the_vocabulary_is_not_the_metric_before_it() -> None:
    ex = _record("Globex results", "Globex Corp said second-quarter net income climbed 11 pct despite a 9 pct "
                 "increase in freight costs, and posted a 6 pct increase in revenues.", "1987-08-01")
    assert _one(ex, 11) == ("net_income", "change_yoy", "reported")
    assert not [c for c in ex.claims if abs(c.value.mid - 9) < 1e-9 and c.metric != "unclassified"]
    assert _one(ex, 6)[0] == "revenue"


def test_a_per_share_restatement_takes_the_modality_and_period_of_its_figure() -> None:
    ex = _record("Globex results", "Globex Corp said its second quarter net income rose to 31.5 mln dlrs, or 40 "
                 "cts a share, from 28.1 mln dlrs, or 36 cts a share, in the year-earlier quarter.", "1987-08-01")
    prior_net = next(c for c in ex.claims if c.metric == "net_income" and abs(c.value.mid - 28.1e6) < 1)
    prior_eps = next(c for c in ex.claims if c.metric == "eps" and abs(c.value.mid - 0.36) < 1e-9)
    assert prior_eps.modality is prior_net.modality is Modality.PRIOR_PERIOD
    assert prior_eps.period == prior_net.period


def test_raised_from_is_the_earlier_payment() -> None:
    ex = _record("Globex dividend", "Globex Corp said it raised its quarterly dividend to 14 cts a share from 12 cts.",
                 "1987-08-01")
    assert _one(ex, 0.12) == ("dividend", "level", "prior_period")
    assert _one(ex, 0.14) == ("dividend", "level", "reported")


def test_a_coordinated_outlook_and_the_first_person_of_a_call() -> None:
    ex = _record("GLBX Q2 2021 earnings call", "For 2022 we expect sales growth of 4% to 6% and earnings per share "
                 "growth of 8% to 10%.", "2021-08-01")
    assert _one(ex, 5)[2] == "guidance"
    assert _one(ex, 9) == ("eps", "change_yoy", "guidance")


def test_an_outlook_or_estimate_set_against_a_result() -> None:
    ex = _record("GLBX Q2 2021 earnings call", "Adjusted earnings per share of $0.52 were well above our outlook of "
                 "$0.40 to $0.45. Q2 revenue $812.5 million versus FactSet consensus estimate of $790.1 million.",
                 "2021-08-01")
    assert _one(ex, 0.52)[2] == "reported"
    assert _one(ex, 0.425)[2] == "prior_guidance"
    assert _one(ex, 812.5e6)[2] == "reported"
    assert _one(ex, 790.1e6)[2] == "analyst_estimate"


def test_a_named_analyst_speaking_again_gives_estimates() -> None:
    text = ("NEW YORK, May 3 - Shares of Globex Corp rose, traders said.\n"
            "    \"The stock is cheap,\" said Smith Barney analyst Mary Kessler.\n"
            "    Kessler expects Globex to earn 2.40 dlrs a share this year. Next year, the company should earn "
            "2.90 dlrs a share.\n")
    ex = _record("TALKING POINT/GLOBEX", text, "1987-05-03")
    assert _one(ex, 2.40)[2] == "analyst_estimate"
    assert _one(ex, 2.90)[2] == "analyst_estimate"


def test_expects_to_report_is_an_early_estimate() -> None:
    ex = _record("Globex sees lower profit", "Globex Corp said it expects to report earnings of between 40 and 45 "
                 "cts per share, compared with 61 cts per share a year earlier.", "1987-03-02")
    assert _one(ex, 0.425)[2] == "preliminary"


def test_segments_named_after_the_metric_or_as_the_clause_subject() -> None:
    ex = _record("GLBX Q2 2021 earnings call", "Revenue from fiber amplifiers was $48 million. Earnings from foreign "
                 "operations rose to $11 million. Looking at our non-automotive business, revenue of $104 million was "
                 "up 4%. The Coatings Group, which increased operating income by 12.5%, led the way. Total revenue "
                 "for the second quarter was $912 million.", "2021-08-01")
    for value in (48e6, 11e6, 104e6):
        assert _metrics(ex, value) == ["unclassified"]
    assert "operating_income" not in _metrics(ex, 12.5)
    assert _metrics(ex, 912e6) == ["revenue"]


def test_adjusted_and_pro_forma_bases_stated_around_the_figure() -> None:
    ex = _record("GLBX Q2 2021 earnings call", "That compares with earnings of $2.15 per share on an adjusted basis "
                 "a year ago. Diluted EPS, as adjusted, was $0.61. Pro forma second quarter earnings, which include "
                 "the acquired stores, rose to $40 million, or 52 cents a share.", "2021-08-01")
    assert _metrics(ex, 2.15) == ["adjusted_eps"]
    assert _metrics(ex, 0.61) == ["adjusted_eps"]
    assert "eps" not in _metrics(ex, 0.52)


def test_a_per_share_charge_net_of_tax_is_not_earnings() -> None:
    ex = _record("GLBX Q2 2021 earnings call", "Our results include a goodwill impairment of $80 million, or $61 "
                 "million net of tax, which is $1.12 per share.", "2021-08-01")
    assert "eps" not in _metrics(ex, 1.12)


def test_amount_changes_and_a_change_after_its_level() -> None:
    ex = _record("GLBX Q2 2021 earnings call", "Second-quarter revenue was $212 million, up $14 million from the "
                 "first quarter. Quarterly revenue of $2.7 billion, an increase of 9%.", "2021-08-01")
    up = next(c for c in ex.claims if abs(c.value.mid - 14e6) < 1)
    assert up.measure.value.startswith("change")
    nine = next(c for c in ex.claims if abs(c.value.mid - 9) < 1e-9)
    assert (nine.metric, nine.measure.value) == ("revenue", "change_yoy") and nine.period is not None


def test_a_metric_word_that_modifies_another_noun_is_not_the_metric() -> None:
    ex = _record("GLBX Q2 2021 earnings call", "We have realized $90 million in revenue synergies so far. The company "
                 "may sell up to $300 million in debt securities. Assets under management rose to $12 billion.",
                 "2021-08-01")
    for value in (90e6, 300e6, 12e9):
        assert not [m for m in _metrics(ex, value) if m != "unclassified"]


def test_one_verb_governs_coordinated_metric_figure_pairs() -> None:
    ex = _record("GLBX Q2 2021 results", "Globex lifts revenue 12% and earnings per share 31%.", "2021-08-01")
    assert _one(ex, 12)[0] == "revenue"
    assert _one(ex, 31)[0] == "eps"


def test_shares_of_a_total_and_figures_with_their_own_subject() -> None:
    ex = _record("GLBX Q2 2021 earnings call", "Retail, representing 31% of total revenue and 12% of segment profit, "
                 "grew. Store revenue rose 14% including Northwind up 22% and Contoso up 9%.", "2021-08-01")
    for value in (31, 12, 22, 9):
        assert not _metrics(ex, value), value


def test_adjusted_and_organic_revenue_are_not_revenue() -> None:  # (organic growth: its own metric)
    ex = _record("GLBX Q2 2021 earnings call", "Adjusted revenue was $455 million. Revenue rose 6% organically. "
                 "Net revenue was $2.1 billion, up 8%, with organic growth of 5.5%.", "2021-08-01")
    assert "revenue" not in _metrics(ex, 455e6)
    assert _metrics(ex, 6) == ["organic_revenue"] and _metrics(ex, 5.5) == ["organic_revenue"]  # kept apart
    assert _metrics(ex, 2.1e9) == ["revenue"] and _metrics(ex, 8) == ["revenue"]


def test_a_figure_of_the_period_compared_with() -> None:
    ex = _record("Globex results", "Globex AG said profit in 1986 fell sharply compared with 1985, when it earned a "
                 "record 310 mln marks, a rise of 12.5 pct on the previous year.", "1987-03-20")
    assert _one(ex, 310e6) == ("net_income", "level", "prior_period")
    assert _one(ex, 12.5) == ("net_income", "change_yoy", "prior_period")
    ex = _record("GLBX Q4 2020 earnings call", "We expect 2021 earnings per share to be up mid single-digits, compared "
                 "to our 2020 earnings per share of $3.15.", "2021-02-10")
    assert _one(ex, 3.15)[2] == "reported"


def test_the_company_own_estimate_of_an_ended_period_is_preliminary() -> None:
    ex = _record("Globex sees quarter in line", "Globex Corp said it believes its January estimate calling for "
                 "fourth quarter earnings per share of 20 cts, on revenues of 14 mln dlrs, is still valid.",
                 "1987-02-20")
    assert _one(ex, 0.20)[2] == "preliminary"
    assert _one(ex, 14e6)[2] == "preliminary"


def test_verbs_nouns_and_bases_that_name_the_metric() -> None:
    text = ("Globex Corp said loans and leases increased 21 pct to 8.5 billion dlrs. For the quarter, Globex earned "
            "31.2 mln dlrs, or 41 cts a share. Globex, in reporting a 12 pct drop in first quarter earnings, said "
            "so. It had a one billion dlr increase in total assets. Adjusted operating income increased 7% in local "
            "currency to $26.4 million. Net cash provided by operations rose to $88 million.")
    ex = _record("Globex results", text, "1987-04-20")
    assert _one(ex, 21) == ("loans", "change_yoy", "reported")
    assert _one(ex, 31.2e6)[0] == "net_income"
    assert _one(ex, -12)[0] == "net_income"
    assert _one(ex, 1e9)[0] == "total_assets" and _one(ex, 1e9)[1].startswith("change")
    assert _one(ex, 26.4e6)[0] == "adjusted_operating_income"
    assert _one(ex, 88e6)[0] == "operating_cash_flow"


def test_a_change_versus_an_earlier_year_is_for_the_current_period() -> None:
    ex = _record("GLBX Q3 2021 earnings call", "We had $9 million lower revenue versus 2019 this quarter.",
                 "2021-11-01")
    c = next(c for c in ex.claims if abs(c.value.mid + 9e6) < 1)
    assert (c.metric, c.measure.value) == ("revenue", "change")
    assert c.period is not None and c.period.label == "2021-Q3"


def test_unqualified_changes_volumes_and_a_segment_in_a_relative_clause() -> None:
    text = ("Adjusted EBITDA was down 41%. Growth came from the Coatings Group, which was up approximately 9%. "
            "Volumes: sales rose 3.5 pct to 12.4 mln tonnes from 12.0 mln. We reduced debt by $60 million since the "
            "beginning of the year.")
    ex = _record("GLBX Q1 2020 earnings call", text, "2020-05-01")
    drop = next(c for c in ex.claims if abs(c.value.mid + 41) < 1e-9)
    assert (drop.metric, drop.measure.value) == ("adjusted_ebitda", "change_yoy")
    assert drop.period is not None and drop.period.label == "2020-Q1"
    assert not _metrics(ex, 9) and not _metrics(ex, 3.5)
    assert _one(ex, -60e6)[:2] == ("total_debt", "change")  # since the start of the year: not a year on year


def test_the_company_itself_is_not_a_segment_of_it() -> None:
    ex = _record("Northwind Group results", "Northwind Group plc said: the Northwind Group, which lifted revenue by 7%, "
                 "is confident. Looking at the company's business, revenue was $2.2 billion.", "2021-08-01")
    assert _metrics(ex, 2.2e9) == ["revenue"]
