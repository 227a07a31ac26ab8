"""The NER decoder's table helpers equal the numpy calls they stand in for."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from dateline.nlp_ner import Moves, _labels, _unique_rows


@given(st.integers(0, 60).flatmap(lambda n: arrays(np.int64, (n, 6), elements=st.integers(0, 30))))
def test_unique_rows_equal_numpy_unique_by_rows(kinds: np.ndarray) -> None:
    want, want_inverse = np.unique(kinds, axis=0, return_inverse=True)
    got, inverse = _unique_rows(kinds)
    assert np.array_equal(got, want)
    assert np.array_equal(inverse.reshape(-1), want_inverse.reshape(-1))


def test_unique_rows_with_a_radix_too_wide_for_one_key() -> None:
    kinds = np.array([[2**40, 1], [3, 2**30], [3, 2**30], [0, 0]], dtype=np.int64)
    got, inverse = _unique_rows(kinds)
    want, want_inverse = np.unique(kinds, axis=0, return_inverse=True)
    assert np.array_equal(got, want) and np.array_equal(inverse.reshape(-1), want_inverse.reshape(-1))


def test_labels_equal_numpy_unique_of_the_labelled_classes() -> None:
    label = np.array([0, 7, 2**63 + 5, 7, 0, 3, 2**63 + 5], dtype=np.uint64)
    moves = Moves(np.ones(len(label), dtype=np.int64), label)
    assert np.array_equal(_labels(moves), np.unique(label[label != 0]))
    assert _labels(moves).dtype == np.uint64
