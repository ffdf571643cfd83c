package loaders

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// benchCorpus reads ../shared/corpus once per benchmark.
func benchCorpus(b *testing.B) []*Document {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.txt"))
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			b.Fatal("shared corpus missing under CI")
		}
		b.Skip("shared corpus not found")
	}
	var docs []*Document
	for _, f := range files {
		d, err := ReadDocument(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func corpusBytes(docs []*Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	return n
}

// BenchmarkExtract is the whole extraction of the seed corpus on one
// goroutine; MB/s is the figure issue 3 targets (≥ 5 MB/s on one core).
func BenchmarkExtract(b *testing.B) {
	docs := benchCorpus(b)
	x, err := NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(corpusBytes(docs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := x.Extract(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkExtractBaseline is the least any extractor does: one pass of
// sentence segmentation over the same text.
func BenchmarkExtractBaseline(b *testing.B) {
	docs := benchCorpus(b)
	b.SetBytes(corpusBytes(docs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			text.Segment(d.Text)
		}
	}
}
