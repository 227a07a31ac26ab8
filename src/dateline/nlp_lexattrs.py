"""Faster lexical attribute getters with identical values (the tokenizer's new-word cost).

Each word a process meets for the first time becomes a spaCy ``Lexeme``: ~25 Python getters
run on it (``Vocab.lex_attr_getters``), ~10 us a word, ~15,000 words in the first 300 news
articles (a third of the tokenizer's time on a first pass). Eight have exact faster twins,
swapped in by :func:`fast_lexeme_attrs`:

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
from functools import partial
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


def lookups_twin(getter: Any) -> Callable[[str], Any] | None:
    """spaCy's NORM getter, ``partial(_get_attr_unless_lookup, default, lookups)`` (nested: the
    default is itself one), as one function asking the same look-up tables in the same order,
    then the innermost default; None when ``getter`` is not of that shape."""
    from spacy.util import _get_attr_unless_lookup

    tables: list[Any] = []
    while isinstance(getter, partial) and getter.func is _get_attr_unless_lookup and not getter.keywords \
            and len(getter.args) == 2:
        getter, more = getter.args
        tables += list(more)
    if not tables or not callable(getter) or isinstance(getter, partial):
        return None
    default: Callable[[str], Any] = getter

    def norm(string: str) -> Any:
        for table in tables:
            if string in table:
                return table[string]
        return default(string)

    return norm


#: :func:`_keyword`'s answer for a getter that is not the partial asked about
_NONE = object()


def _keyword(getter: Any, func: Callable[..., Any], name: str) -> Any:
    """The one keyword argument ``name`` of ``partial(func, name=…)``; else :data:`_NONE`."""
    if isinstance(getter, partial) and getter.func is func and not getter.args and set(getter.keywords) == {name}:
        return getter.keywords[name]
    return _NONE


def stop_twin(getter: Any) -> Callable[[str], bool] | None:
    """spaCy's IS_STOP getter, ``partial(is_stop, stops=…)``, without the partial; else None."""
    from spacy.lang.lex_attrs import is_stop

    stops = _keyword(getter, is_stop, "stops")
    if stops is _NONE:
        return None

    def stop(string: str) -> bool:
        return string.lower() in stops

    return stop


def lang_twin(getter: Any) -> Callable[[str], str] | None:
    """spaCy's LANG getter, ``partial(get_lang, lang=…)``: the language's name; else None."""
    from spacy.lang.lex_attrs import get_lang

    name = _keyword(getter, get_lang, "lang")
    if name is _NONE:
        return None

    def lang(text: str) -> str:
        return name  # type: ignore[no-any-return]

    return lang


def email_twin(stock: Callable[[str], bool]) -> Callable[[str], bool]:
    """spaCy's ``like_email``: its pattern needs an "@", a text without one is answered at once."""

    def like_email(text: str) -> bool:
        return "@" in text and stock(text)

    return like_email


def ascii_twin(text: str) -> bool:
    """spaCy's ``is_ascii`` (every character below 128: a Python loop) as ``str.isascii``."""
    return text.isascii()


def fast_lexeme_attrs(nlp: Language) -> list[str]:
    """Swap the vocabulary's getters of LIKE_NUM, LIKE_URL and SHAPE for their twins where they
    are spaCy's own; returns the attributes changed."""
    from spacy.attrs import IS_ASCII, IS_STOP, LANG, LIKE_EMAIL, LIKE_NUM, LIKE_URL, NORM, SHAPE
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
    if getters.get(LIKE_EMAIL) is base.like_email:
        changed[LIKE_EMAIL] = email_twin(base.like_email)
    if getters.get(IS_ASCII) is base.is_ascii:
        changed[IS_ASCII] = ascii_twin
    for attr, twin in ((NORM, lookups_twin(getters.get(NORM))), (IS_STOP, stop_twin(getters.get(IS_STOP))),
                       (LANG, lang_twin(getters.get(LANG)))):
        if twin is not None:
            changed[attr] = twin
    if changed:
        vocab.lex_attr_getters = {**getters, **changed}  # (the vocabulary's own dict: copied, not changed)
    names = {LIKE_NUM: "LIKE_NUM", LIKE_URL: "LIKE_URL", SHAPE: "SHAPE", LIKE_EMAIL: "LIKE_EMAIL",
             IS_ASCII: "IS_ASCII", NORM: "NORM", IS_STOP: "IS_STOP", LANG: "LANG"}
    return [names[k] for k in changed]
