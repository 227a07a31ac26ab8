"""A pipeline of named stages that declare what they need and what they produce.

A stage is any object with ``name``, ``requires``, ``produces`` and ``__call__(doc)``;
it may also offer ``pipe(docs)`` to work on a batch (the NLP stage does). Stages are
made by factories named in :data:`STAGE_FACTORIES` (``"module:callable"``, imported only
when the stage is built), each called as ``factory(settings, resources)``.

Keys a stage can require or produce: ``raw`` (given), ``article``, ``language``, ``nlp``
(the spaCy ``Doc`` in ``Document.annotations``), ``places``, ``timexes``, ``actors``,
``events``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from .errors import ConfigError, DatelineError, InputError
from .guard import MAX_BODY_CHARS, BudgetExceeded, TimeBudget, budget_for, check_length, guard_body
from .records import Article, Document, RawInput
from .resources import Resources
from .settings import Settings

__all__ = ["STAGE_FACTORIES", "Outcome", "Pipeline", "Stage", "analyze_pipeline", "batches"]

log = logging.getLogger(__name__)

#: Registered stages: name -> "module:factory". Immutable; tests pass their own stages.
STAGE_FACTORIES: dict[str, str] = {
    "article": "dateline.article:ArticleStage",
    "language": "dateline.language:LanguageStage",
    "nlp": "dateline.nlp:NlpStage",
    "places": "dateline.places:PlacesStage",
    "time": "dateline.timex:TimeStage",
    "actors": "dateline.actors:ActorsStage",
    "events": "dateline.events:EventsStage",
}


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


@dataclass(slots=True)
class Outcome:
    """The result for one input: a document, or the error that stopped it."""

    id: str
    document: Document | None = None
    error: DatelineError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class SupportsPipe(Protocol):
    """Anything that turns inputs into outcomes: a :class:`Pipeline`, a parallel one, a fake."""

    def pipe(self, inputs: Iterable[RawInput | InputError]) -> Iterator[Outcome]: ...


def batches(inputs: Iterable[RawInput | InputError], settings: Settings) -> Iterator[list[RawInput | InputError]]:
    """``inputs`` in batches of at most ``settings.batch_size`` documents and about
    ``settings.batch_chars`` characters (a batch closes once it holds that many), streamed."""
    batch: list[RawInput | InputError] = []
    chars = 0
    for item in inputs:
        batch.append(item)
        chars += len(item.content) if isinstance(item, RawInput) else 0
        if len(batch) >= settings.batch_size or chars >= settings.batch_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def analyze_pipeline(stages: Sequence[Stage], given: Iterable[str] = ("raw",)) -> list[str]:
    """Problems with the order of ``stages``: every requirement must be produced earlier."""
    have = set(given)
    problems = []
    for stage in stages:
        missing = [key for key in stage.requires if key not in have]
        if missing:
            problems.append(f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage produces")
        have.update(stage.produces)
    return problems


def build_stage(name: str, settings: Settings, resources: Resources) -> Stage:
    """The stage registered under ``name``, built for these settings and resources."""
    try:
        target = STAGE_FACTORIES[name]
    except KeyError:
        known = ", ".join(STAGE_FACTORIES)
        raise ConfigError(f"unknown stage {name!r} (known: {known})") from None
    module_name, _, attr = target.partition(":")
    factory: Callable[[Settings, Resources], Stage] = getattr(importlib.import_module(module_name), attr)
    return factory(settings, resources)


class Pipeline:
    """Runs stages over inputs; one bad document never stops the others."""

    def __init__(self, stages: Sequence[Stage], settings: Settings | None = None) -> None:
        problems = analyze_pipeline(stages)
        if problems:
            raise ConfigError("; ".join(problems))
        self.stages = list(stages)
        self.settings = settings or Settings()

    @classmethod
    def from_settings(cls, settings: Settings | None = None, resources: Resources | None = None) -> Pipeline:
        settings = settings or Settings()
        resources = resources or Resources(settings)
        from .nlp_load import regexes_from_cache  # the stage modules' patterns from the cache (cold start)

        with regexes_from_cache(not settings.option("nlp.stock_load", False)):
            return cls([build_stage(name, settings, resources) for name in settings.stages], settings)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, raw: RawInput) -> Document:
        """Process one input; raises the :class:`DatelineError` that stopped it."""
        outcome = next(self.pipe([raw]))
        if outcome.error is not None:
            raise outcome.error
        assert outcome.document is not None
        return outcome.document

    def pipe(self, inputs: Iterable[RawInput | InputError]) -> Iterator[Outcome]:
        """Process inputs in batches, streaming; yields one :class:`Outcome` per input, in order."""
        for batch in batches(inputs, self.settings):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[RawInput | InputError]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        live: list[tuple[int, Document]] = []
        for item in batch:
            if isinstance(item, InputError):
                outcomes.append(Outcome(item.source, error=item))
                continue
            doc = Document(item.id, Article(item.id, body=""), annotations={"raw": item})
            outcomes.append(Outcome(item.id, document=doc))
            live.append((len(outcomes) - 1, doc))
        for stage in self.stages:
            if not live:
                break
            results = self._run_stage(stage, [doc for _, doc in live])
            still: list[tuple[int, Document]] = []
            for (index, _), result in zip(live, results, strict=True):
                if isinstance(result, DatelineError):
                    outcomes[index] = Outcome(outcomes[index].id, error=result)
                else:
                    still.append((index, result))
            live = still
        for index, doc in live:
            doc.annotations.clear()
            outcomes[index].document = doc
        return outcomes

    def _run_stage(self, stage: Stage, docs: list[Document]) -> list[Document | DatelineError]:
        if stage.name == "nlp":  # pathological text is made safe for the tokenizer first (dateline.guard)
            return self._run_nlp(stage, docs)
        return self._run_guarded(stage, docs)

    def _run_nlp(self, stage: Stage, docs: list[Document]) -> list[Document | DatelineError]:
        """The NLP stage on the documents the guard lets through (too long: an error; odd runs cut)."""
        results: list[Document | DatelineError] = []
        fit: list[tuple[int, Document]] = []
        for doc in docs:
            try:
                check_length(doc, self.settings)
            except InputError as exc:
                results.append(exc)
                continue
            results.append(doc)
            fit.append((len(results) - 1, guard_body(doc)))
        # the parser's memory grows with the text parsed at once: batches hold at most one longest body
        limit = int(self.settings.option("guard.max_body_chars", MAX_BODY_CHARS))  # type: ignore[call-overload]
        group: list[tuple[int, Document]] = []
        size = 0
        for item in [*fit, None]:
            if item is None or (group and size + len(item[1].article.body) > limit):
                for (index, _), result in zip(group, self._run_guarded(stage, [d for _, d in group]), strict=True):
                    results[index] = result
                group, size = [], 0
            if item is not None:
                group.append(item)
                size += len(item[1].article.body)
        return results

    def _run_guarded(self, stage: Stage, docs: list[Document]) -> list[Document | DatelineError]:
        if not docs:
            return []
        pipe = getattr(stage, "pipe", None)
        if pipe is not None and len(docs) > 1:
            budget = TimeBudget(sum(budget_for(self.settings, len(d.article.body)) for d in docs))
            try:
                with budget.enforce():
                    return list(pipe(docs))
            except Exception:  # isolate the document that broke the batch (or ran out of time)
                log.debug("stage %s failed on a batch; retrying one by one", stage.name, exc_info=True)
        return [self._run_one(stage, doc) for doc in docs]

    def _run_one(self, stage: Stage, doc: Document) -> Document | DatelineError:
        budget = TimeBudget(budget_for(self.settings, len(doc.article.body)))
        try:
            with budget.enforce():
                return stage(doc)
        except BudgetExceeded as exc:
            return InputError(doc.id, f"{exc} in stage {stage.name!r}; left out (a pathological document?)")
        except DatelineError as exc:
            return exc
        except RecursionError:
            return InputError(doc.id, f"nested too deeply for stage {stage.name!r}; left out")
        except MemoryError:
            return InputError(doc.id, f"ran out of memory in stage {stage.name!r}; left out (try a smaller --max-mb)")
        except Exception as exc:  # a bug must not sink the batch; say where it happened
            log.debug("stage %s failed on %s", stage.name, doc.id, exc_info=True)
            return InputError(doc.id, f"internal error in stage {stage.name!r}: {type(exc).__name__}: {exc}")
