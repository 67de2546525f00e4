// New job: a form built from the family catalogue. Picking a family and a dataset fills every
// option with its default there; the service's problem details are shown beside their fields.
import { getJson, send, Problem } from '../api.js';
import { el, problemBox } from '../format.js';

export function render(view) {
  const form = el('form', { class: 'panel', id: 'new-job-form', novalidate: true });
  const message = el('div', { 'aria-live': 'polite' });
  view.append(el('h1', {}, 'New job'), message, form);
  let catalogue = null;
  let datasets = [];
  const inputs = new Map();

  const modelSelect = el('select', { name: 'model', id: 'field-model' });
  const datasetSelect = el('select', { name: 'dataset', id: 'field-dataset' });
  const variantSelect = el('select', { name: 'variant', id: 'field-variant' });
  const optionsBox = el('div', { class: 'grid' });
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Submit job');

  function field(name, label, control, help) {
    const error = el('span', { class: 'field-error', id: `error-${name}`, 'aria-live': 'polite' });
    control.setAttribute('aria-describedby', `error-${name}`);
    inputs.set(name, { control, error });
    return el('label', { for: control.id }, el('span', {}, label), control, help ? el('small', {}, help) : null, error);
  }

  function optionControl(option) {
    const id = `field-${option.name}`;
    if (option.choices) {
      return el('select', { id, name: option.name }, option.choices.map((c) => el('option', { value: c }, c)));
    }
    const attrs = { id, name: option.name, type: 'number', step: option.type === 'integer' ? 1 : 'any' };
    if (option.minimum != null) attrs.min = option.minimum;
    if (option.maximum != null) attrs.max = option.maximum;
    return el('input', attrs);
  }

  function range(option) {
    if (option.choices) return option.description;
    const lo = option.minimum == null ? '' : `${option.minimumIncluded ? '[' : '('}${option.minimum}`;
    const hi = option.maximum == null ? '' : `${option.maximum}${option.maximumIncluded ? ']' : ')'}`;
    return `${option.description} ${lo}, ${hi}`;
  }

  /** The family's variants and options, then their defaults. */
  async function rebuild() {
    const family = catalogue.families.find((f) => f.id === modelSelect.value);
    variantSelect.replaceChildren(el('option', { value: '' }, 'default'), ...family.variants.map((v) => el('option', { value: v }, v)));
    variantSelect.closest('label').hidden = family.variants.length === 0;
    for (const name of [...inputs.keys()]) {
      if (!['model', 'dataset', 'variant'].includes(name)) inputs.delete(name);
    }
    const options = [...catalogue.commonOptions, ...family.options];
    optionsBox.replaceChildren(...options.map((o) => field(o.name, o.name, optionControl(o), range(o))));
    optionsBox.prepend(field('seed', 'seed', el('input', { id: 'field-seed', name: 'seed', type: 'number', step: 1, placeholder: 'random' }), 'the same seed trains the same model'));
    await applyDefaults();
  }

  /** Every option's default for this family, dataset and variant. */
  async function applyDefaults() {
    try {
      const defaults = await getJson(`/models/families/${modelSelect.value}/defaults?dataset=${encodeURIComponent(datasetSelect.value)}`);
      const values = defaults[variantSelect.value] || defaults[''] || Object.values(defaults)[0] || {};
      for (const [name, value] of Object.entries(values)) {
        const input = inputs.get(name);
        if (input) input.control.value = value;
      }
      message.replaceChildren();
    } catch (e) {
      message.replaceChildren(e instanceof Problem ? problemBox(e) : el('p', { class: 'error' }, String(e)));
    }
  }

  function clearErrors() {
    for (const { error, control } of inputs.values()) {
      error.textContent = '';
      control.removeAttribute('aria-invalid');
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    const body = { model: modelSelect.value, dataset: datasetSelect.value };
    if (variantSelect.value) body.variant = variantSelect.value;
    for (const [name, { control }] of inputs) {
      if (['model', 'dataset', 'variant'].includes(name) || control.value === '') continue;
      body[name] = control.type === 'number' ? Number(control.value) : control.value;
    }
    submit.disabled = true;
    try {
      const job = await send('POST', '/jobs', body);
      location.hash = `#/jobs/${job.id}`;
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      const fields = err.fields();
      let first = null;
      for (const [name, text] of Object.entries(fields)) {
        const input = inputs.get(name);
        if (input) {
          input.error.textContent = text;
          input.control.setAttribute('aria-invalid', 'true');
          first = first || input.control;
        }
      }
      message.replaceChildren(problemBox(err));
      if (first) first.focus();
    } finally {
      submit.disabled = false;
    }
  });

  (async () => {
    try {
      [catalogue, { datasets }] = await Promise.all([getJson('/models/families'), getJson('/datasets')]);
      modelSelect.append(...catalogue.families.map((f) => el('option', { value: f.id, title: f.description }, f.id)));
      datasetSelect.append(...datasets.map((d) => el('option', { value: d.name }, `${d.name} (${d.kind}, ${d.examples} examples)`)));
      modelSelect.value = 'dcgan';
      datasetSelect.value = 'mnist';
      form.append(
        el('div', { class: 'grid' },
          field('model', 'Family', modelSelect),
          field('dataset', 'Dataset', datasetSelect),
          field('variant', 'Variant', variantSelect)),
        el('h2', {}, 'Options'),
        optionsBox,
        el('p', {}, submit));
      modelSelect.addEventListener('change', rebuild);
      datasetSelect.addEventListener('change', applyDefaults);
      variantSelect.addEventListener('change', applyDefaults);
      await rebuild();
    } catch (e) {
      message.replaceChildren(e instanceof Problem ? problemBox(e) : el('p', { class: 'error' }, String(e)));
    }
  })();
}
