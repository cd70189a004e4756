import { api, ApiError, type User } from '../api';
import { announce, h, when } from '../dom';
import { connectHint, emptyState, failed, forbidden, importHint } from './pages';
import { heading, type View } from './view';

/** Admin setup: the organisation's users and roles, and what to connect next. */
export const setup: View = async ({ main }) => {
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

  main.append(heading('Setup'),
    h('section', { 'aria-labelledby': 'h-users' }, h('h2', { id: 'h-users' }, 'Users and roles'),
      h('table', { 'aria-labelledby': 'h-users' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'E-mail'),
        h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Added'))), list)),
    form,
    h('section', { 'aria-labelledby': 'h-next' }, h('h2', { id: 'h-next' }, 'Next steps'),
      emptyState('Connect a platform', connectHint(), importHint())));
};
