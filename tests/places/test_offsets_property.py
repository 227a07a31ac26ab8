"""Property: whatever the text, places point at their text and never overlap."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.places import find_places

from .helpers import fake_gazetteer, tokenize

WORDS = ["Iraq", "Syria", "Al-Qaim", "AL QAIM", "Albu Kamal", "Damascus", "Paris", "Texas", "Euphrates River",
         "Daesh", "Iraqi", "in", "near", "the", "town", "of", "and", ",", ".", "said", "U.S.", "A", "North", "Carolina",
         "’s", "-", "\n", "Georgia", "EU", "Anbar", "province"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([None, "IQ", "US"]))
def test_places_point_at_their_text(words: list[str], country: str | None) -> None:
    text = " ".join(words)
    gaz = fake_gazetteer()
    places = find_places(text, tokenize(text, {"Damascus": "GPE", "Albu Kamal": "PERSON"}), gaz, country)
    last_end = -1
    for p in places:
        assert text[p.start : p.end] == p.text
        assert p.start >= last_end
        last_end = p.end
        assert p.lat is not None and p.feature is not None
        assert p.score is not None and 0.5 <= p.score <= 1.0
