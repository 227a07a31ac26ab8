"""Seams to the external systems a run uses: the NLP model, the gazetteer, the clock.

Nothing is loaded until first asked for; each resource is then cached on this object
(never in a module global). Tests pass fakes: ``Resources(settings, nlp=spacy.blank("en"),
gazetteer=FakeGazetteer(...))``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Resources"]


class Resources:
    """Lazily loaded, explicitly cached resources shared by the stages of one pipeline."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        nlp: Language | None = None,
        gazetteer: Any | None = None,
        clock: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.settings = settings or Settings()
        self._nlp = nlp
        self._gazetteer = gazetteer
        self.clock = clock
        self._tok2vecs: Any = None  # (False: spaCy's own tok2vec chosen)

    def nlp(self) -> Language:
        """The spaCy pipeline (loaded on first use)."""
        if self._nlp is None:
            from .nlp import load_model

            self._nlp = load_model(self.settings)
        return self._nlp

    def gazetteer(self) -> Any:
        """The place gazetteer (compiled index loaded, or built, on first use)."""
        if self._gazetteer is None:
            from .places.gazetteer import load_gazetteer
            from .process_tuning import freeze_heap

            self._gazetteer = load_gazetteer(self.settings)
            freeze_heap(self.settings)  # its tables out of the garbage collector's walks
        return self._gazetteer

    def tok2vecs(self) -> Any:
        """dateline's tok2vec forward passes and their embedding caches (:class:`dateline.nlp_tok2vec.Tok2Vecs`,
        made on first use), or None when the option ``nlp.tok2vec`` asks for spaCy's own."""
        if self._tok2vecs is None:
            from .nlp_tok2vec import Tok2Vecs

            self._tok2vecs = Tok2Vecs.of(self.settings) or False
        return self._tok2vecs or None
