package loaders_test

import (
	"context"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/eval"
	"github.com/ipgraph/ipgraph/loaders/internal/corpustest"
	"github.com/ipgraph/ipgraph/loaders/internal/quantity"
)

// figureCase is one case of the quantity stage's corpus
// (internal/quantity/testdata/corpus.txt): a small document, the figures
// marked in it with what each must give, or "none" for a text that must
// give no statistic at all.
type figureCase struct {
	line  int
	date  string
	genre string
	text  string     // marks removed
	marks [][2]int   // rune spans of the marked figures
	want  [][]string // value, unit class, metric, subject
	none  bool
}

const figureCorpus = "internal/quantity/testdata/corpus.txt"

func readFigureCorpus(t *testing.T) []figureCase {
	t.Helper()
	var out []figureCase
	for _, c := range corpustest.Read(t, figureCorpus) {
		fc := figureCase{line: c.Line, date: c.Header["date"], genre: c.Header["genre"], text: c.Text, marks: c.Marks}
		for _, body := range c.Results {
			if body == "none" {
				fc.none = true
				continue
			}
			fields := strings.Split(body, "|")
			for i := range fields {
				fields[i] = strings.TrimSpace(fields[i])
			}
			if len(fields) != 4 {
				t.Fatalf("%s:%d: want value | unit | metric | subject", figureCorpus, c.Line)
			}
			fc.want = append(fc.want, fields)
		}
		if !fc.none && len(fc.marks) != len(fc.want) {
			t.Fatalf("%s:%d: %d marks, %d expectations", figureCorpus, fc.line, len(fc.marks), len(fc.want))
		}
		out = append(out, fc)
	}
	return out
}

// genreTitles give a case's document a title of its genre, which is how
// the loaders tell a transcript from a report.
var genreTitles = map[string]string{
	"transcript": "Press conference transcript",
	"report":     "Annual report",
	"circular":   "Circular of the office",
	"digest":     "News digest",
}

// figureScore is how well the quantity stage meets its corpus.
type figureScore struct {
	figures, found, unit, metric, subject, negatives, negativeHits int
	rules                                                          map[string]int // metric strategy → figures it named right
}

func runFigureCorpus(t *testing.T, report bool) figureScore {
	x, err := loaders.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	sc := figureScore{rules: map[string]int{}}
	for _, c := range readFigureCorpus(t) {
		title := genreTitles[c.genre]
		if title == "" {
			title = "News"
		}
		doc := &loaders.Document{Name: "case.txt", Title: title, Date: c.date, Text: c.text}
		ext, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		if c.none {
			sc.negatives++
			if len(ext.Statistics) > 0 {
				sc.negativeHits++
				if report {
					t.Logf("%s:%d: negative gave %d statistics, first %q = %v", figureCorpus, c.line, len(ext.Statistics), ext.Statistics[0].Metric, ext.Statistics[0].Value)
				}
			}
			continue
		}
		for k, m := range c.marks {
			sc.figures++
			w := c.want[k]
			value, _ := strconv.ParseFloat(w[0], 64)
			st := statisticAt(ext, value, m[0])
			figure := string([]rune(c.text)[m[0]:m[1]])
			if st == nil {
				if report {
					t.Logf("%s:%d: %s: not found", figureCorpus, c.line, figure)
				}
				continue
			}
			sc.found++
			var bad []string
			if eval.UnitClass(st.Unit) == w[1] {
				sc.unit++
			} else {
				bad = append(bad, "unit "+st.Unit+" want "+w[1])
			}
			if eval.MetricOK(st.Metric, w[2]) {
				sc.metric++
				sc.rules[st.MetricRule]++
			} else {
				bad = append(bad, "metric "+strconv.Quote(st.Metric)+" want "+strconv.Quote(w[2]))
			}
			if subjectIs(ext, st.Subject, w[3]) {
				sc.subject++
			} else {
				bad = append(bad, "subject "+strconv.Quote(st.Subject)+" want "+strconv.Quote(w[3]))
			}
			if report && len(bad) > 0 {
				t.Logf("%s:%d: %s: %s", figureCorpus, c.line, figure, strings.Join(bad, "; "))
			}
		}
	}
	return sc
}

// TestEveryMetricRuleHasACase: each metric strategy names at least one
// figure of the quantity corpus right — no strategy exists only for a
// sentence of ../shared.
func TestEveryMetricRuleHasACase(t *testing.T) {
	sc := runFigureCorpus(t, false)
	for _, id := range quantity.MetricRules() {
		if sc.rules[id] == 0 {
			t.Errorf("metric strategy %s names no figure of %s right", id, figureCorpus)
		}
	}
}

// statisticAt returns the statistic of value v whose sentence holds rune
// offset at.
func statisticAt(ext *loaders.Extraction, v float64, at int) *loaders.Statistic {
	for i, st := range ext.Statistics {
		n := utf8.RuneCountInString(st.Sentence)
		if math.Abs(st.Value-v) <= 0.005*math.Abs(v)+1e-9 && st.Offset <= at && at < st.Offset+n {
			return &ext.Statistics[i]
		}
	}
	return nil
}

// subjectIs reports whether the entity id names the expected subject ("-":
// none).
func subjectIs(ext *loaders.Extraction, id, want string) bool {
	if want == "-" {
		return id == ""
	}
	for _, e := range ext.Entities {
		if e.ID != id {
			continue
		}
		w := eval.Norm(want)
		if eval.Norm(e.Name) == w {
			return true
		}
		for _, a := range e.Aliases {
			if eval.Norm(a) == w {
				return true
			}
		}
	}
	return false
}

// TestFigureCorpus runs the quantity stage's corpus through the whole
// pipeline and holds its rates at the levels reached: a change that loses
// figures, units, metrics or subjects fails here.
func TestFigureCorpus(t *testing.T) {
	sc := runFigureCorpus(t, testing.Verbose())
	rate := func(a, b int) float64 { return float64(a) / float64(max(b, 1)) }
	t.Logf("%d figures: found %.3f, unit %.3f, metric %.3f, subject %.3f (of found); %d negatives, %d with a statistic",
		sc.figures, rate(sc.found, sc.figures), rate(sc.unit, sc.found), rate(sc.metric, sc.found), rate(sc.subject, sc.found), sc.negatives, sc.negativeHits)
	if sc.figures < 150 {
		t.Errorf("%d figures in the corpus, want at least 150", sc.figures)
	}
	floors := []struct {
		name      string
		got, want float64
	}{
		{"found", rate(sc.found, sc.figures), minFound},
		{"unit", rate(sc.unit, sc.found), minUnit},
		{"metric", rate(sc.metric, sc.found), minMetric},
		{"subject", rate(sc.subject, sc.found), minSubject},
		{"negatives clean", 1 - rate(sc.negativeHits, sc.negatives), minNegatives},
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s rate %.3f, under its floor %.3f", f.name, f.got, f.want)
		}
	}
}

// The floors TestFigureCorpus holds: the rates measured on 2026-12-07
// (found 0.901, unit 0.945, metric 0.789, subject 0.809, negatives 0.981),
// less a hundredth. Raise them as the stage improves.
const (
	minFound     = 0.89
	minUnit      = 0.935
	minMetric    = 0.78
	minSubject   = 0.79
	minNegatives = 0.97
)
