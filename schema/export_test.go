package schema_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/schema"
)

func TestExportEndpoint(t *testing.T) {
	srv := server(t, schema.Options{})
	tests := []struct {
		name, query string
		status      int
		contentType string
		want        string // in the body
	}{
		{"graphml", "format=graphml", 200, "application/graphml+xml", `<?xml version="1.0"`},
		{"gexf", "format=gexf", 200, "application/gexf+xml", "<gexf"},
		{"cyjs", "format=cyjs&root=cnipa&depth=2", 200, "application/json", `"elements"`},
		{"dot", "format=dot&root=CNIPA", 200, "text/vnd.graphviz", "digraph"},
		{"nquads", "format=nquads", 200, "application/n-quads", "<urn:ipgraph:entity:cnipa>"},
		{"csv zip", "format=csv&types=Agency,Statistic", 200, "application/zip", "nodes.csv"},
		{"viewer download", "format=graphml&ids=cnipa,sipo&predicates=succeededBy", 200, "application/graphml+xml", "cnipa"},
		{"no predicate keeps no relation", "format=cyjs&ids=cnipa,sipo&types=Agency&predicates=", 200, "application/json", "\"edges\":[\n]"},
		{"unknown format", "format=xlsx", 400, "application/json", `"BAD_REQUEST"`},
		{"no format", "", 400, "application/json", "unknown export format"},
		{"bad depth", "format=dot&root=cnipa&depth=99", 400, "application/json", "depth must be"},
		{"unknown root", "format=dot&root=atlantis", 404, "application/json", `"NOT_FOUND"`},
		{"too many ids", "format=dot&ids=" + strings.Repeat("a,", 5001), 413, "application/json", `"TOO_MANY_IDS"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := http.Get(srv.URL + "/export?" + tc.query)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tc.contentType) {
				t.Fatalf("status %d, %s; want %d, %s\n%.300s", resp.StatusCode, resp.Header.Get("Content-Type"), tc.status, tc.contentType, body)
			}
			if !strings.Contains(string(body), tc.want) {
				t.Errorf("body lacks %q:\n%.300s", tc.want, body)
			}
			if tc.status == 200 {
				if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment; filename=") {
					t.Errorf("Content-Disposition %q", cd)
				}
				if n, _ := strconv.Atoi(resp.Header.Get("X-Ipgraph-Nodes")); n < 1 {
					t.Errorf("X-Ipgraph-Nodes %q", resp.Header.Get("X-Ipgraph-Nodes"))
				}
			}
		})
	}
	resp, err := http.Post(srv.URL+"/export?format=dot", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /export: %d, want 405", resp.StatusCode)
	}
}

// An export made after a document is deleted no longer holds what only
// that document said: exports are never stale, even with the index on.
func TestExportFollowsReloads(t *testing.T) {
	ctx := context.Background()
	store := loaderstest.Store(t, loaderstest.SmallFixture)
	svc := queries.New(store)
	if _, err := svc.UseIndex(ctx); err != nil {
		t.Fatal(err)
	}
	h, err := schema.NewHandler(svc, schema.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	nodes := func() int {
		t.Helper()
		resp, err := http.Get(srv.URL + "/export?format=cyjs")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var doc struct {
			Elements struct {
				Nodes []json.RawMessage `json:"nodes"`
			} `json:"elements"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
			t.Fatal(err)
		}
		if h, _ := strconv.Atoi(resp.Header.Get("X-Ipgraph-Nodes")); h != len(doc.Elements.Nodes) {
			t.Errorf("X-Ipgraph-Nodes %d, body has %d nodes", h, len(doc.Elements.Nodes))
		}
		return len(doc.Elements.Nodes)
	}
	before := nodes()
	if ok, err := store.DeleteDocument(ctx, graph.DocumentIRI("b.txt")); !ok || err != nil {
		t.Fatalf("DeleteDocument: %v, %v", ok, err)
	}
	if after := nodes(); after >= before || after == 0 {
		t.Errorf("export has %d nodes before deleting b.txt and %d after", before, after)
	}
}
