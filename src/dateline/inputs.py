"""Reading inputs: files, folders, standard input and JSONL, as a stream of :class:`RawInput`.

Every reader yields either a :class:`RawInput` or an :class:`InputError` naming the input
and the problem, so one bad document never stops a batch. Nothing is read ahead: memory
does not grow with the number of inputs.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from .errors import InputError
from .records import RawInput
from .settings import Settings

__all__ = [
    "TEXT_SUFFIXES",
    "decode_bytes",
    "iter_folder",
    "read_jsonl",
    "read_path",
    "read_paths",
    "read_stream",
    "sniff_kind",
]

#: file endings read from folders, and how each is read
TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}

_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|article|p|title)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def sniff_kind(text: str) -> str:
    """``"html"`` when the text starts like an HTML document, else ``"text"``."""
    return "html" if _HTML_START.match(text[:2048]) else "text"


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(b in _CONTROL for b in head)
    return controls / len(head) > 0.05


def decode_bytes(data: bytes, source: str, settings: Settings, kind: str | None = None) -> str:
    """Decode a document's bytes, or raise an :class:`InputError` saying why it can't be."""
    if len(data) > settings.max_input_bytes:
        raise InputError(source, f"too large ({len(data):,} bytes; the limit is {settings.max_input_bytes:,})")
    if not data.strip():
        raise InputError(source, "empty input")
    if _looks_binary(data):
        raise InputError(source, "binary data, not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _META_CHARSET.search(data[:4096]) if kind != "text" else None
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"), errors="replace")
            except LookupError:
                pass
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(source, f"not valid UTF-8 (byte 0x{bad} at offset {exc.start}); convert it to UTF-8") from None


def read_path(path: Path, settings: Settings, kind: str | None = None) -> RawInput:
    """Read one file as a document (kind sniffed unless given); raises :class:`InputError`."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise InputError(source, f"too large ({size:,} bytes; the limit is {settings.max_input_bytes:,})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except IsADirectoryError:
        raise InputError(source, "is a folder") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from None
    kind = kind or TEXT_SUFFIXES.get(path.suffix.lower())
    text = decode_bytes(data, source, settings, kind)
    return RawInput(source, kind or sniff_kind(text), text)  # type: ignore[arg-type]


def iter_folder(folder: Path) -> Iterator[Path]:
    """The documents of a folder, recursively, in a stable order; hidden files are skipped."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            yield path


def read_paths(
    paths: Iterable[str | Path],
    settings: Settings,
    *,
    list_folder: Callable[[Path], Iterator[Path]] = iter_folder,
    read_file: Callable[[Path, Settings], Iterator[RawInput | InputError]] | None = None,
    empty_folder: str = "folder holds no .txt or .html files",
) -> Iterator[RawInput | InputError]:
    """Files and folders, streamed; ``-`` reads standard input.

    By default a file is one page (``.txt``/``.html``); the corpus readers of
    :mod:`dateline.ingest` pass their own ``list_folder`` and ``read_file`` for archives and feeds.
    """
    import sys

    read = read_file or _read_page
    for item in paths:
        if str(item) == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", settings)
            continue
        path = Path(item)
        if path.is_dir():
            found = False
            for file in list_folder(path):
                found = True
                yield from read(file, settings)
            if not found:
                yield InputError(str(path), empty_folder)
        elif not path.exists():
            yield InputError(str(path), "no such file or folder")
        else:
            yield from read(path, settings)


def _read_page(path: Path, settings: Settings) -> Iterator[RawInput | InputError]:
    try:
        yield read_path(path, settings)
    except InputError as exc:
        yield exc


def read_stream(stream: IO[bytes], source: str, settings: Settings) -> Iterator[RawInput | InputError]:
    """One document from a byte stream (standard input), sniffed as HTML or text."""
    data = stream.read(settings.max_input_bytes + 1)
    try:
        text = decode_bytes(data, source, settings)
    except InputError as exc:
        yield exc
        return
    yield RawInput(source, sniff_kind(text), text)  # type: ignore[arg-type]


_CONTENT_FIELDS = ("text", "html", "body")


def parse_jsonl_record(line: str | bytes, source: str, settings: Settings) -> RawInput:
    """One JSONL line as an input (see shared/CONTRACT.md); raises :class:`InputError`."""
    if len(line) > settings.max_input_bytes:
        raise InputError(source, f"line too large ({len(line):,} bytes; the limit is {settings.max_input_bytes:,})")
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(source, f"not valid JSON ({exc.msg if hasattr(exc, 'msg') else exc})") from None
    if not isinstance(obj, dict):
        raise InputError(source, "a JSONL line must be a JSON object")
    doc_id = obj.get("id")
    if doc_id is not None:
        source = str(doc_id)
    present = [f for f in _CONTENT_FIELDS if obj.get(f) is not None]
    if len(present) != 1:
        what = "none of" if not present else "more than one of"
        raise InputError(source, f"has {what} the fields text, html, body (exactly one is needed)")
    content = obj[present[0]]
    if not isinstance(content, str):
        raise InputError(source, f"field {present[0]!r} must be a string")
    if not content.strip():
        raise InputError(source, f"field {present[0]!r} is empty")
    published, url = obj.get("published"), obj.get("url")
    if published is not None and not isinstance(published, str):
        raise InputError(source, "field 'published' must be a string date")
    return RawInput(
        source,
        present[0],  # type: ignore[arg-type]
        content,
        published=published or None,
        url=url if isinstance(url, str) else None,
    )


def read_jsonl(stream: IO[bytes], name: str, settings: Settings) -> Iterator[RawInput | InputError]:
    """Stream a JSONL file: one input per non-blank line, ids default to ``name:line``."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    for number, raw_line in enumerate(stream, start=1):
        source = f"{name}:{number}"
        try:
            line = decoder.decode(raw_line, final=False)
        except UnicodeDecodeError:
            decoder.reset()
            yield InputError(source, "line is not valid UTF-8")
            continue
        if not line.strip():
            continue
        try:
            yield parse_jsonl_record(line, source, settings)
        except InputError as exc:
            yield exc
