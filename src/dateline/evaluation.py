"""The project's evaluation command: run dateline over a gold set of ``shared/eval`` and
print the figures of ``shared/eval/score.py``.

Tasks and their default gold files (relative to the shared folder)::

    extract  eval/extract/pages          (the .html pages, fed as html)
    geo      eval/geo/gwn.jsonl           (text fed as body), also eval/geo/trnews.jsonl
    time     eval/time/timebank.jsonl     (text as body, dct as published)
    events   eval/events/case2021_dev.tsv (snippet as body)
    news     eval/events/news_dev.jsonl   (the page's .html for scrapinghub items, else text as body)
    acled    eval/events/acled_notes_dev.jsonl (notes as body, published; scored by score_acled.py)
    states   tests/states/gold of the repository (place-state questions; scored by dateline.states.evaluate)
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .pipeline import Pipeline
from .records import RawInput
from .resources import Resources
from .runner import write_documents
from .settings import Settings

__all__ = ["DEFAULT_GOLD", "TASK_STAGES", "evaluate", "find_shared"]

TASK_STAGES: dict[str, tuple[str, ...]] = {
    "extract": ("article",),
    "geo": ("article", "language", "nlp", "places"),
    "time": ("article", "language", "nlp", "time"),
    "events": ("article", "language", "nlp", "places", "time", "actors", "events"),
    "news": ("article", "language", "nlp", "places", "time", "actors", "events"),
    "acled": ("article", "language", "nlp", "places", "time", "actors", "events"),
    "states": ("article", "language", "nlp", "places", "time", "actors", "events"),
}

DEFAULT_GOLD: dict[str, str] = {
    "extract": "eval/extract/pages",
    "geo": "eval/geo/gwn.jsonl",
    "time": "eval/time/timebank.jsonl",
    "events": "eval/events/case2021_dev.tsv",
    "news": "eval/events/news_dev.jsonl",
    "acled": "eval/events/acled_notes_dev.jsonl",
    "states": "tests/states/gold (in the repository: dateline's own place-state questions)",
}

#: the scorer of each task (a script of shared/eval and its first arguments)
_SCORERS: dict[str, tuple[str, ...]] = {"acled": ("score_acled.py",)}


def find_shared(explicit: str | Path | None = None) -> Path:
    """The shared folder: given, $DATELINE_SHARED, or ``../shared`` of the cwd or the repo."""
    candidates = [
        explicit,
        os.environ.get("DATELINE_SHARED"),
        Path.cwd() / ".." / "shared",
        Path(__file__).resolve().parents[3] / "shared",
    ]
    for cand in candidates:
        if cand and (Path(cand) / "eval" / "score.py").is_file():
            return Path(cand).resolve()
    raise ConfigError("cannot find the shared folder with eval/score.py; pass --shared or set DATELINE_SHARED")


def gold_inputs(task: str, gold: Path, limit: int | None = None) -> Iterator[RawInput]:
    """The inputs a task feeds to dateline, built from its gold file."""
    for count, raw in enumerate(_gold_inputs(task, gold)):
        if limit is not None and count >= limit:
            return
        yield raw


def _gold_inputs(task: str, gold: Path) -> Iterator[RawInput]:
    if task == "extract":
        for page in sorted(gold.glob("*.html")):
            yield RawInput(page.stem, "html", page.read_text("utf-8", errors="replace"))
    elif task in ("geo", "time"):
        with gold.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    yield RawInput(str(rec["id"]), "body", rec["text"], published=rec.get("dct"))
    elif task == "events":
        with gold.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader)
            for row in reader:
                yield RawInput(row[0], "body", row[1])
    elif task == "news":
        yield from _news_inputs(gold)
    elif task == "acled":
        with gold.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    yield RawInput(str(rec["id"]), "body", rec["text"], published=rec.get("published"))
    else:
        raise ConfigError(f"unknown evaluation task {task!r} (known: {', '.join(TASK_STAGES)})")


def _news_inputs(gold: Path) -> Iterator[RawInput]:
    """News articles: the extraction page's HTML when the item comes from it, else its text."""
    pages = gold.parent.parent / "extract" / "pages"
    with gold.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            page = pages / f"{rec['id']}.html"
            if rec.get("source") == "scrapinghub" and page.is_file():
                yield RawInput(str(rec["id"]), "html", page.read_text("utf-8", errors="replace"), url=rec.get("url"))
            else:
                yield RawInput(str(rec["id"]), "body", rec["text"], published=rec.get("published") or rec.get("dct"))


def evaluate(
    task: str,
    gold: str | Path | None = None,
    *,
    shared: str | Path | None = None,
    settings: Settings | None = None,
    resources: Resources | None = None,
    limit: int | None = None,
    pred_out: str | Path | None = None,
) -> dict[str, Any]:
    """Run dateline on a gold set and return score.py's figures (plus the run's counts)."""
    if task not in TASK_STAGES:
        raise ConfigError(f"unknown evaluation task {task!r} (known: {', '.join(TASK_STAGES)})")
    if task == "states":  # place states: dateline's own gold and scorer
        from .states.evaluate import evaluate_states

        states_settings = (settings or Settings()).evolve(stages=TASK_STAGES[task])
        return evaluate_states(gold, settings=states_settings, resources=resources, pred_out=pred_out)
    root = find_shared(shared)
    gold_path = Path(gold) if gold else root / DEFAULT_GOLD[task]
    if not gold_path.exists():
        raise ConfigError(f"{gold_path}: no such gold file or folder")
    settings = (settings or Settings()).evolve(stages=TASK_STAGES[task])
    pipeline = Pipeline.from_settings(settings, resources)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(pred_out) if pred_out else Path(tmp) / "pred.jsonl"
        with pred.open("w", encoding="utf-8") as out:
            summary = write_documents(pipeline, gold_inputs(task, gold_path, limit), out)
        scorer = _SCORERS.get(task, ("score.py", task))
        proc = subprocess.run(
            [sys.executable, str(root / "eval" / scorer[0]), *scorer[1:], str(gold_path), str(pred)],
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode != 0:
        raise ConfigError(f"score.py failed: {proc.stderr.strip().splitlines()[-1:] or proc.returncode}")
    figures: dict[str, Any] = json.loads(proc.stdout)
    figures["documents"] = summary.documents
    figures["failed_documents"] = summary.failed
    return figures
