"""The actors stage in a pipeline: offsets, country context, the seed article."""

from __future__ import annotations

import spacy

from dateline.actors import ActorsStage
from dateline.actors.stage import dominant_country
from dateline.records import Article, Dateline, Document, GeoRef, Place
from dateline.resources import Resources
from dateline.settings import Settings


def make_doc(body: str) -> Document:
    return Document(id="t", article=Article(id="t", body=body))


def test_stage_fills_actors_with_offsets_without_a_parse() -> None:
    stage = ActorsStage(Settings(), Resources(Settings(), nlp=spacy.blank("en")))
    doc = make_doc("Protesters clashed with police in Baghdad.")
    doc.places = [Place("Baghdad", 34, 41, country_code="IQ")]
    out = stage(doc)
    assert [(a.text, a.name) for a in out.actors] == [
        ("Protesters", "Protesters (Iraq)"),
        ("police", "Police Forces of Iraq"),
    ]
    assert all(doc.article.body[a.start : a.end] == a.text for a in out.actors)  # type: ignore[index]


def test_dominant_country_prefers_places_then_dateline() -> None:
    doc = make_doc("x")
    assert dominant_country(doc) is None
    doc.article.dateline = Dateline("AL QAIM, Iraq", GeoRef("Al Qaim", country_code="IQ"))
    assert dominant_country(doc) == "IQ"
    doc.places = [Place("Syria", 0, 5, country_code="SY")] * 2 + [Place("Iraq", 0, 4, country_code="IQ")]
    assert dominant_country(doc) == "SY"


def test_generic_mentions_take_their_sentence_country() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    body = "Troops shelled Idlib and Aleppo. Police arrested protesters in Istanbul."
    doc = make_doc(body)
    doc.places = [
        Place("Idlib", 15, 20, country_code="SY"),
        Place("Aleppo", 25, 31, country_code="SY"),
        Place("Istanbul", 62, 70, country_code="TR"),
    ]
    doc.annotations["nlp"] = nlp(body)
    out = ActorsStage(Settings(), Resources(Settings(), nlp=nlp))(doc)
    assert [(a.text, a.name) for a in out.actors] == [
        ("Troops", "Military Forces of Syria"),
        ("Police", "Police Forces of Turkey"),
        ("protesters", "Protesters (Turkey)"),
    ]
