"""The time stage: TIMEX3 expressions anchored on the publication date.

:func:`tag` finds and normalizes the time expressions of a text (rules in ``rules.tsv``,
words in ``lexicon.json``); :func:`~dateline.timex.dating.date_event` dates an event from
them. The stage fills ``doc.timexes`` with offsets into ``article.body``.
"""

from __future__ import annotations

import logging

from ..records import Document
from ..resources import Resources
from ..settings import Settings
from .tagger import tag

__all__ = ["TimeStage", "tag"]

log = logging.getLogger(__name__)


class TimeStage:
    """Fills ``doc.timexes``; uses the spaCy parse for tense when the nlp stage ran."""

    name = "time"
    requires = ("article",)
    produces = ("timexes",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        body = doc.article.body
        doc.timexes = tag(body, doc.article.published, doc.annotations.get("nlp"))
        return doc
