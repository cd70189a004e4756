import { h } from '../dom';
import { heading } from './view';

const DOCS = 'the OMEGA repository';

/** An explanatory empty state: what is missing, why, and what to do next. */
export function emptyState(title: string, ...lines: (string | Node)[]): HTMLElement {
  return h('section', { class: 'empty', 'aria-label': title }, h('h2', {}, title), ...lines.map((l) => h('p', {}, l)));
}

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
  'Connect your PSA or helpdesk (Zendesk, ServiceNow, Salesforce, ConnectWise PSA, Autotask, Kaseya BMS) in ',
  h('a', { href: '#/setup' }, 'Setup'), ' (admins; how each platform sends webhooks: ', h('code', {}, 'docs/connectors.md'),
  ` in ${DOCS}). Or send tickets directly with `, h('code', {}, 'POST /api/v1/tickets'), ' and your tenant API key.');

export const importHint = (): HTMLElement => h('span', {},
  'Then import your ticket history (Setup → History import, admins) so OMEGA learns your categories, queues and '
    + 'resolutions: until a model is trained, every label is left to your technicians.');
