package graph

import (
	"context"
	"fmt"
	"os"
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

// benchBackends runs bench against every backend the benchmarks cover,
// as sub-benchmarks named after them: Bolt always, PostgreSQL when
// IPGRAPH_TEST_POSTGRES holds a URL (each sub-benchmark in a fresh schema).
func benchBackends(b *testing.B, bench func(b *testing.B, s *Store)) {
	backends := []string{BackendBolt}
	if os.Getenv("IPGRAPH_TEST_POSTGRES") != "" {
		backends = append(backends, BackendPostgres)
	}
	for _, backend := range backends {
		b.Run(backend, func(b *testing.B) { bench(b, benchStore(b, backend)) })
	}
}

// benchStore opens an empty store and loads benchDocs synthetic documents.
func benchStore(b *testing.B, backend string) *Store {
	b.Helper()
	opts := Options{Backend: backend, Path: filepath.Join(b.TempDir(), "bench.db")}
	if backend == BackendPostgres {
		opts.Path = pgScratch(b)
	}
	s, err := Open(context.Background(), opts)
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
// ~50k quads: read the manifest, diff, one transaction.
func BenchmarkReplaceDocument(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		doc := DocumentIRI("doc0042.txt")
		for i := 0; b.Loop(); i++ {
			if _, err := s.ReplaceDocument(context.Background(), doc, synthetic(42, i+1)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkReplaceDocumentBaseline is the floor for the same change:
// Cayley's ApplyDeltas with exactly the quads to delete and add, known in
// advance, no manifest.
func BenchmarkReplaceDocumentBaseline(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		label := quad.IRI(DocumentIRI("doc0042.txt"))
		prev := synthetic(42, 0)
		for i := 0; b.Loop(); i++ {
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
					deltas = append(deltas, cgraph.Delta{Action: cgraph.Delete, Quad: s.toQuad(t, label)})
				}
			}
			for _, t := range next {
				if !had[t] {
					deltas = append(deltas, cgraph.Delta{Action: cgraph.Add, Quad: s.toQuad(t, label)})
				}
			}
			if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
				b.Fatal(err)
			}
			prev = next
		}
	})
}

// BenchmarkLoadDocument writes a new document of benchTriples triples into
// the store (a first load: every quad is new); quads/s is the load rate.
func BenchmarkLoadDocument(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		n := 0
		for i := 0; b.Loop(); i++ {
			ch, err := s.ReplaceDocument(context.Background(), DocumentIRI(fmt.Sprintf("new%06d.txt", i)), synthetic(benchDocs+i, 0))
			if err != nil {
				b.Fatal(err)
			}
			n += ch.Added
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "quads/s")
	})
}

// BenchmarkObjects is a 1-hop lookup through Store.Objects.
func BenchmarkObjects(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		e := EntityIRI("e123")
		for b.Loop() {
			if _, err := s.Objects(ctx, e, RDFSLabel); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkObjectsBaseline is the same lookup straight on Cayley's
// QuadIterator.
func BenchmarkObjectsBaseline(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		e := quad.IRI(EntityIRI("e123"))
		pred := quad.IRI(RDFSLabel)
		for b.Loop() {
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
	})
}

// BenchmarkEachQuad reads the whole store (~50k quads), as Verify, export
// and the server's index build do.
func BenchmarkEachQuad(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		for b.Loop() {
			n := 0
			if err := s.EachQuad(ctx, func(Quad) error { n++; return nil }); err != nil {
				b.Fatal(err)
			}
			if n < benchDocs*benchTriples {
				b.Fatalf("%d quads", n)
			}
		}
	})
}

// BenchmarkPing is the health check's store call (Store.Ping) on the
// benchmark store; its baseline is the exact count it replaced
// (Store.Size, which reads every quad), so the ratio shows how much a
// probe no longer costs.
func BenchmarkPing(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		for b.Loop() {
			if err := s.Ping(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkPingBaseline(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		for b.Loop() {
			if _, err := s.Size(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
