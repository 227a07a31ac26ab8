"""How often the events stage fires on the PLOVER gold sentences, by PLOVER category.

    python3 benchmarks/events_plover_check.py [../shared/eval/events/plover_gsr.json]

The PLOVER gold standard records (CC BY-SA 4.0) are single sentences coded with older
PLOVER categories. Most are statements, demands, threats and promises, which ACLED does not
code: a good events stage stays silent on THREATEN, DEMAND, REJECT, CONSULT, SUPPORT and
fires on PROTEST, ASSAULT and FIGHT. For each category: sentences yielding an event, and
the top event's ACLED sub-event / PLOVER type. Runs the stage on the spaCy parse alone
(no places, dates or actors stage).
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

from dateline.events import extract_events
from dateline.records import Article, Document
from dateline.resources import Resources

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "plover_gsr.json"


def main(path: Path) -> None:
    nlp = Resources().nlp()
    records = [r for r in json.loads(path.read_text("utf-8")) if r.get("text")]
    tally: dict[str, list] = collections.defaultdict(lambda: [0, 0, collections.Counter()])
    for rec in records:
        text = re.sub(r"</?\w+>", "", rec["text"])
        doc = Document("p", Article("p", text))
        doc.annotations["nlp"] = nlp(text)
        events = extract_events(doc)
        row = tally[rec["event"]]
        row[1] += 1
        if events:
            top = max(events, key=lambda e: e.confidence)
            row[0] += 1
            row[2][f"{top.sub_event_type} / {top.plover.type}"] += 1
    for category, (fired, total, tops) in sorted(tally.items()):
        print(f"{category:12s} {fired:3d}/{total:3d}  {dict(tops.most_common(3))}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
