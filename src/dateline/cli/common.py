"""What the commands share: clean one-line errors and the output writer."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import click

from ..errors import DatelineError

__all__ = ["fail_cleanly", "report_error", "write_json"]


def report_error(message: str) -> None:
    click.echo(f"dateline: error: {message}", err=True)


@contextlib.contextmanager
def fail_cleanly() -> Iterator[None]:
    """Turn DatelineErrors and broken pipes into a one-line message and an exit status."""
    try:
        yield
    except DatelineError as exc:
        report_error(str(exc))
        sys.exit(2)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        report_error("interrupted")
        sys.exit(130)


def write_json(obj: Any, out: TextIO, *, pretty: bool = False) -> None:
    out.write(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None))
    out.write("\n")
