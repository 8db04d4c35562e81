package gencache

import "testing"

func TestCache(t *testing.T) {
	var g Group
	a := New[string, int](&g, 2, 10)
	b := New[int, string](&g, 0, 10)
	if off := New[int, int](&g, -1, 10); off != nil {
		t.Fatalf("size -1: got a cache, want nil")
	}

	gen := g.Gen()
	a.Add("x", 1, gen)
	a.Add("y", 2, gen)
	a.Add("z", 3, gen) // evicts x
	b.Add(7, "seven", gen)
	for _, tc := range []struct {
		key  string
		want int
		ok   bool
	}{{"x", 0, false}, {"y", 2, true}, {"z", 3, true}} {
		if v, ok := a.Get(tc.key, gen); v != tc.want || ok != tc.ok {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", tc.key, v, ok, tc.want, tc.ok)
		}
	}

	// A value computed before Clear and added after it is not kept, and
	// nothing from before Clear is served after it.
	old := gen
	g.Clear()
	a.Add("late", 9, old)
	gen = g.Gen()
	if gen == old {
		t.Fatalf("Clear kept generation %d", gen)
	}
	if _, ok := a.Get("late", gen); ok {
		t.Errorf("a value computed before Clear was cached after it")
	}
	if _, ok := a.Get("y", gen); ok {
		t.Errorf("a survived Clear")
	}
	if _, ok := b.Get(7, gen); ok {
		t.Errorf("b survived Clear")
	}
	a.Add("y", 4, gen)
	if v, ok := a.Get("y", gen); !ok || v != 4 {
		t.Errorf("after Clear: Get(y) = %d, %v; want 4, true", v, ok)
	}
	if _, ok := a.Get("y", old); ok {
		t.Errorf("Get with a stale generation answered")
	}
}

func TestNilCache(t *testing.T) {
	var c *Cache[string, int]
	c.Add("x", 1, 0)
	if _, ok := c.Get("x", 0); ok {
		t.Errorf("nil cache answered")
	}
}
