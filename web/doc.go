// Package web serves ipgraph's browser pages from files embedded in the
// binary, so that nothing is fetched from a CDN or any other host at run
// time.
//
// Three things are mounted by [Register]:
//
//   - GET / — the graph viewer (static/index.html with src/viewer*.js and
//     src/viewer.css bundled into dist/viewer.{js,css}, Cytoscape.js
//     included): search an entity, draw its neighbourhood, expand entities,
//     read each relation's evidence sentences, filter by type and predicate,
//     and download the visible subgraph through /export.
//   - GET /graphiql — the GraphiQL explorer (static/graphiql.html with
//     src/graphiql.jsx bundled into dist/graphiql.{js,css}, chunks and
//     Monaco's workers).
//   - GET /assets/ — the bundle in dist/, with exact content types, ETags,
//     gzip when the client accepts it, and long-lived caching for
//     content-hashed file names.
//
// The bundles are installed from npm and built by `make web` (which runs
// `npm ci && npm run build` in web/). A plain `go build` still works on a
// clean checkout, because dist/ always holds a committed placeholder; each
// page checks its own bundle and, when it is missing, answers 503 with a
// page that says how to build it (see [ViewerBuilt] and [ExplorerBuilt]).
//
// Both pages use relative URLs only ("graphql", "export", "assets/…"), and
// talk to the GraphQL endpoint with same-origin POST requests carrying JSON.
package web
