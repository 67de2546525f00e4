// A trained model: a sample grid with seed and count (the same seed draws the same picture), a
// class picker for conditional models, interpolation for image models, reconstructions of
// uploaded examples for autoencoders and VAEs (a scatter plot for 2-D data is the sample picture),
// and the model to download: the native archive (imports into another instance), ONNX, DL4J.
import { getJson, imageUrl, Problem, apiKey } from '../api.js';
import { el, problemBox } from '../format.js';

export function render(view, { id }) {
  const message = el('div', { 'aria-live': 'polite' });
  view.append(el('h1', {}, `Model #${id}`), message);

  (async () => {
    try {
      const model = await getJson(`/models/${id}`);
      const family = await getJson(`/models/families/${model.architecture}`);
      const dataset = model.dataset == null
        ? null
        : await getJson(`/datasets/${encodeURIComponent(model.dataset)}`).catch(() => null);
      const serves = new Set(family.serves);
      const image = model.exampleShape.length === 3;
      view.append(...[
        el('p', {}, `${model.architecture}${model.dataset == null ? '' : ` on ${model.dataset}`}, `,
          model.jobId == null
            ? 'imported from another instance'
            : el('span', {}, 'trained by ', el('a', { href: `#/jobs/${model.jobId}` }, `job #${model.jobId}`)),
          `, ${model.iterations.toLocaleString('en')} steps; `,
          Object.entries(model.parameters).map(([n, c]) => `${n} ${c.toLocaleString('en')}`).join(', '), ' parameters.'),
        samplesPanel(model, serves, dataset),
        image && serves.has('INTERPOLATION') ? interpolationPanel(model) : null,
        serves.has('RECONSTRUCTIONS') ? reconstructionPanel(model, image) : null,
        el('div', { class: 'panel' }, el('h2', {}, 'Download'),
          el('button', { type: 'button', onclick: () => download(`/models/${id}/export?format=native`, `model-${id}.zip`) }, 'Native (zip)'),
          ' ',
          el('button', { type: 'button', onclick: () => download(`/models/${id}/export?format=onnx`, `model-${id}.onnx`) }, 'ONNX'),
          ' ',
          el('button', { type: 'button', onclick: () => download(`/models/${id}/export?format=dl4j`, `model-${id}-dl4j.zip`) }, 'DL4J'),
          ' ',
          el('span', { class: 'muted' }, `${model.artifactSizeBytes.toLocaleString('en')} bytes, SHA-256 ${model.artifactSha256.slice(0, 16)}…`)),
      ].filter(Boolean));
    } catch (e) {
      message.replaceChildren(e instanceof Problem ? problemBox(e) : el('p', { class: 'error' }, String(e)));
    }
  })();

  function samplesPanel(model, serves, dataset) {
    const seed = el('input', { type: 'number', id: 'sample-seed', value: 1, step: 1 });
    const count = el('input', { type: 'number', id: 'sample-count', value: model.exampleShape.length === 3 ? 64 : 256, min: 1, max: 256, step: 1 });
    const label = el('select', { id: 'sample-label' }, el('option', { value: '' }, 'every class in turn'));
    if (serves.has('CLASS_CONDITIONAL') && dataset) {
      dataset.classes.forEach((name, i) => label.append(el('option', { value: i }, `${i}: ${name}`)));
    }
    const picture = el('img', { class: 'sample', id: 'sample-picture', alt: 'samples' });
    const error = el('div', { 'aria-live': 'polite' });
    async function draw() {
      const params = new URLSearchParams({ seed: seed.value, count: count.value });
      if (label.value !== '') params.set('label', label.value);
      try {
        picture.src = await imageUrl(`/models/${id}/sample.png?${params}`);
        picture.alt = `${count.value} samples, seed ${seed.value}`;
        error.replaceChildren();
      } catch (e) {
        error.replaceChildren(e instanceof Problem ? problemBox(e) : el('p', { class: 'error' }, String(e)));
      }
    }
    const form = el('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); draw(); } },
      el('label', { for: 'sample-seed' }, 'Seed', seed),
      el('label', { for: 'sample-count' }, 'Count', count),
      serves.has('CLASS_CONDITIONAL') ? el('label', { for: 'sample-label' }, 'Class', label) : null,
      el('button', { type: 'submit', class: 'primary' }, 'Draw'),
      el('button', { type: 'button', onclick: () => { seed.value = Math.floor(Math.random() * 1e9); draw(); } }, 'New seed'));
    draw();
    return el('div', { class: 'panel' }, el('h2', {}, 'Samples'), form, error, picture);
  }

  function interpolationPanel() {
    const seed = el('input', { type: 'number', id: 'walk-seed', value: 1, step: 1 });
    const picture = el('img', { class: 'sample', alt: 'interpolation' });
    async function draw() {
      picture.src = await imageUrl(`/models/${id}/interpolation.png?rows=4&steps=10&seed=${seed.value}`);
    }
    draw().catch(() => {});
    return el('div', { class: 'panel' }, el('h2', {}, 'Interpolation'),
      el('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); draw().catch(() => {}); } },
        el('label', { for: 'walk-seed' }, 'Seed', seed), el('button', { type: 'submit' }, 'Walk')),
      picture);
  }

  function reconstructionPanel(model, image) {
    const file = el('input', { type: 'file', id: 'reconstruct-file', accept: image ? '.zip,application/zip' : '.csv,text/csv' });
    const out = el('div', { 'aria-live': 'polite' });
    async function reconstruct(e) {
      e.preventDefault();
      if (!file.files.length) return;
      const headers = { 'Content-Type': image ? 'application/zip' : 'text/csv' };
      if (apiKey()) headers.Authorization = `Bearer ${apiKey()}`;
      const r = await fetch(`/models/${id}/reconstructions`, { method: 'POST', headers, body: file.files[0] });
      if (!r.ok) {
        out.replaceChildren(problemBox(new Problem(r.status, await r.json().catch(() => null))));
      } else if (image) {
        out.replaceChildren(el('img', { class: 'sample', alt: 'originals and reconstructions', src: URL.createObjectURL(await r.blob()) }));
      } else {
        const body = await r.json();
        out.replaceChildren(el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'reconstruction'), el('th', {}, 'squared error'))),
          el('tbody', {}, body.reconstructions.map((row, i) => el('tr', {}, el('td', {}, row.map((v) => v.toFixed(3)).join(', ')), el('td', {}, body.squaredErrors[i].toFixed(4)))))));
      }
    }
    return el('div', { class: 'panel' }, el('h2', {}, 'Reconstructions'),
      el('form', { class: 'toolbar', onsubmit: reconstruct },
        el('label', { for: 'reconstruct-file' }, image ? 'A zip of images' : 'CSV rows', file),
        el('button', { type: 'submit' }, 'Reconstruct')),
      out);
  }

  async function download(path, name) {
    const a = el('a', { href: await imageUrl(path), download: name });
    document.body.append(a);
    a.click();
    a.remove();
  }
}
