// The ipgraph viewer: search entities by name, then read one entity's
// relations and statistics, following links to its neighbours.
// Plain DOM code, no framework; every value from the server is inserted as
// text, never as HTML. State lives in the URL fragment (#q=… or #id=…), so
// the back button and shared links work.

const endpoint = 'graphql';

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 10) { id name type }
}`;

const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    id name type aliases
    relations {
      predicate
      source { id name type }
      target { id name type }
      evidence { sentence document { title } }
    }
    statistics { metric value unit period }
  }
}`;

const $ = (selector) => document.querySelector(selector);
const form = $('#search');
const input = $('#search-text');
const status = $('#status');
const results = $('#results');
const entityView = $('#entity');

// el builds an element: el('a', {href: '#'}, 'text', child, …).
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null) continue;
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function setStatus(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

// gql posts one operation and returns its data, throwing on any error.
async function gql(query, variables) {
  let response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (err) {
    throw new Error(`cannot reach the server (${err.message})`);
  }
  let payload;
  try {
    payload = await response.json();
  } catch {
    throw new Error(`the server answered ${response.status} without JSON`);
  }
  if (payload.errors && payload.errors.length) {
    throw new Error(payload.errors.map((e) => e.message).join('; '));
  }
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return payload.data;
}

const entityHref = (id) => `#id=${encodeURIComponent(id)}`;
const typeBadge = (type) => el('span', { class: 'type' }, String(type || '').toLowerCase());

function entityLink(entity) {
  return el('a', { href: entityHref(entity.id), title: entity.id }, entity.name || entity.id);
}

async function runSearch(text) {
  input.value = text;
  entityView.hidden = true;
  setStatus(`Searching for “${text}”…`);
  try {
    const data = await gql(SEARCH, { text });
    const found = (data && data.search) || [];
    const list = results.querySelector('ul');
    list.replaceChildren(...found.map((e) => el('li', {}, entityLink(e), typeBadge(e.type))));
    results.hidden = found.length === 0;
    setStatus(found.length ? '' : `Nothing matches “${text}”.`);
  } catch (err) {
    results.hidden = true;
    setStatus(`Search failed: ${err.message}`, true);
  }
}

// A relation reads "source —predicate→ target"; the end that is the entity
// on show is plain bold text, the other end links to its own page.
function relationItem(rel, selfId) {
  const end = (e) => (e.id === selfId ? el('span', { class: 'self' }, e.name) : entityLink(e));
  const other = rel.source.id === selfId ? rel.target : rel.source;
  const evidence = (rel.evidence || []).map((ev) =>
    el('li', {},
      el('span', { class: 'sentence' }, ev.sentence),
      ev.document && ev.document.title ? el('span', { class: 'source' }, `— ${ev.document.title}`) : null));
  return el('li', {},
    end(rel.source), el('span', { class: 'predicate' }, `—${rel.predicate}→`), end(rel.target),
    typeBadge(other.type),
    evidence.length ? el('ul', { class: 'evidence' }, ...evidence) : null);
}

function formatValue(value) {
  return typeof value === 'number' ? value.toLocaleString('en') : String(value);
}

function statisticsTable(stats) {
  const head = el('tr', {}, el('th', {}, 'Metric'), el('th', {}, 'Value'), el('th', {}, 'Unit'), el('th', {}, 'Period'));
  const rows = stats.map((s) => el('tr', {},
    el('td', {}, s.metric),
    el('td', { class: 'num' }, formatValue(s.value)),
    el('td', {}, s.unit || ''),
    el('td', {}, s.period || '')));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows));
}

async function showEntity(id) {
  results.hidden = true;
  setStatus('Loading…');
  try {
    const data = await gql(ENTITY, { id });
    const e = data && data.entity;
    if (!e) {
      entityView.hidden = true;
      setStatus(`No entity has the id ${id}.`, true);
      return;
    }
    const relations = e.relations || [];
    const stats = e.statistics || [];
    entityView.replaceChildren(...[
      el('h2', {}, e.name, typeBadge(e.type)),
      e.aliases && e.aliases.length ? el('p', { class: 'aliases' }, `Also known as: ${e.aliases.join(', ')}`) : null,
      el('h3', {}, `Relations (${relations.length})`),
      relations.length
        ? el('ul', { class: 'relations' }, ...relations.map((r) => relationItem(r, e.id)))
        : el('p', { class: 'empty' }, 'No relations recorded.'),
      el('h3', {}, `Statistics (${stats.length})`),
      stats.length ? statisticsTable(stats) : el('p', { class: 'empty' }, 'No statistics recorded.'),
    ].filter(Boolean));
    entityView.hidden = false;
    document.title = `${e.name} · ipgraph`;
    setStatus('');
  } catch (err) {
    entityView.hidden = true;
    setStatus(`Could not load the entity: ${err.message}`, true);
  }
}

// route reads the fragment and shows what it names.
function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has('id')) {
    showEntity(params.get('id'));
  } else if (params.get('q')) {
    runSearch(params.get('q'));
  } else {
    results.hidden = true;
    entityView.hidden = true;
    document.title = 'ipgraph';
    setStatus('');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  const hash = `#q=${encodeURIComponent(text)}`;
  if (location.hash === hash) route();
  else location.hash = hash;
});
window.addEventListener('hashchange', route);
route();
