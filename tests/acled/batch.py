"""Run the full pipeline on an invented ACLED-style batch and score it (figures like score_acled.py's).

Usage: ``python3 -m tests.acled.batch tests/acled/data/acled_style_batch1.jsonl`` prints the figures
and the rows that differ. The batches are our own sentences written in the style of ACLED's notes;
each was scored blind (before any rule was changed for it) and that figure is in docs/events.md.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from dateline.pipeline import Pipeline
from dateline.records import RawInput, document_to_dict
from dateline.settings import Settings

STAGES = ("article", "language", "nlp", "places", "time", "actors", "events")
_STOP = {"of", "the", "and", "forces", "force", "a", "an"}


def _tokens(name: str | None) -> set[str]:
    name = re.sub(r"\(\d{4}-?\d{0,4}\)", " ", name or "")
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return {t for t in re.sub(r"[^a-z0-9]+", " ", name.lower()).split() if t not in _STOP}


def name_match(pred: str | None, gold: str) -> bool:
    a, b = _tokens(pred), _tokens(gold)
    return bool(a and b) and len(a & b) / len(a | b) >= 0.5


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def predict(rows: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """The top event (as a dict) of each row, or None."""
    pipeline = Pipeline.from_settings(Settings().evolve(stages=STAGES))
    out: list[dict[str, Any] | None] = []
    for row in rows:
        doc = pipeline(RawInput(row["id"], "body", row["text"], published=row["published"]))
        events = sorted(document_to_dict(doc)["events"], key=lambda e: -e["confidence"])
        out.append(events[0] if events else None)
    return out


def judge(row: dict[str, Any], ev: dict[str, Any] | None) -> dict[str, bool]:
    ev = ev or {}
    loc = ev.get("location") or {}
    a1 = ev.get("actor1") or {}
    date = ev.get("date") or {}
    judged = {
        "found": bool(ev),
        "event_type": ev.get("event_type") == row["event_type"],
        "sub_event_type": ev.get("sub_event_type") == row["sub_event_type"],
        "country": loc.get("country_code") == row["country"],
        "actor1_type": a1.get("type") == row["actor1_type"],
        "actor1_name": name_match(a1.get("name"), row["actor1"]),
        "fatalities": bool(ev) and (ev.get("fatalities") or 0) == row["fatalities"],
        "date": bool(date) and (date.get("start") or "") <= row["published"] <= (date.get("end") or "9999"),
    }
    if "admin1" in row:  # batch 3 on: the expected first-level division too (folded names, one inside the other)
        got, want = _fold(loc.get("admin1")), _fold(row["admin1"])
        judged["admin1"] = bool(got and want) and (got in want or want in got)
    return judged


def _fold(name: str | None) -> str:
    name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    name = re.sub(r"\b(province|region|state|governorate|county|district|department)\b", " ", name)
    return re.sub(r"[^a-z0-9]+", "", name)


def score(rows: list[dict[str, Any]], preds: list[dict[str, Any] | None]) -> tuple[dict[str, float], list[Any]]:
    judged = [judge(r, p) for r, p in zip(rows, preds, strict=True)]
    keys = list(dict.fromkeys(k for j in judged for k in j))  # admin1 over the rows that give one
    figures = {k: round(sum(j[k] for j in judged if k in j) / sum(k in j for j in judged), 3) for k in keys}
    figures["all_fields"] = round(sum(all(j.values()) for j in judged) / len(judged), 3)
    return figures, judged


def main(argv: list[str]) -> None:
    rows = load(Path(argv[0]))
    preds = predict(rows)
    figures, judged = score(rows, preds)
    print(json.dumps(figures))
    for row, pred, j in zip(rows, preds, judged, strict=True):
        bad = [k for k, v in j.items() if not v]
        if bad:
            p = pred or {}
            got = {
                "sub": p.get("sub_event_type"), "cc": (p.get("location") or {}).get("country_code"),
                "adm1": (p.get("location") or {}).get("admin1"), "place": (p.get("location") or {}).get("name"),
                "a1": (p.get("actor1") or {}).get("name"), "a1t": (p.get("actor1") or {}).get("type"),
                "fat": p.get("fatalities"), "date": (p.get("date") or {}).get("start"),
            }
            print(row["id"], bad, got, "|", row["text"][:90], file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
