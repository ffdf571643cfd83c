// Shared setup of the browser tests: Debian's Chromium driven through
// playwright-core against a live server (IPGRAPH_URL, default
// http://localhost:8080), with every request recorded and anything that
// tries to leave the server under test blocked and remembered.
//
// Each test file runs in its own process (node --test), so each calls
// useBrowser() once at top level and ends with offlineCheck(session).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

export const baseURL = (process.env.IPGRAPH_URL || 'http://localhost:8080').replace(/\/+$/, '');
export const artifacts = process.env.ARTIFACTS_DIR || path.join(here, 'artifacts');

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1', new URL(baseURL).hostname]);

function isLocal(url) {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return localHosts.has(u.hostname);
}

// useBrowser registers before/after hooks that start and stop the browser
// and returns the session they fill in: context (a fresh browser context),
// requests ({ url, method, postData } of every request), foreign (URLs
// that tried to leave the server) and responses (url -> status).
export function useBrowser() {
  const session = { browser: null, context: null, requests: [], foreign: [], responses: new Map() };
  before(async () => {
    await mkdir(artifacts, { recursive: true });
    session.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
    const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
    session.context = context;
    // Block (and remember) anything that is not the server under test.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      session.foreign.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (req) => {
      session.requests.push({ url: req.url(), method: req.method(), postData: req.postData() || '' });
      if (!isLocal(req.url())) session.foreign.push(req.url());
    });
    context.on('response', (res) => session.responses.set(res.url(), res.status()));
  });
  after(async () => {
    await session.browser?.close();
  });
  return session;
}

// watch collects page errors, console errors and CSP refusals of one page
// (and records its web workers in page.workerURLs).
export function watch(page) {
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

// offlineCheck adds the test that no request of this file's pages left
// the server under test.
export function offlineCheck(session) {
  describe('offline', () => {
    test('no request went to another host', () => {
      assert.ok(session.requests.length > 0, 'the browser made requests');
      assert.deepEqual(session.foreign, [], `requests left the server under test: ${session.foreign.join(', ')}`);
    });
  });
}
