"""The Dask engine on a LocalCluster (2 worker processes, 1 thread each), the whole pipeline.

One pipeline load per worker process; Parquet row counts equal the inputs; a rerun writes
nothing new; the loaded store equals ``dateline ingest --workers 1``; a worker killed
mid-task leaves no duplicate after the load.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow  # starts a cluster and loads the models in each worker

from dateline.cli.main import cli  # noqa: E402
from dateline.engine.dask_engine import EngineSummary, run_units  # noqa: E402
from dateline.engine.load import load_parts  # noqa: E402
from dateline.engine.units import plan_units  # noqa: E402
from dateline.engine.work import pipeline_loads  # noqa: E402
from dateline.settings import Settings  # noqa: E402
from dateline.store import open_store  # noqa: E402

INPUTS = 41  # 40 stories and one broken line


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:  # fmt: skip
        yield c


def _dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table but the runs, without the columns that hold the time of writing."""
    out = {}
    with open_store(db, read_only=True) as store:
        for table in ("articles", "article_versions", "places", "timexes", "actors", "reports", "events"):
            cols = [r["column_name"] for r in store.rows(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]) if not r["column_name"].endswith(("_at", "run_id"))]  # fmt: skip
            out[table] = sorted(store.conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
    return out


def _parts_rows(summary: EngineSummary) -> int:
    import pyarrow.parquet as pq

    return sum(pq.read_metadata(p).num_rows for p in summary.parts)


def test_dask_engine_equals_single_process_ingest(client: Any, corpus: Path, tmp_path: Path) -> None:
    settings = Settings()
    units = plan_units([corpus], range_bytes=1500, group_files=3)
    assert len(units) >= 6
    first = run_units([corpus], settings, tmp_path / "parts", client=client, units=units)
    assert first.failed == [] and first.done == len(units)
    assert _parts_rows(first) == first.rows == INPUTS
    loads = client.run(pipeline_loads)
    assert sorted(len(v) for v in loads.values()) == [1, 1]  # one pipeline per worker process
    stamps = {p: p.stat().st_mtime_ns for p in first.parts}
    again = run_units([corpus], settings, tmp_path / "parts", client=client, units=units)
    assert (again.done, again.skipped, again.rows) == (0, len(units), 0)  # a rerun writes nothing new
    assert {p: p.stat().st_mtime_ns for p in again.parts} == stamps
    assert sorted(len(v) for v in client.run(pipeline_loads).values()) == [1, 1]
    with open_store(tmp_path / "dask.duckdb") as store:
        loaded = load_parts(first.parts, store, settings)
    assert (loaded.added, loaded.failed) == (40, 1)
    result = CliRunner().invoke(cli, ["ingest", "--workers", "1", "--no-progress", "--db",
                                      str(tmp_path / "one.duckdb"), str(corpus)])  # fmt: skip
    assert result.exit_code == 1, result.output  # the broken line
    single = _dump(tmp_path / "one.duckdb")
    assert single["events"] and _dump(tmp_path / "dask.duckdb") == single

    # a worker killed in the middle of a unit: the unit is done again elsewhere, nothing doubles
    slow = settings.evolve(options=(("engine.test_delay", 0.3),))
    out = tmp_path / "killed"
    done: list[EngineSummary] = []
    runner = threading.Thread(target=lambda: done.append(run_units([corpus], slow, out, client=client, units=units)))
    runner.start()
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline and runner.is_alive():
        for tmp in out.glob(".part-*.tmp") if out.exists() else []:
            killed = int(tmp.name.rsplit(".", 2)[-2])
            os.kill(killed, signal.SIGKILL)
            break
        time.sleep(0.05)
    runner.join(120)
    assert killed is not None and done and done[0].failed == []
    assert _parts_rows(done[0]) == INPUTS
    with open_store(tmp_path / "killed.duckdb") as store:
        again_loaded = load_parts(done[0].parts, store, settings)
    assert (again_loaded.added, again_loaded.failed) == (40, 1)
    assert _dump(tmp_path / "killed.duckdb") == single


def test_cli_extract_and_ingest_on_a_running_scheduler(client: Any, corpus: Path, tmp_path: Path) -> None:
    address = client.scheduler.address
    out = tmp_path / "out"
    args = ["extract", "--engine", "dask", "--scheduler", address, "--stages", "article", "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, str(corpus)])
    assert result.exit_code == 0, result.output
    lines = (out / "documents.jsonl").read_text().splitlines()
    assert len(lines) == 40 and len(list(out.glob("part-*.parquet"))) >= 3
    db = tmp_path / "cli.duckdb"
    args = ["ingest", "--engine", "dask", "--scheduler", address, "--stages", "article", "--db", str(db)]
    result = CliRunner().invoke(cli, [*args, str(corpus)])
    assert result.exit_code == 1 and "broken: has none of the fields" in result.output, result.output
    assert "40 added" in result.output
    again = CliRunner().invoke(cli, [*args, str(corpus)])
    assert "0 processed" in again.output and "40 already stored" in again.output, again.output
    missing = CliRunner().invoke(cli, ["extract", "--engine", "dask", "--stages", "article", str(corpus)])
    assert missing.exit_code == 2 and "--out DIR" in missing.output
