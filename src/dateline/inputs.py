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
    "clean_text",
    "decode_bytes",
    "iter_folder",
    "open_regular",
    "read_jsonl",
    "read_path",
    "read_paths",
    "read_stream",
    "sniff_kind",
    "walk_folder",
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


#: byte-order marks, longest first (UTF-32's starts like UTF-16's)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SURROGATES = re.compile("[\ud800-\udfff]")
_NEWLINES = re.compile("\r\n?")
#: labels a page may declare that are not byte-to-text encodings a browser would use
_ODD_CODECS = {"idna", "punycode", "undefined", "utf-7", "raw-unicode-escape", "unicode-escape", "uu", "rot-13"}


def clean_text(text: str) -> str:
    """Text every stage can take: lone surrogates become U+FFFD, NULs go, CR/CRLF become LF."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    return text


def _text_codec(label: str) -> str | None:
    """The Python codec a declared charset names, if it is a usable text encoding."""
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    if info.name in _ODD_CODECS or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def decode_bytes(data: bytes, source: str, settings: Settings, kind: str | None = None) -> str:
    """Decode a document's bytes, or raise an :class:`InputError` saying why it can't be.

    Total: a byte-order mark (UTF-8, UTF-16, UTF-32) decides the encoding; else UTF-8;
    else the page's declared ``<meta charset>`` when it is a usable text encoding
    (an unknown or odd label such as ``idna`` falls back to windows-1252, as browsers do).
    """
    if len(data) > settings.max_input_bytes:
        raise InputError(source, f"too large ({len(data):,} bytes; the limit is {settings.max_input_bytes:,})")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            if not text.strip(" \t\r\n\ufeff\x00"):
                raise InputError(source, "empty input")
            return clean_text(text.lstrip("\ufeff"))
    if not data.strip():
        raise InputError(source, "empty input")
    if _looks_binary(data):
        raise InputError(source, "binary data, not text or HTML")
    try:
        return clean_text(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        declared = _META_CHARSET.search(data[:4096]) if kind != "text" else None
        if declared:
            codec = _text_codec(declared.group(1).decode("ascii", errors="replace")) or "windows-1252"
            try:
                return clean_text(data.decode(codec, errors="replace"))
            except (UnicodeError, LookupError, ValueError, TypeError):
                return clean_text(data.decode("windows-1252", errors="replace"))
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(source, f"not valid UTF-8 (byte 0x{bad} at offset {exc.start}); convert it to UTF-8") from None


def open_regular(path: Path, settings: Settings, *, whole: bool = True) -> IO[bytes]:
    """Open a file for reading, refusing devices and sockets, and (``whole``: the file is one
    document) files over the input limit; raises :class:`InputError`."""
    import stat

    source = str(path)
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError(source, "is a folder")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise InputError(source, "not a regular file (a device or socket); not read")
        if whole and stat.S_ISREG(mode) and path.stat().st_size > settings.max_input_bytes:
            size = path.stat().st_size
            raise InputError(source, f"too large ({size:,} bytes; the limit is {settings.max_input_bytes:,})")
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from None


def read_bounded(path: Path, settings: Settings) -> bytes:
    """At most the input limit + 1 bytes of a file; raises :class:`InputError`."""
    with open_regular(path, settings) as fh:
        try:
            return fh.read(settings.max_input_bytes + 1)
        except OSError as exc:
            raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None


def read_path(path: Path, settings: Settings, kind: str | None = None) -> RawInput:
    """Read one file as a document (kind sniffed unless given); raises :class:`InputError`."""
    source = str(path)
    data = read_bounded(path, settings)
    kind = kind or TEXT_SUFFIXES.get(path.suffix.lower())
    text = decode_bytes(data, source, settings, kind)
    return RawInput(source, kind or sniff_kind(text), text)  # type: ignore[arg-type]


def walk_folder(folder: Path, wanted: Callable[[Path], bool]) -> Iterator[Path | InputError]:
    """The wanted files of a folder, recursively, in a stable order; hidden entries skipped.

    An unreadable subfolder (or a symbolic-link loop) is an :class:`InputError`, never skipped silently.
    """
    import os

    seen: set[tuple[int, int]] = set()

    def walk(here: Path) -> Iterator[Path | InputError]:
        try:
            st = here.stat()
            if (st.st_dev, st.st_ino) in seen:
                yield InputError(str(here), "folder already read (a symbolic-link loop); not read again")
                return
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            yield InputError(str(here), "folder cannot be read (permission denied)")
            return
        except OSError as exc:
            yield InputError(str(here), f"folder cannot be read ({exc.strerror or exc})")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(path)
            elif wanted(path):
                yield path

    yield from walk(folder)


def iter_folder(folder: Path) -> Iterator[Path | InputError]:
    """The documents of a folder, recursively, in a stable order; hidden files are skipped."""
    return walk_folder(folder, lambda p: p.suffix.lower() in TEXT_SUFFIXES)


def read_paths(
    paths: Iterable[str | Path],
    settings: Settings,
    *,
    list_folder: Callable[[Path], Iterator[Path | InputError]] = iter_folder,
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
        try:
            is_dir, exists = path.is_dir(), path.exists() or path.is_symlink()
        except OSError as exc:
            yield InputError(str(path), f"cannot be read ({exc.strerror or exc})")
            continue
        if is_dir:
            found = False
            for file in list_folder(path):
                found = True
                if isinstance(file, InputError):
                    yield file
                else:
                    yield from read(file, settings)
            if not found:
                yield InputError(str(path), empty_folder)
        elif not exists:
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
    except RecursionError:
        raise InputError(source, "not valid JSON (nested too deeply)") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(source, f"not valid JSON ({exc.msg if hasattr(exc, 'msg') else exc})") from None
    except ValueError as exc:  # e.g. a number with more digits than Python converts
        raise InputError(source, f"not valid JSON ({' '.join(str(exc).split())[:120]})") from None
    if not isinstance(obj, dict):
        raise InputError(source, "a JSONL line must be a JSON object")
    doc_id = obj.get("id")
    if isinstance(doc_id, (str, int)) and not isinstance(doc_id, bool) and str(doc_id).strip():
        source = clean_text(str(doc_id))[:500]
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
        clean_text(content),
        published=clean_text(published) if published else None,
        url=clean_text(url) if isinstance(url, str) else None,
    )


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """The lines of a stream, each read with a bound: a longer line is skipped and given as its length."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):  # skip the rest of the line without keeping it
            line = stream.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield size


def read_jsonl(stream: IO[bytes], name: str, settings: Settings) -> Iterator[RawInput | InputError]:
    """Stream a JSONL file: one input per non-blank line, ids default to ``name:line``.

    Lines are read with a bound (the input limit): a longer line is reported, never held in memory.
    """
    limit = settings.max_input_bytes
    for number, raw_line in enumerate(_lines(stream, limit), start=1):
        source = f"{name}:{number}"
        if isinstance(raw_line, int):
            yield InputError(source, f"line too large ({raw_line:,} bytes; the limit is {limit:,})")
            continue
        if number == 1 and raw_line.startswith(codecs.BOM_UTF8):
            raw_line = raw_line[len(codecs.BOM_UTF8) :]
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(source, f"line is not valid UTF-8 (byte 0x{raw_line[exc.start:exc.start + 1].hex()} at"
                                     f" offset {exc.start})")
            continue
        if not line.strip():
            continue
        try:
            yield parse_jsonl_record(line, source, settings)
        except InputError as exc:
            yield exc
