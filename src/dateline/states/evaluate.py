"""``dateline eval states``: place-state questions over stories of several articles, scored here.

A gold file (or a folder of them, ``tests/states/gold/batch*.json``) holds stories: articles
(text, outlet, publication and update dates, URL; ``"seed": true`` for the bundled AFP
example) and questions (place, part, facet, ``as_of``, ``known_as_of`` → acceptable values
and status). Each story's articles go through the real pipeline, then into a fresh store in
order (so an updated article replaces its first version), and each question is answered
with :func:`dateline.states.state_of`.

A question is right when the value is (one of the acceptable names; "nothing known" when
the gold value is null) and the status is. Figures: ``accuracy`` (value and status right),
``value_accuracy``, ``status_accuracy``, per batch, and the ids of the questions missed.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..records import RawInput
from ..settings import Settings
from .query import find_places, normalize_name, state_of

__all__ = ["DEFAULT_STATES_GOLD", "evaluate_states", "load_gold", "score_answer"]

_REPO = Path(__file__).resolve().parents[3]
#: the gold batches (in the repository)
DEFAULT_STATES_GOLD = _REPO / "tests" / "states" / "gold"
_SEED = _REPO / "examples" / "afp_alqaim_2019.txt"


def load_gold(path: str | Path | None = None) -> list[dict[str, Any]]:
    """The gold batches of a file or folder (``batch*.json``), each with its ``stories``."""
    target = Path(path) if path else DEFAULT_STATES_GOLD
    files = sorted(target.glob("batch*.json")) if target.is_dir() else [target]
    if not files or not all(f.is_file() for f in files):
        raise ConfigError(f"{target}: no place-state gold file (batch*.json) there")
    batches = []
    for f in files:
        try:
            data = json.loads(f.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{f}: not a gold file ({exc})") from None
        data.setdefault("batch", f.stem)
        batches.append(data)
    return batches


def _matches(value: str | None, gold: list[str] | None) -> bool:
    if gold is None:
        return value is None
    if value is None:
        return False
    words = set(normalize_name(value).split())
    return any(normalize_name(g) == normalize_name(value) or set(normalize_name(g).split()) <= words for g in gold)


def score_answer(question: dict[str, Any], value: str | None, status: str | None) -> tuple[bool, bool]:
    """(value right, status right) for one question."""
    value_ok = _matches(value, question.get("value"))
    status_ok = value is None if question.get("value") is None else status == question.get("status")
    return value_ok, status_ok


def _seed_text() -> str:
    """The seed article: the repository's example, else the shared folder's seed."""
    if _SEED.is_file():
        return _SEED.read_text("utf-8")
    from ..evaluation import find_shared

    shared = find_shared() / "seed" / "article.txt"
    if not shared.is_file():
        raise ConfigError(f"{shared}: the seed article is missing")
    return shared.read_text("utf-8")


def _inputs(story: dict[str, Any]) -> list[RawInput]:
    out = []
    for art in story["articles"]:
        if art.get("seed"):
            out.append(
                RawInput(
                    art["id"],
                    "text",
                    _seed_text(),
                    published=art.get("published"),
                )
            )
        else:
            out.append(
                RawInput(
                    art["id"],
                    "body",
                    art["body"],
                    published=art.get("published"),
                    url=art.get("url"),
                )
            )
    return out


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def evaluate_states(
    gold: str | Path | None = None,
    *,
    settings: Settings | None = None,
    resources: Any = None,
    pred_out: str | Path | None = None,
    pipeline: Any = None,
) -> dict[str, Any]:
    """Run the gold stories through dateline and score the answers (see the module's docstring)."""
    from ..pipeline import Pipeline
    from ..store import content_hash, open_store
    from ..store.write import Pending, store_documents

    batches = load_gold(gold)
    if pipeline is None:
        pipeline = Pipeline.from_settings((settings or Settings()), resources)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for batch in batches:
            for n, story in enumerate(batch["stories"]):
                meta = {a["id"]: a for a in story["articles"]}
                raws = _inputs(story)
                docs = {o.id: o.document for o in pipeline.pipe(raws) if o.document is not None}
                with open_store(Path(tmp) / f"{batch['batch']}-{n}.duckdb") as store:
                    for raw in raws:
                        doc = docs.get(raw.id)
                        if doc is None:
                            continue
                        a = meta[raw.id]
                        doc.article.source = a.get("source") or doc.article.source
                        doc.article.published = a.get("published") or doc.article.published
                        doc.article.updated = a.get("updated") or doc.article.updated
                        doc.article.url = a.get("url") or doc.article.url
                        store_documents(
                            store,
                            [
                                Pending(
                                    doc,
                                    content_hash(raw.content),
                                    raw.id,
                                    doc.article.url,
                                )
                            ],
                        )
                    for q in story["questions"]:
                        rows.append(_ask(store, q, str(batch["batch"])))
    if pred_out:
        Path(pred_out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return _figures(rows)


def _ask(store: Any, q: dict[str, Any], batch: str) -> dict[str, Any]:
    value = status = since = None
    places = find_places(store.conn, q["place"])
    if places:
        answers = state_of(
            store.conn,
            places[0].place_id,
            as_of=_day(q["as_of"]),
            known_as_of=_day(q.get("known_as_of")),
            facet=q["facet"],
            part=q.get("part", ""),
        )
        if answers and answers[0].value is not None:
            value, status = answers[0].value, answers[0].status
            since = answers[0].since.isoformat() if answers[0].since else None
    value_ok, status_ok = score_answer(q, value, status)
    return {
        "batch": batch,
        "id": q["id"],
        "place": q["place"],
        "found_place": places[0].name if places else None,
        "facet": q["facet"],
        "part": q.get("part", ""),
        "value": value,
        "status": status,
        "since": since,
        "gold_value": q.get("value"),
        "gold_status": q.get("status"),
        "value_ok": value_ok,
        "status_ok": status_ok,
    }


def _figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def rate(items: list[dict[str, Any]], key: str | None = None) -> float:
        if not items:
            return 0.0
        ok = (
            [r for r in items if (r["value_ok"] and r["status_ok"]) if key is None]
            if key is None
            else [r for r in items if r[key]]
        )
        return round(len(ok) / len(items), 3)

    by_batch: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_facet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_batch[r["batch"]].append(r)
        by_facet[r["facet"]].append(r)
    return {
        "accuracy": rate(rows),
        "value_accuracy": rate(rows, "value_ok"),
        "status_accuracy": rate(rows, "status_ok"),
        "questions": len(rows),
        "by_batch": {b: rate(items) for b, items in sorted(by_batch.items())},
        "by_facet": {f: rate(items) for f, items in sorted(by_facet.items())},
        "missed": [r["id"] for r in rows if not (r["value_ok"] and r["status_ok"])],
    }
