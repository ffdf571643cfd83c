package schema

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/queries/export"
)

// DefaultExportTimeout bounds one GET /export (collecting and writing).
const DefaultExportTimeout = 60 * time.Second

// maxExportIDs caps the ids= list of one export request.
const maxExportIDs = 5000

// exportHandler answers GET /export?format=F[&root=ID&depth=N][&ids=…]
// [&types=…][&predicates=…] with the export as an attachment.
type exportHandler struct {
	svc  *queries.Service
	opts Options
}

func (h exportHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format, err := export.ParseFormat(q.Get("format"))
	if err != nil {
		exportFail(w, http.StatusBadRequest, "BAD_REQUEST", err.Error())
		return
	}
	sel := queries.ExportSelection{
		Root:       strings.TrimSpace(q.Get("root")),
		Depth:      1,
		Types:      listParam(q["types"]),
		Predicates: listParam(q["predicates"]),
		IDs:        listParam(q["ids"]),
		Quads:      format == export.NQuads,
	}
	if _, asked := q["predicates"]; asked && len(sel.Predicates) == 0 {
		// "predicates=" with no value (the viewer with every predicate
		// switched off) keeps no relation; a name no relation has does that.
		sel.Predicates = []string{"-"}
	}
	if d := q.Get("depth"); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil || n < 1 || n > queries.MaxDepth {
			exportFail(w, http.StatusBadRequest, "BAD_REQUEST", fmt.Sprintf("depth must be an integer from 1 to %d", queries.MaxDepth))
			return
		}
		sel.Depth = n
	}
	if len(sel.IDs) > maxExportIDs {
		exportFail(w, http.StatusRequestEntityTooLarge, "TOO_MANY_IDS", fmt.Sprintf("at most %d ids per export", maxExportIDs))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.ExportTimeout)
	defer cancel()
	g, truncated, err := h.svc.ExportGraph(ctx, sel)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		exportFail(w, http.StatusServiceUnavailable, "TIMEOUT", "the export took longer than "+h.opts.ExportTimeout.String())
		return
	case errors.Is(err, queries.ErrNoEntity):
		exportFail(w, http.StatusNotFound, "NOT_FOUND", err.Error())
		return
	case err != nil:
		h.opts.Logger.Error("export", "format", format, "err", err)
		exportFail(w, http.StatusInternalServerError, "INTERNAL", "export failed")
		return
	}
	name := "ipgraph"
	if sel.Root != "" {
		name += "-" + safeFileName(sel.Root)
	}
	hdr := w.Header()
	hdr.Set("Content-Type", format.ContentType())
	hdr.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name+"."+format.Extension()))
	hdr.Set("Cache-Control", "no-store") // the store may be reloaded at any time
	hdr.Set("X-Content-Type-Options", "nosniff")
	c := queries.Counts(g)
	hdr.Set("X-Ipgraph-Nodes", strconv.Itoa(c.Nodes))
	hdr.Set("X-Ipgraph-Edges", strconv.Itoa(c.Edges))
	if truncated {
		hdr.Set("X-Ipgraph-Truncated", "true")
	}
	if err := export.Write(ctx, w, format, g); err != nil {
		// The status line is gone; the client sees a cut body.
		h.opts.Logger.Warn("write export", "format", format, "err", err)
	}
}

// listParam splits repeated and comma-separated query values, dropping
// empty items.
func listParam(values []string) []string {
	var out []string
	for _, v := range values {
		for _, item := range strings.Split(v, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// safeFileName keeps letters, digits, '-', '_' and '.' of s for a download
// file name.
func safeFileName(s string) string {
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, s)
	if len(name) > 64 {
		name = name[:64]
	}
	return name
}

// exportFail answers with an error in the GraphQL error shape.
func exportFail(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", mediaJSON+"; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(response{Errors: []gqlerrors.FormattedError{
		withCode(gqlerrors.FormattedError{Message: msg}, code)}})
}
