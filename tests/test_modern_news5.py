"""Wire stories that are not results tables and modern news pages, issue 12's third modern round (hand-written
sentences: unit tests, not quality figures)."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def _claims(text: str, published: str) -> set[tuple[str, str, str, float, str, str, str]]:
    doc = text_document(text, "x.txt", Metadata(published=published))
    return {(c.company, c.metric, str(c.measure), c.value.low, c.value.unit,
             f"{c.period.start}..{c.period.end}" if c.period else "-", str(c.modality)) for c in extract(doc).claims}


def test_a_price_per_share_does_not_make_later_amounts_earnings() -> None:
    got = _claims("CHICAGO, May 4 - Parrow Tool Corp said the conversion price of its debentures will rise 50 cts "
                  "to 14.25 dlrs per share on June 1 and will rise another 50 cts on each June 1 after that.",
                  "1988-05-04")
    assert not [c for c in got if c[1] == "eps"]


def test_preferred_shares_redeemed_at_a_price_are_not_earnings() -> None:
    got = _claims("DALLAS, May 4 - Orland Holdings Inc said it will redeem on July 1 all of its outstanding 1979 "
                  "series B cumulative preferred shares at 31 dlrs a share plus accrued dividends.", "1988-05-04")
    assert not [c for c in got if c[1] == "eps"]


def test_a_person_of_a_firm_is_no_company_when_economists_believe() -> None:
    got = _claims("NEW YORK, May 4 - Credit demand is cooling, and some economists believe bank lending may even "
                  "have fallen in April.\n    Commercial paper outstanding rose 2.1 billion dlrs last week, said "
                  "Nora Kellerman of Halvard Brothers Securities Inc.", "1988-05-04")
    assert not [c for c in got if "Kellerman" in c[0] or "Halvard" in c[0]]


def test_a_modal_verb_in_a_wire_headline_is_not_part_of_the_ticker_s_name() -> None:
    from claimgraph.sources.report import parse_headline

    h = parse_headline("FITCH MIGHT CUT HALDANE MILLS <HML> RATING")
    assert (h.company, h.ticker) == ("Haldane Mills", "HML")
    h = parse_headline("ORVIS GROUP TO BUY TELLAN PAPER <TPC>")
    assert (h.company, h.ticker) == ("Tellan Paper", "TPC")
    assert parse_headline("MAY DEPARTMENT STORES <MA> 1ST QTR NET").company == "May Department Stores"


def test_a_full_year_consensus_is_for_the_year_of_the_company_s_outlook() -> None:
    got = _claims("OSAKA, Feb 6 - Morita Valve Co raised its operating profit forecast for the year ending March 31 to "
                  "54 billion yen from 47 billion yen.\n    Nine-month operating profit rose 18% to 41.2 billion yen. "
                  "The average estimate of nine analysts for the full year was 50.5 billion yen.", "2025-02-06")
    assert ("Morita Valve", "operating_income", "level", 50.5e9, "JPY", "2024-04-01..2025-03-31",
            "analyst_estimate") in got


def test_a_place_and_date_line_above_the_headline_is_the_publication_day() -> None:
    from claimgraph.sources.readers import text_document as plain

    doc = plain("Chennai, August 4, 2022\n\nKaveri Motors quarterly profit rises\n\nKaveri Motors Ltd reported a net "
                "profit of Rs 318 crore for the quarter ended June 30.\n", "x.txt", Metadata())
    claims = extract(doc).claims
    assert str(doc.title) == "Kaveri Motors quarterly profit rises"
    assert [(c.metric, str(c.period.start) if c.period else None) for c in claims if c.metric == "net_income"] \
        == [("net_income", "2022-04-01")]


def test_an_organic_basis_that_leads_the_sentence_is_organic_growth() -> None:
    got = _claims("MILAN, July 25 - Vellani Foods SpA said first-half revenue rose 6.2% to 1.31 billion euros.\n\n"
                  "On an organic basis, revenue grew 4.1%. Organically, sales in Italy were flat.", "2019-07-25")
    assert ("Vellani Foods", "organic_revenue", "change_yoy", 4.1, "percent", "2019-01-01..2019-06-30",
            "reported") in got
    assert not [c for c in got if c[1] == "revenue" and c[3] == 4.1]


def test_a_currency_basis_that_leads_with_at_or_in_is_no_segment() -> None:
    got = _claims("OSLO, Oct 21 - Fjellstad Maritime ASA said third-quarter revenue rose 7% to 4.2 billion crowns.\n\n"
                  "At constant rates, revenue grew 5.5%. In local currencies, service revenue grew 3.9%.", "2021-10-21")
    assert ("Fjellstad Maritime", "revenue_constant_currency", "change_yoy", 5.5, "percent", "2021-07-01..2021-09-30",
            "reported") in got


def test_a_building_society_is_a_company_name() -> None:
    doc = text_document("LONDON, March 3 - The Tamar and Exe Building Society is issuing a 150 mln stg "
                        "certificate of deposit programme, said Ashcombe, Vale Ltd, one of the dealers.\n", "x.txt",
                        Metadata(published="1988-03-03"))
    assert {c.company for c in extract(doc).claims} == {"Tamar and Exe Building Society"}
