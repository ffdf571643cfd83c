package graph

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// backends lists the stores the conformance suite runs against. PostgreSQL
// joins when IPGRAPH_TEST_POSTGRES holds a connection URL.
func backends(t *testing.T) map[string]func(t *testing.T) *Store {
	m := map[string]func(t *testing.T) *Store{
		BackendMemory: func(t *testing.T) *Store { return mustOpen(t, Options{Backend: BackendMemory}) },
		BackendBolt: func(t *testing.T) *Store {
			return mustOpen(t, Options{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "g.db")})
		},
	}
	if url := os.Getenv("IPGRAPH_TEST_POSTGRES"); url != "" {
		m[BackendPostgres] = func(t *testing.T) *Store {
			s := mustOpen(t, Options{Backend: BackendPostgres, Path: url})
			ctx := context.Background()
			docs, err := s.Subjects(ctx, RDFType, IRI(TypeDocument))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs { // start from an empty graph
				if _, err := s.DeleteDocument(ctx, d); err != nil {
					t.Fatal(err)
				}
			}
			return s
		}
	}
	return m
}

func mustOpen(t *testing.T, o Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), o)
	if err != nil {
		t.Fatalf("open %s: %v", o.Backend, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func docTriples(doc string, entities ...string) []Triple {
	ts := []Triple{{DocumentIRI(doc), RDFType, IRI(TypeDocument)}}
	for _, e := range entities {
		ts = append(ts,
			Triple{EntityIRI(e), RDFType, IRI(TypeIRI("Agency"))},
			Triple{EntityIRI(e), RDFSLabel, String(e)},
			Triple{DocumentIRI(doc), PredMentions, IRI(EntityIRI(e))},
		)
	}
	return ts
}

func TestStoreConformance(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			for _, tc := range conformance {
				t.Run(tc.name, func(t *testing.T) { tc.run(t, open(t)) })
			}
		})
	}
}

var conformance = []struct {
	name string
	run  func(t *testing.T, s *Store)
}{
	{"replace is idempotent", func(t *testing.T, s *Store) {
		ctx := context.Background()
		a, b := DocumentIRI("a.txt"), DocumentIRI("b.txt")
		if _, err := s.ReplaceDocument(ctx, a, docTriples("a.txt", "cnipa", "wipo")); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReplaceDocument(ctx, b, docTriples("b.txt", "cnipa")); err != nil {
			t.Fatal(err)
		}
		before := mustSize(t, s)
		ch, err := s.ReplaceDocument(ctx, a, docTriples("a.txt", "cnipa", "wipo"))
		if err != nil {
			t.Fatal(err)
		}
		if ch != (Change{}) {
			t.Errorf("reloading unchanged document changed %+v", ch)
		}
		if after := mustSize(t, s); after != before {
			t.Errorf("size after reload %+v, want %+v", after, before)
		}
		// 1 + 2*3 triples for a, 1 + 3 for b, one manifest each
		if before.Quads != 7+4+2 {
			t.Errorf("quads = %d, want 13", before.Quads)
		}
	}},
	{"replace swaps content", func(t *testing.T, s *Store) {
		ctx := context.Background()
		a := DocumentIRI("a.txt")
		mustReplace(t, s, a, docTriples("a.txt", "cnipa", "wipo"))
		ch := mustReplace(t, s, a, docTriples("a.txt", "cnipa", "epo"))
		if ch.Added != 4 || ch.Removed != 4 { // 3 epo triples + manifest each way
			t.Errorf("change = %+v, want 4 added, 4 removed", ch)
		}
		got, err := s.Subjects(ctx, RDFSLabel, String("wipo"))
		if err != nil || len(got) != 0 {
			t.Errorf("old entity still labelled: %v %v", got, err)
		}
		got, err = s.Subjects(ctx, RDFSLabel, String("epo"))
		if err != nil || len(got) != 1 || got[0] != EntityIRI("epo") {
			t.Errorf("new entity = %v %v", got, err)
		}
	}},
	{"delete keeps other documents", func(t *testing.T, s *Store) {
		ctx := context.Background()
		a, b := DocumentIRI("a.txt"), DocumentIRI("b.txt")
		mustReplace(t, s, a, docTriples("a.txt", "cnipa"))
		mustReplace(t, s, b, docTriples("b.txt", "cnipa"))
		ok, err := s.DeleteDocument(ctx, a)
		if err != nil || !ok {
			t.Fatalf("delete = %v, %v", ok, err)
		}
		if _, found, _ := s.Manifest(ctx, a); found {
			t.Error("manifest of deleted document remains")
		}
		types, err := s.Objects(ctx, EntityIRI("cnipa"), RDFType)
		if err != nil || len(types) != 1 {
			t.Errorf("shared entity lost its type: %v %v", types, err)
		}
		if sz := mustSize(t, s); sz.Quads != 4+1 {
			t.Errorf("quads after delete = %d, want 5", sz.Quads)
		}
		ok, err = s.DeleteDocument(ctx, a)
		if err != nil || ok {
			t.Errorf("second delete = %v, %v; want false, nil", ok, err)
		}
	}},
	{"literals round-trip", func(t *testing.T, s *Store) {
		ctx := context.Background()
		d := DocumentIRI("n.txt")
		st := StatisticIRI("n.txt", 1)
		mustReplace(t, s, d, []Triple{
			{st, PredValue, Float(4425000)},
			{st, PredOffset, Int(123)},
			{st, PredMetric, String("valid invention patents · 国家知识产权局")},
		})
		want := map[string]Term{PredValue: Float(4425000), PredOffset: Int(123), PredMetric: String("valid invention patents · 国家知识产权局")}
		for p, w := range want {
			got, err := s.Objects(ctx, st, p)
			if err != nil || len(got) != 1 || got[0] != w {
				t.Errorf("%s = %v %v, want %v", p, got, err, w)
			}
		}
		ts, found, err := s.Manifest(ctx, d)
		if err != nil || !found || len(ts) != 3 {
			t.Errorf("manifest = %v %v %v", ts, found, err)
		}
	}},
	{"cancelled context", func(t *testing.T, s *Store) {
		mustReplace(t, s, DocumentIRI("a.txt"), docTriples("a.txt", "cnipa"))
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := s.EachQuad(ctx, func(Quad) error { return nil }); !errors.Is(err, context.Canceled) {
			t.Errorf("EachQuad on cancelled context = %v", err)
		}
		if _, err := s.ReplaceDocument(ctx, DocumentIRI("b.txt"), nil); !errors.Is(err, context.Canceled) {
			t.Errorf("ReplaceDocument on cancelled context = %v", err)
		}
	}},
}

func mustReplace(t *testing.T, s *Store, doc string, ts []Triple) Change {
	t.Helper()
	ch, err := s.ReplaceDocument(context.Background(), doc, ts)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func mustSize(t *testing.T, s *Store) Size {
	t.Helper()
	sz, err := s.Size(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sz
}

func TestBoltSecondWriterFailsFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	mustOpen(t, Options{Path: path})
	start := time.Now()
	_, err := Open(context.Background(), Options{Path: path, LockTimeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open = %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("second open took %s", d)
	}
}

func TestBoltReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	s, err := Open(context.Background(), Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	mustReplace(t, s, DocumentIRI("a.txt"), docTriples("a.txt", "cnipa"))
	s.Close()
	r1 := mustOpen(t, Options{Path: path, ReadOnly: true})
	r2 := mustOpen(t, Options{Path: path, ReadOnly: true}) // readers share the file
	for _, r := range []*Store{r1, r2} {
		if got, err := r.Subjects(context.Background(), RDFType, IRI(TypeDocument)); err != nil || len(got) != 1 {
			t.Errorf("read-only documents = %v %v", got, err)
		}
	}
	if _, err := r1.ReplaceDocument(context.Background(), DocumentIRI("b.txt"), nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("write on read-only store = %v", err)
	}
	if _, err := Open(context.Background(), Options{Path: filepath.Join(t.TempDir(), "missing.db"), ReadOnly: true}); err == nil {
		t.Error("read-only open of a missing file succeeded")
	}
}

func TestOpenRejectsUnknownBackend(t *testing.T) {
	if _, err := Open(context.Background(), Options{Backend: "neo4j"}); err == nil {
		t.Error("unknown backend accepted")
	}
}
