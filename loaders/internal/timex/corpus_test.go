package timex

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// corpusCase is one case of testdata/corpus.txt: a small document, the
// figures marked in it and the period each must take.
type corpusCase struct {
	line  int
	doc   Doc
	text  string   // the document, marks removed
	marks [][2]int // rune spans of the marked figures
	want  []string // "" for "-"
	none  bool     // "=> none": no time expression at all
}

func readCorpus(t *testing.T, path string) []corpusCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusCase
	var cur *corpusCase
	var lines []string
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#") && cur == nil:
		case strings.HasPrefix(line, "== "):
			cur = &corpusCase{line: n}
			lines = nil
			for _, kv := range strings.Fields(line[3:]) {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "date":
					cur.doc.Date = v
				case "genre":
					cur.doc.Genre = Genre(v)
				case "year":
					cur.doc.Year, _ = strconv.Atoi(v)
				default:
					t.Fatalf("%s:%d: unknown field %q", path, n, k)
				}
			}
		case strings.HasPrefix(line, "=>") && cur != nil:
			body := strings.TrimSpace(line[2:])
			cur.text, cur.marks = unmark(strings.Join(lines, "\n"))
			if body == "none" {
				cur.none = true
			} else {
				for _, v := range strings.Split(body, ",") {
					v = strings.TrimSpace(v)
					if v == "-" {
						v = ""
					}
					cur.want = append(cur.want, v)
				}
			}
			if !cur.none && len(cur.want) != len(cur.marks) {
				t.Fatalf("%s:%d: %d marks, %d values", path, cur.line, len(cur.marks), len(cur.want))
			}
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			lines = append(lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// unmark removes [[ and ]] from s and returns the rune spans they held.
func unmark(s string) (string, [][2]int) {
	var b strings.Builder
	var spans [][2]int
	r := 0
	for {
		i := strings.Index(s, "[[")
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.Index(s[i:], "]]")
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		r += utf8.RuneCountInString(s[:i])
		fig := s[i+2 : i+j]
		b.WriteString(fig)
		spans = append(spans, [2]int{r, r + utf8.RuneCountInString(fig)})
		r += utf8.RuneCountInString(fig)
		s = s[i+j+2:]
	}
	return b.String(), spans
}

// runCase analyses a case's document and returns the period of each mark,
// and every expression found (for messages and negatives).
func runCase(rs *Rules, c corpusCase) ([]string, []Expr, string) {
	runes := []rune(c.text)
	sents := text.JoinBroken(runes, text.SegmentRunes(c.text, runes))
	texts := make([]string, len(sents))
	for i, s := range sents {
		texts[i] = s.Text
	}
	annotated, def := rs.Analyze(c.doc, texts, text.Breaks(runes, sents))
	var got []string
	var all []Expr
	for _, s := range annotated {
		all = append(all, s.Exprs...)
	}
	for _, m := range c.marks {
		p := "?"
		for i, s := range sents {
			n := utf8.RuneCountInString(s.Text)
			if m[0] >= s.Offset && m[1] <= s.Offset+n {
				p = PeriodAt(&annotated[i], m[0]-s.Offset, m[1]-s.Offset)
				break
			}
		}
		got = append(got, p)
	}
	return got, all, def
}

func describe(es []Expr) string {
	var parts []string
	for _, e := range es {
		parts = append(parts, fmt.Sprintf("%s[%s %q %s→%s]", e.Rule, e.Role, e.Text, e.Value, e.Period))
	}
	return strings.Join(parts, " ")
}

// TestCorpus runs every case of testdata/corpus.txt: each marked figure
// must take its period, and a negative case must hold no time expression.
func TestCorpus(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := readCorpus(t, "testdata/corpus.txt")
	if len(cases) < 300 {
		t.Errorf("%d cases in the corpus, want at least 300", len(cases))
	}
	bad, figures := 0, 0
	for _, c := range cases {
		got, all, _ := runCase(rs, c)
		if c.none {
			var found []Expr
			for _, e := range all {
				if e.Role != Ignore && e.Period != "" {
					found = append(found, e)
				}
			}
			if len(found) > 0 {
				bad++
				t.Errorf("corpus.txt:%d: want no time expression in %q, found %s", c.line, c.text, describe(found))
			}
			continue
		}
		for k, w := range c.want {
			figures++
			if got[k] != w {
				bad++
				t.Errorf("corpus.txt:%d: figure %q: period %q, want %q\n\ttext: %q\n\texprs: %s", c.line, string([]rune(c.text)[c.marks[k][0]:c.marks[k][1]]), got[k], w, c.text, describe(all))
			}
		}
	}
	t.Logf("%d cases, %d figures, %d failures", len(cases), figures, bad)
}
