"""The pipeline: stage ordering, batching, and one bad document not sinking the rest."""

from __future__ import annotations

import pytest

from dateline import ConfigError, Document, InputError, Pipeline, RawInput, Settings
from dateline.pipeline import STAGE_FACTORIES, analyze_pipeline


class Upper:
    name = "upper"
    requires = ("article",)
    produces = ("upper",)

    def __call__(self, doc: Document) -> Document:
        doc.annotations["upper"] = doc.article.body.upper()
        if "BOOM" in doc.annotations["upper"]:
            raise RuntimeError("kaboom")
        return doc


class Body:
    name = "article"
    requires = ("raw",)
    produces = ("article",)

    def __call__(self, doc: Document) -> Document:
        raw = doc.annotations["raw"]
        if raw.content == "bad":
            raise InputError(raw.id, "bad content")
        doc.article.body = raw.content
        return doc


def test_analyze_reports_missing_requirement() -> None:
    problems = analyze_pipeline([Upper(), Body()])
    assert problems == ["stage 'upper' needs article, which no earlier stage produces"]


def test_pipeline_refuses_misordered_stages() -> None:
    with pytest.raises(ConfigError, match="needs article"):
        Pipeline([Upper(), Body()])


def test_unknown_stage_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown stage 'nope'"):
        Pipeline.from_settings(Settings(stages=("nope",)))


def test_registered_stages_form_a_valid_default_pipeline() -> None:
    assert list(STAGE_FACTORIES) == list(Settings().stages)


def test_one_bad_document_does_not_stop_the_batch() -> None:
    pipe = Pipeline([Body(), Upper()], Settings(batch_size=2))
    inputs = [RawInput("a", "body", "fine"), RawInput("b", "body", "bad"), RawInput("c", "body", "boom"),
              InputError("d", "unreadable"), RawInput("e", "body", "also fine")]
    outcomes = list(pipe.pipe(inputs))
    assert [o.id for o in outcomes] == ["a", "b", "c", "d", "e"]
    assert [o.ok for o in outcomes] == [True, False, False, False, True]
    assert "bad content" in str(outcomes[1].error)
    assert "internal error in stage 'upper'" in str(outcomes[2].error)
    assert outcomes[0].document is not None and outcomes[0].document.annotations == {}


def test_call_raises_the_documents_error() -> None:
    pipe = Pipeline([Body()])
    with pytest.raises(InputError, match="b: bad content"):
        pipe(RawInput("b", "body", "bad"))


def test_pipe_is_lazy() -> None:
    def endless():
        n = 0
        while True:
            n += 1
            yield RawInput(str(n), "body", "text")

    pipe = Pipeline([Body()], Settings(batch_size=4))
    stream = pipe.pipe(endless())
    assert [next(stream).id for _ in range(6)] == ["1", "2", "3", "4", "5", "6"]
