package quantity

import (
	"strings"
	"testing"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

func TestLexiconDefault(t *testing.T) {
	lx, err := parseLexicon(unitsFile)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name string
		ok   bool
	}{
		{"scale million", lx.scale["million"] == 1e6},
		{"glued 亿", lx.glued['亿'] == 1e8},
		{"before rmb", lx.before["rmb"] == "yuan"},
		{"before $", lx.before["$"] == "US dollars"},
		{"after yen", lx.after["yen"] == "yen"},
		{"after 元", lx.afterHan['元'] == "yuan"},
		{"country u.s.", lx.country["u.s."]},
		{"measure points", lx.measureOf["points"]},
		{"not a measure", !lx.measureOf["patents"]},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: not in the lexicon as expected", c.name)
		}
	}
}

func TestLexiconErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"scale million", "line 1: scale million: factor"},
		{"# c\nscale lakh -1", "line 2: scale lakh: factor"},
		{"after yuan", "line 1: after yuan: no unit"},
		{"measure points extra", "line 1: measure takes one word"},
		{"currency rmb yuan", `unknown kind "currency"`},
		{"scale", "line 1"},
	}
	for _, c := range cases {
		_, err := parseLexicon(c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("parseLexicon(%q) = %v, want an error with %q", c.src, err, c.want)
		}
	}
}

func TestLexiconGivesUnits(t *testing.T) {
	cases := []struct {
		sentence string
		value    float64
		unit     string
	}{
		{"Revenue reached RMB 3.5 billion.", 3.5e9, "yuan"},
		{"Licensing income was 12 million euros.", 12e6, "euros"},
		{"Exports came to 5.2 billion U.S. dollars.", 5.2e9, "US dollars"},
		{"融资金额达3.2万元。", 3.2e4, "yuan"},
		{"The index rose 4.1 points.", 4.1, "points"},
	}
	for _, c := range cases {
		figs := figuresOf(c.sentence)
		if len(figs) == 0 {
			t.Errorf("%q: no figure", c.sentence)
			continue
		}
		f := figs[len(figs)-1]
		if f.value != c.value || f.unit != c.unit {
			t.Errorf("%q: got %v %q, want %v %q", c.sentence, f.value, f.unit, c.value, c.unit)
		}
	}
}

// figuresOf is the figures the quantity stage finds in one sentence.
func figuresOf(sentence string) []figure {
	s := &Sentence{Sentence: text.Sentence{Text: sentence}, Runes: []rune(sentence), Tokens: text.Tokenize(sentence)}
	return (&extraction{doc: &Doc{}}).figures(s)
}
