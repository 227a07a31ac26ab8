"""GET /v1/events/{id}: the event, its reports and articles, evidence offsets, merge reasons; 404 and 409."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi")


def merged_event(client: Any) -> dict[str, Any]:
    rows = client.get("/v1/events", params={"limit": 1000}).json()["data"]
    return next(r for r in rows if r["n_articles"] > 1)


def test_full_id_and_prefix(client: Any) -> None:
    row = merged_event(client)
    full = client.get(f"/v1/events/{row['event_id']}").json()
    prefix = client.get(f"/v1/events/{row['event_id'][:10]}").json()
    assert full == prefix
    assert full["event"] == row


def test_reports_articles_evidence_and_merge_reasons(client: Any) -> None:
    row = merged_event(client)
    body = client.get(f"/v1/events/{row['event_id']}").json()
    assert len(body["reports"]) == row["n_reports"]
    first = body["reports"][0]
    assert set(first) >= {"report_id", "article", "evidence", "merge_reason", "merge_score"}
    assert set(first["article"]) == {"article_id", "title", "source", "url", "published"}
    assert first["article"]["url"].startswith("https://")
    ev = first["evidence"]
    assert ev["text"] and 0 <= ev["start"] < ev["end"]
    assert sum(r["merge_reason"] is None for r in body["reports"]) == 1  # the founding report
    assert body["merge_reasons"], "a merged event says why"
    reason = body["merge_reasons"][0]
    assert reason["matched_event"] == row["event_id"] and reason["score"] > 0 and "place" in reason


def test_unknown_id_is_404(client: Any) -> None:
    for bad in ("e0000000000000000", "nope", "e%25", "..%2F..%2Fetc"):
        r = client.get(f"/v1/events/{bad}")
        assert r.status_code == 404, bad
        assert r.json()["detail"] in (f"no event {bad!r}", "Not Found") or "no event" in r.json()["detail"]


def test_ambiguous_prefix_is_409(client: Any) -> None:
    r = client.get("/v1/events/e")
    assert r.status_code == 409 and "ambiguous" in r.json()["detail"]
