"""WARC and WARC.gz archives (``warcio``): each HTML or plain-text response is a document.

Records that are not documents (requests, metadata, images, redirects) are passed over.
Nothing is lost silently: a record cut short (the file ends inside it), a record whose
``Content-Length`` runs past the next record's header, bytes left over after the last
complete record and a gzip stream cut at the end each give one :class:`InputError` naming
the file, the record number and the byte offset; the documents before have been yielded,
a damaged record never is.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..inputs import clean_text, decode_bytes
from ..records import RawInput
from ..settings import Settings

__all__ = ["count_warc", "read_warc"]

log = logging.getLogger(__name__)

#: a WARC record header starting inside another record's payload: that record's length is wrong
_NEXT_HEADER = (b"\r\n\r\nWARC/1.0\r\n", b"\r\n\r\nWARC/1.1\r\n", b"\r\n\r\nWARC/0.")
_CHUNK = 1 << 20


def _kind(content_type: str | None) -> str | None:
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype == "text/plain":
        return "text"
    return None


def _charset(content_type: str | None) -> str | None:
    """The charset an HTTP Content-Type header declares, if Python knows it as a text encoding."""
    import codecs

    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            try:
                info = codecs.lookup(value.strip().strip('"'))
            except LookupError:
                return None
            return info.name if getattr(info, "_is_text_encoding", True) else None
    return None


def _swallows(data: bytes) -> bool:
    return any(mark in data for mark in _NEXT_HEADER)


def _drain(record: Any, tail: bytes) -> tuple[int, bool]:
    """Read what is left of a record (without keeping it): (bytes missing, swallows a header)."""
    raw = record.raw_stream
    swallow = _swallows(tail)
    carry = tail[-16:]
    while True:
        chunk = raw.read(_CHUNK)
        if not chunk:
            break
        swallow = swallow or _swallows(carry + chunk)
        carry = chunk[-16:]
    return int(getattr(raw, "limit", 0) or 0), swallow


def _document(record: Any, path: Path, number: int, settings: Settings) -> tuple[RawInput | InputError | None, bytes]:
    rec_type = record.rec_type
    if rec_type not in ("response", "resource"):
        return None, b""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers if rec_type == "response" else None
    if rec_type == "response":
        if http is None or http.get_statuscode() != "200":
            return None, b""
        kind = _kind(http.get_header("Content-Type"))
    else:
        kind = _kind(record.rec_headers.get_header("Content-Type"))
    if kind is None:
        return None, b""
    source = uri or f"{path}#{number}"
    data = record.content_stream().read(settings.max_input_bytes + 1)
    try:
        text = decode_bytes(data, source, settings, kind)
    except InputError as exc:
        declared = _charset(http.get_header("Content-Type") if http is not None else None)
        if declared is None or "UTF-8" not in exc.problem:
            return exc, data
        text = clean_text(data.decode(declared, errors="replace"))  # the HTTP header names the encoding
    return RawInput(source, kind, text, url=uri), data  # type: ignore[arg-type]


def read_warc(path: Path, settings: Settings) -> Iterator[RawInput | InputError]:
    """The documents of one WARC file (plain or gzip'd, detected by warcio)."""
    from warcio.archiveiterator import ArchiveIterator

    number, end = 0, 0
    where = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            records = ArchiveIterator(fh)
            for number, record in enumerate(records, start=1):
                if not record.rec_type or record.rec_headers.get_header("Content-Length") is None:
                    offset = records.get_record_offset()
                    yield InputError(where, f"WARC record {number} (at byte {offset:,}) has no valid header (the file"
                                            " is cut or damaged there); rest of the file not read")
                    return
                doc, data = _document(record, path, number, settings)
                missing, swallow = _drain(record, data[-(1 << 16):] if len(data) > 1 << 16 else data)
                offset = records.get_record_offset()
                if missing:
                    yield InputError(where, f"WARC record {number} (at byte {offset:,}) is cut short: {missing:,} "
                                            "bytes of it are missing; the file ends there")
                    return
                if swallow:
                    yield InputError(where, f"WARC record {number} (at byte {offset:,}) runs past the next record's "
                                            "header (its Content-Length is wrong); rest of the file not read")
                    return
                end = offset + records.get_record_length()
                if doc is not None:
                    yield doc
        if size - end > 4:  # a complete file ends with its last record (and the \r\n\r\n after it)
            yield InputError(where, f"WARC file cut or damaged after record {number} (byte {end:,} of {size:,}):"
                                    " the rest could not be read")
        elif _is_gzip(path):
            yield from _check_gzip_end(path, number)
    except FileNotFoundError:
        yield InputError(where, "no such file")
    except PermissionError:
        yield InputError(where, "permission denied")
    except MemoryError:
        yield InputError(where, f"WARC record {number + 1} too large to read")
    except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib/EOF/ValueError/AttributeError on damage
        log.debug("WARC %s broke after record %d", path, number, exc_info=True)
        problem = " ".join(str(exc).split())[:200] or type(exc).__name__
        yield InputError(where, f"malformed WARC record after record {number} at byte {end:,} ({problem});"
                                " rest of the file skipped")


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _check_gzip_end(path: Path, number: int) -> Iterator[InputError]:
    """A gzip'd WARC whose last member is cut reads as complete in warcio: check the stream."""
    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(_CHUNK):
                pass
    except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
        yield InputError(str(path), f"gzip stream cut or damaged at the end ({exc}); record {number} may be"
                                    " incomplete")


def count_warc(path: Path) -> int:
    """How many records might be documents (for a progress estimate; errors count as what was seen)."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type in ("response", "resource"):
                    n += 1
    except Exception:
        pass
    return n
