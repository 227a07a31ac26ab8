"""Corpus ingestion: read folders, gzip'd files, JSONL, WARC archives and feeds, run the
pipeline and store the results (see :func:`ingest`)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .readers import CORPUS_SUFFIXES, count_inputs, file_format, iter_corpus_folder, read_corpus, read_file
    from .run import IngestSummary, PipelineLike, ingest

__all__ = [
    "CORPUS_SUFFIXES",
    "IngestSummary",
    "PipelineLike",
    "count_inputs",
    "file_format",
    "ingest",
    "iter_corpus_folder",
    "read_corpus",
    "read_file",
]

#: name -> submodule: imported on first use, so that reading inputs (``dateline extract``) does not
#: import the store behind :func:`ingest`
_LAZY = {name: "readers" for name in ("CORPUS_SUFFIXES", "count_inputs", "file_format", "iter_corpus_folder",
                                       "read_corpus", "read_file")}
_LAZY.update({name: "run" for name in ("IngestSummary", "PipelineLike", "ingest")})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
