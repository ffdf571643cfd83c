// Entry point of the graph viewer served at /.
//
// Search an entity, see its neighbourhood as a graph (Cytoscape.js), click
// entities to expand them and relations to read the sentences that state
// them, filter by type and predicate, and download what is visible through
// the server's /export. Every value from the server is inserted as text,
// never as HTML. The page is static/index.html; this script finds its parts
// by id.

import cytoscape from 'cytoscape';
import './viewer.css';
import { EXPORT_FORMATS, exportURL, neighbors, search } from './viewer-api.js';
import { TYPES, graphStyle, swatch, typeInfo } from './viewer-style.js';

const $ = (selector) => document.querySelector(selector);
const ui = {
  form: $('#search'),
  input: $('#search-text'),
  status: $('#status'),
  results: $('#results'),
  resultList: $('#results ul'),
  graph: $('#graph'),
  summary: $('#graph-summary'),
  details: $('#details'),
  typeFilter: $('#type-filter .choices'),
  predicateFilter: $('#predicate-filter .choices'),
  format: $('#export-format'),
  download: $('#download'),
  fit: $('#fit'),
  relayout: $('#relayout'),
  clear: $('#clear'),
};

const state = {
  rootId: null,
  expanded: new Set(), // ids whose neighbours were fetched
  typeOn: new Map(), // type -> shown?
  predicateOn: new Map(), // predicate -> shown?
  pending: 0, // requests and layouts in flight (the tests wait for 0)
  generation: 0, // bumped when the graph is replaced; late answers are dropped
  layout: null, // the running layout, stopped before another starts
};

const cy = cytoscape({
  container: ui.graph,
  style: graphStyle(),
  minZoom: 0.15,
  maxZoom: 4,
  boxSelectionEnabled: false,
  selectionType: 'single',
});

// Tests reach the graph through this handle.
window.ipgraphViewer = {
  cy,
  get pending() {
    return state.pending;
  },
};

// el builds an element: el('a', {href: '#'}, 'text', child, …). Attributes
// starting with "on" become listeners.
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function setStatus(text, kind = 'info') {
  ui.status.textContent = text;
  ui.status.dataset.kind = kind;
}

// busy runs work with the status saying what is going on; a failure ends
// up in the status line as an error, prefixed by failure.
async function busy(message, failure, work) {
  state.pending++;
  document.body.dataset.busy = 'true';
  setStatus(message, 'busy');
  try {
    return await work();
  } catch (err) {
    setStatus(`${failure}: ${err.message}`, 'error');
    return undefined;
  } finally {
    state.pending--;
    if (state.pending === 0) delete document.body.dataset.busy;
  }
}

// ---- search ---------------------------------------------------------------

async function runSearch(text) {
  await busy(`Searching for “${text}”…`, 'Search failed', async () => {
    const { entities, total } = await search(text);
    ui.resultList.replaceChildren(...entities.map(resultItem));
    ui.results.hidden = false;
    if (!entities.length) {
      setStatus(`Nothing matches “${text}”.`);
      return;
    }
    const shown = total > entities.length ? `, the first ${entities.length} listed` : '';
    setStatus(`${plural(total, 'match', 'matches')} for “${text}”${shown}. Pick one to see its neighbourhood.`);
  });
}

function resultItem(entity) {
  const info = typeInfo(entity.type);
  const aliases = (entity.aliases || []).slice(0, 3).join(', ');
  return el('li', {},
    el('button', { type: 'button', class: 'result', 'data-id': entity.id, onclick: () => openRoot(entity.id) },
      swatch(entity.type),
      el('span', { class: 'name' }, entity.name),
      el('span', { class: 'meta' }, info.label, aliases ? ` · ${aliases}` : '')));
}

// Arrow keys move between the search box and the result buttons.
function moveFocus(event) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...ui.resultList.querySelectorAll('button')];
  if (!buttons.length || ui.results.hidden) return;
  const at = buttons.indexOf(document.activeElement);
  const step = event.key === 'ArrowDown' ? 1 : -1;
  const next = at + step;
  event.preventDefault();
  if (next < 0) ui.input.focus();
  else buttons[Math.min(next, buttons.length - 1)].focus();
}

// ---- graph ----------------------------------------------------------------

const relationId = (r) => `${r.source.id}|${r.predicate}|${r.target.id}`;

function entityData(e) {
  return { id: e.id, name: e.name, type: e.type, aliases: e.aliases || [], relationCount: e.relationCount ?? 0 };
}

function relationData(r) {
  return {
    id: relationId(r),
    source: r.source.id,
    target: r.target.id,
    predicate: r.predicate,
    evidence: r.evidence || [],
    evidenceCount: r.evidenceCount ?? (r.evidence || []).length,
  };
}

// addSubgraph adds the entities and relations not yet in the graph and
// returns the new elements; known entities get their data refreshed.
function addSubgraph(sub) {
  const nodes = [];
  for (const n of sub.nodes) {
    const known = cy.getElementById(n.id);
    if (known.nonempty()) known.data(entityData(n));
    else nodes.push({ group: 'nodes', data: entityData(n) });
  }
  const added = cy.add(nodes);
  const edges = sub.relations
    .filter((r) => cy.getElementById(relationId(r)).empty())
    .filter((r) => cy.getElementById(r.source.id).nonempty() && cy.getElementById(r.target.id).nonempty())
    .map((r) => ({ group: 'edges', data: relationData(r) }));
  return added.union(cy.add(edges));
}

// markMore flags the entities that have relations the graph lacks (drawn
// with a dashed outline).
function markMore() {
  cy.nodes().forEach((n) => {
    const more = !state.expanded.has(n.id()) && n.data('relationCount') > n.connectedEdges().length;
    n.data('more', more);
  });
}

// runLayout runs a layout to its end; a running one is stopped first.
async function runLayout(options) {
  state.layout?.stop();
  const layout = cy.layout({ animate: false, fit: true, padding: 40, ...options });
  state.layout = layout;
  const done = layout.promiseOn('layoutstop');
  state.pending++;
  try {
    layout.run();
    await done;
  } finally {
    state.pending--;
    if (state.layout === layout) state.layout = null;
  }
}

// A force-directed pass from the current positions; expand() locks the
// entities already drawn, so only the new ones move.
const settle = {
  name: 'cose',
  randomize: false,
  animate: true,
  animationDuration: 300,
  initialTemp: 200,
  numIter: 1000,
  gravity: 0.2,
  nodeRepulsion: () => 400000,
  idealEdgeLength: () => 80,
};

// The Re-layout button: the same forces over the whole graph from scratch.
const relayout = { ...settle, randomize: true, initialTemp: 1000, numIter: 2500, gravity: 1 };

// placeAround puts fresh nodes on an arc around center, facing away from
// the rest of the graph, as the starting point of the settle layout.
function placeAround(center, fresh) {
  const c = center.position();
  const rest = cy.nodes().difference(fresh);
  const box = rest.boundingBox();
  const away = rest.length > 1 ? Math.atan2(c.y - (box.y1 + box.y2) / 2, c.x - (box.x1 + box.x2) / 2) : 0;
  const spread = fresh.length > 6 ? 2 * Math.PI : Math.PI;
  const radius = 100 + 6 * fresh.length;
  fresh.forEach((n, i) => {
    const a = away - spread / 2 + (spread * (i + 0.5)) / fresh.length;
    n.position({ x: c.x + radius * Math.cos(a), y: c.y + radius * Math.sin(a) });
  });
}

// openRoot replaces the graph by the neighbourhood of one entity.
async function openRoot(id) {
  const generation = ++state.generation;
  await busy('Loading the neighbourhood…', 'Could not load the neighbourhood', async () => {
    const sub = await neighbors(id);
    if (generation !== state.generation) return;
    const root = sub.nodes.find((n) => n.id === id);
    if (!root) throw new Error(`no entity has the id “${id}”`);
    cy.elements().remove();
    state.expanded = new Set([id]);
    state.rootId = id;
    addSubgraph(sub);
    cy.getElementById(id).addClass('root');
    graphChanged();
    await runLayout({
      name: 'concentric',
      concentric: (n) => (n.id() === id ? 2 : 1),
      levelWidth: () => 1,
      minNodeSpacing: 40,
    });
    selectElement(cy.getElementById(id));
    history.replaceState(null, '', `#id=${encodeURIComponent(id)}`);
    document.title = `${root.name} · ipgraph`;
    const cut = sub.truncated ? ' (the server cut the list)' : '';
    setStatus(`${root.name}: ${plural(sub.nodes.length - 1, 'neighbour')}${cut}. ` +
      'Click an entity to expand it, a relation to read its evidence.');
  });
}

// expand adds the neighbours of a node to the graph.
async function expand(node) {
  const id = node.id();
  if (state.expanded.has(id)) return;
  const name = node.data('name');
  const generation = state.generation;
  await busy(`Expanding ${name}…`, `Could not expand ${name}`, async () => {
    const sub = await neighbors(id);
    if (generation !== state.generation || node.removed()) return;
    state.expanded.add(id);
    const added = addSubgraph(sub);
    graphChanged();
    const fresh = added.nodes();
    if (added.nonempty()) {
      placeAround(node, fresh);
      const known = cy.nodes().difference(fresh).lock();
      try {
        await runLayout(settle);
      } finally {
        known.unlock();
      }
    }
    if (node.selected()) showNode(node);
    const cut = sub.truncated ? ' (the server cut the list)' : '';
    setStatus(fresh.length
      ? `Added ${plural(fresh.length, 'entity', 'entities')} around ${name}${cut}.`
      : `${name} has no relations beyond those shown.`);
  });
}

function clearGraph() {
  state.generation++;
  state.layout?.stop();
  cy.elements().remove();
  state.rootId = null;
  state.expanded = new Set();
  graphChanged();
  showHint();
  history.replaceState(null, '', location.pathname + location.search);
  document.title = 'ipgraph';
  setStatus('Graph cleared.');
}

// graphChanged brings flags, filters and the download link up to date.
function graphChanged() {
  markMore();
  renderFilters();
  applyFilters();
}

function selectElement(ele) {
  cy.elements(':selected').unselect();
  ele.select();
  if (ele.isNode()) showNode(ele);
  else showEdge(ele);
}

// ---- details panel --------------------------------------------------------

function showHint() {
  ui.details.replaceChildren(
    el('h2', {}, 'Details'),
    el('p', { class: 'hint' }, 'Search for an entity, then click an entity in the graph to expand it and see its details, or a relation to read the sentences that state it.'));
}

function entityButton(node) {
  return el('button', { type: 'button', class: 'link', onclick: () => focusElement(node) }, node.data('name'));
}

// focusElement selects an element from the panel (keyboard path) and
// brings it into view.
function focusElement(ele) {
  selectElement(ele);
  cy.animate({ center: { eles: ele }, duration: 250 });
}

function showNode(node) {
  const d = node.data();
  const info = typeInfo(d.type);
  const edges = node.connectedEdges(':visible');
  const expanded = state.expanded.has(d.id);
  ui.details.replaceChildren(
    el('h2', {}, swatch(d.type), ' ', d.name),
    el('dl', {},
      el('dt', {}, 'Type'), el('dd', {}, info.label),
      el('dt', {}, 'Identifier'), el('dd', {}, el('code', {}, d.id)),
      el('dt', {}, 'Also known as'),
      el('dd', {}, d.aliases.length ? el('ul', { class: 'aliases' }, d.aliases.map((a) => el('li', {}, a))) : 'no other names'),
      el('dt', {}, 'Relations'),
      el('dd', {}, `${d.relationCount} in the graph store, ${node.connectedEdges().length} drawn here`)),
    el('p', { class: 'actions' },
      el('button', { type: 'button', disabled: expanded, onclick: () => expand(node) },
        expanded ? 'Neighbours shown' : 'Show neighbours')),
    el('h3', {}, `Relations in view (${edges.length})`),
    edges.length
      ? el('ul', { class: 'relations' }, edges.map((e) => relationRow(e, node)))
      : el('p', { class: 'empty' }, 'None visible.'));
}

// relationRow reads "—predicate→ Other" (or "←predicate— Other"); the
// predicate opens the evidence, the other end selects that entity.
function relationRow(edge, self) {
  const outgoing = edge.source().same(self);
  const other = outgoing ? edge.target() : edge.source();
  const predicate = el('button', { type: 'button', class: 'link predicate', title: 'Show the evidence', onclick: () => focusElement(edge) },
    outgoing ? `—${edge.data('predicate')}→` : `←${edge.data('predicate')}—`);
  return el('li', {}, predicate, ' ', entityButton(other));
}

function showEdge(edge) {
  const d = edge.data();
  ui.details.replaceChildren(
    el('h2', {}, 'Relation'),
    el('p', { class: 'triple' },
      entityButton(edge.source()), ' ', el('span', { class: 'predicate' }, `—${d.predicate}→`), ' ', entityButton(edge.target())),
    el('h3', {}, `Evidence (${plural(d.evidenceCount, 'item')})`),
    ...evidenceList(d).filter(Boolean));
}

// evidenceList is never empty: a relation without sentences says so.
function evidenceList({ evidence, evidenceCount }) {
  if (!evidence.length) {
    return [el('p', { class: 'empty', id: 'no-evidence' }, 'No evidence sentence is recorded for this relation.')];
  }
  const items = evidence.map((ev) => {
    const doc = ev.document || {};
    // Background knowledge is shown as such: a gazetteer row, never a sentence.
    const said = ev.kind === 'BACKGROUND'
      ? el('p', { class: 'background' }, 'Background knowledge, stated by no sentence: ', el('span', { class: 'known-from' }, ev.knownFrom || 'gazetteer'))
      : el('blockquote', { class: 'sentence' }, ev.sentence);
    return el('li', { class: ev.kind === 'BACKGROUND' ? 'background' : 'stated' },
      said,
      ev.note ? el('p', { class: 'note relation-note' }, `Title: ${ev.note}`) : '',
      el('p', { class: 'cite' },
        el('span', { class: 'document', title: doc.source || '' }, doc.title || doc.id || 'untitled document'),
        doc.date ? ` · ${doc.date}` : '',
        ev.kind === 'BACKGROUND' ? ' · recorded with this document' : el('span', { class: 'offset' }, ` · offset ${ev.offset}`),
        doc.source ? el('span', { class: 'source' }, ` · ${doc.source}`) : ''));
  });
  const more = evidenceCount > evidence.length
    ? el('p', { class: 'note' }, `Showing ${evidence.length} of ${evidenceCount} sentences; query the relation's evidence in the GraphQL explorer for the rest.`)
    : null;
  return [el('ol', { class: 'evidence' }, items), more];
}

// ---- filters --------------------------------------------------------------

function countBy(collection, key) {
  const counts = new Map();
  collection.forEach((ele) => counts.set(ele.data(key), (counts.get(ele.data(key)) || 0) + 1));
  return counts;
}

function checkbox(id, on, onchange, count, ...label) {
  return el('li', { class: count ? null : 'none' },
    el('label', { for: id },
      el('input', { type: 'checkbox', id, checked: on, onchange }),
      ...label,
      el('span', { class: 'count' }, count)));
}

// renderFilters lists every entity type (it doubles as the legend) and the
// predicates present in the graph, keeping earlier choices.
function renderFilters() {
  const typeCounts = countBy(cy.nodes(), 'type');
  const types = [...TYPES.map((t) => t.type), ...[...typeCounts.keys()].filter((t) => !TYPES.some((k) => k.type === t))];
  ui.typeFilter.replaceChildren(...types.map((type) => {
    if (!state.typeOn.has(type)) state.typeOn.set(type, true);
    return checkbox(`type-${type}`, state.typeOn.get(type), (e) => toggle(state.typeOn, type, e.target.checked),
      typeCounts.get(type) || 0, swatch(type), ' ', typeInfo(type).label);
  }));

  const predicateCounts = countBy(cy.edges(), 'predicate');
  const predicates = [...predicateCounts.keys()].sort();
  ui.predicateFilter.replaceChildren(...(predicates.length
    ? predicates.map((p) => {
      if (!state.predicateOn.has(p)) state.predicateOn.set(p, true);
      return checkbox(`predicate-${p}`, state.predicateOn.get(p), (e) => toggle(state.predicateOn, p, e.target.checked),
        predicateCounts.get(p), p);
    })
    : [el('li', { class: 'empty' }, 'No relations in the graph yet.')]));
}

function toggle(map, key, on) {
  map.set(key, on);
  applyFilters();
}

// applyFilters hides (never removes) the elements whose type or predicate
// is switched off; an edge also disappears with either of its ends.
function applyFilters() {
  cy.batch(() => {
    cy.nodes().forEach((n) => n.toggleClass('filtered', state.typeOn.get(n.data('type')) === false));
    cy.edges().forEach((e) => e.toggleClass('filtered', state.predicateOn.get(e.data('predicate')) === false));
  });
  // Cytoscape applies a class change lazily and answers ':visible' from a
  // cache until then; reading the style applies it now.
  cy.elements().forEach((ele) => ele.style('display'));
  cy.elements(':selected').filter((e) => !e.visible()).unselect();
  const nodes = cy.nodes(':visible').length;
  const edges = cy.edges(':visible').length;
  const total = cy.nodes().length;
  ui.summary.textContent = total
    ? `${plural(nodes, 'entity', 'entities')} and ${plural(edges, 'relation')} shown` +
      (nodes < total || edges < cy.edges().length ? ` (of ${total} and ${cy.edges().length})` : '')
    : 'The graph is empty.';
  ui.graph.setAttribute('aria-label', `Graph: ${ui.summary.textContent}`);
  updateDownload();
}

// ---- download -------------------------------------------------------------

// visiblePredicates is null when no predicate is switched off (all of
// them go), else the predicates still shown.
function visiblePredicates() {
  const present = [...new Set(cy.edges().map((e) => e.data('predicate')))];
  if (present.every((p) => state.predicateOn.get(p) !== false)) return null;
  return present.filter((p) => state.predicateOn.get(p) !== false).sort();
}

function updateDownload() {
  const format = EXPORT_FORMATS.find((f) => f.value === ui.format.value) || EXPORT_FORMATS[0];
  const ids = cy.nodes(':visible').map((n) => n.id());
  if (!ids.length) {
    ui.download.removeAttribute('href');
    ui.download.setAttribute('aria-disabled', 'true');
    return;
  }
  ui.download.href = exportURL(format.value, ids, visiblePredicates());
  ui.download.download = `ipgraph-subgraph.${format.ext}`;
  ui.download.removeAttribute('aria-disabled');
}

// ---- wiring ---------------------------------------------------------------

function wire() {
  ui.format.replaceChildren(...EXPORT_FORMATS.map((f) => el('option', { value: f.value }, f.label)));
  ui.format.addEventListener('change', updateDownload);
  ui.download.addEventListener('click', (event) => {
    if (!ui.download.hasAttribute('href')) event.preventDefault();
  });

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.input.value.trim();
    if (text) runSearch(text);
  });
  ui.input.addEventListener('keydown', moveFocus);
  ui.resultList.addEventListener('keydown', moveFocus);

  ui.fit.addEventListener('click', () => cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 }, duration: 250 }));
  ui.relayout.addEventListener('click', () => runLayout(relayout));
  ui.clear.addEventListener('click', clearGraph);

  cy.on('tap', 'node', (event) => {
    showNode(event.target);
    expand(event.target);
  });
  cy.on('tap', 'edge', (event) => showEdge(event.target));
  cy.on('tap', (event) => {
    if (event.target === cy) showHint();
  });
}

// start opens what the fragment names: #id=ENTITY or #q=TEXT.
function start() {
  wire();
  showHint();
  graphChanged();
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get('id')) {
    openRoot(params.get('id'));
  } else if (params.get('q')) {
    ui.input.value = params.get('q');
    runSearch(params.get('q'));
  } else {
    setStatus('Ready. Search for an agency, law, program, region, person or organization.');
  }
}

start();
