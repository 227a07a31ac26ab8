"""WARC and WARC.gz archives (``warcio``): each HTML or plain-text response is a document.

Records that are not documents (requests, metadata, images, redirects) are passed over.
A malformed record stops the file with one :class:`InputError` naming the file and the
record number; the documents before it have already been yielded.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..inputs import decode_bytes
from ..records import RawInput
from ..settings import Settings

__all__ = ["count_warc", "read_warc"]

log = logging.getLogger(__name__)


def _kind(content_type: str | None) -> str | None:
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype == "text/plain":
        return "text"
    return None


def _charset(content_type: str | None) -> str | None:
    """The charset an HTTP Content-Type header declares, if Python knows it."""
    import codecs

    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            try:
                return codecs.lookup(value.strip().strip('"')).name
            except LookupError:
                return None
    return None


def _records(path: Path) -> Iterator[object]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as fh:
        yield from ArchiveIterator(fh)


def read_warc(path: Path, settings: Settings) -> Iterator[RawInput | InputError]:
    """The documents of one WARC file (plain or gzip'd, detected by warcio)."""
    number = 0
    try:
        for number, record in enumerate(_records(path), start=1):
            rec_type = record.rec_type  # type: ignore[attr-defined]
            if rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
            if rec_type == "response":
                http = record.http_headers  # type: ignore[attr-defined]
                if http is None or http.get_statuscode() != "200":
                    continue
                kind = _kind(http.get_header("Content-Type"))
            else:
                kind = _kind(record.rec_headers.get_header("Content-Type"))  # type: ignore[attr-defined]
            if kind is None:
                continue
            source = uri or f"{path}#{number}"
            data = record.content_stream().read(settings.max_input_bytes + 1)  # type: ignore[attr-defined]
            try:
                text = decode_bytes(data, source, settings, kind)
            except InputError as exc:
                declared = _charset(http.get_header("Content-Type") if rec_type == "response" else None)
                if declared is None or "UTF-8" not in exc.problem:
                    yield exc
                    continue
                text = data.decode(declared, errors="replace")  # the HTTP header names the encoding
            yield RawInput(source, kind, text, url=uri)  # type: ignore[arg-type]
    except FileNotFoundError:
        yield InputError(str(path), "no such file")
    except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib/EOF/ValueError on damaged data
        if (
            not isinstance(exc, (OSError, EOFError, ValueError, zlib.error))
            and type(exc).__name__ != "ArchiveLoadFailed"
        ):
            raise
        log.debug("WARC %s broke after record %d", path, number, exc_info=True)
        problem = " ".join(str(exc).split())[:200] or type(exc).__name__
        yield InputError(
            str(path), f"malformed WARC record after record {number} ({problem}); rest of the file skipped"
        )


def count_warc(path: Path) -> int:
    """How many records might be documents (for a progress estimate; errors count as what was seen)."""
    n = 0
    try:
        for record in _records(path):
            if record.rec_type in ("response", "resource"):  # type: ignore[attr-defined]
                n += 1
    except Exception:
        pass
    return n
