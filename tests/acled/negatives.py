"""Run the full pipeline on news-style sentences that report no event and list the events it finds anyway.

Usage: ``python3 -m tests.acled.negatives tests/acled/data/news_negatives_batch10.jsonl`` prints the share of
sentences without any event (1.0 is perfect) and the events found on the others. The sentences are our own
(planned, threatened or hypothetical violence and protests, policy talk); each batch was scored blind first.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tests.acled.batch import STAGES, load

from dateline.pipeline import Pipeline
from dateline.records import RawInput, document_to_dict
from dateline.settings import Settings


def events_of(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    pipeline = Pipeline.from_settings(Settings().evolve(stages=STAGES))
    return [
        document_to_dict(pipeline(RawInput(r["id"], "body", r["text"], published=r["published"])))["events"]
        for r in rows
    ]


def main(argv: list[str]) -> None:
    rows = load(Path(argv[0]))
    found = events_of(rows)
    clean = sum(not evs for evs in found)
    print(json.dumps({"no_event": round(clean / len(rows), 3), "rows": len(rows)}))
    for row, evs in zip(rows, found, strict=True):
        for ev in evs:
            print(row["id"], ev.get("sub_event_type"), (ev.get("actor1") or {}).get("name"), "|", row["text"][:90],
                  file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
