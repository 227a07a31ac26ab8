"""End to end: `dateline serve` as a process on a free port; the seed goes in through POST /v1/articles."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _call(url: str, data: bytes | None = None, content_type: str = "application/json") -> tuple[int, Any]:
    req = urllib.request.Request(url, data=data, headers={"Content-Type": content_type} if data else {})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.mark.slow
def test_serve_ingests_the_seed_and_returns_its_three_events(shared_dir: Path, tmp_path: Path) -> None:
    seed = (shared_dir / "seed" / "article.txt").read_text("utf-8")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    cmd = [sys.executable, "-m", "dateline", "serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port),
           "--allow-writes", "--pipeline-seconds", "300"]  # fmt: skip
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(120):
            try:
                status, health = _call(f"{base}/v1/health")
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.communicate()[0]
                time.sleep(0.5)
        assert status == 200 and health["read_only"] is False

        body = json.dumps({"id": "seed", "text": seed}).encode()
        status, result = _call(f"{base}/v1/articles", body)
        assert status == 200 and result["added"] == 1 and result["failed"] == 0, result

        status, events = _call(f"{base}/v1/events")
        assert status == 200 and events["count"] == 3
        kinds = {(e["event_type"], e["sub_event_type"]) for e in events["data"]}
        assert ("Battles", "Government regains territory") in kinds
        assert ("Battles", "Non-state actor overtakes territory") in kinds
        assert all(e["source"] == "AFP" and e["evidence"] in seed for e in events["data"])
        status, shown = _call(f"{base}/v1/events/{events['data'][0]['event_id'][:8]}")
        ev = shown["reports"][0]["evidence"]
        assert status == 200 and ev["text"]
        status, again = _call(f"{base}/v1/articles", body)
        assert again["skipped"] == 1 and again["added"] == 0
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
