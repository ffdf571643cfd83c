package timex

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/loaders/internal/corpustest"
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
	var out []corpusCase
	for _, c := range corpustest.Read(t, path) {
		cc := corpusCase{line: c.Line, text: c.Text, marks: c.Marks}
		for k, v := range c.Header {
			switch k {
			case "date":
				cc.doc.Date = v
			case "genre":
				cc.doc.Genre = Genre(v)
			case "year":
				cc.doc.Year, _ = strconv.Atoi(v)
			default:
				t.Fatalf("%s:%d: unknown field %q", path, c.Line, k)
			}
		}
		if len(c.Results) != 1 {
			t.Fatalf("%s:%d: want one => line, got %d", path, c.Line, len(c.Results))
		}
		if body := c.Results[0]; body == "none" {
			cc.none = true
		} else {
			for _, v := range strings.Split(body, ",") {
				v = strings.TrimSpace(v)
				if v == "-" {
					v = ""
				}
				cc.want = append(cc.want, v)
			}
		}
		if !cc.none && len(cc.want) != len(cc.marks) {
			t.Fatalf("%s:%d: %d marks, %d values", path, cc.line, len(cc.marks), len(cc.want))
		}
		out = append(out, cc)
	}
	return out
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
