package loaders

import (
	"context"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// corpusFiles returns the shared corpus documents; without them the test is
// skipped, except in CI where their absence is a failure.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no corpus documents in %s", dir)
		}
		t.Skipf("no corpus documents in %s", dir)
	}
	return files
}

func extractAll(t *testing.T, files []string) []byte {
	t.Helper()
	x := newTestExtractor(t)
	var all []*Extraction
	for _, f := range files {
		doc, err := ReadDocument(f)
		if err != nil {
			t.Fatal(err)
		}
		ext, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		checkExtraction(t, doc, ext)
		all = append(all, ext)
	}
	b, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkExtraction verifies the evidence of every item: each sentence stands
// in the document at its rune offset.
func checkExtraction(t *testing.T, doc *Document, ext *Extraction) {
	t.Helper()
	rs := []rune(doc.Text)
	at := func(kind, s string, off int) {
		n := utf8.RuneCountInString(s)
		if s == "" || off < 0 || off+n > len(rs) || string(rs[off:off+n]) != s {
			t.Errorf("%s: %s evidence %q not at rune offset %d", doc.Name, kind, s, off)
		}
	}
	for _, st := range ext.Statistics {
		at("statistic", st.Sentence, st.Offset)
		if st.Metric == "" {
			t.Errorf("%s: statistic without metric: %+v", doc.Name, st)
		}
	}
	for _, r := range ext.Relations {
		if r.KnownFrom != "" {
			// Background knowledge: a gazetteer row, never a sentence.
			if r.Sentence != "" || r.Offset != -1 || !strings.HasPrefix(r.KnownFrom, "gazetteer ") {
				t.Errorf("%s: background relation %+v", doc.Name, r)
			}
			continue
		}
		at("relation", r.Sentence, r.Offset)
	}
	ids := map[string]bool{}
	for _, e := range ext.Entities {
		if ids[e.ID] {
			t.Errorf("%s: duplicate entity %s", doc.Name, e.ID)
		}
		ids[e.ID] = true
		for _, m := range e.Mentions {
			at("mention", m.Text, m.Offset)
		}
	}
	for _, r := range ext.Relations {
		if !ids[r.Subject] || !ids[r.Object] {
			t.Errorf("%s: relation %s %s %s names an entity not in the document", doc.Name, r.Subject, r.Predicate, r.Object)
		}
	}
}

func TestCorpusEvidenceAndDeterminism(t *testing.T) {
	files := corpusFiles(t)
	first := extractAll(t, files)
	second := extractAll(t, files)
	if string(first) != string(second) {
		t.Fatal("two extractions of the corpus differ")
	}
}

func TestExtractOddInput(t *testing.T) {
	odd := []string{
		"",
		"\n\n\n",
		".",
		"((((((((",
		")))) of of of the the",
		"(A) (B) (CNIPA) ()",
		"1,2,3,4,5,6,7,8,9,0",
		"99999999999999999999999999999999999 trillion yuan",
		"0.0.0.0 percent % % %",
		"Mr. Mr. Mr. Ms.",
		"Ministry of",
		"The of and Ministry",
		"“” ‘’ 。。。！？",
		"Shen Changyu, commissioner of",
		"\u200b\u00a0\u3000\ufeff",
		"Date:",
		"Date:\n",
		strings.Repeat("A ", 5000),
		strings.Repeat("Ministry of Education and ", 200),
		strings.Repeat("(X)", 300),
		"last year last year 2024-H1 first half of",
		"RMB",
		"$",
		"10,000 10,000 10,000 per 10,000",
		"中华人民共和国国家知识产权局。专利法！",
	}
	r := rand.New(rand.NewSource(7))
	alphabet := []rune("Aa Zz.,;:()\"'’-%$0123456789\n中。MinistryofLawPlan (CNIPA) millionyuan")
	for i := 0; i < 200; i++ {
		n := r.Intn(200)
		var b strings.Builder
		for j := 0; j < n; j++ {
			b.WriteRune(alphabet[r.Intn(len(alphabet))])
		}
		odd = append(odd, b.String())
	}
	x := newTestExtractor(t)
	for _, text := range odd {
		doc, err := ParseDocument("odd.txt", []byte(text))
		if err != nil {
			continue
		}
		ext, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatalf("Extract(%q): %v", text, err)
		}
		checkExtraction(t, doc, ext)
	}
}

func TestExtractCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc, err := ParseDocument("c.txt", []byte("The State Council met."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newTestExtractor(t).Extract(ctx, doc); err != context.Canceled {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	if _, err := newTestExtractor(t).Extract(context.Background(), nil); err == nil {
		t.Fatal("nil document: no error")
	}
}
