package loaders

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/ipgraph/ipgraph/graph"
)

// BatchSink is a Sink that can also replace several documents in one
// transaction, each exactly as ReplaceDocument would; *graph.Store is one.
// Either every document of the call is written or none is.
type BatchSink interface {
	Sink
	ReplaceDocuments(ctx context.Context, docs []graph.DocumentWrite) ([]graph.Change, error)
}

// LoadOptions tune LoadWith. Zero values take the defaults.
type LoadOptions struct {
	// Workers is the number of documents read and extracted at once;
	// default runtime.GOMAXPROCS(0).
	Workers int
	// BatchQuads: with a BatchSink, consecutive documents are written in
	// one transaction until their triples reach this many; default 5000
	// (Bolt writes fastest in transactions of 5k–10k quads). 1 writes
	// each document on its own.
	BatchQuads int
}

// DefaultBatchQuads is LoadOptions.BatchQuads's default.
const DefaultBatchQuads = 5000

// LoadWith is Load with options. It is a pipeline: Workers goroutines
// read and extract documents while one writes them, in file order, so a
// load runs at the speed of the slower of the two. At most 2×Workers
// extracted documents (plus one batch) wait in memory at a time.
//
// With a BatchSink, documents are written in batches; if a batch fails,
// its documents are written one by one, so that one bad document does not
// keep the others out. Either way each document is written whole or not at
// all.
func (x *Extractor) LoadWith(ctx context.Context, sink Sink, files []string, opts LoadOptions, progress func(LoadResult)) []LoadResult {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchQuads := opts.BatchQuads
	if batchQuads <= 0 {
		batchQuads = DefaultBatchQuads
	}
	batcher, _ := sink.(BatchSink)
	if batchQuads == 1 {
		batcher = nil
	}

	// A ring of window slots: file i goes to slot i%window. The feeder
	// takes a token before handing out file i and the writer returns it
	// after writing file i, so the files in flight always fit the ring.
	window := 2 * workers
	slots := make([]chan loadItem, window)
	for i := range slots {
		slots[i] = make(chan loadItem, 1)
	}
	tokens := make(chan struct{}, window)
	jobs := make(chan int)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				slots[i%window] <- x.prepare(ctx, files[i])
			}
		}()
	}
	go func() {
		defer close(jobs)
		seen := map[string]string{}
		for i, path := range files {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				// The writer stops waiting; nothing is written after this.
				return
			}
			name := filepath.Base(path)
			if first, dup := seen[name]; dup {
				slots[i%window] <- loadItem{result: LoadResult{Path: path, Doc: name,
					Err: fmt.Errorf("same document name as %s (documents are identified by file name)", first)}}
				continue
			}
			seen[name] = path
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()

	w := loadWriter{ctx: ctx, sink: sink, batcher: batcher, batchQuads: batchQuads, progress: progress,
		results: make([]LoadResult, 0, len(files))}
	for i := range files {
		select {
		case it := <-slots[i%window]:
			<-tokens
			w.add(it)
			continue
		case <-ctx.Done():
		}
		// Cancelled: what is extracted is not written any more.
		w.pending, w.quads = nil, 0
		for _, path := range files[len(w.results):] {
			w.report(LoadResult{Path: path, Doc: filepath.Base(path), Err: ctx.Err()})
		}
		break
	}
	w.flush()
	cancel()
	wg.Wait()
	return w.results
}

// loadItem is one file, read and extracted (or failed), waiting to be
// written.
type loadItem struct {
	result  LoadResult
	triples []graph.Triple // nil when result.Err is set
}

// prepare reads and extracts one file.
func (x *Extractor) prepare(ctx context.Context, path string) loadItem {
	it := loadItem{result: LoadResult{Path: path, Doc: filepath.Base(path)}}
	if err := ctx.Err(); err != nil {
		it.result.Err = err
		return it
	}
	doc, err := ReadDocument(path)
	var fe *FileError
	if errors.As(err, &fe) {
		it.result.Err = fe.Err // LoadResult names the path
		return it
	} else if err != nil {
		it.result.Err = err
		return it
	}
	ex, err := x.Extract(ctx, doc)
	if err != nil {
		it.result.Err = fmt.Errorf("extract: %w", err)
		return it
	}
	it.result.Doc = ex.Doc
	it.result.Entities, it.result.Stats = len(ex.Entities), len(ex.Statistics)
	it.triples = ex.Triples()
	return it
}

// loadWriter writes prepared documents in order, in batches when the sink
// allows, and reports each one.
type loadWriter struct {
	ctx        context.Context
	sink       Sink
	batcher    BatchSink // nil: one document at a time
	batchQuads int
	progress   func(LoadResult)
	results    []LoadResult

	pending []loadItem // extracted, not yet written
	quads   int        // triples in pending
}

func (w *loadWriter) add(it loadItem) {
	if it.result.Err != nil {
		// Keep the order of reports: write what came before first.
		w.flush()
		w.report(it.result)
		return
	}
	w.pending = append(w.pending, it)
	w.quads += len(it.triples)
	if w.batcher == nil || w.quads >= w.batchQuads {
		w.flush()
	}
}

func (w *loadWriter) flush() {
	pending := w.pending
	w.pending, w.quads = nil, 0
	if len(pending) == 0 {
		return
	}
	if w.batcher != nil && len(pending) > 1 {
		docs := make([]graph.DocumentWrite, len(pending))
		for i, it := range pending {
			docs[i] = graph.DocumentWrite{Doc: graph.DocumentIRI(it.result.Doc), Triples: it.triples}
		}
		changes, err := w.batcher.ReplaceDocuments(w.ctx, docs)
		if err == nil {
			for i, it := range pending {
				it.result.Change = changes[i]
				w.report(it.result)
			}
			return
		}
		// Fall through: find the document at fault by writing each alone.
	}
	for _, it := range pending {
		ch, err := w.sink.ReplaceDocument(w.ctx, graph.DocumentIRI(it.result.Doc), it.triples)
		if err != nil {
			it.result.Err = fmt.Errorf("write: %w", err)
		} else {
			it.result.Change = ch
		}
		w.report(it.result)
	}
}

func (w *loadWriter) report(r LoadResult) {
	w.results = append(w.results, r)
	if w.progress != nil {
		w.progress(r)
	}
}
