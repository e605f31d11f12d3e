"""Pages laid out with tables (the web before CSS): the article's paragraphs stay paragraphs, the sidebars go."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.htmllayout import unwrap_layout_tables
from claimgraph.sources.htmlmeta import main_text
from claimgraph.sources.readers import Metadata, html_document

_STORY = ("<p>HOUSTON -- Quillon Energy Corp. said Tuesday its second-quarter profit rose 14 percent on higher "
          "refining margins and stronger demand for diesel across its Gulf Coast plants.\n"
          "<p>Net income for the quarter ended June 30 rose to $212 million, or 48 cents a share, from $186 million, "
          "or 42 cents a share, a year earlier.\n"
          "<p>Revenue grew 9 percent to $3.1 billion.\n")
_PAGE = ("<html><head><title>Quillon profit rises 14% - Energy Daily</title></head><body><table width='100%'><tr>"
         "<td valign='top'><a href='/'>Home</a><br><a href='/oil'>Oil</a><br><a href='/gas'>Gas</a></td>"
         "<td valign='top'><font size='4'><b>Quillon profit rises 14%</b></font><br>" + _STORY +
         "<table border='1'><tr><td>Revenue</td><td>$3,104</td><td>$2,848</td></tr>"
         "<tr><td>Net income</td><td>$212</td><td>$186</td></tr></table></td>"
         "<td valign='top'><b>Related</b><br><a href='/a'>Brixton Oil loss narrows to $30 million</a><br>"
         "<a href='/b'>Pellham Gas revenue slips 5%</a></td></tr></table></body></html>")


def test_a_layout_table_becomes_blocks_and_its_data_table_stays() -> None:
    unwrapped = unwrap_layout_tables(_PAGE)
    assert unwrapped.count("<table") == 1  # the results table inside the article column is kept
    text = main_text(_PAGE, "page.html")
    assert "Brixton" not in text and "Home" not in text.split()
    assert "diesel across its Gulf Coast plants.\n" in text  # a paragraph ends a line, not a table cell


def test_the_sidebar_headline_is_no_claim_of_the_article() -> None:
    doc = html_document(_PAGE, "page.html", Metadata())
    claims = extract(doc).claims
    assert {c.company for c in claims} == {"Quillon Energy"}
    assert 30_000_000.0 not in {c.value.low for c in claims}
    assert (212_000_000.0, "reported") in {(c.value.low, c.modality.value) for c in claims}


def test_data_tables_with_long_cells_are_not_layout() -> None:
    synopsis = "A clerk relives one Tuesday until he learns to say no. " * 6
    data = ("<table><tr><th>Film</th><th>Synopsis</th></tr>" +
            "".join(f"<tr><td>Film {i}</td><td><p>{synopsis}</p></td></tr>" for i in range(3)) + "</table>")
    assert unwrap_layout_tables(data) == data
    rows = "".join(f"<tr><td><p>{synopsis}</p></td></tr>" for i in range(7))  # many rows: a list, not a layout
    assert unwrap_layout_tables(f"<table>{rows}</table>") == f"<table>{rows}</table>"
    assert unwrap_layout_tables("no table here") == "no table here"
