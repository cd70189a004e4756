// End-to-end journey through the dashboard with Playwright (playwright-core, no browser download) driving the
// machine's Chromium against a running OMEGA whose tenant has trained models (DashboardIT trains it first). Prints
// "PASS <step>" per step and "E2E OK" at the end; exits 1 on the first failure. Used by modules/app's DashboardIT;
// runnable by hand:
//   node web-dashboard/e2e/run.mjs http://localhost:9080 --key=<demo API key> --tenant=demo \
//     --admin-email=admin@demo.local --admin-password=<password> --foreign-ticket=<another tenant's ticket id> \
//     [--screenshots=docs/screenshots] [--failures=<dir for failure screenshots>] [--chromium=/usr/bin/chromium]
// Screenshots of the views are written only with --screenshots (DashboardIT passes it only when asked to, see
// web-dashboard/README.md), so ordinary test runs leave the tracked files alone.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, ...rest] = process.argv.slice(2);
const opt = Object.fromEntries(rest.map((a) => a.replace(/^--/, '').split(/=(.*)/s).slice(0, 2)));
for (const k of ['key', 'tenant', 'admin-email', 'admin-password', 'foreign-ticket']) {
  if (!base || !opt[k]) {
    console.error(`usage: run.mjs <baseUrl> --key= --tenant= --admin-email= --admin-password= --foreign-ticket= (missing ${k})`);
    process.exit(2);
  }
}
const shots = opt.screenshots;
const failures = opt.failures ?? shots;
for (const d of [shots, failures]) if (d) mkdirSync(d, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'omega-e2e-'));
const run = Date.now().toString(36);

const context = await chromium.launchPersistentContext(profile, {
  executablePath: opt.chromium || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(20000);
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));

const step = async (name, fn) => {
  try {
    await fn();
    console.log(`PASS ${name}`);
  } catch (e) {
    console.log(`FAIL ${name}: ${e?.stack ?? e}`);
    if (failures) await page.screenshot({ path: join(failures, `failure-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
    throw e;
  }
};
const expect = (cond, message) => { if (!cond) throw new Error(message); };
const shot = async (name) => { if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true }); };
const text = (sel) => page.locator(sel).first().innerText();
const api = async (method, path, body) => {
  const res = await fetch(`${base}/api/${path}`, {
    method, headers: { Authorization: `Bearer ${opt.key}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: res.status === 204 ? undefined : await res.json() };
};
const postTicket = async (externalId, title, body, client = 'Acme Dental') => {
  const r = await api('POST', 'v1/tickets', { externalId, source: 'zendesk', title, client, requester: 'ann.lee@example.com',
    body, priority: 'P2', createdAt: new Date().toISOString() });
  expect(r.status === 202, `POST /api/v1/tickets answered ${r.status}`);
  return r.json.id;
};
const triaged = async (id) => {
  for (let i = 0; i < 200; i++) {
    const t = (await api('GET', `v1/tickets/${id}`)).json;
    if (t.status === 'TRIAGED') return t;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`ticket ${id} was not triaged within 30 s`);
};
/** Every form control of the page has an accessible name (label, aria-label or aria-labelledby). */
const unlabelled = () => page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
  .filter((el) => el.type !== 'hidden' && !el.closest('[hidden]'))
  .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
  .map((el) => el.id || el.name || el.outerHTML.slice(0, 60)));
/** axe-core's WCAG 2.x A/AA rules (contrast, names, landmarks, ARIA) on the current page; evaluate() is not
 * bound by the page's CSP, so the audit script needs no exception in it. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const audit = async (what) => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  })).violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  expect(violations.length === 0, `accessibility violations on ${what}: ${violations.join('; ')}`);
};
const noOverflow = async (what) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow <= 0, `${what} overflows horizontally by ${overflow}px`);
};
const signIn = async (email, password) => {
  await page.fill('#tenant', opt.tenant);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.press('#password', 'Enter');
};

try {
  await step('sign-in page with labelled fields', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('form.signin');
    expect((await unlabelled()).length === 0, `unlabelled fields: ${await unlabelled()}`);
    const oidc = await (await fetch(`${base}/api/v1/auth/oidc`)).json();
    if (oidc.enabled) { // OpenID Connect configured: the provider's button leads to OMEGA's login redirect
      await page.waitForSelector('#oidc-sign-in[href="/api/v1/auth/oidc/login"]');
    }
    await audit('the sign-in page');
    await shot('signin');
  });

  await step('a wrong password is refused', async () => {
    await signIn(opt['admin-email'], 'not-the-password');
    await page.waitForFunction(() => document.querySelector('#signin-error')?.textContent?.includes('wrong'));
  });

  await step('admin signs in: the live queue, an empty state that says what to do', async () => {
    await signIn(opt['admin-email'], opt['admin-password']);
    await page.waitForSelector('main[data-view="queue"] h1');
    await page.waitForSelector('body[data-live="open"]');
    await page.waitForSelector('main[data-loaded="true"]');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5000 }); // focus starts at the heading
    expect((await unlabelled()).length === 0, `unlabelled queue controls: ${await unlabelled()}`);
    if (await page.locator('.empty').count()) {
      expect((await text('.empty')).includes('Setup'), 'the empty queue does not point to Setup');
      await audit('the empty queue');
      await shot('queue-empty');
    }
  });

  await step('empty confirmations and insights explain themselves', async () => {
    await page.click('a[data-nav="confirmations"]');
    await page.waitForSelector('main[data-view="confirmations"][data-loaded="true"]');
    if (await page.locator('.empty').count()) await shot('confirmations-empty');
    await page.click('a[data-nav="insights"]');
    await page.waitForSelector('main[data-view="insights"][data-loaded="true"]');
    if (await page.locator('.empty').count()) await shot('insights-empty');
    await page.click('a[data-nav="queue"]');
    await page.waitForSelector('main[data-view="queue"][data-loaded="true"]');
  });

  let outlook;
  let vpn;
  let printer;
  await step('tickets posted with the API key appear live and move on to TRIAGED live', async () => {
    const t0 = Date.now();
    outlook = await postTicket(`E2E-${run}-1`, 'Outlook keeps asking for the password',
      'Outlook shows a password prompt again and again even after typing it. The mailbox is on Exchange online.');
    await page.waitForSelector(`tr[data-id="${outlook}"]`, { timeout: 5000 });
    console.log(`INFO first ticket visible ${Date.now() - t0} ms after its POST started`);
    vpn = await postTicket(`E2E-${run}-2`, 'VPN keeps disconnecting at the branch',
      'The VPN connection drops every few minutes and users lose their sessions. Ping to the gateway times out.');
    printer = await postTicket(`E2E-${run}-3`, 'Printer offline on reception',
      'The printer shows offline in Windows although it is switched on.', `Globex ${run}`);
    for (const id of [outlook, vpn, printer]) {
      await page.waitForSelector(`tr[data-id="${id}"] [data-status="TRIAGED"]`, { timeout: 30000 });
      await page.waitForSelector(`tr[data-id="${id}"] [data-tier]:not([data-tier="none"])`);
    }
    await page.waitForTimeout(2100); // let the arrival highlight fade before the screenshot
    await audit('the queue');
    await shot('queue');
  });

  await step('queue filters: tier, client and sorting by SLA risk', async () => {
    const rows = () => page.locator('#queue tbody tr').evaluateAll((r) => r.map((x) => x.dataset.id));
    const shown = (f) => page.waitForSelector(`main[data-filter="${f}"]`);
    await page.selectOption('#client-filter', `Globex ${run}`); // offered since the ticket arrived live
    await shown(new URLSearchParams({ client: `Globex ${run}` }).toString());
    expect(JSON.stringify(await rows()) === JSON.stringify([printer]), `client filter shows ${await rows()}`);
    await page.selectOption('#client-filter', '');
    await shown('');
    const tier = await page.getAttribute(`tr[data-id="${vpn}"] [data-tier]`, 'data-tier');
    await page.selectOption('#tier-filter', tier);
    await shown(`tier=${tier}`);
    expect((await rows()).includes(vpn), 'the tier filter hid the ticket of that tier');
    expect(await page.locator('#queue tbody [data-tier]').evaluateAll((b, t) => b.every((x) => x.dataset.tier === t), tier),
      'the tier filter let other tiers through');
    await page.selectOption('#tier-filter', '');
    await shown('');
    await page.selectOption('#sort', 'sla-risk');
    await shown('sort=sla-risk');
    const risks = await page.locator('#queue tbody tr').evaluateAll((r) => r.map((x) => x.querySelector('[data-risk]')?.dataset.risk ?? 'z'));
    expect(risks.join() === [...risks].sort().join(), `not sorted by SLA risk: ${risks}`); // at-risk < on-track < untriaged
    await page.selectOption('#sort', '');
    await shown('');
    expect((await rows()).length >= 3, 'the filters were not all cleared');
  });

  await step('keyboard: / searches, j/k move, Enter opens', async () => {
    await (await page.$('main h1')).focus();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id) === 'search', '/ did not focus the search');
    await page.keyboard.type(`E2E-${run}-2`);
    await page.waitForFunction(() => document.querySelectorAll('#queue tbody tr').length === 1);
    await page.keyboard.press('Escape'); // clears the search and leaves it
    await page.waitForFunction(() => document.querySelectorAll('#queue tbody tr').length >= 3);
    expect(await page.evaluate(() => document.activeElement?.tagName) === 'H1', 'Escape did not leave the search');
    const order = await page.locator('#queue tbody tr').evaluateAll((r) => r.map((x) => x.dataset.id));
    const selectedAt = async () => order.indexOf(await page.getAttribute('tr.selected', 'data-id'));
    const start = await selectedAt();
    await page.keyboard.press('j');
    expect(await selectedAt() === Math.min(start + 1, order.length - 1), 'j did not move down');
    await page.keyboard.press('k');
    expect(await selectedAt() === start, 'k did not move up');
    for (let guard = 0; (await selectedAt()) !== order.indexOf(outlook) && guard < order.length; guard++) {
      await page.keyboard.press(order.indexOf(outlook) > (await selectedAt()) ? 'j' : 'k');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/tickets/${outlook}`);
  });

  let corrected;
  await step('ticket view: decision per label, evidence, titans, SLA risk, status history', async () => {
    await page.waitForSelector('#decision table.labels tbody tr');
    expect((await text('main h1')) === 'Outlook keeps asking for the password', 'wrong ticket title');
    expect((await text('#ticket-body')).includes('password prompt'), 'ticket text missing');
    const history = await page.locator('#history li').evaluateAll((li) => li.map((x) => x.dataset.status));
    expect(JSON.stringify(history.slice(0, 3)) === '["RECEIVED","QUEUED_FOR_TRIAGE","TRIAGED"]', `history was ${history}`);
    const labels = await page.locator('#decision tbody tr').evaluateAll((r) => r.map((x) => x.dataset.label));
    expect(labels.includes('category') && labels.includes('queue'), `labels shown: ${labels}`);
    expect(await page.locator('#decision tr[data-label="category"] [data-tier]').count() === 1, 'no tier for category');
    expect(/\d+ %/.test(await text('#decision tr[data-label="category"]')), 'no confidence for category');
    // DashboardIT imported history first, so context memory has similar resolved tickets for the decision
    await page.waitForSelector('#similar [data-memory="present"] li');
    expect((await text('#similar li .resolution')).includes('resolved by the service desk'),
      'a similar past ticket without its resolution');
    expect(await page.locator('#examples tbody tr').count() > 0, 'no nearest training examples');
    expect(await page.locator('#titans tr[data-titan="local"]').count() > 0, 'the local titan vote is missing');
    expect((await text('#ticket-sla')).match(/at risk|on track/), 'no SLA risk');
    expect((await text('#model-versions')).includes('category-'), 'no model version');
    await audit('the ticket view');
    await shot('ticket');
  });

  await step('e edits the labels; one Save corrects the category and the change persists', async () => {
    const t = (await api('GET', `v1/tickets/${outlook}`)).json;
    const models = (await api('GET', 'v1/models')).json;
    const decided = t.decision.labels.category.value;
    corrected = models.models.find((m) => m.label === 'category').values.find((v) => v !== decided);
    await page.keyboard.press('e');
    await page.waitForSelector('#label-category');
    expect(await page.evaluate(() => document.activeElement?.id?.startsWith('label-')), 'e did not focus a label field');
    expect((await unlabelled()).length === 0, `unlabelled edit fields: ${await unlabelled()}`);
    await page.fill('#label-category', corrected);
    await shot('ticket-edit');
    await page.press('#label-category', 'Enter');
    await page.waitForSelector(`#decision tr[data-label="category"] td.given[data-given="${corrected}"]`);
    const after = (await api('GET', `v1/tickets/${outlook}`)).json;
    expect(after.decision.feedback.category === corrected, `API shows feedback ${JSON.stringify(after.decision.feedback)}`);
    expect(after.decision.feedback.queue === t.decision.labels.queue.value, 'the unchanged queue was not confirmed');
    expect(after.history.some((c) => c.detail?.includes(`category=${corrected} (corrected)`)), 'no corrected entry in the history');
    expect(after.decidedCategory === corrected, `the queue's category is ${after.decidedCategory}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector(`main[data-view="queue"] tr[data-id="${outlook}"]`);
    expect((await text(`tr[data-id="${outlook}"]`)).includes(corrected), 'the queue row does not show the correction');
  });

  await step('the queue updates live after feedback given elsewhere', async () => {
    const r = await api('POST', `v1/tickets/${printer}/feedback`, { labels: { category: 'access' } });
    expect(r.status === 200, `feedback answered ${r.status}`);
    await page.waitForFunction((id) => document.querySelector(`tr[data-id="${id}"]`)?.textContent?.includes('access'), printer);
  });

  await step('confirmations: approve the waiting VPN decision; it leaves the list and counts as confirmed', async () => {
    await page.click('a[data-nav="confirmations"]');
    await page.waitForSelector('main[data-view="confirmations"][data-loaded="true"]');
    await page.waitForSelector(`#confirmations tr[data-id="${vpn}"]`);
    expect(await page.locator(`#confirmations tr[data-id="${outlook}"]`).count() === 0, 'a ticket with feedback still waits');
    const waiting = (await api('GET', 'v1/confirmations')).json.items.find((c) => c.ticketId === vpn);
    await page.check(`#confirmations tr[data-id="${vpn}"] input[type=checkbox]`);
    expect((await unlabelled()).length === 0, `unlabelled checkboxes: ${await unlabelled()}`);
    await audit('the confirmations');
    await shot('confirmations');
    await page.click('#approve');
    await page.waitForSelector(`#confirmations tr[data-id="${vpn}"]`, { state: 'detached' });
    await page.waitForFunction(() => document.querySelector('#review-status')?.textContent?.includes('Approved 1'));
    const t = (await api('GET', `v1/tickets/${vpn}`)).json;
    for (const [label, l] of Object.entries(waiting.labels)) {
      expect(t.decision.feedback[label] === l.value, `approved ${label} is not confirmed feedback: ${JSON.stringify(t.decision.feedback)}`);
    }
  });

  await step('insights: charts of volume, tiers, accuracy, time to triage, SLA and titans', async () => {
    await page.click('a[data-nav="insights"]');
    await page.waitForSelector('main[data-view="insights"][data-loaded="true"] .kpis');
    expect(await page.locator('figure.chart svg[role="img"]').count() >= 5, 'fewer than five charts');
    expect((await text('.kpis')).includes('%'), 'no accuracy from the feedback given');
    await audit('the insights');
    await shot('insights');
  });

  const techEmail = `tech-${run}@demo.example`;
  const techPassword = `tech-password-${run}`;
  await step('setup: connect a platform (token shown once, secrets write-only), list and remove it', async () => {
    await page.click('a[data-nav="setup"]');
    await page.waitForSelector('#setup-connections');
    await page.selectOption('#conn-platform', 'zendesk');
    await page.fill('#conn-signingSecret', `zendesk-secret-${run}`);
    await page.click('#setup-connections button[type=submit]');
    await page.waitForSelector('#webhook-token');
    const token = await text('#webhook-token');
    expect(token.length >= 20, 'no webhook token shown');
    expect((await text('#webhook-url')).endsWith('/api/v1/integrations/zendesk/webhook'), 'wrong webhook URL');
    await page.waitForSelector('#connections tr[data-platform="zendesk"]');
    const listed = (await api('GET', `v1/tenants/${opt.tenant}/connections`)).json;
    expect(!JSON.stringify(listed).includes(`zendesk-secret-${run}`) && !JSON.stringify(listed).includes(token), 'a secret came back');
    expect((await unlabelled()).length === 0, `unlabelled setup fields: ${await unlabelled()}`);
    await audit('setup');
    await shot('setup');
    await page.click('#connections [data-remove="zendesk"]');
    await page.click('#connections [data-remove="zendesk"]'); // second click confirms
    await page.waitForSelector('#connections tr[data-platform="zendesk"]', { state: 'detached' });
  });

  await step('setup: history import shows progress and the per-line rejects', async () => {
    const file = join(profile, 'history.ndjson');
    const lines = Array.from({ length: 20 }, (_, i) => JSON.stringify({ externalId: `IMP-${run}-${i}`, title: `Mailbox full ${i}`,
      body: 'The mailbox quota is exceeded and messages bounce.', labels: { category: 'email' }, resolution: 'Archived old mail.' }));
    lines.splice(7, 0, '{"externalId": "no title and no body"}', 'this is not json');
    writeFileSync(file, lines.join('\n') + '\n');
    await page.setInputFiles('#history-file', file);
    await page.click('#history-submit');
    await page.waitForSelector('#history-state[data-status="DONE"]', { timeout: 60000 });
    expect((await text('#history-state')).includes('20 imported, 2 rejected'), `state: ${await text('#history-state')}`);
    expect(await page.locator('#history-rejects tr[data-line="8"]').count() === 1, 'line 8 is not listed as rejected');
    expect(await page.locator('#history-rejects tr[data-line="9"]').count() === 1, 'line 9 is not listed as rejected');
    await shot('setup-history');
  });

  await step('setup: model evaluation with a reliability chart', async () => {
    await page.click('#evaluate');
    await page.waitForSelector('#evaluation article.evaluation[data-label="category"] svg[role="img"]', { timeout: 120000 });
    expect((await text('#evaluation')).includes('accuracy'), 'no accuracy in the report');
    await (await page.$('#setup-models')).scrollIntoViewIfNeeded();
    await shot('setup-models');
  });

  await step('setup: admin creates a technician', async () => {
    await page.waitForSelector(`#users tr[data-email="${opt['admin-email']}"]`);
    await page.fill('#new-email', techEmail);
    await page.selectOption('#new-role', 'technician');
    await page.fill('#new-password', techPassword);
    await page.press('#new-password', 'Enter');
    await page.waitForSelector(`#users tr[data-email="${techEmail}"]`);
  });

  await step('a cookie call without the CSRF token is refused', async () => {
    const status = await page.evaluate(async () => (await fetch('/api/v1/users', { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: '{"email":"x@y.z","role":"admin","password":"0123456789abc"}' })).status);
    expect(status === 403, `POST without X-CSRF-Token answered ${status}`);
  });

  await step('tablet width (768 px): queue and ticket without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${base}/#/queue`);
    await page.waitForSelector(`tr[data-id="${outlook}"]`);
    await noOverflow('the queue');
    await shot('queue-tablet');
    await page.goto(`${base}/#/tickets/${vpn}`);
    await page.waitForSelector('#decision table.labels');
    await noOverflow('the ticket view');
    await shot('ticket-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await step('sign out ends the session on the server', async () => {
    await page.click('#sign-out');
    await page.waitForSelector('form.signin');
    const me = await context.request.get(`${base}/api/v1/auth/me`);
    expect(me.status() === 401, `/me after sign-out answered ${me.status()}`);
  });

  await step('a technician cannot open setup: no entry, a clear page, 403 from the API', async () => {
    await signIn(techEmail, techPassword);
    await page.waitForSelector('main[data-view="queue"]');
    expect(await page.locator('a[data-nav="setup"]').count() === 0, 'technician sees the Setup entry');
    await page.goto(`${base}/#/setup`);
    await page.waitForSelector('[data-page="forbidden"]');
    expect((await text('[data-page="forbidden"]')).includes('admin role'), 'forbidden page does not explain');
    const statuses = await page.evaluate(async (tenant) => {
      const { csrfToken } = await (await fetch('/api/v1/auth/me')).json();
      const post = (path, body) => fetch(path, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken } });
      return [(await fetch(`/api/v1/tenants/${tenant}/connections`)).status,
        (await post(`/api/v1/tenants/${tenant}/connections`, '{"platform":"zendesk"}')).status,
        (await post('/api/v1/models/evaluate', '{}')).status, (await fetch('/api/v1/users')).status];
    }, opt.tenant);
    expect(statuses.every((s) => s === 403), `technician's setup calls answered ${statuses}`);
    await shot('forbidden');
  });

  await step("another tenant's ticket is not found", async () => {
    await page.goto(`${base}/#/tickets/${opt['foreign-ticket']}`);
    await page.waitForSelector('[data-page="not-found"]');
    expect((await text('main h1')) === 'Ticket not found', 'not-found heading missing');
    await shot('not-found');
  });

  await step('no script errors', async () => {
    expect(errors.length === 0, `page errors: ${errors.join('; ')}`);
  });
  console.log('E2E OK');
} catch {
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
