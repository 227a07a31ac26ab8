"""Toponym detection: gazetteer matches over capitalized spans, checked against NER and context.

spaCy's small model is not trusted alone (it labels Albu Kamal PERSON and Daesh GPE): every
capitalized run of tokens is matched against the gazetteer (longest match first), demonyms are
matched against their list, and each match is then kept or dropped by what the NER model says
about it, the words around it and the stop-lists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from .entries import Match
from .lexicon import common_words
from .normalize import fold
from .scan import TYPE_CUES_BEFORE, Candidate, scan

__all__ = ["TYPE_CUES_BEFORE", "Labels", "Mention", "Token", "TokenLabels", "detect", "label", "tokens_from_spacy"]

#: Words before a name that say it is a place
PLACE_CUES = frozenset({"in", "near", "from", "to", "at", "outside", "across", "into", "towards", "toward", "via",
                        "around", "throughout", "inside", "between", "and", "of", "nearby", "neighbouring",
                        "neighboring", "off", *"north south east west northeast northwest southeast southwest".split(),
                        "outskirts", "downtown"})
TYPE_CUES_AFTER = frozenset({"province", "governorate", "region", "district", "city", "town", "county", "state",
                             "river", "valley", "area", "border", "crossing", "countryside", "airport", "suburb",
                             "department", "oblast", "prefecture", "municipality", "provinces", "regions", "states",
                             "districts", "governorates", "counties", "departments", "estuary", "delta", "basin",
                             "coast", "peninsula", "island", "islands", "mountains", "plateau", "desert", "lake",
                             "sub", "subprefecture", "sub-prefecture", "upazila", "lga", "township", "commune",
                             "subprefectures", "sub-prefectures", "upazilas", "lgas", "townships", "communes"})
#: last words of names the small model takes for people that name organizations ("Manchester United",
#: "the Tigray People's Liberation Front"): their places are embedded in an organization's name
ORG_HEADS = frozenset({"front", "party", "movement", "army", "forces", "council", "union", "united", "city", "villa",
                       "rovers", "athletic", "fc", "club", "brigade", "brigades", "committee", "ministry", "university",
                       "college", "company", "corporation", "bank", "group", "league", "association", "alliance",
                       "times", "post", "herald", "tribune", "news", "airlines", "airways"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: parts of speech of a capitalized word that is not a name
COMMON_POS = frozenset({"NOUN", "ADJ", "VERB", "ADV", "PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "INTJ", "NUM"})


class Token(NamedTuple):
    """A token as the places scan reads it: a tuple (one is built for every word of every article,
    ~450 an article; a frozen dataclass cost ~4 us each, a named tuple ~0.3)."""

    text: str
    start: int
    end: int
    ent: str = ""  # NER label of the entity the token is in ("" outside entities)
    ent_start: int = -1  # character span of that entity
    ent_end: int = -1
    sent_start: bool = False
    pos: str = ""  # coarse part of speech ("PROPN", "NOUN" …; "" unknown)


@dataclass(slots=True)
class Mention:
    """A candidate place mention: a span of the body and the gazetteer matches of its name."""

    start: int
    end: int
    text: str
    key: str
    matches: list[Match] = field(default_factory=list)
    demonym: str | None = None  # the demonym's target (country code or name), for adjectival uses
    ner: str = ""  # NER label covering the mention ("" none)
    cue_before: str = ""  # the word before the mention (lower-case)
    cue_after: str = ""  # the word after the mention (lower-case)
    common: bool = False  # also a common word (listed, or written in lower case elsewhere in the text)
    person_name: bool = False  # a word of a person's name found elsewhere in the text
    acronym: bool = False  # written in capitals only, four letters or fewer (BA, NBC …)
    inside_name: bool = False  # inside a longer NER entity, not at its start ("Paul French")
    tagged_common: bool = False  # common only by the tagger's part of speech (unknown names: "Bakhmut" ADV)
    pos: str = ""  # the tagger's part of speech of a one-word mention
    container_only: bool = False  # a state abbreviation ("Ga."): a place only in "City, Abbr."
    target: bool = False  # what an attack acts on or forces leave ("shelled Kherson", "Odesa was hit", "fled from X")


def tokens_from_spacy(doc: Any) -> list[Token]:
    out = []
    for t in doc:
        out.append(Token(t.text, t.idx, t.idx + len(t.text), t.ent_type_ or "", -1, -1, bool(t.is_sent_start), t.pos_))
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            tok = out[i]
            out[i] = Token(tok.text, tok.start, tok.end, ent.label_, ent.start_char, ent.end_char, tok.sent_start,
                           tok.pos)
    return out


def detect(body: str, tokens: Sequence[Token], lookup: Callable[[str], list[Match]]) -> list[Mention]:
    """Candidate place mentions of ``body``: longest gazetteer or demonym match at each position
    (:func:`dateline.places.scan.scan`), with what the tokens' NER labels and parts of speech say
    (:func:`label`)."""
    candidates = scan(body, [t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens], lookup)
    return label(candidates, body, TokenLabels(body, tokens)) if candidates else []


class Labels(Protocol):
    """The NER labels and parts of speech the mentions read, by token index: the label of the
    entity a token is in with the entity's character span (("", -1, -1) outside any), its part of
    speech, and the words of multi-word person names."""

    person_words: set[str]

    def ent(self, i: int) -> tuple[str, int, int]: ...

    def pos(self, i: int) -> str: ...


class TokenLabels:
    """:class:`Labels` read from :class:`Token` objects (PERSON names that end in an organisation
    word relabelled ORG: :func:`_org_names`)."""

    def __init__(self, body: str, tokens: Sequence[Token]) -> None:
        self.tokens = tokens = _org_names(tokens)
        self.person_words = {t.text for t in tokens if t.ent == "PERSON" and t.text[:1].isupper() and " " in body[
            t.ent_start : t.ent_end].strip()}  # words of multi-word person names ("Chen" of "Chen Wei")

    def ent(self, i: int) -> tuple[str, int, int]:
        t = self.tokens[i]
        return t.ent, t.ent_start, t.ent_end

    def pos(self, i: int) -> str:
        return self.tokens[i].pos


def label(candidates: Sequence[Candidate], body: str, labels: Labels) -> list[Mention]:
    """Copies of the candidates' mentions with the fields the labels decide: the covering NER
    label, inside a longer name, common by the tagger's part of speech, a word of a person's name."""
    out = []
    for first, last, word, m in candidates:
        single = first == last
        head = labels.ent(first)
        ner = _covering_label(head, labels.ent(last), m, body)
        pos = labels.pos(first) if single else ""
        tagged = not m.common and single and pos in COMMON_POS  # "Olympic", "Patrol", "Rest"; unknown names: ADV
        out.append(Mention(
            m.start, m.end, m.text, m.key, m.matches, m.demonym, ner, m.cue_before, m.cue_after, m.common or tagged,
            single and word in labels.person_words and not ner.startswith(("GPE", "LOC")), m.acronym,
            0 <= head[1] < m.start, tagged, pos, m.container_only, m.target,
        ))
    return out


def _org_names(tokens: Sequence[Token]) -> Sequence[Token]:
    """Tokens with PERSON entities that end in an organization word ("Manchester United") relabelled ORG."""
    out: list[Token] | None = None
    for i, tok in enumerate(tokens):
        if tok.ent != "PERSON" or tok.end != tok.ent_end or tok.text.lower() not in ORG_HEADS:
            continue
        out = out if out is not None else list(tokens)
        j = i
        while j >= 0 and tokens[j].ent == "PERSON" and tokens[j].ent_start == tok.ent_start:
            t = tokens[j]
            out[j] = Token(t.text, t.start, t.end, "ORG", t.ent_start, t.ent_end, t.sent_start, t.pos)
            j -= 1
    return out if out is not None else tokens


_LIST_BEFORE = (" and ", ", ", " or ")
_LIST_AFTER = (" and ", ", ", " or ", "'s", "’s")


def _covering_label(first: tuple[str, int, int], last: tuple[str, int, int], mention: Mention, body: str) -> str:
    """The NER label of an entity that covers the mention ("" when none), marked ``*`` when the
    entity is larger than the mention (the mention is embedded in a longer name). An entity that
    only adds a possessive ("Sri Lanka's") or is a list of names ("Belvidere and Loves Park") is
    the mention's own."""
    first_ent, first_start, _ = first
    last_ent, last_start, last_end = last
    if first_ent and first_ent == last_ent and first_start == last_start:
        before, after = body[first_start : mention.start], body[mention.end : last_end]
        own_start = not before or before.endswith(_LIST_BEFORE)
        own_end = not after or (
            after.startswith(_LIST_AFTER) and (len(after) <= 2 or " and " in after or ", " in after)
        )
        return first_ent if own_start and own_end else first_ent + "*"
    partial = first_ent or last_ent  # an entity that covers a part of the name ("Spanish" of "Spanish Town")
    return partial if partial in ("GPE", "LOC", "FAC") else ""


def is_common_word(text: str) -> bool:
    return fold(text) in common_words()
