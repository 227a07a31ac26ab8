"""What dateline's two numpy decoders of spaCy's transition components share.

:mod:`dateline.nlp_ner` (NER: BILUO moves decoded in numpy) and :mod:`dateline.nlp_parse` (the
parser: spaCy's own arc-eager transitions, the scoring batched in numpy) both replace spaCy's
greedy Cython loop, whose per-state overhead was most of those components' time, and both must
give spaCy's output bit for bit. They share the option that picks the decoder, the cut of a
batch into runs of bounded size, and the upper layer (BLIS' ``sgemm``, the routine spaCy's
``predict_states`` calls: numpy's matmul differs in the last bit for small batches).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .settings import Settings

if TYPE_CHECKING:
    import numpy
    from spacy.tokens import Doc

__all__ = ["decoder", "runs", "upper_scores"]

_DECODERS = ("numpy", "spacy")


def decoder(settings: Settings, component: str) -> str:
    """Who decodes ``component`` ("ner" or "parse"): the option ``nlp.<component>_decoder``, else
    $DATELINE_NLP_<COMPONENT>_DECODER, else "numpy" (dateline's decoder); "spacy" asks for the
    component's own ``pipe``. Any other value is numpy's."""
    env = os.environ.get(f"DATELINE_NLP_{component.upper()}_DECODER") or "numpy"
    value = settings.option(f"nlp.{component}_decoder", env)
    return "spacy" if value == "spacy" else "numpy"


def runs(docs: Sequence[Doc], most: int) -> Iterator[list[Doc]]:
    """``docs`` in order, in runs of consecutive documents of at most ``most`` tokens together
    (a longer document alone), so that the activations a decoder holds stay bounded."""
    run: list[Doc] = []
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
