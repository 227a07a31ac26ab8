"""The seed article end to end: the actors an analyst names in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.pipeline import Pipeline
from dateline.records import RawInput
from dateline.settings import Settings

pytestmark = pytest.mark.slow


def test_seed_actors(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    settings = Settings(stages=("article", "language", "nlp", "actors"))
    doc = Pipeline.from_settings(settings)(RawInput(id="seed", kind="text", content=text))
    body = doc.article.body
    names = {(a.text, a.name, a.type) for a in doc.actors}
    assert all(body[a.start : a.end] == a.text for a in doc.actors)  # type: ignore[index]
    assert ("Iraqi security forces", "Military Forces of Iraq", "State forces") in names
    assert ("Daesh terror group", "Islamic State", "Rebel group") in names
    assert ("international coalition", "Global Coalition against Daesh", "External/Other forces") in names
    assert ("anti-Daesh coalition", "Global Coalition against Daesh", "External/Other forces") in names
    assert ("Hashed Al Shaabi paramilitary alliance", "Popular Mobilization Forces", "State forces") in names
    assert ("Syrian regime forces", "Military Forces of Syria", "State forces") in names
    assert ("Iraqi federal authorities", "Government of Iraq", "State forces") in names
    assert ("Kurdish forces", "Kurdish Armed Forces", "Rebel group") in names
    assert not [a for a in doc.actors if "AFP" in (a.text or "")]
