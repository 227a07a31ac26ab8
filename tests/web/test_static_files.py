"""The web map's files without a browser: everything the page loads ships in the package, no
inline script or style (the CSP forbids them), no HTML built from strings, vendored files as noted."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser

from dateline.web import INDEX, static_dir

STATIC = static_dir()


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.inline: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            if a.get("src"):
                self.refs.append(a["src"] or "")
            else:
                self.inline.append("script")
        if tag == "link" and a.get("href"):
            self.refs.append(a["href"] or "")
        if tag == "style":
            self.inline.append("style")
        if "style" in a or any(k.startswith("on") for k in a):
            self.inline.append(f"{tag} attribute")


def test_the_page_loads_only_its_own_files_and_has_nothing_inline() -> None:
    parser = _Refs()
    parser.feed((STATIC / INDEX).read_text(encoding="utf-8"))
    assert parser.inline == []
    assert parser.refs, "scripts and styles"
    for ref in parser.refs:
        assert ref.startswith("/static/"), ref
        assert (STATIC / ref.removeprefix("/static/")).is_file(), ref


def test_module_imports_and_fetched_files_exist() -> None:
    for js in (STATIC / "js").glob("*.js"):
        text = js.read_text(encoding="utf-8")
        for name in re.findall(r'from "\./([\w.]+)"', text):
            assert (STATIC / "js" / name).is_file(), f"{js.name} imports {name}"
        for path in re.findall(r'"/static/([\w./-]+)"', text):
            assert (STATIC / path).is_file(), f"{js.name} fetches {path}"


def test_app_code_never_builds_html_from_strings() -> None:
    """Article text reaches the page as text nodes only (dom.js el()); no HTML sinks in our code."""
    sinks = re.compile(
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|bindPopup|bindTooltip"
    )
    for js in (STATIC / "js").glob("*.js"):
        assert not sinks.findall(js.read_text(encoding="utf-8")), js.name


def test_every_vendored_file_is_in_the_notice_with_its_checksum() -> None:
    notice = (STATIC / "vendor" / "NOTICE.txt").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^  (\S+)  sha256 ([0-9a-f]{64})", notice, flags=re.M))
    files = {p.relative_to(STATIC / "vendor").as_posix() for p in (STATIC / "vendor").rglob("*") if p.is_file()}
    assert files - {"NOTICE.txt"} == set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((STATIC / "vendor" / name).read_bytes()).hexdigest() == digest, name
    for licence in ("BSD-2-Clause", "MIT", "ISC"):
        assert licence in notice
