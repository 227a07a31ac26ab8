"""The places scan's column helpers equal the plain definitions they replace (dateline.places.scan)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.places.scan import _AL_EL, columns_of


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.lists(st.tuples(st.integers(0, 45), st.integers(0, 8)), max_size=12))
def test_columns_of_is_slicing(text: str, spans: list[tuple[int, int]]) -> None:
    starts, lengths = [a for a, _ in spans], [n for _, n in spans]
    assert columns_of(text, starts, lengths) == ([text[a : a + n] for a, n in spans], [a + n for a, n in spans])


def test_columns_of_refuses_unequal_columns() -> None:
    with pytest.raises(ValueError, match="2 token starts but 1 lengths"):
        columns_of("ab", [0, 1], [1])


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=3) | st.sampled_from(["al", "aL", "Al", "AL", "el", "eL", "El", "EL", "ál", "ªl", "ａl"]))
def test_al_el_set_is_lower_case_test(word: str) -> None:
    """A word that does not start with a capital is "al" or "el" in lower case exactly when it is in _AL_EL."""
    if not word[:1].isupper():
        assert (word.lower() in ("al", "el")) == (word in _AL_EL)


def test_no_other_character_lowers_to_a_e_or_l() -> None:
    assert [chr(c) for c in range(0x110000) if chr(c).lower() in ("a", "e", "l")] == ["A", "E", "L", "a", "e", "l"]
