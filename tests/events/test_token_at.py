"""``token_at`` by bisection over the sentence's token ends gives the token the former scan gave (kept here as
the reference): the one covering the offset, else the first after it, else None."""

from __future__ import annotations

from typing import Any

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.sentences import Sentence, token_at

_NLP = spacy.blank("en")


def _scan(sentence: Sentence, char: int) -> Any:
    for tok in sentence.span:
        if tok.idx <= char < tok.idx + max(1, len(tok.text)):
            return tok
        if tok.idx > char:
            return tok
    return None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Militants", "killed", "two", "  ", " ", "\n", "soldiers", ",", ".", "al-Qaim", "'s"]),
                min_size=1, max_size=15).map("".join))
def test_token_at_equals_the_scan(text: str) -> None:
    doc = _NLP(text)
    if not len(doc):
        return
    span = doc[1:] if len(doc) > 1 else doc[:]
    sentence = Sentence(span.start_char, span.end_char, span.text, span)
    for char in range(-1, len(text) + 2):
        want, got = _scan(sentence, char), token_at(sentence, char)
        assert (want.i if want is not None else None) == (got.i if got is not None else None)


def test_without_a_parse() -> None:
    assert token_at(Sentence(0, 4, "Mosul"), 2) is None
