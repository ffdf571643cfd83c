package schema

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"
	"github.com/rs/cors"

	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/web"
)

// Options tune the HTTP service. Zero values take the defaults.
type Options struct {
	Timeout        time.Duration // per request; default 10s
	ExportTimeout  time.Duration // per GET /export; default DefaultExportTimeout
	MaxBodyBytes   int64         // request body cap; default 1 MiB
	AllowedOrigins []string      // CORS origins allowed to read; default any ("*")
	Logger         *slog.Logger  // default slog.Default()

	// Limits on GraphQL documents; see the Default* constants.
	MaxDepth      int   // nesting of data selections; default DefaultMaxDepth
	MaxComplexity int64 // cost budget of an operation; default DefaultMaxComplexity
	MaxSelections int   // fields in one selection set; default DefaultMaxSelections
	// CacheSize is how many prepared documents are cached by query text:
	// 0 means DefaultCacheSize, a negative value disables the cache.
	CacheSize int
}

const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// NewHandler returns the whole HTTP service over svc: /graphql, /export,
// /healthz and the web pages (the viewer at /, the explorer at /graphiql), behind
// CORS.
func NewHandler(svc *queries.Service, opts Options) (http.Handler, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.ExportTimeout <= 0 {
		opts.ExportTimeout = DefaultExportTimeout
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 1 << 20
	}
	if len(opts.AllowedOrigins) == 0 {
		opts.AllowedOrigins = []string{"*"}
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	s, err := New(svc)
	if err != nil {
		return nil, fmt.Errorf("build GraphQL schema: %w", err)
	}
	g := newGraphQLHandler(s, opts)
	mux := http.NewServeMux()
	mux.Handle("/graphql", g)
	mux.Handle("GET /export", exportHandler{svc: svc, opts: opts})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if _, err := svc.Store().Size(ctx); err != nil {
			http.Error(w, "store unavailable: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	web.Register(mux)
	c := cors.New(cors.Options{
		AllowedOrigins: opts.AllowedOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Content-Type", "Accept"},
		MaxAge:         600,
	})
	return c.Handler(mux), nil
}

type graphqlHandler struct {
	schema graphql.Schema
	opts   Options
	limits limits
	cache  *docCache // nil when disabled
}

func newGraphQLHandler(s graphql.Schema, opts Options) *graphqlHandler {
	l := limits{
		maxDepth:              cmp.Or(opts.MaxDepth, DefaultMaxDepth),
		maxIntrospectionDepth: DefaultMaxIntrospectionDepth,
		maxComplexity:         cmp.Or(opts.MaxComplexity, DefaultMaxComplexity),
		maxSelections:         cmp.Or(opts.MaxSelections, DefaultMaxSelections),
		maxFields:             DefaultMaxFields,
	}
	l.maxIntrospectionDepth = max(l.maxIntrospectionDepth, l.maxDepth)
	l.maxFields = max(l.maxFields, l.maxSelections)
	return &graphqlHandler{schema: s, opts: opts, limits: l, cache: newDocCache(cmp.Or(opts.CacheSize, DefaultCacheSize))}
}

// prepare parses, limit-checks and validates a query, or takes the
// outcome from the cache.
func (h *graphqlHandler) prepare(query string) *prepared {
	if p, ok := h.cache.get(query); ok {
		return p
	}
	p := h.prepareUncached(query)
	h.cache.put(query, p)
	return p
}

func (h *graphqlHandler) prepareUncached(query string) *prepared {
	if e := checkNesting(query); e != nil {
		return &prepared{errs: []gqlerrors.FormattedError{*e}}
	}
	doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(query), Name: "GraphQL request"})})
	if err != nil {
		return &prepared{errs: []gqlerrors.FormattedError{withCode(gqlerrors.FormatError(err), "GRAPHQL_PARSE_FAILED")}}
	}
	if errs := h.limits.checkDocument(doc); errs != nil {
		return &prepared{errs: errs}
	}
	if v := validate(&h.schema, doc); !v.IsValid {
		errs := make([]gqlerrors.FormattedError, len(v.Errors))
		for i, e := range v.Errors {
			errs[i] = withCode(e, "GRAPHQL_VALIDATION_FAILED")
		}
		return &prepared{errs: errs}
	}
	return &prepared{doc: doc}
}

// request is a GraphQL-over-HTTP request.
type request struct {
	Query         string                 `json:"query"`
	OperationName string                 `json:"operationName"`
	Variables     map[string]interface{} `json:"variables"`
	Extensions    map[string]interface{} `json:"extensions"`
}

// response is a GraphQL result with ipgraph's extensions. A request that
// failed before execution has no data entry; an executed one always has
// it, null or not.
type response struct {
	Data       interface{}                `json:"data,omitempty"`
	Executed   bool                       `json:"-"`
	Errors     []gqlerrors.FormattedError `json:"errors,omitempty"`
	Extensions map[string]interface{}     `json:"extensions,omitempty"`
}

func (h *graphqlHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	media, ok := negotiate(r.Header.Get("Accept"))
	if !ok {
		h.fail(w, mediaJSON, http.StatusNotAcceptable, "NOT_ACCEPTABLE",
			"cannot answer in any type the Accept header lists; accept application/graphql-response+json or application/json")
		return
	}
	req, reqStatus, code, err := h.readRequest(w, r)
	if err != nil {
		h.fail(w, media, reqStatus, code, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
	defer cancel()

	p := h.prepare(req.Query)
	if p.doc == nil {
		h.write(w, media, requestErrorStatus(media), response{Errors: p.errs})
		return
	}
	doc := p.doc
	op := operation(doc, req.OperationName)
	if op != nil && op.Operation != ast.OperationTypeQuery && r.Method == http.MethodGet {
		w.Header().Set("Allow", "POST")
		h.fail(w, media, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", op.Operation+" operations are not allowed over GET")
		return
	}
	if op != nil {
		if c := complexity(&h.schema, doc, op, req.Variables); c > h.limits.maxComplexity {
			h.write(w, media, requestErrorStatus(media), response{Errors: []gqlerrors.FormattedError{limitError(CodeTooComplex,
				fmt.Sprintf("the query costs %d, over the budget of %d: ask for smaller pages (first) or fewer nested lists", c, h.limits.maxComplexity),
				h.limits.maxComplexity, c)}})
			return
		}
	}
	ctx, state := withState(ctx)
	res := graphql.Execute(graphql.ExecuteParams{Schema: h.schema, AST: doc, OperationName: req.OperationName, Args: req.Variables, Context: ctx})
	out := response{Data: res.Data, Errors: res.Errors, Executed: true}
	for i := range out.Errors {
		if out.Errors[i].Extensions == nil {
			out.Errors[i] = withCode(out.Errors[i], "INTERNAL_SERVER_ERROR")
		}
	}
	if ctx.Err() != nil {
		out.Errors = append(out.Errors, withCode(gqlerrors.FormattedError{Message: fmt.Sprintf("the request took longer than %s", h.opts.Timeout)}, "TIMEOUT"))
	}
	if len(state.truncated) > 0 {
		out.Extensions = map[string]interface{}{"truncated": state.truncated}
	}
	// Execution started: 200 even when data is null (GraphQL over HTTP).
	h.write(w, media, http.StatusOK, out)
}

// validate runs graphql-go's validation, turning its panics on some
// malformed documents (e.g. a variable without a type, which its parser
// accepts) into a validation error.
func validate(s *graphql.Schema, doc *ast.Document) (v graphql.ValidationResult) {
	defer func() {
		if r := recover(); r != nil {
			v = graphql.ValidationResult{Errors: []gqlerrors.FormattedError{{Message: fmt.Sprintf("the document is malformed: %v", r)}}}
		}
	}()
	return graphql.ValidateDocument(s, doc, nil)
}

// readRequest decodes a GET or POST GraphQL request.
func (h *graphqlHandler) readRequest(w http.ResponseWriter, r *http.Request) (request, int, string, error) {
	var req request
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		req.Query = q.Get("query")
		req.OperationName = q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
				return req, http.StatusBadRequest, "BAD_REQUEST", fmt.Errorf("variables is not a JSON object: %v", err)
			}
		}
	case http.MethodPost:
		ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || (ct != mediaJSON && ct != "application/graphql") {
			return req, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", errors.New("POST a body of type application/json")
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBodyBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return req, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE", fmt.Errorf("the request body is over %d bytes", h.opts.MaxBodyBytes)
			}
			return req, http.StatusBadRequest, "BAD_REQUEST", fmt.Errorf("read request body: %v", err)
		}
		if ct == "application/graphql" {
			req.Query = string(body)
		} else if err := json.Unmarshal(body, &req); err != nil {
			return req, http.StatusBadRequest, "BAD_REQUEST", fmt.Errorf("the body is not a GraphQL request in JSON: %v", err)
		}
	default:
		w.Header().Set("Allow", "GET, POST")
		return req, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", errors.New("use GET or POST")
	}
	if strings.TrimSpace(req.Query) == "" {
		return req, http.StatusBadRequest, "BAD_REQUEST", errors.New("the request has no query")
	}
	return req, 0, "", nil
}

// operation returns the operation the request would run, or nil when the
// document does not say unambiguously (validation reports that).
func operation(doc *ast.Document, name string) *ast.OperationDefinition {
	var found *ast.OperationDefinition
	for _, d := range doc.Definitions {
		op, ok := d.(*ast.OperationDefinition)
		if !ok {
			continue
		}
		if name == "" || (op.Name != nil && op.Name.Value == name) {
			if found != nil && name == "" {
				return nil
			}
			found = op
		}
	}
	return found
}

// negotiate picks the response media type from an Accept header.
func negotiate(accept string) (string, bool) {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON, true
	}
	best, bestQ := "", -1.0
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			fmt.Sscanf(v, "%g", &q)
		}
		var cand string
		switch mt {
		case mediaGraphQLResponse:
			cand = mediaGraphQLResponse
		case mediaJSON, "application/*", "*/*":
			cand = mediaJSON
		default:
			continue
		}
		if q > bestQ || (q == bestQ && cand == mediaGraphQLResponse) {
			best, bestQ = cand, q
		}
	}
	return best, best != "" && bestQ > 0
}

// requestErrorStatus is the status of a parse or validation failure: 400
// for the GraphQL response media type, 200 for legacy application/json.
func requestErrorStatus(media string) int {
	if media == mediaGraphQLResponse {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

func withCode(e gqlerrors.FormattedError, code string) gqlerrors.FormattedError {
	if e.Extensions == nil {
		e.Extensions = map[string]interface{}{}
	}
	if _, ok := e.Extensions["code"]; !ok {
		e.Extensions["code"] = code
	}
	return e
}

func (h *graphqlHandler) fail(w http.ResponseWriter, media string, status int, code, msg string) {
	h.write(w, media, status, response{Errors: []gqlerrors.FormattedError{withCode(gqlerrors.FormattedError{Message: msg}, code)}})
}

func (h *graphqlHandler) write(w http.ResponseWriter, media string, status int, resp response) {
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	var body interface{} = resp
	if resp.Executed {
		body = struct {
			Data       interface{}                `json:"data"`
			Errors     []gqlerrors.FormattedError `json:"errors,omitempty"`
			Extensions map[string]interface{}     `json:"extensions,omitempty"`
		}{resp.Data, resp.Errors, resp.Extensions}
	}
	if err := json.NewEncoder(w).Encode(body); err != nil {
		h.opts.Logger.Warn("write GraphQL response", "err", err)
	}
}
