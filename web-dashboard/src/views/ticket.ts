import { api, ApiError, type ModelsOverview, type Ticket } from '../api';
import { h, label, tierBadge, when } from '../dom';
import { onTicket } from '../live';
import { decisionPanel, slaLine, type DecisionPanel } from './decision';
import { evidencePanel } from './evidence';
import { failed, notFound } from './pages';
import { heading, type View } from './view';

/**
 * One ticket: text and source, the decision per label with one-action feedback (c confirms, e edits), the evidence,
 * SLA risk and the status history; live: a decision or feedback made elsewhere shows up by itself.
 */
export const ticket: View = async ({ main, params, onKey, onLeave }) => {
  const id = params[0] ?? '';
  let t: Ticket;
  let models: ModelsOverview | undefined;
  try {
    [t, models] = await Promise.all([api.ticket(id), api.models().catch(() => undefined)]);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return notFound(main, 'Ticket', 'No ticket with this id exists in your organisation.');
    return failed(main, `The ticket could not be loaded: ${(e as Error).message}`);
  }
  const status = h('span', { class: 'badge', id: 'ticket-status' });
  const tier = h('span', { id: 'ticket-tier' });
  const sla = h('span', { id: 'ticket-sla' });
  const historyList = h('ol', { class: 'history', id: 'history' });
  const decisionSlot = h('div');
  const evidenceSlot = h('div');
  let panel: DecisionPanel | undefined;

  const render = (x: Ticket, focusAfter = false) => {
    t = x;
    status.textContent = label(x.status);
    status.dataset.status = x.status;
    tier.replaceChildren(tierBadge(x.tier));
    sla.replaceChildren(slaLine(x.decision));
    historyList.replaceChildren(...x.history.map((c) => h('li', { 'data-status': c.status },
      h('strong', {}, label(c.status)), ' — ', h('time', { datetime: c.at }, when(c.at)), c.detail ? ` (${c.detail})` : '')));
    panel = decisionPanel(x, models, () => void refresh(true));
    decisionSlot.replaceChildren(panel.el);
    evidenceSlot.replaceChildren(evidencePanel(x));
    if (focusAfter) (document.getElementById('confirm-all') ?? document.getElementById('h-decision'))?.focus();
  };
  const refresh = async (focusAfter = false) => {
    if (panel?.editing() && !focusAfter) return; // never pull the form away from someone typing
    render(await api.ticket(id), focusAfter);
  };
  render(t);
  main.append(
    h('p', {}, h('a', { href: '#/queue' }, '← Queue'), ' ', h('span', { class: 'hint' }, '(', h('kbd', {}, 'Esc'), ')')),
    heading(t.title),
    h('div', { class: 'ticket-grid' },
      h('section', { class: 'panel', 'aria-labelledby': 'h-details' },
        h('h2', { id: 'h-details' }, 'Details'),
        h('dl', { class: 'meta' },
          h('dt', {}, 'Status'), h('dd', {}, status),
          h('dt', {}, 'Tier'), h('dd', {}, tier),
          h('dt', {}, 'SLA risk'), h('dd', {}, sla),
          h('dt', {}, 'Source'), h('dd', {}, `${t.source} · ${t.externalId} (version ${t.version})`),
          h('dt', {}, 'Client'), h('dd', {}, t.client ?? '—'),
          h('dt', {}, 'Requester'), h('dd', {}, t.requester ?? '—'),
          h('dt', {}, 'Priority (from source)'), h('dd', {}, t.priority ?? '—'),
          h('dt', {}, 'Category (from source)'), h('dd', {}, t.category ?? '—'),
          h('dt', {}, 'Created at source'), h('dd', {}, when(t.createdAt)),
          h('dt', {}, 'Received by OMEGA'), h('dd', {}, when(t.receivedAt))),
        h('h3', {}, 'Text'),
        h('div', { class: 'body', id: 'ticket-body' }, t.body?.trim() ? t.body : '(no text)')),
      h('section', { class: 'panel', 'aria-labelledby': 'h-history' }, h('h2', { id: 'h-history' }, 'Status history'), historyList),
      h('div', { class: 'wide' }, decisionSlot),
      h('div', { class: 'wide' }, evidenceSlot)));

  onKey((e) => {
    if (e.key === 'Escape') { location.hash = '#/queue'; return true; }
    if (e.key === 'c') { panel?.confirm(); return true; }
    if (e.key === 'e') { panel?.edit(); return true; }
    return false;
  });
  onLeave(onTicket((change) => { if (change.id === id) void refresh(); }, () => void refresh()));
  if (/[?&]edit\b/.test(location.hash)) panel?.edit();
};
