"""The stage's options: the reporting threshold and keeping unasserted events."""

from __future__ import annotations

from dateline.events import EventsStage
from dateline.resources import Resources
from dateline.settings import Settings

from .helpers import doc_of

TEXT = "Rebels attacked an army base on Monday. The insurgents threatened to attack the capital."


def _run(*options: tuple[str, object]):  # type: ignore[no-untyped-def]
    settings = Settings(options=options)
    return EventsStage(settings, Resources(settings))(doc_of(TEXT)).events


def test_default_reports_asserted_events_only() -> None:
    assert [e.modality for e in _run()] == ["asserted"]


def test_unasserted_events_kept_on_request() -> None:
    modalities = {e.modality for e in _run(("events.keep_unasserted", True))}
    assert "asserted" in modalities and modalities - {"asserted"}


def test_threshold_option() -> None:
    assert _run(("events.min_confidence", 0.99)) == []
