"""The actors stage: fills ``doc.actors`` with normalized, typed actor mentions of the body."""

from __future__ import annotations

import functools
import json
import logging
from bisect import bisect_right
from collections import Counter
from importlib import resources as importlib_resources
from typing import Any

from ..records import Actor, Document
from ..resources import Resources
from ..settings import Settings
from .detect import Detector
from .lexicon import load_lexicon
from .normalize import normalize

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
        dominant = dominant_country(doc)
        mentions = self.detector.find(doc.article.body, nlp_doc, dominant)
        mentions = succeed(mentions, doc.article.published)
        doc.actors = self._sentence_countries(doc, nlp_doc, mentions, dominant)
        return doc

    def _sentence_countries(
        self, doc: Document, nlp_doc: Any, mentions: list[Actor], dominant: str | None
    ) -> list[Actor]:
        """Generic mentions named after the country of their own sentence's places, when it has one
        ("Turkish police arrested protesters in Istanbul" in an article about Syria)."""
        if nlp_doc is None or not doc.places or not mentions:
            return mentions
        bounds = [(s.start_char, s.end_char) for s in nlp_doc.sents]
        starts = [a for a, _ in bounds]  # (in order and apart: the sentence holding an offset by bisection)
        out = []
        for m in mentions:
            start = m.start or 0
            at = bisect_right(starts, start) - 1
            sent = bounds[at] if at >= 0 and start < bounds[at][1] else None
            local = _country_between(doc, *sent) if sent else None
            if local and local != dominant and m.text:
                alone = normalize(m.text, None)
                if alone is None or alone.country_code is None:
                    again = normalize(m.text, local)
                    if again is not None:
                        m = Actor(again.name, again.type, m.text, m.start, m.end, again.country_code)
            out.append(m)
        return out


@functools.cache
def successions() -> tuple[dict[str, str], ...]:
    """The rules of ``data/successions.json``: groups ACLED codes as a state's forces from a date on."""
    raw = json.loads(importlib_resources.files(__package__).joinpath("data/successions.json").read_text("utf-8"))
    return tuple(raw["rules"])


def succeed(mentions: list[Actor], published: str | None) -> list[Actor]:
    """Mentions of a group that had become a state's de facto authorities when the report was published, under
    the state's name ("Taliban" in 2022 → Military Forces of Afghanistan (2021-), State forces)."""
    if not published:
        return mentions
    day = published[:10]
    out = []
    for m in mentions:
        for rule in successions():
            if m.name == rule["name"] and day >= rule["since"]:
                m = Actor(rule["becomes"], rule["type"], m.text, m.start, m.end, rule["country"])
                break
        out.append(m)
    return out


def known_as(actor: Actor) -> str:
    """An actor's name for a place's state: a de facto authority coded under the state's name keeps the group's
    own name beside it ("Military Forces of Afghanistan (2021-) (Taliban)"), so that "who holds it" reads as the
    reports say it while the events keep ACLED's name."""
    text = (actor.text or "").casefold()
    for rule in successions():
        if actor.name == rule["becomes"] and rule["name"].casefold() in text:
            return f"{actor.name} ({rule['name']})"
    return actor.name


def _country_between(doc: Document, start: int, end: int) -> str | None:
    counts = Counter(p.country_code for p in doc.places if p.country_code and start <= p.start < end)
    return counts.most_common(1)[0][0] if counts else None
