package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// sharedCorpus returns ../shared/corpus; the real documents are always there
// in CI, so a missing folder fails there and skips elsewhere.
func sharedCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared corpus missing under CI: %v", err)
		}
		t.Skipf("shared corpus not found: %v", err)
	}
	return dir
}

// ipgraph runs the command in-process and returns its exit status and output.
func ipgraph(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// stats runs `stats --json` on db (with more flags, e.g. a backend).
func stats(t *testing.T, db string, flags ...string) map[string]interface{} {
	t.Helper()
	code, out, errOut := ipgraph(t, append([]string{"stats", "--db", db, "--json"}, flags...)...)
	if code != 0 {
		t.Fatalf("stats %v: %d %s", flags, code, errOut)
	}
	var st map[string]interface{}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestLoadTwiceEqualsOnce(t *testing.T) {
	corpus := sharedCorpus(t)
	db := filepath.Join(t.TempDir(), "g.db")
	if code, _, errOut := ipgraph(t, "load", "--db", db, corpus); code != 0 {
		t.Fatalf("first load: %d %s", code, errOut)
	}
	once := stats(t, db)
	if once["documents"].(float64) != 5 {
		t.Fatalf("documents = %v, want 5", once["documents"])
	}
	code, out, errOut := ipgraph(t, "load", "--db", db, corpus)
	if code != 0 {
		t.Fatalf("second load: %d %s", code, errOut)
	}
	if !strings.Contains(out, "0 quads added, 0 removed") {
		t.Errorf("second load changed the store: %s", out)
	}
	if twice := stats(t, db); !equalJSON(once, twice) {
		t.Errorf("stats after loading twice\n%v\ndiffer from once\n%v", twice, once)
	}
	if code, out, _ := ipgraph(t, "verify", "--db", db); code != 0 || !strings.Contains(out, "0 problems") {
		t.Errorf("verify: %d %s", code, out)
	}
}

func equalJSON(a, b interface{}) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestLoadReportsBadFilesAndKeepsGoodOnes(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("The China National Intellectual Property Administration (CNIPA) met WIPO in Beijing.\n"))
	write("binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2})
	write("latin1.md", []byte("Caf\xe9 and the CNIPA\n"))
	write("notes.pdf", []byte("%PDF-1.4"))
	db := filepath.Join(t.TempDir(), "g.db")
	code, _, errOut := ipgraph(t, "load", "--db", db, dir, filepath.Join(dir, "notes.pdf"), filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Errorf("exit status = %d, want 1", code)
	}
	for _, want := range []string{"binary.txt", "latin1.md", "notes.pdf", "missing.txt"} {
		if !regexp.MustCompile(`(?m)^error: .*` + regexp.QuoteMeta(want) + `.*: .+`).MatchString(errOut) {
			t.Errorf("no error line for %s in:\n%s", want, errOut)
		}
	}
	if st := stats(t, db); st["documents"].(float64) != 1 {
		t.Errorf("documents = %v, want only good.txt", st["documents"])
	}
}

func TestExtractJSONContract(t *testing.T) {
	corpus := sharedCorpus(t)
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	code, out, errOut := ipgraph(t, append([]string{"extract"}, append(files, "--json")...)...)
	if code != 0 {
		t.Fatalf("extract: %d %s", code, errOut)
	}
	var docs []struct {
		Doc      string `json:"doc"`
		Date     string `json:"date"`
		Entities []struct {
			ID, Type, Name string
			Aliases        []string `json:"aliases"`
		} `json:"entities"`
		Statistics []struct {
			Metric   string  `json:"metric"`
			Value    float64 `json:"value"`
			Sentence string  `json:"sentence"`
			Offset   int     `json:"offset"`
		} `json:"statistics"`
		Relations []struct{ Subject, Predicate, Object, Sentence string } `json:"relations"`
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(files) || len(files) != 5 {
		t.Fatalf("%d objects for %d files", len(docs), len(files))
	}
	for _, d := range docs {
		text, err := os.ReadFile(filepath.Join(corpus, d.Doc))
		if err != nil {
			t.Fatalf("doc %q is not a corpus file name: %v", d.Doc, err)
		}
		runes := []rune(string(text))
		ids := map[string]bool{}
		for _, e := range d.Entities {
			ids[e.ID] = true
			if e.Aliases == nil {
				t.Errorf("%s: entity %s has null aliases", d.Doc, e.ID)
			}
		}
		for _, s := range d.Statistics {
			if s.Offset < 0 || s.Offset+len([]rune(s.Sentence)) > len(runes) || string(runes[s.Offset:s.Offset+len([]rune(s.Sentence))]) != s.Sentence {
				t.Errorf("%s: statistic sentence not at offset %d: %q", d.Doc, s.Offset, s.Sentence)
			}
		}
		for _, r := range d.Relations {
			if !ids[r.Subject] || !ids[r.Object] || !strings.Contains(string(text), r.Sentence) {
				t.Errorf("%s: relation %s %s %s does not point into the document", d.Doc, r.Subject, r.Predicate, r.Object)
			}
		}
	}
}

// syncBuffer is a bytes.Buffer safe to read while serve writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// serveInProcess runs `serve --db db` on a free port in this process and
// returns the URL that its output's first match of urlRe captures, and a
// function that stops it and checks its exit status.
func serveInProcess(t *testing.T, db, urlRe string) (base string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int)
	go func() { done <- run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, &out, &errOut) }()
	stop = func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d: %s", code, errOut.String())
		}
	}
	re := regexp.MustCompile(urlRe)
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		stop()
		t.Fatalf("serve did not start (no /%s/ in its output): %s %s", urlRe, out.String(), errOut.String())
	}
	return base, stop
}

// TestServeEndToEnd loads the real corpus, starts `serve` on a free port and
// queries it over HTTP.
func TestServeEndToEnd(t *testing.T) {
	corpus := sharedCorpus(t)
	db := filepath.Join(t.TempDir(), "g.db")
	if code, _, errOut := ipgraph(t, "load", "--db", db, corpus, filepath.Join("..", "..", "testdata", "corpus")); code != 0 {
		t.Fatalf("load: %d %s", code, errOut)
	}
	base, stop := serveInProcess(t, db, `GraphQL (http://[^ ]+)/graphql`)
	defer stop()

	query := func(q string) map[string]interface{} {
		body, _ := json.Marshal(map[string]string{"query": q})
		resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var r struct {
			Data   map[string]interface{}
			Errors []interface{}
		}
		if err := json.Unmarshal(raw, &r); err != nil || resp.StatusCode != 200 || len(r.Errors) > 0 {
			t.Fatalf("query %s: %d %s", q, resp.StatusCode, raw)
		}
		return r.Data
	}

	data := query(`{ entity(name: "CNIPA") { id name type aliases relations { predicate source { name } target { name type } evidence { sentence } } documents { id } } }`)
	e, ok := data["entity"].(map[string]interface{})
	if !ok {
		t.Fatalf("no CNIPA: %v", data)
	}
	if e["type"] != "AGENCY" || !strings.Contains(e["name"].(string), "Intellectual Property") {
		t.Errorf("CNIPA = %v", e)
	}
	rels := e["relations"].([]interface{})
	if len(rels) == 0 {
		t.Errorf("CNIPA has no relations")
	}
	for _, r := range rels {
		if evs := r.(map[string]interface{})["evidence"].([]interface{}); len(evs) == 0 {
			t.Errorf("relation without evidence: %v", r)
		}
	}
	if docs := e["documents"].([]interface{}); len(docs) < 5 {
		t.Errorf("CNIPA is mentioned in %d documents, want at least 5", len(docs))
	}
	data = query(`{ documents { id } stats { documents } }`)
	if n := len(data["documents"].([]interface{})); n != 9 {
		t.Errorf("%d documents, want 9 (5 shared + 4 sample)", n)
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("healthz: %v %v", resp, err)
	}
	if resp != nil {
		resp.Body.Close()
	}
}
