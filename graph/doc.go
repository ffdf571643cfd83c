// Package graph is ipgraph's storage layer: the vocabulary of the knowledge
// graph (entity types, predicates, IRIs) and Store, a document-oriented view
// of a Cayley quad store. It is the only package that imports Cayley.
//
// Every quad carries its document's IRI as its label. A document is written
// with Store.ReplaceDocument, which swaps the document's previous quads for
// the new ones in a single backend transaction and records the quads it
// wrote in a manifest kept under the document itself. Replacing or deleting
// a document therefore costs time proportional to that document, never a
// scan of the store, and reloading the same text is a no-op.
//
// Reads go through a handful of index lookups (Objects, Subjects, QuadsFrom,
// QuadsTo, EachWithPredicate, EachQuad) that the queries package composes
// into relationship queries. All of them take a context and stop with its
// error when it is cancelled.
package graph
