"""What the commands share: clean one-line errors and the output writer."""

from __future__ import annotations

import contextlib
import json
import logging
import re
import signal
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import click

from ..errors import DatelineError

__all__ = ["EscapingFormatter", "escape", "fail_cleanly", "report_error", "sigterm_as_interrupt", "write_json"]

#: control characters (C0, DEL, C1) and line/paragraph separators: never sent raw to a terminal
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape(text: str) -> str:
    """``text`` with control characters written as escapes, so a message stays one harmless line."""
    def one(m: re.Match[str]) -> str:
        ch = m.group()
        named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch)
        if named:
            return named
        return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"

    return _CONTROLS.sub(one, text)


class EscapingFormatter(logging.Formatter):
    """Log lines with control characters escaped (a document id may hold a newline or ESC)."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if record.exc_info:  # tracebacks (-vv) keep their lines
            return text
        return escape(text)


def report_error(message: str) -> None:
    click.echo(f"dateline: error: {escape(message)}", err=True)


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def sigterm_as_interrupt() -> None:
    """SIGTERM ends a run as Ctrl-C does: what is analysed is stored, the run is recorded, workers stop."""
    with contextlib.suppress(ValueError, TypeError):  # only the main thread may set handlers
        signal.signal(signal.SIGTERM, _terminate)


@contextlib.contextmanager
def fail_cleanly() -> Iterator[None]:
    """Turn DatelineErrors, store errors and broken pipes into a one-line message and an exit status."""
    previous = signal.getsignal(signal.SIGTERM)
    sigterm_as_interrupt()
    try:
        yield
    except DatelineError as exc:
        report_error(str(exc))
        sys.exit(2)
    except BrokenPipeError:
        with contextlib.suppress(Exception):
            sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        report_error("interrupted")
        sys.exit(130)
    except MemoryError:
        report_error("out of memory; try a smaller --max-mb or fewer --workers")
        sys.exit(2)
    except Exception as exc:
        if _is_duckdb(exc):  # a damaged store met after opening it (a flipped byte, a dropped table)
            first = " ".join(str(exc).split())[:200]
            report_error(f"the store is damaged or unreadable ({type(exc).__name__}: {first})")
            sys.exit(2)
        if isinstance(exc, OSError) and exc.errno is not None:
            name = f" {exc.filename}" if exc.filename else ""
            report_error(f"cannot write or read{name}: {exc.strerror or exc}")
            sys.exit(2)
        raise
    finally:
        with contextlib.suppress(ValueError, TypeError):
            signal.signal(signal.SIGTERM, previous)


def _is_duckdb(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] in ("duckdb", "_duckdb")


def write_json(obj: Any, out: TextIO, *, pretty: bool = False) -> None:
    out.write(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None))
    out.write("\n")
