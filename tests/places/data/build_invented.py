"""Build ``invented_geo.jsonl`` (the shared/eval geo format) from the marked passages of
``invented_geo.txt``: offsets from the markup, GeoNames ids and points from the gazetteer.

    python3 tests/places/data/build_invented.py [--show] [--source STEM]

``--source invented_local`` builds ``invented_local.txt`` into ``invented_local.jsonl`` (a batch
kept apart so that it can be scored on its own); the default is ``invented_geo``.

``--show`` prints each toponym with the entry it was given, for checking by eye.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from dateline.places.normalize import name_key
from dateline.resources import Resources
from dateline.settings import Settings

HERE = Path(__file__).parent
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")


def passages(text: str) -> list[tuple[str, str]]:
    out = []
    for block in text.split("\n---\n")[1:]:
        lines = [line for line in block.strip().splitlines() if line.strip()]
        out.append((lines[0].strip(), " ".join(line.strip() for line in lines[1:])))
    return out


def pick(gazetteer, surface: str, spec: str) -> dict:
    if spec.startswith("@"):
        lat, lon = (float(x) for x in spec[1:].split(","))
        return {"lat": lat, "lon": lon, "geonameid": None, "name": surface}
    lookup_name = surface
    if "=" in spec:
        spec, lookup_name = spec.split("=", 1)
    if spec.startswith("#"):
        cands = [m.entry for m in gazetteer.lookup(name_key(lookup_name)) if m.entry.gid == spec[1:]]
        if not cands:
            cands = [m.entry for m in gazetteer.lookup(name_key("Europe")) if m.entry.gid == spec[1:]]
    elif re.fullmatch(r"[A-Z]{2}", spec):
        country = gazetteer.country(spec)
        cands = [country] if country else []
    elif ":" in spec:
        where, feature = spec.split(":")
        cc, _, a1 = where.partition(".")
        cands = [
            m.entry for m in gazetteer.lookup(name_key(lookup_name))
            if m.entry.country_code == cc and m.entry.feature == feature and (not a1 or m.entry.admin1_code == a1)
        ]
    else:
        cands = [m.entry for m in gazetteer.lookup(name_key(lookup_name)) if m.entry.feature == spec]
    if not cands:
        raise LookupError(f"no entry for {surface!r} ({spec})")
    e = max(cands, key=lambda c: c.population)
    return {"lat": round(e.lat, 5), "lon": round(e.lon, 5), "geonameid": e.gid, "name": e.name}


def main(show: bool = False, source: str = "invented_geo") -> None:
    gazetteer = Resources(Settings()).gazetteer()
    rows, missing = [], []
    for doc_id, marked in passages((HERE / f"{source}.txt").read_text(encoding="utf-8")):
        text, toponyms, pos = "", [], 0
        for m in MARK.finditer(marked):
            text += marked[pos : m.start()]
            surface, spec = m.group(1), m.group(2)
            start = len(text)
            text += surface
            try:
                place = pick(gazetteer, surface, spec)
            except LookupError as exc:
                missing.append(str(exc))
                place = {}
            toponyms.append({"start": start, "end": len(text), **place})
            if show:
                print(f"{doc_id:14} {surface:22} {spec:18} -> {place}")
            pos = m.end()
        text += marked[pos:]
        rows.append({"id": "inv-" + doc_id, "text": text, "toponyms": toponyms})
    if missing:
        raise SystemExit("\n".join(missing))
    with (HERE / f"{source}.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} passages, {sum(len(r['toponyms']) for r in rows)} toponyms", file=sys.stderr)


if __name__ == "__main__":
    args = sys.argv[1:]
    main("--show" in args, args[args.index("--source") + 1] if "--source" in args else "invented_geo")
