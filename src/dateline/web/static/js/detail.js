// The panel for one event: when, where, who, how sure, the sentence that says so, its sources.
// Every value is inserted as text (el() makes text nodes); links only for http(s) URLs.

import { el, clear, safeUrl } from "./dom.js";

/** The first of several keys present (not null/empty) in an object. */
function pick(obj, ...keys) {
  if (!obj) return null;
  for (const key of keys) {
    const value = obj[key];
    if (value !== null && value !== undefined && value !== "") return value;
  }
  return null;
}

function row(dl, label, ...values) {
  const parts = values.filter((v) => v !== null && v !== undefined && v !== "");
  if (!parts.length) return;
  dl.append(el("dt", {}, label), el("dd", {}, ...parts));
}

function actorText(name, type) {
  if (!name) return null;
  return type ? `${name} (${type})` : String(name);
}

function whenText(p) {
  const start = pick(p, "event_date", "date_start");
  const end = pick(p, "date_end");
  if (!start) return "unknown";
  return end && end !== start ? `${start} to ${end}` : String(start);
}

function reasonText(reason) {
  if (reason === null || reason === undefined) return "";
  if (typeof reason === "string") {
    try {
      return reasonText(JSON.parse(reason));
    } catch {
      return reason;
    }
  }
  if (typeof reason !== "object") return String(reason);
  return Object.entries(reason)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`)
    .join("; ");
}

function sourceItem(report, mainEvidence) {
  const article = report.article || report;
  const title = pick(article, "title") || "(no title)";
  const outlet = pick(article, "source");
  const published = pick(article, "published");
  const href = safeUrl(pick(article, "url"));
  const head = href
    ? el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow", class: "source-title" }, title)
    : el("span", { class: "source-title" }, title);
  const meta = [outlet, published ? String(published).slice(0, 10) : null].filter(Boolean).join(", ");
  const li = el("li", { class: "report" }, head, meta ? el("div", { class: "source-meta muted" }, meta) : null);
  const rawUrl = pick(article, "url");
  if (rawUrl && !href) li.append(el("div", { class: "muted" }, "address (not a web link): ", String(rawUrl)));
  const evidence = pick(report.evidence || {}, "text") || pick(report, "evidence_text");
  if (evidence && evidence !== mainEvidence) li.append(el("blockquote", { class: "report-evidence" }, evidence));
  return li;
}

/**
 * Fill the panel for an event. props: the GeoJSON properties already loaded (may be null);
 * detail: the GET /v1/events/{id} answer (null while loading); error: a message when it failed.
 */
export function renderDetail(body, props, detail, error) {
  clear(body);
  const ev = { ...(detail && detail.event ? detail.event : {}), ...(props || {}) };
  const type = pick(ev, "event_type") || "Event";
  const sub = pick(ev, "sub_event_type");
  body.append(el("h2", {}, sub ? `${sub} — ${type}` : type));
  const dl = el("dl", {});
  row(dl, "Date", whenText(ev), ` (precision: ${pick(ev, "date_precision") || "unknown"})`);
  const place = [pick(ev, "location", "location_name"), pick(ev, "admin1"), pick(ev, "country", "country_code")]
    .filter(Boolean).join(", ");
  const lat = pick(ev, "latitude", "lat");
  const lon = pick(ev, "longitude", "lon");
  const geoPrecision = pick(ev, "geo_precision");
  row(dl, "Place", place || "unknown", geoPrecision !== null ? ` (geo-precision ${geoPrecision})` : "",
    lat !== null && lon !== null ? ` at ${Number(lat).toFixed(4)}, ${Number(lon).toFixed(4)}` : "");
  row(dl, "Actor 1", actorText(pick(ev, "actor1", "actor1_name"), pick(ev, "actor1_type")));
  row(dl, "Actor 2", actorText(pick(ev, "actor2", "actor2_name"), pick(ev, "actor2_type")));
  const fatalities = pick(ev, "fatalities");
  row(dl, "Fatalities", fatalities === null ? "not reported" : String(fatalities));
  const confidence = pick(ev, "confidence");
  row(dl, "Confidence", confidence === null ? "unknown" : Number(confidence).toFixed(2));
  const historical = pick(ev, "historical");
  row(dl, "Historical", historical === true || historical === 1 || historical === "true" ? "yes (background in the report)" : "no");
  row(dl, "Modality", pick(ev, "modality"));
  row(dl, "Event id", pick(ev, "event_id"));
  body.append(dl);

  const evidence = pick(ev, "evidence", "evidence_text");
  const evidenceText = evidence && typeof evidence === "object" ? evidence.text : evidence;
  body.append(el("h3", {}, "Evidence"));
  if (evidenceText) body.append(el("blockquote", { class: "evidence" }, String(evidenceText)));
  else body.append(el("p", { class: "muted" }, detail || error ? "no sentence stored" : "loading…"));

  body.append(el("h3", {}, "Sources"));
  if (error) {
    body.append(el("p", { class: "muted error" }, `Could not load the sources: ${error}`));
    const href = safeUrl(pick(ev, "url"));
    if (pick(ev, "title", "source", "url")) body.append(el("ol", {}, sourceItem({ article: ev }, evidenceText)));
    else if (href) body.append(el("p", {}, el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, href)));
    return;
  }
  if (!detail) {
    body.append(el("p", { class: "muted" }, "loading…"));
    return;
  }
  const reports = Array.isArray(detail.reports) ? detail.reports : [];
  if (reports.length) body.append(el("ol", { class: "sources" }, ...reports.map((r) => sourceItem(r, evidenceText))));
  else body.append(el("p", { class: "muted" }, "no reports stored"));

  const reasons = Array.isArray(detail.merge_reasons)
    ? detail.merge_reasons
    : reports.map((r) => (r.merge_reason ? { report_id: r.report_id, ...r.merge_reason } : null)).filter(Boolean);
  body.append(el("h3", {}, "Merged reports"));
  if (reasons.length) body.append(el("ol", { class: "merges" }, ...reasons.map((m) => mergeItem(m, reports))));
  else body.append(el("p", { class: "muted" }, reports.length > 1 ? "reports merged (no reasons stored)" : "one report; nothing merged"));
}

/** Why a report joined this event: which article, the score, and the reason for each part. */
function mergeItem(merge, reports) {
  if (!merge || typeof merge !== "object") return el("li", {}, reasonText(merge));
  const report = reports.find((r) => r.report_id && r.report_id === merge.report_id);
  const article = report ? report.article || report : {};
  const from = [pick(article, "source"), pick(article, "title")].filter(Boolean).join(": ") || pick(merge, "report_id") || "a report";
  const score = pick(merge, "score");
  const li = el("li", {}, el("div", {}, `${from} — merged${score !== null ? ` (score ${score})` : ""}`));
  const parts = ["type", "date", "place", "actors"].filter((k) => merge[k]);
  for (const key of parts) li.append(el("div", { class: "muted" }, `${key}: ${reasonText(merge[key])}`));
  if (!parts.length) {
    const rest = { ...merge };
    delete rest.report_id;
    delete rest.score;
    li.append(el("div", { class: "muted" }, reasonText(rest)));
  }
  return li;
}
