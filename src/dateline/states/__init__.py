"""Place states: who controls a place, whether it is open, curfews, sieges, presence — sourced, as of any date.

::

    from dateline.states import find_places, state_of
    with open_store("dateline.duckdb", read_only=True) as store:
        place = find_places(store.conn, "Al Qaim border crossing")[0]
        for answer in state_of(store.conn, place.place_id, as_of=date(2019, 10, 1), known_as_of=date(2019, 10, 1)):
            print(answer.facet, answer.part, answer.value, answer.status, answer.since)

Assertions come from events and phrases (:mod:`.extract`, rules in ``data/rules.json``),
are recorded when articles are stored (:mod:`.storage`), and intervals are derived from
them (:mod:`.derive`). See ``docs/states.md``.
"""

from __future__ import annotations

from .derive import derive_intervals
from .extract import DocumentStates, extract_states, facility_id
from .model import FACETS, Assertion, Interval, StateAnswer, StatePlace
from .query import answer, find_places, list_states, place_timeline, state_of

__all__ = [
    "FACETS",
    "Assertion",
    "DocumentStates",
    "Interval",
    "StateAnswer",
    "StatePlace",
    "answer",
    "derive_intervals",
    "extract_states",
    "facility_id",
    "find_places",
    "list_states",
    "place_timeline",
    "state_of",
]
