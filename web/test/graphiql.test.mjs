// Browser test of the pages served by the web package, run against a live
// server: IPGRAPH_URL=http://localhost:8080 npm run test:browser (in web/).
//
// It drives Debian's Chromium through playwright-core and checks that
//   - /graphiql loads GraphiQL, fetches the schema by introspection (the
//     documentation explorer lists Query and its `entity` field), runs a
//     typed query and shows "documents" in the result panel;
//   - Monaco's web workers are served from the same server;
//   - no request goes to any host other than the server under test.
// The graph viewer at / has its own test, viewer.test.mjs; the browser
// setup shared by both is in browser.mjs.
// Screenshots go to $ARTIFACTS_DIR (default web/test/artifacts).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, baseURL, offlineCheck, useBrowser, watch } from './browser.mjs';

const session = useBrowser();
const { requests, responses } = session;

describe('GraphiQL explorer at /graphiql', () => {
  test('loads the schema, runs a query and stays offline', { timeout: 90_000 }, async () => {
    const page = await session.context.newPage();
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

offlineCheck(session);
