package engine

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/internal/gencache"
	"github.com/marsad/marsad/search"
	"github.com/marsad/marsad/store"
)

// Hit is one search result, with its snippet.
type Hit struct {
	ID        string
	Score     float64
	Published time.Time
	Source    string
	Title     string
	URL       string
	Snippet   string
}

// SearchOptions are the presentation options of Search.
type SearchOptions struct {
	Format search.Format // how the snippet marks matched words
	Words  int           // snippet length in words (default 30)
	// Cache, when not nil, keeps the pages of hits, the briefs and the
	// snippets of the searches for the next ones (see SearchCache). A
	// cache serves the searches of one engine.
	Cache *SearchCache
	// Trace, when not nil, receives the time each step of the search
	// took (for benchmarks).
	Trace *SearchTrace
}

// SearchTrace is the time the steps of one Search took: the index lookup,
// fetching the hits' articles from the store, and building their
// snippets. A search answered from the cache leaves it zero.
type SearchTrace struct {
	Index, Fetch, Snippets time.Duration
}

// Search runs req and returns the total number of matches and the hits,
// each with a snippet of its original text with the matched words marked.
// Snippets are cut with search.LazySnippet, which analyzes only as much of
// each hit as its snippet needs: on a page of hits the analysis of whole
// articles would be most of the cost. With so.Cache, a page asked before
// comes from the cache, and a new one reads from the store only the
// articles and analyzes only the snippets the cache does not hold. The
// hits returned are the caller's to modify.
func (e *Engine) Search(ctx context.Context, req index.Request, so SearchOptions) (uint64, []Hit, error) {
	c := so.Cache
	gen := c.generation() // before reading anything (see SearchCache.Clear)
	var key searchKey
	if c != nil {
		key = newSearchKey(req, so)
		if p, ok := c.pages.Get(key.page, gen); ok {
			return p.total, slices.Clone(p.hits), nil
		}
	}
	tr := so.Trace
	var t0 time.Time
	if tr != nil {
		t0 = time.Now()
	}
	res, err := e.Index.Search(ctx, req)
	if err != nil {
		return 0, nil, err
	}
	if tr != nil {
		t1 := time.Now()
		tr.Index, t0 = t1.Sub(t0), t1
	}
	byID, err := e.briefs(ctx, c, gen, res.Hits)
	if err != nil {
		return 0, nil, err
	}
	if tr != nil {
		t1 := time.Now()
		tr.Fetch, t0 = t1.Sub(t0), t1
	}
	var (
		m    *search.Matcher // made when a snippet is missing
		toks []arabic.Token  // reused by the snippets
	)
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		b, ok := byID[h.ID]
		if !ok {
			continue // indexed but not stored: cannot happen with this engine
		}
		a := &b.Article
		sk := snippetKey{query: key.query, id: a.ID}
		snippet, ok := c.snippet(sk, gen)
		if !ok {
			text := a.Text
			if strings.TrimSpace(text) == "" {
				text = a.Title
			}
			if m == nil {
				m = req.Query.Matcher(e.an)
			}
			snippet, toks = search.LazySnippetBuf(toks, text, e.an, m, b.Mentions, so.Words, so.Format)
			c.putSnippet(sk, snippet, gen)
		}
		hits = append(hits, Hit{
			ID: a.ID, Score: h.Score, Published: a.Published, Source: a.Source, Title: a.Title, URL: a.URL,
			Snippet: snippet,
		})
	}
	if tr != nil {
		tr.Snippets = time.Since(t0)
	}
	if c != nil {
		c.pages.Add(key.page, page{res.Total, slices.Clone(hits)}, gen)
	}
	return res.Total, hits, nil
}

// searchKey holds the cache keys of a search.
type searchKey struct {
	page  string // the request and the snippet options
	query string // the query and the snippet options
}

// newSearchKey returns the keys of req with so. They are built by hand
// (fmt's %#v was a tenth of the cost of a search answered from the
// cache); TestSearchKeyFields fails when index.Request gains a field the
// keys leave out.
func newSearchKey(req index.Request, so SearchOptions) searchKey {
	b := make([]byte, 0, 128)
	b = strconv.AppendInt(b, int64(so.Format), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(so.Words), 10)
	for _, c := range req.Query.Clauses {
		b = append(b, " ("...)
		if c.Not {
			b = append(b, '-')
		}
		for _, t := range c.Alts {
			b = append(b, ' ')
			if t.Phrase {
				b = append(b, '"')
			}
			// Length-prefixed: any text is unambiguous.
			b = strconv.AppendInt(b, int64(len(t.Text)), 10)
			b = append(b, ':')
			b = append(b, t.Text...)
		}
		b = append(b, ')')
	}
	q := len(b)
	b = append(b, '|')
	b = req.From.AppendFormat(b, time.RFC3339Nano)
	b = append(b, '|')
	b = req.To.AppendFormat(b, time.RFC3339Nano)
	for _, s := range [...]string{req.Source, req.Entity} {
		b = append(b, '|')
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	b = append(b, '|')
	b = strconv.AppendBool(b, req.ByDate)
	b = append(b, '|')
	b = strconv.AppendInt(b, int64(req.Limit), 10)
	b = append(b, '|')
	b = strconv.AppendInt(b, int64(req.Offset), 10)
	p := string(b)
	return searchKey{page: p, query: p[:q]}
}

// briefs returns the briefs of hits by ID, from c when it holds them and
// from the store otherwise.
func (e *Engine) briefs(ctx context.Context, c *SearchCache, gen uint64, hits []index.Hit) (map[string]*store.Brief, error) {
	byID := make(map[string]*store.Brief, len(hits))
	var missing []string
	for _, h := range hits {
		if b, ok := c.brief(h.ID, gen); ok {
			byID[h.ID] = b
		} else {
			missing = append(missing, h.ID)
		}
	}
	if len(missing) == 0 {
		return byID, nil
	}
	briefs, err := e.Store.Briefs(ctx, missing...)
	if err != nil {
		return nil, err
	}
	for i := range briefs {
		// A copy of its own: a cached brief must not keep the others of
		// its slice alive.
		b := new(store.Brief)
		*b = briefs[i]
		byID[b.Article.ID] = b
		c.putBrief(b, gen)
	}
	return byID, nil
}

// CacheSizes bounds a SearchCache: the number of pages of hits (one per
// request: query, filters, order and page), of article briefs (with their
// whole text) and of snippets (one per query and article) it keeps. Zero
// takes the default; a negative size keeps none of that kind.
type CacheSizes struct {
	Pages, Briefs, Snippets int
}

// Default sizes of a SearchCache: a few MB of pages (20 hits with
// snippets), about 20 MB of briefs (articles of a few kB) and a few MB of
// snippets.
const (
	DefaultCachedPages    = 1024
	DefaultCachedBriefs   = 4096
	DefaultCachedSnippets = 8192
)

// SearchCache keeps what Search computes for the next searches: the pages
// of hits of the last requests, the briefs of the last articles found and
// their snippets for the last queries, each in a bounded LRU cache. A page
// asked again costs one lookup; a new page of known articles skips the
// store, and of known queries the snippets. It is safe for concurrent use.
//
// The cache does not see the engine change: its owner must call Clear
// after every ingest (or any other change of the store or the index), as
// the backend does. A search that overlaps Clear may still answer from
// what it read before, but what it read is never served from the cache
// after Clear.
type SearchCache struct {
	group    gencache.Group
	pages    *gencache.Cache[string, page]
	briefs   *gencache.Cache[string, *store.Brief]
	snippets *gencache.Cache[snippetKey, string]
}

// page is a cached answer of Search. Its hits are never modified.
type page struct {
	total uint64
	hits  []Hit
}

type snippetKey struct {
	query string // the query and the snippet options
	id    string // the article
}

// NewSearchCache returns a SearchCache of the given sizes.
func NewSearchCache(sz CacheSizes) *SearchCache {
	c := &SearchCache{}
	c.pages = gencache.New[string, page](&c.group, sz.Pages, DefaultCachedPages)
	c.briefs = gencache.New[string, *store.Brief](&c.group, sz.Briefs, DefaultCachedBriefs)
	c.snippets = gencache.New[snippetKey, string](&c.group, sz.Snippets, DefaultCachedSnippets)
	return c
}

// Clear empties the cache. Entries computed from what was read before
// Clear and put after it are ignored.
func (c *SearchCache) Clear() {
	if c != nil {
		c.group.Clear()
	}
}

func (c *SearchCache) generation() uint64 {
	if c == nil {
		return 0
	}
	return c.group.Gen()
}

func (c *SearchCache) brief(id string, gen uint64) (*store.Brief, bool) {
	if c == nil {
		return nil, false
	}
	return c.briefs.Get(id, gen)
}

func (c *SearchCache) putBrief(b *store.Brief, gen uint64) {
	if c != nil {
		c.briefs.Add(b.Article.ID, b, gen)
	}
}

func (c *SearchCache) snippet(k snippetKey, gen uint64) (string, bool) {
	if c == nil {
		return "", false
	}
	return c.snippets.Get(k, gen)
}

func (c *SearchCache) putSnippet(k snippetKey, s string, gen uint64) {
	if c != nil {
		c.snippets.Add(k, s, gen)
	}
}
