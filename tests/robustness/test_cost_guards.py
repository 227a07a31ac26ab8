"""Issue 15, bounded cost: no document can hang the pipeline or exhaust memory.

Cost itself is measured in benchmarks/doc_length.py (never by timed assertions); these tests pin
the mechanisms: the guard before the NLP stage, the time budget, the body limit, and the event
stage's per-sentence look-ups (which used to scan the whole document per event).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from dateline.article.byline import parse_people
from dateline.errors import InputError
from dateline.guard import MAX_BODY_CHARS, MAX_RUN, break_runs
from dateline.pipeline import Pipeline
from dateline.records import Document, RawInput
from dateline.settings import Settings

from .conftest import GOOD, assert_one_line_errors, docs, errors, extract


def test_runs_without_spaces_are_cut_keeping_length_and_offsets() -> None:
    text = "Fighting near Mosul. " + "(" * 100_000 + " Police said. " + "a-b-" * 25_000
    fixed, runs = break_runs(text)
    assert runs == 2 and len(fixed) == len(text)
    assert fixed.startswith("Fighting near Mosul. " + "(" * MAX_RUN + " ")
    assert " Police said. " in fixed and max(len(w) for w in fixed.split()) == MAX_RUN
    assert break_runs("https://example.org/" + "x" * 150) == ("https://example.org/" + "x" * 150, 0)


def test_a_huge_author_meta_is_not_a_list_of_names() -> None:
    assert parse_people("John Smith and in Paris " * 12_000) is None
    assert parse_people("John Smith and Jane Doe") == (["John Smith", "Jane Doe"], None)


class _Slow:
    """A stage that never finishes on documents that say "hang"."""

    name, requires, produces = "slow", ("raw",), ("article",)

    def __call__(self, doc: Document) -> Document:
        raw = doc.annotations["raw"]
        while "hang" in raw.content:
            time.sleep(0.01)
        doc.article.body = raw.content
        return doc


def test_a_runaway_document_becomes_a_one_line_error_and_the_next_is_processed() -> None:
    settings = Settings(options=(("guard.seconds", 0.5), ("guard.seconds_per_mb", 0.0)))
    pipeline = Pipeline([_Slow()], settings)
    outcomes = list(pipeline.pipe([RawInput("bad", "text", "hang"), RawInput("good", "text", "fine")]))
    assert isinstance(outcomes[0].error, InputError)
    assert str(outcomes[0].error) == ("bad: took longer than its time budget (0 s) in stage 'slow';"
                                      " left out (a pathological document?)")
    assert outcomes[1].ok and outcomes[1].document is not None


@pytest.mark.slow
def test_pathological_text_and_a_9_mb_article_next_to_a_good_one(tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "hostile.jsonl"
    lines = [
        {"id": "parens", "text": "Fighting near Mosul. " + "(" * 100_000},
        {"id": "abab", "text": "Clashes in Basra. " + "a-b-" * 25_000},
        {"id": "nine-mb", "text": "Shelling was reported in Idlib on Monday. " * 214_000},
        {"id": "good", "text": GOOD},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    result = extract("--stages", "article,nlp", "--jsonl", str(path))
    assert_one_line_errors(result)
    assert result.exit_code == 1
    assert [d["id"] for d in docs(result)] == ["parens", "abab", "good"]
    errs = errors(result)
    assert errs[0] == (f"dateline: error: nine-mb: article text too long to analyse (8,987,999 characters; the"
                       f" limit is {MAX_BODY_CHARS:,}, within the 1.5 GB memory goal); split it into articles")
    assert "parens: 1 run(s) of over 200 characters without a space cut" in caplog.text


def test_events_stage_looks_up_only_the_sentence_s_places_and_actors(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fix for 106 M steps on 60 KB: locate() and parties_for() see the sentence's neighbours only."""
    from dateline.events import stage
    from dateline.records import Actor, Article, Place

    sentence = "Militants attacked police in Mosul on Monday. "
    body = sentence * 300
    step = len(sentence)
    places = [Place("Mosul", i * step + 31, i * step + 36, "Mosul", "1", 36.3, 43.1, "IQ", "Nineveh", "PPLA", 1.0)
              for i in range(300)]
    actors = [Actor(name="Militants", type="Rebel group", text="Militants", start=i * step, end=i * step + 9)
              for i in range(300)]
    doc = Document("d", Article("d", body=body), places=places, actors=actors)
    seen: dict[str, list[int]] = {"places": [], "actors": [], "spans": []}
    real_locate, real_parties = stage.locate, stage.parties_for

    def locate(body: str, places: list[Place], *args: object) -> object:
        seen["places"].append(len(places))
        seen["spans"].append(len(args[5]))  # type: ignore[arg-type]  # (start, end, trigger, dateline, previous, actors, skip)
        return real_locate(body, places, *args)  # type: ignore[arg-type]

    def parties_for(sub: str, body: str, sent: object, trigger: int, actors: list[Actor]) -> object:
        seen["actors"].append(len(actors))
        return real_parties(sub, body, sent, trigger, actors)  # type: ignore[arg-type]

    monkeypatch.setattr(stage, "locate", locate)
    monkeypatch.setattr(stage, "parties_for", parties_for)
    stage.extract_events(doc, keep_unasserted=True)  # every sentence's event reaches locate()
    assert len(seen["places"]) >= 300
    assert max(seen["places"]) <= 2 and max(seen["actors"]) <= 1 and max(seen["spans"]) <= 30
