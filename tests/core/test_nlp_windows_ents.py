"""NER windows write their entities as one array: the same document as spaCy's ``set_ents``."""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.nlp_windows import _set_entities

_LABELS = ("GPE", "ORG", "PERSON", "NORP")


@st.composite
def _doc_and_ents(draw: st.DrawFn) -> tuple[list[str], list[tuple[int, int, str]]]:
    words = draw(st.lists(st.sampled_from(["Mosul", "the", "Army", ".", " ", "\n", "of"]), max_size=25))
    ents, i = [], 0
    while i < len(words):
        if draw(st.booleans()):
            end = min(len(words), i + draw(st.integers(1, 4)))
            ents.append((i, end, draw(st.sampled_from(_LABELS))))
            i = end
        else:
            i += 1
    return words, ents


@cache
def _vocab() -> Any:
    import spacy

    return spacy.blank("en").vocab


@settings(deadline=None)
@given(_doc_and_ents())
def test_set_entities_equals_set_ents(case: tuple[list[str], list[tuple[int, int, str]]]) -> None:
    from spacy.tokens import Doc, Span

    words, ents = case
    vocab = _vocab()
    theirs, ours = Doc(vocab, words=words), Doc(vocab, words=words)
    theirs.set_ents([Span(theirs, s, e, label=label) for s, e, label in ents], default="outside")
    _set_entities(ours, [(s, e, vocab.strings.add(label)) for s, e, label in ents])
    assert ours.to_bytes() == theirs.to_bytes()
    assert [(e.start, e.end, e.label_) for e in ours.ents] == ents
