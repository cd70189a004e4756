import { api, ApiError, type Decision, type SimilarTicket, type Ticket } from '../api';
import { h, meter, percent, when } from '../dom';
import { emptyState } from './pages';

/** What the decision rests on: nearest training examples, similar past tickets with resolutions, titans, models. */
export function evidencePanel(t: Ticket): HTMLElement {
  const d = t.decision;
  const el = h('section', { 'aria-labelledby': 'h-evidence', id: 'evidence', class: 'panel' }, h('h2', { id: 'h-evidence' }, 'Evidence'));
  if (!d) {
    el.append(emptyState('No evidence yet', 'The evidence behind a decision — similar past tickets, the training examples '
      + 'nearest to this one, which titans agreed — appears here with the decision.'));
    return el;
  }
  const similar = h('div', { id: 'similar', 'aria-live': 'polite' });
  el.append(h('h3', {}, 'Similar past tickets'), similar,
    h('h3', {}, 'Nearest training examples'), examples(d),
    h('h3', {}, 'Titans'), titans(d),
    h('h3', {}, 'Model versions'), versions(d));
  if (d.similarTickets !== undefined) similar.append(similarList(d.similarTickets));
  else void loadSimilar(t.id, similar);
  return el;
}

async function loadSimilar(id: string, into: HTMLElement): Promise<void> {
  into.append(h('p', { class: 'hint' }, 'Looking for similar past tickets…'));
  try {
    into.replaceChildren(similarList((await api.similar(id)).items));
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 405)) throw e;
    into.replaceChildren(similarList([]));
  }
}

function similarList(items: SimilarTicket[]): HTMLElement {
  if (!items.length) {
    return h('div', { 'data-memory': 'empty' }, emptyState('No memory yet',
      'OMEGA\'s memory of resolved tickets has nothing similar to show for this one. It fills as tickets are resolved '
        + 'and as your history is imported (Setup → History import); resolutions of similar tickets then appear here.'));
  }
  return h('ol', { class: 'similar', 'data-memory': 'present' }, ...items.map((s) => h('li', { 'data-ticket': s.ticketId },
    h('div', { class: 'similar-head' }, ticketLink(s),
      s.score !== undefined ? h('span', { class: 'hint' }, ` score ${s.score.toFixed(2)}`) : null),
    h('div', { class: 'hint' }, [s.client, s.category, s.status, s.resolvedAt ? `resolved ${when(s.resolvedAt)}` : '']
      .filter(Boolean).join(' · '), Object.entries(s.labels ?? {}).map(([k, v]) => ` ${k}: ${v}`).join(',')),
    h('p', { class: 'resolution' }, h('strong', {}, 'Resolution: '), s.resolution?.trim() || 'not recorded'),
    (s.matchedTerms ?? s.why?.matchedTerms)?.length
      ? h('div', { class: 'hint' }, 'Matched: ', (s.matchedTerms ?? s.why?.matchedTerms ?? []).join(', ')) : null)));
}

/** OMEGA's own tickets open in the ticket view; rows remembered from a history import ("<source>:<externalId>") have no page. */
const OMEGA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function ticketLink(s: SimilarTicket): HTMLElement {
  const text = s.excerpt || s.ticketId;
  if (OMEGA_ID.test(s.ticketId)) return h('a', { href: `#/tickets/${s.ticketId}` }, text);
  return h('span', { title: `Imported history ${s.ticketId}` }, text, h('span', { class: 'hint' }, ` (imported history ${s.ticketId.replace(/^[^:]*:/, '')})`));
}

function examples(d: Decision): HTMLElement {
  const ev = d.evidence ?? [];
  if (!ev.length) return h('p', { class: 'hint', id: 'examples' }, d.coldStart ? 'None: no model has been trained yet.' : 'None recorded.');
  return h('table', { id: 'examples', 'aria-label': 'Nearest training examples' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Label'), h('th', { scope: 'col' }, 'Example'),
      h('th', { scope: 'col' }, 'Its value'), h('th', { scope: 'col' }, 'Similarity'))),
    h('tbody', {}, ...ev.map((e) => h('tr', {}, h('td', {}, e.label), h('td', {}, e.example), h('td', {}, e.value),
      h('td', {}, meter(e.similarity, 'similarity'))))));
}

function titans(d: Decision): HTMLElement {
  const votes = d.titans ?? [];
  if (!votes.length) return h('p', { class: 'hint', id: 'titans' }, 'No titan voted (cold start).');
  return h('table', { id: 'titans', 'aria-label': 'Titan votes' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Titan'), h('th', { scope: 'col' }, 'Label'),
      h('th', { scope: 'col' }, 'Vote'), h('th', { scope: 'col' }, 'Confidence'), h('th', { scope: 'col', class: 'hide-narrow' }, 'Weight'),
      h('th', { scope: 'col' }, 'Agreed'))),
    h('tbody', {}, ...votes.map((v) => h('tr', { 'data-titan': v.titanId, 'data-agreed': String(v.agreed) },
      h('td', {}, v.titanId), h('td', {}, v.label), h('td', {}, v.value ?? 'no answer'), h('td', {}, percent(v.confidence)),
      h('td', { class: 'hide-narrow' }, percent(v.weight)), h('td', {}, v.agreed ? '✓ yes' : '✗ no')))));
}

function versions(d: Decision): HTMLElement {
  const entries = Object.entries(d.modelVersions ?? {});
  if (!entries.length) return h('p', { class: 'hint', id: 'model-versions' }, 'No model was used.');
  return h('dl', { class: 'meta', id: 'model-versions' }, ...entries.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, h('code', {}, v))]));
}
