import { api, ApiError, type Confirmation } from '../api';
import { announce, h, percent, tierBadge, when } from '../dom';
import { onTicket } from '../live';
import { emptyState, failed } from './pages';
import { heading, type View } from './view';

const PAGE = 50;

/**
 * AUTO/CONFIRM-tier labels waiting for a person, oldest first: tick tickets and approve or reject them together.
 * Keys: j/k move, x (or Space) ticks, a approves the ticked, r rejects them.
 */
export const confirmations: View = async ({ main, onKey, onLeave }) => {
  let items: Confirmation[] = [];
  let total = 0;
  let selected = 0;
  const ticked = new Set<string>();
  const body = h('tbody');
  const status = h('p', { role: 'status', id: 'review-status', class: 'hint' });
  const count = h('p', { class: 'row-count', id: 'confirm-count', 'aria-live': 'polite' });
  const all = h('input', { type: 'checkbox', id: 'tick-all', 'aria-label': 'Tick every listed ticket' });
  const approve = h('button', { type: 'button', id: 'approve', 'aria-keyshortcuts': 'a' }, 'Approve ticked');
  const reject = h('button', { type: 'button', class: 'secondary danger', id: 'reject', 'aria-keyshortcuts': 'r' }, 'Reject ticked');
  const table = h('table', { id: 'confirmations', 'aria-label': 'Decisions waiting for confirmation' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, all), h('th', { scope: 'col' }, 'Ticket'),
      h('th', { scope: 'col' }, 'Waiting labels'), h('th', { scope: 'col', class: 'hide-narrow' }, 'Client'),
      h('th', { scope: 'col' }, 'SLA'), h('th', { scope: 'col', class: 'hide-narrow' }, 'Decided'))), body);
  const empty = h('div');
  const actions = h('div', { class: 'toolbar' }, approve, reject,
    h('span', { class: 'hint' }, h('kbd', {}, 'x'), ' ticks, ', h('kbd', {}, 'a'), ' approves, ', h('kbd', {}, 'r'), ' rejects the ticked tickets'));
  main.append(heading('Confirmations'),
    h('p', { class: 'hint' }, 'Labels OMEGA decided with AUTO or CONFIRM confidence wait here until a person approves '
      + 'or rejects them. Approving stores them as confirmed feedback (OMEGA learns from it); rejecting counts them as '
      + 'wrong in the accuracy figures. To correct a value instead, open the ticket.'),
    count, empty, actions, table, status);

  const render = () => {
    selected = Math.min(selected, Math.max(0, items.length - 1));
    body.replaceChildren(...items.map((c, i) => {
      const box = h('input', { type: 'checkbox', 'aria-label': `Tick ${c.title}`, checked: ticked.has(c.ticketId) });
      box.addEventListener('change', () => { if (box.checked) ticked.add(c.ticketId); else ticked.delete(c.ticketId); sync(); });
      return h('tr', { 'data-id': c.ticketId, class: i === selected ? 'selected' : '', 'aria-selected': String(i === selected) },
        h('td', {}, box),
        h('td', { class: 'title' }, h('a', { href: `#/tickets/${c.ticketId}` }, c.title)),
        h('td', {}, h('ul', { class: 'plain' }, ...Object.entries(c.labels).map(([k, l]) =>
          h('li', { 'data-label': k }, `${k}: `, h('strong', {}, l.value ?? ''), ` ${percent(l.confidence)} `, tierBadge(l.tier))))),
        h('td', { class: 'hide-narrow' }, c.client ?? '—'),
        h('td', {}, h('span', { class: 'badge sla', 'data-risk': c.slaAtRisk ? 'at-risk' : 'on-track' }, c.slaAtRisk ? 'at risk' : 'on track')),
        h('td', { class: 'hide-narrow' }, when(c.decidedAt)));
    }));
    count.textContent = total ? `${total} ticket${total === 1 ? '' : 's'} wait${total === 1 ? 's' : ''} for confirmation`
      + (total > items.length ? ` (showing the oldest ${items.length})` : '') : '';
    table.hidden = actions.hidden = items.length === 0;
    empty.replaceChildren(items.length ? '' : emptyState('Nothing waits for your confirmation',
      'When OMEGA decides a label with AUTO or CONFIRM confidence, the ticket waits here until someone approves or '
        + 'rejects it, or gives feedback on the ticket itself.',
      'Decisions need a trained model: until an admin imports your ticket history (Setup → History import), every '
        + 'label is left to you (MANUAL) and nothing appears here.'));
    sync();
  };
  const sync = () => {
    approve.disabled = reject.disabled = ticked.size === 0;
    all.checked = items.length > 0 && items.every((c) => ticked.has(c.ticketId));
    approve.textContent = `Approve ticked (${ticked.size})`;
    reject.textContent = `Reject ticked (${ticked.size})`;
  };
  const load = async () => {
    const page = await api.confirmations(0, PAGE);
    items = page.items;
    total = page.total;
    for (const id of [...ticked]) if (!items.some((c) => c.ticketId === id)) ticked.delete(id);
    render();
    main.dataset.loaded = 'true';
  };
  const review = async (ok: boolean) => {
    if (!ticked.size) return;
    const ids = [...ticked];
    approve.disabled = reject.disabled = true;
    try {
      const r = await api.review(ok ? ids : [], ok ? [] : ids);
      ticked.clear();
      const msg = `${ok ? `Approved ${r.approved.length}` : `Rejected ${r.rejected.length}`}`
        + (r.skipped.length ? `; ${r.skipped.length} no longer waited` : '') + (r.retrainingScheduled ? '; retraining started' : '');
      status.textContent = msg;
      status.className = 'hint';
      announce(msg);
      await load();
    } catch (e) {
      status.textContent = e instanceof ApiError ? `${e.detail} ${Object.keys(e.errors).join(', ')}` : String(e);
      status.className = 'error';
      sync();
    }
  };
  all.addEventListener('change', () => { items.forEach((c) => (all.checked ? ticked.add(c.ticketId) : ticked.delete(c.ticketId))); render(); });
  approve.addEventListener('click', () => void review(true));
  reject.addEventListener('click', () => void review(false));
  onKey((e) => {
    if (e.key === 'j' || e.key === 'k') {
      selected = Math.max(0, Math.min(items.length - 1, selected + (e.key === 'j' ? 1 : -1)));
      render();
      const c = items[selected];
      if (c) announce(`${c.title}${ticked.has(c.ticketId) ? ', ticked' : ''}`);
      return true;
    }
    if (e.key === 'x' || e.key === ' ') {
      const c = items[selected];
      if (c) { if (ticked.has(c.ticketId)) ticked.delete(c.ticketId); else ticked.add(c.ticketId); render(); }
      return true;
    }
    if (e.key === 'a') { void review(true); return true; }
    if (e.key === 'r') { void review(false); return true; }
    if (e.key === 'Enter' && items[selected] && !(document.activeElement instanceof HTMLAnchorElement)) {
      location.hash = `#/tickets/${items[selected].ticketId}`;
      return true;
    }
    return false;
  });
  // decisions arriving in a burst reload the list once a second at most
  let pending: ReturnType<typeof setTimeout> | undefined;
  const soon = () => { pending ??= setTimeout(() => { pending = undefined; void load(); }, 1000); };
  onLeave(onTicket((e) => { if (e.status === 'TRIAGED') soon(); }, () => void load()));
  onLeave(() => clearTimeout(pending));
  try {
    await load();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) throw e;
    failed(main, `Confirmations could not be loaded: ${(e as Error).message}`);
  }
};
