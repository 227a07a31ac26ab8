"""Content-hash ids: stable, whitespace-blind; URLs normalized."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.store.ids import article_id, content_hash, normalize_url


def test_whitespace_does_not_change_the_content_hash() -> None:
    assert content_hash("Iraq  reopens\n the crossing ") == content_hash("Iraq reopens the crossing")
    assert content_hash("Iraq reopens the crossing") != content_hash("Iraq closes the crossing")


def test_urls_differing_only_in_form_are_one_article() -> None:
    a = article_id("http://www.Example.com/news/1/?utm_source=x#top", "h1")
    b = article_id("https://example.com/news/1", "h2")
    assert a == b
    assert article_id(None, "h1") != article_id(None, "h2")
    assert article_id("https://example.com/news/2", "h1") != a


@given(st.text(max_size=60))
def test_content_hash_ignores_how_whitespace_is_spread(text: str) -> None:
    assert content_hash(text) == content_hash("  " + text.replace(" ", " \n\t ") + "\n")


@given(st.from_regex(r"https?://(www\.)?[a-z]{1,8}\.(org|com)(/[a-z0-9]{0,6}){0,3}/?(\?[a-z]=[0-9])?", fullmatch=True))
def test_normalize_url_is_idempotent(url: str) -> None:
    once = normalize_url(url)
    assert normalize_url(once) == once
