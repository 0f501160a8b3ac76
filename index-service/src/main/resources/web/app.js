// Caravan search page. Every value from the API is put into the page as text (textContent,
// createElement), never as HTML, so markup inside an article stays visible text.
//
// The page's state is its URL query string (?q=&country=&from=...), so a results page can be
// bookmarked, shared and reached again with the browser's back button; an article or entity page
// carries the results it was opened from in `back`.
'use strict';

const FACETS = [
  ['people', 'People', 'entity', 'PERSON'],
  ['places', 'Places', 'entity', 'LOCATION'],
  ['organizations', 'Organisations', 'entity', 'ORGANIZATION'],
  ['countries', 'Countries', 'country', null],
  ['currencies', 'Currencies', 'currency', null],
];
const FILTERS = ['type', 'entity', 'country', 'currency', 'from', 'to'];
const TYPES = [
  ['PERSON', 'People'],
  ['LOCATION', 'Places'],
  ['ORGANIZATION', 'Organisations'],
  ['CURRENCY', 'Currencies'],
];
const SVG = 'http://www.w3.org/2000/svg';
const DAY = 86400000;

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k === 'className') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c == null) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k === 'className' ? 'class' : k, v);
  if (text != null) node.textContent = text;
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function state() {
  return new URLSearchParams(location.search);
}

function href(params) {
  const clean = new URLSearchParams();
  for (const [k, v] of params) if (v) clean.set(k, v);
  const s = clean.toString();
  return s ? '?' + s : location.pathname;
}

function go(params) {
  history.pushState(null, '', href(params));
  route();
}

// The results the current page was reached from, for an article or entity link to come back to.
function backTo() {
  const params = state();
  if (params.get('article') || isEntityPage(params)) return params.get('back') || '';
  return params.toString();
}

function articleHref(id) {
  return href(new URLSearchParams({ article: id, back: backTo() }));
}

function entityHref(name) {
  return href(new URLSearchParams({ entity: name, back: backTo() }));
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || ('HTTP ' + response.status));
  return body;
}

// Entity mentions coloured by type: links to the entity page, or (inside another link, such as a
// result's title) marks only, since a link inside a link opens one or the other at random.
function segments(list, links = true) {
  const span = el('span');
  for (const s of list || []) {
    if (!s.type) {
      span.append(document.createTextNode(s.text));
    } else if (links) {
      span.append(el('a', { className: 'ent ent-' + s.type, href: entityHref(s.entity),
        title: s.type.toLowerCase() + ': ' + s.entity, 'data-type': s.type }, s.text));
    } else {
      span.append(el('mark', { className: 'ent ent-' + s.type, title: s.type.toLowerCase() + ': ' + s.entity,
        'data-type': s.type }, s.text));
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
  for (const id of ['results', 'pager', 'facets', 'active-filters', 'status']) $(id).hidden = view !== 'search';
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
  const usd = body.moneyUsd ? ' · money stated: ' + dollars(body.moneyUsd, 0) + ' (each amount once, prices not counted)' : '';
  $('status').textContent = body.total + (body.total === 1 ? ' article' : ' articles') + usd;
  renderFilters(params);
  renderFacets(body.facets, params);
  renderResults(body.results);
  renderPager(body, params);
  const currencies = (body.facets && body.facets.currencies) || [];
  followCurrency(params.get('currency') || (currencies[0] && currencies[0].name));
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
      list.append(el('li', {}, el('a', { href: href(next), 'data-facet': key }, el('span', {}, v.name), el('span', {}, v.count))));
    }
    box.append(el('div', { className: 'facet' }, el('h3', {}, label), list));
  }
}

function renderResults(results) {
  const list = $('results');
  clear(list);
  for (const r of results) {
    const title = el('a', { className: 'result-title', href: articleHref(r.id) });
    title.append(segments(r.titleSegments, false));
    const meta = el('div', { className: 'meta' }, r.source + ' · ' + r.publishedDate + (r.truncated ? ' · teaser' : ''));
    const item = el('li', { className: 'result', 'data-id': r.id }, title, meta);
    item.append(el('p', { className: 'snippet' }, segments(r.snippetSegments)));
    for (const h of r.highlights || []) item.append(highlight(h));
    const money = moneyFacts(r.moneyFacts, 'result-money');
    if (money) item.append(money);
    list.append(item);
  }
}

function dollars(value, digits = 2) {
  return '$' + Number(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function number(value) {
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

// One line per money fact: the amount as written, its currency, its stated equivalent, USD to the
// cent and where the USD came from (the rate and its date), or why there is none. A price (per
// litre, per ticket) is marked and never summed.
function moneyFacts(facts, className) {
  if (!facts || !facts.length) return null;
  const list = el('ul', { className: 'money ' + className });
  for (const f of facts) {
    const item = el('li', { className: 'money-fact', 'data-kind': f.kind },
      el('q', { className: 'money-text' }, f.text), ' ',
      el('span', { className: 'money-currency', title: 'currency' }, f.currency));
    if (f.kind === 'RANGE' && f.amountMax != null) item.append(' ', el('span', { className: 'money-range' }, 'range ' + number(f.amount) + '–' + number(f.amountMax)));
    if (f.equivalentCurrency) item.append(' ', el('span', { className: 'money-equivalent' }, '= ' + number(f.equivalentAmount) + ' ' + f.equivalentCurrency));
    if (f.usd != null) {
      item.append(' → ', el('strong', { className: 'money-usd' }, dollars(f.usd)));
      if (f.usdSource === 'RATE') {
        item.append(' ', el('span', { className: 'money-rate' }, 'at ' + f.rate + ' USD/' + f.currency),
          ' ', el('span', { className: 'money-rate-date' }, 'rate of ' + f.rateAsOf));
      } else {
        item.append(' ', el('span', { className: 'money-rate' }, f.usdSource === 'STATED' ? 'as the article states it' : 'in dollars'));
      }
    } else {
      item.append(' → ', el('span', { className: 'money-no-usd' }, 'no USD: ' + (f.noUsdReason || 'no rate known')));
    }
    if (f.kind === 'PRICE') item.append(' ', el('span', { className: 'money-price' }, 'price' + (f.unit ? ' per ' + f.unit : '') + ', not in totals'));
    if (f.mentions > 1) item.append(el('span', { className: 'meta' }, ' · stated ' + f.mentions + ' times, counted once'));
    list.append(item);
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

function backLink(params) {
  const back = params.get('back');
  return el('p', { className: 'back' }, el('a', { id: 'back-to-results', href: back ? '?' + back : location.pathname },
    back ? '← back to the results' : '← all articles'));
}

async function entityPage(params) {
  showOnly('detail');
  const box = $('detail');
  clear(box);
  box.append(backLink(params));
  let body;
  try {
    body = await api('/v1/entities/' + encodeURIComponent(params.get('entity')));
  } catch (e) {
    box.append(el('p', { className: 'error' }, e.message));
    return;
  }
  const heading = el('h1', { id: 'entity-name' }, el('span', { className: 'ent ent-' + body.type }, body.name));
  const where = [body.type, body.country, body.region].filter(Boolean).join(' · ');
  box.append(heading, el('p', { className: 'meta' }, where + ' · mentioned in ' + body.total + (body.total === 1 ? ' article' : ' articles')));
  if (body.forms && body.forms.length) box.append(el('p', { className: 'meta', id: 'entity-forms' }, 'also written: ' + body.forms.join(', ')));
  box.append(el('h3', {}, 'Over time'), timelineChart(body.timeline));
  const list = el('ol', { id: 'entity-articles' });
  for (const a of body.articles) {
    const title = el('a', { href: articleHref(a.id) });
    title.append(segments(a.titleSegments, false));
    list.append(el('li', {}, title, el('span', { className: 'meta' }, ' ' + a.publishedDate + ' · ' + a.source)));
  }
  const filtered = new URLSearchParams({ entity: body.name, type: body.type || '' });
  box.append(list, el('a', { href: href(filtered), id: 'entity-search' }, 'Search within these articles'));
}

const time = (date) => Date.parse(date + 'T00:00:00Z');
const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

// Evenly spaced dates between the first and last (x is proportional to time, so are they).
function dateTicks(t0, t1, count) {
  if (t1 <= t0) return [t0];
  const ticks = [];
  for (let i = 0; i < count; i++) ticks.push(t0 + Math.round((t1 - t0) * i / (count - 1) / DAY) * DAY);
  return [...new Set(ticks)];
}

// Articles per day as bars on a time axis.
function timelineChart(points) {
  const w = 320, h = 90, left = 26, right = 8, top = 8, bottom = 18;
  const chart = svg('svg', { id: 'entity-timeline', viewBox: '0 0 ' + w + ' ' + h, role: 'img',
    'aria-label': 'articles per day' });
  if (!points.length) return chart;
  const t0 = time(points[0].date), t1 = time(points[points.length - 1].date);
  const max = Math.max(...points.map((p) => p.count));
  const x = (t) => (t1 === t0 ? left + (w - left - right) / 2 : left + (t - t0) * (w - left - right) / (t1 - t0));
  const y = (c) => h - bottom - c * (h - bottom - top) / max;
  const bar = Math.max(2, Math.min(12, (w - left - right) / Math.max(1, (t1 - t0) / DAY + 1) - 1));
  chart.append(svg('line', { x1: left, y1: h - bottom, x2: w - right, y2: h - bottom, className: 'axis', stroke: '#999' }));
  for (const p of points) {
    const rect = svg('rect', { x: x(time(p.date)) - bar / 2, y: y(p.count), width: bar, height: h - bottom - y(p.count),
      'data-date': p.date, 'data-count': p.count });
    rect.append(svg('title', {}, p.date + ': ' + p.count + (p.count === 1 ? ' article' : ' articles')));
    chart.append(rect);
  }
  chart.append(svg('text', { x: 2, y: top + 8 }, String(max)));
  chart.append(svg('text', { x: 2, y: h - bottom }, '0'));
  for (const t of dateTicks(t0, t1, t1 - t0 > 2 * DAY ? 3 : 1)) {
    chart.append(svg('text', { x: x(t), y: h - 4, 'text-anchor': t === t0 && t1 !== t0 ? 'start' : t === t1 && t1 !== t0 ? 'end' : 'middle',
      className: 'date-label' }, isoDay(t)));
  }
  return chart;
}

async function articlePage(params) {
  showOnly('detail');
  const box = $('detail');
  clear(box);
  box.append(backLink(params));
  let a;
  try {
    a = await api('/v1/articles/' + encodeURIComponent(params.get('article')));
  } catch (e) {
    box.append(el('p', { className: 'error' }, e.message));
    return;
  }
  const title = el('h1', { id: 'article-title' });
  title.append(segments(a.titleSegments));
  const dated = { SOURCE: 'dated by the source', PAGE: 'dated by the page', TEXT: 'dated from its text', OPTION: 'date given at ingestion', INGESTED: 'date of ingestion' }[a.dateSource];
  const meta = el('p', { className: 'meta', id: 'article-meta' },
    el('time', { id: 'article-date', datetime: a.publishedDate }, a.publishedDate), dated ? ' (' + dated + ')' : null,
    ' · ', el('span', { id: 'article-source-name' }, a.source), a.truncated ? ' · teaser' : null);
  if (a.url) {
    meta.append(' · ', el('a', { id: 'article-source', href: safeUrl(a.url), rel: 'noopener noreferrer' }, 'original at ' + host(a.url)));
  }
  box.append(title, meta);
  const body = el('p', { id: 'article-body' });
  body.append(segments(a.bodySegments));
  box.append(body);
  const money = moneyFacts(a.moneyFacts, 'article-money');
  if (money) {
    const total = a.moneyUsd ? 'Money in this article: ' + dollars(a.moneyUsd) + ' in total, each amount once' : 'Money in this article';
    box.append(el('section', { id: 'article-money' }, el('h2', {}, total), money));
  }
  box.append(entityGroups(a.entities));
}

// The article's entities by type; places with their country and region.
function entityGroups(entities) {
  const section = el('section', { id: 'article-entities' }, el('h2', {}, 'Named in this article'));
  for (const [type, label] of TYPES) {
    const of = (entities || []).filter((e) => e.type === type);
    if (!of.length) continue;
    const list = el('ul', { className: 'entity-group', 'data-type': type });
    for (const e of of) {
      const where = [e.country, e.region].filter(Boolean).join(', ');
      list.append(el('li', { className: 'entity' },
        el('a', { className: 'ent ent-' + type, href: entityHref(e.name) }, e.name),
        where ? el('span', { className: 'entity-where' }, ' ' + where) : null,
        el('span', { className: 'meta' }, ' · ' + e.mentions + (e.mentions === 1 ? ' mention' : ' mentions'))));
    }
    section.append(el('div', { className: 'entity-type' }, el('h3', {}, label), list));
  }
  return section;
}

function host(url) {
  try { return new URL(url).host; } catch (e) { return url; }
}

// Only web links become hrefs: a javascript: URL in a record stays inert text.
function safeUrl(url) {
  return /^https?:\/\//i.test(url) ? url : '#';
}

let fxPairs = null;
let fxShown = null;

function loadFx() {
  fxPairs = api('/v1/fx').then((b) => b.pairs).catch((e) => {
    $('fx-chart').textContent = 'FX rates unavailable: ' + e.message;
    return [];
  });
  fxPairs.then((pairs) => {
    $('fx-pair').onchange = () => drawFx($('fx-pair').value);
    if (!pairs.length) $('fx-chart').textContent = 'No FX ticks yet.';
    else if (!fxShown) showPair(pairs.includes('KZT-USD') ? 'KZT-USD' : pairs[0], pairs);
  });
}

// The chart follows the search: the query's currency (or the results' top currency) first.
async function followCurrency(code) {
  if (!fxPairs || !code) return;
  const pairs = await fxPairs;
  const pair = code.toUpperCase() + '-USD';
  if (pairs.includes(pair) && pair !== fxShown) showPair(pair, pairs);
}

function showPair(pair, pairs) {
  const select = $('fx-pair');
  clear(select);
  for (const p of [pair, ...pairs.filter((p) => p !== pair)]) select.append(el('option', { value: p }, p.replace('-', '/')));
  drawFx(pair);
}

// A rate a reader can tell apart from its neighbours: UZS at 0.0000786 USD is shown per 1,000 UZS
// (0.0786), with as many significant digits as it takes for the axis labels to differ.
function rateScale(max) {
  for (const per of [1, 1000, 1000000, 1000000000]) if (max * per >= 0.01) return per;
  return 1000000000;
}

function digitsApart(a, b) {
  for (let d = 3; d <= 8; d++) if (Number(a).toPrecision(d) !== Number(b).toPrecision(d)) return d;
  return 3;
}

async function drawFx(pair) {
  fxShown = pair;
  $('fx-pair').value = pair;
  const box = $('fx-chart');
  let body;
  try {
    body = await api('/v1/fx/' + encodeURIComponent(pair));
  } catch (e) {
    clear(box);
    box.textContent = e.message;
    return;
  }
  if (fxShown !== pair) return; // another pair was asked for meanwhile
  clear(box);
  const [base, quote] = body.pair.split('/');
  const pts = body.points;
  const per = pts.length ? rateScale(Math.max(...pts.map((p) => p.rate))) : 1;
  const unit = quote + ' per ' + (per === 1 ? '' : per.toLocaleString('en-US') + ' ') + base;
  box.append(el('p', { id: 'fx-legend', className: 'fx-legend' }, el('span', { className: 'swatch' }), ' ' + body.pair + ' · ' + unit));
  const w = 280, h = 160, top = 10, right = 10, left = 50, bottom = 30;
  const chart = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, id: 'fx-svg', role: 'img', 'aria-label': body.pair + ' over time' });
  if (pts.length) {
    const rates = pts.map((p) => p.rate * per);
    let min = Math.min(...rates), max = Math.max(...rates);
    const t0 = time(pts[0].asOf), t1 = time(pts[pts.length - 1].asOf);
    const x = (t) => (t1 === t0 ? left + (w - left - right) / 2 : left + (t - t0) * (w - left - right) / (t1 - t0));
    const y = (r) => (max === min ? (h - bottom + top) / 2 : h - bottom - (r - min) * (h - bottom - top) / (max - min));
    chart.append(svg('line', { x1: left, y1: h - bottom, x2: w - right, y2: h - bottom, stroke: '#999' }));
    chart.append(svg('line', { x1: left, y1: top, x2: left, y2: h - bottom, stroke: '#999' }));
    chart.append(svg('polyline', { points: pts.map((p, i) => x(time(p.asOf)) + ',' + y(rates[i])).join(' ') }));
    for (const [i, p] of pts.entries()) {
      const dot = svg('circle', { cx: x(time(p.asOf)), cy: y(rates[i]), r: 3, 'data-date': p.asOf, 'data-rate': p.rate });
      dot.append(svg('title', {}, p.asOf + ': 1 ' + base + ' = ' + p.rate + ' ' + quote
        + (p.rate > 0 ? ' (1 ' + quote + ' = ' + number(1 / p.rate) + ' ' + base + ')' : '') + (p.changePct != null ? ', ' + p.changePct + '%' : '')));
      chart.append(dot);
    }
    const d = digitsApart(min, max);
    chart.append(svg('text', { x: left - 4, y: top + 4, 'text-anchor': 'end', className: 'rate-label' }, Number(max.toPrecision(d)).toLocaleString('en-US', { maximumSignificantDigits: d })));
    if (max !== min) chart.append(svg('text', { x: left - 4, y: h - bottom, 'text-anchor': 'end', className: 'rate-label' }, Number(min.toPrecision(d)).toLocaleString('en-US', { maximumSignificantDigits: d })));
    const ticks = dateTicks(t0, t1, t1 - t0 >= 2 * DAY ? 3 : 1);
    for (const t of ticks) {
      chart.append(svg('line', { x1: x(t), y1: h - bottom, x2: x(t), y2: h - bottom + 3, stroke: '#999' }));
      const anchor = ticks.length === 1 ? 'middle' : t === t0 ? 'start' : t === t1 ? 'end' : 'middle';
      chart.append(svg('text', { x: x(t), y: h - bottom + 14, 'text-anchor': anchor, className: 'date-label' }, isoDay(t)));
    }
  }
  const last = pts[pts.length - 1];
  box.append(chart, el('p', { className: 'meta', id: 'fx-caption' }, body.pair + ', ' + pts.length + ' observations'
    + (last && last.rate > 0 ? ' · last ' + last.asOf + ': 1 ' + quote + ' = ' + number(1 / last.rate) + ' ' + base : '')));
}

function isEntityPage(params) {
  return params.get('entity') && [...params.keys()].every((k) => k === 'entity' || k === 'back');
}

function route() {
  const params = state();
  if (isEntityPage(params)) return entityPage(params);
  if (params.get('article')) return articlePage(params);
  return search(params);
}

// Links of old (#article=, #entity=, #q=) addresses still work.
function fromHash() {
  if (location.hash.length > 1 && !location.search) {
    history.replaceState(null, '', '?' + location.hash.slice(1));
    return true;
  }
  return false;
}

document.addEventListener('DOMContentLoaded', () => {
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const params = isEntityPage(state()) || state().get('article') ? new URLSearchParams(state().get('back') || '') : state();
    params.delete('page');
    params.set('q', $('q').value.trim());
    params.set('from', $('from').value);
    params.set('to', $('to').value);
    go(params);
  });
  // The page's own links change the URL and the view without a reload.
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[href]');
    if (!a || a.getAttribute('href').startsWith('#') || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname) return;
    e.preventDefault();
    history.pushState(null, '', url.search || location.pathname);
    route();
    window.scrollTo(0, 0);
  });
  window.addEventListener('popstate', route);
  window.addEventListener('hashchange', () => { if (fromHash()) route(); });
  fromHash();
  loadFx();
  route();
});
