package timex

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// BenchmarkRecognize recognizes the time expressions of every sentence of
// ../shared/corpus (skipped without it).
func BenchmarkRecognize(b *testing.B) {
	files, _ := filepath.Glob("../../../../shared/corpus/*.txt")
	if len(files) == 0 {
		b.Skip("no shared corpus")
	}
	var sents []string
	n := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		n += len(d)
		for _, s := range text.Segment(string(d)) {
			sents = append(sents, s.Text)
		}
	}
	rs, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			rs.Recognize(s)
		}
	}
}
