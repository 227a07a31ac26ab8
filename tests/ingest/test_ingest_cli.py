"""The store commands end to end (synthetic pipeline): ingest, query, stats, events show, export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli
from dateline.ingest.synthetic import synthetic_corpus


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(30, seed=2)) + "\n")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(cli, ["ingest", "--synthetic", "--db", str(db), str(corpus)])
    assert result.exit_code == 0, result.output
    return db


def test_ingest_summarizes_and_exits_1_when_some_inputs_failed(tmp_path: Path, bad_folder: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", "--synthetic", "--db", str(tmp_path / "s.duckdb"), str(bad_folder)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert sum("dateline: error:" in line and str(bad_folder) in line for line in lines) == 4
    assert any(line.startswith("dateline: ingest:") and "4 failed" in line for line in lines)


def test_query_stats_show_and_export(filled: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(cli, ["query", "--db", str(filled)])
    assert table.exit_code == 0 and "sub-event type" in table.output
    out = runner.invoke(cli, ["query", "--db", str(filled), "--format", "jsonl", "--from", "2015", "--to", "2030"])
    events = [json.loads(line) for line in out.output.splitlines()]
    assert events and all("event_id" in e for e in events)
    merged = next(e for e in events if e["n_articles"] > 1)
    shown = runner.invoke(cli, ["events", "show", merged["event_id"][:12], "--db", str(filled)])
    assert shown.exit_code == 0 and "merged (score" in shown.output and "same date" in shown.output
    stats = runner.invoke(cli, ["stats", "--db", str(filled), "--json"])
    assert json.loads(stats.output)["counts"]["articles"] == 30
    target = tmp_path / "out.geojson"
    cc = events[0]["country_code"]
    done = runner.invoke(cli, ["export", "geojson", "-o", str(target), "--db", str(filled), "--country", cc])
    assert done.exit_code == 0
    features = json.loads(target.read_text())["features"]
    assert features and all(f["properties"]["country_code"] == cc for f in features)
    assert len(features) == sum(e["country_code"] == cc for e in events)


def test_bad_filter_values_are_usage_errors(filled: Path) -> None:
    result = CliRunner().invoke(cli, ["query", "--db", str(filled), "--bbox", "1,2,3"])
    assert result.exit_code == 2 and "WEST,SOUTH,EAST,NORTH" in result.output


def test_a_file_that_is_not_a_store_gives_one_line_and_status_2(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database")
    code = "import sys; from dateline.cli import main; sys.argv[0] = 'dateline'; main()"
    proc = subprocess.run([sys.executable, "-c", code, "stats", "--db", str(bogus)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "not a dateline store" in proc.stderr
