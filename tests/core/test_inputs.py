"""Input readers: every kind of bad input becomes one clear InputError naming it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline import InputError, RawInput, Settings
from dateline.inputs import decode_bytes, read_jsonl, read_path, read_paths, sniff_kind

SETTINGS = Settings()


def _err(item: object) -> str:
    assert isinstance(item, InputError), item
    return str(item)


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert _err(next(read_paths([f], SETTINGS))) == f"{f}: empty input"


def test_binary_garbage(tmp_path: Path) -> None:
    f = tmp_path / "garbage.txt"
    f.write_bytes(bytes(range(256)) * 40)
    assert "binary data" in _err(next(read_paths([f], SETTINGS)))


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.seek(50_000_000)
        fh.write(b"x")
    message = _err(next(read_paths([f], SETTINGS)))
    assert "too large (50,000,001 bytes" in message and str(f) in message


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes("Caf\u00e9 news from Beirut".encode("latin-1"))
    assert "not valid UTF-8 (byte 0xe9 at offset 3)" in _err(next(read_paths([f], SETTINGS)))


def test_html_with_declared_charset_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_bytes('<html><head><meta charset="iso-8859-1"></head><body>Caf\u00e9</body></html>'.encode("latin-1"))
    raw = read_path(f, SETTINGS)
    assert raw.kind == "html" and "Caf\u00e9" in raw.content


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    items = list(read_paths([tmp_path / "nope.txt", tmp_path], SETTINGS))
    assert _err(items[0]).endswith("nope.txt: no such file or folder")
    assert "folder holds no .txt or .html files" in _err(items[1])


def test_folder_reads_text_and_html_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text("<html><body><p>Hello</p></body></html>")
    (tmp_path / "a.txt").write_text("Hello")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("ignored")
    items = list(read_paths([tmp_path], SETTINGS))
    assert [(Path(i.id).name, i.kind) for i in items if isinstance(i, RawInput)] == [("a.txt", "text"),
                                                                                      ("b.html", "html")]


def test_jsonl_bad_lines_are_named_and_the_rest_read() -> None:
    lines = [
        b'{"id": "ok", "body": "Fighting broke out."}\n',
        b"not json\n",
        b"\n",
        b'{"id": "no-text", "url": "http://example.org"}\n',
        b'{"id": "two", "text": "a", "html": "<p>b</p>"}\n',
        b"[1, 2]\n",
        b'{"id": "bytes", "text": "\xff"}\n',
        b'{"id": "late", "html": "<p>x</p>", "published": "2019-09-30"}\n',
    ]
    items = list(read_jsonl(io.BytesIO(b"".join(lines)), "in.jsonl", SETTINGS))
    assert isinstance(items[0], RawInput) and items[0].kind == "body"
    assert _err(items[1]).startswith("in.jsonl:2: not valid JSON")
    assert _err(items[2]) == "no-text: has none of the fields text, html, body (exactly one is needed)"
    assert "more than one of" in _err(items[3])
    assert _err(items[4]) == "in.jsonl:6: a JSONL line must be a JSON object"
    assert _err(items[5]).startswith("in.jsonl:7: line is not valid UTF-8")
    assert isinstance(items[6], RawInput) and items[6].published == "2019-09-30"


def test_sniff_kind() -> None:
    assert sniff_kind("<!DOCTYPE html><html>") == "html"
    assert sniff_kind("  <!-- x --><html lang=en>") == "html"
    assert sniff_kind("BEIRUT (AP) — <b>Fighting</b>") == "text"


@given(st.binary(max_size=2000))
def test_decode_never_raises_anything_but_input_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data, "x", SETTINGS), str)
    except InputError as exc:
        assert str(exc).startswith("x: ")


@pytest.mark.parametrize("size", [1, 10])
def test_jsonl_line_limit(size: int) -> None:
    settings = Settings(max_input_bytes=size * 10)
    line = ('{"body": "' + "x" * 200 + '"}\n').encode()
    assert "line too large" in _err(next(read_jsonl(io.BytesIO(line), "f", settings)))
