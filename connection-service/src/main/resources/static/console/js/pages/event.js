import {api, problem} from '../api.js';
import {h, status, table} from '../dom.js';
import {headers} from './hook.js';

// An event's outcome is looked up by its id in a store fed through a repartition of the outcomes,
// so it can be known a moment after the hook's event list (or the live tail) has shown it: an
// event opened from there right away is asked for again for a while before "not known" stands.
const RETRY_MS = 1000;
const RETRIES = 30;

export async function render(main, eventId) {
  const heading = h('h1', {}, `Event ${eventId}`);
  main.append(heading);
  let answer;
  for (let tries = 0; ; tries++) {
    answer = await api('GET', `/api/events/${encodeURIComponent(eventId)}`);
    // the operator went elsewhere meanwhile: another page has replaced this one
    if (!heading.isConnected) return;
    if (answer.status !== 404 || tries >= RETRIES) break;
    status(`Event ${eventId}: no outcome known yet, asking again…`);
    await new Promise(resolve => setTimeout(resolve, RETRY_MS));
  }
  status('');
  if (!answer.ok) throw new Error(problem(answer));
  const e = answer.body;
  const request = e.request;
  if (request) {
    main.append(h('section', {id: 'event-request'},
      h('h2', {}, 'Request'),
      h('p', {}, h('code', {}, `${request.method} ${request.path}`), ` · ${request.bodySize} bytes · kept at `,
        h('code', {}, request.source)),
      h('h3', {}, 'Headers (secrets masked)'), headers(request.headers),
      h('h3', {}, 'Body'), h('pre', {className: 'body', id: 'event-body'}, request.body ?? request.bodyPreview)));
  }
  main.append(table('Outcomes', ['Hook', 'Outcome', 'Processed', 'Bundles', 'Error'], e.outcomes, o => [
    o.hookId ? h('a', {href: `#/hooks/${encodeURIComponent(o.hookId)}`}, o.hookId) : `${o.appId}/${o.webhookName}`,
    h('span', {className: `outcome ${o.outcome}`}, o.outcome), o.processedAt,
    h('ul', {className: 'bundles'}, o.bundleIds.map(b => h('li', {}, h('code', {}, b))),
      o.unmatchedUids.map(u => h('li', {}, `unmatched uid ${u}`))),
    o.error ? h('div', {className: 'event-error'}, h('code', {}, o.error.code || ''), ' at ',
      h('code', {className: 'path'}, o.error.directivePath || o.error.stage || ''), ': ', o.error.message || '') : '',
  ]));
}
