package engine

import (
	"context"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/search"
)

func parse(t testing.TB, q string) search.Query {
	t.Helper()
	pq, err := search.Parse(q)
	if err != nil {
		t.Fatalf("parse %q: %v", q, err)
	}
	return pq
}

// TestSearchCache: searches through a cache answer as searches without
// one, for every kind of cache left out in turn; a page asked again comes
// from the cache; after Clear an ingest's articles show up.
func TestSearchCache(t *testing.T) {
	e := ingestTest(t)
	ctx := context.Background()
	reqs := []index.Request{
		{Query: parse(t, "الحوار")},
		{Query: parse(t, "ترامب")},
		{Query: parse(t, `"أسعار النفط"`), ByDate: true},
		{Query: parse(t, "النفط"), Limit: 1},
		{Query: parse(t, "النفط"), Limit: 1, Offset: 1},
		{Query: parse(t, "قال"), Source: "wire"},
		{Query: parse(t, "الحوار"), Entity: "ترامب"},
	}
	for _, sz := range []CacheSizes{{}, {Pages: -1}, {Briefs: -1}, {Snippets: -1}, {-1, -1, -1}, {1, 1, 1}} {
		c := NewSearchCache(sz)
		for round := range 2 {
			for _, req := range reqs {
				for _, f := range []search.Format{search.Plain, search.HTML} {
					wantN, want, err := e.Search(ctx, req, SearchOptions{Format: f})
					if err != nil {
						t.Fatal(err)
					}
					n, got, err := e.Search(ctx, req, SearchOptions{Format: f, Cache: c})
					if err != nil {
						t.Fatal(err)
					}
					// Scores drift a little as the index merges its
					// segments in the background: a cached page keeps
					// those of its time.
					for _, hs := range [][]Hit{got, want} {
						for i := range hs {
							hs[i].Score = 0
						}
					}
					if n != wantN || !reflect.DeepEqual(got, want) {
						t.Errorf("sizes %+v round %d %+v format %d:\n got %d %+v\nwant %d %+v", sz, round, req, f, n, got, wantN, want)
					}
				}
			}
		}
		if sz.Pages == 0 && c.pages.Len() != 2*len(reqs) {
			t.Errorf("sizes %+v: %d pages cached, want %d", sz, c.pages.Len(), 2*len(reqs))
		}
	}

	// A page asked again is the cache's, until Clear.
	c := NewSearchCache(CacheSizes{})
	req := index.Request{Query: parse(t, "الزلزال")}
	so := SearchOptions{Format: search.Plain, Cache: c}
	if n, _, err := e.Search(ctx, req, so); err != nil || n != 0 {
		t.Fatalf("before ingest: %d hits, %v", n, err)
	}
	quake := article.Article{ID: "quake", Source: "wire", Published: day("2024-11-10"), Title: "هزة أرضية",
		Text: "ضرب الزلزال المنطقة الجبلية فجرا."}
	if _, err := e.Ingest(ctx, slices.Values([]article.Article{quake}), nil); err != nil {
		t.Fatal(err)
	}
	if n, _, err := e.Search(ctx, req, so); err != nil || n != 0 {
		t.Errorf("before Clear: %d hits, %v; want the cached 0", n, err)
	}
	c.Clear()
	n, hits, err := e.Search(ctx, req, so)
	if err != nil || n != 1 || len(hits) != 1 || hits[0].ID != "quake" || hits[0].Snippet == "" {
		t.Errorf("after Clear: %d %+v, %v", n, hits, err)
	}
}

// TestSearchCacheHitsOwned: the hits Search returns are the caller's to
// modify.
func TestSearchCacheHitsOwned(t *testing.T) {
	e := ingestTest(t)
	c := NewSearchCache(CacheSizes{})
	req := index.Request{Query: parse(t, "النفط")}
	so := SearchOptions{Cache: c}
	_, hits, err := e.Search(context.Background(), req, so)
	if err != nil || len(hits) == 0 {
		t.Fatal(hits, err)
	}
	want := hits[0].Snippet
	hits[0].Snippet = "changed"
	for range 2 {
		_, hits, err = e.Search(context.Background(), req, so)
		if err != nil || hits[0].Snippet != want {
			t.Fatalf("snippet %q, want %q (%v)", hits[0].Snippet, want, err)
		}
		hits[0].Snippet = "changed"
	}
}

// TestSearchKeyFields: the cache keys tell apart requests that differ in
// any field; the query key depends on the query and the options only. It
// fails when index.Request or search.Query gains a field, so that the keys
// follow.
func TestSearchKeyFields(t *testing.T) {
	for _, tc := range []struct {
		typ  reflect.Type
		want int
	}{
		{reflect.TypeFor[index.Request](), 8},
		{reflect.TypeFor[search.Query](), 1},
		{reflect.TypeFor[search.Clause](), 2},
		{reflect.TypeFor[search.Term](), 2},
		{reflect.TypeFor[SearchOptions](), 4}, // Cache and Trace are no part of the keys
	} {
		if n := tc.typ.NumField(); n != tc.want {
			t.Errorf("%v has %d fields, the cache keys know %d: update newSearchKey", tc.typ, n, tc.want)
		}
	}
	base := index.Request{Query: parse(t, `الحوار "أسعار النفط" OR بايدن -موسكو`), Limit: 20}
	so := SearchOptions{Format: search.HTML, Words: 30}
	mods := map[string]func(*index.Request, *SearchOptions){
		"query": func(r *index.Request, _ *SearchOptions) {
			r.Query = parse(t, `الحوار "أسعار النفط" OR بايدن موسكو`)
		},
		"phrase": func(r *index.Request, _ *SearchOptions) {
			r.Query = parse(t, `الحوار أسعار النفط OR بايدن -موسكو`)
		},
		"split": func(r *index.Request, _ *SearchOptions) {
			r.Query = parse(t, `الحوار "أسعار" "النفط" OR بايدن -موسكو`)
		},
		"from":   func(r *index.Request, _ *SearchOptions) { r.From = day("2024-01-01") },
		"to":     func(r *index.Request, _ *SearchOptions) { r.To = day("2024-01-01") },
		"source": func(r *index.Request, _ *SearchOptions) { r.Source = "wire" },
		"entity": func(r *index.Request, _ *SearchOptions) { r.Entity = "wire" },
		"byDate": func(r *index.Request, _ *SearchOptions) { r.ByDate = true },
		"limit":  func(r *index.Request, _ *SearchOptions) { r.Limit = 10 },
		"offset": func(r *index.Request, _ *SearchOptions) { r.Offset = 20 },
		"format": func(_ *index.Request, o *SearchOptions) { o.Format = search.Plain },
		"words":  func(_ *index.Request, o *SearchOptions) { o.Words = 20 },
		// Separators inside values do not make two requests one.
		"sourceEntity": func(r *index.Request, _ *SearchOptions) { r.Source, r.Entity = "x", "y" },
		"sourceOnly":   func(r *index.Request, _ *SearchOptions) { r.Source = "x|1:y" },
	}
	k0 := newSearchKey(base, so)
	seen := map[string]string{k0.page: "base"}
	for name, mod := range mods {
		r, o := base, so
		mod(&r, &o)
		k := newSearchKey(r, o)
		if other, ok := seen[k.page]; ok {
			t.Errorf("%s: same page key as %s: %q", name, other, k.page)
		}
		seen[k.page] = name
		queryChanged := name == "query" || name == "phrase" || name == "split" || name == "format" || name == "words"
		if (k.query != k0.query) != queryChanged {
			t.Errorf("%s: query key %q, base %q", name, k.query, k0.query)
		}
	}
}

// TestSearchCacheConcurrent runs searches through one cache while Clear
// runs; run it with -race.
func TestSearchCacheConcurrent(t *testing.T) {
	e := ingestTest(t)
	c := NewSearchCache(CacheSizes{Pages: 2, Briefs: 2, Snippets: 2})
	qs := []string{"الحوار", "النفط", "ترامب", "قال"}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				req := index.Request{Query: parse(t, qs[(i+j)%len(qs)])}
				if _, hits, err := e.Search(context.Background(), req, SearchOptions{Cache: c}); err != nil || len(hits) == 0 {
					t.Errorf("%s: %d hits, %v", qs[(i+j)%len(qs)], len(hits), err)
					return
				}
				if j%10 == 0 {
					c.Clear()
				}
			}
		}()
	}
	wg.Wait()
}

// BenchmarkSearch measures a page of hits with snippets computed afresh
// and answered from a SearchCache.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	e, err := Open(ctx, b.TempDir(), Options{Batch: 2, Enrich: nameEnricher("ترمب", "بيسكوف"), NoStories: true})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	if _, err := e.Ingest(ctx, slices.Values(testArticles), nil); err != nil {
		b.Fatal(err)
	}
	req := index.Request{Query: parse(b, "الحوار OR النفط"), Limit: 20}
	for _, bc := range []struct {
		name  string
		cache *SearchCache
	}{{"uncached", nil}, {"cached", NewSearchCache(CacheSizes{})}} {
		b.Run(bc.name, func(b *testing.B) {
			so := SearchOptions{Format: search.HTML, Cache: bc.cache}
			for b.Loop() {
				if _, hits, err := e.Search(ctx, req, so); err != nil || len(hits) == 0 {
					b.Fatal(len(hits), err)
				}
			}
		})
	}
}
