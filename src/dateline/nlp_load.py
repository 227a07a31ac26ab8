"""Loading spaCy without the work a run never uses (the cold start of ``dateline extract``).

Three things spaCy 3.8 does on ``import spacy`` / ``spacy.load`` that dateline does not need,
each skipped with identical results (benchmarks/side_by_side.md, "Cold start"):

- ``import spacy`` imports spaCy's whole command line (``spacy/__init__.py`` does
  ``from .cli.info import info``, and ``spacy.cli`` imports typer, requests, httpx, jinja2,
  weasel): ≈ 0.25 CPU-s. :func:`import_spacy` stands a deferred module in for ``spacy.cli``
  while spaCy imports; the first use of ``spacy.cli`` or ``spacy.info`` then imports the real
  one, so nothing is lost.
- ``spacy.load`` builds the tokenizer twice: first from the language defaults (2,694 special
  cases) and then again from the model's own ``tokenizer`` file, whose loading resets every
  setting first (``Tokenizer.from_bytes``). :data:`BARE_TOKENIZER` makes the first one empty
  (≈ 0.15 CPU-s); the tokenizer the model ends with is byte-identical (``to_bytes``).
- every registry look-up of ``catalogue`` (≈ 250 in one load) scans all installed entry
  points, which it read once at import: :func:`_memoize_entry_points` answers repeated
  ``select(group=…)`` calls from a cache of that same frozen list.

Also, while spaCy is imported and the model loaded (and while the pipeline's stages are
built), :func:`regexes_from_cache` answers ``re.compile`` from dateline's cache of compiled
regular expressions (:mod:`dateline.regex_cache`): the tokenizer's prefix, suffix, infix and URL
patterns alone cost ≈ 40 ms to parse, the modules spaCy imports ≈ 20 ms more, dateline's own
stage modules ≈ 60-90 ms; the compiled patterns are equal (``Pattern.__eq__``).

``Settings.option("nlp.stock_load")`` turns all of these off.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import re
import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["BARE_TOKENIZER", "import_spacy", "regexes_from_cache", "register_bare_tokenizer"]

#: registered name of the tokenizer factory that starts empty (the model's file fills it)
BARE_TOKENIZER = "dateline.bare_tokenizer.v1"

_DEFERRED = ("spacy.cli.info", "spacy.cli")


class _DeferredModule(types.ModuleType):
    """Stands in for a module of ``spacy.cli``; any attribute it lacks imports the real module."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _real(name: str) -> types.ModuleType:
    """The real ``spacy.cli`` module ``name``, imported now (the stand-ins leave ``sys.modules``)."""
    for key in _DEFERRED:
        if isinstance(sys.modules.get(key), _DeferredModule):
            del sys.modules[key]
    module = importlib.import_module(name)
    spacy = sys.modules.get("spacy")
    if spacy is not None and isinstance(getattr(spacy, "cli", None), _DeferredModule):
        spacy.cli = importlib.import_module("spacy.cli")  # type: ignore[attr-defined]
    return module


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: imports spaCy's command line, then runs its ``info``."""
    return _real("spacy.cli.info").info(*args, **kwargs)


def import_spacy(stock: bool = False) -> types.ModuleType:
    """``import spacy``, without importing its command line unless something uses it."""
    if stock or "spacy" in sys.modules:
        return importlib.import_module("spacy")
    spec = importlib.util.find_spec("spacy")
    cli_dir = Path(spec.origin).parent / "cli" if spec is not None and spec.origin else None
    if cli_dir is None or not (cli_dir / "info.py").is_file():
        return importlib.import_module("spacy")
    cli = _DeferredModule("spacy.cli")
    cli.__path__ = [str(cli_dir)]
    cli.__package__ = "spacy.cli"
    info = _DeferredModule("spacy.cli.info")
    info.__package__ = "spacy.cli"
    info.info = _info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        spacy = importlib.import_module("spacy")
    finally:  # a later ``import spacy.cli`` imports the real package
        for key in _DEFERRED:
            if sys.modules.get(key) in (cli, info):
                del sys.modules[key]
    if not hasattr(spacy, "cli"):  # ``spacy.cli.download`` works as after a stock import
        spacy.cli = cli  # type: ignore[attr-defined]
    _memoize_entry_points()
    return spacy


class _SelectCache:
    """``catalogue.AVAILABLE_ENTRY_POINTS`` with ``select`` answered from a cache (same results)."""

    def __init__(self, entry_points: Any) -> None:
        self._entry_points = entry_points

    @functools.cache  # noqa: B019  (one instance per process)
    def _select(self, items: tuple[tuple[str, Any], ...]) -> Any:
        return self._entry_points.select(**dict(items))

    def select(self, **params: Any) -> Any:
        return self._select(tuple(sorted(params.items())))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._entry_points, name)


def _memoize_entry_points() -> None:
    catalogue = sys.modules.get("catalogue")
    eps = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if eps is not None and hasattr(eps, "select") and not isinstance(eps, _SelectCache):
        catalogue.AVAILABLE_ENTRY_POINTS = _SelectCache(eps)  # type: ignore[union-attr]


def register_bare_tokenizer(spacy: types.ModuleType) -> dict[str, Any]:
    """Register :data:`BARE_TOKENIZER`; returns the ``spacy.load(config=…)`` override that uses it."""
    registry = spacy.registry.tokenizers  # type: ignore[attr-defined]
    if BARE_TOKENIZER not in registry:
        registry.register(BARE_TOKENIZER, func=_bare_tokenizer)
    return {"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}


def _bare_tokenizer() -> Any:
    """A tokenizer without rules: ``Tokenizer.from_disk`` of the model sets all of them."""
    from spacy.tokenizer import Tokenizer

    def make(nlp: Any) -> Any:
        return Tokenizer(nlp.vocab)

    return make


_patch_lock = threading.Lock()
_local = threading.local()


@contextlib.contextmanager
def regexes_from_cache(enabled: bool = True) -> Iterator[None]:
    """While inside, ``re.compile`` of a text pattern is answered by
    :func:`dateline.regex_cache.compile_cached` (the same pattern, its program read from the cache
    folder instead of parsed in pure Python). Nested and concurrent uses are safe: the first one
    in installs the stand-in, the last one out restores ``re.compile``."""
    if not enabled:
        yield
        return
    from .regex_cache import compile_cached

    original = _swap_in(compile_cached)
    try:
        yield
    finally:
        _swap_out(original)


_users = 0
_original_compile: Any = None


def _swap_in(compile_cached: Any) -> Any:
    global _users, _original_compile
    with _patch_lock:
        if _users == 0:
            _original_compile = re.compile
            original = _original_compile

            def cached_compile(pattern: Any, flags: Any = 0) -> Any:
                if getattr(_local, "busy", False) or not isinstance(pattern, str) or not isinstance(flags, int):
                    return original(pattern, flags)
                _local.busy = True  # compile_cached's own fall-backs call re.compile: the real one
                try:
                    return compile_cached(pattern, flags)
                finally:
                    _local.busy = False

            re.compile = cached_compile  # type: ignore[assignment]
        _users += 1
        return _original_compile


def _swap_out(original: Any) -> None:
    global _users
    with _patch_lock:
        _users -= 1
        if _users == 0:
            re.compile = original
