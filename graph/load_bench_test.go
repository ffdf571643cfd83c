package graph_test

// Load benchmarks on a synthetic corpus (loaders/synthcorpus): ipgraph's
// whole load path (read, extract on all cores, diff against manifests,
// write in batches) against the floor, the same quads written straight
// through Cayley's API. IPGRAPH_BENCH_LOAD_DOCS sizes the corpus (default
// 200 documents, about 1 MB; `make bench` uses 10,000, about 50 MB).

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/synthcorpus"
)

// floorBatch is the batch size of the floor: the best of CAYLEY.md's
// measured range for Bolt (5k–10k quads per ApplyDeltas).
const floorBatch = 5000

var loadCorpus struct {
	once  sync.Once
	dir   string
	files []string
	bytes int64
	err   error
}

// benchCorpus writes the synthetic corpus once per test binary.
func benchCorpus(b *testing.B) ([]string, int64) {
	b.Helper()
	c := &loadCorpus
	c.once.Do(func() {
		docs := 200
		if s := os.Getenv("IPGRAPH_BENCH_LOAD_DOCS"); s != "" {
			if docs, c.err = strconv.Atoi(s); c.err != nil {
				return
			}
		}
		if c.dir, c.err = os.MkdirTemp("", "ipgraph-loadbench-"); c.err != nil {
			return
		}
		g, err := synthcorpus.New(synthcorpus.Options{Seed: 1, Documents: docs})
		if err != nil {
			c.err = err
			return
		}
		if _, c.bytes, c.err = g.WriteDir(context.Background(), c.dir); c.err != nil {
			return
		}
		c.files, c.err = filepath.Glob(filepath.Join(c.dir, "*.txt"))
	})
	if c.err != nil {
		b.Fatalf("synthetic corpus: %v", c.err)
	}
	return c.files, c.bytes
}

func TestMain(m *testing.M) {
	code := m.Run()
	if loadCorpus.dir != "" {
		os.RemoveAll(loadCorpus.dir)
	}
	os.Exit(code)
}

// BenchmarkLoad is `ipgraph load` of the synthetic corpus into a new Bolt
// file: read, extract, diff against manifests, write.
func BenchmarkLoad(b *testing.B) {
	files, size := benchCorpus(b)
	x, err := loaders.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(size)
	timeWrites(b, func(path string) int {
		store, err := graph.Open(ctx, graph.Options{Path: path, BulkLoad: true}) // as ipgraph load opens it
		if err != nil {
			b.Fatal(err)
		}
		quads := 0
		for _, r := range x.Load(ctx, store, files, nil) {
			if r.Err != nil {
				b.Fatalf("%s: %v", r.Path, r.Err)
			}
			quads += r.Change.Added
		}
		if err := store.Close(); err != nil {
			b.Fatal(err)
		}
		return quads
	})
}

// BenchmarkLoadBaseline is the floor of BenchmarkLoad: the quads its
// documents hold (extracted beforehand, not timed), written to a new Bolt
// file through Cayley's own API, ApplyDeltas in batches of floorBatch,
// with no manifests and no diffs.
func BenchmarkLoadBaseline(b *testing.B) {
	files, size := benchCorpus(b)
	docs := extractAll(b, files)
	var batches [][]cgraph.Delta
	var batch []cgraph.Delta
	quads := 0
	for _, d := range docs {
		label := quad.IRI(d.Doc)
		seen := make(map[graph.Triple]bool, len(d.Triples))
		for _, t := range d.Triples {
			if seen[t] {
				continue
			}
			seen[t] = true
			batch = append(batch, cgraph.Delta{Action: cgraph.Add, Quad: quad.Quad{
				Subject: quad.IRI(t.Subject), Predicate: quad.IRI(t.Predicate), Object: cayleyValue(t.Object), Label: label}})
			quads++
			if len(batch) == floorBatch {
				batches = append(batches, batch)
				batch = nil
			}
		}
	}
	if len(batch) > 0 {
		batches = append(batches, batch)
	}
	b.SetBytes(size)
	b.ResetTimer()
	timeWrites(b, func(path string) int {
		db, err := hbolt.Open(path, &bolt.Options{Timeout: time.Second})
		if err != nil {
			b.Fatal(err)
		}
		if err := kv.Init(db, nil); err != nil {
			b.Fatal(err)
		}
		qs, err := kv.New(db, cgraph.Options{kv.OptNoBloom: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, deltas := range batches {
			if err := qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
				b.Fatal(err)
			}
		}
		if err := qs.Close(); err != nil {
			b.Fatal(err)
		}
		return quads
	})
}

// timeWrites runs write b.N times, each into a new Bolt file, timing only
// write (the temporary directory is made off the clock), and reports the
// quads written per second and per run.
func timeWrites(b *testing.B, write func(path string) (quads int)) {
	var quads int
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "bench.db")
		start := time.Now()
		b.StartTimer()
		quads = write(path)
		b.StopTimer()
		elapsed += time.Since(start)
	}
	b.ReportMetric(float64(quads)*float64(b.N)/elapsed.Seconds(), "quads/s")
	b.ReportMetric(float64(quads), "quads")
}

// BenchmarkReloadOne re-loads one changed document in a store holding the
// whole synthetic corpus (at 10,000 documents, 4.57M quads; 2,200 make
// about 1M).
func BenchmarkReloadOne(b *testing.B) {
	files, _ := benchCorpus(b)
	ctx := context.Background()
	x, err := loaders.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	store, err := graph.Open(ctx, graph.Options{Path: filepath.Join(b.TempDir(), "reload.db")})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	for _, r := range x.Load(ctx, store, files, nil) {
		if r.Err != nil {
			b.Fatalf("%s: %v", r.Path, r.Err)
		}
	}
	size, err := store.Size(ctx)
	if err != nil {
		b.Fatal(err)
	}
	docs := extractAll(b, files[len(files)/2:len(files)/2+1])
	doc := docs[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// A tenth of the triples change from one version to the next.
		ts := append([]graph.Triple(nil), doc.Triples...)
		for j := 0; j < len(ts); j += 10 {
			ts[j].Object = graph.String(fmt.Sprintf("version %d of triple %d", i, j))
		}
		ch, err := store.ReplaceDocument(ctx, doc.Doc, ts)
		if err != nil || ch.Added == 0 {
			b.Fatalf("reload: %+v, %v", ch, err)
		}
	}
	b.ReportMetric(float64(size.Quads), "store-quads")
}

// extractAll extracts files as Load would, without a store.
func extractAll(b *testing.B, files []string) []graph.DocumentWrite {
	b.Helper()
	x, err := loaders.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	var sink collectSink
	for _, r := range x.LoadWith(context.Background(), &sink, files, loaders.LoadOptions{BatchQuads: 1}, nil) {
		if r.Err != nil {
			b.Fatalf("%s: %v", r.Path, r.Err)
		}
	}
	return sink.docs
}

// collectSink keeps what it is asked to write.
type collectSink struct{ docs []graph.DocumentWrite }

func (s *collectSink) ReplaceDocument(_ context.Context, doc string, ts []graph.Triple) (graph.Change, error) {
	s.docs = append(s.docs, graph.DocumentWrite{Doc: doc, Triples: ts})
	return graph.Change{Added: len(ts)}, nil
}

func cayleyValue(t graph.Term) quad.Value {
	switch t.Kind {
	case graph.KindIRI:
		return quad.IRI(t.Value)
	case graph.KindFloat:
		f, _ := strconv.ParseFloat(t.Value, 64)
		return quad.Float(f)
	case graph.KindInt:
		n, _ := strconv.ParseInt(t.Value, 10, 64)
		return quad.Int(n)
	}
	return quad.String(t.Value)
}
