package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// builtDist imitates the npm build output.
var builtDist = fstest.MapFS{
	"README.md":                    {Data: []byte("placeholder")},
	"graphiql.js":                  {Data: []byte(strings.Repeat("console.log('graphiql');\n", 200))},
	"graphiql.css":                 {Data: []byte(".graphiql-container{display:flex}")},
	"viewer.js":                    {Data: []byte("import cytoscape from './cy';cytoscape({container:document.getElementById('graph')})")},
	"viewer.css":                   {Data: []byte("#graph{flex:1}")},
	"editor.worker.js":             {Data: []byte("self.onmessage=()=>{}")},
	"chunks/chunk-ABCDEFGH.js":     {Data: []byte("export const x=1")},
	"files/codicon-Q2W3E4R5.ttf":   {Data: []byte("\x00\x01\x00\x00font")},
	"chunks/graphqlMode-LOWER1.js": {Data: []byte("export const y=2")},
}

// emptyDist is a clean checkout: only the committed placeholder.
var emptyDist = fstest.MapFS{"README.md": {Data: []byte("placeholder")}}

// explorerOnlyDist lacks the viewer's bundle: each page checks its own.
var explorerOnlyDist = fstest.MapFS{
	"README.md":    builtDist["README.md"],
	"graphiql.js":  builtDist["graphiql.js"],
	"graphiql.css": builtDist["graphiql.css"],
	"viewer.css":   builtDist["viewer.css"],
	"viewer.js":    {Data: nil}, // an interrupted build: empty counts as missing
}

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
	explorerOnly := newTestMux(t, explorerOnlyDist)
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
		{"viewer", built, "GET", "/", 200, "text/html", "no-cache", []string{`src="assets/viewer.js"`, `href="assets/viewer.css"`, `id="search-text"`, `id="graph"`, `id="status"`}},
		{"viewer HEAD", built, "HEAD", "/", 200, "text/html", "no-cache", nil},
		{"viewer not built", unbuilt, "GET", "/", 503, "text/html", "no-cache", []string{"assets of this page are not built", "make web", "npm"}},
		{"viewer bundle incomplete", explorerOnly, "GET", "/", 503, "text/html", "no-cache", []string{"make web"}},
		{"explorer", built, "GET", "/graphiql", 200, "text/html", "no-cache", []string{`src="assets/graphiql.js"`, `href="assets/graphiql.css"`, `data-endpoint="graphql"`}},
		{"explorer without viewer", explorerOnly, "GET", "/graphiql", 200, "text/html", "no-cache", []string{`src="assets/graphiql.js"`}},
		{"explorer not built", unbuilt, "GET", "/graphiql", 503, "text/html", "no-cache", []string{"assets of this page are not built", "make web", "npm"}},
		{"explorer HEAD", built, "HEAD", "/graphiql", 200, "text/html", "no-cache", nil},
		{"explorer POST", built, "POST", "/graphiql", 405, "", "", nil},
		{"bundle script", built, "GET", "/assets/graphiql.js", 200, "text/javascript", "no-cache", []string{"console.log"}},
		{"bundle style", built, "GET", "/assets/graphiql.css", 200, "text/css", "no-cache", []string{".graphiql-container"}},
		{"worker", built, "GET", "/assets/editor.worker.js", 200, "text/javascript", "no-cache", nil},
		{"hashed chunk", built, "GET", "/assets/chunks/chunk-ABCDEFGH.js", 200, "text/javascript", "public, max-age=31536000, immutable", nil},
		{"unhashed chunk name", built, "GET", "/assets/chunks/graphqlMode-LOWER1.js", 200, "text/javascript", "no-cache", nil},
		{"font", built, "GET", "/assets/files/codicon-Q2W3E4R5.ttf", 200, "font/ttf", "public, max-age=31536000, immutable", nil},
		{"viewer script", built, "GET", "/assets/viewer.js", 200, "text/javascript", "no-cache", []string{"cytoscape"}},
		{"viewer style", built, "GET", "/assets/viewer.css", 200, "text/css", "no-cache", []string{"#graph"}},
		{"bundle missing", unbuilt, "GET", "/assets/graphiql.js", 404, "", "", nil},
		{"viewer bundle missing", unbuilt, "GET", "/assets/viewer.js", 404, "", "", nil},
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

// TestEmbeddedPages checks the binary's own embedded files, whichever state
// they are in: a built page is served with everything it loads (for the
// explorer, Monaco's workers too); an unbuilt one says how to build it.
func TestEmbeddedPages(t *testing.T) {
	mux := http.NewServeMux()
	Register(mux)
	for _, tc := range []struct {
		path  string
		built bool
		extra []string // assets loaded at run time rather than named in the page
	}{
		{"/", ViewerBuilt(), nil},
		{"/graphiql", ExplorerBuilt(), []string{"/assets/editor.worker.js", "/assets/json.worker.js", "/assets/graphql.worker.js"}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			page := do(mux, "GET", tc.path, nil)
			if !tc.built {
				t.Log("bundle not embedded (run `make web` to build it); checking the placeholder page")
				if page.Code != http.StatusServiceUnavailable || !strings.Contains(page.Body.String(), "make web") {
					t.Fatalf("unbuilt page: status %d, body %q", page.Code, page.Body.String())
				}
				return
			}
			if page.Code != http.StatusOK {
				t.Fatalf("status %d", page.Code)
			}
			refs := assetRefs(page.Body.String())
			if len(refs) < 2 {
				t.Fatalf("page references %d assets, want script and style", len(refs))
			}
			for _, path := range append(refs, tc.extra...) {
				rec := do(mux, "GET", path, nil)
				ct := rec.Header().Get("Content-Type")
				if rec.Code != 200 || rec.Body.Len() == 0 || !(strings.HasPrefix(ct, "text/javascript") || strings.HasPrefix(ct, "text/css")) {
					t.Errorf("GET %s: status %d, type %q, %d bytes", path, rec.Code, ct, rec.Body.Len())
				}
			}
		})
	}
}

// assetRefs returns the /assets/ paths a page's src and href attributes name.
func assetRefs(html string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?:src|href)="(assets/[^"]+)"`).FindAllStringSubmatch(html, -1) {
		out = append(out, "/"+m[1])
	}
	return out
}

// TestPagesNameTheirBundle keeps each page's bundle list (what "built"
// checks) equal to the assets the page's HTML actually loads.
func TestPagesNameTheirBundle(t *testing.T) {
	for _, p := range pages {
		html, err := fs.ReadFile(mustSub(staticFiles, "static"), p.file)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, name := range p.bundle {
			want = append(want, "/assets/"+name)
		}
		got := assetRefs(string(html))
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s loads %v, but its bundle list is %v", p.file, got, want)
		}
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
