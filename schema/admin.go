package schema

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"path"
	"runtime"
	"strings"
	"time"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/queries"
)

// The admin endpoints write to the store while `ipgraph serve` holds it
// (a Bolt file has one writer process):
//
//	POST   /admin/documents        load documents: one in the body (text/plain or
//	                               text/markdown, named by ?name=, X-Document-Name or
//	                               Content-Disposition), or files of a multipart/form-data body
//	DELETE /admin/documents/{id}   delete a document (its name or IRI)
//
// They are off (404) unless AdminOptions.Token is set, need
// "Authorization: Bearer TOKEN", and are not for browsers on other origins:
// no CORS headers, preflights refused, a foreign Origin refused. GraphQL
// has no mutations.

// AdminOptions configure the admin endpoints.
type AdminOptions struct {
	// Token enables the admin endpoints; requests must carry it as
	// "Authorization: Bearer TOKEN". Empty: the endpoints answer 404.
	Token string
	// Loader turns an uploaded file into its document's triples; required
	// for POST /admin/documents (cmd/ipgraph wires it to the loaders).
	Loader DocumentLoader
	// MaxBodyBytes caps a POST /admin/documents body; default
	// DefaultMaxDocumentBytes.
	MaxBodyBytes int64
	// Timeout bounds one admin request, upload included; default
	// DefaultAdminTimeout.
	Timeout time.Duration
}

// Defaults of AdminOptions.
const (
	DefaultMaxDocumentBytes = 64 << 20
	DefaultAdminTimeout     = 5 * time.Minute
)

// DocumentLoader reads and extracts one uploaded file. It does not write:
// the admin handler writes the triples with Store.ReplaceDocument, one
// transaction per document.
type DocumentLoader interface {
	LoadDocument(ctx context.Context, up Upload) (*LoadedDocument, error)
}

// DocumentLoaderFunc adapts a function to DocumentLoader.
type DocumentLoaderFunc func(ctx context.Context, up Upload) (*LoadedDocument, error)

// LoadDocument calls f.
func (f DocumentLoaderFunc) LoadDocument(ctx context.Context, up Upload) (*LoadedDocument, error) {
	return f(ctx, up)
}

// Upload is one uploaded file.
type Upload struct {
	Name   string // base file name: the document's identity (e.g. "2024-annual-report.txt")
	Source string // where the client read it (its path), stored as the document's source; "" for Name
	Data   []byte
}

// LoadedDocument is an upload turned into a document's triples.
type LoadedDocument struct {
	Name       string // the document's name; its IRI is graph.DocumentIRI(Name)
	Title      string
	Triples    []graph.Triple
	Entities   int
	Statistics int
}

// AdminResponse is the JSON body of every admin response.
type AdminResponse struct {
	Documents []DocumentResult `json:"documents,omitempty"`
	Error     string           `json:"error,omitempty"` // why the whole request failed
}

// DocumentResult is what happened to one document of an admin request.
type DocumentResult struct {
	Name       string `json:"name"`
	Title      string `json:"title,omitempty"`
	Added      int    `json:"added"`   // quads written
	Removed    int    `json:"removed"` // quads deleted
	Entities   int    `json:"entities"`
	Statistics int    `json:"statistics"`
	Deleted    bool   `json:"deleted,omitempty"` // DELETE: the document was there and is gone
	Error      string `json:"error,omitempty"`   // set when this document was not written
}

// adminPrefix is where the admin endpoints live.
const adminPrefix = "/admin/"

// withAdmin puts the admin endpoints in front of next (the CORS-wrapped
// public service), so that no CORS handling ever applies to them.
func withAdmin(next http.Handler, svc *queries.Service, opts Options) (http.Handler, error) {
	a := opts.Admin
	if a.Token != "" && a.Loader == nil {
		return nil, errors.New("admin endpoints: a token is set but no document loader")
	}
	if a.MaxBodyBytes <= 0 {
		a.MaxBodyBytes = DefaultMaxDocumentBytes
	}
	if a.Timeout <= 0 {
		a.Timeout = DefaultAdminTimeout
	}
	h := &adminHandler{store: svc.Store(), opts: a, log: opts.Logger, extracting: make(chan struct{}, runtime.GOMAXPROCS(0))}
	if a.Token != "" {
		h.tokenSum = sha256.Sum256([]byte(a.Token))
	}
	mux := http.NewServeMux()
	mux.Handle(adminPrefix, h)
	mux.Handle("/admin", h)
	mux.Handle("/", next)
	return mux, nil
}

type adminHandler struct {
	store      *graph.Store
	opts       AdminOptions
	tokenSum   [sha256.Size]byte
	log        *slog.Logger
	extracting chan struct{} // bounds concurrent extractions (CPU)
}

func (h *adminHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if h.opts.Token == "" {
		h.reply(w, http.StatusNotFound, AdminResponse{Error: "not found: the admin endpoints are off; start `ipgraph serve` with --admin-token-file FILE (or IPGRAPH_ADMIN_TOKEN) to enable them"})
		return
	}
	if r.Method == http.MethodOptions {
		h.refuse(r, "preflight")
		h.reply(w, http.StatusForbidden, AdminResponse{Error: "the admin endpoints do not answer cross-origin requests"})
		return
	}
	if !sameOrigin(r) {
		h.refuse(r, "cross-origin request from "+r.Header.Get("Origin"))
		h.reply(w, http.StatusForbidden, AdminResponse{Error: "the admin endpoints refuse requests from web pages of other origins"})
		return
	}
	if ok, why := h.authorized(r); !ok {
		h.refuse(r, why)
		w.Header().Set("WWW-Authenticate", `Bearer realm="ipgraph admin"`)
		h.reply(w, http.StatusUnauthorized, AdminResponse{Error: why + ": send the server's admin token as `Authorization: Bearer TOKEN`"})
		return
	}
	if h.store.ReadOnly() {
		h.reply(w, http.StatusConflict, AdminResponse{Error: "the store is open read-only (serve --read-only): this server takes no writes; load through the server that holds the store for writing"})
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/admin/documents")
	switch {
	case ok && (rest == "" || rest == "/"):
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			h.reply(w, http.StatusMethodNotAllowed, AdminResponse{Error: "use POST to load documents here, DELETE /admin/documents/{id} to delete one"})
			return
		}
		h.upload(w, r)
	case ok && strings.HasPrefix(rest, "/"):
		if r.Method != http.MethodDelete {
			w.Header().Set("Allow", "DELETE")
			h.reply(w, http.StatusMethodNotAllowed, AdminResponse{Error: "use DELETE to delete a document"})
			return
		}
		h.delete(w, r, rest[1:])
	default:
		h.reply(w, http.StatusNotFound, AdminResponse{Error: "not found: the admin endpoints are POST /admin/documents and DELETE /admin/documents/{id}"})
	}
}

// authorized checks the bearer token. Both sides are hashed before the
// constant-time comparison, so neither the time taken nor an early length
// mismatch tells how much of a guess was right or how long the token is.
func (h *adminHandler) authorized(r *http.Request) (bool, string) {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return false, "no Authorization header"
	}
	scheme, tok, found := strings.Cut(auth, " ")
	if !found || !strings.EqualFold(scheme, "Bearer") {
		return false, "the Authorization header is not a bearer token"
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	if subtle.ConstantTimeCompare(sum[:], h.tokenSum[:]) != 1 {
		return false, "wrong token"
	}
	return true, ""
}

// sameOrigin reports whether r comes from no browser page, or from a page
// of this server's own origin. A browser says where a page's request comes
// from in Origin (always, for POST and DELETE) and Sec-Fetch-Site.
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	if err != nil || u.Host == "" {
		return false // "null" and the like
	}
	return strings.EqualFold(u.Host, r.Host)
}

func (h *adminHandler) refuse(r *http.Request, why string) {
	h.log.Warn("admin request refused", "method", r.Method, "path", r.URL.Path, "remote", r.RemoteAddr, "reason", why)
}

func (h *adminHandler) reply(w http.ResponseWriter, status int, resp AdminResponse) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(resp); err != nil {
		h.log.Warn("write admin response", "err", err)
	}
}

// deadlines gives an admin request its own time limits, longer than the
// server's defaults for GraphQL: a large upload and its extraction take
// time.
func (h *adminHandler) deadlines(w http.ResponseWriter, r *http.Request) (context.Context, context.CancelFunc) {
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(h.opts.Timeout))
	_ = rc.SetWriteDeadline(time.Now().Add(h.opts.Timeout + 10*time.Second))
	return context.WithTimeout(r.Context(), h.opts.Timeout)
}

func (h *adminHandler) delete(w http.ResponseWriter, r *http.Request, id string) {
	ctx, cancel := h.deadlines(w, r)
	defer cancel()
	if id == "" {
		h.reply(w, http.StatusBadRequest, AdminResponse{Error: "name the document: DELETE /admin/documents/{id}"})
		return
	}
	found, err := h.store.DeleteDocument(ctx, graph.ExpandDocumentID(id))
	if err != nil {
		h.reply(w, writeErrorStatus(err), AdminResponse{Error: fmt.Sprintf("delete %s: %v", id, err)})
		return
	}
	if !found {
		h.reply(w, http.StatusNotFound, AdminResponse{Error: "no document " + id})
		return
	}
	h.log.Info("admin: document deleted", "doc", id, "remote", r.RemoteAddr)
	h.reply(w, http.StatusOK, AdminResponse{Documents: []DocumentResult{{Name: id, Deleted: true}}})
}

func writeErrorStatus(err error) int {
	switch {
	case errors.Is(err, graph.ErrReadOnly):
		return http.StatusConflict
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func (h *adminHandler) upload(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := h.deadlines(w, r)
	defer cancel()
	if r.ContentLength > h.opts.MaxBodyBytes {
		h.reply(w, http.StatusRequestEntityTooLarge, AdminResponse{Error: fmt.Sprintf("the body is over %d bytes", h.opts.MaxBodyBytes)})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, h.opts.MaxBodyBytes)
	ups, status, err := h.readUploads(r)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			status, err = http.StatusRequestEntityTooLarge, fmt.Errorf("the body is over %d bytes", h.opts.MaxBodyBytes)
		}
		h.reply(w, status, AdminResponse{Error: err.Error()})
		return
	}
	resp := AdminResponse{Documents: make([]DocumentResult, len(ups))}
	status = http.StatusOK
	seen := map[string]bool{}
	for i, up := range ups {
		res, st := h.load(ctx, up, seen)
		resp.Documents[i] = res
		if st > status {
			status = st
		}
	}
	h.reply(w, status, resp)
}

// load extracts and writes one upload; the status is 200, or what its
// failure would make the request's.
func (h *adminHandler) load(ctx context.Context, up Upload, seen map[string]bool) (DocumentResult, int) {
	res := DocumentResult{Name: up.Name}
	if seen[up.Name] {
		res.Error = "the request has this document name twice (documents are identified by file name)"
		return res, http.StatusUnprocessableEntity
	}
	seen[up.Name] = true
	select {
	case h.extracting <- struct{}{}:
	case <-ctx.Done():
		res.Error = ctx.Err().Error()
		return res, http.StatusServiceUnavailable
	}
	ld, err := h.opts.Loader.LoadDocument(ctx, up)
	<-h.extracting
	if err != nil {
		res.Error = err.Error()
		if ctx.Err() != nil {
			return res, http.StatusServiceUnavailable
		}
		return res, http.StatusUnprocessableEntity
	}
	res.Name, res.Title, res.Entities, res.Statistics = ld.Name, ld.Title, ld.Entities, ld.Statistics
	ch, err := h.store.ReplaceDocument(ctx, graph.DocumentIRI(ld.Name), ld.Triples)
	if err != nil {
		res.Error = "write: " + err.Error()
		return res, writeErrorStatus(err)
	}
	res.Added, res.Removed = ch.Added, ch.Removed
	h.log.Info("admin: document written", "doc", ld.Name, "added", ch.Added, "removed", ch.Removed)
	return res, http.StatusOK
}

// maxSourceLen bounds the source path a client may give.
const maxSourceLen = 1024

// readUploads reads the documents of a POST /admin/documents body.
func (h *adminHandler) readUploads(r *http.Request) ([]Upload, int, error) {
	ct, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return nil, http.StatusUnsupportedMediaType, errors.New("say the body's Content-Type: text/plain or text/markdown for one document, multipart/form-data for files")
	}
	source := firstNonEmpty(r.URL.Query().Get("source"), r.Header.Get("X-Document-Source"))
	if len(source) > maxSourceLen {
		return nil, http.StatusBadRequest, fmt.Errorf("the source is over %d bytes", maxSourceLen)
	}
	switch ct {
	case "text/plain", "text/markdown", "text/x-markdown", "application/octet-stream":
		if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "us-ascii" {
			return nil, http.StatusUnsupportedMediaType, fmt.Errorf("charset %s: send documents in UTF-8", cs)
		}
		name := firstNonEmpty(r.URL.Query().Get("name"), r.Header.Get("X-Document-Name"))
		if name == "" {
			if _, dp, err := mime.ParseMediaType(r.Header.Get("Content-Disposition")); err == nil {
				name = dp["filename"]
			}
		}
		name, err := documentName(name)
		if err != nil {
			return nil, http.StatusBadRequest, err
		}
		data, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, http.StatusBadRequest, fmt.Errorf("read the body: %w", err)
		}
		return []Upload{{Name: name, Source: source, Data: data}}, 0, nil
	case "multipart/form-data":
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, http.StatusBadRequest, fmt.Errorf("read the multipart body: %w", err)
		}
		var ups []Upload
		for {
			part, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, http.StatusBadRequest, fmt.Errorf("read the multipart body: %w", err)
			}
			if part.FileName() == "" {
				part.Close() // a form field, not a file
				continue
			}
			name, err := documentName(part.FileName())
			if err != nil {
				return nil, http.StatusBadRequest, err
			}
			data, err := io.ReadAll(part)
			part.Close()
			if err != nil {
				return nil, http.StatusBadRequest, fmt.Errorf("read file %s: %w", name, err)
			}
			ups = append(ups, Upload{Name: name, Data: data})
		}
		if len(ups) == 0 {
			return nil, http.StatusBadRequest, errors.New("the multipart body has no file")
		}
		return ups, 0, nil
	}
	return nil, http.StatusUnsupportedMediaType, fmt.Errorf("cannot load a body of type %s: send text/plain or text/markdown for one document, multipart/form-data for files", ct)
}

// documentName is the base name of a client's file name.
func documentName(name string) (string, error) {
	name = path.Base(strings.ReplaceAll(strings.TrimSpace(name), `\`, "/"))
	if name == "" || name == "." || name == ".." || name == "/" {
		return "", errors.New("name the document: ?name=FILE.txt, an X-Document-Name header or a Content-Disposition filename (documents are identified by file name)")
	}
	return name, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// noMutations is the error of a mutation or subscription: the GraphQL
// schema has only queries.
func noMutations(op string) gqlerrors.FormattedError {
	return withCode(gqlerrors.FormattedError{Message: "this GraphQL API is read-only: it has no " + op + "s. Load documents with `ipgraph load`, or through a running server with `ipgraph load --server URL` (POST /admin/documents)"},
		"GRAPHQL_VALIDATION_FAILED")
}
