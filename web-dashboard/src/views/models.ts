import { api, ApiError, TIERS, type Evaluation, type ModelsOverview } from '../api';
import { announce, h, percent, when } from '../dom';
import { reliability } from './charts';
import { emptyState } from './pages';

/** The tenant's models and, on request, their cross-validated evaluation with a reliability chart per label. */
export async function modelsSection(): Promise<HTMLElement> {
  const overview = h('div', { id: 'models-overview' });
  const report = h('div', { id: 'evaluation', 'aria-live': 'polite' });
  const run = h('button', { type: 'button', id: 'evaluate' }, 'Evaluate the models (5-fold)');
  const section = h('section', { 'aria-labelledby': 'h-models', id: 'setup-models' },
    h('h2', { id: 'h-models' }, '3. Models and their evaluation'), overview, run, report);
  let models: ModelsOverview | undefined;
  try {
    models = await api.models();
  } catch (e) {
    overview.append(h('p', { class: 'error' }, `Models could not be loaded: ${(e as Error).message}`));
  }
  if (models) overview.append(modelsTable(models));
  run.hidden = !models?.models.length;
  run.addEventListener('click', async () => {
    run.disabled = true;
    report.replaceChildren(h('p', { class: 'hint' }, 'Cross-validating on your labelled history — this can take a minute…'));
    try {
      const evaluations = await api.evaluate(5);
      report.replaceChildren(...evaluations.map(evaluationCard));
      announce(`Evaluation done for ${evaluations.map((x) => x.label).join(', ')}`);
    } catch (e) {
      report.replaceChildren(h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.detail : String(e)));
    } finally {
      run.disabled = false;
    }
  });
  return section;
}

function modelsTable(m: ModelsOverview): HTMLElement {
  if (!m.models.length) {
    return emptyState('No model yet', `OMEGA has ${m.examples} labelled example${m.examples === 1 ? '' : 's'}${m.training ? ' and is training now' : ''}. `
      + 'Import your ticket history above; a model per label is trained from it in the background, and every new '
      + 'ticket is then decided with it.', m.lastTrainingError ? `Last training error: ${m.lastTrainingError}` : '');
  }
  return h('div', {}, h('p', { class: 'hint' }, `${m.examples} labelled examples; ${m.trainingsCompleted} trainings completed`
    + `${m.training ? '; training now' : ''}.`),
  h('table', { 'aria-label': 'Current models' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Label'),
    h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, 'Trained'), h('th', { scope: 'col' }, 'Examples'),
    h('th', { scope: 'col', class: 'hide-narrow' }, 'Values'))),
  h('tbody', {}, ...m.models.map((x) => h('tr', { 'data-label': x.label }, h('td', {}, x.label), h('td', {}, h('code', {}, x.version)),
    h('td', {}, when(x.trainedAt)), h('td', {}, String(x.trainingSize)), h('td', { class: 'hide-narrow' }, x.values.join(', ')))))));
}

function evaluationCard(e: Evaluation): HTMLElement {
  return h('article', { class: 'panel evaluation', 'data-label': e.label },
    h('h3', {}, `${e.label}: accuracy ${percent(e.accuracy, 1)}, macro-F1 ${e.macroF1.toFixed(3)}, ECE ${e.ece.toFixed(3)}`),
    h('p', { class: 'hint' }, `${e.folds}-fold cross-validation on ${e.size} examples: every example predicted by a model trained without it.`),
    h('div', { class: 'charts' },
      reliability(`Reliability of ${e.label}`, e.reliability),
      h('div', {},
        h('table', { 'aria-label': `Tiers of ${e.label}` }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tier'),
          h('th', { scope: 'col' }, 'Share of tickets'), h('th', { scope: 'col' }, 'Precision'))),
        h('tbody', {}, ...TIERS.filter((t) => e.tiers[t]).map((t) => h('tr', {}, h('td', {}, t.toLowerCase()),
          h('td', {}, percent(e.tiers[t]!.coverage, 1)), h('td', {}, e.tiers[t]!.count ? percent(e.tiers[t]!.precision, 1) : '—'))))),
        h('table', { 'aria-label': `Values of ${e.label}` }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Value'),
          h('th', { scope: 'col' }, 'Support'), h('th', { scope: 'col' }, 'Precision'), h('th', { scope: 'col' }, 'Recall'),
          h('th', { scope: 'col' }, 'F1'))),
        h('tbody', {}, ...Object.entries(e.perValue).map(([v, q]) => h('tr', {}, h('td', {}, v), h('td', {}, String(q.support)),
          h('td', {}, q.precision.toFixed(2)), h('td', {}, q.recall.toFixed(2)), h('td', {}, q.f1.toFixed(2)))))))));
}
