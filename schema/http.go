package schema

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/location"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"
	"github.com/graphql-go/graphql/language/visitor"
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

	Admin AdminOptions // the write endpoints under /admin/ (admin.go); off unless Admin.Token is set
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
		// A ping, not Store.Size: the exact count scans the whole store
		// (seconds at millions of quads) and would outlive the deadline.
		if err := svc.Store().Ping(ctx); err != nil {
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
	// /admin/ is mounted outside CORS: write endpoints are not for other origins (admin.go).
	return withAdmin(c.Handler(mux), svc, opts)
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
	guardResolvers(&s)
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
	// NoSource: graphql-go locates an error in a node's source by
	// scanning the whole text for newlines (with a freshly compiled
	// regexp), which makes a document with many errors cost errors × size;
	// without the source it records the offset, which relocate turns into
	// a line and column.
	doc, err := parser.Parse(parser.ParseParams{
		Source:  source.NewSource(&source.Source{Body: []byte(query), Name: "GraphQL request"}),
		Options: parser.ParseOptions{NoSource: true},
	})
	if err != nil {
		return &prepared{errs: []gqlerrors.FormattedError{withCode(gqlerrors.FormatError(err), "GRAPHQL_PARSE_FAILED")}}
	}
	if len(doc.Definitions) == 0 { // graphql-go accepts a document of comments alone
		return &prepared{errs: []gqlerrors.FormattedError{withCode(gqlerrors.FormattedError{
			Message: "Syntax Error: the document has no definitions, only comments or whitespace"}, "GRAPHQL_PARSE_FAILED")}}
	}
	if errs := h.limits.checkDocument(doc); errs != nil {
		return &prepared{errs: errs}
	}
	if v := validate(&h.schema, doc); !v.IsValid {
		errs := make([]gqlerrors.FormattedError, len(v.Errors))
		for i, e := range v.Errors {
			errs[i] = withCode(e, "GRAPHQL_VALIDATION_FAILED")
		}
		relocate(errs, query)
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
	if op == nil {
		h.write(w, media, requestErrorStatus(media), response{Errors: []gqlerrors.FormattedError{withCode(gqlerrors.FormattedError{
			Message: operationProblem(doc, req.OperationName)}, "OPERATION_RESOLUTION_FAILURE")}})
		return
	}
	if op != nil && op.Operation != ast.OperationTypeQuery && r.Method == http.MethodGet {
		w.Header().Set("Allow", "POST")
		h.fail(w, media, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", op.Operation+" operations are not allowed over GET")
		return
	}
	if op != nil && op.Operation != ast.OperationTypeQuery { // no mutations (admin.go)
		h.write(w, media, requestErrorStatus(media), response{Errors: []gqlerrors.FormattedError{noMutations(op.Operation)}})
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
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	budget := &fieldBudget{stop: stop}
	budget.left.Store(h.limits.maxComplexity)
	ctx = context.WithValue(ctx, fieldBudgetKey{}, budget)
	ctx, state := withState(ctx)
	res := graphql.Execute(graphql.ExecuteParams{Schema: h.schema, AST: doc, OperationName: req.OperationName, Args: req.Variables, Context: ctx})
	out := response{Data: res.Data, Executed: true}
	// One error says why execution stopped, first; the resolvers (or
	// graphql-go itself) that stopped each reported the context's error.
	stopped := ctx.Err() != nil
	switch cause := context.Cause(ctx); {
	case !stopped:
	case errors.Is(cause, errResultTooLarge):
		out.Errors = append(out.Errors, limitError(CodeTooComplex,
			fmt.Sprintf("the result grew past %d fields: ask for smaller pages (first) or fewer nested lists", h.limits.maxComplexity),
			h.limits.maxComplexity, h.limits.maxComplexity+1))
	default:
		out.Errors = append(out.Errors, withCode(gqlerrors.FormattedError{Message: fmt.Sprintf("the request took longer than %s", h.opts.Timeout)}, "TIMEOUT"))
	}
	for _, e := range res.Errors {
		if stopped && e.Extensions == nil && (e.Message == context.DeadlineExceeded.Error() || e.Message == context.Canceled.Error() || e.Message == errResultTooLarge.Error()) {
			continue
		}
		if e.Extensions == nil {
			e = withCode(e, "INTERNAL_SERVER_ERROR")
		}
		out.Errors = append(out.Errors, e)
	}
	relocate(out.Errors, req.Query)
	// An execution cut short may still be running its last resolvers.
	state.mu.Lock()
	truncated := slices.Clone(state.truncated)
	state.mu.Unlock()
	if len(truncated) > 0 {
		out.Extensions = map[string]interface{}{"truncated": truncated}
	}
	// Execution started: 200 even when data is null (GraphQL over HTTP).
	h.write(w, media, http.StatusOK, out)
}

// fieldBudget is how many more fields a request may resolve: the
// complexity estimate counts an unpaged list (neighbors' nodes, say) as
// UnpagedListCost items, and the result may be much larger.
type fieldBudget struct {
	left atomic.Int64
	stop context.CancelCauseFunc // with errResultTooLarge when spent
}

type fieldBudgetKey struct{}

var errResultTooLarge = errors.New("the result is too large")

// guardResolvers makes every field of s answer the request context's
// error once it is done, instead of resolving: graphql.Execute returns at
// the deadline but leaves the execution running, and a large result
// would otherwise go on being resolved for nobody. Each field resolved
// also spends one of the request's fieldBudget; the last one stops the
// request.
func guardResolvers(s *graphql.Schema) {
	for name, t := range s.TypeMap() {
		obj, ok := t.(*graphql.Object)
		if !ok || strings.HasPrefix(name, "__") {
			continue
		}
		for _, f := range obj.Fields() {
			resolve := f.Resolve
			if resolve == nil {
				resolve = graphql.DefaultResolveFn
			}
			f.Resolve = func(p graphql.ResolveParams) (interface{}, error) {
				if p.Context != nil {
					if err := p.Context.Err(); err != nil {
						return nil, err
					}
					if b, ok := p.Context.Value(fieldBudgetKey{}).(*fieldBudget); ok && b.left.Add(-1) < 0 {
						b.stop(errResultTooLarge)
						return nil, errResultTooLarge
					}
				}
				return resolve(p)
			}
		}
	}
}

// relocate sets the lines and columns of errors located in a document
// parsed without its source (prepareUncached): graphql-go then reports
// line 1 and the byte offset plus one as the column.
func relocate(errs []gqlerrors.FormattedError, query string) {
	var starts []int // offsets where lines start: 0, then after each line break
	for i := range errs {
		if len(errs[i].Locations) == 0 {
			continue
		}
		if starts == nil {
			starts = []int{0}
			for j := 0; j < len(query); j++ {
				switch query[j] {
				case '\r':
					if j+1 < len(query) && query[j+1] == '\n' {
						j++
					}
					starts = append(starts, j+1)
				case '\n':
					starts = append(starts, j+1)
				}
			}
		}
		locs := make([]location.SourceLocation, len(errs[i].Locations))
		for k, l := range errs[i].Locations {
			if l.Line != 1 {
				locs[k] = l
				continue
			}
			pos := l.Column - 1
			line := sort.Search(len(starts), func(n int) bool { return starts[n] > pos }) // lines starting at or before pos
			locs[k] = location.SourceLocation{Line: line, Column: pos - starts[line-1] + 1}
		}
		errs[i].Locations = locs
	}
}

// maxValidationErrors is where validation stops, as graphql-js's does
// (its maxErrors): graphql-go spends tens of microseconds on every error,
// and a document within the limits may have thousands.
const maxValidationErrors = 100

// validationAborted is the panic that stops validation.
type validationAborted struct{}

// validate runs graphql-go's validation, turning its panics on some
// malformed documents (e.g. a variable without a type, which its parser
// accepts) into a validation error, and stopping it after
// maxValidationErrors errors.
func validate(s *graphql.Schema, doc *ast.Document) (v graphql.ValidationResult) {
	var vc *graphql.ValidationContext // one for all the rules
	defer func() {
		aborted := false
		if r := recover(); r != nil {
			if _, ok := r.(validationAborted); ok && vc != nil {
				v, aborted = graphql.ValidationResult{Errors: vc.Errors()}, true
			} else {
				v = graphql.ValidationResult{Errors: []gqlerrors.FormattedError{{Message: fmt.Sprintf("the document is malformed: %v", r)}}}
			}
		}
		// One visit may report many errors at once (all the conflicts
		// of a selection set).
		if len(v.Errors) > maxValidationErrors {
			v.Errors, aborted = v.Errors[:maxValidationErrors:maxValidationErrors], true
		}
		if aborted {
			v.Errors = append(v.Errors, gqlerrors.FormattedError{
				Message: fmt.Sprintf("Too many validation errors, error limit reached (%d). Validation aborted.", maxValidationErrors)})
		}
	}()
	rules := make([]graphql.ValidationRuleFn, len(graphql.SpecifiedRules))
	for i, rule := range graphql.SpecifiedRules {
		rules[i] = func(c *graphql.ValidationContext) *graphql.ValidationRuleInstance {
			vc = c
			inst := rule(c)
			if inst != nil && inst.VisitorOpts != nil {
				abortAfter(inst.VisitorOpts, func() bool { return len(c.Errors()) >= maxValidationErrors })
			}
			return inst
		}
	}
	return graphql.ValidateDocument(s, doc, rules)
}

// abortAfter makes every visit function of o panic with
// validationAborted, instead of visiting, once enough is true. Each rule
// builds its options afresh, so they are this validation's own.
func abortAfter(o *visitor.VisitorOptions, enough func() bool) {
	wrap := func(f visitor.VisitFunc) visitor.VisitFunc {
		if f == nil {
			return nil
		}
		return func(p visitor.VisitFuncParams) (string, interface{}) {
			if enough() {
				panic(validationAborted{})
			}
			return f(p)
		}
	}
	for k, fs := range o.KindFuncMap {
		o.KindFuncMap[k] = visitor.NamedVisitFuncs{Kind: wrap(fs.Kind), Enter: wrap(fs.Enter), Leave: wrap(fs.Leave)}
	}
	o.Enter, o.Leave = wrap(o.Enter), wrap(o.Leave)
	for k, f := range o.EnterKindMap {
		o.EnterKindMap[k] = wrap(f)
	}
	for k, f := range o.LeaveKindMap {
		o.LeaveKindMap[k] = wrap(f)
	}
}

// readRequest decodes a GET or POST GraphQL request.
func (h *graphqlHandler) readRequest(w http.ResponseWriter, r *http.Request) (request, int, string, error) {
	var req request
	switch r.Method {
	case http.MethodGet:
		if n := int64(len(r.URL.RawQuery)); n > h.opts.MaxBodyBytes {
			return req, http.StatusRequestURITooLong, "URI_TOO_LONG",
				fmt.Errorf("the query string is over %d bytes: POST the request instead", h.opts.MaxBodyBytes)
		}
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
		} else if b := bytes.TrimLeft(body, " \t\r\n"); len(b) > 0 && b[0] == '[' {
			return req, http.StatusBadRequest, "BAD_REQUEST", errors.New("batched requests (a JSON array) are not supported: POST one request object at a time")
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

// operationProblem says why operation found none.
func operationProblem(doc *ast.Document, name string) string {
	switch {
	case name != "":
		return fmt.Sprintf("Unknown operation named %q.", name)
	case slices.IndexFunc(doc.Definitions, func(d ast.Node) bool { _, ok := d.(*ast.OperationDefinition); return ok }) < 0:
		return "Must provide an operation."
	default:
		return "Must provide operation name if query contains multiple operations."
	}
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
