"""The actors stage: who is named, normalized and typed with ACLED's categories.

Not built yet (issue: Events); the stage produces no actors rather than invented ones.
"""

from __future__ import annotations

from ..records import Document
from ..resources import Resources
from ..settings import Settings

__all__ = ["ActorsStage"]


class ActorsStage:
    name = "actors"
    requires = ("article", "nlp")
    produces = ("actors",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        return doc
