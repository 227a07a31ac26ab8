"""The embed's mix (maxout + layer norm) in dateline's arithmetic: thinc's bit for bit with BLIS,
close with numpy's matrix product, and a key's row the same whatever keys are new with it."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from dateline.nlp_tok2vec import FastTok2Vec

from .conftest import tok2vec_networks

TEXT = ("Syria and Iraq reopened the Al-Qaim border crossing on Monday, nearly five years after it was seized by "
        "Daesh. Gunmen killed 24 soldiers in an attack on two army posts in central Mali, the army said.")


@pytest.mark.parametrize("name", ["ner", "tok2vec", "senter"])
def test_embed_mix_is_thincs(nlp: Any, name: str) -> None:
    t2v = tok2vec_networks(nlp)[name]
    mix = t2v.layers[0].layers[3].layers[0]
    blis, fast = FastTok2Vec(t2v, "blis"), FastTok2Vec(t2v, "numpy")
    feats = np.unique(np.concatenate(blis.features([nlp.make_doc(TEXT)])), axis=0)
    theirs = mix.predict(blis._hash.predict(feats))
    assert np.array_equal(blis._embed(feats).view("uint32"), theirs.view("uint32"))
    assert np.allclose(fast._embed(feats), theirs, atol=1e-4)


@pytest.mark.parametrize("gemm", ["blis", "numpy"])
def test_a_keys_row_does_not_depend_on_the_other_new_keys(nlp: Any, gemm: str) -> None:
    fast = FastTok2Vec(tok2vec_networks(nlp)["ner"], gemm)
    feats = np.unique(np.concatenate(fast.features([nlp.make_doc(TEXT)])), axis=0)
    together = fast._embed(feats)
    for n in (1, 2, 3, 5):
        assert np.array_equal(fast._embed(feats[:n]).view("uint32"), together[:n].view("uint32"))
