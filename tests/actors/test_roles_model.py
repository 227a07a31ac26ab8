"""assign_roles() with the real spaCy model on short invented news sentences."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.actors.roles import assign_roles

pytestmark = pytest.mark.slow


def roles_of(nlp: Any, detector: Any, text: str, trigger: str, cc: str | None = None) -> tuple[Any, Any, list[str]]:
    doc = nlp(text)
    mentions = detector.find(text, doc, cc)
    tok = next(t for t in doc if t.text == trigger)
    roles = assign_roles(tok, [m for m in mentions if tok.sent.start_char <= m.start < tok.sent.end_char], tok.sent)
    name = lambda a: a.name if a else None  # noqa: E731
    return name(roles.actor1), name(roles.actor2), [a.name for a in roles.assoc]


CASES = [
    ("Iraqi security forces had retaken the border post near the town of Al-Qaim in late 2017 as part of a "
     "massive operation backed by an international coalition against the extremists.", "retaken", "IQ",
     ("Military Forces of Iraq", "Unidentified Rebel Group (Iraq)", ["Global Coalition against Daesh"])),
    ("A border crossing on a vital highway, seized by the Daesh terror group in 2014, reopened on Monday.",
     "seized", "IQ", ("Islamic State", None, [])),
    ("Gunmen killed three villagers in Zamfara state on Tuesday.", "killed", "NG",
     ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)", [])),
    ("Three soldiers were killed by al-Shabaab militants in an ambush near Mogadishu.", "killed", "SO",
     ("Al-Shabaab", "Military Forces of Somalia", [])),
    ("Israeli warplanes struck Hamas positions in Gaza overnight.", "struck", "PS",
     ("Military Forces of Israel", "Hamas", [])),
    ("Police fired tear gas at protesters in Baghdad.", "fired", "IQ",
     ("Police Forces of Iraq", "Protesters (Iraq)", [])),
    ("Nigerian troops, with the support of the Multinational Joint Task Force, repelled a Boko Haram attack.",
     "repelled", "NG", ("Military Forces of Nigeria", "Boko Haram", ["Multinational Joint Task Force"])),
    ("The Taliban launched an attack on an army checkpoint in Helmand.", "attack", "AF",
     ("Taliban", "Military Forces of Afghanistan", [])),
    ("Russian-backed separatists shelled Ukrainian positions near Donetsk overnight.", "shelled", "UA",
     ("Donetsk People's Republic", "Military Forces of Ukraine", [])),
    ("Militants loyal to the Islamic State group beheaded two Christians in Sinai.", "beheaded", "EG",
     ("Islamic State", "Civilians (Egypt)", [])),
    ("Police used water cannon to disperse thousands of opposition supporters in Kampala.", "disperse", "UG",
     ("Police Forces of Uganda", "Civilians (Uganda)", [])),
    ("SDF fighters, backed by US-led coalition air strikes, captured the village from IS.", "captured", "SY",
     ("Syrian Democratic Forces", "Islamic State", ["Global Coalition against Daesh"])),
    ("Turkish-backed rebels clashed with Kurdish fighters near Afrin.", "clashed", "SY",
     ("Unidentified Rebel Group (Syria)", "Kurdish Armed Forces", ["Military Forces of Turkey"])),
]


@pytest.mark.parametrize(("text", "trigger", "cc", "expected"), CASES)
def test_roles_on_real_parses(nlp: Any, detector: Any, text: str, trigger: str, cc: str, expected: Any) -> None:
    assert roles_of(nlp, detector, text, trigger, cc) == expected


def test_regression_seized_by_daesh_is_not_the_reopener(nlp: Any, detector: Any) -> None:
    text = ("A border crossing on a vital highway linking the capitals of Iraq and Syria, seized by the Daesh "
            "terror group in 2014, reopened on Monday, an AFP reporter said.")
    assert roles_of(nlp, detector, text, "reopened", "IQ") == (None, None, [])
    assert roles_of(nlp, detector, text, "seized", "IQ")[0] == "Islamic State"


def test_regression_aid_recipient_is_not_a_backer(nlp: Any, detector: Any) -> None:
    text = "Britain has promised to continue military aid to Mozambique."
    assert roles_of(nlp, detector, text, "promised", "MZ")[1] == "Government of Mozambique"
