"""Actors: who is named in an article, normalized to ACLED-style names and actor types.

- :func:`normalize` — a surface form ("the Daesh terror group") to a named, typed :class:`Actor`;
- :class:`ActorsStage` — the pipeline stage that finds actor mentions in the body, with offsets;
- :func:`dateline.actors.roles.assign_roles` — actor1 / actor2 / associated actors of one event.

The curated dictionary lives in ``data/`` (see :mod:`dateline.actors.lexicon`);
conventions are documented in ``docs/actors.md``.
"""

from __future__ import annotations

from .lexicon import load_lexicon
from .normalize import localize, normalize
from .roles import Roles, assign_roles
from .stage import ActorsStage

__all__ = ["ActorsStage", "Roles", "assign_roles", "load_lexicon", "localize", "normalize"]
