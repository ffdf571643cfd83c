// Browser test of the pages served by the web package, run against a live
// server: IPGRAPH_URL=http://localhost:8080 npm run test:browser (in web/).
//
// It drives Debian's Chromium through playwright-core and checks that
//   - /graphiql loads GraphiQL, fetches the schema by introspection (the
//     documentation explorer lists Query and its `entity` field), runs a
//     typed query and shows "documents" in the result panel;
//   - Monaco's web workers are served from the same server;
//   - the viewer at / searches and shows an entity without errors;
//   - no request goes to any host other than the server under test.
// Screenshots go to $ARTIFACTS_DIR (default web/test/artifacts).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const baseURL = (process.env.IPGRAPH_URL || 'http://localhost:8080').replace(/\/+$/, '');
const artifacts = process.env.ARTIFACTS_DIR || path.join(here, 'artifacts');
const localHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1', new URL(baseURL).hostname]);

let browser;
let context;
const foreign = []; // requests that tried to leave the server under test
const requests = []; // every request seen: { url, method, postData }
const responses = new Map(); // url -> status

function isLocal(url) {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return localHosts.has(u.hostname);
}

before(async () => {
  await mkdir(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Block (and remember) anything that is not the server under test.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    requests.push({ url: req.url(), method: req.method(), postData: req.postData() || '' });
    if (!isLocal(req.url())) foreign.push(req.url());
  });
  context.on('response', (res) => responses.set(res.url(), res.status()));
});

after(async () => {
  await browser?.close();
});

// watch collects page errors and console errors/warnings for one page.
function watch(page) {
  const problems = [];
  page.workerURLs = [];
  page.on('worker', (worker) => page.workerURLs.push(worker.url()));
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error' || /Could not create web worker|Refused to/.test(text)) {
      problems.push(`console ${msg.type()}: ${text}`);
    }
  });
  return problems;
}

describe('GraphiQL explorer at /graphiql', () => {
  test('loads the schema, runs a query and stays offline', { timeout: 90_000 }, async () => {
    const page = await context.newPage();
    const problems = watch(page);
    try {
      const response = await page.goto(`${baseURL}/graphiql`);
      assert.equal(response.status(), 200, 'explorer page status (is the bundle built? run `make web`)');
      await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });

      // The documentation explorer fills in once introspection has answered.
      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      const docs = page.locator('.graphiql-doc-explorer');
      const queryType = docs.locator('a', { hasText: /^Query$/ }).first();
      await queryType.waitFor({ timeout: 30_000 });
      await queryType.click();
      await docs.getByText('entity', { exact: true }).first().waitFor({ timeout: 10_000 });
      assert.ok(
        requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/graphql' && r.postData.includes('__schema')),
        'an introspection query was POSTed to /graphql',
      );

      // Replace the operation with our own and run it.
      const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.insertText('{ documents { title } }');
      const typed = (await page.locator('.graphiql-query-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
      assert.match(typed, /\{ documents \{ title \} \}/, `operation editor holds the query (got ${JSON.stringify(typed)})`);

      await page.locator('.graphiql-execute-button').click();
      const result = page.locator('.result-window .view-lines');
      await page.waitForFunction(
        () => (document.querySelector('.result-window .view-lines')?.innerText || '').includes('"documents"'),
        null, { timeout: 20_000 },
      );
      const text = (await result.innerText()).replace(/\u00a0/g, ' ');
      assert.match(text, /"data"/);
      assert.match(text, /"documents"/);

      // Monaco's workers came from this server (no main-thread fallback);
      // the GraphQL one starts once the editor validates the operation.
      for (const worker of ['editor.worker.js', 'graphql.worker.js', 'json.worker.js']) {
        const url = `${baseURL}/assets/${worker}`;
        // The response event of a worker script can trail its start.
        for (let i = 0; i < 100 && !(page.workerURLs.includes(url) && responses.has(url)); i++) await page.waitForTimeout(100);
        assert.ok(page.workerURLs.includes(url), `worker ${worker} started (workers: ${page.workerURLs.join(', ')})`);
        assert.equal(responses.get(url), 200, `${worker} served`);
      }
      assert.deepEqual(problems, [], 'no page errors, CSP refusals or worker fallbacks');
    } finally {
      await page.screenshot({ path: path.join(artifacts, 'graphiql.png') });
      await page.close();
    }
  });
});

describe('viewer at /', () => {
  test('searches and opens an entity', { timeout: 60_000 }, async () => {
    const page = await context.newPage();
    const problems = watch(page);
    try {
      const response = await page.goto(`${baseURL}/`);
      assert.equal(response.status(), 200);
      await page.fill('#search-text', process.env.IPGRAPH_SEARCH || 'CNIPA');
      await page.click('#search button[type=submit]');
      // Either matches appear or the page says nothing matched; never an error.
      await page.waitForFunction(() => {
        const status = document.querySelector('#status');
        return !document.querySelector('#results').hidden || /Nothing matches|failed/.test(status.textContent);
      }, null, { timeout: 15_000 });
      assert.equal(await page.locator('#status.error').count(), 0, await page.locator('#status').innerText());

      const first = page.locator('#results li a').first();
      if (await first.count()) {
        const name = await first.innerText();
        await first.click();
        await page.locator('#entity h2').waitFor({ timeout: 15_000 });
        assert.ok((await page.locator('#entity h2').innerText()).startsWith(name));
        await page.getByRole('heading', { name: /^Relations \(\d+\)$/ }).waitFor();
        assert.equal(await page.locator('#status.error').count(), 0, await page.locator('#status').innerText());
      }
      assert.deepEqual(problems, [], 'no page errors or CSP refusals');
    } finally {
      await page.screenshot({ path: path.join(artifacts, 'viewer.png'), fullPage: true });
      await page.close();
    }
  });
});

describe('offline', () => {
  test('no request went to another host', () => {
    assert.ok(requests.length > 0, 'the browser made requests');
    assert.deepEqual(foreign, [], `requests left the server under test: ${foreign.join(', ')}`);
  });
});
