import { api, ApiError, TIERS, type Insights } from '../api';
import { h, percent } from '../dom';
import { bars, stacked } from './charts';
import { emptyState, failed } from './pages';
import { heading, type View } from './view';

const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—'
  : ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`);
const bucketName = (le: number | null | undefined, prev: number | null | undefined) => (le === null || le === undefined
  ? `> ${prev! >= 60 ? `${prev! / 60} min` : `${prev} s`}` : `≤ ${le >= 60 ? `${le / 60} min` : `${le} s`}`);

/** Charts of the tenant's last N days: volume, tier mix, accuracy from feedback, time to triage, SLA, titans, cost. */
export const insights: View = async ({ main }) => {
  const days = h('select', { id: 'insights-days' }, ...[7, 30, 90].map((d) => h('option', { value: String(d) }, `last ${d} days`)));
  days.value = new URLSearchParams(location.hash.split('?')[1] ?? '').get('days') ?? '30';
  const content = h('div', { id: 'insights', 'aria-live': 'polite' });
  main.append(heading('Insights'), h('div', { class: 'toolbar' }, h('div', { class: 'field' }, h('label', { for: 'insights-days' }, 'Period'), days)), content);
  const load = async () => {
    try {
      render(content, await api.insights(Number(days.value)));
      main.dataset.loaded = 'true';
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      failed(content, `Insights could not be loaded: ${(e as Error).message}`);
    }
  };
  days.addEventListener('change', () => { history.replaceState(null, '', `#/insights?days=${days.value}`); void load(); });
  await load();
};

function render(into: HTMLElement, x: Insights): void {
  const received = x.volume.reduce((a, d) => a + d.received, 0);
  if (received === 0) {
    into.replaceChildren(emptyState('No tickets in this period',
      'Insights are computed from the tickets OMEGA received, its decisions and your feedback. Connect your PSA in Setup '
        + '(admin) or send tickets with the API; charts appear as soon as the first tickets arrive.'));
    return;
  }
  const labels = Object.keys(x.tiers);
  const accuracy = Object.entries(x.accuracy);
  const verdicts = accuracy.reduce((a, [, v]) => a + v.confirmed + v.corrected + v.rejected, 0);
  const buckets = x.timeToTriage.buckets;
  into.replaceChildren(
    h('div', { class: 'kpis' },
      kpi('Tickets received', String(received)),
      kpi('Triage time P50', seconds(x.timeToTriage.p50Ms)),
      kpi('Triage time P95', seconds(x.timeToTriage.p95Ms)),
      kpi('SLA at risk', String(x.sla.atRisk)),
      kpi('Accuracy (from feedback)', verdicts ? percent(accuracy.reduce((a, [, v]) => a + v.confirmed, 0) / verdicts) : 'no feedback yet')),
    h('div', { class: 'charts' },
      bars('Tickets received per day (UTC)', x.volume.map((d) => ({ label: d.day, value: d.received })), 'tickets'),
      labels.length ? stacked('Tier mix per label (decisions)', labels.map((l) => ({ label: l,
        parts: TIERS.map((t) => ({ key: t, value: x.tiers[l][t] ?? 0 })) })),
        TIERS.map((t) => ({ key: t, name: t.toLowerCase() })))
        : note('Tier mix', 'No decisions in this period yet.'),
      accuracy.length ? stacked('Accuracy per label: what people said', accuracy.map(([l, v]) => ({ label: `${l} ${percent(v.accuracy)}`,
        parts: [{ key: 'confirmed', value: v.confirmed }, { key: 'corrected', value: v.corrected }, { key: 'rejected', value: v.rejected }] })),
        [{ key: 'confirmed', name: 'confirmed' }, { key: 'corrected', name: 'corrected' }, { key: 'rejected', name: 'rejected' }])
        : note('Accuracy', 'Nobody has confirmed or corrected a decision in this period, so accuracy cannot be measured yet. '
          + 'Confirm or correct labels on a ticket, or approve/reject in Confirmations.'),
      x.timeToTriage.count ? bars(`Time to triage (${x.timeToTriage.count} tickets; P50 ${seconds(x.timeToTriage.p50Ms)}, P95 ${seconds(x.timeToTriage.p95Ms)})`,
        buckets.map((b, i) => ({ label: bucketName(b.leSeconds, buckets[i - 1]?.leSeconds), value: b.count })), 'tickets')
        : note('Time to triage', 'No ticket of this period has been triaged yet.'),
      stacked('SLA risk of the period\'s tickets', [{ label: 'tickets', parts: [{ key: 'at-risk', value: x.sla.atRisk },
        { key: 'on-track', value: x.sla.onTrack }, { key: 'untriaged', value: x.sla.untriaged }] }],
        [{ key: 'at-risk', name: 'at risk' }, { key: 'on-track', name: 'on track' }, { key: 'untriaged', name: 'not triaged yet' }]),
      x.titans.length ? stacked('Titan votes (agreed with the decision / not)', x.titans.map((t) => ({ label: t.titanId,
        parts: [{ key: 'agreed', value: t.agreed }, { key: 'disagreed', value: t.votes - t.agreed }] })),
        [{ key: 'agreed', name: 'agreed' }, { key: 'disagreed', name: 'disagreed' }])
        : note('Titan votes', 'No titan has voted in this period (cold start: no model yet).'),
      cost(x)));
}

function kpi(name: string, value: string): HTMLElement {
  return h('div', { class: 'kpi' }, h('div', { class: 'kpi-value' }, value), h('div', { class: 'kpi-name' }, name));
}

function note(title: string, text: string): HTMLElement {
  return h('figure', { class: 'chart' }, h('figcaption', {}, title), h('p', { class: 'hint' }, text));
}

function cost(x: Insights): HTMLElement {
  if (!x.cost.length) {
    return note('External titan cost', 'No external titan (GPT, Claude, Gemini, Grok, Augment) was called since the server '
      + 'started: the local titan costs nothing. Usage is counted in memory and starts again at each restart.');
  }
  const total = x.cost.reduce((a, c) => a + c.costUsd, 0);
  return h('div', {}, bars(`External titan cost (USD ${total.toFixed(2)} since the server started)`,
    x.cost.map((c) => ({ label: `${c.titanId} ${c.model}`, value: Math.round(c.costUsd * 100) / 100 })), 'USD'),
  h('p', { class: 'hint' }, x.cost.map((c) => `${c.titanId} (${c.model}): ${c.calls} calls, ${c.inputTokens + c.outputTokens} tokens`).join('; ')));
}
