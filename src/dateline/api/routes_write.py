"""``POST /v1/extract`` (stores nothing) and ``POST /v1/articles`` (``--allow-writes`` only).

A body is one article: JSON ``{text|html|body, url?, published?, id?}`` or a raw
``text/plain`` / ``text/html`` page; ``/v1/articles`` also takes JSONL
(``application/x-ndjson``), one article a line, at most ``max_batch_docs`` of them.
The pipeline runs in a worker thread, one request at a time, within a time limit:
documents not started when it passes are reported as failed (and not stored).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response

from ..errors import InputError
from ..inputs import decode_bytes, parse_jsonl_record
from ..records import RawInput
from ..settings import Settings
from .common import State, state

__all__ = ["router"]

router = APIRouter(prefix="/v1", tags=["articles"])

_EXECUTOR = ThreadPoolExecutor(max_workers=2, thread_name_prefix="dateline-pipeline")
_JSONL = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines")
_BODY_DOC = {
    "description": "An article as JSON `{text|html|body, url?, published?, id?}`, or a raw text/plain or text/html"
    " page; `/v1/articles` also takes JSONL (`application/x-ndjson`), one article a line.",
    "required": True,
    "content": {
        "application/json": {"schema": {"type": "object", "properties": {
            "text": {"type": "string"}, "html": {"type": "string"}, "body": {"type": "string"},
            "url": {"type": "string"}, "published": {"type": "string"}, "id": {"type": "string"}}}},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
        "application/x-ndjson": {"schema": {"type": "string"}},
    },
}  # fmt: skip


def _media(request: Request) -> str:
    return (request.headers.get("content-type") or "").split(";")[0].strip().lower()


def parse_body(body: bytes, media: str, settings: Settings, *, many: bool, limit: int) -> list[RawInput | InputError]:
    """The articles of a request body (bad ones as :class:`InputError`, so the rest go on)."""
    if not body.strip():
        raise HTTPException(400, "empty request body: send an article (JSON, text or HTML)")
    if media in ("text/plain", "text/html"):
        try:
            text = decode_bytes(body, "request body", settings, "html" if media == "text/html" else "text")
        except InputError as exc:
            raise HTTPException(400, str(exc)) from None
        return [RawInput("request", "html" if media == "text/html" else "text", text)]
    if media in _JSONL:
        if not many:
            raise HTTPException(415, "this route takes one article (application/json, text/plain or text/html)")
        lines = [(n, line) for n, line in enumerate(body.splitlines(), start=1) if line.strip()]
        if len(lines) > limit:
            raise HTTPException(413, f"{len(lines)} articles in one request; the limit is {limit}")
        out: list[RawInput | InputError] = []
        for n, line in lines:
            try:
                out.append(parse_jsonl_record(line, f"line {n}", settings))
            except InputError as exc:
                out.append(exc)
        return out
    if media not in ("application/json", ""):
        raise HTTPException(415, f"unsupported content type {media!r} (application/json, application/x-ndjson,"
                                 " text/plain or text/html)")  # fmt: skip
    try:
        obj = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"request body is not valid JSON ({getattr(exc, 'msg', exc)})") from None
    if not isinstance(obj, dict):
        raise HTTPException(400, "the JSON body must be one object {text|html|body, url?, published?, id?}")
    try:
        return [parse_jsonl_record(json.dumps(obj), "request", settings)]
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None


class _Deadline:
    """A pipeline that turns the inputs it reaches after ``deadline`` into errors (it pulls inputs lazily)."""

    def __init__(self, inner: Any, deadline: float) -> None:
        self.inner, self.deadline = inner, deadline

    def pipe(self, inputs: Iterable[RawInput | InputError]) -> Iterator[Any]:
        return self.inner.pipe(_until(self.deadline, inputs))  # type: ignore[no-any-return]


def _until(deadline: float, inputs: Iterable[RawInput | InputError]) -> Iterator[RawInput | InputError]:
    for item in inputs:
        if time.monotonic() > deadline and isinstance(item, RawInput):
            yield InputError(item.id, "not processed: the request's time limit was reached")
        else:
            yield item


_GRACE_FOR_TESTS: float | None = None  # tests shorten the wait for a stuck pipeline


def _run(st: State, job: Any, seconds: float, grace: float = 5.0) -> Any:
    """Run ``job(deadline)`` in a worker thread, holding the run lock; 504 past ``seconds`` + ``grace``."""
    started = time.monotonic()

    def locked() -> Any:
        if not st.run_lock.acquire(timeout=max(0.1, seconds - (time.monotonic() - started))):
            raise HTTPException(503, "the pipeline is busy with another request; try again", {"Retry-After": "5"})
        try:
            return job(started + seconds)
        finally:
            st.run_lock.release()

    future = _EXECUTOR.submit(locked)
    try:
        return future.result(timeout=seconds + (grace if _GRACE_FOR_TESTS is None else _GRACE_FOR_TESTS))
    except FutureTimeout:
        raise HTTPException(504, f"extraction took longer than the limit ({seconds:g} s)") from None


@router.post("/extract", summary="Extract one article: the contract document (stores nothing)",
             openapi_extra={"requestBody": _BODY_DOC})  # fmt: skip
async def extract(request: Request) -> Response:
    from ..records import document_to_dict

    st: State = state(request)
    settings = Settings()
    inputs = parse_body(await request.body(), _media(request), settings, many=False, limit=1)

    def job(deadline: float) -> Any:
        return next(iter(st.get_pipeline().pipe(inputs)))

    outcome = _run(st, job, st.config.pipeline_seconds)
    if outcome.error is not None or outcome.document is None:
        raise HTTPException(422, str(outcome.error or "no document"))
    body = json.dumps(document_to_dict(outcome.document), ensure_ascii=False)
    return Response(body, media_type="application/json")


@router.post("/articles", summary="Extract and store articles (servers started with --allow-writes)",
             openapi_extra={"requestBody": _BODY_DOC})  # fmt: skip
async def store_articles(request: Request) -> dict[str, Any]:
    """Stored and de-duplicated as `dateline ingest` does; content stored before is skipped."""
    from ..ingest import ingest

    st: State = state(request)
    if not st.config.allow_writes:
        raise HTTPException(403, "this server is read-only; start it with: dateline serve --allow-writes")
    settings = Settings()
    inputs = parse_body(await request.body(), _media(request), settings, many=True, limit=st.config.max_batch_docs)
    errors: list[str] = []

    def job(deadline: float) -> Any:
        with st.holder.write_lock:
            store = st.holder.store()
            return ingest(_Deadline(st.get_pipeline(), deadline), inputs, store, settings=settings,
                          command="serve: POST /v1/articles", on_error=lambda e: errors.append(str(e)))  # fmt: skip

    # past the limit, the documents not yet started are reported as failed; the one in progress is finished
    summary = _run(st, job, st.config.pipeline_seconds, grace=st.config.pipeline_seconds + 30)
    return {
        "status": 200,
        "success": summary.failed == 0,
        "run_id": summary.run_id,
        "seen": summary.seen,
        "added": summary.added,
        "replaced": summary.replaced,
        "skipped": summary.skipped,
        "failed": summary.failed,
        "events": summary.reports,
        "merged": summary.merged,
        "errors": errors,
    }
