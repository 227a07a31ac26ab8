"""NER only where its labels are read: windows of tokens around the spans that need them.

spaCy's NER reads a few tokens on each side of the one it labels (its own tok2vec: four CNN
layers of window 1; the transition features: the next token, the previous one and the open
entity's first), so labels at a token computed on a window of ``margin`` tokens around it
are, for a margin of a few tokens, the labels of the whole text. The stages read NER labels
only at a few kinds of spans (:func:`key_spans`): gazetteer and demonym candidates (places),
organisation and title-of-state names (actors). NER runs on those spans widened by
``margin`` tokens (moved out of names at their edges: :func:`steady_edges`), merged when they
overlap or nearly touch; its entities are written back into the whole document; every other
token is outside any entity (the stages' no-NER rules apply there, as they do to a text the
model tags nothing in).

Option ``nlp.ner``: ``"windows"`` (the default, under parse on demand) or ``"all"`` (the whole
text; also $DATELINE_NLP_NER); ``nlp.ner_margin`` ("L:R" tokens around places candidates,
default "4:3"), ``nlp.ner_margin_actors`` (around the actors' spans, default "6:4"),
``nlp.ner_steady_edges`` (default true). Every evaluation's predictions were identical with
either (see benchmarks/side_by_side.md). Option ``nlp.ner_decoder`` ("numpy", the default, or
"spacy"): who runs NER's transition loop (:mod:`dateline.nlp_ner`; identical entities).
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .nlp_tok2vec import Tok2Vecs
    from .nlp_tokens import KeptTokens

__all__ = ["actor_margins", "actor_spans", "merge_windows", "ner_mode", "run_ner", "steady_edges"]

#: windows closer than this many tokens are merged (a window's edges cost context twice)
_GAP = 4

KeySpans = Callable[[Any, str], Sequence[tuple[int, int]]]


def ner_mode(settings: Settings) -> str:
    """``"windows"`` or ``"all"``: the option ``nlp.ner``, else $DATELINE_NLP_NER, else the default."""
    return str(settings.option("nlp.ner", os.environ.get("DATELINE_NLP_NER") or "windows"))


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
            widen: int = 6, decoder: str = "numpy", tok2vecs: Tok2Vecs | None = None) -> list[Doc]:
    """NER on the given token windows of each document, entities written back into it (every
    other token outside any entity). A window with an entity at an edge inside the document
    (the name may go on beyond it) is widened by ``widen`` tokens on that side and run again,
    up to three times. ``decoder``: "numpy" (all windows of a round decoded together:
    :func:`dateline.nlp_ner.ner_pipe`, the same entities) or "spacy" (spaCy's own pipe). ``tok2vecs``:
    NER's token vectors from dateline's forward pass (:mod:`dateline.nlp_tok2vec`, the same vectors),
    and then no document made per window (:func:`dateline.nlp_ner.window_entities`)."""
    from spacy.tokens import Doc

    from .nlp_ner import ner_pipe, window_entities

    ner: Any = nlp.get_pipe("ner")
    from spacy.attrs import ORTH, SENT_START, SPACY

    columns = [d.to_array([ORTH, SPACY, SENT_START]) if wins else None for d, wins in zip(docs, windows, strict=True)]
    strings = nlp.vocab.strings

    def window(k: int, a: int, b: int) -> Doc:  # (as_doc would copy every array: 10 times slower)
        cols = columns[k]
        assert cols is not None
        part = cols[a:b].tolist()
        return Doc(nlp.vocab, words=[strings[o] for o, _, _ in part], spaces=[bool(sp) for _, sp, _ in part],
                   sent_starts=[True, *(f == 1 for _, _, f in part[1:])])

    def entities(todo: list[tuple[int, int, int, int]]) -> list[list[tuple[int, int, int]]]:
        """Each window's entities (start, end, label), in the window's own offsets."""
        rows = [columns[k][a:b] for k, _, a, b in todo]  # type: ignore[index]
        found = window_entities(ner, nlp.vocab, rows, tok2vecs) if decoder == "numpy" else None
        if found is not None:  # (no document made per window: nlp_ner.window_entities)
            return found
        subs = [window(k, a, b) for k, _, a, b in todo]
        return [[(e.start, e.end, e.label) for e in sub.ents] for sub in ner_pipe(ner, subs, batch_size, decoder,
                                                                                 tok2vecs)]

    found: list[list[list[tuple[int, int, int]]]] = [[[] for _ in wins] for wins in windows]
    todo = [(k, w, a, b) for k, wins in enumerate(windows) for w, (a, b) in enumerate(wins)]
    for _ in range(4):
        if not todo:
            break
        again = []
        for (k, w, a, b), spans in zip(todo, entities(todo), strict=True):
            ents = [(a + s, a + e, label) for s, e, label in spans]
            found[k][w] = ents
            left = a > 0 and any(s == a for s, _, _ in ents)
            right = b < len(docs[k]) and any(e == b for _, e, _ in ents)
            if left or right:
                again.append((k, w, max(0, a - widen) if left else a, min(len(docs[k]), b + widen) if right else b))
        todo = again
    for doc, by_window in zip(docs, found, strict=True):
        kept: list[tuple[int, int, int]] = []
        last = 0
        for spans in by_window:  # windows in text order; a widened one may overlap its neighbour
            for s, e, label in spans:
                if s >= last:
                    kept.append((s, e, label))
                    last = e
        _set_entities(doc, kept)
    return docs


def _set_entities(doc: Doc, ents: Sequence[tuple[int, int, int]]) -> None:
    """``doc.set_ents([Span(doc, s, e, label=label) ...], default="outside")`` for entities in
    order that do not overlap, on a document without entities yet: the same ``ENT_IOB`` (B 3, I 1,
    O 2 elsewhere) and ``ENT_TYPE`` marks, written as one array (no span object per entity)."""
    import numpy
    from spacy.attrs import ENT_IOB, ENT_TYPE

    if not len(doc):
        return
    marks = numpy.zeros((len(doc), 2), dtype="uint64")
    marks[:, 0] = 2
    for s, e, label in ents:
        marks[s, 0] = 3
        marks[s + 1 : e, 0] = 1
        marks[s:e, 1] = label
    doc.from_array([ENT_IOB, ENT_TYPE], marks)  # type: ignore[arg-type]


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
    "government police military presidency kremlin house pentagon osce asean apec igad ecowas sadc iaea icrc msf "
    "oxfam".split()
)


@cache
def actor_words() -> frozenset[str]:
    """Keys (``alias_key``) of the words an actor mention of the lexicon can start or hold
    (aliases, demonyms, country names, identity groups; not the bare modifiers such as
    "local" or "armed"): a capitalised token with one of them may be inside an ORG/NORP
    entity the actors stage names."""
    from .actors.detect import Detector
    from .actors.lexicon import load_lexicon

    det = Detector(load_lexicon())
    modifiers = set(det.lex.modifier_keys) - det._owner_keys
    firsts = {k.split()[0] for k in det._word_keys - modifiers if k}
    return frozenset((set(det._alias_starts) | firsts | _ORG_WORDS) - modifiers)

#: words that start sentences more often than actor names: they count only written in capitals ("ALL", "IS")
_SENTENCE_WORDS = frozenset(
    "the a an all let is it i us we he she they this that these those if but and or so no not one some many most "
    "more new red los dan mai ex pro tip mit abu al el as at in on of to by for with from after before when while "
    "former young".split()
)


#: a capitalised word (the light tokenization of the actors stage, a capital first)
_CAPITALISED = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\w*(?:['’](?![sS]\b)\w+)*")


@lru_cache(maxsize=100_000)
def _actor_word(word: str) -> bool:
    from .actors.lexicon import alias_key

    low = word.lower()
    if low in _SENTENCE_WORDS and not (len(word) > 1 and word.isupper()):
        return False
    words = actor_words()
    return low in words or alias_key(word) in words


def _token_at(starts: Sequence[int], char: int) -> int:
    return max(bisect.bisect_right(starts, char) - 1, 0)


def actor_spans(doc: Doc, starts: Sequence[int] | None = None, text: str | None = None) -> list[tuple[int, int]]:
    """Token spans whose NER labels the actors stage may read: capitalised words of the actor
    lexicon or of organisation names, and the words after a title of state. ``starts``: the
    tokens' character offsets and ``text`` the document's (computed when not given)."""
    known = _actor_word
    text = doc.text if text is None else text
    starts = _starts(doc) if starts is None else starts
    out = []
    for m in _CAPITALISED.finditer(text):
        if known(m.group()):
            a = _token_at(starts, m.start())
            out.append((a, max(_token_at(starts, m.end() - 1) + 1, a + 1)))
    for m in _TITLE_WORD.finditer(text):
        a = _token_at(starts, m.end() - 1) + 1
        out.append((a, min(len(doc), a + 3)))
    return out


def _starts(doc: Doc) -> list[int]:
    from spacy.attrs import IDX

    return doc.to_array(IDX).tolist()  # type: ignore[no-any-return]


def place_spans(doc: Doc, lookup: Callable[[str], list[Any]], starts: Sequence[int] | None = None,
                text: str | None = None, store: KeptTokens | None = None) -> list[tuple[int, int]]:
    """Token spans of the places stage's candidates (gazetteer and demonym matches of
    capitalised runs: :func:`dateline.places.scan.scan`, whose choice of spans does not
    depend on NER labels). The candidates are kept in ``store`` for the places stage
    (:mod:`dateline.nlp_tokens`)."""
    from .nlp_tokens import scan_doc

    text = doc.text if text is None else text
    starts = _starts(doc) if starts is None else starts
    out = []
    for _, _, _, m in scan_doc(doc, text, starts, lookup, store):
        a = _token_at(starts, m.start)
        out.append((a, max(bisect.bisect_left(starts, m.end), a + 1)))
    return out


def key_spans(settings: Settings, gazetteer: Callable[[], Any],
              store: KeptTokens | None = None) -> Callable[[Doc], list[tuple[int, int]]]:
    """The spans whose NER labels the requested stages read (places: gazetteer candidates;
    actors: lexicon words, organisation words, names after a title). The actors' spans come
    widened by what their margin (:func:`actor_margins`) adds to the common one (:func:`margins`).
    The places candidates go to ``store`` (:mod:`dateline.nlp_tokens`) when one is given."""
    lookup = gazetteer().lookup if "places" in settings.stages else None
    actors = "actors" in settings.stages or "events" in settings.stages
    (left, right), (actor_left, actor_right) = margins(settings), actor_margins(settings)
    more_left, more_right = max(actor_left - left, 0), max(actor_right - right, 0)

    from .nlp_demand import doc_text

    def spans(doc: Doc) -> list[tuple[int, int]]:
        if lookup is None and not actors:
            return []  # (no stage reads an NER label: no NER at all)
        starts, text = _starts(doc), doc_text(doc)  # (Doc.text joins every token anew: the one kept)
        out = place_spans(doc, lookup, starts, text, store) if lookup is not None else []
        if actors:
            n = len(doc)
            out += [(max(a - more_left, 0), min(b + more_right, n)) for a, b in actor_spans(doc, starts, text)]
        return steady_edges(out, [text[i : i + 1] for i in starts], left, right) if steady else out

    steady = bool(settings.option("nlp.ner_steady_edges", True))
    return spans


def steady_edges(spans: Sequence[tuple[int, int]], firsts: Sequence[str], left: int, right: int, most: int = 4
                 ) -> list[tuple[int, int]]:
    """``spans`` moved out so that, widened by ``left`` and ``right`` tokens, their windows do not
    end inside a name (a token whose first character, in ``firsts``, is a capital or a digit):
    up to ``most`` tokens more on a side, so that fewer windows need NER a second time."""
    n = len(firsts)

    def named(i: int) -> bool:
        return 0 <= i < n and (firsts[i].isupper() or firsts[i].isdigit())

    out = []
    for a, b in spans:
        for _ in range(most):
            if a - left <= 0 or not named(a - left):
                break
            a -= 1
        for _ in range(most):
            if b + right >= n or not named(b + right - 1):
                break
            b += 1
        out.append((a, b))
    return out


def _margin(value: object) -> tuple[int, int]:
    left, _, right = str(value).partition(":")
    return int(left), int(right or left)


def margins(settings: Settings) -> tuple[int, int]:
    """Tokens of context NER gets on the left and right of a span (option ``nlp.ner_margin``:
    "L:R", default "4:3": every place decision of the evaluation documents is that of NER on
    the whole text)."""
    return _margin(settings.option("nlp.ner_margin", "4:3"))


def actor_margins(settings: Settings) -> tuple[int, int]:
    """Tokens of context NER gets around the actors' spans (option ``nlp.ner_margin_actors``,
    default "6:4", never less than :func:`margins`): organisation names run long ("the United
    Front for Democracy against Dictatorship"), and with 4:3 the model cut a few of them short."""
    return _margin(settings.option("nlp.ner_margin_actors", "6:4"))
