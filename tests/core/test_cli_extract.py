"""`dateline extract`: output shapes, exit status, one-line errors (article stage only: fast)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dateline.cli.main import cli

FAST = ["--stages", "article"]


def run(args: list[str], stdin: bytes | None = None):
    return CliRunner().invoke(cli, ["extract", *FAST, *args], input=stdin)


def test_one_file_gives_one_document(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("BEIRUT (AP) — Clashes erupted in the city on Friday, officials said.\n")
    result = run([str(f)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["id"] == str(f)
    assert set(doc) >= {"id", "article", "places", "timexes", "events"}
    assert doc["article"]["body"]


def test_several_inputs_give_jsonl_and_status_1_when_one_fails(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Protesters gathered in the capital on Monday.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run([str(good), str(empty), str(tmp_path / "missing.html")])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [d["id"] for d in lines] == [str(good)]
    errors = result.stderr.strip().splitlines()
    assert errors == [f"dateline: error: {empty}: empty input",
                      f"dateline: error: {tmp_path / 'missing.html'}: no such file or folder",
                      "dateline: error: 2 of 3 inputs failed"]
    assert "Traceback" not in result.output


def test_jsonl_from_stdin_with_one_bad_line() -> None:
    stdin = b'{"id": "x1", "body": "Gunmen attacked a checkpoint."}\n{broken\n{"id": "x3", "text": "Rally held."}\n'
    result = run(["--jsonl", "-"], stdin)
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["x1", "x3"]
    assert "<stdin>:2: not valid JSON" in result.stderr


def test_body_is_kept_verbatim_so_offsets_refer_to_it() -> None:
    body = "  Two people were killed.\n\nPolice said so.  "
    result = run(["--jsonl", "-"], json.dumps({"id": "v", "body": body}).encode() + b"\n")
    assert json.loads(result.stdout)["article"]["body"] == body


def test_stdin_html_is_sniffed() -> None:
    sentence = b"Rebels seized the town of Example on Sunday. "
    html = b"<html><body><article><p>" + sentence * 20 + b"</p></article></body></html>"
    result = run(["-"], html)
    assert result.exit_code == 0, result.stderr
    assert "Rebels seized the town" in json.loads(result.stdout)["article"]["body"]


def test_usage_errors_exit_2() -> None:
    assert run([]).exit_code == 2
    assert CliRunner().invoke(cli, ["extract", "--stages", "nope", "x.txt"]).exit_code != 0
