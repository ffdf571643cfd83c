package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// builtDist imitates the npm build output.
var builtDist = fstest.MapFS{
	"README.md":                    {Data: []byte("placeholder")},
	"graphiql.js":                  {Data: []byte(strings.Repeat("console.log('graphiql');\n", 200))},
	"graphiql.css":                 {Data: []byte(".graphiql-container{display:flex}")},
	"editor.worker.js":             {Data: []byte("self.onmessage=()=>{}")},
	"chunks/chunk-ABCDEFGH.js":     {Data: []byte("export const x=1")},
	"files/codicon-Q2W3E4R5.ttf":   {Data: []byte("\x00\x01\x00\x00font")},
	"chunks/graphqlMode-LOWER1.js": {Data: []byte("export const y=2")},
}

// emptyDist is a clean checkout: only the committed placeholder.
var emptyDist = fstest.MapFS{"README.md": {Data: []byte("placeholder")}}

func newTestMux(t *testing.T, dist fs.FS) *http.ServeMux {
	t.Helper()
	mux := http.NewServeMux()
	newSite(mustSub(staticFiles, "static"), dist).register(mux)
	return mux
}

func do(mux http.Handler, method, target string, header http.Header) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	return rec
}

func TestRoutes(t *testing.T) {
	built := newTestMux(t, builtDist)
	unbuilt := newTestMux(t, emptyDist)
	tests := []struct {
		name       string
		mux        http.Handler
		method     string
		path       string
		wantStatus int
		wantType   string // prefix of Content-Type
		wantCache  string
		wantBody   []string
	}{
		{"viewer", built, "GET", "/", 200, "text/html", "no-cache", []string{`src="assets/viewer.js"`, `id="search"`}},
		{"viewer without bundle", unbuilt, "GET", "/", 200, "text/html", "no-cache", []string{"assets/viewer.css"}},
		{"explorer", built, "GET", "/graphiql", 200, "text/html", "no-cache", []string{`src="assets/graphiql.js"`, `href="assets/graphiql.css"`, `data-endpoint="graphql"`}},
		{"explorer not built", unbuilt, "GET", "/graphiql", 503, "text/html", "no-cache", []string{"assets are not built", "make web", "npm"}},
		{"explorer HEAD", built, "HEAD", "/graphiql", 200, "text/html", "no-cache", nil},
		{"explorer POST", built, "POST", "/graphiql", 405, "", "", nil},
		{"bundle script", built, "GET", "/assets/graphiql.js", 200, "text/javascript", "no-cache", []string{"console.log"}},
		{"bundle style", built, "GET", "/assets/graphiql.css", 200, "text/css", "no-cache", []string{".graphiql-container"}},
		{"worker", built, "GET", "/assets/editor.worker.js", 200, "text/javascript", "no-cache", nil},
		{"hashed chunk", built, "GET", "/assets/chunks/chunk-ABCDEFGH.js", 200, "text/javascript", "public, max-age=31536000, immutable", nil},
		{"unhashed chunk name", built, "GET", "/assets/chunks/graphqlMode-LOWER1.js", 200, "text/javascript", "no-cache", nil},
		{"font", built, "GET", "/assets/files/codicon-Q2W3E4R5.ttf", 200, "font/ttf", "public, max-age=31536000, immutable", nil},
		{"viewer script", unbuilt, "GET", "/assets/viewer.js", 200, "text/javascript", "no-cache", []string{"search(text: $text, first: 10)"}},
		{"viewer style", unbuilt, "GET", "/assets/viewer.css", 200, "text/css", "no-cache", nil},
		{"bundle missing", unbuilt, "GET", "/assets/graphiql.js", 404, "", "", nil},
		{"placeholder hidden", built, "GET", "/assets/README.md", 404, "", "", nil},
		{"directory", built, "GET", "/assets/chunks/", 404, "", "", nil},
		{"assets root", built, "GET", "/assets/", 404, "", "", nil},
		{"page source hidden", built, "GET", "/assets/index.html", 404, "", "", nil},
		{"unknown page", built, "GET", "/nowhere", 404, "", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(tc.mux, tc.method, tc.path, nil)
			if rec.Code != tc.wantStatus {
				t.Fatalf("%s %s: status %d, want %d (body %q)", tc.method, tc.path, rec.Code, tc.wantStatus, rec.Body.String())
			}
			if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, tc.wantType) {
				t.Errorf("Content-Type %q, want prefix %q", got, tc.wantType)
			}
			if tc.wantCache != "" {
				if got := rec.Header().Get("Cache-Control"); got != tc.wantCache {
					t.Errorf("Cache-Control %q, want %q", got, tc.wantCache)
				}
			}
			if tc.wantStatus == 200 && tc.method == "HEAD" && rec.Body.Len() != 0 {
				t.Errorf("HEAD answered with a body")
			}
			for _, want := range tc.wantBody {
				if !strings.Contains(rec.Body.String(), want) {
					t.Errorf("body lacks %q", want)
				}
			}
			if strings.HasSuffix(tc.wantType, "html") {
				if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "connect-src 'self'") {
					t.Errorf("page without a same-origin CSP: %q", csp)
				}
			}
			if strings.HasPrefix(tc.path, "/assets/") && tc.wantStatus == 200 {
				if rec.Header().Get("ETag") == "" {
					t.Errorf("asset without ETag")
				}
				if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
					t.Errorf("asset without nosniff")
				}
			}
		})
	}
}

func TestAssetValidationAndGzip(t *testing.T) {
	mux := newTestMux(t, builtDist)
	plain := do(mux, "GET", "/assets/graphiql.js", nil)
	if plain.Code != 200 || plain.Header().Get("Content-Encoding") != "" {
		t.Fatalf("plain request: status %d, encoding %q", plain.Code, plain.Header().Get("Content-Encoding"))
	}
	if !bytes.Equal(plain.Body.Bytes(), builtDist["graphiql.js"].Data) {
		t.Fatalf("plain body differs from the file")
	}

	zipped := do(mux, "GET", "/assets/graphiql.js", http.Header{"Accept-Encoding": {"br, gzip;q=0.8"}})
	if zipped.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip not used: headers %v", zipped.Header())
	}
	if !strings.Contains(zipped.Header().Get("Vary"), "Accept-Encoding") {
		t.Errorf("missing Vary: Accept-Encoding")
	}
	zr, err := gzip.NewReader(zipped.Body)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(unzipped, builtDist["graphiql.js"].Data) {
		t.Fatalf("gzip body does not decompress to the file")
	}
	if plain.Header().Get("ETag") == zipped.Header().Get("ETag") {
		t.Errorf("gzip and identity responses share an ETag")
	}

	for _, tc := range []struct {
		name   string
		header http.Header
	}{
		{"identity", http.Header{"If-None-Match": {plain.Header().Get("ETag")}}},
		{"gzip", http.Header{"If-None-Match": {zipped.Header().Get("ETag")}, "Accept-Encoding": {"gzip"}}},
	} {
		t.Run("revalidate "+tc.name, func(t *testing.T) {
			if rec := do(mux, "GET", "/assets/graphiql.js", tc.header); rec.Code != http.StatusNotModified {
				t.Errorf("status %d, want 304", rec.Code)
			}
		})
	}

	// Small files are not worth compressing.
	small := do(mux, "GET", "/assets/graphiql.css", http.Header{"Accept-Encoding": {"gzip"}})
	if small.Header().Get("Content-Encoding") != "" {
		t.Errorf("tiny file was compressed")
	}
}

// TestEmbeddedExplorer checks the binary's own embedded files, whichever
// state they are in: with the bundle, everything the explorer page loads
// (including Monaco's workers) is served; without it, /graphiql says how to
// build it.
func TestEmbeddedExplorer(t *testing.T) {
	mux := http.NewServeMux()
	Register(mux)
	page := do(mux, "GET", "/graphiql", nil)
	if !ExplorerBuilt() {
		t.Log("explorer bundle not embedded (run `make web` to build it); checking the placeholder page")
		if page.Code != http.StatusServiceUnavailable || !strings.Contains(page.Body.String(), "make web") {
			t.Fatalf("unbuilt explorer: status %d, body %q", page.Code, page.Body.String())
		}
		return
	}
	if page.Code != http.StatusOK {
		t.Fatalf("explorer status %d", page.Code)
	}
	refs := regexp.MustCompile(`(?:src|href)="(assets/[^"]+)"`).FindAllStringSubmatch(page.Body.String(), -1)
	if len(refs) < 2 {
		t.Fatalf("explorer page references %d assets, want script and style", len(refs))
	}
	want := []string{"/assets/editor.worker.js", "/assets/json.worker.js", "/assets/graphql.worker.js"}
	for _, ref := range refs {
		want = append(want, "/"+ref[1])
	}
	for _, path := range want {
		rec := do(mux, "GET", path, nil)
		ct := rec.Header().Get("Content-Type")
		if rec.Code != 200 || !(strings.HasPrefix(ct, "text/javascript") || strings.HasPrefix(ct, "text/css")) {
			t.Errorf("GET %s: status %d, type %q", path, rec.Code, ct)
		}
	}
}

// TestViewerAssets checks that every asset the viewer page names exists.
func TestViewerAssets(t *testing.T) {
	mux := newTestMux(t, emptyDist)
	page := do(mux, "GET", "/", nil).Body.String()
	refs := regexp.MustCompile(`(?:src|href)="(assets/[^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(refs) != 2 {
		t.Fatalf("viewer references %d assets, want 2", len(refs))
	}
	for _, ref := range refs {
		if rec := do(mux, "GET", "/"+ref[1], nil); rec.Code != 200 {
			t.Errorf("GET /%s: status %d", ref[1], rec.Code)
		}
	}
}

// TestNoShadowedAssets makes sure no bundle file is hidden by a viewer file
// of the same name (both are served under /assets/).
func TestNoShadowedAssets(t *testing.T) {
	dist := mustSub(distFiles, "dist")
	err := fs.WalkDir(mustSub(staticFiles, "static/assets"), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, err := fs.Stat(dist, name); err == nil {
			t.Errorf("%s exists in both static/assets and dist", name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestHashedName(t *testing.T) {
	tests := map[string]bool{
		"chunks/chunk-CVJ5AHWG.js":       true,
		"files/codicon-37A3DWZT.ttf":     true,
		"chunks/graphqlMode-7T5STZ7Z.js": true,
		"graphiql.js":                    false,
		"graphql.worker.js":              false,
		"chunks/plain.js":                false,
		"chunks/chunk-short.js":          false,
		"other/chunk-CVJ5AHWG.js":        false,
		"chunks/deeper/x-CVJ5AHWG.js":    false,
	}
	for name, want := range tests {
		if got := hashedName(name); got != want {
			t.Errorf("hashedName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := map[string]bool{
		"":                  false,
		"gzip":              true,
		"GZIP":              true,
		"br, gzip":          true,
		"gzip;q=0.5":        true,
		"gzip;q=0":          false,
		"gzip; q=0":         false,
		"deflate, br":       false,
		"x-gzip":            false,
		"identity, *;q=0.1": false,
	}
	for header, want := range tests {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Accept-Encoding", header)
		if got := acceptsGzip(req); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}

func TestContentType(t *testing.T) {
	tests := map[string]string{
		"a.js":            "text/javascript; charset=utf-8",
		"chunks/b.CSS":    "text/css; charset=utf-8",
		"files/c.woff2":   "font/woff2",
		"files/d.ttf":     "font/ttf",
		"e.json":          "application/json",
		"noextension":     "application/octet-stream",
		"f.unknownformat": "application/octet-stream",
	}
	for name, want := range tests {
		if got := contentType(name); got != want {
			t.Errorf("contentType(%q) = %q, want %q", name, got, want)
		}
	}
}
