"""The pieces dateline's two numpy decoders share (dateline.nlp_step)."""

from __future__ import annotations

from typing import Any

import numpy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.nlp_step import decoder, runs, upper_scores
from dateline.settings import Settings


class _Doc(list[int]):
    """Stands in for a spaCy Doc: only its length is read."""


@given(st.lists(st.integers(0, 50), max_size=30), st.integers(1, 80))
def test_runs_keep_every_document_in_order_and_bound_the_tokens(lengths: list[int], most: int) -> None:
    docs: list[Any] = [_Doc([0] * n) for n in lengths]
    out = list(runs(docs, most))
    assert [d for run in out for d in run] == docs
    for run in out:
        assert len(run) == 1 or sum(len(d) for d in run) <= most


def test_decoder_reads_the_option_then_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_NLP_NER_DECODER", raising=False)
    assert decoder(Settings(), "ner") == "numpy"
    assert decoder(Settings(options=(("nlp.ner_decoder", "spacy"),)), "ner") == "spacy"
    monkeypatch.setenv("DATELINE_NLP_NER_DECODER", "spacy")
    assert decoder(Settings(), "ner") == "spacy"
    assert decoder(Settings(options=(("nlp.ner_decoder", "numpy"),)), "ner") == "numpy"
    assert decoder(Settings(), "parse") in ("numpy", "spacy")


def test_upper_scores_is_the_affine_layer() -> None:
    rng = numpy.random.default_rng(0)
    hidden = rng.standard_normal((5, 4)).astype("float32")
    W = rng.standard_normal((3, 4)).astype("float32")
    b = rng.standard_normal(3).astype("float32")
    assert numpy.allclose(upper_scores(hidden, W, b), hidden @ W.T + b, atol=1e-5)
