// The view state (filters, time window, map view, selected event) and its URL form.
// The state lives in the URL's hash, so a copied link reproduces the view.

export const DEFAULTS = Object.freeze({
  type: "", sub: "", actor: "", country: "", hist: "include", conf: 0,
  from: "", to: "", z: null, lat: null, lon: null, ev: "",
});

const HIST = new Set(["include", "exclude", "only"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function number(value, lo, hi) {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) && n >= lo && n <= hi ? n : null;
}

/** Parse a hash such as "#type=Battles&from=2019-01-01" into a full state (unknown keys ignored). */
export function parseHash(hash) {
  const params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  const s = { ...DEFAULTS };
  for (const key of ["type", "sub", "actor", "country", "ev"]) s[key] = params.get(key) || "";
  s.hist = HIST.has(params.get("hist")) ? params.get("hist") : "include";
  s.conf = number(params.get("conf"), 0, 1) ?? 0;
  for (const key of ["from", "to"]) s[key] = DATE.test(params.get(key) || "") ? params.get(key) : "";
  s.z = number(params.get("z"), 0, 22);
  s.lat = number(params.get("lat"), -90, 90);
  s.lon = number(params.get("lon"), -360, 360);
  return s;
}

/** The hash for a state: only the values that differ from the defaults, in a fixed order. */
export function toHash(s) {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULTS)) {
    const value = s[key];
    if (value === null || value === undefined || value === DEFAULTS[key] || value === "") continue;
    if (key === "lat" || key === "lon") params.set(key, Number(value).toFixed(4));
    else if (key === "conf") params.set(key, Number(value).toFixed(2));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? "#" + text : "";
}
