"""Human-readable views of stored events: a compact table and one event with its sources."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["event_table", "explain_event", "stats_text"]


def _cut(text: Any, width: int) -> str:
    s = "" if text is None else str(text)
    return s if len(s) <= width else s[: width - 1] + "…"


def _when(e: Mapping[str, Any]) -> str:
    start, end = e.get("date_start"), e.get("date_end")
    if not start:
        return "?"
    return str(start) if not end or end == start else f"{start}..{end}"


def _actors(e: Mapping[str, Any]) -> str:
    return " / ".join(str(a) for a in (e.get("actor1_name"), e.get("actor2_name")) if a)


def event_table(events: Sequence[Mapping[str, Any]]) -> str:
    """A fixed-width table: id, date, type, place, country, actors, reports."""
    cols = (("id", 12), ("date", 22), ("sub-event type", 30), ("location", 20), ("cc", 2), ("actors", 40), ("rep", 3))
    lines = ["  ".join(name.ljust(width) for name, width in cols).rstrip()]
    for e in events:
        values = (
            e["event_id"], _when(e), e.get("sub_event_type") or e.get("event_type"), e.get("location_name"),
            e.get("country_code"), _actors(e), e.get("n_reports"),
        )  # fmt: skip
        lines.append("  ".join(_cut(v, w).ljust(w) for v, (_, w) in zip(values, cols, strict=True)).rstrip())
    lines.append(f"({len(events)} event{'s' if len(events) != 1 else ''})")
    return "\n".join(lines)


def explain_event(event: Mapping[str, Any]) -> str:
    """An event, its sources, and why each later report was merged into it."""
    lines = [
        f"event {event['event_id']}: {event.get('event_type')} / {event.get('sub_event_type')}",
        f"  when:   {_when(event)} ({event.get('date_precision') or 'precision unknown'})",
        f"  where:  {event.get('location_name')} [{event.get('country_code')}, {event.get('admin1')}]"
        f" ({event.get('lat')}, {event.get('lon')}), geo_precision {event.get('geo_precision')}",
        f"  actors: {event.get('actor1_name')} ({event.get('actor1_type')}) / "
        f"{event.get('actor2_name')} ({event.get('actor2_type')})",
        f"  fatalities: {event.get('fatalities')}; confidence {event.get('confidence')}",
        f"  reported {event.get('n_reports')} time(s) in {event.get('n_articles')} article(s)",
        "sources:",
    ]
    for i, r in enumerate(event.get("reports", []), start=1):
        lines.append(f"  [{i}] {r.get('source') or '?'}, published {r.get('published') or '?'}: {r.get('title') or ''}")
        lines.append(f"      {r.get('url') or r.get('input_id')}")
        lines.append(f'      "{" ".join((r.get("evidence_text") or "").split())}"')
        reason = r.get("merge_reason")
        if isinstance(reason, str):
            reason = json.loads(reason)
        if not reason:
            lines.append("      first report of this event")
        else:
            lines.append(f"      merged (score {reason.get('score')}):")
            lines.extend(f"        {k}: {reason[k]}" for k in ("type", "date", "place", "actors") if k in reason)
    return "\n".join(lines)


def stats_text(s: Mapping[str, Any]) -> str:
    c = s["counts"]
    lines = [
        f"store {s['store']} (schema version {s['schema_version']})",
        f"  articles {c['articles']} ({c['article_versions']} versions seen), runs {c['runs']}",
        f"  events {c['events']} from {c['reports']} reports; {s['merged_events']} reported by several articles",
        f"  event dates {s['event_dates']['from']} .. {s['event_dates']['to']}",
        f"  integrity: {s['integrity'] if isinstance(s['integrity'], str) else '; '.join(s['integrity'])}",
    ]
    for title, key in (("event types", "by_event_type"), ("countries", "by_country"), ("years", "by_year")):
        if s[key]:
            lines.append(f"  {title}: " + ", ".join(f"{k} {v}" for k, v in s[key].items()))
    for r in s["runs"][:3]:
        lines.append(
            f"  run {r['run_id']} {r['started_at']} {r['status']}: {r['documents']} stored, {r['skipped']} skipped,"
            f" {r['failed']} failed, {r['events']} events"
        )
    return "\n".join(lines)
