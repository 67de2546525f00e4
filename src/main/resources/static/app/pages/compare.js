// Compare 2 to 6 jobs: one loss series of each overlaid on one chart (by iteration or by
// epoch) that grows while they train, their sample grids side by side at a chosen epoch, and
// their specs (the settings that differ first) and quality in one table.
import { getJson, imageUrl, Problem } from '../api.js';
import { el, statusBadge, qualityHeadline, problemBox, hashQuery } from '../format.js';
import { followJobs } from '../live.js';

const COLOURS = ['#2856c7', '#d9480f', '#2b8a3e', '#ae3ec9', '#1098ad', '#f08c00'];
const MAX_POINTS = 4000;

export function render(view) {
  const ids = (hashQuery().get('jobs') || '').split(',').map(Number).filter((n) => n > 0);
  const picker = el('input', { id: 'compare-jobs', value: ids.join(','), placeholder: 'job ids, e.g. 3,4,7' });
  view.append(el('h1', {}, 'Compare jobs'),
    el('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); location.hash = `#/compare?jobs=${picker.value.replace(/\s/g, '')}`; } },
      el('label', { for: 'compare-jobs' }, 'Jobs (2 to 6)', picker), el('button', { type: 'submit', class: 'primary' }, 'Compare')));
  if (ids.length < 2 || ids.length > 6) {
    view.append(el('p', { class: 'muted' }, 'Name 2 to 6 jobs, or select them on the jobs page.'));
    return null;
  }
  const message = el('div', { 'aria-live': 'polite' });
  const seriesSelect = el('select', { id: 'compare-series' });
  const xSelect = el('select', { id: 'compare-x' }, el('option', { value: 'iteration' }, 'iteration'), el('option', { value: 'epoch' }, 'epoch'));
  const chartBox = el('div', { class: 'chart', id: 'compare-chart' });
  const epochSlider = el('input', { type: 'range', id: 'compare-epoch', min: 1, max: 1, value: 1, step: 1 });
  const epochLabel = el('span', {}, '');
  const grids = el('div', { class: 'pictures' });
  const table = el('div', { class: 'table-wrap' });
  view.append(message,
    el('div', { class: 'panel' }, el('h2', {}, 'Losses'),
      el('div', { class: 'toolbar' }, el('label', { for: 'compare-series' }, 'Series', seriesSelect), el('label', { for: 'compare-x' }, 'x axis', xSelect)),
      chartBox),
    el('div', { class: 'panel' }, el('h2', {}, 'Samples'),
      el('div', { class: 'toolbar' }, el('label', { for: 'compare-epoch' }, 'Epoch', epochSlider), epochLabel), grids),
    el('div', { class: 'panel' }, el('h2', {}, 'Settings and quality'), table));

  const jobs = new Map();
  const curves = new Map(ids.map((id) => [id, { xs: [], points: [] }]));
  const snapshots = new Map(ids.map((id) => [id, new Map()]));
  let plot = null;
  let stop = null;
  let dirty = false;

  function epochOf(job, iteration) {
    const perEpoch = job.progress.totalIterations / job.progress.totalEpochs;
    return iteration / perEpoch;
  }

  function drawChart() {
    const name = seriesSelect.value;
    const byEpoch = xSelect.value === 'epoch';
    const tables = ids.map((id) => {
      const c = curves.get(id);
      const job = jobs.get(id);
      const xs = c.points.map((p) => (byEpoch && job ? epochOf(job, p.iteration) : p.iteration));
      return [xs, c.points.map((p) => p[name] ?? null)];
    });
    const data = uPlot.join(tables);
    const opts = {
      width: Math.max(280, chartBox.clientWidth), height: 320,
      scales: { x: { time: false } },
      axes: [{ label: byEpoch ? 'epoch' : 'iteration' }, { label: name }],
      series: [{ label: byEpoch ? 'epoch' : 'iteration' },
        ...ids.map((id, i) => ({ label: `#${id}`, stroke: COLOURS[i], width: 1.5, spanGaps: true, points: { show: false } }))],
      cursor: { drag: { x: true, y: false } },
    };
    if (plot) plot.destroy();
    plot = new uPlot(opts, data, chartBox);
  }

  function scheduleChart() {
    if (dirty) return;
    dirty = true;
    setTimeout(() => { dirty = false; drawChart(); }, 500);
  }

  async function drawGrids() {
    const epoch = Number(epochSlider.value);
    epochLabel.textContent = `epoch ${epoch}`;
    const figures = await Promise.all(ids.map(async (id) => {
      const url = snapshots.get(id).get(epoch);
      const img = el('img', { alt: url ? `job ${id}, epoch ${epoch}` : `job ${id} has no grid for epoch ${epoch}`, width: 242 });
      if (url) img.src = await imageUrl(url).catch(() => '');
      return el('figure', {}, img, el('figcaption', {}, `#${id}`));
    }));
    grids.replaceChildren(...figures);
  }

  function drawTable() {
    const specs = ids.map((id) => jobs.get(id)?.spec || {});
    const keys = [...new Set(specs.flatMap((s) => Object.keys(s)))];
    const differs = (k) => new Set(specs.map((s) => JSON.stringify(s[k]))).size > 1;
    const ordered = [...keys.filter(differs), ...keys.filter((k) => !differs(k))];
    table.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, ''), ids.map((id, i) => el('th', { style: `color: ${COLOURS[i]}` }, el('a', { href: `#/jobs/${id}` }, `#${id}`))))),
      el('tbody', {},
        el('tr', {}, el('th', {}, 'status'), ids.map((id) => el('td', {}, jobs.get(id) ? statusBadge(jobs.get(id).status) : ''))),
        el('tr', {}, el('th', {}, 'quality'), ids.map((id) => el('td', {}, qualityHeadline(jobs.get(id)?.quality)))),
        ordered.map((k) => el('tr', { class: differs(k) ? 'differs' : '' },
          el('th', {}, differs(k) ? el('strong', {}, k) : k),
          specs.map((s) => el('td', {}, s[k] === null || s[k] === undefined ? '' : String(s[k]))))))));
  }

  (async () => {
    try {
      const views = await Promise.all(ids.map((id) => getJson(`/jobs/${id}`)));
      views.forEach((v) => jobs.set(v.id, v));
      const families = await Promise.all([...new Set(views.map((v) => v.model))].map((m) => getJson(`/models/families/${m}`)));
      const names = [...new Set(families.flatMap((f) => f.lossSeries.map((s) => s.name)))];
      seriesSelect.append(...names.map((n) => el('option', { value: n }, n)));
      seriesSelect.addEventListener('change', drawChart);
      xSelect.addEventListener('change', drawChart);
      epochSlider.addEventListener('input', () => drawGrids());
      drawTable();
      drawChart();
      stop = followJobs(views, {
        points: (id, points) => {
          const c = curves.get(id);
          c.points.push(...points);
          if (c.points.length > MAX_POINTS) c.points = c.points.filter((_, i) => i >= c.points.length / 2 || i % 2 === 0);
          scheduleChart();
        },
        job: (v) => { jobs.set(v.id, v); drawTable(); },
        snapshot: (id, s) => {
          const atEnd = Number(epochSlider.value) === Number(epochSlider.max);
          snapshots.get(id).set(s.epoch, s.url);
          const most = Math.max(...ids.map((j) => Math.max(0, ...snapshots.get(j).keys())));
          epochSlider.max = most;
          if (atEnd) epochSlider.value = most;
          drawGrids();
        },
        error: (problem) => message.replaceChildren(problemBox(problem)),
      });
    } catch (e) {
      message.replaceChildren(e instanceof Problem ? problemBox(e) : el('p', { class: 'error' }, String(e)));
    }
  })();

  return () => {
    if (stop) stop();
    if (plot) plot.destroy();
  };
}
