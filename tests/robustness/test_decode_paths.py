"""Issue 15, decoding: odd charsets, lone surrogates, deep JSON, BOMs, NULs, CRLF, unbounded reads.

Each hostile input sits next to a good file: the good one is processed, the bad one gets one
line naming it (or is decoded correctly), the exit status says whether anything failed.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.inputs import clean_text, decode_bytes, read_jsonl
from dateline.records import RawInput
from dateline.settings import Settings

from .conftest import assert_one_line_errors, docs, errors, extract, ingest

PAGE = '<html><head><meta charset="{cs}"><title>T</title></head><body><article><p>{body}</p></article></body></html>'


@pytest.mark.parametrize("charset", ["undefined", "idna", "punycode", "no-such-codec", "utf-7", "rot13"])
def test_odd_declared_charset_falls_back_and_the_batch_goes_on(tmp_path: Path, good: Path, charset: str) -> None:
    page = tmp_path / "odd.html"
    body = "Caf\xe9 bombed in the old town of Mosul on Monday, officials said."
    page.write_bytes(PAGE.format(cs=charset, body=body).encode("latin-1"))
    result = extract(str(page), str(good))
    assert_one_line_errors(result)
    assert result.exit_code == 0
    out = {d["id"]: d for d in docs(result)}
    assert set(out) == {str(page), str(good)}
    assert "Café bombed" in out[str(page)]["article"]["body"]  # windows-1252, as a browser would


def test_lone_surrogate_in_jsonl_is_replaced_not_an_internal_error(tmp_path: Path) -> None:
    lines = ['{"id": "bad", "text": "Shelling near Mosul \\ud800 on Monday."}', '{"id": "ok", "text": "Fine."}']
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = extract(str(path))
    assert_one_line_errors(result)
    assert result.exit_code == 0
    out = {d["id"]: d for d in docs(result)}
    assert "\ufffd" in out["bad"]["article"]["body"] and set(out) == {"bad", "ok"}
    db = tmp_path / "s.duckdb"
    stored = ingest(db, str(path))
    assert_one_line_errors(stored)
    assert stored.exit_code == 0, stored.stderr


def test_lone_surrogate_runs_through_the_nlp_stage() -> None:
    item = next(read_jsonl(io.BytesIO(b'{"id": "x", "text": "A \\udc80 B. Mosul."}\n'), "x", Settings()))
    assert isinstance(item, RawInput) and item.content == "A \ufffd B. Mosul."
    item.content.encode("utf-8")  # spaCy and DuckDB need encodable text


def test_deeply_nested_json_is_one_line_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 5000 + "]" * 5000 + "\n" + '{"id": "ok", "text": "Fine text."}\n'
                    + '{"id": "deep2", "text": ' + "[" * 100000 + "\n")
    result = extract(str(path))
    assert_one_line_errors(result)
    assert result.exit_code == 1
    assert [d["id"] for d in docs(result)] == ["ok"]
    assert any(f"{path}:1: not valid JSON (nested too deeply)" in e for e in errors(result))
    assert len(errors(result)) == 3  # two bad lines and the "2 of 3 failed" summary


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_bom_is_decoded(tmp_path: Path, good: Path, codec: str) -> None:
    text = "Protesters gathered in Basra on Friday.\r\nPolice fired tear gas.\r\n"
    path = tmp_path / f"bom-{codec}.txt"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    result = extract(str(path), str(good))
    assert_one_line_errors(result)
    assert result.exit_code == 0, result.stderr
    body = {d["id"]: d for d in docs(result)}[str(path)]["article"]["body"]
    assert "Protesters gathered in Basra" in body and "\r" not in body and "\ufeff" not in body


def test_nul_and_crlf_only_are_handled() -> None:
    assert clean_text("a\r\nb\rc\x00d") == "a\nb\ncd"
    assert decode_bytes(b"One.\r\rTwo.\r", "x", Settings()) == "One.\n\nTwo.\n"


def test_overlong_jsonl_line_inside_gzip_is_skipped_without_being_held(tmp_path: Path) -> None:
    settings = Settings(max_input_bytes=100_000)
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b'{"id": "huge", "text": "' + b"x" * 3_000_000 + b'"}\n')
        fh.write(json.dumps({"id": "after", "text": "Fine."}).encode() + b"\n")
    from dateline.ingest import read_file

    items = list(read_file(path, settings))
    assert isinstance(items[0], InputError) and "line too large (3,000,027 bytes" in str(items[0])
    assert isinstance(items[1], RawInput) and items[1].id == "after"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_devices_are_refused_not_read(good: Path) -> None:
    result = extract("/dev/zero", "/dev/urandom", str(good))
    assert_one_line_errors(result)
    assert result.exit_code == 1
    assert [d["id"] for d in docs(result)] == [str(good)]
    assert "dateline: error: /dev/zero: not a regular file (a device or socket); not read" in errors(result)


def test_a_9_mb_jsonl_line_is_not_read_whole_when_over_the_limit(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "nine.jsonl"
    path.write_bytes(b'{"id": "nine", "text": "' + b"word " * 400_000 + b'"}\n')
    result = extract("--max-mb", "1", str(path), str(good))
    assert_one_line_errors(result)
    assert result.exit_code == 1
    assert [d["id"] for d in docs(result)] == [str(good)]
    assert any("nine.jsonl:1: line too large" in e for e in errors(result))


def test_newline_and_escape_in_an_id_or_file_name_stay_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"id": "evil\ndateline: error: forged\x1b[31m", "text": ""}) + "\n")
    named = tmp_path / "bad\nname\x1b[2J.txt"
    named.write_text("")
    result = extract(str(path), str(named))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("dateline: error: ") for line in lines)
    assert "\x1b" not in result.stderr
    assert "evil\\ndateline: error: forged\\x1b[31m" in lines[0]
