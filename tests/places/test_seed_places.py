"""End to end on the seed article's body with the real model and gazetteer."""

from __future__ import annotations

import math

import pytest

from dateline.pipeline import Pipeline
from dateline.records import RawInput
from dateline.settings import Settings


def _km(lat1, lon1, lat2, lon2):
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


@pytest.mark.slow
def test_seed_body_places(shared_dir) -> None:
    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    body = text.split("AL QAIM, Iraq — ", 1)[1].split("\nRelated Articles", 1)[0]
    pipeline = Pipeline.from_settings(Settings(stages=("article", "language", "nlp", "places")))
    doc = pipeline(RawInput("seed", "body", body))
    by_text: dict[str, list] = {}
    for p in doc.places:
        assert body[p.start : p.end] == p.text
        by_text.setdefault(p.text, []).append(p)
    for surface, point, limit in (("Al-Qaim", (34.39, 40.99), 25), ("Albu Kamal", (34.45, 40.92), 25),
                                  ("Baghdad", (33.34, 44.40), 25), ("Damascus", (33.51, 36.29), 25),
                                  ("Deir Ezzor", (35.34, 40.14), 150), ("Anbar", (33.4, 42.0), 300)):
        assert by_text.get(surface), surface
        assert all(_km(p.lat, p.lon, *point) <= limit for p in by_text[surface]), surface
    assert all(p.country_code == "IQ" for p in by_text["Iraq"])
    assert all(p.country_code == "SY" for p in by_text["Syria"])
    assert "Daesh" not in by_text and "AFP" not in by_text
    assert any("Euphrates" in t for t in by_text)
