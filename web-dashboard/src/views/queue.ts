import { api, ApiError, STATUSES, type TicketSummary } from '../api';
import { announce, h, when } from '../dom';
import { onTicket } from '../live';
import { connectHint, emptyState, failed, importHint } from './pages';
import { heading, type View } from './view';

const PAGE = 100;
const label = (s: string) => s.replace(/_/g, ' ').toLowerCase();

/**
 * The tenant's tickets, newest first, live: a pushed change fetches that one ticket and puts it on top.
 * Keys: j/k move, Enter opens, / searches the loaded tickets.
 */
export const queue: View = async ({ main, onKey, onLeave }) => {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  let status = params.get('status') ?? '';
  let tickets: TicketSummary[] = [];
  let total = 0;
  let page = 0;
  let selected = 0;
  let query = '';

  const statusSelect = h('select', { id: 'status-filter' },
    h('option', { value: '' }, 'All statuses'), ...STATUSES.map((s) => h('option', { value: s }, label(s))));
  statusSelect.value = status;
  const search = h('input', { id: 'search', type: 'search', placeholder: 'Title, client, source or id',
    'aria-describedby': 'search-hint', autocomplete: 'off' });
  const count = h('p', { class: 'row-count', id: 'row-count', 'aria-live': 'polite' });
  const body = h('tbody');
  const table = h('table', { id: 'queue', 'aria-label': 'Tickets', 'aria-describedby': 'keys-hint' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Ticket'), h('th', { scope: 'col' }, 'Client'),
      h('th', { scope: 'col', class: 'hide-narrow' }, 'Source'), h('th', { scope: 'col' }, 'Priority'),
      h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col', class: 'hide-narrow' }, 'Received'))), body);
  const more = h('button', { type: 'button', class: 'secondary', id: 'load-more' }, 'Load older tickets');
  const empty = h('div');
  main.append(heading('Queue'),
    h('div', { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: 'status-filter' }, 'Status'), statusSelect),
      h('div', { class: 'field' }, h('label', { for: 'search' }, 'Search loaded tickets'), search)),
    h('p', { class: 'hint', id: 'keys-hint' }, h('kbd', {}, 'j'), ' / ', h('kbd', {}, 'k'), ' move, ',
      h('kbd', {}, 'Enter'), ' opens, ', h('kbd', {}, '/'), ' searches. New tickets appear live.'),
    h('span', { id: 'search-hint', class: 'sr-only' }, 'Filters the tickets loaded on this page'),
    count, empty, table, more);

  const visible = () => {
    const q = query.toLowerCase();
    return q ? tickets.filter((t) => [t.title, t.client, t.source, t.externalId, t.id].some((v) => v?.toLowerCase().includes(q))) : tickets;
  };

  const row = (t: TicketSummary, index: number, fresh: boolean) =>
    h('tr', { 'data-id': t.id, 'data-external-id': t.externalId, class: (index === selected ? 'selected ' : '') + (fresh ? 'fresh' : ''),
      'aria-selected': index === selected ? 'true' : 'false' },
      h('td', { class: 'title' }, h('a', { href: `#/tickets/${t.id}` }, t.title)),
      h('td', {}, t.client),
      h('td', { class: 'hide-narrow' }, `${t.source} · ${t.externalId}`),
      h('td', {}, t.priority ?? '—'),
      h('td', {}, h('span', { class: 'badge', 'data-status': t.status }, label(t.status))),
      h('td', { class: 'hide-narrow' }, when(t.receivedAt)));

  const render = (freshId?: string) => {
    const rows = visible();
    selected = Math.min(selected, Math.max(rows.length - 1, 0));
    body.replaceChildren(...rows.map((t, i) => row(t, i, t.id === freshId)));
    count.textContent = query ? `${rows.length} of ${tickets.length} loaded tickets match` : `Showing ${tickets.length} of ${total} tickets`;
    more.hidden = tickets.length >= total;
    table.hidden = total === 0;
    empty.replaceChildren(total === 0 ? (status
      ? emptyState(`No tickets are ${label(status)}`, 'Choose "All statuses" to see every ticket.')
      : emptyState('No tickets yet', connectHint(), importHint(),
        'Once tickets arrive they appear here instantly, newest first.')) : '');
  };

  const load = async () => {
    try {
      const first = await api.tickets(status, 0, PAGE);
      tickets = first.items;
      total = first.total;
      page = 0;
      render();
      main.dataset.loaded = 'true';
    } catch (e) {
      failed(main, `The queue could not be loaded: ${(e as Error).message}`);
    }
  };

  statusSelect.addEventListener('change', () => {
    status = statusSelect.value;
    history.replaceState(null, '', status ? `#/queue?status=${status}` : '#/queue');
    selected = 0;
    void load();
  });
  const searchChanged = () => { query = search.value.trim(); selected = 0; render(); };
  search.addEventListener('input', searchChanged);
  search.addEventListener('search', searchChanged); // Chromium clears type=search on Escape without an input event
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); search.value = ''; searchChanged(); (main.querySelector('h1') as HTMLElement).focus(); }
    if (e.key === 'Enter') { e.preventDefault(); open(); }
  });
  more.addEventListener('click', async () => {
    const next = await api.tickets(status, page + 1, PAGE);
    page++;
    const known = new Set(tickets.map((t) => t.id));
    tickets.push(...next.items.filter((t) => !known.has(t.id)));
    total = next.total;
    render();
  });

  const open = () => {
    const t = visible()[selected];
    if (t) location.hash = `#/tickets/${t.id}`;
  };
  const move = (delta: number) => {
    const rows = visible();
    if (!rows.length) return;
    selected = Math.max(0, Math.min(rows.length - 1, selected + delta));
    body.querySelectorAll('tr').forEach((tr, i) => {
      tr.classList.toggle('selected', i === selected);
      tr.setAttribute('aria-selected', i === selected ? 'true' : 'false');
    });
    const tr = body.children[selected] as HTMLElement | undefined;
    tr?.scrollIntoView({ block: 'nearest' });
    announce(`${rows[selected].title}, ${label(rows[selected].status)}`);
  };
  onKey((e) => {
    if (e.key === 'j') { move(1); return true; }
    if (e.key === 'k') { move(-1); return true; }
    if (e.key === 'Enter' && !(document.activeElement instanceof HTMLAnchorElement)) { open(); return true; }
    if (e.key === '/') { search.focus(); search.select(); return true; }
    return false;
  });

  onLeave(onTicket(async (change) => {
    try {
      const t = await api.ticket(change.id);
      const at = tickets.findIndex((x) => x.id === t.id);
      const matches = !status || t.status === status;
      if (at >= 0) {
        // fetches can finish out of order: never replace a row with an older state of the ticket
        if (t.updatedAt < tickets[at].updatedAt) return;
        if (matches) tickets[at] = t;
        else { tickets.splice(at, 1); total--; }
      } else if (matches) {
        tickets.unshift(t);
        total++;
        if (tickets.length > 1) selected++; // the selection stays on the same ticket
        announce(`New ticket: ${t.title}`);
      }
      render(t.id);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  }, () => void load()));

  await load();
};
