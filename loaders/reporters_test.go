package loaders

import "testing"

// TestReportedBy checks who reports a figure: the body a sentence names as
// stating it, else the document's own body.
func TestReportedBy(t *testing.T) {
	const opening = "CNIPA weekly digest\n\nLiu Weiping, deputy commissioner of the CNIPA, opened the briefing.\n\n"
	for _, c := range []struct {
		name, text string
		value      float64
		want       string
	}{
		{"the document's body", "Patent grants rose to 4,210 in May.", 4210, "cnipa"},
		{"according to a court", "According to the Supreme People's Court, courts closed 52,000 patent cases last year.", 52000, "spc"},
		{"a court said", "The Supreme People's Court said 52,000 patent cases were closed last year.", 52000, "spc"},
		{"released by", "Courts closed 52,000 patent cases last year, a white paper released by the Supreme People's Court shows.", 52000, "spc"},
		{"a person's body", "Customs seized 3,100 fake watches in May, said Gao Ming, director of the General Administration of Customs.", 3100, "gac"},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := statisticWithValue(t, opening+c.text, c.value)
			if st.ReportedBy != c.want {
				t.Errorf("reportedBy %q, want %q (%s)", st.ReportedBy, c.want, st.Sentence)
			}
		})
	}
}
