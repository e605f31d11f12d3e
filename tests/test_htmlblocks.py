"""Lists and headings among an article's paragraphs survive into the main text of a page (press releases)."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.htmlblocks import restore_blocks
from claimgraph.sources.htmlmeta import main_text
from claimgraph.sources.readers import Metadata, html_document

RELEASE = """<!DOCTYPE html><html><head><title>Northwind Robotics Reports Fourth Quarter and Fiscal 2025 Results</title>
<meta property="article:published_time" content="2026-02-18T21:05:00Z"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News releases by industry and region</a></li></ul></nav>
<div class="bw-release-story">
<p>BOSTON--(BUSINESS WIRE)--Feb. 18, 2026-- Northwind Robotics, Inc. (NASDAQ: NWRB) today reported financial results
for its fourth quarter and fiscal year ended December 31, 2025.</p>
<ul><li>Fourth quarter revenue of $412.3 million, up 18% year over year</li>
<li>GAAP net income of $31.5 million, or $0.42 per diluted share</li>
<li>Non-GAAP EPS of $0.61</li></ul>
<p>"We closed the year with record bookings," said Jane Ortiz, chief executive officer.</p>
<ul><li><a href="/a">Northwind names a new chief technology officer</a></li>
<li><a href="/b">Northwind opens a plant in Ohio</a></li></ul>
<h2>Financial Outlook</h2>
<p>For the first quarter of 2026, Northwind expects revenue between $395 million and $405 million.</p>
<h3>Condensed Consolidated Statements of Operations (in thousands, except per share data, unaudited)</h3>
<table>
<tr><td></td><td colspan="2">Three Months Ended December 31,</td><td colspan="2">Year Ended December 31,</td></tr>
<tr><td></td><td>2025</td><td>2024</td><td>2025</td><td>2024</td></tr>
<tr><td>Revenue</td><td>$ 412,318</td><td>$ 349,402</td><td>$ 1,502,877</td><td>$ 1,288,004</td></tr>
<tr><td>Net income (loss)</td><td>$ 31,498</td><td>$ (4,112)</td><td>$ 96,210</td><td>$ 40,021</td></tr>
</table>
<ul><li>Contact: Investor Relations, ir@northwind.example</li><li>Media: press@northwind.example</li></ul>
</div><footer><ul><li>Terms of use and privacy policy</li></ul></footer></body></html>"""


def test_bullets_headings_and_a_table_caption_come_back_between_paragraphs() -> None:
    text = main_text(RELEASE, "release.html")
    lines = text.split("\n")
    assert "- Non-GAAP EPS of $0.61" in lines
    assert lines.index("- Fourth quarter revenue of $412.3 million, up 18% year over year") < lines.index(
        '"We closed the year with record bookings," said Jane Ortiz, chief executive officer.')
    assert lines.index("Financial Outlook") + 1 == next(i for i, x in enumerate(lines) if x.startswith("For the first"))
    caption = next(i for i, x in enumerate(lines) if x.startswith("Condensed Consolidated"))
    assert lines[caption + 1].startswith("|")  # right before the table
    # not put back: a list of links, the navigation, the footer, and the list after the last kept block
    for gone in ("Northwind opens a plant in Ohio", "News releases by industry", "Terms of use", "Investor Relations"):
        assert gone not in text


def test_a_release_in_an_unknown_container_gives_its_bullet_figures_and_scaled_table() -> None:
    doc = html_document(RELEASE, "release.html", Metadata())
    got = {(c.metric, c.period.label if c.period else None, c.value.low) for c in extract(doc).claims
           if c.measure == "level"}
    assert ("adjusted_eps", "2025-Q4", 0.61) in got
    assert ("eps", "2025-Q4", 0.42) in got
    # the caption's "in thousands" scales the table: no $412.3K beside the bullets' $412.3 million
    revenue = sorted(v for m, p, v in got if m == "revenue" and p in ("2025-Q4", "2024-Q4"))
    assert revenue in ([349_402_000.0, 412_300_000.0], [349_402_000.0, 412_300_000.0, 412_318_000.0])


def test_nothing_changes_without_kept_blocks_on_both_sides() -> None:
    page = "<html><body><div><p>One paragraph of the article text here.</p><ul><li>A b c</li></ul></div></body></html>"
    assert restore_blocks("One paragraph of the article text here.", page) == "One paragraph of the article text here."
    assert restore_blocks("", page) == ""
    assert restore_blocks("Some text", "") == "Some text"


def test_each_list_goes_back_under_its_own_short_heading() -> None:
    page = ("<html><body><div class='release-body'>"
            "<p>Keystone Logistics, Inc. (NYSE: KLG) today announced results for the year ended December 31, 2024.</p>"
            "<p><b>Full Year 2024 Highlights</b></p><ul><li>Revenue of $4.66 billion, an increase of 3.9%</li></ul>"
            "<p><b>2025 Outlook</b></p><ul><li>Revenue of $4.85 billion to $5.0 billion</li></ul>"
            "<p>About Keystone Logistics: Keystone is a freight brokerage company based in Atlanta.</p>"
            "</div></body></html>")
    lines = main_text(page, "p.html").split("\n")
    assert lines[1:5] == ["Full Year 2024 Highlights", "- Revenue of $4.66 billion, an increase of 3.9%",
                          "2025 Outlook", "- Revenue of $4.85 billion to $5.0 billion"]
