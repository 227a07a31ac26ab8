"""spaCy's ``Tok2Vec`` (MultiHashEmbed + MaxoutWindowEncoder) forward pass with an embedding cache.

spaCy's small model runs three token-to-vector networks in dateline's NLP step: NER's own
(over the NER windows), the shared one the tagger and parser listen to (over the sentences
parsed on demand) and the sentence recognizer's (over every token). Each is
``embed >> encoder``: the embed hashes a few lexical features of a token (``NORM``, ``PREFIX``,
``SUFFIX``, ``SHAPE`` and, in some, ``SPACY`` and ``IS_SPACE``; the list is read from the
model) into tables, concatenates and mixes them (maxout + layer norm); the encoder is ``depth``
residual CNN layers (a window of one token on each side, maxout, layer norm).

The embed's output for a token depends only on its feature ids, and news repeats its words:
:class:`FastTok2Vec` keeps each key's embedding (:class:`EmbedCache`, bounded: cleared when it
holds ``most`` keys) and computes only the keys it has not seen, in one batch: the model's own
hash embeds, then its mix (maxout + layer norm) in the encoder's arithmetic and matrix product.
The encoder is the same arithmetic in numpy (:func:`encode`: the documents laid end to end
with ``pad`` zero rows around each, as thinc's ``with_array`` lays
them), with a choice of matrix product (option ``nlp.gemm``, also $DATELINE_NLP_GEMM:
:func:`gemm_choice`), which also serves NER's and the parser's linear and lower layers
(:func:`dateline.nlp_step.lower_predict`):

- ``"numpy"`` (the default): numpy's matmul (OpenBLAS, whose kernels use AVX-512 here; one thread
  under :mod:`dateline.process_tuning`): 1.7-1.9x BLIS' speed on these shapes, but it sums in
  another order (differences of ~1e-6 in the vectors), and for products of fewer than four rows
  its result for a row may depend on the other rows. Every evaluation's outputs were still
  byte-identical to BLIS' (benchmarks/side_by_side.md, round 9 — tok2vec);
- ``"blis"``: BLIS' ``sgemm``, the routine thinc calls: the vectors are spaCy's bit for bit
  (tests/core/test_nlp_tok2vec.py), whatever the batch.

Option ``nlp.tok2vec``: ``"dateline"`` (the default: this module) or ``"spacy"`` (the model's own
``predict``; also $DATELINE_NLP_TOK2VEC). The caches live in a :class:`Tok2Vecs` held by the
pipeline's :class:`~dateline.resources.Resources` (one per process).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .nlp_step import runs
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "EmbedCache",
    "FastTok2Vec",
    "Gemm",
    "Tok2Vecs",
    "encode",
    "gemm_choice",
    "make_gemm",
    "tok2vec_choice",
]

#: keys an :class:`EmbedCache` holds before it starts again (96 floats a key: ~40 MB at 100,000)
MOST_KEYS = 100_000

#: tokens the encoder takes at once (its arrays: ~4 KB a token at width 96)
CHUNK_TOKENS = 1_024

#: rows a matrix product of the embed's mix gets at least (zero rows added): numpy's matmul may
#: give a row of a product of fewer than four rows another result than in a larger one
_MIN_ROWS = 8

Gemm = Callable[[np.ndarray, np.ndarray], np.ndarray]


def gemm_choice(settings: Settings) -> str:
    """``"numpy"`` or ``"blis"``: the option ``nlp.gemm``, else $DATELINE_NLP_GEMM, else "numpy"."""
    value = settings.option("nlp.gemm", os.environ.get("DATELINE_NLP_GEMM") or "numpy")
    return "blis" if value == "blis" else "numpy"


def tok2vec_choice(settings: Settings) -> str:
    """``"dateline"`` or ``"spacy"``: the option ``nlp.tok2vec``, else $DATELINE_NLP_TOK2VEC, else "dateline"."""
    value = settings.option("nlp.tok2vec", os.environ.get("DATELINE_NLP_TOK2VEC") or "dateline")
    return "spacy" if value == "spacy" else "dateline"


def make_gemm(kind: str) -> Gemm:
    """``X @ W.T`` (float32, ``W`` as thinc stores it: ``(out, in)``): BLIS' sgemm for "blis" (what
    thinc's ``NumpyOps.gemm`` calls, the same sums bit for bit), numpy's matmul for "numpy"."""
    if kind == "numpy":
        return lambda X, W: np.matmul(X, W.T)
    from blis.py import gemm

    return lambda X, W: gemm(X, W, trans2=True, beta=0.0)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class _Layer:
    """One maxout + layer-norm layer: ``W`` (nO * nP, nI), rows in thinc's order (output, piece)."""

    W: np.ndarray
    b: np.ndarray
    nO: int
    nP: int
    G: np.ndarray
    beta: np.ndarray


def _maxout_norm(layer: Any) -> _Layer:
    """The maxout and layer norm of a thinc ``maxout >> layernorm >> dropout`` chain."""
    maxout = next(node for node in layer.walk() if node.name == "maxout")
    norm = next(node for node in layer.walk() if node.name == "layernorm")
    nO, nP, nI = (int(maxout.get_dim(d)) for d in ("nO", "nP", "nI"))
    W = np.ascontiguousarray(maxout.get_param("W"), dtype="float32").reshape(nO * nP, nI)
    b = np.ascontiguousarray(maxout.get_param("b"), dtype="float32").reshape(nO * nP)
    G = np.ascontiguousarray(norm.get_param("G"), dtype="float32")
    beta = np.ascontiguousarray(norm.get_param("b"), dtype="float32")
    return _Layer(W, b, nO, nP, G, beta)


def _apply(layer: _Layer, X: np.ndarray, gemm: Gemm) -> np.ndarray:
    """thinc's ``maxout >> layernorm`` (prediction) on the rows of ``X``: the same numpy
    operations in fewer passes (the mean computed once; products and sums in place)."""
    Y = gemm(X, layer.W)
    Y += layer.b
    Z = Y.reshape(len(Y), layer.nO, layer.nP)
    best = Z[:, :, 0].copy()  # (thinc's maxout: the first of equal pieces; values equal either way)
    for p in range(1, layer.nP):
        np.maximum(best, Z[:, :, p], out=best)
    return _layer_norm(best, layer.G, layer.beta)


def _layer_norm(X: np.ndarray, G: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """thinc's ``LayerNorm`` forward: ``(X - mean) * (var + 1e-8) ** -0.5 * G + b``, with the
    mean and variance numpy's (``X.mean`` then ``X.var``, which sums ``(X - mean) ** 2``)."""
    mu = X.mean(axis=1, keepdims=True)
    X -= mu  # (X is this layer's own array)
    sq = X * X
    var = sq.sum(axis=1, keepdims=True)
    var /= X.shape[1]
    var += 1e-08
    X *= var ** (-1.0 / 2.0)
    X *= G
    X += beta
    return X


def _window(X: np.ndarray) -> np.ndarray:
    """thinc's ``seq2col`` with a window of one token: each row, the row before and the row after
    (zeros past either end), side by side: ``[X[i - 1], X[i], X[i + 1]]``."""
    n, width = X.shape
    cols = np.empty((n, 3, width), dtype=X.dtype)
    cols[0, 0] = 0
    cols[1:, 0] = X[:-1]
    cols[:, 1] = X
    cols[:-1, 2] = X[1:]
    cols[-1, 2] = 0
    return cols.reshape(n, 3 * width)


def encode(vectors: Sequence[np.ndarray], layers: Sequence[_Layer], pad: int, gemm: Gemm) -> list[np.ndarray]:
    """The encoder (``with_array(residual(expand_window >> maxout >> layernorm) * depth, pad)``)
    on each document's embedded rows: the documents end to end with ``pad`` zero rows before each
    and after the last (empty documents left out), as thinc's ``flatten`` lays them."""
    lengths = [len(v) for v in vectors]
    width = vectors[0].shape[1] if vectors else 0
    if not any(lengths):
        return [np.zeros((0, width), dtype="float32") for _ in vectors]
    total = sum(n + pad for n in lengths if n) + pad
    flat = np.zeros((total, width), dtype="float32")
    at, where = pad, []
    for v, n in zip(vectors, lengths, strict=True):
        where.append(at)
        if n:
            flat[at : at + n] = v
            at += n + pad
    for layer in layers:
        Y = _apply(layer, _window(flat), gemm)
        Y += flat
        flat = Y
    return [flat[a : a + n] if n else np.zeros((0, width), dtype="float32")
            for a, n in zip(where, lengths, strict=True)]


class EmbedCache:
    """Embedded rows by feature key (the token's feature ids, as bytes), at most ``most`` keys
    (then emptied and filled again)."""

    def __init__(self, width: int, most: int = MOST_KEYS) -> None:
        self.width = width
        self.most = most
        self.index: dict[bytes, int] = {}
        self.rows = np.empty((0, width), dtype="float32")
        self.lookups = self.misses = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.index)

    def rows_for(self, features: np.ndarray, embed: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """The embedded row of each row of ``features`` (uint64, tokens x columns); keys not held
        are embedded together by ``embed`` (the model's layers on their features). One caller at
        a time (a lock: a Dask worker may run several threads on one pipeline)."""
        with self._lock:
            return self._rows_for(features, embed)

    def _rows_for(self, features: np.ndarray, embed: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        feats = np.ascontiguousarray(features, dtype="uint64")
        keys: list[bytes] = feats.view(np.dtype((np.void, 8 * feats.shape[1]))).ravel().tolist()  # type: ignore[assignment]
        get = self.index.get
        pos = [get(k, -1) for k in keys]
        if -1 in pos:
            new, first = self._unseen(keys, pos)
            if len(self.index) + len(new) > self.most:  # full: start again
                self.index = {}
                pos = [-1] * len(keys)
                new, first = self._unseen(keys, pos)
            base = len(self.index)
            fresh = np.ascontiguousarray(embed(feats[first]), dtype="float32")
            self._store(base, fresh)
            for k, j in new.items():
                self.index[k] = base + j
            pos = [p if p >= 0 else base + new[k] for k, p in zip(keys, pos, strict=True)]
            self.misses += len(new)
        self.lookups += len(keys)
        return self.rows[pos]

    @staticmethod
    def _unseen(keys: list[bytes], pos: list[int]) -> tuple[dict[bytes, int], list[int]]:
        """The keys not held (``pos`` -1), each numbered once, and the first row of each."""
        new: dict[bytes, int] = {}
        first: list[int] = []
        for i, (k, p) in enumerate(zip(keys, pos, strict=True)):
            if p < 0 and k not in new:
                new[k] = len(first)
                first.append(i)
        return new, first

    def _store(self, base: int, fresh: np.ndarray) -> None:
        need = base + len(fresh)
        if need > len(self.rows):
            grown = np.empty((min(max(need, 2 * len(self.rows), 1024), max(self.most, need)), self.width),
                             dtype="float32")
            grown[:base] = self.rows[:base]
            self.rows = grown
        self.rows[base:need] = fresh


def supported(t2v: Any) -> bool:
    """Whether :class:`FastTok2Vec` computes this thinc model as spaCy does: ``embed >> encoder``
    as spaCy's ``Tok2Vec.v2`` builds them from ``MultiHashEmbed`` and ``MaxoutWindowEncoder``."""
    try:
        embed, encoder = t2v.layers
        names = [layer.name for layer in embed.layers]
        inner = encoder.layers[0]
        residuals = inner.layers if inner.name.startswith("residual(") and ">>" in inner.name else [inner]
        return (
            len(names) == 5 and names[0] == "extract_features" and names[1] == "list2ragged"
            and names[4] == "ragged2list" and names[2].startswith("with_array(ints-getitem>>hashembed")
            and names[3] == "with_array(maxout>>layernorm>>dropout)"
            and encoder.name.startswith("with_array(residual(")
            and all(r.name == "residual(expand_window>>maxout>>layernorm>>dropout)" for r in residuals)
            and all(node.attrs.get("window_size") == 1 for node in encoder.walk() if node.name == "expand_window")
        )
    except (AttributeError, ValueError, TypeError, IndexError):
        return False


class FastTok2Vec:
    """One spaCy ``Tok2Vec`` model's forward pass (:func:`supported` models), its embedding
    cached (:class:`EmbedCache`) and its encoder in numpy (:func:`encode`)."""

    def __init__(self, t2v: Any, gemm: str = "blis", most: int = MOST_KEYS) -> None:
        embed, encoder = t2v.layers
        self.columns = list(embed.layers[0].attrs["columns"])
        self._hash = embed.layers[2].layers[0]  # the hash embeds, concatenated
        self._mix = _maxout_norm(embed.layers[3].layers[0])  # maxout >> layernorm >> dropout
        self.pad = int(encoder.attrs["pad"])
        self.layers = [_maxout_norm(node) for node in encoder.walk() if node.name.startswith("expand_window>>")]
        self.width = int(t2v.get_dim("nO"))
        self.gemm = make_gemm(gemm)
        self.cache = EmbedCache(self.width, most)

    def features(self, docs: Sequence[Doc]) -> list[np.ndarray]:
        """Each document's feature columns (spaCy's ``FeatureExtractor``)."""
        k = len(self.columns)
        return [doc.to_array(self.columns).reshape(len(doc), k).astype("uint64", copy=False) for doc in docs]

    def embed_rows(self, features: np.ndarray) -> np.ndarray:
        """The embed's output for rows of features (tokens x columns), through the cache."""
        if not len(features):
            return np.zeros((0, self.width), dtype="float32")
        return self.cache.rows_for(features, self._embed)

    def _embed(self, feats: np.ndarray) -> np.ndarray:
        """The model's hash embeds (thinc's layers), then its maxout and layer norm as the encoder's
        (:func:`_apply`: thinc's arithmetic in fewer passes, with this network's matrix product; at
        least :data:`_MIN_ROWS` rows, so that a key's row never depends on the keys new with it)."""
        hashed = self._hash.predict(feats)
        n = len(hashed)
        if n < _MIN_ROWS:
            hashed = np.concatenate([hashed, np.zeros((_MIN_ROWS - n, hashed.shape[1]), dtype=hashed.dtype)])
        return _apply(self._mix, np.ascontiguousarray(hashed, dtype="float32"), self.gemm)[:n]

    def predict(self, docs: Sequence[Doc]) -> list[np.ndarray]:
        """``t2v.predict(docs)``: one array (tokens x width) a document."""
        return self.predict_features(self.features(docs))

    def predict_features(self, features: Sequence[np.ndarray]) -> list[np.ndarray]:
        """The vectors of documents given by their feature arrays (:meth:`features`), in runs of
        documents of at most :data:`CHUNK_TOKENS` tokens (a longer document alone): the encoder's
        arrays stay small (and in cache) whatever the batch."""
        return [vectors for run in runs(features, CHUNK_TOKENS) for vectors in self._predict_run(run)]

    def _predict_run(self, features: Sequence[np.ndarray]) -> list[np.ndarray]:
        lengths = [len(f) for f in features]
        rows = self.embed_rows(np.concatenate(features)) if any(lengths) else np.zeros((0, self.width), "float32")
        embedded, at = [], 0
        for n in lengths:
            embedded.append(rows[at : at + n])
            at += n
        return encode(embedded, self.layers, self.pad, self.gemm)


class Tok2Vecs:
    """The :class:`FastTok2Vec` of each spaCy tok2vec model a run uses, made on first use and kept
    (with their caches) for the life of the pipeline's resources."""

    def __init__(self, gemm: str = "blis", most: int = MOST_KEYS) -> None:
        self.gemm_kind = gemm
        self.most = most
        self.gemm = make_gemm(gemm)
        self._fast: dict[int, tuple[Any, FastTok2Vec | None]] = {}

    @classmethod
    def of(cls, settings: Settings) -> Tok2Vecs | None:
        """The settings' choice: None for spaCy's own tok2vec (option ``nlp.tok2vec`` = "spacy")."""
        if tok2vec_choice(settings) == "spacy":
            return None
        return cls(gemm_choice(settings))

    def get(self, t2v: Any) -> FastTok2Vec | None:
        """The fast forward of ``t2v`` (a thinc ``Tok2Vec`` model), None when not :func:`supported`."""
        held = self._fast.get(id(t2v))
        if held is None or held[0] is not t2v:
            held = (t2v, FastTok2Vec(t2v, self.gemm_kind, self.most) if supported(t2v) else None)
            self._fast[id(t2v)] = held
        return held[1]
