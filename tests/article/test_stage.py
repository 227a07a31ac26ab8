"""The article stage inside a pipeline: bad pages become failed outcomes, good ones go on."""

from __future__ import annotations

from dateline.pipeline import Pipeline
from dateline.records import RawInput
from dateline.settings import Settings


def test_bad_pages_fail_alone() -> None:
    pipeline = Pipeline.from_settings(Settings(stages=("article",)))
    inputs = [
        RawInput("empty", "html", "<html></html>"),
        RawInput("good", "text", "Harbour reopens\nBy AFP - Sep 30,2019\nAMMAN — The harbour reopened."),
        RawInput("blank", "text", "   \n  "),
    ]
    outcomes = {o.id: o for o in pipeline.pipe(inputs)}
    assert (not outcomes["empty"].ok and "no article text" in str(outcomes["empty"].error)) or "empty" in str(
        outcomes["empty"].error
    )
    assert not outcomes["blank"].ok and "no article text found" in str(outcomes["blank"].error)
    good = outcomes["good"].document
    assert good is not None and good.article.body == "The harbour reopened."
    assert good.article.source == "AFP" and good.article.published == "2019-09-30"
