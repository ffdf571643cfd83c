package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// What PostgreSQL adds to the conformance suite: several stores (as
// several processes would) on one database. They run when
// IPGRAPH_TEST_POSTGRES is set.

func TestPostgresReadOnly(t *testing.T) {
	url := pgScratch(t)
	ctx := context.Background()
	if _, err := Open(ctx, Options{Backend: BackendPostgres, Path: url, ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "load documents into it first") {
		t.Errorf("read-only open of an empty schema = %v, want an error saying to load first", err)
	}
	w := mustOpen(t, Options{Backend: BackendPostgres, Path: url})
	mustReplace(t, w, DocumentIRI("a.txt"), docTriples("a.txt", "cnipa"))
	// Unlike Bolt, readers and a writer share the database at once.
	r := mustOpen(t, Options{Backend: BackendPostgres, Path: url, ReadOnly: true})
	if !r.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	if got, err := r.Subjects(ctx, RDFType, IRI(TypeDocument)); err != nil || len(got) != 1 {
		t.Errorf("read-only documents = %v %v", got, err)
	}
	if _, err := r.ReplaceDocument(ctx, DocumentIRI("b.txt"), docTriples("b.txt")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("write on read-only store = %v, want ErrReadOnly", err)
	}
	// The server refuses writes in its sessions too.
	if _, err := r.pg.db.ExecContext(ctx, `CREATE TABLE nope (x int)`); err == nil || !errors.Is(explainPQ(err), ErrReadOnly) {
		t.Errorf("DDL in a read-only session = %v", err)
	}
	if sz, err := r.Size(ctx); err != nil || sz.Quads != 5 {
		t.Errorf("read-only size = %+v %v", sz, err)
	}
}

func TestPostgresSeesOtherWriters(t *testing.T) {
	defer func(d time.Duration) { pgPollInterval = d }(pgPollInterval)
	pgPollInterval = 50 * time.Millisecond
	url := pgScratch(t)
	ctx := context.Background()
	a := mustOpen(t, Options{Backend: BackendPostgres, Path: url})
	b := mustOpen(t, Options{Backend: BackendPostgres, Path: url, ReadOnly: true})
	if _, err := b.Size(ctx); err != nil {
		t.Fatal(err)
	}
	g := b.Generation()
	mustReplace(t, a, DocumentIRI("a.txt"), docTriples("a.txt", "cnipa"))
	deadline := time.Now().Add(5 * time.Second)
	for b.Generation() == g && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if b.Generation() == g {
		t.Fatal("a write by another store did not move Generation")
	}
	// Size is not a cached count: it sees the other store's write.
	if sz, err := b.Size(ctx); err != nil || sz.Quads != 5 {
		t.Errorf("size seen by the other store = %+v %v, want 5 quads", sz, err)
	}
	// One write moves a store's own generation once, not once more when
	// its poll sees the sequence it bumped itself.
	ga := a.Generation()
	mustReplace(t, a, DocumentIRI("b.txt"), docTriples("b.txt", "wipo"))
	time.Sleep(4 * pgPollInterval)
	if got := a.Generation(); got != ga+1 {
		t.Errorf("writer's generation %d → %d, want +1", ga, got)
	}
}

// Two stores (two `ipgraph load` processes) writing the same documents at
// once: the advisory lock makes each document's read-diff-write atomic, so
// the store ends consistent with one manifest per document.
func TestPostgresConcurrentWriters(t *testing.T) {
	url := pgScratch(t)
	ctx := context.Background()
	stores := []*Store{
		mustOpen(t, Options{Backend: BackendPostgres, Path: url}),
		mustOpen(t, Options{Backend: BackendPostgres, Path: url}),
	}
	var wg sync.WaitGroup
	for w, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 15; i++ {
				for d := 0; d < 2; d++ {
					doc := fmt.Sprintf("d%d.txt", d)
					if _, err := s.ReplaceDocument(ctx, DocumentIRI(doc), docTriples(doc, "cnipa", fmt.Sprintf("w%d-%d", w, i%3))); err != nil {
						t.Error(err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	rep, err := stores[0].Verify(ctx)
	if err != nil || len(rep.Problems) != 0 || rep.Documents != 2 {
		t.Errorf("verify after concurrent writers = %+v %v", rep, err)
	}
	// 7 quads per document + its manifest.
	if sz := mustSize(t, stores[1]); sz.Quads != 16 {
		t.Errorf("size = %+v, want 16 quads", sz)
	}
}

func TestPostgresOpenErrors(t *testing.T) {
	base := testPostgresURL(t)
	if base == "" {
		t.Skip("IPGRAPH_TEST_POSTGRES is not set")
	}
	ctx := context.Background()
	cases := []struct{ url, want string }{
		{"", "no URL given"},
		{"postgres://postgres:secret@127.0.0.1:1/x?sslmode=disable", "is PostgreSQL running"},
		{strings.Replace(base, "/ipgraph_test", "/no_such_db", 1), "create the database first"},
	}
	for _, c := range cases {
		start := time.Now()
		_, err := Open(ctx, Options{Backend: BackendPostgres, Path: c.url})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("open %q = %v, want %q", c.url, err, c.want)
		} else if strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("open %q took %s", c.url, d)
		}
	}
}

func TestWithPostgresParam(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u@h:5/db?sslmode=disable": "postgres://u@h:5/db?search_path=s1&sslmode=disable",
		"postgresql://u@h/db":                 "postgresql://u@h/db?search_path=s1",
		"host=h dbname=db":                    "host=h dbname=db search_path='s1'",
	} {
		if got, err := withPostgresParam(in, "search_path", "s1"); err != nil || got != want {
			t.Errorf("withPostgresParam(%q) = %q %v, want %q", in, got, err, want)
		}
	}
}

func TestPgEscape(t *testing.T) {
	for _, s := range []string{"", "plain", "a\x00b", `a\x00b`, "%", "%00", `%5C\`, "\x00\\x00%25"} {
		e := pgEscape(s)
		if strings.ContainsAny(e, "\x00\\") {
			t.Errorf("pgEscape(%q) = %q still holds NUL or a backslash", s, e)
		}
		if got := pgUnescape(e); got != s {
			t.Errorf("pgUnescape(pgEscape(%q)) = %q", s, got)
		}
	}
}

// The store reads PostgreSQL with SQL of its own (postgres.go, "Reads"):
// it must read exactly what Cayley's iterators and NameOf read, for every
// kind of value Cayley stores.
func TestPostgresReadsMatchCayley(t *testing.T) {
	s := mustOpen(t, Options{Backend: BackendPostgres, Path: pgScratch(t)})
	ctx := context.Background()
	objects := []quad.Value{
		quad.IRI("urn:x:o"), quad.BNode("b1"), quad.String(""), quad.String("plain · 国家"),
		quad.String("nul\x00and \\x00"), quad.TypedString{Value: "2024-06", Type: "http://www.w3.org/2001/XMLSchema#gYearMonth"},
		quad.TypedString{Value: "with\x00nul", Type: pgEscaped}, quad.LangString{Value: "专利", Lang: "zh"},
		quad.Int(-42), quad.Int(1 << 62), quad.Float(0.1), quad.Float(-1e300), quad.Bool(true), quad.Bool(false),
		quad.Time(time.Date(2018, 3, 5, 12, 30, 0, 0, time.UTC)),
	}
	var deltas []cgraph.Delta
	for i, o := range objects {
		label := quad.Value(quad.IRI("urn:x:doc"))
		if i%3 == 0 {
			label = nil // Cayley allows triples without a label
		}
		deltas = append(deltas, cgraph.Delta{Action: cgraph.Add, Quad: quad.Quad{
			Subject: quad.IRI(fmt.Sprintf("urn:x:s%d", i%4)), Predicate: quad.IRI(fmt.Sprintf("urn:x:p%d", i%2)), Object: o, Label: label}})
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	collect := func(read func(fn func(quad.Quad) error) error) []string {
		var out []string
		if err := read(func(q quad.Quad) error {
			var row []string
			for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
				if v == nil {
					row = append(row, "nil")
				} else { // %T and String: a quad.Time's zone pointer differs between reads
					row = append(row, fmt.Sprintf("%T %q", v, v.String()))
				}
			}
			out = append(out, strings.Join(row, " | "))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		sort.Strings(out)
		return out
	}
	lookups := []struct {
		dir quad.Direction
		v   quad.Value
	}{{quad.Any, nil}, {quad.Subject, quad.IRI("urn:x:s1")}, {quad.Predicate, quad.IRI("urn:x:p0")},
		{quad.Label, quad.IRI("urn:x:doc")}, {quad.Subject, quad.IRI("urn:x:none")}}
	for _, o := range objects {
		lookups = append(lookups, struct {
			dir quad.Direction
			v   quad.Value
		}{quad.Object, o})
	}
	for _, l := range lookups {
		ours := collect(func(fn func(quad.Quad) error) error { return s.pg.scan(ctx, l.dir, l.v, fn) })
		cayley := collect(func(fn func(quad.Quad) error) error { return s.iterate(ctx, s.quadIterator(l.dir, l.v), fn) })
		if strings.Join(ours, "\n") != strings.Join(cayley, "\n") {
			t.Errorf("%v %v: store reads\n%s\nCayley reads\n%s", l.dir, l.v, strings.Join(ours, "\n"), strings.Join(cayley, "\n"))
		}
		if l.dir == quad.Any && len(ours) != len(objects) {
			t.Errorf("%d quads read, want %d", len(ours), len(objects))
		}
	}
}
