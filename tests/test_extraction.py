"""Extraction stages on the patterns real news uses."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.sources.extract import extract
from claimgraph.sources.model import AuthorKind, Measure, Modality, Qualifier
from claimgraph.sources.periods import find_period_mentions, fiscal_quarter
from claimgraph.sources.quantities import find_quantities
from claimgraph.sources.readers import Metadata, read_inputs, text_document
from claimgraph.sources.sentences import split_sentences

M = 1e6
B = 1e9


@pytest.mark.parametrize(("text", "low", "high", "unit", "qualifier"), [
    ("$55.6 billion", 55.6 * B, 55.6 * B, "USD", Qualifier.EXACT),
    ("$55.6B", 55.6 * B, 55.6 * B, "USD", Qualifier.EXACT),
    ("~$56B", 56 * B * 0.95, 56 * B * 1.05, "USD", Qualifier.APPROXIMATE),
    ("USD 1.2bn", 1.2 * B, 1.2 * B, "USD", Qualifier.EXACT),
    ("EUR 205.5 mn", 205.5 * M, 205.5 * M, "EUR", Qualifier.EXACT),
    ("12,141,000 dlrs", 12_141_000, 12_141_000, "USD", Qualifier.EXACT),
    ("485,380 dlrs", 485_380, 485_380, "USD", Qualifier.EXACT),
    ("61 cts", 0.61, 0.61, "USD", Qualifier.EXACT),
    ("£3.2 million", 3.2 * M, 3.2 * M, "GBP", Qualifier.EXACT),
    ("$12 billion to $14 billion", 12 * B, 14 * B, "USD", Qualifier.RANGE),
    ("$12–14 billion", 12 * B, 14 * B, "USD", Qualifier.RANGE),
    ("between $5 and $6 billion", 5 * B, 6 * B, "USD", Qualifier.RANGE),
    ("16%", 16, 16, "percent", Qualifier.EXACT),
    ("16 percent", 16, 16, "percent", Qualifier.EXACT),
    ("2.5 percentage points", 2.5, 2.5, "pp", Qualifier.EXACT),
    ("50 basis points", 0.5, 0.5, "pp", Qualifier.EXACT),
    ("0.20 times", 0.2, 0.2, "x", Qualifier.EXACT),
    ("590 megawatts", 590 * M, 590 * M, "W", Qualifier.EXACT),
    ("2.9 GW", 2.9 * B, 2.9 * B, "W", Qualifier.EXACT),
    ("about $10 million", 9.5 * M, 10.5 * M, "USD", Qualifier.APPROXIMATE),
    ("approximately $10 million", 9.5 * M, 10.5 * M, "USD", Qualifier.APPROXIMATE),
    ("roughly $10 million", 9.5 * M, 10.5 * M, "USD", Qualifier.APPROXIMATE),
    ("nearly $100B", 95 * B, 100 * B, "USD", Qualifier.AT_MOST),
    ("almost $100B", 95 * B, 100 * B, "USD", Qualifier.AT_MOST),
    ("approaching $67 billion", 63.65 * B, 67 * B, "USD", Qualifier.AT_MOST),
    ("close to $67 billion", 63.65 * B, 67 * B, "USD", Qualifier.AT_MOST),
    ("more than $2 billion", 2 * B, 2.5 * B, "USD", Qualifier.AT_LEAST),
    ("over $2 billion", 2 * B, 2.5 * B, "USD", Qualifier.AT_LEAST),
    ("exceed $12.1 billion", 12.1 * B, 15.125 * B, "USD", Qualifier.AT_LEAST),
    ("at least $2 billion", 2 * B, 2.5 * B, "USD", Qualifier.AT_LEAST),
    ("up to $10 million", 7.5 * M, 10 * M, "USD", Qualifier.AT_MOST),
    ("under $150 million", 112.5 * M, 150 * M, "USD", Qualifier.AT_MOST),
    ("$25 billion+", 25 * B, 31.25 * B, "USD", Qualifier.AT_LEAST),
])
def test_quantities(text: str, low: float, high: float, unit: str, qualifier: Qualifier) -> None:
    found = find_quantities(f"It reported {text} last week.")
    assert len(found) == 1, found
    v = found[0].value
    assert v.low == pytest.approx(low) and v.high == pytest.approx(high)
    assert v.unit == unit and v.qualifier is qualifier


def test_quantity_precision_and_non_quantities() -> None:
    assert find_quantities("$55.6 billion")[0].value.decimals == -8
    assert find_quantities("$56 billion")[0].value.decimals == -9
    assert find_quantities("49.23%")[0].value.decimals == 2
    assert find_quantities("In Q1 2025, 3Q25 and Q1'26, on March 31, 2025, for six months") == []


def test_multiples_and_doubling() -> None:
    (q,) = find_quantities("revenue more than doubled")
    assert q.value.low == 100 and q.value.qualifier is Qualifier.AT_LEAST
    (q,) = find_quantities("nearly doubling from the prior quarter")
    assert q.value.high == 100 and q.value.qualifier is Qualifier.AT_MOST


def test_sentences_survive_abbreviations() -> None:
    text = "CoreWeave, Inc. grew. The U.S. market hit $5.05 billion in Q1'26. It rose 3.5% to 1.2 times. Done"
    assert [s.text for s in split_sentences(text)] == [
        "CoreWeave, Inc. grew.", "The U.S. market hit $5.05 billion in Q1'26.", "It rose 3.5% to 1.2 times.", "Done"]


@pytest.mark.parametrize(("text", "label"), [
    ("Q3 2025", "2025-Q3"), ("third quarter of 2025", "2025-Q3"), ("Q1'26", "2026-Q1"), ("3Q25", "2025-Q3"),
    ("2025 third quarter", "2025-Q3"), ("first half of 2024", "2024-H1"), ("H2 2025", "2025-H2"),
    ("first nine months of 2025", "2025-9M"), ("nine months ended Sept. 30, 2025", "2025-9M"),
    ("fiscal 2016", "2016"), ("FY2026", "2026"), ("calendar 2024", "2024"), ("across 2025 and 2026", "2025..2026"),
    ("March 31, 2025", "2025-03-31"),
])
def test_period_forms(text: str, label: str) -> None:
    (m,) = find_period_mentions(f"For {text} we saw it.")
    period, _ = m.resolve((12, 31), None, 2025)
    assert period is not None and period.label == label


def test_fiscal_calendars() -> None:
    (m,) = find_period_mentions("Microsoft's fiscal second quarter of 2016")
    period, _ = m.resolve((6, 30), None, None)
    assert period is not None and period.end == dt.date(2015, 12, 31)
    assert fiscal_quarter(2025, 1, (9, 30)).start == dt.date(2024, 10, 1)  # Apple's fiscal Q1


def _doc(text: str, **meta: str) -> object:
    return extract(text_document(text, "t.txt", Metadata(**meta)))  # type: ignore[arg-type]


def test_reader_bylines_and_debris(examples: list[str]) -> None:
    docs = [r.document for r in read_inputs(examples)]
    authors = {a.name: a.kind for d in docs if d for a in d.authors}
    assert authors == {"Henry Rivers": AuthorKind.SOFTWARE, "Rhys Northwood": AuthorKind.SOFTWARE,
                       "Staff Report": AuthorKind.ORGANIZATION}
    for d in docs:
        assert d is not None
        for debris in ("Advertisement", "author avatar", "Latest Articles", "Stay ahead of the market",
                       "No comments yet", "Keep Up to Date", "By pressing the Subscribe", "Sentiment Score"):
            assert debris not in d.text
        assert "CoreWeave" in d.text


def test_by_byline_and_scraping_debris_company() -> None:
    doc = text_document("Title\nBy Jane Doe\nAcmeACME-- reported revenue of $5 billion in Q3 2025.", "x", Metadata())
    assert [(a.name, a.kind) for a in doc.authors] == [("Jane Doe", AuthorKind.PERSON)]
    ex = extract(doc)
    assert ex.main_company is not None and ex.main_company.name == "Acme" and "ACME" in ex.main_company.tickers


def test_counterparties_are_not_subjects() -> None:
    ex = _doc("CoreWeave deals\nCoreWeave (CRWV) said backlog reached $55.6 billion at quarter-end in Q3 2025, "
              "supported by deals with OpenAI, Meta and Microsoft.")
    (c,) = ex.claims  # type: ignore[attr-defined]
    assert c.company == "CoreWeave" and set(c.counterparties) == {"OpenAI", "Meta Platforms", "Microsoft"}


def test_the_company_resolves_to_main() -> None:
    ex = _doc("Acme Corp report\nAcme Corp posted results. The company's revenue was $2 billion in 2024.")
    assert [c.company for c in ex.claims] == ["Acme"]  # type: ignore[attr-defined]


def test_loss_is_negative_income_and_change_claims() -> None:
    ex = _doc("Initech\nInitech Ltd posted a net loss of $314.6 million in Q1 2025, and revenue backlog jumped "
              "284% year over year to nearly $100B.")
    claims = {(c.metric, c.measure): c for c in ex.claims}  # type: ignore[attr-defined]
    assert claims[("net_income", Measure.LEVEL)].value.high == pytest.approx(-314.6e6)
    assert claims[("revenue_backlog", Measure.CHANGE_YOY)].value.low == 284
    level = claims[("revenue_backlog", Measure.LEVEL)]
    assert level.value.high == 100e9 and level.period is not None and level.period.start == level.period.end


def test_modalities() -> None:
    ex = _doc("Acme outlook\nAcme Corp trimmed its 2025 revenue forecast to $5.05 billion, down from its prior "
              "range of $5.15 billion to $5.35 billion. Adjusted operating margin fell to 16% in Q3 2025, down from "
              "21% a year ago. Analysts said margins could hit 70% by 2027.")
    got = [(c.metric, c.modality, c.period.label if c.period else None) for c in ex.claims]  # type: ignore[attr-defined]
    assert ("revenue", Modality.GUIDANCE, "2025") in got
    assert ("revenue", Modality.PRIOR_GUIDANCE, "2025") in got
    assert ("adjusted_operating_margin", Modality.REPORTED, "2025-Q3") in got
    assert ("adjusted_operating_margin", Modality.PRIOR_PERIOD, "2024-Q3") in got
    assert any(m == Modality.ANALYST_ESTIMATE for _, m, _ in got)  # analysts' projections are estimates


def test_unknown_metric_is_kept_as_unclassified() -> None:
    ex = _doc("Acme deal\nAcme Corp agreed a $9 billion acquisition of a rival in 2025.")
    assert [c.metric for c in ex.claims] == ["unclassified"]  # type: ignore[attr-defined]
    assert "acquisition" in ex.claims[0].phrase  # type: ignore[attr-defined]


def test_period_inferred_from_publication_date() -> None:
    ex = _doc("Acme\nAcme Corp said its backlog was $4 billion.", published="2025-11-12")
    (c,) = ex.claims  # type: ignore[attr-defined]
    assert c.period is not None and c.period.label == "2025-09-30" and c.resolution.value == "inferred_published"
    ex2 = _doc("Acme\nAcme Corp said its backlog was $4 billion.")
    assert ex2.claims[0].period is None and ex2.claims[0].resolution.value == "unresolved"  # type: ignore[attr-defined]


def test_quotes_are_exact_slices(examples: list[str]) -> None:
    for result in read_inputs(examples):
        assert result.document is not None
        for c in extract(result.document).claims:
            assert result.document.original[c.span[0]:c.span[1]] == c.quote


def test_user_metric_synonyms(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from claimgraph.sources.metrics import load_vocabulary

    path = Path(str(tmp_path)) / "m.toml"
    path.write_text('[revenue]\nsynonyms = ["bookings haul"]\n[arr]\nkind = "stock"\nunit = "money"\n'
                    'synonyms = ["annual recurring revenue"]\n', encoding="utf-8")
    vocab = load_vocabulary(str(path))
    assert [m.metric for m in vocab.mentions("bookings haul and annual recurring revenue")] == ["revenue", "arr"]
    assert vocab.get("revenue") is not None and "revenue" in vocab.get("revenue").synonyms  # type: ignore[union-attr]


def test_extract_cli_jsonl(tmp_path: object, runner: CliRunner, examples: list[str]) -> None:
    from pathlib import Path

    records = Path(str(tmp_path)) / "r.jsonl"
    records.write_text(
        json.dumps({"id": "a1", "title": "Acme", "text": "Acme Corp said revenue was $5 billion in Q3 2025."}) + "\n"
        + json.dumps({"id": "a2", "title": "Beta", "body": "Beta Inc said backlog was $2 billion in Q1 2024."}) + "\n",
        encoding="utf-8")
    out = runner.invoke(app, ["extract", str(records), "--format", "json"])
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a1", "a2"]
    assert lines[0]["claims"][0]["value"]["low"] == 5e9
    assert lines[0]["quantities"][0]["value"]["unit"] == "USD"
    every = runner.invoke(app, ["extract", *examples, "--format", "json"])
    assert len(every.stdout.splitlines()) == 5
    assert all(json.loads(x)["claims"] for x in every.stdout.splitlines())


HTML_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Acme beats | Example Wire</title>
<meta property="og:title" content="Acme beats estimates">
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2025-11-12T21:05:00Z">
<link rel="canonical" href="https://wire.example/acme-beats">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Acme beats estimates",
 "datePublished": "2025-11-12", "author": {"@type": "Person", "name": "Jane Roe"}}</script></head>
<body><nav>Home | Markets | Tech</nav><article><h1>Acme beats estimates</h1>
<p>Acme Corp reported third-quarter revenue of $1.36 billion on Wednesday, beating analyst estimates and
more than doubling from a year earlier, as demand for its cloud services kept growing across regions.</p>
<p>The company said its contract backlog reached $55.6 billion at quarter-end, and it now expects full-year
2025 revenue of $5.05 billion to $5.15 billion, down from its prior range of $5.15 billion to $5.35 billion.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


def test_html_reader_metadata_and_claims(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "acme.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (result,) = list(read_inputs([str(path)]))
    doc = result.document
    assert doc is not None, result.error
    assert doc.title == "Acme beats estimates"
    assert [a.name for a in doc.authors] == ["Jane Roe"]
    assert doc.publisher == "Example Wire" and doc.published == dt.date(2025, 11, 12)
    assert doc.url == "https://wire.example/acme-beats"
    assert "Home | Markets" not in doc.text and "newsletter" not in doc.text
    got = {(c.metric, c.modality.value, c.period.label if c.period else None) for c in extract(doc).claims}
    assert ("revenue", "reported", "2025-Q3") in got
    assert ("revenue_backlog", "reported", "2025-09-30") in got
    assert ("revenue", "guidance", "2025") in got and ("revenue", "prior_guidance", "2025") in got


def test_stated_period_end_sets_fiscal_calendar_and_prior_figure() -> None:
    """"first quarter ended February 28": a quarter to February (a fiscal year to November); "from year-ago loss
    of Y" is the earlier period's figure, and "for the year" is the full year."""
    import datetime as dt

    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    doc = text_document("Genetix earlier said first quarter ended February 28 losses rose to 1,309,000 dlrs from "
                        "year-ago loss of 937,000 dlrs.", "x.txt", Metadata(published=dt.date(1987, 3, 30)))
    got = [(c.value.low, c.period.start.isoformat() if c.period else None, c.modality.value)
           for c in extract(doc).claims if c.metric == "net_income"]
    assert got == [(-1309000.0, "1986-12-01", "reported"), (-937000.0, "1985-12-01", "prior_period")]


def test_headline_short_name_takes_body_full_name() -> None:
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    doc = text_document("TSENG <TSNG> SEES SALES INCREASE\nNEWTON, Pa., March 25 - Tseng Laboratories Inc said "
                        "it posted total revenues for 1986 of 4,255,731.", "x.txt",
                         Metadata(title="TSENG <TSNG> SEES SALES INCREASE"))
    claims = extract(doc).claims
    assert [(c.company, c.metric, c.value.low) for c in claims] == [("Tseng Laboratories", "revenue", 4255731.0)]


def test_current_and_next_quarter_guidance() -> None:
    import datetime as dt

    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    doc = text_document("Acme Corp sees current-quarter revenue of $1 billion and expects revenue of $9 billion next "
                        "quarter.", "x.txt", Metadata(published=dt.date(2021, 5, 10)))
    assert [(c.value.low, c.period.label if c.period else None) for c in extract(doc).claims] == [
        (1e9, "2021-Q2"), (9e9, "2021-Q3")]


def test_segment_lead_is_not_the_company_total() -> None:
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    doc = text_document("In North America, Acme Corp sales of $156.1 million grew 57.6% year-over-year.", "x.txt",
                        Metadata())
    assert {c.metric for c in extract(doc).claims} <= {"unclassified"}


@pytest.mark.parametrize(("sentence", "value", "metric"), [
    ("Zenith Tools Inc said its board rejected a 42 dlr a share tender offer from a rival.", 42.0, "unclassified"),
    ("Zenith Tools Inc said net income includes a gain of 3 mln dlrs or 15 cts a share.", 0.15, "unclassified"),
    ("Zenith Tools Inc reported book value of $31.50 per share at quarter end.", 31.5, "unclassified"),
    ("Zenith Tools Inc declared a dividend of $0.27 per share.", 0.27, "dividend"),
    ("Zenith Tools Inc said net income rose to 3 mln dlrs or 15 cts a share.", 0.15, "eps"),
    ("Zenith Tools Inc earned $1.12 per share after a charge last year.", 1.12, "eps"),
])
def test_per_share_amount_that_is_not_earnings(sentence: str, value: float, metric: str) -> None:
    """A charge, gain, offer price, book value or dividend "a share" is not earnings per share."""
    doc = text_document(sentence, "x.txt", Metadata(published=dt.date(2021, 5, 10)))
    got = {c.metric for c in extract(doc).claims if c.value.low == value}
    assert got <= {metric} and (metric == "unclassified" or got == {metric}), got


def test_dollars_in_a_canadian_dateline_are_canadian() -> None:
    """"dlrs" in a story datelined Toronto are Canadian dollars unless the text says U.S."""
    doc = text_document("MAPLE FREIGHT REPORTS YEAR REVENUES\nTORONTO, April 2 - Maple Freight Ltd said its revenues "
                        "for the year were 310.5 mln dlrs, or 240 mln U.S. dlrs.", "x.txt",
                        Metadata(title="MAPLE FREIGHT REPORTS YEAR REVENUES", published=dt.date(1987, 4, 2)))
    units = {c.value.low: c.value.unit for c in extract(doc).claims}
    assert units.get(310.5e6) == "CAD" and units.get(240e6, "USD") == "USD", units


def test_fiscal_year_read_from_the_body_moves_the_item_year() -> None:
    """A "year" item published in April by a company whose year ends June 30 (read from the body) is about the
    fiscal year that ended last June, not the calendar year."""
    title = "BRIGHTWATER MILLS <BWM> SEES STRONGER YEAR"
    doc = text_document(f"{title}\nCHICAGO, April 6 - Brightwater Mills Inc said it expects a stronger year, its "
                        "president told a meeting of securities analysts in New York.\n    He said demand from bakeries and "
                        "food makers stayed firm.\n    Revenues for the year "
                        "ended June 30 will be about 400 mln dlrs, he said.\n    Last year, Brightwater Mills had "
                        "net income of 12.5 mln dlrs.", "x.txt",
                        Metadata(title=title, published=dt.date(1987, 4, 6)))
    got = [(c.period.start.isoformat(), c.period.end.isoformat()) for c in extract(doc).claims
           if c.metric == "net_income" and c.period is not None]
    assert got == [("1985-07-01", "1986-06-30")], got


def test_year_ago_figure_beside_this_year_is_the_year_before() -> None:
    doc = text_document("Quillon Corp expects to earn 3.10 dlrs a share this year, compared with 2.50 dlrs a share "
                        "earned a year ago.", "x.txt", Metadata(published=dt.date(2021, 5, 10)))
    got = {c.value.low: (c.period.label if c.period else None, c.modality.value) for c in extract(doc).claims}
    assert got.get(2.5) == ("2020", "prior_period") and got.get(3.1, ("2021",))[0] == "2021", got


@pytest.mark.parametrize(("title", "company"), [("K Q1 2022 results", "K"), ("A quiet day on the floor", None)])
def test_one_letter_ticker_in_a_results_title(title: str, company: str | None) -> None:
    doc = text_document("q1 gaap earnings per share $1.05.", "x.txt", Metadata(title=title, published=dt.date(2022, 5, 2)))
    assert [c.company for c in extract(doc).claims] == ([company] if company else []), title


def test_last_row_of_a_wire_table_is_kept() -> None:
    """A short last row ("Revs 4,210,500 vs 3,877,000") is a table row, not trailing page debris."""
    title = "NORTHLAKE FOODS <NLF> 4TH QTR NET"
    doc = text_document(f"{title}\nDULUTH, Minn., March 20 -\n    Shr 12 cts vs nine cts\n    Net 310,000 vs 240,000\n"
                        "    Revs 4,210,500 vs 3,877,000", "x.txt", Metadata(title=title, published=dt.date(1987, 3, 20)))
    got = {(c.metric, c.value.low) for c in extract(doc).claims}
    assert ("revenue", 4210500.0) in got and ("revenue", 3877000.0) in got, got


def test_lowered_outlook_by_an_amount_in_a_year_to_a_range() -> None:
    """"lowering guidance by $0.05 per share in 2023 to $3.10 to $3.30": a cut (negative) and the new outlook."""
    doc = text_document("Orvane Corp is lowering its guidance by $0.05 per diluted share in 2023 to $3.10 to $3.30 per "
                        "diluted share.", "x.txt", Metadata(published=dt.date(2023, 5, 4)))
    got = {(c.value.low, c.measure.value, c.modality.value) for c in extract(doc).claims if c.metric == "eps"}
    assert (-0.05, "change", "guidance") in got and (3.1, "level", "guidance") in got, got


def test_reduced_from_a_level_keeps_its_sign() -> None:
    doc = text_document("Orvane Corp said growth in its costs was reduced from 9 pct to 7 pct.", "x.txt",
                        Metadata(published=dt.date(2023, 5, 4)))
    assert all((c.value.point or 0) > 0 for c in extract(doc).claims)


def test_scaled_volumes_are_not_wire_money() -> None:
    """"sales fell to 4.2 mln tonnes from 4.6 mln": tonnes, not dollars; a money figure beside them stays."""
    doc = text_document("Norske Stal A/S said 1986 sales fell to 4.2 mln tonnes from 4.6 mln, while net profit rose "
                        "to 310 mln crowns.", "x.txt", Metadata(published=dt.date(1987, 3, 9)))
    got = {(c.metric, c.value.low) for c in extract(doc).claims}
    assert not {v for m, v in got if m == "revenue" and v > 1e6}, got
