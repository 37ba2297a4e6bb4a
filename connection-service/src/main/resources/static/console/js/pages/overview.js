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
    const o = await get('/api/overview');
    if (chart) { chart.destroy(); chart = null; }
    const routerLag = o.routerLag.reduce((sum, p) => sum + p.lag, 0);
    const traffic = o.traffic || [];
    const accepted = traffic.reduce((s, b) => s + b.accepted, 0);
    const refused = traffic.reduce((s, b) => s + b.refused, 0);
    const plot = h('figure', {className: 'chart', id: 'traffic-chart'},
      h('figcaption', {}, 'Requests per outcome, last hour, per 5 minutes'));
    fill(body,
      h('ul', {className: 'cards', 'aria-label': 'At a glance'},
        card('Accepted (last hour)', accepted, 'card-accepted'),
        card('Refused (last hour)', refused, 'card-refused'),
        card('Router lag', routerLag, 'card-router-lag'),
        card('Dead letters waiting', o.deadLetters, 'card-dead-letters'),
        card('Unmatched waiting', o.unmatched, 'card-unmatched')),
      plot,
      table('Trigger-topic consumer lag per group', ['Group', 'Topics', 'Lag'], o.consumerGroups,
        g => [g.groupId, g.topics.join(', '), String(g.lag)]),
      table('Router lag per partition', ['Topic', 'Partition', 'Lag'], o.routerLag,
        p => [p.topic, String(p.partition), String(p.lag)]),
      h('p', {className: 'hint'}, 'As of ', time(o.at)));
    if (traffic.length > 0) chart = drawChart(plot, traffic);
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

function drawChart(figure, traffic) {
  const width = Math.max(280, Math.min(figure.parentElement.clientWidth || 900, 1200) - 16);
  const data = [
    traffic.map(b => Date.parse(b.from) / 1000),
    traffic.map(b => b.accepted),
    traffic.map(b => b.refused),
    traffic.map(b => b.deadLettered),
  ];
  const options = {
    width, height: 240,
    scales: {x: {time: true}},
    series: [
      {},
      {label: 'accepted', stroke: '#1b7f3b', width: 2},
      {label: 'refused', stroke: '#b3261e', width: 2},
      {label: 'dead letters', stroke: '#8a5a00', width: 2, dash: [6, 4]},
    ],
    axes: [{}, {label: 'requests'}],
  };
  return new uPlot(options, data, figure);
}
