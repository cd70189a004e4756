import { api, ApiError, type User } from '../api';
import { announce, h, when } from '../dom';
import { connectionsSection } from './connections';
import { historySection } from './history-import';
import { modelsSection } from './models';
import { failed, forbidden } from './pages';
import { heading, type View } from './view';

/**
 * Admin setup, in the order a new MSP needs it: connect a platform, import history, check the models, add users.
 * Technicians and leads get a clear "needs the admin role" page (the API answers them 403 as well).
 */
export const setup: View = async ({ main, me }) => {
  if (me.role !== 'admin') return forbidden(main, 'Setup', `You are signed in as ${me.role ?? 'a machine credential'}.`);
  let users: User[];
  try {
    users = await api.users();
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return forbidden(main, 'Setup', e.detail);
    return failed(main, `Users could not be loaded: ${(e as Error).message}`);
  }
  const list = h('tbody', { id: 'users' });
  const render = () => list.replaceChildren(...users.map((u) =>
    h('tr', { 'data-email': u.email }, h('td', {}, u.email), h('td', {}, u.role), h('td', {}, when(u.createdAt)))));
  render();

  const email = h('input', { id: 'new-email', type: 'email', required: true, autocomplete: 'off' });
  const role = h('select', { id: 'new-role' }, ...['technician', 'lead', 'admin'].map((r) => h('option', { value: r }, r)));
  const password = h('input', { id: 'new-password', type: 'password', required: true, minlength: 12, autocomplete: 'new-password',
    'aria-describedby': 'pw-hint' });
  const error = h('p', { class: 'error', role: 'alert', id: 'new-user-error' });
  const form = h('form', { 'aria-labelledby': 'h-new-user', class: 'panel' },
    h('h2', { id: 'h-new-user' }, 'Add a user'),
    h('div', { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: 'new-email' }, 'E-mail'), email),
      h('div', { class: 'field' }, h('label', { for: 'new-role' }, 'Role'), role),
      h('div', { class: 'field' }, h('label', { for: 'new-password' }, 'Initial password'), password),
      h('button', { type: 'submit' }, 'Add user')),
    h('p', { class: 'hint', id: 'pw-hint' }, 'At least 12 characters. Technicians work tickets, leads also oversee queues, admins manage users.'),
    error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      const u = await api.createUser(email.value.trim(), role.value, password.value);
      users = [...users, u].sort((a, b) => a.email.localeCompare(b.email));
      render();
      announce(`${u.email} added as ${u.role}`);
      form.reset();
      email.focus();
    } catch (err) {
      error.textContent = err instanceof ApiError
        ? [err.detail, ...Object.entries(err.errors).map(([k, v]) => `${k}: ${v}`)].join(' — ') : String(err);
    }
  });

  const [connections, models] = await Promise.all([connectionsSection(me.tenant), modelsSection()]);
  main.append(heading('Setup'),
    h('nav', { 'aria-label': 'Setup sections', class: 'toc' }, jump('setup-connections', 'Connections'), ' · ',
      jump('setup-history', 'History import'), ' · ', jump('setup-models', 'Models'), ' · ', jump('setup-users', 'Users and roles')),
    connections, historySection(), models,
    h('section', { 'aria-labelledby': 'h-users', id: 'setup-users' }, h('h2', { id: 'h-users' }, '4. Users and roles'),
      h('table', { 'aria-labelledby': 'h-users' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'E-mail'),
        h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Added'))), list),
      form));
};

/** An in-page link that leaves the hash route alone: scrolls to the section and moves focus to its heading. */
function jump(id: string, text: string): HTMLElement {
  return h('a', { href: '#/setup', onclick: (e: Event) => {
    e.preventDefault();
    const heading = document.querySelector<HTMLElement>(`#${id} h2`);
    if (heading) { heading.tabIndex = -1; heading.scrollIntoView(); heading.focus(); }
  } }, text);
}
