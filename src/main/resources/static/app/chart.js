// Loss charts on uPlot: every series of a model, losses on the left axis and probabilities
// (D(x), D(G(z))) on the right, a symmetric-log scale, exponential smoothing as TensorBoard's,
// drag to zoom (double-click resets). The chart keeps at most MAX_POINTS points per series: when
// more arrive it drops every other older point (the server downsamples the history it sends).
import { el } from './format.js';

const MAX_POINTS = 4000;
const COLOURS = ['#2856c7', '#d9480f', '#2b8a3e', '#ae3ec9', '#1098ad', '#f08c00', '#495057'];

export class LossChart {
  /**
   * @param container where the chart and its controls go
   * @param series [{name, label, probability}] as the family catalogue lists them
   * @param options {xBy: 'iteration'|'epoch', title, perRun: [{label, colour}] for an overlay}
   */
  constructor(container, series, options = {}) {
    this.series = series;
    this.xs = [];
    this.ys = series.map(() => []);
    this.smoothing = 0;
    this.log = false;
    this.dirty = false;
    this.container = container;
    const smooth = el('input', { type: 'range', min: 0, max: 0.99, step: 0.01, value: 0, 'aria-label': 'smoothing' });
    const smoothValue = el('span', { class: 'muted' }, '0');
    smooth.addEventListener('input', () => {
      this.smoothing = Number(smooth.value);
      smoothValue.textContent = smooth.value;
      this.redraw();
    });
    const log = el('input', { type: 'checkbox', 'aria-label': 'log scale' });
    log.addEventListener('change', () => {
      this.log = log.checked;
      this.build();
    });
    this.plotBox = el('div', { class: 'chart' });
    container.append(
      el('div', { class: 'toolbar' },
        el('label', {}, 'Smoothing', el('span', {}, smooth, ' ', smoothValue)),
        el('label', {}, 'Log scale', log),
        el('span', { class: 'muted' }, 'drag to zoom, double-click to reset')),
      this.plotBox);
    this.resize = new ResizeObserver(() => this.plot && this.plot.setSize(this.size()));
    this.resize.observe(this.plotBox);
    this.build();
  }

  size() {
    return { width: Math.max(280, this.plotBox.clientWidth), height: 300 };
  }

  build() {
    if (this.plot) this.plot.destroy();
    const probability = this.series.some((s) => s.probability);
    const opts = {
      ...this.size(),
      scales: {
        x: { time: false },
        loss: { distr: this.log ? 4 : 1 },
        p: { range: [0, 1] },
      },
      axes: [
        { label: 'iteration' },
        { scale: 'loss', label: 'loss' },
        probability ? { scale: 'p', side: 1, label: 'probability', grid: { show: false } } : { show: false, scale: 'p' },
      ],
      series: [
        { label: 'iteration' },
        ...this.series.map((s, i) => ({
          label: s.label || s.name,
          scale: s.probability ? 'p' : 'loss',
          stroke: COLOURS[i % COLOURS.length],
          width: 1.5,
          spanGaps: true,
          points: { show: false },
        })),
      ],
      cursor: { drag: { x: true, y: false } },
    };
    this.plot = new uPlot(opts, this.data(), this.plotBox);
  }

  /** Adds points ({iteration, ...values by series name}); they must come after those held. */
  append(points) {
    for (const p of points) {
      this.xs.push(p.iteration);
      this.series.forEach((s, i) => this.ys[i].push(p[s.name] ?? null));
    }
    if (this.xs.length > MAX_POINTS) this.thin();
    this.scheduleRedraw();
  }

  thin() {
    const half = Math.floor(this.xs.length / 2);
    const keep = (_, i) => i >= half || i % 2 === 0;
    this.xs = this.xs.filter(keep);
    this.ys = this.ys.map((y) => y.filter(keep));
  }

  data() {
    return [this.xs, ...this.ys.map((y) => this.smoothed(y))];
  }

  smoothed(values) {
    if (this.smoothing === 0) return values;
    const out = new Array(values.length);
    let last = null;
    let weight = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null) {
        out[i] = null;
        continue;
      }
      // Debiased as TensorBoard's, so the curve does not start at zero.
      last = (last === null ? 0 : last) * this.smoothing + (1 - this.smoothing) * v;
      weight = weight * this.smoothing + (1 - this.smoothing);
      out[i] = last / weight;
    }
    return out;
  }

  scheduleRedraw() {
    if (this.dirty) return;
    this.dirty = true;
    setTimeout(() => {
      this.dirty = false;
      this.redraw();
    }, 250);
  }

  redraw() {
    if (this.plot) this.plot.setData(this.data());
    // How many points the chart holds, and when it first drew some: for whoever watches it
    // (the browser test, bench/dashboard).
    this.plotBox.dataset.points = this.xs.length;
    if (this.xs.length && !performance.getEntriesByName('chart-drawn').length) performance.mark('chart-drawn');
  }

  points() {
    return this.xs.length;
  }

  destroy() {
    this.resize.disconnect();
    if (this.plot) this.plot.destroy();
  }
}
