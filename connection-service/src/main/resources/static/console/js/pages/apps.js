import {api, get, problem} from '../api.js';
import {field, fill, h, status, table} from '../dom.js';

export async function render(main, appId) {
  return appId === undefined ? list(main) : detail(main, appId);
}

async function list(main) {
  const apps = await get('/api/apps');
  const id = h('input', {id: 'new-app-id', name: 'appId', required: true, pattern: '[A-Za-z0-9._-]+'});
  const form = h('form', {className: 'inline', id: 'new-app-form'},
    field('New app id', id), h('button', {type: 'submit'}, 'Create app'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    location.hash = `#/apps/${encodeURIComponent(id.value.trim())}?new`;
  });
  main.append(h('h1', {}, 'Apps'), form,
    table('Registered apps', ['App', 'Version'], apps,
      a => [h('a', {href: `#/apps/${encodeURIComponent(a.appId)}`}, a.appId), String(a.version)]));
}

const TEMPLATE = {
  name: 'New app',
  webhooks: {events: {type: 'dedicated', spec: {output: {body: '{{body}}'}}}},
};

async function detail(main, appId) {
  const isNew = location.hash.endsWith('?new');
  let app = null;
  if (!isNew) app = await get(`/api/apps/${encodeURIComponent(appId)}`);
  const editor = h('textarea', {id: 'app-definition', rows: 24, spellcheck: false, className: 'code'});
  editor.value = JSON.stringify(app ? app.definition : TEMPLATE, null, 2);
  const problems = h('div', {id: 'app-problems', 'aria-live': 'polite'});
  const webhooks = h('div', {id: 'app-webhooks'});
  const save = h('button', {type: 'submit', id: 'save-app'}, 'Save');
  const form = h('form', {id: 'app-form'},
    field('Definition (JSON)', editor), h('div', {className: 'actions'}, save), problems);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    fill(problems);
    const answer = await api('PUT', `/api/apps/${encodeURIComponent(appId)}`, editor.value);
    if (answer.ok) {
      status(`Saved ${appId}, version ${answer.body.version}`);
      showWebhooks(webhooks, answer.body.webhooks, appId);
      if (answer.body.warnings && answer.body.warnings.length) {
        problems.append(h('h2', {}, 'Warnings'),
          h('ul', {}, answer.body.warnings.map(w => h('li', {}, JSON.stringify(w)))));
      }
      if (isNew) history.replaceState(null, '', `#/apps/${encodeURIComponent(appId)}`);
      return;
    }
    status(problem(answer), true);
    showProblems(problems, answer.body, editor);
  });
  main.append(h('h1', {}, isNew ? `New app ${appId}` : `App ${appId}`),
    app ? h('p', {className: 'hint'}, `version ${app.version}, updated ${app.updatedAt}`) : null,
    webhooks, form);
  if (app) showWebhooks(webhooks, app.webhooks, appId);
}

function showWebhooks(el, webhooks, appId) {
  fill(el, table('Webhooks', ['Webhook', 'Type', 'URL'], webhooks || [], w => [
    w.name, w.type,
    w.url ? h('code', {}, w.url) : h('a', {href: `#/hooks?appId=${encodeURIComponent(appId)}`},
      'one URL per hook'),
  ]));
}

/** Each problem at its place: the directive path, and the line and column it names. */
function showProblems(el, body, editor) {
  const list = (body && body.problems) || [];
  if (list.length === 0) {
    el.append(h('p', {className: 'error', role: 'alert'}, (body && body.detail) || 'not saved'));
    return;
  }
  el.append(h('h2', {}, 'Problems'),
    h('ol', {className: 'problems', role: 'alert'}, list.map(p => h('li', {className: 'problem'},
      h('code', {}, p.code), ' at ', h('code', {className: 'path'}, p.path || '(document)'),
      p.line > 0 ? h('span', {className: 'where'}, ` line ${p.line}, column ${p.column}`) : '',
      ': ', p.message,
      p.path ? ' ' : '', p.path ? h('button', {type: 'button', className: 'link',
        on: {click: () => reveal(editor, p.path)}}, 'show') : ''))));
}

/** Selects the key the path ends in, so that the editor scrolls to it. */
function reveal(editor, path) {
  const key = path.split('.').pop();
  const at = editor.value.indexOf(`"${key}"`);
  editor.focus();
  if (at >= 0) editor.setSelectionRange(at, at + key.length + 2);
}
