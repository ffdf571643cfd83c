// GraphQL-over-HTTP conformance audit of the live server's /graphql, run
// against a running server: IPGRAPH_URL=http://localhost:8080 npm run test:browser
// (in web/; scripts/browser-test.sh starts one).
//
// It runs graphql-http's auditServer and fails on any MUST requirement
// that errors. SHOULD and MAY results that are not ok are printed as
// warnings (test diagnostics) but do not fail the test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditServer } from 'graphql-http';

const baseURL = (process.env.IPGRAPH_URL || 'http://localhost:8080').replace(/\/+$/, '');

test('graphql-http auditServer: no MUST fails', async (t) => {
  const results = await auditServer({ url: `${baseURL}/graphql` });
  assert.ok(results.length > 0, 'the audit ran no checks');

  const counts = {};
  const mustFailures = [];
  for (const r of results) {
    const level = r.name.split(' ')[0]; // MUST, SHOULD or MAY
    const key = `${level} ${r.status}`;
    counts[key] = (counts[key] || 0) + 1;
    if (r.status === 'ok') continue;
    let body = '';
    try {
      body = await r.response.clone().text();
    } catch {
      // the body was already read by the audit
    }
    const line = `[${r.status}] ${r.id} ${r.name}: ${r.reason} (HTTP ${r.response?.status}) ${body.slice(0, 300)}`;
    if (level === 'MUST' && r.status === 'error') {
      mustFailures.push(line);
    } else {
      t.diagnostic(`warning: ${line}`);
      console.warn(`audit warning: ${line}`);
    }
  }
  const summary = Object.entries(counts).sort().map(([k, v]) => `${k}: ${v}`).join(', ');
  t.diagnostic(`audit summary: ${summary}`);
  console.log(`graphql-http audit (${results.length} checks): ${summary}`);
  assert.deepEqual(mustFailures, [], `MUST requirements failed:\n${mustFailures.join('\n')}`);
});
