"""``cue_matches`` (each cue set's alternatives run on their own, behind their literals) names exactly the cue
sets whose one alternation matches a text; the detector's context and the relevance judge read it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.lexicon import cue_patterns, pattern_specs
from dateline.events.prefilters import cue_matches


def _by_alternation(text: str) -> frozenset[str]:  # the former test, kept as the reference
    return frozenset(name for name, p in cue_patterns().items() if p.search(text))


_EXAMPLES = sorted({ex.lower() for spec in pattern_specs() for ex in spec.examples})
_WORDS = sorted({w for ex in _EXAMPLES for w in ex.split()})


def test_every_example_sentence() -> None:
    for text in _EXAMPLES:
        assert cue_matches(text) == _by_alternation(text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join))
def test_word_salads(text: str) -> None:
    assert cue_matches(text) == _by_alternation(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_EXAMPLES), min_size=1, max_size=3).map(" ".join))
def test_joined_examples(text: str) -> None:
    assert cue_matches(text) == _by_alternation(text)
