"""Score an invented ACLED-style batch on place and actors: the figures of :mod:`tests.acled.batch`
plus the distance of the event to the row's point (``lat``/``lon``, where the row gives one).

Usage: ``python3 -m tests.acled.places_batch tests/acled/data/acled_style_batch4_places.jsonl``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

from tests.acled.batch import load, predict, score


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def place_figures(rows: list[dict[str, Any]], preds: list[dict[str, Any] | None]) -> dict[str, float]:
    """The batch figures and, over the rows with a point, the share placed within 25 km and 161 km."""
    figures, _ = score(rows, preds)
    dists = []
    for row, pred in zip(rows, preds, strict=True):
        if "lat" not in row:
            continue
        loc = (pred or {}).get("location") or {}
        ok = loc.get("lat") is not None and loc.get("lon") is not None
        dists.append(km(row["lat"], row["lon"], loc["lat"], loc["lon"]) if ok else math.inf)
    figures["within_25km"] = round(sum(d <= 25 for d in dists) / len(dists), 3)
    figures["within_161km"] = round(sum(d <= 161 for d in dists) / len(dists), 3)
    return figures


def main(argv: list[str]) -> None:
    rows = load(Path(argv[0]))
    preds = predict(rows)
    print(json.dumps(place_figures(rows, preds)))
    _, judged = score(rows, preds)
    for row, pred, j in zip(rows, preds, judged, strict=True):
        loc = (pred or {}).get("location") or {}
        a1 = (pred or {}).get("actor1") or {}
        bad = [k for k, v in j.items() if not v and k in ("country", "admin1", "actor1_type", "actor1_name")]
        far = ""
        if "lat" in row and loc.get("lat") is not None:
            far = f"{km(row['lat'], row['lon'], loc['lat'], loc['lon']):.0f} km"
        print(row["id"], bad, loc.get("name"), loc.get("country_code"), loc.get("admin1"), far,
              a1.get("name"), a1.get("type"), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
