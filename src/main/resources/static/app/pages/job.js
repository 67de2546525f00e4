// One job, live: progress and status, every loss series growing as it trains (over the job's
// event stream), the quality curve, a slider over the per-epoch sample grids, spec and error.
import { getJson, send, imageUrl, Problem } from '../api.js';
import { followJobs } from '../live.js';
import { el, statusBadge, seconds, number, qualityHeadline, qualityFigure, problemBox } from '../format.js';
import { LossChart } from '../chart.js';

export function render(view, { id }) {
  let stop = null;
  let chart = null;
  let qualityPlot = null;
  const header = el('div');
  const progress = el('div', { class: 'panel', 'aria-live': 'polite' });
  const chartPanel = el('div', { class: 'panel' }, el('h2', {}, 'Losses'));
  const slider = el('input', { type: 'range', min: 0, max: 0, value: 0, step: 1, id: 'epoch-slider', 'aria-label': 'epoch' });
  const sliderLabel = el('span', { id: 'epoch-label' }, 'no grid yet');
  const grid = el('img', { class: 'sample', alt: 'sample grid', id: 'epoch-grid', width: 242 });
  const qualityBox = el('div');
  const facts = el('dl', { class: 'facts' });
  const message = el('div');
  const epochs = [];
  const snapshotUrls = new Map();

  view.append(header, message, progress,
    el('div', { class: 'row' },
      chartPanel,
      el('div', { class: 'panel' }, el('h2', {}, 'Samples by epoch'),
        el('div', { class: 'toolbar' }, el('label', { for: 'epoch-slider' }, 'Epoch', slider), sliderLabel),
        grid)),
    el('div', { class: 'row' },
      el('div', { class: 'panel' }, el('h2', {}, 'Quality'), qualityBox),
      el('div', { class: 'panel' }, el('h2', {}, 'Job'), facts)));

  slider.addEventListener('input', () => showEpoch(epochs[Number(slider.value)]));

  async function showEpoch(epoch) {
    if (epoch === undefined) return;
    sliderLabel.textContent = `epoch ${epoch} of ${epochs[epochs.length - 1]}`;
    try {
      grid.src = await imageUrl(snapshotUrls.get(epoch));
      grid.alt = `samples after epoch ${epoch}`;
    } catch (e) {
      // the next event or a reload shows it
    }
  }

  function addSnapshot(snapshot) {
    if (snapshotUrls.has(snapshot.epoch)) return;
    const atEnd = epochs.length === 0 || Number(slider.value) === epochs.length - 1;
    epochs.push(snapshot.epoch);
    snapshotUrls.set(snapshot.epoch, snapshot.url);
    slider.max = epochs.length - 1;
    if (atEnd) {
      slider.value = epochs.length - 1;
      showEpoch(snapshot.epoch);
    }
  }

  function showJob(job) {
    const p = job.progress;
    header.replaceChildren(el('h1', {}, `Job #${job.id}: ${job.model} on ${job.dataset} `, statusBadge(job.status)));
    const unfinished = job.status === 'QUEUED' || job.status === 'RUNNING';
    const retryable = job.status === 'FAILED' || job.status === 'CANCELLED';
    progress.replaceChildren(...[
      el('progress', { max: 100, value: p.percent, 'aria-label': 'progress', style: 'width: 100%' }),
      el('p', {},
        `${p.percent}%: iteration ${p.iteration.toLocaleString('en')} of ${p.totalIterations.toLocaleString('en')}, `
          + `epoch ${p.epoch} of ${p.totalEpochs}`,
        job.status === 'RUNNING' && p.imagesPerSecond ? `, ${number(p.stepsPerSecond)} steps/s, ${number(p.imagesPerSecond)} images/s` : '',
        p.etaSeconds != null ? `, about ${seconds(p.etaSeconds)} left` : ''),
      job.error ? el('p', { class: 'error' }, job.error) : null,
      el('div', { class: 'toolbar' },
        unfinished ? el('button', { type: 'button', onclick: () => act('cancel') }, 'Cancel') : null,
        retryable ? el('button', { type: 'button', onclick: () => act('retry') }, 'Retry') : null,
        job.modelId ? el('a', { href: `#/models/${job.modelId}` }, `Model #${job.modelId}`) : null,
        el('a', { href: `#/compare?jobs=${job.id}` }, 'Compare with others')),
    ].filter(Boolean));
    facts.replaceChildren(
      ...fact('created', job.createdAt),
      ...fact('started', job.startedAt),
      ...fact('finished', job.finishedAt),
      ...fact('attempts', job.attempts),
      ...fact('quality', qualityHeadline(job.quality)),
      ...(job.spec.from ? [el('dt', {}, 'continues'), el('dd', {},
        el('a', { href: `#/models/${job.spec.from.model}` }, `model #${job.spec.from.model}`),
        ` from step ${job.spec.from.iteration.toLocaleString('en')}`)] : []),
      ...Object.entries(job.spec).filter(([k, v]) => v !== null && k !== 'from').flatMap(([k, v]) => fact(k, v)));
  }

  function fact(name, value) {
    return value === null || value === undefined || value === '' ? [] : [el('dt', {}, name), el('dd', {}, String(value))];
  }

  async function act(what) {
    try {
      showJob(await send('POST', `/jobs/${id}/${what}`));
    } catch (e) {
      message.replaceChildren(e instanceof Problem ? problemBox(e) : el('p', { class: 'error' }, String(e)));
    }
  }

  async function showQuality() {
    try {
      const curve = await getJson(`/jobs/${id}/quality`);
      if (!curve.points.length) {
        qualityBox.replaceChildren(el('p', { class: 'muted' }, 'Measured when the job ends, and every qualityEvery epochs if set.'));
        return;
      }
      const figures = curve.points.map((p) => ({ epoch: p.epoch, figure: qualityFigure(p.quality) })).filter((f) => f.figure);
      const chartBox = el('div', { id: 'quality-chart' });
      qualityBox.replaceChildren(chartBox, el('table', {},
        el('thead', {}, el('tr', {}, el('th', {}, 'epoch'), el('th', {}, 'figures'))),
        el('tbody', {}, curve.points.map((p) => el('tr', {},
          el('td', {}, p.final ? `${p.epoch} (final)` : p.epoch),
          el('td', {}, qualityHeadline(p.quality)))))));
      if (figures.length >= 2) {
        if (qualityPlot) qualityPlot.destroy();
        qualityPlot = new uPlot({
          width: Math.max(280, qualityBox.clientWidth), height: 200,
          scales: { x: { time: false } },
          axes: [{ label: 'epoch' }, { label: figures[0].figure.name }],
          series: [{ label: 'epoch' }, { label: figures[0].figure.name, stroke: '#2856c7', width: 2 }],
        }, [figures.map((f) => f.epoch), figures.map((f) => f.figure.value)], chartBox);
      }
    } catch (e) {
      // shown at the next snapshot or status event
    }
  }

  (async () => {
    try {
      const job = await getJson(`/jobs/${id}`);
      const catalogue = await getJson(`/models/families/${job.model}`);
      showJob(job);
      chart = new LossChart(chartPanel, catalogue.lossSeries);
      showQuality();
      stop = followJobs([job], {
        points: (_, points) => chart.append(points),
        job: (view, statusChanged) => {
          showJob(view);
          if (statusChanged) showQuality();
        },
        snapshot: (_, snapshot, quality) => {
          addSnapshot(snapshot);
          if (quality) showQuality();
        },
        error: (problem) => message.replaceChildren(problemBox(problem)),
      });
    } catch (e) {
      message.replaceChildren(e instanceof Problem ? problemBox(e) : el('p', { class: 'error' }, String(e)));
    }
  })();

  return () => {
    if (stop) stop();
    if (chart) chart.destroy();
    if (qualityPlot) qualityPlot.destroy();
  };
}
