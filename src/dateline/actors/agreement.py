"""How often :func:`assign_roles` agrees with PLOVER gold source/target markup.

The PLOVER gold standard records (``shared/eval/events/plover_gsr.json``) mark the source
(``SRC``), target (``TAR``), both (``SRC/TAR``) and event words (``EVT``) of one event per
sentence. For each record the first ``EVT`` span gives the trigger (the span's syntactic
head); :func:`assign_roles` then picks actor1/actor2 among

- ``gold`` mentions: the gold SRC/TAR spans themselves (role assignment alone), or
- ``detected`` mentions: what the actors detector finds (detection and roles together).

Agreement: actor1 overlaps a gold source span (SRC or SRC/TAR); actor2 overlaps a gold
target span (TAR or SRC/TAR). There is no official scorer; this is ours, documented in
``docs/actors.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import Actor
from .detect import Detector
from .lexicon import load_lexicon
from .roles import assign_roles

__all__ = ["GoldRecord", "load_records", "parse_markup", "role_agreement"]

_REPORTING = frozenset({"said", "says", "say", "saying", "announced", "told", "quoted", "reported", "stated"})
_OPEN = re.compile(r"\(([A-Z]+(?:/[A-Z]+)?):\s*")


@dataclass(slots=True)
class GoldRecord:
    id: str
    text: str
    spans: list[tuple[str, int, int]]  # (label, start, end) in ``text``


def parse_markup(markup: str) -> tuple[str, list[tuple[str, int, int]]]:
    """Plain text and labelled spans of a PLOVER markup string ("(SRC: X) (EVT: met) …")."""
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    stack: list[tuple[str, int]] = []
    pos = 0
    length = 0
    depth_plain = 0  # parentheses that belong to the text inside a span
    while pos < len(markup):
        m = _OPEN.match(markup, pos)
        if m:
            stack.append((m.group(1), length))
            pos = m.end()
            continue
        ch = markup[pos]
        if ch == "(":
            depth_plain += 1
        elif ch == ")":
            if depth_plain:
                depth_plain -= 1
            elif stack:
                label, start = stack.pop()
                spans.append((label, start, length))
                pos += 1
                continue
        out.append(ch)
        length += 1
        pos += 1
    return "".join(out), spans


def load_records(path: str | Path) -> list[GoldRecord]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    records = []
    for rec in data:
        info = rec.get("textInfo")
        markup = info.get("markup") if isinstance(info, dict) else info  # one record has a bare string
        if not markup or rec.get("event") == "DOCUMENT":
            continue
        text, spans = parse_markup(markup)
        records.append(GoldRecord(str(rec.get("id")), text, spans))
    return records


def _overlaps(actor: Actor | None, spans: Iterable[tuple[int, int]]) -> bool:
    if actor is None or actor.start is None or actor.end is None:
        return False
    return any(actor.start < e and s < actor.end for s, e in spans)


def _trigger(doc: Any, start: int, end: int) -> Any | None:
    toks = [t for t in doc if start <= t.idx < end]
    if not toks:
        return None
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    verbs = [t for t in heads if t.pos_ in ("VERB", "NOUN", "AUX")]
    return (verbs or heads or toks)[0]


def _rows(records: list[GoldRecord], nlp: Any, detector: Detector, mode: str) -> Iterator[tuple[str, Any]]:
    for rec, doc in zip(records, nlp.pipe(r.text for r in records), strict=True):
        evt = [(s, e) for label, s, e in rec.spans if label == "EVT"]
        if not evt:
            continue
        # an event detector never triggers on a reporting verb: take the first other event word
        told = [span for span in evt if rec.text[span[0] : span[1]].lower() not in _REPORTING]
        trigger = _trigger(doc, *(told or evt)[0])
        if trigger is None:
            continue
        if mode == "gold":
            mentions = [
                Actor(rec.text[s:e], None, rec.text[s:e], s, e)
                for label, s, e in rec.spans
                if "SRC" in label or "TAR" in label
            ]
        else:
            mentions = detector.find(rec.text, doc, None)
        sent = trigger.sent
        inside = [m for m in mentions if m.start is not None and sent.start_char <= m.start < sent.end_char]
        yield rec.id, (rec, assign_roles(trigger, inside, sent))


def role_agreement(gold_path: str | Path, nlp: Any, mode: str = "gold", limit: int | None = None) -> dict[str, float]:
    """Agreement figures of :func:`assign_roles` with the PLOVER markup (see the module docstring)."""
    records = load_records(gold_path)[:limit]
    detector = Detector(load_lexicon())
    n_src = n_tar = ok_src = ok_tar = n_both = ok_both = 0
    for _, (rec, roles) in _rows(records, nlp, detector, mode):
        src = [(s, e) for label, s, e in rec.spans if label in ("SRC", "SRC/TAR")]
        tar = [(s, e) for label, s, e in rec.spans if label in ("TAR", "SRC/TAR")]
        good_src = _overlaps(roles.actor1, src)
        good_tar = _overlaps(roles.actor2, tar)
        if src:
            n_src += 1
            ok_src += good_src
        if tar:
            n_tar += 1
            ok_tar += good_tar
        if src and tar:
            n_both += 1
            ok_both += good_src and good_tar
    return {
        "records": float(len(records)),
        "source_agreement": ok_src / n_src if n_src else 0.0,
        "target_agreement": ok_tar / n_tar if n_tar else 0.0,
        "both_agreement": ok_both / n_both if n_both else 0.0,
        "sources": float(n_src),
        "targets": float(n_tar),
    }
