"""The exception hierarchy of dateline.

Everything dateline raises on purpose derives from :class:`DatelineError`, so callers
can catch one type. The CLI turns these into one-line messages, never tracebacks.
"""

from __future__ import annotations

__all__ = ["ConfigError", "DatelineError", "InputError", "ResourceError", "StoreError"]


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""


class InputError(DatelineError):
    """A document that cannot be read or parsed. Names the input and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:  # pickles across processes
        return (type(self), (self.source, self.problem))


class ConfigError(DatelineError):
    """Settings or a pipeline that do not fit together."""


class ResourceError(DatelineError):
    """A model, gazetteer or other resource that is missing or broken."""


class StoreError(DatelineError):
    """The store cannot be opened, migrated or written."""
