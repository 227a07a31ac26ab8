"""normalize(): surface forms to ACLED-style names and actor types."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.actors import localize, normalize
from dateline.records import ACLED_ACTOR_TYPES, Actor

CASES = [
    # (surface, context country, name, type)
    ("Iraqi security forces", None, "Military Forces of Iraq", "State forces"),
    ("Iraqi troops", None, "Military Forces of Iraq", "State forces"),
    ("the Iraqi army", None, "Military Forces of Iraq", "State forces"),
    ("Iraq's army", None, "Military Forces of Iraq", "State forces"),
    ("security forces", "IQ", "Military Forces of Iraq", "State forces"),
    ("the Daesh terror group", None, "Islamic State", "Rebel group"),
    ("Daesh", None, "Islamic State", "Rebel group"),
    ("ISIS", None, "Islamic State", "Rebel group"),
    ("ISIL", None, "Islamic State", "Rebel group"),
    ("IS", None, "Islamic State", "Rebel group"),
    ("Islamic State", None, "Islamic State", "Rebel group"),
    ("the Islamic State group", None, "Islamic State", "Rebel group"),
    ("Islamic State of Iraq and the Levant", None, "Islamic State", "Rebel group"),
    ("an international coalition against the extremists", None, "Global Coalition against Daesh",
     "External/Other forces"),
    ("the anti-Daesh coalition", None, "Global Coalition against Daesh", "External/Other forces"),
    ("the US-led coalition", None, "Global Coalition against Daesh", "External/Other forces"),
    ("the coalition", "IQ", "Global Coalition against Daesh", "External/Other forces"),
    ("the coalition", "YE", "Saudi-led Coalition", "External/Other forces"),
    ("the Hashed Al Shaabi paramilitary alliance", None, "Popular Mobilization Forces", "State forces"),
    ("Hashd al-Shaabi", None, "Popular Mobilization Forces", "State forces"),
    ("PMF", None, "Popular Mobilization Forces", "State forces"),
    ("Popular Mobilisation Units", None, "Popular Mobilization Forces", "State forces"),
    ("Syrian regime forces", None, "Military Forces of Syria", "State forces"),
    ("Iraqi federal authorities", None, "Government of Iraq", "State forces"),
    ("the government of Iraq", None, "Government of Iraq", "State forces"),
    ("Baghdad", None, "Government of Iraq", "State forces"),
    ("Kurdish forces", None, "Kurdish Armed Forces", "Rebel group"),
    ("Iraqi police", None, "Police Forces of Iraq", "State forces"),
    ("police", "IQ", "Police Forces of Iraq", "State forces"),
    ("protesters", "IQ", "Protesters (Iraq)", "Protesters"),
    ("demonstrators", "FR", "Protesters (France)", "Protesters"),
    ("rioters", "NG", "Rioters (Nigeria)", "Rioters"),
    ("villagers", "ML", "Civilians (Mali)", "Civilians"),
    ("students", "US", "Civilians (United States)", "Civilians"),
    ("gunmen", "NG", "Unidentified Armed Group (Nigeria)", "Political militia"),
    ("unidentified armed group", "SO", "Unidentified Armed Group (Somalia)", "Political militia"),
    ("militants", "IQ", "Unidentified Rebel Group (Iraq)", "Rebel group"),
    ("Israeli warplanes", "SY", "Military Forces of Israel", "External/Other forces"),
    ("Russian forces", "SY", "Military Forces of Russia", "External/Other forces"),
    ("Russian forces", "RU", "Military Forces of Russia", "State forces"),
    ("US forces", "IQ", "Military Forces of the United States", "External/Other forces"),
    ("Turkish troops", "SY", "Military Forces of Turkey", "External/Other forces"),
    ("SDF", None, "Syrian Democratic Forces", "Rebel group"),
    ("YPG", None, "People's Protection Units", "Rebel group"),
    ("PKK", None, "Kurdistan Workers' Party", "Rebel group"),
    ("HTS", None, "Hayat Tahrir al-Sham", "Rebel group"),
    ("al-Nusra Front", None, "Jabhat al-Nusra", "Rebel group"),
    ("Hezbollah fighters", None, "Hezbollah", "Political militia"),
    ("Houthi rebels", None, "Military Forces of Yemen Supreme Political Council", "State forces"),
    ("Ansar Allah", None, "Military Forces of Yemen Supreme Political Council", "State forces"),
    ("the Taliban", None, "Taliban", "Rebel group"),
    ("al-Shabab militants", None, "Al-Shabaab", "Rebel group"),
    ("Boko Haram", None, "Boko Haram", "Rebel group"),
    ("ISWAP", None, "Islamic State West Africa Province", "Rebel group"),
    ("al-Qaeda", None, "Al-Qaeda", "Rebel group"),
    ("AQAP", None, "Al-Qaeda in the Arabian Peninsula", "Rebel group"),
    ("JNIM", None, "JNIM: Group for Support of Islam and Muslims", "Rebel group"),
    ("Hamas", None, "Hamas", "Rebel group"),
    ("Islamic Jihad", None, "Palestinian Islamic Jihad", "Rebel group"),
    ("the Free Syrian Army", None, "Free Syrian Army", "Rebel group"),
    ("SNA", "SY", "Syrian National Army", "Rebel group"),
    ("SNA", "SO", "Military Forces of Somalia", "State forces"),
    ("Wagner mercenaries", "ML", "Wagner Group", "External/Other forces"),
    ("RSF", "SD", "Rapid Support Forces", "Rebel group"),
    ("M23 rebels", None, "March 23 Movement", "Rebel group"),
    ("ADF", "CD", "Allied Democratic Forces", "Rebel group"),
    ("ADF", "CM", "Ambazonian Separatists", "Rebel group"),
    ("Fano militia", None, "Fano Militia", "Identity militia"),
    ("Fulani militia", None, "Fulani Ethnic Militia (Nigeria)", "Identity militia"),
    ("tribal militia", "YE", "Unidentified Communal Militia (Yemen)", "Identity militia"),
    ("UN peacekeepers", "ML", "United Nations", "External/Other forces"),
]


@pytest.mark.parametrize(("surface", "cc", "name", "kind"), CASES)
def test_normalize_table(surface: str, cc: str | None, name: str, kind: str) -> None:
    actor = normalize(surface, cc)
    assert actor is not None, surface
    assert (actor.name, actor.type) == (name, kind)
    assert actor.type in ACLED_ACTOR_TYPES


@pytest.mark.parametrize("surface", ["AFP reporter", "AFP video journalist", "hashed", "the border post", "forces", ""])
def test_not_actors(surface: str) -> None:
    assert normalize(surface, "IQ") is None


def test_generic_without_country_keeps_acled_stem() -> None:
    assert normalize("protesters") == Actor("Protesters", "Protesters")


def test_localize_marks_foreign_military_as_external() -> None:
    mention = Actor("Military Forces of Turkey", "State forces", "Turkish troops", 0, 14, "TR")
    assert localize(mention, "SY").type == "External/Other forces"
    assert localize(mention, "TR").type == "State forces"
    assert localize(mention, "SY").start == 0


def test_localize_names_generic_mentions_after_the_event_country() -> None:
    mention = Actor("Protesters", "Protesters", "protesters", 5, 15, None)
    assert localize(mention, "IQ") == Actor("Protesters (Iraq)", "Protesters", "protesters", 5, 15, "IQ")


@given(st.text(max_size=80), st.sampled_from([None, "IQ", "SY", "XX", ""]))
def test_normalize_never_raises(text: str, cc: str | None) -> None:
    actor = normalize(text, cc)
    assert actor is None or actor.type in ACLED_ACTOR_TYPES


@pytest.mark.parametrize(
    ("surface", "cc", "name"),
    [
        ("Palestinians", None, "Civilians (Palestine)"),
        ("Iraqi Kurds", None, "Civilians (Iraq)"),
        ("two Afghans", None, "Civilians (Afghanistan)"),
        ("Kurds", "SY", "Civilians (Syria)"),
        ("Syrian government fighters", None, "Military Forces of Syria"),
        ("opposition soldiers", "SS", "Unidentified Rebel Group (South Sudan)"),
        ("Ethnic militia forces", "SY", "Unidentified Communal Militia (Syria)"),
        ("pro-government militiamen", "LY", "Pro-Government Militia (Libya)"),
        ("provincial police chief", "AF", "Police Forces of Afghanistan"),
        ("U.S. border patrol", None, "Police Forces of the United States"),
        ("Montenegro's prime minister", None, "Government of Montenegro"),
    ],
)
def test_plural_peoples_and_shifted_categories(surface: str, cc: str | None, name: str) -> None:
    actor = normalize(surface, cc)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("a military spokesman", "Military Forces of Syria"),
        ("a police official", "Police Forces of Syria"),
        ("government spokesman", "Government of Syria"),
        ("anti-regime demonstrators", "Protesters (Syria)"),
        ("rebel positions", "Unidentified Rebel Group (Syria)"),
        ("army checkpoint", "Military Forces of Syria"),
    ],
)
def test_speakers_and_possessions(surface: str, name: str) -> None:
    actor = normalize(surface, "SY")
    assert actor is not None and actor.name == name


def test_regression_country_named_like_a_plural_demonym() -> None:
    actor = normalize("the Philippines")
    assert actor is not None and actor.name == "Government of the Philippines"


@pytest.mark.parametrize(("acronym", "cc"), [("APC", "IQ"), ("MIT", "US"), ("RSF", "FR"), ("SNA", None)])
def test_regression_local_acronyms_only_count_at_home(acronym: str, cc: str | None) -> None:
    assert normalize(acronym, cc) is None
