import {api, get, problem} from '../api.js';
import {field, fill, h, status, table} from '../dom.js';

const PAGE = 25;

export async function render(main) {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  const appId = h('input', {id: 'filter-app', name: 'appId', value: query.get('appId') || ''});
  const userId = h('input', {id: 'filter-user', name: 'userId', value: query.get('userId') || ''});
  const statusSelect = h('select', {id: 'filter-status', name: 'status'},
    ['', 'active', 'disabled', 'deleted'].map(s => h('option', {value: s}, s || 'active and disabled')));
  statusSelect.value = query.get('status') || '';
  const filters = h('form', {className: 'inline', id: 'hook-filters', role: 'search'},
    field('App', appId), field('User', userId), field('Status', statusSelect),
    h('button', {type: 'submit'}, 'Filter'));
  const results = h('div', {id: 'hook-list'});
  const pager = h('div', {className: 'actions'});
  const cursors = [null];

  async function load() {
    const params = new URLSearchParams({limit: String(PAGE)});
    if (appId.value.trim()) params.set('appId', appId.value.trim());
    if (userId.value.trim()) params.set('userId', userId.value.trim());
    if (statusSelect.value) params.set('status', statusSelect.value);
    const after = cursors[cursors.length - 1];
    if (after) params.set('after', after);
    const page = await get(`/api/hooks?${params}`);
    fill(results, table('Hooks', ['Hook', 'App / webhook', 'User', 'Status', 'URL', 'Actions'],
      page.hooks, hook => [
        h('a', {href: `#/hooks/${encodeURIComponent(hook.hookId)}`}, hook.hookId),
        `${hook.appId} / ${hook.webhook}`, hook.userId, h('span', {className: `badge ${hook.status}`}, hook.status),
        h('code', {className: 'url'}, hook.url),
        actions(hook, load),
      ]));
    const previous = h('button', {type: 'button', disabled: cursors.length === 1,
      on: {click: () => { cursors.pop(); load(); }}}, 'Previous page');
    const next = h('button', {type: 'button', id: 'next-page', disabled: !page.next,
      on: {click: () => { cursors.push(page.next); load(); }}}, 'Next page');
    fill(pager, previous, next);
  }
  filters.addEventListener('submit', e => { e.preventDefault(); cursors.length = 1; load(); });
  main.append(h('h1', {}, 'Hooks'), filters, results, pager, createForm(load));
  await load();
}

function actions(hook, reload) {
  const buttons = [copyButton(hook.url, `Copy URL of ${hook.hookId}`)];
  if (hook.status !== 'deleted') {
    const next = hook.status === 'active' ? 'disabled' : 'active';
    buttons.push(h('button', {type: 'button', 'aria-label': `${next === 'active' ? 'Enable' : 'Disable'} ${hook.hookId}`,
      on: {click: async () => {
        const answer = await api('PATCH', `/api/hooks/${encodeURIComponent(hook.hookId)}`, {status: next});
        status(answer.ok ? `${hook.hookId} is ${next}` : problem(answer), !answer.ok);
        reload();
      }}}, next === 'active' ? 'Enable' : 'Disable'));
    buttons.push(h('button', {type: 'button', className: 'danger', 'aria-label': `Delete ${hook.hookId}`,
      on: {click: async () => {
        if (!confirm(`Delete hook ${hook.hookId}? Its URL will answer 410.`)) return;
        const answer = await api('DELETE', `/api/hooks/${encodeURIComponent(hook.hookId)}`);
        status(answer.ok ? `${hook.hookId} deleted` : problem(answer), !answer.ok);
        reload();
      }}}, 'Delete'));
  }
  return h('span', {className: 'buttons'}, buttons);
}

export function copyButton(text, label) {
  return h('button', {type: 'button', 'aria-label': label, on: {click: async () => {
    try { await navigator.clipboard.writeText(text); status('Copied'); }
    catch (e) { status(`Copy it by hand: ${text}`); }
  }}}, 'Copy URL');
}

function createForm(reload) {
  const appId = h('input', {id: 'create-app', name: 'appId', required: true});
  const webhook = h('input', {id: 'create-webhook', name: 'webhook', required: true});
  const userId = h('input', {id: 'create-user', name: 'userId', required: true});
  const connectionId = h('input', {id: 'create-connection', name: 'connectionId'});
  const parameters = h('textarea', {id: 'create-parameters', name: 'parameters', rows: 2, className: 'code'});
  parameters.value = '{}';
  const created = h('p', {id: 'created-hook', 'aria-live': 'polite'});
  const form = h('form', {id: 'create-hook-form', className: 'panel'},
    h('h2', {}, 'Create a hook'),
    h('div', {className: 'inline'}, field('App', appId), field('Webhook', webhook),
      field('User', userId), field('Connection (optional)', connectionId)),
    field('Parameters (JSON)', parameters),
    h('div', {className: 'actions'}, h('button', {type: 'submit', id: 'create-hook'}, 'Create hook')),
    created);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    let params;
    try { params = JSON.parse(parameters.value || '{}'); }
    catch (err) { status(`Parameters are not JSON: ${err.message}`, true); return; }
    const body = {appId: appId.value.trim(), webhook: webhook.value.trim(),
      userId: userId.value.trim(), parameters: params};
    if (connectionId.value.trim()) body.connectionId = connectionId.value.trim();
    const answer = await api('POST', '/api/hooks', body);
    if (!answer.ok) { status(problem(answer), true); fill(created); return; }
    status(`Created ${answer.body.hookId}`);
    fill(created, 'Created ', h('a', {href: `#/hooks/${encodeURIComponent(answer.body.hookId)}`,
      id: 'created-hook-link'}, answer.body.hookId), ' at ', h('code', {id: 'created-hook-url'}, answer.body.url),
      ' ', copyButton(answer.body.url, 'Copy URL of the new hook'));
    reload();
  });
  return form;
}
