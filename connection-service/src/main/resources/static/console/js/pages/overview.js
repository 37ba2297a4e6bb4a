import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import {get} from '../api.js';
import {fill, h, table, time} from '../dom.js';

const REFRESH_MS = 15000;

export async function render(main) {
  const body = h('div');
  const refresh = h('button', {type: 'button', id: 'overview-refresh'}, 'Refresh');
  main.append(h('div', {className: 'title'}, h('h1', {}, 'Overview'), refresh), body);
  let chart = null;
  async function load() {
    const o = await get(`/api/overview?minutes=${MINUTES}`);
    if (chart) { chart.destroy(); chart = null; }
    const routerLag = o.routerLag.reduce((sum, p) => sum + p.lag, 0);
    const traffic = o.traffic;
    const plot = h('figure', {className: 'chart', id: 'traffic-chart'},
      h('figcaption', {}, `Requests per outcome, per minute, last ${MINUTES} minutes`));
    fill(body,
      h('ul', {className: 'cards', 'aria-label': 'At a glance'},
        card(`Accepted (${MINUTES} min)`, traffic.accepted, 'card-accepted'),
        card(`Refused (${MINUTES} min)`, traffic.refused, 'card-refused'),
        card('Router lag', routerLag, 'card-router-lag'),
        card('Dead letters waiting', o.deadLetters, 'card-dead-letters'),
        card('Unmatched waiting', o.unmatched, 'card-unmatched')),
      plot,
      table('Trigger-topic consumer lag per group', ['Group', 'Topics', 'Lag'], o.consumerGroups,
        g => [g.groupId, g.topics.join(', '), String(g.lag)]),
      table('Router lag per partition', ['Topic', 'Partition', 'Lag'], o.routerLag,
        p => [p.topic, String(p.partition), String(p.lag)]),
      h('p', {className: 'hint'}, 'As of ', time(o.at)));
    chart = drawChart(plot, traffic);
  }
  refresh.addEventListener('click', load);
  await load();
  const timer = setInterval(() => load().catch(() => {}), REFRESH_MS);
  return () => { clearInterval(timer); if (chart) chart.destroy(); };
}

function card(label, value, id) {
  return h('li', {className: 'card', id}, h('span', {className: 'label'}, label),
    h('span', {className: 'value'}, String(value)));
}

const MINUTES = 60;
const COLOURS = {
  delivered: '#1b7f3b', filtered: '#5b616b', dead_letter: '#8a5a00', duplicate: '#7a4fb3',
  expanded: '#0b57d0', unmatched: '#c2185b', signature_refused: '#b3261e', not_found: '#e65100',
};
const SPARE = ['#00838f', '#6d4c41', '#9e9d24', '#283593', '#ad1457', '#455a64'];

/**
 * One line per outcome seen in the span: events by what the router did with them, refused
 * requests by their reason (handshakes are answered, not refused, and are left out).
 */
function drawChart(figure, traffic) {
  const width = Math.max(280, Math.min(figure.parentElement.clientWidth || 900, 1200) - 16);
  const minutes = traffic.perMinute;
  const series = [];
  for (const outcome of Object.keys(traffic.events)) series.push(['events', outcome, outcome]);
  for (const outcome of Object.keys(traffic.requests)) {
    if (outcome !== 'handshake') series.push(['requests', outcome, `refused: ${outcome}`]);
  }
  if (series.length === 0) series.push(['events', 'delivered', 'delivered']);
  const data = [minutes.map(m => Date.parse(m.start) / 1000),
    ...series.map(([kind, outcome]) => minutes.map(m => m[kind][outcome] || 0))];
  let spare = 0;
  const options = {
    width, height: 260,
    scales: {x: {time: true}},
    series: [{}, ...series.map(([kind, outcome, label]) => ({
      label, width: 2, points: {show: false},
      stroke: COLOURS[outcome] || SPARE[spare++ % SPARE.length],
      dash: kind === 'requests' ? [6, 4] : undefined,
    }))],
    axes: [{}, {label: 'per minute'}],
  };
  return new uPlot(options, data, figure);
}
