import { api, ApiError, type Me } from '../api';
import { h } from '../dom';

/** The sign-in form: tenant, e-mail, password. The tenant is remembered (it is not a secret). */
export function signIn(root: HTMLElement, done: (me: Me) => void): void {
  const error = h('p', { class: 'error', role: 'alert', id: 'signin-error' });
  const tenant = h('input', { id: 'tenant', name: 'tenant', autocomplete: 'organization', required: true,
    value: localStorage.getItem('omega.tenant') ?? '' });
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'signin', 'aria-describedby': 'signin-error' },
    h('h1', {}, 'Sign in to OMEGA'),
    h('div', { class: 'field' }, h('label', { for: 'tenant' }, 'Organisation (tenant)'), tenant),
    h('div', { class: 'field' }, h('label', { for: 'email' }, 'E-mail'), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'), password),
    error, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      const me = await api.login(tenant.value.trim(), email.value.trim(), password.value);
      localStorage.setItem('omega.tenant', tenant.value.trim());
      done(me);
    } catch (err) {
      error.textContent = err instanceof ApiError && err.status === 401
        ? 'The organisation, e-mail or password is wrong.' : `Sign-in failed: ${(err as Error).message}`;
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  root.replaceChildren(h('main', { id: 'main' }, form));
  (tenant.value ? email : tenant).focus();
  // an OpenID Connect sign-in that came back refused says why (#/signin?error=...)
  const refused = new URLSearchParams(location.hash.split('?')[1] ?? '').get('error');
  if (refused) error.textContent = `Sign-in with your organisation's account failed: ${refused}`;
  api.oidc().then((o) => {
    if (!o.enabled) return;
    form.insertBefore(h('div', { class: 'sso' },
      h('a', { class: 'button', id: 'oidc-sign-in', href: '/api/v1/auth/oidc/login' }, `Sign in with ${o.provider ?? 'your organisation'}`),
      h('p', { class: 'hint' }, 'or with an OMEGA password:')), form.children[1]);
  }).catch(() => {});
}
