package main

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/schema"
)

const testToken = "cmd-test-token-0123456789abcdef"

// adminTestServer serves a fresh Bolt store with the admin endpoints on
// (token "" leaves them off), as `serve --admin-token-file` does.
func adminTestServer(t *testing.T, token string) (*httptest.Server, *graph.Store) {
	t.Helper()
	store, err := graph.Open(context.Background(), graph.Options{Path: filepath.Join(t.TempDir(), "server.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	opts := schema.Options{}
	if token != "" {
		x, err := loaders.NewExtractor()
		if err != nil {
			t.Fatal(err)
		}
		opts.Admin = schema.AdminOptions{Token: token, Loader: uploadLoader(x)}
	}
	h, err := schema.NewHandler(queries.New(store), opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, store
}

func writeTokenFile(t *testing.T, token string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(f, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestLoadThroughServer: `load --server` uploads what `load` would load and
// the server's store ends up as a local load leaves a store; a wrong or
// missing token fails at once with a clear message.
func TestLoadThroughServer(t *testing.T) {
	ctx := context.Background()
	corpus := filepath.Join("..", "..", "testdata", "corpus")
	srv, store := adminTestServer(t, testToken)
	tokenFile := writeTokenFile(t, testToken)

	code, out, errOut := ipgraph(t, "load", "--server", srv.URL, "--token-file", tokenFile, corpus)
	t.Logf("load --server:\n%s%s", out, errOut)
	if code != 0 {
		t.Fatalf("load --server = %d: %s", code, errOut)
	}
	line := regexp.MustCompile(`(?m)^\S+circular_2020\.txt: \d+ entities, \d+ statistics, \+\d+ −0 quads$`)
	if !line.MatchString(out) || !strings.Contains(out, "loaded 4 of 4 documents through "+srv.URL) {
		t.Errorf("output:\n%s", out)
	}

	// The same files loaded locally give the same store.
	local := filepath.Join(t.TempDir(), "local.db")
	if code, _, errOut := ipgraph(t, "load", "--db", local, corpus); code != 0 {
		t.Fatalf("local load: %d %s", code, errOut)
	}
	ls, err := graph.Open(ctx, graph.Options{Path: local, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ls.Close()
	for _, doc := range []string{"annual_report_2019.md", "circular_2020.txt", "news_digest_2021.txt", "press_conference_2023.txt"} {
		a, _, errA := store.Manifest(ctx, graph.DocumentIRI(doc))
		b, _, errB := ls.Manifest(ctx, graph.DocumentIRI(doc))
		if errA != nil || errB != nil || len(a) == 0 || !equalJSON(a, b) {
			t.Errorf("%s: through the server %d triples, locally %d (%v %v)", doc, len(a), len(b), errA, errB)
		}
	}
	if rep, err := store.Verify(ctx); err != nil || len(rep.Problems) > 0 || rep.Documents != 4 {
		t.Errorf("verify: %v %+v", err, rep)
	}

	// The token from the environment; loading again changes nothing.
	t.Setenv(tokenEnv, testToken)
	code, out, errOut = ipgraph(t, "load", "--server", srv.URL+"/", filepath.Join(corpus, "circular_2020.txt"))
	if code != 0 || !strings.Contains(out, "0 quads added, 0 removed") {
		t.Errorf("load --server with %s = %d\n%s%s", tokenEnv, code, out, errOut)
	}

	// Failures.
	missing := filepath.Join(t.TempDir(), "missing.txt")
	offSrv, _ := adminTestServer(t, "")
	for _, c := range []struct {
		name string
		env  string
		args []string
		code int
		want []string
	}{
		{"wrong token file", "", []string{"--token-file", writeTokenFile(t, testToken+"x"), corpus}, 1,
			[]string{"the server refused the admin token", "401", "loaded 0 of 4 documents before stopping"}},
		{"wrong token in the environment", "not-the-token-at-all", []string{corpus}, 1, []string{"refused the admin token"}},
		{"no token", "", []string{corpus}, 2, []string{"needs the server's admin token"}},
		{"a file that is not there", testToken, []string{filepath.Join(corpus, "circular_2020.txt"), missing}, 1,
			[]string{"error: " + missing + ": no such file", "1 of 2 inputs failed"}},
		{"--db with --server", testToken, []string{"--db", "x.db", corpus}, 2, []string{"--db does not go with --server"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(tokenEnv, c.env)
			code, out, errOut := ipgraph(t, append([]string{"load", "--server", srv.URL}, c.args...)...)
			if code != c.code {
				t.Errorf("exit %d, want %d\n%s%s", code, c.code, out, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(out+errOut, w) {
					t.Errorf("output lacks %q:\n%s%s", w, out, errOut)
				}
			}
			if n := strings.Count(errOut, "refused the admin token"); n > 1 {
				t.Errorf("the token refusal is reported %d times, want once:\n%s", n, errOut)
			}
		})
	}
	t.Run("server without admin endpoints", func(t *testing.T) {
		t.Setenv(tokenEnv, testToken)
		code, _, errOut := ipgraph(t, "load", "--server", offSrv.URL, corpus)
		if code != 1 || !strings.Contains(errOut, "admin endpoints are off") {
			t.Errorf("exit %d: %s", code, errOut)
		}
	})
	t.Run("no server there", func(t *testing.T) {
		t.Setenv(tokenEnv, testToken)
		code, _, errOut := ipgraph(t, "load", "--server", "http://127.0.0.1:1", corpus)
		if code != 1 || !strings.Contains(errOut, "cannot reach http://127.0.0.1:1") {
			t.Errorf("exit %d: %s", code, errOut)
		}
	})
}

// TestServeAdminFlags: serve refuses a token with --read-only, and a short
// token.
func TestServeAdminFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if code, _, errOut := ipgraph(t, "load", "--db", db, filepath.Join("..", "..", "testdata", "corpus", "circular_2020.txt")); code != 0 {
		t.Fatal(errOut)
	}
	for _, c := range []struct {
		name string
		env  string
		args []string
		want string
	}{
		{"token and --read-only", "", []string{"--read-only", "--admin-token-file", writeTokenFile(t, testToken)}, "--read-only rules out"},
		{"env token and --read-only", testToken, []string{"--read-only"}, "--read-only rules out"},
		{"short token", "", []string{"--admin-token-file", writeTokenFile(t, "short")}, "use at least 16"},
		{"empty token file", "", []string{"--admin-token-file", writeTokenFile(t, "")}, "is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(tokenEnv, c.env)
			code, _, errOut := ipgraph(t, append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, c.args...)...)
			if code != 2 || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, want 2 and %q: %s", code, c.want, errOut)
			}
		})
	}
}

// TestLoadWhileServing is the scenario: `serve` holds the Bolt
// file; `load --db` on the same file fails within seconds, naming the
// server and saying to load through it; `load --server` then works.
func TestLoadWhileServing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	corpus := filepath.Join("..", "..", "testdata", "corpus")
	if code, _, errOut := ipgraph(t, "load", "--db", db, filepath.Join(corpus, "circular_2020.txt")); code != 0 {
		t.Fatal(errOut)
	}
	t.Setenv(tokenEnv, testToken)
	base, stop := serveInProcess(t, db, `admin endpoints on: ipgraph load --server (http://\S+) `)
	defer func() {
		stop()
		if _, err := os.Stat(db + ".lock-info"); !os.IsNotExist(err) {
			t.Errorf("the lock-info file outlives serve: %v", err)
		}
	}()

	start := time.Now()
	code, _, loadErr := ipgraph(t, "load", "--db", db, filepath.Join(corpus, "news_digest_2021.txt"))
	took := time.Since(start)
	t.Logf("load --db beside serve (%s): %s", took.Round(time.Millisecond), loadErr)
	if code != 1 || took > 5*time.Second {
		t.Errorf("load beside serve: exit %d after %s", code, took)
	}
	for _, want := range []string{"held by another process", "pid " + strconv.Itoa(os.Getpid()), "serving " + base, "ipgraph load --server " + base} {
		if !strings.Contains(loadErr, want) {
			t.Errorf("message lacks %q: %s", want, loadErr)
		}
	}

	code, loadOut, loadErr := ipgraph(t, "load", "--server", base, filepath.Join(corpus, "news_digest_2021.txt"))
	if code != 0 || !strings.Contains(loadOut, "loaded 1 of 1 documents") {
		t.Fatalf("load --server beside serve: %d %s %s", code, loadOut, loadErr)
	}
	for _, id := range []string{"circular_2020.txt", "news_digest_2021.txt"} {
		d := graphqlPost(t, base, `{ document(id: "`+id+`") { id } }`)
		if !strings.Contains(d, id) {
			t.Errorf("%s not served after load --server: %s", id, d)
		}
	}
}
