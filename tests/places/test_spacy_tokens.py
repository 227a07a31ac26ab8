"""The places stage reads its tokens in bulk (dateline.places.spacy_tokens): the same tokens as
``detect.tokens_from_spacy``, on parsed news text and on a blank pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.places.detect import tokens_from_spacy
from dateline.places.spacy_tokens import tokens_of

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from dateline.nlp import load_model
    from dateline.settings import Settings

    return load_model(Settings())


def test_same_tokens_as_tokens_from_spacy(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts.append("Turkish police arrested 12 protesters in Istanbul on Monday, the Anadolu agency said.\n\nMore.")
    for doc in nlp.pipe(texts):
        assert tokens_of(doc) == tokens_from_spacy(doc)


def test_same_tokens_without_a_model() -> None:
    import spacy

    doc = spacy.blank("en")("Troops entered Al-Qaim  on Monday.")
    assert tokens_of(doc) == tokens_from_spacy(doc)
