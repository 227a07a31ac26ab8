"""The actors stage: fills ``doc.actors`` with normalized, typed actor mentions of the body."""

from __future__ import annotations

import logging
from collections import Counter

from ..records import Document
from ..resources import Resources
from ..settings import Settings
from .detect import Detector
from .lexicon import load_lexicon

__all__ = ["ActorsStage", "dominant_country"]

log = logging.getLogger(__name__)


def dominant_country(doc: Document) -> str | None:
    """The country an article is about: the most mentioned country among its resolved places,
    else its dateline's country."""
    counts = Counter(p.country_code for p in doc.places if p.country_code)
    if counts:
        return counts.most_common(1)[0][0]
    dl = doc.article.dateline
    if dl is not None and dl.place is not None and dl.place.country_code:
        return dl.place.country_code
    return None


class ActorsStage:
    """Detects actor mentions in ``article.body`` (dictionary, generic rules, parse) with offsets.

    Generic mentions without a demonym ("security forces", "protesters") are named after
    the article's dominant country (:func:`dominant_country`).
    """

    name = "actors"
    requires = ("article", "nlp")
    produces = ("actors",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings
        self.resources = resources
        self._detector: Detector | None = None

    @property
    def detector(self) -> Detector:
        if self._detector is None:
            self._detector = Detector(load_lexicon())
        return self._detector

    def __call__(self, doc: Document) -> Document:
        nlp_doc = doc.annotations.get("nlp")
        doc.actors = self.detector.find(doc.article.body, nlp_doc, dominant_country(doc))
        return doc
