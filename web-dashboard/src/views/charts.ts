// Hand-written SVG charts: a few hundred bytes each instead of a charting library. Every chart is an image with a
// text summary (aria-label) and its numbers in a table under a disclosure, so nothing is only visible as colour.
import { h, s } from '../dom';

export interface Part { key: string; value: number }
export interface Row { label: string; parts: Part[] }

const W = 640;

function figure(title: string, summary: string, svg: SVGElement, table: HTMLTableElement, legend?: HTMLElement): HTMLElement {
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${title}. ${summary}`);
  return h('figure', { class: 'chart' }, h('figcaption', {}, title), svg, legend ?? null,
    h('details', {}, h('summary', {}, 'Numbers'), table));
}

function dataTable(head: string[], rows: (string | number)[][]): HTMLTableElement {
  return h('table', {}, h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, String(c)))))));
}

/** Vertical bars, one per point (e.g. tickets per day). */
export function bars(title: string, points: { label: string; value: number }[], unit: string): HTMLElement {
  const H = 180;
  const max = Math.max(1, ...points.map((p) => p.value));
  const bw = (W - 40) / Math.max(1, points.length);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H + 24}`, class: 'chart-svg' },
    s('line', { x1: 36, y1: H, x2: W, y2: H, class: 'axis' }),
    s('text', { x: 32, y: 12, 'text-anchor': 'end', class: 'tick' }, String(max)),
    s('text', { x: 32, y: H, 'text-anchor': 'end', class: 'tick' }, '0'),
    ...points.map((p, i) => {
      const bh = (p.value / max) * (H - 10);
      return s('rect', { x: 40 + i * bw + 1, y: H - bh, width: Math.max(1, bw - 2), height: bh, class: 'bar' },
        s('title', {}, `${p.label}: ${p.value} ${unit}`));
    }),
    ...[0, points.length - 1].filter((i, k, a) => points[i] && a.indexOf(i) === k).map((i) =>
      s('text', { x: 40 + i * bw + bw / 2, y: H + 16, 'text-anchor': i === 0 ? 'start' : 'end', class: 'tick' }, points[i].label)));
  const sum = points.reduce((a, p) => a + p.value, 0);
  return figure(title, `${sum} ${unit} over ${points.length} points, at most ${max} in one.`, svg,
    dataTable(['', unit], points.map((p) => [p.label, p.value])));
}

/** Horizontal stacked bars: one row per label, parts in the given key order and classes. */
export function stacked(title: string, rows: Row[], keys: { key: string; name: string }[]): HTMLElement {
  const rowH = 28;
  const H = rows.length * rowH + 4;
  const left = 130;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg' });
  rows.forEach((r, i) => {
    const total = r.parts.reduce((a, p) => a + p.value, 0);
    const y = i * rowH + 4;
    svg.append(s('text', { x: left - 8, y: y + 15, 'text-anchor': 'end', class: 'tick' }, r.label));
    let x = left;
    for (const k of keys) {
      const v = r.parts.find((p) => p.key === k.key)?.value ?? 0;
      if (!v) continue;
      const w = total ? (v / total) * (W - left - 50) : 0;
      svg.append(s('rect', { x, y, width: w, height: rowH - 8, class: `part part-${k.key.toLowerCase()}` },
        s('title', {}, `${r.label}: ${k.name} ${v}`)));
      x += w;
    }
    svg.append(s('text', { x: x + 6, y: y + 15, class: 'tick' }, String(total)));
  });
  const legend = h('ul', { class: 'legend' }, ...keys.map((k) =>
    h('li', {}, h('span', { class: `swatch part-${k.key.toLowerCase()}`, 'aria-hidden': 'true' }), k.name)));
  const summary = rows.map((r) => `${r.label}: ${keys.map((k) => `${k.name} ${r.parts.find((p) => p.key === k.key)?.value ?? 0}`).join(', ')}`).join('; ');
  return figure(title, summary, svg, dataTable(['', ...keys.map((k) => k.name)],
    rows.map((r) => [r.label, ...keys.map((k) => r.parts.find((p) => p.key === k.key)?.value ?? 0)])), legend);
}

/** Reliability diagram: mean confidence against accuracy per bin; the diagonal is perfect calibration. */
export function reliability(title: string, bins: { meanConfidence: number; accuracy: number; count: number; lower: number; upper: number }[]): HTMLElement {
  const S = 220;
  const p = 30;
  const x = (v: number) => p + v * S;
  const y = (v: number) => p + (1 - v) * S;
  const used = bins.filter((b) => b.count > 0);
  const svg = s('svg', { viewBox: `0 0 ${S + 2 * p} ${S + 2 * p}`, class: 'chart-svg square' },
    s('rect', { x: p, y: p, width: S, height: S, class: 'frame' }),
    s('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: 'diagonal' }),
    s('polyline', { points: used.map((b) => `${x(b.meanConfidence)},${y(b.accuracy)}`).join(' '), class: 'curve' }),
    ...used.map((b) => s('circle', { cx: x(b.meanConfidence), cy: y(b.accuracy), r: 3 + Math.min(5, Math.log2(1 + b.count)), class: 'dot' },
      s('title', {}, `confidence ${b.lower.toFixed(1)}–${b.upper.toFixed(1)}: ${b.count} predictions, mean confidence ${b.meanConfidence.toFixed(2)}, accuracy ${b.accuracy.toFixed(2)}`))),
    s('text', { x: p + S / 2, y: S + 2 * p - 4, 'text-anchor': 'middle', class: 'tick' }, 'confidence'),
    s('text', { x: 10, y: p + S / 2, 'text-anchor': 'middle', class: 'tick', transform: `rotate(-90 10 ${p + S / 2})` }, 'accuracy'));
  return figure(title, `${used.length} confidence bins; points on the diagonal are perfectly calibrated.`, svg,
    dataTable(['bin', 'predictions', 'mean confidence', 'accuracy'],
      used.map((b) => [`${b.lower.toFixed(1)}–${b.upper.toFixed(1)}`, b.count, b.meanConfidence.toFixed(2), b.accuracy.toFixed(2)])));
}
