package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// benchDocs and benchTriples size the store the benchmarks run on:
// 100 documents of 500 triples, about 50k quads.
const (
	benchDocs    = 100
	benchTriples = 500
)

// synthetic returns a document's triples; version changes a tenth of them,
// as a re-extracted document would.
func synthetic(doc, version int) []Triple {
	d := DocumentIRI(fmt.Sprintf("doc%04d.txt", doc))
	ts := make([]Triple, 0, benchTriples)
	for i := 0; len(ts) < benchTriples; i++ {
		e := EntityIRI(fmt.Sprintf("e%d", (doc*37+i)%2000))
		label := fmt.Sprintf("entity %d", i)
		if i%10 == 0 {
			label = fmt.Sprintf("entity %d v%d", i, version)
		}
		ts = append(ts,
			Triple{d, PredMentions, IRI(e)},
			Triple{e, RDFSLabel, String(label)},
			Triple{e, PredicateIRI(RelationPredicates[i%len(RelationPredicates)]), IRI(EntityIRI(fmt.Sprintf("e%d", (i*7)%2000)))},
		)
	}
	return ts[:benchTriples]
}

func benchStore(b *testing.B) *Store {
	b.Helper()
	s, err := Open(context.Background(), Options{Path: filepath.Join(b.TempDir(), "bench.db")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	for d := 0; d < benchDocs; d++ {
		if _, err := s.ReplaceDocument(context.Background(), DocumentIRI(fmt.Sprintf("doc%04d.txt", d)), synthetic(d, 0)); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkReplaceDocument re-loads one changed document in a store of
// ~50k quads on Bolt: read the manifest, diff, one transaction.
func BenchmarkReplaceDocument(b *testing.B) {
	s := benchStore(b)
	doc := DocumentIRI("doc0042.txt")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.ReplaceDocument(context.Background(), doc, synthetic(42, i+1)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReplaceDocumentBaseline is the floor for the same change:
// Cayley's ApplyDeltas with exactly the quads to delete and add, known in
// advance, no manifest.
func BenchmarkReplaceDocumentBaseline(b *testing.B) {
	s := benchStore(b)
	label := quad.IRI(DocumentIRI("doc0042.txt"))
	prev := synthetic(42, 0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next := synthetic(42, i+1)
		keep := map[Triple]bool{}
		for _, t := range next {
			keep[t] = true
		}
		had := map[Triple]bool{}
		var deltas []cgraph.Delta
		for _, t := range prev {
			had[t] = true
			if !keep[t] {
				deltas = append(deltas, cgraph.Delta{Action: cgraph.Delete, Quad: toQuad(t, label)})
			}
		}
		for _, t := range next {
			if !had[t] {
				deltas = append(deltas, cgraph.Delta{Action: cgraph.Add, Quad: toQuad(t, label)})
			}
		}
		if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			b.Fatal(err)
		}
		prev = next
	}
}

// BenchmarkObjects is a 1-hop lookup through Store.Objects.
func BenchmarkObjects(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	e := EntityIRI("e123")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Objects(ctx, e, RDFSLabel); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkObjectsBaseline is the same lookup straight on Cayley's
// QuadIterator.
func BenchmarkObjectsBaseline(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	e := quad.IRI(EntityIRI("e123"))
	pred := quad.IRI(RDFSLabel)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		it := s.qs.QuadIterator(quad.Subject, s.qs.ValueOf(e))
		var out []quad.Value
		for it.Next(ctx) {
			q := s.qs.Quad(it.Result())
			if q.Predicate == pred {
				out = append(out, q.Object)
			}
		}
		it.Close()
		if len(out) == 0 {
			b.Fatal("no labels")
		}
	}
}
