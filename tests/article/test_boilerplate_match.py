"""``boilerplate_match`` (the boilerplate patterns run one by one behind their literals and required
characters) answers as the one boilerplate alternation does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.article.rules import _boilerplate_parts, boilerplate_match, compiled

_PIECES = [
    "Share", "share this article", "on Facebook", "Twitter", "Subscribe", "Sign up", "to our newsletter", "newsletters",
    "inbox", "We use cookies", "Advertisement", "Follow us on", "©", "Copyright", "(c)", "All rights reserved",
    "Tags:", "Click here", "Reporting by", "(Reporting by", "Editing by", "Our Standards:", "Got a tip?", "WhatsApp",
    "channel", "Download the", "app", "Police said on Monday", "İ", "ı", "K", " ", ", ", ":", "?", ".", "\n", "ad",
    "had", "This article was updated", "Image source:", "Watch", "listen now",
]


def _same(line: str) -> None:
    assert boilerplate_match(line) == (compiled().boilerplate.match(line) is not None)


def test_parts_are_known() -> None:
    assert _boilerplate_parts() is not None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_boilerplate_match_equals_the_alternation(line: str) -> None:
    _same(line)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_boilerplate_match_on_any_text(line: str) -> None:
    _same(line)


def test_examples() -> None:
    for line in ("Share this article", "Sign up to our newsletter for daily updates", "Advertisement",
                 "(Reporting by Jane Doe; Editing by John Roe)", "Police said the road was shut on Monday."):
        _same(line)
    assert boilerplate_match("Advertisement") and not boilerplate_match("Police said the road was shut on Monday.")
