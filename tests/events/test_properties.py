"""Properties of the stage on any text: no crash, exact evidence offsets, stable ids, valid fields."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.lexicon import ACLED_SUB_EVENTS, event_type_of

from .helpers import events_of

WORDS = st.sampled_from(
    "rebels army police protesters attacked killed seized town clashes airstrike bomb exploded arrested "
    "ceasefire looted the a in on and , . 12 people were Monday said not will could March".split()
)
TEXTS = st.lists(WORDS, max_size=40).map(" ".join) | st.text(max_size=300)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_events_are_well_formed(text: str) -> None:
    for ev in events_of(text):
        assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
        assert ev.sub_event_type in ACLED_SUB_EVENTS
        assert ev.event_type == event_type_of(ev.sub_event_type)
        assert 0.0 <= ev.confidence <= 1.0
        assert ev.modality == "asserted"
        assert ev.fatalities is None or ev.fatalities >= 0


def test_ids_are_stable_and_distinct() -> None:
    text = "Rebels seized the town on Monday. Warplanes bombed the market, killing 5 people."
    first, second = events_of(text), events_of(text)
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == len(first) == 2


def test_empty_body_has_no_events() -> None:
    assert events_of("") == []
    assert events_of("   \n ") == []
