"""``dateline serve``: the HTTP API over the store (needs the optional extra ``api``)."""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from pathlib import Path

import click

from ..errors import StoreError
from .common import report_error

__all__ = ["serve"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@click.option(
    "--db", type=click.Path(dir_okay=False), help="The store file (default: $DATELINE_DB or ./dateline.duckdb)."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--allow-writes", is_flag=True, help="Accept POST /v1/articles (the server is then the store's writer).")
@click.option("--public", is_flag=True, help="Allow a non-loopback --host (requires a token).")
@click.option("--token", envvar="DATELINE_API_TOKEN", help="Bearer token required on /v1 (env DATELINE_API_TOKEN).")
@click.option("--max-body-mb", type=click.FloatRange(min=0.001), default=10.0, show_default=True,
              help="Largest request body accepted (413 past it).")  # fmt: skip
@click.option("--pipeline-seconds", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Time limit of one extraction request (504 past it).")  # fmt: skip
@click.option("--synthetic", is_flag=True, hidden=True, help="Use the synthetic test pipeline (benchmarks, tests).")
def serve(
    db: str | None, host: str, port: int, allow_writes: bool, public: bool, token: str | None,
    max_body_mb: float, pipeline_seconds: float, synthetic: bool,
) -> None:  # fmt: skip
    """Serve the store over HTTP: /v1/events (ACLED-style filters), exports, places, stats; docs at /docs.

    Read-only and bound to 127.0.0.1 unless told otherwise. While another process (an
    ingestion) holds the store, requests get 503 with Retry-After; while the server runs,
    `dateline ingest` on the same file says the store is in use.
    """
    try:
        import uvicorn

        from ..api import ApiConfig, create_app
        from ..api.storage import StoreBusy, open_locked
    except ImportError as exc:
        raise click.ClickException(
            f"the API needs its extra: pip install 'dateline[api]' ({exc.name} is missing)"
        ) from None
    from ..store.db import default_db_path

    path = Path(db) if db else default_db_path()
    if not is_loopback(host):
        if not public:
            raise click.UsageError(
                f"--host {host} would expose the store beyond this machine; add --public (and --token)"
            )
        if not token:
            raise click.UsageError("--public needs a bearer token: --token TOKEN or $DATELINE_API_TOKEN")
        click.echo(f"dateline: warning: serving {path.name} on {host}:{port}, reachable from other machines;"
                   " every /v1 request needs the bearer token", err=True)  # fmt: skip
    try:
        open_locked(path, read_only=not allow_writes).close()  # fail early: missing, not a store, migration
    except StoreBusy as exc:
        if allow_writes:
            raise StoreError(f"{exc}; --allow-writes needs the store to itself") from None
        click.echo(f"dateline: warning: {exc}; requests get 503 (Retry-After) until it is free", err=True)
    _check_port(host, port)
    pipeline_factory = None
    if synthetic:
        from ..ingest.synthetic import SyntheticPipeline

        pipeline_factory = SyntheticPipeline
    config = ApiConfig(
        db=path, allow_writes=allow_writes, token=token, max_body_bytes=int(max_body_mb * 1_000_000),
        pipeline_seconds=pipeline_seconds, pipeline_factory=pipeline_factory,
    )  # fmt: skip
    mode = "read-write" if allow_writes else "read-only"
    click.echo(f"dateline: serving {path.name} ({mode}) on http://{host}:{port}/ (docs at /docs)", err=True)
    uvicorn.run(create_app(config), host=host, port=port, log_level=os.environ.get("DATELINE_LOG", "warning"),
                server_header=False, timeout_graceful_shutdown=5)  # fmt: skip


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host.strip("[]"), port))
        except OSError as exc:
            report_error(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
            sys.exit(2)
