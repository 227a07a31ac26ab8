"""The same family and modality cases, with the real spaCy parse (slow: loads the model)."""

from __future__ import annotations

import pytest

from dateline.events import extract_events
from dateline.resources import Resources

from .helpers import doc_of
from .test_families import CASES, NON_EVENTS
from .test_modality import UNASSERTED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return Resources().nlp()


def _top(nlp, sentence: str) -> str | None:  # type: ignore[no-untyped-def]
    doc = doc_of(sentence)
    doc.annotations["nlp"] = nlp(sentence)
    evs = extract_events(doc)
    return max(evs, key=lambda e: e.confidence).sub_event_type if evs else None


def test_families_with_parser(nlp) -> None:  # type: ignore[no-untyped-def]
    wrong = [(s, e, _top(nlp, s)) for s, e in CASES if _top(nlp, s) != e]
    assert len(wrong) <= 2, wrong


def test_non_events_and_unasserted_with_parser(nlp) -> None:  # type: ignore[no-untyped-def]
    fired = [(s, _top(nlp, s)) for s in NON_EVENTS + [u for u, _ in UNASSERTED] if _top(nlp, s) is not None]
    assert not fired, fired
