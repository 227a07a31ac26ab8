"""The store commands: ``ingest``, ``query``, ``stats``, ``events show`` and ``export``."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

import click

from ..errors import DatelineError
from .common import escape, report_error, write_json
from .engine import engine_options
from .extract import MAX_MB, MAX_MB_HELP

__all__ = ["events_group", "export", "ingest", "query", "stats"]

_DB_HELP = "The store file (default: $DATELINE_DB or ./dateline.duckdb)."


def _db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", type=click.Path(dir_okay=False), help=_DB_HELP)(f)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        if len(value) == 4:  # a year: its first day for --from, its last for --to
            return dt.date(int(value), 1, 1) if param.name == "date_from" else dt.date(int(value), 12, 31)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD or YYYY)") from None


def _bbox(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[float, ...] | None:
    if value is None:
        return None
    try:
        box = tuple(float(v) for v in value.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or not (-90 <= box[1] <= box[3] <= 90) or not all(-180 <= box[i] <= 180 for i in (0, 2)):
        raise click.BadParameter("give WEST,SOUTH,EAST,NORTH in degrees, e.g. 38,29,49,38")
    return box


def _filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--from", "date_from", callback=_date, metavar="DATE", help="Events on or after (YYYY-MM-DD or YYYY)."
        ),
        click.option(
            "--to", "date_to", callback=_date, metavar="DATE", help="Events on or before (YYYY-MM-DD or YYYY)."
        ),
        click.option("--country", help="Country name or ISO 3166 code."),
        click.option("--admin1", help="First-level administrative division (e.g. Anbar)."),
        click.option("--type", "event_type", help="ACLED event type or sub-event type."),
        click.option("--actor", help="Part of an actor's name."),
        click.option("--bbox", callback=_bbox, metavar="W,S,E,N", help="Bounding box in degrees."),
        click.option("--text", help="Words in a place name or a reporting article."),
        click.option("--no-historical", is_flag=True, help="Leave out background (historical) events."),
        click.option("--limit", type=click.IntRange(0, 100_000_000), help="At most this many events."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _filters(**kw: Any) -> Any:
    from ..store import Filters

    return Filters(
        date_from=kw["date_from"], date_to=kw["date_to"], country=kw["country"], admin1=kw["admin1"],
        event_type=kw["event_type"], actor=kw["actor"], bbox=kw["bbox"], text=kw["text"],
        include_historical=not kw["no_historical"], limit=kw["limit"],
    )  # fmt: skip


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@_db_option
@click.option("--stages", metavar="A,B,…", help="Run only these stages (default: all).")
@click.option("--max-mb", type=click.FloatRange(0.001, MAX_MB), help=MAX_MB_HELP)
@click.option("--no-dedup", is_flag=True, help="Keep every report as its own event.")
@click.option("--reprocess", is_flag=True, help="Analyse stored content again and replace its results.")
@click.option("--batch", type=click.IntRange(1, 10_000), help="Documents per transaction (default 32).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes to run the pipeline in (each loads its own models).")
@click.option("--synthetic", is_flag=True, hidden=True, help="Use the synthetic test pipeline (benchmarks, tests).")
@click.option("--synthetic-delay", type=float, default=0.0, hidden=True)
@engine_options
def ingest(
    paths: tuple[str, ...], db: str | None, stages: str | None, max_mb: float | None, no_dedup: bool,
    reprocess: bool, batch: int | None, progress: bool | None, workers: int, synthetic: bool,
    synthetic_delay: float, engine: str = "local", scheduler: str | None = None,
) -> None:  # fmt: skip
    """Read PATHS (folders, .txt/.html, .jsonl, .gz, .warc[.gz], RSS/Atom) into the store.

    Idempotent: content already stored is skipped before any analysis, an article seen
    again at the same URL with new content replaces its earlier version. Each failing
    input is named on stderr; exit status 1 when some failed, 130 when interrupted.
    """
    from ..ingest import count_inputs, read_corpus
    from ..ingest import ingest as run_ingest
    from ..store import open_store
    from .extract import settings_from

    settings = settings_from(stages, max_mb, workers)
    if no_dedup:
        settings = settings.evolve(options=(*settings.options, ("store.dedup", False)))
    if batch:
        settings = settings.evolve(options=(*settings.options, ("store.batch_docs", batch)))
    if engine == "dask":
        from .engine import dask_ingest

        if reprocess or synthetic:
            raise click.UsageError("--engine dask does not take --reprocess or --synthetic")
        return dask_ingest(paths, settings, db, scheduler, workers)
    if synthetic:
        from ..ingest.synthetic import SyntheticPipeline

        pipeline: Any = SyntheticPipeline(delay=synthetic_delay)
    else:
        from ..parallel import make_pipeline

        pipeline = make_pipeline(settings)
    with open_store(db) as store:
        from tqdm import tqdm

        show = sys.stderr.isatty() if progress is None else progress
        total = count_inputs(paths, settings) if show else None
        bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=not show, dynamic_ncols=True)

        def on_progress(s: Any) -> None:
            bar.update(s.seen - bar.n)
            bar.set_postfix(events=s.reports, stored=s.stored, skipped=s.skipped, failed=s.failed, refresh=False)

        def on_error(error: DatelineError) -> None:
            bar.clear()
            report_error(str(error))

        command = "ingest " + " ".join(paths)
        try:
            summary = run_ingest(
                pipeline,
                read_corpus(paths, settings),
                store,
                settings=settings,
                command=command,
                on_progress=on_progress,
                on_error=on_error,
                reprocess=reprocess,
            )
        except KeyboardInterrupt:
            bar.close()
            report_error("interrupted; run the same command again to resume (stored articles are kept)")
            sys.exit(130)
        bar.close()
    click.echo(f"dateline: ingest: {summary.line()}", err=True)
    if summary.failed:
        report_error(f"{summary.failed} of {summary.seen} inputs failed")
        sys.exit(1)


@click.command()
@_db_option
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
def query(db: str | None, fmt: str, **kw: Any) -> None:
    """Select stored events (newest first) and print them as a table or JSON."""
    from ..store import open_store, query_events
    from ..store.render import event_table

    with open_store(db, read_only=True) as store:
        events = query_events(store, _filters(**kw))
    if fmt == "table":
        click.echo(event_table(events))
    elif fmt == "json":
        write_json(_plain(events), sys.stdout, pretty=True)
    else:
        for event in events:
            write_json(_plain(event), sys.stdout)


def _plain(obj: Any) -> Any:
    import json

    return json.loads(json.dumps(obj, default=str))


@click.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db: str | None, as_json: bool) -> None:
    """Counts and breakdowns of what the store holds."""
    from ..store import open_store
    from ..store import stats as store_stats
    from ..store.render import stats_text

    with open_store(db, read_only=True) as store:
        s = store_stats(store)
    if as_json:
        write_json(_plain(s), sys.stdout, pretty=True)
    else:
        click.echo(stats_text(s))


@click.group("events")
def events_group() -> None:
    """Look at stored events."""


@events_group.command("show")
@click.argument("event_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def events_show(event_id: str, db: str | None, as_json: bool) -> None:
    """One event (id or unique prefix): its sources and why they were merged."""
    from ..store import get_event, open_store
    from ..store.render import explain_event

    with open_store(db, read_only=True) as store:
        event = get_event(store, event_id)
    if as_json:
        write_json(_plain(event), sys.stdout, pretty=True)
    else:
        click.echo(explain_event(event))


@click.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["acled", "plover", "geojson", "parquet"]))
@click.option("-o", "--output", required=True, metavar="FILE|-",
              help="The file to write (a symbolic link is followed; - writes to standard output).")
@_db_option
@_filter_options
def export(fmt: str, output: str, db: str | None, **kw: Any) -> None:
    """Write stored events as ACLED CSV, PLOVER JSONL, GeoJSON or Parquet (same filters as query)."""
    from ..export import export_events, export_stream
    from ..store import open_store, query_events

    with open_store(db, read_only=True) as store:
        events = query_events(store, _filters(**kw))
    if output == "-":
        n = export_stream(fmt, events, sys.stdout)
        output = "standard output"
    else:
        n = export_events(fmt, events, output)
    click.echo(f"dateline: export: {n} events written to {escape(output)}", err=True)
    if fmt == "geojson" and n < len(events):
        click.echo(f"dateline: export: {len(events) - n} events without coordinates left out", err=True)
