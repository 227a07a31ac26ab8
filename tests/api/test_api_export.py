"""GET /v1/export/{format}: streamed, the same bytes as `dateline export` for the same filters."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")

from dateline.cli.main import cli

CASES = [
    ({}, []),
    ({"country": "IQ", "event_date": "2019-01-01|2022-12-31"}, ["--country", "IQ", "--from", "2019-01-01",
                                                               "--to", "2022-12-31"]),
    ({"admin1": "Anbar"}, ["--admin1", "Anbar"]),
    ({"bbox": "38,29,49,38", "historical": "exclude"}, ["--bbox", "38,29,49,38", "--no-historical"]),
    ({"text": "Ramadi"}, ["--text", "Ramadi"]),
]  # fmt: skip


# the ACLED CSV with every filter; the other formats unfiltered and with one filter
COMBOS = [("acled", p, a) for p, a in CASES] + [
    (f, *CASES[i]) for f in ("plover", "geojson", "parquet") for i in (0, 1)
]


@pytest.mark.parametrize(("fmt", "params", "args"), COMBOS, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(COMBOS)])
def test_export_is_byte_identical_to_the_cli(
    client: Any, synthetic_db: Path, tmp_path: Path, fmt: str, params: dict[str, str], args: list[str]
) -> None:
    out, copy = tmp_path / f"cli.{fmt}", tmp_path / "copy.duckdb"
    shutil.copy(synthetic_db, copy)  # one process cannot open a file twice with different settings
    result = CliRunner().invoke(cli, ["export", fmt, "-o", str(out), "--db", str(copy), *args])
    assert result.exit_code == 0, result.output
    r = client.get(f"/v1/export/{fmt}", params=params)
    assert r.status_code == 200
    assert r.content == out.read_bytes()
    assert "attachment" in r.headers["content-disposition"]


def test_export_streams_in_batches(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.api import routes_export

    monkeypatch.setattr(routes_export, "BATCH_ROWS", 7)
    whole = client.get("/v1/export/acled").content
    with client.stream("GET", "/v1/export/acled") as r:
        chunks = list(r.iter_raw())
    assert b"".join(chunks) == whole and len(chunks) > 3


def test_parquet_reads_back(client: Any) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(client.get("/v1/export/parquet").content))
    assert table.num_rows == client.get("/v1/events").json()["count"]


def test_export_errors(client: Any) -> None:
    assert client.get("/v1/export/xlsx").status_code == 404
    r = client.get("/v1/export/acled", params={"limit": "5"})
    assert r.status_code == 422 and "'limit'" in r.json()["detail"]
    r = client.get("/v1/export/acled", params={"country": "Narnia"})
    assert r.status_code == 422 and "'country'" in r.json()["detail"]
