"""Modern business stories written for issue 12's second modern round (hand-written sentences: unit tests, not
quality figures)."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def _claims(text: str, published: str | None = None) -> set[tuple[str, str, str, float, str, str, str]]:
    doc = text_document(text, "x.txt", Metadata(published=published))
    return {(c.company, c.metric, str(c.measure), c.value.low, c.value.unit,
             f"{c.period.start}..{c.period.end}" if c.period else "-", str(c.modality)) for c in extract(doc).claims}


def test_a_date_line_above_the_headline_is_the_day_not_the_title() -> None:
    text = ("February 2, 2026\n\nKestrel Motors profit slips\n\nKestrel Motors AB reported lower fourth-quarter "
            "profit on Thursday. Operating income fell to 3.4 billion crowns from 4.8 billion crowns a year "
            "earlier.")
    doc = text_document(text, "x.txt", Metadata())
    assert (doc.title, str(doc.published)) == ("Kestrel Motors profit slips", "2026-02-02")
    got = _claims(text)
    assert ("Kestrel Motors", "operating_income", "level", 3.4e9, "SEK", "2025-10-01..2025-12-31", "reported") in got


def test_a_first_paragraph_that_opens_with_its_date() -> None:
    text = ("2022-10-27 — Daebong Steel Co posted a net profit of 410 billion won for the third quarter.\n\n"
            "Revenue rose 6% to 9.2 trillion won.")
    doc = text_document(text, "x.txt", Metadata())
    assert str(doc.published) == "2022-10-27" and not doc.title.startswith("2022")
    assert {c[0] for c in _claims(text)} == {"Daebong Steel"}


def test_a_quarter_that_ended_days_before_is_the_calendar_one() -> None:
    # (early figures a week after the quarter: not a fiscal quarter that ended three months before)
    got = _claims("SEOUL, July 6, 2023 - Hanmaru Electronics Co Ltd estimated on Thursday that its second-quarter "
                  "operating profit fell 12% to 1.4 trillion won.")
    assert ("Hanmaru Electronics", "operating_income", "level", 1.4e12, "KRW", "2023-04-01..2023-06-30",
            "reported") in got


def test_a_lead_that_names_the_last_year_sets_the_article_s_period() -> None:
    got = _claims("Calzada profit rises\n\nMADRID - Calzada Infraestructuras SA said on Monday its net profit rose to 1.1 "
                  "billion euros in 2024 from 800 million euros a year earlier.\n\nRevenue increased 5% to 7.4 billion "
                  "euros.", "2025-03-03")
    assert ("Calzada Infraestructuras", "revenue", "level", 7.4e9, "EUR", "2024-01-01..2024-12-31", "reported") in got


def test_pesos_take_the_one_country_the_article_names() -> None:
    got = _claims("Cementos Altiplano sales rise\n\nMexican cement maker Cementos Altiplano SAB de CV said on "
                  "Wednesday its third-quarter net sales rose 4% to 21.5 billion pesos.\n\nNet sales for the "
                  "July-September period were short of the 22.1 billion pesos analysts had expected.", "2024-10-23")
    assert ("Cementos Altiplano", "revenue", "level", 21.5e9, "MXN", "2024-07-01..2024-09-30", "reported") in got
    assert ("Cementos Altiplano", "revenue", "level", 22.1e9, "MXN", "2024-07-01..2024-09-30",
            "analyst_estimate") in got


def test_a_figure_flat_from_a_year_earlier_is_the_current_one() -> None:
    got = _claims("Tierra Verde Retail SA reported third-quarter results on Tuesday. Consolidated revenue was $2.8 "
                  "billion, roughly flat from a year earlier.", "2023-11-14")
    assert ("Tierra Verde Retail", "revenue", "level", 2.8e9, "USD", "2023-07-01..2023-09-30", "reported") in got


def test_a_commentator_s_firm_in_a_story_told_by_economists_is_no_company() -> None:
    got = _claims("Spending data due\n\nNEW YORK, May 4 - Retail sales are due today and should show a modest gain, "
                  "economists said.\n    Laura Penn of Halsey, Marsh and Co Inc expects a two pct rise in income, "
                  "led by wages.", "1988-05-04")
    assert got == set()


def test_future_revenues_of_reserves_are_no_revenue() -> None:
    got = _claims("Bellrock Energy Inc said its estimated future net revenues attributable to proven reserves are about "
                  "74 mln dlrs.", "1987-03-30")
    assert not {c for c in got if c[1] == "revenue"}


def test_an_activity_before_revenue_names_a_line_of_business() -> None:
    got = _claims("Greystone Developments Ltd reported housing revenue in 1986 of 188.4 mln dlrs, up from 140.1 mln "
                  "dlrs in 1985. It said its trading income rose to 12 mln dlrs.", "1987-03-20")
    assert not {c for c in got if c[1] in ("revenue", "net_income")}
    got = _claims("Greystone Developments Ltd said rising revenue reached 188.4 mln dlrs in 1986.", "1987-03-20")
    assert ("Greystone Developments", "revenue", "level", 188.4e6, "USD", "1986-01-01..1986-12-31", "reported") in got


def test_a_percentage_of_a_metric_is_a_ratio_not_its_change() -> None:
    got = _claims("Harrow Bancorp Inc said its reserve for loan losses stood at 3.9 pct of total loans at the end of "
                  "June, up from 2.1 pct a year earlier. Core capital was 4.1 billion dlrs, or 6.8 pct of total "
                  "assets.", "1987-07-21")
    assert not {c for c in got if c[1] in ("loans", "total_assets")}


def test_a_component_of_revenue_or_a_kind_of_loss_is_not_the_total() -> None:
    got = _claims("Harrow Bancorp Inc said net interest revenue in the second quarter was 310.5 mln dlrs. Provisions "
                  "for loan losses in the quarter were 88.2 mln dlrs.", "1987-07-21")
    assert not {c for c in got if c[1] in ("revenue", "net_income")}


def test_what_earnings_would_have_been_without_an_item_is_adjusted() -> None:
    got = _claims("Harrow Bancorp Inc posted a loss for the second quarter. Without the special provision, net income "
                  "would have been 92.4 mln dlrs.", "1987-07-21")
    assert {c[1] for c in got if c[3] == 92.4e6} == {"adjusted_net_income"}


def test_a_correction_s_wrong_figure_is_revised_by_the_right_one() -> None:
    text = ("CORRECTED-Kestrel Motors profit falls\n\n(Corrects fourth-quarter operating income to 3.4 billion crowns, "
            "not 4.3 billion, in paragraph 2)\n\nKestrel Motors AB said operating income fell to 3.4 billion crowns.")
    claims = extract(text_document(text, "x.txt", Metadata(published="2026-02-02"))).claims
    right = next(i for i, c in enumerate(claims) if c.value.low == 3.4e9)
    wrong = next(i for i, c in enumerate(claims) if c.value.low == 4.3e9)
    assert claims[right].revises == wrong


def test_a_sales_agreement_is_no_revenue() -> None:
    got = _claims("Alder Timber Co said the sales agreement contains an option that could lift its lumber exports to "
                  "more than 15 mln dlrs.", "1987-03-12")
    assert not {c for c in got if c[1] == "revenue"}


def test_a_share_of_the_total_workforce_is_a_ratio() -> None:
    got = _claims("Tourism contributes 6% to the economy and supports 7.5% of the total workforce. Arrivals are "
                  "expected to increase at a rate of 4.1% annually.", "2019-05-01")
    assert not {c for c in got if c[1] == "employees"}


def test_the_year_earlier_quarter_after_a_figure_is_its_period() -> None:
    got = _claims("Halvard Medical AG reported results for its fiscal second quarter ended March 31.\n\nRevenue came "
                  "in at 2.15 billion euros, compared with 2.02 billion euros in the year-earlier quarter.", "2019-05-07")
    assert ("Halvard Medical", "revenue", "level", 2.02e9, "EUR", "2018-01-01..2018-03-31", "prior_period") in got


def test_the_year_just_ended_beside_a_forecast_is_the_last_fiscal_year() -> None:
    got = _claims("Kumo Instruments raises outlook\n\nTOKYO - Kumo Instruments Co said on Thursday it expects "
                  "operating profit of 48 billion yen for the year ending March 2026, up from 41.5 billion yen in the "
                  "year just ended.", "2025-05-08")
    assert ("Kumo Instruments", "operating_income", "level", 41.5e9, "JPY", "2024-04-01..2025-03-31",
            "prior_period") in got


def test_the_company_described_by_its_trade_owns_its_figures() -> None:
    got = _claims("Norder Spedition beats forecasts\n\nNorder Spedition AG said first-quarter results were strong.\n\n"
                  "The freight forwarder's revenue rose 4% to 3.1 billion euros.", "2019-05-09")
    assert ("Norder Spedition", "revenue", "level", 3.1e9, "EUR", "2019-01-01..2019-03-31", "reported") in got
    got = _claims("Norder Spedition beats forecasts\n\nNorder Spedition AG said first-quarter results were strong.\n\n"
                  "The consumer sector's revenue rose 4% to 3.1 billion euros.", "2019-05-09")
    assert not {c for c in got if c[1] == "revenue"}


def test_a_full_year_result_in_the_lead_sets_the_year() -> None:
    got = _claims("Brannock Spirits profit dips\n\nLONDON - Brannock Spirits plc said full-year pretax profit fell 4% "
                  "to 318 million pounds.\n\nSales rose 2% to 1.87 billion pounds.", "2016-02-25")
    assert ("Brannock Spirits", "revenue", "level", 1.87e9, "GBP", "2015-01-01..2015-12-31", "reported") in got
