"""Event filters from query parameters: ACLED's names and semantics, and dateline's own.

Every value becomes a bound SQL parameter; column names and orders come from the
whitelists below, never from the request. A bad value raises :class:`ParamError`
naming the parameter (the API answers 422).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Any

from ..errors import DatelineError
from ..store.query import Filters

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "ORDERS", "EventQuery", "ParamError", "parse_event_query"]

DEFAULT_LIMIT = 5000
MAX_LIMIT = 100_000

#: order name -> (sort key expression on ``events e``, direction); the event id breaks ties
ORDERS = {
    "event_date": ("coalesce(e.date_start, DATE '0001-01-01')", "DESC"),
    "updated_at": ("e.updated_at", "ASC"),
}
_DATE_WHERE = ("=", ">=", "<=", "BETWEEN")
_HISTORICAL = ("include", "exclude", "only")


class ParamError(DatelineError):
    """A query parameter with a bad value."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"parameter {name!r}: {problem}")
        self.name = name


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _date(name: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ParamError(name, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _int(name: str, value: str, lo: int, hi: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise ParamError(name, f"{value!r} is not a whole number") from None
    if not lo <= n <= hi:
        raise ParamError(name, f"{n} is out of range ({lo}..{hi})")
    return n


def _known(name: str, values: list[str], allowed: list[str]) -> list[str]:
    lookup = {a.lower(): a for a in allowed}
    out = []
    for v in values:
        if v.lower() not in lookup:
            raise ParamError(name, f"unknown value {v!r} (known: {', '.join(allowed)})")
        out.append(lookup[v.lower()])
    return out


@dataclass(slots=True)
class EventQuery:
    """A parsed ``GET /v1/events`` (or export) request: SQL conditions and paging."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)
    order: str = "event_date"
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    after: tuple[Any, str] | None = None  # keyset: the last row's sort key and event id
    fields: list[str] | None = None
    fmt: str = "json"

    def where(self, *, paging: bool = True) -> tuple[str, list[Any]]:
        base, params = self.filters.where()
        clauses, params = [base, *self.clauses], [*params, *self.params]
        if paging and self.after is not None:
            key, direction = ORDERS[self.order]
            op = "<" if direction == "DESC" else ">"
            clauses.append(f"({key} {op} ? OR ({key} = ? AND e.event_id > ?))")
            params += [self.after[0], self.after[0], self.after[1]]
        return " AND ".join(f"({c})" for c in clauses), params

    def order_by(self) -> str:
        key, direction = ORDERS[self.order]
        return f"{key} {direction}, e.event_id"

    def sql(self, *, paging: bool = True, extra: int = 1) -> tuple[str, list[Any]]:
        """The SELECT of the matching events (``limit + extra`` rows from the cursor or page)."""
        where, params = self.where(paging=paging)
        sql = f"SELECT e.* FROM events e WHERE {where} ORDER BY {self.order_by()}"
        if paging:
            sql += " LIMIT ? OFFSET ?"
            params += [self.limit + extra, self.offset]
        return sql, params

    def cursor_after(self, row: dict[str, Any]) -> str:
        """The cursor for the page after ``row`` (opaque to clients)."""
        if self.order == "event_date":
            key: Any = (row.get("date_start") or dt.date(1, 1, 1)).isoformat()
        else:
            key = row["updated_at"].isoformat()
        raw = json.dumps([self.order, key, row["event_id"]]).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(value: str, order: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        got_order, key, eid = json.loads(raw)
        if got_order not in ORDERS or not isinstance(eid, str):
            raise ValueError
        parsed: Any = dt.date.fromisoformat(key) if got_order == "event_date" else dt.datetime.fromisoformat(key)
    except (ValueError, TypeError, json.JSONDecodeError):
        raise ParamError("cursor", "not a cursor this API gave (use next_cursor of the previous page)") from None
    if got_order != order:
        raise ParamError("cursor", f"the cursor belongs to order={got_order}, not order={order}")
    return parsed, eid


def _countries(name: str, values: list[str]) -> list[str]:
    from ..export.countries import resolve_country

    codes = []
    for v in values:
        code = resolve_country(v)
        if code is None:
            raise ParamError(name, f"unknown country {v!r} (give a name, ISO alpha-2 or alpha-3 code)")
        codes.append(code)
    return codes


def _iso_numeric(values: list[str]) -> list[str]:
    from ..export.countries import _countries as table

    by_number = {c.isonumeric: c.iso2 for c in table().values() if c.isonumeric}
    codes = []
    for v in values:
        if not v.isdigit() or int(v) not in by_number:
            raise ParamError("iso", f"unknown ISO 3166 numeric code {v!r}")
        codes.append(by_number[int(v)])
    return codes


def _regions(values: list[str]) -> list[str]:
    from ..export.countries import _countries as table
    from ..export.countries import _regions as regions

    names = sorted(set(regions().values()))
    wanted = set(_known("region", values, names))
    return sorted(c.iso2 for c in table().values() if c.region in wanted)


def _inter_types(name: str, values: list[str]) -> list[str]:
    from ..export.acled import _codes

    by_code = {str(code): kind for kind, code in _codes()["inter"].items()}
    kinds = []
    for v in values:
        if v not in by_code:
            raise ParamError(name, f"unknown interaction code {v!r} (1-8, ACLED's actor categories)")
        kinds.append(by_code[v])
    return kinds


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        box = tuple(float(v) for v in value.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or not all(math.isfinite(v) for v in box) or not (-90 <= box[1] <= box[3] <= 90):
        raise ParamError("bbox", "give WEST,SOUTH,EAST,NORTH in degrees, e.g. 38,29,49,38")
    return box  # type: ignore[return-value]


def _timestamp(name: str, value: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ParamError(name, f"{value!r} is not a date or time (ISO 8601)") from None
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when


def _in(column: str, values: list[str], lower: bool = False) -> tuple[str, list[Any]]:
    if lower:
        return f"lower({column}) IN (SELECT unnest(?))", [[v.lower() for v in values]]
    return f"{column} IN (SELECT unnest(?))", [values]


def parse_event_query(q: dict[str, str], *, formats: tuple[str, ...], row_keys: tuple[str, ...]) -> EventQuery:
    """Validate the query parameters of an events request (already checked for unknown names)."""
    from ..events.lexicon import ACLED_SUB_EVENTS

    out = EventQuery()
    add = out.clauses.append

    def bind(clause: str, params: list[Any]) -> None:
        add(clause)
        out.params.extend(params)

    if q.get("country"):
        bind(*_in("e.country_code", _countries("country", _split(q["country"]))))
    if q.get("iso"):
        bind(*_in("e.country_code", _iso_numeric(_split(q["iso"]))))
    if q.get("region"):
        bind(*_in("e.country_code", _regions(_split(q["region"]))))
    if q.get("admin1"):
        bind(*_in("e.admin1", _split(q["admin1"]), lower=True))
    if q.get("event_type"):
        types = sorted(set(ACLED_SUB_EVENTS.values()))
        bind(*_in("e.event_type", _known("event_type", _split(q["event_type"]), types)))
    if q.get("sub_event_type"):
        bind(*_in("e.sub_event_type", _known("sub_event_type", _split(q["sub_event_type"]), list(ACLED_SUB_EVENTS))))
    for slot in ("actor1", "actor2"):
        where = (q.get(f"{slot}_where") or "=").upper()
        if where not in ("=", "LIKE"):
            raise ParamError(f"{slot}_where", f"{where!r} is not one of =, LIKE")
        if q.get(slot):
            names = _split(q[slot])
            if where == "=":
                bind(*_in(f"e.{slot}_name", names, lower=True))
            else:
                bind(" OR ".join([f"e.{slot}_name ILIKE ?"] * len(names)), [f"%{n}%" for n in names])
    for n in ("1", "2"):
        if q.get(f"inter{n}"):
            bind(*_in(f"e.actor{n}_type", _inter_types(f"inter{n}", _split(q[f"inter{n}"]))))
    _dates(q, out)
    if q.get("year"):
        years = [_int("year", y, 1, 9999) for y in _split(q["year"])]
        bind(
            " OR ".join(["(coalesce(e.date_end, e.date_start) >= ? AND e.date_start <= ?)"] * len(years)),
            [d for y in years for d in (dt.date(y, 1, 1), dt.date(y, 12, 31))],
        )
    if q.get("min_confidence"):
        try:
            conf = float(q["min_confidence"])
        except ValueError:
            conf = math.nan
        if not 0 <= conf <= 1:
            raise ParamError("min_confidence", f"{q['min_confidence']!r} is not a number from 0 to 1")
        bind("e.confidence >= ?", [conf])
    if q.get("updated_since"):
        bind("e.updated_at >= ?", [_timestamp("updated_since", q["updated_since"])])
    historical = (q.get("historical") or "include").lower()
    if historical not in _HISTORICAL:
        raise ParamError("historical", f"{historical!r} is not one of {', '.join(_HISTORICAL)}")
    if historical == "only":
        add("coalesce(e.historical, false)")
    out.filters = Filters(
        bbox=_bbox(q["bbox"]) if q.get("bbox") else None,
        text=q.get("text") or None,
        include_historical=historical != "exclude",
    )
    out.order = q.get("order") or "event_date"
    if out.order not in ORDERS:
        raise ParamError("order", f"{out.order!r} is not one of {', '.join(ORDERS)}")
    out.limit = _int("limit", q["limit"], 1, MAX_LIMIT) if q.get("limit") else DEFAULT_LIMIT
    if q.get("page") and q.get("cursor"):
        raise ParamError("page", "give page or cursor, not both")
    if q.get("page"):
        out.offset = (_int("page", q["page"], 1, 10**9) - 1) * out.limit
    if q.get("cursor"):
        out.after = _decode_cursor(q["cursor"], out.order)
    if q.get("fields"):
        out.fields = _known("fields", _split(q["fields"]), list(row_keys))
    out.fmt = (q.get("format") or formats[0]).lower()
    if out.fmt not in formats:
        raise ParamError("format", f"{out.fmt!r} is not one of {', '.join(formats)}")
    return out


def _dates(q: dict[str, str], out: EventQuery) -> None:
    """``event_date`` (one date, or ``A|B`` with BETWEEN) against each event's date interval."""
    where = (q.get("event_date_where") or "").upper()
    if where and where not in _DATE_WHERE:
        raise ParamError("event_date_where", f"{where!r} is not one of {', '.join(_DATE_WHERE)}")
    if not q.get("event_date"):
        if where:
            raise ParamError("event_date_where", "needs event_date")
        return
    dates = [_date("event_date", d) for d in _split(q["event_date"])]
    where = where or ("BETWEEN" if len(dates) == 2 else "=")
    if (where == "BETWEEN") != (len(dates) == 2) or len(dates) not in (1, 2):
        raise ParamError("event_date", "give one date, or two as FROM|TO with event_date_where=BETWEEN")
    end = "coalesce(e.date_end, e.date_start)"
    if where == "BETWEEN":
        lo, hi = sorted(dates)
        out.clauses.append(f"{end} >= ? AND e.date_start <= ?")
        out.params += [lo, hi]
    elif where == "=":
        out.clauses.append(f"e.date_start <= ? AND {end} >= ?")
        out.params += [dates[0], dates[0]]
    elif where == ">=":
        out.clauses.append(f"{end} >= ?")
        out.params.append(dates[0])
    else:
        out.clauses.append("e.date_start <= ?")
        out.params.append(dates[0])
