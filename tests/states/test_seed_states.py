"""The seed article end to end (real pipeline, then the store): the state of the Al-Qaim crossing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.states import StateAnswer, find_places, place_timeline, state_of
from dateline.store import Store, content_hash, open_store
from dateline.store.write import Pending, store_documents

pytestmark = pytest.mark.slow
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def seeded(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, str]]:
    from dateline.pipeline import Pipeline
    from dateline.records import RawInput
    from dateline.settings import Settings

    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    doc = Pipeline.from_settings(Settings())(RawInput(id="seed", kind="text", content=text))
    with open_store(tmp_path_factory.mktemp("seed") / "s.duckdb") as store:
        store_documents(store, [Pending(doc, content_hash(text), "seed")])
        [crossing] = [p for p in find_places(store.conn, "Al Qaim border crossing") if p.kind == "crossing"]
        yield store, crossing.place_id


def one(answers: list[StateAnswer], facet: str, part: str = "") -> StateAnswer:
    [found] = [a for a in answers if a.facet == facet and a.part == part]
    return found


def test_the_crossing_is_a_place_of_its_own_tied_to_al_qaim(seeded: tuple[Store, str]) -> None:
    store, pid = seeded
    [place] = [p for p in find_places(store.conn, pid)]
    assert place.kind == "crossing" and place.anchor_geonameid == "92138" and place.country_code == "IQ"


def test_open_since_2019_09_30_on_afp_s_word_alone(seeded: tuple[Store, str]) -> None:
    store, pid = seeded
    access = one(state_of(store.conn, pid, as_of=D("2019-10-01")), "access")
    assert (access.value, access.status, access.since, access.sources) == (
        "open",
        "single-source",
        D("2019-09-30"),
        ["AFP"],
    )
    assert access.last_confirmed == D("2019-09-30")


def test_controlled_by_islamic_state_from_2014_until_late_2017_then_by_iraqi_forces(seeded: tuple[Store, str]) -> None:
    store, pid = seeded
    control = [i for i in place_timeline(store.conn, pid) if i.facet == "control" and not i.part]
    assert [i.value for i in control] == ["Islamic State", "Military Forces of Iraq"]
    held, retaken = control
    assert (held.start, held.start_latest) == (D("2014-01-01"), D("2014-12-31"))
    assert (held.end, held.end_latest) == (D("2017-09-01"), D("2017-12-31"))  # until late 2017
    assert (retaken.start, retaken.start_text, retaken.end) == (D("2017-09-01"), "late 2017", None)
    assert one(state_of(store.conn, pid, as_of=D("2016-01-01")), "control").value == "Islamic State"
    assert one(state_of(store.conn, pid, as_of=D("2019-10-01")), "control").value == "Military Forces of Iraq"


def test_the_two_sides_as_observed_on_2019_09_30(seeded: tuple[Store, str]) -> None:
    store, pid = seeded
    now = state_of(store.conn, pid, as_of=D("2019-09-30"))
    syrian, iraqi = one(now, "control", "Syrian side"), one(now, "control", "Iraqi side")
    assert (syrian.value, syrian.observed, syrian.since) == ("Military Forces of Syria", True, D("2019-09-30"))
    assert (iraqi.value, iraqi.observed, iraqi.since) == ("Government of Iraq", True, D("2019-09-30"))


def test_known_as_of_the_day_before_knows_nothing_of_the_reopening(seeded: tuple[Store, str]) -> None:
    store, pid = seeded
    before = state_of(store.conn, pid, as_of=D("2019-09-30"), known_as_of=D("2019-09-29"))
    assert all(a.value is None for a in before)
    assert place_timeline(store.conn, pid, known_as_of=D("2019-09-29")) == []
    after = state_of(store.conn, pid, known_as_of=D("2019-09-30"))
    assert one(after, "access").value == "open"


def test_the_other_crossings_of_the_article_are_not_this_one(seeded: tuple[Store, str]) -> None:
    store, _ = seeded
    values = {v for (v,) in store.conn.execute("SELECT value FROM state_assertions").fetchall()}
    assert "destroyed" not in values and "Kurdish Armed Forces" not in values  # "another crossing", "the rest"
