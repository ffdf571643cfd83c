// Package loaderstest gives tests of the packages above the loaders a
// store filled from a fixture of extractions (the JSON `ipgraph extract
// --json` prints), so that their expectations do not move when the
// extractor changes.
package loaderstest

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
)

// SmallFixture is testdata/fixtures/small.json: two hand-written documents
// about the CNIPA, the SIPO, WIPO and the SAMR.
var SmallFixture = filepath.Join(repoRoot(), "testdata", "fixtures", "small.json")

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// MemoryStore returns an empty memory store, closed when the test ends.
func MemoryStore(t testing.TB) *graph.Store {
	t.Helper()
	store, err := graph.Open(context.Background(), graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// Store returns a memory store holding the extractions of the fixture
// file; it is closed when the test ends.
func Store(t testing.TB, fixture string) *graph.Store {
	t.Helper()
	f, err := os.Open(fixture)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	exs, err := loaders.ReadExtractions(f)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	store := MemoryStore(t)
	for i := range exs {
		if _, err := loaders.Write(ctx, store, &exs[i]); err != nil {
			t.Fatal(err)
		}
	}
	return store
}

// CorpusStore returns a memory store holding the documents of dir (read
// recursively, as `ipgraph load` reads them) through the real extractor; it
// is closed when the test ends.
func CorpusStore(t testing.TB, dir string) *graph.Store {
	t.Helper()
	ctx := context.Background()
	store := MemoryStore(t)
	x, err := loaders.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	files, errs := loaders.Expand([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, r := range x.Load(ctx, store, files, nil) {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Path, r.Err)
		}
	}
	return store
}
