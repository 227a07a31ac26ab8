"""Queries with filters, one event with its sources, and statistics."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from dateline.errors import StoreError
from dateline.store import Filters, Store, content_hash, get_event, query_events, stats, store_document


@pytest.fixture
def filled(store: Store, make_doc: Callable[..., Any], make_event: Callable[..., Any]) -> Store:
    docs = [
        make_doc("a", events=[make_event()], body="a"),
        make_doc(
            "b",
            events=[make_event(place="Mosul", day="2017-07-09", actor1="Popular Mobilization Forces")],
            body="b Mosul liberated",
        ),
        make_doc(
            "c",
            events=[
                make_event(
                    "Peaceful protest", "Protests", place="Albu Kamal", day="2019-10-02", actor1=None, actor2=None
                )
            ],
            body="c",
        ),
        make_doc("d", events=[make_event(place="Husaybah", day="2019-09-30")], body="d", source="AP"),
    ]
    for doc in docs:
        store_document(store, doc, chash=content_hash(doc.article.body), input_id=doc.id)
    return store


def ids(events: list[dict[str, Any]]) -> list[str]:
    return sorted(str(e["location_name"]) for e in events)


def test_no_filter_gives_every_event_newest_first(filled: Store) -> None:
    events = query_events(filled)
    assert len(events) == 3
    assert [str(e["date_start"]) for e in events] == ["2019-10-02", "2019-09-30", "2017-07-09"]


def test_filters(filled: Store) -> None:
    def q(**kw: Any) -> list[str]:
        return ids(query_events(filled, Filters(**kw)))

    assert q(country="Iraq") == ["Al Qaim", "Mosul"]
    assert q(country="IRQ") == q(country="iq") == ["Al Qaim", "Mosul"]
    assert q(date_from=dt.date(2019, 1, 1), date_to=dt.date(2019, 12, 31)) == ["Al Qaim", "Albu Kamal"]
    assert q(admin1="nineveh") == ["Mosul"]
    assert q(event_type="Protests") == q(event_type="peaceful protest") == ["Albu Kamal"]
    assert q(actor="mobilization") == ["Mosul"]
    assert q(bbox=(40.0, 34.0, 42.0, 35.0)) == ["Al Qaim", "Albu Kamal"]
    assert q(text="liberated") == ["Mosul"]
    assert q(limit=1) == ["Albu Kamal"]


def test_an_unknown_country_is_a_clear_error(filled: Store) -> None:
    with pytest.raises(StoreError, match="unknown country"):
        query_events(filled, Filters(country="Atlantis"))


def test_get_event_by_prefix_with_reports(filled: Store) -> None:
    eid = filled.scalar("SELECT event_id FROM events WHERE n_articles = 2")
    event = get_event(filled, eid[:10])
    assert event["event_id"] == eid and [r["source"] for r in event["reports"]] == ["AFP", "AP"]
    with pytest.raises(StoreError, match="no event"):
        get_event(filled, "nope")
    with pytest.raises(StoreError, match="ambiguous"):
        get_event(filled, "e")


def test_stats(filled: Store) -> None:
    s = stats(filled)
    assert s["counts"]["events"] == 3 and s["merged_events"] == 1
    assert s["by_country"] == {"IQ": 2, "SY": 1}
    assert s["event_dates"] == {"from": "2017-07-09", "to": "2019-10-02"}
