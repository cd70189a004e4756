import { api, ApiError, type Ticket } from '../api';
import { h, when } from '../dom';
import { onTicket } from '../live';
import { emptyState, failed, notFound } from './pages';
import { heading, type View } from './view';

const label = (s: string) => s.replace(/_/g, ' ').toLowerCase();

/** One ticket: its text, where it came from, its status history (live), and the not-yet-existing decision. */
export const ticket: View = async ({ main, params, onKey, onLeave }) => {
  const id = params[0] ?? '';
  let t: Ticket;
  try {
    t = await api.ticket(id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return notFound(main, 'Ticket', 'No ticket with this id exists in your organisation.');
    return failed(main, `The ticket could not be loaded: ${(e as Error).message}`);
  }
  const status = h('span', { class: 'badge', id: 'ticket-status', 'data-status': t.status }, label(t.status));
  const historyList = h('ol', { class: 'history', id: 'history' });
  const renderHistory = (x: Ticket) => {
    status.textContent = label(x.status);
    status.dataset.status = x.status;
    historyList.replaceChildren(...x.history.map((c) => h('li', { 'data-status': c.status },
      h('strong', {}, label(c.status)), ' — ', h('time', { datetime: c.at }, when(c.at)), c.detail ? ` (${c.detail})` : '')));
  };
  renderHistory(t);
  main.append(
    h('p', {}, h('a', { href: '#/queue' }, '← Queue'), ' ', h('span', { class: 'hint' }, '(', h('kbd', {}, 'Esc'), ')')),
    heading(t.title),
    h('section', { class: 'panel', 'aria-labelledby': 'h-details' },
      h('h2', { id: 'h-details' }, 'Details'),
      h('dl', { class: 'meta' },
        h('dt', {}, 'Status'), h('dd', {}, status),
        h('dt', {}, 'Source'), h('dd', {}, `${t.source} · ${t.externalId} (version ${t.version})`),
        h('dt', {}, 'Client'), h('dd', {}, t.client),
        h('dt', {}, 'Requester'), h('dd', {}, t.requester),
        h('dt', {}, 'Priority (from source)'), h('dd', {}, t.priority ?? '—'),
        h('dt', {}, 'Category (from source)'), h('dd', {}, t.category ?? '—'),
        h('dt', {}, 'Created at source'), h('dd', {}, when(t.createdAt)),
        h('dt', {}, 'Received by OMEGA'), h('dd', {}, when(t.receivedAt))),
      h('h2', {}, 'Text'),
      h('div', { class: 'body', id: 'ticket-body' }, t.body?.trim() ? t.body : '(no text)')),
    h('section', { class: 'panel', 'aria-labelledby': 'h-history' }, h('h2', { id: 'h-history' }, 'Status history'), historyList),
    h('section', { 'aria-labelledby': 'h-decision', id: 'decision' }, h('h2', { id: 'h-decision' }, 'Triage decision'),
      emptyState('Not classified yet', 'OMEGA has not made a decision on this ticket\'s category, priority, queue or '
        + 'assignee. Decisions, with their confidence, appear here once the classification stage is live.')),
    h('section', { 'aria-labelledby': 'h-evidence', id: 'evidence' }, h('h2', { id: 'h-evidence' }, 'Evidence'),
      emptyState('Not classified yet', 'Similar past tickets and the other evidence behind a decision appear here '
        + 'together with the decision.')));

  onKey((e) => {
    if (e.key === 'Escape') { location.hash = '#/queue'; return true; }
    return false;
  });
  const refresh = async () => renderHistory(await api.ticket(id));
  onLeave(onTicket((change) => { if (change.id === id) void refresh(); }, () => void refresh()));
};
