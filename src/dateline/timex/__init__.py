"""The time stage: TIMEX3 expressions anchored on the publication date.

Not built yet (issue: Time); the stage produces no expressions rather than invented ones.
"""

from __future__ import annotations

from ..records import Document
from ..resources import Resources
from ..settings import Settings

__all__ = ["TimeStage"]


class TimeStage:
    name = "time"
    requires = ("article",)
    produces = ("timexes",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        return doc
