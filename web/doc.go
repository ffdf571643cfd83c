// Package web serves ipgraph's browser pages from files embedded in the
// binary, so that nothing is fetched from a CDN or any other host at run
// time.
//
// Three things are mounted by [Register]:
//
//   - GET / — the viewer, a small hand-written page (static/index.html and
//     static/assets/) that searches entities and walks their relations
//     through the GraphQL endpoint.
//   - GET /graphiql — the GraphiQL explorer. Its JavaScript and CSS are
//     installed from npm and bundled into dist/ by `make web` (which runs
//     `npm ci && npm run build` in web/). A plain `go build` still works on a
//     clean checkout, because dist/ always holds a committed placeholder; the
//     explorer page then says how to build the assets (see [ExplorerBuilt]).
//   - GET /assets/ — the bundled and hand-written static files, with exact
//     content types, ETags, gzip when the client accepts it, and long-lived
//     caching for content-hashed file names.
//
// Both pages talk to the GraphQL endpoint at the relative URL "graphql"
// (that is, /graphql when mounted at the root) with same-origin POST
// requests carrying JSON.
package web
