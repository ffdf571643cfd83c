package loaders

import (
	"math"
	"strings"
	"testing"
)

// statisticsOf extracts a dated briefing made of text.
func statisticsOf(t *testing.T, text string) []Statistic {
	t.Helper()
	return extractText(t, nil, "Briefing\nDate: July 29, 2024\n"+text).Statistics
}

func hasValue(sts []Statistic, v float64) bool {
	for _, s := range sts {
		if math.Abs(s.Value-v) < 1e-9 {
			return true
		}
	}
	return false
}

// A figure per head of population with no body or place named is the
// country's, when the document names the country.
func TestPerCapitaSubject(t *testing.T) {
	st := statisticWithValue(t, "China set new goals this year. Over the year, the number of trademarks per 10,000 people reached 42.5.", 42.5)
	if st.Subject != "china" {
		t.Errorf("per-capita figure: subject %q, want china", st.Subject)
	}
	// Negative: an ordinary count in the same document stays without one.
	st = statisticWithValue(t, "China set new goals this year. Over the year, 812 workshops were held.", 812)
	if st.Subject != "" {
		t.Errorf("plain count: subject %q, want none", st.Subject)
	}
	// Negative: no country in the document, no subject.
	st = statisticWithValue(t, "Over the year, the number of trademarks per 10,000 people reached 42.5.", 42.5)
	if st.Subject != "" {
		t.Errorf("no country named: subject %q, want none", st.Subject)
	}
}

// "The center has …" right after a sentence that named a center is that
// center; the figures of its relative clauses are too.
func TestDefiniteBodySubject(t *testing.T) {
	text := "The ministry opened a new body, the Shanghai Copyright Mediation Center. The center has trained a team of 46 mediators who have settled 930 disputes."
	for _, v := range []float64{46, 930} {
		st := statisticWithValue(t, text, v)
		if !strings.Contains(st.Subject, "shanghai_copyright_mediation_center") {
			t.Errorf("%v: subject %q, want the mediation center", v, st.Subject)
		}
	}
	// Negative: another head noun than the body's name ends in.
	st := statisticWithValue(t, "The ministry opened a new body, the Shanghai Copyright Mediation Center. The office has trained 46 mediators.", 46)
	if strings.Contains(st.Subject, "mediation_center") {
		t.Errorf("the office is not the center: subject %q", st.Subject)
	}
	// Negative: the center named in another paragraph.
	st = statisticWithValue(t, "The ministry opened the Shanghai Copyright Mediation Center.\n\nThe center has trained 46 mediators.", 46)
	if strings.Contains(st.Subject, "mediation_center") {
		t.Errorf("another paragraph: subject %q", st.Subject)
	}
	// Negative: the noun with a complement is another body.
	st = statisticWithValue(t, "The ministry opened the Shanghai Copyright Mediation Center. The center of the province trained 46 mediators.", 46)
	if strings.Contains(st.Subject, "mediation_center") {
		t.Errorf("the center of the province: subject %q", st.Subject)
	}
}

// "N such <noun>" counts what an earlier phrase named.
func TestSuchAntecedent(t *testing.T) {
	// The antecedent's own "such" resolves within its sentence.
	st := statisticWithValue(t, "The bureau watched counterfeit toy sellers, and compiled blacklists of such sellers. In the year, 27 such blacklists were published.", 27)
	if !strings.Contains(st.Metric, "blacklists of counterfeit toy sellers") {
		t.Errorf("metric %q, want the blacklists of counterfeit toy sellers", st.Metric)
	}
	st = statisticWithValue(t, "The bureau compiled blacklists of fake toy sellers. In the year, 27 such blacklists were published.", 27)
	if !strings.Contains(st.Metric, "blacklists of fake toy sellers") {
		t.Errorf("metric %q, want the blacklists of fake toy sellers", st.Metric)
	}
	// Negative: nothing named before; the noun stays as it is.
	st = statisticWithValue(t, "In the year, 27 such blacklists were published.", 27)
	if !strings.Contains(st.Metric, "blacklists") || strings.Contains(st.Metric, " of ") {
		t.Errorf("metric %q, want the plain noun", st.Metric)
	}
}

// "the N <noun> in A, B and C" introduces what it counts.
func TestEnumeratedDefiniteCount(t *testing.T) {
	sts := statisticsOf(t, "Six tribunals were opened, together with the three maritime courts in Dalian, Xiamen and Haikou.")
	if !hasValue(sts, 3) {
		t.Errorf("the three courts listed by name: no figure 3 in %+v", sts)
	}
	// Negatives: a reference back, and a list that does not number N.
	sts = statisticsOf(t, "The three maritime courts heard many cases this year.")
	if hasValue(sts, 3) {
		t.Errorf("the three courts (a reference back) became a figure: %+v", sts)
	}
	sts = statisticsOf(t, "Judges visited the two maritime courts in Dalian, Xiamen and Haikou.")
	if hasValue(sts, 2) {
		t.Errorf("two courts but three places: %+v", sts)
	}
}

// The implementing regulations of a statute, head in lower case, with the
// statute's name capitalized.
func TestLowerCaseImplementingRegulations(t *testing.T) {
	ext := extractText(t, nil, "Briefing\nDate: July 29, 2024\nIn May, the revised implementing regulations of the Patent Law entered into force.")
	if findEntity(ext, "patent_law_regs") == nil {
		t.Errorf("implementing regulations of the Patent Law not found: %+v", ext.Entities)
	}
	ext = extractText(t, nil, "Briefing\nDate: July 29, 2024\nIn May, the revised implementing regulations of the patent law entered into force.")
	if findEntity(ext, "patent_law_regs") != nil {
		t.Errorf("all lower case should not match the regulation")
	}
}
