"""The HTML parser: metadata, dates (and the dates it must not take), errors (invented pages)."""

from __future__ import annotations

import json

import pytest

from dateline.article.html import clean_authors, parse_html
from dateline.article.metadata import url_date
from dateline.errors import InputError

PARAS = "".join(
    f"<p>Paragraph {i}: the committee met again on Tuesday to discuss the water supply of the northern "
    f"districts, officials said, adding that talks would resume next week in the capital.</p>"
    for i in range(1, 7)
)


def page(head: str = "", header: str = "", body: str = PARAS, after: str = "") -> str:
    return (
        f"<html><head><title>Water talks resume | Example News</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><header><h1>Water talks resume</h1>{header}</header>"
        f"<div class='article-body'>{body}</div></article>{after}</body></html>"
    )


def json_ld(**fields: object) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


def test_json_ld_dates_title_authors() -> None:
    art = parse_html(
        page(json_ld(headline="Water talks resume", datePublished="2021-03-02T08:00:00+02:00",
                     dateModified="2021-03-03T10:00:00+02:00",
                     author=[{"@type": "Person", "name": "Lina Saleh"}],
                     publisher={"@type": "Organization", "name": "Example News"})
             + '<link rel="canonical" href="https://news.example/world/water-talks">'),
        "p1",
    )
    assert art.title == "Water talks resume"
    assert (art.published, art.updated) == ("2021-03-02", "2021-03-03")
    assert art.authors == ["Lina Saleh"]
    assert art.source == "Example News"
    assert art.url == "https://news.example/world/water-talks"
    assert "Water talks resume" not in art.body
    assert art.body.startswith("Paragraph 1")


def test_meta_published_time() -> None:
    art = parse_html(page('<meta property="article:published_time" content="2020-06-05T12:00:00Z">'
                          '<meta property="og:site_name" content="Example News">'), "p2")
    assert art.published == "2020-06-05"


def test_time_in_article_header() -> None:
    art = parse_html(page(header='<time datetime="2019-12-24T09:00">24 December 2019</time>'), "p3")
    assert art.published == "2019-12-24"


def test_url_date_is_the_last_resort() -> None:
    art = parse_html(page('<link rel="canonical" href="https://news.example/2018/07/15/water-talks/">'), "p4")
    assert art.published == "2018-07-15"


def test_dates_of_related_links_and_body_are_not_taken() -> None:
    related = ("<aside><h2>Related</h2><ul><li><a href='/a'>Older story</a> <time datetime='2017-01-01'>"
               "1 January 2017</time></li></ul></aside>")
    body = PARAS + "<p>The dam was finished in late 2017 and opened on 3 March 2018.</p>"
    art = parse_html(page(body=body, after=related), "p5")
    assert art.published is None


def test_byline_agency_and_dateline_in_html() -> None:
    body = "<p>By Jane Doe, Reuters</p><p>BAGHDAD (Reuters) - Iraq's parliament met on Monday.</p>" + PARAS
    art = parse_html(page(body=body), "p6")
    assert art.source == "Reuters"
    assert art.authors == ["Jane Doe"]
    assert art.dateline is not None and art.dateline.text == "BAGHDAD"
    assert art.body.startswith("Iraq's parliament met on Monday.")


@pytest.mark.parametrize(
    "html",
    ["", "   ", "<html></html>", "<html><body></body></html>", "<html><body><nav>Home</nav></body></html>",
     "<<<>>>", "<html><body><p>123 456</p></body></html>"],
)
def test_no_article_is_a_clear_input_error(html: str) -> None:
    with pytest.raises(InputError) as info:
        parse_html(html, "bad")
    assert info.value.source == "bad"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/2019/11/19/story-slug/", "2019-11-19"),
        ("https://x.example/news/2019-11-19/story", "2019-11-19"),
        ("https://x.example/a/20191119/story", "2019-11-19"),
        ("https://x.example/2019/11/story.html", None),
        ("https://x.example/2019/13/45/x", None),
        ("https://x.example/story-123456789", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, expected: str | None) -> None:
    got = url_date(url)
    assert (got.isoformat() if got else None) == expected


def test_clean_authors() -> None:
    assert clean_authors(["By TOM ROE, AP Auto Writer"]) == (["Tom Roe"], "AP")
    assert clean_authors(["Associated Press"]) == ([], "AP")
    assert clean_authors(["Jane Doe, Example Weekly.com"]) == (["Jane Doe"], None)
    assert clean_authors(["News Desk", "admin"], "Example News") == ([], None)
    assert clean_authors(["Example News"], "Example News") == ([], None)


def test_byline_markup_gives_authors_and_agency() -> None:
    header = '<div class="info"><span class="article-author-name"><a href="/a">Associated Press</a></span></div>'
    art = parse_html(page(header=header), "p7")
    assert art.source == "AP" and art.authors == []
    header = '<p class="byline">By <a rel="author" href="/jane">Jane Doe</a></p>'
    art = parse_html(page(header=header), "p8")
    assert art.authors == ["Jane Doe"]


def test_authors_of_related_stories_are_not_taken() -> None:
    related = '<aside><ul><li><span class="author-name">John Roe</span> Older story</li></ul></aside>'
    assert parse_html(page(after=related), "p9").authors == []


def test_declared_date_beats_a_date_line_and_a_date_line_beats_the_url() -> None:
    body = "<p>Updated: 9 March 2021</p>" + PARAS
    head = '<meta property="article:published_time" content="2021-03-02T08:00:00Z">'
    assert parse_html(page(head, body=body), "d1").published == "2021-03-02"
    canonical = '<link rel="canonical" href="https://news.example/2021/03/01/water/">'
    body = "<p>Published: 2 March 2021</p>" + PARAS
    assert parse_html(page(canonical, body=body), "d2").published == "2021-03-02"


def test_header_time_marked_updated_is_not_the_published_date() -> None:
    header = ('<time class="updated" datetime="2020-05-09">9 May</time>'
              '<time class="entry-date published" datetime="2020-05-01">1 May</time>')
    art = parse_html(page(header=header), "t1")
    assert art.published == "2020-05-01" and art.updated == "2020-05-09"
    art = parse_html(page(header='<time class="updated" datetime="2020-05-09">9 May</time>'), "t2")
    assert art.published is None and art.updated == "2020-05-09"


def test_microdata_dates() -> None:
    header = ('<meta itemprop="datePublished" content="2018-02-16"><span itemprop="dateModified">'
              '17 February 2018</span>')
    art = parse_html(page(header=header), "m1")
    assert (art.published, art.updated) == ("2018-02-16", "2018-02-17")
