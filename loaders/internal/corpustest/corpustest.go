// Package corpustest holds what the stages' tests share: reading the
// marked sentences of their corpora ("[[…]]" sets off a figure or a phrase
// a case says something about) and the sentences a fast path is checked on
// against its reference.
package corpustest

import (
	"bufio"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// Case is one case of a stage's corpus file:
//
//	== key=value …        the case's header (a document's date, genre, …)
//	text lines            the document, with [[marks]]
//	=> result             one or more result lines
//
// Lines starting with # are comments.
type Case struct {
	Line    int               // the line of its header
	Header  map[string]string // the header's key=value pairs
	Text    string            // the text lines joined by newlines, trimmed, marks removed
	Marks   [][2]int          // the rune spans the marks held
	Results []string          // what follows each "=>", trimmed
}

// Read returns the cases of the corpus file at path; a result or text
// outside a case is an error.
func Read(t testing.TB, path string) []Case {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Case
	var lines []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		var c *Case
		if len(out) > 0 {
			c = &out[len(out)-1]
		}
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "== "):
			out = append(out, Case{Line: n, Header: map[string]string{}})
			for _, kv := range strings.Fields(line[3:]) {
				k, v, _ := strings.Cut(kv, "=")
				out[len(out)-1].Header[k] = v
			}
			lines = nil
		case c == nil && strings.TrimSpace(line) == "":
		case c == nil:
			t.Fatalf("%s:%d: text or a result before any case", path, n)
		case strings.HasPrefix(line, "=>"):
			if len(c.Results) == 0 {
				c.Text, c.Marks = Unmark(strings.TrimSpace(strings.Join(lines, "\n")))
			}
			c.Results = append(c.Results, strings.TrimSpace(line[2:]))
		case len(c.Results) == 0:
			lines = append(lines, line)
		case strings.TrimSpace(line) != "":
			t.Fatalf("%s:%d: text after a case's results", path, n)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Unmark removes the [[ and ]] of s and returns the text with the rune
// spans the marks held, in order. An unclosed "[[" is left as it is.
func Unmark(s string) (string, [][2]int) {
	var b strings.Builder
	var spans [][2]int
	r := 0
	for {
		i := strings.Index(s, "[[")
		if i < 0 {
			b.WriteString(s)
			return b.String(), spans
		}
		j := strings.Index(s[i:], "]]")
		if j < 0 {
			b.WriteString(s)
			return b.String(), spans
		}
		b.WriteString(s[:i])
		r += utf8.RuneCountInString(s[:i])
		marked := s[i+2 : i+j]
		b.WriteString(marked)
		n := utf8.RuneCountInString(marked)
		spans = append(spans, [2]int{r, r + n})
		r += n
		s = s[i+j+2:]
	}
}

// Sentences returns every sentence of the files the globs match, in
// order, and then n random strings made of pieces (up to max pieces each,
// mostly space-separated, from a fixed seed): text that real documents
// and hand-written cases do not reach.
func Sentences(t testing.TB, globs []string, pieces []string, n, max int) []string {
	t.Helper()
	var out []string
	for _, glob := range globs {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range text.Segment(string(data)) {
				out = append(out, s.Text)
			}
		}
	}
	rng := rand.New(rand.NewSource(7))
	for k := 0; k < n; k++ {
		var b strings.Builder
		for m := rng.Intn(max); m >= 0; m-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(4) > 0 {
				b.WriteByte(' ')
			}
		}
		out = append(out, b.String())
	}
	return out
}
