"""dateline: read news and write down what happened — who did what to whom, where and when.

Public API::

    from dateline import Pipeline, Settings, RawInput, document_to_dict
    pipeline = Pipeline.from_settings(Settings())
    doc = pipeline(RawInput("seed", "text", open("article.txt").read()))
    print(document_to_dict(doc)["events"])

Importing dateline loads nothing: models and gazetteers load on first use.
"""

from __future__ import annotations

from .errors import ConfigError, DatelineError, InputError, ResourceError, StoreError
from .pipeline import Outcome, Pipeline, Stage
from .records import (
    Actor,
    Article,
    Dateline,
    Document,
    Event,
    EventDate,
    Evidence,
    GeoRef,
    Location,
    Place,
    Plover,
    RawInput,
    Timex,
    document_to_dict,
)
from .resources import Resources
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ConfigError",
    "Dateline",
    "DatelineError",
    "Document",
    "Event",
    "EventDate",
    "Evidence",
    "GeoRef",
    "InputError",
    "Location",
    "Outcome",
    "Pipeline",
    "Place",
    "Plover",
    "RawInput",
    "ResourceError",
    "Resources",
    "Settings",
    "Stage",
    "StoreError",
    "Timex",
    "__version__",
    "document_to_dict",
]
