"""Reading articles as people keep them: front matter, HTML inside text, page metadata, any language, and
articles kept when extraction fails. Fixtures are in ``tests/fixtures/reading`` (see its README)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import InputError
from claimgraph.graph.store import open_store
from claimgraph.pipeline import extract_records, ingest
from claimgraph.sources.extract import extract
from claimgraph.sources.htmlmeta import page_metadata
from claimgraph.sources.model import AuthorKind
from claimgraph.sources.readers import Format, Metadata, html_document, read_inputs, text_document

FIXTURES = Path(__file__).parent / "fixtures" / "reading"


def _read(name: str, meta: Metadata | None = None) -> list:
    results = list(read_inputs([str(FIXTURES / name)], meta=meta))
    assert all(r.error is None for r in results), [r.error for r in results]
    return [r.document for r in results]


# --- front matter ----------------------------------------------------------------------------------------------

def test_jekyll_yaml_front_matter_and_html_in_markdown() -> None:
    (doc,) = _read("jekyll-post.md")
    assert doc.title == "Acme & Co lifts quarterly revenue"
    assert [(a.name, a.kind) for a in doc.authors] == [("Jane Doe", AuthorKind.PERSON), ("John Roe", AuthorKind.PERSON)]
    assert doc.published == dt.date(2025, 11, 12)  # 23:30 at -05:00 is still the 12th where it was published
    assert doc.url == "https://news.example.com/2025/11/12/acme-revenue/"
    assert doc.keywords == ["acme", "results", "markets", "earnings"]
    # the reader's text: tags, scripts, styles, comments and hidden elements gone, entities decoded
    for debris in ("<span", "midArticle", "trackPageView", ".ad {", "<!--", "nobody sees", "&amp;", "&#8217;", "---"):
        assert debris not in doc.original
    assert "company’s backlog was $5.05\u00a0billion at quarter-end." in doc.original
    assert "\n\nShares rose 3% in early trading." in doc.original  # paragraphs kept
    ex = extract(doc)
    assert {c.value.stated for c in ex.claims} >= {"$1.2 billion", "$5.05 billion"}
    for c in ex.claims:
        assert doc.original[c.span[0]:c.span[1]] == c.quote and "<" not in c.quote


def test_hugo_toml_front_matter_spans_index_the_file() -> None:
    (doc,) = _read("hugo-post.md")
    file_text = (FIXTURES / "hugo-post.md").read_text(encoding="utf-8")
    assert doc.title == "Globex results: a record quarter"
    assert doc.published == dt.date(2025, 11, 12)  # not lastmod, and the local date of the offset datetime
    assert [a.name for a in doc.authors] == ["Ann Poe"]
    assert doc.publisher == "Example Markets Blog"  # from [params]
    assert doc.url == "https://blog.example.org/posts/globex-record-quarter/"
    claims = extract(doc).claims
    assert claims
    for c in claims:
        assert file_text[c.span[0]:c.span[1]] == c.quote  # no markup: spans index the file itself


def test_obsidian_clip_folded_title_links_and_source_url() -> None:
    (doc,) = _read("obsidian-clip.md")
    assert doc.title == "Initech's backlog doubles as cloud demand surges"
    assert [a.name for a in doc.authors] == ["Bill Lumbergh"]
    assert doc.url == "https://www.example.net/tech/initech-backlog"
    assert doc.publisher == "The Example Net"
    assert doc.published == dt.date(2025, 10, 30)  # published, not created


def test_text_file_front_matter_byline_and_written_date() -> None:
    (doc,) = _read("draft.txt")
    assert [(a.name, a.kind) for a in doc.authors] == [("Jane Doe", AuthorKind.PERSON), ("John Roe", AuthorKind.PERSON)]
    assert doc.published == dt.date(2025, 11, 12) and doc.publisher == "Example Wire"


def test_multimarkdown_header_block_gives_metadata_and_no_company(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text("Title: Harbor Freightways Q3 Earnings Beat Estimates\nPublished: 2024-10-24\n"
                   "Author: Jane Doe\nPublisher: Example Research\n\n"
                   "Harbor Freightways posted revenues of $1.31 billion for the quarter ended September 2024.\n",
                   encoding="utf-8")
    (doc,) = [r.document for r in read_inputs([str(src)])]
    assert doc is not None
    assert (doc.title, doc.published, doc.publisher, [a.name for a in doc.authors]) == (
        "Harbor Freightways Q3 Earnings Beat Estimates", dt.date(2024, 10, 24), "Example Research", ["Jane Doe"])
    claims = extract(doc).claims
    assert {c.company for c in claims} == {"Harbor Freightways"}  # never "Title"
    # a first line that is a figure, not metadata, stays text
    src.write_text("Revenue: $5 million\nNet income: $1 million\n\nAcme Corp reported results.\n", encoding="utf-8")
    (doc,) = [r.document for r in read_inputs([str(src)])]
    assert doc is not None and doc.published is None and "Revenue: $5 million" in doc.text


def test_front_matter_wins_and_sidecar_and_cli_fill_gaps(tmp_path: Path) -> None:
    src = tmp_path / "post.md"
    src.write_text("---\ntitle: From the front matter\ndate: 2025-01-02\n---\nAcme Corp said revenue was $5 million.\n",
                   encoding="utf-8")
    (tmp_path / "post.meta.json").write_text(json.dumps({"title": "From the sidecar", "language": "de",
                                                         "url": "https://sidecar.example.com/a"}), encoding="utf-8")
    (doc,) = [r.document for r in read_inputs([str(src)], meta=Metadata(publisher="From the CLI",
                                                                           published="2020-01-01"))]
    assert doc is not None
    assert (doc.title, doc.published, doc.language, doc.url, doc.publisher) == (
        "From the front matter", dt.date(2025, 1, 2), "de", "https://sidecar.example.com/a", "From the CLI")


def test_broken_front_matter_is_one_line_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [unclosed\nauthor: Jane\n---\nBody text here.\n", encoding="utf-8")
    (result,) = list(read_inputs([str(bad)]))
    assert result.document is None and result.error is not None
    assert str(bad) in result.error and "front matter" in result.error and "\n" not in result.error


def test_a_leading_rule_is_not_front_matter() -> None:
    doc = text_document("---\nA rule, then prose.\n---\nAcme Corp said revenue was $5 million.", "r.md", Metadata(),
                        fmt=Format.MD)
    assert "Acme Corp said revenue was $5 million." in doc.text


def test_scraped_text_with_markup() -> None:
    (doc,) = _read("scraped-with-markup.txt")
    assert doc.title == "Umbrella Corp quarterly profit jumps" and [a.name for a in doc.authors] == ["Jane Doe"]
    claims = extract(doc).claims
    assert claims and all("<" not in c.quote and doc.original[c.span[0]:c.span[1]] == c.quote for c in claims)


# --- JSON records with HTML bodies --------------------------------------------------------------------------------

def test_json_records_with_html_bodies() -> None:
    full, fragment, plain = _read("records.jsonl")
    assert (full.title, full.publisher, full.url, full.published, [a.name for a in full.authors]) == (
        "Vandelay beats estimates", "Example Times", "https://times.example.com/vandelay", dt.date(2025, 11, 12),
        ["Jane Doe"])
    assert "Home | Markets" not in full.text and full.fmt == "html"
    assert fragment.title == "Pied Piper grows" and fragment.publisher == "Example Daily"
    assert fragment.original == "Pied Piper said third-quarter revenue was $75\u00a0million.\n\nIt had 120 employees."
    assert "< 5% target" in plain.original  # a "<" in prose is not markup
    for doc in (full, fragment, plain):
        for c in extract(doc).claims:
            assert doc.original[c.span[0]:c.span[1]] == c.quote


def test_record_fields_win_over_the_page() -> None:
    page = (FIXTURES / "records.jsonl").read_text(encoding="utf-8").splitlines()[0]
    record = {**json.loads(page), "title": "The record's own title", "publisher": "Record Publisher"}
    doc = html_document(record["html"], "r", Metadata(), declared=Metadata(title=record["title"],
                                                                          publisher=record["publisher"]))
    assert (doc.title, doc.publisher, doc.url) == ("The record's own title", "Record Publisher",
                                                   "https://times.example.com/vandelay")


# --- any language ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "language", "title"), [
    ("zh.html", "zh-CN", "示例科技第三季度营收增长"), ("ja.html", "ja", "サンプル電機、第3四半期は増収増益"),
    ("ko.html", "ko", "샘플전자 3분기 매출 증가"), ("ar.html", "ar", "شركة المثال تعلن نمو الإيرادات"),
    ("th.html", "th", "บริษัทตัวอย่างรายงานรายได้ไตรมาสสามเพิ่มขึ้น"),
])
def test_pages_in_any_language_are_read(name: str, language: str, title: str) -> None:
    (doc,) = _read(f"pages/{name}")
    assert (doc.language, doc.title, doc.published) == (language, title, dt.date(2025, 11, 12))
    assert len(doc.text) > len(title) + 30


def test_pages_in_any_language_are_stored_without_claims() -> None:
    store = open_store("memory")
    report = ingest([str(FIXTURES / "pages")], store)
    assert (report.articles, report.failed) == (5, [])


def test_chinese_byline_and_japanese_site_name() -> None:
    zh = _read("pages/zh.html")[0]
    assert [(a.name, a.kind) for a in zh.authors] == [("示例新闻社", AuthorKind.ORGANIZATION)]
    assert zh.publisher == "示例新闻网" and zh.url == "https://news.example.cn/2025/11/12/tech.html"
    assert [a.name for a in _read("pages/ko.html")[0].authors] == ["김민수"]  # the job title 기자 dropped


# --- no article lost to an internal error -----------------------------------------------------------------------

def _failing_extract(doc):  # type: ignore[no-untyped-def]
    if "Hooli" in doc.text:
        raise KeyError("halve")
    return extract(doc)


def test_an_extraction_error_keeps_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimgraph.pipeline as pipeline

    monkeypatch.setattr(pipeline, "extract", _failing_extract)
    store = open_store("memory")
    report = ingest([str(FIXTURES / "draft.txt"), str(FIXTURES / "hugo-post.md")], store, workers=1)
    assert report.articles == 2
    assert len(report.failed) == 1 and "draft.txt" in report.failed[0][1]
    assert "claims were not extracted" in report.failed[0][1] and "KeyError" in report.failed[0][1]
    titles = {str(row["title"]) for row in store.select(
        "PREFIX schema: <https://schema.org/> SELECT ?title WHERE { GRAPH ?g { ?a schema:headline ?title } }")}
    assert "Plain text with YAML front matter" in titles
    records = list(extract_records([str(FIXTURES / "draft.txt")]))
    assert records[0]["title"] == "Plain text with YAML front matter" and records[0]["claims"] == []
    assert "claims were not extracted" in records[0]["error"]


def test_the_cli_reports_the_extraction_error_and_exits_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import claimgraph.pipeline as pipeline

    monkeypatch.setattr(pipeline, "extract", _failing_extract)
    result = CliRunner().invoke(app, ["ingest", "--store", "memory", "--workers", "1", str(FIXTURES / "draft.txt"),
                                      str(FIXTURES / "hugo-post.md")])
    assert result.exit_code == 1
    lines = [x for x in result.output.splitlines() if x.startswith("skipped:")]
    assert len(lines) == 1 and "draft.txt" in lines[0] and "claims were not extracted" in lines[0]
    assert "Traceback" not in result.output and "2 articles added" in result.output


# --- page metadata ------------------------------------------------------------------------------------------------

YOAST = """<!DOCTYPE html><html lang="en-GB"><head>
<title>Acme profit doubles as orders surge - Example Chronicle</title>
<meta property="og:title" content="Analysis: Acme profit doubles as orders surge | Example Chronicle">
<meta property="og:site_name" content="ExChron">
<meta property="og:url" content="https://www.examplechronicle.com/business/acme-profit">
<meta property="article:published_time" content="2025-11-13T02:30:00+00:00">
<meta property="article:modified_time" content="2025-11-14T08:00:00+00:00">
<meta name="author" content="username">
<link rel="canonical" href="/business/acme-profit/">
<script type="application/ld+json"><![CDATA[
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "@id": "https://www.examplechronicle.com/business/acme-profit/#webpage", "name": "Acme"},
  {"@type": ["NewsArticle"], "@id": "#article", "headline": "Acme profit doubles as orders surge",
   "author": [{"@id": "#/schema/person/1"}, {"@type": "Organization", "name": "Example Chronicle"}],
   "publisher": {"@id": "#org"}, "datePublished": "2025-11-13T02:30:00+00:00",},
  {"@type": "Person", "@id": "#/schema/person/1", "name": "JANE DOE"},
  {"@type": "Organization", "@id": "#org", "name": "Example Chronicle", "url": "https://www.examplechronicle.com/"}
]}]]></script></head>
<body><header class="site-header"><a href="/">Example Chronicle</a><h1 class="logo">Example Chronicle</h1></header>
<nav class="menu"><a href="/business">Business</a></nav>
<article><h1>Acme profit doubles as orders surge</h1>
<div class="byline">By <a rel="author" href="/by/jane">Jane Doe</a> <time>Nov. 12, 2025 9:30 p.m. ET</time></div>
<p>Acme Corp said its third-quarter profit doubled to $2 billion as orders surged across its divisions.</p>
<p>Revenue rose 14% to $9 billion, the company said in a statement on Wednesday evening.</p></article>
<aside class="related"><h2>Most read</h2><p class="byline">By Someone Else, Nov. 1, 2025</p></aside>
</body></html>"""


def test_page_metadata_from_json_ld_graph_with_references() -> None:
    page = page_metadata(YOAST)
    assert page.title == "Acme profit doubles as orders surge"  # no "Analysis:" label, no site name
    assert [(a.name, a.kind) for a in page.authors] == [("Jane Doe", AuthorKind.PERSON)]  # publisher not an author
    assert page.publisher == "Example Chronicle"  # the written name, not the brand code
    assert page.url == "https://www.examplechronicle.com/business/acme-profit/"  # canonical, made absolute
    assert page.published == dt.date(2025, 11, 12)  # 02:30 UTC on the 13th; the page shows the 12th
    assert page.language == "en-GB"


@pytest.mark.parametrize(("head", "byline", "expected"), [
    ('<meta name="author" content="admin">', "", []),
    ('<meta name="author" content="By Jane Doe, John Roe and Ann Poe | Example Wire">', "",
     ["Jane Doe", "John Roe", "Ann Poe"]),
    ('<meta name="author" content="@janedoe">', '<p class="byline">By Jane Doe Updated 3:05 PM EST, Mon Nov 10, 2025</p>',
     ["Jane Doe"]),
    ('<meta name="dc.creator" content="Doe, Jane">', "", ["Jane Doe"]),
    ("", '<span class="author">Example Wire Staff</span>', ["Example Wire Staff"]),
    ('<meta name="author" content="Example Media Group">', '<a rel="author">Jane Doe</a>', ["Jane Doe"]),
])
def test_bylines_are_cleaned(head: str, byline: str, expected: list[str]) -> None:
    html = (f"<html><head><title>Headline of the story here</title>{head}</head><body><h1>Headline of the story "
            f"here</h1>{byline}<p>Body text of the story, long enough to read.</p></body></html>")
    assert [a.name for a in page_metadata(html).authors] == expected


def test_dublin_core_twitter_and_a_non_url_canonical() -> None:
    html = """<html><head><title>Ignored | Site</title>
    <meta name="DC.title" content="Globex names a new chief executive">
    <meta name="DC.date.issued" content="2025-03-04">
    <meta name="twitter:title" content="Globex names a new chief executive">
    <link rel="canonical" href="8003098"><meta property="og:url" content="http://globex.example.org/news/ceo">
    <meta name="application-name" content="Globex Newsroom"></head><body><p>Text.</p></body></html>"""
    page = page_metadata(html)
    assert (page.title, page.published, page.url, page.publisher) == (
        "Globex names a new chief executive", dt.date(2025, 3, 4), "http://globex.example.org/news/ceo",
        "Globex Newsroom")


def test_protocol_relative_canonical_and_modified_date_ignored() -> None:
    html = """<html><head><link rel="canonical" href="//www.example.com/a/b">
    <meta property="article:modified_time" content="2025-06-01T10:00:00-04:00">
    <meta itemprop="datePublished" content="2025-05-30T10:00:00-04:00"></head><body><p>x</p></body></html>"""
    page = page_metadata(html)
    assert (page.url, page.published) == ("https://www.example.com/a/b", dt.date(2025, 5, 30))


def test_bad_markup_gives_empty_metadata_not_an_error() -> None:
    for junk in ("", "\x00\x01", "<html><head><script type='application/ld+json'>{bad json</script>", "<" * 5000,
                 "<div>" * 3000):
        page_metadata(junk)


def test_nothing_but_navigation_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        html_document("<html><head><title>x</title></head><body><nav>Home | About</nav></body></html>", "n.html",
                      Metadata())


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.sampled_from(["NewsArticle", "Person", "Organization", "#a", "2025-11-12T23:30:00Z", "By admin"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "@id", "@graph", "headline", "name", "author", "publisher", "datePublished",
                         "url", "mainEntityOfPage", "inLanguage", "keywords", "mainEntity"]), children, max_size=6),
    max_leaves=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_JSON, st.text(max_size=60), st.text(max_size=60))
def test_page_metadata_never_raises_on_any_json_ld_or_tag(ld: object, tag: str, heading: str) -> None:
    body = json.dumps(ld)
    html = (f'<html lang="{tag[:5]}"><head><script type="application/ld+json">{body}</script>'
            f'<meta property="og:title" content="{tag}"><meta name="author" content="{tag}">'
            f'<meta property="article:published_time" content="{tag}"><link rel="canonical" href="{tag}">'
            f"</head><body><h1>{heading}</h1><p class='byline'>{tag}</p><time>{tag}</time></body></html>")
    page = page_metadata(html)
    assert page.url is None or page.url.startswith(("http://", "https://"))


def test_tags_and_categories_are_stored_as_keywords() -> None:
    store = open_store("memory")
    ingest([str(FIXTURES / "jekyll-post.md")], store)
    rows = store.select("PREFIX schema: <https://schema.org/> SELECT ?k WHERE { GRAPH ?g { ?a schema:keywords ?k } }")
    assert {str(r["k"]) for r in rows} == {"acme", "results", "markets", "earnings"}


def test_a_colon_in_a_plain_front_matter_value_is_read_not_refused(tmp_path: Path) -> None:
    # hand-written and scraped front matter: "title: Infosys Q3 results: net profit rises" is not valid YAML
    src = tmp_path / "post.md"
    src.write_text("---\ntitle: Infosys Q3 results: net profit rises 11%\ndate: 2025-01-16\nsource: Business Desk\n"
                   "---\nInfosys reported a net profit of Rs 6,806 crore for the quarter.\n", encoding="utf-8")
    (result,) = list(read_inputs([str(src)]))
    assert result.error is None and result.document is not None
    assert (result.document.title, result.document.published, result.document.publisher) == (
        "Infosys Q3 results: net profit rises 11%", dt.date(2025, 1, 16), "Business Desk")


def test_a_date_line_under_the_title_of_a_plain_text_is_its_published_date(tmp_path: Path) -> None:
    src = tmp_path / "nvidia.txt"
    src.write_text("Nvidia forecasts revenue above estimates\n\nBy Jane Doe and John Roe\n\nNov 20, 2024\n\n"
                   "Nvidia Corp expects revenue of $37.5 billion for the fourth quarter.\n", encoding="utf-8")
    (result,) = list(read_inputs([str(src)]))
    assert result.document is not None and result.document.published == dt.date(2024, 11, 20)
    assert "Nov 20, 2024" not in result.document.text and "$37.5 billion" in result.document.text
    src.write_text("Acme beats\nBy Jane Doe | Updated 4:05 PM EST, Wed November 20, 2024\n"
                   "Acme Corp said revenue was $5 million on Nov 2, 2023.\n", encoding="utf-8")
    (result,) = list(read_inputs([str(src)], meta=Metadata(published="2025-01-02")))
    assert result.document is not None and result.document.published == dt.date(2025, 1, 2)  # given wins
    (result,) = list(read_inputs([str(src)]))
    assert result.document is not None and result.document.published == dt.date(2024, 11, 20)
    src.write_text("Acme beats\nAcme Corp said revenue was $5 million on Nov 2, 2023.\n", encoding="utf-8")
    (result,) = list(read_inputs([str(src)]))
    assert result.document is not None and result.document.published is None  # a date in a sentence is not one
