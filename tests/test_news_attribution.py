"""Whose figure, which period, which modality in modern wire and news prose (hand-written probe sentences: unit tests,
not quality figures): two companies' moves in one sentence, estimates stated as a change, units of a company, and a
dateline story that names no period."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document

Row = tuple[str, str, str, float, str, str, str]


def _claims(text: str, published: str) -> list[Row]:
    out = []
    for c in extract(text_document(text, "x.txt", Metadata(published=published))).claims:
        out.append((c.company, c.metric, c.measure.value, c.value.low, c.period.start.isoformat() if c.period else "-",
                    c.period.end.isoformat() if c.period else "-", str(c.modality)))
    return out


def test_two_companies_share_moves_in_one_sentence() -> None:
    rows = _claims("Shares of Acme Corp rose 4.2% on Tuesday while shares of Beta Industries fell 3.1% after both "
                   "companies reported quarterly results.", "2024-02-07")
    assert {(r[0], r[3]) for r in rows} == {("Acme", 4.2), ("Beta Industries", -3.1)}
    rows = _claims("Acme Corp shares gained 2% on Wednesday, and Beta Industries stock slipped 1.5%.", "2024-02-07")
    assert {(r[0], r[3]) for r in rows} == {("Acme", 2.0), ("Beta Industries", -1.5)}


def test_an_estimate_stated_as_a_change_is_an_analyst_estimate() -> None:
    rows = _claims("NEW YORK, Oct 24 (Reuters) - Gamma Corp said on Tuesday its third-quarter revenue fell 1.8%, while "
                   "Wall Street was expecting a 3.2% decline.", "2023-10-25")
    assert ("Gamma", "revenue", "change_yoy", -3.2, "2023-07-01", "2023-09-30", "analyst_estimate") in rows
    assert ("Gamma", "revenue", "change_yoy", -1.8, "2023-07-01", "2023-09-30", "reported") in rows


def test_a_dateline_story_without_a_period_word_takes_the_quarter_reported_last() -> None:
    rows = _claims("Delta Foods posts higher profit\n\nCHICAGO, Feb 6 (Reuters) - Delta Foods Inc reported a 12% rise "
                   "in profit on Tuesday, helped by higher prices.\nRevenue rose 4% to $5.1 billion.", "2024-02-07")
    assert ("Delta Foods", "net_income", "change_yoy", 12.0, "2023-10-01", "2023-12-31", "reported") in rows
    assert all(r[4] == "2023-10-01" for r in rows)


def test_a_units_figures_are_not_the_owners_total() -> None:
    text = ("Nestle unit sales rise\n\nZURICH, July 25 (Reuters) - Sales at Nestle's North American unit rose to "
            "$3.4 billion in the quarter. Revenue at the company's cloud division rose 4% to $3.6 billion. "
            "Nestle said its North American unit's revenue rose to $3.5 billion. The North American unit of Nestle "
            "reported revenue of $3.3 billion. Nestle's group sales rose to 45 billion Swiss francs in the first "
            "half.")
    rows = _claims(text, "2024-07-26")
    assert {r[3] for r in rows if r[1] == "revenue"} == {45e9}
    assert {r[3] for r in rows if r[1] == "unclassified"} == {3.4e9, 3.6e9, 3.5e9, 3.3e9}


def test_a_first_line_that_is_a_dateline_lead_is_no_headline() -> None:
    doc = text_document("VEVEY, Switzerland, July 25 (Reuters) - Nestle SA said sales rose 2.1% to 45 billion Swiss "
                        "francs in the first half.", "x.txt", Metadata(published="2024-07-26"))
    ex = extract(doc)
    assert ex.main_company is not None and ex.main_company.name == "Nestle"
    assert {c.company for c in ex.claims} == {"Nestle"}


def test_lower_cased_summary_segments_are_not_the_total() -> None:
    rows = _claims("LPX Q2 2021 earnings call\nsees osb revenue in q3 of 2021 to be sequentially lower than q2 of 2021 "
                   "by about 10%. china sales grew 11.5 percent in q2. qtrly company-owned e-commerce sales grew 428.2 "
                   "percent. q2 revenue rose 31 percent to $5.9 billion. qtrly net sales $1.2 billion.", "2021-08-05")
    assert {r[3] for r in rows if r[1] == "revenue"} == {31.0, 5.9e9, 1.2e9}
    rows = _claims("DHI Q1 2022 earnings call\nhomebuilding revenue for q1 of fiscal 2022 increased 17% to $6.7 billion.",
                   "2022-01-25")
    assert {r[1] for r in rows} == {"unclassified"}
    assert all(r[5] != "-" and (dt.date.fromisoformat(r[5]) - dt.date.fromisoformat(r[4])).days < 100 for r in rows)


def test_a_quarter_written_with_of_and_its_year_is_one_period() -> None:
    from claimgraph.sources.periods import find_period_mentions

    for text, year, fiscal in (("q1 of fiscal 2022", 2022, True), ("Q4 of 2020", 2020, False),
                               ("Q2 fiscal 2025", 2025, True)):
        (m,) = find_period_mentions(text)
        assert (m.kind, m.year, m.fiscal, m.end) == ("quarter", year, fiscal, len(text))


def test_an_outlook_without_a_period_is_dated_by_its_size_against_the_quarter() -> None:
    text = ("Acme posts higher profit\n\nNEW YORK, Feb 6 (Reuters) - Acme Corp reported fourth-quarter revenue of $1.2 "
            "billion on Tuesday. Looking ahead, Acme forecast revenue between $1.25 billion and $1.30 billion, below "
            "analysts' estimates of $1.35 billion. It also expects revenue of $5.1 billion to $5.3 billion. Acme expects "
            "revenue to grow 5% to 7%.")
    rows = _claims(text, "2024-02-07")
    assert ("Acme", "revenue", "level", 1.25e9, "2024-01-01", "2024-03-31", "guidance") in rows
    assert ("Acme", "revenue", "level", 1.35e9, "2024-01-01", "2024-03-31", "analyst_estimate") in rows
    assert ("Acme", "revenue", "level", 5.1e9, "2024-01-01", "2024-12-31", "guidance") in rows
    assert [r[4] for r in rows if r[2] == "change"] == ["-"]  # a growth outlook with no period keeps none


def test_an_encyclopaedia_pages_founding_date_is_not_its_publication_date() -> None:
    from claimgraph.sources.htmlmeta import page_metadata

    html = ("<html><head><title>Acme Corporation - Wikipedia</title></head><body><h1>Acme Corporation</h1>"
            "<table class='infobox vcard'><tr><th>Type</th><td>Public</td></tr><tr><th>Founded</th><td>March 3, 1998; "
            "26 years ago in Seattle, Washington</td></tr></table><p><b>Acme Corporation</b> is an American technology "
            "company founded on March 3, 1998, in Seattle, Washington. In the first quarter of 2024, revenue rose 8% "
            "to $3.3 billion.</p></body></html>")
    assert page_metadata(html).published is None
    dated = html.replace("<table", "<p>May 12, 2024</p><table")
    assert page_metadata(dated).published == dt.date(2024, 5, 12)  # a date line under the headline still counts


def test_modern_indian_canadian_and_australian_results() -> None:
    text = ("Infosys Q2 profit rises 5% to Rs 6,506 crore, beats estimates\n\nBengaluru, Oct 17 (PTI) IT services major "
            "Infosys on Thursday reported a 4.7 per cent rise in consolidated net profit to Rs 6,506 crore for the "
            "September quarter. The company raised its FY25 revenue growth guidance to 3.75-4.5 per cent.")
    rows = _claims(text, "2024-10-17")
    # "Q2" and "the September quarter": a fiscal year to March, so FY25 is April 2024 - March 2025
    assert {r[4:6] for r in rows if r[6] == "reported"} == {("2024-07-01", "2024-09-30")}
    assert {r[4:6] for r in rows if r[6] == "guidance"} == {("2024-04-01", "2025-03-31")}
    rows = _claims("Maple Leaf Grocers Ltd. said shares of Maple Leaf rose 5.3 per cent on the TSX, while shares of "
                   "rival Sobey Foods Inc. fell 1.2 per cent.", "2024-11-07")
    assert {(r[0], r[3]) for r in rows} == {("Maple Leaf Grocers", 5.3), ("Sobey Foods", -1.2)}
    rows = _claims("Wesfarmers reported a 3 per cent fall in full-year net profit to $2.56 billion. The company declared "
                   "a final dividend of $1.07 a share, taking full-year dividends to $1.98.", "2024-08-29")
    net = next(r for r in rows if r[1] == "net_income" and r[2] == "level")
    assert ("Wesfarmers", "dividend", "level", 1.98, net[4], net[5], "reported") in rows  # the year's total
    rows = _claims("Hanover Insurance Co said its board declared a quarterly dividend of nine cts per share payable May "
                   "15 to holders of record April 17.", "1987-04-08")
    assert [r[6] for r in rows] == ["reported"]


def test_a_rivals_move_after_a_share_move_and_a_capital_budget() -> None:
    rows = _claims("Northwind Energy Corp. posted third-quarter profit. The shares rose 2.4% to $61.20 at 10:45 a.m. in "
                   "New York. Rival Southgate Petroleum Inc. dropped 1.1%. Northwind reiterated its full-year capital "
                   "budget of $4.8 billion.", "2024-10-31")
    assert ("Southgate Petroleum", "share_price", "change", -1.1, "2024-10-31", "2024-10-31", "reported") in rows
    assert ("Northwind Energy", "capex", "level", 4.8e9, "2024-01-01", "2024-12-31", "guidance") in rows
    rows = _claims("Northwind Energy Corp. said revenue rose 5%. Rival Southgate Petroleum Inc. dropped 1.1%.",
                   "2024-10-31")
    assert not [r for r in rows if r[0] == "Southgate Petroleum"]  # no share move before: nothing to go on


def test_an_ap_snapshots_estimate_named_far_before_its_figure() -> None:
    rows = _claims("Harbor Freight Lines Inc. on Tuesday reported first-quarter earnings of 71 cents per share. The "
                   "average estimate of four analysts surveyed by Zacks Investment Research was for earnings of 58 "
                   "cents per share.", "2024-04-23")
    assert ("Harbor Freight Lines", "eps", "level", 0.58, "2024-01-01", "2024-03-31", "analyst_estimate") in rows
