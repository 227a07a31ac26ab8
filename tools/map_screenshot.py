#!/usr/bin/env python3
"""Rebuild docs/img/map.png: the web map on the seed plus synthetic events in 2017, the Al-Qaim event open.

    python3 tools/map_screenshot.py [--out docs/img/map.png]

Builds a store in a temporary folder (the seed article through the real pipeline, ~300
synthetic events), starts ``dateline serve`` on a free port, and takes the screenshot in
Debian's Chromium through Playwright (the ``browser`` extra).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip


def _dateline(*args: str, wait: bool = True) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])))
    process = subprocess.Popen([sys.executable, "-m", "dateline", *args], env=env)
    if wait and process.wait() != 0:
        raise SystemExit(f"dateline {' '.join(args)} failed")
    return process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "map.png")
    args = parser.parse_args()
    sys.path.insert(0, str(SRC))
    from playwright.sync_api import sync_playwright

    from dateline.ingest.synthetic import synthetic_corpus

    with tempfile.TemporaryDirectory() as tmp:
        db, corpus = Path(tmp) / "map.duckdb", Path(tmp) / "synthetic.jsonl"
        corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(700, seed=5)) + "\n", encoding="utf-8")
        _dateline("ingest", "--db", str(db), "--no-progress", str(ROOT / "examples" / "afp_alqaim_2019.txt"))
        _dateline("ingest", "--db", str(db), "--no-progress", "--synthetic", str(corpus))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = _dateline("serve", "--db", str(db), "--port", str(port), wait=False)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(base + "/v1/health", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 860})
                page.goto(base + "/#actor=Military+Forces+of+Iraq")
                page.wait_for_selector("body[data-status=ready]")
                page.locator(".leaflet-marker-icon.ev").first.click()
                event_id = page.get_attribute("#detail", "data-event-id")
                page.goto(f"{base}/#from=2017-01-01&to=2017-12-31&z=4.5&lat=29&lon=35&ev={event_id}")
                page.wait_for_selector(f'#detail[data-loaded="{event_id}"]')
                page.wait_for_timeout(1000)
                args.out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.out))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
