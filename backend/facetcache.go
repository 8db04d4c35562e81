package backend

import (
	"fmt"

	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/internal/gencache"
	"github.com/marsad/marsad/server"
)

// facetCache keeps the facets of the most recently asked queries, so that
// the pages and sort orders of one query (and a query asked again) reuse
// them: facets count all the hits and cost more than a page. It is
// cleared when the collection changes. Cached facets are shared: callers
// must not modify them.
type facetCache struct {
	group gencache.Group
	lru   *gencache.Cache[string, server.Facets] // nil: no cache
}

// newFacetCache returns a cache of the facets of max queries (none when
// max < 0).
func newFacetCache(max int) *facetCache {
	c := &facetCache{}
	c.lru = gencache.New[string, server.Facets](&c.group, max, 0)
	return c
}

// facetKey is what facets depend on: the query and the filters, not the
// page nor the order.
func facetKey(q string, req index.Request) string {
	return fmt.Sprintf("%q|%d|%d|%q|%q", q, req.From.Unix(), req.To.Unix(), req.Source, req.Entity)
}

// get returns the cached facets of key, or the generation to pass to put
// the facets computed instead.
func (c *facetCache) get(key string) (f server.Facets, ok bool, gen uint64) {
	gen = c.group.Gen()
	f, ok = c.lru.Get(key, gen)
	return f, ok, gen
}

// put caches f, computed at generation gen, unless the cache was cleared
// since.
func (c *facetCache) put(key string, f server.Facets, gen uint64) { c.lru.Add(key, f, gen) }

func (c *facetCache) clear() { c.group.Clear() }
