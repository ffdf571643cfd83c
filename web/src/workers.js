// Tells Monaco (the editor inside GraphiQL) where its web workers live.
// The workers are bundled by build.mjs as separate classic scripts next to
// this bundle, so they are resolved relative to the bundle's own URL and no
// request ever leaves the server that served the page.

const workerFiles = {
  graphql: 'graphql.worker.js',
  json: 'json.worker.js',
};

globalThis.MonacoEnvironment = {
  getWorker(_moduleId, label) {
    const file = workerFiles[label] || 'editor.worker.js';
    return new Worker(new URL(file, import.meta.url), { name: label });
  },
};
