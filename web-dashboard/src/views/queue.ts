import { api, ApiError, STATUSES, TIERS, type TicketFilter, type TicketSummary } from '../api';
import { announce, h, label, tierBadge, when } from '../dom';
import { onTicket } from '../live';
import { connectHint, emptyState, failed, importHint } from './pages';
import { heading, type View } from './view';

const PAGE = 100;
/** rows rendered at once; the rest of a page follows in the next frame, so the first rows paint at once */
const FIRST_ROWS = 30;
const FILTERS = ['status', 'tier', 'client', 'category', 'sort'] as const;

/** The order the server sorts by, applied to live arrivals. */
function compare(sort: string | undefined): (a: TicketSummary, b: TicketSummary) => number {
  const newest = (a: TicketSummary, b: TicketSummary) => b.receivedAt.localeCompare(a.receivedAt) || a.id.localeCompare(b.id);
  if (sort !== 'sla-risk') return newest;
  return (a, b) => Number(b.slaAtRisk) - Number(a.slaAtRisk)
    || (a.slaDueAt ?? '\uffff').localeCompare(b.slaDueAt ?? '\uffff') || newest(a, b);
}

/** An early start for the queue's first page, requested by main.ts while it still checks the session. */
let early: { key: string; page: ReturnType<typeof api.tickets> } | undefined;
export function prefetchQueue(): void {
  const f = filterFromHash();
  early = { key: JSON.stringify(f), page: api.tickets(f, 0, PAGE) };
  early.page.catch(() => { early = undefined; }); // a 401 here only means "not signed in": the sign-in page follows
}

function filterFromHash(): TicketFilter {
  const p = new URLSearchParams(location.hash.split('?')[1] ?? '');
  return Object.fromEntries(FILTERS.map((k) => [k, p.get(k) ?? ''] as const).filter(([, v]) => v));
}

/**
 * The tenant's tickets, live: a pushed change fetches that one ticket and puts it in place. Filters by status, tier,
 * client and category, sorts newest first or by SLA risk. Keys: j/k move, Enter opens, c confirms the selected
 * ticket's decision, e opens it to edit its labels, / searches the loaded tickets.
 */
export const queue: View = async ({ main, onKey, onLeave }) => {
  const filter = filterFromHash();
  let tickets: TicketSummary[] = [];
  let total = 0;
  let page = 0;
  let selected = 0;
  let query = '';
  let frame = 0;

  const select = (id: string, text: string, options: [string, string][]) => {
    const el = h('select', { id, name: id }, ...options.map(([v, t]) => h('option', { value: v }, t)));
    return h('div', { class: 'field' }, h('label', { for: id }, text), el);
  };
  const controls = h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Filter and sort' },
    select('status-filter', 'Status', [['', 'All statuses'], ...STATUSES.map((s) => [s, label(s)] as [string, string])]),
    select('tier-filter', 'Tier', [['', 'All tiers'], ...TIERS.map((t) => [t, t.toLowerCase()] as [string, string])]),
    select('client-filter', 'Client', [['', 'All clients']]),
    select('category-filter', 'Category', [['', 'All categories']]),
    select('sort', 'Sort', [['', 'Newest first'], ['sla-risk', 'SLA risk first']]));
  const selects: Record<(typeof FILTERS)[number], HTMLSelectElement> = {
    status: controls.querySelector('#status-filter') as HTMLSelectElement,
    tier: controls.querySelector('#tier-filter') as HTMLSelectElement,
    client: controls.querySelector('#client-filter') as HTMLSelectElement,
    category: controls.querySelector('#category-filter') as HTMLSelectElement,
    sort: controls.querySelector('#sort') as HTMLSelectElement,
  };
  const addOption = (sel: HTMLSelectElement, v: string) => {
    if (v && ![...sel.options].some((o) => o.value === v)) sel.append(h('option', { value: v }, v));
  };
  FILTERS.forEach((k) => { addOption(selects[k], filter[k] ?? ''); selects[k].value = filter[k] ?? ''; });

  const search = h('input', { id: 'search', type: 'search', placeholder: 'Title, client, source or id',
    'aria-describedby': 'search-hint', autocomplete: 'off' });
  const count = h('p', { class: 'row-count', id: 'row-count', 'aria-live': 'polite' });
  const body = h('tbody');
  const table = h('table', { id: 'queue', 'aria-label': 'Tickets', 'aria-describedby': 'keys-hint' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Ticket'), h('th', { scope: 'col' }, 'Client'),
      h('th', { scope: 'col', class: 'hide-narrow' }, 'Category'), h('th', { scope: 'col' }, 'Priority'),
      h('th', { scope: 'col' }, 'Tier'), h('th', { scope: 'col' }, 'SLA'), h('th', { scope: 'col' }, 'Status'),
      h('th', { scope: 'col', class: 'hide-narrow' }, 'Received'))), body);
  const more = h('button', { type: 'button', class: 'secondary', id: 'load-more' }, 'Load older tickets');
  const empty = h('div');
  main.append(heading('Queue'), controls,
    h('div', { class: 'toolbar' }, h('div', { class: 'field grow' }, h('label', { for: 'search' }, 'Search loaded tickets'), search)),
    h('p', { class: 'hint', id: 'keys-hint' }, h('kbd', {}, 'j'), ' / ', h('kbd', {}, 'k'), ' move, ', h('kbd', {}, 'Enter'),
      ' opens, ', h('kbd', {}, 'c'), ' confirms the decision, ', h('kbd', {}, 'e'), ' edits its labels, ', h('kbd', {}, '/'),
      ' searches. New tickets appear live.'),
    h('span', { id: 'search-hint', class: 'sr-only' }, 'Filters the tickets loaded on this page'),
    count, empty, table, more);

  const visible = () => {
    const q = query.toLowerCase();
    return q ? tickets.filter((t) => [t.title, t.client, t.source, t.externalId, t.id].some((v) => v?.toLowerCase().includes(q))) : tickets;
  };
  const matches = (t: TicketSummary) => (!filter.status || t.status === filter.status) && (!filter.tier || t.tier === filter.tier)
    && (!filter.client || t.client === filter.client)
    && (!filter.category || (t.decidedCategory ?? t.category) === filter.category);

  const row = (t: TicketSummary, index: number, fresh: boolean) =>
    h('tr', { 'data-id': t.id, 'data-external-id': t.externalId, class: (index === selected ? 'selected ' : '') + (fresh ? 'fresh' : ''),
      'aria-selected': index === selected ? 'true' : 'false' },
      h('td', { class: 'title' }, h('a', { href: `#/tickets/${t.id}` }, t.title)),
      h('td', {}, t.client ?? '—'),
      h('td', { class: 'hide-narrow' }, t.decidedCategory ?? t.category ?? '—'),
      h('td', {}, t.priority ?? '—'),
      h('td', {}, tierBadge(t.tier)),
      h('td', {}, t.status !== 'TRIAGED' ? '—' : h('span', { class: 'badge sla', 'data-risk': t.slaAtRisk ? 'at-risk' : 'on-track',
        title: t.slaDueAt ? `due ${when(t.slaDueAt)}` : undefined }, t.slaAtRisk ? 'at risk' : 'on track')),
      h('td', {}, h('span', { class: 'badge', 'data-status': t.status }, label(t.status))),
      h('td', { class: 'hide-narrow' }, when(t.receivedAt)));

  const render = (fresh: Set<string> = new Set()) => {
    const rows = visible();
    selected = Math.min(selected, Math.max(rows.length - 1, 0));
    cancelAnimationFrame(frame);
    body.replaceChildren(...rows.slice(0, FIRST_ROWS).map((t, i) => row(t, i, fresh.has(t.id))));
    if (rows.length > FIRST_ROWS) {
      frame = requestAnimationFrame(() => body.append(...rows.slice(FIRST_ROWS).map((t, i) => row(t, i + FIRST_ROWS, fresh.has(t.id)))));
    }
    count.textContent = query ? `${rows.length} of ${tickets.length} loaded tickets match` : `Showing ${tickets.length} of ${total} tickets`;
    more.hidden = tickets.length >= total;
    table.hidden = total === 0;
    const filtered = FILTERS.some((k) => k !== 'sort' && filter[k]);
    empty.replaceChildren(total === 0 ? (filtered
      ? emptyState('No tickets match these filters', 'Choose "All" in the filters above to see every ticket.')
      : emptyState('No tickets yet', connectHint(), importHint(),
        'Once tickets arrive they appear here instantly, newest first.')) : '');
  };

  const load = async () => {
    try {
      const key = JSON.stringify(filter);
      const first = await (early?.key === key ? early.page.catch(() => api.tickets(filter, 0, PAGE)) : api.tickets(filter, 0, PAGE));
      early = undefined;
      tickets = first.items;
      total = first.total;
      page = 0;
      render();
      main.dataset.loaded = 'true';
      main.dataset.filter = new URLSearchParams(filter as Record<string, string>).toString(); // what is shown (tests wait for it)
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      failed(main, `The queue could not be loaded: ${(e as Error).message}`);
    }
  };

  FILTERS.forEach((k) => selects[k].addEventListener('change', () => {
    if (selects[k].value) filter[k] = selects[k].value; else delete filter[k];
    const qs = new URLSearchParams(filter as Record<string, string>).toString();
    history.replaceState(null, '', qs ? `#/queue?${qs}` : '#/queue');
    selected = 0;
    void load();
  }));
  const searchChanged = () => { query = search.value.trim(); selected = 0; render(); };
  search.addEventListener('input', searchChanged);
  search.addEventListener('search', searchChanged); // Chromium clears type=search on Escape without an input event
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); search.value = ''; searchChanged(); (main.querySelector('h1') as HTMLElement).focus(); }
    if (e.key === 'Enter') { e.preventDefault(); open(); }
  });
  more.addEventListener('click', async () => {
    const next = await api.tickets(filter, page + 1, PAGE);
    page++;
    const known = new Set(tickets.map((t) => t.id));
    tickets.push(...next.items.filter((t) => !known.has(t.id)));
    total = next.total;
    render();
  });

  const current = () => visible()[selected];
  const open = (edit = false) => {
    const t = current();
    if (t) location.hash = `#/tickets/${t.id}${edit ? '?edit' : ''}`;
  };
  const confirmSelected = async () => {
    const t = current();
    if (!t) return;
    const full = await api.ticket(t.id);
    const decided = Object.entries(full.decision?.labels ?? {}).filter(([, l]) => l.value);
    if (!decided.length) { announce(`${t.title}: nothing decided to confirm yet; press e to set the labels`); return; }
    await api.feedback(t.id, Object.fromEntries(decided.map(([k, l]) => [k, l.value as string])));
    announce(`Confirmed ${decided.map(([k, l]) => `${k} ${l.value}`).join(', ')} for ${t.title}`);
  };
  const move = (delta: number) => {
    const rows = visible();
    if (!rows.length) return;
    selected = Math.max(0, Math.min(rows.length - 1, selected + delta));
    body.querySelectorAll('tr').forEach((tr, i) => {
      tr.classList.toggle('selected', i === selected);
      tr.setAttribute('aria-selected', i === selected ? 'true' : 'false');
    });
    (body.children[selected] as HTMLElement | undefined)?.scrollIntoView({ block: 'nearest' });
    announce(`${rows[selected].title}, ${label(rows[selected].status)}`);
  };
  onKey((e) => {
    if (e.key === 'j') { move(1); return true; }
    if (e.key === 'k') { move(-1); return true; }
    if (e.key === 'Enter' && !(document.activeElement instanceof HTMLAnchorElement)) { open(); return true; }
    if (e.key === 'c') { void confirmSelected(); return true; }
    if (e.key === 'e') { open(true); return true; }
    if (e.key === '/') { search.focus(); search.select(); return true; }
    return false;
  });

  // live changes: the ids named by the stream within 30 ms are fetched together, as lean rows, in one request
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = (t: TicketSummary): boolean => {
    addOption(selects.client, t.client ?? ''); // a new client or category can be filtered by at once
    addOption(selects.category, t.decidedCategory ?? t.category ?? '');
    const at = tickets.findIndex((x) => x.id === t.id);
    if (at >= 0) {
      // fetches can finish out of order: never replace a row with an older state of the ticket
      if (t.updatedAt < tickets[at].updatedAt) return false;
      if (matches(t)) tickets[at] = t;
      else { tickets.splice(at, 1); total--; }
      return true;
    }
    if (!matches(t)) return false;
    tickets.push(t);
    total++;
    announce(`New ticket: ${t.title}`);
    return true;
  };
  const flush = async () => {
    timer = undefined;
    const ids = [...changed].slice(0, 200);
    ids.forEach((id) => changed.delete(id));
    if (changed.size) timer = setTimeout(() => void flush(), 30);
    const rows = (await api.tickets({ ids: ids.join(',') }, 0, ids.length)).items;
    const before = current();
    const touched = rows.filter(apply);
    if (!touched.length) return;
    tickets.sort(compare(filter.sort));
    const still = before ? visible().findIndex((x) => x.id === before.id) : -1;
    if (still >= 0) selected = still; // the selection stays on the same ticket
    render(new Set(touched.map((t) => t.id)));
  };
  onLeave(onTicket((change) => {
    changed.add(change.id);
    timer ??= setTimeout(() => void flush(), 30);
  }, () => void load()));
  onLeave(() => clearTimeout(timer));

  await load();
  api.facets().then((f) => {
    f.clients.forEach((c) => addOption(selects.client, c));
    f.categories.forEach((c) => addOption(selects.category, c));
  }).catch(() => {});
};
