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
    """Fills ``doc.timexes``; uses the spaCy parse for tense when the nlp stage ran.

    The rules are English: documents in another language (``article.language``) get none.
    """

    name = "time"
    requires = ("article",)
    produces = ("timexes",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        language = doc.article.language
        if language and language != self.settings.language:
            log.debug("%s: language %s, no time expressions", doc.id, language)
            doc.timexes = []
            return doc
        doc.timexes = tag(doc.article.body, doc.article.published, doc.annotations.get("nlp"))
        return doc
