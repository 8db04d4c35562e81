// Package gencache provides bounded LRU caches that can be emptied while
// they are in use, without serving afterwards what was computed before.
//
// A reader takes the generation of the group (Group.Gen) before it reads
// the data a cached value is computed from, and passes it to Get and Add:
// Get ignores entries of another generation, and Add drops a value
// computed before the last Group.Clear. So a value read from the old data
// by a computation that overlaps Clear is never cached after it.
package gencache

import (
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"
)

// Group is a set of caches cleared together. Its zero value is ready to
// use; a Group must not be copied after first use.
type Group struct {
	gen    atomic.Uint64
	purges []func()
}

// Gen returns the current generation of g: take it before reading what a
// value will be computed from.
func (g *Group) Gen() uint64 { return g.gen.Load() }

// Clear empties every cache of g and starts a new generation.
func (g *Group) Clear() {
	g.gen.Add(1)
	for _, purge := range g.purges {
		purge()
	}
}

// Cache is an LRU cache of a Group. A nil *Cache caches nothing, so a
// cache of size < 0 costs nothing to ask. It is safe for concurrent use.
type Cache[K comparable, V any] struct {
	g *Group
	l *lru.Cache[K, entry[V]]
}

type entry[V any] struct {
	v   V
	gen uint64
}

// New adds to g a cache of at most size entries (def when size is 0) and
// returns it; it returns nil, a cache that keeps nothing, when size < 0.
// New is not safe for concurrent use with g.Clear: make a group's caches
// before using it.
func New[K comparable, V any](g *Group, size, def int) *Cache[K, V] {
	if size == 0 {
		size = def
	}
	if size <= 0 {
		return nil
	}
	l, err := lru.New[K, entry[V]](size)
	if err != nil {
		panic(err) // only for size <= 0, excluded above
	}
	g.purges = append(g.purges, l.Purge)
	return &Cache[K, V]{g: g, l: l}
}

// Get returns the value of k if it was added at generation gen.
func (c *Cache[K, V]) Get(k K, gen uint64) (V, bool) {
	if c != nil {
		if e, ok := c.l.Get(k); ok && e.gen == gen {
			return e.v, true
		}
	}
	var zero V
	return zero, false
}

// Add caches v under k, computed from what was read at generation gen,
// unless the group was cleared since.
func (c *Cache[K, V]) Add(k K, v V, gen uint64) {
	if c != nil && c.g.Gen() == gen {
		c.l.Add(k, entry[V]{v, gen})
	}
}

// Len returns the number of entries in c, stale ones included.
func (c *Cache[K, V]) Len() int {
	if c == nil {
		return 0
	}
	return c.l.Len()
}
