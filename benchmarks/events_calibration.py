"""Does the events confidence mean something? Accuracy of the top event above and below a cut.

    dateline eval events --pred-out /tmp/events_pred.jsonl
    python3 benchmarks/events_calibration.py /tmp/events_pred.jsonl ../shared/eval/events/case2021_dev.tsv

For every snippet that yields an event, the most confident one (the one the scorer takes) is
right when its sub-event type is the gold ACLED sub-event type (a non-ACLED snippet's event
is always wrong). Prints the accuracy in confidence bands.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

BANDS = ((0.8, 1.01), (0.65, 0.8), (0.5, 0.65), (0.0, 0.5))


def main(pred_path: str, gold_path: str) -> None:
    sys.path.insert(0, str(Path(gold_path).resolve().parents[1]))
    from score import ACLED  # the scorer's table of the 25 ACLED sub-event types

    with open(gold_path, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        gold = {r[0]: r[2] for r in rows}
    tally = {band: [0, 0] for band in BANDS}
    with open(pred_path, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if not doc.get("events"):
                continue
            best = max(doc["events"], key=lambda e: e["confidence"])
            label = gold.get(str(doc["id"]))
            right = label in ACLED and ACLED[label][1] == best["sub_event_type"]
            for lo, hi in BANDS:
                if lo <= best["confidence"] < hi:
                    tally[(lo, hi)][0] += right
                    tally[(lo, hi)][1] += 1
    for (lo, hi), (ok, n) in tally.items():
        share = f"{ok / n:.3f}" if n else "-"
        print(f"confidence [{lo:.2f}, {min(hi, 1.0):.2f}): {ok}/{n} right = {share}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
