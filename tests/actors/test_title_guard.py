"""``title_before`` skips the title search when no title's last word and a space end the window:
the same match as the search itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.actors.parsed import _TITLE, title_before

_PIECES = ["Iraqi", "South", "African", "President", "Prime Minister", "Minister", "Foreign", "Crown Prince",
           "Secretary of State", "Supreme Leader", "leader", "former", "late", "Vice-", " ", " ", "\n", "\n\n",
           "the", "said", "Mr.", "King", "Premier", "State", "Governor", ",", "Gen."]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_title_before_equals_the_search(text: str) -> None:
    for end in range(len(text) + 1):
        want = _TITLE.search(text, max(0, end - 60), end)
        got = title_before(text, end)
        assert (got.span() if got else None) == (want.span() if want else None)


def test_title_before_examples() -> None:
    text = "said Iraqi President Barham Salih"
    m = title_before(text, text.index("Barham"))
    assert m is not None and m.group("title") == "President" and m.group("owner") == "Iraqi "
    assert title_before("said the minister Ali", len("said the minister ")) is None
