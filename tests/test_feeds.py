"""RSS and Atom feeds: one article per item, with its own title, link, date, author and the channel as publisher
(hand-written feeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.sources.extract import extract
from claimgraph.sources.feeds import feed_records
from claimgraph.sources.readers import Format, read_inputs
from tests.conftest import run_cli

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Business Daily</title>
<item><title>Brontide Corp revenue rises</title><link>https://example.com/a</link>
<guid isPermaLink="false">hbd-1001</guid><pubDate>Tue, 05 Aug 2025 14:00:00 GMT</pubDate>
<dc:creator>Mara Quint</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Brontide Corp said second-quarter revenue rose 12% to $412 million.</p>]]></content:encoded></item>
<item><title>Empty item</title><link>https://example.com/empty</link></item>
<item><title>Halvard Inc cuts outlook</title><link>https://example.com/b</link>
<pubDate>Wed, 06 Aug 2025 09:30:00 -0400</pubDate><author>desk@example.com (Ola Berg)</author>
<description>&lt;p&gt;Halvard Inc cut its full-year sales forecast to $2.1 billion from $2.3 billion.&lt;/p&gt;
</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Quarterly Wire</title>
<entry><title type="html">Corvane &lt;b&gt;beats&lt;/b&gt;</title><id>tag:qw,2025:7</id>
<link rel="alternate" href="https://example.org/corvane"/><published>2025-05-07T12:00:00Z</published>
<author><name>Ines Paul</name></author>
<content type="html">&lt;p&gt;Corvane Outfitters Inc. said first-quarter net income was $96 million.&lt;/p&gt;</content></entry>
</feed>
"""


def _results(tmp_path: Path, name: str, text: str) -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(read_inputs([str(path)]))


def test_an_rss_feed_gives_one_article_per_item_and_names_an_empty_item(tmp_path: Path) -> None:
    results = _results(tmp_path, "news.rss", RSS)
    docs = [r.document for r in results if r.document is not None]
    errors = [r.error for r in results if r.error is not None]
    assert [d.title for d in docs] == ["Brontide Corp revenue rises", "Halvard Inc cuts outlook"]
    assert [d.url for d in docs] == ["https://example.com/a", "https://example.com/b"]
    assert [str(d.published) for d in docs] == ["2025-08-05", "2025-08-06"]
    assert [[a.name for a in d.authors] for d in docs] == [["Mara Quint"], ["Ola Berg"]]
    assert {d.publisher for d in docs} == {"Harbour Business Daily"}
    assert docs[0].record_id == "hbd-1001" and docs[1].record_id == "https://example.com/b"
    assert len(errors) == 1 and "no description or content" in errors[0] and "news.rss:" in errors[0]
    first = extract(docs[0]).claims  # the full content, not the summary
    assert {(c.company, c.metric, c.value.low) for c in first} >= {("Brontide", "revenue", 412e6)}
    second = {(c.metric, c.value.low, str(c.modality)) for c in extract(docs[1]).claims}
    assert ("revenue", 2.1e9, "guidance") in second  # (an escaped HTML description read as a reader sees it)


def test_an_atom_feed_with_an_html_title_and_content(tmp_path: Path) -> None:
    (result,) = _results(tmp_path, "feed.atom", ATOM)
    doc = result.document
    assert doc is not None and doc.title == "Corvane beats" and doc.url == "https://example.org/corvane"
    assert doc.publisher == "Quarterly Wire" and [a.name for a in doc.authors] == ["Ines Paul"]
    assert any(c.metric == "net_income" and c.value.low == 96e6 for c in extract(doc).claims)


def test_a_feed_is_recognised_on_stdin_and_under_xml() -> None:
    done = run_cli("extract", "-", "--format", "json", stdin=ATOM)
    assert done.returncode == 0, done.stderr
    assert '"title": "Corvane beats"' in done.stdout
    assert Format.from_path(Path("x.xml")) is Format.FEED


def test_an_xml_page_that_is_no_feed_is_read_as_html(tmp_path: Path) -> None:
    page = ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Acme results</title>'
            '</head><body><p>Acme Corp said revenue rose to $7 million in the first quarter of 2024.</p></body></html>')
    (result,) = _results(tmp_path, "page.xml", page)
    assert result.document is not None and result.document.title == "Acme results"


@pytest.mark.parametrize(("text", "message"), [
    ("<rss><channel><item><title>x</title></channel></rss>", "line 1, column"),
    ('<rss version="2.0"><channel><item><title>&nope;</title><description>x</description></item></channel></rss>',
     "not a well-formed feed"),
])
def test_a_broken_feed_is_one_error_with_its_line_and_column(tmp_path: Path, text: str, message: str) -> None:
    (result,) = _results(tmp_path, "bad.rss", text)
    assert result.document is None and result.error is not None and message in result.error
    assert "is it RSS or Atom?" in result.error


def test_entities_are_not_expanded_and_nothing_is_read_from_disk(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    hostile = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
               '<rss version="2.0"><channel><title>t</title><item><title>a</title>'
               '<description>Acme said &x; revenue rose.</description></item></channel></rss>')
    records = list(feed_records(hostile, "h.rss"))
    assert "TOP-SECRET-VALUE" not in repr(records)
