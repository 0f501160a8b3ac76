// Caravan search page. Every value from the API is put into the page as text (textContent,
// createElement), never as HTML, so markup inside an article stays visible text.
'use strict';

const FACETS = [
  ['people', 'People', 'entity', 'PERSON'],
  ['places', 'Places', 'entity', 'LOCATION'],
  ['organizations', 'Organisations', 'entity', 'ORGANIZATION'],
  ['countries', 'Countries', 'country', null],
  ['currencies', 'Currencies', 'currency', null],
];
const FILTERS = ['type', 'entity', 'country', 'currency', 'from', 'to'];
const SVG = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'className') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function state() {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

function go(params) {
  const clean = new URLSearchParams();
  for (const [k, v] of params) if (v) clean.set(k, v);
  location.hash = clean.toString();
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || ('HTTP ' + response.status));
  return body;
}

// Entity mentions as coloured links to the entity page; plain text otherwise.
function segments(list) {
  const span = el('span');
  for (const s of list || []) {
    if (s.type) {
      span.append(el('a', { className: 'ent ent-' + s.type, href: '#entity=' + encodeURIComponent(s.entity),
        title: s.type.toLowerCase() + ': ' + s.entity, 'data-type': s.type }, s.text));
    } else {
      span.append(document.createTextNode(s.text));
    }
  }
  return span;
}

function highlight(fragment) {
  const p = el('p', { className: 'hl' });
  for (const s of fragment) p.append(s.hit ? el('mark', {}, s.text) : document.createTextNode(s.text));
  return p;
}

function showOnly(view) {
  $('results').hidden = view !== 'search';
  $('pager').hidden = view !== 'search';
  $('facets').hidden = view !== 'search';
  $('active-filters').hidden = view !== 'search';
  $('detail').hidden = view === 'search';
}

async function search(params) {
  showOnly('search');
  $('q').value = params.get('q') || '';
  $('from').value = params.get('from') || '';
  $('to').value = params.get('to') || '';
  const query = new URLSearchParams();
  for (const k of ['q', ...FILTERS, 'page']) if (params.get(k)) query.set(k, params.get(k));
  $('status').textContent = 'Searching…';
  let body;
  try {
    body = await api('/v1/search?' + query);
  } catch (e) {
    $('status').textContent = 'Search failed: ' + e.message;
    $('status').className = 'error';
    return;
  }
  $('status').className = '';
  const usd = body.moneyUsd ? ' · money stated: $' + Math.round(body.moneyUsd).toLocaleString('en-US') + ' (each amount once)' : '';
  $('status').textContent = body.total + (body.total === 1 ? ' article' : ' articles') + usd;
  renderFilters(params);
  renderFacets(body.facets, params);
  renderResults(body.results);
  renderPager(body, params);
}

function renderFilters(params) {
  const box = $('active-filters');
  clear(box);
  for (const k of FILTERS) {
    const v = params.get(k);
    if (!v) continue;
    box.append(el('span', { className: 'chip', 'data-filter': k }, k + ': ' + v, el('button', {
      title: 'remove', onclick: () => { params.delete(k); if (k === 'entity') params.delete('type'); params.delete('page'); go(params); },
    }, '×')));
  }
}

function renderFacets(facets, params) {
  const box = $('facets');
  clear(box);
  for (const [key, label, param, type] of FACETS) {
    const values = (facets && facets[key]) || [];
    if (!values.length) continue;
    const list = el('ul', { id: 'facet-' + key });
    for (const v of values) {
      const next = new URLSearchParams(params);
      next.set(param, v.name);
      if (type) next.set('type', type);
      next.delete('page');
      list.append(el('li', {}, el('a', { href: '#' + next, 'data-facet': key }, el('span', {}, v.name), el('span', {}, v.count))));
    }
    box.append(el('h3', {}, label), list);
  }
}

function renderResults(results) {
  const list = $('results');
  clear(list);
  for (const r of results) {
    const title = el('a', { className: 'result-title', href: '#article=' + encodeURIComponent(r.id) });
    title.append(segments(r.titleSegments));
    const meta = el('div', { className: 'meta' }, r.source + ' · ' + r.publishedDate + (r.truncated ? ' · teaser' : ''));
    const item = el('li', { className: 'result', 'data-id': r.id }, title, meta);
    item.append(el('p', { className: 'snippet' }, segments(r.snippetSegments)));
    for (const h of r.highlights || []) item.append(highlight(h));
    const money = moneyFacts(r.moneyFacts, 'result-money');
    if (money) item.append(money);
    list.append(item);
  }
}

// One line per money fact: the amount as written, its stated equivalent, USD to the cent and where
// the USD came from, or why there is none. Prices per unit are shown but never summed.
function moneyFacts(facts, className) {
  if (!facts || !facts.length) return null;
  const list = el('ul', { className: 'money ' + className });
  for (const f of facts) {
    const equivalent = f.equivalentCurrency ? ' = ' + f.equivalentAmount + ' ' + f.equivalentCurrency : '';
    let usd;
    if (f.usd != null) {
      const how = f.usdSource === 'RATE' ? 'at ' + f.rate + ' USD/' + f.currency + ' of ' + f.rateAsOf
        : f.usdSource === 'STATED' ? 'as stated' : 'in dollars';
      usd = ' → $' + Number(f.usd).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' (' + how + ')';
    } else {
      usd = ' → no USD: ' + f.noUsdReason;
    }
    const kind = f.kind === 'PRICE' ? ' [price per ' + f.unit + ', not summed]' : f.kind === 'RANGE' ? ' [range]' : '';
    list.append(el('li', { className: 'money-fact', 'data-kind': f.kind }, f.text + equivalent + usd + kind
      + (f.mentions > 1 ? ' · stated ' + f.mentions + ' times, counted once' : '')));
  }
  return list;
}

function renderPager(body, params) {
  const nav = $('pager');
  clear(nav);
  const pages = Math.ceil(body.total / body.pageSize);
  if (pages <= 1) return;
  const at = body.page;
  const to = (page) => () => { const next = new URLSearchParams(params); next.set('page', page); go(next); };
  if (at > 1) nav.append(el('button', { onclick: to(at - 1) }, '← previous'));
  nav.append(document.createTextNode('page ' + at + ' of ' + pages + ' '));
  if (at < pages) nav.append(el('button', { onclick: to(at + 1) }, 'next →'));
}

async function entityPage(name) {
  showOnly('detail');
  const box = $('detail');
  clear(box);
  $('status').textContent = '';
  let body;
  try {
    body = await api('/v1/entities/' + encodeURIComponent(name));
  } catch (e) {
    box.append(el('p', { className: 'error' }, e.message));
    return;
  }
  const heading = el('h1', { id: 'entity-name' }, el('span', { className: 'ent ent-' + body.type }, body.name));
  const where = [body.type, body.country, body.region].filter(Boolean).join(' · ');
  box.append(heading, el('p', { className: 'meta' }, where + ' · mentioned in ' + body.total + (body.total === 1 ? ' article' : ' articles')));
  box.append(el('h3', {}, 'Over time'), timeline(body.timeline));
  const list = el('ol', { id: 'entity-articles' });
  for (const a of body.articles) {
    const title = el('a', { href: '#article=' + encodeURIComponent(a.id) });
    title.append(segments(a.titleSegments));
    list.append(el('li', {}, title, el('span', { className: 'meta' }, ' ' + a.publishedDate + ' · ' + a.source)));
  }
  const filtered = new URLSearchParams({ entity: body.name, type: body.type || '' });
  box.append(list, el('a', { href: '#' + filtered }, 'Search within these articles'));
}

function timeline(points) {
  const list = el('ul', { className: 'timeline' });
  for (const p of points) list.append(el('li', {}, p.date + ': ' + p.count));
  return list;
}

async function articlePage(id) {
  showOnly('detail');
  const box = $('detail');
  clear(box);
  $('status').textContent = '';
  let a;
  try {
    a = await api('/v1/articles/' + encodeURIComponent(id));
  } catch (e) {
    box.append(el('p', { className: 'error' }, e.message));
    return;
  }
  const title = el('h1', { id: 'article-title' });
  title.append(segments(a.titleSegments));
  box.append(title, el('p', { className: 'meta' }, a.source + ' · ' + a.publishedDate + (a.truncated ? ' · teaser' : '')));
  const body = el('p', { id: 'article-body' });
  body.append(segments(a.bodySegments));
  box.append(body);
  const money = moneyFacts(a.moneyFacts, 'article-money');
  if (money) {
    const total = a.moneyUsd ? 'Money in this article: $' + Number(a.moneyUsd).toLocaleString('en-US', { minimumFractionDigits: 2 }) + ' in total, each amount once' : 'Money in this article';
    box.append(el('h2', {}, total), money);
  }
  if (a.url) box.append(el('p', {}, el('a', { href: safeUrl(a.url), rel: 'noopener noreferrer' }, a.url)));
}

// Only web links become hrefs: a javascript: URL in a record stays inert text.
function safeUrl(url) {
  return /^https?:\/\//i.test(url) ? url : '#';
}

async function loadFx() {
  const select = $('fx-pair');
  let pairs = [];
  try {
    pairs = (await api('/v1/fx')).pairs;
  } catch (e) {
    $('fx-chart').textContent = 'FX rates unavailable: ' + e.message;
    return;
  }
  clear(select);
  for (const p of pairs) select.append(el('option', { value: p }, p.replace('-', '/')));
  select.onchange = () => drawFx(select.value);
  if (pairs.length) drawFx(pairs.includes('KZT-USD') ? 'KZT-USD' : pairs[0]);
  else $('fx-chart').textContent = 'No FX ticks yet.';
}

async function drawFx(pair) {
  $('fx-pair').value = pair;
  const box = $('fx-chart');
  clear(box);
  let body;
  try {
    body = await api('/v1/fx/' + encodeURIComponent(pair));
  } catch (e) {
    box.textContent = e.message;
    return;
  }
  const pts = body.points;
  const w = 260, h = 150, pad = 16, left = 52, bottom = 22;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
  svg.setAttribute('id', 'fx-svg');
  const rates = pts.map((p) => p.rate);
  const min = Math.min(...rates), max = Math.max(...rates);
  const x = (i) => left + (pts.length === 1 ? (w - left - pad) / 2 : i * (w - left - pad) / (pts.length - 1));
  const y = (r) => (max === min ? h / 2 : h - bottom - (r - min) * (h - bottom - pad) / (max - min));
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', pts.map((p, i) => x(i) + ',' + y(p.rate)).join(' '));
  svg.append(line);
  for (const [i, p] of pts.entries()) {
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', x(i));
    dot.setAttribute('cy', y(p.rate));
    dot.setAttribute('r', 3);
    const tip = document.createElementNS(SVG, 'title');
    tip.textContent = p.asOf + ': ' + p.rate + ' (' + p.changePct + '%)';
    dot.append(tip);
    svg.append(dot);
  }
  const label = (text, lx, ly) => {
    const t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', lx);
    t.setAttribute('y', ly);
    t.textContent = text;
    svg.append(t);
  };
  if (pts.length) {
    label(String(max), 2, pad + 3);
    label(String(min), 2, h - bottom + 3);
    label(pts[0].asOf, left - 20, h - 4);
    if (pts.length > 1) label(pts[pts.length - 1].asOf, w - pad - 50, h - 4);
  }
  box.append(svg, el('p', { className: 'meta' }, body.pair + ', ' + pts.length + ' observations'));
}

function route() {
  const params = state();
  if (params.get('entity') && params.size === 1) return entityPage(params.get('entity'));
  if (params.get('article')) return articlePage(params.get('article'));
  return search(params);
}

document.addEventListener('DOMContentLoaded', () => {
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const params = state();
    params.delete('page');
    params.delete('article');
    params.set('q', $('q').value.trim());
    params.set('from', $('from').value);
    params.set('to', $('to').value);
    // A bare entity link (#entity=X) is a page; keep it as a filter of the new search.
    go(params);
  });
  window.addEventListener('hashchange', route);
  route();
  loadFx();
});
