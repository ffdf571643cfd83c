// Browser test of the graph viewer at /, run against a live server:
// IPGRAPH_URL=http://localhost:8080 npm run test:browser (in web/).
//
// With the keyboard it searches IPGRAPH_SEARCH (default CNIPA) and opens the
// first match, then checks that
//   - the neighbourhood is drawn: the Cytoscape canvases hold a meaningful
//     number of painted pixels (an empty canvas fails);
//   - clicking a neighbour (at its rendered position) adds its neighbours;
//   - clicking a relation shows its predicate and evidence sentences with
//     document and offset, as the relation's data says; and that every edge
//     of the graph opens a non-empty evidence panel;
//   - the type and predicate filters hide elements without removing them,
//     and the download link follows what is visible;
//   - the download link's URL answers 200 with the visible entities for
//     cyjs and graphml (and a click downloads the file);
//   - no page error, console error or CSP refusal happened, and no request
//     left the server.
// A screenshot goes to $ARTIFACTS_DIR/viewer.png (default web/test/artifacts).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, baseURL, offlineCheck, useBrowser, watch } from './browser.mjs';

const session = useBrowser();
const searchText = process.env.IPGRAPH_SEARCH || 'CNIPA';

// Fewer painted pixels than this means the graph was not drawn.
const MIN_PAINTED_PIXELS = 3000;

// idle waits until the viewer has no request or layout in flight.
async function idle(page) {
  await page.waitForFunction(() => window.ipgraphViewer && window.ipgraphViewer.pending === 0, null, { timeout: 20_000 });
}

// counts reads how many elements the graph holds and shows.
function counts(page) {
  return page.evaluate(() => {
    const { cy } = window.ipgraphViewer;
    return {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      visibleNodes: cy.nodes(':visible').length,
      visibleEdges: cy.edges(':visible').length,
    };
  });
}

// clickGraph clicks at a rendered position inside the graph container.
async function clickGraph(page, { x, y }) {
  const box = await page.locator('#graph').boundingBox();
  await page.mouse.click(box.x + x, box.y + y);
}

const selectedId = (page) => page.evaluate(() => window.ipgraphViewer.cy.$(':selected').map((e) => e.id()).join(','));

// paintedPixels counts the pixels of the Cytoscape canvases that are drawn
// (not transparent and not the white background).
function paintedPixels(page) {
  return page.evaluate(() => {
    let painted = 0;
    for (const canvas of document.querySelectorAll('#graph canvas')) {
      const ctx = canvas.getContext('2d');
      if (!ctx || !canvas.width || !canvas.height) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        const white = data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245;
        if (data[i + 3] > 32 && !white) painted++;
      }
    }
    return painted;
  });
}

// downloadURL reads the download link for one format.
async function downloadURL(page, format) {
  await page.selectOption('#export-format', format);
  return page.locator('#download').evaluate((a) => (a.hasAttribute('href') ? a.href : ''));
}

describe('graph viewer at /', () => {
  let page;
  let problems;
  let rootId;

  before(async () => {
    page = await session.context.newPage();
    problems = watch(page);
  });

  after(async () => {
    if (!page) return;
    await page.screenshot({ path: path.join(artifacts, 'viewer.png') });
    await page.close();
  });

  test('loads the viewer page', { timeout: 30_000 }, async () => {
    const response = await page.goto(`${baseURL}/`);
    assert.equal(response.status(), 200, 'viewer page status (is the bundle built? run `make web`)');
    await page.waitForFunction(() => window.ipgraphViewer?.cy, null, { timeout: 15_000 });
    assert.equal(await page.locator('#search-text').getAttribute('id'), 'search-text');
    assert.ok(await page.locator('label[for="search-text"]').count(), 'the search box has a label');
    assert.equal(await page.locator('#status').getAttribute('aria-live'), 'polite');
  });

  test(`searches “${searchText}” and draws its neighbourhood, by keyboard`, { timeout: 30_000 }, async () => {
    await page.locator('#search-text').focus();
    await page.keyboard.type(searchText);
    await page.keyboard.press('Enter');
    await page.locator('#results button.result').first().waitFor({ timeout: 15_000 });
    await idle(page);
    assert.notEqual(await page.locator('#status').getAttribute('data-kind'), 'error', await page.locator('#status').innerText());

    // Arrow down to the first match, Enter to open it.
    await page.keyboard.press('ArrowDown');
    const first = page.locator('#results button.result').first();
    assert.ok(await first.evaluate((b) => b === document.activeElement), 'ArrowDown focuses the first match');
    rootId = await first.getAttribute('data-id');
    const name = await first.locator('.name').innerText();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.ipgraphViewer.cy.nodes().length > 0, null, { timeout: 15_000 });
    await idle(page);

    const c = await counts(page);
    assert.ok(c.nodes > 1 && c.edges > 0, `the neighbourhood of ${rootId} has nodes and edges (got ${JSON.stringify(c)})`);
    assert.equal(await selectedId(page), rootId, 'the opened entity is selected');
    assert.match(await page.locator('#details h2').innerText(), new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(await page.locator('#details').innerText(), new RegExp(`Identifier\\s+${rootId}`));
    assert.notEqual(await page.locator('#status').getAttribute('data-kind'), 'error', await page.locator('#status').innerText());
  });

  test('draws the graph on the canvas', async (t) => {
    const painted = await paintedPixels(page);
    t.diagnostic(`painted pixels: ${painted}`);
    assert.ok(painted >= MIN_PAINTED_PIXELS, `painted pixels on the graph canvases: ${painted}, want at least ${MIN_PAINTED_PIXELS}`);
  });

  test('clicking a neighbour expands it', { timeout: 60_000 }, async () => {
    // Neighbours with relations not drawn yet, at their rendered positions.
    const candidates = await page.evaluate((root) => window.ipgraphViewer.cy.nodes('[?more]')
      .filter((n) => n.id() !== root)
      .map((n) => ({ id: n.id(), ...n.renderedPosition() })), rootId);
    assert.ok(candidates.length > 0, `some neighbour of ${rootId} has further relations (try another IPGRAPH_SEARCH)`);

    const before = await counts(page);
    const target = candidates[0];
    await clickGraph(page, target);
    assert.equal(await selectedId(page), target.id, `the click at (${target.x}, ${target.y}) selected ${target.id}`);
    await idle(page);
    const after = await counts(page);
    assert.ok(after.nodes > before.nodes, `expanding ${target.id} added nodes: ${before.nodes} → ${after.nodes}`);
    assert.match(await page.locator('#status').innerText(), /Added \d+ entit/);
    assert.ok(await page.locator('#details button:has-text("Neighbours shown")').isDisabled(), 'the expanded node says so');
  });

  test('clicking a relation shows its evidence', { timeout: 30_000 }, async () => {
    // An edge with evidence whose midpoint no node covers.
    const edge = await page.evaluate(() => {
      const { cy } = window.ipgraphViewer;
      const boxes = cy.nodes(':visible').map((n) => n.renderedBoundingBox({ includeLabels: true }));
      const covered = (p) => boxes.some((b) => p.x > b.x1 - 4 && p.x < b.x2 + 4 && p.y > b.y1 - 4 && p.y < b.y2 + 4);
      const inside = (p) => p.x > 5 && p.y > 5 && p.x < cy.width() - 5 && p.y < cy.height() - 5;
      const e = cy.edges(':visible').filter((x) => x.data('evidence').length > 0 && x.data('evidence')[0].kind === 'SENTENCE')
        .filter((x) => inside(x.renderedMidpoint()) && !covered(x.renderedMidpoint()))[0];
      return e && { id: e.id(), ...e.renderedMidpoint(), predicate: e.data('predicate'), evidence: e.data('evidence') };
    });
    assert.ok(edge, 'a visible relation with evidence can be clicked');

    await clickGraph(page, edge);
    assert.equal(await selectedId(page), edge.id, 'the click selected the relation');
    const details = page.locator('#details');
    assert.match(await details.locator('h2').innerText(), /Relation/);
    assert.match(await details.locator('.triple').innerText(), new RegExp(`—${edge.predicate}→`));

    const items = details.locator('ol.evidence > li');
    assert.equal(await items.count(), edge.evidence.length, 'one item per evidence sentence');
    const sentence = (await items.first().locator('blockquote').innerText()).trim();
    const documentName = (await items.first().locator('.document').innerText()).trim();
    assert.ok(sentence.length > 10, `the evidence shows a sentence (got ${JSON.stringify(sentence)})`);
    assert.equal(sentence, edge.evidence[0].sentence.trim());
    assert.ok(documentName.length > 0, 'the evidence names its document');
    assert.match(await items.first().locator('.cite').innerText(), new RegExp(`offset ${edge.evidence[0].offset}`));
  });

  test('background knowledge is shown as such, never as a sentence', async () => {
    const shown = await page.evaluate(() => {
      const { cy } = window.ipgraphViewer;
      const e = cy.edges().filter((x) => x.data('evidence').some((ev) => ev.kind === 'BACKGROUND'))[0];
      if (!e) return null;
      e.emit('tap');
      const li = document.querySelector('#details ol.evidence > li.background');
      return li && { text: li.textContent, quotes: li.querySelectorAll('blockquote').length, knownFrom: e.data('evidence').find((ev) => ev.kind === 'BACKGROUND').knownFrom };
    });
    assert.ok(shown, 'the test graph has a relation known only from a gazetteer row, and its panel lists it');
    assert.equal(shown.quotes, 0, 'no sentence is shown for background knowledge');
    assert.match(shown.text, /Background knowledge/);
    assert.ok(shown.knownFrom.startsWith('gazetteer '), `knownFrom names the gazetteer row (${shown.knownFrom})`);
    assert.ok(shown.text.includes(shown.knownFrom), 'the panel names the row');
  });

  test('every relation opens a non-empty evidence panel', async () => {
    const empty = await page.evaluate(() => {
      const { cy } = window.ipgraphViewer;
      const bad = [];
      cy.edges().forEach((e) => {
        e.emit('tap');
        const panel = document.querySelector('#details');
        const sentences = [...panel.querySelectorAll('ol.evidence blockquote, ol.evidence p.background')].filter((b) => b.textContent.trim());
        const none = panel.querySelector('#no-evidence');
        if (!sentences.length && !(none && none.textContent.trim())) bad.push(e.id());
      });
      return bad;
    });
    assert.deepEqual(empty, [], 'relations whose panel shows nothing');
  });

  test('the type filter hides and shows entities, and the download follows', { timeout: 30_000 }, async () => {
    const before = await counts(page);
    // A type present in the graph other than the opened entity's.
    const type = await page.evaluate((root) => {
      const { cy } = window.ipgraphViewer;
      const rootType = cy.getElementById(root).data('type');
      const other = cy.nodes().filter((n) => n.data('type') !== rootType)[0];
      return other && other.data('type');
    }, rootId);
    assert.ok(type, 'the graph holds more than one entity type');
    const ofType = await page.evaluate((t) => window.ipgraphViewer.cy.nodes(`[type = "${t}"]`).length, type);

    await page.locator(`#type-${type}`).uncheck();
    const hidden = await counts(page);
    assert.equal(hidden.visibleNodes, before.visibleNodes - ofType, `unchecking ${type} hides its ${ofType} entities`);
    assert.equal(hidden.nodes, before.nodes, 'filtered entities stay in the graph');
    const url = new URL(await downloadURL(page, 'cyjs'));
    assert.equal(url.searchParams.get('ids').split(',').length, hidden.visibleNodes, 'the download names the visible entities');

    await page.locator(`#type-${type}`).check();
    assert.deepEqual(await counts(page), before, `checking ${type} again restores the view`);
  });

  test('the predicate filter hides relations and restricts the download', { timeout: 30_000 }, async () => {
    const before = await counts(page);
    const predicate = await page.evaluate(() => window.ipgraphViewer.cy.edges()[0].data('predicate'));
    await page.locator(`[id="predicate-${predicate}"]`).uncheck();
    const hidden = await counts(page);
    assert.ok(hidden.visibleEdges < before.visibleEdges, `unchecking ${predicate} hides relations`);
    const url = new URL(await downloadURL(page, 'graphml'));
    const predicates = url.searchParams.get('predicates');
    assert.ok(predicates !== null && !predicates.split(',').includes(predicate), `the download leaves out ${predicate}: ${url}`);
    await page.locator(`[id="predicate-${predicate}"]`).check();
    assert.deepEqual(await counts(page), before);
    assert.equal(new URL(await downloadURL(page, 'graphml')).searchParams.get('predicates'), null, 'no predicate filter, no predicates parameter');
  });

  for (const format of ['cyjs', 'graphml']) {
    test(`the ${format} download answers with the visible subgraph`, { timeout: 30_000 }, async () => {
      const href = await downloadURL(page, format);
      assert.ok(href, 'the download link has a URL');
      const url = new URL(href);
      assert.equal(url.origin + url.pathname, `${baseURL}/export`, 'a relative URL to the server\'s export');
      assert.equal(url.searchParams.get('format'), format);
      const response = await page.request.get(href);
      const body = await response.text();
      assert.equal(response.status(), 200, `GET ${href}: ${body.slice(0, 200)}`);
      assert.ok(body.length > 0, 'the export is not empty');
      assert.ok(body.includes(rootId), `the export holds the opened entity ${rootId}`);
    });
  }

  test('clicking Download saves the file', { timeout: 30_000 }, async () => {
    await page.selectOption('#export-format', 'cyjs');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    assert.match(download.suggestedFilename(), /\S/);
    assert.equal(await download.failure(), null, 'the download completed');
  });

  test('no page errors, console errors or CSP refusals', async () => {
    assert.deepEqual(problems, []);
  });
});

offlineCheck(session);
