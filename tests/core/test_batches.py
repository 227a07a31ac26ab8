"""Batches are bounded by characters as well as by count, so memory does not grow with batch_size."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.pipeline import batches
from dateline.records import RawInput
from dateline.settings import Settings


def _inputs(lengths: list[int]) -> list[RawInput | InputError]:
    return [RawInput(f"d{i}", "text", "x" * n) if n >= 0 else InputError(f"e{i}", "bad") for i, n in enumerate(lengths)]


def test_a_large_batch_size_is_bounded_by_characters() -> None:
    settings = Settings(batch_size=1000, batch_chars=10_000)
    sizes = [len(b) for b in batches(_inputs([3000] * 100), settings)]
    assert sizes == [4] * 25  # 4 × 3000 characters reach the bound, not 1000 documents


def test_a_document_longer_than_the_bound_goes_alone() -> None:
    sizes = [len(b) for b in batches(_inputs([10, 50_000, 10]), Settings(batch_chars=1000))]
    assert sizes == [2, 1]


@given(st.lists(st.integers(min_value=-1, max_value=5000), max_size=60), st.integers(1, 40), st.integers(1, 9000))
def test_batches_keep_every_input_in_order(lengths: list[int], size: int, chars: int) -> None:
    items = _inputs(lengths)
    settings = Settings(batch_size=size, batch_chars=chars)
    got = list(batches(items, settings))
    assert [x for b in got for x in b] == items
    for b in got:
        assert 0 < len(b) <= size
        text = [len(x.content) for x in b if isinstance(x, RawInput)]
        assert sum(text[:-1]) < chars  # only the last document of a batch may cross the bound
