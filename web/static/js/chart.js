// Small SVG charts drawn from data (no library): bars, a line and a 7x24 heat map. Sizes are in the
// viewBox's units and the SVG scales to its box; colours come from the stylesheet's classes, and each
// mark carries a <title> so its exact value is read on hover and by screen readers.

import { h } from "./dom.js";

const W = 600;
const H = 220;
const PAD = { left: 64, right: 8, top: 10, bottom: 28 };

function frame(title, width = W, height = H) {
  return h("svg:svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-label": title }, h("svg:title", { text: title }));
}

function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value) || 10;
  return step * power;
}

function axis(svg, max, format) {
  for (const fraction of [0, 0.5, 1]) {
    const y = PAD.top + (1 - fraction) * (H - PAD.top - PAD.bottom);
    svg.append(h("svg:line", { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: "grid" }));
    svg.append(h("svg:text", { x: PAD.left - 4, y: y + 4, class: "tick end", text: format(max * fraction) }));
  }
}

function xLabels(svg, labels, x) {
  const every = Math.max(1, Math.ceil(labels.length / 8));
  labels.forEach((text, i) => {
    if (i % every === 0) svg.append(h("svg:text", { x: x(i), y: H - 8, class: "tick middle", text }));
  });
}

// bars: [{label, value, title}]
export function barChart(title, bars, format = String) {
  const svg = frame(title);
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  axis(svg, max, format);
  const inner = W - PAD.left - PAD.right;
  const slot = inner / Math.max(1, bars.length);
  const x = (i) => PAD.left + slot * (i + 0.5);
  const height = H - PAD.top - PAD.bottom;
  bars.forEach((bar, i) => {
    const barHeight = (bar.value / max) * height;
    svg.append(
      h(
        "svg:rect",
        { x: x(i) - slot * 0.35, width: slot * 0.7, y: PAD.top + height - barHeight, height: Math.max(0, barHeight), class: "bar" },
        h("svg:title", { text: bar.title || `${bar.label}: ${format(bar.value)}` }),
      ),
    );
  });
  xLabels(svg, bars.map((b) => b.label), x);
  return svg;
}

// points: [{label, value}], max: the scale's top (100 for percentages)
export function lineChart(title, points, format = String, max = null) {
  const svg = frame(title);
  const top = max ?? niceMax(Math.max(0, ...points.map((p) => p.value ?? 0)));
  axis(svg, top, format);
  const inner = W - PAD.left - PAD.right;
  const height = H - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (points.length > 1 ? (inner * i) / (points.length - 1) : inner / 2);
  const y = (v) => PAD.top + (1 - Math.min(v, top) / top) * height;
  const known = points.map((p, i) => [p, i]).filter(([p]) => p.value !== null && p.value !== undefined);
  if (known.length > 1) {
    svg.append(h("svg:polyline", { points: known.map(([p, i]) => `${x(i)},${y(p.value)}`).join(" "), class: "line" }));
  }
  for (const [p, i] of known) {
    svg.append(h("svg:circle", { cx: x(i), cy: y(p.value), r: 3.5, class: "dot" }, h("svg:title", { text: `${p.label}: ${format(p.value)}` })));
  }
  xLabels(svg, points.map((p) => p.label), x);
  return svg;
}

// cells: [{weekday 0..6, hour 0..23, value, title}]; dayNames: 7 labels, Monday first (ISO 8601)
export function heatMap(title, cells, dayNames) {
  const width = 600;
  const left = 44;
  const cell = (width - left - 4) / 24;
  const height = 7 * cell + 22;
  const svg = frame(title, width, height);
  const max = Math.max(0, ...cells.map((c) => c.value)) || 1;
  dayNames.forEach((name, d) => svg.append(h("svg:text", { x: left - 4, y: d * cell + cell * 0.7, class: "tick end", text: name })));
  for (let hour = 0; hour < 24; hour += 3) {
    svg.append(h("svg:text", { x: left + hour * cell + cell / 2, y: height - 6, class: "tick middle", text: String(hour) }));
  }
  for (const c of cells) {
    svg.append(
      h(
        "svg:rect",
        {
          x: left + c.hour * cell + 1,
          y: c.weekday * cell + 1,
          width: cell - 2,
          height: cell - 2,
          class: c.value > 0 ? "heat" : "heat empty",
          "fill-opacity": c.value > 0 ? (0.15 + 0.85 * (c.value / max)).toFixed(3) : null,
        },
        h("svg:title", { text: c.title }),
      ),
    );
  }
  return svg;
}

// A connector's meter readings: energy (Wh) over time, with power as a second series when given.
export function meterChart(title, points, formatEnergy) {
  const svg = frame(title);
  if (points.length === 0) return svg;
  const times = points.map((p) => new Date(p.at).getTime());
  const t0 = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - t0);
  const max = niceMax(Math.max(1, ...points.map((p) => p.energy_Wh)));
  axis(svg, max, formatEnergy);
  const inner = W - PAD.left - PAD.right;
  const height = H - PAD.top - PAD.bottom;
  const x = (t) => PAD.left + (inner * (t - t0)) / span;
  const y = (v) => PAD.top + (1 - v / max) * height;
  svg.append(h("svg:polyline", { points: points.map((p, i) => `${x(times[i])},${y(p.energy_Wh)}`).join(" "), class: "line" }));
  const clock = (t) => new Date(t).toTimeString().slice(0, 5);
  svg.append(h("svg:text", { x: PAD.left, y: H - 8, class: "tick", text: clock(t0) }));
  svg.append(h("svg:text", { x: W - PAD.right, y: H - 8, class: "tick end", text: clock(t0 + span) }));
  return svg;
}
