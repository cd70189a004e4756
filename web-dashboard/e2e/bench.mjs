// Dashboard benchmark against a running OMEGA (see bench/run-dashboard.sh, which starts one):
//  1. live latency: POST a ticket (Bearer key) → its row appears in an open queue, and → the row shows TRIAGED;
//     N posts, one at a time
//  2. first load of the queue with >= LOAD tickets in the tenant (navigation of a new tab → first rows rendered),
//     RUNS runs; and the list API alone (GET /api/v1/tickets?size=100) for comparison
//  3. shipped assets (index.html, app.js, app.css) as served, raw and gzipped
//   node web-dashboard/e2e/bench.mjs <baseUrl> --key= --tenant= --admin-email= --admin-password= [--n=50] [--load=1000] [--runs=10]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const [base, ...rest] = process.argv.slice(2);
const opt = Object.fromEntries(rest.map((a) => a.replace(/^--/, '').split(/=(.*)/s).slice(0, 2)));
const n = Number(opt.n ?? 50);
const load = Number(opt.load ?? 1000);
const runs = Number(opt.runs ?? 10);
const run = Date.now().toString(36);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };
const post = async (i) => {
  const res = await fetch(`${base}/api/v1/tickets`, {
    method: 'POST', headers: { Authorization: `Bearer ${opt.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ externalId: `BENCH-${run}-${i}`, source: 'bench', title: `Bench ticket ${i}: mailbox full`,
      client: 'Acme Dental', requester: 'ann.lee@example.com', body: 'The mailbox is full and mail bounces.', priority: 'P3',
      createdAt: new Date().toISOString() }),
  });
  if (res.status !== 202) throw new Error(`POST answered ${res.status}`);
  return (await res.json()).id;
};

const profile = mkdtempSync(join(tmpdir(), 'omega-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: opt.chromium || '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(`${base}/`);
  await page.fill('#tenant', opt.tenant);
  await page.fill('#email', opt['admin-email']);
  await page.fill('#password', opt['admin-password']);
  await page.press('#password', 'Enter');
  await page.waitForSelector('main[data-loaded="true"]');
  await page.waitForSelector('body[data-live="open"]');

  const live = [];
  const triaged = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const id = await post(`live-${i}`);
    await page.waitForSelector(`tr[data-id="${id}"]`, { timeout: 10000 });
    live.push(performance.now() - t0);
    await page.waitForSelector(`tr[data-id="${id}"] [data-status="TRIAGED"]`, { timeout: 30000 });
    triaged.push(performance.now() - t0);
  }
  const line = (xs) => `P50=${pct(xs, 50).toFixed(0)} ms P95=${pct(xs, 95).toFixed(0)} ms max=${Math.max(...xs).toFixed(0)} ms`;
  console.log(`live: n=${n} POST → row visible ${line(live)}`);
  console.log(`live: n=${n} POST → row shows TRIAGED ${line(triaged)}`);

  const total = (await (await fetch(`${base}/api/v1/tickets?size=1`, { headers: { Authorization: `Bearer ${opt.key}` } })).json()).total;
  for (let i = total; i < load; i += 20) {
    await Promise.all(Array.from({ length: Math.min(20, load - i) }, (_, j) => post(`load-${i + j}`)));
  }
  // measure the first load on a settled server: wait until the triage stage has decided every posted ticket
  const drainStart = performance.now();
  const count = async (q) => (await (await fetch(`${base}/api/v1/tickets?size=1${q}`, { headers: { Authorization: `Bearer ${opt.key}` } })).json()).total;
  const all = await count('');
  while (await count('&status=TRIAGED') < all) await new Promise((r) => setTimeout(r, 500));
  console.log(`load: ${all} tickets in the tenant, all TRIAGED ${((performance.now() - drainStart) / 1000).toFixed(1)} s after the last post`);
  const loads = [];
  for (let r = 0; r < runs; r++) {
    const fresh = await context.newPage();
    const t0 = performance.now();
    await fresh.goto(`${base}/#/queue`);
    await fresh.waitForSelector('main[data-loaded="true"] #queue tbody tr');
    const ms = performance.now() - t0;
    loads.push(ms);
    // where the time went (page clock, ms since navigation start): for the slow runs
    const parts = await fresh.evaluate(() => {
      const r = (needle) => performance.getEntriesByType('resource').find((e) => e.name.includes(needle));
      const at = (e) => (e ? `${e.startTime.toFixed(0)}→${e.responseEnd.toFixed(0)}` : '—');
      return `document ${performance.getEntriesByType('navigation')[0]?.responseEnd.toFixed(0)}, app.js ${at(r('app.js'))}, `
        + `me ${at(r('/auth/me'))}, tickets ${at(r('/api/v1/tickets?'))}, rows at ${performance.now().toFixed(0)}`;
    });
    if (ms > 1500) console.log(`load: slow run ${ms.toFixed(0)} ms: ${parts}`);
    const shown = await fresh.locator('#row-count').innerText();
    if (r === 0) console.log(`load: ${shown}`);
    await fresh.close();
  }
  console.log(`load: tenant tickets >= ${load}, first load runs ${loads.map((x) => x.toFixed(0)).join(', ')} ms; median ${pct(loads, 50).toFixed(0)} ms, P95 ${pct(loads, 95).toFixed(0)} ms, max ${Math.max(...loads).toFixed(0)} ms`);
  const listCalls = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/tickets?page=0&size=100`, { headers: { Authorization: `Bearer ${opt.key}` } });
    const bytes = (await res.arrayBuffer()).byteLength;
    listCalls.push(performance.now() - t0);
    if (r === 0) console.log(`list: one page of 100 rows is ${bytes} bytes`);
  }
  console.log(`list: GET /api/v1/tickets?size=100 median ${pct(listCalls, 50).toFixed(0)} ms, max ${Math.max(...listCalls).toFixed(0)} ms`);

  // the other reads behind the views, at this tenant size (median of RUNS sequential calls each)
  for (const path of ['v1/tickets?size=100&sort=sla-risk', 'v1/tickets?size=100&tier=MANUAL', 'v1/tickets?size=100&client=Acme%20Dental',
    'v1/tickets?size=100&category=none-such', 'v1/tickets/facets', 'v1/confirmations?size=50', 'v1/insights?days=30', 'v1/insights?days=365']) {
    const ms = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/${path}`, { headers: { Authorization: `Bearer ${opt.key}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      ms.push(performance.now() - t0);
    }
    console.log(`reads: GET /api/${path} median ${pct(ms, 50).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`);
  }

  let raw = 0;
  let gz = 0;
  for (const f of ['/', '/app.js', '/app.css']) {
    const body = Buffer.from(await (await fetch(base + f)).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  console.log(`assets: ${raw} bytes raw, ${gz} bytes gzipped (index.html + app.js + app.css)`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
