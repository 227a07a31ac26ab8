"""NER in windows (``nlp.ner = "windows"``): the window arithmetic without a model, and the
entities of the real model on real text equal to NER over the whole text where they are read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline import Pipeline, RawInput, Settings
from dateline.nlp_windows import margins, merge_windows, ner_mode


def test_windows_widen_and_merge() -> None:
    assert merge_windows([(10, 12)], 100, 6, 4) == [(4, 16)]
    assert merge_windows([(1, 2), (96, 98)], 100, 6, 4) == [(0, 6), (90, 100)]
    # closer than the gap: one window; unsorted input is fine
    assert merge_windows([(24, 25), (10, 12)], 100, 6, 4) == [(4, 29)]
    assert merge_windows([(10, 12), (40, 41)], 100, 6, 4) == [(4, 16), (34, 45)]
    assert merge_windows([], 100, 6, 4) == []


def test_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_NLP_NER", raising=False)
    assert ner_mode(Settings()) == "windows"
    monkeypatch.setenv("DATELINE_NLP_NER", "all")
    assert ner_mode(Settings()) == "all"
    assert ner_mode(Settings().evolve(options=(("nlp.ner", "windows"),))) == "windows"
    assert margins(Settings().evolve(options=(("nlp.ner_margin", "5:3"),))) == (5, 3)
    assert margins(Settings().evolve(options=(("nlp.ner_margin", "4"),))) == (4, 4)


TEXT = (
    "BAGHDAD (AFP) - Iraqi Prime Minister Adel Abdel Mahdi met Syrian officials on Monday in Baghdad.\n\n"
    "The Popular Mobilization Forces said the Al-Qaim crossing near Albu Kamal would reopen. Residents of "
    "the town said they were tired of waiting for the trucks, and a shopkeeper who gave his name as Ahmed "
    "said business had been slow for years. The European Union welcomed the move, and the Free Syrian Army "
    "was not consulted, according to Reuters. In Washington, President Donald Trump said nothing."
)


def _run(option: str, text: str = TEXT) -> Any:
    settings = Settings().evolve(options=(("nlp.ner", option),))
    pipeline = Pipeline.from_settings(settings)
    (outcome,) = list(pipeline.pipe([RawInput("t", "text", text, published="2019-09-30")]))
    assert outcome.ok
    return outcome.document


def _texts() -> list[str]:
    root = Path(__file__).resolve().parents[2]
    seed = root.parent / "shared" / "seed" / "article.txt"
    examples = [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.txt"))]
    return [TEXT, *examples, *([seed.read_text(encoding="utf-8")] if seed.is_file() else [])]


@pytest.mark.slow
@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:12])
def test_windows_read_the_labels_of_the_whole_text(text: str) -> None:
    """Places and actors with NER in windows (default margins) equal those with NER on the whole text."""
    whole, windows = _run("all", text), _run("windows", text)
    assert [(p.start, p.end, p.geonameid) for p in windows.places] == [
        (p.start, p.end, p.geonameid) for p in whole.places]
    assert [(a.start, a.end, a.name, a.type) for a in windows.actors] == [
        (a.start, a.end, a.name, a.type) for a in whole.actors]


@pytest.mark.slow
def test_window_entities_are_the_whole_texts() -> None:
    from dateline.nlp_demand import parse_on_demand
    from dateline.nlp_windows import key_spans
    from dateline.resources import Resources

    settings = Settings()
    resources = Resources(settings)
    nlp = resources.nlp()
    (whole,) = parse_on_demand(nlp, [TEXT], lambda _: False)
    (windows,) = parse_on_demand(nlp, [TEXT], lambda _: False, ner_spans=key_spans(settings, resources.gazetteer))
    read = {(e.start_char, e.end_char, e.label_) for e in windows.ents}
    full = {(e.start_char, e.end_char, e.label_) for e in whole.ents}
    assert read <= full  # the windows' entities are the whole text's, fewer of them
    assert {"GPE", "ORG", "PERSON"} <= {label for _, _, label in read}


@pytest.mark.slow
def test_empty_and_entity_free_documents() -> None:
    from dateline.nlp_demand import parse_on_demand
    from dateline.nlp_windows import key_spans
    from dateline.resources import Resources

    settings = Settings()
    resources = Resources(settings)
    spans = key_spans(settings, resources.gazetteer)
    texts = ["", "   ", "it was quiet all day.", TEXT]
    docs = parse_on_demand(resources.nlp(), texts, lambda _: False, ner_spans=spans)
    assert [len(d.ents) for d in docs[:3]] == [0, 0, 0]
    assert docs[3].ents


def test_no_stage_reads_ner_without_places_or_actors() -> None:
    from dateline.nlp_windows import key_spans

    settings = Settings(stages=("article", "nlp", "time"))

    def no_gazetteer() -> None:
        raise AssertionError("the gazetteer is not needed")

    assert key_spans(settings, no_gazetteer)(_FakeDoc()) == []


class _FakeDoc:
    text = "President Smith met the Army in Baghdad."

    def __len__(self) -> int:
        return 8
