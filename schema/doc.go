// Package schema is ipgraph's GraphQL service: the schema of DESIGN.md
// (graphql-go), its resolvers, which call package queries, and the HTTP
// handler that serves it — GraphQL over HTTP GET and POST, errors with
// extensions.code, a body cap, a per-request timeout, CORS through rs/cors,
// /healthz, and the web pages.
//
// Requests are bounded: selection depth (15 for data, 30 with
// introspection), fields per selection set (200), a complexity budget that
// multiplies list fields by their page size, a body cap and a time limit;
// parsed and validated documents are cached by query text.
//
// Lists page with first (default DefaultFirst, at most MaxFirst) and offset,
// report their full size in sibling count fields (relationCount,
// statisticCount, …), and every list that was cut is named in the
// response's extensions.truncated.
package schema
