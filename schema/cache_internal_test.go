package schema

import (
	"fmt"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/queries"
	"strings"
	"testing"
	"time"
)

func TestDocCacheLRU(t *testing.T) {
	c := newDocCache(2)
	a, b, d := &prepared{}, &prepared{}, &prepared{}
	c.put("a", a)
	c.put("b", b)
	if p, ok := c.get("a"); !ok || p != a { // a is now the most recent
		t.Fatal("a missing")
	}
	c.put("d", d) // evicts b
	if _, ok := c.get("b"); ok {
		t.Error("b survived eviction")
	}
	if p, ok := c.get("a"); !ok || p != a {
		t.Error("a evicted")
	}
	if p, ok := c.get("d"); !ok || p != d {
		t.Error("d missing")
	}
	if c.len() != 2 {
		t.Errorf("len = %d", c.len())
	}

	c.put(strings.Repeat("x", maxCachedQuery+1), a)
	if c.len() != 2 {
		t.Error("an oversized query was cached")
	}
	big := newDocCache(1000)
	for i := range 300 {
		big.put(fmt.Sprintf("%d%s", i, strings.Repeat(" ", maxCachedQuery-10)), a)
	}
	if big.bytes > maxCacheBytes {
		t.Errorf("cache holds %d bytes of queries", big.bytes)
	}

	var off *docCache = newDocCache(-1)
	off.put("a", a)
	if _, ok := off.get("a"); ok || off.len() != 0 {
		t.Error("a disabled cache cached")
	}
}

// FuzzPrepare feeds arbitrary query text through parsing, the limits and
// validation, and the complexity of what is valid: none may panic or hang.
func FuzzPrepare(f *testing.F) {
	for _, s := range []string{`{ documents { id } }`, `{ a { ...F } } fragment F on Entity { ...F }`,
		`query($n: Int = 5) { entities(first: $n) { relations { target { name } } } }`, `{ x(s: """a\"""b""") }`, "{{{[[(("} {
		f.Add(s)
	}
	store := loaderstest.Store(f, loaderstest.SmallFixture)
	s, err := New(queries.New(store))
	if err != nil {
		f.Fatal(err)
	}
	h := newGraphQLHandler(s, Options{CacheSize: -1})
	f.Fuzz(func(t *testing.T, q string) {
		start := time.Now()
		defer func() {
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("%q took %s", q, d)
			}
		}()
		p := h.prepare(q)
		if p.doc == nil {
			if len(p.errs) == 0 {
				t.Fatal("neither a document nor errors")
			}
			return
		}
		if op := operation(p.doc, ""); op != nil {
			complexity(&h.schema, p.doc, op, map[string]interface{}{"n": 1e300})
		}
	})
}
