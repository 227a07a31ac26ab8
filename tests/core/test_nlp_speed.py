"""The faster attribute ruler and lemmatizer give exactly the stock model's annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.nlp import load_model
from dateline.settings import Settings

pytestmark = pytest.mark.slow  # loads the spaCy model twice


SHARED_GEO = Path(__file__).resolve().parents[3] / "shared" / "eval" / "geo" / "gwn.jsonl"


def _texts(example: Path) -> list[str]:
    texts = [example.read_text(encoding="utf-8")]
    if SHARED_GEO.is_file():  # real news text when ../shared is here
        with SHARED_GEO.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(12), fh, strict=False)]
    texts += ["", " ", "\n\nA.", "Don't y'know nothin' 'bout it? I'd've gone.", "U.S. troops   shelled  Idlib."]
    return texts


def test_every_annotation_is_identical(example_path: Path) -> None:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

    fast = load_model(Settings())
    stock = load_model(Settings(options=(("nlp.stock_components", True),)))
    assert type(fast.get_pipe("attribute_ruler")) is not type(stock.get_pipe("attribute_ruler"))
    assert type(fast.get_pipe("lemmatizer")) is not type(stock.get_pipe("lemmatizer"))
    attrs = [ORTH, TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]
    texts = _texts(example_path)
    for text, a, b in zip(texts, stock.pipe(texts), fast.pipe(texts), strict=True):
        assert (a.to_array(attrs) == b.to_array(attrs)).all(), text[:80]
        assert [(t.lemma_, str(t.morph), t.pos_) for t in a] == [(t.lemma_, str(t.morph), t.pos_) for t in b]
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # the word lists became sets (same lemmas)
    assert index and all(isinstance(words, frozenset) for words in index.values())
