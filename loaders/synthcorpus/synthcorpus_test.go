package synthcorpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/ipgraph/ipgraph/loaders"
)

func TestNewOptions(t *testing.T) {
	for _, c := range []struct {
		name string
		opts Options
		ok   bool
	}{
		{"zero value", Options{}, true},
		{"usual", Options{Seed: 1, Documents: 10000}, true},
		{"large documents", Options{MeanSize: 50000}, true},
		{"negative count", Options{Documents: -1}, false},
		{"tiny documents", Options{MeanSize: 200}, false},
		{"huge documents", Options{MeanSize: 1 << 21}, false},
		{"negative workers", Options{Workers: -2}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := New(c.opts)
			if (err == nil) != c.ok {
				t.Fatalf("New(%+v) error %v, want ok=%v", c.opts, err, c.ok)
			}
			if err == nil && (g.Options().MeanSize == 0 || g.Options().Workers == 0) {
				t.Errorf("defaults not filled in: %+v", g.Options())
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	g1 := newGen(t, Options{Seed: 1})
	g1b := newGen(t, Options{Seed: 1, MeanSize: DefaultMeanSize, Workers: 1})
	g2 := newGen(t, Options{Seed: 2})
	for _, i := range []int{0, 1, 2, 3, 17, 999, 123456} {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			n1, a := g1.Document(i)
			// Made again, by another generator, after other documents.
			g1b.Document(i + 1)
			n1b, b := g1b.Document(i)
			if n1 != n1b || !bytes.Equal(a, b) {
				t.Errorf("seed 1, document %d: two different texts (%d and %d bytes)", i, len(a), len(b))
			}
			if _, c := g1.Document(i); !bytes.Equal(a, c) {
				t.Errorf("seed 1, document %d: differs when made twice", i)
			}
			n2, d := g2.Document(i)
			if n2 != n1 {
				t.Errorf("name depends on the seed: %s, %s", n1, n2)
			}
			if bytes.Equal(a, d) {
				t.Errorf("document %d: seeds 1 and 2 give the same text", i)
			}
			if _, e := g1.Document(i + 4); bytes.Equal(a, e) {
				t.Errorf("documents %d and %d (same genre) have the same text", i, i+4)
			}
		})
	}
}

// TestConcurrent makes documents from several goroutines at once: the
// generator is read-only, so they match the ones made one by one (and the
// race detector has nothing to say).
func TestConcurrent(t *testing.T) {
	g := newGen(t, Options{Seed: 3})
	const n = 16
	want := make([][]byte, n)
	for i := range want {
		_, want[i] = g.Document(i)
	}
	var wg sync.WaitGroup
	got := make([][]byte, n)
	for i := range n {
		wg.Go(func() { _, got[i] = g.Document(i) })
	}
	wg.Wait()
	for i := range n {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("document %d differs when made concurrently", i)
		}
	}
}

func TestSize(t *testing.T) {
	for _, c := range []struct {
		mean     int
		docs     int
		lo, hi   float64 // bounds of the average, KB
		min, max int     // bounds of any document, bytes
	}{
		{DefaultMeanSize, 1000, 3, 8, 800, 16000},
		{2000, 200, 1.2, 3.2, 300, 7000},
		{20000, 100, 14, 26, 3000, 64000},
	} {
		t.Run(strconv.Itoa(c.mean), func(t *testing.T) {
			if testing.Short() && c.mean != DefaultMeanSize {
				t.Skip("short")
			}
			g := newGen(t, Options{Seed: 11, MeanSize: c.mean})
			total, lo, hi := 0, 1<<30, 0
			byGenre := map[Genre]int{}
			for i := range c.docs {
				_, text := g.Document(i)
				total += len(text)
				lo, hi = min(lo, len(text)), max(hi, len(text))
				byGenre[g.GenreOf(i)] += len(text)
			}
			avg := float64(total) / float64(c.docs) / 1000
			t.Logf("mean size %d: %d documents, average %.2f KB, smallest %d bytes, largest %d bytes; by genre: transcript %.1f KB, report %.1f KB, circular %.1f KB, digest %.1f KB",
				c.mean, c.docs, avg, lo, hi, kb(byGenre[Transcript], c.docs/4), kb(byGenre[ReportSection], c.docs/4), kb(byGenre[Circular], c.docs/4), kb(byGenre[Digest], c.docs/4))
			if avg < c.lo || avg > c.hi {
				t.Errorf("average size %.2f KB, want between %.1f and %.1f", avg, c.lo, c.hi)
			}
			if lo < c.min || hi > c.max {
				t.Errorf("sizes from %d to %d bytes, want within %d–%d", lo, hi, c.min, c.max)
			}
		})
	}
}

func kb(n, docs int) float64 { return float64(n) / float64(docs) / 1000 }

// genreMarks are lines or phrases each genre writes.
var genreMarks = map[Genre][]string{
	Transcript:    {"\nSpeakers:\n", "\nChairperson:\n", "Thank you", "?"},
	ReportSection: {"Annual Report ", "\n(1) ", "over the previous year"},
	Circular:      {"Circular of the ", "] No. ", "\nArticle 1 ", "shall come into force on "},
	Digest:        {"Date: ", "\n1. ", " — "},
}

func TestGenres(t *testing.T) {
	g := newGen(t, Options{Seed: 5})
	seen := map[Genre]int{}
	for i := range 40 {
		name, text := g.Document(i)
		genre := g.GenreOf(i)
		seen[genre]++
		if genre != Genres[i%4] {
			t.Errorf("document %d is a %s, want %s", i, genre, Genres[i%4])
		}
		if want := fmt.Sprintf("synth-%06d-%s.txt", i, genre); name != want {
			t.Errorf("document %d named %q, want %q", i, name, want)
		}
		for _, m := range genreMarks[genre] {
			if !bytes.Contains(text, []byte(m)) {
				t.Errorf("%s lacks %q", name, m)
			}
		}
		doc, err := loaders.ParseDocument(name, text)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The loaders find the date the document was written for.
		w := g.writer(i)
		want := isoDate(w.year, w.month, w.day)
		if genre == ReportSection {
			want = strconv.Itoa(w.repYear) // from the title
		}
		if doc.Date != want {
			t.Errorf("%s: loaders read the date %q, want %q", name, doc.Date, want)
		}
		if doc.Title == "" || strings.Contains(doc.Title, "\n") {
			t.Errorf("%s: title %q", name, doc.Title)
		}
	}
	for _, genre := range Genres {
		if seen[genre] != 10 {
			t.Errorf("%s: %d of 40 documents, want 10", genre, seen[genre])
		}
	}
	if s := Genre(9).String(); s != "Genre(9)" {
		t.Errorf("Genre(9).String() = %q", s)
	}
}

// TestVariety checks that documents are not a handful of repeated lines:
// there are many templates, and most sentences of a sample are distinct.
func TestVariety(t *testing.T) {
	n := len(statTemplates) + len(regionTemplates) + len(relationTemplates) + len(personTemplates)
	t.Logf("%d sentence templates (statistics %d, regions %d, relations %d, persons %d), plus filler and genre frames",
		n, len(statTemplates), len(regionTemplates), len(relationTemplates), len(personTemplates))
	if n < 40 {
		t.Errorf("%d sentence templates, want ≥ 40", n)
	}
	g := newGen(t, Options{Seed: 9})
	all, distinct := 0, map[string]bool{}
	for i := range 100 {
		_, text := g.Document(i)
		for _, s := range loaders.Segment(string(text)) {
			all++
			distinct[s.Text] = true
		}
	}
	ratio := float64(len(distinct)) / float64(all)
	t.Logf("100 documents: %d sentences, %d distinct (%.0f%%)", all, len(distinct), 100*ratio)
	if ratio < 0.7 {
		t.Errorf("only %.0f%% of sentences are distinct, want ≥ 70%%", 100*ratio)
	}
}

func TestReader(t *testing.T) {
	g := newGen(t, Options{Seed: 1})
	_, want := g.Document(6)
	got, err := io.ReadAll(g.Reader(6))
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("Reader(6) gives %d bytes (err %v), Document(6) %d", len(got), err, len(want))
	}
}

func TestWriteDir(t *testing.T) {
	g := newGen(t, Options{Seed: 4, Documents: 23, Workers: 3})
	dir := filepath.Join(t.TempDir(), "corpus")
	files, size, err := g.WriteDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if files != 23 {
		t.Errorf("%d files, want 23", files)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 23 {
		t.Errorf("%d entries in the directory, want 23", len(entries))
	}
	var sum int64
	for i := range 23 {
		name, want := g.Document(i)
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s on disk differs from Document(%d)", name, i)
		}
		sum += int64(len(got))
	}
	if size != sum {
		t.Errorf("WriteDir reports %d bytes, files hold %d", size, sum)
	}
	// The files load like any corpus.
	paths, errs := loaders.Expand([]string{dir})
	if len(errs) > 0 || len(paths) != 23 {
		t.Errorf("loaders.Expand: %d files, errors %v", len(paths), errs)
	}
}

func TestWriteDirCancelled(t *testing.T) {
	g := newGen(t, Options{Seed: 4, Documents: 1000})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	files, _, err := g.WriteDir(ctx, t.TempDir())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if files == 1000 {
		t.Errorf("wrote all files despite the cancelled context")
	}
}

func TestWriteDirError(t *testing.T) {
	g := newGen(t, Options{Seed: 4, Documents: 10})
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := g.WriteDir(context.Background(), file); err == nil {
		t.Errorf("WriteDir into a regular file: no error")
	}
}
