"""Running a pipeline over inputs and writing contract documents, as the CLI and the
evaluations do."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TextIO

from .errors import InputError
from .pipeline import SupportsPipe
from .records import RawInput, document_to_dict

__all__ = ["RunSummary", "write_documents"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RunSummary:
    documents: int = 0
    failed: int = 0
    events: int = 0


def write_documents(
    pipeline: SupportsPipe,
    inputs: Iterable[RawInput | InputError],
    out: TextIO,
    *,
    single: bool = False,
    pretty: bool = False,
    on_error: Callable[[InputError | Exception], None] | None = None,
) -> RunSummary:
    """Process inputs and write one JSON line per document (or one document if ``single``)."""
    summary = RunSummary()
    for outcome in pipeline.pipe(inputs):
        if outcome.error is not None or outcome.document is None:
            summary.failed += 1
            if on_error is not None and outcome.error is not None:
                on_error(outcome.error)
            continue
        summary.documents += 1
        summary.events += len(outcome.document.events)
        obj = document_to_dict(outcome.document)
        out.write(json.dumps(obj, ensure_ascii=False, indent=2 if (pretty or single) else None))
        out.write("\n")
        out.flush() if single else None
    return summary
