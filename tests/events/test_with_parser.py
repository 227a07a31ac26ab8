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


@pytest.mark.parametrize(("sentence", "expected"), [
    # the protest is only planned: the arrests are the event
    ("Police in Dhaka arrested 40 opposition activists ahead of a planned general strike.", "Arrests"),
    # "alleged" is how reports name attacks; it does not make them hypothetical
    ("Dozens of civilians were hurt in an alleged chemical attack on the town.", "Chemical weapon"),
    # a militia named by the actors stage makes the killing political violence
    ("Fulani herders attacked farming communities in Plateau state, killing at least 30 people.", "Attack"),
    # the strike "called to protest" is hypothetical under the parse; the shops shut are the asserted protest
    ("Shopkeepers shut their businesses in a strike called by traders to protest against a new tax.",
     "Peaceful protest"),
])
def test_regression_modifiers_and_armed_groups(nlp, sentence: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    if expected == "Attack":
        from dateline.pipeline import Pipeline
        from dateline.records import RawInput

        doc = Pipeline.from_settings()(RawInput("t", "body", sentence))
        got = max(doc.events, key=lambda e: e.confidence).sub_event_type if doc.events else None
    else:
        got = _top(nlp, sentence)
    assert got == expected
