"""Sentences of the body, from the spaCy parse when there is one, else a plain splitter.

The events stage works sentence by sentence; a :class:`Sentence` carries its offsets in the
body and, when the document was parsed, its spaCy ``Span`` (for tokens, lemmas and the
dependency parse). Without sentence boundaries (a blank pipeline in tests) the time stage's
cheap splitter (:func:`dateline.timex.dating.split_sentences`) is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..nlp_demand import doc_text, is_parsed
from ..timex.dating import split_sentences as _plain_bounds

__all__ = ["Sentence", "split_sentences", "token_at"]


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    span: Any = None  # spacy.tokens.Span when parsed
    _low: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def low(self) -> str:
        if self._low is None:  # lower-cased once: the stage asks for it many times a sentence
            self._low = self.text.lower()
        return self._low


def _has_sents(nlp_doc: Any) -> bool:
    try:
        return bool(nlp_doc.has_annotation("SENT_START") or nlp_doc.has_annotation("DEP"))
    except (AttributeError, ValueError):
        return False


def split_sentences(body: str, nlp_doc: Any = None) -> Iterator[Sentence]:
    """Sentences of ``body`` (offsets into it), from ``nlp_doc`` when it has sentence boundaries."""
    if nlp_doc is not None and _has_sents(nlp_doc) and doc_text(nlp_doc) == body:
        for sent in nlp_doc.sents:
            for start, end in _paragraphs(body, sent.start_char, sent.end_char):
                span = sent if (start, end) == (sent.start_char, sent.end_char) else (
                    nlp_doc.char_span(start, end, alignment_mode="expand") or sent)
                if not is_parsed(sent[0]):
                    span = None  # parse on demand left it unparsed: the no-parse rules (dateline.nlp)
                yield Sentence(start, end, body[start:end], span)
        return
    for start, end in _plain_bounds(body):
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if end > start:
            yield Sentence(start, end, body[start:end])


_PARA = re.compile(r"\n[ \t]*\n")


def _paragraphs(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) cut at blank lines: a headline or a paragraph ends there (the parser may run them on)."""
    cut = start
    for m in _PARA.finditer(body, start, end):
        if body[cut : m.start()].strip():
            yield _trim(body, cut, m.start())
        cut = m.end()
    if body[cut:end].strip():
        yield _trim(body, cut, end)


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def token_at(sentence: Sentence, char: int) -> Any:
    """The spaCy token of ``sentence`` covering body offset ``char`` (None without a parse)."""
    if sentence.span is None:
        return None
    for tok in sentence.span:
        if tok.idx <= char < tok.idx + max(1, len(tok.text)):
            return tok
        if tok.idx > char:
            return tok
    return None
