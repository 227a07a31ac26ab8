"""Upserts: one transaction per article, content versions remembered, updates replace."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from dateline.records import Place, Timex
from dateline.store import Store, content_hash, store_document


def put(store: Store, doc: Any, content: str | None = None, url: str | None = None) -> Any:
    return store_document(store, doc, chash=content_hash(content or doc.article.body), input_id=doc.id, url=url)


def test_a_document_and_its_parts_are_stored(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]
) -> None:
    doc = make_doc(events=[make_event(), make_event("Shelling/artillery/missile attack", "Explosions/Remote violence")])
    doc.places.append(Place("Al-Qaim", 0, 7, "Al Qaim", "92138", 34.37, 40.98, "IQ", "Anbar", "city"))
    doc.timexes.append(Timex("Monday", 10, 16, "DATE", "2019-09-30"))
    result = put(store, doc)
    assert result.status == "added" and result.reports == 2
    counts = store.counts()
    assert (counts["articles"], counts["reports"], counts["events"], counts["places"], counts["timexes"]) == (
        1,
        2,
        2,
        1,
        1,
    )
    row = store.rows("SELECT title, source, published FROM articles")[0]
    assert row["title"] == "Story a1" and row["source"] == "AFP" and str(row["published"]) == "2019-09-30"


def test_the_same_content_twice_is_stored_once(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]
) -> None:
    assert put(store, make_doc(events=[make_event()])).status == "added"
    before = store.counts()
    assert put(store, make_doc("copy-elsewhere", events=[make_event()])).status == "skipped"
    assert store.counts() == before


def test_an_updated_article_replaces_its_events(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]
) -> None:
    url = "https://news.example.org/qaim"
    first = make_doc(events=[make_event(fatalities=3)], body="version one", url=url)
    assert put(store, first, url=url).status == "added"
    second = make_doc(
        events=[make_event("Attack", "Violence against civilians", actor2="Civilians")], body="version two", url=url
    )
    assert put(store, second, url=url).status == "replaced"
    counts = store.counts()
    assert (counts["articles"], counts["article_versions"], counts["reports"], counts["events"]) == (1, 2, 1, 1)
    assert store.scalar("SELECT sub_event_type FROM events") == "Attack"
    assert store.scalar("SELECT body FROM articles") == "version two"
    # the old version coming round again is recognized and changes nothing
    assert put(store, first, url=url).status == "skipped"
    assert store.scalar("SELECT sub_event_type FROM events") == "Attack"


def test_updating_one_source_of_a_merged_event_keeps_the_other(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]
) -> None:
    put(
        store,
        make_doc("afp", events=[make_event()], body="afp story", url="https://afp.example/1"),
        url="https://afp.example/1",
    )
    put(store, make_doc("ap", events=[make_event()], body="ap story", source="AP"))
    assert store.scalar("SELECT n_articles FROM events") == 2
    # AFP corrects its story: the clash becomes an attack on civilians elsewhere
    fix = make_doc("afp", events=[make_event("Attack", "Violence against civilians", place="Mosul")], body="afp v2")
    put(store, fix, url="https://afp.example/1")
    rows = store.rows("SELECT sub_event_type, n_articles, sources FROM events ORDER BY sub_event_type")
    assert [(r["sub_event_type"], r["n_articles"]) for r in rows] == [("Armed clash", 1), ("Attack", 1)]
    assert rows[0]["sources"] == '["AP"]'


def test_a_failure_inside_the_transaction_leaves_nothing_behind(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    put(store, make_doc("earlier", events=[make_event()], body="earlier story"))
    before = store.counts()

    def boom(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("dateline.store.write.summarize", boom)
    with pytest.raises(KeyboardInterrupt):
        put(store, make_doc("later", events=[make_event(place="Mosul")], body="later story"))
    assert store.counts() == before
    assert not store.has_version(content_hash("later story"))


def test_an_event_without_date_or_place_is_kept_but_never_merged(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]
) -> None:
    put(store, make_doc("one", events=[make_event(place=None)], body="one"))
    put(store, make_doc("two", events=[make_event(place=None)], body="two"))
    assert store.counts()["events"] == 2


def test_a_value_the_tables_cannot_hold_fails_that_document_only(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]
) -> None:
    from dateline.store.write import Pending, store_documents

    bad = make_event()
    bad.fatalities = "dozens"  # type: ignore[assignment]  # a stage bug: not a number
    items = [
        Pending(make_doc("good1", events=[make_event()], body="good one"), content_hash("good one"), "good1"),
        Pending(make_doc("bad", events=[bad], body="bad one"), content_hash("bad one"), "bad"),
        Pending(
            make_doc("good2", events=[make_event(place="Mosul")], body="good two"), content_hash("good two"), "good2"
        ),
    ]
    results = store_documents(store, items)
    assert [r.status for r in results] == ["added", "failed", "added"]
    assert results[1].error is not None and str(results[1].error).startswith("bad: could not be stored")
    assert "\n" not in str(results[1].error)
    assert store.counts()["articles"] == 2 and not store.has_version(content_hash("bad one"))


def test_regression_a_replaced_founding_report_does_not_take_over_its_old_event(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]
) -> None:
    """An article whose report founded an event is updated so its report (same id) no longer
    matches: the event lives on with its other report, and the new report founds another."""
    url = "https://afp.example/1"
    put(store, make_doc("afp", events=[make_event()], body="afp v1", url=url), url=url)
    put(store, make_doc("ap", events=[make_event(place="Husaybah")], body="ap story", source="AP"))
    old_id = store.scalar("SELECT event_id FROM events")
    moved = make_event()  # same type, sentence, actors and date: the same report id …
    moved.location.lat, moved.location.lon, moved.location.geonameid = 36.335, 43.1189, "99072"  # … but in Mosul
    moved.location.name, moved.location.admin1 = "Mosul", "Nineveh"
    put(store, make_doc("afp", events=[moved], body="afp v2", url=url), url=url)
    rows = store.rows("SELECT event_id, location_name, n_reports FROM events ORDER BY location_name")
    assert [(r["location_name"], r["n_reports"]) for r in rows] == [("Husaybah", 1), ("Mosul", 1)]
    assert rows[0]["event_id"] == old_id and rows[1]["event_id"] != old_id
    # every report points at an event that summarizes it
    assert store.scalar("SELECT count(*) FROM reports r JOIN events e USING (event_id) WHERE r.lat = e.lat") == 2
