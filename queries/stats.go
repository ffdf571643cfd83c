package queries

import (
	"context"
	"fmt"

	"github.com/ipgraph/ipgraph/graph"
)

// EntityStatistics returns the statistics about an entity (whose subject
// it is), sorted by period.
func (s *Service) EntityStatistics(ctx context.Context, id string) ([]Statistic, error) {
	iris, err := s.store.Subjects(ctx, graph.PredSubject, graph.IRI(graph.ExpandEntityID(id)))
	if err != nil {
		return nil, fmt.Errorf("statistics of %s: %w", id, err)
	}
	var out []Statistic
	for _, iri := range iris {
		st, err := s.Statistic(ctx, iri)
		if err != nil {
			return nil, err
		}
		if st != nil {
			out = append(out, *st)
		}
	}
	sortStatistics(out)
	return out, nil
}

// Stats counts what the store holds.
func (s *Service) Stats(ctx context.Context) (Stats, error) {
	size, err := s.store.Size(ctx)
	if err != nil {
		return Stats{}, err
	}
	st := Stats{Quads: size.Quads, Nodes: size.Nodes, Entities: map[string]int{}, Relations: map[string]int{},
		Links: map[string]int{}}
	count := func(typeIRI string) (int, error) {
		iris, err := s.store.Subjects(ctx, graph.RDFType, graph.IRI(typeIRI))
		return len(iris), err
	}
	if st.Documents, err = count(graph.TypeDocument); err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	if st.Statistics, err = count(graph.TypeStatistic); err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	for _, t := range graph.EntityTypeNames {
		if st.Entities[t], err = count(graph.TypeIRI(t)); err != nil {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
	}
	pairs := func(p string) (int, error) {
		seen := map[[2]string]bool{}
		err := s.store.EachWithPredicate(ctx, graph.PredicateIRI(p), func(q graph.Quad) error {
			seen[[2]string{q.Subject, q.Object.Value}] = true
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("stats: %w", err)
		}
		return len(seen), nil
	}
	for _, p := range graph.RelationPredicates {
		if st.Relations[p], err = pairs(p); err != nil {
			return Stats{}, err
		}
		st.Graph.Edges += st.Relations[p]
	}
	for _, p := range []string{"subject", "reportedBy"} {
		if st.Links[p], err = pairs(p); err != nil {
			return Stats{}, err
		}
		st.Graph.Edges += st.Links[p]
	}
	st.ExportQuads = st.Quads - int64(st.Documents)
	st.Graph.Nodes = st.Statistics
	for _, n := range st.Entities {
		st.Graph.Nodes += n
	}
	return st, nil
}
