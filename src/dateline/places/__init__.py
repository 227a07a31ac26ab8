"""The places stage: toponyms in the body, resolved against an offline GeoNames gazetteer.

Not built yet (issue: Places); the stage produces no places rather than invented ones.
"""

from __future__ import annotations

from ..records import Document
from ..resources import Resources
from ..settings import Settings

__all__ = ["PlacesStage"]


class PlacesStage:
    name = "places"
    requires = ("article", "nlp")
    produces = ("places",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        return doc
