// Jobs: a list refreshed every two seconds, filtered by status, family and dataset, paged;
// cancel, retry, and a selection to compare.
import { getJson, send, Problem } from '../api.js';
import { el, statusBadge, seconds, number, qualityHeadline, problemBox, hashQuery } from '../format.js';

const STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const PAGE_SIZE = 20;

export function render(view) {
  const query = hashQuery();
  const state = {
    status: query.get('status') || '',
    model: query.get('model') || '',
    dataset: query.get('dataset') || '',
    page: Number(query.get('page') || 0),
    selected: new Set(),
  };
  const message = el('div', { 'aria-live': 'polite' });
  const body = el('tbody');
  const pageInfo = el('span', { class: 'muted' });
  const prev = el('button', { type: 'button', onclick: () => go(state.page - 1) }, 'Previous');
  const next = el('button', { type: 'button', onclick: () => go(state.page + 1) }, 'Next');
  const compareButton = el('button', { type: 'button', class: 'primary', disabled: true, onclick: compareSelected }, 'Compare selected');

  const statusSelect = select('status', ['', ...STATUSES], state.status, 'any status');
  const modelSelect = select('model', [''], state.model, 'any family');
  const datasetSelect = select('dataset', [''], state.dataset, 'any dataset');
  getJson('/models/families').then((c) => fill(modelSelect, c.families.map((f) => f.id), state.model)).catch(() => {});
  getJson('/datasets').then((d) => fill(datasetSelect, d.datasets.map((x) => x.name), state.dataset)).catch(() => {});

  view.append(
    el('h1', {}, 'Jobs'),
    el('div', { class: 'toolbar' },
      el('label', {}, 'Status', statusSelect),
      el('label', {}, 'Family', modelSelect),
      el('label', {}, 'Dataset', datasetSelect),
      el('a', { href: '#/jobs/new' }, 'New job'),
      compareButton),
    message,
    el('div', { class: 'table-wrap' },
      el('table', { id: 'jobs-table' },
        el('thead', {}, el('tr', {},
          ['', 'Job', 'Status', 'Family', 'Dataset', 'Progress', 'Steps/s', 'ETA', 'Quality', ''].map((h) => el('th', { scope: 'col' }, h)))),
        body)),
    el('div', { class: 'toolbar' }, prev, pageInfo, next));

  function select(name, values, current, anyLabel) {
    const s = el('select', { name, onchange: () => { state[name] = s.value; state.page = 0; refresh(); } });
    fill(s, values.filter((v) => v), current, anyLabel);
    return s;
  }

  function fill(s, values, current, anyLabel = s.options[0] ? s.options[0].textContent : 'any') {
    s.replaceChildren(el('option', { value: '' }, anyLabel), ...values.map((v) => el('option', { value: v, selected: v === current }, v)));
  }

  function go(page) {
    state.page = Math.max(0, page);
    refresh();
  }

  function compareSelected() {
    location.hash = `#/compare?jobs=${[...state.selected].join(',')}`;
  }

  async function act(path) {
    try {
      await send('POST', path);
      await refresh();
    } catch (e) {
      message.replaceChildren(e instanceof Problem ? problemBox(e) : el('p', { class: 'error' }, String(e)));
    }
  }

  function row(job) {
    const p = job.progress;
    const box = el('input', {
      type: 'checkbox', 'aria-label': `select job ${job.id} to compare`, checked: state.selected.has(job.id),
      onchange: () => {
        if (box.checked) state.selected.add(job.id);
        else state.selected.delete(job.id);
        compareButton.disabled = state.selected.size < 2 || state.selected.size > 6;
      },
    });
    const unfinished = job.status === 'QUEUED' || job.status === 'RUNNING';
    const retryable = job.status === 'FAILED' || job.status === 'CANCELLED';
    return el('tr', { 'data-job': job.id },
      el('td', {}, box),
      el('td', {}, el('a', { href: `#/jobs/${job.id}` }, `#${job.id}`)),
      el('td', {}, statusBadge(job.status)),
      el('td', {}, job.model),
      el('td', {}, job.dataset),
      el('td', {}, el('progress', { max: 100, value: p.percent, 'aria-label': `${p.percent}%` }), ` ${p.percent}%`),
      el('td', {}, job.status === 'RUNNING' ? number(p.stepsPerSecond) : ''),
      el('td', {}, seconds(p.etaSeconds)),
      el('td', {}, qualityHeadline(job.quality)),
      el('td', {},
        unfinished ? el('button', { type: 'button', onclick: () => act(`/jobs/${job.id}/cancel`) }, 'Cancel') : null,
        retryable ? el('button', { type: 'button', onclick: () => act(`/jobs/${job.id}/retry`) }, 'Retry') : null));
  }

  async function refresh() {
    const params = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
    for (const k of ['status', 'model', 'dataset']) if (state[k]) params.set(k, state[k]);
    try {
      const page = await getJson(`/jobs?${params}`);
      body.replaceChildren(...page.content.map(row));
      if (!page.content.length) body.append(el('tr', {}, el('td', { colspan: 10, class: 'muted' }, 'No jobs.')));
      pageInfo.textContent = `page ${page.number + 1} of ${Math.max(1, page.totalPages)} (${page.totalElements} jobs)`;
      prev.disabled = page.first;
      next.disabled = page.last;
    } catch (e) {
      message.replaceChildren(e instanceof Problem ? problemBox(e) : el('p', { class: 'error' }, String(e)));
    }
  }

  refresh();
  const timer = setInterval(refresh, 2000);
  return () => clearInterval(timer);
}
