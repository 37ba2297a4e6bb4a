import {api, get, problem} from '../api.js';
import {fill, h, status, table, time} from '../dom.js';
import {copyButton} from './hooks.js';

const TAIL_MAX = 200;
const POLL_MS = 5000;

export async function render(main, hookId) {
  const path = `/api/hooks/${encodeURIComponent(hookId)}`;
  const hook = await get(path);
  const tail = h('ol', {id: 'live-tail', className: 'tail', 'aria-live': 'polite', 'aria-label': 'Live tail'});
  const tailState = h('span', {id: 'tail-state', className: 'hint'}, 'connecting');
  const requests = h('div', {id: 'request-log'});
  const events = h('div', {id: 'event-list'});
  const refresh = h('button', {type: 'button', id: 'hook-refresh'}, 'Refresh');

  // redrawn only when something changed, so that an open detail stays open
  let shown = {requests: null, events: null};
  async function load() {
    const [r, e] = await Promise.all([get(`${path}/requests?limit=50`), get(`${path}/events?limit=50`)]);
    const now = {requests: JSON.stringify(r.requests), events: JSON.stringify(e.events)};
    if (now.requests !== shown.requests) fill(requests, table('Request log (refused and unanswered requests)',
      ['Received', 'Request', 'Status', 'Outcome', 'Reason', 'Detail'], r.requests, req => [
        time(req.receivedAt), h('code', {}, `${req.method} ${req.path}`), String(req.status),
        h('span', {className: 'outcome'}, req.outcome),
        h('span', {className: 'reason'}, [req.reason || '', req.directivePath ? ` at ${req.directivePath}` : '']),
        requestDetail(req),
      ]));
    if (now.events !== shown.events) fill(events, table('Events and what became of them',
      ['Event', 'Received', 'Outcome', 'Bundles', 'Error'], e.events, ev => [
        h('a', {href: `#/events/${encodeURIComponent(ev.eventId)}`, className: 'event-link'}, ev.eventId),
        time(ev.receivedAt), h('span', {className: `outcome ${ev.outcome}`}, ev.outcome),
        String(ev.bundleIds.length),
        ev.error ? `${ev.error.code || ''} at ${ev.error.directivePath || ev.error.stage || ''}: ${ev.error.message || ''}` : '',
      ]));
    shown = now;
  }

  const toggle = h('button', {type: 'button', id: 'toggle-hook', on: {click: async () => {
    const next = hook.status === 'active' ? 'disabled' : 'active';
    const answer = await api('PATCH', path, {status: next});
    if (answer.ok) { hook.status = next; showStatus(); status(`${hookId} is ${next}`); }
    else status(problem(answer), true);
  }}});
  const badge = h('span', {id: 'hook-status', className: 'badge'});
  function showStatus() {
    badge.textContent = hook.status;
    badge.className = `badge ${hook.status}`;
    toggle.textContent = hook.status === 'active' ? 'Disable' : 'Enable';
    toggle.hidden = hook.status === 'deleted';
  }
  showStatus();

  main.append(
    h('div', {className: 'title'}, h('h1', {}, `Hook ${hookId}`), refresh),
    h('dl', {className: 'facts'},
      h('dt', {}, 'App / webhook'), h('dd', {}, `${hook.appId} / ${hook.webhook} (${hook.kind})`),
      h('dt', {}, 'User'), h('dd', {}, hook.userId),
      h('dt', {}, 'Status'), h('dd', {}, badge, ' ', toggle),
      h('dt', {}, 'URL'), h('dd', {}, h('code', {id: 'hook-url'}, hook.url), ' ', copyButton(hook.url, 'Copy the hook URL')),
      h('dt', {}, 'Trigger topic'), h('dd', {}, h('code', {}, hook.triggerTopic)),
      h('dt', {}, 'Repair'), h('dd', {},
        h('a', {href: `#/replay?hookId=${encodeURIComponent(hookId)}`, id: 'hook-replay'}, 'Replay its events'), ' · ',
        h('a', {href: `#/dead-letters?hookId=${encodeURIComponent(hookId)}`}, 'Its dead letters'))),
    h('section', {'aria-labelledby': 'tail-title'},
      h('h2', {id: 'tail-title'}, 'Live tail ', tailState), tail),
    requests, events);
  refresh.addEventListener('click', load);
  await load();

  // the stream sends the session cookie like any same-origin GET
  const source = new EventSource(`${path}/events/stream`);
  source.addEventListener('open', () => { tailState.textContent = 'live'; });
  source.addEventListener('error', () => { tailState.textContent = 'reconnecting'; });
  source.addEventListener('request', m => showLive(tail, 'request', JSON.parse(m.data)));
  source.addEventListener('outcome', m => { showLive(tail, 'outcome', JSON.parse(m.data)); load(); });
  // the lists are read from the activity view, which may answer a moment after the tail showed
  // an entry: read them again while the page is open
  const timer = setInterval(() => load().catch(() => {}), POLL_MS);
  return () => { source.close(); clearInterval(timer); };
}

function showLive(tail, kind, entry) {
  const line = kind === 'request'
    ? [h('strong', {}, `${entry.status} ${entry.outcome}`), ' ', h('code', {}, `${entry.method} ${entry.path}`),
       entry.reason ? [' · ', h('span', {className: 'reason'}, entry.reason)] : '', ' ', requestDetail(entry)]
    : [h('strong', {}, entry.outcome), ' ',
       h('a', {href: `#/events/${encodeURIComponent(entry.eventId)}`}, entry.eventId),
       entry.bundleIds.length ? ` · ${entry.bundleIds.length} bundle(s)` : '',
       entry.error ? ` · ${entry.error.code} at ${entry.error.directivePath || entry.error.stage}` : ''];
  tail.prepend(h('li', {className: `live ${kind}`}, time(entry.receivedAt), ' ', line));
  while (tail.children.length > TAIL_MAX) tail.lastElementChild.remove();
}

/** The masked headers and the start of the body, as text. */
export function requestDetail(req) {
  return h('details', {className: 'request-detail'},
    h('summary', {}, 'headers and body'),
    headers(req.headers),
    h('pre', {className: 'body'}, req.bodyPreview || ''));
}

export function headers(list) {
  return h('dl', {className: 'headers'},
    (list || []).map(x => [h('dt', {}, x.name), h('dd', {}, x.value)]));
}
