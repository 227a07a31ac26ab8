"""The places stage's tokens, made once: the label-free ones of the NER-window scan, reused.

:func:`dateline.nlp_windows.place_spans` runs the places candidate scan before NER on tokens
without labels or parts of speech (:func:`base_tokens`) and keeps them in a :class:`KeptTokens`
that the nlp stage owns for one batch (not in ``doc.user_data``, which ``Doc.to_bytes`` writes with
msgpack); the nlp stage hands each document's to the places stage in ``annotations["place_tokens"]``.
The places stage then asks :func:`place_tokens` for its tokens: the kept ones where nothing was
added since (no entity type, no part of speech, the same sentence start), new ones where NER or
the parse wrote something, so that the result equals
:func:`dateline.places.detect.tokens_from_spacy` of the finished document (which it falls back
to when nothing was kept: NER on the whole text, a whole parse, a document made elsewhere) and
most of the ~450 token objects an article has are not made twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .places.detect import Token

__all__ = ["Kept", "KeptTokens", "base_tokens", "place_tokens"]

#: a document's label-free tokens and their sentence-start column
Kept = tuple[list["Token"], list[int]]


class KeptTokens:
    """The label-free tokens made before NER, by document, for one batch: filled by
    :func:`base_tokens`, emptied by :meth:`pop` (its owner, the nlp stage, drops it with the batch)."""

    def __init__(self) -> None:
        self._by_doc: dict[int, tuple[Any, Kept]] = {}

    def keep(self, doc: Doc, kept: Kept) -> None:
        self._by_doc[id(doc)] = (doc, kept)  # (the document held too: its id is not reused meanwhile)

    def pop(self, doc: Doc) -> Kept | None:
        """The tokens kept for ``doc`` (None when none were), forgotten here."""
        entry = self._by_doc.pop(id(doc), None)
        return entry[1] if entry is not None and entry[0] is doc else None


def base_tokens(doc: Doc, text: str, starts: Sequence[int], store: KeptTokens | None = None) -> list[Token]:
    """The tokens of ``doc`` (``text`` its text, ``starts`` the tokens' character offsets) with
    no entity label and no part of speech; with a ``store``, kept there for
    :func:`place_tokens`."""
    from spacy.attrs import LENGTH, SENT_START

    from .places.detect import Token

    lengths = doc.to_array(LENGTH).tolist()
    firsts = doc.to_array(SENT_START).tolist()
    out = [Token(text[a : a + n], a, a + n, "", -1, -1, f == 1, "")
           for a, n, f in zip(starts, lengths, firsts, strict=True)]
    if store is not None:
        store.keep(doc, (out, firsts))
    return out


def place_tokens(doc: Doc, kept: Kept | None = None) -> list[Token]:
    """``tokens_from_spacy(doc)``, reusing the label-free tokens ``kept`` by :func:`base_tokens`
    wherever the finished document added nothing to them."""
    from .places.detect import Token, tokens_from_spacy

    if kept is None or len(kept[0]) != len(doc):
        return tokens_from_spacy(doc)
    from spacy.attrs import ENT_TYPE, POS, SENT_START

    base, firsts = kept
    columns = doc.to_array([POS, ENT_TYPE, SENT_START]).tolist()
    out = list(base)
    for i, (pos, ent, first) in enumerate(columns):
        if pos or ent or first != firsts[i]:  # (as tokens_from_spacy makes it)
            t = doc[i]
            out[i] = Token(t.text, t.idx, t.idx + len(t.text), t.ent_type_ or "", -1, -1, bool(t.is_sent_start),
                           t.pos_)
    for ent in doc.ents:  # (as tokens_from_spacy: the entity's label and character span on each of its tokens)
        for i in range(ent.start, ent.end):
            tok = out[i]
            out[i] = Token(tok.text, tok.start, tok.end, ent.label_, ent.start_char, ent.end_char, tok.sent_start,
                           tok.pos)
    return out
