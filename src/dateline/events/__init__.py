"""The events stage: ACLED-coded events with actors, places, dates, modality and evidence.

See ``docs/events.md``. The stage class lives in :mod:`dateline.events.stage`.
"""

from __future__ import annotations

from .stage import EventsStage, extract_events

__all__ = ["EventsStage", "extract_events"]
