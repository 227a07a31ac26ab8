"""Corpus ingestion: read folders, gzip'd files, JSONL, WARC archives and feeds, run the
pipeline and store the results (see :func:`ingest`)."""

from __future__ import annotations

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
