"""``caption_search`` (the caption patterns run one by one behind their literals) finds exactly
what the one caption alternation finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.article.rules import caption_search, compiled

_PIECES = [
    "(AFP Photo)", "(Photo: Jane Doe/Reuters)", "(AP)", "[Reuters]", "REUTERS/Ali Hashisho", "Photo credit: X",
    "File photo", "Image caption", "photo: Supplied", "(Getty Images)", "(Xinhua photo)", "picture", "pic",
    "Credit:", "AA", "ap", "Apparently", "the file", " ", "\n", ")", "(", "/", ":", "—", "İ", "ı", "ſ", "K",
    "Police said on Monday", "Photograph by", "(EPA-EFE)", "(Anadolu file)", "caption: ", ".",
]


def _same(line: str) -> None:
    want = compiled().caption.search(line)
    got = caption_search(line)
    assert (got.span() if got else None) == (want.span() if want else None)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_caption_search_equals_the_alternation_on_caption_like_lines(line: str) -> None:
    _same(line)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_caption_search_equals_the_alternation_on_any_text(line: str) -> None:
    _same(line)


def test_caption_search_examples() -> None:
    for line in (
        "A man walks by (AFP Photo)",
        "Iraqi forces (Photo: Jane Doe/AP) The police said the road was shut today.",
        "Officials said on Monday the crossing reopened.",
        "FILE PHOTO: a soldier",
        "Photo: İstanbul",
    ):
        _same(line)
    assert caption_search("A man walks by (AFP Photo)") is not None
    assert caption_search("Officials said on Monday the crossing reopened.") is None


def test_required_chars() -> None:
    from dateline.article.rules import required_chars

    assert required_chars(r"\((?:AFP|AP)\)", re.I) == frozenset("(")
    assert required_chars(r"(?:\(|\[)(?:Reuters|AFP)", re.I) == frozenset("([")
    assert required_chars(r"\b(?:REUTERS|AFP)\s*/\s*[A-Z]", re.I) == frozenset("/")
    assert required_chars(r"\bphoto(?:graph)?\s*:", re.I) == frozenset(":")
    assert required_chars(r"(?:x)?\(") == frozenset("(")
    for pattern in (r"\bphoto", r"(?:\()?x", r"(?:\(|a)b", r"(?=\()x", "a b", r"[^(]"):
        assert required_chars(pattern) is None


_PATTERNS = st.lists(st.sampled_from([r"\(", r"\[", "/", ":", "a", "(?:", ")", "|", r"\b", "^", "?", "*", "+",
                                      "[(x]", "[(/]", r"\s*", "(?=", "{0,2}"]),
                     min_size=1, max_size=7).map("".join)


@settings(max_examples=500, deadline=None)
@given(_PATTERNS, st.text(alphabet="([ax)/: ", max_size=20))
def test_every_match_holds_a_required_char(pattern: str, text: str) -> None:
    from dateline.article.rules import required_chars

    try:
        compiled_pattern = re.compile(pattern, re.I)
    except re.error:
        return
    chars = required_chars(pattern, re.I)
    if chars is None:
        return
    for m in compiled_pattern.finditer(text):
        assert any(ch in m.group() for ch in chars)
