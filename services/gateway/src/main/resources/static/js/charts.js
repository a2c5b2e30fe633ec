// Charts drawn as inline SVG: a line chart for trends, horizontal bars for breakdowns, and the funnel.
import { h } from './ui.js';

const NS = 'http://www.w3.org/2000/svg';
export const PALETTE = ['#1f6feb', '#d9480f', '#2b8a3e', '#9c36b5', '#e67700', '#0b7285'];

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}

/**
 * series: [{ name, values: [number] }] over `labels`. `format` renders the axis figures.
 */
export function lineChart({ title, labels, series, format = String, test }) {
  const width = 640;
  const height = 240;
  const pad = { left: 56, right: 12, top: 12, bottom: 36 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(0, ...series.flatMap(s => s.values.map(v => v || 0))));
  const x = i => pad.left + (labels.length <= 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = v => pad.top + plotH - ((v || 0) / max) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1].map(f => svg('g', {},
    svg('line', { x1: pad.left, x2: width - pad.right, y1: y(max * f), y2: y(max * f), class: 'grid' }),
    svg('text', { x: pad.left - 6, y: y(max * f) + 4, 'text-anchor': 'end', class: 'axis' }, format(max * f))));
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const xLabels = labels.map((label, i) => (i % every === 0 || i === labels.length - 1)
    ? svg('text', { x: x(i), y: height - 12, 'text-anchor': 'middle', class: 'axis' }, label) : null);
  const lines = series.map((s, n) => {
    const color = PALETTE[n % PALETTE.length];
    const points = s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
    return svg('g', {},
      svg('polyline', { points, fill: 'none', stroke: color, 'stroke-width': 2 }),
      s.values.map((v, i) => svg('circle', { cx: x(i), cy: y(v), r: 3, fill: color },
        svg('title', {}, `${s.name} · ${labels[i]}: ${format(v || 0)}`))));
  });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' },
    svg('title', {}, title), grid, xLabels, lines);
  const legend = h('ul', { class: 'legend' }, series.map((s, n) =>
    h('li', {}, h('span', { class: 'swatch', style: `background:${PALETTE[n % PALETTE.length]}` }), s.name)));
  return h('figure', { class: 'figure', test }, h('figcaption', {}, title), chart, legend);
}

/** items: [{ label, value }] as horizontal bars. */
export function barChart({ title, items, format = String, test, color = PALETTE[0] }) {
  const rowH = 28;
  const width = 640;
  const labelW = 220;
  const valueW = 110;
  const height = Math.max(rowH, items.length * rowH) + 8;
  const max = Math.max(1, ...items.map(i => i.value || 0));
  const rows = items.map((item, i) => {
    const w = ((item.value || 0) / max) * (width - labelW - valueW);
    const top = 4 + i * rowH;
    return svg('g', {},
      svg('text', { x: labelW - 8, y: top + 18, 'text-anchor': 'end', class: 'axis' }, item.label),
      svg('rect', { x: labelW, y: top + 4, width: Math.max(1, w), height: rowH - 10, rx: 3, fill: color },
        svg('title', {}, `${item.label}: ${format(item.value)}`)),
      svg('text', { x: labelW + w + 6, y: top + 18, class: 'value' }, format(item.value)));
  });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' },
    svg('title', {}, title), rows);
  return h('figure', { class: 'figure', test }, h('figcaption', {}, title),
    items.length ? chart : h('p', { class: 'muted' }, '—'));
}

/** stages: [{ label, value }], each bar as wide as its share of the largest, with each step's conversion. */
export function funnel({ title, stages, format = String, test }) {
  const width = 640;
  const rowH = 40;
  const height = stages.length * rowH + 4;
  const widest = Math.max(1, ...stages.map(s => s.value || 0));
  const rows = stages.map((stage, i) => {
    const w = Math.max(4, ((stage.value || 0) / widest) * (width - 40));
    const top = 2 + i * rowH;
    const previous = i > 0 ? stages[i - 1].value : null;
    const rate = previous ? ` (${Math.round(((stage.value || 0) / previous) * 100)}%)` : '';
    return svg('g', {},
      svg('rect', { x: (width - w) / 2, y: top, width: w, height: rowH - 6, rx: 4, fill: PALETTE[i % PALETTE.length], opacity: 0.85 }),
      svg('text', { x: width / 2, y: top + rowH / 2 + 1, 'text-anchor': 'middle', class: 'funnel-label' },
        `${stage.label}: ${format(stage.value || 0)}${rate}`));
  });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' },
    svg('title', {}, title), rows);
  return h('figure', { class: 'figure', test }, h('figcaption', {}, title), chart);
}
