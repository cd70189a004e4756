// End-to-end journey through the dashboard with Playwright (playwright-core, no browser download) driving the
// machine's Chromium against a running OMEGA. Prints "PASS <step>" per step and "E2E OK" at the end; exits 1 on
// the first failure. Used by modules/app's DashboardIT; runnable by hand:
//   node web-dashboard/e2e/run.mjs http://localhost:9080 --key=<demo API key> --tenant=demo \
//     --admin-email=admin@demo.local --admin-password=<password> --foreign-ticket=<another tenant's ticket id> \
//     [--screenshots=docs/screenshots] [--chromium=/usr/bin/chromium]
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
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
if (shots) mkdirSync(shots, { recursive: true });
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
page.setDefaultTimeout(15000);
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));

const step = async (name, fn) => {
  try {
    await fn();
    console.log(`PASS ${name}`);
  } catch (e) {
    console.log(`FAIL ${name}: ${e?.stack ?? e}`);
    if (shots) await page.screenshot({ path: join(shots, `failure-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    throw e;
  }
};
const expect = (cond, message) => { if (!cond) throw new Error(message); };
const shot = async (name) => { if (shots) await page.screenshot({ path: join(shots, `${name}.png`) }); };
const text = (sel) => page.locator(sel).first().innerText();
const postTicket = async (externalId, title) => {
  const res = await fetch(`${base}/api/v1/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${opt.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ externalId, source: 'zendesk', title, client: 'Acme Dental', requester: 'ann.lee@example.com',
      body: `${title}.\nSince this morning Outlook asks for the password every few minutes.`, priority: 'P2',
      createdAt: new Date().toISOString() }),
  });
  expect(res.status === 202, `POST /api/v1/tickets answered ${res.status}`);
  return (await res.json()).id;
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
    for (const id of ['tenant', 'email', 'password']) {
      expect(await page.locator(`label[for="${id}"]`).count() === 1, `#${id} has no label`);
    }
    await shot('signin');
  });

  await step('a wrong password is refused', async () => {
    await signIn(opt['admin-email'], 'not-the-password');
    await page.waitForFunction(() => document.querySelector('#signin-error')?.textContent?.includes('wrong'));
  });

  await step('admin signs in and sees the live queue', async () => {
    await signIn(opt['admin-email'], opt['admin-password']);
    await page.waitForSelector('main[data-view="queue"] h1');
    await page.waitForSelector('body[data-live="open"]');
    expect(await page.evaluate(() => document.activeElement?.tagName) === 'H1', 'focus is not on the heading');
    await page.waitForSelector('main[data-loaded="true"]');
    if (await page.locator('.empty').count()) await shot('queue-empty');
  });

  let first;
  let second;
  await step('tickets posted with the API key appear live, without reloading', async () => {
    const t0 = Date.now();
    first = await postTicket(`E2E-${run}-1`, 'Outlook keeps asking for the password');
    await page.waitForSelector(`tr[data-id="${first}"]`, { timeout: 5000 });
    const ms = Date.now() - t0;
    second = await postTicket(`E2E-${run}-2`, 'VPN drops every hour');
    await page.waitForSelector(`tr[data-id="${second}"]`, { timeout: 5000 });
    // the triage stage picks it up (QUEUED_FOR_TRIAGE) and decides it (TRIAGED) moments later
    await page.waitForSelector(`tr[data-id="${first}"] [data-status="QUEUED_FOR_TRIAGE"], tr[data-id="${first}"] [data-status="TRIAGED"]`,
      { timeout: 10000 });
    console.log(`INFO first ticket visible ${ms} ms after its POST started`);
    await page.waitForTimeout(2100); // let the arrival highlight fade before the screenshot
    await shot('queue');
  });

  await step('keyboard: / searches, j/k move, Enter opens', async () => {
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id) === 'search', '/ did not focus the search');
    await page.keyboard.type('VPN');
    await page.waitForFunction(() => document.querySelectorAll('#queue tbody tr').length === 1);
    await page.keyboard.press('Escape'); // clears the search and leaves it
    await page.waitForFunction(() => document.querySelectorAll('#queue tbody tr').length === 2);
    expect(await page.evaluate(() => document.activeElement?.tagName) === 'H1', 'Escape did not leave the search');
    // the selection stayed on the first ticket while the second arrived on top
    await page.keyboard.press('k');
    expect(await page.getAttribute('tr.selected', 'data-id') === second, 'k did not select the newest ticket');
    await page.keyboard.press('j');
    expect(await page.getAttribute('tr.selected', 'data-id') === first, 'j did not move down');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/tickets/${first}`);
  });

  await step('ticket view: text, source, status history, honest empty decision', async () => {
    await page.waitForSelector('#history li[data-status="QUEUED_FOR_TRIAGE"]');
    expect((await text('main h1')) === 'Outlook keeps asking for the password', 'wrong ticket title');
    expect((await text('#ticket-body')).includes('Since this morning'), 'ticket text missing');
    const history = await page.locator('#history li').evaluateAll((li) => li.map((x) => x.dataset.status));
    const seen = JSON.stringify(history);
    expect(seen === '["RECEIVED","QUEUED_FOR_TRIAGE"]' || seen === '["RECEIVED","QUEUED_FOR_TRIAGE","TRIAGED"]',
      `history was ${history}`);
    expect((await text('#decision')).includes('Not classified yet'), 'decision section is not the empty state');
    expect((await text('#evidence')).includes('Not classified yet'), 'evidence section is not the empty state');
    await shot('ticket');
    await page.keyboard.press('Escape');
    await page.waitForSelector('main[data-view="queue"]');
  });

  await step('confirmations and insights show explanatory empty states', async () => {
    await page.click('a[data-nav="confirmations"]');
    await page.waitForSelector('main[data-view="confirmations"] .empty');
    await shot('confirmations');
    await page.click('a[data-nav="insights"]');
    await page.waitForSelector('main[data-view="insights"] .empty');
    await shot('insights');
  });

  const techEmail = `tech-${run}@demo.example`;
  const techPassword = `tech-password-${run}`;
  await step('admin setup lists users and creates a technician', async () => {
    await page.click('a[data-nav="setup"]');
    await page.waitForSelector(`#users tr[data-email="${opt['admin-email']}"]`);
    await page.fill('#new-email', techEmail);
    await page.selectOption('#new-role', 'technician');
    await page.fill('#new-password', techPassword);
    await page.press('#new-password', 'Enter');
    await page.waitForSelector(`#users tr[data-email="${techEmail}"]`);
    await shot('setup');
  });

  await step('a cookie call without the CSRF token is refused', async () => {
    const status = await page.evaluate(async () => (await fetch('/api/v1/users', { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: '{"email":"x@y.z","role":"admin","password":"0123456789abc"}' })).status);
    expect(status === 403, `POST without X-CSRF-Token answered ${status}`);
  });

  await step('tablet width: no horizontal scrolling', async () => {
    await page.goto(`${base}/#/queue`);
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForSelector(`tr[data-id="${first}"]`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow <= 0, `the queue overflows by ${overflow}px at 820px`);
    await shot('queue-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await step('sign out ends the session on the server', async () => {
    await page.click('#sign-out');
    await page.waitForSelector('form.signin');
    const me = await context.request.get(`${base}/api/v1/auth/me`);
    expect(me.status() === 401, `/me after sign-out answered ${me.status()}`);
  });

  await step('a technician cannot open setup (403 → clear page)', async () => {
    await signIn(techEmail, techPassword);
    await page.waitForSelector('main[data-view="queue"]');
    expect(await page.locator('a[data-nav="setup"]').count() === 0, 'technician sees the Setup entry');
    await page.goto(`${base}/#/setup`);
    await page.waitForSelector('[data-page="forbidden"]');
    expect((await text('[data-page="forbidden"]')).includes('admin role'), 'forbidden page does not explain');
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
