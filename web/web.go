package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// dist holds the npm build output; all: keeps the placeholder README.md so
// the pattern matches on a clean checkout.
//
//go:embed all:dist
var distFiles embed.FS

// static holds the hand-written HTML pages.
//
//go:embed static
var staticFiles embed.FS

// page is one HTML page and the bundle files it loads; their presence in
// dist is what "built" means for that page.
type page struct {
	pattern string   // ServeMux pattern
	file    string   // the page, at the top of static/
	bundle  []string // files under dist/ (served as /assets/NAME)
}

var (
	viewerPage   = page{"GET /{$}", "index.html", []string{"viewer.js", "viewer.css"}}
	explorerPage = page{"GET /graphiql", "graphiql.html", []string{"graphiql.js", "graphiql.css"}}
	pages        = []page{viewerPage, explorerPage}
)

// unbuiltPage stands in for a page whose bundle is missing.
const unbuiltPage = "unbuilt.html"

// contentSecurityPolicy keeps every page on its own origin: scripts, styles,
// fonts, workers and GraphQL requests may only come from the serving host
// (inline styles are allowed because the editor sets them at run time).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
	"connect-src 'self'; worker-src 'self' blob:; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

// Register mounts the pages on mux: "GET /{$}" the graph viewer, "GET
// /graphiql" the explorer, "GET /assets/" the bundled files (with correct
// content types and cache headers). A page whose bundle is not embedded
// answers 503 with instructions to build it. GET patterns also answer HEAD
// requests.
func Register(mux *http.ServeMux) {
	s := newSite(mustSub(staticFiles, "static"), mustSub(distFiles, "dist"))
	s.register(mux)
}

// ViewerBuilt reports whether the graph viewer's bundle is embedded.
func ViewerBuilt() bool { return bundlePresent(mustSub(distFiles, "dist"), viewerPage.bundle) }

// ExplorerBuilt reports whether the GraphiQL bundle is embedded.
func ExplorerBuilt() bool { return bundlePresent(mustSub(distFiles, "dist"), explorerPage.bundle) }

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // only for invalid names; ours are constants
	}
	return sub
}

// bundlePresent reports whether dist holds each of names as a non-empty
// regular file.
func bundlePresent(dist fs.FS, names []string) bool {
	for _, name := range names {
		info, err := fs.Stat(dist, name)
		if err != nil || info.IsDir() || info.Size() == 0 {
			return false
		}
	}
	return true
}

// site serves the pages from static and the assets from dist (the npm
// bundle).
type site struct {
	static fs.FS
	dist   fs.FS

	mu    sync.Mutex
	cache map[string]*asset // by URL path below /assets/
}

// asset is one file ready to serve, with its validator and, for text
// formats, a gzip-compressed copy made on first use.
type asset struct {
	body        []byte
	contentType string
	etag        string
	immutable   bool

	gzipOnce sync.Once
	gzipped  []byte // nil when compression does not pay
}

func newSite(static, dist fs.FS) *site {
	return &site{static: static, dist: dist, cache: map[string]*asset{}}
}

// register mounts each page, or the build instructions in its place when
// its bundle is missing, and the assets.
func (s *site) register(mux *http.ServeMux) {
	for _, p := range pages {
		if bundlePresent(s.dist, p.bundle) {
			mux.HandleFunc(p.pattern, s.servePage(p.file, http.StatusOK))
		} else {
			mux.HandleFunc(p.pattern, s.servePage(unbuiltPage, http.StatusServiceUnavailable))
		}
	}
	mux.HandleFunc("GET /assets/", s.serveAsset)
}

// servePage answers with one of the HTML pages at the top of static.
func (s *site) servePage(name string, status int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := fs.ReadFile(s.static, name)
		if err != nil {
			http.Error(w, "page missing from the build: "+name, http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(body)
		}
	}
}

// serveAsset answers GET /assets/NAME from dist.
func (s *site) serveAsset(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/assets/")
	a, err := s.lookup(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	if a.immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache") // revalidate with the ETag
	}
	body, etag := a.body, a.etag
	if compressible(a.contentType) {
		h.Add("Vary", "Accept-Encoding")
		if gz := a.gzip(); gz != nil && acceptsGzip(r) {
			body, etag = gz, strings.TrimSuffix(a.etag, `"`)+`-gz"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", etag)
	// ServeContent handles If-None-Match, HEAD and ranges.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// lookup finds and caches the asset for a path below /assets/.
func (s *site) lookup(name string) (*asset, error) {
	if name == "" || !fs.ValidPath(name) || path.Base(name) == "README.md" {
		return nil, fs.ErrNotExist
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.cache[name]; ok {
		return a, nil
	}
	body, err := readFile(s.dist, name)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	a := &asset{
		body:        body,
		contentType: contentType(name),
		etag:        `"` + hex.EncodeToString(sum[:12]) + `"`,
		immutable:   hashedName(name),
	}
	s.cache[name] = a
	return a, nil
}

// readFile reads a regular file; directories count as missing.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, fs.ErrNotExist
	}
	return fs.ReadFile(fsys, name)
}

// gzip returns the compressed body, or nil if it would not be smaller.
func (a *asset) gzip() []byte {
	a.gzipOnce.Do(func() {
		if len(a.body) < 1024 {
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = zw.Write(a.body)
		if zw.Close() == nil && buf.Len() < len(a.body) {
			a.gzipped = buf.Bytes()
		}
	})
	return a.gzipped
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// contentTypes maps the extensions the pages and the bundle use; the table
// is explicit so that answers do not depend on the host's MIME database.
var contentTypes = map[string]string{
	".css":   "text/css; charset=utf-8",
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".json":  "application/json",
	".map":   "application/json",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".ico":   "image/x-icon",
	".ttf":   "font/ttf",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".txt":   "text/plain; charset=utf-8",
	".wasm":  "application/wasm",
}

func contentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

func compressible(contentType string) bool {
	return strings.HasPrefix(contentType, "text/") ||
		strings.HasPrefix(contentType, "application/json") ||
		contentType == "image/svg+xml" || contentType == "font/ttf"
}

// hashedName reports whether a bundle file carries a content hash in its
// name (esbuild's "name-HASH.ext" under chunks/ and files/), so that it can
// be cached forever: new content always gets a new name.
func hashedName(name string) bool {
	dir, file := path.Split(name)
	if dir != "chunks/" && dir != "files/" {
		return false
	}
	stem := strings.TrimSuffix(file, path.Ext(file))
	i := strings.LastIndexByte(stem, '-')
	if i < 0 || len(stem)-i-1 < 8 {
		return false
	}
	for _, c := range stem[i+1:] {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
