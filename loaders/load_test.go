package loaders_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
)

// recordingSink is a BatchSink that keeps what it is given and fails any
// write that includes the document named fail.
type recordingSink struct {
	mu      sync.Mutex
	fail    string
	docs    map[string][]graph.Triple
	order   []string // documents in the order they were written
	batches []int    // sizes of the successful ReplaceDocuments calls
}

func newRecordingSink(fail string) *recordingSink {
	return &recordingSink{fail: fail, docs: map[string][]graph.Triple{}}
}

func (s *recordingSink) ReplaceDocument(ctx context.Context, doc string, ts []graph.Triple) (graph.Change, error) {
	_, err := s.ReplaceDocuments(ctx, []graph.DocumentWrite{{Doc: doc, Triples: ts}})
	if err != nil {
		return graph.Change{}, err
	}
	return graph.Change{Added: len(ts)}, nil
}

func (s *recordingSink) ReplaceDocuments(ctx context.Context, docs []graph.DocumentWrite) ([]graph.Change, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range docs {
		if s.fail != "" && strings.HasSuffix(d.Doc, s.fail) {
			return nil, fmt.Errorf("%s is refused", d.Doc)
		}
	}
	changes := make([]graph.Change, len(docs))
	for i, d := range docs {
		s.docs[d.Doc] = d.Triples
		s.order = append(s.order, d.Doc)
		changes[i] = graph.Change{Added: len(d.Triples)}
	}
	if len(docs) > 1 {
		s.batches = append(s.batches, len(docs))
	}
	return changes, nil
}

// corpusCopies writes n documents (copies of testdata/corpus under new
// names) into a temporary directory and returns their paths.
func corpusCopies(t *testing.T, n int) []string {
	t.Helper()
	src, err := filepath.Glob("../testdata/corpus/*")
	if err != nil || len(src) == 0 {
		t.Fatalf("sample corpus: %v", err)
	}
	dir := t.TempDir()
	var files []string
	for i := range n {
		b, err := os.ReadFile(src[i%len(src)])
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("doc%02d%s", i, filepath.Ext(src[i%len(src)])))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	return files
}

func summary(rs []loaders.LoadResult) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%s %d %v", filepath.Base(r.Path), r.Change.Added, r.Err != nil)
	}
	return out
}

// Whatever the number of workers and the batch size, a load writes the
// same documents with the same triples and reports them in file order.
func TestLoadWithIsOrderedAndComplete(t *testing.T) {
	x, err := loaders.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	files := corpusCopies(t, 12)
	files = append(files, files[3]) // a repeated name: refused
	files = append(files, filepath.Join(t.TempDir(), "missing.txt"))
	ctx := context.Background()

	ref := newRecordingSink("")
	want := summary(x.LoadWith(ctx, ref, files, loaders.LoadOptions{Workers: 1, BatchQuads: 1}, nil))
	if len(ref.docs) != 12 || len(ref.batches) != 0 {
		t.Fatalf("reference load wrote %d documents in batches %v", len(ref.docs), ref.batches)
	}
	for _, tc := range []struct {
		name string
		opts loaders.LoadOptions
	}{
		{"defaults", loaders.LoadOptions{}},
		{"2 workers, one at a time", loaders.LoadOptions{Workers: 2, BatchQuads: 1}},
		{"4 workers, small batches", loaders.LoadOptions{Workers: 4, BatchQuads: 1500}},
		{"3 workers, one batch", loaders.LoadOptions{Workers: 3, BatchQuads: 1 << 30}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sink := newRecordingSink("")
			var progressed []string
			got := x.LoadWith(ctx, sink, files, tc.opts, func(r loaders.LoadResult) {
				progressed = append(progressed, filepath.Base(r.Path))
			})
			if !reflect.DeepEqual(summary(got), want) {
				t.Errorf("results\n%v\nwant\n%v", summary(got), want)
			}
			if len(progressed) != len(files) || progressed[0] != "doc00.md" && progressed[0] != "doc00.txt" {
				t.Errorf("progress calls %v", progressed)
			}
			if !reflect.DeepEqual(sink.docs, ref.docs) || !reflect.DeepEqual(sink.order, ref.order) {
				t.Errorf("wrote %d documents in order %v, want %d in %v", len(sink.docs), sink.order, len(ref.docs), ref.order)
			}
			if tc.opts.BatchQuads > 1 && len(sink.batches) == 0 {
				t.Error("no batch was written")
			}
		})
	}
}

// A document the sink refuses fails alone: the batch it was in is written
// again one document at a time.
func TestLoadWithBadDocumentInBatch(t *testing.T) {
	x, err := loaders.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	files := corpusCopies(t, 8)
	bad := filepath.Base(files[5])
	sink := newRecordingSink(bad)
	rs := x.LoadWith(context.Background(), sink, files, loaders.LoadOptions{Workers: 2, BatchQuads: 1 << 30}, nil)
	for _, r := range rs {
		failed := filepath.Base(r.Path) == bad
		if (r.Err != nil) != failed {
			t.Errorf("%s: err %v", r.Path, r.Err)
		}
	}
	if len(sink.docs) != 7 {
		t.Errorf("%d documents written, want 7", len(sink.docs))
	}
}

// Cancelling a load stops it: the rest is reported as cancelled and
// nothing more is written.
func TestLoadWithCancel(t *testing.T) {
	x, err := loaders.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	files := corpusCopies(t, 20)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sink := newRecordingSink("")
	done := make(chan []loaders.LoadResult)
	go func() {
		n := 0
		done <- x.LoadWith(ctx, sink, files, loaders.LoadOptions{Workers: 2, BatchQuads: 1}, func(loaders.LoadResult) {
			if n++; n == 3 {
				cancel()
			}
		})
	}()
	var rs []loaders.LoadResult
	select {
	case rs = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("a cancelled load did not return")
	}
	if len(rs) != len(files) {
		t.Fatalf("%d results for %d files", len(rs), len(files))
	}
	cancelled := 0
	for _, r := range rs {
		if errors.Is(r.Err, context.Canceled) {
			cancelled++
		}
	}
	if cancelled == 0 || len(sink.docs)+cancelled != len(files) {
		t.Errorf("%d written, %d cancelled, of %d", len(sink.docs), cancelled, len(files))
	}
}
