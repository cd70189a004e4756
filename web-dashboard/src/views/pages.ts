import { h } from '../dom';
import { heading, type View } from './view';

const DOCS = 'the OMEGA repository';

/** An explanatory empty state: what is missing, why, and what to do next. */
export function emptyState(title: string, ...lines: (string | Node)[]): HTMLElement {
  return h('section', { class: 'empty', 'aria-label': title }, h('h2', {}, title), ...lines.map((l) => h('p', {}, l)));
}

export const confirmations: View = ({ main }) => {
  main.append(heading('Confirmations'), emptyState('Nothing waits for your confirmation',
    'When OMEGA proposes an automatic action — for example resolving a password-reset ticket — it will wait here '
      + 'until a person confirms or rejects it. Nothing is executed without that step.',
    'Automatic actions are not produced yet: they need triage decisions, which arrive with the classification stage.'));
};

export const insights: View = ({ main }) => {
  main.append(heading('Insights'), emptyState('No insights yet',
    'Insights — how often OMEGA\'s categories and priorities were right, SLA risk, volumes by client — are computed '
      + 'from triage decisions and technicians\' corrections.',
    'OMEGA has made no triage decisions yet, so there is nothing honest to show. This page fills once tickets are classified.'));
};

export function forbidden(main: HTMLElement, what: string, detail: string): void {
  main.append(heading('Not allowed'), h('section', { class: 'empty', role: 'alert', 'data-page': 'forbidden' },
    h('h2', {}, `${what} needs the admin role`),
    h('p', {}, detail || 'Your role does not allow this page.'),
    h('p', {}, 'Ask an admin of your organisation to change your role, or go back to the ', h('a', { href: '#/queue' }, 'queue'), '.')));
}

export function notFound(main: HTMLElement, what: string, detail: string): void {
  main.append(heading(`${what} not found`), h('section', { class: 'empty', role: 'alert', 'data-page': 'not-found' },
    h('h2', {}, 'There is nothing here'),
    h('p', {}, detail || 'The address may be mistyped, or it belongs to another organisation.'),
    h('p', {}, 'Go back to the ', h('a', { href: '#/queue' }, 'queue'), '.')));
}

export function failed(main: HTMLElement, message: string): void {
  main.append(h('p', { class: 'error', role: 'alert' }, message));
}

export const connectHint = (): HTMLElement => h('span', {},
  'Connect your PSA or helpdesk (Zendesk, ServiceNow, Salesforce, ConnectWise PSA, Autotask, Kaseya BMS): see ',
  h('code', {}, 'docs/connectors.md'), ` in ${DOCS}. Or send tickets directly with `, h('code', {}, 'POST /api/v1/tickets'),
  ' and your tenant API key (README, "Quick start").');

export const importHint = (): HTMLElement => h('span', {},
  'Importing your ticket history (so OMEGA can learn from past resolutions) is not available yet; the README\'s '
    + '"What exists today" section tracks it.');
