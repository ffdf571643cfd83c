package loaders

import (
	"strings"
	"testing"
)

// programNames returns the names of the Program entities of text.
func programNames(t *testing.T, text string) []string {
	t.Helper()
	var out []string
	for _, e := range extractText(t, nil, "Notes\n"+text).Entities {
		if e.Type == Program {
			out = append(out, e.Name)
		}
	}
	return out
}

func TestLowerCasePrograms(t *testing.T) {
	cases := []struct {
		text string
		want string // "" when no program may be found
	}{
		{"Last year the bureau launched a seed co-funding pilot program for farmers.", "seed co-funding pilot program"},
		{"The ministry will fully implement the water rights-trading system next year.", "water rights-trading system"},
		{"At the same time, soil GI pilot projects have been launched in nine counties.", "soil GI pilot projects"},
		{"The agency carried out pilot programs on mediation of trademark disputes, and chose six towns.", "pilot programs on mediation of trademark disputes"},
		{"The court will promote the pilot “two in one” of civil and criminal hearings.", "“two in one”"},
		{"Officials started the “green lane” reform in spring.", "“green lane” reform"},
		{"The ministry will carry out a seed breeding plan to help small farms (SFs) grow.", "seed breeding plan"},
		// Negatives.
		{"The pilot of an aircraft landed safely.", ""},
		{"The system was upgraded last year.", ""},
		{"We will build a high-standard market system.", ""},
		{"The agency launched an IP protection system.", ""},
		{"The pilot program ended in May.", ""},
		{"They discussed the seed co-funding pilot program at length.", ""},
	}
	for _, c := range cases {
		got := programNames(t, c.text)
		if c.want == "" {
			for _, g := range got {
				if !strings.Contains(c.text, g) || strings.Contains(strings.ToLower(g), "pilot") || strings.Contains(g, "system") {
					t.Errorf("%q: unexpected program %q", c.text, g)
				}
			}
			continue
		}
		found := false
		for _, g := range got {
			if strings.Trim(g, "“”\"") == strings.Trim(c.want, "“”\"") {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: programs %q, want %q", c.text, got, c.want)
		}
	}
}

func TestLowerCaseProgramOncePerDocument(t *testing.T) {
	ext := extractText(t, nil, "Notes\nThe bureau launched a seed co-funding pilot program in May. The bureau then expanded the seed co-funding pilot program to ten towns.")
	n := 0
	for _, e := range ext.Entities {
		if e.Type == Program && strings.Contains(e.Name, "co-funding") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("got %d co-funding programs, want 1: %+v", n, ext.Entities)
	}
}

func TestStatisticSubject(t *testing.T) {
	cases := []struct {
		text  string
		value float64
		want  string
	}{
		{"The number of valid trademarks nationwide reached 4.2 million.", 4.2e6, "china"},
		{"Domestic applicants filed 31,000 design applications.", 31000, "china"},
		{"The number of design patents in China reached 812,000.", 812000, "china"},
		{"Patent pledges across the country totaled 12 billion yuan.", 12e9, "china"},
		{"Huawei filed 2,398 applications with the office.", 2398, "huawei"},
		{"The number of design patents in Guangdong reached 91,000.", 91000, "guangdong"},
		{"Guangdong's design patents reached 91,000.", 91000, "guangdong"},
		{"Among filers, the leader was Siemens with 2,220 applications.", 2220, "siemens"},
		// No subject: nothing in the sentence says whose figure it is.
		{"The pilot of the aircraft logged 40 flights.", 40, ""},
		{"The average examination period fell to 15 months.", 15, ""},
	}
	for _, c := range cases {
		// The country is an entity of the document only where it names it.
		st := statisticWithValue(t, "This note is about patents in China.\n"+c.text, c.value)
		if st.Subject != c.want {
			t.Errorf("%q: subject %q, want %q", c.text, st.Subject, c.want)
		}
	}
}
