"""NER only where its labels are read: windows of tokens around the spans that need them.

spaCy's NER reads a few tokens on each side of the one it labels (its own tok2vec: four CNN
layers of window 1; the transition features: the next token, the previous one and the open
entity's first), so labels at a token computed on a window of ``margin`` tokens around it
are, for a margin of a few tokens, the labels of the whole text. The stages read NER labels
only at a few kinds of spans (:func:`key_spans`): gazetteer and demonym candidates (places),
organisation and title-of-state names (actors). NER runs on those spans widened by
``margin`` tokens, cut at sentence ends and merged when they overlap or nearly touch; its
entities are written back into the whole document; every other token is outside any entity
(the stages' no-NER rules apply there, as they do to a text the model tags nothing in).

Option ``nlp.ner``: ``"windows"`` or ``"all"`` (the whole text); ``nlp.ner_margin`` (tokens).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["CANDIDATES_KEY", "actor_spans", "merge_windows", "ner_mode", "run_ner"]

#: ``doc.user_data`` key of the places candidates found before NER (mention list), shared with the places stage
CANDIDATES_KEY = "dateline.place_candidates"
#: windows closer than this many tokens are merged (a window's edges cost context twice)
_GAP = 4

KeySpans = Callable[[Any, str], Sequence[tuple[int, int]]]


def ner_mode(settings: Settings) -> str:
    """``"windows"`` or ``"all"``: the option ``nlp.ner``, else $DATELINE_NLP_NER, else the default."""
    return str(settings.option("nlp.ner", os.environ.get("DATELINE_NLP_NER") or "all"))


def merge_windows(spans: Sequence[tuple[int, int]], length: int, left: int, right: int) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` of a document of ``length`` tokens: each span widened by ``left``
    and ``right`` tokens, merged when they overlap or lie fewer than ``_GAP`` tokens apart.
    Windows are not cut at sentence ends: the model reads across them (cut there, 1 label in
    15 changed)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        wa, wb = max(0, a - left), min(length, b + right)
        if out and wa <= out[-1][1] + _GAP:
            out[-1] = (out[-1][0], max(out[-1][1], wb))
        else:
            out.append((wa, wb))
    return out


def run_ner(nlp: Language, docs: list[Doc], windows: list[list[tuple[int, int]]], batch_size: int,
            widen: int = 6) -> list[Doc]:
    """NER on the given token windows of each document, entities written back into it (every
    other token outside any entity). A window with an entity at an edge inside the document
    (the name may go on beyond it) is widened by ``widen`` tokens on that side and run again,
    up to three times."""
    from spacy.tokens import Doc, Span

    ner: Any = nlp.get_pipe("ner")
    columns = [([t.text for t in d], [bool(t.whitespace_) for t in d], [t.is_sent_start for t in d]) for d in docs]

    def window(k: int, a: int, b: int) -> Doc:  # (as_doc would copy every array: 10 times slower)
        words, spaces, starts = columns[k]
        return Doc(nlp.vocab, words=words[a:b], spaces=spaces[a:b], sent_starts=[True, *starts[a + 1 : b]])

    found: list[list[list[tuple[int, int, int]]]] = [[[] for _ in wins] for wins in windows]
    todo = [(k, w, a, b) for k, wins in enumerate(windows) for w, (a, b) in enumerate(wins)]
    for _ in range(4):
        if not todo:
            break
        subs = [window(k, a, b) for k, _, a, b in todo]
        again = []
        for (k, w, a, b), sub in zip(todo, ner.pipe(subs, batch_size=batch_size), strict=True):
            ents = [(a + e.start, a + e.end, e.label) for e in sub.ents]
            found[k][w] = ents
            left = a > 0 and any(s == a for s, _, _ in ents)
            right = b < len(docs[k]) and any(e == b for _, e, _ in ents)
            if left or right:
                again.append((k, w, max(0, a - widen) if left else a, min(len(docs[k]), b + widen) if right else b))
        todo = again
    for doc, by_window in zip(docs, found, strict=True):
        kept: list[Span] = []
        last = 0
        for spans in by_window:  # windows in text order; a widened one may overlap its neighbour
            for s, e, label in spans:
                if s >= last:
                    kept.append(Span(doc, s, e, label=label))
                    last = e
        doc.set_ents(kept, default="outside")
    return docs


#: title words before a person of state (actors read the PERSON entity after one: ``actors.parsed._TITLE``)
_TITLE_WORD = re.compile(
    r"\b(?:President|Minister|Premier|King|Queen|Prince|Emir|Sultan|Chancellor|Secretary|Leader|leader|Governor|"
    r"Ayatollah)\b"
)
#: organisation words the actors stage reads an ORG entity for (``actors.parsed``: armed groups, international
#: bodies, parties, state bodies), matched on capitalised tokens
_ORG_WORDS = frozenset(
    "army front brigade brigades battalion battalions militia militias forces liberation jihad mujahideen resistance "
    "tigers rebels guard guards legion martyrs nations union commission community league council assembly "
    "organisation organization court fund bank office programme commonwealth cross crescent amnesty watch borders "
    "party congress movement alliance coalition rally ministry department parliament senate cabinet interior "
    "presidency kremlin house pentagon osce asean apec igad ecowas sadc iaea icrc msf oxfam".split()
)


def actor_words() -> frozenset[str]:
    """Keys (``alias_key``) of the words an actor mention of the lexicon can start or hold:
    a capitalised token with one of them may be inside an ORG/NORP entity the actors stage names."""
    global _ACTOR_WORDS
    if _ACTOR_WORDS is None:
        from .actors.detect import Detector
        from .actors.lexicon import load_lexicon

        det = Detector(load_lexicon())
        words = set(det._alias_starts) | {k.split()[0] for k in det._word_keys if k}
        _ACTOR_WORDS = frozenset(words | _ORG_WORDS)
    return _ACTOR_WORDS


_ACTOR_WORDS: frozenset[str] | None = None


def actor_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans whose NER labels the actors stage may read: capitalised words of the actor
    lexicon or of organisation names, and the words after a title of state."""
    from .actors.lexicon import alias_key

    words = actor_words()
    out = []
    for tok in doc:
        text = tok.text
        if text[:1].isupper() and (text.lower() in words or alias_key(text) in words):
            out.append((tok.i, tok.i + 1))
    text = doc.text
    for m in _TITLE_WORD.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.end, min(len(doc), span.end + 3)))
    return out


def place_spans(doc: Doc, lookup: Callable[[str], list[Any]]) -> list[tuple[int, int]]:
    """Token spans of the places stage's candidates (gazetteer and demonym matches of
    capitalised runs: :func:`dateline.places.detect.detect`, whose choice of spans does not
    depend on NER labels)."""
    import bisect

    from .places.detect import Token, detect

    toks = [Token(t.text, t.idx, t.idx + len(t.text), "", -1, -1, bool(t.is_sent_start), "") for t in doc]
    starts = [t.start for t in toks]
    out = []
    for m in detect(doc.text, toks, lookup):
        a = bisect.bisect_right(starts, m.start) - 1
        b = bisect.bisect_left(starts, m.end)
        out.append((max(a, 0), max(b, a + 1)))
    return out


def key_spans(settings: Settings, gazetteer: Callable[[], Any]) -> Callable[[Doc], list[tuple[int, int]]]:
    """The spans whose NER labels the requested stages read (places: gazetteer candidates;
    actors: lexicon words, organisation words, names after a title)."""
    lookup = gazetteer().lookup if "places" in settings.stages else None
    actors = "actors" in settings.stages or "events" in settings.stages

    def spans(doc: Doc) -> list[tuple[int, int]]:
        out = place_spans(doc, lookup) if lookup is not None else []
        return out + actor_spans(doc) if actors else out

    return spans


def margins(settings: Settings) -> tuple[int, int]:
    """Tokens of context NER gets on the left and right of a span (option ``nlp.ner_margin``: "L:R")."""
    left, _, right = str(settings.option("nlp.ner_margin", "6:4")).partition(":")
    return int(left), int(right or left)
