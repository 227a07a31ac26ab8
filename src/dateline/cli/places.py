"""``dateline places show NAME|ID`` and ``dateline places list``: the state of places, as of a date."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import click

from ..errors import StoreError
from .common import write_json

__all__ = ["places_group"]


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


_AS_OF = click.option(
    "--as-of", callback=_day, metavar="DATE", help="The state on this date (default: today or --known-as-of)."
)
_KNOWN = click.option(
    "--known-as-of",
    callback=_day,
    metavar="DATE",
    help="Only what articles published by this date said (no hindsight).",
)
_DB = click.option(
    "--db", type=click.Path(dir_okay=False), help="The store file (default: $DATELINE_DB or ./dateline.duckdb)."
)


@click.group("places")
def places_group() -> None:
    """The state of places: who controls them, whether they are open, curfews, sieges — with sources."""


@places_group.command("show")
@click.argument("place")
@_AS_OF
@_KNOWN
@_DB
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show(place: str, as_of: dt.date | None, known_as_of: dt.date | None, db: str | None, as_json: bool) -> None:
    """A place's state (NAME or ID) on a date and its timeline, with statuses and sources."""
    from ..states import find_places, place_timeline, state_of
    from ..states.render import answer_dict, interval_dict, render_place
    from ..store import open_store

    day = as_of or known_as_of or dt.date.today()
    with open_store(db, read_only=True) as store:
        found = find_places(store.conn, place)
        if not found:
            raise StoreError(f"no place with a state matches {place!r} (try: dateline places list)")
        target = found[0]
        answers = state_of(store.conn, target.place_id, as_of=day, known_as_of=known_as_of)
        timeline = place_timeline(store.conn, target.place_id, known_as_of)
    if as_json:
        out: dict[str, Any] = {
            "place": _place(target),
            "as_of": day.isoformat(),
            "known_as_of": known_as_of.isoformat() if known_as_of else None,
            "states": [answer_dict(a) for a in answers],
            "timeline": [interval_dict(i) for i in timeline],
        }
        write_json(out, sys.stdout, pretty=True)
        return
    click.echo(render_place(target, answers, timeline, day, known_as_of))
    if len(found) > 1:
        others = ", ".join(f"{p.name} [{p.place_id}]" for p in found[1:6])
        click.echo(f"(also matching: {others})", err=True)


def _place(p: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(p)


@places_group.command("list")
@click.option(
    "--facet",
    default="control",
    type=click.Choice(["control", "access", "curfew", "siege", "presence"]),
    show_default=True,
)
@click.option("--country", help="Country name or ISO 3166 code.")
@_AS_OF
@_KNOWN
@_DB
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
def list_places(
    facet: str, country: str | None, as_of: dt.date | None, known_as_of: dt.date | None, db: str | None, as_json: bool
) -> None:
    """Every place with a value for FACET on a date."""
    from ..states import list_states
    from ..states.render import answer_dict, describe_since
    from ..store import open_store

    with open_store(db, read_only=True) as store:
        rows = list_states(store.conn, facet=facet, country=country, as_of=as_of, known_as_of=known_as_of)
    for place, a in rows:
        if as_json:
            write_json({"place": _place(place), **answer_dict(a)}, sys.stdout)
            continue
        part = f" ({a.part})" if a.part else ""
        since = describe_since(a.since, a.since_latest, a.since_text, a.observed)
        click.echo(f"{place.place_id}\t{place.name}{part}\t{a.value}\t{a.status}\t{since}\t{', '.join(a.sources)}")
