"""Cross-article de-duplication: one event, all its sources, and the reasons kept."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from dateline.store import Store, content_hash, get_event, store_document
from dateline.store.dedup import DedupSettings, compare, haversine_km, summarize
from dateline.store.write import event_columns


def put(store: Store, doc: Any) -> Any:
    return store_document(store, doc, chash=content_hash(doc.article.body), input_id=doc.id)


def cols(ev: Any) -> dict[str, Any]:
    return event_columns(ev)


def test_two_articles_reporting_one_event_give_one_event_with_two_sources(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]
) -> None:
    put(store, make_doc("afp", events=[make_event(fatalities=5)], body="AFP: clash at Al-Qaim"))
    second = make_doc("ap", events=[make_event(place="Husaybah", day="2019-10-01", fatalities=4)], source="AP",
                      body="AP: fighting near Husaybah", published="2019-10-01")  # fmt: skip
    assert put(store, second).merged == 1
    assert store.counts()["events"] == 1 and store.counts()["reports"] == 2
    event = get_event(store, store.scalar("SELECT event_id FROM events"))
    assert (event["n_reports"], event["n_articles"], event["sources"]) == (2, 2, ["AFP", "AP"])
    assert event["fatalities"] == 4  # the lowest figure reported, as ACLED counts
    first, later = event["reports"]
    assert first["merge_reason"] is None
    reason = later["merge_reason"]
    assert set(reason) >= {"type", "date", "place", "actors", "score", "matched_event"}
    assert "km apart" in reason["place"] and "overlap" in reason["date"]


def test_reports_in_one_article_are_never_merged(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]
) -> None:
    doc = make_doc(events=[make_event(text="first clash"), make_event(text="second clash")])
    doc.events[1].evidence.start = 60
    put(store, doc)
    assert store.counts()["events"] == 2


def test_different_events_stay_apart(make_event: Callable[..., Any]) -> None:
    base = cols(make_event())
    assert compare(cols(make_event()), base) is not None
    assert compare(cols(make_event("Peaceful protest", "Protests")), base) is None
    assert compare(cols(make_event(place="Mosul")), base) is None  # ~330 km away
    assert compare(cols(make_event(day="2019-10-05")), base) is None
    assert compare(cols(make_event(actor1="Kurdish Peshmerga", actor2=None)), base) is not None  # same type: compatible
    other = make_event()
    other.actor1.type = "Political militia"
    other.actor1.name = "Kataib Hezbollah"
    assert compare(cols(other), base) is None
    other.actor1.type = None  # a name the pipeline could not type: not a conflict on its own
    assert compare(cols(other), base) is not None
    assert compare(cols(make_event(modality="negated")), base) is None


def test_roles_swapped_between_outlets_still_match(make_event: Callable[..., Any]) -> None:
    a = make_event()
    b = make_event(actor1="Islamic State", actor2="Military Forces of Iraq")
    b.actor1.type, b.actor2.type = "Rebel group", "State forces"
    match = compare(cols(b), cols(a))
    assert match is not None and "swapped" in match.reasons["actors"]


def test_vague_dates_only_merge_when_equal(make_event: Callable[..., Any]) -> None:
    year = cols(make_event(day="2017-01-01", end="2017-12-31"))
    day = cols(make_event(day="2017-06-01"))
    assert compare(day, year) is None
    assert compare(cols(make_event(day="2017-01-01", end="2017-12-31")), year) is not None


def test_other_countries_never_merge_even_when_close(make_event: Callable[..., Any]) -> None:
    qaim, bukamal = cols(make_event()), cols(make_event(place="Albu Kamal"))
    assert haversine_km(qaim["lat"], qaim["lon"], bukamal["lat"], bukamal["lon"]) < 25
    assert compare(bukamal, qaim) is None


def test_the_radius_is_a_setting(make_event: Callable[..., Any]) -> None:
    far = cols(make_event(place="Mosul"))
    assert compare(far, cols(make_event()), DedupSettings(radius_km=500)) is not None


def test_summary_takes_the_most_precise_date_and_place(make_event: Callable[..., Any]) -> None:
    vague = {**cols(make_event(day="2019-09-28", end="2019-10-04")), "article_id": "a", "geo_precision": 2}
    exact = {**cols(make_event(confidence=0.6)), "article_id": "b"}
    out = summarize(
        [vague, exact], {"a": {"source": "AFP", "published": None}, "b": {"source": "AP", "published": None}}
    )
    assert str(out["date_start"]) == str(out["date_end"]) == "2019-09-30"
    assert out["geo_precision"] == 1 and out["n_articles"] == 2
    assert json.loads(out["sources"]) == ["AFP", "AP"]
    assert out["confidence"] == 0.8


def test_dedup_can_be_switched_off(store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]) -> None:
    off = DedupSettings(enabled=False)
    for name in ("one", "two"):
        doc = make_doc(name, events=[make_event()], body=name)
        store_document(store, doc, chash=content_hash(name), input_id=name, dedup=off)
    assert store.counts()["events"] == 2


def test_a_report_placed_only_in_a_region_joins_an_event_in_that_region(
    store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]
) -> None:
    precise, vague = cols(make_event()), cols(make_event(place="Anbar"))
    match = compare(vague, precise)
    assert match is not None and "same region (Anbar, IQ)" in match.reasons["place"]
    assert compare(cols(make_event(place="Ramadi")), precise) is None  # two precise places 240 km apart
    put(store, make_doc("vague", events=[make_event(place="Anbar")], body="somewhere in Anbar"))
    put(store, make_doc("precise", events=[make_event()], body="at Al-Qaim", source="AP"))
    event = store.rows("SELECT location_name, geo_precision, n_articles FROM events")
    assert event == [{"location_name": "Al Qaim", "geo_precision": 1, "n_articles": 2}]  # the precise place wins
