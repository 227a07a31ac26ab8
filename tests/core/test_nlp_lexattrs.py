"""The faster lexeme attribute getters give spaCy's values (dateline.nlp_lexattrs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.nlp_lexattrs import num_twin, shape_twin, url_twin

lex = pytest.importorskip("spacy.lang.lex_attrs")
en = pytest.importorskip("spacy.lang.en.lex_attrs")

SHAPE, URL, NUM = shape_twin(lex.word_shape), url_twin(lex.like_url), num_twin(en._num_words, en._ordinal_words)
WORDS = ["", "a", "A", "Al-Qaim", "AAAAAA", "aaaaab", "Xxxxxx99999", "U.S.", "http://x", "https://a.b/c", "www.x.org",
         "a.com", "e-mail@x.org", "1,000", "-3.5", "+7", "±2", "~4", "1/2", "1/2/3", "twenty", "Twentieth", "21st",
         "3RD", "Ørsted", "İstanbul", "\n\n\n\n\n\n", "    ", "x" * 120, "naïve", "DEIR-EZ-ZOR", "ISIS's", "’s", "n't",
         "..", ".a", "a.", "a@b", "ftp://host", "localhost:8080", "example.co.uk:80/"]


def _same(stock, twin, text: str) -> None:  # type: ignore[no-untyped-def]
    try:
        want: object = stock(text)
    except Exception as exc:  # (the twin must fail alike)
        with pytest.raises(type(exc)):
            twin(text)
        return
    assert twin(text) == want, repr(text)


@pytest.mark.parametrize("text", WORDS)
def test_known_words(text: str) -> None:
    for stock, twin in ((lex.word_shape, SHAPE), (lex.like_url, URL), (en.like_num, NUM)):
        _same(stock, twin, text)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=12) | st.text(alphabet="aA1.-/:@,~+ xX", max_size=12))
def test_random_strings(text: str) -> None:
    for stock, twin in ((lex.word_shape, SHAPE), (lex.like_url, URL), (en.like_num, NUM)):
        _same(stock, twin, text)


def test_every_token_of_real_text(example_path: Path) -> None:
    import re

    for word in set(re.findall(r"\S+|\s+", example_path.read_text(encoding="utf-8"))):
        for piece in {word, word.strip(".,\"'()"), word[:3], word[-3:]}:
            for stock, twin in ((lex.word_shape, SHAPE), (lex.like_url, URL), (en.like_num, NUM)):
                _same(stock, twin, piece)


@pytest.mark.slow  # loads the spaCy model twice
def test_model_getters_equal_spacys(example_path: Path) -> None:
    """Every getter of the model's vocabulary, with the twins in place, gives the stock model's value."""
    import re

    from dateline.nlp import load_model
    from dateline.settings import Settings

    fast_vocab: Any = load_model(Settings()).vocab
    stock_vocab: Any = load_model(Settings(options=(("nlp.stock_components", True),))).vocab
    fast: dict[int, Any] = fast_vocab.lex_attr_getters
    stock: dict[int, Any] = stock_vocab.lex_attr_getters
    assert fast.keys() == stock.keys() and any(fast[k] is not stock[k] for k in fast)
    words = set(WORDS) | set(re.findall(r"\S+|\s+", example_path.read_text(encoding="utf-8")))
    words |= {"'s", "’S", "n't", "colour", "Colour", "favourite", "—", "…", "US$", "a@b.co", "x@y", "ÀÉ", "İ"}
    for word in words:
        for attr in fast:
            _same(stock[attr], fast[attr], word)
