"""Regression: after the Taliban took Kabul airport (Aug 2021) the holder read 'Military Forces of Afghanistan
(2021-)' only — ACLED's name of the de facto state, which events must keep — and the question "who holds Kabul
airport" lost the name the reports use. A place's state names such an authority by both."""

from dateline.actors.stage import known_as
from dateline.records import Actor


def test_succeeded_group_keeps_its_own_name_for_states() -> None:
    actor = Actor("Military Forces of Afghanistan (2021-)", "State forces", "the Taliban", 10, 21, "AF")
    assert known_as(actor) == "Military Forces of Afghanistan (2021-) (Taliban)"


def test_the_state_named_as_such_stays_as_it_is() -> None:
    actor = Actor("Military Forces of Afghanistan (2021-)", "State forces", "Afghan forces", 0, 13, "AF")
    assert known_as(actor) == "Military Forces of Afghanistan (2021-)"
    assert known_as(Actor("Islamic State", "Rebel group", "Daesh")) == "Islamic State"
