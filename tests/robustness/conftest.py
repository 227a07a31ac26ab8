"""Helpers of the robustness tests (issue 15): every hostile input next to a good one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from dateline.cli.main import cli

GOOD = "Clashes broke out near Mosul on Monday, police said.\n"


def extract(*args: str, stdin: bytes | None = None) -> Result:
    """``dateline extract`` with the article stage only (fast)."""
    return CliRunner().invoke(cli, ["extract", "--stages", "article", *args], input=stdin)


def ingest(db: Path, *args: str) -> Result:
    """``dateline ingest`` with the synthetic pipeline (fast)."""
    return CliRunner().invoke(cli, ["ingest", "--synthetic", "--no-progress", "--db", str(db), *args])


def command(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def docs(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def errors(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("dateline: error:")]


def assert_one_line_errors(result: Result) -> None:
    """No traceback; every line on stderr is dateline's own."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    for line in result.stderr.splitlines():
        assert line.startswith("dateline: "), line


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD)
    return path
