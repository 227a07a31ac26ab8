"""Parse on demand's array-based helpers (dateline.nlp_demand) against the token-by-token code
they replaced: the same line starts, sentence marks and sub-documents on any text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.nlp_demand import (
    _FINAL,
    _join,
    _line_starts,
    _sentence_texts,
    _sentences,
    _split_lines,
    _sub_docs,
    doc_text,
)


def _line_starts_ref(doc: Any) -> list[int]:
    starts = [0] if len(doc) else []
    pending = False
    last = doc[0].text if len(doc) else ""
    for tok in doc[1:]:
        if tok.is_space:
            pending = pending or "\n" in tok.text
        else:
            if (pending or "\n" in doc[tok.i - 1].whitespace_) and last in _FINAL:
                starts.append(tok.i)
            pending = False
        last = tok.text if not tok.is_space else last
    return starts


def _split_lines_ref(doc: Any, lines: Sequence[int]) -> Any:
    start_next = False
    for tok in doc[1:]:
        if tok.is_space:
            start_next = start_next or bool(tok.is_sent_start)
            tok.is_sent_start = False
        else:
            if start_next:
                tok.is_sent_start = True
            start_next = False
    for i in lines[1:]:
        doc[i].is_sent_start = True
    return doc


@pytest.fixture(scope="module")
def nlp() -> Any:
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


_PARTS = ["Troops", "retook", "the", "town", ".", "!", "?", '"', "\u201d", "'", "\u2019", "\n", "\n\n", " ", "  ",
          "\t", "Al-Qaim", "on", "Monday", "-", "\n \n", "2017", "(AFP)", "said", ":"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=40), st.sampled_from([" ", ""]))
def test_line_marks_equal_the_token_by_token_code(nlp: Any, parts: list[str], sep: str) -> None:
    text = sep.join(parts)
    doc, ref = nlp(text), nlp(text)
    lines = _line_starts(doc)
    assert lines == _line_starts_ref(ref)
    _split_lines(doc, lines)
    _split_lines_ref(ref, lines)
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in ref]
    assert doc_text(doc) == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=40))
def test_sub_docs_equal_as_doc(nlp: Any, parts: list[str]) -> None:
    doc = nlp(" ".join(parts))
    chosen = [(0, a, b) for a, b in _sentences(doc)]
    for sub, (_, a, b) in zip(_sub_docs(nlp, [doc], chosen), chosen, strict=True):
        assert sub.to_bytes(exclude=["tensor"]) == doc[a:b].as_doc().to_bytes(exclude=["tensor"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=12), min_size=1, max_size=5))
def test_join_equals_from_docs(nlp: Any, texts: list[list[str]]) -> None:
    from spacy.tokens import Doc

    subs = [nlp("".join(parts)) for parts in texts]
    subs = [sub for sub in subs if len(sub)] or [nlp("A.")]
    ours, theirs = _join(subs), Doc.from_docs(subs, ensure_whitespace=True)
    assert ours.to_bytes(exclude=["tensor", "user_data"]) == theirs.to_bytes(exclude=["tensor", "user_data"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=40), st.sampled_from([" ", ""]))
def test_sentences_and_their_texts_equal_doc_sents(nlp: Any, parts: list[str], sep: str) -> None:
    doc = nlp(sep.join(parts))
    _split_lines(doc, _line_starts(doc))
    sents = _sentences(doc)
    assert sents == [(s.start, s.end) for s in doc.sents]
    assert _sentence_texts(doc, sents) == [(s.start, s.end, doc.text[s[0].idx : s[-1].idx + len(s[-1])])
                                           for s in doc.sents]
