// The dateline map page: load the events, draw them, filter them, show one with its sources.

import { loadEvents, loadEvent, dayNumber } from "./data.js";
import { renderDetail } from "./detail.js";
import { el, clear } from "./dom.js";
import { parseHash, toHash } from "./state.js";
import { Timeline } from "./timeline.js";
import { COLOURS, EVENT_TYPES, typeClass } from "./types.js";
import { countryLayer } from "./basemap.js";

const L = window.L;
const started = performance.now();
const perf = (window.__dateline = { firstRender: null, loaded: null, events: 0, shown: 0, longestTask: 0, longTasks: 0 });
// how long the page was unresponsive at most (tasks over 50 ms), for the benchmark
try {
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      perf.longTasks += 1;
      perf.longestTask = Math.max(perf.longestTask, task.duration);
    }
  }).observe({ type: "longtask", buffered: true });
} catch { /* not supported */ }
const $ = (id) => document.getElementById(id);

const records = [];
const byId = new Map();
let state = parseHash(location.hash);
let extent = [Number.NaN, Number.NaN];
let loading = true;
let loadNote = "";
let selectedMarker = null;
let drawing = false; // markercluster is adding markers in chunks
let dirty = false; // the filters changed while it was
let queued = []; // pages loaded while it was

// ---- the map ---------------------------------------------------------------------------------
const map = L.map("map", { preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: 11, zoomSnap: 0.5 });
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution("Natural Earth via world-atlas · Leaflet");
if (state.z !== null && state.lat !== null && state.lon !== null) map.setView([state.lat, state.lon], state.z);
else map.setView([25, 20], 2);
countryLayer().then((layer) => layer && layer.addTo(map)).catch((e) => console.warn("basemap:", e.message));

const clusters = L.markerClusterGroup({
  chunkedLoading: true, chunkInterval: 100, chunkDelay: 10, maxClusterRadius: 45, spiderfyOnMaxZoom: true,
  showCoverageOnHover: false, removeOutsideVisibleBounds: true,
  chunkProgress: (done, total) => done === total && drawing && drawn(),
  iconCreateFunction: clusterIcon,
});

/** A cluster: its count in a ring showing the share of each event type (grey while pages still load:
 * counting every cluster's markers after each page would cost more than the drawing itself). */
function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const counts = new Map();
  if (loading) counts.set("ev-other", n);
  else for (const m of cluster.getAllChildMarkers()) counts.set(m.typeClass, (counts.get(m.typeClass) || 0) + 1);
  const stops = [];
  let done = 0;
  for (const cls of [...EVENT_TYPES.map(([, c]) => c), "ev-other"]) {
    const c = counts.get(cls);
    if (!c) continue;
    stops.push(`${COLOURS[cls]} ${(done / n) * 360}deg ${((done + c) / n) * 360}deg`);
    done += c;
  }
  const ring = document.createElement("div");
  ring.className = "ring";
  ring.style.background = `conic-gradient(${stops.join(", ")})`;
  const label = document.createElement("span");
  label.textContent = n >= 10000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
  ring.append(label);
  const size = n < 10 ? 28 : n < 100 ? 34 : n < 1000 ? 40 : 46;
  return L.divIcon({ html: ring, className: "ev-cluster", iconSize: [size, size] });
}
// markercluster (1.5.3) puts drag/move listeners on every marker it holds and takes them off one by one
// in clearLayers: our markers never move, and without them a filter change at 50,000 events does
// not spend a quarter of a second adding and removing listeners
clusters._childMarkerEventHandlers = {};
map.addLayer(clusters);

const icons = new Map();
function icon(type) {
  const cls = typeClass(type);
  if (!icons.has(cls)) icons.set(cls, L.divIcon({ className: `ev ${cls}`, iconSize: [12, 12], html: "" }));
  return icons.get(cls);
}

function markerFor(r) {
  if (!r.marker) {
    const title = `${r.props.event_date || "?"} · ${r.sub || r.type} · ${r.props.location || ""}`;
    r.marker = L.marker([r.lat, r.lon], { icon: icon(r.type), title, keyboard: false, riseOnHover: true });
    r.marker.eventId = r.id;
    r.marker.typeClass = typeClass(r.type);
    r.marker.on("click", () => select(r.id));
    r.marker.on("add", () => state.ev === r.id && r.marker.getElement().classList.add("selected"));
  }
  return r.marker;
}

// ---- filters -----------------------------------------------------------------------------------
/** The time window of a state as day numbers (open ends infinite). */
function window_(s) {
  return { from: s.from ? dayNumber(s.from) : -Infinity, to: s.to ? dayNumber(s.to) : Infinity };
}

/** Whether a record passes the filters of state s; time: its window_(), or null to ignore time. */
function passes(r, s, time) {
  if (s.type && r.type !== s.type) return false;
  if (s.sub && r.sub !== s.sub) return false;
  if (s.country && r.country !== s.country) return false;
  if (s.hist === "exclude" && r.hist) return false;
  if (s.hist === "only" && !r.hist) return false;
  if (s.conf > 0 && !(r.conf !== null && r.conf >= s.conf - 1e-9)) return false;
  if (s.actor && !r.actors.includes(s.actor.toLowerCase())) return false;
  if (time && (s.from || s.to) && !(r.day >= time.from && r.day <= time.to)) return false;
  return true;
}

const timeline = new Timeline($("histogram"), (from, to) => update({ from, to }));

function fillSelect(select, values, current) {
  while (select.options.length > 1) select.remove(1);
  for (const v of values) select.append(el("option", { value: v }, v));
  if (current && !values.includes(current)) select.append(el("option", { value: current }, current));
  select.value = current || "";
}

function refreshChoices() {
  const types = new Set(EVENT_TYPES.map(([t]) => t));
  const subs = new Set();
  const countries = new Set();
  const actors = new Map();
  for (const r of records) {
    if (r.type) types.add(r.type);
    if (r.sub && (!state.type || r.type === state.type)) subs.add(r.sub);
    if (r.country) countries.add(r.country);
    for (const a of [r.actor1, r.actor2]) if (a) actors.set(a, (actors.get(a) || 0) + 1);
  }
  fillSelect($("f-type"), [...types], state.type);
  fillSelect($("f-sub"), [...subs].sort(), state.sub);
  fillSelect($("f-country"), [...countries].sort(), state.country);
  const list = $("actors");
  clear(list);
  for (const [a] of [...actors].sort((x, y) => y[1] - x[1]).slice(0, 200)) list.append(el("option", { value: a }));
}

function showForm() {
  $("f-type").value = state.type;
  $("f-sub").value = state.sub;
  $("f-country").value = state.country;
  $("f-actor").value = state.actor;
  $("f-hist").value = state.hist;
  $("f-conf").value = String(state.conf);
  $("f-conf-out").value = state.conf.toFixed(2);
  $("f-from").value = state.from;
  $("f-to").value = state.to;
}

function writeUrl() {
  const hash = toHash(state);
  if (hash !== location.hash && !(hash === "" && location.hash === "")) {
    history.replaceState(null, "", hash || location.pathname + location.search);
  }
}

let pending = null;
/** Draw the events passing the filters (debounced: typing in a filter does not redraw per key). */
function redraw() {
  clearTimeout(pending);
  pending = setTimeout(redrawNow, 30);
}

// markercluster adds markers in chunks (the page stays responsive); one draw at a time, and a
// filter change during a draw draws again when it ends, so the map always ends on the current filters
function redrawNow() {
  if (drawing) {
    dirty = true;
    return;
  }
  const shown = [];
  const time = window_(state);
  for (const r of records) if (passes(r, state, time)) shown.push(markerFor(r));
  draw(shown, true);
}

/** Add a newly loaded page's events to what the map shows (no redraw of the earlier pages). */
function appendNow(page) {
  if (drawing) {
    queued.push(...page);
    return;
  }
  const shown = [];
  const time = window_(state);
  for (const r of page) if (passes(r, state, time)) shown.push(markerFor(r));
  draw(shown, false);
}

function draw(markers, replace) {
  drawing = true;
  document.body.dataset.drawing = "1";
  if (replace) {
    clusters.clearLayers();
    queued = [];
  }
  perf.shown = (replace ? 0 : perf.shown) + markers.length;
  document.body.dataset.view = toHash({ ...state, z: null, lat: null, lon: null, ev: "" }); // the filters drawn
  const days = [];
  for (const r of records) if (Number.isFinite(r.day) && passes(r, state, null)) days.push(r.day);
  timeline.setData(extent, days);
  timeline.setRange(state.from, state.to);
  status();
  clusters.addLayers(markers);
}

function drawn() {
  drawing = false;
  if (perf.firstRender === null && perf.shown) {
    requestAnimationFrame(() => {
      perf.firstRender = performance.now() - started;
    });
  }
  if (dirty) {
    dirty = false;
    setTimeout(redrawNow, 0);
    return;
  }
  if (queued.length) {
    const page = queued;
    queued = [];
    setTimeout(() => appendNow(page), 0);
    return;
  }
  delete document.body.dataset.drawing;
  highlight(state.ev);
  if (!loading && document.body.dataset.status === "loading") finished();
}

function finished() {
  if (document.body.dataset.status === "ready") return;
  clusters.refreshClusters(); // the rings of event types, now that every page is in
  perf.loaded = performance.now() - started;
  document.body.dataset.status = "ready";
}

function status() {
  const s = $("status");
  s.classList.remove("error");
  const n = perf.shown.toLocaleString("en");
  const total = records.length.toLocaleString("en");
  s.textContent = `${n} of ${total} events shown` + (loading ? " (loading…)" : "") + loadNote;
  document.body.dataset.shown = String(perf.shown);
}

function update(changes) {
  state = { ...state, ...changes };
  if (changes.type !== undefined) refreshChoices();
  showForm();
  writeUrl();
  redraw();
}

function bindForm() {
  const on = (id, event, f) => $(id).addEventListener(event, f);
  on("f-type", "change", (e) => update({ type: e.target.value, sub: "" }));
  on("f-sub", "change", (e) => update({ sub: e.target.value }));
  on("f-country", "change", (e) => update({ country: e.target.value }));
  on("f-actor", "input", (e) => update({ actor: e.target.value.trim() }));
  on("f-hist", "change", (e) => update({ hist: e.target.value }));
  on("f-conf", "input", (e) => update({ conf: Number(e.target.value) }));
  on("f-from", "change", (e) => update({ from: e.target.value }));
  on("f-to", "change", (e) => update({ to: e.target.value }));
  on("f-reset", "click", () => update({ type: "", sub: "", actor: "", country: "", hist: "include", conf: 0, from: "", to: "" }));
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  on("detail-close", "click", () => select(""));
  document.addEventListener("keydown", (e) => e.key === "Escape" && state.ev && select(""));
  window.addEventListener("hashchange", (e) => {
    // the new URL of the event, not location.hash: a pending view update may have replaced it since
    const next = parseHash(new URL(e.newURL).hash);
    const viewChanged = next.z !== null && next.lat !== null && next.lon !== null &&
      (next.z !== state.z || next.lat !== state.lat || next.lon !== state.lon);
    if (next.z === null || next.lat === null || next.lon === null) {
      const c = map.getCenter(); // a link without a view keeps the current one
      Object.assign(next, { z: map.getZoom(), lat: c.lat, lon: c.lng });
    }
    state = next;
    refreshChoices();
    showForm();
    if (viewChanged) map.setView([next.lat, next.lon], next.z);
    redraw();
    writeUrl();
    select(next.ev);
  });
  let moveTimer = null;
  map.on("moveend", () => {
    clearTimeout(moveTimer);
    moveTimer = setTimeout(() => {
      const c = map.getCenter();
      state = { ...state, z: map.getZoom(), lat: c.lat, lon: c.lng };
      writeUrl();
    }, 150);
  });
}

/** Ring the selected event's marker when it is drawn on its own (not inside a cluster). */
function highlight(id) {
  const element = selectedMarker && selectedMarker.getElement();
  if (element) element.classList.remove("selected");
  const r = id ? byId.get(id) : null;
  selectedMarker = r && r.marker ? r.marker : null;
  const now = selectedMarker && selectedMarker.getElement();
  if (now) now.classList.add("selected");
}

// ---- one event -----------------------------------------------------------------------------------
let selecting = 0;
async function select(id) {
  state = { ...state, ev: id || "" };
  writeUrl();
  const panel = $("detail");
  const body = $("detail-body");
  highlight(id);
  if (!id) {
    panel.hidden = true;
    clear(body);
    return;
  }
  const r = byId.get(id);
  panel.hidden = false;
  panel.dataset.eventId = id;
  renderDetail(body, r ? r.props : null, null, null);
  const token = ++selecting;
  try {
    const detail = await loadEvent(id);
    if (token === selecting) renderDetail(body, r ? r.props : null, detail, null);
  } catch (e) {
    if (token === selecting) renderDetail(body, r ? r.props : null, null, e.message);
  }
  if (token === selecting) panel.dataset.loaded = id;
}

// ---- legend and start --------------------------------------------------------------------------------
function legend() {
  const box = $("legend");
  for (const [type, cls] of EVENT_TYPES) box.append(el("span", { class: cls }, type));
}

async function start() {
  legend();
  refreshChoices();
  showForm();
  bindForm();
  if (state.ev) select(state.ev);
  const fitToData = !(state.z !== null && state.lat !== null && state.lon !== null);
  let fitted = false;
  document.body.dataset.status = "loading";
  try {
    await loadEvents((page, info) => {
      for (const r of page) {
        records.push(r);
        byId.set(r.id, r);
        if (Number.isFinite(r.day)) {
          if (!(r.day >= extent[0])) extent[0] = r.day;
          if (!(r.day <= extent[1])) extent[1] = r.day;
        }
      }
      perf.events = records.length;
      loading = !info.done;
      if (info.truncated) loadNote = ` — the page stops loading at ${info.count.toLocaleString("en")} events`;
      if (fitToData && records.length && !fitted) {
        fitted = true;
        map.fitBounds(L.latLngBounds(records.map((x) => [x.lat, x.lon])).pad(0.15), { maxZoom: 7 });
      }
      refreshChoices();
      appendNow(page);
    });
    loading = false;
    status();
    if (!drawing && !dirty) finished();
  } catch (e) {
    loading = false;
    const s = $("status");
    s.textContent = e.message;
    s.classList.add("error");
    document.body.dataset.status = "error";
  }
}

start();
