"""dateline's tok2vec forward pass (:mod:`dateline.nlp_tok2vec`) gives spaCy's own vectors bit for
bit, for each of the small model's three tok2vec networks (NER's, the shared one, the senter's),
through its bounded embedding cache, on real text and on generated token sequences; the parse on
demand with it equals the one with spaCy's; its options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import Settings
from dateline.nlp_tok2vec import EmbedCache, FastTok2Vec, Tok2Vecs, gemm_choice, make_gemm, supported, tok2vec_choice
from dateline.resources import Resources

from .conftest import tok2vec_networks

REPO = Path(__file__).resolve().parents[2]

TEXTS = [
    "Syria and Iraq reopened the Al-Qaim border crossing on Monday, nearly five years after it was seized by Daesh.",
    "",
    "  Police fired tear gas at protesters in Santiago.\n\nThe government of President Sebastián Piñera declared a "
    "state of emergency.",
    "BAMAKO (Reuters) - Gunmen killed 24 soldiers in an attack on two army posts in central Mali, the army said.",
    "Mr. Smith, 52, joined the World Health Organization's Ebola team in Beni, North Kivu; the report cost £3m.",
    "x",
]

WORDS = ["the", "The", "Iraq", "Al-Qaim", "said", ",", ".", "24", "1,500", "\n\n", " ", "Daesh", "don't", "U.S.",
         "killed", "ISIS", "(", ")", "’s", "Piñera", "on", "Monday", "émigré"]


def _same(theirs: list[np.ndarray], ours: list[np.ndarray]) -> bool:
    return len(theirs) == len(ours) and all(
        a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a.view("uint32"), b.view("uint32"))
        for a, b in zip(theirs, ours, strict=True))


def _texts(shared_dir_or_none: Path | None) -> list[str]:
    return [*TEXTS, (REPO / "examples" / "afp_alqaim_2019.txt").read_text(encoding="utf-8")]


@pytest.mark.parametrize("name", ["ner", "tok2vec", "senter"])
def test_real_texts_same_vectors_bit_for_bit(nlp: Any, name: str) -> None:
    t2v = tok2vec_networks(nlp)[name]
    assert supported(t2v)
    fast = FastTok2Vec(t2v)
    docs = [nlp.make_doc(t) for t in _texts(None)]
    for _ in range(2):  # the second time from the cache
        assert _same(t2v.predict(docs), fast.predict(docs))
    assert _same(t2v.predict(docs[2:4]), fast.predict(docs[2:4]))  # another batch: the same rows


@pytest.mark.parametrize("name", ["ner", "tok2vec", "senter"])
def test_columns_read_from_the_model(nlp: Any, name: str) -> None:
    fast = FastTok2Vec(tok2vec_networks(nlp)[name])
    assert fast.columns[:4] == ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
    assert ("SPACY" in fast.columns) == (name != "ner")


_SHARED: dict[str, FastTok2Vec] = {}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.tuples(st.sampled_from(WORDS), st.booleans()), max_size=30), min_size=1, max_size=5))
def test_generated_sequences_same_vectors(nlp: Any, docs_words: list[list[tuple[str, bool]]]) -> None:
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=[w for w, _ in ws], spaces=[s for _, s in ws]) for ws in docs_words]
    for name, t2v in tok2vec_networks(nlp).items():
        fast = _SHARED.setdefault(name, FastTok2Vec(t2v, most=40))  # (a small cache, emptied again and again)
        assert _same(t2v.predict(docs), fast.predict(docs)), name
        assert len(fast.cache) <= max(40, sum(len(d) for d in docs))


def test_cache_is_bounded_and_rows_stay_right() -> None:
    calls: list[int] = []

    def embed(feats: np.ndarray) -> np.ndarray:
        calls.append(len(feats))
        return np.repeat(feats[:, :1].astype("float32"), 3, axis=1)

    cache = EmbedCache(3, most=10)
    rng = np.random.default_rng(0)
    for _ in range(20):
        feats = rng.integers(0, 30, size=(8, 2)).astype("uint64")
        rows = cache.rows_for(feats, embed)
        assert np.array_equal(rows, np.repeat(feats[:, :1].astype("float32"), 3, axis=1))
        assert len(cache) <= 10
    feats = np.array([[1, 2], [1, 2], [1, 2]], dtype="uint64")
    cache.rows_for(feats, embed)
    calls.clear()
    cache.rows_for(feats, embed)
    assert calls == []  # seen before: a lookup
    assert len(cache.rows) <= 10


def test_parse_on_demand_same_annotations(nlp: Any) -> None:
    from dateline.nlp_demand import parse_on_demand

    texts = _texts(None)

    def signature(docs: list[Any]) -> list[Any]:
        return [[(t.is_sent_start, t.head.i, t.dep_, t.tag_, t.lemma_, t.ent_iob_, t.ent_type_) for t in d]
                for d in docs]

    def select(text: str) -> bool:
        return "killed" in text or "reopened" in text or "Police" in text

    theirs = parse_on_demand(nlp, texts, select, ner_spans=lambda d: [(0, len(d))] if len(d) else [])
    tok2vecs = Tok2Vecs()
    ours = parse_on_demand(nlp, texts, select, ner_spans=lambda d: [(0, len(d))] if len(d) else [], tok2vecs=tok2vecs)
    assert signature(theirs) == signature(ours)
    assert len(tok2vecs._fast) == 3  # NER's, the shared one, the senter's


def test_numpy_gemm_close_to_blis() -> None:
    rng = np.random.default_rng(1)
    X = rng.standard_normal((50, 288)).astype("float32")
    W = rng.standard_normal((96, 288)).astype("float32")
    a, b = make_gemm("blis")(X, W), make_gemm("numpy")(X, W)
    assert a.shape == b.shape == (50, 96)
    assert np.allclose(a, b, rtol=1e-4, atol=1e-4)


def test_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_NLP_GEMM", raising=False)
    monkeypatch.delenv("DATELINE_NLP_TOK2VEC", raising=False)
    assert gemm_choice(Settings()) == "numpy"
    assert tok2vec_choice(Settings()) == "dateline"
    assert gemm_choice(Settings(options=(("nlp.gemm", "blis"),))) == "blis"
    monkeypatch.setenv("DATELINE_NLP_TOK2VEC", "spacy")
    assert tok2vec_choice(Settings()) == "spacy"
    assert Resources(Settings()).tok2vecs() is None
    monkeypatch.setenv("DATELINE_NLP_GEMM", "blis")
    held = Resources(Settings(options=(("nlp.tok2vec", "dateline"),))).tok2vecs()
    assert isinstance(held, Tok2Vecs) and held.gemm_kind == "blis"


def test_unsupported_model_left_to_spacy() -> None:
    thinc = pytest.importorskip("thinc.api")
    model = thinc.chain(thinc.Relu(4, 4), thinc.Relu(4, 4))
    assert not supported(model)
    assert Tok2Vecs().get(model) is None


def test_lower_and_linear_with_blis_are_thincs(nlp: Any) -> None:
    from dateline.nlp_step import linear_predict, lower_predict

    model = nlp.get_pipe("ner").model
    docs = [nlp.make_doc(t) for t in TEXTS if t]
    X = model.get_ref("tok2vec").layers[0].predict(docs)
    flat = np.concatenate(X)
    linear, lower = model.get_ref("tok2vec").layers[2], model.get_ref("lower")
    hidden = linear.predict(flat)
    assert _same([hidden], [linear_predict(linear, flat, make_gemm("blis"))])
    assert _same([lower.predict(hidden)], [lower_predict(lower, hidden, make_gemm("blis"))])
    close = lower_predict(lower, linear_predict(linear, flat, make_gemm("numpy")), make_gemm("numpy"))
    assert np.allclose(close, lower.predict(hidden), rtol=1e-3, atol=1e-4)


def test_numpy_gemm_vectors_close_and_parse_runs(nlp: Any) -> None:
    from dateline.nlp_demand import is_parsed, parse_on_demand

    t2v = tok2vec_networks(nlp)["tok2vec"]
    docs = [nlp.make_doc(t) for t in TEXTS]
    for a, b in zip(t2v.predict(docs), FastTok2Vec(t2v, gemm="numpy").predict(docs), strict=True):
        assert np.allclose(a, b, rtol=1e-3, atol=1e-4)
    parsed = parse_on_demand(nlp, TEXTS, lambda text: True, tok2vecs=Tok2Vecs("numpy"))
    assert all(is_parsed(tok) for doc in parsed for tok in doc)
    assert parsed[0].ents and any(tok.dep_ == "nsubj" for tok in parsed[0])


def test_window_entities_without_documents_equal_ner_on_window_documents(nlp: Any) -> None:
    from spacy.attrs import ORTH, SENT_START, SPACY
    from spacy.tokens import Doc

    from dateline.nlp_ner import ner_pipe, window_arrays, window_entities

    text = ("They don't know it's   Iraq's Al-Qaim.\n\nPresident Barham Salih met U.S. envoys in Baghdad, "
            "ca. 3 p.m. on Monday; gonna meet the United Nations High Commissioner for Refugees.")
    doc = nlp.make_doc(text)
    senter = nlp.get_pipe("senter")
    doc = senter(doc)
    cols = doc.to_array([ORTH, SPACY, SENT_START])
    spans = [(0, len(doc)), (3, 12), (5, 6), (10, len(doc) - 4), (0, 0)]
    rows = [cols[a:b] for a, b in spans]
    strings = nlp.vocab.strings

    def window(part: np.ndarray) -> Any:
        items = part.tolist()
        return Doc(nlp.vocab, words=[strings[o] for o, _, _ in items], spaces=[bool(sp) for _, sp, _ in items],
                   sent_starts=[True, *(f == 1 for _, _, f in items[1:])])

    ner = nlp.get_pipe("ner")
    for gemm in ("blis", "numpy"):
        ours = window_entities(ner, nlp.vocab, rows, Tok2Vecs(gemm))
        theirs = [[(e.start, e.end, e.label) for e in d.ents] if len(d) else []
                  for d in ner_pipe(ner, [window(r) if len(r) else Doc(nlp.vocab) for r in rows], 8, "numpy",
                                    Tok2Vecs(gemm))]
        assert ours == theirs
    assert ours[0] and ours[-1] == []
    assert window_entities(ner, nlp.vocab, rows, None) is None  # (spaCy's vectors asked for: documents made)
    columns = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"]
    features, tokens = window_arrays(nlp.vocab, columns, rows)
    made = [window(r) for r in rows if len(r)]
    assert np.array_equal(features, np.concatenate([d.to_array(columns) for d in made]).astype("uint64"))
    marks = np.concatenate([d.to_array(["SENT_START", "IS_SPACE"]) for d in made]).view("int64")
    assert np.array_equal(tokens[:, 2:], marks)
    assert (features[: len(doc), 0] != doc.to_array("NORM")).any()  # (window tokens: the lexemes' norms)
