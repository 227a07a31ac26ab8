"""Property tests: the parsers never raise on arbitrary input and always give a str body."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.article.byline import parse_byline, parse_date_line
from dateline.article.datelines import split_dateline
from dateline.article.html import parse_html
from dateline.article.text import parse_text
from dateline.errors import InputError

LINES = st.sampled_from([
    "You are here", "Home > World", "By AFP - Sep 30,2019 - Last updated at Sep 30,2019", "By , - ",
    "Related Articles", "BEIRUT (AP) — ", "(AFP photo)", "Share", "Photo: ", "Read more: x", "\u2014", "(",
])
PAGES = st.lists(st.one_of(st.text(max_size=80), LINES), max_size=12).map("\n".join)
TAGS = st.sampled_from(["<p>", "</p>", "<h1>", "</h1>", "<article>", "<time datetime='2019-09-30'>", "<script>",
                        '<script type="application/ld+json">{"datePublished": 3}', "<html>", "<!--", "<meta "])
HTML = st.lists(st.one_of(st.text(max_size=60), TAGS), max_size=20).map("".join)


@settings(max_examples=150, deadline=None)
@given(PAGES)
def test_parse_text_never_raises(text: str) -> None:
    art = parse_text(text, "x")
    assert isinstance(art.body, str)
    assert all(isinstance(c, str) for c in art.captions + art.related)


@settings(max_examples=100, deadline=None)
@given(HTML)
def test_parse_html_never_raises_but_input_error(html: str) -> None:
    try:
        art = parse_html(html, "x")
    except InputError as exc:
        assert exc.source == "x"
    else:
        assert isinstance(art.body, str) and art.body.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_line_parsers_never_raise(line: str) -> None:
    parse_byline(line)
    parse_date_line(line)
    split = split_dateline(line)
    assert split is None or isinstance(split.rest, str)


@settings(max_examples=150, deadline=None)
@given(PAGES)
def test_parse_text_invents_nothing(text: str) -> None:
    art = parse_text(text, "x")
    for part in [*art.body.split("\n"), *art.captions, *art.related, art.title or ""]:
        assert part.strip() in text
