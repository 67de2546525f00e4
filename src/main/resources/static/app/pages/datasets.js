// Datasets: every dataset with a preview picture; uploads of zips of images or CSV tables with
// a progress bar; deleting an upload.
import { getJson, send, upload, imageUrl, Problem } from '../api.js';
import { el, problemBox } from '../format.js';

export function render(view) {
  const message = el('div', { 'aria-live': 'polite' });
  const list = el('tbody');
  const preview = el('figure', { id: 'dataset-preview' });

  const name = el('input', { id: 'upload-name', required: true, pattern: '[a-z0-9_-]+', placeholder: 'lower-case, digits, - and _' });
  const file = el('input', { id: 'upload-file', type: 'file', accept: '.zip,.csv,application/zip,text/csv', required: true });
  const imageSize = el('input', { id: 'upload-image-size', type: 'number', value: 28, min: 8, step: 1 });
  const channels = el('select', { id: 'upload-channels' }, el('option', { value: 1 }, '1 (grey)'), el('option', { value: 3 }, '3 (colour)'));
  const labelColumn = el('input', { id: 'upload-label-column', placeholder: 'header name or 0-based index' });
  const bar = el('progress', { id: 'upload-progress', max: 1, value: 0, hidden: true, 'aria-label': 'upload progress' });
  const fieldErrors = new Map(['name', 'imageSize', 'channels', 'labelColumn'].map((f) => [f, el('span', { class: 'field-error', id: `error-upload-${f}` })]));

  view.append(el('h1', {}, 'Datasets'), message,
    el('div', { class: 'table-wrap panel' }, el('table', {},
      el('thead', {}, el('tr', {}, ['Name', 'Source', 'Kind', 'Examples', 'Shape', 'Classes', ''].map((h) => el('th', { scope: 'col' }, h)))),
      list)),
    el('div', { class: 'panel' }, el('h2', {}, 'Preview'), preview),
    el('form', { class: 'panel', id: 'upload-form', onsubmit: send_ },
      el('h2', {}, 'Upload'),
      el('div', { class: 'grid' },
        el('label', { for: 'upload-name' }, 'Name', name, fieldErrors.get('name')),
        el('label', { for: 'upload-file' }, 'A zip of PNG/JPEG images, or a CSV table', file),
        el('label', { for: 'upload-image-size' }, 'Zip: image size', imageSize, fieldErrors.get('imageSize')),
        el('label', { for: 'upload-channels' }, 'Zip: channels', channels, fieldErrors.get('channels')),
        el('label', { for: 'upload-label-column' }, 'CSV: label column', labelColumn, fieldErrors.get('labelColumn'))),
      el('p', {}, el('button', { type: 'submit', class: 'primary' }, 'Upload'), ' ', bar)));

  async function send_(e) {
    e.preventDefault();
    for (const span of fieldErrors.values()) span.textContent = '';
    if (!file.files.length) return;
    const f = file.files[0];
    const csv = f.name.toLowerCase().endsWith('.csv');
    const params = new URLSearchParams({ name: name.value });
    if (csv) {
      if (labelColumn.value) params.set('labelColumn', labelColumn.value);
    } else {
      params.set('imageSize', imageSize.value);
      params.set('channels', channels.value);
    }
    bar.hidden = false;
    bar.value = 0;
    try {
      await upload(`/datasets?${params}`, f, csv ? 'text/csv' : 'application/zip', (x) => { bar.value = x; });
      message.replaceChildren(el('p', {}, `Uploaded ${name.value}.`));
      await refresh();
      show(name.value);
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      for (const [field, text] of Object.entries(err.fields())) {
        if (fieldErrors.has(field)) fieldErrors.get(field).textContent = text;
      }
      message.replaceChildren(problemBox(err));
    } finally {
      bar.hidden = true;
    }
  }

  async function show(datasetName) {
    preview.replaceChildren(el('p', { class: 'muted' }, `Loading ${datasetName}…`));
    try {
      const src = await imageUrl(`/datasets/${encodeURIComponent(datasetName)}/preview.png`);
      preview.replaceChildren(el('img', { class: 'sample', src, alt: `examples of ${datasetName}` }), el('figcaption', {}, datasetName));
    } catch (err) {
      preview.replaceChildren(err instanceof Problem ? problemBox(err) : el('p', { class: 'error' }, String(err)));
    }
  }

  async function remove(datasetName) {
    if (!confirm(`Delete the dataset ${datasetName}? Models trained on it stay.`)) return;
    try {
      await send('DELETE', `/datasets/${encodeURIComponent(datasetName)}`);
      await refresh();
    } catch (err) {
      message.replaceChildren(err instanceof Problem ? problemBox(err) : el('p', { class: 'error' }, String(err)));
    }
  }

  async function refresh() {
    try {
      const { datasets } = await getJson('/datasets');
      list.replaceChildren(...datasets.map((d) => el('tr', {},
        el('td', {}, el('button', { type: 'button', onclick: () => show(d.name), 'aria-label': `preview ${d.name}` }, d.name)),
        el('td', {}, d.source),
        el('td', {}, d.kind),
        el('td', {}, d.examples.toLocaleString('en')),
        el('td', {}, d.exampleShape.join('×')),
        el('td', {}, d.classes.length > 6 ? `${d.classes.length} classes` : d.classes.join(', ')),
        el('td', {}, d.source === 'uploaded' ? el('button', { type: 'button', onclick: () => remove(d.name) }, 'Delete') : null))));
    } catch (err) {
      message.replaceChildren(err instanceof Problem ? problemBox(err) : el('p', { class: 'error' }, String(err)));
    }
  }

  refresh();
  return null;
}
