package quantity

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"4.425", 4.425, true},
		{"10,000", 10000, true},
		{"1,234,567.5", 1234567.5, true},
		{"45", 45, true},
		{"x", 0, false},
	}
	for _, tc := range tests {
		got, ok := parseNumber(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("parseNumber(%q) = %v, %v", tc.in, got, ok)
		}
	}
}

func TestPerCapita(t *testing.T) {
	for metric, want := range map[string]bool{
		"trademarks per 10,000 people": true, "GDP per capita": true, "patents per 100 residents": true,
		"fees per application": false, "cases per judge": false, "imports per 10,000 tons": false, "super capita": false,
	} {
		if got := perCapita(metric); got != want {
			t.Errorf("perCapita(%q) = %v, want %v", metric, got, want)
		}
	}
}

// insideQuotes is the simple reference quotedTokens must agree with: is
// token i inside quotes that close within 12 tokens?
func insideQuotes(toks []text.Token, i int) bool {
	open := false
	for k := 0; k < i; k++ {
		switch toks[k].Text {
		case "“":
			open = true
		case "”":
			open = false
		case "\"":
			open = !open
		}
	}
	if !open {
		return false
	}
	for k := i + 1; k < len(toks); k++ {
		if toks[k].Text == "”" || toks[k].Text == "\"" {
			return k-i < 12
		}
	}
	return false
}

func TestQuotedTokensAgreesWithReference(t *testing.T) {
	sentences := []string{
		`The “Blue Sky” campaign ran “100 Events with 10,000 Enterprises” twice.`,
		`He said "we agree." Then "he left`,
		`“ ” " " “unclosed quote with many words that go on and on and on and on past twelve tokens”`,
	}
	if data, err := os.ReadFile("testdata/corpus.txt"); err == nil {
		sentences = append(sentences, strings.Split(string(data), "\n")...)
	}
	for _, s := range sentences {
		toks := text.Tokenize(s)
		quoted := quotedTokens(toks)
		for i := range toks {
			if quoted[i] != insideQuotes(toks, i) {
				t.Fatalf("quotedTokens(%q)[%d] = %v, reference %v", s, i, quoted[i], !quoted[i])
			}
		}
	}
}

// FuzzFigures runs number, scale-word, currency and percent parsing (the
// figures of a sentence) on one sentence: every figure spans tokens of the
// sentence and has a finite, non-negative value.
func FuzzFigures(f *testing.F) {
	f.Add("Trade reached ¥3.5亿 and 120万 users, $4 bn and €2.5 mln, 3 per cent more.")
	f.Add("The fund reached 9 trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion trillion yuan.")
	f.Add("It cost 1" + strings.Repeat("0", 320) + " yuan and 1" + strings.Repeat(",000", 100) + " billion dollars.")
	f.Add("The city climbed from 40th in 2015 to 9th in 2022 on the list.")
	f.Fuzz(func(t *testing.T, input string) {
		if len(input) > 2000 {
			return
		}
		rs := []rune(input)
		toks := text.Tokenize(input)
		for _, tk := range toks {
			if tk.Kind == text.Num {
				if v, ok := parseNumber(tk.Text); ok && (math.IsInf(v, 0) || math.IsNaN(v)) {
					t.Fatalf("number token %q: value %v", tk.Text, v)
				}
			}
		}
		s := &Sentence{Sentence: text.Sentence{Text: input}, Runes: rs, Tokens: toks}
		for _, fg := range (&extraction{doc: &Doc{}}).figures(s) {
			if fg.lo < 0 || fg.lo >= fg.hi || fg.hi > len(toks) {
				t.Fatalf("figure %+v: token span outside [0,%d)", fg, len(toks))
			}
			if math.IsInf(fg.value, 0) || math.IsNaN(fg.value) || fg.value < 0 {
				t.Fatalf("figure %s: value %v", fmt.Sprint(toks[fg.lo:fg.hi]), fg.value)
			}
		}
	})
}
