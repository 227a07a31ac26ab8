"""``dateline``: the command group. Each command lives in its own module of this package."""

from __future__ import annotations

import importlib
import logging
import sys

import click

from .. import __version__
from .common import EscapingFormatter, fail_cleanly

#: command name -> (module, attribute): a command's module is imported only when it runs (or for --help)
_COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("dateline.cli.extract", "extract"),
    "eval": ("dateline.cli.evaluate", "eval_group"),
    "gazetteer": ("dateline.cli.gazetteer", "gazetteer_group"),
    "ingest": ("dateline.cli.store", "ingest"),
    "query": ("dateline.cli.store", "query"),
    "stats": ("dateline.cli.store", "stats"),
    "events": ("dateline.cli.store", "events_group"),
    "export": ("dateline.cli.store", "export"),
    "places": ("dateline.cli.places", "places_group"),
    "serve": ("dateline.cli.serve", "serve"),
}


class _CleanGroup(click.Group):
    """Every command's errors become one line and an exit status (also under click's test runner).

    Commands load lazily from :data:`_COMMANDS`: ``dateline extract`` never imports the store,
    the web server or the evaluation code (the cold start, benchmarks/cold_start.py)."""

    def invoke(self, ctx: click.Context) -> object:
        with fail_cleanly():
            return super().invoke(ctx)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _COMMANDS:
            module, attr = _COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)


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


def main() -> None:
    """Console entry point."""
    with fail_cleanly():
        cli.main(standalone_mode=True)
