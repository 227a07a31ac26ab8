"""The record of one typed event trigger found in a sentence, shared by the detection modules."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Modality
from .lexicon import cue_patterns

__all__ = ["Detection", "has_cue"]


@dataclass(slots=True)
class Detection:
    """A typed event trigger in one sentence."""

    sub_event: str
    family: str
    start: int  # trigger offsets in the body
    end: int
    strength: float
    weak: bool = False
    agent: str | None = None  # "state" / "nonstate" when the acting side could be told
    modality: Modality = "asserted"


def has_cue(name: str, text: str) -> bool:
    """The context cue ``name`` of ``data/cues.json`` occurs in ``text``."""
    return cue_patterns()[name].search(text) is not None
