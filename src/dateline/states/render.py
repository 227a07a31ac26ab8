"""Text and JSON of place states for the CLI (and any other reader)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from .model import Interval, StateAnswer, StatePlace

__all__ = ["answer_dict", "describe_since", "interval_dict", "render_place"]


def _iso(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso(v) for v in value]
    return value


def interval_dict(i: Interval) -> dict[str, Any]:
    return dict(_iso(asdict(i)))


def answer_dict(a: StateAnswer) -> dict[str, Any]:
    out = _iso({k: v for k, v in asdict(a).items() if k != "interval"})
    return dict(out)


def describe_since(start: dt.date | None, latest: dt.date | None, text: str | None, observed: bool) -> str:
    if start is None:
        return "since before the first report"
    if observed:
        return f"as observed on {start.isoformat()}"
    if latest and latest != start:
        return f"since {text or ''} ({start.isoformat()}..{latest.isoformat()})".replace("since  (", "since (")
    return f"since {start.isoformat()}"


def _until(i: Interval) -> str:
    if i.end is None:
        return ""
    if i.end_latest and i.end_latest != i.end:
        return f" until {i.end.isoformat()}..{i.end_latest.isoformat()}"
    return f" until {i.end.isoformat()}"


def render_place(
    place: StatePlace, answers: list[StateAnswer], timeline: list[Interval], day: dt.date, known: dt.date | None
) -> str:
    head = f"{place.name} [{place.place_id}] ({place.kind}"
    if place.anchor_name:
        head += f", near {place.anchor_name}"
    head += f", {place.country_code or '?'})"
    lines = [head, f"state as of {day.isoformat()}" + (f", as known on {known.isoformat()}" if known else "") + ":"]
    for a in answers:
        who = f"{a.facet}" + (f" ({a.part})" if a.part else "") + (f" [{a.slot}]" if a.slot else "")
        if a.value is None:
            lines.append(f"  {who}: unknown")
            continue
        since = describe_since(a.since, a.since_latest, a.since_text, a.observed)
        extra = f"; last confirmed {a.last_confirmed.isoformat()}" if a.last_confirmed else ""
        alt = (
            "; also reported: " + ", ".join(f"{v} ({', '.join(s)})" for v, s in a.alternatives.items())
            if a.alternatives
            else ""
        )
        lines.append(f"  {who}: {a.value} — {a.status}, {since}{extra}; sources: {', '.join(a.sources) or '-'}{alt}")
    if not answers:
        lines.append("  nothing known")
    lines.append("timeline:")
    for i in timeline:
        who = f"{i.facet}" + (f" ({i.part})" if i.part else "") + (f" [{i.slot}]" if i.slot else "")
        since = describe_since(i.start, i.start_latest, i.start_text, i.observed)
        lines.append(f"  {who}: {i.value} — {i.status}, {since}{_until(i)}; sources: {', '.join(i.sources) or '-'}")
    return "\n".join(lines)
