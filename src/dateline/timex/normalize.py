"""Normalization: a recognized candidate in its context becomes a TIMEX3 (type, value, mod).

One function per rule family, named in ``rules.tsv``: named dates in :mod:`.names`,
relative and discourse expressions in :mod:`.relative`, durations, sets and vague
references in :mod:`.quantities`. A normalizer may return None to reject a candidate.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from . import names, quantities, relative
from .context import Context, G, Normalized
from .grammar import Candidate

__all__ = ["NORMALIZERS", "normalize"]

log = logging.getLogger(__name__)

Normalizer = Callable[[Candidate, G, Context], Normalized | None]

NORMALIZERS: dict[str, Normalizer] = {
    name[2:]: getattr(module, name)
    for module in (names, relative, quantities)
    for name in module.__all__
    if name.startswith("n_")
}


def normalize(c: Candidate, ctx: Context) -> Normalized | None:
    """The (type, value, mod) of a candidate, or None when its normalizer rejects it.

    Never raises on odd input: a failing normalizer is logged and the candidate dropped.
    """
    fn = NORMALIZERS.get(c.normalizer)
    if fn is None:
        log.warning("rule %s names an unknown normalizer %r", c.rule, c.normalizer)
        return None
    try:
        return fn(c, c.groups, ctx)
    except (ValueError, KeyError, TypeError, IndexError, OverflowError):
        log.debug("normalizer %s failed on %r", c.normalizer, ctx.text[c.start:c.end], exc_info=True)
        return None
    except Exception:  # a bug in one rule must not cost the document its other expressions
        log.warning("normalizer %s crashed on %r", c.normalizer, ctx.text[c.start:c.end], exc_info=True)
        return None
