import {api, get, problem} from '../api.js';
import {field, fill, h, status, table, time} from '../dom.js';
import {headers} from './hook.js';

export async function render(main, id) {
  return id === undefined ? list(main) : detail(main, id);
}

function filterForm() {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  const controls = {
    hookId: h('input', {id: 'dl-hook', name: 'hookId', value: query.get('hookId') || ''}),
    appId: h('input', {id: 'dl-app', name: 'appId', value: query.get('appId') || ''}),
    errorCode: h('input', {id: 'dl-code', name: 'errorCode', value: query.get('errorCode') || ''}),
    since: h('input', {id: 'dl-since', name: 'since', type: 'datetime-local'}),
    until: h('input', {id: 'dl-until', name: 'until', type: 'datetime-local'}),
  };
  const form = h('form', {className: 'inline', id: 'dl-filters', role: 'search'},
    field('Hook', controls.hookId), field('App', controls.appId), field('Error code', controls.errorCode),
    field('Failed since', controls.since), field('Failed until', controls.until),
    h('button', {type: 'submit'}, 'Filter'));
  const filter = () => {
    const f = {};
    for (const [key, el] of Object.entries(controls)) {
      const v = el.value.trim();
      if (!v) continue;
      f[key] = el.type === 'datetime-local' ? new Date(v).toISOString() : v;
    }
    return f;
  };
  return {form, filter, controls};
}

async function list(main) {
  const {form, filter, controls} = filterForm();
  const groups = h('div', {id: 'dl-groups'});
  const results = h('div', {id: 'dl-list'});
  const redrive = h('div', {id: 'dl-redrive', className: 'panel', 'aria-live': 'polite'});

  async function load() {
    const params = new URLSearchParams({...filter(), limit: '100'});
    const answer = await get(`/api/dead-letters?${params}`);
    fill(groups, table('Grouped by error code and hook', ['Error code', 'Hook or app', 'Count', ''], answer.groups, g => [
      h('code', {}, g.errorCode || ''), g.hookId || g.appId, String(g.count),
      h('button', {type: 'button', 'aria-label': `Show ${g.errorCode || ''} of ${g.hookId || g.appId}`, on: {click: () => {
        controls.errorCode.value = g.errorCode || '';
        controls.hookId.value = g.hookId || '';
        if (!g.hookId) controls.appId.value = g.appId;
        load();
      }}}, 'Show')]));
    fill(results, table(`Dead letters (${answer.matched} match)`,
      ['Failed', 'Hook', 'Stage', 'Error', 'Redriven', ''], answer.deadLetters, d => [
        time(d.failedAt), d.hookId || d.appId || '', d.stage || '',
        h('span', {}, h('code', {}, d.errorCode || ''), ' at ', h('code', {className: 'path'}, d.directivePath || ''),
          ': ', d.error || ''),
        d.redriven ? 'yes' : 'no',
        h('span', {className: 'buttons'},
          h('a', {href: `#/dead-letters/${encodeURIComponent(d.id)}`}, 'Detail'),
          h('button', {type: 'button', 'aria-label': `Redrive ${d.id}`, disabled: d.redriven,
            on: {click: () => run({ids: [d.id]})}}, 'Redrive')),
      ]));
    const count = h('button', {type: 'button', id: 'dl-dry-run', on: {click: () => dryRun()}}, 'Count what would be redriven');
    fill(redrive, h('h2', {}, 'Redrive all that match the filter'), count);
  }

  async function dryRun() {
    const answer = await api('POST', '/api/dead-letters/redrive', {...filter(), dryRun: true});
    if (!answer.ok) { status(problem(answer), true); return; }
    const r = answer.body;
    const go = h('button', {type: 'button', id: 'dl-redrive-all', disabled: r.toRedrive === 0,
      on: {click: () => run(filter())}}, `Redrive ${r.toRedrive}`);
    fill(redrive, h('h2', {}, 'Redrive all that match the filter'),
      h('p', {id: 'dl-count'}, `${r.matched} match, ${r.alreadyRedriven} already redriven, ${r.toRedrive} to redrive`), go);
  }

  /** Starts the redrive, then shows its progress until it is done. */
  async function run(selection) {
    const progress = h('progress', {id: 'dl-progress', 'aria-label': 'Redrive progress'});
    const counts = h('p', {id: 'dl-progress-text'}, 'starting');
    fill(redrive, h('h2', {}, 'Redriving'), progress, counts);
    const answer = await api('POST', '/api/dead-letters/redrive', {...selection, dryRun: false});
    if (!answer.ok && answer.status !== 409) { status(problem(answer), true); fill(redrive, problem(answer)); return; }
    let state = answer.body;
    if (answer.status === 409) counts.textContent = 'another redrive is running: following it';
    while (state.state === 'counting' || state.state === 'running') {
      if (state.toRedrive > 0) { progress.max = state.toRedrive; progress.value = state.redriven; }
      counts.textContent = `${state.state}: ${state.redriven} of ${state.toRedrive} redriven`;
      await new Promise(resolve => setTimeout(resolve, 500));
      state = await get(`/api/dead-letters/redrives/${encodeURIComponent(state.redriveId)}`);
    }
    const summary = `${state.state}: ${state.redriven} redriven of ${state.matched} matched`
      + (state.alreadyRedriven ? `, ${state.alreadyRedriven} already redriven before` : '')
      + (state.error ? ` (${state.error})` : '');
    status(summary, state.state !== 'done');
    await load();
    redrive.append(h('p', {id: 'dl-result'}, summary));
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  main.append(h('h1', {}, 'Dead letters'), form, groups, redrive, results);
  await load();
}

async function detail(main, id) {
  const found = await get(`/api/dead-letters/${encodeURIComponent(id)}`);
  const d = found.deadLetter;
  const r = found.request;
  const result = h('p', {id: 'dl-result', 'aria-live': 'polite'});
  main.append(h('h1', {}, `Dead letter ${id}`),
    h('dl', {className: 'facts'},
      h('dt', {}, 'Event'), h('dd', {}, h('a', {href: `#/events/${encodeURIComponent(d.eventId)}`}, d.eventId)),
      h('dt', {}, 'Hook or app'), h('dd', {}, d.hookId || `${d.appId} / ${d.webhookName}`),
      h('dt', {}, 'Stage'), h('dd', {}, d.stage || ''),
      h('dt', {}, 'Directive'), h('dd', {}, h('code', {}, d.directivePath || '')),
      h('dt', {}, 'Error'), h('dd', {className: 'event-error'}, h('code', {}, d.errorCode || ''), ': ', d.error || ''),
      h('dt', {}, 'Received'), h('dd', {}, time(d.receivedAt)),
      h('dt', {}, 'Failed'), h('dd', {}, time(d.failedAt)),
      h('dt', {}, 'Redriven'), h('dd', {}, d.redriven ? 'yes' : 'no')),
    h('button', {type: 'button', id: 'dl-redrive-one', disabled: d.redriven, on: {click: async () => {
      const answer = await api('POST', '/api/dead-letters/redrive', {ids: [id], dryRun: false});
      if (!answer.ok) { result.textContent = problem(answer); return; }
      let state = answer.body;
      while (state.state === 'counting' || state.state === 'running') {
        result.textContent = `${state.state}…`;
        await new Promise(resolve => setTimeout(resolve, 500));
        state = await get(`/api/dead-letters/redrives/${encodeURIComponent(state.redriveId)}`);
      }
      result.textContent = `${state.state}: ${state.redriven} redriven`;
    }}}, 'Redrive'), result,
    h('section', {id: 'dl-request'},
      h('h2', {}, 'Request'),
      h('p', {}, h('code', {}, `${r.method} ${r.path}`), ` · ${r.bodySize} bytes`, r.bodyTruncated ? ' (cut)' : ''),
      h('h3', {}, 'Headers (secrets masked)'), headers(r.headers),
      h('h3', {}, 'Body'), h('pre', {className: 'body'}, r.body)));
}
