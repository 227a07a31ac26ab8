"""The places stage: toponyms in the body, resolved against an offline GeoNames gazetteer.

For each document: candidate mentions are found by matching capitalized spans and demonyms
against the gazetteer (:mod:`.detect`), kept or dropped with the NER labels and the context,
and resolved in context (:mod:`.resolve`). The dateline's place (``AL QAIM, Iraq``) is resolved
too and its country steers the rest. Options: ``places.demonyms`` (default True: adjectival
uses such as "Iraqi forces" are places of the country, as the GeoWebNews annotation has it).
"""

from __future__ import annotations

import logging

from ..nlp_tokens import place_mentions
from ..records import Document, GeoRef, Place
from ..resources import Resources
from ..settings import Settings
from .detect import Mention, Token, detect
from .entries import Entry, Gazetteer, Match, MemoryGazetteer
from .lexicon import state_abbreviations
from .normalize import name_key
from .resolve import resolve
from .scoring import is_capital, prior
from .units import acled_admin1

__all__ = ["Entry", "Gazetteer", "Match", "MemoryGazetteer", "PlacesStage", "find_places", "resolve_dateline"]

log = logging.getLogger(__name__)


def resolve_dateline(text: str, gazetteer: Gazetteer) -> GeoRef | None:
    """The place of a dateline such as ``AL QAIM, Iraq`` or ``WASHINGTON``."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return None
    matches = gazetteer.lookup(name_key(parts[0]))
    if not matches:
        return None
    scored = []
    for m in matches:
        score = prior(m)
        if m.entry.feature == "city":  # a dateline names a town
            score += 1.5 + (0.8 if is_capital(m.entry) else 0.0)
        for qualifier in parts[1:]:
            qualifier = state_abbreviations().get(qualifier, qualifier)  # "SPRINGFIELD, Mo."
            for q in gazetteer.lookup(name_key(qualifier)):
                if q.entry.feature == "country" and q.entry.country_code == m.entry.country_code:
                    score += 3
                elif q.entry.feature == "admin1" and (q.entry.country_code, q.entry.admin1_code) == (
                    m.entry.country_code,
                    m.entry.admin1_code,
                ):
                    score += 3.5
        if m.entry.feature in ("city", "admin1", "admin2", "country"):
            scored.append((score, m.entry))
    if not scored:
        return None
    return max(scored, key=lambda s: s[0])[1].georef()


def find_places(
    body: str,
    tokens: list[Token],
    gazetteer: Gazetteer,
    dateline_country: str | None = None,
    demonyms: bool = True,
    fixed: dict[str, str] | None = None,
) -> list[Place]:
    """The resolved place mentions of ``body`` (offsets into it), in text order."""
    return _resolved(body, detect(body, tokens, gazetteer.lookup), gazetteer, dateline_country, demonyms, fixed)


def _resolved(body: str, mentions: list[Mention], gazetteer: Gazetteer, dateline_country: str | None,
              demonyms: bool, fixed: dict[str, str] | None) -> list[Place]:
    """:func:`find_places` of the detected ``mentions``."""
    if not demonyms:
        mentions = [m for m in mentions if m.demonym is None]
    places = []
    for m, entry, confidence in resolve(body, mentions, gazetteer, dateline_country, fixed):
        ref = entry.georef()
        places.append(
            Place(
                text=m.text, start=m.start, end=m.end, name=ref.name, geonameid=ref.geonameid, lat=ref.lat,
                lon=ref.lon, country_code=ref.country_code,
                admin1=acled_admin1(ref.country_code, ref.admin1, ref.feature, ref.lat, ref.lon),
                feature=ref.feature, score=confidence,
            )
        )
    return places


class PlacesStage:
    name = "places"
    requires = ("article", "nlp")
    produces = ("places",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings
        self.resources = resources
        self.demonyms = bool(settings.option("places.demonyms", True))

    def __call__(self, doc: Document) -> Document:
        gazetteer = self.resources.gazetteer()
        article = doc.article
        country = None
        fixed: dict[str, str] = {}
        if article.dateline is not None and article.dateline.text:
            if article.dateline.place is None:
                article.dateline.place = resolve_dateline(article.dateline.text, gazetteer)
            place = article.dateline.place
            if place is not None:
                country = place.country_code
                if place.geonameid:
                    fixed[name_key(article.dateline.text.split(",")[0])] = place.geonameid
        parsed = doc.annotations.get("nlp")
        kept = doc.annotations.get("place_tokens")  # (the nlp stage's scan before NER: dateline.nlp_tokens)
        # (= detect(body, tokens_from_spacy(parsed)), the candidate scan made once)
        mentions = place_mentions(parsed, article.body, gazetteer.lookup, kept) if parsed is not None else []
        doc.places = _resolved(article.body, mentions, gazetteer, country, self.demonyms, fixed)
        return doc
