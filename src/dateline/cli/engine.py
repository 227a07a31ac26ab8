"""``--engine dask`` for ``dateline ingest`` and ``dateline extract`` (see docs/scale.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..settings import Settings
from .common import report_error

__all__ = ["dask_extract", "dask_ingest", "engine_options"]


def engine_options(f: Any) -> Any:
    """``--engine`` and ``--scheduler``, shared by ingest and extract."""
    f = click.option("--scheduler", metavar="tcp://HOST:PORT",
                     help="With --engine dask: use this running Dask scheduler (default: a local cluster "
                          "of --workers processes).")(f)  # fmt: skip
    return click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                        help="local: this machine's processes; dask: input units over a Dask cluster, "
                             "written as Parquet parts, then loaded by one writer.")(f)  # fmt: skip


def _run(paths: tuple[str, ...], settings: Settings, out: Path, scheduler: str | None, workers: int) -> Any:
    import logging

    from ..engine.dask_engine import _import_distributed, run_units

    _import_distributed()  # its logging set-up happens on import; quiet it unless -vv
    if logging.getLogger().level > logging.DEBUG:
        logging.getLogger("distributed").setLevel(logging.ERROR)
    summary = run_units(paths, settings, out, scheduler=scheduler, workers=max(1, workers))
    click.echo(f"dateline: dask: {summary.line()}", err=True)
    for failure in summary.failed:
        report_error(failure)
    return summary


def dask_ingest(paths: tuple[str, ...], settings: Settings, db: str | None, scheduler: str | None,
                workers: int) -> None:  # fmt: skip
    """Units to parts in ``<db>.parts/``, then the parts into the store."""
    from ..engine.load import load_parts
    from ..store import default_db_path, open_store

    target = Path(db) if db else default_db_path()
    engine = _run(paths, settings, target.with_name(target.name + ".parts"), scheduler, workers)
    parts = [p for p in engine.parts if p.exists()]
    with open_store(target) as store:
        summary = load_parts(parts, store, settings, command="ingest --engine dask " + " ".join(paths),
                             on_error=lambda e: report_error(str(e)))  # fmt: skip
    click.echo(f"dateline: ingest: {summary.line()}", err=True)
    if summary.failed or engine.failed:
        report_error(f"{summary.failed} of {summary.seen} inputs and {len(engine.failed)} units failed")
        sys.exit(1)


def dask_extract(paths: tuple[str, ...], settings: Settings, out: str | None, scheduler: str | None,
                 workers: int) -> None:  # fmt: skip
    """Units to parts in ``--out DIR``, then ``DIR/documents.jsonl`` in input order."""
    from ..engine.load import write_jsonl

    if not out:
        raise click.UsageError("--engine dask writes to a folder: give --out DIR")
    if not paths:
        raise click.UsageError("--engine dask reads PATH... (files or folders)")
    folder = Path(out)
    engine = _run(paths, settings, folder, scheduler, workers)
    count = write_jsonl([p for p in engine.parts if p.exists()], folder / "documents.jsonl")
    click.echo(f"dateline: extract: {count} documents in {folder / 'documents.jsonl'}", err=True)
    if engine.failed:
        sys.exit(1)
