package synthcorpus

import (
	"context"
	"strconv"
	"testing"

	"github.com/ipgraph/ipgraph/loaders"
)

// BenchmarkGenerate makes documents one after another on one goroutine.
func BenchmarkGenerate(b *testing.B) {
	g := newGen(b, Options{Seed: 1})
	n := 0
	i := 0
	for b.Loop() {
		_, text := g.Document(i)
		n += len(text)
		i++
	}
	b.ReportMetric(float64(n)/1e6/b.Elapsed().Seconds(), "MB/s")
}

// BenchmarkExtract is loaders.BenchmarkExtract on synthetic text: the whole
// extraction of about 500 KB of generated documents (of every genre) on
// one goroutine, with documents of the default size (5 KB) and of the seed
// corpus's (about 36 KB).
func BenchmarkExtract(b *testing.B) {
	x, err := loaders.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	for _, mean := range []int{DefaultMeanSize, 36000} {
		b.Run("size="+strconv.Itoa(mean), func(b *testing.B) {
			g := newGen(b, Options{Seed: 1, MeanSize: mean})
			var docs []*loaders.Document
			var size int64
			for i := 0; size < 500_000 || i%4 != 0; i++ {
				name, text := g.Document(i)
				d, err := loaders.ParseDocument(name, text)
				if err != nil {
					b.Fatal(err)
				}
				docs = append(docs, d)
				size += int64(len(d.Text))
			}
			b.SetBytes(size)
			for b.Loop() {
				for _, d := range docs {
					if _, err := x.Extract(context.Background(), d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
