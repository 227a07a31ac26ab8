"""The compiled index: built automatically on first use into an empty cache, then reused."""

from __future__ import annotations

import pytest

from dateline.places.gazetteer import index_path, load_gazetteer
from dateline.places.normalize import name_key
from dateline.settings import Settings


@pytest.mark.slow
def test_index_builds_on_first_use_and_resolves_the_seed_names(tmp_path) -> None:
    settings = Settings(cache_dir=tmp_path)
    gaz = load_gazetteer(settings)
    assert index_path(settings).is_file()
    ids = {m.entry.gid for m in gaz.lookup(name_key("Al-Qaim"))}
    assert "92138" in ids
    assert "174448" in {m.entry.gid for m in gaz.lookup(name_key("Albu Kamal"))}
    assert any(m.entry.feature == "admin1" and m.entry.country_code == "IQ" for m in gaz.lookup(name_key("Anbar")))
    assert any(m.entry.feature == "river" for m in gaz.lookup(name_key("Euphrates")))
    country = gaz.country("IQ")
    assert country is not None and country.gid == "99237"
    # a second load reuses the index (same file, no rebuild)
    mtime = index_path(settings).stat().st_mtime
    load_gazetteer(settings)
    assert index_path(settings).stat().st_mtime == mtime
