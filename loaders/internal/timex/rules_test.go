package timex

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/loaders/internal/corpustest"
	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// TestRulesHaveTriggers: every rule runs only where its triggers occur,
// so that most sentences cost one automaton pass.
func TestRulesHaveTriggers(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range rs.always {
		t.Errorf("rule %s has no trigger: it runs on every sentence", rs.rules[i].id)
	}
}

// TestEveryRuleHasACase: each rule has a case of its own in the corpus.
func TestEveryRuleHasACase(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, c := range readCorpus(t, "testdata/corpus.txt") {
		_, all, _ := runCase(rs, c)
		for _, e := range all {
			used[e.Rule] = true
		}
	}
	for _, id := range rs.IDs() {
		if !used[id] {
			t.Errorf("rule %s is used by no case of testdata/corpus.txt", id)
		}
	}
}

// equivalenceSentences returns the sentences of the project's sample
// corpus, of the time corpus and of ../shared/corpus when it is there, and
// random text made of time words.
func equivalenceSentences(t *testing.T) []string {
	pieces := []string{"in", "as of", "the end of", "since", "than", "over", "the first", "half", "quarter", "months", "year", "last", "this",
		"that", "2019", "2020", "1999", "20199", "January", "may", "May", "June", "-", "–", "to", "and", "13th", "Five-Year", "Plan", "period",
		"past", "five", "years", "(", ")", ",", "Index", "compared with", "on", "year-end", "Q1", "H2"}
	return corpustest.Sentences(t, []string{"../../../testdata/corpus/*", "testdata/corpus.txt", "../../../../shared/corpus/*"}, pieces, 5000, 16)
}

// TestPrefilterKeepsEveryMatch: a rule the prefilter skips never has a
// match that recognition would accept.
func TestPrefilterKeepsEveryMatch(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	st := rs.newScanState()
	for _, s := range equivalenceSentences(t) {
		lower := asciiLower(s)
		cand := map[int]bool{}
		for _, i := range rs.candidates(s, lower, st) {
			cand[i] = true
		}
		for i, r := range rs.rules {
			if cand[i] {
				continue
			}
			for _, m := range r.re.FindAllStringIndex(lower, -1) {
				// A match with a lower-case month ("may 1999") is refused
				// anyway; the prefilter may skip it.
				if rs.casedOK(s, m[0], m[1]) {
					t.Fatalf("rule %s matches %q but the prefilter skipped it", r.id, s)
				}
			}
		}
	}
}

// TestParseErrors: a broken rule file says which line and why.
func TestParseErrors(t *testing.T) {
	words := "@year (?:19|20)\\d\\d\n"
	norms := "half\tfirst\t1\n"
	tests := []struct{ rules, want string }{
		{`r1 point "in (%year)" {year:1}` + "\n" + `r1 point "by (%year)" {year:1}`, "rules.txt:2: rule id r1 already used on line 1"},
		{`r2 often "in (%year)" {year:1}`, "role \"often\""},
		{`r3 point in (%year) {year:1}`, "double quotes"},
		{`r4 point "in (%yeer)" {year:1}`, "no macro %yeer"},
		{`r5 point "in (%year)" {year:2}`, "no group 2"},
		{`r6 point "in (%year)" {month:1}`, "no table month"},
		{`r7 point "in (%year" {year:1}`, "rules.txt:1: rule r7"},
		{`r8 ignore "in (%year)" {year:1}`, "value is -"},
	}
	for _, tc := range tests {
		_, err := Parse(strings.NewReader(words), strings.NewReader(norms), strings.NewReader(tc.rules))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("rules %q: error %v, want it to say %q", tc.rules, err, tc.want)
		}
	}
}

var periodRe = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2]|H[12]|Q[1-4]))?(/\d{4}(-(0[1-9]|1[0-2]))?)?$`)

// FuzzRecognize runs recognition and resolution on one sentence and a
// document date: every expression lies inside the sentence, expressions do
// not overlap, and every period is well formed.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"In the first half of last year and this month, by the end of December last year, sales grew.",
		"Since 2017, the office had seized 3.55 million items by March 2020, compared with 1 million in 2016.",
		"During the 13th Five-Year Plan period (2016-2020) and over the past five years, filings doubled.",
		"March 3, 2022 — The office said it granted 798,000 patents last year, up 4% on 2020.",
	} {
		f.Add(s, uint16(2024), uint8(7), uint8(29))
		f.Add(s, uint16(0), uint8(0), uint8(0))
	}
	rs, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, year uint16, month, day uint8) {
		if len(s) > 2000 {
			return
		}
		date := ""
		if year > 0 {
			date = fmt.Sprintf("%04d", 1900+int(year)%300)
			if m := int(month) % 13; m > 0 {
				date += fmt.Sprintf("-%02d", m)
				if d := int(day) % 29; d > 0 {
					date += fmt.Sprintf("-%02d", d)
				}
			}
		}
		n := utf8.RuneCountInString(s)
		for _, g := range []Genre{News, Report} {
			sents, def := rs.Analyze(Doc{Date: date, Genre: g, Year: 2021}, []string{s}, []text.Break{text.Section})
			if def != "" && !periodRe.MatchString(def) {
				t.Fatalf("default period %q", def)
			}
			es := sents[0].Exprs
			sort.SliceStable(es, func(a, b int) bool { return es[a].Lo < es[b].Lo })
			for k, e := range es {
				if e.Lo < 0 || e.Lo >= e.Hi || e.Hi > n {
					t.Fatalf("%q: %s at [%d,%d) outside %d runes", s, e.Rule, e.Lo, e.Hi, n)
				}
				if k > 0 && e.Lo < es[k-1].Hi {
					t.Fatalf("%q: %s overlaps %s", s, e.Rule, es[k-1].Rule)
				}
				if e.Period != "" && !periodRe.MatchString(e.Period) {
					t.Fatalf("%q: %s gives malformed period %q (value %q)", s, e.Rule, e.Period, e.Value)
				}
			}
			for _, pos := range []int{0, n / 2, n} {
				if p := PeriodAt(&sents[0], pos, min(n, pos+1)); p != "" && !periodRe.MatchString(p) {
					t.Fatalf("PeriodAt: malformed %q", p)
				}
			}
		}
	})
}

// TestWindowsKeepEveryMatch: recognition on the windows around triggers
// finds what recognition on whole sentences finds.
func TestWindowsKeepEveryMatch(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sentences := equivalenceSentences(t)
	for _, s := range sentences {
		long := strings.Repeat("The office handled many cases of several kinds that year. ", 3) + s + " " + strings.Repeat("Nothing else was said about it. ", 3)
		for _, in := range []string{s, long} {
			got := rs.Recognize(in)
			windowed = false
			want := rs.Recognize(in)
			windowed = true
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%q:\n windowed %v\n whole    %v", in, got, want)
			}
		}
	}
}
