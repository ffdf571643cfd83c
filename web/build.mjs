// Builds the browser pages' assets into dist/, which the Go package embeds:
// the graph viewer (viewer.js + viewer.css, Cytoscape.js inside) and the
// GraphiQL explorer (graphiql.js + graphiql.css, chunks and Monaco workers).
// Run through `npm run build` (or `make web` from the repository root).

import { build } from 'esbuild';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
const keep = new Set(['README.md']); // committed placeholder

await mkdir(dist, { recursive: true });
for (const name of await readdir(dist)) {
  if (!keep.has(name)) {
    await rm(path.join(dist, name), { recursive: true, force: true });
  }
}

// graphiql/style.css already carries Monaco's stylesheet (with its icon
// font inlined). Monaco's own modules import their CSS piecemeal as well;
// esbuild cannot attach those to lazily loaded chunks anyway, so they are
// dropped here instead of being emitted as unused duplicates.
const skipMonacoCss = {
  name: 'skip-monaco-css',
  setup(b) {
    b.onResolve({ filter: /\.css$/ }, (args) =>
      /[\\/]monaco-editor[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'skip-monaco-css' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'skip-monaco-css' }, () => ({
      contents: '',
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: ['es2022'],
  legalComments: 'eof',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  absWorkingDir: here,
};

// The page script: ES module with code splitting, so rarely used parts
// (prettier for "prettify", language modes) load only when needed.
await build({
  ...common,
  entryPoints: { graphiql: 'src/graphiql.jsx' },
  outdir: dist,
  format: 'esm',
  splitting: true,
  jsx: 'automatic',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'files/[name]-[hash]',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
  plugins: [skipMonacoCss],
});

// The graph viewer: one ES module with Cytoscape.js bundled in, and the
// stylesheet it imports as viewer.css.
await build({
  ...common,
  entryPoints: { viewer: 'src/viewer.js' },
  outdir: dist,
  format: 'esm',
  entryNames: '[name]',
});

// Monaco's web workers, one classic script each.
await build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir: dist,
  format: 'iife',
});

let total = 0;
async function walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full);
    else total += (await stat(full)).size;
  }
}
await walk(dist);
const viewerSize = (await stat(path.join(dist, 'viewer.js'))).size;
console.log(`web: wrote dist/ (${(total / 1024).toFixed(0)} KiB; viewer.js ${(viewerSize / 1024).toFixed(0)} KiB)`);
