"""No SQL through any parameter, a locked-down DuckDB, body caps, the bearer token, a busy store."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from dateline.api import ApiConfig
from dateline.api.storage import StoreBusy, open_locked

HOSTNAME = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").is_file() else "no-hostname-here"

PAYLOADS = [
    "read_csv('/etc/hostname')",
    "x' OR 1=1 --",
    "'; SELECT * FROM read_csv('/etc/hostname'); --",
    "Iraq') UNION SELECT * FROM read_text('/etc/hostname') --",
    "1); COPY events TO '/tmp/dateline-pwned.csv'; --",
    "event_id; ATTACH '/tmp/x.db' AS x",
    "%' OR '1'='1",
]

EVENT_PARAMS = [
    "country", "iso", "region", "admin1", "event_type", "sub_event_type", "actor1", "actor1_where", "actor2",
    "actor2_where", "inter1", "inter2", "event_date", "event_date_where", "year", "bbox", "text", "historical",
    "min_confidence", "updated_since", "limit", "page", "cursor", "order", "fields", "format",
]  # fmt: skip


def _check(r: Any) -> None:
    assert r.status_code in (200, 404, 422), r.text
    assert HOSTNAME not in r.text
    assert "Traceback" not in r.text
    if r.status_code != 200:
        assert isinstance(r.json()["detail"], str)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_sql_through_any_parameter(client: Any, payload: str) -> None:
    for name in EVENT_PARAMS:
        _check(client.get("/v1/events", params={name: payload}))
        _check(client.get("/v1/export/acled", params={name: payload} if name in ("country", "text", "actor1") else {}))
    for name in ("country", "admin1", "name", "bbox", "min_events", "limit", "page"):
        _check(client.get("/v1/places", params={name: payload}))
    _check(client.get("/v1/events/deleted", params={"since": payload}))
    _check(client.get(f"/v1/events/{payload}"))
    _check(client.get(f"/v1/places/{payload}"))
    assert not Path("/tmp/dateline-pwned.csv").exists()


def test_text_with_sql_is_only_text(client: Any) -> None:
    body = client.get("/v1/events", params={"text": "' OR 1=1 --"}).json()
    assert body["count"] == 0  # matched literally, selected nothing


def test_the_connection_refuses_files_and_settings(synthetic_db: Path, tmp_path: Path) -> None:
    import duckdb

    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(synthetic_db.read_bytes())
    store = open_locked(copy, read_only=True)
    try:
        for sql in ("SELECT * FROM read_csv('/etc/hostname')", "SET enable_external_access = true",
                    "INSTALL httpfs", f"ATTACH '{tmp_path / 'other.db'}' AS other",
                    f"COPY events TO '{tmp_path / 'out.csv'}'"):  # fmt: skip
            with pytest.raises(duckdb.Error):
                store.conn.execute(sql)
        with pytest.raises(duckdb.Error):
            store.conn.execute("DELETE FROM events")  # read-only
    finally:
        store.close()
    assert not (tmp_path / "out.csv").exists()


def test_body_over_the_cap_is_413(make_client: Any, tmp_path: Path) -> None:
    with make_client(ApiConfig(db=tmp_path / "w.duckdb", allow_writes=True, max_body_bytes=1000)) as c:
        r = c.post("/v1/extract", content="x" * 2000, headers={"content-type": "text/plain"})
        assert r.status_code == 413 and "1,000 bytes" in r.json()["detail"]

        def chunks() -> Any:  # no Content-Length: the cap is counted while reading
            for _ in range(10):
                yield b"y" * 300

        r = c.post("/v1/articles", content=chunks(), headers={"content-type": "text/plain"})
        assert r.status_code == 413
        assert r.headers["content-security-policy"] == "default-src 'self'"


def test_bearer_token(make_client: Any, synthetic_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(synthetic_db.read_bytes())
    with make_client(ApiConfig(db=copy, token="s3cret")) as c:
        r = c.get("/v1/health")
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        assert c.get("/v1/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/v1/health", headers={"Authorization": "Bearer s3cret"}).json()["auth"] is True
        assert c.get("/").status_code == 200 and c.get("/docs").status_code == 200


def test_a_store_held_by_another_process_is_503_then_served(
    make_client: Any, synthetic_db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "held.duckdb"
    copy.write_bytes(synthetic_db.read_bytes())
    code = f"import duckdb, sys; c = duckdb.connect({str(copy)!r}); print('ok', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreBusy):
            open_locked(copy, read_only=True)
        with make_client(ApiConfig(db=copy, retry_after=7)) as c:
            r = c.get("/v1/events")
            assert r.status_code == 503 and r.headers["retry-after"] == "7"
            assert "in use by another process" in r.json()["detail"] and str(tmp_path) not in r.text
            holder.communicate("", timeout=30)  # the other process ends and lets go of the file
            time.sleep(1.1)
            assert c.get("/v1/events").status_code == 200
    finally:
        if holder.poll() is None:
            holder.kill()


def test_serve_refuses_a_public_host_without_flag_and_token(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli.main import cli

    r = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.duckdb"), "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "--public" in r.output
    r = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.duckdb"), "--host", "0.0.0.0", "--public"])
    assert r.exit_code == 2 and "token" in r.output
    r = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert r.exit_code != 0 and "no store at" in r.output + str(r.exception)


def test_serve_names_a_port_in_use(synthetic_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(synthetic_db.read_bytes())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = subprocess.run(
            [sys.executable, "-m", "dateline", "serve", "--db", str(copy), "--port", str(port)],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert r.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in r.stderr


def test_a_query_over_the_time_limit_is_504(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    from dateline.api import common, routes_events

    def interrupted(cur: Any, events: Any) -> None:
        raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")

    monkeypatch.setattr(routes_events, "add_articles", interrupted)
    r = client.get("/v1/events", params={"limit": "1"})
    assert r.status_code == 504 and "longer than the limit" in r.json()["detail"]

    fired = []
    with common.timed(type("C", (), {"interrupt": lambda self: fired.append(1)})(), 0.05):
        time.sleep(0.3)
    assert fired == [1]


def test_an_unexpected_error_is_one_line_500(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.api import routes_events

    def broken(cur: Any, events: Any) -> None:
        raise RuntimeError("boom\nwith a second line")

    monkeypatch.setattr(routes_events, "add_articles", broken)
    r = client.get("/v1/events", params={"limit": "1"})
    assert r.status_code == 500 and r.json() == {"detail": "internal error (RuntimeError); see the server log"}


def test_ingest_next_to_a_running_server_fails_clearly(synthetic_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "served.duckdb"
    copy.write_bytes(synthetic_db.read_bytes())
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x", "text": "Story."}) + "\n")
    served = open_locked(copy, read_only=True)  # what a read-only server holds
    try:
        r = subprocess.run(
            [sys.executable, "-m", "dateline", "ingest", "--synthetic", "--db", str(copy), str(corpus)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        served.close()
    assert r.returncode == 2 and "is in use by another process" in r.stderr
    assert "Traceback" not in r.stderr
