"""``dateline``: the command group. Each command lives in its own module of this package."""

from __future__ import annotations

import logging
import sys

import click

from .. import __version__
from .common import EscapingFormatter, fail_cleanly


class _CleanGroup(click.Group):
    """Every command's errors become one line and an exit status (also under click's test runner)."""

    def invoke(self, ctx: click.Context) -> object:
        with fail_cleanly():
            return super().invoke(ctx)


@click.group(cls=_CleanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Read news and write down what happened: who did what to whom, where and when."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, stream=sys.stderr, format="dateline: %(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:  # ids and paths in log lines are escaped too
        handler.setFormatter(EscapingFormatter("dateline: %(levelname)s %(name)s: %(message)s"))
    # third-party libraries speak only when asked (-vv); dateline's own errors are one line each
    for noisy in _NOISY_LIBRARIES:
        logging.getLogger(noisy).setLevel(level if verbose >= 2 else logging.ERROR)


_NOISY_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "dateparser")


def _register() -> None:
    from .evaluate import eval_group
    from .extract import extract
    from .gazetteer import gazetteer_group

    cli.add_command(extract)
    cli.add_command(eval_group)
    cli.add_command(gazetteer_group)

    from .store import events_group, export, ingest, query, stats

    for command in (ingest, query, stats, events_group, export):
        cli.add_command(command)
    from .places import places_group; cli.add_command(places_group)  # noqa: E702, I001

    from .serve import serve

    cli.add_command(serve)


_register()


def main() -> None:
    """Console entry point."""
    with fail_cleanly():
        cli.main(standalone_mode=True)
