"""Browser tests of the web map: one store, one ``dateline serve`` process and one Chromium per module.

The browser is Debian's ``chromium`` (``apt-get install chromium``) driven by the ``playwright``
package (the ``browser`` extra) through ``executable_path``: the test frameworks' own browser
downloads do not work offline. Without a browser, Playwright or the API extra the tests skip —
except under CI (the ``CI`` environment variable set), where a missing browser is a failure.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import pytest

import dateline
from dateline.ingest.synthetic import synthetic_corpus

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "afp_alqaim_2019.txt"
SRC = Path(dateline.__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
#: an article whose outlet is markup: the page must show it as text
XSS = "<img src=x onerror=window.__xss=1>"
XSS_DOC = {"id": "xss-1", "url": "javascript:window.__xss=2", "published": "2020-03-04",
           "body": f"MOSUL ({XSS}) - Xss Brigade clashed with Islamic State near Mosul on 3 March 2020, leaving 2 dead."
                   " Officials said the situation remained tense."}  # fmt: skip


def missing(what: str) -> NoReturn:
    """Skip for a missing browser part, but fail under CI (a skipped browser test there is a failure)."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI is set: the browser tests must run)")
    pytest.skip(what)


def chromium_path() -> str:
    for candidate in (os.environ.get("DATELINE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    missing("no Chromium: install Debian's chromium package (apt-get install chromium)")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [env.get("PYTHONPATH")])])
    return env


def _run(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "dateline", *args], env=_env(), capture_output=True, text=True,
                          timeout=600)  # fmt: skip
    assert done.returncode == 0, f"dateline {' '.join(args)} failed:\n{done.stderr[-2000:]}"


def build_store(folder: Path, n_docs: int = 700) -> Path:
    """A store holding the seed (the real pipeline) and ~300 synthetic events plus the markup article."""
    db = folder / "map.duckdb"
    corpus = folder / "synthetic.jsonl"
    docs = [*synthetic_corpus(n_docs, seed=5), XSS_DOC]
    corpus.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    _run(["ingest", "--db", str(db), "--no-progress", str(EXAMPLE)])
    _run(["ingest", "--db", str(db), "--no-progress", "--synthetic", str(corpus)])
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    base: str
    process: subprocess.Popen[str]
    log: Path


def start_server(db: Path, log: Path, timeout: float = 90.0) -> Server:
    """``dateline serve`` on a free local port, once /v1/health answers."""
    port = free_port()
    out = log.open("w")
    process = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
                               env=_env(), stdout=out, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"dateline serve exited ({process.returncode}):\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(base + "/v1/health", timeout=2) as response:
                if response.status == 200:
                    return Server(base, process, log)
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise AssertionError(f"dateline serve did not answer in {timeout:.0f} s:\n{log.read_text()[-2000:]}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        missing("the API extra is not installed (pip install -e '.[api]')")
    if importlib.util.find_spec("dateline.api") is None:
        missing("this build has no dateline.api (the HTTP API that serves the map)")
    folder = tmp_path_factory.mktemp("map")
    running = start_server(build_store(folder), folder / "serve.log")
    yield running
    stop_server(running)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is not installed (pip install -e '.[browser]')")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Visit:
    """A page and what it did: every request's URL, console errors, CSP violations, uncaught errors."""

    page: Any
    base: str
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def goto(self, fragment: str = "") -> None:
        self.page.goto(self.base + "/" + fragment)
        self.page.wait_for_selector("body[data-status=ready]", timeout=30000)

    def shown(self) -> int:
        return int(self.page.get_attribute("body", "data-shown"))

    def foreign_requests(self) -> list[str]:
        host = urlsplit(self.base).netloc
        return [u for u in self.requests if urlsplit(u).netloc != host or urlsplit(u).scheme != "http"]

    def assert_clean(self) -> None:
        assert self.foreign_requests() == [], "requests to another host"
        assert self.problems == [], "console errors or page errors"


@pytest.fixture
def visit(browser: Any, server: Server) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    host = urlsplit(server.base).netloc
    # the network is off: anything for another host fails (and is recorded, so the test fails too)
    context.route(lambda url: urlsplit(url).netloc != host, lambda route: route.abort("internetdisconnected"))
    page = context.new_page()
    v = Visit(page, server.base)
    page.on("request", lambda r: v.requests.append(r.url))
    page.on("console", lambda m: v.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: v.problems.append(f"page error: {e}"))
    yield v
    context.close()
