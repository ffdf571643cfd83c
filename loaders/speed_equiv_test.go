package loaders

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ipgraph/ipgraph/loaders/internal/corpustest"
	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// The fast paths added for speed must agree with the simple code they
// replaced, kept here as the reference, on the real corpus and on random
// text.

// equivalenceSentences returns every sentence of the shared and sample
// corpora, plus random text made of period and quote fragments.
func equivalenceSentences(t *testing.T) []string {
	pieces := []string{"in", "as of", "as", "of", "by", "since", "during", "for", "throughout", "2019", "2020", "1999", "20199", "x2019",
		"2019x", "“", "”", "\"", "Blue", "Sky", "campaign", "in-", "-", "_2019", "of2019", "was", "lasts", " ", " ", ",", "."}
	return corpustest.Sentences(t, []string{filepath.Join("..", "..", "shared", "corpus", "*"), filepath.Join("..", "testdata", "corpus", "*")}, pieces, 3000, 20)
}

func TestFoldTokensAgreesWithFoldWord(t *testing.T) {
	for _, s := range append(equivalenceSentences(t), "Ｆｕｌｌ Wïdth ’S İstanbul People’s U.S.-China") {
		for _, tok := range text.Tokenize(s) {
			if tok.Fold != text.FoldWord(tok.Text) {
				t.Fatalf("fold of %q = %q, foldWord %q", tok.Text, tok.Fold, text.FoldWord(tok.Text))
			}
		}
	}
}

// Buffers reused between documents must not leak from one extraction into
// another, also when documents are extracted at the same time.
func TestConcurrentExtractionsMatchSequential(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*"))
	x := newTestExtractor(t)
	var docs []*Document
	var want []string
	for _, f := range files {
		doc, err := ReadDocument(f)
		if err != nil {
			t.Fatal(err)
		}
		ex, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(ex)
		docs, want = append(docs, doc), append(want, string(b))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for n := 0; n < 8; n++ {
				i := (w + n) % len(docs)
				ex, err := x.Extract(context.Background(), docs[i])
				if err != nil {
					errs <- err.Error()
					return
				}
				if b, _ := json.Marshal(ex); string(b) != want[i] {
					errs <- "extraction of " + docs[i].Name + " differs when run concurrently"
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
