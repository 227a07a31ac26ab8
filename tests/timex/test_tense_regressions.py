"""Tense regressions found on the invented passages (``data/invented_timebank.jsonl``).

These need the spaCy parse, so they are slow.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from dateline.resources import Resources
from dateline.settings import Settings
from dateline.timex import tag

pytestmark = pytest.mark.slow


@cache
def _nlp() -> Any:
    return Resources(Settings()).nlp()


def _values(text: str, dct: str) -> dict[str, str | None]:
    return {t.text: t.value for t in tag(text, dct, _nlp()(text))}


@pytest.mark.parametrize(("text", "dct", "expr", "value"), [
    ("Trading resumes on Friday.", "2014-12-31", "Friday", "2015-01-02"),
    ("Congress certifies the result on Monday.", "2025-01-03", "Monday", "2025-01-06"),
    ("The company reports earnings on Wednesday.", "2024-08-12", "Wednesday", "2024-08-14"),
    ("The truce begins at 6 a.m. Wednesday.", "2021-06-15", "6 a.m. Wednesday", "2021-06-16T06:00"),
])
def test_regression_present_tense_schedules_a_weekday(text: str, dct: str, expr: str, value: str) -> None:
    assert _values(text, dct)[expr] == value


@pytest.mark.parametrize(("text", "dct", "expr", "value"), [
    ("The GM move follows Tuesday's declaration by Ford.", "1989-10-27", "Tuesday", "1989-10-24"),
    ("The index says little about Friday.", "2019-10-02", "Friday", "2019-09-27"),
])
def test_regression_present_tense_that_does_not_schedule(text: str, dct: str, expr: str, value: str) -> None:
    assert _values(text, dct)[expr] == value


def test_regression_through_after_a_simple_past_is_past() -> None:
    text = "Temperatures topped 110 degrees for 20 consecutive days through Wednesday."
    assert _values(text, "2023-07-20")["Wednesday"] == "2023-07-19"


def test_regression_through_after_a_present_perfect_looks_ahead() -> None:
    text = "The bank has extended the loans through January."
    assert _values(text, "1989-10-30")["January"] == "1990-01"


def test_starting_at_a_clock_time_looks_ahead() -> None:
    text = "The rebels announced a truce starting at 6 a.m. Wednesday."
    assert _values(text, "2021-06-15")["6 a.m. Wednesday"] == "2021-06-16T06:00"


def test_regression_said_on_monday_is_past_before_would() -> None:
    text = "The rebels said on Monday they would observe a three-day ceasefire."
    assert _values(text, "2019-01-01")["Monday"] == "2018-12-31"
