"""Several worker processes: same outcomes, same order, errors kept (article stage only)."""

from __future__ import annotations

import pickle

import pytest

from dateline import InputError, RawInput, Settings
from dateline.parallel import ParallelPipeline, make_pipeline
from dateline.pipeline import Pipeline


def _inputs() -> list[RawInput | InputError]:
    items: list[RawInput | InputError] = [RawInput(f"d{i}", "body", f"Report number {i}.") for i in range(9)]
    items[3] = RawInput("blank", "body", "   ")
    items[5] = InputError("unreadable.txt", "binary data, not text or HTML")
    return items


def test_input_error_survives_pickling() -> None:
    error = pickle.loads(pickle.dumps(InputError("a.txt", "empty input")))
    assert (error.source, error.problem, str(error)) == ("a.txt", "empty input", "a.txt: empty input")


def test_make_pipeline_picks_by_workers() -> None:
    assert isinstance(make_pipeline(Settings(stages=("article",))), Pipeline)
    assert isinstance(make_pipeline(Settings(stages=("article",), workers=2)), ParallelPipeline)


@pytest.mark.slow
def test_two_workers_give_what_one_gives_in_order() -> None:
    settings = Settings(stages=("article",), batch_size=2)
    one = list(Pipeline.from_settings(settings).pipe(_inputs()))
    two = list(make_pipeline(settings.evolve(workers=2)).pipe(iter(_inputs())))
    assert [o.id for o in two] == [o.id for o in one]
    assert [o.ok for o in two] == [o.ok for o in one] == [True, True, True, False, True, False, True, True, True]
    assert [str(o.error) for o in two] == [str(o.error) for o in one]
    assert [o.document.article.body for o in two if o.document] == [o.document.article.body for o in one if o.document]
