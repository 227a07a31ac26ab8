"""Fatalities where stated, with numbers in digits or words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.events.fatalities import fatalities_in, parse_number, report_fatalities

CASES = [
    ("Warplanes struck the village, killing 6 civilians, including 2 women.", 6),
    ("At least 12 people were killed in the blast.", 12),
    ("A soldier was killed when the mine exploded.", 1),
    ("Twenty-three fighters died in the assault.", 23),
    ("The attack left 30 people dead and 20 wounded.", 30),
    ("The bombing killed more than 1,200 people over the week.", 1200),
    ("The grenade attack caused no casualties.", 0),
    ("Three rockets hit the base, wounding four soldiers.", None),
    ("Gunmen killed two hundred villagers.", 200),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_fatalities(sentence: str, expected: int | None) -> None:
    assert fatalities_in(sentence) == expected


@pytest.mark.parametrize(("words", "n"), [("a dozen", 12), ("forty-two", 42), ("one hundred", 100), ("1,500", 1500)])
def test_parse_number(words: str, n: int) -> None:
    assert parse_number(words) == n


@given(st.integers(min_value=1, max_value=99999))
def test_digit_counts_are_read_back(n: int) -> None:
    assert fatalities_in(f"At least {n:,} people were killed in the attack.") == n
    assert fatalities_in(f"The strike hit the town, killing {n} civilians.") == n


@given(st.text(max_size=200))
def test_never_crashes(text: str) -> None:
    result = fatalities_in(text)
    assert result is None or result >= 0


# ACLED-style tolls (issue 10): counts of several parties are added, a short report's toll may follow
@pytest.mark.parametrize(("text", "n"), [
    ("25 rebel fighters and 6 soldiers were killed in clashes near the town.", 31),
    ("Eleven gendarmes and 4 militants were killed.", 15),
    ("Gunmen shot dead a teacher outside the school.", 1),
    ("Raiders stormed the hamlet, killing 6 villagers and 2 guards.", 8),
    ("Raiders stormed the hamlet, killing 6 villagers and wounding 2 guards.", 6),
    ("The two sides exchanged fire, and 3 people were killed.", 3),
    ("A crowd beat to death a man accused of stealing a goat.", 1),
])
def test_acled_style_tolls(text: str, n: int) -> None:
    assert fatalities_in(text) == n


def test_toll_in_a_later_sentence_of_a_short_report() -> None:
    note = ["The army clashed with militants near the river crossing.", "The militants withdrew.",
            "Four soldiers were killed."]
    assert report_fatalities(note, 0) == 4
    assert report_fatalities(["Rebels shelled the town.", "On 5 May, two soldiers were killed."], 0) is None
    long_story = ["Rebels shelled the town."] + ["Officials met."] * 6 + ["Two soldiers were killed."]
    assert report_fatalities(long_story, 0) is None


def test_toll_before_the_event_and_coder_remarks() -> None:
    note = ["A fighter was killed in a gun battle at the hideout.", "Police recovered 36 grenades and 5 rifles."]
    assert report_fatalities(note, 1) == 1
    assert fatalities_in("Unknown fatalities coded as 10.") == 10
