import {api, get, problem} from '../api.js';
import {field, fill, h, status, table} from '../dom.js';

export async function render(main) {
  const appId = h('input', {id: 'conn-filter-app', name: 'appId'});
  const userId = h('input', {id: 'conn-filter-user', name: 'userId'});
  const filters = h('form', {className: 'inline', role: 'search'},
    field('App', appId), field('User', userId), h('button', {type: 'submit'}, 'Filter'));
  const results = h('div', {id: 'connection-list'});
  async function load() {
    const params = new URLSearchParams();
    if (appId.value.trim()) params.set('appId', appId.value.trim());
    if (userId.value.trim()) params.set('userId', userId.value.trim());
    const list = await get(`/api/connections?${params}`);
    fill(results, table('Connections', ['Connection', 'App', 'User', 'uid', 'Valid', 'Label', 'Updated', ''],
      list, c => [
        h('code', {}, c.connectionId), c.appId, c.userId, c.uid || '',
        h('span', {className: `badge ${c.valid ? 'active' : 'disabled'}`}, c.valid ? 'valid' : `invalid: ${c.error || ''}`),
        c.metadata ? c.metadata.value : '', c.updatedAt,
        h('button', {type: 'button', 'aria-label': `Verify ${c.connectionId}`, on: {click: async () => {
          const answer = await api('POST', `/api/connections/${encodeURIComponent(c.connectionId)}/verify`);
          status(answer.ok ? `${c.connectionId}: ${answer.body.valid ? 'valid' : 'invalid'}, uid ${answer.body.uid}` : problem(answer), !answer.ok);
          load();
        }}}, 'Verify'),
      ]));
  }
  filters.addEventListener('submit', e => { e.preventDefault(); load(); });
  main.append(h('h1', {}, 'Connections'), filters, results);
  await load();
}
