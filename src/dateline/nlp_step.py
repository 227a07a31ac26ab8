"""What dateline's two numpy decoders of spaCy's transition components share.

:mod:`dateline.nlp_ner` (NER: BILUO moves decoded in numpy) and :mod:`dateline.nlp_parse` (the
parser: spaCy's own arc-eager transitions, the scoring batched in numpy) both replace spaCy's
greedy Cython loop, whose per-state overhead was most of those components' time, and both must
give spaCy's output bit for bit. They share the weights a state is scored with
(:class:`StepWeights`), the option that picks the decoder, the cut of a batch into runs of
bounded size, and the upper layer (BLIS' ``sgemm``, the routine spaCy's ``predict_states``
calls: numpy's matmul differs in the last bit for small batches). With the option ``nlp.gemm`` =
"numpy" (:mod:`dateline.nlp_tok2vec`), the token vectors' linear layer and the precomputed lower
layer take numpy's matmul instead (:func:`linear_predict`, :func:`lower_predict`; not bit for bit).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence, Sized
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .settings import Settings

if TYPE_CHECKING:
    import numpy

__all__ = ["StepWeights", "decoder", "linear_predict", "lower_predict", "read_step_weights", "runs", "upper_scores"]

_DECODERS = ("numpy", "spacy")
_Sized = TypeVar("_Sized", bound="Sized")


def decoder(settings: Settings, component: str) -> str:
    """Who decodes ``component`` ("ner" or "parse"): the option ``nlp.<component>_decoder``, else
    $DATELINE_NLP_<COMPONENT>_DECODER, else "numpy" (dateline's decoder); "spacy" asks for the
    component's own ``pipe``. Any other value is numpy's."""
    env = os.environ.get(f"DATELINE_NLP_{component.upper()}_DECODER") or "numpy"
    value = settings.option(f"nlp.{component}_decoder", env)
    return "spacy" if value == "spacy" else "numpy"


def runs(docs: Sequence[_Sized], most: int) -> Iterator[list[_Sized]]:
    """``docs`` in order, in runs of consecutive documents of at most ``most`` tokens together
    (a longer document alone), so that the activations a decoder holds stay bounded. (Anything
    whose length counts its tokens: documents, feature arrays.)"""
    run: list[_Sized] = []
    size = 0
    for doc in docs:
        if run and size + len(doc) > most:
            yield run
            run, size = [], 0
        run.append(doc)
        size += len(doc)
    if run:
        yield run


def upper_scores(hidden: numpy.ndarray, W: numpy.ndarray, b: numpy.ndarray) -> numpy.ndarray:
    """Every move's score for each state's hidden vector: ``hidden @ W.T + b`` with BLIS' sgemm,
    as spaCy computes it (the same sums, bit for bit)."""
    from blis.py import gemm

    scores: Any = gemm(hidden, W, trans2=True, beta=0.0)
    scores += b
    return scores  # type: ignore[no-any-return]


@dataclass(frozen=True)
class StepWeights:
    """The weights a transition model scores a state with, read from a spaCy ``TransitionModel``
    (``layers = [tok2vec, lower, upper]``): ``nF`` features per state, each a row of ``nO * nP``
    maxout pieces (the lower layer's output, precomputed per token), the lower layer's bias
    (flat, ``nO * nP``), the upper layer's ``W`` (``classes x nO``) and bias."""

    nF: int
    nO: int
    nP: int
    bias: numpy.ndarray
    W: numpy.ndarray
    b: numpy.ndarray


def read_step_weights(model: Any) -> StepWeights:
    """The :class:`StepWeights` of a spaCy transition model (``component.model``)."""
    import numpy

    _, lower, upper = model.layers
    nF, nO, nP = (int(lower.get_dim(d)) for d in ("nF", "nO", "nP"))
    bias = numpy.ascontiguousarray(lower.get_param("b"), dtype="float32").reshape(nO * nP)
    W = numpy.ascontiguousarray(upper.get_param("W"), dtype="float32")
    b = numpy.ascontiguousarray(upper.get_param("b"), dtype="float32")
    return StepWeights(nF, nO, nP, bias, W, b)


def linear_predict(linear: Any, X: numpy.ndarray, gemm: Callable[[numpy.ndarray, numpy.ndarray], numpy.ndarray]
                   ) -> numpy.ndarray:
    """thinc's ``Linear`` forward (``X @ W.T + b``) with the matrix product ``gemm``."""
    import numpy

    W = numpy.ascontiguousarray(linear.get_param("W"), dtype="float32")
    Y = gemm(numpy.ascontiguousarray(X, dtype="float32"), W)
    Y += linear.get_param("b")
    return Y


def lower_predict(lower: Any, X: numpy.ndarray, gemm: Callable[[numpy.ndarray, numpy.ndarray], numpy.ndarray]
                  ) -> numpy.ndarray:
    """spaCy's ``PrecomputableAffine`` forward (prediction) with the matrix product ``gemm``:
    shape (tokens + 1, nF, nO, nP), row 0 the layer's padding."""
    import numpy

    nF, nO, nP, nI = (int(lower.get_dim(d)) for d in ("nF", "nO", "nP", "nI"))
    W = numpy.ascontiguousarray(lower.get_param("W"), dtype="float32").reshape(nF * nO * nP, nI)
    Yf = numpy.empty((len(X) + 1, nF * nO * nP), dtype="float32")
    Yf[1:] = gemm(numpy.ascontiguousarray(X, dtype="float32"), W)
    out = Yf.reshape(len(X) + 1, nF, nO, nP)
    out[0] = numpy.squeeze(lower.get_param("pad"), 0)
    return out
