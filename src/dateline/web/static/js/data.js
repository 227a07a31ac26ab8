// Loading events from the API page by page (keyset cursor) into compact records.

export const PAGE_SIZE = 10000;
/** Past this many events the page stops loading and says so (filters then apply to what is loaded). */
export const MAX_EVENTS = 250000;

const DAY_MS = 86400000;

/** "2019-09-30" -> days since 1970-01-01 (NaN when not a date). */
export function dayNumber(iso) {
  if (typeof iso !== "string" || iso.length < 10) return Number.NaN;
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
}

/** days since 1970-01-01 -> "2019-09-30" */
export function isoDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** One GeoJSON feature -> the record the filters and the map use (properties kept for the detail panel). */
export function toRecord(feature) {
  const p = feature.properties || {};
  const coords = (feature.geometry && feature.geometry.coordinates) || [p.longitude, p.latitude];
  const actor1 = p.actor1 || "";
  const actor2 = p.actor2 || "";
  return {
    id: String(feature.id ?? p.event_id),
    day: dayNumber(p.event_date),
    type: p.event_type || "",
    sub: p.sub_event_type || "",
    country: p.country || "",
    actors: (actor1 + "\u0000" + actor2).toLowerCase(),
    actor1,
    actor2,
    hist: p.historical === true || p.historical === 1 || p.historical === "true",
    conf: typeof p.confidence === "number" ? p.confidence : null,
    lon: Number(coords[0]),
    lat: Number(coords[1]),
    props: p,
  };
}

/**
 * Fetch every event (up to MAX_EVENTS), calling onPage(records, info) after each page.
 * Returns {count, truncated}. Throws an Error with a one-line message on an HTTP error.
 */
export async function loadEvents(onPage, { pageSize = PAGE_SIZE, signal } = {}) {
  let cursor = null;
  let count = 0;
  for (;;) {
    const params = new URLSearchParams({ format: "geojson", limit: String(pageSize) });
    if (cursor) params.set("cursor", cursor);
    const response = await fetch("/v1/events?" + params.toString(), { signal, headers: { Accept: "application/geo+json, application/json" } });
    if (!response.ok) {
      let detail = response.statusText;
      try {
        detail = (await response.json()).detail || detail;
      } catch { /* not JSON */ }
      throw new Error(`loading events failed: HTTP ${response.status} ${detail}`);
    }
    const body = await response.json();
    const features = Array.isArray(body.features) ? body.features : [];
    const records = [];
    for (const f of features) {
      const r = toRecord(f);
      if (Number.isFinite(r.lat) && Number.isFinite(r.lon)) records.push(r);
    }
    count += features.length;
    cursor = body.next_cursor || null;
    const truncated = Boolean(cursor) && count >= MAX_EVENTS;
    onPage(records, { count, done: !cursor || truncated, truncated });
    if (!cursor || truncated || features.length === 0) return { count, truncated };
  }
}

/** One event with its reports: GET /v1/events/{id}. */
export async function loadEvent(id) {
  const response = await fetch("/v1/events/" + encodeURIComponent(id), { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail || detail;
    } catch { /* not JSON */ }
    throw new Error(`HTTP ${response.status} ${detail}`);
  }
  return response.json();
}
