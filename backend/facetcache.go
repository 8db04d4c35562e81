package backend

import (
	"fmt"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/server"
)

// facetCache keeps the facets of the most recently asked queries, so that
// the pages and sort orders of one query (and a query asked again) reuse
// them: facets count all the hits and cost more than a page. It is
// cleared when the collection changes. Cached facets are shared: callers
// must not modify them.
type facetCache struct {
	mu  sync.Mutex
	lru *lru.Cache[string, server.Facets] // nil: no cache
	gen int                               // incremented by clear
}

func newFacetCache(max int) *facetCache {
	c := &facetCache{}
	if max > 0 {
		c.lru, _ = lru.New[string, server.Facets](max) // errs only on max <= 0
	}
	return c
}

// facetKey is what facets depend on: the query and the filters, not the
// page nor the order.
func facetKey(q string, req index.Request) string {
	return fmt.Sprintf("%q|%d|%d|%q|%q", q, req.From.Unix(), req.To.Unix(), req.Source, req.Entity)
}

// get returns the cached facets of key, or the generation to pass to put
// the facets computed instead.
func (c *facetCache) get(key string) (f server.Facets, ok bool, gen int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru != nil {
		f, ok = c.lru.Get(key)
	}
	return f, ok, c.gen
}

// put caches f, computed at generation gen, unless the cache was cleared
// since.
func (c *facetCache) put(key string, f server.Facets, gen int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru != nil && gen == c.gen {
		c.lru.Add(key, f)
	}
}

func (c *facetCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru != nil {
		c.lru.Purge()
	}
	c.gen++
}
