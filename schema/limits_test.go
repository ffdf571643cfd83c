package schema_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/schema"
)

const gqlMedia = "application/graphql-response+json"

// ask POSTs a GraphQL request accepting the GraphQL response media type.
func ask(t testing.TB, h http.Handler, query string, vars map[string]interface{}) (int, string, result) {
	t.Helper()
	body, _ := json.Marshal(map[string]interface{}{"query": query, "variables": vars})
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", gqlMedia)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var r result
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("body is not JSON: %v: %s", err, rec.Body.String())
	}
	return rec.Code, rec.Header().Get("Content-Type"), r
}

func handler(t testing.TB, opts schema.Options) http.Handler {
	t.Helper()
	return handlerOver(t, loaderstest.Store(t, loaderstest.SmallFixture), opts)
}

// nested is a valid query whose selections nest depth levels deep, one
// relation per level so that it stays small when it runs.
func nested(depth int) string { return deepRelations("cnipa", depth, "relations(first: 1)") }

func aliases(n int) string {
	var b strings.Builder
	b.WriteString("{ ")
	for i := range n {
		fmt.Fprintf(&b, "a%d: documents(first: 1) { id } ", i)
	}
	b.WriteString("}")
	return b.String()
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLimits(t *testing.T) {
	h := handler(t, schema.Options{})
	fanOut := func(levels int) string {
		var b strings.Builder
		b.WriteString("query { ...F0 }\n")
		for i := range levels {
			fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
		}
		fmt.Fprintf(&b, "fragment F%d on Query { documents { id } }\n", levels)
		return b.String()
	}
	tests := []struct {
		name, query string
		vars        map[string]interface{}
		code        string // "" for success
		message     string // part of the first error's message
	}{
		{"15 deep passes", nested(15), nil, "", ""},
		{"16 deep", nested(16), nil, schema.CodeTooDeep, "16 levels deep"},
		{"50 deep", nested(50), nil, schema.CodeTooDeep, "50 levels deep"},
		{"50 deep of unknown fields", "{" + strings.Repeat(" a {", 49) + " b" + strings.Repeat(" }", 50), nil, schema.CodeTooDeep, ""},
		{"10,000 nested brackets", strings.Repeat("{", 10000) + strings.Repeat("}", 10000), nil, schema.CodeTooDeep, "brackets"},
		{"brackets in strings and comments do not count", `{ search(text: "` + strings.Repeat("{", 200) + `") { id } # ` + strings.Repeat("[", 200) + "\n" +
			` e: search(text: """` + strings.Repeat("(", 200) + `\""" """) { id } }`, nil, "", ""},
		{"depth through fragments", `{ entity(id: "cnipa") { ...R } }
			fragment R on Entity { relations(first: 1) { target { relations(first: 1) { target { relations(first: 1) { target { ...S } } } } } } }
			fragment S on Entity { relations(first: 1) { target { relations(first: 1) { target { relations(first: 1) { target { relations(first: 1) { target { id } } } } } } } } }`,
			nil, schema.CodeTooDeep, "16 levels deep"},
		{"fragment cycle", `{ entity(id: "cnipa") { ...A } }
			fragment A on Entity { relations { target { ...B } } }
			fragment B on Entity { name ...A }`, nil, "GRAPHQL_VALIDATION_FAILED", `Cannot spread fragment "A" within itself via "B"`},
		{"fragment spreading itself", `{ entity(id: "cnipa") { ...A } } fragment A on Entity { ...A }`, nil, "GRAPHQL_VALIDATION_FAILED", "within itself"},
		{"cycle in an unused fragment", `{ documents { id } } fragment A on Entity { ...B } fragment B on Entity { ...A }`, nil, "GRAPHQL_VALIDATION_FAILED", "within itself"},
		{"fragment fan-out 2^40", fanOut(40), nil, schema.CodeTooComplex, "costs"},
		{"200 aliases pass", aliases(200), nil, "", ""},
		{"1,000 aliases", aliases(1000), nil, schema.CodeTooComplex, "1000 fields"},
		{"huge first is capped", `{ entities(first: 1000000000) { id } }`, nil, "", ""},
		{"huge first nested", `{ entities(first: 1000000) { relations(first: 1000000) { target { relations(first: 1000000) { predicate } } } } }`,
			nil, schema.CodeTooComplex, "over the budget"},
		{"huge first in a variable", `query($n: Int) { entities(first: $n) { relations(first: $n) { target { relations(first: $n) { predicate } } } } }`,
			map[string]interface{}{"n": 1e12}, schema.CodeTooComplex, "over the budget"},
		{"huge first in a variable default", `query($n: Int = 1000000) { entities(first: $n) { relations(first: $n) { target { relations(first: $n) { predicate } } } } }`,
			nil, schema.CodeTooComplex, "over the budget"},
		{"small first in a variable", `query($n: Int) { entities(first: $n) { relations(first: $n) { target { relations(first: $n) { predicate } } } } }`,
			map[string]interface{}{"n": 3}, "", ""},
		{"GraphiQL introspection", readFile(t, "testdata/graphiql-introspection.graphql"), nil, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			status, ctype, r := ask(t, h, tc.query, tc.vars)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %s", d)
			}
			if !strings.HasPrefix(ctype, gqlMedia) {
				t.Errorf("Content-Type = %q", ctype)
			}
			if tc.code == "" {
				if status != 200 || len(r.Errors) > 0 {
					t.Fatalf("status %d, errors %+v", status, r.Errors)
				}
				if r.Data == nil {
					t.Fatal("no data")
				}
				return
			}
			if status != http.StatusBadRequest {
				t.Errorf("status = %d, want 400", status)
			}
			if r.Data != nil {
				t.Errorf("data = %v, want none", r.Data)
			}
			if len(r.Errors) == 0 {
				t.Fatal("no errors")
			}
			e := r.Errors[0]
			if e.Extensions["code"] != tc.code || !strings.Contains(e.Message, tc.message) {
				t.Errorf("error = %q %v, want code %s and %q", e.Message, e.Extensions, tc.code, tc.message)
			}
		})
	}
}

func TestIntrospectionQueries(t *testing.T) {
	h := handler(t, schema.Options{})
	// The query GraphiQL sends (graphql-js getIntrospectionQuery with its
	// defaults). graphql-go v0.8.1 knows no newer introspection fields
	// (__Schema.description, isRepeatable, input value deprecation).
	for _, file := range []string{"testdata/graphiql-introspection.graphql"} {
		t.Run(file, func(t *testing.T) {
			status, _, r := ask(t, h, readFile(t, file), nil)
			if status != 200 || len(r.Errors) > 0 {
				t.Fatalf("status %d, errors %+v", status, r.Errors)
			}
			sch, _ := r.Data["__schema"].(map[string]interface{})
			if types, _ := sch["types"].([]interface{}); len(types) < 10 {
				t.Errorf("introspection returned %d types", len(types))
			}
		})
	}
}

// TestLimitsLegacyJSON checks that a client asking for application/json
// gets the limit errors with 200, as GraphQL over HTTP has it.
func TestLimitsLegacyJSON(t *testing.T) {
	h := handler(t, schema.Options{MaxDepth: 3})
	req := httptest.NewRequest("GET", "/graphql?query="+strings.ReplaceAll(nested(4), " ", "+"), nil)
	req.Header.Set("Accept", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var r result
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if rec.Code != 200 || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != schema.CodeTooDeep {
		t.Errorf("status %d, body %s", rec.Code, rec.Body.String())
	}
}

// TestCacheConcurrent runs the same and different queries from many
// goroutines (meaningful under -race) and checks every answer.
func TestCacheConcurrent(t *testing.T) {
	h := handler(t, schema.Options{CacheSize: 4})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				q := fmt.Sprintf(`{ documents(first: %d) { id } }`, (g+i)%6+1)
				status, _, r := ask(t, h, q, nil)
				if status != 200 || len(r.Errors) > 0 || r.Data["documents"] == nil {
					t.Errorf("%s: status %d errors %+v", q, status, r.Errors)
					return
				}
				status, _, r = ask(t, h, `{ nope }`, nil)
				if status != 400 || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" {
					t.Errorf("invalid query: status %d errors %+v", status, r.Errors)
					return
				}
			}
		}()
	}
	wg.Wait()
}

const benchQuery = `query Hop2($id: ID) {
  entity(id: $id) {
    id name type
    relations(first: 20) {
      predicate
      target { id name type relations(first: 20) { predicate target { id name } } }
      evidence { sentence offset document { id title } }
    }
  }
}`

func benchGraphQL(b *testing.B, cacheSize int) {
	h := handler(b, schema.Options{CacheSize: cacheSize})
	body, _ := json.Marshal(map[string]interface{}{"query": benchQuery, "variables": map[string]interface{}{"id": "cnipa"}})
	if status, _, r := ask(b, h, benchQuery, map[string]interface{}{"id": "cnipa"}); status != 200 || len(r.Errors) > 0 {
		b.Fatalf("status %d errors %+v", status, r.Errors)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/graphql", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Body.String())
		}
	}
}

// BenchmarkGraphQLCached is a 2-hop query through the handler with the
// document cache (parse and validation skipped after the first request).
func BenchmarkGraphQLCached(b *testing.B) { benchGraphQL(b, 0) }

// BenchmarkGraphQLCachedBaseline is the same query with the cache off.
func BenchmarkGraphQLCachedBaseline(b *testing.B) { benchGraphQL(b, -1) }
