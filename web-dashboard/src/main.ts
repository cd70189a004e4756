// The dashboard's entry: checks the session, then routes #/queue, #/tickets/<id>, #/confirmations, #/insights,
// #/setup inside the signed-in shell. Hash routes need no server-side fallback.
import { api, ApiError, setCsrf, type Me } from './api';
import { h } from './dom';
import { connectLive, disconnectLive } from './live';
import { confirmations } from './views/confirmations';
import { insights } from './views/insights';
import { notFound } from './views/pages';
import { prefetchQueue, queue } from './views/queue';
import { setup } from './views/setup';
import { signIn } from './views/signin';
import { ticket } from './views/ticket';
import type { View } from './views/view';

const root = document.getElementById('app') as HTMLElement;
const routes: { path: RegExp; nav: string; view: View }[] = [
  { path: /^\/queue$/, nav: 'queue', view: queue },
  { path: /^\/tickets\/([^/]+)$/, nav: 'queue', view: ticket },
  { path: /^\/confirmations$/, nav: 'confirmations', view: confirmations },
  { path: /^\/insights$/, nav: 'insights', view: insights },
  { path: /^\/setup$/, nav: 'setup', view: setup },
];

let me: Me | undefined;
let keyHandler: ((e: KeyboardEvent) => boolean) | undefined;
let cleanups: (() => void)[] = [];

function signedIn(who: Me): void {
  me = who;
  setCsrf(who.csrfToken);
  connectLive();
  if (!location.hash || location.hash === '#/' || location.hash === '#/signin') location.hash = '#/queue';
  else void route();
}

function signedOut(): void {
  me = undefined;
  setCsrf(undefined);
  disconnectLive();
  signIn(root, signedIn);
}

async function signOut(): Promise<void> {
  try {
    await api.logout();
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) throw e;
  }
  history.replaceState(null, '', '#/signin');
  signedOut();
}

function shell(nav: string): HTMLElement {
  const link = (key: string, href: string, text: string) =>
    h('a', { href, 'aria-current': key === nav ? 'page' : undefined, 'data-nav': key }, text);
  const main = h('main', { id: 'main', 'data-view': nav });
  root.replaceChildren(h('div', { class: 'shell' },
    h('nav', { class: 'nav', 'aria-label': 'Main' },
      h('div', { class: 'brand' }, 'OMEGA'),
      link('queue', '#/queue', 'Queue'),
      link('confirmations', '#/confirmations', 'Confirmations'),
      link('insights', '#/insights', 'Insights'),
      me?.role === 'admin' ? link('setup', '#/setup', 'Setup') : null,
      h('div', { class: 'who', id: 'who' }, `${me?.email ?? ''} · ${me?.role ?? ''} · ${me?.tenant ?? ''}`),
      h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: () => void signOut() }, 'Sign out')),
    main));
  root.removeAttribute('aria-busy');
  return main;
}

async function route(): Promise<void> {
  if (!me) return;
  cleanups.forEach((c) => c());
  cleanups = [];
  keyHandler = undefined;
  const path = location.hash.replace(/^#/, '').split('?')[0];
  const match = routes.map((r) => ({ r, m: r.path.exec(path) })).find((x) => x.m);
  const main = shell(match?.r.nav ?? '');
  if (!match) {
    notFound(main, 'Page', 'This address is not part of the dashboard.');
  } else {
    try {
      await match.r.view({
        main, me, params: (match.m as RegExpExecArray).slice(1).map(decodeURIComponent),
        onKey: (handler) => { keyHandler = handler; },
        onLeave: (cleanup) => { cleanups.push(cleanup); },
      });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return signedOut();
      throw e;
    }
  }
  // a view may have put the focus somewhere on purpose (e.g. the first label field of #/tickets/<id>?edit)
  if (!main.contains(document.activeElement) || document.activeElement === main) main.querySelector('h1')?.focus();
}

document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  const typing = target.matches('input:not([type=checkbox]):not([type=radio]), select, textarea, [contenteditable]');
  if (typing || e.ctrlKey || e.metaKey || e.altKey || !keyHandler) return;
  if (keyHandler(e)) e.preventDefault();
});
document.querySelector('.skip')?.addEventListener('click', (e) => {
  e.preventDefault();
  (document.querySelector('main h1, main') as HTMLElement | null)?.focus();
});
window.addEventListener('hashchange', () => void route());
window.addEventListener('unhandledrejection', (e) => {
  if (e.reason instanceof ApiError && e.reason.status === 401) signedOut();
});

// the queue is the usual first page: ask for its tickets while the session is being checked
if (!location.hash || location.hash.startsWith('#/queue') || location.hash === '#/') prefetchQueue();
api.me().then((who) => (who.method === 'session' ? signedIn(who) : signedOut())).catch((e) => {
  if (e instanceof ApiError && e.status === 401) signedOut();
  else root.replaceChildren(h('p', { class: 'error', role: 'alert' }, `OMEGA is not reachable: ${(e as Error).message}`));
});
