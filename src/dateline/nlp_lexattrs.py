"""Faster lexical attribute getters with identical values (the tokenizer's new-word cost).

Each word a process meets for the first time becomes a spaCy ``Lexeme``: ~25 Python getters
run on it (``Vocab.lex_attr_getters``), ~10 us a word, ~15,000 words in the first 300 news
articles (a third of the tokenizer's time on a first pass). Three of them cost most and have
exact faster twins, swapped in by :func:`fast_lexeme_attrs`:

- ``LIKE_NUM`` (English): membership in two 42-word *lists* (a linear scan per new word); the
  same test on sets.
- ``LIKE_URL``: a character-by-character Python loop looking for a dot; a text without one is
  a URL only when it starts with ``http://`` or ``https://``, which the getter tests first.
- ``SHAPE``: a Python loop per character; an ASCII word maps letters and digits with one
  ``str.translate`` and truncates runs of one shape character to four, as the loop does.

Each twin is used only when the getter in place is spaCy's own function; every other word
(non-ASCII shapes, texts with a dot) goes to spaCy's function. ``tests/core/test_nlp_lexattrs.py``
checks the values on every token of real news and on random strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["fast_lexeme_attrs"]

_SHAPE = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                         b"XXXXXXXXXXXXXXXXXXXXXXXXXXxxxxxxxxxxxxxxxxxxxxxxxxxxdddddddddd")
_RUN = re.compile(r"(.)\1{4,}", re.DOTALL)
_X = ("", "x", "xx", "xxx", "xxxx")


def _cut_run(m: re.Match[str]) -> str:
    return m.group()[:4]


def shape_twin(stock: Callable[[str], str]) -> Callable[[str], str]:
    """spaCy's ``word_shape``: an ASCII word by table (a lower-case or capitalised word at once),
    any other by ``stock``."""

    def word_shape(text: str) -> str:
        if len(text) >= 100 or not text.isascii():
            return stock(text)
        if text.isalpha():
            if text.islower():
                return _X[min(len(text), 4)]
            if text[0].isupper() and text[1:].islower():
                return "X" + _X[min(len(text) - 1, 4)]
        shape = text.encode("ascii").translate(_SHAPE).decode("ascii")
        return shape if _RUN.search(shape) is None else _RUN.sub(_cut_run, shape)

    return word_shape


def url_twin(stock: Callable[[str], bool]) -> Callable[[str], bool]:
    """spaCy's ``like_url``: a text without a dot answered at once, any other by ``stock``."""

    def like_url(text: str) -> bool:
        if text and "." not in text:
            return text.startswith(("http://", "https://"))
        return stock(text)

    return like_url


def num_twin(num_words: list[str], ordinal_words: list[str]) -> Callable[[str], bool]:
    """spaCy's English ``like_num``, its word lists as sets."""
    words = frozenset(num_words) | frozenset(ordinal_words)

    def like_num(text: str) -> bool:
        if text.startswith(("+", "-", "±", "~")):
            text = text[1:]
        text = text.replace(",", "").replace(".", "")
        if text.isdigit():
            return True
        if text.count("/") == 1:
            num, denom = text.split("/")
            if num.isdigit() and denom.isdigit():
                return True
        text_lower = text.lower()
        if text_lower in words:
            return True
        return text_lower.endswith(("st", "nd", "rd", "th")) and text_lower[:-2].isdigit()

    return like_num


def fast_lexeme_attrs(nlp: Language) -> list[str]:
    """Swap the vocabulary's getters of LIKE_NUM, LIKE_URL and SHAPE for their twins where they
    are spaCy's own; returns the attributes changed."""
    from spacy.attrs import LIKE_NUM, LIKE_URL, SHAPE
    from spacy.lang import lex_attrs as base
    from spacy.lang.en import lex_attrs as en

    vocab: Any = nlp.vocab
    getters = vocab.lex_attr_getters
    if not isinstance(getters, dict):
        return []
    changed: dict[int, Callable[[str], Any]] = {}
    if getters.get(LIKE_NUM) is en.like_num:
        changed[LIKE_NUM] = num_twin(en._num_words, en._ordinal_words)
    if getters.get(LIKE_URL) is base.like_url:
        changed[LIKE_URL] = url_twin(base.like_url)
    if getters.get(SHAPE) is base.word_shape:
        changed[SHAPE] = shape_twin(base.word_shape)
    if changed:
        vocab.lex_attr_getters = {**getters, **changed}  # (the vocabulary's own dict: copied, not changed)
    names = {LIKE_NUM: "LIKE_NUM", LIKE_URL: "LIKE_URL", SHAPE: "SHAPE"}
    return [names[k] for k in changed]
