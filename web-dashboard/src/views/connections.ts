import { api, ApiError, type Connection } from '../api';
import { announce, h, when } from '../dom';

const PLATFORMS: [string, string][] = [['zendesk', 'Zendesk'], ['servicenow', 'ServiceNow'], ['salesforce', 'Salesforce'],
  ['connectwise', 'ConnectWise PSA'], ['autotask', 'Autotask'], ['kaseya-bms', 'Kaseya BMS']];
const POLLED = new Set(['servicenow', 'connectwise', 'autotask', 'kaseya-bms']);

const errorText = (e: unknown) => (e instanceof ApiError
  ? [e.detail, ...Object.entries(e.errors).map(([k, v]) => `${k}: ${v}`)].join(' — ') : String(e));

/** Platform connections: list, connect (webhook URL and token shown once, secrets write-only), remove. */
export async function connectionsSection(tenant: string): Promise<HTMLElement> {
  const list = h('tbody', { id: 'connections' });
  const once = h('div', { id: 'connection-created', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', role: 'alert', id: 'connection-error' });
  let connections: Connection[] = [];

  const webhookUrl = (c: Connection) => `${location.origin}/api/${c.webhookPath.replace(/^\/?(api\/)?/, '')}`;
  const render = () => list.replaceChildren(...(connections.length ? connections.map((c) => {
    const remove = h('button', { type: 'button', class: 'secondary danger', 'data-remove': c.platform }, 'Remove');
    let armed = false;
    remove.addEventListener('click', async () => {
      if (!armed) { armed = true; remove.textContent = `Confirm: remove ${c.platform}`; return; }
      try {
        await api.disconnect(tenant, c.platform);
        connections = connections.filter((x) => x.platform !== c.platform);
        render();
        announce(`${c.platform} connection removed; its webhook token no longer works`);
      } catch (e) { error.textContent = errorText(e); }
    });
    return h('tr', { 'data-platform': c.platform },
      h('td', {}, c.platform), h('td', {}, h('code', { class: 'wrap' }, webhookUrl(c))),
      h('td', {}, [c.hasSigningSecret ? 'signing secret' : '', c.hasSecret ? 'API secret' : '', c.hasIntegrationCode ? 'integration code' : '']
        .filter(Boolean).join(', ') || 'none'),
      h('td', {}, c.pollIntervalSeconds ? `every ${c.pollIntervalSeconds} s; last ${when(c.lastPollAt)}` : 'webhooks only',
        c.lastPollError ? h('div', { class: 'error' }, c.lastPollError) : null),
      h('td', {}, remove));
  }) : [h('tr', {}, h('td', { colspan: 5 }, 'No platform is connected yet: connect the PSA or helpdesk your technicians work in below.'))]));

  const field = (id: string, text: string, attrs: Record<string, string | boolean> = {}, hint?: string) =>
    h('div', { class: 'field' }, h('label', { for: id }, text),
      h('input', { id, name: id.replace(/^conn-/, ''), autocomplete: 'off', 'aria-describedby': hint ? `${id}-hint` : undefined, ...attrs }),
      hint ? h('div', { class: 'hint', id: `${id}-hint` }, hint) : null);
  const platform = h('select', { id: 'conn-platform', name: 'platform' }, ...PLATFORMS.map(([v, t]) => h('option', { value: v }, t)));
  const polling = h('fieldset', { class: 'polling' }, h('legend', {}, 'Polling (optional: webhooks need none of this)'),
    field('conn-baseUrl', 'API base URL', { type: 'url' }),
    field('conn-username', 'User name / public key'),
    field('conn-secret', 'Password / API secret', { type: 'password' }, 'Write-only: OMEGA never shows it again.'),
    field('conn-company', 'Company (ConnectWise, Kaseya BMS)'),
    field('conn-clientId', 'Client id (ConnectWise)'),
    field('conn-integrationCode', 'Integration code (Autotask)', { type: 'password' }),
    field('conn-pollIntervalSeconds', 'Poll every (seconds, 0 = never)', { type: 'number', min: '0', value: '0' }));
  const form = h('form', { class: 'panel', 'aria-labelledby': 'h-connect' }, h('h3', { id: 'h-connect' }, 'Connect a platform'),
    h('div', { class: 'toolbar' }, h('div', { class: 'field' }, h('label', { for: 'conn-platform' }, 'Platform'), platform),
      field('conn-signingSecret', 'Signing secret', { type: 'password' }, 'Write-only. Zendesk: the webhook\'s signing secret; Autotask: the webhook\'s SecretKey.'),
      field('conn-organizationId', 'Salesforce org id', {}, '15 or 18 characters')),
    polling, h('button', { type: 'submit' }, 'Connect'), error);
  const syncFields = () => {
    polling.hidden = !POLLED.has(platform.value);
    (form.querySelector('#conn-signingSecret') as HTMLElement).parentElement!.hidden = platform.value !== 'zendesk' && platform.value !== 'autotask';
    (form.querySelector('#conn-organizationId') as HTMLElement).parentElement!.hidden = platform.value !== 'salesforce';
  };
  platform.addEventListener('change', syncFields);
  syncFields();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const body: Record<string, string | number> = { platform: platform.value };
    form.querySelectorAll<HTMLInputElement>('input').forEach((i) => {
      if (i.value.trim() && !i.closest('[hidden]')) body[i.name] = i.name === 'pollIntervalSeconds' ? Number(i.value) : i.value.trim();
    });
    try {
      const created = await api.connect(tenant, body);
      connections = [...connections.filter((c) => c.platform !== created.connection.platform), created.connection];
      render();
      form.reset();
      syncFields();
      const token = h('code', { id: 'webhook-token', class: 'wrap' }, created.webhookToken);
      once.replaceChildren(h('div', { class: 'panel notice', role: 'status' },
        h('h3', {}, `${created.connection.platform} connected — copy the token now`),
        h('p', {}, 'Webhook URL: ', h('code', { id: 'webhook-url', class: 'wrap' }, webhookUrl(created.connection))),
        h('p', {}, 'Token (send as X-Omega-Webhook-Token or ?token=): ', token),
        h('p', { class: 'hint' }, 'This is the only time OMEGA shows the token; only its hash is stored. Lost it? Remove the connection and connect again.')));
      token.focus();
      announce(`${created.connection.platform} connected; the webhook token is shown once`);
    } catch (err) { error.textContent = errorText(err); }
  });

  const section = h('section', { 'aria-labelledby': 'h-connections', id: 'setup-connections' },
    h('h2', { id: 'h-connections' }, '1. Platform connections'),
    h('p', { class: 'hint' }, 'Tickets arrive by webhook (every platform) or by polling (ServiceNow, ConnectWise, Autotask, Kaseya BMS). '
      + 'See docs/connectors.md for each platform\'s webhook set-up.'),
    h('table', { 'aria-labelledby': 'h-connections' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Platform'),
      h('th', { scope: 'col' }, 'Webhook URL'), h('th', { scope: 'col' }, 'Secrets set'), h('th', { scope: 'col' }, 'Polling'),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))), list),
    once, form);
  try {
    connections = (await api.connections(tenant)).items;
  } catch (e) { error.textContent = `Connections could not be loaded: ${errorText(e)}`; }
  render();
  return section;
}
