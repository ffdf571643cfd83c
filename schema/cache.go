package schema

import (
	clist "container/list"
	"sync"

	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
)

// DefaultCacheSize is how many prepared documents (parsed, checked
// against the limits and validated) a handler keeps, keyed by query text.
const DefaultCacheSize = 1000

// Queries longer than maxCachedQuery bytes are prepared every time, and
// the cache holds at most maxCacheBytes of query text, so that a flood
// of large distinct queries cannot pin much memory.
const (
	maxCachedQuery = 64 << 10
	maxCacheBytes  = 16 << 20
)

// prepared is the outcome of parsing, limit-checking and validating one
// query text: a document ready to execute, or the errors to answer with.
// Both are shared between requests and must not be modified.
type prepared struct {
	doc  *ast.Document
	errs []gqlerrors.FormattedError
}

// docCache is a bounded LRU of prepared documents, safe for concurrent use.
type docCache struct {
	mu      sync.Mutex
	max     int
	bytes   int
	order   *clist.List // front: most recently used; values are *cacheEntry
	entries map[string]*clist.Element
}

type cacheEntry struct {
	query string
	p     *prepared
}

func newDocCache(size int) *docCache {
	if size <= 0 {
		return nil
	}
	return &docCache{max: size, order: clist.New(), entries: map[string]*clist.Element{}}
}

// get returns the prepared document of query, if cached. A nil cache
// holds nothing.
func (c *docCache) get(query string) (*prepared, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[query]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).p, true
}

// put stores the prepared document of query, evicting the least recently
// used entries beyond the bounds.
func (c *docCache) put(query string, p *prepared) {
	if c == nil || len(query) > maxCachedQuery {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[query]; ok {
		el.Value.(*cacheEntry).p = p
		c.order.MoveToFront(el)
		return
	}
	c.entries[query] = c.order.PushFront(&cacheEntry{query: query, p: p})
	c.bytes += len(query)
	for c.order.Len() > c.max || c.bytes > maxCacheBytes {
		el := c.order.Back()
		e := el.Value.(*cacheEntry)
		c.order.Remove(el)
		delete(c.entries, e.query)
		c.bytes -= len(e.query)
	}
}

// len is the number of cached documents.
func (c *docCache) len() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
