package backend

import (
	"fmt"
	"sync"

	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/server"
)

// facetCache keeps the facets of the last queries, so that the pages and
// sort orders of one query (and a query asked again) reuse them: facets
// count all the hits and cost more than a page. It is cleared when the
// collection changes. Cached facets are shared: callers must not modify
// them.
type facetCache struct {
	mu    sync.Mutex
	max   int
	m     map[string]server.Facets
	order []string // keys, oldest first
	gen   int      // incremented by clear
}

func newFacetCache(max int) *facetCache {
	return &facetCache{max: max, m: map[string]server.Facets{}}
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
	f, ok = c.m[key]
	return f, ok, c.gen
}

// put caches f, computed at generation gen, unless the cache was cleared
// since.
func (c *facetCache) put(key string, f server.Facets, gen int) {
	if c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; ok || gen != c.gen {
		return
	}
	if len(c.order) >= c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.m[key] = f
	c.order = append(c.order, key)
}

func (c *facetCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.m)
	c.order = nil
	c.gen++
}
