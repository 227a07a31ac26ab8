"""Readers never raise on garbage: any bytes under any corpus name give documents or InputErrors."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.ingest import read_file
from dateline.records import RawInput
from dateline.settings import Settings

NAMES = ("x.warc", "x.warc.gz", "x.rss", "x.atom.gz", "x.jsonl", "x.jsonl.gz", "x.txt.gz", "x.html", "x.gz")
PREFIXES = (b"", b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00", b"<?xml version='1.0'?><rss>", b'{"id": 1, "body": ')


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(NAMES), st.sampled_from(PREFIXES), st.binary(max_size=400), st.booleans())
def test_any_bytes_yield_documents_or_errors(name: str, prefix: bytes, tail: bytes, compress: bool) -> None:
    data = prefix + tail
    if compress and name.endswith(".gz"):
        data = gzip.compress(data)[: max(10, len(data) // 2)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        for item in read_file(path, Settings()):
            assert isinstance(item, (RawInput, InputError))
            if isinstance(item, InputError):
                assert "\n" not in str(item)
