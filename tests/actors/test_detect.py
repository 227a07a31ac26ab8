"""Detection of actor mentions with offsets (no spaCy model: the dictionary and generic passes)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.actors.detect import Detector, tokenize
from dateline.actors.lexicon import load_lexicon


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector(load_lexicon())


def found(det: Detector, text: str, cc: str | None = None) -> list[tuple[str, str]]:
    mentions = det.find(text, None, cc)
    for m in mentions:
        assert m.start is not None and m.end is not None
        assert text[m.start : m.end] == m.text
    return [(m.text or "", m.name) for m in mentions]


def test_seed_like_sentence(det: Detector) -> None:
    text = (
        "Iraqi security forces had retaken the border post in late 2017 as part of an operation backed by an "
        "international coalition, after it was seized by the Daesh terror group in 2014."
    )
    assert found(det, text) == [
        ("Iraqi security forces", "Military Forces of Iraq"),
        ("international coalition", "Global Coalition against Daesh"),
        ("Daesh terror group", "Islamic State"),
    ]


def test_group_tail_and_alliance(det: Detector) -> None:
    text = "Iraqi forces backed by the Hashed Al Shaabi paramilitary alliance and the anti-Daesh coalition."
    assert found(det, text) == [
        ("Iraqi forces", "Military Forces of Iraq"),
        ("Hashed Al Shaabi paramilitary alliance", "Popular Mobilization Forces"),
        ("anti-Daesh coalition", "Global Coalition against Daesh"),
    ]


def test_acronyms_are_case_sensitive(det: Detector) -> None:
    assert found(det, "IS fighters attacked the town.") == [("IS fighters", "Islamic State")]
    assert found(det, "It is what it is.") == []
    assert found(det, "The data was hashed.") == []


def test_anti_prefix_does_not_make_a_mention(det: Detector) -> None:
    assert [n for _, n in found(det, "an anti-Daesh campaign")] == []


def test_generic_mentions_take_the_context_country(det: Detector) -> None:
    assert found(det, "Police fired tear gas at protesters.", "IQ") == [
        ("Police", "Police Forces of Iraq"),
        ("protesters", "Protesters (Iraq)"),
    ]


def test_listed_demonyms_share_the_noun(det: Detector) -> None:
    assert found(det, "Russian and Syrian warplanes bombed Idlib.") == [
        ("Russian", "Military Forces of Russia"),
        ("Syrian warplanes", "Military Forces of Syria"),
    ]


def test_backer_of_x_backed_is_a_mention(det: Detector) -> None:
    assert found(det, "Iran-backed militias shelled the base.", "IQ") == [
        ("Iran", "Military Forces of Iran"),
        ("militias", "Unidentified Armed Group (Iraq)"),
    ]


def test_bare_extremists_corefer_to_the_last_named_group(det: Detector) -> None:
    text = "Daesh seized the town in 2014. Troops declared victory over the extremists in 2017."
    assert found(det, text, "IQ")[-1] == ("extremists", "Islamic State")


def test_news_agency_staff_are_not_actors(det: Detector) -> None:
    assert found(det, "It reopened on Monday, an AFP reporter said. An AFP video journalist saw trucks.") == []


def test_repeated_text_finds_every_mention(det: Detector) -> None:
    text = "Iraqi forces backed by the coalition retook the town from Daesh. " * 200
    mentions = det.find(text, None, "IQ")
    assert len(mentions) == 600
    assert mentions[1].name == "Global Coalition against Daesh"


@given(st.text(alphabet=st.sampled_from(list("abc IS-Daesh'sIraqi forces.,")), max_size=120))
def test_offsets_always_point_at_the_text(text: str) -> None:
    det = Detector(load_lexicon())
    mentions = det.find(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text  # type: ignore[index]
    spans: list[Any] = sorted((m.start, m.end) for m in mentions)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@given(st.text(max_size=200))
def test_tokens_point_at_the_text(text: str) -> None:
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forces loyal to Khalifa Haftar attacked Tripoli.",
         ("Forces loyal to Khalifa Haftar", "Military Forces of Libya Haftar Faction")),
        ("fighters loyal to the government retook the town", ("fighters loyal to the government",
                                                                "Military Forces of Libya")),
        ("militiamen loyal to former President Ali Saleh clashed", ("militiamen loyal to former President Ali Saleh",
                                                                    "Militia (Pro-Ali Saleh)")),
    ],
)
def test_forces_loyal_to(det: Detector, text: str, expected: tuple[str, str]) -> None:
    assert found(det, text, "LY")[0] == expected


def test_the_group_is_the_last_named_armed_group(det: Detector) -> None:
    text = "Al-Shabaab fighters attacked a base. The group claimed responsibility."
    assert found(det, text, "SO") == [("Al-Shabaab fighters", "Al-Shabaab"), ("group", "Al-Shabaab")]
    assert found(det, "The group of students marched.", "SO") == [("students", "Civilians (Somalia)")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A UN spokesman said U.N. soldiers were attacked.",
         [("UN spokesman", "United Nations"), ("U.N. soldiers", "United Nations")]),
        ("The Republican Guard shelled the town.", [("Republican Guard", "Military Forces of Iraq")]),
    ],
)
def test_regression_named_heads_and_guards(det: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(det, text, "IQ") == expected
