"""POST /v1/extract and /v1/articles, the pipeline time limit, and tombstones for syncing copies."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from dateline.api import ApiConfig
from dateline.ingest.synthetic import SyntheticPipeline, synthetic_corpus

DOCS = synthetic_corpus(8)  # 1-reuters, 2-xinhua, 3-afp/anadolu/al-jazeera, 4-…


def jsonl(docs: Iterable[dict[str, str]]) -> dict[str, Any]:
    return {"content": "".join(json.dumps(d) + "\n" for d in docs), "headers": {"content-type": "application/x-ndjson"}}


def test_read_only_server_refuses_writes(client: Any) -> None:
    r = client.post("/v1/articles", json=DOCS[0])
    assert r.status_code == 403 and "--allow-writes" in r.json()["detail"]
    assert client.get("/v1/health").json()["read_only"] is True


def test_extract_json_and_raw_text(writable: Any) -> None:
    doc = writable.post("/v1/extract", json=DOCS[0]).json()
    assert doc["id"] == "1-reuters" and doc["events"][0]["event_type"]
    raw = writable.post("/v1/extract", content=DOCS[0]["body"], headers={"content-type": "text/plain"}).json()
    assert raw["events"][0]["event_type"] == doc["events"][0]["event_type"]
    assert writable.get("/v1/events").json()["count"] == 0  # extract stores nothing


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"content": b"", "headers": {"content-type": "application/json"}}, 400, "empty"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
        ({"json": [1, 2]}, 400, "one object"),
        ({"json": {"title": "no text"}}, 400, "exactly one is needed"),
        ({"json": {"text": "a", "html": "b"}}, 400, "more than one"),
        # no byte-order mark: \xff\xfe would start UTF-16 text, which is decoded (issue 15)
        ({"content": b"\x89PNG\r\n\x1a\n\x00\x00bin", "headers": {"content-type": "text/plain"}}, 400, "binary"),
        ({"content": b"<a/>", "headers": {"content-type": "image/png"}}, 415, "content type"),
        (jsonl(DOCS[:2]), 415, "one article"),
    ],
)
def test_extract_errors(writable: Any, body: dict[str, Any], status: int, words: str) -> None:
    r = writable.post("/v1/extract", **body)
    assert r.status_code == status, r.text
    assert words in r.json()["detail"] and "\n" not in r.json()["detail"]


def test_articles_jsonl_batch_stores_and_dedups(writable: Any) -> None:
    r = writable.post("/v1/articles", **jsonl([*DOCS[:5], {"text": ""}]))
    body = r.json()
    assert r.status_code == 200 and body["added"] == 5 and body["failed"] == 1 and body["success"] is False
    assert body["merged"] == 2 and "empty" in body["errors"][0]
    assert writable.get("/v1/events").json()["count"] == 3
    again = writable.post("/v1/articles", **jsonl(DOCS[:5])).json()
    assert again["skipped"] == 5 and again["added"] == 0
    one = writable.post("/v1/articles", json=DOCS[5]).json()
    assert one["added"] == 1 and one["success"] is True


def test_articles_batch_is_bounded(make_client: Any, tmp_path: Path) -> None:
    config = ApiConfig(
        db=tmp_path / "w.duckdb", allow_writes=True, max_batch_docs=3, pipeline_factory=SyntheticPipeline
    )
    with make_client(config) as c:
        r = c.post("/v1/articles", **jsonl(DOCS[:4]))
        assert r.status_code == 413 and "limit is 3" in r.json()["detail"]
        assert c.get("/v1/events").json()["count"] == 0


class SlowPipeline(SyntheticPipeline):
    def __init__(self) -> None:
        super().__init__(delay=0.0)

    def pipe(self, inputs: Iterable[Any]) -> Iterator[Any]:
        for item in inputs:
            time.sleep(0.4)
            yield from super().pipe([item])


def test_pipeline_time_limit(make_client: Any, tmp_path: Path) -> None:
    config = ApiConfig(db=tmp_path / "w.duckdb", allow_writes=True, pipeline_seconds=0.5, pipeline_factory=SlowPipeline)
    with make_client(config) as c:
        body = c.post("/v1/articles", **jsonl(DOCS[:6])).json()
        assert body["added"] >= 1 and body["failed"] >= 3
        assert any("time limit" in e for e in body["errors"])
        assert c.get("/v1/events").json()["count"] >= 1  # what was processed is stored


def test_extract_over_the_time_limit_is_504(make_client: Any, tmp_path: Path) -> None:
    class Stuck(SyntheticPipeline):
        def pipe(self, inputs: Iterable[Any]) -> Iterator[Any]:
            time.sleep(1.0)
            yield from super().pipe(inputs)

    config = ApiConfig(db=tmp_path / "w.duckdb", pipeline_seconds=0.1, pipeline_factory=Stuck)
    with make_client(config) as c:
        open_store_once(tmp_path / "w.duckdb")
        from dateline.api import routes_write

        routes_write._GRACE_FOR_TESTS = 0.0
        r = c.post("/v1/extract", json=DOCS[0])
        assert r.status_code == 504 and "limit" in r.json()["detail"]


def open_store_once(path: Path) -> None:
    from dateline.store import open_store

    open_store(path).close()


def test_deleted_events_feed(writable: Any) -> None:
    a, c = DOCS[0], DOCS[1]  # two different events (Goma, Mosul)
    writable.post("/v1/articles", **jsonl([a, c]))
    before = {r["event_id"]: r for r in writable.get("/v1/events").json()["data"]}
    assert len(before) == 2
    since = writable.get("/v1/events", params={"order": "updated_at"}).json()["data"][-1]["updated_at"]
    goma = next(e for e, r in before.items() if r["location"] == "Goma")
    mosul = next(e for e, r in before.items() if r["location"] == "Mosul")
    # article a comes back (same URL) telling c's story: its event is merged away into c's
    writable.post("/v1/articles", json={**a, "body": c["body"].replace("(Xinhua)", "(Reuters)")})
    # an article that no longer reports anything: its event is removed
    writable.post("/v1/articles", json=DOCS[5])
    gone_id = next(r["event_id"] for r in writable.get("/v1/events").json()["data"] if r["location"] == "Benghazi")
    writable.post("/v1/articles", json={**DOCS[5], "body": "BENGHAZI (Xinhua) - Nothing happened today."})
    deleted = writable.get("/v1/events/deleted", params={"since": since}).json()
    got = {d["event_id"]: d for d in deleted["data"]}
    assert got[goma]["reason"] == "merged" and got[goma]["merged_into"] == mosul
    assert got[gone_id]["reason"] == "removed" and got[gone_id]["merged_into"] is None
    assert writable.get(f"/v1/events/{goma}").status_code == 404
    later = writable.get("/v1/events/deleted", params={"since": "2999-01-01"}).json()
    assert later["count"] == 0
    r = writable.get("/v1/events/deleted")
    assert r.status_code == 422 and "'since'" in r.json()["detail"]
