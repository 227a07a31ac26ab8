"""Fixtures of the actor tests: the real spaCy model, loaded once (slow tests only)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def nlp() -> Any:
    from dateline.nlp import load_model
    from dateline.settings import Settings

    return load_model(Settings())


@pytest.fixture(scope="session")
def detector() -> Any:
    from dateline.actors.detect import Detector
    from dateline.actors.lexicon import load_lexicon

    return Detector(load_lexicon())
