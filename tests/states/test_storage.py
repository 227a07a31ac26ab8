"""The write-path hook: assertions recorded with the article, superseded by an update, intervals rebuilt."""

from __future__ import annotations

import datetime as dt

from dateline.states import find_places, state_of
from dateline.states.extract import facility_id
from dateline.store import Store
from dateline.store.schema import MIGRATIONS

from .conftest import make_doc, put

D = dt.date.fromisoformat
CROSSING = "The Al Qaim border crossing reopened on Monday, officials said."


def test_the_state_tables_come_with_the_latest_migration(store: Store) -> None:
    assert store.schema_version == MIGRATIONS[-1].version
    tables = {t for (t,) in store.conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"state_places", "state_assertions", "state_intervals"} <= tables


def test_storing_an_article_records_its_assertions_and_intervals(store: Store) -> None:
    put(store, make_doc(CROSSING, places=["Al Qaim"], published="2019-09-30"))
    pid = facility_id("crossing", "Al Qaim")
    assert store.scalar("SELECT count(*) FROM state_assertions WHERE place_id = ?", [pid]) == 1
    assert store.scalar("SELECT count(*) FROM state_intervals WHERE place_id = ?", [pid]) == 2  # implied + open
    [place] = find_places(store.conn, "al-qaim crossing")
    assert place.place_id == pid and place.kind == "crossing" and place.anchor_geonameid == "92138"
    [now] = state_of(store.conn, pid, as_of=D("2019-10-01"))
    assert (now.value, now.status, now.since) == ("open", "single-source", D("2019-09-30"))


def test_the_same_content_twice_records_nothing_twice(store: Store) -> None:
    doc = make_doc(CROSSING, places=["Al Qaim"], published="2019-09-30")
    put(store, doc)
    put(store, doc)
    assert store.scalar("SELECT count(*) FROM state_assertions") == 1


def test_an_updated_article_supersedes_its_first_version_without_hindsight(store: Store) -> None:
    url = "https://wire.example/qaim"
    put(store, make_doc(CROSSING, places=["Al Qaim"], published="2019-09-30", url=url))
    fixed = "The Al Qaim border crossing remains closed, officials said."
    put(store, make_doc(fixed, places=["Al Qaim"], published="2019-09-30", updated="2019-10-01", url=url, doc_id="d2"))
    pid = facility_id("crossing", "Al Qaim")
    [then] = state_of(store.conn, pid, as_of=D("2019-09-30"), known_as_of=D("2019-09-30"))
    [later] = state_of(store.conn, pid, as_of=D("2019-10-01"), known_as_of=D("2019-10-02"))
    assert then.value == "open"
    assert later.value == "closed"
    assert store.scalar("SELECT count(*) FROM state_assertions WHERE superseded_from IS NOT NULL") == 1


def test_reprocessing_the_same_content_replaces_its_assertions(store: Store) -> None:
    from dateline.store import content_hash
    from dateline.store.write import Pending, store_documents

    doc = make_doc(CROSSING, places=["Al Qaim"], published="2019-09-30")
    put(store, doc)
    store_documents(store, [Pending(doc, content_hash(doc.article.body), doc.id)], reprocess=True)
    assert store.scalar("SELECT count(*) FROM state_assertions") == 1
    assert store.scalar("SELECT count(*) FROM state_assertions WHERE superseded_from IS NOT NULL") == 0


def test_a_name_from_an_earlier_article_places_a_later_one(store: Store) -> None:
    put(
        store,
        make_doc(
            "Rebels captured the town of Tal Abyad on Sunday.",
            places=["Tal Abyad"],
            actors={"Rebels": "Rebels"},
            published="2019-10-13",
        ),
    )
    later = make_doc(
        "Government forces still control Tal Abyad, officials said.",
        actors={"Government forces": "Government"},
        published="2019-10-14",
        doc_id="d2",
    )
    put(store, later)  # the places stage missed "Tal Abyad" here; the store knows it
    values = {
        v for (v,) in store.conn.execute("SELECT value FROM state_assertions WHERE place_id = '163750'").fetchall()
    }
    assert values == {"Rebels", "Government"}


def test_documents_without_states_cost_one_search(store: Store) -> None:
    put(store, make_doc("Iraqi forces clashed with IS fighters near Al Qaim on Monday.", places=["Al Qaim"]))
    assert store.scalar("SELECT count(*) FROM state_assertions") == 0
    assert store.scalar("SELECT count(*) FROM state_intervals") == 0
