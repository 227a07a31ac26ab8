"""Intervals from assertions: transitions, snapshots, implied priors, contests, retractions, planned states."""

from __future__ import annotations

import datetime as dt

from dateline.states.derive import derive_intervals
from dateline.states.query import answer

from .conftest import assertion

D = dt.date.fromisoformat


def state(items: list, day: str, facet: str = "control", part: str = "") -> tuple:
    found = [a for a in answer(derive_intervals(items), D(day)) if a.facet == facet and a.part == part]
    return (found[0].value, found[0].status) if found else (None, None)


def test_control_persists_until_contrary_evidence() -> None:
    items = [assertion("IS", "2014-06-10"), assertion("Iraq", "2017-11-03", prior="IS")]
    assert state(items, "2016-01-01") == ("IS", "single-source")
    assert state(items, "2025-01-01") == ("Iraq", "single-source")
    assert state(items, "2014-01-01") == (None, None)


def test_two_outlets_confirm() -> None:
    items = [assertion("Iraq", "2017-11-03", source="AFP"), assertion("Iraq", "2017-11-04", source="Reuters")]
    assert state(items, "2018-01-01") == ("Iraq", "confirmed")


def test_reopened_implies_closed_before() -> None:
    items = [assertion("open", "2019-09-30", facet="access", prior="closed")]
    assert state(items, "2019-09-29", facet="access") == ("closed", "implied")
    assert state(items, "2019-10-01", facet="access") == ("open", "single-source")


def test_same_day_conflict_is_contested_and_a_later_report_settles_it() -> None:
    items = [
        assertion("rebels", "2019-10-13", source="Reuters"),
        assertion("SDF", "2019-10-13", mode="snapshot", source="AFP"),
    ]
    assert state(items, "2019-10-14")[1] == "contested"
    items.append(assertion("rebels", "2019-10-21", mode="snapshot", source="AP"))
    assert state(items, "2019-10-22") == ("rebels", "confirmed")


def test_a_later_change_is_not_a_conflict() -> None:
    items = [
        assertion("in effect", "2017-10-16", facet="curfew", source="AFP"),
        assertion("lifted", "2017-10-18", facet="curfew", source="Reuters", prior="in effect"),
    ]
    assert state(items, "2017-10-17", facet="curfew") == ("in effect", "single-source")
    assert state(items, "2017-10-19", facet="curfew") == ("lifted", "single-source")


def test_planned_and_hypothetical_states_are_kept_out() -> None:
    items = [
        assertion("open", "2017-11-20", facet="access", modality="planned", known="2017-11-15"),
        assertion("in effect", "2022-04-02", facet="curfew", modality="hypothetical"),
    ]
    assert derive_intervals(items) == []


def test_a_retraction_withdraws_the_recent_report_only() -> None:
    items = [
        assertion("closed", "2015-05-01", facet="access", source="Reuters", known="2018-10-15"),
        assertion("open", "2018-10-15", facet="access", mode="snapshot", source="Reuters"),
        assertion("closed", "2018-10-24", facet="access", source="AFP"),
        assertion("closed", None, facet="access", source="AFP", modality="retracted", end="2018-10-25"),  # type: ignore[arg-type]
    ]
    assert state(items, "2018-10-24", facet="access") == ("open", "single-source")
    assert state(items, "2016-01-01", facet="access") == ("closed", "single-source")


def test_parts_have_their_own_timelines() -> None:
    items = [
        assertion("Syrian forces", "2019-09-30", mode="snapshot", part="Syrian side"),
        assertion("Iraqi authorities", "2019-09-30", mode="snapshot", part="Iraqi side"),
    ]
    assert state(items, "2019-09-30", part="Syrian side") == ("Syrian forces", "single-source")
    assert state(items, "2019-09-30", part="Iraqi side") == ("Iraqi authorities", "single-source")
    assert state(items, "2019-09-29", part="Iraqi side") == (None, None)  # observed on the 30th, not before


def test_a_denial_contests_the_value_it_denies() -> None:
    items = [
        assertion("rebels", "2020-01-05", source="Reuters"),
        assertion("rebels", "2020-01-06", source="AFP", modality="negated"),
    ]
    assert state(items, "2020-01-07")[1] == "contested"


def test_derivation_does_not_depend_on_input_order() -> None:
    items = [
        assertion("IS", "2014-06-10"),
        assertion("Iraq", "2017-11-03", prior="IS"),
        assertion("Iraq", "2018-01-01", mode="snapshot", source="AP"),
    ]
    assert derive_intervals(items) == derive_intervals(list(reversed(items)))
