"""The places stage's tokens from a spaCy document, read in bulk.

:func:`tokens_of` returns exactly what :func:`dateline.places.detect.tokens_from_spacy` returns
(tests/places/test_spacy_tokens.py compares them on parsed text), about twice as fast: the
token attributes come from one ``Doc.to_array`` call and each entity's label and span are set
once, instead of reading five attributes of every token through spaCy's ``Token`` objects and
building the tokens of entities twice.
"""

from __future__ import annotations

from typing import Any

from .detect import Token

__all__ = ["tokens_of"]


def tokens_of(doc: Any) -> list[Token]:
    """The :class:`~dateline.places.detect.Token` list of a spaCy ``Doc`` (text, offsets, NER label
    and entity span, sentence start, coarse part of speech)."""
    from spacy.attrs import ENT_TYPE, IDX, ORTH, POS, SENT_START

    strings = doc.vocab.strings
    names: dict[int, str] = {0: ""}

    def name(key: int) -> str:
        got = names.get(key)
        if got is None:
            got = names[key] = strings[key]
        return got

    in_ent: dict[int, tuple[str, int, int]] = {}
    for ent in doc.ents:
        span = (ent.label_, ent.start_char, ent.end_char)
        for i in range(ent.start, ent.end):
            in_ent[i] = span
    out = []
    for i, (orth, idx, ent_type, sent_start, pos) in enumerate(
        doc.to_array([ORTH, IDX, ENT_TYPE, SENT_START, POS]).tolist()
    ):
        text = name(orth)
        ent = in_ent.get(i)
        if ent is None:
            out.append(Token(text, idx, idx + len(text), name(ent_type), -1, -1, sent_start == 1, name(pos)))
        else:
            out.append(Token(text, idx, idx + len(text), ent[0], ent[1], ent[2], sent_start == 1, name(pos)))
    return out
