package graph

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// scan calls fn for every quad whose dir position holds v (every quad when
// v is nil). Lookups collect their quads before calling fn, so fn may call
// back into the store (the memory backend reads under its lock). On Bolt a
// lookup that meets a value deleted by a concurrent write (Cayley reads
// each quad's values in transactions of their own) starts again, up to
// scanAttempts times. PostgreSQL reads with SQL of its own (postgres.go).
func (s *Store) scan(ctx context.Context, dir quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	if s.pg != nil {
		return s.pg.scan(ctx, dir, v, fn)
	}
	if v == nil && s.memMu == nil {
		return s.iterate(ctx, s.quadIterator(dir, v), fn) // the whole store: stream it
	}
	var qs []quad.Quad
	var err error
	for attempt := 1; ; attempt++ {
		qs = qs[:0]
		unlock := s.rlock()
		err = s.iterate(ctx, s.quadIterator(dir, v), func(q quad.Quad) error { qs = append(qs, q); return nil })
		unlock()
		if !errors.Is(err, errValueGone) || attempt == scanAttempts {
			break
		}
	}
	if err != nil {
		return err
	}
	for _, q := range qs {
		if err := fn(q); err != nil {
			return err
		}
	}
	return nil
}

// scanAttempts bounds how often a lookup starts again after meeting a
// value that a concurrent write deleted.
const scanAttempts = 5

// errValueGone: a quad's value could not be read, because a concurrent
// write deleted it or the backend failed to read it.
var errValueGone = errors.New("a value of a quad could not be read")

func (s *Store) quadIterator(dir quad.Direction, v quad.Value) cgraph.Iterator {
	if v == nil {
		return s.qs.QuadsAllIterator()
	}
	ref := s.qs.ValueOf(v)
	if ref == nil {
		return nil
	}
	return s.qs.QuadIterator(dir, ref)
}

// iterate calls fn for each quad of it, except the internal pin quads
// (pins.go).
func (s *Store) iterate(ctx context.Context, it cgraph.Iterator, fn func(quad.Quad) error) error {
	return s.iterateAll(ctx, it, func(q quad.Quad) error {
		if isPin(q) {
			return nil
		}
		return fn(q)
	})
}

// iterateAll calls fn for each quad of it.
func (s *Store) iterateAll(ctx context.Context, it cgraph.Iterator, fn func(quad.Quad) error) error {
	if it == nil {
		return ctx.Err()
	}
	defer it.Close()
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		if q.Subject == nil || q.Predicate == nil || q.Object == nil {
			// Cayley answers nil for a value it could not read (and logs).
			if err := ctx.Err(); err != nil {
				return err
			}
			return fmt.Errorf("read quad from the %s store: %w", s.backend, errValueGone)
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	// A cancelled context stops Cayley's iterators silently.
	if err := ctx.Err(); err != nil {
		return err
	}
	return it.Err()
}

// QuadsFrom returns the quads whose subject is the node subject.
func (s *Store) QuadsFrom(ctx context.Context, subject string) ([]Quad, error) {
	var out []Quad
	err := s.scan(ctx, quad.Subject, quad.IRI(subject), func(q quad.Quad) error {
		if q.Predicate != quad.IRI(PredManifest) {
			out = append(out, fromQuad(q))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("quads from %s: %w", subject, err)
	}
	return out, nil
}

// QuadsTo returns the quads whose object is object.
func (s *Store) QuadsTo(ctx context.Context, object Term) ([]Quad, error) {
	var out []Quad
	err := s.scan(ctx, quad.Object, s.value(object), func(q quad.Quad) error {
		out = append(out, fromQuad(q))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("quads to %s: %w", object.Value, err)
	}
	return out, nil
}

// Objects returns the distinct objects of subject's predicate, in the
// order first seen.
func (s *Store) Objects(ctx context.Context, subject, predicate string) ([]Term, error) {
	var out []Term
	seen := map[Term]bool{}
	err := s.scan(ctx, quad.Subject, quad.IRI(subject), func(q quad.Quad) error {
		if q.Predicate == quad.IRI(predicate) {
			t := fromValue(q.Object)
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("objects of %s %s: %w", subject, predicate, err)
	}
	return out, nil
}

// Subjects returns the distinct subjects that have predicate with object,
// in the order first seen.
func (s *Store) Subjects(ctx context.Context, predicate string, object Term) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	err := s.scan(ctx, quad.Object, s.value(object), func(q quad.Quad) error {
		if q.Predicate == quad.IRI(predicate) {
			if v, ok := q.Subject.(quad.IRI); ok && !seen[string(v)] {
				seen[string(v)] = true
				out = append(out, string(v))
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("subjects of %s %s: %w", predicate, object.Value, err)
	}
	return out, nil
}

// EachWithPredicate calls fn for every quad with the given predicate; it
// stops at fn's first error and returns it.
func (s *Store) EachWithPredicate(ctx context.Context, predicate string, fn func(Quad) error) error {
	return s.scan(ctx, quad.Predicate, quad.IRI(predicate), func(q quad.Quad) error { return fn(fromQuad(q)) })
}

// EachQuad calls fn for every quad of the store except the internal
// manifests; it stops at fn's first error and returns it.
func (s *Store) EachQuad(ctx context.Context, fn func(Quad) error) error {
	return s.scan(ctx, quad.Any, nil, func(q quad.Quad) error {
		if q.Predicate == quad.IRI(PredManifest) {
			return nil
		}
		return fn(fromQuad(q))
	})
}

// Size is the number of quads and nodes in a store.
type Size struct {
	Quads int64 // every stored quad, including one manifest per document
	Nodes int64 // distinct values (IRIs and literals)
}

// Ping reports whether the store answers, at a cost that does not grow
// with the store: Cayley's estimated statistics (counters the Bolt and
// memory backends keep) or a trivial query on PostgreSQL. Size, by
// contrast, counts every quad.
func (s *Store) Ping(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store ping: %w", err)
	}
	if s.pg != nil {
		if err := s.pg.db.PingContext(ctx); err != nil {
			return fmt.Errorf("store ping: %w", explainPQ(err))
		}
		return nil
	}
	unlock := s.rlock()
	defer unlock()
	if _, err := s.qs.Stats(ctx, false); err != nil && !errors.Is(err, kv.ErrNoBucket) {
		return fmt.Errorf("store ping: %w", err)
	}
	return nil
}

// Size returns the exact number of quads and nodes.
func (s *Store) Size(ctx context.Context) (Size, error) {
	if s.pg != nil {
		sz, err := s.pg.size(ctx)
		if err != nil {
			return Size{}, fmt.Errorf("store size: %w", err)
		}
		return sz, nil
	}
	unlock := s.rlock()
	defer unlock()
	st, err := s.qs.Stats(ctx, true)
	if errors.Is(err, kv.ErrNoBucket) {
		// A Bolt store created but never written to (e.g. a load
		// interrupted before its first commit) has no size yet.
		return Size{}, nil
	}
	if err != nil {
		return Size{}, fmt.Errorf("store size: %w", err)
	}
	return Size{Quads: st.Quads.Size, Nodes: st.Nodes.Size}, nil
}
