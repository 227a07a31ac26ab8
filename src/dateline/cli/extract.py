"""``dateline extract``: pages in, contract documents out (see shared/CONTRACT.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import InputError
from ..inputs import read_jsonl
from ..pipeline import Pipeline
from ..runner import write_documents
from ..settings import Settings
from .common import escape, report_error
from .engine import engine_options

if TYPE_CHECKING:
    from ..parallel import ParallelPipeline

#: the largest input accepted (megabytes): what one worker processes within the 1.5 GB memory goal
#: (benchmarks/doc_length.md)
MAX_MB = 10.0
MAX_MB_HELP = f"Reject inputs larger than this many megabytes (default 10, at most {MAX_MB:g})."


def settings_from(stages: str | None, max_mb: float | None, workers: int = 1) -> Settings:
    settings = Settings(workers=workers)
    if stages:
        settings = settings.evolve(stages=tuple(s.strip() for s in stages.split(",") if s.strip()))
    if max_mb:
        settings = settings.evolve(max_input_bytes=int(max_mb * 1_000_000))
    return settings


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--jsonl", "jsonl", metavar="FILE|-", help="Read one JSON object a line (text, html or body).")
@click.option("--stages", metavar="A,B,…", help="Run only these stages (default: all).")
@click.option("--max-mb", type=click.FloatRange(0.001, MAX_MB), help=MAX_MB_HELP)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes to run the pipeline in (each loads its own models).")
@click.option("--pretty", is_flag=True, help="Indent JSON output.")
@engine_options
@click.option("--out", metavar="DIR", help="With --engine dask: the folder for the parts and documents.jsonl.")
def extract(paths: tuple[str, ...], jsonl: str | None, stages: str | None, max_mb: float | None,
            workers: int, pretty: bool, engine: str = "local", scheduler: str | None = None,
            out: str | None = None) -> None:
    """Extract articles, places, times and events from PATHS (.txt, .html, .jsonl, .warc, RSS/Atom,
    any of these .gz, folders, or - for stdin): the same readers as ``dateline ingest``.

    One page file gives one JSON document; several inputs, a folder, an archive or --jsonl give JSONL.
    Exit status 1 when some inputs failed (each is named on stderr), 2 on a usage error.
    """
    if not paths and not jsonl:
        raise click.UsageError("give PATH... or --jsonl FILE (use - for standard input)")
    if paths and jsonl:
        raise click.UsageError("give either PATH... or --jsonl, not both")
    from ..ingest.readers import file_format, read_corpus, read_file, sniff_format

    settings = settings_from(stages, max_mb, workers)
    if engine == "dask":
        from .engine import dask_extract

        sources = paths if paths else ((jsonl,) if jsonl and jsonl != "-" else ())
        return dask_extract(sources, settings, out, scheduler, workers)
    if workers > 1:
        from ..parallel import make_pipeline  # process pools only when asked for (the cold start)

        pipeline: Pipeline | ParallelPipeline = make_pipeline(settings)
    else:
        pipeline = Pipeline.from_settings(settings)  # models load on first use
    if jsonl:
        if jsonl == "-":
            inputs = read_jsonl(sys.stdin.buffer, "<stdin>", settings)
            single = False
            summary = write_documents(pipeline, inputs, sys.stdout, pretty=pretty, on_error=_report)
        else:
            path = Path(jsonl)
            if not path.is_file():
                raise click.BadParameter(f"{escape(jsonl)}: no such file", param_hint="--jsonl")
            summary = write_documents(
                pipeline, read_file(path, settings, fmt="jsonl"), sys.stdout, pretty=pretty, on_error=_report
            )
    else:
        first = Path(paths[0])
        single = (
            len(paths) == 1
            and not first.is_dir()
            and file_format(first)[0] in (None, "page")
            and sniff_format(first)[0] is None
        )
        summary = write_documents(
            pipeline, read_corpus(paths, settings), sys.stdout, single=single, pretty=pretty, on_error=_report
        )
    if summary.failed:
        report_error(f"{summary.failed} of {summary.failed + summary.documents} inputs failed")
        sys.exit(1)


def _report(error: InputError | Exception) -> None:
    report_error(str(error))
