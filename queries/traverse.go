package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ipgraph/ipgraph/graph"
)

// Limits of the traversals.
const (
	MaxDepth      = 3    // deepest Neighbors
	MaxPathLength = 8    // longest path Paths looks for
	maxVisits     = 5000 // entities a single traversal may expand
	// maxPathSteps bounds the relations the depth-first search of one
	// Paths call may follow (about 0.1 s of work): distances alone do not
	// bound it, since a walk may enter a region whose only way to the
	// target passes through an entity already on the path.
	maxPathSteps = 1_000_000
)

// errPathBudget stops a path search at maxPathSteps.
var errPathBudget = errors.New("path search budget spent")

// Neighbors returns the entities within depth relations of id (in either
// direction) and the relations among those reached, following only
// predicates (all when empty) and keeping only entities of types (all when
// empty; the start entity is always kept). depth is clamped to 1..MaxDepth.
// truncated reports that the traversal stopped at its visit budget.
func (s *Service) Neighbors(ctx context.Context, id string, depth int, predicates, types []string) (g Subgraph, truncated bool, err error) {
	start, err := s.Entity(ctx, id)
	if err != nil || start == nil {
		return Subgraph{}, false, err
	}
	depth = min(max(depth, 1), MaxDepth)
	allowed := setOf(types)
	nodes := map[string]Entity{start.IRI: *start}
	level := map[string]int{start.IRI: 0}
	order := []string{start.IRI}
	var rels []Relation
	seenRel := map[Relation]bool{}
	frontier := []string{start.IRI}
	visits := 0
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, iri := range frontier {
			if visits++; visits > maxVisits {
				truncated = true
				break
			}
			rs, err := s.Relations(ctx, iri, predicates, Both)
			if err != nil {
				return Subgraph{}, false, err
			}
			for _, r := range rs {
				other := r.Target
				if other == iri {
					other = r.Source
				}
				if _, ok := nodes[other]; !ok {
					e, err := s.Entity(ctx, other)
					if err != nil {
						return Subgraph{}, false, err
					}
					if e == nil || (len(allowed) > 0 && !allowed[e.Type]) {
						continue
					}
					nodes[other] = *e
					level[other] = d + 1
					order = append(order, other)
					next = append(next, other)
				}
				if !seenRel[r] {
					seenRel[r] = true
					rels = append(rels, r)
				}
			}
		}
		frontier = next
	}
	// The start first, then by distance, then by name.
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if level[a] != level[b] {
			return level[a] < level[b]
		}
		return strings.ToLower(nodes[a].Name) < strings.ToLower(nodes[b].Name)
	})
	g.Nodes = make([]Entity, 0, len(order))
	for _, iri := range order {
		g.Nodes = append(g.Nodes, nodes[iri])
	}
	g.Relations = rels
	return g, truncated, nil
}

// Paths returns up to first shortest simple paths from one entity to
// another, of at most maxLength relations, following relations in either
// direction; shorter paths come first. truncated reports that the search
// stopped at its visit or step budget, so longer or further paths may
// exist. A deadline or cancellation of ctx stops it with ctx's error.
func (s *Service) Paths(ctx context.Context, from, to string, maxLength, first int) (paths []Path, truncated bool, err error) {
	return s.PathsFiltered(ctx, from, to, maxLength, first, PathFilter{})
}

// PathFilter restricts the relations a path may follow: only Predicates
// (all when empty), and only through entities of Types (all when empty;
// the two ends of the path are always allowed).
type PathFilter struct {
	Predicates []string
	Types      []string
}

// PathsFiltered is Paths following only the relations f allows.
func (s *Service) PathsFiltered(ctx context.Context, from, to string, maxLength, first int, f PathFilter) (paths []Path, truncated bool, err error) {
	src, dst := graph.ExpandEntityID(from), graph.ExpandEntityID(to)
	maxLength = min(max(maxLength, 1), MaxPathLength)
	first = max(first, 1)
	allowedTypes := setOf(f.Types)
	typeOK := map[string]bool{src: true, dst: true}
	passable := func(iri string) (bool, error) {
		if len(allowedTypes) == 0 {
			return true, nil
		}
		if ok, seen := typeOK[iri]; seen {
			return ok, nil
		}
		e, err := s.Entity(ctx, iri)
		if err != nil {
			return false, err
		}
		typeOK[iri] = e != nil && allowedTypes[e.Type]
		return typeOK[iri], nil
	}
	adj := map[string][]Relation{}
	visits := 0
	neighbors := func(iri string) ([]Relation, error) {
		if rs, ok := adj[iri]; ok {
			return rs, nil
		}
		if visits++; visits > maxVisits {
			truncated = true
			return nil, nil
		}
		all, err := s.Relations(ctx, iri, f.Predicates, Both)
		if err != nil {
			return nil, err
		}
		rs := all[:0:0]
		for _, r := range all {
			ok, err := passable(otherEnd(r, iri))
			if err != nil {
				return nil, err
			}
			if ok {
				rs = append(rs, r)
			}
		}
		adj[iri] = rs
		return rs, nil
	}
	// Distances to the target bound the depth-first search below. They
	// are measured without passing through the source, which a simple
	// path from it never comes back to: what hangs off the source alone
	// is never entered.
	dist := map[string]int{dst: 0}
	frontier := []string{dst}
	for d := 1; d <= maxLength && len(frontier) > 0; d++ {
		var next []string
		for _, iri := range frontier {
			rs, err := neighbors(iri)
			if err != nil {
				return nil, false, fmt.Errorf("paths %s → %s: %w", from, to, err)
			}
			for _, r := range rs {
				other := otherEnd(r, iri)
				if _, ok := dist[other]; !ok {
					dist[other] = d
					if other != src {
						next = append(next, other)
					}
				}
			}
		}
		frontier = next
	}
	if _, ok := dist[src]; !ok || src == dst {
		return nil, truncated, nil
	}
	var found [][]Relation
	steps := 0
	var walk func(at string, budget int, onPath map[string]bool, rels []Relation) error
	walk = func(at string, budget int, onPath map[string]bool, rels []Relation) error {
		if len(found) >= first {
			return nil
		}
		if at == dst {
			if budget == 0 {
				found = append(found, append([]Relation(nil), rels...))
			}
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rs, err := neighbors(at)
		if err != nil {
			return err
		}
		for _, r := range rs {
			if steps++; steps > maxPathSteps {
				truncated = true
				return errPathBudget
			}
			other := otherEnd(r, at)
			d, ok := dist[other]
			if !ok || d > budget-1 || onPath[other] {
				continue
			}
			onPath[other] = true
			if err := walk(other, budget-1, onPath, append(rels, r)); err != nil {
				return err
			}
			delete(onPath, other)
		}
		return nil
	}
	for length := dist[src]; length <= maxLength && len(found) < first; length++ {
		if err := walk(src, length, map[string]bool{src: true}, nil); errors.Is(err, errPathBudget) {
			break // keep the paths found so far: truncated says there may be more
		} else if err != nil {
			return nil, false, fmt.Errorf("paths %s → %s: %w", from, to, err)
		}
	}
	for _, rels := range found {
		p := Path{Relations: rels}
		at := src
		for i := 0; i <= len(rels); i++ {
			e, err := s.Entity(ctx, at)
			if err != nil {
				return nil, false, err
			}
			if e != nil {
				p.Nodes = append(p.Nodes, *e)
			}
			if i < len(rels) {
				at = otherEnd(rels[i], at)
			}
		}
		paths = append(paths, p)
	}
	return paths, truncated, nil
}

func otherEnd(r Relation, at string) string {
	if r.Source == at {
		return r.Target
	}
	return r.Source
}

func setOf(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}
