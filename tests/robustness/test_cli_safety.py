"""Issue 15, the command line: ``export -o`` writes into what it is given or refuses, numeric
options are bounded, LIKE wildcards match literally."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import Result

from dateline.ingest.synthetic import synthetic_corpus

from .conftest import assert_one_line_errors, command, errors, ingest


@pytest.fixture
def store(tmp_path: Path) -> Path:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(20, seed=7)) + "\n")
    db = tmp_path / "s.duckdb"
    assert ingest(db, str(corpus)).exit_code == 0
    return db


def export(db: Path, *args: str) -> Result:
    return command("export", "plover", "--db", str(db), *args)


def test_export_into_a_symlink_writes_its_target_and_keeps_the_link(tmp_path: Path, store: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    result = export(store, "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and len(real.read_text().splitlines()) > 1


def test_export_refuses_a_fifo_and_a_device(tmp_path: Path, store: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/null"):
        result = export(store, "-o", target)
        assert_one_line_errors(result)
        assert result.exit_code == 2
        assert "not a regular file" in errors(result)[0]
    assert Path("/dev/null").is_char_device() and fifo.is_fifo()


def test_export_dash_is_standard_output_and_empty_or_long_names_fail_cleanly(tmp_path: Path, store: Path) -> None:
    result = export(store, "-o", "-")
    assert result.exit_code == 0
    assert all(json.loads(line)["id"] for line in result.stdout.splitlines())
    assert not Path("-").exists()
    for target in ("", str(tmp_path / ("n" * 250 + ".jsonl")), str(tmp_path / "no-such-dir" / "x.jsonl")):
        result = export(store, "-o", target)
        assert_one_line_errors(result)
        assert result.exit_code == 2, target
    assert command("export", "parquet", "--db", str(store), "-o", "-").exit_code == 2


def test_numeric_options_are_bounded(tmp_path: Path, store: Path) -> None:
    for args in (["query", "--limit", "99999999999999999999"], ["query", "--limit", "-1"],
                 ["query", "--bbox", "nan,0,1,1"], ["query", "--bbox", "0,0,400,1"],
                 ["ingest", "--max-mb", "1e308", "x"], ["ingest", "--batch", "0", "x"],
                 ["extract", "--max-mb", "-5", "x"], ["extract", "--workers", "100000", "x"]):
        result = command(*args) if args[0] != "query" else command(*args, "--db", str(store))
        assert_one_line_errors_or_usage(result)
        assert result.exit_code == 2, args


def assert_one_line_errors_or_usage(result: Result) -> None:
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_like_wildcards_in_actor_and_text_match_literally(store: Path) -> None:
    every = command("query", "--format", "jsonl", "--db", str(store))
    assert every.stdout.strip()
    for option in ("--actor", "--text"):
        for pattern in ("%", "_", "\\"):
            result = command("query", "--format", "jsonl", option, pattern, "--db", str(store))
            assert result.exit_code == 0 and result.stdout.strip() == "", (option, pattern)
    result = command("events", "show", "%", "--db", str(store))
    assert result.exit_code == 2 and "no event '%'" in result.stderr
