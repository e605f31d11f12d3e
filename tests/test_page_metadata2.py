"""Page metadata on pages the team wrote in the shapes real sites use (``tests/fixtures/pages``): WordPress with
Yoast's ``@graph``, Arc, Substack, Medium, Ghost, AMP, German and Japanese news sites, a press-release wire,
microdata only, an Organization-only JSON-LD block, "Staff" and wire-staff credits. Fields are compared as
``tests/quality/metadata_eval.py`` compares them; author kinds must match too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimgraph.sources.bylines import split_byline
from claimgraph.sources.htmlmeta import page_metadata
from tests.quality.metadata_eval import same

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED: dict[str, Any] = {k: v for k, v in json.loads((PAGES / "expected.json").read_text(encoding="utf-8")).items()
                            if not k.startswith("_")}


def test_there_are_fifteen_pages() -> None:
    assert len(EXPECTED) >= 15 and all((PAGES / name).exists() for name in EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_metadata(name: str) -> None:
    want = EXPECTED[name]
    meta = page_metadata((PAGES / name).read_text(encoding="utf-8"))
    got = {"title": meta.title, "publisher": meta.publisher, "url": meta.url,
           "published": meta.published.isoformat() if meta.published else None}
    for f, gold_field in (("title", "title"), ("publisher", "publisher"), ("url", "url"), ("date", "published")):
        assert same(f, got[gold_field], want[gold_field]), f"{f}: {got[gold_field]!r} != {want[gold_field]!r}"
    names = [a.name for a in meta.authors]
    assert same("author", names, [n for n, _ in want["authors"]]), names
    kinds = {n: k for n, k in want["authors"]}
    assert [a.kind.value for a in meta.authors] == [kinds[n] for n, _ in want["authors"]]


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_a_json_ld_author_whose_name_is_a_list_is_several_people() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry fares rise",'
          ' "author": {"@type": "Person", "name": ["Lena Park", "Omar Haddad"]}}</script>')
    meta = page_metadata(_page(ld, "<h1>Ferry fares rise</h1><p>Fares rise by a tenth in May.</p>"))
    assert [a.name for a in meta.authors] == ["Lena Park", "Omar Haddad"]


def test_the_shown_byline_that_names_more_people_wins_over_tags_naming_the_first() -> None:
    head = '<meta name="author" content="Lena Park"><title>Ferry fares rise</title>'
    body = ('<h1>Ferry fares rise</h1><div class="byline">By Lena Park and Omar Haddad</div>'
            "<p>Fares rise by a tenth in May.</p>")
    assert [a.name for a in page_metadata(_page(head, body)).authors] == ["Lena Park", "Omar Haddad"]
    body = '<h1>Ferry fares rise</h1><div class="byline">By Omar Haddad</div><p>Fares rise by a tenth.</p>'
    assert [a.name for a in page_metadata(_page(head, body)).authors] == ["Lena Park"]


def test_german_von_bylines_and_autor_classes() -> None:
    body = ('<h1>Fähre wird teurer</h1><p class="artikel-autor">Von Lena Park und Omar Haddad</p>'
            "<p>Die Preise steigen im Mai um ein Zehntel.</p>")
    assert [a.name for a in page_metadata(_page("<title>Fähre wird teurer</title>", body)).authors] == [
        "Lena Park", "Omar Haddad"]
    assert split_byline("Ursula von der Brücke") == ["Ursula von der Brücke"]
    assert split_byline("Von Brücke") == ["Von Brücke"]  # a family name, not the word "by"


def test_a_company_credit_keeps_its_legal_suffix() -> None:
    assert split_byline("Northgate Ferries, Inc.") == ["Northgate Ferries, Inc"]
    assert split_byline("Lena Park, Omar Haddad") == ["Lena Park", "Omar Haddad"]
    assert split_byline("Harbour Tools Co., Ltd. and Lena Park") == ["Harbour Tools Co., Ltd", "Lena Park"]


def test_a_cjk_byline_drops_the_desk_before_the_name() -> None:
    assert split_byline("社会部　佐藤花子") == ["佐藤花子"]
    assert split_byline("佐藤花子") == ["佐藤花子"]


def test_a_publication_on_a_platform_is_the_publisher_not_the_platform() -> None:
    head = ('<meta property="og:site_name" content="Blogdeck"><link rel="canonical" '
            'href="https://blogdeck.test/harbour-notes/ferry-fares-rise-91ab">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry fares rise",'
            ' "publisher": {"@type": "Organization", "name": "Harbour Notes",'
            ' "url": "https://blogdeck.test/harbour-notes"}}</script><title>Ferry fares rise | Blogdeck</title>')
    assert page_metadata(_page(head, "<h1>Ferry fares rise</h1>")).publisher == "Harbour Notes"


def test_a_lone_word_beside_full_names_does_not_widen_the_credit() -> None:
    head = '<meta name="author" content="Lena Park"><title>Ferry fares rise</title>'
    body = ('<h1>Ferry fares rise</h1><div class="byline">By Lena Park | Quillpost</div>'
            "<p>Fares rise by a tenth in May.</p>")
    assert [a.name for a in page_metadata(_page(head, body)).authors] == ["Lena Park"]


def test_dates_in_the_url_with_a_section_between_or_written_compactly() -> None:
    for url, want in (("https://gazette.test/2024/business/5/7/ferry-fares/index.html", "2024-05-07"),
                      ("https://gazette.test/article/20240507-0042/", "2024-05-07"),
                      ("https://gazette.test/hl?a=20240507-551-ferry", "2024-05-07"),
                      ("https://gazette.test/p/123456789012", None)):
        meta = page_metadata(_page(f'<link rel="canonical" href="{url}"><title>Ferry fares rise</title>',
                                   "<h1>Ferry fares rise</h1><p>Fares rise by a tenth in May.</p>"))
        assert (meta.published.isoformat() if meta.published else None) == want, url


def test_a_date_set_in_boxes_of_its_own_and_a_published_cell() -> None:
    body = ('<h1>Ferry fares rise</h1><ul><li class="publish"><span>May </span><span>7 </span><span>Tue </span>'
            '<span>2024 </span><span>08:15</span></li></ul><p>Fares rise by a tenth in May.</p>')
    assert str(page_metadata(_page("<title>Ferry fares rise</title>", body)).published) == "2024-05-07"
    body = ('<h1>Ferry fares rise</h1><dl><dt class="published">Published:</dt><dd class="published">2024-05-07</dd>'
            "</dl><p>Fares rise by a tenth in May.</p>")
    assert str(page_metadata(_page("<title>Ferry fares rise</title>", body)).published) == "2024-05-07"


def test_the_front_page_link_names_the_site_over_a_copyright_holder() -> None:
    body = ('<header><a href="/"><img src="/l.png" alt="Harbour Notes logo"></a></header><h1>Ferry fares rise</h1>'
            "<p>Fares rise by a tenth in May.</p><footer>Copyright © 2024 The Harbour Notes Company LLC.</footer>")
    assert page_metadata(_page("<title>Harbour Notes: Ferry fares rise</title>", body)).publisher == "Harbour Notes"


def _authors(head: str, body: str) -> list[str]:
    return [a.name for a in page_metadata(_page(head + "<title>Ferry fares rise</title>",
                                                "<h1>Ferry fares rise</h1>" + body + "<p>Fares rise.</p>")).authors]


def test_author_tags_in_library_order_with_addresses_and_in_unfurl_pairs() -> None:
    assert _authors('<meta name="dc.creator" content="Park, Lena; Haddad, Omar">', "") == ["Lena Park", "Omar Haddad"]
    assert _authors('<meta name="author" content="Lena Park (lpark@gazette.test)">', "") == ["Lena Park"]
    assert _authors('<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Lena Park">'
                    '<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 min">',
                    "") == ["Lena Park"]
    assert _authors('<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4">',
                    "") == []


def test_a_json_ld_author_string_naming_two_people_and_microdata_names_in_meta() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry fares rise",'
          ' "author": "Lena Park, Omar Haddad"}</script>')
    assert _authors(ld, "") == ["Lena Park", "Omar Haddad"]
    micro = ('<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
             '<meta itemprop="name" content="Lena Park"></div>')
    assert _authors("", micro) == ["Lena Park"]


@pytest.mark.parametrize(("byline", "names"), [
    ("By Lena Park, Ph.D.", ["Lena Park"]),
    ("Omar Haddad, MD", ["Omar Haddad"]),
    ("By Dr. Lena Park", ["Lena Park"]),
    ("Contributor: Lena Park", ["Lena Park"]),
    ("Contributors to the Harbour Wiki", ["Contributors to the Harbour Wiki"]),
    ("Interview by Lena Park", ["Lena Park"]),
    ("Ein Kommentar von Anna Schmidt", ["Anna Schmidt"]),
    ("di Marco Bianchi", ["Marco Bianchi"]),
    ("Di Stefano", ["Di Stefano"]),
    ("By Lena Park with Meridian Wire", ["Lena Park"]),
    ("Lena Park can be reached at lpark@gazette.test", ["Lena Park"]),
    ("Lena Park is a reporter covering the port", ["Lena Park"]),
    ("María de los Ángeles Pérez", ["María de los Ángeles Pérez"]),
    ("Gazette staff writer", ["Gazette staff writer"]),
])
def test_byline_shapes(byline: str, names: list[str]) -> None:
    assert _authors("", f'<div class="byline">{byline}</div>') == names


def test_a_tagline_after_the_site_name_and_a_microdata_publisher() -> None:
    head = ('<link rel="canonical" href="https://www.harbourgazette.test/news/ferry-fares-rise">'
            "<title>Ferry fares rise | Harbour Gazette - News for the coast since 1901</title>")
    assert page_metadata(_page(head, "<h1>Ferry fares rise</h1>")).publisher == "Harbour Gazette"
    body = ('<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
            '<meta itemprop="name" content="Harbour Gazette"></div><h1>Ferry fares rise</h1>')
    assert page_metadata(_page("<title>Ferry fares rise</title>", body)).publisher == "Harbour Gazette"


def test_a_kicker_set_inside_the_headline_is_no_part_of_it() -> None:
    body = '<h1><span class="story-kicker">Transport</span> Ferry fares rise</h1><p>Fares rise by a tenth.</p>'
    assert page_metadata(_page("<title>Ferry fares rise | Harbour Gazette</title>", body)).title == "Ferry fares rise"
    assert page_metadata(_page("", body)).title == "Ferry fares rise"


@pytest.mark.parametrize(("shown", "want"), [
    ('<p class="datum">7. Mai 2024, 18:30 Uhr</p>', "2024-05-07"),
    ('<p class="date">Publié le 7 mai 2024 à 18h30</p>', "2024-05-07"),
    ('<p class="fecha">7 de mayo de 2024</p>', "2024-05-07"),
    ('<span class="date">07.05.2024</span>', "2024-05-07"),
    ("<p>Published: 7 May 2024 | Updated: 9 May 2024</p>", "2024-05-07"),
    ('<div class="meta">Updated May 9, 2024 · Originally published May 7, 2024</div>', "2024-05-07"),
    ('<div class="meta">Updated May 9, 2024</div>', None),
])
def test_dates_shown_in_european_forms_and_after_a_published_label(shown: str, want: str | None) -> None:
    meta = page_metadata(_page("<title>Ferry fares rise</title>", f"<h1>Ferry fares rise</h1>{shown}<p>Fares rise.</p>"))
    assert (meta.published.isoformat() if meta.published else None) == want


def test_a_byline_box_with_the_name_and_the_job_title_in_blocks() -> None:
    box = '<div class="author"><div class="name">Lena Park</div><div class="role">Transport Correspondent</div></div>'
    assert _authors("", box) == ["Lena Park"]
    bio = ('<div class="author"><div class="name">Lena Park</div><div class="bio">Lena covers ferries, ports and the '
           "people who run them.</div></div>")
    assert _authors("", bio) == []


def test_the_publication_a_paywalled_article_is_part_of() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry fares rise",'
          ' "isPartOf": {"@type": ["CreativeWork", "Product"], "name": "Harbour Gazette", "productID": "hg:basic"}}'
          "</script>")
    assert page_metadata(_page(ld + "<title>Ferry fares rise</title>", "<h1>Ferry fares rise</h1>")).publisher == (
        "Harbour Gazette")
    webpage = ('<script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "Ferry fares rise",'
               ' "isPartOf": {"@id": "#page"}}, {"@type": "WebPage", "@id": "#page", "name": "Ferry fares rise"}]}'
               "</script>")
    assert page_metadata(_page(webpage + "<title>Ferry fares rise</title>", "<h1>Ferry fares rise</h1>")).publisher is None


def test_a_twitter_creator_written_as_a_name_is_the_last_resort() -> None:
    assert _authors('<meta name="twitter:creator" content="Lena Park">', "") == ["Lena Park"]
    assert _authors('<meta name="twitter:creator" content="@lenapark">', "") == []
    assert _authors('<meta name="twitter:creator" content="Quillmark">'
                    '<meta property="og:site_name" content="Quillmark">', "") == []
    assert _authors('<meta name="twitter:creator" content="Lena Park">', '<div class="byline">By Omar Haddad</div>') == [
        "Omar Haddad"]
