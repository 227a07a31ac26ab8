"""Health, stats, the root and static files, the offline docs, headers on every response."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi")

from dateline.store.schema import MIGRATIONS


def test_health_has_versions_and_no_paths(client: Any, synthetic_db: Any) -> None:
    r = client.get("/v1/health")
    body = r.json()
    assert r.status_code == 200 and body["status"] == "ok"
    assert body["schema_version"] == MIGRATIONS[-1].version and body["read_only"] is True
    assert str(synthetic_db.parent) not in r.text and synthetic_db.name not in r.text


def test_stats_without_paths(client: Any, synthetic_db: Any) -> None:
    r = client.get("/v1/stats")
    body = r.json()
    assert body["counts"]["events"] > 0 and body["integrity"] == "ok"
    assert str(synthetic_db.parent) not in r.text


@pytest.mark.parametrize("path", ["/", "/v1/health", "/v1/events?limit=1", "/v1/events/nope", "/docs",
                                  "/openapi.json", "/v1/events?bad=1", "/no/such/route"])  # fmt: skip
def test_every_response_has_the_security_headers(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.headers["content-security-policy"] == "default-src 'self'"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_root_points_to_the_docs_without_a_web_package(client: Any) -> None:
    from dateline.api.static import web_root

    if web_root() is not None:
        pytest.skip("dateline.web is installed: / serves the map")
    body = client.get("/").json()
    assert body["docs"] == "/docs" and body["api"] == "/v1"
    assert client.get("/static/index.html").status_code == 404


def test_docs_page_is_offline_and_without_inline_script(client: Any) -> None:
    page = client.get("/docs").text
    assert "http://" not in page and "https://" not in page
    assert "<script>" not in page.replace(" ", "")  # scripts only by src
    for asset in ("/docs-assets/swagger/swagger-ui-bundle.js", "/docs-assets/swagger/swagger-ui.css",
                  "/docs-assets/docs-init.js"):  # fmt: skip
        assert asset in page
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 100
    assert client.get("/docs-assets/docs-init.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/docs-assets/swagger/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert client.get("/openapi.json").json()["paths"]["/v1/events"]


@pytest.mark.parametrize("path", ["/docs-assets/../app.py", "/docs-assets/%2e%2e/app.py", "/docs-assets/..%2Fapp.py",
                                  "/docs-assets/swagger/../../app.py", "/docs-assets//etc/passwd",
                                  "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd"])  # fmt: skip
def test_no_path_traversal(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "import" not in r.text and "root:" not in r.text


def test_unknown_route_is_one_line_json(client: Any) -> None:
    r = client.get("/v2/events")
    assert r.status_code == 404 and list(r.json()) == ["detail"]


def test_web_package_files_are_served(client: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.api import static

    root = tmp_path / "static"
    (root / "lib").mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html><title>map</title>")
    (root / "app.js").write_text("console.log(1)")
    (root / "lib" / "map.css").write_text("body{}")
    (root / "data.geojson").write_text("{}")
    (tmp_path / "secret.txt").write_text("secret")
    monkeypatch.setattr(static, "web_root", lambda: root)
    r = client.get("/")
    assert r.status_code == 200 and r.text.startswith("<!doctype html>")
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == "default-src 'self'"
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/lib/map.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/data.geojson").headers["content-type"] == "application/geo+json"
    for bad in ("/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/lib/../../secret.txt",
                "/static/lib", "/static/", "/static/nope.js"):  # fmt: skip
        r = client.get(bad)
        assert r.status_code == 404 and "secret" not in r.text.replace("secret.txt", ""), bad


def test_query_strings_on_pages_are_ignored(client: Any) -> None:
    assert client.get("/docs", params={"v": "2"}).status_code == 200
    assert client.get("/docs-assets/docs-init.js", params={"v": "2"}).status_code == 200
    assert client.get("/v1/health", params={"v": "2"}).status_code == 422
