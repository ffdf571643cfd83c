package loaders

import (
	"math"
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
			ext := extractText(t, nil, "Briefing\nDate: July 29, 2024\n"+tc.text)
			var found *Statistic
			for i := range ext.Statistics {
				if math.Abs(ext.Statistics[i].Value-tc.value) < 1e-6*math.Max(1, tc.value) {
					found = &ext.Statistics[i]
				}
			}
			if found == nil {
				t.Fatalf("no statistic with value %v in %+v", tc.value, ext.Statistics)
			}
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
	}
	for _, text := range texts {
		ext := extractText(t, nil, "Doc\n"+text)
		if len(ext.Statistics) != 0 {
			t.Errorf("%q: unexpected statistics %+v", text, ext.Statistics)
		}
	}
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		text, date, want string
	}{
		{"Sales grew 5% in 2021.", "2022-03-01", "2021"},
		{"Sales grew 5% last year.", "2022-03-01", "2021"},
		{"Sales grew 5% this year.", "2022-03-01", "2022"},
		{"In the first half of this year, sales grew 5%.", "2024-07-29", "2024-H1"},
		{"In the second half of 2019, sales grew 5%.", "2024-07-29", "2019-H2"},
		{"As of this June, sales grew 5%.", "2024-07-29", "2024-06"},
		{"By the end of June, sales grew 5%.", "2024-07-29", "2024-06"},
		{"By the end of 2023, sales grew 5%.", "2024-07-29", "2023-12"},
		{"From January to May, sales grew 5%.", "2024-07-29", "2024-01/2024-05"},
		{"In the first three quarters of 2020, sales grew 5%.", "2021-01-01", "2020-01/2020-09"},
		{"In the third quarter, sales grew 5%.", "2021-11-01", "2021-Q3"},
		{"From 2016 to 2020, sales grew 5%.", "2021-01-01", "2016/2020"},
		{"During the 13th Five-Year Plan period, sales grew 5%.", "2021-01-01", "2016/2020"},
		{"This month, sales grew 5%.", "2024-07-29", "2024-07"},
		{"Sales grew 5%.", "2024-07-29", ""},
	}
	for _, tc := range tests {
		ps := findPeriods(tc.text, tc.date)
		pos := strings.Index(tc.text, "5%")
		if got := pickPeriod(ps, runeIndex(tc.text, pos)); got != tc.want {
			t.Errorf("%q (doc %s): period %q, want %q", tc.text, tc.date, got, tc.want)
		}
	}
}

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
