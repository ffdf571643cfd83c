// Package queries answers relationship questions over a graph.Store:
// entity lookup by id or by any of its names, search, an entity's
// relations with their evidence sentences, neighborhoods, shortest paths,
// statistic series and documents. It reads the store only through
// graph.Store's lookups and never imports Cayley.
//
// Every method takes a context.Context and returns its error once it is
// cancelled. Lists come back whole and sorted; callers page them.
package queries
