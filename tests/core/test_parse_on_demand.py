"""Parse on demand (``nlp.parse = "on_demand"``): sentence marks, the no-parse paths of every
stage on an unparsed sentence, and agreement with a full parse on real text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline import Pipeline, RawInput, Settings
from dateline.nlp_demand import PARSED_KEY, is_parsed, on_demand, parse_on_demand, parse_selector

TEXT = (
    "Syria and Iraq reopened the Al-Qaim border crossing on Monday.\n\n"
    "Iraqi forces retook the town from Daesh in late 2017.\n"
    "The frontier runs through desert near Albu Kamal. Trade will resume next week."
)


def _attack(text: str) -> bool:  # a stand-in for the events' trigger test
    return "retook" in text


@pytest.fixture(scope="module")
def blank() -> Any:
    """A model-free pipeline whose "parser" hangs every word on the first (enough for the marks)."""
    import spacy
    from spacy.language import Language

    @Language.component("fake_parser")
    def fake_parser(doc: Any) -> Any:
        for tok in doc[1:]:
            tok.head, tok.dep_ = doc[0], "dep"
        if len(doc):
            doc[0].dep_ = "ROOT"
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("fake_parser", name="parser")
    return nlp


def test_marks_and_sentence_boundaries_without_a_model(blank: Any) -> None:
    (doc,) = parse_on_demand(blank, [TEXT], _attack)
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [
        "Syria and Iraq reopened the Al-Qaim border crossing on Monday.",
        "Iraqi forces retook the town from Daesh in late 2017.",
        "The frontier runs through desert near Albu Kamal.",
        "Trade will resume next week.",
    ]
    marks = {s.text.strip()[:5]: is_parsed(s[0]) for s in doc.sents}
    assert marks == {"Syria": False, "Iraqi": True, "The f": False, "Trade": False}
    assert len(doc.user_data[PARSED_KEY]) == len(doc)


def test_empty_and_blank_texts(blank: Any) -> None:
    docs = parse_on_demand(blank, ["", "   ", "\n\nA."], _attack)
    assert [d.text for d in docs] == ["", "   ", "\n\nA."]
    assert docs[0].user_data[PARSED_KEY] == b""


def test_no_sentence_parsed_is_all_no_parse(blank: Any) -> None:
    (doc,) = parse_on_demand(blank, [TEXT], lambda text: False)
    assert not any(is_parsed(t) for t in doc)
    assert [t.pos_ for t in doc][:3] == ["", "", ""]


def test_unparsed_sentences_take_the_no_parse_rules(blank: Any) -> None:
    from dateline.events.sentences import split_sentences
    from dateline.timex.tense import direction

    (doc,) = parse_on_demand(blank, [TEXT], _attack)
    spans = {s.text[:5]: s.span for s in split_sentences(TEXT, doc)}
    assert spans["Syria"] is None and spans["Trade"] is None  # events: the word-order rules
    start = TEXT.index("next week")
    assert direction(TEXT, start, start + 9, doc) == direction(TEXT, start, start + 9, None)


def test_which_sentences_are_parsed() -> None:
    select = parse_selector(Settings())
    assert select("Gunmen attacked a police station.")  # an event trigger
    assert select("The talks resume on Friday.")  # a weekday: the tense dates it
    assert select("The company was bought in January.")  # a month without its year
    assert not select("The deal was signed on Jan. 5, 2019.")  # the year is written: no tense needed
    assert not select("The frontier runs through desert.")
    events_only = parse_selector(Settings(options=(("nlp.parse_for", ("events",)),)))
    assert not events_only("The talks resume on Friday.")
    assert not parse_selector(Settings(stages=("article", "nlp", "places")))("Gunmen attacked a police station.")


def test_option_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_NLP_PARSE", raising=False)
    assert on_demand(Settings())  # the default
    assert not on_demand(Settings(options=(("nlp.parse", "all"),)))
    monkeypatch.setenv("DATELINE_NLP_PARSE", "all")
    assert not on_demand(Settings())
    assert on_demand(Settings(options=(("nlp.parse", "on_demand"),)))


CRASH = """
import spacy
from dateline.timex.tense import direction
from dateline.actors.detect import Detector
from dateline.actors.lexicon import load_lexicon
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
text = "Iraqi forces will retake the town on Friday. Syria reopened the crossing on Monday."
doc = nlp(text)  # sentence boundaries, no parse: Token.children crashed spaCy 3.8 here
for word in ("Friday", "Monday"):
    s = text.index(word)
    assert direction(text, s, s + len(word), doc) == direction(text, s, s + len(word), None)
Detector(load_lexicon()).find(text, doc, None)
print("ok")
"""


def test_regression_token_children_crash_guard() -> None:
    """Sentence boundaries without a parse must not reach Token.children (it crashed the
    interpreter): run in a child process so that a crash fails the test instead of pytest."""
    proc = subprocess.run([sys.executable, "-c", CRASH], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"


# --- with the model: every stage on an unparsed sentence, and agreement with a full parse ------------


def _run(texts: list[str], mode: str) -> list[Any]:
    settings = Settings(options=(("nlp.parse", mode),))
    pipeline = Pipeline.from_settings(settings)
    outcomes = list(pipeline.pipe(RawInput(f"d{i}", "text", t, published="2019-09-30") for i, t in enumerate(texts)))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    return [o.document for o in outcomes]


@pytest.mark.slow
def test_every_stage_on_unparsed_sentences() -> None:
    (doc,) = _run([TEXT], "on_demand")
    assert {p.name for p in doc.places} >= {"Syria", "Iraq"}
    assert any(t.text == "Monday" for t in doc.timexes)
    assert any(e.sub_event_type for e in doc.events)  # the parsed sentence ("retook") still gives its event


SHARED_GEO = Path(__file__).resolve().parents[3] / "shared" / "eval" / "geo" / "gwn.jsonl"


@pytest.mark.slow
def test_close_to_a_full_parse_on_real_news(example_path: Path) -> None:
    texts = [example_path.read_text(encoding="utf-8")]
    if SHARED_GEO.is_file():
        with SHARED_GEO.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(10), fh, strict=False)]
    full, lazy = _run(texts, "all"), _run(texts, "on_demand")

    def places(docs: list[Any]) -> set[tuple[int, str]]:
        return {(k, p.name) for k, d in enumerate(docs) for p in d.places}

    def times(docs: list[Any]) -> set[tuple[int, int | None, str | None]]:
        return {(k, t.start, t.value) for k, d in enumerate(docs) for t in d.timexes}

    for get in (places, times):
        a, b = get(full), get(lazy)
        assert len(a & b) >= 0.9 * max(len(a), len(b)), (get.__name__, sorted(a ^ b)[:20])
    assert len(lazy[0].events) == len(full[0].events)  # the seed article's events
