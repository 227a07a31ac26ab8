// An SVG histogram of events per day, week or month with a brush to choose a time window.

import { isoDay, dayNumber } from "./data.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 90;
const AXIS = 14;

function svgEl(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

/** Bin width in days for a span of days: a day, a week or a month. */
export function binDays(span) {
  if (span <= 180) return 1;
  if (span <= 365 * 12) return 7;
  return 30.4375;
}

export class Timeline {
  /** svg: the <svg> element; onBrush(from, to): ISO dates or "" for an open end. */
  constructor(svg, onBrush) {
    this.svg = svg;
    this.onBrush = onBrush;
    this.lo = Number.NaN;
    this.hi = Number.NaN;
    this.days = [];
    this.from = "";
    this.to = "";
    this.drag = null;
    svg.addEventListener("pointerdown", (e) => this.#down(e));
    svg.addEventListener("pointermove", (e) => this.#move(e));
    svg.addEventListener("pointerup", (e) => this.#up(e));
    window.addEventListener("resize", () => this.render());
  }

  /** extent: [first day, last day] of all loaded events; days: the days of events passing the other filters. */
  setData(extent, days) {
    [this.lo, this.hi] = extent;
    this.days = days;
    this.render();
  }

  setRange(from, to) {
    this.from = from;
    this.to = to;
    this.render();
  }

  #width() {
    return Math.max(100, this.svg.clientWidth || 800);
  }

  #x(day) {
    return ((day - this.lo) / Math.max(1, this.hi + 1 - this.lo)) * this.#width();
  }

  #day(x) {
    const day = this.lo + (x / this.#width()) * (this.hi + 1 - this.lo);
    return Math.min(this.hi, Math.max(this.lo, Math.floor(day)));
  }

  render() {
    const svg = this.svg;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const width = this.#width();
    svg.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    if (!Number.isFinite(this.lo) || !Number.isFinite(this.hi)) return;
    const span = this.hi + 1 - this.lo;
    const step = binDays(span);
    const n = Math.max(1, Math.ceil(span / step));
    const counts = new Uint32Array(n);
    for (const d of this.days) {
      const i = Math.floor((d - this.lo) / step);
      if (i >= 0 && i < n) counts[i] += 1;
    }
    let max = 1;
    for (const c of counts) if (c > max) max = c;
    const from = this.from ? dayNumber(this.from) : -Infinity;
    const to = this.to ? dayNumber(this.to) : Infinity;
    const barWidth = width / n;
    const plot = HEIGHT - AXIS;
    for (let i = 0; i < n; i++) {
      if (!counts[i]) continue;
      const start = this.lo + i * step;
      const h = Math.max(1, (counts[i] / max) * (plot - 4));
      const inside = start + step - 1 >= from && start <= to;
      const bar = svgEl("rect", { x: i * barWidth, y: plot - h, width: Math.max(1, barWidth - 0.5), height: h,
        class: inside ? "bar in" : "bar" });
      const title = svgEl("title", {});
      title.textContent = `${isoDay(Math.floor(start))}: ${counts[i]} event${counts[i] === 1 ? "" : "s"}`;
      bar.append(title);
      svg.append(bar);
    }
    this.#axis(width, plot, step);
    if (this.from || this.to) {
      const x0 = this.from ? this.#x(Math.max(this.lo, from)) : 0;
      const x1 = this.to ? this.#x(Math.min(this.hi, to) + 1) : width;
      svg.append(svgEl("rect", { x: Math.min(x0, x1), y: 0, width: Math.max(1, Math.abs(x1 - x0)), height: plot, class: "brush" }));
    }
    const unit = step === 1 ? "day" : step === 7 ? "week" : "month";
    svg.setAttribute("aria-label", `Events per ${unit}, ${isoDay(this.lo)} to ${isoDay(this.hi)}; drag to choose a time window, click to clear it`);
    svg.dataset.unit = unit;
  }

  #axis(width, plot, step) {
    const first = new Date(this.lo * 86400000).getUTCFullYear();
    const last = new Date(this.hi * 86400000).getUTCFullYear();
    const years = last - first;
    const every = years > 40 ? 10 : years > 16 ? 5 : years > 8 ? 2 : 1;
    const ticks = [];
    if (years >= 2 || step > 7) {
      for (let y = first + 1; y <= last; y++) if (y % every === 0) ticks.push([Date.UTC(y, 0, 1) / 86400000, String(y)]);
    } else {
      const d = new Date(this.lo * 86400000);
      for (let m = d.getUTCFullYear() * 12 + d.getUTCMonth() + 1; ; m++) {
        const day = Date.UTC(Math.floor(m / 12), m % 12, 1) / 86400000;
        if (day > this.hi) break;
        ticks.push([day, isoDay(day).slice(0, 7)]);
      }
    }
    const minGap = 48;
    let lastX = -Infinity;
    for (const [day, label] of ticks) {
      const x = this.#x(day);
      if (x - lastX < minGap || x > width - 20) continue;
      lastX = x;
      this.svg.append(svgEl("line", { x1: x, x2: x, y1: plot, y2: plot + 4, class: "tick" }));
      const text = svgEl("text", { x: x + 2, y: HEIGHT - 2, class: "axis" });
      text.textContent = label;
      this.svg.append(text);
    }
  }

  #pointX(e) {
    const box = this.svg.getBoundingClientRect();
    return Math.min(box.width, Math.max(0, e.clientX - box.left)) * (this.#width() / Math.max(1, box.width));
  }

  #down(e) {
    if (!Number.isFinite(this.lo)) return;
    this.drag = { x0: this.#pointX(e), x1: this.#pointX(e) };
    this.svg.setPointerCapture(e.pointerId);
  }

  #move(e) {
    if (!this.drag) return;
    this.drag.x1 = this.#pointX(e);
    const [a, b] = [this.drag.x0, this.drag.x1].sort((p, q) => p - q);
    this.from = isoDay(this.#day(a));
    this.to = isoDay(this.#day(b));
    this.render();
  }

  #up(e) {
    if (!this.drag) return;
    const { x0 } = this.drag;
    const x1 = this.#pointX(e);
    this.drag = null;
    if (Math.abs(x1 - x0) < 3) {
      this.from = "";
      this.to = "";
    } else {
      const [a, b] = [x0, x1].sort((p, q) => p - q);
      this.from = isoDay(this.#day(a));
      this.to = isoDay(this.#day(b));
    }
    this.render();
    this.onBrush(this.from, this.to);
  }
}
