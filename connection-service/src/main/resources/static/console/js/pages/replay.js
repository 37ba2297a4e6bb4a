import {api, get, problem} from '../api.js';
import {field, fill, h, status} from '../dom.js';

const POLL_MS = 500;

/** A date as a datetime-local control shows it: the browser's local time, to the second. */
function local(date) {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
}

export async function render(main) {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  const now = new Date();
  // the last hour, up to a minute ahead so that what arrived a moment ago is inside
  const controls = {
    from: h('input', {id: 'replay-from', name: 'from', type: 'datetime-local', step: '1', required: true,
      value: local(new Date(now.getTime() - 3600_000))}),
    to: h('input', {id: 'replay-to', name: 'to', type: 'datetime-local', step: '1', required: true,
      value: local(new Date(now.getTime() + 60_000))}),
    hookId: h('input', {id: 'replay-hook', name: 'hookId', value: query.get('hookId') || ''}),
    appId: h('input', {id: 'replay-app', name: 'appId', value: query.get('appId') || ''}),
  };
  const heading = h('h1', {}, 'Replay');
  const result = h('div', {id: 'replay-result', className: 'panel', 'aria-live': 'polite'},
    h('p', {}, 'Count first: nothing is replayed until you start it.'));
  const form = h('form', {className: 'inline', id: 'replay-form'},
    field('From (local time)', controls.from), field('To (local time, exclusive)', controls.to),
    field('Hook', controls.hookId), field('or app', controls.appId),
    h('button', {type: 'submit', id: 'replay-count'}, 'Count'));

  function selection() {
    const s = {};
    for (const key of ['from', 'to']) {
      const v = controls[key].value;
      if (v) s[key] = new Date(v).toISOString();
    }
    for (const key of ['hookId', 'appId']) {
      const v = controls[key].value.trim();
      if (v) s[key] = v;
    }
    return s;
  }

  async function count() {
    const chosen = selection();
    const answer = await api('POST', '/api/replay', {...chosen, dryRun: true});
    if (!heading.isConnected) return;
    if (!answer.ok) { fill(result, h('p', {className: 'error', role: 'alert'}, problem(answer))); return; }
    const c = answer.body;
    const go = h('button', {type: 'button', id: 'replay-run', disabled: c.matched === 0,
      on: {click: () => run(chosen)}}, `Replay ${c.matched}`);
    fill(result, h('h2', {}, 'Counted'),
      h('p', {id: 'replay-counted'}, `${c.matched} events match (${c.scanned} records read in the window`
        + (c.unreadable ? `, ${c.unreadable} unreadable` : '') + ')'),
      h('p', {className: 'hint'}, 'Replayed events keep their ids, so their bundles keep theirs: '
        + 'consumers that deduplicate by bundle id see each once.'),
      go);
  }

  /** Starts the replay, then shows its progress until it is done. */
  async function run(chosen) {
    const progress = h('progress', {id: 'replay-progress', 'aria-label': 'Replay progress'});
    const counts = h('p', {id: 'replay-progress-text'}, 'starting');
    fill(result, h('h2', {}, 'Replaying'), progress, counts);
    const answer = await api('POST', '/api/replay', {...chosen, dryRun: false});
    if (!answer.ok && answer.status !== 409) { fill(result, h('p', {className: 'error', role: 'alert'}, problem(answer))); return; }
    let state = answer.body;
    if (answer.status === 409) counts.textContent = 'another replay is running: following it';
    while (state.state === 'running') {
      if (state.total > 0) { progress.max = state.total; progress.value = state.scanned; }
      counts.textContent = `running: ${state.scanned} of ${state.total} records read, `
        + `${state.matched} matched, ${state.replayed} replayed`;
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
      if (!heading.isConnected) return;
      state = await get(`/api/replay/${encodeURIComponent(state.replayId)}`);
    }
    progress.max = 1; progress.value = 1;
    const summary = `${state.state}: ${state.replayed} replayed of ${state.matched} matched`
      + (state.error ? ` (${state.error})` : '');
    counts.textContent = `${state.scanned} records read`;
    result.append(h('p', {id: 'replay-summary'}, summary));
    status(summary, state.state !== 'done');
  }

  form.addEventListener('submit', e => { e.preventDefault(); count(); });
  main.append(heading,
    h('p', {}, 'Re-publishes the raw events received in a window to the replay topic; the router '
      + 'processes them as it processed them the first time, with the hook and the spec as they are now.'),
    form, result);
}
