// Calls to the service's API. In keys mode the key the user enters is kept for this browser
// session (sessionStorage) and sent as a bearer token; EventSource cannot send one, so live
// events are read with fetch and parsed here.

const KEY = 'gan-service-key';

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

/** An error answer of the API: its problem details, with the fields it names. */
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }

  /** field name -> message, from the problem's errors list. */
  fields() {
    const byField = {};
    for (const e of this.body.errors || []) {
      byField[e.field] = e.message;
    }
    return byField;
  }
}

function headers(extra = {}) {
  const h = { ...extra };
  const key = apiKey();
  if (key) h.Authorization = `Bearer ${key}`;
  return h;
}

async function check(response) {
  if (response.ok) return response;
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    // not JSON: the status says enough
  }
  if (response.status === 401) {
    document.dispatchEvent(new CustomEvent('gan:unauthorized'));
  }
  throw new Problem(response.status, body);
}

export async function getJson(path) {
  const r = await fetch(path, { headers: headers({ Accept: 'application/json' }) });
  return (await check(r)).json();
}

export async function send(method, path, body, contentType = 'application/json') {
  const init = { method, headers: headers({ Accept: 'application/json' }) };
  if (body !== undefined) {
    init.headers['Content-Type'] = contentType;
    init.body = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  const r = await check(await fetch(path, init));
  return r.status === 204 ? null : r.json();
}

/** A picture's object URL (fetched with the key, which an img src cannot send). */
export async function imageUrl(path) {
  const r = await check(await fetch(path, { headers: headers() }));
  return URL.createObjectURL(await r.blob());
}

/**
 * Uploads a file with progress (fetch reports none): onProgress(fraction).
 * Resolves with the answer's JSON, rejects with a Problem.
 */
export function upload(path, file, contentType, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [k, v] of Object.entries(headers({ Accept: 'application/json' }))) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (e) {
        // empty or not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new Problem(xhr.status, body));
    };
    xhr.onerror = () => reject(new Problem(0, { detail: 'the upload could not be sent' }));
    xhr.send(file);
  });
}

/**
 * Follows a Server-Sent Events stream, reconnecting with Last-Event-ID after a drop, until the
 * server sends "end" or the returned stop() is called. onEvent(name, data). startId, when
 * given, is sent as the first Last-Event-ID: the stream starts after it.
 */
export function follow(path, onEvent, startId = null) {
  const controller = new AbortController();
  let lastId = startId;
  let stopped = false;

  async function connect() {
    const h = headers({ Accept: 'text/event-stream' });
    if (lastId) h['Last-Event-ID'] = lastId;
    const r = await check(await fetch(path, { headers: h, signal: controller.signal }));
    const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let name = 'message';
    let data = '';
    let id = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      buffer += value;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        if (line === '') {
          if (data) {
            if (id !== null) lastId = id;
            onEvent(name, JSON.parse(data));
            if (name === 'end') return true;
          }
          name = 'message';
          data = '';
        } else if (line.startsWith('event:')) {
          name = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data += line.slice(5).trim();
        } else if (line.startsWith('id:')) {
          id = line.slice(3).trim();
        }
      }
    }
  }

  (async () => {
    while (!stopped) {
      try {
        if (await connect()) return;
      } catch (e) {
        if (stopped) return;
        if (e instanceof Problem && e.status >= 400 && e.status < 500 && e.status !== 429) {
          onEvent('error', e);
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  })();
  return () => {
    stopped = true;
    controller.abort();
  };
}
