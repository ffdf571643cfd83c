package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// backends lists the stores the conformance suite runs against, each
// opened empty. PostgreSQL joins when IPGRAPH_TEST_POSTGRES holds a
// connection URL (scripts/postgres.sh start DIR prints one); each test then
// gets a schema of its own in that database (pgScratch), so tests and
// packages running at the same time do not see each other's quads.
func backends(t *testing.T) map[string]func(t *testing.T) *Store {
	m := map[string]func(t *testing.T) *Store{
		BackendMemory: func(t *testing.T) *Store { return mustOpen(t, Options{Backend: BackendMemory}) },
		BackendBolt: func(t *testing.T) *Store {
			return mustOpen(t, Options{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "g.db")})
		},
	}
	// Under CI without a URL the postgres subtests fail (pgScratch).
	if os.Getenv("IPGRAPH_TEST_POSTGRES") != "" || os.Getenv("CI") == "true" {
		m[BackendPostgres] = func(t *testing.T) *Store {
			return mustOpen(t, Options{Backend: BackendPostgres, Path: pgScratch(t)})
		}
	}
	return m
}

// testPostgresURL returns IPGRAPH_TEST_POSTGRES. Under CI (CI=true) it must
// be set: .ci/run starts a server, and a suite that silently skipped
// PostgreSQL would pass without testing it.
func testPostgresURL(t testing.TB) string {
	url := os.Getenv("IPGRAPH_TEST_POSTGRES")
	if url == "" && os.Getenv("CI") == "true" {
		t.Fatal("IPGRAPH_TEST_POSTGRES is not set under CI (.ci/run starts a server with scripts/postgres.sh)")
	}
	return url
}

var scratchSeq atomic.Int64

// pgScratch creates an empty schema in the test database, dropped when the
// test ends, and returns a URL whose sessions use it (search_path).
func pgScratch(t testing.TB) string {
	t.Helper()
	base := testPostgresURL(t)
	if base == "" {
		t.Skip("IPGRAPH_TEST_POSTGRES is not set")
	}
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("ipgraph_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, scratchSeq.Add(1))
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		db.Close()
		t.Fatalf("create scratch schema in %s: %v", redactURL(base), err)
	}
	t.Cleanup(func() {
		// Registered before the store's Close, so it runs after it.
		if _, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop scratch schema: %v", err)
		}
		db.Close()
	})
	url, err := withPostgresParam(base, "search_path", schema)
	if err != nil {
		t.Fatal(err)
	}
	return url
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
	{"replace with fewer triples", func(t *testing.T, s *Store) {
		ctx := context.Background()
		a := DocumentIRI("a.txt")
		mustReplace(t, s, a, docTriples("a.txt", "cnipa", "wipo", "epo"))
		if ch := mustReplace(t, s, a, docTriples("a.txt", "cnipa")); ch.Added != 1 || ch.Removed != 7 {
			t.Errorf("change = %+v, want 1 added (the manifest), 7 removed", ch)
		}
		ts, found, err := s.Manifest(ctx, a)
		if err != nil || !found || len(ts) != 4 {
			t.Errorf("manifest after shrinking = %v %v %v, want 4 triples", ts, found, err)
		}
		if rep, err := s.Verify(ctx); err != nil || len(rep.Problems) != 0 {
			t.Errorf("verify = %+v %v", rep, err)
		}
		if sz := mustSize(t, s); sz.Quads != 5 {
			t.Errorf("quads = %d, want 5", sz.Quads)
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
	{"deleting every document empties the store", func(t *testing.T, s *Store) {
		ctx := context.Background()
		a, b := DocumentIRI("a.txt"), DocumentIRI("b.txt")
		mustReplace(t, s, a, docTriples("a.txt", "cnipa", "wipo"))
		mustReplace(t, s, b, docTriples("b.txt", "cnipa"))
		mustReplace(t, s, a, docTriples("a.txt", "cnipa", "epo"))
		for _, d := range []string{a, b} {
			if ok, err := s.DeleteDocument(ctx, d); err != nil || !ok {
				t.Fatalf("delete %s = %v, %v", d, ok, err)
			}
		}
		// Nodes are reference-counted: none may outlive its last quad.
		if sz := mustSize(t, s); sz != (Size{}) {
			t.Errorf("size after deleting everything = %+v, want zero", sz)
		}
	}},
	{"size counts quads and nodes", func(t *testing.T, s *Store) {
		a := DocumentIRI("a.txt")
		mustReplace(t, s, a, docTriples("a.txt", "cnipa"))
		// quads: doc type, cnipa type, label, mention, manifest.
		// nodes: doc, rdf:type, Document, cnipa, Agency, rdfs:label, "cnipa",
		// mentions, manifest predicate, manifest string.
		if sz := mustSize(t, s); sz != (Size{Quads: 5, Nodes: 10}) {
			t.Errorf("size = %+v, want 5 quads, 10 nodes", sz)
		}
	}},
	{"strings round-trip exactly", func(t *testing.T, s *Store) {
		ctx := context.Background()
		d := DocumentIRI("s.txt")
		st := StatisticIRI("s.txt", 1)
		values := []string{
			"",
			"a\x00b",              // a NUL
			`lit\x00eral`,         // the four characters \x00
			"both \x00 and \\x00", // both
			`\x00`,
			"100%", "%00 %25 %5C",
			`back\slash \\x00`,
			"quote \" ' ; -- DROP TABLE quads;",
			"国家知识产权局 · 😀",
			"tab\tnewline\n",
			strings.Repeat("long ", 20000),
		}
		var ts []Triple
		for _, v := range values {
			ts = append(ts, Triple{st, PredMetric, String(v)})
		}
		mustReplace(t, s, d, ts)
		got, err := s.Objects(ctx, st, PredMetric)
		if err != nil {
			t.Fatal(err)
		}
		have := map[Term]bool{}
		for _, g := range got {
			have[g] = true
		}
		for _, v := range values {
			if !have[String(v)] {
				t.Errorf("string %q did not come back (got %d values)", v, len(got))
			}
			if subj, err := s.Subjects(ctx, PredMetric, String(v)); err != nil || len(subj) != 1 {
				t.Errorf("lookup by string %q = %v %v", v, subj, err)
			}
		}
		if len(got) != len(values) {
			t.Errorf("%d values back, want %d", len(got), len(values))
		}
		// The manifest, which holds them all, survives too: the document
		// can be deleted.
		if ok, err := s.DeleteDocument(ctx, d); !ok || err != nil {
			t.Errorf("delete = %v %v", ok, err)
		}
		if sz := mustSize(t, s); sz != (Size{}) {
			t.Errorf("size after delete = %+v", sz)
		}
	}},
	{"numbers round-trip exactly", func(t *testing.T, s *Store) {
		ctx := context.Background()
		d := DocumentIRI("n.txt")
		st := StatisticIRI("n.txt", 1)
		nums := []Term{Float(0.1), Float(1e300), Float(-2.5e-300), Float(12.0), Float(4.425e6), Int(0), Int(-7),
			Int(9223372036854775807), Int(-9223372036854775808)}
		var ts []Triple
		for _, n := range nums {
			ts = append(ts, Triple{st, PredValue, n})
		}
		mustReplace(t, s, d, ts)
		got, err := s.Objects(ctx, st, PredValue)
		if err != nil {
			t.Fatal(err)
		}
		have := map[Term]bool{}
		for _, g := range got {
			have[g] = true
		}
		for _, n := range nums {
			if !have[n] {
				t.Errorf("%v did not come back; got %v", n, got)
			}
		}
		// 12.0 the float and 12 the integer are different values.
		if subj, err := s.Subjects(ctx, PredValue, Int(12)); err != nil || len(subj) != 0 {
			t.Errorf("Int(12) found %v %v; only Float(12) was stored", subj, err)
		}
	}},
	{"generation moves on change only", func(t *testing.T, s *Store) {
		a := DocumentIRI("a.txt")
		g0 := s.Generation()
		mustReplace(t, s, a, docTriples("a.txt", "cnipa"))
		g1 := s.Generation()
		if g1 == g0 {
			t.Error("generation did not move on a write")
		}
		mustReplace(t, s, a, docTriples("a.txt", "cnipa"))
		if g := s.Generation(); g != g1 {
			t.Errorf("generation moved %d → %d on a no-op reload", g1, g)
		}
	}},
	{"large document", func(t *testing.T, s *Store) {
		ctx := context.Background()
		d := DocumentIRI("big.txt")
		big := func(version int) []Triple {
			var ts []Triple
			for i := 0; i < 3000; i++ {
				e := EntityIRI(fmt.Sprintf("e%d", i))
				ts = append(ts, Triple{e, RDFSLabel, String(fmt.Sprintf("entity %d v%d", i, version*(i%10/9)))},
					Triple{d, PredMentions, IRI(e)})
			}
			return ts
		}
		if ch := mustReplace(t, s, d, big(0)); ch.Added != 6001 {
			t.Errorf("first write %+v, want 6001 added", ch)
		}
		if ch := mustReplace(t, s, d, big(1)); ch.Added != 301 || ch.Removed != 301 {
			t.Errorf("second write %+v, want 301 added and removed", ch)
		}
		rep, err := s.Verify(ctx)
		if err != nil || len(rep.Problems) != 0 || rep.Quads != 6000 {
			t.Errorf("verify = %+v %v", rep, err)
		}
	}},
	{"readers during writes", func(t *testing.T, s *Store) {
		ctx := context.Background()
		a := DocumentIRI("a.txt")
		mustReplace(t, s, a, docTriples("a.txt", "cnipa"))
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for r := 0; r < 3; r++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					if _, err := s.Objects(ctx, EntityIRI("cnipa"), RDFSLabel); err != nil {
						t.Error(err)
						return
					}
					if _, _, err := s.Manifest(ctx, a); err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
		for i := 0; i < 20; i++ {
			mustReplace(t, s, a, docTriples("a.txt", "cnipa", fmt.Sprintf("x%d", i)))
		}
		close(stop)
		wg.Wait()
		if rep, err := s.Verify(ctx); err != nil || len(rep.Problems) != 0 {
			t.Errorf("verify = %+v %v", rep, err)
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

// TestPing: a store answers Ping, empty or not, and a closed one does not.
func TestPing(t *testing.T) {
	ctx := context.Background()
	store, err := Open(ctx, Options{Backend: BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Ping(ctx); err != nil {
		t.Errorf("empty store: %v", err)
	}
	if _, err := store.ReplaceDocument(ctx, "a.txt", []Triple{{Subject: EntityIRI("x"), Predicate: RDFSLabel, Object: String("X")}}); err != nil {
		t.Fatal(err)
	}
	if err := store.Ping(ctx); err != nil {
		t.Errorf("store with a document: %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := store.Ping(cancelled); err == nil {
		t.Error("a cancelled ping answered")
	}
}
