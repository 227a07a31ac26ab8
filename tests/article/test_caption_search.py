"""``caption_search`` (the caption patterns run one by one behind their literals) finds exactly
what the one caption alternation finds."""

from __future__ import annotations

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
