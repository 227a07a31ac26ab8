"""Regression tests, named after the bug they pin down."""

from __future__ import annotations

from dateline.article.dates import parse_date
from dateline.article.html import parse_html
from dateline.article.text import parse_text

PARAS = "".join(f"<p>Paragraph {i} of a story about the harbour, long enough to count as article text for the "
                f"extractor, which wants a few sentences.</p>" for i in range(5))


def test_late_2017_in_the_body_is_not_the_published_date() -> None:
    html = (f"<html><body><article><h1>Harbour reopens</h1>{PARAS}<p>The harbour closed in late 2017.</p>"
            "</article></body></html>")
    assert parse_html(html, "r").published is None


def test_missing_day_is_not_filled_with_today() -> None:
    assert parse_date("September 2019") is None
    assert parse_date("Sep 2019 updated") is None


def test_empty_author_byline_is_not_a_title() -> None:
    art = parse_text("Headline of the day\nBy , - Sep 30,2019 - Last updated at Sep 30,2019\nBody text here.", "r")
    assert art.title == "Headline of the day"
    assert art.body == "Body text here."
    assert art.published == "2019-09-30"


def test_read_more_teaser_mid_body_does_not_cut_the_body() -> None:
    art = parse_text("Harbour reopens\nFirst paragraph.\nRead more: Another story\nSecond paragraph.", "r")
    assert art.body == "First paragraph.\nSecond paragraph."
    assert art.related == ["Another story"]


def test_second_byline_segment_outlet_is_not_an_author() -> None:
    art = parse_text("Headline here\nBy Omar Haddad - Jordan Times - Mar 12,2021\nBody text.", "r")
    assert art.authors == ["Omar Haddad"]


def test_headline_never_in_html_body() -> None:
    html = f"<html><head><title>Harbour reopens</title></head><body><h1>Harbour reopens</h1>{PARAS}</body></html>"
    art = parse_html(html, "r")
    assert not art.body.startswith("Harbour reopens")


def test_utc_timestamp_after_midnight_takes_the_url_day() -> None:
    html = ('<html><head><link rel="canonical" href="https://x.example/2019/11/18/story/">'
            '<meta property="article:published_time" content="2019-11-19T03:10:00Z"></head>'
            f"<body><article><h1>Story</h1>{PARAS}</article></body></html>")
    assert parse_html(html, "r").published == "2019-11-18"


def test_hard_wrapped_first_sentence_is_not_a_headline() -> None:
    art = parse_text("The governor has called for calm in an address to mark the\nholiday.\nHe said more.", "r")
    assert art.title is None


def test_quoted_sentence_and_lone_dateline_are_not_headlines() -> None:
    assert parse_text('They call her their "miracle baby."\nShe was born in May.', "r").title is None
    assert parse_text("Washington (CNN)\nThe Senate voted on Tuesday.", "r").title is None


def test_caption_glued_to_the_first_paragraph_is_split() -> None:
    art = parse_text("A man walks past the court (Picture: Example Police) Officers said they found the car "
                     "abandoned on Tuesday.\nThe case continues.", "r")
    assert art.captions == ["A man walks past the court (Picture: Example Police)"]
    assert art.body.startswith("Officers said they found the car")


def test_xml_declaration_with_encoding_is_parsed() -> None:
    html = f'<?xml version="1.0" encoding="utf-8"?><html><body><article><h1>Harbour</h1>{PARAS}</article></body></html>'
    assert parse_html(html, "r").body.startswith("Paragraph 0")


def test_short_headline_right_above_the_byline_is_not_a_section_label() -> None:
    art = parse_text("Harbour reopens\nBy Jane Doe, Reuters\nAMMAN (Reuters) - The harbour reopened.", "r")
    assert art.title == "Harbour reopens"
    assert art.body == "The harbour reopened."


def test_agency_signoff_line_is_the_source_not_body() -> None:
    art = parse_text("Harbour reopens\nThe harbour reopened on Monday.\nShips queued.\n— AFP", "r")
    assert art.body == "The harbour reopened on Monday.\nShips queued."
    assert art.source == "AFP"


def test_more_from_header_followed_by_paragraphs_does_not_end_the_body() -> None:
    long_para = "The minister said the talks had been difficult but that both sides wanted a deal. " * 4
    art = parse_text(f"Harbour reopens\nFirst paragraph.\nMore from the interview:\n{long_para}\n{long_para}", "r")
    assert art.body.count("The minister said") == 8
    assert art.related == []


def test_comments_always_end_the_body() -> None:
    long_para = "I think this is a very long comment about the harbour and its history and its future. " * 4
    art = parse_text(f"Harbour reopens\nFirst paragraph.\n12 Comments\n{long_para}", "r")
    assert art.body == "First paragraph."
    assert art.related == []


def test_byline_glued_to_the_dateline_paragraph() -> None:
    art = parse_text("By Jane Doe. BOSTON (Reuters) - A restaurant owner was arrested on Thursday.\nMore text.", "r")
    assert art.authors == ["Jane Doe"] and art.source == "Reuters"
    assert art.dateline is not None and art.dateline.text == "BOSTON"
    assert art.body.startswith("A restaurant owner was arrested")
