package schema

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
)

// AdminClient calls a server's admin endpoints (admin.go), e.g. for
// `ipgraph load --server URL`. It lives beside the handler so that both
// sides share one definition of the wire format (AdminResponse).
type AdminClient struct {
	BaseURL string       // the server, e.g. "http://localhost:8080"
	Token   string       // the server's admin token
	HTTP    *http.Client // default http.DefaultClient
}

// AdminError is a request the server (or the way to it) refused as a whole.
type AdminError struct {
	Status  int    // HTTP status; 0 when the server could not be reached
	Message string // what to tell the user
}

func (e *AdminError) Error() string { return e.Message }

// Fatal reports whether every other request to the same server would fail
// the same way (unreachable, wrong token, endpoints off, read-only).
func (e *AdminError) Fatal() bool {
	switch e.Status {
	case 0, http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusMethodNotAllowed:
		return true
	}
	return false
}

// Upload loads one document: name is its file name (its identity), source
// the path it was read from (stored as the document's source, as `ipgraph
// load` does). The result's Error is set when the server read the request
// but could not load the document; err is set when the request failed as
// a whole (an *AdminError).
func (c *AdminClient) Upload(ctx context.Context, name, source string, data []byte) (DocumentResult, error) {
	q := url.Values{"name": {name}}
	if source != "" {
		q.Set("source", source)
	}
	ct := "text/plain; charset=utf-8"
	if ext := strings.ToLower(path.Ext(name)); ext == ".md" || ext == ".markdown" {
		ct = "text/markdown; charset=utf-8"
	}
	resp, err := c.do(ctx, http.MethodPost, "/admin/documents?"+q.Encode(), ct, data)
	if err != nil {
		return DocumentResult{Name: name}, err
	}
	if len(resp.Documents) != 1 {
		return DocumentResult{Name: name}, &AdminError{Message: fmt.Sprintf("the server answered %d results for one document", len(resp.Documents))}
	}
	return resp.Documents[0], nil
}

// Delete deletes document id; it reports false when there was none.
func (c *AdminClient) Delete(ctx context.Context, id string) (bool, error) {
	_, err := c.do(ctx, http.MethodDelete, "/admin/documents/"+url.PathEscape(id), "", nil)
	var ae *AdminError
	if errors.As(err, &ae) && ae.Status == http.StatusNotFound && !strings.Contains(ae.Message, "admin endpoints are off") {
		return false, nil
	}
	return err == nil, err
}

// do sends one request and decodes the answer. Per-document failures
// (422 with results) are not errors here.
func (c *AdminClient) do(ctx context.Context, method, rel, contentType string, body []byte) (AdminResponse, error) {
	var out AdminResponse
	base := strings.TrimRight(c.BaseURL, "/")
	req, err := http.NewRequestWithContext(ctx, method, base+rel, bytes.NewReader(body))
	if err != nil {
		return out, &AdminError{Message: fmt.Sprintf("server URL %q: %v", c.BaseURL, err)}
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.Token)
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return out, &AdminError{Message: fmt.Sprintf("cannot reach %s: %v", base, err)}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return out, &AdminError{Status: resp.StatusCode, Message: fmt.Sprintf("%s %s: read the answer: %v", method, base+rel, err)}
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return out, &AdminError{Status: resp.StatusCode, Message: fmt.Sprintf("%s answered %s, not an ipgraph admin response: %.200s", base, resp.Status, raw)}
	}
	if len(out.Documents) > 0 && out.Error == "" {
		return out, nil // per-document results, failed or not
	}
	if resp.StatusCode == http.StatusOK {
		return out, nil
	}
	msg := out.Error
	switch resp.StatusCode {
	case http.StatusUnauthorized:
		msg = "the server refused the admin token (" + msg + "); give the token of the server's --admin-token-file with --token-file FILE or IPGRAPH_ADMIN_TOKEN"
	case http.StatusNotFound:
		if strings.Contains(msg, "admin endpoints are off") {
			msg = base + ": " + msg
		}
	}
	return out, &AdminError{Status: resp.StatusCode, Message: fmt.Sprintf("%s (%s)", msg, resp.Status)}
}
