"""Expressions the invented passages (``data/invented_timebank.jsonl``) showed missing or wrong:
holidays, "another week", "the day before", dawn and dusk, the day named after a clock time,
speeds that are not frequencies."""

from __future__ import annotations

import pytest

from dateline.timex import tag


def _found(text: str, dct: str | None) -> dict[str, tuple[str, str, str | None]]:
    return {t.text: (t.type, t.value, t.mod) for t in tag(text, dct)}


@pytest.mark.parametrize(("text", "dct", "expr", "value"), [
    ("Police deployed 11,000 officers for New Year's Eve.", "2015-01-01", "New Year's Eve", "2014-12-31"),
    ("Shops will open on Boxing Day.", "2020-12-20", "Boxing Day", "2020-12-26"),
    ("The market closed early on Christmas Eve 2018.", "2019-03-01", "Christmas Eve 2018", "2018-12-24"),
    ("Unions marched on May Day.", "2021-05-03", "May Day", "2021-05-01"),
    ("The party is planned for Halloween.", None, "Halloween", "XXXX-10-31"),
])
def test_fixed_date_holidays(text: str, dct: str | None, expr: str, value: str) -> None:
    assert _found(text, dct)[expr] == ("DATE", value, None)


def test_may_alone_is_not_may_day() -> None:
    assert "May Day" not in _found("Theresa May met the king.", "2019-03-01")


def test_another_unit_is_a_duration() -> None:
    assert _found("The heat will last at least another week.", "2023-07-20") == {
        "at least another week": ("DURATION", "P1W", "EQUAL_OR_MORE")}
    assert _found("They waited another month.", "2023-07-20")["another month"] == ("DURATION", "P1M", None)


def test_the_day_before_moves_from_the_last_date() -> None:
    found = _found("The attack came on Wednesday. He had arrived from Texas the day before.", "2025-01-03")
    assert found["the day before"] == ("DATE", "2024-12-31", None)


def test_the_day_before_an_event_is_not_anchored() -> None:
    assert "the day before" not in _found("They met on Monday, the day before the vote.", "2025-01-03")


def test_dawn_takes_the_day_named_after_it() -> None:
    found = _found("Search teams resumed work at dawn on Wednesday.", "2014-12-31")
    assert found["dawn"] == ("TIME", "2014-12-31TMO", None)
    assert _found("Crowds gathered before dawn.", "2009-01-20")["dawn"] == ("TIME", "2009-01-20TMO", None)


def test_dawn_as_a_word_is_not_a_time() -> None:
    assert _found("The dawn of a new era.", "2009-01-20") == {}


def test_clock_time_takes_the_weekday_after_local_time() -> None:
    found = _found("The deal will take effect at 11 p.m. local time on Thursday.", "2020-12-30")
    assert found["11 p.m."][1] == "2020-12-31T23:00"


def test_regression_speed_per_hour_is_not_a_set() -> None:
    assert _found("winds of 315 kilometres per hour", "2013-11-11") == {}
    assert _found("paid 20 dollars per hour", "2013-11-11")["per hour"] == ("SET", "PT1H", None)


def test_bare_plural_after_ending_is_a_vague_duration() -> None:
    found = _found("Finland joined NATO, ending decades of military non-alignment.", "2023-04-14")
    assert found["decades"] == ("DURATION", "PXDE", None)
    assert "years" not in _found("Voters of 18 years and over.", "2023-04-14")


def test_is_on_a_weekday_looks_ahead() -> None:
    assert _found("The final is on Sunday in Lyon.", "2019-07-05")["Sunday"][1] == "2019-07-07"
    assert _found("The vote was on Sunday.", "2019-07-05")["Sunday"][1] == "2019-06-30"


def test_regression_pm_does_not_end_the_sentence_for_cue_words() -> None:
    # without a parse, "p.m. " cut the sentence and hid "will" from "Thursday"
    found = _found("The UK will leave at 11 p.m. London time on Thursday.", "2020-12-30")
    assert found["Thursday"][1] == "2020-12-31"


def test_habitual_month_and_season_are_generic() -> None:
    found = [(t.text, t.value, t.start_date) for t in
             tag("The tournament usually takes place in June. It was held in June.", "2022-11-08")]
    assert found == [("June", "XXXX-06", None), ("June", "2022-06", "2022-06-01")]
    assert _found("Prices typically rise in the winter.", "2022-11-08")["the winter"][1] == "XXXX-WI"
