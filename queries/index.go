package queries

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/ipgraph/ipgraph/graph"
)

// Index is an in-memory adjacency index of a store: every entity's record
// (name, type, aliases) and, for every node, the relations it is the
// source or the target of. It is built from the store (each entity's
// outgoing quads) and answers Entity and Relations exactly as the store
// path does; the store stays the source of truth. An Index is immutable
// once built and safe for concurrent use.
type Index struct {
	gen      uint64                // store generation it was built at
	entities map[string]*Entity    // by IRI; only nodes with an entity type
	out      map[string][]Relation // by source IRI: distinct, sorted by predicate then target
	in       map[string][]Relation // by target IRI: distinct, sorted by predicate then source
	quads    int                   // quads read
	nrel     int                   // distinct relations
}

// IndexStats describe an Index.
type IndexStats struct {
	Generation uint64 // store generation the index was built at
	Quads      int    // quads read to build it
	Entities   int
	Relations  int // distinct (predicate, source, target) triples
}

// Stats returns the index's counts.
func (ix *Index) Stats() IndexStats {
	return IndexStats{Generation: ix.gen, Quads: ix.quads, Entities: len(ix.entities), Relations: ix.nrel}
}

// BuildIndex reads the whole store into an Index.
func BuildIndex(ctx context.Context, store *graph.Store) (*Index, error) {
	ix := &Index{
		gen:      store.Generation(), // read before the scan: a write during it makes the index stale at once
		entities: map[string]*Entity{},
		out:      map[string][]Relation{},
		in:       map[string][]Relation{},
	}
	intern := map[string]string{}
	in := func(s string) string {
		if v, ok := intern[s]; ok {
			return v
		}
		intern[s] = s
		return s
	}
	records := map[string][]graph.Quad{} // the quads entityFromQuads reads, by subject
	record := func(q graph.Quad) error {
		ix.quads++
		s := in(q.Subject)
		q.Subject, q.Label = s, ""
		records[s] = append(records[s], q)
		return nil
	}
	seen := map[Relation]bool{}
	relation := func(q graph.Quad) error {
		ix.quads++
		name, ok := graph.VocabName(q.Predicate)
		if !ok || !graph.IsRelationPredicate(name) || !q.Object.IsIRI() {
			return nil
		}
		r := Relation{Predicate: in(name), Source: in(q.Subject), Target: in(q.Object.Value)}
		if seen[r] {
			return nil // the same triple stated by several documents
		}
		seen[r] = true
		ix.out[r.Source] = append(ix.out[r.Source], r)
		ix.in[r.Target] = append(ix.in[r.Target], r)
		return nil
	}
	// Read only what the index holds, through the store's subject and
	// object indexes (Cayley's KV backends have no predicate index, and
	// most quads of a store are sentences, statements and statistics):
	// the nodes typed as entities, then each one's outgoing quads. Every
	// relation's source is an entity (Extraction.Triples types every
	// entity it relates).
	var subjects []string
	var err error
	for _, t := range graph.EntityTypeNames {
		var qs []graph.Quad
		if qs, err = store.QuadsTo(ctx, graph.IRI(graph.TypeIRI(t))); err != nil {
			break
		}
		for _, q := range qs {
			if q.Predicate == graph.RDFType {
				subjects = append(subjects, q.Subject)
			}
		}
	}
	subjects = uniq(subjects)
	for _, subj := range subjects {
		if err != nil {
			break
		}
		var qs []graph.Quad
		if qs, err = store.QuadsFrom(ctx, subj); err != nil {
			break
		}
		for _, q := range qs {
			switch q.Predicate {
			case graph.RDFType, graph.RDFSLabel, graph.SKOSAltLabel:
				_ = record(q)
			default:
				_ = relation(q)
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	ix.nrel = len(seen)
	for iri, qs := range records {
		if e := entityFromQuads(iri, qs); e != nil {
			ix.entities[iri] = e
		}
	}
	for _, m := range []map[string][]Relation{ix.out, ix.in} {
		for k, rs := range m {
			sortRelations(rs)
			m[k] = slices.Clip(rs)
		}
	}
	return ix, nil
}

// entity returns a copy of the entity record of iri, or nil.
func (ix *Index) entity(iri string) *Entity {
	e, ok := ix.entities[iri]
	if !ok {
		return nil
	}
	c := *e
	c.Aliases = slices.Clone(e.Aliases)
	return &c
}

// relations answers Service.Relations for the entity iri.
func (ix *Index) relations(iri string, predicates []string, dir Direction) []Relation {
	allowed := setOf(predicates)
	var out []Relation
	add := func(rs []Relation) {
		for _, r := range rs {
			if len(allowed) == 0 || allowed[r.Predicate] {
				out = append(out, r)
			}
		}
	}
	if dir == Both || dir == Out {
		add(ix.out[iri])
	}
	if dir == Both || dir == In {
		add(ix.in[iri])
	}
	if dir == Both {
		sortRelations(out)
		out = slices.Compact(out) // a relation of an entity to itself is in both lists
	}
	return out
}

// sortRelations sorts by predicate, then source, then target: the order
// Service.Relations returns.
func sortRelations(rs []Relation) {
	sort.Slice(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Target < b.Target
	})
}

// indexState is the Service's optional index and its freshness.
type indexState struct {
	enabled atomic.Bool
	current atomic.Pointer[Index]
	build   sync.Mutex // one rebuild at a time
}

// UseIndex builds an in-memory index of the store now and makes Entity,
// Relations (and so Related, Neighbors and Paths) answer from it. When the
// store changes (Store.Generation moves), the first query after the change
// rebuilds the index; queries made while a rebuild runs read the store.
func (s *Service) UseIndex(ctx context.Context) (IndexStats, error) {
	s.ix.enabled.Store(true)
	ix, err := s.RefreshIndex(ctx)
	if err != nil {
		return IndexStats{}, err
	}
	return ix.Stats(), nil
}

// RefreshIndex rebuilds the index now if it is stale (or missing) and
// returns the current one.
func (s *Service) RefreshIndex(ctx context.Context) (*Index, error) {
	s.ix.build.Lock()
	defer s.ix.build.Unlock()
	if ix := s.ix.current.Load(); ix != nil && ix.gen == s.store.Generation() {
		return ix, nil
	}
	ix, err := BuildIndex(ctx, s.store)
	if err != nil {
		return nil, err
	}
	s.ix.current.Store(ix)
	return ix, nil
}

// index returns a fresh index, or nil when the service does not use one
// or it cannot be had now (another query is rebuilding it, or the rebuild
// failed): the caller then reads the store.
func (s *Service) index(ctx context.Context) *Index {
	if !s.ix.enabled.Load() {
		return nil
	}
	if ix := s.ix.current.Load(); ix != nil && ix.gen == s.store.Generation() {
		return ix
	}
	if !s.ix.build.TryLock() {
		return nil
	}
	s.ix.build.Unlock()
	ix, err := s.RefreshIndex(ctx)
	if err != nil {
		return nil
	}
	return ix
}
