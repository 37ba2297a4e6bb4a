import {get} from '../api.js';
import {h, table} from '../dom.js';
import {headers} from './hook.js';

export async function render(main, eventId) {
  const e = await get(`/api/events/${encodeURIComponent(eventId)}`);
  const request = e.request;
  main.append(h('h1', {}, `Event ${eventId}`));
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
