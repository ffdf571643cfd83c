package loaders

import "testing"

// TestFindPeriodsRelative checks relative time phrases resolved against a
// document dated 2024-07-29.
func TestFindPeriodsRelative(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"From March to May this year, seed exports rose.", "2024-03/2024-05"},
		{"From March to May last year, seed exports rose.", "2023-03/2023-05"},
		{"As of April this year, the registry held many marks.", "2024-04"},
		{"As of April last year, the registry held many marks.", "2023-04"},
		{"Over the past five years, filings doubled.", "2019/2023"},
		{"During the last three years, filings doubled.", "2021/2023"},
		{"Since the start of the 14th Five-Year Plan, filings doubled.", "2021/2024"},
		{"By the end of 2022, the registry held many marks.", "2022-12"},
		{"In the first half of this year, filings grew.", "2024-H1"},
	}
	for _, tc := range tests {
		ps := findPeriods(tc.text, "2024-07-29")
		if got := pickPeriod(ps, len([]rune(tc.text))); got != tc.want {
			t.Errorf("%q: period %q, want %q (all %v)", tc.text, got, tc.want, ps)
		}
	}
}

// TestFigurePeriod checks which time phrase a figure takes.
func TestFigurePeriod(t *testing.T) {
	text := "The city climbed from 40th in 2015 to 9th in 2022 on the list."
	ps := findPeriods(text, "2024-07-29")
	at := func(s string) (int, int) {
		rs := []rune(text)
		for i := range rs {
			if string(rs[i:min(len(rs), i+len([]rune(s)))]) == s {
				return i, i + len([]rune(s))
			}
		}
		t.Fatalf("%q not in text", s)
		return 0, 0
	}
	lo, hi := at("9th")
	if got := figurePeriod(ps, lo, hi, ""); got != "2022" {
		t.Errorf("9th: %q, want 2022 (the year right after the figure)", got)
	}
	lo, hi = at("40th")
	if got := figurePeriod(ps, lo, hi, ""); got != "2015" {
		t.Errorf("40th: %q, want 2015", got)
	}
	// Nothing before and only a distant comparison after: the carried
	// period wins.
	text2 := "The wait was cut to 11 months, far shorter than at the beginning of the 12th Five-Year Plan period."
	ps = findPeriods(text2, "2024-07-29")
	if got := figurePeriod(ps, 20, 22, "2023"); got != "2023" {
		t.Errorf("carried: %q, want 2023", got)
	}
	if got := figurePeriod(nil, 0, 1, ""); got != "" {
		t.Errorf("no periods: %q, want empty", got)
	}
}
