"""Ingestion over two worker processes stores exactly what one process stores (article stage only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli

pytestmark = pytest.mark.slow  # starts worker processes


def _stats(db: Path) -> str:
    result = CliRunner().invoke(cli, ["stats", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return "\n".join(line for line in result.output.splitlines() if not line.lstrip().startswith(("run ", "store ")))


def test_two_workers_store_what_one_stores(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    lines = [{"id": f"a{i}", "body": f"Report {i}: officials met in the capital.", "url": f"https://w.example/{i}"}
             for i in range(40)]
    lines.insert(7, {"id": "broken"})
    corpus.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    results = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        args = ["ingest", "--stages", "article", "--no-progress", "--workers", str(workers), "--db", str(db)]
        args.append(str(corpus))
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output  # the broken line fails, the rest goes in
        assert "broken: has none of the fields text, html, body" in result.output
        results[workers] = _stats(db)
    assert results[1] == results[2]
    assert "articles 40" in results[2]
