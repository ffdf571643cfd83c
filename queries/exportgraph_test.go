package queries_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/queries/export"
)

// The whole-graph export holds what Stats counts, found independently:
// every entity and statistic once, every distinct relation and link once.
func TestExportGraphMatchesStats(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		svc  *queries.Service
	}{
		{"fixture", fixture(t)},
		{"sample corpus", queries.New(loaderstest.CorpusStore(t, "../testdata/corpus"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := tc.svc.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			g, truncated, err := tc.svc.ExportGraph(ctx, queries.ExportSelection{Quads: true})
			if err != nil || truncated {
				t.Fatalf("ExportGraph: truncated %v, %v", truncated, err)
			}
			c := queries.Counts(g)
			if c.Nodes != st.Graph.Nodes || c.Edges != st.Graph.Edges || int64(c.Quads) != st.ExportQuads {
				t.Errorf("export has %d nodes, %d edges, %d quads; stats say %d, %d, %d",
					c.Nodes, c.Edges, c.Quads, st.Graph.Nodes, st.Graph.Edges, st.ExportQuads)
			}
			if c.Statistics != st.Statistics || c.Nodes < 10 || c.Edges < 5 {
				t.Errorf("export has %d statistics (stats: %d), %d nodes, %d edges", c.Statistics, st.Statistics, c.Nodes, c.Edges)
			}
			for p, n := range st.Relations {
				if c.Relations[p] != n {
					t.Errorf("%s: export has %d edges, stats say %d", p, c.Relations[p], n)
				}
			}
			checkGraph(t, g)
		})
	}
}

// checkGraph checks the export's invariants: unique node and edge ids,
// edges between exported nodes, evidence on every relation.
func checkGraph(t *testing.T, g *export.Graph) {
	t.Helper()
	nodes := map[string]bool{}
	for _, n := range g.Nodes {
		if nodes[n.ID] || n.ID == "" || n.Label == "" || n.Type == "" {
			t.Errorf("node %+v: duplicate id or missing field", n)
		}
		nodes[n.ID] = true
		if len(n.Documents) != len(n.Dates) {
			t.Errorf("node %s: %d documents, %d dates", n.ID, len(n.Documents), len(n.Dates))
		}
	}
	edges := map[string]bool{}
	for _, e := range g.Edges {
		if edges[e.ID] || !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %+v: duplicate id or end outside the export", e)
		}
		edges[e.ID] = true
		if len(e.Evidence) == 0 {
			t.Errorf("edge %s %s %s has no evidence", e.Source, e.Predicate, e.Target)
		}
		for _, ev := range e.Evidence {
			switch {
			case ev.Document == "":
				t.Errorf("edge %s: evidence without a document %+v", e.ID, ev)
			case ev.Kind == "background":
				// Background knowledge: a gazetteer row, never a sentence.
				if ev.Sentence != "" || ev.Offset != -1 || !strings.HasPrefix(ev.KnownFrom, "gazetteer ") {
					t.Errorf("edge %s: background evidence %+v", e.ID, ev)
				}
			case ev.Kind != "sentence" || ev.Sentence == "":
				t.Errorf("edge %s: empty evidence %+v", e.ID, ev)
			}
		}
	}
}

func TestExportGraphSelections(t *testing.T) {
	ctx := context.Background()
	svc := fixture(t)
	whole, _, err := svc.ExportGraph(ctx, queries.ExportSelection{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		sel   queries.ExportSelection
		check func(t *testing.T, g *export.Graph)
	}{
		{"root by id", queries.ExportSelection{Root: "cnipa", Depth: 1}, func(t *testing.T, g *export.Graph) {
			if !hasNode(g, "cnipa") || len(g.Nodes) >= len(whole.Nodes) || len(g.Nodes) < 2 {
				t.Errorf("%d of %d nodes, cnipa in: %v", len(g.Nodes), len(whole.Nodes), hasNode(g, "cnipa"))
			}
		}},
		{"root by name", queries.ExportSelection{Root: "CNIPA", Depth: 1}, func(t *testing.T, g *export.Graph) {
			if !hasNode(g, "cnipa") {
				t.Error("cnipa missing")
			}
		}},
		{"types keep agencies only", queries.ExportSelection{Types: []string{"Agency"}}, func(t *testing.T, g *export.Graph) {
			for _, n := range g.Nodes {
				if n.Type != "Agency" {
					t.Errorf("node %s of type %s", n.ID, n.Type)
				}
			}
			if len(g.Nodes) == 0 {
				t.Error("no agencies")
			}
		}},
		{"statistics only", queries.ExportSelection{Types: []string{"Statistic"}}, func(t *testing.T, g *export.Graph) {
			if len(g.Edges) != 0 || len(g.Nodes) == 0 {
				t.Errorf("%d nodes, %d edges", len(g.Nodes), len(g.Edges))
			}
			for _, n := range g.Nodes {
				if n.Kind != export.KindStatistic {
					t.Errorf("node %s is a %s", n.ID, n.Kind)
				}
			}
		}},
		{"ids and a predicate", queries.ExportSelection{IDs: []string{"cnipa", "sipo", "nobody"}, Predicates: []string{"succeededBy"}}, func(t *testing.T, g *export.Graph) {
			for _, e := range g.Edges {
				if e.Predicate != "succeededBy" && e.Predicate != "subject" && e.Predicate != "reportedBy" {
					t.Errorf("edge %s kept", e.Predicate)
				}
			}
			if !hasNode(g, "cnipa") || !hasNode(g, "sipo") || hasNode(g, "nobody") {
				t.Errorf("nodes %v", g.Nodes)
			}
		}},
		{"partial quads stay inside", queries.ExportSelection{Root: "cnipa", Depth: 1, Quads: true}, func(t *testing.T, g *export.Graph) {
			if len(g.Quads) == 0 {
				t.Fatal("no quads")
			}
			iris := map[string]bool{}
			for _, n := range g.Nodes {
				iris[n.IRI] = true
			}
			for _, q := range g.Quads {
				if q.ObjectIsIRI && strings.HasPrefix(q.Object, graph.EntityPrefix) && !iris[q.Object] {
					t.Errorf("quad points outside the export: %+v", q)
				}
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, _, err := svc.ExportGraph(ctx, tc.sel)
			if err != nil {
				t.Fatal(err)
			}
			checkGraph(t, g)
			tc.check(t, g)
		})
	}
	if _, _, err := svc.ExportGraph(ctx, queries.ExportSelection{Root: "atlantis"}); !errors.Is(err, queries.ErrNoEntity) {
		t.Errorf("unknown root: %v, want ErrNoEntity", err)
	}
}

func hasNode(g *export.Graph, id string) bool {
	for _, n := range g.Nodes {
		if n.ID == id {
			return true
		}
	}
	return false
}
