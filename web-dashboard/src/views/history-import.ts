import { api, ApiError, type HistoryJob } from '../api';
import { announce, h } from '../dom';

const FIELDS: [string, string, boolean][] = [['externalId', 'Ticket id column', true], ['title', 'Title column', true],
  ['body', 'Text column', false], ['createdAt', 'Created-at column', false], ['resolution', 'Resolution column', false]];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * History import: an NDJSON or CSV file (CSV columns mapped from its header), uploaded with a progress bar, then the
 * job's progress and its per-line rejects from GET /api/v1/history/{jobId}.
 */
export function historySection(): HTMLElement {
  const file = h('input', { id: 'history-file', type: 'file', accept: '.ndjson,.jsonl,.json,.csv,application/x-ndjson,text/csv',
    'aria-describedby': 'history-hint' });
  const mapping = h('fieldset', { id: 'csv-mapping', hidden: true }, h('legend', {}, 'CSV columns'));
  const bar = h('progress', { id: 'history-progress', max: 100, value: 0, 'aria-label': 'Import progress', hidden: true });
  const state = h('p', { id: 'history-state', role: 'status' });
  const rejects = h('div', { id: 'history-rejects' });
  const submit = h('button', { type: 'submit', id: 'history-submit' }, 'Import');
  const form = h('form', { class: 'panel', 'aria-labelledby': 'h-history-import' },
    h('div', { class: 'field' }, h('label', { for: 'history-file' }, 'History file'), file,
      h('div', { class: 'hint', id: 'history-hint' }, 'NDJSON: one {"externalId","title","body","createdAt"?,"labels":{…},"resolution"?} '
        + 'per line. CSV: a header row; choose below which columns hold what. Up to 256 MB.')),
    mapping, submit, bar, state, rejects);
  let csv = false;

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    csv = !!f && (f.name.toLowerCase().endsWith('.csv') || f.type === 'text/csv');
    mapping.hidden = !csv;
    mapping.replaceChildren(h('legend', {}, 'CSV columns'));
    if (!f || !csv) return;
    const header = parseHeader(await f.slice(0, 64 * 1024).text());
    const guess = (key: string) => header.find((c) => c.toLowerCase().replace(/[^a-z]/g, '').includes(key.toLowerCase())) ?? '';
    for (const [key, text, required] of FIELDS) {
      const sel = h('select', { id: `map-${key}`, name: key, required },
        h('option', { value: '' }, required ? 'choose a column' : '(none)'), ...header.map((c) => h('option', { value: c }, c)));
      sel.value = guess(key === 'externalId' ? 'id' : key);
      mapping.append(h('div', { class: 'field' }, h('label', { for: `map-${key}` }, text), sel));
    }
    mapping.append(h('p', { class: 'hint' }, 'Columns OMEGA should learn to predict (labels):'),
      h('div', { class: 'checks' }, ...header.map((c, i) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'label', value: c, id: `label-col-${i}` }), ` ${c}`))));
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = file.files?.[0];
    if (!f) { state.textContent = 'Choose a file first.'; file.focus(); return; }
    const map: Record<string, string> = {};
    if (csv) {
      mapping.querySelectorAll('select').forEach((s) => { if (s.value) map[s.name] = s.value; });
      mapping.querySelectorAll<HTMLInputElement>('input[name="label"]:checked').forEach((c) => {
        map[`label.${c.value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`] = c.value;
      });
    }
    submit.disabled = true;
    bar.hidden = false;
    rejects.replaceChildren();
    try {
      let job = await api.importHistory(f, csv ? 'text/csv' : 'application/x-ndjson', map, (sent, total) => {
        bar.value = total ? Math.round((sent / total) * 100) : 0;
        state.textContent = `Uploading: ${Math.round(sent / 1024)} of ${Math.round(total / 1024)} KB`;
      });
      bar.removeAttribute('value'); // processing: indeterminate until the job is done
      while (job.status === 'RECEIVING' || job.status === 'PROCESSING') {
        state.textContent = `Processing: ${job.rowsRead} rows read, ${job.accepted} accepted, ${job.rejected} rejected`;
        await sleep(1000);
        job = await api.historyJob(job.id);
      }
      finish(job);
    } catch (err) {
      state.textContent = err instanceof ApiError
        ? `Import refused: ${[err.detail, ...Object.entries(err.errors).map(([k, v]) => `${k}: ${v}`)].join(' — ')}` : String(err);
      state.className = 'error';
      bar.hidden = true;
    } finally {
      submit.disabled = false;
    }
  });

  const finish = (job: HistoryJob) => {
    bar.value = 100;
    state.className = job.status === 'DONE' ? '' : 'error';
    state.textContent = job.status === 'DONE'
      ? `Done: ${job.rowsRead} rows read, ${job.accepted} imported, ${job.rejected} rejected. OMEGA trains on them in the background.`
      : `The import failed: ${job.error ?? job.status}`;
    state.dataset.status = job.status;
    announce(state.textContent);
    if (job.rejects.length) {
      rejects.replaceChildren(h('table', { 'aria-label': 'Rejected lines' },
        h('caption', {}, `Rejected lines${job.rejected > job.rejects.length ? ` (first ${job.rejects.length} of ${job.rejected})` : ''}`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Line'), h('th', { scope: 'col' }, 'Why'))),
        h('tbody', {}, ...job.rejects.map((r) => h('tr', { 'data-line': r.line }, h('td', {}, String(r.line)), h('td', {}, r.reason))))));
    }
  };

  return h('section', { 'aria-labelledby': 'h-history-import', id: 'setup-history' },
    h('h2', { id: 'h-history-import' }, '2. History import'),
    h('p', { class: 'hint' }, 'Past tickets with their categories, queues and resolutions teach OMEGA your way of working. '
      + 'Export them from your PSA as CSV or NDJSON.'), form);
}

/** The first line of a CSV, split on commas outside quotes. */
function parseHeader(text: string): string[] {
  const line = text.split(/\r?\n/)[0] ?? '';
  const cols: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') { if (quoted && line[i + 1] === '"') { cur += '"'; i++; } else quoted = !quoted; } else if (c === ',' && !quoted) { cols.push(cur.trim()); cur = ''; } else cur += c;
  }
  cols.push(cur.trim());
  return cols.filter(Boolean);
}
