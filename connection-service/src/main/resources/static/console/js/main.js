// The console's pages, chosen by the URL's fragment (#/hooks/abc), so that every view has an
// address, the back button works, and the server serves one page.
import {startSession, logout} from './api.js';
import {fill, h, status} from './dom.js';
import * as overview from './pages/overview.js';
import * as apps from './pages/apps.js';
import * as hooks from './pages/hooks.js';
import * as hook from './pages/hook.js';
import * as event from './pages/event.js';
import * as connections from './pages/connections.js';
import * as deadLetters from './pages/dead-letters.js';
import * as replay from './pages/replay.js';

const ROUTES = [
  [/^\/overview$/, overview, 'overview'],
  [/^\/apps$/, apps, 'apps'],
  [/^\/apps\/([^/]+)$/, apps, 'apps'],
  [/^\/hooks$/, hooks, 'hooks'],
  [/^\/hooks\/([^/]+)$/, hook, 'hooks'],
  [/^\/events\/([^/]+)$/, event, 'hooks'],
  [/^\/connections$/, connections, 'connections'],
  [/^\/dead-letters$/, deadLetters, 'dead-letters'],
  [/^\/dead-letters\/([^/]+)$/, deadLetters, 'dead-letters'],
  [/^\/replay$/, replay, 'replay'],
];

let cleanup = null;
// which showing is the current one: a page that takes a while to render (an event waiting for its
// outcome) must not hand its cleanup over the page shown after it
let shown = 0;

async function show() {
  if (cleanup) { cleanup(); cleanup = null; }
  const current = ++shown;
  const route = (location.hash || '#/overview').slice(1).split('?')[0];
  const main = document.getElementById('main');
  status('');
  for (const [pattern, page, nav] of ROUTES) {
    const match = route.match(pattern);
    if (!match) continue;
    for (const link of document.querySelectorAll('nav a')) {
      if (link.dataset.page === nav) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    fill(main);
    try {
      const done = (await page.render(main, ...match.slice(1).map(decodeURIComponent))) || null;
      if (current === shown) cleanup = done;
      else if (done) done();
    } catch (e) {
      if (current === shown) main.append(h('p', {className: 'error', role: 'alert'}, String(e.message || e)));
    }
    if (current !== shown) return;
    document.title = `${(main.querySelector('h1') || {}).textContent || 'Console'} · Hookstream`;
    return;
  }
  fill(main, h('h1', {}, 'Not found'), h('p', {}, 'No page at ', route));
}

await startSession();
document.getElementById('logout').addEventListener('click', logout);
window.addEventListener('hashchange', show);
show();
