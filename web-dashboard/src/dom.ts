// A tiny element builder: h('p', {class: 'x'}, 'text', child). Text always goes through textContent/Text nodes,
// never innerHTML, so ticket content cannot inject markup.
type Attrs = Record<string, string | boolean | number | EventListener | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Announces a message to screen readers through the polite live region. */
export function announce(message: string): void {
  const live = document.getElementById('live');
  if (live) live.textContent = message;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The SVG twin of h(): attributes only (never a style attribute, which the CSP forbids), text via Text nodes. */
export function s(tag: string, attrs: Record<string, string | number | undefined> = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  append(el, ...children);
  return el;
}

export const percent = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined || isNaN(x) ? '—' : `${(x * 100).toFixed(digits)} %`;

/** A confidence as a labelled meter: the number is always written out, the bar only repeats it. */
export function meter(value: number, label: string): HTMLElement {
  const bar = h('span', { class: 'meter-fill' });
  bar.style.width = `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
  return h('span', { class: 'meter', role: 'img', 'aria-label': `${label} ${percent(value)}` },
    h('span', { class: 'meter-track', 'aria-hidden': 'true' }, bar), h('span', { class: 'meter-text', 'aria-hidden': 'true' }, percent(value)));
}

export const label = (s: string): string => s.replace(/_/g, ' ').toLowerCase();

export function tierBadge(tier: string | undefined | null): HTMLElement {
  return h('span', { class: 'badge tier', 'data-tier': tier ?? 'none' }, tier ? tier.toLowerCase() : 'not triaged');
}
