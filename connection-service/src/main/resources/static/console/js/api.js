// The console is a client of the control plane's JSON API. The browser sends the session cookie
// (HttpOnly: no script here can read it); changes also carry the session's CSRF token.

let csrf = null;

export async function startSession() {
  const answer = await fetch('/console/session', {credentials: 'same-origin'});
  if (answer.status === 401) {
    location.assign('/console/login');
    throw new Error('signed out');
  }
  const session = await answer.json();
  csrf = {header: session.csrfHeader, token: session.csrfToken};
  return session;
}

/** Answers {status, ok, body} where body is the parsed JSON (or null). */
export async function api(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (method !== 'GET') headers[csrf.header] = csrf.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const answer = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  if (answer.status === 401) {
    location.assign('/console/login');
    throw new Error('signed out');
  }
  const text = await answer.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = {detail: text}; }
  return {status: answer.status, ok: answer.ok, body: parsed};
}

/** The body of a successful GET, or an Error carrying the problem's detail. */
export async function get(path) {
  const answer = await api('GET', path);
  if (!answer.ok) throw new Error(problem(answer));
  return answer.body;
}

export function problem(answer) {
  const b = answer.body || {};
  return `${answer.status}: ${b.detail || b.title || 'request failed'}`;
}

export async function logout() {
  await fetch('/console/logout', {method: 'POST', credentials: 'same-origin',
    headers: {[csrf.header]: csrf.token}});
  location.assign('/console/login');
}
