"""Input units: the pieces of a corpus a worker reads and processes whole.

A unit is a WARC file, a byte range of a plain JSONL file (cut at line ends, with the
number of its first line so that documents keep the ids a single-process read gives them:
``name:line``), a whole gzip'd JSONL file or feed, or a group of page files. Units are
planned by the client from file names and sizes only (plus a scan for line ends in JSONL
files); workers then read their unit themselves, so no document crosses the network.
Units are listed in input order: reading every unit in turn yields exactly the documents
:func:`dateline.ingest.read_corpus` yields, in the same order.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..inputs import parse_jsonl_record
from ..records import RawInput
from ..settings import Settings

__all__ = ["Unit", "plan_units", "read_unit"]

#: a JSONL file is cut into ranges of about this many bytes
DEFAULT_RANGE_BYTES = 8_000_000
#: page files (.txt, .html) are grouped this many to a unit
DEFAULT_GROUP_FILES = 64


@dataclass(frozen=True, slots=True)
class Unit:
    """One piece of work: ``kind`` is ``files`` (read whole, in order) or ``jsonl-range``."""

    index: int  # position in input order
    kind: str
    paths: tuple[str, ...]
    start: int = 0  # byte range of a jsonl-range unit
    end: int = 0
    first_line: int = 1
    stamp: str = ""  # sizes and modification times: a changed input is a new unit

    @property
    def key(self) -> str:
        """A name for this unit that changes when its input changes."""
        text = "|".join((self.kind, *self.paths, str(self.start), str(self.end), self.stamp))
        return hashlib.sha1(text.encode()).hexdigest()[:16]

    @property
    def label(self) -> str:
        name = Path(self.paths[0]).name if self.paths else "empty"
        if self.kind == "jsonl-range":
            return f"{name}@{self.start}-{self.end}"
        return name if len(self.paths) == 1 else f"{name}+{len(self.paths) - 1}"


def _stamp(paths: Iterable[Path]) -> str:
    parts = []
    for p in paths:
        try:
            st = p.stat()
            parts.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append("missing")
    return ",".join(parts)


def _jsonl_ranges(path: Path, range_bytes: int) -> Iterator[tuple[int, int, int]]:
    """``(start, end, first_line)`` ranges of about ``range_bytes``, cut after a newline."""
    start, line = 0, 1
    with path.open("rb") as fh:
        while True:
            fh.seek(start)
            chunk = fh.read(range_bytes)
            if not chunk:
                return
            if len(chunk) == range_bytes:
                rest = fh.readline()  # finish the line the cut fell in
                chunk += rest
            end = start + len(chunk)
            yield start, end, line
            line += chunk.count(b"\n")
            start = end


def plan_units(
    paths: Iterable[str | Path],
    *,
    range_bytes: int = DEFAULT_RANGE_BYTES,
    group_files: int = DEFAULT_GROUP_FILES,
    problems: list[InputError] | None = None,
) -> list[Unit]:
    """The units of ``paths`` (files and folders, as ``dateline ingest`` takes them), in input order.

    Unreadable files or folders met on the way are appended to ``problems`` (never skipped silently).
    """
    from ..ingest.readers import file_format, iter_corpus_folder

    units: list[Unit] = []
    group: list[Path] = []

    def add(kind: str, files: list[Path], start: int = 0, end: int = 0, first_line: int = 1) -> None:
        units.append(Unit(len(units), kind, tuple(str(f) for f in files), start, end, first_line, _stamp(files)))

    def flush_group() -> None:
        if group:
            add("files", list(group))
            group.clear()

    files: list[Path] = []
    for item in paths:
        path = Path(item)
        for found in iter_corpus_folder(path) if path.is_dir() else [path]:
            if isinstance(found, InputError):
                if problems is not None:
                    problems.append(found)
            else:
                files.append(found)
    for path in files:
        fmt, gz = file_format(path)
        if fmt == "jsonl" and not gz and path.is_file():
            flush_group()
            for start, end, first in _jsonl_ranges(path, range_bytes):
                add("jsonl-range", [path], start, end, first)
        elif fmt in ("page", None) and path.is_file():
            group.append(path)
            if len(group) >= group_files:
                flush_group()
        else:  # a WARC, a feed, a gzip'd JSONL, or a missing file (read_file names the problem)
            flush_group()
            add("files", [path])
    flush_group()
    return units


def read_unit(unit: Unit, settings: Settings) -> Iterator[RawInput | InputError]:
    """The documents of ``unit``, as the single-process readers give them."""
    from ..ingest.readers import read_corpus

    if unit.kind != "jsonl-range":
        yield from read_corpus(unit.paths, settings)
        return
    source = unit.paths[0]
    try:
        with open(source, "rb") as fh:
            fh.seek(unit.start)
            data = fh.read(unit.end - unit.start)
    except OSError as exc:
        yield InputError(source, f"cannot be read ({exc.strerror or exc})")
        return
    for number, raw_line in enumerate(io.BytesIO(data), start=unit.first_line):
        where = f"{source}:{number}"
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError:
            yield InputError(where, "line is not valid UTF-8")
            continue
        if not line.strip():
            continue
        try:
            yield parse_jsonl_record(line, where, settings)
        except InputError as exc:
            yield exc
