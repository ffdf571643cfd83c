package loaders

import (
	"strings"
	"testing"
)

func TestStatistics(t *testing.T) {
	tests := []struct {
		name     string
		text     string // a document dated 2024-07-29 with this body
		value    float64
		unit     string
		metricIn string // a word the metric must contain
		period   string
	}{
		{"scale million", "The number of registered seed varieties reached 4.425 million in 2023.", 4425000, "", "seed varieties", "2023"},
		{"trillion yuan", "The added value of copyright industries reached 8.97 trillion yuan last year.", 8.97e12, "yuan", "copyright industries", "2023"},
		{"percent", "The share of grants held by enterprises rose to 71.5% as of this June.", 71.5, "percent", "grants held by enterprises", "2024-06"},
		{"percentage points", "The approval rate climbed 2.5 percentage points in the first half of this year.", 2.5, "percentage points", "approval rate", "2024-H1"},
		{"hundred million", "Licensing income totaled 3 hundred million yuan by the end of May.", 3e8, "yuan", "licensing income", "2024-05"},
		{"ten thousand", "In 2022, 10,000 mediators were trained by the courts.", 10000, "", "mediators", "2022"},
		{"count noun", "Customs seized 1,250 shipments of fake watches in 2021.", 1250, "", "shipments", "2021"},
		{"rmb before", "Pledge loans amounted to RMB 2.6 billion in the first quarter of 2024.", 2.6e9, "yuan", "pledge loans", "2024-Q1"},
		{"us dollars", "The fund raised 40 million US dollars from January to May.", 4e7, "US dollars", "fund", "2024-01/2024-05"},
		{"growth", "Exports of licences reached 52 billion yuan, up 9.4% year on year.", 9.4, "percent", "growth", ""},
		{"points", "Public satisfaction with enforcement increased to 81.3 points.", 81.3, "points", "satisfaction", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			found := statisticWithValue(t, tc.text, tc.value)
			if found.Unit != tc.unit && tc.unit != "" {
				t.Errorf("unit = %q, want %q", found.Unit, tc.unit)
			}
			if !strings.Contains(strings.ToLower(found.Metric), strings.ToLower(tc.metricIn)) {
				t.Errorf("metric = %q, want it to contain %q", found.Metric, tc.metricIn)
			}
			if tc.period != "" && found.Period != tc.period {
				t.Errorf("period = %q, want %q", found.Period, tc.period)
			}
		})
	}
}

func TestStatisticsSkipNonFigures(t *testing.T) {
	texts := []string{
		"The 14th Five-Year Plan runs to 2025.",
		"See Document No. 20 issued on March 5, 2018.",
		"(3) Strengthen protection.",
		"1. Improve the system.",
		"The meeting started at 10 a.m. in room 2021-2035.",
		"In 2019 the office moved.",
		"Invention patents per 10,000 people matter.",
		"Rules (12) and (13) of the Measures apply.",
		"Over the past five years, the office moved twice.",
		"Since the start of the 14th Five-Year Plan, the office has grown.",
		"3. Strengthen the system.",
	}
	for _, text := range texts {
		ext := extractText(t, nil, "Doc\n"+text)
		if len(ext.Statistics) != 0 {
			t.Errorf("%q: unexpected statistics %+v", text, ext.Statistics)
		}
	}
}

// TestStatisticsCarry checks that the period of a paragraph carries into
// the next paragraph of the same speaker, but not past a heading or a
// speaker line, and that a numbered item starts afresh.
func TestStatisticsCarry(t *testing.T) {
	body := "Li Ming:\n\nIn 2021, the bureau worked hard.\n\nFirst, 3,400 seed patents were granted.\n\nWang Fang:\n\nSecond, 120 mediators were trained.\n\n2. Other news\n\nIn 2019, 75 courts opened. Later items follow.\n\n3. Auctions The academy will auction 310 patents."
	ext := extractText(t, nil, "Briefing\nDate: July 29, 2024\n"+body)
	want := map[float64]string{3400: "2021", 120: "2024-07", 75: "2019", 310: "2024-07"}
	for _, st := range ext.Statistics {
		if p, ok := want[st.Value]; ok {
			if st.Period != p {
				t.Errorf("%v (%q): period %q, want %q", st.Value, st.Metric, st.Period, p)
			}
			delete(want, st.Value)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing statistics %v in %+v", want, ext.Statistics)
	}
}

// TestStatisticsMetricRules checks metric phrasing rules on sentences of
// our own.
func TestStatisticsMetricRules(t *testing.T) {
	tests := []struct {
		name, text string
		value      float64
		metricIn   []string // words the metric must contain
	}{
		{"year-on-year growth", "Seed licence fees reached 4 billion yuan, up 12.5% year on year.", 12.5, []string{"year-on-year growth", "seed licence fees"}},
		{"average annual", "Design filings grew at an average annual growth rate of 8%.", 8, []string{"average annual growth rate"}},
		{"jump in", "2019 saw a 25% jump in trade secret lawsuits.", 25, []string{"growth", "trade secret lawsuits"}},
		{"the figure", "Exports of plant variety rights totaled 2 billion yuan. In 2023, the figure reached 3 billion yuan.", 3e9, []string{"plant variety rights"}},
		{"this represents", "Pledge loans reached 90 billion yuan in 2022. This represents a year-on-year growth of 40%.", 40, []string{"year-on-year growth", "pledge loans"}},
		{"series", "Courts received 4,100 criminal, civil and administrative copyright cases.", 4100, []string{"criminal, civil and administrative copyright cases"}},
		{"of the", "Of the new parks, 12 of the parks were certified.", 12, []string{"parks"}},
		{"infinitive tail", "The bureau invited 300 small firms to join the seed licensing plan.", 300, []string{"small firms", "to join the seed licensing plan"}},
		{"list item", "Seed patent applications at the office rose to 9,000 in 2023, followed by Acme with 2,140.", 2140, []string{"seed patent applications"}},
		{"name in parentheses", "Foreign firms filed 50,000 design applications, led by Korea (12,000).", 12000, []string{"design applications"}},
		{"verb before", "Last year the bureau interviewed more than 650 seed dealers.", 650, []string{"seed dealers interviewed"}},
		{"with clause", "Some 9,000 seed contracts were signed, with turnover exceeding 6 billion yuan.", 6e9, []string{"turnover of", "seed contracts"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			found := statisticWithValue(t, tc.text, tc.value)
			for _, w := range tc.metricIn {
				if !strings.Contains(strings.ToLower(found.Metric), strings.ToLower(w)) {
					t.Errorf("metric = %q, want it to contain %q", found.Metric, w)
				}
			}
		})
	}
}

// TestDefaultPeriodScan checks the period of an undated figure in an
// undated document: the year that most of the text's time phrases name.
func TestDefaultPeriodScan(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"majority year", "Staff review\nPatents rose in 2019. Trademarks rose in 2019. Designs rose during 2019. Filings fell in 2018.\nStaff\nThe office employs 400 examiners.", "2019"},
		{"too few", "Staff review\nPatents rose in 2019. Filings fell in 2018.\nStaff\nThe office employs 400 examiners.", ""},
		{"sentence-initial phrases count", "Staff review\nIn 2019 patents rose. In 2019 trademarks rose. In 2019 designs rose.\nStaff\nThe office employs 400 examiners.", "2019"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ext := extractText(t, nil, tc.text)
			for _, s := range ext.Statistics {
				if s.Value == 400 {
					if s.Period != tc.want {
						t.Errorf("period = %q, want %q", s.Period, tc.want)
					}
					return
				}
			}
			t.Fatalf("no statistic 400 in %+v", ext.Statistics)
		})
	}
}
