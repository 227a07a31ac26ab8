// Loading events from the API page by page (keyset cursor) into compact records.

/** The first page is small so the map shows something soon; later pages are larger. */
export const FIRST_PAGE = 5000;
export const PAGE_SIZE = 10000;
/** Features turned into records (and drawn) per task, so no single task blocks the page long. */
export const SLICE = 2500;

const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Past this many events the page stops loading and says so (filters then apply to what is loaded). */
export const MAX_EVENTS = 250000;

const DAY_MS = 86400000;
/** The properties the map and its filters need (the detail panel fetches the rest per event). */
export const MAP_FIELDS = ["event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
  "historical", "confidence", "location"];

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
export async function loadEvents(onPage, { firstPage = FIRST_PAGE, pageSize = PAGE_SIZE, signal } = {}) {
  let count = 0;
  // the next page is requested as soon as a page arrives, so the server works while the page draws
  let next = fetchPage(null, firstPage, signal);
  for (;;) {
    const body = await next;
    const features = Array.isArray(body.features) ? body.features : [];
    count += features.length;
    const cursor = body.next_cursor || null;
    const truncated = Boolean(cursor) && count >= MAX_EVENTS;
    const more = Boolean(cursor) && !truncated && features.length > 0;
    if (more) next = fetchPage(cursor, pageSize, signal);
    for (let start = 0; start < features.length || start === 0; start += SLICE) {
      const records = [];
      for (const f of features.slice(start, start + SLICE)) {
        const r = toRecord(f);
        if (Number.isFinite(r.lat) && Number.isFinite(r.lon)) records.push(r);
      }
      const last = start + SLICE >= features.length;
      onPage(records, { count: count - features.length + Math.min(features.length, start + SLICE), done: last && !more, truncated });
      if (!last) await yieldToPage();
    }
    if (!more) return { count, truncated };
  }
}

async function fetchPage(cursor, limit, signal) {
  const params = new URLSearchParams({ format: "geojson", limit: String(limit), fields: MAP_FIELDS.join("|") });
  if (cursor) params.set("cursor", cursor);
  const url = "/v1/events?" + params.toString();
  const headers = { Accept: "application/geo+json, application/json" };
  let response = await fetch(url, { signal, headers });
  // 503 + Retry-After: another process (an ingest) holds the store for a moment; wait and ask again
  for (let attempt = 0; response.status === 503 && attempt < 3; attempt++) {
    const wait = Math.min(30, Number.parseFloat(response.headers.get("Retry-After")) || 2);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    response = await fetch(url, { signal, headers });
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail || detail;
    } catch { /* not JSON */ }
    throw new Error(`loading events failed: HTTP ${response.status} ${detail}`);
  }
  return response.json();
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
