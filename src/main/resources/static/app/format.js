// Small pieces of presentation shared by the pages.

/** An element: el('td', {class: 'x'}, child, 'text', ...). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function statusBadge(status) {
  return el('span', { class: `status ${status}` }, status);
}

export function seconds(s) {
  if (s === null || s === undefined) return '';
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

export function number(x, digits = 3) {
  if (x === null || x === undefined || Number.isNaN(x)) return '';
  return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : Number(x.toPrecision(digits)).toString();
}

/** The one figure that says most about a job's quality, as text. */
export function qualityHeadline(q) {
  if (!q) return '';
  if (q.digits) {
    const agreement = q.digits.labelAgreement != null ? `, labels ${number(q.digits.labelAgreement)}` : '';
    return `digit confidence ${number(q.digits.meanConfidence)}${agreement}`;
  }
  if (q.classAgreement) return `class agreement ${number(q.classAgreement.agreement)}`;
  if (q.modeCoverage) return `${q.modeCoverage.modesCovered}/${q.modeCoverage.modes} modes, ${number(q.modeCoverage.highQualityPercent)}% good`;
  if (q.distances && q.distances.generated.frechetDistance != null) return `FD ${number(q.distances.generated.frechetDistance)}`;
  if (q.heldOut) return `held-out ${number(q.heldOut.negativeElbo ?? q.heldOut.reconstructionError ?? NaN)}`;
  if (q.mmd) return `MMD² ${number(q.mmd.mmd2)}`;
  return '';
}

/** The figure a quality curve is drawn of: {name, value}, or null where none applies. */
export function qualityFigure(q) {
  if (!q) return null;
  if (q.digits) return { name: 'digit confidence', value: q.digits.meanConfidence };
  if (q.classAgreement) return { name: 'class agreement', value: q.classAgreement.agreement };
  if (q.modeCoverage) return { name: 'good samples (%)', value: q.modeCoverage.highQualityPercent };
  if (q.distances && q.distances.generated.frechetDistance != null) return { name: 'Fréchet distance', value: q.distances.generated.frechetDistance };
  if (q.heldOut) return { name: 'held-out loss', value: q.heldOut.negativeElbo ?? q.heldOut.reconstructionError };
  if (q.mmd) return { name: 'MMD²', value: q.mmd.mmd2 };
  return null;
}

/** Problem details shown in a box: the detail and each field's message. */
export function problemBox(problem) {
  const fields = Object.entries(problem.fields ? problem.fields() : {});
  return el('div', { class: 'error', role: 'alert' },
    fields.length
      ? el('ul', {}, fields.map(([f, m]) => el('li', {}, el('strong', {}, f), `: ${m}`)))
      : el('strong', {}, problem.message));
}

/** The query of the page's hash (#/compare?jobs=1,2). */
export function hashQuery() {
  const i = location.hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : location.hash.slice(i + 1));
}
