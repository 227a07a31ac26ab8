"""Fatalities where stated, with numbers in digits or words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.events.fatalities import fatalities_in, parse_number

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
