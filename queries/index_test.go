package queries_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/queries"
)

// corpusStore loads the documents of dir into a memory store; it skips the
// test when dir is missing.
func corpusStore(t *testing.T, dir string) *graph.Store {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus %s missing: %v", dir, err)
	}
	return loaderstest.CorpusStore(t, dir)
}

// synthStore is a small synthetic corpus (loaderstest.Synth).
func synthStore(t *testing.T, quads int) *graph.Store {
	t.Helper()
	ctx := context.Background()
	store := loaderstest.MemoryStore(t)
	if _, _, err := loaderstest.WriteSynth(ctx, store, loaderstest.NewSynth(7, quads), quads, nil); err != nil {
		t.Fatal(err)
	}
	return store
}

// TestIndexMatchesStore asks the same Entity, Relations, Related, Neighbors
// and Paths questions of a service reading the store and of one answering
// from the in-memory index, over the fixtures, the sample and seed corpora
// and a synthetic corpus, and wants identical answers.
func TestIndexMatchesStore(t *testing.T) {
	root := filepath.Join("..")
	stores := []struct {
		name  string
		store func(t *testing.T) *graph.Store
	}{
		{"small fixture", func(t *testing.T) *graph.Store { return loaderstest.Store(t, loaderstest.SmallFixture) }},
		{"typed fixture", func(t *testing.T) *graph.Store {
			return loaderstest.Store(t, filepath.Join(root, "testdata", "fixtures", "typed.json"))
		}},
		{"sample corpus", func(t *testing.T) *graph.Store { return corpusStore(t, filepath.Join(root, "testdata", "corpus")) }},
		{"seed corpus", func(t *testing.T) *graph.Store { return corpusStore(t, filepath.Join(root, "..", "shared", "corpus")) }},
		{"synthetic", func(t *testing.T) *graph.Store { return synthStore(t, 20000) }},
	}
	for _, tc := range stores {
		t.Run(tc.name, func(t *testing.T) {
			store := tc.store(t)
			compareIndexed(t, store)
		})
	}
}

func compareIndexed(t *testing.T, store *graph.Store) {
	t.Helper()
	ctx := context.Background()
	plain, indexed := queries.New(store), queries.New(store)
	st, err := indexed.UseIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Entities == 0 || st.Relations == 0 {
		t.Fatalf("index is empty: %+v", st)
	}
	all, err := plain.Entities(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != st.Entities {
		t.Errorf("index has %d entities, the store %d", st.Entities, len(all))
	}
	same := func(what string, f func(s *queries.Service) (any, error)) {
		t.Helper()
		want, err1 := f(plain)
		got, err2 := f(indexed)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: errors %v / %v", what, err1, err2)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\nindexed %+v\nstore   %+v", what, got, want)
		}
	}
	ids := []string{"no-such-entity", "urn:ipgraph:doc:nothing"}
	for _, e := range all {
		ids = append(ids, e.ID)
	}
	predSets := [][]string{nil, {"memberOf"}, {"runs", "issued"}, {"partOf", "locatedIn", "succeededBy"}}
	for _, id := range ids {
		same("Entity "+id, func(s *queries.Service) (any, error) { return s.Entity(ctx, id) })
		for _, dir := range []queries.Direction{queries.Both, queries.Out, queries.In} {
			for _, ps := range predSets {
				same("Relations "+id+" "+strings.Join(ps, ","), func(s *queries.Service) (any, error) {
					return s.Relations(ctx, id, ps, dir)
				})
			}
			same("Related "+id, func(s *queries.Service) (any, error) {
				return s.Related(ctx, id, []string{"memberOf", "runs"}, dir, []string{"Person", "Program"})
			})
		}
	}
	// Traversals from a sample of entities (every one on small stores).
	step := max(1, len(all)/40)
	for i := 0; i < len(all); i += step {
		id := all[i].ID
		for depth := 1; depth <= 2; depth++ {
			same("Neighbors "+id, func(s *queries.Service) (any, error) {
				g, tr, err := s.Neighbors(ctx, id, depth, nil, nil)
				return []any{g, tr}, err
			})
		}
		same("Neighbors typed "+id, func(s *queries.Service) (any, error) {
			g, tr, err := s.Neighbors(ctx, id, 2, []string{"memberOf", "runs", "issued"}, []string{"Agency", "Person"})
			return []any{g, tr}, err
		})
		to := all[(i*7+3)%len(all)].ID
		same("Paths "+id+" → "+to, func(s *queries.Service) (any, error) {
			ps, tr, err := s.Paths(ctx, id, to, 4, 3)
			return []any{ps, tr}, err
		})
	}
}

// TestIndexFollowsWrites checks that a write to the store makes the index
// stale and that the next query answers from the new content.
func TestIndexFollowsWrites(t *testing.T) {
	ctx := context.Background()
	store := loaderstest.Store(t, loaderstest.SmallFixture)
	svc := queries.New(store)
	before, err := svc.UseIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ex := &loaders.Extraction{Doc: "index_test.txt", Date: "2024",
		Entities: []loaders.Entity{
			{ID: "cnipa", Type: loaders.Agency, Name: "CNIPA"},
			{ID: "new_pilot", Type: loaders.Program, Name: "New Pilot", Aliases: []string{"NP"}},
		},
		Relations: []loaders.Relation{{Subject: "cnipa", Predicate: "runs", Object: "new_pilot", Sentence: "CNIPA runs the New Pilot.", Offset: 0}},
	}
	if _, err := loaders.Write(ctx, store, ex); err != nil {
		t.Fatal(err)
	}
	e, err := svc.Entity(ctx, "new_pilot")
	if err != nil || e == nil || e.Name != "New Pilot" {
		t.Fatalf("Entity(new_pilot) after the write = %+v, %v", e, err)
	}
	rs, err := svc.Relations(ctx, "new_pilot", nil, queries.In)
	if err != nil || len(rs) != 1 || rs[0].Source != graph.EntityIRI("cnipa") {
		t.Fatalf("Relations(new_pilot, In) = %+v, %v", rs, err)
	}
	ix, err := svc.RefreshIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after := ix.Stats(); after.Generation == before.Generation || after.Relations != before.Relations+1 {
		t.Errorf("index stats before %+v, after %+v", before, after)
	}
	compareIndexed(t, store)

	if _, err := store.DeleteDocument(ctx, graph.DocumentIRI("index_test.txt")); err != nil {
		t.Fatal(err)
	}
	if e, err := svc.Entity(ctx, "new_pilot"); err != nil || e != nil {
		t.Fatalf("Entity(new_pilot) after the delete = %+v, %v", e, err)
	}
}

// TestIndexConcurrent reads through the index while documents are written
// (run with -race).
func TestIndexConcurrent(t *testing.T) {
	ctx := context.Background()
	store := synthStore(t, 5000)
	svc := queries.New(store)
	if _, err := svc.UseIndex(ctx); err != nil {
		t.Fatal(err)
	}
	s := loaderstest.NewSynth(7, 5000)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 100; i < 110; i++ {
			if _, err := loaders.Write(ctx, store, s.Doc(i)); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	var names []string
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		g, _, err := svc.Neighbors(ctx, s.Agency(1), 2, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, g.Nodes[0].Name)
	}
	sort.Strings(names)
	if len(names) == 0 || names[0] != names[len(names)-1] {
		t.Errorf("start entity names: %v…", names[:min(3, len(names))])
	}
	compareIndexed(t, store)
}
