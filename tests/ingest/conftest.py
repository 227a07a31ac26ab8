"""Corpus files of every format, written on the fly: pages, JSONL, gzip, WARC, feeds."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

PAGE = "<html><head><title>{title}</title></head><body><article><p>{text}</p></article></body></html>"

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Clashes near Mosul</title><link>https://wire.example/1</link>
<pubDate>Mon, 30 Sep 2019 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Fighting broke out near Mosul.&lt;/p&gt;</description></item>
<item><title>Border reopens</title><link>https://wire.example/2</link>
<description>Iraq reopened the Al-Qaim crossing.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Protest in Basra</title><link href="https://atom.example/a"/><id>urn:a</id>
<updated>2019-10-01T08:00:00Z</updated>
<content type="html">&lt;p&gt;Hundreds protested in Basra.&lt;/p&gt;</content></entry>
</feed>"""


def warc_bytes(records: list[tuple[str, str, bytes, str]], gz: bool = True) -> bytes:
    """A WARC file of (url, status, payload, content type) responses, plus one request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(
        writer.create_warc_record("https://x.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.0\r\n\r\n"))
    )
    for url, status, payload, ctype in records:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http))
    return out.getvalue()


def good_warc() -> bytes:
    return warc_bytes(
        [
            (
                "https://site.example/a",
                "200 OK",
                PAGE.format(title="A", text="Story A from the archive.").encode(),
                "text/html; charset=utf-8",
            ),
            ("https://site.example/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n", "image/png"),
            ("https://site.example/gone", "404 Not Found", b"<html>gone</html>", "text/html"),
            ("https://site.example/b", "200 OK", b"Story B as plain text.", "text/plain"),
        ]
    )


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """A folder with one or more documents in every format (11 documents in all)."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("Story one, as scraped text.\n")
    (root / "b.html").write_text(PAGE.format(title="Two", text="Story two."))
    lines = [{"id": "j1", "body": "Story three."}, {"id": "j2", "text": "Story four.", "url": "https://j.example/4"}]
    (root / "c.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    (root / "sub" / "d.txt.gz").write_bytes(gzip.compress(b"Story five, gzip'd.\n"))
    (root / "sub" / "e.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "j6", "body": "Story six."}).encode()))
    (root / "f.warc.gz").write_bytes(good_warc())  # two documents
    (root / "g.rss").write_text(RSS)  # two entries
    (root / "h.atom").write_text(ATOM)
    (root / ".hidden.txt").write_text("never read")
    (root / "notes.md").write_text("not a corpus file")
    return root


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    """Damaged files: a WARC with junk after its first record, truncated gzips, a non-feed."""
    root = tmp_path / "bad"
    root.mkdir()
    one = warc_bytes([("https://site.example/ok", "200 OK", b"The record before the damage.", "text/plain")], gz=False)
    (root / "broken.warc").write_bytes(one + b"this is not a WARC record at all\r\n\r\n" * 3)
    (root / "cut.txt.gz").write_bytes(gzip.compress(b"A story cut short. " * 200)[:-20])
    lines = "\n".join(json.dumps({"id": f"cut{i}", "body": f"Line {i} of a cut file. " * 20}) for i in range(50))
    (root / "cut.jsonl.gz").write_bytes(gzip.compress(lines.encode())[:-30])
    (root / "junk.rss").write_text("this is { not a feed")
    (root / "fine.txt").write_text("A perfectly good story among bad ones.\n")
    return root


@pytest.fixture
def make_warc() -> Callable[..., bytes]:
    return warc_bytes
