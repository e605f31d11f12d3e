"""Hand-written articles in formats of other outlets (the thirteenth session's probes): each test fails on the code
before its fix."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document
from tests.conftest import claim_rows

_rows = claim_rows


_CNBC = ("Halvorsen Systems reported third-quarter results on Wednesday that topped Wall Street expectations and "
         "{tail}.\n\n"
         "Net income rose to $512 million, or $1.64 per share, from $401 million, or $1.27 per share, a year "
         "earlier.\n\n"
         "For the fourth quarter, Halvorsen called for revenue of $4.25 billion to $4.35 billion.\n")


def test_quarter_reported_in_a_sentence_that_also_raises_the_outlook() -> None:
    # the lead's "raised its full-year forecast" does not make its "third-quarter results" an outlook's quarter, and
    # "called for revenue" for the fourth quarter is an outlook: the quarter reported is the third of 2025
    for tail in ("raised its full-year forecast", "lifted its outlook"):
        rows = _rows(_CNBC.format(tail=tail), "2025-10-29", "Halvorsen Systems stock jumps after earnings beat")
        assert ("Halvorsen Systems", "net_income", "reported", 512e6, "2025-Q3") in rows, (tail, rows)
        assert ("Halvorsen Systems", "net_income", "prior_period", 401e6, "2024-Q3") in rows, (tail, rows)
        assert ("Halvorsen Systems", "revenue", "guidance", 4.25e9, "2025-Q4") in rows, (tail, rows)


def test_undated_outlook_for_a_yearless_quarter_is_the_next_one() -> None:
    # a news brief with no date: the year comes from the text; the outlook's "Q4" follows the Q3 reported
    text = ("Verdantis Q3 Non-GAAP EPS of $0.52 beats by $0.04\n\n"
            "* Verdantis (NYSE:VRDT): Q3 Non-GAAP EPS of $0.52 beats by $0.04.\n"
            "* Revenue of $1.21B (+8.4% Y/Y) beats by $20M.\n"
            "* Outlook: Q4 revenue is expected in the range of $1.24B-$1.27B.\n"
            "* FY2025 adjusted EPS guidance raised to $2.05-$2.10 from $1.95-$2.05.\n")
    rows = _rows(text)
    assert ("Verdantis", "revenue", "reported", 1.21e9, "2025-Q3") in rows, rows
    assert ("Verdantis", "revenue", "guidance", 1.24e9, "2025-Q4") in rows, rows


def test_markdown_table_row_with_the_metric_short_name_in_brackets() -> None:
    text = ("Oskarsson Foods AB on Wednesday reported its fourth-quarter and full-year figures.\n\n"
            "| SEK million | Q4 2024 | Q4 2023 |\n|---|---|---|\n"
            "| Net sales | 4,812 | 4,530 |\n| Operating profit (EBIT) | 402 | 355 |\n"
            "| Net profit after tax (NPAT) | 281 | 240 |\n| Revenue (EMEA) | 1,200 | 1,100 |\n")
    rows = _rows(text, "2025-02-12", "Oskarsson Foods results")
    assert ("Oskarsson Foods", "operating_income", "reported", 402e6, "2024-Q4") in rows, rows
    assert ("Oskarsson Foods", "net_income", "reported", 281e6, "2024-Q4") in rows, rows
    assert not any(r[3] == 1.2e9 for r in rows), rows  # a region in brackets is no short name of the metric


def test_forecast_of_analysts_after_the_figure_is_an_estimate() -> None:
    text = ("SEOUL, Oct 8, 2024 (Reuters) - Hanbit Electronics Co Ltd said its third-quarter operating profit rose "
            "to 4.3 trillion won from 3.05 trillion won a year earlier.\n\n"
            "That compared with a 3.9 trillion won average forecast of 18 analysts polled by LSEG SmartEstimate.\n")
    rows = _rows(text)
    assert ("Hanbit Electronics", "operating_income", "analyst_estimate", 3.9e12, "2024-Q3") in rows, rows
    assert not any(r[2] == "prior_period" and r[3] == 3.9e12 for r in rows), rows


def test_prices_in_eighths_after_a_dollar_sign_or_before_cents() -> None:
    from claimgraph.sources.quantities import find_quantities

    values = [q.value.low for q in find_quantities("The shares closed down 37 1/2 cents at $24 5/8 in New York.")]
    assert values == [0.375, 24.625], values
    assert [q.value.low for q in find_quantities("It cost 1 1/4 dlrs a share.")] == [1.25]
    # (no currency and no unit: two numbers, as before)
    assert [q.value.low for q in find_quantities("Chapter 11 1/2 of the book")] != [11.5]


_MARKET = ("NEW YORK, May 14, 2025 (Reuters) - Wall Street's main indexes fell on Wednesday, while shares of Fenwick "
           "Labs tumbled 14% after the drugmaker cut its annual profit forecast.\n\n"
           "The Dow Jones Industrial Average fell 212.4 points, or 0.5%, and the Nasdaq Composite dropped 0.3%.\n\n"
           "{mover} after Morgan Stanley raised its price target to $88 from $75. Brent crude rose 1.2%.\n")


def test_market_report_mover_is_a_company_of_its_own() -> None:
    for mover in ("Among gainers, Orlov Freight rose 6.2%", "Orlov Freight climbed 6.2%"):
        rows = _rows(_MARKET.format(mover=mover), title="Stocks slip; Fenwick Labs sinks after weak outlook")
        targets = {r[0] for r in rows if r[1] == "price_target"}
        assert targets == {"Orlov Freight"}, (mover, rows)
        assert not any(r[0] in ("Brent", "Brent Crude", "Nasdaq Composite", "Dow Jones Industrial Average")
                       for r in rows), rows


def test_headline_half_year_gives_way_to_the_half_the_body_states() -> None:
    text = ("Pembrook Retail plc today issues a trading update for the 26 weeks to 27 September 2025.\n\n"
            "Group revenue for the period was £1.24bn, up 5.1% on the prior year.\n")
    rows = _rows(text, "2025-10-09", "Pembrook Retail half-year trading update")
    found = [r for r in rows if r[1] == "revenue" and r[3] == 1.24e9]
    assert found, rows
    doc = text_document(text, "x.txt", Metadata(published="2025-10-09", title="Pembrook Retail half-year trading update"))
    period = next(c.period for c in extract(doc).claims if c.value.low == 1.24e9)
    assert period is not None and str(period.end) == "2025-09-27", period


def test_the_company_in_the_same_paragraph_is_the_one_just_named() -> None:
    text = ("Three chipmakers reported results this week.\n\n"
            "Kestrel Micro said second-quarter revenue rose 31% to $2.8 billion. The company guided third-quarter "
            "revenue to $3.0 billion.\n\n"
            "Alder Semiconductor said its revenue fell 8% to $1.15 billion in the quarter. Alder cut its "
            "full-year revenue outlook to $4.4 billion from $4.7 billion.\n")
    rows = _rows(text, "2025-08-01", "Earnings roundup: chipmakers split")
    guided = [r for r in rows if r[1] == "revenue" and r[3] == 3.0e9]
    assert guided and all(r[0] == "Kestrel Micro" for r in guided), rows


def test_emphasised_correction_note_stops_at_its_paragraph() -> None:
    from claimgraph.sources.corrections import correction_notice
    from claimgraph.sources.readers import _strip_markdown

    raw = ("*Correction: An earlier version of this article misstated net income. It was $84 million, not $48 "
           "million.*\n\nHarrow Biotech Inc said on Tuesday revenue rose.\n")
    notice = correction_notice("Harrow revenue jumps", raw)
    assert notice is not None and notice.text.endswith("not $48 million."), notice
    stripped = _strip_markdown(raw)
    assert "*" not in stripped and len(stripped) == len(raw)  # (offsets kept)
    notice = correction_notice("Harrow revenue jumps", stripped)
    assert notice is not None and "Tuesday" not in notice.text, notice


def test_a_news_api_response_is_read_as_its_articles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from claimgraph.sources.readers import read_inputs

    response = {"status": "ok", "totalResults": 3, "articles": [
        {"source": {"id": "reuters", "name": "Reuters"}, "author": "Jane Roe",
         "title": "Acme Robotics quarterly revenue beats estimates", "url": "https://example.test/a",
         "publishedAt": "2025-08-07T21:15:00Z",
         "content": "Acme Robotics Inc reported second-quarter revenue of $410 million on Thursday. [+1234 chars]"},
        {"source": {"id": None, "name": "TechCrunch"}, "author": None, "title": "Acme posts record quarter",
         "description": "Acme Robotics said revenue hit $410 million in the second quarter.", "content": None,
         "publishedAt": "2025-08-07T22:00:00Z"},
        {"title": "no text at all"}]}
    path = tmp_path / "news.json"
    path.write_text(json.dumps(response, indent=1), encoding="utf-8")
    results = list(read_inputs([str(path)]))
    docs = [r.document for r in results if r.document is not None]
    assert [d.publisher for d in docs] == ["Reuters", "TechCrunch"], results
    assert [str(d.published) for d in docs] == ["2025-08-07", "2025-08-07"]
    assert "chars]" not in docs[0].text
    assert [r.error for r in results if r.error] and len(results) == 3  # (the third is skipped, named by its line)
    # a search engine's response: the records under hits.hits[]._source
    hits = {"took": 3, "hits": {"total": 1, "hits": [{"_id": "1", "_source": {
        "title": "Acme", "text": "Acme Robotics Inc reported revenue of $410 million.", "published": "2025-08-07"}}]}}
    path.write_text(json.dumps(hits), encoding="utf-8")
    assert [r.document.title for r in read_inputs([str(path)]) if r.document is not None] == ["Acme"]


def test_fiscal_year_reported_before_its_calendar_namesake_ended() -> None:
    text = ("Wattle Minerals Ltd reported a 14 per cent rise in FY24 net profit after tax to $A412 million, helped "
            "by higher lithium volumes. Underlying EBITDA rose 9 per cent to $A890 million.\n")
    doc = text_document(text, "x.txt", Metadata(published="2024-08-21", title="Wattle Minerals lifts FY24 profit"))
    claims = extract(doc).claims
    profit = [c for c in claims if c.metric == "net_income"]
    assert {(c.measure, str(c.period.start), str(c.period.end)) for c in profit if c.period is not None} == {
        ("change_yoy", "2023-07-01", "2024-06-30"), ("level", "2023-07-01", "2024-06-30")}, claims
    ebitda = [c for c in claims if c.value.low == 890e6]
    assert ebitda and ebitda[0].modality == "reported", ebitda


def test_a_period_after_and_guided_is_the_outlooks_not_the_figure_before() -> None:
    text = ("Wattle Minerals Ltd reported a 14 per cent rise in FY24 net profit to $A412 million.\n\n"
            "The miner declared a final dividend of 21c a share and guided to FY25 production of 1.1 to 1.2 million "
            "tonnes.\n")
    rows = _rows(text, "2024-08-21", "Wattle Minerals lifts FY24 profit")
    dividend = [r for r in rows if r[1] == "dividend"]
    assert dividend and all(r[2] == "reported" for r in dividend), rows


def test_indian_results_table_in_crore_and_a_pharma_short_name() -> None:
    from claimgraph.sources.readers import html_document

    page = ("<html><head><title>Vistara Pharma Q3 results: Net profit rises 18% | Business Daily</title>"
            "<meta property='article:published_time' content='2025-01-29T14:20:00+05:30'></head><body><article>"
            "<h1>Vistara Pharma Q3 results: Net profit rises 18%</h1>"
            "<p>Vistara Pharmaceuticals Ltd on Wednesday reported an 18 per cent rise in consolidated net profit for "
            "the quarter ended December 31, 2024.</p><table>"
            "<tr><th>Particulars (Rs crore)</th><th>Q3 FY25</th><th>Q3 FY24</th></tr>"
            "<tr><td>Revenue from operations</td><td>7,860</td><td>7,081</td></tr>"
            "<tr><td>Net profit</td><td>1,204</td><td>1,020</td></tr></table></article></body></html>")
    claims = extract(html_document(page, "x.html", Metadata())).claims
    assert {c.company for c in claims} == {"Vistara Pharmaceuticals"}, claims
    values = {(c.metric, c.modality, c.value.low) for c in claims}
    assert ("revenue", "reported", 78.6e9) in values and ("net_income", "prior_period", 10.2e9) in values, values


def test_central_european_currencies_and_a_czech_legal_form() -> None:
    text = ("Ostrava Steel AS reported net income of 1.2 billion koruna ($56 million) in the April-June period, "
            "compared with a loss of 340 million koruna a year earlier.\n")
    rows = _rows(text, "2025-07-30", "Ostrava Steel swings to profit")
    assert ("Ostrava Steel", "net_income", "reported", 1.2e9, "2025-Q2") in rows, rows
    assert not any(r[3] == 56e6 for r in rows), rows  # (the dollar conversion in brackets is no claim)
    doc = text_document(text, "x.txt", Metadata(published="2025-07-30"))
    assert {c.value.unit for c in extract(doc).claims} == {"CZK"}
    from claimgraph.sources.quantities import find_quantities

    assert [(q.value.unit) for q in find_quantities("profit of 4.5 billion forint and 12 billion hryvnias")] == [
        "HUF", "UAH"]


def test_a_business_line_after_while_is_no_company_total() -> None:
    text = ("Brightline Media Corp said second-quarter revenue rose 3% to $9.8 billion.\n\n"
            "Streaming revenue jumped 18% to $3.1 billion, while linear networks revenue fell 9% to $4.2 billion.\n")
    rows = _rows(text, "2025-08-06", "Brightline Media results")
    assert not any(r[1] == "revenue" and r[3] in (4.2e9, -9.0) for r in rows), rows
    assert ("Brightline Media", "revenue", "reported", 9.8e9, "2025-Q2") in rows, rows


def test_an_estimate_list_goes_on_and_a_result_that_topped_forecasts_is_reported() -> None:
    preview = ("Tamsin Retail Inc is scheduled to report fourth-quarter results on Tuesday. Analysts expect revenue of "
               "$14.2 billion, up 4% from a year earlier, and adjusted earnings of $2.31 per share, according to "
               "LSEG data.\n")
    rows = _rows(preview, "2026-02-24", "What to expect from Tamsin Retail's results")
    assert {r[2] for r in rows if r[3] in (14.2e9, 4.0, 2.31)} == {"analyst_estimate"}, rows
    result = ("Brightline Media Corp said second-quarter revenue rose 3%.\n\n"
              "Revenue was $9.8 billion, above the $9.6 billion analysts expected, and EPS of $1.12 topped "
              "forecasts.\n")
    rows = _rows(result, "2025-08-06", "Brightline results")
    assert ("Brightline Media", "eps", "reported", 1.12, "2025-Q2") in rows, rows
    assert ("Brightline Media", "revenue", "analyst_estimate", 9.6e9, "2025-Q2") in rows, rows


def test_key_figures_with_currency_codes_and_labelled_comparatives() -> None:
    text = ("Rheinfeld Chemie AG reported third-quarter results on Wednesday.\n\n"
            "- Group sales: EUR 3.42bn (Q3 2024: EUR 3.29bn)\n- Net income: EUR 214m (Q3 2024: EUR 176m)\n\n"
            "Group sales were EUR 3.42bn (previous year: EUR 3.29bn).\n")
    rows = _rows(text, "2025-11-12", "Rheinfeld Chemie confirms outlook")
    assert ("Rheinfeld Chemie", "revenue", "prior_period", 3.29e9, "2024-Q3") in rows, rows
    assert ("Rheinfeld Chemie", "net_income", "prior_period", 176e6, "2024-Q3") in rows, rows
    assert ("Rheinfeld Chemie", "revenue", "reported", 3.42e9, "2025-Q3") in rows, rows
    from claimgraph.sources.tables import parse_rows

    assert parse_rows("Acme said.\nGroup sales were EUR 3.42bn.\n", currency="USD", dividend=False) == []
