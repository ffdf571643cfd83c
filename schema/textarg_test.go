package schema_test

import (
	"strings"
	"testing"

	"github.com/ipgraph/ipgraph/schema"
)

// TestLongTextRefused: a search, sentences or metrics text longer than
// any name is refused as BAD_USER_INPUT before any work starts; a text at
// the limit is searched.
func TestLongTextRefused(t *testing.T) {
	srv := server(t, schema.Options{})
	long := strings.Repeat("patent ", 120_000) // 840 KB, under the body limit
	for _, q := range []string{
		`query($t: String!) { search(text: $t) { id } }`,
		`query($t: String!) { searchCount(text: $t) }`,
		`query($t: String!) { sentences(text: $t) { sentence } }`,
		`query($t: String) { metrics(text: $t) { metric } }`,
	} {
		before := cpuTime(t)
		r := post(t, srv, q, map[string]interface{}{"t": long})
		used := cpuTime(t) - before
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "at most 1000") {
			t.Errorf("%s: errors %+v, want BAD_USER_INPUT", q, r.Errors)
		}
		t.Logf("%s: %s of CPU for an 840 KB text", q, used)
	}
	r := post(t, srv, `query($t: String!) { search(text: $t) { id } }`, map[string]interface{}{"t": strings.Repeat("x", 1000)})
	if len(r.Errors) > 0 {
		t.Errorf("a text at the limit: %+v", r.Errors)
	}
}
