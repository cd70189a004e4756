import { api, ApiError, type Decision, type ModelsOverview, type Ticket } from '../api';
import { announce, append, h, meter, percent, tierBadge } from '../dom';
import { emptyState } from './pages';

export interface DecisionPanel { el: HTMLElement; confirm(): void; edit(): void; editing(): boolean }

const valueText = (v: string | null | undefined) => v ?? 'undecided';

/**
 * The decision per label (value, confidence, tier, alternatives, agreeing titans) and the one-action feedback:
 * "Confirm all" (c) sends every decided value as confirmed; "Edit labels" (e) turns the values into fields and
 * "Save" sends them all at once: unchanged ones confirm, changed ones correct.
 */
export function decisionPanel(t: Ticket, models: ModelsOverview | undefined, saved: () => void): DecisionPanel {
  const el = h('section', { 'aria-labelledby': 'h-decision', id: 'decision', class: 'panel' });
  const d = t.decision;
  let editing = false;
  if (!d) {
    el.append(h('h2', { id: 'h-decision' }, 'Triage decision'), emptyState('Not triaged yet',
      'OMEGA decides a ticket moments after it arrives: category, priority, queue and assignee with their confidence. '
        + 'This page updates by itself when the decision is there.'));
    return { el, confirm: () => {}, edit: () => {}, editing: () => false };
  }
  const labels = Object.keys(d.labels);
  const feedback = d.feedback ?? {};
  const decided = labels.filter((l) => d.labels[l].value);
  const message = h('p', { id: 'feedback-message', role: 'status', class: 'hint' });
  const inputs = new Map<string, HTMLInputElement>();

  const valuesOf = (label: string) => {
    const known = new Set<string>(models?.models.find((m) => m.label === label)?.values ?? []);
    const l = d.labels[label];
    if (l.value) known.add(l.value);
    (l.alternatives ?? []).forEach((a) => known.add(a.value));
    if (feedback[label]) known.add(feedback[label]);
    return [...known].sort();
  };
  const rows = h('tbody');
  const render = () => rows.replaceChildren(...labels.map((name) => {
    const l = d.labels[name];
    const given = feedback[name];
    let value: Node = h('strong', {}, valueText(l.value));
    if (editing) {
      const input = h('input', { id: `label-${name}`, name, list: `values-${name}`, value: given ?? l.value ?? '',
        autocomplete: 'off', 'aria-label': `${name} value`, required: true });
      inputs.set(name, input);
      value = h('span', {}, input, h('datalist', { id: `values-${name}` }, ...valuesOf(name).map((v) => h('option', { value: v }))));
    }
    return h('tr', { 'data-label': name, 'data-tier': l.tier },
      h('th', { scope: 'row' }, name),
      h('td', { class: 'value' }, value, l.reason ? h('div', { class: 'hint' }, l.reason) : null),
      h('td', {}, l.value ? meter(l.confidence, `${name} confidence`) : '—'),
      h('td', {}, tierBadge(l.tier)),
      h('td', { class: 'hide-narrow' }, (l.alternatives ?? []).filter((a) => a.value !== l.value && a.confidence >= 0.01).slice(0, 3)
        .map((a) => `${a.value} ${percent(a.confidence)}`).join(', ') || 'none above 1 %'),
      h('td', { class: 'hide-narrow' }, (l.titans ?? []).join(', ') || '—'),
      h('td', { class: 'given', 'data-given': given ?? '' }, given ? (given === l.value ? `✓ confirmed` : `✎ ${given}`) : '—'));
  }));

  const confirmButton = h('button', { type: 'button', id: 'confirm-all', 'aria-keyshortcuts': 'c' }, 'Confirm all');
  const editButton = h('button', { type: 'button', class: 'secondary', id: 'edit-labels', 'aria-keyshortcuts': 'e' }, 'Edit labels');
  const saveButton = h('button', { type: 'submit', id: 'save-labels' }, 'Save labels');
  const cancelButton = h('button', { type: 'button', class: 'secondary', id: 'cancel-edit' }, 'Cancel');
  const actions = h('div', { class: 'toolbar actions' });
  const form = h('form', { 'aria-labelledby': 'h-decision', id: 'decision-form' },
    h('table', { class: 'labels', 'aria-describedby': 'decision-meta' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Label'), h('th', { scope: 'col' }, 'Decision'),
        h('th', { scope: 'col' }, 'Confidence'), h('th', { scope: 'col' }, 'Tier'),
        h('th', { scope: 'col', class: 'hide-narrow' }, 'Alternatives'), h('th', { scope: 'col', class: 'hide-narrow' }, 'Titans agreeing'),
        h('th', { scope: 'col' }, 'Feedback'))), rows),
    actions, message);

  const send = async (values: Record<string, string>) => {
    saveButton.disabled = confirmButton.disabled = true;
    try {
      const r = await api.feedback(t.id, values);
      const parts = Object.entries(r.confirmed).map(([k, ok]) => `${k} ${ok ? 'confirmed' : 'corrected'}`);
      announce(`Feedback saved: ${parts.join(', ')}`);
      saved();
    } catch (e) {
      message.textContent = e instanceof ApiError
        ? [e.detail, ...Object.entries(e.errors).map(([k, v]) => `${k}: ${v}`)].join(' — ') : String(e);
      message.className = 'error';
      saveButton.disabled = confirmButton.disabled = false;
    }
  };
  const setEditing = (on: boolean) => {
    editing = on;
    inputs.clear();
    render();
    actions.replaceChildren(...(on ? [saveButton, cancelButton,
      h('span', { class: 'hint' }, 'Unchanged values count as confirmed, changed ones as corrections.')]
      : [confirmButton, editButton, h('span', { class: 'hint' }, h('kbd', {}, 'c'), ' confirms all, ', h('kbd', {}, 'e'), ' edits')]));
    if (on) inputs.values().next().value?.focus();
  };
  const confirm = () => {
    if (!decided.length || editing) return;
    void send(Object.fromEntries(decided.map((l) => [l, d.labels[l].value as string])));
  };
  confirmButton.disabled = !decided.length;
  confirmButton.title = decided.length ? 'Confirm every decided label' : 'Nothing was decided: edit the labels instead';
  confirmButton.addEventListener('click', confirm);
  editButton.addEventListener('click', () => setEditing(true));
  cancelButton.addEventListener('click', () => { setEditing(false); editButton.focus(); });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = Object.fromEntries([...inputs].map(([k, i]) => [k, i.value.trim()]).filter(([, v]) => v));
    if (Object.keys(values).length) void send(values);
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && editing) { e.preventDefault(); e.stopPropagation(); setEditing(false); editButton.focus(); }
  });

  append(el, h('h2', { id: 'h-decision' }, 'Triage decision'),
    d.coldStart ? h('p', { class: 'notice', id: 'cold-start' }, 'Cold start: OMEGA has no model for your organisation yet, so '
      + 'every label waits for you. An admin can import your ticket history in Setup so OMEGA learns from it.') : null,
    h('p', { class: 'hint', id: 'decision-meta' }, `Decided ${new Date(d.decidedAt).toLocaleString()} for version ${d.ticketVersion}.`),
    form);
  setEditing(false);
  return { el, confirm, edit: () => setEditing(true), editing: () => editing };
}

/** The SLA risk as the decision assessed it. */
export function slaLine(d: Decision | null | undefined): HTMLElement {
  const r = d?.slaRisk;
  if (!r) return h('span', {}, 'not assessed yet');
  return h('span', {}, h('span', { class: 'badge sla', 'data-risk': r.atRisk ? 'at-risk' : 'on-track' }, r.atRisk ? 'at risk' : 'on track'),
    ` due ${r.dueAt ? new Date(r.dueAt).toLocaleString() : 'unknown'}, expected handling ${r.expectedHandlingMinutes} min`,
    h('div', { class: 'hint' }, r.basis));
}
