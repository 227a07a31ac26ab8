"""The places candidate scan, made once: the NER-window scan's candidates, reused by the places stage.

:func:`dateline.nlp_windows.place_spans` runs the places candidate scan
(:func:`dateline.places.scan.scan`, which needs no label) before NER, from the document's
token columns (:func:`scan_doc`: no token object is made), and keeps the candidates in a
:class:`KeptTokens` that the nlp stage owns for one batch (not in ``doc.user_data``, which
``Doc.to_bytes`` writes with msgpack); the nlp stage hands each document's to the places stage
in ``annotations["place_tokens"]``. The places stage asks :func:`place_mentions` for its
mentions: the kept candidates (a new scan when none were kept: NER on the whole text, a whole
parse, a document made elsewhere) labelled with the finished document's entities and parts of
speech (:class:`DocLabels`, read only where the candidates are). The result equals
``detect(body, tokens_from_spacy(doc), lookup)`` (:func:`dateline.places.detect.detect`), which
the labels fall back to when the document's entity marks are not those of its entities.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .places.detect import Labels, Mention
    from .places.entries import Match
    from .places.scan import Candidate

__all__ = ["DocLabels", "Kept", "KeptTokens", "place_mentions", "scan_doc"]

#: a document's number of tokens, the text scanned and its candidates
Kept = tuple[int, str, list["Candidate"]]


class KeptTokens:
    """The places candidates found before NER, by document, for one batch: filled by
    :func:`scan_doc`, emptied by :meth:`pop` (its owner, the nlp stage, drops it with the batch)."""

    def __init__(self) -> None:
        self._by_doc: dict[int, tuple[Any, Kept]] = {}

    def keep(self, doc: Doc, kept: Kept) -> None:
        self._by_doc[id(doc)] = (doc, kept)  # (the document held too: its id is not reused meanwhile)

    def pop(self, doc: Doc) -> Kept | None:
        """The candidates kept for ``doc`` (None when none were), forgotten here."""
        entry = self._by_doc.pop(id(doc), None)
        return entry[1] if entry is not None and entry[0] is doc else None


def scan_doc(doc: Doc, text: str, starts: Sequence[int], lookup: Callable[[str], list[Match]],
             store: KeptTokens | None = None) -> list[Candidate]:
    """The places candidates of ``doc`` (``text`` its text, ``starts`` the tokens' character
    offsets), from the token lengths read as one array; with a ``store``, kept there for
    :func:`place_mentions`."""
    from spacy.attrs import LENGTH

    from .places.scan import columns_of, scan

    texts, ends = columns_of(text, starts, doc.to_array(LENGTH).tolist())
    found = scan(text, texts, starts, ends, lookup)
    if store is not None:
        store.keep(doc, (len(doc), text, found))
    return found


class DocLabels:
    """The NER labels and parts of speech of a spaCy document as the places mentions read them
    (:class:`dateline.places.detect.Labels`), as :func:`~dateline.places.detect.tokens_from_spacy`
    and :class:`~dateline.places.detect.TokenLabels` give them: each entity's tokens carry its
    label and character span, a PERSON name ending in an organisation word is an ORG. Made from
    the entities (a few dozen) rather than from a token object per word; ``consistent`` is false
    when a token has an entity type outside every entity (then the token objects are needed)."""

    def __init__(self, doc: Doc, body: str) -> None:
        from spacy.attrs import ENT_TYPE

        from .places.detect import ORG_HEADS

        self.doc = doc
        self._ents: dict[int, tuple[str, int, int]] = {}
        self.person_words: set[str] = set()
        covered = 0
        for ent in doc.ents:
            a, b = ent.start, ent.end
            covered += b - a
            name = ent.label_
            if name == "PERSON" and doc[b - 1].text.lower() in ORG_HEADS:
                name = "ORG"  # "Manchester United" (places.detect._org_names)
            span = (name, ent.start_char, ent.end_char)
            for i in range(a, b):
                self._ents[i] = span
            if name == "PERSON" and " " in body[ent.start_char : ent.end_char].strip():
                self.person_words.update(w for w in (doc[i].text for i in range(a, b)) if w[:1].isupper())
        self.consistent = covered == int((doc.to_array(ENT_TYPE) != 0).sum()) if len(doc) else True

    def ent(self, i: int) -> tuple[str, int, int]:
        return self._ents.get(i, ("", -1, -1))

    def pos(self, i: int) -> str:
        return str(self.doc[i].pos_)


def place_mentions(doc: Doc, body: str, lookup: Callable[[str], list[Match]], kept: Kept | None = None
                   ) -> list[Mention]:
    """``detect(body, tokens_from_spacy(doc), lookup)``, from the candidates ``kept`` by
    :func:`scan_doc` when they are this document's (same length, same text), else a new scan."""
    from .places.detect import TokenLabels, detect, label, tokens_from_spacy

    if kept is not None and kept[0] == len(doc) and kept[1] == body:
        candidates = kept[2]
    elif doc.text == body:
        from spacy.attrs import IDX

        candidates = scan_doc(doc, body, doc.to_array(IDX).tolist(), lookup)
    else:  # (a body that is not the document's text: the token objects' way)
        return detect(body, tokens_from_spacy(doc), lookup)
    if not candidates:
        return []
    doc_labels = DocLabels(doc, body)
    labels: Labels = doc_labels if doc_labels.consistent else TokenLabels(body, tokens_from_spacy(doc))
    return label(candidates, body, labels)

