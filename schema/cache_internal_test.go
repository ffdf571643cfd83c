package schema

import (
	"fmt"
	"strings"
	"testing"
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
