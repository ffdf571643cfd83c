package queries_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/queries"
)

func fixture(t testing.TB) *queries.Service {
	return queries.New(loaderstest.Store(t, loaderstest.SmallFixture))
}

func ids(es []queries.Entity) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestEntityByName(t *testing.T) {
	svc := fixture(t)
	tests := []struct{ name, want string }{
		{"CNIPA", "cnipa"},
		{"cnipa", "cnipa"},
		{"the China National Intellectual-Property Administration", "cnipa"},
		{"Mr. Shen", "shen_changyu"},
		{"SIPO", "sipo"},
		{"Patent Office of Atlantis", ""},
	}
	for _, tc := range tests {
		e, err := svc.EntityByName(context.Background(), tc.name)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if e != nil {
			got = e.ID
		}
		if got != tc.want {
			t.Errorf("EntityByName(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestEntityMergesDocuments(t *testing.T) {
	e, err := fixture(t).Entity(context.Background(), "cnipa")
	if err != nil || e == nil {
		t.Fatalf("Entity = %v, %v", e, err)
	}
	// Both labels are said once; the longer is the canonical name.
	if e.Name != "China National Intellectual Property Administration" || e.Type != "Agency" || !reflect.DeepEqual(e.Aliases, []string{"CNIPA"}) {
		t.Errorf("cnipa = %+v", e)
	}
}

func TestRelations(t *testing.T) {
	svc := fixture(t)
	tests := []struct {
		dir        queries.Direction
		predicates []string
		want       int
	}{
		{queries.Both, nil, 5},
		{queries.Out, nil, 3},
		{queries.In, nil, 2},
		{queries.Both, []string{"memberOf", "runs"}, 2},
		{queries.Out, []string{"memberOf"}, 0},
	}
	for _, tc := range tests {
		rs, err := svc.Relations(context.Background(), "cnipa", tc.predicates, tc.dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != tc.want {
			t.Errorf("Relations(cnipa, %v, %v) = %d relations %v, want %d", tc.predicates, tc.dir, len(rs), rs, tc.want)
		}
	}
}

func TestRelationEvidence(t *testing.T) {
	svc := fixture(t)
	evs, err := svc.RelationEvidence(context.Background(), queries.Relation{
		Predicate: "succeededBy", Source: graph.EntityIRI("sipo"), Target: graph.EntityIRI("cnipa")})
	if err != nil {
		t.Fatal(err)
	}
	want := []queries.Evidence{{IRI: graph.SentenceIRI("a.txt", 98), Document: graph.DocumentIRI("a.txt"), Sentence: "The State Intellectual Property Office (SIPO) became the CNIPA in 2018.", Offset: 98, Kind: queries.EvidenceSentence}}
	if !reflect.DeepEqual(evs, want) {
		t.Errorf("evidence = %+v, want %+v", evs, want)
	}
}

func TestNeighbors(t *testing.T) {
	svc := fixture(t)
	tests := []struct {
		depth int
		types []string
		nodes []string
		rels  int
	}{
		{1, nil, []string{"shen_changyu", "cnipa"}, 1},
		{2, nil, []string{"shen_changyu", "cnipa", "patent_open_licensing_pilot", "samr", "sipo", "wipo"}, 5},
		{2, []string{"Agency"}, []string{"shen_changyu", "cnipa", "samr", "sipo", "wipo"}, 4},
	}
	for _, tc := range tests {
		g, truncated, err := svc.Neighbors(context.Background(), "shen_changyu", tc.depth, nil, tc.types)
		if err != nil || truncated {
			t.Fatal(err, truncated)
		}
		if got := ids(g.Nodes); !reflect.DeepEqual(got, tc.nodes) || len(g.Relations) != tc.rels {
			t.Errorf("Neighbors(depth %d, %v) = %v with %d relations, want %v with %d", tc.depth, tc.types, got, len(g.Relations), tc.nodes, tc.rels)
		}
	}
}

func TestPaths(t *testing.T) {
	svc := fixture(t)
	tests := []struct {
		from, to  string
		maxLength int
		want      [][]string
	}{
		{"shen_changyu", "wipo", 4, [][]string{{"shen_changyu", "cnipa", "wipo"}}},
		{"sipo", "samr", 1, nil},
		{"sipo", "samr", 2, [][]string{{"sipo", "cnipa", "samr"}}},
		{"wipo", "china", 4, nil}, // china has statistics but no relations
	}
	for _, tc := range tests {
		ps, _, err := svc.Paths(context.Background(), tc.from, tc.to, tc.maxLength, 5)
		if err != nil {
			t.Fatal(err)
		}
		var got [][]string
		for _, p := range ps {
			got = append(got, ids(p.Nodes))
			if len(p.Relations) != len(p.Nodes)-1 {
				t.Errorf("path %v has %d relations", ids(p.Nodes), len(p.Relations))
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Paths(%s, %s, %d) = %v, want %v", tc.from, tc.to, tc.maxLength, got, tc.want)
		}
	}
}

func TestStatistics(t *testing.T) {
	svc := fixture(t)
	tests := []struct {
		f       queries.StatisticFilter
		periods []string
		wantErr bool
	}{
		{queries.StatisticFilter{Metric: "invention patents"}, []string{"2019", "2024-06", "2024-06"}, false},
		{queries.StatisticFilter{Metric: "Valid invention patent"}, []string{"2019", "2024-06"}, false},
		{queries.StatisticFilter{From: "2024", To: "2024"}, []string{"2024-06", "2024-06"}, false},
		{queries.StatisticFilter{To: "2023-H2"}, []string{"2019"}, false},
		{queries.StatisticFilter{Document: "b.txt"}, []string{"2019"}, false},
		{queries.StatisticFilter{Subject: "china", Unit: "patents"}, []string{"2019", "2024-06"}, false},
		{queries.StatisticFilter{From: "last year"}, nil, true},
	}
	for _, tc := range tests {
		sts, err := svc.Statistics(context.Background(), tc.f)
		if (err != nil) != tc.wantErr {
			t.Fatalf("Statistics(%+v) error = %v", tc.f, err)
		}
		var got []string
		for _, s := range sts {
			got = append(got, s.Period)
			if s.Evidence.Sentence == "" || s.Evidence.Document == "" {
				t.Errorf("statistic %s has no evidence", s.ID)
			}
		}
		if !reflect.DeepEqual(got, tc.periods) {
			t.Errorf("Statistics(%+v) periods = %v, want %v", tc.f, got, tc.periods)
		}
	}
}

func TestSearch(t *testing.T) {
	svc := fixture(t)
	tests := []struct {
		text  string
		types []string
		want  []string
	}{
		{"CNI", nil, []string{"cnipa"}},
		{"intellectual property", nil, []string{"sipo", "wipo", "cnipa"}},
		{"intellectual property", []string{"Person"}, []string{}},
		{"shen", nil, []string{"shen_changyu"}},
		{"  ", nil, []string{}},
	}
	for _, tc := range tests {
		es, err := svc.Search(context.Background(), tc.text, tc.types)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(es); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Search(%q, %v) = %v, want %v", tc.text, tc.types, got, tc.want)
		}
	}
}

func TestDocumentsAndStats(t *testing.T) {
	svc := fixture(t)
	ctx := context.Background()
	docs, err := svc.Documents(ctx)
	if err != nil || len(docs) != 2 || docs[0].ID != "a.txt" || docs[0].Date != "2024-07-29" {
		t.Fatalf("Documents = %+v, %v", docs, err)
	}
	es, err := svc.Entities(ctx, "Agency", "b.txt")
	if err != nil || !reflect.DeepEqual(ids(es), []string{"cnipa", "samr", "wipo"}) {
		t.Errorf("Entities(Agency, b.txt) = %v, %v", ids(es), err)
	}
	st, err := svc.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 2 || st.Statistics != 3 || st.Entities["Agency"] != 4 || st.Entities["Person"] != 1 ||
		st.Relations["memberOf"] != 1 || st.Relations["partOf"] != 1 || st.Quads == 0 {
		t.Errorf("Stats = %+v", st)
	}
}

func TestCancelledContext(t *testing.T) {
	svc := fixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := svc.Statistics(ctx, queries.StatisticFilter{}); err == nil {
		t.Error("Statistics on a cancelled context succeeded")
	}
	if _, _, err := svc.Paths(ctx, "sipo", "wipo", 4, 1); err == nil {
		t.Error("Paths on a cancelled context succeeded")
	}
}

func TestPathsFiltered(t *testing.T) {
	svc := fixture(t)
	tests := []struct {
		from, to string
		f        queries.PathFilter
		want     [][]string
	}{
		{"shen_changyu", "wipo", queries.PathFilter{Predicates: []string{"memberOf"}}, nil},
		{"shen_changyu", "wipo", queries.PathFilter{Predicates: []string{"memberOf", "cooperatesWith"}}, [][]string{{"shen_changyu", "cnipa", "wipo"}}},
		{"sipo", "samr", queries.PathFilter{Types: []string{"Program"}}, nil}, // the CNIPA in between is an agency
		{"sipo", "samr", queries.PathFilter{Types: []string{"Agency"}}, [][]string{{"sipo", "cnipa", "samr"}}},
		{"shen_changyu", "samr", queries.PathFilter{Types: []string{"Agency"}}, [][]string{{"shen_changyu", "cnipa", "samr"}}}, // ends may be of any type
	}
	for _, tc := range tests {
		ps, _, err := svc.PathsFiltered(context.Background(), tc.from, tc.to, 4, 5, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		var got [][]string
		for _, p := range ps {
			got = append(got, ids(p.Nodes))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("PathsFiltered(%s, %s, %+v) = %v, want %v", tc.from, tc.to, tc.f, got, tc.want)
		}
	}
}
