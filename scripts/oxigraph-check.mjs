// Loads an N-Quads export into Oxigraph (npm package, WebAssembly) and
// prints how many quads and named graphs it holds; exits 1 when the count
// differs from the expected one. Usage: node oxigraph-check.mjs FILE COUNT
// Run from the repository root: oxigraph is a dev dependency of web/.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.resolve('web/package.json'));
const oxigraph = require('oxigraph');
const [file, want] = process.argv.slice(2);
const store = new oxigraph.Store();
store.load(readFileSync(file, 'utf8'), { format: 'application/n-quads' });
const graphs = new Set(store.match().map((q) => q.graph.value));
const got = store.size;
console.log(`nquads   ${'oxigraph Store.load'.padEnd(34)} quads ${String(got).padStart(6)} (stats: ${want}, ${graphs.size} named graphs)`);
if (String(got) !== String(want)) {
  console.error(`oxigraph-check: ${got} quads, want ${want}`);
  process.exit(1);
}
