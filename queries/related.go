package queries

import (
	"context"
	"fmt"

	"github.com/ipgraph/ipgraph/graph"
)

// Related returns the distinct entities at the other end of id's relations
// with any of predicates (all relation predicates when empty), followed in
// direction dir, keeping only entities of types (all when empty), sorted
// by name. It is what the typed GraphQL fields such as Agency.officials
// (persons memberOf the agency: predicate memberOf, direction In, type
// Person) are made of.
func (s *Service) Related(ctx context.Context, id string, predicates []string, dir Direction, types []string) ([]Entity, error) {
	rels, err := s.Relations(ctx, id, predicates, dir)
	if err != nil {
		return nil, err
	}
	self := graph.ExpandEntityID(id)
	allowed := setOf(types)
	seen := map[string]bool{}
	out := []Entity{}
	for _, r := range rels {
		other := otherEnd(r, self)
		if seen[other] {
			continue
		}
		seen[other] = true
		e, err := s.Entity(ctx, other)
		if err != nil {
			return nil, fmt.Errorf("related to %s: %w", id, err)
		}
		if e == nil || (len(allowed) > 0 && !allowed[e.Type]) {
			continue
		}
		out = append(out, *e)
	}
	sortEntities(out)
	return out, nil
}
