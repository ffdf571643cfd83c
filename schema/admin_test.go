package schema_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/loaders/synthcorpus"
	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/schema"
)

const adminToken = "test-admin-token-0123456789abcdef"

var extractor = sync.OnceValues(func() (*loaders.Extractor, error) { return loaders.NewExtractor() })

// uploadLoader is what `ipgraph serve` wires (cmd/ipgraph/admin.go).
func uploadLoader(t testing.TB) schema.DocumentLoader {
	t.Helper()
	x, err := extractor()
	if err != nil {
		t.Fatal(err)
	}
	return schema.DocumentLoaderFunc(func(ctx context.Context, up schema.Upload) (*schema.LoadedDocument, error) {
		ex, err := x.ExtractUpload(ctx, up.Name, up.Data, up.Source)
		if err != nil {
			return nil, err
		}
		return &schema.LoadedDocument{Name: ex.Doc, Title: ex.Title, Triples: ex.Triples(), Entities: len(ex.Entities), Statistics: len(ex.Statistics)}, nil
	})
}

// adminServer serves store with the admin endpoints on (token "" leaves
// them off), indexed as `ipgraph serve` is. The GraphQL time limit is
// generous: under -race on a small machine, readers beside a load are slow.
func adminServer(t testing.TB, store *graph.Store, token string, maxBody int64) *httptest.Server {
	t.Helper()
	svc := queries.New(store)
	if _, err := svc.UseIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	h, err := schema.NewHandler(svc, schema.Options{Timeout: time.Minute, Logger: slog.New(slog.DiscardHandler), Admin: schema.AdminOptions{Token: token, Loader: uploadLoader(t), MaxBodyBytes: maxBody}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func boltStore(t testing.TB, path string, readOnly bool) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Options{Path: path, ReadOnly: readOnly})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

const sampleDoc = `# CNIPA Weekly Note

Date: 2024-03-05

The China National Intellectual Property Administration (CNIPA) granted 921,000 invention patents in 2023.
The State Administration for Market Regulation oversees the CNIPA.
`

// gql posts a GraphQL query; safe to call from any goroutine.
func gql(base, query string) (map[string]interface{}, error) {
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r struct {
		Data   map[string]interface{} `json:"data"`
		Errors []json.RawMessage      `json:"errors"`
	}
	if err := json.Unmarshal(raw, &r); err != nil || resp.StatusCode != 200 || len(r.Errors) > 0 {
		return nil, fmt.Errorf("query %.80s: %d %s", query, resp.StatusCode, raw)
	}
	return r.Data, nil
}

// upload posts one document with the token.
func upload(base, token, name, text string) (int, schema.AdminResponse, error) {
	req, _ := http.NewRequest(http.MethodPost, base+"/admin/documents?name="+url.QueryEscape(name), strings.NewReader(text))
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, schema.AdminResponse{}, err
	}
	defer resp.Body.Close()
	var out schema.AdminResponse
	err = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out, err
}

func multipartBody(t *testing.T, files map[string]string) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("comment", "a form field, not a file")
	for _, name := range []string{"m1.txt", "m2.md", "bad.pdf"} {
		if text, ok := files[name]; ok {
			fw, _ := mw.CreateFormFile("file", name)
			io.WriteString(fw, text)
		}
	}
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

func TestAdminEndpoints(t *testing.T) {
	store := loaderstest.MemoryStore(t)
	on := adminServer(t, store, adminToken, 0)
	off := adminServer(t, loaderstest.MemoryStore(t), "", 0)
	small := adminServer(t, loaderstest.MemoryStore(t), adminToken, 1024)
	dbPath := filepath.Join(t.TempDir(), "ro.db")
	if s, err := graph.Open(context.Background(), graph.Options{Path: dbPath}); err != nil {
		t.Fatal(err)
	} else {
		s.Close()
	}
	readOnly := adminServer(t, boltStore(t, dbPath, true), adminToken, 0)
	onHost := strings.TrimPrefix(on.URL, "http://")
	mpType, mpBody := multipartBody(t, map[string]string{"m1.txt": sampleDoc, "m2.md": "# Second\n\nThe CNIPA met WIPO in Geneva in 2022.\n"})

	docQuery := `{ document(id: "note.txt") { id title source entityCount statisticCount } }`
	bearer := func(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }
	with := func(m map[string]string, kv ...string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			out[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	text := "text/plain; charset=utf-8"
	good := bearer(adminToken)

	cases := []struct {
		name    string
		srv     *httptest.Server
		method  string
		path    string
		ctype   string
		headers map[string]string
		body    string
		status  int
		want    string                            // in the response body
		check   func(t *testing.T, h http.Header) // after the request
	}{
		{name: "off without a token", srv: off, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, headers: good, body: sampleDoc,
			status: 404, want: "admin endpoints are off"},
		{name: "off: DELETE too", srv: off, method: "DELETE", path: "/admin/documents/note.txt", headers: good, status: 404},
		{name: "no Authorization", srv: on, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, body: sampleDoc,
			status: 401, want: "no Authorization header", check: func(t *testing.T, h http.Header) {
				if !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer") {
					t.Errorf("WWW-Authenticate = %q", h.Get("WWW-Authenticate"))
				}
			}},
		{name: "bad token of the same length", srv: on, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, body: sampleDoc,
			headers: bearer(adminToken[:len(adminToken)-1] + "X"), status: 401, want: "wrong token"},
		{name: "short token (a prefix)", srv: on, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, body: sampleDoc,
			headers: bearer(adminToken[:8]), status: 401, want: "wrong token"},
		{name: "long token (the token and more)", srv: on, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, body: sampleDoc,
			headers: bearer(adminToken + "0"), status: 401, want: "wrong token"},
		{name: "empty bearer", srv: on, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, body: sampleDoc,
			headers: bearer(""), status: 401},
		{name: "basic auth", srv: on, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, body: sampleDoc,
			headers: map[string]string{"Authorization": "Basic " + adminToken}, status: 401, want: "not a bearer token"},
		{name: "cross-origin page", srv: on, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, body: sampleDoc,
			headers: with(good, "Origin", "http://evil.example"), status: 403, want: "other origins"},
		{name: "null origin", srv: on, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, body: sampleDoc,
			headers: with(good, "Origin", "null"), status: 403},
		{name: "cross-site fetch metadata", srv: on, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, body: sampleDoc,
			headers: with(good, "Sec-Fetch-Site", "cross-site"), status: 403},
		{name: "preflight refused", srv: on, method: "OPTIONS", path: "/admin/documents",
			headers: map[string]string{"Origin": "http://evil.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"},
			status:  403},
		{name: "mutation refused", srv: on, method: "POST", path: "/graphql", ctype: "application/json",
			body: `{"query":"mutation { addDocument(name: \"x.txt\") { id } }"}`, status: 200, want: "read-only: it has no mutations"},
		{name: "good token, page of the same origin", srv: on, method: "POST", path: "/admin/documents?name=note.txt&source=notes/note.txt", ctype: text, body: sampleDoc,
			headers: with(good, "Origin", "http://"+onHost), status: 200, want: `"name":"note.txt"`,
			check: func(t *testing.T, _ http.Header) {
				d, err := gql(on.URL, docQuery)
				if err != nil {
					t.Fatal(err)
				}
				doc, _ := d["document"].(map[string]interface{})
				if doc == nil || doc["title"] != "CNIPA Weekly Note" || doc["source"] != "notes/note.txt" || doc["entityCount"].(float64) < 2 || doc["statisticCount"].(float64) < 1 {
					t.Errorf("document after upload = %v", d)
				}
			}},
		{name: "same document again changes nothing", srv: on, method: "POST", path: "/admin/documents?name=note.txt&source=notes/note.txt", ctype: text, body: sampleDoc,
			headers: good, status: 200, want: `"added":0,"removed":0`},
		{name: "named by header, markdown", srv: on, method: "POST", path: "/admin/documents", ctype: "text/markdown", body: "# Header named\n\nThe CNIPA met WIPO.\n",
			headers: with(good, "X-Document-Name", "dir/hdr.md"), status: 200, want: `"name":"hdr.md"`},
		{name: "named by Content-Disposition", srv: on, method: "POST", path: "/admin/documents", ctype: text, body: "The CNIPA met WIPO.\n",
			headers: with(good, "Content-Disposition", `attachment; filename="cd.txt"`), status: 200, want: `"name":"cd.txt"`},
		{name: "multipart files", srv: on, method: "POST", path: "/admin/documents", ctype: mpType, body: string(mpBody), headers: good,
			status: 200, want: `"name":"m2.md"`, check: func(t *testing.T, _ http.Header) {
				if d, err := gql(on.URL, `{ a: document(id: "m1.txt") { id } b: document(id: "m2.md") { id } }`); err != nil || d["a"] == nil || d["b"] == nil {
					t.Errorf("multipart documents = %v %v", d, err)
				}
			}},
		{name: "no name", srv: on, method: "POST", path: "/admin/documents", ctype: text, body: sampleDoc, headers: good, status: 400, want: "name the document"},
		{name: "unsupported body type", srv: on, method: "POST", path: "/admin/documents?name=x.txt", ctype: "application/pdf", body: "%PDF", headers: good, status: 415},
		{name: "not a text document", srv: on, method: "POST", path: "/admin/documents?name=bin.txt", ctype: "application/octet-stream", body: "a\x00b", headers: good,
			status: 422, want: "binary"},
		{name: "unsupported extension", srv: on, method: "POST", path: "/admin/documents?name=x.pdf", ctype: text, body: "text", headers: good,
			status: 422, want: "unsupported file type"},
		{name: "GET is not a method here", srv: on, method: "GET", path: "/admin/documents", headers: good, status: 405},
		{name: "unknown admin path", srv: on, method: "POST", path: "/admin/other", headers: good, status: 404},
		{name: "body over the cap", srv: small, method: "POST", path: "/admin/documents?name=big.txt", ctype: text, body: strings.Repeat("The CNIPA met WIPO. ", 100),
			headers: good, status: 413, want: "over 1024 bytes"},
		{name: "read-only store", srv: readOnly, method: "POST", path: "/admin/documents?name=note.txt", ctype: text, body: sampleDoc, headers: good,
			status: 409, want: "read-only"},
		{name: "delete", srv: on, method: "DELETE", path: "/admin/documents/note.txt", headers: good, status: 200, want: `"deleted":true`,
			check: func(t *testing.T, _ http.Header) {
				if d, err := gql(on.URL, docQuery); err != nil || d["document"] != nil {
					t.Errorf("document after delete = %v %v", d, err)
				}
			}},
		{name: "delete again", srv: on, method: "DELETE", path: "/admin/documents/note.txt", headers: good, status: 404, want: "no document note.txt"},
		{name: "delete needs the token", srv: on, method: "DELETE", path: "/admin/documents/hdr.md", status: 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest(c.method, c.srv.URL+c.path, strings.NewReader(c.body))
			if c.ctype != "" {
				req.Header.Set("Content-Type", c.ctype)
			}
			for k, v := range c.headers {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.status || !strings.Contains(string(raw), c.want) {
				t.Errorf("%s %s = %d %s\nwant %d and %q", c.method, c.path, resp.StatusCode, raw, c.status, c.want)
			}
			if strings.HasPrefix(c.path, "/admin") {
				for k := range resp.Header {
					if strings.HasPrefix(k, "Access-Control-") {
						t.Errorf("admin response has CORS header %s: %s", k, resp.Header.Get(k))
					}
				}
			}
			if c.check != nil {
				c.check(t, resp.Header)
			}
		})
	}

	// Reads stay open to other origins.
	req, _ := http.NewRequest("GET", on.URL+"/graphql?query="+url.QueryEscape("{ documentCount }"), nil)
	req.Header.Set("Origin", "http://notebook.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("GraphQL read from another origin: Allow-Origin = %q", resp.Header.Get("Access-Control-Allow-Origin"))
	}
	if rep, err := store.Verify(context.Background()); err != nil || len(rep.Problems) > 0 {
		t.Errorf("verify: %v %+v", err, rep.Problems)
	}
}

// version is what a reader may see of one version of a document.
type version struct {
	title, sha           string
	entities, statistics float64
	text                 string
}

// TestAdminLoadWhileReading loads documents through the server, each in
// two versions, while readers query them: a reader sees a document absent
// (before its first upload) or whole in one of its versions, never in
// between, never absent again once seen, never back at the first version
// once it saw the second, and never gets an error.
func TestAdminLoadWhileReading(t *testing.T) {
	ndocs := 50
	if testing.Short() {
		ndocs = 16
	}
	g, err := synthcorpus.New(synthcorpus.Options{Seed: 7, MeanSize: 1500})
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, ndocs)
	versions := make([][2]version, ndocs)
	// The expected fields of each version, from the same pipeline on a
	// quiet store.
	ref := adminServer(t, loaderstest.MemoryStore(t), adminToken, 0)
	for v := range 2 {
		for i := range ndocs {
			name, text := g.Document(i)
			if v == 1 {
				text = append(append([]byte{}, text...), fmt.Sprintf("\n\nAddendum. The World Intellectual Property Organization counted %d new filings in 2024.\n", 1000+i)...)
			}
			names[i] = name
			if st, resp, err := upload(ref.URL, adminToken, name, string(text)); err != nil || st != 200 {
				t.Fatalf("reference upload %s: %d %+v %v", name, st, resp, err)
			}
			d, err := gql(ref.URL, fmt.Sprintf(`{ document(id: %q) { title sha256 entityCount statisticCount } }`, name))
			if err != nil {
				t.Fatal(err)
			}
			doc := d["document"].(map[string]interface{})
			title, _ := doc["title"].(string)
			sum := sha256.Sum256(text)
			if doc["sha256"] != hex.EncodeToString(sum[:]) {
				t.Fatalf("%s: sha256 %v", name, doc["sha256"])
			}
			versions[i][v] = version{title: title, sha: doc["sha256"].(string), entities: doc["entityCount"].(float64),
				statistics: doc["statisticCount"].(float64), text: string(text)}
		}
	}
	differ := 0
	for i := range versions {
		if versions[i][0].statistics != versions[i][1].statistics {
			differ++
		}
	}
	if differ < ndocs/2 {
		t.Fatalf("only %d documents' versions differ in statistics; the test would not see a half-written one", differ)
	}

	dir := t.TempDir()
	store := boltStore(t, filepath.Join(dir, "g.db"), false)
	srv := adminServer(t, store, adminToken, 0)

	const perQuery = 2
	var query []string
	for q := 0; q < ndocs; q += perQuery {
		var b strings.Builder
		b.WriteString("{ documentCount ")
		for i := q; i < q+perQuery; i++ {
			fmt.Fprintf(&b, "d%d: document(id: %q) { title sha256 entityCount statisticCount } ", i, names[i])
		}
		b.WriteString("}")
		query = append(query, b.String())
	}

	done := make(chan struct{})
	var wg sync.WaitGroup
	type tally struct{ reads, absent, first, second int }
	tallies := make([]tally, 3)
	errs := make(chan error, 100)
	for r := range tallies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := make([]int, ndocs) // 0 absent, 1 first version, 2 second version
			lastCount := 0.0
			for k := 0; ; k++ {
				select {
				case <-done:
					return
				default:
				}
				q := k % len(query)
				d, err := gql(srv.URL, query[q])
				if err != nil {
					errs <- err
					return
				}
				tallies[r].reads++
				if n := d["documentCount"].(float64); n < lastCount {
					errs <- fmt.Errorf("documentCount went down from %v to %v", lastCount, n)
					return
				} else {
					lastCount = n
				}
				for i := q * perQuery; i < (q+1)*perQuery; i++ {
					doc, _ := d[fmt.Sprintf("d%d", i)].(map[string]interface{})
					if doc == nil {
						if seen[i] != 0 {
							errs <- fmt.Errorf("%s absent after it was seen in version %d", names[i], seen[i])
							return
						}
						tallies[r].absent++
						continue
					}
					title, _ := doc["title"].(string)
					sha, _ := doc["sha256"].(string)
					v := -1
					for j, want := range versions[i] {
						if title == want.title && sha == want.sha {
							v = j
						}
					}
					if v < 0 {
						errs <- fmt.Errorf("%s: title %q and sha256 %s are of no version", names[i], title, sha)
						return
					}
					ok := func(field string, got interface{}) bool {
						for _, want := range versions[i] {
							w := want.entities
							if field == "statisticCount" {
								w = want.statistics
							}
							if got == w {
								return true
							}
						}
						errs <- fmt.Errorf("%s: %s %v is of no version (%v, %v / %v, %v)", names[i], field, got,
							versions[i][0].entities, versions[i][0].statistics, versions[i][1].entities, versions[i][1].statistics)
						return false
					}
					if !ok("entityCount", doc["entityCount"]) || !ok("statisticCount", doc["statisticCount"]) {
						return
					}
					if v+1 < seen[i] {
						errs <- fmt.Errorf("%s went back to its first version", names[i])
						return
					}
					seen[i] = v + 1
					if v == 0 {
						tallies[r].first++
					} else {
						tallies[r].second++
					}
				}
			}
		}()
	}

	start := time.Now()
	for v := range 2 {
		for i := range ndocs {
			st, resp, err := upload(srv.URL, adminToken, names[i], versions[i][v].text)
			if err != nil || st != 200 {
				t.Errorf("upload %s v%d: %d %+v %v", names[i], v+1, st, resp, err)
			}
		}
	}
	took := time.Since(start)
	time.Sleep(50 * time.Millisecond) // a few reads of the final state
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d uploads in %s; reads per reader (absent/first/second version seen): %+v", 2*ndocs, took.Round(time.Millisecond), tallies)
	for _, tl := range tallies {
		if tl.reads < 10 || tl.first == 0 {
			t.Errorf("a reader read too little to tell: %+v", tl)
		}
	}

	// The end state: every document in its second version, the store whole.
	for i := range ndocs {
		d, err := gql(srv.URL, fmt.Sprintf(`{ document(id: %q) { sha256 } }`, names[i]))
		if err != nil || d["document"].(map[string]interface{})["sha256"] != versions[i][1].sha {
			t.Errorf("%s at the end: %v %v", names[i], d, err)
		}
	}
	rep, err := store.Verify(context.Background())
	if err != nil || len(rep.Problems) > 0 || rep.Documents != ndocs {
		t.Errorf("verify: %v %d documents, problems %+v", err, rep.Documents, rep.Problems)
	}
}

// TestAdminSameDocumentAtOnce posts the same document twice at the same
// time, several times over: it is stored once. Two versions posted at once
// leave one of them, whole.
func TestAdminSameDocumentAtOnce(t *testing.T) {
	ctx := context.Background()
	store := boltStore(t, filepath.Join(t.TempDir(), "g.db"), false)
	srv := adminServer(t, store, adminToken, 0)
	// The quads of one load of the document, alone in a store.
	refStore := loaderstest.MemoryStore(t)
	ref := adminServer(t, refStore, adminToken, 0)
	if st, _, err := upload(ref.URL, adminToken, "same.txt", sampleDoc); st != 200 || err != nil {
		t.Fatalf("reference upload: %d %v", st, err)
	}
	refSize, _ := refStore.Size(ctx)
	refManifest, _, _ := refStore.Manifest(ctx, graph.DocumentIRI("same.txt"))

	race := func(texts ...string) []schema.AdminResponse {
		out := make([]schema.AdminResponse, len(texts))
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i, text := range texts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				st, resp, err := upload(srv.URL, adminToken, "same.txt", text)
				if err != nil || st != 200 {
					t.Errorf("upload: %d %+v %v", st, resp, err)
				}
				out[i] = resp
			}()
		}
		close(start)
		wg.Wait()
		return out
	}
	for round := range 5 {
		if round > 0 {
			if _, err := store.DeleteDocument(ctx, graph.DocumentIRI("same.txt")); err != nil {
				t.Fatal(err)
			}
		}
		rs := race(sampleDoc, sampleDoc)
		added := rs[0].Documents[0].Added + rs[1].Documents[0].Added
		if want := len(refManifest) + 1; added != want {
			t.Errorf("round %d: the two uploads added %d quads together, want %d (one load's, manifest included)", round, added, want)
		}
		m, _, err := store.Manifest(ctx, graph.DocumentIRI("same.txt"))
		if err != nil || len(m) != len(refManifest) {
			t.Errorf("round %d: manifest has %d triples, want %d (%v)", round, len(m), len(refManifest), err)
		}
		if sz, _ := store.Size(ctx); sz.Quads != refSize.Quads {
			t.Errorf("round %d: %d quads, want %d as after one load", round, sz.Quads, refSize.Quads)
		}
		if rep, err := store.Verify(ctx); err != nil || len(rep.Problems) > 0 || rep.Documents != 1 {
			t.Errorf("round %d: verify: %v %+v", round, err, rep)
		}
	}

	other := strings.Replace(sampleDoc, "921,000", "798,000", 1) + "The CNIPA cooperates with WIPO.\n"
	for round := range 5 {
		race(sampleDoc, other)
		d, err := gql(srv.URL, `{ document(id: "same.txt") { sha256 } }`)
		if err != nil {
			t.Fatal(err)
		}
		sha := d["document"].(map[string]interface{})["sha256"]
		a, b := sha256.Sum256([]byte(sampleDoc)), sha256.Sum256([]byte(other))
		if sha != hex.EncodeToString(a[:]) && sha != hex.EncodeToString(b[:]) {
			t.Errorf("round %d: sha256 %v is neither version", round, sha)
		}
		if rep, err := store.Verify(ctx); err != nil || len(rep.Problems) > 0 || rep.Documents != 1 {
			t.Errorf("round %d: verify: %v %+v", round, err, rep)
		}
	}
}
