package queries

import (
	"context"
	"os"
	"testing"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
)

// A write commits before the store's generation moves, so for a moment a
// query may hold an index that passes for fresh but lacks what the store
// already shows. A document read from the store must still list all its
// entities (issue 7: a reader beside a load never sees half a document).
func TestEntityBesideALaggingIndex(t *testing.T) {
	ctx := context.Background()
	store := loaderstest.MemoryStore(t)
	s := New(store)
	if _, err := s.UseIndex(ctx); err != nil { // the index of the empty store
		t.Fatal(err)
	}
	lagging := *s.ix.current.Load()

	f, err := os.Open(loaderstest.SmallFixture)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	exs, err := loaders.ReadExtractions(f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loaders.Write(ctx, store, &exs[0]); err != nil {
		t.Fatal(err)
	}
	lagging.gen = store.Generation() // as between the commit and the generation's move
	s.ix.current.Store(&lagging)

	doc := graph.DocumentIRI(exs[0].Doc)
	got, err := s.Entities(ctx, "", doc)
	if err != nil {
		t.Fatal(err)
	}
	want, err := New(store).Entities(ctx, "", doc) // no index
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 || len(got) != len(want) {
		t.Errorf("document beside a lagging index lists %d entities, the store %d", len(got), len(want))
	}
}
