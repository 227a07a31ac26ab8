"""Corpus readers: folders mixing pages, gzip'd files, JSONL, WARC archives and feeds.

Like :mod:`dateline.inputs` (whose functions they reuse), every reader yields a
:class:`RawInput` or an :class:`InputError` naming the input and the problem; nothing is
read ahead. A file's format comes from its name:

====================================  ==========================================
``.txt .text .html .htm .xhtml``      one document (as ``dateline extract``)
``.jsonl .ndjson``                    one document a line (shared/CONTRACT.md)
``.warc .arc``                        each HTML/text response (warcio)
``.rss .atom .xml``                   each feed entry (feedparser)
any of these + ``.gz``                the same, gzip'd
====================================  ==========================================
"""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..inputs import (
    TEXT_SUFFIXES,
    decode_bytes,
    open_regular,
    read_bounded,
    read_jsonl,
    read_path,
    read_paths,
    read_stream,
    sniff_kind,
    walk_folder,
)
from ..records import RawInput
from ..settings import Settings
from .feeds import count_feed, read_feed
from .warc import count_warc, read_warc

__all__ = [
    "CORPUS_SUFFIXES",
    "count_inputs",
    "file_format",
    "iter_corpus_folder",
    "read_corpus",
    "read_file",
    "sniff_format",
]

log = logging.getLogger(__name__)

#: file endings (before an optional ``.gz``) and the format each is read as
CORPUS_SUFFIXES: dict[str, str] = {
    **{suffix: "page" for suffix in TEXT_SUFFIXES},
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".arc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def file_format(path: Path) -> tuple[str | None, bool]:
    """``(format, gzipped)`` from the file name; format None when the name says nothing."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    inner = Path(name[:-3]) if gz else Path(name)
    return CORPUS_SUFFIXES.get(inner.suffix), gz


def iter_corpus_folder(folder: Path) -> Iterator[Path | InputError]:
    """The corpus files of a folder, recursively, in a stable order; hidden files skipped.

    Unreadable subfolders come as :class:`InputError` items, never skipped silently.
    """
    return walk_folder(folder, lambda p: file_format(p)[0] is not None)


def _gunzip(path: Path, settings: Settings) -> bytes:
    """The decompressed bytes (at most the input limit + 1); raises :class:`InputError`."""
    fh = open_regular(path, settings, whole=False)
    try:
        with gzip.open(fh, "rb") as gz:
            return gz.read(settings.max_input_bytes + 1)
    except _GZIP_ERRORS as exc:
        raise InputError(str(path), f"truncated or corrupt gzip file ({exc})") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    finally:
        fh.close()


def _read_bytes(path: Path, gz: bool, settings: Settings) -> bytes:
    return _gunzip(path, settings) if gz else read_bounded(path, settings)


def _page(path: Path, gz: bool, settings: Settings) -> RawInput:
    if not gz:
        return read_path(path, settings)
    source = str(path)
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    kind = TEXT_SUFFIXES.get(Path(name).suffix.lower())
    text = decode_bytes(_gunzip(path, settings), source, settings, kind)
    return RawInput(source, kind or sniff_kind(text), text)  # type: ignore[arg-type]


def _jsonl(path: Path, gz: bool, settings: Settings) -> Iterator[RawInput | InputError]:
    try:
        fh = open_regular(path, settings, whole=False)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(str(path), "permission denied" if isinstance(exc, PermissionError)
                         else f"cannot be read ({exc.strerror or exc})")
        return
    try:
        with gzip.open(fh, "rb") if gz else fh as stream:
            yield from read_jsonl(stream, str(path), settings)  # type: ignore[arg-type]
    except _GZIP_ERRORS as exc:
        yield InputError(str(path), f"truncated or corrupt gzip file ({exc}); the lines before were read")
    except OSError as exc:
        yield InputError(str(path), f"cannot be read ({exc.strerror or exc}); the lines before were read")
    finally:
        fh.close()


def sniff_format(path: Path) -> tuple[str | None, bool]:
    """``(format, gzipped)`` from the first bytes of a file the name says nothing about."""
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
            if head[:2] == b"\x1f\x8b":
                with gzip.open(path, "rb") as gz:
                    head = gz.read(512)
                gzipped = True
            else:
                gzipped = False
    except (OSError, *_GZIP_ERRORS):
        return None, False
    start = head.lstrip()
    if start.startswith((b"WARC/", b"filedesc://")):
        return "warc", gzipped
    if start.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head.lower()):
        return "feed", gzipped
    return None, gzipped


def read_file(path: Path, settings: Settings, fmt: str | None = None) -> Iterator[RawInput | InputError]:
    """The documents of one corpus file, whatever its format (from its name, else its first bytes).

    Never silent: a file from which nothing comes (an empty JSONL file, a WARC without HTML or
    text responses) is reported as holding no documents.
    """
    found = False
    for item in _read_file(path, settings, fmt):
        found = True
        yield item
    if not found:
        what = {"warc": "no HTML or plain-text responses", "jsonl": "no JSON lines"}.get(file_format(path)[0] or "")
        yield InputError(str(path), f"holds no documents ({what or 'nothing to read'})")


def _read_file(path: Path, settings: Settings, fmt: str | None = None) -> Iterator[RawInput | InputError]:
    named, gz = file_format(path)
    fmt = fmt or named
    if fmt is None or fmt == "page":  # a WARC, gzip or feed under another name is never read as a page
        sniffed, sniffed_gz = sniff_format(path)
        fmt, gz = (sniffed or fmt), gz or sniffed_gz
    try:
        if fmt == "jsonl":
            yield from _jsonl(path, gz, settings)
        elif fmt == "warc":
            yield from read_warc(path, settings)  # warcio reads gzip'd archives itself
        elif fmt == "feed":
            yield from read_feed(path, _read_bytes(path, gz, settings), settings)
        elif fmt is None and gz:  # "x.gz": sniffed as HTML or text
            data = _gunzip(path, settings)
            yield from read_stream(io.BytesIO(data), str(path), settings)
        else:
            yield _page(path, gz, settings)
    except InputError as exc:
        yield exc


def read_corpus(paths: Iterable[str | Path], settings: Settings) -> Iterator[RawInput | InputError]:
    """Files and folders of any corpus format, streamed; ``-`` reads a page from standard input."""
    return read_paths(paths, settings, list_folder=iter_corpus_folder, read_file=read_file,
                      empty_folder="folder holds no corpus files (.txt, .html, .jsonl, .warc, feeds, .gz)")


def _count_file(path: Path, settings: Settings) -> int:
    fmt, gz = file_format(path)
    try:
        if fmt == "warc":
            return count_warc(path)
        if fmt == "jsonl":
            n = 0
            with open_regular(path, settings, whole=False) if not gz else gzip.open(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    n += chunk.count(b"\n")
            return max(n, 1)
        if fmt == "feed":
            return count_feed(_read_bytes(path, gz, settings))
    except (InputError, OSError, *_GZIP_ERRORS):
        return 1
    return 1


def count_inputs(paths: Iterable[str | Path], settings: Settings) -> int | None:
    """About how many documents ``paths`` hold (for a progress bar's ETA); None if unknown."""
    total = 0
    for item in paths:
        if str(item) == "-":
            return None
        path = Path(item)
        files = iter_corpus_folder(path) if path.is_dir() else [path]
        total += sum(_count_file(f, settings) if isinstance(f, Path) else 1 for f in files)
    return total
