"""spaCy's greedy NER decoding done in numpy over a whole batch at once, with identical entities.

spaCy's ``EntityRecognizer`` computes token vectors (its tok2vec) and the precomputed lower
layer for a batch of documents, then runs a greedy transition loop in Cython (BILUO moves,
one state per document); that loop is ~60 % of its cost here, most of it per-state overhead.
:func:`ner_pipe` keeps spaCy's model and its own layers (``tok2vec``, ``lower``, ``upper``) for
the numbers, and replaces the loop by one numpy step per token position for every document
of the batch together (every NER state advances one token per move):

- the state's features exactly as ``StateC.set_context_tokens`` for 3 features: the first
  buffer token, the open entity's first token and the token before the buffer (the last
  two only inside an entity; else the padding row), summed in spaCy's order in float32
  (feature 0, 1, 2, then the bias), maxout over the pieces as ``Vec.arg_max`` picks, the
  upper layer with BLIS' ``sgemm`` (the routine spaCy calls) and its bias;
- the moves valid as ``BiluoPushDown``'s ``is_valid`` say (an entity neither crosses a
  sentence start nor starts on whitespace, Begin/In need a next token, preset entities are
  kept); the first best-scoring valid move wins (``arg_max_if_valid``); a state with no
  valid move ends, as ``force_final`` ends it;
- the entities written back as ``BiluoPushDown.set_annotations`` writes them.

Unsupported cases go to spaCy's own pipe (logged at debug level): a beam-search model, a
model with unseen classes or with a relu lower layer, preset labels the model does not know,
postprocess hooks. Option ``nlp.ner_decoder``: ``"numpy"`` (default) or ``"spacy"`` (also
$DATELINE_NLP_NER_DECODER). :func:`lower_rows` and :class:`dateline.nlp_step.StepWeights` serve any of spaCy's
transition models. With a :class:`dateline.nlp_tok2vec.Tok2Vecs`, NER's token vectors come from
dateline's forward pass (:func:`token_vectors`), and NER in windows needs no spaCy document per
window (:func:`window_entities`). Equality with spaCy: tests/core/test_nlp_ner.py and
benchmarks/side_by_side.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .nlp_step import StepWeights, decoder, linear_predict, lower_predict, read_step_weights, runs, upper_scores
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .nlp_tok2vec import Tok2Vecs

__all__ = ["Moves", "decode", "lower_rows", "ner_decoder", "ner_pipe", "token_vectors", "unsupported",
           "window_arrays", "window_entities"]

log = logging.getLogger(__name__)

BEGIN, IN, LAST, UNIT, OUT = 1, 2, 3, 4, 5  # (spaCy's ner.pyx move enum: MISSING is 0)
_MOVES = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}
#: tokens per batch decoded at once (the lower layer's activations: ~1.5 KB per token)
MAX_TOKENS = 20_000
#: tokens per batch given to the model's tok2vec (cheaper per token than larger ones)
CHUNK_TOKENS = 1_500


def ner_decoder(settings: Settings) -> str:
    """``"numpy"`` or ``"spacy"``: the option ``nlp.ner_decoder``, else $DATELINE_NLP_NER_DECODER, else numpy."""
    return decoder(settings, "ner")


@dataclass(frozen=True)
class Moves:
    """The transition system's classes: move (``BEGIN`` … ``OUT``) and label id of each."""

    move: np.ndarray  # (C,) int
    label: np.ndarray  # (C,) uint64 (string ids; 0: no label)

    @classmethod
    def of(cls, ner: Any) -> Moves:
        strings = ner.vocab.strings
        moves, labels = [], []
        for i in range(ner.moves.n_moves):
            name = ner.moves.get_class_name(i)
            move, _, label = name.partition("-")
            moves.append(_MOVES[move])
            labels.append(strings.add(label) if label else 0)
        return cls(np.array(moves, dtype=np.int64), np.array(labels, dtype=np.uint64))


def lower_rows(model: Any, docs: Sequence[Any], chunk: int = 0, tok2vecs: Tok2Vecs | None = None,
               vectors: Callable[[list[Any]], np.ndarray] | None = None) -> np.ndarray:
    """The precomputed lower layer of a spaCy transition model (``TransitionModel``: refs
    ``tok2vec``, ``lower``) for every token of ``docs`` end to end, as ``ParserStepModel``
    computes it (not training): shape (tokens + 1, nF, nO * nP), row 0 the padding. With
    ``chunk``, over runs of documents of about that many tokens (the token vectors do not depend
    on the other documents of a batch, and mid-sized batches are the cheapest). With
    ``tok2vecs``, the token vectors from dateline's forward pass (:mod:`dateline.nlp_tok2vec`);
    ``vectors``: the token vectors of a run of ``docs`` (then anything with a length: feature
    arrays, :func:`window_entities`)."""
    lower = model.get_ref("lower")
    vectors = vectors or token_vectors(model.get_ref("tok2vec"), tok2vecs)
    gemm = tok2vecs.gemm if tok2vecs is not None and tok2vecs.gemm_kind == "numpy" else None
    parts: list[np.ndarray] = []
    for part in runs(docs, chunk) if chunk else [list(docs)]:
        cached = lower.predict(vectors(part)) if gemm is None else lower_predict(lower, vectors(part), gemm)
        parts.append(cached if not parts else cached[1:])  # (one padding row, first)
    cached = parts[0] if len(parts) == 1 else np.concatenate(parts)
    n, nf, no, npieces = cached.shape
    return cached.reshape(n, nf, no * npieces)


def token_vectors(t2v: Any, tok2vecs: Tok2Vecs | None) -> Callable[[list[Doc]], np.ndarray]:
    """The token vectors a transition model's ``tok2vec`` ref gives a list of documents, laid
    end to end: ``t2v.predict``, or with ``tok2vecs`` (when ``t2v`` is spaCy's
    ``Tok2Vec >> list2array >> Linear``) dateline's forward pass and the same linear layer
    (the matrix product of ``tok2vecs``' choice)."""
    names = [layer.name for layer in getattr(t2v, "layers", [])]
    fast = tok2vecs.get(t2v.layers[0]) if tok2vecs is not None and names[1:] == ["list2array", "linear"] else None
    if fast is None or tok2vecs is None:
        return t2v.predict  # type: ignore[no-any-return]
    linear, gemm = t2v.layers[2], tok2vecs.gemm

    def vectors(docs: list[Doc]) -> np.ndarray:
        rows = fast.predict(docs)
        return linear_predict(linear, np.concatenate(rows) if rows else np.zeros((0, fast.width), "float32"), gemm)

    return vectors


#: the token features a window can take from its document's lexemes (and SPACY from its tokens)
_LEXEME_COLUMNS = frozenset({"NORM", "PREFIX", "SUFFIX", "SHAPE", "LOWER", "ORTH", "IS_SPACE"})


def window_entities(ner: Any, vocab: Any, windows: Sequence[np.ndarray], tok2vecs: Tok2Vecs | None
                    ) -> list[list[tuple[int, int, int]]] | None:
    """NER's entities ``(start, end, label id)`` in each window, as :func:`ner_pipe` finds them in a
    new document of the window's words (``Doc(vocab, words, spaces, sent_starts)``), without making
    the documents: ``windows`` are rows of the document's ``ORTH, SPACY, SENT_START`` columns (the
    window's first token starts a sentence). Such a document's token features are its words'
    lexemes' (its ``NORM`` the lexeme's, not the tokenizer's exceptions') and ``SPACY``; they are
    read for the distinct words of all the windows from one document of those words. None when
    this does not apply (no ``tok2vecs``, a model :func:`ner_pipe` leaves to spaCy, features it
    cannot read this way): then make the documents and call :func:`ner_pipe`."""
    t2v = ner.model.get_ref("tok2vec")
    names = [layer.name for layer in getattr(t2v, "layers", [])]
    if tok2vecs is None or unsupported(ner) is not None or names[1:] != ["list2array", "linear"]:
        return None
    fast = tok2vecs.get(t2v.layers[0])
    if fast is None or not set(fast.columns) <= _LEXEME_COLUMNS | {"SPACY"}:
        return None
    lengths = [len(w) for w in windows]
    if not any(lengths):
        return [[] for _ in windows]
    features, tokens = window_arrays(vocab, fast.columns, windows)
    starts = np.zeros(len(windows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    parts = [features[a:z] for a, z in zip(starts[:-1].tolist(), starts[1:].tolist(), strict=True)]
    moves, weights = Moves.of(ner), read_step_weights(ner.model)
    linear = t2v.layers[2]
    found: list[list[tuple[int, int, int]]] = [[] for _ in windows]

    def vectors(run: list[np.ndarray]) -> np.ndarray:
        return linear_predict(linear, np.concatenate(fast.predict_features(run)), tok2vecs.gemm)

    full = [k for k, n in enumerate(lengths) if n]
    for batch in runs([parts[k] for k in full], MAX_TOKENS):  # (windows in order: the batch's are the next ones)
        ks, full = full[: len(batch)], full[len(batch) :]
        cached = lower_rows(ner.model, batch, CHUNK_TOKENS, tok2vecs, vectors=vectors)
        tok = np.concatenate([tokens[starts[k] : starts[k + 1]] for k in ks])
        for k, ents in zip(ks, decode(cached, weights, moves, [lengths[k] for k in ks], tok), strict=True):
            found[k] = ents
    return found


def window_arrays(vocab: Any, columns: Sequence[str], windows: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """What new documents of the windows' words would give (:func:`window_entities`), for all
    the windows end to end: their ``columns`` (lexeme attributes, and ``SPACY``) as uint64, and
    the decoder's token columns (:func:`decode`: no preset entity, ``SENT_START`` 1 at each
    window's first token and where the document starts a sentence, else -1; ``IS_SPACE``)."""
    from spacy.tokens import Doc

    lengths = [len(w) for w in windows]
    rows = np.concatenate([w for w in windows if len(w)]).astype(np.uint64)  # (ORTH ids use all 64 bits)
    words, at = np.unique(rows[:, 0], return_inverse=True)
    strings = vocab.strings
    lexemes: list[int | str] = [*(c for c in columns if c != "SPACY"), "IS_SPACE"]
    table = Doc(vocab, words=[strings[o] for o in words.tolist()]).to_array(lexemes).reshape(len(words), -1)
    features = np.empty((len(rows), len(columns)), dtype=np.uint64)
    for j, column in enumerate(columns):
        features[:, j] = rows[:, 1] if column == "SPACY" else table[at, lexemes.index(column)]
    tokens = np.zeros((len(rows), 4), dtype=np.int64)  # ENT_IOB, ENT_TYPE (none preset), SENT_START, IS_SPACE
    firsts = np.zeros(len(rows), dtype=bool)
    starts = np.cumsum([0, *lengths[:-1]])
    firsts[starts[np.asarray(lengths) > 0]] = True
    tokens[:, 2] = np.where(firsts | (rows[:, 2].view(np.int64) == 1), 1, -1)
    tokens[:, 3] = table[at, len(lexemes) - 1]
    return features, tokens


def unsupported(ner: Any) -> str | None:
    """Why :func:`decode` cannot stand in for this NER component, or None."""
    model = ner.model
    if ner.cfg.get("beam_width", 1) != 1:
        return "beam search"
    if not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
        return "no upper layer or unseen classes"
    lower = model.get_ref("lower")
    if lower.name != "precomputable_affine" or lower.get_dim("nF") != 3 or lower.get_dim("nP") < 2:
        return "not a 3-feature maxout lower layer"
    if getattr(ner, "postprocesses", None):
        return "postprocess hooks"
    if not hasattr(ner.moves, "get_doc_labels") or ner.moves.action_types != (BEGIN, IN, LAST, UNIT, OUT):
        return "not a BILUO transition system"
    return None


def decode(cached: np.ndarray, weights: StepWeights, moves: Moves, lengths: Sequence[int], tokens: np.ndarray
           ) -> list[list[tuple[int, int, int]]]:
    """Greedy BILUO decoding of a batch: ``lengths`` of its documents (their tokens laid end to
    end, as the rows of ``cached``, :func:`lower_rows`), ``tokens`` (tokens, 4) int64 columns: preset
    ENT_IOB, preset ENT_TYPE (string id, as int64 bits), SENT_START, IS_SPACE. Returns each
    document's entities (start, end, label id), by start.

    Every state moves one token per step, so step ``t`` scores token ``t`` of every document
    longer than ``t`` (the documents sorted longest first: a prefix). A state is a code: 0
    outside an entity, ``k`` inside one of the ``k``-th label, ``dead`` after no valid move;
    validity is a table of (token code, state code) rows (:func:`_tables`)."""
    n_docs = len(lengths)
    lens = np.asarray(lengths, dtype=np.int64)
    starts = np.zeros(n_docs, dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    total = int(lens.sum())
    if not total:
        return [[] for _ in range(n_docs)]
    order = np.argsort(-lens, kind="stable")  # longest first: the live states are a prefix
    off, lens_sorted = starts[order], lens[order]
    tok_code, penalty, valid_any, step_to, opens, n_states = _tables(moves, starts, lens, tokens)

    c0, c1, c2 = (cached[:, f] for f in range(3))
    bias, pieces = weights.bias, weights.nP
    n_classes = len(moves.move)
    dead = n_states - 1
    state = np.zeros(n_docs, dtype=np.int64)
    ent_row = np.zeros(n_docs, dtype=np.int64)  # 1 + the open entity's first token, else 0 (the padding row)
    guesses = np.full(total, -1, dtype=np.int64)
    n_live = n_docs
    for t in range(int(lens_sorted[0])):
        while lens_sorted[n_live - 1] <= t:
            n_live -= 1
        b = off[:n_live] + t
        st = state[:n_live]
        r1 = ent_row[:n_live]
        unmaxed = c0[b + 1] + c1[r1]
        unmaxed += c2[b * (r1 > 0)]  # the token before the buffer, inside an entity
        unmaxed += bias
        unmaxed = unmaxed.reshape(n_live, -1, pieces)
        if pieces == 2:  # (Vec.arg_max of two: the first only if strictly greater)
            first, second = unmaxed[:, :, 0], unmaxed[:, :, 1]
            hidden = np.where(first > second, first, second)
        else:
            hidden = unmaxed[:, :, 0]
            for p in range(1, pieces):
                hidden = np.where(unmaxed[:, :, p] > hidden, unmaxed[:, :, p], hidden)
        scores = upper_scores(hidden, weights.W, weights.b)
        code = tok_code[b] * n_states + st
        scores += penalty[code]  # (0 where valid, -inf where not)
        guess = scores.argmax(axis=1)
        ok = valid_any[code]
        if not ok.all():  # no valid move: the state ends (spaCy's force_final), its open entity dropped
            guess = np.where(ok, guess, -1)
            state[:n_live] = np.where(ok, step_to[st * n_classes + np.maximum(guess, 0)], dead)
        else:
            state[:n_live] = step_to[st * n_classes + guess]
        guesses[b] = guess
        ent_row[:n_live] = np.where(opens[guess], b + 1, r1 * (state[:n_live] > 0))
    return _entities(moves, guesses, starts)


def _entities(moves: Moves, guesses: np.ndarray, starts: np.ndarray) -> list[list[tuple[int, int, int]]]:
    """The entities of the moves taken (class per token, -1 for none), per document."""
    taken = guesses >= 0
    kind = np.where(taken, moves.move[guesses], 0)
    label = moves.label[np.maximum(guesses, 0)]
    begins, lasts, units = (np.flatnonzero(kind == m) for m in (BEGIN, LAST, UNIT))
    firsts = begins[np.searchsorted(begins, lasts) - 1]  # (each Last closes the last Begin before it)
    ent_start = np.concatenate([firsts, units])
    ent_end = np.concatenate([lasts, units]) + 1
    ent_label = np.concatenate([label[lasts], label[units]])
    by = np.argsort(ent_start, kind="stable")
    doc_of = np.searchsorted(starts, ent_start[by], side="right") - 1
    out: list[list[tuple[int, int, int]]] = [[] for _ in range(len(starts))]
    for k, a, z, la in zip(doc_of.tolist(), ent_start[by].tolist(), ent_end[by].tolist(), ent_label[by].tolist(),
                           strict=True):
        out[k].append((a - int(starts[k]), z - int(starts[k]), la))
    return out


def _tables(moves: Moves, starts: np.ndarray, lens: np.ndarray, tokens: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
    """What a step looks up: each token's code (its kind of (preset ENT_IOB, next token's
    ENT_IOB, preset label, last of its document, next token starts a sentence, whitespace)
    among those of the batch), the penalty (0 / -inf) and any-valid of each (token code *
    states + state) row, the state after (state * classes + class), whether a class opens an
    entity, and the number of states (0 outside, one per label inside, dead)."""
    total = len(tokens)
    iob, etype = tokens[:, 0], tokens[:, 1].view(np.uint64)
    has_next = np.ones(total, dtype=bool)
    has_next[starts[lens > 0] + lens[lens > 0] - 1] = False
    nxt_iob = np.zeros(total, dtype=np.int64)
    nxt_iob[:-1] = iob[1:]
    nxt_ss = np.zeros(total, dtype=np.int64)
    nxt_ss[:-1] = tokens[1:, 2] == 1
    labels = _labels(moves)  # (label index: 1 + position here; 0 none)
    n_labels = len(labels)
    lab0 = np.where(etype != 0, np.searchsorted(labels, etype) + 1, 0)
    kinds = np.stack([iob, nxt_iob * has_next, lab0, ~has_next, nxt_ss * has_next, tokens[:, 3] != 0], axis=1)
    uniq, tok_code = _unique_rows(kinds.astype(np.int64))
    n_states = n_labels + 2
    rows = np.repeat(uniq, n_states, axis=0)  # (token kind, state) rows
    state = np.tile(np.arange(n_states), len(uniq))
    is_open = (state > 0) & (state <= n_labels)
    state_label = np.where(is_open, labels[np.clip(state - 1, 0, max(n_labels - 1, 0))], 0)
    label_of_preset = np.where(rows[:, 2] > 0, labels[np.clip(rows[:, 2] - 1, 0, max(n_labels - 1, 0))], 0)
    same = state_label[:, None] == moves.label[None, :]
    begin, inside, last, unit, out = _valid_presets(is_open, rows[:, 3] != 0, rows[:, 0], label_of_preset,
                                                    rows[:, 1], rows[:, 4] != 0, rows[:, 5] != 0, same, moves.label)
    move = moves.move
    valid = ((move == BEGIN) & begin) | ((move == IN) & inside) | ((move == LAST) & last)
    valid |= ((move == UNIT) & unit) | ((move == OUT) & out)
    valid &= (state < n_states - 1)[:, None]  # (dead: nothing)
    penalty = np.where(valid, np.float32(0), np.float32(-np.inf)).astype(np.float32)
    # the state after each class: Begin opens its label, Last/Unit/Out leave outside, In stays
    label_index = np.where(moves.label != 0, np.searchsorted(labels, moves.label) + 1, 0)
    step_to = np.repeat(np.arange(n_states)[:, None], len(move), axis=1)
    step_to[:, move == BEGIN] = label_index[move == BEGIN]
    step_to[:, (move == LAST) | (move == UNIT) | (move == OUT)] = 0
    step_to[n_states - 1] = n_states - 1
    opens = np.append(move == BEGIN, False)  # (index -1: no move)
    return tok_code.reshape(-1), penalty, valid.any(axis=1), step_to.reshape(-1), opens, n_states


def _labels(moves: Moves) -> np.ndarray:
    """``np.unique`` of the classes' labels but none (0), sorted (from a set: numpy's sort of a
    small uint64 array cost more than the whole step loop of a short batch)."""
    return np.array(sorted(set(moves.label.tolist()) - {0}), dtype=np.uint64)


def _unique_rows(kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(kinds, axis=0, return_inverse=True)`` for rows of small non-negative ints: the
    same rows in the same (lexicographic) order and the same inverse, from one int64 key a row
    (the digits of a mixed radix, the first column most significant) instead of numpy's sort of
    rows as structured records (~4 ms a batch)."""
    if not len(kinds):
        return np.unique(kinds, axis=0, return_inverse=True)  # type: ignore[no-any-return]
    radix = kinds.max(axis=0) + 1
    if kinds.min() < 0 or float(np.prod(radix.astype(np.float64))) >= 2.0**62:
        return np.unique(kinds, axis=0, return_inverse=True)  # type: ignore[no-any-return]
    key = np.zeros(len(kinds), dtype=np.int64)
    for j in range(kinds.shape[1]):
        key *= radix[j]
        key += kinds[:, j]
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    return kinds[first], inverse.reshape(-1)


def _valid_presets(op: np.ndarray, last: np.ndarray, iob0: np.ndarray, lab0: np.ndarray, iob1: np.ndarray,
                   ss1: np.ndarray, sp0: np.ndarray, same: np.ndarray, label: np.ndarray) -> tuple[np.ndarray, ...]:
    """``BiluoPushDown``'s is_valid of Begin, In, Last, Unit and Out, per state (rows: open
    entity, last token, preset ENT_IOB (1 = I, 2 = O, 3 = B) and label of the token and the
    next one's ENT_IOB, next token starts a sentence, token is whitespace; ``same``: the open
    entity's label is the class's) and class label (columns), branch for branch as ner.pyx
    writes them."""
    op, last, iob0, iob1, ss1, sp0, lab0 = (a[:, None] for a in (op, last, iob0, iob1, ss1, sp0, lab0))
    labelled = (label != 0)[None, :]
    is_lab0 = label[None, :] == lab0
    begin = ~op & ~last & labelled & (iob0 != 1) & (
        ((iob0 == 3) & is_lab0 & (iob1 == 1)) | ((iob0 != 3) & (iob1 != 3) & ~ss1 & ~sp0))
    inside = op & ~last & labelled & same & (iob0 != 3) & (iob1 != 3) & (
        ((iob0 == 1) & (iob1 != 0) & (iob1 != 2) & is_lab0) | ((iob0 != 1) & ~ss1))
    closing = (iob0 == 1) & (iob1 != 1)
    last_ = labelled & op & ((closing & is_lab0) | (~closing & same & (iob1 != 1)))
    unit = (~labelled & (lab0 == 0) & (iob0 == 3)) | (
        labelled & ~op & (iob1 != 1) & (((iob0 == 3) & is_lab0) | ((iob0 != 3) & ~sp0)))
    out = ~op & (iob0 != 3) & (iob0 != 1)
    return begin, inside, last_, unit, out


def ner_pipe(ner: Any, docs: Sequence[Doc], batch_size: int = 256, decoder: str = "numpy",
             tok2vecs: Tok2Vecs | None = None) -> list[Doc]:
    """``ner.pipe(docs)`` with the numpy decoder (:func:`decode`): the same entities written
    into the documents, which are returned. ``decoder="spacy"`` or an unsupported model: spaCy's
    own pipe. ``tok2vecs``: NER's token vectors from dateline's forward pass (:func:`lower_rows`)."""
    docs = list(docs)
    reason = "decoder option" if decoder == "spacy" else unsupported(ner)
    if reason is None:
        known = set(ner.moves.labels.get(BEGIN, {}))
        preset = {label for doc in docs for label in ner.moves.get_doc_labels(doc)}
        if preset - known:
            reason = "preset labels the model does not know"
    if reason is not None:
        log.debug("NER with spaCy's own decoder: %s", reason)
        return list(ner.pipe(docs, batch_size=batch_size))
    moves = Moves.of(ner)  # (74 class names of spaCy's sm model: ~0.1 ms a call)
    for batch in runs([d for d in docs if len(d)], MAX_TOKENS):
        _annotate(ner, batch, moves, tok2vecs)
    for doc in docs:
        if not len(doc):
            _set(doc, [])
    return docs


def _annotate(ner: Any, batch: list[Doc], moves: Moves, tok2vecs: Tok2Vecs | None) -> None:
    from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, SENT_START

    cached = lower_rows(ner.model, batch, CHUNK_TOKENS, tok2vecs)
    weights = read_step_weights(ner.model)
    tokens = np.concatenate([d.to_array([ENT_IOB, ENT_TYPE, SENT_START, IS_SPACE]).view(np.int64) for d in batch])
    for doc, ents in zip(batch, decode(cached, weights, moves, [len(d) for d in batch], tokens), strict=True):
        _set(doc, ents)


def _set(doc: Doc, ents: list[tuple[int, int, int]]) -> None:
    """``BiluoPushDown.set_annotations``: the entities set, tokens left unannotated made O."""
    from spacy.attrs import ENT_IOB
    from spacy.tokens import Span

    spans = [Span(doc, s, e, label=label, kb_id=doc[s].ent_kb_id) for s, e, label in ents]
    if not doc.has_annotation("ENT_IOB"):
        doc.set_ents(spans, default="outside")
        return
    doc.set_ents(spans, default="unmodified")
    missing = np.flatnonzero(doc.to_array(ENT_IOB) == 0).tolist()
    if missing:
        doc.set_ents([], outside=[doc[i : i + 1] for i in missing], default="unmodified")
