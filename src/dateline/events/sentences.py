"""Sentences of the body, from the spaCy parse when there is one, else a plain splitter.

The events stage works sentence by sentence; a :class:`Sentence` carries its offsets in the
body and, when the document was parsed, its spaCy ``Span`` (for tokens, lemmas and the
dependency parse). Without sentence boundaries (a blank pipeline in tests) the time stage's
cheap splitter (:func:`dateline.timex.dating.split_sentences`) is used.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
    #: the span's tokens and where each ends (its offset plus its length, at least 1), read once for token_at
    _tokens: tuple[list[Any], list[int]] | None = field(default=None, init=False, repr=False, compare=False)

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
        pieces = [(start, end, sent) for sent in nlp_doc.sents for start, end in _paragraphs(body, sent.start_char,
                                                                                                 sent.end_char)]
        for start, end, sent in _rejoined(body, pieces):
            span = sent if (start, end) == (sent.start_char, sent.end_char) else (
                nlp_doc.char_span(start, end, alignment_mode="expand") or sent)
            if not is_parsed(sent[0]):
                span = None  # parse on demand left it unparsed: the no-parse rules (dateline.nlp)
            yield Sentence(start, end, body[start:end], span)
        return
    bounds = [_trim(body, start, end) for start, end in _plain_bounds(body)]
    for start, end, _ in _rejoined(body, [(start, end, None) for start, end in bounds if end > start]):
        yield Sentence(start, end, body[start:end])


_PARA = re.compile(r"\n[ \t]*\n")
#: how a sentence ends: a full stop, a question or exclamation mark, a colon or semicolon, a closing quote
_ENDED = re.compile(r"[.!?:;\"”’'…]\W*$")
#: how a sentence's continuation starts: a small letter, or a bracket or parenthesis then a small letter
_GOES_ON = re.compile(r"[\[(]?[a-z]")


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: a note's date written as a sentence of its own: "26 October.", "On November 22nd."
_DATE_ONLY = re.compile(rf"(?i)\W*(?:on |around )?(?:\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}|"
                        rf"{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?)(?:,? \d{{4}})?\W*")


def _rejoined(body: str, pieces: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """rule sentences.rejoin-broken: the parser's sentence cut inside a sentence ("... road blocks between Garba
    Tula and Modogashe townships | [north-eastern Kenya] for purposes of extorting money") is undone: a piece
    that does not end a sentence, followed in the same paragraph by one that starts with a small letter (or a
    bracket and a small letter), is one sentence with it; rule sentences.date-lead: a piece that is only a date
    ("26 October. Sporadic gunshots heard ...", as older ACLED notes open) is the date of the next sentence."""
    out: list[tuple[int, int, Any]] = []
    for start, end, sent in pieces:
        if out:
            p_start, p_end, p_sent = out[-1]
            broken = not _ENDED.search(body[p_start:p_end]) and _GOES_ON.match(body, start)
            if (broken or _DATE_ONLY.fullmatch(body[p_start:p_end])) and not _PARA.search(body, p_end, start):
                out[-1] = (p_start, end, p_sent)
                continue
        out.append((start, end, sent))
    return out


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
    """The spaCy token of ``sentence`` covering body offset ``char``, else the first one after it (None without a
    parse or after its last token): the first token that ends after ``char`` (tokens follow one another, each
    ending where its text does, at least one character on), found by bisection."""
    if sentence.span is None:
        return None
    if sentence._tokens is None:
        toks = list(sentence.span)
        sentence._tokens = toks, [t.idx + max(1, len(t.text)) for t in toks]
    toks, ends = sentence._tokens
    at = bisect_right(ends, char)
    return toks[at] if at < len(toks) else None
