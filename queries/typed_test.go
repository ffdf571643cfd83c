package queries_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/queries"
)

// typedFixture is testdata/fixtures/typed.json: the institutions around
// the CNIPA, with Chinese aliases and statistics over several years.
func typedFixture(t testing.TB) *queries.Service {
	return queries.New(loaderstest.Store(t, filepath.Join("..", "testdata", "fixtures", "typed.json")))
}

func TestRelated(t *testing.T) {
	svc := typedFixture(t)
	tests := []struct {
		name       string
		id         string
		predicates []string
		dir        queries.Direction
		types      []string
		want       []string
	}{
		{"officials", "cnipa", []string{"memberOf"}, queries.In, []string{"Person"}, []string{"he_zhimin", "shen_changyu"}},
		{"programs", "cnipa", []string{"runs"}, queries.Out, []string{"Program"}, []string{"ip_pilot_zone", "patent_open_licensing_pilot"}},
		{"issued", "cnipa", []string{"issued"}, queries.Out, []string{"Law"}, []string{"patent_examination_guidelines"}},
		{"successors", "sipo", []string{"succeededBy", "mergedInto"}, queries.Out, nil, []string{"cnipa"}},
		{"predecessors", "samr", []string{"succeededBy", "mergedInto"}, queries.In, nil, []string{"saic"}},
		{"no successors", "cnipa", []string{"succeededBy", "mergedInto"}, queries.Out, nil, []string{}},
		{"parent", "cnipa", []string{"partOf"}, queries.Out, nil, []string{"samr"}},
		{"units", "cnipa", []string{"partOf"}, queries.In, nil, []string{"patent_office", "trademark_office"}},
		{"region programs", "jiangsu", []string{"locatedIn", "concerns"}, queries.In, []string{"Program"}, []string{"ip_pilot_zone"}},
		{"positions", "shen_changyu", []string{"memberOf"}, queries.Out, []string{"Agency", "Organization"}, []string{"cnipa", "cppa"}},
		{"issued by", "patent_law", []string{"issued"}, queries.In, nil, []string{"npcsc"}},
		{"amends", "patent_law_amendment", []string{"amends"}, queries.Out, []string{"Law"}, []string{"patent_law"}},
		{"run by", "ip_pilot_zone", []string{"runs"}, queries.In, nil, []string{"cnipa"}},
		{"both directions, deduplicated", "cnipa", []string{"partOf"}, queries.Both, nil, []string{"patent_office", "samr", "trademark_office"}},
		{"type filter drops all", "cnipa", []string{"memberOf"}, queries.In, []string{"Agency"}, []string{}},
		{"unknown entity", "atlantis", nil, queries.Both, nil, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es, err := svc.Related(context.Background(), tc.id, tc.predicates, tc.dir, tc.types)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(es); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Related(%s, %v, %v, %v) = %v, want %v", tc.id, tc.predicates, tc.dir, tc.types, got, tc.want)
			}
		})
	}
}

func TestSearchMatching(t *testing.T) {
	svc := typedFixture(t)
	tests := []struct {
		name, text string
		types      []string
		want       []string
	}{
		{"Chinese alias", "国家知识产权局", nil, []string{"cnipa"}},
		{"Chinese substring", "知识产权", nil, []string{"cnipa"}},
		{"Chinese law name", "专利法", nil, []string{"patent_law"}},
		{"prefix words", "intellect prop", []string{"Agency"}, []string{"sipo", "cnipa"}},
		{"case and punctuation", "PATENT-LAW", nil, []string{"patent_law", "patent_law_amendment"}},
		{"accents dropped", "propriete industrielle", nil, []string{"inpi"}},
		{"accents kept in query", "Propriété", nil, []string{"inpi"}},
		{"words in any order", "office trademark", nil, []string{"trademark_office"}},
		{"spaces removed", "openlicensing", nil, []string{"patent_open_licensing_pilot"}},
		{"exact beats prefix", "Patent Office", nil, []string{"patent_office"}},
		{"whole words before prefixes", "state admin", nil, []string{"samr", "saic"}},
		{"acronym alias", "npcsc", nil, []string{"npcsc"}},
		{"people's apostrophe", "peoples congress", nil, []string{"npcsc"}},
		{"type filter", "patent", []string{"Program"}, []string{"patent_open_licensing_pilot"}},
		{"no match", "atlantis", nil, []string{}},
		{"no spurious inner match", "ten", nil, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es, err := svc.Search(context.Background(), tc.text, tc.types)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(es); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Search(%q, %v) = %v, want %v", tc.text, tc.types, got, tc.want)
			}
		})
	}
}

func TestSearchRanking(t *testing.T) {
	svc := typedFixture(t)
	es, err := svc.Search(context.Background(), "patent", nil)
	if err != nil {
		t.Fatal(err)
	}
	// Names starting with the word first (canonical names before aliases,
	// shorter first), then names containing it as a word.
	want := []string{"patent_office", "patent_open_licensing_pilot", "patent_law", "patent_examination_guidelines", "cppa", "patent_law_amendment"}
	if got := ids(es); !reflect.DeepEqual(got, want) {
		t.Errorf("Search(patent) = %v, want %v", got, want)
	}
}

func TestMetrics(t *testing.T) {
	svc := typedFixture(t)
	tests := []struct {
		text string
		want []queries.Metric
	}{
		{"", []queries.Metric{
			{Metric: "invention patents granted", Count: 3, Units: []string{"patents"}, FirstPeriod: "2016/2020", LastPeriod: "2022"},
			{Metric: "patent open-licensing contracts", Count: 1, Units: []string{"contracts"}, FirstPeriod: "2023-H1", LastPeriod: "2023-H1"},
			{Metric: "trademark registrations", Count: 1, Units: []string{"registrations"}, FirstPeriod: "2022", LastPeriod: "2022"},
		}},
		{"Patents", []queries.Metric{ // "patent" is a word of both
			{Metric: "invention patents granted", Count: 3, Units: []string{"patents"}, FirstPeriod: "2016/2020", LastPeriod: "2022"},
			{Metric: "patent open-licensing contracts", Count: 1, Units: []string{"contracts"}, FirstPeriod: "2023-H1", LastPeriod: "2023-H1"},
		}},
		{"granted invention patent", []queries.Metric{
			{Metric: "invention patents granted", Count: 3, Units: []string{"patents"}, FirstPeriod: "2016/2020", LastPeriod: "2022"},
		}},
		{"trademark registration", []queries.Metric{
			{Metric: "trademark registrations", Count: 1, Units: []string{"registrations"}, FirstPeriod: "2022", LastPeriod: "2022"},
		}},
		{"utility models", []queries.Metric{}},
	}
	for _, tc := range tests {
		ms, err := svc.Metrics(context.Background(), queries.StatisticFilter{Metric: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ms, tc.want) {
			t.Errorf("Metrics(%q) = %+v, want %+v", tc.text, ms, tc.want)
		}
	}
}

func TestStatisticsPeriods(t *testing.T) {
	svc := typedFixture(t)
	tests := []struct {
		f       queries.StatisticFilter
		periods []string
	}{
		{queries.StatisticFilter{Metric: "invention patents granted"}, []string{"2016/2020", "2021", "2022"}},
		{queries.StatisticFilter{Metric: "invention patents granted", Exact: true}, []string{"2016/2020", "2021", "2022"}},
		{queries.StatisticFilter{Metric: "invention patents", Exact: true}, nil},
		// A statistic over a range is inside from/to only when the whole range is.
		{queries.StatisticFilter{From: "2016", To: "2020"}, []string{"2016/2020"}},
		{queries.StatisticFilter{From: "2018", To: "2021"}, []string{"2021"}},
		// from and to may themselves be ranges, or finer periods.
		{queries.StatisticFilter{From: "2016/2017", To: "2021/2022"}, []string{"2016/2020", "2021", "2022", "2022"}},
		{queries.StatisticFilter{From: "2022-01"}, []string{"2022", "2022", "2023-H1"}},
		{queries.StatisticFilter{From: "2023-Q1", To: "2023-06"}, []string{"2023-H1"}},
	}
	for _, tc := range tests {
		sts, err := svc.Statistics(context.Background(), tc.f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range sts {
			got = append(got, s.Period)
		}
		if !reflect.DeepEqual(got, tc.periods) {
			t.Errorf("Statistics(%+v) = %v, want %v", tc.f, got, tc.periods)
		}
	}
}

func TestDocument(t *testing.T) {
	svc := typedFixture(t)
	ctx := context.Background()
	d, err := svc.Document(ctx, "typed.txt")
	if err != nil || d == nil || d.Title != "Institutions of IP policy" || d.Date != "2023-08-01" {
		t.Fatalf("Document(typed.txt) = %+v, %v", d, err)
	}
	if d, err := svc.Document(ctx, "missing.txt"); err != nil || d != nil {
		t.Errorf("Document(missing.txt) = %+v, %v, want nil", d, err)
	}
}
