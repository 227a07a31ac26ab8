"""The Bloom filter of the index's name keys (:mod:`dateline.places.keyfilter`): a look-up of a
name the index lacks needs no query, and look-ups return exactly what the index holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.places import gazetteer as gz
from dateline.places import keyfilter
from dateline.settings import Settings

from .test_index_logic import tiny, tiny_places  # noqa: F401  (the fixture)


@given(st.lists(st.text(max_size=12), max_size=40), st.lists(st.text(max_size=12), max_size=40))
def test_every_key_of_the_filter_may_be_there(keys: list[str], others: list[str]) -> None:
    found = keyfilter.KeyFilter.from_keys(keys)
    assert all(k in found for k in keys)  # no false negative, ever
    assert sum(k in found for k in others if k not in keys) <= 2  # (2 bits of 2**24: next to none)


def test_built_with_the_index_and_lookups_unchanged(tiny, tmp_path) -> None:  # noqa: F811
    settings = Settings(cache_dir=tmp_path)
    gaz = gz.load_gazetteer(settings)
    path = keyfilter.filter_path(gz.index_path(settings), gaz.meta)
    assert path.is_file() and path.stat().st_size == 1 << 21  # written when the index was built
    keys = ["alqaim", "kaim", "iraq", "baghdad", "", "~lqm", "monday"]
    filtered = [gaz.lookup(k) for k in keys]
    unfiltered = gz.IndexedGazetteer(gz.index_path(settings))
    unfiltered._keys = _Everything()  # type: ignore[assignment]
    assert filtered == [unfiltered._lookup(k) for k in keys]
    assert [m.entry.gid for m in filtered[0]] == ["92138"] and filtered[3] == []


def test_missing_or_damaged_filter_is_built_again(tiny, tmp_path) -> None:  # noqa: F811
    settings = Settings(cache_dir=tmp_path)
    gaz = gz.load_gazetteer(settings)
    path = keyfilter.filter_path(gz.index_path(settings), gaz.meta)
    path.write_bytes(b"half a file")
    again = gz.IndexedGazetteer(gz.index_path(settings))
    assert [m.entry.gid for m in again.lookup("alqaim")] == ["92138"]
    assert path.stat().st_size == 1 << 21
    path.unlink()
    assert [m.entry.gid for m in gz.IndexedGazetteer(gz.index_path(settings)).lookup("iraq")] == ["99237"]
    assert path.is_file()


class _Everything:
    def __contains__(self, key: object) -> bool:
        return True
