"""Guards against pathological documents: what the pipeline does before the NLP stage, and the
per-document time budget of every stage.

* :func:`guard_body` cuts runs of text with no whitespace longer than :data:`MAX_RUN` characters
  (no word or URL is that long; 100 KB of ``(`` or ``a-b-a-b-…`` is no language): the tokenizer's
  prefix, suffix and infix rules take super-linear time on them and every punctuation mark is a
  token for the parser. The rest of such a run becomes spaces, so the body keeps its length and
  every offset stays valid; a document so changed is named on standard error (a warning).
* :func:`check_length` refuses a body longer than ``guard.max_body_chars`` (default
  :data:`MAX_BODY_CHARS`) with a one-line error: the parser's memory grows by about 2.7 MB per
  KB of text (benchmarks/doc_length.md), so this is the longest body one process analyses within
  the 1.5 GB memory goal. (The input limit, ``--max-mb``, bounds the raw file or page, whose
  HTML is usually many times its text.)
* :class:`TimeBudget` turns a runaway document into a one-line error instead of a hang: a stage
  that spends longer than its budget on one document is interrupted (``SIGALRM``, main thread
  of a POSIX process; elsewhere the budget is not enforced). The budget grows with the
  document's length: ``guard.seconds`` (default 120) plus ``guard.seconds_per_mb`` (default
  240) per megabyte of body.
"""

from __future__ import annotations

import contextlib
import logging
import re
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from .errors import InputError
from .records import Document
from .settings import Settings

__all__ = [
    "MAX_BODY_CHARS",
    "MAX_RUN", "BudgetExceeded", "TimeBudget", "break_runs", "budget_for", "check_length", "guard_body"]

log = logging.getLogger(__name__)

#: the longest article body analysed (characters): within the 1.5 GB memory goal
MAX_BODY_CHARS = 400_000
#: a run of non-whitespace longer than this is cut (the longest real tokens, URLs, are shorter)
MAX_RUN = 200

_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


class BudgetExceeded(Exception):
    """A stage spent longer on a document than its time budget."""


def break_runs(text: str) -> tuple[str, int]:
    """``text`` with each over-long non-whitespace run cut to :data:`MAX_RUN` characters (the rest
    becomes spaces, so the length and every offset stay); and how many runs were cut."""
    runs = 0
    parts: list[str] = []
    last = 0
    for m in _RUN.finditer(text):
        runs += 1
        keep = m.start() + MAX_RUN
        parts += [text[last:keep], " " * (m.end() - keep)]
        last = m.end()
    if not runs:
        return text, 0
    parts.append(text[last:])
    return "".join(parts), runs


def check_length(doc: Document, settings: Settings) -> None:
    """Raise an :class:`InputError` when ``doc``'s body is longer than the pipeline can analyse."""
    limit = int(settings.option("guard.max_body_chars", MAX_BODY_CHARS))  # type: ignore[call-overload]
    if len(doc.article.body) > limit:
        raise InputError(doc.id, f"article text too long to analyse ({len(doc.article.body):,} characters; the"
                                 f" limit is {limit:,}, within the 1.5 GB memory goal); split it into articles")


def guard_body(doc: Document) -> Document:
    """Make ``doc``'s body safe for the tokenizer (same length, same offsets); warns when it changed it."""
    body = doc.article.body
    if len(body) <= MAX_RUN:
        return doc
    fixed, runs = break_runs(body)
    if runs and fixed != body:
        log.warning("%s: %d run(s) of over %d characters without a space cut to that length before parsing",
                    doc.id, runs, MAX_RUN)
        doc.article.body = fixed
    return doc


def budget_for(settings: Settings, chars: int) -> float:
    """Seconds one stage may spend on a document of ``chars`` characters."""
    base = float(settings.option("guard.seconds", 120.0))  # type: ignore[arg-type]
    per_mb = float(settings.option("guard.seconds_per_mb", 240.0))  # type: ignore[arg-type]
    return base + per_mb * chars / 1_000_000


class TimeBudget:
    """``with TimeBudget(seconds):`` raises :class:`BudgetExceeded` in the block when time runs out."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    @contextlib.contextmanager
    def enforce(self) -> Iterator[None]:
        usable = (
            self.seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0  # no budget already running
        )
        if not usable:
            yield
            return

        def expired(signum: int, frame: FrameType | None) -> None:
            raise BudgetExceeded(f"took longer than its time budget ({self.seconds:.0f} s)")

        previous = signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
