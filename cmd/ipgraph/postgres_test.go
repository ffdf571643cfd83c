package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	_ "github.com/lib/pq" // database/sql driver for the scratch schema

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/schema"
)

// postgresURL returns a URL of an empty schema of its own in the database
// IPGRAPH_TEST_POSTGRES names (scripts/postgres.sh start DIR prints one),
// dropped when the test ends. Without the variable the test is skipped,
// except under CI (CI=true), where .ci/run starts a server and a skip would
// hide that PostgreSQL went untested.
func postgresURL(t *testing.T) string {
	t.Helper()
	base := os.Getenv("IPGRAPH_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("IPGRAPH_TEST_POSTGRES is not set under CI (.ci/run starts a server with scripts/postgres.sh)")
		}
		t.Skip("IPGRAPH_TEST_POSTGRES is not set (scripts/postgres.sh start DIR prints a URL)")
	}
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("ipgraph_e2e_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := db.Exec("CREATE SCHEMA " + name); err != nil {
		db.Close()
		t.Fatalf("create schema in IPGRAPH_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + name + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
		db.Close()
	})
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("IPGRAPH_TEST_POSTGRES must be a postgres:// URL: %q %v", base, err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

func statsOf(t *testing.T, backend, db string) map[string]interface{} {
	t.Helper()
	return stats(t, db, "--backend", backend)
}

// TestPostgresEndToEnd loads the shared corpus into PostgreSQL through the
// `load` command and checks that the store, and GraphQL over HTTP on it,
// are the same as with Bolt.
func TestPostgresEndToEnd(t *testing.T) {
	pg := postgresURL(t)
	corpus := sharedCorpus(t)
	bolt := filepath.Join(t.TempDir(), "g.db")
	if code, _, errOut := ipgraph(t, "load", "-q", "--db", bolt, corpus); code != 0 {
		t.Fatalf("load into bolt: %d %s", code, errOut)
	}
	code, out, errOut := ipgraph(t, "load", "--backend", "postgres", "--db", pg, corpus)
	if code != 0 {
		t.Fatalf("load into postgres: %d %s %s", code, out, errOut)
	}
	if !strings.Contains(out, "loaded 5 of 5 documents") {
		t.Errorf("load into postgres: %s", out)
	}

	// The same quads, nodes, documents, entities and relations.
	want, got := statsOf(t, "bolt", bolt), statsOf(t, "postgres", pg)
	if !equalJSON(want, got) {
		w, _ := json.MarshalIndent(want, "", " ")
		g, _ := json.MarshalIndent(got, "", " ")
		t.Errorf("stats on postgres\n%s\ndiffer from bolt\n%s", g, w)
	}
	if got["documents"].(float64) != 5 || got["quads"].(float64) < 1000 {
		t.Errorf("postgres stats = %v", got)
	}

	// Loading again writes nothing.
	code, out, errOut = ipgraph(t, "load", "--backend", "postgres", "--db", pg, corpus)
	if code != 0 || !strings.Contains(out, "0 quads added, 0 removed") {
		t.Errorf("second load: %d %s %s", code, out, errOut)
	}
	if again := statsOf(t, "postgres", pg); !equalJSON(got, again) {
		t.Errorf("stats after the second load\n%v\ndiffer from the first\n%v", again, got)
	}
	code, out, _ = ipgraph(t, "verify", "--backend", "postgres", "--db", pg)
	if code != 0 || !strings.Contains(out, "5 documents") || !strings.Contains(out, " 0 problems") {
		t.Errorf("verify: %d %s", code, out)
	}

	// GraphQL over HTTP answers the same on both stores: as `serve` runs
	// (read-only, with the in-memory index) and, on PostgreSQL, also
	// straight from the store.
	boltSrv := graphqlServer(t, graph.Options{Backend: graph.BackendBolt, Path: bolt, ReadOnly: true}, true)
	pgSrvs := map[string]string{
		"index": graphqlServer(t, graph.Options{Backend: graph.BackendPostgres, Path: pg, ReadOnly: true}, true),
		"store": graphqlServer(t, graph.Options{Backend: graph.BackendPostgres, Path: pg, ReadOnly: true}, false),
	}
	cnipa := graphqlPost(t, boltSrv, `{ entity(name: "CNIPA") { id type relations { predicate } } }`)
	if !strings.Contains(cnipa, `"id":"cnipa"`) || !strings.Contains(cnipa, `"predicate"`) {
		t.Fatalf("bolt: no CNIPA with relations: %s", cnipa)
	}
	cases := []string{
		`{ entity(name: "CNIPA") { id name type aliases
		     relations { predicate source { id name } target { id name type } evidence { document { id } sentence offset } }
		     statistics { id metric value unit period reportedBy { id } evidence { sentence offset } }
		     documents { id title date source } evidence(first: 5) { sentence offset } } }`,
		`{ entity(id: "cnipa") { relations(direction: OUT, first: 3) { predicate target { id } } } }`,
		`{ documents { id title date source entities { id type } statistics { id value } } }`,
		`{ stats { documents statistics entities { name count } relations { name count } } }`,
		`{ search(text: "patent", first: 10) { id name type } }`,
		`{ entities(type: AGENCY, first: 20) { id name aliases } }`,
		`{ statistics(metric: "patents", first: 20) { id metric value unit period subject { id } evidence { document { id } sentence offset } } }`,
		`{ neighbors(id: "cnipa", depth: 2) { nodes { id } relations { predicate source { id } target { id } } } }`,
		`{ paths(from: "cnipa", to: "wipo", maxLength: 3, first: 5) { length nodes { id } relations { predicate } } }`,
	}
	for _, q := range cases {
		want := graphqlPost(t, boltSrv, q)
		for name, srv := range pgSrvs {
			if got := graphqlPost(t, srv, q); got != want {
				t.Errorf("postgres (%s) answers %s\ndifferently from bolt:\n%s", name, q, firstDifference(got, want))
			}
		}
	}
}

// graphqlServer serves the store opts names as `serve` does and returns
// its base URL.
func graphqlServer(t *testing.T, opts graph.Options, index bool) string {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	svc := queries.New(store)
	if index {
		if _, err := svc.UseIndex(ctx); err != nil {
			t.Fatal(err)
		}
	}
	h, err := schema.NewHandler(svc, schema.Options{Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// graphqlPost posts a query and returns the response body; an error or a
// status other than 200 fails the test.
func graphqlPost(t *testing.T, base, query string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r struct {
		Errors []interface{} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &r); err != nil || resp.StatusCode != 200 || len(r.Errors) > 0 {
		t.Fatalf("query %s: %d %s", query, resp.StatusCode, clip(string(raw)))
	}
	return normalizeTruncated(t, raw)
}

// normalizeTruncated sorts extensions.truncated, whose entries come in the
// order concurrent resolvers finished (on any backend).
func normalizeTruncated(t *testing.T, raw []byte) string {
	var r map[string]json.RawMessage
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	var ext map[string][]json.RawMessage
	if r["extensions"] == nil || json.Unmarshal(r["extensions"], &ext) != nil || ext["truncated"] == nil {
		return string(raw)
	}
	slices.SortFunc(ext["truncated"], func(a, b json.RawMessage) int { return bytes.Compare(a, b) })
	r["extensions"], _ = json.Marshal(ext)
	out, _ := json.Marshal(r)
	return string(out)
}

// firstDifference shows where two answers part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-300, 0)
	return fmt.Sprintf("at byte %d of %d/%d:\npostgres …%s\nbolt     …%s", i, len(got), len(want), clip(got[from:min(i+300, len(got))]), clip(want[from:min(i+300, len(want))]))
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
