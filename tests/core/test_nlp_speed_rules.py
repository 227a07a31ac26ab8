"""The attribute ruler's array write-back and the lemmatizer's part-of-speech shortcut give what
spaCy's own code gives, token by token, on real text (dateline.nlp_speed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.nlp import load_model
from dateline.nlp_speed import _kind, _kinds
from dateline.settings import Settings

pytestmark = pytest.mark.slow  # loads the spaCy model

TEXTS = [
    "Gunmen ain't stopped; they're gonna shell Idlib again, officials said on Monday.",
    "U.S. troops   shelled  the town.\n\nThe ministry's spokesman didn't comment. Let's see.",
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_model(Settings())


def test_lemma_shortcut_is_rule_lemmatize(nlp, example_path: Path) -> None:  # type: ignore[no-untyped-def]
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert _kinds(lemmatizer) is not None  # the model's English rule lemmatizer takes the shortcut
    seen = 0
    for doc in nlp.pipe([example_path.read_text(encoding="utf-8"), *TEXTS]):
        for tok in doc:
            kind = _kind(lemmatizer, tok)
            stock = lemmatizer.rule_lemmatize(tok)[0]
            if kind == "lower":
                assert stock == tok.text.lower(), tok.text
            elif kind == "same":
                assert stock == tok.text, tok.text
            else:
                seen += 1
    assert seen  # some words need the rules


def test_ruler_array_write_back_equals_token_by_token(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
    from spacy.tokens._retokenize import set_token_attrs

    from dateline.nlp_speed import _write_columns

    ruler = nlp.get_pipe("attribute_ruler")
    for text in TEXTS:
        a = nlp(text, disable=["attribute_ruler", "lemmatizer", "ner"])
        b = a.copy()
        writes = [(ruler.attrs[k], [i, (i + 3) % len(a)]) for k, i in ((5, 0), (40, 1), (5, 3), (100, 2))]
        writes.append(({DEP: nlp.vocab.strings.add("dep"), TAG: nlp.vocab.strings.add("NN")}, [0, 2]))
        _write_columns(a, writes)
        for attrs, rows in writes:  # spaCy's way: in order, a later write wins
            for i in rows:
                set_token_attrs(b[i], attrs)
        cols = [DEP, LEMMA, MORPH, POS, TAG]
        assert (a.to_array(cols) == b.to_array(cols)).all()
