package schema_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/schema"
)

// server serves the small fixture with opts.
func server(t testing.TB, opts schema.Options) *httptest.Server {
	t.Helper()
	return serve(t, loaderstest.Store(t, loaderstest.SmallFixture), opts)
}

// handlerOver is the HTTP handler over store with opts.
func handlerOver(t testing.TB, store *graph.Store, opts schema.Options) http.Handler {
	t.Helper()
	h, err := schema.NewHandler(queries.New(store), opts)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// serve serves store over httptest until the test ends.
func serve(t testing.TB, store *graph.Store, opts schema.Options) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(handlerOver(t, store, opts))
	t.Cleanup(srv.Close)
	return srv
}

type result struct {
	Data   map[string]interface{} `json:"data"`
	Errors []struct {
		Message    string                 `json:"message"`
		Extensions map[string]interface{} `json:"extensions"`
	} `json:"errors"`
	Extensions map[string]interface{} `json:"extensions"`
}

func post(t *testing.T, srv *httptest.Server, query string, vars map[string]interface{}) result {
	t.Helper()
	body, _ := json.Marshal(map[string]interface{}{"query": query, "variables": vars})
	resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r result
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Errorf("status %d for %s", resp.StatusCode, query)
	}
	return r
}

// wantData posts query and checks that it has no errors and that its data,
// as JSON, is want.
func wantData(t *testing.T, srv *httptest.Server, query, want string) result {
	t.Helper()
	r := post(t, srv, query, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
	if got, _ := json.Marshal(r.Data); string(got) != want {
		t.Errorf("data =\n%s\nwant\n%s", got, want)
	}
	return r
}

func TestQueries(t *testing.T) {
	srv := server(t, schema.Options{})
	tests := []struct {
		name, query string
		want        string // JSON of data
	}{
		{"entity by alias", `{ entity(name: "CNIPA") { id name type aliases } }`,
			`{"entity":{"aliases":["CNIPA"],"id":"cnipa","name":"China National Intellectual Property Administration","type":"AGENCY"}}`},
		{"missing entity", `{ entity(name: "Atlantis Patent Office") { id } }`, `{"entity":null}`},
		{"relations out with evidence", `{ entity(id: "cnipa") { relationCount(direction: OUT)
			relations(direction: OUT, predicates: ["runs"]) { predicate target { name ... on Program { id } } evidence { sentence offset document { id } } } } }`,
			`{"entity":{"relationCount":3,"relations":[{"evidence":[{"document":{"id":"a.txt"},"offset":288,"sentence":"The CNIPA runs the patent open-licensing pilot."}],"predicate":"runs","target":{"id":"patent_open_licensing_pilot","name":"patent open-licensing pilot"}}]}}`},
		{"search by type", `{ search(text: "intellectual", types: [AGENCY], first: 2) { id } }`,
			`{"search":[{"id":"sipo"},{"id":"wipo"}]}`},
		{"paths", `{ paths(from: "shen_changyu", to: "wipo") { length nodes { id } relations { predicate } } }`,
			`{"paths":[{"length":2,"nodes":[{"id":"shen_changyu"},{"id":"cnipa"},{"id":"wipo"}],"relations":[{"predicate":"memberOf"},{"predicate":"cooperatesWith"}]}]}`},
		{"paths with filters", `{ a: paths(from: "sipo", to: "samr", types: [PROGRAM]) { length } b: paths(from: "shen_changyu", to: "wipo", predicates: ["memberOf", "cooperatesWith"]) { length } }`,
			`{"a":[],"b":[{"length":2}]}`},
		{"neighbors", `{ neighbors(id: "sipo", types: [AGENCY]) { nodes { id } relations { predicate } } }`,
			`{"neighbors":{"nodes":[{"id":"sipo"},{"id":"cnipa"}],"relations":[{"predicate":"succeededBy"}]}}`},
		{"statistics series", `{ statistics(metric: "valid invention patents", subject: "china") { value period reportedBy { id } evidence { document { date } } } }`,
			`{"statistics":[{"evidence":{"document":{"date":"2019"}},"period":"2019","reportedBy":null,"value":1862000},{"evidence":{"document":{"date":"2024-07-29"}},"period":"2024-06","reportedBy":{"id":"cnipa"},"value":4425000}]}`},
		{"documents", `{ documents { id title entityCount statisticCount entities(type: PERSON) { name } } }`,
			`{"documents":[{"entities":[{"name":"Shen Changyu"}],"entityCount":5,"id":"a.txt","statisticCount":2,"title":"Briefing on patent work"},{"entities":[],"entityCount":4,"id":"b.txt","statisticCount":1,"title":"Annual report 2019"}]}`},
		{"entities paged by after", `{ entities(type: AGENCY, after: "samr", first: 1) { id } }`, `{"entities":[{"id":"sipo"}]}`},
		{"stats", `{ stats { documents statistics entities { name count } } }`,
			`{"stats":{"documents":2,"entities":[{"count":4,"name":"Agency"},{"count":0,"name":"Law"},{"count":1,"name":"Program"},{"count":1,"name":"Region"},{"count":1,"name":"Person"},{"count":0,"name":"Organization"}],"statistics":3}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantData(t, srv, tc.query, tc.want)
		})
	}
}

func TestTruncationIsReported(t *testing.T) {
	srv := server(t, schema.Options{})
	r := post(t, srv, `{ entities(first: 2) { id } }`, nil)
	tr, ok := r.Extensions["truncated"].([]interface{})
	if !ok || len(tr) != 1 {
		t.Fatalf("extensions = %v, want one truncated list", r.Extensions)
	}
	item := tr[0].(map[string]interface{})
	if item["total"].(float64) != 7 || item["path"].([]interface{})[0] != "entities" {
		t.Errorf("truncated = %v", item)
	}
	r = post(t, srv, `{ entities(first: 100) { id } }`, nil)
	if r.Extensions != nil {
		t.Errorf("a whole list reported truncated: %v", r.Extensions)
	}
}

func TestHTTPErrors(t *testing.T) {
	srv := server(t, schema.Options{MaxBodyBytes: 4096})
	gql := "application/graphql-response+json"
	tests := []struct {
		name, method, path, ctype, accept, body string
		status                                  int
		code                                    string
	}{
		{"GET query", "GET", "/graphql?query=" + url.QueryEscape("{ documents { id } }"), "", "", "", 200, ""},
		{"GET mutation", "GET", "/graphql?query=" + url.QueryEscape("mutation { x }"), "", gql, "", 405, "METHOD_NOT_ALLOWED"},
		{"no query", "GET", "/graphql", "", "", "", 400, "BAD_REQUEST"},
		{"malformed JSON", "POST", "/graphql", "application/json", "", `{"query":`, 400, "BAD_REQUEST"},
		{"wrong content type", "POST", "/graphql", "text/plain", "", `{ documents { id } }`, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"unacceptable", "POST", "/graphql", "application/json", "text/html", `{"query":"{ documents { id } }"}`, 406, "NOT_ACCEPTABLE"},
		{"parse error", "POST", "/graphql", "application/json", gql, `{"query":"{ documents { id "}`, 400, "GRAPHQL_PARSE_FAILED"},
		{"validation error", "POST", "/graphql", "application/json", gql, `{"query":"{ nope }"}`, 400, "GRAPHQL_VALIDATION_FAILED"},
		{"validation error, legacy JSON", "POST", "/graphql", "application/json", "application/json", `{"query":"{ nope }"}`, 200, "GRAPHQL_VALIDATION_FAILED"},
		{"bad argument", "POST", "/graphql", "application/json", gql, `{"query":"{ neighbors(id: \"cnipa\", depth: 9) { nodes { id } } }"}`, 200, "BAD_USER_INPUT"},
		{"body too large", "POST", "/graphql", "application/json", "", `{"query":"` + strings.Repeat(" ", 5000) + `{ documents { id } }"}`, 413, "PAYLOAD_TOO_LARGE"},
		{"PUT", "PUT", "/graphql", "application/json", "", `{}`, 405, "METHOD_NOT_ALLOWED"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, srv.URL+tc.path, strings.NewReader(tc.body))
			if tc.ctype != "" {
				req.Header.Set("Content-Type", tc.ctype)
			}
			if tc.accept != "" {
				req.Header.Set("Accept", tc.accept)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var r result
			if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
				t.Fatalf("body is not JSON: %v", err)
			}
			if resp.StatusCode != tc.status {
				t.Errorf("status = %d, want %d (%+v)", resp.StatusCode, tc.status, r.Errors)
			}
			if tc.code == "" {
				if len(r.Errors) > 0 {
					t.Errorf("errors: %+v", r.Errors)
				}
				return
			}
			if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != tc.code {
				t.Errorf("errors = %+v, want code %s", r.Errors, tc.code)
			}
		})
	}
}

func TestIntrospectionHealthAndCORS(t *testing.T) {
	srv := server(t, schema.Options{})
	r := post(t, srv, `{ __schema { queryType { name } types { name } } __type(name: "Entity") { kind possibleTypes { name } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	typ := r.Data["__type"].(map[string]interface{})
	if typ["kind"] != "INTERFACE" || len(typ["possibleTypes"].([]interface{})) != 6 {
		t.Errorf("Entity = %v", typ)
	}
	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.TrimSpace(string(body)) != "ok" {
		t.Errorf("healthz = %d %q", resp.StatusCode, body)
	}
	req, _ := http.NewRequest("OPTIONS", srv.URL+"/graphql", nil)
	req.Header.Set("Origin", "http://notebook.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "content-type")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" {
		t.Errorf("preflight Allow-Origin = %q", got)
	}
}
