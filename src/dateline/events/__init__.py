"""The events stage: ACLED-coded events with actors, place, date, modality and evidence.

Not built yet (issue: Events); the stage produces no events rather than invented ones.
"""

from __future__ import annotations

from ..records import Document
from ..resources import Resources
from ..settings import Settings

__all__ = ["EventsStage"]


class EventsStage:
    name = "events"
    requires = ("article", "nlp", "places", "timexes", "actors")
    produces = ("events",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        return doc
