// The dashboard: a hash router over the pages, and the API key form for keys mode.
import { apiKey, setApiKey } from './api.js';
import * as jobs from './pages/jobs.js';
import * as newJob from './pages/new-job.js';
import * as job from './pages/job.js';
import * as model from './pages/model.js';
import * as compare from './pages/compare.js';
import * as datasets from './pages/datasets.js';

const routes = [
  [/^#?\/?$/, jobs, () => ({})],
  [/^#\/jobs$/, jobs, () => ({})],
  [/^#\/jobs\/new$/, newJob, () => ({})],
  [/^#\/jobs\/(\d+)$/, job, (m) => ({ id: Number(m[1]) })],
  [/^#\/models\/(\d+)$/, model, (m) => ({ id: Number(m[1]) })],
  [/^#\/compare$/, compare, () => ({})],
  [/^#\/datasets$/, datasets, () => ({})],
];

const view = document.getElementById('view');
let leave = null;

function route() {
  if (leave) leave();
  leave = null;
  const path = location.hash.split('?')[0];
  for (const [pattern, page, params] of routes) {
    const m = path.match(pattern);
    if (m) {
      view.replaceChildren();
      leave = page.render(view, params(m)) || null;
      markCurrent(path);
      return;
    }
  }
  view.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'No such page.' }));
}

function markCurrent(path) {
  for (const a of document.querySelectorAll('nav a')) {
    const target = a.getAttribute('href');
    const current = target === path || (target === '#/jobs' && (path === '' || path === '#/'));
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

// keys mode: a 401 shows the key form; the key lives for this browser session.
const keyForm = document.getElementById('key-form');
const keyInput = document.getElementById('key-input');
document.addEventListener('gan:unauthorized', () => {
  keyForm.hidden = false;
  keyInput.focus();
});
keyForm.addEventListener('submit', (e) => {
  e.preventDefault();
  setApiKey(keyInput.value.trim());
  keyInput.value = '';
  keyForm.hidden = true;
  route();
});
if (apiKey()) keyForm.hidden = true;

window.addEventListener('hashchange', route);
route();
