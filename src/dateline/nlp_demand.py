"""Parse on demand: the tagger and parser only on the sentences that need them.

Option ``nlp.parse``: ``"on_demand"`` (the default) or ``"all"`` (the whole text through the
whole model, as before). On demand, the whole text is tokenized, split into sentences without
the parser (the model's ``senter``, cut at line breaks after final punctuation) and run
through NER (everywhere: places read its labels in every sentence; the issue's prototype
with NER on the parsed sentences only lost 6 points of place precision); tok2vec, the tagger and the parser run only
on the sentences that need them (:func:`parse_selector`: an event trigger family's literal
match, and a weekday or a month without its year, whose tense the time stage reads; option
``nlp.parse_for``), then the attribute ruler and lemmatizer once over those sentences end to
end. Unparsed sentences get a placeholder tree (every token under the sentence's first, label
``"dep"``) so that ``Doc.sents`` keeps the splitter's boundaries (``Doc.from_docs`` or heads
left unset would make each unparsed token a sentence), and are marked in
``doc.user_data[PARSED_KEY]`` (one byte per token, 1 = parsed). Stages ask :func:`is_parsed`
before they read a head, a dependency label, children, a part of speech or a lemma, and use
their no-parse rules otherwise (with spaCy 3.8, ``Token.children`` on a document with sentence
boundaries but no parse crashed the interpreter).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .nlp_tok2vec import Tok2Vecs

__all__ = [
    "PARSED_KEY",
    "TEXT_KEY",
    "doc_text",
    "is_parsed",
    "needs_parse",
    "on_demand",
    "parse_on_demand",
    "parse_selector",
]

#: ``doc.user_data`` key of the per-token parse mark (bytes, 1 = the token's sentence was parsed)
PARSED_KEY = "dateline.parsed"
#: ``doc.user_data`` key of the document's text (:func:`doc_text`)
TEXT_KEY = "dateline.text"
#: the components run on the sentences that need a parse, in this order (those the model has)
_PARSE_COMPONENTS = ("tok2vec", "tagger", "parser")
#: ... then these rule components, once on all the parsed sentences of a batch put end to end
#: (their cost is mostly per call: ~10 ms for the indexed attribute ruler, whatever the length)
_RULE_COMPONENTS = ("attribute_ruler", "lemmatizer")


def is_parsed(tok: Any) -> bool:
    """Whether ``tok`` (a spaCy ``Token``) sits in a parsed sentence: the document has a
    dependency parse and, under parse on demand, the token's sentence is marked parsed.
    Guard every read of ``.head``, ``.dep_``, ``.children``, ``.pos_``, ``.tag_``, ``.lemma_`` with it."""
    doc = tok.doc
    if not doc.has_annotation("DEP"):
        return False
    mask = doc.user_data.get(PARSED_KEY)
    return mask is None or bool(mask[tok.i])


def on_demand(settings: Settings) -> bool:
    """Whether to parse on demand: the option ``nlp.parse`` ("on_demand" or "all"), else
    $DATELINE_NLP_PARSE (so that ``dateline eval`` can measure either), else "on_demand"."""
    return settings.option("nlp.parse", os.environ.get("DATELINE_NLP_PARSE") or "on_demand") == "on_demand"


#: a weekday or a month without its year: the time stage reads the tense of the governing verb
#: to date it ("on Friday" next or last), so a sentence with one is parsed when the option
#: ``nlp.parse_for`` names "time"
_TENSE_CUE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
    r"(?!\.?\s*\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4})(?!\.?,?\s*\d{4})"
)


def parse_selector(settings: Settings) -> Callable[[str], bool]:
    """The test a sentence passes to be parsed: an event trigger (:func:`needs_parse`) when the
    events stage runs, and with ``nlp.parse_for`` holding "time", a date the tense decides."""
    wanted = settings.option("nlp.parse_for", ("events", "time"))
    tests: list[Callable[[str], object]] = []
    if "time" in settings.stages and "time" in wanted:  # type: ignore[operator]
        tests.append(_TENSE_CUE.search)  # (the cheaper test first: either one is enough)
    if "events" in settings.stages and "events" in wanted:  # type: ignore[operator]
        tests.append(needs_parse)
    return lambda text: any(test(text) for test in tests)


def needs_parse(text: str) -> bool:
    """Whether a sentence needs the tagger and parser: it holds a literal match of an event
    trigger family (the same quick test the events stage makes before its pattern search; only
    the families and patterns whose literals are in the sentence run:
    :func:`~dateline.events.prefilters.any_trigger`)."""
    from .events.prefilters import any_trigger

    return any_trigger(text.lower())


#: a line that ends with one of these ends its sentence (a hard-wrapped line does not)
_FINAL = frozenset({".", "!", "?", '"', "\u201d", "'", "\u2019"})


def _gaps(space: Any) -> tuple[Any, Any]:
    """For the tokens after the first that are not white space: their indices, and the index of
    the one before each (the previous such token, else token 0); the white space tokens between
    the two are the gap a token-by-token pass would have gone through."""
    import numpy

    words = numpy.flatnonzero(~space[1:]) + 1
    before = numpy.empty_like(words)
    if len(words):
        before[0] = 0
        before[1:] = words[:-1]
    return words, before


def _line_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that start a line after a line that ends a sentence (final
    punctuation or a closing quote; hard-wrapped text runs on), 0 first: a token that is not
    white space, after a white space token holding a line break, whose previous such token (or
    the first token) is final. (Read from the document's arrays, in numpy: no Python step per
    token.)"""
    import numpy
    from spacy.attrs import IS_SPACE, ORTH

    if not len(doc):
        return []
    strings = doc.vocab.strings
    finals = numpy.array(sorted(strings.add(ch) for ch in _FINAL), dtype="uint64")
    cols = doc.to_array([ORTH, IS_SPACE])
    orth, space = cols[:, 0], cols[:, 1] != 0
    words, before = _gaps(space)
    breaks = numpy.zeros(len(doc) + 1, dtype="int64")  # (trailing white space is " " or "": no line break)
    spaces = numpy.flatnonzero(space[1:]) + 1
    if len(spaces):
        breaks[spaces + 1] = ["\n" in strings[o] for o in orth[spaces].tolist()]
    numpy.cumsum(breaks, out=breaks)  # breaks[i]: line-break tokens among 1 .. i - 1
    pending = breaks[words] - breaks[before + 1] > 0
    starts = words[pending & numpy.isin(orth[before], finals)]
    return [0, *starts.tolist()]


def _split_lines(doc: Doc, lines: Sequence[int]) -> Doc:
    """The rule splitter's sentences, also cut at each line start (headlines, datelines, list
    items); a run of white space stays with the sentence before it: a white space token (but
    the first) starts none, and the token after a run that held a start starts one. (The marks
    read and written as one array, in numpy.)"""
    import numpy
    from spacy.attrs import IS_SPACE, SENT_START

    if len(doc) < 2:
        return doc
    cols = doc.to_array([IS_SPACE, SENT_START])
    space = cols[:, 0] != 0
    marks = cols[:, 1].astype("int64")  # 1 starts a sentence, -1 does not, 0 unknown
    words, before = _gaps(space)
    started = numpy.zeros(len(doc) + 1, dtype="int64")
    started[1:] = space & (marks == 1)
    started[1] = 0  # (the first token is never looked at)
    numpy.cumsum(started, out=started)  # started[i]: white space starts among 1 .. i - 1
    marks[words[started[words] - started[before + 1] > 0]] = 1
    marks[1:][space[1:]] = -1
    marks[numpy.asarray(lines[1:], dtype="int64")] = 1
    doc.from_array([SENT_START], marks.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


def _split(nlp: Language, docs: list[Doc], batch_size: int, tok2vecs: Tok2Vecs | None = None) -> list[Doc]:
    """Sentence boundaries without a parse: the model's own sentence recognizer (``senter``,
    trained on the parser's boundaries, ~2 % of a full parse) when it has one, else the rule
    splitter; both also cut at a line break after final punctuation (where the parser cuts and
    the senter often does not). With ``tok2vecs``, the senter's token vectors come from
    dateline's forward pass (:mod:`dateline.nlp_tok2vec`; the same vectors, the same marks)."""
    if "senter" in nlp.component_names:
        senter: Any = nlp.get_pipe("senter")  # disabled in the model's pipeline, but there
        if not _senter_fast(senter, docs, tok2vecs):
            docs = list(senter.pipe(docs, batch_size=batch_size))
    else:
        from spacy.pipeline import Sentencizer

        docs = list(Sentencizer().pipe(docs))
    return [_split_lines(d, _line_starts(d)) for d in docs]


def _senter_fast(senter: Any, docs: list[Doc], tok2vecs: Tok2Vecs | None) -> bool:
    """The senter's ``predict`` + ``set_annotations`` with its tok2vec (``model.layers[0]``) run by
    ``tok2vecs`` and its output layer (``layers[1]``) by thinc; False (nothing done) when the
    model is not the ``Tok2Vec >> softmax`` this covers."""
    layers = getattr(senter.model, "layers", [])
    fast = tok2vecs.get(layers[0]) if tok2vecs is not None and len(layers) == 2 else None
    if fast is None or not hasattr(senter, "_scores2guesses"):
        return False
    full = [d for d in docs if len(d)]
    if full:
        scores = layers[1].predict(fast.predict(full))
        senter.set_annotations(full, senter._scores2guesses(scores))
    return True


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """The ``(start, end)`` token ranges of the document's sentences (as ``doc.sents`` gives
    them, from the sentence-start marks, without making a span per sentence)."""
    import numpy
    from spacy.attrs import SENT_START

    if not len(doc):
        return []
    marks = doc.to_array(SENT_START)
    starts = [0, *(numpy.flatnonzero(marks[1:] == 1) + 1).tolist()]
    return list(zip(starts, [*starts[1:], len(marks)], strict=True))


def doc_text(doc: Any) -> str:
    """``doc.text``, kept in ``doc.user_data`` after the first call (spaCy joins the tokens' texts
    again at every ``Doc.text``; a document's text never changes)."""
    data = getattr(doc, "user_data", None)
    if not isinstance(data, dict):  # (a stand-in for a spaCy document)
        return str(doc.text)
    text = data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = data[TEXT_KEY] = doc.text
    return text


def _made(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` with ``text`` kept as its :func:`doc_text` (spaCy's tokenizer is
    non-destructive: ``doc.text == text``, which would otherwise be joined from the tokens again)."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    return doc


def _sentence_texts(doc: Doc, sents: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each sentence, its text from its first token to its last (trailing
    white space left out); one read of the document's text and of its token offsets."""
    from spacy.attrs import IDX, LENGTH

    if not sents:
        return []
    text = doc_text(doc)
    cols = doc.to_array([IDX, LENGTH])
    firsts = cols[[a for a, _ in sents], 0].tolist()
    lasts = cols[[b - 1 for _, b in sents]].tolist()  # (the sentences' last tokens: start, length)
    return [(a, b, text[first : start + length]) for (a, b), first, (start, length) in
            zip(sents, firsts, lasts, strict=True)]


def _sub_docs(nlp: Language, docs: list[Doc], chosen: list[tuple[int, int, int]]) -> list[Doc]:
    """The chosen sentences ``(doc, start, end)`` as documents of their own: what
    ``Span.as_doc()`` gives for a document fresh from the tokenizer and the sentence splitter
    (the same token attributes), the document's arrays read once rather than once per sentence.
    Only the attributes such a document can have are copied (the text, the spaces, the norms
    that tokenizer exceptions set, the sentence starts: spaCy 3's tokenizer exceptions set
    nothing else); the others are zero there, as in a new document (copying them cost 3 times
    as much, a MORPH column most: ``from_array`` adds each value to the morphology table)."""
    from spacy.attrs import NORM, ORTH, SENT_START, SPACY
    from spacy.tokens import Doc

    if not chosen:
        return []
    head = [ORTH, SPACY, NORM, SENT_START]
    o_col, s_col = 0, 1
    strings = nlp.vocab.strings
    arrays: dict[int, Any] = {}
    out = []
    for k, a, b in chosen:
        if k not in arrays:
            arrays[k] = docs[k].to_array(head)
        rows = arrays[k][a:b]
        sub = Doc(nlp.vocab, words=[strings[o] for o in rows[:, o_col].tolist()],
                  spaces=[bool(sp) for sp in rows[:, s_col].tolist()])
        out.append(sub.from_array(head, rows))
    return out


def _join(subs: list[Doc]) -> Doc:
    """``Doc.from_docs(subs, ensure_whitespace=True)`` without the tensors and user data (the rule
    components read neither) for sentences made by :func:`_sub_docs` and annotated by tok2vec,
    the tagger and the parser: the same tokens and token attributes (those, the tagger's and the
    parser's: the others are zero in both), read from each document's arrays rather than token
    by token."""
    import numpy
    from spacy.attrs import DEP, HEAD, NORM, ORTH, SENT_START, SPACY, TAG
    from spacy.tokens import Doc

    head = [ORTH, SPACY, NORM, TAG, HEAD, DEP, SENT_START]
    o_col, s_col = 0, 1
    arrays = [sub.to_array(head) for sub in subs]
    for sub, array in zip(subs[:-1], arrays[:-1], strict=True):
        if len(array) and not sub[-1].is_space:  # a space between two sentences put end to end
            array[-1][s_col] = 1
    concat = numpy.concatenate(arrays)
    strings = subs[0].vocab.strings
    joined = Doc(subs[0].vocab, words=[strings[o] for o in concat[:, o_col].tolist()],
                 spaces=[bool(sp) for sp in concat[:, s_col].tolist()])
    return joined.from_array(head, concat)  # type: ignore[arg-type]


def _rules(nlp: Language, subs: list[Doc], attrs: list[Any]) -> list[Any]:
    """The rule components (attribute ruler, lemmatizer) on ``subs`` put end to end, in one call
    each; the ``attrs`` arrays of each sub-document, in order."""
    if not subs:
        return []
    joined = _join(subs)
    for name in _RULE_COMPONENTS:
        if name in nlp.pipe_names:
            joined = nlp.get_pipe(name)(joined)
    values = joined.to_array(attrs)
    out, at = [], 0
    for sub in subs:
        out.append(values[at : at + len(sub)])
        at += len(sub)
    return out


def parse_on_demand(
    nlp: Language,
    texts: Sequence[str],
    select: Callable[[str], bool],
    *,
    batch_size: int = 32,
    ner_spans: Callable[[Doc], Sequence[tuple[int, int]]] | None = None,
    ner_margins: tuple[int, int] = (6, 4),
    ner_decoder: str = "numpy",
    parse_decoder: str = "numpy",
    tok2vecs: Tok2Vecs | None = None,
) -> list[Doc]:
    """``texts`` tokenized, split into sentences without the parser (:func:`_split`), NER'd, and
    tagged and parsed only in the sentences ``select`` picks; with ``ner_spans``, NER only in
    windows around the spans it gives (:mod:`dateline.nlp_windows`); with ``parse_decoder`` "numpy",
    the parser's transitions decoded for all the chosen sentences at once (:mod:`dateline.nlp_parse`,
    identical output; "spacy": the parser's own ``pipe``); with ``tok2vecs``, the token vectors of
    the senter, the shared tok2vec and NER from dateline's forward pass (:mod:`dateline.nlp_tok2vec`).
    See the module docstring for the marks left on the documents."""
    import numpy
    from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG

    from .nlp_parse import parse, supported

    docs = _split(nlp, [_made(nlp, t) for t in texts], batch_size, tok2vecs)
    bounds = [_sentences(d) for d in docs]
    chosen = [(k, a, b) for k, (d, sents) in enumerate(zip(docs, bounds, strict=True))
              for a, b, text in _sentence_texts(d, sents) if select(text)]
    subs = _sub_docs(nlp, docs, chosen)
    for name in _PARSE_COMPONENTS:
        if name in nlp.pipe_names and subs:
            proc: Any = nlp.get_pipe(name)
            if name == "parser" and parse_decoder == "numpy" and supported(proc):
                subs = parse(proc, subs, gemm=tok2vecs.gemm if tok2vecs and tok2vecs.gemm_kind == "numpy" else None)
                continue
            fast = tok2vecs.get(proc.model) if name == "tok2vec" and tok2vecs is not None else None
            if fast is not None:  # (spaCy's Tok2Vec.set_annotations: the vectors as doc.tensor, read by the listeners)
                proc.set_annotations(subs, fast.predict(subs))
                continue
            subs = list(proc.pipe(subs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, subs))
    attrs = [HEAD, DEP, TAG, POS, LEMMA]
    parsed = _rules(nlp, subs, attrs)
    if "ner" in nlp.pipe_names and ner_spans is not None:  # only around the spans whose labels are read
        from .nlp_windows import merge_windows, run_ner

        left, right = ner_margins
        windows = [merge_windows(ner_spans(d), len(d), left, right) for d in docs]
        docs = run_ner(nlp, docs, windows, batch_size, decoder=ner_decoder, tok2vecs=tok2vecs)
    elif "ner" in nlp.pipe_names:  # everywhere
        from .nlp_ner import ner_pipe

        docs = ner_pipe(nlp.get_pipe("ner"), docs, batch_size, ner_decoder, tok2vecs)
    by_doc: dict[int, list[tuple[int, Doc, Any]]] = {}
    for (k, a, _), sub, values in zip(chosen, subs, parsed, strict=True):
        by_doc.setdefault(k, []).append((a, sub, values))
    root, flat = nlp.vocab.strings.add("ROOT"), nlp.vocab.strings.add("dep")
    for k, doc in enumerate(docs):
        if not len(doc):
            doc.user_data[PARSED_KEY] = b""
            continue
        arr = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
        mask = bytearray(len(doc))
        sents = numpy.array(bounds[k], dtype="int64").reshape(-1, 2)
        first = numpy.repeat(sents[:, 0], sents[:, 1] - sents[:, 0])  # the placeholder tree: every word under
        # its sentence's first
        index = numpy.arange(len(doc), dtype="int64")
        arr[:, 0] = (first - index).astype("uint64")  # relative offsets, as to_array writes them
        arr[:, 1] = numpy.where(first == index, root, flat)
        for a, sub, values in by_doc.get(k, ()):
            if sub.has_annotation("DEP"):  # (a model without a parser keeps the placeholder tree)
                arr[a : a + len(sub)] = values
                mask[a : a + len(sub)] = b"\x01" * len(sub)
            else:
                arr[a : a + len(sub), 2:] = values[:, 2:]
        doc.from_array(attrs, arr)  # type: ignore[arg-type]
        doc.user_data[PARSED_KEY] = bytes(mask)
    return docs
