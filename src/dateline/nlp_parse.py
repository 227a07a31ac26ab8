"""spaCy's greedy dependency parse with the per-step scoring batched in numpy: identical output, less CPU.

spaCy's transition components decode in a Cython loop (``Parser._parseC``) over groups of 8
documents (``Parser.pipe`` cuts each batch into quarters by length): at every transition it
sums the state features with one tiny BLAS ``saxpy`` per feature per state, multiplies by the
upper layer for those 8 states and acquires the GIL once per step. On dateline's on-demand
sub-documents (the chosen sentences, ~100 tokens an article) that loop was ~90 % of the
parser's time (3.1 of 3.45 CPU-ms an article; ``benchmarks/side_by_side.md``, round 7).

:func:`parse` decodes a whole list of documents at once with the loaded model's own weights:

1. the model's ``predict`` up to the precomputed lower layer, once for all the documents
   (``tok2vec`` listener + ``Linear``, then ``PrecomputableAffine``: one row per token and
   feature, row 0 the padding): :func:`precompute`;
2. per transition, for every unfinished state at once: spaCy's own context tokens
   (``StateC.set_context_tokens``), the feature rows summed in spaCy's order in float32
   (feature 0, 1, ... then the bias: :func:`sum_features`), maxout, the upper layer with
   the same BLIS ``sgemm`` spaCy calls, plus its bias (:func:`step_scores`);
3. spaCy's own ``transition_states`` (the arc-eager validity rules and the first best valid
   move, in C) and, at the end, the parser's own ``set_annotations`` (finalize, labels,
   sentence starts, deprojectivization).

Only the arithmetic moves; the transition system stays spaCy's, so the heads, labels and
sentence starts are spaCy's own. A model this does not cover (beam search, no upper layer,
classes marked unseen: spaCy sets those to the minimum score of its group of 8, which a
bigger batch would change) is parsed by spaCy itself (:func:`supported`).
:func:`read_step_weights`, :func:`precompute` and :func:`step_scores` serve any transition
component with a maxout lower layer and an upper layer (the parser and NER of spaCy's ``sm``
models).
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from .nlp_step import StepWeights, decoder, linear_predict, lower_predict, read_step_weights, runs, upper_scores
from .settings import Settings

if TYPE_CHECKING:
    import numpy
    from spacy.tokens import Doc

    from .nlp_tok2vec import Gemm

__all__ = [
    "StepWeights",
    "parse",
    "parse_decoder",
    "precompute",
    "read_step_weights",
    "step_scores",
    "sum_features",
    "supported",
]


def supported(component: Any) -> bool:
    """Whether :func:`parse` decodes ``component`` exactly as spaCy does: a spaCy 3.8 transition
    component (the methods :func:`parse` calls) with a ``TransitionModel`` of a precomputed maxout
    lower layer and an upper layer scoring every move, greedy (beam width 1), no class marked unseen."""
    model = getattr(component, "model", None)
    needed = ("_ensure_labels_are_added", "transition_states", "set_annotations", "moves", "cfg")
    try:
        lower = model.layers[1]  # type: ignore[union-attr]
        return (
            all(hasattr(component, name) for name in needed)
            and model.name == "parser_model"  # type: ignore[union-attr]
            and lower.name == "precomputable_affine"
            and int(model.layers[2].get_dim("nO")) == int(component.moves.n_moves)  # type: ignore[union-attr]
            and int(component.cfg.get("beam_width", 1)) == 1
            and bool(model.attrs.get("has_upper"))  # type: ignore[union-attr]
            and not model.attrs.get("unseen_classes")  # type: ignore[union-attr]
            and lower.has_dim("nP") is True
            and int(lower.get_dim("nP")) >= 2
        )
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return False


def precompute(model: Any, docs: Sequence[Doc], weights: StepWeights, gemm: Gemm | None = None) -> numpy.ndarray:
    """The lower layer's output for every token of ``docs`` (in order, end to end) and every
    feature, as spaCy's ``ParserStepModel`` computes it (``precompute_hiddens``), flat:
    row ``(1 + token) * nF + f`` holds token ``token`` as feature ``f``; rows ``f`` (token
    ``-1``) the padding. With ``gemm`` (option ``nlp.gemm`` = "numpy"), the token vectors' linear
    layer and the lower layer take that matrix product (:func:`dateline.nlp_step.lower_predict`)."""
    tok2vec, lower, _ = model.layers
    names = [layer.name for layer in getattr(tok2vec, "layers", [])]
    if gemm is not None and names[1:] == ["list2array", "linear"]:
        import numpy

        rows = tok2vec.layers[0].predict(list(docs))
        X = numpy.concatenate(rows) if rows else numpy.zeros((0, tok2vec.layers[2].get_dim("nI")), "float32")
        cached = lower_predict(lower, linear_predict(tok2vec.layers[2], X, gemm), gemm)
    else:
        cached = lower.predict(tok2vec.predict(list(docs)))
    return cached.reshape(-1, weights.nO * weights.nP)  # type: ignore[no-any-return]


def sum_features(cached: numpy.ndarray, ids: numpy.ndarray, weights: StepWeights) -> numpy.ndarray:
    """The lower layer's pre-activation for each state (a row of ``ids``: token per feature,
    ``-1`` missing): zero plus the feature rows one after the other in float32 (feature 0 first),
    then the bias, in spaCy's order (``sum_state_features``), so the sums round as its do. (The
    rows are gathered feature-major: each addition then reads one contiguous block.)"""
    import numpy

    index = ((ids + 1) * weights.nF + numpy.arange(weights.nF, dtype="int64")).T  # (nF, states)
    rows = numpy.take(cached, index.ravel(), axis=0).reshape(weights.nF, len(ids), -1)
    total = rows[0] + numpy.float32(0.0)  # (spaCy adds to zeros: -0.0 becomes 0.0)
    for f in range(1, weights.nF):
        total += rows[f]
    total += weights.bias
    return total


def step_scores(cached: numpy.ndarray, ids: numpy.ndarray, weights: StepWeights) -> numpy.ndarray:
    """Every move's score for each state: the summed features, maxout over the pieces, then the
    upper layer (BLIS ``sgemm``, as spaCy's ``predict_states``) and its bias."""
    import numpy
    pieces = sum_features(cached, ids, weights)
    hidden = pieces[:, 0 :: weights.nP].copy()  # maxout: the largest piece (numpy's max along an axis of 2 is slow)
    for piece in range(1, weights.nP):
        numpy.maximum(hidden, pieces[:, piece :: weights.nP], out=hidden)
    return upper_scores(hidden, weights.W, weights.b)


def _token_ids(states: list[Any], nF: int) -> numpy.ndarray:
    """spaCy's context tokens of each state (``StateC.set_context_tokens``, offsets included, -1
    missing), through ``ParserStepModel.get_token_ids`` (which reads only ``state2vec.nF``)."""
    from spacy.ml.parser_model import ParserStepModel

    holder = SimpleNamespace(state2vec=SimpleNamespace(nF=nF))
    return ParserStepModel.get_token_ids(holder, states)  # type: ignore[arg-type, no-any-return]


def parse_decoder(settings: Settings) -> str:
    """Who decodes the on-demand parse: the option ``nlp.parse_decoder`` ("numpy", the default:
    :func:`parse`; or "spacy": the component's own ``pipe``), else $DATELINE_NLP_PARSE_DECODER."""
    return decoder(settings, "parse")


def parse(component: Any, docs: Sequence[Doc], *, max_tokens: int = 8192, gemm: Gemm | None = None) -> list[Doc]:
    """``docs`` parsed by the spaCy transition ``component`` (greedy, :func:`supported`): the same
    annotations as ``component.pipe(docs)``, written on the same documents. They are decoded
    together in runs of consecutive documents of at most ``max_tokens`` tokens (a longer
    document alone): the precomputed rows take ``nF * nO * nP`` floats a token (4 KiB for
    spaCy's ``sm`` parser), so memory stays bounded whatever the batch. ``gemm``: see :func:`precompute`."""
    docs = list(docs)
    for run in runs(docs, max_tokens):
        _parse_run(component, run, gemm)
    return docs


def _parse_run(component: Any, docs: list[Doc], gemm: Gemm | None = None) -> None:
    if not any(len(doc) for doc in docs):
        component.set_annotations(docs, component.moves.init_batch(docs))
        return
    component._ensure_labels_are_added(docs)
    weights = read_step_weights(component.model)
    cached = precompute(component.model, docs, weights, gemm)
    states = component.moves.init_batch(docs)
    active = [s for s in states if not s.is_final()]
    step = _Stepper(cached, weights)
    while active:
        active = component.transition_states(active, step(active))
    component.set_annotations(docs, states)


class _Stepper:
    """:func:`step_scores` of a list of states (their context tokens read as :func:`_token_ids`
    does), with less Python and numpy overhead a step and identical scores: what stays from step
    to step (the feature offsets, the context reader, the float32 ``sgemm``) is set up once; the
    feature rows are summed in one ``add.reduce`` over the feature axis (sequential in feature
    order from an initial 0.0: the same float32 sums, zeros' signs included); the maxout writes
    one fresh array; the upper layer's BLIS ``sgemm`` is called without its argument-type
    dispatch. The chosen sentences of a batch of 32 articles take ~160 steps, most with few
    unfinished states, so a step's fixed cost is what counts."""

    def __init__(self, cached: numpy.ndarray, weights: StepWeights) -> None:
        import numpy
        from blis.py import gemm
        from spacy.ml.parser_model import ParserStepModel

        self.cached = cached
        self.weights = weights
        self.offsets = numpy.arange(weights.nF, 2 * weights.nF, dtype="int32")  # (1 + token) * nF + f
        self.holder = SimpleNamespace(state2vec=SimpleNamespace(nF=weights.nF))
        self.token_ids = ParserStepModel.get_token_ids
        # blis' gemm is a fused (float/double) Cython function whose dispatch on the argument types
        # costs more than the product at a handful of states: take its float32 version directly
        self.gemm = getattr(gemm, "__signatures__", {}).get("const_float2d_t", gemm)
        self.zero = numpy.float32(0.0)
        self.add = numpy.add.reduce
        self.maximum = numpy.maximum

    def __call__(self, states: list[Any]) -> numpy.ndarray:
        weights = self.weights
        ids = self.token_ids(self.holder, states)  # (states, nF) int32, -1 missing
        ids *= weights.nF
        ids += self.offsets
        rows = self.cached.take(ids.T, axis=0)  # (nF, states, nO * nP), feature-major
        pieces = self.add(rows, axis=0, initial=self.zero)
        pieces += weights.bias
        nP = weights.nP
        hidden = self.maximum(pieces[:, 0::nP], pieces[:, 1::nP])
        for piece in range(2, nP):
            self.maximum(hidden, pieces[:, piece::nP], out=hidden)
        scores: numpy.ndarray = self.gemm(hidden, weights.W, None, False, True, 1.0, 0.0)  # hidden @ W.T
        scores += weights.b
        return scores
