package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/schema"
)

// Hostile queries (issue 7): every input below is answered within the
// request timeout, with an error carrying extensions.code or a result
// that says it was truncated, and the server still answers /healthz.

const (
	// hostileTimeout is the per-request timeout of the servers under test:
	// small, so that the timeout path is exercised.
	hostileTimeout = 2 * time.Second
	// hostileSlack is what a response may take beyond the timeout
	// (encoding, scheduling on a busy two-core machine), times slowdown.
	hostileSlack = 1500 * time.Millisecond
)

// slowdown is how much slower than usual the test binary runs: 3 under
// the race detector (make test runs it so), 1 otherwise.
var slowdown = func() time.Duration {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" && s.Value == "true" {
				return 3
			}
		}
	}
	return 1
}()

// trapDocument is a synthetic document whose graph makes a path search
// between its two hubs expensive: the hubs (the most connected entities
// of the store) are joined by one path only, hub-a – bridge – hub-b, and
// the bridge also cooperates with a clique of offices that all cooperate
// with each other. Every walk into the clique is a dead end (its only
// exit is the bridge, already on the path), but each office is two
// relations from hub-b, so a search bounded by distances alone explores
// the clique's simple walks: about clique^(maxLength-4) of them.
func trapDocument(clique, leaves int) *loaders.Extraction {
	ex := &loaders.Extraction{Doc: "hostile_trap.txt", Title: "Synthetic cooperation network", Date: "2024-01-01"}
	offset := 0
	sentence := func(text string) loaders.Sentence {
		s := loaders.Sentence{Text: text, Offset: offset}
		offset += len(text) + 1
		return s
	}
	entity := func(typ loaders.EntityType, id, name string) string {
		ex.Entities = append(ex.Entities, loaders.Entity{ID: id, Type: typ, Name: name, Aliases: []string{},
			Mentions: []loaders.Sentence{sentence("The network includes " + name + ".")}})
		return id
	}
	relate := func(subj, pred, obj string) {
		s := sentence(fmt.Sprintf("%s %s %s.", subj, pred, obj))
		ex.Relations = append(ex.Relations, loaders.Relation{Subject: subj, Predicate: pred, Object: obj, Sentence: s.Text, Offset: s.Offset})
	}
	hubA := entity(loaders.Agency, "hostile-hub-a", "Hostile Hub Office A")
	hubB := entity(loaders.Agency, "hostile-hub-b", "Hostile Hub Office B")
	bridge := entity(loaders.Agency, "hostile-bridge", "Hostile Bridge Office")
	for i := range leaves {
		relate(hubA, "runs", entity(loaders.Program, fmt.Sprintf("hostile-a-program-%d", i), fmt.Sprintf("Hostile A Program %d", i)))
		relate(hubB, "runs", entity(loaders.Program, fmt.Sprintf("hostile-b-program-%d", i), fmt.Sprintf("Hostile B Program %d", i)))
	}
	relate(hubA, "cooperatesWith", bridge)
	relate(bridge, "cooperatesWith", hubB)
	offices := make([]string, clique)
	for i := range offices {
		offices[i] = entity(loaders.Organization, fmt.Sprintf("hostile-office-%d", i), fmt.Sprintf("Hostile Partner Office %d", i))
		relate(bridge, "cooperatesWith", offices[i])
	}
	for i := range offices {
		for j := i + 1; j < len(offices); j++ {
			relate(offices[i], "cooperatesWith", offices[j])
		}
	}
	return ex
}

// hostileStore is the seed corpus (required under CI=true) and the trap
// document in one memory store.
func hostileStore(t *testing.T) *graph.Store {
	t.Helper()
	corpus := filepath.Join("..", "..", "shared", "corpus")
	var store *graph.Store
	if _, err := os.Stat(corpus); err == nil {
		store = loaderstest.CorpusStore(t, corpus)
	} else if os.Getenv("CI") == "true" {
		t.Fatalf("shared corpus missing under CI: %v", err)
	} else {
		t.Logf("shared corpus missing (%v): the trap document alone", err)
		store = loaderstest.MemoryStore(t)
	}
	if _, err := loaders.Write(context.Background(), store, trapDocument(60, 120)); err != nil {
		t.Fatal(err)
	}
	return store
}

// mostConnected returns the ids of the two entities with the most
// relations, highest first.
func mostConnected(t *testing.T, svc *queries.Service) (string, string) {
	t.Helper()
	ctx := context.Background()
	es, err := svc.Entities(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	type degree struct {
		id string
		n  int
	}
	ds := make([]degree, 0, len(es))
	for _, e := range es {
		rs, err := svc.Relations(ctx, e.IRI, nil, queries.Both)
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, degree{e.ID, len(rs)})
	}
	if len(ds) < 2 {
		t.Fatalf("%d entities", len(ds))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].n > ds[j].n || (ds[i].n == ds[j].n && ds[i].id < ds[j].id) })
	t.Logf("most connected: %s (%d relations), %s (%d)", ds[0].id, ds[0].n, ds[1].id, ds[1].n)
	return ds[0].id, ds[1].id
}

// hostileCase is one hostile request and what may answer it.
type hostileCase struct {
	name string
	// request builds the request against the server's base URL.
	request func(base string) *http.Request
	// status is the wanted HTTP status; codes are the acceptable values
	// of errors[0].extensions.code ("" for none).
	status int
	codes  []string
	// truncated accepts, instead of an error, a 200 whose
	// extensions.truncated names at least one list.
	truncated bool
	// transportError accepts a connection the server closed before the
	// client could read a response (net/http refusing a huge request
	// line may do that while the client is still writing).
	transportError bool
	// plain accepts a body that is not JSON (net/http's own 431).
	plain bool
	// ok accepts a 200 with data and no errors: the input is large but
	// harmless.
	ok bool
	// maxErrors, when not 0, bounds the errors of the answer.
	maxErrors int
}

func gqlPost(body []byte) func(string) *http.Request {
	return func(base string) *http.Request {
		req, _ := http.NewRequest("POST", base+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", gqlMedia)
		return req
	}
}

func gqlQuery(query string, vars map[string]interface{}) func(string) *http.Request {
	body, err := json.Marshal(map[string]interface{}{"query": query, "variables": vars})
	if err != nil {
		panic(err)
	}
	return gqlPost(body)
}

// gqlRaw POSTs query as the whole body, of type application/graphql.
func gqlRaw(query string) func(string) *http.Request {
	return func(base string) *http.Request {
		req, _ := http.NewRequest("POST", base+"/graphql", strings.NewReader(query))
		req.Header.Set("Content-Type", "application/graphql")
		req.Header.Set("Accept", gqlMedia)
		return req
	}
}

func gqlGet(rawQuery string) func(string) *http.Request {
	return func(base string) *http.Request {
		req, _ := http.NewRequest("GET", base+"/graphql?"+rawQuery, nil)
		req.Header.Set("Accept", gqlMedia)
		return req
	}
}

// deepRelations nests entity { relations { target { relations … } } }
// depth levels deep, with relations as the list field's selection (e.g.
// "relations" or "relations(first: 1)"), then a leaf.
func deepRelations(id string, depth int, relations string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "{ entity(id: %q) { ", id)
	for i := 2; i < depth; i++ {
		if i%2 == 0 {
			b.WriteString(relations + " { ")
		} else {
			b.WriteString("target { ")
		}
	}
	if depth%2 == 0 {
		b.WriteString("name ")
	} else {
		b.WriteString("predicate ")
	}
	b.WriteString(strings.Repeat("} ", depth))
	return b.String()
}

func repeated(n int, format string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// fragmentChain is a query spreading F0, where Fi spreads Fi+1 and the
// last spreads F0 again.
func fragmentChain(n int) string {
	var b strings.Builder
	b.WriteString(`{ entity(id: "cnipa") { ...F0 } }` + "\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Entity { name ...F%d }\n", i, (i+1)%n)
	}
	return b.String()
}

// fragmentsOfDistinctFields defines fragments F0… on Entity of fields
// each, all with distinct aliases.
func fragmentsOfDistinctFields(fragments, fields int) string {
	var b strings.Builder
	for f := range fragments {
		fmt.Fprintf(&b, "fragment F%d on Entity { ", f)
		for i := range fields {
			fmt.Fprintf(&b, "f%d_%d: name ", f, i)
		}
		b.WriteString("} ")
	}
	return b.String()
}

// deepIntrospection is __schema { types { fields { type { fields … } } } }
// depth levels deep.
func deepIntrospection(depth int) string {
	k := (depth - 3) / 2
	return "{ __schema { types { " + strings.Repeat("fields { type { ", k) + "name" + strings.Repeat(" } }", k) + " } } }"
}

// padded spreads query over about size bytes, a comment line between
// every two of its tokens.
func padded(query string, size int) string {
	words := strings.Fields(query)
	pad := "#" + strings.Repeat(" padding", max(size/len(words)/8, 1)) + "\n"
	return strings.Join(words, "\n"+pad)
}

func hostileCases(a, b string) []hostileCase {
	tooComplex := []string{schema.CodeTooComplex}
	invalid := []string{"GRAPHQL_VALIDATION_FAILED"}
	pathsQuery := fmt.Sprintf(`{ paths(from: %q, to: %q, maxLength: 8, first: 1000) { length nodes { id name } relations { predicate } } }`, a, b)
	bigVars := map[string]interface{}{"blob": strings.Repeat("x", 10<<20)}
	return []hostileCase{
		{name: "50-deep nesting", request: gqlQuery(deepRelations(a, 50, "relations"), nil), status: 400, codes: []string{schema.CodeTooDeep}},
		{name: "1,000 aliases of one field", request: gqlQuery("{ "+repeated(1000, `a%d: entity(id: "cnipa") { name } `)+"}", nil),
			status: 400, codes: tooComplex},
		{name: "fragment cycle", request: gqlQuery(`{ entity(id: "cnipa") { ...A } } fragment A on Entity { ...B } fragment B on Entity { ...A }`, nil),
			status: 400, codes: invalid},
		{name: "fragment cycle through 99 fragments", request: gqlQuery(fragmentChain(99), nil),
			status: 400, codes: invalid},
		{name: "fragment cycle through 5,000 fragments", request: gqlQuery(fragmentChain(5000), nil),
			status: 400, codes: tooComplex},
		{name: "10 MB of variables in a POST", request: gqlQuery(`query($blob: String) { entity(name: $blob) { id } }`, bigVars),
			status: 413, codes: []string{"PAYLOAD_TOO_LARGE"}, transportError: true},
		{name: "10 MB of variables in a GET", request: gqlGet("query=" + url.QueryEscape(`query($blob: String) { entity(name: $blob) { id } }`) +
			"&variables=" + url.QueryEscape(`{"blob":"`+strings.Repeat("x", 10<<20)+`"}`)),
			status: 431, plain: true, transportError: true},
		{name: "GET query string over the body cap", request: gqlGet("query=" + url.QueryEscape("{ __typename }") + "&variables=" +
			url.QueryEscape(`{"blob":"`+strings.Repeat("x", 1<<20)+`"}`)),
			status: 414, codes: []string{"URI_TOO_LONG"}},
		{name: "paths maxLength 10 between the most connected", request: gqlQuery(fmt.Sprintf(`{ paths(from: %q, to: %q, maxLength: 10) { length } }`, a, b), nil),
			status: 200, codes: []string{"BAD_USER_INPUT"}},
		{name: "paths maxLength 8 first 1000 between the most connected", request: gqlQuery(pathsQuery, nil),
			status: 200, codes: []string{"TIMEOUT"}, truncated: true},
		{name: "paths maxLength 8 default first between the most connected",
			request: gqlQuery(fmt.Sprintf(`{ paths(from: %q, to: %q, maxLength: 8) { length } }`, a, b), nil),
			status:  200, codes: []string{"TIMEOUT"}, truncated: true},
		{name: "20 aliased paths searches", request: gqlQuery("{ "+repeated(20, fmt.Sprintf(`p%%d: paths(from: %q, to: %q, maxLength: 8, first: 1000) { length } `, a, b))+"}", nil),
			status: 200, codes: []string{"TIMEOUT"}, truncated: true},
		{name: "paths first 2^31-1 between the most connected", request: gqlQuery(fmt.Sprintf(`{ paths(from: %q, to: %q, maxLength: 8, first: 2147483647) { length } }`, a, b), nil),
			status: 200, codes: []string{"TIMEOUT"}, truncated: true},
		{name: "200 aliased paths searches", request: gqlQuery("{ "+repeated(200, fmt.Sprintf(`p%%d: paths(from: %q, to: %q, maxLength: 8) { length } `, a, b))+"}", nil),
			status: 200, codes: []string{"TIMEOUT"}},
		{name: "neighbors depth 3 fanning out", request: gqlQuery(fmt.Sprintf(`{ neighbors(id: %q, depth: 3) { nodes { relations(first: 1000) { target { relations(first: 1000) { target { name } } } } } } }`, a), nil),
			status: 400, codes: tooComplex},
		{name: "neighbors depth 3 fanning out within the budget", request: gqlQuery(fmt.Sprintf(`{ neighbors(id: %q, depth: 3) { nodes { id relations(first: 50) { target { relations(first: 50) { target { name } } } } } } }`, a), nil),
			status: 200, codes: []string{schema.CodeTooComplex, "TIMEOUT"}, truncated: true},
		{name: "1 MiB of comments", request: gqlRaw(strings.Repeat("# hostile comment, nothing else on the line\n", (1<<20-64)/44)),
			status: 400, codes: []string{"GRAPHQL_PARSE_FAILED"}},
		{name: "1 MiB of comments before a query", request: gqlRaw(strings.Repeat("# hostile comment, nothing else on the line\n", (1<<20-64)/44) + "{ __typename }"),
			status: 200, ok: true, codes: []string{"TIMEOUT"}},
		{name: "1 MiB of whitespace", request: gqlRaw(strings.Repeat(" \t\r\n", (1<<20-64)/4)),
			status: 400, codes: []string{"BAD_REQUEST"}},
		{name: "1 MiB of names", request: gqlRaw("{ " + strings.Repeat("__typename ", (1<<20-64)/11) + "}"),
			status: 400, codes: tooComplex},
		{name: "1 MiB block string of lines", request: gqlRaw(`{ entity(name: """` + strings.Repeat("x\n", (1<<20-64)/2) + `""") { id } }`),
			status: 400, codes: tooComplex},
		{name: "1 MiB list value", request: gqlRaw(`{ search(text: "x", types: [` + strings.Repeat("AGENCY,", (1<<20-64)/7) + `]) { id } }`),
			status: 400, codes: tooComplex},
		{name: "99 unused fragments", request: gqlQuery("{ __typename } "+repeated(99, "fragment F%d on Query { __typename } "), nil),
			status: 400, codes: invalid},
		{name: "101 definitions", request: gqlQuery("{ __typename } "+repeated(100, "fragment F%d on Query { __typename } "), nil),
			status: 400, codes: tooComplex},
		{name: "100 unused variables", request: gqlQuery("query("+repeated(100, "$v%d: Int ")+") { __typename }", nil),
			status: 400, codes: invalid},
		{name: "101 variables", request: gqlQuery("query("+repeated(101, "$v%d: Int ")+") { __typename }", nil),
			status: 400, codes: tooComplex},
		{name: "51 arguments", request: gqlQuery(`{ entity(id: "cnipa" `+repeated(50, "a%d: 1 ")+`) { name } }`, nil),
			status: 400, codes: tooComplex},
		{name: "input object of 5,000 fields", request: gqlQuery(`{ search(text: "x", types: {`+repeated(5000, "k%d: 1 ")+`}) { id } }`, nil),
			status: 400, codes: tooComplex},
		{name: "6,000 unknown arguments in 1 MiB of comments", request: gqlRaw(padded("{ "+
			repeated(120, "f%d: __typename("+repeated(50, "a%d: 1 ")+") ")+"}", 1<<20-4096)),
			status: 400, codes: invalid, maxErrors: 101},
		{name: "200 conflicting fields of one name", request: gqlQuery(`{ entity(id: "cnipa") { `+strings.Repeat("x: name x: id ", 100)+`} }`, nil),
			status: 400, codes: tooComplex},
		{name: "60 conflicting fields of one name", request: gqlQuery(`{ entity(id: "cnipa") { `+strings.Repeat("x: name x: id ", 30)+`} }`, nil),
			status: 400, codes: invalid, maxErrors: 101},
		{name: "2,000 fields of one name through fragments", request: gqlQuery(`{ entity(id: "cnipa") { `+repeated(10, "...F%d ")+`} } `+
			repeated(10, "fragment F%d on Entity { "+strings.Repeat("name ", 198)+"} "), nil),
			status: 400, codes: tooComplex},
		{name: "2,000 distinct fields through fragments", request: gqlQuery(`{ entity(id: "cnipa") { `+repeated(10, "...F%d ")+`} } `+
			fragmentsOfDistinctFields(10, 198), nil),
			status: 200, ok: true, codes: []string{"TIMEOUT"}},
		{name: "invalid JSON body", request: gqlPost([]byte(`{"query": "{ documents { id } }", "variables": {`)), status: 400, codes: []string{"BAD_REQUEST"}},
		{name: "10,000 __typename", request: gqlQuery("{ "+strings.Repeat("__typename ", 10000)+"}", nil), status: 400, codes: tooComplex},
		{name: "batched array POST", request: gqlPost([]byte(`[{"query": "{ documents { id } }"}, {"query": "{ documents { id } }"}]`)),
			status: 400, codes: []string{"BAD_REQUEST"}},
		{name: "50,000 spreads of one fragment", request: gqlQuery(`{ entity(id: "cnipa") { `+strings.Repeat("...N ", 50000)+`} } fragment N on Entity { name }`, nil),
			status: 400, codes: tooComplex},
		{name: "10,000 directives on one field", request: gqlQuery(`{ `+strings.Repeat("__typename @include(if: true) ", 1)+strings.Repeat("@include(if: true) ", 10000)+`}`, nil),
			status: 400, codes: append(tooComplex, "GRAPHQL_VALIDATION_FAILED")},
		{name: "introspection 29 deep", request: gqlQuery(deepIntrospection(29), nil), status: 400, codes: tooComplex},
		{name: "introspection 41 deep", request: gqlQuery(deepIntrospection(41), nil), status: 400, codes: []string{schema.CodeTooDeep}},
	}
}

// hostileResult is what came back for one case.
type hostileResult struct {
	status   int
	body     []byte
	parsed   result
	json     bool
	err      error
	duration time.Duration
}

func doHostile(client *http.Client, base string, tc hostileCase) hostileResult {
	req := tc.request(base)
	start := time.Now()
	resp, err := client.Do(req)
	var r hostileResult
	if err == nil {
		r.status = resp.StatusCode
		r.body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		r.json = json.Unmarshal(r.body, &r.parsed) == nil
	}
	r.err = err
	r.duration = time.Since(start)
	return r
}

// check reports how r fails tc, or "".
func (tc hostileCase) check(r hostileResult, limit time.Duration) string {
	if r.duration > limit {
		return fmt.Sprintf("took %s, over %s", r.duration, limit)
	}
	if r.err != nil {
		if tc.transportError && !errors.Is(r.err, context.DeadlineExceeded) {
			return ""
		}
		return fmt.Sprintf("request failed: %v", r.err)
	}
	if tc.plain && r.status == tc.status {
		return ""
	}
	if !r.json {
		return fmt.Sprintf("status %d, body is not JSON: %.200q", r.status, r.body)
	}
	if r.status != tc.status {
		return fmt.Sprintf("status %d, want %d: %.300s", r.status, tc.status, r.body)
	}
	if tc.ok && len(r.parsed.Errors) == 0 && r.parsed.Data != nil {
		return ""
	}
	if tc.truncated && len(r.parsed.Errors) == 0 {
		if tr, _ := r.parsed.Extensions["truncated"].([]interface{}); len(tr) > 0 {
			return ""
		}
		return fmt.Sprintf("no errors and no extensions.truncated: %.300s", r.body)
	}
	if len(r.parsed.Errors) == 0 {
		return fmt.Sprintf("no errors, want code %v: %.300s", tc.codes, r.body)
	}
	if tc.maxErrors > 0 && len(r.parsed.Errors) > tc.maxErrors {
		return fmt.Sprintf("%d errors, want at most %d", len(r.parsed.Errors), tc.maxErrors)
	}
	code, _ := r.parsed.Errors[0].Extensions["code"].(string)
	for _, c := range tc.codes {
		if code == c {
			return ""
		}
	}
	return fmt.Sprintf("errors[0] = %q with code %q, want %v", r.parsed.Errors[0].Message, code, tc.codes)
}

func (r hostileResult) summary() string {
	if r.err != nil {
		return fmt.Sprintf("transport error (%v) after %d ms", r.err, r.duration.Milliseconds())
	}
	var what string
	switch {
	case !r.json:
		what = fmt.Sprintf("non-JSON %.60q", r.body)
	case len(r.parsed.Errors) > 0:
		what = fmt.Sprintf("code %v (%d errors): %.100s", r.parsed.Errors[0].Extensions["code"], len(r.parsed.Errors), r.parsed.Errors[0].Message)
	default:
		what = fmt.Sprintf("truncated %v", r.parsed.Extensions["truncated"] != nil)
	}
	return fmt.Sprintf("%d %s in %d ms", r.status, what, r.duration.Milliseconds())
}

// healthy checks that GET /healthz answers 200 within a second.
func healthy(t *testing.T, base string) {
	t.Helper()
	healthyWithin(t, base, time.Second)
}

// healthyWithin checks that GET /healthz answers 200 within limit.
func healthyWithin(t *testing.T, base string, limit time.Duration) {
	t.Helper()
	client := &http.Client{Timeout: limit}
	start := time.Now()
	resp, err := client.Get(base + "/healthz")
	if err != nil {
		t.Errorf("healthz: %v", err)
		return
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz = %d", resp.StatusCode)
	}
	if d := time.Since(start); d > limit {
		t.Errorf("healthz took %s", d)
	}
}

func TestHostileQueries(t *testing.T) {
	store := hostileStore(t)
	for _, index := range []bool{false, true} {
		t.Run(fmt.Sprintf("index=%v", index), func(t *testing.T) {
			svc := queries.New(store)
			if index {
				if _, err := svc.UseIndex(context.Background()); err != nil {
					t.Fatal(err)
				}
			}
			h, err := schema.NewHandler(svc, schema.Options{Timeout: hostileTimeout})
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(h)
			defer srv.Close()
			a, b := mostConnected(t, svc)
			cases := hostileCases(a, b)
			client := &http.Client{Timeout: 4 * slowdown * hostileTimeout}
			limit := hostileTimeout + slowdown*hostileSlack
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					r := doHostile(client, srv.URL, tc)
					t.Logf("%s", r.summary())
					if msg := tc.check(r, limit); msg != "" {
						t.Error(msg)
					}
					healthy(t, srv.URL)
				})
			}
			t.Run("all at once", func(t *testing.T) {
				var wg sync.WaitGroup
				results := make([]hostileResult, len(cases))
				for i, tc := range cases {
					wg.Add(1)
					go func() {
						defer wg.Done()
						results[i] = doHostile(client, srv.URL, tc)
					}()
				}
				// The server answers /healthz while they run, too, if
				// more slowly: they keep both cores busy.
				time.Sleep(hostileTimeout / 4)
				healthyWithin(t, srv.URL, slowdown*time.Second)
				wg.Wait()
				for i, tc := range cases {
					// Requests queue for two cores here: allow twice the slack.
					if msg := tc.check(results[i], hostileTimeout+2*slowdown*hostileSlack); msg != "" {
						t.Errorf("%s: %s", tc.name, msg)
					}
				}
				healthy(t, srv.URL)
			})
		})
	}
}

// cpuTime is the CPU time the process has used.
func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestHostileTimeoutStopsWork checks that a request cut at its timeout
// stops working: graphql-go answers at the deadline but would go on
// resolving the rest of the result (here about 6 s of it) for nobody.
func TestHostileTimeoutStopsWork(t *testing.T) {
	store := hostileStore(t)
	svc := queries.New(store)
	if _, err := svc.UseIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	// A complexity budget large enough that the request runs into its
	// timeout rather than its field budget.
	h, err := schema.NewHandler(svc, schema.Options{Timeout: time.Second, MaxComplexity: 100_000_000})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	a, _ := mostConnected(t, svc)
	fanOut := hostileCase{
		request: gqlQuery(fmt.Sprintf(`{ neighbors(id: %q, depth: 3) { nodes { id relations(first: 50) { target { relations(first: 50) { evidence { sentence } target { name aliases } } } } } } }`, a), nil),
		status:  200, codes: []string{"TIMEOUT"},
	}
	r := doHostile(&http.Client{Timeout: 10 * time.Second}, srv.URL, fanOut)
	t.Logf("%s", r.summary())
	if msg := fanOut.check(r, time.Second+slowdown*hostileSlack); msg != "" {
		t.Fatal(msg)
	}
	time.Sleep(100 * time.Millisecond)
	before := cpuTime(t)
	time.Sleep(2 * time.Second)
	used := cpuTime(t) - before
	t.Logf("CPU used in the 2 s after the timeout: %s", used)
	if used > 500*time.Millisecond {
		t.Errorf("the process used %s of CPU in the 2 s after the request timed out", used)
	}
	healthy(t, srv.URL)
}

// TestErrorLocations checks the lines and columns of validation and
// execution errors, which the handler computes itself (it parses without
// graphql-go's source, see prepareUncached).
func TestErrorLocations(t *testing.T) {
	h := handler(t, schema.Options{})
	tests := []struct {
		query string
		code  string
		line  float64
		col   float64
	}{
		{"{\n  documents {\n    nope\n  }\n}", "GRAPHQL_VALIDATION_FAILED", 3, 5},
		{"{\r\n  documents {\r\n      nope\r\n  }\r\n}", "GRAPHQL_VALIDATION_FAILED", 3, 7},
		{"# comment\r{ documents { nope } }", "GRAPHQL_VALIDATION_FAILED", 2, 15},
		{"{ nope }", "GRAPHQL_VALIDATION_FAILED", 1, 3},
		{"query {\n\n   neighbors(id: \"cnipa\", depth: 9) { nodes { id } } }", "BAD_USER_INPUT", 3, 4},
	}
	for _, tc := range tests {
		body, _ := json.Marshal(map[string]string{"query": tc.query})
		req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var got struct {
			Errors []struct {
				Locations  []struct{ Line, Column float64 }
				Extensions map[string]interface{}
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || len(got.Errors) == 0 || got.Errors[0].Extensions["code"] != tc.code {
			t.Errorf("%q: %s, want code %s", tc.query, rec.Body.String(), tc.code)
			continue
		}
		if locs := got.Errors[0].Locations; len(locs) != 1 || locs[0].Line != tc.line || locs[0].Column != tc.col {
			t.Errorf("%q: locations %+v, want %v:%v", tc.query, locs, tc.line, tc.col)
		}
	}
}
